//! SPHINCS+ round 3.1 ("simple" variants) from PQClean's portable C code, via
//! `pqcrypto-sphincsplus`.
//!
//! This is the submission FIPS 205 (SLH-DSA) was derived from, **not** FIPS
//! 205 itself: SLH-DSA changed the message hashing and added context strings,
//! so keys match in size but signatures do not cross over. The standard is in
//! [`crate::slhdsa`].

use ledgerbench_core::{Family, Implementation, SchemeInfo, Security, Size};

use crate::pqsign::pqcrypto_signature;

const NOTE: &str = "SPHINCS+ r3.1, not FIPS 205; PQClean portable C; keygen and signing \
                    draw OS randomness, not the run seed";

const IMPL: Implementation = Implementation {
    id: "pqclean",
    krate: "pqcrypto-sphincsplus",
    backend: "clean",
};

const fn info(name: &'static str, sig: usize) -> SchemeInfo {
    SchemeInfo {
        name,
        family: Family::Sig,
        implementation: IMPL,
        standard: "SPHINCS+ r3.1",
        security: Security::NistCategory(1),
        deterministic: false,
        constant_time: true,
        sizes: if sig == 7856 { SIZES_128S } else { SIZES_128F },
        note: NOTE,
    }
}

const SIZES_128S: &[(&str, Size)] = &[
    ("pk", Size::Exact(32)),
    ("sk", Size::Exact(64)),
    ("sig", Size::Exact(7856)),
];
const SIZES_128F: &[(&str, Size)] = &[
    ("pk", Size::Exact(32)),
    ("sk", Size::Exact(64)),
    ("sig", Size::Exact(17088)),
];

pqcrypto_signature!(
    /// SPHINCS+-SHA2-128s-simple r3.1 from PQClean (`sphincs-sha2-128s-simple/pqclean`).
    SphincsSha2_128sSimplePqclean,
    pqcrypto_sphincsplus::sphincssha2128ssimple,
    info("sphincs-sha2-128s-simple", 7856),
    7856,
    exact = true,
    variable_time = false
);

pqcrypto_signature!(
    /// SPHINCS+-SHA2-128f-simple r3.1 from PQClean (`sphincs-sha2-128f-simple/pqclean`).
    SphincsSha2_128fSimplePqclean,
    pqcrypto_sphincsplus::sphincssha2128fsimple,
    info("sphincs-sha2-128f-simple", 17088),
    17088,
    exact = true,
    variable_time = false
);

pqcrypto_signature!(
    /// SPHINCS+-SHAKE-128f-simple r3.1 from PQClean (`sphincs-shake-128f-simple/pqclean`).
    SphincsShake128fSimplePqclean,
    pqcrypto_sphincsplus::sphincsshake128fsimple,
    info("sphincs-shake-128f-simple", 17088),
    17088,
    exact = true,
    variable_time = false
);
