//! Rank agreement between two runs: within each scheme, operation and
//! parameter set measured in both, the implementations are ranked by their
//! headline figure (the mean for variable-time operations, the median
//! otherwise) in each run, and the two rankings are compared with Kendall's
//! tau-b (1: same order, −1: reversed, ties counted as tau-b does). A reader
//! re-running a published report checks this first: ratios move with the
//! machine, the order of implementations should not.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ledgerbench_harness::results::Record;

use crate::data::{RunData, measured};
use crate::doc::{Align, Table, Tone};

/// The rank agreement of one group of implementations.
#[derive(Clone, Debug, PartialEq)]
pub struct RankAgreement {
    /// Scheme name (`ml-dsa-65`).
    pub name: String,
    /// Operation.
    pub op: String,
    /// Parameters and threads.
    pub params: String,
    /// Implementations measured in both runs, fastest first in run A, with
    /// their figures (ns) in A and B.
    pub implementations: Vec<(String, f64, f64)>,
    /// Kendall's tau-b of the two orders; `None` with fewer than two
    /// implementations or when either run ties them all.
    pub tau: Option<f64>,
}

/// Kendall's tau-b of paired observations: (C − D) / √((C + D + Tx)(C + D + Ty))
/// over all pairs, with C concordant, D discordant, Tx (Ty) tied only in `x`
/// (`y`). `None` when fewer than two pairs or one side is all ties.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let (mut concordant, mut discordant, mut ties_x, mut ties_y) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let dx = x[i] - x[j];
            let dy = y[i] - y[j];
            match (dx == 0.0, dy == 0.0) {
                (true, true) => {}
                (true, false) => ties_x += 1,
                (false, true) => ties_y += 1,
                (false, false) if (dx > 0.0) == (dy > 0.0) => concordant += 1,
                (false, false) => discordant += 1,
            }
        }
    }
    let n0 = (concordant + discordant) as f64;
    let denominator = ((n0 + ties_x as f64) * (n0 + ties_y as f64)).sqrt();
    (denominator > 0.0).then(|| (concordant as f64 - discordant as f64) / denominator)
}

fn headline(record: &Record, variable_time: bool) -> Option<f64> {
    measured(record).map(|m| m.ns.headline(variable_time).value)
}

/// Scheme name, operation, parameters: the implementations being ranked.
type Group = (String, String, String);

/// Every group with at least two implementations measured in both runs (keys
/// matched exactly), in A's order.
pub fn rank_agreement(a: &RunData, b: &RunData) -> Vec<RankAgreement> {
    let b_by_key: BTreeMap<&str, &Record> = b.records.iter().map(|r| (r.key.as_str(), r)).collect();
    let mut order: Vec<Group> = Vec::new();
    let mut groups: BTreeMap<Group, Vec<(String, f64, f64)>> = BTreeMap::new();
    for ra in &a.records {
        let Some(rb) = b_by_key.get(ra.key.as_str()) else {
            continue;
        };
        let variable_time = ra.variable_time || rb.variable_time;
        let (Some(va), Some(vb)) = (headline(ra, variable_time), headline(rb, variable_time))
        else {
            continue;
        };
        let label = ra.params.label();
        let params = if label.is_empty() {
            format!("threads={}", ra.threads)
        } else {
            format!("{label}, threads={}", ra.threads)
        };
        let group = (ra.name.clone(), ra.op.to_string(), params);
        if !groups.contains_key(&group) {
            order.push(group.clone());
        }
        groups
            .entry(group)
            .or_default()
            .push((ra.implementation.clone(), va, vb));
    }
    order
        .into_iter()
        .filter_map(|g| {
            let mut implementations = groups.remove(&g)?;
            if implementations.len() < 2 {
                return None;
            }
            implementations.sort_by(|x, y| x.1.total_cmp(&y.1));
            let xs: Vec<f64> = implementations.iter().map(|i| i.1).collect();
            let ys: Vec<f64> = implementations.iter().map(|i| i.2).collect();
            Some(RankAgreement {
                name: g.0,
                op: g.1,
                params: g.2,
                tau: kendall_tau_b(&xs, &ys),
                implementations,
            })
        })
        .collect()
}

