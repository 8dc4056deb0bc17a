//! Runtime entry for zero-knowledge proof systems: setup, prove and verify
//! swept over the statement size, optional batch verification, and the
//! correctness gate (valid proofs verify; wrong inputs, mutated proofs and
//! unsatisfiable witnesses are rejected).

use std::hint::black_box;
use std::marker::PhantomData;

mod encoded;
mod setup_cache;

use super::kit::ZkKit;
use super::{Axis, Entry, Op, Params, Prepared};
use crate::conformance::{self, ProofFixture};
use crate::scheme::{BatchVerifyProofs, ProofSystem, Rerandomize};
use crate::{BenchRng, DynScheme, Error, GateReport, Result, SchemeInfo, bench_rng};

/// Distinct statements proven (or verified) in turn by the timed loop: proving
/// time depends on the witness, so one witness would not be representative.
const STATEMENTS_PER_RUN: usize = 6;

/// Distinct proofs `verify` cycles through (verification time does not depend
/// on the witness, and every proof costs a full prove to prepare).
const VERIFY_PROOFS: usize = 2;

/// Distinct proofs behind a batch; larger batches repeat them (each copy gets
/// its own random coefficient, so repetition saves the verifier nothing).
const DISTINCT_BATCH_PROOFS: usize = 8;

/// Keys, statements and proofs prepared for one timed operation.
pub struct ZkState<P: ProofSystem> {
    op: Op,
    size: usize,
    keys: setup_cache::Keys<P>,
    statements: Vec<(P::PublicInput, P::Witness)>,
    proofs: Vec<P::Proof>,
    /// Items per batch (`verify-batch`).
    batch: usize,
    rng: BenchRng,
}

/// A loop timing one operation of a capability.
type RunFn<P> = fn(&mut ZkState<P>, u64) -> Result<()>;
/// Extra gate checks of a capability, given keys and proven statements.
type GateFn<P> = fn(&ProofFixture<P>, u64) -> GateReport;

/// An optional capability: the ops it adds, their loop, and its gate checks.
struct Capability<P: ProofSystem> {
    ops: &'static [Op],
    run: RunFn<P>,
    gate: GateFn<P>,
}

/// The runtime entry of a [`ProofSystem`].
///
/// Operations: `setup`, `prove` and `verify`, swept over the statement size
/// (`--size`, see [`StatementSize`](crate::scheme::StatementSize)), plus
/// `verify-batch` (swept over `--batch`, at the gate size) with
/// [`with_batch`](Self::with_batch). `prove` cycles through six random
/// statements (proving time depends on the witness); `verify` through two.
///
/// [`Prepared::sizes`] reports bytes of `proof`, `public` (the encoded public
/// input) and the keys (`pk`, `vk` and/or `params`, see
/// [`ProofSystem::key_sizes`]), and one **count**, not bytes: `constraints`
/// (R1CS) or `rows` (PLONKish table rows).
pub struct ZkEntry<P: ProofSystem> {
    capabilities: Vec<Capability<P>>,
    full_only: bool,
    _p: PhantomData<P>,
}

impl<P: ProofSystem> Default for ZkEntry<P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<P: ProofSystem> ZkEntry<P> {
    /// Setup, prove and verify.
    pub fn new() -> Self {
        ZkEntry {
            capabilities: Vec::new(),
            full_only: false,
            _p: PhantomData,
        }
    }

    /// Adds `verify-batch` (and its gate checks).
    pub fn with_batch(mut self) -> Self
    where
        P: BatchVerifyProofs,
    {
        self.capabilities.push(Capability {
            ops: &[Op::VerifyBatch],
            run: run_batch::<P>,
            gate: conformance::proof_batch::<P>,
        });
        self
    }

    /// Adds the malleability check to the gate: a re-randomized proof
    /// verifies and differs from the original.
    pub fn with_rerandomize(mut self) -> Self
    where
        P: Rerandomize,
    {
        self.capabilities.push(Capability {
            ops: &[],
            run: run_basic::<P>,
            gate: conformance::proof_rerandomize::<P>,
        });
        self
    }

    /// Leaves the scheme out of the quick suite unless it is named (slow circuits).
    pub fn full_suite_only(mut self) -> Self {
        self.full_only = true;
        self
    }

    /// Leaks the entry into the `'static` form the registry holds.
    pub fn into_entry(self) -> Entry {
        Box::leak(Box::new(self))
    }

    fn capability(&self, op: Op) -> Option<&Capability<P>> {
        self.capabilities.iter().find(|c| c.ops.contains(&op))
    }
}

