//! Ed25519 (`ed25519/dalek`, `ed25519/ring`): Wycheproof, RFC 8032 §7.1,
//! the C2SP CCTV edge-case classification and negative tests.

mod common;

use std::collections::BTreeMap;

use common::{accepts, exhaustive_conformance, hex};
use ledgerbench_harness::conformance::VectorSuite;
use ledgerbench_harness::{BatchVerify, SignatureScheme, bench_rng};
use ledgerbench_primitives::ed25519::{Ed25519AwsLc, Ed25519Dalek, Ed25519Ring};
use ledgerbench_primitives::suites::{cctv_ed25519, ed25519 as ed};

/// Wycheproof `ed25519_test.json` through the library suite (what
/// `ledgerbench conformance` runs): every valid test accepted, every invalid
/// one rejected — all 151 of the file.
fn wycheproof_passes<S: SignatureScheme>(suite: VectorSuite<S>) {
    let r = suite.run();
    println!("{}: {}/{} passed", S::INFO.id(), r.passed, r.run);
    assert_eq!(r.error, None);
    assert_eq!(
        (r.run, r.passed, r.failed(), r.acceptable, r.not_applicable),
        (151, 151, 0, 0, 0),
        "failed tcIds {:?}",
        r.failed_ids
    );
}

#[test]
fn wycheproof_dalek() {
    wycheproof_passes(ed::wycheproof::<Ed25519Dalek>());
}

#[test]
fn wycheproof_ring() {
    wycheproof_passes(ed::wycheproof::<Ed25519Ring>());
}

#[test]
fn wycheproof_aws_lc() {
    wycheproof_passes(ed::wycheproof::<Ed25519AwsLc>());
}

/// The library's RFC 8032 §7.1 suite: all five tests (TEST 1, 2, 3, 1024,
/// SHA(abc)) reproduce the RFC's public key and signature and verify.
#[test]
fn rfc8032_suite_passes_all_five() {
    let tests = ed::rfc8032_tests().expect("file parses");
    let names: Vec<&str> = tests.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(
        names,
        ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"]
    );
    assert_eq!(tests[3].3.len(), 1023, "TEST 1024 signs 1023 bytes");
    for r in [
        ed::rfc8032::<Ed25519Dalek>().run(),
        ed::rfc8032::<Ed25519Ring>().run(),
        ed::rfc8032::<Ed25519AwsLc>().run(),
    ] {
        assert_eq!((r.run, r.passed, r.failed()), (5, 5, 0), "{r:?}");
    }
    // The file's first three tests are the ones transcribed below.
    for (t, (sk, pk, msg, sig)) in tests.iter().zip(RFC8032) {
        assert_eq!(
            (&t.1, &t.2, &t.3, &t.4),
            (&hex(sk), &hex(pk), &hex(msg), &hex(sig))
        );
    }
}

/// RFC 8032 §7.1 TEST 1–3: (secret seed, public key, message, signature).
const RFC8032: [(&str, &str, &str, &str); 3] = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
];

#[test]
fn rfc8032_known_answers() {
    let mut rng = bench_rng(1, "rfc8032");
    for (n, (sk, pk, msg, sig)) in RFC8032.iter().enumerate() {
        let (sk, pk, msg, sig) = (hex(sk), hex(pk), hex(msg), hex(sig));

        let d = Ed25519Dalek::secret_key_from_seed(&sk).expect("dalek seed");
        assert_eq!(Ed25519Dalek::encode_secret_key(&d), sk);
        assert_eq!(
            Ed25519Dalek::encode_public_key(&d.verifying_key()),
            pk,
            "dalek pk, TEST {}",
            n + 1
        );
        let s = Ed25519Dalek::sign(&d, &msg, &mut rng).expect("dalek sign");
        assert_eq!(
            Ed25519Dalek::encode_signature(&s),
            sig,
            "dalek sig, TEST {}",
            n + 1
        );
        assert!(accepts::<Ed25519Dalek>(&pk, &msg, &sig));

        let r = Ed25519Ring::secret_key_from_seed(&sk).expect("ring seed");
        assert_eq!(Ed25519Ring::encode_secret_key(&r), sk);
        assert_eq!(
            Ed25519Ring::public_key(&r).to_vec(),
            pk,
            "ring pk, TEST {}",
            n + 1
        );
        let s = Ed25519Ring::sign(&r, &msg, &mut rng).expect("ring sign");
        assert_eq!(
            Ed25519Ring::encode_signature(&s),
            sig,
            "ring sig, TEST {}",
            n + 1
        );
        assert!(accepts::<Ed25519Ring>(&pk, &msg, &sig));

        // The known answer with its message changed no longer verifies.
        let mut other = msg.clone();
        other.push(0);
        assert!(!accepts::<Ed25519Dalek>(&pk, &other, &sig));
        assert!(!accepts::<Ed25519Ring>(&pk, &other, &sig));
    }
}

