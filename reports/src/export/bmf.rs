//! Bencher Metric Format (BMF) JSON, for tracking results over time with
//! Bencher (`bencher run --adapter json --file results.bmf.json`).
//!
//! One benchmark per measured record, named by the record key
//! (`scheme|op|params|threads=N`, stable across runs), with measures:
//! `latency` (median ns per op, bounds = 95% CI of the median), `throughput`
//! (items per second, from the median), `cycles` (median TSC cycles per op,
//! bounds = its 95% CI) and `peak-heap-bytes` (one op) where measured.
//! Records that were not timed (failed gate, error) have no metrics and are
//! left out.

use std::io::Write;

use serde_json::{Map, Value, json};

use ledgerbench_harness::{Error, Result};

use crate::data::{RunData, measured};

/// The BMF document of a run.
pub fn bmf(run: &RunData) -> Value {
    let mut doc = Map::new();
    for r in &run.records {
        let Some(m) = measured(r) else { continue };
        let mut measures = Map::new();
        measures.insert(
            "latency".into(),
            json!({
                "value": m.ns.median,
                "lower_value": m.ns.ci95_low,
                "upper_value": m.ns.ci95_high,
            }),
        );
        if m.ns.median > 0.0 {
            let items = r.items_per_op.max(1) as f64 * 1e9;
            measures.insert(
                "throughput".into(),
                json!({
                    "value": items / m.ns.median,
                    "lower_value": items / m.ns.ci95_high.max(f64::MIN_POSITIVE),
                    "upper_value": items / m.ns.ci95_low.max(f64::MIN_POSITIVE),
                }),
            );
        }
        if let Some(c) = &m.cycles {
            measures.insert(
                "cycles".into(),
                json!({
                    "value": c.median,
                    "lower_value": c.ci95_low,
                    "upper_value": c.ci95_high,
                }),
            );
        }
        if let Some(mem) = m.memory {
            measures.insert(
                "peak-heap-bytes".into(),
                json!({ "value": mem.peak_bytes as f64 }),
            );
        }
        doc.insert(r.key.clone(), Value::Object(measures));
    }
    Value::Object(doc)
}

/// Writes the run's BMF JSON to `out`.
pub fn write_bmf(run: &RunData, mut out: impl Write) -> Result<()> {
    let text =
        serde_json::to_string_pretty(&bmf(run)).map_err(|e| Error::op("serialize bmf", e))?;
    out.write_all(text.as_bytes())
        .and_then(|_| out.write_all(b"\n"))
        .map_err(|e| Error::op("write bmf", e))
}
