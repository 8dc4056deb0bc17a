//! Differential tests: keys, signatures and ciphertexts made by one
//! implementation are accepted by the others (the encodings are the FIPS
//! byte formats), and implementations that take the same seed and
//! randomness produce the same bytes.

use ledgerbench_harness::{BenchRng, Kem, bench_rng};
use ledgerbench_pq::*;

const MSG: &[u8] = b"ledgerbench differential test message";

/// `X` makes keys and a signature; `Y` decodes and verifies them, and signs
/// with `X`'s decoded secret key for `X` to verify.
fn mldsa_cross<X: MlDsa, Y: MlDsa>(rng: &mut BenchRng) {
    let what = format!("{} -> {}", X::INFO.id(), Y::INFO.id());
    let (sk, pk) = X::keygen(rng).expect("keygen");
    let sig = X::sign(&sk, MSG, rng).expect("sign");
    let pk_y = Y::decode_public_key(&X::encode_public_key(&pk)).expect("decode pk");
    let sig_y = Y::decode_signature(&X::encode_signature(&sig)).expect("decode sig");
    Y::verify(&pk_y, MSG, &sig_y).unwrap_or_else(|e| panic!("{what}: verify: {e}"));
    assert!(
        Y::verify(&pk_y, b"other message", &sig_y).is_err(),
        "{what}: wrong message"
    );

    // Y signs with X's secret key (expanded FIPS 204 encoding), with a context.
    let sk_y = Y::decode_secret_key(&X::encode_secret_key(&sk)).expect("decode sk");
    assert_eq!(
        Y::encode_secret_key(&sk_y),
        X::encode_secret_key(&sk),
        "{what}: sk re-encoding"
    );
    let sig2 = match Y::sign_with_context(&sk_y, MSG, b"ctx", Some(&[7; 32]))
        .or_else(|_| Y::sign_with_context(&sk_y, MSG, b"ctx", None))
    {
        Ok(sig) => sig,
        // aws-lc-rs's API has no context string: sign with X's key, no context.
        Err(ledgerbench_harness::Error::Unsupported(_)) => {
            let sig = Y::sign(&sk_y, MSG, rng).expect("sign with X's key");
            let sig_x = X::decode_signature(&Y::encode_signature(&sig)).expect("decode sig");
            X::verify(&pk, MSG, &sig_x)
                .unwrap_or_else(|e| panic!("{what}: verify Y's signature: {e}"));
            return;
        }
        Err(e) => panic!("{what}: sign with context: {e}"),
    };
    let sig2_x = X::decode_signature(&Y::encode_signature(&sig2)).expect("decode sig");
    match X::verify_with_context(&pk, MSG, b"ctx", &sig2_x) {
        Ok(()) => {}
        Err(ledgerbench_harness::Error::Unsupported(_)) => return,
        Err(e) => panic!("{what}: verify Y's signature: {e}"),
    }
    assert!(
        X::verify(&pk, MSG, &sig2_x).is_err(),
        "{what}: context must bind"
    );
}

/// Implementations with seeded key generation and explicit randomness
/// agree byte for byte.
fn mldsa_same_bytes<X: MlDsa, Y: MlDsa>() {
    let seed = [0x5a; 32];
    let (skx, pkx) = X::keygen_from_seed(&seed).expect("keygen");
    let (sky, pky) = Y::keygen_from_seed(&seed).expect("keygen");
    assert_eq!(X::encode_public_key(&pkx), Y::encode_public_key(&pky));
    assert_eq!(X::encode_secret_key(&skx), Y::encode_secret_key(&sky));
    for rnd in [[0u8; 32], [0xa5; 32]] {
        let sx = X::sign_with_context(&skx, MSG, b"c", Some(&rnd)).expect("sign");
        let sy = Y::sign_with_context(&sky, MSG, b"c", Some(&rnd)).expect("sign");
        assert_eq!(X::encode_signature(&sx), Y::encode_signature(&sy));
    }
    let mut rng = bench_rng(1, "same-bytes");
    let sx = X::sign(&skx, MSG, &mut rng).expect("sign");
    let sy = Y::sign(&sky, MSG, &mut rng).expect("sign");
    assert_eq!(
        X::encode_signature(&sx),
        Y::encode_signature(&sy),
        "deterministic sign"
    );
}

