//! The object-safe runtime layer generated from the typed traits.
//!
//! Registration wraps a typed scheme in an entry ([`SigEntry`], [`KemEntry`],
//! [`HashEntry`]) that implements [`DynScheme`]. The harness only ever sees
//! `&'static dyn DynScheme`, but each [`Prepared::run`] call executes a
//! monomorphic loop of `iters` operations: one dynamic call per sample, none
//! per iteration.

mod catalog;
pub mod ct;
mod hash;
mod kem;
pub mod kit;
mod signature;
mod zk;

pub use catalog::{EntryList, entries_of};
pub use hash::HashEntry;
pub use kem::KemEntry;
pub use signature::SigEntry;
pub use zk::ZkEntry;

use serde::{Deserialize, Serialize};

use crate::{GateReport, Result, SchemeInfo};

/// A registered scheme, as the registry holds it.
pub type Entry = &'static dyn DynScheme;

/// An operation the harness can time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Op {
    /// Key pair generation.
    Keygen,
    /// Signing one message.
    Sign,
    /// Signing each message of a representative set in turn (variable-time signers).
    SignSet,
    /// Verifying one signature.
    Verify,
    /// Verifying `batch` signatures with the scheme's batch verification.
    VerifyBatch,
    /// Verifying `batch` signatures one by one on the rayon pool.
    VerifyPar,
    /// Aggregating `batch` signatures.
    Aggregate,
    /// Aggregating `batch` public keys.
    AggregateKeys,
    /// Verifying an aggregate of `batch` signatures on distinct messages.
    VerifyAggregate,
    /// Producing a proof of possession.
    PopProve,
    /// Checking a proof of possession.
    PopVerify,
    /// KEM encapsulation.
    Encaps,
    /// KEM decapsulation.
    Decaps,
    /// Hashing one message.
    Digest,
    /// Proof-system setup (keys for a circuit).
    Setup,
    /// Producing a proof.
    Prove,
}

/// Which parameter an operation is swept over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// No parameter.
    None,
    /// Message length in bytes (`--msg-len`).
    MsgLen,
    /// Number of signatures/keys per operation.
    Batch,
    /// A named representative input set.
    Set,
    /// A size parameter of the statement (circuit depth, log2 constraints, outputs).
    Size,
}

impl Op {
    /// Every operation, in display order.
    pub const ALL: [Op; 16] = [
        Op::Keygen,
        Op::Sign,
        Op::SignSet,
        Op::Verify,
        Op::VerifyBatch,
        Op::VerifyPar,
        Op::Aggregate,
        Op::AggregateKeys,
        Op::VerifyAggregate,
        Op::PopProve,
        Op::PopVerify,
        Op::Encaps,
        Op::Decaps,
        Op::Digest,
        Op::Setup,
        Op::Prove,
    ];

    /// The name used on the command line and in result files.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Keygen => "keygen",
            Op::Sign => "sign",
            Op::SignSet => "sign-set",
            Op::Verify => "verify",
            Op::VerifyBatch => "verify-batch",
            Op::VerifyPar => "verify-par",
            Op::Aggregate => "aggregate",
            Op::AggregateKeys => "aggregate-keys",
            Op::VerifyAggregate => "verify-aggregate",
            Op::PopProve => "pop-prove",
            Op::PopVerify => "pop-verify",
            Op::Encaps => "encaps",
            Op::Decaps => "decaps",
            Op::Digest => "digest",
            Op::Setup => "setup",
            Op::Prove => "prove",
        }
    }

    /// Parses an operation name.
    pub fn parse(name: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.as_str() == name)
    }

    /// The parameter this operation is swept over.
    pub fn axis(self) -> Axis {
        match self {
            Op::Sign | Op::Verify | Op::Digest => Axis::MsgLen,
            Op::VerifyBatch
            | Op::VerifyPar
            | Op::Aggregate
            | Op::AggregateKeys
            | Op::VerifyAggregate => Axis::Batch,
            Op::SignSet => Axis::Set,
            Op::Setup | Op::Prove => Axis::Size,
            _ => Axis::None,
        }
    }
}

impl std::fmt::Display for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The parameters of one measurement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Params {
    /// Message length in bytes (sign, verify, digest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg_len: Option<usize>,
    /// Items per operation (batch verification, aggregation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<usize>,
    /// Statement size (Merkle depth, log2 of constraints, number of outputs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
    /// Representative input set label (`sign-set`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<String>,
}

impl Params {
    /// The message length, defaulting to 32 bytes.
    pub fn msg_len(&self) -> usize {
        self.msg_len.unwrap_or(32)
    }

