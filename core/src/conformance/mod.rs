//! The conformance kit: the checks a scheme must pass before it is timed.
//!
//! One generic function per family runs every check on a typed scheme and
//! returns a [`GateReport`]: [`signature`] (plus [`batch`], [`aggregate`],
//! [`signing_sets`] for the optional capabilities), [`kem`], [`hash`] and
//! [`proof`] (plus [`proof_batch`], [`proof_rerandomize`]). The runtime gate
//! of every registered entry calls them at [`Depth::Gate`]; each crate's tests
//! call them at [`Depth::Thorough`] or [`Depth::Exhaustive`] (malformed
//! encodings, every bit of every encoding) and assert [`GateReport::passed`].
//!
//! Published vector suites (Wycheproof, RFC and CCTV vectors, NIST ACVP
//! files) are not part of the gate: their runners live beside each
//! implementation crate, return a [`SuiteReport`] per suite, and are attached
//! to catalog entries as [`VectorSuite`]s; `ledgerbench conformance` runs
//! them and every measurement record carries the [`Verdict`] they add up to.
//!
//! ```
//! # #[cfg(feature = "testing")] {
//! use ledgerbench_core::conformance::{self, Depth};
//! use ledgerbench_core::testing::ToySig;
//! let report = conformance::signature::<ToySig>(7, Depth::Exhaustive);
//! assert!(report.passed(), "{}", report.describe());
//! # }
//! ```

use serde::{Deserialize, Serialize};

mod hash;
mod kem;
mod proof;
mod signature;
mod suite;

pub use hash::hash;
pub use kem::kem;
pub use proof::{ProofFixture, proof, proof_batch, proof_rerandomize};
pub use signature::{Signed, signers};
pub use signature::{accepts, aggregate, batch, signature, signing_sets};
pub use suite::{Classification, FlagCount, Outcome, SuiteReport, VectorSuite, Verdict};

/// How hard the kit looks; each depth runs every check of the ones before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// The runtime gate: one bit of the first, middle and last byte of each
    /// encoding is flipped; fast enough to run before every measurement.
    Gate,
    /// Tests of slow schemes: the gate plus INFO completeness, re-encodings,
    /// messages and encodings changed in length, all-zero/all-one and random
    /// encodings.
    Thorough,
    /// Tests: every bit of every byte of signatures and keys, and the error
    /// kinds (`Decode` for malformed lengths, `Verification` for a changed
    /// message).
    Exhaustive,
}

impl Depth {
    /// The (position label, byte index, bit) triples to flip in an encoding
    /// of `len` bytes: first/middle/last byte below [`Depth::Exhaustive`],
    /// every bit at it.
    pub fn flips(self, len: usize) -> Vec<(String, usize, u8)> {
        if self == Depth::Exhaustive {
            (0..len)
                .flat_map(|i| (0..8).map(move |bit| (format!("byte {i} bit {bit}"), i, bit)))
                .collect()
        } else {
            tamper_positions(len)
                .into_iter()
                .map(|(name, i)| (format!("{name} byte"), i, 0))
                .collect()
        }
    }
}

/// One check of the gate (e.g. "tampered signature rejected").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// What was checked.
    pub name: String,
    /// Whether it held.
    pub passed: bool,
    /// What happened, when it did not hold (or a useful remark).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

impl Check {
    /// The check's name, with what happened in parentheses when there is a detail.
    pub fn describe(&self) -> String {
        if self.detail.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.detail)
        }
    }
}

/// The outcome of the correctness gate for one scheme.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateReport {
    /// Every check, in the order run.
    pub checks: Vec<Check>,
}

impl GateReport {
    /// True when at least one check ran and every check held (an empty
    /// gate proves nothing, so it does not pass).
    pub fn passed(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.passed)
    }

    /// The checks that failed.
    pub fn failures(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.passed)
    }

    /// One line naming the failed checks, for error messages.
    pub fn describe(&self) -> String {
        let failed: Vec<String> = self.failures().map(Check::describe).collect();
        if self.checks.is_empty() {
            "no checks ran".to_string()
        } else if failed.is_empty() {
            format!("all {} checks passed", self.checks.len())
        } else {
            format!("failed: {}", failed.join("; "))
        }
    }

    /// Records a check that must hold.
    pub fn check(&mut self, name: impl Into<String>, passed: bool, detail: impl Into<String>) {
        let detail = if passed { String::new() } else { detail.into() };
        self.checks.push(Check {
            name: name.into(),
            passed,
            detail,
        });
    }

    /// Records that `result` is `Ok`, keeping the error text when it is not.
    pub fn check_ok<T>(&mut self, name: impl Into<String>, result: &crate::Result<T>) {
        let detail = match result {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        };
        self.check(name, result.is_ok(), detail);
    }

    /// Records that `result` is `Err` (a tampered input was rejected).
    pub fn check_rejected<T>(&mut self, name: impl Into<String>, result: crate::Result<T>) {
        self.check(name, result.is_err(), "accepted");
    }

    /// Appends the checks of another report.
    pub fn extend(&mut self, other: GateReport) {
        self.checks.extend(other.checks);
    }
}

/// INFO completeness: a standard, a note, an `name/impl` id, and exactly the
/// sizes of `objects` (e.g. `["pk", "sk", "sig"]`).
fn check_info(report: &mut GateReport, info: &crate::SchemeInfo, objects: &[&str]) {
    report.check(
        "INFO names a standard and has a note",
        !info.standard.is_empty() && !info.note.is_empty() && info.id().contains('/'),
        format!("standard {:?}, note {:?}", info.standard, info.note),
    );
    report.check(
        format!("INFO lists exactly the {} sizes", objects.join(", ")),
        info.sizes.len() == objects.len() && objects.iter().all(|o| info.size(o).is_some()),
        format!("{} sizes listed", info.sizes.len()),
    );
}

/// A copy of `bytes` with bit `bit` of byte `index` flipped.
pub fn flip_bit(bytes: &[u8], index: usize, bit: u8) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if let Some(b) = out.get_mut(index) {
        *b ^= 1 << (bit % 8);
    }
    out
}

/// Positions where the gate tampers with an encoding: first, middle and last byte.
pub fn tamper_positions(len: usize) -> Vec<(&'static str, usize)> {
    if len == 0 {
        return Vec::new();
    }
    vec![("first", 0), ("middle", len / 2), ("last", len - 1)]
}

/// Checks an observed encoded length against the specified size.
pub fn size_matches(spec: Option<crate::Size>, observed: usize) -> bool {
    match spec {
        Some(crate::Size::Exact(n)) => observed == n,
        Some(crate::Size::Max(n)) => observed <= n,
        Some(crate::Size::Variable) | None => true,
    }
}
