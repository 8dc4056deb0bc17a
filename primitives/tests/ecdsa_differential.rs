//! Differential test of ECDSA/secp256k1 verification: `k256` and
//! libsecp256k1 must give the same verdict on the same (public key, message,
//! signature) bytes. Inputs are seeded-random valid triples and mutations of
//! them that reach the parsers' and verifiers' edges — bit flips, truncation,
//! high-S, r or s of 0, n or n+1, non-minimal DER, every SEC 1 key form —
//! plus plain random bytes. The two classes of input on which they are known
//! to differ — hybrid-form public keys (libsecp256k1 alone) and compact-form
//! ones (`k256` alone) — are counted apart and must each show up.

use k256::ecdsa::signature::Signer;
use ledgerbench_harness::rng::random_bytes;
use ledgerbench_harness::{BenchRng, bench_rng};
use ledgerbench_primitives::secp256k1_diff::{k256_accepts, known_difference, libsecp_accepts};
use rand_core::Rng;

/// The order n of secp256k1 (SEC 2, §2.4.1).
const N: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
];

/// Big-endian `a - b` (a ≥ b).
fn sub(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let d = i16::from(a[i]) - i16::from(b[i]) - borrow;
        borrow = i16::from(d < 0);
        out[i] = (d + if d < 0 { 256 } else { 0 }) as u8;
    }
    out
}

/// Big-endian `a + k` (wrapping).
fn add_small(a: &[u8; 32], k: u8) -> [u8; 32] {
    let mut out = *a;
    let mut carry = u16::from(k);
    for i in (0..32).rev() {
        let s = u16::from(out[i]) + carry;
        out[i] = s as u8;
        carry = s >> 8;
    }
    out
}

/// A DER INTEGER of a big-endian unsigned value (minimal, with a 0 byte
/// before a set top bit); `pad` extra leading zeros make it non-minimal.
fn der_int(v: &[u8], pad: usize) -> Vec<u8> {
    let first = v.iter().position(|b| *b != 0).unwrap_or(v.len() - 1);
    let mut body = vec![0u8; pad];
    if v[first] & 0x80 != 0 {
        body.push(0);
    }
    body.extend_from_slice(&v[first..]);
    let mut out = vec![0x02, body.len() as u8];
    out.extend(body);
    out
}

/// `SEQUENCE { r, s }`; `long_len` writes the length in non-minimal long form.
fn der_sig(r: &[u8], s: &[u8], pad_r: usize, long_len: bool) -> Vec<u8> {
    let mut body = der_int(r, pad_r);
    body.extend(der_int(s, 0));
    let mut out = vec![0x30];
    if long_len {
        out.extend([0x81, body.len() as u8]);
    } else {
        out.push(body.len() as u8);
    }
    out.extend(body);
    out
}

/// Public-key forms of one key: compressed, uncompressed, hybrid.
fn key_forms(vk: &k256::ecdsa::VerifyingKey) -> [Vec<u8>; 3] {
    let compressed = vk.to_sec1_point(true).as_bytes().to_vec();
    let uncompressed = vk.to_sec1_point(false).as_bytes().to_vec();
    let mut hybrid = uncompressed.clone();
    hybrid[0] = 0x06 | (uncompressed[64] & 1);
    [compressed, uncompressed, hybrid]
}

struct Case {
    pk: Vec<u8>,
    msg: Vec<u8>,
    sig: Vec<u8>,
    what: String,
}

fn pick(rng: &mut BenchRng, n: usize) -> usize {
    rng.next_u32() as usize % n
}

