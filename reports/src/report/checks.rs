//! Benchmark self-checks (records of kind `check`): the `.alt` agreement of
//! representative signing sets. A disagreement beyond both confidence
//! intervals is shown in red: the figures of that scheme's signing set are
//! not to be cited from this run.

use ledgerbench_harness::Result;
use ledgerbench_harness::results::{CHECK, CheckRecord, CheckVerdict};

use super::families::ci_text;
use super::{Context, Section};
use crate::doc::{Align, Block, Table, Tone};
use crate::format;

/// The self-checks section.
pub struct SelfChecks;

impl Section for SelfChecks {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let checks: Vec<CheckRecord> = ctx
            .run
            .other
            .iter()
            .filter(|o| o.kind == CHECK)
            .filter_map(|o| serde_json::from_value(o.value.clone()).ok())
            .collect();
        if checks.is_empty() {
            return Ok(Vec::new());
        }
        let mut table = Table::new(
            "table-checks",
            &[
                ("scheme", Align::Left),
                ("set", Align::Left),
                ("mean (95% CI)", Align::Right),
                ("alternate set", Align::Left),
                ("mean (95% CI)", Align::Right),
                ("verdict", Align::Left),
            ],
        );
        let mean = |m: f64, ci: Option<(f64, f64)>| {
            let ci = ci.map_or("n too small".to_string(), |(lo, hi)| ci_text(lo, hi));
            format!("{}\n{ci}", format::ns(m))
        };
        for c in &checks {
            let (verdict, tone) = match c.verdict {
                CheckVerdict::Consistent => ("consistent", Tone::Normal),
                CheckVerdict::Differ => ("DIFFER beyond their 95% CIs", Tone::Bad),
                CheckVerdict::NTooSmall => ("n too small to compare", Tone::Muted),
            };
            table.push(
                vec![
                    c.scheme.clone(),
                    c.set.clone(),
                    mean(c.mean_ns, c.ci95),
                    c.alternate.clone(),
                    mean(c.alternate_mean_ns, c.alternate_ci95),
                    verdict.into(),
                ],
                tone,
            );
        }
        Ok(vec![
            Block::Heading {
                level: 2,
                text: "Benchmark self-checks".into(),
                anchor: "self-checks".into(),
            },
            Block::Paragraph(
                "Each representative signing set has an alternate built to need the same \
                 mean number of rejection-sampling iterations: the two mean signing times \
                 must agree. A row in red means this machine was too noisy (or the sets \
                 differ): do not cite that scheme's signing-set figure from this run."
                    .into(),
            ),
            Block::Table(table),
        ])
    }
}
