//! The CCTV ML-DSA benchmark sets: they load with the upstream counts, and
//! every signature the representative signing sets produce verifies.

use ledgerbench_harness::{RepresentativeSigning, SignatureScheme, bench_rng};
use ledgerbench_pq::mldsa::cctv_signing_sets;
use ledgerbench_pq::vectors::{CCTV_SET_SIZES, cctv_mldsa_messages};
use ledgerbench_pq::*;

#[test]
fn primary_and_alt_sets_load_with_the_readme_counts() {
    assert_eq!(CCTV_SET_SIZES, [(44, 188), (65, 147), (87, 114)]);
    for (level, n) in CCTV_SET_SIZES {
        let primary = cctv_mldsa_messages(level, false).expect("primary set");
        let alt = cctv_mldsa_messages(level, true).expect("alt set");
        assert_eq!((primary.len(), alt.len()), (n, n), "ML-DSA-{level}");
        assert_ne!(primary, alt, "ML-DSA-{level}: alt set must differ");
        assert!(
            primary
                .iter()
                .chain(&alt)
                .all(|m| !m.is_empty() && m.is_ascii())
        );
    }
}

/// Every message of both sets signs and verifies, and (with `Y`, another
/// deterministic implementation) the signatures agree byte for byte.
fn sets_verify<X: RepresentativeSigning, Y: MlDsa>(expected_len: usize) {
    let sets = X::signing_sets().expect("signing sets");
    let labels: Vec<_> = sets.iter().map(|s| s.label).collect();
    assert_eq!(labels, ["cctv", "cctv.alt"]);
    let (sk_y, _) = Y::keygen_from_seed(&[0u8; 32]).expect("keygen");
    let mut rng = bench_rng(0, "cctv");
    for set in &sets {
        assert_eq!(set.messages.len(), expected_len, "{}", set.label);
        for msg in &set.messages {
            let sig = X::sign(&set.secret_key, msg, &mut rng).expect("sign");
            X::verify(&set.public_key, msg, &sig).expect("verify");
            let sig_y = Y::sign(&sk_y, msg, &mut rng).expect("sign");
            assert_eq!(X::encode_signature(&sig), Y::encode_signature(&sig_y));
        }
    }
}

#[test]
fn rustcrypto_sets_verify_and_match_libcrux() {
    sets_verify::<MlDsa44RustCrypto, MlDsa44Libcrux>(188);
    sets_verify::<MlDsa65RustCrypto, MlDsa65Libcrux>(147);
    sets_verify::<MlDsa87RustCrypto, MlDsa87Libcrux>(114);
}

#[test]
fn libcrux_sets_verify_and_match_rustcrypto() {
    sets_verify::<MlDsa44Libcrux, MlDsa44RustCrypto>(188);
    sets_verify::<MlDsa65Libcrux, MlDsa65RustCrypto>(147);
    sets_verify::<MlDsa87Libcrux, MlDsa87RustCrypto>(114);
}

/// The key of the sets is the all-zero-seed key, and PQClean (randomized
/// signing, no seeded keys) has no representative sets.
#[test]
fn sets_use_the_zero_seed_key_and_pqclean_has_none() {
    let sets = MlDsa65Libcrux::signing_sets().expect("sets");
    let (_, pk) = MlDsa65RustCrypto::keygen_from_seed(&[0u8; 32]).expect("keygen");
    assert_eq!(
        MlDsa65Libcrux::encode_public_key(&sets[0].public_key),
        MlDsa65RustCrypto::encode_public_key(&pk)
    );
    let err = cctv_signing_sets::<MlDsa65Pqclean>()
        .err()
        .expect("pqclean has no sets");
    assert!(
        matches!(err, ledgerbench_harness::Error::Unsupported(_)),
        "{err}"
    );
}
