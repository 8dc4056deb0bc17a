//! Hash functions with 256-bit digests behind [`HashFn`]: SHA-256 (RustCrypto
//! and ring), SHA3-256, Ethereum's Keccak-256, BLAKE3 and SM3.
//!
//! | type | scheme id | standard |
//! |---|---|---|
//! | [`Sha256RustCrypto`] | `sha256/rustcrypto` | FIPS 180-4 |
//! | [`Sha256Ring`] | `sha256/ring` | FIPS 180-4 |
//! | [`Sha3_256RustCrypto`] | `sha3-256/rustcrypto` | FIPS 202 |
//! | [`Keccak256RustCrypto`] | `keccak256/rustcrypto` | Keccak-256 (Ethereum, pre-FIPS padding) |
//! | [`Blake3`] | `blake3/blake3` | BLAKE3 specification |
//! | [`Sm3RustCrypto`] | `sm3/rustcrypto` | GB/T 32905-2016 |
//!
//! Every `KNOWN_ANSWERS` entry is copied from the standard or its official
//! test vectors, never computed by the library under test.
//!
//! ```
//! use ledgerbench_core::HashFn;
//! use ledgerbench_primitives::hash::Sha256RustCrypto;
//!
//! let mut state = Sha256RustCrypto::new();
//! Sha256RustCrypto::update(&mut state, b"a");
//! Sha256RustCrypto::update(&mut state, b"bc");
//! assert_eq!(Sha256RustCrypto::finalize(state), Sha256RustCrypto::digest(b"abc"));
//! ```

use ledgerbench_core::{Family, HashFn, Implementation, NamedSize, SchemeInfo, Security, Size};

/// Digest length of every hash here.
pub const DIGEST_LEN: usize = 32;

const SIZES: &[NamedSize] = &[("digest", Size::Exact(DIGEST_LEN))];

/// The description shared by all hashes here: 256-bit digests, 128-bit
/// collision resistance, deterministic and constant-time.
const fn info(
    name: &'static str,
    implementation: Implementation,
    standard: &'static str,
) -> SchemeInfo {
    SchemeInfo {
        name,
        family: Family::Hash,
        implementation,
        standard,
        security: Security::ClassicalBits(128),
        deterministic: true,
        constant_time: true,
        sizes: SIZES,
        note: "",
    }
}

/// SHA-256 of "" and "abc" (FIPS 180-2 appendix B.1) and of the 448-bit
/// two-block message (appendix B.2).
const SHA256_KAT: &[(&[u8], &str)] = &[
    (
        b"",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ),
    (
        b"abc",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    ),
    (
        b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ),
];

/// Implements [`HashFn`] for a RustCrypto `Digest` with a 32-byte output.
macro_rules! rustcrypto_hash {
    ($(#[$doc:meta])* $name:ident, $hasher:ty, $info:expr, $kat:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl HashFn for $name {
            type State = $hasher;
            type Digest = [u8; DIGEST_LEN];
            const INFO: SchemeInfo = $info;
            const KNOWN_ANSWERS: &'static [(&'static [u8], &'static str)] = $kat;

            fn digest(data: &[u8]) -> [u8; DIGEST_LEN] {
                <$hasher as sha2::Digest>::digest(data).into()
            }
            fn new() -> $hasher {
                <$hasher as sha2::Digest>::new()
            }
            fn update(state: &mut $hasher, data: &[u8]) {
                sha2::Digest::update(state, data)
            }
            fn finalize(state: $hasher) -> [u8; DIGEST_LEN] {
                sha2::Digest::finalize(state).into()
            }
        }
    };
}

rustcrypto_hash!(
    /// SHA-256 by RustCrypto's `sha2` (scheme id `sha256/rustcrypto`); uses the
    /// x86 SHA extensions when the CPU has them (detected at run time).
    Sha256RustCrypto,
    sha2::Sha256,
    info(
        "sha256",
        Implementation { id: "rustcrypto", krate: "sha2", backend: "auto (soft or SHA-NI, runtime)" },
        "FIPS 180-4",
    ),
    SHA256_KAT
);

