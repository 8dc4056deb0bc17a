//! Parameter sweeps: time against message length (signatures, hashes),
//! statement size (ZK: prove/verify/setup vs circuit size, per backend) and
//! batch size, whenever a run measured an operation at two or more values.

use std::collections::BTreeMap;

use ledgerbench_harness::Result;
use ledgerbench_harness::results::Record;

use super::{Context, Section};
use crate::data::{family_title, measured, op_rank};
use crate::doc::Block;
use crate::format;
use crate::plot::Unit;
use crate::plot::lines::{LineChart, LinePoint, Series};

/// The sweep plots section.
pub struct Sweeps;

/// A swept parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Axis {
    MsgLen,
    Size,
    Batch,
}

impl Axis {
    fn value(self, r: &Record) -> Option<usize> {
        match self {
            Axis::MsgLen => r.params.msg_len,
            Axis::Size => r.params.size,
            Axis::Batch => r.params.batch,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Axis::MsgLen => "message length",
            Axis::Size => "statement size",
            Axis::Batch => "batch size",
        }
    }

    fn unit(self) -> Unit {
        match self {
            Axis::MsgLen => Unit::Bytes,
            _ => Unit::Count,
        }
    }

    fn how_to_read(self, op: &str, log_log: bool) -> String {
        let scale = if log_log {
            " Both axes are logarithmic: a line with slope 1 (one decade up per \
             decade right) means time grows in proportion to the parameter; a \
             flatter start means a fixed per-call cost dominates small inputs."
        } else {
            ""
        };
        match self {
            Axis::MsgLen => format!(
                "one line per implementation: the median `{op}` time at each \
                 message length, with the 95% CI as a vertical whisker. Hashes and \
                 hash-then-sign schemes grow with the message; the gap between \
                 lines at the right edge is their throughput difference.{scale}"
            ),
            Axis::Size => format!(
                "one line per proof system/backend: the median `{op}` time as the \
                 statement (circuit) grows. The statement size is the scheme's own \
                 size parameter (e.g. Merkle depth or log2 of the constraint count; \
                 see the scheme's documentation). A steeper line scales worse; a \
                 flat line (typical of SNARK verification) is independent of the \
                 statement.{scale}"
            ),
            Axis::Batch => format!(
                "one line per implementation: the median time of one `{op}` call \
                 over the whole batch. Divide by the batch size for the cost per \
                 item; a line that grows slower than the batch shows the benefit of \
                 batching or aggregation.{scale}"
            ),
        }
    }
}

type SweepKey = (usize, String, Axis, usize);

impl Section for Sweeps {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let run = ctx.run;
        // (family rank, family, op rank, op, axis, threads) -> scheme -> points.
        let mut groups: BTreeMap<(SweepKey, usize, String), BTreeMap<String, Vec<LinePoint>>> =
            BTreeMap::new();
        for r in &run.records {
            let Some(m) = measured(r) else { continue };
            for axis in [Axis::MsgLen, Axis::Size, Axis::Batch] {
                let Some(v) = axis.value(r) else { continue };
                let key = (
                    (
                        crate::data::family_rank(&r.family),
                        r.family.clone(),
                        axis,
                        r.threads,
                    ),
                    op_rank(r.op),
                    r.op.to_string(),
                );
                groups
                    .entry(key)
                    .or_default()
                    .entry(r.scheme.clone())
                    .or_default()
                    .push(LinePoint {
                        x: v as f64,
                        y: m.ns.median,
                        lo: m.ns.ci95_low,
                        hi: m.ns.ci95_high,
                    });
            }
        }
        let mut blocks = Vec::new();
        for (((_, family, axis, _threads), _, op), schemes) in groups {
            let series: Vec<Series> = schemes
                .into_iter()
                .filter(|(_, pts)| pts.len() >= 2)
                .map(|(name, mut points)| {
                    points.sort_by(|a, b| a.x.total_cmp(&b.x));
                    Series { name, points }
                })
                .collect();
            if series.is_empty() {
                continue;
            }
            if blocks.is_empty() {
                blocks.push(Block::Heading {
                    level: 2,
                    text: "Parameter sweeps".into(),
                    anchor: "sweeps".into(),
                });
            }
            let chart = LineChart {
                series,
                x_axis: axis.title().to_string(),
                y_axis: format!("median time per {op}"),
                x_unit: axis.unit(),
                y_unit: Unit::Nanos,
                log_x: Some(true),
                log_y: Some(true),
                diagonal: false,
            };
            let title = format!("{}: {op} time vs {}", family_title(&family), axis.title());
            let how = axis.how_to_read(&op, true);
            ctx.figure(
                &mut blocks,
                &format!("sweep-{family}-{op}-{}", format::slug(axis.title())),
                &title,
                &how,
                &chart,
            )?;
        }
        Ok(blocks)
    }
}
