//! docs/guide.md stays true: every ```sh block of the guide is run, in order,
//! with this build's debug binary as `ledgerbench`, at the small sizes its
//! `<!-- guide-test: … -->` annotation asks for.
//!
//! Annotation directives (separated by `;`), written on the line before a
//! block: `replace "FROM" "TO"` substitutes text before the block runs (FROM
//! must occur, so an annotation cannot outlive its command), and
//! `in-checkout` runs the block at the repository root instead of the
//! scratch directory (for `cargo` commands; `$GUIDE_TMP` names the scratch
//! directory so such a block can still write its results there, and
//! `$GUIDE_TARGET` this build's profile directory). An example's `cargo test
//! --example NAME` is replaced by `NAME-tests`, the test binary this `cargo
//! test --workspace` built for it. A plug-in binary's
//! `cargo run --example … --` is replaced by `ledgerbench`: the plug-in's
//! `main` is `ledgerbench::cli::run_with` with one more entry (its own test
//! runs it), so the arguments are checked against the same CLI without
//! building a second large binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// One command block of the guide.
#[derive(Debug)]
struct Block {
    /// Line of the opening fence (1-based).
    line: usize,
    /// The commands as written.
    script: String,
    /// `(from, to)` substitutions.
    replaces: Vec<(String, String)>,
    /// Run at the repository root.
    in_checkout: bool,
}

/// The quoted strings of `text`, in order.
fn quoted(text: &str) -> Vec<String> {
    text.split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

fn parse_annotation(text: &str, line: usize) -> (Vec<(String, String)>, bool) {
    let mut replaces = Vec::new();
    let mut in_checkout = false;
    for directive in text.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        if directive == "in-checkout" {
            in_checkout = true;
        } else if let Some(rest) = directive.strip_prefix("replace ") {
            let parts = quoted(rest);
            assert_eq!(
                parts.len(),
                2,
                "docs/guide.md:{line}: `replace` takes \"FROM\" \"TO\", not `{rest}`"
            );
            replaces.push((parts[0].clone(), parts[1].clone()));
        } else {
            panic!("docs/guide.md:{line}: unknown guide-test directive `{directive}`");
        }
    }
    (replaces, in_checkout)
}

/// Every ```sh block with the annotation just above it.
fn blocks(guide: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pending: Option<(Vec<(String, String)>, bool)> = None;
    let mut lines = guide.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("<!-- guide-test:") {
            let body = rest.strip_suffix("-->").unwrap_or(rest);
            pending = Some(parse_annotation(body, i + 1));
        } else if trimmed == "```sh" {
            let mut script = String::new();
            for (_, l) in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                script.push_str(l);
                script.push('\n');
            }
            let (replaces, in_checkout) = pending.take().unwrap_or_default();
            out.push(Block {
                line: i + 1,
                script,
                replaces,
                in_checkout,
            });
        } else if !trimmed.is_empty() {
            // An annotation belongs to the block right below it.
            pending = None;
        }
    }
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A directory holding `ledgerbench` (this build's binary) for `PATH`.
fn bin_dir(scratch: &Path) -> PathBuf {
    let bin = scratch.join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_ledgerbench"), bin.join("ledgerbench"))
        .expect("symlink ledgerbench");
    let plugin_tests = example_test_binary("signature_plugin");
    std::os::unix::fs::symlink(plugin_tests, bin.join("signature_plugin-tests"))
        .expect("symlink the example's tests");
    bin
}

/// The test binary `cargo test --workspace` built for example `name`
/// (`test = true`): `examples/<name>-<hash>`, the newest if several. A nested
/// `cargo test --example` would build the workspace's crates once more, under
/// other unit hashes than the `cargo test --workspace` running this test.
fn example_test_binary(name: &str) -> PathBuf {
    let dir = target_dir().join("examples");
    let prefix = format!("{name}-");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(&prefix))
                .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        .unwrap_or_else(|| {
            panic!(
                "no test binary of example `{name}` in {}: run `cargo test --workspace`",
                dir.display()
            )
        })
}

