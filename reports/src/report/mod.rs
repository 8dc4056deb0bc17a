//! `ledgerbench report DIR`: a results directory becomes `report.html` (one
//! self-contained file), `report.md` and `plots/*.svg` + `plots/*.png`.
//!
//! A report is a list of [`Section`]s; each looks at the run and returns its
//! blocks, or nothing when the run has no data for it, so a section appears
//! only when there is something to show. The finished [`Doc`] then fans out
//! to every [`crate::render::Render`]er.

mod advisor;
mod checks;
mod conformance;
mod ct;
mod distributions;
mod families;

pub use families::family_table;
mod overview;
mod papers;
mod pareto;
mod provenance;
mod scaling;
mod sweeps;
mod workloads;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ledgerbench_harness::results::{Record, write_atomic};
use ledgerbench_harness::{Error, Result};

use crate::data::{RunData, measured};
use crate::doc::{Block, Doc};
use crate::plot::Plotter;
use crate::render;

/// Choices for a report.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Also draw PNG files beside the SVGs.
    pub png: bool,
    /// Baseline scheme per family (`sig` → `ed25519/dalek`); families not
    /// listed use the first present of a conventional list, else the first
    /// scheme measured.
    pub baselines: BTreeMap<String, String>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            png: true,
            baselines: BTreeMap::new(),
        }
    }
}

/// What a report wrote.
#[derive(Clone, Debug)]
pub struct ReportFiles {
    /// `report.html`.
    pub html: PathBuf,
    /// `report.md`.
    pub markdown: PathBuf,
    /// Number of plots drawn.
    pub plots: usize,
    /// Things the reader should know (no font for plots...).
    pub warnings: Vec<String>,
}

/// What a section sees while building.
pub struct Context<'a> {
    /// The run.
    pub run: &'a RunData,
    /// The options.
    pub options: &'a ReportOptions,
    /// Draws plots into the report's `plots/`.
    pub plotter: Plotter,
    /// Figures drawn so far.
    pub figures: usize,
}

impl Context<'_> {
    /// Draws a chart and appends its figure to `blocks` (nothing when plots
    /// cannot be drawn).
    pub fn figure<C: crate::plot::Chart>(
        &mut self,
        blocks: &mut Vec<Block>,
        stem: &str,
        title: &str,
        how_to_read: &str,
        chart: &C,
    ) -> Result<()> {
        if let Some(fig) = self.plotter.figure(stem, title, how_to_read, chart)? {
            self.figures += 1;
            blocks.push(Block::Figure(fig));
        }
        Ok(())
    }

    /// The baseline scheme of `family`.
    pub fn baseline(&self, family: &str) -> Option<String> {
        baseline_for(self.run, family, self.options.baselines.get(family))
    }
}

/// One part of a report.
pub trait Section {
    /// Builds the section's blocks (its own headings included); returns no
    /// blocks when the run has no data for it.
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>>;
}

/// Every section, in page order.
pub fn sections() -> Vec<Box<dyn Section>> {
    vec![
        Box::new(provenance::Provenance),
        Box::new(overview::Overview),
        Box::new(families::FamilyResults),
        Box::new(checks::SelfChecks),
        Box::new(conformance::Conformance),
        Box::new(papers::Papers),
        Box::new(ct::CtScreening),
        Box::new(pareto::SizeVsVerify),
        Box::new(sweeps::Sweeps),
        Box::new(scaling::ThreadScaling),
        Box::new(distributions::Distributions),
        Box::new(workloads::Workloads),
        Box::new(advisor::Recommendations),
        Box::new(workloads::OtherRecords),
    ]
}

/// Conventional baselines, tried in order (`*` matches any suffix).
const DEFAULT_BASELINES: &[(&str, &[&str])] = &[
    ("sig", &["ed25519/dalek", "ed25519/*", "ecdsa-secp256k1/*"]),
    ("kem", &["x25519/*", "ml-kem-768/*", "ml-kem-*"]),
    ("hash", &["sha256/rustcrypto", "sha256/*"]),
    ("zk", &["groth16-bn254/*", "groth16*"]),
];

fn matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => id.starts_with(prefix),
        None => id == pattern,
    }
}

/// The baseline of `family`: `chosen` if measured, else a conventional one,
/// else the first scheme measured in the family.
pub fn baseline_for(run: &RunData, family: &str, chosen: Option<&String>) -> Option<String> {
    let measured_ids: Vec<&str> = run
        .family(family)
        .filter(|r| measured(r).is_some())
        .map(|r| r.scheme.as_str())
        .collect();
    let find = |pattern: &str| {
        measured_ids
            .iter()
            .find(|id| matches(pattern, id))
            .map(|id| id.to_string())
    };
    if let Some(c) = chosen
        && let Some(id) = find(c)
    {
        return Some(id);
    }
    DEFAULT_BASELINES
        .iter()
        .filter(|(f, _)| *f == family)
        .flat_map(|(_, patterns)| patterns.iter())
        .find_map(|p| find(p))
        .or_else(|| measured_ids.first().map(|s| s.to_string()))
}

/// The record of `scheme` with the same op, parameters and threads as `like`.
pub fn counterpart<'a>(run: &'a RunData, scheme: &str, like: &Record) -> Option<&'a Record> {
    run.records.iter().find(|r| {
        r.scheme == scheme
            && r.op == like.op
            && r.params == like.params
            && r.threads == like.threads
    })
}

/// Builds the report document for `run`.
pub fn build(run: &RunData, options: &ReportOptions, out_dir: &Path) -> Result<(Doc, usize)> {
    let mut ctx = Context {
        run,
        options,
        plotter: Plotter::new(out_dir, options.png),
        figures: 0,
    };
    let mut doc = Doc::new(format!("ledgerbench report — {}", run.info.run_id));
    for section in sections() {
        doc.blocks.extend(section.build(&mut ctx)?);
    }
    Ok((doc, ctx.figures))
}

/// Writes `report.html`, `report.md` and `plots/` for the run in `dir` into
/// `out` (default: `dir` itself).
pub fn generate(dir: &Path, out: Option<&Path>, options: &ReportOptions) -> Result<ReportFiles> {
    let run = RunData::load(dir)?;
    let out = out.unwrap_or(dir);
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let (doc, plots) = build(&run, options, out)?;
    let mut warnings = run.problems.clone();
    if crate::plot::font::ensure().is_none() {
        warnings.push(
            "no TrueType font found, so no plots were drawn: install one \
             (Debian: apt-get install fonts-dejavu-core) or set LEDGERBENCH_FONT"
                .to_string(),
        );
    }
    let mut paths = BTreeMap::new();
    for renderer in render::all() {
        let path = out.join(format!("report.{}", renderer.extension()));
        write_atomic(&path, renderer.render(&doc).as_bytes())?;
        paths.insert(renderer.extension(), path);
    }
    Ok(ReportFiles {
        html: paths
            .remove("html")
            .unwrap_or_else(|| out.join("report.html")),
        markdown: paths.remove("md").unwrap_or_else(|| out.join("report.md")),
        plots,
        warnings,
    })
}
