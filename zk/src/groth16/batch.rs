//! Batch verification of Groth16 proofs under one verifying key.
//!
//! Each proof satisfies e(A, B) · e(IC, −γ) · e(C, −δ) = e(α, β), where IC is
//! the input commitment. Raising the i-th equation to a random 128-bit rᵢ and
//! multiplying gives one check with n + 2 Miller loops and one final
//! exponentiation:
//!
//! ∏ e(rᵢAᵢ, Bᵢ) · e(Σ rᵢICᵢ, −γ) · e(Σ rᵢCᵢ, −δ) = e(α, β)^(Σ rᵢ)
//!
//! A batch with an invalid proof passes with probability about 2⁻¹²⁸.

use ark_ec::pairing::{Pairing, PairingOutput};
use ark_ec::{CurveGroup, PrimeGroup, VariableBaseMSM};
use ark_ff::{PrimeField, Zero};
use ark_groth16::{PreparedVerifyingKey, Proof};
use ledgerbench_core::{BenchRng, Error, Result};
use rand_core::Rng;
use rayon::prelude::*;

/// Accepts only if every proof verifies for its inputs.
pub fn verify_batch<E: Pairing>(
    pvk: &PreparedVerifyingKey<E>,
    inputs: &[Vec<E::ScalarField>],
    proofs: &[&Proof<E>],
    rng: &mut BenchRng,
) -> Result<()> {
    if inputs.len() != proofs.len() {
        return Err(Error::op(
            "verify-batch",
            "inputs and proofs differ in number",
        ));
    }
    if proofs.is_empty() {
        return Ok(());
    }
    let bases = &pvk.vk.gamma_abc_g1;
    let rs: Vec<E::ScalarField> = proofs
        .iter()
        .map(|_| {
            let r = (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64());
            E::ScalarField::from(r | 1)
        })
        .collect();

    // Σ rᵢ·ICᵢ = (Σ rᵢ)·γ_abc[0] + Σⱼ (Σᵢ rᵢ·xᵢⱼ)·γ_abc[j + 1]: one small MSM.
    let mut coeffs = vec![E::ScalarField::zero(); bases.len()];
    for (r, x) in rs.iter().zip(inputs) {
        if x.len() + 1 != bases.len() {
            return Err(Error::Verification);
        }
        coeffs[0] += r;
        for (c, xj) in coeffs[1..].iter_mut().zip(x) {
            *c += *r * xj;
        }
    }
    let msm_error = |_| Error::op("verify-batch", "MSM length mismatch");
    let ic = E::G1::msm(bases, &coeffs).map_err(msm_error)?;
    let cs: Vec<E::G1Affine> = proofs.iter().map(|p| p.c).collect();
    let c_acc = E::G1::msm(&cs, &rs).map_err(msm_error)?;
    let ra: Vec<E::G1> = proofs
        .par_iter()
        .zip(rs.par_iter())
        .map(|(p, r)| p.a * r)
        .collect();

    let mut g1: Vec<E::G1Prepared> = E::G1::normalize_batch(&ra)
        .into_iter()
        .map(Into::into)
        .collect();
    g1.push(ic.into_affine().into());
    g1.push(c_acc.into_affine().into());
    let mut g2: Vec<E::G2Prepared> = proofs.iter().map(|p| p.b.into()).collect();
    g2.push(pvk.gamma_g2_neg_pc.clone());
    g2.push(pvk.delta_g2_neg_pc.clone());

    let lhs = E::final_exponentiation(E::multi_miller_loop(g1, g2)).ok_or(Error::Verification)?;
    let sum: E::ScalarField = rs.iter().sum();
    let rhs = PairingOutput::<E>(pvk.alpha_g1_beta_g2).mul_bigint(sum.into_bigint());
    if lhs == rhs {
        Ok(())
    } else {
        Err(Error::Verification)
    }
}
