//! Measured figures of one combination, with their 95% intervals, taken
//! from a workload record or composed from several.
//!
//! Composition: a workload's per-transaction cost is a sum over roles
//! (signature checks + proof checks + Merkle hashing), so a combination that
//! swaps several roles away from the profile's defaults is
//! `anchor + Σ (swap_r − base)`: `base` is the record with the defaults,
//! `swap_r` the record with only role `r` swapped, and `anchor` the swap
//! record of the first swapped signature role (or of the first swapped role),
//! so the strategies that depend on the signature scheme (batch) come from a
//! real measurement. Intervals are carried by interval arithmetic (the bounds
//! of `a − b` are `a.lo − b.hi` and `a.hi − b.lo`), which is conservative.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::stats::Stats;
use crate::workload::ledger::Components;
use crate::workload::run::WorkloadRecord;
use crate::workload::verify::Strategy;

/// A value with the bounds of its 95% interval (equal to the value when the
/// inputs had no interval).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Est {
    /// Point estimate.
    pub value: f64,
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

impl Est {
    /// An exact value.
    pub fn exact(value: f64) -> Est {
        Est {
            value,
            lo: value,
            hi: value,
        }
    }

    /// The median of block-verification stats and its CI (the value alone
    /// when there were too few samples for one).
    pub fn of_stats(stats: &Stats) -> Est {
        let h = stats.headline(false);
        let (lo, hi) = h.ci95.unwrap_or((h.value, h.value));
        Est {
            value: h.value,
            lo,
            hi,
        }
    }

    /// `self × k` for `k ≥ 0`.
    pub fn scale(self, k: f64) -> Est {
        Est {
            value: self.value * k,
            lo: self.lo * k,
            hi: self.hi * k,
        }
    }

    /// `self + other`.
    pub fn plus(self, other: Est) -> Est {
        Est {
            value: self.value + other.value,
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
        }
    }

    /// `self − other`, with the widest bounds.
    pub fn minus(self, other: Est) -> Est {
        Est {
            value: self.value - other.value,
            lo: self.lo - other.hi,
            hi: self.hi - other.lo,
        }
    }

    /// Bounds kept at zero or above (a time or size cannot be negative).
    pub fn non_negative(self) -> Est {
        Est {
            value: self.value.max(0.0),
            lo: self.lo.max(0.0),
            hi: self.hi.max(0.0),
        }
    }
}

/// What the advisor needs from a workload record.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// Mean on-chain bytes per transaction, by component.
    pub bytes: Components,
    /// Per strategy: wall-clock µs of block verification per transaction.
    pub verify_us: BTreeMap<Strategy, Est>,
    /// Threads the multi-threaded strategies used.
    pub threads: usize,
}

impl Measured {
    /// From a record that measured (status ok).
    pub fn of(record: &WorkloadRecord) -> Measured {
        let n = record.block_txs.max(1) as f64;
        let verify_us = Strategy::ALL
            .into_iter()
            .filter_map(|s| {
                let stats = record.verify_block_ns.get(s.name())?;
                Some((s, Est::of_stats(stats).scale(1.0 / n / 1e3)))
            })
            .collect();
        Measured {
            bytes: record.bytes_per_tx,
            verify_us,
            threads: record.threads,
        }
    }

    /// Core-µs per transaction under `strategy`: wall time × the threads it
    /// kept busy (one for sequential and batch).
    pub fn core_us(&self, strategy: Strategy) -> Option<Est> {
        let t = *self.verify_us.get(&strategy)?;
        Some(match strategy {
            Strategy::Parallel | Strategy::ParallelBatch => t.scale(self.threads.max(1) as f64),
            _ => t,
        })
    }

    /// `anchor + Σ (swap − base)` (see the module docs). A strategy the
    /// anchor has but a swap or the base lacks takes that role's sequential
    /// difference.
    pub fn compose(anchor: &Measured, base: &Measured, swaps: &[&Measured]) -> Measured {
        let mut out = anchor.clone();
        for swap in swaps {
            out.bytes = add_components(out.bytes, swap.bytes, base.bytes);
            let seq_delta = swap
                .verify_us
                .get(&Strategy::Sequential)
                .zip(base.verify_us.get(&Strategy::Sequential))
                .map(|(s, b)| s.minus(*b));
            for (strategy, value) in out.verify_us.iter_mut() {
                let delta = swap
                    .verify_us
                    .get(strategy)
                    .zip(base.verify_us.get(strategy))
                    .map(|(s, b)| s.minus(*b))
                    .or(seq_delta);
                if let Some(d) = delta {
                    *value = value.plus(d).non_negative();
                }
            }
        }
        out
    }
}

fn add_components(a: Components, swap: Components, base: Components) -> Components {
    Components {
        signatures: a.signatures + swap.signatures - base.signatures,
        public_keys: a.public_keys + swap.public_keys - base.public_keys,
        ciphertexts: a.ciphertexts + swap.ciphertexts - base.ciphertexts,
        proofs: a.proofs + swap.proofs - base.proofs,
        payload: a.payload + swap.payload - base.payload,
        overhead: a.overhead + swap.overhead - base.overhead,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_arithmetic_widens_differences() {
        let a = Est {
            value: 10.0,
            lo: 9.0,
            hi: 11.0,
        };
        let b = Est {
            value: 4.0,
            lo: 3.5,
            hi: 4.5,
        };
        let d = a.minus(b);
        assert_eq!((d.value, d.lo, d.hi), (6.0, 4.5, 7.5));
        let s = a.plus(b).scale(2.0);
        assert_eq!((s.value, s.lo, s.hi), (28.0, 25.0, 31.0));
    }

    #[test]
    fn composing_swaps_adds_their_differences_from_the_base() {
        let m = |sig: f64, proofs: f64, seq: f64| Measured {
            bytes: Components {
                signatures: sig,
                proofs,
                ..Components::default()
            },
            verify_us: [(Strategy::Sequential, Est::exact(seq))].into(),
            threads: 2,
        };
        let base = m(64.0, 100.0, 30.0);
        let sig_swap = m(2420.0, 100.0, 50.0);
        let hash_swap = m(64.0, 160.0, 35.0);
        let c = Measured::compose(&sig_swap, &base, &[&hash_swap]);
        assert_eq!(c.bytes.signatures, 2420.0);
        assert_eq!(c.bytes.proofs, 160.0);
        assert_eq!(c.verify_us[&Strategy::Sequential].value, 55.0);
    }
}
