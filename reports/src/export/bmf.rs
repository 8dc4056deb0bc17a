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
        let (Some(m), Some(h)) = (measured(r), r.headline()) else {
            continue;
        };
        // The headline statistic (mean for variable-time ops, median
        // otherwise); without a CI (too few samples) the bounds equal it.
        let (lo, hi) = h.ci95.unwrap_or((h.value, h.value));
        let mut measures = Map::new();
        measures.insert(
            "latency".into(),
            json!({ "value": h.value, "lower_value": lo, "upper_value": hi }),
        );
        if h.value > 0.0 {
            let items = r.items_per_op.max(1) as f64 * 1e9;
            measures.insert(
                "throughput".into(),
                json!({
                    "value": items / h.value,
                    "lower_value": items / hi.max(f64::MIN_POSITIVE),
                    "upper_value": items / lo.max(f64::MIN_POSITIVE),
                }),
            );
        }
        if let Some(c) = &m.cycles {
            let ch = c.headline(r.variable_time);
            let (lo, hi) = ch.ci95.unwrap_or((ch.value, ch.value));
            measures.insert(
                "cycles".into(),
                json!({ "value": ch.value, "lower_value": lo, "upper_value": hi }),
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
