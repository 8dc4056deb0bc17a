//! Known answers for every hash (from the standards and official vectors, not
//! from the libraries), streaming against one-shot, and ring against RustCrypto.

use ledgerbench_harness::{HashFn, bench_rng, rng::random_bytes};
use ledgerbench_primitives::hash::{
    Blake3, Keccak256RustCrypto, Sha3_256RustCrypto, Sha256Ring, Sha256RustCrypto, Sm3RustCrypto,
    blake3_test_input,
};

/// FIPS 180-2 / FIPS 202 example messages.
const MSG_448: &[u8] = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const MSG_896: &[u8] = b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

fn hex_digest<H: HashFn>(data: &[u8]) -> String {
    hex::encode(H::digest(data).as_ref())
}

/// Checks one answer one-shot and streamed one byte at a time.
fn check<H: HashFn>(input: &[u8], want: &str) {
    let id = H::INFO.id();
    assert_eq!(
        hex_digest::<H>(input),
        want,
        "{id} one-shot, input length {}",
        input.len()
    );
    let mut state = H::new();
    for b in input {
        H::update(&mut state, std::slice::from_ref(b));
    }
    assert_eq!(
        hex::encode(H::finalize(state).as_ref()),
        want,
        "{id} bytewise, len {}",
        input.len()
    );
}

fn check_all<H: HashFn>(cases: &[(&[u8], &str)]) {
    for (input, want) in cases {
        check::<H>(input, want);
    }
}

#[test]
fn known_answers_consts_hold() {
    fn run<H: HashFn>() {
        assert!(
            H::KNOWN_ANSWERS.len() >= 2,
            "{} lists too few known answers",
            H::INFO.id()
        );
        assert_eq!(
            H::INFO.size("digest"),
            Some(ledgerbench_harness::Size::Exact(32))
        );
        check_all::<H>(H::KNOWN_ANSWERS);
    }
    run::<Sha256RustCrypto>();
    run::<Sha256Ring>();
    run::<Sha3_256RustCrypto>();
    run::<Keccak256RustCrypto>();
    run::<Blake3>();
    run::<Sm3RustCrypto>();
}

/// FIPS 180-2 appendix B: one-block, two-block, and one million 'a'.
const SHA256_NIST: &[(&[u8], &str)] = &[
    (
        b"",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ),
    (
        b"abc",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    ),
    (
        MSG_448,
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ),
    (
        MSG_896,
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ),
];
const SHA256_MILLION_A: &str = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

#[test]
fn sha256_rustcrypto_nist() {
    check_all::<Sha256RustCrypto>(SHA256_NIST);
    assert_eq!(
        hex_digest::<Sha256RustCrypto>(&[b'a'; 1_000_000]),
        SHA256_MILLION_A
    );
}

#[test]
fn sha256_ring_nist() {
    check_all::<Sha256Ring>(SHA256_NIST);
    assert_eq!(
        hex_digest::<Sha256Ring>(&[b'a'; 1_000_000]),
        SHA256_MILLION_A
    );
}

#[test]
fn sha3_256_nist() {
    check_all::<Sha3_256RustCrypto>(&[
        (
            b"",
            "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
        ),
        (
            b"abc",
            "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
        ),
        (
            MSG_448,
            "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376",
        ),
        (
            MSG_896,
            "916f6061fe879741ca6469b43971dfdb28b1a32dc36cb3254e812be27aad1d18",
        ),
    ]);
    assert_eq!(
        hex_digest::<Sha3_256RustCrypto>(&[b'a'; 1_000_000]),
        "5c8875ae474a3634ba4fd55ec85bffd661f32aca75c6d699d0cdcb6c115891c1"
    );
}

#[test]
fn keccak256_ethereum() {
    check_all::<Keccak256RustCrypto>(&[
        (
            b"",
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        ),
        (
            b"abc",
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        ),
        (
            b"The quick brown fox jumps over the lazy dog",
            "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15",
        ),
    ]);
    // The padding really differs from FIPS 202: SHA3-256("") is another value.
    assert_ne!(
        hex_digest::<Keccak256RustCrypto>(b""),
        hex_digest::<Sha3_256RustCrypto>(b"")
    );
}

#[test]
fn sm3_gbt_32905() {
    check_all::<Sm3RustCrypto>(&[
        // Not in the standard: OpenSSL's value for the empty input.
        (
            b"",
            "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
        ),
        // GB/T 32905-2016 appendix A, example 1 and example 2.
        (
            b"abc",
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
        ),
        (
            b"abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd",
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
        ),
    ]);
}

