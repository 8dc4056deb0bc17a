//! The shipped specs are complete, and the evaluation computes what the
//! arithmetic says from hand-made records.

use std::collections::BTreeMap;

use ledgerbench_harness::engine::Measurement;
use ledgerbench_harness::results::{
    CHECK, CheckRecord, CheckVerdict, MEASUREMENT, Record, SCHEMA_VERSION, Status,
};
use ledgerbench_harness::stats::summarize;
use ledgerbench_harness::{GateReport, Op, Params};

use crate::spec::Spec;
use crate::{Observed, Verdict, evaluate};

#[test]
fn six_shipped_specs_parse_and_cite_every_figure() {
    let papers = crate::all().expect("every shipped spec parses");
    assert_eq!(papers.len(), 6);
    for (p, spec) in &papers {
        assert_eq!(p.slug, spec.slug, "folder and slug agree");
        assert!(!p.readme.trim().is_empty(), "{}: README", p.slug);
        assert!(spec.url.starts_with("https://"), "{}: url", p.slug);
        assert!(!spec.compare.is_empty(), "{}: compares nothing", p.slug);
        assert!(!spec.absolute_times.trim().is_empty());
        for f in &spec.published {
            assert!(
                !f.found.trim().is_empty() && !f.source.trim().is_empty(),
                "{}: {} says where it was read and what was found",
                p.slug,
                f.name
            );
            assert!(
                f.unconfirmed || f.source != "not found",
                "{}: {} has no source but is not marked unconfirmed",
                p.slug,
                f.name
            );
        }
        if let Some(w) = &spec.workload {
            assert!(
                p.files.iter().any(|(n, _)| *n == w.profile),
                "{}: the workload profile is embedded",
                p.slug
            );
        }
    }
    assert!(crate::find("no-such-paper").is_err());
    let err = crate::find("zkalc-pairing")
        .expect_err("unknown")
        .to_string();
    assert!(err.contains("zkalc-bls12-381-pairing"), "{err}");
}

#[test]
fn spec_errors_name_the_file_line_and_reference() {
    let text = "slug = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nurl = \"u\"\nmeasures = \"m\"\n\
                absolute_times = \"a\"\ncolour = 1\n[run]\nschemes = []\n";
    let err = Spec::parse(text, "x.toml")
        .expect_err("unknown key")
        .to_string();
    assert!(err.starts_with("x.toml:7:"), "{err}");
    assert!(err.contains("colour"), "{err}");

    let text = format!(
        "{}[run]\nschemes = [\"a/b\"]\n[[compare]]\nwhat = \"w\"\nkind = \"absolute\"\n\
         value = {{ scheme = \"a/b\", op = \"sign\" }}\npublished = [\"missing\"]\nwhy = \"y\"\n",
        "slug = \"x\"\ntitle = \"t\"\ncitation = \"c\"\nurl = \"u\"\nmeasures = \"m\"\nabsolute_times = \"a\"\n"
    );
    let err = Spec::parse(&text, "x.toml")
        .expect_err("dangling")
        .to_string();
    assert!(err.contains("`missing`"), "{err}");
}

/// A measured record of `scheme`/`op` whose samples are all `ns` (and twice
/// that in cycles), handling `items` per operation.
fn record(scheme: &str, op: Op, params: Params, ns: f64, items: usize) -> Record {
    let samples = vec![ns; 12];
    let cycles: Vec<f64> = samples.iter().map(|v| v * 2.0).collect();
    let (name, implementation) = scheme.split_once('/').expect("id");
    Record {
        schema: SCHEMA_VERSION,
        kind: MEASUREMENT.into(),
        key: format!("{scheme}|{op}|{}|threads=1", params.label()),
        scheme: scheme.into(),
        name: name.into(),
        implementation: implementation.into(),
        krate: "k".into(),
        backend: "b".into(),
        family: "sig".into(),
        standard: "s".into(),
        security: "128-bit classical".into(),
        op,
        variable_time: false,
        params,
        threads: 1,
        status: Status::Ok,
        error: None,
        gate: GateReport::default(),
        conformance: None,
        items_per_op: items,
        sizes: BTreeMap::from([("pk".to_string(), 32), ("sig".to_string(), 64)]),
        measurement: Some(Measurement {
            iters_per_sample: 1,
            ns: summarize(&samples, 1).expect("stats"),
            cycles: summarize(&cycles, 1),
            samples_ns: samples,
            samples_cycles: cycles,
            memory: None,
        }),
        finished_at: String::new(),
    }
}

