//! `ledgerbench merge DIR... --out DIR`: joins the results directories of a
//! run split across machines (`run --partition k/n`) — or any runs measuring
//! disjoint things, such as the same suite at different `--threads` — into
//! one results directory. Each part's `run.json` is kept under `parts` in the
//! merged `run.json`, with the keys of the records it contributed, so the
//! report can say which machine measured which row.
//!
//! A DIR holding no `run.json` but run directories (the `--out` of the parts,
//! e.g. `results/parts`) stands for all of them. Merging refuses parts
//! written with a different schema version, parts that share a record key,
//! a partition given twice, a missing partition (unless
//! [`MergeOptions::allow_incomplete`]) and parts measured on different CPU
//! models or builds (unless [`MergeOptions::allow_mixed`]: then every row
//! keeps its machine and the report groups rows by machine).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use ledgerbench_harness::plan::RunConfig;
use ledgerbench_harness::provenance::{PartInfo, RunInfo};
use ledgerbench_harness::results::{CONFORMANCE, RunDir, SCHEMA_VERSION, write_atomic};
use ledgerbench_harness::{Error, Result};

use crate::data::{RunData, build_of, cpu_of};

/// What a merge accepts beyond a complete split measured on one kind of
/// machine with one build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Merge parts measured on different CPU models or with different builds
    /// (commit, rustc, profile, target features). Each row keeps its machine,
    /// and the report groups rows by machine.
    pub allow_mixed: bool,
    /// Merge a split with missing partitions (the merged run is `partial`).
    pub allow_incomplete: bool,
}

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

