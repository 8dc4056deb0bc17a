//! `ledgerbench conformance` as a user drives it, and the verdicts `run`
//! stores beside every measurement.

mod common;
use common::{ledgerbench, only_run_dir};

use ledgerbench_harness::conformance::Verdict;
use ledgerbench_harness::results::{CONFORMANCE, ConformanceRecord, MEASUREMENT, Record, RunDir};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn records(dir: &std::path::Path) -> (Vec<ConformanceRecord>, Vec<Record>) {
    let lines = RunDir::open(dir).expect("dir").read_lines().expect("lines");
    (
        lines.parse_kind(CONFORMANCE).expect("conformance records"),
        lines.parse_kind(MEASUREMENT).expect("measurement records"),
    )
}

/// PQClean ML-KEM skips the FIPS 203 input checks: its Wycheproof encaps
/// and expanded-key failures are deviations, printed, recorded and shown in
/// the report; RustCrypto, libcrux, AWS-LC and liboqs conform.
#[test]
fn ml_kem_table_records_and_report() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let o = ledgerbench(&["conformance", "--scheme", "ml-kem-512/*", "--out", &out_arg]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = stdout(&o);
    for needle in [
        "ml-kem-512/pqclean",
        "ml-kem-512/rustcrypto  (FIPS 203)  verdict: conformant",
        "wycheproof mlkem_512_encaps",
        "C2SP/wycheproof testvectors_v1 @ dac1dd4",
        "not offered by the API: key generation from a seed",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    let dir = only_run_dir(out.path());
    let (conf, measured) = records(&dir);
    assert!(measured.is_empty());
    let ids: Vec<&str> = conf.iter().map(|r| r.scheme.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ml-kem-512/pqclean",
            "ml-kem-512/rustcrypto",
            "ml-kem-512/libcrux",
            "ml-kem-512/aws-lc",
            "ml-kem-512/liboqs"
        ]
    );
    let pqclean = &conf[0];
    let failed: usize = pqclean.suites.iter().map(|s| s.failed()).sum();
    assert!(failed > 0);
    assert_eq!(pqclean.verdict, Verdict::Deviations(failed));
    assert!(
        text.contains(&format!("verdict: deviations: {failed}")),
        "{text}"
    );
    // RustCrypto and libcrux run FIPS 203's input checks when decoding;
    // AWS-LC and liboqs when encapsulating (randomised encapsulation refuses
    // the keys that fail the modulus check).
    assert!(conf[1..].iter().all(|r| r.verdict == Verdict::Conformant));
    let report = std::fs::read_to_string(dir.join("report.md")).expect("report.md");
    assert!(report.contains("Conformance"), "{report}");
    assert!(report.contains("wycheproof mlkem_512_encaps"), "{report}");

    // For CI: a deviation can fail the command. (Another parent directory:
    // run ids are timestamps to the second, and this may start within it.)
    let out2 = tempfile::tempdir().expect("tempdir");
    let out2_arg = out2.path().to_string_lossy().into_owned();
    let o = ledgerbench(&[
        "conformance",
        "--scheme",
        "ml-kem-512/pqclean",
        "--out",
        &out2_arg,
        "--no-report",
        "--fail-on-deviation",
    ]);
    assert_eq!(o.status.code(), Some(1));
}

/// The CCTV classification per implementation and verification function,
/// and the ECDSA low-S policy.
#[test]
fn cctv_classification_and_low_s_policy_are_printed() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let o = ledgerbench(&[
        "conformance",
        "--scheme",
        "ed25519/*",
        "--scheme",
        "ecdsa-secp256k1/*",
        "--out",
        &out_arg,
        "--no-report",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = stdout(&o);
    for needle in [
        "Ed25519 edge cases (C2SP CCTV)",
        "ed25519/dalek verify_strict",
        "ed25519/dalek verify_batch",
        "ed25519/ring verify",
        "low_order_residue",
        "rfc8032 7.1",
        "ECDSA low-S policy",
        "72 valid high-S signatures rejected by policy",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    let (conf, _) = records(&only_run_dir(out.path()));
    assert!(
        conf.iter().all(|r| r.verdict == Verdict::Conformant),
        "{conf:?}"
    );
}

/// `run` computes each implementation's verdict once, stores it in every
/// measurement record, writes the conformance record, and shows the verdict
/// in the summary and the CSV export.
#[test]
fn run_records_carry_the_verdict() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let o = ledgerbench(&[
        "run",
        "--scheme",
        "ml-kem-512/pqclean",
        "--scheme",
        "sha256/ring",
        "--op",
        "encaps",
        "--op",
        "digest",
        "--out",
        &out_arg,
        "--no-report",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let dir = only_run_dir(out.path());
    let (conf, measured) = records(&dir);
    // sha256/ring has no suite: its records say `untested`, and no
    // conformance record is written for it.
    assert_eq!(conf.len(), 1);
    let kem = &conf[0];
    assert_eq!(kem.scheme, "ml-kem-512/pqclean");
    assert!(kem.verdict.deviates());
    for r in &measured {
        let want = if r.scheme == kem.scheme {
            kem.verdict
        } else {
            Verdict::Untested
        };
        assert_eq!(r.conformance, Some(want), "{}", r.key);
    }
    let text = stdout(&o);
    assert!(text.contains(&format!("✗ {}", kem.verdict)), "{text}");
    assert!(
        text.contains("untested"),
        "sha256/ring has no suite: {text}"
    );
    let csv_path = dir.join("results.csv");
    let o = ledgerbench(&["export", &dir.to_string_lossy(), "--format", "csv"]);
    assert!(o.status.success());
    let csv = std::fs::read_to_string(csv_path).expect("csv");
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.contains("conformance"))
    );
    assert!(csv.contains(&kem.verdict.to_string()), "{csv}");
}

/// Both slices of a split run measure the same implementation, so both
/// write its conformance record: the merge keeps one.
#[test]
fn merged_slices_keep_one_conformance_record() {
    let out = tempfile::tempdir().expect("tempdir");
    let parts = out.path().join("parts");
    let parts_arg = parts.to_string_lossy().into_owned();
    for k in ["1/2", "2/2"] {
        let o = ledgerbench(&[
            "run",
            "--scheme",
            "x25519/dalek",
            "--op",
            "keygen",
            "--op",
            "encaps",
            "--partition",
            k,
            "--out",
            &parts_arg,
            "--quiet",
            "--no-report",
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let merged = out.path().join("merged");
    let o = ledgerbench(&[
        "merge",
        &parts_arg,
        "--out",
        &merged.to_string_lossy(),
        "--no-report",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (conf, measured) = records(&merged);
    assert_eq!(conf.len(), 1, "{conf:?}");
    assert_eq!(conf[0].verdict, Verdict::Conformant);
    assert_eq!(measured.len(), 2);
}
