//! `ledgerbench paper list|show|reproduce`: published results re-measured
//! through the run machinery and compared side by side.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Subcommand;

use ledgerbench_harness::plan::{RunConfig, Suite, parse_op};
use ledgerbench_harness::results::{CHECK, CheckRecord, MEASUREMENT, Record, RunDir, write_atomic};
use ledgerbench_harness::workload::profile::Profile;
use ledgerbench_harness::workload::resolve::{assign, resolve};
use ledgerbench_harness::workload::run::{WorkloadOptions, WorkloadRecord};
use ledgerbench_harness::{Error, Registry, Result};
use ledgerbench_papers::{Observed, PaperRow, Source, Spec, evaluate, row};

use super::run::{EXIT_WRITE_FAILED, Options, execute_run, new_run, write_failed_then};

/// Paper subcommands.
#[derive(Subcommand, Debug)]
pub enum PaperCommand {
    /// List the shipped reproduction specs and whether each is runnable here.
    List,
    /// Print a spec (paper.toml) and its README.
    Show {
        /// Paper slug (see `paper list`).
        paper: String,
    },
    /// Measure a paper's quantities and write the side-by-side table.
    Reproduce(ReproduceArgs),
}

/// Options of `paper reproduce`.
#[derive(clap::Args, Debug)]
pub struct ReproduceArgs {
    /// Paper slug (see `paper list`), or a paper.toml file of your own.
    paper: String,
    /// Parent directory of run directories.
    #[arg(long, default_value = "results")]
    out: PathBuf,
    /// Rayon threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Seed for every key and input.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// No progress bar or summary table.
    #[arg(long)]
    quiet: bool,
    /// Do not write report.html / report.md.
    #[arg(long)]
    no_report: bool,
}

/// Runs a paper subcommand.
pub fn dispatch(
    registry: &Registry,
    command: PaperCommand,
    command_line: Vec<String>,
) -> Result<i32> {
    match command {
        PaperCommand::List => {
            print!("{}", list_text(registry)?);
            Ok(0)
        }
        PaperCommand::Show { paper } => {
            let p = ledgerbench_papers::find(&paper)?;
            println!("# papers/{}/README.md\n\n{}", p.slug, p.readme);
            println!("# papers/{}/paper.toml\n\n{}", p.slug, p.spec);
            Ok(0)
        }
        PaperCommand::Reproduce(args) => reproduce(registry, &args, command_line),
    }
}

/// The scheme ids and globs of `spec` that `registry` does not provide.
pub fn missing(spec: &Spec, registry: &Registry) -> Vec<String> {
    spec.needs()
        .into_iter()
        .filter(|need| registry.select(std::slice::from_ref(need)).is_err())
        .collect()
}

/// `paper list`: one line per shipped spec, saying whether it runs here.
pub fn list_text(registry: &Registry) -> Result<String> {
    let mut out = String::new();
    for (p, spec) in ledgerbench_papers::all()? {
        let missing = missing(&spec, registry);
        let status = if missing.is_empty() {
            "runnable".to_string()
        } else {
            format!("not runnable: needs {}", missing.join(", "))
        };
        let _ = writeln!(out, "{:<26} {:<10} {}", p.slug, status, spec.title);
    }
    Ok(out)
}

fn reproduce(registry: &Registry, args: &ReproduceArgs, command_line: Vec<String>) -> Result<i32> {
    let source = Source::resolve(&args.paper)?;
    let spec = source.spec()?;
    let missing = missing(&spec, registry);
    if !missing.is_empty() {
        return Err(Error::Usage(format!(
            "paper `{}` is not runnable here: needs {}",
            spec.slug,
            missing.join(", ")
        )));
    }
    // Parse the workload profile and resolve its roles before measuring.
    let workload = match &spec.workload {
        Some(w) => {
            let (text, origin) = source.file(&w.profile)?;
            let profile = Profile::parse(&text, &origin)?;
            let mut runs = Vec::new();
            for r in &w.runs {
                let overrides: Vec<(String, String)> = r
                    .roles
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let roles = assign(&profile, &overrides)?;
                runs.push((r.label.clone(), resolve(&profile, &roles, registry)?));
            }
            Some((w, profile, runs))
        }
        None => None,
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let config = RunConfig {
        suite: Suite::Quick,
        schemes: spec.run.schemes.clone(),
        families: Vec::new(),
        ops: spec
            .run
            .ops
            .iter()
            .map(|o| parse_op(o))
            .collect::<Result<_>>()?,
        msg_lens: spec.run.msg_len.clone(),
        batches: spec.run.batch.clone(),
        sizes: spec.run.sizes.clone(),
        threads,
        seed: args.seed,
        partition: None,
    };
    let tag = format!("paper-{}", spec.slug);
    let (dir, info) = match new_run(registry, config, &args.out, command_line, &tag)? {
        Ok(created) => created,
        Err(e) => return Ok(write_failed_then(None, e, None)),
    };
    let options = Options {
        resume: false,
        quiet: args.quiet,
        report: false,
    };
    let code = execute_run(registry, dir.clone(), info, options)?;
    if code == EXIT_WRITE_FAILED {
        return Ok(code);
    }

    let mut workloads: Vec<WorkloadRecord> = Vec::new();
    if let Some((w, profile, runs)) = &workload {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Error::op("build thread pool", e))?;
        let opts = WorkloadOptions {
            blocks: w.blocks.max(1),
            block_txs: w.block_txs,
            seed: args.seed,
            ..WorkloadOptions::default()
        };
        for (label, entries) in runs {
            eprintln!(
                "workload {label}: building and verifying {} block(s) ...",
                opts.blocks
            );
            workloads.push(
                pool.install(|| ledgerbench_harness::workload::run::run(profile, entries, &opts)),
            );
        }
        if let Err(e) = append_all(&dir, &workloads) {
            return Ok(write_failed_then(None, e, None));
        }
    }

    let lines = dir.read_lines()?;
    let (records, _) = lines.parse_kind_lenient::<Record>(MEASUREMENT);
    let (checks, _) = lines.parse_kind_lenient::<CheckRecord>(CHECK);
    let rows = evaluate(
        &spec,
        &Observed {
            records: &records,
            workloads: &workloads,
            checks: &checks,
        },
    );
    let table = dir.path().join("paper.md");
    let written = append_all(&dir, &rows)
        .and_then(|()| write_atomic(&table, paper_markdown(&spec, &rows, &dir).as_bytes()));
    if let Err(e) = written {
        return Ok(write_failed_then(None, e, None));
    }
    println!("\n== {} — {} ==", spec.slug, spec.title);
    print!("{}", row::terminal(&rows));
    println!("table: {}", table.display());
    if !args.no_report {
        super::report::after_run(dir.path());
    }
    Ok(code)
}

fn append_all<T: serde::Serialize>(dir: &RunDir, records: &[T]) -> Result<()> {
    let mut writer = dir.appender()?;
    records.iter().try_for_each(|r| writer.append(r))
}

/// `paper.md`: the citation, why absolute times are not compared, and the table.
fn paper_markdown(spec: &Spec, rows: &[PaperRow], dir: &RunDir) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", spec.title);
    let _ = writeln!(out, "**Source.** {} <{}>\n", spec.citation, spec.url);
    let _ = writeln!(out, "**Measured here.** {}\n", spec.measures);
    let _ = writeln!(
        out,
        "**Why absolute times are not compared.** {}\n",
        spec.absolute_times
    );
    let _ = writeln!(
        out,
        "Run directory: `{}` (its run.json holds the machine, build and command).\n",
        dir.path().display()
    );
    out.push_str(&row::markdown(rows));
    out
}
