//! `ledgerbench run`: plan the selection, gate and measure each scheme, write
//! `results/<run-id>/` as it goes, then print the summary and write the report.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};

use ledgerbench_harness::plan::{
    Job, RunConfig, Suite, parse_family, parse_op, parse_partition, partition_from_env, plan,
    plan_partition,
};
use ledgerbench_harness::provenance::RunInfo;
use ledgerbench_harness::results::{
    ConformanceRecord, MEASUREMENT, Record, RunDir, conformance_record, now_rfc3339,
    signing_set_checks,
};
use ledgerbench_harness::runner::{Progress, execute};
use ledgerbench_harness::{Error, Family, Registry, Result};

use super::summary;

/// Arguments of `run`.
#[derive(clap::Args, Debug)]
pub(super) struct RunArgs {
    /// Suite: `quick` (every scheme, small parameters, ~2 min) or `full`.
    #[arg(long, value_enum, default_value = "quick")]
    suite: SuiteArg,
    /// Scheme glob over `name/impl` (repeatable), e.g. 'ecdsa-*' or ed25519/dalek.
    #[arg(long = "scheme")]
    schemes: Vec<String>,
    /// Only this family (repeatable): sig, kem, hash, zk.
    #[arg(long = "family")]
    families: Vec<String>,
    /// Only this operation (repeatable): keygen, sign, verify, digest...
    #[arg(long = "op")]
    ops: Vec<String>,
    /// Rayon threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Seed for every key and input.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Parent directory of run directories.
    #[arg(long, default_value = "results")]
    out: PathBuf,
    /// Continue an interrupted run in this directory, skipping finished records.
    #[arg(long, conflicts_with_all = ["schemes", "families", "ops", "threads", "msg_len", "batch", "sizes", "partition"])]
    resume: Option<PathBuf>,
    /// Message lengths in bytes for signatures and hashes, e.g. 32,1024,1048576.
    #[arg(long, value_delimiter = ',')]
    msg_len: Option<Vec<usize>>,
    /// Batch sizes for batch verification and aggregation, e.g. 8,64.
    #[arg(long, value_delimiter = ',')]
    batch: Option<Vec<usize>>,
    /// Statement sizes for ZK circuits (Merkle depth, log2 constraints...), e.g. 10,20.
    #[arg(long = "size", value_delimiter = ',')]
    sizes: Option<Vec<usize>>,
    /// No progress bar or summary table.
    #[arg(long)]
    quiet: bool,
    /// Run only the k-th of n deterministic slices of the planned jobs, e.g. 2/4
    /// (one slice per machine of a Slurm array or Kubernetes indexed Job; join
    /// the parts with `ledgerbench merge`). `auto` reads the slice from a Slurm
    /// array task (SLURM_ARRAY_TASK_ID, _MIN, _MAX) or a Kubernetes Indexed Job
    /// (JOB_COMPLETION_INDEX and LEDGERBENCH_PARTITION_COUNT).
    #[arg(long, value_name = "K/N|auto")]
    partition: Option<String>,
    /// Do not write report.html / report.md at the end of the run.
    #[arg(long)]
    no_report: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SuiteArg {
    Quick,
    Full,
}

/// Exit code of a run stopped because its results could not be written
/// (disk full, file size limit, read-only file system).
pub(super) const EXIT_WRITE_FAILED: i32 = 3;

/// Opens the run directory `path` to continue it: run.json marked `running`
/// again, with the resuming command line recorded.
pub(super) fn reopen(
    path: &std::path::Path,
    command_line: Vec<String>,
) -> Result<(RunDir, RunInfo)> {
    let dir = RunDir::open(path)?;
    let mut info = dir.read_run_info()?;
    info.resumed_by.push(command_line);
    info.status = "running".into();
    info.stopped = None;
    Ok((dir, info))
}

/// Plans, gates, measures and records a run (or resumes one).
pub(super) fn run(registry: &Registry, args: RunArgs, command_line: Vec<String>) -> Result<i32> {
    let (dir, info) = match &args.resume {
        Some(path) => reopen(path, command_line)?,
        None => {
            let config = config_of(&args)?;
            match new_run(registry, config, &args.out, command_line, "")? {
                Ok(created) => created,
                Err(e) => return Ok(write_failed(None, e)),
            }
        }
    };
    let options = Options {
        resume: args.resume.is_some(),
        quiet: args.quiet,
        report: !args.no_report,
    };
    execute_run(registry, dir, info, options)
}

/// How [`execute_run`] runs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Options {
    /// Continue a run: skip finished records, retry errored ones.
    pub resume: bool,
    /// No progress bar or summary table.
    pub quiet: bool,
    /// Write the report at the end.
    pub report: bool,
}

