//! The PNG backend: plotters' bitmap backend with text drawn by ab_glyph
//! glyph by glyph at its proper bearing and baseline (plotters' own ab_glyph
//! text drops side bearings and aligns each glyph by its bounding box, which
//! misplaces punctuation such as decimal points).

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use plotters::backend::{BitMapBackend, DrawingBackend};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

use super::font::Fonts;

/// A bitmap backend with better text.
pub struct Raster<'a> {
    inner: BitMapBackend<'a>,
    fonts: &'static Fonts,
}

impl<'a> Raster<'a> {
    /// Draws into `buf` (RGB, `w * h * 3` bytes) with text in `fonts`.
    pub fn new(buf: &'a mut [u8], size: (u32, u32), fonts: &'static Fonts) -> Raster<'a> {
        Raster {
            inner: BitMapBackend::with_buffer(buf, size),
            fonts,
        }
    }

    fn face(&self, style: FontStyle) -> &FontRef<'static> {
        match (style, &self.fonts.bold) {
            (FontStyle::Bold, Some(bold)) => bold,
            _ => &self.fonts.regular,
        }
    }
}

/// Pixel scale for a plotters text size: SVG output uses `font-size =
/// size / 1.24` CSS pixels per em, and bitmaps match it.
fn em_px(size: f64) -> f32 {
    (size / 1.24) as f32
}

fn px_scale(face: &FontRef<'_>, em: f32) -> PxScale {
    let units = face.units_per_em().unwrap_or(1000.0);
    PxScale::from(em * face.height_unscaled() / units)
}

/// Glyphs of `text` laid out on a baseline at y = 0 from x = 0; returns them
/// with the advance width.
fn layout(face: &FontRef<'_>, scale: PxScale, text: &str) -> (Vec<ab_glyph::Glyph>, f32) {
    let scaled = face.as_scaled(scale);
    let mut x = 0.0f32;
    let mut prev = None;
    let mut glyphs = Vec::with_capacity(text.len());
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            x += scaled.kern(p, id);
        }
        glyphs.push(id.with_scale_and_position(scale, point(x, 0.0)));
        x += scaled.h_advance(id);
        prev = Some(id);
    }
    (glyphs, x)
}

type Error<'a> = DrawingErrorKind<<BitMapBackend<'a> as DrawingBackend>::ErrorType>;

impl<'a> DrawingBackend for Raster<'a> {
    type ErrorType = <BitMapBackend<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Error<'a>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Error<'a>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error<'a>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<'a>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), Error<'a>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), Error<'a>> {
        let face = self.face(style.style());
        let em = em_px(style.size());
        let scale = px_scale(face, em);
        let (_, width) = layout(face, scale, text);
        let scaled = face.as_scaled(scale);
        Ok((
            width.ceil() as u32,
            (scaled.ascent() - scaled.descent()).ceil() as u32,
        ))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), Error<'a>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let face = self.face(style.style()).clone();
        let em = em_px(style.size());
        let scale = px_scale(&face, em);
        let (glyphs, width) = layout(&face, scale, text);
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        // The same baseline offsets the SVG backend asks browsers for.
        let baseline = match anchor.v_pos {
            VPos::Top => 0.76 * em,
            VPos::Center => 0.27 * em,
            VPos::Bottom => -0.27 * em,
        };
        let transform = style.transform();
        let mut pixels = Vec::new();
        for glyph in glyphs {
            if let Some(outline) = face.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|x, y, coverage| {
                    let rx = (dx + bounds.min.x + x as f32).round() as i32;
                    let ry = (baseline + bounds.min.y + y as f32).round() as i32;
                    let (tx, ty) = transform.transform(rx, ry);
                    pixels.push(((pos.0 + tx, pos.1 + ty), coverage));
                });
            }
        }
        for (p, coverage) in pixels {
            if coverage > 0.0 {
                self.inner.draw_pixel(
                    p,
                    BackendColor {
                        alpha: color.alpha * f64::from(coverage.min(1.0)),
                        rgb: color.rgb,
                    },
                )?;
            }
        }
        Ok(())
    }
}
