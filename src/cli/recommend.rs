//! `ledgerbench recommend <profile> [constraints]`: every registered
//! combination of a profile's roles against a sector's budget, from measured
//! figures — the feasible set ranked, its Pareto front, and for the rest the
//! first constraint each breaks. Writes results/<run-id>/ (the workload
//! records used and one `recommendation` record per combination).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use ledgerbench_harness::advisor::constraints::{
    Constraints, MinSecurity, PqRequirement, parse_bytes,
};
use ledgerbench_harness::advisor::evaluate::{Recommendation, Source, Verdict};
use ledgerbench_harness::advisor::{advise, plan};
use ledgerbench_harness::engine::EngineConfig;
use ledgerbench_harness::results::{JsonLines, RunDir, Status, now_rfc3339};
use ledgerbench_harness::workload::profile::Profile;
use ledgerbench_harness::workload::resolve::resolve;
use ledgerbench_harness::workload::run::{WorkloadOptions, WorkloadRecord, block_timing, run};
use ledgerbench_harness::{Error, Registry, Result};

use super::workload::{create_run_dir, human_bytes};

/// Options of `recommend`.
#[derive(clap::Args, Debug)]
pub struct RecommendArgs {
    /// Profile name or TOML file.
    profile: String,
    /// Peak transactions per second to verify (default: the profile's target_tps).
    #[arg(long)]
    tps: Option<f64>,
    /// Largest block, e.g. 4MB, 512KiB (default: no limit).
    #[arg(long)]
    block_bytes: Option<String>,
    /// Seconds between blocks.
    #[arg(long, default_value_t = 1.0)]
    block_interval: f64,
    /// Cores a validator has for verification (default: no limit).
    #[arg(long)]
    cores: Option<f64>,
    /// Largest ledger growth per year, e.g. 50TB (default: no limit).
    #[arg(long)]
    storage_per_year: Option<String>,
    /// Post-quantum requirement for signature and KEM roles: none, hybrid or required.
    #[arg(long, default_value = "none")]
    pq: String,
    /// Security floor: classical-equivalent bits (128) or a NIST category (cat3).
    #[arg(long)]
    min_security: Option<String>,
    /// Keep only combinations whose schemes passed conformance.
    #[arg(long)]
    conformant_only: bool,
    /// Also measure full-suite-only schemes (operations of seconds, e.g. SLH-DSA-128s).
    #[arg(long)]
    include_slow: bool,
    /// Reuse the workload records of a results directory instead of measuring.
    #[arg(long)]
    from: Option<PathBuf>,
    /// Transactions per measured block (default: the profile's, at most 64).
    #[arg(long)]
    block_txs: Option<usize>,
    /// Blocks built per measured combination.
    #[arg(long, default_value_t = 2)]
    blocks: usize,
    /// Client-side seconds per block for distinct transactions before reuse.
    #[arg(long, default_value_t = 0.5)]
    client_budget: f64,
    /// Rayon threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Feasible combinations printed (all are in the records and the report).
    #[arg(long, default_value_t = 25)]
    top: usize,
    /// Parent directory of run directories.
    #[arg(long, default_value = "results")]
    out: PathBuf,
}

fn constraints(args: &RecommendArgs, profile: &Profile) -> Result<Constraints> {
    let positive = |name: &str, v: f64| {
        if v.is_finite() && v > 0.0 {
            Ok(v)
        } else {
            Err(Error::Usage(format!("--{name} must be positive, not {v}")))
        }
    };
    Ok(Constraints {
        tps: positive("tps", args.tps.unwrap_or(profile.scenario.target_tps.value))?,
        block_bytes: args.block_bytes.as_deref().map(parse_bytes).transpose()?,
        block_interval_s: positive("block-interval", args.block_interval)?,
        cores: args.cores.map(|c| positive("cores", c)).transpose()?,
        storage_per_year: args
            .storage_per_year
            .as_deref()
            .map(parse_bytes)
            .transpose()?,
        pq: PqRequirement::parse(&args.pq)?,
        min_security: args
            .min_security
            .as_deref()
            .map(MinSecurity::parse)
            .transpose()?,
    })
}

