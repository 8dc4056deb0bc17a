//! Inputs for constant-time screening (`ledgerbench ct`): for each
//! secret-dependent operation, two classes of inputs — a fixed one and a
//! random one — and a loop that times one operation per input.
//!
//! | op | secret | class 0 (fixed) | class 1 (random) |
//! |---|---|---|---|
//! | `sign` (message) | the signing key (and the nonce it derives) | one 32-byte message | a fresh random message |
//! | `sign` (key) | the signing key | one key | a fresh random key, same message |
//! | `decaps` | the decapsulation key | one ciphertext | a random valid ciphertext to the same key |
//! | `keygen` | the seed | one seed | a fresh random seed |
//!
//! Both classes go through the same code and the same memory pattern: every
//! measurement gets its own freshly made input (a copy of the fixed one, or a
//! random one), prepared before the batch is timed, so a cache-hot fixed
//! input cannot pass for a leak — a fixed key is made afresh from its seed
//! for every measurement, as a random one is. `keygen` and `sign` (key) are
//! screened only where the RNG decides the key (two keygens from one seed
//! give the same public key); libraries that draw OS randomness cannot be
//! given a fixed class.

use std::fmt;
use std::hint::black_box;
use std::time::Instant;

use rand_core::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::rng::{random_array, random_bytes};
use crate::timer::{cycles_end, cycles_start};
use crate::{BenchRng, Error, Kem, Op, Result, SignatureScheme, bench_rng};

/// Class label of the fixed inputs.
pub const FIXED: u8 = 0;
/// Class label of the random inputs.
pub const RANDOM: u8 = 1;

/// Random ciphertexts prepared per decaps target (class 1 draws among them).
const CIPHERTEXT_POOL: usize = 128;

/// The input that differs between the two classes of a screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Varies {
    /// The message signed (the key is fixed).
    Message,
    /// The signing key (the message is fixed).
    Key,
    /// The ciphertext decapsulated (the key is fixed).
    Ciphertext,
    /// The RNG seed of key generation.
    Seed,
}

impl fmt::Display for Varies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Varies::Message => "message",
            Varies::Key => "key",
            Varies::Ciphertext => "ciphertext",
            Varies::Seed => "seed",
        })
    }
}

/// One screen of one scheme: an operation and the input its classes differ in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CtCase {
    /// The operation timed.
    pub op: Op,
    /// What differs between the fixed and the random class.
    pub varies: Varies,
}

impl CtCase {
    /// `op` with classes differing in `varies`.
    pub const fn new(op: Op, varies: Varies) -> CtCase {
        CtCase { op, varies }
    }

    /// The screens of a signature scheme: keygen (seed), sign (message), sign (key).
    pub const SIGNATURE: [CtCase; 3] = [
        CtCase::new(Op::Keygen, Varies::Seed),
        CtCase::new(Op::Sign, Varies::Message),
        CtCase::new(Op::Sign, Varies::Key),
    ];

    /// The screens of a KEM: keygen (seed), decaps (ciphertext).
    pub const KEM: [CtCase; 2] = [
        CtCase::new(Op::Keygen, Varies::Seed),
        CtCase::new(Op::Decaps, Varies::Ciphertext),
    ];
}

impl fmt::Display for CtCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.op, self.varies)
    }
}

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

/// A signature scheme's screens ([`CtCase::SIGNATURE`]); keygen and sign
/// (key) only when the seed decides the key.
pub fn sig_target<S: SignatureScheme>(case: CtCase, seed: u64) -> Result<Box<dyn CtTarget>> {
    let mut rng = bench_rng(seed, &format!("ct/{}/{}", S::INFO.id(), case.op));
    let seeded_keygen = |rng: &mut BenchRng| -> Result<[u8; 32]> {
        let seed: [u8; 32] = random_array(rng);
        let pk = |s| S::keygen(&mut BenchRng::from_seed(s)).map(|k| S::encode_public_key(&k.1));
        if pk(seed)? != pk(seed)? {
            return Err(not_applicable(case));
        }
        Ok(seed)
    };
    match (case.op, case.varies) {
        (Op::Sign, Varies::Message) => {
            let (sk, _) = S::keygen(&mut rng)?;
            let fixed = random_bytes(&mut rng, 32);
            Ok(Box::new(SignTarget::<S> { sk, fixed, rng }))
        }
        (Op::Sign, Varies::Key) => {
            let seed = seeded_keygen(&mut rng)?;
            let message = random_bytes(&mut rng, 32);
            Ok(Box::new(SignKeyTarget::<S> {
                seed,
                message,
                rng,
                scheme: std::marker::PhantomData,
            }))
        }
        (Op::Keygen, Varies::Seed) => {
            let seed = seeded_keygen(&mut rng)?;
            Ok(Box::new(KeygenTarget {
                seed,
                rng,
                keygen: |r| S::keygen(r).map(drop),
            }))
        }
        _ => Err(Error::Unsupported(case.to_string())),
    }
}

/// A KEM's screens ([`CtCase::KEM`]); keygen only when the seed decides the key.
pub fn kem_target<K: Kem>(case: CtCase, seed: u64) -> Result<Box<dyn CtTarget>> {
    let mut rng = bench_rng(seed, &format!("ct/{}/{}", K::INFO.id(), case.op));
    match (case.op, case.varies) {
        (Op::Decaps, Varies::Ciphertext) => {
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
        (Op::Keygen, Varies::Seed) => {
            let seed: [u8; 32] = random_array(&mut rng);
            let ek = |s| K::keygen(&mut BenchRng::from_seed(s)).map(|k| K::encode_encaps_key(&k.1));
            if ek(seed)? != ek(seed)? {
                return Err(not_applicable(case));
            }
            Ok(Box::new(KeygenTarget {
                seed,
                rng,
                keygen: |r| K::keygen(r).map(drop),
            }))
        }
        _ => Err(Error::Unsupported(case.to_string())),
    }
}

/// The error of a screen needing a seeded key that the seed does not decide.
fn not_applicable(case: CtCase) -> Error {
    Error::Unsupported(format!(
        "{case}: the library's key generation draws its own randomness, so no fixed key \
         can be made"
    ))
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

struct SignKeyTarget<S: SignatureScheme> {
    seed: [u8; 32],
    message: Vec<u8>,
    rng: BenchRng,
    scheme: std::marker::PhantomData<S>,
}

impl<S: SignatureScheme> CtTarget for SignKeyTarget<S> {
    fn classes(&self) -> &'static str {
        "fixed vs random signing key (fixed 32-byte message)"
    }

    fn measure(&mut self, classes: &[u8], out: &mut [u64]) -> Result<()> {
        // Both classes' keys are generated here, outside the timed loop: the
        // fixed one from its seed, so it is as fresh in memory as a random one.
        let keys = classes
            .iter()
            .map(|c| {
                let seed = match *c {
                    FIXED => self.seed,
                    _ => random_array(&mut self.rng),
                };
                S::keygen(&mut BenchRng::from_seed(seed)).map(|k| k.0)
            })
            .collect::<Result<Vec<_>>>()?;
        let (message, rng) = (&self.message, &mut self.rng);
        time_each(keys, out, |sk| S::sign(sk, message, rng))
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
