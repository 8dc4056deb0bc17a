//! A report from a tiny measured run: every section that has data, failing
//! rows shown as failing, plots drawn, records of unknown kinds listed.

mod common;

use std::io::Write;

use ledgerbench_reports::data::RunData;
use ledgerbench_reports::{ReportOptions, generate};

fn png_size(path: &std::path::Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("png");
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    let w = u32::from_be_bytes(bytes[16..20].try_into().expect("width"));
    let h = u32::from_be_bytes(bytes[20..24].try_into().expect("height"));
    (w, h)
}

#[test]
fn report_of_a_toy_run_has_tables_plots_and_failing_rows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = common::toy_run(tmp.path(), "toy", None);
    let files = generate(&dir, None, &ReportOptions::default()).expect("report");
    assert!(files.warnings.is_empty(), "{:?}", files.warnings);
    let html = std::fs::read_to_string(&files.html).expect("html");
    let md = std::fs::read_to_string(&files.markdown).expect("md");

    // Provenance header, before the results.
    let prov = html.find("id=\"provenance\"").expect("provenance section");
    let sig = html.find("id=\"table-sig\"").expect("signature table");
    assert!(prov < sig);
    for fact in [
        "Test CPU",
        "rustc 1.95.0",
        "0123456789abcdef",
        "host-toy",
        "seed",
    ] {
        assert!(html.contains(fact), "header lacks {fact}");
    }
    assert!(html.contains("git checkout 0123456789abcdef0123456789abcdef01234567"));
    // One table per family.
    for id in ["table-sig", "table-kem", "table-hash"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} missing");
    }
    // The scheme failing its gate is listed as failing, never dropped.
    let bad_row = html
        .split("<tr")
        .skip(1)
        .map(|row| row.split("</tr>").next().unwrap_or(row))
        .find(|row| row.contains("accept-all/toy"))
        .expect("failing scheme listed");
    assert!(bad_row.starts_with(" class=\"bad\""), "{bad_row}");
    assert!(bad_row.contains("NOT TIMED: gate failed"));
    assert!(html.contains("failed its correctness gate"));
    assert!(md.contains("**NOT TIMED: gate failed**"));
    // Plots: inline SVG plus files, each with a how-to-read paragraph.
    let figures = html.matches("<figure").count();
    assert!(figures >= 3, "{figures} figures");
    assert_eq!(html.matches("<svg").count(), figures);
    assert_eq!(html.matches("How to read:").count(), figures);
    assert_eq!(files.plots, figures);
    let plots: Vec<_> = std::fs::read_dir(dir.join("plots"))
        .expect("plots dir")
        .map(|e| e.expect("entry").path())
        .collect();
    let svgs = plots
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "svg"))
        .count();
    let pngs: Vec<_> = plots
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    assert_eq!(svgs, figures);
    assert_eq!(pngs.len(), figures);
    for p in pngs {
        let (w, h) = png_size(p);
        assert!(w >= 400 && h >= 100, "{} is {w}x{h}", p.display());
        assert!(std::fs::metadata(p).expect("meta").len() > 2_000);
    }
    // The hash was measured at two message lengths: a sweep plot.
    assert!(html.contains("digest time vs message length"));
    // Self-contained: no scripts, no external resources.
    assert!(!html.contains("<script"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    // Markdown has the same tables and links the plot files.
    assert!(md.contains("| scheme | implementation | security |"));
    assert!(md.contains("](plots/"));
}

#[test]
fn sections_appear_only_with_data_and_unknown_kinds_are_listed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = common::toy_run(tmp.path(), "toy", None);
    let run = RunData::load(&dir).expect("load");
    let (doc, _) = ledgerbench_reports::report::build(&run, &ReportOptions::default(), tmp.path())
        .expect("build");
    let headings: Vec<&str> = doc.outline().into_iter().map(|(_, a)| a).collect();
    assert!(!headings.contains(&"workloads"), "{headings:?}");
    assert!(!headings.contains(&"scaling"), "{headings:?}");
    assert!(!headings.contains(&"other-records"), "{headings:?}");

    // Append a workload record and a record of a kind nobody knows yet.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("results.jsonl"))
        .expect("open");
    let workload = serde_json::json!({
        "schema": 1, "kind": "workload", "key": "workload|retail|sig=toy-sig/toy|block_txs=10|threads=1",
        "profile": "retail", "roles": {"sig": "toy-sig/toy"}, "threads": 1, "block_txs": 10,
        "status": "ok",
        "bytes_per_tx": {"signatures": 64.0, "public_keys": 32.0, "payload": 120.0, "overhead": 48.0},
        "block_bytes": 2640.0,
        "verify_block_ns": {"sequential": {"median": 5.0e5, "ci95_low": 4.9e5, "ci95_high": 5.1e5},
                            "parallel": {"median": 2.6e5, "ci95_low": 2.5e5, "ci95_high": 2.7e5}},
        "derived": [
            {"name": "bytes_per_tx", "value": 264.0, "unit": "B", "formula": "measured"},
            {"name": "cores_needed_at_target_tps", "value": 3.5, "unit": "cores", "formula": "projection: x"},
            {"name": "ledger_growth_per_year", "value": 8.3e12, "unit": "B", "formula": "projection: y"}
        ]
    });
    let future =
        serde_json::json!({"schema": 1, "kind": "teleport", "key": "teleport|1", "status": "ok"});
    writeln!(f, "{workload}\n{future}").expect("append");
    drop(f);
    let files = generate(&dir, None, &ReportOptions::default()).expect("report");
    let html = std::fs::read_to_string(files.html).expect("html");
    assert!(html.contains("id=\"workloads\""));
    assert!(html.contains("Bytes per transaction by component"));
    assert!(html.contains("Block verification time by strategy"));
    assert!(html.contains("Cores needed for block verification"));
    assert!(html.contains("id=\"other-records\""));
    assert!(html.contains("teleport|1"));
}

