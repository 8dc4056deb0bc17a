//! Turns a results directory into what people read: exports now, tables,
//! plots and reports as they are added.

pub mod export;
