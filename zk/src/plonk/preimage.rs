//! Poseidon preimage in halo2.

use halo2_proofs::circuit::{Layouter, SimpleFloorPlanner, Value};
use halo2_proofs::plonk::{Circuit, Column, ConstraintSystem, Error, Fixed};
use ledgerbench_core::StatementSize;

use super::{PoseidonParts, configure_poseidon, hash, known, load};
use crate::halo2::{PlonkCircuit, WithConstants};
use crate::poseidon::PastaFp;
use crate::statement::preimage::{self, Digest, PoseidonPreimage, Preimage};

/// The Poseidon preimage circuit.
#[derive(Clone, Debug)]
pub struct PreimageCircuit {
    x: Value<PastaFp>,
}

/// Its configuration.
#[derive(Clone, Debug)]
pub struct PreimageConfig {
    parts: PoseidonParts,
}

impl WithConstants for PreimageConfig {
    fn constants(&self) -> Vec<Column<Fixed>> {
        vec![self.parts.constant]
    }
}

impl Circuit<PastaFp> for PreimageCircuit {
    type Config = PreimageConfig;
    type FloorPlanner = SimpleFloorPlanner;

    fn without_witnesses(&self) -> Self {
        PreimageCircuit {
            x: Value::unknown(),
        }
    }

    fn configure(meta: &mut ConstraintSystem<PastaFp>) -> PreimageConfig {
        PreimageConfig {
            parts: configure_poseidon(meta),
        }
    }

    fn synthesize(
        &self,
        config: PreimageConfig,
        mut layouter: impl Layouter<PastaFp>,
    ) -> Result<(), Error> {
        let x = load(layouter.namespace(|| "x"), config.parts.advice[0], self.x)?;
        let y = hash(&config.parts.pow5, layouter.namespace(|| "hash"), [x])?;
        layouter.constrain_instance(y.cell(), config.parts.instance, 0)
    }
}

impl PlonkCircuit for PoseidonPreimage {
    type Circuit = PreimageCircuit;
    const SIZE: StatementSize = preimage::SIZE;
    const NAME: &'static str = "halo2-ipa-preimage-poseidon";

    fn circuit(
        _size: usize,
        values: Option<(&Digest<PastaFp>, &Preimage<PastaFp>)>,
    ) -> PreimageCircuit {
        PreimageCircuit {
            x: known(values.map(|(_, x)| x.0)),
        }
    }
}
