//! Conformance records: the published vector suites of one implementation.
//!
//! `ledgerbench conformance` writes one record of kind `conformance` per
//! registered implementation; `ledgerbench run` writes the same record for
//! each implementation it measures (once, before its first measurement) and
//! stores the [`Verdict`] in every measurement record's `conformance` field.

use serde::{Deserialize, Serialize};

use super::{SCHEMA_VERSION, now_rfc3339};
use crate::Entry;
use crate::conformance::{SuiteReport, Verdict};

/// The `kind` of a conformance record.
pub const CONFORMANCE: &str = "conformance";

/// One line of `results.jsonl` with `kind = "conformance"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConformanceRecord {
    /// Record schema version.
    pub schema: u32,
    /// Always `conformance`.
    pub kind: String,
    /// `conformance|scheme`.
    pub key: String,
    /// Scheme id.
    pub scheme: String,
    /// Family short name.
    pub family: String,
    /// Standard the implementation claims.
    pub standard: String,
    /// What the suites add up to.
    pub verdict: Verdict,
    /// One report per attached suite, in listing order.
    pub suites: Vec<SuiteReport>,
    /// Wall time spent running the suites, in seconds.
    pub elapsed_s: f64,
    /// When written (RFC 3339).
    pub finished_at: String,
}

impl ConformanceRecord {
    /// Why the implementation is untested, when it is: no suite attached, or
    /// no vector of any suite applicable.
    pub fn untested_reason(&self) -> Option<String> {
        if self.verdict != Verdict::Untested {
            return None;
        }
        if self.suites.is_empty() {
            return Some(format!(
                "no published vector suite is attached for {}",
                if self.standard.is_empty() {
                    "this scheme"
                } else {
                    &self.standard
                }
            ));
        }
        let reasons: Vec<String> = self
            .suites
            .iter()
            .filter_map(|s| s.error.clone().or_else(|| Some(s.reason.clone())))
            .filter(|r| !r.is_empty())
            .collect();
        Some(if reasons.is_empty() {
            "no vector was judged".to_string()
        } else {
            reasons.join("; ")
        })
    }
}

/// Runs every suite attached to `entry` and builds its record.
pub fn conformance_record(entry: Entry) -> ConformanceRecord {
    let info = entry.info();
    let started = std::time::Instant::now();
    let suites = entry.conformance();
    ConformanceRecord {
        schema: SCHEMA_VERSION,
        kind: CONFORMANCE.to_string(),
        key: format!("{CONFORMANCE}|{}", info.id()),
        scheme: info.id(),
        family: info.family.to_string(),
        standard: info.standard.to_string(),
        verdict: Verdict::of(&suites),
        suites,
        elapsed_s: started.elapsed().as_secs_f64(),
        finished_at: now_rfc3339(),
    }
}
