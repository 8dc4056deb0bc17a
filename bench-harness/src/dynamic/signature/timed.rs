//! Preparation and timed loops for signature operations: one monomorphic
//! loop per operation, one dynamic call per sample.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::{RunFn, SigEntry};
use crate::conformance::signers;
use crate::dynamic::{Op, Params, Prepared};
use crate::rng::random_bytes;
use crate::{Aggregate, BatchVerify, BenchRng, Error, Result, SignatureScheme, bench_rng};

/// Distinct messages cycled through by `sign`/`verify`, so one lucky or
/// unlucky message does not decide the figure for variable-time signers.
const MESSAGES_PER_RUN: usize = 64;

/// Time spent signing distinct messages before timing starts; past it, fewer
/// than [`MESSAGES_PER_RUN`] are used (at least one).
const PREPARE_BUDGET: Duration = Duration::from_millis(300);

/// Keys, messages and signatures prepared for one timed operation.
pub struct SigState<S: SignatureScheme> {
    pub(super) op: Op,
    keys: Vec<(S::SecretKey, S::PublicKey)>,
    msgs: Vec<Vec<u8>>,
    sigs: Vec<S::Signature>,
    /// An aggregate signature or a proof of possession, for the ops that need one.
    extra_sig: Option<S::Signature>,
    /// Next message to sign or verify (cycles through `msgs`).
    cursor: usize,
    rng: BenchRng,
}

/// Prepares keys, messages and signatures for `op` and returns its timed loop.
pub(super) fn prepare<S: SignatureScheme>(
    entry: &SigEntry<S>,
    op: Op,
    params: &Params,
    seed: u64,
) -> Result<Box<dyn Prepared>> {
    let mut rng = bench_rng(seed, &format!("{}/{}/{}", S::INFO.id(), op, params.label()));
    let mut state = SigState::<S> {
        op,
        keys: Vec::new(),
        msgs: Vec::new(),
        sigs: Vec::new(),
        extra_sig: None,
        cursor: 0,
        rng: bench_rng(seed, &format!("timed/{}", S::INFO.id())),
    };
    let run: RunFn<S> = match op {
        Op::Keygen | Op::Sign | Op::Verify => {
            state.keys.push(S::keygen(&mut rng)?);
            // Slow signers (SLH-DSA "s") get fewer distinct messages.
            let started = Instant::now();
            let wanted = if op == Op::Keygen {
                1
            } else {
                MESSAGES_PER_RUN
            };
            while state.msgs.len() < wanted
                && (state.msgs.is_empty() || started.elapsed() < PREPARE_BUDGET)
            {
                let msg = random_bytes(&mut rng, params.msg_len());
                state.sigs.push(S::sign(&state.keys[0].0, &msg, &mut rng)?);
                state.msgs.push(msg);
            }
            run_basic::<S>
        }
        Op::VerifyPar => {
            fill_many::<S>(&mut state, params.batch(), &mut rng)?;
            run_basic::<S>
        }
        Op::SignSet => {
            let load = entry
                .sets
                .ok_or_else(|| Error::Unsupported(op.to_string()))?;
            let label = params.set.as_deref().unwrap_or_default();
            let set = load()?
                .into_iter()
                .find(|s| s.label == label)
                .ok_or_else(|| Error::Usage(format!("no signing set `{label}`")))?;
            for msg in &set.messages {
                let sig = S::sign(&set.secret_key, msg, &mut rng)?;
                S::verify(&set.public_key, msg, &sig)?;
                state.sigs.push(sig);
            }
            state.keys.push((set.secret_key, set.public_key));
            state.msgs = set.messages;
            run_basic::<S>
        }
        _ => {
            let cap = entry
                .capability(op)
                .ok_or_else(|| Error::Unsupported(op.to_string()))?;
            fill_many::<S>(&mut state, params.batch(), &mut rng)?;
            (cap.prepare)(&mut state)?;
            cap.run
        }
    };
    Ok(Box::new(SigPrepared { state, run }))
}

struct SigPrepared<S: SignatureScheme> {
    state: SigState<S>,
    run: RunFn<S>,
}

impl<S: SignatureScheme> Prepared for SigPrepared<S> {
    fn run(&mut self, iters: u64) -> Result<()> {
        (self.run)(&mut self.state, iters)
    }

    fn sizes(&self) -> Vec<(&'static str, usize)> {
        let mut sizes = Vec::new();
        if let Some((sk, pk)) = self.state.keys.first() {
            sizes.push(("pk", S::encode_public_key(pk).len()));
            sizes.push(("sk", S::encode_secret_key(sk).len()));
        }
        if !self.state.sigs.is_empty() {
            let total: usize = self
                .state
                .sigs
                .iter()
                .map(|s| S::encode_signature(s).len())
                .sum();
            sizes.push(("sig", total.div_ceil(self.state.sigs.len())));
        }
        sizes
    }

