//! Level of detail: which events are visible (binary search on sorted dates), markers that would overlap merged
//! into clusters with a count, and the density of events per pixel column for the overview strip.

use super::axis::Axis;

/// A marker on a lane: one event, or a cluster of events too close to tell apart.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One event.
    Single {
        /// Event index.
        event: usize,
        /// Left pixel of its date span.
        x0: f64,
        /// Right pixel of its date span.
        x1: f64,
    },
    /// Several events.
    Cluster {
        /// Event indices in the cluster.
        events: Vec<usize>,
        /// Leftmost pixel.
        x0: f64,
        /// Rightmost pixel.
        x1: f64,
        /// Earliest start (timeline days).
        t0: f64,
        /// Latest end (timeline days).
        t1: f64,
    },
}

impl Mark {
    /// Number of events it stands for.
    pub fn count(&self) -> usize {
        match self {
            Mark::Single { .. } => 1,
            Mark::Cluster { events, .. } => events.len(),
        }
    }

    /// Left and right pixels.
    pub fn extent(&self) -> (f64, f64) {
        match self {
            Mark::Single { x0, x1, .. } | Mark::Cluster { x0, x1, .. } => (*x0, *x1),
        }
    }
}

/// The range of indices of `starts` (sorted) whose spans `[start, end]` can be visible in `[t0, t1)`, given the
/// longest span in the data (`max_span_days`).
pub fn visible_range(
    starts: &[f64],
    t0: f64,
    t1: f64,
    max_span_days: f64,
) -> std::ops::Range<usize> {
    let lo = starts.partition_point(|&s| s < t0 - max_span_days);
    let hi = starts.partition_point(|&s| s < t1);
    lo..hi.max(lo)
}

/// Clusters a lane's visible events. `spans[i]` is event `i`'s `(start, end_exclusive)` in timeline days;
/// `lane` lists the lane's events in start order. Markers closer than `min_gap_px` merge.
pub fn cluster(lane: &[usize], spans: &[(f64, f64)], axis: &Axis, min_gap_px: f64) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    let (v0, v1) = (axis.view.start, axis.view.end);
    for &i in lane {
        let Some(&(s, e)) = spans.get(i) else {
            continue;
        };
        if e <= v0 || s >= v1 {
            continue;
        }
        let x0 = axis.x_from_time(s);
        let x1 = axis.x_from_time(e).max(x0);
        let merge = match out.last() {
            Some(last) => x0 - last.extent().1 < min_gap_px,
            None => false,
        };
        if merge {
            if let Some(last) = out.last_mut() {
                *last = match std::mem::replace(
                    last,
                    Mark::Single {
                        event: 0,
                        x0: 0.0,
                        x1: 0.0,
                    },
                ) {
                    Mark::Single {
                        event,
                        x0: a0,
                        x1: a1,
                    } => {
                        let (ps, pe) = spans.get(event).copied().unwrap_or((s, e));
                        Mark::Cluster {
                            events: vec![event, i],
                            x0: a0,
                            x1: a1.max(x1),
                            t0: ps.min(s),
                            t1: pe.max(e),
                        }
                    }
                    Mark::Cluster {
                        mut events,
                        x0: a0,
                        x1: a1,
                        t0,
                        t1,
                    } => {
                        events.push(i);
                        Mark::Cluster {
                            events,
                            x0: a0,
                            x1: a1.max(x1),
                            t0: t0.min(s),
                            t1: t1.max(e),
                        }
                    }
                };
            }
        } else {
            out.push(Mark::Single { event: i, x0, x1 });
        }
    }
    out
}

/// Event counts per bucket over `[t0, t1)`: `buckets` equal slices (one per pixel column of the strip).
pub fn density(starts: &[f64], t0: f64, t1: f64, buckets: usize) -> Vec<u32> {
    let mut out = vec![0u32; buckets];
    if buckets == 0 || t1 <= t0 {
        return out;
    }
    let w = (t1 - t0) / buckets as f64;
    for &s in starts
        .get(visible_range(starts, t0, t1, 0.0))
        .unwrap_or(&[])
    {
        let b = ((s - t0) / w).floor() as usize;
        if let Some(slot) = out.get_mut(b.min(buckets - 1)) {
            *slot += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::view::TimeView;

    #[test]
    fn clusters_conserve_counts() {
        let spans: Vec<(f64, f64)> = (0..1000)
            .map(|i| (i as f64 * 0.37, i as f64 * 0.37 + 1.0))
            .collect();
        let lane: Vec<usize> = (0..1000).collect();
        for zoom in [1.0, 4.0, 40.0, 400.0] {
            let view = TimeView::new(0.0, 400.0 / zoom);
            let axis = Axis::new(view, 0.0, 1000.0);
            let marks = cluster(&lane, &spans, &axis, 12.0);
            let visible = spans
                .iter()
                .filter(|(s, e)| *e > view.start && *s < view.end)
                .count();
            assert_eq!(
                marks.iter().map(Mark::count).sum::<usize>(),
                visible,
                "zoom {zoom}"
            );
            // Markers never overlap closer than the gap.
            for w in marks.windows(2) {
                assert!(w[1].extent().0 - w[0].extent().1 >= 12.0 - 1e-9);
            }
        }
    }

    #[test]
    fn visible_range_equals_a_linear_scan() {
        let starts: Vec<f64> = (0..500)
            .map(|i| ((i * 7919) % 1000) as f64)
            .collect::<Vec<_>>();
        let mut starts = starts;
        starts.sort_by(f64::total_cmp);
        for (t0, t1) in [(0.0, 10.0), (100.5, 340.2), (990.0, 2000.0), (-50.0, -1.0)] {
            let r = visible_range(&starts, t0, t1, 3.0);
            let linear: Vec<usize> = (0..starts.len())
                .filter(|&i| starts[i] + 3.0 >= t0 && starts[i] < t1)
                .collect();
            let fast: Vec<usize> = r.filter(|&i| starts[i] + 3.0 >= t0).collect();
            assert_eq!(fast, linear);
        }
    }

    #[test]
    fn density_counts_every_event_in_range() {
        let starts: Vec<f64> = (0..100).map(|i| i as f64).collect();
        let d = density(&starts, 0.0, 100.0, 10);
        assert_eq!(d.iter().sum::<u32>(), 100);
        assert!(d.iter().all(|&c| c == 10));
    }
}
