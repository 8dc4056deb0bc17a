//! `ledgerbench export DIR --format csv|bmf|md`.

use std::path::{Path, PathBuf};

use ledgerbench_harness::{Error, Result};
use ledgerbench_reports::export::{self, Format};

use super::ExportFormat;

pub(super) fn export(dir: &Path, format: ExportFormat, output: Option<PathBuf>) -> Result<i32> {
    let format = match format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Bmf => Format::Bmf,
        ExportFormat::Md => Format::Markdown,
    };
    // Fail on a bad directory before creating the output file; name the
    // lines the reader sets aside (every good record is exported).
    for problem in ledgerbench_harness::results::RunDir::open(dir)?
        .read_lines()?
        .problems()
    {
        eprintln!("warning: {problem}");
    }
    let path = output.unwrap_or_else(|| dir.join(format.default_file()));
    let file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
    let mut out = std::io::BufWriter::new(file);
    export::write(dir, format, &mut out)?;
    std::io::Write::flush(&mut out).map_err(|e| Error::io(&path, e))?;
    println!("{}", path.display());
    Ok(0)
}
