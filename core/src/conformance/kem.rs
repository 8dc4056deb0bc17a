//! Conformance checks for key encapsulation mechanisms.

use super::{Depth, GateReport, check_info, flip_bit, size_matches};
use crate::{BenchRng, Kem, bench_rng};

/// Encapsulations to a tampered key before the gate concludes the real key
/// recovers them all.
const TAMPERED_KEY_TRIES: usize = 1000;

/// Shared secrets agree, encodings round-trip, and tampered ciphertexts or keys
/// never yield the honest secret.
pub fn kem<K: Kem>(seed: u64, depth: Depth) -> GateReport {
    let mut rng = bench_rng(seed, &format!("gate/{}", K::INFO.id()));
    let rng = &mut rng;
    let mut report = GateReport::default();
    let keys = K::keygen(rng);
    report.check_ok("keygen", &keys);
    let Ok((dk, ek)) = keys else { return report };
    let enc = K::encaps(&ek, rng);
    report.check_ok("encaps", &enc);
    let Ok((ct, ss)) = enc else { return report };
    let honest = ss.as_ref().to_vec();
    let dec = K::decaps(&dk, &ct);
    report.check(
        "decapsulated secret equals encapsulated secret",
        dec.as_ref().is_ok_and(|s| s.as_ref() == honest.as_slice()),
        "secrets differ or decaps failed",
    );

    let ek_bytes = K::encode_encaps_key(&ek);
    let ct_bytes = K::encode_ciphertext(&ct);
    let info = &K::INFO;
    let observed = [
        ("ek", ek_bytes.len()),
        ("dk", K::encode_decaps_key(&dk).len()),
        ("ct", ct_bytes.len()),
        ("ss", honest.len()),
    ];
    for (object, len) in observed {
        report.check(
            format!("{object} size matches INFO"),
            size_matches(info.size(object), len),
            format!("observed {len} bytes, INFO says {:?}", info.size(object)),
        );
    }
    let roundtrip = K::decode_ciphertext(&ct_bytes).and_then(|c| K::decaps(&dk, &c));
    report.check(
        "decoded ciphertext decapsulates",
        roundtrip.is_ok_and(|s| s.as_ref() == honest.as_slice()),
        "decoded ciphertext gave another secret",
    );
    let via_decoded_key = K::decode_encaps_key(&ek_bytes).and_then(|ek2| K::encaps(&ek2, rng));
    report.check(
        "decoded encapsulation key works",
        via_decoded_key
            .is_ok_and(|(c, s)| K::decaps(&dk, &c).is_ok_and(|d| d.as_ref() == s.as_ref())),
        "secrets differ",
    );
    let second = K::encaps(&ek, rng);
    report.check(
        "encapsulation is randomised",
        second.is_ok_and(|(c, _)| K::encode_ciphertext(&c) != ct_bytes),
        "two encapsulations gave the same ciphertext",
    );
    for (where_, i, bit) in depth.flips(ct_bytes.len()) {
        let bad = flip_bit(&ct_bytes, i, bit);
        let verdict = K::decode_ciphertext(&bad).and_then(|c| K::decaps(&dk, &c));
        report.check(
            format!("ciphertext with {where_} flipped does not give the secret"),
            !verdict.is_ok_and(|s| s.as_ref() == honest.as_slice()),
            "tampered ciphertext decapsulated to the honest secret",
        );
    }
    let other = K::keygen(rng).and_then(|(other_dk, _)| K::decaps(&other_dk, &ct));
    report.check(
        "another key does not give the secret",
        !other.is_ok_and(|s| s.as_ref() == honest.as_slice()),
        "another key decapsulated to the honest secret",
    );
    if depth >= Depth::Thorough {
        thorough::<K>(&mut report, rng, &dk, &ek_bytes, &ct_bytes);
    }
    report
}

/// INFO completeness, re-encodings, short encodings, and a tampered
/// encapsulation key.
fn thorough<K: Kem>(
    report: &mut GateReport,
    rng: &mut BenchRng,
    dk: &K::DecapsKey,
    ek_bytes: &[u8],
    ct_bytes: &[u8],
) {
    check_info(report, &K::INFO, &["ek", "dk", "ct", "ss"]);
    report.check(
        "encapsulation key re-encodes identically",
        K::decode_encaps_key(ek_bytes).is_ok_and(|k| K::encode_encaps_key(&k) == ek_bytes),
        "different bytes",
    );
    report.check(
        "ciphertext re-encodes identically",
        K::decode_ciphertext(ct_bytes).is_ok_and(|c| K::encode_ciphertext(&c) == ct_bytes),
        "different bytes",
    );
    report.check_rejected(
        "short ciphertext rejected",
        K::decode_ciphertext(&ct_bytes[1..]),
    );
    report.check_rejected(
        "short encapsulation key rejected",
        K::decode_encaps_key(&ek_bytes[1..]),
    );
    // Encapsulating to a tampered key gives a secret the real key does not
    // recover. A code-based key (Classic McEliece's systematic matrix) changes
    // the ciphertext only when the error vector meets the changed column (a
    // few percent of encapsulations), so up to TAMPERED_KEY_TRIES are made and
    // one unrecovered secret is enough; other KEMs stop at the first.
    if let Ok(bad_ek) = K::decode_encaps_key(&flip_bit(ek_bytes, ek_bytes.len() / 2, 0)) {
        let recovered_every_time = (0..TAMPERED_KEY_TRIES).all(|_| {
            K::encaps(&bad_ek, rng)
                .and_then(|(ct, ss)| K::decaps(dk, &ct).map(|got| got.as_ref() == ss.as_ref()))
                .is_ok_and(|same| same)
        });
        report.check(
            "a tampered encapsulation key's secret is not recovered",
            !recovered_every_time,
            format!("the real key recovered it in all {TAMPERED_KEY_TRIES} encapsulations"),
        );
    }
}
