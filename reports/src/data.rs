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

    /// The machines of a merged run: its parts grouped by CPU model and build
    /// ([`machine_label`]), in part order. One group (or none, for a run
    /// measured in one piece) unless it was merged with `--allow-mixed`.
    pub fn machine_groups(&self) -> Vec<MachineGroup> {
        let mut groups: Vec<MachineGroup> = Vec::new();
        for (i, part) in self.info.parts.iter().enumerate() {
            let label = machine_label(&part.run);
            match groups.iter_mut().find(|g| g.label == label) {
                Some(g) => g.parts.push(i),
                None => groups.push(MachineGroup {
                    label,
                    parts: vec![i],
                }),
            }
        }
        groups
    }

    /// The records measured by the parts of `group` (all of them when the run
    /// is not merged), as a run of their own with the same `run.json`.
    pub fn machine_view(&self, group: &MachineGroup) -> RunData {
        let keys: std::collections::HashSet<&str> = group
            .parts
            .iter()
            .flat_map(|&i| self.info.parts[i].keys.iter().map(String::as_str))
            .collect();
        RunData {
            dir: self.dir.clone(),
            info: self.info.clone(),
            records: self
                .records
                .iter()
                .filter(|r| keys.contains(r.key.as_str()))
                .cloned()
                .collect(),
            other: self.other.clone(),
            torn_line: self.torn_line,
            problems: self.problems.clone(),
        }
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

/// The parts of a merged run measured on one machine (see
/// [`RunData::machine_groups`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MachineGroup {
    /// [`machine_label`] of these parts.
    pub label: String,
    /// Indices into the run's `info.parts`.
    pub parts: Vec<usize>,
}

/// The CPU model a run was measured on (`unknown CPU` when not recorded).
pub fn cpu_of(info: &RunInfo) -> String {
    info.machine
        .cpu_model
        .clone()
        .unwrap_or_else(|| "unknown CPU".into())
}

/// The build that measured a run: commit (and dirty flag), rustc, profile,
/// target and enabled target features (as a count and a short hash, the list
/// being long). Two parts with different builds time different code.
pub fn build_of(info: &RunInfo) -> String {
    let b = &info.build;
    let commit = match &info.git {
        Some(g) => format!(
            "commit {}{}",
            &g.commit[..g.commit.len().min(12)],
            if g.dirty { " (dirty)" } else { "" }
        ),
        None => "unknown commit".into(),
    };
    // FNV-1a: stable across versions and platforms, unlike std's hasher.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in b.target_features.join(" ").bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    format!(
        "{commit}, {}, {} opt-level {}, {}, {} target features #{hash:08x}",
        b.rustc,
        b.profile,
        b.opt_level,
        b.target,
        b.target_features.len()
    )
}

/// `CPU model · build`: what must match for two rows to be comparable.
pub fn machine_label(info: &RunInfo) -> String {
    format!("{} · {}", cpu_of(info), build_of(info))
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
