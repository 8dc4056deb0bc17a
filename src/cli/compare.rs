//! `ledgerbench compare A B`: side-by-side table, significance, regressions.

use std::path::PathBuf;

use ledgerbench_harness::results::write_atomic;
use ledgerbench_harness::{Error, Result};
use ledgerbench_reports::compare::{CompareOptions, Comparison, parse_threshold};
use ledgerbench_reports::data::RunData;
use ledgerbench_reports::render;

/// Arguments of `compare`.
#[derive(clap::Args, Debug)]
pub(super) struct CompareArgs {
    /// The earlier (reference) results directory.
    a: PathBuf,
    /// The later results directory, judged against A.
    b: PathBuf,
    /// Smallest slowdown that counts as a regression, in percent (e.g. 5%).
    #[arg(long, default_value = "5%")]
    threshold: String,
    /// Significance level of the Mann–Whitney U test.
    #[arg(long, default_value_t = 0.05)]
    alpha: f64,
    /// Exit with status 1 when any row regressed (for CI).
    #[arg(long)]
    fail_on_regression: bool,
    /// Directory for compare-<A>.html / .md (default: B).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print only the summary, not every row.
    #[arg(long)]
    quiet: bool,
}

pub(super) fn compare(args: &CompareArgs) -> Result<i32> {
    let threshold = parse_threshold(&args.threshold).map_err(Error::Usage)?;
    if !(args.alpha > 0.0 && args.alpha < 1.0) {
        return Err(Error::Usage(format!(
            "--alpha must be between 0 and 1, not {}",
            args.alpha
        )));
    }
    let a = RunData::load(&args.a)?;
    let b = RunData::load(&args.b)?;
    let cmp = Comparison::new(
        &a,
        &b,
        CompareOptions {
            threshold,
            alpha: args.alpha,
        },
    );
    if !args.quiet {
        print!("{}", cmp.terminal());
    }
    for c in &cmp.cautions {
        eprintln!("caution: {c}");
    }
    let out = args.out.clone().unwrap_or_else(|| args.b.clone());
    std::fs::create_dir_all(&out).map_err(|e| Error::io(&out, e))?;
    let doc = cmp.doc();
    for renderer in render::all() {
        let path = out.join(format!(
            "compare-{}.{}",
            a.info.run_id,
            renderer.extension()
        ));
        write_atomic(&path, renderer.render(&doc).as_bytes())?;
        println!("{}", path.display());
    }
    let counts = cmp.counts();
    let regressions = cmp.regressions().count();
    eprintln!(
        "{} rows: {regressions} regressions, {} improvements (threshold {}%, α = {})",
        cmp.rows.len(),
        counts
            .iter()
            .filter(|(v, _)| matches!(v, ledgerbench_reports::compare::Verdict::Improvement))
            .map(|(_, n)| *n)
            .sum::<usize>(),
        threshold * 100.0,
        args.alpha
    );
    Ok(if args.fail_on_regression && regressions > 0 {
        1
    } else {
        0
    })
}
