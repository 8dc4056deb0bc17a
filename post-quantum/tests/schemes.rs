//! Every scheme of the crate, one test each: round trip, encoded sizes match
//! `INFO`, encodings re-decode to the same bytes, tampered messages,
//! signatures, keys and ciphertexts are rejected, and the harness's own
//! correctness gate passes.

use ledgerbench_harness::dynamic::{KemEntry, SigEntry};
use ledgerbench_harness::gate::size_matches;
use ledgerbench_harness::{BenchRng, Kem, SchemeInfo, SignatureScheme, Size, bench_rng};
use ledgerbench_pq::*;

const MSG: &[u8] = b"pay 10 to alice; nonce 42";

fn flip(bytes: &[u8], i: usize) -> Vec<u8> {
    let mut b = bytes.to_vec();
    b[i] ^= 0x01;
    b
}

/// Byte positions to tamper with: first, middle, last.
fn positions(len: usize) -> [usize; 3] {
    [0, len / 2, len - 1]
}

fn check_info(info: &SchemeInfo, objects: &[&str]) {
    assert!(
        !info.standard.is_empty() && !info.note.is_empty(),
        "{}",
        info.id()
    );
    assert!(info.id().contains('/'), "{}", info.id());
    for o in objects {
        assert!(
            info.size(o).is_some(),
            "{}: INFO lacks size of {o}",
            info.id()
        );
    }
    assert_eq!(
        info.sizes.len(),
        objects.len(),
        "{}: extra sizes",
        info.id()
    );
}

fn signature_scheme<S: SignatureScheme>() {
    let id = S::INFO.id();
    check_info(&S::INFO, &["pk", "sk", "sig"]);
    let mut rng: BenchRng = bench_rng(21, &id);
    let (sk, pk) = S::keygen(&mut rng).expect("keygen");
    let sig = S::sign(&sk, MSG, &mut rng).expect("sign");
    S::verify(&pk, MSG, &sig).unwrap_or_else(|e| panic!("{id}: verify: {e}"));

    let (pk_b, sk_b, sig_b) = (
        S::encode_public_key(&pk),
        S::encode_secret_key(&sk),
        S::encode_signature(&sig),
    );
    for (name, len) in [("pk", pk_b.len()), ("sk", sk_b.len()), ("sig", sig_b.len())] {
        assert!(
            size_matches(S::INFO.size(name), len),
            "{id}: {name} is {len} bytes"
        );
    }
    let pk2 = S::decode_public_key(&pk_b).expect("decode pk");
    let sig2 = S::decode_signature(&sig_b).expect("decode sig");
    assert_eq!(S::encode_public_key(&pk2), pk_b, "{id}: pk re-encoding");
    assert_eq!(S::encode_signature(&sig2), sig_b, "{id}: sig re-encoding");
    S::verify(&pk2, MSG, &sig2).expect("verify decoded");

    // Tampered message, signature and key.
    for i in positions(MSG.len()) {
        assert!(
            S::verify(&pk, &flip(MSG, i), &sig).is_err(),
            "{id}: message byte {i}"
        );
    }
    assert!(
        S::verify(&pk, &MSG[..MSG.len() - 1], &sig).is_err(),
        "{id}: truncated message"
    );
    for i in positions(sig_b.len()) {
        let bad = S::decode_signature(&flip(&sig_b, i)).and_then(|s| S::verify(&pk, MSG, &s));
        assert!(bad.is_err(), "{id}: signature byte {i}");
    }
    for bad in [
        &sig_b[..sig_b.len() - 1],
        &[sig_b.as_slice(), &[0]].concat()[..],
        &[][..],
    ] {
        let r = S::decode_signature(bad).and_then(|s| S::verify(&pk, MSG, &s));
        assert!(r.is_err(), "{id}: signature of {} bytes", bad.len());
    }
    for i in positions(pk_b.len()) {
        let bad = S::decode_public_key(&flip(&pk_b, i)).and_then(|k| S::verify(&k, MSG, &sig));
        assert!(bad.is_err(), "{id}: public key byte {i}");
    }
    assert!(
        S::decode_public_key(&pk_b[1..]).is_err(),
        "{id}: short public key"
    );
    // Another key pair's key.
    let (_, other) = S::keygen(&mut rng).expect("keygen");
    assert!(S::verify(&other, MSG, &sig).is_err(), "{id}: other key");
}

