//! ML-KEM from AWS-LC via `aws-lc-rs` (C with assembly; the library's own
//! CPU dispatch picks its code path at run time).
//!
//! AWS-LC generates keys and encapsulation randomness itself: its API takes
//! neither a seed nor an RNG, so neither is reproducible from the run seed
//! (as for PQClean), and `ct` cannot make a fixed key-generation class.

use aws_lc_rs::kem::{Algorithm, AlgorithmId, Ciphertext, DecapsulationKey, EncapsulationKey};
use ledgerbench_core::{BenchRng, Error, Kem, Result, SchemeInfo};

use super::{ML_KEM_512, ML_KEM_768, ML_KEM_1024, MlKem, MlKemParams, mlkem_info};
use crate::util::to_array;

macro_rules! awslc_mlkem {
    ($(#[$doc:meta])* $ty:ident, $alg:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl $ty {
            const ALG: &'static Algorithm<AlgorithmId> = &aws_lc_rs::kem::$alg;
        }

        impl Kem for $ty {
            type DecapsKey = DecapsulationKey<AlgorithmId>;
            type EncapsKey = EncapsulationKey<AlgorithmId>;
            type Ciphertext = Vec<u8>;
            type SharedSecret = [u8; 32];

            const INFO: SchemeInfo = mlkem_info!(
                $params,
                "aws-lc",
                "aws-lc-rs",
                "aws-lc",
                false,
                "AWS-LC C/assembly (rustls' default provider); keygen and encaps draw AWS-LC's \
                 own randomness, not the run seed"
            );
            // Expanding the matrix from its seed is rejection sampling (FIPS 203 SampleNTT).
            const VARIABLE_TIME_KEYGEN: bool = true;

            fn keygen(_rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let dk = DecapsulationKey::generate(Self::ALG).map_err(|e| Error::op("keygen", e))?;
                let ek = dk.encapsulation_key().map_err(|e| Error::op("keygen", e))?;
                Ok((dk, ek))
            }

            fn encaps(
                ek: &Self::EncapsKey,
                _rng: &mut BenchRng,
            ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
                let (ct, ss) = ek.encapsulate().map_err(|e| Error::op("encaps", e))?;
                Ok((ct.as_ref().to_vec(), to_array(ss.as_ref(), "ML-KEM shared secret")?))
            }

            fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
                let ss = dk
                    .decapsulate(Ciphertext::from(ct.as_slice()))
                    .map_err(|e| Error::op("decaps", e))?;
                to_array(ss.as_ref(), "ML-KEM shared secret")
            }

            fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
                ek.key_bytes().map(|b| b.as_ref().to_vec()).unwrap_or_default()
            }

            fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
                EncapsulationKey::new(Self::ALG, bytes)
                    .map_err(|e| Error::decode("ML-KEM encapsulation key", e))
            }

            fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
                dk.key_bytes().map(|b| b.as_ref().to_vec()).unwrap_or_default()
            }

            fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
                ct.clone()
            }

            fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
                if bytes.len() != $params.ct_len {
                    return Err(Error::decode(
                        "ML-KEM ciphertext",
                        format!("{} bytes, expected {}", bytes.len(), $params.ct_len),
                    ));
                }
                Ok(bytes.to_vec())
            }
        }

        impl MlKem for $ty {
            const PARAMS: MlKemParams = $params;

            fn decode_decaps_key(bytes: &[u8]) -> Result<Self::DecapsKey> {
                DecapsulationKey::new(Self::ALG, bytes)
                    .map_err(|e| Error::decode("ML-KEM decapsulation key", e))
            }
        }
    };
}

awslc_mlkem!(
    /// ML-KEM-512 from AWS-LC (`ml-kem-512/aws-lc`).
    MlKem512AwsLc,
    ML_KEM_512,
    ML_KEM_512
);
awslc_mlkem!(
    /// ML-KEM-768 from AWS-LC (`ml-kem-768/aws-lc`).
    MlKem768AwsLc,
    ML_KEM_768,
    ML_KEM_768
);
awslc_mlkem!(
    /// ML-KEM-1024 from AWS-LC (`ml-kem-1024/aws-lc`).
    MlKem1024AwsLc,
    ML_KEM_1024,
    ML_KEM_1024
);
