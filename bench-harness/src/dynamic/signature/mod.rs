//! Runtime entry for signature schemes, with optional batch verification,
//! aggregation and representative signing sets.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::kit::{SigKit, Signer};
use super::{Entry, Op, Params, Prepared};
use crate::gate::{flip_bit, size_matches, tamper_positions};
use crate::rng::random_bytes;
use crate::{
    Aggregate, BatchVerify, BenchRng, DynScheme, Error, GateReport, RepresentativeSigning, Result,
    SchemeInfo, SignatureScheme, SigningSet, bench_rng,
};

/// Distinct messages cycled through by `sign`/`verify`, so one lucky or
/// unlucky message does not decide the figure for variable-time signers.
const MESSAGES_PER_RUN: usize = 64;

/// Time spent signing distinct messages before timing starts; past it, fewer
/// than [`MESSAGES_PER_RUN`] are used (at least one).
const PREPARE_BUDGET: Duration = Duration::from_millis(300);

/// Keys, messages and signatures prepared for one timed operation.
pub struct SigState<S: SignatureScheme> {
    op: Op,
    keys: Vec<(S::SecretKey, S::PublicKey)>,
    msgs: Vec<Vec<u8>>,
    sigs: Vec<S::Signature>,
    /// An aggregate signature or a proof of possession, for the ops that need one.
    extra_sig: Option<S::Signature>,
    /// Next message to sign or verify (cycles through `msgs`).
    cursor: usize,
    rng: BenchRng,
}

/// A loop timing one operation of a capability (batch, aggregate...).
type RunFn<S> = fn(&mut SigState<S>, u64) -> Result<()>;
/// Extra gate checks of a capability.
type GateFn = fn(&mut BenchRng, &mut GateReport);
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

/// The runtime entry of a [`SignatureScheme`].
///
/// ```
/// use ledgerbench_harness::{dynamic::SigEntry, testing::ToySig};
/// let entry = SigEntry::<ToySig>::new().into_entry();
/// assert!(entry.gate(7).passed());
/// ```
pub struct SigEntry<S: SignatureScheme> {
    capabilities: Vec<Capability<S>>,
    sets: Option<SetsFn<S>>,
    full_only: bool,
    batch_encoded: Option<BatchEncodedFn>,
    aggregate_encoded: Option<(AggregateEncodedFn, VerifyAggregateEncodedFn)>,
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
            full_only: false,
            batch_encoded: None,
            aggregate_encoded: None,
        }
    }

    /// Adds `verify-batch` (and its gate checks).
    pub fn with_batch(mut self) -> Self
    where
        S: BatchVerify,
    {
        self.capabilities.push(Capability {
            ops: &[Op::VerifyBatch],
            prepare: prepare_many::<S>,
            run: run_batch::<S>,
            gate: gate_batch::<S>,
        });
        self.batch_encoded = Some(verify_batch_encoded::<S>);
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
            prepare: prepare_aggregate::<S>,
            run: run_aggregate::<S>,
            gate: gate_aggregate::<S>,
        });
        self.aggregate_encoded = Some((aggregate_encoded::<S>, verify_aggregate_encoded::<S>));
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
        let mut rng = bench_rng(seed, &format!("gate/{}", S::INFO.id()));
        let mut report = GateReport::default();
        gate_basic::<S>(&mut rng, &mut report);
        for c in &self.capabilities {
            (c.gate)(&mut rng, &mut report);
        }
        if let Some(load) = self.sets {
            gate_sets::<S>(load, &mut report);
        }
        report
    }

    fn prepare(&self, op: Op, params: &Params, seed: u64) -> Result<Box<dyn Prepared>> {
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
                let load = self
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
                let cap = self
                    .capability(op)
                    .ok_or_else(|| Error::Unsupported(op.to_string()))?;
                fill_many::<S>(&mut state, params.batch(), &mut rng)?;
                (cap.prepare)(&mut state)?;
                cap.run
            }
        };
        Ok(Box::new(SigPrepared { state, run }))
    }
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
    for _ in 0..n {
        let (sk, pk) = S::keygen(rng)?;
        let msg = random_bytes(rng, 32);
        state.sigs.push(S::sign(&sk, &msg, rng)?);
        state.msgs.push(msg);
        state.keys.push((sk, pk));
    }
    Ok(())
}

