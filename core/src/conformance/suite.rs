//! Published vector suites: what running one against an implementation found.
//!
//! A suite is one published vector file (a Wycheproof JSON file, the RFC 8032
//! §7.1 tests, the CCTV Ed25519 edge cases, a NIST ACVP file) applied to one
//! typed scheme. Its runner lives beside the scheme's implementation crate
//! (it needs the typed trait); this module holds what every runner returns —
//! a [`SuiteReport`] — and the [`Verdict`] the reports of one implementation
//! add up to. The expected outcome of every vector comes from the vector file
//! (its `result` field: valid / invalid / acceptable, or its known answer),
//! never from the implementation's own output: a signature the library made
//! with its own randomness and then verified itself is counted apart, as
//! [`Outcome::SelfConsistent`], not as passed.
//!
//! ```
//! use ledgerbench_core::conformance::{Outcome, SuiteReport, Verdict};
//! let mut report = SuiteReport::new("wycheproof ed25519_test", "C2SP/wycheproof", "dac1dd4");
//! report.record(1, Outcome::Pass);
//! report.record(2, Outcome::Fail);
//! assert_eq!((report.run, report.passed, report.failed()), (2, 1, 1));
//! assert_eq!(Verdict::of(&[report]), Verdict::Deviations(1));
//! ```

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

/// What happened to one vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The implementation did what the vector file requires.
    Pass,
    /// It did not (a valid vector rejected, an invalid one accepted, a known
    /// answer not reproduced).
    Fail,
    /// The file marks the vector `acceptable` (either verdict is allowed), or
    /// the suite's declared policy allows the verdict (e.g. a low-S rule
    /// rejecting valid high-S ECDSA signatures).
    Acceptable,
    /// The API cannot take the vector's inputs (no seeded key generation, no
    /// caller-chosen randomness); the report's `reason` says why.
    NotApplicable,
    /// The vector could only be checked against the implementation itself:
    /// it signed with its own randomness and its own verify accepted. Not a
    /// pass (nothing was compared with the file's answer).
    SelfConsistent,
}

/// How one verification function classifies a suite without expected
/// outcomes (the CCTV Ed25519 edge cases): accepted counts per flag.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    /// The verification function (`verify`, `verify_strict`, `verify_batch`).
    pub function: String,
    /// `(flag, vectors with the flag, accepted)`, one row per flag, plus
    /// `(all)` over every vector.
    pub flags: Vec<FlagCount>,
}

/// One row of a [`Classification`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagCount {
    /// The flag (`low_order_A`, `non_canonical_R`...), `(no flags)` or `(all)`.
    pub flag: String,
    /// Vectors carrying it.
    pub total: usize,
    /// Of those, the ones the function accepted.
    pub accepted: usize,
}

impl Classification {
    /// An empty classification of `function`.
    pub fn new(function: impl Into<String>) -> Self {
        Classification {
            function: function.into(),
            flags: Vec::new(),
        }
    }

    /// Counts one vector carrying `flags` (none: `(no flags)`) and whether it
    /// was accepted; `(all)` counts every vector.
    pub fn count(&mut self, flags: &[String], accepted: bool) {
        let none = ["(no flags)".to_string()];
        let labels = if flags.is_empty() { &none[..] } else { flags };
        for flag in labels.iter().map(String::as_str).chain(["(all)"]) {
            let row = match self.flags.iter().position(|r| r.flag == flag) {
                Some(i) => &mut self.flags[i],
                None => {
                    self.flags.push(FlagCount {
                        flag: flag.to_string(),
                        ..FlagCount::default()
                    });
                    self.flags.last_mut().expect("just pushed")
                }
            };
            row.total += 1;
            row.accepted += usize::from(accepted);
        }
    }

    /// The row of `flag`, if any vector carried it.
    pub fn get(&self, flag: &str) -> Option<&FlagCount> {
        self.flags.iter().find(|r| r.flag == flag)
    }
}

