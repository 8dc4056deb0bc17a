//! Insecure toy schemes for testing the harness itself. They are never
//! registered by the ledgerbench binary; tests and doc examples use them to
//! exercise the engine without real cryptography.

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
    krate: "ledgerbench-harness",
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
