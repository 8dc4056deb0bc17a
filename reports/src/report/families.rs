//! Per family: one table of every record (failing rows shown as failing) and
//! one bar chart per operation.

use std::collections::BTreeMap;

use ledgerbench_harness::conformance::Check;
use ledgerbench_harness::results::{Record, Status};
use ledgerbench_harness::stats::{Headline, Statistic};
use ledgerbench_harness::{Params, Result};

use super::{Context, Section, counterpart};
use crate::data::{RunData, family_title, measured, op_rank};
use crate::doc::{Align, Block, Table, Tone};
use crate::format;
use crate::plot::Unit;
use crate::plot::bars::{Bar, BarChart};

/// The per-family results tables and per-op bar charts.
pub struct FamilyResults;

/// `msg_len=32`, `batch=64`... with `threads=N` appended when asked.
pub(crate) fn params_text(r: &Record, with_threads: bool) -> String {
    let mut p = r.params.label().replace(',', ", ");
    if with_threads {
        if !p.is_empty() {
            p.push_str(", ");
        }
        p.push_str(&format!("threads={}", r.threads));
    }
    p
}

/// `ed25519-dalek 3.0.0` and, on a second line, the backend.
pub(crate) fn implementation_text(run: &RunData, r: &Record) -> String {
    let version = run
        .info
        .crates
        .get(&r.krate)
        .or_else(|| {
            run.info
                .parts
                .iter()
                .find_map(|p| p.run.crates.get(&r.krate))
        })
        .map(String::as_str)
        .unwrap_or("");
    let mut s = r.krate.clone();
    if !version.is_empty() {
        s.push(' ');
        s.push_str(version);
    }
    if !r.backend.is_empty() {
        s.push('\n');
        s.push_str(&r.backend);
    }
    s
}

/// Secret objects, listed on a second line of the sizes cell.
const SECRET: &[&str] = &["sk", "dk", "ss"];

/// `pk 32 · sig 64`, then the secret objects (`sk 32`) on a second line.
pub(crate) fn sizes_text(r: &Record) -> String {
    let part = |secret: bool| {
        r.sizes
            .iter()
            .filter(|(k, _)| SECRET.contains(&k.as_str()) == secret)
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let (public, secret) = (part(false), part(true));
    match (public.is_empty(), secret.is_empty()) {
        (false, false) => format!("{public}\n{secret}"),
        (true, _) => secret,
        (false, true) => public,
    }
}

/// `25.3–26.4 µs` (one unit when both ends share it) or `980 ns – 1.02 µs`.
/// The headline's 95% CI, or "n too small" when too few samples were taken.
pub(crate) fn headline_ci_text(h: &Headline) -> String {
    match h.ci95 {
        Some((lo, hi)) if h.is_noisy() => format!("≈ {}", ci_text(lo, hi)),
        Some((lo, hi)) => ci_text(lo, hi),
        None => "n too small".into(),
    }
}

pub(crate) fn ci_text(lo: f64, hi: f64) -> String {
    let (a, b) = (format::ns(lo), format::ns(hi));
    match (a.rsplit_once(' '), b.rsplit_once(' ')) {
        (Some((x, ua)), Some((y, ub))) if ua == ub => format!("{x}–{y} {ub}"),
        _ => format!("{a} – {b}"),
    }
}

/// The implementation's verdict over its published vector suites
/// (`conformant`, `✗ deviations: N`, `untested`), `–` for records written
/// before verdicts were recorded.
pub(crate) fn conformance_text(r: &Record) -> String {
    match r.conformance {
        Some(v) if v.deviates() => format!("✗ {v}"),
        Some(v) => v.to_string(),
        None => "–".into(),
    }
}

/// `✓ 20/20`, or `✗ failed 3/20` with the first failed check on a second line.
pub(crate) fn gate_text(r: &Record) -> String {
    let total = r.gate.checks.len();
    let failed: Vec<String> = r.gate.failures().map(Check::describe).collect();
    match failed.first() {
        None if total == 0 => "✗ no checks ran".into(),
        None => format!("✓ {total}/{total}"),
        // The full list is in the summary at the top; keep the row short.
        Some(first) if failed.len() == 1 => format!("✗ failed 1/{total}\n{first}"),
        Some(first) => format!(
            "✗ failed {}/{total}\n{first}; {} more",
            failed.len(),
            failed.len() - 1
        ),
    }
}

/// Rows of a family in table order: by operation, then parameters, then
/// file order.
pub(crate) fn ordered<'a>(run: &'a RunData, family: &str) -> Vec<&'a Record> {
    let mut rows: Vec<&Record> = run.records.iter().filter(|r| r.family == family).collect();
    rows.sort_by(|a, b| {
        (op_rank(a.op), &a.params, a.threads).cmp(&(op_rank(b.op), &b.params, b.threads))
    });
    rows
}

