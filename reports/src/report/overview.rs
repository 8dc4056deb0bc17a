//! At a glance: what was measured, what failed, and what makes the figures
//! less trustworthy (debug build, dirty tree, power-saving governor).

use std::collections::BTreeSet;

use ledgerbench_harness::Result;
use ledgerbench_harness::results::Status;

use super::{Context, Section};
use crate::doc::{Block, Tone};

/// The summary at the top of the report.
pub struct Overview;

impl Section for Overview {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let run = ctx.run;
        let info = &run.info;
        let mut blocks = vec![Block::Heading {
            level: 2,
            text: "At a glance".into(),
            anchor: "overview".into(),
        }];
        let schemes: BTreeSet<&str> = run.records.iter().map(|r| r.scheme.as_str()).collect();
        let count = |s: Status| run.records.iter().filter(|r| r.status == s).count();
        let (ok, gate, err) = (
            count(Status::Ok),
            count(Status::GateFailed),
            count(Status::Error),
        );
        let machines = if info.parts.is_empty() {
            format!(
                "on {}",
                info.machine
                    .cpu_model
                    .as_deref()
                    .unwrap_or("an unknown CPU")
            )
        } else {
            format!("merged from {} parts", info.parts.len())
        };
        blocks.push(Block::Paragraph(format!(
            "Run `{}` ({} suite, seed {}, {}): {} records over {} schemes in {} — \
             {ok} measured, {gate} not timed because the correctness gate failed, \
             {err} errors.{}",
            info.run_id,
            serde_json::to_value(info.config.suite)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            info.config.seed,
            machines,
            run.records.len(),
            schemes.len(),
            run.families().join(", "),
            if run.other.is_empty() {
                String::new()
            } else {
                format!(" Plus {} records of other kinds.", run.other.len())
            }
        )));

        let failing: BTreeSet<(&str, String)> = run
            .records
            .iter()
            .filter(|r| !r.gate.passed())
            .map(|r| (r.scheme.as_str(), r.gate.describe()))
            .collect();
        for (scheme, summary) in failing {
            blocks.push(Block::Note {
                tone: Tone::Bad,
                text: format!(
                    "`{scheme}` failed its correctness gate and was not timed — {summary}."
                ),
            });
        }
        for r in run.records.iter().filter(|r| r.status == Status::Error) {
            blocks.push(Block::Note {
                tone: Tone::Bad,
                text: format!(
                    "`{}` errored: {}.",
                    r.key,
                    r.error.as_deref().unwrap_or("unknown error")
                ),
            });
        }
        let mut cautions = Vec::new();
        if info.status != "complete" {
            cautions.push(format!(
                "the run's status is `{}`: it was interrupted or is still running \
                 (`ledgerbench run --resume` completes it).",
                info.status
            ));
        }
        if info.build.profile != "release" && !info.build.profile.is_empty() {
            cautions.push(format!(
                "the binary was a `{}` build: timings are not representative \
                 (use `cargo run --release`).",
                info.build.profile
            ));
        }
        if info.git.as_ref().is_some_and(|g| g.dirty) {
            cautions.push(
                "the source tree had uncommitted changes, so the commit alone does not \
                 reproduce this binary."
                    .into(),
            );
        }
        if let Some(g) = info.machine.governor.as_deref()
            && g != "performance"
        {
            cautions.push(format!(
                "the CPU frequency governor was `{g}`, not `performance`: clock \
                     changes add noise."
            ));
        }
        let cpus: BTreeSet<&str> = info
            .parts
            .iter()
            .map(|p| p.run.machine.cpu_model.as_deref().unwrap_or("unknown CPU"))
            .collect();
        if cpus.len() > 1 {
            cautions.push(format!(
                "the parts ran on different CPUs ({}); rows measured on different \
                 machines are not directly comparable (see the machine column).",
                cpus.into_iter().collect::<Vec<_>>().join("; ")
            ));
        }
        for problem in &run.problems {
            cautions.push(format!("{problem}."));
        }
        if !ctx.plotter.can_draw() {
            cautions.push(
                "no TrueType font was found, so this report has no plots (Debian: \
                 `apt-get install fonts-dejavu-core`, or set `LEDGERBENCH_FONT`)."
                    .into(),
            );
        }
        for c in cautions {
            blocks.push(Block::Note {
                tone: Tone::Warn,
                text: format!("Caution: {c}"),
            });
        }
        Ok(blocks)
    }
}
