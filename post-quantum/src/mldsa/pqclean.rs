//! ML-DSA from PQClean's portable `clean` C code, via `pqcrypto-mldsa`.
//!
//! Built without pqcrypto's `avx2` feature: PQClean's AVX2 ML-DSA accepts
//! invalid signatures from Wycheproof (see `post-quantum/Cargo.toml`).

use ledgerbench_core::{BenchRng, Error, Result, SchemeInfo, SignatureScheme};
use pqcrypto_traits::sign::{DetachedSignature as _, PublicKey as _, SecretKey as _};

use super::{ML_DSA_44, ML_DSA_65, ML_DSA_87, MlDsa, MlDsaParams, mldsa_info};
use crate::util::check_len;

macro_rules! pqclean_mldsa {
    ($(#[$doc:meta])* $ty:ident, $m:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl SignatureScheme for $ty {
            type SecretKey = pqcrypto_mldsa::$m::SecretKey;
            type PublicKey = pqcrypto_mldsa::$m::PublicKey;
            type Signature = pqcrypto_mldsa::$m::DetachedSignature;

            const INFO: SchemeInfo = mldsa_info!(
                $params,
                "pqclean",
                "pqcrypto-mldsa",
                "clean",
                false,
                "PQClean portable C (AVX2 path disabled: it accepts invalid Wycheproof signatures); \
                 keygen and hedged signing draw OS randomness, not the run seed"
            );
            // FIPS 204 key generation expands A (RejNTTPoly) and s1, s2
            // (RejBoundedPoly) by rejection sampling: its time depends on the seed.
            const VARIABLE_TIME_KEYGEN: bool = true;
            // Rejection sampling: the number of signing attempts depends on the message.
            const VARIABLE_TIME_SIGN: bool = true;

            fn keygen(_rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let (pk, sk) = pqcrypto_mldsa::$m::keypair();
                Ok((sk, pk))
            }

            fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
                let sig = pqcrypto_mldsa::$m::detached_sign(msg, sk);
                check_signature_len(&$params, sig.as_bytes().len())?;
                Ok(sig)
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                pqcrypto_mldsa::$m::verify_detached_signature(sig, msg, pk)
                    .map_err(|_| Error::Verification)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.as_bytes().to_vec()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                pqcrypto_mldsa::$m::PublicKey::from_bytes(bytes)
                    .map_err(|e| Error::decode("ML-DSA public key", e))
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.as_bytes().to_vec()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.as_bytes().to_vec()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                // pqcrypto accepts any length up to the maximum; ML-DSA's is fixed.
                check_len(bytes, $params.sig_len, "ML-DSA signature")?;
                pqcrypto_mldsa::$m::DetachedSignature::from_bytes(bytes)
                    .map_err(|e| Error::decode("ML-DSA signature", e))
            }
        }

        impl MlDsa for $ty {
            const PARAMS: MlDsaParams = $params;

            fn decode_secret_key(bytes: &[u8]) -> Result<Self::SecretKey> {
                super::check_expanded_secret_key(&$params, bytes)?;
                pqcrypto_mldsa::$m::SecretKey::from_bytes(bytes)
                    .map_err(|e| Error::decode("ML-DSA secret key", e))
            }

            fn sign_with_context(
                sk: &Self::SecretKey,
                msg: &[u8],
                ctx: &[u8],
                rnd: Option<&[u8; 32]>,
            ) -> Result<Self::Signature> {
                if rnd.is_some() {
                    return Err(super::unsupported::<Self>("signing with caller-chosen randomness"));
                }
                // PQClean returns an error code for long contexts that pqcrypto drops.
                if ctx.len() > 255 {
                    return Err(Error::op("sign", "context longer than 255 bytes"));
                }
                let sig = pqcrypto_mldsa::$m::detached_sign_ctx(msg, ctx, sk);
                check_signature_len(&$params, sig.as_bytes().len())?;
                Ok(sig)
            }

            fn verify_with_context(
                pk: &Self::PublicKey,
                msg: &[u8],
                ctx: &[u8],
                sig: &Self::Signature,
            ) -> Result<()> {
                pqcrypto_mldsa::$m::verify_detached_signature_ctx(sig, msg, ctx, pk)
                    .map_err(|_| Error::Verification)
            }
        }
    };
}

/// PQClean reports failures through a return code that pqcrypto drops; a
/// signature of the wrong length is how such a failure shows.
fn check_signature_len(p: &MlDsaParams, len: usize) -> Result<()> {
    if len == p.sig_len {
        Ok(())
    } else {
        Err(Error::op(
            "sign",
            format!("PQClean produced {len} bytes, expected {}", p.sig_len),
        ))
    }
}

pqclean_mldsa!(
    /// ML-DSA-44 from PQClean (`ml-dsa-44/pqclean`).
    MlDsa44Pqclean,
    mldsa44,
    ML_DSA_44
);
pqclean_mldsa!(
    /// ML-DSA-65 from PQClean (`ml-dsa-65/pqclean`).
    MlDsa65Pqclean,
    mldsa65,
    ML_DSA_65
);
pqclean_mldsa!(
    /// ML-DSA-87 from PQClean (`ml-dsa-87/pqclean`).
    MlDsa87Pqclean,
    mldsa87,
    ML_DSA_87
);
