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

    /// This view kept within the data: never longer than the data's span `[t0, t1)` plus a margin each side
    /// ([`bound_margin_days`]: 5 % of the span, at least a month), never shorter than [`MIN_SPAN_DAYS`], and
    /// shifted (not shrunk) so that it stays inside the margin. A view longer than that range becomes the range.
    pub fn bounded_to(&self, t0: f64, t1: f64) -> TimeView {
        if !(t0.is_finite() && t1.is_finite()) || t1 < t0 {
            return *self;
        }
        let margin = bound_margin_days(t1 - t0);
        let (lo, hi) = (t0 - margin, t1.max(t0 + MIN_SPAN_DAYS) + margin);
        let v = self.clamped();
        let span = v.span_days().min(hi - lo).max(MIN_SPAN_DAYS);
        let c = v.center().clamp(lo + span / 2.0, hi - span / 2.0);
        TimeView {
            start: c - span / 2.0,
            end: c + span / 2.0,
        }
    }

    /// Whether time `t` is visible.
    pub fn contains(&self, t: f64) -> bool {
        t >= self.start && t < self.end
    }
}

/// How far past the data pan and zoom may go, each side, for data spanning `span_days`: 5 % of the span, at
/// least a month.
pub fn bound_margin_days(span_days: f64) -> f64 {
    (span_days.max(0.0) * 0.05).max(31.0)
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

    #[test]
    fn a_bounded_view_stays_on_the_data() {
        let (t0, t1) = (17_000.0, 17_400.0);
        let margin = bound_margin_days(t1 - t0);
        let mut v = TimeView::new(t0, t0 + 30.0);
        for _ in 0..200 {
            v = v.pan(50.0).bounded_to(t0, t1);
        }
        assert!((v.end - (t1 + margin)).abs() < 1e-6, "{v:?}");
        assert!((v.span_days() - 30.0).abs() < 1e-6);
        for _ in 0..200 {
            v = v.pan(-50.0).bounded_to(t0, t1);
        }
        assert!((v.start - (t0 - margin)).abs() < 1e-6, "{v:?}");
        // Zooming out stops at the data plus its margins; zooming in at a day.
        let wide = v.zoom_at(0.001, v.center()).bounded_to(t0, t1);
        assert!(
            (wide.start - (t0 - margin)).abs() < 1e-6 && (wide.end - (t1 + margin)).abs() < 1e-6
        );
        let narrow = v.zoom_at(1e6, v.center()).bounded_to(t0, t1);
        assert!((narrow.span_days() - MIN_SPAN_DAYS).abs() < 1e-9);
        // One day of data: a view of at most that day and a month each side.
        let one = TimeView::default().bounded_to(t0, t0 + 1.0);
        assert!(one.start >= t0 - 31.0 - 1e-9 && one.end <= t0 + 1.0 + 31.0 + 1e-9);
    }
}
