//! `ledgerbench ct`: dudect-style constant-time screening of every
//! secret-dependent operation (sign over messages and over keys, decaps,
//! keygen where the seed decides the key) of the selected schemes, written as
//! records of kind `ct` to a results directory and shown in its report. An
//! interrupted screen continues with `ct --resume DIR`.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use ledgerbench_harness::ct::{CT, CtConfig, CtRecord, CtVerdict, ct_key, screen_entry};
use ledgerbench_harness::dynamic::ct::CtCase;
use ledgerbench_harness::engine::EngineConfig;
use ledgerbench_harness::plan::{RunConfig, Suite, parse_op};
use ledgerbench_harness::provenance::RunInfo;
use ledgerbench_harness::results::{RunDir, now_rfc3339};
use ledgerbench_harness::{Entry, Error, Op, Registry, Result};

use super::run::write_failed_then;

/// Arguments of `ct`.
#[derive(clap::Args, Debug)]
pub(super) struct CtArgs {
    /// Scheme glob over `name/impl` (repeatable); default: the quick suite's schemes.
    #[arg(long = "scheme", conflicts_with = "resume")]
    schemes: Vec<String>,
    /// Only this operation (repeatable): keygen, sign, decaps.
    #[arg(long = "op", conflicts_with = "resume")]
    ops: Vec<String>,
    /// Seconds of measuring per operation [default: 3; a resumed screen keeps its own].
    /// An operation too slow for --min-measurements in that time measures
    /// longer, up to 5 budgets (at least 15 s).
    #[arg(long)]
    budget: Option<f64>,
    /// Measurements an operation is given time for, past the budget if needed.
    #[arg(long, default_value_t = CtConfig::default().min_measurements)]
    min_measurements: u64,
    /// Seed for keys, inputs and the class order.
    #[arg(long, default_value_t = 1, conflicts_with = "resume")]
    seed: u64,
    /// Parent directory of run directories.
    #[arg(long, default_value = "results", conflicts_with = "resume")]
    out: PathBuf,
    /// Continue an interrupted screen in this run directory: finished screens
    /// are kept, screens that ended in error run again.
    #[arg(long, value_name = "DIR")]
    resume: Option<PathBuf>,
    /// No per-operation lines.
    #[arg(long)]
    quiet: bool,
    /// Do not write report.html / report.md at the end.
    #[arg(long)]
    no_report: bool,
}

/// The (entry, screen) pairs of a selection, in registry order.
fn plan(registry: &Registry, schemes: &[String], ops: &[Op]) -> Result<Vec<(Entry, CtCase)>> {
    let explicit = !schemes.is_empty();
    let mut jobs = Vec::new();
    for entry in registry.select(schemes)? {
        if !explicit && entry.full_suite_only() {
            continue;
        }
        for case in entry.ct_cases() {
            if ops.is_empty() || ops.contains(&case.op) {
                jobs.push((entry, case));
            }
        }
    }
    if jobs.is_empty() {
        return Err(Error::Usage(format!(
            "nothing to screen: `ct` screens keygen, sign (signatures) and decaps (KEMs){}",
            if ops.is_empty() {
                String::new()
            } else {
                let ops: Vec<String> = ops.iter().map(Op::to_string).collect();
                format!(", and no selected scheme offers {}", ops.join(", "))
            }
        )));
    }
    Ok(jobs)
}

/// A new screen's run directory and run.json (not yet written).
fn new_screen(
    args: &CtArgs,
    ops: &[Op],
    jobs: &[(Entry, CtCase)],
    command_line: Vec<String>,
) -> Result<(RunDir, RunInfo)> {
    let run_id = super::new_run_id(&args.out, "ct");
    let dir = RunDir::create(args.out.join(&run_id))?;
    let config = RunConfig {
        suite: Suite::Quick,
        schemes: args.schemes.clone(),
        families: Vec::new(),
        ops: ops.to_vec(),
        msg_lens: None,
        batches: None,
        sizes: None,
        threads: 1,
        seed: args.seed,
        partition: None,
    };
    let crates: BTreeSet<&str> = jobs
        .iter()
        .map(|(e, _)| e.info().implementation.krate)
        .collect();
    let info = RunInfo::start(
        run_id,
        command_line,
        config,
        EngineConfig::quick(),
        crate::build_info(),
        crates,
    );
    Ok((dir, info))
}

/// What a resumed screen keeps: the finished keys (errors are retried) and
/// the budget its records were measured with.
fn resume_state(dir: &RunDir) -> Result<(HashSet<String>, Option<f64>)> {
    let state = dir.prepare_resume()?;
    for note in &state.notes {
        eprintln!("warning: {note}");
    }
    if !state.retry.is_empty() {
        eprintln!(
            "retrying {} screen(s) that ended in error: {}",
            state.retry.len(),
            state.retry.join(", ")
        );
    }
    let (records, _) = dir.read_lines()?.parse_kind_lenient::<CtRecord>(CT);
    Ok((state.done, records.first().map(|r| r.budget_s)))
}

