//! Groth16 (arkworks `ark-groth16`) over BLS12-381 and BN254.
//!
//! Setup synthesizes the circuit once more than arkworks' generator does, to
//! keep the R1CS matrices with the proving key (as `ark-circom` does); proving
//! then synthesizes only the witness and calls
//! `create_proof_with_reduction_and_matrices`. A witness that does not satisfy
//! the constraints therefore yields a proof the verifier rejects (arkworks'
//! own `prove` would panic on it in debug builds).

mod batch;

use std::marker::PhantomData;

use ark_ec::pairing::Pairing;
use ark_groth16::{Groth16 as ArkGroth16, PreparedVerifyingKey, Proof, ProvingKey};
use ark_relations::gr1cs::{
    ConstraintSystem, OptimizationGoal, R1CS_PREDICATE_LABEL, SynthesisMode,
};
use ark_relations::utils::matrix::Matrix;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, Compress, Validate};
use ark_std::UniformRand;
use ledgerbench_core::rng::Rng06;
use ledgerbench_core::{
    BatchVerifyProofs, BenchRng, CircuitSize, Error, Family, Implementation, ProofSystem,
    Rerandomize, Result, SchemeInfo, Security, Size, StatementSize,
};

use crate::poseidon::{ArkPoseidon, NativeField, decode_elements, encode_elements};
use crate::r1cs::{Bound, R1csCircuit};

/// A pairing-friendly curve Groth16 runs on here.
pub trait Groth16Curve: Pairing<ScalarField: ArkPoseidon + NativeField> {
    /// Sizes for INFO (`proof`: two compressed G1 points and one G2 point).
    const SIZES: &'static [(&'static str, Size)];
    /// Estimated classical security.
    const SECURITY: Security;
    /// Remark for listings.
    const NOTE: &'static str;
}

impl Groth16Curve for ark_bls12_381::Bls12_381 {
    const SIZES: &'static [(&'static str, Size)] = &[("proof", Size::Exact(192))];
    const SECURITY: Security = Security::ClassicalBits(128);
    const NOTE: &'static str = "circuit-specific trusted setup; proofs are re-randomizable \
        (bind them to the transaction, never use one as an id); BLS12-381 ≈117–120-bit after NFS advances";
}

impl Groth16Curve for ark_bn254::Bn254 {
    const SIZES: &'static [(&'static str, Size)] = &[("proof", Size::Exact(128))];
    const SECURITY: Security = Security::ClassicalBits(100);
    const NOTE: &'static str = "circuit-specific trusted setup; proofs are re-randomizable \
        (bind them to the transaction, never use one as an id); BN254 ≈100-bit after exTNFS (Ethereum precompiles)";
}

/// The static description of one (curve, circuit) scheme.
pub trait Described {
    /// The scheme's INFO.
    const INFO: SchemeInfo;
}

/// INFO for Groth16 on curve `E` under the scheme name `name`.
pub const fn info<E: Groth16Curve>(name: &'static str) -> SchemeInfo {
    SchemeInfo {
        name,
        family: Family::Zk,
        implementation: Implementation {
            id: "arkworks",
            krate: "ark-groth16",
            backend: "rayon",
        },
        standard: "Groth16 (EUROCRYPT 2016)",
        security: E::SECURITY,
        deterministic: false,
        constant_time: false,
        sizes: E::SIZES,
        note: E::NOTE,
    }
}

/// Groth16 on curve `E` proving circuit `C`.
pub struct Groth16<E, C>(PhantomData<fn() -> (E, C)>);

/// The proving key with the circuit's R1CS matrices.
pub struct Groth16ProvingKey<E: Pairing> {
    pk: ProvingKey<E>,
    matrices: Vec<Matrix<E::ScalarField>>,
    num_instance: usize,
    num_constraints: usize,
}

/// The prepared verifying key (e(α, β) precomputed).
pub struct Groth16VerifyingKey<E: Pairing> {
    pvk: PreparedVerifyingKey<E>,
}

fn synthesis_error(op: &'static str) -> impl Fn(ark_relations::gr1cs::SynthesisError) -> Error {
    move |e| Error::op(op, e)
}

fn statement_size<E, C>(size: usize) -> usize
where
    E: Groth16Curve,
    C: R1csCircuit<E::ScalarField>,
{
    C::statement_size(size)
}

