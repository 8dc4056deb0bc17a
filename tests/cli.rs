//! The CLI as a user drives it: bad input, the correctness gate, interrupted
//! runs and `--resume`, and export.

mod common;
use common::{ledgerbench, only_run_dir};

use std::collections::HashSet;
use std::process::Command;
use std::time::{Duration, Instant};

use ledgerbench::cli::run_with_args;
use ledgerbench_harness::Registry;
use ledgerbench_harness::dynamic::{HashEntry, SigEntry};
use ledgerbench_harness::results::{RunDir, Status};
use ledgerbench_harness::testing::{AcceptAllSig, ToyHash, ToySig};

#[test]
fn unknown_scheme_exits_2_and_suggests_close_matches() {
    let out = ledgerbench(&["run", "--scheme", "ed2551"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no scheme matches `ed2551`"), "{err}");
    assert!(err.contains("did you mean ed25519/dalek"), "{err}");
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn unknown_op_and_family_list_the_valid_ones() {
    let out = ledgerbench(&["run", "--op", "sing"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown operation `sing`") && err.contains("did you mean sign"),
        "{err}"
    );
    let out = ledgerbench(&["list", "--family", "sigs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("valid choices: sig, kem, hash, zk"));
}

#[test]
fn resume_of_a_missing_directory_is_a_clear_error() {
    let out = ledgerbench(&["run", "--resume", "/nonexistent/run"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a results directory"));
}

#[test]
fn list_shows_every_registered_scheme() {
    let out = ledgerbench(&["list"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for id in ledgerbench::registry().ids() {
        assert!(text.contains(&format!("`{id}`")), "{id} missing from list");
    }
    let json = ledgerbench(&["list", "--json", "--family", "hash"]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["info"]["family"] == "hash"));
}

#[test]
fn a_scheme_failing_its_gate_is_reported_and_not_timed() {
    let mut registry = Registry::new();
    registry
        .extend([
            SigEntry::<AcceptAllSig>::new().into_entry(),
            SigEntry::<ToySig>::new().into_entry(),
        ])
        .expect("unique");
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let code = run_with_args(
        registry,
        [
            "ledgerbench",
            "run",
            "--op",
            "verify",
            "--out",
            &out_arg,
            "--quiet",
        ],
    );
    assert_eq!(code, 1, "a failed gate makes the run exit 1");
    let (records, _) = RunDir::open(only_run_dir(out.path()))
        .expect("dir")
        .read_records()
        .expect("records");
    let broken = records
        .iter()
        .find(|r| r.scheme == "accept-all/toy")
        .expect("broken record");
    assert_eq!(broken.status, Status::GateFailed);
    assert!(broken.measurement.is_none());
    assert!(
        broken
            .error
            .as_deref()
            .is_some_and(|e| e.contains("tampered message rejected"))
    );
    let good = records
        .iter()
        .find(|r| r.scheme == "toy-sig/toy")
        .expect("good record");
    assert_eq!(good.status, Status::Ok);
    assert!(good.measurement.is_some());
}

#[test]
fn killed_run_keeps_its_records_and_resume_finishes_without_repeats() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let args = [
        "run",
        "--scheme",
        "sha*",
        "--scheme",
        "blake3/*",
        "--msg-len",
        "32,64,128",
        "--out",
        &out_arg,
        "--quiet",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_ledgerbench"))
        .args(args)
        .spawn()
        .expect("spawn");
    // Kill it once two records are on disk.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let lines = std::fs::read_dir(out.path())
            .ok()
            .and_then(|mut d| d.next())
            .and_then(|e| std::fs::read_to_string(e.ok()?.path().join("results.jsonl")).ok())
            .map_or(0, |t| t.lines().count());
        if lines >= 2 {
            break;
        }
        assert!(Instant::now() < deadline, "no records appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");

    let dir = only_run_dir(out.path());
    let (before, _) = RunDir::open(&dir)
        .expect("dir")
        .read_records()
        .expect("records");
    assert!(before.len() >= 2);
    let info = RunDir::open(&dir)
        .expect("dir")
        .read_run_info()
        .expect("run.json");
    assert_eq!(info.status, "running", "killed before it could finish");

    let resumed = ledgerbench(&["run", "--resume", &dir.to_string_lossy(), "--quiet"]);
    assert!(
        resumed.status.success(),
        "{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    let (after, torn) = RunDir::open(&dir)
        .expect("dir")
        .read_records()
        .expect("records");
    assert_eq!(torn, None);
    let keys: Vec<&str> = after.iter().map(|r| r.key.as_str()).collect();
    let unique: HashSet<&str> = keys.iter().copied().collect();
    assert_eq!(keys.len(), unique.len(), "no record twice");
    let schemes = ledgerbench::registry()
        .select(&["sha*".into(), "blake3/*".into()])
        .expect("select")
        .len();
    assert_eq!(after.len(), schemes * 3, "every scheme × msg len once");
    for r in &before {
        assert!(
            after.contains(r),
            "finished record {} kept unchanged",
            r.key
        );
    }
    let info = RunDir::open(&dir)
        .expect("dir")
        .read_run_info()
        .expect("run.json");
    assert_eq!(info.status, "complete");
    assert_eq!(info.resumed_by.len(), 1);
}

#[test]
fn run_json_carries_provenance_and_export_writes_tidy_csv() {
    let mut registry = Registry::new();
    registry
        .extend([HashEntry::<ToyHash>::entry()])
        .expect("unique");
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let code = run_with_args(
        registry,
        [
            "ledgerbench",
            "run",
            "--msg-len",
            "8,16",
            "--seed",
            "42",
            "--out",
            &out_arg,
            "--quiet",
        ],
    );
    assert_eq!(code, 0);
    let dir = only_run_dir(out.path());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("run.json")).expect("run.json"))
            .expect("json");
    for field in [
        "schema",
        "run_id",
        "command_line",
        "config",
        "engine",
        "started_at",
        "finished_at",
        "build",
        "crates",
        "machine",
        "peak_rss_bytes",
    ] {
        assert!(!json[field].is_null(), "run.json lacks {field}");
    }
    assert_eq!(json["config"]["seed"], 42);
    assert!(
        json["build"]["rustc"]
            .as_str()
            .is_some_and(|s| s.starts_with("rustc "))
    );
    assert!(
        json["machine"]["logical_cores"]
            .as_u64()
            .is_some_and(|n| n >= 1)
    );

    let csv_path = dir.join("out.csv");
    let export = ledgerbench(&[
        "export",
        &dir.to_string_lossy(),
        "--format",
        "csv",
        "-o",
        &csv_path.to_string_lossy(),
    ]);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let csv = std::fs::read_to_string(&csv_path).expect("csv");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert!(header.contains(&"median_ns") && header.contains(&"size_digest"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.split(',').count() == header.len()));
}

/// Measuring a representative signing set and its `.alt` twin writes a
/// `check` record of their agreement, and the report shows it.
#[test]
fn signing_sets_write_a_check_record_shown_in_the_report() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = ledgerbench(&[
        "run",
        "--scheme",
        "ml-dsa-44/libcrux",
        "--op",
        "sign-set",
        "--out",
        out.path().to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("signing-set check ml-dsa-44/libcrux"),
        "{stdout}"
    );
    let dir = only_run_dir(out.path());
    let lines = RunDir::open(&dir)
        .expect("dir")
        .read_lines()
        .expect("lines");
    let checks: Vec<ledgerbench_harness::results::CheckRecord> =
        lines.parse_kind("check").expect("check records");
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].set, "cctv");
    assert_eq!(checks[0].alternate, "cctv.alt");
    assert!(checks[0].mean_ns > 0.0 && checks[0].alternate_mean_ns > 0.0);
    let html = std::fs::read_to_string(dir.join("report.html")).expect("report");
    assert!(
        html.contains("Benchmark self-checks"),
        "report lacks the section"
    );
}
