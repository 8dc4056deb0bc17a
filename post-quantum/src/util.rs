//! Small helpers shared by the scheme modules (the byte helpers are the
//! harness's: [`ledgerbench_core::encoding`], [`ledgerbench_core::rng`]).

use ledgerbench_core::{Error, SchemeInfo};

pub(crate) use ledgerbench_core::encoding::{check_len, fixed as to_array};
pub(crate) use ledgerbench_core::rng::random_array;

/// An [`Error::Unsupported`] naming the scheme and the operation its API lacks.
pub(crate) fn unsupported(info: &SchemeInfo, what: &str) -> Error {
    Error::Unsupported(format!("{what} ({})", info.id()))
}
