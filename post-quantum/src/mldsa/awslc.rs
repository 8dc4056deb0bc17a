//! ML-DSA from AWS-LC via `aws-lc-rs` (C with assembly; the library's own
//! CPU dispatch picks its code path at run time).
//!
//! The API signs with randomness AWS-LC draws itself (hedged signing, empty
//! context) and takes no caller randomness, so signing is not reproducible
//! from the run seed and the CCTV representative sets (deterministic
//! signing) do not apply. Keys come from a 32-byte seed drawn from the run RNG.

use aws_lc_rs::encoding::AsRawBytes;
use aws_lc_rs::signature::{
    KeyPair, PqdsaKeyPair, PqdsaSigningAlgorithm, PqdsaVerificationAlgorithm, UnparsedPublicKey,
};
use ledgerbench_core::{BenchRng, Error, Result, SchemeInfo, SignatureScheme};

use super::{ML_DSA_44, ML_DSA_65, ML_DSA_87, MlDsa, MlDsaParams, mldsa_info};
use crate::util::random_array;

/// An encoded ML-DSA public key (AWS-LC parses it at verification).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsLcMlDsaPublicKey(Vec<u8>);

macro_rules! awslc_mldsa {
    ($(#[$doc:meta])* $ty:ident, $signing:ident, $verify:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl $ty {
            const SIGNING: &'static PqdsaSigningAlgorithm = &aws_lc_rs::signature::$signing;
            const VERIFY: &'static PqdsaVerificationAlgorithm = &aws_lc_rs::signature::$verify;
        }

        impl SignatureScheme for $ty {
            type SecretKey = PqdsaKeyPair;
            type PublicKey = AwsLcMlDsaPublicKey;
            type Signature = Vec<u8>;

            const INFO: SchemeInfo = mldsa_info!(
                $params,
                "aws-lc",
                "aws-lc-rs",
                "aws-lc",
                false,
                "AWS-LC C/assembly (rustls' default provider); keys from a seed drawn from the \
                 run RNG; hedged signing with randomness AWS-LC draws itself (not the run \
                 seed), empty context"
            );
            // FIPS 204 key generation expands A and s1, s2 by rejection sampling.
            const VARIABLE_TIME_KEYGEN: bool = true;
            // Rejection sampling: the number of signing attempts varies.
            const VARIABLE_TIME_SIGN: bool = true;

            fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let seed: [u8; 32] = random_array(rng);
                Self::keygen_from_seed(&seed)
            }

            fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
                Self::sign_with_context(sk, msg, &[], None)
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                Self::verify_with_context(pk, msg, &[], sig)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.0.clone()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                if bytes.len() != $params.pk_len {
                    return Err(Error::decode(
                        "ML-DSA public key",
                        format!("{} bytes, expected {}", bytes.len(), $params.pk_len),
                    ));
                }
                Ok(AwsLcMlDsaPublicKey(bytes.to_vec()))
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.private_key()
                    .as_raw_bytes()
                    .map(|raw| raw.as_ref().to_vec())
                    .unwrap_or_default()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.clone()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                if bytes.len() != $params.sig_len {
                    return Err(Error::decode(
                        "ML-DSA signature",
                        format!("{} bytes, expected {}", bytes.len(), $params.sig_len),
                    ));
                }
                Ok(bytes.to_vec())
            }
        }

        impl MlDsa for $ty {
            const PARAMS: MlDsaParams = $params;

            fn keygen_from_seed(seed: &[u8]) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let pair = PqdsaKeyPair::from_seed(Self::SIGNING, seed)
                    .map_err(|e| Error::decode("ML-DSA seed", e))?;
                let pk = AwsLcMlDsaPublicKey(pair.public_key().as_ref().to_vec());
                Ok((pair, pk))
            }

            fn decode_secret_key(bytes: &[u8]) -> Result<Self::SecretKey> {
                super::check_expanded_secret_key(&$params, bytes)?;
                PqdsaKeyPair::from_raw_private_key(Self::SIGNING, bytes)
                    .map_err(|e| Error::decode("ML-DSA secret key", e))
            }

            fn sign_with_context(
                sk: &Self::SecretKey,
                msg: &[u8],
                ctx: &[u8],
                rnd: Option<&[u8; 32]>,
            ) -> Result<Self::Signature> {
                if !ctx.is_empty() {
                    return Err(super::unsupported::<Self>("signing with a context string"));
                }
                if rnd.is_some() {
                    return Err(super::unsupported::<Self>("signing with caller-chosen randomness"));
                }
                let mut sig = vec![0u8; $params.sig_len];
                let n = sk.sign(msg, &mut sig).map_err(|e| Error::op("sign", e))?;
                sig.truncate(n);
                Ok(sig)
            }

            fn verify_with_context(
                pk: &Self::PublicKey,
                msg: &[u8],
                ctx: &[u8],
                sig: &Self::Signature,
            ) -> Result<()> {
                if !ctx.is_empty() {
                    return Err(super::unsupported::<Self>("verifying with a context string"));
                }
                UnparsedPublicKey::new(Self::VERIFY, &pk.0)
                    .verify(msg, sig)
                    .map_err(|_| Error::Verification)
            }
        }
    };
}

awslc_mldsa!(
    /// ML-DSA-44 from AWS-LC (`ml-dsa-44/aws-lc`).
    MlDsa44AwsLc,
    ML_DSA_44_SIGNING,
    ML_DSA_44,
    ML_DSA_44
);
awslc_mldsa!(
    /// ML-DSA-65 from AWS-LC (`ml-dsa-65/aws-lc`).
    MlDsa65AwsLc,
    ML_DSA_65_SIGNING,
    ML_DSA_65,
    ML_DSA_65
);
awslc_mldsa!(
    /// ML-DSA-87 from AWS-LC (`ml-dsa-87/aws-lc`).
    MlDsa87AwsLc,
    ML_DSA_87_SIGNING,
    ML_DSA_87,
    ML_DSA_87
);
