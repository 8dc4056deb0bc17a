//! BLS12-381 min-pk: the Wycheproof files in `vectors/wycheproof/` run on
//! both implementations, blst against arkworks byte for byte, and negative tests.

use ark_ff::{BigInteger, PrimeField};
use ledgerbench_harness::conformance::{self, Depth, flip_bit};
use ledgerbench_harness::{Aggregate, BenchRng, Error, SignatureScheme, bench_rng};
use ledgerbench_primitives::bls::{
    ArkMinPk, BlsMinPk, BlstMinPk, DST_BASIC, DST_POP, DST_POP_PROOF, messages_distinct,
};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../vectors/wycheproof");

fn load(name: &str) -> Value {
    let path = format!("{DIR}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("missing string field {key}"))
}

fn unhex(v: &Value, key: &str) -> Vec<u8> {
    hex::decode(s(v, key)).unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("missing array field {key}"))
}

/// What one file did to one implementation.
#[derive(Debug, Default)]
struct Outcome {
    /// Cases run.
    total: usize,
    /// Cases whose verdict matched `result`.
    agreed: usize,
    /// Valid cases accepted.
    accepted_valid: usize,
    /// (tcId, comment) of every case whose verdict differed from `result`.
    unexpected: Vec<(u64, String)>,
}

impl Outcome {
    fn record(&mut self, tc: &Value, accepted: bool) {
        let valid = match s(tc, "result") {
            "valid" => true,
            "invalid" => false,
            other => panic!("result {other} not handled"),
        };
        self.total += 1;
        if accepted == valid {
            self.agreed += 1;
            self.accepted_valid += usize::from(valid);
        } else {
            let id = tc["tcId"].as_u64().unwrap_or(0);
            self.unexpected.push((id, s(tc, "comment").to_owned()));
        }
    }

    fn assert(&self, name: &str, total: usize, valid: usize) {
        assert!(
            self.unexpected.is_empty(),
            "{name}: unexpected verdicts {:?}",
            self.unexpected
        );
        assert_eq!(
            (self.total, self.agreed, self.accepted_valid),
            (total, total, valid),
            "{name}"
        );
    }
}

/// Decode both, then verify under `dst`: the verdict a caller holding bytes gets.
fn accepts<S: BlsMinPk>(pk: &[u8], msg: &[u8], sig: &[u8], dst: &[u8]) -> bool {
    let (Ok(pk), Ok(sig)) = (S::decode_public_key(pk), S::decode_signature(sig)) else {
        return false;
    };
    S::verify_with_dst(&pk, msg, &sig, dst).is_ok()
}

fn run_verify_file<S: BlsMinPk>(file: &str, dst: &[u8]) -> Outcome {
    let json = load(file);
    let mut out = Outcome::default();
    for group in arr(&json, "testGroups") {
        assert_eq!(
            s(group, "ciphersuite").as_bytes(),
            dst,
            "{file}: ciphersuite"
        );
        let pk = unhex(&group["publicKey"], "pk");
        for tc in arr(group, "tests") {
            out.record(
                tc,
                accepts::<S>(&pk, &unhex(tc, "msg"), &unhex(tc, "sig"), dst),
            );
        }
    }
    assert_eq!(
        out.total as u64,
        json["numberOfTests"].as_u64().unwrap_or(0),
        "{file}"
    );
    out
}

