//! Plain-text tables for the terminal and README.

use std::fmt::Write as _;

use ledgerbench_harness::provenance::BuildInfo;
use ledgerbench_harness::results::{CheckRecord, CheckVerdict, Record};
use ledgerbench_harness::{Entry, Family};

/// Markdown table of schemes: id, implementation, standard, security, sizes.
/// README.md embeds this table; a test keeps the two identical.
pub fn scheme_table(entries: &[Entry], build: &BuildInfo) -> String {
    let mut out = String::from(
        "| scheme | implementation | standard | security | sizes (bytes) | suite | notes |\n|---|---|---|---|---|---|---|\n",
    );
    for family in Family::ALL {
        for e in entries.iter().filter(|e| e.info().family == family) {
            let info = e.info();
            let imp = &info.implementation;
            let version = build
                .locked
                .get(imp.krate)
                .map(String::as_str)
                .unwrap_or("?");
            let sizes: Vec<String> = info.sizes.iter().map(|(n, s)| format!("{n} {s}")).collect();
            let _ = writeln!(
                out,
                "| `{}` | {} {} ({}) | {} | {} | {} | {} | {} |",
                e.id(),
                imp.krate,
                version,
                imp.backend,
                info.standard,
                info.security,
                sizes.join(", "),
                if e.full_suite_only() { "full" } else { "quick" },
                info.note,
            );
        }
    }
    out
}

/// Human units for nanoseconds.
pub fn format_ns(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

/// Terminal summary of a run: one line per record.
pub fn results_table(records: &[Record]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<34} {:<16} {:<14} {:>11} {:<6} {:>23} {:<16} {:>12}  sizes",
        "scheme", "op", "params", "time", "stat", "95% CI", "conformance", "cycles"
    );
    for r in records {
        let params = r.params.label();
        match (r.headline(), &r.measurement) {
            (Some(h), Some(m)) => {
                let cycles = m.cycles.as_ref().map_or("-".to_string(), |c| {
                    format!("{:.0}", c.headline(r.variable_time).value)
                });
                let sizes: Vec<String> = r.sizes.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let ci = if h.is_noisy() {
                    format!("≈{}", ci_text(h.ci95))
                } else {
                    ci_text(h.ci95)
                };
                let _ = writeln!(
                    out,
                    "{:<34} {:<16} {:<14} {:>11} {:<6} {:>23} {:<16} {:>12}  {}",
                    r.scheme,
                    r.op.as_str(),
                    params,
                    format_ns(h.value),
                    h.statistic.as_str(),
                    ci,
                    verdict_text(r),
                    cycles,
                    sizes.join(" ")
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "{:<34} {:<16} {:<14} NOT TIMED: {} [conformance: {}]",
                    r.scheme,
                    r.op.as_str(),
                    params,
                    r.error.as_deref().unwrap_or("unknown"),
                    verdict_text(r)
                );
            }
        }
    }
    out
}

/// The legend under a results table when some row's CI is wide, else nothing.
pub fn noisy_legend(records: &[Record]) -> Option<String> {
    let noisy = records
        .iter()
        .filter(|r| r.headline().is_some_and(|h| h.is_noisy()))
        .count();
    (noisy > 0).then(|| {
        format!(
            "≈ {noisy} of {} rows have a 95% CI wider than {:.0}% of the figure: too noisy to \
             compare at that resolution (more samples, `--threads 1`, or a quieter machine)",
            records.len(),
            ledgerbench_harness::stats::STABLE_CI_WIDTH * 100.0
        )
    })
}

/// The record's conformance verdict (`✗ deviations: N` marks a deviating
/// implementation), `-` when the record has none.
fn verdict_text(r: &Record) -> String {
    match r.conformance {
        Some(v) if v.deviates() => format!("✗ {v}"),
        Some(v) => v.to_string(),
        None => "-".into(),
    }
}

/// A 95% CI as `[lo, hi]`, or "n too small" when there is none.
fn ci_text(ci: Option<(f64, f64)>) -> String {
    ci.map_or("n too small".to_string(), |(lo, hi)| {
        format!("[{}, {}]", format_ns(lo), format_ns(hi))
    })
}

/// One line per benchmark self-check (`.alt` agreement of signing sets).
pub fn check_lines(checks: &[CheckRecord]) -> String {
    let mut out = String::new();
    for c in checks {
        let _ = writeln!(
            out,
            "signing-set check {:<28} {} mean {} {}, {} mean {} {}: {}",
            c.scheme,
            c.set,
            format_ns(c.mean_ns),
            ci_text(c.ci95),
            c.alternate,
            format_ns(c.alternate_mean_ns),
            ci_text(c.alternate_ci95),
            match c.verdict {
                CheckVerdict::Consistent => "consistent",
                CheckVerdict::Differ => "DIFFER beyond their 95% CIs",
                CheckVerdict::NTooSmall => "n too small to compare",
            }
        );
    }
    out
}
