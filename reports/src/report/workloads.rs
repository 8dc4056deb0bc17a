//! Ledger workloads (records of kind `workload`): bytes per transaction by
//! component, block verification time by strategy, cores needed at the target
//! TPS and ledger growth, with every projection labelled as one. Records of
//! kinds this version does not know are listed, never dropped.
//!
//! Workload records are read as JSON so the report tolerates fields being
//! added: `profile`, `roles`, `threads`, `status`, `error`, `bytes_per_tx`
//! (component → bytes), `block_bytes`, `verify_block_ns` (strategy → stats
//! with `median`, `ci95_low`, `ci95_high`) and `derived` (`name`, `value`,
//! `unit`, `formula`) are used when present.

use std::collections::BTreeSet;

use serde_json::Value;

use ledgerbench_harness::Result;

use super::{Context, Section};
use crate::data::OtherRecord;
use crate::doc::{Align, Block, Table, Tone};
use crate::format;
use crate::plot::Unit;
use crate::plot::bars::{Bar, BarChart};
use crate::plot::stacked::{Stack, StackedBars};

/// The workload section.
pub struct Workloads;

/// Records of unknown kinds.
pub struct OtherRecords;

fn num(v: &Value, path: &[&str]) -> Option<f64> {
    path.iter().try_fold(v, |v, k| v.get(*k))?.as_f64()
}

