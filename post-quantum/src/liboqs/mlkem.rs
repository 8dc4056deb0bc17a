//! ML-KEM (FIPS 203) from liboqs: mlkem-native's portable C and x86-64
//! AVX2 code, chosen at run time.
//!
//! Key generation and encapsulation draw liboqs' own randomness for timing
//! (as its speed tool does); seeded key generation (`keypair_derand`) serves
//! the conformance suites. Key checks are the library's own (FIPS 203 §7.2
//! modulus check in encapsulation, §7.3 hash check in decapsulation).

use ledgerbench_core::{BenchRng, Error, Kem, Result};

use super::exact;
use crate::mlkem::{ML_KEM_512, ML_KEM_768, ML_KEM_1024, MlKem, MlKemParams, mlkem_info};
use crate::util::to_array;

macro_rules! liboqs_mlkem {
    ($(#[$doc:meta])* $ty:ident, $alg:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl $ty {
            fn handle() -> Result<&'static oqs::kem::Kem> {
                static HANDLE: std::sync::OnceLock<oqs::kem::Kem> = std::sync::OnceLock::new();
                super::kem_handle(&HANDLE, oqs::kem::Algorithm::$alg)
            }
        }

        impl Kem for $ty {
            type DecapsKey = Vec<u8>;
            type EncapsKey = Vec<u8>;
            type Ciphertext = Vec<u8>;
            type SharedSecret = [u8; 32];

            const INFO: ledgerbench_core::SchemeInfo = mlkem_info!(
                $params,
                "liboqs",
                "oqs",
                "dist build, runtime CPU dispatch",
                false,
                "liboqs (mlkem-native portable C or AVX2 code, chosen at run time); keygen and \
                 encaps draw liboqs' own randomness, not the run seed"
            );
            // Expanding the matrix from its seed is rejection sampling (FIPS 203 SampleNTT).
            const VARIABLE_TIME_KEYGEN: bool = true;

            fn keygen(_rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let (pk, sk) = Self::handle()?
                    .keypair()
                    .map_err(|e| Error::op("keygen", e))?;
                Ok((sk.into_vec(), pk.into_vec()))
            }

            fn encaps(
                ek: &Self::EncapsKey,
                _rng: &mut BenchRng,
            ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
                let handle = Self::handle()?;
                let ek = handle
                    .public_key_from_bytes(ek)
                    .ok_or_else(|| Error::op("encaps", "key length"))?;
                let (ct, ss) = handle.encapsulate(ek).map_err(|e| Error::op("encaps", e))?;
                Ok((ct.into_vec(), to_array(ss.as_ref(), "ML-KEM shared secret")?))
            }

            fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
                let handle = Self::handle()?;
                let dk = handle
                    .secret_key_from_bytes(dk)
                    .ok_or_else(|| Error::op("decaps", "key length"))?;
                let ct = handle
                    .ciphertext_from_bytes(ct)
                    .ok_or_else(|| Error::op("decaps", "ciphertext length"))?;
                let ss = handle.decapsulate(dk, ct).map_err(|e| Error::op("decaps", e))?;
                to_array(ss.as_ref(), "ML-KEM shared secret")
            }

            fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
                ek.clone()
            }

            fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
                exact("ML-KEM encapsulation key", bytes, $params.ek_len)
            }

            fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
                dk.clone()
            }

            fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
                ct.clone()
            }

            fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
                exact("ML-KEM ciphertext", bytes, $params.ct_len)
            }
        }

        impl MlKem for $ty {
            const PARAMS: MlKemParams = $params;

            fn keygen_from_seed(seed: &[u8]) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let handle = Self::handle()?;
                let seed = handle
                    .keypair_seed_from_bytes(seed)
                    .ok_or_else(|| Error::decode("ML-KEM seed", format!("{} bytes, expected 64", seed.len())))?;
                let (pk, sk) = handle
                    .keypair_derand(seed)
                    .map_err(|e| Error::op("keygen", e))?;
                Ok((sk.into_vec(), pk.into_vec()))
            }

            fn decode_decaps_key(bytes: &[u8]) -> Result<Self::DecapsKey> {
                exact("ML-KEM decapsulation key", bytes, $params.dk_len)
            }
        }
    };
}

liboqs_mlkem!(
    /// ML-KEM-512 from liboqs (`ml-kem-512/liboqs`).
    MlKem512Liboqs,
    MlKem512,
    ML_KEM_512
);
liboqs_mlkem!(
    /// ML-KEM-768 from liboqs (`ml-kem-768/liboqs`).
    MlKem768Liboqs,
    MlKem768,
    ML_KEM_768
);
liboqs_mlkem!(
    /// ML-KEM-1024 from liboqs (`ml-kem-1024/liboqs`).
    MlKem1024Liboqs,
    MlKem1024,
    ML_KEM_1024
);
