//! Raw ECDSA/secp256k1 verification verdicts of the two libraries, for
//! differential testing (`primitives/tests/ecdsa_differential.rs` and the
//! `ecdsa_secp256k1_diff` fuzz target): arbitrary public-key, message and
//! signature bytes go straight to each library's own parsers — any SEC 1
//! public-key form, DER signatures, SHA-256 of the message — with no length
//! checks of ours in front, so a difference is the libraries'.

use ecdsa::signature::Verifier;
use sha2::Digest;

/// `k256` (RustCrypto): `VerifyingKey::from_sec1_bytes`, `Signature::from_der`, `verify`.
pub fn k256_accepts(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let Ok(key) = k256::ecdsa::VerifyingKey::from_sec1_bytes(pk) else {
        return false;
    };
    let Ok(sig) = k256::ecdsa::Signature::from_der(sig) else {
        return false;
    };
    key.verify(msg, &sig).is_ok()
}

/// libsecp256k1: `secp256k1_ec_pubkey_parse`, `secp256k1_ecdsa_signature_parse_der`,
/// `secp256k1_ecdsa_verify` on the SHA-256 digest.
pub fn libsecp_accepts(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let Ok(key) = secp256k1::PublicKey::from_slice(pk) else {
        return false;
    };
    let Ok(sig) = secp256k1::ecdsa::Signature::from_der(sig) else {
        return false;
    };
    let digest = secp256k1::Message::from_digest(sha2::Sha256::digest(msg).into());
    secp256k1::ecdsa::verify(&sig, digest, &key).is_ok()
}

/// The known differences, both in parsing the public key (found by
/// `primitives/tests/ecdsa_differential.rs`):
///
/// - libsecp256k1 alone parses the SEC 1 / X9.62 *hybrid* form (65 bytes,
///   prefix `06`/`07`: uncompressed with the y parity repeated in the prefix);
/// - `k256` alone parses the *compact* form (33 bytes, prefix `05`: the
///   x-coordinate only, y implied, from draft-jivsov-ecc-compact), which the
///   `sec1` crate accepts as `Tag::Compact`.
///
/// Returns which library alone may accept `pk`: `Some(true)` for `k256`,
/// `Some(false)` for libsecp256k1, `None` when both must agree.
pub fn known_difference(pk: &[u8]) -> Option<bool> {
    match (pk.len(), pk.first()) {
        (65, Some(0x06 | 0x07)) => Some(false),
        (33, Some(0x05)) => Some(true),
        _ => None,
    }
}
