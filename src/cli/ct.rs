//! `ledgerbench ct`: dudect-style constant-time screening of every
//! secret-dependent operation (sign, decaps, keygen where the seed decides
//! the key) of the selected schemes, written as records of kind `ct` to a
//! results directory and shown in its report.

use std::path::PathBuf;
use std::time::Duration;

use ledgerbench_harness::ct::{CtConfig, CtRecord, CtVerdict, screen_entry};
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
    #[arg(long = "scheme")]
    schemes: Vec<String>,
    /// Only this operation (repeatable): keygen, sign, decaps.
    #[arg(long = "op")]
    ops: Vec<String>,
    /// Seconds of measuring per operation.
    #[arg(long, default_value_t = 4.0)]
    budget: f64,
    /// Seed for keys, inputs and the class order.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Parent directory of run directories.
    #[arg(long, default_value = "results")]
    out: PathBuf,
    /// No per-operation lines.
    #[arg(long)]
    quiet: bool,
    /// Do not write report.html / report.md at the end.
    #[arg(long)]
    no_report: bool,
}

/// The (entry, op) pairs to screen, in registry order.
fn plan(registry: &Registry, args: &CtArgs) -> Result<Vec<(Entry, Op)>> {
    let ops: Vec<Op> = args
        .ops
        .iter()
        .map(|o| parse_op(o))
        .collect::<Result<_>>()?;
    let explicit = !args.schemes.is_empty();
    let mut jobs = Vec::new();
    for entry in registry.select(&args.schemes)? {
        if !explicit && entry.full_suite_only() {
            continue;
        }
        for op in entry.ct_ops() {
            if ops.is_empty() || ops.contains(&op) {
                jobs.push((entry, op));
            }
        }
    }
    if jobs.is_empty() {
        return Err(Error::Usage(format!(
            "nothing to screen: `ct` screens keygen, sign (signatures) and decaps (KEMs){}",
            if ops.is_empty() {
                String::new()
            } else {
                format!(", and no selected scheme offers {}", args.ops.join(", "))
            }
        )));
    }
    Ok(jobs)
}

pub(super) fn ct(registry: &Registry, args: &CtArgs, command_line: Vec<String>) -> Result<i32> {
    if !(args.budget.is_finite() && args.budget > 0.0) {
        return Err(Error::Usage(format!(
            "--budget takes a positive number of seconds, not {}",
            args.budget
        )));
    }
    let jobs = plan(registry, args)?;
    let cfg = CtConfig {
        budget: Duration::from_secs_f64(args.budget),
        ..CtConfig::default()
    };
    let run_id = format!(
        "{}-ct",
        now_rfc3339().replace([':', '-'], "").trim_end_matches('Z')
    );
    let dir = match RunDir::create(args.out.join(&run_id)) {
        Ok(dir) => dir,
        Err(e @ Error::Io { .. }) => return Ok(write_failed_then(None, e, false)),
        Err(e) => return Err(e),
    };
    let config = RunConfig {
        suite: Suite::Quick,
        schemes: args.schemes.clone(),
        families: Vec::new(),
        ops: jobs
            .iter()
            .map(|(_, op)| *op)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        msg_lens: None,
        batches: None,
        sizes: None,
        threads: 1,
        seed: args.seed,
        partition: None,
    };
    let mut crates: Vec<&str> = jobs
        .iter()
        .map(|(e, _)| e.info().implementation.krate)
        .collect();
    crates.sort_unstable();
    crates.dedup();
    let mut info = RunInfo::start(
        run_id,
        command_line,
        config,
        EngineConfig::quick(),
        crate::build_info(),
        crates,
    );
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed_then(Some((&dir, &mut info)), e, false));
    }
    let mut writer = match dir.appender() {
        Ok(w) => w,
        Err(e) => return Ok(write_failed_then(Some((&dir, &mut info)), e, false)),
    };
    let started = std::time::Instant::now();
    let mut suspected = Vec::new();
    let mut failed = 0;
    for (i, (entry, op)) in jobs.iter().enumerate() {
        if !args.quiet {
            eprint!("[{}/{}] {} {op} ... ", i + 1, jobs.len(), entry.id());
        }
        let record = screen_entry(*entry, *op, &cfg, args.seed);
        if !args.quiet {
            eprintln!("{}", record.summary);
        }
        match record.verdict {
            CtVerdict::LeakSuspected => suspected.push(record.clone()),
            CtVerdict::Error => failed += 1,
            _ => {}
        }
        if let Err(e) = writer.append(&record) {
            return Ok(write_failed_then(Some((&dir, &mut info)), e, false));
        }
    }
    info.status = "complete".into();
    info.finished_at = Some(now_rfc3339());
    info.peak_rss_bytes = ledgerbench_harness::alloc::peak_rss_bytes();
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed_then(Some((&dir, &mut info)), e, false));
    }
    print!("{}", suspected_lines(&suspected));
    eprintln!(
        "{} operations screened in {:.0} s: {} leak(s) suspected, {} failed",
        jobs.len(),
        started.elapsed().as_secs_f64(),
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
                "leak suspected: {} {} |t| = {:.1} in {} measurements ({}){}\n",
                r.scheme,
                r.op,
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
