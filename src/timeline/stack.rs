//! Stacking: a lane's visible events laid out in rows so that no two markers or labels overlap, as
//! vis-timeline's `stack` does (greedy interval packing: each item goes to the first row where it fits). Events
//! are first grouped by calendar period (day, week, month, quarter, year, decade, chosen so that a period is wide
//! enough for a cluster marker at the zoom); a period whose events cannot all be placed within the lane's rows
//! becomes one cluster for that period. A cluster therefore always stands for a calendar period, and zooming into
//! it splits it.

use super::axis::Axis;
use super::lanes::Lane;
use super::lod::count_before;
use super::{date_of, day_number};
use chrono::{Datelike, Duration, NaiveDate};

/// A calendar period that groups events into clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    /// One day.
    Day,
    /// A week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A quarter (January, April, July, October).
    Quarter,
    /// A calendar year.
    Year,
    /// Ten years from a year ending in 0.
    Decade,
}

impl Period {
    /// Periods from fine to coarse.
    pub const ALL: [Period; 6] = [
        Period::Day,
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::Year,
        Period::Decade,
    ];

    /// The shortest length of the period in days.
    pub fn min_days(self) -> f64 {
        match self {
            Period::Day => 1.0,
            Period::Week => 7.0,
            Period::Month => 28.0,
            Period::Quarter => 90.0,
            Period::Year => 365.0,
            Period::Decade => 3652.0,
        }
    }

    /// The finest period at least `min_px` wide at `px_per_day`.
    pub fn for_zoom(px_per_day: f64, min_px: f64) -> Period {
        Period::ALL
            .into_iter()
            .find(|p| p.min_days() * px_per_day >= min_px)
            .unwrap_or(Period::Decade)
    }

    /// The first day of the period holding `d`.
    pub fn floor_date(self, d: NaiveDate) -> NaiveDate {
        let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d);
        match self {
            Period::Day => d,
            Period::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            Period::Month => first(d.year(), d.month()),
            Period::Quarter => first(d.year(), (d.month0() / 3) * 3 + 1),
            Period::Year => first(d.year(), 1),
            Period::Decade => first(d.year().div_euclid(10) * 10, 1),
        }
    }

    /// The first day of the period after the one starting on `d` (a period start).
    pub fn next_date(self, d: NaiveDate) -> NaiveDate {
        let months = |n: i32| {
            let total = d.year() * 12 + d.month0() as i32 + n;
            NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
                .unwrap_or(d + Duration::days(28 * n as i64))
        };
        match self {
            Period::Day => d + Duration::days(1),
            Period::Week => d + Duration::days(7),
            Period::Month => months(1),
            Period::Quarter => months(3),
            Period::Year => months(12),
            Period::Decade => months(120),
        }
    }

    /// The period holding timeline time `t`: its start and end (exclusive) in timeline days.
    pub fn bounds(self, t: f64) -> (f64, f64) {
        let start = self.floor_date(date_of(t));
        (day_number(start), day_number(self.next_date(start)))
    }

    /// A name for the period holding `t`: `27 April 2018`, `week of 23 April 2018`, `April 2018`, `Q2 2018`,
    /// `2018`, `2010s`.
    pub fn name(self, t: f64) -> String {
        let d = self.floor_date(date_of(t));
        let month = crate::model::month_name_en(d.month());
        match self {
            Period::Day => format!("{} {month} {}", d.day(), d.year()),
            Period::Week => format!("week of {} {month} {}", d.day(), d.year()),
            Period::Month => format!("{month} {}", d.year()),
            Period::Quarter => format!("Q{} {}", d.month0() / 3 + 1, d.year()),
            Period::Year => d.year().to_string(),
            Period::Decade => format!("{}s", d.year()),
        }
    }
}

/// The visible events of a lane that start in one calendar period.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Start of the period (timeline days).
    pub t0: f64,
    /// End of the period, exclusive.
    pub t1: f64,
    /// How many events the group holds.
    pub count: usize,
    /// The events, in start order; empty when the lane is too dense to list them (then only `count` is known).
    pub events: Vec<usize>,
}

