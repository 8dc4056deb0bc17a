//! Provenance: everything needed to re-run a measurement and judge it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};

use crate::engine::EngineConfig;
use crate::plan::RunConfig;

/// Facts about the binary, captured at build time by the binary's build script.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BuildInfo {
    /// `rustc --version` of the compiler that built the binary.
    pub rustc: String,
    /// Target triple.
    pub target: String,
    /// Cargo profile (`release`, `debug`...).
    pub profile: String,
    /// Optimisation level.
    pub opt_level: String,
    /// Target features enabled at compile time (`sse2`, `avx2`...).
    pub target_features: Vec<String>,
    /// Every package in `Cargo.lock` with its version (not written to
    /// run.json: the commit's Cargo.lock has them; `crates` keeps the measured ones).
    #[serde(skip)]
    pub locked: BTreeMap<String, String>,
    /// The source tree the binary was built from (for the git lookup).
    pub source_dir: String,
    /// Ids of the schemes this binary registers beyond ledgerbench's own: a
    /// plug-in binary, built by another crate with that crate's release
    /// profile (LTO, codegen units), which `profile`/`opt_level` do not show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plugins: Vec<String>,
    /// The code path each library with run-time CPU dispatch took on the
    /// measuring CPU (`liboqs` → `avx2 (liboqs 0.13.0)`, `libcrux` →
    /// `avx2`), as the library itself reports it: the compile-time
    /// `target_features` do not decide these.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub code_paths: BTreeMap<String, String>,
}

/// The git state of the source tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GitInfo {
    /// `HEAD` commit.
    pub commit: String,
    /// Whether tracked files had uncommitted changes.
    pub dirty: bool,
}

/// The machine a run happened on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    /// CPU model name.
    pub cpu_model: Option<String>,
    /// Logical CPUs available to the process.
    pub logical_cores: usize,
    /// TSC frequency in Hz (calibrated), when a TSC exists.
    pub tsc_hz: Option<f64>,
    /// What the cycle columns count and how it is read (serialisation,
    /// invariant TSC or not).
    #[serde(default)]
    pub cycle_counter: String,
    /// cpufreq scaling governor of CPU 0, when readable.
    pub governor: Option<String>,
    /// OS name (`PRETTY_NAME` of /etc/os-release).
    pub os: Option<String>,
    /// Kernel release.
    pub kernel: Option<String>,
    /// Host name.
    pub hostname: Option<String>,
    /// Total memory in bytes.
    pub memory_bytes: Option<u64>,
}

/// `run.json`: provenance and configuration of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// Schema version ([`crate::results::SCHEMA_VERSION`]).
    pub schema: u32,
    /// Run id (the directory name).
    pub run_id: String,
    /// Command line of the first invocation.
    pub command_line: Vec<String>,
    /// Command lines of later `--resume` invocations.
    #[serde(default)]
    pub resumed_by: Vec<Vec<String>>,
    /// What was asked for: suite, selection, parameters, seed.
    pub config: RunConfig,
    /// Engine settings used.
    pub engine: EngineConfig,
    /// `running` until the run finishes, then `complete`; `interrupted` when
    /// it stopped because results could not be written (see `stopped`).
    /// A run killed outright stays `running`. Merged runs are `complete` or
    /// `partial`.
    pub status: String,
    /// Why an `interrupted` run stopped (the write error, naming the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
    /// Start time (RFC 3339).
    pub started_at: String,
    /// End time of the last invocation, when it finished.
    pub finished_at: Option<String>,
    /// Git state of the source tree.
    pub git: Option<GitInfo>,
    /// Build facts.
    pub build: BuildInfo,
    /// Locked versions of the crates implementing the measured schemes.
    pub crates: BTreeMap<String, String>,
    /// The machine.
    pub machine: Machine,
    /// Peak resident set size of the process, in bytes.
    pub peak_rss_bytes: Option<u64>,
    /// The parts joined by `ledgerbench merge`, each with its own provenance
    /// (empty for a run measured in one piece).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartInfo>,
}

impl RunInfo {
    /// The provenance of a run starting now: status `running`, this machine,
    /// the git state of the build's source tree, and the locked versions of
    /// `crates` (the crates implementing the schemes it measures).
    pub fn start<'a>(
        run_id: String,
        command_line: Vec<String>,
        config: RunConfig,
        engine: EngineConfig,
        build: BuildInfo,
        crates: impl IntoIterator<Item = &'a str>,
    ) -> RunInfo {
        RunInfo {
            schema: crate::results::SCHEMA_VERSION,
            run_id,
            command_line,
            resumed_by: Vec::new(),
            config,
            engine,
            status: "running".into(),
            stopped: None,
            started_at: crate::results::now_rfc3339(),
            finished_at: None,
            git: git_info(Path::new(&build.source_dir)),
            crates: crate_versions(&build, crates),
            build,
            machine: machine(),
            peak_rss_bytes: None,
            parts: Vec::new(),
        }
    }
}

/// One part of a merged run: where it came from, its own `run.json`, and
/// which records it contributed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartInfo {
    /// The directory the part was read from, as given to `merge`.
    pub source: String,
    /// The part's `run.json` (machine, build, commit, times, partition).
    pub run: RunInfo,
    /// Keys of the records taken from this part.
    pub keys: Vec<String>,
}

/// Reads the git state of `dir`, if it is a git work tree and git is installed.
pub fn git_info(dir: &Path) -> Option<GitInfo> {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let commit = git(&["rev-parse", "HEAD"])?;
    let dirty =
        git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    Some(GitInfo { commit, dirty })
}

fn read_trimmed(path: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Reads the machine's facts from /proc, /sys and /etc (Linux); missing ones are `None`.
pub fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string());
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        });
    let memory_bytes = std::fs::read_to_string("/proc/meminfo").ok().and_then(|s| {
        let line = s.lines().find(|l| l.starts_with("MemTotal:"))?.to_string();
        line.split_whitespace()
            .nth(1)?
            .parse::<u64>()
            .ok()
            .map(|kib| kib * 1024)
    });
    Machine {
        cpu_model,
        logical_cores: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        tsc_hz: crate::timer::tsc_hz(),
        cycle_counter: crate::timer::counter(),
        governor: read_trimmed("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"),
        os,
        kernel: read_trimmed("/proc/sys/kernel/osrelease"),
        hostname: read_trimmed("/proc/sys/kernel/hostname"),
        memory_bytes,
    }
}

/// The locked versions of `crates` (names as in Cargo.lock; missing ones are
/// recorded as `unknown`, e.g. a third-party crate outside this workspace).
pub fn crate_versions<'a>(
    build: &BuildInfo,
    crates: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, String> {
    crates
        .into_iter()
        .map(|name| {
            let version = build
                .locked
                .get(name)
                .cloned()
                .unwrap_or_else(|| "unknown".to_string());
            (name.to_string(), version)
        })
        .collect()
}
