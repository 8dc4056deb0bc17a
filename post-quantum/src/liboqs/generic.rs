//! The liboqs schemes without a family trait of their own (Falcon, FrodoKEM,
//! Classic McEliece, BIKE, MAYO, CROSS, UOV): keys, signatures and
//! ciphertexts are byte strings of the lengths their specifications give
//! (the tests check them against liboqs' own).

use ledgerbench_core::{Family, SchemeInfo, Security, Size};

use super::IMPL;

/// Defines a zero-sized signature scheme over one liboqs algorithm.
/// `$exact` says whether signatures always have the maximum length;
/// `$variable` marks key generation and signing as variable-time.
macro_rules! liboqs_signature {
    ($(#[$doc:meta])* $ty:ident, $alg:ident, $info:expr, exact = $exact:expr, variable_time = $variable:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl $ty {
            fn handle() -> ledgerbench_core::Result<&'static oqs::sig::Sig> {
                static HANDLE: std::sync::OnceLock<oqs::sig::Sig> = std::sync::OnceLock::new();
                super::sig_handle(&HANDLE, oqs::sig::Algorithm::$alg)
            }

            const fn size(name: &str) -> usize {
                crate::liboqs::generic::size_of(&<Self as ledgerbench_core::SignatureScheme>::INFO, name)
            }
        }

        impl ledgerbench_core::SignatureScheme for $ty {
            type SecretKey = Vec<u8>;
            type PublicKey = Vec<u8>;
            type Signature = Vec<u8>;

            const INFO: ledgerbench_core::SchemeInfo = $info;
            const VARIABLE_TIME_KEYGEN: bool = $variable;
            const VARIABLE_TIME_SIGN: bool = $variable;

            fn keygen(
                _rng: &mut ledgerbench_core::BenchRng,
            ) -> ledgerbench_core::Result<(Self::SecretKey, Self::PublicKey)> {
                let (pk, sk) = Self::handle()?
                    .keypair()
                    .map_err(|e| ledgerbench_core::Error::op("keygen", e))?;
                Ok((sk.into_vec(), pk.into_vec()))
            }

            fn sign(
                sk: &Self::SecretKey,
                msg: &[u8],
                _rng: &mut ledgerbench_core::BenchRng,
            ) -> ledgerbench_core::Result<Self::Signature> {
                let handle = Self::handle()?;
                let sk = handle
                    .secret_key_from_bytes(sk)
                    .ok_or_else(|| ledgerbench_core::Error::op("sign", "secret key length"))?;
                let sig = handle
                    .sign(msg, sk)
                    .map_err(|e| ledgerbench_core::Error::op("sign", e))?;
                Ok(sig.into_vec())
            }

            fn verify(
                pk: &Self::PublicKey,
                msg: &[u8],
                sig: &Self::Signature,
            ) -> ledgerbench_core::Result<()> {
                let handle = Self::handle()?;
                let pk = handle
                    .public_key_from_bytes(pk)
                    .ok_or(ledgerbench_core::Error::Verification)?;
                let sig = handle
                    .signature_from_bytes(sig)
                    .ok_or(ledgerbench_core::Error::Verification)?;
                handle
                    .verify(msg, sig, pk)
                    .map_err(|_| ledgerbench_core::Error::Verification)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                pk.clone()
            }

            fn decode_public_key(bytes: &[u8]) -> ledgerbench_core::Result<Self::PublicKey> {
                super::exact("public key", bytes, Self::size("pk"))
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                sk.clone()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                sig.clone()
            }

            fn decode_signature(bytes: &[u8]) -> ledgerbench_core::Result<Self::Signature> {
                crate::pqsign::check_sig_len(bytes.len(), Self::size("sig"), $exact)
                    .map_err(|e| ledgerbench_core::Error::decode("signature", e))?;
                Ok(bytes.to_vec())
            }
        }
    };
}

