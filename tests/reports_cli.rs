//! Reports, comparisons, exports and split runs as a user drives them from
//! the command line.

mod common;
use common::{ledgerbench, only_run_dir};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ledgerbench::cli::run_with_args;
use ledgerbench_harness::Registry;
use ledgerbench_harness::dynamic::{HashEntry, KemEntry, SigEntry};
use ledgerbench_harness::plan::{RunConfig, Suite, parse_partition, partition, plan};
use ledgerbench_harness::results::RunDir;
use ledgerbench_harness::testing::{ToyHash, ToyKem, ToySig};

fn keys(dir: &Path) -> Vec<String> {
    let (records, _) = RunDir::open(dir)
        .expect("dir")
        .read_records()
        .expect("records");
    records.into_iter().map(|r| r.key).collect()
}

fn toy_registry() -> Registry {
    let mut r = Registry::new();
    r.extend([
        SigEntry::<ToySig>::new().into_entry(),
        KemEntry::<ToyKem>::entry(),
        HashEntry::<ToyHash>::entry(),
    ])
    .expect("unique");
    r
}

#[test]
fn partitions_of_the_shipped_suites_cover_each_plan_exactly_once() {
    let registry = ledgerbench::registry();
    for suite in [Suite::Quick, Suite::Full] {
        let config = RunConfig {
            suite,
            schemes: Vec::new(),
            families: Vec::new(),
            ops: Vec::new(),
            msg_lens: None,
            batches: None,
            sizes: None,
            threads: 2,
            seed: 1,
            partition: None,
        };
        let all: Vec<String> = plan(&registry, &config)
            .expect("plan")
            .iter()
            .map(|j| j.key())
            .collect();
        for n in [1, 2, 3, 7, all.len() + 1] {
            let mut union = Vec::new();
            for k in 1..=n {
                let slice =
                    partition(plan(&registry, &config).expect("plan"), k, n).expect("partition");
                union.extend(slice.iter().map(|j| j.key()));
            }
            let distinct: BTreeSet<&String> = union.iter().collect();
            assert_eq!(distinct.len(), union.len(), "a job in two slices (n = {n})");
            assert_eq!(
                distinct,
                all.iter().collect::<BTreeSet<_>>(),
                "slices of {n} miss or add jobs"
            );
        }
    }
    assert_eq!(parse_partition("2/4").expect("valid"), (2, 4));
    for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
        assert!(parse_partition(bad).is_err(), "{bad}");
    }
}

#[test]
fn partitioned_runs_merge_into_the_unpartitioned_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = |out: &Path, extra: &[&str]| {
        let out_arg = out.to_string_lossy().into_owned();
        let mut args = vec![
            "ledgerbench",
            "run",
            "--quiet",
            "--no-report",
            "--threads",
            "1",
            "--op",
            "verify",
            "--op",
            "digest",
            "--op",
            "encaps",
            "--msg-len",
            "32,64",
            "--out",
            &out_arg,
        ];
        args.extend_from_slice(extra);
        assert_eq!(run_with_args(toy_registry(), args), 0);
        only_run_dir(out)
    };
    let whole = run(&tmp.path().join("whole"), &[]);
    let parts: Vec<PathBuf> = (1..=3)
        .map(|k| {
            let spec = format!("{k}/3");
            let dir = run(&tmp.path().join(format!("p{k}")), &["--partition", &spec]);
            assert!(dir.to_string_lossy().ends_with(&format!("-part{k}of3")));
            dir
        })
        .collect();
    let merged = tmp.path().join("merged");
    let mut args = vec![
        "ledgerbench".to_string(),
        "merge".into(),
        "--out".into(),
        merged.to_string_lossy().into_owned(),
    ];
    args.extend(parts.iter().map(|p| p.to_string_lossy().into_owned()));
    assert_eq!(run_with_args(toy_registry(), args), 0);

    let expected = keys(&whole);
    let got = keys(&merged);
    assert_eq!(
        got, expected,
        "merged parts = the unpartitioned run, in plan order"
    );
    assert_eq!(got.iter().collect::<BTreeSet<_>>().len(), got.len());
    let info = RunDir::open(&merged)
        .expect("dir")
        .read_run_info()
        .expect("run.json");
    assert_eq!(info.parts.len(), 3);
    assert!(
        merged.join("report.html").is_file(),
        "merge writes a report"
    );

    // Merging a part twice is refused with exit 2 and a clear message.
    let out = ledgerbench(&[
        "merge",
        "--out",
        &tmp.path().join("bad").to_string_lossy(),
        &parts[0].to_string_lossy(),
        &parts[0].to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("overlap"));
}

