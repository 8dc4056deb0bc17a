//! The ledgerbench harness: plug-in traits, registry, measurement engine,
//! statistics, provenance and the results model.
//!
//! A scheme is a zero-sized type implementing one typed trait
//! ([`SignatureScheme`], [`Kem`], [`HashFn`]). Registering it produces a
//! `&'static dyn` [`DynScheme`] entry whose timed loops stay monomorphic.

pub mod encoding;
pub mod error;
pub mod info;
pub mod rng;
pub mod scheme;
pub mod testing;

pub use error::{Error, Result};
pub use info::{Family, Implementation, NamedSize, SchemeInfo, Security, Size};
pub use rng::{BenchRng, bench_rng};
pub use scheme::{
    Aggregate, BatchVerify, HashFn, Kem, RepresentativeSigning, SignatureScheme, SigningSet,
};
pub use scheme::{BatchVerifyProofs, CircuitSize, ProofSystem, Rerandomize, StatementSize};
pub mod alloc;
pub mod conformance;
pub mod ct;
pub mod dynamic;
pub mod engine;
pub mod registry;
pub mod stats;
pub mod timer;

pub use conformance::GateReport;
pub use dynamic::{DynScheme, Entry, Op, Params, Prepared};
pub use registry::Registry;
pub mod plan;
pub mod provenance;
pub mod results;
pub mod runner;
pub mod workload;
