//! From a run's records to the rows of a reproduction table.

use globset::Glob;

use ledgerbench_harness::results::{CheckRecord, CheckVerdict, Record, SCHEMA_VERSION, Status};
use ledgerbench_harness::workload::run::WorkloadRecord;

use crate::row::{PAPER, PaperRow, Verdict, number};
use crate::spec::{Compare, Kind, Quantity, Spec, Stat, WorkloadField};

/// What a reproduction run produced.
pub struct Observed<'a> {
    /// Measurement records.
    pub records: &'a [Record],
    /// Workload records.
    pub workloads: &'a [WorkloadRecord],
    /// Benchmark self-checks (signing-set `.alt` agreement).
    pub checks: &'a [CheckRecord],
}

/// A measured value with how it was formed, or why it is missing.
type Measured = Result<(f64, String), String>;

/// Every row of `spec`'s table from what was observed.
pub fn evaluate(spec: &Spec, seen: &Observed<'_>) -> Vec<PaperRow> {
    let mut rows = Vec::new();
    for c in &spec.compare {
        for scheme in row_schemes(c, seen) {
            rows.push(row(spec, c, scheme.as_deref(), seen));
        }
    }
    rows
}

/// The schemes a compare expands to: those measured that match its glob (in
/// record order), or one scheme-less row.
fn row_schemes(c: &Compare, seen: &Observed<'_>) -> Vec<Option<String>> {
    let Some(pattern) = &c.schemes else {
        return vec![None];
    };
    let Ok(glob) = Glob::new(pattern) else {
        return vec![None];
    };
    let matcher = glob.compile_matcher();
    let ids: Box<dyn Iterator<Item = &str>> = match c.kind {
        Kind::Check => Box::new(seen.checks.iter().map(|k| k.scheme.as_str())),
        _ => Box::new(seen.records.iter().map(|r| r.scheme.as_str())),
    };
    let mut schemes: Vec<Option<String>> = Vec::new();
    for id in ids.filter(|id| matcher.is_match(id)) {
        let offered = c.kind == Kind::Check
            || [&c.value, &c.num, &c.den]
                .into_iter()
                .flatten()
                .all(|q| q.scheme.is_some() || find(seen.records, id, q).is_some());
        if offered && !schemes.iter().any(|s| s.as_deref() == Some(id)) {
            schemes.push(Some(id.to_string()));
        }
    }
    if schemes.is_empty() {
        // One row saying nothing was measured, rather than a silent gap.
        schemes.push(None);
    }
    schemes
}

fn row(spec: &Spec, c: &Compare, scheme: Option<&str>, seen: &Observed<'_>) -> PaperRow {
    let figures: Vec<_> = c.published.iter().filter_map(|n| spec.figure(n)).collect();
    let unconfirmed = figures.iter().any(|p| p.unconfirmed);
    let (published, published_text) = match (c.kind, figures.as_slice()) {
        (Kind::Ratio, [a, b]) => (
            Some(a.value / b.value),
            format!(
                "{} ({} ÷ {} {}; {})",
                number(a.value / b.value),
                number(a.value),
                number(b.value),
                a.unit,
                a.machine
            ),
        ),
        (Kind::Exponent, [a, b]) => match (a.x, b.x) {
            (Some(xa), Some(xb)) if xa > 0.0 && xb > xa => {
                let e = (b.value / a.value).ln() / (xb / xa).ln();
                (
                    Some(e),
                    format!(
                        "{} ({} → {} {} for {}× size; {})",
                        number(e),
                        number(a.value),
                        number(b.value),
                        a.unit,
                        number(xb / xa),
                        a.machine
                    ),
                )
            }
            _ => (None, "published points lack their sizes (x)".to_string()),
        },
        (Kind::Absolute | Kind::Bytes, [a]) => (
            Some(a.value),
            format!("{} {} ({})", number(a.value), a.unit, a.machine),
        ),
        (Kind::Check, _) => (
            Some(1.0),
            "equal means (the .alt set is built to need the same mean number of \
             rejection-sampling iterations)"
                .to_string(),
        ),
        _ => (None, "—".to_string()),
    };
    let measured: Measured = match c.kind {
        Kind::Ratio => match (c.num.as_ref(), c.den.as_ref()) {
            (Some(n), Some(d)) => quantity(spec, n, scheme, seen).and_then(|(nv, nt)| {
                let (dv, dt) = quantity(spec, d, scheme, seen)?;
                Ok((nv / dv, format!("{} ({nt} ÷ {dt})", number(nv / dv))))
            }),
            _ => Err("no quantity".into()),
        },
        Kind::Absolute | Kind::Bytes => match &c.value {
            Some(q) => quantity(spec, q, scheme, seen),
            None => Err("no quantity".into()),
        },
        Kind::Exponent => match &c.value {
            Some(q) => exponent(q, scheme, seen),
            None => Err("no quantity".into()),
        },
        Kind::Check => check(scheme, seen),
    };
    let (measured, measured_text) = match measured {
        Ok((v, t)) => (Some(v), t),
        Err(why) => (None, why),
    };
    let ratio = match (measured, published) {
        (Some(m), Some(p)) if p != 0.0 => Some(m / p),
        _ => None,
    };
    let verdict = match (c.kind, measured, published) {
        (Kind::Check, Some(_), _) => check_verdict(scheme, seen),
        (_, Some(m), Some(p)) => {
            let within = match c.kind {
                Kind::Exponent => (m - p).abs() <= c.tolerance,
                // Workload byte counts are means over a block's transactions:
                // allow the rounding of that division, nothing more.
                Kind::Bytes => (m - p).abs() <= c.tolerance + 1e-6 * p.abs().max(1.0),
                _ => {
                    let r = m / p;
                    r > 0.0 && r.max(1.0 / r) <= 1.0 + c.tolerance
                }
            };
            if within {
                Verdict::Agrees
            } else {
                Verdict::Differs
            }
        }
        _ => Verdict::NotMeasured,
    };
    let tolerance = match c.kind {
        Kind::Exponent => format!("±{}", c.tolerance),
        Kind::Bytes if c.tolerance == 0.0 => "exact".to_string(),
        Kind::Bytes => format!("±{} B", c.tolerance),
        Kind::Check => "95% CIs overlap".to_string(),
        Kind::Ratio | Kind::Absolute => format!("within ×{}", 1.0 + c.tolerance),
    };
    PaperRow {
        schema: SCHEMA_VERSION,
        kind: PAPER.to_string(),
        key: format!("paper|{}|{}|{}", spec.slug, c.what, scheme.unwrap_or("-")),
        paper: spec.slug.clone(),
        what: c.what.clone(),
        scheme: scheme.map(str::to_string),
        published,
        published_text,
        published_unconfirmed: unconfirmed,
        measured,
        measured_text,
        ratio,
        verdict,
        tolerance,
        explanation: c.why.clone(),
    }
}

