//! Lanes: the rows of the timeline, by forum kind, by country or by outlet. Empty lanes are hidden.

use crate::model::Event;
use serde::{Deserialize, Serialize};

/// How events are split into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum LaneMode {
    /// ASEAN, UN, bilateral, national, …
    #[default]
    Forum,
    /// One lane per country taking part.
    Country,
    /// One lane per outlet that reported.
    Outlet,
}

impl LaneMode {
    /// All modes, for menus.
    pub const ALL: [LaneMode; 3] = [LaneMode::Forum, LaneMode::Country, LaneMode::Outlet];

    /// Name for menus and the command line.
    pub fn name(self) -> &'static str {
        match self {
            LaneMode::Forum => "forum",
            LaneMode::Country => "country",
            LaneMode::Outlet => "outlet",
        }
    }

    /// Parses `forum`, `country` or `outlet`.
    pub fn parse(s: &str) -> Option<LaneMode> {
        LaneMode::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(s))
    }
}

/// Fixed order of forum lanes, most regional first.
const FORUM_ORDER: &[&str] = &[
    "ASEAN",
    "UN",
    "Bilateral",
    "Multilateral",
    "Global",
    "National",
];

/// The lanes an event belongs to under a mode (several for countries and outlets).
pub fn lane_keys(e: &Event, mode: LaneMode) -> Vec<String> {
    // Hand-made events (a team's spreadsheet) keep a lane of their own, named after their file, in every mode.
    if let Some(origin) = &e.origin {
        return vec![origin.clone()];
    }
    match mode {
        LaneMode::Forum => vec![if e.forum_kind.is_empty() {
            "Other".to_string()
        } else {
            e.forum_kind.clone()
        }],
        LaneMode::Country => {
            if e.countries.is_empty() {
                vec!["(no country named)".to_string()]
            } else {
                e.countries.clone()
            }
        }
        LaneMode::Outlet => {
            let o = e.outlets();
            if o.is_empty() {
                vec!["(outlet unknown)".to_string()]
            } else {
                o
            }
        }
    }
}

/// One lane: its name and the indices (into the event list, in date order) of its events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lane {
    /// Lane label.
    pub key: String,
    /// Event indices, sorted by start date.
    pub events: Vec<usize>,
    /// Start of each of `events` in timeline days (sorted), for binary search of the visible range.
    pub starts: Vec<f64>,
    /// The longest event span in the lane, in days (how far before the view an event may start and still show).
    pub max_span: f64,
    /// Counts of `starts` per day, for O(1) range counts.
    pub counts: super::lod::DayCounts,
}

/// Splits the events whose `shown[i]` is true into lanes. `events` must be sorted by start date.
pub fn assign_lanes(events: &[Event], shown: &[bool], mode: LaneMode) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    let mut by_key: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if !shown.get(i).copied().unwrap_or(true) {
            continue;
        }
        let start = super::day_number(e.date.start);
        let span = (e.date.end - e.date.start).num_days() as f64 + 1.0;
        for key in lane_keys(e, mode) {
            let li = match by_key.get(&key) {
                Some(&li) => li,
                None => {
                    by_key.insert(key.clone(), lanes.len());
                    lanes.push(Lane {
                        key,
                        ..Lane::default()
                    });
                    lanes.len() - 1
                }
            };
            if let Some(l) = lanes.get_mut(li) {
                l.events.push(i);
                l.starts.push(start);
                l.max_span = l.max_span.max(span);
            }
        }
    }
    for l in &mut lanes {
        l.counts = super::lod::DayCounts::new(&l.starts);
    }
    match mode {
        LaneMode::Forum => lanes.sort_by_key(|l| {
            (
                FORUM_ORDER.iter().position(|k| *k == l.key).unwrap_or(99),
                l.key.clone(),
            )
        }),
        _ => lanes.sort_by(|a, b| b.events.len().cmp(&a.events.len()).then(a.key.cmp(&b.key))),
    }
    lanes
}

/// Events for tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use crate::model::{Certainty, DateSpan, Event, Source};
    use chrono::NaiveDate;

    /// A day event in April 2018 with a forum kind, countries and outlets.
    pub(crate) fn ev(day: u32, kind: &str, countries: &[&str], outlets: &[&str]) -> Event {
        let d = NaiveDate::from_ymd_opt(2018, 4, day).unwrap();
        Event {
            id: format!("{day}{kind}"),
            date: DateSpan::day(d, Certainty::Stated),
            title: format!("event {day}"),
            forum: None,
            forum_kind: kind.into(),
            location: None,
            countries: countries.iter().map(|s| s.to_string()).collect(),
            people: vec![],
            quotes: vec![],
            sources: outlets
                .iter()
                .map(|o| Source {
                    article_id: "a".into(),
                    file: "f".into(),
                    url: None,
                    outlet: Some(o.to_string()),
                    title: None,
                    published_date: None,
                    evidence: None,
                })
                .collect(),
            mentioned_only: false,
            parts: vec![format!("{day}{kind}")],
            curated: Vec::new(),
            note: None,
            origin: None,
            merge_reasons: Vec::new(),
            key_terms: Vec::new(),
            location_from_dateline: false,
            delegations_received: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::ev;
    use super::*;

    #[test]
    fn forum_lanes_in_fixed_order_and_empty_hidden() {
        let events = vec![
            ev(1, "National", &[], &[]),
            ev(2, "ASEAN", &[], &[]),
            ev(3, "UN", &[], &[]),
        ];
        let lanes = assign_lanes(&events, &[true, true, true], LaneMode::Forum);
        let keys: Vec<&str> = lanes.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, vec!["ASEAN", "UN", "National"]);
        let lanes = assign_lanes(&events, &[true, false, true], LaneMode::Forum);
        assert_eq!(lanes.len(), 2, "the ASEAN lane is empty and hidden");
    }

    #[test]
    fn country_and_outlet_lanes_hold_every_participant() {
        let events = vec![
            ev(1, "ASEAN", &["Indonesia", "Japan"], &["ANTARA"]),
            ev(2, "UN", &["Indonesia"], &["MINA", "ANTARA"]),
        ];
        let lanes = assign_lanes(&events, &[true, true], LaneMode::Country);
        assert_eq!(lanes[0].key, "Indonesia");
        assert_eq!(lanes[0].events, vec![0, 1]);
        assert_eq!(lanes[1].events, vec![0]);
        let lanes = assign_lanes(&events, &[true, true], LaneMode::Outlet);
        assert_eq!(lanes[0].key, "ANTARA");
        assert_eq!(lanes[0].events.len(), 2);
    }
}
