//! Plots drawn with plotters, one module per kind. Every chart implements
//! [`Chart`]; a [`Plotter`] draws it twice — SVG (inlined in the HTML report
//! and written to `plots/<name>.svg`) and PNG (`plots/<name>.png`, for slides
//! and papers) — from the same drawing code.

pub mod bars;
pub mod boxes;
pub mod font;
pub mod lines;
pub mod raster;
pub mod scatter;
pub mod stacked;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::*;

use ledgerbench_harness::{Error, Result};

use crate::doc::Figure;
use crate::format;

/// What drawing on a backend returns.
pub type DrawResult<DB> =
    std::result::Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A chart that can draw itself on any plotters backend.
pub trait Chart {
    /// Width and height in pixels.
    fn size(&self) -> (u32, u32);

    /// Draws the chart onto `root` (already sized to [`Chart::size`]).
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB>;
}

/// The unit of an axis, which decides how its tick labels read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Nanoseconds, shown as ns/µs/ms/s.
    Nanos,
    /// Bytes, shown as B/KiB/MiB.
    Bytes,
    /// A plain count or parameter value.
    Count,
    /// A ratio or speed-up (`×2`).
    Ratio,
}

/// Drops a zero fraction: `10.0 ms` → `10 ms`, `1.00 ms` → `1 ms`.
fn trim_zeros(text: String) -> String {
    let (number, unit) = text.split_once(' ').unwrap_or((text.as_str(), ""));
    let number = if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    };
    if unit.is_empty() {
        number.to_string()
    } else {
        format!("{number} {unit}")
    }
}

impl Unit {
    /// Formats an axis tick: like [`Unit::format`] without trailing zeros, and
    /// bytes in decimal units so decade ticks read `1 kB`, `10 kB`.
    pub fn tick(self, v: f64) -> String {
        match self {
            Unit::Bytes if v >= 1e9 => trim_zeros(format!("{} GB", format::sig3(v / 1e9))),
            Unit::Bytes if v >= 1e6 => trim_zeros(format!("{} MB", format::sig3(v / 1e6))),
            Unit::Bytes if v >= 1e3 => trim_zeros(format!("{} kB", format::sig3(v / 1e3))),
            _ => trim_zeros(self.format(v)),
        }
    }

    /// Formats an axis value.
    pub fn format(self, v: f64) -> String {
        match self {
            Unit::Nanos => format::ns(v),
            Unit::Bytes => format::bytes(v),
            Unit::Count => {
                if v.fract() == 0.0 && v.abs() < 1e15 {
                    format!("{v:.0}")
                } else {
                    format::sig3(v)
                }
            }
            Unit::Ratio => format!("×{}", format::sig3(v)),
        }
    }
}

/// Colour-blind-safe palette (Okabe–Ito), in series order.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(120, 120, 120),
    RGBColor(0, 0, 0),
];

/// Colour of series `i`.
pub fn color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// Bar and box fill.
pub const BAR: RGBColor = RGBColor(86, 150, 210);
/// Baseline bar fill.
pub const BASELINE: RGBColor = RGBColor(230, 159, 0);
/// Failures.
pub const FAIL: RGBColor = RGBColor(179, 38, 30);
/// Axis and whisker ink.
pub const INK: RGBColor = RGBColor(40, 44, 52);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(226, 230, 236);

/// True when values spanning `lo..hi` are better read on a log scale
/// (more than a factor of 20).
pub fn wants_log(lo: f64, hi: f64) -> bool {
    lo > 0.0 && hi / lo > 20.0
}

/// Approximate width in pixels of `text` at `size` px (for label areas).
pub fn text_width(text: &str, size: u32) -> u32 {
    (text.chars().count() as f64 * f64::from(size) * 0.58).ceil() as u32
}

/// Draws charts into a `plots/` directory and returns them as figures.
#[derive(Debug)]
pub struct Plotter {
    dir: PathBuf,
    rel: String,
    png: bool,
    used: HashSet<String>,
    font: Option<&'static str>,
}

impl Plotter {
    /// Plots go to `report_dir/plots/`, named relative to the report;
    /// `png` also draws bitmaps.
    pub fn new(report_dir: &Path, png: bool) -> Plotter {
        Plotter {
            dir: report_dir.join("plots"),
            rel: "plots".to_string(),
            png,
            used: HashSet::new(),
            font: font::ensure(),
        }
    }

    /// Whether a font was found (without one no plot can be drawn).
    pub fn can_draw(&self) -> bool {
        self.font.is_some()
    }

    /// A file stem not used before in this report.
    fn unique(&mut self, stem: &str) -> String {
        let base = format::slug(stem);
        let base = if base.is_empty() {
            "plot".to_string()
        } else {
            base
        };
        let mut name = base.clone();
        let mut i = 2;
        while !self.used.insert(name.clone()) {
            name = format!("{base}-{i}");
            i += 1;
        }
        name
    }

    /// Draws `chart` as `plots/<stem>.svg` (+ `.png`) and returns the figure,
    /// or `None` when no font is available to draw text with.
    pub fn figure<C: Chart>(
        &mut self,
        stem: &str,
        title: &str,
        how_to_read: &str,
        chart: &C,
    ) -> Result<Option<Figure>> {
        if !self.can_draw() {
            return Ok(None);
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let name = self.unique(stem);
        let size = chart.size();

        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            chart.draw(&root).map_err(|e| Error::op("draw plot", e))?;
            root.present().map_err(|e| Error::op("draw plot", e))?;
        }
        let svg_path = self.dir.join(format!("{name}.svg"));
        std::fs::write(&svg_path, &svg).map_err(|e| Error::io(&svg_path, e))?;

        let png_file = if self.png {
            let path = self.dir.join(format!("{name}.png"));
            write_png(chart, size, &path)?;
            Some(format!("{}/{name}.png", self.rel))
        } else {
            None
        };
        Ok(Some(Figure {
            id: format!("fig-{name}"),
            title: title.to_string(),
            svg: inline_svg(&svg, title),
            svg_file: format!("{}/{name}.svg", self.rel),
            png_file,
            how_to_read: how_to_read.to_string(),
        }))
    }
}

/// Draws `chart` into an RGB buffer and encodes it as PNG.
fn write_png<C: Chart>(chart: &C, size: (u32, u32), path: &Path) -> Result<()> {
    let (w, h) = size;
    let Some(fonts) = font::fonts() else {
        return Ok(());
    };
    let mut buf = vec![255u8; w as usize * h as usize * 3];
    {
        let root = raster::Raster::new(&mut buf, size, fonts).into_drawing_area();
        chart.draw(&root).map_err(|e| Error::op("draw plot", e))?;
        root.present().map_err(|e| Error::op("draw plot", e))?;
    }
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .map_err(|e| Error::op("write png", e))?;
    writer
        .write_image_data(&buf)
        .map_err(|e| Error::op("write png", e))?;
    writer.finish().map_err(|e| Error::op("write png", e))
}

/// The SVG as an element to inline in HTML: no namespace URL (HTML does not
/// need it), an accessible name, and scaling to the page width.
fn inline_svg(svg: &str, title: &str) -> String {
    let label = format::html_escape(title);
    svg.replacen(
        " xmlns=\"http://www.w3.org/2000/svg\"",
        &format!(" role=\"img\" aria-label=\"{label}\" preserveAspectRatio=\"xMidYMin meet\""),
        1,
    )
}

/// Caption and axis text styles.
pub(crate) fn text(size: u32) -> TextStyle<'static> {
    (font::FAMILY, size).into_font().color(&INK)
}