#[test]
fn batch_verification() {
    let mut rng = bench_rng(3, "batch");
    let mut keys = Vec::new();
    let mut msgs = Vec::new();
    let mut sigs = Vec::new();
    for i in 0..16u8 {
        let (sk, pk) = Ed25519Dalek::keygen(&mut rng).expect("keygen");
        let msg = vec![i; usize::from(i) + 1];
        sigs.push(Ed25519Dalek::sign(&sk, &msg, &mut rng).expect("sign"));
        keys.push(pk);
        msgs.push(msg);
    }
    let items: Vec<_> = (0..16)
        .map(|i| (&keys[i], msgs[i].as_slice(), &sigs[i]))
        .collect();
    Ed25519Dalek::verify_batch(&items).expect("valid batch");
    Ed25519Dalek::verify_batch(&items[..1]).expect("batch of one");
    Ed25519Dalek::verify_batch(&[]).expect("empty batch");

    // One bad message, one swapped key, one swapped signature: each sinks the batch.
    let mut bad = items.clone();
    bad[5].1 = &msgs[6];
    assert!(Ed25519Dalek::verify_batch(&bad).is_err());
    let mut bad = items.clone();
    bad[15].0 = &keys[0];
    assert!(Ed25519Dalek::verify_batch(&bad).is_err());
    let mut bad = items.clone();
    bad[0].2 = &sigs[1];
    assert!(Ed25519Dalek::verify_batch(&bad).is_err());
}

#[test]
fn negative_dalek() {
    assert!(exhaustive_conformance::<Ed25519Dalek>() > 800);
}

#[test]
fn negative_ring() {
    assert!(exhaustive_conformance::<Ed25519Ring>() > 800);
}

#[test]
fn negative_aws_lc() {
    assert!(exhaustive_conformance::<Ed25519AwsLc>() > 800);
}

#[test]
fn keys_and_signatures_cross_implementations() {
    let mut rng = bench_rng(5, "cross");
    let (sk, pk) = Ed25519Ring::keygen(&mut rng).expect("keygen");
    let d = Ed25519Dalek::secret_key_from_seed(&Ed25519Ring::encode_secret_key(&sk)).expect("seed");
    assert_eq!(
        Ed25519Dalek::encode_public_key(&d.verifying_key()),
        pk.to_vec()
    );
    for msg in [&b""[..], b"x", &[7u8; 1000]] {
        let a = Ed25519Ring::sign(&sk, msg, &mut rng).expect("ring sign");
        let b = Ed25519Dalek::sign(&d, msg, &mut rng).expect("dalek sign");
        assert_eq!(
            Ed25519Ring::encode_signature(&a),
            Ed25519Dalek::encode_signature(&b)
        );
    }
}