/// A one-record real run through the binary; returns its directory.
fn sha_run(out: &Path) -> PathBuf {
    let o = ledgerbench(&[
        "run",
        "--scheme",
        "sha256/rustcrypto",
        "--msg-len",
        "64",
        "--threads",
        "1",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    let dir = only_run_dir(out);
    let report = dir.join("report.html");
    assert!(
        stdout.contains(&format!("report: {}", report.display())),
        "the run prints its report path: {stdout}"
    );
    assert!(report.is_file());
    dir
}

/// Copies a run directory, multiplying every timing by `factor`.
fn slowed_copy(src: &Path, dst: &Path, factor: f64) {
    std::fs::create_dir_all(dst).expect("mkdir");
    std::fs::copy(src.join("run.json"), dst.join("run.json")).expect("copy");
    let text = std::fs::read_to_string(src.join("results.jsonl")).expect("read");
    let mut out = String::new();
    for line in text.lines() {
        let mut v: serde_json::Value = serde_json::from_str(line).expect("json");
        let m = &mut v["measurement"];
        for s in m["samples_ns"].as_array_mut().expect("samples") {
            *s = serde_json::json!(s.as_f64().expect("f64") * factor);
        }
        for k in [
            "median",
            "min",
            "max",
            "mean",
            "mad",
            "p99",
            "ci95_low",
            "ci95_high",
        ] {
            let x = m["ns"][k].as_f64().expect("stat");
            m["ns"][k] = serde_json::json!(x * factor);
        }
        out.push_str(&v.to_string());
        out.push('\n');
    }
    std::fs::write(dst.join("results.jsonl"), out).expect("write");
}

#[test]
fn compare_exits_nonzero_on_a_regression_only_when_asked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a = sha_run(&tmp.path().join("a"));
    let b = tmp.path().join("b");
    slowed_copy(&a, &b, 1.5);
    let (a_s, b_s) = (a.to_string_lossy(), b.to_string_lossy());

    let out = ledgerbench(&[
        "compare",
        &a_s,
        &b_s,
        "--threshold",
        "5%",
        "--fail-on-regression",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("REGRESSION") && stdout.contains("×1.50"),
        "{stdout}"
    );
    let run_id = a.file_name().expect("name").to_string_lossy().into_owned();
    let html = std::fs::read_to_string(b.join(format!("compare-{run_id}.html"))).expect("html");
    assert!(html.contains("Mann–Whitney U"));
    assert!(b.join(format!("compare-{run_id}.md")).is_file());

    // Without the flag: reported, exit 0. A 60% threshold: not a regression.
    assert_eq!(ledgerbench(&["compare", &a_s, &b_s]).status.code(), Some(0));
    let lenient = ledgerbench(&[
        "compare",
        &a_s,
        &b_s,
        "--threshold",
        "60",
        "--fail-on-regression",
    ]);
    assert_eq!(lenient.status.code(), Some(0));
    // A run against itself never regresses.
    assert_eq!(
        ledgerbench(&["compare", &a_s, &a_s, "--fail-on-regression", "--quiet"])
            .status
            .code(),
        Some(0)
    );
    let bad = ledgerbench(&["compare", &a_s, &b_s, "--threshold", "fast"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("percentage"));
}

#[test]
fn export_and_report_commands_write_their_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = sha_run(&tmp.path().join("r"));
    let d = dir.to_string_lossy();
    for (format, file) in [
        ("csv", "results.csv"),
        ("bmf", "results.bmf.json"),
        ("md", "results.md"),
    ] {
        let out = ledgerbench(&["export", &d, "--format", format]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains(file));
        let text = std::fs::read_to_string(dir.join(file)).expect("export file");
        assert!(text.contains("sha256/rustcrypto"), "{format}");
    }
    let bmf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("results.bmf.json")).expect("bmf"))
            .expect("json");
    assert!(bmf["sha256/rustcrypto|digest|msg_len=64|threads=1"]["latency"]["value"].is_number());

    let out_dir = tmp.path().join("rep");
    let out = ledgerbench(&[
        "report",
        &d,
        "--out",
        &out_dir.to_string_lossy(),
        "--no-png",
        "--baseline",
        "hash=sha256/*",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("report.html").is_file() && out_dir.join("report.md").is_file());
    let bad = ledgerbench(&["report", &d, "--baseline", "nonsense"]);
    assert_eq!(bad.status.code(), Some(2));
    let missing = ledgerbench(&["report", "/nonexistent/run"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not a results directory"));
}

/// Commands that read results directories answer a bad directory with a hint
/// about results directories, not about schemes.
#[test]
fn results_commands_hint_at_results_directories() {
    let missing = "/nonexistent/ledgerbench-results";
    let out_dir = tempfile::tempdir().expect("tmp");
    let merged = out_dir.path().join("merged");
    for args in [
        vec!["report", missing],
        vec!["export", missing],
        vec!["compare", missing, missing],
        vec!["merge", missing, "--out", merged.to_str().expect("utf-8")],
    ] {
        let out = ledgerbench(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("hint: a results directory is what `ledgerbench run` writes"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("ledgerbench list"), "{args:?}: {stderr}");
    }
}
