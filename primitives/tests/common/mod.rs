//! Helpers shared by the vector tests: the vectors folder, hex, the
//! decode-then-verify verdict and the negative suite run for every scheme.
#![allow(dead_code)]

use std::path::PathBuf;

use ledgerbench_harness::{Error, SignatureScheme, bench_rng, rng::random_bytes};

/// The repository's `vectors/` folder (provenance in `vectors/README.md`).
pub fn vectors_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../vectors"))
}

/// Decodes hex, panicking on a typo in a test vector.
pub fn hex(s: &str) -> Vec<u8> {
    hex::decode(s).unwrap_or_else(|e| panic!("bad hex {s:?}: {e}"))
}

/// True when `sig` on `msg` decodes and verifies under the decoded `pk`.
pub fn accepts<S: SignatureScheme>(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    match (S::decode_public_key(pk), S::decode_signature(sig)) {
        (Ok(pk), Ok(sig)) => S::verify(&pk, msg, &sig).is_ok(),
        _ => false,
    }
}

/// Round trip, sizes and every kind of tampering for scheme `S`; returns the
/// number of rejected forgeries checked.
pub fn negative_suite<S: SignatureScheme>() -> usize {
    let id = S::INFO.id();
    let mut rng = bench_rng(7, &format!("negative/{id}"));
    let (sk, pk) = S::keygen(&mut rng).expect("keygen");
    let msg = b"ledgerbench negative test message".to_vec();
    let sig = S::sign(&sk, &msg, &mut rng).expect("sign");
    S::verify(&pk, &msg, &sig).expect("honest signature verifies");

    let pk_bytes = S::encode_public_key(&pk);
    let sig_bytes = S::encode_signature(&sig);
    assert!(
        accepts::<S>(&pk_bytes, &msg, &sig_bytes),
        "{id}: encodings round-trip"
    );
    let pk2 = S::decode_public_key(&pk_bytes).expect("decode pk");
    assert_eq!(
        S::encode_public_key(&pk2),
        pk_bytes,
        "{id}: pk re-encodes identically"
    );
    let sig2 = S::decode_signature(&sig_bytes).expect("decode sig");
    assert_eq!(
        S::encode_signature(&sig2),
        sig_bytes,
        "{id}: sig re-encodes identically"
    );
    for (name, len) in [
        ("pk", pk_bytes.len()),
        ("sk", S::encode_secret_key(&sk).len()),
        ("sig", sig_bytes.len()),
    ] {
        let ok = match S::INFO.size(name) {
            Some(ledgerbench_harness::Size::Exact(n)) => len == n,
            Some(ledgerbench_harness::Size::Max(n)) => len <= n,
            other => panic!("{id}: INFO lists no size for {name}: {other:?}"),
        };
        assert!(
            ok,
            "{id}: {name} is {len} bytes, INFO says {:?}",
            S::INFO.size(name)
        );
    }

    let mut rejected = 0;
    let mut expect_reject = |what: String, verdict: bool| {
        assert!(!verdict, "{id}: {what} was accepted");
        rejected += 1;
    };

    // Tampered messages: every bit of the first and last byte, extended, truncated, empty.
    for i in [0, msg.len() - 1] {
        for bit in 0..8 {
            let mut m = msg.clone();
            m[i] ^= 1 << bit;
            let r = S::verify(&pk, &m, &sig);
            assert!(
                matches!(r, Err(Error::Verification)),
                "{id}: tampered msg gave {r:?}"
            );
            expect_reject(format!("message bit {i}.{bit}"), r.is_ok());
        }
    }
    let mut longer = msg.clone();
    longer.push(0);
    for m in [&longer[..], &msg[..msg.len() - 1], &[][..]] {
        expect_reject(
            format!("message of length {}", m.len()),
            S::verify(&pk, m, &sig).is_ok(),
        );
    }

    // Every single-bit flip of the signature and of the public key.
    for i in 0..sig_bytes.len() {
        for bit in 0..8 {
            let mut s = sig_bytes.clone();
            s[i] ^= 1 << bit;
            expect_reject(
                format!("signature bit {i}.{bit}"),
                accepts::<S>(&pk_bytes, &msg, &s),
            );
        }
    }
    for i in 0..pk_bytes.len() {
        for bit in 0..8 {
            let mut p = pk_bytes.clone();
            p[i] ^= 1 << bit;
            expect_reject(
                format!("public key bit {i}.{bit}"),
                accepts::<S>(&p, &msg, &sig_bytes),
            );
        }
    }

    // Another key.
    let (_, other) = S::keygen(&mut rng).expect("keygen");
    expect_reject("another key".into(), S::verify(&other, &msg, &sig).is_ok());

    // Malformed encodings: wrong lengths are decode errors; odd contents never panic.
    for bad in [&[][..], &pk_bytes[..pk_bytes.len() - 1]] {
        let r = S::decode_public_key(bad);
        assert!(
            matches!(r, Err(Error::Decode { .. })),
            "{id}: pk of {} bytes: {:?}",
            bad.len(),
            r.err()
        );
    }
    let mut pk_long = pk_bytes.clone();
    pk_long.push(0);
    assert!(
        matches!(S::decode_public_key(&pk_long), Err(Error::Decode { .. })),
        "{id}: long pk"
    );
    let r = S::decode_signature(&[]);
    assert!(
        matches!(r, Err(Error::Decode { .. })),
        "{id}: empty signature: {:?}",
        r.err()
    );
    let mut sig_long = sig_bytes.clone();
    sig_long.push(0);
    for (what, bad) in [
        (
            "truncated signature",
            sig_bytes[..sig_bytes.len() - 1].to_vec(),
        ),
        ("half signature", sig_bytes[..sig_bytes.len() / 2].to_vec()),
        ("signature with trailing byte", sig_long),
        ("all-zero signature", vec![0; sig_bytes.len()]),
        ("all-ones signature", vec![0xff; sig_bytes.len()]),
    ] {
        expect_reject(what.into(), accepts::<S>(&pk_bytes, &msg, &bad));
    }
    for (what, bad) in [
        ("all-zero public key", vec![0; pk_bytes.len()]),
        ("all-ones public key", vec![0xff; pk_bytes.len()]),
    ] {
        expect_reject(what.into(), accepts::<S>(&bad, &msg, &sig_bytes));
    }
    for len in 0..100 {
        let junk = random_bytes(&mut rng, len);
        let _ = S::decode_public_key(&junk);
        expect_reject(
            format!("random {len}-byte signature"),
            accepts::<S>(&pk_bytes, &msg, &junk),
        );
    }
    rejected
}
