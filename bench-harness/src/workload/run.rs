//! Running a workload: gate the schemes, build real blocks, time validation
//! by strategy, derive per-transaction costs and labelled projections.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::ledger::{Block, Builder, ClientCosts, Components, mean_components};
use super::profile::Profile;
use super::verify::{Strategy, Verifier};
use crate::conformance::flip_bit;
use crate::results::{SCHEMA_VERSION, Status, WORKLOAD, now_rfc3339};
use crate::stats::summarize;
use crate::{Entry, Error, Result, bench_rng};

/// How much to build and measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkloadOptions {
    /// Blocks built and verified.
    pub blocks: usize,
    /// Transactions per block (default: the profile's).
    pub block_txs: Option<usize>,
    /// Verifications of each block per strategy.
    pub reps: usize,
    /// Client-side time per block for making distinct transactions; past it,
    /// the block is filled by reusing them (slow signers and provers).
    pub client_budget_secs: f64,
    /// Seed.
    pub seed: u64,
}

impl Default for WorkloadOptions {
    fn default() -> Self {
        WorkloadOptions {
            blocks: 3,
            block_txs: None,
            reps: 2,
            client_budget_secs: 3.0,
            seed: 1,
        }
    }
}

pub use super::record::{Projection, Versus, WorkloadRecord, key};

/// Runs the profile with resolved roles and returns its record (errors
/// inside the run are recorded, not returned, so a suite goes on).
pub fn run(
    profile: &Profile,
    roles: &BTreeMap<String, Entry>,
    opts: &WorkloadOptions,
) -> WorkloadRecord {
    let ids: BTreeMap<String, String> = roles.iter().map(|(r, e)| (r.clone(), e.id())).collect();
    let block_txs = opts.block_txs.unwrap_or(profile.ledger.block_txs).max(1);
    let threads = rayon::current_num_threads();
    let mut record = WorkloadRecord {
        schema: SCHEMA_VERSION,
        kind: WORKLOAD.into(),
        key: key(profile, &ids, block_txs, threads),
        profile: profile.name.clone(),
        title: profile.title.clone(),
        sector: profile.sector.clone(),
        roles: ids,
        threads,
        blocks: opts.blocks.max(1),
        block_txs,
        status: Status::Ok,
        error: None,
        gates: BTreeMap::new(),
        bad_block_rejected: BTreeMap::new(),
        bytes_per_tx: Components::default(),
        block_bytes: 0.0,
        verify_block_ns: BTreeMap::new(),
        merkle_root_ns: None,
        client: ClientCosts::default(),
        derived: Vec::new(),
        assumptions: profile
            .scenario
            .assumptions()
            .into_iter()
            .map(|(n, a)| (n.to_string(), a.value, a.assumption.clone()))
            .collect(),
        versus: None,
        finished_at: String::new(),
    };
    for entry in roles.values() {
        let gate = entry.gate(opts.seed);
        record.gates.insert(entry.id(), gate.passed());
        if !gate.passed() {
            record.status = Status::GateFailed;
            record.error = Some(format!(
                "{}: correctness gate {} — not measured",
                entry.id(),
                gate.describe()
            ));
        }
    }
    if record.status == Status::Ok
        && let Err(e) = time_blocks(profile, roles, opts, &mut record)
    {
        record.status = if matches!(e, Error::Verification) {
            Status::GateFailed
        } else {
            Status::Error
        };
        record.error = Some(e.to_string());
    }
    record.finished_at = now_rfc3339();
    record
}

fn time_ns(f: impl FnOnce() -> Result<()>) -> Result<f64> {
    let start = Instant::now();
    f()?;
    Ok(start.elapsed().as_nanos() as f64)
}

/// A copy of `block` with one signature (or the aggregate) corrupted.
fn corrupted(block: &Block) -> Option<Block> {
    let mut txs = block.txs.clone();
    let mut aggregate = block.aggregate.clone();
    if let Some(sig) = txs.iter_mut().find_map(|t| t.signatures.first_mut()) {
        *sig = flip_bit(sig, sig.len() / 2, 0);
    } else if let Some(agg) = aggregate.as_mut() {
        *agg = flip_bit(agg, agg.len() / 2, 0);
    } else {
        return None;
    }
    Some(Block {
        txs,
        aggregate,
        root: block.root.clone(),
    })
}

