//! The registered (proof system, circuit) pairs and their ids.

use ark_bls12_381::Bls12_381;
use ark_bn254::Bn254;
use ledgerbench_core::{BatchVerifyProofs, Catalog, ProofListing, Rerandomize, SchemeInfo};

use crate::bulletproofs::Bulletproofs;
use crate::groth16::{Described, Groth16, info};
use crate::halo2::Halo2;
use crate::statement::merkle::Merkle;
use crate::statement::preimage::PoseidonPreimage;
use crate::statement::range::Range;
use crate::statement::sha256::Sha256Preimage;
use crate::statement::synthetic::Synthetic;

macro_rules! groth16 {
    ($alias:ident, $curve:ty, $circuit:ty, $name:literal) => {
        #[doc = concat!("`", $name, "/arkworks`: Groth16 on ", stringify!($curve), " proving ", stringify!($circuit), ".")]
        pub type $alias = Groth16<$curve, $circuit>;

        impl Described for Groth16<$curve, $circuit> {
            const INFO: SchemeInfo = info::<$curve>($name);
        }
    };
}

groth16!(
    Groth16Bls12381Range,
    Bls12_381,
    Range,
    "groth16-bls12-381-range"
);
groth16!(
    Groth16Bls12381Merkle,
    Bls12_381,
    Merkle,
    "groth16-bls12-381-merkle"
);
groth16!(
    Groth16Bls12381Poseidon,
    Bls12_381,
    PoseidonPreimage,
    "groth16-bls12-381-preimage-poseidon"
);
groth16!(
    Groth16Bls12381Sha256,
    Bls12_381,
    Sha256Preimage,
    "groth16-bls12-381-preimage-sha256"
);
groth16!(
    Groth16Bls12381Synthetic,
    Bls12_381,
    Synthetic,
    "groth16-bls12-381-synthetic"
);
groth16!(Groth16Bn254Range, Bn254, Range, "groth16-bn254-range");
groth16!(Groth16Bn254Merkle, Bn254, Merkle, "groth16-bn254-merkle");
groth16!(
    Groth16Bn254Poseidon,
    Bn254,
    PoseidonPreimage,
    "groth16-bn254-preimage-poseidon"
);
groth16!(
    Groth16Bn254Sha256,
    Bn254,
    Sha256Preimage,
    "groth16-bn254-preimage-sha256"
);
groth16!(
    Groth16Bn254Synthetic,
    Bn254,
    Synthetic,
    "groth16-bn254-synthetic"
);

/// `halo2-ipa-range/halo2`.
pub type Halo2Range = Halo2<Range>;
/// `halo2-ipa-merkle/halo2`.
pub type Halo2Merkle = Halo2<Merkle>;
/// `halo2-ipa-preimage-poseidon/halo2`.
pub type Halo2Poseidon = Halo2<PoseidonPreimage>;
/// `halo2-ipa-synthetic/halo2`.
pub type Halo2Synthetic = Halo2<Synthetic>;

/// Lists a Groth16 pair with batch verification and the malleability check.
fn groth16<P, C>(c: &mut C, full_suite_only: bool)
where
    P: BatchVerifyProofs + Rerandomize,
    C: Catalog,
{
    c.proof_with::<P>(|p| {
        let p = p.with_batch().with_rerandomize();
        if full_suite_only {
            p.full_suite_only()
        } else {
            p
        }
    });
}

/// Every scheme of this crate, listed for the registry (SHA-256 preimage
/// circuits, whose setup and proving take seconds, run in the full suite).
pub fn catalog(c: &mut impl Catalog) {
    groth16::<Groth16Bls12381Range, _>(c, false);
    groth16::<Groth16Bls12381Merkle, _>(c, false);
    groth16::<Groth16Bls12381Poseidon, _>(c, false);
    groth16::<Groth16Bls12381Sha256, _>(c, true);
    groth16::<Groth16Bls12381Synthetic, _>(c, false);
    groth16::<Groth16Bn254Range, _>(c, false);
    groth16::<Groth16Bn254Merkle, _>(c, false);
    groth16::<Groth16Bn254Poseidon, _>(c, false);
    groth16::<Groth16Bn254Sha256, _>(c, true);
    groth16::<Groth16Bn254Synthetic, _>(c, false);
    c.proof::<Halo2Range>();
    c.proof::<Halo2Merkle>();
    c.proof::<Halo2Poseidon>();
    c.proof::<Halo2Synthetic>();
    c.proof::<Bulletproofs>();
}
