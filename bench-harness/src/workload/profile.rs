//! Workload profiles: a TOML description of a ledger's transactions and scenario.
//!
//! ```toml
//! name = "retail-payments"
//! title = "Retail digital-currency payments"
//! sector = "digital-currency payments"
//! description = "..."
//!
//! [roles]                      # role -> scheme id; `--scheme ROLE=ID` swaps one
//! sig = "ed25519/dalek"
//! merkle = "sha256/rustcrypto"
//!
//! [ledger]
//! block_txs = 2000             # transactions per block
//! block_header_bytes = 128
//! tx_overhead_bytes = 48       # nonce, fee, amounts... (not crypto)
//!
//! [scenario]                   # every number here is an assumption and says why
//! target_tps = { value = 20000, assumption = "peak retail load" }
//!
//! [[tx]]
//! name = "transfer"
//! share = 1.0
//! payload_bytes = 120
//! signature = { role = "sig", policy = "single" }   # or multisig / committee (m, n) / aggregate
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

pub use super::builtin::BUILTIN;

/// A number that is an assumption, with the reason for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumed {
    /// The value.
    pub value: f64,
    /// Why this value (source or reasoning); shown in reports.
    pub assumption: String,
}

/// A workload profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Short name (the file name without `.toml`).
    pub name: String,
    /// Human title.
    pub title: String,
    /// Sector of the Beijing blockchain action plan (2025–2027).
    pub sector: String,
    /// What the profile models.
    pub description: String,
    /// Role → scheme id.
    pub roles: BTreeMap<String, String>,
    /// Block layout.
    pub ledger: Ledger,
    /// Scenario numbers (all assumptions).
    pub scenario: Scenario,
    /// Transaction kinds.
    #[serde(rename = "tx")]
    pub txs: Vec<TxKind>,
    /// A migration path (e.g. national standard → hybrid → post-quantum):
    /// role assignments `recommend` reports side by side, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migration: Vec<MigrationStep>,
}

/// One step of a migration path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MigrationStep {
    /// What the step is (`classical`, `hybrid`, `post-quantum`).
    pub step: String,
    /// Role → scheme id overrides of the profile's defaults.
    pub roles: BTreeMap<String, String>,
    /// Why this step, or what is missing for it.
    #[serde(default)]
    pub note: String,
}

/// Block layout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Transactions per block.
    pub block_txs: usize,
    /// Block header size in bytes (without any aggregate signature).
    pub block_header_bytes: usize,
    /// Non-cryptographic bytes per transaction (nonce, fee, amounts, ids).
    pub tx_overhead_bytes: usize,
}

/// Scenario parameters; each value is an [`Assumed`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Peak transactions per second the ledger must verify.
    pub target_tps: Assumed,
    /// Average transactions per second (ledger growth).
    pub average_tps: Assumed,
    /// Accounts or identities in the state.
    pub accounts: Assumed,
    /// Bytes of state per account besides its public key.
    pub account_state_bytes: Assumed,
    /// Years the ledger is retained.
    pub retention_years: Assumed,
    /// Validators that each verify every block.
    pub validators: Assumed,
    /// Off-chain bytes committed through manifests, for the commitment
    /// projections (default 1 PB).
    #[serde(default)]
    pub committed_bytes: Option<Assumed>,
}

impl Scenario {
    /// Every assumption by name, for reports.
    pub fn assumptions(&self) -> Vec<(&'static str, &Assumed)> {
        vec![
            ("target_tps", &self.target_tps),
            ("average_tps", &self.average_tps),
            ("accounts", &self.accounts),
            ("account_state_bytes", &self.account_state_bytes),
            ("retention_years", &self.retention_years),
            ("validators", &self.validators),
        ]
        .into_iter()
        .chain(self.committed_bytes.iter().map(|a| ("committed_bytes", a)))
        .collect()
    }
}

/// How a transaction is authorised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// One signature.
    Single,
    /// m signatures out of n listed keys.
    Multisig,
    /// One signature per transaction, aggregated into one per block (BLS).
    Aggregate,
    /// m of an n-member committee sign the transaction (a foreign chain's
    /// header); a scheme that aggregates carries one aggregate signature and
    /// an n-bit signer bitmap, verified against the signers' aggregated keys;
    /// any other scheme carries the m signatures (k-of-n multisig). The
    /// committee's keys are known to the verifier (registered with proofs of
    /// possession), so `carries_public_keys` is normally false.
    Committee,
}

