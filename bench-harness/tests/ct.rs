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
use ledgerbench_harness::dynamic::ct::{CtTarget, FIXED, time_each};
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
    assert_eq!(sig.ct_ops(), [Op::Keygen, Op::Sign]);
    assert_eq!(kem.ct_ops(), [Op::Keygen, Op::Decaps]);
    for (entry, op) in [
        (sig, Op::Sign),
        (sig, Op::Keygen),
        (kem, Op::Decaps),
        (kem, Op::Keygen),
    ] {
        let r = screen_entry(entry, op, &cfg, 5);
        assert_eq!(r.kind, "ct");
        assert_eq!(r.key, format!("ct|{}|{op}", entry.id()));
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
    let r = screen_entry(sig, Op::Verify, &cfg, 5);
    assert_eq!(r.verdict, CtVerdict::NotApplicable);
}