/// The first record of `scheme` for `q`'s operation and parameters.
fn find<'a>(records: &'a [Record], scheme: &str, q: &Quantity) -> Option<&'a Record> {
    records.iter().find(|r| {
        r.scheme == scheme
            && q.op.as_deref() == Some(r.op.as_str())
            && q.batch.is_none_or(|b| r.params.batch == Some(b))
            && q.msg_len.is_none_or(|l| r.params.msg_len == Some(l))
            && q.size.is_none_or(|s| r.params.size == Some(s))
            && q.set
                .as_deref()
                .is_none_or(|s| r.params.set.as_deref() == Some(s))
    })
}

/// The headline time (or cycles) of a record per item: the mean for a
/// variable-time operation, the median otherwise, divided by the items one
/// operation handles (a batch of 64 verifications counts 64).
fn per_item(r: &Record, stat: Stat) -> Result<f64, String> {
    let m = match (r.status, &r.measurement) {
        (Status::Ok, Some(m)) => m,
        _ => {
            return Err(format!(
                "not measured ({}: {})",
                r.status,
                r.error.as_deref().unwrap_or("no measurement")
            ));
        }
    };
    let value = match stat {
        Stat::Ns => m.ns.headline(r.variable_time).value,
        Stat::Cycles => match &m.cycles {
            Some(c) => c.headline(r.variable_time).value,
            None => return Err("no cycle counter on this machine".into()),
        },
    };
    Ok(value / r.items_per_op.max(1) as f64)
}

fn unit(stat: Stat) -> &'static str {
    match stat {
        Stat::Ns => "ns",
        Stat::Cycles => "cycles",
    }
}

/// `q` for the row's scheme (or its own), with a short description.
fn quantity(spec: &Spec, q: &Quantity, row_scheme: Option<&str>, seen: &Observed<'_>) -> Measured {
    if let Some(label) = &q.workload {
        return workload_quantity(spec, q, label, seen);
    }
    let scheme = q
        .scheme
        .as_deref()
        .or(row_scheme)
        .ok_or("nothing measured matches the row's schemes")?;
    let op = q.op.as_deref().unwrap_or("?");
    let r = find(seen.records, scheme, q).ok_or_else(|| format!("{scheme} {op}: not measured"))?;
    let who = if q.scheme.is_some() && row_scheme.is_none() {
        format!("{scheme} {op}")
    } else {
        op.to_string()
    };
    if let Some(keys) = &q.bytes {
        let mut total = 0usize;
        for k in keys {
            total += r
                .sizes
                .get(k)
                .copied()
                .ok_or_else(|| format!("{scheme} {op}: no observed `{k}` size"))?;
        }
        return Ok((total as f64, format!("{} = {total} B", keys.join(" + "))));
    }
    let v = per_item(r, q.stat)?;
    let statistic = if r.variable_time { "mean" } else { "median" };
    let per = if r.items_per_op > 1 {
        format!(" per item of {}", r.items_per_op)
    } else {
        String::new()
    };
    Ok((
        v,
        format!("{who} {} {}{per}, {statistic}", number(v), unit(q.stat)),
    ))
}

