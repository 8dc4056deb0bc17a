//! ECDSA: Wycheproof secp256k1/SHA-256 (plain DER and Bitcoin low-S sets)
//! for `k256` and libsecp256k1, secp256r1/SHA-256 for `p256`, `ring` and
//! AWS-LC, secp384r1/SHA-384 for `p384`, `ring` and AWS-LC, and negative tests.

mod common;

use common::{accepts, exhaustive_conformance};
use ledgerbench_harness::SignatureScheme;
// High-S read from the DER bytes alone, independently of either library.
use ledgerbench_primitives::ecdsa::{
    EcdsaP256AwsLc, EcdsaP256Ring, EcdsaP256RustCrypto, EcdsaP384AwsLc, EcdsaP384Ring,
    EcdsaP384RustCrypto, EcdsaSecp256k1K256, EcdsaSecp256k1Libsecp,
};
use ledgerbench_primitives::suites::ecdsa::is_high_s;
use wycheproof::TestResult;
use wycheproof::ecdsa::{TestName, TestSet};

/// One test whose verdict differs from Wycheproof's.
#[derive(Debug)]
struct Deviation {
    tc_id: usize,
    expected: TestResult,
    comment: String,
    flags: String,
}

/// Outcome of one Wycheproof file against one implementation.
#[derive(Debug, Default)]
struct Outcome {
    valid_ok: usize,
    invalid_ok: usize,
    acceptable_accepted: usize,
    acceptable_rejected: usize,
    deviations: Vec<Deviation>,
}

/// SEC 1 compressed form of an uncompressed point (identity for other inputs).
fn compress(pk: &[u8]) -> Vec<u8> {
    if pk.len() == 65 && pk[0] == 4 {
        let mut c = vec![2 | (pk[64] & 1)];
        c.extend_from_slice(&pk[1..33]);
        c
    } else {
        pk.to_vec()
    }
}

fn run<S: SignatureScheme>(name: TestName, compressed_keys: bool) -> Outcome {
    let set = TestSet::load(name).expect("load wycheproof set");
    let mut out = Outcome::default();
    for group in &set.test_groups {
        let pk = if compressed_keys {
            compress(&group.key.key)
        } else {
            group.key.key.to_vec()
        };
        for t in &group.tests {
            let got = accepts::<S>(&pk, &t.msg, &t.sig);
            let agrees = match t.result {
                TestResult::Valid => {
                    out.valid_ok += usize::from(got);
                    got
                }
                TestResult::Invalid => {
                    out.invalid_ok += usize::from(!got);
                    !got
                }
                TestResult::Acceptable => {
                    if got {
                        out.acceptable_accepted += 1;
                    } else {
                        out.acceptable_rejected += 1;
                    }
                    true
                }
            };
            if !agrees {
                out.deviations.push(Deviation {
                    tc_id: t.tc_id,
                    expected: t.result,
                    comment: t.comment.clone(),
                    flags: format!("{:?}", t.flags),
                });
            }
        }
    }
    println!(
        "{} on {name:?}: {} valid accepted, {} invalid rejected, acceptable {}/{} accepted, {} deviations",
        S::INFO.id(),
        out.valid_ok,
        out.invalid_ok,
        out.acceptable_accepted,
        out.acceptable_accepted + out.acceptable_rejected,
        out.deviations.len()
    );
    for d in &out.deviations {
        println!(
            "  tc {} expected {:?}: {} {}",
            d.tc_id, d.expected, d.comment, d.flags
        );
    }
    out
}

/// The tcIds of valid tests in `name` whose signature is high-S.
fn valid_high_s(name: TestName) -> Vec<usize> {
    let set = TestSet::load(name).expect("load wycheproof set");
    let mut ids: Vec<usize> = set
        .test_groups
        .iter()
        .flat_map(|g| &g.tests)
        .filter(|t| t.result == TestResult::Valid && is_high_s(&t.sig))
        .map(|t| t.tc_id)
        .collect();
    ids.sort_unstable();
    ids
}

/// Asserts the deviations are exactly `expected` (tcIds, all Wycheproof-valid).
fn assert_deviations(out: &Outcome, expected: &[usize]) {
    let mut got: Vec<usize> = out.deviations.iter().map(|d| d.tc_id).collect();
    got.sort_unstable();
    assert_eq!(got, expected, "deviation set");
    assert!(
        out.deviations
            .iter()
            .all(|d| d.expected == TestResult::Valid),
        "only valid tests deviate"
    );
}

