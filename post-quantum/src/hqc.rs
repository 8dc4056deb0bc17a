//! HQC-128/192/256 (code-based KEM, NIST round 4 submission) from PQClean's
//! portable C code, via `pqcrypto-hqc`: the code-based alternative to
//! ML-KEM. NIST selected HQC for standardisation in 2025; its standard is
//! not yet published, so this is the round 4 specification.
//!
//! Decapsulation calls PQClean directly: pqcrypto-hqc 0.2.2's `decapsulate`
//! panics (an `assert_eq!` on PQClean's return code) whenever a ciphertext
//! fails the re-encryption check, i.e. on any tampered ciphertext. PQClean
//! itself returns -1 there and writes the implicit-rejection secret, which
//! is what [`Kem::decaps`] returns here, as for ML-KEM.

use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, Kem, Result, SchemeInfo, Security, Size,
};
use pqcrypto_traits::kem::{Ciphertext as _, PublicKey as _, SecretKey as _, SharedSecret as _};

use crate::util::to_array;

const NOTE: &str = "HQC round 4 submission (not yet a NIST standard); PQClean portable C; \
                    keygen and encaps draw OS randomness, not the run seed; 64-byte shared secret";

macro_rules! pqclean_hqc {
    ($(#[$doc:meta])* $ty:ident, $m:ident, $dec:ident, $bytes:ident, $name:literal, $category:literal) => {
        const _: () = assert!(pqcrypto_hqc::ffi::$bytes == 64);

        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl Kem for $ty {
            type DecapsKey = pqcrypto_hqc::$m::SecretKey;
            type EncapsKey = pqcrypto_hqc::$m::PublicKey;
            type Ciphertext = pqcrypto_hqc::$m::Ciphertext;
            type SharedSecret = [u8; 64];

            const INFO: SchemeInfo = SchemeInfo {
                name: $name,
                family: Family::Kem,
                implementation: Implementation {
                    id: "pqclean",
                    krate: "pqcrypto-hqc",
                    backend: "clean",
                },
                standard: "HQC round 4",
                security: Security::NistCategory($category),
                deterministic: false,
                constant_time: true,
                sizes: &[
                    ("ek", Size::Exact(pqcrypto_hqc::$m::public_key_bytes())),
                    ("dk", Size::Exact(pqcrypto_hqc::$m::secret_key_bytes())),
                    ("ct", Size::Exact(pqcrypto_hqc::$m::ciphertext_bytes())),
                    ("ss", Size::Exact(pqcrypto_hqc::$m::shared_secret_bytes())),
                ],
                note: NOTE,
            };

            fn keygen(_rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let (pk, sk) = pqcrypto_hqc::$m::keypair();
                Ok((sk, pk))
            }

            fn encaps(
                ek: &Self::EncapsKey,
                _rng: &mut BenchRng,
            ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
                let (ss, ct) = pqcrypto_hqc::$m::encapsulate(ek);
                Ok((ct, to_array(ss.as_bytes(), "HQC shared secret")?))
            }

            fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
                let mut ss = [0u8; 64];
                // SAFETY: the pqcrypto key and ciphertext types hold exactly
                // the byte lengths PQClean reads, and `ss` has the 64 bytes
                // (CRYPTO_BYTES, checked above) it writes.
                let rc = unsafe {
                    pqcrypto_hqc::ffi::$dec(
                        ss.as_mut_ptr(),
                        ct.as_bytes().as_ptr(),
                        dk.as_bytes().as_ptr(),
                    )
                };
                // -1 means implicit rejection: `ss` holds the rejection secret.
                let _ = rc;
                Ok(ss)
            }

            fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
                ek.as_bytes().to_vec()
            }

            fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
                pqcrypto_hqc::$m::PublicKey::from_bytes(bytes)
                    .map_err(|e| Error::decode("HQC public key", e))
            }

            fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
                dk.as_bytes().to_vec()
            }

            fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
                ct.as_bytes().to_vec()
            }

            fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
                pqcrypto_hqc::$m::Ciphertext::from_bytes(bytes)
                    .map_err(|e| Error::decode("HQC ciphertext", e))
            }
        }
    };
}

pqclean_hqc!(
    /// HQC-128 from PQClean (`hqc-128/pqclean`).
    Hqc128Pqclean,
    hqc128,
    PQCLEAN_HQC128_CLEAN_crypto_kem_dec,
    PQCLEAN_HQC128_CLEAN_CRYPTO_BYTES,
    "hqc-128",
    1
);
pqclean_hqc!(
    /// HQC-192 from PQClean (`hqc-192/pqclean`).
    Hqc192Pqclean,
    hqc192,
    PQCLEAN_HQC192_CLEAN_crypto_kem_dec,
    PQCLEAN_HQC192_CLEAN_CRYPTO_BYTES,
    "hqc-192",
    3
);
pqclean_hqc!(
    /// HQC-256 from PQClean (`hqc-256/pqclean`).
    Hqc256Pqclean,
    hqc256,
    PQCLEAN_HQC256_CLEAN_crypto_kem_dec,
    PQCLEAN_HQC256_CLEAN_CRYPTO_BYTES,
    "hqc-256",
    5
);