fn workload_quantity(spec: &Spec, q: &Quantity, label: &str, seen: &Observed<'_>) -> Measured {
    let field = q.field.ok_or("a workload quantity needs `field`")?;
    let roles = spec
        .workload
        .iter()
        .flat_map(|w| &w.runs)
        .find(|r| r.label == label)
        .map(|r| &r.roles)
        .ok_or_else(|| format!("workload `{label}`: no such run"))?;
    // The record of the run with this assignment (the profile's other roles
    // keep their defaults).
    let record = seen
        .workloads
        .iter()
        .find(|w| roles.iter().all(|(role, id)| w.roles.get(role) == Some(id)))
        .ok_or_else(|| format!("workload `{label}`: not run"))?;
    if record.status != Status::Ok {
        return Err(format!(
            "workload `{label}`: {}",
            record.error.as_deref().unwrap_or("not measured")
        ));
    }
    let b = &record.bytes_per_tx;
    Ok(match field {
        WorkloadField::SignedBytes => {
            let v = b.signatures + b.public_keys;
            (
                v,
                format!(
                    "{label}: signature {} B + public key {} B",
                    number(b.signatures),
                    number(b.public_keys)
                ),
            )
        }
        WorkloadField::TxBytes => (b.total(), format!("{label}: {} B/tx", number(b.total()))),
        WorkloadField::TxsPerBlock => {
            let limit = q.block_bytes.ok_or("`txs-per-block` needs `block_bytes`")?;
            let v = (limit / b.total()).floor();
            (
                v,
                format!(
                    "{label}: ⌊{} B ÷ {} B/tx⌋ = {v}",
                    number(limit),
                    number(b.total())
                ),
            )
        }
    })
}

/// Least-squares slope of ln(time) against ln(size) over every measured size
/// of `q`'s op: time ∝ sizeᵇ.
fn exponent(q: &Quantity, row_scheme: Option<&str>, seen: &Observed<'_>) -> Measured {
    let scheme = q
        .scheme
        .as_deref()
        .or(row_scheme)
        .ok_or("nothing measured matches the row's schemes")?;
    let mut points: Vec<(f64, f64, usize)> = Vec::new();
    for r in seen.records.iter().filter(|r| {
        r.scheme == scheme && q.op.as_deref() == Some(r.op.as_str()) && r.params.size.is_some()
    }) {
        let Ok(t) = per_item(r, q.stat) else { continue };
        let k = r.params.size.unwrap_or(0);
        // Constraint count as observed, else the 2^k domain the size names.
        let x = r
            .sizes
            .get("constraints")
            .or_else(|| r.sizes.get("rows"))
            .map_or(2f64.powi(k as i32), |c| *c as f64);
        points.push((x, t, k));
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    if points.len() < 2 {
        return Err(format!(
            "{scheme}: {} measured size(s); a scaling exponent needs two",
            points.len()
        ));
    }
    let b = slope(
        &points
            .iter()
            .map(|p| (p.0.ln(), p.1.ln()))
            .collect::<Vec<_>>(),
    );
    let (first, last) = (points[0], points[points.len() - 1]);
    Ok((
        b,
        format!(
            "{} over 2^{}..2^{} ({} sizes: {} → {} {}, ×{} for ×{} constraints); {:.0}% {} linear",
            number(b),
            first.2,
            last.2,
            points.len(),
            number(first.1),
            number(last.1),
            unit(q.stat),
            number(last.1 / first.1),
            number(last.0 / first.0),
            ((b - 1.0) * 100.0).abs(),
            if b < 1.0 { "below" } else { "above" }
        ),
    ))
}

/// Least-squares slope of y on x.
pub fn slope(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    sxy / sxx
}

fn check_record<'a>(scheme: Option<&str>, seen: &Observed<'a>) -> Option<&'a CheckRecord> {
    seen.checks
        .iter()
        .find(|k| scheme.is_none_or(|s| k.scheme == s))
}

fn check(scheme: Option<&str>, seen: &Observed<'_>) -> Measured {
    let k = check_record(scheme, seen).ok_or("no signing-set check was written")?;
    let ci = |c: Option<(f64, f64)>| {
        c.map_or("n too small".to_string(), |(lo, hi)| {
            format!("{}–{}", number(lo), number(hi))
        })
    };
    Ok((
        k.alternate_mean_ns / k.mean_ns,
        format!(
            "{} mean {} ns (95% CI {}) vs {} mean {} ns ({})",
            k.set,
            number(k.mean_ns),
            ci(k.ci95),
            k.alternate,
            number(k.alternate_mean_ns),
            ci(k.alternate_ci95)
        ),
    ))
}

fn check_verdict(scheme: Option<&str>, seen: &Observed<'_>) -> Verdict {
    match check_record(scheme, seen).map(|k| k.verdict) {
        Some(CheckVerdict::Consistent) => Verdict::Agrees,
        Some(CheckVerdict::Differ) => Verdict::Differs,
        _ => Verdict::NotMeasured,
    }
}
