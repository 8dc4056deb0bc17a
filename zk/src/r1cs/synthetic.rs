//! The synthetic circuit in R1CS: one multiplication constraint per step.
//!
//! Size `k` fills Groth16's evaluation domain of 2ᵏ exactly: 2ᵏ − 2 steps
//! (constraints), plus the two instance rows (the constant 1 and y) Groth16
//! adds to the domain.

use ark_r1cs_std::fields::fp::FpVar;
use ark_r1cs_std::prelude::*;
use ark_relations::gr1cs::{ConstraintSystemRef, SynthesisError};
use ledgerbench_core::StatementSize;

use super::R1csCircuit;
use crate::poseidon::{ArkPoseidon, NativeField};
use crate::statement::synthetic::{self, Output, Seed, Synthetic};

impl<F: ArkPoseidon + NativeField> R1csCircuit<F> for Synthetic {
    const SIZE: StatementSize = synthetic::SIZE;

    fn statement_size(log2: usize) -> usize {
        if log2 > synthetic::MAX_LOG2 {
            return usize::MAX;
        }
        (1usize << log2).saturating_sub(2).max(1)
    }

    fn synthesize(
        cs: ConstraintSystemRef<F>,
        public: &Output<F>,
        witness: &Seed<F>,
    ) -> Result<(), SynthesisError> {
        let y = FpVar::new_input(cs.clone(), || Ok(public.0))?;
        let w = FpVar::new_witness(cs.clone(), || Ok(witness.w))?;
        let mut z = w.clone();
        for _ in 1..witness.steps {
            z = &z * &z + &w;
        }
        // The last step writes into the public output: z² = y − w.
        z.mul_equals(&z, &(&y - &w))
    }
}
