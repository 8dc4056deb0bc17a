//! Horizontal stacked bars: one bar per category, split into components
//! (e.g. bytes per transaction by signatures, keys, ciphertexts, payload).

use plotters::coord::Shift;
use plotters::element::BackendCoordOnly;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Chart, DrawResult, GRID, INK, Unit, color, text, text_width};

/// One bar and its parts, in component order.
#[derive(Clone, Debug)]
pub struct Stack {
    /// Category label.
    pub label: String,
    /// Value of each component (same order as [`StackedBars::components`]).
    pub parts: Vec<f64>,
}

/// Stacked bars on a linear axis.
#[derive(Clone, Debug)]
pub struct StackedBars {
    /// Component names (legend).
    pub components: Vec<String>,
    /// Bars, top to bottom.
    pub stacks: Vec<Stack>,
    /// Value axis title.
    pub axis: String,
    /// Value unit.
    pub unit: Unit,
}

impl Chart for StackedBars {
    fn size(&self) -> (u32, u32) {
        (960, 116 + 30 * self.stacks.len().max(1) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let n = self.stacks.len() as i32;
        let max = self
            .stacks
            .iter()
            .map(|s| s.parts.iter().filter(|v| v.is_finite()).sum::<f64>())
            .fold(0.0, f64::max)
            .max(1.0);
        let labels: Vec<&str> = self.stacks.iter().map(|s| s.label.as_str()).collect();
        let label_area = labels
            .iter()
            .map(|l| text_width(l, 15))
            .max()
            .unwrap_or(100)
            .clamp(90, 460)
            + 14;
        let mut c = ChartBuilder::on(root)
            .margin(8)
            .margin_right(24)
            .margin_top(40)
            .x_label_area_size(42)
            .y_label_area_size(label_area)
            .build_cartesian_2d(0.0..max * 1.18, (0..(n - 1).max(0)).into_segmented())?;
        let unit = self.unit;
        c.configure_mesh()
            .disable_y_mesh()
            .bold_line_style(GRID)
            .light_line_style(WHITE)
            .axis_style(INK)
            .x_desc(self.axis.as_str())
            .x_labels(8)
            .x_label_formatter(&|v| unit.tick(*v))
            .y_labels(labels.len().max(1))
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => usize::try_from(n - 1 - *i)
                    .ok()
                    .and_then(|k| labels.get(k))
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .label_style(text(15))
            .axis_desc_style(text(15))
            .draw()?;
        let value_style = text(13).pos(Pos::new(HPos::Left, VPos::Center));
        for (pos, stack) in self.stacks.iter().enumerate() {
            let i = n - 1 - pos as i32;
            let mut x = 0.0;
            for (k, v) in stack.parts.iter().enumerate() {
                if !v.is_finite() || *v <= 0.0 {
                    continue;
                }
                let mut rect = Rectangle::new(
                    [
                        (x, SegmentValue::Exact(i)),
                        (x + v, SegmentValue::Exact(i + 1)),
                    ],
                    color(k).filled(),
                );
                rect.set_margin(4, 4, 0, 0);
                c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(rect))?;
                x += v;
            }
            c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
                EmptyElement::at((x, SegmentValue::CenterOf(i)))
                    + Text::new(unit.format(x), (6, 0), value_style.clone()),
            ))?;
        }
        // Legend along the top.
        let mut lx = 10;
        for (k, name) in self.components.iter().enumerate() {
            root.draw(&Rectangle::new(
                [(lx, 12), (lx + 14, 26)],
                color(k).filled(),
            ))?;
            root.draw(&Text::new(
                name.clone(),
                (lx + 20, 19),
                text(12).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            lx += 20 + text_width(name, 12) as i32 + 22;
        }
        Ok(())
    }
}
