//! How a scheme crate lists its schemes without depending on the harness.
//!
//! A scheme crate exposes one function, `pub fn catalog(c: &mut impl
//! Catalog)`, that names each scheme type and the optional capabilities it
//! offers. The harness implements [`Catalog`] by building a timed, gated
//! registry entry per scheme (monomorphized there, so its timed loops stay
//! free of dynamic calls); a test or another tool can implement it to walk the
//! same list for its own purpose.
//!
//! ```
//! # #[cfg(feature = "testing")] mod doc {
//! use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
//! use ledgerbench_core::testing::{ToyKem, ToySig};
//! use ledgerbench_core::{Catalog, SignatureListing};
//!
//! /// A (toy) vector suite; real runners live beside each implementation.
//! fn toy_vectors() -> VectorSuite<ToySig> {
//!     VectorSuite::new("toy vectors", || {
//!         let mut report = SuiteReport::new("toy vectors", "doc example", "none");
//!         report.record(1, Outcome::Pass);
//!         Ok(report)
//!     })
//! }
//!
//! /// Every scheme of this (toy) crate.
//! pub fn catalog(c: &mut impl Catalog) {
//!     c.signature_with::<ToySig>(|s| s.with_suite(toy_vectors()));
//!     c.signature_with::<ToySig>(|s| s.full_suite_only());
//!     // `s.with_batch()` would not compile: ToySig has no `BatchVerify`;
//!     // nor would `k.with_suite(toy_vectors())` below: it is ToySig's suite.
//!     c.kem_with::<ToyKem>(|k| k);
//! }
//! # }
//! ```
//!
//! The toy schemes used in these examples are behind the `testing` feature.

use crate::conformance::VectorSuite;
use crate::scheme::{
    Aggregate, BatchVerify, BatchVerifyProofs, HashFn, Kem, ProofSystem, RepresentativeSigning,
    Rerandomize, SignatureScheme,
};

/// The optional capabilities a signature scheme is listed with; each method
/// is available only when the scheme implements the capability's trait.
pub trait SignatureListing<S: SignatureScheme>: Sized {
    /// Offers `verify-batch` ([`BatchVerify`]).
    fn with_batch(self) -> Self
    where
        S: BatchVerify;
    /// Offers aggregation and proof of possession ([`Aggregate`]).
    fn with_aggregate(self) -> Self
    where
        S: Aggregate;
    /// Offers `sign-set` over representative signing sets ([`RepresentativeSigning`]).
    fn with_signing_sets(self) -> Self
    where
        S: RepresentativeSigning;
    /// Leaves the scheme out of the quick suite unless it is named (slow variants).
    fn full_suite_only(self) -> Self;
    /// Attaches a published vector suite (run by `ledgerbench conformance`;
    /// its verdict goes with every measurement of the scheme).
    fn with_suite(self, suite: VectorSuite<S>) -> Self;
    /// Attaches several suites.
    fn with_suites(self, suites: impl IntoIterator<Item = VectorSuite<S>>) -> Self {
        suites.into_iter().fold(self, Self::with_suite)
    }
}

/// What a KEM is listed with: its published vector suites.
pub trait KemListing<K: Kem>: Sized {
    /// Attaches a published vector suite.
    fn with_suite(self, suite: VectorSuite<K>) -> Self;
    /// Attaches several suites.
    fn with_suites(self, suites: impl IntoIterator<Item = VectorSuite<K>>) -> Self {
        suites.into_iter().fold(self, Self::with_suite)
    }
}

/// What a hash function is listed with: its published vector suites.
pub trait HashListing<H: HashFn>: Sized {
    /// Attaches a published vector suite.
    fn with_suite(self, suite: VectorSuite<H>) -> Self;
}

/// The optional capabilities a proof system is listed with.
pub trait ProofListing<P: ProofSystem>: Sized {
    /// Offers `verify-batch` ([`BatchVerifyProofs`]).
    fn with_batch(self) -> Self
    where
        P: BatchVerifyProofs;
    /// Adds the malleability check ([`Rerandomize`]) to the gate.
    fn with_rerandomize(self) -> Self
    where
        P: Rerandomize;
    /// Leaves the proof system out of the quick suite unless it is named.
    fn full_suite_only(self) -> Self;
}

/// Receives a scheme crate's list of schemes (see the module docs).
pub trait Catalog {
    /// What a signature scheme's capabilities are recorded on.
    type Signature<S: SignatureScheme>: SignatureListing<S>;
    /// What a KEM's suites are recorded on.
    type Kem<K: Kem>: KemListing<K>;
    /// What a hash function's suites are recorded on.
    type Hash<H: HashFn>: HashListing<H>;
    /// What a proof system's capabilities are recorded on.
    type Proof<P: ProofSystem>: ProofListing<P>;

    /// Lists signature scheme `S` with the capabilities `list` adds.
    fn signature_with<S: SignatureScheme>(
        &mut self,
        list: impl FnOnce(Self::Signature<S>) -> Self::Signature<S>,
    );
    /// Lists signature scheme `S` with no optional capability.
    fn signature<S: SignatureScheme>(&mut self) {
        self.signature_with::<S>(|s| s);
    }
    /// Lists KEM `K` with the suites `list` attaches.
    fn kem_with<K: Kem>(&mut self, list: impl FnOnce(Self::Kem<K>) -> Self::Kem<K>);
    /// Lists KEM `K` with no suite.
    fn kem<K: Kem>(&mut self) {
        self.kem_with::<K>(|k| k);
    }
    /// Lists hash function `H` with the suites `list` attaches.
    fn hash_with<H: HashFn>(&mut self, list: impl FnOnce(Self::Hash<H>) -> Self::Hash<H>);
    /// Lists hash function `H` with no suite.
    fn hash<H: HashFn>(&mut self) {
        self.hash_with::<H>(|h| h);
    }
    /// Lists proof system `P` with the capabilities `list` adds.
    fn proof_with<P: ProofSystem>(&mut self, list: impl FnOnce(Self::Proof<P>) -> Self::Proof<P>);
    /// Lists proof system `P` with no optional capability.
    fn proof<P: ProofSystem>(&mut self) {
        self.proof_with::<P>(|p| p);
    }
}
