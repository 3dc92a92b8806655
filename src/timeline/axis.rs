//! Time↔pixel mapping for one frame: a pure struct rebuilt every frame, in f64.

use super::view::TimeView;

/// Maps the view onto a horizontal pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The visible time range.
    pub view: TimeView,
    /// Left pixel of the time area.
    pub x0: f64,
    /// Width in pixels of the time area.
    pub width: f64,
}

impl Axis {
    /// An axis for `view` drawn from `x0` over `width` pixels.
    pub fn new(view: TimeView, x0: f64, width: f64) -> Axis {
        Axis {
            view,
            x0,
            width: width.max(1.0),
        }
    }

    /// Pixels per day.
    pub fn px_per_day(&self) -> f64 {
        self.width / self.view.span_days()
    }

    /// The x of time `t`.
    pub fn x_from_time(&self, t: f64) -> f64 {
        self.x0 + (t - self.view.start) * self.px_per_day()
    }

    /// The time at pixel `x`.
    pub fn time_from_x(&self, x: f64) -> f64 {
        self.view.start + (x - self.x0) / self.px_per_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_within_half_a_pixel_at_every_zoom() {
        let mut view = TimeView::default();
        for _ in 0..40 {
            let axis = Axis::new(view, 150.0, 1234.0);
            for i in 0..=100 {
                let x = 150.0 + 1234.0 * i as f64 / 100.0;
                let back = axis.x_from_time(axis.time_from_x(x));
                assert!(
                    (back - x).abs() < 0.5,
                    "span {} x {x} back {back}",
                    view.span_days()
                );
                let t = view.start + view.span_days() * i as f64 / 100.0;
                let tx = axis.x_from_time(t);
                assert!((axis.time_from_x(tx) - t).abs() * axis.px_per_day() < 0.5);
            }
            view = view.zoom_at(1.3, view.start + view.span_days() * 0.37);
        }
    }

    #[test]
    fn edges_map_to_edges() {
        let v = TimeView::new(100.0, 200.0);
        let a = Axis::new(v, 10.0, 1000.0);
        assert!((a.x_from_time(100.0) - 10.0).abs() < 1e-9);
        assert!((a.x_from_time(200.0) - 1010.0).abs() < 1e-9);
    }
}
