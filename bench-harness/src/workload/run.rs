//! Running a workload: gate the schemes, build real blocks, time validation
//! by strategy, derive per-transaction costs and labelled projections.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use rand_core::Rng;

use super::ledger::{Block, Builder, ClientCosts, Components, mean_components};
use super::profile::Profile;
use super::verify::{Strategy, Verifier};
use crate::conformance::flip_bit;
use crate::dynamic::Prepared;
use crate::engine::{EngineConfig, measure};
use crate::results::{SCHEMA_VERSION, Status, WORKLOAD, now_rfc3339};
use crate::stats::{MIN_CI_SAMPLES, Stats, summarize};
use crate::{BenchRng, Entry, Error, Result, bench_rng};

/// How much to build and measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkloadOptions {
    /// Blocks built and verified.
    pub blocks: usize,
    /// Transactions per block (default: the profile's).
    pub block_txs: Option<usize>,
    /// How block verification is timed: the measurement engine's warm-up,
    /// sample count and budget, one block per sample (cycling over the
    /// blocks), shared by the strategies' [`TIMING_ROUNDS`] interleaved rounds.
    pub timing: EngineConfig,
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
            timing: block_timing(),
            client_budget_secs: 3.0,
            seed: 1,
        }
    }
}

/// The engine settings for blocks: a warm-up, then at least
/// [`MIN_CI_SAMPLES`] timed blocks per strategy so every figure has a CI.
pub fn block_timing() -> EngineConfig {
    EngineConfig {
        warmup: Duration::from_millis(100),
        samples: 20,
        min_samples: MIN_CI_SAMPLES,
        budget: Duration::from_secs(1),
        ..EngineConfig::quick()
    }
}

/// Rounds the strategies are timed in: all strategies in turn, then again,
/// so that a change in the host's speed during the measurement falls on every
/// strategy alike instead of on whichever ran last — speed-ups and parallel
/// efficiencies are ratios between strategies.
pub const TIMING_ROUNDS: u32 = 4;

/// Times every strategy in [`TIMING_ROUNDS`] interleaved rounds, each round
/// a measurement with a share of `timing`'s warm-up, samples and budget;
/// returns one summary per strategy over the samples of all its rounds.
fn time_interleaved(
    verifier: &Verifier<'_>,
    blocks: &[Block],
    strategies: &[Strategy],
    timing: &EngineConfig,
    seed: u64,
) -> Result<Vec<Stats>> {
    let share = |n: usize| n.div_ceil(TIMING_ROUNDS as usize);
    let round = EngineConfig {
        warmup: timing.warmup / TIMING_ROUNDS,
        samples: share(timing.samples),
        min_samples: share(timing.min_samples),
        budget: timing.budget / TIMING_ROUNDS,
        ..timing.clone()
    };
    let mut ops: Vec<BlockVerification<'_>> = strategies
        .iter()
        .map(|s| BlockVerification {
            verifier,
            blocks,
            strategy: *s,
            next: 0,
        })
        .collect();
    let mut samples = vec![Vec::new(); ops.len()];
    for _ in 0..TIMING_ROUNDS {
        for (op, taken) in ops.iter_mut().zip(&mut samples) {
            taken.extend(measure(op, &round, seed)?.samples_ns);
        }
    }
    samples
        .iter()
        .map(|taken| summarize(taken, seed).ok_or_else(|| Error::op("timing", "no samples")))
        .collect()
}

/// Block verification as an engine operation: each run verifies the next
/// `iters` blocks, cycling over the built ones.
struct BlockVerification<'a> {
    verifier: &'a Verifier<'a>,
    blocks: &'a [Block],
    strategy: Strategy,
    next: usize,
}

