//! `ledgerbench merge DIR... --out DIR`: joins the results directories of a
//! run split across machines (`run --partition k/n`) — or any runs measuring
//! disjoint things, such as the same suite at different `--threads` — into
//! one results directory. Each part's `run.json` is kept under `parts` in the
//! merged `run.json`, with the keys of the records it contributed, so the
//! report can say which machine measured which row.
//!
//! Merging refuses parts written with a different schema version and parts
//! that share a record key (the same slice run twice).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use ledgerbench_harness::provenance::{PartInfo, RunInfo};
use ledgerbench_harness::results::{RunDir, SCHEMA_VERSION, write_atomic};
use ledgerbench_harness::{Error, Result};

use crate::data::RunData;

/// What a merge did.
#[derive(Clone, Debug)]
pub struct MergeSummary {
    /// The merged directory.
    pub dir: PathBuf,
    /// Records written.
    pub records: usize,
    /// Parts joined.
    pub parts: usize,
    /// Things to tell the user (missing partitions, different commits...).
    pub warnings: Vec<String>,
}

/// Reads the `schema` of a run.json without parsing the rest, so a part from
/// another ledgerbench version gets a clear message rather than a parse error.
fn schema_of(dir: &Path) -> Result<u64> {
    let path = dir.join("run.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Usage(format!(
                "{} is not a results directory (no run.json)",
                dir.display()
            ))
        } else {
            Error::io(&path, e)
        }
    })?;
    let value: Value = serde_json::from_str(&text).map_err(|e| Error::Results {
        path: path.clone(),
        detail: format!("line {}: {e}", e.line()),
    })?;
    value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| Error::Results {
            path,
            detail: "no schema version".into(),
        })
}

/// A part, loaded.
struct Part {
    source: String,
    data: RunData,
    /// Its records as JSON, verbatim and in file order, with their keys.
    lines: Vec<(String, Value)>,
    /// Lines set aside (malformed, torn, without a key), one sentence each.
    problems: Vec<String>,
}

fn load_part(dir: &Path) -> Result<Part> {
    // Validates run.json; the reader keeps every good line and names the rest.
    let run = RunDir::open(dir)?;
    let read = run.read_lines()?;
    let data = RunData::from_lines(dir, run.read_run_info()?, &read);
    let mut problems = read.problems();
    let mut lines = Vec::new();
    for line in read.lines {
        match line.key() {
            Some(key) => lines.push((key.to_string(), line.value)),
            None => problems.push(format!(
                "{}: line {}: record has no key; skipped",
                read.path.display(),
                line.number
            )),
        }
    }
    Ok(Part {
        source: dir.display().to_string(),
        data,
        lines,
        problems,
    })
}

