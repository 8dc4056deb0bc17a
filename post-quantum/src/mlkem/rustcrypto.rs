//! ML-KEM from RustCrypto's `ml-kem` crate (pure Rust).

use ledgerbench_core::{BenchRng, Error, Kem, Result, SchemeInfo};
#[allow(deprecated)] // the expanded key form is the one every implementation shares
use ml_kem::ExpandedKeyEncoding;
use ml_kem::{B32, Decapsulate, DecapsulationKey, Encapsulate, EncapsulationKey, KeyExport, Seed};

use super::{ML_KEM_512, ML_KEM_768, ML_KEM_1024, MlKem, MlKemParams, invalid, mlkem_info};
use crate::util::{random_array, to_array};

macro_rules! rustcrypto_mlkem {
    ($(#[$doc:meta])* $ty:ident, $p:ty, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl Kem for $ty {
            type DecapsKey = DecapsulationKey<$p>;
            type EncapsKey = EncapsulationKey<$p>;
            type Ciphertext = ml_kem::Ciphertext<$p>;
            type SharedSecret = [u8; 32];

            const INFO: SchemeInfo = mlkem_info!(
                $params,
                "rustcrypto",
                "ml-kem",
                "portable",
                true,
                "pure Rust, unaudited; keygen seed and encaps randomness from the run RNG"
            );
            // Expanding the matrix from its seed is rejection sampling (FIPS 203 SampleNTT).
            const VARIABLE_TIME_KEYGEN: bool = true;

            fn keygen(rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let seed: [u8; 64] = random_array(rng);
                Self::keygen_from_seed(&seed)
            }

            fn encaps(
                ek: &Self::EncapsKey,
                rng: &mut BenchRng,
            ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
                let (ct, ss) = ek.encapsulate_with_rng(rng);
                Ok((ct, ss.into()))
            }

            fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
                Ok(dk.decapsulate(ct).into())
            }

            fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
                ek.to_bytes().to_vec()
            }

            fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
                let key = ml_kem::Key::<EncapsulationKey<$p>>::try_from(bytes).map_err(|_| {
                    Error::decode("ML-KEM encapsulation key", format!("expected {} bytes", $params.ek_len))
                })?;
                EncapsulationKey::new(&key).map_err(|_| invalid("ML-KEM encapsulation key"))
            }

            fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
                #[allow(deprecated)]
                dk.to_expanded_bytes().to_vec()
            }

            fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
                ct.to_vec()
            }

            fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
                ml_kem::Ciphertext::<$p>::try_from(bytes).map_err(|_| {
                    Error::decode("ML-KEM ciphertext", format!("expected {} bytes", $params.ct_len))
                })
            }
        }

        impl MlKem for $ty {
            const PARAMS: MlKemParams = $params;

            fn keygen_from_seed(seed: &[u8]) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let seed: [u8; 64] = to_array(seed, "ML-KEM seed")?;
                let dk = DecapsulationKey::<$p>::from_seed(Seed::from(seed));
                let ek = dk.encapsulation_key().clone();
                Ok((dk, ek))
            }

            fn decode_decaps_key(bytes: &[u8]) -> Result<Self::DecapsKey> {
                let enc = ml_kem::array::Array::try_from(bytes).map_err(|_| {
                    Error::decode("ML-KEM decapsulation key", format!("expected {} bytes", $params.dk_len))
                })?;
                #[allow(deprecated)]
                DecapsulationKey::<$p>::from_expanded_bytes(&enc)
                    .map_err(|_| invalid("ML-KEM decapsulation key"))
            }

            fn encaps_deterministic(
                ek: &Self::EncapsKey,
                m: &[u8; 32],
            ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
                let (ct, ss) = ek.encapsulate_deterministic(&B32::from(*m));
                Ok((ct, ss.into()))
            }
        }
    };
}

rustcrypto_mlkem!(
    /// ML-KEM-512 from RustCrypto (`ml-kem-512/rustcrypto`).
    MlKem512RustCrypto,
    ml_kem::MlKem512,
    ML_KEM_512
);
rustcrypto_mlkem!(
    /// ML-KEM-768 from RustCrypto (`ml-kem-768/rustcrypto`).
    MlKem768RustCrypto,
    ml_kem::MlKem768,
    ML_KEM_768
);
rustcrypto_mlkem!(
    /// ML-KEM-1024 from RustCrypto (`ml-kem-1024/rustcrypto`).
    MlKem1024RustCrypto,
    ml_kem::MlKem1024,
    ML_KEM_1024
);
