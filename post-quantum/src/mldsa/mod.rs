//! ML-DSA (FIPS 204) from three implementations: PQClean's portable C code
//! (`pqclean`), RustCrypto's `ml-dsa` (`rustcrypto`) and Cryspen's
//! `libcrux-ml-dsa` (`libcrux`).
//!
//! All three use the FIPS 204 encodings: public keys (`pkEncode`), expanded
//! secret keys (`skEncode`, the only form PQClean knows) and signatures
//! (`sigEncode`). The harness's `sign` uses an empty context; the `rustcrypto`
//! and `libcrux` types sign with the deterministic variant (`rnd` = 0³²), so
//! they reproduce the CCTV benchmark sets, while PQClean always draws `rnd`
//! from the operating system (hedged signing).

mod awslc;
mod libcrux;
mod pqclean;
mod rustcrypto;

pub use awslc::{AwsLcMlDsaPublicKey, MlDsa44AwsLc, MlDsa65AwsLc, MlDsa87AwsLc};
pub use libcrux::{MlDsa44Libcrux, MlDsa65Libcrux, MlDsa87Libcrux};
pub use pqclean::{MlDsa44Pqclean, MlDsa65Pqclean, MlDsa87Pqclean};
pub use rustcrypto::{MlDsa44RustCrypto, MlDsa65RustCrypto, MlDsa87RustCrypto};

use ledgerbench_core::{Error, Result, SignatureScheme, SigningSet};

use crate::vectors::cctv_mldsa_messages;

/// The numbers of one ML-DSA parameter set (FIPS 204, Table 1 and Table 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MlDsaParams {
    /// 44, 65 or 87, as in the name `ML-DSA-65`.
    pub level: u16,
    /// Scheme name used in ids (`ml-dsa-65`).
    pub name: &'static str,
    /// NIST security category.
    pub category: u8,
    /// Rows of the matrix A (length of s2, t0, t1).
    pub k: usize,
    /// Columns of the matrix A (length of s1).
    pub l: usize,
    /// Bound η of the secret coefficients.
    pub eta: u8,
    /// Encoded public key length.
    pub pk_len: usize,
    /// Encoded (expanded) secret key length.
    pub sk_len: usize,
    /// Encoded signature length.
    pub sig_len: usize,
}

/// ML-DSA-44 (category 2).
pub const ML_DSA_44: MlDsaParams = MlDsaParams {
    level: 44,
    name: "ml-dsa-44",
    category: 2,
    k: 4,
    l: 4,
    eta: 2,
    pk_len: 1312,
    sk_len: 2560,
    sig_len: 2420,
};

/// ML-DSA-65 (category 3).
pub const ML_DSA_65: MlDsaParams = MlDsaParams {
    level: 65,
    name: "ml-dsa-65",
    category: 3,
    k: 6,
    l: 5,
    eta: 4,
    pk_len: 1952,
    sk_len: 4032,
    sig_len: 3309,
};

/// ML-DSA-87 (category 5).
pub const ML_DSA_87: MlDsaParams = MlDsaParams {
    level: 87,
    name: "ml-dsa-87",
    category: 5,
    k: 8,
    l: 7,
    eta: 2,
    pk_len: 2592,
    sk_len: 4896,
    sig_len: 4627,
};

/// FIPS 204 operations beyond [`SignatureScheme`], for test vectors,
/// cross-implementation checks and representative signing sets.
///
/// An operation the library's API cannot perform returns
/// [`Error::Unsupported`] (the conformance table reports it as such).
pub trait MlDsa: SignatureScheme {
    /// The parameter set.
    const PARAMS: MlDsaParams;

    /// `ML-DSA.KeyGen_internal` from a 32-byte seed ξ; malformed seeds
    /// (wrong length) are rejected with a decode error.
    fn keygen_from_seed(seed: &[u8]) -> Result<(Self::SecretKey, Self::PublicKey)> {
        let _ = seed;
        Err(unsupported::<Self>("key generation from a seed"))
    }

    /// Decodes an expanded FIPS 204 secret key (`skDecode`), rejecting wrong
    /// lengths and s1/s2 coefficients outside [-η, η].
    fn decode_secret_key(bytes: &[u8]) -> Result<Self::SecretKey>;

    /// `ML-DSA.Sign` with context `ctx`. `rnd` is the 32-byte signing
    /// randomness (all zero for the deterministic variant); `None` lets the
    /// library draw it itself (hedged signing).
    fn sign_with_context(
        sk: &Self::SecretKey,
        msg: &[u8],
        ctx: &[u8],
        rnd: Option<&[u8; 32]>,
    ) -> Result<Self::Signature>;

    /// `ML-DSA.Sign_internal` on an externally computed μ (64 bytes).
    fn sign_mu(sk: &Self::SecretKey, mu: &[u8; 64], rnd: &[u8; 32]) -> Result<Self::Signature> {
        let _ = (sk, mu, rnd);
        Err(unsupported::<Self>("signing an external mu"))
    }