macro_rules! mldsa_all_pairs {
    ($rng:expr, $($t:ty),+) => {
        mldsa_all_pairs!(@outer $rng, [$($t),+], $($t),+);
    };
    (@outer $rng:expr, $all:tt, $($x:ty),+) => {
        $( mldsa_all_pairs!(@inner $rng, $x, $all); )+
    };
    (@inner $rng:expr, $x:ty, [$($y:ty),+]) => {
        $( mldsa_cross::<$x, $y>($rng); )+
    };
}

#[test]
fn mldsa_implementations_accept_each_other() {
    let mut rng = bench_rng(11, "mldsa-cross");
    mldsa_all_pairs!(
        &mut rng,
        MlDsa44Pqclean,
        MlDsa44RustCrypto,
        MlDsa44Libcrux,
        MlDsa44AwsLc,
        MlDsa44Liboqs
    );
    mldsa_all_pairs!(
        &mut rng,
        MlDsa65Pqclean,
        MlDsa65RustCrypto,
        MlDsa65Libcrux,
        MlDsa65AwsLc,
        MlDsa65Liboqs
    );
    mldsa_all_pairs!(
        &mut rng,
        MlDsa87Pqclean,
        MlDsa87RustCrypto,
        MlDsa87Libcrux,
        MlDsa87AwsLc,
        MlDsa87Liboqs
    );
}

#[test]
fn mldsa_rustcrypto_and_libcrux_agree_byte_for_byte() {
    mldsa_same_bytes::<MlDsa44RustCrypto, MlDsa44Libcrux>();
    mldsa_same_bytes::<MlDsa65RustCrypto, MlDsa65Libcrux>();
    mldsa_same_bytes::<MlDsa87RustCrypto, MlDsa87Libcrux>();
}

/// `X` makes keys; `Y` encapsulates to `X`'s key and `X` decapsulates; then
/// `Y` decodes `X`'s decapsulation key and decapsulates `X`'s ciphertext.
fn mlkem_cross<X: MlKem, Y: MlKem>(rng: &mut BenchRng) {
    let what = format!("{} -> {}", X::INFO.id(), Y::INFO.id());
    let (dk, ek) = X::keygen(rng).expect("keygen");
    let ek_y = Y::decode_encaps_key(&X::encode_encaps_key(&ek)).expect("decode ek");
    let (ct_y, ss_y) = Y::encaps(&ek_y, rng).expect("encaps");
    let ct_x = X::decode_ciphertext(&Y::encode_ciphertext(&ct_y)).expect("decode ct");
    assert_eq!(
        X::decaps(&dk, &ct_x).expect("decaps"),
        ss_y,
        "{what}: shared secrets"
    );

    let dk_y = Y::decode_decaps_key(&X::encode_decaps_key(&dk)).expect("decode dk");
    assert_eq!(
        Y::encode_decaps_key(&dk_y),
        X::encode_decaps_key(&dk),
        "{what}: dk re-encoding"
    );
    let (ct, ss) = X::encaps(&ek, rng).expect("encaps");
    let ct_y = Y::decode_ciphertext(&X::encode_ciphertext(&ct)).expect("decode ct");
    assert_eq!(
        Y::decaps(&dk_y, &ct_y).expect("decaps"),
        ss,
        "{what}: decaps with decoded dk"
    );

    // Implicit rejection is J(z || c) in every implementation.
    let mut bad = X::encode_ciphertext(&ct);
    bad[0] ^= 1;
    let rx = X::decaps(&dk, &X::decode_ciphertext(&bad).expect("ct")).expect("decaps");
    let ry = Y::decaps(&dk_y, &Y::decode_ciphertext(&bad).expect("ct")).expect("decaps");
    assert_ne!(rx, ss, "{what}: tampered ciphertext gave the real secret");
    assert_eq!(rx, ry, "{what}: implicit-rejection secrets differ");
}

