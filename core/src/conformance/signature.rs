//! Conformance checks for signature schemes and their optional capabilities.

#[cfg(test)]
use super::tamper_positions;
use super::{Depth, GateReport, check_info, flip_bit, size_matches};
use crate::rng::random_bytes;
use crate::{
    Aggregate, BatchVerify, BenchRng, Error, Result, SignatureScheme, SigningSet, bench_rng,
};

/// A key pair with one message it signed.
pub struct Signed<S: SignatureScheme> {
    /// The signing key.
    pub sk: S::SecretKey,
    /// Its verification key.
    pub pk: S::PublicKey,
    /// The message signed.
    pub msg: Vec<u8>,
    /// `sk`'s signature on `msg`.
    pub sig: S::Signature,
}

/// `n` fresh signers, each signing its own 32-byte message.
pub fn signers<S: SignatureScheme>(n: usize, rng: &mut BenchRng) -> Result<Vec<Signed<S>>> {
    (0..n)
        .map(|_| {
            let (sk, pk) = S::keygen(rng)?;
            let msg = random_bytes(rng, 32);
            let sig = S::sign(&sk, &msg, rng)?;
            Ok(Signed { sk, pk, msg, sig })
        })
        .collect()
}

/// True when `sig` on `msg` decodes and verifies under the decoded `pk`.
pub fn accepts<S: SignatureScheme>(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    match (S::decode_public_key(pk), S::decode_signature(sig)) {
        (Ok(pk), Ok(sig)) => S::verify(&pk, msg, &sig).is_ok(),
        _ => false,
    }
}

/// How many more signatures a tampered public key is tried with when it
/// accepts the first one.
const MORE_SIGNATURES: usize = 15;

/// [`MORE_SIGNATURES`] (message, signature) pairs under `sk`, on random messages
/// from a stream of their own; signing failures leave a pair out.
fn more_signatures<S: SignatureScheme>(sk: &S::SecretKey, seed: u64) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut rng = bench_rng(seed, &format!("gate/{}/more-signatures", S::INFO.id()));
    (0..MORE_SIGNATURES)
        .filter_map(|_| {
            let msg = random_bytes(&mut rng, 32);
            let sig = S::sign(sk, &msg, &mut rng).ok()?;
            Some((msg, S::encode_signature(&sig)))
        })
        .collect()
}

/// Sign → verify, encodings, sizes, determinism, and every tampering rejected.
pub fn signature<S: SignatureScheme>(seed: u64, depth: Depth) -> GateReport {
    let mut rng = bench_rng(seed, &format!("gate/{}", S::INFO.id()));
    let mut report = GateReport::default();
    let keys = S::keygen(&mut rng);
    report.check_ok("keygen", &keys);
    let Ok((sk, pk)) = keys else { return report };
    let msg = random_bytes(&mut rng, 32);
    let sig = S::sign(&sk, &msg, &mut rng);
    report.check_ok("sign", &sig);
    let Ok(sig) = sig else { return report };
    report.check_ok("valid signature accepted", &S::verify(&pk, &msg, &sig));
    report.check_ok(
        "empty message signs and verifies",
        &S::sign(&sk, b"", &mut rng).and_then(|s| S::verify(&pk, b"", &s)),
    );

    let pk_bytes = S::encode_public_key(&pk);
    let sig_bytes = S::encode_signature(&sig);
    let sk_len = S::encode_secret_key(&sk).len();
    let info = &S::INFO;
    for (object, len) in [
        ("pk", pk_bytes.len()),
        ("sk", sk_len),
        ("sig", sig_bytes.len()),
    ] {
        let declared = info.size(object);
        report.check(
            format!("{object} size matches INFO"),
            size_matches(declared, len) && (depth == Depth::Gate || declared.is_some()),
            format!("observed {len} bytes, INFO says {declared:?}"),
        );
    }
    let roundtrip = S::decode_public_key(&pk_bytes)
        .and_then(|pk2| S::decode_signature(&sig_bytes).map(|s2| (pk2, s2)))
        .and_then(|(pk2, s2)| S::verify(&pk2, &msg, &s2));
    report.check_ok("decoded key and signature verify", &roundtrip);

    if info.deterministic {
        let again = S::sign(&sk, &msg, &mut rng).map(|s| S::encode_signature(&s));
        report.check(
            "deterministic signing repeats",
            again.as_ref().is_ok_and(|b| *b == sig_bytes),
            "INFO claims deterministic, but two signatures differ",
        );
    }

    let tampered_msg = flip_bit(&msg, 0, 0);
    report.check_rejected(
        "tampered message rejected",
        S::verify(&pk, &tampered_msg, &sig),
    );
    for (where_, i, bit) in depth.flips(sig_bytes.len()) {
        let bad = flip_bit(&sig_bytes, i, bit);
        report.check(
            format!("signature with {where_} flipped rejected"),
            !accepts::<S>(&pk_bytes, &msg, &bad),
            "accepted",
        );
    }
    // A multivariate public key (UOV) is not hashed into what is signed: one
    // changed coefficient leaves a given signature valid with probability
    // about 2/q, so a tampered key must fail at least one of several
    // signatures (drawn from their own stream: other checks see the same
    // inputs whether or not they are needed).
    let mut more: Option<Vec<(Vec<u8>, Vec<u8>)>> = None;
    for (where_, i, bit) in depth.flips(pk_bytes.len()) {
        let bad = flip_bit(&pk_bytes, i, bit);
        let rejected = !accepts::<S>(&bad, &msg, &sig_bytes) || {
            let more = more.get_or_insert_with(|| more_signatures::<S>(&sk, seed));
            more.iter().any(|(m, s)| !accepts::<S>(&bad, m, s))
        };
        report.check(
            format!("public key with {where_} flipped rejected"),
            rejected,
            format!("accepted with each of {} signatures", MORE_SIGNATURES + 1),
        );
    }
    let other = S::keygen(&mut rng).and_then(|(_, other_pk)| S::verify(&other_pk, &msg, &sig));
    report.check_rejected("signature under another key rejected", other);
    report.check(
        "truncated signature rejected",
        !accepts::<S>(&pk_bytes, &msg, &sig_bytes[..sig_bytes.len() / 2]),
        "accepted",
    );
    if depth >= Depth::Thorough {
        thorough::<S>(&mut report, &mut rng, &msg, &pk_bytes, &sig_bytes);
    }
    if depth == Depth::Exhaustive {
        error_kinds::<S>(&mut report, &pk, &msg, &sig, &pk_bytes);
    }
    report
}