const HEAD: &str = "slug = \"t\"\ntitle = \"t\"\ncitation = \"c\"\nurl = \"https://x\"\n\
                    measures = \"m\"\nabsolute_times = \"a\"\n[run]\nschemes = [\"toy/*\"]\n";

fn published(name: &str, value: f64, x: Option<f64>) -> String {
    format!(
        "[[published]]\nname = \"{name}\"\nvalue = {value}\nunit = \"cycles\"\nmachine = \"m\"\n\
         source = \"s\"\nfound = \"f\"\n{}",
        x.map_or(String::new(), |x| format!("x = {x}\n"))
    )
}

#[test]
fn ratios_absolute_values_and_bytes_follow_the_arithmetic() {
    let text = format!(
        "{HEAD}{}{}\
         [[compare]]\nwhat = \"verify / sign\"\nkind = \"ratio\"\nschemes = \"toy/*\"\n\
         num = {{ op = \"verify\", stat = \"cycles\" }}\nden = {{ op = \"sign\", stat = \"cycles\" }}\n\
         published = [\"v\", \"s\"]\ntolerance = 0.5\nwhy = \"w\"\n\
         [[compare]]\nwhat = \"batch / single\"\nkind = \"ratio\"\nschemes = \"toy/*\"\n\
         num = {{ op = \"verify-batch\", batch = 64 }}\nden = {{ op = \"verify\" }}\n\
         published = [\"s\", \"v\"]\ntolerance = 0.1\nwhy = \"w\"\n\
         [[compare]]\nwhat = \"sign cycles\"\nkind = \"absolute\"\nschemes = \"toy/*\"\n\
         value = {{ op = \"sign\", stat = \"cycles\" }}\npublished = [\"s\"]\ntolerance = 2.0\nwhy = \"w\"\n\
         [[compare]]\nwhat = \"bytes\"\nkind = \"bytes\"\n\
         value = {{ scheme = \"toy/a\", op = \"sign\", bytes = [\"pk\", \"sig\"] }}\n\
         published = [\"b\"]\nwhy = \"w\"\n{}",
        published("v", 300.0, None),
        published("s", 100.0, None),
        published("b", 96.0, None),
    );
    let spec = Spec::parse(&text, "t.toml").expect("spec");
    let batch = Params {
        batch: Some(64),
        ..Params::default()
    };
    let records = vec![
        record("toy/a", Op::Sign, Params::default(), 1000.0, 1),
        record("toy/a", Op::Verify, Params::default(), 3000.0, 1),
        // 64 verifications in 96 µs: 1500 ns each, half a single one.
        record("toy/a", Op::VerifyBatch, batch, 96_000.0, 64),
        record("toy/b", Op::Sign, Params::default(), 1000.0, 1),
        record("toy/b", Op::Verify, Params::default(), 9000.0, 1),
    ];
    let rows = evaluate(
        &spec,
        &Observed {
            records: &records,
            workloads: &[],
            checks: &[],
        },
    );
    let find = |what: &str, scheme: &str| {
        rows.iter()
            .find(|r| r.what == what && r.scheme.as_deref() == Some(scheme))
            .unwrap_or_else(|| panic!("row {what} {scheme}: {rows:#?}"))
    };
    // toy/a: verify/sign = 3, published 300/100 = 3 → ratio 1, agrees.
    let r = find("verify / sign", "toy/a");
    assert_eq!(
        (r.measured, r.published, r.ratio),
        (Some(3.0), Some(3.0), Some(1.0))
    );
    assert_eq!(r.verdict, Verdict::Agrees);
    // toy/b: 9 vs 3 → ×3, outside a factor of 1.5.
    assert_eq!(find("verify / sign", "toy/b").verdict, Verdict::Differs);
    // Batch rows only for the scheme that measured verify-batch; per item.
    let r = find("batch / single", "toy/a");
    assert_eq!(r.measured, Some(0.5));
    assert!(
        rows.iter()
            .all(|r| !(r.what == "batch / single" && r.scheme.as_deref() == Some("toy/b")))
    );
    // Cycles are twice the ns in these records: 2000 vs 100 → ×20, differs.
    let r = find("sign cycles", "toy/a");
    assert_eq!((r.measured, r.verdict), (Some(2000.0), Verdict::Differs));
    // pk 32 + sig 64 = 96, exactly the published count (a mean over a
    // block's transactions may carry rounding: 96 ± 1e-9 still agrees).
    let r = rows.iter().find(|r| r.what == "bytes").expect("bytes row");
    assert_eq!((r.measured, r.verdict), (Some(96.0), Verdict::Agrees));
}