/// The signature part of a transaction kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureUse {
    /// Role naming the scheme.
    pub role: String,
    /// Authorisation policy.
    pub policy: Policy,
    /// Signatures required (multisig, committee).
    #[serde(default)]
    pub m: Option<usize>,
    /// Keys listed (multisig), committee size (committee).
    #[serde(default)]
    pub n: Option<usize>,
}

/// KEM envelopes: the payload key encapsulated to each recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeUse {
    /// Role naming the KEM.
    pub role: String,
    /// Recipients per transaction.
    pub recipients: usize,
}

/// Zero-knowledge proofs carried by a transaction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProofUse {
    /// Role naming the proof system entry.
    pub role: String,
    /// Statement size (Merkle depth, range bits...).
    pub size: usize,
    /// Proofs per transaction.
    #[serde(default = "one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

/// A plain Merkle authentication path the validator checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MerklePathUse {
    /// Tree depth (path length).
    pub depth: usize,
}

/// Off-chain data hashed into a Merkle manifest whose root goes on-chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestUse {
    /// Bytes of data per transaction.
    pub data_bytes: usize,
    /// Chunk size of the manifest's leaves.
    pub chunk_bytes: usize,
}

/// One kind of transaction in the mix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TxKind {
    /// Name.
    pub name: String,
    /// Share of the block's transactions (shares sum to 1).
    pub share: f64,
    /// Application payload carried on-chain, in bytes.
    pub payload_bytes: usize,
    /// Whether each transaction carries its signers' public keys (else they
    /// are looked up in state by id).
    #[serde(default = "yes")]
    pub carries_public_keys: bool,
    /// Authorisation.
    pub signature: SignatureUse,
    /// Optional KEM envelopes.
    #[serde(default)]
    pub envelope: Option<EnvelopeUse>,
    /// Optional ZK proofs.
    #[serde(default)]
    pub proof: Option<ProofUse>,
    /// Optional Merkle path checked by validators.
    #[serde(default)]
    pub merkle_path: Option<MerklePathUse>,
    /// Optional off-chain data manifest.
    #[serde(default)]
    pub manifest: Option<ManifestUse>,
}

fn yes() -> bool {
    true
}

impl Profile {
    /// Parses a profile; errors name `origin`, the line and the offending key.
    pub fn parse(text: &str, origin: &str) -> Result<Profile> {
        let profile: Profile = from_toml(text, origin)?;
        profile.validate(origin)?;
        Ok(profile)
    }

    /// A shipped profile by name, or a file path.
    pub fn load(name_or_path: &str) -> Result<Profile> {
        if let Some((name, text)) = BUILTIN.iter().find(|(n, _)| *n == name_or_path) {
            return Profile::parse(text, &format!("{name}.toml"));
        }
        let path = Path::new(name_or_path);
        if path.is_file() {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            return Profile::parse(&text, &path.display().to_string());
        }
        let names: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
        Err(Error::Usage(format!(
            "no workload profile or file `{name_or_path}`; {}",
            crate::registry::suggest(name_or_path, &names)
        )))
    }

    fn validate(&self, origin: &str) -> Result<()> {
        let fail = |what: String| Err(Error::Usage(format!("{origin}: {what}")));
        if self.txs.is_empty() {
            return fail("no [[tx]] kinds".into());
        }
        if self.ledger.block_txs == 0 {
            return fail("ledger.block_txs must be at least 1".into());
        }
        if let Some(tx) = self.txs.iter().find(|t| !(t.share > 0.0 && t.share <= 1.0)) {
            return fail(format!(
                "tx `{}`: share must be in (0, 1], not {}",
                tx.name, tx.share
            ));
        }
        let total: f64 = self.txs.iter().map(|t| t.share).sum();
        if (total - 1.0).abs() > 1e-6 {
            return fail(format!("tx shares sum to {total}, not 1"));
        }
        for tx in &self.txs {
            let mut roles = vec![&tx.signature.role];
            roles.extend(tx.envelope.as_ref().map(|e| &e.role));
            roles.extend(tx.proof.as_ref().map(|p| &p.role));
            for role in roles {
                if !self.roles.contains_key(role) {
                    return fail(format!(
                        "tx `{}` uses role `{role}`, which [roles] does not define",
                        tx.name
                    ));
                }
            }
            if matches!(tx.signature.policy, Policy::Multisig | Policy::Committee) {
                match (tx.signature.m, tx.signature.n) {
                    (Some(m), Some(n)) if 1 <= m && m <= n => {}
                    _ => {
                        return fail(format!(
                            "tx `{}`: {:?} needs 1 <= m <= n (signature.m, signature.n)",
                            tx.name, tx.signature.policy
                        ));
                    }
                }
            }
            if tx.manifest.as_ref().is_some_and(|m| m.chunk_bytes == 0) {
                return fail(format!(
                    "tx `{}`: manifest.chunk_bytes must be at least 1",
                    tx.name
                ));
            }
        }
        for step in &self.migration {
            if let Some(role) = step.roles.keys().find(|r| !self.roles.contains_key(*r)) {
                return fail(format!(
                    "migration step `{}` assigns role `{role}`, which [roles] does not define",
                    step.step
                ));
            }
        }
        if !self.roles.contains_key("merkle") {
            return fail("[roles] must name the block's Merkle hash as `merkle`".into());
        }
        Ok(())
    }

