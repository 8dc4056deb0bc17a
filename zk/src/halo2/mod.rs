//! halo2 (zcash `halo2_proofs`): PLONKish arithmetization with the IPA
//! polynomial commitment over the Pasta cycle — circuits over the Pallas base
//! field, commitments on Vesta, no trusted setup.
//!
//! Setup generates the IPA parameters for the smallest domain 2ᵏ that holds
//! the circuit (hashing 2ᵏ generators to the curve: circuit-independent and
//! reproducible by anyone, but counted in setup time) and the circuit's keys.
//! halo2_proofs 0.4 does not serialize keys, so sizes report `params` (the
//! IPA generators, which both prover and verifier hold) rather than `pk`/`vk`.

mod rows;

pub use rows::{Shape, WithConstants, reserved_rows, shape};

use std::cell::Cell;
use std::io::Read;
use std::marker::PhantomData;
use std::sync::Arc;

use halo2_proofs::pasta::EqAffine;
use halo2_proofs::plonk::{
    Circuit, ProvingKey as HaloProvingKey, SingleVerifier, VerifyingKey as HaloVerifyingKey,
    create_proof, keygen_pk, keygen_vk, verify_proof,
};
use halo2_proofs::poly::commitment::Params;
use halo2_proofs::transcript::{Blake2bRead, Blake2bWrite, Challenge255};
use ledgerbench_core::{
    BenchRng, CircuitSize, Error, Family, Implementation, ProofSystem, Result, SchemeInfo,
    Security, Size, StatementSize,
};

use crate::poseidon::{PastaFp, decode_elements, encode_elements};
use crate::statement::Statement;

/// A statement family as a halo2 circuit over the Pallas base field.
pub trait PlonkCircuit: Statement<PastaFp> {
    /// The halo2 circuit.
    type Circuit: Circuit<PastaFp, Config: WithConstants> + Clone + Send + Sync;
    /// The sizes measured for this circuit.
    const SIZE: StatementSize;
    /// The scheme name (`halo2-ipa-merkle`).
    const NAME: &'static str;

    /// The statement size for the user-facing `size` (the identity, except for
    /// the synthetic circuit whose `size` is log2 of the rows).
    fn statement_size(size: usize) -> usize {
        size
    }

    /// The circuit for a statement of `statement_size`, with the witness when proving.
    fn circuit(
        statement_size: usize,
        values: Option<(&Self::Public, &Self::Witness)>,
    ) -> Self::Circuit;
}

/// halo2 over Pasta proving circuit `C`.
pub struct Halo2<C>(PhantomData<fn() -> C>);

/// Parameters, proving key and the circuit's shape.
pub struct Halo2ProvingKey {
    params: Arc<Params<EqAffine>>,
    pk: HaloProvingKey<EqAffine>,
    statement_size: usize,
    shape: Shape,
}

/// Parameters and verifying key.
pub struct Halo2VerifyingKey {
    params: Arc<Params<EqAffine>>,
    vk: HaloVerifyingKey<EqAffine>,
}

/// INFO for the halo2 scheme named `name`.
pub const fn info(name: &'static str) -> SchemeInfo {
    SchemeInfo {
        name,
        family: Family::Zk,
        implementation: Implementation {
            id: "halo2",
            krate: "halo2_proofs",
            backend: "ipa-pasta",
        },
        standard: "halo2 (PLONKish + IPA, Zcash Orchard)",
        security: Security::ClassicalBits(126),
        deterministic: false,
        constant_time: false,
        sizes: &[("proof", Size::Variable)],
        note: "transparent setup (no trusted setup); linear-time verifier; Blake2b transcript",
    }
}

fn halo_error(op: &'static str) -> impl Fn(halo2_proofs::plonk::Error) -> Error {
    move |e| Error::op(op, format!("{e:?}"))
}

/// Counts the bytes the verifier reads, so trailing bytes can be rejected.
struct CountingReader<'a> {
    bytes: &'a [u8],
    read: &'a Cell<usize>,
}

impl Read for CountingReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.bytes.read(buf)?;
        self.read.set(self.read.get() + n);
        Ok(n)
    }
}

/// Bytes `Params::write` produces (counted, not stored).
fn params_len(params: &Params<EqAffine>) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    match params.write(&mut count) {
        Ok(()) => count.0,
        Err(_) => 0,
    }
}

