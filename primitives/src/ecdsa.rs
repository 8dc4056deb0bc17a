//! ECDSA over secp256k1 and P-256 (SHA-256) and P-384 (SHA-384), each from
//! two or more libraries.
//!
//! | type | scheme id | library |
//! |---|---|---|
//! | [`EcdsaSecp256k1K256`] | `ecdsa-secp256k1/k256` | RustCrypto `k256` |
//! | [`EcdsaSecp256k1Libsecp`] | `ecdsa-secp256k1/libsecp256k1` | `secp256k1` (bitcoin-core's C library) |
//! | [`EcdsaP256RustCrypto`] | `ecdsa-p256/p256` | RustCrypto `p256` |
//! | [`EcdsaP256Ring`] | `ecdsa-p256/ring` | `ring` |
//! | [`EcdsaP256AwsLc`] | `ecdsa-p256/aws-lc` | AWS-LC (`aws-lc-rs`) |
//! | [`EcdsaP384RustCrypto`] | `ecdsa-p384/p384` | RustCrypto `p384` |
//! | [`EcdsaP384Ring`] | `ecdsa-p384/ring` | `ring` |
//! | [`EcdsaP384AwsLc`] | `ecdsa-p384/aws-lc` | AWS-LC (`aws-lc-rs`) |
//!
//! Encodings: the secret key is the big-endian scalar (32 bytes; 48 for
//! P-384), signatures are ASN.1 DER `SEQUENCE { r INTEGER, s INTEGER }` (at
//! most 72 bytes; 104 for P-384). secp256k1 public keys are SEC 1 compressed
//! (33 bytes, as in Bitcoin); P-256 and P-384 public keys are SEC 1
//! uncompressed (65 and 97 bytes, the form `ring` takes). Each curve's
//! implementations use the same encodings, so keys and signatures cross.
//!
//! # Low-S policy (secp256k1)
//!
//! `(r, s)` and `(r, n − s)` are both valid ECDSA signatures; Bitcoin (BIP 62/146)
//! accepts only the "low-S" one (`s ≤ n/2`).
//!
//! - `k256` 0.14 (`ecdsa` 0.17, `NORMALIZE_S = true` for secp256k1) **produces**
//!   low-S signatures and its `verify` **rejects** high-S ones.
//! - libsecp256k1 **produces** low-S signatures and `secp256k1_ecdsa_verify`
//!   **rejects** high-S ones (callers must `normalize_s` first to accept them).
//!
//! Neither scheme here normalises before verifying: a high-S signature is
//! rejected by both, which is the Bitcoin rule, not plain ECDSA (X9.62 / SEC 1),
//! under which it is valid. P-256 and P-384 have no such policy: every library
//! here accepts both forms (`p256` and `p384` sign whatever `s` comes out).
//!
//! Signing: `k256`, `p256`, `p384` and libsecp256k1 derive the nonce with
//! RFC 6979 (deterministic); `ring` and AWS-LC draw it from their own RNG
//! (mixed with the key and message), so their signatures are not reproducible.
//!
//! ```
//! use ledgerbench_core::{SignatureScheme, bench_rng};
//! use ledgerbench_primitives::ecdsa::{EcdsaSecp256k1K256, EcdsaSecp256k1Libsecp};
//!
//! let mut rng = bench_rng(1, "doc");
//! let (sk, pk) = EcdsaSecp256k1K256::keygen(&mut rng)?;
//! let sig = EcdsaSecp256k1K256::sign(&sk, b"msg", &mut rng)?;
//! // The same bytes verify under libsecp256k1.
//! let pk2 = EcdsaSecp256k1Libsecp::decode_public_key(&EcdsaSecp256k1K256::encode_public_key(&pk))?;
//! let sig2 = EcdsaSecp256k1Libsecp::decode_signature(&EcdsaSecp256k1K256::encode_signature(&sig))?;
//! EcdsaSecp256k1Libsecp::verify(&pk2, b"msg", &sig2)?;
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```

use std::marker::PhantomData;
use std::ops::Add;

use ecdsa::elliptic_curve::array::ArraySize;
use ecdsa::elliptic_curve::ops::Invert;
use ecdsa::elliptic_curve::sec1::{FromSec1Point, ModulusSize, ToSec1Point};
use ecdsa::elliptic_curve::subtle::CtOption;
use ecdsa::elliptic_curve::{AffinePoint, CurveArithmetic, FieldBytesSize, Generate, Scalar};
use ecdsa::signature::{Signer, Verifier};
use ecdsa::{DigestAlgorithm, EcdsaCurve, Signature, SigningKey, VerifyingKey};
use ledgerbench_core::encoding::{check_len, fixed as to_array};
use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, NamedSize, Result, SchemeInfo, Security,
    SignatureScheme, Size, rng::Rng09,
};
use sha2::Digest;

/// Length of a secret scalar of a 256-bit curve.
pub const SECRET_KEY_LEN: usize = 32;
/// Length of a SEC 1 compressed point (secp256k1 public keys).
pub const COMPRESSED_POINT_LEN: usize = 33;
/// Length of a SEC 1 uncompressed point (P-256 public keys).
pub const UNCOMPRESSED_POINT_LEN: usize = 65;
/// Upper bound of a DER-encoded signature over a 256-bit curve.
pub const MAX_DER_SIG_LEN: usize = 72;
/// Length of a P-384 secret scalar.
pub const P384_SECRET_KEY_LEN: usize = 48;
/// Length of a SEC 1 uncompressed P-384 point.
pub const P384_UNCOMPRESSED_POINT_LEN: usize = 97;
/// Upper bound of a DER-encoded P-384 signature: two 49-byte INTEGERs
/// (a leading zero at most) with their headers, in a SEQUENCE.
pub const P384_MAX_DER_SIG_LEN: usize = 104;

const SECP256K1_SIZES: &[NamedSize] = &[
    ("pk", Size::Exact(COMPRESSED_POINT_LEN)),
    ("sk", Size::Exact(SECRET_KEY_LEN)),
    ("sig", Size::Max(MAX_DER_SIG_LEN)),
];

const P256_SIZES: &[NamedSize] = &[
    ("pk", Size::Exact(UNCOMPRESSED_POINT_LEN)),
    ("sk", Size::Exact(SECRET_KEY_LEN)),
    ("sig", Size::Max(MAX_DER_SIG_LEN)),
];

const P384_SIZES: &[NamedSize] = &[
    ("pk", Size::Exact(P384_UNCOMPRESSED_POINT_LEN)),
    ("sk", Size::Exact(P384_SECRET_KEY_LEN)),
    ("sig", Size::Max(P384_MAX_DER_SIG_LEN)),
];

const fn info(
    name: &'static str,
    implementation: Implementation,
    standard: &'static str,
    deterministic: bool,
    sizes: &'static [NamedSize],
    security: Security,
    note: &'static str,
) -> SchemeInfo {
    SchemeInfo {
        name,
        family: Family::Sig,
        implementation,
        standard,
        security,
        deterministic,
        constant_time: true,
        sizes,
        note,
    }
}

/// The RustCrypto curves here and what differs between them: the scheme
/// description and the public-key form (secp256k1 compressed as in Bitcoin,
/// P-256 and P-384 uncompressed as `ring` takes them).
pub trait RustCryptoCurve: EcdsaCurve + CurveArithmetic + DigestAlgorithm {
    /// The scheme's description.
    const INFO: SchemeInfo;
    /// Public keys are SEC 1 compressed (`true`) or uncompressed.
    const COMPRESSED_PK: bool;
    /// Length of a field element (and of a scalar) in bytes.
    const FIELD_LEN: usize = SECRET_KEY_LEN;
}

impl RustCryptoCurve for k256::Secp256k1 {
    const INFO: SchemeInfo = info(
        "ecdsa-secp256k1",
        Implementation {
            id: "k256",
            krate: "k256",
            backend: "portable",
        },
        "SEC 1 v2 / RFC 6979",
        true,
        SECP256K1_SIZES,
        Security::ClassicalBits(128),
        "SHA-256, DER; signs low-S, verify rejects high-S (k256 NORMALIZE_S)",
    );
    const COMPRESSED_PK: bool = true;
}

impl RustCryptoCurve for p256::NistP256 {
    const INFO: SchemeInfo = info(
        "ecdsa-p256",
        Implementation {
            id: "p256",
            krate: "p256",
            backend: "portable",
        },
        "FIPS 186-5 / RFC 6979",
        true,
        P256_SIZES,
        Security::ClassicalBits(128),
        "SHA-256, DER, uncompressed public keys",
    );
    const COMPRESSED_PK: bool = false;
}

impl RustCryptoCurve for p384::NistP384 {
    const INFO: SchemeInfo = info(
        "ecdsa-p384",
        Implementation {
            id: "p384",
            krate: "p384",
            backend: "portable",
        },
        "FIPS 186-5 / RFC 6979",
        true,
        P384_SIZES,
        Security::ClassicalBits(192),
        "SHA-384, DER, uncompressed public keys",
    );
    const COMPRESSED_PK: bool = false;
    const FIELD_LEN: usize = P384_SECRET_KEY_LEN;
}

/// ECDSA from RustCrypto's `ecdsa` over curve `C` with the curve's hash
/// (SHA-256; SHA-384 for P-384), RFC 6979 nonces and strict DER decoding.
pub struct EcdsaRustCrypto<C>(PhantomData<C>);

/// ECDSA/secp256k1 from `k256`. Signing produces low-S signatures; `verify`
/// rejects high-S signatures (`k256` sets `NORMALIZE_S` for secp256k1 and
/// `ecdsa` 0.17 enforces it on verification).
pub type EcdsaSecp256k1K256 = EcdsaRustCrypto<k256::Secp256k1>;

/// ECDSA/P-256 from `p256`, which accepts both `s` and `n − s`.
pub type EcdsaP256RustCrypto = EcdsaRustCrypto<p256::NistP256>;

/// ECDSA/P-384 with SHA-384 from `p384`, which accepts both `s` and `n − s`.
pub type EcdsaP384RustCrypto = EcdsaRustCrypto<p384::NistP384>;

impl<C> SignatureScheme for EcdsaRustCrypto<C>
where
    C: RustCryptoCurve,
    Scalar<C>: Invert<Output = CtOption<Scalar<C>>>,
    AffinePoint<C>: FromSec1Point<C> + ToSec1Point<C>,
    FieldBytesSize<C>: ModulusSize,
    ecdsa::der::MaxSize<C>: ArraySize,
    <FieldBytesSize<C> as Add>::Output: Add<ecdsa::der::MaxOverhead> + ArraySize,
{
    type SecretKey = SigningKey<C>;
    type PublicKey = VerifyingKey<C>;
    type Signature = Signature<C>;

    const INFO: SchemeInfo = C::INFO;

    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let sk = SigningKey::<C>::generate_from_rng(rng);
        let pk = *sk.verifying_key();
        Ok((sk, pk))
    }

    fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
        sk.try_sign(msg).map_err(|e| Error::op("sign", e))
    }

    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        pk.verify(msg, sig).map_err(|_| Error::Verification)
    }

    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
        pk.to_sec1_point(C::COMPRESSED_PK).as_bytes().to_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
        let len = if C::COMPRESSED_PK {
            1 + C::FIELD_LEN
        } else {
            1 + 2 * C::FIELD_LEN
        };
        check_len(bytes, len, "public key")?;
        VerifyingKey::<C>::from_sec1_bytes(bytes).map_err(|e| Error::decode("public key", e))
    }

    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
        sk.to_bytes().to_vec()
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        sig.to_der().as_bytes().to_vec()
    }

    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        Signature::<C>::from_der(bytes).map_err(|e| Error::decode("signature", e))
    }
}

/// ECDSA/secp256k1 from libsecp256k1 (the `secp256k1` crate): the message is
/// hashed with SHA-256 and the 32-byte digest signed with an RFC 6979 nonce.
///
/// Signing produces low-S signatures; `secp256k1_ecdsa_verify` rejects
/// high-S signatures. DER decoding is `secp256k1_ecdsa_signature_parse_der`
/// (strict DER; out-of-range `r`/`s` parse but never verify).
pub struct EcdsaSecp256k1Libsecp;

/// SHA-256 of `msg` as a libsecp256k1 message digest.
fn secp_message(msg: &[u8]) -> secp256k1::Message {
    secp256k1::Message::from_digest(sha2::Sha256::digest(msg).into())
}

impl SignatureScheme for EcdsaSecp256k1Libsecp {
    type SecretKey = secp256k1::SecretKey;
    type PublicKey = secp256k1::PublicKey;
    type Signature = secp256k1::ecdsa::Signature;

    const INFO: SchemeInfo = info(
        "ecdsa-secp256k1",
        Implementation {
            id: "libsecp256k1",
            krate: "secp256k1",
            backend: "c",
        },
        "SEC 1 v2 / RFC 6979",
        true,
        SECP256K1_SIZES,
        Security::ClassicalBits(128),
        "SHA-256 then sign digest, DER; signs low-S, verify rejects high-S",
    );

    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let sk = secp256k1::SecretKey::new(&mut Rng09(rng));
        let pk = secp256k1::PublicKey::from_secret_key(&sk);
        Ok((sk, pk))
    }

    fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
        Ok(secp256k1::ecdsa::sign(secp_message(msg), sk))
    }

    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        secp256k1::ecdsa::verify(sig, secp_message(msg), pk).map_err(|_| Error::Verification)
    }

    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
        pk.serialize().to_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
        let arr: [u8; COMPRESSED_POINT_LEN] = bytes.try_into().map_err(|_| {
            Error::decode(
                "public key",
                format!("expected 33 bytes, got {}", bytes.len()),
            )
        })?;
        secp256k1::PublicKey::from_byte_array_compressed(arr)
            .map_err(|e| Error::decode("public key", e))
    }

    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
        sk.to_secret_bytes().to_vec()
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        sig.serialize_der().to_vec()
    }

    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        secp256k1::ecdsa::Signature::from_der(bytes).map_err(|e| Error::decode("signature", e))
    }
}

/// An ECDSA type over a NIST curve and a library with `ring`'s signature API
/// (`ring`, and `aws-lc-rs`, which mirrors it).
///
/// Neither library can take a seeded RNG (their `SecureRandom` is sealed):
/// signing nonces come from the library's RNG, hedged with the key and message,
/// so signing is not reproducible. Key generation stays seeded: the secret
/// scalar is drawn from the harness RNG and its public point computed with the
/// RustCrypto curve crate `$curve` (neither library has a scalar-to-point
/// API), then the library checks the pair (`$pair` builds it). The libraries
/// parse public keys and DER signatures inside `verify`, so the decoders here
/// check only the lengths and the uncompressed-point prefix.
macro_rules! ring_api_ecdsa {
    (
        $(#[$doc:meta])* $ty:ident, $sk:ident, $lib:ident, $pair:ident,
        curve: $curve:ident, scheme: $name:literal,
        sign: $signing:ident, verify: $verifying:ident,
        lens: ($scalar_len:expr, $point_len:expr, $sig_len:expr), sizes: $sizes:expr,
        security: $security:expr,
        $implementation:expr, $note:expr
    ) => {
        $(#[$doc])*
        pub struct $ty;

        #[doc = concat!("A key pair of [`", stringify!($ty), "`] with its secret scalar (the \
                         library does not give it back; it is the standard encoding).")]
        pub struct $sk {
            scalar: [u8; $scalar_len],
            pair: $lib::signature::EcdsaKeyPair,
        }

        impl $ty {
            #[doc = concat!("Builds the key pair for a ", stringify!($scalar_len),
                            "-byte big-endian secret scalar in `[1, n − 1]`.")]
            pub fn secret_key_from_scalar(scalar: &[u8]) -> Result<$sk> {
                let sk = $curve::SecretKey::from_slice(scalar)
                    .map_err(|e| Error::decode("secret key", e))?;
                Self::from_curve_key(&sk)
            }

            fn from_curve_key(sk: &$curve::SecretKey) -> Result<$sk> {
                use $curve::elliptic_curve::sec1::ToSec1Point;
                let mut scalar = [0u8; $scalar_len];
                scalar.copy_from_slice(&sk.to_bytes());
                let pk = sk.public_key().to_sec1_point(false);
                let pair = $pair(&$lib::signature::$signing, &scalar, pk.as_bytes())
                    .map_err(|e| Error::op("keygen", e))?;
                Ok($sk { scalar, pair })
            }
        }

        impl SignatureScheme for $ty {
            type SecretKey = $sk;
            type PublicKey = [u8; $point_len];
            type Signature = Vec<u8>;

            const INFO: SchemeInfo = info(
                $name,
                $implementation,
                "FIPS 186-5",
                false,
                $sizes,
                $security,
                $note,
            );

            fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
                use $lib::signature::KeyPair as _;
                let sk = Self::from_curve_key(&$curve::SecretKey::generate_from_rng(rng))?;
                let pk = Self::decode_public_key(sk.pair.public_key().as_ref())?;
                Ok((sk, pk))
            }

            fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
                let sig = sk
                    .pair
                    .sign(&$lib::rand::SystemRandom::new(), msg)
                    .map_err(|e| Error::op("sign", e))?;
                Ok(sig.as_ref().to_vec())
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                $lib::signature::UnparsedPublicKey::new(&$lib::signature::$verifying, pk)
                    .verify(msg, sig)
                    .map_err(|_| Error::Verification)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.to_vec()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                let arr: [u8; $point_len] = to_array(bytes, "public key")?;
                if arr[0] != 0x04 {
                    return Err(Error::decode("public key", "not an uncompressed SEC 1 point"));
                }
                Ok(arr)
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.scalar.to_vec()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.clone()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                check_der_len(bytes, $sig_len)?;
                Ok(bytes.to_vec())
            }
        }
    };
}

/// A DER signature must be 1..=`max` bytes (the library parses the rest).
fn check_der_len(bytes: &[u8], max: usize) -> Result<()> {
    if bytes.is_empty() || bytes.len() > max {
        return Err(Error::decode(
            "signature",
            format!("DER signature must be 1..={max} bytes, got {}", bytes.len()),
        ));
    }
    Ok(())
}

/// `ring`'s key pair from a scalar and its uncompressed point.
fn ring_pair(
    alg: &'static ring::signature::EcdsaSigningAlgorithm,
    scalar: &[u8],
    point: &[u8],
) -> std::result::Result<ring::signature::EcdsaKeyPair, ring::error::KeyRejected> {
    ring::signature::EcdsaKeyPair::from_private_key_and_public_key(
        alg,
        scalar,
        point,
        &ring::rand::SystemRandom::new(),
    )
}

/// AWS-LC's key pair from a scalar and its uncompressed point.
fn aws_lc_pair(
    alg: &'static aws_lc_rs::signature::EcdsaSigningAlgorithm,
    scalar: &[u8],
    point: &[u8],
) -> std::result::Result<aws_lc_rs::signature::EcdsaKeyPair, aws_lc_rs::error::KeyRejected> {
    aws_lc_rs::signature::EcdsaKeyPair::from_private_key_and_public_key(alg, scalar, point)
}

const RING: Implementation = Implementation {
    id: "ring",
    krate: "ring",
    backend: "asm",
};

const AWS_LC: Implementation = Implementation {
    id: "aws-lc",
    krate: "aws-lc-rs",
    backend: "aws-lc",
};

ring_api_ecdsa!(
    /// ECDSA/P-256 with SHA-256 from `ring` (`ecdsa-p256/ring`).
    EcdsaP256Ring,
    RingEcdsaSecretKey,
    ring,
    ring_pair,
    curve: p256, scheme: "ecdsa-p256",
    sign: ECDSA_P256_SHA256_ASN1_SIGNING, verify: ECDSA_P256_SHA256_ASN1,
    lens: (SECRET_KEY_LEN, UNCOMPRESSED_POINT_LEN, MAX_DER_SIG_LEN), sizes: P256_SIZES,
    security: Security::ClassicalBits(128),
    RING,
    "SHA-256, DER; nonces from the OS RNG (ring cannot take a seed); key and DER checked at verify"
);

ring_api_ecdsa!(
    /// ECDSA/P-256 with SHA-256 from AWS-LC through `aws-lc-rs`
    /// (`ecdsa-p256/aws-lc`).
    EcdsaP256AwsLc,
    AwsLcEcdsaSecretKey,
    aws_lc_rs,
    aws_lc_pair,
    curve: p256, scheme: "ecdsa-p256",
    sign: ECDSA_P256_SHA256_ASN1_SIGNING, verify: ECDSA_P256_SHA256_ASN1,
    lens: (SECRET_KEY_LEN, UNCOMPRESSED_POINT_LEN, MAX_DER_SIG_LEN), sizes: P256_SIZES,
    security: Security::ClassicalBits(128),
    AWS_LC,
    "AWS-LC C/assembly (rustls' default provider); SHA-256, DER; nonces from AWS-LC's own RNG \
     (no seed); key and DER checked at verify"
);

ring_api_ecdsa!(
    /// ECDSA/P-384 with SHA-384 from `ring` (`ecdsa-p384/ring`).
    EcdsaP384Ring,
    RingEcdsaP384SecretKey,
    ring,
    ring_pair,
    curve: p384, scheme: "ecdsa-p384",
    sign: ECDSA_P384_SHA384_ASN1_SIGNING, verify: ECDSA_P384_SHA384_ASN1,
    lens: (P384_SECRET_KEY_LEN, P384_UNCOMPRESSED_POINT_LEN, P384_MAX_DER_SIG_LEN),
    sizes: P384_SIZES,
    security: Security::ClassicalBits(192),
    RING,
    "SHA-384, DER; nonces from the OS RNG (ring cannot take a seed); key and DER checked at verify"
);

ring_api_ecdsa!(
    /// ECDSA/P-384 with SHA-384 from AWS-LC through `aws-lc-rs`
    /// (`ecdsa-p384/aws-lc`).
    EcdsaP384AwsLc,
    AwsLcEcdsaP384SecretKey,
    aws_lc_rs,
    aws_lc_pair,
    curve: p384, scheme: "ecdsa-p384",
    sign: ECDSA_P384_SHA384_ASN1_SIGNING, verify: ECDSA_P384_SHA384_ASN1,
    lens: (P384_SECRET_KEY_LEN, P384_UNCOMPRESSED_POINT_LEN, P384_MAX_DER_SIG_LEN),
    sizes: P384_SIZES,
    security: Security::ClassicalBits(192),
    AWS_LC,
    "AWS-LC C/assembly (rustls' default provider); SHA-384, DER; nonces from AWS-LC's own RNG \
     (no seed); key and DER checked at verify"
);
