//! The correctness gate: checks a scheme must pass before it is timed.

use serde::{Deserialize, Serialize};

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

/// The outcome of the correctness gate for one scheme.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateReport {
    /// Every check, in the order run.
    pub checks: Vec<Check>,
}

impl GateReport {
    /// True when every check held.
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }

    /// The checks that failed.
    pub fn failures(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.passed)
    }

    /// One line naming the failed checks, for error messages.
    pub fn summary(&self) -> String {
        let failed: Vec<String> = self
            .failures()
            .map(|c| {
                if c.detail.is_empty() {
                    c.name.clone()
                } else {
                    format!("{} ({})", c.name, c.detail)
                }
            })
            .collect();
        if failed.is_empty() {
            format!("all {} checks passed", self.checks.len())
        } else {
            format!("failed: {}", failed.join("; "))
        }
    }

    /// Records a check that must hold.
    pub fn expect(&mut self, name: impl Into<String>, passed: bool, detail: impl Into<String>) {
        let detail = if passed { String::new() } else { detail.into() };
        self.checks.push(Check {
            name: name.into(),
            passed,
            detail,
        });
    }

    /// Records that `result` is `Ok`, keeping the error text when it is not.
    pub fn expect_ok<T>(&mut self, name: impl Into<String>, result: &crate::Result<T>) {
        let detail = match result {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        };
        self.expect(name, result.is_ok(), detail);
    }

    /// Records that `result` is `Err` (a tampered input was rejected).
    pub fn expect_rejected<T>(&mut self, name: impl Into<String>, result: crate::Result<T>) {
        self.expect(name, result.is_err(), "accepted");
    }
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