/// Plain Wycheproof secp256k1/SHA-256 (X9.62 semantics: high-S is valid).
///
/// Both `k256` and libsecp256k1 reject every high-S signature, so they
/// deviate from Wycheproof on exactly the valid tests whose `s > n/2`
/// (computed here from the DER bytes, independently of both libraries) and
/// on nothing else: every invalid test (BER encodings, wrong lengths,
/// out-of-range integers, arithmetic edge cases...) is rejected by both.
#[test]
fn wycheproof_secp256k1_plain_deviates_only_on_high_s() {
    let high = valid_high_s(TestName::EcdsaSecp256k1Sha256);
    assert!(!high.is_empty());
    for out in [
        run::<EcdsaSecp256k1K256>(TestName::EcdsaSecp256k1Sha256, true),
        run::<EcdsaSecp256k1Libsecp>(TestName::EcdsaSecp256k1Sha256, true),
    ] {
        assert_deviations(&out, &high);
        assert!(out.valid_ok > 0 && out.invalid_ok > 0);
        assert_eq!(out.acceptable_accepted + out.acceptable_rejected, 0);
    }
}

/// Wycheproof's Bitcoin variant (high-S marked invalid, flag
/// `SignatureMalleabilityBitcoin`): both implementations agree with every
/// verdict.
#[test]
fn wycheproof_secp256k1_bitcoin_passes() {
    for out in [
        run::<EcdsaSecp256k1K256>(TestName::EcdsaSecp256k1Sha256Bitcoin, true),
        run::<EcdsaSecp256k1Libsecp>(TestName::EcdsaSecp256k1Sha256Bitcoin, true),
    ] {
        assert_deviations(&out, &[]);
        assert!(out.valid_ok > 0 && out.invalid_ok > 0);
    }
    // The set does contain high-S signatures, all marked invalid.
    let set = TestSet::load(TestName::EcdsaSecp256k1Sha256Bitcoin).expect("load");
    let high_invalid = set
        .test_groups
        .iter()
        .flat_map(|g| &g.tests)
        .filter(|t| is_high_s(&t.sig))
        .inspect(|t| assert_eq!(t.result, TestResult::Invalid, "tc {}", t.tc_id))
        .count();
    assert!(high_invalid > 0);
}

/// Wycheproof secp256r1/SHA-256: `p256`, `ring` and AWS-LC agree with every verdict.
#[test]
fn wycheproof_p256_passes() {
    for out in [
        run::<EcdsaP256RustCrypto>(TestName::EcdsaSecp256r1Sha256, false),
        run::<EcdsaP256Ring>(TestName::EcdsaSecp256r1Sha256, false),
        run::<EcdsaP256AwsLc>(TestName::EcdsaSecp256r1Sha256, false),
    ] {
        assert_deviations(&out, &[]);
        assert!(out.valid_ok > 0 && out.invalid_ok > 0);
    }
}

/// Wycheproof secp384r1/SHA-384: `p384`, `ring` and AWS-LC agree with every verdict.
#[test]
fn wycheproof_p384_passes() {
    for out in [
        run::<EcdsaP384RustCrypto>(TestName::EcdsaSecp384r1Sha384, false),
        run::<EcdsaP384Ring>(TestName::EcdsaSecp384r1Sha384, false),
        run::<EcdsaP384AwsLc>(TestName::EcdsaSecp384r1Sha384, false),
    ] {
        assert_deviations(&out, &[]);
        assert!(out.valid_ok > 0 && out.invalid_ok > 0);
    }
}

