//! X-Wing (draft-connolly-cfrg-xwing-kem-06): the hybrid of X25519 and
//! ML-KEM-768 combined with SHA3-256, from RustCrypto's `x-wing` crate.
//!
//! The decapsulation key is the 32-byte seed the draft specifies; `decaps`
//! re-expands it into the ML-KEM and X25519 keys on every call, as the
//! draft's algorithm does, so decapsulation costs a key generation more
//! than ML-KEM-768's.

use ledgerbench_core::{
    BenchRng, Error, Family, Implementation, Kem, Result, SchemeInfo, Security, Size,
};
use x_wing::{Decapsulate, DecapsulationKey, Encapsulate, EncapsulationKey, KeyExport};

use crate::util::random_array;

/// X-Wing from RustCrypto (`x-wing/rustcrypto`).
#[derive(Clone, Copy, Debug, Default)]
pub struct XWingRustCrypto;

impl Kem for XWingRustCrypto {
    type DecapsKey = DecapsulationKey;
    type EncapsKey = EncapsulationKey;
    type Ciphertext = x_wing::Ciphertext;
    type SharedSecret = [u8; 32];

    const INFO: SchemeInfo = SchemeInfo {
        name: "x-wing",
        family: Family::Kem,
        implementation: Implementation {
            id: "rustcrypto",
            krate: "x-wing",
            backend: "portable",
        },
        standard: "draft-connolly-cfrg-xwing-kem-06",
        security: Security::NistCategory(3),
        deterministic: true,
        constant_time: true,
        sizes: &[
            ("ek", Size::Exact(x_wing::ENCAPSULATION_KEY_SIZE)),
            ("dk", Size::Exact(x_wing::DECAPSULATION_KEY_SIZE)),
            ("ct", Size::Exact(x_wing::CIPHERTEXT_SIZE)),
            ("ss", Size::Exact(32)),
        ],
        note: "hybrid X25519 + ML-KEM-768 (RustCrypto ml-kem, x25519-dalek), secure if either \
               is; 32-byte seed decapsulation key re-expanded on every decaps",
    };
    // Key generation includes ML-KEM-768's (matrix expansion by rejection
    // sampling), whose time depends on the seed.
    const VARIABLE_TIME_KEYGEN: bool = true;

    fn keygen(rng: &mut BenchRng) -> Result<(Self::DecapsKey, Self::EncapsKey)> {
        let dk = DecapsulationKey::from(random_array::<32>(rng));
        let ek = x_wing::Decapsulator::encapsulation_key(&dk).clone();
        Ok((dk, ek))
    }

    fn encaps(
        ek: &Self::EncapsKey,
        rng: &mut BenchRng,
    ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
        let (ct, ss) = ek.encapsulate_with_rng(rng);
        Ok((ct, ss.into()))
    }

    fn decaps(dk: &Self::DecapsKey, ct: &Self::Ciphertext) -> Result<Self::SharedSecret> {
        Ok(dk.decapsulate(ct).into())
    }

    fn encode_encaps_key(ek: &Self::EncapsKey) -> Vec<u8> {
        ek.to_bytes().to_vec()
    }

    fn decode_encaps_key(bytes: &[u8]) -> Result<Self::EncapsKey> {
        EncapsulationKey::try_from(bytes).map_err(|_| {
            Error::decode(
                "X-Wing encapsulation key",
                "wrong length or ML-KEM part fails the modulus check",
            )
        })
    }

    fn encode_decaps_key(dk: &Self::DecapsKey) -> Vec<u8> {
        dk.as_bytes().to_vec()
    }

    fn encode_ciphertext(ct: &Self::Ciphertext) -> Vec<u8> {
        ct.to_vec()
    }

    fn decode_ciphertext(bytes: &[u8]) -> Result<Self::Ciphertext> {
        x_wing::Ciphertext::try_from(bytes).map_err(|_| {
            Error::decode(
                "X-Wing ciphertext",
                format!("expected {} bytes", x_wing::CIPHERTEXT_SIZE),
            )
        })
    }
}
