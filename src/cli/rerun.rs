//! `ledgerbench rerun DIR`: re-runs exactly the configuration stored in a
//! run's run.json (selection, parameters, seed, suite, threads) into a new run
//! directory, warns when the commit, build or CPU differ from the original,
//! and prints the comparison: per-row ratio and Mann–Whitney significance, and
//! the rank agreement of implementations (Kendall's tau-b).

use std::path::PathBuf;

use ledgerbench_harness::provenance::RunInfo;
use ledgerbench_harness::results::{RunDir, write_atomic};
use ledgerbench_harness::{Error, Registry, Result};
use ledgerbench_reports::compare::rank::{self, rank_agreement};
use ledgerbench_reports::compare::{CompareOptions, Comparison, parse_threshold};
use ledgerbench_reports::data::RunData;
use ledgerbench_reports::doc::Block;
use ledgerbench_reports::render;

use super::run::{EXIT_WRITE_FAILED, Options, execute_run, new_run, write_failed};

/// Arguments of `rerun`.
#[derive(clap::Args, Debug)]
pub(super) struct RerunArgs {
    /// The results directory whose run.json is re-run (results/<run-id>).
    dir: PathBuf,
    /// Parent directory of the new run (default: the original's parent).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Smallest change that counts, in percent (as for `compare`).
    #[arg(long, default_value = "5%")]
    threshold: String,
    /// Significance level of the Mann–Whitney U test.
    #[arg(long, default_value_t = 0.05)]
    alpha: f64,
    /// No progress bar or summary table (the comparison is still printed).
    #[arg(long)]
    quiet: bool,
    /// Do not write report.html / report.md for the new run.
    #[arg(long)]
    no_report: bool,
}

pub(super) fn rerun(
    registry: &Registry,
    args: &RerunArgs,
    command_line: Vec<String>,
) -> Result<i32> {
    let threshold = parse_threshold(&args.threshold).map_err(Error::Usage)?;
    if !(args.alpha > 0.0 && args.alpha < 1.0) {
        return Err(Error::Usage(format!(
            "--alpha must be between 0 and 1, not {}",
            args.alpha
        )));
    }
    let original = RunDir::open(&args.dir)?.read_run_info()?;
    let mut config = original.config.clone();
    if !original.parts.is_empty() {
        // A merged run: its parts' slices together are the whole plan.
        config.partition = None;
        eprintln!(
            "note: {} was merged from {} parts; re-running the whole selection here",
            args.dir.display(),
            original.parts.len()
        );
    }
    let out = args.out.clone().unwrap_or_else(|| {
        args.dir
            .parent()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."))
    });
    let (dir, info) = match new_run(registry, config, &out, command_line, "rerun")? {
        Ok(created) => created,
        Err(e) => return Ok(write_failed(None, e)),
    };
    for difference in differences(&original, &info) {
        eprintln!("warning: {difference}");
    }
    let options = Options {
        resume: false,
        quiet: args.quiet,
        report: !args.no_report,
    };
    let code = execute_run(registry, dir.clone(), info, options)?;
    if code == EXIT_WRITE_FAILED {
        return Ok(code);
    }

    let a = RunData::load(&args.dir)?;
    let b = RunData::load(dir.path())?;
    let cmp = Comparison::new(
        &a,
        &b,
        CompareOptions {
            threshold,
            alpha: args.alpha,
        },
    );
    let ranks = rank_agreement(&a, &b);
    println!(
        "\n== {} (A, original) vs {} (B, rerun) ==",
        a.info.run_id, b.info.run_id
    );
    print!("{}", cmp.terminal());
    print!("{}", rank::terminal(&ranks));
    let mut doc = cmp.doc();
    doc.blocks.push(Block::Heading {
        level: 2,
        text: "Rank agreement of implementations".into(),
        anchor: "rank-agreement".into(),
    });
    doc.blocks.push(Block::Paragraph(
        "Kendall's tau-b of the implementations' order (fastest first) within each scheme, \
         operation and parameter set measured in both runs: 1 is the same order, −1 the \
         reverse."
            .into(),
    ));
    doc.blocks.push(Block::Table(rank::table(&ranks)));
    for renderer in render::all() {
        let path = dir.path().join(format!(
            "compare-{}.{}",
            a.info.run_id,
            renderer.extension()
        ));
        write_atomic(&path, renderer.render(&doc).as_bytes())?;
        println!("{}", path.display());
    }
    Ok(code)
}

/// What differs between the original run and this one that makes the
/// comparison mix code, build or hardware with noise.
fn differences(original: &RunInfo, now: &RunInfo) -> Vec<String> {
    let mut out = Vec::new();
    let commit = |i: &RunInfo| {
        i.git.as_ref().map_or("unknown".to_string(), |g| {
            format!("{}{}", g.commit, if g.dirty { " (dirty)" } else { "" })
        })
    };
    if commit(original) != commit(now) {
        out.push(format!(
            "the commit differs (original {}, now {})",
            commit(original),
            commit(now)
        ));
    }
    let (ob, nb) = (&original.build, &now.build);
    let build = |b: &ledgerbench_harness::provenance::BuildInfo| {
        format!(
            "{}, {} opt-level {}, {}, {} target features",
            b.rustc,
            b.profile,
            b.opt_level,
            b.target,
            b.target_features.len()
        )
    };
    if (
        &ob.rustc,
        &ob.profile,
        &ob.opt_level,
        &ob.target,
        &ob.target_features,
    ) != (
        &nb.rustc,
        &nb.profile,
        &nb.opt_level,
        &nb.target,
        &nb.target_features,
    ) {
        out.push(format!(
            "the build differs (original {}, now {})",
            build(ob),
            build(nb)
        ));
    }
    let cpu = |i: &RunInfo| {
        i.machine
            .cpu_model
            .clone()
            .unwrap_or_else(|| "unknown".into())
    };
    if cpu(original) != cpu(now) {
        out.push(format!(
            "the CPU differs (original {}, now {}): ratios mix hardware with code",
            cpu(original),
            cpu(now)
        ));
    }
    out
}
