//! Horizontal bar charts of one operation across schemes: bar = median, whisker
//! = 95% CI of the median; a log axis when the values span orders of magnitude.

use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::element::BackendCoordOnly;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{BAR, BASELINE, Chart, DrawResult, FAIL, GRID, INK, Unit, text, text_width, wants_log};

/// One bar.
#[derive(Clone, Debug)]
pub struct Bar {
    /// Category label (scheme id).
    pub label: String,
    /// The value (the record's headline statistic); `None` when not measured.
    pub value: Option<f64>,
    /// Lower end of the whisker.
    pub lo: f64,
    /// Upper end of the whisker.
    pub hi: f64,
    /// Shown instead of a bar when there is no value (e.g. `gate failed`).
    pub note: Option<String>,
    /// Drawn in the baseline colour.
    pub baseline: bool,
}

/// Bars from top to bottom in the given order.
#[derive(Clone, Debug)]
pub struct BarChart {
    /// The bars.
    pub bars: Vec<Bar>,
    /// Value axis title.
    pub axis: String,
    /// Value axis unit.
    pub unit: Unit,
    /// Force a log (`Some(true)`) or linear axis; `None` decides from the data.
    pub log: Option<bool>,
}

impl BarChart {
    /// Whether the value axis is logarithmic.
    pub fn is_log(&self) -> bool {
        let (lo, hi) = self.extent();
        self.log.unwrap_or_else(|| wants_log(lo, hi))
    }

    fn extent(&self) -> (f64, f64) {
        let mut lo = f64::INFINITY;
        let mut hi: f64 = 0.0;
        for b in &self.bars {
            if let Some(v) = b.value {
                lo = lo.min(v.min(b.lo)).max(f64::MIN_POSITIVE);
                hi = hi.max(v.max(b.hi));
            }
        }
        if !lo.is_finite() || hi <= 0.0 {
            (1.0, 10.0)
        } else {
            (lo, hi)
        }
    }

    fn label_area(&self) -> u32 {
        self.bars
            .iter()
            .map(|b| text_width(&b.label, 15))
            .max()
            .unwrap_or(100)
            .clamp(90, 420)
            + 14
    }
}

impl Chart for BarChart {
    fn size(&self) -> (u32, u32) {
        (960, 76 + 30 * self.bars.len().max(1) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let (lo, hi) = self.extent();
        if self.is_log() {
            body(self, root, (lo / 1.6..hi * 4.0).log_scale(), lo / 1.6)
        } else {
            body(self, root, 0.0..hi * 1.25, 0.0)
        }
    }
}

fn body<DB, X>(chart: &BarChart, root: &DrawingArea<DB, Shift>, x: X, x0: f64) -> DrawResult<DB>
where
    DB: DrawingBackend,
    X: AsRangedCoord<Value = f64>,
    X::CoordDescType: ValueFormatter<f64>,
{
    let n = chart.bars.len() as i32;
    let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
    let mut c = ChartBuilder::on(root)
        .margin(8)
        .margin_right(24)
        .x_label_area_size(42)
        .y_label_area_size(chart.label_area())
        .build_cartesian_2d(x, (0..(n - 1).max(0)).into_segmented())?;
    let unit = chart.unit;
    c.configure_mesh()
        .disable_y_mesh()
        .bold_line_style(GRID)
        .light_line_style(WHITE)
        .axis_style(INK)
        .x_desc(chart.axis.as_str())
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
    for (pos, bar) in chart.bars.iter().enumerate() {
        let i = n - 1 - pos as i32;
        let mid = SegmentValue::CenterOf(i);
        match bar.value {
            Some(v) => {
                let fill = if bar.baseline { BASELINE } else { BAR };
                let mut rect = Rectangle::new(
                    [
                        (x0, SegmentValue::Exact(i)),
                        (v, SegmentValue::Exact(i + 1)),
                    ],
                    fill.filled(),
                );
                rect.set_margin(4, 4, 0, 0);
                c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(rect))?;
                let whisker = INK.stroke_width(1);
                c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(PathElement::new(
                    vec![(bar.lo, mid.clone()), (bar.hi, mid.clone())],
                    whisker,
                )))?;
                for end in [bar.lo, bar.hi] {
                    c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
                        EmptyElement::at((end, mid.clone()))
                            + PathElement::new(vec![(0, -5), (0, 5)], whisker),
                    ))?;
                }
                c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
                    EmptyElement::at((bar.hi, mid.clone()))
                        + Text::new(unit.format(v), (6, 0), value_style.clone()),
                ))?;
            }
            None => {
                let note = bar.note.clone().unwrap_or_else(|| "not measured".into());
                c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
                    EmptyElement::at((x0, mid.clone()))
                        + Text::new(note, (6, 0), value_style.clone().color(&FAIL)),
                ))?;
            }
        }
    }
    Ok(())
}
