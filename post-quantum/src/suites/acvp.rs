//! NIST ACVP known answers (usnistgov/ACVP-Server `gen-val/json-files/`,
//! the `internalProjection.json` files, which hold each test's expected
//! answer): ML-KEM keyGen and encapDecap, ML-DSA keyGen, sigGen and sigVer.
//!
//! The files (ACVP-Server commit 65370b8, `vectors/acvp/`) test the
//! *internal* interfaces: `ML-KEM.KeyGen_internal(d, z)`,
//! `Encaps_internal(ek, m)`, `Decaps_internal(dk, c)`, `ML-DSA.KeyGen_internal(ξ)`
//! `ML-DSA.Sign_internal(sk, M', rnd)` and `ML-DSA.Verify_internal(pk, M',
//! σ)`. The last two are reached through external μ = SHAKE256(tr ‖ M', 64)
//! (FIPS 204 Algorithm 7, line 6; tr is bytes 64..128 of the secret key, or
//! SHAKE256(pk, 64)); a library without seeded key generation,
//! caller-chosen randomness or external-μ signing and verification cannot
//! take those tests (not applicable, with the reason).

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
use ledgerbench_core::{Error, Result};
use serde::Deserialize;
use shake::{ExtendableOutput, Shake256, Update, XofReader};

use super::{bad_data, unsupported_reason};
use crate::{MlDsa, MlKem, SlhDsa};

/// Where the files come from.
const SOURCE: &str = "usnistgov/ACVP-Server gen-val/json-files";
/// The upstream commit of the files.
const COMMIT: &str = "65370b8";
/// The SLH-DSA files: ACVP-Server's, as RustCrypto/signatures copied them
/// (its commit; the ACVP-Server commit is not recorded there).
const ACVP_RUSTCRYPTO_COPY: &str = "RustCrypto/signatures cf34cd2";

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

const MLDSA_SIGVER: (&str, &str) = (
    "acvp/ML-DSA-sigVer-FIPS204/internalProjection.json",
    include_str!("../../../vectors/acvp/ML-DSA-sigVer-FIPS204/internalProjection.json"),
);

