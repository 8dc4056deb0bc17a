//! The typed plug-in traits, one per family.
//!
//! Each scheme is a zero-sized type with associated types for its objects and
//! an [`INFO`](crate::SchemeInfo) constant; the runtime layer in
//! [`crate::dynamic`] is generated from these by blanket impls.

mod hash;
mod kem;
mod proof;
mod signature;

pub use hash::HashFn;
pub use kem::Kem;
pub use proof::{BatchVerifyProofs, CircuitSize, ProofSystem, Rerandomize, StatementSize};
pub use signature::{Aggregate, BatchVerify, RepresentativeSigning, SignatureScheme, SigningSet};