/// Most events of a lane listed one by one in a frame; past it, periods are only counted (two O(1) lookups
/// each), so that a frame costs the same at a thousand events or a million.
pub const LIST_BUDGET: usize = 2000;

/// The lane's visible events grouped by `period`. Events that start before the view but reach into it join the
/// first group. Counts are conserved: the groups hold every visible event once.
pub fn groups(lane: &Lane, spans: &[(f64, f64)], axis: &Axis, period: Period) -> Vec<Group> {
    let (v0, v1) = (axis.view.start, axis.view.end);
    let lo = count_before(&lane.starts, &lane.counts, v0 - lane.max_span);
    let hi = count_before(&lane.starts, &lane.counts, v1).max(lo);
    let Some(candidates) = lane.events.get(lo..hi) else {
        return Vec::new();
    };
    let visible = |i: usize| spans.get(i).is_some_and(|&(s, e)| e > v0 && s < v1);
    let mut out: Vec<Group> = Vec::new();
    if candidates.len() <= LIST_BUDGET {
        for &i in candidates {
            if !visible(i) {
                continue;
            }
            let s = spans.get(i).map_or(v0, |sp| sp.0).max(v0);
            match out.last_mut() {
                Some(g) if s < g.t1 => {
                    g.count += 1;
                    g.events.push(i);
                }
                _ => {
                    let (t0, t1) = period.bounds(s);
                    out.push(Group {
                        t0,
                        t1,
                        count: 1,
                        events: vec![i],
                    });
                }
            }
        }
        return out;
    }
    // Dense: count each period with the lane's day-count table; list a period only when it holds one event.
    let first_in = count_before(&lane.starts, &lane.counts, v0).max(lo);
    let leading: Vec<usize> = lane
        .events
        .get(lo..first_in)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|&i| visible(i))
        .collect();
    let mut start = day_number(period.floor_date(date_of(v0)));
    let mut below = first_in;
    let mut carry = leading;
    while start < v1 {
        let end = day_number(period.next_date(date_of(start)));
        if end <= start {
            break;
        }
        let upto = count_before(&lane.starts, &lane.counts, end.min(v1)).max(below);
        let count = upto - below + carry.len();
        if count > 0 {
            let events = if count == 1 {
                lane.events
                    .get(below..upto)
                    .unwrap_or(&[])
                    .iter()
                    .chain(carry.iter())
                    .copied()
                    .collect()
            } else {
                Vec::new()
            };
            out.push(Group {
                t0: start,
                t1: end,
                count,
                events,
            });
        }
        carry.clear();
        below = upto;
        start = end;
    }
    out
}

/// The events of `lane` visible in `[t0, t1)` (a cluster's period), in start order.
pub fn events_in(lane: &Lane, spans: &[(f64, f64)], t0: f64, t1: f64) -> Vec<usize> {
    let lo = count_before(&lane.starts, &lane.counts, t0 - lane.max_span);
    let hi = count_before(&lane.starts, &lane.counts, t1).max(lo);
    lane.events
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|&i| spans.get(i).is_some_and(|&(s, e)| e > t0 && s < t1))
        .collect()
}

/// Where one event would sit in a row, in pixels: its marker (a circle, or the bar of its span) from `left` to
/// `marker_right`, and its label (with any badge) from `label_x`, `label_w` wide when it has room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Footprint {
    /// Left of what is drawn: the marker, or the label when it sits left of the marker.
    pub left: f64,
    /// Left of the marker or bar itself.
    pub marker_left: f64,
    /// Rows the item takes: 1, or 2 for a label wrapped onto a second line below the first (the marker sits in
    /// the first row).
    pub lines: usize,
    /// Right of the marker or bar: nothing else may start before it.
    pub marker_right: f64,
    /// Where the label starts.
    pub label_x: f64,
    /// The full label's width.
    pub label_w: f64,
    /// A bar whose date is only a month or a year and whose label sits inside it. Such bars of one period share
    /// a row, their labels side by side along the one bracket, rather than taking a row each (a busy year holds
    /// many events known only by their year); each label keeps its own look (an uncertain one faded).
    pub shares_bar: bool,
}

