//! Summary statistics of timing samples, with bootstrap CIs of the median and
//! of the mean, and the headline figure a record leads with: the mean for
//! variable-time operations (throughput is the mean), the median otherwise.

use rand_core::Rng;
use serde::{Deserialize, Serialize};

use crate::bench_rng;

/// Bootstrap resamples for the confidence intervals.
const BOOTSTRAP_RESAMPLES: usize = 2000;

/// Fewest samples from which a confidence interval is reported: a bootstrap
/// of three samples is not an interval anyone should cite.
pub const MIN_CI_SAMPLES: usize = 10;

/// Summary of per-operation sample values (nanoseconds or cycles per op).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Number of samples.
    pub n: usize,
    /// Median.
    pub median: f64,
    /// Smallest sample.
    pub min: f64,
    /// Largest sample.
    pub max: f64,
    /// Arithmetic mean.
    pub mean: f64,
    /// Median absolute deviation from the median (unscaled).
    pub mad: f64,
    /// 99th percentile (nearest rank) of the samples.
    pub p99: f64,
    /// Lower bound of the bootstrap 95% CI of the median (percentile method).
    pub ci95_low: f64,
    /// Upper bound of the bootstrap 95% CI of the median.
    pub ci95_high: f64,
    /// Bounds of the bootstrap 95% CI of the mean (absent in records written
    /// before it was computed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_ci95: Option<(f64, f64)>,
}

/// Which statistic a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Statistic {
    /// The median: constant-time operations (robust to scheduler noise).
    Median,
    /// The mean: variable-time operations (rejection sampling, proving).
    Mean,
}

impl Statistic {
    /// `median` or `mean`.
    pub fn as_str(self) -> &'static str {
        match self {
            Statistic::Median => "median",
            Statistic::Mean => "mean",
        }
    }
}

/// The figure a record leads with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Headline {
    /// Mean or median.
    pub statistic: Statistic,
    /// Its value.
    pub value: f64,
    /// Its 95% CI, or `None` when fewer than [`MIN_CI_SAMPLES`] samples
    /// were taken ("n too small").
    pub ci95: Option<(f64, f64)>,
}

/// A 95% CI wider than this fraction of its figure marks the figure as too
/// noisy to compare at that resolution: two runs of such a row can differ
/// by more than 3% from noise alone (the summary's and report's `≈` mark).
pub const STABLE_CI_WIDTH: f64 = 0.03;

impl Headline {
    /// Whether the 95% CI spans more than `fraction` of the figure (false
    /// when there is no CI: that case is shown as "n too small").
    pub fn ci_wider_than(&self, fraction: f64) -> bool {
        self.ci95
            .is_some_and(|(lo, hi)| self.value > 0.0 && (hi - lo) / self.value > fraction)
    }

    /// [`Self::ci_wider_than`] at [`STABLE_CI_WIDTH`].
    pub fn is_noisy(&self) -> bool {
        self.ci_wider_than(STABLE_CI_WIDTH)
    }
}

impl Stats {
    /// The mean (with its CI) for a variable-time operation, the median
    /// (with its CI) otherwise.
    pub fn headline(&self, variable_time: bool) -> Headline {
        let enough = self.n >= MIN_CI_SAMPLES;
        if variable_time {
            Headline {
                statistic: Statistic::Mean,
                value: self.mean,
                ci95: self.mean_ci95.filter(|_| enough),
            }
        } else {
            Headline {
                statistic: Statistic::Median,
                value: self.median,
                ci95: enough.then_some((self.ci95_low, self.ci95_high)),
            }
        }
    }
}

/// Median of a sorted, non-empty slice.
fn sorted_median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// Nearest-rank percentile `q` in (0, 1] of a sorted, non-empty slice.
fn sorted_percentile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted_copy(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

/// The median of `values` (`NaN` when empty).
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        f64::NAN
    } else {
        sorted_median(&sorted_copy(values))
    }
}

