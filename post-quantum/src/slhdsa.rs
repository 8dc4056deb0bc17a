//! SLH-DSA (FIPS 205) from RustCrypto's `slh-dsa` crate (pure Rust).
//!
//! Signing uses the deterministic variant (`opt_rand` = PK.seed) with an
//! empty context, so runs are reproducible; key generation draws its seeds
//! from the run RNG. The "s" (small) sets trade much slower signing for
//! signatures less than half the size of the "f" (fast) sets'.

use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, Result, SchemeInfo, Security, SignatureScheme, Size,
};
use slh_dsa::{Signature, SigningKey, VerifyingKey};

const IMPL: Implementation = Implementation {
    id: "rustcrypto",
    krate: "slh-dsa",
    backend: "portable",
};

const NOTE: &str = "pure Rust, unaudited, release candidate; deterministic signing \
                    variant, empty context";

const fn info(name: &'static str, sig: usize) -> SchemeInfo {
    SchemeInfo {
        name,
        family: Family::Sig,
        implementation: IMPL,
        standard: "FIPS 205",
        security: Security::NistCategory(1),
        deterministic: true,
        constant_time: true,
        sizes: if sig == 7856 { SIZES_128S } else { SIZES_128F },
        note: NOTE,
    }
}

const SIZES_128S: &[(&str, Size)] = &[
    ("pk", Size::Exact(32)),
    ("sk", Size::Exact(64)),
    ("sig", Size::Exact(7856)),
];
const SIZES_128F: &[(&str, Size)] = &[
    ("pk", Size::Exact(32)),
    ("sk", Size::Exact(64)),
    ("sig", Size::Exact(17088)),
];

/// FIPS 205's internal functions, for the NIST ACVP vectors.
pub trait SlhDsa: SignatureScheme {
    /// The parameter set's FIPS 205 name (`SLH-DSA-SHA2-128s`), as ACVP writes it.
    const PARAMETER_SET: &'static str;

    /// `slh_keygen_internal(SK.seed, SK.prf, PK.seed)` (FIPS 205 Algorithm
    /// 18): the encoded secret and public keys; seeds of the wrong length are
    /// a decode error.
    fn keygen_internal(sk_seed: &[u8], sk_prf: &[u8], pk_seed: &[u8])
    -> Result<(Vec<u8>, Vec<u8>)>;

    /// `slh_verify_internal(M, SIG, PK)` (FIPS 205 Algorithm 20): no
    /// context, no domain separator.
    fn verify_internal(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()>;
}

/// n, the length of each seed: half the public key (PK.seed ‖ PK.root).
fn seed_len(info: &SchemeInfo) -> usize {
    info.sizes
        .iter()
        .find_map(|(name, size)| match (name, size) {
            (&"pk", Size::Exact(len)) => Some(len / 2),
            _ => None,
        })
        .unwrap_or(0)
}

macro_rules! rustcrypto_slhdsa {
    ($(#[$doc:meta])* $ty:ident, $p:ty, $info:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl SignatureScheme for $ty {
            type SecretKey = SigningKey<$p>;
            type PublicKey = VerifyingKey<$p>;
            type Signature = Signature<$p>;

            const INFO: SchemeInfo = $info;

            fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)> {
                let sk = SigningKey::<$p>::new(rng);
                let pk: &VerifyingKey<$p> = sk.as_ref();
                let pk = pk.clone();
                Ok((sk, pk))
            }

            fn sign(sk: &Self::SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
                sk.try_sign_with_context(msg, &[], None).map_err(|e| Error::op("sign", e))
            }

            fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
                pk.try_verify_with_context(msg, &[], sig).map_err(|_| Error::Verification)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.to_vec()
            }

            fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey> {
                VerifyingKey::<$p>::try_from(bytes)
                    .map_err(|_| Error::decode("SLH-DSA public key", "wrong length"))
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.to_vec()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.to_vec()
            }

            fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
                Signature::<$p>::try_from(bytes)
                    .map_err(|_| Error::decode("SLH-DSA signature", "wrong length"))
            }
        }

        impl SlhDsa for $ty {
            const PARAMETER_SET: &'static str = <$p as slh_dsa::ParameterSet>::NAME;

            fn keygen_internal(
                sk_seed: &[u8],
                sk_prf: &[u8],
                pk_seed: &[u8],
            ) -> Result<(Vec<u8>, Vec<u8>)> {
                let want = seed_len(&<Self as SignatureScheme>::INFO);
                if [sk_seed, sk_prf, pk_seed].iter().any(|s| s.len() != want) {
                    return Err(Error::decode("SLH-DSA seed", format!("not {want} bytes")));
                }
                let sk = SigningKey::<$p>::slh_keygen_internal(sk_seed, sk_prf, pk_seed);
                let pk: &VerifyingKey<$p> = sk.as_ref();
                Ok((sk.to_vec(), pk.to_vec()))
            }

            fn verify_internal(
                pk: &Self::PublicKey,
                msg: &[u8],
                sig: &Self::Signature,
            ) -> Result<()> {
                pk.slh_verify_internal(&[msg], sig).map_err(|_| Error::Verification)
            }
        }
    };
}

rustcrypto_slhdsa!(
    /// SLH-DSA-SHA2-128s from RustCrypto (`slh-dsa-sha2-128s/rustcrypto`).
    SlhDsaSha2_128sRustCrypto,
    slh_dsa::Sha2_128s,
    info("slh-dsa-sha2-128s", 7856)
);
rustcrypto_slhdsa!(
    /// SLH-DSA-SHA2-128f from RustCrypto (`slh-dsa-sha2-128f/rustcrypto`).
    SlhDsaSha2_128fRustCrypto,
    slh_dsa::Sha2_128f,
    info("slh-dsa-sha2-128f", 17088)
);
rustcrypto_slhdsa!(
    /// SLH-DSA-SHAKE-128f from RustCrypto (`slh-dsa-shake-128f/rustcrypto`).
    SlhDsaShake128fRustCrypto,
    slh_dsa::Shake128f,
    info("slh-dsa-shake-128f", 17088)
);
