//! X25519 (RFC 7748) as a Diffie-Hellman KEM: the classical baseline the
//! post-quantum KEMs are compared against.
//!
//! `encaps` draws an ephemeral scalar e and returns `ct = X25519(e, 9)` and
//! `ss = X25519(e, ek)`; `decaps` computes `X25519(dk, ct)`. The shared
//! secret is the raw X25519 output (RFC 9180's DHKEM would add an HKDF
//! step); an all-zero output from a low-order point is not rejected.

use ledgerbench_core::{BenchRng, Family, Implementation, Kem, Result, SchemeInfo, Security, Size};
use x25519_dalek::{EphemeralSecret, PublicKey, SharedSecret, StaticSecret};

use crate::util::to_array;

/// X25519 from `x25519-dalek` as a DH-KEM (`x25519/dalek`).
#[derive(Clone, Copy, Debug, Default)]
pub struct X25519Dalek;

impl Kem for X25519Dalek {
    type DecapsKey = StaticSecret;
    type EncapsKey = PublicKey;
    type Ciphertext = PublicKey;
    type SharedSecret = SharedSecret;

    const INFO: SchemeInfo = SchemeInfo {
        name: "x25519",
        family: Family::Kem,
        implementation: Implementation {
            id: "dalek",
            krate: "x25519-dalek",
            backend: "portable",
        },
        standard: "RFC 7748",
        security: Security::ClassicalBits(128),
        deterministic: true,
        constant_time: true,
        sizes: &[
            ("ek", Size::Exact(32)),
            ("dk", Size::Exact(32)),
            ("ct", Size::Exact(32)),
            ("ss", Size::Exact(32)),
        ],
        note: "classical baseline: X25519 Diffie-Hellman used as a KEM (ephemeral key = \
               ciphertext, raw X25519 output as shared secret, no KDF); fixed-base \
               multiplication uses curve25519-dalek's precomputed tables",
    };

    fn keygen(rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
        let dk = StaticSecret::random_from_rng(rng);
        let ek = PublicKey::from(&dk);
        Ok((dk, ek))
    }

    fn encaps(
        ek: &Self::EncapsKey,
        rng: &mut BenchRng,
    ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
        let e = EphemeralSecret::random_from_rng(rng);
        let ct = PublicKey::from(&e);
        Ok((ct, e.diffie_hellman(ek)))
    }

    fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
        Ok(dk.diffie_hellman(ct))
    }

    fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
        ek.as_bytes().to_vec()
    }

    fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
        Ok(PublicKey::from(to_array::<32>(bytes, "X25519 public key")?))
    }

    fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
        dk.to_bytes().to_vec()
    }

    fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
        ct.as_bytes().to_vec()
    }

    fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
        Ok(PublicKey::from(to_array::<32>(bytes, "X25519 ciphertext")?))
    }
}
