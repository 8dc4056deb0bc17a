//! The workload record: one line of `results.jsonl` with `kind = "workload"`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ledger::{ClientCosts, Components};
use super::profile::Profile;
use crate::Result;
use crate::results::{JsonLines, Status, WORKLOAD};
use crate::stats::Stats;

/// Figures computed from measurements and the profile's assumptions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// What it is.
    pub name: String,
    /// The value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// How it was computed, naming measured inputs and assumptions.
    pub formula: String,
    /// 95% CI carried from the measurements it comes from (absent when the
    /// inputs had too few samples for one, or carry no timing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<(f64, f64)>,
}

/// Comparison against a baseline run of the same profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Versus {
    /// The baseline's role assignment.
    pub baseline_roles: BTreeMap<String, String>,
    /// Bytes per transaction, this ÷ baseline.
    pub bytes_per_tx_ratio: f64,
    /// Block bytes, this ÷ baseline.
    pub block_bytes_ratio: f64,
    /// Sequential verification time per transaction, this ÷ baseline.
    pub verify_per_tx_ratio: f64,
    /// Cores needed at the target TPS, this ÷ baseline.
    pub cores_needed_ratio: f64,
}

/// One line of `results.jsonl` with `kind = "workload"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkloadRecord {
    /// Record schema version.
    pub schema: u32,
    /// Always `workload`.
    pub kind: String,
    /// Unique key: profile, role assignment, block size and threads.
    pub key: String,
    /// Profile name.
    pub profile: String,
    /// Profile title.
    pub title: String,
    /// Action-plan sector.
    pub sector: String,
    /// Role → scheme id.
    pub roles: BTreeMap<String, String>,
    /// Rayon threads.
    pub threads: usize,
    /// Blocks built.
    pub blocks: usize,
    /// Transactions per block.
    pub block_txs: usize,
    /// Outcome.
    pub status: Status,
    /// Why, when not ok.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Per scheme id: did its correctness gate pass.
    pub gates: BTreeMap<String, bool>,
    /// Per strategy: was a block with one bad signature rejected.
    pub bad_block_rejected: BTreeMap<String, bool>,
    /// The transaction whose signature the bad-block probe corrupted (drawn
    /// from the seeded RNG); `None` when it was the block aggregate.
    #[serde(default)]
    pub bad_block_tx: Option<usize>,
    /// Mean on-chain bytes per transaction by component.
    pub bytes_per_tx: Components,
    /// Mean block size in bytes.
    pub block_bytes: f64,
    /// Nanoseconds to verify one block, per strategy (`sequential`,
    /// `parallel`, `batch`, `parallel-batch`), timed by the measurement engine.
    pub verify_block_ns: BTreeMap<String, Stats>,
    /// Nanoseconds to compute a block's Merkle root over its transactions.
    pub merkle_root_ns: Option<Stats>,
    /// Client-side costs while building.
    pub client: ClientCosts,
    /// Measured per-transaction figures and projections.
    pub derived: Vec<Projection>,
    /// The profile's scenario assumptions: (name, value, why).
    pub assumptions: Vec<(String, f64, String)>,
    /// Comparison against `--baseline`, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus: Option<Versus>,
    /// When written.
    pub finished_at: String,
}

impl WorkloadRecord {
    /// Every complete workload record of a `results.jsonl`.
    pub fn read_all(lines: &JsonLines) -> Result<Vec<WorkloadRecord>> {
        lines.parse_kind(WORKLOAD)
    }

    /// A derived figure by name.
    pub fn figure(&self, name: &str) -> Option<f64> {
        self.derived
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.value)
    }
}

/// The record key of a workload run.
pub fn key(
    profile: &Profile,
    roles: &BTreeMap<String, String>,
    block_txs: usize,
    threads: usize,
) -> String {
    let assignment: Vec<String> = roles.iter().map(|(r, id)| format!("{r}={id}")).collect();
    format!(
        "workload|{}|{}|block_txs={block_txs}|threads={threads}",
        profile.name,
        assignment.join(",")
    )
}
