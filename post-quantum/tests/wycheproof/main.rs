//! Wycheproof conformance of every ML-DSA and ML-KEM implementation.
//!
//! Each test prints a Markdown table (run with `--nocapture` to see it) of
//! passed/total per implementation and vector file, "API cannot" where the
//! library's API cannot take a file's inputs, and asserts the pinned counts.

mod mldsa;
mod mlkem;
mod table;
