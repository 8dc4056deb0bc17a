//! ML-DSA from RustCrypto's `ml-dsa` crate (pure Rust).

use ledgerbench_core::{
    BenchRng, Error, RepresentativeSigning, Result, SchemeInfo, SignatureScheme, SigningSet,
};
use ml_dsa::{B32, EncodedVerifyingKey, ExpandedSigningKey, Signature, VerifyingKey};

use super::{ML_DSA_44, ML_DSA_65, ML_DSA_87, MlDsa, MlDsaParams, cctv_signing_sets, mldsa_info};
use crate::util::{random_array, to_array};

macro_rules! rustcrypto_mldsa {
    ($(#[$doc:meta])* $ty:ident, $p:ty, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl SignatureScheme for $ty {
            type SecretKey = ExpandedSigningKey<$p>;
            type PublicKey = VerifyingKey<$p>;
            type Signature = Signature<$p>;

            const INFO: SchemeInfo = mldsa_info!(
                $params,
                "rustcrypto",
                "ml-dsa",
                "portable",
                true,
                "pure Rust, unaudited; keys from a seed drawn from the run RNG; \
                 deterministic signing variant, empty context"
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
                sk.sign_deterministic(msg, &[]).map_err(|e| Error::op("sign", e))
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                Self::verify_with_context(pk, msg, &[], sig)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.encode().to_vec()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                let enc = EncodedVerifyingKey::<$p>::try_from(bytes).map_err(|_| {
                    Error::decode("ML-DSA public key", format!("expected {} bytes", $params.pk_len))
                })?;
                Ok(VerifyingKey::decode(&enc))
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                #[allow(deprecated)] // the expanded form is the one every implementation shares
                sk.to_expanded().to_vec()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.encode().to_vec()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                Signature::<$p>::try_from(bytes).map_err(|_| {
                    Error::decode("ML-DSA signature", "wrong length, bad hint encoding or z out of range")
                })
            }
        }

        impl MlDsa for $ty {
            const PARAMS: MlDsaParams = $params;

            fn keygen_from_seed(seed: &[u8]) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let seed: [u8; 32] = to_array(seed, "ML-DSA seed")?;
                let sk = ExpandedSigningKey::<$p>::from_seed(&B32::from(seed));
                let pk = sk.verifying_key();
                Ok((sk, pk))
            }

            fn decode_secret_key(bytes: &[u8]) -> Result<Self::SecretKey> {
                super::check_expanded_secret_key(&$params, bytes)?;
                let enc = ml_dsa::ExpandedSigningKeyBytes::<$p>::try_from(bytes)
                    .map_err(|_| Error::decode("ML-DSA secret key", "wrong length"))?;
                #[allow(deprecated)] // validated above, so skDecode cannot panic
                Ok(ExpandedSigningKey::from_expanded(&enc))
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
                let Ok(ctx_len) = u8::try_from(ctx.len()) else {
                    return Err(Error::op("sign", "context longer than 255 bytes"));
                };
                if rnd == &[0u8; 32] {
                    return sk.sign_deterministic(msg, ctx).map_err(|e| Error::op("sign", e));
                }
                // ML-DSA.Sign = Sign_internal on M' = 0 || |ctx| || ctx || M.
                Ok(sk.sign_internal(&[&[0, ctx_len], ctx, msg], &B32::from(*rnd)))
            }

            fn sign_mu(sk: &Self::SecretKey, mu: &[u8; 64], rnd: &[u8; 32]) -> Result<Self::Signature> {
                if rnd != &[0u8; 32] {
                    return Err(super::unsupported::<Self>("signing an external mu with randomness"));
                }
                Ok(sk.sign_mu_deterministic(&(*mu).into()))
            }

            fn verify_mu(pk: &Self::PublicKey, mu: &[u8; 64], sig: &Self::Signature) -> Result<()> {
                if pk.verify_mu(&(*mu).into(), sig) {
                    Ok(())
                } else {
                    Err(Error::Verification)
                }
            }

            fn verify_with_context(
                pk: &Self::PublicKey,
                msg: &[u8],
                ctx: &[u8],
                sig: &Self::Signature,
            ) -> Result<()> {
                if pk.verify_with_context(msg, ctx, sig) {
                    Ok(())
                } else {
                    Err(Error::Verification)
                }
            }
        }

        impl RepresentativeSigning for $ty {
            fn signing_sets() -> Result<Vec<SigningSet<Self>>> {
                cctv_signing_sets::<Self>()
            }
        }
    };
}

rustcrypto_mldsa!(
    /// ML-DSA-44 from RustCrypto (`ml-dsa-44/rustcrypto`).
    MlDsa44RustCrypto,
    ml_dsa::MlDsa44,
    ML_DSA_44
);
rustcrypto_mldsa!(
    /// ML-DSA-65 from RustCrypto (`ml-dsa-65/rustcrypto`).
    MlDsa65RustCrypto,
    ml_dsa::MlDsa65,
    ML_DSA_65
);
rustcrypto_mldsa!(
    /// ML-DSA-87 from RustCrypto (`ml-dsa-87/rustcrypto`).
    MlDsa87RustCrypto,
    ml_dsa::MlDsa87,
    ML_DSA_87
);