impl<P: ProofSystem> DynScheme for ZkEntry<P> {
    fn info(&self) -> &'static SchemeInfo {
        &P::INFO
    }

    fn ops(&self) -> Vec<Op> {
        let mut ops = vec![Op::Setup, Op::Prove, Op::Verify];
        for c in &self.capabilities {
            ops.extend_from_slice(c.ops);
        }
        ops
    }

    fn axis(&self, op: Op) -> Axis {
        match op {
            Op::Setup | Op::Prove | Op::Verify if P::SIZE.is_swept() => Axis::Size,
            Op::Setup | Op::Prove | Op::Verify => Axis::None,
            other => other.axis(),
        }
    }

    fn size_params(&self, full: bool) -> Vec<usize> {
        if full {
            P::SIZE.full.to_vec()
        } else {
            P::SIZE.quick.to_vec()
        }
    }

    fn variable_time(&self, op: Op) -> bool {
        op == Op::Prove && P::VARIABLE_TIME_PROVE
    }

    fn full_suite_only(&self) -> bool {
        self.full_only
    }

    fn zk_kit(&self) -> Option<&dyn ZkKit> {
        Some(self)
    }

    fn gate(&self, seed: u64) -> GateReport {
        let (mut report, fixture) = conformance::proof::<P>(seed);
        if let Some(fixture) = fixture {
            for c in &self.capabilities {
                report.extend((c.gate)(&fixture, seed));
            }
        }
        report
    }

    fn prepare(&self, op: Op, params: &Params, seed: u64) -> Result<Box<dyn Prepared>> {
        let run: RunFn<P> = match op {
            Op::Setup | Op::Prove | Op::Verify => run_basic::<P>,
            _ => {
                self.capability(op)
                    .ok_or_else(|| Error::Unsupported(op.to_string()))?
                    .run
            }
        };
        let size = params.size.unwrap_or(P::SIZE.gate);
        let mut rng = bench_rng(seed, &format!("{}/{}/{}", P::INFO.id(), op, params.label()));
        let keys = setup_cache::keys::<P>(size, seed)?;
        let statements = (0..STATEMENTS_PER_RUN)
            .map(|_| P::statement(size, &mut rng))
            .collect::<Result<Vec<_>>>()?;
        let mut proofs = Vec::new();
        let batch = params.batch();
        let proven = match op {
            Op::Verify => VERIFY_PROOFS,
            Op::VerifyBatch => batch.min(DISTINCT_BATCH_PROOFS).min(statements.len()),
            // One proof, so `sizes()` reports the proof size for every op.
            _ => 1,
        };
        for (public, witness) in statements.iter().take(proven) {
            let proof = P::prove(&keys.0, public, witness, &mut rng)?;
            P::verify(&keys.1, public, &proof)?;
            proofs.push(proof);
        }
        let state = ZkState::<P> {
            op,
            size,
            keys,
            statements,
            proofs,
            batch,
            rng: bench_rng(seed, &format!("timed/{}", P::INFO.id())),
        };
        Ok(Box::new(ZkPrepared { state, run }))
    }
}

struct ZkPrepared<P: ProofSystem> {
    state: ZkState<P>,
    run: RunFn<P>,
}

impl<P: ProofSystem> Prepared for ZkPrepared<P> {
    fn run(&mut self, iters: u64) -> Result<()> {
        (self.run)(&mut self.state, iters)
    }

    fn sizes(&self) -> Vec<(&'static str, usize)> {
        let st = &self.state;
        let mut sizes = Vec::new();
        if let Some(proof) = st.proofs.first() {
            sizes.push(("proof", P::encode_proof(proof).len()));
        }
        if let Some((public, _)) = st.statements.first() {
            sizes.push(("public", P::encode_public_input(public).len()));
        }
        sizes.extend(P::key_sizes(&st.keys.0, &st.keys.1));
        if let Some(c) = P::circuit_size(&st.keys.0) {
            sizes.push((c.label(), c.count()));
        }
        sizes
    }

    fn items_per_op(&self) -> usize {
        match self.state.op {
            Op::VerifyBatch => self.state.batch,
            _ => 1,
        }
    }
}