fn text_field(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

/// `retail-payments · sig=ed25519/dalek`.
fn label(v: &Value, with_threads: bool) -> String {
    let mut s = text_field(v, "profile");
    if s.is_empty() {
        s = text_field(v, "key");
    }
    if let Some(roles) = v.get("roles").and_then(Value::as_object) {
        let r: Vec<String> = roles
            .iter()
            .filter(|(role, _)| role.as_str() != "merkle")
            .map(|(role, id)| format!("{role}={}", id.as_str().unwrap_or("?")))
            .collect();
        if !r.is_empty() {
            s.push_str(" · ");
            s.push_str(&r.join(", "));
        }
    }
    if with_threads && let Some(t) = v.get("threads").and_then(Value::as_u64) {
        s.push_str(&format!(" · {t} threads"));
    }
    s
}

fn derived(v: &Value, name: &str) -> Option<f64> {
    v.get("derived")?
        .as_array()?
        .iter()
        .find(|p| p.get("name").and_then(Value::as_str) == Some(name))?
        .get("value")?
        .as_f64()
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn ok(v: &Value) -> bool {
    v.get("status")
        .and_then(Value::as_str)
        .is_none_or(|s| s == "ok")
}

impl Section for Workloads {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let recs: Vec<&OtherRecord> = ctx
            .run
            .other
            .iter()
            .filter(|o| o.kind == "workload")
            .collect();
        if recs.is_empty() {
            return Ok(Vec::new());
        }
        let threads: BTreeSet<u64> = recs
            .iter()
            .filter_map(|o| o.value.get("threads").and_then(Value::as_u64))
            .collect();
        let multi = threads.len() > 1;
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: "Ledger workloads".into(),
                anchor: "workloads".into(),
            },
            Block::Paragraph(
                "Each row is one workload profile run with one assignment of schemes \
                 to roles: real transactions were built into blocks and verified. \
                 Bytes and verification times are measured on this machine; cores \
                 needed, ledger growth and state size are projections computed from \
                 those measurements and the profile's stated assumptions (the \
                 formula column names both)."
                    .into(),
            ),
        ];
        let mut table = Table::new(
            "table-workloads",
            &[
                ("workload", Align::Left),
                ("status", Align::Left),
                ("block txs", Align::Right),
                ("bytes / tx", Align::Right),
                ("block size", Align::Right),
                ("verify / block (sequential)", Align::Right),
                ("parallel speed-up", Align::Right),
                ("parallel efficiency", Align::Right),
                ("parallel-batch efficiency", Align::Right),
                ("cores at target TPS", Align::Right),
                ("growth / year", Align::Right),
            ],
        );
        for o in &recs {
            let v = &o.value;
            let opt = |x: Option<f64>, f: fn(f64) -> String| x.map(f).unwrap_or_else(|| "–".into());
            let status = match v.get("error").and_then(Value::as_str) {
                Some(e) => format!("{}: {e}", text_field(v, "status")),
                None => text_field(v, "status"),
            };
            table.push(
                vec![
                    label(v, multi),
                    status,
                    opt(num(v, &["block_txs"]), |x| format!("{x:.0}")),
                    opt(derived(v, "bytes_per_tx"), format::bytes),
                    opt(num(v, &["block_bytes"]), format::bytes),
                    opt(
                        num(v, &["verify_block_ns", "sequential", "median"]),
                        format::ns,
                    ),
                    opt(derived(v, "parallel_speedup"), format::ratio),
                    opt(derived(v, "parallel_efficiency"), percent),
                    opt(derived(v, "parallel_batch_efficiency"), percent),
                    opt(derived(v, "cores_needed_at_target_tps"), format::sig3),
                    opt(derived(v, "ledger_growth_per_year"), format::bytes),
                ],
                if ok(v) { Tone::Normal } else { Tone::Bad },
            );
        }
        blocks.push(Block::Table(table));

        // Bytes per transaction by component.
        let mut components: Vec<String> = Vec::new();
        for o in &recs {
            if let Some(map) = o.value.get("bytes_per_tx").and_then(Value::as_object) {
                for k in map.keys() {
                    if !components.contains(k) {
                        components.push(k.clone());
                    }
                }
            }
        }
        let stacks: Vec<Stack> = recs
            .iter()
            .filter(|o| ok(&o.value))
            .filter_map(|o| {
                let map = o.value.get("bytes_per_tx")?.as_object()?;
                Some(Stack {
                    label: label(&o.value, multi),
                    parts: components
                        .iter()
                        .map(|c| map.get(c).and_then(Value::as_f64).unwrap_or(0.0))
                        .collect(),
                })
            })
            .collect();
        if !stacks.is_empty() {
            let chart = StackedBars {
                components: components.iter().map(|c| c.replace('_', " ")).collect(),
                stacks,
                axis: "mean on-chain bytes per transaction".into(),
                unit: Unit::Bytes,
            };
            ctx.figure(
                &mut blocks,
                "workload-bytes-per-tx",
                "Bytes per transaction by component",
                "one bar per workload and scheme assignment, split into what the \
                 bytes are: signatures, public keys, KEM ciphertexts, proofs, \
                 application payload and non-cryptographic overhead. Switching a \
                 signature scheme changes only its own segments, so the bar shows \
                 how much of a transaction the cryptography is.",
                &chart,
            )?;
        }

        // Verification time per block by strategy.
        let mut bars = Vec::new();
        for o in recs.iter().filter(|o| ok(&o.value)) {
            if let Some(map) = o.value.get("verify_block_ns").and_then(Value::as_object) {
                for (strategy, s) in map {
                    if let Some(median) = s.get("median").and_then(Value::as_f64) {
                        bars.push(Bar {
                            label: format!("{} — {strategy}", label(&o.value, multi)),
                            value: Some(median),
                            lo: s.get("ci95_low").and_then(Value::as_f64).unwrap_or(median),
                            hi: s.get("ci95_high").and_then(Value::as_f64).unwrap_or(median),
                            note: None,
                            baseline: strategy == "sequential",
                        });
                    }
                }
            }
        }
        if !bars.is_empty() {
            let chart = BarChart {
                bars,
                axis: "median time to verify one block (whiskers: 95% CI)".into(),
                unit: Unit::Nanos,
                log: None,
            };
            ctx.figure(
                &mut blocks,
                "workload-verify-per-block",
                "Block verification time by strategy",
                "for each workload, the time a validator takes to verify one full \
                 block — every signature, proof and Merkle path in it: sequential (one \
                 core, orange), parallel (transactions spread over the thread pool), \
                 batch (the scheme's batch verification, one batch per block, one \
                 core) and parallel batch (one batch per thread), where the scheme \
                 batch-verifies. Each bar is the median of at least ten timed blocks \
                 after a warm-up. Shorter is better; sequential ÷ parallel is the \
                 speed-up, and speed-up ÷ threads the parallel efficiency in the table.",
                &chart,
            )?;
        }

        for (name, stem, title, unit, how) in [
            (
                "cores_needed_at_target_tps",
                "workload-cores-needed",
                "Cores needed for block verification at the target TPS (projection)",
                Unit::Count,
                "a projection: the profile's target transactions per second (an \
                 assumption stated in the profile) times the measured sequential \
                 block verification time per transaction (signatures, and the proofs \
                 and Merkle paths the profile's transactions carry), assuming \
                 verification scales linearly over cores and nothing else competes \
                 for them.",
            ),
            (
                "ledger_growth_per_year",
                "workload-ledger-growth",
                "Ledger growth per year (projection)",
                Unit::Bytes,
                "a projection: the profile's average transactions per second (an \
                 assumption) times a year of seconds times the measured bytes per \
                 transaction. Larger signatures and keys grow the ledger in \
                 proportion.",
            ),
        ] {
            let bars: Vec<Bar> = recs
                .iter()
                .filter(|o| ok(&o.value))
                .filter_map(|o| {
                    let v = derived(&o.value, name)?;
                    Some(Bar {
                        label: label(&o.value, multi),
                        value: Some(v),
                        lo: v,
                        hi: v,
                        note: None,
                        baseline: false,
                    })
                })
                .collect();
            if bars.is_empty() {
                continue;
            }
            let chart = BarChart {
                bars,
                axis: title.to_string(),
                unit,
                log: None,
            };
            ctx.figure(&mut blocks, stem, title, how, &chart)?;
        }

        // Every derived figure with its formula, per record.
        for o in &recs {
            let Some(list) = o.value.get("derived").and_then(Value::as_array) else {
                continue;
            };
            let mut t = Table::new(
                format!("table-workload-{}", format::slug(&label(&o.value, multi))),
                &[
                    ("figure", Align::Left),
                    ("value", Align::Right),
                    ("unit", Align::Left),
                    ("how it was obtained", Align::Left),
                ],
            );
            t.caption = Some(label(&o.value, multi));
            for p in list {
                let formula = text_field(p, "formula");
                t.push(
                    vec![
                        text_field(p, "name").replace('_', " "),
                        p.get("value")
                            .and_then(Value::as_f64)
                            .map(format::sig3)
                            .unwrap_or_default(),
                        text_field(p, "unit"),
                        formula.clone(),
                    ],
                    if formula.starts_with("projection") {
                        Tone::Muted
                    } else {
                        Tone::Normal
                    },
                );
            }
            blocks.push(Block::Table(t));
        }
        Ok(blocks)
    }
}

