//! Helpers shared by the CLI tests: run the built binary, find the run
//! directories it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the `ledgerbench` binary of this build with `args`.
pub fn ledgerbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgerbench"))
        .args(args)
        .output()
        .expect("run ledgerbench")
}

/// Every entry of the `--out` directory `out` (one per run).
pub fn run_dirs(out: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(out)
        .expect("out")
        .map(|e| e.expect("entry").path())
        .collect()
}

/// The one run directory under `out`.
pub fn only_run_dir(out: &Path) -> PathBuf {
    let dirs = run_dirs(out);
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs.into_iter().next().expect("one")
}
