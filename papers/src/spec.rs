//! The `paper.toml` format: what was published, how ledgerbench measures the
//! comparable quantity, and how the two are compared.
//!
//! ```toml
//! slug = "zkalc-bls12-381-pairing"
//! title = "…"
//! citation = "…"
//! url = "https://…"
//! measures = "what the run measures, in one sentence"
//! absolute_times = "why a raw time from the source's machine cannot be compared with this one"
//!
//! [run]                       # the benchmark run (`ledgerbench run` machinery)
//! schemes = ["bls12-381-minpk/*"]
//! ops = ["verify"]
//!
//! [workload]                  # and/or ledger workloads built from a profile
//! profile = "profile.toml"    # a file beside paper.toml
//! block_txs = 100
//! runs = [{ label = "ml-dsa-44", roles = { sig = "ml-dsa-44/libcrux" } }]
//!
//! [[published]]               # each figure, with where it was read
//! name = "arkworks_pairing"
//! value = 1569168.157
//! unit = "ns"
//! machine = "AWS m5.2xlarge"
//! source = "https://…"
//! found = "what the source says, quoted"
//!
//! [[compare]]                 # one table row per compare (per scheme with `schemes`)
//! what = "arkworks / blst"
//! kind = "ratio"
//! num = { scheme = "bls12-381-minpk/arkworks", op = "verify" }
//! den = { scheme = "bls12-381-minpk/blst", op = "verify" }
//! published = ["arkworks_pairing", "blstrs_pairing"]
//! tolerance = 0.5
//! why = "what the comparison means and why it may differ"
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use ledgerbench_harness::workload::profile::from_toml;
use ledgerbench_harness::{Error, Result};

/// One `paper.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Folder name under `papers/` and the argument of `paper reproduce`.
    pub slug: String,
    /// Short title.
    pub title: String,
    /// Full citation (authors, title, venue, year or version).
    pub citation: String,
    /// Link to the source.
    pub url: String,
    /// What the run measures that is comparable with the published figures.
    pub measures: String,
    /// Why a raw absolute time (or cycle count) from the source's machine is
    /// not comparable with one from this machine.
    pub absolute_times: String,
    /// The benchmark run.
    pub run: RunSpec,
    /// The ledger workloads, if any.
    #[serde(default)]
    pub workload: Option<WorkloadSpec>,
    /// The published figures.
    #[serde(default)]
    pub published: Vec<Published>,
    /// The comparisons: one table row each (one per scheme with `schemes`).
    #[serde(default)]
    pub compare: Vec<Compare>,
}

/// A benchmark run through the same planner and engine as `ledgerbench run`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSpec {
    /// Scheme globs.
    pub schemes: Vec<String>,
    /// Operations (empty: every op of the schemes).
    #[serde(default)]
    pub ops: Vec<String>,
    /// Message lengths.
    #[serde(default)]
    pub msg_len: Option<Vec<usize>>,
    /// Batch sizes.
    #[serde(default)]
    pub batch: Option<Vec<usize>>,
    /// Statement sizes (ZK).
    #[serde(default)]
    pub sizes: Option<Vec<usize>>,
}

/// Ledger workloads built from one profile with several role assignments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadSpec {
    /// The profile file beside `paper.toml`.
    pub profile: String,
    /// Transactions per block.
    #[serde(default)]
    pub block_txs: Option<usize>,
    /// Blocks built and verified per run.
    #[serde(default = "one")]
    pub blocks: usize,
    /// One workload run per assignment.
    pub runs: Vec<WorkloadRun>,
}

fn one() -> usize {
    1
}

/// A role assignment of the profile, named for the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadRun {
    /// Name used by `compare` entries.
    pub label: String,
    /// Role → scheme id.
    pub roles: BTreeMap<String, String>,
}

/// A published figure and where it was read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// Name `compare` entries refer to.
    pub name: String,
    /// The value.
    pub value: f64,
    /// Its unit (`cycles`, `ns`, `ms`, `B`, `tx`).
    pub unit: String,
    /// The machine (and library version) it was measured on.
    pub machine: String,
    /// Where it was read (URL, with file and commit where it applies).
    pub source: String,
    /// What the source says, as read.
    pub found: String,
    /// The x-coordinate of a scaling point (constraints), for `exponent`.
    #[serde(default)]
    pub x: Option<f64>,
    /// The figure could not be confirmed in its source: shown, never trusted.
    #[serde(default)]
    pub unconfirmed: bool,
}

/// How a row compares the measured and the published quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A ratio between two measured quantities (schemes or ops) against the
    /// same ratio of two published figures; agrees within a factor of
    /// `1 + tolerance` either way.
    Ratio,
    /// One measured quantity against one published figure (cycles on another
    /// CPU): shown for scale; agrees within a factor of `1 + tolerance`.
    Absolute,
    /// The scaling exponent b of time ∝ sizeᵇ, fitted over the measured sizes,
    /// against the exponent between two published points; agrees within
    /// `tolerance` (absolute).
    Exponent,
    /// An exact byte count (observed sizes or workload bytes) against the
    /// published count; agrees within `tolerance` bytes (default 0).
    Bytes,
    /// The `.alt` agreement of representative signing sets (check records):
    /// the two means must agree within their 95% CIs.
    Check,
}

/// Which statistic of a measurement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stat {
    /// Nanoseconds per item (the record's headline: mean for variable-time ops).
    #[default]
    Ns,
    /// TSC cycles per item (same headline rule).
    Cycles,
}

