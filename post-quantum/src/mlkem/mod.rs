//! ML-KEM (FIPS 203) from three implementations: PQClean's portable C code
//! (`pqclean`), RustCrypto's `ml-kem` (`rustcrypto`) and Cryspen's
//! `libcrux-ml-kem` (`libcrux`).
//!
//! Encapsulation keys and ciphertexts use the FIPS 203 encodings; the
//! decapsulation key's encoding is the expanded FIPS 203 form
//! (`dk_PKE || ek || H(ek) || z`), the one all three libraries share (the
//! 64-byte seed form is what RustCrypto and libcrux prefer to store). A
//! tampered ciphertext decapsulates to the implicit-rejection secret
//! `J(z || c)`, not to an error.

mod awslc;
mod libcrux;
mod pqclean;
mod rustcrypto;

pub use awslc::{MlKem512AwsLc, MlKem768AwsLc, MlKem1024AwsLc};
pub use libcrux::{MlKem512Libcrux, MlKem768Libcrux, MlKem1024Libcrux};
pub use pqclean::{MlKem512Pqclean, MlKem768Pqclean, MlKem1024Pqclean};
pub use rustcrypto::{MlKem512RustCrypto, MlKem768RustCrypto, MlKem1024RustCrypto};

use ledgerbench_core::{Error, Kem, Result};

/// The sizes of one ML-KEM parameter set (FIPS 203, Table 2 and Table 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MlKemParams {
    /// 512, 768 or 1024, as in `ML-KEM-768`.
    pub level: u16,
    /// Scheme name used in ids (`ml-kem-768`).
    pub name: &'static str,
    /// NIST security category.
    pub category: u8,
    /// Module rank k.
    pub k: usize,
    /// Encoded encapsulation key length.
    pub ek_len: usize,
    /// Encoded (expanded) decapsulation key length.
    pub dk_len: usize,
    /// Ciphertext length.
    pub ct_len: usize,
}

/// ML-KEM-512 (category 1).
pub const ML_KEM_512: MlKemParams = MlKemParams {
    level: 512,
    name: "ml-kem-512",
    category: 1,
    k: 2,
    ek_len: 800,
    dk_len: 1632,
    ct_len: 768,
};

/// ML-KEM-768 (category 3).
pub const ML_KEM_768: MlKemParams = MlKemParams {
    level: 768,
    name: "ml-kem-768",
    category: 3,
    k: 3,
    ek_len: 1184,
    dk_len: 2400,
    ct_len: 1088,
};

/// ML-KEM-1024 (category 5).
pub const ML_KEM_1024: MlKemParams = MlKemParams {
    level: 1024,
    name: "ml-kem-1024",
    category: 5,
    k: 4,
    ek_len: 1568,
    dk_len: 3168,
    ct_len: 1568,
};

/// FIPS 203 operations beyond [`Kem`], for test vectors and
/// cross-implementation checks. An operation the library's API cannot
/// perform returns [`Error::Unsupported`].
///
/// Key validation is the library's own: decoding runs whatever check the
/// library offers (FIPS 203 §7.2 modulus check for encapsulation keys, §7.3
/// hash check for decapsulation keys) and nothing more, so the conformance
/// tests show what each library checks.
pub trait MlKem: Kem<SharedSecret = [u8; 32]> {
    /// The parameter set.
    const PARAMS: MlKemParams;

    /// `ML-KEM.KeyGen_internal(d, z)` from the 64-byte seed `d || z`;
    /// other lengths are rejected with a decode error.
    fn keygen_from_seed(seed: &[u8]) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
        let _ = seed;
        Err(crate::util::unsupported(
            &Self::INFO,
            "key generation from a seed",
        ))
    }

    /// Decodes an expanded decapsulation key.
    fn decode_decaps_key(bytes: &[u8]) -> Result<Self::DecapsKey>;

    /// `ML-KEM.Encaps_internal(ek, m)` with caller-chosen randomness `m`.
    fn encaps_deterministic(
        ek: &Self::EncapsKey,
        m: &[u8; 32],
    ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
        let _ = (ek, m);
        Err(crate::util::unsupported(
            &Self::INFO,
            "encapsulation with caller-chosen randomness",
        ))
    }
}

/// The decode error for a key that failed the library's validation.
pub(crate) fn invalid(what: &'static str) -> Error {
    Error::decode(what, "rejected by the library's FIPS 203 input check")
}

/// The [`SchemeInfo`](ledgerbench_core::SchemeInfo) of one ML-KEM implementation.
macro_rules! mlkem_info {
    ($params:expr, $id:literal, $krate:literal, $backend:literal, $det:expr, $note:literal) => {
        ledgerbench_core::SchemeInfo {
            name: $params.name,
            family: ledgerbench_core::Family::Kem,
            implementation: ledgerbench_core::Implementation {
                id: $id,
                krate: $krate,
                backend: $backend,
            },
            standard: "FIPS 203",
            security: ledgerbench_core::Security::NistCategory($params.category),
            deterministic: $det,
            constant_time: true,
            sizes: &[
                ("ek", ledgerbench_core::Size::Exact($params.ek_len)),
                ("dk", ledgerbench_core::Size::Exact($params.dk_len)),
                ("ct", ledgerbench_core::Size::Exact($params.ct_len)),
                ("ss", ledgerbench_core::Size::Exact(32)),
            ],
            note: $note,
        }
    };
}
pub(crate) use mlkem_info;
