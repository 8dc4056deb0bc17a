//! Circuits against the native statements: Poseidon gadgets equal the native
//! hash, valid witnesses satisfy every circuit and invalid ones do not, and
//! circuit sizes are what the docs say.

use ark_r1cs_std::GR1CSVar;
use ark_r1cs_std::alloc::AllocVar;
use ark_r1cs_std::fields::fp::FpVar;
use ark_relations::gr1cs::ConstraintSystem;
use halo2_proofs::dev::MockProver;
use ledgerbench_harness::{BenchRng, bench_rng};
use ledgerbench_zk::halo2::{PlonkCircuit, reserved_rows, shape};
use ledgerbench_zk::plonk::SyntheticCircuit;
use ledgerbench_zk::poseidon::{
    ArkPoseidon, FIELD_BYTES, NativeField, PastaFp, ark_hash, ark_hash_var,
};
use ledgerbench_zk::r1cs::R1csCircuit;
use ledgerbench_zk::statement::Statement;
use ledgerbench_zk::statement::merkle::Merkle;
use ledgerbench_zk::statement::preimage::PoseidonPreimage;
use ledgerbench_zk::statement::range::{Range, in_range};
use ledgerbench_zk::statement::sha256::Sha256Preimage;
use ledgerbench_zk::statement::synthetic::Synthetic;

fn rng(label: &str) -> BenchRng {
    bench_rng(2024, label)
}

/// The gadget computes the native hash, for one and two inputs.
fn ark_gadget_matches_native<F: ArkPoseidon + NativeField>() {
    let mut rng = rng("poseidon");
    for len in [1, 2] {
        let inputs: Vec<F> = (0..len).map(|_| F::random(&mut rng)).collect();
        let cs = ConstraintSystem::<F>::new_ref();
        let vars = inputs
            .iter()
            .map(|x| FpVar::new_witness(cs.clone(), || Ok(*x)))
            .collect::<Result<Vec<_>, _>>()
            .expect("alloc");
        let out = ark_hash_var(cs.clone(), &vars).expect("gadget");
        assert_eq!(out.value().expect("value"), ark_hash(&inputs));
        assert!(cs.is_satisfied().expect("satisfied"));
        assert!(cs.num_constraints() > 200, "a full Poseidon permutation");
    }
    assert_eq!(
        F::hash2(F::from_u64(3), F::from_u64(4)),
        ark_hash(&[F::from_u64(3), F::from_u64(4)])
    );
}

#[test]
fn ark_poseidon_gadget_equals_native() {
    ark_gadget_matches_native::<ark_bls12_381::Fr>();
    ark_gadget_matches_native::<ark_bn254::Fr>();
}

/// Field encodings round-trip and reject non-canonical or short input; the
/// native hash separates lengths and input order.
fn encode_and_hash_roundtrip<F: NativeField>() {
    let mut rng = rng("poseidon-encoding");
    let x = F::random(&mut rng);
    assert_eq!(F::from_bytes(&x.to_bytes()).ok(), Some(x));
    assert_ne!(
        F::hash1(x),
        F::hash2(x, F::from_u64(0)),
        "length is domain-separated"
    );
    assert_ne!(F::hash2(x, F::from_u64(1)), F::hash2(F::from_u64(1), x));
    assert!(F::from_bytes(&[0xff; FIELD_BYTES]).is_err(), "≥ modulus");
    assert!(F::from_bytes(&[0; 31]).is_err());
}

#[test]
fn fields_encode_and_hash() {
    encode_and_hash_roundtrip::<ark_bls12_381::Fr>();
    encode_and_hash_roundtrip::<ark_bn254::Fr>();
    encode_and_hash_roundtrip::<PastaFp>();
}

#[test]
fn ark_configs_have_the_documented_shape() {
    let c = <ark_bn254::Fr as ArkPoseidon>::poseidon_config();
    assert_eq!((c.full_rounds, c.partial_rounds, c.alpha), (8, 57, 5));
    assert_eq!((c.rate, c.capacity), (2, 1));
    assert_eq!(c.ark.len(), 65);
    assert_eq!(c.mds.len(), 3);
}

#[test]
fn pasta_poseidon_matches_the_orchard_test_vector() {
    // zcash-test-vectors orchard_poseidon/hash/fp.py, first vector: H(0, 1).
    let expected = "8358d711a0329d38becd54fba7c283ed3e089a39c91b6a9d10efb02bc3f12f06";
    let out = PastaFp::hash2(PastaFp::from_u64(0), PastaFp::from_u64(1));
    let hex: String = out.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, expected);
}

fn r1cs_satisfied<F, C>(public: &C::Public, witness: &C::Witness) -> bool
where
    F: ArkPoseidon + NativeField,
    C: R1csCircuit<F>,
{
    let cs = ConstraintSystem::<F>::new_ref();
    C::synthesize(cs.clone(), public, witness).expect("synthesis");
    cs.is_satisfied().expect("check")
}

/// Valid statements satisfy the R1CS circuit, invalid ones do not, and the
/// native check agrees.
fn r1cs_agrees_with_native<F, C>(size: usize)
where
    F: ArkPoseidon + NativeField,
    C: R1csCircuit<F>,
{
    let mut rng = rng("r1cs");
    let n = C::statement_size(size);
    let (public, witness) = C::sample(n, &mut rng).expect("sample");
    assert!(C::holds(&public, &witness));
    assert!(r1cs_satisfied::<F, C>(&public, &witness));
    let (public, witness) = C::sample_unsatisfiable(n, &mut rng).expect("sample");
    assert!(!C::holds(&public, &witness));
    assert!(!r1cs_satisfied::<F, C>(&public, &witness));
}

