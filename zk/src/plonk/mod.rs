//! The statements as halo2 circuits over the Pallas base field, built from
//! `halo2_gadgets` chips: the `Pow5Chip` Poseidon (`P128Pow5T3`, as in
//! Zcash Orchard), `CondSwapChip` for Merkle paths and the running-sum
//! decomposition for 64-bit range checks. Public inputs sit in one instance
//! column, in the order of [`Statement::public_elements`](crate::statement::Statement::public_elements).

mod merkle;
mod preimage;
mod range;
mod synthetic;

pub use merkle::MerkleCircuit;
pub use preimage::PreimageCircuit;
pub use range::RangeCircuit;
pub use synthetic::SyntheticCircuit;

use halo2_gadgets::poseidon::primitives::{ConstantLength, P128Pow5T3};
use halo2_gadgets::poseidon::{Hash, Pow5Chip, Pow5Config};
use halo2_proofs::circuit::{AssignedCell, Layouter, Value};
use halo2_proofs::plonk::{Advice, Column, ConstraintSystem, Error, Fixed, Instance};

use crate::poseidon::PastaFp;

/// Columns shared by the Poseidon-based circuits: five advice columns (three
/// for the Poseidon state, one for its partial S-box, one spare), Poseidon's
/// round-constant columns, and the instance column.
#[derive(Clone, Debug)]
pub struct PoseidonParts {
    /// The Poseidon chip's configuration.
    pub pow5: Pow5Config<PastaFp, 3, 2>,
    /// Advice columns, all equality-enabled.
    pub advice: [Column<Advice>; 5],
    /// The fixed column holding constants.
    pub constant: Column<Fixed>,
    /// The public inputs.
    pub instance: Column<Instance>,
}

/// Configures the shared columns and the Poseidon chip.
pub fn configure_poseidon(meta: &mut ConstraintSystem<PastaFp>) -> PoseidonParts {
    let advice = [(); 5].map(|_| meta.advice_column());
    let rc_a = [(); 3].map(|_| meta.fixed_column());
    let rc_b = [(); 3].map(|_| meta.fixed_column());
    meta.enable_constant(rc_b[0]);
    let instance = meta.instance_column();
    meta.enable_equality(instance);
    for column in advice {
        meta.enable_equality(column);
    }
    let pow5 = Pow5Chip::configure::<P128Pow5T3>(
        meta,
        [advice[0], advice[1], advice[2]],
        advice[3],
        rc_a,
        rc_b,
    );
    PoseidonParts {
        pow5,
        advice,
        constant: rc_b[0],
        instance,
    }
}

/// Poseidon of `L` cells, matching [`NativeField::hash1`](crate::poseidon::NativeField::hash1)
/// and [`hash2`](crate::poseidon::NativeField::hash2) on the Pallas base field.
pub fn hash<const L: usize>(
    config: &Pow5Config<PastaFp, 3, 2>,
    mut layouter: impl Layouter<PastaFp>,
    inputs: [AssignedCell<PastaFp, PastaFp>; L],
) -> Result<AssignedCell<PastaFp, PastaFp>, Error> {
    let chip = Pow5Chip::construct(config.clone());
    Hash::<_, _, P128Pow5T3, ConstantLength<L>, 3, 2>::init(chip, layouter.namespace(|| "init"))?
        .hash(layouter.namespace(|| "hash"), inputs)
}

/// Witnesses one value in `column`.
pub fn load(
    mut layouter: impl Layouter<PastaFp>,
    column: Column<Advice>,
    value: Value<PastaFp>,
) -> Result<AssignedCell<PastaFp, PastaFp>, Error> {
    layouter.assign_region(
        || "load",
        |mut region| region.assign_advice(|| "value", column, 0, || value),
    )
}

/// Values of an optional witness, or unknown ones for key generation.
pub(crate) fn known<T: Copy>(value: Option<T>) -> Value<T> {
    value.map_or_else(Value::unknown, Value::known)
}
