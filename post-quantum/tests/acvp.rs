//! NIST ACVP known answers (ML-KEM keyGen/encapDecap, ML-DSA
//! keyGen/sigGen/sigVer) through the library's suites, pinned to the files'
//! own counts: 25 keyGen tests per parameter set, 25 encapsulations and 10
//! decapsulations per ML-KEM parameter set, 20 sigGen tests (10
//! deterministic, 10 hedged) and 15 sigVer tests per ML-DSA parameter set. Implementations whose API cannot take a test
//! (PQClean: no seeded keys or chosen randomness; libcrux: no external mu;
//! RustCrypto: no hedged external-mu signing)
//! count it as not applicable; every test taken must give NIST's answer.

use ledgerbench_harness::conformance::{SuiteReport, VectorSuite};
use ledgerbench_pq::suites::acvp;
use ledgerbench_pq::*;

/// `(run, passed, failed, not applicable)` of each suite.
fn counts<T>(
    suites: impl IntoIterator<Item = VectorSuite<T>>,
) -> Vec<(usize, usize, usize, usize)> {
    suites
        .into_iter()
        .map(|s| {
            let r: SuiteReport = s.run();
            assert_eq!(r.error, None, "{}", r.suite);
            (r.run, r.passed, r.failed(), r.not_applicable)
        })
        .collect()
}

#[test]
fn mlkem_known_answers() {
    // [keyGen, encapDecap]
    let full = vec![(25, 25, 0, 0), (35, 35, 0, 0)];
    let pqclean = vec![(25, 0, 0, 25), (35, 10, 0, 25)];
    assert_eq!(counts(acvp::mlkem::<MlKem512RustCrypto>()), full);
    assert_eq!(counts(acvp::mlkem::<MlKem768RustCrypto>()), full);
    assert_eq!(counts(acvp::mlkem::<MlKem1024RustCrypto>()), full);
    assert_eq!(counts(acvp::mlkem::<MlKem512Libcrux>()), full);
    assert_eq!(counts(acvp::mlkem::<MlKem768Libcrux>()), full);
    assert_eq!(counts(acvp::mlkem::<MlKem1024Libcrux>()), full);
    assert_eq!(counts(acvp::mlkem::<MlKem512Pqclean>()), pqclean);
    assert_eq!(counts(acvp::mlkem::<MlKem768Pqclean>()), pqclean);
    assert_eq!(counts(acvp::mlkem::<MlKem1024Pqclean>()), pqclean);
}

#[test]
fn mldsa_known_answers() {
    // [keyGen, sigGen, sigVer]
    // RustCrypto signs an external mu deterministically only: the 10
    // hedged tests per set are not applicable. sigVer: 15 tests per set
    // (3 valid, 12 invalid), through external mu (RustCrypto only).
    let rustcrypto = vec![(25, 25, 0, 0), (20, 10, 0, 10), (15, 15, 0, 0)];
    let libcrux = vec![(25, 25, 0, 0), (20, 0, 0, 20), (15, 0, 0, 15)];
    let pqclean = vec![(25, 0, 0, 25), (20, 0, 0, 20), (15, 0, 0, 15)];
    assert_eq!(counts(acvp::mldsa::<MlDsa44RustCrypto>()), rustcrypto);
    assert_eq!(counts(acvp::mldsa::<MlDsa65RustCrypto>()), rustcrypto);
    assert_eq!(counts(acvp::mldsa::<MlDsa87RustCrypto>()), rustcrypto);
    assert_eq!(counts(acvp::mldsa::<MlDsa44Libcrux>()), libcrux);
    assert_eq!(counts(acvp::mldsa::<MlDsa65Libcrux>()), libcrux);
    assert_eq!(counts(acvp::mldsa::<MlDsa87Libcrux>()), libcrux);
    assert_eq!(counts(acvp::mldsa::<MlDsa44Pqclean>()), pqclean);
    assert_eq!(counts(acvp::mldsa::<MlDsa65Pqclean>()), pqclean);
    assert_eq!(counts(acvp::mldsa::<MlDsa87Pqclean>()), pqclean);
}

#[test]
fn x25519_and_xwing_vectors() {
    use ledgerbench_pq::suites::{x25519, xwing};
    // x25519_test.json: 518 tests, 264 valid, 254 acceptable, none invalid.
    for w in [
        x25519::wycheproof::<X25519Dalek>().run(),
        x25519::wycheproof::<X25519AwsLc>().run(),
    ] {
        assert_eq!(w.error, None);
        assert_eq!(
            (w.run, w.passed, w.failed(), w.acceptable),
            (518, 264, 0, 254),
            "{:?}",
            w.failed_ids
        );
    }
    for r in [
        x25519::rfc7748::<X25519Dalek>().run(),
        x25519::rfc7748::<X25519AwsLc>().run(),
    ] {
        assert_eq!((r.run, r.passed, r.failed()), (5, 5, 0), "{r:?}");
    }
    let x = xwing::draft::<XWingRustCrypto>().run();
    assert_eq!((x.run, x.passed, x.failed()), (3, 3, 0), "{x:?}");
}