/// Summarises `samples`; `seed` makes the bootstrap reproducible.
/// Returns `None` for an empty slice.
pub fn summarize(samples: &[f64], seed: u64) -> Option<Stats> {
    if samples.is_empty() {
        return None;
    }
    let sorted = sorted_copy(samples);
    let n = sorted.len();
    let median = sorted_median(&sorted);
    let deviations = sorted_copy(
        &sorted
            .iter()
            .map(|x| (x - median).abs())
            .collect::<Vec<_>>(),
    );
    let ((ci95_low, ci95_high), mean_ci95) = bootstrap_cis(&sorted, seed);
    Some(Stats {
        n,
        median,
        min: sorted[0],
        max: sorted[n - 1],
        mean: sorted.iter().sum::<f64>() / n as f64,
        mad: sorted_median(&deviations),
        p99: sorted_percentile(&sorted, 0.99),
        ci95_low,
        ci95_high,
        mean_ci95: Some(mean_ci95),
    })
}

/// Percentile bootstrap: resample with replacement, take the 2.5% and 97.5%
/// quantiles of the resampled medians and of the resampled means.
fn bootstrap_cis(sorted: &[f64], seed: u64) -> ((f64, f64), (f64, f64)) {
    let n = sorted.len();
    if n == 1 {
        return ((sorted[0], sorted[0]), (sorted[0], sorted[0]));
    }
    let mut rng = bench_rng(seed, "bootstrap");
    let mut medians = Vec::with_capacity(BOOTSTRAP_RESAMPLES);
    let mut means = Vec::with_capacity(BOOTSTRAP_RESAMPLES);
    let mut resample = vec![0.0; n];
    for _ in 0..BOOTSTRAP_RESAMPLES {
        for slot in resample.iter_mut() {
            *slot = sorted[(rng.next_u64() % n as u64) as usize];
        }
        means.push(resample.iter().sum::<f64>() / n as f64);
        resample.sort_by(f64::total_cmp);
        medians.push(sorted_median(&resample));
    }
    medians.sort_by(f64::total_cmp);
    means.sort_by(f64::total_cmp);
    let interval = |v: &[f64]| (sorted_percentile(v, 0.025), sorted_percentile(v, 0.975));
    (interval(&medians), interval(&means))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ci_wider_than_three_percent_is_noisy() {
        let h = |ci95| Headline {
            statistic: Statistic::Median,
            value: 100.0,
            ci95,
        };
        assert!(!h(Some((99.0, 101.9))).is_noisy());
        assert!(h(Some((98.0, 101.1))).is_noisy());
        assert!(!h(None).is_noisy(), "no CI is shown as n too small instead");
    }

    #[test]
    fn summary_of_known_values() {
        let s = summarize(&[5.0, 1.0, 3.0, 2.0, 4.0], 1).expect("non-empty");
        assert_eq!(
            (s.n, s.median, s.min, s.max, s.mean),
            (5, 3.0, 1.0, 5.0, 3.0)
        );
        assert_eq!(s.mad, 1.0);
        assert_eq!(s.p99, 5.0);
        assert!(s.ci95_low <= s.median && s.median <= s.ci95_high);
        assert!(s.ci95_low >= 1.0 && s.ci95_high <= 5.0);
    }

    #[test]
    fn variable_time_leads_with_the_mean_and_small_samples_have_no_ci() {
        // A skewed sample: one slow rejection-sampling tail.
        let mut samples = vec![100.0; 19];
        samples.push(2100.0);
        let s = summarize(&samples, 1).expect("non-empty");
        let mean = s.headline(true);
        assert_eq!((mean.statistic, mean.value), (Statistic::Mean, 200.0));
        let (lo, hi) = mean.ci95.expect("20 samples give an interval");
        assert!(lo <= 200.0 && 200.0 <= hi, "{lo} {hi}");
        let median = s.headline(false);
        assert_eq!((median.statistic, median.value), (Statistic::Median, 100.0));
        let few = summarize(&[1.0, 2.0, 3.0], 1).expect("non-empty");
        assert_eq!(few.headline(true).ci95, None);
        assert_eq!(few.headline(false).ci95, None);
    }

    #[test]
    fn even_count_median_and_empty_input() {
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(summarize(&[], 0).is_none());
    }

    #[test]
    fn ci_narrows_with_more_samples_and_is_reproducible() {
        let few: Vec<f64> = (0..10).map(|i| 100.0 + f64::from(i % 7)).collect();
        let many: Vec<f64> = (0..1000).map(|i| 100.0 + f64::from(i % 7)).collect();
        let a = summarize(&few, 3).expect("non-empty");
        let b = summarize(&many, 3).expect("non-empty");
        assert!(b.ci95_high - b.ci95_low <= a.ci95_high - a.ci95_low);
        assert_eq!(summarize(&few, 3), Some(a));
    }
}
