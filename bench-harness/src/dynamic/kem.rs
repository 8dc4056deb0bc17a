//! Runtime entry for key encapsulation mechanisms.

use std::hint::black_box;
use std::marker::PhantomData;

use super::kit::{KemKit, Recipient};
use super::{Entry, Op, Params, Prepared};
use crate::conformance::{SuiteReport, VectorSuite};
use crate::{BenchRng, DynScheme, Error, GateReport, Kem, Result, SchemeInfo, bench_rng};

/// The runtime entry of a [`Kem`], with its published vector suites.
pub struct KemEntry<K: Kem> {
    suites: Vec<VectorSuite<K>>,
    _kem: PhantomData<K>,
}

impl<K: Kem> Default for KemEntry<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Kem> KemEntry<K> {
    /// An entry with no vector suite.
    pub fn new() -> Self {
        KemEntry {
            suites: Vec::new(),
            _kem: PhantomData,
        }
    }

    /// Attaches a published vector suite.
    pub fn with_suite(mut self, suite: VectorSuite<K>) -> Self {
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

impl<K: Kem> DynScheme for KemEntry<K> {
    fn info(&self) -> &'static SchemeInfo {
        &K::INFO
    }

    fn ops(&self) -> Vec<Op> {
        vec![Op::Keygen, Op::Encaps, Op::Decaps]
    }

    fn variable_time(&self, op: Op) -> bool {
        op == Op::Keygen && K::VARIABLE_TIME_KEYGEN
    }

    fn kem_kit(&self) -> Option<&dyn KemKit> {
        Some(self)
    }

    fn gate(&self, seed: u64) -> GateReport {
        crate::conformance::kem::<K>(seed, crate::conformance::Depth::Gate)
    }

    fn suites(&self) -> Vec<&'static str> {
        self.suites.iter().map(VectorSuite::name).collect()
    }

    fn conformance(&self) -> Vec<SuiteReport> {
        self.suites.iter().map(VectorSuite::run).collect()
    }

    fn ct_cases(&self) -> Vec<super::ct::CtCase> {
        super::ct::CtCase::KEM.to_vec()
    }

    fn ct_target(
        &self,
        case: super::ct::CtCase,
        seed: u64,
    ) -> Result<Box<dyn super::ct::CtTarget>> {
        super::ct::kem_target::<K>(case, seed)
    }

    fn prepare(&self, op: Op, _params: &Params, seed: u64) -> Result<Box<dyn Prepared>> {
        if !self.ops().contains(&op) {
            return Err(Error::Unsupported(op.to_string()));
        }
        let mut rng = bench_rng(seed, &format!("{}/{op}", K::INFO.id()));
        let (dk, ek) = K::keygen(&mut rng)?;
        let (ct, ss) = K::encaps(&ek, &mut rng)?;
        let ss_len = ss.as_ref().len();
        Ok(Box::new(KemPrepared::<K> {
            op,
            dk,
            ek,
            ct,
            ss_len,
            rng,
        }))
    }
}

struct KemPrepared<K: Kem> {
    op: Op,
    dk: K::DecapsKey,
    ek: K::EncapsKey,
    ct: K::Ciphertext,
    ss_len: usize,
    rng: BenchRng,
}

impl<K: Kem> Prepared for KemPrepared<K> {
    fn run(&mut self, iters: u64) -> Result<()> {
        match self.op {
            Op::Keygen => {
                for _ in 0..iters {
                    black_box(K::keygen(&mut self.rng)?);
                }
            }
            Op::Encaps => {
                for _ in 0..iters {
                    black_box(K::encaps(black_box(&self.ek), &mut self.rng)?);
                }
            }
            Op::Decaps => {
                for _ in 0..iters {
                    black_box(K::decaps(black_box(&self.dk), black_box(&self.ct))?);
                }
            }
            other => return Err(Error::Unsupported(other.to_string())),
        }
        Ok(())
    }

    fn sizes(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("ek", K::encode_encaps_key(&self.ek).len()),
            ("dk", K::encode_decaps_key(&self.dk).len()),
            ("ct", K::encode_ciphertext(&self.ct).len()),
            ("ss", self.ss_len),
        ]
    }
}

struct TypedRecipient<K: Kem> {
    dk: K::DecapsKey,
    ek: Vec<u8>,
}

impl<K: Kem> Recipient for TypedRecipient<K> {
    fn encaps_key(&self) -> &[u8] {
        &self.ek
    }

    fn decaps(&self, ct: &[u8]) -> Result<Vec<u8>> {
        K::decaps(&self.dk, &K::decode_ciphertext(ct)?).map(|ss| ss.as_ref().to_vec())
    }
}

impl<K: Kem> KemKit for KemEntry<K> {
    fn new_recipient(&self, rng: &mut BenchRng) -> Result<Box<dyn Recipient>> {
        let (dk, ek) = K::keygen(rng)?;
        Ok(Box::new(TypedRecipient::<K> {
            ek: K::encode_encaps_key(&ek),
            dk,
        }))
    }

    fn encaps_encoded(&self, ek: &[u8], rng: &mut BenchRng) -> Result<(Vec<u8>, Vec<u8>)> {
        let (ct, ss) = K::encaps(&K::decode_encaps_key(ek)?, rng)?;
        Ok((K::encode_ciphertext(&ct), ss.as_ref().to_vec()))
    }
}
