//! Conformance checks for proof systems: valid proofs verify; proofs for
//! other public inputs, mutated proofs and unsatisfiable witnesses are
//! rejected.

use super::{GateReport, flip_bit, size_matches, tamper_positions};
use crate::scheme::{BatchVerifyProofs, ProofSystem, Rerandomize};
use crate::{BenchRng, Result, bench_rng};

/// Keys, two valid statements and their proofs, made once by [`proof`] and
/// reused by the capability checks (setup and proving are expensive).
pub struct ProofFixture<P: ProofSystem> {
    /// Proving and verifying keys.
    pub keys: (P::ProvingKey, P::VerifyingKey),
    /// Two valid (public input, witness) pairs.
    pub statements: Vec<(P::PublicInput, P::Witness)>,
    /// Their proofs.
    pub proofs: Vec<P::Proof>,
}

/// Setup → prove → verify at the gate size, encodings, sizes, and every bad
/// input rejected. Returns the report and, when setup and proving worked, the
/// fixture for [`proof_batch`] and [`proof_rerandomize`].
pub fn proof<P: ProofSystem>(seed: u64) -> (GateReport, Option<ProofFixture<P>>) {
    let mut rng = bench_rng(seed, &format!("gate/{}", P::INFO.id()));
    let mut report = GateReport::default();
    let fixture = basic::<P>(P::SIZE.gate, &mut rng, &mut report);
    (report, fixture)
}

fn basic<P: ProofSystem>(
    size: usize,
    rng: &mut BenchRng,
    report: &mut GateReport,
) -> Option<ProofFixture<P>> {
    report.check(
        "INFO family is zk",
        P::INFO.family == crate::Family::Zk,
        format!("family is {}", P::INFO.family),
    );
    let keys = P::setup(size, rng);
    report.check_ok(format!("setup (size {size})"), &keys);
    let keys = keys.ok()?;
    let statements = (0..2)
        .map(|_| P::statement(size, rng))
        .collect::<Result<Vec<_>>>();
    report.check_ok("valid statements generated", &statements);
    let statements = statements.ok()?;
    let proofs = statements
        .iter()
        .map(|(public, witness)| P::prove(&keys.0, public, witness, rng))
        .collect::<Result<Vec<_>>>();
    report.check_ok("prove", &proofs);
    let proofs = proofs.ok()?;
    let (pk, vk) = &keys;
    let (public, _) = &statements[0];
    let proof = &proofs[0];
    report.check_ok("valid proof accepted", &P::verify(vk, public, proof));
    report.check_ok(
        "second valid proof accepted",
        &P::verify(vk, &statements[1].0, &proofs[1]),
    );

    let proof_bytes = P::encode_proof(proof);
    report.check(
        "proof size matches INFO",
        size_matches(P::INFO.size("proof"), proof_bytes.len()),
        format!(
            "observed {} bytes, INFO says {:?}",
            proof_bytes.len(),
            P::INFO.size("proof")
        ),
    );
    for (object, len) in P::key_sizes(pk, vk) {
        report.check(
            format!("{object} size matches INFO"),
            size_matches(P::INFO.size(object), len),
            format!("observed {len} bytes, INFO says {:?}", P::INFO.size(object)),
        );
    }
    let public_bytes = P::encode_public_input(public);
    let roundtrip = P::decode_proof(&proof_bytes)
        .and_then(|p| P::decode_public_input(&public_bytes).and_then(|x| P::verify(vk, &x, &p)));
    report.check_ok("decoded proof and public input verify", &roundtrip);
    if let Some(c) = P::circuit_size(pk) {
        report.check(
            format!("{} counted", c.label()),
            c.count() > 0,
            "the circuit is empty",
        );
    }

    report.check_rejected(
        "proof for another public input rejected",
        P::verify(vk, &statements[1].0, proof),
    );
    for (where_, i) in tamper_positions(proof_bytes.len()) {
        let bad = flip_bit(&proof_bytes, i, 0);
        let verdict = P::decode_proof(&bad).and_then(|p| P::verify(vk, public, &p));
        report.check_rejected(
            format!("proof with {where_} byte flipped rejected"),
            verdict,
        );
    }
    report.check_rejected(
        "truncated proof rejected",
        P::decode_proof(&proof_bytes[..proof_bytes.len() / 2])
            .and_then(|p| P::verify(vk, public, &p)),
    );
    let bad_public = flip_bit(&public_bytes, 0, 0);
    report.check_rejected(
        "proof with public input's first byte flipped rejected",
        P::decode_public_input(&bad_public).and_then(|x| P::verify(vk, &x, proof)),
    );
    match P::unsatisfiable_statement(size, rng) {
        Ok((bad_public, bad_witness)) => {
            let verdict = P::prove(pk, &bad_public, &bad_witness, rng)
                .and_then(|p| P::verify(vk, &bad_public, &p));
            report.check_rejected(
                "unsatisfiable witness fails to prove or is rejected",
                verdict,
            );
        }
        Err(e) => report.check("unsatisfiable statement generated", false, e.to_string()),
    }
    Some(ProofFixture {
        keys,
        statements,
        proofs,
    })
}

/// Batch verification accepts valid proofs and rejects a proof paired with
/// another statement's public input.
pub fn proof_batch<P: BatchVerifyProofs>(fixture: &ProofFixture<P>, seed: u64) -> GateReport {
    let mut rng = bench_rng(seed, &format!("gate-batch/{}", P::INFO.id()));
    let mut report = GateReport::default();
    let vk = &fixture.keys.1;
    let items: Vec<(&P::PublicInput, &P::Proof)> = fixture
        .statements
        .iter()
        .zip(&fixture.proofs)
        .map(|((public, _), proof)| (public, proof))
        .collect();
    report.check_ok(
        "valid batch accepted",
        &P::verify_batch(vk, &items, &mut rng),
    );
    let mut swapped = items.clone();
    if swapped.len() >= 2 {
        swapped[0].0 = items[1].0;
        report.check_rejected(
            "batch with one proof for another public input rejected",
            P::verify_batch(vk, &swapped, &mut rng),
        );
    }
    report
}

/// Proofs are malleable: a re-randomized proof verifies and has other bytes.
pub fn proof_rerandomize<P: Rerandomize>(fixture: &ProofFixture<P>, seed: u64) -> GateReport {
    let mut rng = bench_rng(seed, &format!("gate-rerandomize/{}", P::INFO.id()));
    let mut report = GateReport::default();
    let vk = &fixture.keys.1;
    let (public, _) = &fixture.statements[0];
    let proof = &fixture.proofs[0];
    let fresh = P::rerandomize(vk, proof, &mut rng);
    report.check_ok("re-randomize", &fresh);
    let Ok(fresh) = fresh else { return report };
    report.check_ok(
        "re-randomized proof verifies (proofs are malleable)",
        &P::verify(vk, public, &fresh),
    );
    report.check(
        "re-randomized proof has different bytes",
        P::encode_proof(&fresh) != P::encode_proof(proof),
        "re-randomization returned the same proof",
    );
    report
}
