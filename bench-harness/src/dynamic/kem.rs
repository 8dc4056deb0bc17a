//! Runtime entry for key encapsulation mechanisms.

use std::hint::black_box;
use std::marker::PhantomData;

use super::kit::{KemKit, Recipient};
use super::{Entry, Op, Params, Prepared};
use crate::gate::{flip_bit, size_matches, tamper_positions};
use crate::{BenchRng, DynScheme, Error, GateReport, Kem, Result, SchemeInfo, bench_rng};

/// The runtime entry of a [`Kem`].
pub struct KemEntry<K: Kem>(PhantomData<K>);

impl<K: Kem> KemEntry<K> {
    /// The entry, in the `'static` form the registry holds.
    pub fn entry() -> Entry {
        Box::leak(Box::new(KemEntry::<K>(PhantomData)))
    }
}

impl<K: Kem> DynScheme for KemEntry<K> {
    fn info(&self) -> &'static SchemeInfo {
        &K::INFO
    }

    fn ops(&self) -> Vec<Op> {
        vec![Op::Keygen, Op::Encaps, Op::Decaps]
    }

    fn kem_kit(&self) -> Option<&dyn KemKit> {
        Some(self)
    }

    fn gate(&self, seed: u64) -> GateReport {
        let mut rng = bench_rng(seed, &format!("gate/{}", K::INFO.id()));
        let mut report = GateReport::default();
        gate_kem::<K>(&mut rng, &mut report);
        report
    }

    fn prepare(&self, op: Op, _params: &Params, seed: u64) -> Result<Box<dyn Prepared>> {
        if !self.ops().contains(&op) {
            return Err(Error::Unsupported(op.to_string()));
        }
        let mut rng = bench_rng(seed, &format!("{}/{op}", K::INFO.id()));
        let (dk, ek) = K::keygen(&mut rng)?;
        let (ct, ss) = K::encaps(&ek, &mut rng)?;
        let ss_len = ss.as_ref().len();
        Ok(Box::new(KemPrepared::<K> {
            op,
            dk,
            ek,
            ct,
            ss_len,
            rng,
        }))
    }
}

struct KemPrepared<K: Kem> {
    op: Op,
    dk: K::DecapsKey,
    ek: K::EncapsKey,
    ct: K::Ciphertext,
    ss_len: usize,
    rng: BenchRng,
}

impl<K: Kem> Prepared for KemPrepared<K> {
    fn run(&mut self, iters: u64) -> Result<()> {
        match self.op {
            Op::Keygen => {
                for _ in 0..iters {
                    black_box(K::keygen(&mut self.rng)?);
                }
            }
            Op::Encaps => {
                for _ in 0..iters {
                    black_box(K::encaps(black_box(&self.ek), &mut self.rng)?);
                }
            }
            Op::Decaps => {
                for _ in 0..iters {
                    black_box(K::decaps(black_box(&self.dk), black_box(&self.ct))?);
                }
            }
            other => return Err(Error::Unsupported(other.to_string())),
        }
        Ok(())
    }

    fn sizes(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("ek", K::encode_encaps_key(&self.ek).len()),
            ("dk", K::encode_decaps_key(&self.dk).len()),
            ("ct", K::encode_ciphertext(&self.ct).len()),
            ("ss", self.ss_len),
        ]
    }
}

/// Shared secrets agree, encodings round-trip, and tampered ciphertexts or keys
/// never yield the honest secret.
fn gate_kem<K: Kem>(rng: &mut BenchRng, report: &mut GateReport) {
    let keys = K::keygen(rng);
    report.expect_ok("keygen", &keys);
    let Ok((dk, ek)) = keys else { return };
    let enc = K::encaps(&ek, rng);
    report.expect_ok("encaps", &enc);
    let Ok((ct, ss)) = enc else { return };
    let honest = ss.as_ref().to_vec();
    let dec = K::decaps(&dk, &ct);
    report.expect(
        "decapsulated secret equals encapsulated secret",
        dec.as_ref().is_ok_and(|s| s.as_ref() == honest.as_slice()),
        "secrets differ or decaps failed",
    );

    let ek_bytes = K::encode_encaps_key(&ek);
    let ct_bytes = K::encode_ciphertext(&ct);
    let info = &K::INFO;
    let observed = [
        ("ek", ek_bytes.len()),
        ("dk", K::encode_decaps_key(&dk).len()),
        ("ct", ct_bytes.len()),
        ("ss", honest.len()),
    ];
    for (object, len) in observed {
        report.expect(
            format!("{object} size matches INFO"),
            size_matches(info.size(object), len),
            format!("observed {len} bytes, INFO says {:?}", info.size(object)),
        );
    }
    let roundtrip = K::decode_ciphertext(&ct_bytes).and_then(|c| K::decaps(&dk, &c));
    report.expect(
        "decoded ciphertext decapsulates",
        roundtrip.is_ok_and(|s| s.as_ref() == honest.as_slice()),
        "decoded ciphertext gave another secret",
    );
    let via_decoded_key = K::decode_encaps_key(&ek_bytes).and_then(|ek2| K::encaps(&ek2, rng));
    report.expect(
        "decoded encapsulation key works",
        via_decoded_key
            .is_ok_and(|(c, s)| K::decaps(&dk, &c).is_ok_and(|d| d.as_ref() == s.as_ref())),
        "secrets differ",
    );
    let second = K::encaps(&ek, rng);
    report.expect(
        "encapsulation is randomised",
        second.is_ok_and(|(c, _)| K::encode_ciphertext(&c) != ct_bytes),
        "two encapsulations gave the same ciphertext",
    );
    for (where_, i) in tamper_positions(ct_bytes.len()) {
        let bad = flip_bit(&ct_bytes, i, 0);
        let verdict = K::decode_ciphertext(&bad).and_then(|c| K::decaps(&dk, &c));
        report.expect(
            format!("ciphertext with {where_} byte flipped does not give the secret"),
            !verdict.is_ok_and(|s| s.as_ref() == honest.as_slice()),
            "tampered ciphertext decapsulated to the honest secret",
        );
    }
    let other = K::keygen(rng).and_then(|(other_dk, _)| K::decaps(&other_dk, &ct));
    report.expect(
        "another key does not give the secret",
        !other.is_ok_and(|s| s.as_ref() == honest.as_slice()),
        "another key decapsulated to the honest secret",
    );
}

struct TypedRecipient<K: Kem> {
    dk: K::DecapsKey,
    ek: Vec<u8>,
}

impl<K: Kem> Recipient for TypedRecipient<K> {
    fn encaps_key(&self) -> &[u8] {
        &self.ek
    }

    fn decaps(&self, ct: &[u8]) -> Result<Vec<u8>> {
        K::decaps(&self.dk, &K::decode_ciphertext(ct)?).map(|ss| ss.as_ref().to_vec())
    }
}

impl<K: Kem> KemKit for KemEntry<K> {
    fn new_recipient(&self, rng: &mut BenchRng) -> Result<Box<dyn Recipient>> {
        let (dk, ek) = K::keygen(rng)?;
        Ok(Box::new(TypedRecipient::<K> {
            ek: K::encode_encaps_key(&ek),
            dk,
        }))
    }

    fn encaps_encoded(&self, ek: &[u8], rng: &mut BenchRng) -> Result<(Vec<u8>, Vec<u8>)> {
        let (ct, ss) = K::encaps(&K::decode_encaps_key(ek)?, rng)?;
        Ok((K::encode_ciphertext(&ct), ss.as_ref().to_vec()))
    }
}
