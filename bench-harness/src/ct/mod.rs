//! Constant-time screening, dudect style (Reparaz, Balasch, Verbauwhede,
//! "Dude, is my code constant time?", DATE 2017).
//!
//! For one secret-dependent operation, inputs of two classes — fixed and
//! random ([`crate::dynamic::ct`]) — are interleaved in a random order and
//! each operation is timed alone (TSC cycles). A battery of Welch's t-tests
//! compares the classes: on the raw times, on the times cropped below 100
//! percentiles of a calibration batch (cutting the tail that interrupts and
//! other noise add), and on centred squares. The figure is the largest |t|.
//! Above [`THRESHOLD`] (4.5, the TVLA convention) a leak is suspected;
//! otherwise no leak was detected *in that many measurements* — a screen
//! can find a leak, never prove its absence.

mod record;
mod ttest;

pub use record::{CtRecord, ct_key, screen_entry};
pub use ttest::{Battery, TestKind, Welch, crop_levels};

use std::time::{Duration, Instant};

use rand_core::Rng;
use serde::{Deserialize, Serialize};

use crate::dynamic::ct::CtTarget;
use crate::{Result, bench_rng};

/// |t| above which a leak is suspected.
pub const THRESHOLD: f64 = 4.5;
/// Tests count only with at least this many measurements in each class.
pub const MIN_PER_CLASS: u64 = 100;
/// The `kind` of a constant-time screening record.
pub const CT: &str = "ct";

/// How long to screen one operation.
///
/// A screen measures for `budget`; an operation too slow to reach
/// `min_measurements` in that time (SLH-DSA signing, HQC decapsulation) goes
/// on until it does, but never past `max_budget`, so a slow operation gets a
/// verdict instead of "too few measurements" while fast ones keep the budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CtConfig {
    /// Wall time for measuring (preparation of each batch included).
    pub budget: Duration,
    /// Measure past `budget` until this many measurements are taken...
    pub min_measurements: u64,
    /// ...but never longer than this in all.
    pub max_budget: Duration,
    /// Stop early after this many measurements.
    pub max_measurements: u64,
}

impl CtConfig {
    /// A `budget` per operation, extended for slow operations up to
    /// [`CtConfig::EXTENSION`] times the budget (at least [`CtConfig::MIN_CAP`]).
    pub fn with_budget(budget: Duration) -> CtConfig {
        CtConfig {
            budget,
            max_budget: (budget * Self::EXTENSION).max(Self::MIN_CAP),
            ..CtConfig::default()
        }
    }

    /// How many budgets a slow operation may take to reach `min_measurements`.
    pub const EXTENSION: u32 = 5;
    /// The shortest cap on a slow operation's screen.
    pub const MIN_CAP: Duration = Duration::from_secs(15);

    /// Whether a screen that has taken `measured` measurements in `elapsed`
    /// goes on.
    fn goes_on(&self, elapsed: Duration, measured: u64) -> bool {
        measured < self.max_measurements
            && elapsed < self.max_budget
            && (elapsed < self.budget || measured < self.min_measurements)
    }
}

impl Default for CtConfig {
    fn default() -> Self {
        // 3 s gives fast operations tens of thousands of measurements, and the
        // quick set (about 110 screens, a dozen of them slow) fits in 10 minutes.
        let budget = Duration::from_secs(3);
        CtConfig {
            budget,
            min_measurements: 500,
            max_budget: budget * Self::EXTENSION,
            max_measurements: 10_000_000,
        }
    }
}

/// The verdict of a screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CtVerdict {
    /// |t| above [`THRESHOLD`].
    LeakSuspected,
    /// |t| at most [`THRESHOLD`] in the measurements taken.
    NoLeakDetected,
    /// Fewer than [`MIN_PER_CLASS`] measurements per class fit the budget.
    TooFewMeasurements,
    /// The op cannot be screened (e.g. keygen drawing OS randomness).
    NotApplicable,
    /// Preparing or running the op failed.
    Error,
}

/// What one screen observed.
#[derive(Clone, Debug, PartialEq)]
pub struct CtOutcome {
    /// Largest |t| over the battery's tests with enough measurements.
    pub t: f64,
    /// The test that gave it.
    pub test: TestKind,
    /// Measurements in the raw test (calibration batch and each batch's
    /// first few not counted).
    pub measurements: u64,
    /// Mean time of the fixed and the random class (raw test).
    pub means: [f64; 2],
    /// Wall time spent.
    pub elapsed: Duration,
}

