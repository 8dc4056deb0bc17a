//! Poseidon preimage in R1CS.

use ark_r1cs_std::fields::fp::FpVar;
use ark_r1cs_std::prelude::*;
use ark_relations::gr1cs::{ConstraintSystemRef, SynthesisError};
use ledgerbench_core::StatementSize;

use super::R1csCircuit;
use crate::poseidon::{ArkPoseidon, NativeField, ark_hash_var};
use crate::statement::preimage::{self, Digest, PoseidonPreimage, Preimage};

impl<F: ArkPoseidon + NativeField> R1csCircuit<F> for PoseidonPreimage {
    const SIZE: StatementSize = preimage::SIZE;

    fn synthesize(
        cs: ConstraintSystemRef<F>,
        public: &Digest<F>,
        witness: &Preimage<F>,
    ) -> Result<(), SynthesisError> {
        let y = FpVar::new_input(cs.clone(), || Ok(public.0))?;
        let x = FpVar::new_witness(cs.clone(), || Ok(witness.0))?;
        ark_hash_var(cs, &[x])?.enforce_equal(&y)
    }
}