/// The profile directory of this build (`target/debug`): where `cargo build
/// --example` puts example binaries.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_ledgerbench"))
        .parent()
        .expect("the binary's directory")
        .to_path_buf()
}

#[test]
fn annotations_parse() {
    let guide = "x\n<!-- guide-test: replace \"a b\" \"c\"; in-checkout -->\n```sh\nrun a b\n```\n\
                 ```sh\nplain\n```\n<!-- guide-test: replace \"q\" \"r\" -->\ntext\n```sh\nq\n```\n";
    let b = blocks(guide);
    assert_eq!(b.len(), 3);
    assert_eq!(b[0].replaces, vec![("a b".to_string(), "c".to_string())]);
    assert!(b[0].in_checkout);
    assert_eq!(b[0].script, "run a b\n");
    assert!(b[1].replaces.is_empty() && !b[1].in_checkout);
    assert!(
        b[2].replaces.is_empty(),
        "an annotation separated from its block by text is dropped"
    );
}

#[test]
fn every_command_block_of_the_guide_runs() {
    let path = root().join("docs/guide.md");
    let guide = std::fs::read_to_string(&path).expect("docs/guide.md");
    let blocks = blocks(&guide);
    let exercises = guide.lines().filter(|l| l.starts_with("## ")).count();
    assert_eq!(exercises, 5, "the guide has five exercises");
    assert!(blocks.len() >= exercises, "every exercise has commands");

    let scratch = tempfile::tempdir().expect("tempdir");
    let bin = bin_dir(scratch.path());
    // `cargo` of this build first, then the rest of the PATH.
    let cargo_dir = std::env::var_os("CARGO")
        .map(PathBuf::from)
        .and_then(|c| c.parent().map(Path::to_path_buf));
    let mut path_dirs = vec![bin];
    path_dirs.extend(cargo_dir);
    path_dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path_var = std::env::join_paths(path_dirs).expect("PATH");

    for block in &blocks {
        let mut script = block.script.clone();
        for (from, to) in &block.replaces {
            assert!(
                script.contains(from.as_str()),
                "docs/guide.md:{}: the annotation replaces `{from}`, which the block no longer contains",
                block.line
            );
            script = script.replace(from.as_str(), to);
        }
        let cwd = if block.in_checkout {
            root()
        } else {
            scratch.path().to_path_buf()
        };
        let started = Instant::now();
        let out = Command::new("bash")
            .arg("-euo")
            .arg("pipefail")
            .arg("-c")
            .arg(&script)
            .current_dir(&cwd)
            .env("PATH", &path_var)
            .env("GUIDE_TMP", scratch.path())
            .env("GUIDE_TARGET", target_dir())
            .output()
            .expect("run bash");
        eprintln!(
            "docs/guide.md:{}: {:.1} s\n{script}",
            block.line,
            started.elapsed().as_secs_f64()
        );
        assert!(
            out.status.success(),
            "docs/guide.md:{}: the block failed ({})\n--- script\n{script}--- stdout\n{}--- stderr\n{}",
            block.line,
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // What the exercises promise exists.
    let results = scratch.path().join("results");
    let one = |dir: &str| {
        std::fs::read_dir(results.join(dir))
            .unwrap_or_else(|e| panic!("results/{dir}: {e}"))
            .map(|e| e.expect("entry").path())
            .find(|p| p.join("run.json").is_file())
            .unwrap_or_else(|| panic!("results/{dir} holds a run"))
    };
    assert!(one("ex1").join("report.html").is_file());
    assert!(
        scratch
            .path()
            .join("results/ex4-merged/report.html")
            .is_file()
    );
    let paper = std::fs::read_to_string(one("ex5").join("paper.md")).expect("paper.md");
    assert!(paper.contains("arkworks / blst"), "{paper}");
}
