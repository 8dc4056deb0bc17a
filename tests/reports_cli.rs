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
    let whole = toy_run(&tmp.path().join("whole"), &[]);
    let parts: Vec<PathBuf> = (1..=3)
        .map(|k| {
            let spec = format!("{k}/3");
            let dir = toy_run(&tmp.path().join(format!("p{k}")), &["--partition", &spec]);
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
    assert!(String::from_utf8_lossy(&out.stderr).contains("partition 1/3 is given twice"));
}

/// The toy selection of these tests (verify, digest and encaps at two message
/// lengths: 5 jobs), run into the parent directory `out` with `extra` options;
/// returns the new run directory.
fn toy_run(out: &Path, extra: &[&str]) -> PathBuf {
    let before: BTreeSet<PathBuf> = if out.is_dir() {
        common::run_dirs(out).into_iter().collect()
    } else {
        BTreeSet::new()
    };
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
    let new: Vec<PathBuf> = common::run_dirs(out)
        .into_iter()
        .filter(|d| !before.contains(d))
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    new.into_iter().next().expect("one")
}

/// The three slices of the toy selection, all in `parent` (as a Slurm array
/// writes them with one `--out`).
fn toy_parts(parent: &Path) -> Vec<PathBuf> {
    (1..=3)
        .map(|k| toy_run(parent, &["--partition", &format!("{k}/3")]))
        .collect()
}

fn merge_cli(args: &[&str]) -> (Option<i32>, String) {
    let out = ledgerbench(args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Rewrites one field of a part's run.json, as if that part ran elsewhere.
fn edit_run_json(dir: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("run.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    edit(&mut v);
    std::fs::write(&path, serde_json::to_string_pretty(&v).expect("json")).expect("write");
}

#[test]
fn merge_takes_the_directory_the_parts_were_written_into() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let whole = toy_run(&tmp.path().join("whole"), &[]);
    let parent = tmp.path().join("parts");
    toy_parts(&parent);
    // The merged directory may sit inside the parent; a second merge skips it.
    let merged = parent.join("merged");
    let (code, stderr) = merge_cli(&[
        "merge",
        &parent.to_string_lossy(),
        "--out",
        &merged.to_string_lossy(),
        "--no-report",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("from 3 parts"), "{stderr}");
    assert_eq!(keys(&merged), keys(&whole), "same keys, in plan order");
    let again = tmp.path().join("again");
    let (code, stderr) = merge_cli(&[
        "merge",
        &parent.to_string_lossy(),
        "--out",
        &again.to_string_lossy(),
        "--no-report",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("left out") && stderr.contains("merged"),
        "{stderr}"
    );
    assert_eq!(keys(&again), keys(&whole));

    // A directory holding no run directories is named.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let (code, stderr) = merge_cli(&[
        "merge",
        &empty.to_string_lossy(),
        "--out",
        &tmp.path().join("m").to_string_lossy(),
    ]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("empty is not a results directory"),
        "{stderr}"
    );
}

#[test]
fn merge_names_a_duplicate_or_missing_partition() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let parent = tmp.path().join("parts");
    let parts = toy_parts(&parent);
    let out = |name: &str| tmp.path().join(name).to_string_lossy().into_owned();

    // Slice 2 run twice (a resubmitted array task).
    let twice = tmp.path().join("twice");
    std::fs::create_dir(&twice).expect("mkdir");
    for (i, p) in parts.iter().enumerate() {
        let dst = twice.join(format!("p{i}"));
        std::fs::create_dir(&dst).expect("mkdir");
        for f in ["run.json", "results.jsonl"] {
            std::fs::copy(p.join(f), dst.join(f)).expect("copy");
        }
    }
    let dup = twice.join("p1-again");
    std::fs::create_dir(&dup).expect("mkdir");
    for f in ["run.json", "results.jsonl"] {
        std::fs::copy(parts[1].join(f), dup.join(f)).expect("copy");
    }
    let (code, stderr) = merge_cli(&["merge", &twice.to_string_lossy(), "--out", &out("m1")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("partition 2/3 is given twice")
            && stderr.contains("p1-again")
            && stderr.contains("twice/p1 and "),
        "{stderr}"
    );

    // Slice 2 missing: refused, naming it; merged when allowed.
    let (code, stderr) = merge_cli(&[
        "merge",
        &parts[0].to_string_lossy(),
        &parts[2].to_string_lossy(),
        "--out",
        &out("m2"),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("partition 2/3 of the split into 3 is missing")
            && stderr.contains("--allow-incomplete"),
        "{stderr}"
    );
    assert!(!tmp.path().join("m2").exists(), "nothing written");
    let (code, stderr) = merge_cli(&[
        "merge",
        &parts[0].to_string_lossy(),
        &parts[2].to_string_lossy(),
        "--out",
        &out("m3"),
        "--allow-incomplete",
        "--no-report",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("warning: partition 2/3"), "{stderr}");
    let merged = keys(&tmp.path().join("m3"));
    let expected: Vec<String> = [&parts[0], &parts[2]]
        .iter()
        .flat_map(|p| keys(p))
        .collect();
    assert_eq!(
        merged.iter().collect::<BTreeSet<_>>(),
        expected.iter().collect::<BTreeSet<_>>()
    );
}

#[test]
fn merge_refuses_mixed_machines_unless_allowed_then_groups_rows_by_machine() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let parent = tmp.path().join("parts");
    let parts = toy_parts(&parent);
    let out = |name: &str| tmp.path().join(name).to_string_lossy().into_owned();
    let p = parent.to_string_lossy().into_owned();

    // Slice 3 measured on another CPU model.
    edit_run_json(&parts[2], |v| {
        v["machine"]["cpu_model"] = "Other CPU 9000".into();
        v["machine"]["hostname"] = "node-c".into();
    });
    let (code, stderr) = merge_cli(&["merge", &p, "--out", &out("m1")]);
    assert_eq!(code, Some(2), "{stderr}");
    let part3 = parts[2].to_string_lossy();
    assert!(
        stderr.contains("different CPU models")
            && stderr.contains("`Other CPU 9000` (")
            && stderr.contains(part3.as_ref())
            && stderr.contains("--allow-mixed"),
        "{stderr}"
    );

    // Slice 3 back on slice 1's CPU; slice 2 built by another compiler.
    let cpu_model = |dir: &Path| {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("run.json")).expect("read"))
                .expect("json");
        (
            v["machine"]["cpu_model"].clone(),
            v["build"]["rustc"].clone(),
        )
    };
    let (first_cpu, first_rustc) = cpu_model(&parts[0]);
    assert_ne!(first_rustc, "rustc 0.0.1");
    edit_run_json(&parts[2], |v| v["machine"]["cpu_model"] = first_cpu);
    edit_run_json(&parts[1], |v| v["build"]["rustc"] = "rustc 0.0.1".into());
    let (code, stderr) = merge_cli(&["merge", &p, "--out", &out("m2")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("different builds") && stderr.contains("rustc 0.0.1"),
        "{stderr}"
    );

    // Allowed: merged, each row on its machine, one table per machine.
    edit_run_json(&parts[2], |v| {
        v["machine"]["cpu_model"] = "Other CPU 9000".into();
    });
    let merged = tmp.path().join("mixed");
    let (code, stderr) = merge_cli(&[
        "merge",
        &p,
        "--out",
        &merged.to_string_lossy(),
        "--allow-mixed",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("the report groups rows by machine"),
        "{stderr}"
    );
    let info = RunDir::open(&merged)
        .expect("dir")
        .read_run_info()
        .expect("run.json");
    assert_eq!(info.parts.len(), 3);
    assert_eq!(
        info.parts[2].run.machine.cpu_model.as_deref(),
        Some("Other CPU 9000"),
        "each part keeps its machine"
    );
    let html = std::fs::read_to_string(merged.join("report.html")).expect("report");
    for g in 1..=3 {
        assert!(
            html.contains(&format!("on machine {g} of 3")),
            "machine {g}"
        );
    }
    assert!(html.contains("Other CPU 9000") && html.contains("rustc 0.0.1"));
    // Every row of slice 3 is in machine 3's tables, and only there.
    let slice3 = keys(&parts[2]);
    assert!(!slice3.is_empty());
    let md = std::fs::read_to_string(merged.join("report.md")).expect("report.md");
    let machine3 = &md[md.find("on machine 3 of 3").expect("machine 3")..];
    let before3 = &md[..md.find("on machine 3 of 3").expect("machine 3")];
    assert!(machine3.contains("part 3: node-c"));
    assert!(!before3.contains("part 3: node-c"));
}

/// `run --partition auto` with only `vars` from the array environment.
fn auto_run(out: &Path, vars: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_ledgerbench"));
    cmd.args([
        "run",
        "--quiet",
        "--no-report",
        "--scheme",
        "sha256/rustcrypto",
        "--msg-len",
        "64",
        "--threads",
        "1",
        "--partition",
        "auto",
        "--out",
    ])
    .arg(out);
    for name in [
        "SLURM_ARRAY_TASK_ID",
        "SLURM_ARRAY_TASK_MIN",
        "SLURM_ARRAY_TASK_MAX",
        "SLURM_ARRAY_TASK_STEP",
        "SLURM_ARRAY_TASK_COUNT",
        "JOB_COMPLETION_INDEX",
        "LEDGERBENCH_PARTITION_COUNT",
    ] {
        cmd.env_remove(name);
    }
    cmd.envs(vars.iter().copied());
    cmd.output().expect("run ledgerbench")
}

#[test]
fn run_partition_auto_takes_the_slice_from_slurm_or_kubernetes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // The selection is one job, so slices 2 and 3 of 3 are empty and fast;
    // what matters is which slice each environment selects.
    let slurm = tmp.path().join("slurm");
    let o = auto_run(
        &slurm,
        &[
            ("SLURM_ARRAY_TASK_ID", "6"),
            ("SLURM_ARRAY_TASK_MIN", "5"),
            ("SLURM_ARRAY_TASK_MAX", "7"),
            ("SLURM_ARRAY_TASK_COUNT", "3"),
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("partition 2/3 (from Slurm job array: SLURM_ARRAY_TASK_ID=6, SLURM_ARRAY_TASK_MIN=5, SLURM_ARRAY_TASK_MAX=7)"),
        "{stderr}"
    );
    let dir = only_run_dir(&slurm);
    assert!(dir.to_string_lossy().ends_with("-part2of3"), "{dir:?}");
    let info = RunDir::open(&dir)
        .expect("dir")
        .read_run_info()
        .expect("info");
    assert_eq!(info.config.partition, Some((2, 3)));

    let k8s = tmp.path().join("k8s");
    let o = auto_run(
        &k8s,
        &[
            ("JOB_COMPLETION_INDEX", "2"),
            ("LEDGERBENCH_PARTITION_COUNT", "3"),
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("partition 3/3 (from Kubernetes Indexed Job: JOB_COMPLETION_INDEX=2"),
        "{stderr}"
    );
    assert!(only_run_dir(&k8s).to_string_lossy().ends_with("-part3of3"));

    // Kubernetes without the count, and no array at all: exit 2, nothing written.
    for (vars, needle) in [
        (
            &[("JOB_COMPLETION_INDEX", "0")][..],
            "LEDGERBENCH_PARTITION_COUNT is not",
        ),
        (&[][..], "neither SLURM_ARRAY_TASK_ID"),
    ] {
        let none = tmp.path().join("none");
        let o = auto_run(&none, vars);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(needle), "{stderr}");
        assert!(!none.exists(), "nothing written");
    }
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
