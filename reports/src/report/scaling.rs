//! Thread scaling: the same scheme, operation and parameters measured with
//! different rayon pool sizes (e.g. runs with `--threads 1`, `2`, `4`... merged
//! into one directory).

use std::collections::BTreeMap;

use ledgerbench_harness::Result;

use super::{Context, Section};
use crate::data::{key_without_threads, measured};
use crate::doc::{Align, Block, Table, Tone};
use crate::format;
use crate::plot::Unit;
use crate::plot::lines::{LineChart, LinePoint, Series};

/// The thread-scaling section.
pub struct ThreadScaling;

impl Section for ThreadScaling {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let run = ctx.run;
        let mut groups: BTreeMap<String, Vec<(usize, f64, f64, f64)>> = BTreeMap::new();
        for r in &run.records {
            if let Some(m) = measured(r) {
                groups.entry(key_without_threads(r)).or_default().push((
                    r.threads,
                    m.ns.median,
                    m.ns.ci95_low,
                    m.ns.ci95_high,
                ));
            }
        }
        groups.retain(|_, pts| {
            pts.sort_by_key(|p| p.0);
            pts.dedup_by_key(|p| p.0);
            pts.len() >= 2
        });
        if groups.is_empty() {
            return Ok(Vec::new());
        }
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: "Thread scaling".into(),
                anchor: "scaling".into(),
            },
            Block::Paragraph(
                "Speed-up is the median time with the fewest threads measured divided \
                 by the median time with N threads, for the same scheme, operation \
                 and parameters. Only operations that use the rayon pool (such as \
                 `verify-par`) can speed up; single-threaded operations should stay \
                 near ×1."
                    .into(),
            ),
        ];
        let mut table = Table::new(
            "table-scaling",
            &[
                ("scheme | op | params", Align::Left),
                ("threads", Align::Right),
                ("median", Align::Right),
                ("speed-up", Align::Right),
                ("efficiency", Align::Right),
            ],
        );
        let mut series = Vec::new();
        for (key, pts) in &groups {
            let (t0, base, _, _) = pts[0];
            let mut points = Vec::new();
            for &(t, median, lo, hi) in pts {
                let speedup = base / median;
                let ideal = t as f64 / t0 as f64;
                table.push(
                    vec![
                        key.clone(),
                        t.to_string(),
                        format::ns(median),
                        format::ratio(speedup),
                        format!("{:.0}%", 100.0 * speedup / ideal),
                    ],
                    Tone::Normal,
                );
                points.push(LinePoint {
                    x: t as f64,
                    y: speedup,
                    lo: base / hi,
                    hi: base / lo,
                });
            }
            series.push(Series {
                name: key.clone(),
                points,
            });
        }
        let chart = LineChart {
            series,
            x_axis: "threads".into(),
            y_axis: "speed-up over the fewest threads measured".into(),
            x_unit: Unit::Count,
            y_unit: Unit::Ratio,
            log_x: Some(false),
            log_y: Some(false),
            // y = x is ideal scaling only when the curves start at one thread.
            diagonal: groups.values().all(|pts| pts[0].0 == 1),
        };
        ctx.figure(
            &mut blocks,
            "thread-scaling",
            "Speed-up vs threads",
            "one line per scheme/operation/parameters: how much faster it runs as \
             the rayon pool grows. The grey diagonal is ideal linear scaling \
             (twice the threads, twice as fast); lines below it lose efficiency to \
             coordination, memory bandwidth or serial work. The whiskers come from \
             the 95% CI of each median.",
            &chart,
        )?;
        blocks.push(Block::Table(table));
        Ok(blocks)
    }
}
