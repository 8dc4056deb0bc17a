//! `ledgerbench compare A B`: every record present in both runs side by side,
//! the ratio B/A of the headline statistic (the mean for variable-time
//! operations, the median otherwise), and whether the difference is statistically
//! significant by a Mann–Whitney U test on the raw samples. A regression is a
//! significant slowdown past the threshold, or a row that was measured in A
//! and fails in B.

pub mod mwu;
pub mod rank;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use ledgerbench_harness::results::Record;
use ledgerbench_harness::stats::Statistic;

use crate::data::{RunData, measured};
use crate::doc::{Align, Block, Doc, Table, Tone};
use crate::format;
use mwu::{MannWhitney, mann_whitney};

/// How differences are judged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CompareOptions {
    /// Smallest relative change that counts (0.05 = 5%).
    pub threshold: f64,
    /// Significance level of the Mann–Whitney U test.
    pub alpha: f64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            threshold: 0.05,
            alpha: 0.05,
        }
    }
}

/// Parses a threshold given in percent: `5%`, `5`, `2.5%`.
pub fn parse_threshold(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v / 100.0),
        _ => Err(format!(
            "--threshold takes a percentage such as 5% or 2.5, not `{text}`"
        )),
    }
}

/// The judgement of one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Significantly slower by more than the threshold.
    Regression,
    /// Measured in A, not timed in B (gate failed or error).
    NewlyFailing,
    /// Significantly faster by more than the threshold.
    Improvement,
    /// Not timed in A, measured in B.
    Fixed,
    /// Significant, but smaller than the threshold.
    WithinThreshold,
    /// No significant difference.
    NoChange,
    /// Not timed in either run.
    StillFailing,
    /// Only in A.
    OnlyInA,
    /// Only in B.
    OnlyInB,
}

impl Verdict {
    /// Short text for tables.
    pub fn text(self) -> &'static str {
        match self {
            Verdict::Regression => "REGRESSION",
            Verdict::NewlyFailing => "NOW FAILING",
            Verdict::Improvement => "improvement",
            Verdict::Fixed => "fixed",
            Verdict::WithinThreshold => "significant, below threshold",
            Verdict::NoChange => "no significant change",
            Verdict::StillFailing => "failing in both",
            Verdict::OnlyInA => "only in A",
            Verdict::OnlyInB => "only in B",
        }
    }

    /// Whether the row fails `--fail-on-regression`.
    pub fn is_regression(self) -> bool {
        matches!(self, Verdict::Regression | Verdict::NewlyFailing)
    }

    fn tone(self) -> Tone {
        match self {
            Verdict::Regression | Verdict::NewlyFailing | Verdict::StillFailing => Tone::Bad,
            Verdict::Improvement | Verdict::Fixed => Tone::Good,
            Verdict::WithinThreshold => Tone::Warn,
            Verdict::NoChange => Tone::Normal,
            Verdict::OnlyInA | Verdict::OnlyInB => Tone::Muted,
        }
    }
}

/// One compared row.
#[derive(Clone, Debug)]
pub struct RowComparison {
    /// The record key.
    pub key: String,
    /// Scheme id.
    pub scheme: String,
    /// Operation.
    pub op: String,
    /// Parameters (and threads).
    pub params: String,
    /// The statistic compared: the mean for variable-time operations (in
    /// either run), the median otherwise.
    pub statistic: Statistic,
    /// That statistic in A (ns), when measured.
    pub a_value: Option<f64>,
    /// That statistic in B (ns), when measured.
    pub b_value: Option<f64>,
    /// B / A of the statistic.
    pub ratio: Option<f64>,
    /// The test on the raw samples.
    pub test: Option<MannWhitney>,
    /// The judgement.
    pub verdict: Verdict,
}

/// A whole comparison.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// Run id of A.
    pub a: String,
    /// Run id of B.
    pub b: String,
    /// The options used.
    pub options: CompareOptions,
    /// Rows, in A's order then B-only rows.
    pub rows: Vec<RowComparison>,
    /// Cautions (different machines, builds).
    pub cautions: Vec<String>,
}

/// The statistic a row is compared on: the mean when the operation is
/// variable-time in any of the runs, the median otherwise.
fn statistic(records: &[&Record]) -> Statistic {
    if records.iter().any(|r| r.variable_time) {
        Statistic::Mean
    } else {
        Statistic::Median
    }
}

/// `record`'s value of the statistic chosen over `all`, when measured.
fn value(record: &Record, all: &[&Record]) -> Option<f64> {
    let variable_time = statistic(all) == Statistic::Mean;
    measured(record).map(|m| m.ns.headline(variable_time).value)
}

