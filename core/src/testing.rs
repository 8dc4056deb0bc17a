//! Insecure toy schemes for testing harnesses and reports (the `testing` feature). They are never
//! registered by the ledgerbench binary; tests and doc examples use them to
//! exercise the engine without real cryptography.

use crate::scheme::{BatchVerifyProofs, CircuitSize, ProofSystem, StatementSize};
use crate::{
    BenchRng, Error, Family, HashFn, Implementation, Kem, Result, SchemeInfo, Security,
    SignatureScheme, Size,
};
use rand_core::Rng;

/// FNV-1a over `parts`, widened to 32 bytes by four differently-salted passes.
fn toy_hash(parts: &[&[u8]]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (lane, chunk) in out.chunks_mut(8).enumerate() {
        let mut h = 0xcbf2_9ce4_8422_2325u64 ^ lane as u64;
        for part in parts {
            for b in *part {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        chunk.copy_from_slice(&h.to_le_bytes());
    }
    out
}

const TOY_IMPL: Implementation = Implementation {
    id: "toy",
    krate: "ledgerbench-core",
    backend: "portable",
};

/// A toy "signature": a keyed hash whose public key equals its secret key.
/// Insecure by construction; correct enough to pass the gate.
pub struct ToySig;

impl SignatureScheme for ToySig {
    type SecretKey = [u8; 32];
    type PublicKey = [u8; 32];
    type Signature = [u8; 32];
    const INFO: SchemeInfo = SchemeInfo {
        name: "toy-sig",
        family: Family::Sig,
        implementation: TOY_IMPL,
        standard: "none (test only)",
        security: Security::ClassicalBits(0),
        deterministic: true,
        constant_time: false,
        sizes: &[
            ("pk", Size::Exact(32)),
            ("sk", Size::Exact(32)),
            ("sig", Size::Exact(32)),
        ],
        note: "insecure toy for harness tests",
    };

    fn keygen(rng: &mut BenchRng) -> Result<([u8; 32], [u8; 32])> {
        let mut sk = [0u8; 32];
        rng.fill_bytes(&mut sk);
        Ok((sk, sk))
    }
    fn sign(sk: &[u8; 32], msg: &[u8], _rng: &mut BenchRng) -> Result<[u8; 32]> {
        Ok(toy_hash(&[sk, msg]))
    }
    fn verify(pk: &[u8; 32], msg: &[u8], sig: &[u8; 32]) -> Result<()> {
        if toy_hash(&[pk, msg]) == *sig {
            Ok(())
        } else {
            Err(Error::Verification)
        }
    }
    fn encode_public_key(pk: &[u8; 32]) -> Vec<u8> {
        pk.to_vec()
    }
    fn decode_public_key(bytes: &[u8]) -> Result<[u8; 32]> {
        crate::encoding::fixed(bytes, "public key")
    }
    fn encode_secret_key(sk: &[u8; 32]) -> Vec<u8> {
        sk.to_vec()
    }
    fn encode_signature(sig: &[u8; 32]) -> Vec<u8> {
        sig.to_vec()
    }
    fn decode_signature(bytes: &[u8]) -> Result<[u8; 32]> {
        crate::encoding::fixed(bytes, "signature")
    }
}

impl crate::BatchVerify for ToySig {
    fn verify_batch(items: &[(&[u8; 32], &[u8], &[u8; 32])]) -> Result<()> {
        items
            .iter()
            .try_for_each(|(pk, msg, sig)| Self::verify(pk, msg, sig))
    }
}

impl crate::RepresentativeSigning for ToySig {
    fn signing_sets() -> Result<Vec<crate::SigningSet<Self>>> {
        let key = [7u8; 32];
        let messages = (0u8..7).map(|i| vec![i; usize::from(i)]).collect();
        Ok(vec![crate::SigningSet {
            label: "toy",
            secret_key: key,
            public_key: key,
            messages,
        }])
    }
}

/// A broken scheme whose `verify` accepts everything: the gate must refuse it.
pub struct AcceptAllSig;

impl SignatureScheme for AcceptAllSig {
    type SecretKey = [u8; 32];
    type PublicKey = [u8; 32];
    type Signature = [u8; 32];
    const INFO: SchemeInfo = SchemeInfo {
        name: "accept-all",
        note: "broken on purpose",
        ..ToySig::INFO
    };

    fn keygen(rng: &mut BenchRng) -> Result<([u8; 32], [u8; 32])> {
        ToySig::keygen(rng)
    }
    fn sign(sk: &[u8; 32], msg: &[u8], rng: &mut BenchRng) -> Result<[u8; 32]> {
        ToySig::sign(sk, msg, rng)
    }
    fn verify(_pk: &[u8; 32], _msg: &[u8], _sig: &[u8; 32]) -> Result<()> {
        Ok(())
    }
    fn encode_public_key(pk: &[u8; 32]) -> Vec<u8> {
        pk.to_vec()
    }
    fn decode_public_key(bytes: &[u8]) -> Result<[u8; 32]> {
        crate::encoding::fixed(bytes, "public key")
    }
    fn encode_secret_key(sk: &[u8; 32]) -> Vec<u8> {
        sk.to_vec()
    }
    fn encode_signature(sig: &[u8; 32]) -> Vec<u8> {
        sig.to_vec()
    }
    fn decode_signature(bytes: &[u8]) -> Result<[u8; 32]> {
        crate::encoding::fixed(bytes, "signature")
    }
}

/// 64-bit FNV-1a as a toy hash (not cryptographic), with its published known answers.
pub struct ToyHash;

impl HashFn for ToyHash {
    type State = u64;
    type Digest = [u8; 8];
    const INFO: SchemeInfo = SchemeInfo {
        name: "fnv1a-64",
        family: Family::Hash,
        sizes: &[("digest", Size::Exact(8))],
        ..ToySig::INFO
    };
    // Published FNV-1a 64-bit test values.
    const KNOWN_ANSWERS: &'static [(&'static [u8], &'static str)] =
        &[(b"", "cbf29ce484222325"), (b"a", "af63dc4c8601ec8c")];

    fn digest(data: &[u8]) -> [u8; 8] {
        let mut s = Self::new();
        Self::update(&mut s, data);
        Self::finalize(s)
    }
    fn new() -> u64 {
        0xcbf2_9ce4_8422_2325
    }
    fn update(state: &mut u64, data: &[u8]) {
        for b in data {
            *state ^= u64::from(*b);
            *state = state.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finalize(state: u64) -> [u8; 8] {
        state.to_be_bytes()
    }
}

/// A toy KEM whose encapsulation key equals its decapsulation key. Insecure.
pub struct ToyKem;

impl Kem for ToyKem {
    type DecapsKey = [u8; 32];
    type EncapsKey = [u8; 32];
    type Ciphertext = [u8; 32];
    type SharedSecret = [u8; 32];
    const INFO: SchemeInfo = SchemeInfo {
        name: "toy-kem",
        family: Family::Kem,
        sizes: &[
            ("ek", Size::Exact(32)),
            ("dk", Size::Exact(32)),
            ("ct", Size::Exact(32)),
            ("ss", Size::Exact(32)),
        ],
        deterministic: false,
        ..ToySig::INFO
    };

    fn keygen(rng: &mut BenchRng) -> Result<([u8; 32], [u8; 32])> {
        ToySig::keygen(rng)
    }
    fn encaps(ek: &[u8; 32], rng: &mut BenchRng) -> Result<([u8; 32], [u8; 32])> {
        let mut ct = [0u8; 32];
        rng.fill_bytes(&mut ct);
        Ok((ct, toy_hash(&[ek, &ct])))
    }
    fn decaps(dk: &[u8; 32], ct: &[u8; 32]) -> Result<[u8; 32]> {
        Ok(toy_hash(&[dk, ct]))
    }
    fn encode_encaps_key(ek: &[u8; 32]) -> Vec<u8> {
        ek.to_vec()
    }
    fn decode_encaps_key(bytes: &[u8]) -> Result<[u8; 32]> {
        crate::encoding::fixed(bytes, "encapsulation key")
    }
    fn encode_decaps_key(dk: &[u8; 32]) -> Vec<u8> {
        dk.to_vec()
    }
    fn encode_ciphertext(ct: &[u8; 32]) -> Vec<u8> {
        ct.to_vec()
    }
    fn decode_ciphertext(bytes: &[u8]) -> Result<[u8; 32]> {
        crate::encoding::fixed(bytes, "ciphertext")
    }
}

fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn u64_at(bytes: &[u8]) -> Result<u64> {
    let arr: [u8; 8] = bytes
        .try_into()
        .map_err(|_| Error::decode("toy", "expected 8 bytes"))?;
    Ok(u64::from_le_bytes(arr))
}

/// An insecure toy proof system: the relation is `y = mix(x, size)`; the
/// "proof" is a MAC of `y` under the setup key, produced only for a valid
/// witness. Passes the conformance kit.
pub struct ToyProof;

impl ProofSystem for ToyProof {
    type ProvingKey = (u64, usize);
    type VerifyingKey = u64;
    type Proof = u64;
    type PublicInput = u64;
    type Witness = u64;
    const INFO: SchemeInfo = SchemeInfo {
        name: "toy-proof",
        family: Family::Zk,
        implementation: Implementation {
            id: "toy",
            krate: "ledgerbench-core",
            backend: "portable",
        },
        standard: "none (test only)",
        security: Security::ClassicalBits(0),
        deterministic: true,
        constant_time: false,
        sizes: &[("proof", Size::Exact(8)), ("vk", Size::Exact(8))],
        note: "insecure toy",
    };
    const SIZE: StatementSize = StatementSize {
        meaning: "toy size",
        quick: &[1, 2],
        full: &[1, 2, 3],
        gate: 1,
    };

    fn setup(size: usize, rng: &mut BenchRng) -> Result<((u64, usize), u64)> {
        let k = rng.next_u64();
        Ok(((k, size), k))
    }
    fn statement(size: usize, rng: &mut BenchRng) -> Result<(u64, u64)> {
        let x = rng.next_u64();
        Ok((mix(&[x, size as u64]), x))
    }
    fn unsatisfiable_statement(size: usize, rng: &mut BenchRng) -> Result<(u64, u64)> {
        let (y, x) = Self::statement(size, rng)?;
        Ok((y, x ^ 1))
    }
    fn prove(pk: &(u64, usize), y: &u64, x: &u64, _rng: &mut BenchRng) -> Result<u64> {
        if mix(&[*x, pk.1 as u64]) != *y {
            return Err(Error::op("prove", "unsatisfied"));
        }
        Ok(mix(&[pk.0, *y]))
    }
    fn verify(vk: &u64, y: &u64, proof: &u64) -> Result<()> {
        if mix(&[*vk, *y]) == *proof {
            Ok(())
        } else {
            Err(Error::Verification)
        }
    }
    fn encode_proof(proof: &u64) -> Vec<u8> {
        proof.to_le_bytes().to_vec()
    }
    fn decode_proof(bytes: &[u8]) -> Result<u64> {
        u64_at(bytes)
    }
    fn encode_public_input(public: &u64) -> Vec<u8> {
        public.to_le_bytes().to_vec()
    }
    fn decode_public_input(bytes: &[u8]) -> Result<u64> {
        u64_at(bytes)
    }
    fn key_sizes(_pk: &(u64, usize), _vk: &u64) -> Vec<(&'static str, usize)> {
        vec![("pk", 8), ("vk", 8)]
    }
    fn circuit_size(pk: &(u64, usize)) -> Option<CircuitSize> {
        Some(CircuitSize::Constraints(pk.1 * 10))
    }
}

impl BatchVerifyProofs for ToyProof {
    fn verify_batch(vk: &u64, items: &[(&u64, &u64)], _rng: &mut BenchRng) -> Result<()> {
        items.iter().try_for_each(|(y, p)| Self::verify(vk, y, p))
    }
}

/// A broken proof system whose verifier accepts everything: it must fail
/// the conformance kit.
pub struct AcceptAllProof;

impl ProofSystem for AcceptAllProof {
    type ProvingKey = <ToyProof as ProofSystem>::ProvingKey;
    type VerifyingKey = u64;
    type Proof = u64;
    type PublicInput = u64;
    type Witness = u64;
    const INFO: SchemeInfo = ToyProof::INFO;
    const SIZE: StatementSize = StatementSize::FIXED;
    fn setup(size: usize, rng: &mut BenchRng) -> Result<((u64, usize), u64)> {
        ToyProof::setup(size, rng)
    }
    fn statement(size: usize, rng: &mut BenchRng) -> Result<(u64, u64)> {
        ToyProof::statement(size, rng)
    }
    fn unsatisfiable_statement(size: usize, rng: &mut BenchRng) -> Result<(u64, u64)> {
        ToyProof::unsatisfiable_statement(size, rng)
    }
    fn prove(_pk: &(u64, usize), _y: &u64, _x: &u64, _rng: &mut BenchRng) -> Result<u64> {
        Ok(0)
    }
    fn verify(_vk: &u64, _y: &u64, _proof: &u64) -> Result<()> {
        Ok(())
    }
    fn encode_proof(proof: &u64) -> Vec<u8> {
        ToyProof::encode_proof(proof)
    }
    fn decode_proof(bytes: &[u8]) -> Result<u64> {
        ToyProof::decode_proof(bytes)
    }
    fn encode_public_input(public: &u64) -> Vec<u8> {
        ToyProof::encode_public_input(public)
    }
    fn decode_public_input(bytes: &[u8]) -> Result<u64> {
        ToyProof::decode_public_input(bytes)
    }
    fn key_sizes(pk: &(u64, usize), vk: &u64) -> Vec<(&'static str, usize)> {
        ToyProof::key_sizes(pk, vk)
    }
    fn circuit_size(_pk: &(u64, usize)) -> Option<CircuitSize> {
        None
    }
}
