//! Inputs for constant-time screening (`ledgerbench ct`): for each
//! secret-dependent operation, two classes of inputs — a fixed one and a
//! random one — and a loop that times one operation per input.
//!
//! | op | secret | class 0 (fixed) | class 1 (random) |
//! |---|---|---|---|
//! | `sign` | the signing key (and the nonce it derives) | one 32-byte message | a fresh random message |
//! | `decaps` | the decapsulation key | one ciphertext | a random valid ciphertext to the same key |
//! | `keygen` | the seed | one seed | a fresh random seed |
//!
//! Both classes go through the same code and the same memory pattern: every
//! measurement gets its own freshly made input (a copy of the fixed one, or a
//! random one), prepared before the batch is timed, so a cache-hot fixed
//! input cannot pass for a leak. `keygen` is screened only where the RNG
//! decides the key (two keygens from one seed give the same public key);
//! libraries that draw OS randomness cannot be given a fixed class.

use std::hint::black_box;
use std::time::Instant;

use rand_core::SeedableRng;

use crate::rng::{random_array, random_bytes};
use crate::timer::{cycles_end, cycles_start};
use crate::{BenchRng, Error, Kem, Op, Result, SignatureScheme, bench_rng};

/// Class label of the fixed inputs.
pub const FIXED: u8 = 0;
/// Class label of the random inputs.
pub const RANDOM: u8 = 1;

/// Random ciphertexts prepared per decaps target (class 1 draws among them).
const CIPHERTEXT_POOL: usize = 128;

/// Two classes of inputs for one operation, and a timed loop over them.
pub trait CtTarget: Send {
    /// What the classes are, e.g. `fixed vs random message (fixed key)`.
    fn classes(&self) -> &'static str;

    /// The unit of the measurements (`cycles`, or `ns` without a TSC).
    fn unit(&self) -> &'static str {
        unit()
    }

    /// For each entry of `classes` ([`FIXED`] or [`RANDOM`]), prepares an
    /// input of that class, then times one operation on each input in order,
    /// writing the duration to `out` (same length as `classes`).
    fn measure(&mut self, classes: &[u8], out: &mut [u64]) -> Result<()>;
}

/// `cycles` with a TSC, else `ns`.
pub fn unit() -> &'static str {
    if cycles_start().is_some() {
        "cycles"
    } else {
        "ns"
    }
}

/// Times `op` on each prepared input; the result is dropped after the
/// timestamp, and inputs are dropped after the whole batch.
pub fn time_each<I, R>(
    mut inputs: Vec<I>,
    out: &mut [u64],
    mut op: impl FnMut(&mut I) -> Result<R>,
) -> Result<()> {
    let origin = Instant::now();
    let stamp_start = || cycles_start().unwrap_or_else(|| origin.elapsed().as_nanos() as u64);
    let stamp_end = || cycles_end().unwrap_or_else(|| origin.elapsed().as_nanos() as u64);
    for (input, slot) in inputs.iter_mut().zip(out.iter_mut()) {
        let t0 = stamp_start();
        let r = black_box(op(black_box(input)));
        let t1 = stamp_end();
        *slot = t1.wrapping_sub(t0);
        r?;
    }
    drop(inputs);
    Ok(())
}

/// A signature scheme's screened ops: `sign`, and `keygen` when the seed
/// decides the key.
pub fn sig_target<S: SignatureScheme>(op: Op, seed: u64) -> Result<Box<dyn CtTarget>> {
    let mut rng = bench_rng(seed, &format!("ct/{}/{op}", S::INFO.id()));
    match op {
        Op::Sign => {
            let (sk, _) = S::keygen(&mut rng)?;
            let fixed = random_bytes(&mut rng, 32);
            Ok(Box::new(SignTarget::<S> { sk, fixed, rng }))
        }
        Op::Keygen => {
            let seed: [u8; 32] = random_array(&mut rng);
            let pk = |s| S::keygen(&mut BenchRng::from_seed(s)).map(|k| S::encode_public_key(&k.1));
            if pk(seed)? != pk(seed)? {
                return Err(not_applicable());
            }
            Ok(Box::new(KeygenTarget {
                seed,
                rng,
                keygen: |r| S::keygen(r).map(drop),
            }))
        }
        other => Err(Error::Unsupported(other.to_string())),
    }
}

