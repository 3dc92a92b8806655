//! Curation: a person's fixes to the extracted timeline (a date, a title, a lane, a place, a note; hiding,
//! merging, splitting), kept as an ordered list of [`Edit`]s in an overlay file beside the corpus and re-applied
//! to freshly extracted events. Articles are never modified.
//!
//! Edits name an event by one of its *parts*: the ids of the article-level reports it is made of (content hashes
//! of the article and the report's role in it). An event merged differently after the corpus grew still carries
//! the same parts, so the edit still finds it; an edit whose part has gone is returned as [`Unapplied`], never
//! dropped. Applying is pure ([`apply`]); reading and writing the overlay is in [`store`].

pub mod store;

use crate::extract::merge::{absorb, report_order, sort_events};
use crate::model::{DateSpan, Event};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One change a person made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// Sets the date, with its precision.
    SetDate {
        /// The new date.
        date: DateSpan,
    },
    /// Sets the title.
    SetTitle {
        /// The new title.
        title: String,
    },
    /// Sets the forum (`None` clears it).
    SetForum {
        /// The new forum.
        forum: Option<String>,
    },
    /// Moves the event to another forum lane (`ASEAN`, `UN`, …).
    SetLane {
        /// The new lane.
        lane: String,
    },
    /// Sets the place (`None` clears it).
    SetLocation {
        /// The new place.
        location: Option<String>,
    },
    /// Sets a note (`None` removes it).
    SetNote {
        /// The note.
        note: Option<String>,
    },
    /// Hides the event from the timeline and the exports.
    Hide,
    /// Shows a hidden event again.
    Unhide,
    /// Merges the event containing part `other` into the target event.
    Merge {
        /// A part of the event to merge in.
        other: String,
    },
    /// Splits the reports of one article off the target event into an event of their own.
    Split {
        /// The article whose reports leave the event.
        article_id: String,
    },
}

impl Op {
    /// A short description for lists and the undo menu.
    pub fn describe(&self) -> String {
        match self {
            Op::SetDate { date } => format!("set date to {}", date.to_input()),
            Op::SetTitle { title } => format!("set title to “{title}”"),
            Op::SetForum { forum } => match forum {
                Some(f) => format!("set forum to {f}"),
                None => "clear forum".into(),
            },
            Op::SetLane { lane } => format!("move to lane {lane}"),
            Op::SetLocation { location } => match location {
                Some(l) => format!("set place to {l}"),
                None => "clear place".into(),
            },
            Op::SetNote { note } => match note {
                Some(_) => "set note".into(),
                None => "remove note".into(),
            },
            Op::Hide => "hide".into(),
            Op::Unhide => "unhide".into(),
            Op::Merge { .. } => "merge events".into(),
            Op::Split { .. } => "split a source off".into(),
        }
    }
}

/// An edit: what was done, to which event, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// A part (report id) of the event edited.
    pub target: String,
    /// The target event's title when the edit was made, to tell the user which event an unapplied edit meant.
    #[serde(default)]
    pub target_title: String,
    /// When the edit was made (RFC 3339, UTC).
    pub at: String,
    /// What was done.
    #[serde(flatten)]
    pub op: Op,
}

impl Edit {
    /// An edit of `event` made now.
    pub fn now(event: &Event, op: Op) -> Edit {
        Edit {
            target: event.parts.first().unwrap_or(&event.id).clone(),
            target_title: event.title.clone(),
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            op,
        }
    }
}

/// The overlay file's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overlay {
    /// Always `linimasa-curation`.
    pub format: String,
    /// Format version.
    pub version: u32,
    /// Edits in the order they were made.
    pub edits: Vec<Edit>,
}

impl Default for Overlay {
    fn default() -> Self {
        Overlay {
            format: "linimasa-curation".into(),
            version: 1,
            edits: Vec::new(),
        }
    }
}

/// An edit that could not be applied, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unapplied {
    /// Position in the overlay's edit list.
    pub index: usize,
    /// The edit.
    pub edit: Edit,
    /// Why.
    pub reason: String,
}

/// The curated timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Curated {
    /// Events shown, sorted by date.
    pub events: Vec<Event>,
    /// Events hidden by hand, sorted by date.
    pub hidden: Vec<Event>,
    /// Edits whose target has gone (or that cannot apply any more).
    pub unapplied: Vec<Unapplied>,
}

#[derive(Debug, Default, Clone)]
struct Overrides {
    date: Option<DateSpan>,
    title: Option<String>,
    forum: Option<Option<String>>,
    lane: Option<String>,
    location: Option<Option<String>>,
    note: Option<Option<String>>,
    hidden: bool,
    merged: bool,
    split: bool,
}

