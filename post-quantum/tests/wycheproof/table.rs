//! Conformance bookkeeping: one row per implementation × Wycheproof file,
//! printed as a table and compared with pinned expectations.

use std::fmt::Write as _;

/// What happened to one vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The implementation did what the vector requires.
    Pass,
    /// It did not.
    Fail,
    /// The library's API cannot take this vector's inputs.
    Cannot,
}

/// The tally for one implementation on one vector file.
#[derive(Clone, Debug)]
pub struct Row {
    /// Scheme id, `name/impl`.
    pub scheme: String,
    /// Wycheproof file stem (`mldsa_65_verify`).
    pub set: &'static str,
    /// Vectors passed.
    pub pass: usize,
    /// Test case ids that failed.
    pub failed: Vec<usize>,
    /// Vectors the API cannot take.
    pub cannot: usize,
    /// How the vectors were applied, when not directly.
    pub how: &'static str,
}

impl Row {
    /// An empty row.
    pub fn new(scheme: String, set: &'static str, how: &'static str) -> Self {
        Row {
            scheme,
            set,
            pass: 0,
            failed: Vec::new(),
            cannot: 0,
            how,
        }
    }

    /// Records one vector's outcome.
    pub fn record(&mut self, tc_id: usize, outcome: Outcome) {
        match outcome {
            Outcome::Pass => self.pass += 1,
            Outcome::Fail => self.failed.push(tc_id),
            Outcome::Cannot => self.cannot += 1,
        }
    }

    /// Total vectors seen.
    pub fn total(&self) -> usize {
        self.pass + self.failed.len() + self.cannot
    }

    /// The table cell: `passed/total`, or "API cannot".
    pub fn cell(&self) -> String {
        if self.cannot == self.total() {
            return "API cannot".to_string();
        }
        let mut s = format!("{}/{}", self.pass, self.total());
        if self.cannot > 0 {
            let _ = write!(s, " ({} API cannot)", self.cannot);
        }
        s
    }
}

/// Renders rows as a Markdown table.
pub fn render(title: &str, rows: &[Row]) -> String {
    let mut out = format!(
        "\n### {title}\n\n| scheme | vectors | passed/total | failed tcIds | how |\n|---|---|---|---|---|\n"
    );
    for r in rows {
        let failed = match r.failed.len() {
            0 => String::new(),
            1..=8 => format!("{:?}", r.failed),
            n => format!("{n}: {:?}…", &r.failed[..8]),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            r.scheme,
            r.set,
            r.cell(),
            failed,
            r.how
        );
    }
    out
}

/// Expected `(scheme, set, pass, fail, cannot)` counts.
pub type Expected = (&'static str, &'static str, usize, usize, usize);

/// Prints the table and asserts every row matches its pinned expectation.
pub fn check(title: &str, rows: &[Row], expected: &[Expected]) {
    println!("{}", render(title, rows));
    let mut problems = Vec::new();
    for r in rows {
        let got = (r.pass, r.failed.len(), r.cannot);
        match expected.iter().find(|e| e.0 == r.scheme && e.1 == r.set) {
            Some(e) if (e.2, e.3, e.4) == got => {}
            Some(e) => problems.push(format!(
                "{} {}: expected pass/fail/cannot {:?}, got {:?} (failed {:?})",
                r.scheme,
                r.set,
                (e.2, e.3, e.4),
                got,
                r.failed
            )),
            None => problems.push(format!(
                "{} {}: no expectation pinned, got {:?}",
                r.scheme, r.set, got
            )),
        }
    }
    if rows.len() != expected.len() || !problems.is_empty() {
        // What to pin if the change is intended.
        println!("observed:");
        for r in rows {
            println!(
                "    ({:?}, {:?}, {}, {}, {}),",
                r.scheme,
                r.set,
                r.pass,
                r.failed.len(),
                r.cannot
            );
        }
    }
    assert_eq!(
        rows.len(),
        expected.len(),
        "row count differs from the pinned table"
    );
    assert!(
        problems.is_empty(),
        "conformance changed:\n{}",
        problems.join("\n")
    );
}