/// liboqs' own KATs (the SHA-256 of each NIST response file, from liboqs'
/// `kats.json`) through every registered liboqs scheme; the PQClean Falcon
/// and HQC KATs cannot be seeded and say so.
#[test]
fn liboqs_known_answers() {
    use ledgerbench_pq::suites::liboqs_kat::SignedMessage::{
        Falcon, MessageThenSignature as MsgSig, SignatureThenMessage as SigMsg,
    };
    use ledgerbench_pq::suites::liboqs_kat::{kem, signature, unseedable};
    let reports: Vec<SuiteReport> = vec![
        signature::<Falcon512Liboqs>("Falcon-512", Falcon { header: 0x29 }).run(),
        signature::<Falcon1024Liboqs>("Falcon-1024", Falcon { header: 0x2A }).run(),
        signature::<MlDsa44Liboqs>("ML-DSA-44", SigMsg).run(),
        signature::<MlDsa65Liboqs>("ML-DSA-65", SigMsg).run(),
        signature::<MlDsa87Liboqs>("ML-DSA-87", SigMsg).run(),
        signature::<Mayo1Liboqs>("MAYO-1", SigMsg).run(),
        signature::<Mayo2Liboqs>("MAYO-2", SigMsg).run(),
        signature::<CrossRsdp128FastLiboqs>("cross-rsdp-128-fast", MsgSig).run(),
        signature::<CrossRsdpg128FastLiboqs>("cross-rsdpg-128-fast", MsgSig).run(),
        signature::<UovIsLiboqs>("OV-Is", MsgSig).run(),
        signature::<UovIpLiboqs>("OV-Ip", MsgSig).run(),
        kem::<MlKem512Liboqs>("ML-KEM-512").run(),
        kem::<MlKem768Liboqs>("ML-KEM-768").run(),
        kem::<MlKem1024Liboqs>("ML-KEM-1024").run(),
        kem::<FrodoKem640AesLiboqs>("FrodoKEM-640-AES").run(),
        kem::<FrodoKem640ShakeLiboqs>("FrodoKEM-640-SHAKE").run(),
        kem::<ClassicMcEliece348864Liboqs>("Classic-McEliece-348864").run(),
        kem::<BikeL1Liboqs>("BIKE-L1").run(),
    ];
    for r in &reports {
        assert_eq!(r.error, None, "{}", r.suite);
        assert_eq!((r.run, r.passed), (1, 1), "{}: {}", r.suite, r.reason);
    }
    // The hash catches a wrong byte anywhere: ML-KEM-512's answers are not
    // ML-KEM-768's, and a Falcon response laid out as `sig || msg` is not
    // liboqs' file.
    let wrong = [
        kem::<MlKem512Liboqs>("ML-KEM-768").run(),
        signature::<Falcon512Liboqs>("Falcon-512", SigMsg).run(),
    ];
    for r in &wrong {
        assert_eq!((r.run, r.failed()), (1, 1), "{}", r.suite);
    }
    for r in [
        unseedable::<Falcon512Pqclean>("Falcon-512").run(),
        unseedable::<Hqc128Pqclean>("HQC-128").run(),
    ] {
        assert_eq!((r.run, r.not_applicable, r.judged()), (1, 1, 0));
        assert!(r.reason.contains("pqcrypto-internals"), "{}", r.reason);
    }
}

#[test]
fn slhdsa_known_answers() {
    // [keyGen, sigVer]: the keyGen file covers SHA2-128s (10 tests), the
    // sigVer group SHAKE-128f (9 tests: 3 valid, 6 invalid).
    assert_eq!(
        counts(acvp::slhdsa::<SlhDsaSha2_128sRustCrypto>()),
        vec![(10, 10, 0, 0), (0, 0, 0, 0)]
    );
    assert_eq!(
        counts(acvp::slhdsa::<SlhDsaShake128fRustCrypto>()),
        vec![(0, 0, 0, 0), (9, 9, 0, 0)]
    );
    assert_eq!(
        counts(acvp::slhdsa::<SlhDsaSha2_128fRustCrypto>()),
        vec![(0, 0, 0, 0), (0, 0, 0, 0)]
    );
}