impl CtOutcome {
    /// The verdict for this outcome.
    pub fn verdict(&self) -> CtVerdict {
        if self.measurements < 2 * MIN_PER_CLASS {
            CtVerdict::TooFewMeasurements
        } else if self.t > THRESHOLD {
            CtVerdict::LeakSuspected
        } else {
            CtVerdict::NoLeakDetected
        }
    }

    /// One line for people: `leak suspected (|t| = 12.3, ...)` or
    /// `no leak detected in N measurements (|t| = 1.2)`; never "constant time".
    pub fn describe(&self) -> String {
        match self.verdict() {
            CtVerdict::LeakSuspected => format!(
                "leak suspected: |t| = {:.1} > {THRESHOLD} ({}; {} measurements)",
                self.t, self.test, self.measurements
            ),
            CtVerdict::TooFewMeasurements => format!(
                "too few measurements ({}) in {:.0} s for a verdict; raise --budget",
                self.measurements,
                self.elapsed.as_secs_f64()
            ),
            _ => format!(
                "no leak detected in {} measurements (max |t| = {:.2})",
                self.measurements, self.t
            ),
        }
    }
}

/// Measurements dropped at the start of each batch (caches disturbed by
/// preparing the batch's inputs), as dudect does.
const DISCARD_PER_BATCH: usize = 10;

/// Screens `target` for `cfg.budget` (longer for a slow operation, see
/// [`CtConfig`]): a calibration batch for the crop thresholds, then batches
/// of randomly interleaved classes sized to about 50 ms each, every
/// measurement fed to the [`Battery`].
pub fn screen(target: &mut dyn CtTarget, cfg: &CtConfig, seed: u64) -> Result<CtOutcome> {
    let started = Instant::now();
    let mut rng = bench_rng(seed, "ct/classes");
    let mut classes_of =
        |n: usize| -> Vec<u8> { (0..n).map(|_| (rng.next_u32() & 1) as u8).collect() };

    // A probe of a few operations sizes the calibration batch to about a
    // tenth of the budget (16 to 64), so slow operations keep most of it.
    let mut probe = [0u64; 4];
    let t0 = Instant::now();
    target.measure(&classes_of(probe.len()), &mut probe)?;
    let per_probe = t0.elapsed().as_secs_f64() / probe.len() as f64;
    let mut batch = ((cfg.budget.as_secs_f64() * 0.1 / per_probe.max(1e-9)) as usize).clamp(16, 64);
    // Calibration: thresholds from the first measurements (not tested).
    let classes = classes_of(batch);
    let mut times = vec![0u64; batch];
    let t0 = Instant::now();
    target.measure(&classes, &mut times)?;
    let per_measurement = t0.elapsed().as_secs_f64() / batch as f64;
    let mut battery = Battery::new(&times);
    batch = ((0.05 / per_measurement.max(1e-9)) as usize).clamp(16, 20_000);

    let mut measured = 0u64;
    while cfg.goes_on(started.elapsed(), measured) {
        let classes = classes_of(batch);
        let mut times = vec![0u64; batch];
        target.measure(&classes, &mut times)?;
        let discard = (batch / 10).min(DISCARD_PER_BATCH);
        for (x, c) in times.iter().zip(&classes).skip(discard) {
            battery.push(*x, *c);
            measured += 1;
        }
    }
    let (t, test) = battery
        .max_t(MIN_PER_CLASS)
        .unwrap_or((battery.raw().t().abs(), TestKind::Raw));
    Ok(CtOutcome {
        t,
        test,
        measurements: measured,
        means: battery.raw().means(),
        elapsed: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_operation_measures_past_the_budget_up_to_the_cap() {
        let cfg = CtConfig::with_budget(Duration::from_secs(4));
        assert_eq!(cfg.max_budget, Duration::from_secs(20));
        let s = Duration::from_secs;
        assert!(cfg.goes_on(s(1), 5_000), "inside the budget");
        assert!(!cfg.goes_on(s(5), 5_000), "fast op: enough measurements");
        assert!(cfg.goes_on(s(5), 300), "slow op: extended");
        assert!(!cfg.goes_on(s(21), 300), "never past the cap");
        assert!(!cfg.goes_on(s(1), cfg.max_measurements));
        let short = CtConfig::with_budget(Duration::from_millis(100));
        assert_eq!(short.max_budget, s(15), "the cap is at least 15 s");
    }
}