/// Defines a zero-sized KEM over one liboqs algorithm (shared secret of
/// `$ss` bytes); `$variable` marks key generation as variable-time.
macro_rules! liboqs_kem {
    ($(#[$doc:meta])* $ty:ident, $alg:ident, $info:expr, ss = $ss:literal, variable_keygen = $variable:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl $ty {
            fn handle() -> ledgerbench_core::Result<&'static oqs::kem::Kem> {
                static HANDLE: std::sync::OnceLock<oqs::kem::Kem> = std::sync::OnceLock::new();
                super::kem_handle(&HANDLE, oqs::kem::Algorithm::$alg)
            }

            const fn size(name: &str) -> usize {
                crate::liboqs::generic::size_of(&<Self as ledgerbench_core::Kem>::INFO, name)
            }
        }

        impl ledgerbench_core::Kem for $ty {
            type DecapsKey = Vec<u8>;
            type EncapsKey = Vec<u8>;
            type Ciphertext = Vec<u8>;
            type SharedSecret = [u8; $ss];

            const INFO: ledgerbench_core::SchemeInfo = $info;
            const VARIABLE_TIME_KEYGEN: bool = $variable;

            fn keygen(
                _rng: &mut ledgerbench_core::BenchRng,
            ) -> ledgerbench_core::Result<(Self::DecapsKey, Self::EncapsKey)> {
                let (pk, sk) = Self::handle()?
                    .keypair()
                    .map_err(|e| ledgerbench_core::Error::op("keygen", e))?;
                Ok((sk.into_vec(), pk.into_vec()))
            }

            fn encaps(
                ek: &Self::EncapsKey,
                _rng: &mut ledgerbench_core::BenchRng,
            ) -> ledgerbench_core::Result<(Self::Ciphertext, Self::SharedSecret)> {
                let handle = Self::handle()?;
                let ek = handle
                    .public_key_from_bytes(ek)
                    .ok_or_else(|| ledgerbench_core::Error::op("encaps", "key length"))?;
                let (ct, ss) = handle
                    .encapsulate(ek)
                    .map_err(|e| ledgerbench_core::Error::op("encaps", e))?;
                Ok((ct.into_vec(), crate::util::to_array(ss.as_ref(), "shared secret")?))
            }

            fn decaps(
                dk: &Self::DecapsKey,
                ct: &Self::Ciphertext,
            ) -> ledgerbench_core::Result<Self::SharedSecret> {
                let handle = Self::handle()?;
                let dk = handle
                    .secret_key_from_bytes(dk)
                    .ok_or_else(|| ledgerbench_core::Error::op("decaps", "key length"))?;
                let ct = handle
                    .ciphertext_from_bytes(ct)
                    .ok_or_else(|| ledgerbench_core::Error::op("decaps", "ciphertext length"))?;
                let ss = handle
                    .decapsulate(dk, ct)
                    .map_err(|e| ledgerbench_core::Error::op("decaps", e))?;
                crate::util::to_array(ss.as_ref(), "shared secret")
            }

            fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
                ek.clone()
            }

            fn decode_encaps_key(bytes: &[u8]) -> ledgerbench_core::Result<Self::EncapsKey> {
                super::exact("encapsulation key", bytes, Self::size("ek"))
            }

            fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
                dk.clone()
            }

            fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
                ct.clone()
            }

            fn decode_ciphertext(bytes: &[u8]) -> ledgerbench_core::Result<Self::Ciphertext> {
                super::exact("ciphertext", bytes, Self::size("ct"))
            }
        }
    };
}

/// The byte length named `name` in `info`'s sizes (exact or maximum).
pub(crate) const fn size_of(info: &SchemeInfo, name: &str) -> usize {
    let mut i = 0;
    while i < info.sizes.len() {
        let (n, size) = info.sizes[i];
        if const_str_eq(n, name) {
            return match size {
                Size::Exact(len) | Size::Max(len) => len,
                Size::Variable => 0,
            };
        }
        i += 1;
    }
    0
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A liboqs signature scheme's [`SchemeInfo`].
const fn sig_info(
    name: &'static str,
    standard: &'static str,
    category: u8,
    sizes: &'static [(&'static str, Size)],
    note: &'static str,
) -> SchemeInfo {
    SchemeInfo {
        name,
        family: Family::Sig,
        implementation: IMPL,
        standard,
        security: Security::NistCategory(category),
        deterministic: false,
        constant_time: true,
        sizes,
        note,
    }
}