/// The Basic scheme's `AggregateVerify` (the file's ciphersuite is `_NUL_`):
/// distinct messages, every key decodes, then `CoreAggregateVerify`.
fn run_aggregate_file<S: BlsMinPk>() -> Outcome {
    let file = "bls_sig_g2_aggregate_verify_test.json";
    let json = load(file);
    let mut out = Outcome::default();
    for group in arr(&json, "testGroups") {
        assert_eq!(
            s(group, "ciphersuite").as_bytes(),
            DST_BASIC,
            "{file}: ciphersuite"
        );
        for tc in arr(group, "tests") {
            let pks: Vec<Vec<u8>> = arr(tc, "pubkeys")
                .iter()
                .map(|v| hex::decode(v.as_str().unwrap_or("?")).unwrap_or_default())
                .collect();
            let msgs: Vec<Vec<u8>> = arr(tc, "messages")
                .iter()
                .map(|v| hex::decode(v.as_str().unwrap_or("?")).unwrap_or_default())
                .collect();
            let msgs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
            let verdict = (|| {
                let pks = pks
                    .iter()
                    .map(|pk| S::decode_public_key(pk))
                    .collect::<Result<Vec<_>, _>>()
                    .ok()?;
                let sig = S::decode_signature(&unhex(tc, "sig")).ok()?;
                let pks: Vec<&S::PublicKey> = pks.iter().collect();
                Some(
                    messages_distinct(&msgs)
                        && S::verify_aggregate_with_dst(&pks, &msgs, &sig, DST_BASIC).is_ok(),
                )
            })();
            out.record(tc, verdict == Some(true));
        }
    }
    assert_eq!(
        out.total as u64,
        json["numberOfTests"].as_u64().unwrap_or(0),
        "{file}"
    );
    out
}

fn run_hash_file<S: BlsMinPk>() -> Outcome {
    let json = load("bls_hash_to_g2_test.json");
    let mut out = Outcome::default();
    for group in arr(&json, "testGroups") {
        let dst = s(group, "dst").as_bytes();
        for tc in arr(group, "tests") {
            let got = S::hash_to_g2(&unhex(tc, "msg"), dst).expect("hash to G2");
            out.record(tc, got.as_slice() == unhex(tc, "expected"));
        }
    }
    out
}

#[test]
fn wycheproof_basic_verify_blst() {
    run_verify_file::<BlstMinPk>("bls_sig_g2_basic_verify_test.json", DST_BASIC).assert(
        "basic/blst",
        88,
        29,
    );
}

#[test]
fn wycheproof_basic_verify_arkworks() {
    run_verify_file::<ArkMinPk>("bls_sig_g2_basic_verify_test.json", DST_BASIC).assert(
        "basic/arkworks",
        88,
        29,
    );
}

#[test]
fn wycheproof_pop_verify_blst() {
    run_verify_file::<BlstMinPk>("bls_sig_g2_pop_verify_test.json", DST_POP)
        .assert("pop/blst", 26, 13);
}

#[test]
fn wycheproof_pop_verify_arkworks() {
    run_verify_file::<ArkMinPk>("bls_sig_g2_pop_verify_test.json", DST_POP).assert(
        "pop/arkworks",
        26,
        13,
    );
}

/// The PoP file's DST is the one `SignatureScheme::verify` uses: run it through
/// the harness trait too.
#[test]
fn wycheproof_pop_verify_through_trait() {
    fn run<S: BlsMinPk>() {
        let json = load("bls_sig_g2_pop_verify_test.json");
        let mut out = Outcome::default();
        for group in arr(&json, "testGroups") {
            let pk =
                S::decode_public_key(&unhex(&group["publicKey"], "pk")).expect("group key decodes");
            for tc in arr(group, "tests") {
                let ok = S::decode_signature(&unhex(tc, "sig"))
                    .is_ok_and(|sig| S::verify(&pk, &unhex(tc, "msg"), &sig).is_ok());
                out.record(tc, ok);
            }
        }
        out.assert(&S::INFO.id(), 26, 13);
    }
    run::<BlstMinPk>();
    run::<ArkMinPk>();
}

#[test]
fn wycheproof_aggregate_verify_blst() {
    run_aggregate_file::<BlstMinPk>().assert("aggregate/blst", 19, 6);
}

#[test]
fn wycheproof_aggregate_verify_arkworks() {
    run_aggregate_file::<ArkMinPk>().assert("aggregate/arkworks", 19, 6);
}

#[test]
fn wycheproof_hash_to_g2_blst() {
    run_hash_file::<BlstMinPk>().assert("hash_to_g2/blst", 34, 34);
}

