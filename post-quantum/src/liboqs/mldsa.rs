//! ML-DSA (FIPS 204) from liboqs: PQ-CRYSTALS' reference and AVX2 code,
//! chosen at run time.
//!
//! liboqs signs hedged (its own 32 random bytes per signature) and generates
//! keys from its own randomness: no seeded key generation, no caller-chosen
//! signing randomness, so the ACVP keyGen/sigGen vectors and the CCTV
//! representative sets do not apply. Contexts are supported.
//!
//! On CPUs with AVX2, liboqs 0.13's verification has the defect of
//! PQClean's AVX2 copy of the same code: it accepts Wycheproof's
//! infinity-norm-violating signatures (`tests/pqclean_rejects_invalid.rs`
//! pins exactly which), so `ledgerbench conformance` marks it deviating.

use ledgerbench_core::{BenchRng, Error, Result, SignatureScheme};

use super::exact;
use crate::mldsa::{ML_DSA_44, ML_DSA_65, ML_DSA_87, MlDsa, MlDsaParams, mldsa_info};

macro_rules! liboqs_mldsa {
    ($(#[$doc:meta])* $ty:ident, $alg:ident, $params:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl $ty {
            fn handle() -> Result<&'static oqs::sig::Sig> {
                static HANDLE: std::sync::OnceLock<oqs::sig::Sig> = std::sync::OnceLock::new();
                super::sig_handle(&HANDLE, oqs::sig::Algorithm::$alg)
            }
        }

        impl SignatureScheme for $ty {
            type SecretKey = Vec<u8>;
            type PublicKey = Vec<u8>;
            type Signature = Vec<u8>;

            const INFO: ledgerbench_core::SchemeInfo = mldsa_info!(
                $params,
                "liboqs",
                "oqs",
                "dist build, runtime CPU dispatch",
                false,
                "liboqs (PQ-CRYSTALS reference or AVX2 code, chosen at run time); ITS AVX2 \
                 VERIFY ACCEPTS signatures breaking the z infinity-norm bound (Wycheproof \
                 InfinityNormViolation) and rejects the valid zero-public-key vector; keys and \
                 hedged signing randomness from liboqs' own randomness, not the run seed"
            );
            // FIPS 204 key generation expands A and s1, s2 by rejection sampling.
            const VARIABLE_TIME_KEYGEN: bool = true;
            // Rejection sampling: the number of signing attempts varies.
            const VARIABLE_TIME_SIGN: bool = true;

            fn keygen(_rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let (pk, sk) = Self::handle()?
                    .keypair()
                    .map_err(|e| Error::op("keygen", e))?;
                Ok((sk.into_vec(), pk.into_vec()))
            }

            fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
                Self::sign_with_context(sk, msg, &[], None)
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                Self::verify_with_context(pk, msg, &[], sig)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.clone()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                exact("ML-DSA public key", bytes, $params.pk_len)
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.clone()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.clone()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                exact("ML-DSA signature", bytes, $params.sig_len)
            }
        }

        impl MlDsa for $ty {
            const PARAMS: MlDsaParams = $params;

            fn decode_secret_key(bytes: &[u8]) -> Result<Self::SecretKey> {
                crate::mldsa::check_expanded_secret_key(&$params, bytes)?;
                Ok(bytes.to_vec())
            }

            fn sign_with_context(
                sk: &Self::SecretKey,
                msg: &[u8],
                ctx: &[u8],
                rnd: Option<&[u8; 32]>,
            ) -> Result<Self::Signature> {
                if rnd.is_some() {
                    return Err(crate::mldsa::unsupported::<Self>(
                        "signing with caller-chosen randomness",
                    ));
                }
                let handle = Self::handle()?;
                let sk = handle
                    .secret_key_from_bytes(sk)
                    .ok_or_else(|| Error::op("sign", "secret key length"))?;
                let sig = handle
                    .sign_with_ctx_str(msg, ctx, sk)
                    .map_err(|e| Error::op("sign", e))?;
                Ok(sig.into_vec())
            }

            fn verify_with_context(
                pk: &Self::PublicKey,
                msg: &[u8],
                ctx: &[u8],
                sig: &Self::Signature,
            ) -> Result<()> {
                let handle = Self::handle()?;
                let pk = handle.public_key_from_bytes(pk).ok_or(Error::Verification)?;
                let sig = handle.signature_from_bytes(sig).ok_or(Error::Verification)?;
                handle
                    .verify_with_ctx_str(msg, sig, ctx, pk)
                    .map_err(|_| Error::Verification)
            }
        }
    };
}

liboqs_mldsa!(
    /// ML-DSA-44 from liboqs (`ml-dsa-44/liboqs`).
    MlDsa44Liboqs,
    MlDsa44,
    ML_DSA_44
);
liboqs_mldsa!(
    /// ML-DSA-65 from liboqs (`ml-dsa-65/liboqs`).
    MlDsa65Liboqs,
    MlDsa65,
    ML_DSA_65
);
liboqs_mldsa!(
    /// ML-DSA-87 from liboqs (`ml-dsa-87/liboqs`).
    MlDsa87Liboqs,
    MlDsa87,
    ML_DSA_87
);
