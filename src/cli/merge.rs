//! `ledgerbench merge DIR... --out DIR`.

use std::path::PathBuf;

use ledgerbench_harness::Result;
use ledgerbench_reports::merge::{MergeOptions, merge_with};

/// Arguments of `merge`.
#[derive(clap::Args, Debug)]
pub(super) struct MergeArgs {
    /// The parts: results directories (results/<run-id> of each `run
    /// --partition k/n`), or a directory holding them (the `--out` the parts
    /// were written into, e.g. results/parts).
    #[arg(required = true)]
    parts: Vec<PathBuf>,
    /// The merged results directory to create.
    #[arg(long)]
    out: PathBuf,
    /// Merge parts measured on different CPU models or builds; every row keeps
    /// its machine and the report groups rows by machine.
    #[arg(long)]
    allow_mixed: bool,
    /// Merge a split with missing partitions (the merged run is incomplete).
    #[arg(long)]
    allow_incomplete: bool,
    /// Do not write report.html / report.md for the merged run.
    #[arg(long)]
    no_report: bool,
}

pub(super) fn merge(args: &MergeArgs, command_line: Vec<String>) -> Result<i32> {
    let options = MergeOptions {
        allow_mixed: args.allow_mixed,
        allow_incomplete: args.allow_incomplete,
    };
    let summary = merge_with(&args.parts, &args.out, command_line, options)?;
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