impl Overrides {
    /// `other`'s values fill what `self` does not set.
    fn fill_from(&mut self, other: Overrides) {
        self.date = self.date.or(other.date);
        self.title = self.title.take().or(other.title);
        self.forum = self.forum.take().or(other.forum);
        self.lane = self.lane.take().or(other.lane);
        self.location = self.location.take().or(other.location);
        self.note = match (self.note.take(), other.note) {
            (Some(Some(a)), Some(Some(b))) => Some(Some(format!("{a}\n{b}"))),
            (a, b) => a.or(b),
        };
        self.split |= other.split;
    }
}

#[derive(Debug, Clone)]
struct Group {
    parts: Vec<String>,
    /// The base event this group still equals (no structural edit touched it).
    base: Option<usize>,
    ov: Overrides,
    alive: bool,
}

/// Whether applying `edits` needs the article-level reports (only merges and splits rebuild events from them).
pub fn needs_reports(edits: &[Edit]) -> bool {
    edits
        .iter()
        .any(|e| matches!(e.op, Op::Merge { .. } | Op::Split { .. }))
}

/// Applies `edits` in order to the extracted events. `base` are the merged events (each with its `parts`),
/// `reports` the article-level reports they were merged from (each report's id is a part id); events that are
/// not made of reports (hand-made rows) are their own report.
pub fn apply(base: &[Event], reports: &[Event], edits: &[Edit]) -> Curated {
    if edits.is_empty() {
        // Nothing to apply: the base events as they are (copied in parallel; what the general path gives).
        use rayon::prelude::*;
        let mut events: Vec<Event> = base.par_iter().cloned().collect();
        sort_events(&mut events);
        return Curated {
            events,
            ..Curated::default()
        };
    }
    let report_of: HashMap<&str, &Event> = reports
        .iter()
        .chain(base.iter().filter(|e| e.origin.is_some()))
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut groups: Vec<Group> = base
        .iter()
        .enumerate()
        .map(|(i, e)| Group {
            parts: if e.parts.is_empty() {
                vec![e.id.clone()]
            } else {
                e.parts.clone()
            },
            base: Some(i),
            ov: Overrides::default(),
            alive: true,
        })
        .collect();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for p in &group.parts {
            group_of.insert(p.clone(), g);
        }
    }
    let mut unapplied = Vec::new();
    for (index, edit) in edits.iter().enumerate() {
        let mut fail = |reason: &str| {
            unapplied.push(Unapplied {
                index,
                edit: edit.clone(),
                reason: reason.to_string(),
            })
        };
        let Some(&g) = group_of.get(&edit.target) else {
            fail("its event is no longer in the corpus (the article was removed or changed)");
            continue;
        };
        let Some(group) = groups.get_mut(g) else {
            fail("internal: event group missing");
            continue;
        };
        match &edit.op {
            Op::SetDate { date } => match date.check() {
                Ok(()) => group.ov.date = Some(*date),
                Err(why) => fail(&format!("date refused: {why}")),
            },
            Op::SetTitle { title } => group.ov.title = Some(title.clone()),
            Op::SetForum { forum } => group.ov.forum = Some(forum.clone()),
            Op::SetLane { lane } => group.ov.lane = Some(lane.clone()),
            Op::SetLocation { location } => group.ov.location = Some(location.clone()),
            Op::SetNote { note } => group.ov.note = Some(note.clone()),
            Op::Hide => group.ov.hidden = true,
            Op::Unhide => group.ov.hidden = false,
            Op::Merge { other } => {
                let Some(&h) = group_of.get(other) else {
                    fail("the event to merge in is no longer in the corpus");
                    continue;
                };
                if h == g {
                    continue; // already one event
                }
                let Some(moved) = groups.get_mut(h).map(|o| {
                    o.alive = false;
                    (std::mem::take(&mut o.parts), std::mem::take(&mut o.ov))
                }) else {
                    continue;
                };
                for p in &moved.0 {
                    group_of.insert(p.clone(), g);
                }
                if let Some(group) = groups.get_mut(g) {
                    group.parts.extend(moved.0);
                    group.ov.fill_from(moved.1);
                    group.ov.merged = true;
                    group.base = None;
                }
            }
            Op::Split { article_id } => {
                let from_article = |p: &String| {
                    report_of
                        .get(p.as_str())
                        .is_some_and(|r| r.sources.iter().any(|s| &s.article_id == article_id))
                };
                let (leaving, staying): (Vec<String>, Vec<String>) =
                    group.parts.iter().cloned().partition(from_article);
                if leaving.is_empty() {
                    fail("that source is no longer part of the event");
                    continue;
                }
                if staying.is_empty() {
                    fail("the event has no other source to keep");
                    continue;
                }
                group.parts = staying;
                group.base = None;
                group.ov.split = true;
                let new_g = groups.len();
                for p in &leaving {
                    group_of.insert(p.clone(), new_g);
                }
                groups.push(Group {
                    parts: leaving,
                    base: None,
                    ov: Overrides {
                        split: true,
                        ..Overrides::default()
                    },
                    alive: true,
                });
            }
        }
    }

    let mut out = Curated {
        unapplied,
        ..Curated::default()
    };
    for group in groups.into_iter().filter(|g| g.alive) {
        let Some(mut event) = build_group(&group, base, &report_of) else {
            continue;
        };
        let ov = group.ov;
        let mark = |e: &mut Event, what: &str| {
            if !e.curated.iter().any(|c| c == what) {
                e.curated.push(what.to_string());
            }
        };
        if let Some(d) = ov.date {
            event.date = d;
            mark(&mut event, "date");
        }
        if let Some(t) = ov.title {
            event.title = t;
            mark(&mut event, "title");
        }
        if let Some(f) = ov.forum {
            event.forum = f;
            mark(&mut event, "forum");
        }
        if let Some(l) = ov.lane {
            event.forum_kind = l;
            mark(&mut event, "lane");
        }
        if let Some(l) = ov.location {
            event.location = l;
            mark(&mut event, "location");
        }
        if let Some(n) = ov.note {
            event.note = n;
            mark(&mut event, "note");
        }
        if ov.merged {
            mark(&mut event, "merged");
        }
        if ov.split {
            mark(&mut event, "split");
        }
        if ov.hidden {
            out.hidden.push(event);
        } else {
            out.events.push(event);
        }
    }
    sort_events(&mut out.events);
    sort_events(&mut out.hidden);
    out
}

