//! `ledgerbench workload` as a user drives it: every shipped profile runs on
//! small blocks, bad profiles and unknown schemes give clear errors.

mod common;
use common::{ledgerbench, run_dirs};

use ledgerbench_harness::results::{RunDir, Status};
use ledgerbench_harness::workload::profile::{BUILTIN, Profile};
use ledgerbench_harness::workload::run::WorkloadRecord;

/// The workload records of a run directory.
fn workload_records(dir: &std::path::Path) -> Vec<WorkloadRecord> {
    let lines = RunDir::open(dir).expect("dir").read_lines().expect("lines");
    WorkloadRecord::read_all(&lines).expect("records")
}

#[test]
fn every_shipped_profile_runs_on_small_blocks() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let registry = ledgerbench::registry();
    let mut runnable = 0;
    for (name, text) in BUILTIN {
        let args = [
            "workload",
            "run",
            name,
            "--block-txs",
            "24",
            "--blocks",
            "1",
        ];
        let o = ledgerbench(
            &[
                &args[..],
                &[
                    "--client-budget",
                    "1",
                    "--timing-budget",
                    "0.2",
                    "--out",
                    &out_arg,
                ],
            ]
            .concat(),
        );
        let stderr = String::from_utf8_lossy(&o.stderr);
        let profile = Profile::parse(text, name).expect("profile");
        let missing: Vec<&String> = profile
            .roles
            .values()
            .filter(|id| registry.get(id).is_none())
            .collect();
        if missing.is_empty() {
            assert!(o.status.success(), "{name}: {stderr}");
            runnable += 1;
        } else {
            // Profiles naming schemes not (yet) registered fail clearly.
            assert_eq!(o.status.code(), Some(2), "{name}: {stderr}");
            let expected = format!("scheme `{}` is not registered", missing[0]);
            assert!(stderr.contains(&expected), "{name}: {stderr}");
        }
    }
    let dirs = run_dirs(out.path());
    assert_eq!(dirs.len(), runnable);
    assert!(runnable >= 7, "only {runnable} profiles ran");
    for dir in dirs {
        let records = workload_records(&dir);
        assert_eq!(records.len(), 1, "{}", dir.display());
        let r = &records[0];
        assert_eq!(r.status, Status::Ok, "{}: {:?}", r.profile, r.error);
        assert!(r.bad_block_rejected.values().all(|v| *v), "{}", r.profile);
        assert!(r.bytes_per_tx.total() > 0.0);
        assert!(
            r.figure("cores_needed_at_target_tps")
                .is_some_and(|c| c > 0.0),
            "{}",
            r.profile
        );
    }
}

#[test]
fn baseline_comparison_is_recorded_with_both_runs() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let o = ledgerbench(&[
        "workload",
        "run",
        "retail-payments",
        "--scheme",
        "sig=ml-dsa-44/libcrux",
        "--baseline",
        "sig=ed25519/dalek",
        "--block-txs",
        "40",
        "--blocks",
        "1",
        "--timing-budget",
        "0.2",
        "--out",
        &out_arg,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dir = run_dirs(out.path()).pop().expect("run dir");
    let records = workload_records(&dir);
    assert_eq!(records.len(), 2);
    let main = records
        .iter()
        .find(|r| r.roles["sig"] == "ml-dsa-44/libcrux")
        .expect("main run");
    let versus = main.versus.as_ref().expect("comparison");
    assert_eq!(versus.baseline_roles["sig"], "ed25519/dalek");
    // ML-DSA-44 signatures (2420 B) and keys (1312 B) dwarf Ed25519's 64 + 32.
    assert!(
        versus.bytes_per_tx_ratio > 5.0,
        "{}",
        versus.bytes_per_tx_ratio
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("vs baseline: bytes/tx ×"));
}

#[test]
fn malformed_profile_points_at_file_line_and_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.toml");
    let text = BUILTIN[0]
        .1
        .replacen("payload_bytes = 120", "payload_bytez = 120", 1);
    std::fs::write(&path, &text).expect("write");
    let line = text
        .lines()
        .position(|l| l.starts_with("payload_bytez"))
        .expect("line")
        + 1;
    let o = ledgerbench(&["workload", "run", &path.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("bad.toml:{line}:")) && err.contains("payload_bytez"),
        "{err}"
    );
}

