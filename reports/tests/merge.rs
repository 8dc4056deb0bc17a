//! Merging the parts of a split run: every record once, each part's
//! provenance kept; mismatched schema versions, overlapping parts and
//! duplicate or missing slices refused.

mod common;

use std::collections::BTreeSet;

use ledgerbench_harness::plan::plan;
use ledgerbench_reports::data::RunData;
use ledgerbench_reports::merge::{MergeOptions, merge, merge_with};
use ledgerbench_reports::{ReportOptions, generate};

#[test]
fn merged_partitions_equal_the_whole_run_with_parts_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let parts: Vec<_> = (1..=3)
        .map(|k| common::toy_run(tmp.path(), &format!("part{k}"), Some((k, 3))))
        .collect();
    let out = tmp.path().join("merged");
    let summary = merge(&parts, &out, vec!["ledgerbench".into(), "merge".into()]).expect("merge");
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    let merged = RunData::load(&out).expect("load merged");

    let planned: Vec<String> = plan(&common::toy_registry(), &common::config(None, 1))
        .expect("plan")
        .iter()
        .map(|j| j.key())
        .collect();
    let got: Vec<String> = merged.records.iter().map(|r| r.key.clone()).collect();
    // Same records, none twice, none missing — and back in plan order.
    assert_eq!(got, planned);
    assert_eq!(got.iter().collect::<BTreeSet<_>>().len(), got.len());

    let info = &merged.info;
    assert_eq!(info.parts.len(), 3);
    assert_eq!(info.config.partition, None);
    for (k, part) in info.parts.iter().enumerate() {
        assert_eq!(part.run.config.partition, Some((k + 1, 3)));
        assert_eq!(
            part.run.machine.hostname.as_deref(),
            Some(format!("host-part{}", k + 1).as_str())
        );
        assert!(!part.keys.is_empty());
    }
    assert_eq!(
        info.parts.iter().map(|p| p.keys.len()).sum::<usize>(),
        got.len()
    );

    // The report lists the machines and which one measured each row.
    let files = generate(
        &out,
        None,
        &ReportOptions {
            png: false,
            ..ReportOptions::default()
        },
    )
    .expect("report");
    let html = std::fs::read_to_string(files.html).expect("html");
    assert!(html.contains("id=\"table-parts\""));
    for k in 1..=3 {
        assert!(html.contains(&format!("part {k}: host-part{k}")));
    }
}

#[test]
fn merge_refuses_overlaps_other_schema_versions_and_reports_gaps() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let p1 = common::toy_run(tmp.path(), "p1", Some((1, 3)));
    let p1_again = common::toy_run(tmp.path(), "p1-again", Some((1, 3)));
    let p2 = common::toy_run(tmp.path(), "p2", Some((2, 3)));

    let err =
        merge(&[p1.clone(), p1_again], &tmp.path().join("m1"), vec![]).expect_err("a slice twice");
    let msg = err.to_string();
    assert!(msg.contains("partition 1/3 is given twice"), "{msg}");
    assert!(!tmp.path().join("m1").join("results.jsonl").exists());

    // Two unsplit runs of the same selection share every key.
    let whole = common::toy_run(tmp.path(), "whole", None);
    let whole_again = common::toy_run(tmp.path(), "whole-again", None);
    let msg = merge(&[whole, whole_again], &tmp.path().join("m0"), vec![])
        .expect_err("overlap")
        .to_string();
    assert!(
        msg.contains("is in both") && msg.contains("overlap"),
        "{msg}"
    );

    // Missing partition 3/3: refused, or merged with a warning when allowed.
    let msg = merge(&[p1.clone(), p2.clone()], &tmp.path().join("m2"), vec![])
        .expect_err("incomplete")
        .to_string();
    assert!(
        msg.contains("partition 3/3") && msg.contains("missing"),
        "{msg}"
    );
    let summary = merge_with(
        &[p1.clone(), p2.clone()],
        &tmp.path().join("m2"),
        vec![],
        MergeOptions {
            allow_incomplete: true,
            ..MergeOptions::default()
        },
    )
    .expect("merge");
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains("3/3") && w.contains("missing")),
        "{:?}",
        summary.warnings
    );
    // Merging into a directory that already holds results is refused.
    assert!(merge(std::slice::from_ref(&p1), &tmp.path().join("m2"), vec![]).is_err());

    // A part written by another schema version.
    let run_json = p2.join("run.json");
    let text = std::fs::read_to_string(&run_json).expect("read");
    std::fs::write(
        &run_json,
        text.replacen("\"schema\": 1", "\"schema\": 99", 1),
    )
    .expect("write");
    let err = merge(&[p1, p2], &tmp.path().join("m3"), vec![]).expect_err("schema mismatch");
    let msg = err.to_string();
    assert!(
        msg.contains("schema version 99") && msg.contains("reads version 1"),
        "{msg}"
    );
}
