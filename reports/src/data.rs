//! A results directory loaded for reading: `run.json` plus every record.
//!
//! Unlike [`RunDir::read_records`], loading here is tolerant of records this
//! version does not understand: lines whose `kind` is not `measurement` (the
//! workload engine writes `workload` records) or that do not parse as a
//! [`Record`] are kept as [`OtherRecord`]s so a report can still show them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ledgerbench_harness::engine::Measurement;
use ledgerbench_harness::provenance::RunInfo;
use ledgerbench_harness::results::{JsonLines, MEASUREMENT, Record, RunDir, Status};
use ledgerbench_harness::{Family, Op, Result};

/// A record that is not a [`Record`] of kind `measurement`.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherRecord {
    /// The record's `kind` field (`workload`...; `unknown` when absent).
    pub kind: String,
    /// The whole record.
    pub value: serde_json::Value,
    /// Line number in `results.jsonl` (1-based).
    pub line: usize,
}

/// A loaded results directory.
#[derive(Clone, Debug)]
pub struct RunData {
    /// The directory.
    pub dir: PathBuf,
    /// Its `run.json`.
    pub info: RunInfo,
    /// Records of kind `measurement`, in file order.
    pub records: Vec<Record>,
    /// Records of other kinds (or that this version cannot parse).
    pub other: Vec<OtherRecord>,
    /// Line number of a final line cut short by an interrupted write, if any.
    pub torn_line: Option<usize>,
    /// What the reader set aside (torn, malformed or repeated lines), one
    /// sentence each naming the file and line ([`JsonLines::problems`]).
    pub problems: Vec<String>,
}

impl RunData {
    /// Reads `dir/run.json` and `dir/results.jsonl`.
    pub fn load(dir: impl AsRef<Path>) -> Result<RunData> {
        let dir = dir.as_ref();
        let run = RunDir::open(dir)?;
        Ok(RunData::from_lines(
            dir,
            run.read_run_info()?,
            &run.read_lines()?,
        ))
    }

    /// Run data from a `run.json` and the lines of its `results.jsonl`:
    /// measurement records that parse become [`Record`]s, everything else an
    /// [`OtherRecord`].
    pub fn from_lines(dir: impl Into<PathBuf>, info: RunInfo, lines: &JsonLines) -> RunData {
        let mut records = Vec::new();
        let mut other = Vec::new();
        for line in &lines.lines {
            if line.kind() == MEASUREMENT
                && let Ok(record) = serde_json::from_value::<Record>(line.value.clone())
            {
                records.push(record);
                continue;
            }
            other.push(OtherRecord {
                kind: line.kind().to_string(),
                value: line.value.clone(),
                line: line.number,
            });
        }
        RunData {
            dir: dir.into(),
            info,
            records,
            other,
            torn_line: lines.torn,
            problems: lines.problems(),
        }
    }

    /// Builds run data from parts already in memory (tests, merged views).
    pub fn from_parts(dir: impl Into<PathBuf>, info: RunInfo, records: Vec<Record>) -> RunData {
        RunData {
            dir: dir.into(),
            info,
            records,
            other: Vec::new(),
            torn_line: None,
            problems: Vec::new(),
        }
    }

    /// The families present, in display order (`sig`, `kem`, `hash`, `zk`,
    /// then any other family name alphabetically).
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for r in &self.records {
            if !names.contains(&r.family) {
                names.push(r.family.clone());
            }
        }
        names.sort_by_key(|f| (family_rank(f), f.clone()));
        names
    }

    /// Records of one family, in file order.
    pub fn family<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Record> + 'a {
        self.records.iter().filter(move |r| r.family == family)
    }

    /// Index in `info.parts` of the part that measured `key` (merged runs
    /// only; `None` otherwise).
    pub fn part_of(&self, key: &str) -> Option<usize> {
        self.info
            .parts
            .iter()
            .position(|p| p.keys.iter().any(|k| k == key))
    }

    /// Records grouped by kind for everything that is not a measurement.
    pub fn other_by_kind(&self) -> BTreeMap<&str, Vec<&OtherRecord>> {
        let mut map: BTreeMap<&str, Vec<&OtherRecord>> = BTreeMap::new();
        for o in &self.other {
            map.entry(o.kind.as_str()).or_default().push(o);
        }
        map
    }
}

/// Sort rank of a family name: the harness's families first, in their order.
pub fn family_rank(family: &str) -> usize {
    Family::ALL
        .iter()
        .position(|f| f.as_str() == family)
        .unwrap_or(Family::ALL.len())
}

/// A human title for a family name.
pub fn family_title(family: &str) -> String {
    match family {
        "sig" => "Signatures".to_string(),
        "kem" => "Key encapsulation (KEM)".to_string(),
        "hash" => "Hash functions".to_string(),
        "zk" => "Zero-knowledge proofs".to_string(),
        other => format!("Family `{other}`"),
    }
}

/// Sort rank of an operation: [`Op::ALL`] order.
pub fn op_rank(op: Op) -> usize {
    Op::ALL
        .iter()
        .position(|o| *o == op)
        .unwrap_or(Op::ALL.len())
}

/// The measurement of a record that was timed successfully.
pub fn measured(record: &Record) -> Option<&Measurement> {
    match record.status {
        Status::Ok => record.measurement.as_ref(),
        _ => None,
    }
}

/// The key of a record without its thread count: records that differ only in
/// threads are points of one thread-scaling curve.
pub fn key_without_threads(record: &Record) -> String {
    format!("{}|{}|{}", record.scheme, record.op, record.params.label())
}