/// The event of a group: the base event when no structural edit touched it, else its reports merged again.
fn build_group(group: &Group, base: &[Event], report_of: &HashMap<&str, &Event>) -> Option<Event> {
    if let Some(e) = group.base.and_then(|i| base.get(i)) {
        return Some(e.clone());
    }
    let mut reports: Vec<&Event> = group
        .parts
        .iter()
        .filter_map(|p| report_of.get(p.as_str()).copied())
        .collect();
    reports.sort_by(|a, b| report_order(a, b));
    let mut iter = reports.into_iter();
    let mut event = iter.next()?.clone();
    for r in iter {
        absorb(&mut event, r.clone());
    }
    one_source_per_article(&mut event);
    Some(event)
}

/// Keeps the first source of each article (reports of one article merged by hand would list it twice), with
/// the quotes moved onto it and a quote carried by both copies kept once.
fn one_source_per_article(event: &mut Event) {
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut kept = Vec::with_capacity(event.sources.len());
    // Where each former source index now points.
    let mut moved: Vec<usize> = Vec::with_capacity(event.sources.len());
    for s in std::mem::take(&mut event.sources) {
        let next = kept.len();
        let at = *first_of.entry(s.article_id.clone()).or_insert(next);
        if at == next {
            kept.push(s);
        }
        moved.push(at);
    }
    event.sources = kept;
    let mut seen = std::collections::HashSet::new();
    event.quotes.retain_mut(|q| {
        q.source = moved.get(q.source).copied().unwrap_or(q.source);
        seen.insert((q.source, q.quote.start, q.quote.text.clone()))
    });
}

