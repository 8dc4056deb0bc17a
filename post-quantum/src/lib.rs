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
//! `liboqs` (Open Quantum Safe, C with runtime CPU dispatch, through the
//! `oqs` crate) adds a fifth implementation of ML-DSA ([`MlDsa65Liboqs`]),
//! ML-KEM ([`MlKem768Liboqs`]), Falcon ([`Falcon512Liboqs`], the AVX2 code
//! with native floating point), and the schemes no other
//! library here has: FrodoKEM ([`FrodoKem640AesLiboqs`]), Classic McEliece
//! ([`ClassicMcEliece348864Liboqs`]), BIKE ([`BikeL1Liboqs`]) and the
//! on-ramp signatures MAYO ([`Mayo1Liboqs`]), CROSS
//! ([`CrossRsdp128FastLiboqs`]) and UOV ([`UovIsLiboqs`]).
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
pub mod liboqs;
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
pub use liboqs::{
    BikeL1Liboqs, ClassicMcEliece348864Liboqs, CrossRsdp128FastLiboqs, CrossRsdpg128FastLiboqs,
    Falcon512Liboqs, Falcon1024Liboqs, FrodoKem640AesLiboqs, FrodoKem640ShakeLiboqs, Mayo1Liboqs,
    Mayo2Liboqs, MlDsa44Liboqs, MlDsa65Liboqs, MlDsa87Liboqs, MlKem512Liboqs, MlKem768Liboqs,
    MlKem1024Liboqs, UovIpLiboqs, UovIsLiboqs,
};
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
pub use slhdsa::{
    SlhDsa, SlhDsaSha2_128fRustCrypto, SlhDsaSha2_128sRustCrypto, SlhDsaShake128fRustCrypto,
};
pub use sphincs::{
    SphincsSha2_128fSimplePqclean, SphincsSha2_128sSimplePqclean, SphincsShake128fSimplePqclean,
};
pub use x25519::{X25519AwsLc, X25519Dalek};
pub use xwing::XWingRustCrypto;

use ledgerbench_core::VectorSuite;
use ledgerbench_core::{Catalog, KemListing, SignatureListing};
use suites::acvp;

/// The code path each library here with run-time CPU dispatch takes on this
/// CPU, as the library decides it: `(library, path)`, for `run.json`.
pub fn code_paths() -> Vec<(&'static str, String)> {
    let libcrux = if libcrux_platform::simd256_support() {
        "avx2"
    } else {
        "portable"
    };
    vec![
        (
            "liboqs",
            format!("{} (liboqs {})", liboqs::code_path(), liboqs::version()),
        ),
        ("libcrux", libcrux.to_string()),
    ]
}

