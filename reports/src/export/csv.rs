//! Tidy CSV: one row per measurement record, one column per field.

use std::collections::BTreeSet;
use std::io::Write;

use ledgerbench_harness::results::{Record, RunDir};
use ledgerbench_harness::{Error, Result};

/// The fixed columns of the tidy CSV, before one `size_<object>` column per
/// object size seen in the run.
pub const CSV_COLUMNS: &[&str] = &[
    "run_id",
    "scheme",
    "name",
    "implementation",
    "crate",
    "crate_version",
    "backend",
    "family",
    "standard",
    "security",
    "op",
    "msg_len",
    "batch",
    "set",
    "threads",
    "status",
    "error",
    "gate_passed",
    "conformance",
    "items_per_op",
    "statistic",
    "time_ns",
    "time_ci95_low_ns",
    "time_ci95_high_ns",
    "median_ns",
    "min_ns",
    "max_ns",
    "mean_ns",
    "mad_ns",
    "p99_ns",
    "ci95_low_ns",
    "ci95_high_ns",
    "mean_ci95_low_ns",
    "mean_ci95_high_ns",
    "median_cycles",
    "samples",
    "iters_per_sample",
    "allocations",
    "peak_heap_bytes",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Writes the run's records as tidy CSV to `out`.
pub fn write_csv(dir: &RunDir, out: impl Write) -> Result<()> {
    // Tolerant read: records of other kinds (workloads) are not rows here.
    let run = crate::data::RunData::load(dir.path())?;
    let (info, records) = (run.info, run.records);
    let size_names: BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r.sizes.keys().map(String::as_str))
        .collect();
    let csv_err = |e: csv::Error| Error::op("write csv", e);
    let mut w = csv::Writer::from_writer(out);
    let header = CSV_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .chain(size_names.iter().map(|s| format!("size_{s}")));
    w.write_record(header).map_err(csv_err)?;
    for r in &records {
        let row = row(
            r,
            &info.run_id,
            info.crates.get(&r.krate).map(String::as_str),
            &size_names,
        );
        w.write_record(row).map_err(csv_err)?;
    }
    w.flush().map_err(|e| Error::op("write csv", e))
}

fn row(
    r: &Record,
    run_id: &str,
    version: Option<&str>,
    size_names: &BTreeSet<&str>,
) -> Vec<String> {
    let m = r.measurement.as_ref();
    let ns = m.map(|m| &m.ns);
    // The figure to cite: mean for variable-time ops, median otherwise; the
    // CI columns stay empty below the minimum sample count ("n too small").
    let headline = r.headline();
    let mut row = vec![
        run_id.to_string(),
        r.scheme.clone(),
        r.name.clone(),
        r.implementation.clone(),
        r.krate.clone(),
        version.unwrap_or_default().to_string(),
        r.backend.clone(),
        r.family.clone(),
        r.standard.clone(),
        r.security.clone(),
        r.op.to_string(),
        opt(r.params.msg_len),
        opt(r.params.batch),
        r.params.set.clone().unwrap_or_default(),
        r.threads.to_string(),
        serde_json::to_value(r.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        r.error.clone().unwrap_or_default(),
        r.gate.passed().to_string(),
        opt(r.conformance),
        r.items_per_op.to_string(),
        opt(headline.map(|h| h.statistic.as_str())),
        opt(headline.map(|h| h.value)),
        opt(headline.and_then(|h| h.ci95).map(|c| c.0)),
        opt(headline.and_then(|h| h.ci95).map(|c| c.1)),
        opt(ns.map(|s| s.median)),
        opt(ns.map(|s| s.min)),
        opt(ns.map(|s| s.max)),
        opt(ns.map(|s| s.mean)),
        opt(ns.map(|s| s.mad)),
        opt(ns.map(|s| s.p99)),
        opt(ns.map(|s| s.ci95_low)),
        opt(ns.map(|s| s.ci95_high)),
        opt(ns.and_then(|s| s.mean_ci95).map(|c| c.0)),
        opt(ns.and_then(|s| s.mean_ci95).map(|c| c.1)),
        opt(m.and_then(|m| m.cycles.as_ref()).map(|c| c.median)),
        opt(ns.map(|s| s.n)),
        opt(m.map(|m| m.iters_per_sample)),
        opt(m.and_then(|m| m.memory).map(|a| a.allocations)),
        opt(m.and_then(|m| m.memory).map(|a| a.peak_bytes)),
    ];
    row.extend(size_names.iter().map(|s| opt(r.sizes.get(*s))));
    row
}