#[test]
fn unknown_scheme_or_profile_lists_the_registered_ones() {
    let o = ledgerbench(&[
        "workload",
        "run",
        "retail-payments",
        "--scheme",
        "sig=ml-dsa-66/rustcrypto",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("scheme `ml-dsa-66/rustcrypto` is not registered")
            && err.contains("ml-dsa-65/rustcrypto"),
        "{err}"
    );
    let o = ledgerbench(&["workload", "run", "retail-paymnts"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean retail-payments"));
}

/// The committee policy on real BLS: a header carries one aggregate of 342
/// of 512 members; a flipped bit, another header's aggregate, or a signer
/// missing from the key set must each sink the block under every strategy.
/// With a scheme that does not aggregate, the header carries the quorum's
/// signatures (k-of-n multisig) and one bad signature sinks it too.
#[test]
fn light_client_rejects_every_corrupted_committee_aggregate() {
    use ledgerbench_harness::bench_rng;
    use ledgerbench_harness::workload::ledger::{Block, Builder};
    use ledgerbench_harness::workload::resolve::{assign, parse_assignments, resolve};
    use ledgerbench_harness::workload::verify::{Strategy, Verifier};
    use std::time::Duration;

    let registry = ledgerbench::registry();
    let profile = Profile::load("cross-chain-light-client").expect("profile");
    for sig in ["bls12-381-minpk/blst", "ed25519/dalek"] {
        let roles = assign(
            &profile,
            &parse_assignments(&[format!("sig={sig}")]).expect("pairs"),
        )
        .expect("roles");
        let entries = resolve(&profile, &roles, &registry).expect("resolve");
        let mut rng = bench_rng(3, "light-client");
        let mut builder =
            Builder::new(&profile, &entries, Duration::from_secs(30), &mut rng).expect("builder");
        // 40 transactions: 2 headers, 38 state proofs.
        let block = builder.block(40, &mut rng).expect("block");
        let verifier = Verifier::new(&profile, &entries, builder.provers());
        let strategies: Vec<Strategy> = Strategy::ALL
            .into_iter()
            .filter(|s| verifier.applies(*s))
            .collect();
        for s in &strategies {
            assert!(
                verifier.verify(&block, *s).is_ok(),
                "{sig}: {s:?} rejects a good block"
            );
        }
        let headers: Vec<usize> = (0..block.txs.len())
            .filter(|&i| block.txs[i].kind == 0)
            .collect();
        assert_eq!(headers.len(), 2);
        let h = headers[0];
        let aggregated = sig.starts_with("bls");
        assert_eq!(
            block.txs[h].public_keys.len(),
            342,
            "{sig}: the quorum's keys"
        );
        assert_eq!(
            block.txs[h].signatures.len(),
            if aggregated { 1 } else { 342 },
            "{sig}: one aggregate, or the quorum's signatures"
        );
        let mut bad_blocks: Vec<(&str, Block)> = Vec::new();
        let with = |f: &dyn Fn(&mut Vec<ledgerbench_harness::workload::ledger::Tx>)| {
            let mut txs = block.txs.clone();
            f(&mut txs);
            Block {
                txs,
                aggregate: block.aggregate.clone(),
                root: block.root.clone(),
            }
        };
        bad_blocks.push(("bit flip", with(&|txs| txs[h].signatures[0][20] ^= 0x04)));
        let other = block.txs[headers[1]].signatures[0].clone();
        bad_blocks.push((
            "another header's signature",
            with(&|txs| txs[h].signatures[0] = other.clone()),
        ));
        bad_blocks.push((
            "a signer left out of the key set",
            with(&|txs| {
                txs[h].public_keys.pop();
            }),
        ));
        // Member 342 signed the second header (members 1..=342), not the first (0..=341).
        let outsider = block.txs[headers[1]].public_keys[341].clone();
        assert!(!block.txs[h].public_keys.contains(&outsider));
        bad_blocks.push((
            "a non-signing member in place of a signer",
            with(&|txs| txs[h].public_keys[0] = outsider.clone()),
        ));
        for (what, bad) in &bad_blocks {
            for s in &strategies {
                assert!(
                    verifier.verify(bad, *s).is_err(),
                    "{sig}: {what} accepted by {s:?}"
                );
            }
        }
    }
}

#[test]
fn a_timing_budget_must_be_a_positive_number_of_seconds() {
    for bad in ["0", "-1", "soon"] {
        let arg = format!("--timing-budget={bad}");
        let o = ledgerbench(&["workload", "run", "retail-payments", &arg]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{bad}: {stderr}");
        assert!(
            stderr.contains(&format!("`{bad}` is not a positive number of seconds")),
            "{bad}: {stderr}"
        );
    }
}
