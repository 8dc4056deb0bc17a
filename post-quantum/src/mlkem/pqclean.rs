//! ML-KEM from PQClean's portable `clean` C code, via `pqcrypto-mlkem`.

use ledgerbench_core::{BenchRng, Error, Kem, Result, SchemeInfo};
use pqcrypto_traits::kem::{Ciphertext as _, PublicKey as _, SecretKey as _, SharedSecret as _};

use super::{ML_KEM_512, ML_KEM_768, ML_KEM_1024, MlKem, MlKemParams, mlkem_info};
use crate::util::to_array;

macro_rules! pqclean_mlkem {
    ($(#[$doc:meta])* $ty:ident, $m:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl Kem for $ty {
            type DecapsKey = pqcrypto_mlkem::$m::SecretKey;
            type EncapsKey = pqcrypto_mlkem::$m::PublicKey;
            type Ciphertext = pqcrypto_mlkem::$m::Ciphertext;
            type SharedSecret = [u8; 32];

            const INFO: SchemeInfo = mlkem_info!(
                $params,
                "pqclean",
                "pqcrypto-mlkem",
                "clean",
                false,
                "PQClean portable C; keygen and encaps draw OS randomness, not the run seed; \
                 no encapsulation-key modulus check or decapsulation-key hash check"
            );
            // Expanding the matrix from its seed is rejection sampling (FIPS 203 SampleNTT).
            const VARIABLE_TIME_KEYGEN: bool = true;

            fn keygen(_rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let (pk, sk) = pqcrypto_mlkem::$m::keypair();
                Ok((sk, pk))
            }

            fn encaps(
                ek: &Self::EncapsKey,
                _rng: &mut BenchRng,
            ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
                let (ss, ct) = pqcrypto_mlkem::$m::encapsulate(ek);
                Ok((ct, to_array(ss.as_bytes(), "ML-KEM shared secret")?))
            }

            fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
                let ss = pqcrypto_mlkem::$m::decapsulate(ct, dk);
                to_array(ss.as_bytes(), "ML-KEM shared secret")
            }

            fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
                ek.as_bytes().to_vec()
            }

            fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
                pqcrypto_mlkem::$m::PublicKey::from_bytes(bytes)
                    .map_err(|e| Error::decode("ML-KEM encapsulation key", e))
            }

            fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
                dk.as_bytes().to_vec()
            }

            fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
                ct.as_bytes().to_vec()
            }

            fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
                pqcrypto_mlkem::$m::Ciphertext::from_bytes(bytes)
                    .map_err(|e| Error::decode("ML-KEM ciphertext", e))
            }
        }

        impl MlKem for $ty {
            const PARAMS: MlKemParams = $params;

            fn decode_decaps_key(bytes: &[u8]) -> Result<Self::DecapsKey> {
                pqcrypto_mlkem::$m::SecretKey::from_bytes(bytes)
                    .map_err(|e| Error::decode("ML-KEM decapsulation key", e))
            }
        }
    };
}

pqclean_mlkem!(
    /// ML-KEM-512 from PQClean (`ml-kem-512/pqclean`).
    MlKem512Pqclean,
    mlkem512,
    ML_KEM_512
);
pqclean_mlkem!(
    /// ML-KEM-768 from PQClean (`ml-kem-768/pqclean`).
    MlKem768Pqclean,
    mlkem768,
    ML_KEM_768
);
pqclean_mlkem!(
    /// ML-KEM-1024 from PQClean (`ml-kem-1024/pqclean`).
    MlKem1024Pqclean,
    mlkem1024,
    ML_KEM_1024
);
