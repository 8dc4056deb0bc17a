//! BIP-340 Schnorr (`schnorr-bip340/k256`, `schnorr-bip340/libsecp256k1`):
//! every row of bitcoin/bips `bip-0340/test-vectors.csv`, and negative tests.

mod common;

use common::{accepts, exhaustive_conformance, hex, vectors_dir};
use ledgerbench_harness::SignatureScheme;
use ledgerbench_primitives::schnorr::{AUX_LEN, SchnorrK256, SchnorrLibsecp};

/// One CSV row.
struct Row {
    index: String,
    secret_key: Vec<u8>,
    public_key: Vec<u8>,
    aux_rand: Vec<u8>,
    message: Vec<u8>,
    signature: Vec<u8>,
    result: bool,
    comment: String,
}

fn rows() -> Vec<Row> {
    let path = vectors_dir().join("bip340/test-vectors.csv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("index,secret key,public key,aux_rand,message,signature,verification result,comment")
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.splitn(8, ',').collect();
            assert_eq!(f.len(), 8, "row {line}");
            Row {
                index: f[0].to_string(),
                secret_key: hex(f[1]),
                public_key: hex(f[2]),
                aux_rand: hex(f[3]),
                message: hex(f[4]),
                signature: hex(f[5]),
                result: match f[6] {
                    "TRUE" => true,
                    "FALSE" => false,
                    other => panic!("result {other}"),
                },
                comment: f[7].to_string(),
            }
        })
        .collect()
}

/// Checks every row against one implementation; returns (signing rows, verification rows).
fn check<S: SignatureScheme>(
    sign: impl Fn(&[u8], &[u8], &[u8; AUX_LEN]) -> (Vec<u8>, Vec<u8>),
) -> (usize, usize) {
    let (mut signed, mut verified) = (0, 0);
    for r in rows() {
        if !r.secret_key.is_empty() {
            let aux: [u8; AUX_LEN] = r.aux_rand.as_slice().try_into().expect("aux is 32 bytes");
            let (pk, sig) = sign(&r.secret_key, &r.message, &aux);
            assert_eq!(
                pk,
                r.public_key,
                "{}: row {} public key",
                S::INFO.id(),
                r.index
            );
            assert_eq!(
                sig,
                r.signature,
                "{}: row {} signature",
                S::INFO.id(),
                r.index
            );
            signed += 1;
        }
        let got = accepts::<S>(&r.public_key, &r.message, &r.signature);
        assert_eq!(
            got,
            r.result,
            "{}: row {} ({})",
            S::INFO.id(),
            r.index,
            r.comment
        );
        verified += 1;
    }
    (signed, verified)
}

#[test]
fn all_rows_k256() {
    let (s, v) = check::<SchnorrK256>(|sk, msg, aux| {
        let sk = SchnorrK256::secret_key_from_bytes(sk).expect("secret key");
        let sig = SchnorrK256::sign_with_aux(&sk, msg, aux).expect("sign");
        (
            SchnorrK256::encode_public_key(sk.verifying_key()),
            SchnorrK256::encode_signature(&sig),
        )
    });
    println!("schnorr-bip340/k256: {s} signing rows reproduced, {v} verification verdicts matched");
    assert_eq!((s, v), (8, 19), "rows 0-3 and 15-18 sign, all 19 verify");
}

#[test]
fn all_rows_libsecp256k1() {
    let (s, v) = check::<SchnorrLibsecp>(|sk, msg, aux| {
        let kp = SchnorrLibsecp::secret_key_from_bytes(sk).expect("secret key");
        let sig = SchnorrLibsecp::sign_with_aux(&kp, msg, aux);
        (
            SchnorrLibsecp::encode_public_key(&kp.x_only_public_key().0),
            SchnorrLibsecp::encode_signature(&sig),
        )
    });
    println!(
        "schnorr-bip340/libsecp256k1: {s} signing rows reproduced, {v} verification verdicts matched"
    );
    assert_eq!((s, v), (8, 19), "rows 0-3 and 15-18 sign, all 19 verify");
}

#[test]
fn invalid_secret_keys_rejected() {
    for bad in [
        vec![0u8; 32],
        hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"), // n
        vec![0xff; 32],
        vec![1u8; 31],
    ] {
        assert!(SchnorrK256::secret_key_from_bytes(&bad).is_err());
        assert!(SchnorrLibsecp::secret_key_from_bytes(&bad).is_err());
    }
}

#[test]
fn negative_k256() {
    assert!(exhaustive_conformance::<SchnorrK256>() > 800);
}

#[test]
fn negative_libsecp256k1() {
    assert!(exhaustive_conformance::<SchnorrLibsecp>() > 800);
}