/// What a placed item stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// One event.
    Event(usize),
    /// The events of a period that did not fit in the lane's rows.
    Cluster(Group),
}

/// An item placed in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The event or cluster.
    pub kind: ItemKind,
    /// Row, 0 at the top.
    pub row: usize,
    /// Where it sits.
    pub foot: Footprint,
    /// The label width it was given (0: no room for a label; less than `foot.label_w`: cut).
    pub label_room: f64,
    /// The calendar period (start, end) of the group it came from (timeline days).
    pub period: (f64, f64),
    /// Whether it shares its bar with others (see [`Footprint::shares_bar`]): then it is drawn, hit and
    /// highlighted by its label alone, the bar being everyone's.
    pub shared: bool,
}

impl Placed {
    /// The right edge of what is drawn: marker or label.
    pub fn right(&self) -> f64 {
        let label = if self.label_room > 0.0 {
            self.foot.label_x + self.label_room
        } else {
            f64::NEG_INFINITY
        };
        self.foot.marker_right.max(label)
    }
}

/// A lane's layout: items and the number of rows used.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stacked {
    /// Placed items, in time order.
    pub items: Vec<Placed>,
    /// Rows in use (at least 1 when there are items).
    pub rows: usize,
}

#[derive(Debug, Clone, Copy)]
struct Row {
    /// Right edge of the last item, label included.
    end: f64,
    /// Right edge of the last item's marker.
    marker_end: f64,
    /// Index of the last item.
    last: Option<usize>,
    /// The last item's shareable bar (left, right, look) and where its labels end so far.
    bar: Option<(f64, f64)>,
    label_end: f64,
}

const EMPTY_ROW: Row = Row {
    end: f64::NEG_INFINITY,
    marker_end: f64::NEG_INFINITY,
    last: None,
    bar: None,
    label_end: f64::NEG_INFINITY,
};

/// Room between two labels along one shared bar (a separator is drawn in it).
pub const SHARED_LABEL_GAP: f64 = 22.0;

/// Label widths below this are not drawn (a cut label of two letters tells nothing).
pub const MIN_LABEL_PX: f64 = 40.0;

/// Packs `groups` into at most `max_rows` rows. `foot(event)` gives an event's footprint; `cluster(group)` a
/// cluster's; `gap` is the least room between two items in a row. Each event goes to the first row where it and
/// its whole label fit; else to the row where cutting the previous label loses least; when no row has room for
/// its marker, its whole period becomes one cluster.
pub fn stack(
    groups: &[Group],
    max_rows: usize,
    gap: f64,
    foot: &dyn Fn(usize) -> Footprint,
    cluster: &dyn Fn(&Group) -> Footprint,
) -> Stacked {
    let max_rows = max_rows.max(1);
    if let Some(all) = stack_every_event(groups, max_rows, gap, foot) {
        return all;
    }
    let mut rows: Vec<Row> = vec![EMPTY_ROW; max_rows];
    let mut items: Vec<Placed> = Vec::new();
    for g in groups {
        let saved_rows = rows.clone();
        let saved_len = items.len();
        let mut cuts: Vec<(usize, f64)> = Vec::new();
        let mut all = !g.events.is_empty() && g.events.len() == g.count;
        if all {
            for &e in &g.events {
                let f = foot(e);
                let kind = ItemKind::Event(e);
                if !place(&mut rows, &mut items, &mut cuts, f, kind, (g.t0, g.t1), gap) {
                    all = false;
                    break;
                }
            }
        }
        if all {
            continue;
        }
        // Undo, then place the period as one item: the event itself when it is alone, else a cluster.
        rows = saved_rows;
        items.truncate(saved_len);
        for (i, w) in cuts.into_iter().rev() {
            if let Some(it) = items.get_mut(i) {
                it.label_room = w;
            }
        }
        let (kind, f) = match g.events.as_slice() {
            [e] if g.count == 1 => (ItemKind::Event(*e), foot(*e)),
            _ => (ItemKind::Cluster(g.clone()), cluster(g)),
        };
        let mut unused = Vec::new();
        // With no row free for its label, the marker alone (hover and the pane still name it) before merging
        // it with a neighbour into a cluster that spans both.
        if !place(
            &mut rows,
            &mut items,
            &mut unused,
            f,
            kind.clone(),
            (g.t0, g.t1),
            gap,
        ) && !place(
            &mut rows,
            &mut items,
            &mut unused,
            bare(f),
            kind,
            (g.t0, g.t1),
            gap,
        ) {
            // No row has room even for the marker (long bars fill them all): the last item of the row free
            // soonest and this period become one cluster, so that nothing is drawn over anything.
            merge_into_row(&mut rows, &mut items, g, cluster);
        }
    }
    Stacked {
        rows: rows_used(&items),
        items,
    }
}