/// INFO completeness, re-encodings, length changes, degenerate and random encodings.
fn thorough<S: SignatureScheme>(
    report: &mut GateReport,
    rng: &mut BenchRng,
    msg: &[u8],
    pk_bytes: &[u8],
    sig_bytes: &[u8],
) {
    check_info(report, &S::INFO, &["pk", "sk", "sig"]);
    report.check(
        "public key re-encodes identically",
        S::decode_public_key(pk_bytes).is_ok_and(|p| S::encode_public_key(&p) == pk_bytes),
        "different bytes",
    );
    report.check(
        "signature re-encodes identically",
        S::decode_signature(sig_bytes).is_ok_and(|s| S::encode_signature(&s) == sig_bytes),
        "different bytes",
    );
    let mut longer = msg.to_vec();
    longer.push(0);
    let middle = flip_bit(msg, msg.len() / 2, 0);
    for (what, m) in [
        ("extended message", &longer[..]),
        ("truncated message", &msg[..msg.len() - 1]),
        ("empty message", &[][..]),
        ("message with middle byte flipped", &middle[..]),
    ] {
        report.check(
            format!("{what} rejected"),
            !accepts::<S>(pk_bytes, m, sig_bytes),
            "accepted",
        );
    }
    let mut sig_long = sig_bytes.to_vec();
    sig_long.push(0);
    for (what, bad) in [
        (
            "signature one byte short",
            sig_bytes[..sig_bytes.len() - 1].to_vec(),
        ),
        ("signature with trailing byte", sig_long),
        ("empty signature", Vec::new()),
        ("all-zero signature", vec![0; sig_bytes.len()]),
        ("all-ones signature", vec![0xff; sig_bytes.len()]),
    ] {
        report.check(
            format!("{what} rejected"),
            !accepts::<S>(pk_bytes, msg, &bad),
            "accepted",
        );
    }
    for (what, bad) in [
        ("public key one byte short", pk_bytes[1..].to_vec()),
        ("all-zero public key", vec![0; pk_bytes.len()]),
        ("all-ones public key", vec![0xff; pk_bytes.len()]),
    ] {
        report.check(
            format!("{what} rejected"),
            !accepts::<S>(&bad, msg, sig_bytes),
            "accepted",
        );
    }
    let random_rejected = (0..100).all(|len| {
        let junk = random_bytes(rng, len);
        let _ = S::decode_public_key(&junk); // must not panic
        !accepts::<S>(pk_bytes, msg, &junk)
    });
    report.check(
        "random signatures of 0..100 bytes rejected",
        random_rejected,
        "one was accepted",
    );
}

/// Malformed lengths are `Decode` errors and a changed message is a
/// `Verification` error.
fn error_kinds<S: SignatureScheme>(
    report: &mut GateReport,
    pk: &S::PublicKey,
    msg: &[u8],
    sig: &S::Signature,
    pk_bytes: &[u8],
) {
    for i in [0, msg.len() - 1] {
        for bit in 0..8 {
            let r = S::verify(pk, &flip_bit(msg, i, bit), sig);
            report.check(
                format!("message byte {i} bit {bit} flipped: verification error"),
                matches!(r, Err(Error::Verification)),
                format!("{r:?}"),
            );
        }
    }
    let mut pk_long = pk_bytes.to_vec();
    pk_long.push(0);
    for (what, bad) in [
        ("empty public key", &[][..]),
        ("public key one byte short", &pk_bytes[..pk_bytes.len() - 1]),
        ("public key with trailing byte", &pk_long[..]),
    ] {
        let r = S::decode_public_key(bad);
        report.check(
            format!("{what}: decode error"),
            matches!(r, Err(Error::Decode { .. })),
            format!("{:?}", r.err()),
        );
    }
    let r = S::decode_signature(&[]);
    report.check(
        "empty signature: decode error",
        matches!(r, Err(Error::Decode { .. })),
        format!("{:?}", r.err()),
    );
}

