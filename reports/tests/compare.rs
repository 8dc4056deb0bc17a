//! Comparisons on synthetic samples: the ratio, the Mann–Whitney U test and
//! the verdicts, including a row that starts failing.

mod common;

use common::{record, samples, synthetic_run};
use ledgerbench_harness::Op;
use ledgerbench_reports::compare::{CompareOptions, Comparison, Verdict, parse_threshold};
use ledgerbench_reports::data::RunData;
use ledgerbench_reports::render::{Html, Markdown, Render};

fn verdict_of<'a>(
    c: &'a Comparison,
    scheme: &str,
) -> &'a ledgerbench_reports::compare::RowComparison {
    c.rows.iter().find(|r| r.scheme == scheme).expect("row")
}

#[test]
fn verdicts_follow_significance_and_threshold() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let base = samples(1000.0, 0.02, 40);
    let a = synthetic_run(
        tmp.path(),
        "a",
        &[
            record("same/x", Op::Verify, Some(32), &base),
            record("slower/x", Op::Verify, Some(32), &base),
            record("faster/x", Op::Verify, Some(32), &base),
            record("slightly/x", Op::Verify, Some(32), &base),
            record("noisy/x", Op::Verify, Some(32), &samples(1000.0, 0.5, 12)),
            record("breaks/x", Op::Verify, Some(32), &base),
            record("gone/x", Op::Verify, Some(32), &base),
        ],
    );
    let b = synthetic_run(
        tmp.path(),
        "b",
        &[
            record("same/x", Op::Verify, Some(32), &samples(1000.0, 0.02, 40)),
            record("slower/x", Op::Verify, Some(32), &samples(1200.0, 0.02, 40)),
            record("faster/x", Op::Verify, Some(32), &samples(800.0, 0.02, 40)),
            record(
                "slightly/x",
                Op::Verify,
                Some(32),
                &samples(1030.0, 0.02, 40),
            ),
            record("noisy/x", Op::Verify, Some(32), &samples(1080.0, 0.5, 12)),
            record("breaks/x", Op::Verify, Some(32), &[]),
            record("new/x", Op::Verify, Some(32), &base),
        ],
    );
    let (a, b) = (RunData::load(&a).expect("a"), RunData::load(&b).expect("b"));
    let c = Comparison::new(&a, &b, CompareOptions::default());

    let same = verdict_of(&c, "same/x");
    assert_eq!(same.verdict, Verdict::NoChange);
    assert!(same.test.expect("test").p > 0.5);
    assert!((same.ratio.expect("ratio") - 1.0).abs() < 1e-9);

    let slower = verdict_of(&c, "slower/x");
    assert_eq!(slower.verdict, Verdict::Regression);
    assert!((slower.ratio.expect("ratio") - 1.2).abs() < 0.01);
    assert!(slower.test.expect("test").p < 1e-6);
    assert!(slower.test.expect("test").prob_b_greater > 0.99);

    assert_eq!(verdict_of(&c, "faster/x").verdict, Verdict::Improvement);
    // 3% slower: significant, but under the 5% threshold.
    assert_eq!(
        verdict_of(&c, "slightly/x").verdict,
        Verdict::WithinThreshold
    );
    // 8% slower medians but ±50% noise on 12 samples: not significant.
    let noisy = verdict_of(&c, "noisy/x");
    assert!(noisy.ratio.expect("ratio") > 1.05);
    assert_eq!(noisy.verdict, Verdict::NoChange);
    assert_eq!(verdict_of(&c, "breaks/x").verdict, Verdict::NewlyFailing);
    assert_eq!(verdict_of(&c, "gone/x").verdict, Verdict::OnlyInA);
    assert_eq!(verdict_of(&c, "new/x").verdict, Verdict::OnlyInB);

    let regressions: Vec<&str> = c.regressions().map(|r| r.scheme.as_str()).collect();
    assert_eq!(regressions, vec!["slower/x", "breaks/x"]);

    // A 25% threshold no longer counts the 20% slowdown.
    let lenient = Comparison::new(
        &a,
        &b,
        CompareOptions {
            threshold: 0.25,
            alpha: 0.05,
        },
    );
    assert_eq!(
        verdict_of(&lenient, "slower/x").verdict,
        Verdict::WithinThreshold
    );

    // Rendered: the method is stated and regressions are highlighted.
    let doc = c.doc();
    let html = Html.render(&doc);
    assert!(html.contains("Mann–Whitney U"));
    assert!(html.contains("<tr class=\"bad\"><td><span class=\"nw\">slower/x"));
    let md = Markdown.render(&doc);
    assert!(md.contains("**REGRESSION**"));
    assert!(
        c.terminal()
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("REGRESSION"))
    );
}

#[test]
fn thresholds_parse_as_percentages() {
    assert_eq!(parse_threshold("5%"), Ok(0.05));
    assert_eq!(parse_threshold("5"), Ok(0.05));
    assert_eq!(parse_threshold(" 2.5 % "), Ok(0.025));
    assert!(parse_threshold("fast").is_err());
    assert!(parse_threshold("-1%").is_err());
}

/// A variable-time row is compared on its mean: a slower tail moves the mean
/// (and the ratio) even when the median stays put.
#[test]
fn variable_time_rows_compare_means() {
    use ledgerbench_harness::stats::Statistic;
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut fast_tail = vec![100.0; 30];
    fast_tail.extend([200.0; 10]);
    let mut slow_tail = vec![100.0; 30];
    slow_tail.extend([400.0; 10]);
    let run = |name: &str, s: &[f64]| {
        let mut r = record("rejection/x", Op::Sign, Some(32), s);
        r.variable_time = true;
        RunData::load(synthetic_run(tmp.path(), name, &[r])).expect("run")
    };
    let (a, b) = (run("a", &fast_tail), run("b", &slow_tail));
    let c = Comparison::new(&a, &b, CompareOptions::default());
    let row = verdict_of(&c, "rejection/x");
    assert_eq!(row.statistic, Statistic::Mean);
    assert_eq!((row.a_value, row.b_value), (Some(125.0), Some(175.0)));
    assert!((row.ratio.expect("ratio") - 1.4).abs() < 1e-9);
}
