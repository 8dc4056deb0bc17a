//! Wycheproof ML-KEM vectors (key generation from seeds, decapsulation,
//! encapsulation with fixed randomness, expanded-key decapsulation) against
//! every implementation, through the library's suites
//! (`ledgerbench_pq::suites::mlkem`, the code `ledgerbench conformance` runs).

use ledgerbench_pq::suites::mlkem;
use ledgerbench_pq::*;

use crate::table::{Row, check, run_all};

fn rows_for<S: MlKem, R: MlKem>(rows: &mut Vec<Row>) {
    run_all(&S::INFO, mlkem::wycheproof::<S, R>(), rows);
}

#[test]
fn wycheproof_mlkem_conformance() {
    let mut rows = Vec::new();
    rows_for::<MlKem512Pqclean, MlKem512RustCrypto>(&mut rows);
    rows_for::<MlKem512RustCrypto, MlKem512RustCrypto>(&mut rows);
    rows_for::<MlKem512Libcrux, MlKem512RustCrypto>(&mut rows);
    rows_for::<MlKem768Pqclean, MlKem768RustCrypto>(&mut rows);
    rows_for::<MlKem768RustCrypto, MlKem768RustCrypto>(&mut rows);
    rows_for::<MlKem768Libcrux, MlKem768RustCrypto>(&mut rows);
    rows_for::<MlKem1024Pqclean, MlKem1024RustCrypto>(&mut rows);
    rows_for::<MlKem1024RustCrypto, MlKem1024RustCrypto>(&mut rows);
    rows_for::<MlKem1024Libcrux, MlKem1024RustCrypto>(&mut rows);
    check("Wycheproof ML-KEM", &rows, EXPECTED);
}

/// Pinned results `(scheme, file, passed, failed, acceptable, not
/// applicable, self-consistent)`: a change in either direction fails the
/// test.
///
/// PQClean (as wrapped by pqcrypto) has no seeded key generation and no
/// encapsulation with caller-chosen `m` (not applicable), and no FIPS 203
/// input checks: it accepts every unreduced encapsulation key in
/// `mlkem_*_encaps` (the failures there) and the two decapsulation keys with
/// a corrupted `H(ek)` or embedded `ek` in `mlkem_*_semi_expanded_decaps`
/// (tcIds 6, 7).
const EXPECTED: &[crate::table::Expected] = &[
    (
        "ml-kem-512/pqclean",
        "mlkem_512_keygen_seed",
        0,
        0,
        0,
        100,
        0,
    ),
    ("ml-kem-512/pqclean", "mlkem_512", 200, 0, 0, 0, 0),
    ("ml-kem-512/pqclean", "mlkem_512_encaps", 20, 108, 0, 133, 0),
    (
        "ml-kem-512/pqclean",
        "mlkem_512_semi_expanded_decaps",
        7,
        2,
        0,
        0,
        0,
    ),
    (
        "ml-kem-512/rustcrypto",
        "mlkem_512_keygen_seed",
        100,
        0,
        0,
        0,
        0,
    ),
    ("ml-kem-512/rustcrypto", "mlkem_512", 200, 0, 0, 0, 0),
    ("ml-kem-512/rustcrypto", "mlkem_512_encaps", 261, 0, 0, 0, 0),
    (
        "ml-kem-512/rustcrypto",
        "mlkem_512_semi_expanded_decaps",
        9,
        0,
        0,
        0,
        0,
    ),
    (
        "ml-kem-512/libcrux",
        "mlkem_512_keygen_seed",
        100,
        0,
        0,
        0,
        0,
    ),
    ("ml-kem-512/libcrux", "mlkem_512", 200, 0, 0, 0, 0),
    ("ml-kem-512/libcrux", "mlkem_512_encaps", 261, 0, 0, 0, 0),
    (
        "ml-kem-512/libcrux",
        "mlkem_512_semi_expanded_decaps",
        9,
        0,
        0,
        0,
        0,
    ),
    (
        "ml-kem-768/pqclean",
        "mlkem_768_keygen_seed",
        0,
        0,
        0,
        100,
        0,
    ),
    ("ml-kem-768/pqclean", "mlkem_768", 201, 0, 0, 0, 0),
    ("ml-kem-768/pqclean", "mlkem_768_encaps", 20, 112, 0, 133, 0),
    (
        "ml-kem-768/pqclean",
        "mlkem_768_semi_expanded_decaps",
        7,
        2,
        0,
        0,
        0,
    ),
    (
        "ml-kem-768/rustcrypto",
        "mlkem_768_keygen_seed",
        100,
        0,
        0,
        0,
        0,
    ),
    ("ml-kem-768/rustcrypto", "mlkem_768", 201, 0, 0, 0, 0),
    ("ml-kem-768/rustcrypto", "mlkem_768_encaps", 265, 0, 0, 0, 0),
    (
        "ml-kem-768/rustcrypto",
        "mlkem_768_semi_expanded_decaps",
        9,
        0,
        0,
        0,
        0,
    ),
    (
        "ml-kem-768/libcrux",
        "mlkem_768_keygen_seed",
        100,
        0,
        0,
        0,
        0,
    ),
    ("ml-kem-768/libcrux", "mlkem_768", 201, 0, 0, 0, 0),
    ("ml-kem-768/libcrux", "mlkem_768_encaps", 265, 0, 0, 0, 0),
    (
        "ml-kem-768/libcrux",
        "mlkem_768_semi_expanded_decaps",
        9,
        0,
        0,
        0,
        0,
    ),
    (
        "ml-kem-1024/pqclean",
        "mlkem_1024_keygen_seed",
        0,
        0,
        0,
        100,
        0,
    ),
    ("ml-kem-1024/pqclean", "mlkem_1024", 202, 0, 0, 0, 0),
    (
        "ml-kem-1024/pqclean",
        "mlkem_1024_encaps",
        20,
        116,
        0,
        133,
        0,
    ),
    (
        "ml-kem-1024/pqclean",
        "mlkem_1024_semi_expanded_decaps",
        7,
        2,
        0,
        0,
        0,
    ),
    (
        "ml-kem-1024/rustcrypto",
        "mlkem_1024_keygen_seed",
        100,
        0,
        0,
        0,
        0,
    ),
    ("ml-kem-1024/rustcrypto", "mlkem_1024", 202, 0, 0, 0, 0),
    (
        "ml-kem-1024/rustcrypto",
        "mlkem_1024_encaps",
        269,
        0,
        0,
        0,
        0,
    ),
    (
        "ml-kem-1024/rustcrypto",
        "mlkem_1024_semi_expanded_decaps",
        9,
        0,
        0,
        0,
        0,
    ),
    (
        "ml-kem-1024/libcrux",
        "mlkem_1024_keygen_seed",
        100,
        0,
        0,
        0,
        0,
    ),
    ("ml-kem-1024/libcrux", "mlkem_1024", 202, 0, 0, 0, 0),
    ("ml-kem-1024/libcrux", "mlkem_1024_encaps", 269, 0, 0, 0, 0),
    (
        "ml-kem-1024/libcrux",
        "mlkem_1024_semi_expanded_decaps",
        9,
        0,
        0,
        0,
        0,
    ),
];
