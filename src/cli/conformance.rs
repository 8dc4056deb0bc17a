//! `ledgerbench conformance`: runs every published vector suite attached to
//! the selected implementations (default: every registered one), prints one
//! table per implementation, the CCTV Ed25519 classification and the ECDSA
//! low-S policy, and writes records of kind `conformance` to a results
//! directory whose report has the same tables.

use std::fmt::Write as _;
use std::path::PathBuf;

use ledgerbench_harness::conformance::{SuiteReport, Verdict};
use ledgerbench_harness::engine::EngineConfig;
use ledgerbench_harness::plan::{RunConfig, Suite, parse_family};
use ledgerbench_harness::provenance::RunInfo;
use ledgerbench_harness::results::{ConformanceRecord, RunDir, conformance_record, now_rfc3339};
use ledgerbench_harness::{Entry, Error, Family, Registry, Result};

use super::run::write_failed_then;

/// Arguments of `conformance`.
#[derive(clap::Args, Debug)]
pub(super) struct ConformanceArgs {
    /// Scheme glob over `name/impl` (repeatable); default: every registered implementation.
    #[arg(long = "scheme")]
    schemes: Vec<String>,
    /// Only this family (repeatable): sig, kem, hash, zk.
    #[arg(long = "family")]
    families: Vec<String>,
    /// Parent directory of run directories.
    #[arg(long, default_value = "results")]
    out: PathBuf,
    /// Exit 1 when an implementation deviates from a suite (for CI).
    #[arg(long)]
    fail_on_deviation: bool,
    /// Do not write report.html / report.md at the end.
    #[arg(long)]
    no_report: bool,
}

fn select(registry: &Registry, args: &ConformanceArgs) -> Result<Vec<Entry>> {
    let families: Vec<Family> = args
        .families
        .iter()
        .map(|f| parse_family(f))
        .collect::<Result<_>>()?;
    let entries: Vec<Entry> = registry
        .select(&args.schemes)?
        .into_iter()
        .filter(|e| families.is_empty() || families.contains(&e.info().family))
        .collect();
    if entries.is_empty() {
        return Err(Error::Usage(
            "no registered implementation matches the selection".into(),
        ));
    }
    Ok(entries)
}

pub(super) fn conformance(
    registry: &Registry,
    args: &ConformanceArgs,
    command_line: Vec<String>,
) -> Result<i32> {
    let entries = select(registry, args)?;
    let run_id = super::new_run_id(&args.out, "conformance");
    let dir = match RunDir::create(args.out.join(&run_id)) {
        Ok(dir) => dir,
        Err(e @ Error::Io { .. }) => return Ok(write_failed_then(None, e, None)),
        Err(e) => return Err(e),
    };
    let config = RunConfig {
        suite: Suite::Quick,
        schemes: args.schemes.clone(),
        families: Vec::new(),
        ops: Vec::new(),
        msg_lens: None,
        batches: None,
        sizes: None,
        threads: 1,
        seed: 0,
        partition: None,
    };
    let mut crates: Vec<&str> = entries
        .iter()
        .map(|e| e.info().implementation.krate)
        .collect();
    crates.sort_unstable();
    crates.dedup();
    let mut info = RunInfo::start(
        run_id,
        command_line,
        config,
        EngineConfig::quick(),
        crate::build_info_for(registry),
        crates,
    );
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed_then(Some((&dir, &mut info)), e, None));
    }
    let mut writer = match dir.appender() {
        Ok(w) => w,
        Err(e) => return Ok(write_failed_then(Some((&dir, &mut info)), e, None)),
    };
    let started = std::time::Instant::now();
    let mut records = Vec::new();
    for entry in &entries {
        let record = conformance_record(*entry);
        print!("{}", implementation_table(&record));
        if let Err(e) = writer.append(&record) {
            return Ok(write_failed_then(Some((&dir, &mut info)), e, None));
        }
        records.push(record);
    }
    print!("{}", cctv_table(&records));
    print!("{}", low_s_lines(&records));
    info.status = "complete".into();
    info.finished_at = Some(now_rfc3339());
    info.peak_rss_bytes = ledgerbench_harness::alloc::peak_rss_bytes();
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed_then(Some((&dir, &mut info)), e, None));
    }
    let count = |pred: fn(&Verdict) -> bool| records.iter().filter(|r| pred(&r.verdict)).count();
    let errored: Vec<&str> = records
        .iter()
        .filter(|r| r.suites.iter().any(|s| s.error.is_some()))
        .map(|r| r.scheme.as_str())
        .collect();
    eprintln!(
        "{} implementations in {:.1} s: {} conformant, {} deviate, {} untested{}",
        records.len(),
        started.elapsed().as_secs_f64(),
        count(|v| *v == Verdict::Conformant),
        count(|v| v.deviates()),
        count(|v| *v == Verdict::Untested),
        if errored.is_empty() {
            String::new()
        } else {
            format!("; a suite could not run for {}", errored.join(", "))
        }
    );
    println!("results: {}", dir.path().display());
    if !args.no_report {
        super::report::after_run(dir.path());
    }
    let deviates = records.iter().any(|r| r.verdict.deviates());
    Ok(i32::from(
        !errored.is_empty() || (args.fail_on_deviation && deviates),
    ))
}