    /// Transactions of each kind in one block (rounded so they sum to `block_txs`).
    pub fn counts(&self, block_txs: usize) -> Vec<usize> {
        let mut counts: Vec<usize> = self
            .txs
            .iter()
            .map(|t| (t.share * block_txs as f64).floor() as usize)
            .collect();
        // Shares may sum to a hair over 1 (validation allows 1e-6): trim first.
        let mut excess = counts.iter().sum::<usize>().saturating_sub(block_txs);
        for c in counts.iter_mut().rev() {
            let cut = excess.min(*c);
            *c -= cut;
            excess -= cut;
        }
        let mut missing = block_txs - counts.iter().sum::<usize>();
        for c in counts.iter_mut() {
            if missing == 0 {
                break;
            }
            *c += 1;
            missing -= 1;
        }
        counts
    }
}

/// Parses TOML text into `T`; an error names `origin`, the line and the
/// offending key (`bad.toml:7: unknown field `colour``). Shared by every
/// TOML file ledgerbench reads (workload profiles, paper specs).
pub fn from_toml<T: serde::de::DeserializeOwned>(text: &str, origin: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        let detail = e.message().trim().replace('\n', " ");
        let line = e.span().map(|s| {
            let line = text.as_bytes()[..s.start.min(text.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            unknown_key_line(text, &detail, line).unwrap_or(line)
        });
        Error::Usage(match line {
            Some(l) => format!("{origin}:{l}: {detail}"),
            None => format!("{origin}: {detail}"),
        })
    })
}

/// For "unknown field `k`" errors (reported at the enclosing table), the line
/// of the key itself, searching from the table's line.
fn unknown_key_line(text: &str, message: &str, from_line: usize) -> Option<usize> {
    let key = message.strip_prefix("unknown field `")?.split('`').next()?;
    text.lines()
        .enumerate()
        .skip(from_line - 1)
        .find_map(|(i, l)| {
            let rest = l.trim_start().strip_prefix(key)?;
            rest.trim_start().starts_with('=').then_some(i + 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_profile_parses() {
        for (name, text) in BUILTIN {
            let p = Profile::parse(text, name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(&p.name, name);
            assert_eq!(
                p.counts(p.ledger.block_txs).iter().sum::<usize>(),
                p.ledger.block_txs
            );
        }
    }

    #[test]
    fn malformed_profile_points_at_file_line_and_key() {
        let text = BUILTIN[0]
            .1
            .replacen("[ledger]\n", "[ledger]\nblock_txz = 5\n", 1);
        let err = Profile::parse(&text, "bad.toml")
            .expect_err("unknown key")
            .to_string();
        let line = text
            .lines()
            .position(|l| l.starts_with("block_txz"))
            .expect("inserted")
            + 1;
        assert!(err.starts_with(&format!("bad.toml:{line}:")), "{err}");
        assert!(err.contains("block_txz"), "{err}");
    }

    #[test]
    fn shares_must_sum_to_one() {
        let text = BUILTIN[0].1.replacen("share = 1.0", "share = 0.5", 1);
        let err = Profile::parse(&text, "half.toml")
            .expect_err("shares")
            .to_string();
        assert!(err.contains("sum to 0.5"), "{err}");
    }
}
