//! Static descriptions of schemes: the `INFO` constant every typed scheme carries.

use serde::{Deserialize, Serialize};

/// The family a scheme belongs to; selects the typed trait and the operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Digital signatures ([`crate::SignatureScheme`]).
    Sig,
    /// Key encapsulation mechanisms ([`crate::Kem`]).
    Kem,
    /// Hash functions ([`crate::HashFn`]).
    Hash,
    /// Zero-knowledge proof systems.
    Zk,
}

impl Family {
    /// Every family, in display order.
    pub const ALL: [Family; 4] = [Family::Sig, Family::Kem, Family::Hash, Family::Zk];

    /// The short name used on the command line and in result files.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Sig => "sig",
            Family::Kem => "kem",
            Family::Hash => "hash",
            Family::Zk => "zk",
        }
    }

    /// Parses a short name (`sig`, `kem`, `hash`, `zk`).
    pub fn parse(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

impl std::fmt::Display for Family {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The size of an encoded object as the scheme specifies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "bytes", rename_all = "lowercase")]
pub enum Size {
    /// Always exactly this many bytes.
    Exact(usize),
    /// At most this many bytes (DER signatures, Falcon).
    Max(usize),
    /// Depends on the input (proofs of variable length).
    Variable,
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Size::Exact(n) => write!(f, "{n}"),
            Size::Max(n) => write!(f, "≤{n}"),
            Size::Variable => f.write_str("var"),
        }
    }
}

/// The security level a scheme claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "level", rename_all = "snake_case")]
pub enum Security {
    /// Classical security in bits (e.g. 128 for Ed25519); no post-quantum claim.
    ClassicalBits(u16),
    /// NIST post-quantum security category 1..=5.
    NistCategory(u8),
}

impl std::fmt::Display for Security {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Security::ClassicalBits(b) => write!(f, "{b}-bit classical"),
            Security::NistCategory(c) => write!(f, "NIST cat {c}"),
        }
    }
}

/// Which library implements a scheme, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Implementation {
    /// Short implementation id, the part after `/` in a scheme id (`dalek`, `ring`).
    pub id: &'static str,
    /// The crates.io crate that does the work (its locked version is looked up
    /// in `Cargo.lock` and recorded in provenance).
    pub krate: &'static str,
    /// Code path inside the crate: `portable`, `avx2`, `asm`, `blst`...
    pub backend: &'static str,
}

/// A named object size (`pk`, `sk`, `sig`, `ct`, `ss`, `digest`, `proof`...).
pub type NamedSize = (&'static str, Size);

/// Everything the harness and reports know about a scheme without running it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct SchemeInfo {
    /// Scheme name, the part before `/` in a scheme id (`ed25519`, `ml-dsa-65`).
    pub name: &'static str,
    /// The family, which decides the operations.
    pub family: Family,
    /// The implementing library.
    pub implementation: Implementation,
    /// The standard the scheme follows (`RFC 8032`, `FIPS 204`, `GB/T 32918.2-2016`).
    pub standard: &'static str,
    /// Claimed security level.
    pub security: Security,
    /// Whether the same key and message always give the same output; schemes that
    /// cannot take the harness's seeded RNG are marked `false`.
    pub deterministic: bool,
    /// Whether the implementation claims constant-time secret-dependent operations.
    pub constant_time: bool,
    /// Specified sizes of the encoded objects.
    pub sizes: &'static [NamedSize],
    /// A short remark shown in listings and reports (empty when none).
    pub note: &'static str,
}

impl SchemeInfo {
    /// The scheme id, `name/impl`, as used on the command line.
    pub fn id(&self) -> String {
        format!("{}/{}", self.name, self.implementation.id)
    }

    /// The specified size of the named object, if the scheme lists one.
    pub fn size(&self, object: &str) -> Option<Size> {
        self.sizes
            .iter()
            .find(|(n, _)| *n == object)
            .map(|(_, s)| *s)
    }
}