    fn pass_len(&self) -> Option<usize> {
        (self.state.op == Op::SignSet).then_some(self.state.msgs.len())
    }

    fn items_per_op(&self) -> usize {
        match self.state.op {
            Op::VerifyBatch
            | Op::VerifyPar
            | Op::Aggregate
            | Op::AggregateKeys
            | Op::VerifyAggregate => self.state.keys.len(),
            _ => 1,
        }
    }
}

/// `n` signers, each signing its own 32-byte message.
fn fill_many<S: SignatureScheme>(
    state: &mut SigState<S>,
    n: usize,
    rng: &mut BenchRng,
) -> Result<()> {
    for s in signers::<S>(n, rng)? {
        state.sigs.push(s.sig);
        state.msgs.push(s.msg);
        state.keys.push((s.sk, s.pk));
    }
    Ok(())
}

/// Batch verification needs nothing beyond the signers.
pub(super) fn prepare_many<S: SignatureScheme>(_state: &mut SigState<S>) -> Result<()> {
    Ok(())
}

fn run_basic<S: SignatureScheme>(st: &mut SigState<S>, iters: u64) -> Result<()> {
    let n = st.msgs.len().max(1);
    match st.op {
        Op::Keygen => {
            for _ in 0..iters {
                black_box(S::keygen(&mut st.rng)?);
            }
        }
        // The cursor persists across calls: with one op per sample, each
        // sample signs the next message, so a pass covers the whole set.
        Op::Sign | Op::SignSet => {
            let sk = &st.keys[0].0;
            for _ in 0..iters {
                black_box(S::sign(sk, black_box(&st.msgs[st.cursor]), &mut st.rng)?);
                st.cursor = if st.cursor + 1 == n { 0 } else { st.cursor + 1 };
            }
        }
        Op::Verify => {
            let pk = &st.keys[0].1;
            for _ in 0..iters {
                let i = st.cursor;
                S::verify(pk, black_box(&st.msgs[i]), black_box(&st.sigs[i]))?;
                st.cursor = if i + 1 == n { 0 } else { i + 1 };
            }
        }
        Op::VerifyPar => {
            for _ in 0..iters {
                st.keys
                    .par_iter()
                    .zip(st.msgs.par_iter())
                    .zip(st.sigs.par_iter())
                    .try_for_each(|(((_, pk), msg), sig)| S::verify(pk, msg, sig))?;
            }
        }
        other => return Err(Error::Unsupported(other.to_string())),
    }
    Ok(())
}

pub(super) fn run_batch<S: BatchVerify>(st: &mut SigState<S>, iters: u64) -> Result<()> {
    let items: Vec<(&S::PublicKey, &[u8], &S::Signature)> = st
        .keys
        .iter()
        .zip(&st.msgs)
        .zip(&st.sigs)
        .map(|(((_, pk), msg), sig)| (pk, msg.as_slice(), sig))
        .collect();
    for _ in 0..iters {
        S::verify_batch(black_box(&items))?;
    }
    Ok(())
}

pub(super) fn prepare_aggregate<S: Aggregate>(st: &mut SigState<S>) -> Result<()> {
    st.extra_sig = Some(match st.op {
        Op::VerifyAggregate => S::aggregate_signatures(&st.sigs.iter().collect::<Vec<_>>())?,
        _ => S::prove_possession(&st.keys[0].0, &st.keys[0].1)?,
    });
    Ok(())
}

pub(super) fn run_aggregate<S: Aggregate>(st: &mut SigState<S>, iters: u64) -> Result<()> {
    let pks: Vec<&S::PublicKey> = st.keys.iter().map(|(_, pk)| pk).collect();
    let sigs: Vec<&S::Signature> = st.sigs.iter().collect();
    let msgs: Vec<&[u8]> = st.msgs.iter().map(Vec::as_slice).collect();
    let extra = st
        .extra_sig
        .as_ref()
        .ok_or_else(|| Error::op("prepare", "missing aggregate"))?;
    let (sk0, pk0) = &st.keys[0];
    for _ in 0..iters {
        match st.op {
            Op::Aggregate => drop(black_box(S::aggregate_signatures(black_box(&sigs))?)),
            Op::AggregateKeys => drop(black_box(S::aggregate_public_keys(black_box(&pks))?)),
            Op::VerifyAggregate => S::verify_aggregate(&pks, &msgs, black_box(extra))?,
            Op::PopProve => drop(black_box(S::prove_possession(sk0, pk0)?)),
            Op::PopVerify => S::verify_possession(pk0, black_box(extra))?,
            other => return Err(Error::Unsupported(other.to_string())),
        }
    }
    Ok(())
}
