//! The measurement engine: warm-up, batch-size calibration, time-boxed
//! sampling, statistics, cycles and heap use of one prepared operation.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::alloc::{self, AllocStats};
use crate::dynamic::Prepared;
use crate::stats::{Stats, summarize};
use crate::timer::{cycles_end, cycles_start};
use crate::{Error, Result};

/// How long and how often to sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EngineConfig {
    /// Warm-up time before calibration is trusted.
    #[serde(with = "secs")]
    pub warmup: Duration,
    /// Target number of samples.
    pub samples: usize,
    /// Samples taken even when the budget is exhausted.
    pub min_samples: usize,
    /// Time budget for sampling one measurement.
    #[serde(with = "secs")]
    pub budget: Duration,
    /// Shortest sample: far above timer resolution (~25 ns) and clock reads.
    #[serde(with = "secs")]
    pub min_sample_time: Duration,
    /// Operations slower than this are timed one per sample, so the samples
    /// are the per-operation distribution (tails of variable-time signing and
    /// proving) rather than averages over a batch.
    #[serde(with = "secs")]
    pub single_op_above: Duration,
    /// Most samples taken in single-operation mode.
    pub max_single_samples: usize,
}

/// Durations as seconds (a float) in JSON.
mod secs {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(d.as_secs_f64())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let secs = f64::deserialize(d)?;
        Duration::try_from_secs_f64(secs).map_err(serde::de::Error::custom)
    }
}

impl EngineConfig {
    /// The quick suite: a rough but honest figure in well under a second.
    pub fn quick() -> Self {
        EngineConfig {
            warmup: Duration::from_millis(40),
            samples: 20,
            min_samples: 3,
            budget: Duration::from_millis(200),
            min_sample_time: Duration::from_micros(500),
            single_op_above: Duration::from_micros(50),
            max_single_samples: 100,
        }
    }

    /// The full suite: many samples for tight confidence intervals.
    pub fn full() -> Self {
        EngineConfig {
            warmup: Duration::from_millis(300),
            samples: 100,
            min_samples: 10,
            budget: Duration::from_secs(3),
            min_sample_time: Duration::from_millis(1),
            single_op_above: Duration::from_micros(50),
            max_single_samples: 1000,
        }
    }
}

/// What one measurement observed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// Operations per sample (calibrated).
    pub iters_per_sample: u64,
    /// Nanoseconds per operation, one value per sample, in the order taken.
    pub samples_ns: Vec<f64>,
    /// TSC cycles per operation, one value per sample (empty without a TSC).
    pub samples_cycles: Vec<f64>,
    /// Statistics of `samples_ns`.
    pub ns: Stats,
    /// Statistics of `samples_cycles`.
    pub cycles: Option<Stats>,
    /// Heap use of one operation (with the counting allocator installed).
    pub memory: Option<AllocStats>,
}

/// Times `iters` operations: (elapsed, cycles).
fn timed(prepared: &mut dyn Prepared, iters: u64) -> Result<(Duration, Option<u64>)> {
    let c0 = cycles_start();
    let t0 = Instant::now();
    prepared.run(iters)?;
    let elapsed = t0.elapsed();
    let c1 = cycles_end();
    Ok((elapsed, c0.zip(c1).map(|(a, b)| b.wrapping_sub(a))))
}

