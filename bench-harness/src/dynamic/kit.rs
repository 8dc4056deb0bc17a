//! Object-safe "kits" over encoded bytes, for ledger workloads.
//!
//! A validator receives keys, signatures, ciphertexts and proofs as bytes, so
//! workload code works on encodings: verifying through a kit includes decoding,
//! as it does on a real node. One dynamic call per verification is noise next
//! to a signature check (microseconds); micro-benchmarks use `Prepared` instead.

use crate::{BenchRng, Result};

/// A signer holding its secret key.
pub trait Signer: Send + Sync {
    /// The encoded public key.
    fn public_key(&self) -> &[u8];
    /// Signs `msg`, returning the encoded signature.
    fn sign(&self, msg: &[u8], rng: &mut BenchRng) -> Result<Vec<u8>>;
}

/// Signature operations over encodings.
pub trait SigKit: Send + Sync {
    /// A fresh signer.
    fn new_signer(&self, rng: &mut BenchRng) -> Result<Box<dyn Signer>>;
    /// Decodes and verifies.
    fn verify_encoded(&self, pk: &[u8], msg: &[u8], sig: &[u8]) -> Result<()>;
    /// Batch verification, when the scheme has it.
    fn verify_batch_encoded(&self, _items: &[(&[u8], &[u8], &[u8])]) -> Option<Result<()>> {
        None
    }
    /// Whether [`SigKit::verify_batch_encoded`] is available. A capability
    /// probe: unlike calling it on an empty batch, it does no work (an empty
    /// Ed25519 batch still costs a scalar multiplication).
    fn batch_verifies(&self) -> bool {
        false
    }
    /// Whether [`SigKit::aggregate_encoded`] and the aggregate checks are available.
    fn aggregates(&self) -> bool {
        false
    }
    /// Verifies one aggregate signature by many signers of one message (keys
    /// aggregated first), when the scheme aggregates.
    fn verify_committee_encoded(
        &self,
        _pks: &[&[u8]],
        _msg: &[u8],
        _sig: &[u8],
    ) -> Option<Result<()>> {
        None
    }
    /// Aggregates encoded signatures, when the scheme aggregates.
    fn aggregate_encoded(&self, _sigs: &[&[u8]]) -> Option<Result<Vec<u8>>> {
        None
    }
    /// Verifies an aggregate over distinct messages, when the scheme aggregates.
    fn verify_aggregate_encoded(
        &self,
        _pks: &[&[u8]],
        _msgs: &[&[u8]],
        _sig: &[u8],
    ) -> Option<Result<()>> {
        None
    }
}

/// A KEM recipient holding its decapsulation key.
pub trait Recipient: Send + Sync {
    /// The encoded encapsulation key.
    fn encaps_key(&self) -> &[u8];
    /// Decapsulates an encoded ciphertext.
    fn decaps(&self, ct: &[u8]) -> Result<Vec<u8>>;
}

/// KEM operations over encodings.
pub trait KemKit: Send + Sync {
    /// A fresh recipient.
    fn new_recipient(&self, rng: &mut BenchRng) -> Result<Box<dyn Recipient>>;
    /// Encapsulates to an encoded key: (ciphertext, shared secret).
    fn encaps_encoded(&self, ek: &[u8], rng: &mut BenchRng) -> Result<(Vec<u8>, Vec<u8>)>;
}

/// Hashing over bytes.
pub trait HashKit: Send + Sync {
    /// One-shot digest.
    fn hash(&self, data: &[u8]) -> Vec<u8>;
}

/// A proof system set up for one statement size.
pub trait ZkProver: Send + Sync {
    /// Proves a fresh random valid statement: (encoded public inputs, proof).
    fn prove_random(&self, rng: &mut BenchRng) -> Result<(Vec<u8>, Vec<u8>)>;
    /// Verifies an encoded proof against encoded public inputs.
    fn verify_encoded(&self, public_inputs: &[u8], proof: &[u8]) -> Result<()>;
}

/// Zero-knowledge proof operations for workloads.
pub trait ZkKit: Send + Sync {
    /// Sets up the statement of the given size (depth, bits...).
    fn new_prover(&self, size: usize, rng: &mut BenchRng) -> Result<Box<dyn ZkProver>>;
}