impl Section for OtherRecords {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let by_kind = ctx.run.other_by_kind();
        let unknown: Vec<(&str, Vec<&OtherRecord>)> = by_kind
            .into_iter()
            .filter(|(k, _)| {
                !matches!(
                    *k,
                    "workload" | "check" | "ct" | "conformance" | "recommendation"
                )
            })
            .collect();
        if unknown.is_empty() {
            return Ok(Vec::new());
        }
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: "Other records".into(),
                anchor: "other-records".into(),
            },
            Block::Paragraph(
                "Records this version of the report does not know how to chart \
                 (a newer kind, or a measurement it could not parse). They are kept \
                 in results.jsonl and listed here so nothing is silently dropped."
                    .into(),
            ),
        ];
        let mut table = Table::new(
            "table-other",
            &[
                ("kind", Align::Left),
                ("line", Align::Right),
                ("key", Align::Left),
                ("status", Align::Left),
            ],
        );
        for (kind, recs) in unknown {
            for o in recs {
                table.push(
                    vec![
                        kind.to_string(),
                        o.line.to_string(),
                        text_field(&o.value, "key"),
                        text_field(&o.value, "status"),
                    ],
                    Tone::Normal,
                );
            }
        }
        blocks.push(Block::Table(table));
        Ok(blocks)
    }
}
