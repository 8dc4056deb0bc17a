//! Scatter plot with a Pareto front: each point one scheme; the front joins the
//! points no other point beats on both axes (smaller is better on both).

use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::element::BackendCoordOnly;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{BAR, Chart, DrawResult, FAIL, GRID, INK, Unit, text, text_width, wants_log};

/// One point.
#[derive(Clone, Debug)]
pub struct Point {
    /// Label drawn beside the point.
    pub label: String,
    /// X value (> 0).
    pub x: f64,
    /// Y value (> 0).
    pub y: f64,
}

/// A labelled scatter plot with its Pareto front (minimising both axes).
#[derive(Clone, Debug)]
pub struct Scatter {
    /// The points.
    pub points: Vec<Point>,
    /// X axis title.
    pub x_axis: String,
    /// Y axis title.
    pub y_axis: String,
    /// X unit.
    pub x_unit: Unit,
    /// Y unit.
    pub y_unit: Unit,
    /// The front to mark, when the caller computed it over more than the two
    /// plotted axes (indices into `points`); `None`: the 2-D front.
    pub front: Option<Vec<usize>>,
    /// Constraint lines drawn across the plot.
    pub guides: Vec<Guide>,
}

/// A labelled constraint line: `x = value` (vertical) or `y = value`.
#[derive(Clone, Debug)]
pub struct Guide {
    /// Vertical (`x = value`) or horizontal (`y = value`).
    pub vertical: bool,
    /// Where.
    pub value: f64,
    /// Label drawn at the line's end.
    pub label: String,
}

impl Scatter {
    fn marked_front(&self) -> Vec<usize> {
        match &self.front {
            Some(f) => {
                let mut f = f.clone();
                f.sort_by(|&a, &b| self.points[a].x.total_cmp(&self.points[b].x));
                f
            }
            None => pareto_front(&self.points),
        }
    }
}

/// Indices of the points on the Pareto front (no other point is ≤ on both
/// axes and < on one), sorted by x.
pub fn pareto_front(points: &[Point]) -> Vec<usize> {
    let mut front: Vec<usize> = (0..points.len())
        .filter(|&i| {
            let p = &points[i];
            !points
                .iter()
                .any(|q| q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y))
        })
        .collect();
    front.sort_by(|&a, &b| points[a].x.total_cmp(&points[b].x));
    front
}

fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() || hi <= 0.0 {
        (1.0, 10.0)
    } else {
        (lo.max(f64::MIN_POSITIVE), hi)
    }
}

impl Chart for Scatter {
    fn size(&self) -> (u32, u32) {
        (960, 560)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let guide = |vertical: bool| {
            self.guides
                .iter()
                .filter(move |g| g.vertical == vertical && g.value > 0.0)
                .map(|g| g.value)
        };
        let (x0, x1) = extent(self.points.iter().map(|p| p.x).chain(guide(true)));
        let (y0, y1) = extent(self.points.iter().map(|p| p.y).chain(guide(false)));
        // Room for labels to the right of the rightmost points.
        match (wants_log(x0, x1) || x1 / x0 > 4.0, wants_log(y0, y1)) {
            (true, true) => body(
                self,
                root,
                (x0 / 1.5..x1 * 6.0).log_scale(),
                (y0 / 1.5..y1 * 1.5).log_scale(),
            ),
            (true, false) => body(
                self,
                root,
                (x0 / 1.5..x1 * 6.0).log_scale(),
                pad_lin(y0, y1),
            ),
            (false, true) => body(
                self,
                root,
                pad_lin_x(x0, x1),
                (y0 / 1.5..y1 * 1.5).log_scale(),
            ),
            (false, false) => body(self, root, pad_lin_x(x0, x1), pad_lin(y0, y1)),
        }
    }
}

fn pad_lin(lo: f64, hi: f64) -> std::ops::Range<f64> {
    let span = (hi - lo).max(hi * 0.1);
    (lo - span * 0.15).max(0.0)..hi + span * 0.15
}

fn pad_lin_x(lo: f64, hi: f64) -> std::ops::Range<f64> {
    let span = (hi - lo).max(hi * 0.1);
    (lo - span * 0.15).max(0.0)..hi + span * 0.6
}