impl Section for FamilyResults {
    fn build(&self, ctx: &mut Context<'_>) -> Result<Vec<Block>> {
        let mut blocks = Vec::new();
        let run = ctx.run;
        for family in run.families() {
            let rows = ordered(run, &family);
            let baseline = ctx.baseline(&family);
            let anchor = format!("family-{}", format::slug(&family));
            blocks.push(Block::Heading {
                level: 2,
                text: family_title(&family),
                anchor: anchor.clone(),
            });
            blocks.push(Block::Paragraph(format!(
                "{} records. Median is the middle of the per-operation samples; \
                 95% CI is a bootstrap confidence interval of that median; \
                 cycles are TSC ticks per operation (the TSC runs at a fixed \
                 rate, not the core's turbo clock); × baseline is this row's \
                 median divided by {}'s for the same operation and parameters \
                 (×2.00 = twice as slow). Conformance is the implementation's \
                 verdict over its published vector suites (the Conformance section \
                 has the details): a deviating implementation is measured and marked \
                 ✗. Gate is the correctness gate: a row whose scheme failed it is \
                 shown in red and was not timed. A CI marked ≈ is wider than 3% of its \
                 figure: that row is too noisy to compare with another run at 3%.",
                rows.len(),
                baseline
                    .as_deref()
                    .map(|b| format!("`{b}`"))
                    .unwrap_or_else(|| "the baseline".into())
            )));
            let machines = run.machine_groups();
            if machines.len() < 2 {
                let table = family_table(run, &family, baseline.as_deref());
                blocks.push(Block::Table(table));
                op_charts(ctx, &mut blocks, &family, &rows, baseline.as_deref(), "")?;
                continue;
            }
            // Merged with --allow-mixed: one table and one set of charts per
            // machine, so no ratio or bar compares rows of different machines.
            for (g, machine) in machines.iter().enumerate() {
                let view = run.machine_view(machine);
                let rows = ordered(&view, &family);
                if rows.is_empty() {
                    continue;
                }
                let tag = format!("machine-{}", g + 1);
                blocks.push(Block::Heading {
                    level: 3,
                    text: format!(
                        "{} on machine {} of {}",
                        family_title(&family),
                        g + 1,
                        machines.len()
                    ),
                    anchor: format!("{anchor}-{tag}"),
                });
                let parts: Vec<String> =
                    machine.parts.iter().map(|i| (i + 1).to_string()).collect();
                blocks.push(Block::Paragraph(format!(
                    "Measured on `{}` (part{} {}). The parts of this run were measured on \
                     different CPU models or builds (merged with `--allow-mixed`), so \
                     rows are grouped by machine and × baseline compares rows of the \
                     same machine only.",
                    machine.label,
                    if parts.len() > 1 { "s" } else { "" },
                    parts.join(", ")
                )));
                let mut table = family_table(&view, &family, baseline.as_deref());
                table.id = format!("{}-{tag}", table.id);
                blocks.push(Block::Table(table));
                op_charts(ctx, &mut blocks, &family, &rows, baseline.as_deref(), &tag)?;
            }
        }
        Ok(blocks)
    }
}

/// The results table of one family: every record, failing rows in red.
pub fn family_table(run: &RunData, family: &str, baseline: Option<&str>) -> Table {
    let rows = ordered(run, family);
    let threads: std::collections::BTreeSet<usize> = rows.iter().map(|r| r.threads).collect();
    let multi_threads = threads.len() > 1;
    let merged = !run.info.parts.is_empty();
    let mut columns = vec![
        ("scheme", Align::Left),
        ("implementation", Align::Left),
        ("security", Align::Left),
        ("standard", Align::Left),
        ("op / params", Align::Left),
        ("time (statistic)", Align::Right),
        ("conformance", Align::Left),
        ("cycles", Align::Right),
        ("95% CI", Align::Right),
        ("× baseline", Align::Right),
        ("sizes (bytes)", Align::Left),
        ("gate", Align::Left),
    ];
    if merged {
        columns.push(("machine", Align::Left));
    }
    let mut table = Table::new(format!("table-{}", format::slug(family)), &columns);
    for r in &rows {
        let mut cells = vec![
            r.scheme.clone(),
            implementation_text(run, r),
            r.security.clone(),
            r.standard.clone(),
            {
                let params = params_text(r, multi_threads);
                if params.is_empty() {
                    r.op.to_string()
                } else {
                    format!("{}\n{params}", r.op)
                }
            },
        ];
        let tone = match measured(r).zip(r.headline()) {
            Some((m, h)) => {
                let ratio = baseline
                    .and_then(|b| counterpart(run, b, r))
                    .and_then(Record::headline)
                    .map(|bh| h.value / bh.value);
                let is_baseline = baseline == Some(r.scheme.as_str());
                cells.push(format!("{}\n{}", format::ns(h.value), h.statistic.as_str()));
                cells.push(conformance_text(r));
                cells.push(
                    m.cycles
                        .as_ref()
                        .map(|c| format::cycles(c.headline(r.variable_time).value))
                        .unwrap_or_else(|| "–".into()),
                );
                cells.push(headline_ci_text(&h));
                cells.push(match (is_baseline, ratio) {
                    (true, _) => "baseline".into(),
                    (false, Some(x)) => format::ratio(x),
                    (false, None) => "–".into(),
                });
                if is_baseline {
                    Tone::Muted
                } else {
                    Tone::Normal
                }
            }
            None => {
                let what = match r.status {
                    Status::GateFailed => "NOT TIMED: gate failed".to_string(),
                    Status::Error => format!("ERROR: {}", r.error.as_deref().unwrap_or("unknown")),
                    Status::Ok => "no measurement".to_string(),
                };
                cells.push(what);
                cells.push(conformance_text(r));
                cells.extend(["–".to_string(), "–".to_string(), "–".to_string()]);
                Tone::Bad
            }
        };
        cells.push(sizes_text(r));
        cells.push(gate_text(r));
        if merged {
            cells.push(machine_of(run, &r.key));
        }
        table.push(cells, tone);
    }
    table
}