/// A KEM's screened ops: `decaps`, and `keygen` when the seed decides the key.
pub fn kem_target<K: Kem>(op: Op, seed: u64) -> Result<Box<dyn CtTarget>> {
    let mut rng = bench_rng(seed, &format!("ct/{}/{op}", K::INFO.id()));
    match op {
        Op::Decaps => {
            let (dk, ek) = K::keygen(&mut rng)?;
            let fixed = K::encode_ciphertext(&K::encaps(&ek, &mut rng)?.0);
            let pool = (0..CIPHERTEXT_POOL)
                .map(|_| Ok(K::encode_ciphertext(&K::encaps(&ek, &mut rng)?.0)))
                .collect::<Result<Vec<_>>>()?;
            Ok(Box::new(DecapsTarget::<K> {
                dk,
                fixed,
                pool,
                rng,
            }))
        }
        Op::Keygen => {
            let seed: [u8; 32] = random_array(&mut rng);
            let ek = |s| K::keygen(&mut BenchRng::from_seed(s)).map(|k| K::encode_encaps_key(&k.1));
            if ek(seed)? != ek(seed)? {
                return Err(not_applicable());
            }
            Ok(Box::new(KeygenTarget {
                seed,
                rng,
                keygen: |r| K::keygen(r).map(drop),
            }))
        }
        other => Err(Error::Unsupported(other.to_string())),
    }
}

/// The error of a keygen that the seed does not decide.
fn not_applicable() -> Error {
    Error::Unsupported(
        "keygen: the library draws its own randomness, so no fixed class can be made".into(),
    )
}

struct SignTarget<S: SignatureScheme> {
    sk: S::SecretKey,
    fixed: Vec<u8>,
    rng: BenchRng,
}

impl<S: SignatureScheme> CtTarget for SignTarget<S> {
    fn classes(&self) -> &'static str {
        "fixed vs random 32-byte message (fixed key)"
    }

    fn measure(&mut self, classes: &[u8], out: &mut [u64]) -> Result<()> {
        let inputs: Vec<Vec<u8>> = classes
            .iter()
            .map(|c| match *c {
                FIXED => self.fixed.clone(),
                _ => random_bytes(&mut self.rng, self.fixed.len()),
            })
            .collect();
        let (sk, rng) = (&self.sk, &mut self.rng);
        time_each(inputs, out, |msg| S::sign(sk, msg, rng))
    }
}

struct DecapsTarget<K: Kem> {
    dk: K::DecapsKey,
    fixed: Vec<u8>,
    pool: Vec<Vec<u8>>,
    rng: BenchRng,
}

impl<K: Kem> CtTarget for DecapsTarget<K> {
    fn classes(&self) -> &'static str {
        "fixed vs random valid ciphertext (fixed key)"
    }

    fn measure(&mut self, classes: &[u8], out: &mut [u64]) -> Result<()> {
        let inputs = classes
            .iter()
            .map(|c| {
                let bytes = match *c {
                    FIXED => &self.fixed,
                    _ => {
                        let i = rand_core::Rng::next_u32(&mut self.rng) as usize % self.pool.len();
                        &self.pool[i]
                    }
                };
                K::decode_ciphertext(bytes)
            })
            .collect::<Result<Vec<_>>>()?;
        let dk = &self.dk;
        time_each(inputs, out, |ct| K::decaps(dk, ct))
    }
}

struct KeygenTarget {
    seed: [u8; 32],
    rng: BenchRng,
    keygen: fn(&mut BenchRng) -> Result<()>,
}

impl CtTarget for KeygenTarget {
    fn classes(&self) -> &'static str {
        "fixed vs random 32-byte RNG seed"
    }

    fn measure(&mut self, classes: &[u8], out: &mut [u64]) -> Result<()> {
        let inputs: Vec<BenchRng> = classes
            .iter()
            .map(|c| {
                BenchRng::from_seed(match *c {
                    FIXED => self.seed,
                    _ => random_array(&mut self.rng),
                })
            })
            .collect();
        time_each(inputs, out, self.keygen)
    }
}
