//! Fixtures: tiny results directories measured from the harness's toy
//! schemes, and synthetic records with chosen samples.

#![allow(dead_code)]

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use ledgerbench_harness::conformance::Check;
use ledgerbench_harness::dynamic::{HashEntry, KemEntry, SigEntry};
use ledgerbench_harness::engine::{EngineConfig, Measurement};
use ledgerbench_harness::plan::{RunConfig, Suite, plan_partition};
use ledgerbench_harness::provenance::{BuildInfo, GitInfo, Machine, RunInfo};
use ledgerbench_harness::results::{Record, RunDir, SCHEMA_VERSION, Status};
use ledgerbench_harness::runner::{Silent, execute};
use ledgerbench_harness::stats::summarize;
use ledgerbench_harness::testing::{AcceptAllSig, ToyHash, ToyKem, ToySig};
use ledgerbench_harness::{GateReport, Op, Params, Registry};

/// Toy schemes: a signature, a KEM, a hash and a signature failing its gate.
pub fn toy_registry() -> Registry {
    let mut r = Registry::new();
    r.extend([
        SigEntry::<ToySig>::new().into_entry(),
        SigEntry::<AcceptAllSig>::new().into_entry(),
        KemEntry::<ToyKem>::entry(),
        HashEntry::<ToyHash>::entry(),
    ])
    .expect("unique ids");
    r
}

/// Fast engine settings for tests.
pub fn fast_engine() -> EngineConfig {
    EngineConfig {
        warmup: Duration::from_millis(2),
        budget: Duration::from_millis(6),
        samples: 8,
        min_samples: 6,
        ..EngineConfig::quick()
    }
}

/// The configuration used by the fixtures.
pub fn config(partition: Option<(usize, usize)>, threads: usize) -> RunConfig {
    RunConfig {
        suite: Suite::Quick,
        schemes: Vec::new(),
        families: Vec::new(),
        ops: Vec::new(),
        msg_lens: Some(vec![32, 1024]),
        batches: Some(vec![4]),
        sizes: None,
        threads,
        seed: 7,
        partition,
    }
}

/// A plausible run.json.
pub fn run_info(run_id: &str, config: RunConfig, host: &str) -> RunInfo {
    RunInfo {
        schema: SCHEMA_VERSION,
        run_id: run_id.to_string(),
        command_line: vec![
            "ledgerbench".into(),
            "run".into(),
            "--suite".into(),
            "quick".into(),
        ],
        resumed_by: Vec::new(),
        engine: fast_engine(),
        config,
        status: "complete".into(),
        stopped: None,
        started_at: "2026-01-01T00:00:00Z".into(),
        finished_at: Some("2026-01-01T00:01:00Z".into()),
        git: Some(GitInfo {
            commit: "0123456789abcdef0123456789abcdef01234567".into(),
            dirty: false,
        }),
        build: BuildInfo {
            rustc: "rustc 1.95.0".into(),
            target: "x86_64-unknown-linux-gnu".into(),
            profile: "release".into(),
            opt_level: "3".into(),
            target_features: vec!["sse2".into()],
            locked: BTreeMap::new(),
            source_dir: String::new(),
            plugins: Vec::new(),
            code_paths: BTreeMap::new(),
        },
        crates: BTreeMap::from([("ledgerbench-harness".to_string(), "0.1.0".to_string())]),
        machine: Machine {
            cpu_model: Some("Test CPU".into()),
            logical_cores: 2,
            tsc_hz: Some(2.5e9),
            cycle_counter: "test counter".into(),
            governor: Some("performance".into()),
            os: Some("Test OS".into()),
            kernel: Some("6.0".into()),
            hostname: Some(host.into()),
            memory_bytes: Some(1 << 30),
        },
        peak_rss_bytes: Some(1 << 24),
        parts: Vec::new(),
    }
}

/// Measures the toy registry (optionally one partition) into `parent/run_id`.
pub fn toy_run(parent: &Path, run_id: &str, partition: Option<(usize, usize)>) -> PathBuf {
    let registry = toy_registry();
    let config = config(partition, 1);
    let jobs = plan_partition(&registry, &config).expect("plan");
    let path = parent.join(run_id);
    let dir = RunDir::create(&path).expect("create run dir");
    let info = run_info(run_id, config.clone(), &format!("host-{run_id}"));
    dir.write_run_info(&info).expect("run.json");
    let mut out = dir.appender().expect("appender");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    pool.install(|| {
        execute(
            &jobs,
            &HashSet::new(),
            &info.engine,
            config.seed,
            &Default::default(),
            &mut out,
            &mut Silent,
        )
    })
    .expect("execute");
    path
}

/// A measured record with the given samples (ns).
pub fn record(scheme: &str, op: Op, msg_len: Option<usize>, samples: &[f64]) -> Record {
    let params = Params {
        msg_len,
        ..Params::default()
    };
    let stats = summarize(samples, 1);
    let measurement = stats.map(|ns| Measurement {
        iters_per_sample: 1,
        samples_ns: samples.to_vec(),
        samples_cycles: Vec::new(),
        ns,
        cycles: None,
        memory: None,
    });
    Record {
        schema: SCHEMA_VERSION,
        kind: "measurement".into(),
        key: format!("{scheme}|{op}|{}|threads=1", params.label()),
        scheme: scheme.into(),
        name: scheme.split('/').next().unwrap_or(scheme).into(),
        implementation: "toy".into(),
        krate: "ledgerbench-harness".into(),
        backend: "portable".into(),
        family: "sig".into(),
        standard: "none".into(),
        security: "0-bit classical".into(),
        op,
        variable_time: false,
        params,
        threads: 1,
        status: if measurement.is_some() {
            Status::Ok
        } else {
            Status::GateFailed
        },
        error: None,
        gate: GateReport {
            checks: vec![Check {
                name: "valid signature accepted".into(),
                passed: true,
                detail: String::new(),
            }],
        },
        items_per_op: 1,
        sizes: BTreeMap::from([("pk".to_string(), 32), ("sig".to_string(), 64)]),
        measurement,
        conformance: None,
        finished_at: "2026-01-01T00:00:30Z".into(),
    }
}

/// Writes a results directory holding exactly `records`.
pub fn synthetic_run(parent: &Path, run_id: &str, records: &[Record]) -> PathBuf {
    let path = parent.join(run_id);
    let dir = RunDir::create(&path).expect("create");
    dir.write_run_info(&run_info(run_id, config(None, 1), "synthetic"))
        .expect("run.json");
    let mut out = dir.appender().expect("appender");
    for r in records {
        out.append(r).expect("append");
    }
    path
}

/// Samples around `center` with a deterministic spread of ±`spread`.
pub fn samples(center: f64, spread: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| {
            let u = ((i * 7919) % n) as f64 / n as f64 - 0.5;
            center * (1.0 + 2.0 * spread * u)
        })
        .collect()
}
