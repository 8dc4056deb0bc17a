//! Export formats: tidy CSV, Bencher Metric Format JSON, Markdown.

mod common;

use ledgerbench_harness::results::RunDir;
use ledgerbench_reports::data::{RunData, measured};
use ledgerbench_reports::export::{self, CSV_COLUMNS, Format};

#[test]
fn csv_has_one_row_per_record_and_every_column() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = common::toy_run(tmp.path(), "toy", None);
    let mut out = Vec::new();
    export::write_csv(&RunDir::open(&dir).expect("dir"), &mut out).expect("csv");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(&header[..CSV_COLUMNS.len()], CSV_COLUMNS);
    assert!(header.contains(&"size_sig".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let run = RunData::load(&dir).expect("load");
    assert_eq!(rows.len(), run.records.len());
    let status = header.iter().position(|h| h == "status").expect("status");
    assert!(rows.iter().any(|r| &r[status] == "gate-failed"));
}

#[test]
fn bmf_has_latency_with_bounds_for_measured_records_only() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = common::toy_run(tmp.path(), "toy", None);
    let run = RunData::load(&dir).expect("load");
    let mut out = Vec::new();
    export::write(&dir, Format::Bmf, &mut out).expect("bmf");
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let obj = doc.as_object().expect("object");
    let measured_records: Vec<_> = run
        .records
        .iter()
        .filter(|r| measured(r).is_some())
        .collect();
    assert_eq!(obj.len(), measured_records.len());
    assert!(obj.keys().all(|k| !k.starts_with("accept-all/toy")));
    for r in measured_records {
        let m = measured(r).expect("measured");
        let latency = &obj[&r.key]["latency"];
        assert_eq!(latency["value"].as_f64(), Some(m.ns.median));
        let (lo, hi) = (
            latency["lower_value"].as_f64().expect("lower"),
            latency["upper_value"].as_f64().expect("upper"),
        );
        assert!(lo <= m.ns.median && m.ns.median <= hi);
        let throughput = obj[&r.key]["throughput"]["value"]
            .as_f64()
            .expect("throughput");
        assert!((throughput - 1e9 * r.items_per_op as f64 / m.ns.median).abs() < 1e-6 * throughput);
    }
}

#[test]
fn markdown_has_a_table_per_family() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = common::toy_run(tmp.path(), "toy", None);
    let mut out = Vec::new();
    export::write(&dir, Format::Markdown, &mut out).expect("md");
    let md = String::from_utf8(out).expect("utf8");
    for title in [
        "## Signatures",
        "## Key encapsulation (KEM)",
        "## Hash functions",
    ] {
        assert!(md.contains(title), "{title}");
    }
    assert_eq!(md.matches("| scheme | implementation |").count(), 3);
    assert!(md.contains("| fnv1a-64/toy |"));
    assert!(md.contains("Test CPU"));
    assert_eq!(Format::Markdown.default_file(), "results.md");
}
