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

proptest! {
    #[test]
    fn bucket_markers_conserve_counts(days in proptest::collection::vec((0u32..3000, 0u32..4), 0..600), start in 0.0f64..3000.0, span in 1.0f64..4000.0, gap in 2.0f64..30.0) {
        use linimasa::timeline::lod::bucket_marks;
        let mut days = days;
        days.sort();
        let spans: Vec<(f64, f64)> = days.iter().map(|&(d, l)| (d as f64, d as f64 + 1.0 + l as f64)).collect();
        let events: Vec<usize> = (0..spans.len()).collect();
        let starts: Vec<f64> = spans.iter().map(|s| s.0).collect();
        let view = TimeView::new(start, start + span);
        let axis = Axis::new(view, 0.0, 1000.0);
        // The lane's visible slice, as lane_marks gives it (longest span 4 days).
        let r = linimasa::timeline::lod::visible_range(&starts, view.start, view.end, 4.0);
        let marks = bucket_marks(&events[r.clone()], &starts[r], &spans, &axis, gap);
        let visible = spans.iter().filter(|(s, e)| *e > view.start && *s < view.end).count();
        prop_assert_eq!(marks.iter().map(Mark::count).sum::<usize>(), visible);
        for w in marks.windows(2) {
            prop_assert!(w[1].extent().0 - w[0].extent().1 >= gap - 1e-6);
        }
    }
}

/// At a million events: every lane's markers (counted per pixel bucket by binary search) add up to the events a
/// linear scan finds in the view, at every zoom, and the visible range equals a linear scan.
#[test]
fn a_million_events_cluster_without_losing_one() {
    use linimasa::timeline::index::TimelineIndex;
    use linimasa::timeline::lanes::LaneMode;
    use linimasa::timeline::lod::{MARKER_BUDGET, lane_marks, visible_range};
    let events = linimasa::synth::events(1_000_000, 5);
    let shown = vec![true; events.len()];
    let index = TimelineIndex::new(&events, &shown, LaneMode::Forum);
    assert_eq!(index.shown, 1_000_000);
    let (a, b) = index.extent.unwrap();
    for (v0, v1) in [
        (a - 30.0, b + 30.0),
        (a + 400.0, a + 800.0),
        (a + 1000.0, a + 1030.0),
        (a + 2000.0, a + 2001.5),
    ] {
        let view = TimeView::new(v0, v1);
        let axis = Axis::new(view, 180.0, 1200.0);
        for lane in &index.lanes {
            let marks = lane_marks(lane, &index.spans, &axis, 14.0, MARKER_BUDGET);
            let linear = lane
                .events
                .iter()
                .filter(|&&i| {
                    let (s, e) = index.spans[i];
                    e > v0 && s < v1
                })
                .count();
            assert_eq!(
                marks.iter().map(Mark::count).sum::<usize>(),
                linear,
                "lane {} view {v0}..{v1}",
                lane.key
            );
            let r = visible_range(&lane.starts, v0, v1, lane.max_span);
            let scan: Vec<usize> = (0..lane.starts.len())
                .filter(|&k| lane.starts[k] + lane.max_span >= v0 && lane.starts[k] < v1)
                .collect();
            assert_eq!(
                r.filter(|&k| lane.starts[k] + lane.max_span >= v0)
                    .collect::<Vec<_>>(),
                scan
            );
        }
    }
}

proptest! {
    #[test]
    fn day_counts_equal_binary_search(days in proptest::collection::vec(0i64..5000, 0..300), t in -100.0f64..5200.0) {
        use linimasa::timeline::lod::DayCounts;
        let mut starts: Vec<f64> = days.iter().map(|&d| (d + 16000) as f64).collect();
        starts.sort_by(f64::total_cmp);
        let counts = DayCounts::new(&starts);
        let t = t + 16000.0;
        let expect = starts.partition_point(|&s| s < t);
        prop_assert_eq!(counts.before(t).unwrap_or(expect), expect);
        if !starts.is_empty() {
            prop_assert!(counts.before(t).is_some());
        }
    }
}