fn judge(
    a: &Record,
    b: &Record,
    o: &CompareOptions,
) -> (Option<f64>, Option<MannWhitney>, Verdict) {
    match (measured(a), measured(b)) {
        (Some(ma), Some(mb)) => {
            let variable_time = a.variable_time || b.variable_time;
            let ratio = mb.ns.headline(variable_time).value / ma.ns.headline(variable_time).value;
            let test = mann_whitney(&ma.samples_ns, &mb.samples_ns);
            let significant = test.is_some_and(|t| t.p < o.alpha);
            let verdict = if !significant {
                Verdict::NoChange
            } else if ratio > 1.0 + o.threshold {
                Verdict::Regression
            } else if ratio < 1.0 - o.threshold {
                Verdict::Improvement
            } else {
                Verdict::WithinThreshold
            };
            (Some(ratio), test, verdict)
        }
        (Some(_), None) => (None, None, Verdict::NewlyFailing),
        (None, Some(_)) => (None, None, Verdict::Fixed),
        (None, None) => (None, None, Verdict::StillFailing),
    }
}

fn params(r: &Record) -> String {
    let p = r.params.label();
    if p.is_empty() {
        format!("threads={}", r.threads)
    } else {
        format!("{}, threads={}", p.replace(',', ", "), r.threads)
    }
}

impl Comparison {
    /// Compares run `b` against run `a`.
    pub fn new(a: &RunData, b: &RunData, options: CompareOptions) -> Comparison {
        let b_by_key: BTreeMap<&str, &Record> =
            b.records.iter().map(|r| (r.key.as_str(), r)).collect();
        let a_keys: BTreeSet<&str> = a.records.iter().map(|r| r.key.as_str()).collect();
        let mut rows = Vec::new();
        for ra in &a.records {
            let row = match b_by_key.get(ra.key.as_str()) {
                Some(rb) => {
                    let (ratio, test, verdict) = judge(ra, rb, &options);
                    RowComparison {
                        key: ra.key.clone(),
                        scheme: ra.scheme.clone(),
                        op: ra.op.to_string(),
                        params: params(ra),
                        statistic: statistic(&[ra, rb]),
                        a_value: value(ra, &[ra, rb]),
                        b_value: value(rb, &[ra, rb]),
                        ratio,
                        test,
                        verdict,
                    }
                }
                None => RowComparison {
                    key: ra.key.clone(),
                    scheme: ra.scheme.clone(),
                    op: ra.op.to_string(),
                    params: params(ra),
                    statistic: statistic(&[ra]),
                    a_value: value(ra, &[ra]),
                    b_value: None,
                    ratio: None,
                    test: None,
                    verdict: Verdict::OnlyInA,
                },
            };
            rows.push(row);
        }
        for rb in b
            .records
            .iter()
            .filter(|r| !a_keys.contains(r.key.as_str()))
        {
            rows.push(RowComparison {
                key: rb.key.clone(),
                scheme: rb.scheme.clone(),
                op: rb.op.to_string(),
                params: params(rb),
                statistic: statistic(&[rb]),
                a_value: None,
                b_value: value(rb, &[rb]),
                ratio: None,
                test: None,
                verdict: Verdict::OnlyInB,
            });
        }
        let mut cautions = Vec::new();
        let (ma, mb) = (&a.info.machine, &b.info.machine);
        if ma.cpu_model != mb.cpu_model {
            cautions.push(format!(
                "the runs used different CPUs (A: {}, B: {}): differences mix code and hardware.",
                ma.cpu_model.as_deref().unwrap_or("unknown"),
                mb.cpu_model.as_deref().unwrap_or("unknown")
            ));
        }
        if a.info.build.rustc != b.info.build.rustc {
            cautions.push(format!(
                "the runs used different compilers (A: {}, B: {}).",
                a.info.build.rustc, b.info.build.rustc
            ));
        }
        if a.info.build.profile != b.info.build.profile {
            cautions.push(format!(
                "the runs used different build profiles (A: {}, B: {}).",
                a.info.build.profile, b.info.build.profile
            ));
        }
        Comparison {
            a: a.info.run_id.clone(),
            b: b.info.run_id.clone(),
            options,
            rows,
            cautions,
        }
    }

    /// Rows that fail `--fail-on-regression`.
    pub fn regressions(&self) -> impl Iterator<Item = &RowComparison> {
        self.rows.iter().filter(|r| r.verdict.is_regression())
    }

    /// Count of rows per verdict.
    pub fn counts(&self) -> BTreeMap<Verdict, usize> {
        let mut counts = BTreeMap::new();
        for r in &self.rows {
            *counts.entry(r.verdict).or_insert(0) += 1;
        }
        counts
    }

