//! The proof system over encoded bytes, for the workload engine.

use super::ZkEntry;
use crate::dynamic::kit::{ZkKit, ZkProver};
use crate::scheme::ProofSystem;
use crate::{BenchRng, Result};

/// A proof system set up for one size, behind the workload interface.
struct TypedProver<P: ProofSystem> {
    keys: (P::ProvingKey, P::VerifyingKey),
    size: usize,
}

impl<P: ProofSystem> ZkProver for TypedProver<P> {
    fn prove_random(&self, rng: &mut BenchRng) -> Result<(Vec<u8>, Vec<u8>)> {
        let (public, witness) = P::statement(self.size, rng)?;
        let proof = P::prove(&self.keys.0, &public, &witness, rng)?;
        Ok((P::encode_public_input(&public), P::encode_proof(&proof)))
    }

    fn verify_encoded(&self, public_inputs: &[u8], proof: &[u8]) -> Result<()> {
        let public = P::decode_public_input(public_inputs)?;
        P::verify(&self.keys.1, &public, &P::decode_proof(proof)?)
    }
}

impl<P: ProofSystem> ZkKit for ZkEntry<P> {
    fn new_prover(&self, size: usize, rng: &mut BenchRng) -> Result<Box<dyn ZkProver>> {
        let keys = P::setup(size, rng)?;
        Ok(Box::new(TypedProver::<P> { keys, size }))
    }
}
