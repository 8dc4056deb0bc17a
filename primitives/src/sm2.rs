//! SM2 digital signatures (GB/T 32918.2-2016, with SM3) from RustCrypto `sm2`.
//!
//! | type | scheme id | library |
//! |---|---|---|
//! | [`Sm2RustCrypto`] | `sm2/rustcrypto` | RustCrypto `sm2` |
//!
//! SM2 binds the signer's distinguishing identifier into every signature:
//! `e = SM3(Z_A ‖ M)` with `Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A)`.
//! The benchmark uses the standard default ID [`DEFAULT_ID`]
//! (`"1234567812345678"`, GM/T 0009-2012); [`Sm2RustCrypto::public_key_with_id`]
//! and [`Sm2RustCrypto::secret_key_with_id`] bind another. `Z_A` is computed
//! once, when a key is decoded or generated (as a verifier caches it per
//! signer), so `verify` times one SM3 over the message plus the curve check.
//!
//! Encodings: 32-byte secret scalar, 65-byte uncompressed SEC 1 public key,
//! 64-byte signature `r ‖ s` (GB/T 32918 byte form; `sm2` also offers DER).
//!
//! Signing: GB/T 32918.2 asks for a random `k`. `sm2` derives `k` with an
//! RFC 6979-style HMAC-SM3 DRBG; here 32 bytes from the harness RNG are
//! mixed in as extra input (`RandomizedSigner`), so signatures vary per call.
//!
//! ```
//! use ledgerbench_core::{SignatureScheme, bench_rng};
//! use ledgerbench_primitives::sm2::Sm2RustCrypto;
//!
//! let mut rng = bench_rng(1, "doc");
//! let (sk, pk) = Sm2RustCrypto::keygen(&mut rng)?;
//! let sig = Sm2RustCrypto::sign(&sk, b"msg", &mut rng)?;
//! Sm2RustCrypto::verify(&pk, b"msg", &sig)?;
//! // The same key under another user ID does not verify it.
//! let other = Sm2RustCrypto::public_key_with_id("ALICE123@YAHOO.COM", &Sm2RustCrypto::encode_public_key(&pk))?;
//! assert!(Sm2RustCrypto::verify(&other, b"msg", &sig).is_err());
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```

use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, NamedSize, Result, SchemeInfo, Security,
    SignatureScheme, Size,
};
use sm2::dsa::signature::{RandomizedSigner, Verifier};
use sm2::elliptic_curve::Generate;

/// The default distinguishing identifier (`ENTL_A` = 128 bits) used when no
/// other is agreed (GM/T 0009-2012).
pub const DEFAULT_ID: &str = "1234567812345678";
/// Length of a secret scalar.
pub const SECRET_KEY_LEN: usize = 32;
/// Length of an uncompressed SEC 1 public key.
pub const PUBLIC_KEY_LEN: usize = 65;
/// Length of a signature `r ‖ s`.
pub const SIGNATURE_LEN: usize = 64;

const SIZES: &[NamedSize] = &[
    ("pk", Size::Exact(PUBLIC_KEY_LEN)),
    ("sk", Size::Exact(SECRET_KEY_LEN)),
    ("sig", Size::Exact(SIGNATURE_LEN)),
];

/// SM2 signatures with SM3 from RustCrypto `sm2`, user ID [`DEFAULT_ID`].
pub struct Sm2RustCrypto;

impl Sm2RustCrypto {
    /// Decodes an uncompressed SEC 1 public key bound to user ID `id`.
    pub fn public_key_with_id(id: &str, bytes: &[u8]) -> Result<sm2::dsa::VerifyingKey> {
        if bytes.len() != PUBLIC_KEY_LEN || bytes[0] != 0x04 {
            return Err(Error::decode(
                "public key",
                format!(
                    "expected a 65-byte uncompressed point, got {} bytes",
                    bytes.len()
                ),
            ));
        }
        sm2::dsa::VerifyingKey::from_sec1_bytes(id, bytes)
            .map_err(|e| Error::decode("public key", e))
    }

    /// Decodes a 32-byte big-endian secret scalar bound to user ID `id`.
    pub fn secret_key_with_id(id: &str, bytes: &[u8]) -> Result<sm2::dsa::SigningKey> {
        if bytes.len() != SECRET_KEY_LEN {
            return Err(Error::decode(
                "secret key",
                format!("expected {SECRET_KEY_LEN} bytes, got {}", bytes.len()),
            ));
        }
        sm2::dsa::SigningKey::from_slice(id, bytes).map_err(|e| Error::decode("secret key", e))
    }
}

impl SignatureScheme for Sm2RustCrypto {
    type SecretKey = sm2::dsa::SigningKey;
    type PublicKey = sm2::dsa::VerifyingKey;
    type Signature = sm2::dsa::Signature;

    const INFO: SchemeInfo = SchemeInfo {
        name: "sm2",
        family: Family::Sig,
        implementation: Implementation {
            id: "rustcrypto",
            krate: "sm2",
            backend: "portable",
        },
        standard: "GB/T 32918.2-2016",
        security: Security::ClassicalBits(128),
        deterministic: false,
        constant_time: true,
        sizes: SIZES,
        note: "SM3, user ID 1234567812345678 (Z_A cached per key); k = HMAC-SM3 DRBG + harness randomness",
    };

    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let secret = sm2::SecretKey::generate_from_rng(rng);
        let sk =
            sm2::dsa::SigningKey::new(DEFAULT_ID, &secret).map_err(|e| Error::op("keygen", e))?;
        let pk = sk.verifying_key().clone();
        Ok((sk, pk))
    }

    fn sign(sk: &Self::SecretKey, msg: &[u8], rng: &mut BenchRng) -> Result<Self::Signature> {
        sk.try_sign_with_rng(rng, msg)
            .map_err(|e| Error::op("sign", e))
    }

    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        pk.verify(msg, sig).map_err(|_| Error::Verification)
    }

    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
        pk.to_sec1_bytes().into_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
        Self::public_key_with_id(DEFAULT_ID, bytes)
    }

    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
        sk.to_bytes().to_vec()
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        sig.to_bytes().to_vec()
    }

    /// Rejects a wrong length and `r` or `s` outside `[1, n − 1]`.
    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        sm2::dsa::Signature::from_slice(bytes).map_err(|e| Error::decode("signature", e))
    }
}