impl<E, C> ProofSystem for Groth16<E, C>
where
    E: Groth16Curve,
    C: R1csCircuit<E::ScalarField>,
    Self: Described,
{
    type ProvingKey = Groth16ProvingKey<E>;
    type VerifyingKey = Groth16VerifyingKey<E>;
    type Proof = Proof<E>;
    type PublicInput = C::Public;
    type Witness = C::Witness;

    const INFO: SchemeInfo = <Self as Described>::INFO;
    const SIZE: StatementSize = C::SIZE;

    fn setup(size: usize, rng: &mut BenchRng) -> Result<(Self::ProvingKey, Self::VerifyingKey)> {
        // Any statement of the right size fixes the circuit's shape.
        let (public, witness) = C::sample(statement_size::<E, C>(size), rng)?;
        let cs = ConstraintSystem::<E::ScalarField>::new_ref();
        cs.set_optimization_goal(OptimizationGoal::Constraints);
        cs.set_mode(SynthesisMode::Setup);
        C::synthesize(cs.clone(), &public, &witness).map_err(synthesis_error("setup"))?;
        cs.finalize();
        let matrices = cs
            .to_matrices()
            .map_err(synthesis_error("setup"))?
            .remove(R1CS_PREDICATE_LABEL)
            .ok_or_else(|| Error::op("setup", "no R1CS matrices"))?;
        let num_instance = cs.num_instance_variables();
        let num_constraints = cs.num_constraints();
        let bound = Bound::<E::ScalarField, C> {
            public: &public,
            witness: &witness,
        };
        let pk = ArkGroth16::<E>::generate_random_parameters_with_reduction(bound, &mut Rng06(rng))
            .map_err(synthesis_error("setup"))?;
        let pvk = ark_groth16::prepare_verifying_key(&pk.vk);
        Ok((
            Groth16ProvingKey {
                pk,
                matrices,
                num_instance,
                num_constraints,
            },
            Groth16VerifyingKey { pvk },
        ))
    }

    fn statement(size: usize, rng: &mut BenchRng) -> Result<(C::Public, C::Witness)> {
        C::sample(statement_size::<E, C>(size), rng)
    }

    fn unsatisfiable_statement(size: usize, rng: &mut BenchRng) -> Result<(C::Public, C::Witness)> {
        C::sample_unsatisfiable(statement_size::<E, C>(size), rng)
    }

    fn prove(
        pk: &Self::ProvingKey,
        public: &C::Public,
        witness: &C::Witness,
        rng: &mut BenchRng,
    ) -> Result<Proof<E>> {
        let cs = ConstraintSystem::<E::ScalarField>::new_ref();
        cs.set_optimization_goal(OptimizationGoal::Constraints);
        cs.set_mode(SynthesisMode::Prove {
            construct_matrices: false,
            generate_lc_assignments: false,
        });
        C::synthesize(cs.clone(), public, witness).map_err(synthesis_error("prove"))?;
        cs.finalize();
        let instance = cs.instance_assignment().map_err(synthesis_error("prove"))?;
        let aux = cs.witness_assignment().map_err(synthesis_error("prove"))?;
        if instance.len() != pk.num_instance
            || instance.len() + aux.len() != pk.pk.vk.gamma_abc_g1.len() + pk.pk.l_query.len()
        {
            return Err(Error::op(
                "prove",
                "the statement's size differs from the proving key's",
            ));
        }
        let full_assignment = [instance, aux].concat();
        let mut rng06 = Rng06(rng);
        let r = E::ScalarField::rand(&mut rng06);
        let s = E::ScalarField::rand(&mut rng06);
        ArkGroth16::<E>::create_proof_with_reduction_and_matrices(
            &pk.pk,
            r,
            s,
            &pk.matrices,
            pk.num_instance,
            pk.num_constraints,
            &full_assignment,
        )
        .map_err(synthesis_error("prove"))
    }

    fn verify(vk: &Self::VerifyingKey, public: &C::Public, proof: &Proof<E>) -> Result<()> {
        let inputs = C::public_elements(public);
        if inputs.len() + 1 != vk.pvk.vk.gamma_abc_g1.len() {
            return Err(Error::Verification);
        }
        match ArkGroth16::<E>::verify_proof(&vk.pvk, proof, &inputs) {
            Ok(true) => Ok(()),
            Ok(false) => Err(Error::Verification),
            Err(e) => Err(Error::op("verify", e)),
        }
    }

    fn encode_proof(proof: &Proof<E>) -> Vec<u8> {
        let mut out = Vec::with_capacity(proof.compressed_size());
        // Serializing into a Vec cannot fail.
        let _ = proof.serialize_compressed(&mut out);
        out
    }

    fn decode_proof(bytes: &[u8]) -> Result<Proof<E>> {
        let mut reader = bytes;
        let proof = Proof::<E>::deserialize_with_mode(&mut reader, Compress::Yes, Validate::Yes)
            .map_err(|e| Error::decode("proof", e))?;
        if !reader.is_empty() {
            return Err(Error::decode("proof", "trailing bytes"));
        }
        Ok(proof)
    }

    fn encode_public_input(public: &C::Public) -> Vec<u8> {
        encode_elements(&C::public_elements(public))
    }

    fn decode_public_input(bytes: &[u8]) -> Result<C::Public> {
        C::public_from_elements(decode_elements(bytes)?)
    }

    fn key_sizes(pk: &Self::ProvingKey, vk: &Self::VerifyingKey) -> Vec<(&'static str, usize)> {
        vec![
            ("pk", pk.pk.compressed_size()),
            ("vk", vk.pvk.vk.compressed_size()),
        ]
    }

    fn circuit_size(pk: &Self::ProvingKey) -> Option<CircuitSize> {
        Some(CircuitSize::Constraints(pk.num_constraints))
    }
}

impl<E, C> BatchVerifyProofs for Groth16<E, C>
where
    E: Groth16Curve,
    C: R1csCircuit<E::ScalarField>,
    Self: Described,
{
    fn verify_batch(
        vk: &Self::VerifyingKey,
        items: &[(&C::Public, &Proof<E>)],
        rng: &mut BenchRng,
    ) -> Result<()> {
        let inputs: Vec<Vec<E::ScalarField>> = items
            .iter()
            .map(|(public, _)| C::public_elements(public))
            .collect();
        let proofs: Vec<&Proof<E>> = items.iter().map(|(_, proof)| *proof).collect();
        batch::verify_batch(&vk.pvk, &inputs, &proofs, rng)
    }
}

impl<E, C> Rerandomize for Groth16<E, C>
where
    E: Groth16Curve,
    C: R1csCircuit<E::ScalarField>,
    Self: Described,
{
    fn rerandomize(
        vk: &Self::VerifyingKey,
        proof: &Proof<E>,
        rng: &mut BenchRng,
    ) -> Result<Proof<E>> {
        Ok(ArkGroth16::<E>::rerandomize_proof(
            &vk.pvk.vk,
            proof,
            &mut Rng06(rng),
        ))
    }
}
