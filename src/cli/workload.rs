//! `ledgerbench workload list|show|run`: ledger workloads from sector profiles.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Subcommand;

use ledgerbench_harness::engine::EngineConfig;
use ledgerbench_harness::plan::{RunConfig, Suite};
use ledgerbench_harness::provenance::RunInfo;
use ledgerbench_harness::results::{RunDir, Status, now_rfc3339, write_atomic};
use ledgerbench_harness::workload::profile::{BUILTIN, Profile};
use ledgerbench_harness::workload::resolve::{assign, parse_assignments, resolve};
use ledgerbench_harness::workload::run::{
    WorkloadOptions, WorkloadRecord, block_timing, compare, run,
};
use ledgerbench_harness::{Error, Registry, Result};

use super::summary::format_ns;

/// Workload subcommands.
#[derive(Subcommand, Debug)]
pub enum WorkloadCommand {
    /// List the shipped sector profiles.
    List,
    /// Print a profile (shipped name or file) and the schemes its roles resolve to.
    Show {
        /// Profile name or TOML file.
        profile: String,
    },
    /// Build and verify real blocks for a profile; writes results/<run-id>/.
    Run(WorkloadRunArgs),
}

/// Options of `workload run`.
#[derive(clap::Args, Debug)]
pub struct WorkloadRunArgs {
    /// Profile name or TOML file.
    profile: String,
    /// Swap a role's scheme, e.g. sig=ml-dsa-65/rustcrypto (repeatable).
    #[arg(long = "scheme")]
    schemes: Vec<String>,
    /// Also run with these role assignments and report the ratios, e.g. sig=ecdsa-secp256k1/libsecp256k1.
    #[arg(long = "baseline")]
    baseline: Vec<String>,
    /// Blocks to build and verify.
    #[arg(long, default_value_t = 3)]
    blocks: usize,
    /// Transactions per block (default: the profile's).
    #[arg(long)]
    block_txs: Option<usize>,
    /// Rayon threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Client-side seconds per block for distinct transactions before reuse.
    #[arg(long, default_value_t = 3.0)]
    client_budget: f64,
    /// Seconds of timed block verification per strategy, shared by its
    /// interleaved rounds (each strategy still times at least the samples a
    /// confidence interval needs).
    #[arg(long, default_value_t = block_timing().budget.as_secs_f64(), value_parser = parse_seconds)]
    timing_budget: f64,
    /// Parent directory of run directories.
    #[arg(long, default_value = "results")]
    out: PathBuf,
}

/// Runs a workload subcommand.
pub fn dispatch(
    registry: &Registry,
    command: WorkloadCommand,
    command_line: Vec<String>,
) -> Result<i32> {
    match command {
        WorkloadCommand::List => {
            for (name, text) in BUILTIN {
                let p = Profile::parse(text, name)?;
                let roles: Vec<String> =
                    p.roles.iter().map(|(r, id)| format!("{r}={id}")).collect();
                println!("{name:<26} {:<44} {}", p.title, roles.join(" "));
            }
            Ok(0)
        }
        WorkloadCommand::Show { profile } => {
            let p = Profile::load(&profile)?;
            match BUILTIN.iter().find(|(n, _)| *n == profile) {
                Some((_, text)) => print!("{text}"),
                None => print!(
                    "{}",
                    std::fs::read_to_string(&profile).map_err(|e| Error::io(&profile, e))?
                ),
            }
            println!("\n# resolved roles");
            for (role, id) in &p.roles {
                let status = if registry.get(id).is_some() {
                    "registered"
                } else {
                    "NOT REGISTERED"
                };
                println!("# {role} = {id} ({status})");
            }
            Ok(0)
        }
        WorkloadCommand::Run(args) => run_workload(registry, args, command_line),
    }
}

fn run_workload(
    registry: &Registry,
    args: WorkloadRunArgs,
    command_line: Vec<String>,
) -> Result<i32> {
    let profile = Profile::load(&args.profile)?;
    let roles = assign(&profile, &parse_assignments(&args.schemes)?)?;
    let entries = resolve(&profile, &roles, registry)?;
    let baseline = if args.baseline.is_empty() {
        None
    } else {
        let base_roles = assign(&profile, &parse_assignments(&args.baseline)?)?;
        let base_entries = resolve(&profile, &base_roles, registry)?;
        Some(base_entries)
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let opts = WorkloadOptions {
        blocks: args.blocks.max(1),
        block_txs: args.block_txs,
        client_budget_secs: args.client_budget,
        seed: args.seed,
        timing: EngineConfig {
            budget: Duration::from_secs_f64(args.timing_budget),
            ..block_timing()
        },
    };
    let dir = create_run_dir(
        registry,
        &args.out,
        &format!("workload-{}", profile.name),
        &roles,
        threads,
        args.seed,
        command_line,
    )?;
    write_atomic(
        &dir.path().join("workload.json"),
        serde_json::to_string_pretty(
            &serde_json::json!({ "profile": profile, "roles": roles, "options": opts }),
        )
        .map_err(|e| Error::op("serialize", e))?
        .as_bytes(),
    )?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::op("build thread pool", e))?;
    let mut writer = dir.appender()?;
    let (mut record, base) = pool.install(|| {
        eprintln!(
            "building and verifying {} block(s) of {} ...",
            opts.blocks, profile.name
        );
        let record = run(&profile, &entries, &opts);
        let base = baseline.as_ref().map(|b| {
            eprintln!("baseline ...");
            run(&profile, b, &opts)
        });
        (record, base)
    });
    if let Some(base) = &base {
        compare(&mut record, base);
        writer.append(base)?;
    }
    writer.append(&record)?;
    let mut info = RunDir::open(dir.path())?.read_run_info()?;
    info.status = "complete".into();
    info.finished_at = Some(now_rfc3339());
    info.peak_rss_bytes = ledgerbench_harness::alloc::peak_rss_bytes();
    dir.write_run_info(&info)?;

    if let Some(base) = &base {
        print!("{}", workload_table(base));
    }
    print!("{}", workload_table(&record));
    println!("results: {}", dir.path().display());
    let ok = record.status == Status::Ok && base.as_ref().is_none_or(|b| b.status == Status::Ok);
    Ok(if ok { 0 } else { 1 })
}

