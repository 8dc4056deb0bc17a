//! Signature size against verification time: the trade-off standards work
//! asks for (what a ledger stores per signed transaction vs what every
//! validator spends checking it).

use std::collections::BTreeMap;

use ledgerbench_harness::results::Record;
use ledgerbench_harness::{Op, Result};

use super::{Context, Section};
use crate::data::measured;
use crate::doc::{Align, Block, Table, Tone};
use crate::format;
use crate::plot::Unit;
use crate::plot::scatter::{Point, Scatter, pareto_front};

/// The size-vs-verify-time Pareto section.
pub struct SizeVsVerify;

impl Section for SizeVsVerify {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let run = ctx.run;
        let verifies: Vec<&Record> = run
            .family("sig")
            .filter(|r| r.op == Op::Verify && measured(r).is_some())
            .filter(|r| r.sizes.contains_key("sig") && r.sizes.contains_key("pk"))
            .collect();
        // The message length most schemes were verified at.
        let mut counts: BTreeMap<(Option<usize>, usize), usize> = BTreeMap::new();
        for r in &verifies {
            *counts.entry((r.params.msg_len, r.threads)).or_default() += 1;
        }
        let Some(((msg_len, threads), n)) = counts
            .into_iter()
            .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)))
        else {
            return Ok(Vec::new());
        };
        if n < 2 {
            return Ok(Vec::new());
        }
        let points: Vec<(Point, &Record)> = verifies
            .into_iter()
            .filter(|r| r.params.msg_len == msg_len && r.threads == threads)
            .filter_map(|r| {
                let m = measured(r)?;
                let bytes = r.sizes.get("sig")? + r.sizes.get("pk")?;
                Some((
                    Point {
                        label: r.scheme.clone(),
                        x: bytes as f64,
                        y: m.ns.median,
                    },
                    r,
                ))
            })
            .collect();
        let mut blocks = vec![Block::Heading {
            level: 2,
            text: "Signatures: size vs verification time".into(),
            anchor: "pareto".into(),
        }];
        let chart = Scatter {
            points: points.iter().map(|(p, _)| p.clone()).collect(),
            x_axis: "signature + public key (bytes)".into(),
            y_axis: "median verify time".into(),
            x_unit: Unit::Bytes,
            y_unit: Unit::Nanos,
            front: None,
            guides: Vec::new(),
        };
        let msg = msg_len
            .map(|l| format!(" of a {l}-byte message"))
            .unwrap_or_default();
        ctx.figure(
            &mut blocks,
            "pareto-sig-size-vs-verify",
            &format!("Signature + public key size vs verify time{msg}"),
            "each dot is one signature implementation. Further left means fewer \
             bytes per signed transaction (signature plus the public key a \
             verifier needs); lower means faster verification. Red dots marked ★ \
             form the Pareto front: no other implementation is both smaller and \
             faster. Any dot above and to the right of the red staircase is beaten \
             on both counts by a front member, so choosing it needs another reason \
             (post-quantum security, a standard, aggregation). Axes switch to a \
             logarithmic scale when values span more than a factor of 20 (bytes: \
             4), where equal distances mean equal ratios.",
            &chart,
        )?;
        let front = pareto_front(&chart.points);
        let mut table = Table::new(
            "table-pareto",
            &[
                ("scheme", Align::Left),
                ("security", Align::Left),
                ("sig + pk (bytes)", Align::Right),
                ("verify (median)", Align::Right),
                ("Pareto front", Align::Left),
            ],
        );
        let mut order: Vec<usize> = (0..points.len()).collect();
        order.sort_by(|&a, &b| {
            points[a]
                .0
                .x
                .total_cmp(&points[b].0.x)
                .then(points[a].0.y.total_cmp(&points[b].0.y))
        });
        for i in order {
            let (p, r) = &points[i];
            let on = front.contains(&i);
            table.push(
                vec![
                    p.label.clone(),
                    r.security.clone(),
                    format!("{:.0}", p.x),
                    format::ns(p.y),
                    if on { "★ yes".into() } else { String::new() },
                ],
                if on { Tone::Good } else { Tone::Normal },
            );
        }
        blocks.push(Block::Table(table));
        Ok(blocks)
    }
}
