//! The registry's ZK schemes: ids, operations, size sweeps, the Groth16
//! gate's extra checks, size errors and the workload kit. (Every gate passing
//! is `tests/registry.rs`.) The entries come from `ledgerbench::registry()`,
//! whose crate already instantiates them: a test crate calling
//! `entries_of(ledgerbench_zk::catalog)` would compile every proof system's
//! timed loops and gates again, for minutes.

use std::collections::BTreeSet;

use ledgerbench_harness::dynamic::Axis;
use ledgerbench_harness::{Entry, Family, Op, bench_rng};

fn entries() -> Vec<Entry> {
    ledgerbench::registry().family(Family::Zk)
}

#[test]
fn ids_follow_the_naming_scheme() {
    let ids: BTreeSet<String> = entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), entries().len(), "ids are unique");
    let mut expected = BTreeSet::new();
    for curve in ["bls12-381", "bn254"] {
        for circuit in [
            "range",
            "merkle",
            "preimage-poseidon",
            "preimage-sha256",
            "synthetic",
        ] {
            expected.insert(format!("groth16-{curve}-{circuit}/arkworks"));
        }
    }
    for circuit in ["range", "merkle", "preimage-poseidon", "synthetic"] {
        expected.insert(format!("halo2-ipa-{circuit}/halo2"));
    }
    expected.insert("bulletproofs-range/dalek".to_string());
    assert_eq!(ids, expected);
}

#[test]
fn every_entry_is_zk_with_setup_prove_verify() {
    for e in entries() {
        let id = e.id();
        assert_eq!(e.info().family, Family::Zk, "{id}");
        let ops = e.ops();
        for op in [Op::Setup, Op::Prove, Op::Verify] {
            assert!(ops.contains(&op), "{id} lacks {op}");
        }
        assert_eq!(
            ops.contains(&Op::VerifyBatch),
            id.starts_with("groth16"),
            "{id}: batch verification is Groth16's"
        );
        assert!(e.zk_kit().is_some(), "{id}");
        assert_eq!(
            e.full_suite_only(),
            id.contains("sha256"),
            "{id}: only SHA-256 is full-suite only"
        );
    }
}

#[test]
fn size_sweeps_match_the_circuit() {
    for e in entries() {
        let id = e.id();
        let quick = e.size_params(false);
        let full = e.size_params(true);
        if id.contains("preimage") {
            assert!(quick.is_empty() && full.is_empty(), "{id}");
            assert_eq!(e.axis(Op::Prove), Axis::None, "{id}");
            continue;
        }
        assert_eq!(e.axis(Op::Prove), Axis::Size, "{id}");
        assert_eq!(e.axis(Op::Verify), Axis::Size, "{id}");
        assert!(
            !quick.is_empty() && quick.iter().all(|s| full.contains(s)),
            "{id}"
        );
        if id.contains("merkle") {
            assert_eq!(full, vec![10, 20, 27], "{id}");
        }
        if id.contains("range") {
            assert_eq!(full, vec![1, 2, 4, 8], "{id}");
        }
        if id.contains("synthetic") {
            assert!(quick.iter().all(|k| *k <= 12), "{id}");
            assert!(full.iter().max() >= Some(&16), "{id}");
        }
    }
}

#[test]
fn groth16_gate_checks_malleability_and_batches() {
    let e = entries()
        .into_iter()
        .find(|e| e.id() == "groth16-bn254-merkle/arkworks")
        .expect("registered");
    let report = e.gate(3);
    let names: Vec<&str> = report.checks.iter().map(|c| c.name.as_str()).collect();
    assert!(names.contains(&"re-randomized proof verifies (proofs are malleable)"));
    assert!(names.contains(&"batch with one proof for another public input rejected"));
}

#[test]
fn out_of_range_sizes_are_usage_errors() {
    use ledgerbench_harness::{Error, Params};
    for (id, size) in [
        ("groth16-bn254-synthetic/arkworks", 40),
        ("halo2-ipa-synthetic/halo2", 40),
        ("groth16-bn254-merkle/arkworks", 64),
        ("halo2-ipa-merkle/halo2", 0),
        ("groth16-bn254-range/arkworks", 0),
        ("bulletproofs-range/dalek", 3),
    ] {
        let entry = entries()
            .into_iter()
            .find(|e| e.id() == id)
            .expect("registered");
        let params = Params {
            size: Some(size),
            ..Params::default()
        };
        let err = entry.prepare(Op::Prove, &params, 1).err();
        assert!(
            matches!(err, Some(Error::Usage(_))),
            "{id} size {size}: {err:?}"
        );
    }
}

#[test]
fn workload_kit_proves_and_verifies_encodings() {
    let entry = ledgerbench::registry()
        .get("groth16-bn254-merkle/arkworks")
        .expect("registered");
    let mut rng = bench_rng(10, "kit");
    let prover = entry
        .zk_kit()
        .expect("kit")
        .new_prover(4, &mut rng)
        .expect("setup");
    let (public, proof) = prover.prove_random(&mut rng).expect("prove");
    assert_eq!(public.len(), 32);
    assert_eq!(proof.len(), 128);
    assert!(prover.verify_encoded(&public, &proof).is_ok());
    let (other, _) = prover.prove_random(&mut rng).expect("prove");
    assert!(prover.verify_encoded(&other, &proof).is_err());
}