#[test]
fn wycheproof_hash_to_g2_arkworks() {
    run_hash_file::<ArkMinPk>().assert("hash_to_g2/arkworks", 34, 34);
}

// ---------------------------------------------------------------- differential

fn rng(label: &str) -> BenchRng {
    bench_rng(2024, label)
}

fn random_messages(rng: &mut BenchRng) -> Vec<Vec<u8>> {
    let mut msgs = vec![Vec::new(), b"abc".to_vec(), vec![0xff; 1000]];
    for len in [1, 32, 64, 255, 4096] {
        msgs.push(ledgerbench_harness::rng::random_bytes(rng, len));
    }
    msgs
}

#[test]
fn keygen_from_ikm_agrees() {
    let mut rng = rng("ikm");
    for len in [32, 33, 64, 100] {
        let ikm = ledgerbench_harness::rng::random_bytes(&mut rng, len);
        let a = BlstMinPk::secret_key_from_ikm(&ikm).expect("blst keygen");
        let b = ArkMinPk::secret_key_from_ikm(&ikm).expect("arkworks keygen");
        assert_eq!(
            BlstMinPk::encode_secret_key(&a),
            ArkMinPk::encode_secret_key(&b),
            "ikm len {len}"
        );
    }
    assert!(BlstMinPk::secret_key_from_ikm(&[7; 31]).is_err());
    assert!(ArkMinPk::secret_key_from_ikm(&[7; 31]).is_err());
    // The harness keygen draws the same IKM in both, so one seed gives one key.
    let (_, pk_a) = BlstMinPk::keygen(&mut bench_rng(5, "k")).expect("keygen");
    let (_, pk_b) = ArkMinPk::keygen(&mut bench_rng(5, "k")).expect("keygen");
    assert_eq!(
        BlstMinPk::encode_public_key(&pk_a),
        ArkMinPk::encode_public_key(&pk_b)
    );
}

#[test]
fn same_secret_key_gives_identical_bytes() {
    let mut rng = rng("same-sk");
    for _ in 0..4 {
        let (sk_a, pk_a) = BlstMinPk::keygen(&mut rng).expect("keygen");
        let sk_bytes = BlstMinPk::encode_secret_key(&sk_a);
        assert_eq!(sk_bytes.len(), 32);
        let sk_b = ArkMinPk::secret_key_from_bytes(&sk_bytes).expect("same scalar");
        assert_eq!(ArkMinPk::encode_secret_key(&sk_b), sk_bytes);
        let pk_b = ArkMinPk::public_key(&sk_b);
        let pk_bytes = BlstMinPk::encode_public_key(&pk_a);
        assert_eq!(pk_bytes, ArkMinPk::encode_public_key(&pk_b));
        assert_eq!(pk_bytes.len(), 48);

        for msg in random_messages(&mut rng) {
            let sig_a = BlstMinPk::sign(&sk_a, &msg, &mut rng).expect("sign");
            let sig_b = ArkMinPk::sign(&sk_b, &msg, &mut rng).expect("sign");
            let bytes = BlstMinPk::encode_signature(&sig_a);
            assert_eq!(
                bytes,
                ArkMinPk::encode_signature(&sig_b),
                "msg len {}",
                msg.len()
            );
            assert_eq!(bytes.len(), 96);
            // Each verifies the other's bytes.
            assert!(accepts::<ArkMinPk>(&pk_bytes, &msg, &bytes, DST_POP));
            assert!(accepts::<BlstMinPk>(&pk_bytes, &msg, &bytes, DST_POP));
        }
        let pop_a = BlstMinPk::prove_possession(&sk_a, &pk_a).expect("pop");
        let pop_b = ArkMinPk::prove_possession(&sk_b, &pk_b).expect("pop");
        assert_eq!(
            BlstMinPk::encode_signature(&pop_a),
            ArkMinPk::encode_signature(&pop_b)
        );
        ArkMinPk::verify_possession(&pk_b, &pop_b).expect("pop verifies");
        BlstMinPk::verify_possession(&pk_a, &pop_a).expect("pop verifies");
    }
}

