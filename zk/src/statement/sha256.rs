//! SHA-256 preimage: knowledge of a secret 32-byte `x` with SHA-256(x) = y —
//! the "standard hash" contrast to Poseidon (tens of thousands of R1CS
//! constraints instead of a few hundred).
//!
//! Public: the digest as two field elements, its first and last 16 bytes each
//! read as a little-endian 128-bit integer. Witness: the 32 bytes.

use ledgerbench_core::rng::{BenchRng, random_bytes};
use ledgerbench_core::{Error, Result, StatementSize};
use sha2::{Digest as _, Sha256};

use super::Statement;
use crate::poseidon::{FIELD_BYTES, NativeField};

/// No size parameter: the preimage is 32 bytes.
pub const SIZE: StatementSize = StatementSize::FIXED;

/// Bytes of the preimage.
pub const PREIMAGE_BYTES: usize = 32;

/// The SHA-256 preimage statement family.
pub struct Sha256Preimage;

/// The public digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sha256Digest(pub [u8; 32]);

/// The secret preimage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sha256Input(pub [u8; PREIMAGE_BYTES]);

fn digest(x: &[u8; PREIMAGE_BYTES]) -> [u8; 32] {
    Sha256::digest(x).into()
}

fn half_to_field<F: NativeField>(half: &[u8]) -> Result<F> {
    let mut bytes = [0u8; FIELD_BYTES];
    bytes[..half.len()].copy_from_slice(half);
    F::from_bytes(&bytes)
}

impl<F: NativeField> Statement<F> for Sha256Preimage {
    type Public = Sha256Digest;
    type Witness = Sha256Input;

    fn sample(_size: usize, rng: &mut BenchRng) -> Result<(Sha256Digest, Sha256Input)> {
        let mut x = [0u8; PREIMAGE_BYTES];
        x.copy_from_slice(&random_bytes(rng, PREIMAGE_BYTES));
        Ok((Sha256Digest(digest(&x)), Sha256Input(x)))
    }

    /// A preimage with one bit flipped.
    fn sample_unsatisfiable(
        size: usize,
        rng: &mut BenchRng,
    ) -> Result<(Sha256Digest, Sha256Input)> {
        let (y, mut x) = <Self as Statement<F>>::sample(size, rng)?;
        x.0[0] ^= 1;
        Ok((y, x))
    }

    fn holds(public: &Sha256Digest, witness: &Sha256Input) -> bool {
        digest(&witness.0) == public.0
    }

    fn public_elements(public: &Sha256Digest) -> Vec<F> {
        // A 16-byte half is below every field modulus here, so decoding succeeds.
        public
            .0
            .chunks(16)
            .filter_map(|half| half_to_field(half).ok())
            .collect()
    }

    fn public_from_elements(elements: Vec<F>) -> Result<Sha256Digest> {
        let [lo, hi] = elements.as_slice() else {
            return Err(Error::decode("sha256 digest", "expected 2 field elements"));
        };
        let mut out = [0u8; 32];
        for (half, e) in out.chunks_mut(16).zip([lo, hi]) {
            let bytes = e.to_bytes();
            if bytes[16..].iter().any(|b| *b != 0) {
                return Err(Error::decode("sha256 digest", "half exceeds 128 bits"));
            }
            half.copy_from_slice(&bytes[..16]);
        }
        Ok(Sha256Digest(out))
    }
}
