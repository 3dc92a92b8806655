//! The visible time range and how pan and zoom change it. Every change returns a new view.

use serde::{Deserialize, Serialize};

/// Shortest visible span: one day.
pub const MIN_SPAN_DAYS: f64 = 1.0;
/// Longest visible span: forty years.
pub const MAX_SPAN_DAYS: f64 = 40.0 * 365.25;

/// Longest span an exported image may show: 1900-01-01 to 2100-12-31, every year an event may have.
pub const MAX_EXPORT_SPAN_DAYS: f64 = 201.0 * 365.25;

/// The visible time range `[start, end)` in timeline days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    /// Left edge.
    pub start: f64,
    /// Right edge.
    pub end: f64,
}

impl Default for TimeView {
    /// 2015-01-01 … 2023-12-31, the product's range.
    fn default() -> Self {
        let start = super::ymd(2015, 1, 1).unwrap_or(16436.0);
        let end = super::ymd(2024, 1, 1).unwrap_or(19723.0);
        TimeView { start, end }
    }
}

impl TimeView {
    /// A view, made valid (ordered, within the span limits).
    pub fn new(start: f64, end: f64) -> TimeView {
        TimeView { start, end }.clamped()
    }

    /// Exactly `[start, end)`, as an export asks for it (no narrowing to the window's zoom limits), or why it
    /// cannot be shown: not a range, ending before it starts, or longer than [`MAX_EXPORT_SPAN_DAYS`].
    pub fn exact(start: f64, end: f64) -> Result<TimeView, String> {
        if !(start.is_finite() && end.is_finite()) {
            return Err("not a time range".into());
        }
        if end <= start {
            return Err("the range ends before it starts".into());
        }
        if end - start > MAX_EXPORT_SPAN_DAYS + 1.0 {
            return Err(format!(
                "a range of {:.0} years is longer than the {:.0} years an image can show (1900 to 2100)",
                (end - start) / 365.25,
                (MAX_EXPORT_SPAN_DAYS / 365.25).floor()
            ));
        }
        Ok(TimeView { start, end })
    }

    /// Visible span in days.
    pub fn span_days(&self) -> f64 {
        self.end - self.start
    }

    /// Centre time.
    pub fn center(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    fn clamped(self) -> TimeView {
        let (mut s, mut e) = if self.start.is_finite() && self.end.is_finite() {
            (self.start.min(self.end), self.start.max(self.end))
        } else {
            let d = TimeView::default();
            (d.start, d.end)
        };
        let span = (e - s).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        if (e - s - span).abs() > f64::EPSILON {
            let c = (s + e) / 2.0;
            s = c - span / 2.0;
            e = c + span / 2.0;
        }
        TimeView { start: s, end: e }
    }

    /// Zoom by `factor` (>1 zooms in) keeping time `anchor` at the same place on screen.
    pub fn zoom_at(&self, factor: f64, anchor: f64) -> TimeView {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let new_span = (self.span_days() / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let frac = if self.span_days() > 0.0 {
            (anchor - self.start) / self.span_days()
        } else {
            0.5
        };
        let start = anchor - frac * new_span;
        TimeView {
            start,
            end: start + new_span,
        }
    }

    /// Move by `days` (positive moves later).
    pub fn pan(&self, days: f64) -> TimeView {
        if !days.is_finite() {
            return *self;
        }
        TimeView {
            start: self.start + days,
            end: self.end + days,
        }
    }

    /// A view showing `[t0, t1]` with `margin` (fraction of the span) on each side.
    pub fn fit(t0: f64, t1: f64, margin: f64) -> TimeView {
        let span = (t1 - t0).max(MIN_SPAN_DAYS);
        TimeView::new(t0 - span * margin, t1 + span * margin)
    }

    /// Whether time `t` is visible.
    pub fn contains(&self, t: f64) -> bool {
        t >= self.start && t < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let v = TimeView::default();
        let anchor = v.start + v.span_days() * 0.3;
        let z = v.zoom_at(4.0, anchor);
        assert!(((anchor - z.start) / z.span_days() - 0.3).abs() < 1e-9);
        assert!((z.span_days() - v.span_days() / 4.0).abs() < 1e-6);
    }

    #[test]
    fn zoom_is_bounded_from_nine_years_to_one_day() {
        let mut v = TimeView::default();
        for _ in 0..100 {
            v = v.zoom_at(2.0, v.center());
        }
        assert!((v.span_days() - MIN_SPAN_DAYS).abs() < 1e-9);
        for _ in 0..100 {
            v = v.zoom_at(0.5, v.center());
        }
        assert!((v.span_days() - MAX_SPAN_DAYS).abs() < 1e-6);
    }

    #[test]
    fn pan_and_bad_input() {
        let v = TimeView::default();
        assert_eq!(v.pan(10.0).start, v.start + 10.0);
        assert_eq!(v.pan(f64::NAN), v);
        assert_eq!(v.zoom_at(f64::INFINITY, 0.0), v);
        let w = TimeView::new(10.0, 5.0);
        assert!(w.start < w.end);
        assert!(TimeView::new(f64::NAN, 1.0).span_days() > 0.0);
    }
}
