//! One test run over every registered scheme (the rustls provider-test model):
//! the correctness gate passes, INFO is complete, and the crate it names is in
//! Cargo.lock so provenance can record its version.

use ledgerbench_harness::{Entry, Family, GateReport, Op, Params};

#[test]
fn every_registered_scheme_passes_its_correctness_gate() {
    let registry = ledgerbench::registry();
    let failures: Vec<String> = registry
        .entries()
        .iter()
        .flat_map(|e| [1u64, 2].map(|seed| (e, seed)))
        .filter_map(|(e, seed)| {
            let gate = e.gate(seed);
            let missing = missing_checks(e, &gate);
            if !gate.passed() {
                Some(format!("{} (seed {seed}): {}", e.id(), gate.describe()))
            } else if !missing.is_empty() {
                Some(format!("{} (seed {seed}): no checks {missing:?}", e.id()))
            } else {
                None
            }
        })
        .collect();
    assert!(
        failures.is_empty(),
        "gate failures:\n{}",
        failures.join("\n")
    );
}

/// The checks a proof system's gate must include (the rest of the families'
/// gates are pinned by their crates' tests, which call the gates directly).
fn missing_checks(e: &Entry, gate: &GateReport) -> Vec<&'static str> {
    if e.info().family != Family::Zk {
        return Vec::new();
    }
    let names: Vec<&str> = gate.checks.iter().map(|c| c.name.as_str()).collect();
    [
        "valid proof accepted",
        "proof for another public input rejected",
        "proof with middle byte flipped rejected",
        "unsatisfiable witness fails to prove or is rejected",
        "proof size matches INFO",
    ]
    .into_iter()
    .filter(|check| !names.contains(check))
    .collect()
}

#[test]
fn every_scheme_declares_its_sizes_and_a_locked_crate() {
    let build = ledgerbench::build_info();
    for e in ledgerbench::registry().entries() {
        let info = e.info();
        let required: &[&str] = match info.family {
            Family::Sig => &["pk", "sk", "sig"],
            Family::Kem => &["ek", "dk", "ct", "ss"],
            Family::Hash => &["digest"],
            Family::Zk => &["proof"],
        };
        for object in required {
            assert!(
                info.size(object).is_some(),
                "{} lacks size `{object}`",
                e.id()
            );
        }
        assert!(!info.standard.is_empty(), "{} lacks a standard", e.id());
        assert!(
            build.locked.contains_key(info.implementation.krate),
            "{}: crate `{}` is not in Cargo.lock",
            e.id(),
            info.implementation.krate
        );
    }
}

#[test]
fn every_op_of_every_scheme_prepares_and_runs() {
    for e in ledgerbench::registry().entries() {
        for op in e.ops() {
            let params = match op {
                Op::SignSet => Params {
                    set: e.sets().expect("sets load").first().map(|s| s.to_string()),
                    ..Params::default()
                },
                _ => Params {
                    batch: Some(4),
                    ..Params::default()
                },
            };
            let mut prepared = e
                .prepare(op, &params, 3)
                .unwrap_or_else(|err| panic!("{} {op}: {err}", e.id()));
            prepared
                .run(1)
                .unwrap_or_else(|err| panic!("{} {op}: {err}", e.id()));
            assert!(!prepared.sizes().is_empty(), "{} {op}: no sizes", e.id());
        }
    }
}

/// Operations whose time depends on input or randomness (rejection sampling,
/// proving) lead with the mean; FIPS 204 signing, Falcon keygen and signing,
/// FIPS 203 key generation and proving are such operations, Ed25519 and hashes
/// are not.
#[test]
fn variable_time_operations_are_declared() {
    let registry = ledgerbench::registry();
    let variable = |id: &str, op: Op| {
        registry
            .get(id)
            .unwrap_or_else(|| panic!("{id} registered"))
            .variable_time(op)
    };
    for id in [
        "ml-dsa-44/pqclean",
        "ml-dsa-65/rustcrypto",
        "ml-dsa-87/libcrux",
    ] {
        assert!(variable(id, Op::Sign) && variable(id, Op::SignSet), "{id}");
        // FIPS 204 Algorithm 6: ExpandA and ExpandS rejection-sample.
        assert!(variable(id, Op::Keygen), "{id}");
        assert!(!variable(id, Op::Verify), "{id}");
    }
    for op in [Op::Keygen, Op::Sign] {
        assert!(variable("falcon-512/pqclean", op));
    }
    assert!(variable("ed25519+ml-dsa-65/composite", Op::Sign));
    assert!(variable("ed25519+ml-dsa-65/composite", Op::Keygen));
    // X-Wing key generation contains ML-KEM-768's (FIPS 203 SampleNTT).
    assert!(variable("x-wing/rustcrypto", Op::Keygen));
    assert!(variable("ml-kem-768/libcrux", Op::Keygen));
    assert!(!variable("ml-kem-768/libcrux", Op::Decaps));
    assert!(variable("groth16-bls12-381-range/arkworks", Op::Prove));
    assert!(!variable("groth16-bls12-381-range/arkworks", Op::Verify));
    for id in [
        "ed25519/dalek",
        "sha256/rustcrypto",
        "slh-dsa-sha2-128f/rustcrypto",
    ] {
        for op in [Op::Keygen, Op::Sign, Op::Verify, Op::Digest] {
            assert!(!variable(id, op), "{id} {op}");
        }
    }
}