#[test]
fn r1cs_circuits_agree_with_native_statements() {
    fn all<F: ArkPoseidon + NativeField>() {
        r1cs_agrees_with_native::<F, Merkle>(3);
        r1cs_agrees_with_native::<F, PoseidonPreimage>(1);
        r1cs_agrees_with_native::<F, Range>(2);
        r1cs_agrees_with_native::<F, Synthetic>(5);
    }
    all::<ark_bls12_381::Fr>();
    all::<ark_bn254::Fr>();
    r1cs_agrees_with_native::<ark_bn254::Fr, Sha256Preimage>(1);
}

#[test]
fn r1cs_range_rejects_2_pow_64() {
    let mut rng = rng("range");
    let (mut public, mut witness) =
        <Range as Statement<ark_bn254::Fr>>::sample(1, &mut rng).expect("sample");
    let two_64 = ark_bn254::Fr::from(u128::from(u64::MAX) + 1);
    let max = ark_bn254::Fr::from(u64::MAX);
    for (amount, ok) in [(max, true), (two_64, false)] {
        witness.amounts[0] = amount;
        public.0[0] = ark_bn254::Fr::hash2(amount, witness.blindings[0]);
        assert_eq!(in_range(&amount), ok);
        assert_eq!(
            r1cs_satisfied::<_, Range>(&public, &witness),
            ok,
            "amount {amount}"
        );
    }
}

fn r1cs_constraints<F, C>(size: usize) -> usize
where
    F: ArkPoseidon + NativeField,
    C: R1csCircuit<F>,
{
    let (public, witness) = C::sample(C::statement_size(size), &mut rng("count")).expect("sample");
    let cs = ConstraintSystem::<F>::new_ref();
    C::synthesize(cs.clone(), &public, &witness).expect("synthesis");
    cs.num_constraints()
}

#[test]
fn r1cs_sizes() {
    type F = ark_bn254::Fr;
    // Synthetic size k fills the 2^k domain with its two instance rows.
    for k in [4, 8] {
        assert_eq!(r1cs_constraints::<F, Synthetic>(k), (1 << k) - 2);
    }
    // Merkle grows by one hash and one swap per level.
    let per_level = r1cs_constraints::<F, Merkle>(3) - r1cs_constraints::<F, Merkle>(2);
    assert_eq!(
        r1cs_constraints::<F, Merkle>(4) - r1cs_constraints::<F, Merkle>(3),
        per_level
    );
    let hash2 = {
        let cs = ConstraintSystem::<F>::new_ref();
        let vars = (0..2)
            .map(|i| FpVar::new_witness(cs.clone(), || Ok(F::from(i as u64))))
            .collect::<Result<Vec<_>, _>>()
            .expect("alloc");
        let _ = ark_hash_var(cs.clone(), &vars).expect("gadget");
        cs.num_constraints()
    };
    assert_eq!(
        per_level,
        hash2 + 2,
        "hash, booleanity of the direction bit, one select"
    );
    // Range: 64 booleanity constraints, one sum, one hash, one equality.
    assert_eq!(r1cs_constraints::<F, Range>(1), 64 + 1 + hash2 + 1);
    assert!(r1cs_constraints::<F, Sha256Preimage>(1) > 20_000);
}

/// Valid statements satisfy the halo2 circuit (MockProver), invalid ones do
/// not, and a wrong public input is caught.
fn halo2_agrees_with_native<C: PlonkCircuit>(size: usize) {
    let mut rng = rng("halo2");
    let n = C::statement_size(size);
    let (public, witness) = C::sample(n, &mut rng).expect("sample");
    let circuit = C::circuit(n, Some((&public, &witness)));
    let k = shape(&circuit).expect("shape").k;
    let run = |circuit, public| {
        MockProver::run(k, &circuit, vec![C::public_elements(public)])
            .expect("mock")
            .verify()
            .is_ok()
    };
    assert!(run(circuit.clone(), &public));
    let (other, _) = C::sample(n, &mut rng).expect("sample");
    assert!(!run(circuit, &other));
    let (public, witness) = C::sample_unsatisfiable(n, &mut rng).expect("sample");
    assert!(!run(C::circuit(n, Some((&public, &witness))), &public));
}

#[test]
fn halo2_circuits_agree_with_native_statements() {
    halo2_agrees_with_native::<Merkle>(3);
    halo2_agrees_with_native::<PoseidonPreimage>(1);
    halo2_agrees_with_native::<Range>(2);
    halo2_agrees_with_native::<Synthetic>(6);
}

#[test]
fn halo2_sizes() {
    // Synthetic size k uses every usable row of the 2^k domain.
    for k in [6, 8] {
        let steps = <Synthetic as PlonkCircuit>::statement_size(k);
        let s = shape(&<Synthetic as PlonkCircuit>::circuit(steps, None)).expect("shape");
        assert_eq!(s.k, k as u32);
        assert_eq!(s.rows + reserved_rows::<SyntheticCircuit>(), 1 << k);
    }
    // Merkle rows grow linearly with depth, and depth 27 fits in 2^11 rows.
    let rows = |d| shape(&<Merkle as PlonkCircuit>::circuit(d, None)).expect("shape");
    let per_level = rows(3).rows - rows(2).rows;
    assert_eq!(rows(4).rows - rows(3).rows, per_level);
    assert!(rows(27).k <= 11, "{:?}", rows(27));
}
