//! ML-DSA from Cryspen's `libcrux-ml-dsa` (formally verified Rust; AVX2 code
//! chosen at run time on x86_64 CPUs that have it, portable code otherwise).

use ledgerbench_core::{
    BenchRng, Error, RepresentativeSigning, Result, SchemeInfo, SignatureScheme, SigningSet,
};

use super::{ML_DSA_44, ML_DSA_65, ML_DSA_87, MlDsa, MlDsaParams, cctv_signing_sets, mldsa_info};
use crate::util::{random_array, to_array};

macro_rules! libcrux_mldsa {
    ($(#[$doc:meta])* $ty:ident, $m:ident, $sk:ident, $pk:ident, $sig:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl SignatureScheme for $ty {
            type SecretKey = libcrux_ml_dsa::$m::$sk;
            type PublicKey = libcrux_ml_dsa::$m::$pk;
            type Signature = libcrux_ml_dsa::$m::$sig;

            const INFO: SchemeInfo = mldsa_info!(
                $params,
                "libcrux",
                "libcrux-ml-dsa",
                "avx2",
                true,
                "formally verified (hax/F*); AVX2 code selected at run time, portable fallback \
                 on CPUs without AVX2; keys from a seed drawn from the run RNG; deterministic \
                 signing variant, empty context"
            );
            // FIPS 204 key generation expands A (RejNTTPoly) and s1, s2
            // (RejBoundedPoly) by rejection sampling: its time depends on the seed.
            const VARIABLE_TIME_KEYGEN: bool = true;
            // Rejection sampling: the number of signing attempts depends on the message.
            const VARIABLE_TIME_SIGN: bool = true;

            fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let seed: [u8; 32] = random_array(rng);
                Self::keygen_from_seed(&seed)
            }

            fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
                Self::sign_with_context(sk, msg, &[], Some(&[0u8; 32]))
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                Self::verify_with_context(pk, msg, &[], sig)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.as_slice().to_vec()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                let arr = to_array::<{ $params.pk_len }>(bytes, "ML-DSA public key")?;
                Ok(libcrux_ml_dsa::$m::$pk::new(arr))
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.as_slice().to_vec()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.as_slice().to_vec()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                let arr = to_array::<{ $params.sig_len }>(bytes, "ML-DSA signature")?;
                Ok(libcrux_ml_dsa::$m::$sig::new(arr))
            }
        }

        impl MlDsa for $ty {
            const PARAMS: MlDsaParams = $params;

            fn keygen_from_seed(seed: &[u8]) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let seed: [u8; 32] = to_array(seed, "ML-DSA seed")?;
                let kp = libcrux_ml_dsa::$m::generate_key_pair(seed);
                Ok((kp.signing_key, kp.verification_key))
            }

            fn decode_secret_key(bytes: &[u8]) -> Result<Self::SecretKey> {
                super::check_expanded_secret_key(&$params, bytes)?;
                let arr = to_array::<{ $params.sk_len }>(bytes, "ML-DSA secret key")?;
                Ok(libcrux_ml_dsa::$m::$sk::new(arr))
            }

            fn sign_with_context(
                sk: &Self::SecretKey,
                msg: &[u8],
                ctx: &[u8],
                rnd: Option<&[u8; 32]>,
            ) -> Result<Self::Signature> {
                let Some(rnd) = rnd else {
                    return Err(super::unsupported::<Self>("signing with library-drawn randomness"));
                };
                libcrux_ml_dsa::$m::sign(sk, msg, ctx, *rnd)
                    .map_err(|e| Error::op("sign", format!("{e:?}")))
            }

            fn verify_with_context(
                pk: &Self::PublicKey,
                msg: &[u8],
                ctx: &[u8],
                sig: &Self::Signature,
            ) -> Result<()> {
                libcrux_ml_dsa::$m::verify(pk, msg, ctx, sig).map_err(|_| Error::Verification)
            }
        }

        impl RepresentativeSigning for $ty {
            fn signing_sets() -> Result<Vec<SigningSet<Self>>> {
                cctv_signing_sets::<Self>()
            }
        }
    };
}

libcrux_mldsa!(
    /// ML-DSA-44 from libcrux (`ml-dsa-44/libcrux`).
    MlDsa44Libcrux,
    ml_dsa_44,
    MLDSA44SigningKey,
    MLDSA44VerificationKey,
    MLDSA44Signature,
    ML_DSA_44
);
libcrux_mldsa!(
    /// ML-DSA-65 from libcrux (`ml-dsa-65/libcrux`).
    MlDsa65Libcrux,
    ml_dsa_65,
    MLDSA65SigningKey,
    MLDSA65VerificationKey,
    MLDSA65Signature,
    ML_DSA_65
);
libcrux_mldsa!(
    /// ML-DSA-87 from libcrux (`ml-dsa-87/libcrux`).
    MlDsa87Libcrux,
    ml_dsa_87,
    MLDSA87SigningKey,
    MLDSA87VerificationKey,
    MLDSA87Signature,
    ML_DSA_87
);