/// A liboqs KEM's [`SchemeInfo`].
const fn kem_info(
    name: &'static str,
    standard: &'static str,
    category: u8,
    sizes: &'static [(&'static str, Size)],
    note: &'static str,
) -> SchemeInfo {
    SchemeInfo {
        family: Family::Kem,
        ..sig_info(name, standard, category, sizes, note)
    }
}

liboqs_signature!(
    /// Falcon-512 from liboqs (`falcon-512/liboqs`): PQClean's AVX2 Falcon
    /// with native floating point where the CPU has AVX2.
    Falcon512Liboqs,
    Falcon512,
    sig_info(
        "falcon-512",
        "Falcon r3.1",
        1,
        &[("pk", Size::Exact(897)), ("sk", Size::Exact(1281)), ("sig", Size::Max(752))],
        "Falcon round 3.1 (FN-DSA, FIPS 206, not yet final); liboqs (PQClean avx2 code with \
         native floating point, portable code elsewhere); compressed variable-length signatures; \
         keygen and signing draw liboqs' own randomness, not the run seed"
    ),
    exact = false,
    variable_time = true
);

liboqs_signature!(
    /// Falcon-1024 from liboqs (`falcon-1024/liboqs`).
    Falcon1024Liboqs,
    Falcon1024,
    sig_info(
        "falcon-1024",
        "Falcon r3.1",
        5,
        &[("pk", Size::Exact(1793)), ("sk", Size::Exact(2305)), ("sig", Size::Max(1462))],
        "Falcon round 3.1 (FN-DSA, FIPS 206, not yet final); liboqs (PQClean avx2 code with \
         native floating point, portable code elsewhere); compressed variable-length signatures; \
         keygen and signing draw liboqs' own randomness, not the run seed"
    ),
    exact = false,
    variable_time = true
);

const MAYO_NOTE: &str = "MAYO, NIST additional-signature round 2 (multivariate; not a \
                         standard); liboqs (avx2 where the CPU has it); keys and signatures \
                         from liboqs' own randomness, not the run seed";

liboqs_signature!(
    /// MAYO-1 from liboqs (`mayo-1/liboqs`).
    Mayo1Liboqs,
    Mayo1,
    sig_info(
        "mayo-1",
        "MAYO round 2",
        1,
        &[("pk", Size::Exact(1420)), ("sk", Size::Exact(24)), ("sig", Size::Exact(454))],
        MAYO_NOTE
    ),
    exact = true,
    variable_time = true
);

liboqs_signature!(
    /// MAYO-2 from liboqs (`mayo-2/liboqs`).
    Mayo2Liboqs,
    Mayo2,
    sig_info(
        "mayo-2",
        "MAYO round 2",
        1,
        &[("pk", Size::Exact(4912)), ("sk", Size::Exact(24)), ("sig", Size::Exact(186))],
        MAYO_NOTE
    ),
    exact = true,
    variable_time = true
);

const CROSS_NOTE: &str = "CROSS, NIST additional-signature round 2 (code-based; not a \
                          standard); liboqs (avx2 where the CPU has it); keys and signatures \
                          from liboqs' own randomness, not the run seed";

liboqs_signature!(
    /// CROSS-RSDP-128-fast from liboqs (`cross-rsdp-128-fast/liboqs`).
    CrossRsdp128FastLiboqs,
    CrossRsdp128Fast,
    sig_info(
        "cross-rsdp-128-fast",
        "CROSS round 2",
        1,
        &[("pk", Size::Exact(77)), ("sk", Size::Exact(32)), ("sig", Size::Exact(18432))],
        CROSS_NOTE
    ),
    exact = true,
    variable_time = false
);

liboqs_signature!(
    /// CROSS-RSDPG-128-fast from liboqs (`cross-rsdpg-128-fast/liboqs`).
    CrossRsdpg128FastLiboqs,
    CrossRsdpg128Fast,
    sig_info(
        "cross-rsdpg-128-fast",
        "CROSS round 2",
        1,
        &[("pk", Size::Exact(54)), ("sk", Size::Exact(32)), ("sig", Size::Exact(11980))],
        CROSS_NOTE
    ),
    exact = true,
    variable_time = false
);

const UOV_NOTE: &str = "UOV, NIST additional-signature round 2 (multivariate; not a \
                        standard); liboqs (avx2 where the CPU has it); public keys of hundreds \
                        of kilobytes; keys and signatures from liboqs' own randomness, not the \
                        run seed";