fn kem<K: Kem>() {
    let id = K::INFO.id();
    check_info(&K::INFO, &["ek", "dk", "ct", "ss"]);
    let mut rng: BenchRng = bench_rng(22, &id);
    let (dk, ek) = K::keygen(&mut rng).expect("keygen");
    let (ct, ss) = K::encaps(&ek, &mut rng).expect("encaps");
    let ss2 = K::decaps(&dk, &ct).expect("decaps");
    assert_eq!(ss.as_ref(), ss2.as_ref(), "{id}: shared secrets differ");

    let (ek_b, dk_b, ct_b) = (
        K::encode_encaps_key(&ek),
        K::encode_decaps_key(&dk),
        K::encode_ciphertext(&ct),
    );
    let sizes = [
        ("ek", ek_b.len()),
        ("dk", dk_b.len()),
        ("ct", ct_b.len()),
        ("ss", ss.as_ref().len()),
    ];
    for (name, len) in sizes {
        assert!(
            size_matches(K::INFO.size(name), len),
            "{id}: {name} is {len} bytes"
        );
    }
    let ek2 = K::decode_encaps_key(&ek_b).expect("decode ek");
    assert_eq!(K::encode_encaps_key(&ek2), ek_b, "{id}: ek re-encoding");
    let ct2 = K::decode_ciphertext(&ct_b).expect("decode ct");
    assert_eq!(K::encode_ciphertext(&ct2), ct_b, "{id}: ct re-encoding");

    // A tampered ciphertext must not give the real secret (ML-KEM returns its
    // implicit-rejection secret, which must differ; others may error).
    for i in positions(ct_b.len()) {
        if let Ok(ct) = K::decode_ciphertext(&flip(&ct_b, i))
            && let Ok(bad) = K::decaps(&dk, &ct)
        {
            assert_ne!(bad.as_ref(), ss.as_ref(), "{id}: ciphertext byte {i}");
        }
    }
    assert!(
        K::decode_ciphertext(&ct_b[1..]).is_err(),
        "{id}: short ciphertext"
    );
    assert!(
        K::decode_encaps_key(&ek_b[1..]).is_err(),
        "{id}: short encapsulation key"
    );
    // Encapsulating to a tampered key gives a secret the real key does not recover.
    if let Ok(bad_ek) = K::decode_encaps_key(&flip(&ek_b, ek_b.len() / 2)) {
        let (ct, ss_bad) = K::encaps(&bad_ek, &mut rng).expect("encaps");
        let got = K::decaps(&dk, &ct).expect("decaps");
        assert_ne!(got.as_ref(), ss_bad.as_ref(), "{id}: tampered key");
    }
    // Another key pair cannot decapsulate.
    let (other, _) = K::keygen(&mut rng).expect("keygen");
    if let Ok(got) = K::decaps(&other, &ct) {
        assert_ne!(got.as_ref(), ss.as_ref(), "{id}: other key");
    }
}

/// Decapsulation of a tampered ciphertext returns a secret (implicit
/// rejection: ML-KEM's J(z || c), HQC's analogue), not an error, and the
/// same one every time.
fn implicit_rejection<K: Kem>() {
    let mut rng = bench_rng(23, "implicit");
    let (dk, ek) = K::keygen(&mut rng).expect("keygen");
    let (ct, ss) = K::encaps(&ek, &mut rng).expect("encaps");
    let bad = K::decode_ciphertext(&flip(&K::encode_ciphertext(&ct), 5)).expect("ct");
    let r1 = K::decaps(&dk, &bad).expect("implicit rejection is not an error");
    let r2 = K::decaps(&dk, &bad).expect("decaps");
    assert_ne!(r1.as_ref(), ss.as_ref(), "{}", K::INFO.id());
    assert_eq!(
        r1.as_ref(),
        r2.as_ref(),
        "{}: not deterministic",
        K::INFO.id()
    );
}