#[test]
fn blake3_official_vectors() {
    // First 32 bytes of the `hash` field of BLAKE3's test_vectors.json; input
    // byte i is i % 251.
    let cases: &[(usize, &str)] = &[
        (
            0,
            "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        ),
        (
            1,
            "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
        ),
        (
            1023,
            "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
        ),
        (
            1024,
            "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
        ),
        (
            1025,
            "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
        ),
        (
            2048,
            "e776b6028c7cd22a4d0ba182a8bf62205d2ef576467e838ed6f2529b85fba24a",
        ),
        (
            2049,
            "5f4d72f40d7a5f82b15ca2b2e44b1de3c2ef86c426c95c1af0b6879522563030",
        ),
        (
            16384,
            "f875d6646de28985646f34ee13be9a576fd515f76b5b0a26bb324735041ddde4",
        ),
        (
            102400,
            "bc3e3d41a1146b069abffad3c0d44860cf664390afce4d9661f7902e7943e085",
        ),
    ];
    let input = blake3_test_input::<102400>();
    for (len, want) in cases {
        check::<Blake3>(&input[..*len], want);
    }
}

/// Feeds `data` in chunks cycling through odd sizes (and empty updates).
fn streamed<H: HashFn>(data: &[u8]) -> Vec<u8> {
    const SIZES: [usize; 12] = [1, 0, 3, 7, 13, 63, 64, 65, 127, 1000, 1023, 1025];
    let mut state = H::new();
    let mut rest = data;
    for size in SIZES.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (head, tail) = rest.split_at((*size).min(rest.len()));
        H::update(&mut state, head);
        rest = tail;
    }
    H::finalize(state).as_ref().to_vec()
}

#[test]
fn streaming_equals_one_shot() {
    fn run<H: HashFn>() {
        let mut rng = bench_rng(11, "hash-streaming");
        for len in [
            0, 1, 55, 56, 64, 135, 136, 137, 1024, 1025, 4096, 10_000, 70_001,
        ] {
            let data = random_bytes(&mut rng, len);
            assert_eq!(
                streamed::<H>(&data),
                H::digest(&data).as_ref(),
                "{} len {len}",
                H::INFO.id()
            );
        }
    }
    run::<Sha256RustCrypto>();
    run::<Sha256Ring>();
    run::<Sha3_256RustCrypto>();
    run::<Keccak256RustCrypto>();
    run::<Blake3>();
    run::<Sm3RustCrypto>();
}

#[test]
fn sha256_ring_equals_rustcrypto() {
    let mut rng = bench_rng(12, "sha256-differential");
    for len in (0..300).chain([1000, 4095, 4096, 65_537]) {
        let data = random_bytes(&mut rng, len);
        assert_eq!(
            Sha256Ring::digest(&data),
            Sha256RustCrypto::digest(&data),
            "len {len}"
        );
    }
}

#[test]
fn infos_are_consistent() {
    let ids = [
        Sha256RustCrypto::INFO.id(),
        Sha256Ring::INFO.id(),
        Sha3_256RustCrypto::INFO.id(),
        Keccak256RustCrypto::INFO.id(),
        Blake3::INFO.id(),
        Sm3RustCrypto::INFO.id(),
    ];
    assert_eq!(
        ids,
        [
            "sha256/rustcrypto",
            "sha256/ring",
            "sha3-256/rustcrypto",
            "keccak256/rustcrypto",
            "blake3/blake3",
            "sm3/rustcrypto"
        ]
    );
}

/// The harness's correctness gate (known answers, streaming) passes for every hash.
#[test]
fn harness_gate_passes() {
    use ledgerbench_harness::dynamic::HashEntry;
    for entry in [
        HashEntry::<Sha256RustCrypto>::entry(),
        HashEntry::<Sha256Ring>::entry(),
        HashEntry::<Sha3_256RustCrypto>::entry(),
        HashEntry::<Keccak256RustCrypto>::entry(),
        HashEntry::<Blake3>::entry(),
        HashEntry::<Sm3RustCrypto>::entry(),
    ] {
        let report = entry.gate(1);
        assert!(
            report.checks.len() > 2,
            "{}: gate ran no checks",
            entry.id()
        );
        assert!(report.passed(), "{}: {}", entry.id(), report.describe());
    }
}
