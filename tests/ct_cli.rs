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

#[test]
fn ct_writes_records_and_the_report_shows_them() {
    let mut registry = Registry::new();
    registry
        .extend([
            SigEntry::<ToySig>::new().into_entry(),
            KemEntry::<ToyKem>::entry(),
            HashEntry::<ToyHash>::entry(),
        ])
        .expect("unique");
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
            "ct|toy-sig/toy|keygen",
            "ct|toy-sig/toy|sign",
            "ct|toy-kem/toy|keygen",
            "ct|toy-kem/toy|decaps"
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