/// Every post-quantum (and baseline) scheme in this crate, listed for the
/// registry with its published vector suites. The slow "s" variants of
/// SLH-DSA and SPHINCS+ (signing takes hundreds of milliseconds) run in the
/// full suite, or in quick when named.
pub fn catalog(c: &mut impl Catalog) {
    use suites::liboqs_kat::SignedMessage::{
        Falcon, MessageThenSignature as MsgThenSig, SignatureThenMessage as SigThenMsg,
    };
    use suites::liboqs_kat::{kem as kem_kat, signature as sig_kat, unseedable};
    c.signature_with::<MlDsa44Pqclean>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa44RustCrypto>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa44Libcrux>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa44AwsLc>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa44Liboqs>(|s| {
        s.with_suites(mldsa_suites())
            .with_suite(sig_kat("ML-DSA-44", SigThenMsg))
    });
    c.signature_with::<MlDsa65Pqclean>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65RustCrypto>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65Libcrux>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65AwsLc>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa65Liboqs>(|s| {
        s.with_suites(mldsa_suites())
            .with_suite(sig_kat("ML-DSA-65", SigThenMsg))
    });
    c.signature_with::<MlDsa87Pqclean>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87RustCrypto>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87Libcrux>(|s| s.with_signing_sets().with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87AwsLc>(|s| s.with_suites(mldsa_suites()));
    c.signature_with::<MlDsa87Liboqs>(|s| {
        s.with_suites(mldsa_suites())
            .with_suite(sig_kat("ML-DSA-87", SigThenMsg))
    });
    c.signature_with::<SlhDsaSha2_128sRustCrypto>(|s| {
        s.full_suite_only().with_suites(acvp::slhdsa())
    });
    c.signature_with::<SlhDsaSha2_128fRustCrypto>(|s| s.with_suites(acvp::slhdsa()));
    c.signature_with::<SlhDsaShake128fRustCrypto>(|s| s.with_suites(acvp::slhdsa()));
    c.signature_with::<SphincsSha2_128sSimplePqclean>(|s| s.full_suite_only());
    c.signature::<SphincsSha2_128fSimplePqclean>();
    c.signature::<SphincsShake128fSimplePqclean>();
    c.signature_with::<Falcon512Pqclean>(|s| s.with_suite(unseedable("Falcon-512")));
    c.signature_with::<Falcon1024Pqclean>(|s| s.with_suite(unseedable("Falcon-1024")));
    c.signature_with::<Falcon512Liboqs>(|s| {
        s.with_suite(sig_kat("Falcon-512", Falcon { header: 0x29 }))
    });
    c.signature_with::<Falcon1024Liboqs>(|s| {
        s.with_suite(sig_kat("Falcon-1024", Falcon { header: 0x2A }))
    });
    c.signature_with::<Mayo1Liboqs>(|s| s.with_suite(sig_kat("MAYO-1", SigThenMsg)));
    c.signature_with::<Mayo2Liboqs>(|s| s.with_suite(sig_kat("MAYO-2", SigThenMsg)));
    c.signature_with::<CrossRsdp128FastLiboqs>(|s| {
        s.with_suite(sig_kat("cross-rsdp-128-fast", MsgThenSig))
    });
    c.signature_with::<CrossRsdpg128FastLiboqs>(|s| {
        s.with_suite(sig_kat("cross-rsdpg-128-fast", MsgThenSig))
    });
    c.signature_with::<UovIsLiboqs>(|s| s.with_suite(sig_kat("OV-Is", MsgThenSig)));
    c.signature_with::<UovIpLiboqs>(|s| s.with_suite(sig_kat("OV-Ip", MsgThenSig)));
    c.signature::<Ed25519MlDsa65>();
    c.kem_with::<MlKem512Pqclean>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem512RustCrypto>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem512Libcrux>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem512AwsLc>(|k| k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>()));
    c.kem_with::<MlKem512Liboqs>(|k| {
        k.with_suites(mlkem_suites::<_, MlKem512RustCrypto>())
            .with_suite(kem_kat("ML-KEM-512"))
    });
    c.kem_with::<MlKem768Pqclean>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem768RustCrypto>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem768Libcrux>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem768AwsLc>(|k| k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>()));
    c.kem_with::<MlKem768Liboqs>(|k| {
        k.with_suites(mlkem_suites::<_, MlKem768RustCrypto>())
            .with_suite(kem_kat("ML-KEM-768"))
    });
    c.kem_with::<MlKem1024Pqclean>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<MlKem1024RustCrypto>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<MlKem1024Libcrux>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<MlKem1024AwsLc>(|k| k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>()));
    c.kem_with::<MlKem1024Liboqs>(|k| {
        k.with_suites(mlkem_suites::<_, MlKem1024RustCrypto>())
            .with_suite(kem_kat("ML-KEM-1024"))
    });
    c.kem_with::<X25519Dalek>(|k| {
        k.with_suite(suites::x25519::wycheproof())
            .with_suite(suites::x25519::rfc7748())
    });
    c.kem_with::<X25519AwsLc>(|k| {
        k.with_suite(suites::x25519::wycheproof())
            .with_suite(suites::x25519::rfc7748())
    });
    c.kem_with::<XWingRustCrypto>(|k| k.with_suite(suites::xwing::draft()));
    c.kem_with::<Hqc128Pqclean>(|k| k.with_suite(unseedable("HQC-128")));
    c.kem_with::<Hqc192Pqclean>(|k| k.with_suite(unseedable("HQC-192")));
    c.kem_with::<Hqc256Pqclean>(|k| k.with_suite(unseedable("HQC-256")));
    c.kem_with::<FrodoKem640AesLiboqs>(|k| k.with_suite(kem_kat("FrodoKEM-640-AES")));
    c.kem_with::<FrodoKem640ShakeLiboqs>(|k| k.with_suite(kem_kat("FrodoKEM-640-SHAKE")));
    c.kem_with::<ClassicMcEliece348864Liboqs>(|k| k.with_suite(kem_kat("Classic-McEliece-348864")));
    c.kem_with::<BikeL1Liboqs>(|k| k.with_suite(kem_kat("BIKE-L1")));
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
