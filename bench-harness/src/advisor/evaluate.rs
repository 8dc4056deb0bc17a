//! From measured figures to a verdict per constraint, the feasible set
//! ranked, and the Pareto front — one [`Recommendation`] per combination.
//!
//! Formulas (every one is also written into the record):
//! - `bytes_per_tx` — measured mean on-chain bytes per transaction;
//! - `tx_per_block_needed = tps × block_interval`;
//! - `block_bytes_needed = tx_per_block_needed × bytes_per_tx`, and
//!   `tx_per_block_capacity = ⌊block_bytes ÷ bytes_per_tx⌋`;
//! - `cores_<strategy> = tps × core_µs_per_tx(strategy) ÷ 10^6`, where
//!   core-µs are the measured wall µs per transaction × the threads the
//!   strategy kept busy (one for sequential and batch);
//! - `growth_per_year = average_tps × tps ÷ target_tps × 31 536 000 s ×
//!   bytes_per_tx` (the profile's average-to-peak ratio kept at the new peak).
//!
//! A verdict is "within the noise" when the 95% interval of its figure
//! straddles the limit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::combos::{Roles, StaticBreak};
use super::constraints::Constraints;
use super::figures::{Est, Measured};
use crate::workload::profile::Profile;
use crate::workload::verify::Strategy;

/// Seconds in a (365-day) year.
pub const YEAR_S: f64 = 365.0 * 86400.0;

/// The record kind of a recommendation.
pub const RECOMMENDATION: &str = "recommendation";

/// How a figure compares with its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Holds, even at the unfavourable end of the interval.
    Holds,
    /// The estimate holds; the interval reaches past the limit.
    HoldsWithinNoise,
    /// The estimate breaks the limit; the interval reaches back under it.
    BreaksWithinNoise,
    /// Breaks, even at the favourable end of the interval.
    Breaks,
    /// No limit was given.
    Unconstrained,
    /// Not measured (the combination's figures are missing).
    Unknown,
}

impl Verdict {
    /// `figure ≤ limit`.
    pub fn at_most(figure: Est, limit: Option<f64>) -> Verdict {
        match limit {
            None => Verdict::Unconstrained,
            Some(l) if figure.hi <= l => Verdict::Holds,
            Some(l) if figure.value <= l => Verdict::HoldsWithinNoise,
            Some(l) if figure.lo <= l => Verdict::BreaksWithinNoise,
            Some(_) => Verdict::Breaks,
        }
    }

    /// Whether the estimate breaks the limit.
    pub fn broken(self) -> bool {
        matches!(self, Verdict::Breaks | Verdict::BreaksWithinNoise)
    }

    /// Short text for tables.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::HoldsWithinNoise => "holds (within the noise)",
            Verdict::BreaksWithinNoise => "breaks (within the noise)",
            Verdict::Breaks => "breaks",
            Verdict::Unconstrained => "not constrained",
            Verdict::Unknown => "not measured",
        }
    }
}

/// One constraint checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// `policy`, `pq`, `min-security`, `block-bytes`, `cores`, `storage-per-year`.
    pub constraint: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The figure against the limit, in words.
    pub detail: String,
}

/// A figure of a recommendation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Name.
    pub name: String,
    /// Value with its 95% interval.
    pub est: Est,
    /// Unit.
    pub unit: String,
    /// How it was computed.
    pub formula: String,
}

/// Where a combination's figures come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// One workload record with exactly these roles.
    Direct,
    /// Composed from single-role swaps (see `figures`).
    Composed,
    /// Not measured: a static constraint already fails, or a record is missing.
    NotMeasured,
}

