//! Welch's t-test, kept online (Welford), and the dudect set of tests over
//! one stream of measurements: the raw times, the times cropped at 100
//! percentiles, and a second-order (centred squares) test.

/// Running mean and variance of two classes, and Welch's t between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Welch {
    n: [f64; 2],
    mean: [f64; 2],
    m2: [f64; 2],
}

impl Welch {
    /// Adds one measurement of `class` (0 or 1).
    pub fn push(&mut self, x: f64, class: u8) {
        let c = usize::from(class & 1);
        self.n[c] += 1.0;
        let delta = x - self.mean[c];
        self.mean[c] += delta / self.n[c];
        self.m2[c] += delta * (x - self.mean[c]);
    }

    /// Measurements in each class.
    pub fn counts(&self) -> [u64; 2] {
        [self.n[0] as u64, self.n[1] as u64]
    }

    /// Mean of each class.
    pub fn means(&self) -> [f64; 2] {
        self.mean
    }

    /// Welch's t statistic, `(mean0 - mean1) / sqrt(var0/n0 + var1/n1)` with
    /// sample variances; 0 with fewer than two measurements in a class. Two
    /// constant classes with different means give a very large t.
    pub fn t(&self) -> f64 {
        if self.n[0] < 2.0 || self.n[1] < 2.0 {
            return 0.0;
        }
        let var = |c: usize| self.m2[c] / (self.n[c] - 1.0);
        let num = self.mean[0] - self.mean[1];
        let den = (var(0) / self.n[0] + var(1) / self.n[1]).sqrt();
        if den > 0.0 {
            num / den
        } else if num == 0.0 {
            0.0
        } else {
            1e9_f64.copysign(num)
        }
    }
}

/// Number of cropping percentiles, as in dudect.
pub const PERCENTILES: usize = 100;
/// A second-order test starts once the first class has this many measurements.
const SECOND_ORDER_AFTER: f64 = 10_000.0;

/// The dudect battery: test 0 on raw times, tests 1..=100 on times below
/// each cropping threshold, and a second-order test.
#[derive(Clone, Debug)]
pub struct Battery {
    thresholds: Vec<f64>,
    tests: Vec<Welch>,
}

/// Which test of the battery gave a figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TestKind {
    /// All measurements.
    Raw,
    /// Measurements below the given percentile (0..1) of the calibration batch.
    Cropped(f64),
    /// Centred squares (a difference in spread rather than in mean).
    SecondOrder,
}

impl std::fmt::Display for TestKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TestKind::Raw => f.write_str("raw"),
            TestKind::Cropped(p) => write!(f, "cropped at p{:.3}", p * 100.0),
            TestKind::SecondOrder => f.write_str("second order"),
        }
    }
}

/// The percentile levels of dudect's crops: `1 - 0.5^(10 (i+1) / 100)`,
/// dense near the top so the long right tail (interrupts) is cut at many
/// depths.
pub fn crop_levels() -> Vec<f64> {
    (0..PERCENTILES)
        .map(|i| 1.0 - 0.5f64.powf(10.0 * (i + 1) as f64 / PERCENTILES as f64))
        .collect()
}

impl Battery {
    /// A battery whose crop thresholds are percentiles of `calibration`
    /// (measurements taken first and not otherwise used, as dudect does).
    pub fn new(calibration: &[u64]) -> Battery {
        let mut sorted: Vec<u64> = calibration.to_vec();
        sorted.sort_unstable();
        let thresholds = crop_levels()
            .into_iter()
            .map(|p| match sorted.len() {
                0 => f64::INFINITY,
                n => sorted[((p * n as f64) as usize).min(n - 1)] as f64,
            })
            .collect();
        Battery {
            thresholds,
            tests: vec![Welch::default(); PERCENTILES + 2],
        }
    }

    /// Adds one measurement of `class`.
    pub fn push(&mut self, x: u64, class: u8) {
        let x = x as f64;
        self.tests[0].push(x, class);
        for (i, t) in self.thresholds.iter().enumerate() {
            if x < *t {
                self.tests[i + 1].push(x, class);
            }
        }
        if self.tests[0].n[0] > SECOND_ORDER_AFTER {
            let centred = x - self.tests[0].mean[usize::from(class & 1)];
            self.tests[PERCENTILES + 1].push(centred * centred, class);
        }
    }

    /// The raw (uncropped) test.
    pub fn raw(&self) -> &Welch {
        &self.tests[0]
    }

    /// The largest |t| among tests with at least `min_per_class`
    /// measurements in each class, and which test it is.
    pub fn max_t(&self, min_per_class: u64) -> Option<(f64, TestKind)> {
        let levels = crop_levels();
        self.tests
            .iter()
            .enumerate()
            .filter(|(_, t)| t.counts().iter().all(|n| *n >= min_per_class))
            .map(|(i, t)| {
                let kind = match i {
                    0 => TestKind::Raw,
                    i if i <= PERCENTILES => TestKind::Cropped(levels[i - 1]),
                    _ => TestKind::SecondOrder,
                };
                (t.t().abs(), kind)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welch_t_matches_the_textbook_formula() {
        // A = 1..5 (mean 3, s² 2.5), B = 2,4..10 (mean 6, s² 10):
        // t = (3 - 6) / sqrt(2.5/5 + 10/5) = -3 / sqrt(2.5).
        let mut w = Welch::default();
        for x in [1.0, 2.0, 3.0, 4.0, 5.0] {
            w.push(x, 0);
        }
        for x in [2.0, 4.0, 6.0, 8.0, 10.0] {
            w.push(x, 1);
        }
        assert!((w.t() - (-3.0 / 2.5f64.sqrt())).abs() < 1e-12, "{}", w.t());
        assert_eq!(w.counts(), [5, 5]);
    }

    #[test]
    fn degenerate_classes() {
        let mut w = Welch::default();
        w.push(1.0, 0);
        assert_eq!(w.t(), 0.0, "too few");
        for _ in 0..3 {
            w.push(1.0, 0);
            w.push(2.0, 1);
        }
        assert!(w.t().abs() >= 1e9, "constant classes, different means");
    }

    #[test]
    fn crops_follow_dudect_levels_and_drop_the_tail() {
        let levels = crop_levels();
        assert!((levels[0] - (1.0 - 0.5f64.powf(0.1))).abs() < 1e-12);
        assert!((levels[99] - (1.0 - 0.5f64.powi(10))).abs() < 1e-12);
        let calibration: Vec<u64> = (1..=1000).collect();
        let mut b = Battery::new(&calibration);
        // An outlier in class 1 only: the raw test sees it, the crops do not.
        for i in 0..200u64 {
            b.push(100 + i % 7, 0);
            b.push(100 + i % 7, 1);
        }
        b.push(1_000_000, 1);
        assert!(b.raw().t().abs() > 0.5);
        let cropped = &b.tests[PERCENTILES];
        assert_eq!(cropped.t(), 0.0);
    }
}
