//! `paper list|show|reproduce` and `rerun` as a user drives them.

mod common;
use common::{ledgerbench, run_dirs};

use std::path::{Path, PathBuf};

use ledgerbench::cli::run_with_args;
use ledgerbench_harness::Registry;
use ledgerbench_harness::dynamic::{HashEntry, SigEntry};
use ledgerbench_harness::results::{RunDir, SCHEMA_VERSION};
use ledgerbench_harness::testing::{ToyHash, ToySig};
use ledgerbench_papers::PaperRow;

fn toy_registry() -> Registry {
    let mut r = Registry::new();
    r.extend([
        SigEntry::<ToySig>::new().into_entry(),
        HashEntry::<ToyHash>::entry(),
    ])
    .expect("unique");
    r
}

#[test]
fn list_shows_six_papers_runnable_with_the_shipped_schemes() {
    let out = ledgerbench(&["paper", "list"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 6, "{text}");
    for p in ledgerbench_papers::PAPERS {
        let line = text
            .lines()
            .find(|l| l.starts_with(p.slug))
            .unwrap_or_else(|| panic!("{} missing:\n{text}", p.slug));
        assert!(line.contains(" runnable "), "{line}");
    }
}

#[test]
fn papers_whose_schemes_are_missing_say_what_they_need() {
    let text = ledgerbench::cli::paper::list_text(&toy_registry()).expect("list");
    assert_eq!(text.lines().count(), 6);
    let zkalc = text
        .lines()
        .find(|l| l.starts_with("zkalc-bls12-381-pairing"))
        .expect("zkalc line");
    assert!(
        zkalc.contains("not runnable: needs bls12-381-minpk/*"),
        "{zkalc}"
    );
    let blocks = text
        .lines()
        .find(|l| l.starts_with("pq-signatures-in-blocks"))
        .expect("blocks line");
    assert!(blocks.contains("ml-dsa-44/libcrux"), "{blocks}");
    // Reproducing one is bad input (exit 2), not a crash.
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().to_string_lossy().into_owned();
    let code = run_with_args(
        toy_registry(),
        [
            "ledgerbench",
            "paper",
            "reproduce",
            "zkalc-bls12-381-pairing",
            "--out",
            &out,
        ],
    );
    assert_eq!(code, 2);
    assert!(run_dirs(tmp.path()).is_empty(), "nothing is written");
}

#[test]
fn an_unknown_paper_lists_the_valid_ones() {
    let out = ledgerbench(&["paper", "reproduce", "zkalc"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no paper `zkalc`"), "{err}");
    assert!(err.contains("zkalc-bls12-381-pairing"), "{err}");
    assert!(err.contains("hint: `ledgerbench paper list`"), "{err}");
    let out = ledgerbench(&["paper", "show", "ed25519-ebacs"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("87548"));
}

/// A spec of one's own: the ring/RustCrypto SHA-256 ratio and an exact
/// digest size, small enough for a debug build.
const OWN_SPEC: &str = r#"
slug = "own-sha256"
title = "SHA-256: two implementations"
citation = "a test spec"
url = "https://example.invalid/own"
measures = "SHA-256 of 64 bytes"
absolute_times = "other machines"

[run]
schemes = ["sha256/*"]
ops = ["digest"]
msg_len = [64]

[[published]]
name = "digest_bytes"
value = 32
unit = "B"
machine = "FIPS 180-4"
source = "FIPS 180-4"
found = "a 256-bit digest"

[[published]]
name = "one"
value = 1
unit = "ns"
machine = "m"
source = "s"
found = "f"

[[compare]]
what = "digest size"
kind = "bytes"
value = { scheme = "sha256/ring", op = "digest", bytes = ["digest"] }
published = ["digest_bytes"]
why = "fixed by the standard"

[[compare]]
what = "ring / rustcrypto"
kind = "ratio"
num = { scheme = "sha256/ring", op = "digest" }
den = { scheme = "sha256/rustcrypto", op = "digest" }
published = ["one", "one"]
tolerance = 100.0
why = "both compute the same function"
"#;

fn only_new_dir(out: &Path) -> PathBuf {
    let dirs = run_dirs(out);
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs.into_iter().next().expect("one")
}

#[test]
fn reproduce_writes_the_table_as_records_file_and_report_section() {
    let tmp = tempfile::tempdir().expect("tmp");
    let spec = tmp.path().join("own.toml");
    std::fs::write(&spec, OWN_SPEC).expect("spec");
    let out_dir = tmp.path().join("results");
    let out = ledgerbench(&[
        "paper",
        "reproduce",
        &spec.to_string_lossy(),
        "--out",
        &out_dir.to_string_lossy(),
        "--threads",
        "1",
        "--quiet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = only_new_dir(&out_dir);
    assert!(
        dir.to_string_lossy().ends_with("-paper-own-sha256"),
        "{dir:?}"
    );
    let lines = RunDir::open(&dir)
        .expect("run")
        .read_lines()
        .expect("lines");
    let (rows, bad) = lines.parse_kind_lenient::<PaperRow>(ledgerbench_papers::PAPER);
    assert!(bad.is_empty());
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let size = rows
        .iter()
        .find(|r| r.what == "digest size")
        .expect("size row");
    assert_eq!(size.measured, Some(32.0));
    assert_eq!(size.verdict, ledgerbench_papers::Verdict::Agrees);
    assert_eq!(size.schema, SCHEMA_VERSION);
    let ratio = rows
        .iter()
        .find(|r| r.what == "ring / rustcrypto")
        .expect("ratio");
    assert!(ratio.measured.is_some_and(|m| m > 0.0));
    let table = std::fs::read_to_string(dir.join("paper.md")).expect("paper.md");
    assert!(table.contains("| digest size |"), "{table}");
    assert!(
        table.contains("Why absolute times are not compared"),
        "{table}"
    );
    let report = std::fs::read_to_string(dir.join("report.md")).expect("report.md");
    assert!(report.contains("Reproduced results"), "{report}");
    assert!(report.contains("ring / rustcrypto"), "{report}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("digest size"), "{stdout}");
}

#[test]
fn rerun_repeats_the_stored_configuration_and_compares() {
    let tmp = tempfile::tempdir().expect("tmp");
    let first = tmp.path().join("first");
    let out = ledgerbench(&[
        "run",
        "--scheme",
        "sha256/*",
        "--op",
        "digest",
        "--msg-len",
        "64",
        "--threads",
        "1",
        "--seed",
        "7",
        "--quiet",
        "--no-report",
        "--out",
        &first.to_string_lossy(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let original = only_new_dir(&first);
    // Pretend the original ran elsewhere: the rerun must say so.
    let run_json = original.join("run.json");
    let mut info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&run_json).expect("run.json")).expect("json");
    info["machine"]["cpu_model"] = "Some Other CPU".into();
    std::fs::write(&run_json, serde_json::to_vec_pretty(&info).expect("json")).expect("write");

    let again = tmp.path().join("again");
    let out = ledgerbench(&[
        "rerun",
        &original.to_string_lossy(),
        "--out",
        &again.to_string_lossy(),
        "--quiet",
        "--no-report",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: the CPU differs (original Some Other CPU"),
        "{stderr}"
    );
    let rerun = only_new_dir(&again);
    assert!(rerun.to_string_lossy().ends_with("-rerun"), "{rerun:?}");
    let a = RunDir::open(&original)
        .expect("a")
        .read_run_info()
        .expect("a");
    let b = RunDir::open(&rerun).expect("b").read_run_info().expect("b");
    assert_eq!(
        a.config, b.config,
        "the same selection, seed, suite, threads"
    );
    let (ra, _) = RunDir::open(&original)
        .expect("a")
        .read_records()
        .expect("a");
    let (rb, _) = RunDir::open(&rerun).expect("b").read_records().expect("b");
    let keys = |r: &[ledgerbench_harness::results::Record]| -> Vec<String> {
        r.iter().map(|x| x.key.clone()).collect()
    };
    assert_eq!(keys(&ra), keys(&rb));
    // Per-row ratio and significance, then the rank agreement of the two
    // SHA-256 implementations.
    assert!(stdout.contains("B/A"), "{stdout}");
    assert!(stdout.contains("rank agreement"), "{stdout}");
    let line = stdout
        .lines()
        .find(|l| l.starts_with("sha256 ") && l.contains(" < "))
        .unwrap_or_else(|| panic!("a sha256 rank line:\n{stdout}"));
    assert!(line.contains("1.00") || line.contains("-1.00"), "{line}");
    assert!(rerun.join(format!("compare-{}.md", a.run_id)).is_file());
}

#[test]
fn rerun_of_a_missing_directory_is_a_clear_error() {
    let out = ledgerbench(&["rerun", "/nonexistent/run"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a results directory"), "{err}");
}
