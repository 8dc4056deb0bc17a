//! A synthetic circuit of a chosen size, for plotting proving cost against
//! circuit size (as zk-Bench does for 2¹⁰..2²⁰ constraints).
//!
//! The relation is an iterated map: z₀ = w and zᵢ₊₁ = zᵢ² + w; the public
//! input is y = zₙ. Each step costs one R1CS constraint or one halo2 row, so
//! a backend fills its 2ᵏ domain by choosing n (see the backend's circuit).
//! The statement's size parameter here is the number of steps n.

use ledgerbench_core::rng::BenchRng;
use ledgerbench_core::{Error, Result, StatementSize};

use super::{Statement, single};
use crate::poseidon::NativeField;

/// Default sizes: log2 of the constraints (R1CS) or rows (halo2).
pub const SIZE: StatementSize = StatementSize {
    meaning: "log2 constraints/rows",
    quick: &[10],
    full: &[10, 12, 14, 16],
    gate: 6,
};

/// Largest log2 size accepted; larger sizes map to a step count `sample` rejects.
pub const MAX_LOG2: usize = 24;

/// The synthetic statement family.
pub struct Synthetic;

/// The public output y = zₙ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Output<F>(pub F);

/// The secret seed w and the number of steps n.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seed<F> {
    /// w.
    pub w: F,
    /// n.
    pub steps: usize,
}

/// zₙ for seed `w`.
pub fn iterate<F: NativeField>(w: F, steps: usize) -> F {
    (0..steps).fold(w, |z, _| z * z + w)
}

impl<F: NativeField> Statement<F> for Synthetic {
    type Public = Output<F>;
    type Witness = Seed<F>;

    fn sample(steps: usize, rng: &mut BenchRng) -> Result<(Output<F>, Seed<F>)> {
        if steps == 0 || steps > 1 << MAX_LOG2 {
            return Err(Error::Usage(format!(
                "synthetic: {steps} steps is out of range (size is log2 of the circuit, at most {MAX_LOG2})"
            )));
        }
        let w = F::random(rng);
        Ok((Output(iterate(w, steps)), Seed { w, steps }))
    }

    /// A random output that the seed does not produce.
    fn sample_unsatisfiable(steps: usize, rng: &mut BenchRng) -> Result<(Output<F>, Seed<F>)> {
        let (y, seed) = Self::sample(steps, rng)?;
        Ok((Output(y.0 + F::from_u64(1)), seed))
    }

    fn holds(public: &Output<F>, witness: &Seed<F>) -> bool {
        iterate(witness.w, witness.steps) == public.0
    }

    fn public_elements(public: &Output<F>) -> Vec<F> {
        vec![public.0]
    }

    fn public_from_elements(elements: Vec<F>) -> Result<Output<F>> {
        single(elements, "synthetic output").map(Output)
    }
}