/// One published vector suite run against one implementation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuiteReport {
    /// The suite (`wycheproof mldsa_65_verify`, `rfc8032 7.1`, `cctv ed25519`).
    pub suite: String,
    /// Where the vectors come from (`C2SP/wycheproof testvectors_v1`).
    pub source: String,
    /// The upstream commit (or version) of the vector file.
    pub commit: String,
    /// Vectors in the suite.
    pub run: usize,
    /// Vectors whose expected outcome the implementation met.
    pub passed: usize,
    /// Test ids of the vectors it did not meet.
    #[serde(default)]
    pub failed_ids: Vec<u64>,
    /// Vectors marked acceptable by the file, or allowed by the declared policy.
    pub acceptable: usize,
    /// Vectors the API cannot take (see `reason`).
    pub not_applicable: usize,
    /// Vectors only checked against the implementation itself (own sign, own verify).
    pub self_consistent: usize,
    /// Why vectors were not applicable, or how they were applied.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The policy that made vectors acceptable (`low-S only (BIP 62/146)`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub policy: String,
    /// Classifications, for suites without expected outcomes (CCTV Ed25519).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classification: Vec<Classification>,
    /// Set when the suite could not run (its data did not load); nothing was counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl SuiteReport {
    /// An empty report of `suite` from `source` at `commit`.
    pub fn new(
        suite: impl Into<String>,
        source: impl Into<String>,
        commit: impl Into<String>,
    ) -> Self {
        SuiteReport {
            suite: suite.into(),
            source: source.into(),
            commit: commit.into(),
            ..SuiteReport::default()
        }
    }

    /// Counts one vector (`id` is its test id, kept when it fails).
    pub fn record(&mut self, id: u64, outcome: Outcome) {
        self.run += 1;
        match outcome {
            Outcome::Pass => self.passed += 1,
            Outcome::Fail => self.failed_ids.push(id),
            Outcome::Acceptable => self.acceptable += 1,
            Outcome::NotApplicable => self.not_applicable += 1,
            Outcome::SelfConsistent => self.self_consistent += 1,
        }
    }

    /// Vectors whose expected outcome was not met.
    pub fn failed(&self) -> usize {
        self.failed_ids.len()
    }

    /// Vectors checked against the file's expected outcome (passed, failed
    /// or acceptable): zero means the suite tested nothing here.
    pub fn judged(&self) -> usize {
        self.passed + self.failed() + self.acceptable
    }

    /// Counts a vector the API cannot take, adding `why` to the reasons.
    pub fn not_applicable(&mut self, id: u64, why: &str) {
        self.record(id, Outcome::NotApplicable);
        self.add_reason(why);
    }

    /// Adds `why` to the reasons (once; reasons are joined by `; `).
    pub fn add_reason(&mut self, why: &str) {
        if why.is_empty() || self.reason.split("; ").any(|r| r == why) {
            return;
        }
        if !self.reason.is_empty() {
            self.reason.push_str("; ");
        }
        self.reason.push_str(why);
    }

    /// Sets the reason vectors were not applicable (or how they were applied).
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = reason.into();
        self
    }

    /// Sets the declared policy.
    pub fn with_policy(mut self, policy: impl Into<String>) -> Self {
        self.policy = policy.into();
        self
    }

    /// The report of a suite that could not run.
    pub fn failed_to_run(suite: impl Into<String>, error: impl std::fmt::Display) -> Self {
        SuiteReport {
            suite: suite.into(),
            error: Some(error.to_string()),
            ..SuiteReport::default()
        }
    }
}

/// What the suites of one implementation add up to.
///
/// Written as `conformant`, `deviations: N` or `untested` (the `conformance`
/// field of a measurement record, and every table that shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Verdict {
    /// At least one vector was judged and every judged vector met its
    /// expected outcome.
    Conformant,
    /// This many vectors did not meet their expected outcome.
    Deviations(usize),
    /// No published vector was judged (no suite attached, or none applicable).
    Untested,
}

impl Verdict {
    /// The verdict of an implementation's suite reports: deviations when any
    /// vector failed; conformant when some vector was judged, none failed
    /// and every suite ran; untested otherwise.
    pub fn of(reports: &[SuiteReport]) -> Verdict {
        let failed: usize = reports.iter().map(SuiteReport::failed).sum();
        let judged: usize = reports.iter().map(SuiteReport::judged).sum();
        let errored = reports.iter().any(|r| r.error.is_some());
        if failed > 0 {
            Verdict::Deviations(failed)
        } else if judged > 0 && !errored {
            Verdict::Conformant
        } else {
            Verdict::Untested
        }
    }

    /// True for [`Verdict::Deviations`].
    pub fn deviates(self) -> bool {
        matches!(self, Verdict::Deviations(_))
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Conformant => f.write_str("conformant"),
            Verdict::Deviations(n) => write!(f, "deviations: {n}"),
            Verdict::Untested => f.write_str("untested"),
        }
    }
}

