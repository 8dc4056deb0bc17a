//! Where third-party test and benchmark vectors live, and the CCTV ML-DSA
//! benchmark message sets.
//!
//! The CCTV sets (`cctv-mldsa-bench/ML-DSA-{44,65,87}[.alt].json`, from
//! C2SP/CCTV) are ASCII messages that, signed deterministically with an empty
//! context by the key derived from the all-zero 32-byte seed, need a
//! statistically representative number of rejection-sampling iterations:
//! the time to sign a whole set divided by its size is an accurate mean
//! ML-DSA signing time. The `.alt` sets were generated the same way and must
//! give the same mean.

use std::path::{Path, PathBuf};

use ledgerbench_harness::{Error, Result};

/// Environment variable that overrides the vectors directory.
pub const VECTORS_ENV: &str = "LEDGERBENCH_VECTORS";

/// Number of messages in the CCTV ML-DSA-44 / 65 / 87 sets (primary and `.alt`).
pub const CCTV_SET_SIZES: [(u16, usize); 3] = [(44, 188), (65, 147), (87, 114)];

/// The shared vectors directory: `$LEDGERBENCH_VECTORS` if set, otherwise
/// `shared/vectors` beside the project checkout (found from this crate's
/// manifest directory at build time).
pub fn vectors_dir() -> PathBuf {
    dir_from(std::env::var_os(VECTORS_ENV))
}

fn dir_from(env: Option<std::ffi::OsString>) -> PathBuf {
    match env {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/vectors")),
    }
}

/// The path of a CCTV ML-DSA benchmark set: `level` is 44, 65 or 87, `alt`
/// selects the alternate set.
pub fn cctv_mldsa_path(level: u16, alt: bool) -> PathBuf {
    let suffix = if alt { ".alt" } else { "" };
    vectors_dir()
        .join("cctv-mldsa-bench")
        .join(format!("ML-DSA-{level}{suffix}.json"))
}

/// Loads a CCTV ML-DSA benchmark message set; each message is the ASCII bytes
/// of one JSON string.
pub fn cctv_mldsa_messages(level: u16, alt: bool) -> Result<Vec<Vec<u8>>> {
    let path = cctv_mldsa_path(level, alt);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    parse_messages(&path, &text)
}

fn parse_messages(path: &Path, text: &str) -> Result<Vec<Vec<u8>>> {
    let malformed =
        |detail: String| Error::decode("CCTV message set", format!("{}: {detail}", path.display()));
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
    fn env_var_overrides_the_default_dir() {
        assert_eq!(dir_from(Some("/v".into())), PathBuf::from("/v"));
        let default = dir_from(None);
        assert!(default.ends_with("shared/vectors"), "{}", default.display());
        assert_eq!(dir_from(Some("".into())), default);
    }

    #[test]
    fn parses_string_arrays_and_rejects_others() {
        let p = Path::new("x.json");
        assert_eq!(
            parse_messages(p, r#"["AB", "C"]"#).expect("parse"),
            vec![b"AB".to_vec(), b"C".to_vec()]
        );
        assert!(parse_messages(p, "[]").is_err());
        assert!(parse_messages(p, "[1, 2]").is_err());
        assert!(parse_messages(p, "{}").is_err());
    }
}
