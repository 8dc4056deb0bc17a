//! The ledgerbench harness: registry, measurement engine, statistics,
//! provenance, the results model and the workload engine.
//!
//! The plug-in interface — typed traits, INFO, errors, RNG, encodings and the
//! conformance kit — is the `ledgerbench-core` crate, re-exported here under
//! the same paths. Registering a typed scheme produces a `&'static dyn`
//! [`DynScheme`] entry whose timed loops stay monomorphic; a scheme crate's
//! [`Catalog`](ledgerbench_core::Catalog) becomes entries through
//! [`entries_of`].

/// Insecure toy schemes for tests (the `testing` feature).
#[cfg(any(test, feature = "testing"))]
pub use ledgerbench_core::testing;
pub use ledgerbench_core::{conformance, encoding, error, info, rng, scheme};

pub use ledgerbench_core::{
    Aggregate, BatchVerify, BatchVerifyProofs, BenchRng, Catalog, CircuitSize, Error, Family,
    GateReport, HashFn, Implementation, Kem, NamedSize, ProofSystem, RepresentativeSigning,
    Rerandomize, Result, SchemeInfo, Security, SignatureScheme, SigningSet, Size, StatementSize,
    bench_rng,
};

pub mod advisor;
pub mod alloc;
pub mod ct;
pub mod dynamic;
pub mod engine;
pub mod plan;
pub mod provenance;
pub mod registry;
pub mod results;
pub mod runner;
pub mod stats;
pub mod timer;
pub mod workload;

pub use dynamic::{DynScheme, Entry, Op, Params, Prepared, entries_of};
pub use registry::Registry;
