//! X25519 (RFC 7748) as a Diffie-Hellman KEM: the classical baseline the
//! post-quantum KEMs are compared against, from two libraries.
//!
//! | type | scheme id | library |
//! |---|---|---|
//! | [`X25519Dalek`] | `x25519/dalek` | `x25519-dalek` |
//! | [`X25519AwsLc`] | `x25519/aws-lc` | AWS-LC (`aws-lc-rs`, rustls' default provider) |
//!
//! `encaps` draws an ephemeral scalar e and returns `ct = X25519(e, 9)` and
//! `ss = X25519(e, ek)`; `decaps` computes `X25519(dk, ct)`. The shared
//! secret is the raw X25519 output (RFC 9180's DHKEM would add an HKDF
//! step); an all-zero output from a low-order point is not rejected by `x25519/dalek` and is
//! refused by `x25519/aws-lc` (AWS-LC's `X25519` returns an error for it;
//! RFC 7748 §6.1 lets either happen, and Wycheproof marks those cases
//! "acceptable").

use aws_lc_rs::agreement::{self, PrivateKey, UnparsedPublicKey};
use aws_lc_rs::encoding::{AsBigEndian, Curve25519SeedBin};
use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, Kem, NamedSize, Result, SchemeInfo, Security, Size,
};
use x25519_dalek::{EphemeralSecret, PublicKey, SharedSecret, StaticSecret};

use crate::util::{random_array, to_array};

/// Every X25519 key, ciphertext and shared secret is 32 bytes.
const X25519_SIZES: &[NamedSize] = &[
    ("ek", Size::Exact(32)),
    ("dk", Size::Exact(32)),
    ("ct", Size::Exact(32)),
    ("ss", Size::Exact(32)),
];

/// What every X25519 implementation here shares: RFC 7748, 128-bit classical,
/// seeded and constant-time, 32-byte objects.
const fn x25519_info(implementation: Implementation, note: &'static str) -> SchemeInfo {
    SchemeInfo {
        name: "x25519",
        family: Family::Kem,
        implementation,
        standard: "RFC 7748",
        security: Security::ClassicalBits(128),
        deterministic: true,
        constant_time: true,
        sizes: X25519_SIZES,
        note,
    }
}

/// X25519 from `x25519-dalek` as a DH-KEM (`x25519/dalek`).
#[derive(Clone, Copy, Debug, Default)]
pub struct X25519Dalek;

impl Kem for X25519Dalek {
    type DecapsKey = StaticSecret;
    type EncapsKey = PublicKey;
    type Ciphertext = PublicKey;
    type SharedSecret = SharedSecret;

    const INFO: SchemeInfo = x25519_info(
        Implementation {
            id: "dalek",
            krate: "x25519-dalek",
            backend: "portable",
        },
        "classical baseline: X25519 Diffie-Hellman used as a KEM (ephemeral key = \
         ciphertext, raw X25519 output as shared secret, no KDF); fixed-base \
         multiplication uses curve25519-dalek's precomputed tables",
    );

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

/// X25519 from AWS-LC via `aws-lc-rs` as a DH-KEM (`x25519/aws-lc`).
///
/// Scalars are drawn from the run's RNG and loaded with
/// `PrivateKey::from_private_key`, so keys and ciphertexts are reproducible
/// from the run seed, as for `x25519/dalek`.
#[derive(Clone, Copy, Debug, Default)]
pub struct X25519AwsLc;

impl X25519AwsLc {
    /// A private key from its 32-byte scalar (AWS-LC clamps it, as RFC 7748 says).
    pub fn private_key(scalar: &[u8]) -> Result<PrivateKey> {
        PrivateKey::from_private_key(&agreement::X25519, scalar)
            .map_err(|e| Error::decode("X25519 private key", e))
    }

    /// The public key `X25519(dk, 9)`, as its 32 bytes.
    pub fn public_key(dk: &PrivateKey) -> Result<[u8; 32]> {
        let pk = dk
            .compute_public_key()
            .map_err(|e| Error::op("keygen", e))?;
        to_array(pk.as_ref(), "X25519 public key")
    }

    /// `X25519(dk, u)`; AWS-LC refuses a `u` whose result is all zero.
    fn agree(dk: &PrivateKey, u: &[u8; 32], op: &'static str) -> Result<[u8; 32]> {
        // The error value is `()`: building an `Error` here would allocate on
        // every (timed) call, not only on failure.
        let secret = agreement::agree(dk, UnparsedPublicKey::new(&agreement::X25519, u), (), |s| {
            Ok(to_array::<32>(s, "X25519 shared secret"))
        });
        secret.map_err(|()| {
            Error::op(
                op,
                "AWS-LC refused the point (low order or not on the curve)",
            )
        })?
    }
}

impl Kem for X25519AwsLc {
    type DecapsKey = PrivateKey;
    type EncapsKey = [u8; 32];
    type Ciphertext = [u8; 32];
    type SharedSecret = [u8; 32];

    const INFO: SchemeInfo = x25519_info(
        Implementation {
            id: "aws-lc",
            krate: "aws-lc-rs",
            backend: "aws-lc",
        },
        "classical baseline: X25519 Diffie-Hellman used as a KEM, as x25519/dalek, with \
         AWS-LC C/assembly (rustls' default provider); scalars from the run seed; an \
         all-zero shared secret (low-order point) is refused",
    );

    fn keygen(rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
        let dk = Self::private_key(&random_array::<32>(rng))?;
        let ek = Self::public_key(&dk)?;
        Ok((dk, ek))
    }

    fn encaps(
        ek: &Self::EncapsKey,
        rng: &mut BenchRng,
    ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
        let e = Self::private_key(&random_array::<32>(rng))?;
        let ct = Self::public_key(&e)?;
        Ok((ct, Self::agree(&e, ek, "encaps")?))
    }

    fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
        Self::agree(dk, ct, "decaps")
    }

    fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
        ek.to_vec()
    }

    fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
        to_array(bytes, "X25519 public key")
    }

    fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
        let seed: Result<Curve25519SeedBin<'static>, _> = dk.as_be_bytes();
        seed.map(|s| s.as_ref().to_vec()).unwrap_or_default()
    }

    fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
        ct.to_vec()
    }

    fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
        to_array(bytes, "X25519 ciphertext")
    }
}
