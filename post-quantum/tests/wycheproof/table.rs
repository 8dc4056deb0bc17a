//! Conformance bookkeeping for the tests: the library's suite reports (one
//! per implementation × Wycheproof file), printed as a table and compared
//! with pinned counts.

use std::fmt::Write as _;

use ledgerbench_harness::SchemeInfo;
use ledgerbench_harness::conformance::{SuiteReport, VectorSuite};

/// One implementation's report on one file.
pub struct Row {
    /// Scheme id, `name/impl`.
    pub scheme: String,
    /// The report.
    pub report: SuiteReport,
}

/// Runs `suites` of the scheme described by `info` into rows.
pub fn run_all<T>(
    info: &SchemeInfo,
    suites: impl IntoIterator<Item = VectorSuite<T>>,
    rows: &mut Vec<Row>,
) {
    for suite in suites {
        rows.push(Row {
            scheme: info.id(),
            report: suite.run(),
        });
    }
}

/// The file stem of a suite (`mldsa_65_verify` for `wycheproof mldsa_65_verify`).
fn stem(r: &SuiteReport) -> &str {
    r.suite.strip_prefix("wycheproof ").unwrap_or(&r.suite)
}

/// Renders rows as a Markdown table.
pub fn render(title: &str, rows: &[Row]) -> String {
    let mut out = format!(
        "\n### {title}\n\n| scheme | vectors | run | passed | failed | acceptable | n/a | self-consistent | failed tcIds | reason |\n|---|---|---|---|---|---|---|---|---|---|\n"
    );
    for Row { scheme, report: r } in rows {
        let failed = match r.failed() {
            0 => String::new(),
            1..=8 => format!("{:?}", r.failed_ids),
            n => format!("{n}: {:?}…", &r.failed_ids[..8]),
        };
        let _ = writeln!(
            out,
            "| {scheme} | {} | {} | {} | {} | {} | {} | {} | {failed} | {} |",
            stem(r),
            r.run,
            r.passed,
            r.failed(),
            r.acceptable,
            r.not_applicable,
            r.self_consistent,
            r.reason
        );
    }
    out
}

/// Expected `(scheme, file, passed, failed, acceptable, not applicable,
/// self-consistent)` counts.
pub type Expected = (
    &'static str,
    &'static str,
    usize,
    usize,
    usize,
    usize,
    usize,
);

/// Prints the table and asserts every row matches its pinned expectation.
pub fn check(title: &str, rows: &[Row], expected: &[Expected]) {
    println!("{}", render(title, rows));
    let counts = |r: &SuiteReport| {
        (
            r.passed,
            r.failed(),
            r.acceptable,
            r.not_applicable,
            r.self_consistent,
        )
    };
    let mut problems = Vec::new();
    for Row { scheme, report: r } in rows {
        assert!(r.error.is_none(), "{scheme} {}: {:?}", r.suite, r.error);
        let got = counts(r);
        match expected.iter().find(|e| e.0 == scheme && e.1 == stem(r)) {
            Some(e) if (e.2, e.3, e.4, e.5, e.6) == got => {}
            Some(e) => problems.push(format!(
                "{scheme} {}: expected passed/failed/acceptable/n-a/self {:?}, got {got:?} (failed {:?})",
                stem(r),
                (e.2, e.3, e.4, e.5, e.6),
                r.failed_ids
            )),
            None => problems.push(format!(
                "{scheme} {}: no expectation pinned, got {got:?}",
                stem(r)
            )),
        }
    }
    if rows.len() != expected.len() || !problems.is_empty() {
        // What to pin if the change is intended.
        println!("observed:");
        for Row { scheme, report: r } in rows {
            let (p, f, a, n, s) = counts(r);
            println!("    ({scheme:?}, {:?}, {p}, {f}, {a}, {n}, {s}),", stem(r));
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
