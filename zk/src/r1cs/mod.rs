//! The statements as arkworks R1CS circuits, written once and generic over
//! the scalar field (BLS12-381 and BN254 for Groth16).
//!
//! Public inputs are allocated first, in the order of
//! [`Statement::public_elements`], so the Groth16 verifier's input vector is
//! exactly that list.

mod merkle;
mod preimage;
mod range;
mod sha256;
mod synthetic;

use ark_relations::gr1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError};
use ledgerbench_core::StatementSize;

use crate::poseidon::{ArkPoseidon, NativeField};
use crate::statement::Statement;

/// A statement family as an R1CS circuit over `F`.
pub trait R1csCircuit<F: ArkPoseidon + NativeField>: Statement<F> {
    /// The sizes measured for this circuit.
    const SIZE: StatementSize;

    /// The statement size for the user-facing `size` (the identity, except for
    /// the synthetic circuit whose `size` is log2 of the constraint count).
    fn statement_size(size: usize) -> usize {
        size
    }

    /// Allocates the public input, the witness and the constraints.
    fn synthesize(
        cs: ConstraintSystemRef<F>,
        public: &Self::Public,
        witness: &Self::Witness,
    ) -> Result<(), SynthesisError>;
}

/// One statement bound to its circuit, as arkworks' synthesizer wants it.
pub struct Bound<'a, F: ArkPoseidon + NativeField, C: R1csCircuit<F>> {
    /// The public input.
    pub public: &'a C::Public,
    /// The witness.
    pub witness: &'a C::Witness,
}

impl<F: ArkPoseidon + NativeField, C: R1csCircuit<F>> ConstraintSynthesizer<F> for Bound<'_, F, C> {
    fn generate_constraints(self, cs: ConstraintSystemRef<F>) -> Result<(), SynthesisError> {
        C::synthesize(cs, self.public, self.witness)
    }
}