/// Every event with its whole footprint in at most `max_rows` rows, or `None` when they do not all fit (or a
/// period is only counted). Items go in the order of their left edges, each to the first row free there: for
/// items of one line this takes the fewest rows any packing can (interval partitioning), which the period order
/// of [`stack`] does not when labels stand left of their markers.
fn stack_every_event(
    groups: &[Group],
    max_rows: usize,
    gap: f64,
    foot: &dyn Fn(usize) -> Footprint,
) -> Option<Stacked> {
    let mut all: Vec<(usize, Footprint, (f64, f64))> = Vec::new();
    for g in groups {
        if g.events.len() != g.count {
            return None;
        }
        all.extend(g.events.iter().map(|&e| (e, foot(e), (g.t0, g.t1))));
    }
    // Stable: bars of one period (same left edge) stay in start order, so that they share their bracket.
    let mut by_left: Vec<usize> = (0..all.len()).collect();
    by_left.sort_by(|&a, &b| {
        let left = |k: usize| all.get(k).map_or(0.0, |x| x.1.left);
        left(a).total_cmp(&left(b))
    });
    let mut rows: Vec<Row> = vec![EMPTY_ROW; max_rows];
    let mut items: Vec<Placed> = Vec::with_capacity(all.len());
    let mut order: Vec<usize> = Vec::with_capacity(all.len());
    for k in by_left {
        let Some(&(e, f, period)) = all.get(k) else {
            continue;
        };
        order.push(k);
        let kind = ItemKind::Event(e);
        let room = f.label_w.max(0.0);
        if share_bar(&mut rows, &mut items, &f, &kind, room, period) {
            continue;
        }
        let r = first_free_row(&rows, &f, gap)?;
        put(&mut rows, &mut items, r, f, kind, room, period);
    }
    let rows = rows_used(&items);
    // Items back in time order, as the drawing and hit-testing expect.
    let mut ordered: Vec<(usize, Placed)> = order.into_iter().zip(items).collect();
    ordered.sort_by_key(|(k, _)| *k);
    Some(Stacked {
        items: ordered.into_iter().map(|(_, p)| p).collect(),
        rows,
    })
}

/// The first row from which `f` (on as many rows as its lines) starts at least `gap` after what each row holds.
fn first_free_row(rows: &[Row], f: &Footprint, gap: f64) -> Option<usize> {
    let lines = f.lines.max(1);
    (0..rows.len()).find(|&r| {
        r + lines <= rows.len()
            && rows
                .iter()
                .skip(r)
                .take(lines)
                .all(|row| row.end + gap <= f.left)
    })
}

/// Rows the placed items take, a wrapped label's second line included.
fn rows_used(items: &[Placed]) -> usize {
    items
        .iter()
        .map(|i| i.row + i.foot.lines.max(1))
        .max()
        .unwrap_or(0)
}