/// A valid triple, then one mutation chosen at random.
fn case(rng: &mut BenchRng) -> Case {
    let sk = loop {
        if let Ok(sk) = k256::ecdsa::SigningKey::from_slice(&random_bytes(rng, 32)) {
            break sk;
        }
    };
    let msg_len = pick(rng, 80);
    let mut msg = random_bytes(rng, msg_len);
    let sig: k256::ecdsa::Signature = sk.sign(&msg);
    let (r, s): ([u8; 32], [u8; 32]) = (sig.r().to_bytes().into(), sig.s().to_bytes().into());
    let forms = key_forms(sk.verifying_key());
    let form = pick(rng, 2);
    let mut pk = forms[form].clone();
    let mut der = sig.to_der().as_bytes().to_vec();
    let what = match pick(rng, 16) {
        0 => "valid".to_string(),
        1 => {
            let bit = pick(rng, der.len() * 8);
            der[bit / 8] ^= 1 << (bit % 8);
            format!("signature bit {bit} flipped")
        }
        2 => {
            let bit = pick(rng, pk.len() * 8);
            pk[bit / 8] ^= 1 << (bit % 8);
            format!("public key bit {bit} flipped")
        }
        3 => {
            if msg.is_empty() {
                msg.push(0);
            } else {
                let i = pick(rng, msg.len());
                msg[i] ^= 1 << pick(rng, 8);
            }
            "message changed".into()
        }
        4 => {
            let cut = pick(rng, der.len());
            der.truncate(cut);
            format!("signature cut to {cut} bytes")
        }
        5 => {
            der.push(rng.next_u32() as u8);
            "a byte after the signature".into()
        }
        6 => {
            der = der_sig(&r, &sub(&N, &s), 0, false);
            "high-S (n - s)".into()
        }
        7 => {
            let which = pick(rng, 3);
            let v = [[0u8; 32], N, add_small(&N, 1)][which];
            der = if pick(rng, 2) == 0 {
                der_sig(&v, &s, 0, false)
            } else {
                der_sig(&r, &v, 0, false)
            };
            format!("r or s set to {}", ["0", "n", "n+1"][which])
        }
        8 => {
            der = der_sig(&r, &s, 1, false);
            "non-minimal INTEGER (extra zero)".into()
        }
        9 => {
            der = der_sig(&r, &s, 0, true);
            "non-minimal SEQUENCE length".into()
        }
        10 => {
            // r + n: same residue, out of range.
            let mut rn = vec![0u8];
            let mut carry = 0u16;
            let mut sum = [0u8; 32];
            for i in (0..32).rev() {
                let t = u16::from(r[i]) + u16::from(N[i]) + carry;
                sum[i] = t as u8;
                carry = t >> 8;
            }
            rn[0] = carry as u8;
            rn.extend(sum);
            der = der_sig(&rn, &s, 0, false);
            "r + n (33 bytes)".into()
        }
        11 => {
            pk = forms[2].clone();
            "hybrid public key".into()
        }
        12 => {
            pk = forms[2].clone();
            pk[0] ^= 1;
            "hybrid public key, wrong parity".into()
        }
        13 => {
            pk[0] = [0x00, 0x01, 0x05, 0x08][pick(rng, 4)];
            format!("public key prefix {:#04x}", pk[0])
        }
        14 => {
            let len = [0usize, 1, 32, 33, 64, 65, 66][pick(rng, 7)];
            pk = random_bytes(rng, len);
            if len > 0 {
                pk[0] = [2u8, 3, 4, 6, 7][pick(rng, 5)];
            }
            format!("random {len}-byte public key")
        }
        _ => {
            let len = pick(rng, 80);
            der = random_bytes(rng, len);
            if len > 2 {
                der[0] = 0x30;
                der[1] = (len - 2) as u8;
            }
            format!("random {len}-byte signature")
        }
    };
    Case {
        pk,
        msg,
        sig: der,
        what,
    }
}

#[test]
fn k256_and_libsecp256k1_agree_on_every_verdict() {
    let mut rng = bench_rng(2024, "ecdsa-differential");
    let mut accepted = 0;
    let (mut only_k256, mut only_libsecp) = (0, 0);
    let mut disagreements = Vec::new();
    for i in 0..6000 {
        let c = case(&mut rng);
        let (a, b) = (
            k256_accepts(&c.pk, &c.msg, &c.sig),
            libsecp_accepts(&c.pk, &c.msg, &c.sig),
        );
        match (a == b, known_difference(&c.pk)) {
            (true, _) => accepted += usize::from(a),
            (false, Some(true)) if a => only_k256 += 1,
            (false, Some(false)) if b => only_libsecp += 1,
            _ => disagreements.push(format!(
                "case {i} ({}): k256 {a}, libsecp256k1 {b}; pk {} msg {} sig {}",
                c.what,
                hex::encode(&c.pk),
                hex::encode(&c.msg),
                hex::encode(&c.sig)
            )),
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(
        accepted > 300,
        "too few valid cases ({accepted}) to mean much"
    );
    assert!(
        only_libsecp > 50,
        "hybrid keys: libsecp256k1 alone accepted {only_libsecp}"
    );
    assert!(
        only_k256 > 5,
        "compact (05) keys: k256 alone accepted {only_k256}"
    );
}

#[test]
fn random_bytes_never_panic_and_agree() {
    let mut rng = bench_rng(7, "ecdsa-differential-random");
    for _ in 0..3000 {
        let (pl, ml, sl) = (pick(&mut rng, 70), pick(&mut rng, 40), pick(&mut rng, 80));
        let (pk, msg, sig) = (
            random_bytes(&mut rng, pl),
            random_bytes(&mut rng, ml),
            random_bytes(&mut rng, sl),
        );
        let (a, b) = (
            k256_accepts(&pk, &msg, &sig),
            libsecp_accepts(&pk, &msg, &sig),
        );
        assert!(a == b || known_difference(&pk) == Some(a), "{pk:02x?}");
    }
}
