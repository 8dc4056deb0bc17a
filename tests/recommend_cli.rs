//! `ledgerbench recommend` as a user drives it: combinations measured,
//! verdicts per constraint, the front, records that `--from` and `report`
//! read back, and clear errors.

mod common;
use common::{ledgerbench, only_run_dir};

use ledgerbench_harness::advisor::evaluate::{RECOMMENDATION, Recommendation, Source};
use ledgerbench_harness::results::RunDir;

fn recommendations(dir: &std::path::Path) -> Vec<Recommendation> {
    let lines = RunDir::open(dir).expect("dir").read_lines().expect("lines");
    lines.parse_kind(RECOMMENDATION).expect("records")
}

/// `--pq hybrid` leaves one signature scheme (the Ed25519 + ML-DSA-65
/// composite), so the measurement is the defaults, one signature swap and
/// the hash swaps.
#[test]
fn hybrid_requirement_measures_swaps_and_reads_them_back() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let small = [
        "--block-txs",
        "6",
        "--blocks",
        "1",
        "--client-budget",
        "0.2",
    ];
    let o = ledgerbench(
        &[
            &[
                "recommend",
                "cross-border-settlement",
                "--tps",
                "5000",
                "--pq",
                "hybrid",
            ][..],
            &small,
            &["--out", &out_arg],
        ]
        .concat(),
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{}\n{stdout}",
        String::from_utf8_lossy(&o.stderr)
    );
    let dir = only_run_dir(out.path());
    let recs = recommendations(&dir);
    // Every signature × every hash is a combination.
    let registry = ledgerbench::registry();
    let sigs = registry.family(ledgerbench_harness::Family::Sig).len();
    let hashes = registry.family(ledgerbench_harness::Family::Hash).len();
    assert_eq!(recs.len(), sigs * hashes);
    for r in &recs {
        let hybrid = r.roles["sig"] == "ed25519+ml-dsa-65/composite";
        if hybrid {
            assert!(r.feasible, "{:?}: {:?}", r.roles, r.checks);
            assert!(r.rank.is_some());
        } else {
            // Classical and pure post-quantum signatures fail --pq hybrid before measuring.
            assert_eq!(r.first_broken.as_deref(), Some("pq"), "{:?}", r.roles);
            assert_eq!(r.source, Source::NotMeasured);
        }
    }
    // One hybrid with the profile's hash was measured, the others composed.
    let hybrids: Vec<&Recommendation> = recs.iter().filter(|r| r.feasible).collect();
    assert_eq!(hybrids.len(), hashes);
    assert_eq!(
        hybrids
            .iter()
            .filter(|r| r.source == Source::Direct)
            .count(),
        1
    );
    assert!(hybrids.iter().any(|r| r.pareto));
    for r in &hybrids {
        let cores = r.figure("cores_sequential").expect("cores");
        assert!(
            cores.lo <= cores.value && cores.value <= cores.hi,
            "{cores:?}"
        );
        // Bytes per transaction include the 1024-byte payload and 3 composite signatures.
        assert!(r.figure("bytes_per_tx").expect("bytes").value > 1024.0);
    }
    assert!(stdout.contains("Pareto front"), "{stdout}");
    assert!(
        stdout.contains("cores(strategy) = tps × core-µs/tx"),
        "{stdout}"
    );

    // The same verdicts from the records, without measuring again.
    let again_out = tempfile::tempdir().expect("tempdir");
    let again_arg = again_out.path().to_string_lossy().into_owned();
    let dir_arg = dir.to_string_lossy().into_owned();
    let o = ledgerbench(&[
        "recommend",
        "cross-border-settlement",
        "--tps",
        "5000",
        "--pq",
        "hybrid",
        "--from",
        &dir_arg,
        "--out",
        &again_arg,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("[1/"),
        "measured again"
    );
    let reread = recommendations(&only_run_dir(again_out.path()));
    let verdicts = |rs: &[Recommendation]| -> Vec<(String, bool)> {
        rs.iter().map(|r| (r.key.clone(), r.feasible)).collect()
    };
    assert_eq!(verdicts(&reread), verdicts(&recs));

    // A block limit below one transaction's payload (1024 B) breaks every
    // measured combination on block bytes.
    let third = tempfile::tempdir().expect("tempdir");
    let third_arg = third.path().to_string_lossy().into_owned();
    let o = ledgerbench(&[
        "recommend",
        "cross-border-settlement",
        "--pq",
        "hybrid",
        "--block-bytes",
        "1kB",
        "--block-interval",
        "1",
        "--from",
        &dir_arg,
        "--out",
        &third_arg,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("feasible: 0 of"), "{stdout}");
    assert!(stdout.contains("block-bytes"), "{stdout}");

    // The report draws the section.
    let o = ledgerbench(&["report", &dir_arg, "--no-png"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = std::fs::read_to_string(dir.join("report.md")).expect("report.md");
    assert!(
        md.contains("Recommendation: cross-border-settlement"),
        "{md}"
    );
}

#[test]
fn bad_constraints_and_conformant_only_are_clear_errors() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    for (args, expected) in [
        (vec!["--pq", "maybe"], "expected none, hybrid or required"),
        (vec!["--min-security", "cat9"], "NIST category (cat1..cat5)"),
        (vec!["--block-bytes", "4XB"], "unknown unit `XB`"),
        (vec!["--tps", "0"], "--tps must be positive"),
        (
            vec!["--conformant-only"],
            "conformance verdicts are not recorded yet",
        ),
    ] {
        let o = ledgerbench(
            &[
                &["recommend", "cross-border-settlement"][..],
                &args,
                &["--out", &out_arg],
            ]
            .concat(),
        );
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
