//! Every scheme of the crate, one test each, through the harness's
//! conformance kit: round trip, encoded sizes match `INFO`, encodings
//! re-decode to the same bytes, tampered messages, signatures, keys and
//! ciphertexts are rejected, and the registered entry's gate passes.

use ledgerbench_harness::conformance::{self, Depth, flip_bit};
use ledgerbench_harness::dynamic::{KemEntry, SigEntry};
use ledgerbench_harness::{Kem, SchemeInfo, SignatureScheme, Size, bench_rng};
use ledgerbench_pq::*;

const MSG: &[u8] = b"pay 10 to alice; nonce 42";

/// The conformance kit (thorough: the gate plus INFO, re-encodings, length
/// changes, degenerate and random encodings) and the registered entry's gate.
fn signature_scheme<S: SignatureScheme>() {
    let report = conformance::signature::<S>(21, Depth::Thorough);
    assert!(report.passed(), "{}: {}", S::INFO.id(), report.describe());
    let gate = SigEntry::<S>::new().into_entry().gate(7);
    assert!(gate.passed(), "{}: {}", S::INFO.id(), gate.describe());
}

fn kem<K: Kem>() {
    let report = conformance::kem::<K>(22, Depth::Thorough);
    assert!(report.passed(), "{}: {}", K::INFO.id(), report.describe());
    let gate = KemEntry::<K>::entry().gate(7);
    assert!(gate.passed(), "{}: {}", K::INFO.id(), gate.describe());
}

/// Decapsulation of a tampered ciphertext returns a secret (implicit
/// rejection: ML-KEM's J(z || c), HQC's analogue), not an error, and the
/// same one every time.
fn implicit_rejection<K: Kem>() {
    let mut rng = bench_rng(23, "implicit");
    let (dk, ek) = K::keygen(&mut rng).expect("keygen");
    let (ct, ss) = K::encaps(&ek, &mut rng).expect("encaps");
    let bad = K::decode_ciphertext(&flip_bit(&K::encode_ciphertext(&ct), 5, 0)).expect("ct");
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

fn sig_gate_with_sets<S: ledgerbench_harness::RepresentativeSigning>() {
    let report = SigEntry::<S>::new()
        .with_signing_sets()
        .into_entry()
        .gate(7);
    assert!(report.passed(), "{}: {}", S::INFO.id(), report.describe());
}

macro_rules! sig_tests {
    ($($name:ident: $t:ty),+ $(,)?) => {
        $( #[test] fn $name() { signature_scheme::<$t>(); } )+
    };
}

macro_rules! kem_tests {
    ($($name:ident: $t:ty),+ $(,)?) => {
        $( #[test] fn $name() { kem::<$t>(); } )+
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
    ml_dsa_44_aws_lc: MlDsa44AwsLc,
    ml_dsa_65_aws_lc: MlDsa65AwsLc,
    ml_dsa_87_aws_lc: MlDsa87AwsLc,
    ml_dsa_44_liboqs: MlDsa44Liboqs,
    ml_dsa_65_liboqs: MlDsa65Liboqs,
    ml_dsa_87_liboqs: MlDsa87Liboqs,
    falcon_512_liboqs: Falcon512Liboqs,
    falcon_1024_liboqs: Falcon1024Liboqs,
    mayo_1_liboqs: Mayo1Liboqs,
    mayo_2_liboqs: Mayo2Liboqs,
    cross_rsdp_128_fast_liboqs: CrossRsdp128FastLiboqs,
    cross_rsdpg_128_fast_liboqs: CrossRsdpg128FastLiboqs,
    uov_is_liboqs: UovIsLiboqs,
    uov_ip_liboqs: UovIpLiboqs,
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
    ml_kem_512_aws_lc: MlKem512AwsLc,
    ml_kem_768_aws_lc: MlKem768AwsLc,
    ml_kem_1024_aws_lc: MlKem1024AwsLc,
    ml_kem_512_liboqs: MlKem512Liboqs,
    ml_kem_768_liboqs: MlKem768Liboqs,
    ml_kem_1024_liboqs: MlKem1024Liboqs,
    frodokem_640_aes_liboqs: FrodoKem640AesLiboqs,
    frodokem_640_shake_liboqs: FrodoKem640ShakeLiboqs,
    classic_mceliece_348864_liboqs: ClassicMcEliece348864Liboqs,
    bike_l1_liboqs: BikeL1Liboqs,
    x25519_dalek: X25519Dalek,
    x25519_aws_lc: X25519AwsLc,
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
    implicit_rejection::<MlKem512Liboqs>();
    implicit_rejection::<MlKem768Liboqs>();
    implicit_rejection::<MlKem1024Liboqs>();
    implicit_rejection::<FrodoKem640AesLiboqs>();
    implicit_rejection::<FrodoKem640ShakeLiboqs>();
    implicit_rejection::<ClassicMcEliece348864Liboqs>();
    implicit_rejection::<BikeL1Liboqs>();
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

/// The two X25519 libraries agree: the same scalars give the same public keys
/// (keys come from the run seed in both), and a ciphertext encapsulated by one
/// decapsulates to the same shared secret under the other.
#[test]
fn x25519_libraries_agree() {
    for seed in 0..8 {
        let (dk_d, ek_d) = X25519Dalek::keygen(&mut bench_rng(seed, "x25519")).expect("keygen");
        let (dk_a, ek_a) = X25519AwsLc::keygen(&mut bench_rng(seed, "x25519")).expect("keygen");
        assert_eq!(
            X25519Dalek::encode_encaps_key(&ek_d),
            X25519AwsLc::encode_encaps_key(&ek_a)
        );
        assert_eq!(
            X25519Dalek::encode_decaps_key(&dk_d),
            X25519AwsLc::encode_decaps_key(&dk_a)
        );
        let mut rng = bench_rng(seed, "x25519-encaps");
        let (ct, ss) = X25519AwsLc::encaps(&ek_a, &mut rng).expect("encaps");
        let ct_d =
            X25519Dalek::decode_ciphertext(&X25519AwsLc::encode_ciphertext(&ct)).expect("ct");
        assert_eq!(
            X25519Dalek::decaps(&dk_d, &ct_d)
                .expect("decaps")
                .as_bytes(),
            &ss
        );
    }
}
