//! Self-checks of the benchmark, written as records of kind `check`.
//!
//! The representative signing sets come in pairs built to need the same mean
//! number of rejection-sampling iterations (CCTV's `cctv` and `cctv.alt`):
//! the mean signing times measured over the two must agree. A disagreement
//! beyond both confidence intervals marks the row; it does not fail the run
//! (it says the machine was too noisy, or the sets are not equivalent).

use serde::{Deserialize, Serialize};

use super::{Record, SCHEMA_VERSION, Status, now_rfc3339};

/// The `kind` of a check record.
pub const CHECK: &str = "check";

/// The outcome of a self-check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckVerdict {
    /// The two means agree within their 95% CIs.
    Consistent,
    /// The two means differ beyond their 95% CIs.
    Differ,
    /// Too few samples on one side for a confidence interval.
    NTooSmall,
}

/// One line of `results.jsonl` with `kind = "check"`: the `.alt` agreement
/// of a representative signing set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// Record schema version.
    pub schema: u32,
    /// Always `check`.
    pub kind: String,
    /// `check|signing-sets|scheme|set|threads=N`.
    pub key: String,
    /// Scheme id.
    pub scheme: String,
    /// The primary set's label (`cctv`).
    pub set: String,
    /// The alternate set's label (`cctv.alt`).
    pub alternate: String,
    /// Mean nanoseconds per signature over the primary set, with its 95% CI.
    pub mean_ns: f64,
    /// 95% CI of `mean_ns`, when enough samples were taken.
    pub ci95: Option<(f64, f64)>,
    /// Mean nanoseconds per signature over the alternate set.
    pub alternate_mean_ns: f64,
    /// 95% CI of `alternate_mean_ns`.
    pub alternate_ci95: Option<(f64, f64)>,
    /// Whether the two agree.
    pub verdict: CheckVerdict,
    /// When written.
    pub finished_at: String,
}

/// Agreement of every measured primary signing set with its `.alt` twin (same
/// scheme, same thread count).
pub fn signing_set_checks(records: &[Record]) -> Vec<CheckRecord> {
    let measured = |r: &&Record| r.status == Status::Ok && r.measurement.is_some();
    let mut checks = Vec::new();
    for primary in records.iter().filter(measured) {
        let Some(set) = primary
            .params
            .set
            .as_deref()
            .filter(|l| !l.ends_with(".alt"))
        else {
            continue;
        };
        let alternate = format!("{set}.alt");
        let Some(alt) = records.iter().filter(measured).find(|r| {
            r.scheme == primary.scheme
                && r.threads == primary.threads
                && r.params.set.as_deref() == Some(alternate.as_str())
        }) else {
            continue;
        };
        let (Some(a), Some(b)) = (primary.measurement.as_ref(), alt.measurement.as_ref()) else {
            continue;
        };
        // Both are means over whole passes, whatever the op's declared statistic.
        let (ha, hb) = (a.ns.headline(true), b.ns.headline(true));
        let verdict = match (ha.ci95, hb.ci95) {
            (Some((alo, ahi)), Some((blo, bhi))) if alo <= bhi && blo <= ahi => {
                CheckVerdict::Consistent
            }
            (Some(_), Some(_)) => CheckVerdict::Differ,
            _ => CheckVerdict::NTooSmall,
        };
        checks.push(CheckRecord {
            schema: SCHEMA_VERSION,
            kind: CHECK.into(),
            key: format!(
                "check|signing-sets|{}|{set}|threads={}",
                primary.scheme, primary.threads
            ),
            scheme: primary.scheme.clone(),
            set: set.to_string(),
            alternate,
            mean_ns: ha.value,
            ci95: ha.ci95,
            alternate_mean_ns: hb.value,
            alternate_ci95: hb.ci95,
            verdict,
            finished_at: now_rfc3339(),
        });
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Measurement;
    use crate::stats::summarize;
    use crate::{GateReport, Op, Params};

    fn sign_set(set: &str, samples: &[f64]) -> Record {
        Record {
            schema: SCHEMA_VERSION,
            kind: super::super::MEASUREMENT.into(),
            key: format!("ml-dsa-44/x|sign-set|set={set}|threads=1"),
            scheme: "ml-dsa-44/x".into(),
            name: "ml-dsa-44".into(),
            implementation: "x".into(),
            krate: "x".into(),
            backend: "x".into(),
            family: "sig".into(),
            standard: "FIPS 204".into(),
            security: "NIST cat 2".into(),
            op: Op::SignSet,
            variable_time: true,
            params: Params {
                set: Some(set.into()),
                ..Params::default()
            },
            threads: 1,
            status: Status::Ok,
            error: None,
            gate: GateReport::default(),
            items_per_op: 1,
            sizes: Default::default(),
            measurement: Some(Measurement {
                iters_per_sample: 1,
                samples_ns: samples.to_vec(),
                samples_cycles: Vec::new(),
                ns: summarize(samples, 1).expect("samples"),
                cycles: None,
                memory: None,
            }),
            conformance: None,
            finished_at: String::new(),
        }
    }

    /// 40 samples around `center` (±10%).
    fn around(center: f64) -> Vec<f64> {
        (0..40)
            .map(|i| center * (0.9 + 0.2 * f64::from(i % 5) / 4.0))
            .collect()
    }

    #[test]
    fn equal_means_are_consistent_and_distant_ones_differ() {
        let same = signing_set_checks(&[
            sign_set("cctv", &around(600.0)),
            sign_set("cctv.alt", &around(605.0)),
        ]);
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].verdict, CheckVerdict::Consistent);
        assert_eq!(same[0].key, "check|signing-sets|ml-dsa-44/x|cctv|threads=1");
        assert_eq!(
            (same[0].set.as_str(), same[0].alternate.as_str()),
            ("cctv", "cctv.alt")
        );

        let apart = signing_set_checks(&[
            sign_set("cctv", &around(600.0)),
            sign_set("cctv.alt", &around(900.0)),
        ]);
        assert_eq!(apart[0].verdict, CheckVerdict::Differ);

        let few = signing_set_checks(&[
            sign_set("cctv", &[600.0; 3]),
            sign_set("cctv.alt", &around(600.0)),
        ]);
        assert_eq!(few[0].verdict, CheckVerdict::NTooSmall);

        // No twin, no check.
        assert!(signing_set_checks(&[sign_set("cctv", &around(600.0))]).is_empty());
    }
}
