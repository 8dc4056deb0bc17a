//! ML-KEM from Cryspen's `libcrux-ml-kem` (formally verified Rust; AVX2 code
//! chosen at run time on x86_64 CPUs that have it, portable code otherwise).

use ledgerbench_core::{BenchRng, Kem, Result, SchemeInfo};

use super::{ML_KEM_512, ML_KEM_768, ML_KEM_1024, MlKem, MlKemParams, invalid, mlkem_info};
use crate::util::{random_array, to_array};

macro_rules! libcrux_mlkem {
    ($(#[$doc:meta])* $ty:ident, $m:ident, $sk:ident, $pk:ident, $ct:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl Kem for $ty {
            type DecapsKey = libcrux_ml_kem::$m::$sk;
            type EncapsKey = libcrux_ml_kem::$m::$pk;
            type Ciphertext = libcrux_ml_kem::$m::$ct;
            type SharedSecret = [u8; 32];

            const INFO: SchemeInfo = mlkem_info!(
                $params,
                "libcrux",
                "libcrux-ml-kem",
                "avx2",
                true,
                "formally verified (hax/F*); AVX2 code selected at run time, portable fallback \
                 on CPUs without AVX2; keygen seed and encaps randomness from the run RNG"
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
                Self::encaps_deterministic(ek, &random_array(rng))
            }

            fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
                Ok(libcrux_ml_kem::$m::decapsulate(dk, ct))
            }

            fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
                ek.as_slice().to_vec()
            }

            fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
                let ek = libcrux_ml_kem::$m::$pk::from(to_array::<{ $params.ek_len }>(
                    bytes,
                    "ML-KEM encapsulation key",
                )?);
                // libcrux leaves the FIPS 203 modulus check to the caller.
                if libcrux_ml_kem::$m::validate_public_key(&ek) {
                    Ok(ek)
                } else {
                    Err(invalid("ML-KEM encapsulation key"))
                }
            }

            fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
                dk.as_slice().to_vec()
            }

            fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
                ct.as_slice().to_vec()
            }

            fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
                Ok(libcrux_ml_kem::$m::$ct::from(to_array::<{ $params.ct_len }>(
                    bytes,
                    "ML-KEM ciphertext",
                )?))
            }
        }

        impl MlKem for $ty {
            const PARAMS: MlKemParams = $params;

            fn keygen_from_seed(seed: &[u8]) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
                let seed: [u8; 64] = to_array(seed, "ML-KEM seed")?;
                Ok(libcrux_ml_kem::$m::generate_key_pair(seed).into_parts())
            }

            fn decode_decaps_key(bytes: &[u8]) -> Result<Self::DecapsKey> {
                let dk = libcrux_ml_kem::$m::$sk::from(to_array::<{ $params.dk_len }>(
                    bytes,
                    "ML-KEM decapsulation key",
                )?);
                // libcrux leaves the FIPS 203 hash check to the caller; its
                // check also takes a ciphertext, whose length it checks.
                let ct = libcrux_ml_kem::$m::$ct::default();
                if libcrux_ml_kem::$m::validate_private_key(&dk, &ct) {
                    Ok(dk)
                } else {
                    Err(invalid("ML-KEM decapsulation key"))
                }
            }

            fn encaps_deterministic(
                ek: &Self::EncapsKey,
                m: &[u8; 32],
            ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
                Ok(libcrux_ml_kem::$m::encapsulate(ek, *m))
            }
        }
    };
}

libcrux_mlkem!(
    /// ML-KEM-512 from libcrux (`ml-kem-512/libcrux`).
    MlKem512Libcrux,
    mlkem512,
    MlKem512PrivateKey,
    MlKem512PublicKey,
    MlKem512Ciphertext,
    ML_KEM_512
);
libcrux_mlkem!(
    /// ML-KEM-768 from libcrux (`ml-kem-768/libcrux`).
    MlKem768Libcrux,
    mlkem768,
    MlKem768PrivateKey,
    MlKem768PublicKey,
    MlKem768Ciphertext,
    ML_KEM_768
);
libcrux_mlkem!(
    /// ML-KEM-1024 from libcrux (`ml-kem-1024/libcrux`).
    MlKem1024Libcrux,
    mlkem1024,
    MlKem1024PrivateKey,
    MlKem1024PublicKey,
    MlKem1024Ciphertext,
    ML_KEM_1024
);
