use crate::{BenchRng, Result, SchemeInfo};

/// A digital signature scheme.
///
/// Implementations are zero-sized types. Encodings are the standard byte
/// formats (the ones test vectors use), so the correctness gate can tamper with
/// them and so keys can cross implementations.
///
/// ```
/// use ledgerbench_core::{SignatureScheme, BenchRng, bench_rng};
///
/// fn roundtrip<S: SignatureScheme>() {
///     let mut rng: BenchRng = bench_rng(1, "doc");
///     let (sk, pk) = S::keygen(&mut rng).expect("keygen");
///     let sig = S::sign(&sk, b"hello", &mut rng).expect("sign");
///     assert!(S::verify(&pk, b"hello", &sig).is_ok());
///     assert!(S::verify(&pk, b"hellO", &sig).is_err());
/// }
/// # #[cfg(feature = "testing")]
/// # let _ = roundtrip::<ledgerbench_core::testing::ToySig>;
/// ```
pub trait SignatureScheme: Send + Sync + 'static {
    /// The signing key.
    type SecretKey: Send + Sync;
    /// The verification key.
    type PublicKey: Send + Sync;
    /// A signature.
    type Signature: Send + Sync;

    /// Static description (name, implementation, standard, sizes...).
    const INFO: SchemeInfo;
    /// Key generation takes a time that depends on randomness (rejection
    /// sampling, as in Falcon): its figures lead with the mean.
    const VARIABLE_TIME_KEYGEN: bool = false;
    /// Signing takes a time that depends on the message or randomness
    /// (rejection sampling, as in ML-DSA and Falcon): its figures lead with
    /// the mean.
    const VARIABLE_TIME_SIGN: bool = false;

    /// Generates a key pair from the harness RNG.
    fn keygen(rng: &mut BenchRng) -> Result<(Self::SecretKey, Self::PublicKey)>;
    /// Signs `msg`; deterministic schemes ignore `rng`.
    fn sign(sk: &Self::SecretKey, msg: &[u8], rng: &mut BenchRng) -> Result<Self::Signature>;
    /// Verifies `sig` on `msg` under `pk`.
    fn verify(pk: &Self::PublicKey, msg: &[u8], sig: &Self::Signature) -> Result<()>;

    /// Standard encoding of a public key.
    fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8>;
    /// Decodes a public key, rejecting malformed encodings.
    fn decode_public_key(bytes: &[u8]) -> Result<Self::PublicKey>;
    /// Standard encoding of a secret key (for size reporting).
    fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8>;
    /// Standard encoding of a signature.
    fn encode_signature(sig: &Self::Signature) -> Vec<u8>;
    /// Decodes a signature, rejecting malformed encodings.
    fn decode_signature(bytes: &[u8]) -> Result<Self::Signature>;
}

/// Batch verification: one check for many (key, message, signature) triples,
/// faster than verifying each (Ed25519 batch verification, for instance).
pub trait BatchVerify: SignatureScheme {
    /// Accepts only if every signature verifies.
    fn verify_batch(items: &[(&Self::PublicKey, &[u8], &Self::Signature)]) -> Result<()>;
}

/// Signature aggregation (BLS): many signatures compress into one, public keys
/// aggregate for same-message verification, and proofs of possession defend
/// aggregate keys against rogue-key attacks.
pub trait Aggregate: SignatureScheme {
    /// Combines signatures (on any messages) into one aggregate signature.
    fn aggregate_signatures(sigs: &[&Self::Signature]) -> Result<Self::Signature>;
    /// Combines public keys for verifying many signers of one message.
    fn aggregate_public_keys(pks: &[&Self::PublicKey]) -> Result<Self::PublicKey>;
    /// Verifies an aggregate of signatures on distinct messages, one per key.
    fn verify_aggregate(
        pks: &[&Self::PublicKey],
        msgs: &[&[u8]],
        sig: &Self::Signature,
    ) -> Result<()>;
    /// Proves possession of the secret key behind `pk`.
    fn prove_possession(sk: &Self::SecretKey, pk: &Self::PublicKey) -> Result<Self::Signature>;
    /// Checks a proof of possession.
    fn verify_possession(pk: &Self::PublicKey, proof: &Self::Signature) -> Result<()>;
}

/// A fixed key and message set whose mean signing time is representative for
/// a variable-time signer (rejection sampling in ML-DSA, Falcon's sampler).
pub struct SigningSet<S: SignatureScheme> {
    /// Label recorded with the measurement (e.g. `cctv`, `cctv.alt`).
    pub label: &'static str,
    /// The signing key.
    pub secret_key: S::SecretKey,
    /// Its public key (used to check every signature before timing).
    pub public_key: S::PublicKey,
    /// The messages; the timed loop signs each in turn.
    pub messages: Vec<Vec<u8>>,
}

/// Schemes that can sign a published representative message set (for ML-DSA:
/// the CCTV benchmark sets, signed deterministically by the all-zero-seed key).
pub trait RepresentativeSigning: SignatureScheme {
    /// The sets to measure; the first is the primary one, others are self-checks.
    fn signing_sets() -> Result<Vec<SigningSet<Self>>>
    where
        Self: Sized;
}
