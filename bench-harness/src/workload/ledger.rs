//! Real transactions and blocks: keys, signatures, envelopes, proofs and
//! Merkle paths made with the registered schemes, as a validator receives them.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::merkle;
use super::profile::{Policy, Profile, TxKind};
use crate::dynamic::kit::{HashKit, Recipient, Signer, ZkProver};
use crate::rng::random_bytes;
use crate::{BenchRng, Entry, Error, Result};

/// Bytes of an AEAD-wrapped data key per envelope recipient (32-byte key +
/// 16-byte tag); counted in sizes, not computed.
pub const WRAPPED_KEY_BYTES: usize = 48;

pub use super::block::{Block, ClientCosts, Components, MerklePath, Tx, mean_components};

/// Keys and provers for one kind, made once and shared by its transactions.
struct KindState {
    signers: Vec<Box<dyn Signer>>,
    recipients: Vec<Box<dyn Recipient>>,
    prover: Option<Box<dyn ZkProver>>,
}

/// Builds blocks for a profile with resolved role entries.
pub struct Builder<'a> {
    profile: &'a Profile,
    roles: &'a BTreeMap<String, Entry>,
    kinds: Vec<KindState>,
    /// Transactions built so far per kind (reused once the budget is spent).
    built: Vec<Vec<Tx>>,
    client_budget: Duration,
    /// Client-side costs accumulated over every block.
    pub costs: ClientCosts,
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed().as_nanos() as f64)
}

impl<'a> Builder<'a> {
    /// Makes the signers, recipients and provers each kind needs.
    pub fn new(
        profile: &'a Profile,
        roles: &'a BTreeMap<String, Entry>,
        client_budget: Duration,
        rng: &mut BenchRng,
    ) -> Result<Self> {
        let mut kinds = Vec::new();
        for tx in &profile.txs {
            let sig = roles[&tx.signature.role]
                .sig_kit()
                .ok_or_else(|| Error::op("workload", "no signature kit"))?;
            let signer_count = match tx.signature.policy {
                Policy::Multisig | Policy::Committee => tx.signature.n.unwrap_or(1),
                _ => 16,
            };
            let signers = (0..signer_count)
                .map(|_| sig.new_signer(rng))
                .collect::<Result<Vec<_>>>()?;
            let recipients = match &tx.envelope {
                Some(env) => {
                    let kem = roles[&env.role]
                        .kem_kit()
                        .ok_or_else(|| Error::op("workload", "no KEM kit"))?;
                    (0..env.recipients.max(1) * 2)
                        .map(|_| kem.new_recipient(rng))
                        .collect::<Result<Vec<_>>>()?
                }
                None => Vec::new(),
            };
            let prover = match &tx.proof {
                Some(p) => {
                    let zk = roles[&p.role]
                        .zk_kit()
                        .ok_or_else(|| Error::op("workload", "no proof kit"))?;
                    Some(zk.new_prover(p.size, rng)?)
                }
                None => None,
            };
            kinds.push(KindState {
                signers,
                recipients,
                prover,
            });
        }
        Ok(Builder {
            profile,
            roles,
            built: vec![Vec::new(); kinds.len()],
            kinds,
            client_budget,
            costs: ClientCosts::default(),
        })
    }

    /// Per kind, the proof system set up for its statement.
    pub fn provers(&self) -> Vec<Option<&dyn ZkProver>> {
        self.kinds.iter().map(|k| k.prover.as_deref()).collect()
    }

    fn merkle_hash(&self) -> &dyn HashKit {
        self.roles["merkle"]
            .hash_kit()
            .expect("resolve checked the merkle role")
    }