liboqs_signature!(
    /// UOV OV-Is (classic keys) from liboqs (`uov-is/liboqs`).
    UovIsLiboqs,
    UovOvIs,
    sig_info(
        "uov-is",
        "UOV round 2",
        1,
        &[("pk", Size::Exact(412_160)), ("sk", Size::Exact(348_704)), ("sig", Size::Exact(96))],
        UOV_NOTE
    ),
    exact = true,
    variable_time = true
);

liboqs_signature!(
    /// UOV OV-Ip (classic keys) from liboqs (`uov-ip/liboqs`).
    UovIpLiboqs,
    UovOvIp,
    sig_info(
        "uov-ip",
        "UOV round 2",
        1,
        &[("pk", Size::Exact(278_432)), ("sk", Size::Exact(237_896)), ("sig", Size::Exact(128))],
        UOV_NOTE
    ),
    exact = true,
    variable_time = true
);

const FRODO_SIZES: &[(&str, Size)] = &[
    ("ek", Size::Exact(9616)),
    ("dk", Size::Exact(19888)),
    ("ct", Size::Exact(9720)),
    ("ss", Size::Exact(16)),
];

liboqs_kem!(
    /// FrodoKEM-640-AES from liboqs (`frodokem-640-aes/liboqs`).
    FrodoKem640AesLiboqs,
    FrodoKem640Aes,
    kem_info(
        "frodokem-640-aes",
        "FrodoKEM (ISO/IEC 18033-2 draft)",
        1,
        FRODO_SIZES,
        "FrodoKEM, conservative unstructured-lattice KEM (ISO draft, not a NIST standard); \
         liboqs; matrix from AES-128 (AES-NI where the CPU has it); 16-byte shared secret; \
         keys and encapsulation from liboqs' own randomness, not the run seed"
    ),
    ss = 16,
    variable_keygen = false
);

liboqs_kem!(
    /// FrodoKEM-640-SHAKE from liboqs (`frodokem-640-shake/liboqs`).
    FrodoKem640ShakeLiboqs,
    FrodoKem640Shake,
    kem_info(
        "frodokem-640-shake",
        "FrodoKEM (ISO/IEC 18033-2 draft)",
        1,
        FRODO_SIZES,
        "FrodoKEM, conservative unstructured-lattice KEM (ISO draft, not a NIST standard); \
         liboqs; matrix from SHAKE128; 16-byte shared secret; keys and encapsulation from \
         liboqs' own randomness, not the run seed"
    ),
    ss = 16,
    variable_keygen = false
);

liboqs_kem!(
    /// Classic McEliece 348864 from liboqs (`classic-mceliece-348864/liboqs`):
    /// a 261,120-byte public key.
    ClassicMcEliece348864Liboqs,
    ClassicMcEliece348864,
    kem_info(
        "classic-mceliece-348864",
        "Classic McEliece round 4",
        1,
        &[
            ("ek", Size::Exact(261_120)),
            ("dk", Size::Exact(6492)),
            ("ct", Size::Exact(96)),
            ("ss", Size::Exact(32)),
        ],
        "Classic McEliece round 4 (code-based, not a NIST standard); liboqs (avx2 where the \
         CPU has it); HUGE public key (255 KiB) and slow key generation; keys and \
         encapsulation from liboqs' own randomness, not the run seed"
    ),
    ss = 32,
    // The key is retried until the parity-check matrix has systematic form.
    variable_keygen = true
);

liboqs_kem!(
    /// BIKE-L1 from liboqs (`bike-l1/liboqs`).
    BikeL1Liboqs,
    BikeL1,
    kem_info(
        "bike-l1",
        "BIKE round 4",
        1,
        &[
            ("ek", Size::Exact(1541)),
            ("dk", Size::Exact(5223)),
            ("ct", Size::Exact(1573)),
            ("ss", Size::Exact(32)),
        ],
        "BIKE round 4 (code-based, not selected by NIST); liboqs (avx2/pclmul where the CPU \
         has it); keys and encapsulation from liboqs' own randomness, not the run seed"
    ),
    ss = 32,
    variable_keygen = false
);
