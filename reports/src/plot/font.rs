//! The TrueType font plots are measured and (in PNGs) drawn with.
//!
//! plotters' `ab_glyph` text needs a font registered at run time. The first
//! readable file among `$LEDGERBENCH_FONT` and the usual locations of DejaVu
//! Sans / Liberation Sans (Debian: `apt-get install fonts-dejavu-core`) is
//! loaded once per process and registered as `sans-serif`.

use std::sync::OnceLock;

use ab_glyph::FontRef;
use plotters::style::{FontStyle, register_font};

/// Family name plots use (also written into SVG `font-family`).
pub const FAMILY: &str = "sans-serif";

const CANDIDATES: &[(&str, &str)] = &[
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
    (
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    ),
    (
        "C:\\Windows\\Fonts\\arial.ttf",
        "C:\\Windows\\Fonts\\arialbd.ttf",
    ),
];

/// The loaded font files.
#[derive(Debug)]
pub struct Fonts {
    /// Where the regular face came from.
    pub path: String,
    /// Regular face.
    pub regular: FontRef<'static>,
    /// Bold face, when found beside the regular one.
    pub bold: Option<FontRef<'static>>,
}

/// Reads a font file and parses it; the bytes live for the whole process
/// (plotters' registry wants `'static` data, loaded once).
fn read(path: &str) -> Option<(&'static [u8], FontRef<'static>)> {
    let bytes: &'static [u8] = Box::leak(std::fs::read(path).ok()?.into_boxed_slice());
    let face = FontRef::try_from_slice(bytes).ok()?;
    Some((bytes, face))
}

/// Loads and registers the plot font once; `None` when no font could be
/// found (plots are then skipped and the report says why).
pub fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut candidates: Vec<(String, Option<String>)> = Vec::new();
            if let Ok(path) = std::env::var("LEDGERBENCH_FONT") {
                candidates.push((path, None));
            }
            candidates.extend(
                CANDIDATES
                    .iter()
                    .map(|(r, b)| (r.to_string(), Some(b.to_string()))),
            );
            for (regular_path, bold_path) in candidates {
                let Some((bytes, regular)) = read(&regular_path) else {
                    continue;
                };
                if register_font(FAMILY, FontStyle::Normal, bytes).is_err() {
                    continue;
                }
                let bold = bold_path.as_deref().and_then(read).and_then(|(b, face)| {
                    register_font(FAMILY, FontStyle::Bold, b).ok().map(|_| face)
                });
                return Some(Fonts {
                    path: regular_path,
                    regular,
                    bold,
                });
            }
            None
        })
        .as_ref()
}

/// Registers the plot font once; returns the file used, if any.
pub fn ensure() -> Option<&'static str> {
    fonts().map(|f| f.path.as_str())
}
