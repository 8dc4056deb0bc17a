//! Markdown tables of a run: one per family, the same as in `report.md`
//! without plots, for pasting into papers and issues.

use std::io::Write;

use ledgerbench_harness::{Error, Result};

use crate::data::{RunData, family_title};
use crate::doc::{Block, Doc};
use crate::render::{Markdown, Render};
use crate::report::{baseline_for, family_table};

/// The Markdown tables of a run.
pub fn markdown(run: &RunData) -> String {
    let info = &run.info;
    let mut doc = Doc::new(format!("ledgerbench results — {}", info.run_id));
    doc.para(format!(
        "{} on {} ({} logical cores), {}; commit `{}`{}; seed {}; started {}.",
        info.build.rustc,
        info.machine.cpu_model.as_deref().unwrap_or("unknown CPU"),
        info.machine.logical_cores,
        info.build.profile,
        info.git.as_ref().map_or("unknown", |g| g.commit.as_str()),
        if info.git.as_ref().is_some_and(|g| g.dirty) {
            " (dirty)"
        } else {
            ""
        },
        info.config.seed,
        info.started_at,
    ));
    for family in run.families() {
        doc.heading(2, family_title(&family), format!("family-{family}"));
        let baseline = baseline_for(run, &family, None);
        if let Some(b) = &baseline {
            doc.para(format!("Baseline for the ratio column: `{b}`."));
        }
        doc.blocks.push(Block::Table(family_table(
            run,
            &family,
            baseline.as_deref(),
        )));
    }
    Markdown.render(&doc)
}

/// Writes the run's Markdown tables to `out`.
pub fn write_markdown(run: &RunData, mut out: impl Write) -> Result<()> {
    out.write_all(markdown(run).as_bytes())
        .map_err(|e| Error::op("write markdown", e))
}