impl From<Verdict> for String {
    fn from(v: Verdict) -> String {
        v.to_string()
    }
}

impl TryFrom<String> for Verdict {
    type Error = String;

    fn try_from(text: String) -> Result<Verdict, String> {
        match text.trim() {
            "conformant" => Ok(Verdict::Conformant),
            "untested" => Ok(Verdict::Untested),
            other => other
                .strip_prefix("deviations:")
                .and_then(|n| n.trim().parse().ok())
                .map(Verdict::Deviations)
                .ok_or_else(|| {
                    format!(
                        "unknown conformance verdict `{other}` (expected `conformant`, \
                         `deviations: N` or `untested`)"
                    )
                }),
        }
    }
}

/// A suite runner: returns the report, or the error that kept the suite from
/// running (its embedded data did not parse).
type RunSuite = dyn Fn() -> crate::Result<SuiteReport> + Send + Sync;

/// A published vector suite bound to the typed scheme `T` it runs against.
///
/// The type parameter makes a wrong listing a compile error: a scheme
/// crate's runners return `VectorSuite<S>` for the `S` they were
/// instantiated with, and a catalog's `with_suite` takes only suites of the
/// scheme being listed.
pub struct VectorSuite<T: ?Sized> {
    name: &'static str,
    run: Box<RunSuite>,
    _scheme: PhantomData<fn() -> T>,
}

impl<T: ?Sized> VectorSuite<T> {
    /// A suite named `name` whose runner is `run`.
    pub fn new(
        name: &'static str,
        run: impl Fn() -> crate::Result<SuiteReport> + Send + Sync + 'static,
    ) -> Self {
        VectorSuite {
            name,
            run: Box::new(run),
            _scheme: PhantomData,
        }
    }

    /// The suite's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Runs the suite; a runner that could not load its data gives a report
    /// carrying the error.
    pub fn run(&self) -> SuiteReport {
        (self.run)().unwrap_or_else(|e| SuiteReport::failed_to_run(self.name, e))
    }
}

impl<T: ?Sized> std::fmt::Debug for VectorSuite<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VectorSuite")
            .field("name", &self.name)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert_eq!(Verdict::of(&[]), Verdict::Untested);
        let mut r = SuiteReport::new("s", "src", "c");
        r.record(1, Outcome::NotApplicable);
        r.record(2, Outcome::SelfConsistent);
        assert_eq!(
            Verdict::of(std::slice::from_ref(&r)),
            Verdict::Untested,
            "nothing judged"
        );
        r.record(3, Outcome::Acceptable);
        assert_eq!(Verdict::of(std::slice::from_ref(&r)), Verdict::Conformant);
        let broken = SuiteReport::failed_to_run("t", "bad json");
        assert_eq!(Verdict::of(&[r.clone(), broken]), Verdict::Untested);
        r.record(4, Outcome::Fail);
        r.record(5, Outcome::Fail);
        assert_eq!(Verdict::of(&[r]), Verdict::Deviations(2));
    }

    #[test]
    fn verdict_text_round_trips() {
        for v in [
            Verdict::Conformant,
            Verdict::Deviations(110),
            Verdict::Untested,
        ] {
            let json = serde_json_like(&v);
            assert_eq!(Verdict::try_from(json).expect("parses"), v);
        }
        assert_eq!(Verdict::Deviations(3).to_string(), "deviations: 3");
        let err = Verdict::try_from("maybe".to_string()).expect_err("unknown");
        assert!(err.contains("`maybe`"), "{err}");
    }

    fn serde_json_like(v: &Verdict) -> String {
        String::from(*v)
    }

    #[test]
    fn classification_counts_flags_and_all() {
        let mut c = Classification::new("verify");
        c.count(&["low_order_A".into(), "non_canonical_R".into()], false);
        c.count(&[], true);
        c.count(&["low_order_A".into()], true);
        assert_eq!(c.get("(all)").map(|r| (r.total, r.accepted)), Some((3, 2)));
        assert_eq!(
            c.get("low_order_A").map(|r| (r.total, r.accepted)),
            Some((2, 1))
        );
        assert_eq!(c.get("(no flags)").map(|r| r.total), Some(1));
        assert!(c.get("low_order_R").is_none());
    }
}