const SLHDSA_KEYGEN: (&str, &str) = (
    "acvp/SLH-DSA-keyGen-FIPS205/internalProjection.json",
    include_str!("../../../vectors/acvp/SLH-DSA-keyGen-FIPS205/internalProjection.json"),
);
/// The SHAKE-128f group of the sigVer file (the one registered parameter set
/// it covers), its fields unchanged (see `vectors/acvp/LICENSE`).
const SLHDSA_SIGVER: (&str, &str) = (
    "acvp/SLH-DSA-sigVer-FIPS205/SLH-DSA-SHAKE-128f.json",
    include_str!("../../../vectors/acvp/SLH-DSA-sigVer-FIPS205/SLH-DSA-SHAKE-128f.json"),
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
    /// The group's public key (ML-DSA sigVer).
    #[serde(default)]
    pk: Option<String>,
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

/// A verification test's expected verdict (`testPassed`).
fn test_passed(
    file: &'static str,
    test: &serde_json::Map<String, serde_json::Value>,
) -> Result<bool> {
    test.get("testPassed")
        .and_then(serde_json::Value::as_bool)
        .ok_or_else(|| bad_data(file, format!("tc {}: no testPassed", tc_id(test))))
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

/// ML-DSA: `keyGen` (seed ξ → pk, sk), `sigGen` (sk, M', rnd → signature)
/// and `sigVer` (pk, M', σ → accept or reject, each test's `testPassed`),
/// the last two through external μ, of `S`'s parameter set.
pub fn mldsa<S: MlDsa>() -> [VectorSuite<S>; 3] {
    [
        VectorSuite::new("acvp ML-DSA keyGen", mldsa_keygen::<S>),
        VectorSuite::new("acvp ML-DSA sigGen", mldsa_siggen::<S>),
        VectorSuite::new("acvp ML-DSA sigVer", mldsa_sigver::<S>),
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

/// SHAKE256 of the concatenated `parts`, 64 bytes.
fn shake256_64(parts: &[&[u8]]) -> [u8; 64] {
    let mut h = Shake256::default();
    parts.iter().for_each(|p| h.update(p));
    let mut out = [0u8; 64];
    h.finalize_xof().read(&mut out);
    out
}

/// μ = SHAKE256(tr ‖ M', 64) with tr = bytes 64..128 of the encoded secret key.
fn mu_of(sk: &[u8], message: &[u8]) -> Option<[u8; 64]> {
    Some(shake256_64(&[sk.get(64..128)?, message]))
}

fn mldsa_sigver<S: MlDsa>() -> Result<SuiteReport> {
    let file = MLDSA_SIGVER.0;
    let set = load(MLDSA_SIGVER)?;
    let mut report = SuiteReport::new("acvp ML-DSA sigVer", SOURCE, COMMIT).with_reason(
        "Verify_internal reached through external mu = SHAKE256(SHAKE256(pk, 64) || M', 64)",
    );
    for group in groups(&set, S::INFO.name) {
        let pk_bytes = group
            .pk
            .as_deref()
            .ok_or_else(|| bad_data(file, "a sigVer group has no pk"))
            .and_then(|pk| hex::decode(pk).map_err(|e| bad_data(file, format!("pk: {e}"))))?;
        let tr = shake256_64(&[&pk_bytes]);
        let pk = S::decode_public_key(&pk_bytes);
        // A signature or key the decoder refuses counts as rejected — but
        // only for a library that can verify an external mu at all: asked
        // once, with the group's first signature that decodes.
        let probe = group
            .tests
            .iter()
            .find_map(|t| S::decode_signature(&field(file, t, "signature").ok()?).ok());
        let unsupported = match (&pk, probe) {
            (Ok(pk), Some(sig)) => match S::verify_mu(pk, &[0u8; 64], &sig) {
                Err(e @ Error::Unsupported(_)) => Some(unsupported_reason(&e)),
                _ => None,
            },
            _ => None,
        };
        for t in &group.tests {
            let id = tc_id(t);
            if let Some(why) = &unsupported {
                report.not_applicable(id, why);
                continue;
            }
            let expected = test_passed(file, t)?;
            let mu = shake256_64(&[&tr, &field(file, t, "message")?]);
            let accepted = match (&pk, S::decode_signature(&field(file, t, "signature")?)) {
                (Ok(pk), Ok(sig)) => S::verify_mu(pk, &mu, &sig).is_ok(),
                _ => false,
            };
            report.record(id, pass(accepted == expected));
        }
    }
    Ok(report)
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

/// SLH-DSA: `keyGen` (SK.seed, SK.prf, PK.seed → sk, pk) and `sigVer` (pk,
/// M, SIG → each test's `testPassed`, through `slh_verify_internal`) of
/// `S`'s parameter set. The files cover SHA2-128s (keyGen, 10 tests) and
/// SHAKE-128f (sigVer, 9 tests) of the registered sets; a set the file does
/// not cover runs no test.
pub fn slhdsa<S: SlhDsa>() -> [VectorSuite<S>; 2] {
    [
        VectorSuite::new("acvp SLH-DSA keyGen", slhdsa_keygen::<S>),
        VectorSuite::new("acvp SLH-DSA sigVer", slhdsa_sigver::<S>),
    ]
}

fn slhdsa_keygen<S: SlhDsa>() -> Result<SuiteReport> {
    let file = SLHDSA_KEYGEN.0;
    let set = load(SLHDSA_KEYGEN)?;
    let mut report = SuiteReport::new("acvp SLH-DSA keyGen", SOURCE, ACVP_RUSTCRYPTO_COPY);
    for group in groups(&set, S::PARAMETER_SET) {
        for t in &group.tests {
            let keys = S::keygen_internal(
                &field(file, t, "skSeed")?,
                &field(file, t, "skPrf")?,
                &field(file, t, "pkSeed")?,
            );
            let ok = match keys {
                Ok((sk, pk)) => sk == field(file, t, "sk")? && pk == field(file, t, "pk")?,
                Err(_) => false,
            };
            report.record(tc_id(t), pass(ok));
        }
    }
    Ok(report)
}

fn slhdsa_sigver<S: SlhDsa>() -> Result<SuiteReport> {
    let file = SLHDSA_SIGVER.0;
    let set = load(SLHDSA_SIGVER)?;
    let mut report = SuiteReport::new("acvp SLH-DSA sigVer", SOURCE, ACVP_RUSTCRYPTO_COPY);
    for group in groups(&set, S::PARAMETER_SET) {
        for t in &group.tests {
            let id = tc_id(t);
            let expected = test_passed(file, t)?;
            let accepted = match (
                S::decode_public_key(&field(file, t, "pk")?),
                S::decode_signature(&field(file, t, "signature")?),
            ) {
                (Ok(pk), Ok(sig)) => {
                    S::verify_internal(&pk, &field(file, t, "message")?, &sig).is_ok()
                }
                _ => false,
            };
            report.record(id, pass(accepted == expected));
        }
    }
    Ok(report)
}
