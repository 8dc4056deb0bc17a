//! README.md stays true: its scheme table is the registry's, and its test
//! command is the one CI runs. `LEDGERBENCH_BLESS=1 cargo test --test readme`
//! rewrites the table after a scheme is added or a crate updated.

const START: &str = "<!-- scheme-table:start (generated: `ledgerbench list`) -->\n";
const END: &str = "<!-- scheme-table:end -->";
const MAIN_JOB: &str = "cargo run --release -- run --suite quick";
const TEST_COMMAND: &str = "cargo test --workspace --locked";

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn scheme_table_matches_the_registry() {
    let registry = ledgerbench::registry();
    let table =
        ledgerbench::cli::summary::scheme_table(registry.entries(), &ledgerbench::build_info());
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(START)
        .expect("README has the table start marker")
        + START.len();
    let end = readme.find(END).expect("README has the table end marker");
    if readme[start..end] != table {
        if std::env::var_os("LEDGERBENCH_BLESS").is_some() {
            let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, updated).expect("write README.md");
        } else {
            panic!(
                "README.md scheme table is out of date; run `LEDGERBENCH_BLESS=1 cargo test --test readme`\n\
                 expected:\n{table}"
            );
        }
    }
}

#[test]
fn readme_names_the_two_commands_and_ci_runs_the_test_command() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(
        readme.contains(MAIN_JOB),
        "README must show the main job: {MAIN_JOB}"
    );
    assert!(
        readme.contains(TEST_COMMAND),
        "README must show the test command: {TEST_COMMAND}"
    );
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == TEST_COMMAND),
        ".ci/run must run the README's test command"
    );
}

/// Nothing the project builds, tests or runs may read outside the checkout:
/// no file other than Markdown names the sibling folder the vectors once
/// came from. (The needle is split so this file does not match itself.)
#[test]
fn no_file_refers_outside_the_repository() {
    let needles = [concat!("../", "shared"), concat!("shared/", "vectors")];
    let mut offenders = Vec::new();
    let mut stack = vec![root()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let path = entry.expect("dir entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if !matches!(name, "target" | "results" | ".git") {
                    stack.push(path);
                }
            } else if !name.ends_with(".md")
                && let Ok(text) = std::fs::read_to_string(&path)
                && needles.iter().any(|n| text.contains(n))
            {
                offenders.push(path.display().to_string());
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "these files refer outside the repository: {offenders:?}"
    );
    assert!(
        root().join("vectors/README.md").is_file(),
        "vectors/README.md lists the vectors' sources"
    );
}

#[test]
fn ci_runs_the_fresh_clone_check() {
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.lines()
            .any(|l| l.trim() == "scripts/fresh-clone-check --in-place"),
        ".ci/run must run scripts/fresh-clone-check on its isolated copy"
    );
    assert!(
        ci.lines()
            .any(|l| l.trim() == "scripts/copy-checkout \"$copy\""),
        ".ci/run must run its checks in a copy of the checkout"
    );
}

#[test]
fn ci_runs_the_slurm_check_after_installing_slurm() {
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == "scripts/slurm-check"),
        ".ci/run must run scripts/slurm-check"
    );
    assert!(
        ci.contains("apt-get install -y --no-install-recommends slurm-wlm munge"),
        ".ci/run must install Slurm and munge for it"
    );
}