fn time_blocks(
    profile: &Profile,
    roles: &BTreeMap<String, Entry>,
    opts: &WorkloadOptions,
    record: &mut WorkloadRecord,
) -> Result<()> {
    let mut rng = bench_rng(opts.seed, &format!("workload/{}", record.key));
    let budget = Duration::from_secs_f64(opts.client_budget_secs.max(0.0));
    let mut builder = Builder::new(profile, roles, budget, &mut rng)?;
    let blocks: Vec<Block> = (0..record.blocks)
        .map(|_| builder.block(record.block_txs, &mut rng))
        .collect::<Result<_>>()?;
    let provers = builder.provers();
    let verifier = Verifier::new(profile, roles, provers);
    let strategies: Vec<Strategy> = Strategy::ALL
        .into_iter()
        .filter(|s| verifier.applies(*s))
        .collect();

    // A block with one bad signature must fail under every strategy.
    if let Some(bad) = corrupted(&blocks[0]) {
        for s in &strategies {
            let rejected = verifier.verify(&bad, *s).is_err();
            record
                .bad_block_rejected
                .insert(format!("{s:?}").to_lowercase(), rejected);
            if !rejected {
                return Err(Error::op(
                    "block gate",
                    format!("a block with a bad signature was accepted by {s:?} verification"),
                ));
            }
        }
    }

    for s in &strategies {
        let mut samples = Vec::new();
        for block in &blocks {
            for _ in 0..opts.reps.max(1) {
                samples.push(time_ns(|| verifier.verify(block, *s))?);
            }
        }
        if let Some(stats) = summarize(&samples, opts.seed) {
            record
                .verify_block_ns
                .insert(format!("{s:?}").to_lowercase(), stats);
        }
    }
    let mut root_samples = Vec::new();
    for block in &blocks {
        let start = Instant::now();
        let root = builder.tx_root(&block.txs);
        root_samples.push(start.elapsed().as_nanos() as f64);
        if root != block.root {
            return Err(Error::op("merkle", "block root is not reproducible"));
        }
    }
    record.merkle_root_ns = summarize(&root_samples, opts.seed);

    let mut bytes = Components::default();
    for block in &blocks {
        let mean = mean_components(block, profile.ledger.block_header_bytes);
        bytes.signatures += mean.signatures / blocks.len() as f64;
        bytes.public_keys += mean.public_keys / blocks.len() as f64;
        bytes.ciphertexts += mean.ciphertexts / blocks.len() as f64;
        bytes.proofs += mean.proofs / blocks.len() as f64;
        bytes.payload += mean.payload / blocks.len() as f64;
        bytes.overhead += mean.overhead / blocks.len() as f64;
    }
    record.bytes_per_tx = bytes;
    record.block_bytes = bytes.total() * record.block_txs as f64;
    record.client = builder.costs.clone();
    record.derived = derive(profile, record);
    Ok(())
}

