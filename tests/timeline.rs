//! Property tests of the pure timeline geometry.

use linimasa::timeline::axis::Axis;
use linimasa::timeline::lod::{Mark, cluster};
use linimasa::timeline::view::TimeView;
use proptest::prelude::*;

proptest! {
    #[test]
    fn time_to_x_is_monotonic(start in 10_000.0f64..20_000.0, span in 1.0f64..10_000.0, width in 100.0f64..5000.0, a in 0.0f64..1.0, b in 0.0f64..1.0) {
        let axis = Axis::new(TimeView::new(start, start + span), 0.0, width);
        let (ta, tb) = (start + a * span, start + b * span);
        let (xa, xb) = (axis.x_from_time(ta), axis.x_from_time(tb));
        prop_assert!((ta <= tb) == (xa <= xb) || (xa - xb).abs() < 1e-9);
        prop_assert!((axis.x_from_time(axis.time_from_x(xa)) - xa).abs() < 0.5);
    }

    #[test]
    fn clustering_conserves_counts(days in proptest::collection::vec(0u32..3000, 0..400), span in 1.0f64..4000.0, gap in 1.0f64..40.0) {
        let mut days = days;
        days.sort();
        let spans: Vec<(f64, f64)> = days.iter().map(|&d| (d as f64, d as f64 + 1.0)).collect();
        let lane: Vec<usize> = (0..spans.len()).collect();
        let view = TimeView::new(500.0, 500.0 + span);
        let axis = Axis::new(view, 0.0, 1000.0);
        let marks = cluster(&lane, &spans, &axis, gap);
        let visible = spans.iter().filter(|(s, e)| *e > view.start && *s < view.end).count();
        prop_assert_eq!(marks.iter().map(Mark::count).sum::<usize>(), visible);
    }

    #[test]
    fn zoom_and_pan_stay_valid(ops in proptest::collection::vec((0.01f64..100.0, -1e5f64..1e5), 0..50)) {
        let mut v = TimeView::default();
        for (z, p) in ops {
            v = v.zoom_at(z, v.center()).pan(p);
            prop_assert!(v.start.is_finite() && v.end.is_finite() && v.end > v.start);
            prop_assert!(v.span_days() >= 1.0 - 1e-9);
        }
    }
}
