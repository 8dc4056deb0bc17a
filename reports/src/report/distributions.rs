//! Distributions of variable-time operations (rejection-sampling signers such
//! as ML-DSA and Falcon, proving) from the raw per-operation samples.

use std::collections::{BTreeMap, BTreeSet};

use ledgerbench_harness::results::Record;
use ledgerbench_harness::{Op, Result};

use super::{Context, Section};
use crate::data::{family_title, measured, op_rank};
use crate::doc::Block;
use crate::plot::Unit;
use crate::plot::boxes::{BoxChart, BoxItem};

/// The distributions section.
pub struct Distributions;

/// Whether `r` is a variable-time operation with raw samples to show:
/// proving, signing over a representative message set (`sign-set`, which the
/// harness offers for rejection-sampling signers), and plain `sign` of those
/// same schemes.
fn shows_distribution(r: &Record, variable_signers: &BTreeSet<&str>) -> bool {
    let variable = match r.op {
        Op::Prove | Op::SignSet => true,
        Op::Sign => variable_signers.contains(r.scheme.as_str()),
        _ => false,
    };
    variable && measured(r).is_some_and(|m| m.samples_ns.len() >= 5)
}

impl Section for Distributions {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let run = ctx.run;
        let mut groups: BTreeMap<(usize, String, usize, String), Vec<&Record>> = BTreeMap::new();
        let variable_signers: BTreeSet<&str> = run
            .records
            .iter()
            .filter(|r| r.op == Op::SignSet)
            .map(|r| r.scheme.as_str())
            .collect();
        for r in run
            .records
            .iter()
            .filter(|r| shows_distribution(r, &variable_signers))
        {
            groups
                .entry((
                    crate::data::family_rank(&r.family),
                    r.family.clone(),
                    op_rank(r.op),
                    r.op.to_string(),
                ))
                .or_default()
                .push(r);
        }
        if groups.is_empty() {
            return Ok(Vec::new());
        }
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: "Distributions of variable-time operations".into(),
                anchor: "distributions".into(),
            },
            Block::Paragraph(
                "Signing with rejection sampling (ML-DSA, Falcon) and proving take a \
                 different time for different inputs, so a median alone hides the \
                 tail a ledger sees at peak load. These plots show the raw samples. \
                 Where a sample timed several operations (label `k ops/sample`), each \
                 sample is their average, which narrows the spread: read those boxes \
                 as a lower bound on the per-operation variation."
                    .into(),
            ),
        ];
        for ((_, family, _, op), recs) in groups {
            let items: Vec<BoxItem> = recs
                .iter()
                .filter_map(|r| {
                    let m = measured(r)?;
                    let mut label = r.scheme.clone();
                    if !r.params.label().is_empty() {
                        label.push_str(&format!(" [{}]", r.params.label()));
                    }
                    if m.iters_per_sample > 1 {
                        label.push_str(&format!(" {} ops/sample", m.iters_per_sample));
                    }
                    BoxItem::from_samples(label, &m.samples_ns)
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            let chart = BoxChart {
                items,
                axis: format!("time per {op} (raw samples)"),
                unit: Unit::Nanos,
                log: None,
            };
            ctx.figure(
                &mut blocks,
                &format!("dist-{family}-{op}"),
                &format!("{}: distribution of {op} times", family_title(&family)),
                "one box per implementation, from its raw samples (n = number of \
                 samples). The box spans the middle half of the samples (25th to \
                 75th percentile) and the red line is the median; whiskers reach the \
                 furthest sample within 1.5 box-lengths, and dots beyond them are \
                 outliers — rare slow operations (rejection-sampling retries, \
                 interrupts). A wide box or a long right whisker means the time \
                 varies from operation to operation; compare the right whisker ends \
                 for worst-case planning.",
                &chart,
            )?;
        }
        Ok(blocks)
    }
}
