//! The last setup `prepare` made, reused by the next operation on the same
//! scheme, size and seed. A full suite prepares `setup`, `prove`, `verify` and
//! `verify-batch` of one statement size in turn, and one Groth16 setup of the
//! SHA-256 circuit or a deep Merkle tree costs seconds to minutes; the keys
//! are inputs of those operations, not what they time (`setup` times fresh
//! setups in its loop). One entry per thread (a run prepares on one
//! thread), so at most one key pair is kept beyond the prepared operations
//! that hold it.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::sync::Arc;

use crate::scheme::ProofSystem;
use crate::{Result, bench_rng};

/// A proof system's key pair, shared by the operations prepared with it.
pub(super) type Keys<P> = Arc<(
    <P as ProofSystem>::ProvingKey,
    <P as ProofSystem>::VerifyingKey,
)>;

struct Cached {
    scheme: TypeId,
    size: usize,
    seed: u64,
    keys: Arc<dyn Any + Send + Sync>,
}

thread_local! {
    static LAST: RefCell<Option<Cached>> = const { RefCell::new(None) };
}

/// The keys of `P` at `size` for `seed`: the cached pair when the last setup
/// was the same, else a new setup from the seed's `"<id>/setup/<size>"` stream
/// (so the keys do not depend on which operation asked first).
pub(super) fn keys<P: ProofSystem>(size: usize, seed: u64) -> Result<Keys<P>> {
    let scheme = TypeId::of::<P>();
    let hit = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|c| c.scheme == scheme && c.size == size && c.seed == seed)
            .and_then(|c| Arc::clone(&c.keys).downcast().ok())
    });
    if let Some(keys) = hit {
        return Ok(keys);
    }
    let mut rng = bench_rng(seed, &format!("{}/setup/{size}", P::INFO.id()));
    let keys: Keys<P> = Arc::new(P::setup(size, &mut rng)?);
    let cached = Cached {
        scheme,
        size,
        seed,
        keys: Arc::clone(&keys) as Arc<dyn Any + Send + Sync>,
    };
    // Drops the previous pair unless a prepared operation still holds it.
    LAST.set(Some(cached));
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{AcceptAllProof, ToyProof};

    // Each test runs on its own thread, so it has the cache to itself.

    #[test]
    fn the_same_scheme_size_and_seed_share_one_setup() {
        let a = keys::<ToyProof>(2, 9).expect("setup");
        let b = keys::<ToyProof>(2, 9).expect("setup");
        assert!(Arc::ptr_eq(&a, &b), "second call reuses the keys");
    }

    #[test]
    fn another_size_seed_or_scheme_sets_up_again() {
        let a = keys::<ToyProof>(2, 9).expect("setup");
        let other_size = keys::<ToyProof>(3, 9).expect("setup");
        let other_seed = keys::<ToyProof>(3, 10).expect("setup");
        keys::<AcceptAllProof>(3, 10).expect("setup");
        let again = keys::<ToyProof>(2, 9).expect("setup");
        assert!(!Arc::ptr_eq(&a, &other_size));
        assert!(!Arc::ptr_eq(&other_size, &other_seed));
        // Only the last setup is kept; the first is made again, identically.
        assert!(!Arc::ptr_eq(&a, &again));
        assert_eq!(*a, *again);
    }
}
