//! Native Poseidon over each backend's scalar field, and the field interface
//! the statements are written against.
//!
//! Every circuit hashes with a width-3 (rate 2, capacity 1) Poseidon
//! permutation with the x⁵ S-box, used as a constant-length sponge: the
//! capacity element starts at `L · 2⁶⁴` for an `L`-element input (the halo2
//! `ConstantLength` domain), the input is absorbed, one element is squeezed.
//!
//! | field | rounds (full + partial) | constants | gadget |
//! |---|---|---|---|
//! | BLS12-381 Fr, BN254 Fr | 8 + 57 | Grain LFSR (`find_poseidon_ark_and_mds`) | `PoseidonSpongeVar` |
//! | Pallas base (Pasta) | 8 + 56 | `P128Pow5T3` (Grain LFSR) | `Pow5Chip` |
//!
//! The native hash and the gadget of a backend share one parameter object
//! (the same `PoseidonConfig`, the same `Spec`), so they cannot drift apart;
//! the tests check that a circuit's output equals the native hash.

use std::fmt::Debug;
use std::ops::{Add, Mul, Sub};
use std::sync::OnceLock;

use ark_crypto_primitives::sponge::constraints::CryptographicSpongeVar;
use ark_crypto_primitives::sponge::poseidon::constraints::PoseidonSpongeVar;
use ark_crypto_primitives::sponge::poseidon::{
    PoseidonConfig, PoseidonSponge, find_poseidon_ark_and_mds,
};
use ark_crypto_primitives::sponge::{Absorb, CryptographicSponge, FieldBasedCryptographicSponge};
use ark_ff::PrimeField;
use ark_r1cs_std::fields::fp::FpVar;
use ark_relations::gr1cs::{ConstraintSystemRef, SynthesisError};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use halo2_poseidon::{ConstantLength, Hash as PastaHash, P128Pow5T3};
use ledgerbench_core::rng::Rng06;
use ledgerbench_core::{BenchRng, Error, Result};
use pasta_curves::pallas;

/// Bytes of one encoded field element (every field here is under 2²⁵⁶).
pub const FIELD_BYTES: usize = 32;

/// Full rounds of the arkworks-side permutation.
pub const ARK_FULL_ROUNDS: usize = 8;
/// Partial rounds of the arkworks-side permutation (circomlib's choice for
/// width 3 over ~254-bit fields).
pub const ARK_PARTIAL_ROUNDS: usize = 57;

/// A prime field a statement can be computed in natively: arithmetic, random
/// sampling, a canonical encoding, and Poseidon.
pub trait NativeField:
    Copy
    + PartialEq
    + Debug
    + Send
    + Sync
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
{
    /// The element `v`.
    fn from_u64(v: u64) -> Self;
    /// A uniformly random element.
    fn random(rng: &mut BenchRng) -> Self;
    /// The 32-byte little-endian canonical encoding.
    fn to_bytes(&self) -> [u8; FIELD_BYTES];
    /// Decodes a canonical encoding, rejecting values ≥ the modulus.
    fn from_bytes(bytes: &[u8]) -> Result<Self>;
    /// Poseidon of a one-element input.
    fn hash1(x: Self) -> Self;
    /// Poseidon of a two-element input (Merkle nodes, commitments).
    fn hash2(a: Self, b: Self) -> Self;
}

/// The domain tag of a constant-length input: `len · 2⁶⁴`.
fn domain_tag<F: PrimeField>(len: usize) -> F {
    F::from((len as u128) << 64)
}

/// Builds the width-3 Poseidon configuration for an arkworks field.
fn ark_config<F: PrimeField>() -> PoseidonConfig<F> {
    let rate = 2;
    let (ark, mds) = find_poseidon_ark_and_mds::<F>(
        u64::from(F::MODULUS_BIT_SIZE),
        rate,
        ARK_FULL_ROUNDS as u64,
        ARK_PARTIAL_ROUNDS as u64,
        0,
    );
    PoseidonConfig::new(ARK_FULL_ROUNDS, ARK_PARTIAL_ROUNDS, 5, mds, ark, rate, 1)
}

/// arkworks fields with a cached Poseidon configuration.
pub trait ArkPoseidon: PrimeField + Absorb {
    /// The configuration shared by the native hash and the gadget.
    fn poseidon_config() -> &'static PoseidonConfig<Self>;
}

