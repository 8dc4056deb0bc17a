//! Turning a suite and a selection into the list of measurements to take.

use serde::{Deserialize, Serialize};

use crate::dynamic::Axis;
use crate::engine::EngineConfig;
use crate::registry::suggest;
use crate::{Entry, Error, Family, Op, Params, Registry, Result};

mod partition;

pub use partition::{
    EnvPartition, PARTITION_COUNT_VAR, parse_partition, partition, partition_from_env,
    plan_partition,
};

/// A named suite: engine settings and default parameter sweeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Suite {
    /// Every registered scheme and op on small parameters, in about two minutes.
    Quick,
    /// Longer sampling, message-length sweeps and the slow variants.
    Full,
}

impl Suite {
    /// Engine settings.
    pub fn engine(self) -> EngineConfig {
        match self {
            Suite::Quick => EngineConfig::quick(),
            Suite::Full => EngineConfig::full(),
        }
    }

    /// Default message lengths for signatures and hashes.
    pub fn msg_lens(self, family: Family) -> Vec<usize> {
        match (self, family) {
            (Suite::Quick, Family::Hash) => vec![64, 1024, 16384],
            (Suite::Quick, _) => vec![32],
            (Suite::Full, Family::Hash) => vec![32, 64, 256, 1024, 16384, 1 << 20],
            (Suite::Full, _) => vec![32, 1024, 1 << 20],
        }
    }

    /// Default batch sizes for batch and aggregate operations.
    pub fn batches(self) -> Vec<usize> {
        match self {
            Suite::Quick => vec![64],
            Suite::Full => vec![8, 64, 256],
        }
    }
}

/// What a run was asked to do; stored in run.json so `--resume` repeats it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunConfig {
    /// Suite.
    pub suite: Suite,
    /// Scheme globs (empty: all).
    pub schemes: Vec<String>,
    /// Families (empty: all).
    pub families: Vec<Family>,
    /// Operations (empty: all the scheme offers).
    pub ops: Vec<Op>,
    /// Message lengths overriding the suite's.
    pub msg_lens: Option<Vec<usize>>,
    /// Batch sizes overriding the suite's.
    pub batches: Option<Vec<usize>>,
    /// Statement sizes overriding the scheme's defaults (ZK).
    #[serde(default)]
    pub sizes: Option<Vec<usize>>,
    /// Rayon threads.
    pub threads: usize,
    /// RNG seed for every input.
    pub seed: u64,
    /// `Some((k, n))`: run only the k-th (1-based) of n slices of the plan
    /// (`--partition k/n`, see [`partition`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<(usize, usize)>,
}

/// One planned measurement.
#[derive(Clone)]
pub struct Job {
    /// The scheme.
    pub entry: Entry,
    /// The operation.
    pub op: Op,
    /// Its parameters.
    pub params: Params,
    /// Rayon threads.
    pub threads: usize,
}

impl Job {
    /// The unique key stored in each record.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|threads={}",
            self.entry.id(),
            self.op,
            self.params.label(),
            self.threads
        )
    }
}

/// Parses an operation name, listing the valid ones on error.
pub fn parse_op(name: &str) -> Result<Op> {
    Op::parse(name).ok_or_else(|| {
        let names: Vec<String> = Op::ALL.iter().map(|o| o.as_str().to_string()).collect();
        Error::Usage(format!(
            "unknown operation `{name}`; {}",
            suggest(name, &names)
        ))
    })
}

/// Parses a family name, listing the valid ones on error.
pub fn parse_family(name: &str) -> Result<Family> {
    Family::parse(name).ok_or_else(|| {
        let names: Vec<String> = Family::ALL.iter().map(|f| f.as_str().to_string()).collect();
        Error::Usage(format!(
            "unknown family `{name}`; {}",
            suggest(name, &names)
        ))
    })
}

/// Expands the configuration into jobs, in a stable order.
pub fn plan(registry: &Registry, config: &RunConfig) -> Result<Vec<Job>> {
    let explicit = !config.schemes.is_empty();
    let entries: Vec<Entry> = registry
        .select(&config.schemes)?
        .into_iter()
        .filter(|e| config.families.is_empty() || config.families.contains(&e.info().family))
        // The quick suite leaves out slow variants unless they are asked for by name.
        .filter(|e| explicit || config.suite == Suite::Full || !e.full_suite_only())
        .collect();
    let mut jobs = Vec::new();
    for entry in entries {
        let family = entry.info().family;
        for op in entry.ops() {
            if !config.ops.is_empty() && !config.ops.contains(&op) {
                continue;
            }
            let params: Vec<Params> = match entry.axis(op) {
                Axis::None => vec![Params::default()],
                Axis::MsgLen => config
                    .msg_lens
                    .clone()
                    .unwrap_or_else(|| config.suite.msg_lens(family))
                    .into_iter()
                    .map(|l| Params {
                        msg_len: Some(l),
                        ..Params::default()
                    })
                    .collect(),
                Axis::Batch => config
                    .batches
                    .clone()
                    .unwrap_or_else(|| config.suite.batches())
                    .into_iter()
                    .map(|b| Params {
                        batch: Some(b),
                        ..Params::default()
                    })
                    .collect(),
                Axis::Size => config
                    .sizes
                    .clone()
                    .unwrap_or_else(|| entry.size_params(config.suite == Suite::Full))
                    .into_iter()
                    .map(|n| Params {
                        size: Some(n),
                        ..Params::default()
                    })
                    .collect(),
                Axis::Set => entry
                    .sets()?
                    .into_iter()
                    .map(|s| Params {
                        set: Some(s.to_string()),
                        ..Params::default()
                    })
                    .collect(),
            };
            for params in params {
                jobs.push(Job {
                    entry,
                    op,
                    params,
                    threads: config.threads,
                });
            }
        }
    }
    if jobs.is_empty() {
        let ops: Vec<&str> = config.ops.iter().map(|o| o.as_str()).collect();
        return Err(Error::Usage(format!(
            "the selection is empty: no selected scheme offers {}",
            if ops.is_empty() {
                "any operation".to_string()
            } else {
                ops.join(", ")
            }
        )));
    }
    Ok(jobs)
}
