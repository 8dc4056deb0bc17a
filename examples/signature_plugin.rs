//! A signature implementation plugged in from outside the workspace, built
//! only on the public crates (`ledgerbench`, `ledgerbench-harness`) as a
//! researcher's own crate would be: Ed25519 from `ed25519-dalek` with
//! **strict** verification (`verify_strict`: rejects small-order keys and
//! non-canonical encodings), beside the registered cofactorless `ed25519/dalek`.
//!
//! Three steps: implement [`SignatureScheme`], check it with the conformance
//! kit (the test below), register a [`SigEntry`] and hand the registry to
//! [`ledgerbench::cli::run_with`].
//!
//! ```sh
//! cargo run --release --example signature_plugin -- list --family sig
//! cargo run --release --example signature_plugin -- run --scheme 'ed25519/*'
//! ```

use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use ledgerbench_harness::dynamic::SigEntry;
use ledgerbench_harness::encoding::fixed;
use ledgerbench_harness::{
    BenchRng, Error, Family, Implementation, Result, SchemeInfo, Security, SignatureScheme, Size,
};

/// Ed25519 (RFC 8032) with `VerifyingKey::verify_strict`.
pub struct Ed25519Strict;

impl SignatureScheme for Ed25519Strict {
    type SecretKey = SigningKey;
    type PublicKey = VerifyingKey;
    type Signature = ed25519_dalek::Signature;

    const INFO: SchemeInfo = SchemeInfo {
        name: "ed25519",
        family: Family::Sig,
        implementation: Implementation {
            id: "dalek-strict",
            krate: "ed25519-dalek",
            backend: "curve25519-dalek auto",
        },
        standard: "RFC 8032",
        security: Security::ClassicalBits(128),
        deterministic: true,
        constant_time: true,
        sizes: &[
            ("pk", Size::Exact(32)),
            ("sk", Size::Exact(32)),
            ("sig", Size::Exact(64)),
        ],
        note: "verify_strict; registered by examples/signature_plugin.rs",
    };

    fn keygen(rng: &mut BenchRng) -> Result<(SigningKey, VerifyingKey)> {
        let sk = SigningKey::from_bytes(&ledgerbench_harness::rng::random_array(rng));
        let pk = sk.verifying_key();
        Ok((sk, pk))
    }

    fn sign(sk: &SigningKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Self::Signature> {
        Ok(sk.sign(msg))
    }

    fn verify(pk: &VerifyingKey, msg: &[u8], sig: &Self::Signature) -> Result<()> {
        pk.verify_strict(msg, sig).map_err(|_| Error::Verification)
    }

    fn encode_public_key(pk: &VerifyingKey) -> Vec<u8> {
        pk.to_bytes().to_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<VerifyingKey> {
        VerifyingKey::from_bytes(&fixed(bytes, "public key")?)
            .map_err(|e| Error::decode("public key", e))
    }

    fn encode_secret_key(sk: &SigningKey) -> Vec<u8> {
        sk.to_bytes().to_vec()
    }

    fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
        sig.to_bytes().to_vec()
    }

    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature> {
        Ok(ed25519_dalek::Signature::from_bytes(&fixed(
            bytes,
            "signature",
        )?))
    }
}

/// ledgerbench's own schemes plus ours.
fn registry() -> ledgerbench_harness::Registry {
    let mut registry = ledgerbench::registry();
    registry
        .extend([SigEntry::<Ed25519Strict>::new().into_entry()])
        .expect("ed25519/dalek-strict is a new id");
    registry
}

fn main() {
    std::process::exit(ledgerbench::cli::run_with(registry()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ledgerbench_harness::conformance::{self, Depth};
    use ledgerbench_harness::results::RunDir;

    fn hex(s: &str) -> Vec<u8> {
        hex::decode(s).expect("hex")
    }

    /// RFC 8032 section 7.1, TEST 1 (empty message).
    #[test]
    fn signs_the_rfc_8032_test_1_vector() {
        let sk = SigningKey::from_bytes(
            &fixed(
                &hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
                "sk",
            )
            .expect("32 bytes"),
        );
        let pk = Ed25519Strict::encode_public_key(&sk.verifying_key());
        assert_eq!(
            pk,
            hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        );
        let mut rng = ledgerbench_harness::bench_rng(1, "rfc8032");
        let sig = Ed25519Strict::sign(&sk, b"", &mut rng).expect("sign");
        assert_eq!(
            Ed25519Strict::encode_signature(&sig),
            hex(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
            )
        );
    }

    #[test]
    fn passes_the_exhaustive_conformance_kit() {
        let report = conformance::signature::<Ed25519Strict>(7, Depth::Exhaustive);
        assert!(report.passed(), "{}", report.describe());
    }

    #[test]
    fn is_listed_beside_the_other_ed25519_and_measured() {
        let out = tempfile::tempdir().expect("tempdir");
        let out_arg = out.path().to_string_lossy().into_owned();
        let args = [
            "ledgerbench",
            "run",
            "--scheme",
            "ed25519/dalek-strict",
            "--op",
            "verify",
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
        let (records, _) = RunDir::open(run.path())
            .expect("run dir")
            .read_records()
            .expect("records");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].scheme, "ed25519/dalek-strict");
        let ids = registry().ids();
        let ed25519: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .skip_while(|id| !id.starts_with("ed25519/"))
            .take_while(|id| id.starts_with("ed25519/"))
            .collect();
        assert_eq!(
            ed25519,
            [
                "ed25519/dalek",
                "ed25519/ring",
                "ed25519/aws-lc",
                "ed25519/dalek-strict"
            ]
        );
        assert!(records[0].gate.passed(), "{:?}", records[0].gate);
        assert!(records[0].measurement.is_some());
        // The plug-in's scheme is marked as not ledgerbench's own (its
        // binary's build profile is its crate's), and only it.
        let info: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(run.path().join("run.json")).expect("run.json"),
        )
        .expect("json");
        assert_eq!(
            info["build"]["plugins"],
            serde_json::json!(["ed25519/dalek-strict"])
        );
    }
}
