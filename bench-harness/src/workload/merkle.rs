//! Binary Merkle trees over a registered hash (block commitments, manifests,
//! authentication paths).

use crate::dynamic::kit::HashKit;

/// Root over `leaves` (already hashed); an odd node is paired with itself.
pub fn root(hash: &dyn HashKit, leaves: &[Vec<u8>]) -> Vec<u8> {
    if leaves.is_empty() {
        return hash.hash(b"");
    }
    let mut level: Vec<Vec<u8>> = leaves.to_vec();
    let mut buf = Vec::new();
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| {
                buf.clear();
                buf.extend_from_slice(&pair[0]);
                buf.extend_from_slice(pair.get(1).unwrap_or(&pair[0]));
                hash.hash(&buf)
            })
            .collect();
    }
    level.swap_remove(0)
}

/// Recomputes the root from a leaf, its index and the sibling path.
pub fn root_from_path(
    hash: &dyn HashKit,
    leaf: &[u8],
    index: u64,
    siblings: &[Vec<u8>],
) -> Vec<u8> {
    let mut node = leaf.to_vec();
    let mut buf = Vec::with_capacity(2 * node.len());
    for (level, sibling) in siblings.iter().enumerate() {
        buf.clear();
        if (index >> level) & 1 == 0 {
            buf.extend_from_slice(&node);
            buf.extend_from_slice(sibling);
        } else {
            buf.extend_from_slice(sibling);
            buf.extend_from_slice(&node);
        }
        node = hash.hash(&buf);
    }
    node
}
