//! BIP-340 Schnorr signatures over secp256k1 from `k256` and libsecp256k1.
//!
//! | type | scheme id | library |
//! |---|---|---|
//! | [`SchnorrK256`] | `schnorr-bip340/k256` | RustCrypto `k256` |
//! | [`SchnorrLibsecp`] | `schnorr-bip340/libsecp256k1` | `secp256k1` (bitcoin-core's C library) |
//!
//! Both sign the message bytes themselves, of any length, exactly as BIP-340
//! specifies (no pre-hashing: `k256`'s `Signer` impl would hash with SHA-256
//! first, so it is not used). The 32 bytes of auxiliary randomness come from
//! the harness RNG, so signatures are reproducible per seed but differ per
//! call (`deterministic: false`); [`SchnorrK256::sign_with_aux`] and
//! [`SchnorrLibsecp::sign_with_aux`] take them explicitly (for the BIP-340
//! test vectors). Encodings: 32-byte secret key, 32-byte x-only public key,
//! 64-byte signature `r ‖ s`.
//!
//! ```
//! use ledgerbench_core::{SignatureScheme, bench_rng};
//! use ledgerbench_primitives::schnorr::{SchnorrK256, SchnorrLibsecp};
//!
//! let mut rng = bench_rng(1, "doc");
//! let (sk, pk) = SchnorrLibsecp::keygen(&mut rng)?;
//! let sig = SchnorrLibsecp::sign(&sk, b"any length message", &mut rng)?;
//! let pk2 = SchnorrK256::decode_public_key(&SchnorrLibsecp::encode_public_key(&pk))?;
//! let sig2 = SchnorrK256::decode_signature(&SchnorrLibsecp::encode_signature(&sig))?;
//! SchnorrK256::verify(&pk2, b"any length message", &sig2)?;
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```

use k256::elliptic_curve::Generate;
use ledgerbench_core::encoding::fixed;
use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, NamedSize, Result, SchemeInfo, Security,
    SignatureScheme, Size, rng::Rng09,
};
use rand_core::Rng;

/// Length of the auxiliary randomness.
pub const AUX_LEN: usize = 32;
/// Length of a secret key.
pub const SECRET_KEY_LEN: usize = 32;
/// Length of an x-only public key.
pub const PUBLIC_KEY_LEN: usize = 32;
/// Length of a signature.
pub const SIGNATURE_LEN: usize = 64;

const SIZES: &[NamedSize] = &[
    ("pk", Size::Exact(PUBLIC_KEY_LEN)),
    ("sk", Size::Exact(SECRET_KEY_LEN)),
    ("sig", Size::Exact(SIGNATURE_LEN)),
];

const fn info(implementation: Implementation, note: &'static str) -> SchemeInfo {
    SchemeInfo {
        name: "schnorr-bip340",
        family: Family::Sig,
        implementation,
        standard: "BIP-340",
        security: Security::ClassicalBits(128),
        deterministic: false,
        constant_time: true,
        sizes: SIZES,
        note,
    }
}

fn aux_from(rng: &mut BenchRng) -> [u8; AUX_LEN] {
    let mut aux = [0u8; AUX_LEN];
    rng.fill_bytes(&mut aux);
    aux
}

/// BIP-340 from `k256::schnorr`.
///
/// Signing uses `SigningKey::sign_raw` (public but `#[doc(hidden)]` in
/// `k256` 0.14: the only entry point taking raw message bytes and explicit
/// aux randomness); verification uses `VerifyingKey::verify_raw`.
/// The secret-key encoding is `k256`'s normalised scalar (negated when its
/// point has odd y), which BIP-340 treats as the same key. With
/// `debug_assertions` on, `sign_raw` also verifies each signature it makes,
/// so signing times are only meaningful from release builds.
pub struct SchnorrK256;

impl SchnorrK256 {
    /// Signs `msg` with explicit auxiliary randomness (BIP-340 `Sign(sk, m, a)`).
    pub fn sign_with_aux(
        sk: &k256::schnorr::SigningKey,
        msg: &[u8],
        aux: &[u8; AUX_LEN],
    ) -> Result<k256::schnorr::Signature> {
        sk.sign_raw(msg, aux).map_err(|e| Error::op("sign", e))
    }

    /// The signing key for a 32-byte big-endian secret in `[1, n − 1]`.
    pub fn secret_key_from_bytes(bytes: &[u8]) -> Result<k256::schnorr::SigningKey> {
        let arr = fixed::<SECRET_KEY_LEN>(bytes, "secret key")?;
        k256::schnorr::SigningKey::from_slice(&arr).map_err(|e| Error::decode("secret key", e))
    }
}