fn mlkem_same_bytes<X: MlKem, Y: MlKem>() {
    let seed = [0x3c; 64];
    let (dkx, ekx) = X::keygen_from_seed(&seed).expect("keygen");
    let (dky, eky) = Y::keygen_from_seed(&seed).expect("keygen");
    assert_eq!(X::encode_encaps_key(&ekx), Y::encode_encaps_key(&eky));
    assert_eq!(X::encode_decaps_key(&dkx), Y::encode_decaps_key(&dky));
    let (cx, sx) = X::encaps_deterministic(&ekx, &[9; 32]).expect("encaps");
    let (cy, sy) = Y::encaps_deterministic(&eky, &[9; 32]).expect("encaps");
    assert_eq!(X::encode_ciphertext(&cx), Y::encode_ciphertext(&cy));
    assert_eq!(sx, sy);
    // The same run seed gives the same keys and ciphertexts too.
    let (mut r1, mut r2) = (bench_rng(5, "kem"), bench_rng(5, "kem"));
    let (_, ekx) = X::keygen(&mut r1).expect("keygen");
    let (_, eky) = Y::keygen(&mut r2).expect("keygen");
    assert_eq!(
        X::encode_encaps_key(&ekx),
        Y::encode_encaps_key(&eky),
        "keygen from run RNG"
    );
    let (cx, _) = X::encaps(&ekx, &mut r1).expect("encaps");
    let (cy, _) = Y::encaps(&eky, &mut r2).expect("encaps");
    assert_eq!(
        X::encode_ciphertext(&cx),
        Y::encode_ciphertext(&cy),
        "encaps from run RNG"
    );
}

#[test]
fn mlkem_implementations_accept_each_other() {
    let mut rng = bench_rng(12, "mlkem-cross");
    mlkem_all_pairs(&mut rng);
}

fn mlkem_all_pairs(rng: &mut BenchRng) {
    macro_rules! pairs {
        ($($t:ty),+) => { pairs!(@o [$($t),+], $($t),+); };
        (@o $all:tt, $($x:ty),+) => { $( pairs!(@i $x, $all); )+ };
        (@i $x:ty, [$($y:ty),+]) => { $( mlkem_cross::<$x, $y>(rng); )+ };
    }
    pairs!(
        MlKem512Pqclean,
        MlKem512RustCrypto,
        MlKem512Libcrux,
        MlKem512AwsLc,
        MlKem512Liboqs
    );
    pairs!(
        MlKem768Pqclean,
        MlKem768RustCrypto,
        MlKem768Libcrux,
        MlKem768AwsLc,
        MlKem768Liboqs
    );
    pairs!(
        MlKem1024Pqclean,
        MlKem1024RustCrypto,
        MlKem1024Libcrux,
        MlKem1024AwsLc,
        MlKem1024Liboqs
    );
}

#[test]
fn mlkem_rustcrypto_and_libcrux_agree_byte_for_byte() {
    mlkem_same_bytes::<MlKem512RustCrypto, MlKem512Libcrux>();
    mlkem_same_bytes::<MlKem768RustCrypto, MlKem768Libcrux>();
    mlkem_same_bytes::<MlKem1024RustCrypto, MlKem1024Libcrux>();
}

/// X-Wing's ML-KEM-768 half is ML-KEM-768: the encapsulation key's first
/// 1184 bytes are an ML-KEM-768 key any implementation accepts.
#[test]
fn xwing_embeds_an_mlkem768_key() {
    let mut rng = bench_rng(13, "xwing");
    let (_, ek) = XWingRustCrypto::keygen(&mut rng).expect("keygen");
    let bytes = XWingRustCrypto::encode_encaps_key(&ek);
    assert_eq!(bytes.len(), 1216);
    let ek_m = MlKem768Libcrux::decode_encaps_key(&bytes[..1184]).expect("ML-KEM-768 key");
    assert_eq!(MlKem768Libcrux::encode_encaps_key(&ek_m), bytes[..1184]);
}