/// Measures a prepared operation; `seed` makes the bootstrap reproducible.
pub fn measure(prepared: &mut dyn Prepared, cfg: &EngineConfig, seed: u64) -> Result<Measurement> {
    // Warm up with doubling batches; the last batch estimates the per-op time.
    let start = Instant::now();
    let mut iters = 1u64;
    let per_op = loop {
        let (elapsed, _) = timed(prepared, iters)?;
        let per_op = elapsed.as_secs_f64() / iters as f64;
        if start.elapsed() >= cfg.warmup || elapsed >= cfg.budget {
            break per_op;
        }
        iters = iters.saturating_mul(2);
    };

    // Slow operations: one per sample, so the samples are their distribution.
    let (iters_per_sample, target_samples) = if per_op >= cfg.single_op_above.as_secs_f64() {
        let fit = (cfg.budget.as_secs_f64() / per_op) as usize;
        let most = cfg.max_single_samples.max(cfg.samples);
        (1, fit.clamp(cfg.samples.max(1), most))
    } else {
        let sample_time = (cfg.budget.as_secs_f64() / cfg.samples.max(1) as f64)
            .max(cfg.min_sample_time.as_secs_f64());
        let iters = ((sample_time / per_op.max(1e-12)).ceil() as u64).max(1);
        (iters, cfg.samples.max(1))
    };

    // Representative sets are measured in whole passes, one op per sample.
    let (iters_per_sample, target_samples, min_samples) = match prepared.pass_len() {
        Some(pass) if pass > 0 => {
            let samples = pass * (target_samples / pass).max(1);
            (1, samples, samples)
        }
        _ => (iters_per_sample, target_samples, cfg.min_samples),
    };

    let mut samples_ns = Vec::with_capacity(target_samples);
    let mut samples_cycles = Vec::with_capacity(target_samples);
    let sampling = Instant::now();
    while samples_ns.len() < target_samples
        && (samples_ns.len() < min_samples || sampling.elapsed() < cfg.budget)
    {
        let (elapsed, ticks) = timed(prepared, iters_per_sample)?;
        samples_ns.push(elapsed.as_nanos() as f64 / iters_per_sample as f64);
        if let Some(t) = ticks {
            samples_cycles.push(t as f64 / iters_per_sample as f64);
        }
    }

    let (outcome, memory) = alloc::count_allocations(|| prepared.run(1));
    outcome?;

    let ns = summarize(&samples_ns, seed).ok_or_else(|| Error::op("measure", "no samples"))?;
    let cycles = summarize(&samples_cycles, seed);
    Ok(Measurement {
        iters_per_sample,
        samples_ns,
        samples_cycles,
        ns,
        cycles,
        memory,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dynamic::{Op, Params, SigEntry};
    use crate::testing::ToySig;

    #[test]
    fn measures_a_toy_operation() {
        let entry = SigEntry::<ToySig>::new().into_entry();
        let mut prepared = entry
            .prepare(Op::Verify, &Params::default(), 1)
            .expect("prepare");
        let cfg = EngineConfig {
            budget: Duration::from_millis(30),
            warmup: Duration::from_millis(5),
            ..EngineConfig::quick()
        };
        let m = measure(prepared.as_mut(), &cfg, 1).expect("measure");
        assert!(m.samples_ns.len() >= cfg.min_samples);
        assert_eq!(m.ns.n, m.samples_ns.len());
        assert!(m.ns.min <= m.ns.median && m.ns.median <= m.ns.max);
        assert!(
            m.iters_per_sample > 1,
            "a sub-microsecond op must be batched"
        );
        if cfg!(target_arch = "x86_64") {
            assert_eq!(m.samples_cycles.len(), m.samples_ns.len());
        }
        let single = EngineConfig {
            single_op_above: Duration::ZERO,
            max_single_samples: 40,
            ..cfg
        };
        let m = measure(prepared.as_mut(), &single, 1).expect("measure");
        assert_eq!(
            m.iters_per_sample, 1,
            "above the threshold each sample is one op"
        );
        assert!(m.samples_ns.len() >= single.min_samples);
    }

    #[test]
    fn signing_sets_are_measured_in_whole_passes() {
        let entry = SigEntry::<ToySig>::new().with_signing_sets().into_entry();
        let params = Params {
            set: Some("toy".into()),
            ..Params::default()
        };
        let mut prepared = entry.prepare(Op::SignSet, &params, 1).expect("prepare");
        assert_eq!(prepared.pass_len(), Some(7));
        let cfg = EngineConfig {
            budget: Duration::from_millis(5),
            warmup: Duration::from_millis(1),
            samples: 20,
            ..EngineConfig::quick()
        };
        let m = measure(prepared.as_mut(), &cfg, 1).expect("measure");
        assert_eq!(m.iters_per_sample, 1);
        assert_eq!(
            m.samples_ns.len(),
            14,
            "two whole passes of the 7-message set"
        );
    }
}
