//! Splitting a plan into slices (`--partition k/n`), and finding this job
//! array task's slice in its environment (`--partition auto`).

use super::{Job, RunConfig, plan};
use crate::{Error, Registry, Result};

/// Parses `k/n` (1 ≤ k ≤ n) as given to `--partition`.
pub fn parse_partition(text: &str) -> Result<(usize, usize)> {
    let bad = || {
        Error::Usage(format!(
            "--partition takes k/n with 1 ≤ k ≤ n (e.g. 2/4) or `auto`, not `{text}`"
        ))
    };
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    let k: usize = k.trim().parse().map_err(|_| bad())?;
    let n: usize = n.trim().parse().map_err(|_| bad())?;
    if k == 0 || n == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

/// The k-th (1-based) of `n` deterministic slices of `jobs`: job `i` of the
/// plan belongs to slice `i % n + 1`. Dealing jobs round-robin spreads slow
/// schemes over the slices; the n slices are disjoint and together are the
/// whole plan, in plan order. The plan itself is deterministic for a given
/// binary and configuration, so every machine computes the same slices.
pub fn partition(jobs: Vec<Job>, k: usize, n: usize) -> Result<Vec<Job>> {
    if k == 0 || n == 0 || k > n {
        return Err(Error::Usage(format!("partition {k}/{n}: need 1 ≤ k ≤ n")));
    }
    Ok(jobs
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, job)| job)
        .collect())
}

/// [`plan`], then the slice selected by `config.partition` (all jobs when
/// `None`). A slice may be empty when there are fewer jobs than slices.
pub fn plan_partition(registry: &Registry, config: &RunConfig) -> Result<Vec<Job>> {
    let jobs = plan(registry, config)?;
    match config.partition {
        Some((k, n)) => partition(jobs, k, n),
        None => Ok(jobs),
    }
}

/// The count variable `--partition auto` reads beside Kubernetes'
/// `JOB_COMPLETION_INDEX` (an Indexed Job exports no count of its own: set it
/// to the Job's `spec.completions`).
pub const PARTITION_COUNT_VAR: &str = "LEDGERBENCH_PARTITION_COUNT";

/// A slice chosen by `--partition auto` from the environment of a job array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvPartition {
    /// The slice, 1-based.
    pub k: usize,
    /// The number of slices.
    pub n: usize,
    /// The variables it was computed from, as `NAME=value` pairs (and any
    /// assumption made), for the user and the log.
    pub source: String,
}

/// Reads the slice of a Slurm job array or a Kubernetes Indexed Job from the
/// environment, through `var` (`|name| std::env::var(name).ok()` in the CLI).
///
/// - Slurm: `SLURM_ARRAY_TASK_ID` within `SLURM_ARRAY_TASK_MIN` ..
///   `SLURM_ARRAY_TASK_MAX` (step `SLURM_ARRAY_TASK_STEP`), so `--array=0-3`
///   and `--array=5-8` both give slices 1..4 of 4; `SLURM_ARRAY_TASK_COUNT`
///   must agree (an array given as a list, `--array=1,4,9`, is refused).
///   Without MIN/MAX, ids are taken as 1..=`SLURM_ARRAY_TASK_COUNT`.
/// - Kubernetes: `JOB_COMPLETION_INDEX` (0-based) of
///   [`PARTITION_COUNT_VAR`] completions.
///
/// Slurm wins when both are set. Neither set, a missing count or an index
/// out of range is an [`Error::Usage`] naming the variables.
pub fn partition_from_env(var: impl Fn(&str) -> Option<String>) -> Result<EnvPartition> {
    let read = |name: &str| -> Result<Option<usize>> {
        match var(name) {
            None => Ok(None),
            Some(text) => text.trim().parse().map(Some).map_err(|_| {
                Error::Usage(format!(
                    "--partition auto: {name}=`{text}` is not a non-negative integer"
                ))
            }),
        }
    };
    if let Some(id) = read("SLURM_ARRAY_TASK_ID")? {
        return slurm_partition(
            id,
            read("SLURM_ARRAY_TASK_MIN")?,
            read("SLURM_ARRAY_TASK_MAX")?,
            read("SLURM_ARRAY_TASK_STEP")?,
            read("SLURM_ARRAY_TASK_COUNT")?,
        );
    }
    if let Some(index) = read("JOB_COMPLETION_INDEX")? {
        let Some(count) = read(PARTITION_COUNT_VAR)? else {
            return Err(Error::Usage(format!(
                "--partition auto: JOB_COMPLETION_INDEX={index} is set (a Kubernetes \
                 Indexed Job) but {PARTITION_COUNT_VAR} is not; set it to the Job's \
                 spec.completions"
            )));
        };
        if index >= count {
            return Err(Error::Usage(format!(
                "--partition auto: JOB_COMPLETION_INDEX={index} is not below \
                 {PARTITION_COUNT_VAR}={count}"
            )));
        }
        return Ok(EnvPartition {
            k: index + 1,
            n: count,
            source: format!(
                "Kubernetes Indexed Job: JOB_COMPLETION_INDEX={index}, \
                 {PARTITION_COUNT_VAR}={count}"
            ),
        });
    }
    Err(Error::Usage(format!(
        "--partition auto: neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor \
         JOB_COMPLETION_INDEX with {PARTITION_COUNT_VAR} (a Kubernetes Indexed Job) \
         is set; give the slice as --partition K/N"
    )))
}

