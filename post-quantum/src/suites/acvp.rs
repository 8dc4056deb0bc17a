//! NIST ACVP known answers (usnistgov/ACVP-Server `gen-val/json-files/`,
//! the `internalProjection.json` files, which hold each test's expected
//! answer): ML-KEM keyGen and encapDecap, ML-DSA keyGen and sigGen.
//!
//! The files (ACVP-Server commit 65370b8, `vectors/acvp/`) test the
//! *internal* interfaces: `ML-KEM.KeyGen_internal(d, z)`,
//! `Encaps_internal(ek, m)`, `Decaps_internal(dk, c)`, `ML-DSA.KeyGen_internal(ξ)`
//! and `ML-DSA.Sign_internal(sk, M', rnd)`. The last is reached through
//! external-μ signing with μ = SHAKE256(tr ‖ M', 64) (FIPS 204 Algorithm 7,
//! line 6; tr is bytes 64..128 of the secret key); a library without
//! seeded key generation, caller-chosen randomness or external-μ signing
//! cannot take those tests (not applicable, with the reason).

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
use ledgerbench_core::{Error, Result};
use serde::Deserialize;
use shake::{ExtendableOutput, Shake256, Update, XofReader};

use super::{bad_data, unsupported_reason};
use crate::{MlDsa, MlKem};

/// Where the files come from.
const SOURCE: &str = "usnistgov/ACVP-Server gen-val/json-files";
/// The upstream commit of the files.
const COMMIT: &str = "65370b8";

const MLKEM_KEYGEN: (&str, &str) = (
    "acvp/ML-KEM-keyGen-FIPS203/internalProjection.json",
    include_str!("../../../vectors/acvp/ML-KEM-keyGen-FIPS203/internalProjection.json"),
);
const MLKEM_ENCAP_DECAP: (&str, &str) = (
    "acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json",
    include_str!("../../../vectors/acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json"),
);
const MLDSA_KEYGEN: (&str, &str) = (
    "acvp/ML-DSA-keyGen-FIPS204/internalProjection.json",
    include_str!("../../../vectors/acvp/ML-DSA-keyGen-FIPS204/internalProjection.json"),
);
const MLDSA_SIGGEN: (&str, &str) = (
    "acvp/ML-DSA-sigGen-FIPS204/internalProjection.json",
    include_str!("../../../vectors/acvp/ML-DSA-sigGen-FIPS204/internalProjection.json"),
);

/// An ACVP vector set: groups of tests, every field a hex string (or a flag).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VectorSet {
    test_groups: Vec<Group>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Group {
    parameter_set: String,
    #[serde(default)]
    function: Option<String>,
    #[serde(default)]
    deterministic: Option<bool>,
    #[serde(default)]
    dk: Option<String>,
    tests: Vec<serde_json::Map<String, serde_json::Value>>,
}

fn load(file: (&'static str, &'static str)) -> Result<VectorSet> {
    serde_json::from_str(file.1).map_err(|e| bad_data(file.0, e))
}

/// The hex field `name` of a test.
fn field(
    file: &'static str,
    test: &serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Result<Vec<u8>> {
    let text = test
        .get(name)
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| bad_data(file, format!("a test has no `{name}`")))?;
    hex::decode(text).map_err(|e| bad_data(file, format!("{name}: {e}")))
}

fn tc_id(test: &serde_json::Map<String, serde_json::Value>) -> u64 {
    test.get("tcId")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0)
}

/// The groups of `name`'s parameter set (`ML-KEM-768` for `ml-kem-768`).
fn groups<'a>(set: &'a VectorSet, name: &str) -> impl Iterator<Item = &'a Group> {
    let name = name.to_ascii_uppercase();
    set.test_groups
        .iter()
        .filter(move |g| g.parameter_set.to_ascii_uppercase() == name)
}

fn pass(ok: bool) -> Outcome {
    if ok { Outcome::Pass } else { Outcome::Fail }
}

/// ML-KEM: `keyGen` (seeds d, z → ek, dk) and `encapDecap` (ek, m → c, K;
/// dk, c → K, including modified ciphertexts whose K is the implicit
/// rejection value) of `S`'s parameter set.
pub fn mlkem<S: MlKem>() -> [VectorSuite<S>; 2] {
    [
        VectorSuite::new("acvp ML-KEM keyGen", mlkem_keygen::<S>),
        VectorSuite::new("acvp ML-KEM encapDecap", mlkem_encap_decap::<S>),
    ]
}

fn mlkem_keygen<S: MlKem>() -> Result<SuiteReport> {
    let file = MLKEM_KEYGEN.0;
    let set = load(MLKEM_KEYGEN)?;
    let mut report = SuiteReport::new("acvp ML-KEM keyGen", SOURCE, COMMIT);
    for group in groups(&set, S::INFO.name) {
        for t in &group.tests {
            let mut seed = field(file, t, "d")?;
            seed.extend(field(file, t, "z")?);
            match S::keygen_from_seed(&seed) {
                Err(e @ Error::Unsupported(_)) => {
                    report.not_applicable(tc_id(t), &unsupported_reason(&e))
                }
                Err(_) => report.record(tc_id(t), Outcome::Fail),
                Ok((dk, ek)) => report.record(
                    tc_id(t),
                    pass(
                        S::encode_encaps_key(&ek) == field(file, t, "ek")?
                            && S::encode_decaps_key(&dk) == field(file, t, "dk")?,
                    ),
                ),
            }
        }
    }
    Ok(report)
}

