//! Block verification as a validator does it, by strategy: sequential,
//! rayon-parallel, batch and parallel batch (schemes with batch verification)
//! — each also checks committee and block-level aggregate signatures, proofs
//! and Merkle paths.

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

/// Signatures per batch-verification call. A block is cut into batches of
/// this size rather than checked in one: `curve25519-dalek` switches its
/// multiscalar multiplication from Straus to Pippenger above 190 points
/// (a batch of n has 2n + 1), and measured here (`ledgerbench run --scheme
/// ed25519/dalek --op verify-batch --batch 16,...,2000 --msg-len 168`) one
/// batch of 256–2000 costs ~32 µs per signature against ~23 µs in batches of
/// 16–64, while the fixed cost of a call (about 0.8 of a single
/// verification: batch sizes 1 and 2 cost 54 and 72 µs against 44 µs for one
/// verification, same run) is still shared by 64 signatures.
pub const BATCH_CHUNK: usize = 64;

/// How a block's signatures are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// One transaction after another on one core.
    Sequential,
    /// Transactions spread over the rayon pool.
    Parallel,
    /// Single signatures checked with the scheme's batch verification, in
    /// batches of [`BATCH_CHUNK`] on one core.
    Batch,
    /// The same batches spread over the rayon pool.
    ParallelBatch,
}

impl Strategy {
    /// Every strategy.
    pub const ALL: [Strategy; 4] = [
        Strategy::Sequential,
        Strategy::Parallel,
        Strategy::Batch,
        Strategy::ParallelBatch,
    ];

    /// The name used in records (`sequential`, `parallel`, `batch`, `parallel-batch`).
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Sequential => "sequential",
            Strategy::Parallel => "parallel",
            Strategy::Batch => "batch",
            Strategy::ParallelBatch => "parallel-batch",
        }
    }

    /// The one-core strategy a multi-threaded one is compared with to get
    /// its speed-up (`None` for one-core strategies).
    pub fn single_core_counterpart(self) -> Option<Strategy> {
        match self {
            Strategy::Parallel => Some(Strategy::Sequential),
            Strategy::ParallelBatch => Some(Strategy::Batch),
            _ => None,
        }
    }
}

/// Verifies blocks of one profile with its resolved roles.
pub struct Verifier<'a> {
    profile: &'a Profile,
    roles: &'a BTreeMap<String, Entry>,
    /// Per kind, the proof system set up for its statement (holding the verifying key).
    provers: Vec<Option<&'a dyn ZkProver>>,
    /// Per kind: single signatures with a scheme that batch-verifies
    /// (decided once here, not probed per transaction).
    batchable: Vec<bool>,
}

impl<'a> Verifier<'a> {
    /// A verifier for the profile; `provers` come from the block builder.
    pub fn new(
        profile: &'a Profile,
        roles: &'a BTreeMap<String, Entry>,
        provers: Vec<Option<&'a dyn ZkProver>>,
    ) -> Self {
        let batchable = profile
            .txs
            .iter()
            .map(|t| {
                t.signature.policy == Policy::Single
                    && roles[&t.signature.role]
                        .sig_kit()
                        .is_some_and(|k| k.batch_verifies())
            })
            .collect();
        Verifier {
            profile,
            roles,
            provers,
            batchable,
        }
    }

    /// Whether the strategy applies to this profile (the batch strategies
    /// need a scheme with batch verification used under the single policy).
    pub fn applies(&self, strategy: Strategy) -> bool {
        !matches!(strategy, Strategy::Batch | Strategy::ParallelBatch)
            || self.batchable.iter().any(|b| *b)
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
            Strategy::Batch => self.verify_batched(block, false)?,
            Strategy::ParallelBatch => self.verify_batched(block, true)?,
        }
        self.verify_aggregate(block)
    }

    /// Batchable signatures grouped by role and checked in batches of
    /// [`BATCH_CHUNK`] (on the rayon pool when `parallel`); everything else
    /// per transaction, in parallel when `parallel`.
    fn verify_batched(&self, block: &Block, parallel: bool) -> Result<()> {
        let mut groups: BTreeMap<&str, Vec<BatchItem<'_>>> = BTreeMap::new();
        for tx in &block.txs {
            if self.batchable[tx.kind] {
                let role = self.profile.txs[tx.kind].signature.role.as_str();
                groups.entry(role).or_default().push((
                    &tx.public_keys[0],
                    &tx.body,
                    &tx.signatures[0],
                ));
            }
        }
        let rest = |tx: &Tx| self.verify_tx(tx, !self.batchable[tx.kind]);
        if parallel {
            block.txs.par_iter().try_for_each(rest)?;
        } else {
            block.txs.iter().try_for_each(rest)?;
        }
        for (role, items) in groups {
            let kit = self.roles[role]
                .sig_kit()
                .ok_or_else(|| Error::op("verify", "no signature kit"))?;
            let batch = |part: &[BatchItem<'_>]| {
                kit.verify_batch_encoded(part)
                    .unwrap_or(Err(Error::Unsupported("verify-batch".into())))
            };
            if parallel {
                items.par_chunks(BATCH_CHUNK).try_for_each(batch)?;
            } else {
                items.chunks(BATCH_CHUNK).try_for_each(batch)?;
            }
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
            // A quorum is m signers, each signature paired with its key.
            let quorum = kind.signature.m.unwrap_or(1);
            let aggregated = kind.signature.policy == Policy::Committee && kit.aggregates();
            if kind.signature.policy != Policy::Aggregate
                && (tx.public_keys.len() < quorum
                    || (!aggregated && tx.signatures.len() != tx.public_keys.len()))
            {
                return Err(Error::Verification);
            }
            if aggregated {
                let pks: Vec<&[u8]> = tx.public_keys.iter().map(Vec::as_slice).collect();
                let agg = tx.signatures.first().ok_or(Error::Verification)?;
                kit.verify_committee_encoded(&pks, &tx.body, agg)
                    .unwrap_or(Err(Error::Unsupported("aggregate".into())))?;
            } else {
                for (pk, sig) in tx.public_keys.iter().zip(&tx.signatures) {
                    kit.verify_encoded(pk, &tx.body, sig)?;
                }
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
