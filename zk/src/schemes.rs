//! The registered (proof system, circuit) pairs and their ids.
//!
//! Each pair is a type of its own whose trait methods forward to the generic
//! implementation (`Groth16<E, C>`, `Halo2<C>`). The forwarding functions are
//! not generic, so this crate compiles each pair's prover and verifier once,
//! optimised; the registry and the tests call them instead of instantiating
//! the arkworks and halo2 code again in every crate and test that uses a pair
//! (in a release build, LTO sees through the call either way).

use ark_bls12_381::Bls12_381;
use ark_bn254::Bn254;
use ledgerbench_core::{
    BatchVerifyProofs, BenchRng, Catalog, CircuitSize, ProofListing, ProofSystem, Rerandomize,
    Result, SchemeInfo, StatementSize,
};

use crate::bulletproofs::Bulletproofs;
use crate::groth16::{Described, Groth16, info};
use crate::halo2::Halo2;
use crate::statement::merkle::Merkle;
use crate::statement::preimage::PoseidonPreimage;
use crate::statement::range::Range;
use crate::statement::sha256::Sha256Preimage;
use crate::statement::synthetic::Synthetic;

/// Declares `$name` as a proof system that forwards every `ProofSystem` item
/// to `$generic`.
macro_rules! forward_proof_system {
    ($(#[$doc:meta])* $name:ident = $generic:ty) => {
        $(#[$doc])*
        pub struct $name;

        impl ProofSystem for $name {
            type ProvingKey = <$generic as ProofSystem>::ProvingKey;
            type VerifyingKey = <$generic as ProofSystem>::VerifyingKey;
            type Proof = <$generic as ProofSystem>::Proof;
            type PublicInput = <$generic as ProofSystem>::PublicInput;
            type Witness = <$generic as ProofSystem>::Witness;

            const INFO: SchemeInfo = <$generic as ProofSystem>::INFO;
            const SIZE: StatementSize = <$generic as ProofSystem>::SIZE;
            const VARIABLE_TIME_PROVE: bool = <$generic as ProofSystem>::VARIABLE_TIME_PROVE;

            fn setup(
                size: usize,
                rng: &mut BenchRng,
            ) -> Result<(Self::ProvingKey, Self::VerifyingKey)> {
                <$generic>::setup(size, rng)
            }

            fn statement(
                size: usize,
                rng: &mut BenchRng,
            ) -> Result<(Self::PublicInput, Self::Witness)> {
                <$generic>::statement(size, rng)
            }

            fn unsatisfiable_statement(
                size: usize,
                rng: &mut BenchRng,
            ) -> Result<(Self::PublicInput, Self::Witness)> {
                <$generic>::unsatisfiable_statement(size, rng)
            }

            fn prove(
                pk: &Self::ProvingKey,
                public: &Self::PublicInput,
                witness: &Self::Witness,
                rng: &mut BenchRng,
            ) -> Result<Self::Proof> {
                <$generic>::prove(pk, public, witness, rng)
            }

            fn verify(
                vk: &Self::VerifyingKey,
                public: &Self::PublicInput,
                proof: &Self::Proof,
            ) -> Result<()> {
                <$generic>::verify(vk, public, proof)
            }

            fn encode_proof(proof: &Self::Proof) -> Vec<u8> {
                <$generic>::encode_proof(proof)
            }

            fn decode_proof(bytes: &[u8]) -> Result<Self::Proof> {
                <$generic>::decode_proof(bytes)
            }

            fn encode_public_input(public: &Self::PublicInput) -> Vec<u8> {
                <$generic>::encode_public_input(public)
            }

            fn decode_public_input(bytes: &[u8]) -> Result<Self::PublicInput> {
                <$generic>::decode_public_input(bytes)
            }

            fn key_sizes(
                pk: &Self::ProvingKey,
                vk: &Self::VerifyingKey,
            ) -> Vec<(&'static str, usize)> {
                <$generic>::key_sizes(pk, vk)
            }

            fn circuit_size(pk: &Self::ProvingKey) -> Option<CircuitSize> {
                <$generic>::circuit_size(pk)
            }
        }
    };
}

macro_rules! groth16 {
    ($alias:ident, $curve:ty, $circuit:ty, $name:literal) => {
        impl Described for Groth16<$curve, $circuit> {
            const INFO: SchemeInfo = info::<$curve>($name);
        }

        forward_proof_system!(
            #[doc = concat!("`", $name, "/arkworks`: Groth16 on ", stringify!($curve), " proving ", stringify!($circuit), ".")]
            $alias = Groth16<$curve, $circuit>
        );

        impl BatchVerifyProofs for $alias {
            fn verify_batch(
                vk: &Self::VerifyingKey,
                items: &[(&Self::PublicInput, &Self::Proof)],
                rng: &mut BenchRng,
            ) -> Result<()> {
                <Groth16<$curve, $circuit>>::verify_batch(vk, items, rng)
            }
        }

        impl Rerandomize for $alias {
            fn rerandomize(
                vk: &Self::VerifyingKey,
                proof: &Self::Proof,
                rng: &mut BenchRng,
            ) -> Result<Self::Proof> {
                <Groth16<$curve, $circuit>>::rerandomize(vk, proof, rng)
            }
        }
    };
}

groth16!(
    Groth16Bls12381Range,
    Bls12_381,
    Range,
    "groth16-bls12-381-range"
);
groth16!(
    Groth16Bls12381Merkle,
    Bls12_381,
    Merkle,
    "groth16-bls12-381-merkle"
);
groth16!(
    Groth16Bls12381Poseidon,
    Bls12_381,
    PoseidonPreimage,
    "groth16-bls12-381-preimage-poseidon"
);
groth16!(
    Groth16Bls12381Sha256,
    Bls12_381,
    Sha256Preimage,
    "groth16-bls12-381-preimage-sha256"
);
groth16!(
    Groth16Bls12381Synthetic,
    Bls12_381,
    Synthetic,
    "groth16-bls12-381-synthetic"
);
groth16!(Groth16Bn254Range, Bn254, Range, "groth16-bn254-range");
groth16!(Groth16Bn254Merkle, Bn254, Merkle, "groth16-bn254-merkle");
groth16!(
    Groth16Bn254Poseidon,
    Bn254,
    PoseidonPreimage,
    "groth16-bn254-preimage-poseidon"
);
groth16!(
    Groth16Bn254Sha256,
    Bn254,
    Sha256Preimage,
    "groth16-bn254-preimage-sha256"
);
groth16!(
    Groth16Bn254Synthetic,
    Bn254,
    Synthetic,
    "groth16-bn254-synthetic"
);

forward_proof_system!(
    /// `halo2-ipa-range/halo2`.
    Halo2Range = Halo2<Range>
);
forward_proof_system!(
    /// `halo2-ipa-merkle/halo2`.
    Halo2Merkle = Halo2<Merkle>
);
forward_proof_system!(
    /// `halo2-ipa-preimage-poseidon/halo2`.
    Halo2Poseidon = Halo2<PoseidonPreimage>
);
forward_proof_system!(
    /// `halo2-ipa-synthetic/halo2`.
    Halo2Synthetic = Halo2<Synthetic>
);

/// Lists a Groth16 pair with batch verification and the malleability check.
fn groth16<P, C>(c: &mut C, full_suite_only: bool)
where
    P: BatchVerifyProofs + Rerandomize,
    C: Catalog,
{
    c.proof_with::<P>(|p| {
        let p = p.with_batch().with_rerandomize();
        if full_suite_only {
            p.full_suite_only()
        } else {
            p
        }
    });
}

/// Every scheme of this crate, listed for the registry (SHA-256 preimage
/// circuits, whose setup and proving take seconds, run in the full suite).
pub fn catalog(c: &mut impl Catalog) {
    groth16::<Groth16Bls12381Range, _>(c, false);
    groth16::<Groth16Bls12381Merkle, _>(c, false);
    groth16::<Groth16Bls12381Poseidon, _>(c, false);
    groth16::<Groth16Bls12381Sha256, _>(c, true);
    groth16::<Groth16Bls12381Synthetic, _>(c, false);
    groth16::<Groth16Bn254Range, _>(c, false);
    groth16::<Groth16Bn254Merkle, _>(c, false);
    groth16::<Groth16Bn254Poseidon, _>(c, false);
    groth16::<Groth16Bn254Sha256, _>(c, true);
    groth16::<Groth16Bn254Synthetic, _>(c, false);
    c.proof::<Halo2Range>();
    c.proof::<Halo2Merkle>();
    c.proof::<Halo2Poseidon>();
    c.proof::<Halo2Synthetic>();
    c.proof::<Bulletproofs>();
}
