//! Box plots of raw per-operation samples, one box per scheme: the box spans
//! the quartiles, the line inside is the median, whiskers reach the furthest
//! sample within 1.5 × IQR, dots are the samples beyond.

use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::element::BackendCoordOnly;
use plotters::prelude::*;

use super::{BAR, Chart, DrawResult, FAIL, GRID, INK, Unit, text, text_width, wants_log};

/// The five-number summary of one sample set, with its outliers.
#[derive(Clone, Debug, PartialEq)]
pub struct BoxItem {
    /// Category label.
    pub label: String,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Lowest sample within 1.5 × IQR below q1.
    pub whisker_lo: f64,
    /// Highest sample within 1.5 × IQR above q3.
    pub whisker_hi: f64,
    /// Samples beyond the whiskers.
    pub outliers: Vec<f64>,
    /// Number of samples.
    pub n: usize,
}

/// Linear-interpolated quantile of sorted data.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let i = pos.floor() as usize;
    let frac = pos - i as f64;
    match sorted.get(i + 1) {
        Some(next) => sorted[i] + frac * (next - sorted[i]),
        None => sorted[i],
    }
}

impl BoxItem {
    /// Tukey's box of `samples`; `None` when there are none.
    pub fn from_samples(label: impl Into<String>, samples: &[f64]) -> Option<BoxItem> {
        let mut s: Vec<f64> = samples.iter().copied().filter(|v| v.is_finite()).collect();
        if s.is_empty() {
            return None;
        }
        s.sort_by(f64::total_cmp);
        let (q1, median, q3) = (quantile(&s, 0.25), quantile(&s, 0.5), quantile(&s, 0.75));
        let iqr = q3 - q1;
        let (fence_lo, fence_hi) = (q1 - 1.5 * iqr, q3 + 1.5 * iqr);
        let inside: Vec<f64> = s
            .iter()
            .copied()
            .filter(|v| *v >= fence_lo && *v <= fence_hi)
            .collect();
        Some(BoxItem {
            label: label.into(),
            q1,
            median,
            q3,
            whisker_lo: inside.first().copied().unwrap_or(q1),
            whisker_hi: inside.last().copied().unwrap_or(q3),
            outliers: s
                .iter()
                .copied()
                .filter(|v| *v < fence_lo || *v > fence_hi)
                .collect(),
            n: s.len(),
        })
    }
}

/// Horizontal box plots, top to bottom in the given order.
#[derive(Clone, Debug)]
pub struct BoxChart {
    /// The boxes.
    pub items: Vec<BoxItem>,
    /// Value axis title.
    pub axis: String,
    /// Value unit.
    pub unit: Unit,
    /// Force log or linear (`None`: decide from the data).
    pub log: Option<bool>,
}

impl BoxChart {
    fn extent(&self) -> (f64, f64) {
        let lo = self
            .items
            .iter()
            .flat_map(|b| b.outliers.iter().copied().chain([b.whisker_lo]))
            .fold(f64::INFINITY, f64::min)
            .max(f64::MIN_POSITIVE);
        let hi = self
            .items
            .iter()
            .flat_map(|b| b.outliers.iter().copied().chain([b.whisker_hi]))
            .fold(0.0, f64::max);
        if !lo.is_finite() || hi <= 0.0 {
            (1.0, 10.0)
        } else {
            (lo, hi)
        }
    }
}

impl Chart for BoxChart {
    fn size(&self) -> (u32, u32) {
        (960, 76 + 36 * self.items.len().max(1) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let (lo, hi) = self.extent();
        if self.log.unwrap_or_else(|| wants_log(lo, hi)) {
            body(self, root, (lo / 1.3..hi * 1.6).log_scale())
        } else {
            let span = (hi - lo).max(hi * 0.02);
            body(self, root, (lo - span * 0.08).max(0.0)..hi + span * 0.25)
        }
    }
}

fn body<DB, X>(chart: &BoxChart, root: &DrawingArea<DB, Shift>, x: X) -> DrawResult<DB>
where
    DB: DrawingBackend,
    X: AsRangedCoord<Value = f64>,
    X::CoordDescType: ValueFormatter<f64>,
{
    let n = chart.items.len() as i32;
    let labels: Vec<String> = chart
        .items
        .iter()
        .map(|b| format!("{} (n={})", b.label, b.n))
        .collect();
    let label_area = labels
        .iter()
        .map(|l| text_width(l, 15))
        .max()
        .unwrap_or(100)
        .clamp(90, 440)
        + 14;
    let mut c = ChartBuilder::on(root)
        .margin(8)
        .margin_right(24)
        .x_label_area_size(42)
        .y_label_area_size(label_area)
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
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        })
        .label_style(text(15))
        .axis_desc_style(text(15))
        .draw()?;

    for (pos, b) in chart.items.iter().enumerate() {
        let i = n - 1 - pos as i32;
        let mid = SegmentValue::CenterOf(i);
        let mut rect = Rectangle::new(
            [
                (b.q1, SegmentValue::Exact(i)),
                (b.q3, SegmentValue::Exact(i + 1)),
            ],
            BAR.mix(0.45).filled(),
        );
        rect.set_margin(7, 7, 0, 0);
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(rect))?;
        let mut outline = Rectangle::new(
            [
                (b.q1, SegmentValue::Exact(i)),
                (b.q3, SegmentValue::Exact(i + 1)),
            ],
            INK.stroke_width(1),
        );
        outline.set_margin(7, 7, 0, 0);
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(outline))?;
        let ink = INK.stroke_width(1);
        for (from, to) in [(b.whisker_lo, b.q1), (b.q3, b.whisker_hi)] {
            c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(PathElement::new(
                vec![(from, mid.clone()), (to, mid.clone())],
                ink,
            )))?;
        }
        for end in [b.whisker_lo, b.whisker_hi] {
            c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
                EmptyElement::at((end, mid.clone())) + PathElement::new(vec![(0, -6), (0, 6)], ink),
            ))?;
        }
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
            EmptyElement::at((b.median, mid.clone()))
                + PathElement::new(vec![(0, -10), (0, 10)], FAIL.stroke_width(2)),
        ))?;
        for o in &b.outliers {
            c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(Circle::new(
                (*o, mid.clone()),
                2,
                INK.mix(0.6).filled(),
            )))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tukey_box_of_known_samples() {
        let samples: Vec<f64> = (1..=9).map(f64::from).chain([100.0]).collect();
        let b = BoxItem::from_samples("x", &samples).expect("samples");
        assert_eq!(b.n, 10);
        assert_eq!(b.median, 5.5);
        assert_eq!(b.q1, 3.25);
        assert_eq!(b.q3, 7.75);
        assert_eq!(b.whisker_lo, 1.0);
        assert_eq!(b.whisker_hi, 9.0);
        assert_eq!(b.outliers, vec![100.0]);
        assert!(BoxItem::from_samples("none", &[]).is_none());
    }
}