/// One line of `results.jsonl` with `kind = "recommendation"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Record schema version.
    pub schema: u32,
    /// Always `recommendation`.
    pub kind: String,
    /// `recommendation|profile|role=id,...`.
    pub key: String,
    /// Profile name.
    pub profile: String,
    /// Role → scheme id.
    pub roles: Roles,
    /// The constraints checked.
    pub constraints: Constraints,
    /// Weakest signature/KEM security, in words.
    pub security: String,
    /// Security score (post-quantum above classical, then bits) for the front.
    pub security_score: f64,
    /// Where the figures come from.
    pub source: Source,
    /// Figures with their intervals and formulas.
    pub figures: Vec<Figure>,
    /// The strategy with the fewest cores.
    pub best_strategy: Option<String>,
    /// Every constraint, in the order checked.
    pub checks: Vec<Check>,
    /// No constraint broken.
    pub feasible: bool,
    /// The first broken constraint.
    pub first_broken: Option<String>,
    /// On the Pareto front of the feasible set (bytes/tx, verify cost, security).
    pub pareto: bool,
    /// Rank in the feasible set (1 = fewest verification cores).
    pub rank: Option<usize>,
}

impl Recommendation {
    /// A figure by name.
    pub fn figure(&self, name: &str) -> Option<Est> {
        self.figures.iter().find(|f| f.name == name).map(|f| f.est)
    }

    /// The verification cost the front and the ranking use: core-µs per
    /// transaction under the best strategy.
    pub fn verify_cost(&self) -> Option<Est> {
        self.figure(&format!(
            "core_us_per_tx_{}",
            self.best_strategy.as_deref()?
        ))
    }
}

/// Everything the evaluation needs besides the figures.
pub struct Scenario<'a> {
    /// The profile.
    pub profile: &'a Profile,
    /// The constraints.
    pub constraints: &'a Constraints,
}