/// True for a line of kind `conformance`.
fn is_conformance(value: &Value) -> bool {
    value.get("kind").and_then(Value::as_str) == Some(CONFORMANCE)
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

/// The results directories named by `paths`: a results directory stands for
/// itself, a directory of results directories (the `--out` parent that
/// `run` wrote into) for each of them, in name order — leaving out `out` and
/// any merged run among them (a merge written next to its parts), which are
/// returned second. Anything else is passed through for [`merge_with`] to
/// refuse by name.
pub fn expand_parts(paths: &[PathBuf], out: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let out_real = std::fs::canonicalize(out).ok();
    let (mut dirs, mut skipped) = (Vec::new(), Vec::new());
    for path in paths {
        if path.join("run.json").is_file() || !path.is_dir() {
            dirs.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
        let mut children = Vec::new();
        for entry in entries {
            let child = entry.map_err(|e| Error::io(path, e))?.path();
            if !child.join("run.json").is_file() {
                continue;
            }
            let is_out = out_real.is_some() && std::fs::canonicalize(&child).ok() == out_real;
            if is_out || is_merged(&child) {
                skipped.push(child);
            } else {
                children.push(child);
            }
        }
        if children.is_empty() {
            return Err(Error::Usage(format!(
                "{} is not a results directory (no run.json) and holds none{}",
                path.display(),
                if skipped.is_empty() {
                    ""
                } else {
                    " but merged ones (name a merged run itself to merge it again)"
                }
            )));
        }
        children.sort();
        dirs.extend(children);
    }
    skipped.sort();
    Ok((dirs, skipped))
}

/// Whether `dir/run.json` is that of a merged run (it lists parts).
fn is_merged(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("run.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|v| {
            v.get("parts")
                .and_then(Value::as_array)
                .map(|a| !a.is_empty())
        })
        .unwrap_or(false)
}

/// Merges the results directories `parts` into a new directory `out` with
/// the default [`MergeOptions`]. `command_line` is recorded as the merged
/// run's command.
pub fn merge(parts: &[PathBuf], out: &Path, command_line: Vec<String>) -> Result<MergeSummary> {
    merge_with(parts, out, command_line, MergeOptions::default())
}

/// [`merge`] with options; each of `parts` may also be a directory of
/// results directories ([`expand_parts`]).
pub fn merge_with(
    parts: &[PathBuf],
    out: &Path,
    command_line: Vec<String>,
    options: MergeOptions,
) -> Result<MergeSummary> {
    let (parts, skipped) = expand_parts(parts, out)?;
    let parts = &parts;
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
    let mut warnings: Vec<String> = skipped
        .iter()
        .map(|d| format!("left out {}: a merged run, not a part", d.display()))
        .collect();
    warnings.extend(check_partitions(&loaded, options)?);
    warnings.extend(check_machines(&loaded, options)?);

    // Duplicate keys, within or across parts. Every part that measured an
    // implementation wrote its conformance record (the same suites run by
    // the same build): the first is kept, a later one must agree with it.
    let mut owner: BTreeMap<&str, (&str, &Value)> = BTreeMap::new();
    let mut repeated: HashSet<(usize, usize)> = HashSet::new();
    for (p, part) in loaded.iter().enumerate() {
        for (i, (key, value)) in part.lines.iter().enumerate() {
            if let Some(schema) = value.get("schema").and_then(Value::as_u64)
                && schema != u64::from(SCHEMA_VERSION)
            {
                return Err(Error::Usage(format!(
                    "cannot merge {}: record `{key}` has schema version {schema}, \
                         this ledgerbench reads {SCHEMA_VERSION}",
                    part.source
                )));
            }
            match owner.get(key.as_str()) {
                Some((_, first)) if is_conformance(value) && is_conformance(first) => {
                    if first.get("verdict") != value.get("verdict") {
                        return Err(Error::Usage(format!(
                            "record `{key}`: the parts give different conformance verdicts \
                             ({} and {} in {}): they were not run by the same build",
                            first.get("verdict").unwrap_or(&Value::Null),
                            value.get("verdict").unwrap_or(&Value::Null),
                            part.source
                        )));
                    }
                    repeated.insert((p, i));
                }
                Some((previous, _)) => {
                    return Err(Error::Usage(format!(
                        "record `{key}` is in both {previous} and {}: the parts overlap (the \
                         same partition run twice?); merge only disjoint parts",
                        part.source
                    )));
                }
                None => {
                    owner.insert(key, (&part.source, value));
                }
            }
        }
    }

    // Lines each part's reader set aside (torn or corrupt), named by file and line.
    warnings.extend(loaded.iter().flat_map(|p| p.problems.clone()));
    let first = &loaded[0].data.info;
    let one_config = loaded
        .iter()
        .all(|p| unsplit(&p.data.info.config) == unsplit(&first.config));
    // One split (checked complete above): records go back into plan order.
    let interleave = one_config
        && loaded
            .iter()
            .all(|p| p.data.info.config.partition.is_some());
    if !one_config {
        warnings.push(
            "the parts were run with different configurations (selection, suite, seed or \
             threads); the merged run.json keeps the first part's and lists every part's"
                .into(),
        );
    }
    if loaded.iter().any(|p| p.data.info.status != "complete") {
        warnings.push("some parts did not finish (status is not `complete`)".into());
    }

    // Records: plan order for partitions of one split (job i of the plan is
    // in slice i % n + 1), else part by part.
    let mut ordered: Vec<(usize, &Part)> = loaded.iter().enumerate().collect();
    if interleave {
        ordered.sort_by_key(|(_, p)| p.data.info.config.partition.map(|(k, _)| k));
    }
    let kept = |p: usize, i: usize| !repeated.contains(&(p, i));
    let mut lines: Vec<&Value> = Vec::new();
    if interleave {
        let longest = ordered
            .iter()
            .map(|(_, p)| p.lines.len())
            .max()
            .unwrap_or(0);
        for i in 0..longest {
            for (n, p) in &ordered {
                if let Some((_, v)) = p.lines.get(i).filter(|_| kept(*n, i)) {
                    lines.push(v);
                }
            }
        }
    } else {
        for (n, p) in &ordered {
            lines.extend(
                p.lines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| kept(*n, *i))
                    .map(|(_, (_, v))| v),
            );
        }
    }

    // Parts' provenance (a part that is itself merged contributes its parts).
    let mut part_infos: Vec<PartInfo> = Vec::new();
    for (_, p) in &ordered {
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
        config: unsplit(&first.config),
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

/// A run's configuration without its partition: what the slices of one split
/// share.
fn unsplit(config: &RunConfig) -> RunConfig {
    let mut c = config.clone();
    c.partition = None;
    c
}

/// The slices of each split among `parts` (parts with the same configuration
/// but for the partition): each k of its n exactly once. A slice given twice
/// is refused; a missing one too, unless `allow_incomplete` (then it is a
/// warning).
fn check_partitions(parts: &[Part], options: MergeOptions) -> Result<Vec<String>> {
    // Per split: its configuration, and (k, n, source) of each of its parts.
    type Slices<'a> = Vec<(usize, usize, &'a str)>;
    let mut splits: Vec<(RunConfig, Slices<'_>)> = Vec::new();
    for part in parts {
        let Some((k, n)) = part.data.info.config.partition else {
            continue;
        };
        let config = unsplit(&part.data.info.config);
        let slice = (k, n, part.source.as_str());
        match splits.iter_mut().find(|(c, _)| *c == config) {
            Some((_, slices)) => slices.push(slice),
            None => splits.push((config, vec![slice])),
        }
    }
    let mut warnings = Vec::new();
    for (_, slices) in &splits {
        let ns: BTreeSet<usize> = slices.iter().map(|s| s.1).collect();
        if ns.len() > 1 {
            let listed: Vec<String> = slices
                .iter()
                .map(|(k, n, source)| format!("{source} is {k}/{n}"))
                .collect();
            return Err(Error::Usage(format!(
                "the parts come from different splits of one run ({}); merge the parts \
                 of one split",
                listed.join(", ")
            )));
        }
        let n = slices[0].1;
        let mut seen: BTreeMap<usize, &str> = BTreeMap::new();
        for &(k, _, source) in slices {
            if let Some(first) = seen.insert(k, source) {
                return Err(Error::Usage(format!(
                    "partition {k}/{n} is given twice: {first} and {source} (the same \
                     slice run twice?); merge only one of them"
                )));
            }
        }
        let missing: Vec<String> = (1..=n)
            .filter(|k| !seen.contains_key(k))
            .map(|k| format!("{k}/{n}"))
            .collect();
        if !missing.is_empty() {
            let what = format!(
                "partition{} {} of the split into {n} {} missing",
                if missing.len() > 1 { "s" } else { "" },
                missing.join(", "),
                if missing.len() > 1 { "are" } else { "is" }
            );
            if !options.allow_incomplete {
                return Err(Error::Usage(format!(
                    "{what} (found {} of {n}); give every part, or pass \
                     --allow-incomplete to merge what there is",
                    seen.len()
                )));
            }
            warnings.push(format!("{what}: the merged run is incomplete"));
        }
    }
    Ok(warnings)
}

/// One CPU model and one build for every part, unless `allow_mixed`: rows
/// measured on different CPUs or from different code are not comparable.
fn check_machines(parts: &[Part], options: MergeOptions) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    for (what, of) in [
        ("CPU models", cpu_of as fn(&RunInfo) -> String),
        ("builds", build_of),
    ] {
        let mut seen: Vec<(String, Vec<&str>)> = Vec::new();
        for part in parts {
            // A part that is itself merged speaks for each of its parts.
            let infos: Vec<&RunInfo> = if part.data.info.parts.is_empty() {
                vec![&part.data.info]
            } else {
                part.data.info.parts.iter().map(|p| &p.run).collect()
            };
            for info in infos {
                let label = of(info);
                match seen.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, sources)) => {
                        if !sources.contains(&part.source.as_str()) {
                            sources.push(&part.source);
                        }
                    }
                    None => seen.push((label, vec![&part.source])),
                }
            }
        }
        if seen.len() < 2 {
            continue;
        }
        let listed: Vec<String> = seen
            .iter()
            .map(|(label, sources)| format!("`{label}` ({})", sources.join(", ")))
            .collect();
        let what = format!(
            "the parts were measured with different {what}: {}",
            listed.join("; ")
        );
        if !options.allow_mixed {
            return Err(Error::Usage(format!(
                "{what}; their rows are not comparable. Re-run the odd parts on \
                 matching machines, or pass --allow-mixed to merge them with each \
                 row kept on its machine"
            )));
        }
        warnings.push(format!("{what}; the report groups rows by machine"));
    }
    Ok(warnings)
}
