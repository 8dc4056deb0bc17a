//! Merkle membership in R1CS: per level a one-constraint conditional swap and
//! a Poseidon gadget.

use ark_r1cs_std::fields::fp::FpVar;
use ark_r1cs_std::prelude::*;
use ark_relations::gr1cs::{ConstraintSystemRef, SynthesisError};
use ledgerbench_core::StatementSize;

use super::R1csCircuit;
use crate::poseidon::{ArkPoseidon, NativeField, ark_hash_var};
use crate::statement::merkle::{self, Merkle, Path, Root, is_right};

impl<F: ArkPoseidon + NativeField> R1csCircuit<F> for Merkle {
    const SIZE: StatementSize = merkle::SIZE;

    fn synthesize(
        cs: ConstraintSystemRef<F>,
        public: &Root<F>,
        witness: &Path<F>,
    ) -> Result<(), SynthesisError> {
        let root = FpVar::new_input(cs.clone(), || Ok(public.0))?;
        let mut node = FpVar::new_witness(cs.clone(), || Ok(witness.leaf))?;
        for (level, sibling) in witness.siblings.iter().enumerate() {
            let sibling = FpVar::new_witness(cs.clone(), || Ok(*sibling))?;
            let right = Boolean::new_witness(cs.clone(), || Ok(is_right(witness.index, level)))?;
            // A right child hashes as H(sibling, node); a left child as H(node, sibling).
            let first = right.select(&sibling, &node)?;
            let second = &node + &sibling - &first;
            node = ark_hash_var(cs.clone(), &[first, second])?;
        }
        node.enforce_equal(&root)
    }
}
