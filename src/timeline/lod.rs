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
        /// How many events it stands for.
        count: usize,
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
            Mark::Cluster { count, .. } => *count,
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
                            count: 2,
                            x0: a0,
                            x1: a1.max(x1),
                            t0: ps.min(s),
                            t1: pe.max(e),
                        }
                    }
                    Mark::Cluster {
                        count,
                        x0: a0,
                        x1: a1,
                        t0,
                        t1,
                    } => Mark::Cluster {
                        count: count + 1,
                        x0: a0,
                        x1: a1.max(x1),
                        t0: t0.min(s),
                        t1: t1.max(e),
                    },
                };
            }
        } else {
            out.push(Mark::Single { event: i, x0, x1 });
        }
    }
    out
}

/// Event counts per bucket over `[t0, t1)`: `buckets` equal slices (one per pixel column of the strip).
/// `starts` must be sorted; each bucket is counted by two binary searches, so the cost does not grow with the
/// number of events.
pub fn density(starts: &[f64], t0: f64, t1: f64, buckets: usize) -> Vec<u32> {
    density_counted(starts, &DayCounts::default(), t0, t1, buckets)
}

/// [`density`] with a day-count table of `starts`.
pub fn density_counted(
    starts: &[f64],
    counts: &DayCounts,
    t0: f64,
    t1: f64,
    buckets: usize,
) -> Vec<u32> {
    let mut out = vec![0u32; buckets];
    if buckets == 0 || t1 <= t0 {
        return out;
    }
    let w = (t1 - t0) / buckets as f64;
    let mut lo = count_before(starts, counts, t0);
    for (b, slot) in out.iter_mut().enumerate() {
        let edge = if b + 1 == buckets {
            t1
        } else {
            t0 + w * (b + 1) as f64
        };
        let hi = count_before(starts, counts, edge).max(lo);
        *slot = u32::try_from(hi - lo).unwrap_or(u32::MAX);
        lo = hi;
    }
    out
}

/// Counts of sorted whole-day start times below any time, in O(1): a prefix sum over days. Binary search over a
/// million starts misses the cache at every step; this table (4 bytes a day, ~13 KB for nine years) does not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DayCounts {
    day0: i64,
    /// `prefix[k]`: how many starts are before day `day0 + k`.
    prefix: Vec<u32>,
}

impl DayCounts {
    /// The table for sorted `starts`, or an empty one (callers then binary-search) when a start is not a whole day
    /// or the days span more than a few centuries.
    pub fn new(starts: &[f64]) -> DayCounts {
        let (Some(&first), Some(&last)) = (starts.first(), starts.last()) else {
            return DayCounts::default();
        };
        let whole = starts.iter().all(|s| s.fract() == 0.0 && s.is_finite());
        let span = last - first;
        if !whole || !(0.0..=150_000.0).contains(&span) || starts.len() > u32::MAX as usize {
            return DayCounts::default();
        }
        let day0 = first as i64;
        let days = span as usize + 2;
        let mut prefix = vec![0u32; days + 1];
        for &s in starts {
            if let Some(slot) = prefix.get_mut((s as i64 - day0) as usize + 1) {
                *slot += 1;
            }
        }
        for k in 1..prefix.len() {
            let before = prefix.get(k - 1).copied().unwrap_or(0);
            if let Some(slot) = prefix.get_mut(k) {
                *slot += before;
            }
        }
        DayCounts { day0, prefix }
    }

    /// How many starts are `< t`, or `None` when the table is empty.
    pub fn before(&self, t: f64) -> Option<usize> {
        let last = *self.prefix.last()?;
        if t.is_nan() {
            return Some(0);
        }
        // Starts are whole days: s < t  ⟺  s < ceil(t).
        let k = t.ceil() - self.day0 as f64;
        if k <= 0.0 {
            return Some(0);
        }
        let k = k as usize;
        Some(self.prefix.get(k).copied().unwrap_or(last) as usize)
    }
}

/// How many of the sorted `starts` are `< t`: from `counts` when it has a table, else by binary search.
pub fn count_before(starts: &[f64], counts: &DayCounts, t: f64) -> usize {
    counts
        .before(t)
        .unwrap_or_else(|| starts.partition_point(|&s| s < t))
}

