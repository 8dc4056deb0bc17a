//! `ledgerbench recommend` results (records of kind `recommendation`): the
//! feasible set ranked, the Pareto front over bytes per transaction,
//! verification cost and security, and the constraint each infeasible
//! combination breaks first, with a scatter plot of the front and the
//! constraint lines.
//!
//! Records are read as JSON (`roles`, `feasible`, `first_broken`, `pareto`,
//! `rank`, `security`, `source`, `best_strategy`, `figures` with `name` and
//! `est` {`value`, `lo`, `hi`}, `checks` and `constraints`).

use serde_json::Value;

use ledgerbench_harness::Result;

use super::{Context, Section};
use crate::doc::{Align, Block, Table, Tone};
use crate::format;
use crate::plot::Unit;
use crate::plot::scatter::{Guide, Point, Scatter};

/// The recommendation section.
pub struct Recommendations;

fn figure(v: &Value, name: &str) -> Option<(f64, f64, f64)> {
    let f = v
        .get("figures")?
        .as_array()?
        .iter()
        .find(|f| f.get("name").and_then(Value::as_str) == Some(name))?;
    let e = f.get("est")?;
    Some((
        e.get("value")?.as_f64()?,
        e.get("lo")?.as_f64()?,
        e.get("hi")?.as_f64()?,
    ))
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn roles(v: &Value) -> String {
    v.get("roles")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(r, id)| format!("{r}={}", id.as_str().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

fn verify_cost(v: &Value) -> Option<(f64, f64, f64)> {
    figure(v, &format!("core_us_per_tx_{}", text(v, "best_strategy")))
}

/// The constraint lines of the plot, from a record's `constraints`: the most
/// bytes per transaction a block allows at the target rate (block bytes ÷
/// (tps × block interval)), and the most core-µs per transaction the cores
/// allow (cores ÷ tps × 10^6).
fn constraint_guides(c: &Value) -> Vec<Guide> {
    let num = |k: &str| c.get(k).and_then(Value::as_f64);
    let tps = num("tps").unwrap_or(0.0);
    let interval = num("block_interval_s").unwrap_or(1.0);
    let mut guides = Vec::new();
    if tps <= 0.0 {
        return guides;
    }
    if let Some(b) = num("block_bytes") {
        guides.push(Guide {
            vertical: true,
            value: b / (tps * interval),
            label: "block bytes limit".into(),
        });
    }
    if let Some(cores) = num("cores") {
        guides.push(Guide {
            vertical: false,
            value: cores / tps * 1e6,
            label: format!("{} cores at {tps} tx/s", format::sig3(cores)),
        });
    }
    guides
}

fn with_ci((value, lo, hi): (f64, f64, f64)) -> String {
    if hi > lo {
        format!(
            "{} [{} – {}]",
            format::sig3(value),
            format::sig3(lo),
            format::sig3(hi)
        )
    } else {
        format::sig3(value)
    }
}

impl Section for Recommendations {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let recs: Vec<&Value> = ctx
            .run
            .other
            .iter()
            .filter(|o| o.kind == "recommendation")
            .map(|o| &o.value)
            .collect();
        let Some(first) = recs.first() else {
            return Ok(Vec::new());
        };
        let c = first.get("constraints").cloned().unwrap_or(Value::Null);
        let num = |k: &str| c.get(k).and_then(Value::as_f64);
        let tps = num("tps").unwrap_or(0.0);
        let interval = num("block_interval_s").unwrap_or(1.0);
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: format!("Recommendation: {}", text(first, "profile")),
                anchor: "recommendation".into(),
            },
            Block::Paragraph(format!(
                "Every registered combination of the profile's roles checked against \
                 the budget: {tps} tx/s, one block every {interval} s, block bytes {}, \
                 cores {}, storage per year {}, post-quantum {}, security floor {}. \
                 Figures come from block verification measured on this machine \
                 (signatures, proofs and Merkle paths), with the 95% CI of the median \
                 block time carried through by interval arithmetic; combinations not \
                 measured directly are the profile's defaults plus the sum of the \
                 single-role differences (marked composed). cores = tps × core-µs per \
                 transaction ÷ 10^6; growth per year = average tps (the profile's \
                 average-to-peak ratio at this peak) × 31 536 000 s × bytes per \
                 transaction.",
                num("block_bytes").map_or("unlimited".into(), format::bytes),
                num("cores").map_or("unlimited".into(), format::sig3),
                num("storage_per_year").map_or("unlimited".into(), format::bytes),
                c.get("pq").and_then(Value::as_str).unwrap_or("none"),
                c.get("min_security")
                    .filter(|v| !v.is_null())
                    .map_or("none".into(), |v| v.to_string()),
            )),
        ];

        // The plot: every measured combination, the front in red, constraint lines.
        let measured: Vec<&Value> = recs
            .iter()
            .copied()
            .filter(|v| figure(v, "bytes_per_tx").is_some() && verify_cost(v).is_some())
            .collect();
        let mut points = Vec::new();
        let mut front = Vec::new();
        for v in &measured {
            let on = v.get("pareto").and_then(Value::as_bool) == Some(true);
            if on {
                front.push(points.len());
            }
            points.push(Point {
                label: if on || measured.len() <= 12 {
                    roles(v)
                } else {
                    String::new()
                },
                x: figure(v, "bytes_per_tx").map_or(0.0, |f| f.0),
                y: verify_cost(v).map_or(0.0, |f| f.0),
            });
        }
        let guides = constraint_guides(&c);
        if points.len() >= 2 {
            let chart = Scatter {
                points,
                x_axis: "on-chain bytes per transaction".into(),
                y_axis: "block verification, core-µs per transaction (best strategy)".into(),
                x_unit: Unit::Bytes,
                y_unit: Unit::Count,
                front: Some(front),
                guides,
            };
            ctx.figure(
                &mut blocks,
                "recommend-pareto",
                "Bytes per transaction vs block verification cost",
                "each dot is one measured combination of schemes for the profile's \
                 roles. Left is fewer bytes on the ledger, lower is less verification \
                 work per transaction (core-µs of block verification — signatures, \
                 proofs and Merkle paths — under the best strategy). Red dots marked ★ \
                 are the Pareto front of the feasible set over bytes, verification cost \
                 and security: no other feasible combination is at least as good on all \
                 three and better on one. The vertical line is the most bytes per \
                 transaction the block size allows at the target rate; the horizontal \
                 line the most core-µs per transaction the validator's cores allow.",
                &chart,
            )?;
        }

        // The feasible set ranked.
        let mut feasible: Vec<&Value> = recs
            .iter()
            .copied()
            .filter(|v| v.get("feasible").and_then(Value::as_bool) == Some(true))
            .collect();
        feasible.sort_by_key(|v| v.get("rank").and_then(Value::as_u64).unwrap_or(u64::MAX));
        let mut table = Table::new(
            "table-recommend-feasible",
            &[
                ("rank", Align::Right),
                ("roles", Align::Left),
                ("bytes / tx", Align::Right),
                ("cores sequential", Align::Right),
                ("cores parallel", Align::Right),
                ("cores batch", Align::Right),
                ("growth / year", Align::Right),
                ("security", Align::Left),
                ("front", Align::Left),
                ("figures", Align::Left),
            ],
        );
        for v in &feasible {
            let on = v.get("pareto").and_then(Value::as_bool) == Some(true);
            let opt = |name: &str| figure(v, name).map(with_ci).unwrap_or_else(|| "–".into());
            let batch = if figure(v, "cores_parallel_batch").is_some() {
                opt("cores_parallel_batch")
            } else {
                opt("cores_batch")
            };
            table.push(
                vec![
                    v.get("rank")
                        .and_then(Value::as_u64)
                        .map_or(String::new(), |r| r.to_string()),
                    roles(v),
                    figure(v, "bytes_per_tx").map_or("–".into(), |f| format::bytes(f.0)),
                    opt("cores_sequential"),
                    opt("cores_parallel"),
                    batch,
                    figure(v, "growth_per_year").map_or("–".into(), |f| format::bytes(f.0)),
                    text(v, "security"),
                    if on { "★".into() } else { String::new() },
                    text(v, "source"),
                ],
                if on { Tone::Good } else { Tone::Normal },
            );
        }
        blocks.push(Block::Table(table));

        // Infeasible: the first constraint broken.
        let mut bad = Table::new(
            "table-recommend-infeasible",
            &[
                ("roles", Align::Left),
                ("first constraint broken", Align::Left),
                ("why", Align::Left),
            ],
        );
        for v in recs
            .iter()
            .filter(|v| v.get("feasible").and_then(Value::as_bool) != Some(true))
        {
            let first = text(v, "first_broken");
            let why = v
                .get("checks")
                .and_then(Value::as_array)
                .and_then(|cs| {
                    cs.iter()
                        .find(|k| k.get("constraint").and_then(Value::as_str) == Some(&first))
                })
                .map(|k| {
                    format!(
                        "{} ({})",
                        text(k, "detail"),
                        text(k, "verdict").replace('-', " ")
                    )
                })
                .unwrap_or_default();
            bad.push(vec![roles(v), first, why], Tone::Muted);
        }
        if !bad.rows.is_empty() {
            blocks.push(Block::Table(bad));
        }
        Ok(blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The budget of the sector question "5,000 tx/s, 4 MB blocks every
    /// second, 16 validator cores": a transaction may take 800 bytes and
    /// 3,200 core-µs.
    #[test]
    fn constraint_lines_sit_at_the_budget_per_transaction() {
        let c = serde_json::json!({
            "tps": 5000.0,
            "block_interval_s": 1.0,
            "block_bytes": 4_000_000.0,
            "cores": 16.0,
        });
        let g = constraint_guides(&c);
        assert_eq!(g.len(), 2);
        assert!(g[0].vertical);
        assert!((g[0].value - 800.0).abs() < 1e-9, "{:?}", g[0]);
        assert!(!g[1].vertical);
        assert!((g[1].value - 3200.0).abs() < 1e-9, "{:?}", g[1]);
        assert!(
            g[1].label.ends_with(" cores at 5000 tx/s"),
            "{}",
            g[1].label
        );
        // A longer interval puts more transactions in each block: fewer bytes each.
        let slow =
            serde_json::json!({"tps": 5000.0, "block_interval_s": 4.0, "block_bytes": 4_000_000.0});
        assert_eq!(constraint_guides(&slow)[0].value, 200.0);
        // Unconstrained budgets draw no lines.
        assert!(constraint_guides(&serde_json::json!({"tps": 5000.0})).is_empty());
    }
}