impl Scenario<'_> {
    fn average_tps(&self) -> f64 {
        let sc = &self.profile.scenario;
        sc.average_tps.value * self.constraints.tps / sc.target_tps.value.max(f64::MIN_POSITIVE)
    }

    /// A recommendation for `roles`: static breaks first, then the measured
    /// constraints (when `measured` is given).
    pub fn evaluate(
        &self,
        roles: Roles,
        security: (String, f64),
        statics: Option<StaticBreak>,
        measured: Option<(&Measured, Source)>,
        unmeasured: &str,
    ) -> Recommendation {
        let c = self.constraints;
        let mut checks: Vec<Check> = Vec::new();
        if let Some(s) = &statics {
            checks.push(Check {
                constraint: s.constraint.into(),
                verdict: Verdict::Breaks,
                detail: format!("{}: {}", s.role, s.detail),
            });
        }
        let mut figures = Vec::new();
        let mut best_strategy = None;
        let source = measured.map_or(Source::NotMeasured, |(_, s)| s);
        if let Some((m, _)) = measured {
            let fig = |name: &str, est: Est, unit: &str, formula: String| Figure {
                name: name.into(),
                est,
                unit: unit.into(),
                formula,
            };
            let bytes = Est::exact(m.bytes.total());
            let needed = c.tps * c.block_interval_s;
            figures.push(fig(
                "bytes_per_tx",
                bytes,
                "B",
                "measured: mean on-chain bytes per transaction, block header shared".into(),
            ));
            figures.push(fig(
                "tx_per_block_needed",
                Est::exact(needed),
                "tx",
                format!("tps {} × block_interval {} s", c.tps, c.block_interval_s),
            ));
            let block = bytes.scale(needed);
            figures.push(fig(
                "block_bytes_needed",
                block,
                "B",
                "tx_per_block_needed × bytes_per_tx".into(),
            ));
            if let Some(limit) = c.block_bytes {
                figures.push(fig(
                    "tx_per_block_capacity",
                    Est::exact((limit / bytes.value).floor()),
                    "tx",
                    format!("⌊block_bytes {limit} ÷ bytes_per_tx⌋"),
                ));
            }
            let mut best: Option<(Strategy, Est)> = None;
            for s in Strategy::ALL {
                let Some(core_us) = m.core_us(s) else {
                    continue;
                };
                let name = s.name().replace('-', "_");
                let busy = match s {
                    Strategy::Parallel | Strategy::ParallelBatch => {
                        format!("× {} threads", m.threads)
                    }
                    _ => "× 1 core".into(),
                };
                figures.push(fig(
                    &format!("core_us_per_tx_{name}"),
                    core_us,
                    "core-µs",
                    format!(
                        "measured: {} block verification wall µs per tx {busy}",
                        s.name()
                    ),
                ));
                let cores = core_us.scale(c.tps / 1e6);
                figures.push(fig(
                    &format!("cores_{name}"),
                    cores,
                    "cores",
                    format!("tps {} × core_us_per_tx_{name} ÷ 10^6", c.tps),
                ));
                if best.is_none_or(|(_, b)| cores.value < b.value) {
                    best = Some((s, cores));
                }
            }
            let growth = bytes.scale(self.average_tps() * YEAR_S);
            figures.push(fig(
                "growth_per_year",
                growth,
                "B",
                format!(
                    "average_tps {} (profile assumption) × tps {} ÷ target_tps {} × 31 536 000 s × bytes_per_tx",
                    self.profile.scenario.average_tps.value, c.tps, self.profile.scenario.target_tps.value
                ),
            ));
            checks.push(Check {
                constraint: "block-bytes".into(),
                verdict: Verdict::at_most(block, c.block_bytes),
                detail: format!(
                    "{:.0} B needed per block (limit {})",
                    block.value,
                    limit_text(c.block_bytes, "B")
                ),
            });
            if let Some((s, cores)) = best {
                best_strategy = Some(s.name().replace('-', "_"));
                checks.push(Check {
                    constraint: "cores".into(),
                    verdict: Verdict::at_most(cores, c.cores),
                    detail: format!(
                        "{:.2} cores [{:.2} – {:.2}] {} (limit {})",
                        cores.value,
                        cores.lo,
                        cores.hi,
                        s.name(),
                        limit_text(c.cores, "cores")
                    ),
                });
            }
            checks.push(Check {
                constraint: "storage-per-year".into(),
                verdict: Verdict::at_most(growth, c.storage_per_year),
                detail: format!(
                    "{:.3e} B/year (limit {})",
                    growth.value,
                    limit_text(c.storage_per_year, "B")
                ),
            });
        } else if statics.is_none() {
            checks.push(Check {
                constraint: "measurement".into(),
                verdict: Verdict::Unknown,
                detail: unmeasured.into(),
            });
        }
        let first_broken = checks
            .iter()
            .find(|k| k.verdict.broken() || k.verdict == Verdict::Unknown)
            .map(|k| k.constraint.clone());
        let ids: Vec<String> = roles.iter().map(|(r, id)| format!("{r}={id}")).collect();
        Recommendation {
            schema: crate::results::SCHEMA_VERSION,
            kind: RECOMMENDATION.into(),
            key: format!("{RECOMMENDATION}|{}|{}", self.profile.name, ids.join(",")),
            profile: self.profile.name.clone(),
            roles,
            constraints: c.clone(),
            security: security.0,
            security_score: security.1,
            source,
            figures,
            best_strategy,
            feasible: first_broken.is_none(),
            first_broken,
            checks,
            pareto: false,
            rank: None,
        }
    }
}

fn limit_text(limit: Option<f64>, unit: &str) -> String {
    limit.map_or("none".into(), |l| format!("{l} {unit}"))
}

