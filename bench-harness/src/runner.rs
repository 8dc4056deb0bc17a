//! Runs planned jobs: correctness gate once per scheme, then prepare, measure
//! and append one record per job.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::conformance::Verdict;
use crate::engine::{EngineConfig, measure};
use crate::plan::Job;
use crate::results::{Record, RecordWriter, SCHEMA_VERSION, Status, now_rfc3339};
use crate::{GateReport, Result};

/// Receives progress events (the CLI draws a progress bar from them).
pub trait Progress {
    /// Called once with the number of jobs to run now.
    fn start(&mut self, _total: usize) {}
    /// Called before each job.
    fn job_started(&mut self, _job: &Job) {}
    /// Called after each record is written.
    fn job_finished(&mut self, _record: &Record) {}
    /// A message worth showing (e.g. a failed gate).
    fn note(&mut self, _message: &str) {}
}

/// Progress that shows nothing.
pub struct Silent;
impl Progress for Silent {}

/// Counts of what a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunCounts {
    /// Records measured.
    pub measured: usize,
    /// Records not timed because the gate failed.
    pub gate_failed: usize,
    /// Records that errored.
    pub errors: usize,
    /// Jobs skipped because a record already existed (`--resume`).
    pub skipped: usize,
}

/// Runs every job whose key is not in `done`, appending records to `out`;
/// each record carries its scheme's verdict from `verdicts` (scheme id →
/// verdict, computed once per implementation by the caller; a scheme absent
/// from it gets no verdict).
pub fn execute(
    jobs: &[Job],
    done: &HashSet<String>,
    engine: &EngineConfig,
    seed: u64,
    verdicts: &BTreeMap<String, Verdict>,
    out: &mut RecordWriter,
    progress: &mut dyn Progress,
) -> Result<RunCounts> {
    let mut counts = RunCounts::default();
    let todo: Vec<&Job> = jobs.iter().filter(|j| !done.contains(&j.key())).collect();
    counts.skipped = jobs.len() - todo.len();
    progress.start(todo.len());
    let mut gates: HashMap<String, GateReport> = HashMap::new();
    for job in todo {
        progress.job_started(job);
        let id = job.entry.id();
        let gate = gates
            .entry(id.clone())
            .or_insert_with(|| {
                let report = job.entry.gate(seed);
                if !report.passed() {
                    progress.note(&format!(
                        "{id}: correctness gate {} — not timed",
                        report.describe()
                    ));
                }
                report
            })
            .clone();
        let mut record = run_job(job, gate, engine, seed);
        record.conformance = verdicts.get(&id).copied();
        match record.status {
            Status::Ok => counts.measured += 1,
            Status::GateFailed => counts.gate_failed += 1,
            Status::Error => {
                counts.errors += 1;
                progress.note(&format!(
                    "{}: {}",
                    job.key(),
                    record.error.as_deref().unwrap_or("error")
                ));
            }
        }
        out.append(&record)?;
        progress.job_finished(&record);
    }
    Ok(counts)
}

/// Measures one job (unless its gate failed) and builds its record.
fn run_job(job: &Job, gate: GateReport, engine: &EngineConfig, seed: u64) -> Record {
    let info = job.entry.info();
    let mut record = Record {
        schema: SCHEMA_VERSION,
        kind: crate::results::MEASUREMENT.to_string(),
        key: job.key(),
        scheme: info.id(),
        name: info.name.to_string(),
        implementation: info.implementation.id.to_string(),
        krate: info.implementation.krate.to_string(),
        backend: info.implementation.backend.to_string(),
        family: info.family.to_string(),
        standard: info.standard.to_string(),
        security: info.security.to_string(),
        op: job.op,
        variable_time: job.entry.variable_time(job.op),
        params: job.params.clone(),
        threads: rayon::current_num_threads(),
        status: Status::Ok,
        error: None,
        gate,
        items_per_op: 1,
        sizes: BTreeMap::new(),
        measurement: None,
        conformance: None,
        finished_at: String::new(),
    };
    if !record.gate.passed() {
        record.status = Status::GateFailed;
        record.error = Some(format!("correctness gate {}", record.gate.describe()));
    } else {
        let outcome = job
            .entry
            .prepare(job.op, &job.params, seed)
            .and_then(|mut prepared| {
                record.sizes = prepared
                    .sizes()
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect();
                record.items_per_op = prepared.items_per_op();
                measure(prepared.as_mut(), engine, seed)
            });
        match outcome {
            Ok(m) => record.measurement = Some(m),
            Err(e) => {
                record.status = Status::Error;
                record.error = Some(e.to_string());
            }
        }
    }
    record.finished_at = now_rfc3339();
    record
}
