//! Published vector suites attached to entries: the conformance record, its
//! verdict, and the verdict carried by every measurement record of a run.

use std::collections::{BTreeMap, HashSet};

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite, Verdict};
use ledgerbench_core::testing::{ToyHash, ToySig};
use ledgerbench_harness::dynamic::{HashEntry, SigEntry};
use ledgerbench_harness::engine::EngineConfig;
use ledgerbench_harness::plan::{RunConfig, Suite, plan};
use ledgerbench_harness::results::{
    CONFORMANCE, ConformanceRecord, MEASUREMENT, Record, RunDir, conformance_record,
};
use ledgerbench_harness::runner::{Silent, execute};
use ledgerbench_harness::{Registry, SignatureScheme};

/// A suite whose vectors come out as `outcomes` (standing in for a real
/// runner: the point here is the bookkeeping, not the vectors).
fn toy_suite<S: SignatureScheme>(
    name: &'static str,
    outcomes: &'static [Outcome],
) -> VectorSuite<S> {
    VectorSuite::new(name, move || {
        let mut r = SuiteReport::new(name, "toy source", "0000000");
        for (i, o) in outcomes.iter().enumerate() {
            r.record(i as u64 + 1, *o);
        }
        Ok(r)
    })
}

#[test]
fn verdicts_of_entries() {
    let good = SigEntry::<ToySig>::new()
        .with_suite(toy_suite("a", &[Outcome::Pass, Outcome::Acceptable]))
        .with_suite(toy_suite(
            "b",
            &[Outcome::NotApplicable, Outcome::SelfConsistent],
        ))
        .into_entry();
    assert_eq!(good.suites(), ["a", "b"]);
    let record = conformance_record(good);
    assert_eq!(record.verdict, Verdict::Conformant);
    assert_eq!(record.key, "conformance|toy-sig/toy");
    assert_eq!(record.kind, CONFORMANCE);
    assert_eq!(record.suites.len(), 2);
    assert_eq!(record.untested_reason(), None);

    let bad = SigEntry::<ToySig>::new()
        .with_suite(toy_suite(
            "a",
            &[Outcome::Pass, Outcome::Fail, Outcome::Fail],
        ))
        .into_entry();
    let record = conformance_record(bad);
    assert_eq!(record.verdict, Verdict::Deviations(2));
    assert_eq!(record.suites[0].failed_ids, [2, 3]);

    // Only self-consistency or nothing applicable: untested, with the reason.
    let unjudged = SigEntry::<ToySig>::new()
        .with_suite(VectorSuite::new("c", || {
            let mut r = SuiteReport::new("c", "toy source", "0000000");
            r.not_applicable(1, "not offered by the API: key generation from a seed");
            r.record(2, Outcome::SelfConsistent);
            Ok(r)
        }))
        .into_entry();
    let record = conformance_record(unjudged);
    assert_eq!(record.verdict, Verdict::Untested);
    assert!(
        record
            .untested_reason()
            .is_some_and(|r| r.contains("key generation from a seed")),
        "{:?}",
        record.untested_reason()
    );

    // A suite whose data does not load is reported, never counted as passed.
    let broken = SigEntry::<ToySig>::new()
        .with_suite(toy_suite("a", &[Outcome::Pass]))
        .with_suite(VectorSuite::new("d", || {
            Err(ledgerbench_core::Error::decode(
                "vector file",
                "d.json: bad",
            ))
        }))
        .into_entry();
    let record = conformance_record(broken);
    assert_eq!(record.verdict, Verdict::Untested);
    assert!(
        record.suites[1]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("d.json"))
    );

    let none = conformance_record(HashEntry::<ToyHash>::entry());
    assert_eq!(none.verdict, Verdict::Untested);
    assert!(
        none.untested_reason()
            .is_some_and(|r| r.contains("no published vector suite"))
    );
}

#[test]
fn records_carry_the_verdict_and_it_round_trips() {
    let entry = SigEntry::<ToySig>::new()
        .with_suite(toy_suite("a", &[Outcome::Pass, Outcome::Fail]))
        .into_entry();
    let mut registry = Registry::new();
    registry.extend([entry]).expect("unique");
    let config = RunConfig {
        suite: Suite::Quick,
        schemes: Vec::new(),
        families: Vec::new(),
        ops: vec![ledgerbench_harness::Op::Verify],
        msg_lens: None,
        batches: None,
        sizes: None,
        threads: 1,
        seed: 1,
        partition: None,
    };
    let jobs = plan(&registry, &config).expect("plan");
    let dir = tempfile::tempdir().expect("tempdir");
    let run = RunDir::create(dir.path().join("r")).expect("run dir");
    let mut out = run.appender().expect("appender");
    let verdicts = BTreeMap::from([(entry.id(), conformance_record(entry).verdict)]);
    let mut engine = EngineConfig::quick();
    engine.samples = engine.min_samples;
    engine.budget = std::time::Duration::from_millis(20);
    execute(
        &jobs,
        &HashSet::new(),
        &engine,
        1,
        &verdicts,
        &mut out,
        &mut Silent,
    )
    .expect("run");
    let lines = run.read_lines().expect("lines");
    let (records, bad) = lines.parse_kind_lenient::<Record>(MEASUREMENT);
    assert!(bad.is_empty());
    assert!(!records.is_empty());
    for r in &records {
        assert_eq!(r.conformance, Some(Verdict::Deviations(1)));
    }
    let text = std::fs::read_to_string(dir.path().join("r/results.jsonl")).expect("read");
    assert!(text.contains(r#""conformance":"deviations: 1""#), "{text}");

    // Records written before verdicts existed read back with none.
    let mut old: serde_json::Value =
        serde_json::from_str(text.lines().next().expect("line")).expect("json");
    old.as_object_mut().expect("object").remove("conformance");
    let old: Record = serde_json::from_value(old).expect("old record parses");
    assert_eq!(old.conformance, None);

    // The conformance record round-trips.
    let record = conformance_record(entry);
    let json = serde_json::to_string(&record).expect("serialize");
    let back: ConformanceRecord = serde_json::from_str(&json).expect("parse");
    assert_eq!(back.verdict, record.verdict);
    assert_eq!(back.suites, record.suites);
}
