//! Property tests of the pure timeline geometry.

use linimasa::timeline::axis::Axis;
use linimasa::timeline::lanes::Lane;
use linimasa::timeline::lod::DayCounts;
use linimasa::timeline::stack::{Footprint, Group, ItemKind, Period, Stacked, groups, stack};
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
    fn stacking_conserves_counts_and_never_overlaps(
        days in proptest::collection::vec((0u32..3000, 0u32..40, 0u32..200), 0..400),
        start in 0.0f64..3000.0,
        span in 1.0f64..4000.0,
        rows in 1usize..7,
    ) {
        let (lane, spans) = lane_of(&days);
        let labels: Vec<f64> = days_sorted(&days).iter().map(|d| d.2 as f64).collect();
        let view = TimeView::new(start, start + span);
        let axis = Axis::new(view, 0.0, 1000.0);
        let period = Period::for_zoom(axis.px_per_day(), 40.0);
        let gs = groups(&lane, &spans, &axis, period);
        let visible = spans.iter().filter(|(s, e)| *e > view.start && *s < view.end).count();
        prop_assert_eq!(gs.iter().map(|g| g.count).sum::<usize>(), visible);
        let st = stack(&gs, rows, 6.0, &|i| dot_or_bar(i, &spans, &labels, &axis), &|g| period_box(g, &axis));
        prop_assert_eq!(shown_count(&st), visible);
        prop_assert!(st.rows <= rows);
        assert_no_overlap(&st, 6.0)?;
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

/// At a million events: every lane's groups and stacked items (periods counted by the day-count table, not
/// listed) add up to the events a linear scan finds in the view, at every zoom, with nothing drawn over anything,
/// and the visible range equals a linear scan.
#[test]
fn a_million_events_cluster_without_losing_one() {
    use linimasa::timeline::index::TimelineIndex;
    use linimasa::timeline::lanes::LaneMode;
    use linimasa::timeline::lod::visible_range;
    let events = linimasa::synth::events(1_000_000, 5);
    let shown = vec![true; events.len()];
    let index = TimelineIndex::new(&events, &shown, LaneMode::Forum);
    assert_eq!(index.shown, 1_000_000);
    let (a, b) = index.extent.unwrap();
    let labels = vec![90.0; index.spans.len()];
    for (v0, v1) in [
        (a - 30.0, b + 30.0),
        (a + 400.0, a + 800.0),
        (a + 1000.0, a + 1030.0),
        (a + 2000.0, a + 2001.5),
    ] {
        let view = TimeView::new(v0, v1);
        let axis = Axis::new(view, 180.0, 1200.0);
        let period = Period::for_zoom(axis.px_per_day(), 40.0);
        for lane in &index.lanes {
            let gs = groups(lane, &index.spans, &axis, period);
            let linear = lane
                .events
                .iter()
                .filter(|&&i| {
                    let (s, e) = index.spans[i];
                    e > v0 && s < v1
                })
                .count();
            assert_eq!(
                gs.iter().map(|g| g.count).sum::<usize>(),
                linear,
                "lane {} view {v0}..{v1}",
                lane.key
            );
            let st = stack(
                &gs,
                6,
                6.0,
                &|i| dot_or_bar(i, &index.spans, &labels, &axis),
                &|g| period_box(g, &axis),
            );
            assert_eq!(
                shown_count(&st),
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

fn days_sorted(days: &[(u32, u32, u32)]) -> Vec<(u32, u32, u32)> {
    let mut d = days.to_vec();
    d.sort();
    d
}

/// A lane of events starting on `days.0` (sorted), lasting `days.1 % 5 == 0 ? days.1 : 1` days.
fn lane_of(days: &[(u32, u32, u32)]) -> (Lane, Vec<(f64, f64)>) {
    let days = days_sorted(days);
    let spans: Vec<(f64, f64)> = days
        .iter()
        .map(|&(d, l, _)| {
            let len = if l % 5 == 0 { l as f64 + 1.0 } else { 1.0 };
            (16000.0 + d as f64, 16000.0 + d as f64 + len)
        })
        .collect();
    let starts: Vec<f64> = spans.iter().map(|s| s.0).collect();
    let max_span = spans.iter().map(|s| s.1 - s.0).fold(0.0, f64::max);
    let lane = Lane {
        key: "L".into(),
        events: (0..spans.len()).collect(),
        counts: DayCounts::new(&starts),
        starts,
        max_span,
    };
    (lane, spans)
}

/// A dot of radius 5 at the start, or the bar of the span, then a label `labels[i]` wide.
fn dot_or_bar(i: usize, spans: &[(f64, f64)], labels: &[f64], axis: &Axis) -> Footprint {
    let (s, e) = spans[i];
    let (x0, x1) = (axis.x_from_time(s), axis.x_from_time(e));
    let (left, right) = if x1 - x0 > 10.0 {
        (x0, x1)
    } else {
        (x0 - 5.0, x0 + 5.0)
    };
    Footprint {
        left,
        marker_left: left,
        lines: 1,
        marker_right: right,
        label_x: right + 4.0,
        label_w: labels[i],
        shares_bar: false,
    }
}

/// A cluster drawn over its period, inset by half the gap, at least 24 px wide.
fn period_box(g: &Group, axis: &Axis) -> Footprint {
    let (mut l, mut r) = (axis.x_from_time(g.t0) + 3.0, axis.x_from_time(g.t1) - 3.0);
    if r - l < 24.0 {
        let c = (l + r) / 2.0;
        (l, r) = (c - 12.0, c + 12.0);
    }
    Footprint {
        left: l,
        marker_left: l,
        lines: 1,
        marker_right: r,
        label_x: r,
        label_w: 0.0,
        shares_bar: false,
    }
}

fn shown_count(st: &Stacked) -> usize {
    st.items
        .iter()
        .map(|p| match &p.kind {
            ItemKind::Event(_) => 1,
            ItemKind::Cluster(g) => g.count,
        })
        .sum()
}

/// Within each row, every item starts at least `gap` after the previous one ends (label included).
fn assert_no_overlap(st: &Stacked, gap: f64) -> Result<(), TestCaseError> {
    for row in 0..st.rows {
        let mut end = f64::NEG_INFINITY;
        for p in st.items.iter().filter(|p| p.row == row) {
            prop_assert!(
                p.foot.left >= end + gap - 1e-6,
                "row {row}: {:?} starts before {end} + gap",
                p
            );
            end = end.max(p.right());
        }
    }
    Ok(())
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
