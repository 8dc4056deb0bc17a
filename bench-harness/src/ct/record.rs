//! The `ct` record: the screen of one operation of one registered scheme.

use serde::{Deserialize, Serialize};

use super::{CT, CtConfig, CtVerdict, screen};
use crate::dynamic::ct::{CtCase, Varies, unit};
use crate::results::{SCHEMA_VERSION, Status, now_rfc3339};
use crate::{Entry, Error, Op};

/// One line of `results.jsonl` of kind `ct`: the screen of one operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CtRecord {
    /// Record schema version.
    pub schema: u32,
    /// Always `ct`.
    pub kind: String,
    /// `ct|scheme|op|varies`, unique within a run.
    pub key: String,
    /// Scheme id.
    pub scheme: String,
    /// Family short name.
    pub family: String,
    /// Operation screened.
    pub op: crate::Op,
    /// The input that differs between the classes.
    pub varies: Varies,
    /// The two input classes.
    pub classes: String,
    /// The op is declared variable-time (rejection sampling): a difference
    /// between the classes is expected and says nothing about the secret by itself.
    pub variable_time: bool,
    /// `ok` when screened (whatever the verdict), `error` when it failed.
    pub status: crate::results::Status,
    /// The verdict.
    pub verdict: CtVerdict,
    /// Largest |t| (absent when not screened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t: Option<f64>,
    /// The test of the battery that gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<String>,
    /// Measurements counted.
    pub measurements: u64,
    /// Mean time of the fixed and the random class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub means: Option<[f64; 2]>,
    /// Unit of the means (`cycles` or `ns`).
    pub unit: String,
    /// Time budget in seconds.
    pub budget_s: f64,
    /// Wall time spent in seconds.
    pub elapsed_s: f64,
    /// The verdict in words, or why the op was not screened.
    pub summary: String,
    /// When written (RFC 3339).
    pub finished_at: String,
}

/// The record key of one screen of `scheme`.
pub fn ct_key(scheme: &str, case: CtCase) -> String {
    format!("ct|{scheme}|{}|{}", case.op, case.varies)
}

/// Runs one screen of `entry` and builds its record; a failure (or a screen
/// that cannot be run) is a record too, with the reason.
pub fn screen_entry(entry: Entry, case: CtCase, cfg: &CtConfig, seed: u64) -> CtRecord {
    let info = entry.info();
    let op: Op = case.op;
    let mut record = CtRecord {
        schema: SCHEMA_VERSION,
        kind: CT.to_string(),
        key: ct_key(&info.id(), case),
        scheme: info.id(),
        family: info.family.to_string(),
        op,
        varies: case.varies,
        classes: String::new(),
        variable_time: entry.variable_time(op),
        status: Status::Ok,
        verdict: CtVerdict::NotApplicable,
        t: None,
        test: None,
        measurements: 0,
        means: None,
        unit: unit().to_string(),
        budget_s: cfg.budget.as_secs_f64(),
        elapsed_s: 0.0,
        summary: String::new(),
        finished_at: String::new(),
    };
    let started = std::time::Instant::now();
    let outcome = entry.ct_target(case, seed).and_then(|mut target| {
        record.classes = target.classes().to_string();
        record.unit = target.unit().to_string();
        screen(target.as_mut(), cfg, seed)
    });
    match outcome {
        Ok(o) => {
            record.verdict = o.verdict();
            record.t = Some(o.t);
            record.test = Some(o.test.to_string());
            record.measurements = o.measurements;
            record.means = Some(o.means);
            record.summary = o.describe();
            if record.variable_time && record.verdict == CtVerdict::LeakSuspected {
                record.summary.push_str(
                    "; the op is declared variable-time (rejection sampling), so a difference \
                     is expected: check whether it depends on the secret",
                );
            }
        }
        Err(Error::Unsupported(why)) => {
            record.verdict = CtVerdict::NotApplicable;
            record.summary = format!("not screened: {why}");
        }
        Err(e) => {
            record.status = Status::Error;
            record.verdict = CtVerdict::Error;
            record.summary = e.to_string();
        }
    }
    record.elapsed_s = started.elapsed().as_secs_f64();
    record.finished_at = now_rfc3339();
    record
}