/// Merges the results directories `parts` into a new directory `out`.
/// `command_line` is recorded as the merged run's command.
pub fn merge(parts: &[PathBuf], out: &Path, command_line: Vec<String>) -> Result<MergeSummary> {
    if parts.is_empty() {
        return Err(Error::Usage(
            "merge needs at least one results directory".into(),
        ));
    }
    if out.join("results.jsonl").exists() {
        return Err(Error::Usage(format!(
            "{} already holds results; merge into a new directory",
            out.display()
        )));
    }
    // Schema versions first, with a message naming both sides.
    let mut first_schema: Option<(u64, &PathBuf)> = None;
    for dir in parts {
        let schema = schema_of(dir)?;
        if schema != u64::from(SCHEMA_VERSION) {
            return Err(Error::Usage(format!(
                "cannot merge {}: it was written with results schema version {schema}, \
                 but this ledgerbench reads version {SCHEMA_VERSION}{}; re-run that part \
                 with the same ledgerbench version as the others",
                dir.display(),
                first_schema
                    .map(|(s, d)| format!(" (and {} has version {s})", d.display()))
                    .unwrap_or_default()
            )));
        }
        first_schema.get_or_insert((schema, dir));
    }
    let loaded: Vec<Part> = parts.iter().map(|d| load_part(d)).collect::<Result<_>>()?;

    // Duplicate keys, within or across parts.
    let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
    for part in &loaded {
        for (key, value) in &part.lines {
            if let Some(schema) = value.get("schema").and_then(Value::as_u64)
                && schema != u64::from(SCHEMA_VERSION)
            {
                return Err(Error::Usage(format!(
                    "cannot merge {}: record `{key}` has schema version {schema}, \
                         this ledgerbench reads {SCHEMA_VERSION}",
                    part.source
                )));
            }
            if let Some(previous) = owner.insert(key, &part.source) {
                return Err(Error::Usage(format!(
                    "record `{key}` is in both {previous} and {}: the parts overlap (the \
                     same partition run twice?); merge only disjoint parts",
                    part.source
                )));
            }
        }
    }

    let mut warnings: Vec<String> = loaded.iter().flat_map(|p| p.problems.clone()).collect();
    // Partition bookkeeping: all k of one n present?
    let partitions: Vec<Option<(usize, usize)>> = loaded
        .iter()
        .map(|p| p.data.info.config.partition)
        .collect();
    let ns: BTreeSet<usize> = partitions.iter().flatten().map(|(_, n)| *n).collect();
    let interleave = ns.len() == 1 && partitions.iter().all(Option::is_some);
    if let Some(&n) = ns.iter().next() {
        if ns.len() > 1 {
            warnings.push(format!(
                "the parts come from different splits ({}); check they belong together",
                ns.iter()
                    .map(|n| format!("k/{n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        } else {
            let have: BTreeSet<usize> = partitions.iter().flatten().map(|(k, _)| *k).collect();
            let missing: Vec<String> = (1..=n)
                .filter(|k| !have.contains(k))
                .map(|k| format!("{k}/{n}"))
                .collect();
            if !missing.is_empty() {
                warnings.push(format!(
                    "partitions {} are missing: the merged run is incomplete",
                    missing.join(", ")
                ));
            }
        }
    }
    let strip = |c: &ledgerbench_harness::plan::RunConfig| {
        let mut c = c.clone();
        c.partition = None;
        c
    };
    let first = &loaded[0].data.info;
    if loaded
        .iter()
        .any(|p| strip(&p.data.info.config) != strip(&first.config))
    {
        warnings.push(
            "the parts were run with different configurations (selection, suite, seed or \
             threads); the merged run.json keeps the first part's and lists every part's"
                .into(),
        );
    }
    let commits: BTreeSet<String> = loaded
        .iter()
        .map(|p| {
            p.data
                .info
                .git
                .as_ref()
                .map_or("unknown".to_string(), |g| g.commit.clone())
        })
        .collect();
    if commits.len() > 1 {
        warnings.push(format!(
            "the parts were built from different commits ({})",
            commits.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    if loaded.iter().any(|p| p.data.info.status != "complete") {
        warnings.push("some parts did not finish (status is not `complete`)".into());
    }

    // Records: plan order for partitions of one split (job i of the plan is
    // in slice i % n + 1), else part by part.
    let mut ordered: Vec<&Part> = loaded.iter().collect();
    if interleave {
        ordered.sort_by_key(|p| p.data.info.config.partition.map(|(k, _)| k));
    }
    let mut lines: Vec<&Value> = Vec::new();
    if interleave {
        let longest = ordered.iter().map(|p| p.lines.len()).max().unwrap_or(0);
        for i in 0..longest {
            for p in &ordered {
                if let Some((_, v)) = p.lines.get(i) {
                    lines.push(v);
                }
            }
        }
    } else {
        lines.extend(ordered.iter().flat_map(|p| p.lines.iter().map(|(_, v)| v)));
    }

    // Parts' provenance (a part that is itself merged contributes its parts).
    let mut part_infos: Vec<PartInfo> = Vec::new();
    for p in &ordered {
        if p.data.info.parts.is_empty() {
            part_infos.push(PartInfo {
                source: p.source.clone(),
                run: p.data.info.clone(),
                keys: p.lines.iter().map(|(k, _)| k.clone()).collect(),
            });
        } else {
            part_infos.extend(p.data.info.parts.iter().cloned());
        }
    }
    let mut crates = BTreeMap::new();
    for p in &loaded {
        crates.extend(p.data.info.crates.clone());
    }
    let run_id = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "merged".into());
    let all_complete = loaded.iter().all(|p| p.data.info.status == "complete");
    let info = RunInfo {
        schema: SCHEMA_VERSION,
        run_id,
        command_line,
        resumed_by: Vec::new(),
        config: strip(&first.config),
        engine: first.engine.clone(),
        status: if all_complete { "complete" } else { "partial" }.into(),
        stopped: None,
        started_at: loaded
            .iter()
            .map(|p| p.data.info.started_at.clone())
            .min()
            .unwrap_or_default(),
        finished_at: if all_complete {
            loaded
                .iter()
                .filter_map(|p| p.data.info.finished_at.clone())
                .max()
        } else {
            None
        },
        git: first.git.clone(),
        build: first.build.clone(),
        crates,
        machine: first.machine.clone(),
        peak_rss_bytes: loaded
            .iter()
            .filter_map(|p| p.data.info.peak_rss_bytes)
            .max(),
        parts: part_infos,
    };

    let dir = RunDir::create(out)?;
    let mut text = String::new();
    for v in &lines {
        text.push_str(&serde_json::to_string(v).map_err(|e| Error::op("serialize record", e))?);
        text.push('\n');
    }
    write_atomic(&out.join("results.jsonl"), text.as_bytes())?;
    dir.write_run_info(&info)?;
    Ok(MergeSummary {
        dir: out.to_path_buf(),
        records: lines.len(),
        parts: loaded.len(),
        warnings,
    })
}
