//! The results model: one directory per run.
//!
//! ```text
//! results/<run-id>/
//!   run.json        provenance and the run's configuration (see [`crate::provenance::RunInfo`]);
//!                   written atomically (temp file + rename) at start and end
//!   results.jsonl   one [`Record`] per line, appended and synced as each
//!                   measurement finishes
//! ```
//!
//! Crash safety: `run.json` is replaced atomically (temp file, fsync, rename,
//! fsync of the directory); each record is one `write` of a whole line
//! followed by `fdatasync`, and a failed append is cut back. Readers
//! ([`JsonLines`]) keep every good line: a torn final line is ignored, a
//! malformed line elsewhere is skipped with its line number, and when a key
//! appears twice (`--resume` retried a record that ended in `error`) the
//! later record wins.
//!
//! ## `results.jsonl` record schema (version [`SCHEMA_VERSION`])
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `schema` | int | record schema version |
//! | `kind` | string | `measurement` (workload records use `workload`, benchmark self-checks `check`, see [`CheckRecord`], vector suites `conformance`, see [`ConformanceRecord`]; readers skip kinds they do not know) |
//! | `key` | string | `scheme\|op\|params\|threads=N`, unique within a run; `--resume` skips keys present unless their status is `error` (then it measures again and the later line wins) |
//! | `scheme` | string | scheme id `name/impl` |
//! | `name`, `implementation`, `krate`, `backend` | string | from the scheme's INFO |
//! | `family` | string | `sig`, `kem`, `hash`, `zk` |
//! | `standard`, `security` | string | e.g. `FIPS 204`, `NIST cat 3` / `128-bit classical` |
//! | `op` | string | operation (`keygen`, `sign`, `verify`, `verify-batch`, `encaps`, `digest`...) |
//! | `variable_time` | bool | the op's time depends on input or randomness; its headline statistic is the mean (else the median) |
//! | `params` | object | `msg_len`, `batch`, `size` (statement size: Merkle depth, log2 constraints), `set` where the op takes them |
//! | `threads` | int | rayon pool size during the measurement |
//! | `status` | string | `ok`, `gate-failed` (not timed), or `error` |
//! | `error` | string? | why, when status is not `ok` |
//! | `gate` | object | correctness gate: `checks: [{name, passed, detail?}]` |
//! | `items_per_op` | int | items handled per operation (batch size for batch ops) |
//! | `sizes` | object | observed encoded sizes in bytes (`pk`, `sk`, `sig`, `ek`, `ct`, `ss`, `digest`) |
//! | `conformance` | string? | the implementation's verdict over its published vector suites: `conformant`, `deviations: N` or `untested` (absent in older records); the suites themselves are in the run's record of kind `conformance` ([`ConformanceRecord`]) |
//! | `measurement` | object? | `iters_per_sample`, `samples_ns` and `samples_cycles` (raw, per op), `ns` and `cycles` statistics (`n`, `median`, `min`, `max`, `mean`, `mad`, `p99`, `ci95_low`, `ci95_high` of the median, `mean_ci95` `[low, high]` of the mean; no interval is cited below 10 samples), `memory` (`allocations`, `peak_bytes` for one op) |
//! | `finished_at` | string | RFC 3339 time the record was written |

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod check;
mod conformance;
mod durable;
mod jsonl;
mod resume;

pub use check::{CHECK, CheckRecord, CheckVerdict, signing_set_checks};
pub use conformance::{CONFORMANCE, ConformanceRecord, conformance_record};
pub use durable::{RecordWriter, sync_dir, write_atomic};
pub use jsonl::{BadLine, JsonLines, Line};
pub use resume::ResumeState;

use crate::conformance::Verdict;
use crate::engine::Measurement;
use crate::provenance::RunInfo;
use crate::stats::Headline;
use crate::{Error, GateReport, Op, Params, Result};

/// Version of the record and run.json schemas.
pub const SCHEMA_VERSION: u32 = 1;

/// The `kind` of a measurement record.
pub const MEASUREMENT: &str = "measurement";
/// The `kind` of a workload record.
pub const WORKLOAD: &str = "workload";

/// Outcome of one planned measurement or workload run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Measured.
    Ok,
    /// The scheme failed its correctness gate and was not timed.
    GateFailed,
    /// Preparing or running the operation failed.
    Error,
}