/// A count, or `-` for zero.
fn n(count: usize) -> String {
    if count == 0 {
        "-".into()
    } else {
        count.to_string()
    }
}

/// The table of one implementation: a header line with its verdict, one
/// line per suite, then the notes (reasons, policies, failed test ids).
pub fn implementation_table(record: &ConformanceRecord) -> String {
    let mut out = String::new();
    let mut header = format!(
        "\n{}  ({})  verdict: {}",
        record.scheme, record.standard, record.verdict
    );
    if let Some(why) = record.untested_reason() {
        let _ = write!(header, " ({why})");
    }
    let _ = writeln!(out, "{header}");
    if record.suites.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "  {:<42} {:<44} {:>5} {:>6} {:>6} {:>10} {:>5} {:>15}",
        "suite",
        "source @ commit",
        "run",
        "passed",
        "failed",
        "acceptable",
        "n/a",
        "self-consistent"
    );
    let mut notes = Vec::new();
    for s in &record.suites {
        let _ = writeln!(
            out,
            "  {:<42} {:<44} {:>5} {:>6} {:>6} {:>10} {:>5} {:>15}",
            s.suite,
            format!("{} @ {}", s.source, s.commit),
            s.run,
            n(s.passed),
            n(s.failed()),
            n(s.acceptable),
            n(s.not_applicable),
            n(s.self_consistent)
        );
        notes.extend(suite_notes(s));
    }
    for note in notes {
        let _ = writeln!(out, "    {note}");
    }
    out
}

/// The notes of one suite: why it did not run, its policy, its reasons and
/// the ids of failed vectors.
fn suite_notes(s: &SuiteReport) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(e) = &s.error {
        notes.push(format!("{}: did not run: {e}", s.suite));
    }
    if !s.policy.is_empty() {
        notes.push(format!("{}: policy: {}", s.suite, s.policy));
    }
    if !s.reason.is_empty() {
        notes.push(format!("{}: {}", s.suite, s.reason));
    }
    if !s.failed_ids.is_empty() {
        let shown: Vec<String> = s.failed_ids.iter().take(16).map(u64::to_string).collect();
        let more = if s.failed_ids.len() > 16 { ", ..." } else { "" };
        notes.push(format!(
            "{}: failed tcIds {}{more}",
            s.suite,
            shown.join(", ")
        ));
    }
    notes
}

/// The CCTV Ed25519 classification across implementations: accepted per
/// flag, one column per implementation × verification function.
pub fn cctv_table(records: &[ConformanceRecord]) -> String {
    let mut columns = Vec::new();
    for r in records {
        for s in &r.suites {
            for c in &s.classification {
                columns.push((format!("{} {}", r.scheme, c.function), c));
            }
        }
    }
    let Some((_, first)) = columns.first() else {
        return String::new();
    };
    let mut out = String::from(
        "\nEd25519 edge cases (C2SP CCTV): vectors accepted per flag, per implementation \
         and verification function\n",
    );
    let _ = write!(out, "  {:<24} {:>7}", "flag", "vectors");
    for (name, _) in &columns {
        let _ = write!(out, " {name:>28}");
    }
    out.push('\n');
    for row in &first.flags {
        let _ = write!(out, "  {:<24} {:>7}", row.flag, row.total);
        let counts: Vec<usize> = columns
            .iter()
            .map(|(_, c)| c.get(&row.flag).map_or(0, |r| r.accepted))
            .collect();
        for count in &counts {
            let _ = write!(out, " {count:>28}");
        }
        if counts.iter().any(|&c| c != counts[0]) {
            out.push_str("  <- differ");
        }
        out.push('\n');
    }
    out
}

/// The ECDSA low-S policy of each ECDSA implementation, from its suites.
pub fn low_s_lines(records: &[ConformanceRecord]) -> String {
    let mut out = String::new();
    for r in records.iter().filter(|r| r.scheme.starts_with("ecdsa-")) {
        let declared: Vec<&SuiteReport> =
            r.suites.iter().filter(|s| !s.policy.is_empty()).collect();
        let line = match declared.first() {
            Some(s) => format!("{}; {}", s.policy, s.reason),
            None if !r.suites.is_empty() => {
                let failed: usize = r.suites.iter().map(SuiteReport::failed).sum();
                format!("no low-S rule declared (plain ECDSA); {failed} deviations from the files")
            }
            None => continue,
        };
        if out.is_empty() {
            out.push_str("\nECDSA low-S policy\n");
        }
        let _ = writeln!(out, "  {:<34} {line}", r.scheme);
    }
    out
}
