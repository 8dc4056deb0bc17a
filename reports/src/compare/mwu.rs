//! The Mann–Whitney U test (Wilcoxon rank-sum): are two sets of samples drawn
//! from the same distribution, or is one shifted? It uses only ranks, so it
//! suits skewed timing samples with outliers, where a t-test or "do the
//! confidence intervals overlap" misleads.

/// Outcome of a two-sided Mann–Whitney U test of `b` against `a`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MannWhitney {
    /// U statistic of `b` (the number of (a, b) pairs with b > a, ties ½).
    pub u_b: f64,
    /// Two-sided p-value.
    pub p: f64,
    /// `u_b / (n_a · n_b)`: the probability that a random sample of `b`
    /// exceeds one of `a` (0.5 = no shift; near 1 = `b` slower).
    pub prob_b_greater: f64,
    /// True when `p` comes from the exact distribution of U (small samples
    /// without ties), false for the normal approximation.
    pub exact: bool,
}

/// Largest per-group sample count for which the exact distribution is used.
const EXACT_MAX: usize = 30;

/// Runs the test; `None` when either side has no finite samples.
pub fn mann_whitney(a: &[f64], b: &[f64]) -> Option<MannWhitney> {
    let a: Vec<f64> = a.iter().copied().filter(|v| v.is_finite()).collect();
    let b: Vec<f64> = b.iter().copied().filter(|v| v.is_finite()).collect();
    let (na, nb) = (a.len(), b.len());
    if na == 0 || nb == 0 {
        return None;
    }
    // Rank the pooled samples, averaging tied ranks.
    let mut pooled: Vec<(f64, bool)> = a
        .iter()
        .map(|v| (*v, false))
        .chain(b.iter().map(|v| (*v, true)))
        .collect();
    pooled.sort_by(|x, y| x.0.total_cmp(&y.0));
    let n = pooled.len();
    let mut rank_sum_b = 0.0;
    let mut tie_term = 0.0; // Σ (t³ − t) over tie groups
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && pooled[j].0 == pooled[i].0 {
            j += 1;
        }
        let t = (j - i) as f64;
        let avg_rank = (i + j + 1) as f64 / 2.0; // ranks i+1 ..= j
        rank_sum_b += avg_rank * pooled[i..j].iter().filter(|p| p.1).count() as f64;
        tie_term += t * t * t - t;
        i = j;
    }
    let (fa, fb) = (na as f64, nb as f64);
    let u_b = rank_sum_b - fb * (fb + 1.0) / 2.0;
    let u_a = fa * fb - u_b;
    let prob_b_greater = u_b / (fa * fb);
    let u_min = u_a.min(u_b);

    if tie_term == 0.0 && na <= EXACT_MAX && nb <= EXACT_MAX {
        let dist = exact_distribution(na, nb);
        let total: f64 = dist.iter().sum();
        let tail: f64 = dist.iter().take(u_min as usize + 1).sum();
        return Some(MannWhitney {
            u_b,
            p: (2.0 * tail / total).min(1.0),
            prob_b_greater,
            exact: true,
        });
    }
    let nf = n as f64;
    let mean = fa * fb / 2.0;
    let var = fa * fb / 12.0 * ((nf + 1.0) - tie_term / (nf * (nf - 1.0)));
    let p = if var <= 0.0 {
        1.0
    } else {
        let z = ((u_b - mean).abs() - 0.5).max(0.0) / var.sqrt();
        erfc(z / std::f64::consts::SQRT_2).min(1.0)
    };
    Some(MannWhitney {
        u_b,
        p,
        prob_b_greater,
        exact: false,
    })
}

/// Number of arrangements giving each value of U for group sizes `m`, `n`
/// (no ties): f(i, j, u) = f(i−1, j, u−j) + f(i, j−1, u).
fn exact_distribution(m: usize, n: usize) -> Vec<f64> {
    let max_u = m * n;
    // prev[i] = f(i, j−1, ·); start with j = 0: f(i, 0, 0) = 1.
    let mut prev: Vec<Vec<f64>> = (0..=m)
        .map(|_| {
            let mut v = vec![0.0; max_u + 1];
            v[0] = 1.0;
            v
        })
        .collect();
    for j in 1..=n {
        let mut cur: Vec<Vec<f64>> = Vec::with_capacity(m + 1);
        for i in 0..=m {
            let mut v = prev[i].clone(); // f(i, j−1, u)
            if i > 0 {
                for u in j..=max_u {
                    v[u] += cur[i - 1][u - j]; // f(i−1, j, u−j)
                }
            }
            cur.push(v);
        }
        prev = cur;
    }
    prev.swap_remove(m)
}

/// Complementary error function (Chebyshev fit, |relative error| < 1.2e-7).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_p_for_complete_separation() {
        // U = 0 with 5 vs 5: P(U ≤ 0) = 1 / C(10, 5) = 1/252; two-sided 2/252.
        let a = [1.0, 2.0, 3.0, 4.0, 5.0];
        let b = [6.0, 7.0, 8.0, 9.0, 10.0];
        let r = mann_whitney(&a, &b).expect("samples");
        assert!(r.exact);
        assert_eq!(r.u_b, 25.0);
        assert_eq!(r.prob_b_greater, 1.0);
        assert!((r.p - 2.0 / 252.0).abs() < 1e-12, "{}", r.p);
    }

    #[test]
    fn exact_distribution_sums_to_binomial() {
        let d = exact_distribution(4, 6);
        assert_eq!(d.iter().sum::<f64>(), 210.0); // C(10, 4)
        assert_eq!(d.len(), 25);
        // Symmetric around m·n/2.
        for u in 0..d.len() {
            assert_eq!(d[u], d[d.len() - 1 - u]);
        }
    }

    #[test]
    fn interleaved_samples_are_not_significant() {
        let a: Vec<f64> = (0..40).map(|i| f64::from(2 * i)).collect();
        let b: Vec<f64> = (0..40).map(|i| f64::from(2 * i + 1)).collect();
        let r = mann_whitney(&a, &b).expect("samples");
        assert!(!r.exact);
        assert!(r.p > 0.5, "{}", r.p);
    }

    #[test]
    fn ties_use_the_corrected_normal_approximation() {
        let a = [1.0, 1.0, 1.0, 2.0, 2.0];
        let b = [1.0, 1.0, 1.0, 2.0, 2.0];
        let r = mann_whitney(&a, &b).expect("samples");
        assert!(!r.exact);
        assert!((r.p - 1.0).abs() < 1e-9);
        let same = [3.0; 6];
        assert_eq!(mann_whitney(&same, &same).expect("samples").p, 1.0);
        assert!(mann_whitney(&[], &same).is_none());
    }

    #[test]
    fn erfc_known_values() {
        assert!((erfc(0.0) - 1.0).abs() < 1e-7);
        assert!((erfc(1.0) - 0.157_299_207).abs() < 1e-7);
        assert!((erfc(-1.0) - 1.842_700_793).abs() < 1e-7);
        assert!(erfc(6.0) < 1e-15);
    }
}
