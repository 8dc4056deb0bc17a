//! The command line: `list`, `run`, `rerun`, `workload`, `paper`, `report`,
//! `compare`, `merge`, `export`, `ct`, `conformance`, one module per command;
//! this one parses the arguments,
//! dispatches, and turns errors into a one-line cause, a hint and exit code 2.
//!
//! [`run_with`] is the public entry point: it takes a [`Registry`], so a crate
//! outside this workspace can add its own schemes and reuse the whole CLI.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use ledgerbench_harness::{Error, Registry};

mod compare;
mod conformance;
mod ct;
mod export;
mod list;
mod merge;
pub mod paper;
mod recommend;
mod report;
mod rerun;
mod run;
pub mod summary;
pub mod workload;

/// Benchmark cryptographic schemes alone and inside ledger workloads.
#[derive(Parser, Debug)]
#[command(name = "ledgerbench", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List registered schemes with their implementation, standard, security and sizes.
    List {
        /// Only this family: sig, kem, hash, zk.
        #[arg(long)]
        family: Option<String>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Ledger workloads: sector profiles built into real blocks and verified.
    Workload {
        #[command(subcommand)]
        command: workload::WorkloadCommand,
    },
    /// Measure schemes and write results/<run-id>/ (run.json + results.jsonl).
    Run(run::RunArgs),
    /// Re-run the configuration stored in a run's run.json and compare with it
    /// (per-row ratio and significance, Kendall's tau of implementation ranks).
    Rerun(rerun::RerunArgs),
    /// Published results: list the reproduction specs, reproduce one side by side.
    Paper {
        #[command(subcommand)]
        command: paper::PaperCommand,
    },
    /// Which scheme combinations fit a sector's budget (TPS, block size, cores, storage, PQ).
    Recommend(recommend::RecommendArgs),
    /// Export a results directory.
    Export {
        /// The results directory (results/<run-id>).
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// Output file (default: <dir>/results.csv, results.bmf.json or results.md).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Write report.html (self-contained), report.md and plots/ for a results directory.
    Report(report::ReportArgs),
    /// Compare two results directories row by row (ratio B/A, Mann–Whitney U test).
    Compare(compare::CompareArgs),
    /// Join results directories of a split run (`run --partition k/n`) into one.
    Merge(merge::MergeArgs),
    /// Screen secret-dependent operations for timing leaks (dudect-style Welch t-test).
    Ct(ct::CtArgs),
    /// Run every published vector suite (Wycheproof, RFC, CCTV...) against each implementation.
    Conformance(conformance::ConformanceArgs),
}

/// Warns that a plug-in binary's figures carry its own crate's build profile.
/// A run id `<UTC timestamp>-<kind>` (e.g. `20261201T195026-quick`) naming
/// no directory in `out` yet: a second run started within the same second
/// gets `-2`, `-3`... appended, instead of colliding with the first.
fn new_run_id(out: &std::path::Path, kind: &str) -> String {
    let base = format!(
        "{}-{kind}",
        ledgerbench_harness::results::now_rfc3339()
            .replace([':', '-'], "")
            .trim_end_matches('Z')
    );
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !out.join(id).exists())
        .unwrap_or(base)
}

