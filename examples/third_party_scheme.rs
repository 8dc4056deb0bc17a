//! A scheme defined outside the ledgerbench workspace, registered through the
//! public entry point: SHA-512 from RustCrypto's `sha2`, as a third party
//! would add it from its own crate.
//!
//! ```sh
//! cargo run --release --example third_party_scheme -- run --scheme 'sha512/*'
//! cargo run --release --example third_party_scheme -- list --family hash
//! ```

use ledgerbench_harness::dynamic::HashEntry;
use ledgerbench_harness::{Family, HashFn, Implementation, SchemeInfo, Security, Size};
use sha2::Digest as _;

/// SHA-512 (FIPS 180-4) via the `sha2` crate.
pub struct Sha512;

impl HashFn for Sha512 {
    type State = sha2::Sha512;
    type Digest = [u8; 64];
    const INFO: SchemeInfo = SchemeInfo {
        name: "sha512",
        family: Family::Hash,
        implementation: Implementation {
            id: "example",
            krate: "sha2",
            backend: "portable",
        },
        standard: "FIPS 180-4",
        security: Security::ClassicalBits(256),
        deterministic: true,
        constant_time: true,
        sizes: &[("digest", Size::Exact(64))],
        note: "registered by examples/third_party_scheme.rs",
    };
    // FIPS 180-2 Appendix C.1 ("abc") and the empty string.
    const KNOWN_ANSWERS: &'static [(&'static [u8], &'static str)] = &[
        (
            b"abc",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        ),
        (
            b"",
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        ),
    ];

    fn digest(data: &[u8]) -> [u8; 64] {
        sha2::Sha512::digest(data).into()
    }
    fn new() -> sha2::Sha512 {
        sha2::Sha512::new()
    }
    fn update(state: &mut sha2::Sha512, data: &[u8]) {
        state.update(data);
    }
    fn finalize(state: sha2::Sha512) -> [u8; 64] {
        state.finalize().into()
    }
}

/// ledgerbench's own schemes plus ours.
fn registry() -> ledgerbench_harness::Registry {
    let mut registry = ledgerbench::registry();
    registry
        .extend([HashEntry::<Sha512>::entry()])
        .expect("sha512/example is a new id");
    registry
}

fn main() {
    std::process::exit(ledgerbench::cli::run_with(registry()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ledgerbench_harness::results::RunDir;

    #[test]
    fn third_party_scheme_is_listed_gated_and_measured() {
        let out = tempfile::tempdir().expect("tempdir");
        let out_arg = out.path().to_string_lossy().into_owned();
        let args = [
            "ledgerbench",
            "run",
            "--scheme",
            "sha512/*",
            "--msg-len",
            "64",
            "--out",
            &out_arg,
            "--quiet",
        ];
        assert_eq!(ledgerbench::cli::run_with_args(registry(), args), 0);

        let run = std::fs::read_dir(out.path())
            .expect("out dir")
            .next()
            .expect("one run dir")
            .expect("entry");
        let (records, torn) = RunDir::open(run.path())
            .expect("run dir")
            .read_records()
            .expect("records");
        assert_eq!(torn, None);
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(
            (r.scheme.as_str(), r.op.as_str()),
            ("sha512/example", "digest")
        );
        assert!(r.gate.passed(), "{:?}", r.gate);
        assert_eq!(r.sizes.get("digest"), Some(&64));
        assert!(r.measurement.as_ref().is_some_and(|m| m.ns.median > 0.0));
    }
}
