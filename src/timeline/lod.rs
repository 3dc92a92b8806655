//! Level of detail: which events are visible (binary search on sorted dates, helped by a day-count table) and
//! the density of events per pixel column for the overview strip. Stacking and clustering are in `stack`.

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

#[cfg(test)]
mod tests {
    use super::*;

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
