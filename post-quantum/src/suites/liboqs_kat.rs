//! liboqs' own known-answer tests, run through the registered liboqs
//! schemes: the NIST KAT response file is generated the way liboqs'
//! `kat_sig`/`kat_kem` programs print it (NIST AES-256 CTR-DRBG seeded with
//! the bytes 00..2F; per count a 48-byte seed, for signatures a message of
//! 33·(count+1) bytes, then key generation, encapsulation or signing under
//! the DRBG reseeded with that seed) and its SHA-256 compared with the `all`
//! entry of liboqs' `tests/KATs/{sig,kem}/kats.json`. The expected answer is
//! liboqs' published hash, so any byte of any key, ciphertext, shared secret
//! or signature that differs fails the suite (which count differs the hash
//! cannot say).
//!
//! Only liboqs schemes can run it: the DRBG is what liboqs' `randombytes`
//! returns while a [`KatRng`] is held. PQClean's schemes draw the operating
//! system's randomness inside `pqcrypto-internals`, which cannot be seeded,
//! so their Falcon and HQC KATs are not applicable.

use std::fmt::Write;

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
use ledgerbench_core::{Error, Kem, Result, SignatureScheme, bench_rng};
use sha2::{Digest, Sha256};

use super::bad_data;
use crate::liboqs::KatRng;

/// Where the expected hashes come from.
pub const SOURCE: &str = "open-quantum-safe/liboqs tests/KATs";
/// The liboqs release whose `kats.json` files are embedded (the one oqs-sys vendors).
pub const COMMIT: &str = "0.13.0";

const SIG_KATS: &str = include_str!("../../../vectors/liboqs/sig/kats.json");
const KEM_KATS: &str = include_str!("../../../vectors/liboqs/kem/kats.json");

/// How liboqs' KAT program lays a detached signature and its message out as
/// NIST's signed message `sm` (its `combine_message_signature`).
#[derive(Clone, Copy, Debug)]
pub enum SignedMessage {
    /// `signature || message` (ML-DSA, MAYO).
    SignatureThenMessage,
    /// `message || signature` (CROSS, UOV).
    MessageThenSignature,
    /// Falcon's: signature length − 40 (2 bytes, big-endian) || nonce
    /// (40 bytes) || message || `header` || compressed signature.
    Falcon {
        /// The header byte (0x29 for Falcon-512, 0x2A for Falcon-1024).
        header: u8,
    },
}

impl SignedMessage {
    fn combine(self, msg: &[u8], sig: &[u8]) -> Result<Vec<u8>> {
        Ok(match self {
            SignedMessage::SignatureThenMessage => [sig, msg].concat(),
            SignedMessage::MessageThenSignature => [msg, sig].concat(),
            SignedMessage::Falcon { header } => {
                if sig.len() < 41 {
                    return Err(Error::op("kat", "Falcon signature shorter than its nonce"));
                }
                let len = u16::try_from(sig.len() - 40)
                    .map_err(|_| Error::op("kat", "Falcon signature too long"))?;
                let mut sm = Vec::with_capacity(sig.len() + msg.len() + 2);
                sm.extend_from_slice(&len.to_be_bytes());
                sm.extend_from_slice(&sig[1..41]);
                sm.extend_from_slice(msg);
                sm.push(header);
                sm.extend_from_slice(&sig[41..]);
                sm
            }
        })
    }
}

/// The KAT of liboqs algorithm `alg` (its `kats.json` name, e.g.
/// `Falcon-512`), run through the signature scheme `S` built on it.
pub fn signature<S: SignatureScheme>(alg: &'static str, layout: SignedMessage) -> VectorSuite<S> {
    VectorSuite::new("liboqs kat_sig", move || {
        run(SIG_KATS, alg, |rng, count, out| {
            sig_count::<S>(rng, count, layout, out)
        })
    })
}

/// The KAT of liboqs algorithm `alg` (e.g. `FrodoKEM-640-AES`), run through
/// the KEM `K` built on it.
pub fn kem<K: Kem>(alg: &'static str) -> VectorSuite<K> {
    VectorSuite::new("liboqs kat_kem", move || {
        run(KEM_KATS, alg, |rng, _, out| kem_count::<K>(rng, out))
    })
}

/// The NIST KAT of a PQClean scheme (through `pqcrypto`), recorded as not
/// applicable: PQClean's `randombytes` is the operating system's, inside
/// `pqcrypto-internals`, and cannot be seeded with the KAT DRBG.
pub fn unseedable<T: ?Sized>(alg: &'static str) -> VectorSuite<T> {
    VectorSuite::new("nist kat", move || {
        let mut report = SuiteReport::new(format!("NIST KAT {alg}"), SOURCE, COMMIT);
        report.not_applicable(
            0,
            "not offered by the API: PQClean draws the operating system's randomness \
             (pqcrypto-internals), which the NIST KAT DRBG cannot replace",
        );
        Ok(report)
    })
}

/// Counts in liboqs' `--all` response files (`test_helpers.c`: 10 for the
/// slow Classic McEliece key generation, 100 otherwise).
fn counts(alg: &str) -> usize {
    if alg.starts_with("Classic-McEliece") {
        10
    } else {
        100
    }
}

