//! Line charts: one series per scheme over a numeric parameter (message
//! length, statement size, threads), each point a median with its 95% CI.

use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::element::BackendCoordOnly;
use plotters::prelude::*;

use super::{Chart, DrawResult, GRID, INK, Unit, color, text, wants_log};

/// One point of a series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinePoint {
    /// Parameter value.
    pub x: f64,
    /// Median.
    pub y: f64,
    /// Lower end of the CI (equal to `y` when unknown).
    pub lo: f64,
    /// Upper end of the CI.
    pub hi: f64,
}

/// A named series.
#[derive(Clone, Debug)]
pub struct Series {
    /// Legend text.
    pub name: String,
    /// Points, sorted by x.
    pub points: Vec<LinePoint>,
}

/// Several series over one x axis.
#[derive(Clone, Debug)]
pub struct LineChart {
    /// The series.
    pub series: Vec<Series>,
    /// X axis title.
    pub x_axis: String,
    /// Y axis title.
    pub y_axis: String,
    /// X unit.
    pub x_unit: Unit,
    /// Y unit.
    pub y_unit: Unit,
    /// Log x axis (`None`: decide from the data).
    pub log_x: Option<bool>,
    /// Log y axis (`None`: decide from the data).
    pub log_y: Option<bool>,
    /// Draw the dashed `y = x` reference (ideal speed-up).
    pub diagonal: bool,
}

fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        (1.0, 10.0)
    } else if lo == hi {
        (lo * 0.5, hi * 1.5)
    } else {
        (lo, hi)
    }
}

impl LineChart {
    fn x_extent(&self) -> (f64, f64) {
        extent(
            self.series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.x)),
        )
    }

    fn y_extent(&self) -> (f64, f64) {
        let (lo, hi) = extent(
            self.series
                .iter()
                .flat_map(|s| s.points.iter().flat_map(|p| [p.lo, p.hi, p.y])),
        );
        if self.diagonal {
            let (x0, x1) = self.x_extent();
            (lo.min(x0), hi.max(x1))
        } else {
            (lo, hi)
        }
    }
}

impl Chart for LineChart {
    fn size(&self) -> (u32, u32) {
        (960, 520)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let (x0, x1) = self.x_extent();
        let (y0, y1) = self.y_extent();
        let log_x = self.log_x.unwrap_or_else(|| wants_log(x0, x1));
        let log_y = self.log_y.unwrap_or_else(|| wants_log(y0, y1));
        let xr = (x0 / 1.3)..(x1 * 1.3);
        let yr = (y0 / 1.5)..(y1 * 1.5);
        let xl = if log_x { xr.clone() } else { 0.0..x1 * 1.08 };
        let yl = if log_y { yr.clone() } else { 0.0..y1 * 1.12 };
        match (log_x, log_y) {
            (true, true) => body(self, root, xr.log_scale(), yr.log_scale()),
            (true, false) => body(self, root, xr.log_scale(), yl),
            (false, true) => body(self, root, xl, yr.log_scale()),
            (false, false) => body(self, root, xl, yl),
        }
    }
}

fn body<DB, X, Y>(chart: &LineChart, root: &DrawingArea<DB, Shift>, x: X, y: Y) -> DrawResult<DB>
where
    DB: DrawingBackend,
    X: AsRangedCoord<Value = f64>,
    X::CoordDescType: ValueFormatter<f64>,
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: ValueFormatter<f64>,
{
    let mut c = ChartBuilder::on(root)
        .margin(12)
        .margin_right(24)
        .x_label_area_size(44)
        .y_label_area_size(78)
        .build_cartesian_2d(x, y)?;
    let (xu, yu) = (chart.x_unit, chart.y_unit);
    c.configure_mesh()
        .bold_line_style(GRID)
        .light_line_style(WHITE)
        .axis_style(INK)
        .x_desc(chart.x_axis.as_str())
        .y_desc(chart.y_axis.as_str())
        .x_labels(10)
        .y_labels(8)
        .x_label_formatter(&|v| xu.tick(*v))
        .y_label_formatter(&|v| yu.tick(*v))
        .label_style(text(14))
        .axis_desc_style(text(15))
        .draw()?;

    if chart.diagonal {
        let (lo, hi) = chart.x_extent();
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(PathElement::new(
            vec![(lo, lo), (hi, hi)],
            INK.mix(0.35).stroke_width(1),
        )))?
        .label("ideal (linear) scaling")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], INK.mix(0.35)));
    }

    for (i, s) in chart.series.iter().enumerate() {
        let col = color(i);
        let line: Vec<(f64, f64)> = s.points.iter().map(|p| (p.x, p.y)).collect();
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(PathElement::new(
            line,
            col.stroke_width(2),
        )))?
        .label(s.name.as_str())
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], col.stroke_width(2)));
        for p in &s.points {
            c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(Circle::new(
                (p.x, p.y),
                4,
                col.filled(),
            )))?;
            if p.hi > p.lo {
                c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(PathElement::new(
                    vec![(p.x, p.lo), (p.x, p.hi)],
                    col.stroke_width(1),
                )))?;
            }
        }
    }
    c.configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(GRID)
        .label_font(text(14))
        .draw()?;
    Ok(())
}