/// Gates, measures and records the planned jobs of `info.config` into `dir`,
/// writes the self-checks and the finished run.json, prints the summary;
/// returns the exit code (0, 1 when a gate failed or an op errored, 3 when
/// the results could not be written). Shared by `run`, `rerun` and
/// `paper reproduce`, so every figure comes from one measurement path.
pub(super) fn execute_run(
    registry: &Registry,
    dir: RunDir,
    mut info: RunInfo,
    options: Options,
) -> Result<i32> {
    let config = info.config.clone();
    let jobs = plan_partition(registry, &config)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| Error::op("build thread pool", e))?;
    let mut done: HashSet<String> = HashSet::new();
    if options.resume {
        let state = match dir.prepare_resume() {
            Ok(state) => state,
            Err(e @ Error::Io { .. }) => return Ok(write_failed(Some((&dir, &mut info)), e)),
            Err(e) => return Err(e),
        };
        for note in &state.notes {
            eprintln!("warning: {note}");
        }
        if !state.retry.is_empty() {
            eprintln!(
                "retrying {} record(s) that ended in error: {}",
                state.retry.len(),
                state.retry.join(", ")
            );
        }
        done = state.done;
    }
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed(Some((&dir, &mut info)), e));
    }

    // Published vector suites: once per implementation, before timing, so
    // every record carries its verdict; the reports go in at the end.
    let suites_started = std::time::Instant::now();
    let conformance = pool.install(|| conformance_of(&jobs));
    if !options.quiet && !conformance.is_empty() {
        eprintln!(
            "conformance: vector suites of {} implementations in {:.1} s",
            conformance.len(),
            suites_started.elapsed().as_secs_f64()
        );
    }
    let verdicts = conformance
        .iter()
        .map(|c| (c.scheme.clone(), c.verdict))
        .collect();
    let mut progress = Bar::new(options.quiet);
    let mut writer = match dir.appender() {
        Ok(w) => w,
        Err(e) => return Ok(write_failed(Some((&dir, &mut info)), e)),
    };
    let counts = pool.install(|| {
        execute(
            &jobs,
            &done,
            &info.engine,
            config.seed,
            &verdicts,
            &mut writer,
            &mut progress,
        )
    });
    progress.finish();
    let counts = match counts {
        Ok(counts) => counts,
        Err(e) => return Ok(write_failed(Some((&dir, &mut info)), e)),
    };

    // Self-checks over the whole run (a resumed run adds only new ones).
    let lines = dir.read_lines()?;
    let (records, _) = lines.parse_kind_lenient::<Record>(MEASUREMENT);
    let written: HashSet<&str> = lines.lines.iter().filter_map(|l| l.key()).collect();
    let checks = signing_set_checks(&records);
    for check in checks.iter().filter(|c| !written.contains(c.key.as_str())) {
        if let Err(e) = writer.append(check) {
            return Ok(write_failed(Some((&dir, &mut info)), e));
        }
    }
    // Implementations with no suite attached carry `untested` in their
    // records; there is nothing more to write about them.
    for c in conformance
        .iter()
        .filter(|c| !c.suites.is_empty() && !written.contains(c.key.as_str()))
    {
        if let Err(e) = writer.append(c) {
            return Ok(write_failed(Some((&dir, &mut info)), e));
        }
    }

    info.status = "complete".into();
    info.finished_at = Some(now_rfc3339());
    info.peak_rss_bytes = ledgerbench_harness::alloc::peak_rss_bytes();
    if let Err(e) = dir.write_run_info(&info) {
        return Ok(write_failed(Some((&dir, &mut info)), e));
    }
    if !options.quiet {
        print!("{}", summary::results_table(&records));
        if let Some(legend) = summary::noisy_legend(&records) {
            println!("{legend}");
        }
        print!("{}", summary::check_lines(&checks));
    }
    let failed_gates: HashSet<&str> = records
        .iter()
        .filter(|r| !r.gate.passed())
        .map(|r| r.scheme.as_str())
        .collect();
    eprintln!(
        "{} measured, {} skipped (already done), {} not timed (gate failed: {}), {} errors",
        counts.measured,
        counts.skipped,
        counts.gate_failed,
        if failed_gates.is_empty() {
            "none".to_string()
        } else {
            failed_gates.into_iter().collect::<Vec<_>>().join(", ")
        },
        counts.errors
    );
    println!("results: {}", dir.path().display());
    if options.report {
        super::report::after_run(dir.path());
    }
    Ok(if counts.errors > 0 || counts.gate_failed > 0 {
        1
    } else {
        0
    })
}