#[test]
fn hash_to_g2_agrees_on_any_dst() {
    let mut rng = rng("h2c");
    let long_dst = vec![b'D'; 300]; // longer than 255: the draft hashes it first
    for dst in [
        DST_POP,
        DST_BASIC,
        DST_POP_PROOF,
        b"x".as_slice(),
        long_dst.as_slice(),
    ] {
        for msg in random_messages(&mut rng) {
            assert_eq!(
                BlstMinPk::hash_to_g2(&msg, dst).expect("blst"),
                ArkMinPk::hash_to_g2(&msg, dst).expect("arkworks"),
                "dst len {}, msg len {}",
                dst.len(),
                msg.len()
            );
        }
    }
}

/// Signs `n` distinct messages with `n` keys in both implementations.
struct Signers {
    pks: Vec<Vec<u8>>,
    msgs: Vec<Vec<u8>>,
    sigs_blst: Vec<<BlstMinPk as SignatureScheme>::Signature>,
    sigs_ark: Vec<<ArkMinPk as SignatureScheme>::Signature>,
}

fn signers(n: usize) -> Signers {
    let mut rng = rng("signers");
    let mut out = Signers {
        pks: vec![],
        msgs: vec![],
        sigs_blst: vec![],
        sigs_ark: vec![],
    };
    for i in 0..n {
        let (sk, pk) = BlstMinPk::keygen(&mut rng).expect("keygen");
        let ark_sk =
            ArkMinPk::secret_key_from_bytes(&BlstMinPk::encode_secret_key(&sk)).expect("sk");
        let msg = format!("transfer #{i}").into_bytes();
        out.sigs_blst
            .push(BlstMinPk::sign(&sk, &msg, &mut rng).expect("sign"));
        out.sigs_ark
            .push(ArkMinPk::sign(&ark_sk, &msg, &mut rng).expect("sign"));
        out.pks.push(BlstMinPk::encode_public_key(&pk));
        out.msgs.push(msg);
    }
    out
}

/// Aggregates in `S`, returning (aggregate signature bytes, aggregate key bytes).
fn aggregate_in<S: BlsMinPk>(pks: &[Vec<u8>], sigs: &[&S::Signature]) -> (Vec<u8>, Vec<u8>) {
    let sig = S::aggregate_signatures(sigs).expect("aggregate signatures");
    let pks: Vec<S::PublicKey> = pks
        .iter()
        .map(|b| S::decode_public_key(b).expect("pk"))
        .collect();
    let pk = S::aggregate_public_keys(&pks.iter().collect::<Vec<_>>()).expect("aggregate keys");
    (S::encode_signature(&sig), S::encode_public_key(&pk))
}

/// Verifies an aggregate given as bytes in `S`.
fn verify_aggregate_bytes<S: BlsMinPk>(
    pks: &[Vec<u8>],
    msgs: &[&[u8]],
    sig: &[u8],
) -> Result<(), Error> {
    let pks: Vec<S::PublicKey> = pks
        .iter()
        .map(|b| S::decode_public_key(b))
        .collect::<Result<_, _>>()?;
    let sig = S::decode_signature(sig)?;
    S::verify_aggregate(&pks.iter().collect::<Vec<_>>(), msgs, &sig)
}