impl Prepared for BlockVerification<'_> {
    fn run(&mut self, iters: u64) -> Result<()> {
        for _ in 0..iters {
            self.verifier
                .verify(&self.blocks[self.next], self.strategy)?;
            self.next = (self.next + 1) % self.blocks.len();
        }
        Ok(())
    }

    fn sizes(&self) -> Vec<(&'static str, usize)> {
        Vec::new()
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
        bad_block_tx: None,
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

/// A copy of `block` with one bit of one signature flipped, in a
/// transaction drawn with `rng` (or in the block aggregate when no
/// transaction carries a signature); also the index of the transaction hit.
fn corrupted(block: &Block, rng: &mut BenchRng) -> Option<(Block, Option<usize>)> {
    let mut txs = block.txs.clone();
    let mut aggregate = block.aggregate.clone();
    let signed: Vec<usize> = (0..txs.len())
        .filter(|&i| !txs[i].signatures.is_empty())
        .collect();
    let flip = |bytes: &mut Vec<u8>, rng: &mut BenchRng| {
        let at = (rng.next_u64() % bytes.len().max(1) as u64) as usize;
        *bytes = flip_bit(bytes, at, (rng.next_u64() % 8) as u8);
    };
    let hit = if !signed.is_empty() {
        let i = signed[(rng.next_u64() % signed.len() as u64) as usize];
        let sigs = &mut txs[i].signatures;
        let j = (rng.next_u64() % sigs.len() as u64) as usize;
        flip(&mut sigs[j], rng);
        Some(i)
    } else if let Some(agg) = aggregate.as_mut() {
        flip(agg, rng);
        None
    } else {
        return None;
    };
    Some((
        Block {
            txs,
            aggregate,
            root: block.root.clone(),
        },
        hit,
    ))
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

    // A block with one bad signature, in a transaction drawn from the
    // seeded RNG, must fail under every strategy.
    let mut probe_rng = bench_rng(opts.seed, &format!("bad-block/{}", record.key));
    if let Some((bad, hit)) = corrupted(&blocks[0], &mut probe_rng) {
        record.bad_block_tx = hit;
        for s in &strategies {
            let rejected = verifier.verify(&bad, *s).is_err();
            record
                .bad_block_rejected
                .insert(s.name().to_string(), rejected);
            if !rejected {
                return Err(Error::op(
                    "block gate",
                    format!(
                        "a block with a bad signature (tx {}) was accepted by {} verification",
                        hit.map_or("aggregate".into(), |i| i.to_string()),
                        s.name()
                    ),
                ));
            }
        }
    }

    let times = time_interleaved(&verifier, &blocks, &strategies, &opts.timing, opts.seed)?;
    for (s, stats) in strategies.iter().zip(times) {
        record.verify_block_ns.insert(s.name().to_string(), stats);
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
    let digest_bytes = roles["merkle"].hash_kit().map_or(0, |h| h.hash(b"").len());
    record.derived = derive(profile, record, digest_bytes);
    Ok(())
}

/// The headline (median) of block-verification stats and its CI, scaled by `k`.
fn scaled(stats: &Stats, k: f64) -> (f64, Option<(f64, f64)>) {
    let h = stats.headline(false);
    (h.value * k, h.ci95.map(|(lo, hi)| (lo * k, hi * k)))
}

/// Per-transaction figures from the measurements, then projections from
/// those and the profile's assumptions (each names its inputs). Figures from
/// block timings carry the 95% CI of the median block time, carried through
/// by interval arithmetic (a ratio's bounds are the ratios of opposite bounds).
fn derive(profile: &Profile, r: &WorkloadRecord, digest_bytes: usize) -> Vec<Projection> {
    let p = |name: &str, value: f64, unit: &str, formula: String| Projection {
        name: name.into(),
        value,
        unit: unit.into(),
        formula,
        ci95: None,
    };
    let n = r.block_txs as f64;
    let mut out = vec![p(
        "bytes_per_tx",
        r.bytes_per_tx.total(),
        "B",
        "measured: mean on-chain bytes per transaction, block header shared".into(),
    )];
    for (strategy, stats) in &r.verify_block_ns {
        let (value, ci95) = scaled(stats, 1.0 / n / 1e3);
        out.push(Projection {
            ci95,
            ..p(
                &format!("verify_us_per_tx_{}", strategy.replace('-', "_")),
                value,
                "µs",
                format!(
                    "measured: median {strategy} block verification ({} blocks timed) ÷ {n} transactions",
                    stats.n
                ),
            )
        })
    }
    for s in Strategy::ALL {
        let (Some(base), Some(multi), Some(one)) = (
            s.single_core_counterpart(),
            r.verify_block_ns.get(s.name()),
            s.single_core_counterpart()
                .and_then(|b| r.verify_block_ns.get(b.name())),
        ) else {
            continue;
        };
        let (a, a_ci) = scaled(one, 1.0);
        let (b, b_ci) = scaled(multi, 1.0);
        let ratio_ci = a_ci
            .zip(b_ci)
            .map(|((al, ah), (bl, bh))| (al / bh, ah / bl));
        let prefix = s.name().replace('-', "_");
        let threads = r.threads.max(1) as f64;
        out.push(Projection {
            ci95: ratio_ci,
            ..p(
                &format!("{prefix}_speedup"),
                a / b,
                "×",
                format!(
                    "measured: {} ÷ {} block verification on {} threads",
                    base.name(),
                    s.name(),
                    r.threads
                ),
            )
        });
        out.push(Projection {
            ci95: ratio_ci.map(|(lo, hi)| (lo / threads, hi / threads)),
            ..p(
                &format!("{prefix}_efficiency"),
                a / b / threads,
                "",
                format!("measured: {prefix}_speedup ÷ {} threads", r.threads),
            )
        });
    }
    if let (Some(seq), Some(batch)) = (
        r.verify_block_ns.get("sequential"),
        r.verify_block_ns.get("batch"),
    ) {
        let ((a, a_ci), (b, b_ci)) = (scaled(seq, 1.0), scaled(batch, 1.0));
        out.push(Projection {
            ci95: a_ci
                .zip(b_ci)
                .map(|((al, ah), (bl, bh))| (al / bh, ah / bl)),
            ..p(
                "batch_speedup",
                a / b,
                "×",
                "measured: sequential ÷ batch block verification, one core each".into(),
            )
        });
    }
    if r.client.signatures > 0 {
        out.push(p(
            "sign_us_per_signature",
            r.client.sign_ns / r.client.signatures as f64 / 1e3,
            "µs",
            "measured: client signing time per signature (one core)".into(),
        ));
    }
    if r.client.decapsulations > 0 {
        out.push(p(
            "decaps_us_per_envelope",
            r.client.decaps_ns / r.client.decapsulations as f64 / 1e3,
            "µs",
            "measured: recipient decapsulation time per envelope (one core), secret checked".into(),
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
    out.extend(commitment_projections(profile, r, digest_bytes));
    let sc = &profile.scenario;
    if let Some(seq) = r.verify_block_ns.get("sequential") {
        let (seq, seq_ci) = scaled(seq, 1.0 / n / 1e9);
        let tps = sc.target_tps.value;
        out.push(Projection {
            ci95: seq_ci.map(|(lo, hi)| (1.0 / hi, 1.0 / lo)),
            ..p(
                "tx_per_s_per_core",
                1.0 / seq,
                "tx/s",
                "measured: 1 ÷ sequential block verification time per transaction".into(),
            )
        });
        out.push(Projection {
            ci95: seq_ci.map(|(lo, hi)| (tps * lo, tps * hi)),
            ..p(
                "cores_needed_at_target_tps",
                tps * seq,
                "cores",
                format!("projection: target_tps {tps} (assumption) × sequential block verification time per tx (measured: signatures, proofs, Merkle paths); assumes linear scaling"),
            )
        });
        out.push(Projection {
            ci95: seq_ci.map(|(lo, hi)| {
                (
                    tps * lo * sc.validators.value,
                    tps * hi * sc.validators.value,
                )
            }),
            ..p(
                "validator_cores_total",
                tps * seq * sc.validators.value,
                "cores",
                format!(
                    "projection: cores_needed_at_target_tps × validators {} (assumption)",
                    sc.validators.value
                ),
            )
        });
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

/// For kinds that hash off-chain data into a Merkle manifest: the measured
/// hashing throughput and what it means at petabyte scale (projections).
fn commitment_projections(
    profile: &Profile,
    r: &WorkloadRecord,
    digest_bytes: usize,
) -> Vec<Projection> {
    let c = &r.client;
    let Some(manifest) = profile.txs.iter().find_map(|t| t.manifest.as_ref()) else {
        return Vec::new();
    };
    if c.manifest_bytes == 0 || c.manifest_ns <= 0.0 {
        return Vec::new();
    }
    let p = |name: &str, value: f64, unit: &str, formula: String| Projection {
        name: name.into(),
        value,
        unit: unit.into(),
        formula,
        ci95: None,
    };
    let per_s = c.manifest_bytes as f64 / (c.manifest_ns / 1e9);
    let target = profile
        .scenario
        .committed_bytes
        .as_ref()
        .map_or(1e15, |a| a.value);
    let chunks = (target / manifest.chunk_bytes as f64).max(1.0);
    let depth = chunks.log2().ceil();
    vec![
        p(
            "commit_bytes_per_s_per_core",
            per_s,
            "B/s",
            format!(
                "measured: {} manifest bytes hashed into Merkle trees of {}-byte chunks ÷ time (one core)",
                c.manifest_bytes, manifest.chunk_bytes
            ),
        ),
        p(
            "core_hours_to_commit_target",
            target / per_s / 3600.0,
            "core-h",
            format!(
                "projection: committed_bytes {target:.3e} (assumption) ÷ commit_bytes_per_s_per_core (measured) ÷ 3600; leaves and inner nodes, one core"
            ),
        ),
        p(
            "inclusion_proof_depth_at_target",
            depth,
            "levels",
            format!(
                "projection: ⌈log2(committed_bytes {target:.3e} ÷ chunk_bytes {})⌉",
                manifest.chunk_bytes
            ),
        ),
        p(
            "inclusion_proof_bytes_at_target",
            depth * digest_bytes as f64 + 8.0,
            "B",
            format!(
                "projection: inclusion_proof_depth_at_target × {digest_bytes}-byte digest (measured) + 8-byte index"
            ),
        ),
        p(
            "inclusion_proof_bytes_at_2^50_chunks",
            50.0 * digest_bytes as f64 + 8.0,
            "B",
            format!("first principles: 50 sibling digests × {digest_bytes} B + 8-byte index"),
        ),
    ]
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
