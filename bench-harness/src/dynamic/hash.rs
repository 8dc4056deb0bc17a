//! Runtime entry for hash functions.

use std::hint::black_box;
use std::marker::PhantomData;

use super::kit::HashKit;
use super::{Entry, Op, Params, Prepared};
use crate::conformance::{self, SuiteReport, VectorSuite};
use crate::rng::random_bytes;
use crate::{DynScheme, Error, GateReport, HashFn, Result, SchemeInfo, bench_rng};

/// The runtime entry of a [`HashFn`], with its published vector suites.
pub struct HashEntry<H: HashFn> {
    suites: Vec<VectorSuite<H>>,
    _hash: PhantomData<H>,
}

impl<H: HashFn> Default for HashEntry<H> {
    fn default() -> Self {
        Self::new()
    }
}

impl<H: HashFn> HashEntry<H> {
    /// An entry with no vector suite.
    pub fn new() -> Self {
        HashEntry {
            suites: Vec::new(),
            _hash: PhantomData,
        }
    }

    /// Attaches a published vector suite.
    pub fn with_suite(mut self, suite: VectorSuite<H>) -> Self {
        self.suites.push(suite);
        self
    }

    /// Leaks the entry into the `'static` form the registry holds.
    pub fn into_entry(self) -> Entry {
        Box::leak(Box::new(self))
    }

    /// The entry with no vector suite, in the `'static` form the registry holds.
    pub fn entry() -> Entry {
        Self::new().into_entry()
    }
}

impl<H: HashFn> DynScheme for HashEntry<H> {
    fn info(&self) -> &'static SchemeInfo {
        &H::INFO
    }

    fn ops(&self) -> Vec<Op> {
        vec![Op::Digest]
    }

    fn hash_kit(&self) -> Option<&dyn HashKit> {
        Some(self)
    }

    fn gate(&self, seed: u64) -> GateReport {
        conformance::hash::<H>(seed)
    }

    fn suites(&self) -> Vec<&'static str> {
        self.suites.iter().map(VectorSuite::name).collect()
    }

    fn conformance(&self) -> Vec<SuiteReport> {
        self.suites.iter().map(VectorSuite::run).collect()
    }

    fn prepare(&self, op: Op, params: &Params, seed: u64) -> Result<Box<dyn Prepared>> {
        if op != Op::Digest {
            return Err(Error::Unsupported(op.to_string()));
        }
        let mut rng = bench_rng(seed, &format!("{}/{}", H::INFO.id(), params.label()));
        let data = random_bytes(&mut rng, params.msg_len());
        let len = H::digest(&data).as_ref().len();
        Ok(Box::new(HashPrepared::<H> {
            data,
            len,
            _hash: PhantomData,
        }))
    }
}

struct HashPrepared<H: HashFn> {
    data: Vec<u8>,
    len: usize,
    _hash: PhantomData<H>,
}

impl<H: HashFn> Prepared for HashPrepared<H> {
    fn run(&mut self, iters: u64) -> Result<()> {
        for _ in 0..iters {
            black_box(H::digest(black_box(&self.data)));
        }
        Ok(())
    }

    fn sizes(&self) -> Vec<(&'static str, usize)> {
        vec![("digest", self.len)]
    }
}

impl<H: HashFn> HashKit for HashEntry<H> {
    fn hash(&self, data: &[u8]) -> Vec<u8> {
        H::digest(data).as_ref().to_vec()
    }
}