impl SignatureScheme for SchnorrK256 {
    type SecretKey = k256::schnorr::SigningKey;
    type PublicKey = k256::schnorr::VerifyingKey;
    type Signature = k256::schnorr::Signature;

    const INFO: SchemeInfo = info(
        Implementation {
            id: "k256",
            krate: "k256",
            backend: "portable",
        },
        "raw messages of any length; aux randomness from the harness RNG",
    );

    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let sk = k256::schnorr::SigningKey::generate_from_rng(rng);
        let pk = *sk.verifying_key();
        Ok((sk, pk))
    }

    fn sign(sk: &Self::SecretKey, msg: &[u8], rng: &mut BenchRng) -> Result<Self::Signature> {
        Self::sign_with_aux(sk, msg, &aux_from(rng))
    }

    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        pk.verify_raw(msg, sig).map_err(|_| Error::Verification)
    }

    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
        pk.to_bytes().to_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
        let arr = fixed::<PUBLIC_KEY_LEN>(bytes, "public key")?;
        k256::schnorr::VerifyingKey::from_slice(&arr).map_err(|e| Error::decode("public key", e))
    }

    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
        sk.to_bytes().to_vec()
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        sig.to_bytes().to_vec()
    }

    /// Rejects `r ≥ p`, `r = 0`, `s ≥ n` and `s = 0` (`k256` range checks).
    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        let arr = fixed::<SIGNATURE_LEN>(bytes, "signature")?;
        k256::schnorr::Signature::from_bytes(&arr).map_err(|e| Error::decode("signature", e))
    }
}

/// BIP-340 from libsecp256k1 (`secp256k1::schnorr::sign_with_aux_rand` and
/// `secp256k1::schnorr::verify`, arbitrary-length messages).
///
/// Any 64 bytes decode as a signature; `r ≥ p` or `s ≥ n` fail in `verify`.
pub struct SchnorrLibsecp;

impl SchnorrLibsecp {
    /// Signs `msg` with explicit auxiliary randomness (BIP-340 `Sign(sk, m, a)`).
    pub fn sign_with_aux(
        sk: &secp256k1::Keypair,
        msg: &[u8],
        aux: &[u8; AUX_LEN],
    ) -> secp256k1::schnorr::Signature {
        secp256k1::schnorr::sign_with_aux_rand(msg, sk, aux)
    }

    /// The key pair for a 32-byte big-endian secret in `[1, n − 1]`.
    pub fn secret_key_from_bytes(bytes: &[u8]) -> Result<secp256k1::Keypair> {
        let arr = fixed::<SECRET_KEY_LEN>(bytes, "secret key")?;
        secp256k1::Keypair::from_secret_bytes(arr).map_err(|e| Error::decode("secret key", e))
    }
}

impl SignatureScheme for SchnorrLibsecp {
    type SecretKey = secp256k1::Keypair;
    type PublicKey = secp256k1::XOnlyPublicKey;
    type Signature = secp256k1::schnorr::Signature;

    const INFO: SchemeInfo = info(
        Implementation {
            id: "libsecp256k1",
            krate: "secp256k1",
            backend: "c",
        },
        "raw messages of any length; aux randomness from the harness RNG",
    );

    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let kp = secp256k1::Keypair::new(&mut Rng09(rng));
        let (pk, _parity) = kp.x_only_public_key();
        Ok((kp, pk))
    }

    fn sign(sk: &Self::SecretKey, msg: &[u8], rng: &mut BenchRng) -> Result<Self::Signature> {
        Ok(Self::sign_with_aux(sk, msg, &aux_from(rng)))
    }

    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        secp256k1::schnorr::verify(sig, msg, pk).map_err(|_| Error::Verification)
    }

    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
        pk.to_byte_array().to_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
        let arr = fixed::<PUBLIC_KEY_LEN>(bytes, "public key")?;
        secp256k1::XOnlyPublicKey::from_byte_array(arr).map_err(|e| Error::decode("public key", e))
    }

    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
        sk.to_secret_bytes().to_vec()
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        sig.to_byte_array().to_vec()
    }

    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        Ok(secp256k1::schnorr::Signature::from_byte_array(fixed::<
            SIGNATURE_LEN,
        >(
            bytes,
            "signature",
        )?))
    }
}
