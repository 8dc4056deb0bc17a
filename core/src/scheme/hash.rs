use crate::SchemeInfo;

/// A cryptographic hash function, one-shot and streaming.
pub trait HashFn: Send + Sync + 'static {
    /// Streaming state.
    type State;
    /// The digest (a fixed-size array, so one-shot hashing need not allocate).
    type Digest: AsRef<[u8]>;
    /// Static description; `sizes` must list `digest`.
    const INFO: SchemeInfo;
    /// Known answers `(input, hex digest)` checked by the correctness gate.
    const KNOWN_ANSWERS: &'static [(&'static [u8], &'static str)];

    /// Hashes `data` in one call.
    fn digest(data: &[u8]) -> Self::Digest;
    /// A fresh streaming state.
    fn new() -> Self::State;
    /// Absorbs `data`.
    fn update(state: &mut Self::State, data: &[u8]);
    /// Finishes and returns the digest.
    fn finalize(state: Self::State) -> Self::Digest;
}