/// A figure of workload records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkloadField {
    /// Signature plus public-key bytes per transaction.
    SignedBytes,
    /// All on-chain bytes per transaction.
    TxBytes,
    /// Transactions fitting in `block_bytes` (floor of block_bytes / tx bytes).
    TxsPerBlock,
}

/// A measured quantity: one record's figure, or one workload record's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// Scheme id (default: the row's scheme from `schemes`).
    #[serde(default)]
    pub scheme: Option<String>,
    /// Operation.
    #[serde(default)]
    pub op: Option<String>,
    /// Only records with this batch size.
    #[serde(default)]
    pub batch: Option<usize>,
    /// Only records with this message length.
    #[serde(default)]
    pub msg_len: Option<usize>,
    /// Only records with this signing set.
    #[serde(default)]
    pub set: Option<String>,
    /// Only records with this statement size.
    #[serde(default)]
    pub size: Option<usize>,
    /// Nanoseconds or cycles.
    #[serde(default)]
    pub stat: Stat,
    /// Sum of these observed sizes (`["pk", "sig"]`) instead of a time.
    #[serde(default)]
    pub bytes: Option<Vec<String>>,
    /// A workload run's label instead of a record.
    #[serde(default)]
    pub workload: Option<String>,
    /// Which workload figure.
    #[serde(default)]
    pub field: Option<WorkloadField>,
    /// Block size limit for `txs-per-block`, in bytes.
    #[serde(default)]
    pub block_bytes: Option<f64>,
}

/// One comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Compare {
    /// What the row shows.
    pub what: String,
    /// How it compares.
    pub kind: Kind,
    /// A glob: one row per measured scheme it matches (quantities without
    /// their own `scheme` take the row's).
    #[serde(default)]
    pub schemes: Option<String>,
    /// The measured quantity (`absolute`, `bytes`, `exponent`: the series op).
    #[serde(default)]
    pub value: Option<Quantity>,
    /// Numerator of a `ratio`.
    #[serde(default)]
    pub num: Option<Quantity>,
    /// Denominator of a `ratio`.
    #[serde(default)]
    pub den: Option<Quantity>,
    /// Published figures by name: one (`absolute`, `bytes`), two for a ratio
    /// (numerator, denominator) or an exponent (two scaling points), none for
    /// `check`.
    #[serde(default)]
    pub published: Vec<String>,
    /// Tolerance (see [`Kind`]).
    #[serde(default)]
    pub tolerance: f64,
    /// What the comparison means and why measured and published may differ.
    pub why: String,
}

impl Spec {
    /// Parses a `paper.toml`; errors name `origin`, the line and the key, and
    /// every reference to a published figure or workload label is checked.
    pub fn parse(text: &str, origin: &str) -> Result<Spec> {
        let spec: Spec = from_toml(text, origin)?;
        spec.validate(origin)?;
        Ok(spec)
    }

    fn validate(&self, origin: &str) -> Result<()> {
        let bad = |msg: String| Err(Error::Usage(format!("{origin}: {msg}")));
        let labels: Vec<&str> = self
            .workload
            .iter()
            .flat_map(|w| w.runs.iter().map(|r| r.label.as_str()))
            .collect();
        for c in &self.compare {
            for name in &c.published {
                if !self.published.iter().any(|p| &p.name == name) {
                    return bad(format!(
                        "compare `{}` refers to published figure `{name}`, which is not listed",
                        c.what
                    ));
                }
            }
            let wanted = match c.kind {
                Kind::Ratio | Kind::Exponent => 2,
                Kind::Absolute | Kind::Bytes => 1,
                Kind::Check => 0,
            };
            if c.published.len() != wanted {
                return bad(format!(
                    "compare `{}` ({:?}) takes {wanted} published figure(s), not {}",
                    c.what,
                    c.kind,
                    c.published.len()
                ));
            }
            let quantities = match c.kind {
                Kind::Ratio => vec![&c.num, &c.den],
                Kind::Absolute | Kind::Bytes | Kind::Exponent => vec![&c.value],
                Kind::Check => vec![],
            };
            for q in quantities {
                let Some(q) = q else {
                    return bad(format!(
                        "compare `{}` ({:?}) lacks its quantity (`value`, or `num` and `den`)",
                        c.what, c.kind
                    ));
                };
                if let Some(label) = &q.workload
                    && !labels.contains(&label.as_str())
                {
                    return bad(format!(
                        "compare `{}` refers to workload run `{label}`; runs: {}",
                        c.what,
                        labels.join(", ")
                    ));
                }
                if q.workload.is_none() && q.op.is_none() {
                    return bad(format!("compare `{}`: a quantity needs `op`", c.what));
                }
                if q.scheme.is_none() && q.workload.is_none() && c.schemes.is_none() {
                    return bad(format!(
                        "compare `{}`: a quantity needs `scheme`, or the compare `schemes`",
                        c.what
                    ));
                }
            }
        }
        Ok(())
    }

    /// A published figure by name (validated to exist).
    pub fn figure(&self, name: &str) -> Option<&Published> {
        self.published.iter().find(|p| p.name == name)
    }

    /// The scheme ids and globs the paper needs registered.
    pub fn needs(&self) -> Vec<String> {
        let mut needs: Vec<String> = Vec::new();
        let mut add = |s: &str| {
            if !needs.iter().any(|n| n == s) {
                needs.push(s.to_string());
            }
        };
        self.run.schemes.iter().for_each(|s| add(s));
        if let Some(w) = &self.workload {
            for r in &w.runs {
                r.roles.values().for_each(|s| add(s));
            }
        }
        needs
    }
}
