//! Range proof: committed amounts lie in [0, 2⁶⁴) (confidential payments).
//!
//! Public: one commitment per output. Witness: each output's amount and
//! blinding factor. In the SNARK circuits the commitment is
//! Poseidon(amount, blinding); Bulletproofs uses its native Pedersen
//! commitment `amount·B + blinding·B̃` on Ristretto (see
//! [`crate::bulletproofs`]) — the witness means the same in both. The
//! unsatisfiable witness commits to the amount −1 (p − 1 in the field), the
//! classic inflation attempt: the commitment opens, the range check fails.

use ledgerbench_core::rng::BenchRng;
use ledgerbench_core::{Error, Result, StatementSize};
use rand_core::Rng;

use super::{Statement, bad_size};
use crate::poseidon::NativeField;

/// Bits of an amount.
pub const AMOUNT_BITS: usize = 64;

/// Most outputs per proof.
pub const MAX_OUTPUTS: usize = 64;

/// Default sizes: the number of outputs (amounts) per proof.
pub const SIZE: StatementSize = StatementSize {
    meaning: "outputs",
    quick: &[1],
    full: &[1, 2, 4, 8],
    gate: 2,
};

/// The range statement family.
pub struct Range;

/// The public commitments, one per output.
#[derive(Clone, Debug, PartialEq)]
pub struct Commitments<F>(pub Vec<F>);

/// Amounts and blinding factors.
#[derive(Clone, Debug, PartialEq)]
pub struct Openings<F> {
    /// The amounts (field elements, so that an out-of-range amount can be expressed).
    pub amounts: Vec<F>,
    /// The blinding factors.
    pub blindings: Vec<F>,
}

/// The commitment to one amount.
pub fn commit<F: NativeField>(amount: F, blinding: F) -> F {
    F::hash2(amount, blinding)
}

/// Whether `amount` lies in [0, 2⁶⁴) (its encoding has no bits above bit 63).
pub fn in_range<F: NativeField>(amount: &F) -> bool {
    amount.to_bytes()[AMOUNT_BITS / 8..].iter().all(|b| *b == 0)
}

fn check_outputs(outputs: usize) -> Result<()> {
    if outputs == 0 || outputs > MAX_OUTPUTS {
        return Err(bad_size("range", outputs, "a number of outputs in 1..=64"));
    }
    Ok(())
}

impl<F: NativeField> Statement<F> for Range {
    type Public = Commitments<F>;
    type Witness = Openings<F>;

    fn sample(outputs: usize, rng: &mut BenchRng) -> Result<(Commitments<F>, Openings<F>)> {
        check_outputs(outputs)?;
        let amounts: Vec<F> = (0..outputs).map(|_| F::from_u64(rng.next_u64())).collect();
        let blindings: Vec<F> = (0..outputs).map(|_| F::random(rng)).collect();
        let commitments = amounts
            .iter()
            .zip(&blindings)
            .map(|(a, r)| commit(*a, *r))
            .collect();
        Ok((Commitments(commitments), Openings { amounts, blindings }))
    }

    /// The first amount is −1; its commitment opens correctly.
    fn sample_unsatisfiable(
        outputs: usize,
        rng: &mut BenchRng,
    ) -> Result<(Commitments<F>, Openings<F>)> {
        let (mut commitments, mut openings) = Self::sample(outputs, rng)?;
        let minus_one = F::from_u64(0) - F::from_u64(1);
        openings.amounts[0] = minus_one;
        commitments.0[0] = commit(minus_one, openings.blindings[0]);
        Ok((commitments, openings))
    }

    fn holds(public: &Commitments<F>, witness: &Openings<F>) -> bool {
        public.0.len() == witness.amounts.len()
            && witness.amounts.len() == witness.blindings.len()
            && witness.amounts.iter().all(in_range)
            && public
                .0
                .iter()
                .zip(witness.amounts.iter().zip(&witness.blindings))
                .all(|(c, (a, r))| commit(*a, *r) == *c)
    }

    fn public_elements(public: &Commitments<F>) -> Vec<F> {
        public.0.clone()
    }

    fn public_from_elements(elements: Vec<F>) -> Result<Commitments<F>> {
        check_outputs(elements.len()).map_err(|e| Error::decode("commitments", e))?;
        Ok(Commitments(elements))
    }
}
