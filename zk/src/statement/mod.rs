//! The statements ledgers prove, computed natively and independent of any
//! proof system.
//!
//! A statement family fixes the relation, the public input and the meaning of
//! the witness; each backend writes one circuit per family against these types
//! (arkworks R1CS in [`crate::r1cs`], halo2 chips in [`crate::plonk`]), so
//! `groth16-bn254-merkle` and `halo2-ipa-merkle` prove the same thing. The
//! field differs per backend (the proof system's scalar field), and so does
//! Poseidon's instantiation (see [`crate::poseidon`]).

pub mod merkle;
pub mod preimage;
pub mod range;
pub mod sha256;
pub mod synthetic;

use ledgerbench_core::{BenchRng, Result};

use crate::poseidon::NativeField;

/// A statement family over the field `F`.
pub trait Statement<F: NativeField>: Send + Sync + 'static {
    /// The public input.
    type Public: Clone + Send + Sync + 'static;
    /// The prover's secret input.
    type Witness: Clone + Send + Sync + 'static;

    /// A random satisfiable statement of `size` (depth, outputs, steps...).
    fn sample(size: usize, rng: &mut BenchRng) -> Result<(Self::Public, Self::Witness)>;

    /// A statement of `size` whose witness does not satisfy the relation.
    fn sample_unsatisfiable(
        size: usize,
        rng: &mut BenchRng,
    ) -> Result<(Self::Public, Self::Witness)>;

    /// Whether `witness` satisfies the relation for `public` (native check).
    fn holds(public: &Self::Public, witness: &Self::Witness) -> bool;

    /// The public input as field elements, in the order circuits expose them.
    fn public_elements(public: &Self::Public) -> Vec<F>;

    /// The public input from its field elements.
    fn public_from_elements(elements: Vec<F>) -> Result<Self::Public>;
}

/// A `Usage` error for a size the statement cannot take.
pub(crate) fn bad_size(what: &str, size: usize, allowed: &str) -> ledgerbench_core::Error {
    ledgerbench_core::Error::Usage(format!("{what}: size {size} is not {allowed}"))
}

/// The single element of a one-element public input.
pub(crate) fn single<F: NativeField>(elements: Vec<F>, what: &'static str) -> Result<F> {
    match elements.as_slice() {
        [x] => Ok(*x),
        other => Err(ledgerbench_core::Error::decode(
            what,
            format!("expected 1 field element, got {}", other.len()),
        )),
    }
}
