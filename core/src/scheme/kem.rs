use crate::{BenchRng, Result, SchemeInfo};

/// A key encapsulation mechanism.
///
/// `decaps` of a tampered ciphertext must not return the honest shared secret;
/// schemes with implicit rejection (ML-KEM) return a pseudo-random one, others
/// an error. The correctness gate accepts either.
pub trait Kem: Send + Sync + 'static {
    /// The decapsulation (secret) key.
    type DecapsKey: Send + Sync;
    /// The encapsulation (public) key.
    type EncapsKey: Send + Sync;
    /// A ciphertext.
    type Ciphertext: Send + Sync;
    /// The shared secret.
    type SharedSecret: Send + Sync + AsRef<[u8]>;

    /// Static description.
    const INFO: SchemeInfo;
    /// Key generation takes a time that depends on randomness (ML-KEM's
    /// matrix expansion by rejection sampling): its figures lead with the mean.
    const VARIABLE_TIME_KEYGEN: bool = false;

    /// Generates a key pair.
    fn keygen(rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)>;
    /// Encapsulates a fresh shared secret to `ek`.
    fn encaps(
        ek: &Self::EncapsKey,
        rng: &mut BenchRng,
    ) -> Result<(Self::Ciphertext, Self::SharedSecret)>;
    /// Recovers the shared secret from `ct`.
    fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret>;

    /// Standard encoding of an encapsulation key.
    fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8>;
    /// Decodes an encapsulation key.
    fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey>;
    /// Standard encoding of a decapsulation key (for size reporting).
    fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8>;
    /// Standard encoding of a ciphertext.
    fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8>;
    /// Decodes a ciphertext.
    fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext>;
}