/// `--conformant-only`: conformance verdicts are recorded by a separate
/// command; until records carry them there is nothing to filter on.
fn conformance_filter(lines: Option<&JsonLines>) -> Result<BTreeMap<String, bool>> {
    let verdicts: BTreeMap<String, bool> = lines
        .into_iter()
        .flat_map(|l| &l.lines)
        .filter(|l| l.kind() == "conformance")
        .filter_map(|l| {
            let scheme = l.value.get("scheme")?.as_str()?.to_string();
            let passed = l.value.get("passed")?.as_bool()?;
            Some((scheme, passed))
        })
        .collect();
    if verdicts.is_empty() {
        return Err(Error::Usage(
            "--conformant-only: conformance verdicts are not recorded yet (no `conformance` \
             records with `scheme` and `passed` in the results); drop the flag"
                .into(),
        ));
    }
    Ok(verdicts)
}

/// The engine settings `recommend` times blocks with: shorter than a
/// workload run, still at least the samples a CI needs.
fn recommend_timing() -> EngineConfig {
    EngineConfig {
        warmup: Duration::from_millis(50),
        budget: Duration::from_millis(300),
        ..block_timing()
    }
}

/// Runs `recommend`.
pub fn recommend(
    registry: &Registry,
    args: RecommendArgs,
    command_line: Vec<String>,
) -> Result<i32> {
    let profile = Profile::load(&args.profile)?;
    let c = constraints(&args, &profile)?;
    let from_lines = match &args.from {
        Some(dir) => Some(RunDir::open(dir)?.read_lines()?),
        None => None,
    };
    let conformant = if args.conformant_only {
        Some(conformance_filter(from_lines.as_ref())?)
    } else {
        None
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let records: Vec<WorkloadRecord> = match &from_lines {
        Some(lines) => {
            let all = WorkloadRecord::read_all(lines)?;
            let mine: Vec<WorkloadRecord> = all
                .into_iter()
                .filter(|r| r.profile == profile.name)
                .collect();
            if !mine.iter().any(|r| r.roles == profile.roles) {
                return Err(Error::Usage(format!(
                    "{}: no workload record of `{}` with its default roles (the base the \
                     combinations are composed from); run `ledgerbench recommend {}` without --from",
                    lines.path.display(),
                    profile.name,
                    profile.name
                )));
            }
            mine
        }
        None => measure(registry, &profile, &c, &args, threads)?,
    };
    let mut recs = advise(&profile, registry, &c, &records);
    if let Some(verdicts) = &conformant {
        recs.retain(|r| r.roles.values().all(|id| verdicts.get(id) == Some(&true)));
    }

    let dir = create_run_dir(
        registry,
        &args.out,
        &format!("recommend-{}", profile.name),
        &profile.roles,
        threads,
        args.seed,
        command_line,
    )?;
    let mut writer = dir.appender()?;
    for r in &records {
        writer.append(r)?;
    }
    for r in &recs {
        writer.append(r)?;
    }
    let mut info = RunDir::open(dir.path())?.read_run_info()?;
    info.status = "complete".into();
    info.finished_at = Some(now_rfc3339());
    dir.write_run_info(&info)?;

    print!("{}", render(&profile, &c, &recs, args.top));
    println!("results: {}", dir.path().display());
    Ok(0)
}

/// Measures the profile's defaults and every single-role swap that passes
/// the static constraints, on the rayon pool of `threads`.
fn measure(
    registry: &Registry,
    profile: &Profile,
    c: &Constraints,
    args: &RecommendArgs,
    threads: usize,
) -> Result<Vec<WorkloadRecord>> {
    let plans = plan(profile, registry, c, args.include_slow);
    let opts = WorkloadOptions {
        blocks: args.blocks.max(1),
        block_txs: Some(
            args.block_txs
                .unwrap_or(profile.ledger.block_txs.min(64))
                .max(1),
        ),
        timing: recommend_timing(),
        client_budget_secs: args.client_budget,
        seed: args.seed,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::op("build thread pool", e))?;
    let mut out = Vec::new();
    for (i, roles) in plans.iter().enumerate() {
        let entries = resolve(profile, roles, registry)?;
        let label: Vec<String> = roles
            .iter()
            .filter(|(r, id)| profile.roles.get(*r) != Some(*id))
            .map(|(r, id)| format!("{r}={id}"))
            .collect();
        eprintln!(
            "[{}/{}] {} {}",
            i + 1,
            plans.len(),
            profile.name,
            if label.is_empty() {
                "(profile defaults)".into()
            } else {
                label.join(" ")
            }
        );
        let record = pool.install(|| run(profile, &entries, &opts));
        if record.status != Status::Ok {
            eprintln!(
                "  not measured ({}): {}",
                record.status,
                record.error.as_deref().unwrap_or("")
            );
        }
        out.push(record);
    }
    Ok(out)
}

fn est_text(r: &Recommendation, name: &str) -> String {
    match r.figure(name) {
        Some(e) if e.hi > e.lo => format!("{:.2} [{:.2}–{:.2}]", e.value, e.lo, e.hi),
        Some(e) => format!("{:.2}", e.value),
        None => "–".into(),
    }
}

fn roles_text(r: &Recommendation, varying: &[String]) -> String {
    varying
        .iter()
        .filter_map(|role| Some(format!("{role}={}", r.roles.get(role)?)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The terminal report: constraints and formulas, the feasible set ranked,
/// the Pareto front, the infeasible combinations and the migration path.
pub fn render(profile: &Profile, c: &Constraints, recs: &[Recommendation], top: usize) -> String {
    let mut out = String::new();
    let limit = |v: Option<f64>, f: fn(f64) -> String| v.map_or("none".to_string(), f);
    let _ = writeln!(
        out,
        "== recommend {} — tps {}, block interval {} s, block bytes {}, cores {}, storage/year {}, pq {:?}, min security {} ==",
        profile.name,
        c.tps,
        c.block_interval_s,
        limit(c.block_bytes, human_bytes),
        limit(c.cores, |v| format!("{v}")),
        limit(c.storage_per_year, human_bytes),
        c.pq,
        c.min_security.map_or("none".into(), |m| m.to_string())
    );
    let _ = writeln!(
        out,
        "formulas: bytes/tx measured; tx/block = tps × interval; block bytes = tx/block × bytes/tx;\n  \
         cores(strategy) = tps × core-µs/tx ÷ 10^6 (core-µs = wall µs/tx × threads busy);\n  \
         growth/yr = average_tps × tps ÷ target_tps × 31 536 000 s × bytes/tx;\n  \
         [lo–hi] = 95% CI of the median block time carried through (interval arithmetic);\n  \
         combinations not measured directly are the defaults + the sum of single-role differences (composed)."
    );
    // Roles that take more than one scheme across the combinations.
    let varying: Vec<String> = profile
        .roles
        .keys()
        .filter(|role| {
            let mut ids: Vec<&String> = recs.iter().filter_map(|r| r.roles.get(*role)).collect();
            ids.dedup();
            ids.len() > 1
        })
        .cloned()
        .collect();
    let mut feasible: Vec<&Recommendation> = recs.iter().filter(|r| r.feasible).collect();
    feasible.sort_by_key(|r| r.rank);
    let _ = writeln!(
        out,
        "\nfeasible: {} of {} combinations (ranked by verification cores at the best strategy, then bytes/tx)",
        feasible.len(),
        recs.len()
    );
    let _ = writeln!(
        out,
        "{:>4}  {:<48} {:>9} {:>8} {:>20} {:>20} {:>20} {:>10} {:<26} front",
        "rank",
        "roles",
        "bytes/tx",
        "tx/block",
        "cores sequential",
        "cores parallel",
        "cores batch",
        "growth/yr",
        "security",
    );
    for r in feasible.iter().take(top) {
        let noisy = r
            .checks
            .iter()
            .any(|k| k.verdict == Verdict::HoldsWithinNoise);
        let batch = if r.figure("cores_parallel_batch").is_some() {
            est_text(r, "cores_parallel_batch")
        } else {
            est_text(r, "cores_batch")
        };
        let _ = writeln!(
            out,
            "{:>4}  {:<48} {:>9.0} {:>8} {:>20} {:>20} {:>20} {:>10} {:<26} {}{}{}",
            r.rank.unwrap_or(0),
            roles_text(r, &varying),
            r.figure("bytes_per_tx").map_or(0.0, |e| e.value),
            r.figure("tx_per_block_capacity")
                .or(r.figure("tx_per_block_needed"))
                .map_or("–".into(), |e| format!("{:.0}", e.value)),
            est_text(r, "cores_sequential"),
            est_text(r, "cores_parallel"),
            batch,
            r.figure("growth_per_year")
                .map_or("–".into(), |e| human_bytes(e.value)),
            r.security,
            if r.pareto { "★" } else { "" },
            if r.source == Source::Composed {
                " (composed)"
            } else {
                ""
            },
            if noisy {
                " ≈ a verdict is within the noise"
            } else {
                ""
            },
        );
    }
    if feasible.len() > top {
        let _ = writeln!(
            out,
            "  … {} more feasible (all in the records; --top N prints more)",
            feasible.len() - top
        );
    }
    if c.block_bytes.is_some() {
        let _ = writeln!(
            out,
            "  tx/block: how many transactions of that size fit in --block-bytes"
        );
    } else {
        let _ = writeln!(
            out,
            "  tx/block: transactions a block must carry (tps × interval); no --block-bytes given"
        );
    }

    let front: Vec<&&Recommendation> = feasible.iter().filter(|r| r.pareto).collect();
    let _ = writeln!(
        out,
        "\nPareto front ({} of the feasible set: no other is smaller, cheaper to verify and at least as secure):",
        front.len()
    );
    for r in front {
        let _ = writeln!(
            out,
            "  ★ {:<48} {:>7.0} B/tx  {:>12} core-µs/tx ({})  {}",
            roles_text(r, &varying),
            r.figure("bytes_per_tx").map_or(0.0, |e| e.value),
            r.verify_cost()
                .map_or("–".into(), |e| format!("{:.1}", e.value)),
            r.best_strategy.as_deref().unwrap_or("–").replace('_', "-"),
            r.security
        );
    }

    // Infeasible: a static break caused by one role's scheme is printed once
    // for that scheme, whatever the other roles are.
    let infeasible: Vec<&Recommendation> = recs.iter().filter(|r| !r.feasible).collect();
    let _ = writeln!(
        out,
        "\ninfeasible: {} combinations, by the first constraint broken",
        infeasible.len()
    );
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut lines: Vec<String> = Vec::new();
    for r in &infeasible {
        let Some(check) = r
            .checks
            .iter()
            .find(|k| k.verdict.broken() || k.verdict == Verdict::Unknown)
        else {
            continue;
        };
        let is_static = matches!(check.constraint.as_str(), "pq" | "min-security" | "policy");
        if is_static {
            let key = format!("{}: {}", check.constraint, check.detail);
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                lines.push(key);
            }
        } else {
            lines.push(format!(
                "{} — {}: {} ({})",
                roles_text(r, &varying),
                check.constraint,
                check.detail,
                check.verdict.label()
            ));
        }
    }
    for line in lines {
        let count = seen.get(&line).copied().unwrap_or(1);
        if count > 1 {
            let _ = writeln!(out, "  {line} [{count} combinations]");
        } else {
            let _ = writeln!(out, "  {line}");
        }
    }

    if !profile.migration.is_empty() {
        let _ = writeln!(out, "\nmigration path ({}):", profile.name);
        for step in &profile.migration {
            let mut roles = profile.roles.clone();
            roles.extend(step.roles.clone());
            match recs.iter().find(|r| r.roles == roles) {
                Some(r) => {
                    let _ = writeln!(
                        out,
                        "  {:<24} {:<40} {:>7.0} B/tx  cores {:>20}  {}  {}",
                        step.step,
                        roles_text(r, &varying),
                        r.figure("bytes_per_tx").map_or(0.0, |e| e.value),
                        est_text(r, "cores_sequential"),
                        r.security,
                        r.first_broken
                            .as_deref()
                            .map_or("feasible".to_string(), |b| format!("breaks {b}"))
                    );
                }
                None => {
                    let ids: Vec<String> =
                        step.roles.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    let _ = writeln!(
                        out,
                        "  {:<24} {:<40} not registered in this build — {}",
                        step.step,
                        ids.join(" "),
                        step.note
                    );
                }
            }
        }
    }
    out
}
