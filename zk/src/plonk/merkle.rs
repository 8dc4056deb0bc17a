//! Merkle membership in halo2: per level a conditional swap (one row) and a
//! Poseidon hash.

use halo2_gadgets::utilities::cond_swap::{CondSwapChip, CondSwapConfig, CondSwapInstructions};
use halo2_proofs::circuit::{Layouter, SimpleFloorPlanner, Value};
use halo2_proofs::plonk::{Circuit, Column, ConstraintSystem, Error, Fixed};
use ledgerbench_core::StatementSize;

use super::{PoseidonParts, configure_poseidon, hash, known, load};
use crate::halo2::{PlonkCircuit, WithConstants};
use crate::poseidon::PastaFp;
use crate::statement::merkle::{self, Merkle, Path, Root, is_right};

/// The Merkle membership circuit.
#[derive(Clone, Debug)]
pub struct MerkleCircuit {
    leaf: Value<PastaFp>,
    siblings: Vec<Value<PastaFp>>,
    index: Value<u64>,
}

/// Its configuration.
#[derive(Clone, Debug)]
pub struct MerkleConfig {
    parts: PoseidonParts,
    swap: CondSwapConfig,
}

impl WithConstants for MerkleConfig {
    fn constants(&self) -> Vec<Column<Fixed>> {
        vec![self.parts.constant]
    }
}

impl Circuit<PastaFp> for MerkleCircuit {
    type Config = MerkleConfig;
    type FloorPlanner = SimpleFloorPlanner;

    fn without_witnesses(&self) -> Self {
        MerkleCircuit {
            leaf: Value::unknown(),
            siblings: vec![Value::unknown(); self.siblings.len()],
            index: Value::unknown(),
        }
    }

    fn configure(meta: &mut ConstraintSystem<PastaFp>) -> MerkleConfig {
        let parts = configure_poseidon(meta);
        let swap = CondSwapChip::configure(meta, parts.advice);
        MerkleConfig { parts, swap }
    }

    fn synthesize(
        &self,
        config: MerkleConfig,
        mut layouter: impl Layouter<PastaFp>,
    ) -> Result<(), Error> {
        let swap = CondSwapChip::<PastaFp>::construct(config.swap.clone());
        let mut node = load(
            layouter.namespace(|| "leaf"),
            config.parts.advice[0],
            self.leaf,
        )?;
        for (level, sibling) in self.siblings.iter().enumerate() {
            // A right child hashes as H(sibling, node): swap when the bit is set.
            let right = self.index.map(|i| is_right(i, level));
            let (first, second) =
                swap.swap(layouter.namespace(|| "swap"), (node, *sibling), right)?;
            node = hash(
                &config.parts.pow5,
                layouter.namespace(|| "node"),
                [first, second],
            )?;
        }
        layouter.constrain_instance(node.cell(), config.parts.instance, 0)
    }
}

impl PlonkCircuit for Merkle {
    type Circuit = MerkleCircuit;
    const SIZE: StatementSize = merkle::SIZE;
    const NAME: &'static str = "halo2-ipa-merkle";

    fn circuit(depth: usize, values: Option<(&Root<PastaFp>, &Path<PastaFp>)>) -> MerkleCircuit {
        let path = values.map(|(_, path)| path);
        MerkleCircuit {
            leaf: known(path.map(|p| p.leaf)),
            siblings: (0..depth)
                .map(|i| known(path.and_then(|p| p.siblings.get(i).copied())))
                .collect(),
            index: known(path.map(|p| p.index)),
        }
    }
}