/// A new run directory `<out>/<time>-<name>` with its `run.json`.
pub(super) fn create_run_dir(
    registry: &Registry,
    out: &Path,
    name: &str,
    roles: &BTreeMap<String, String>,
    threads: usize,
    seed: u64,
    command_line: Vec<String>,
) -> Result<RunDir> {
    let run_id = super::new_run_id(out, name);
    let dir = RunDir::create(out.join(&run_id))?;
    let config = RunConfig {
        suite: Suite::Quick,
        schemes: roles.values().cloned().collect(),
        families: Vec::new(),
        ops: Vec::new(),
        msg_lens: None,
        batches: None,
        sizes: None,
        threads,
        seed,
        partition: None,
    };
    let crates = roles
        .values()
        .filter_map(|id| registry.get(id))
        .map(|e| e.info().implementation.krate);
    let build = crate::build_info_for(registry);
    super::note_plugins(&build);
    let info = RunInfo::start(
        run_id,
        command_line,
        config,
        Suite::Quick.engine(),
        build,
        crates,
    );
    dir.write_run_info(&info)?;
    Ok(dir)
}

/// `4.2 MB`: decimal units.
pub(super) fn human_bytes(b: f64) -> String {
    const UNITS: [&str; 6] = ["B", "KB", "MB", "GB", "TB", "PB"];
    let mut v = b;
    let mut u = 0;
    while v >= 1000.0 && u + 1 < UNITS.len() {
        v /= 1000.0;
        u += 1;
    }
    format!("{v:.1} {}", UNITS[u])
}

/// Terminal summary of one workload record.
pub fn workload_table(r: &WorkloadRecord) -> String {
    let mut out = String::new();
    let roles: Vec<String> = r.roles.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let _ = writeln!(
        out,
        "\n== {} [{}] — {} tx/block, {} threads ==",
        r.profile,
        roles.join(" "),
        r.block_txs,
        r.threads
    );
    if r.status != Status::Ok {
        let _ = writeln!(
            out,
            "NOT MEASURED ({}): {}",
            r.status,
            r.error.as_deref().unwrap_or("")
        );
        return out;
    }
    let b = &r.bytes_per_tx;
    let _ = writeln!(
        out,
        "bytes/tx {:.0} (signatures {:.0}, keys {:.0}, ciphertexts {:.0}, proofs {:.0}, payload {:.0}, overhead {:.0}); block {}",
        b.total(),
        b.signatures,
        b.public_keys,
        b.ciphertexts,
        b.proofs,
        b.payload,
        b.overhead,
        human_bytes(r.block_bytes)
    );
    for (strategy, stats) in &r.verify_block_ns {
        let h = stats.headline(false);
        let per_tx = |v: f64| format_ns(v / r.block_txs as f64);
        let ci = h.ci95.map_or_else(
            || format!("(n = {}, too few for a CI)", stats.n),
            |(lo, hi)| format!("[95% CI {} – {}, n = {}]", per_tx(lo), per_tx(hi), stats.n),
        );
        let _ = writeln!(
            out,
            "verify {strategy:<14} block {:>10}  per tx {:>10} {ci}",
            format_ns(h.value),
            per_tx(h.value)
        );
    }
    for p in &r.derived {
        if p.name.starts_with("verify_us_per_tx") || p.name == "bytes_per_tx" {
            continue;
        }
        let value = if p.unit == "B" {
            human_bytes(p.value)
        } else {
            format!("{:.3} {}", p.value, p.unit)
        };
        let label = if p.formula.starts_with("projection") {
            " (projection)"
        } else {
            ""
        };
        let ci = p
            .ci95
            .map(|(lo, hi)| format!(" [95% CI {lo:.3} – {hi:.3}]"))
            .unwrap_or_default();
        let _ = writeln!(out, "{:<36} {value}{ci}{label}", p.name);
    }
    if let Some(v) = &r.versus {
        let _ = writeln!(
            out,
            "vs baseline: bytes/tx ×{:.2}, block ×{:.2}, verify/tx ×{:.2}, cores needed ×{:.2}",
            v.bytes_per_tx_ratio, v.block_bytes_ratio, v.verify_per_tx_ratio, v.cores_needed_ratio
        );
    }
    out
}

/// A positive, finite number of seconds.
fn parse_seconds(text: &str) -> std::result::Result<f64, String> {
    match text.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs > 0.0 => Ok(secs),
        _ => Err(format!("`{text}` is not a positive number of seconds")),
    }
}