#[test]
fn the_exponent_of_a_power_law_is_recovered() {
    let text = format!(
        "{HEAD}{}{}[[compare]]\nwhat = \"exp\"\nkind = \"exponent\"\n\
         value = {{ scheme = \"toy/z\", op = \"prove\" }}\npublished = [\"p1\", \"p2\"]\n\
         tolerance = 0.05\nwhy = \"w\"\n",
        // 10x the size, 10x the time: exponent 1.
        published("p1", 50.0, Some(1e5)),
        published("p2", 500.0, Some(1e6)),
    );
    let spec = Spec::parse(&text, "t.toml").expect("spec");
    // time = 3 · n^1.5 over n = 2^10, 2^12, 2^14: slope 1.5 exactly.
    let records: Vec<Record> = [10usize, 12, 14]
        .iter()
        .map(|&k| {
            let n = 2f64.powi(k as i32);
            record(
                "toy/z",
                Op::Prove,
                Params {
                    size: Some(k),
                    ..Params::default()
                },
                3.0 * n.powf(1.5),
                1,
            )
        })
        .collect();
    let rows = evaluate(
        &spec,
        &Observed {
            records: &records,
            workloads: &[],
            checks: &[],
        },
    );
    let r = &rows[0];
    let (m, p) = (
        r.measured.expect("measured"),
        r.published.expect("published"),
    );
    assert!((m - 1.5).abs() < 1e-9, "{m}");
    assert!((p - 1.0).abs() < 1e-12, "{p}");
    assert_eq!(r.verdict, Verdict::Differs);
    assert!(
        r.measured_text.contains("50% above linear"),
        "{}",
        r.measured_text
    );
}

#[test]
fn check_rows_follow_the_signing_set_verdict() {
    let text = format!(
        "{HEAD}[[compare]]\nwhat = \"alt\"\nkind = \"check\"\nschemes = \"toy/*\"\nwhy = \"w\"\n"
    );
    let spec = Spec::parse(&text, "t.toml").expect("spec");
    let check = |scheme: &str, verdict| CheckRecord {
        schema: SCHEMA_VERSION,
        kind: CHECK.into(),
        key: format!("check|signing-sets|{scheme}|cctv|threads=1"),
        scheme: scheme.into(),
        set: "cctv".into(),
        alternate: "cctv.alt".into(),
        mean_ns: 100.0,
        ci95: Some((90.0, 110.0)),
        alternate_mean_ns: 105.0,
        alternate_ci95: Some((95.0, 115.0)),
        verdict,
        finished_at: String::new(),
    };
    let checks = vec![
        check("toy/a", CheckVerdict::Consistent),
        check("toy/b", CheckVerdict::Differ),
    ];
    let rows = evaluate(
        &spec,
        &Observed {
            records: &[],
            workloads: &[],
            checks: &checks,
        },
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].verdict, Verdict::Agrees);
    assert_eq!(rows[1].verdict, Verdict::Differs);
    assert_eq!(rows[0].measured, Some(1.05));
}
