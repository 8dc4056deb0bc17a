//! Workload engine on toy schemes: real blocks are built, every strategy
//! agrees with sequential verification, and a bad signature sinks the block.

use std::collections::BTreeMap;
use std::time::Duration;

use ledgerbench_core::testing::{ToyHash, ToyKem, ToySig};
use ledgerbench_harness::dynamic::{HashEntry, KemEntry, SigEntry};
use ledgerbench_harness::engine::EngineConfig;
use ledgerbench_harness::stats::MIN_CI_SAMPLES;
use ledgerbench_harness::workload::ledger::Builder;
use ledgerbench_harness::workload::profile::Profile;
use ledgerbench_harness::workload::resolve::{assign, parse_assignments, resolve};
use ledgerbench_harness::workload::run::{WorkloadOptions, run};
use ledgerbench_harness::workload::verify::{Strategy, Verifier};
use ledgerbench_harness::{Entry, Registry, bench_rng};

/// Short block timing for tests (still enough blocks for a CI).
fn quick_timing() -> EngineConfig {
    EngineConfig {
        warmup: Duration::from_millis(5),
        budget: Duration::from_millis(50),
        ..ledgerbench_harness::workload::run::block_timing()
    }
}

const PROFILE: &str = r#"
name = "toy-ledger"
title = "Toy ledger"
sector = "tests"
description = "Every feature of a profile on toy schemes."

[roles]
sig = "toy-sig/toy"
kem = "toy-kem/toy"
merkle = "fnv1a-64/toy"

[ledger]
block_txs = 60
block_header_bytes = 100
tx_overhead_bytes = 20

[scenario]
target_tps = { value = 1000, assumption = "test" }
average_tps = { value = 10, assumption = "test" }
accounts = { value = 1000, assumption = "test" }
account_state_bytes = { value = 10, assumption = "test" }
retention_years = { value = 2, assumption = "test" }
validators = { value = 3, assumption = "test" }

[[tx]]
name = "pay"
share = 0.5
payload_bytes = 40
signature = { role = "sig", policy = "single" }
merkle_path = { depth = 5 }

[[tx]]
name = "multi"
share = 0.25
payload_bytes = 10
signature = { role = "sig", policy = "multisig", m = 2, n = 3 }

[[tx]]
name = "share"
share = 0.25
payload_bytes = 10
signature = { role = "sig", policy = "single" }
envelope = { role = "kem", recipients = 2 }
"#;

fn registry() -> Registry {
    let mut r = Registry::new();
    r.extend([
        SigEntry::<ToySig>::new().with_batch().into_entry(),
        KemEntry::<ToyKem>::entry(),
        HashEntry::<ToyHash>::entry(),
    ])
    .expect("unique");
    r
}

fn setup() -> (Profile, BTreeMap<String, Entry>) {
    let profile = Profile::parse(PROFILE, "toy.toml").expect("profile");
    let roles = assign(&profile, &[]).expect("roles");
    let entries = resolve(&profile, &roles, &registry()).expect("resolve");
    (profile, entries)
}

#[test]
fn parallel_and_batch_verification_agree_with_sequential() {
    let (profile, roles) = setup();
    let mut rng = bench_rng(1, "test");
    let mut builder =
        Builder::new(&profile, &roles, Duration::from_secs(5), &mut rng).expect("builder");
    let block = builder.block(60, &mut rng).expect("block");
    assert_eq!(block.txs.len(), 60);
    let verifier = Verifier::new(&profile, &roles, builder.provers());
    assert!(verifier.applies(Strategy::Batch));
    for s in Strategy::ALL {
        assert!(
            verifier.verify(&block, s).is_ok(),
            "{s:?} rejects a good block"
        );
    }
    // Corrupt each transaction in turn: every strategy must give the sequential verdict.
    for i in [0, 31, 45, 59] {
        let mut txs = block.txs.clone();
        let sig = &mut txs[i].signatures[0];
        sig[0] ^= 1;
        let bad = ledgerbench_harness::workload::ledger::Block {
            txs,
            aggregate: None,
            root: block.root.clone(),
        };
        let verdicts: Vec<bool> = Strategy::ALL
            .iter()
            .map(|s| verifier.verify(&bad, *s).is_ok())
            .collect();
        assert_eq!(
            verdicts,
            vec![false; Strategy::ALL.len()],
            "tx {i}: a bad signature must sink the block under every strategy"
        );
    }
    // A tampered Merkle path is caught too.
    let mut txs = block.txs.clone();
    let with_path = txs
        .iter_mut()
        .find(|t| t.path.is_some())
        .expect("a tx with a path");
    with_path.path.as_mut().expect("path").siblings[0][0] ^= 1;
    let bad = ledgerbench_harness::workload::ledger::Block {
        txs,
        aggregate: None,
        root: block.root.clone(),
    };
    assert!(
        Strategy::ALL
            .iter()
            .all(|s| verifier.verify(&bad, *s).is_err())
    );
}