/// Width of a bucket in dense lanes, in minimum marker gaps (room for a cluster circle with its count).
const BUCKET_GAPS: f64 = 3.0;

/// Most events a lane shows as individual markers in one frame; beyond, markers are counted per pixel bucket
/// by binary search, so a frame costs the same at a thousand events or a million.
pub const MARKER_BUDGET: usize = 2000;

/// The markers of one lane in the view: the visible range found by binary search, then [`cluster`] when at
/// most `budget` events are visible, else [`bucket_marks`].
pub fn lane_marks(
    lane: &super::lanes::Lane,
    spans: &[(f64, f64)],
    axis: &Axis,
    min_gap_px: f64,
    budget: usize,
) -> Vec<Mark> {
    let (v0, v1) = (axis.view.start, axis.view.end);
    let lo = count_before(&lane.starts, &lane.counts, v0 - lane.max_span);
    let hi = count_before(&lane.starts, &lane.counts, v1).max(lo);
    let Some(events) = lane.events.get(lo..hi) else {
        return Vec::new();
    };
    // Individual markers (merged where they touch) while they could each have room; past that — more events
    // than marker slots across the view, or past the budget — counted buckets show how they spread over time.
    let slots = ((axis.x_from_time(v1) - axis.x_from_time(v0)) / min_gap_px).max(1.0);
    if events.len() <= budget && (events.len() as f64) <= slots {
        return cluster(events, spans, axis, min_gap_px);
    }
    let starts = lane.starts.get(lo..hi).unwrap_or(&[]);
    bucket_marks_counted(events, starts, spans, axis, min_gap_px, &lane.counts, lo)
}

fn times(m: &Mark, spans: &[(f64, f64)]) -> (f64, f64) {
    match m {
        Mark::Single { event, .. } => spans.get(*event).copied().unwrap_or((0.0, 0.0)),
        Mark::Cluster { t0, t1, .. } => (*t0, *t1),
    }
}

/// Appends `mark`, merging it into the last marker when they would be closer than `min_gap_px`.
fn push_merging(out: &mut Vec<Mark>, mark: Mark, spans: &[(f64, f64)], min_gap_px: f64) {
    let Some(last) = out.last_mut() else {
        out.push(mark);
        return;
    };
    let (l0, l1) = last.extent();
    let (m0, m1) = mark.extent();
    if m0 - l1 >= min_gap_px {
        out.push(mark);
        return;
    }
    let (lt0, lt1) = times(last, spans);
    let (mt0, mt1) = times(&mark, spans);
    *last = Mark::Cluster {
        count: last.count() + mark.count(),
        x0: l0.min(m0),
        x1: l1.max(m1),
        t0: lt0.min(mt0),
        t1: lt1.max(mt1),
    };
}

/// Markers for a dense lane: events counted in pixel buckets `min_gap_px` wide by binary search on their sorted
/// `starts`; runs of non-empty buckets become one cluster (as [`cluster`] would merge them). Events that start
/// before the view but reach into it count in the first bucket. Counts are conserved.
pub fn bucket_marks(
    events: &[usize],
    starts: &[f64],
    spans: &[(f64, f64)],
    axis: &Axis,
    min_gap_px: f64,
) -> Vec<Mark> {
    bucket_marks_counted(
        events,
        starts,
        spans,
        axis,
        min_gap_px,
        &DayCounts::default(),
        0,
    )
}

