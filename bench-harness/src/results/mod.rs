//! The results model: one directory per run.
//!
//! ```text
//! results/<run-id>/
//!   run.json        provenance and the run's configuration (see [`crate::provenance::RunInfo`]);
//!                   written atomically (temp file + rename) at start and end
//!   results.jsonl   one [`Record`] per line, appended and flushed as each
//!                   measurement finishes
//! ```
//!
//! ## `results.jsonl` record schema (version [`SCHEMA_VERSION`])
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `schema` | int | record schema version |
//! | `kind` | string | `measurement` (workload records use `workload`, benchmark self-checks `check`, see [`CheckRecord`]; readers skip kinds they do not know) |
//! | `key` | string | `scheme\|op\|params\|threads=N`, unique within a run; `--resume` skips keys present |
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
//! | `measurement` | object? | `iters_per_sample`, `samples_ns` and `samples_cycles` (raw, per op), `ns` and `cycles` statistics (`n`, `median`, `min`, `max`, `mean`, `mad`, `p99`, `ci95_low`, `ci95_high` of the median, `mean_ci95` `[low, high]` of the mean; no interval is cited below 10 samples), `memory` (`allocations`, `peak_bytes` for one op) |
//! | `finished_at` | string | RFC 3339 time the record was written |

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod check;
mod jsonl;

pub use check::{CHECK, CheckRecord, CheckVerdict, signing_set_checks};
pub use jsonl::{JsonLines, Line};

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

    /// Reads every complete measurement record (other kinds, such as
    /// workload records, are skipped). A final line cut short by an
    /// interrupted write is ignored (and its line number returned); any other
    /// malformed line is an error naming its line number.
    pub fn read_records(&self) -> Result<(Vec<Record>, Option<usize>)> {
        let lines = self.read_lines()?;
        Ok((lines.parse_kind(MEASUREMENT)?, lines.torn))
    }

    /// Keys of the records already written (every kind); drops a torn final
    /// line first so appends start on a clean line.
    pub fn finished_keys(&self) -> Result<HashSet<String>> {
        let read = self.read_lines()?;
        if read.torn.is_some() {
            let mut text = String::new();
            for line in &read.lines {
                text.push_str(&line.value.to_string());
                text.push('\n');
            }
            write_atomic(&self.results_path(), text.as_bytes())?;
        }
        Ok(read
            .lines
            .iter()
            .filter_map(|l| l.key().map(str::to_string))
            .collect())
    }

    /// Opens `results.jsonl` for appending.
    pub fn appender(&self) -> Result<RecordWriter> {
        let path = self.results_path();
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        Ok(RecordWriter { file, path })
    }
}

/// Appends records, one flushed and synced line each.
pub struct RecordWriter {
    file: File,
    path: PathBuf,
}

impl RecordWriter {
    /// Appends one record (of any kind) and makes it durable before returning.
    pub fn append<T: Serialize>(&mut self, record: &T) -> Result<()> {
        let mut line = serde_json::to_vec(record).map_err(|e| Error::op("serialize record", e))?;
        line.push(b'\n');
        self.file
            .write_all(&line)
            .map_err(|e| Error::io(&self.path, e))?;
        self.file.sync_data().map_err(|e| Error::io(&self.path, e))
    }
}

/// Writes `bytes` to `path` via a temporary file and a rename, so readers never
/// see a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let mut f = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    f.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
    f.sync_all().map_err(|e| Error::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}

/// The current time in RFC 3339 (UTC, seconds).
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