fn mlkem_encap_decap<S: MlKem>() -> Result<SuiteReport> {
    let file = MLKEM_ENCAP_DECAP.0;
    let set = load(MLKEM_ENCAP_DECAP)?;
    let mut report = SuiteReport::new("acvp ML-KEM encapDecap", SOURCE, COMMIT);
    for group in groups(&set, S::INFO.name) {
        let decaps_group = group.function.as_deref() == Some("decapsulation");
        let group_dk = match (&group.dk, decaps_group) {
            (Some(dk), true) => {
                Some(hex::decode(dk).map_err(|e| bad_data(file, format!("dk: {e}")))?)
            }
            _ => None,
        };
        for t in &group.tests {
            let id = tc_id(t);
            if let Some(dk) = &group_dk {
                let k = S::decode_decaps_key(dk).ok().and_then(|dk| {
                    let c = S::decode_ciphertext(&field(file, t, "c").ok()?).ok()?;
                    S::decaps(&dk, &c).ok()
                });
                report.record(
                    id,
                    pass(k.map(|k| k.to_vec()) == Some(field(file, t, "k")?)),
                );
                continue;
            }
            let m: [u8; 32] = field(file, t, "m")?
                .try_into()
                .map_err(|_| bad_data(file, format!("tc {id}: m is not 32 bytes")))?;
            let outcome = match S::decode_encaps_key(&field(file, t, "ek")?) {
                Err(_) => Outcome::Fail,
                Ok(ek) => match S::encaps_deterministic(&ek, &m) {
                    Err(e @ Error::Unsupported(_)) => {
                        report.not_applicable(id, &unsupported_reason(&e));
                        continue;
                    }
                    Err(_) => Outcome::Fail,
                    Ok((c, k)) => pass(
                        S::encode_ciphertext(&c) == field(file, t, "c")?
                            && k.to_vec() == field(file, t, "k")?,
                    ),
                },
            };
            report.record(id, outcome);
        }
    }
    Ok(report)
}

/// ML-DSA: `keyGen` (seed ξ → pk, sk) and `sigGen` (sk, M', rnd →
/// signature, through external μ) of `S`'s parameter set.
pub fn mldsa<S: MlDsa>() -> [VectorSuite<S>; 2] {
    [
        VectorSuite::new("acvp ML-DSA keyGen", mldsa_keygen::<S>),
        VectorSuite::new("acvp ML-DSA sigGen", mldsa_siggen::<S>),
    ]
}

fn mldsa_keygen<S: MlDsa>() -> Result<SuiteReport> {
    let file = MLDSA_KEYGEN.0;
    let set = load(MLDSA_KEYGEN)?;
    let mut report = SuiteReport::new("acvp ML-DSA keyGen", SOURCE, COMMIT);
    for group in groups(&set, S::INFO.name) {
        for t in &group.tests {
            match S::keygen_from_seed(&field(file, t, "seed")?) {
                Err(e @ Error::Unsupported(_)) => {
                    report.not_applicable(tc_id(t), &unsupported_reason(&e))
                }
                Err(_) => report.record(tc_id(t), Outcome::Fail),
                Ok((sk, pk)) => report.record(
                    tc_id(t),
                    pass(
                        S::encode_public_key(&pk) == field(file, t, "pk")?
                            && S::encode_secret_key(&sk) == field(file, t, "sk")?,
                    ),
                ),
            }
        }
    }
    Ok(report)
}

/// μ = SHAKE256(tr ‖ M', 64) with tr = bytes 64..128 of the encoded secret key.
fn mu_of(sk: &[u8], message: &[u8]) -> Option<[u8; 64]> {
    let tr = sk.get(64..128)?;
    let mut h = Shake256::default();
    h.update(tr);
    h.update(message);
    let mut mu = [0u8; 64];
    h.finalize_xof().read(&mut mu);
    Some(mu)
}

fn mldsa_siggen<S: MlDsa>() -> Result<SuiteReport> {
    let file = MLDSA_SIGGEN.0;
    let set = load(MLDSA_SIGGEN)?;
    let mut report = SuiteReport::new("acvp ML-DSA sigGen", SOURCE, COMMIT)
        .with_reason("Sign_internal reached through external mu = SHAKE256(tr || M', 64)");
    for group in groups(&set, S::INFO.name) {
        let deterministic = group.deterministic.unwrap_or(true);
        for t in &group.tests {
            let id = tc_id(t);
            let sk_bytes = field(file, t, "sk")?;
            let rnd: [u8; 32] = if deterministic {
                [0u8; 32]
            } else {
                field(file, t, "rnd")?
                    .try_into()
                    .map_err(|_| bad_data(file, format!("tc {id}: rnd is not 32 bytes")))?
            };
            let Some(mu) = mu_of(&sk_bytes, &field(file, t, "message")?) else {
                report.record(id, Outcome::Fail);
                continue;
            };
            let outcome = match S::decode_secret_key(&sk_bytes) {
                Err(_) => Outcome::Fail,
                Ok(sk) => match S::sign_mu(&sk, &mu, &rnd) {
                    Err(e @ Error::Unsupported(_)) => {
                        report.not_applicable(id, &unsupported_reason(&e));
                        continue;
                    }
                    Err(_) => Outcome::Fail,
                    Ok(sig) => pass(S::encode_signature(&sig) == field(file, t, "signature")?),
                },
            };
            report.record(id, outcome);
        }
    }
    Ok(report)
}