/// A signature made by one P-384 library verifies under the other two (same
/// key, same SHA-384 digest, same DER), and a changed message fails under all.
#[test]
fn p384_signatures_cross_libraries() {
    let mut rng = ledgerbench_harness::bench_rng(384, "p384-cross");
    let msg = b"cross-border settlement batch 17";
    let (sk, pk) = EcdsaP384RustCrypto::keygen(&mut rng).expect("keygen");
    let scalar = EcdsaP384RustCrypto::encode_secret_key(&sk);
    let pk_bytes = EcdsaP384RustCrypto::encode_public_key(&pk);
    let ring_sk = EcdsaP384Ring::secret_key_from_scalar(&scalar).expect("ring key");
    let aws_sk = EcdsaP384AwsLc::secret_key_from_scalar(&scalar).expect("aws-lc key");
    let sigs = [
        EcdsaP384RustCrypto::encode_signature(
            &EcdsaP384RustCrypto::sign(&sk, msg, &mut rng).expect("sign"),
        ),
        EcdsaP384Ring::encode_signature(
            &EcdsaP384Ring::sign(&ring_sk, msg, &mut rng).expect("sign"),
        ),
        EcdsaP384AwsLc::encode_signature(
            &EcdsaP384AwsLc::sign(&aws_sk, msg, &mut rng).expect("sign"),
        ),
    ];
    for sig in &sigs {
        assert!(accepts::<EcdsaP384RustCrypto>(&pk_bytes, msg, sig));
        assert!(accepts::<EcdsaP384Ring>(&pk_bytes, msg, sig));
        assert!(accepts::<EcdsaP384AwsLc>(&pk_bytes, msg, sig));
        assert!(!accepts::<EcdsaP384RustCrypto>(&pk_bytes, b"other", sig));
        assert!(!accepts::<EcdsaP384Ring>(&pk_bytes, b"other", sig));
        assert!(!accepts::<EcdsaP384AwsLc>(&pk_bytes, b"other", sig));
    }
}

/// Low-S policy, checked directly: both secp256k1 signers emit low-S, both
/// verifiers reject the high-S twin `(r, n − s)` of a valid signature, and
/// the twin is a valid plain-ECDSA signature (libsecp256k1 accepts it after
/// `normalize_s`).
#[test]
fn low_s_policy() {
    use ledgerbench_harness::bench_rng;
    let mut rng = bench_rng(11, "low-s");
    for i in 0..32u8 {
        let msg = [i; 40];
        let (sk, pk) = EcdsaSecp256k1K256::keygen(&mut rng).expect("keygen");
        let sig = EcdsaSecp256k1K256::sign(&sk, &msg, &mut rng).expect("sign");
        let der = EcdsaSecp256k1K256::encode_signature(&sig);
        assert!(!is_high_s(&der), "k256 signs low-S");

        let libsk = secp256k1::SecretKey::from_secret_bytes(
            EcdsaSecp256k1K256::encode_secret_key(&sk)
                .try_into()
                .expect("32 bytes"),
        )
        .expect("secret key");
        let libsig = EcdsaSecp256k1Libsecp::sign(&libsk, &msg, &mut rng).expect("sign");
        let libder = EcdsaSecp256k1Libsecp::encode_signature(&libsig);
        assert!(!is_high_s(&libder), "libsecp256k1 signs low-S");
        assert_eq!(
            der, libder,
            "both use RFC 6979 with SHA-256: identical signatures"
        );

        // (r, n - s): k256 can build it (normalize_s only lowers, so negate via bytes).
        let (r, s) = sig.split_bytes();
        let high = negate_mod_n(&s, SECP256K1_N);
        let twin = k256::ecdsa::Signature::from_scalars(r, high).expect("twin");
        let twin_der = twin.to_der().as_bytes().to_vec();
        assert!(is_high_s(&twin_der));
        let pk_bytes = EcdsaSecp256k1K256::encode_public_key(&pk);
        assert!(
            !accepts::<EcdsaSecp256k1K256>(&pk_bytes, &msg, &twin_der),
            "k256 rejects high-S"
        );
        assert!(
            !accepts::<EcdsaSecp256k1Libsecp>(&pk_bytes, &msg, &twin_der),
            "libsecp256k1 rejects high-S"
        );
        let mut lax = secp256k1::ecdsa::Signature::from_der(&twin_der).expect("parses");
        lax.normalize_s();
        assert_eq!(
            lax.serialize_der().to_vec(),
            der,
            "normalize_s gives back the low-S form"
        );
    }
}

/// The secp256k1 group order (SEC 2).
const SECP256K1_N: &str = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

/// `n − s` for a big-endian 32-byte `s` and the curve order as hex.
fn negate_mod_n(s: &[u8], n_hex: &str) -> [u8; 32] {
    let n = common::hex(n_hex);
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = i16::from(n[i]) - i16::from(s[i]) - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[i] = d as u8;
    }
    out
}