#[test]
fn aggregates_interoperate() {
    let n = 5;
    let sg = signers(n);
    let msgs: Vec<&[u8]> = sg.msgs.iter().map(Vec::as_slice).collect();
    let (sig_a, apk_a) =
        aggregate_in::<BlstMinPk>(&sg.pks, &sg.sigs_blst.iter().collect::<Vec<_>>());
    let (sig_b, apk_b) = aggregate_in::<ArkMinPk>(&sg.pks, &sg.sigs_ark.iter().collect::<Vec<_>>());
    assert_eq!(sig_a, sig_b, "aggregate signatures differ");
    assert_eq!(apk_a, apk_b, "aggregate public keys differ");
    verify_aggregate_bytes::<BlstMinPk>(&sg.pks, &msgs, &sig_b)
        .expect("blst verifies arkworks' aggregate");
    verify_aggregate_bytes::<ArkMinPk>(&sg.pks, &msgs, &sig_a)
        .expect("arkworks verifies blst's aggregate");

    // Same-message aggregation (FastAggregateVerify with PoP-checked keys):
    // everyone signs one block hash; the aggregate key verifies the aggregate.
    let mut rng = rng("fast");
    let block = b"block 0x1234";
    fn fast<S: BlsMinPk>(rng: &mut BenchRng, block: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let keys: Vec<_> = (0..4).map(|_| S::keygen(rng).expect("keygen")).collect();
        for (sk, pk) in &keys {
            S::verify_possession(pk, &S::prove_possession(sk, pk).expect("pop")).expect("pop ok");
        }
        let sigs: Vec<_> = keys
            .iter()
            .map(|(sk, _)| S::sign(sk, block, rng).expect("sign"))
            .collect();
        let sig = S::aggregate_signatures(&sigs.iter().collect::<Vec<_>>()).expect("agg");
        let apk = S::aggregate_public_keys(&keys.iter().map(|(_, pk)| pk).collect::<Vec<_>>())
            .expect("agg");
        S::verify(&apk, block, &sig).expect("fast aggregate verify");
        assert!(S::verify(&apk, b"block 0x1235", &sig).is_err());
        (S::encode_signature(&sig), S::encode_public_key(&apk))
    }
    let mut rng2 = rng.clone();
    assert_eq!(
        fast::<BlstMinPk>(&mut rng, block),
        fast::<ArkMinPk>(&mut rng2, block)
    );
}

// ------------------------------------------------------------------- negative

