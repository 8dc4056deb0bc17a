//! Runtime entry for signature schemes, with optional batch verification,
//! aggregation and representative signing sets.

mod encoded;
mod timed;

pub use timed::SigState;

use super::kit::SigKit;
use super::{Entry, Op, Params, Prepared};
use crate::conformance::{self, Depth, SuiteReport, VectorSuite};
use crate::{
    Aggregate, BatchVerify, DynScheme, GateReport, RepresentativeSigning, Result, SchemeInfo,
    SignatureScheme, SigningSet,
};

/// A loop timing one operation of a capability (batch, aggregate...).
type RunFn<S> = fn(&mut SigState<S>, u64) -> Result<()>;
/// Extra gate checks of a capability (from the conformance kit).
type GateFn = fn(u64) -> GateReport;
/// Loads representative signing sets.
type SetsFn<S> = fn() -> Result<Vec<SigningSet<S>>>;

/// An optional capability: the ops it adds, their loop, and its gate checks.
struct Capability<S: SignatureScheme> {
    ops: &'static [Op],
    prepare: fn(&mut SigState<S>) -> Result<()>,
    run: RunFn<S>,
    gate: GateFn,
}

/// Batch verification over encodings.
type BatchEncodedFn = fn(&[(&[u8], &[u8], &[u8])]) -> Result<()>;
/// Aggregation over encodings.
type AggregateEncodedFn = fn(&[&[u8]]) -> Result<Vec<u8>>;
/// Aggregate verification over encodings.
type VerifyAggregateEncodedFn = fn(&[&[u8]], &[&[u8]], &[u8]) -> Result<()>;
/// Same-message aggregate verification over encodings (keys aggregated first).
type VerifyCommitteeEncodedFn = fn(&[&[u8]], &[u8], &[u8]) -> Result<()>;

/// The runtime entry of a [`SignatureScheme`].
///
/// ```
/// use ledgerbench_core::testing::ToySig; // insecure toy (a dev-dependency feature)
/// use ledgerbench_harness::dynamic::SigEntry;
/// let entry = SigEntry::<ToySig>::new().into_entry();
/// assert!(entry.gate(7).passed());
/// ```
pub struct SigEntry<S: SignatureScheme> {
    capabilities: Vec<Capability<S>>,
    sets: Option<SetsFn<S>>,
    suites: Vec<VectorSuite<S>>,
    full_only: bool,
    batch_encoded: Option<BatchEncodedFn>,
    aggregate_encoded: Option<(AggregateEncodedFn, VerifyAggregateEncodedFn)>,
    committee_encoded: Option<VerifyCommitteeEncodedFn>,
}

impl<S: SignatureScheme> Default for SigEntry<S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: SignatureScheme> SigEntry<S> {
    /// Keygen, sign, verify and the parallel-verify op.
    pub fn new() -> Self {
        SigEntry {
            capabilities: Vec::new(),
            sets: None,
            suites: Vec::new(),
            full_only: false,
            batch_encoded: None,
            aggregate_encoded: None,
            committee_encoded: None,
        }
    }

    /// Adds `verify-batch` (and its gate checks).
    pub fn with_batch(mut self) -> Self
    where
        S: BatchVerify,
    {
        self.capabilities.push(Capability {
            ops: &[Op::VerifyBatch],
            prepare: timed::prepare_many::<S>,
            run: timed::run_batch::<S>,
            gate: conformance::batch::<S>,
        });
        self.batch_encoded = Some(encoded::verify_batch_encoded::<S>);
        self
    }

    /// Adds aggregation and proof-of-possession ops (and their gate checks).
    pub fn with_aggregate(mut self) -> Self
    where
        S: Aggregate,
    {
        self.capabilities.push(Capability {
            ops: &[
                Op::Aggregate,
                Op::AggregateKeys,
                Op::VerifyAggregate,
                Op::PopProve,
                Op::PopVerify,
            ],
            prepare: timed::prepare_aggregate::<S>,
            run: timed::run_aggregate::<S>,
            gate: conformance::aggregate::<S>,
        });
        self.aggregate_encoded = Some((
            encoded::aggregate_encoded::<S>,
            encoded::verify_aggregate_encoded::<S>,
        ));
        self.committee_encoded = Some(encoded::verify_committee_encoded::<S>);
        self
    }

    /// Adds `sign-set` over the scheme's representative signing sets.
    pub fn with_signing_sets(mut self) -> Self
    where
        S: RepresentativeSigning,
    {
        self.sets = Some(S::signing_sets);
        self
    }

    /// Leaves the scheme out of the quick suite unless it is named (slow variants).
    pub fn full_suite_only(mut self) -> Self {
        self.full_only = true;
        self
    }

    /// Attaches a published vector suite (`ledgerbench conformance`).
    pub fn with_suite(mut self, suite: VectorSuite<S>) -> Self {
        self.suites.push(suite);
        self
    }

    /// Leaks the entry into the `'static` form the registry holds (once per
    /// scheme per process).
    pub fn into_entry(self) -> Entry {
        Box::leak(Box::new(self))
    }

    fn capability(&self, op: Op) -> Option<&Capability<S>> {
        self.capabilities.iter().find(|c| c.ops.contains(&op))
    }
}

impl<S: SignatureScheme> DynScheme for SigEntry<S> {
    fn info(&self) -> &'static SchemeInfo {
        &S::INFO
    }

    fn ops(&self) -> Vec<Op> {
        let mut ops = vec![Op::Keygen, Op::Sign, Op::Verify, Op::VerifyPar];
        if self.sets.is_some() {
            ops.push(Op::SignSet);
        }
        for c in &self.capabilities {
            ops.extend_from_slice(c.ops);
        }
        ops
    }

    fn variable_time(&self, op: Op) -> bool {
        match op {
            Op::Keygen => S::VARIABLE_TIME_KEYGEN,
            Op::Sign | Op::SignSet => S::VARIABLE_TIME_SIGN,
            _ => false,
        }
    }

    fn full_suite_only(&self) -> bool {
        self.full_only
    }

    fn sig_kit(&self) -> Option<&dyn SigKit> {
        Some(self)
    }

    fn sets(&self) -> Result<Vec<&'static str>> {
        match self.sets {
            Some(load) => Ok(load()?.iter().map(|s| s.label).collect()),
            None => Ok(Vec::new()),
        }
    }

    fn gate(&self, seed: u64) -> GateReport {
        let mut report = conformance::signature::<S>(seed, Depth::Gate);
        for c in &self.capabilities {
            report.extend((c.gate)(seed));
        }
        if let Some(load) = self.sets {
            report.extend(conformance::signing_sets::<S>(load()));
        }
        report
    }

    fn prepare(&self, op: Op, params: &Params, seed: u64) -> Result<Box<dyn Prepared>> {
        timed::prepare(self, op, params, seed)
    }

    fn suites(&self) -> Vec<&'static str> {
        self.suites.iter().map(VectorSuite::name).collect()
    }

    fn conformance(&self) -> Vec<SuiteReport> {
        self.suites.iter().map(VectorSuite::run).collect()
    }

    fn ct_cases(&self) -> Vec<super::ct::CtCase> {
        super::ct::CtCase::SIGNATURE.to_vec()
    }

    fn ct_target(
        &self,
        case: super::ct::CtCase,
        seed: u64,
    ) -> Result<Box<dyn super::ct::CtTarget>> {
        super::ct::sig_target::<S>(case, seed)
    }
}