fn run_basic<P: ProofSystem>(st: &mut ZkState<P>, iters: u64) -> Result<()> {
    let n = st.statements.len().max(1);
    match st.op {
        Op::Setup => {
            for _ in 0..iters {
                black_box(P::setup(st.size, &mut st.rng)?);
            }
        }
        Op::Prove => {
            let pk = &st.keys.0;
            for i in 0..iters as usize {
                let (public, witness) = &st.statements[i % n];
                black_box(P::prove(
                    pk,
                    black_box(public),
                    black_box(witness),
                    &mut st.rng,
                )?);
            }
        }
        Op::Verify => {
            let vk = &st.keys.1;
            let m = st.proofs.len().max(1);
            for i in 0..iters as usize {
                let public = &st.statements[i % m].0;
                P::verify(vk, black_box(public), black_box(&st.proofs[i % m]))?;
            }
        }
        other => return Err(Error::Unsupported(other.to_string())),
    }
    Ok(())
}

fn run_batch<P: BatchVerifyProofs>(st: &mut ZkState<P>, iters: u64) -> Result<()> {
    let m = st.proofs.len();
    if m == 0 {
        return Err(Error::op("prepare", "no proofs for the batch"));
    }
    let items: Vec<(&P::PublicInput, &P::Proof)> = (0..st.batch)
        .map(|i| (&st.statements[i % m].0, &st.proofs[i % m]))
        .collect();
    for _ in 0..iters {
        P::verify_batch(&st.keys.1, black_box(&items), &mut st.rng)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::flip_bit;
    use crate::testing::{AcceptAllProof, ToyProof};

    #[test]
    fn toy_passes_the_gate() {
        let entry = ZkEntry::<ToyProof>::new().with_batch().into_entry();
        let report = entry.gate(3);
        assert!(report.passed(), "{}", report.describe());
        assert!(report.checks.len() > 10);
    }

    #[test]
    fn ops_axes_and_sizes() {
        let entry = ZkEntry::<ToyProof>::new().with_batch().into_entry();
        assert_eq!(
            entry.ops(),
            vec![Op::Setup, Op::Prove, Op::Verify, Op::VerifyBatch]
        );
        assert_eq!(entry.axis(Op::Verify), Axis::Size);
        assert_eq!(entry.axis(Op::Prove), Axis::Size);
        assert_eq!(entry.axis(Op::VerifyBatch), Axis::Batch);
        assert_eq!(entry.size_params(false), vec![1, 2]);
        assert_eq!(entry.size_params(true), vec![1, 2, 3]);
        assert!(entry.zk_kit().is_some());
    }

    #[test]
    fn prepared_ops_run_and_report_sizes() {
        let entry = ZkEntry::<ToyProof>::new().with_batch().into_entry();
        for op in entry.ops() {
            let params = Params {
                size: Some(2),
                batch: Some(20),
                ..Params::default()
            };
            let mut prepared = entry.prepare(op, &params, 5).expect("prepare");
            prepared.run(13).expect("run");
            let sizes = prepared.sizes();
            assert!(sizes.contains(&("proof", 8)), "{op}: {sizes:?}");
            assert!(sizes.contains(&("public", 8)));
            assert!(sizes.contains(&("constraints", 20)), "{op}: {sizes:?}");
            let per_op = if op == Op::VerifyBatch { 20 } else { 1 };
            assert_eq!(prepared.items_per_op(), per_op);
        }
        // Without a size, the gate size is used.
        let batch = Params {
            batch: Some(3),
            ..Params::default()
        };
        let prepared = entry.prepare(Op::VerifyBatch, &batch, 5).expect("prepare");
        assert!(prepared.sizes().contains(&("constraints", 10)));
        assert!(entry.prepare(Op::Sign, &Params::default(), 1).is_err());
    }

    #[test]
    fn kit_proves_and_verifies_encodings() {
        let entry = ZkEntry::<ToyProof>::new().into_entry();
        let kit = entry.zk_kit().expect("kit");
        let mut rng = bench_rng(1, "kit");
        let prover = kit.new_prover(2, &mut rng).expect("setup");
        let (public, proof) = prover.prove_random(&mut rng).expect("prove");
        assert!(prover.verify_encoded(&public, &proof).is_ok());
        assert!(
            prover
                .verify_encoded(&public, &flip_bit(&proof, 0, 0))
                .is_err()
        );
    }

    #[test]
    fn an_accepting_verifier_fails_the_gate() {
        let entry = ZkEntry::<AcceptAllProof>::new().into_entry();
        let report = entry.gate(1);
        assert!(!report.passed());
        let failed: Vec<&str> = report.failures().map(|c| c.name.as_str()).collect();
        assert!(failed.contains(&"proof for another public input rejected"));
        assert!(failed.contains(&"unsatisfiable witness fails to prove or is rejected"));
        assert_eq!(entry.axis(Op::Prove), Axis::None);
        assert!(entry.size_params(true).is_empty());
    }
}
