//! Reproduction specs: one folder per published result (`papers/<slug>/`),
//! holding `paper.toml` (citation, link, the published figures with units,
//! machine and where each was read, the ledgerbench measurement that gives
//! the comparable quantity, and how to compare: a ratio, a scaling exponent,
//! an exact byte count, with a tolerance and the reason a raw absolute time
//! cannot be compared across machines) and a short `README.md`.
//!
//! Every spec is compiled into the binary, so `ledgerbench paper list` and
//! `paper reproduce` work from an installed binary with the sources gone.
//!
//! ```
//! let papers = ledgerbench_papers::all().expect("the shipped specs parse");
//! assert_eq!(papers.len(), 6);
//! let zkalc = ledgerbench_papers::find("zkalc-bls12-381-pairing").expect("shipped");
//! assert_eq!(zkalc.spec().expect("parses").needs(), ["bls12-381-minpk/*"]);
//! ```
#![forbid(unsafe_code)]

pub mod evaluate;
pub mod row;
pub mod spec;

use std::path::{Path, PathBuf};

use ledgerbench_harness::registry::suggest;
use ledgerbench_harness::{Error, Result};

pub use evaluate::{Observed, evaluate};
pub use row::{PAPER, PaperRow, Verdict};
pub use spec::Spec;

/// A paper folder compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct Embedded {
    /// The folder name.
    pub slug: &'static str,
    /// `paper.toml`.
    pub spec: &'static str,
    /// `README.md`.
    pub readme: &'static str,
    /// Other files of the folder a spec refers to (workload profiles).
    pub files: &'static [(&'static str, &'static str)],
}

macro_rules! paper {
    ($slug:literal $(, $file:literal)*) => {
        Embedded {
            slug: $slug,
            spec: include_str!(concat!("../", $slug, "/paper.toml")),
            readme: include_str!(concat!("../", $slug, "/README.md")),
            files: &[$(($file, include_str!(concat!("../", $slug, "/", $file)))),*],
        }
    };
}

/// Every shipped paper, in the order `paper list` shows them.
pub const PAPERS: &[Embedded] = &[
    paper!("ed25519-ebacs"),
    paper!("zkalc-bls12-381-pairing"),
    paper!("cctv-mldsa-signing"),
    paper!("mlkem-native-768"),
    paper!("pq-signatures-in-blocks", "profile.toml"),
    paper!("zk-bench-groth16-scaling"),
];

/// Where a spec came from: compiled in, or a `paper.toml` on disk.
#[derive(Clone, Debug)]
pub enum Source {
    /// A shipped paper.
    Embedded(Embedded),
    /// A `paper.toml` file (its folder holds the files it refers to).
    File(PathBuf),
}

impl Embedded {
    /// The parsed spec.
    pub fn spec(&self) -> Result<Spec> {
        Spec::parse(self.spec, &format!("papers/{}/paper.toml", self.slug))
    }
}

impl Source {
    /// A shipped slug, or a path to a `paper.toml` (or its folder).
    pub fn resolve(slug_or_path: &str) -> Result<Source> {
        if let Ok(p) = find(slug_or_path) {
            return Ok(Source::Embedded(p));
        }
        let path = Path::new(slug_or_path);
        let file = if path.is_dir() {
            path.join("paper.toml")
        } else {
            path.to_path_buf()
        };
        if file.is_file() {
            return Ok(Source::File(file));
        }
        find(slug_or_path).map(Source::Embedded)
    }

    /// The parsed spec.
    pub fn spec(&self) -> Result<Spec> {
        match self {
            Source::Embedded(p) => p.spec(),
            Source::File(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
                Spec::parse(&text, &path.display().to_string())
            }
        }
    }

    /// A file of the paper's folder (a workload profile), with its origin for
    /// error messages.
    pub fn file(&self, name: &str) -> Result<(String, String)> {
        match self {
            Source::Embedded(p) => p
                .files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(n, text)| (text.to_string(), format!("papers/{}/{n}", p.slug)))
                .ok_or_else(|| {
                    Error::Usage(format!("papers/{}: no file `{name}` is shipped", p.slug))
                }),
            Source::File(path) => {
                let file = path.parent().unwrap_or(Path::new(".")).join(name);
                let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
                Ok((text, file.display().to_string()))
            }
        }
    }
}

/// The shipped paper `slug`; an unknown slug lists the valid ones.
pub fn find(slug: &str) -> Result<Embedded> {
    PAPERS
        .iter()
        .copied()
        .find(|p| p.slug == slug)
        .ok_or_else(|| {
            let slugs: Vec<String> = PAPERS.iter().map(|p| p.slug.to_string()).collect();
            Error::Usage(format!("no paper `{slug}`; {}", suggest(slug, &slugs)))
        })
}

/// Every shipped paper with its parsed spec.
pub fn all() -> Result<Vec<(Embedded, Spec)>> {
    PAPERS.iter().map(|p| Ok((*p, p.spec()?))).collect()
}

#[cfg(test)]
mod tests;