fn negative_suite<S: BlsMinPk>() {
    let id = S::INFO.id();
    let mut rng = rng("negative");
    let (sk, pk) = S::keygen(&mut rng).expect("keygen");
    let (sk2, pk2) = S::keygen(&mut rng).expect("keygen");
    let msg = b"pay 10 to alice".as_slice();
    let sig = S::sign(&sk, msg, &mut rng).expect("sign");
    S::verify(&pk, msg, &sig).expect("honest signature verifies");
    let pk_bytes = S::encode_public_key(&pk);
    let sig_bytes = S::encode_signature(&sig);

    // Tampered message, wrong key, wrong DST.
    assert!(
        matches!(
            S::verify(&pk, b"pay 10 to alicf", &sig),
            Err(Error::Verification)
        ),
        "{id}"
    );
    assert!(S::verify(&pk, b"", &sig).is_err(), "{id}");
    assert!(S::verify(&pk2, msg, &sig).is_err(), "{id}");
    assert!(
        S::verify_with_dst(&pk, msg, &sig, DST_BASIC).is_err(),
        "{id}"
    );
    assert!(
        S::verify_with_dst(&pk, msg, &sig, DST_POP_PROOF).is_err(),
        "{id}"
    );

    // Every single-bit flip of the signature or key is rejected (at decode or
    // at verify), and decoding never panics.
    for byte in 0..sig_bytes.len() {
        for bit in [0, 5, 7] {
            assert!(
                !accepts::<S>(&pk_bytes, msg, &flip_bit(&sig_bytes, byte, bit), DST_POP),
                "{id} sig {byte}/{bit}"
            );
        }
    }
    for byte in 0..pk_bytes.len() {
        for bit in [0, 5, 7] {
            assert!(
                !accepts::<S>(&flip_bit(&pk_bytes, byte, bit), msg, &sig_bytes, DST_POP),
                "{id} pk {byte}/{bit}"
            );
        }
    }
    // Wrong lengths.
    for len in [0, 1, 47, 49, 95, 97, 192] {
        let bytes = vec![0x80; len];
        assert!(
            matches!(S::decode_public_key(&bytes), Err(Error::Decode { .. })),
            "{id} pk len {len}"
        );
        assert!(
            matches!(S::decode_signature(&bytes), Err(Error::Decode { .. })),
            "{id} sig len {len}"
        );
    }
    assert!(
        S::decode_signature(&[sig_bytes.as_slice(), &[0]].concat()).is_err(),
        "{id}"
    );
    // Random garbage decodes to an error, not a panic.
    for _ in 0..200 {
        let junk = ledgerbench_harness::rng::random_bytes(&mut rng, 96);
        let _ = S::decode_public_key(&junk[..48]);
        let _ = S::decode_signature(&junk);
    }

    // Identity encodings are rejected on decode.
    let mut inf_pk = [0u8; 48];
    inf_pk[0] = 0xc0;
    let mut inf_sig = [0u8; 96];
    inf_sig[0] = 0xc0;
    assert!(
        matches!(S::decode_public_key(&inf_pk), Err(Error::Decode { .. })),
        "{id} identity pk"
    );
    assert!(
        matches!(S::decode_signature(&inf_sig), Err(Error::Decode { .. })),
        "{id} identity sig"
    );

    // An aggregate key that is the identity (pk + (-pk)) with the identity as
    // aggregate signature would verify any message without KeyValidate.
    let neg = ark_bls12_381::Fr::from_be_bytes_mod_order(&S::encode_secret_key(&sk));
    let neg_sk = S::secret_key_from_bytes(&(-neg).into_bigint().to_bytes_be()).expect("-sk");
    let neg_pk = S::public_key(&neg_sk);
    let neg_sig = S::sign(&neg_sk, msg, &mut rng).expect("sign");
    let zero_pk = S::aggregate_public_keys(&[&pk, &neg_pk]).expect("aggregate");
    let zero_sig = S::aggregate_signatures(&[&sig, &neg_sig]).expect("aggregate");
    assert_eq!(S::encode_public_key(&zero_pk), inf_pk.to_vec(), "{id}");
    assert_eq!(S::encode_signature(&zero_sig), inf_sig.to_vec(), "{id}");
    assert!(
        S::verify(&zero_pk, b"anything", &zero_sig).is_err(),
        "{id} identity aggregate key accepted"
    );
    assert!(
        S::verify_aggregate(&[&zero_pk], &[b"anything"], &zero_sig).is_err(),
        "{id}"
    );

    // Secret keys: 0 and r are not scalars; r - 1 is.
    let r_minus_1 = (-ark_bls12_381::Fr::from(1u64)).into_bigint().to_bytes_be();
    assert!(S::secret_key_from_bytes(&r_minus_1).is_ok(), "{id}");
    let mut r = r_minus_1.clone();
    r[31] += 1;
    assert!(S::secret_key_from_bytes(&r).is_err(), "{id} r accepted");
    assert!(
        S::secret_key_from_bytes(&[0; 32]).is_err(),
        "{id} zero accepted"
    );
    assert!(
        S::secret_key_from_bytes(&[1; 31]).is_err(),
        "{id} short accepted"
    );

    // Aggregates: a swapped or replaced message, a missing key, a count mismatch, none.
    let msgs: Vec<Vec<u8>> = (0..3).map(|i| format!("tx {i}").into_bytes()).collect();
    let keys: Vec<_> = (0..3)
        .map(|_| S::keygen(&mut rng).expect("keygen"))
        .collect();
    let sigs: Vec<_> = keys
        .iter()
        .zip(&msgs)
        .map(|((sk, _), m)| S::sign(sk, m, &mut rng).expect("sign"))
        .collect();
    let agg = S::aggregate_signatures(&sigs.iter().collect::<Vec<_>>()).expect("aggregate");
    let pks: Vec<_> = keys.iter().map(|(_, pk)| pk).collect();
    let m: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
    S::verify_aggregate(&pks, &m, &agg).expect("honest aggregate verifies");
    assert!(
        S::verify_aggregate(&pks, &[m[1], m[0], m[2]], &agg).is_err(),
        "{id} swapped"
    );
    assert!(
        S::verify_aggregate(&pks, &[m[0], b"tx 9", m[2]], &agg).is_err(),
        "{id} replaced"
    );
    assert!(
        S::verify_aggregate(&pks[..2], &m[..2], &agg).is_err(),
        "{id} missing signer"
    );
    assert!(
        S::verify_aggregate(&pks, &m[..2], &agg).is_err(),
        "{id} count mismatch"
    );
    assert!(S::verify_aggregate(&[], &[], &agg).is_err(), "{id} empty");
    assert!(S::aggregate_signatures(&[]).is_err(), "{id}");
    assert!(S::aggregate_public_keys(&[]).is_err(), "{id}");
    // PoP allows repeated messages (CoreAggregateVerify); the Basic-scheme
    // check is the caller's.
    let same: Vec<_> = keys
        .iter()
        .map(|(sk, _)| S::sign(sk, b"same", &mut rng).expect("sign"))
        .collect();
    let agg_same = S::aggregate_signatures(&same.iter().collect::<Vec<_>>()).expect("aggregate");
    let same_msgs: [&[u8]; 3] = [b"same", b"same", b"same"];
    S::verify_aggregate(&pks, &same_msgs, &agg_same).expect("repeated messages verify under PoP");
    assert!(!messages_distinct(&same_msgs));

    // Proofs of possession: for the wrong key, a signature posing as a proof,
    // a proof posing as a signature.
    let pop = S::prove_possession(&sk, &pk).expect("pop");
    S::verify_possession(&pk, &pop).expect("honest pop");
    assert!(
        S::verify_possession(&pk2, &pop).is_err(),
        "{id} pop for the wrong key"
    );
    let pop_wrong = S::prove_possession(&sk2, &pk).expect("pop");
    assert!(
        S::verify_possession(&pk, &pop_wrong).is_err(),
        "{id} pop by another secret"
    );
    let sig_on_pk = S::sign(&sk, &pk_bytes, &mut rng).expect("sign");
    assert!(
        S::verify_possession(&pk, &sig_on_pk).is_err(),
        "{id} signature as pop"
    );
    assert!(
        S::verify(&pk, &pk_bytes, &pop).is_err(),
        "{id} pop as signature"
    );
}