#[test]
fn report_options_skip_png_and_choose_the_baseline() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = common::toy_run(tmp.path(), "toy", None);
    let out = tmp.path().join("elsewhere");
    let options = ReportOptions {
        png: false,
        baselines: [("sig".to_string(), "toy-sig/*".to_string())].into(),
    };
    let files = generate(&dir, Some(&out), &options).expect("report");
    assert!(files.html.starts_with(&out));
    let pngs = std::fs::read_dir(out.join("plots"))
        .expect("plots")
        .filter(|e| {
            e.as_ref()
                .expect("entry")
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count();
    assert_eq!(pngs, 0);
    let html = std::fs::read_to_string(files.html).expect("html");
    assert!(html.contains("divided by <code>toy-sig/toy</code>"));
    assert!(
        !dir.join("report.html").exists(),
        "the run directory is untouched"
    );
}

/// A variable-time operation leads with its mean (and the CI of the mean) in
/// the report tables, Markdown, CSV and BMF; a constant-time one with its
/// median; fewer than ten samples give "n too small", not an interval.
#[test]
fn variable_time_rows_lead_with_the_mean() {
    use ledgerbench_harness::Op;
    let tmp = tempfile::tempdir().expect("tempdir");
    // Nineteen fast signatures and one slow one: mean 200 µs, median 100 µs.
    let mut skewed = vec![100_000.0; 19];
    skewed.push(2_100_000.0);
    let mut sign = common::record("toy-sig/toy", Op::Sign, Some(32), &skewed);
    sign.variable_time = true;
    let verify = common::record("toy-sig/toy", Op::Verify, Some(32), &skewed);
    let few = common::record("toy-sig/other", Op::Verify, Some(32), &[1.0, 2.0, 3.0]);
    let dir = common::synthetic_run(tmp.path(), "vt", &[sign, verify, few]);

    let run = RunData::load(&dir).expect("load");
    let md = ledgerbench_reports::export::markdown(&run);
    assert!(md.contains("| 200 µs (mean) |"), "{md}");
    assert!(md.contains("| 100 µs (median) |"), "{md}");
    assert!(md.contains("n too small"), "{md}");

    let mut csv = Vec::new();
    ledgerbench_reports::export::write(&dir, ledgerbench_reports::export::Format::Csv, &mut csv)
        .expect("csv");
    let csv = String::from_utf8(csv).expect("utf-8");
    let header: Vec<&str> = csv.lines().next().expect("header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let sign_row = rows
        .iter()
        .find(|r| r[col("op")] == "sign")
        .expect("sign row");
    assert_eq!(sign_row[col("statistic")], "mean");
    assert_eq!(
        sign_row[col("time_ns")].parse::<f64>().expect("number"),
        200_000.0
    );
    let verify_row = rows
        .iter()
        .find(|r| r[col("op")] == "verify" && r[col("scheme")] == "toy-sig/toy")
        .expect("verify row");
    assert_eq!(verify_row[col("statistic")], "median");
    assert_eq!(
        verify_row[col("time_ns")].parse::<f64>().expect("number"),
        100_000.0
    );

    let bmf = ledgerbench_reports::export::bmf(&run);
    let latency = |key: &str| bmf[key]["latency"]["value"].as_f64().expect("latency");
    assert_eq!(latency("toy-sig/toy|sign|msg_len=32|threads=1"), 200_000.0);
    assert_eq!(
        latency("toy-sig/toy|verify|msg_len=32|threads=1"),
        100_000.0
    );
}
