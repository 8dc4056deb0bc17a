//! Conformance checks for hash functions.

use super::{GateReport, flip_bit, size_matches};
use crate::rng::random_bytes;
use crate::{HashFn, bench_rng};

/// Known answers, streaming equals one-shot, digest size, and one flipped
/// input bit changes the digest.
pub fn hash<H: HashFn>(seed: u64) -> GateReport {
    let mut report = GateReport::default();
    for (input, expected) in H::KNOWN_ANSWERS {
        let got = hex::encode(H::digest(input));
        report.check(
            format!("known answer for {}-byte input", input.len()),
            got.eq_ignore_ascii_case(expected),
            format!("got {got}, expected {expected}"),
        );
    }
    report.check(
        "has known answers",
        !H::KNOWN_ANSWERS.is_empty(),
        "KNOWN_ANSWERS is empty",
    );
    let mut rng = bench_rng(seed, &format!("gate/{}", H::INFO.id()));
    let data = random_bytes(&mut rng, 1000);
    let one_shot = H::digest(&data).as_ref().to_vec();
    let mut state = H::new();
    for chunk in data.chunks(137) {
        H::update(&mut state, chunk);
    }
    report.check(
        "streaming equals one-shot",
        H::finalize(state).as_ref() == one_shot,
        "digests differ",
    );
    report.check(
        "digest size matches INFO",
        size_matches(H::INFO.size("digest"), one_shot.len()),
        format!("observed {} bytes", one_shot.len()),
    );
    report.check(
        "one flipped input bit changes the digest",
        H::digest(&flip_bit(&data, 500, 3)).as_ref() != one_shot,
        "same digest",
    );
    report
}