#[test]
fn negative_blst() {
    negative_suite::<BlstMinPk>();
    exhaustive::<BlstMinPk>();
}

#[test]
fn negative_arkworks() {
    negative_suite::<ArkMinPk>();
    exhaustive::<ArkMinPk>();
}

/// The harness's conformance kit at its deepest, with the aggregation checks.
fn exhaustive<S: BlsMinPk>() {
    let mut report = conformance::signature::<S>(7, Depth::Exhaustive);
    report.extend(conformance::aggregate::<S>(7));
    assert!(report.passed(), "{}: {}", S::INFO.id(), report.describe());
}

#[test]
fn info_is_complete() {
    for info in [BlstMinPk::INFO, ArkMinPk::INFO] {
        assert_eq!(info.name, "bls12-381-minpk");
        assert_eq!(info.size("pk"), Some(ledgerbench_harness::Size::Exact(48)));
        assert_eq!(info.size("sk"), Some(ledgerbench_harness::Size::Exact(32)));
        assert_eq!(info.size("sig"), Some(ledgerbench_harness::Size::Exact(96)));
        assert!(info.deterministic);
    }
    assert_eq!(BlstMinPk::INFO.id(), "bls12-381-minpk/blst");
    assert_eq!(ArkMinPk::INFO.id(), "bls12-381-minpk/arkworks");
}

/// The harness's correctness gate (sign/verify, tampering, aggregation, PoP)
/// passes for both implementations.
#[test]
fn harness_gate_passes() {
    use ledgerbench_harness::dynamic::SigEntry;
    for entry in [
        SigEntry::<BlstMinPk>::new().with_aggregate().into_entry(),
        SigEntry::<ArkMinPk>::new().with_aggregate().into_entry(),
    ] {
        let report = entry.gate(1);
        assert!(
            report.checks.len() > 2,
            "{}: gate ran no checks",
            entry.id()
        );
        assert!(report.passed(), "{}: {}", entry.id(), report.describe());
    }
}
