//! NIST ACVP known answers (ML-KEM keyGen/encapDecap, ML-DSA keyGen/sigGen)
//! through the library's suites, pinned to the files' own counts: 25 keyGen
//! tests per parameter set, 25 encapsulations and 10 decapsulations per
//! ML-KEM parameter set, 20 sigGen tests (10 deterministic, 10 hedged) per
//! ML-DSA parameter set. Implementations whose API cannot take a test
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
    // [keyGen, sigGen]
    // RustCrypto signs an external mu deterministically only: the 10
    // hedged tests per set are not applicable.
    let rustcrypto = vec![(25, 25, 0, 0), (20, 10, 0, 10)];
    let libcrux = vec![(25, 25, 0, 0), (20, 0, 0, 20)];
    let pqclean = vec![(25, 0, 0, 25), (20, 0, 0, 20)];
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
