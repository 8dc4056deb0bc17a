//! Helpers every scheme's encoders and decoders need: fixed-length byte
//! strings checked with a [`Error::Decode`] that says what was expected.
//!
//! ```
//! use ledgerbench_core::encoding::{check_len, fixed};
//! let key: [u8; 4] = fixed(&[1, 2, 3, 4], "public key")?;
//! assert_eq!(key, [1, 2, 3, 4]);
//! assert!(fixed::<4>(&[1, 2, 3], "public key").is_err());
//! assert!(check_len(&[0; 32], 33, "public key").is_err());
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```

use crate::{Error, Result};

/// Copies `bytes` into a fixed-size array, or fails with a decode error for
/// `what` naming the expected and actual lengths.
pub fn fixed<const N: usize>(bytes: &[u8], what: &'static str) -> Result<[u8; N]> {
    <[u8; N]>::try_from(bytes).map_err(|_| length_error(what, N, bytes.len()))
}

/// Rejects a byte string whose length is not `expected` with a decode error for `what`.
pub fn check_len(bytes: &[u8], expected: usize, what: &'static str) -> Result<()> {
    if bytes.len() == expected {
        Ok(())
    } else {
        Err(length_error(what, expected, bytes.len()))
    }
}

fn length_error(what: &'static str, expected: usize, got: usize) -> Error {
    Error::decode(what, format!("expected {expected} bytes, got {got}"))
}
