//! Bulletproofs range proofs (dalek `bulletproofs`, Ristretto255): the range
//! statement only, with aggregation of m = 1, 2, 4, 8 outputs into one proof.
//!
//! Public: Pedersen commitments `amount·B + blinding·B̃`, one per output.
//! Witness: amounts and blinding factors, as in the SNARK range circuits
//! (which commit with Poseidon instead). There is no circuit and no trusted
//! setup: the generators are derived from fixed labels, and sizes report them
//! as `params`. The library only proves `u64` amounts, so an out-of-range
//! witness (−1) fails to prove. Proof size is 32·(2·log₂(64·m) + 9) bytes.
//!
//! The Merlin transcript starts from [`TRANSCRIPT_LABEL`]; a ledger should
//! also append the transaction's context so a proof cannot be replayed into
//! another transaction.

use std::marker::PhantomData;

use bulletproofs::{BulletproofGens, PedersenGens, RangeProof};
use curve25519_dalek::ristretto::CompressedRistretto;
use curve25519_dalek::scalar::Scalar;
use ledgerbench_core::rng::Rng06;
use ledgerbench_core::{
    BenchRng, CircuitSize, Error, Family, Implementation, ProofSystem, Result, SchemeInfo,
    Security, Size, StatementSize,
};
use merlin::Transcript;

use crate::statement::range::AMOUNT_BITS;

/// The transcript's domain label.
pub const TRANSCRIPT_LABEL: &[u8] = b"ledgerbench.range.v1";

/// Largest aggregation supported.
pub const MAX_OUTPUTS: usize = 64;

/// Bulletproofs range proofs over m aggregated outputs.
pub struct Bulletproofs(PhantomData<()>);

/// The generators (the same for prover and verifier).
#[derive(Clone)]
pub struct Generators {
    bp: BulletproofGens,
    pc: PedersenGens,
    outputs: usize,
}

/// Amounts (scalars, so that an out-of-range amount can be expressed) and blindings.
#[derive(Clone, Debug)]
pub struct ScalarOpenings {
    /// The amounts.
    pub amounts: Vec<Scalar>,
    /// The blinding factors.
    pub blindings: Vec<Scalar>,
}

fn check_outputs(outputs: usize) -> Result<()> {
    if outputs == 0 || outputs > MAX_OUTPUTS || !outputs.is_power_of_two() {
        return Err(Error::Usage(format!(
            "bulletproofs-range: size {outputs} is not a power of two in 1..=64"
        )));
    }
    Ok(())
}

fn proof_error(op: &'static str) -> impl Fn(bulletproofs::ProofError) -> Error {
    move |e| Error::op(op, format!("{e:?}"))
}

/// The amount as a `u64`, if it is one.
fn amount_u64(amount: &Scalar) -> Option<u64> {
    let bytes = amount.to_bytes();
    let (low, high) = bytes.split_at(8);
    if high.iter().any(|b| *b != 0) {
        return None;
    }
    low.try_into().ok().map(u64::from_le_bytes)
}

fn commit(pc: &PedersenGens, amount: Scalar, blinding: Scalar) -> CompressedRistretto {
    pc.commit(amount, blinding).compress()
}

impl ProofSystem for Bulletproofs {
    type ProvingKey = Generators;
    type VerifyingKey = Generators;
    type Proof = RangeProof;
    type PublicInput = Vec<CompressedRistretto>;
    type Witness = ScalarOpenings;

    const INFO: SchemeInfo = SchemeInfo {
        name: "bulletproofs-range",
        family: Family::Zk,
        implementation: Implementation {
            id: "dalek",
            krate: "bulletproofs",
            backend: "ristretto255",
        },
        standard: "Bulletproofs (IEEE S&P 2018)",
        security: Security::ClassicalBits(128),
        deterministic: false,
        constant_time: false,
        sizes: &[("proof", Size::Variable)],
        note: "range proofs only; no trusted setup; proof 32·(2·log2(64m)+9) bytes for m outputs",
    };
    const SIZE: StatementSize = StatementSize {
        meaning: "outputs",
        quick: &[1, 8],
        full: &[1, 2, 4, 8],
        gate: 2,
    };

    fn setup(outputs: usize, _rng: &mut BenchRng) -> Result<(Generators, Generators)> {
        check_outputs(outputs)?;
        let gens = Generators {
            bp: BulletproofGens::new(AMOUNT_BITS, outputs),
            pc: PedersenGens::default(),
            outputs,
        };
        Ok((gens.clone(), gens))
    }

