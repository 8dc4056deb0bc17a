//! Provenance from `run.json`: enough for a reader to re-run the measurement
//! (commit, command, seed, toolchain, machine, crate versions), and for a
//! merged run the same for every part.

use ledgerbench_harness::Result;
use ledgerbench_harness::provenance::RunInfo;

use super::{Context, Section};
use crate::doc::{Align, Block, Table, Tone};
use crate::format;

/// The provenance section.
pub struct Provenance;

/// Renders a JSON object's fields as `key=value` pairs, skipping nulls and
/// empty lists (robust to fields added later).
fn settings(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// The command that re-runs `info` from a checkout.
fn rerun(info: &RunInfo) -> String {
    let mut lines = Vec::new();
    if let Some(git) = &info.git {
        lines.push(format!("git checkout {}", git.commit));
    }
    let args: Vec<String> = info
        .command_line
        .iter()
        .skip(1)
        .map(|a| {
            if a.chars().any(|c| c.is_whitespace() || "*?'\"$".contains(c)) {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a.clone()
            }
        })
        .collect();
    if info.build.plugins.is_empty() {
        lines.push(format!("cargo run --release -- {}", args.join(" ")));
    } else {
        // ledgerbench's own binary lacks the plug-in's schemes: rebuild the
        // plug-in crate's binary instead.
        let program = info
            .command_line
            .first()
            .map_or("<plug-in binary>", String::as_str);
        lines.push(format!(
            "# {} come from a plug-in binary: rebuild its crate (cargo build --release), then",
            info.build.plugins.join(", ")
        ));
        lines.push(format!("{program} {}", args.join(" ")));
    }
    lines.join("\n")
}

/// The facts of one run.json.
fn facts(info: &RunInfo) -> Vec<(String, String)> {
    let m = &info.machine;
    let b = &info.build;
    let opt = |v: Option<&str>| v.unwrap_or("unknown").to_string();
    let mut f = vec![
        ("run id".to_string(), info.run_id.clone()),
        ("status".into(), info.status.clone()),
        (
            "started / finished".into(),
            format!(
                "{} / {}",
                info.started_at,
                info.finished_at.as_deref().unwrap_or("not finished")
            ),
        ),
        (
            "command".into(),
            format!("`{}`", info.command_line.join(" ")),
        ),
    ];
    for (i, cmd) in info.resumed_by.iter().enumerate() {
        f.push((
            format!("resumed ({})", i + 1),
            format!("`{}`", cmd.join(" ")),
        ));
    }
    f.extend([
        ("seed".to_string(), info.config.seed.to_string()),
        (
            "configuration".into(),
            serde_json::to_value(&info.config)
                .map(|v| settings(&v))
                .unwrap_or_default(),
        ),
        (
            "engine".into(),
            serde_json::to_value(&info.engine)
                .map(|v| settings(&v))
                .unwrap_or_default(),
        ),
        (
            "git commit".into(),
            match &info.git {
                Some(g) => format!(
                    "`{}`{}",
                    g.commit,
                    if g.dirty {
                        " (uncommitted changes)"
                    } else {
                        ""
                    }
                ),
                None => "unknown (not a git checkout)".into(),
            },
        ),
        ("rustc".into(), b.rustc.clone()),
        (
            "build".into(),
            format!(
                "{} profile, opt-level {}, target {}",
                b.profile, b.opt_level, b.target
            ),
        ),
        ("target features".into(), b.target_features.join(" ")),
        (
            "run-time code paths".into(),
            if b.code_paths.is_empty() {
                "not recorded".into()
            } else {
                b.code_paths
                    .iter()
                    .map(|(lib, path)| format!("{lib}: {path}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        ),
        (
            "plug-in schemes".into(),
            if b.plugins.is_empty() {
                "none (every scheme is ledgerbench's own, built with its profile)".into()
            } else {
                format!(
                    "{} (built with the plug-in crate's own release profile)",
                    b.plugins.join(", ")
                )
            },
        ),
        ("CPU".into(), opt(m.cpu_model.as_deref())),
        ("logical cores".into(), m.logical_cores.to_string()),
        (
            "TSC frequency".into(),
            m.tsc_hz
                .map(|hz| format!("{:.3} GHz", hz / 1e9))
                .unwrap_or_else(|| "none".into()),
        ),
        (
            "cycle counter".into(),
            if m.cycle_counter.is_empty() {
                "not recorded".into()
            } else {
                m.cycle_counter.clone()
            },
        ),
        ("frequency governor".into(), opt(m.governor.as_deref())),
        (
            "memory".into(),
            m.memory_bytes
                .map(|b| format::bytes(b as f64))
                .unwrap_or_else(|| "unknown".into()),
        ),
        (
            "OS / kernel".into(),
            format!("{} / {}", opt(m.os.as_deref()), opt(m.kernel.as_deref())),
        ),
        ("host".into(), opt(m.hostname.as_deref())),
        (
            "crate versions".into(),
            info.crates
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "peak RSS".into(),
            info.peak_rss_bytes
                .map(|b| format::bytes(b as f64))
                .unwrap_or_else(|| "unknown".into()),
        ),
    ]);
    f
}

impl Section for Provenance {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let info = &ctx.run.info;
        let mut blocks = vec![
            Block::Heading {
                level: 2,
                text: "Provenance: what ran, where, and how to re-run it".into(),
                anchor: "provenance".into(),
            },
            Block::Paragraph(
                "From the run's `run.json`. Re-running the same commit with the \
                 same command and seed on a similar machine should give medians \
                 within the confidence intervals below; a different CPU, governor \
                 or compiler can move them."
                    .into(),
            ),
            Block::Code(rerun(info)),
            Block::Facts(facts(info)),
        ];
        if !info.parts.is_empty() {
            blocks.push(Block::Heading {
                level: 3,
                text: "Parts (merged with `ledgerbench merge`)".into(),
                anchor: "parts".into(),
            });
            let mut table = Table::new(
                "table-parts",
                &[
                    ("part", Align::Right),
                    ("partition", Align::Left),
                    ("records", Align::Right),
                    ("host", Align::Left),
                    ("CPU", Align::Left),
                    ("cores", Align::Right),
                    ("commit", Align::Left),
                    ("rustc", Align::Left),
                    ("started", Align::Left),
                    ("finished", Align::Left),
                    ("source", Align::Left),
                ],
            );
            for (i, p) in info.parts.iter().enumerate() {
                let r = &p.run;
                table.push(
                    vec![
                        (i + 1).to_string(),
                        r.config
                            .partition
                            .map(|(k, n)| format!("{k}/{n}"))
                            .unwrap_or_else(|| "whole".into()),
                        p.keys.len().to_string(),
                        r.machine.hostname.clone().unwrap_or_default(),
                        r.machine.cpu_model.clone().unwrap_or_default(),
                        r.machine.logical_cores.to_string(),
                        r.git
                            .as_ref()
                            .map(|g| {
                                format!(
                                    "{}{}",
                                    &g.commit[..g.commit.len().min(12)],
                                    if g.dirty { " (dirty)" } else { "" }
                                )
                            })
                            .unwrap_or_default(),
                        r.build.rustc.clone(),
                        r.started_at.clone(),
                        r.finished_at.clone().unwrap_or_default(),
                        p.source.clone(),
                    ],
                    if r.status == "complete" {
                        Tone::Normal
                    } else {
                        Tone::Warn
                    },
                );
            }
            blocks.push(Block::Table(table));
            for (i, p) in info.parts.iter().enumerate() {
                blocks.push(Block::Paragraph(format!("Part {} was run with:", i + 1)));
                blocks.push(Block::Code(rerun(&p.run)));
            }
        }
        Ok(blocks)
    }
}