/// Batch verification accepts a valid batch and rejects one wrong message.
pub fn batch<S: BatchVerify>(seed: u64) -> GateReport {
    let mut rng = bench_rng(seed, &format!("gate-batch/{}", S::INFO.id()));
    let mut report = GateReport::default();
    let signed = match signers::<S>(8, &mut rng) {
        Ok(s) => s,
        Err(e) => {
            report.check("batch inputs", false, e.to_string());
            return report;
        }
    };
    let mut items: Vec<(&S::PublicKey, &[u8], &S::Signature)> = signed
        .iter()
        .map(|s| (&s.pk, s.msg.as_slice(), &s.sig))
        .collect();
    report.check_ok("valid batch accepted", &S::verify_batch(&items));
    items[0].1 = &signed[1].msg;
    report.check_rejected(
        "batch with one wrong message rejected",
        S::verify_batch(&items),
    );
    report
}

/// Aggregate signatures and keys verify, swapped messages and another key's
/// proof of possession are rejected.
pub fn aggregate<S: Aggregate>(seed: u64) -> GateReport {
    let mut rng = bench_rng(seed, &format!("gate-aggregate/{}", S::INFO.id()));
    let mut report = GateReport::default();
    let signed = match signers::<S>(4, &mut rng) {
        Ok(s) => s,
        Err(e) => {
            report.check("aggregate inputs", false, e.to_string());
            return report;
        }
    };
    let pks: Vec<&S::PublicKey> = signed.iter().map(|s| &s.pk).collect();
    let mut msgs: Vec<&[u8]> = signed.iter().map(|s| s.msg.as_slice()).collect();
    let agg = S::aggregate_signatures(&signed.iter().map(|s| &s.sig).collect::<Vec<_>>());
    report.check_ok("aggregate", &agg);
    let Ok(agg) = agg else { return report };
    report.check_ok(
        "aggregate signature accepted",
        &S::verify_aggregate(&pks, &msgs, &agg),
    );
    msgs.swap(0, 1);
    report.check_rejected(
        "aggregate with swapped messages rejected",
        S::verify_aggregate(&pks, &msgs, &agg),
    );

    // Same message signed by every key, checked against the aggregate key.
    let msg = b"one message, many signers";
    let same: Result<Vec<S::Signature>> = signed
        .iter()
        .map(|s| S::sign(&s.sk, msg, &mut rng))
        .collect();
    let fast = same.and_then(|sigs| {
        let agg_sig = S::aggregate_signatures(&sigs.iter().collect::<Vec<_>>())?;
        let agg_pk = S::aggregate_public_keys(&pks)?;
        S::verify(&agg_pk, msg, &agg_sig)
    });
    report.check_ok("aggregate key verifies same-message aggregate", &fast);

    let first = &signed[0];
    let pop = S::prove_possession(&first.sk, &first.pk);
    report.check_ok(
        "proof of possession accepted",
        &pop.as_ref()
            .map_err(|e| Error::op("pop", e))
            .and_then(|p| S::verify_possession(&first.pk, p)),
    );
    if let Ok(pop) = pop {
        report.check_rejected(
            "proof of possession for another key rejected",
            S::verify_possession(&signed[1].pk, &pop),
        );
    }
    report
}

/// Every message of every representative signing set signs and verifies.
pub fn signing_sets<S: SignatureScheme>(sets: Result<Vec<SigningSet<S>>>) -> GateReport {
    let mut report = GateReport::default();
    let sets = match sets {
        Ok(sets) => sets,
        Err(e) => {
            report.check("signing sets load", false, e.to_string());
            return report;
        }
    };
    for set in sets {
        let mut rng = bench_rng(0, set.label);
        let bad = set
            .messages
            .iter()
            .filter(|m| {
                S::sign(&set.secret_key, m, &mut rng)
                    .and_then(|s| S::verify(&set.public_key, m, &s))
                    .is_err()
            })
            .count();
        report.check(
            format!(
                "signing set `{}` signs and verifies ({} messages)",
                set.label,
                set.messages.len()
            ),
            bad == 0 && !set.messages.is_empty(),
            format!("{bad} of {} failed", set.messages.len()),
        );
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tampered_positions_grow_with_depth() {
        assert_eq!(Depth::Gate.flips(10).len(), 3);
        assert_eq!(Depth::Thorough.flips(10).len(), 3);
        assert_eq!(Depth::Exhaustive.flips(10).len(), 80);
        assert!(Depth::Gate.flips(0).is_empty());
    }

    #[test]
    fn tamper_positions_cover_both_ends() {
        let flips = Depth::Gate.flips(5);
        let idx: Vec<usize> = flips.iter().map(|f| f.1).collect();
        assert_eq!(idx, [0, 2, 4]);
        assert_eq!(tamper_positions(1).len(), 3);
    }
}
