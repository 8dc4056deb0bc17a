//! Exports of a run's records: tidy CSV, Bencher Metric Format JSON and
//! Markdown tables.

mod bmf;
mod csv;
mod markdown;

pub use self::bmf::{bmf, write_bmf};
pub use self::csv::{CSV_COLUMNS, write_csv};
pub use self::markdown::{markdown, write_markdown};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Tidy CSV: one row per measurement, one column per field.
    Csv,
    /// Bencher Metric Format JSON.
    Bmf,
    /// Markdown tables, one per family.
    Markdown,
}

impl Format {
    /// The default file name inside the results directory.
    pub fn default_file(self) -> &'static str {
        match self {
            Format::Csv => "results.csv",
            Format::Bmf => "results.bmf.json",
            Format::Markdown => "results.md",
        }
    }
}

/// Writes the run in `dir` in `format` to `out`.
pub fn write(
    dir: &std::path::Path,
    format: Format,
    out: impl std::io::Write,
) -> ledgerbench_harness::Result<()> {
    match format {
        Format::Csv => write_csv(&ledgerbench_harness::results::RunDir::open(dir)?, out),
        Format::Bmf => write_bmf(&crate::data::RunData::load(dir)?, out),
        Format::Markdown => write_markdown(&crate::data::RunData::load(dir)?, out),
    }
}
