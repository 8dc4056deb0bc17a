//! Constant-time screening (records of kind `ct`, from `ledgerbench ct`):
//! per scheme and operation, the two input classes, measurements, the
//! largest |t| and the verdict. A suspected leak is shown in red; "no leak
//! detected" is never read as "constant time".

use ledgerbench_harness::Result;
use ledgerbench_harness::ct::{CT, CtRecord, CtVerdict, THRESHOLD};

use super::{Context, Section};
use crate::doc::{Align, Block, Table, Tone};

/// The constant-time screening section.
pub struct CtScreening;

impl Section for CtScreening {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let records: Vec<CtRecord> = ctx
            .run
            .other
            .iter()
            .filter(|o| o.kind == CT)
            .filter_map(|o| serde_json::from_value(o.value.clone()).ok())
            .collect();
        if records.is_empty() {
            return Ok(Vec::new());
        }
        let mut table = Table::new(
            "table-ct",
            &[
                ("scheme", Align::Left),
                ("op", Align::Left),
                ("classes", Align::Left),
                ("measurements", Align::Right),
                ("max |t|", Align::Right),
                ("verdict", Align::Left),
            ],
        );
        for r in &records {
            let tone = match r.verdict {
                CtVerdict::LeakSuspected if r.variable_time => Tone::Warn,
                CtVerdict::LeakSuspected | CtVerdict::Error => Tone::Bad,
                CtVerdict::NoLeakDetected => Tone::Normal,
                CtVerdict::TooFewMeasurements | CtVerdict::NotApplicable => Tone::Muted,
            };
            table.push(
                vec![
                    r.scheme.clone(),
                    format!("{} ({})", r.op, r.varies),
                    r.classes.clone(),
                    r.measurements.to_string(),
                    r.t.map_or("—".into(), |t| format!("{t:.2}")),
                    r.summary.clone(),
                ],
                tone,
            );
        }
        Ok(vec![
            Block::Heading {
                level: 2,
                text: "Constant-time screening".into(),
                anchor: "ct".into(),
            },
            Block::Paragraph(format!(
                "dudect-style screening: each operation ran on a fixed and a random input \
                 class, interleaved at random and timed one at a time; Welch's t-test \
                 compares the classes on raw times, on times cropped below 100 percentiles \
                 and on centred squares, and the largest |t| is shown. Above {THRESHOLD} a \
                 leak is suspected (red; amber for operations declared variable-time, \
                 where a difference is expected from rejection sampling). Below it, no leak \
                 was detected in that many measurements — which is not a proof of constant \
                 time: a longer --budget, another machine or a valgrind check can still \
                 find one. In brackets after the operation: the input that differs between \
                 the classes (the message or the key for signing, the ciphertext for \
                 decapsulation, the RNG seed for key generation). An operation too slow to \
                 reach the minimum number of measurements within the budget was measured \
                 longer, up to five budgets."
            )),
            Block::Table(table),
        ])
    }
}