/// Per-transaction figures from the measurements, then projections from
/// those and the profile's assumptions (each names its inputs).
fn derive(profile: &Profile, r: &WorkloadRecord) -> Vec<Projection> {
    let p = |name: &str, value: f64, unit: &str, formula: String| Projection {
        name: name.into(),
        value,
        unit: unit.into(),
        formula,
    };
    let n = r.block_txs as f64;
    let mut out = vec![p(
        "bytes_per_tx",
        r.bytes_per_tx.total(),
        "B",
        "measured: mean on-chain bytes per transaction, block header shared".into(),
    )];
    for (strategy, stats) in &r.verify_block_ns {
        out.push(p(
            &format!("verify_us_per_tx_{strategy}"),
            stats.median / n / 1e3,
            "µs",
            format!("measured: median {strategy} block verification ÷ {n} transactions"),
        ));
    }
    let seq = r
        .verify_block_ns
        .get("sequential")
        .map(|s| s.median / n / 1e9);
    if let (Some(seq_block), Some(par)) = (
        r.verify_block_ns.get("sequential"),
        r.verify_block_ns.get("parallel"),
    ) {
        out.push(p(
            "parallel_speedup",
            seq_block.median / par.median,
            "×",
            format!(
                "measured: sequential ÷ parallel block verification on {} threads",
                r.threads
            ),
        ));
    }
    if r.client.signatures > 0 {
        out.push(p(
            "sign_us_per_signature",
            r.client.sign_ns / r.client.signatures as f64 / 1e3,
            "µs",
            "measured: client signing time per signature (one core)".into(),
        ));
    }
    if r.client.proofs > 0 {
        out.push(p(
            "prove_ms_per_proof",
            r.client.prove_ns / r.client.proofs as f64 / 1e6,
            "ms",
            "measured: client proving time per proof (rayon pool)".into(),
        ));
    }
    let sc = &profile.scenario;
    if let Some(seq) = seq {
        out.push(p(
            "tx_per_s_per_core",
            1.0 / seq,
            "tx/s",
            "measured: 1 ÷ sequential verification time per transaction".into(),
        ));
        out.push(p(
            "cores_needed_at_target_tps",
            sc.target_tps.value * seq,
            "cores",
            format!("projection: target_tps {} (assumption) × sequential verify time per tx (measured); assumes linear scaling, verification only", sc.target_tps.value),
        ));
        out.push(p(
            "validator_cores_total",
            sc.target_tps.value * seq * sc.validators.value,
            "cores",
            format!(
                "projection: cores_needed_at_target_tps × validators {} (assumption)",
                sc.validators.value
            ),
        ));
    }
    let bytes = r.bytes_per_tx.total();
    let per_day = sc.average_tps.value * 86400.0 * bytes;
    out.push(p(
        "ledger_growth_per_day",
        per_day,
        "B",
        format!(
            "projection: average_tps {} (assumption) × 86400 s × bytes_per_tx (measured)",
            sc.average_tps.value
        ),
    ));
    out.push(p(
        "ledger_growth_per_year",
        per_day * 365.0,
        "B",
        "projection: ledger_growth_per_day × 365".into(),
    ));
    out.push(p(
        "ledger_size_over_retention",
        per_day * 365.0 * sc.retention_years.value,
        "B",
        format!(
            "projection: ledger_growth_per_year × retention_years {} (assumption)",
            sc.retention_years.value
        ),
    ));
    let pk_bytes = profile
        .txs
        .iter()
        .find(|t| t.carries_public_keys)
        .and_then(|t| r.bytes_per_tx.public_keys.is_finite().then_some(t))
        .map_or(0.0, |_| r.bytes_per_tx.public_keys.max(0.0));
    let pk_per_account = if pk_bytes > 0.0 { pk_bytes } else { 0.0 };
    out.push(p(
        "state_bytes",
        sc.accounts.value * (pk_per_account + sc.account_state_bytes.value),
        "B",
        format!(
            "projection: accounts {} (assumption) × (public key bytes as carried per tx {pk_per_account:.0} (measured) + account_state_bytes {} (assumption))",
            sc.accounts.value, sc.account_state_bytes.value
        ),
    ));
    out
}

/// Fills `versus` on `record` from a baseline record of the same profile.
pub fn compare(record: &mut WorkloadRecord, baseline: &WorkloadRecord) {
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => a / b,
        _ => f64::NAN,
    };
    record.versus = Some(Versus {
        baseline_roles: baseline.roles.clone(),
        bytes_per_tx_ratio: ratio(
            record.figure("bytes_per_tx"),
            baseline.figure("bytes_per_tx"),
        ),
        block_bytes_ratio: ratio(Some(record.block_bytes), Some(baseline.block_bytes)),
        verify_per_tx_ratio: ratio(
            record.figure("verify_us_per_tx_sequential"),
            baseline.figure("verify_us_per_tx_sequential"),
        ),
        cores_needed_ratio: ratio(
            record.figure("cores_needed_at_target_tps"),
            baseline.figure("cores_needed_at_target_tps"),
        ),
    });
}
