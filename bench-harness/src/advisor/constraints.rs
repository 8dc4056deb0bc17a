//! A sector's budget: the constraints `ledgerbench recommend` checks, parsed
//! from the command line, and the security classes they compare.

use serde::{Deserialize, Serialize};

use crate::{Error, Result, Security};

/// How much post-quantum protection signature and KEM roles must have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PqRequirement {
    /// No requirement.
    #[default]
    None,
    /// Classical and post-quantum together (composite signatures, X-Wing):
    /// secure while either component is.
    Hybrid,
    /// Post-quantum security: pure post-quantum or hybrid.
    Required,
}

impl PqRequirement {
    /// Parses `none`, `hybrid` or `required`.
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(PqRequirement::None),
            "hybrid" => Ok(PqRequirement::Hybrid),
            "required" => Ok(PqRequirement::Required),
            other => Err(Error::Usage(format!(
                "--pq `{other}`: expected none, hybrid or required"
            ))),
        }
    }
}

/// The post-quantum class of a scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PqClass {
    /// Classical only.
    Classical,
    /// Classical and post-quantum combined.
    Hybrid,
    /// Post-quantum only.
    Pure,
}

impl PqClass {
    /// From a scheme's name and claimed security: a NIST category is a
    /// post-quantum claim; composites (`a+b`) and X-Wing combine a classical
    /// and a post-quantum component.
    pub fn of(name: &str, security: Security) -> Self {
        match security {
            Security::ClassicalBits(_) => PqClass::Classical,
            Security::NistCategory(_) if name.contains('+') || name == "x-wing" => PqClass::Hybrid,
            Security::NistCategory(_) => PqClass::Pure,
        }
    }

    /// Whether the class meets the requirement.
    pub fn meets(self, req: PqRequirement) -> bool {
        match req {
            PqRequirement::None => true,
            PqRequirement::Hybrid => self == PqClass::Hybrid,
            PqRequirement::Required => self != PqClass::Classical,
        }
    }
}

/// The least security every role must claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "level", rename_all = "snake_case")]
pub enum MinSecurity {
    /// Classical-equivalent bits (a NIST category counts as 128/128/192/192/256).
    Bits(u16),
    /// A NIST post-quantum category for signature and KEM roles.
    NistCategory(u8),
}

impl MinSecurity {
    /// Parses `128` (bits) or `cat3` / `nist3` / `category3`.
    pub fn parse(text: &str) -> Result<Self> {
        let t = text.trim().to_ascii_lowercase();
        let bad = || {
            Error::Usage(format!(
                "--min-security `{text}`: expected classical bits (128) or a NIST category (cat1..cat5)"
            ))
        };
        for prefix in ["category", "cat", "nist"] {
            if let Some(c) = t.strip_prefix(prefix) {
                let c: u8 = c.trim().parse().map_err(|_| bad())?;
                return if (1..=5).contains(&c) {
                    Ok(MinSecurity::NistCategory(c))
                } else {
                    Err(bad())
                };
            }
        }
        t.parse().map(MinSecurity::Bits).map_err(|_| bad())
    }

    /// Whether `security` meets this floor; `pq_role` says whether the role
    /// is one a NIST category applies to (signatures, KEMs).
    pub fn met_by(self, security: Security, pq_role: bool) -> bool {
        match self {
            MinSecurity::Bits(b) => equivalent_bits(security) >= b,
            MinSecurity::NistCategory(c) => {
                !pq_role || matches!(security, Security::NistCategory(have) if have >= c)
            }
        }
    }
}

impl std::fmt::Display for MinSecurity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MinSecurity::Bits(b) => write!(f, "{b}-bit"),
            MinSecurity::NistCategory(c) => write!(f, "NIST cat {c}"),
        }
    }
}

/// Classical-equivalent bits: categories 1–5 are defined by the cost of
/// breaking AES-128, SHA-256, AES-192, SHA-384, AES-256 (FIPS 203/204 §1).
pub fn equivalent_bits(security: Security) -> u16 {
    match security {
        Security::ClassicalBits(b) => b,
        Security::NistCategory(1 | 2) => 128,
        Security::NistCategory(3 | 4) => 192,
        Security::NistCategory(_) => 256,
    }
}

/// A score that orders security for the Pareto front: any post-quantum
/// claim above any classical one, then equivalent bits.
pub fn security_score(security: Security) -> f64 {
    let pq = matches!(security, Security::NistCategory(_));
    f64::from(equivalent_bits(security)) + if pq { 1000.0 } else { 0.0 }
}