    /// Builds one block of `block_txs` transactions.
    pub fn block(&mut self, block_txs: usize, rng: &mut BenchRng) -> Result<Block> {
        let started = Instant::now();
        let counts = self.profile.counts(block_txs);
        let mut txs = Vec::with_capacity(block_txs);
        for (k, count) in counts.into_iter().enumerate() {
            for i in 0..count {
                let reuse = started.elapsed() > self.client_budget && !self.built[k].is_empty();
                let tx = if reuse {
                    self.built[k][i % self.built[k].len()].clone()
                } else {
                    let tx = self.transaction(k, i, rng)?;
                    self.built[k].push(tx.clone());
                    tx
                };
                txs.push(tx);
            }
        }
        for (k, kind) in self.profile.txs.iter().enumerate() {
            self.costs
                .distinct_txs
                .insert(kind.name.clone(), self.built[k].len());
        }
        let aggregate = self.aggregate(&txs)?;
        let root = self.tx_root(&txs);
        Ok(Block {
            txs,
            aggregate,
            root,
        })
    }

    /// Merkle root over the hashes of the transactions' bodies and signatures.
    pub fn tx_root(&self, txs: &[Tx]) -> Vec<u8> {
        let hash = self.merkle_hash();
        let leaves: Vec<Vec<u8>> = txs
            .iter()
            .map(|tx| {
                let mut bytes = tx.body.clone();
                tx.signatures
                    .iter()
                    .for_each(|s| bytes.extend_from_slice(s));
                hash.hash(&bytes)
            })
            .collect();
        merkle::root(hash, &leaves)
    }

    fn aggregate(&self, txs: &[Tx]) -> Result<Option<Vec<u8>>> {
        let Some(kind) = self
            .profile
            .txs
            .iter()
            .find(|t| t.signature.policy == Policy::Aggregate)
        else {
            return Ok(None);
        };
        let sigs: Vec<&[u8]> = txs
            .iter()
            .filter_map(|t| t.to_aggregate.as_deref())
            .collect();
        let kit = self.roles[&kind.signature.role]
            .sig_kit()
            .ok_or_else(|| Error::op("workload", "no signature kit"))?;
        match kit.aggregate_encoded(&sigs) {
            Some(agg) => agg.map(Some),
            None => Err(Error::Usage(format!(
                "tx `{}` uses the aggregate policy, but `{}` does not aggregate signatures",
                kind.name,
                self.roles[&kind.signature.role].id()
            ))),
        }
    }

