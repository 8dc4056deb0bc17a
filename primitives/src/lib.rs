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

use ledgerbench_harness::Entry;
use ledgerbench_harness::dynamic::{HashEntry, SigEntry};

/// Every classical scheme in this crate, as registry entries.
pub fn schemes() -> Vec<Entry> {
    vec![
        SigEntry::<ed25519::Ed25519Dalek>::new()
            .with_batch()
            .into_entry(),
        SigEntry::<ed25519::Ed25519Ring>::new().into_entry(),
        SigEntry::<ecdsa::EcdsaSecp256k1K256>::new().into_entry(),
        SigEntry::<ecdsa::EcdsaSecp256k1Libsecp>::new().into_entry(),
        SigEntry::<ecdsa::EcdsaP256RustCrypto>::new().into_entry(),
        SigEntry::<ecdsa::EcdsaP256Ring>::new().into_entry(),
        SigEntry::<schnorr::SchnorrK256>::new().into_entry(),
        SigEntry::<schnorr::SchnorrLibsecp>::new().into_entry(),
        SigEntry::<sm2::Sm2RustCrypto>::new().into_entry(),
        SigEntry::<bls::BlstMinPk>::new()
            .with_aggregate()
            .into_entry(),
        SigEntry::<bls::ArkMinPk>::new()
            .with_aggregate()
            .into_entry(),
        HashEntry::<hash::Sha256RustCrypto>::entry(),
        HashEntry::<hash::Sha256Ring>::entry(),
        HashEntry::<hash::Sha3_256RustCrypto>::entry(),
        HashEntry::<hash::Keccak256RustCrypto>::entry(),
        HashEntry::<hash::Blake3>::entry(),
        HashEntry::<hash::Sm3RustCrypto>::entry(),
    ]
}
