//! The harness's [`Catalog`]: each listed scheme becomes a registry entry.

use ledgerbench_core::conformance::VectorSuite;
use ledgerbench_core::{
    Aggregate, BatchVerify, BatchVerifyProofs, Catalog, HashFn, HashListing, Kem, KemListing,
    ProofListing, ProofSystem, RepresentativeSigning, Rerandomize, SignatureListing,
    SignatureScheme,
};

use super::{Entry, HashEntry, KemEntry, SigEntry, ZkEntry};

/// Collects the entries a scheme crate's `catalog` function lists.
#[derive(Default)]
pub struct EntryList(Vec<Entry>);

/// The registry entries of a scheme crate, from its `catalog` function:
/// `entries_of(ledgerbench_primitives::catalog)`.
pub fn entries_of(catalog: impl FnOnce(&mut EntryList)) -> Vec<Entry> {
    let mut list = EntryList::default();
    catalog(&mut list);
    list.0
}

impl Catalog for EntryList {
    type Signature<S: SignatureScheme> = SigEntry<S>;
    type Kem<K: Kem> = KemEntry<K>;
    type Hash<H: HashFn> = HashEntry<H>;
    type Proof<P: ProofSystem> = ZkEntry<P>;

    fn signature_with<S: SignatureScheme>(
        &mut self,
        list: impl FnOnce(SigEntry<S>) -> SigEntry<S>,
    ) {
        self.0.push(list(SigEntry::new()).into_entry());
    }

    fn kem_with<K: Kem>(&mut self, list: impl FnOnce(KemEntry<K>) -> KemEntry<K>) {
        self.0.push(list(KemEntry::new()).into_entry());
    }

    fn hash_with<H: HashFn>(&mut self, list: impl FnOnce(HashEntry<H>) -> HashEntry<H>) {
        self.0.push(list(HashEntry::new()).into_entry());
    }

    fn proof_with<P: ProofSystem>(&mut self, list: impl FnOnce(ZkEntry<P>) -> ZkEntry<P>) {
        self.0.push(list(ZkEntry::new()).into_entry());
    }
}

impl<S: SignatureScheme> SignatureListing<S> for SigEntry<S> {
    fn with_batch(self) -> Self
    where
        S: BatchVerify,
    {
        SigEntry::with_batch(self)
    }

    fn with_aggregate(self) -> Self
    where
        S: Aggregate,
    {
        SigEntry::with_aggregate(self)
    }

    fn with_signing_sets(self) -> Self
    where
        S: RepresentativeSigning,
    {
        SigEntry::with_signing_sets(self)
    }

    fn full_suite_only(self) -> Self {
        SigEntry::full_suite_only(self)
    }

    fn with_suite(self, suite: VectorSuite<S>) -> Self {
        SigEntry::with_suite(self, suite)
    }
}

impl<K: Kem> KemListing<K> for KemEntry<K> {
    fn with_suite(self, suite: VectorSuite<K>) -> Self {
        KemEntry::with_suite(self, suite)
    }
}

impl<H: HashFn> HashListing<H> for HashEntry<H> {
    fn with_suite(self, suite: VectorSuite<H>) -> Self {
        HashEntry::with_suite(self, suite)
    }
}

impl<P: ProofSystem> ProofListing<P> for ZkEntry<P> {
    fn with_batch(self) -> Self
    where
        P: BatchVerifyProofs,
    {
        ZkEntry::with_batch(self)
    }

    fn with_rerandomize(self) -> Self
    where
        P: Rerandomize,
    {
        ZkEntry::with_rerandomize(self)
    }

    fn full_suite_only(self) -> Self {
        ZkEntry::full_suite_only(self)
    }
}
