//! SM2 (`sm2/rustcrypto`): the published recommended-curve signature example,
//! user-ID binding, and negative tests.
//!
//! GB/T 32918.2-2016 Annex A works its signature example over a *test* curve
//! (`p = 8542D69E…DFC3`, ID `ALICE123@YAHOO.COM`), not the recommended
//! `sm2p256v1` curve; the `sm2` crate implements only the recommended curve,
//! so that example cannot be run here. The recommended-curve example is in
//! GM/T 0003.5-2012 Annex A.2 (republished as GB/T 32918.5-2017 Annex A):
//! `d_A = 3945208F…C5B8`, ID `1234567812345678`, message `"message digest"`,
//! `k = 59276E27…BC21`, giving `Z_A = B2E14C5C…A4F3`, `e = F0B43E94…8640` and
//! `(r, s) = (F5A03B06…20B3, B1B6AA29…C1AA)`. The same values appear in the
//! SM2 tests of OpenSSL (`test/sm2_internal_test.c`) and GmSSL.

mod common;

use common::{accepts, exhaustive_conformance, hex};
use ledgerbench_harness::{SignatureScheme, bench_rng};
use ledgerbench_primitives::sm2::{DEFAULT_ID, Sm2RustCrypto};
use sm3::{Digest, Sm3};

const D_A: &str = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
const X_A: &str = "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
const Y_A: &str = "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
const MSG: &[u8] = b"message digest";
const Z_A: &str = "B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3";
const E: &str = "F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640";
const R: &str = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
const S: &str = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

/// Recommended-curve parameters a, b, x_G, y_G (GB/T 32918.5-2017).
const CURVE: [&str; 4] = [
    "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC",
    "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93",
    "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7",
    "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0",
];

fn public_key() -> Vec<u8> {
    [vec![0x04], hex(X_A), hex(Y_A)].concat()
}

fn signature() -> Vec<u8> {
    [hex(R), hex(S)].concat()
}

/// The example's intermediate values, recomputed with SM3 alone: checks the
/// transcription of the vector independently of the `sm2` crate.
#[test]
fn published_example_intermediates() {
    let mut h = Sm3::new();
    h.update(128u16.to_be_bytes()); // ENTL_A: 16-byte ID
    h.update(DEFAULT_ID.as_bytes());
    for c in CURVE {
        h.update(hex(c));
    }
    h.update(hex(X_A));
    h.update(hex(Y_A));
    let z = h.finalize().to_vec();
    assert_eq!(z, hex(Z_A), "Z_A");
    let e = Sm3::new()
        .chain_update(&z)
        .chain_update(MSG)
        .finalize()
        .to_vec();
    assert_eq!(e, hex(E), "e = SM3(Z_A || M)");
}

#[test]
fn published_example_verifies() {
    let sk = Sm2RustCrypto::secret_key_with_id(DEFAULT_ID, &hex(D_A)).expect("d_A");
    assert_eq!(
        Sm2RustCrypto::encode_public_key(sk.verifying_key()),
        public_key(),
        "P_A = [d_A]G"
    );
    assert!(
        accepts::<Sm2RustCrypto>(&public_key(), MSG, &signature()),
        "published (r, s) verifies"
    );

    // Tampered message, r, s or key: rejected.
    assert!(!accepts::<Sm2RustCrypto>(
        &public_key(),
        b"message digesT",
        &signature()
    ));
    for i in [0, 31, 32, 63] {
        let mut sig = signature();
        sig[i] ^= 1;
        assert!(
            !accepts::<Sm2RustCrypto>(&public_key(), MSG, &sig),
            "byte {i}"
        );
    }
    let mut pk = public_key();
    pk[64] ^= 1;
    assert!(!accepts::<Sm2RustCrypto>(&pk, MSG, &signature()));

    // The same key and signature under another user ID: Z_A changes, rejected.
    for id in ["ALICE123@YAHOO.COM", "1234567812345679", ""] {
        let other = Sm2RustCrypto::public_key_with_id(id, &public_key()).expect("decode");
        let sig = Sm2RustCrypto::decode_signature(&signature()).expect("decode");
        assert!(
            Sm2RustCrypto::verify(&other, MSG, &sig).is_err(),
            "ID {id:?}"
        );
    }
}

#[test]
fn user_id_is_bound() {
    let mut rng = bench_rng(9, "sm2-id");
    let alice = "ALICE123@YAHOO.COM";
    let (sk, _) = Sm2RustCrypto::keygen(&mut rng).expect("keygen");
    let sk_bytes = Sm2RustCrypto::encode_secret_key(&sk);
    let sk_alice = Sm2RustCrypto::secret_key_with_id(alice, &sk_bytes).expect("sk");
    let pk_bytes = Sm2RustCrypto::encode_public_key(sk_alice.verifying_key());
    let sig = Sm2RustCrypto::sign(&sk_alice, b"payload", &mut rng).expect("sign");

    let pk_alice = Sm2RustCrypto::public_key_with_id(alice, &pk_bytes).expect("pk");
    Sm2RustCrypto::verify(&pk_alice, b"payload", &sig).expect("verifies under its own ID");
    let pk_default = Sm2RustCrypto::decode_public_key(&pk_bytes).expect("pk");
    assert!(
        Sm2RustCrypto::verify(&pk_default, b"payload", &sig).is_err(),
        "rejected under the default ID"
    );

    // Randomised signing: two signatures differ, both verify.
    let again = Sm2RustCrypto::sign(&sk_alice, b"payload", &mut rng).expect("sign");
    assert_ne!(
        Sm2RustCrypto::encode_signature(&sig),
        Sm2RustCrypto::encode_signature(&again)
    );
    Sm2RustCrypto::verify(&pk_alice, b"payload", &again).expect("verifies");
}

#[test]
fn malformed_keys_and_signatures_rejected() {
    // r or s zero or >= n, compressed or hybrid key encodings.
    let n = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123";
    for bad in [
        [vec![0; 32], hex(S)].concat(),
        [hex(R), vec![0; 32]].concat(),
        [hex(n), hex(S)].concat(),
        [hex(R), hex(n)].concat(),
    ] {
        assert!(Sm2RustCrypto::decode_signature(&bad).is_err());
    }
    let compressed = [vec![0x02 | (hex(Y_A)[31] & 1)], hex(X_A)].concat();
    assert!(
        Sm2RustCrypto::decode_public_key(&compressed).is_err(),
        "only uncompressed keys"
    );
    let mut hybrid = public_key();
    hybrid[0] = 0x06 | (hybrid[64] & 1);
    assert!(Sm2RustCrypto::decode_public_key(&hybrid).is_err());
    assert!(Sm2RustCrypto::secret_key_with_id(DEFAULT_ID, &[0; 32]).is_err());
    assert!(Sm2RustCrypto::secret_key_with_id(DEFAULT_ID, &hex(n)).is_err());
}

#[test]
fn negative() {
    assert!(exhaustive_conformance::<Sm2RustCrypto>() > 800);
}
