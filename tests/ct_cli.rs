//! `ledgerbench ct` as a user drives it: records of kind `ct` in a results
//! directory, shown in its report; bad selections exit 2.

mod common;
use common::{ledgerbench, only_run_dir};

use ledgerbench::cli::run_with_args;
use ledgerbench_harness::Registry;
use ledgerbench_harness::ct::CtRecord;
use ledgerbench_harness::dynamic::{HashEntry, KemEntry, SigEntry};
use ledgerbench_harness::results::RunDir;
use ledgerbench_harness::testing::{ToyHash, ToyKem, ToySig};

fn toys() -> Registry {
    let mut registry = Registry::new();
    registry
        .extend([
            SigEntry::<ToySig>::new().into_entry(),
            KemEntry::<ToyKem>::entry(),
            HashEntry::<ToyHash>::entry(),
        ])
        .expect("unique");
    registry
}

fn ct_records(dir: &std::path::Path) -> Vec<CtRecord> {
    RunDir::open(dir)
        .expect("dir")
        .read_lines()
        .expect("lines")
        .parse_kind("ct")
        .expect("ct")
}

#[test]
fn ct_writes_records_and_the_report_shows_them() {
    let registry = toys();
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let code = run_with_args(
        registry,
        [
            "ledgerbench",
            "ct",
            "--budget",
            "0.2",
            "--out",
            &out_arg,
            "--quiet",
        ],
    );
    assert!(code == 0 || code == 1, "exit {code}");
    let dir = only_run_dir(out.path());
    let run = RunDir::open(&dir).expect("dir");
    assert_eq!(run.read_run_info().expect("run.json").status, "complete");
    let records: Vec<CtRecord> = run
        .read_lines()
        .expect("lines")
        .parse_kind("ct")
        .expect("ct");
    let keys: Vec<&str> = records.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "ct|toy-sig/toy|keygen|seed",
            "ct|toy-sig/toy|sign|message",
            "ct|toy-sig/toy|sign|key",
            "ct|toy-kem/toy|keygen|seed",
            "ct|toy-kem/toy|decaps|ciphertext"
        ],
        "hashes have no secret-dependent op"
    );
    assert_eq!(
        code == 1,
        records
            .iter()
            .any(|r| r.verdict == ledgerbench_harness::ct::CtVerdict::LeakSuspected)
    );
    let html = std::fs::read_to_string(dir.join("report.html")).expect("report");
    assert!(html.contains("Constant-time screening"));
    assert!(html.contains("toy-kem/toy"));
}

#[test]
fn ct_of_an_op_with_no_secret_exits_2() {
    let out = ledgerbench(&["ct", "--scheme", "sha256/*"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing to screen"), "{err}");
    let out = ledgerbench(&["ct", "--budget", "-1"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_interrupted_screen_resumes_keeping_finished_records_and_retrying_errors() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let args = [
        "ledgerbench",
        "ct",
        "--budget",
        "0.1",
        "--out",
        &out_arg,
        "--quiet",
        "--no-report",
    ];
    let code = run_with_args(toys(), args);
    assert!(code == 0 || code == 1, "exit {code}");
    let dir = only_run_dir(out.path());
    let complete = ct_records(&dir);
    assert_eq!(complete.len(), 5);
    // An interruption after two screens, the second of which failed, with
    // a torn line after them.
    let results = dir.join("results.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(&results)
        .expect("read")
        .lines()
        .map(str::to_string)
        .collect();
    let mut failed: serde_json::Value = serde_json::from_str(&lines[1]).expect("json");
    failed["status"] = "error".into();
    failed["verdict"] = "error".into();
    let kept = format!("{}\n{failed}\n{{\"kind\":\"ct\",\"ke", lines[0]);
    std::fs::write(&results, kept).expect("write");

    let dir_arg = dir.to_string_lossy().into_owned();
    let code = run_with_args(
        toys(),
        [
            "ledgerbench",
            "ct",
            "--resume",
            &dir_arg,
            "--quiet",
            "--no-report",
        ],
    );
    assert!(code == 0 || code == 1, "exit {code}");
    let after = ct_records(&dir);
    assert_eq!(after[0], complete[0], "a finished screen is not rewritten");
    let keys = |rs: &[CtRecord]| rs.iter().map(|r| r.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&after), keys(&complete), "every screen exactly once");
    assert_eq!(
        after[1].status,
        ledgerbench_harness::results::Status::Ok,
        "retried"
    );
    let lines = std::fs::read_to_string(&results).expect("read");
    assert_eq!(
        lines.lines().count(),
        6,
        "the torn line cut off, the error kept, the retry and the rest appended"
    );
    assert!(
        after.iter().all(|r| r.budget_s == 0.1),
        "the resumed screen keeps its budget"
    );
    let info = RunDir::open(&dir)
        .expect("dir")
        .read_run_info()
        .expect("run.json");
    assert_eq!(info.status, "complete");
    assert_eq!(info.resumed_by.len(), 1);
}
