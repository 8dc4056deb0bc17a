//! The synthetic circuit in halo2: one row per step, with the custom gate
//! `s · (z' − z² − w) = 0`, `s · (w' − w) = 0` on two advice columns.
//!
//! Size `k` fills the 2ᵏ-row domain: every usable row holds one step (2ᵏ
//! minus the rows halo2 reserves for blinding, minus the first row).

use halo2_proofs::circuit::{Layouter, SimpleFloorPlanner, Value};
use halo2_proofs::plonk::{
    Advice, Circuit, Column, ConstraintSystem, Error, Fixed, Instance, Selector,
};
use halo2_proofs::poly::Rotation;
use ledgerbench_core::StatementSize;

use super::known;
use crate::halo2::{PlonkCircuit, WithConstants, reserved_rows};
use crate::poseidon::PastaFp;
use crate::statement::synthetic::{self, Output, Seed, Synthetic};

/// The synthetic circuit of a number of steps.
#[derive(Clone, Debug)]
pub struct SyntheticCircuit {
    steps: usize,
    w: Value<PastaFp>,
}

/// Its configuration.
#[derive(Clone, Debug)]
pub struct SyntheticConfig {
    z: Column<Advice>,
    w: Column<Advice>,
    step: Selector,
    instance: Column<Instance>,
}

impl WithConstants for SyntheticConfig {
    fn constants(&self) -> Vec<Column<Fixed>> {
        Vec::new()
    }
}

impl Circuit<PastaFp> for SyntheticCircuit {
    type Config = SyntheticConfig;
    type FloorPlanner = SimpleFloorPlanner;

    fn without_witnesses(&self) -> Self {
        SyntheticCircuit {
            steps: self.steps,
            w: Value::unknown(),
        }
    }

    fn configure(meta: &mut ConstraintSystem<PastaFp>) -> SyntheticConfig {
        let z = meta.advice_column();
        let w = meta.advice_column();
        let step = meta.selector();
        let instance = meta.instance_column();
        meta.enable_equality(z);
        meta.enable_equality(w);
        meta.enable_equality(instance);
        meta.create_gate("z' = z² + w", |meta| {
            let s = meta.query_selector(step);
            let z_cur = meta.query_advice(z, Rotation::cur());
            let z_next = meta.query_advice(z, Rotation::next());
            let w_cur = meta.query_advice(w, Rotation::cur());
            let w_next = meta.query_advice(w, Rotation::next());
            vec![
                s.clone() * (z_next - z_cur.clone() * z_cur - w_cur.clone()),
                s * (w_next - w_cur),
            ]
        });
        SyntheticConfig {
            z,
            w,
            step,
            instance,
        }
    }

    fn synthesize(
        &self,
        config: SyntheticConfig,
        mut layouter: impl Layouter<PastaFp>,
    ) -> Result<(), Error> {
        let out = layouter.assign_region(
            || "chain",
            |mut region| {
                let z0 = region.assign_advice(|| "z0", config.z, 0, || self.w)?;
                let w0 = region.assign_advice(|| "w", config.w, 0, || self.w)?;
                region.constrain_equal(z0.cell(), w0.cell())?;
                let mut z = self.w;
                let mut last = z0;
                for row in 0..self.steps {
                    config.step.enable(&mut region, row)?;
                    z = z * z + self.w;
                    last = region.assign_advice(|| "z", config.z, row + 1, || z)?;
                    region.assign_advice(|| "w", config.w, row + 1, || self.w)?;
                }
                Ok(last)
            },
        )?;
        layouter.constrain_instance(out.cell(), config.instance, 0)
    }
}

impl PlonkCircuit for Synthetic {
    type Circuit = SyntheticCircuit;
    const SIZE: StatementSize = synthetic::SIZE;
    const NAME: &'static str = "halo2-ipa-synthetic";

    fn statement_size(log2: usize) -> usize {
        if log2 > synthetic::MAX_LOG2 {
            return usize::MAX;
        }
        let rows = 1usize << log2;
        rows.saturating_sub(reserved_rows::<SyntheticCircuit>() + 1)
            .max(1)
    }

    fn circuit(
        steps: usize,
        values: Option<(&Output<PastaFp>, &Seed<PastaFp>)>,
    ) -> SyntheticCircuit {
        SyntheticCircuit {
            steps,
            w: known(values.map(|(_, seed)| seed.w)),
        }
    }
}