/// The slice of Slurm array task `id` (see [`partition_from_env`]).
fn slurm_partition(
    id: usize,
    min: Option<usize>,
    max: Option<usize>,
    step: Option<usize>,
    count: Option<usize>,
) -> Result<EnvPartition> {
    let bad = |detail: String| Error::Usage(format!("--partition auto: {detail}"));
    match (min, max) {
        (Some(min), Some(max)) => {
            let step = step.unwrap_or(1).max(1);
            if id < min || id > max || !(id - min).is_multiple_of(step) {
                return Err(bad(format!(
                    "SLURM_ARRAY_TASK_ID={id} is not in the array \
                     {min}-{max}:{step} (SLURM_ARRAY_TASK_MIN/MAX/STEP)"
                )));
            }
            let n = (max - min) / step + 1;
            if let Some(count) = count
                && count != n
            {
                return Err(bad(format!(
                    "SLURM_ARRAY_TASK_COUNT={count}, but the range \
                     {min}-{max}:{step} holds {n} ids: the array is a list, not a range; \
                     submit it as --array=1-N"
                )));
            }
            let mut source = format!(
                "Slurm job array: SLURM_ARRAY_TASK_ID={id}, SLURM_ARRAY_TASK_MIN={min}, \
                 SLURM_ARRAY_TASK_MAX={max}"
            );
            if step > 1 {
                source.push_str(&format!(", SLURM_ARRAY_TASK_STEP={step}"));
            }
            Ok(EnvPartition {
                k: (id - min) / step + 1,
                n,
                source,
            })
        }
        _ => {
            let Some(count) = count else {
                return Err(bad(format!(
                    "SLURM_ARRAY_TASK_ID={id} is set but neither \
                     SLURM_ARRAY_TASK_MIN/MAX nor SLURM_ARRAY_TASK_COUNT is"
                )));
            };
            if id == 0 || id > count {
                return Err(bad(format!(
                    "without SLURM_ARRAY_TASK_MIN/MAX task ids are taken as \
                     1..{count} (SLURM_ARRAY_TASK_COUNT), and SLURM_ARRAY_TASK_ID={id} \
                     is not one"
                )));
            }
            Ok(EnvPartition {
                k: id,
                n: count,
                source: format!(
                    "Slurm job array: SLURM_ARRAY_TASK_ID={id}, \
                     SLURM_ARRAY_TASK_COUNT={count} (no SLURM_ARRAY_TASK_MIN: ids \
                     taken to start at 1)"
                ),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    fn slice(pairs: &[(&str, &str)]) -> (usize, usize) {
        let p = partition_from_env(env(pairs)).expect("a slice");
        (p.k, p.n)
    }

    fn error(pairs: &[(&str, &str)]) -> String {
        partition_from_env(env(pairs))
            .expect_err("no slice")
            .to_string()
    }

    #[test]
    fn slurm_arrays_at_any_offset_give_slices_one_to_n() {
        // --array=1-4, task 1 and 4.
        let one = [
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_MAX", "4"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
        ];
        for (id, k) in [("1", 1), ("4", 4)] {
            let mut vars = one.to_vec();
            vars.push(("SLURM_ARRAY_TASK_ID", id));
            assert_eq!(slice(&vars), (k, 4));
        }
        // --array=0-3: task 0 is slice 1.
        assert_eq!(
            slice(&[
                ("SLURM_ARRAY_TASK_ID", "0"),
                ("SLURM_ARRAY_TASK_MIN", "0"),
                ("SLURM_ARRAY_TASK_MAX", "3"),
                ("SLURM_ARRAY_TASK_COUNT", "4"),
            ]),
            (1, 4)
        );
        // --array=10-20:5 holds 10, 15, 20.
        let p = partition_from_env(env(&[
            ("SLURM_ARRAY_TASK_ID", "15"),
            ("SLURM_ARRAY_TASK_MIN", "10"),
            ("SLURM_ARRAY_TASK_MAX", "20"),
            ("SLURM_ARRAY_TASK_STEP", "5"),
            ("SLURM_ARRAY_TASK_COUNT", "3"),
        ]))
        .expect("slice");
        assert_eq!((p.k, p.n), (2, 3));
        assert!(p.source.contains("SLURM_ARRAY_TASK_MIN=10"), "{}", p.source);
        // No MIN/MAX: ids 1..=COUNT.
        assert_eq!(
            slice(&[
                ("SLURM_ARRAY_TASK_ID", "3"),
                ("SLURM_ARRAY_TASK_COUNT", "3")
            ]),
            (3, 3)
        );
    }

    #[test]
    fn kubernetes_indexes_start_at_zero_and_need_a_count() {
        let p = partition_from_env(env(&[
            ("JOB_COMPLETION_INDEX", "0"),
            (PARTITION_COUNT_VAR, "4"),
        ]))
        .expect("slice");
        assert_eq!((p.k, p.n), (1, 4));
        assert!(p.source.contains("JOB_COMPLETION_INDEX=0"), "{}", p.source);
        assert_eq!(
            slice(&[("JOB_COMPLETION_INDEX", "3"), (PARTITION_COUNT_VAR, "4")]),
            (4, 4)
        );
        assert!(error(&[("JOB_COMPLETION_INDEX", "1")]).contains(PARTITION_COUNT_VAR));
        assert!(
            error(&[("JOB_COMPLETION_INDEX", "4"), (PARTITION_COUNT_VAR, "4")])
                .contains("not below")
        );
    }

    #[test]
    fn missing_or_inconsistent_variables_are_named() {
        let none = error(&[]);
        assert!(
            none.contains("SLURM_ARRAY_TASK_ID") && none.contains("JOB_COMPLETION_INDEX"),
            "{none}"
        );
        // A list (--array=1,4,9): MIN..MAX spans 9 ids, COUNT is 3.
        let list = error(&[
            ("SLURM_ARRAY_TASK_ID", "4"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_MAX", "9"),
            ("SLURM_ARRAY_TASK_COUNT", "3"),
        ]);
        assert!(list.contains("SLURM_ARRAY_TASK_COUNT=3"), "{list}");
        assert!(error(&[("SLURM_ARRAY_TASK_ID", "2")]).contains("SLURM_ARRAY_TASK_COUNT"));
        assert!(
            error(&[
                ("SLURM_ARRAY_TASK_ID", "0"),
                ("SLURM_ARRAY_TASK_COUNT", "2")
            ])
            .contains("1..2")
        );
        assert!(error(&[("SLURM_ARRAY_TASK_ID", "x")]).contains("`x`"));
    }
}
