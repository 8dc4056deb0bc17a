//! Hash preimage: knowledge of a secret `x` with Poseidon(x) = y (a nullifier
//! or a commitment opening).

use ledgerbench_core::rng::BenchRng;
use ledgerbench_core::{Result, StatementSize};

use super::{Statement, single};
use crate::poseidon::NativeField;

/// No size parameter: one field element is hashed.
pub const SIZE: StatementSize = StatementSize::FIXED;

/// The Poseidon preimage statement family.
pub struct PoseidonPreimage;

/// The public digest `y`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Digest<F>(pub F);

/// The secret preimage `x`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preimage<F>(pub F);

impl<F: NativeField> Statement<F> for PoseidonPreimage {
    type Public = Digest<F>;
    type Witness = Preimage<F>;

    fn sample(_size: usize, rng: &mut BenchRng) -> Result<(Digest<F>, Preimage<F>)> {
        let x = F::random(rng);
        Ok((Digest(F::hash1(x)), Preimage(x)))
    }

    /// A value that is not the preimage.
    fn sample_unsatisfiable(size: usize, rng: &mut BenchRng) -> Result<(Digest<F>, Preimage<F>)> {
        let (y, x) = Self::sample(size, rng)?;
        Ok((y, Preimage(x.0 + F::from_u64(1))))
    }

    fn holds(public: &Digest<F>, witness: &Preimage<F>) -> bool {
        F::hash1(witness.0) == public.0
    }

    fn public_elements(public: &Digest<F>) -> Vec<F> {
        vec![public.0]
    }

    fn public_from_elements(elements: Vec<F>) -> Result<Digest<F>> {
        single(elements, "digest").map(Digest)
    }
}