rustcrypto_hash!(
    /// SHA3-256 by RustCrypto's `sha3` (scheme id `sha3-256/rustcrypto`).
    Sha3_256RustCrypto,
    sha3::Sha3_256,
    info(
        "sha3-256",
        Implementation { id: "rustcrypto", krate: "sha3", backend: "soft" },
        "FIPS 202",
    ),
    // FIPS 202 examples (NIST CSRC "SHA3-256" example values): "", "abc", and
    // the 448-bit message.
    &[
        (b"", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
        (b"abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
        (
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376",
        ),
    ]
);

rustcrypto_hash!(
    /// Keccak-256 as Ethereum uses it — the original Keccak padding (`0x01`),
    /// not FIPS 202's (`0x06`) — by RustCrypto's `sha3::Keccak256` (scheme id
    /// `keccak256/rustcrypto`).
    Keccak256RustCrypto,
    sha3::Keccak256,
    info(
        "keccak256",
        Implementation { id: "rustcrypto", krate: "sha3", backend: "soft" },
        "Ethereum Keccak-256, pre-FIPS padding",
    ),
    // The Ethereum values (Yellow Paper KEC; the empty-input hash is the
    // empty-code hash every client hard-codes).
    &[
        (b"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        (b"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
    ]
);

rustcrypto_hash!(
    /// SM3 by RustCrypto's `sm3` (scheme id `sm3/rustcrypto`).
    Sm3RustCrypto,
    sm3::Sm3,
    info(
        "sm3",
        Implementation { id: "rustcrypto", krate: "sm3", backend: "soft" },
        "GB/T 32905-2016",
    ),
    // GB/T 32905-2016 appendix A, examples 1 ("abc") and 2 ("abcd" x 16). The
    // standard gives no empty-input example; that value is OpenSSL's (an
    // independent implementation: `openssl dgst -sm3 </dev/null`).
    &[
        (b"", "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b"),
        (b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
        (
            b"abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd",
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
        ),
    ]
);

/// SHA-256 by `ring` (scheme id `sha256/ring`): BoringSSL's assembly, which
/// picks SHA-NI/AVX2/SSSE3 code at run time.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sha256Ring;

/// Copies a `ring` SHA-256 digest into an array.
fn ring_digest(d: ring::digest::Digest) -> [u8; DIGEST_LEN] {
    let mut out = [0u8; DIGEST_LEN];
    out.copy_from_slice(d.as_ref()); // SHA-256 digests are always 32 bytes
    out
}

impl HashFn for Sha256Ring {
    type State = ring::digest::Context;
    type Digest = [u8; DIGEST_LEN];
    const INFO: SchemeInfo = info(
        "sha256",
        Implementation {
            id: "ring",
            krate: "ring",
            backend: "asm (CPU features detected at runtime)",
        },
        "FIPS 180-4",
    );
    const KNOWN_ANSWERS: &'static [(&'static [u8], &'static str)] = SHA256_KAT;

    fn digest(data: &[u8]) -> [u8; DIGEST_LEN] {
        ring_digest(ring::digest::digest(&ring::digest::SHA256, data))
    }
    fn new() -> ring::digest::Context {
        ring::digest::Context::new(&ring::digest::SHA256)
    }
    fn update(state: &mut ring::digest::Context, data: &[u8]) {
        state.update(data)
    }
    fn finalize(state: ring::digest::Context) -> [u8; DIGEST_LEN] {
        ring_digest(state.finish())
    }
}

/// BLAKE3 by the `blake3` crate (scheme id `blake3/blake3`): the SIMD code path
/// (SSE2, SSE4.1, AVX2, AVX-512) is detected at run time; single-threaded
/// (the `rayon` feature is off).
#[derive(Clone, Copy, Debug, Default)]
pub struct Blake3;

/// The input of the official BLAKE3 test vectors: byte `i` is `i % 251`.
pub const fn blake3_test_input<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = (i % 251) as u8;
        i += 1;
    }
    out
}

const BLAKE3_IN_1: [u8; 1] = blake3_test_input();
const BLAKE3_IN_1023: [u8; 1023] = blake3_test_input();
const BLAKE3_IN_1024: [u8; 1024] = blake3_test_input();
const BLAKE3_IN_1025: [u8; 1025] = blake3_test_input();

impl HashFn for Blake3 {
    type State = blake3::Hasher;
    type Digest = [u8; DIGEST_LEN];
    const INFO: SchemeInfo = info(
        "blake3",
        Implementation {
            id: "blake3",
            krate: "blake3",
            backend: "auto SIMD (runtime-detected)",
        },
        "BLAKE3 specification (2020)",
    );
    // "abc" as published with the reference implementation; the rest are the
    // first 32 bytes of the official test_vectors.json cases (lengths 0, 1,
    // and around the 1024-byte chunk boundary).
    const KNOWN_ANSWERS: &'static [(&'static [u8], &'static str)] = &[
        (
            b"",
            "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        ),
        (
            b"abc",
            "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
        ),
        (
            &BLAKE3_IN_1,
            "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
        ),
        (
            &BLAKE3_IN_1023,
            "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
        ),
        (
            &BLAKE3_IN_1024,
            "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
        ),
        (
            &BLAKE3_IN_1025,
            "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
        ),
    ];

    fn digest(data: &[u8]) -> [u8; DIGEST_LEN] {
        blake3::hash(data).into()
    }
    fn new() -> blake3::Hasher {
        blake3::Hasher::new()
    }
    fn update(state: &mut blake3::Hasher, data: &[u8]) {
        state.update(data);
    }
    fn finalize(state: blake3::Hasher) -> [u8; DIGEST_LEN] {
        state.finalize().into()
    }
}