/// `part 2: host (CPU)` for a merged run.
pub(crate) fn machine_of(run: &RunData, key: &str) -> String {
    match run.part_of(key) {
        Some(i) => {
            let m = &run.info.parts[i].run.machine;
            format!(
                "part {}: {}",
                i + 1,
                m.hostname.as_deref().unwrap_or("unknown host")
            )
        }
        None => "–".into(),
    }
}

/// One bar chart per operation, at the parameters most schemes were measured
/// with; `tag` (empty, or e.g. `machine-2`) keeps the anchors and file names
/// of one machine's charts apart from another's.
fn op_charts(
    ctx: &mut Context<'_>,
    blocks: &mut Vec<Block>,
    family: &str,
    rows: &[&Record],
    baseline: Option<&str>,
    tag: &str,
) -> Result<()> {
    let suffix = if tag.is_empty() {
        String::new()
    } else {
        format!("-{tag}")
    };
    let mut by_op: BTreeMap<(usize, String), Vec<&Record>> = BTreeMap::new();
    for r in rows {
        by_op
            .entry((op_rank(r.op), r.op.to_string()))
            .or_default()
            .push(r);
    }
    let mut first = true;
    for ((_, op), recs) in by_op {
        // The most common (params, threads) of this op.
        // The (params, threads) most schemes were measured at; ties go to
        // the smallest parameters.
        let mut counts: BTreeMap<(&Params, usize), usize> = BTreeMap::new();
        for r in &recs {
            *counts.entry((&r.params, r.threads)).or_default() += 1;
        }
        let Some(((params, threads), n)) = counts
            .into_iter()
            .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)))
        else {
            continue;
        };
        if n < 2 {
            continue;
        }
        let label = params.label();
        let chosen: Vec<&Record> = recs
            .iter()
            .copied()
            .filter(|r| &r.params == params && r.threads == threads)
            .collect();
        let mut bars: Vec<Bar> = chosen
            .iter()
            .map(|r| match r.headline() {
                Some(h) => Bar {
                    label: match h.statistic {
                        Statistic::Mean => format!("{} (mean)", r.scheme),
                        Statistic::Median => r.scheme.clone(),
                    },
                    value: Some(h.value),
                    lo: h.ci95.map_or(h.value, |c| c.0),
                    hi: h.ci95.map_or(h.value, |c| c.1),
                    note: None,
                    baseline: baseline == Some(r.scheme.as_str()),
                },
                None => Bar {
                    label: r.scheme.clone(),
                    value: None,
                    lo: 0.0,
                    hi: 0.0,
                    note: Some(match r.status {
                        Status::GateFailed => "✗ correctness gate failed — not timed".into(),
                        _ => "✗ error — not timed".into(),
                    }),
                    baseline: false,
                },
            })
            .collect();
        bars.sort_by(|a, b| match (a.value, b.value) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        let chart = BarChart {
            bars,
            axis: format!(
                "time per {op}: mean for variable-time operations, median otherwise \
                 (whiskers: 95% CI)"
            ),
            unit: Unit::Nanos,
            log: None,
        };
        if first {
            blocks.push(Block::Heading {
                level: 3,
                text: format!("{}: time per operation", family_title(family)),
                anchor: format!("bars-{}{suffix}", format::slug(family)),
            });
            first = false;
        }
        let params = if label.is_empty() {
            String::new()
        } else {
            format!(", {}", label.replace(',', ", "))
        };
        let title = format!("{op}{params} — {} schemes", chart.bars.len());
        let mut how = format!(
            "each bar is the median time of one `{op}` on this machine, fastest at \
             the top; the black whisker is the 95% confidence interval of that \
             median (a short whisker means a stable measurement; overlapping \
             whiskers mean the difference may be noise)."
        );
        if let Some(b) = baseline {
            how.push_str(&format!(" The orange bar is the family baseline `{b}`."));
        }
        if chart.is_log() {
            how.push_str(
                " The time axis is logarithmic because the values span more than a \
                 factor of 20: each gridline is ten times the previous one, so \
                 compare bars by ratio (how many gridlines apart), not by length.",
            );
        }
        if chart.bars.iter().any(|b| b.value.is_none()) {
            how.push_str(
                " Rows in red text failed the correctness gate or errored and were \
                 not timed; they are listed so a failure is never silently dropped.",
            );
        }
        ctx.figure(
            blocks,
            &format!("{family}-{op}{params}{suffix}"),
            &title,
            &how,
            &chart,
        )?;
    }
    Ok(())
}