macro_rules! ark_poseidon_field {
    ($field:ty) => {
        impl ArkPoseidon for $field {
            fn poseidon_config() -> &'static PoseidonConfig<Self> {
                static CONFIG: OnceLock<PoseidonConfig<$field>> = OnceLock::new();
                CONFIG.get_or_init(ark_config::<$field>)
            }
        }

        impl NativeField for $field {
            fn from_u64(v: u64) -> Self {
                <$field>::from(v)
            }
            fn random(rng: &mut BenchRng) -> Self {
                <$field as ark_std::UniformRand>::rand(&mut Rng06(rng))
            }
            fn to_bytes(&self) -> [u8; FIELD_BYTES] {
                let mut out = [0u8; FIELD_BYTES];
                // Writing a field element into a 32-byte buffer cannot fail.
                let _ = self.serialize_compressed(&mut out[..]);
                out
            }
            fn from_bytes(bytes: &[u8]) -> Result<Self> {
                if bytes.len() != FIELD_BYTES {
                    return Err(Error::decode(
                        "field element",
                        format!("expected {FIELD_BYTES} bytes, got {}", bytes.len()),
                    ));
                }
                <$field>::deserialize_compressed(bytes)
                    .map_err(|e| Error::decode("field element", e))
            }
            fn hash1(x: Self) -> Self {
                ark_hash(&[x])
            }
            fn hash2(a: Self, b: Self) -> Self {
                ark_hash(&[a, b])
            }
        }
    };
}

ark_poseidon_field!(ark_bls12_381::Fr);
ark_poseidon_field!(ark_bn254::Fr);

/// Native Poseidon of `inputs` over an arkworks field.
pub fn ark_hash<F: ArkPoseidon>(inputs: &[F]) -> F {
    let mut sponge = PoseidonSponge::new(F::poseidon_config());
    sponge.state[0] = domain_tag(inputs.len());
    sponge.absorb(&inputs.to_vec());
    sponge
        .squeeze_native_field_elements(1)
        .first()
        .copied()
        .unwrap_or_default()
}

/// The Poseidon gadget (R1CS) matching [`ark_hash`].
pub fn ark_hash_var<F: ArkPoseidon>(
    cs: ConstraintSystemRef<F>,
    inputs: &[FpVar<F>],
) -> std::result::Result<FpVar<F>, SynthesisError> {
    let mut sponge = PoseidonSpongeVar::new(cs, F::poseidon_config());
    sponge.state[0] = FpVar::Constant(domain_tag(inputs.len()));
    sponge.absorb(&inputs.to_vec())?;
    sponge
        .squeeze_field_elements(1)?
        .into_iter()
        .next()
        .ok_or(SynthesisError::Unsatisfiable)
}

/// The Pallas base field: the circuit field of halo2 over Pasta (commitments on Vesta).
pub type PastaFp = pallas::Base;

impl NativeField for PastaFp {
    fn from_u64(v: u64) -> Self {
        PastaFp::from(v)
    }
    fn random(rng: &mut BenchRng) -> Self {
        <PastaFp as ff::Field>::random(rng)
    }
    fn to_bytes(&self) -> [u8; FIELD_BYTES] {
        ff::PrimeField::to_repr(self)
    }
    fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let repr: [u8; FIELD_BYTES] = bytes.try_into().map_err(|_| {
            Error::decode(
                "field element",
                format!("expected {FIELD_BYTES} bytes, got {}", bytes.len()),
            )
        })?;
        Option::from(<PastaFp as ff::PrimeField>::from_repr(repr))
            .ok_or_else(|| Error::decode("field element", "not canonical (≥ modulus)"))
    }
    fn hash1(x: Self) -> Self {
        PastaHash::<_, P128Pow5T3, ConstantLength<1>, 3, 2>::init().hash([x])
    }
    fn hash2(a: Self, b: Self) -> Self {
        PastaHash::<_, P128Pow5T3, ConstantLength<2>, 3, 2>::init().hash([a, b])
    }
}

/// Encodes field elements back to back.
pub fn encode_elements<F: NativeField>(elements: &[F]) -> Vec<u8> {
    elements.iter().flat_map(|e| e.to_bytes()).collect()
}

/// Decodes back-to-back field elements, rejecting ragged or non-canonical input.
pub fn decode_elements<F: NativeField>(bytes: &[u8]) -> Result<Vec<F>> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(FIELD_BYTES) {
        return Err(Error::decode(
            "public input",
            format!(
                "{} bytes is not a positive multiple of {FIELD_BYTES}",
                bytes.len()
            ),
        ));
    }
    bytes.chunks(FIELD_BYTES).map(F::from_bytes).collect()
}