fn put(
    rows: &mut [Row],
    items: &mut Vec<Placed>,
    row: usize,
    f: Footprint,
    kind: ItemKind,
    room: f64,
    period: (f64, f64),
) {
    let p = Placed {
        kind,
        row,
        foot: f,
        label_room: room,
        period,
        shared: false,
    };
    let taken = Row {
        end: p.right(),
        marker_end: f.marker_right,
        last: Some(items.len()),
        bar: f.shares_bar.then_some((f.marker_left, f.marker_right)),
        label_end: f.label_x + room,
    };
    for r in rows.iter_mut().skip(row).take(f.lines.max(1)) {
        *r = taken;
    }
    items.push(p);
}

/// Joins group `g` with the last item of the row that is free soonest: that item becomes a cluster spanning its
/// period and `g`'s, drawn where the item was and reaching to the end of `g`'s marker.
fn merge_into_row(
    rows: &mut [Row],
    items: &mut [Placed],
    g: &Group,
    cluster: &dyn Fn(&Group) -> Footprint,
) {
    let Some((ri, row)) = rows
        .iter_mut()
        .enumerate()
        .min_by(|a, b| a.1.marker_end.total_cmp(&b.1.marker_end))
    else {
        return;
    };
    let Some(last) = row.last.and_then(|i| items.get_mut(i)) else {
        return;
    };
    let (count, listed) = match &last.kind {
        ItemKind::Event(e) => (1, vec![*e]),
        ItemKind::Cluster(c) => (c.count, c.events.clone()),
    };
    let complete = listed.len() == count && g.events.len() == g.count;
    let merged = Group {
        t0: last.period.0.min(g.t0),
        t1: last.period.1.max(g.t1),
        count: count + g.count,
        events: if complete {
            listed.into_iter().chain(g.events.iter().copied()).collect()
        } else {
            Vec::new()
        },
    };
    let f = cluster(&merged);
    let right = f
        .marker_right
        .max(cluster(g).marker_right)
        .max(last.foot.marker_right);
    last.foot = Footprint {
        left: last.foot.left,
        marker_left: last.foot.left,
        lines: 1,
        marker_right: right,
        label_x: right,
        label_w: 0.0,
        shares_bar: false,
    };
    last.label_room = 0.0;
    last.period = (merged.t0, merged.t1);
    last.kind = ItemKind::Cluster(merged);
    last.row = ri;
    row.end = right;
    row.marker_end = right;
}

/// Places one item; `cuts` records (item, former label room) for labels cut to make room.
/// An item's marker without its label.
fn bare(f: Footprint) -> Footprint {
    Footprint {
        left: f.marker_left,
        lines: 1,
        label_x: f.marker_right,
        label_w: 0.0,
        ..f
    }
}

fn place(
    rows: &mut [Row],
    items: &mut Vec<Placed>,
    cuts: &mut Vec<(usize, f64)>,
    f: Footprint,
    kind: ItemKind,
    period: (f64, f64),
    gap: f64,
) -> bool {
    let room = if f.label_w > 0.0 { f.label_w } else { 0.0 };
    if share_bar(rows, items, &f, &kind, room, period) {
        return true;
    }
    let lines = f.lines.max(1);
    if let Some(r) = first_free_row(rows, &f, gap) {
        put(rows, items, r, f, kind, room, period);
        return true;
    }
    if lines > 1 {
        // A wrapped label is never cut: without two free rows the item is clustered.
        return false;
    }
    // Cut the previous label of the row where the cut loses least.
    let best = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.marker_end + gap <= f.left)
        .filter_map(|(ri, r)| {
            let prev = items.get(r.last?)?;
            let keep = f.left - gap - prev.foot.label_x;
            Some((ri, r.last?, keep, prev.label_room - keep))
        })
        .min_by(|a, b| a.3.total_cmp(&b.3));
    let Some((ri, prev, keep, _)) = best else {
        return false;
    };
    if let Some(p) = items.get_mut(prev) {
        cuts.push((prev, p.label_room));
        // (Never wider than it was: an item of two rows may be cut from either.)
        let keep = keep.min(p.label_room);
        p.label_room = if keep >= MIN_LABEL_PX { keep } else { 0.0 };
    }
    put(rows, items, ri, f, kind, room, period);
    true
}

