//! Ledger workloads: sector profiles, real blocks built and verified by
//! strategy, per-transaction costs and labelled capacity projections.
//!
//! A [`profile::Profile`] (TOML, shipped in `bench-harness/workloads/`)
//! names roles (`sig`, `kem`, `zk`, `merkle`...) bound to registered scheme
//! ids; [`resolve`] applies `--scheme ROLE=ID` overrides and checks each role
//! can play its part; [`run::run`] builds blocks with real keys, signatures,
//! ciphertexts, proofs and Merkle paths, verifies them sequentially, on the
//! rayon pool and in batches, checks that a block with one bad signature is
//! rejected, and derives bytes per transaction, verification cost per
//! transaction, cores needed at the target TPS, ledger growth and state size —
//! the last ones labelled as projections with their inputs.

mod block;
mod builtin;
pub mod ledger;
pub mod merkle;
pub mod profile;
mod record;
pub mod resolve;
pub mod run;
pub mod verify;