fn body<DB, X, Y>(chart: &Scatter, root: &DrawingArea<DB, Shift>, x: X, y: Y) -> DrawResult<DB>
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
        .x_labels(8)
        .y_labels(8)
        .x_label_formatter(&|v| xu.tick(*v))
        .y_label_formatter(&|v| yu.tick(*v))
        .label_style(text(14))
        .axis_desc_style(text(15))
        .draw()?;

    let (xs, ys) = (c.x_range(), c.y_range());
    for g in &chart.guides {
        let (a, b) = if g.vertical {
            ((g.value, ys.start), (g.value, ys.end))
        } else {
            ((xs.start, g.value), (xs.end, g.value))
        };
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(PathElement::new(
            vec![a, b],
            INK.mix(0.45).stroke_width(1),
        )))?;
        let at = if g.vertical {
            (g.value, ys.end)
        } else {
            (xs.end, g.value)
        };
        let pos = if g.vertical {
            Pos::new(HPos::Left, VPos::Top)
        } else {
            Pos::new(HPos::Right, VPos::Bottom)
        };
        let offset = if g.vertical { (4, 4) } else { (-4, -3) };
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
            EmptyElement::at(at) + Text::new(g.label.clone(), offset, text(13).pos(pos)),
        ))?;
    }

    let front = chart.marked_front();
    if front.len() > 1 && chart.front.is_none() {
        // A staircase: from each front point, across then down to the next.
        let mut path = Vec::new();
        for w in front.windows(2) {
            let (a, b) = (&chart.points[w[0]], &chart.points[w[1]]);
            path.push((a.x, a.y));
            path.push((b.x, a.y));
            path.push((b.x, b.y));
        }
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(PathElement::new(
            path,
            FAIL.mix(0.55).stroke_width(2),
        )))?;
    }

    // Points first, then labels: each label tries positions around its point
    // (right, left, above, below, diagonals) and takes the first that
    // overlaps no label or point already there and stays inside the plot.
    let pixels: Vec<(i32, i32)> = chart
        .points
        .iter()
        .map(|p| c.backend_coord(&(p.x, p.y)))
        .collect();
    for (i, p) in chart.points.iter().enumerate() {
        let color = if front.contains(&i) { FAIL } else { BAR };
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(Circle::new(
            (p.x, p.y),
            5,
            color.filled(),
        )))?;
    }
    let (xr, yr) = c.plotting_area().get_pixel_range();
    let mut placed: Vec<(i32, i32, i32, i32)> = Vec::new();
    let overlaps = |a: &(i32, i32, i32, i32), b: &(i32, i32, i32, i32)| {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    };
    let mut order: Vec<usize> = (0..chart.points.len()).collect();
    order.sort_by(|&a, &b| chart.points[a].x.total_cmp(&chart.points[b].x));
    for i in order {
        let p = &chart.points[i];
        if p.label.is_empty() {
            continue;
        }
        let label = if front.contains(&i) {
            format!("{} ★", p.label)
        } else {
            p.label.clone()
        };
        let (px, py) = pixels[i];
        let w = (text_width(&label, 14) as f64 * 0.82) as i32;
        let h = 14;
        // (dx, dy, horizontal anchor) of the label's anchor point.
        let candidates = [
            (9, 0, HPos::Left),
            (-9, 0, HPos::Right),
            (0, -13, HPos::Center),
            (0, 13, HPos::Center),
            (7, -12, HPos::Left),
            (7, 12, HPos::Left),
            (-7, -12, HPos::Right),
            (-7, 12, HPos::Right),
            (9, -26, HPos::Left),
            (9, 26, HPos::Left),
            (-9, -26, HPos::Right),
            (-9, 26, HPos::Right),
        ];
        let boxed = |(dx, dy, h_pos): (i32, i32, HPos)| {
            let x0 = match h_pos {
                HPos::Left => px + dx,
                HPos::Right => px + dx - w,
                HPos::Center => px + dx - w / 2,
            };
            (x0, py + dy - h / 2, x0 + w, py + dy + h / 2)
        };
        let fits = |b: &(i32, i32, i32, i32)| {
            b.0 >= xr.start
                && b.2 <= xr.end
                && b.1 >= yr.start
                && b.3 <= yr.end
                && !placed.iter().any(|q| overlaps(b, q))
                && !pixels
                    .iter()
                    .enumerate()
                    .any(|(j, &(qx, qy))| j != i && overlaps(b, &(qx - 5, qy - 5, qx + 5, qy + 5)))
        };
        let choice = candidates
            .iter()
            .copied()
            .find(|cand| fits(&boxed(*cand)))
            .unwrap_or(candidates[0]);
        placed.push(boxed(choice));
        let (dx, dy, h_pos) = choice;
        let style = text(14).pos(Pos::new(h_pos, VPos::Center));
        c.draw_series::<BackendCoordOnly, _, _, _>(std::iter::once(
            EmptyElement::at((p.x, p.y)) + Text::new(label, (dx, dy), style),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point {
            label: String::new(),
            x,
            y,
        }
    }

    /// The value of attribute `key` of every element `tag` in `svg` whose
    /// attributes contain `having`.
    fn attrs(svg: &str, tag: &str, having: &str, key: &str) -> Vec<String> {
        svg.split(&format!("<{tag} "))
            .skip(1)
            .filter_map(|el| {
                let el = &el[..el.find('>')?];
                let at = el.find(&format!("{key}=\""))? + key.len() + 2;
                let end = at + el[at..].find('"')?;
                el.contains(having).then(|| el[at..end].to_string())
            })
            .collect()
    }

    /// Constraint lines are drawn across the plot where their values fall on
    /// the axes the points are drawn on: read back from the SVG, a vertical
    /// guide at x = 300 between points at x = 100 and 1000 (log axis: a
    /// factor of 10 spans more than 4) sits log(3)/log(10) of the way, and a
    /// horizontal guide at y = 50 between y = 10 and 100 (linear: a factor
    /// below 20) sits 40/90 of the way.
    #[test]
    fn guides_are_drawn_where_their_values_fall() {
        let chart = Scatter {
            points: vec![p(100.0, 10.0), p(1000.0, 100.0)],
            x_axis: "bytes".into(),
            y_axis: "time".into(),
            x_unit: Unit::Bytes,
            y_unit: Unit::Count,
            front: None,
            guides: vec![
                Guide {
                    vertical: true,
                    value: 300.0,
                    label: "block bytes limit".into(),
                },
                Guide {
                    vertical: false,
                    value: 50.0,
                    label: "16 cores".into(),
                },
            ],
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, chart.size()).into_drawing_area();
            chart.draw(&root).expect("draw");
            root.present().expect("present");
        }
        assert!(svg.contains("block bytes limit"), "{svg}");
        assert!(svg.contains("16 cores"), "{svg}");
        let num = |v: &String| v.parse::<f64>().expect("number");
        let (cx, cy): (Vec<f64>, Vec<f64>) = (
            attrs(&svg, "circle", "", "cx").iter().map(num).collect(),
            attrs(&svg, "circle", "", "cy").iter().map(num).collect(),
        );
        assert_eq!(cx.len(), 2, "{svg}");
        // Lines in the guides' half-transparent ink (axes and ticks are opaque).
        let lines: Vec<[(f64, f64); 2]> = attrs(&svg, "polyline", "opacity=\"0.45\"", "points")
            .iter()
            .filter_map(|pts| {
                let xy: Vec<(f64, f64)> = pts
                    .split_whitespace()
                    .filter_map(|xy| {
                        let (x, y) = xy.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect();
                (xy.len() == 2).then(|| [xy[0], xy[1]])
            })
            .collect();
        let expect_x = cx[0] + (cx[1] - cx[0]) * 3f64.ln() / 10f64.ln();
        let vertical = lines
            .iter()
            .filter(|[a, b]| a.0 == b.0 && a.1 != b.1)
            .map(|[a, _]| a.0)
            .find(|x| (x - expect_x).abs() <= 1.5);
        assert!(
            vertical.is_some(),
            "no vertical line at x ≈ {expect_x}: {lines:?}"
        );
        let expect_y = cy[0] + (cy[1] - cy[0]) * 40.0 / 90.0;
        let horizontal = lines
            .iter()
            .filter(|[a, b]| a.1 == b.1 && a.0 != b.0)
            .map(|[a, _]| a.1)
            .find(|y| (y - expect_y).abs() <= 1.5);
        assert!(
            horizontal.is_some(),
            "no horizontal line at y ≈ {expect_y}: {lines:?}"
        );
    }

    #[test]
    fn front_keeps_only_undominated_points() {
        let pts = vec![
            p(96.0, 30.0),
            p(96.0, 46.0),
            p(144.0, 1000.0),
            p(2420.0, 20.0),
            p(3000.0, 25.0),
        ];
        assert_eq!(pareto_front(&pts), vec![0, 3]);
    }
}
