//! Classical schemes for ledgerbench: Ed25519, ECDSA (secp256k1, P-256),
//! BIP-340 Schnorr, SM2, BLS12-381 and hashes, each behind the harness traits.
#![forbid(unsafe_code)]

pub mod bls;
pub mod ecdsa;
pub mod ed25519;
pub mod hash;
pub mod schnorr;
pub mod secp256k1_diff;
pub mod sm2;
pub mod suites;

use ledgerbench_core::{Catalog, SignatureListing, SignatureScheme, VectorSuite};
use suites::ecdsa::{EcdsaFile, KeyForm, SPolicy};

/// Every classical scheme in this crate, listed for the registry with its
/// published vector suites.
pub fn catalog(c: &mut impl Catalog) {
    use suites::{cctv_ed25519, ed25519 as ed};
    c.signature_with::<ed25519::Ed25519Dalek>(|s| {
        s.with_batch()
            .with_suite(ed::wycheproof())
            .with_suite(ed::rfc8032())
            .with_suite(cctv_ed25519::classify_dalek())
    });
    c.signature_with::<ed25519::Ed25519Ring>(|s| {
        s.with_suite(ed::wycheproof())
            .with_suite(ed::rfc8032())
            .with_suite(cctv_ed25519::classify())
    });
    c.signature_with::<ed25519::Ed25519AwsLc>(|s| {
        s.with_suite(ed::wycheproof())
            .with_suite(ed::rfc8032())
            .with_suite(cctv_ed25519::classify())
    });
    c.signature_with::<ecdsa::EcdsaSecp256k1K256>(|s| s.with_suites(secp256k1_suites()));
    c.signature_with::<ecdsa::EcdsaSecp256k1Libsecp>(|s| s.with_suites(secp256k1_suites()));
    c.signature_with::<ecdsa::EcdsaP256RustCrypto>(|s| s.with_suites(p256_suites()));
    c.signature_with::<ecdsa::EcdsaP256Ring>(|s| s.with_suites(p256_suites()));
    c.signature_with::<ecdsa::EcdsaP256AwsLc>(|s| s.with_suites(p256_suites()));
    c.signature_with::<ecdsa::EcdsaP384RustCrypto>(|s| s.with_suites(p384_suites()));
    c.signature_with::<ecdsa::EcdsaP384Ring>(|s| s.with_suites(p384_suites()));
    c.signature_with::<ecdsa::EcdsaP384AwsLc>(|s| s.with_suites(p384_suites()));
    c.signature::<schnorr::SchnorrK256>();
    c.signature::<schnorr::SchnorrLibsecp>();
    c.signature::<sm2::Sm2RustCrypto>();
    c.signature_with::<bls::BlstMinPk>(|s| s.with_aggregate());
    c.signature_with::<bls::ArkMinPk>(|s| s.with_aggregate());
    c.hash::<hash::Sha256RustCrypto>();
    c.hash::<hash::Sha256Ring>();
    c.hash::<hash::Sha3_256RustCrypto>();
    c.hash::<hash::Keccak256RustCrypto>();
    c.hash::<hash::Blake3>();
    c.hash::<hash::Sm3RustCrypto>();
}

/// Wycheproof secp256k1/SHA-256, plain (under the low-S policy both
/// libraries follow) and Bitcoin variants, keys compressed.
fn secp256k1_suites<S: SignatureScheme>() -> [VectorSuite<S>; 2] {
    use suites::ecdsa::wycheproof;
    [
        wycheproof(
            EcdsaFile::Secp256k1Sha256,
            KeyForm::Compressed,
            SPolicy::LowSOnly,
        ),
        wycheproof(
            EcdsaFile::Secp256k1Sha256Bitcoin,
            KeyForm::Compressed,
            SPolicy::LowSOnly,
        ),
    ]
}

/// Wycheproof secp256r1/SHA-256, keys uncompressed.
fn p256_suites<S: SignatureScheme>() -> [VectorSuite<S>; 1] {
    [suites::ecdsa::wycheproof(
        EcdsaFile::Secp256r1Sha256,
        KeyForm::Uncompressed,
        SPolicy::Any,
    )]
}

/// Wycheproof secp384r1/SHA-384, keys uncompressed.
fn p384_suites<S: SignatureScheme>() -> [VectorSuite<S>; 1] {
    [suites::ecdsa::wycheproof(
        EcdsaFile::Secp384r1Sha384,
        KeyForm::Uncompressed,
        SPolicy::Any,
    )]
}
