//! The harness error type.

use std::path::PathBuf;

/// Why a scheme operation or a harness action failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A signature, proof or MAC did not verify.
    #[error("verification failed")]
    Verification,
    /// Bytes could not be decoded into the scheme's object.
    #[error("malformed {what}: {detail}")]
    Decode {
        /// The object being decoded (`public key`, `signature`...).
        what: &'static str,
        /// What the library said.
        detail: String,
    },
    /// The library reported an error during an operation.
    #[error("{op} failed: {detail}")]
    Operation {
        /// The operation (`sign`, `encaps`...).
        op: &'static str,
        /// What the library said.
        detail: String,
    },
    /// The operation is not offered by this scheme.
    #[error("operation `{0}` is not supported by this scheme")]
    Unsupported(String),
    /// User input was invalid (unknown name, bad argument); the message says how.
    #[error("{0}")]
    Usage(String),
    /// A results directory or file is malformed.
    #[error("{path}: {detail}")]
    Results {
        /// The offending file.
        path: PathBuf,
        /// What is wrong, with a line number where it applies.
        detail: String,
    },
    /// An I/O error, with the path it concerns.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// A decode error for `what` carrying the library's message.
    pub fn decode(what: &'static str, detail: impl std::fmt::Display) -> Self {
        Error::Decode {
            what,
            detail: detail.to_string(),
        }
    }

    /// An operation error for `op` carrying the library's message.
    pub fn op(op: &'static str, detail: impl std::fmt::Display) -> Self {
        Error::Operation {
            op,
            detail: detail.to_string(),
        }
    }

    /// Wraps an I/O error with its path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result alias for harness operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;
