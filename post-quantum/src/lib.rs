//! Post-quantum schemes for ledgerbench: ML-DSA, ML-KEM, SLH-DSA, SPHINCS+,
//! Falcon, the X25519 and X-Wing KEMs, and composite signatures — the same
//! standard from several implementations, so speed and conformance can be
//! compared side by side.
//!
//! Every scheme is a zero-sized type implementing a typed harness trait
//! ([`SignatureScheme`](ledgerbench_core::SignatureScheme) or
//! [`Kem`](ledgerbench_core::Kem)); its id is `name/impl`:
//!
//! | scheme | `pqclean` (pqcrypto, C) | `rustcrypto` | `libcrux` | `aws-lc` (aws-lc-rs, C) |
//! |---|---|---|---|---|
//! | ML-DSA-44/65/87 (FIPS 204) | [`MlDsa65Pqclean`] | [`MlDsa65RustCrypto`] | [`MlDsa65Libcrux`] | [`MlDsa65AwsLc`] |
//! | ML-KEM-512/768/1024 (FIPS 203) | [`MlKem768Pqclean`] | [`MlKem768RustCrypto`] | [`MlKem768Libcrux`] | [`MlKem768AwsLc`] |
//! | SLH-DSA SHA2-128s/128f, SHAKE-128f (FIPS 205) | | [`SlhDsaSha2_128sRustCrypto`] | | |
//! | SPHINCS+ r3.1 (not FIPS 205) | [`SphincsSha2_128fSimplePqclean`] | | | |
//! | Falcon-512/1024 | [`Falcon512Pqclean`] | | | |
//!
//! plus [`X25519Dalek`] (classical DH-KEM baseline), [`XWingRustCrypto`]
//! (X25519 + ML-KEM-768 hybrid), HQC-128/192/256 ([`Hqc128Pqclean`], the
//! code-based KEM) and [`Composite`] signatures such as [`Ed25519MlDsa65`].
//!
//! Encodings are the standards' byte formats, so keys, signatures and
//! ciphertexts cross implementations. The FIPS 204 / FIPS 203 operations the
//! harness traits do not cover (seeded key generation, contexts, explicit
//! signing or encapsulation randomness) are in the [`MlDsa`] and [`MlKem`]
//! traits, which the Wycheproof and differential tests drive; an operation a
//! library's API cannot do returns [`Error::Unsupported`](ledgerbench_core::Error).
//!
//! ```
//! use ledgerbench_core::{bench_rng, SignatureScheme};
//! use ledgerbench_pq::{MlDsa65Libcrux, MlDsa65RustCrypto};
//!
//! let mut rng = bench_rng(7, "doc");
//! let (sk, pk) = MlDsa65RustCrypto::keygen(&mut rng)?;
//! let sig = MlDsa65RustCrypto::sign(&sk, b"block 1", &mut rng)?;
//! // A libcrux verifier accepts the RustCrypto key and signature.
//! let pk2 = MlDsa65Libcrux::decode_public_key(&MlDsa65RustCrypto::encode_public_key(&pk))?;
//! let sig2 = MlDsa65Libcrux::decode_signature(&MlDsa65RustCrypto::encode_signature(&sig))?;
//! MlDsa65Libcrux::verify(&pk2, b"block 1", &sig2)?;
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```
//!
//! ML-DSA signing is variable-time (rejection sampling): the implementations
//! that derive keys from a seed and sign deterministically implement
//! [`RepresentativeSigning`](ledgerbench_core::RepresentativeSigning) with
//! the CCTV benchmark message sets (see [`vectors`]).

pub mod composite;
pub mod falcon;
pub mod hqc;
pub mod mldsa;
pub mod mlkem;
pub mod slhdsa;
pub mod sphincs;
pub mod suites;
pub mod vectors;
pub mod x25519;
pub mod xwing;

mod pqsign;
mod util;

pub use composite::{Composite, CompositeInfo, Ed25519MlDsa65, Ed25519MlDsa65Info};
pub use falcon::{Falcon512Pqclean, Falcon1024Pqclean};
pub use hqc::{Hqc128Pqclean, Hqc192Pqclean, Hqc256Pqclean};
pub use mldsa::{
    AwsLcMlDsaPublicKey, MlDsa, MlDsa44AwsLc, MlDsa44Libcrux, MlDsa44Pqclean, MlDsa44RustCrypto,
    MlDsa65AwsLc, MlDsa65Libcrux, MlDsa65Pqclean, MlDsa65RustCrypto, MlDsa87AwsLc, MlDsa87Libcrux,
    MlDsa87Pqclean, MlDsa87RustCrypto, MlDsaParams,
};
pub use mlkem::{
    MlKem, MlKem512AwsLc, MlKem512Libcrux, MlKem512Pqclean, MlKem512RustCrypto, MlKem768AwsLc,
    MlKem768Libcrux, MlKem768Pqclean, MlKem768RustCrypto, MlKem1024AwsLc, MlKem1024Libcrux,
    MlKem1024Pqclean, MlKem1024RustCrypto, MlKemParams,
};
pub use slhdsa::{SlhDsaSha2_128fRustCrypto, SlhDsaSha2_128sRustCrypto, SlhDsaShake128fRustCrypto};
pub use sphincs::{
    SphincsSha2_128fSimplePqclean, SphincsSha2_128sSimplePqclean, SphincsShake128fSimplePqclean,
};
pub use x25519::X25519Dalek;
pub use xwing::XWingRustCrypto;

use ledgerbench_core::VectorSuite;
use ledgerbench_core::{Catalog, KemListing, SignatureListing};
use suites::acvp;

/// Every post-quantum (and baseline) scheme in this crate, listed for the
/// registry with its published vector suites. The slow "s" variants of
/// SLH-DSA and SPHINCS+ (signing takes hundreds of milliseconds) run in the
/// full suite, or in quick when named.
pub fn catalog(c: &mut impl Catalog) {
    c.signature_with::<MlDsa44Pqclean>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa44RustCrypto>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa44Libcrux>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa44AwsLc>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65Pqclean>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65RustCrypto>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65Libcrux>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65AwsLc>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87Pqclean>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87RustCrypto>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87Libcrux>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87AwsLc>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<SlhDsaSha2_128sRustCrypto>(|s| s.full_suite_only());
    c.signature::<SlhDsaSha2_128fRustCrypto>();
    c.signature::<SlhDsaShake128fRustCrypto>();
    c.signature_with::<SphincsSha2_128sSimplePqclean>(|s| s.full_suite_only());
    c.signature::<SphincsSha2_128fSimplePqclean>();
    c.signature::<SphincsShake128fSimplePqclean>();
    c.signature::<Falcon512Pqclean>();
    c.signature::<Falcon1024Pqclean>();
    c.signature::<Ed25519MlDsa65>();
    c.kem_with::<MlKem512Pqclean>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem512RustCrypto>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem512Libcrux>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem512AwsLc>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem768Pqclean>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem768RustCrypto>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem768Libcrux>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem768AwsLc>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem1024Pqclean>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<MlKem1024RustCrypto>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<MlKem1024Libcrux>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<MlKem1024AwsLc>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<X25519Dalek>(|k| {
        k.with_suite(suites::x25519::wycheproof())
            .with_suite(suites::x25519::rfc7748())
    });
    c.kem_with::<XWingRustCrypto>(|k| k.with_suite(suites::xwing::draft()));
    c.kem::<Hqc128Pqclean>();
    c.kem::<Hqc192Pqclean>();
    c.kem::<Hqc256Pqclean>();
}

/// Wycheproof and ACVP suites of an ML-DSA implementation.
fn mldsa_suites<S: MlDsa>() -> impl Iterator<Item = VectorSuite<S>> {
    suites::mldsa::wycheproof::<S>()
        .into_iter()
        .chain(acvp::mldsa::<S>())
}

/// Wycheproof and ACVP suites of an ML-KEM implementation (`R` expands
/// seeds for implementations without seeded key generation).
fn mlkem_suites<S: MlKem, R: MlKem>() -> impl Iterator<Item = VectorSuite<S>> {
    suites::mlkem::wycheproof::<S, R>()
        .into_iter()
        .chain(acvp::mlkem::<S>())
}