/// Reports a failed write of the results directory and marks its run.json
/// `interrupted` (when there is one and it can still be written); returns
/// [`EXIT_WRITE_FAILED`]. Every record written before stays readable.
pub(super) fn write_failed(run: Option<(&RunDir, &mut RunInfo)>, e: Error) -> i32 {
    write_failed_then(run, e, Some("run"))
}

/// [`write_failed`] for a command; `resume_with` names the command whose
/// `--resume` the hint offers (`run`, `ct`), if it has one.
pub(super) fn write_failed_then(
    run: Option<(&RunDir, &mut RunInfo)>,
    e: Error,
    resume_with: Option<&str>,
) -> i32 {
    eprintln!("error: could not write the results: {e}");
    if let Some((dir, info)) = run {
        info.status = "interrupted".into();
        info.stopped = Some(e.to_string());
        info.finished_at = Some(now_rfc3339());
        match dir.write_run_info(info) {
            Ok(()) => eprintln!(
                "the run stopped; {} is marked interrupted and every record written before is intact",
                dir.path().join("run.json").display()
            ),
            Err(e2) => eprintln!(
                "the run stopped; run.json could not be updated either ({e2}); every record \
                 written before is intact"
            ),
        }
        let then = match resume_with {
            Some(command) => format!(
                "continue with `ledgerbench {command} --resume {}`",
                dir.path().display()
            ),
            None => "run the command again".to_string(),
        };
        eprintln!(
            "hint: free disk space (or raise the file size limit, or make the directory \
             writable), then {then}"
        );
    } else {
        eprintln!(
            "hint: free disk space (or raise the file size limit), or choose a writable --out"
        );
    }
    EXIT_WRITE_FAILED
}

/// The run configuration the options ask for (unchecked against the registry).
fn config_of(args: &RunArgs) -> Result<RunConfig> {
    let suite = match args.suite {
        SuiteArg::Quick => Suite::Quick,
        SuiteArg::Full => Suite::Full,
    };
    Ok(RunConfig {
        suite,
        schemes: args.schemes.clone(),
        families: args
            .families
            .iter()
            .map(|f| parse_family(f))
            .collect::<Result<Vec<Family>>>()?,
        ops: args
            .ops
            .iter()
            .map(|o| parse_op(o))
            .collect::<Result<_>>()?,
        msg_lens: args.msg_len.clone(),
        batches: args.batch.clone(),
        sizes: args.sizes.clone(),
        threads: args
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1),
        seed: args.seed,
        partition: args
            .partition
            .as_deref()
            .map(resolve_partition)
            .transpose()?,
    })
}

