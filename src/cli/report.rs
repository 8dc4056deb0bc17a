//! `ledgerbench report DIR`, and the report written at the end of `run`.

use std::path::{Path, PathBuf};

use ledgerbench_harness::{Error, Result};
use ledgerbench_reports::{ReportOptions, generate};

/// Arguments of `report`.
#[derive(clap::Args, Debug)]
pub(super) struct ReportArgs {
    /// The results directory (results/<run-id>).
    dir: PathBuf,
    /// Write report.html, report.md and plots/ here instead of into DIR.
    #[arg(long)]
    out: Option<PathBuf>,
    /// SVG plots only (no PNG files).
    #[arg(long)]
    no_png: bool,
    /// Baseline scheme of a family for the "vs baseline" column, e.g.
    /// sig=ecdsa-secp256k1/libsecp256k1 (repeatable; a trailing * matches any suffix).
    #[arg(long = "baseline", value_name = "FAMILY=SCHEME")]
    baselines: Vec<String>,
}

pub(super) fn report(args: &ReportArgs) -> Result<i32> {
    let mut options = ReportOptions {
        png: !args.no_png,
        ..ReportOptions::default()
    };
    for b in &args.baselines {
        let (family, scheme) = b.split_once('=').ok_or_else(|| {
            Error::Usage(format!(
                "--baseline takes FAMILY=SCHEME, e.g. sig=ed25519/dalek, not `{b}`"
            ))
        })?;
        options
            .baselines
            .insert(family.trim().to_string(), scheme.trim().to_string());
    }
    let files = generate(&args.dir, args.out.as_deref(), &options)?;
    for w in &files.warnings {
        eprintln!("warning: {w}");
    }
    println!("{}", files.html.display());
    println!("{}", files.markdown.display());
    Ok(0)
}

/// Writes the report of a finished run and prints its path; a failure is a
/// warning (the results themselves are safe on disk).
pub(super) fn after_run(dir: &Path) {
    match generate(dir, None, &ReportOptions::default()) {
        Ok(files) => {
            for w in &files.warnings {
                eprintln!("warning: {w}");
            }
            println!("report: {}", files.html.display());
        }
        Err(e) => eprintln!(
            "warning: could not write the report ({e}); retry with `ledgerbench report {}`",
            dir.display()
        ),
    }
}
