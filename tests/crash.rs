//! Runs that survive crashes and full disks: torn and corrupt lines in
//! `results.jsonl`, write errors (a file size limit), `--resume` retrying
//! records that ended in error, and a run killed at random moments many times.

mod common;
use common::{ledgerbench, only_run_dir};

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use ledgerbench_harness::results::{JsonLines, RunDir};

const BIN: &str = env!("CARGO_BIN_EXE_ledgerbench");

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fast run: one software hash over `lens` message lengths.
fn hash_run_args<'a>(out: &'a str, lens: &'a str) -> Vec<&'a str> {
    vec![
        "run",
        "--scheme",
        "sha256/rustcrypto",
        "--msg-len",
        lens,
        "--out",
        out,
        "--quiet",
        "--no-report",
    ]
}

fn read(dir: &Path) -> JsonLines {
    RunDir::open(dir).expect("dir").read_lines().expect("lines")
}

fn keys(lines: &JsonLines) -> Vec<String> {
    lines
        .lines
        .iter()
        .filter_map(|l| l.key().map(str::to_string))
        .collect()
}

#[test]
fn torn_and_corrupt_lines_are_named_and_every_good_record_kept() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = ledgerbench(&hash_run_args(
        out.path().to_str().expect("utf-8"),
        "8,16,32,64",
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = only_run_dir(out.path());
    let results = dir.join("results.jsonl");
    let text = std::fs::read_to_string(&results).expect("read");
    let original: Vec<&str> = text.lines().collect();
    assert_eq!(original.len(), 4);
    let original_keys = keys(&read(&dir));
    // Line 2 corrupt, line 3 an error record, line 4 torn half-way.
    let errored = original[2].replace("\"status\":\"ok\"", "\"status\":\"error\"");
    assert_ne!(errored, original[2]);
    let damaged = format!(
        "{}\n{{\"kind\":\"measurement\",\"key\":garbage\n{errored}\n{}",
        original[0],
        &original[3][..original[3].len() / 2]
    );
    std::fs::write(&results, &damaged).expect("write");
    let d = dir.to_str().expect("utf-8");

    let report = ledgerbench(&["report", d, "--no-png"]);
    assert!(report.status.success(), "{}", stderr(&report));
    let err = stderr(&report);
    assert!(
        err.contains("results.jsonl: line 2: not valid JSON"),
        "{err}"
    );
    assert!(err.contains("line 4 was cut short"), "{err}");
    let md = std::fs::read_to_string(dir.join("report.md")).expect("report.md");
    assert!(md.contains("msg_len") || md.contains("8 B") || md.contains("sha256"));

    let csv = dir.join("out.csv");
    let export = ledgerbench(&["export", d, "-o", csv.to_str().expect("utf-8")]);
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(stderr(&export).contains("line 2"), "{}", stderr(&export));
    let rows = std::fs::read_to_string(&csv).expect("csv").lines().count();
    assert_eq!(rows, 1 + 2, "header + the two good records");

    let merged = out.path().join("merged");
    let merge = ledgerbench(&[
        "merge",
        d,
        "--out",
        merged.to_str().expect("utf-8"),
        "--no-report",
    ]);
    assert!(merge.status.success(), "{}", stderr(&merge));
    assert!(stderr(&merge).contains("line 2"), "{}", stderr(&merge));
    assert_eq!(read(&merged).lines.len(), 2);

    let resume = ledgerbench(&["run", "--resume", d, "--quiet", "--no-report"]);
    assert!(resume.status.success(), "{}", stderr(&resume));
    let err = stderr(&resume);
    assert!(err.contains("line 2: not valid JSON"), "{err}");
    assert!(err.contains("line 4 was cut short"), "{err}");
    assert!(
        err.contains(&format!(
            "retrying 1 record(s) that ended in error: {}",
            original_keys[2]
        )),
        "{err}"
    );
    // Nothing finished rewritten: the first three lines are byte for byte as before.
    let after = std::fs::read_to_string(&results).expect("read");
    let kept = damaged.rsplit_once('\n').expect("lines").0;
    assert!(after.starts_with(kept), "{after}");
    let lines = read(&dir);
    let mut got = keys(&lines);
    got.sort();
    let mut want = original_keys.clone();
    want.sort();
    assert_eq!(got, want, "every job once");
    assert_eq!(lines.superseded, [3], "the retried error record");
    assert_eq!(lines.bad.len(), 1);
    let retried = lines
        .lines
        .iter()
        .find(|l| l.key() == Some(original_keys[2].as_str()))
        .expect("retried");
    assert_eq!(retried.status(), Some("ok"));
}

#[test]
fn a_write_error_stops_the_run_with_exit_3_and_keeps_what_was_written() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = out.path().to_str().expect("utf-8");
    let lens: Vec<String> = (1..=40).map(|i| i.to_string()).collect();
    let lens = lens.join(",");
    // A 24 KiB file size limit (bash counts 1024-byte blocks); SIGXFSZ
    // ignored, so the write fails with EFBIG as on a full disk.
    let status = Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 24; exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(hash_run_args(o, &lens))
        .output()
        .expect("bash");
    let err = stderr(&status);
    assert_eq!(status.status.code(), Some(3), "{err}");
    assert!(err.contains("error: could not write the results"), "{err}");
    assert!(err.contains("results.jsonl"), "{err}");
    assert!(err.contains("marked interrupted"), "{err}");
    assert!(err.contains("hint:") && err.contains("--resume"), "{err}");
    let dir = only_run_dir(out.path());
    let info = RunDir::open(&dir)
        .expect("dir")
        .read_run_info()
        .expect("run.json");
    assert_eq!(info.status, "interrupted");
    assert!(
        info.stopped
            .as_deref()
            .is_some_and(|s| s.contains("results.jsonl"))
    );
    let before = read(&dir);
    assert_eq!(before.torn, None, "the partial line was cut back");
    assert!(before.bad.is_empty());
    assert!(!before.lines.is_empty() && before.lines.len() < 40);

    // With room again, --resume finishes the run without repeating a record.
    let resume = ledgerbench(&[
        "run",
        "--resume",
        dir.to_str().expect("utf-8"),
        "--quiet",
        "--no-report",
    ]);
    assert!(resume.status.success(), "{}", stderr(&resume));
    let after = read(&dir);
    let k = keys(&after);
    assert_eq!(k.len(), 40);
    assert_eq!(k.iter().collect::<HashSet<_>>().len(), 40);
    assert_eq!(after.lines[..before.lines.len()], before.lines[..]);
    let info = RunDir::open(&dir)
        .expect("dir")
        .read_run_info()
        .expect("run.json");
    assert_eq!((info.status.as_str(), info.stopped), ("complete", None));
}

