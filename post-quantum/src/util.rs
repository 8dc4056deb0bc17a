//! Small byte helpers shared by the scheme modules.

use ledgerbench_harness::{BenchRng, Error, Result, SchemeInfo};
use rand_core::Rng;

/// Copies `bytes` into a fixed-size array, or reports a decode error for `what`.
pub(crate) fn to_array<const N: usize>(bytes: &[u8], what: &'static str) -> Result<[u8; N]> {
    <[u8; N]>::try_from(bytes)
        .map_err(|_| Error::decode(what, format!("expected {N} bytes, got {}", bytes.len())))
}

/// Draws `N` random bytes from the harness RNG.
pub(crate) fn random_array<const N: usize>(rng: &mut BenchRng) -> [u8; N] {
    let mut out = [0u8; N];
    rng.fill_bytes(&mut out);
    out
}

/// Rejects a byte string whose length is not `expected`.
pub(crate) fn check_len(bytes: &[u8], expected: usize, what: &'static str) -> Result<()> {
    if bytes.len() == expected {
        Ok(())
    } else {
        Err(Error::decode(
            what,
            format!("expected {expected} bytes, got {}", bytes.len()),
        ))
    }
}

/// An [`Error::Unsupported`] naming the scheme and the operation its API lacks.
pub(crate) fn unsupported(info: &SchemeInfo, what: &str) -> Error {
    Error::Unsupported(format!("{what} ({})", info.id()))
}
