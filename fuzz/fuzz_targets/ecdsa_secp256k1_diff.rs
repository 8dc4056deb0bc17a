//! Differential: ECDSA/secp256k1 verify, `k256` vs libsecp256k1, on arbitrary
//! (public key, message, signature) bytes. The first two bytes choose the
//! public-key and signature lengths; the rest is key ‖ signature ‖ message.
//! Any verdict difference panics, except the documented key-encoding ones
//! (`secp256k1_diff::known_difference`: hybrid keys, compact keys).
#![no_main]

use ledgerbench_primitives::secp256k1_diff::{k256_accepts, known_difference, libsecp_accepts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let rest = &data[2..];
    let pk_len = (data[0] as usize % 67).min(rest.len());
    let (pk, rest) = rest.split_at(pk_len);
    let sig_len = (data[1] as usize % 80).min(rest.len());
    let (sig, msg) = rest.split_at(sig_len);
    let (a, b) = (k256_accepts(pk, msg, sig), libsecp_accepts(pk, msg, sig));
    if a != b && known_difference(pk) != Some(a) {
        panic!("k256 {a}, libsecp256k1 {b}: pk {pk:02x?} msg {msg:02x?} sig {sig:02x?}");
    }
});
