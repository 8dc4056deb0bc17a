//! The constant-time screen against controls whose answer is known from how
//! they are written: an early-exit byte comparison (its time grows with the
//! length of the matching prefix, so a secret-equal input is far slower than
//! a random one) must be flagged, and a comparison that always reads every
//! byte must not. The leak of the first control is hundreds of iterations
//! wide, so noise on a shared machine cannot hide it.

use std::hint::black_box;
use std::time::Duration;

use ledgerbench_core::testing::{ToyKem, ToySig};
use ledgerbench_harness::ct::{CtConfig, CtVerdict, THRESHOLD, screen, screen_entry};
use ledgerbench_harness::dynamic::ct::{CtCase, CtTarget, FIXED, Varies, time_each};
use ledgerbench_harness::dynamic::{KemEntry, SigEntry};
use ledgerbench_harness::rng::random_bytes;
use ledgerbench_harness::{BenchRng, Op, bench_rng};

const LEN: usize = 512;

/// Compares `secret` with `guess` byte by byte, stopping at the first difference.
fn early_exit_eq(secret: &[u8], guess: &[u8]) -> bool {
    for i in 0..secret.len() {
        if black_box(secret[i]) != black_box(guess[i]) {
            return false;
        }
    }
    true
}

/// Compares every byte whatever the inputs (OR of XORs).
fn full_eq(secret: &[u8], guess: &[u8]) -> bool {
    let mut acc = 0u8;
    for i in 0..secret.len() {
        acc |= black_box(secret[i] ^ guess[i]);
    }
    black_box(acc) == 0
}

/// Class 0: the secret itself (the comparison runs to the end); class 1: random bytes.
struct Compare {
    secret: Vec<u8>,
    rng: BenchRng,
    eq: fn(&[u8], &[u8]) -> bool,
}

impl CtTarget for Compare {
    fn classes(&self) -> &'static str {
        "guess equal to the secret vs random guess"
    }

    fn measure(&mut self, classes: &[u8], out: &mut [u64]) -> ledgerbench_harness::Result<()> {
        let inputs: Vec<Vec<u8>> = classes
            .iter()
            .map(|c| match *c {
                FIXED => self.secret.clone(),
                _ => random_bytes(&mut self.rng, LEN),
            })
            .collect();
        let (secret, eq) = (&self.secret, self.eq);
        time_each(inputs, out, |g| Ok(eq(secret, g)))
    }
}

fn compare(eq: fn(&[u8], &[u8]) -> bool) -> Compare {
    let mut rng = bench_rng(3, "ct-control");
    Compare {
        secret: random_bytes(&mut rng, LEN),
        rng,
        eq,
    }
}

fn config() -> CtConfig {
    CtConfig {
        budget: Duration::from_millis(700),
        ..CtConfig::default()
    }
}

#[test]
fn an_early_exit_comparison_is_flagged() {
    let outcome = screen(&mut compare(early_exit_eq), &config(), 1).expect("screen");
    assert_eq!(outcome.verdict(), CtVerdict::LeakSuspected, "{outcome:?}");
    assert!(outcome.t > THRESHOLD);
    assert!(
        outcome.means[0] > outcome.means[1],
        "the full match is slower"
    );
    assert!(outcome.describe().starts_with("leak suspected"));
}

#[test]
fn a_full_comparison_is_not_flagged() {
    let outcome = screen(&mut compare(full_eq), &config(), 1).expect("screen");
    assert_eq!(outcome.verdict(), CtVerdict::NoLeakDetected, "{outcome:?}");
    let text = outcome.describe();
    assert!(text.starts_with("no leak detected in "), "{text}");
    assert!(!text.to_lowercase().contains("constant-time") && !text.contains("constant time"));
}

