//! Composite signatures: two signature schemes used together, so the result
//! stays secure while either one does (a classical scheme and a post-quantum
//! one, typically).
//!
//! [`Composite<A, B, I>`] signs the message with both schemes; verification
//! accepts only if both signatures verify. Keys and signatures are the two
//! encodings concatenated, `A ‖ B`, so `A`'s encodings must have a fixed
//! size (its `INFO` lists `Size::Exact` for `pk` and `sig`). This is the
//! plain "both must verify" construction, not the IETF LAMPS composite
//! ML-DSA format (which signs a domain-separated message representative and
//! puts ML-DSA first).
//!
//! The third parameter is a marker type implementing [`CompositeInfo`],
//! which names the pair and states its sizes (the sums of the parts' sizes,
//! checked by the tests); any crate can define one for its own pair:
//!
//! ```
//! use ledgerbench_core::{bench_rng, SignatureScheme};
//! use ledgerbench_pq::Ed25519MlDsa65;
//!
//! let mut rng = bench_rng(3, "doc");
//! let (sk, pk) = Ed25519MlDsa65::keygen(&mut rng)?;
//! let sig = Ed25519MlDsa65::sign(&sk, b"transfer 10", &mut rng)?;
//! Ed25519MlDsa65::verify(&pk, b"transfer 10", &sig)?;
//! assert_eq!(Ed25519MlDsa65::encode_signature(&sig).len(), 64 + 3309);
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```

use std::marker::PhantomData;

use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, Result, SchemeInfo, Security, SignatureScheme, Size,
};
use ledgerbench_primitives::ed25519::Ed25519Dalek;

use crate::MlDsa65RustCrypto;

/// Two signature schemes `A` and `B`, both of which must verify, described
/// by the marker `I`; see the [module docs](self).
pub struct Composite<A, B, I>(PhantomData<Parts<A, B, I>>);

/// The type parameters as a `Send + Sync` marker, whatever they are.
type Parts<A, B, I> = fn() -> (A, B, I);

/// The description of one composite pair, implemented by a marker type.
pub trait CompositeInfo: Send + Sync + 'static {
    /// The composite's `INFO`: name, sizes (sums of the parts'), security
    /// (the stronger part's, since the composite holds while either part
    /// does), determinism (only if both parts are), and so on.
    const INFO: SchemeInfo;
}

/// The exact size of `object` in `S`'s encodings, needed to split `A ‖ B`.
fn exact_size<S: SignatureScheme>(object: &str) -> Result<usize> {
    match S::INFO.size(object) {
        Some(Size::Exact(n)) => Ok(n),
        _ => Err(Error::Unsupported(format!(
            "composite whose first part ({}) has no fixed {object} size",
            S::INFO.id()
        ))),
    }
}

/// Splits `bytes` into `A`'s fixed-size part and the rest.
fn split<'a, S: SignatureScheme>(
    bytes: &'a [u8],
    object: &'static str,
    what: &'static str,
) -> Result<(&'a [u8], &'a [u8])> {
    let n = exact_size::<S>(object)?;
    if bytes.len() <= n {
        return Err(Error::decode(
            what,
            format!("{} bytes is too short", bytes.len()),
        ));
    }
    Ok(bytes.split_at(n))
}

impl<A: SignatureScheme, B: SignatureScheme, I: CompositeInfo> SignatureScheme
    for Composite<A, B, I>
{
    type SecretKey = (A::SecretKey, B::SecretKey);
    type PublicKey = (A::PublicKey, B::PublicKey);
    type Signature = (A::Signature, B::Signature);

    const INFO: SchemeInfo = I::INFO;
    const VARIABLE_TIME_KEYGEN: bool = A::VARIABLE_TIME_KEYGEN || B::VARIABLE_TIME_KEYGEN;
    const VARIABLE_TIME_SIGN: bool = A::VARIABLE_TIME_SIGN || B::VARIABLE_TIME_SIGN;

    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let (ska, pka) = A::keygen(rng)?;
        let (skb, pkb) = B::keygen(rng)?;
        Ok(((ska, skb), (pka, pkb)))
    }

    fn sign(sk: &Self::SecretKey, msg: &[u8], rng: &mut BenchRng) -> Result<Self::Signature> {
        Ok((A::sign(&sk.0, msg, rng)?, B::sign(&sk.1, msg, rng)?))
    }

    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        A::verify(&pk.0, msg, &sig.0)?;
        B::verify(&pk.1, msg, &sig.1)
    }

    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
        let mut out = A::encode_public_key(&pk.0);
        out.extend_from_slice(&B::encode_public_key(&pk.1));
        out
    }

    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
        let (a, b) = split::<A>(bytes, "pk", "composite public key")?;
        Ok((A::decode_public_key(a)?, B::decode_public_key(b)?))
    }

    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
        let mut out = A::encode_secret_key(&sk.0);
        out.extend_from_slice(&B::encode_secret_key(&sk.1));
        out
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        let mut out = A::encode_signature(&sig.0);
        out.extend_from_slice(&B::encode_signature(&sig.1));
        out
    }

    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        let (a, b) = split::<A>(bytes, "sig", "composite signature")?;
        Ok((A::decode_signature(a)?, B::decode_signature(b)?))
    }
}

/// Ed25519 (`ed25519-dalek`) + ML-DSA-65 (RustCrypto `ml-dsa`):
/// `ed25519+ml-dsa-65/composite`.
pub type Ed25519MlDsa65 = Composite<Ed25519Dalek, MlDsa65RustCrypto, Ed25519MlDsa65Info>;

/// The description of [`Ed25519MlDsa65`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Ed25519MlDsa65Info;

impl CompositeInfo for Ed25519MlDsa65Info {
    const INFO: SchemeInfo = SchemeInfo {
        name: "ed25519+ml-dsa-65",
        family: Family::Sig,
        implementation: Implementation {
            id: "composite",
            krate: "ml-dsa",
            backend: "ed25519-dalek + ml-dsa",
        },
        standard: "RFC 8032 + FIPS 204",
        security: Security::NistCategory(3),
        deterministic: true,
        constant_time: true,
        sizes: &[
            ("pk", Size::Exact(32 + 1952)),
            ("sk", Size::Exact(32 + 4032)),
            ("sig", Size::Exact(64 + 3309)),
        ],
        note: "both must verify; encodings concatenated Ed25519 ‖ ML-DSA-65 (not the IETF \
               LAMPS composite format); 128-bit classical security from either part, \
               post-quantum security from ML-DSA-65",
    };
}