fn prepare_many<S: SignatureScheme>(_state: &mut SigState<S>) -> Result<()> {
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

fn run_batch<S: BatchVerify>(st: &mut SigState<S>, iters: u64) -> Result<()> {
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

fn prepare_aggregate<S: Aggregate>(st: &mut SigState<S>) -> Result<()> {
    st.extra_sig = Some(match st.op {
        Op::VerifyAggregate => S::aggregate_signatures(&st.sigs.iter().collect::<Vec<_>>())?,
        _ => S::prove_possession(&st.keys[0].0, &st.keys[0].1)?,
    });
    Ok(())
}

fn run_aggregate<S: Aggregate>(st: &mut SigState<S>, iters: u64) -> Result<()> {
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

/// Sign → verify, encodings, sizes, determinism, and every tampering rejected.
fn gate_basic<S: SignatureScheme>(rng: &mut BenchRng, report: &mut GateReport) {
    let keys = S::keygen(rng);
    report.expect_ok("keygen", &keys);
    let Ok((sk, pk)) = keys else { return };
    let msg = random_bytes(rng, 32);
    let sig = S::sign(&sk, &msg, rng);
    report.expect_ok("sign", &sig);
    let Ok(sig) = sig else { return };
    report.expect_ok("valid signature accepted", &S::verify(&pk, &msg, &sig));
    report.expect_ok(
        "empty message signs and verifies",
        &S::sign(&sk, b"", rng).and_then(|s| S::verify(&pk, b"", &s)),
    );

    let pk_bytes = S::encode_public_key(&pk);
    let sig_bytes = S::encode_signature(&sig);
    let sk_len = S::encode_secret_key(&sk).len();
    let info = &S::INFO;
    for (object, len) in [
        ("pk", pk_bytes.len()),
        ("sk", sk_len),
        ("sig", sig_bytes.len()),
    ] {
        report.expect(
            format!("{object} size matches INFO"),
            size_matches(info.size(object), len),
            format!("observed {len} bytes, INFO says {:?}", info.size(object)),
        );
    }
    let roundtrip = S::decode_public_key(&pk_bytes)
        .and_then(|pk2| S::decode_signature(&sig_bytes).map(|s2| (pk2, s2)))
        .and_then(|(pk2, s2)| S::verify(&pk2, &msg, &s2));
    report.expect_ok("decoded key and signature verify", &roundtrip);

    if info.deterministic {
        let again = S::sign(&sk, &msg, rng).map(|s| S::encode_signature(&s));
        report.expect(
            "deterministic signing repeats",
            again.as_ref().is_ok_and(|b| *b == sig_bytes),
            "INFO claims deterministic, but two signatures differ",
        );
    }

    let tampered_msg = flip_bit(&msg, 0, 0);
    report.expect_rejected(
        "tampered message rejected",
        S::verify(&pk, &tampered_msg, &sig),
    );
    for (where_, i) in tamper_positions(sig_bytes.len()) {
        let bad = flip_bit(&sig_bytes, i, 0);
        let verdict = S::decode_signature(&bad).and_then(|s| S::verify(&pk, &msg, &s));
        report.expect_rejected(
            format!("signature with {where_} byte flipped rejected"),
            verdict,
        );
    }
    for (where_, i) in tamper_positions(pk_bytes.len()) {
        let bad = flip_bit(&pk_bytes, i, 0);
        let verdict = S::decode_public_key(&bad).and_then(|p| S::verify(&p, &msg, &sig));
        report.expect_rejected(
            format!("public key with {where_} byte flipped rejected"),
            verdict,
        );
    }
    let other = S::keygen(rng).and_then(|(_, other_pk)| S::verify(&other_pk, &msg, &sig));
    report.expect_rejected("signature under another key rejected", other);
    report.expect_rejected(
        "truncated signature rejected",
        S::decode_signature(&sig_bytes[..sig_bytes.len() / 2])
            .and_then(|s| S::verify(&pk, &msg, &s)),
    );
}

fn gate_batch<S: BatchVerify>(rng: &mut BenchRng, report: &mut GateReport) {
    let mut st = SigState::<S> {
        op: Op::VerifyBatch,
        keys: Vec::new(),
        msgs: Vec::new(),
        sigs: Vec::new(),
        extra_sig: None,
        cursor: 0,
        rng: rng.clone(),
    };
    if let Err(e) = fill_many::<S>(&mut st, 8, rng) {
        report.expect("batch inputs", false, e.to_string());
        return;
    }
    let mut items: Vec<(&S::PublicKey, &[u8], &S::Signature)> = st
        .keys
        .iter()
        .zip(&st.msgs)
        .zip(&st.sigs)
        .map(|(((_, pk), msg), sig)| (pk, msg.as_slice(), sig))
        .collect();
    report.expect_ok("valid batch accepted", &S::verify_batch(&items));
    let swapped = st.msgs[1].clone();
    items[0].1 = &swapped;
    report.expect_rejected(
        "batch with one wrong message rejected",
        S::verify_batch(&items),
    );
}

fn gate_aggregate<S: Aggregate>(rng: &mut BenchRng, report: &mut GateReport) {
    let mut st = SigState::<S> {
        op: Op::VerifyAggregate,
        keys: Vec::new(),
        msgs: Vec::new(),
        sigs: Vec::new(),
        extra_sig: None,
        cursor: 0,
        rng: rng.clone(),
    };
    if let Err(e) = fill_many::<S>(&mut st, 4, rng) {
        report.expect("aggregate inputs", false, e.to_string());
        return;
    }
    let pks: Vec<&S::PublicKey> = st.keys.iter().map(|(_, pk)| pk).collect();
    let mut msgs: Vec<&[u8]> = st.msgs.iter().map(Vec::as_slice).collect();
    let agg = S::aggregate_signatures(&st.sigs.iter().collect::<Vec<_>>());
    report.expect_ok("aggregate", &agg);
    let Ok(agg) = agg else { return };
    report.expect_ok(
        "aggregate signature accepted",
        &S::verify_aggregate(&pks, &msgs, &agg),
    );
    msgs.swap(0, 1);
    report.expect_rejected(
        "aggregate with swapped messages rejected",
        S::verify_aggregate(&pks, &msgs, &agg),
    );

    // Same message signed by every key, checked against the aggregate key.
    let msg = b"one message, many signers";
    let same: Result<Vec<S::Signature>> = st
        .keys
        .iter()
        .map(|(sk, _)| S::sign(sk, msg, rng))
        .collect();
    let fast = same.and_then(|sigs| {
        let agg_sig = S::aggregate_signatures(&sigs.iter().collect::<Vec<_>>())?;
        let agg_pk = S::aggregate_public_keys(&pks)?;
        S::verify(&agg_pk, msg, &agg_sig)
    });
    report.expect_ok("aggregate key verifies same-message aggregate", &fast);

    let (sk0, pk0) = &st.keys[0];
    let pop = S::prove_possession(sk0, pk0);
    report.expect_ok(
        "proof of possession accepted",
        &pop.as_ref()
            .map_err(|e| Error::op("pop", e))
            .and_then(|p| S::verify_possession(pk0, p)),
    );
    if let Ok(pop) = pop {
        report.expect_rejected(
            "proof of possession for another key rejected",
            S::verify_possession(&st.keys[1].1, &pop),
        );
    }
}

fn gate_sets<S: SignatureScheme>(load: SetsFn<S>, report: &mut GateReport) {
    match load() {
        Ok(sets) => {
            for set in sets {
                let mut rng = bench_rng(0, set.label);
                let bad = set
                    .messages
                    .iter()
                    .filter(|m| {
                        S::sign(&set.secret_key, m, &mut rng)
                            .and_then(|s| S::verify(&set.public_key, m, &s))
                            .is_err()
                    })
                    .count();
                report.expect(
                    format!(
                        "signing set `{}` signs and verifies ({} messages)",
                        set.label,
                        set.messages.len()
                    ),
                    bad == 0 && !set.messages.is_empty(),
                    format!("{bad} of {} failed", set.messages.len()),
                );
            }
        }
        Err(e) => report.expect("signing sets load", false, e.to_string()),
    }
}

/// A typed key pair behind the [`Signer`] interface.
struct TypedSigner<S: SignatureScheme> {
    sk: S::SecretKey,
    pk: Vec<u8>,
}

impl<S: SignatureScheme> Signer for TypedSigner<S> {
    fn public_key(&self) -> &[u8] {
        &self.pk
    }

    fn sign(&self, msg: &[u8], rng: &mut BenchRng) -> Result<Vec<u8>> {
        S::sign(&self.sk, msg, rng).map(|s| S::encode_signature(&s))
    }
}

impl<S: SignatureScheme> SigKit for SigEntry<S> {
    fn new_signer(&self, rng: &mut BenchRng) -> Result<Box<dyn Signer>> {
        let (sk, pk) = S::keygen(rng)?;
        Ok(Box::new(TypedSigner::<S> {
            pk: S::encode_public_key(&pk),
            sk,
        }))
    }

    fn verify_encoded(&self, pk: &[u8], msg: &[u8], sig: &[u8]) -> Result<()> {
        S::verify(&S::decode_public_key(pk)?, msg, &S::decode_signature(sig)?)
    }

    fn verify_batch_encoded(&self, items: &[(&[u8], &[u8], &[u8])]) -> Option<Result<()>> {
        self.batch_encoded.map(|f| f(items))
    }

    fn aggregate_encoded(&self, sigs: &[&[u8]]) -> Option<Result<Vec<u8>>> {
        self.aggregate_encoded.map(|(f, _)| f(sigs))
    }

    fn verify_aggregate_encoded(
        &self,
        pks: &[&[u8]],
        msgs: &[&[u8]],
        sig: &[u8],
    ) -> Option<Result<()>> {
        self.aggregate_encoded.map(|(_, f)| f(pks, msgs, sig))
    }
}

fn decode_all<S: SignatureScheme>(pks: &[&[u8]]) -> Result<Vec<S::PublicKey>> {
    pks.iter().map(|pk| S::decode_public_key(pk)).collect()
}

fn verify_batch_encoded<S: BatchVerify>(items: &[(&[u8], &[u8], &[u8])]) -> Result<()> {
    let pks = decode_all::<S>(&items.iter().map(|i| i.0).collect::<Vec<_>>())?;
    let sigs: Vec<S::Signature> = items
        .iter()
        .map(|i| S::decode_signature(i.2))
        .collect::<Result<_>>()?;
    let typed: Vec<(&S::PublicKey, &[u8], &S::Signature)> = pks
        .iter()
        .zip(items)
        .zip(&sigs)
        .map(|((pk, item), sig)| (pk, item.1, sig))
        .collect();
    S::verify_batch(&typed)
}

fn aggregate_encoded<S: Aggregate>(sigs: &[&[u8]]) -> Result<Vec<u8>> {
    let decoded: Vec<S::Signature> = sigs
        .iter()
        .map(|s| S::decode_signature(s))
        .collect::<Result<_>>()?;
    S::aggregate_signatures(&decoded.iter().collect::<Vec<_>>()).map(|s| S::encode_signature(&s))
}

fn verify_aggregate_encoded<S: Aggregate>(pks: &[&[u8]], msgs: &[&[u8]], sig: &[u8]) -> Result<()> {
    let pks = decode_all::<S>(pks)?;
    S::verify_aggregate(
        &pks.iter().collect::<Vec<_>>(),
        msgs,
        &S::decode_signature(sig)?,
    )
}