    /// `ML-DSA.Verify_internal` on an externally computed μ (64 bytes).
    fn verify_mu(pk: &Self::PublicKey, mu: &[u8; 64], sig: &Self::Signature) -> Result<()> {
        let _ = (pk, mu, sig);
        Err(unsupported::<Self>("verifying against an external mu"))
    }

    /// `ML-DSA.Verify` with context `ctx`.
    fn verify_with_context(
        pk: &Self::PublicKey,
        msg: &[u8],
        ctx: &[u8],
        sig: &Self::Signature,
    ) -> Result<()>;
}

/// An [`Error::Unsupported`] naming the scheme and the operation.
pub(crate) fn unsupported<S: SignatureScheme + ?Sized>(what: &str) -> Error {
    crate::util::unsupported(&S::INFO, what)
}

/// The CCTV benchmark sets for `S` (labels `cctv` and `cctv.alt`), each with
/// the key from the all-zero seed.
///
/// Requires `S` to derive keys from a seed and to sign deterministically with
/// an empty context in [`SignatureScheme::sign`]; otherwise the sets would not
/// have their representative rejection counts and an error is returned.
pub fn cctv_signing_sets<S: MlDsa>() -> Result<Vec<SigningSet<S>>> {
    if !S::INFO.deterministic {
        return Err(unsupported::<S>(
            "representative signing (signing is not deterministic)",
        ));
    }
    let mut sets = Vec::with_capacity(2);
    for (label, alt) in [("cctv", false), ("cctv.alt", true)] {
        let (secret_key, public_key) = S::keygen_from_seed(&[0u8; 32])?;
        let messages = cctv_mldsa_messages(S::PARAMS.level, alt)?;
        sets.push(SigningSet {
            label,
            secret_key,
            public_key,
            messages,
        });
    }
    Ok(sets)
}

/// Checks an expanded secret key: its length, and that every s1 and s2
/// coefficient lies in [-η, η] (FIPS 204 `skDecode` is only defined on such
/// keys; Wycheproof's "invalid private key" cases break it). PQClean and
/// libcrux do not check this themselves, so every implementation calls it.
pub(crate) fn check_expanded_secret_key(p: &MlDsaParams, bytes: &[u8]) -> Result<()> {
    crate::util::check_len(bytes, p.sk_len, "ML-DSA secret key")?;
    // rho (32) || K (32) || tr (64) || s1 (l polys) || s2 (k polys) || t0.
    let bits = if p.eta == 2 { 3 } else { 4 };
    let poly_bytes = 32 * bits;
    let start = 128;
    let end = start + (p.l + p.k) * poly_bytes;
    let packed = &bytes[start..end];
    let max = u32::from(2 * p.eta);
    let mut acc: u32 = 0;
    let mut nbits = 0;
    for (i, &b) in packed.iter().enumerate() {
        acc |= u32::from(b) << nbits;
        nbits += 8;
        while nbits >= bits {
            let v = acc & ((1 << bits) - 1);
            acc >>= bits;
            nbits -= bits;
            if v > max {
                return Err(Error::decode(
                    "ML-DSA secret key",
                    format!("s1/s2 coefficient out of range near byte {}", start + i),
                ));
            }
        }
    }
    Ok(())
}

/// The [`SchemeInfo`](ledgerbench_core::SchemeInfo) of one ML-DSA implementation.
macro_rules! mldsa_info {
    ($params:expr, $id:literal, $krate:literal, $backend:literal, $det:expr, $note:literal) => {
        ledgerbench_core::SchemeInfo {
            name: $params.name,
            family: ledgerbench_core::Family::Sig,
            implementation: ledgerbench_core::Implementation {
                id: $id,
                krate: $krate,
                backend: $backend,
            },
            standard: "FIPS 204",
            security: ledgerbench_core::Security::NistCategory($params.category),
            deterministic: $det,
            constant_time: true,
            sizes: &[
                ("pk", ledgerbench_core::Size::Exact($params.pk_len)),
                ("sk", ledgerbench_core::Size::Exact($params.sk_len)),
                ("sig", ledgerbench_core::Size::Exact($params.sig_len)),
            ],
            note: $note,
        }
    };
}
pub(crate) use mldsa_info;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_key_range_check() {
        for p in [ML_DSA_44, ML_DSA_65, ML_DSA_87] {
            let ok = vec![0u8; p.sk_len];
            assert!(check_expanded_secret_key(&p, &ok).is_ok());
            assert!(check_expanded_secret_key(&p, &ok[1..]).is_err());
            // First s1 coefficient set to all ones (7 or 15) is out of range.
            let mut bad = ok.clone();
            bad[128] = 0x0f;
            assert!(check_expanded_secret_key(&p, &bad).is_err());
            // The last s2 coefficient occupies the top bits of the last s2 byte.
            let bits = if p.eta == 2 { 3 } else { 4 };
            let last = 128 + (p.l + p.k) * 32 * bits - 1;
            let mut bad = ok.clone();
            bad[last] = 0xf0;
            assert!(check_expanded_secret_key(&p, &bad).is_err());
            // t0 is not range-restricted.
            let mut fine = ok;
            fine[last + 1] = 0xff;
            assert!(check_expanded_secret_key(&p, &fine).is_ok());
        }
    }
}
