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

use ledgerbench_core::{Catalog, SignatureListing};

/// Every classical scheme in this crate, listed for the registry.
pub fn catalog(c: &mut impl Catalog) {
    c.signature_with::<ed25519::Ed25519Dalek>(|s| s.with_batch());
    c.signature::<ed25519::Ed25519Ring>();
    c.signature::<ecdsa::EcdsaSecp256k1K256>();
    c.signature::<ecdsa::EcdsaSecp256k1Libsecp>();
    c.signature::<ecdsa::EcdsaP256RustCrypto>();
    c.signature::<ecdsa::EcdsaP256Ring>();
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