#[test]
fn a_run_measures_every_strategy_and_derives_labelled_projections() {
    let (profile, roles) = setup();
    let opts = WorkloadOptions {
        blocks: 2,
        timing: quick_timing(),
        ..WorkloadOptions::default()
    };
    let record = run(&profile, &roles, &opts);
    assert_eq!(
        record.status,
        ledgerbench_harness::results::Status::Ok,
        "{:?}",
        record.error
    );
    assert_eq!(
        record.bad_block_rejected.values().filter(|v| **v).count(),
        Strategy::ALL.len()
    );
    assert_eq!(record.verify_block_ns.len(), Strategy::ALL.len());
    // Every strategy was timed with enough blocks for a CI, and carries it.
    for (strategy, stats) in &record.verify_block_ns {
        assert!(stats.n >= MIN_CI_SAMPLES, "{strategy}: {} samples", stats.n);
        assert!(stats.headline(false).ci95.is_some(), "{strategy}");
    }
    // Parallel efficiency is the speed-up over the thread count.
    let threads = record.threads as f64;
    for prefix in ["parallel", "parallel_batch"] {
        let speedup = record
            .figure(&format!("{prefix}_speedup"))
            .expect("speed-up");
        let efficiency = record
            .figure(&format!("{prefix}_efficiency"))
            .expect("efficiency");
        assert!((efficiency - speedup / threads).abs() < 1e-12, "{prefix}");
    }
    // Recipients decapsulated every envelope (0.25 of 60 tx × 2 recipients × 2 blocks).
    assert_eq!(record.client.decapsulations, 2 * 15 * 2);
    assert!(record.figure("decaps_us_per_envelope").is_some());
    // Bytes: 20 overhead + payload + 8-byte sigs... all components that exist are counted.
    let b = record.bytes_per_tx;
    assert!(b.signatures > 0.0 && b.public_keys > 0.0 && b.ciphertexts > 0.0 && b.proofs > 0.0);
    let expected_ct = 0.25 * 2.0 * (32.0 + 48.0);
    assert!(
        (b.ciphertexts - expected_ct).abs() < 1e-9,
        "{}",
        b.ciphertexts
    );
    for name in [
        "tx_per_s_per_core",
        "cores_needed_at_target_tps",
        "ledger_growth_per_day",
        "state_bytes",
        "parallel_speedup",
    ] {
        assert!(
            record.figure(name).is_some_and(f64::is_finite),
            "{name} missing"
        );
    }
    let cores = record
        .derived
        .iter()
        .find(|p| p.name == "cores_needed_at_target_tps")
        .expect("cores");
    assert!(cores.formula.starts_with("projection") && cores.formula.contains("assumption"));
    // Per block: 30 single + 15 × 2 multisig + 15 single signatures, two blocks.
    assert_eq!(
        record.client.signatures,
        2 * (30 + 30 + 15),
        "signatures made"
    );
}

#[test]
fn unknown_role_or_scheme_is_a_clear_error() {
    let profile = Profile::parse(PROFILE, "toy.toml").expect("profile");
    let err = assign(
        &profile,
        &parse_assignments(&["zk=x/y".into()]).expect("pairs"),
    )
    .expect_err("no zk role");
    assert!(
        err.to_string()
            .contains("has no role `zk`; its roles: kem, merkle, sig"),
        "{err}"
    );
    let roles = assign(
        &profile,
        &parse_assignments(&["sig=ml-dsa-65/rustcrypto".into()]).expect("pairs"),
    )
    .expect("roles");
    let err = resolve(&profile, &roles, &registry())
        .expect_err("not registered")
        .to_string();
    assert!(
        err.contains("scheme `ml-dsa-65/rustcrypto` is not registered"),
        "{err}"
    );
    let roles = assign(
        &profile,
        &parse_assignments(&["sig=fnv1a-64/toy".into()]).expect("pairs"),
    )
    .expect("roles");
    let err = resolve(&profile, &roles, &registry())
        .expect_err("wrong family")
        .to_string();
    assert!(err.contains("needs a signature scheme"), "{err}");
    assert!(parse_assignments(&["sig".into()]).is_err());
}

#[test]
fn the_bad_block_probe_hits_a_seeded_random_transaction() {
    let (profile, roles) = setup();
    let hits: Vec<Option<usize>> = (1..=6)
        .map(|seed| {
            let opts = WorkloadOptions {
                blocks: 1,
                timing: quick_timing(),
                seed,
                ..WorkloadOptions::default()
            };
            let r = run(&profile, &roles, &opts);
            assert!(r.bad_block_rejected.values().all(|v| *v));
            r.bad_block_tx
        })
        .collect();
    assert!(hits.iter().all(Option::is_some), "{hits:?}");
    // Not always the first transaction: six seeds over 60 transactions.
    let distinct: std::collections::BTreeSet<_> = hits.iter().collect();
    assert!(distinct.len() > 1, "{hits:?}");
    // The same seed hits the same transaction.
    let again = run(
        &profile,
        &roles,
        &WorkloadOptions {
            blocks: 1,
            timing: quick_timing(),
            seed: 1,
            ..WorkloadOptions::default()
        },
    );
    assert_eq!(again.bad_block_tx, hits[0]);
}
