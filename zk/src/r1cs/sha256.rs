//! SHA-256 preimage in R1CS with arkworks' SHA-256 gadget.

use ark_crypto_primitives::crh::sha256::constraints::Sha256Gadget;
use ark_r1cs_std::fields::fp::FpVar;
use ark_r1cs_std::prelude::*;
use ark_r1cs_std::uint8::UInt8;
use ark_relations::gr1cs::{ConstraintSystemRef, SynthesisError};
use ledgerbench_core::StatementSize;

use super::R1csCircuit;
use crate::poseidon::{ArkPoseidon, NativeField};
use crate::statement::Statement;
use crate::statement::sha256::{self, Sha256Digest, Sha256Input, Sha256Preimage};

impl<F: ArkPoseidon + NativeField> R1csCircuit<F> for Sha256Preimage {
    const SIZE: StatementSize = sha256::SIZE;

    fn synthesize(
        cs: ConstraintSystemRef<F>,
        public: &Sha256Digest,
        witness: &Sha256Input,
    ) -> Result<(), SynthesisError> {
        let halves = <Self as Statement<F>>::public_elements(public)
            .into_iter()
            .map(|h| FpVar::new_input(cs.clone(), || Ok(h)))
            .collect::<Result<Vec<_>, _>>()?;
        let input = UInt8::new_witness_vec(cs.clone(), &witness.0)?;
        let digest = Sha256Gadget::digest(&input)?;
        let mut bits = Vec::with_capacity(256);
        for byte in &digest.0 {
            bits.extend(byte.to_bits_le()?);
        }
        for (half, chunk) in halves.iter().zip(bits.chunks(128)) {
            Boolean::le_bits_to_fp(chunk)?.enforce_equal(half)?;
        }
        Ok(())
    }
}
