//! Captures build facts for provenance: compiler, target, features and the
//! locked version of every package in Cargo.lock.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let lock_path = Path::new(&manifest_dir).join("Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock_path.display());
    println!("cargo:rerun-if-changed=build.rs");

    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rustc_version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());

    let locked = locked_versions(&std::fs::read_to_string(&lock_path).unwrap_or_default());
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(out, "pub const RUSTC: &str = {:?};", rustc_version);
    let _ = writeln!(out, "pub const TARGET: &str = {:?};", env("TARGET"));
    let _ = writeln!(out, "pub const PROFILE: &str = {:?};", env("PROFILE"));
    let _ = writeln!(out, "pub const OPT_LEVEL: &str = {:?};", env("OPT_LEVEL"));
    let _ = writeln!(
        out,
        "pub const TARGET_FEATURES: &str = {:?};",
        env("CARGO_CFG_TARGET_FEATURE")
    );
    let _ = writeln!(out, "pub const SOURCE_DIR: &str = {:?};", manifest_dir);
    let _ = writeln!(out, "pub const LOCKED: &[(&str, &str)] = &[");
    for (n, v) in &locked {
        let _ = writeln!(out, "    ({n:?}, {v:?}),");
    }
    let _ = writeln!(out, "];");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    std::fs::write(Path::new(&out_dir).join("build_info.rs"), out).expect("write build_info.rs");
}

/// Every package in Cargo.lock with its version. Where several versions are
/// locked, the one a `ledgerbench*` package depends on directly is given (the
/// one its schemes use); otherwise all are listed.
fn locked_versions(lock: &str) -> Vec<(String, String)> {
    struct Package {
        name: String,
        version: String,
        deps: Vec<String>,
    }
    let mut packages: Vec<Package> = Vec::new();
    let mut in_deps = false;
    for line in lock.lines() {
        if line == "[[package]]" {
            packages.push(Package {
                name: String::new(),
                version: String::new(),
                deps: Vec::new(),
            });
            in_deps = false;
        } else if let Some(p) = packages.last_mut() {
            if let Some(v) = line.strip_prefix("name = ") {
                p.name = v.trim_matches('"').to_string();
            } else if let Some(v) = line.strip_prefix("version = ") {
                p.version = v.trim_matches('"').to_string();
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line.starts_with(']') {
                in_deps = false;
            } else if in_deps {
                p.deps.push(
                    line.trim()
                        .trim_end_matches(',')
                        .trim_matches('"')
                        .to_string(),
                );
            }
        }
    }
    // "name version" entries of workspace packages pin the ambiguous ones.
    let direct: Vec<(String, String)> = packages
        .iter()
        .filter(|p| p.name.starts_with("ledgerbench"))
        .flat_map(|p| p.deps.iter())
        .filter_map(|d| {
            let mut parts = d.split(' ');
            Some((parts.next()?.to_string(), parts.next()?.to_string()))
        })
        .collect();
    let mut locked: Vec<(String, String)> = Vec::new();
    for p in &packages {
        match locked.iter_mut().find(|(n, _)| *n == p.name) {
            Some((_, versions)) => {
                versions.push_str(", ");
                versions.push_str(&p.version);
            }
            None => locked.push((p.name.clone(), p.version.clone())),
        }
    }
    for (name, versions) in locked.iter_mut() {
        if let Some((_, v)) = direct.iter().find(|(n, _)| n == name) {
            *versions = v.clone();
        }
    }
    locked
}
