//! Ed25519 (RFC 8032) from three libraries: `ed25519-dalek` (with batch
//! verification), `ring` and AWS-LC (`aws-lc-rs`).
//!
//! | type | scheme id | verification rule |
//! |---|---|---|
//! | [`Ed25519Dalek`] | `ed25519/dalek` | `VerifyingKey::verify`: cofactorless, canonical `s`, rejects non-canonical `R` |
//! | [`Ed25519Ring`] | `ed25519/ring` | BoringSSL-derived: cofactorless, canonical `s` |
//! | [`Ed25519AwsLc`] | `ed25519/aws-lc` | BoringSSL-derived (AWS-LC) |
//!
//! All sign deterministically (RFC 8032 §5.1.6) from a 32-byte seed drawn
//! from the harness RNG, so keys and signatures are byte-identical across
//! the implementations. The secret-key encoding is the RFC 8032 32-byte
//! seed, the public key the 32-byte compressed point, the signature `R ‖ S`.
//!
//! ```
//! use ledgerbench_core::{SignatureScheme, bench_rng};
//! use ledgerbench_primitives::ed25519::{Ed25519Dalek, Ed25519Ring};
//!
//! let mut rng = bench_rng(1, "doc");
//! let (sk, pk) = Ed25519Dalek::keygen(&mut rng)?;
//! let sig = Ed25519Dalek::sign(&sk, b"msg", &mut rng)?;
//! // The same bytes verify under ring.
//! let pk2 = Ed25519Ring::decode_public_key(&Ed25519Dalek::encode_public_key(&pk))?;
//! let sig2 = Ed25519Ring::decode_signature(&Ed25519Dalek::encode_signature(&sig))?;
//! Ed25519Ring::verify(&pk2, b"msg", &sig2)?;
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```

use ed25519_dalek::{Signer, Verifier};
use ledgerbench_core::encoding::fixed;
use ledgerbench_core::{
    BatchVerify, BenchRng, Error, Family, Implementation, NamedSize, Result, SchemeInfo, Security,
    SignatureScheme, Size,
};
use rand_core::Rng;

/// Length of the RFC 8032 secret seed.
pub const SEED_LEN: usize = 32;
/// Length of an encoded public key.
pub const PUBLIC_KEY_LEN: usize = 32;
/// Length of a signature `R ‖ S`.
pub const SIGNATURE_LEN: usize = 64;

const SIZES: &[NamedSize] = &[
    ("pk", Size::Exact(PUBLIC_KEY_LEN)),
    ("sk", Size::Exact(SEED_LEN)),
    ("sig", Size::Exact(SIGNATURE_LEN)),
];

const fn info(implementation: Implementation, note: &'static str) -> SchemeInfo {
    SchemeInfo {
        name: "ed25519",
        family: Family::Sig,
        implementation,
        standard: "RFC 8032",
        security: Security::ClassicalBits(128),
        deterministic: true,
        constant_time: true,
        sizes: SIZES,
        note,
    }
}

/// Ed25519 from `ed25519-dalek`; verification is `VerifyingKey::verify`
/// (not `verify_strict`), batch verification is `ed25519_dalek::verify_batch`.
pub struct Ed25519Dalek;

impl SignatureScheme for Ed25519Dalek {
    type SecretKey = ed25519_dalek::SigningKey;
    type PublicKey = ed25519_dalek::VerifyingKey;
    type Signature = ed25519_dalek::Signature;

    const INFO: SchemeInfo = info(
        Implementation {
            id: "dalek",
            krate: "ed25519-dalek",
            backend: "curve25519-dalek auto",
        },
        "cofactorless single and batch verification (VerifyingKey::verify, verify_batch)",
    );

    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let sk = ed25519_dalek::SigningKey::generate(rng);
        let pk = sk.verifying_key();
        Ok((sk, pk))
    }

    fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
        Ok(sk.sign(msg))
    }

    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        pk.verify(msg, sig).map_err(|_| Error::Verification)
    }

    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
        pk.to_bytes().to_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
        let arr = fixed::<PUBLIC_KEY_LEN>(bytes, "public key")?;
        ed25519_dalek::VerifyingKey::from_bytes(&arr).map_err(|e| Error::decode("public key", e))
    }

    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
        sk.to_bytes().to_vec()
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        sig.to_bytes().to_vec()
    }

    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        // Any 64 bytes parse; a non-canonical `s` is rejected by `verify`.
        Ok(ed25519_dalek::Signature::from_bytes(
            &fixed::<SIGNATURE_LEN>(bytes, "signature")?,
        ))
    }
}

impl Ed25519Dalek {
    /// The signing key for an RFC 8032 32-byte secret seed.
    pub fn secret_key_from_seed(seed: &[u8]) -> Result<ed25519_dalek::SigningKey> {
        Ok(ed25519_dalek::SigningKey::from_bytes(&fixed::<SEED_LEN>(
            seed,
            "secret key",
        )?))
    }
}

impl BatchVerify for Ed25519Dalek {
    /// `ed25519_dalek::verify_batch`: one multiscalar multiplication with
    /// coefficients derived from the inputs (cofactorless equation). The
    /// inputs are copied into the arrays the API takes.
    fn verify_batch(items: &[(&Self::PublicKey, &[u8], &Self::Signature)]) -> Result<()> {
        let msgs: Vec<&[u8]> = items.iter().map(|(_, m, _)| *m).collect();
        let sigs: Vec<ed25519_dalek::Signature> = items.iter().map(|(_, _, s)| **s).collect();
        let pks: Vec<ed25519_dalek::VerifyingKey> = items.iter().map(|(p, _, _)| **p).collect();
        ed25519_dalek::verify_batch(&msgs, &sigs, &pks).map_err(|_| Error::Verification)
    }
}

/// An Ed25519 type over a library with `ring`'s signature API (`ring`
/// itself, and `aws-lc-rs`, which mirrors it): the key pair together with the
/// seed it came from (neither library gives the seed back, and it is the
/// standard secret-key encoding); public keys are validated only when they
/// verify, so decoding checks the length and every verification includes
/// point decompression (as in real use of `UnparsedPublicKey`).
macro_rules! ring_api_ed25519 {
    ($(#[$doc:meta])* $ty:ident, $sk:ident, $lib:ident, $implementation:expr, $note:literal) => {
        $(#[$doc])*
        pub struct $ty;

        #[doc = concat!("A key pair of [`", stringify!($ty), "`] with its RFC 8032 seed.")]
        pub struct $sk {
            seed: [u8; SEED_LEN],
            pair: $lib::signature::Ed25519KeyPair,
        }

        impl $ty {
            /// The key pair for an RFC 8032 32-byte secret seed.
            pub fn secret_key_from_seed(seed: &[u8]) -> Result<$sk> {
                let seed = fixed::<SEED_LEN>(seed, "secret key")?;
                let pair = $lib::signature::Ed25519KeyPair::from_seed_unchecked(&seed)
                    .map_err(|e| Error::decode("secret key", e))?;
                Ok($sk { seed, pair })
            }

            /// The public key of a key pair.
            pub fn public_key(sk: &$sk) -> [u8; PUBLIC_KEY_LEN] {
                use $lib::signature::KeyPair as _;
                let mut pk = [0u8; PUBLIC_KEY_LEN];
                pk.copy_from_slice(sk.pair.public_key().as_ref());
                pk
            }
        }

        impl SignatureScheme for $ty {
            type SecretKey = $sk;
            type PublicKey = [u8; PUBLIC_KEY_LEN];
            type Signature = [u8; SIGNATURE_LEN];

            const INFO: SchemeInfo = info($implementation, $note);

            fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let mut seed = [0u8; SEED_LEN];
                rng.fill_bytes(&mut seed);
                let sk = Self::secret_key_from_seed(&seed)?;
                let pk = Self::public_key(&sk);
                Ok((sk, pk))
            }

            fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
                let sig = sk.pair.sign(msg);
                fixed::<SIGNATURE_LEN>(sig.as_ref(), "signature").map_err(|e| Error::op("sign", e))
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                $lib::signature::UnparsedPublicKey::new(&$lib::signature::ED25519, pk)
                    .verify(msg, sig)
                    .map_err(|_| Error::Verification)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.to_vec()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                fixed::<PUBLIC_KEY_LEN>(bytes, "public key")
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.seed.to_vec()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.to_vec()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                fixed::<SIGNATURE_LEN>(bytes, "signature")
            }
        }
    };
}

ring_api_ed25519!(
    /// Ed25519 from `ring` (`ed25519/ring`).
    Ed25519Ring,
    RingEd25519SecretKey,
    ring,
    Implementation {
        id: "ring",
        krate: "ring",
        backend: "asm",
    },
    "public key validated at each verify (ring parses keys lazily)"
);

ring_api_ed25519!(
    /// Ed25519 from AWS-LC through `aws-lc-rs` (`ed25519/aws-lc`), the
    /// library rustls uses by default.
    Ed25519AwsLc,
    AwsLcEd25519SecretKey,
    aws_lc_rs,
    Implementation {
        id: "aws-lc",
        krate: "aws-lc-rs",
        backend: "aws-lc",
    },
    "AWS-LC C/assembly (rustls' default provider); public key validated at each verify"
);