#[test]
fn negative_all() {
    assert!(exhaustive_conformance::<EcdsaSecp256k1K256>() > 800);
    assert!(exhaustive_conformance::<EcdsaSecp256k1Libsecp>() > 800);
    assert!(exhaustive_conformance::<EcdsaP256RustCrypto>() > 800);
    assert!(exhaustive_conformance::<EcdsaP256Ring>() > 800);
    assert!(exhaustive_conformance::<EcdsaP256AwsLc>() > 800);
    assert!(exhaustive_conformance::<EcdsaP384RustCrypto>() > 800);
    assert!(exhaustive_conformance::<EcdsaP384Ring>() > 800);
    assert!(exhaustive_conformance::<EcdsaP384AwsLc>() > 800);
}

/// The library suites (what `ledgerbench conformance` runs), pinned to the
/// files' own counts: secp256k1 476 tests (168 valid), its Bitcoin variant
/// 463 (162 valid), secp256r1 484 (174 valid), secp384r1/SHA-384 504 (194 valid). Under the declared low-S
/// policy the valid high-S signatures of the plain secp256k1 file (counted
/// from the DER bytes here) are acceptable, not failures; nothing else
/// deviates.
#[test]
fn library_suites_pin_the_file_counts() {
    use ledgerbench_harness::conformance::VectorSuite;
    use ledgerbench_primitives::suites::ecdsa::{EcdsaFile, KeyForm, SPolicy, wycheproof};

    let high = valid_high_s(TestName::EcdsaSecp256k1Sha256).len();
    assert_eq!(high, 72, "the plain file's valid high-S signatures");
    fn counts<S: SignatureScheme>(suite: VectorSuite<S>) -> (usize, usize, usize, usize) {
        let r = suite.run();
        assert_eq!(r.error, None);
        (r.run, r.passed, r.failed(), r.acceptable)
    }
    fn k1<S: SignatureScheme>(file: EcdsaFile) -> VectorSuite<S> {
        wycheproof(file, KeyForm::Compressed, SPolicy::LowSOnly)
    }
    for plain in [
        counts(k1::<EcdsaSecp256k1K256>(EcdsaFile::Secp256k1Sha256)),
        counts(k1::<EcdsaSecp256k1Libsecp>(EcdsaFile::Secp256k1Sha256)),
    ] {
        assert_eq!(plain, (476, 476 - high, 0, high));
    }
    for bitcoin in [
        counts(k1::<EcdsaSecp256k1K256>(EcdsaFile::Secp256k1Sha256Bitcoin)),
        counts(k1::<EcdsaSecp256k1Libsecp>(
            EcdsaFile::Secp256k1Sha256Bitcoin,
        )),
    ] {
        assert_eq!(bitcoin, (463, 463, 0, 0));
    }
    // Without the policy declared, the same verdicts are 72 failures.
    let undeclared = counts(wycheproof::<EcdsaSecp256k1K256>(
        EcdsaFile::Secp256k1Sha256,
        KeyForm::Compressed,
        SPolicy::Any,
    ));
    assert_eq!(undeclared, (476, 476 - high, high, 0));
    for p256 in [
        counts(wycheproof::<EcdsaP256RustCrypto>(
            EcdsaFile::Secp256r1Sha256,
            KeyForm::Uncompressed,
            SPolicy::Any,
        )),
        counts(wycheproof::<EcdsaP256Ring>(
            EcdsaFile::Secp256r1Sha256,
            KeyForm::Uncompressed,
            SPolicy::Any,
        )),
        counts(wycheproof::<EcdsaP256AwsLc>(
            EcdsaFile::Secp256r1Sha256,
            KeyForm::Uncompressed,
            SPolicy::Any,
        )),
    ] {
        assert_eq!(p256, (484, 484, 0, 0));
    }
    fn p384<S: SignatureScheme>() -> (usize, usize, usize, usize) {
        counts(wycheproof::<S>(
            EcdsaFile::Secp384r1Sha384,
            KeyForm::Uncompressed,
            SPolicy::Any,
        ))
    }
    for p384 in [
        p384::<EcdsaP384RustCrypto>(),
        p384::<EcdsaP384Ring>(),
        p384::<EcdsaP384AwsLc>(),
    ] {
        assert_eq!(p384, (504, 504, 0, 0));
    }
}
