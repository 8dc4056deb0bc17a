//! `ledgerbench merge DIR... --out DIR`.

use std::path::PathBuf;

use ledgerbench_harness::Result;

/// Arguments of `merge`.
#[derive(clap::Args, Debug)]
pub(super) struct MergeArgs {
    /// The part directories (results/<run-id> of each `run --partition k/n`).
    #[arg(required = true)]
    parts: Vec<PathBuf>,
    /// The merged results directory to create.
    #[arg(long)]
    out: PathBuf,
    /// Do not write report.html / report.md for the merged run.
    #[arg(long)]
    no_report: bool,
}

pub(super) fn merge(args: &MergeArgs, command_line: Vec<String>) -> Result<i32> {
    let summary = ledgerbench_reports::merge::merge(&args.parts, &args.out, command_line)?;
    for w in &summary.warnings {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "merged {} records from {} parts",
        summary.records, summary.parts
    );
    println!("results: {}", summary.dir.display());
    if !args.no_report {
        super::report::after_run(&summary.dir);
    }
    Ok(0)
}
