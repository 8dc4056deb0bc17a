//! Reproduced results (records of kind `paper`, written by `ledgerbench paper
//! reproduce`): per paper, the side-by-side table of published and measured
//! quantities with the ratio, the verdict and why they may differ.

use ledgerbench_harness::Result;
use ledgerbench_papers::{PAPER, PaperRow, Verdict};

use super::{Context, Section};
use crate::doc::{Align, Block, Table, Tone};

/// The reproduced-results section.
pub struct Papers;

impl Section for Papers {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let rows: Vec<PaperRow> = ctx
            .run
            .other
            .iter()
            .filter(|o| o.kind == PAPER)
            .filter_map(|o| serde_json::from_value(o.value.clone()).ok())
            .collect();
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: "Reproduced results".into(),
                anchor: "papers".into(),
            },
            Block::Paragraph(
                "Published figures beside what this run measured. Rows compare quantities \
                 that survive a change of machine — ratios between schemes or operations, \
                 scaling exponents, exact byte counts — each within the tolerance shown; \
                 absolute cycle counts from other CPUs are shown for scale. A published \
                 figure that could not be confirmed in its source is marked and greyed."
                    .into(),
            ),
        ];
        let mut slugs: Vec<&str> = Vec::new();
        for r in &rows {
            if !slugs.contains(&r.paper.as_str()) {
                slugs.push(&r.paper);
            }
        }
        for slug in slugs {
            let spec = ledgerbench_papers::find(slug)
                .ok()
                .and_then(|p| p.spec().ok());
            blocks.push(Block::Heading {
                level: 3,
                text: spec
                    .as_ref()
                    .map_or(slug.to_string(), |s| format!("{} ({slug})", s.title)),
                anchor: format!("paper-{slug}"),
            });
            if let Some(s) = &spec {
                blocks.push(Block::Paragraph(format!(
                    "Source: {} ({}). Measured here: {}. Why absolute times are not \
                     compared: {}",
                    s.citation, s.url, s.measures, s.absolute_times
                )));
            }
            let mut table = Table::new(
                format!("table-paper-{slug}"),
                &[
                    ("comparison", Align::Left),
                    ("scheme", Align::Left),
                    ("published", Align::Left),
                    ("measured", Align::Left),
                    ("measured / published", Align::Right),
                    ("verdict", Align::Left),
                    ("explanation", Align::Left),
                ],
            );
            for r in rows.iter().filter(|r| r.paper == slug) {
                let (verdict, tone) = match (r.verdict, r.published_unconfirmed) {
                    (v, true) => (
                        format!("{} (published figure unconfirmed)", v.text()),
                        Tone::Muted,
                    ),
                    (Verdict::Agrees, _) => (format!("agrees ({})", r.tolerance), Tone::Good),
                    (Verdict::Differs, _) => (format!("differs ({})", r.tolerance), Tone::Warn),
                    (Verdict::NotMeasured, _) => ("not measured".to_string(), Tone::Muted),
                };
                table.push(
                    vec![
                        r.what.clone(),
                        r.scheme.clone().unwrap_or_else(|| "—".into()),
                        r.published_text.clone(),
                        r.measured_text.clone(),
                        r.ratio.map_or("—".to_string(), |x| format!("{x:.2}")),
                        verdict,
                        r.explanation.clone(),
                    ],
                    tone,
                );
            }
            blocks.push(Block::Table(table));
            let agree = rows
                .iter()
                .filter(|r| r.paper == slug && r.verdict == Verdict::Agrees)
                .count();
            let total = rows.iter().filter(|r| r.paper == slug).count();
            blocks.push(Block::Paragraph(format!(
                "{agree} of {total} rows agree within their tolerance."
            )));
        }
        Ok(blocks)
    }
}
