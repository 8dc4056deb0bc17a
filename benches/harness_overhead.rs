//! How far the harness's median is from a hand-written loop calling the same
//! library: Ed25519 signing (ed25519-dalek) and SHA-256 of 1 KiB (sha2).
//! Target: within 2%. Run with `cargo bench --bench harness_overhead`.
//!
//! Each round measures the harness (the full engine: dyn entry, prepared
//! state, calibrated batches) and then the hand loop with the same number of
//! operations per sample; rounds alternate so drift on a shared machine hits
//! both. The figure reported is the ratio of the medians over all rounds.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ed25519_dalek::Signer;
use ledgerbench_harness::engine::{EngineConfig, measure};
use ledgerbench_harness::stats::median;
use ledgerbench_harness::{Op, Params, bench_rng, rng::random_bytes};
use sha2::Digest;

const ROUNDS: usize = 7;

/// Times `samples` runs of `iters` operations of `op`, returning ns per op.
fn hand_samples(samples: usize, iters: u64, mut op: impl FnMut(usize)) -> Vec<f64> {
    (0..samples)
        .map(|_| {
            let start = Instant::now();
            for i in 0..iters as usize {
                op(i);
            }
            start.elapsed().as_nanos() as f64 / iters as f64
        })
        .collect()
}

fn compare(label: &str, scheme: &str, op: Op, params: Params, mut hand: impl FnMut(usize)) {
    let entry = ledgerbench::registry().get(scheme).expect("registered");
    let mut prepared = entry.prepare(op, &params, 1).expect("prepare");
    let cfg = EngineConfig {
        budget: Duration::from_millis(400),
        ..EngineConfig::quick()
    };
    let (mut harness, mut direct) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let m = measure(prepared.as_mut(), &cfg, 1).expect("measure");
        harness.push(m.ns.median);
        direct.push(median(&hand_samples(
            m.samples_ns.len(),
            m.iters_per_sample,
            &mut hand,
        )));
    }
    let (h, d) = (median(&harness), median(&direct));
    let ratio = h / d;
    println!(
        "{label:<28} harness {h:>10.1} ns  hand loop {d:>10.1} ns  ratio {ratio:.4}  ({:+.2}%, target ≤ 2%: {})",
        (ratio - 1.0) * 100.0,
        if (ratio - 1.0).abs() <= 0.02 {
            "met"
        } else {
            "NOT met"
        }
    );
}

fn main() {
    // `cargo test --benches` runs bench binaries with `--bench` absent; skip then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // Ed25519: same key derivation and 64 messages as the harness's sign loop.
    let mut rng = bench_rng(7, "overhead");
    let key = ed25519_dalek::SigningKey::from_bytes(
        &random_bytes(&mut rng, 32).try_into().expect("32 bytes"),
    );
    let msgs: Vec<Vec<u8>> = (0..64).map(|_| random_bytes(&mut rng, 32)).collect();
    compare(
        "ed25519/dalek sign (32 B)",
        "ed25519/dalek",
        Op::Sign,
        Params {
            msg_len: Some(32),
            ..Params::default()
        },
        |i| {
            black_box(key.sign(black_box(&msgs[i % msgs.len()])));
        },
    );

    let data = random_bytes(&mut rng, 1024);
    compare(
        "sha256/rustcrypto 1 KiB",
        "sha256/rustcrypto",
        Op::Digest,
        Params {
            msg_len: Some(1024),
            ..Params::default()
        },
        |_| {
            black_box(sha2::Sha256::digest(black_box(&data)));
        },
    );
}