fn run(
    kats: &str,
    alg: &str,
    one_count: impl Fn(&KatRng, usize, &mut String) -> Result<()>,
) -> Result<SuiteReport> {
    let file = "liboqs kats.json";
    let all: serde_json::Value = serde_json::from_str(kats).map_err(|e| bad_data(file, e))?;
    let expected = all
        .get(alg)
        .and_then(|k| k.get("all"))
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| bad_data(file, format!("no `all` hash for {alg}")))?;
    let n = counts(alg);
    let mut report = SuiteReport::new(format!("liboqs KAT {alg}"), SOURCE, COMMIT).with_reason(
        format!("{n} NIST DRBG counts, compared as the SHA-256 of the response file"),
    );
    let entropy: [u8; 48] = std::array::from_fn(|i| i as u8);
    let mut out = String::new();
    let produced = {
        let rng = KatRng::acquire(&entropy);
        (0..n).try_for_each(|count| {
            if count > 0 {
                out.push('\n');
            }
            writeln!(out, "count = {count}").expect("write to String");
            one_count(&rng, count, &mut out)
        })
    };
    let outcome = match produced {
        Ok(()) if hex::encode(Sha256::digest(out.as_bytes())) == expected => Outcome::Pass,
        Ok(()) => Outcome::Fail,
        Err(e) => {
            report.add_reason(&format!("failed: {e}"));
            Outcome::Fail
        }
    };
    report.record(0, outcome);
    Ok(report)
}

/// `label = HEX` as liboqs' `OQS_fprintBstr` prints it (`00` when empty).
fn hex_line(out: &mut String, label: &str, bytes: &[u8]) {
    let hex = if bytes.is_empty() {
        "00".to_string()
    } else {
        hex::encode_upper(bytes)
    };
    writeln!(out, "{label} = {hex}").expect("write to String");
}

/// The count's 48-byte seed, drawn from the outer DRBG stream and printed.
fn count_seed(rng: &KatRng, out: &mut String) -> [u8; 48] {
    let seed: [u8; 48] = rng.bytes(48).try_into().expect("48 bytes asked");
    hex_line(out, "seed", &seed);
    seed
}

/// Runs `body` under the DRBG reseeded with `seed`, then returns to the
/// outer stream.
fn under_seed<R>(rng: &KatRng, seed: &[u8; 48], body: impl FnOnce() -> R) -> R {
    let outer = rng.state();
    rng.seed(seed);
    let result = body();
    rng.restore(&outer);
    result
}

fn sig_count<S: SignatureScheme>(
    rng: &KatRng,
    count: usize,
    layout: SignedMessage,
    out: &mut String,
) -> Result<()> {
    let seed = count_seed(rng, out);
    let mlen = 33 * (count + 1);
    writeln!(out, "mlen = {mlen}").expect("write to String");
    let msg = rng.bytes(mlen);
    hex_line(out, "msg", &msg);
    under_seed(rng, &seed, || {
        // liboqs draws its own randomness (the DRBG here); the harness RNG is unused.
        let mut unused = bench_rng(0, "liboqs-kat");
        let (sk, pk) = S::keygen(&mut unused)?;
        hex_line(out, "pk", &S::encode_public_key(&pk));
        hex_line(out, "sk", &S::encode_secret_key(&sk));
        let sig = S::sign(&sk, &msg, &mut unused)?;
        let sm = layout.combine(&msg, &S::encode_signature(&sig))?;
        writeln!(out, "smlen = {}", sm.len()).expect("write to String");
        hex_line(out, "sm", &sm);
        S::verify(&pk, &msg, &sig)
    })
}

fn kem_count<K: Kem>(rng: &KatRng, out: &mut String) -> Result<()> {
    let seed = count_seed(rng, out);
    under_seed(rng, &seed, || {
        let mut unused = bench_rng(0, "liboqs-kat");
        let (dk, ek) = K::keygen(&mut unused)?;
        hex_line(out, "pk", &K::encode_encaps_key(&ek));
        hex_line(out, "sk", &K::encode_decaps_key(&dk));
        let (ct, ss) = K::encaps(&ek, &mut unused)?;
        hex_line(out, "ct", &K::encode_ciphertext(&ct));
        hex_line(out, "ss", ss.as_ref());
        if K::decaps(&dk, &ct)?.as_ref() != ss.as_ref() {
            return Err(Error::op("kat", "decapsulation gave another shared secret"));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// liboqs' `combine_message_signature` for Falcon-512 on a toy signature:
    /// header 0x39 and nonce n, then the compressed body c.
    #[test]
    fn falcon_signed_message_layout() {
        let mut sig = vec![0x39];
        sig.extend([0xAA; 40]);
        sig.extend([1, 2, 3]);
        let sm = SignedMessage::Falcon { header: 0x29 }
            .combine(b"msg", &sig)
            .expect("combine");
        let mut want = vec![0, 4];
        want.extend([0xAA; 40]);
        want.extend(b"msg");
        want.extend([0x29, 1, 2, 3]);
        assert_eq!(sm, want);
        assert_eq!(sm.len(), 2 + sig.len() + 3);
    }
}