pub(super) fn ct(registry: &Registry, args: &CtArgs, command_line: Vec<String>) -> Result<i32> {
    if let Some(b) = args.budget
        && !(b.is_finite() && b > 0.0)
    {
        return Err(Error::Usage(format!(
            "--budget takes a positive number of seconds, not {b}"
        )));
    }
    // A resumed screen plans its stored selection; a new one, the arguments.
    let (dir, mut info, jobs) = match &args.resume {
        Some(path) => {
            let (dir, info) = super::run::reopen(path, command_line)?;
            let jobs = plan(registry, &info.config.schemes, &info.config.ops)?;
            (dir, info, jobs)
        }
        None => {
            let ops: Vec<Op> = args
                .ops
                .iter()
                .map(|o| parse_op(o))
                .collect::<Result<_>>()?;
            let jobs = plan(registry, &args.schemes, &ops)?;
            match new_screen(args, &ops, &jobs, command_line) {
                Ok((dir, info)) => (dir, info, jobs),
                Err(e @ Error::Io { .. }) => return Ok(write_failed_then(None, e, Some("ct"))),
                Err(e) => return Err(e),
            }
        }
    };
    let (done, stored_budget) = if args.resume.is_some() {
        match resume_state(&dir) {
            Ok(state) => state,
            Err(e @ Error::Io { .. }) => {
                return Ok(write_failed_then(Some((&dir, &mut info)), e, Some("ct")));
            }
            Err(e) => return Err(e),
        }
    } else {
        (HashSet::new(), None)
    };
    let budget = args
        .budget
        .or(stored_budget)
        .unwrap_or_else(|| CtConfig::default().budget.as_secs_f64());
    let cfg = CtConfig {
        min_measurements: args.min_measurements,
        ..CtConfig::with_budget(Duration::from_secs_f64(budget))
    };
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed_then(Some((&dir, &mut info)), e, Some("ct")));
    }
    let mut writer = match dir.appender() {
        Ok(w) => w,
        Err(e) => return Ok(write_failed_then(Some((&dir, &mut info)), e, Some("ct"))),
    };
    let started = std::time::Instant::now();
    let todo: Vec<&(Entry, CtCase)> = jobs
        .iter()
        .filter(|(entry, case)| !done.contains(&ct_key(&entry.id(), *case)))
        .collect();
    if todo.len() < jobs.len() {
        eprintln!(
            "{} of {} screens finished before; {} to go",
            jobs.len() - todo.len(),
            jobs.len(),
            todo.len()
        );
    }
    let mut failed = 0;
    for (i, (entry, case)) in todo.iter().enumerate() {
        if !args.quiet {
            eprint!("[{}/{}] {} {case} ... ", i + 1, todo.len(), entry.id());
        }
        let record = screen_entry(*entry, *case, &cfg, info.config.seed);
        if !args.quiet {
            eprintln!("{}", record.summary);
        }
        if record.verdict == CtVerdict::Error {
            failed += 1;
        }
        if let Err(e) = writer.append(&record) {
            return Ok(write_failed_then(Some((&dir, &mut info)), e, Some("ct")));
        }
    }
    info.status = "complete".into();
    info.finished_at = Some(now_rfc3339());
    info.peak_rss_bytes = ledgerbench_harness::alloc::peak_rss_bytes();
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed_then(Some((&dir, &mut info)), e, Some("ct")));
    }
    // The verdicts of the whole screen, finished-before ones included (the
    // reader keeps the last record of a key: a retry supersedes its error).
    let (latest, _) = dir.read_lines()?.parse_kind_lenient::<CtRecord>(CT);
    let suspected: Vec<CtRecord> = latest
        .iter()
        .filter(|r| r.verdict == CtVerdict::LeakSuspected)
        .cloned()
        .collect();
    print!("{}", suspected_lines(&suspected));
    eprintln!(
        "{} screens run in {:.0} s ({} in the directory): {} leak(s) suspected, {} failed",
        todo.len(),
        started.elapsed().as_secs_f64(),
        latest.len(),
        suspected.len(),
        failed
    );
    println!("results: {}", dir.path().display());
    if !args.no_report {
        super::report::after_run(dir.path());
    }
    Ok(if suspected.is_empty() && failed == 0 {
        0
    } else {
        1
    })
}

/// One line per suspected leak (stdout), for scripts and CI logs.
fn suspected_lines(records: &[CtRecord]) -> String {
    records
        .iter()
        .map(|r| {
            format!(
                "leak suspected: {} {} ({}) |t| = {:.1} in {} measurements ({}){}\n",
                r.scheme,
                r.op,
                r.varies,
                r.t.unwrap_or(0.0),
                r.measurements,
                r.classes,
                if r.variable_time {
                    " [declared variable-time]"
                } else {
                    ""
                }
            )
        })
        .collect()
}