fn sig_gate<S: SignatureScheme>() {
    let report = SigEntry::<S>::new().into_entry().gate(7);
    assert!(report.passed(), "{}: {}", S::INFO.id(), report.summary());
}

fn sig_gate_with_sets<S: ledgerbench_harness::RepresentativeSigning>() {
    let report = SigEntry::<S>::new()
        .with_signing_sets()
        .into_entry()
        .gate(7);
    assert!(report.passed(), "{}: {}", S::INFO.id(), report.summary());
}

fn kem_gate<K: Kem>() {
    let report = KemEntry::<K>::entry().gate(7);
    assert!(report.passed(), "{}: {}", K::INFO.id(), report.summary());
}

macro_rules! sig_tests {
    ($($name:ident: $t:ty),+ $(,)?) => {
        $( #[test] fn $name() { signature_scheme::<$t>(); sig_gate::<$t>(); } )+
    };
}

macro_rules! kem_tests {
    ($($name:ident: $t:ty),+ $(,)?) => {
        $( #[test] fn $name() { kem::<$t>(); kem_gate::<$t>(); } )+
    };
}

sig_tests!(
    ml_dsa_44_pqclean: MlDsa44Pqclean,
    ml_dsa_65_pqclean: MlDsa65Pqclean,
    ml_dsa_87_pqclean: MlDsa87Pqclean,
    ml_dsa_44_rustcrypto: MlDsa44RustCrypto,
    ml_dsa_65_rustcrypto: MlDsa65RustCrypto,
    ml_dsa_87_rustcrypto: MlDsa87RustCrypto,
    ml_dsa_44_libcrux: MlDsa44Libcrux,
    ml_dsa_65_libcrux: MlDsa65Libcrux,
    ml_dsa_87_libcrux: MlDsa87Libcrux,
    slh_dsa_sha2_128s: SlhDsaSha2_128sRustCrypto,
    slh_dsa_sha2_128f: SlhDsaSha2_128fRustCrypto,
    slh_dsa_shake_128f: SlhDsaShake128fRustCrypto,
    sphincs_sha2_128s: SphincsSha2_128sSimplePqclean,
    sphincs_sha2_128f: SphincsSha2_128fSimplePqclean,
    sphincs_shake_128f: SphincsShake128fSimplePqclean,
    falcon_512: Falcon512Pqclean,
    falcon_1024: Falcon1024Pqclean,
    composite_ed25519_ml_dsa_65: Ed25519MlDsa65,
);

kem_tests!(
    ml_kem_512_pqclean: MlKem512Pqclean,
    ml_kem_768_pqclean: MlKem768Pqclean,
    ml_kem_1024_pqclean: MlKem1024Pqclean,
    ml_kem_512_rustcrypto: MlKem512RustCrypto,
    ml_kem_768_rustcrypto: MlKem768RustCrypto,
    ml_kem_1024_rustcrypto: MlKem1024RustCrypto,
    ml_kem_512_libcrux: MlKem512Libcrux,
    ml_kem_768_libcrux: MlKem768Libcrux,
    ml_kem_1024_libcrux: MlKem1024Libcrux,
    x25519_dalek: X25519Dalek,
    x_wing: XWingRustCrypto,
    hqc_128: Hqc128Pqclean,
    hqc_192: Hqc192Pqclean,
    hqc_256: Hqc256Pqclean,
);

#[test]
fn implicit_rejection_on_tampered_ciphertexts() {
    implicit_rejection::<Hqc128Pqclean>();
    implicit_rejection::<Hqc192Pqclean>();
    implicit_rejection::<Hqc256Pqclean>();
    implicit_rejection::<MlKem512Pqclean>();
    implicit_rejection::<MlKem768Pqclean>();
    implicit_rejection::<MlKem1024Pqclean>();
    implicit_rejection::<MlKem512RustCrypto>();
    implicit_rejection::<MlKem768RustCrypto>();
    implicit_rejection::<MlKem1024RustCrypto>();
    implicit_rejection::<MlKem512Libcrux>();
    implicit_rejection::<MlKem768Libcrux>();
    implicit_rejection::<MlKem1024Libcrux>();
}

#[test]
fn representative_signing_passes_the_gate() {
    sig_gate_with_sets::<MlDsa44RustCrypto>();
    sig_gate_with_sets::<MlDsa65RustCrypto>();
    sig_gate_with_sets::<MlDsa87RustCrypto>();
    sig_gate_with_sets::<MlDsa44Libcrux>();
    sig_gate_with_sets::<MlDsa65Libcrux>();
    sig_gate_with_sets::<MlDsa87Libcrux>();
}

/// The composite's INFO sizes are the sums of its parts', and either part
/// failing makes the whole fail.
#[test]
fn composite_sizes_and_both_must_verify() {
    use ledgerbench_primitives::ed25519::Ed25519Dalek;
    for object in ["pk", "sk", "sig"] {
        let (Some(Size::Exact(a)), Some(Size::Exact(b)), Some(Size::Exact(c))) = (
            Ed25519Dalek::INFO.size(object),
            MlDsa65RustCrypto::INFO.size(object),
            Ed25519MlDsa65::INFO.size(object),
        ) else {
            panic!("{object}: sizes not exact");
        };
        assert_eq!(a + b, c, "{object}");
    }
    let mut rng = bench_rng(24, "composite");
    let (sk, pk) = Ed25519MlDsa65::keygen(&mut rng).expect("keygen");
    let sig = Ed25519MlDsa65::sign(&sk, MSG, &mut rng).expect("sign");
    let (_, other) = Ed25519MlDsa65::keygen(&mut rng).expect("keygen");
    // Swap in the other pair's Ed25519 key, then its ML-DSA key: each alone fails.
    let mixed_a = (other.0, pk.1.clone());
    assert!(Ed25519MlDsa65::verify(&mixed_a, MSG, &sig).is_err());
    let mixed_b = (pk.0, other.1);
    assert!(Ed25519MlDsa65::verify(&mixed_b, MSG, &sig).is_err());
    // A signature whose Ed25519 half signs another message fails.
    let other_msg = Ed25519Dalek::sign(&sk.0, b"other", &mut rng).expect("sign");
    assert!(Ed25519MlDsa65::verify(&pk, MSG, &(other_msg, sig.1.clone())).is_err());
    // A composite of two post-quantum schemes works the same way.
    signature_scheme::<PqPair>();
}

/// A composite built from two of this crate's schemes, to test
/// [`Composite`] without the classical half.
type PqPair = Composite<MlDsa44Libcrux, Falcon512Pqclean, PqPairInfo>;

struct PqPairInfo;

impl CompositeInfo for PqPairInfo {
    const INFO: SchemeInfo = SchemeInfo {
        name: "ml-dsa-44+falcon-512",
        family: ledgerbench_harness::Family::Sig,
        implementation: ledgerbench_harness::Implementation {
            id: "composite",
            krate: "libcrux-ml-dsa",
            backend: "libcrux + pqclean",
        },
        standard: "FIPS 204 + Falcon r3.1",
        security: ledgerbench_harness::Security::NistCategory(1),
        deterministic: false,
        constant_time: true,
        sizes: &[
            ("pk", Size::Exact(1312 + 897)),
            ("sk", Size::Exact(2560 + 1281)),
            ("sig", Size::Max(2420 + 752)),
        ],
        note: "test-only composite",
    };
}
