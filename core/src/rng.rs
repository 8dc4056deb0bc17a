//! Seeded randomness, and the adapters to older `rand_core` versions.
//!
//! The harness hands every scheme a [`BenchRng`] (ChaCha20, `rand_core` 0.10)
//! derived from the run's seed, so a run is reproducible wherever the library
//! accepts an RNG. arkworks uses `rand` 0.8 (`rand_core` 0.6) and libsecp256k1's
//! bindings `rand` 0.9; the adapters here are the one place those worlds meet.

use rand_core::{Rng, SeedableRng};

/// The RNG every scheme receives.
pub type BenchRng = rand_chacha::ChaCha20Rng;

/// Builds the RNG for one purpose from the run seed; distinct `stream` labels
/// give independent streams, so adding a scheme does not shift another's inputs.
pub fn bench_rng(seed: u64, stream: &str) -> BenchRng {
    // FNV-1a over the label, mixed with the seed: cheap and stable across builds.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in stream.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&h.to_le_bytes());
    BenchRng::from_seed(key)
}

/// Fills a fresh vector with `len` random bytes.
pub fn random_bytes(rng: &mut BenchRng, len: usize) -> Vec<u8> {
    let mut v = vec![0u8; len];
    rng.fill_bytes(&mut v);
    v
}

/// Draws `N` random bytes from the harness RNG.
pub fn random_array<const N: usize>(rng: &mut BenchRng) -> [u8; N] {
    let mut out = [0u8; N];
    rand_core::Rng::fill_bytes(rng, &mut out);
    out
}

/// Presents a [`BenchRng`] as a `rand_core` 0.6 RNG (arkworks, `rand` 0.8).
pub struct Rng06<'a>(pub &'a mut BenchRng);

impl rand_core_06::RngCore for Rng06<'_> {
    fn next_u32(&mut self) -> u32 {
        self.0.next_u32()
    }
    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.0.fill_bytes(dest)
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core_06::Error> {
        self.0.fill_bytes(dest);
        Ok(())
    }
}

impl rand_core_06::CryptoRng for Rng06<'_> {}

/// Presents a [`BenchRng`] as a `rand_core` 0.9 RNG (`rand` 0.9 users such as
/// the `secp256k1` bindings).
pub struct Rng09<'a>(pub &'a mut BenchRng);

impl rand_core_09::RngCore for Rng09<'_> {
    fn next_u32(&mut self) -> u32 {
        self.0.next_u32()
    }
    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.0.fill_bytes(dest)
    }
}

impl rand_core_09::CryptoRng for Rng09<'_> {}