    fn statement(
        outputs: usize,
        rng: &mut BenchRng,
    ) -> Result<(Vec<CompressedRistretto>, ScalarOpenings)> {
        check_outputs(outputs)?;
        let pc = PedersenGens::default();
        let mut rng06 = Rng06(rng);
        let amounts: Vec<Scalar> = (0..outputs)
            .map(|_| Scalar::from(rand_core_06_next_u64(&mut rng06)))
            .collect();
        let blindings: Vec<Scalar> = (0..outputs).map(|_| Scalar::random(&mut rng06)).collect();
        let commitments = amounts
            .iter()
            .zip(&blindings)
            .map(|(a, r)| commit(&pc, *a, *r))
            .collect();
        Ok((commitments, ScalarOpenings { amounts, blindings }))
    }

    /// The first amount is −1 (ℓ − 1), committed correctly.
    fn unsatisfiable_statement(
        outputs: usize,
        rng: &mut BenchRng,
    ) -> Result<(Vec<CompressedRistretto>, ScalarOpenings)> {
        let (mut commitments, mut openings) = Self::statement(outputs, rng)?;
        openings.amounts[0] = -Scalar::ONE;
        commitments[0] = commit(
            &PedersenGens::default(),
            openings.amounts[0],
            openings.blindings[0],
        );
        Ok((commitments, openings))
    }

    fn prove(
        gens: &Generators,
        public: &Vec<CompressedRistretto>,
        witness: &ScalarOpenings,
        rng: &mut BenchRng,
    ) -> Result<RangeProof> {
        if witness.amounts.len() != gens.outputs || public.len() != gens.outputs {
            return Err(Error::op(
                "prove",
                "the statement's size differs from the generators'",
            ));
        }
        let values = witness
            .amounts
            .iter()
            .map(amount_u64)
            .collect::<Option<Vec<u64>>>()
            .ok_or_else(|| Error::op("prove", "an amount is not in [0, 2^64)"))?;
        let mut transcript = Transcript::new(TRANSCRIPT_LABEL);
        let (proof, commitments) = RangeProof::prove_multiple_with_rng(
            &gens.bp,
            &gens.pc,
            &mut transcript,
            &values,
            &witness.blindings,
            AMOUNT_BITS,
            &mut Rng06(rng),
        )
        .map_err(proof_error("prove"))?;
        if &commitments != public {
            return Err(Error::op(
                "prove",
                "the witness does not open the commitments",
            ));
        }
        Ok(proof)
    }

    fn verify(
        gens: &Generators,
        public: &Vec<CompressedRistretto>,
        proof: &RangeProof,
    ) -> Result<()> {
        if public.len() != gens.outputs {
            return Err(Error::Verification);
        }
        let mut transcript = Transcript::new(TRANSCRIPT_LABEL);
        proof
            .verify_multiple(&gens.bp, &gens.pc, &mut transcript, public, AMOUNT_BITS)
            .map_err(|_| Error::Verification)
    }

    fn encode_proof(proof: &RangeProof) -> Vec<u8> {
        proof.to_bytes()
    }

    fn decode_proof(bytes: &[u8]) -> Result<RangeProof> {
        RangeProof::from_bytes(bytes).map_err(|e| Error::decode("proof", format!("{e:?}")))
    }

    fn encode_public_input(public: &Vec<CompressedRistretto>) -> Vec<u8> {
        public.iter().flat_map(|c| c.to_bytes()).collect()
    }

    fn decode_public_input(bytes: &[u8]) -> Result<Vec<CompressedRistretto>> {
        if bytes.is_empty() || !bytes.len().is_multiple_of(32) {
            return Err(Error::decode(
                "commitments",
                "not a positive multiple of 32 bytes",
            ));
        }
        bytes
            .chunks(32)
            .map(|chunk| {
                let c = CompressedRistretto::from_slice(chunk)
                    .map_err(|e| Error::decode("commitment", e))?;
                c.decompress()
                    .map(|_| c)
                    .ok_or_else(|| Error::decode("commitment", "not a Ristretto point"))
            })
            .collect()
    }

    fn key_sizes(gens: &Generators, _vk: &Generators) -> Vec<(&'static str, usize)> {
        // G and H vectors of 64·m points each, plus B and B̃, as compressed points.
        vec![("params", (2 * AMOUNT_BITS * gens.outputs + 2) * 32)]
    }

    fn circuit_size(_pk: &Generators) -> Option<CircuitSize> {
        None
    }
}

/// A `u64` from a `rand_core` 0.6 RNG.
fn rand_core_06_next_u64(rng: &mut Rng06<'_>) -> u64 {
    rand_core::Rng::next_u64(rng.0)
}
