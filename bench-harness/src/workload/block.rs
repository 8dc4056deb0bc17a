//! What a workload builds: transactions, blocks and their byte accounting,
//! and the client-side costs of making them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// On-chain bytes of a transaction by component.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Components {
    /// Signatures (a share of the block aggregate under the aggregate policy).
    pub signatures: f64,
    /// Public keys carried in the transaction.
    pub public_keys: f64,
    /// KEM ciphertexts and wrapped data keys.
    pub ciphertexts: f64,
    /// ZK proofs, their public inputs and Merkle paths.
    pub proofs: f64,
    /// Application payload.
    pub payload: f64,
    /// Non-cryptographic overhead (nonce, fee, amounts, ids).
    pub overhead: f64,
}

impl Components {
    /// All components.
    pub fn total(&self) -> f64 {
        self.signatures
            + self.public_keys
            + self.ciphertexts
            + self.proofs
            + self.payload
            + self.overhead
    }

    fn add(&mut self, other: &Components, weight: f64) {
        self.signatures += other.signatures * weight;
        self.public_keys += other.public_keys * weight;
        self.ciphertexts += other.ciphertexts * weight;
        self.proofs += other.proofs * weight;
        self.payload += other.payload * weight;
        self.overhead += other.overhead * weight;
    }
}

/// A Merkle authentication path carried by a transaction.
#[derive(Clone, Debug)]
pub struct MerklePath {
    /// The leaf.
    pub leaf: Vec<u8>,
    /// Its index.
    pub index: u64,
    /// Sibling hashes, leaf level first.
    pub siblings: Vec<Vec<u8>>,
    /// The root the validator expects (in state).
    pub root: Vec<u8>,
}

/// One transaction as received by a validator.
#[derive(Clone, Debug)]
pub struct Tx {
    /// Index of its kind in the profile.
    pub kind: usize,
    /// The signed bytes (overhead, payload, envelopes, proofs, paths).
    pub body: Vec<u8>,
    /// Public keys of the signers (carried or looked up in state).
    pub public_keys: Vec<Vec<u8>>,
    /// Signatures (empty under the aggregate policy: the block carries one;
    /// one aggregate under the committee policy with an aggregating scheme).
    pub signatures: Vec<Vec<u8>>,
    /// Signature under the aggregate policy, before the block aggregates it.
    pub to_aggregate: Option<Vec<u8>>,
    /// (public inputs, proof) pairs.
    pub proofs: Vec<(Vec<u8>, Vec<u8>)>,
    /// Merkle path, when the kind has one.
    pub path: Option<MerklePath>,
    /// On-chain size by component.
    pub bytes: Components,
}

/// A block of transactions.
pub struct Block {
    /// The transactions.
    pub txs: Vec<Tx>,
    /// One aggregate signature over the aggregate-policy transactions.
    pub aggregate: Option<Vec<u8>>,
    /// Merkle root over the transaction hashes.
    pub root: Vec<u8>,
}

/// Per-kind client-side (wallet, issuer) work, measured while building.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClientCosts {
    /// Signatures made, and total time signing (one core).
    pub signatures: usize,
    /// Nanoseconds spent signing.
    pub sign_ns: f64,
    /// Encapsulations made.
    pub encapsulations: usize,
    /// Nanoseconds spent encapsulating.
    pub encaps_ns: f64,
    /// Decapsulations made by recipients (each checked against the sender's secret).
    #[serde(default)]
    pub decapsulations: usize,
    /// Nanoseconds spent decapsulating.
    #[serde(default)]
    pub decaps_ns: f64,
    /// Nanoseconds spent aggregating committee signatures.
    #[serde(default)]
    pub aggregate_ns: f64,
    /// Proofs made.
    pub proofs: usize,
    /// Nanoseconds spent proving.
    pub prove_ns: f64,
    /// Manifest bytes hashed.
    pub manifest_bytes: usize,
    /// Nanoseconds spent hashing manifests.
    pub manifest_ns: f64,
    /// Distinct transactions built per kind (the rest of a block reuses them
    /// cyclically once the client budget is spent).
    pub distinct_txs: BTreeMap<String, usize>,
}

/// Mean on-chain bytes per transaction of a block, by component, with the
/// block header and any aggregate signature shared out over its transactions.
pub fn mean_components(block: &Block, header_bytes: usize) -> Components {
    let n = block.txs.len().max(1) as f64;
    let mut mean = Components::default();
    for tx in &block.txs {
        mean.add(&tx.bytes, 1.0 / n);
    }
    mean.signatures += block.aggregate.as_ref().map_or(0.0, |a| a.len() as f64) / n;
    mean.overhead += header_bytes as f64 / n;
    mean
}