fn note_plugins(build: &ledgerbench_harness::provenance::BuildInfo) {
    if !build.plugins.is_empty() {
        eprintln!(
            "note: this binary adds schemes ledgerbench does not ship ({}); it was built with \
             its own crate's release profile, so its figures compare with ledgerbench's only \
             when that profile matches ledgerbench's (lto = \"fat\", codegen-units = 1; \
             README, \"Plug-in build profile\")",
            build.plugins.join(", ")
        );
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportFormat {
    /// Tidy CSV: one row per measurement, one column per field.
    Csv,
    /// Bencher Metric Format JSON (latency, throughput, cycles, heap per record key).
    Bmf,
    /// Markdown tables, one per family.
    Md,
}

/// Runs the CLI on the process arguments with `registry`; returns the exit code
/// (0 success, 1 a run finished with errors — or `ct` suspects a leak —, 2 bad
/// input, 3 the results could not be written: disk full, file size limit,
/// read-only file system).
pub fn run_with(registry: Registry) -> i32 {
    run_with_args(registry, std::env::args_os())
}

/// Like [`run_with`] with explicit arguments (the first is the program name).
pub fn run_with_args<I, T>(registry: Registry, args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let command_line: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let topic = HintTopic::of(&cli.command);
    let outcome = match cli.command {
        Command::List { family, json } => list::list(&registry, family.as_deref(), json),
        Command::Run(args) => run::run(&registry, args, command_line),
        Command::Rerun(args) => rerun::rerun(&registry, &args, command_line),
        Command::Paper { command } => paper::dispatch(&registry, command, command_line),
        Command::Workload { command } => workload::dispatch(&registry, command, command_line),
        Command::Recommend(args) => recommend::recommend(&registry, args, command_line),
        Command::Export {
            dir,
            format,
            output,
        } => export::export(&dir, format, output),
        Command::Report(args) => report::report(&args),
        Command::Compare(args) => compare::compare(&args),
        Command::Merge(args) => merge::merge(&args, command_line),
        Command::Ct(args) => ct::ct(&registry, &args, command_line),
        Command::Conformance(args) => conformance::conformance(&registry, &args, command_line),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            if let Some(hint) = hint(topic, &e) {
                eprintln!("hint: {hint}");
            }
            2
        }
    }
}

/// What a command works on, so a usage error's hint points at the right help.
#[derive(Clone, Copy)]
enum HintTopic {
    /// `list` and `run`: scheme selection.
    Schemes,
    /// `workload ...`: profiles and roles.
    Workloads,
    /// `report`, `compare`, `merge`, `export`, `rerun`: results directories.
    ResultsDirs,
    /// `paper ...`: reproduction specs.
    Papers,
}

impl HintTopic {
    fn of(command: &Command) -> Self {
        match command {
            Command::List { .. } | Command::Run(_) | Command::Ct(_) | Command::Conformance(_) => {
                HintTopic::Schemes
            }
            Command::Workload { .. } | Command::Recommend(_) => HintTopic::Workloads,
            Command::Export { .. }
            | Command::Report(_)
            | Command::Compare(_)
            | Command::Merge(_)
            | Command::Rerun(_) => HintTopic::ResultsDirs,
            Command::Paper { .. } => HintTopic::Papers,
        }
    }
}

const RESULTS_DIR_HINT: &str = "a results directory is what `ledgerbench run` writes \
     (results/<run-id>/ with run.json and results.jsonl)";

fn hint(topic: HintTopic, e: &Error) -> Option<&'static str> {
    match (e, topic) {
        (Error::Usage(_), HintTopic::Schemes) => {
            Some("`ledgerbench list` shows every scheme; `ledgerbench run --help` the options")
        }
        (Error::Usage(_), HintTopic::Papers) => Some(
            "`ledgerbench paper list` shows every paper and whether it runs here; \
             `ledgerbench list` every scheme",
        ),
        (Error::Usage(_), HintTopic::Workloads) => {
            Some("`ledgerbench workload list` shows every profile, `ledgerbench list` every scheme")
        }
        (Error::Usage(_) | Error::Results { .. } | Error::Io { .. }, HintTopic::ResultsDirs)
        | (Error::Results { .. }, _) => Some(RESULTS_DIR_HINT),
        (Error::Io { .. }, _) => Some("check the path and its permissions"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::new_run_id;

    #[test]
    fn a_run_id_already_taken_gets_a_suffix() {
        let out = tempfile::tempdir().expect("tempdir");
        let first = new_run_id(out.path(), "quick");
        std::fs::create_dir(out.path().join(&first)).expect("mkdir");
        let second = new_run_id(out.path(), "quick");
        assert_ne!(first, second);
        assert!(!out.path().join(&second).exists());
        assert!(second.contains("-quick"), "{second}");
    }
}