/// Validates `config`, creates `<out>/<run-id>/` and its run.json; `tag`
/// (when not empty) ends the run id (`…-quick-rerun`, `…-quick-paper-x`).
/// Bad input is the outer error; failing to create the directory the inner.
pub(super) fn new_run(
    registry: &Registry,
    config: RunConfig,
    out: &std::path::Path,
    command_line: Vec<String>,
    tag: &str,
) -> Result<Result<(RunDir, RunInfo)>> {
    let suite = config.suite;
    if config.msg_lens.as_ref().is_some_and(|l| l.is_empty())
        || config.batches.as_ref().is_some_and(|b| b.contains(&0))
    {
        return Err(Error::Usage(
            "--msg-len needs at least one length and --batch sizes must be ≥ 1".into(),
        ));
    }
    // Plan first so bad input fails before anything is written.
    let jobs = plan_partition(registry, &config)?;
    if jobs.is_empty() {
        eprintln!(
            "note: partition {} of this plan is empty ({} jobs in all)",
            config
                .partition
                .map(|(k, n)| format!("{k}/{n}"))
                .unwrap_or_default(),
            plan(registry, &config)?.len()
        );
    }
    let kind = format!(
        "{}{}{}",
        match suite {
            Suite::Quick => "quick",
            Suite::Full => "full",
        },
        config
            .partition
            .map(|(k, n)| format!("-part{k}of{n}"))
            .unwrap_or_default(),
        if tag.is_empty() {
            String::new()
        } else {
            format!("-{tag}")
        }
    );
    let run_id = super::new_run_id(out, &kind);
    let dir = match RunDir::create(out.join(&run_id)) {
        Ok(dir) => dir,
        Err(e @ Error::Io { .. }) => return Ok(Err(e)),
        Err(e) => return Err(e),
    };
    let engine = suite.engine();
    let crates = measured_crates(&jobs);
    let build = crate::build_info_for(registry);
    super::note_plugins(&build);
    let info = RunInfo::start(run_id, command_line, config, engine, build, crates);
    Ok(Ok((dir, info)))
}

/// `--partition K/N`, or `auto`: the slice of this job array task, from its
/// environment (printed, so the log says where the slice came from).
fn resolve_partition(text: &str) -> Result<(usize, usize)> {
    if text.trim() != "auto" {
        return parse_partition(text);
    }
    let found = partition_from_env(|name| std::env::var(name).ok())?;
    eprintln!("partition {}/{} (from {})", found.k, found.n, found.source);
    Ok((found.k, found.n))
}

/// The conformance record of every implementation the plan measures, each
/// computed once (the suites run here, not per record), implementations in
/// parallel on the run's pool (before any timing starts).
fn conformance_of(jobs: &[Job]) -> Vec<ConformanceRecord> {
    use rayon::prelude::*;
    let mut seen = HashSet::new();
    let entries: Vec<_> = jobs
        .iter()
        .filter(|j| seen.insert(j.entry.id()))
        .map(|j| j.entry)
        .collect();
    entries.into_par_iter().map(conformance_record).collect()
}

fn measured_crates(jobs: &[Job]) -> Vec<&'static str> {
    let mut crates: Vec<&'static str> = jobs
        .iter()
        .map(|j| j.entry.info().implementation.krate)
        .collect();
    crates.sort_unstable();
    crates.dedup();
    crates
}

/// An indicatif progress bar on stderr (hidden when stderr is not a terminal).
struct Bar {
    bar: ProgressBar,
}

impl Bar {
    fn new(quiet: bool) -> Bar {
        let bar = if quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(0)
        };
        if let Ok(style) =
            ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} {msg}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar { bar }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn start(&mut self, total: usize) {
        self.bar.set_length(total as u64);
    }
    fn job_started(&mut self, job: &Job) {
        self.bar.set_message(job.key());
    }
    fn job_finished(&mut self, _record: &Record) {
        self.bar.inc(1);
    }
    fn note(&mut self, message: &str) {
        self.bar.suspend(|| eprintln!("warning: {message}"));
    }
}
