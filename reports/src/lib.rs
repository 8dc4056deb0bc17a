//! Turns a results directory into what people read: a self-contained HTML
//! report and its Markdown twin with tables and plots, comparisons between
//! runs, exports (CSV, Bencher Metric Format, Markdown), and the merging of
//! runs split across machines.
//!
//! ```no_run
//! use ledgerbench_reports::compare::{CompareOptions, Comparison};
//! use ledgerbench_reports::data::RunData;
//! use ledgerbench_reports::export::{self, Format};
//! use ledgerbench_reports::{ReportOptions, generate};
//!
//! # fn main() -> ledgerbench_harness::Result<()> {
//! // report.html, report.md and plots/ inside the run directory.
//! let files = generate("results/a".as_ref(), None, &ReportOptions::default())?;
//! println!("{}", files.html.display());
//!
//! // Row-by-row comparison with a Mann–Whitney U test on the raw samples.
//! let (a, b) = (RunData::load("results/a")?, RunData::load("results/b")?);
//! let cmp = Comparison::new(&a, &b, CompareOptions::default());
//! print!("{}", cmp.terminal());
//! let regressed = cmp.regressions().count() > 0;
//!
//! // Bencher Metric Format JSON on stdout.
//! export::write("results/b".as_ref(), Format::Bmf, std::io::stdout())?;
//!
//! // Join the parts of a split run (`run --partition k/n`).
//! ledgerbench_reports::merge::merge(
//!     &["results/p1".into(), "results/p2".into()],
//!     "results/merged".as_ref(),
//!     vec!["ledgerbench".into(), "merge".into()],
//! )?;
//! # let _ = regressed;
//! # Ok(())
//! # }
//! ```
//!
//! A report is a list of [`report::Section`]s building one [`doc::Doc`],
//! rendered by every [`render::Render`]er (HTML, Markdown); plots implement
//! [`plot::Chart`] and are drawn as SVG and PNG from the same code.
#![forbid(unsafe_code)]

pub mod compare;
pub mod data;
pub mod doc;
pub mod export;
pub mod format;
pub mod merge;
pub mod plot;
pub mod render;
pub mod report;

pub use report::{ReportFiles, ReportOptions, generate};
