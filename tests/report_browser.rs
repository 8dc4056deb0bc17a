//! The HTML report as a reader sees it: rendered by headless Chromium
//! (Debian's `chromium`), screenshotted, and checked for structure.
//!
//! Skips with a message when no Chromium is installed, unless
//! `LEDGERBENCH_REQUIRE_CHROMIUM` is set (CI sets it, so a missing browser
//! fails there instead of passing silently). `LEDGERBENCH_CHROMIUM` names the
//! binary when it is not `chromium` on the PATH.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ledgerbench::cli::run_with_args;
use ledgerbench_harness::Registry;
use ledgerbench_harness::dynamic::{HashEntry, KemEntry, SigEntry};
use ledgerbench_harness::testing::{AcceptAllSig, ToyHash, ToyKem, ToySig};

fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LEDGERBENCH_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file())
}

/// Runs Chromium headless and offline with `extra` arguments; returns stdout
/// and stderr. Fails the test after two minutes.
fn chromium(browser: &Path, profile: &Path, extra: &[String]) -> (String, String) {
    // Output goes to files: a pipe nobody drains would block Chromium once
    // the DOM dump outgrows the pipe buffer.
    let stdout_path = profile.with_extension("stdout");
    let stderr_path = profile.with_extension("stderr");
    let stdout = std::fs::File::create(&stdout_path).expect("stdout file");
    let stderr = std::fs::File::create(&stderr_path).expect("stderr file");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--enable-logging=stderr",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    (
        std::fs::read_to_string(&stdout_path).unwrap_or_default(),
        std::fs::read_to_string(&stderr_path).unwrap_or_default(),
    )
}

/// The numbers in `<svg width="W" height="H"` openings.
fn svg_sizes(html: &str) -> Vec<(u32, u32)> {
    let attr = |tag: &str, name: &str| -> u32 {
        tag.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    html.split("<svg")
        .skip(1)
        .map(|rest| {
            let tag = rest.split('>').next().unwrap_or("");
            (attr(tag, "width"), attr(tag, "height"))
        })
        .collect()
}

#[test]
fn report_renders_in_headless_chromium() {
    let Some(browser) = find_chromium() else {
        if std::env::var_os("LEDGERBENCH_REQUIRE_CHROMIUM").is_some() {
            panic!("LEDGERBENCH_REQUIRE_CHROMIUM is set but no chromium was found on PATH");
        }
        println!(
            "SKIPPED report_renders_in_headless_chromium: no chromium on PATH \
             (apt-get install chromium; set LEDGERBENCH_REQUIRE_CHROMIUM=1 to make this fatal)"
        );
        return;
    };

    // A real run through the CLI, which writes the report at its end.
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut registry = Registry::new();
    registry
        .extend([
            SigEntry::<ToySig>::new().into_entry(),
            SigEntry::<AcceptAllSig>::new().into_entry(),
            KemEntry::<ToyKem>::entry(),
            HashEntry::<ToyHash>::entry(),
        ])
        .expect("unique");
    let out = tmp.path().join("results");
    let code = run_with_args(
        registry,
        [
            "ledgerbench",
            "run",
            "--quiet",
            "--threads",
            "1",
            "--msg-len",
            "32,1024",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert_eq!(code, 1, "the failing toy makes the run exit 1");
    let dir = std::fs::read_dir(&out)
        .expect("out")
        .next()
        .expect("a run dir")
        .expect("entry")
        .path();
    let report = dir.join("report.html");
    let html = std::fs::read_to_string(&report).expect("report.html written by run");

    // Structure: the key tables, sized plots, nothing fetched from elsewhere.
    for id in [
        "provenance",
        "overview",
        "table-sig",
        "table-kem",
        "table-hash",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} missing");
    }
    let sizes = svg_sizes(&html);
    assert!(sizes.len() >= 3, "{} plots", sizes.len());
    assert!(sizes.iter().all(|&(w, h)| w > 0 && h > 0), "{sizes:?}");
    for external in [
        "http://", "https://", "<script", "<link", "@import", "url(", "src=",
    ] {
        assert!(
            !html.contains(external),
            "report.html contains `{external}`"
        );
    }

    // The browser's view of the page: the DOM it built, and a screenshot.
    let url = format!("file://{}", report.display());
    let profile = tmp.path().join("chromium-profile");
    let (dom, log) = chromium(&browser, &profile, &["--dump-dom".into(), url.clone()]);
    assert!(
        dom.contains("id=\"table-sig\""),
        "chromium did not load the page:\n{log}"
    );
    assert_eq!(
        dom.matches("<svg").count(),
        sizes.len(),
        "every inline plot parsed as SVG"
    );
    for problem in ["Failed to load resource", "Uncaught", "net::ERR_"] {
        assert!(
            !log.contains(problem),
            "chromium reported `{problem}`:\n{log}"
        );
    }

    let shot = tmp.path().join("report.png");
    let (_, log) = chromium(
        &browser,
        &profile,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".into(),
            url,
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}):\n{log}"));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().expect("width"));
    let height = u32::from_be_bytes(png[20..24].try_into().expect("height"));
    assert_eq!((width, height), (1280, 2000));
    // A blank 1280×2000 page compresses to a few KiB; text, tables and plots
    // make it far larger.
    assert!(
        png.len() > 60_000,
        "screenshot looks empty ({} bytes)",
        png.len()
    );
    if let Some(keep) = std::env::var_os("LEDGERBENCH_KEEP_SCREENSHOT") {
        std::fs::copy(&shot, keep).expect("keep screenshot");
    }
}
