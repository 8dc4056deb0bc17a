//! 64-bit range proofs in R1CS: each amount is the sum of 64 witnessed bits
//! (64 booleanity constraints and one equality), and opens its Poseidon
//! commitment.

use ark_ff::BigInteger;
use ark_r1cs_std::fields::fp::FpVar;
use ark_r1cs_std::prelude::*;
use ark_relations::gr1cs::{ConstraintSystemRef, SynthesisError};
use ledgerbench_core::StatementSize;

use super::R1csCircuit;
use crate::poseidon::{ArkPoseidon, NativeField, ark_hash_var};
use crate::statement::range::{self, AMOUNT_BITS, Commitments, Openings, Range};

impl<F: ArkPoseidon + NativeField> R1csCircuit<F> for Range {
    const SIZE: StatementSize = range::SIZE;

    fn synthesize(
        cs: ConstraintSystemRef<F>,
        public: &Commitments<F>,
        witness: &Openings<F>,
    ) -> Result<(), SynthesisError> {
        let commitments = public
            .0
            .iter()
            .map(|c| FpVar::new_input(cs.clone(), || Ok(*c)))
            .collect::<Result<Vec<_>, _>>()?;
        if witness.amounts.len() != commitments.len()
            || witness.blindings.len() != commitments.len()
        {
            return Err(SynthesisError::Unsatisfiable);
        }
        for ((commitment, amount), blinding) in commitments
            .iter()
            .zip(&witness.amounts)
            .zip(&witness.blindings)
        {
            let amount_var = FpVar::new_witness(cs.clone(), || Ok(*amount))?;
            let blinding_var = FpVar::new_witness(cs.clone(), || Ok(*blinding))?;
            // The low 64 bits of the amount; an out-of-range amount does not
            // equal their sum, and the equality below fails.
            let value_bits = amount.into_bigint().to_bits_le();
            let bits = (0..AMOUNT_BITS)
                .map(|i| {
                    let bit = value_bits.get(i).copied().unwrap_or(false);
                    Boolean::new_witness(cs.clone(), || Ok(bit))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Boolean::le_bits_to_fp(&bits)?.enforce_equal(&amount_var)?;
            ark_hash_var(cs.clone(), &[amount_var, blinding_var])?.enforce_equal(commitment)?;
        }
        Ok(())
    }
}