#[test]
fn registered_entries_are_screened_into_records() {
    let cfg = CtConfig {
        budget: Duration::from_millis(100),
        ..CtConfig::default()
    };
    let sig = SigEntry::<ToySig>::new().into_entry();
    let kem = KemEntry::<ToyKem>::entry();
    assert_eq!(sig.ct_cases(), CtCase::SIGNATURE);
    assert_eq!(kem.ct_cases(), CtCase::KEM);
    let cases = [
        (sig, CtCase::new(Op::Sign, Varies::Message)),
        (sig, CtCase::new(Op::Sign, Varies::Key)),
        (sig, CtCase::new(Op::Keygen, Varies::Seed)),
        (kem, CtCase::new(Op::Decaps, Varies::Ciphertext)),
        (kem, CtCase::new(Op::Keygen, Varies::Seed)),
    ];
    for (entry, case) in cases {
        let r = screen_entry(entry, case, &cfg, 5);
        assert_eq!(r.kind, "ct");
        assert_eq!(
            r.key,
            format!("ct|{}|{}|{}", entry.id(), case.op, case.varies)
        );
        assert_eq!((r.op, r.varies), (case.op, case.varies));
        assert!(
            matches!(
                r.verdict,
                CtVerdict::LeakSuspected | CtVerdict::NoLeakDetected | CtVerdict::NotApplicable
            ),
            "{r:?}"
        );
        if r.verdict != CtVerdict::NotApplicable {
            assert!(
                r.measurements > 0 && r.t.is_some() && !r.classes.is_empty(),
                "{r:?}"
            );
        }
        let line = serde_json::to_string(&r).expect("json");
        let back: ledgerbench_harness::ct::CtRecord = serde_json::from_str(&line).expect("parse");
        assert_eq!(
            (&back.key, back.verdict, back.measurements),
            (&r.key, r.verdict, r.measurements)
        );
    }
    // Verify is public-input only: not screened.
    let r = screen_entry(sig, CtCase::new(Op::Verify, Varies::Message), &cfg, 5);
    assert_eq!(r.verdict, CtVerdict::NotApplicable);
}

/// ToySig whose signing works `sk[0]` rounds: its time depends on the key
/// alone, so the key screen must flag it and the message screen must not.
struct KeyTimedSig;

impl ledgerbench_harness::SignatureScheme for KeyTimedSig {
    type SecretKey = [u8; 32];
    type PublicKey = [u8; 32];
    type Signature = [u8; 32];
    const INFO: ledgerbench_harness::SchemeInfo = ledgerbench_harness::SchemeInfo {
        name: "key-timed",
        note: "signing time depends on the key, on purpose",
        ..<ToySig as ledgerbench_harness::SignatureScheme>::INFO
    };

    fn keygen(rng: &mut BenchRng) -> ledgerbench_harness::Result<([u8; 32], [u8; 32])> {
        <ToySig as ledgerbench_harness::SignatureScheme>::keygen(rng)
    }
    fn sign(
        sk: &[u8; 32],
        msg: &[u8],
        rng: &mut BenchRng,
    ) -> ledgerbench_harness::Result<[u8; 32]> {
        let mut acc = 0u64;
        for i in 0..u64::from(sk[0]) * 64 {
            acc = black_box(acc.wrapping_mul(31).wrapping_add(i));
        }
        black_box(acc);
        <ToySig as ledgerbench_harness::SignatureScheme>::sign(sk, msg, rng)
    }
    fn verify(pk: &[u8; 32], msg: &[u8], sig: &[u8; 32]) -> ledgerbench_harness::Result<()> {
        <ToySig as ledgerbench_harness::SignatureScheme>::verify(pk, msg, sig)
    }
    fn encode_public_key(pk: &[u8; 32]) -> Vec<u8> {
        pk.to_vec()
    }
    fn decode_public_key(bytes: &[u8]) -> ledgerbench_harness::Result<[u8; 32]> {
        ledgerbench_harness::encoding::fixed(bytes, "public key")
    }
    fn encode_secret_key(sk: &[u8; 32]) -> Vec<u8> {
        sk.to_vec()
    }
    fn encode_signature(sig: &[u8; 32]) -> Vec<u8> {
        sig.to_vec()
    }
    fn decode_signature(bytes: &[u8]) -> ledgerbench_harness::Result<[u8; 32]> {
        ledgerbench_harness::encoding::fixed(bytes, "signature")
    }
}

#[test]
fn a_key_dependent_signing_time_is_flagged_by_the_key_screen_only() {
    let entry = SigEntry::<KeyTimedSig>::new().into_entry();
    let by_key = screen_entry(entry, CtCase::new(Op::Sign, Varies::Key), &config(), 2);
    assert_eq!(by_key.verdict, CtVerdict::LeakSuspected, "{by_key:?}");
    let by_message = screen_entry(entry, CtCase::new(Op::Sign, Varies::Message), &config(), 2);
    assert_eq!(
        by_message.verdict,
        CtVerdict::NoLeakDetected,
        "{by_message:?}"
    );
}