impl<C: PlonkCircuit> ProofSystem for Halo2<C> {
    type ProvingKey = Halo2ProvingKey;
    type VerifyingKey = Halo2VerifyingKey;
    type Proof = Vec<u8>;
    type PublicInput = C::Public;
    type Witness = C::Witness;

    const INFO: SchemeInfo = info(C::NAME);
    const SIZE: StatementSize = C::SIZE;

    fn setup(size: usize, rng: &mut BenchRng) -> Result<(Halo2ProvingKey, Halo2VerifyingKey)> {
        let statement_size = C::statement_size(size);
        // Sampling validates the size before the circuit is laid out.
        C::sample(statement_size, rng)?;
        let circuit = C::circuit(statement_size, None);
        let shape = shape(&circuit).map_err(halo_error("setup"))?;
        let params = Arc::new(Params::<EqAffine>::new(shape.k));
        let vk = keygen_vk(&params, &circuit).map_err(halo_error("setup"))?;
        let pk = keygen_pk(&params, vk.clone(), &circuit).map_err(halo_error("setup"))?;
        Ok((
            Halo2ProvingKey {
                params: params.clone(),
                pk,
                statement_size,
                shape,
            },
            Halo2VerifyingKey { params, vk },
        ))
    }

    fn statement(size: usize, rng: &mut BenchRng) -> Result<(C::Public, C::Witness)> {
        C::sample(C::statement_size(size), rng)
    }

    fn unsatisfiable_statement(size: usize, rng: &mut BenchRng) -> Result<(C::Public, C::Witness)> {
        C::sample_unsatisfiable(C::statement_size(size), rng)
    }

    fn prove(
        pk: &Halo2ProvingKey,
        public: &C::Public,
        witness: &C::Witness,
        rng: &mut BenchRng,
    ) -> Result<Vec<u8>> {
        let circuit = C::circuit(pk.statement_size, Some((public, witness)));
        let instance = C::public_elements(public);
        let mut transcript = Blake2bWrite::<_, EqAffine, Challenge255<_>>::init(Vec::new());
        create_proof(
            &pk.params,
            &pk.pk,
            &[circuit],
            &[&[&instance]],
            &mut *rng,
            &mut transcript,
        )
        .map_err(halo_error("prove"))?;
        Ok(transcript.finalize())
    }

    fn verify(vk: &Halo2VerifyingKey, public: &C::Public, proof: &Vec<u8>) -> Result<()> {
        let instance = C::public_elements(public);
        let read = Cell::new(0);
        let reader = CountingReader {
            bytes: proof,
            read: &read,
        };
        let mut transcript = Blake2bRead::<_, EqAffine, Challenge255<_>>::init(reader);
        verify_proof(
            &vk.params,
            &vk.vk,
            SingleVerifier::new(&vk.params),
            &[&[&instance]],
            &mut transcript,
        )
        .map_err(|_| Error::Verification)?;
        if read.get() != proof.len() {
            return Err(Error::Verification);
        }
        Ok(())
    }

    fn encode_proof(proof: &Vec<u8>) -> Vec<u8> {
        proof.clone()
    }

    fn decode_proof(bytes: &[u8]) -> Result<Vec<u8>> {
        if bytes.is_empty() {
            return Err(Error::decode("proof", "empty"));
        }
        Ok(bytes.to_vec())
    }

    fn encode_public_input(public: &C::Public) -> Vec<u8> {
        encode_elements(&C::public_elements(public))
    }

    fn decode_public_input(bytes: &[u8]) -> Result<C::Public> {
        C::public_from_elements(decode_elements(bytes)?)
    }

    fn key_sizes(pk: &Halo2ProvingKey, _vk: &Halo2VerifyingKey) -> Vec<(&'static str, usize)> {
        vec![("params", params_len(&pk.params))]
    }

    fn circuit_size(pk: &Halo2ProvingKey) -> Option<CircuitSize> {
        Some(CircuitSize::Rows(pk.shape.rows))
    }
}

impl Halo2ProvingKey {
    /// The circuit's shape (rows used, reserved rows, k).
    pub fn shape(&self) -> Shape {
        self.shape
    }
}