/// [`bucket_marks`] with a day-count table of the whole lane (`offset`: where `starts` begins in the lane).
fn bucket_marks_counted(
    events: &[usize],
    starts: &[f64],
    spans: &[(f64, f64)],
    axis: &Axis,
    min_gap_px: f64,
    counts: &DayCounts,
    offset: usize,
) -> Vec<Mark> {
    let before = |t: f64| match counts.before(t) {
        Some(n) => n.saturating_sub(offset).min(starts.len()),
        None => starts.partition_point(|&s| s < t),
    };
    let (v0, v1) = (axis.view.start, axis.view.end);
    let first_in = before(v0);
    // Events starting before the view that still show in it (few: only within the longest span).
    let leading = events
        .get(..first_in)
        .unwrap_or(&[])
        .iter()
        .filter(|&&i| spans.get(i).is_some_and(|&(_, e)| e > v0))
        .count();
    let width_px = (axis.x_from_time(v1) - axis.x_from_time(v0)).max(1.0);
    // Buckets wide enough for a counted cluster marker each, so that a dense lane shows how its events spread
    // over time (one marker per bucket) instead of one marker for everything.
    let n_buckets = ((width_px / (min_gap_px * BUCKET_GAPS)).ceil() as usize).max(1);
    let dt = (v1 - v0) / n_buckets as f64;
    // Bucket edges lie on a grid of `dt` from day zero, not from the view's edge: panning moves the view over
    // the buckets instead of re-cutting them, so clusters (and their counts) stay put while the user drags. The
    // first and last buckets are cut at the view's edges.
    let grid0 = (v0 / dt).floor() * dt;
    let n_buckets = (((v1 - grid0) / dt).ceil() as usize).max(1);
    let mut out: Vec<Mark> = Vec::new();
    let mut lo = first_in;
    let mut carry = leading;
    let leading_event = events
        .get(..first_in)
        .unwrap_or(&[])
        .iter()
        .rev()
        .copied()
        .find(|&i| spans.get(i).is_some_and(|&(_, e)| e > v0));
    for b in 0..n_buckets {
        let b0 = (grid0 + dt * b as f64).max(v0);
        let b1 = if b + 1 == n_buckets {
            v1
        } else {
            (grid0 + dt * (b + 1) as f64).min(v1)
        };
        if b1 <= b0 {
            continue;
        }
        let hi = before(b1).max(lo);
        let count = hi - lo + carry;
        carry = 0;
        if count == 0 {
            continue;
        }
        let mark = if count == 1 {
            let i = if hi > lo {
                events.get(lo).copied()
            } else {
                leading_event
            };
            let Some(i) = i else { continue };
            let (s, e) = spans.get(i).copied().unwrap_or((b0, b1));
            let x0 = axis.x_from_time(s);
            Mark::Single {
                event: i,
                x0,
                x1: axis.x_from_time(e).max(x0),
            }
        } else {
            Mark::Cluster {
                count,
                // A point at the bucket's centre: neighbouring buckets stay apart.
                x0: axis.x_from_time((b0 + b1) / 2.0),
                x1: axis.x_from_time((b0 + b1) / 2.0),
                t0: starts.get(lo).copied().unwrap_or(b0).min(b0),
                t1: b1,
            }
        };
        push_merging(&mut out, mark, spans, min_gap_px);
        lo = hi;
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
    fn buckets_stay_put_while_panning() {
        // A dense lane: 20,000 events over 1,000 days.
        let starts: Vec<f64> = (0..20_000).map(|i| i as f64 * 0.05).collect();
        let spans: Vec<(f64, f64)> = starts.iter().map(|&s| (s, s + 1.0)).collect();
        let lane: Vec<usize> = (0..starts.len()).collect();
        let inner = |view: TimeView| -> Vec<(u64, usize)> {
            let axis = Axis::new(view, 0.0, 1000.0);
            let marks = bucket_marks(&lane, &starts, &spans, &axis, 12.0);
            let n = marks.len();
            // Whole buckets only: the first and last are cut by the view's edges.
            marks
                .iter()
                .enumerate()
                .filter(|(k, _)| *k > 0 && *k + 1 < n)
                .filter_map(|(_, m)| match m {
                    Mark::Cluster { t1, count, .. } => Some((t1.to_bits(), *count)),
                    Mark::Single { .. } => None,
                })
                .collect()
        };
        let view = TimeView::new(100.0, 700.0);
        let a = inner(view);
        let b = inner(view.pan(3.3));
        assert!(a.len() > 10);
        // Every whole bucket of the panned view is a bucket of the first view, with the same count.
        let shared = b.iter().filter(|x| a.contains(x)).count();
        assert!(shared + 1 >= b.len(), "{shared} of {}", b.len());
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
