//! Block verification as a validator does it, by strategy: sequential,
//! rayon-parallel, batch (schemes with batch verification) — each also checks
//! block-level aggregate signatures, proofs and Merkle paths.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::ledger::{Block, Tx};
use super::merkle;
use super::profile::{Policy, Profile};
use crate::dynamic::kit::ZkProver;
use crate::{Entry, Error, Result};

/// (public key, message, signature) for batch verification.
type BatchItem<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// How a block's signatures are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// One transaction after another on one core.
    Sequential,
    /// Transactions spread over the rayon pool.
    Parallel,
    /// Single signatures checked with the scheme's batch verification.
    Batch,
}

impl Strategy {
    /// Every strategy.
    pub const ALL: [Strategy; 3] = [Strategy::Sequential, Strategy::Parallel, Strategy::Batch];
}

/// Verifies blocks of one profile with its resolved roles.
pub struct Verifier<'a> {
    profile: &'a Profile,
    roles: &'a BTreeMap<String, Entry>,
    /// Per kind, the proof system set up for its statement (holding the verifying key).
    provers: Vec<Option<&'a dyn ZkProver>>,
}

impl<'a> Verifier<'a> {
    /// A verifier for the profile; `provers` come from the block builder.
    pub fn new(
        profile: &'a Profile,
        roles: &'a BTreeMap<String, Entry>,
        provers: Vec<Option<&'a dyn ZkProver>>,
    ) -> Self {
        Verifier {
            profile,
            roles,
            provers,
        }
    }

    /// Whether the strategy applies to this profile (batch needs a scheme with
    /// batch verification used under the single policy).
    pub fn applies(&self, strategy: Strategy) -> bool {
        strategy != Strategy::Batch
            || self.profile.txs.iter().any(|t| {
                t.signature.policy == Policy::Single
                    && self.roles[&t.signature.role]
                        .sig_kit()
                        .is_some_and(|k| k.verify_batch_encoded(&[]).is_some())
            })
    }

    /// Verifies every check of `block` with `strategy`.
    pub fn verify(&self, block: &Block, strategy: Strategy) -> Result<()> {
        match strategy {
            Strategy::Sequential => block
                .txs
                .iter()
                .try_for_each(|tx| self.verify_tx(tx, true))?,
            Strategy::Parallel => block
                .txs
                .par_iter()
                .try_for_each(|tx| self.verify_tx(tx, true))?,
            Strategy::Batch => self.verify_batched(block)?,
        }
        self.verify_aggregate(block)
    }

    fn batchable(&self, tx: &Tx) -> bool {
        let kind = &self.profile.txs[tx.kind];
        kind.signature.policy == Policy::Single
            && self.roles[&kind.signature.role]
                .sig_kit()
                .is_some_and(|k| k.verify_batch_encoded(&[]).is_some())
    }

    fn verify_batched(&self, block: &Block) -> Result<()> {
        let mut groups: BTreeMap<&str, Vec<BatchItem<'_>>> = BTreeMap::new();
        for tx in &block.txs {
            if self.batchable(tx) {
                let role = self.profile.txs[tx.kind].signature.role.as_str();
                groups.entry(role).or_default().push((
                    &tx.public_keys[0],
                    &tx.body,
                    &tx.signatures[0],
                ));
                self.verify_tx(tx, false)?;
            } else {
                self.verify_tx(tx, true)?;
            }
        }
        for (role, items) in groups {
            let kit = self.roles[role]
                .sig_kit()
                .ok_or_else(|| Error::op("verify", "no signature kit"))?;
            kit.verify_batch_encoded(&items)
                .unwrap_or(Err(Error::Unsupported("verify-batch".into())))?;
        }
        Ok(())
    }

    /// Signatures (unless batched elsewhere), proofs and the Merkle path of one transaction.
    fn verify_tx(&self, tx: &Tx, signatures: bool) -> Result<()> {
        let kind = &self.profile.txs[tx.kind];
        if signatures {
            let kit = self.roles[&kind.signature.role]
                .sig_kit()
                .ok_or_else(|| Error::op("verify", "no signature kit"))?;
            for (pk, sig) in tx.public_keys.iter().zip(&tx.signatures) {
                kit.verify_encoded(pk, &tx.body, sig)?;
            }
        }
        if let Some(prover) = self.provers[tx.kind] {
            for (public, proof) in &tx.proofs {
                prover.verify_encoded(public, proof)?;
            }
        }
        if let Some(path) = &tx.path {
            let hash = self.roles["merkle"]
                .hash_kit()
                .ok_or_else(|| Error::op("verify", "no hash kit"))?;
            if merkle::root_from_path(hash, &path.leaf, path.index, &path.siblings) != path.root {
                return Err(Error::Verification);
            }
        }
        Ok(())
    }

    fn verify_aggregate(&self, block: &Block) -> Result<()> {
        let Some(kind) = self
            .profile
            .txs
            .iter()
            .find(|t| t.signature.policy == Policy::Aggregate)
        else {
            return Ok(());
        };
        let agg = block.aggregate.as_deref().ok_or(Error::Verification)?;
        let (pks, msgs): (Vec<&[u8]>, Vec<&[u8]>) = block
            .txs
            .iter()
            .filter(|t| t.to_aggregate.is_some())
            .map(|t| (t.public_keys[0].as_slice(), t.body.as_slice()))
            .unzip();
        let kit = self.roles[&kind.signature.role]
            .sig_kit()
            .ok_or_else(|| Error::op("verify", "no signature kit"))?;
        kit.verify_aggregate_encoded(&pks, &msgs, agg)
            .unwrap_or(Err(Error::Unsupported("aggregate".into())))
    }
}