/// The order in B of the implementations (fastest first).
fn order_in_b(r: &RankAgreement) -> Vec<&str> {
    let mut by_b: Vec<&(String, f64, f64)> = r.implementations.iter().collect();
    by_b.sort_by(|x, y| x.2.total_cmp(&y.2));
    by_b.iter().map(|i| i.0.as_str()).collect()
}

/// A plain-text table: one line per group, and the mean tau.
pub fn terminal(rows: &[RankAgreement]) -> String {
    let mut out =
        String::from("\nrank agreement of implementations (Kendall's tau-b; 1 = same order):\n");
    if rows.is_empty() {
        out.push_str("  no scheme and operation has two implementations measured in both runs\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{:<28} {:<16} {:<24} {:>6}  fastest first: A | B",
        "scheme", "op", "params", "tau"
    );
    for r in rows {
        let a: Vec<&str> = r.implementations.iter().map(|i| i.0.as_str()).collect();
        let _ = writeln!(
            out,
            "{:<28} {:<16} {:<24} {:>6}  {} | {}",
            r.name,
            r.op,
            r.params,
            r.tau.map_or("-".to_string(), |t| format!("{t:.2}")),
            a.join(" < "),
            order_in_b(r).join(" < ")
        );
    }
    let taus: Vec<f64> = rows.iter().filter_map(|r| r.tau).collect();
    if !taus.is_empty() {
        let _ = writeln!(
            out,
            "mean tau {:.2} over {} group(s); {} with the same order",
            taus.iter().sum::<f64>() / taus.len() as f64,
            taus.len(),
            taus.iter().filter(|t| **t >= 1.0 - 1e-12).count()
        );
    }
    out
}

/// The same table for a report document (low agreement in red).
pub fn table(rows: &[RankAgreement]) -> Table {
    let mut table = Table::new(
        "table-rank-agreement",
        &[
            ("scheme", Align::Left),
            ("op", Align::Left),
            ("params", Align::Left),
            ("Kendall's tau-b", Align::Right),
            ("fastest first in A", Align::Left),
            ("fastest first in B", Align::Left),
        ],
    );
    for r in rows {
        let a: Vec<&str> = r.implementations.iter().map(|i| i.0.as_str()).collect();
        let tone = match r.tau {
            Some(t) if t >= 1.0 - 1e-12 => Tone::Normal,
            Some(t) if t > 0.0 => Tone::Warn,
            Some(_) => Tone::Bad,
            None => Tone::Muted,
        };
        table.push(
            vec![
                r.name.clone(),
                r.op.clone(),
                r.params.clone(),
                r.tau.map_or("—".to_string(), |t| format!("{t:.2}")),
                a.join(" < "),
                order_in_b(r).join(" < "),
            ],
            tone,
        );
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tau_b_of_known_orders() {
        // Same order, reversed order: +1 and −1 by definition.
        assert_eq!(
            kendall_tau_b(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]),
            Some(1.0)
        );
        assert_eq!(
            kendall_tau_b(&[1.0, 2.0, 3.0], &[30.0, 20.0, 10.0]),
            Some(-1.0)
        );
        // One adjacent swap among three: C = 2, D = 1 of 3 pairs → 1/3.
        let t = kendall_tau_b(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0]).expect("tau");
        assert!((t - 1.0 / 3.0).abs() < 1e-12, "{t}");
        // Ties in y: C = 2, D = 0, Ty = 1 → 2 / √(2·3).
        let t = kendall_tau_b(&[1.0, 2.0, 3.0], &[1.0, 2.0, 2.0]).expect("tau");
        assert!((t - 2.0 / 6f64.sqrt()).abs() < 1e-12, "{t}");
        // Undefined: one pair only tied, or fewer than two observations.
        assert_eq!(kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]), None);
        assert_eq!(kendall_tau_b(&[1.0], &[1.0]), None);
    }
}
