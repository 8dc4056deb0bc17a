//! Merkle membership: a secret leaf lies in a Poseidon Merkle tree with a
//! public root (an identity registry: 2²⁷ ≈ 1.3 × 10⁸ leaves at depth 27).
//!
//! Public: the root. Witness: the leaf, its `depth` siblings from the leaf
//! up, and its index, whose bit `i` says whether the node at level `i` is a
//! right child (`1`: parent = H(sibling, node)) or a left child (`0`:
//! parent = H(node, sibling)).

use ledgerbench_core::rng::BenchRng;
use ledgerbench_core::{Result, StatementSize};
use rand_core::Rng;

use super::{Statement, bad_size, single};
use crate::poseidon::NativeField;

/// Depths a tree may have here (the index is a `u64`).
pub const MAX_DEPTH: usize = 63;

/// Default sizes: the depth.
pub const SIZE: StatementSize = StatementSize {
    meaning: "depth",
    quick: &[10],
    full: &[10, 20, 27],
    gate: 4,
};

/// The Merkle membership statement family.
pub struct Merkle;

/// The public root.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Root<F>(pub F);

/// A leaf and its authentication path.
#[derive(Clone, Debug, PartialEq)]
pub struct Path<F> {
    /// The leaf (e.g. a commitment to an identity).
    pub leaf: F,
    /// Siblings from the leaf's level up to the root's children.
    pub siblings: Vec<F>,
    /// The leaf's position; bit `i` is the direction at level `i`.
    pub index: u64,
}

impl<F: NativeField> Path<F> {
    /// The root this path leads to.
    pub fn root(&self) -> F {
        self.siblings
            .iter()
            .enumerate()
            .fold(self.leaf, |node, (level, sibling)| {
                if is_right(self.index, level) {
                    F::hash2(*sibling, node)
                } else {
                    F::hash2(node, *sibling)
                }
            })
    }

    /// The tree depth.
    pub fn depth(&self) -> usize {
        self.siblings.len()
    }
}

/// Whether the node at `level` on the path of `index` is a right child.
pub fn is_right(index: u64, level: usize) -> bool {
    (index >> level) & 1 == 1
}

fn random_path<F: NativeField>(depth: usize, rng: &mut BenchRng) -> Result<Path<F>> {
    if depth == 0 || depth > MAX_DEPTH {
        return Err(bad_size("merkle", depth, "a depth in 1..=63"));
    }
    Ok(Path {
        leaf: F::random(rng),
        siblings: (0..depth).map(|_| F::random(rng)).collect(),
        index: rng.next_u64() & ((1u64 << depth) - 1),
    })
}

impl<F: NativeField> Statement<F> for Merkle {
    type Public = Root<F>;
    type Witness = Path<F>;

    fn sample(depth: usize, rng: &mut BenchRng) -> Result<(Root<F>, Path<F>)> {
        let path = random_path(depth, rng)?;
        Ok((Root(path.root()), path))
    }

    /// A leaf that is not in the tree: the path of another leaf.
    fn sample_unsatisfiable(depth: usize, rng: &mut BenchRng) -> Result<(Root<F>, Path<F>)> {
        let (root, mut path) = Self::sample(depth, rng)?;
        path.leaf = path.leaf + F::from_u64(1);
        Ok((root, path))
    }

    fn holds(public: &Root<F>, witness: &Path<F>) -> bool {
        witness.root() == public.0
    }

    fn public_elements(public: &Root<F>) -> Vec<F> {
        vec![public.0]
    }

    fn public_from_elements(elements: Vec<F>) -> Result<Root<F>> {
        single(elements, "merkle root").map(Root)
    }
}
