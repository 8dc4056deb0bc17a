//! Helpers shared by the vector tests: the vectors folder, hex, the
//! decode-then-verify verdict and the negative suite run for every scheme.
#![allow(dead_code, unused_imports)]

use std::path::PathBuf;

use ledgerbench_harness::SignatureScheme;
use ledgerbench_harness::conformance::{self, Depth};

/// The repository's `vectors/` folder (provenance in `vectors/README.md`).
pub fn vectors_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../vectors"))
}

/// Decodes hex, panicking on a typo in a test vector.
pub fn hex(s: &str) -> Vec<u8> {
    hex::decode(s).unwrap_or_else(|e| panic!("bad hex {s:?}: {e}"))
}

pub use ledgerbench_harness::conformance::accepts;

/// The conformance kit at its deepest (every bit of every encoding, malformed
/// encodings and their error kinds), asserting every check held; returns the
/// number of checks run.
pub fn exhaustive_conformance<S: SignatureScheme>() -> usize {
    let report = conformance::signature::<S>(7, Depth::Exhaustive);
    assert!(report.passed(), "{}: {}", S::INFO.id(), report.describe());
    report.checks.len()
}
