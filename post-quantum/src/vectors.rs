//! The CCTV ML-DSA benchmark message sets, compiled into the binary.
//!
//! The sets (`vectors/cctv-mldsa-bench/ML-DSA-{44,65,87}[.alt].json` in the
//! repository, from C2SP/CCTV; provenance in `vectors/README.md`) are ASCII
//! messages that, signed deterministically with an empty context by the key
//! derived from the all-zero 32-byte seed, need a statistically representative
//! number of rejection-sampling iterations: the time to sign a whole set
//! divided by its size is an accurate mean ML-DSA signing time. The `.alt`
//! sets were generated the same way and must give the same mean.
//!
//! They are embedded with `include_str!` so an installed or moved binary
//! needs no file beside it.

use ledgerbench_core::{Error, Result};

/// Number of messages in the CCTV ML-DSA-44 / 65 / 87 sets (primary and `.alt`),
/// as published in the upstream README.
pub const CCTV_SET_SIZES: [(u16, usize); 3] = [(44, 188), (65, 147), (87, 114)];

/// The embedded sets: (level, alternate?, upstream file name, JSON text).
const CCTV_SETS: [(u16, bool, &str, &str); 6] = [
    (
        44,
        false,
        "ML-DSA-44.json",
        include_str!("../../vectors/cctv-mldsa-bench/ML-DSA-44.json"),
    ),
    (
        44,
        true,
        "ML-DSA-44.alt.json",
        include_str!("../../vectors/cctv-mldsa-bench/ML-DSA-44.alt.json"),
    ),
    (
        65,
        false,
        "ML-DSA-65.json",
        include_str!("../../vectors/cctv-mldsa-bench/ML-DSA-65.json"),
    ),
    (
        65,
        true,
        "ML-DSA-65.alt.json",
        include_str!("../../vectors/cctv-mldsa-bench/ML-DSA-65.alt.json"),
    ),
    (
        87,
        false,
        "ML-DSA-87.json",
        include_str!("../../vectors/cctv-mldsa-bench/ML-DSA-87.json"),
    ),
    (
        87,
        true,
        "ML-DSA-87.alt.json",
        include_str!("../../vectors/cctv-mldsa-bench/ML-DSA-87.alt.json"),
    ),
];

/// Loads a CCTV ML-DSA benchmark message set: `level` is 44, 65 or 87, `alt`
/// selects the alternate set; each message is the ASCII bytes of one JSON
/// string.
pub fn cctv_mldsa_messages(level: u16, alt: bool) -> Result<Vec<Vec<u8>>> {
    let (_, _, name, text) = CCTV_SETS
        .iter()
        .find(|(l, a, _, _)| (*l, *a) == (level, alt))
        .ok_or_else(|| {
            Error::Usage(format!(
                "no CCTV ML-DSA benchmark set for level {level}: the sets are ML-DSA-44, -65 and -87"
            ))
        })?;
    parse_messages(name, text)
}

fn parse_messages(name: &str, text: &str) -> Result<Vec<Vec<u8>>> {
    let malformed = |detail: String| Error::decode("CCTV message set", format!("{name}: {detail}"));
    let strings: Vec<String> = serde_json::from_str(text)
        .map_err(|e| malformed(format!("expected a JSON array of strings: {e}")))?;
    if strings.is_empty() {
        return Err(malformed("empty message set".into()));
    }
    Ok(strings.into_iter().map(String::into_bytes).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_string_arrays_and_rejects_others() {
        assert_eq!(
            parse_messages("x.json", r#"["AB", "C"]"#).expect("parse"),
            vec![b"AB".to_vec(), b"C".to_vec()]
        );
        assert!(parse_messages("x.json", "[]").is_err());
        assert!(parse_messages("x.json", "[1, 2]").is_err());
        assert!(parse_messages("x.json", "{}").is_err());
    }

    #[test]
    fn unknown_levels_are_usage_errors() {
        assert!(matches!(
            cctv_mldsa_messages(50, false),
            Err(Error::Usage(_))
        ));
    }
}