/// What `recommend` is asked to fit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// Peak transactions per second to verify (default: the profile's target).
    pub tps: f64,
    /// Largest block in bytes.
    pub block_bytes: Option<f64>,
    /// Seconds between blocks.
    pub block_interval_s: f64,
    /// Cores a validator has for verification.
    pub cores: Option<f64>,
    /// Largest ledger growth per year, in bytes.
    pub storage_per_year: Option<f64>,
    /// Post-quantum requirement.
    pub pq: PqRequirement,
    /// Security floor.
    pub min_security: Option<MinSecurity>,
}

/// Parses a byte count: `4000000`, `4MB`, `4 MiB`, `1.5TB`, `2e15`.
pub fn parse_bytes(text: &str) -> Result<f64> {
    let t = text.trim();
    let split = t
        .find(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number.trim().parse().map_err(|_| {
        Error::Usage(format!(
            "`{text}` is not a byte count (e.g. 4MB, 512KiB, 10TB, 2e15)"
        ))
    })?;
    let scale = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "gb" | "g" => 1e9,
        "tb" | "t" => 1e12,
        "pb" | "p" => 1e15,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024f64.powi(3),
        "tib" => 1024f64.powi(4),
        "pib" => 1024f64.powi(5),
        _ => {
            return Err(Error::Usage(format!(
                "`{text}`: unknown unit `{}` (B, kB, MB, GB, TB, PB or KiB..PiB)",
                unit.trim()
            )));
        }
    };
    if !(value.is_finite() && value > 0.0) {
        return Err(Error::Usage(format!(
            "`{text}`: a byte count must be positive"
        )));
    }
    Ok(value * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_parse_with_decimal_and_binary_units() {
        assert_eq!(parse_bytes("4MB").expect("parses"), 4e6);
        assert_eq!(parse_bytes("4 MiB").expect("parses"), 4.0 * 1024.0 * 1024.0);
        assert_eq!(parse_bytes("2e15").expect("parses"), 2e15);
        assert_eq!(parse_bytes("1.5TB").expect("parses"), 1.5e12);
        assert!(
            parse_bytes("4XB")
                .expect_err("error")
                .to_string()
                .contains("`XB`")
        );
        assert!(parse_bytes("-1").is_err());
    }

    #[test]
    fn security_floors_compare_bits_and_categories() {
        assert_eq!(
            MinSecurity::parse("cat3").expect("parses"),
            MinSecurity::NistCategory(3)
        );
        assert_eq!(
            MinSecurity::parse("128").expect("parses"),
            MinSecurity::Bits(128)
        );
        assert!(MinSecurity::parse("cat6").is_err());
        let cat3 = MinSecurity::NistCategory(3);
        assert!(!cat3.met_by(Security::NistCategory(1), true));
        assert!(cat3.met_by(Security::NistCategory(5), true));
        assert!(!cat3.met_by(Security::ClassicalBits(256), true));
        // A hash role is not held to a post-quantum category.
        assert!(cat3.met_by(Security::ClassicalBits(128), false));
        // Category 1 is AES-128-equivalent (FIPS 204 §1): it meets 128 bits, not 192.
        assert!(MinSecurity::Bits(128).met_by(Security::NistCategory(1), true));
        assert!(!MinSecurity::Bits(192).met_by(Security::NistCategory(1), true));
        assert!(!MinSecurity::Bits(128).met_by(Security::ClassicalBits(126), false));
    }

    #[test]
    fn pq_classes_meet_requirements() {
        let ed = PqClass::of("ed25519", Security::ClassicalBits(128));
        let comp = PqClass::of("ed25519+ml-dsa-65", Security::NistCategory(3));
        let mldsa = PqClass::of("ml-dsa-65", Security::NistCategory(3));
        assert_eq!(
            (ed, comp, mldsa),
            (PqClass::Classical, PqClass::Hybrid, PqClass::Pure)
        );
        assert!(!ed.meets(PqRequirement::Required) && !ed.meets(PqRequirement::Hybrid));
        assert!(comp.meets(PqRequirement::Hybrid) && comp.meets(PqRequirement::Required));
        assert!(mldsa.meets(PqRequirement::Required) && !mldsa.meets(PqRequirement::Hybrid));
        assert!(PqRequirement::parse("sometimes").is_err());
    }
}
