//! Post-quantum schemes for ledgerbench (being added).

use ledgerbench_harness::Entry;

/// Every post-quantum scheme in this crate, as registry entries.
pub fn schemes() -> Vec<Entry> {
    Vec::new()
}
