//! Properties of the proof systems beyond the gate: Groth16 malleability and
//! batch verification, Bulletproofs aggregation, halo2 proof encoding. (The workload kit is tested
//! through the registry, `tests/zk_registry.rs` at the workspace root.)

use ledgerbench_harness::{BatchVerifyProofs, ProofSystem, Rerandomize, bench_rng};
use ledgerbench_zk::bulletproofs::Bulletproofs;
use ledgerbench_zk::schemes::{Groth16Bls12381Merkle, Groth16Bn254Range, Halo2Poseidon};
use sha2::{Digest, Sha256};

/// Groth16 proofs can be re-randomized by anyone: the new proof verifies for
/// the same statement but has different bytes, so its hash cannot serve as a
/// transaction id or a replay guard.
fn rerandomized_proof_is_valid_and_different<P: Rerandomize>() {
    let mut rng = bench_rng(5, "malleability");
    let size = P::SIZE.gate;
    let (pk, vk) = P::setup(size, &mut rng).expect("setup");
    let (public, witness) = P::statement(size, &mut rng).expect("statement");
    let proof = P::prove(&pk, &public, &witness, &mut rng).expect("prove");
    let mauled = P::rerandomize(&vk, &proof, &mut rng).expect("rerandomize");
    assert!(P::verify(&vk, &public, &mauled).is_ok());
    let id = |p: &P::Proof| Sha256::digest(P::encode_proof(p));
    assert_ne!(id(&proof), id(&mauled), "a proof-derived id is not stable");
    // The statement (public input) is what stays fixed, so bind and deduplicate on it.
    let (other, _) = P::statement(size, &mut rng).expect("statement");
    assert!(P::verify(&vk, &other, &mauled).is_err());
}

#[test]
fn groth16_proofs_are_malleable() {
    rerandomized_proof_is_valid_and_different::<Groth16Bls12381Merkle>();
    rerandomized_proof_is_valid_and_different::<Groth16Bn254Range>();
}

#[test]
fn groth16_batch_verification() {
    type P = Groth16Bn254Range;
    let mut rng = bench_rng(6, "batch");
    let (pk, vk) = P::setup(1, &mut rng).expect("setup");
    let statements: Vec<_> = (0..5)
        .map(|_| P::statement(1, &mut rng).expect("statement"))
        .collect();
    let proofs: Vec<_> = statements
        .iter()
        .map(|(x, w)| P::prove(&pk, x, w, &mut rng).expect("prove"))
        .collect();
    let mut items: Vec<_> = statements.iter().map(|(x, _)| x).zip(&proofs).collect();
    assert!(P::verify_batch(&vk, &items, &mut rng).is_ok());
    assert!(P::verify_batch(&vk, &items[..1], &mut rng).is_ok());
    assert!(P::verify_batch(&vk, &[], &mut rng).is_ok());
    items.swap(0, 1);
    assert!(
        P::verify_batch(&vk, &items, &mut rng).is_ok(),
        "order does not matter"
    );
    items[0].1 = &proofs[0];
    assert!(
        P::verify_batch(&vk, &items, &mut rng).is_err(),
        "one mismatched pair"
    );
}

#[test]
fn bulletproofs_aggregate_1_2_4_8_outputs() {
    let mut rng = bench_rng(7, "bulletproofs");
    for m in [1usize, 2, 4, 8] {
        let (pk, vk) = Bulletproofs::setup(m, &mut rng).expect("setup");
        let (public, witness) = Bulletproofs::statement(m, &mut rng).expect("statement");
        let proof = Bulletproofs::prove(&pk, &public, &witness, &mut rng).expect("prove");
        assert!(Bulletproofs::verify(&vk, &public, &proof).is_ok());
        let log = (64 * m).trailing_zeros() as usize;
        assert_eq!(Bulletproofs::encode_proof(&proof).len(), 32 * (2 * log + 9));
        assert_eq!(Bulletproofs::encode_public_input(&public).len(), 32 * m);
        // Fewer commitments than the proof covers.
        if m > 1 {
            assert!(Bulletproofs::verify(&vk, &public[..m / 2].to_vec(), &proof).is_err());
        }
    }
    assert!(
        Bulletproofs::setup(3, &mut rng).is_err(),
        "m must be a power of two"
    );
}

#[test]
fn bulletproofs_cannot_prove_a_negative_amount() {
    let mut rng = bench_rng(8, "bulletproofs");
    let (pk, _) = Bulletproofs::setup(2, &mut rng).expect("setup");
    let (public, witness) = Bulletproofs::unsatisfiable_statement(2, &mut rng).expect("statement");
    assert!(Bulletproofs::prove(&pk, &public, &witness, &mut rng).is_err());
}

#[test]
fn halo2_rejects_trailing_proof_bytes() {
    type P = Halo2Poseidon;
    let mut rng = bench_rng(9, "halo2");
    let (pk, vk) = P::setup(1, &mut rng).expect("setup");
    let (public, witness) = P::statement(1, &mut rng).expect("statement");
    let mut proof = P::prove(&pk, &public, &witness, &mut rng).expect("prove");
    assert!(P::verify(&vk, &public, &proof).is_ok());
    proof.push(0);
    assert!(P::verify(&vk, &public, &proof).is_err());
}