    /// The batch size, defaulting to 64.
    pub fn batch(&self) -> usize {
        self.batch.unwrap_or(64).max(1)
    }

    /// A compact, stable rendering (`msg_len=32`), empty when no parameter is set.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.msg_len {
            parts.push(format!("msg_len={l}"));
        }
        if let Some(b) = self.batch {
            parts.push(format!("batch={b}"));
        }
        if let Some(n) = self.size {
            parts.push(format!("size={n}"));
        }
        if let Some(s) = &self.set {
            parts.push(format!("set={s}"));
        }
        parts.join(",")
    }
}

/// A scheme as the harness sees it at run time.
pub trait DynScheme: Send + Sync {
    /// The scheme's static description.
    fn info(&self) -> &'static SchemeInfo;

    /// The scheme id, `name/impl`.
    fn id(&self) -> String {
        self.info().id()
    }

    /// The operations this entry can time.
    fn ops(&self) -> Vec<Op>;

    /// The parameter `op` is swept over for this scheme (ZK entries sweep
    /// `verify` over statement size rather than message length).
    fn axis(&self, op: Op) -> Axis {
        op.axis()
    }

    /// Default values of the size parameter for a suite (ZK statements);
    /// empty when the scheme has none. `full` selects the larger sweep.
    fn size_params(&self, _full: bool) -> Vec<usize> {
        Vec::new()
    }

    /// Labels of the representative input sets (`sign-set`); loading them may fail.
    fn sets(&self) -> Result<Vec<&'static str>> {
        Ok(Vec::new())
    }

    /// True when `op` takes a time that depends on its input or randomness
    /// (rejection sampling, proving): its figures lead with the mean, which
    /// is what throughput is; the median otherwise.
    fn variable_time(&self, _op: Op) -> bool {
        false
    }

    /// True for slow variants the quick suite leaves out unless named.
    fn full_suite_only(&self) -> bool {
        false
    }

    /// Signature operations over encodings, for workloads (signature schemes).
    fn sig_kit(&self) -> Option<&dyn kit::SigKit> {
        None
    }

    /// KEM operations over encodings, for workloads (KEMs).
    fn kem_kit(&self) -> Option<&dyn kit::KemKit> {
        None
    }

    /// Hashing, for workloads (hash functions).
    fn hash_kit(&self) -> Option<&dyn kit::HashKit> {
        None
    }

    /// Proof operations, for workloads (proof systems).
    fn zk_kit(&self) -> Option<&dyn kit::ZkKit> {
        None
    }

    /// The screens of secret-dependent operations `ledgerbench ct` runs (see [`ct`]).
    fn ct_cases(&self) -> Vec<ct::CtCase> {
        Vec::new()
    }

    /// Fixed and random input classes for one screen ([`ct::CtTarget`]);
    /// `Unsupported` when it cannot be run (the reason says why).
    fn ct_target(&self, case: ct::CtCase, _seed: u64) -> Result<Box<dyn ct::CtTarget>> {
        Err(crate::Error::Unsupported(case.to_string()))
    }

    /// Runs the correctness gate with inputs drawn from `seed`.
    fn gate(&self, seed: u64) -> GateReport;

    /// Names of the published vector suites attached to this entry.
    fn suites(&self) -> Vec<&'static str> {
        Vec::new()
    }

    /// Runs every attached vector suite (`ledgerbench conformance`; the
    /// [`Verdict`](crate::conformance::Verdict) of the reports goes with
    /// every measurement record). Empty when none is attached.
    fn conformance(&self) -> Vec<crate::conformance::SuiteReport> {
        Vec::new()
    }

    /// Generates keys and inputs for timing `op` (outside the timed region).
    fn prepare(&self, op: Op, params: &Params, seed: u64) -> Result<Box<dyn Prepared>>;
}

impl std::fmt::Debug for dyn DynScheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.id())
    }
}

/// Inputs ready for timing one operation.
pub trait Prepared: Send {
    /// Performs the operation `iters` times in a monomorphic loop.
    fn run(&mut self, iters: u64) -> Result<()>;

    /// Encoded sizes of the objects actually produced (`pk`, `sig`, `ct`...).
    fn sizes(&self) -> Vec<(&'static str, usize)>;

    /// Items handled per operation (the batch size for batch operations, else 1).
    fn items_per_op(&self) -> usize {
        1
    }

    /// Operations in one pass over a representative input set: the engine
    /// then takes whole passes, so the mean is over the set as published.
    fn pass_len(&self) -> Option<usize> {
        None
    }
}