    fn transaction(&mut self, k: usize, i: usize, rng: &mut BenchRng) -> Result<Tx> {
        let kind: &TxKind = &self.profile.txs[k];
        let mut bytes = Components {
            overhead: self.profile.ledger.tx_overhead_bytes as f64,
            payload: kind.payload_bytes as f64,
            ..Components::default()
        };
        let mut body = random_bytes(
            rng,
            self.profile.ledger.tx_overhead_bytes + kind.payload_bytes,
        );

        if let Some(manifest) = &kind.manifest {
            let data = random_bytes(rng, manifest.data_bytes);
            let hash = self.merkle_hash();
            let (root, ns) = time(|| {
                let leaves: Vec<Vec<u8>> = data
                    .chunks(manifest.chunk_bytes)
                    .map(|c| hash.hash(c))
                    .collect();
                merkle::root(hash, &leaves)
            });
            self.costs.manifest_bytes += data.len();
            self.costs.manifest_ns += ns;
            body.extend_from_slice(&root);
        }
        if let Some(env) = &kind.envelope {
            let kem = self.roles[&env.role]
                .kem_kit()
                .ok_or_else(|| Error::op("workload", "no KEM kit"))?;
            let recipients = &self.kinds[k].recipients;
            for r in 0..env.recipients {
                let recipient = &recipients[(i + r) % recipients.len()];
                let (encapsulated, ns) = time(|| kem.encaps_encoded(recipient.encaps_key(), rng));
                let (ct, shared_secret) = encapsulated?;
                self.costs.encapsulations += 1;
                self.costs.encaps_ns += ns;
                // The recipient's side: decapsulate and check the secret agrees.
                let (opened, ns) = time(|| recipient.decaps(&ct));
                self.costs.decapsulations += 1;
                self.costs.decaps_ns += ns;
                if opened? != shared_secret {
                    return Err(Error::op(
                        "envelope",
                        format!(
                            "`{}` decapsulated a different secret",
                            self.roles[&env.role].id()
                        ),
                    ));
                }
                bytes.ciphertexts += (ct.len() + WRAPPED_KEY_BYTES) as f64;
                body.extend_from_slice(&ct);
                body.extend_from_slice(&random_bytes(rng, WRAPPED_KEY_BYTES));
            }
        }
        let mut proofs = Vec::new();
        if let (Some(p), Some(prover)) = (&kind.proof, &self.kinds[k].prover) {
            for _ in 0..p.count {
                let (proof, ns) = time(|| prover.prove_random(rng));
                let (public, proof) = proof?;
                self.costs.proofs += 1;
                self.costs.prove_ns += ns;
                bytes.proofs += (public.len() + proof.len()) as f64;
                body.extend_from_slice(&public);
                body.extend_from_slice(&proof);
                proofs.push((public, proof));
            }
        }
        let path = kind.merkle_path.as_ref().map(|mp| {
            let hash = self.merkle_hash();
            let leaf = hash.hash(&random_bytes(rng, 32));
            let siblings: Vec<Vec<u8>> = (0..mp.depth)
                .map(|_| hash.hash(&random_bytes(rng, 32)))
                .collect();
            let index = rng_index(rng, mp.depth);
            let root = merkle::root_from_path(hash, &leaf, index, &siblings);
            bytes.proofs += (leaf.len() + siblings.iter().map(Vec::len).sum::<usize>() + 8) as f64;
            MerklePath {
                leaf,
                index,
                siblings,
                root,
            }
        });
        if let Some(p) = &path {
            body.extend_from_slice(&p.leaf);
            p.siblings.iter().for_each(|s| body.extend_from_slice(s));
        }

        let signers = &self.kinds[k].signers;
        let m = kind.signature.m.unwrap_or(1);
        let chosen: Vec<&dyn Signer> = match kind.signature.policy {
            Policy::Multisig => signers.iter().take(m).map(|s| s.as_ref()).collect(),
            // A different m-subset of the committee signs each header.
            Policy::Committee => (0..m)
                .map(|j| signers[(i + j) % signers.len()].as_ref())
                .collect(),
            _ => vec![signers[i % signers.len()].as_ref()],
        };
        let listed = match kind.signature.policy {
            Policy::Multisig | Policy::Committee => signers.len(),
            _ => 1,
        };
        if kind.signature.policy == Policy::Committee {
            // Which members signed: an n-bit bitmap.
            bytes.overhead += signers.len().div_ceil(8) as f64;
        }
        if kind.carries_public_keys {
            bytes.public_keys = (signers[0].public_key().len() * listed) as f64;
        }
        let mut signatures = Vec::new();
        for signer in &chosen {
            let (sig, ns) = time(|| signer.sign(&body, rng));
            signatures.push(sig?);
            self.costs.signatures += 1;
            self.costs.sign_ns += ns;
        }
        let public_keys = chosen.iter().map(|s| s.public_key().to_vec()).collect();
        let to_aggregate =
            (kind.signature.policy == Policy::Aggregate).then(|| signatures.remove(0));
        if kind.signature.policy == Policy::Committee {
            let kit = self.roles[&kind.signature.role]
                .sig_kit()
                .ok_or_else(|| Error::op("workload", "no signature kit"))?;
            if kit.aggregates() {
                let parts: Vec<&[u8]> = signatures.iter().map(Vec::as_slice).collect();
                let (agg, ns) = time(|| kit.aggregate_encoded(&parts));
                self.costs.aggregate_ns += ns;
                let agg = agg.unwrap_or(Err(Error::Unsupported("aggregate".into())))?;
                signatures = vec![agg];
            }
        }
        bytes.signatures = signatures.iter().map(Vec::len).sum::<usize>() as f64;
        Ok(Tx {
            kind: k,
            body,
            public_keys,
            signatures,
            to_aggregate,
            proofs,
            path,
            bytes,
        })
    }
}

fn rng_index(rng: &mut BenchRng, depth: usize) -> u64 {
    use rand_core::Rng;
    let v = rng.next_u64();
    if depth >= 64 {
        v
    } else {
        v & ((1u64 << depth) - 1)
    }
}
