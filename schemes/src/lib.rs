//! Every scheme shipped with ledgerbench, as one [`Registry`].
//!
//! The scheme crates list their schemes through `ledgerbench-core`'s
//! `Catalog`; turning a catalog into entries monomorphizes every scheme's
//! timed loops and gates, and that happens here. Keeping it in a crate of its
//! own means an edit to the command line does not recompile them, and the
//! instantiations are optimised in dev builds (see the workspace
//! `Cargo.toml`), so gate tests of every scheme run at full speed.
#![forbid(unsafe_code)]

use ledgerbench_harness::{Registry, entries_of};

/// Every scheme shipped with ledgerbench.
pub fn registry() -> Registry {
    let mut registry = Registry::new();
    registry
        .extend(entries_of(ledgerbench_primitives::catalog))
        .and_then(|r| r.extend(entries_of(ledgerbench_pq::catalog)))
        .and_then(|r| r.extend(entries_of(ledgerbench_zk::catalog)))
        .expect("scheme ids shipped with ledgerbench are unique");
    registry
}

/// The code path each shipped library with run-time CPU dispatch takes on
/// this CPU (`library -> path`), as the library itself reports it.
pub fn code_paths() -> Vec<(&'static str, String)> {
    ledgerbench_pq::code_paths()
}
