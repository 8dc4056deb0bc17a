//! The ledgerbench plug-in interface: what a scheme crate implements and
//! checks itself against, and nothing else.
//!
//! A scheme is a zero-sized type implementing one typed trait
//! ([`SignatureScheme`], [`Kem`], [`HashFn`], [`ProofSystem`]) with its
//! [`SchemeInfo`]; the [`conformance`] kit checks it; [`Catalog`] lists a
//! crate's schemes and their optional capabilities. The measurement harness
//! (`ledgerbench-harness`) depends on this crate and turns a catalog into
//! timed registry entries — as RustCrypto's `signature` trait crate sits apart
//! from `ed25519-dalek`, a scheme crate depends on this crate alone.
//!
//! ```
//! # #[cfg(feature = "testing")] {
//! use ledgerbench_core::conformance::{self, Depth};
//! use ledgerbench_core::testing::ToySig; // insecure toys: the `testing` feature
//! let report = conformance::signature::<ToySig>(7, Depth::Exhaustive);
//! assert!(report.passed(), "{}", report.describe());
//! # }
//! ```
#![forbid(unsafe_code)]

pub mod catalog;
pub mod conformance;
pub mod encoding;
pub mod error;
pub mod info;
pub mod rng;
pub mod scheme;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use catalog::{Catalog, HashListing, KemListing, ProofListing, SignatureListing};
pub use conformance::{GateReport, SuiteReport, VectorSuite, Verdict};
pub use error::{Error, Result};
pub use info::{Family, Implementation, NamedSize, SchemeInfo, Security, Size};
pub use rng::{BenchRng, bench_rng};
pub use scheme::{
    Aggregate, BatchVerify, BatchVerifyProofs, CircuitSize, HashFn, Kem, ProofSystem,
    RepresentativeSigning, Rerandomize, SignatureScheme, SigningSet, StatementSize,
};
