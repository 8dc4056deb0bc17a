//! 64-bit range proofs in halo2: each amount opens its Poseidon commitment
//! and is decomposed into 32 two-bit windows by the running-sum gadget, whose
//! final sum is constrained to zero (strict mode), so amount < 2⁶⁴.

use halo2_gadgets::utilities::decompose_running_sum::RunningSumConfig;
use halo2_proofs::circuit::{Layouter, SimpleFloorPlanner, Value};
use halo2_proofs::plonk::{Circuit, Column, ConstraintSystem, Error, Fixed};
use ledgerbench_core::StatementSize;

use super::{PoseidonParts, configure_poseidon, hash, known, load};
use crate::halo2::{PlonkCircuit, WithConstants};
use crate::poseidon::PastaFp;
use crate::statement::range::{self, AMOUNT_BITS, Commitments, Openings, Range};

/// Bits per running-sum window.
const WINDOW_BITS: usize = 2;

/// The range circuit for a number of outputs.
#[derive(Clone, Debug)]
pub struct RangeCircuit {
    amounts: Vec<Value<PastaFp>>,
    blindings: Vec<Value<PastaFp>>,
}

/// Its configuration.
#[derive(Clone, Debug)]
pub struct RangeConfig {
    parts: PoseidonParts,
    running_sum: RunningSumConfig<PastaFp, WINDOW_BITS>,
}

impl WithConstants for RangeConfig {
    fn constants(&self) -> Vec<Column<Fixed>> {
        vec![self.parts.constant]
    }
}

impl Circuit<PastaFp> for RangeCircuit {
    type Config = RangeConfig;
    type FloorPlanner = SimpleFloorPlanner;

    fn without_witnesses(&self) -> Self {
        RangeCircuit {
            amounts: vec![Value::unknown(); self.amounts.len()],
            blindings: vec![Value::unknown(); self.blindings.len()],
        }
    }

    fn configure(meta: &mut ConstraintSystem<PastaFp>) -> RangeConfig {
        let parts = configure_poseidon(meta);
        let q_range = meta.selector();
        let running_sum = RunningSumConfig::configure(meta, q_range, parts.advice[4]);
        RangeConfig { parts, running_sum }
    }

    fn synthesize(
        &self,
        config: RangeConfig,
        mut layouter: impl Layouter<PastaFp>,
    ) -> Result<(), Error> {
        for (i, (amount, blinding)) in self.amounts.iter().zip(&self.blindings).enumerate() {
            let amount = load(
                layouter.namespace(|| "amount"),
                config.parts.advice[0],
                *amount,
            )?;
            let blinding = load(
                layouter.namespace(|| "blinding"),
                config.parts.advice[1],
                *blinding,
            )?;
            let commitment = hash(
                &config.parts.pow5,
                layouter.namespace(|| "commit"),
                [amount.clone(), blinding],
            )?;
            layouter.constrain_instance(commitment.cell(), config.parts.instance, i)?;
            layouter.assign_region(
                || "64-bit range check",
                |mut region| {
                    config
                        .running_sum
                        .copy_decompose(
                            &mut region,
                            0,
                            amount.clone(),
                            true,
                            AMOUNT_BITS,
                            AMOUNT_BITS / WINDOW_BITS,
                        )
                        .map(|_| ())
                },
            )?;
        }
        Ok(())
    }
}

impl PlonkCircuit for Range {
    type Circuit = RangeCircuit;
    const SIZE: StatementSize = range::SIZE;
    const NAME: &'static str = "halo2-ipa-range";

    fn circuit(
        outputs: usize,
        values: Option<(&Commitments<PastaFp>, &Openings<PastaFp>)>,
    ) -> RangeCircuit {
        let openings = values.map(|(_, o)| o);
        RangeCircuit {
            amounts: (0..outputs)
                .map(|i| known(openings.and_then(|o| o.amounts.get(i).copied())))
                .collect(),
            blindings: (0..outputs)
                .map(|i| known(openings.and_then(|o| o.blindings.get(i).copied())))
                .collect(),
        }
    }
}