/// Marks the Pareto front of the feasible set — no other feasible
/// combination is at most as large, as costly to verify and at least as
/// secure, and strictly better on one — and ranks the feasible set by
/// verification cost, then bytes per transaction, then security.
pub fn rank(recs: &mut [Recommendation]) {
    let key = |r: &Recommendation| -> Option<(f64, f64, f64)> {
        Some((
            r.figure("bytes_per_tx")?.value,
            r.verify_cost()?.value,
            r.security_score,
        ))
    };
    let points: Vec<(usize, (f64, f64, f64))> = recs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.feasible)
        .filter_map(|(i, r)| Some((i, key(r)?)))
        .collect();
    for &(i, (b, v, s)) in &points {
        let dominated = points.iter().any(|&(j, (b2, v2, s2))| {
            j != i && b2 <= b && v2 <= v && s2 >= s && (b2 < b || v2 < v || s2 > s)
        });
        recs[i].pareto = !dominated;
    }
    let mut order: Vec<(usize, (f64, f64, f64))> = points;
    order.sort_by(|a, b| {
        a.1.1
            .total_cmp(&b.1.1)
            .then(a.1.0.total_cmp(&b.1.0))
            .then(b.1.2.total_cmp(&a.1.2))
    });
    for (rank, (i, _)) in order.into_iter().enumerate() {
        recs[i].rank = Some(rank + 1);
    }
}

/// Per-role figures by which each recommendation is keyed in a map.
pub fn by_roles(recs: &[Recommendation]) -> BTreeMap<&Roles, &Recommendation> {
    recs.iter().map(|r| (&r.roles, r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_say_when_the_interval_straddles_the_limit() {
        let e = |value, lo, hi| Est { value, lo, hi };
        assert_eq!(
            Verdict::at_most(e(5.0, 4.0, 6.0), Some(10.0)),
            Verdict::Holds
        );
        assert_eq!(
            Verdict::at_most(e(9.0, 8.0, 11.0), Some(10.0)),
            Verdict::HoldsWithinNoise
        );
        assert_eq!(
            Verdict::at_most(e(11.0, 9.0, 12.0), Some(10.0)),
            Verdict::BreaksWithinNoise
        );
        assert_eq!(
            Verdict::at_most(e(12.0, 11.0, 13.0), Some(10.0)),
            Verdict::Breaks
        );
        assert_eq!(
            Verdict::at_most(e(12.0, 11.0, 13.0), None),
            Verdict::Unconstrained
        );
    }
}

#[cfg(test)]
mod front_tests {
    use super::*;
    use crate::workload::ledger::Components;
    use crate::workload::profile::BUILTIN;

    fn measured(bytes: f64, seq_us: f64) -> Measured {
        Measured {
            bytes: Components {
                payload: bytes,
                ..Components::default()
            },
            verify_us: [(Strategy::Sequential, Est::exact(seq_us))].into(),
            threads: 2,
        }
    }

    #[test]
    fn the_front_keeps_undominated_combinations_and_ranks_by_cost() {
        let profile = Profile::parse(BUILTIN[0].1, "retail-payments").expect("profile");
        let c = Constraints {
            tps: 1000.0,
            block_interval_s: 1.0,
            cores: Some(1.0),
            ..Constraints::default()
        };
        let s = Scenario {
            profile: &profile,
            constraints: &c,
        };
        let mk = |name: &str, bytes, us, score| {
            let roles: Roles = [("sig".to_string(), name.to_string())].into();
            s.evaluate(
                roles,
                (name.into(), score),
                None,
                Some((&measured(bytes, us), Source::Direct)),
                "",
            )
        };
        let mut recs = vec![
            mk("small-fast", 100.0, 30.0, 128.0),
            mk("small-slow", 100.0, 60.0, 128.0), // dominated by small-fast
            mk("big-secure", 3000.0, 90.0, 1192.0),
            mk("too-slow", 50.0, 2000.0, 1256.0), // 1000 tx/s × 2 ms = 2 cores > 1
        ];
        rank(&mut recs);
        let on: Vec<bool> = recs.iter().map(|r| r.pareto).collect();
        assert_eq!(on, vec![true, false, true, false]);
        assert_eq!(recs[3].first_broken.as_deref(), Some("cores"));
        assert!(!recs[3].feasible && recs[3].rank.is_none());
        let ranks: Vec<Option<usize>> = recs.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, vec![Some(1), Some(2), Some(3), None]);
        // cores = tps × core-µs ÷ 10^6.
        assert_eq!(
            recs[0].figure("cores_sequential").map(|e| e.value),
            Some(0.03)
        );
    }
}
