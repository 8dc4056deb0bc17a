//! BLS signatures on BLS12-381, min-pk variant (public keys in G1, 48 bytes
//! compressed; signatures in G2, 96 bytes compressed), proof-of-possession
//! ciphersuite of draft-irtf-cfrg-bls-signature-05.
//!
//! Two implementations of the same scheme, byte-compatible with each other:
//!
//! | type | scheme id | library |
//! |---|---|---|
//! | [`BlstMinPk`] | `bls12-381-minpk/blst` | `blst` (assembly, constant-time) |
//! | [`ArkMinPk`] | `bls12-381-minpk/arkworks` | this crate on `ark-bls12-381` + `ark-ec` |
//!
//! Both implement [`SignatureScheme`](ledgerbench_core::SignatureScheme),
//! [`Aggregate`] and [`BlsMinPk`], the last exposing what test vectors need:
//! signing and verifying under any domain separation tag (the Wycheproof
//! basic-scheme files use [`DST_BASIC`]), hash-to-G2, and building keys from
//! bytes or from input key material.
//!
//! Validation happens when bytes are decoded: a public key must be a point of
//! the prime-order subgroup and not the identity (the draft's `KeyValidate`), a
//! signature must be a subgroup point and not the identity. Verification then
//! only re-checks that the (possibly aggregated) public key is not the identity.
//!
//! `verify_aggregate` is the PoP scheme's `AggregateVerify`, which is the
//! draft's `CoreAggregateVerify` (section 3.3): messages need *not* be distinct,
//! because proofs of possession already rule out rogue keys. The Basic scheme
//! (section 3.1) does require distinct messages; callers verifying under
//! [`DST_BASIC`] check that with [`messages_distinct`].
//!
//! ```
//! use ledgerbench_core::{bench_rng, Aggregate, SignatureScheme};
//! use ledgerbench_primitives::bls::BlstMinPk;
//!
//! let mut rng = bench_rng(7, "doc");
//! let (sk1, pk1) = BlstMinPk::keygen(&mut rng)?;
//! let (sk2, pk2) = BlstMinPk::keygen(&mut rng)?;
//! let s1 = BlstMinPk::sign(&sk1, b"block 1", &mut rng)?;
//! let s2 = BlstMinPk::sign(&sk2, b"block 2", &mut rng)?;
//! let agg = BlstMinPk::aggregate_signatures(&[&s1, &s2])?;
//! BlstMinPk::verify_aggregate(&[&pk1, &pk2], &[b"block 1", b"block 2"], &agg)?;
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```

mod arkworks;
mod blst;

pub use self::arkworks::ArkMinPk;
pub use self::blst::BlstMinPk;

use ledgerbench_core::{Aggregate, NamedSize, Result, Size};

/// Signature DST of the proof-of-possession ciphersuite (what `sign`/`verify` use).
pub const DST_POP: &[u8] = b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
/// DST of proofs of possession (`PopProve`/`PopVerify`).
pub const DST_POP_PROOF: &[u8] = b"BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
/// Signature DST of the Basic ciphersuite (used by the Wycheproof basic and
/// aggregate files).
pub const DST_BASIC: &[u8] = b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";

/// Length of a compressed public key (G1).
pub const PUBLIC_KEY_LEN: usize = 48;
/// Length of a compressed signature (G2).
pub const SIGNATURE_LEN: usize = 96;
/// Length of an encoded secret key (big-endian scalar).
pub const SECRET_KEY_LEN: usize = 32;

/// The sizes both implementations list in `INFO`.
pub(crate) const SIZES: &[NamedSize] = &[
    ("pk", Size::Exact(PUBLIC_KEY_LEN)),
    ("sk", Size::Exact(SECRET_KEY_LEN)),
    ("sig", Size::Exact(SIGNATURE_LEN)),
];

/// The standard both implementations follow.
pub(crate) const STANDARD: &str = "draft-irtf-cfrg-bls-signature-05 (PoP)";

/// Operations beyond the harness traits, shared by both implementations so
/// tests (vectors, differential checks) are written once.
pub trait BlsMinPk: Aggregate {
    /// Builds a secret key from its 32-byte big-endian encoding
    /// (`I2OSP(SK, 32)`); rejects zero and values not below the group order.
    fn secret_key_from_bytes(bytes: &[u8]) -> Result<Self::SecretKey>;
    /// Derives a secret key with the draft's `KeyGen(IKM)` (HKDF-SHA-256, salt
    /// `BLS-SIG-KEYGEN-SALT-`, empty `key_info`); `ikm` must be at least 32 bytes.
    fn secret_key_from_ikm(ikm: &[u8]) -> Result<Self::SecretKey>;
    /// The public key of `sk` (`SkToPk`).
    fn public_key(sk: &Self::SecretKey) -> Self::PublicKey;
    /// `CoreSign` under the domain separation tag `dst`.
    fn sign_with_dst(sk: &Self::SecretKey, msg: &[u8], dst: &[u8]) -> Result<Self::Signature>;
    /// `CoreVerify` under `dst`.
    fn verify_with_dst(
        pk: &Self::PublicKey,
        msg: &[u8],
        sig: &Self::Signature,
        dst: &[u8],
    ) -> Result<()>;
    /// `CoreAggregateVerify` under `dst`: one message per key, at least one key;
    /// messages are not required to be distinct (see the module docs).
    fn verify_aggregate_with_dst(
        pks: &[&Self::PublicKey],
        msgs: &[&[u8]],
        sig: &Self::Signature,
        dst: &[u8],
    ) -> Result<()>;
    /// `hash_to_curve` onto G2 (suite `BLS12381G2_XMD:SHA-256_SSWU_RO_`) under
    /// `dst`, returned compressed.
    fn hash_to_g2(msg: &[u8], dst: &[u8]) -> Result<[u8; SIGNATURE_LEN]>;
}

/// Whether all messages differ, as the Basic scheme's `AggregateVerify` requires.
pub fn messages_distinct(msgs: &[&[u8]]) -> bool {
    let mut seen = std::collections::HashSet::with_capacity(msgs.len());
    msgs.iter().all(|m| seen.insert(*m))
}

/// Checks the shape of an aggregate-verification request (draft: `n >= 1`,
/// one message per key).
pub(crate) fn check_aggregate_shape(n_pks: usize, n_msgs: usize) -> Result<()> {
    if n_pks == 0 || n_pks != n_msgs {
        return Err(ledgerbench_core::Error::Verification);
    }
    Ok(())
}