/// A small deterministic generator for the kill delays (reproducible failures).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// SIGKILL at random moments — mid-record, mid-append, mid-run.json — then
/// resume, many times: no finished record is ever lost, changed or repeated,
/// the file stays valid JSONL (at most a torn tail), and the report works.
#[test]
fn a_run_killed_at_random_moments_loses_and_repeats_nothing() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = out.path().to_str().expect("utf-8");
    let lens: Vec<String> = (1..=16).map(|i| (i * 8).to_string()).collect();
    let lens = lens.join(",");
    let mut rng = Lcg(0x5eed);
    let started = Instant::now();
    let mut finished: Vec<ledgerbench_harness::results::Line> = Vec::new();
    let mut kills = 0;
    let mut completed = false;
    for round in 0..40 {
        let mut dir = std::fs::read_dir(out.path())
            .expect("out")
            .next()
            .map(|e| e.expect("entry").path());
        if let Some(d) = dir.as_ref().filter(|d| !d.join("run.json").exists()) {
            // Killed between creating the directory and writing run.json:
            // nothing was measured, so start again as a user would.
            std::fs::remove_dir_all(d).expect("remove");
            dir = None;
        }
        let args: Vec<String> = match &dir {
            None => hash_run_args(o, &lens)
                .iter()
                .map(|s| s.to_string())
                .collect(),
            Some(d) => [
                "run",
                "--resume",
                d.to_str().expect("utf-8"),
                "--quiet",
                "--no-report",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        };
        let mut child = Command::new(BIN)
            .args(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        // Late rounds let the run finish; the time bound keeps the test short.
        let last = round >= 30 || started.elapsed() > Duration::from_secs(35);
        let delay = Duration::from_millis(rng.next(900));
        let deadline = Instant::now() + delay;
        let mut exited = None;
        while last || Instant::now() < deadline {
            if let Some(status) = child.try_wait().expect("wait") {
                exited = Some(status);
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        match exited {
            Some(status) => {
                assert!(status.success(), "round {round}: {status}");
                completed = true;
            }
            None => {
                child.kill().expect("kill");
                child.wait().expect("wait");
                kills += 1;
            }
        }
        let Some(dir) = std::fs::read_dir(out.path())
            .expect("out")
            .next()
            .map(|e| e.expect("entry").path())
        else {
            continue;
        };
        if !dir.join("run.json").exists() {
            continue; // killed before run.json: resume has nothing to resume yet
        }
        let lines = read(&dir);
        assert!(lines.bad.is_empty(), "round {round}: {:?}", lines.bad);
        let k = keys(&lines);
        assert_eq!(
            k.len(),
            k.iter().collect::<HashSet<_>>().len(),
            "round {round}: a record repeated"
        );
        for f in &finished {
            assert!(
                lines.lines.iter().any(|l| l.value == f.value),
                "round {round}: finished record {:?} lost or changed",
                f.key()
            );
        }
        finished = lines.lines.clone();
        if completed {
            break;
        }
    }
    assert!(completed, "the run never finished");
    assert!(kills >= 5, "only {kills} kills");
    let dir = only_run_dir(out.path());
    let lines = read(&dir);
    assert_eq!((lines.torn, lines.bad.len()), (None, 0));
    assert_eq!(keys(&lines).len(), 16);
    let report = ledgerbench(&["report", dir.to_str().expect("utf-8"), "--no-png"]);
    assert!(report.status.success(), "{}", stderr(&report));
}