/// C2SP CCTV `ed25519vectors.json`: 914 (A, R) edge cases, not pass/fail.
///
/// Observed (ed25519-dalek 3.0.0 `verify`, ring 0.17.14), asserted below:
///
/// - **dalek** accepts a vector iff it has neither `non_canonical_R` nor
///   `low_order_residue`: the "ref10" behaviour the CCTV README describes —
///   cofactorless equation (so low-order residues fail), `R` recomputed and
///   compared as bytes (so a non-canonical `R` fails), `A` decompressed
///   without a canonicity check (so `non_canonical_A` passes), no low-order
///   blocklist.
/// - **ring** gives exactly the same verdict on every vector.
/// - **dalek batch** (`verify_batch` on a one-element batch) differs from
///   single verification, but only on vectors with a low-order point or
///   component or a non-canonical `R`: it decompresses `R` instead of
///   comparing bytes, and multiplies the equation by an input-derived 128-bit
///   `z` with coefficients reduced mod ℓ, so torsion components are scaled
///   by `z` and cancel (or not) depending on `z`. On prime-order inputs the
///   two agree.
///
/// - **dalek `verify_strict`** (not what the benchmark measures, shown by
///   `ledgerbench conformance`) rejects every vector with a low-order `A`
///   or `R`, as its documentation says.
///
/// Neither implementation follows ZIP 215 (which accepts all vectors). The summary table is
/// printed (`cargo test -- --nocapture`).
#[test]
fn cctv_edge_cases_classified() {
    let vectors = cctv_ed25519::vectors().expect("embedded CCTV file parses");
    assert_eq!(vectors.len(), 914);

    // flag -> [total, dalek, dalek batch, ring, dalek strict]
    let mut table: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    let mut off_rule = Vec::new();
    let mut batch_differs = Vec::new();
    for v in &vectors {
        let (key, sig, msg, number, flags) = (&v.key, &v.sig, &v.msg, v.number, &v.flags);
        let dalek = accepts::<Ed25519Dalek>(key, msg, sig);
        let batch = match (
            Ed25519Dalek::decode_public_key(key),
            Ed25519Dalek::decode_signature(sig),
        ) {
            (Ok(pk), Ok(s)) => Ed25519Dalek::verify_batch(&[(&pk, msg.as_slice(), &s)]).is_ok(),
            _ => false,
        };
        let ring = accepts::<Ed25519Ring>(key, msg, sig);
        let strict = ed25519_dalek::VerifyingKey::from_bytes(&key[..].try_into().expect("32"))
            .is_ok_and(|pk| {
                pk.verify_strict(msg, &ed25519_dalek::Signature::from_slice(sig).expect("64"))
                    .is_ok()
            });

        let labels = if flags.is_empty() {
            vec!["(no flags)".to_string()]
        } else {
            flags.clone()
        };
        for f in labels.into_iter().chain(["(all)".to_string()]) {
            let row = table.entry(f).or_default();
            row[0] += 1;
            row[1] += usize::from(dalek);
            row[2] += usize::from(batch);
            row[3] += usize::from(ring);
            row[4] += usize::from(strict);
        }

        let has = |f: &str| flags.iter().any(|x| x == f);
        let ref10 = !has("non_canonical_R") && !has("low_order_residue");
        if dalek != ref10 || ring != ref10 {
            off_rule.push((number, flags.clone(), dalek, ring));
        }
        if batch != dalek {
            batch_differs.push(number);
            let explained = [
                "low_order_R",
                "low_order_A",
                "low_order_component_R",
                "low_order_component_A",
                "non_canonical_R",
            ]
            .iter()
            .any(|f| has(f));
            assert!(
                explained,
                "batch and single verification differ on prime-order vector {number}: {flags:?}"
            );
        }
    }

    // The library suites (what `ledgerbench conformance` prints) count the same.
    for (report, columns) in [
        (
            cctv_ed25519::classify_dalek().run(),
            vec![("verify", 1), ("verify_strict", 4), ("verify_batch", 2)],
        ),
        (
            cctv_ed25519::classify::<Ed25519Ring>().run(),
            vec![("verify", 3)],
        ),
    ] {
        assert_eq!(
            (report.run, report.judged()),
            (914, 0),
            "classified, not judged"
        );
        for (function, column) in columns {
            let c = report
                .classification
                .iter()
                .find(|c| c.function == function)
                .expect("function classified");
            for (flag, counts) in &table {
                let row = c.get(flag).expect("flag present");
                assert_eq!(
                    (row.total, row.accepted),
                    (counts[0], counts[column]),
                    "{function} {flag}"
                );
            }
            assert_eq!(c.flags.len(), table.len());
        }
    }

    println!(
        "{:<24} {:>6} {:>6} {:>12} {:>6} {:>13}",
        "flag (accepted counts)", "total", "dalek", "dalek-batch", "ring", "dalek-strict"
    );
    for (flag, [n, d, b, r, st]) in &table {
        println!("{flag:<24} {n:>6} {d:>6} {b:>12} {r:>6} {st:>13}");
    }
    println!(
        "dalek batch differs from single verification on {} vectors",
        batch_differs.len()
    );
    assert!(
        off_rule.is_empty(),
        "vectors off the ref10 rule: {off_rule:?}"
    );
    let all = table["(all)"];
    assert!(
        all[1] > 0 && all[1] < all[0],
        "some accepted, some rejected"
    );
    assert_eq!(
        table["non_canonical_R"][1], 0,
        "dalek rejects every non-canonical R"
    );
    assert_eq!(
        table["low_order_residue"][1], 0,
        "dalek rejects every low-order residue"
    );
    for flag in ["low_order_A", "low_order_R"] {
        assert_eq!(table[flag][4], 0, "verify_strict rejects every {flag}");
    }
    assert!(
        table["non_canonical_A"][1] > 0,
        "dalek accepts some non-canonical A"
    );
}
