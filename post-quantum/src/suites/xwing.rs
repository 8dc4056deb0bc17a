//! X-Wing: the test vectors of draft-connolly-cfrg-xwing-kem
//! (`vectors/xwing/test-vectors.json`): from each seed the decapsulation
//! key, the encapsulation key, then encapsulation with the vector's
//! randomness must give its ciphertext and shared secret, and decapsulation
//! must recover it.

use ledgerbench_core::conformance::{Outcome, SuiteReport, VectorSuite};
use ledgerbench_core::{Kem, Result};
use serde::Deserialize;

use super::bad_data;

/// An X-Wing KEM that takes the draft's seeds and encapsulation randomness.
pub trait XWingVectors: Kem {
    /// The decapsulation key from its 32-byte seed (the draft's `sk`).
    fn decaps_key_from_seed(seed: &[u8]) -> Result<Self::DecapsKey>;
    /// Its encapsulation key.
    fn encaps_key_of(dk: &Self::DecapsKey) -> Self::EncapsKey;
    /// Encapsulation with the draft's 64 bytes of randomness (`eseed`).
    fn encaps_with(
        ek: &Self::EncapsKey,
        eseed: &[u8],
    ) -> Result<(Self::Ciphertext, Self::SharedSecret)>;
}

impl XWingVectors for crate::XWingRustCrypto {
    fn decaps_key_from_seed(seed: &[u8]) -> Result<Self::DecapsKey> {
        Ok(x_wing::DecapsulationKey::from(crate::util::to_array::<32>(
            seed,
            "X-Wing seed",
        )?))
    }

    fn encaps_key_of(dk: &Self::DecapsKey) -> Self::EncapsKey {
        x_wing::Decapsulator::encapsulation_key(dk).clone()
    }

    fn encaps_with(
        ek: &Self::EncapsKey,
        eseed: &[u8],
    ) -> Result<(Self::Ciphertext, Self::SharedSecret)> {
        let eseed = crate::util::to_array::<64>(eseed, "X-Wing encapsulation randomness")?;
        let (ct, ss) = ek.encapsulate_deterministic(&eseed.into());
        Ok((ct, ss.into()))
    }
}

const FILE: &str = "xwing/test-vectors.json";
const JSON: &str = include_str!("../../../vectors/xwing/test-vectors.json");

#[derive(Deserialize)]
struct Vector {
    seed: String,
    eseed: String,
    ss: String,
    sk: String,
    pk: String,
    ct: String,
}

/// The draft's vectors.
pub fn draft<S: XWingVectors>() -> VectorSuite<S> {
    VectorSuite::new("xwing draft vectors", run::<S>)
}

fn run<S: XWingVectors>() -> Result<SuiteReport> {
    let vectors: Vec<Vector> = serde_json::from_str(JSON).map_err(|e| bad_data(FILE, e))?;
    let unhex = |field: &str, text: &str| {
        hex::decode(text).map_err(|e| bad_data(FILE, format!("{field}: {e}")))
    };
    let mut report = SuiteReport::new(
        "xwing draft vectors",
        "dconnolly/draft-connolly-cfrg-xwing-kem spec/test-vectors.json",
        "9b6ce9e",
    );
    for (i, v) in vectors.iter().enumerate() {
        let (seed, eseed) = (unhex("seed", &v.seed)?, unhex("eseed", &v.eseed)?);
        let (sk, pk) = (unhex("sk", &v.sk)?, unhex("pk", &v.pk)?);
        let (ct, ss) = (unhex("ct", &v.ct)?, unhex("ss", &v.ss)?);
        let ok = S::decaps_key_from_seed(&seed).is_ok_and(|dk| {
            let ek = S::encaps_key_of(&dk);
            S::encode_decaps_key(&dk) == sk
                && S::encode_encaps_key(&ek) == pk
                && S::encaps_with(&ek, &eseed).is_ok_and(|(c, s)| {
                    S::encode_ciphertext(&c) == ct
                        && s.as_ref() == ss.as_slice()
                        && S::decaps(&dk, &c).is_ok_and(|d| d.as_ref() == ss.as_slice())
                })
        });
        report.record(i as u64 + 1, if ok { Outcome::Pass } else { Outcome::Fail });
    }
    Ok(report)
}
