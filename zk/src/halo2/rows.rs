//! Counting the rows a halo2 circuit uses, to choose the smallest domain 2ᵏ.
//!
//! halo2 has no public row counter, so this runs the circuit's floor planner
//! against an [`Assignment`] that only records the highest row touched.

use halo2_proofs::circuit::Value;
use halo2_proofs::plonk::{
    Advice, Any, Assigned, Assignment, Circuit, Column, ConstraintSystem, Error, Fixed,
    FloorPlanner, Instance, Selector,
};

use crate::poseidon::PastaFp;

/// Records the highest row any cell or selector is assigned at.
#[derive(Default)]
struct RowCounter {
    rows: usize,
}

impl RowCounter {
    fn touch(&mut self, row: usize) {
        self.rows = self.rows.max(row + 1);
    }
}

impl Assignment<PastaFp> for RowCounter {
    fn enter_region<NR, N>(&mut self, _name: N)
    where
        NR: Into<String>,
        N: FnOnce() -> NR,
    {
    }

    fn exit_region(&mut self) {}

    fn enable_selector<A, AR>(&mut self, _: A, _: &Selector, row: usize) -> Result<(), Error>
    where
        A: FnOnce() -> AR,
        AR: Into<String>,
    {
        self.touch(row);
        Ok(())
    }

    fn query_instance(&self, _: Column<Instance>, _: usize) -> Result<Value<PastaFp>, Error> {
        Ok(Value::unknown())
    }

    fn assign_advice<V, VR, A, AR>(
        &mut self,
        _: A,
        _: Column<Advice>,
        row: usize,
        _: V,
    ) -> Result<(), Error>
    where
        V: FnOnce() -> Value<VR>,
        VR: Into<Assigned<PastaFp>>,
        A: FnOnce() -> AR,
        AR: Into<String>,
    {
        self.touch(row);
        Ok(())
    }

    fn assign_fixed<V, VR, A, AR>(
        &mut self,
        _: A,
        _: Column<Fixed>,
        row: usize,
        _: V,
    ) -> Result<(), Error>
    where
        V: FnOnce() -> Value<VR>,
        VR: Into<Assigned<PastaFp>>,
        A: FnOnce() -> AR,
        AR: Into<String>,
    {
        self.touch(row);
        Ok(())
    }

    fn copy(&mut self, _: Column<Any>, a: usize, _: Column<Any>, b: usize) -> Result<(), Error> {
        self.touch(a.max(b));
        Ok(())
    }

    fn fill_from_row(
        &mut self,
        _: Column<Fixed>,
        _: usize,
        _: Value<Assigned<PastaFp>>,
    ) -> Result<(), Error> {
        Ok(())
    }

    fn push_namespace<NR, N>(&mut self, _: N)
    where
        NR: Into<String>,
        N: FnOnce() -> NR,
    {
    }

    fn pop_namespace(&mut self, _: Option<String>) {}
}

/// A circuit whose configuration names the fixed columns holding constants
/// (the floor planner must be told them, as keygen does).
pub trait WithConstants {
    /// The columns passed to `enable_constant`.
    fn constants(&self) -> Vec<Column<Fixed>>;
}

/// The circuit's shape: rows used, blinding rows, and the smallest k.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Rows the circuit assigns.
    pub rows: usize,
    /// Rows halo2 reserves at the end for blinding (plus one).
    pub reserved: usize,
    /// log2 of the domain: the smallest k with rows + reserved ≤ 2ᵏ.
    pub k: u32,
}

/// Rows halo2 reserves at the bottom of the table for circuit `C`.
pub fn reserved_rows<C: Circuit<PastaFp>>() -> usize {
    let mut cs = ConstraintSystem::default();
    let _ = C::configure(&mut cs);
    cs.blinding_factors() + 1
}

/// Measures `circuit` (witness values are not needed).
pub fn shape<C>(circuit: &C) -> Result<Shape, Error>
where
    C: Circuit<PastaFp>,
    C::Config: WithConstants,
{
    let mut cs = ConstraintSystem::default();
    let config = C::configure(&mut cs);
    let constants = config.constants();
    let mut counter = RowCounter::default();
    C::FloorPlanner::synthesize(&mut counter, circuit, config, constants)?;
    let reserved = cs.blinding_factors() + 1;
    let needed = (counter.rows + reserved).max(cs.minimum_rows());
    Ok(Shape {
        rows: counter.rows,
        reserved,
        k: needed.next_power_of_two().trailing_zeros().max(1),
    })
}
