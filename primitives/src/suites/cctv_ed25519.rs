//! C2SP CCTV Ed25519 edge cases: 914 `(A, R)` encodings, each with flags
//! naming its properties (low order, non-canonical...). They have no expected
//! outcome — RFC 8032, the cofactored and cofactorless equations and ZIP 215
//! disagree on them — so the suite classifies: accepted counts per flag, per
//! verification function. Two validators that accept different sets fork a
//! ledger, which is why the counts are shown beside every implementation.

use ed25519_dalek::{Signature, VerifyingKey};
use ledgerbench_core::conformance::{Classification, SuiteReport, VectorSuite, accepts};
use ledgerbench_core::{BatchVerify, Result, SignatureScheme};
use serde::Deserialize;

use super::{bad_data, unhex};
use crate::ed25519::Ed25519Dalek;

const FILE: &str = "cctv-ed25519/ed25519vectors.json";
const JSON: &str = include_str!("../../../vectors/cctv-ed25519/ed25519vectors.json");

/// The suite's name.
pub const NAME: &str = "cctv ed25519";

/// One CCTV vector: public key, signature, message and flags.
#[derive(Clone, Debug)]
pub struct CctvVector {
    /// Vector number.
    pub number: u64,
    /// Public key `A`.
    pub key: Vec<u8>,
    /// Signature `R ‖ S`.
    pub sig: Vec<u8>,
    /// Message bytes.
    pub msg: Vec<u8>,
    /// Flags (`low_order_A`, `non_canonical_R`...); empty for none.
    pub flags: Vec<String>,
}

#[derive(Deserialize)]
struct Raw {
    number: u64,
    key: String,
    sig: String,
    msg: String,
    flags: Option<Vec<String>>,
}

/// Every vector of the embedded file.
pub fn vectors() -> Result<Vec<CctvVector>> {
    let raw: Vec<Raw> = serde_json::from_str(JSON).map_err(|e| bad_data(FILE, e))?;
    raw.into_iter()
        .map(|r| {
            Ok(CctvVector {
                number: r.number,
                key: unhex(FILE, "key", &r.key)?,
                sig: unhex(FILE, "sig", &r.sig)?,
                msg: r.msg.into_bytes(),
                flags: r.flags.unwrap_or_default(),
            })
        })
        .collect()
}

/// A verification function: public key, message, signature → accepted.
pub type Verifier = fn(&[u8], &[u8], &[u8]) -> bool;

/// The suite for `S`'s `verify`.
pub fn classify<S: SignatureScheme>() -> VectorSuite<S> {
    VectorSuite::new(NAME, || run(&[("verify", accepts::<S>)]))
}

/// The suite for ed25519-dalek: `verify` (what is measured),
/// `verify_strict` and batch verification of a one-element batch.
pub fn classify_dalek() -> VectorSuite<Ed25519Dalek> {
    VectorSuite::new(NAME, || {
        run(&[
            ("verify", accepts::<Ed25519Dalek>),
            ("verify_strict", dalek_strict),
            ("verify_batch", dalek_batch),
        ])
    })
}

/// ed25519-dalek's `verify_strict` (rejects low-order `A` and `R`).
pub fn dalek_strict(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let (Ok(pk), Ok(sig)) = (<[u8; 32]>::try_from(pk), Signature::from_slice(sig)) else {
        return false;
    };
    VerifyingKey::from_bytes(&pk).is_ok_and(|pk| pk.verify_strict(msg, &sig).is_ok())
}

/// ed25519-dalek's batch verification of the one signature.
pub fn dalek_batch(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    match (
        Ed25519Dalek::decode_public_key(pk),
        Ed25519Dalek::decode_signature(sig),
    ) {
        (Ok(pk), Ok(s)) => Ed25519Dalek::verify_batch(&[(&pk, msg, &s)]).is_ok(),
        _ => false,
    }
}

fn run(functions: &[(&str, Verifier)]) -> Result<SuiteReport> {
    let vectors = vectors()?;
    let mut report = SuiteReport::new(NAME, "C2SP/CCTV ed25519", "1e3d286").with_reason(
        "edge cases without expected outcomes: classified (accepted per flag), not judged",
    );
    report.run = vectors.len();
    for (function, verify) in functions {
        let mut c = Classification::new(*function);
        for v in &vectors {
            c.count(&v.flags, verify(&v.key, &v.msg, &v.sig));
        }
        c.flags.sort_by(|a, b| a.flag.cmp(&b.flag));
        report.classification.push(c);
    }
    Ok(report)
}