/// Which event (index into `events`) contains part `part`.
pub fn find_part(events: &[Event], part: &str) -> Option<usize> {
    events
        .iter()
        .position(|e| e.id == part || e.parts.iter().any(|p| p == part))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::merge::{merge_reports, reports};
    use crate::model::{Article, ArticleMeta, Precision};

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            file: format!("{id}.txt"),
            path: format!("{id}.txt").into(),
            text: text.into(),
            meta: ArticleMeta::default(),
        }
    }

    fn sample() -> (Vec<Event>, Vec<Event>) {
        let texts = [
            "KTT ASEAN di Singapura\n\nSingapura - KTT ASEAN ke-32 digelar di Singapura pada 28 April 2018, kata Menlu Retno Marsudi.",
            "ASEAN Bahas Siber\n\nSingapura - KTT ke-32 ASEAN berlangsung Sabtu (28/4/2018) di Singapura.",
            "Pertemuan Siber\n\nJakarta - Menko Polhukam Wiranto bertemu Menteri Australia di Jakarta, Senin (14/5/2018).",
        ];
        let facts: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::extract::extract_article(&article(&format!("a{i}"), t)))
            .collect();
        let reps = reports(&facts);
        let base = merge_reports(reps.clone());
        (base, reps)
    }

    fn edit(target: &str, op: Op) -> Edit {
        Edit {
            target: target.into(),
            target_title: String::new(),
            at: "2026-11-23T00:00:00Z".into(),
            op,
        }
    }

    #[test]
    fn no_edits_give_the_base_events() {
        let (base, reps) = sample();
        let c = apply(&base, &reps, &[]);
        assert_eq!(c.events, base);
        assert!(c.hidden.is_empty() && c.unapplied.is_empty());
    }

    #[test]
    fn field_edits_are_applied_and_marked() {
        let (base, reps) = sample();
        let target = base[0].parts[0].clone();
        let date = DateSpan::parse("2018-05").unwrap();
        let c = apply(
            &base,
            &reps,
            &[
                edit(
                    &target,
                    Op::SetTitle {
                        title: "Fixed".into(),
                    },
                ),
                edit(&target, Op::SetDate { date }),
                edit(&target, Op::SetLane { lane: "UN".into() }),
                edit(
                    &target,
                    Op::SetNote {
                        note: Some("checked".into()),
                    },
                ),
            ],
        );
        let i = find_part(&c.events, &target).unwrap();
        let e = &c.events[i];
        assert_eq!(e.title, "Fixed");
        assert_eq!(e.date.precision, Precision::Month);
        assert_eq!(e.forum_kind, "UN");
        assert_eq!(e.note.as_deref(), Some("checked"));
        for f in ["title", "date", "lane", "note"] {
            assert!(e.is_curated(f), "{f} not marked in {:?}", e.curated);
        }
        // Every other event is untouched.
        assert_eq!(c.events.len(), base.len());
        assert_eq!(c.events.iter().filter(|e| !e.curated.is_empty()).count(), 1);
    }

    #[test]
    fn hide_unhide_merge_split_and_vanished_targets() {
        let (base, reps) = sample();
        assert!(base.len() >= 2, "{base:#?}");
        let summit = base.iter().find(|e| e.sources.len() == 2).unwrap();
        let other = base.iter().find(|e| e.sources.len() == 1).unwrap();
        let t = summit.parts[0].clone();
        let o = other.parts[0].clone();

        let hidden = apply(&base, &reps, &[edit(&t, Op::Hide)]);
        assert_eq!(hidden.events.len(), base.len() - 1);
        assert_eq!(hidden.hidden.len(), 1);
        let shown = apply(&base, &reps, &[edit(&t, Op::Hide), edit(&t, Op::Unhide)]);
        assert_eq!(shown.events, base);

        let merged = apply(&base, &reps, &[edit(&t, Op::Merge { other: o.clone() })]);
        assert_eq!(merged.events.len(), base.len() - 1);
        let m = &merged.events[find_part(&merged.events, &t).unwrap()];
        assert_eq!(m.sources.len(), 3);
        assert!(m.parts.contains(&o) && m.is_curated("merged"));

        let leaving = summit.sources[1].article_id.clone();
        let split = apply(
            &base,
            &reps,
            &[edit(
                &t,
                Op::Split {
                    article_id: leaving.clone(),
                },
            )],
        );
        assert_eq!(split.events.len(), base.len() + 1);
        let gone = split
            .events
            .iter()
            .find(|e| e.sources.iter().any(|s| s.article_id == leaving))
            .unwrap();
        assert_eq!(gone.sources.len(), 1);
        assert!(gone.is_curated("split"));

        // A field edit made before a merge follows the merged event; one made on a vanished part is reported.
        let c = apply(
            &base,
            &reps,
            &[
                edit(
                    &o,
                    Op::SetTitle {
                        title: "Kept".into(),
                    },
                ),
                edit(&t, Op::Merge { other: o.clone() }),
                edit("0123456789abcdef", Op::Hide),
            ],
        );
        assert_eq!(c.events[find_part(&c.events, &t).unwrap()].title, "Kept");
        assert_eq!(c.unapplied.len(), 1);
        assert_eq!(c.unapplied[0].index, 2);
        assert!(c.unapplied[0].reason.contains("no longer"));
    }
}
