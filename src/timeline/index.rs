//! What a frame needs from the events that does not change with the view — lanes with sorted start times, every
//! event's span, the sorted starts of the shown events, the data's extent — computed once when the events, the
//! filters or the lane mode change, so that a frame costs O(lanes × log n + what is visible).

use super::lanes::{Lane, LaneMode, assign_lanes};
use crate::model::Event;

/// Time span of an event in timeline days, end exclusive.
pub fn event_span(e: &Event) -> (f64, f64) {
    (
        super::day_number(e.date.start),
        super::day_number(e.date.end) + 1.0,
    )
}

/// Whether an event's year is unknown: a day and month with an uncertain year.
pub fn is_year_unknown(e: &Event) -> bool {
    e.date.certainty == crate::model::Certainty::Uncertain
        && e.date.precision == crate::model::Precision::Day
}

/// The per-frame-invariant layout data of a set of events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineIndex {
    /// Lane mode the lanes were built for.
    pub mode: LaneMode,
    /// Lanes of the shown events, in display order.
    pub lanes: Vec<Lane>,
    /// Every event's span (shown or not), by event index.
    pub spans: Vec<(f64, f64)>,
    /// Starts of the shown events, sorted.
    pub starts: Vec<f64>,
    /// Their counts per day (O(1) range counts for the overview strip).
    pub counts: super::lod::DayCounts,
    /// First start and last end of the shown events.
    pub extent: Option<(f64, f64)>,
    /// Number of shown events.
    pub shown: usize,
    /// Shown events whose year no reader can know (a day and month only), in date order: the scene lists them
    /// in a tray of their own besides drawing them at the year they are shown at.
    pub year_unknown: Vec<usize>,
}

impl TimelineIndex {
    /// Builds the index of `events` (sorted by start) whose `shown[i]` is true.
    pub fn new(events: &[Event], shown: &[bool], mode: LaneMode) -> TimelineIndex {
        let spans: Vec<(f64, f64)> = events.iter().map(event_span).collect();
        let is_shown = |i: usize| shown.get(i).copied().unwrap_or(true);
        let mut starts: Vec<f64> = spans
            .iter()
            .enumerate()
            .filter(|(i, _)| is_shown(*i))
            .map(|(_, s)| s.0)
            .collect();
        starts.sort_by(f64::total_cmp);
        let extent = spans
            .iter()
            .enumerate()
            .filter(|(i, _)| is_shown(*i))
            .map(|(_, s)| *s)
            .reduce(|(a, b), (s, e)| (a.min(s), b.max(e)));
        let year_unknown = events
            .iter()
            .enumerate()
            .filter(|(i, e)| is_shown(*i) && is_year_unknown(e))
            .map(|(i, _)| i)
            .collect();
        TimelineIndex {
            year_unknown,
            mode,
            lanes: assign_lanes(events, shown, mode),
            shown: starts.len(),
            counts: super::lod::DayCounts::new(&starts),
            spans,
            starts,
            extent,
        }
    }
}

/// First start and last end of the shown events that an article reports (not those only mentioned in passing,
/// such as a forum's founding year in a background paragraph): the range a newly opened corpus is fitted to.
/// The extent of all shown events when none is reported.
pub fn reported_extent(events: &[Event], shown: &[bool]) -> Option<(f64, f64)> {
    let extent = |reported_only: bool| {
        events
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                shown.get(*i).copied().unwrap_or(true) && !(reported_only && e.mentioned_only)
            })
            .map(|(_, e)| event_span(e))
            .reduce(|(a, b), (s, e)| (a.min(s), b.max(e)))
    };
    extent(true).or_else(|| extent(false))
}