    /// The method, in one paragraph.
    pub fn method(&self) -> String {
        format!(
            "Rows are matched by record key (scheme, operation, parameters, threads). \
             Ratio is B / A of the mean for variable-time operations and of the median \
             otherwise (the statistic column says which): above 1 means B is slower. Significance \
             comes from a two-sided Mann–Whitney U test on the raw per-operation \
             samples of both runs (exact distribution for up to 30 samples per side \
             without ties, otherwise the normal approximation with tie and continuity \
             correction), at α = {}; overlapping confidence intervals are not used as \
             a test. A regression is a significant change with ratio above {} \
             ({}% threshold), or a row measured in A that is not timed in B; an \
             improvement is a significant change with ratio below {}. With many rows, \
             expect about α × rows false alarms among rows without a real change; the \
             threshold keeps small ones from counting.",
            self.options.alpha,
            format::sig3(1.0 + self.options.threshold),
            format::sig3(self.options.threshold * 100.0),
            format::sig3(1.0 - self.options.threshold),
        )
    }

    /// The comparison as a document (rendered to HTML and Markdown).
    pub fn doc(&self) -> Doc {
        let mut doc = Doc::new(format!("ledgerbench comparison — {} vs {}", self.a, self.b));
        doc.heading(2, "Summary", "summary");
        let counts = self.counts();
        let summary: Vec<String> = counts
            .iter()
            .map(|(v, n)| format!("{n} {}", v.text()))
            .collect();
        doc.para(format!(
            "A = `{}`, B = `{}`: {} rows — {}.",
            self.a,
            self.b,
            self.rows.len(),
            summary.join(", ")
        ));
        let regressions: Vec<&RowComparison> = self.regressions().collect();
        if regressions.is_empty() {
            doc.blocks.push(Block::Note {
                tone: Tone::Good,
                text: "No regressions past the threshold.".into(),
            });
        } else {
            doc.blocks.push(Block::Note {
                tone: Tone::Bad,
                text: format!(
                    "{} regression(s): {}.",
                    regressions.len(),
                    regressions
                        .iter()
                        .map(|r| format!("`{}`", r.key))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        for c in &self.cautions {
            doc.blocks.push(Block::Note {
                tone: Tone::Warn,
                text: format!("Caution: {c}"),
            });
        }
        doc.para(self.method());
        doc.heading(2, "Rows", "rows");
        let mut table = Table::new(
            "table-compare",
            &[
                ("scheme", Align::Left),
                ("op", Align::Left),
                ("params", Align::Left),
                ("statistic", Align::Left),
                ("A", Align::Right),
                ("B", Align::Right),
                ("B / A", Align::Right),
                ("p (Mann–Whitney)", Align::Right),
                ("P(B > A)", Align::Right),
                ("verdict", Align::Left),
            ],
        );
        let mut rows: Vec<&RowComparison> = self.rows.iter().collect();
        rows.sort_by_key(|r| r.verdict);
        for r in rows {
            table.push(
                vec![
                    r.scheme.clone(),
                    r.op.clone(),
                    r.params.clone(),
                    r.statistic.as_str().into(),
                    r.a_value.map(format::ns).unwrap_or_else(|| "–".into()),
                    r.b_value.map(format::ns).unwrap_or_else(|| "–".into()),
                    r.ratio.map(format::ratio).unwrap_or_else(|| "–".into()),
                    r.test
                        .map(|t| {
                            format!(
                                "{}{}",
                                format::p_value(t.p),
                                if t.exact { "" } else { " ≈" }
                            )
                        })
                        .unwrap_or_else(|| "–".into()),
                    r.test
                        .map(|t| format!("{:.2}", t.prob_b_greater))
                        .unwrap_or_else(|| "–".into()),
                    r.verdict.text().to_string(),
                ],
                r.verdict.tone(),
            );
        }
        doc.blocks.push(Block::Table(table));
        doc.para(
            "p values marked ≈ use the normal approximation. P(B > A) is the \
             probability that a random sample of B is slower than one of A (0.50: \
             no shift).",
        );
        doc
    }

    /// A plain-text table for the terminal, regressions first.
    pub fn terminal(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<34} {:<16} {:<22} {:<6} {:>10} {:>10} {:>7} {:>8}  verdict",
            "scheme", "op", "params", "stat", "A", "B", "B/A", "p"
        );
        let mut rows: Vec<&RowComparison> = self.rows.iter().collect();
        rows.sort_by_key(|r| r.verdict);
        for r in rows {
            let _ = writeln!(
                out,
                "{:<34} {:<16} {:<22} {:<6} {:>10} {:>10} {:>7} {:>8}  {}",
                r.scheme,
                r.op,
                r.params,
                r.statistic.as_str(),
                r.a_value.map(format::ns).unwrap_or_else(|| "-".into()),
                r.b_value.map(format::ns).unwrap_or_else(|| "-".into()),
                r.ratio.map(format::ratio).unwrap_or_else(|| "-".into()),
                r.test
                    .map(|t| format::p_value(t.p))
                    .unwrap_or_else(|| "-".into()),
                r.verdict.text()
            );
        }
        out
    }
}
