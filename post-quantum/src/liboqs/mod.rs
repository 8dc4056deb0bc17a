//! liboqs (Open Quantum Safe) through the `oqs` crate: its ML-KEM, ML-DSA
//! and Falcon, and the schemes no other registered library has —
//! FrodoKEM, Classic McEliece, BIKE and the signature on-ramp candidates
//! MAYO, CROSS and UOV.
//!
//! `oqs-sys` builds liboqs from the source it vendors with CMake, as a
//! distributable build (`OQS_DIST_BUILD`): every AVX2/BMI2/AES-NI code path
//! is compiled in and chosen at run time from the CPU's features, so the
//! baseline x86-64 target of the release build does not hold it back.
//! [`code_path`] says which path this CPU takes.
//!
//! liboqs draws every random choice (key generation, encapsulation,
//! randomised signing) from its own `randombytes` (the operating system's
//! `getrandom`), not from the run seed, as PQClean does: keys and signatures
//! are not reproducible from a seed, and its speed tool measures the same
//! calls. Its known-answer tests (`suites::liboqs_kat`) give the thread
//! running them liboqs' NIST KAT DRBG instead ([`KatRng`]).

mod generic;
mod kat_rng;
mod mldsa;
mod mlkem;

pub use generic::{
    BikeL1Liboqs, ClassicMcEliece348864Liboqs, CrossRsdp128FastLiboqs, CrossRsdpg128FastLiboqs,
    Falcon512Liboqs, Falcon1024Liboqs, FrodoKem640AesLiboqs, FrodoKem640ShakeLiboqs, Mayo1Liboqs,
    Mayo2Liboqs, UovIpLiboqs, UovIsLiboqs,
};
pub use kat_rng::{KatRng, NistDrbg};
pub use mldsa::{MlDsa44Liboqs, MlDsa65Liboqs, MlDsa87Liboqs};
pub use mlkem::{MlKem512Liboqs, MlKem768Liboqs, MlKem1024Liboqs};

use std::sync::OnceLock;

use ledgerbench_core::{Error, Implementation, Result};

/// The implementation descriptor shared by every liboqs scheme.
pub(crate) const IMPL: Implementation = Implementation {
    id: "liboqs",
    krate: "oqs",
    backend: "dist build, runtime CPU dispatch",
};

/// The liboqs version compiled in (e.g. `0.13.0`).
pub fn version() -> String {
    // SAFETY: OQS_version returns a pointer to a static NUL-terminated string.
    let ptr = unsafe { oqs::ffi::common::OQS_version() };
    if ptr.is_null() {
        return "unknown".into();
    }
    // SAFETY: non-null, static and NUL-terminated (liboqs' own version string).
    unsafe { std::ffi::CStr::from_ptr(ptr) }
        .to_string_lossy()
        .into_owned()
}

/// The code path liboqs' run-time dispatch takes on this CPU for ML-KEM and
/// ML-DSA, asked of liboqs itself (`OQS_CPU_has_extension`): `avx2` when it
/// sees AVX2, BMI2 and POPCNT (what those dispatchers test), else `portable`.
pub fn code_path() -> &'static str {
    use oqs::ffi::common::{OQS_CPU_EXT, OQS_CPU_has_extension};
    oqs::init();
    let has = |ext| {
        // SAFETY: a pure query of liboqs' CPU-feature table (filled by OQS_init).
        unsafe { OQS_CPU_has_extension(ext) == 1 }
    };
    if has(OQS_CPU_EXT::OQS_CPU_EXT_AVX2)
        && has(OQS_CPU_EXT::OQS_CPU_EXT_BMI2)
        && has(OQS_CPU_EXT::OQS_CPU_EXT_POPCNT)
    {
        "avx2"
    } else {
        "portable"
    }
}

/// The process-wide liboqs signature object for `alg`, created once (liboqs'
/// `OQS_SIG_new` allocates; the timed calls must not).
pub(crate) fn sig_handle(
    cell: &'static OnceLock<oqs::sig::Sig>,
    alg: oqs::sig::Algorithm,
) -> Result<&'static oqs::sig::Sig> {
    if let Some(handle) = cell.get() {
        return Ok(handle);
    }
    oqs::init();
    let handle = oqs::sig::Sig::new(alg)
        .map_err(|e| Error::op("liboqs init", format!("{}: {e}", alg.name())))?;
    Ok(cell.get_or_init(|| handle))
}

/// The process-wide liboqs KEM object for `alg`, created once.
pub(crate) fn kem_handle(
    cell: &'static OnceLock<oqs::kem::Kem>,
    alg: oqs::kem::Algorithm,
) -> Result<&'static oqs::kem::Kem> {
    if let Some(handle) = cell.get() {
        return Ok(handle);
    }
    oqs::init();
    let handle = oqs::kem::Kem::new(alg)
        .map_err(|e| Error::op("liboqs init", format!("{}: {e}", alg.name())))?;
    Ok(cell.get_or_init(|| handle))
}

/// `bytes` as an owned key, signature or ciphertext, if it has exactly `len`
/// bytes (the harness's own length check names `what` otherwise).
pub(crate) fn exact(what: &'static str, bytes: &[u8], len: usize) -> Result<Vec<u8>> {
    crate::util::check_len(bytes, len, what).map(|()| bytes.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_the_vendored_liboqs() {
        let v = version();
        assert!(v.starts_with("0."), "{v}");
    }

    /// liboqs' own CPU check agrees with the standard library's.
    #[test]
    #[cfg(target_arch = "x86_64")]
    fn code_path_follows_the_cpu() {
        let avx2 = std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("bmi2")
            && std::arch::is_x86_feature_detected!("popcnt");
        assert_eq!(code_path(), if avx2 { "avx2" } else { "portable" });
    }
}
