//! One row of a reproduction table: a record of kind `paper` in
//! `results.jsonl`, and the Markdown table of a paper's rows.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// The `kind` of a reproduction row.
pub const PAPER: &str = "paper";

/// The judgement of one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Within the tolerance.
    Agrees,
    /// Outside the tolerance.
    Differs,
    /// The quantity could not be measured here (not offered, gate failed,
    /// too few points).
    NotMeasured,
}

impl Verdict {
    /// Text for tables.
    pub fn text(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Differs => "differs",
            Verdict::NotMeasured => "not measured",
        }
    }
}

/// One line of `results.jsonl` with `kind = "paper"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaperRow {
    /// Record schema version.
    pub schema: u32,
    /// Always `paper`.
    pub kind: String,
    /// `paper|slug|what|scheme`.
    pub key: String,
    /// The paper's slug.
    pub paper: String,
    /// What the row compares.
    pub what: String,
    /// The scheme the row is about, when it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// The published quantity (a ratio, an exponent, a count...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<f64>,
    /// How the published quantity was formed, with its unit and machine.
    pub published_text: String,
    /// At least one published figure of the row could not be confirmed.
    #[serde(default)]
    pub published_unconfirmed: bool,
    /// The measured quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured: Option<f64>,
    /// How the measured quantity was formed.
    pub measured_text: String,
    /// measured ÷ published (for exponents and bytes: also a plain ratio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
    /// The judgement.
    pub verdict: Verdict,
    /// The tolerance, as text (`factor 1.5`, `±0.2`, `exact`).
    pub tolerance: String,
    /// Why the numbers may differ (the spec's `why`).
    pub explanation: String,
}

/// A number with three significant digits (integers as such).
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let a = v.abs();
    if a >= 1000.0 || (v.fract() == 0.0 && a >= 1.0) {
        format!("{v:.0}")
    } else if a >= 100.0 {
        format!("{v:.1}")
    } else if a >= 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The side-by-side table of `rows` in Markdown.
pub fn markdown(rows: &[PaperRow]) -> String {
    let mut out = String::from(
        "| comparison | scheme | published | measured | measured / published | verdict | explanation |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let verdict = if r.published_unconfirmed {
            format!("{} (published figure unconfirmed)", r.verdict.text())
        } else {
            format!("{} ({})", r.verdict.text(), r.tolerance)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.what),
            r.scheme.as_deref().unwrap_or("—"),
            cell(&r.published_text),
            cell(&r.measured_text),
            r.ratio.map_or("—".to_string(), |x| format!("{x:.2}")),
            verdict,
            cell(&r.explanation)
        );
    }
    out
}

/// A compact terminal table of `rows` (no explanations: they are in the
/// Markdown file and the report).
pub fn terminal(rows: &[PaperRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "{:<34} {:<32} published {:<24} measured {:<24} ×{:<6} {}{}",
            r.what,
            r.scheme.as_deref().unwrap_or("—"),
            r.published.map_or("—".to_string(), number),
            r.measured.map_or("—".to_string(), number),
            r.ratio.map_or("—".to_string(), |x| format!("{x:.2}")),
            r.verdict.text(),
            if r.published_unconfirmed {
                " (published figure unconfirmed)"
            } else {
                ""
            }
        );
    }
    out
}
