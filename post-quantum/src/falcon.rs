//! Falcon-512 and Falcon-1024 (round 3.1 submission; FN-DSA, FIPS 206, is not
//! yet published) from PQClean's portable C code, via `pqcrypto-falcon`.
//!
//! Signatures are compressed and vary in length (hence `Size::Max`); signing
//! samples from a discrete Gaussian, so its time varies from one message to
//! the next.

use ledgerbench_core::{Family, Implementation, SchemeInfo, Security, Size};

use crate::pqsign::pqcrypto_signature;

const NOTE: &str = "Falcon round 3.1 (FN-DSA, FIPS 206, not yet final); PQClean portable C \
                    with emulated floating point; compressed variable-length signatures; \
                    keygen and signing draw OS randomness, not the run seed";

const IMPL: Implementation = Implementation {
    id: "pqclean",
    krate: "pqcrypto-falcon",
    backend: "clean",
};

pqcrypto_signature!(
    /// Falcon-512 from PQClean (`falcon-512/pqclean`).
    Falcon512Pqclean,
    pqcrypto_falcon::falcon512,
    SchemeInfo {
        name: "falcon-512",
        family: Family::Sig,
        implementation: IMPL,
        standard: "Falcon r3.1",
        security: Security::NistCategory(1),
        deterministic: false,
        constant_time: true,
        sizes: &[
            ("pk", Size::Exact(897)),
            ("sk", Size::Exact(1281)),
            ("sig", Size::Max(752)),
        ],
        note: NOTE,
    },
    752,
    exact = false,
    variable_time = true
);

pqcrypto_signature!(
    /// Falcon-1024 from PQClean (`falcon-1024/pqclean`).
    Falcon1024Pqclean,
    pqcrypto_falcon::falcon1024,
    SchemeInfo {
        name: "falcon-1024",
        family: Family::Sig,
        implementation: IMPL,
        standard: "Falcon r3.1",
        security: Security::NistCategory(5),
        deterministic: false,
        constant_time: true,
        sizes: &[
            ("pk", Size::Exact(1793)),
            ("sk", Size::Exact(2305)),
            ("sig", Size::Max(1462)),
        ],
        note: NOTE,
    },
    1462,
    exact = false,
    variable_time = true
);