impl Status {
    /// The name written to `results.jsonl` (`ok`, `gate-failed`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::GateFailed => "gate-failed",
            Status::Error => "error",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of `results.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Record schema version.
    pub schema: u32,
    /// Record kind (`measurement`).
    pub kind: String,
    /// Unique key of the planned measurement.
    pub key: String,
    /// Scheme id.
    pub scheme: String,
    /// Scheme name.
    pub name: String,
    /// Implementation id.
    pub implementation: String,
    /// Implementing crate.
    pub krate: String,
    /// Backend within the crate.
    pub backend: String,
    /// Family short name.
    pub family: String,
    /// Standard followed.
    pub standard: String,
    /// Security level, rendered.
    pub security: String,
    /// Operation.
    pub op: Op,
    /// The operation's time depends on its input or randomness: its figures
    /// lead with the mean ([`Record::headline`]).
    #[serde(default)]
    pub variable_time: bool,
    /// Parameters.
    pub params: Params,
    /// Rayon threads.
    pub threads: usize,
    /// Outcome.
    pub status: Status,
    /// Error text when not `ok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Correctness gate outcome.
    pub gate: GateReport,
    /// Items per operation.
    pub items_per_op: usize,
    /// Observed sizes in bytes.
    pub sizes: BTreeMap<String, usize>,
    /// Timing and memory, when measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measurement: Option<Measurement>,
    /// The implementation's conformance verdict over its published vector
    /// suites (`conformant`, `deviations: N`, `untested`); absent in records
    /// written before verdicts were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conformance: Option<Verdict>,
    /// When the record was written.
    pub finished_at: String,
}

impl Record {
    /// The figure this record leads with, in nanoseconds per operation: the
    /// mean for a variable-time operation, the median otherwise, each with its
    /// 95% CI when enough samples were taken. `None` when not measured.
    pub fn headline(&self) -> Option<Headline> {
        match (self.status, &self.measurement) {
            (Status::Ok, Some(m)) => Some(m.ns.headline(self.variable_time)),
            _ => None,
        }
    }
}

/// A run directory: `run.json` + `results.jsonl`.
#[derive(Clone, Debug)]
pub struct RunDir {
    path: PathBuf,
}

impl RunDir {
    /// Creates a new, empty run directory (it must not hold results yet).
    pub fn create(path: impl Into<PathBuf>) -> Result<RunDir> {
        let path = path.into();
        if path.join("results.jsonl").exists() {
            return Err(Error::Usage(format!(
                "{} already holds results; use --resume {} to continue it or choose another --out",
                path.display(),
                path.display()
            )));
        }
        fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        File::create(path.join("results.jsonl"))
            .map_err(|e| Error::io(path.join("results.jsonl"), e))?;
        sync_dir(&path)?;
        if let Some(parent) = path.parent() {
            sync_dir(parent)?;
        }
        Ok(RunDir { path })
    }

    /// Opens an existing run directory.
    pub fn open(path: impl Into<PathBuf>) -> Result<RunDir> {
        let path = path.into();
        if !path.join("run.json").is_file() {
            return Err(Error::Usage(format!(
                "{} is not a results directory (no run.json)",
                path.display()
            )));
        }
        Ok(RunDir { path })
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn results_path(&self) -> PathBuf {
        self.path.join("results.jsonl")
    }

    /// Writes `run.json` atomically.
    pub fn write_run_info(&self, info: &RunInfo) -> Result<()> {
        let json =
            serde_json::to_vec_pretty(info).map_err(|e| Error::op("serialize run.json", e))?;
        write_atomic(&self.path.join("run.json"), &json)
    }

    /// Reads `run.json`.
    pub fn read_run_info(&self) -> Result<RunInfo> {
        let path = self.path.join("run.json");
        let text = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let info: RunInfo = serde_json::from_str(&text).map_err(|e| Error::Results {
            path: path.clone(),
            detail: format!("line {}: {e}", e.line()),
        })?;
        if info.schema != SCHEMA_VERSION {
            return Err(Error::Results {
                path,
                detail: format!(
                    "schema version {} but this ledgerbench reads {SCHEMA_VERSION}",
                    info.schema
                ),
            });
        }
        Ok(info)
    }

    /// Every complete line of `results.jsonl` (see [`JsonLines`]).
    pub fn read_lines(&self) -> Result<JsonLines> {
        JsonLines::read(&self.results_path())
    }

    /// Reads every good measurement record (other kinds, such as workload
    /// records, are skipped, and so are malformed lines: see [`JsonLines`]).
    /// The line number of a final line cut short by an interrupted write is
    /// returned beside them.
    pub fn read_records(&self) -> Result<(Vec<Record>, Option<usize>)> {
        let lines = self.read_lines()?;
        Ok((lines.parse_kind_lenient(MEASUREMENT).0, lines.torn))
    }

    /// Opens `results.jsonl` for appending.
    pub fn appender(&self) -> Result<RecordWriter> {
        RecordWriter::open(&self.results_path())
    }
}

/// The current time in RFC 3339 (UTC, seconds).
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