/// Puts a month- or year-only bar on a row whose last item has the same bar and look, its label after that
/// row's labels, when it fits inside the bar. Both are then marked shared.
fn share_bar(
    rows: &mut [Row],
    items: &mut Vec<Placed>,
    f: &Footprint,
    kind: &ItemKind,
    room: f64,
    period: (f64, f64),
) -> bool {
    if !f.shares_bar {
        return false;
    }
    let same = |a: f64, b: f64| (a - b).abs() < 0.5;
    let label_x = |r: &Row| r.label_end + SHARED_LABEL_GAP;
    let Some(row) = rows.iter_mut().find(|r| {
        r.bar
            .is_some_and(|(l, rt)| same(l, f.marker_left) && same(rt, f.marker_right))
            && room >= MIN_LABEL_PX
            && label_x(r) + room <= f.marker_right - 4.0
    }) else {
        return false;
    };
    let Some(prev) = row.last.and_then(|i| items.get_mut(i)) else {
        return false;
    };
    prev.shared = true;
    let row_index = prev.row;
    let x = label_x(row);
    row.label_end = x + room;
    row.last = Some(items.len());
    items.push(Placed {
        kind: kind.clone(),
        row: row_index,
        foot: Footprint {
            left: x,
            label_x: x,
            label_w: room,
            ..*f
        },
        label_room: room,
        period,
        shared: true,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_whose_label_has_no_room_stands_alone_rather_than_merging_far() {
        // One row: a long bar (0–50 px) with its label, then a dot at 70 px whose label sits on its left.
        let groups = [
            Group {
                t0: 0.0,
                t1: 10.0,
                count: 1,
                events: vec![0],
            },
            Group {
                t0: 30.0,
                t1: 40.0,
                count: 1,
                events: vec![1],
            },
        ];
        let foot = |i: usize| match i {
            0 => Footprint {
                left: 0.0,
                marker_left: 0.0,
                lines: 1,
                marker_right: 50.0,
                label_x: 52.0,
                label_w: 40.0,
                shares_bar: false,
            },
            _ => Footprint {
                left: 20.0,
                marker_left: 70.0,
                lines: 1,
                marker_right: 80.0,
                label_x: 20.0,
                label_w: 48.0,
                shares_bar: false,
            },
        };
        let cluster = |g: &Group| Footprint {
            left: g.t0,
            marker_left: g.t0,
            lines: 1,
            marker_right: g.t1 + 20.0,
            label_x: g.t1 + 20.0,
            label_w: 0.0,
            shares_bar: false,
        };
        let s = stack(&groups, 1, 6.0, &foot, &cluster);
        assert_eq!(s.items.len(), 2, "{:?}", s.items);
        assert!(
            s.items.iter().all(|p| matches!(p.kind, ItemKind::Event(_))),
            "{:?}",
            s.items
        );
        let dot = s
            .items
            .iter()
            .find(|p| p.kind == ItemKind::Event(1))
            .unwrap();
        assert_eq!(dot.label_room, 0.0);
        assert_eq!(dot.foot.left, 70.0);
    }

    fn g(t0: f64, events: &[usize]) -> Group {
        Group {
            t0,
            t1: t0 + 1.0,
            count: events.len(),
            events: events.to_vec(),
        }
    }

    /// Event `i` sits at x = 100·i with a 12 px marker and a 150 px label.
    fn foot(i: usize) -> Footprint {
        let x = i as f64 * 100.0;
        Footprint {
            left: x,
            marker_left: x,
            lines: 1,
            marker_right: x + 12.0,
            label_x: x + 18.0,
            label_w: 150.0,
            shares_bar: false,
        }
    }

    fn cluster_foot(gr: &Group) -> Footprint {
        Footprint {
            left: gr.t0 * 100.0,
            marker_left: gr.t0 * 100.0,
            lines: 1,
            marker_right: gr.t0 * 100.0 + 40.0,
            label_x: 0.0,
            label_w: 0.0,
            shares_bar: false,
        }
    }

    fn overlaps(a: &Placed, b: &Placed) -> bool {
        a.row == b.row && a.foot.left < b.right() && b.foot.left < a.right()
    }

    #[test]
    fn overlapping_labels_go_to_new_rows_with_their_full_width() {
        let groups: Vec<Group> = (0..4).map(|i| g(i as f64, &[i])).collect();
        let s = stack(&groups, 4, 4.0, &foot, &cluster_foot);
        assert_eq!(s.items.len(), 4);
        // 100 px apart with 168 px footprints: two rows alternate, every label whole.
        assert_eq!(s.rows, 2);
        assert!(s.items.iter().all(|p| p.label_room == 150.0));
        for (k, a) in s.items.iter().enumerate() {
            for b in &s.items[k + 1..] {
                assert!(!overlaps(a, b), "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn when_every_event_fits_it_takes_no_more_rows_than_its_deepest_overlap() {
        // Dots with labels on either side (a label left of its dot starts before dots placed earlier): the rows
        // used are the most footprints that meet at one point, which no packing can go below.
        let mut seed: u64 = 7;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..200 {
            let n = 2 + next(14) as usize;
            let feet: Vec<Footprint> = (0..n)
                .map(|i| {
                    let x = i as f64 * 40.0 + next(30) as f64;
                    let w = 20.0 + next(260) as f64;
                    let left_label = next(3) == 0 && x - 5.0 - w >= 0.0;
                    Footprint {
                        left: if left_label { x - 5.0 - w } else { x },
                        marker_left: x,
                        lines: 1,
                        marker_right: x + 12.0,
                        label_x: if left_label { x - 5.0 - w } else { x + 17.0 },
                        label_w: w,
                        shares_bar: false,
                    }
                })
                .collect();
            let groups: Vec<Group> = (0..n).map(|i| g(i as f64, &[i])).collect();
            let gap = 4.0;
            let s = stack(&groups, 40, gap, &|i| feet[i], &cluster_foot);
            let right = |f: &Footprint| (f.label_x + f.label_w).max(f.marker_right);
            let depth = feet
                .iter()
                .map(|a| {
                    feet.iter()
                        .filter(|b| b.left <= a.left && a.left < right(b) + gap)
                        .count()
                })
                .max()
                .unwrap_or(0);
            assert_eq!(s.rows, depth, "{feet:?}");
            assert_eq!(s.items.len(), n);
            assert!(s.items.iter().all(|p| p.label_room == p.foot.label_w));
            for (k, a) in s.items.iter().enumerate() {
                for b in &s.items[k + 1..] {
                    assert!(!overlaps(a, b), "{a:?} / {b:?}");
                }
            }
        }
    }

    #[test]
    fn one_row_cuts_labels_and_never_overlaps() {
        let groups: Vec<Group> = (0..4).map(|i| g(i as f64, &[i])).collect();
        let s = stack(&groups, 1, 4.0, &foot, &cluster_foot);
        assert_eq!(s.rows, 1);
        assert_eq!(s.items.len(), 4);
        // Each label is cut to end before the next marker; the last one is whole.
        assert_eq!(s.items[0].label_room, 100.0 - 4.0 - 18.0);
        assert_eq!(s.items[3].label_room, 150.0);
        for w in s.items.windows(2) {
            assert!(!overlaps(&w[0], &w[1]));
        }
    }

    #[test]
    fn a_period_that_does_not_fit_becomes_one_cluster() {
        // Three events on one day (same x) in a lane of two rows: the day is a cluster of three.
        let same_x = |_: usize| foot(5);
        let s = stack(&[g(5.0, &[7, 8, 9])], 2, 4.0, &same_x, &cluster_foot);
        assert_eq!(s.items.len(), 1);
        match &s.items[0].kind {
            ItemKind::Cluster(gr) => assert_eq!(gr.events, vec![7, 8, 9]),
            other => panic!("{other:?}"),
        }
        // With three rows they stack.
        let s = stack(&[g(5.0, &[7, 8, 9])], 3, 4.0, &same_x, &cluster_foot);
        assert_eq!(s.items.len(), 3);
        assert_eq!(s.rows, 3);
    }

    #[test]
    fn periods_follow_the_calendar() {
        let t = crate::timeline::ymd(2018, 4, 27).unwrap();
        let b = |p: Period| {
            let (a, z) = p.bounds(t + 0.5);
            (date_of(a).to_string(), date_of(z).to_string())
        };
        assert_eq!(b(Period::Day), ("2018-04-27".into(), "2018-04-28".into()));
        assert_eq!(b(Period::Week), ("2018-04-23".into(), "2018-04-30".into()));
        assert_eq!(b(Period::Month), ("2018-04-01".into(), "2018-05-01".into()));
        assert_eq!(
            b(Period::Quarter),
            ("2018-04-01".into(), "2018-07-01".into())
        );
        assert_eq!(b(Period::Year), ("2018-01-01".into(), "2019-01-01".into()));
        assert_eq!(
            b(Period::Decade),
            ("2010-01-01".into(), "2020-01-01".into())
        );
        assert_eq!(Period::Quarter.name(t), "Q2 2018");
        // Finer periods as the zoom grows.
        assert_eq!(Period::for_zoom(0.2, 40.0), Period::Year);
        assert_eq!(Period::for_zoom(0.05, 40.0), Period::Decade);
        assert_eq!(Period::for_zoom(2.0, 40.0), Period::Month);
        assert_eq!(Period::for_zoom(50.0, 40.0), Period::Day);
    }

    #[test]
    fn bars_of_one_year_share_a_row_with_their_labels_side_by_side() {
        // Three events known only by their year (one bar, 0–1000 px, labels inside), the third uncertain,
        // and a fourth of another year's bar.
        let groups = [Group {
            t0: 0.0,
            t1: 365.0,
            count: 4,
            events: vec![0, 1, 2, 3],
        }];
        let foot = |i: usize| {
            let right = if i == 3 { 900.0 } else { 1000.0 };
            Footprint {
                left: 0.0,
                marker_left: 0.0,
                lines: 1,
                marker_right: right,
                label_x: 5.0,
                label_w: 200.0,
                shares_bar: true,
            }
        };
        let cluster = |_: &Group| foot(0);
        let st = stack(&groups, 4, 6.0, &foot, &cluster);
        let at = |e: usize| {
            st.items
                .iter()
                .find(|p| p.kind == ItemKind::Event(e))
                .map(|p| (p.row, p.foot.label_x, p.label_room, p.shared))
        };
        assert_eq!(at(0), Some((0, 5.0, 200.0, true)));
        assert_eq!(at(1), Some((0, 205.0 + SHARED_LABEL_GAP, 200.0, true)));
        // An uncertain one shares the bracket too (its label keeps its look); another bar takes a row of its own.
        assert_eq!(
            at(2),
            Some((0, 405.0 + 2.0 * SHARED_LABEL_GAP, 200.0, true))
        );
        assert_eq!(at(3), Some((1, 5.0, 200.0, false)));
        assert_eq!(st.rows, 2);
        // A label that would run past the bar's end is not squeezed in: five of the first kind take two rows.
        let groups = [Group {
            t0: 0.0,
            t1: 365.0,
            count: 5,
            events: vec![0, 1, 4, 5, 6],
        }];
        let st = stack(&groups, 4, 6.0, &foot, &cluster);
        let rows: Vec<usize> = st.items.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![0, 0, 0, 0, 1], "{:?}", st.items);
    }
}
