//! Summary statistics of timing samples, with a bootstrap CI of the median.

use rand_core::Rng;
use serde::{Deserialize, Serialize};

use crate::bench_rng;

/// Bootstrap resamples for the confidence interval of the median.
const BOOTSTRAP_RESAMPLES: usize = 2000;

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
    let (ci95_low, ci95_high) = bootstrap_median_ci(&sorted, seed);
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
    })
}

/// Percentile bootstrap: resample with replacement, take the 2.5% and 97.5%
/// quantiles of the resampled medians.
fn bootstrap_median_ci(sorted: &[f64], seed: u64) -> (f64, f64) {
    let n = sorted.len();
    if n == 1 {
        return (sorted[0], sorted[0]);
    }
    let mut rng = bench_rng(seed, "bootstrap");
    let mut medians = Vec::with_capacity(BOOTSTRAP_RESAMPLES);
    let mut resample = vec![0.0; n];
    for _ in 0..BOOTSTRAP_RESAMPLES {
        for slot in resample.iter_mut() {
            *slot = sorted[(rng.next_u64() % n as u64) as usize];
        }
        resample.sort_by(f64::total_cmp);
        medians.push(sorted_median(&resample));
    }
    medians.sort_by(f64::total_cmp);
    (
        sorted_percentile(&medians, 0.025),
        sorted_percentile(&medians, 0.975),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
