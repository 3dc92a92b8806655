//! What the timeline looks like, as plain shapes and text. The GUI paints a [`Scene`] with egui's painter; the
//! exporter writes the same scene to SVG and PNG. Built from the model and a view; no window needed.

use crate::fonts::{fit_text, text_width};
use crate::model::{Certainty, Event, Precision};
use crate::theme::{Rgba, Theme, ThemeKind};
use crate::timeline::axis::Axis;
use crate::timeline::index::TimelineIndex;
use crate::timeline::lanes::{Lane, LaneMode};
use crate::timeline::lod::density_counted;
use crate::timeline::stack::{Footprint, Group, ItemKind, Period, Placed, Stacked, groups, stack};
use crate::timeline::ticks::{Level, span_header, ticks};
use crate::timeline::view::TimeView;
use crate::timeline::ymd;
use chrono::Datelike;

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left edge.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right edge.
    End,
}

/// One drawing primitive. Coordinates in pixels, origin top-left; text `y` is the vertical centre of the line.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, optionally rounded.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Corner radius.
        radius: f32,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Stroke width and colour.
        stroke: Option<(f32, Rgba)>,
    },
    /// A circle.
    Circle {
        /// Centre x.
        cx: f32,
        /// Centre y.
        cy: f32,
        /// Radius.
        r: f32,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Stroke width and colour.
        stroke: Option<(f32, Rgba)>,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Width.
        width: f32,
        /// Colour.
        color: Rgba,
    },
    /// A line of text.
    Text {
        /// Anchor x.
        x: f32,
        /// Vertical centre.
        y: f32,
        /// The text.
        text: String,
        /// Font size in pixels.
        size: f32,
        /// Colour.
        color: Rgba,
        /// Bold face.
        bold: bool,
        /// Horizontal anchor.
        anchor: Anchor,
    },
}

/// What a region of the scene stands for, for hover and click.
#[derive(Debug, Clone, PartialEq)]
pub enum HitTarget {
    /// One event (index into the event list).
    Event(usize),
    /// A cluster: the calendar period it stands for, its count and lane.
    Cluster {
        /// Start of the period.
        t0: f64,
        /// End of the period (exclusive).
        t1: f64,
        /// Number of events.
        count: usize,
        /// Index of its lane in the scene's lanes.
        lane: usize,
    },
}

/// A clickable region.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Left, top, right, bottom.
    pub rect: [f32; 4],
    /// What it is.
    pub target: HitTarget,
}

/// A finished scene.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels.
    pub height: f32,
    /// Background colour.
    pub background: Rgba,
    /// Shapes in painting order.
    pub shapes: Vec<Shape>,
    /// Clickable regions.
    pub hits: Vec<Hit>,
    /// The time area: left, top, right, bottom (ticks and lanes).
    pub time_rect: [f32; 4],
    /// The overview strip, if drawn: left, top, right, bottom.
    pub overview_rect: Option<[f32; 4]>,
    /// The time range the overview strip covers.
    pub overview_range: (f64, f64),
    /// Event indices drawn as single markers.
    pub drawn_events: Vec<usize>,
    /// Tick labels drawn (for tests and accessibility).
    pub tick_labels: Vec<String>,
    /// The header naming the span in view.
    pub header: String,
    /// The lanes drawn, top to bottom.
    pub lanes: Vec<SceneLane>,
}

/// A lane as drawn: its label and its band.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneLane {
    /// The lane's label.
    pub key: String,
    /// Top of its band.
    pub top: f32,
    /// Bottom of its band.
    pub bottom: f32,
    /// How many lanes it stands for: more than one for the lane that groups, on a page of fixed size, the
    /// lanes with fewest events in view (see [`group_small_lanes`]).
    pub lanes: usize,
}

/// Everything that decides the look of a scene besides the data.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneOptions {
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels; `None` sizes the scene to its lanes.
    pub height: Option<f32>,
    /// Light or dark.
    pub theme: ThemeKind,
    /// Lanes by forum, country or outlet.
    pub lanes: LaneMode,
    /// A title above the timeline.
    pub title: Option<String>,
    /// Draw the legend.
    pub legend: bool,
    /// A footer line.
    pub footer: Option<String>,
    /// Draw the overview strip.
    pub overview: bool,
    /// Selected event.
    pub selected: Option<usize>,
    /// Hovered event.
    pub hovered: Option<usize>,
    /// A line under the title that replaces the header naming the span (an export names its exact range).
    pub subtitle: Option<String>,
    /// Draw only the lanes with an event in the view (an export of April 2018 keeps no empty lane).
    pub only_lanes_in_view: bool,
    /// Every length (text, markers, rows, paddings) multiplied by this: the scene is laid out at
    /// `width / zoom` and scaled up, so that text on a large image stays readable. 1 on screen.
    pub zoom: f32,
    /// Draw every event's label whole where the room allows (an export): the lanes take the rows they need (as
    /// many as fit in a fixed height) before a label is cut or a period clustered, and a label near an edge
    /// goes to the side with room rather than being cut there.
    pub full_labels: bool,
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions {
            width: 1200.0,
            height: None,
            theme: ThemeKind::Light,
            lanes: LaneMode::Forum,
            title: None,
            legend: false,
            footer: None,
            overview: true,
            selected: None,
            hovered: None,
            subtitle: None,
            only_lanes_in_view: false,
            zoom: 1.0,
            full_labels: false,
        }
    }
}

/// Width of the lane label column.
pub const LANE_LABEL_W: f32 = 150.0;
const HEADER_H: f32 = 30.0;
const TITLE_H: f32 = 34.0;
const AXIS_H: f32 = 40.0;
const LANE_H: f32 = 52.0;
const MIN_LANE_H: f32 = 34.0;
const OVERVIEW_H: f32 = 40.0;
const LEGEND_H: f32 = 30.0;
const FOOTER_H: f32 = 24.0;
const LABEL_PX: f32 = 12.0;
const TICK_PX: f32 = 12.0;
const BADGE_PX: f32 = 10.0;
/// How tall a lane's rows are, and the room above the first and below the last of them.
#[derive(Debug, Clone, Copy)]
struct Rows {
    h: f32,
    pad: f32,
    /// Height of a line of the year-unknown tray's chips.
    tray_line: f32,
}

impl Rows {
    /// Rows of one and a half lines of label text.
    const NORMAL: Rows = Rows {
        h: 18.0,
        pad: 6.0,
        tray_line: TRAY_H,
    };
    /// Rows of a page whose lanes need more than [`Rows::NORMAL`] leaves: one and a quarter lines, the least
    /// at which labels, dots and bars of neighbouring rows keep apart.
    const TIGHT: Rows = Rows {
        h: 15.0,
        pad: 2.0,
        tray_line: 22.0,
    };

    /// Height of a lane of `rows` rows.
    fn lane(self, rows: usize) -> f32 {
        (rows.max(1) as f32 * self.h + 2.0 * self.pad).max(MIN_LANE_H)
    }
}
/// Most rows a lane takes before its crowded periods become clusters.
const ROW_CAP: usize = 6;
/// The same when labels are drawn whole and the height is free (an export sized to its lanes).
const FULL_LABEL_ROW_CAP: usize = 24;
/// Least room between two items of a row.
const ITEM_GAP_PX: f64 = 6.0;
/// Radius of a one-day dot.
const DOT_R: f32 = 6.0;
/// A cluster's period is at least this wide at the zoom: room for its count (a year is this wide at a view of
/// about twenty years).
const CLUSTER_MIN_PX: f64 = 30.0;
/// Narrowest cluster marker.
const CLUSTER_MIN_W: f64 = 24.0;
/// A label with less room than this right of its dot (near the view's right edge) goes to its left.
const FLIP_LABEL_PX: f64 = 160.0;
/// Bars at least this wide carry their label inside.
const INSIDE_LABEL_MIN_PX: f64 = 60.0;
/// Height of the year-unknown tray.
const TRAY_H: f32 = 26.0;

pub use crate::timeline::index::event_span;

/// The time range the data covers, or the product's 2015–2023 when empty.
pub fn data_extent(events: &[Event], shown: &[bool]) -> Option<(f64, f64)> {
    let mut it = events
        .iter()
        .enumerate()
        .filter(|(i, _)| shown.get(*i).copied().unwrap_or(true))
        .map(|(_, e)| event_span(e));
    let first = it.next()?;
    Some(it.fold(first, |(a, b), (s, e)| (a.min(s), b.max(e))))
}

fn text(
    x: f32,
    y: f32,
    s: impl Into<String>,
    size: f32,
    color: Rgba,
    bold: bool,
    anchor: Anchor,
) -> Shape {
    Shape::Text {
        x,
        y,
        text: s.into(),
        size,
        color,
        bold,
        anchor,
    }
}

/// Builds the scene for `events` (sorted by start) whose `shown[i]` is true, in `view`.
pub fn build(events: &[Event], shown: &[bool], view: TimeView, opts: &SceneOptions) -> Scene {
    build_indexed(
        events,
        &TimelineIndex::new(events, shown, opts.lanes),
        view,
        opts,
    )
}

/// Builds the scene from a prepared [`TimelineIndex`] (the GUI keeps one per filter state): the cost of a
/// frame does not grow with the number of events beyond binary searches and what is visible.
pub fn build_indexed(
    events: &[Event],
    index: &TimelineIndex,
    view: TimeView,
    opts: &SceneOptions,
) -> Scene {
    let zoom = if opts.zoom.is_finite() {
        opts.zoom.clamp(0.25, 8.0)
    } else {
        1.0
    };
    if (zoom - 1.0).abs() < 1e-6 {
        return build_unzoomed(events, index, view, opts);
    }
    let design = SceneOptions {
        width: opts.width / zoom,
        height: opts.height.map(|h| h / zoom),
        zoom: 1.0,
        ..opts.clone()
    };
    scaled(build_unzoomed(events, index, view, &design), zoom)
}

/// The scene with every length multiplied by `k`.
fn scaled(mut s: Scene, k: f32) -> Scene {
    let stroke = |st: &mut Option<(f32, Rgba)>| {
        if let Some((w, _)) = st {
            *w *= k;
        }
    };
    for shape in &mut s.shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                radius,
                stroke: st,
                ..
            } => {
                for v in [x, y, w, h, radius] {
                    *v *= k;
                }
                stroke(st);
            }
            Shape::Circle {
                cx,
                cy,
                r,
                stroke: st,
                ..
            } => {
                for v in [cx, cy, r] {
                    *v *= k;
                }
                stroke(st);
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                ..
            } => {
                for v in [x1, y1, x2, y2, width] {
                    *v *= k;
                }
            }
            Shape::Text { x, y, size, .. } => {
                for v in [x, y, size] {
                    *v *= k;
                }
            }
        }
    }
    for h in &mut s.hits {
        for v in &mut h.rect {
            *v *= k;
        }
    }
    for v in s
        .time_rect
        .iter_mut()
        .chain(s.overview_rect.iter_mut().flatten())
    {
        *v *= k;
    }
    for l in &mut s.lanes {
        l.top *= k;
        l.bottom *= k;
    }
    s.width *= k;
    s.height *= k;
    s
}

/// Whether event `i`'s span (a day at least) meets the view.
fn meets_view(spans: &[(f64, f64)], i: usize, view: TimeView) -> bool {
    spans
        .get(i)
        .is_some_and(|&(s, e)| s < view.end && e.max(s + 1.0) > view.start)
}

/// Whether a lane has an event whose span meets the view.
fn lane_meets_view(lane: &Lane, spans: &[(f64, f64)], view: TimeView) -> bool {
    lane.events.iter().any(|&i| meets_view(spans, i, view))
}

fn build_unzoomed(
    events: &[Event],
    index: &TimelineIndex,
    view: TimeView,
    opts: &SceneOptions,
) -> Scene {
    let theme = Theme::of(opts.theme);
    let spans = &index.spans;
    // Where a page of fixed size cannot hold every lane: the lane grouping the smallest (see below).
    let grouped_lane: Lane;
    // The lanes drawn, each with its place among all lanes (which gives its colour, as on screen).
    let (mut lane_ix, mut lanes): (Vec<usize>, Vec<&Lane>) = index
        .lanes
        .iter()
        .enumerate()
        .filter(|(_, l)| !opts.only_lanes_in_view || lane_meets_view(l, spans, view))
        .unzip();
    let year_unknown: Vec<usize> = if opts.only_lanes_in_view {
        index
            .year_unknown
            .iter()
            .copied()
            .filter(|&i| meets_view(spans, i, view))
            .collect()
    } else {
        index.year_unknown.clone()
    };
    let width = opts.width.max(LANE_LABEL_W + 100.0);

    // Vertical layout of the bands above the lanes.
    let mut y = 0.0;
    let title_y = opts.title.as_ref().map(|_| {
        let c = y + TITLE_H / 2.0 + 4.0;
        y += TITLE_H;
        c
    });
    // On a page of fixed size the subtitle stands right of the title, on its line, when both fit there: the band
    // it saves goes to the lanes.
    let header_beside_title = opts.full_labels
        && opts.height.is_some()
        && match (&opts.title, &opts.subtitle) {
            (Some(t), Some(sub)) => {
                text_width(t, 20.0, true) + 40.0 + text_width(sub, 15.0, true) <= width - 24.0
            }
            _ => false,
        };
    let header_y = match title_y {
        Some(ty) if header_beside_title => ty,
        _ => {
            let c = y + HEADER_H / 2.0;
            y += HEADER_H;
            c
        }
    };
    let axis_top = y;
    y += AXIS_H;
    let lanes_top = y;
    let time_x0 = LANE_LABEL_W;
    let time_x1 = width - 8.0;
    let axis = Axis::new(view, time_x0 as f64, (time_x1 - time_x0) as f64);
    let tx = (time_x0 as f64, time_x1 as f64);

    // Each lane's events stacked in rows: as many rows as they need, or as fit in the height.
    let period = Period::for_zoom(axis.px_per_day(), CLUSTER_MIN_PX);
    let whole = opts.full_labels;
    // Near the right edge a whole label goes left of its dot, or (`wrap`) onto two lines on its right: each lane
    // takes whichever needs fewer rows.
    let foot_with = |i: usize, wrap: bool| {
        event_footprint(events.get(i), spans.get(i).copied(), &axis, tx, whole, wrap)
    };
    let cluster_foot = |g: &Group| cluster_footprint(g, &axis, tx);
    // In an export the tray lists every chip whole, on as many lines as they take.
    // On a page of fixed size the tray takes at most a quarter of what is below the axis; the chips past it are
    // counted (`+14 more`).
    let tray_max_lines = opts.height.map(|h| {
        let below_axis = h - lanes_top - LEGEND_H - FOOTER_H;
        ((below_axis / 4.0 / TRAY_H).floor() as usize).max(2)
    });
    let tray_flowed =
        whole.then(|| tray_flow(events, &year_unknown, (time_x0, time_x1), tray_max_lines));
    let tray_lines = tray_flowed
        .as_ref()
        .and_then(|f| f.0.last())
        .map_or(1, |c| c.line + 1);
    let tray_height = |m: Rows| {
        if year_unknown.is_empty() {
            0.0
        } else {
            m.tray_line * tray_lines as f32
        }
    };
    let mut tray_h = tray_height(Rows::NORMAL);
    let overview_h = OVERVIEW_H + 8.0;
    let bottom_extra = if opts.overview { overview_h } else { 0.0 }
        + if opts.legend { LEGEND_H } else { 0.0 }
        + if opts.footer.is_some() { FOOTER_H } else { 0.0 }
        + tray_h;
    let avail = opts.height.map(|h| h - lanes_top - bottom_extra - 6.0);
    // What a page of fixed size can give its lanes when they need more: the overview's band, then tighter rows.
    let most_avail = avail.map(|a| {
        if whole && opts.overview {
            a + overview_h
        } else {
            a
        }
    });
    let tight_page = whole && avail.is_some();
    // A page of fixed size (an export preset) whose lanes cannot have two rows each: the lanes with fewest events in
    // view are drawn as one, so the page keeps its size and its text stays readable.
    let mut grouped = 1;
    if whole && let Some(avail) = avail {
        // (Each lane kept gets two rows at least: a lane of one row is mostly clusters.)
        let fit = ((avail / Rows::NORMAL.lane(2)).floor() as usize).max(2);
        if let Some((keep, group)) = group_small_lanes(&lanes, spans, view, fit) {
            grouped = group.len();
            grouped_lane = merged_lane(&group, format!("{grouped} other lanes"));
            let first_grouped = group
                .first()
                .and_then(|g| lanes.iter().position(|l| std::ptr::eq(*l, *g)));
            let color_of_group = first_grouped.and_then(|k| lane_ix.get(k).copied());
            let kept: Vec<(usize, &Lane)> = lane_ix
                .iter()
                .copied()
                .zip(lanes.iter().copied())
                .filter(|(_, l)| keep.iter().any(|k| std::ptr::eq(*k, *l)))
                .collect();
            (lane_ix, lanes) = kept.into_iter().unzip();
            lane_ix.push(color_of_group.unwrap_or(index.lanes.len()));
            lanes.push(&grouped_lane);
        }
    }
    let lane_color = |li: usize| theme.lane_color(lane_ix.get(li).copied().unwrap_or(li));
    let lane_groups: Vec<Vec<Group>> = lanes
        .iter()
        .map(|l| groups(l, spans, &axis, period))
        .collect();
    let row_cap = match (whole, avail) {
        (false, _) => ROW_CAP,
        (true, None) => FULL_LABEL_ROW_CAP,
        // As many rows as one lane could take in the height, the others keeping one row each.
        (true, Some(_)) => {
            let m = if tight_page {
                Rows::TIGHT
            } else {
                Rows::NORMAL
            };
            let avail = most_avail.unwrap_or_default();
            let others = lanes.len().saturating_sub(1) as f32 * m.lane(1);
            (((avail - others - 2.0 * m.pad) / m.h).floor().max(0.0) as usize).max(ROW_CAP)
        }
    };
    let stack_lane = |g: &[Group], rows: usize, wrap: bool| {
        stack(g, rows, ITEM_GAP_PX, &|i| foot_with(i, wrap), &cluster_foot)
    };
    let (mut stacked, wraps): (Vec<Stacked>, Vec<bool>) = lane_groups
        .iter()
        .map(|g| {
            let flipped = stack_lane(g, row_cap, false);
            if !whole {
                return (flipped, false);
            }
            let wrapped = stack_lane(g, row_cap, true);
            if wrapped.rows < flipped.rows {
                (wrapped, true)
            } else {
                (flipped, false)
            }
        })
        .unzip();
    let want: Vec<usize> = stacked.iter().map(|s| s.rows.max(1)).collect();
    // A page whose lanes do not all fit with every label whole gives them first the overview's band, then rows of
    // one and a quarter lines; only what still does not fit is clustered.
    let fits = |m: Rows, a: f32| want.iter().map(|&w| m.lane(w)).sum::<f32>() <= a;
    // (The tray's lines tighten with the rows.)
    let tight_most = most_avail.map(|a| a + tray_height(Rows::NORMAL) - tray_height(Rows::TIGHT));
    let (m, overview, avail) = match (avail, most_avail, tight_most) {
        (Some(a), Some(most), Some(tight)) if tight_page && !fits(Rows::NORMAL, a) => {
            if fits(Rows::NORMAL, most) {
                (Rows::NORMAL, false, Some(most))
            } else {
                // Tight rows, and clusters only for what even they cannot hold.
                (Rows::TIGHT, false, Some(tight))
            }
        }
        _ => (Rows::NORMAL, opts.overview, avail),
    };
    tray_h = tray_height(m);
    let rows = match avail {
        Some(avail) => fit_rows(&want, avail, m),
        None => want.clone(),
    };
    for (li, (&r, &w)) in rows.iter().zip(&want).enumerate() {
        if r < w
            && let (Some(slot), Some(g)) = (stacked.get_mut(li), lane_groups.get(li))
        {
            *slot = stack_lane(g, r, wraps.get(li).copied().unwrap_or(false));
        }
    }
    let mut lane_hs: Vec<f32> = rows.iter().map(|&r| m.lane(r)).collect();
    if lane_hs.is_empty() {
        lane_hs.push(LANE_H);
    }
    if let Some(avail) = avail {
        // A window taller than the lanes need: share the room out, so the lanes fill it.
        let extra = avail - lane_hs.iter().sum::<f32>();
        if extra > 0.0 {
            let each = (extra / lane_hs.len() as f32).min(LANE_H * 0.6);
            for h in &mut lane_hs {
                *h += each;
            }
        }
    }
    let lane_tops: Vec<f32> = lane_hs
        .iter()
        .scan(lanes_top, |top, h| {
            let t = *top;
            *top += h;
            Some(t)
        })
        .collect();
    let lanes_bottom = lanes_top + lane_hs.iter().sum::<f32>();
    let height = opts
        .height
        .unwrap_or(lanes_bottom + bottom_extra + 6.0)
        .max(lanes_bottom + 6.0);

    let mut shapes = Vec::new();
    let mut hits = Vec::new();
    let mut drawn_events = Vec::new();

    // Title and header.
    if let (Some(t), Some(ty)) = (&opts.title, title_y) {
        let fitted = fit_text(t, 20.0, true, width - 20.0).unwrap_or_default();
        shapes.push(text(
            12.0,
            ty,
            fitted,
            20.0,
            theme.text,
            true,
            Anchor::Start,
        ));
    }
    let header = opts.subtitle.clone().unwrap_or_else(|| span_header(&axis));
    let (header_x, header_anchor) = if header_beside_title {
        (width - 12.0, Anchor::End)
    } else {
        (12.0, Anchor::Start)
    };
    shapes.push(text(
        header_x,
        header_y,
        header.clone(),
        15.0,
        theme.text,
        true,
        header_anchor,
    ));

    // Lane backgrounds and labels.
    for (li, lane) in lanes.iter().enumerate() {
        let (Some(&top), Some(&lane_h)) = (lane_tops.get(li), lane_hs.get(li)) else {
            continue;
        };
        if li % 2 == 1 {
            shapes.push(Shape::Rect {
                x: 0.0,
                y: top,
                w: width,
                h: lane_h,
                radius: 0.0,
                fill: Some(theme.lane_alt),
                stroke: None,
            });
        }
        let color = lane_color(li);
        shapes.push(Shape::Rect {
            x: 0.0,
            y: top + 6.0,
            w: 4.0,
            h: lane_h - 12.0,
            radius: 2.0,
            fill: Some(color),
            stroke: None,
        });
        let label_y = top + lane_h.min(LANE_H) / 2.0;
        // The lane's name whole, in a smaller size when it is long (`(no country named)`); cut only below 10 px.
        let room = LANE_LABEL_W - 22.0;
        let size = [13.0, 12.0, 11.0, 10.0]
            .into_iter()
            .find(|&sz| text_width(&lane.key, sz, true) <= room)
            .unwrap_or(10.0);
        let label = fit_text(&lane.key, size, true, room).unwrap_or_default();
        shapes.push(text(
            12.0,
            label_y - 7.0,
            label,
            size,
            theme.text,
            true,
            Anchor::Start,
        ));
        let n = if opts.only_lanes_in_view {
            lane.events
                .iter()
                .filter(|&&i| meets_view(spans, i, view))
                .count()
        } else {
            lane.events.len()
        };
        shapes.push(text(
            12.0,
            label_y + 9.0,
            format!("{n} event{}", if n == 1 { "" } else { "s" }),
            11.0,
            theme.muted,
            false,
            Anchor::Start,
        ));
    }

    // The axis: the upper level names years or months, the lower level each step; grid lines through the lanes.
    let t = ticks(&axis, TICK_PX);
    let mut tick_labels = Vec::new();
    let two_levels = t.major_tier.is_some();
    let minor_y = if two_levels {
        axis_top + AXIS_H * 0.72
    } else {
        axis_top + AXIS_H / 2.0
    };
    let major_x: Vec<f64> = t
        .ticks
        .iter()
        .filter(|k| k.level == Level::Major && k.line)
        .map(|k| k.x)
        .collect();
    for tick in &t.ticks {
        let x = tick.x as f32;
        if x < time_x0 - 0.5 || x > time_x1 {
            continue;
        }
        let (line_top, color, label_y, bold, label_color) = match tick.level {
            Level::Major => (
                axis_top + 2.0,
                theme.grid_major,
                axis_top + AXIS_H * 0.26,
                true,
                theme.text,
            ),
            Level::Minor => (
                if two_levels {
                    axis_top + AXIS_H * 0.5
                } else {
                    axis_top + 2.0
                },
                theme.grid,
                minor_y,
                false,
                theme.muted,
            ),
            Level::Faint => (lanes_top, theme.grid, 0.0, false, theme.muted),
        };
        let under_major =
            tick.level != Level::Major && major_x.iter().any(|m| (m - tick.x).abs() < 0.5);
        if tick.line && !under_major {
            let alpha = if tick.level == Level::Faint {
                tick.alpha * 0.6
            } else {
                tick.alpha
            };
            shapes.push(Shape::Line {
                x1: x,
                y1: line_top,
                x2: x,
                y2: lanes_bottom,
                width: 1.0,
                color: color.faded(alpha),
            });
        }
        if let Some(label) = &tick.label {
            let w = text_width(label, TICK_PX, bold);
            if x + 4.0 + w <= time_x1 {
                shapes.push(text(
                    x + 4.0,
                    label_y,
                    label.clone(),
                    TICK_PX,
                    label_color.faded(tick.alpha),
                    bold,
                    Anchor::Start,
                ));
                tick_labels.push(label.clone());
            }
        }
    }
    shapes.push(Shape::Line {
        x1: time_x0,
        y1: lanes_top,
        x2: time_x1,
        y2: lanes_top,
        width: 1.0,
        color: theme.grid_major,
    });

    // Markers and labels, row by row.
    let most = stacked
        .iter()
        .flat_map(|s| s.items.iter())
        .filter_map(|p| match &p.kind {
            ItemKind::Cluster(g) => Some(g.count),
            ItemKind::Event(_) => None,
        })
        .max()
        .unwrap_or(1);
    let mut selected_drawn = false;
    for (li, st) in stacked.iter().enumerate() {
        let (Some(&top), Some(&lane_h)) = (lane_tops.get(li), lane_hs.get(li)) else {
            continue;
        };
        let color = lane_color(li);
        let used = st.rows.max(1) as f32;
        let first_cy = top + (lane_h - used * m.h) / 2.0 + m.h / 2.0;
        for p in &st.items {
            let cy = first_cy + m.h * p.row as f32;
            match &p.kind {
                ItemKind::Event(i) => {
                    let Some(e) = events.get(*i) else { continue };
                    draw_event(
                        e,
                        *i,
                        p,
                        cy,
                        color,
                        &theme,
                        opts,
                        &mut shapes,
                        &mut hits,
                        false,
                        m.h,
                    );
                    drawn_events.push(*i);
                    selected_drawn |= opts.selected == Some(*i);
                }
                ItemKind::Cluster(g) => {
                    draw_cluster(
                        g,
                        li,
                        p,
                        cy,
                        color,
                        most,
                        &theme,
                        &mut shapes,
                        &mut hits,
                        m.h,
                    );
                }
            }
        }
    }
    // A selected event inside a cluster is drawn on top of it, so the selection is always seen.
    if let Some(sel) = opts.selected.filter(|_| !selected_drawn)
        && let (Some(e), Some(&(s, end))) = (events.get(sel), spans.get(sel))
        && end > view.start
        && s < view.end
        && let Some(li) = lanes.iter().position(|l| lane_holds(l, sel, s))
        && let (Some(&top), Some(&lane_h), Some(st)) =
            (lane_tops.get(li), lane_hs.get(li), stacked.get(li))
    {
        let used = st.rows.max(1) as f32;
        let cy = top + (lane_h - used * m.h) / 2.0 + m.h / 2.0;
        let f = foot_with(sel, wraps.get(li).copied().unwrap_or(false));
        let p = Placed {
            kind: ItemKind::Event(sel),
            row: 0,
            foot: f,
            label_room: f.label_w,
            period: (s, end),
            shared: false,
        };
        draw_event(
            e,
            sel,
            &p,
            cy,
            lane_color(li),
            &theme,
            opts,
            &mut shapes,
            &mut hits,
            true,
            m.h,
        );
        drawn_events.push(sel);
    }

    // Events whose year no reader can know: a tray below the lanes, each one clickable.
    let mut yb = lanes_bottom + 4.0;
    if tray_h > 0.0 {
        year_unknown_tray(
            events,
            &year_unknown,
            yb + m.tray_line / 2.0 - 2.0,
            (time_x0, time_x1),
            &theme,
            opts,
            tray_flowed.as_ref().map(|(c, more)| (c.as_slice(), *more)),
            m.tray_line,
            &mut shapes,
            &mut hits,
        );
        yb += tray_h;
    }
    yb += 4.0;

    // Overview strip.
    let mut overview_rect = None;
    let full = {
        let base = (
            ymd(2015, 1, 1).unwrap_or(16436.0),
            ymd(2024, 1, 1).unwrap_or(19723.0),
        );
        match index.extent {
            Some((a, b)) => (base.0.min(a), base.1.max(b)),
            None => base,
        }
    };
    if overview {
        let (x0, x1, top, bot) = (time_x0, time_x1, yb, yb + OVERVIEW_H - 6.0);
        shapes.push(Shape::Rect {
            x: x0,
            y: top,
            w: x1 - x0,
            h: bot - top,
            radius: 3.0,
            fill: Some(theme.lane_alt),
            stroke: Some((1.0, theme.grid_major)),
        });
        shapes.push(text(
            12.0,
            (top + bot) / 2.0,
            "Overview",
            11.0,
            theme.muted,
            false,
            Anchor::Start,
        ));
        let buckets = ((x1 - x0) / 3.0).max(1.0) as usize;
        let d = density_counted(&index.starts, &index.counts, full.0, full.1, buckets);
        let max = d.iter().copied().max().unwrap_or(0).max(1) as f32;
        let bw = (x1 - x0) / buckets as f32;
        for (i, &c) in d.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let h = ((c as f32 / max).sqrt() * (bot - top - 6.0)).max(2.0);
            shapes.push(Shape::Rect {
                x: x0 + i as f32 * bw,
                y: bot - 3.0 - h,
                w: bw.max(1.5),
                h,
                radius: 0.0,
                fill: Some(theme.density),
                stroke: None,
            });
        }
        let ov = Axis::new(
            TimeView {
                start: full.0,
                end: full.1,
            },
            x0 as f64,
            (x1 - x0) as f64,
        );
        let wx0 = (ov.x_from_time(view.start) as f32).clamp(x0, x1);
        let wx1 = (ov.x_from_time(view.end) as f32)
            .clamp(x0, x1)
            .max(wx0 + 3.0);
        shapes.push(Shape::Rect {
            x: wx0,
            y: top,
            w: wx1 - wx0,
            h: bot - top,
            radius: 2.0,
            fill: Some(theme.window),
            stroke: Some((1.5, theme.lane_color(0))),
        });
        overview_rect = Some([x0, top, x1, bot]);
        yb += OVERVIEW_H;
    }

    // Legend and footer.
    if opts.legend {
        let curated = index
            .lanes
            .iter()
            .flat_map(|l| l.events.iter())
            .any(|&i| events.get(i).is_some_and(|e| !e.curated.is_empty()));
        legend(&theme, curated, yb + LEGEND_H / 2.0, width, &mut shapes);
        yb += LEGEND_H;
    }
    if let Some(f) = &opts.footer {
        shapes.push(text(
            12.0,
            yb + FOOTER_H / 2.0,
            fit_text(f, 11.0, false, width - 24.0).unwrap_or_default(),
            11.0,
            theme.muted,
            false,
            Anchor::Start,
        ));
    }

    Scene {
        width,
        height,
        background: theme.background,
        shapes,
        hits,
        time_rect: [time_x0, axis_top, time_x1, lanes_bottom],
        overview_rect,
        overview_range: full,
        drawn_events,
        tick_labels,
        header,
        lanes: lanes
            .iter()
            .zip(lane_tops.iter().zip(&lane_hs))
            .enumerate()
            .map(|(li, (l, (&top, &h)))| SceneLane {
                key: l.key.clone(),
                top,
                bottom: top + h,
                lanes: if li + 1 == lanes.len() { grouped } else { 1 },
            })
            .collect(),
    }
}

/// When more than `fit` lanes are drawn: the `fit - 1` with most events in `view` (in their order) and the rest,
/// which are then drawn as one lane.
fn group_small_lanes<'a>(
    lanes: &[&'a Lane],
    spans: &[(f64, f64)],
    view: TimeView,
    fit: usize,
) -> Option<(Vec<&'a Lane>, Vec<&'a Lane>)> {
    if lanes.len() <= fit {
        return None;
    }
    let in_view = |l: &Lane| {
        l.events
            .iter()
            .filter(|&&i| meets_view(spans, i, view))
            .count()
    };
    let mut by_size: Vec<(usize, usize)> = lanes
        .iter()
        .enumerate()
        .map(|(k, l)| (k, in_view(l)))
        .collect();
    // Most events first; among equals, the lane drawn first.
    by_size.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut kept: Vec<usize> = by_size.iter().take(fit - 1).map(|&(k, _)| k).collect();
    kept.sort_unstable();
    let pick = |keep: bool| -> Vec<&'a Lane> {
        lanes
            .iter()
            .enumerate()
            .filter(|(k, _)| kept.contains(k) == keep)
            .map(|(_, l)| *l)
            .collect()
    };
    Some((pick(true), pick(false)))
}

/// One lane holding the events of `lanes` (each once: an event of two countries is in both their lanes).
fn merged_lane(lanes: &[&Lane], key: String) -> Lane {
    let mut events: Vec<(usize, f64)> = lanes
        .iter()
        .flat_map(|l| l.events.iter().copied().zip(l.starts.iter().copied()))
        .collect();
    // The event list is in date order, so its indices are too.
    events.sort_by_key(|&(i, _)| i);
    events.dedup_by_key(|&mut (i, _)| i);
    let starts: Vec<f64> = events.iter().map(|&(_, s)| s).collect();
    Lane {
        key,
        counts: crate::timeline::lod::DayCounts::new(&starts),
        events: events.into_iter().map(|(i, _)| i).collect(),
        starts,
        max_span: lanes.iter().map(|l| l.max_span).fold(0.0, f64::max),
    }
}

/// Rows per lane when lanes wanting `want` rows must share `avail` pixels: every lane gets up to the same cap,
/// the largest that fits (at least one row each; then the scene is taller than asked).
fn fit_rows(want: &[usize], avail: f32, m: Rows) -> Vec<usize> {
    let lane_height = |r: usize| m.lane(r);
    let top = want.iter().copied().max().unwrap_or(1).max(1);
    let height = |cap: usize| -> f32 { want.iter().map(|&w| lane_height(w.min(cap))).sum() };
    let cap = (1..=top).rev().find(|&c| height(c) <= avail).unwrap_or(1);
    let mut rows: Vec<usize> = want.iter().map(|&w| w.clamp(1, cap)).collect();
    // The room left over goes, a row at a time, to the lanes that still want the most rows.
    let mut used: f32 = rows.iter().map(|&r| lane_height(r)).sum();
    let short = |rows: &[usize], k: usize| {
        want.get(k)
            .copied()
            .unwrap_or(0)
            .saturating_sub(rows.get(k).copied().unwrap_or(0))
    };
    while let Some(k) = (0..rows.len())
        .filter(|&k| short(&rows, k) > 0)
        .max_by_key(|&k| (short(&rows, k), usize::MAX - k))
    {
        let Some(r) = rows.get_mut(k) else { break };
        let more = lane_height(*r + 1) - lane_height(*r);
        if used + more > avail {
            break;
        }
        *r += 1;
        used += more;
    }
    rows
}

/// Whether `lane` holds event `i`, which starts at `start`.
fn lane_holds(lane: &Lane, i: usize, start: f64) -> bool {
    let from = lane.starts.partition_point(|&s| s < start);
    lane.starts
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .zip(lane.events.get(from..).unwrap_or(&[]))
        .take_while(|(s, _)| **s == start)
        .any(|(_, &e)| e == i)
}

/// How an event's date is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    /// One day: a dot.
    Dot,
    /// A stated span of days (or one day wide enough to show as a box): a box over the days.
    Span,
    /// Only the month or year is known: a bracket over the period, unlike a span.
    Period,
}

fn mark_kind(e: &Event, width_px: f64) -> MarkKind {
    match e.date.precision {
        Precision::Month | Precision::Year => MarkKind::Period,
        Precision::Day if e.date.end == e.date.start && width_px < 16.0 => MarkKind::Dot,
        Precision::Day => MarkKind::Span,
    }
}

/// The label of an event: its title, with an asterisk when a person edited it (explained in the legend).
fn label_text(e: &Event) -> String {
    if e.curated.is_empty() {
        e.title.clone()
    } else {
        format!("{} *", e.title)
    }
}

/// Distinct outlets that reported an event (what the badge counts: two copies from one outlet corroborate
/// nothing).
fn outlet_count(e: &Event) -> usize {
    e.outlets().len()
}

fn badge_width(e: &Event) -> f64 {
    match outlet_count(e) {
        0 | 1 => 0.0,
        n => 6.0 + text_width(&n.to_string(), BADGE_PX, true) as f64 + 8.0,
    }
}

/// Where an event sits in its row. With `whole` its label is never narrowed: a label with no room on its
/// marker's right goes to the left, or is moved left until it ends at the time area's right edge.
fn event_footprint(
    e: Option<&Event>,
    span: Option<(f64, f64)>,
    axis: &Axis,
    (tx0, tx1): (f64, f64),
    whole: bool,
    wrap_first: bool,
) -> Footprint {
    let (Some(e), Some((s, end))) = (e, span) else {
        return Footprint {
            left: tx0,
            marker_left: tx0,
            lines: 1,
            marker_right: tx0,
            label_x: tx0,
            label_w: 0.0,
            shares_bar: false,
        };
    };
    let x0 = axis.x_from_time(s);
    let x1 = axis.x_from_time(end).max(x0);
    // With whole labels the tray below carries the whole label of an event whose year is unknown: in its lane it
    // is its marker alone, where the year it is shown at puts it.
    let full = if whole && crate::timeline::index::is_year_unknown(e) {
        0.0
    } else {
        text_width(&label_text(e), LABEL_PX, false) as f64 + badge_width(e)
    };
    let kind = mark_kind(e, x1 - x0);
    let mut f = match kind {
        MarkKind::Dot => {
            let cx = (x0 + x1) / 2.0;
            let r = DOT_R as f64;
            let right_room = tx1 - (cx + r + 5.0);
            let left_room = cx - r - 5.0 - tx0;
            if whole
                && wrap_first
                && full > right_room
                && let Some((_, _, w)) = wrap_label(&label_text(e), badge_width(e), right_room)
            {
                // Two lines on the right rather than one on the left, where a long label crowds the rows.
                return Footprint {
                    left: cx - r,
                    marker_left: cx - r,
                    lines: 2,
                    marker_right: cx + r,
                    label_x: cx + r + 5.0,
                    label_w: w,
                    shares_bar: false,
                };
            }
            let flip = if whole {
                full > right_room && full <= left_room
            } else {
                full > right_room && right_room < full.min(FLIP_LABEL_PX) && left_room > right_room
            };
            let wrapped = (whole && full > right_room && full > left_room)
                .then(|| {
                    let (room, right) = if right_room >= left_room {
                        (right_room, true)
                    } else {
                        (left_room, false)
                    };
                    wrap_label(&label_text(e), badge_width(e), room).map(|w| (w.2, right))
                })
                .flatten();
            if let Some((w, right)) = wrapped {
                // Room on neither side for the whole label: it wraps onto a second row, on the wider side.
                let label_x = if right {
                    cx + r + 5.0
                } else {
                    cx - r - 5.0 - w
                };
                return Footprint {
                    left: label_x.min(cx - r),
                    marker_left: cx - r,
                    lines: 2,
                    marker_right: cx + r,
                    label_x,
                    label_w: w,
                    shares_bar: false,
                };
            }
            if flip {
                // Near the right edge: the label goes to the left of the dot.
                let w = full.min(left_room);
                Footprint {
                    left: cx - r - 5.0 - w,
                    marker_left: cx - r,
                    lines: 1,
                    marker_right: cx + r,
                    label_x: cx - r - 5.0 - w,
                    label_w: w,
                    shares_bar: false,
                }
            } else {
                Footprint {
                    left: cx - r,
                    marker_left: cx - r,
                    lines: 1,
                    marker_right: cx + r,
                    label_x: cx + r + 5.0,
                    label_w: full,
                    shares_bar: false,
                }
            }
        }
        MarkKind::Span | MarkKind::Period => {
            let l = x0.max(tx0);
            let r = x1.min(tx1).max(l + 8.0);
            // A wide bar carries its label inside; a narrow one, after it.
            let label_x = if r - l >= INSIDE_LABEL_MIN_PX {
                l + 5.0
            } else {
                r + 5.0
            };
            if whole && label_x + full > tx1 && l - 5.0 - full >= tx0 {
                // No room on the right: the whole label before the bar.
                Footprint {
                    left: l - 5.0 - full,
                    marker_left: l,
                    lines: 1,
                    marker_right: r,
                    label_x: l - 5.0 - full,
                    label_w: full,
                    shares_bar: false,
                }
            } else {
                // A month or year whose label sits inside its bracket can share the bracket with the other
                // events of that month or year, whatever their certainty (each label keeps its look).
                Footprint {
                    left: l,
                    marker_left: l,
                    lines: 1,
                    marker_right: r,
                    label_x,
                    label_w: full,
                    shares_bar: kind == MarkKind::Period && r - l >= INSIDE_LABEL_MIN_PX,
                }
            }
        }
    };
    if whole && f.label_x + full > tx1 {
        // Room on neither side: the label ends at the right edge, as far left as it must.
        f.label_x = (tx1 - full).max(tx0);
        f.left = f.left.min(f.label_x);
        f.label_w = full;
    }
    f.label_w = f.label_w.min(tx1 - f.label_x).max(0.0);
    f
}

/// A label in two lines, each at most `room` wide (the second with the badge after it), broken between words
/// where the wider line is narrowest: (first, second, width of the wider).
fn wrap_label(text: &str, badge: f64, room: f64) -> Option<(String, String, f64)> {
    let words: Vec<&str> = text.split(' ').collect();
    (1..words.len())
        .filter_map(|k| {
            let (a, b) = (words.get(..k)?.join(" "), words.get(k..)?.join(" "));
            let w = (text_width(&a, LABEL_PX, false) as f64)
                .max(text_width(&b, LABEL_PX, false) as f64 + badge);
            (w <= room).then_some((a, b, w))
        })
        .min_by(|x, y| x.2.total_cmp(&y.2))
}

fn cluster_footprint(g: &Group, axis: &Axis, (tx0, tx1): (f64, f64)) -> Footprint {
    // Inset by half the gap, so that the clusters of neighbouring periods share a row.
    let inset = ITEM_GAP_PX / 2.0;
    let mut l = axis.x_from_time(g.t0).max(tx0) + inset;
    let mut r = axis.x_from_time(g.t1).min(tx1) - inset;
    if r - l < CLUSTER_MIN_W {
        let c = (l + r) / 2.0;
        l = c - CLUSTER_MIN_W / 2.0;
        r = c + CLUSTER_MIN_W / 2.0;
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

#[allow(clippy::too_many_arguments)]
fn draw_event(
    e: &Event,
    i: usize,
    p: &Placed,
    cy: f32,
    color: Rgba,
    theme: &Theme,
    opts: &SceneOptions,
    shapes: &mut Vec<Shape>,
    hits: &mut Vec<Hit>,
    on_top: bool,
    row_h: f32,
) {
    let f = p.foot;
    let certainty = e.date.certainty;
    let (fill_alpha, stroke_alpha) = match certainty {
        Certainty::Stated => (1.0, 1.0),
        Certainty::Inferred => (0.45, 1.0),
        Certainty::Uncertain => (0.0, 0.7),
    };
    let stroke = Some((1.5, color.faded(stroke_alpha)));
    let (ml, mr) = (f.marker_left as f32, f.marker_right as f32);
    let width_px = mr - ml;
    let is_dot = mark_kind(e, 0.0) == MarkKind::Dot && width_px <= 2.0 * DOT_R + 0.5;
    if on_top {
        // A plate under the event so it reads above the cluster it belongs to.
        let right = (f.label_x + p.label_room).max(f.marker_right) as f32;
        shapes.push(Shape::Rect {
            x: (f.left as f32) - 4.0,
            y: cy - row_h / 2.0,
            w: right - f.left as f32 + 8.0,
            h: row_h,
            radius: 4.0,
            fill: Some(theme.background),
            stroke: Some((1.0, theme.selection)),
        });
    }
    if is_dot {
        let cx = (ml + mr) / 2.0;
        let r = if e.mentioned_only { DOT_R - 1.5 } else { DOT_R };
        shapes.push(Shape::Circle {
            cx,
            cy,
            r,
            fill: Some(if fill_alpha > 0.0 {
                color.faded(fill_alpha)
            } else {
                theme.background
            }),
            stroke,
        });
        if certainty == Certainty::Uncertain {
            shapes.push(text(cx, cy, "?", 9.0, color, true, Anchor::Middle));
        }
    } else {
        match mark_kind(e, f64::from(width_px)) {
            MarkKind::Period => {
                // A bracket under the label: the date is somewhere in this month or year. Its ends rise short of
                // the label's line, which may run past them.
                let by = cy + 0.4 * row_h;
                let c = color.faded(stroke_alpha);
                shapes.push(Shape::Line {
                    x1: ml,
                    y1: by,
                    x2: mr,
                    y2: by,
                    width: 2.0,
                    color: c,
                });
                for x in [ml, mr] {
                    shapes.push(Shape::Line {
                        x1: x,
                        y1: by - 4.0,
                        x2: x,
                        y2: by + 1.0,
                        width: 2.0,
                        color: c,
                    });
                }
            }
            _ => shapes.push(Shape::Rect {
                x: ml,
                y: cy - (row_h / 2.0 - 1.0).min(8.0),
                w: width_px,
                h: (row_h - 2.0).min(16.0),
                radius: 3.0,
                fill: (fill_alpha > 0.0).then(|| color.faded(0.22 * fill_alpha)),
                stroke,
            }),
        }
    }
    // A bar shared by several events is theirs together: each is known, hit and highlighted by its label.
    let (hl, hr) = if p.shared {
        let lx = f.label_x as f32;
        (lx, lx + p.label_room.min(f.label_w) as f32)
    } else {
        (ml, mr)
    };
    if opts.selected == Some(i) || opts.hovered == Some(i) {
        let c = if opts.selected == Some(i) {
            theme.selection
        } else {
            theme.muted
        };
        shapes.push(Shape::Rect {
            x: hl - 4.0,
            y: cy - 10.0,
            w: hr - hl + 8.0,
            h: 20.0,
            radius: 6.0,
            fill: None,
            stroke: Some((2.0, c)),
        });
    }
    if p.shared && f.label_x > f.marker_left + crate::timeline::stack::SHARED_LABEL_GAP {
        // The separator between two labels along one bar.
        shapes.push(text(
            (f.label_x - crate::timeline::stack::SHARED_LABEL_GAP / 2.0) as f32,
            cy - 2.0,
            "·",
            LABEL_PX,
            theme.muted,
            true,
            Anchor::Middle,
        ));
    }
    let mut right = hr;
    let room = p.label_room;
    let label_color = if certainty == Certainty::Uncertain {
        theme.muted
    } else {
        theme.text
    };
    let wrapped = if f.lines >= 2 && room >= crate::timeline::stack::MIN_LABEL_PX {
        wrap_label(&label_text(e), badge_width(e), room + 0.5)
    } else {
        None
    };
    if let Some((first, second, _)) = wrapped {
        // A label in two lines: the first beside the marker, the second in the row below. Left of its marker,
        // both lines end at the marker (the second with its badge), as the reader's eye goes back to the dot.
        let lx = f.label_x as f32;
        let (wa, wb) = (
            text_width(&first, LABEL_PX, false),
            text_width(&second, LABEL_PX, false),
        );
        let badge = badge_width(e) as f32;
        let left_of_marker = f.label_x < f.marker_left;
        let (xa, xb) = if left_of_marker {
            let end = lx + wa.max(wb + badge);
            (end - wa, end - badge - wb)
        } else {
            (lx, lx)
        };
        shapes.push(text(
            xa,
            cy,
            first,
            LABEL_PX,
            label_color,
            false,
            Anchor::Start,
        ));
        shapes.push(text(
            xb,
            cy + row_h,
            second,
            LABEL_PX,
            label_color,
            false,
            Anchor::Start,
        ));
        right = right.max(xa + wa).max(xb + wb);
        if badge > 0.0 {
            right = right.max(outlet_badge(e, xb + wb + 6.0, cy + row_h, theme, shapes));
        }
    } else if room >= crate::timeline::stack::MIN_LABEL_PX {
        let badge = badge_width(e);
        let full = f.label_w;
        let with_badge = badge > 0.0 && room + 0.5 >= full;
        let text_room = if with_badge { room - badge } else { room };
        if let Some(label) = fit_text(&label_text(e), LABEL_PX, false, text_room as f32) {
            let w = text_width(&label, LABEL_PX, false);
            let lx = f.label_x as f32;
            let text_y = if mark_kind(e, f64::from(width_px)) == MarkKind::Period && !is_dot {
                cy - 2.0
            } else {
                cy
            };
            shapes.push(text(
                lx,
                text_y,
                label,
                LABEL_PX,
                label_color,
                false,
                Anchor::Start,
            ));
            right = right.max(lx + w);
            if with_badge {
                right = outlet_badge(e, lx + w + 6.0, cy, theme, shapes);
            }
        }
    }
    let rows_tall = f.lines.max(1) as f32;
    hits.push(Hit {
        rect: [
            (f.left as f32).min(hl) - 2.0,
            cy - row_h / 2.0 + 1.0,
            right + 2.0,
            cy + row_h * (rows_tall - 0.5) - 1.0,
        ],
        target: HitTarget::Event(i),
    });
}

/// The badge counting the outlets that reported `e`, drawn from `bx` on the line centred on `cy`; its right.
fn outlet_badge(e: &Event, bx: f32, cy: f32, theme: &Theme, shapes: &mut Vec<Shape>) -> f32 {
    let n = outlet_count(e).to_string();
    let bw = text_width(&n, BADGE_PX, true) + 8.0;
    shapes.push(Shape::Rect {
        x: bx,
        y: cy - 7.0,
        w: bw,
        h: 14.0,
        radius: 3.0,
        fill: None,
        stroke: Some((1.0, theme.muted)),
    });
    shapes.push(text(
        bx + bw / 2.0,
        cy,
        n,
        BADGE_PX,
        theme.muted,
        true,
        Anchor::Middle,
    ));
    bx + bw
}

#[allow(clippy::too_many_arguments)]
fn draw_cluster(
    g: &Group,
    lane: usize,
    p: &Placed,
    cy: f32,
    color: Rgba,
    most: usize,
    theme: &Theme,
    shapes: &mut Vec<Shape>,
    hits: &mut Vec<Hit>,
    row_h: f32,
) {
    let (l, r) = (p.foot.left as f32, p.foot.marker_right as f32);
    // The shade grows with the count (on a log scale against the fullest cluster in view).
    let shade = 0.3 + 0.7 * ((g.count as f32).ln_1p() / (most.max(2) as f32).ln_1p()).min(1.0);
    let half = (row_h / 2.0 - 1.0).min(8.0);
    shapes.push(Shape::Rect {
        x: l,
        y: cy - half,
        w: r - l,
        h: 2.0 * half,
        radius: half,
        fill: Some(theme.cluster.faded(shade)),
        stroke: Some((1.5, color)),
    });
    let long = format!("{} events", compact_count(g.count));
    let label = if text_width(&long, 11.0, true) + 10.0 <= r - l {
        long
    } else {
        compact_count(g.count)
    };
    shapes.push(text(
        (l + r) / 2.0,
        cy,
        label,
        11.0,
        if shade > 0.55 {
            theme.background
        } else {
            theme.text
        },
        true,
        Anchor::Middle,
    ));
    hits.push(Hit {
        rect: [
            l - 1.0,
            cy - row_h / 2.0 + 1.0,
            r + 1.0,
            cy + row_h / 2.0 - 1.0,
        ],
        target: HitTarget::Cluster {
            t0: g.t0,
            t1: g.t1,
            count: g.count,
            lane,
        },
    });
}

/// A chip of the year-unknown tray laid out whole: its line, left, event, text and width.
#[derive(Debug, Clone, PartialEq)]
struct TrayChip {
    line: usize,
    x: f32,
    event: usize,
    label: String,
    w: f32,
}

/// A tray chip's text: `26 Jul · title`.
fn chip_text(e: &Event) -> String {
    format!(
        "{} {} · {}",
        e.date.start.day(),
        crate::timeline::ticks::month_abbr(e.date.start.month()),
        e.title
    )
}

/// Every chip of the tray whole (cut only when one alone is wider than the tray), flowing onto new lines; with
/// `max_lines`, those that would flow past it are left out, room kept for their count after the last chip. Gives
/// the chips and how many were left out.
fn tray_flow(
    events: &[Event],
    list: &[usize],
    (x0, x1): (f32, f32),
    max_lines: Option<usize>,
) -> (Vec<TrayChip>, usize) {
    let mut out = Vec::new();
    let (mut line, mut x) = (0, x0);
    for &i in list {
        let Some(e) = events.get(i) else { continue };
        let label = fit_text(&chip_text(e), 11.0, false, x1 - x0 - 12.0).unwrap_or_default();
        let w = text_width(&label, 11.0, false) + 12.0;
        if x > x0 && x + w > x1 {
            line += 1;
            x = x0;
        }
        out.push(TrayChip {
            line,
            x,
            event: i,
            label,
            w,
        });
        x += w + 8.0;
    }
    let Some(max) = max_lines.filter(|&m| out.last().is_some_and(|c| c.line >= m)) else {
        return (out, 0);
    };
    out.retain(|c| c.line < max);
    let more_w = |n: usize| text_width(&more_text(n), 11.0, false) + 8.0;
    while out
        .last()
        .is_some_and(|c| c.x + c.w + 8.0 + more_w(list.len() - out.len()) > x1)
    {
        out.pop();
    }
    let left_out = list.len() - out.len();
    (out, left_out)
}

/// The count of chips a tray leaves out.
fn more_text(n: usize) -> String {
    format!("+{n} more")
}

/// The tray of events whose year is unknown: `Year unknown (3):` and one chip per event, as many as fit (or,
/// given `flowed`, every chip whole on the lines laid out for it).
#[allow(clippy::too_many_arguments)]
fn year_unknown_tray(
    events: &[Event],
    list: &[usize],
    cy: f32,
    (x0, x1): (f32, f32),
    theme: &Theme,
    opts: &SceneOptions,
    flowed: Option<(&[TrayChip], usize)>,
    line_h: f32,
    shapes: &mut Vec<Shape>,
    hits: &mut Vec<Hit>,
) {
    shapes.push(text(
        12.0,
        cy,
        format!("Year unknown ({})", list.len()),
        11.0,
        theme.muted,
        true,
        Anchor::Start,
    ));
    if let Some((chips, more)) = flowed {
        if more > 0 {
            let (x, line) = chips.last().map_or((x0, 0), |c| (c.x + c.w + 8.0, c.line));
            shapes.push(text(
                x,
                cy + line as f32 * line_h,
                more_text(more),
                11.0,
                theme.muted,
                false,
                Anchor::Start,
            ));
        }
        for c in chips {
            let y = cy + c.line as f32 * line_h;
            tray_chip(
                c.x,
                y,
                c.w,
                &c.label,
                opts.selected == Some(c.event),
                theme,
                shapes,
            );
            hits.push(Hit {
                rect: [c.x, y - 9.0, c.x + c.w, y + 9.0],
                target: HitTarget::Event(c.event),
            });
        }
        return;
    }
    let mut x = x0;
    for (k, &i) in list.iter().enumerate() {
        let Some(e) = events.get(i) else { continue };
        let chip = chip_text(e);
        let rest = list.len() - k;
        let more_w = text_width(&more_text(rest), 11.0, false) + 8.0;
        let room = x1 - x - more_w - 16.0;
        let Some(label) = fit_text(&chip, 11.0, false, room.min(260.0)).filter(|_| room >= 60.0)
        else {
            shapes.push(text(
                x,
                cy,
                more_text(rest),
                11.0,
                theme.muted,
                false,
                Anchor::Start,
            ));
            break;
        };
        let w = text_width(&label, 11.0, false) + 12.0;
        tray_chip(x, cy, w, &label, opts.selected == Some(i), theme, shapes);
        hits.push(Hit {
            rect: [x, cy - 9.0, x + w, cy + 9.0],
            target: HitTarget::Event(i),
        });
        x += w + 8.0;
    }
}

/// One chip of the tray, `w` wide from `x`, on the line centred on `cy`.
#[allow(clippy::too_many_arguments)]
fn tray_chip(
    x: f32,
    cy: f32,
    w: f32,
    label: &str,
    selected: bool,
    theme: &Theme,
    shapes: &mut Vec<Shape>,
) {
    shapes.push(Shape::Rect {
        x,
        y: cy - 9.0,
        w,
        h: 18.0,
        radius: 9.0,
        fill: Some(theme.lane_alt),
        stroke: Some((
            if selected { 2.0 } else { 1.0 },
            if selected {
                theme.selection
            } else {
                theme.grid_major
            },
        )),
    });
    shapes.push(text(
        x + 6.0,
        cy,
        label,
        11.0,
        theme.text,
        false,
        Anchor::Start,
    ));
}

/// A cluster's count as it fits in its bubble: `987`, `1.2k`, `45k`, `1.2M` (cut, never rounded up, so that
/// `999` events never read as `1.0k`). The exact count is in the hover text.
pub fn compact_count(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_999 => format!("{}.{}k", n / 1_000, n % 1_000 / 100),
        10_000..=999_999 => format!("{}k", n / 1_000),
        _ => format!("{}.{}M", n / 1_000_000, n % 1_000_000 / 100_000),
    }
}

fn legend(theme: &Theme, curated: bool, cy: f32, width: f32, shapes: &mut Vec<Shape>) {
    let mut items: Vec<(&str, u8)> = vec![
        ("one day", 0),
        ("span of days", 1),
        ("month or year only", 2),
        ("day or year inferred", 3),
        ("year unknown", 4),
        ("crowded period (count)", 5),
        ("outlets reporting", 6),
    ];
    if curated {
        items.push(("curated by hand", 7));
    }
    let c = theme.lane_color(0);
    let mut x = 12.0;
    for (label, kind) in items {
        let sym_w: f32 = match kind {
            1 | 2 => 24.0,
            5 => 30.0,
            6 => 16.0,
            7 => 8.0,
            _ => 12.0,
        };
        let dot = |fill: Rgba| Shape::Circle {
            cx: x + 6.0,
            cy,
            r: DOT_R,
            fill: Some(fill),
            stroke: Some((1.5, c)),
        };
        match kind {
            0 => shapes.push(dot(c)),
            1 => shapes.push(Shape::Rect {
                x,
                y: cy - 8.0,
                w: sym_w,
                h: 16.0,
                radius: 3.0,
                fill: Some(c.faded(0.22)),
                stroke: Some((1.5, c)),
            }),
            2 => {
                let by = cy + 5.0;
                shapes.push(Shape::Line {
                    x1: x,
                    y1: by,
                    x2: x + sym_w,
                    y2: by,
                    width: 2.0,
                    color: c,
                });
                for bx in [x, x + sym_w] {
                    shapes.push(Shape::Line {
                        x1: bx,
                        y1: by - 6.0,
                        x2: bx,
                        y2: by + 1.0,
                        width: 2.0,
                        color: c,
                    });
                }
            }
            3 => shapes.push(dot(c.faded(0.45))),
            4 => {
                shapes.push(dot(theme.background));
                shapes.push(text(x + 6.0, cy, "?", 9.0, c, true, Anchor::Middle));
            }
            5 => {
                shapes.push(Shape::Rect {
                    x,
                    y: cy - 8.0,
                    w: sym_w,
                    h: 16.0,
                    radius: 8.0,
                    fill: Some(theme.cluster),
                    stroke: Some((1.5, c)),
                });
                shapes.push(text(
                    x + sym_w / 2.0,
                    cy,
                    "5",
                    11.0,
                    theme.background,
                    true,
                    Anchor::Middle,
                ));
            }
            6 => {
                shapes.push(Shape::Rect {
                    x,
                    y: cy - 7.0,
                    w: sym_w,
                    h: 14.0,
                    radius: 3.0,
                    fill: None,
                    stroke: Some((1.0, theme.muted)),
                });
                shapes.push(text(
                    x + sym_w / 2.0,
                    cy,
                    "3",
                    BADGE_PX,
                    theme.muted,
                    true,
                    Anchor::Middle,
                ));
            }
            _ => shapes.push(text(
                x + 4.0,
                cy,
                "*",
                13.0,
                theme.text,
                true,
                Anchor::Middle,
            )),
        }
        shapes.push(text(
            x + sym_w + 6.0,
            cy,
            label,
            11.0,
            theme.muted,
            false,
            Anchor::Start,
        ));
        x += sym_w + 6.0 + text_width(label, 11.0, false) + 22.0;
        if x > width - 60.0 {
            break;
        }
    }
}

/// Which events an export of `view` draws: those shown whose span (a day at least) meets the view.
pub fn shown_in_view(events: &[Event], shown: &[bool], view: TimeView) -> Vec<bool> {
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (s, end) = event_span(e);
            shown.get(i).copied().unwrap_or(true) && s < view.end && end.max(s + 1.0) > view.start
        })
        .collect()
}

/// The subtitle of an exported range: the exact first and last day when given (`1 Jan 2018 – 31 Dec 2018`),
/// else the months of the first and last dates of the events drawn (`Jan 2006 – Dec 2025`), each event's span
/// cut to the view; the view's own days when no event is in it.
pub fn range_subtitle(
    events: &[Event],
    shown: &[bool],
    view: TimeView,
    exact: (Option<f64>, Option<f64>),
) -> String {
    let day = |t: f64| {
        let d = crate::timeline::date_of(t);
        format!(
            "{} {} {}",
            d.day(),
            crate::timeline::ticks::month_abbr(d.month()),
            d.year()
        )
    };
    let month = |t: f64| {
        let d = crate::timeline::date_of(t);
        format!(
            "{} {}",
            crate::timeline::ticks::month_abbr(d.month()),
            d.year()
        )
    };
    let inside = shown_in_view(events, shown, view);
    let extent = events
        .iter()
        .zip(&inside)
        .filter(|(_, k)| **k)
        .map(|(e, _)| {
            let (s, end) = event_span(e);
            (s.max(view.start), end.max(s + 1.0).min(view.end) - 1.0)
        })
        .reduce(|(a, b), (s, e)| (a.min(s), b.max(e)));
    let (first, last) = match (exact, extent) {
        ((a, b), Some((s, e))) => (
            a.map_or_else(|| month(s), day),
            b.map_or_else(|| month(e), day),
        ),
        ((a, b), None) => (
            day(a.unwrap_or(view.start)),
            day(b.unwrap_or(view.end - 1.0)),
        ),
    };
    if first == last {
        first
    } else {
        format!("{first} – {last}")
    }
}

/// "N events from M articles, K outlets — generated YYYY-MM-DD".
pub fn footer_text(events: &[Event], shown: &[bool], generated: chrono::NaiveDate) -> String {
    let visible: Vec<&Event> = events
        .iter()
        .enumerate()
        .filter(|(i, _)| shown.get(*i).copied().unwrap_or(true))
        .map(|(_, e)| e)
        .collect();
    let mut articles: Vec<&str> = visible
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.article_id.as_str()))
        .collect();
    articles.sort();
    articles.dedup();
    let mut outlets: Vec<String> = visible.iter().flat_map(|e| e.outlets()).collect();
    outlets.sort();
    outlets.dedup();
    format!(
        "{} events from {} articles, {} outlets — generated {}",
        visible.len(),
        articles.len(),
        outlets.len(),
        generated.format("%Y-%m-%d")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::day_number;
    use crate::timeline::lanes::tests_support::ev;

    #[test]
    fn cluster_counts_fit_their_bubble() {
        let cases = [
            (7, "7"),
            (999, "999"),
            (1_000, "1.0k"),
            (1_999, "1.9k"),
            (9_999, "9.9k"),
            (10_000, "10k"),
            (123_456, "123k"),
            (999_999, "999k"),
            (1_000_000, "1.0M"),
            (12_345_678, "12.3M"),
        ];
        for (n, want) in cases {
            assert_eq!(compact_count(n), want, "{n}");
        }
    }

    #[test]
    fn every_visible_event_is_a_marker_or_in_a_cluster() {
        let events: Vec<Event> = (1..=28)
            .map(|d| ev(d, if d % 2 == 0 { "ASEAN" } else { "UN" }, &[], &["A"]))
            .collect();
        let shown = vec![true; events.len()];
        for view in [
            TimeView::default(),
            TimeView::fit(
                day_number(events[0].date.start),
                day_number(events[27].date.start),
                0.05,
            ),
        ] {
            let s = build(&events, &shown, view, &SceneOptions::default());
            let clustered: usize = s
                .hits
                .iter()
                .map(|h| match h.target {
                    HitTarget::Cluster { count, .. } => count,
                    HitTarget::Event(_) => 1,
                })
                .sum();
            assert_eq!(clustered, 28);
        }
    }

    #[test]
    fn labels_do_not_overlap_within_a_lane() {
        let events: Vec<Event> = (1..=28).map(|d| ev(d, "ASEAN", &[], &["A"])).collect();
        let shown = vec![true; events.len()];
        let view = TimeView::fit(
            day_number(events[0].date.start),
            day_number(events[27].date.start),
            0.05,
        );
        let s = build(
            &events,
            &shown,
            view,
            &SceneOptions {
                width: 2000.0,
                ..Default::default()
            },
        );
        assert_no_hit_overlaps(&s);
    }

    #[test]
    fn events_known_only_by_their_year_share_its_bracket_and_stay_apart_to_click() {
        // Four events of 2018 known by their year only, and a day in it: the year's events take one row (their
        // labels side by side along one bracket), each label its own hit, none over another.
        let mut events: Vec<Event> = (1..=4)
            .map(|d| {
                let mut e = ev(d, "ASEAN", &[], &["A"]);
                e.date = crate::model::DateSpan::year(2018, Certainty::Stated).unwrap();
                e.title = format!("Meeting {d}");
                e
            })
            .collect();
        events.push(ev(20, "ASEAN", &[], &["A"]));
        let shown = vec![true; events.len()];
        let view = TimeView::new(
            day_number(chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()),
            day_number(chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()),
        );
        let s = build(
            &events,
            &shown,
            view,
            &SceneOptions {
                width: 1600.0,
                ..Default::default()
            },
        );
        assert_no_hit_overlaps(&s);
        let hit_of = |i: usize| {
            s.hits
                .iter()
                .find(|h| h.target == HitTarget::Event(i))
                .map(|h| h.rect)
        };
        let rects: Vec<[f32; 4]> = (0..4).filter_map(hit_of).collect();
        assert_eq!(rects.len(), 4);
        // One row: the same top; left to right along the bracket.
        assert!(
            rects.iter().all(|r| (r[1] - rects[0][1]).abs() < 0.5),
            "{rects:?}"
        );
        assert!(rects.windows(2).all(|w| w[0][2] < w[1][0]), "{rects:?}");
        let day = hit_of(4).unwrap();
        assert!(day[1] > rects[0][1], "the day sits in a row below: {day:?}");
    }

    #[test]
    fn a_page_gives_its_lanes_the_overviews_band_then_tighter_rows_before_it_clusters() {
        // Events a day apart whose long labels each take a row of their own, on a page 400 px tall: the lanes have
        // 276 px beside the overview, 324 px without it.
        let page = |n: u32| {
            let events: Vec<Event> = (1..=n)
                .map(|d| {
                    let mut e = ev(d, "ASEAN", &[], &["A"]);
                    e.title = format!(
                        "A meeting whose label is long enough to reach past every other day {d}"
                    );
                    e
                })
                .collect();
            let shown = vec![true; events.len()];
            let view = TimeView::exact(
                day_number(events[0].date.start) - 3.0,
                day_number(events[0].date.start) + 60.0,
            )
            .unwrap();
            let s = build(
                &events,
                &shown,
                view,
                &SceneOptions {
                    width: 1280.0,
                    height: Some(400.0),
                    full_labels: true,
                    ..Default::default()
                },
            );
            let overview = s
                .shapes
                .iter()
                .any(|sh| matches!(sh, Shape::Text { text, .. } if text == "Overview"));
            let events_hit = s
                .hits
                .iter()
                .filter(|h| matches!(h.target, HitTarget::Event(_)))
                .count();
            let clusters = s.hits.len() - events_hit;
            let whole_labels = s
                .shapes
                .iter()
                .filter(|sh| matches!(sh, Shape::Text { text, .. } if events.iter().any(|e| e.title == *text)))
                .count();
            assert!(whole_labels <= events_hit);
            let tops: Vec<f32> = s.hits.iter().map(|h| h.rect[1]).collect();
            let step = tops
                .windows(2)
                .map(|w| (w[1] - w[0]).abs())
                .fold(f32::INFINITY, f32::min);
            assert_no_hit_overlaps(&s);
            (overview, whole_labels, clusters, step, s.height)
        };
        // 12 rows fit beside the overview, in rows of 18 px.
        assert_eq!(page(12), (true, 12, 0, 18.0, 400.0));
        // 16 rows need the overview's band.
        assert_eq!(page(16), (false, 16, 0, 18.0, 400.0));
        // 20 rows fit only in rows of 15 px.
        assert_eq!(page(20), (false, 20, 0, 15.0, 400.0));
        // 30 do not fit at all: the rows stay tight and labels are cut (then periods clustered); the page keeps its
        // size.
        let (overview, whole, _, step, height) = page(30);
        assert!(
            !overview && whole < 30 && step == 15.0 && height == 400.0,
            "{:?}",
            (overview, whole, step, height)
        );
    }

    #[test]
    fn rows_left_over_go_to_the_lanes_that_want_them() {
        // Room for 9 rows of lanes wanting 8, 2 and 1: the same cap for all would give 3 + 2 + 1.
        let m = Rows::NORMAL;
        let avail = m.lane(6) + m.lane(2) + m.lane(1);
        let rows = fit_rows(&[8, 2, 1], avail, m);
        assert_eq!(rows, vec![6, 2, 1]);
        assert!(rows.iter().map(|&r| m.lane(r)).sum::<f32>() <= avail);
        // Everything fits: every lane its rows.
        assert_eq!(fit_rows(&[3, 2], 1000.0, m), vec![3, 2]);
    }

    #[test]
    fn a_label_too_long_for_either_side_wraps_between_words() {
        let text = "View all search results Animated subjects: Indonesian Foreign Minister speaks";
        let full = text_width(text, LABEL_PX, false) as f64;
        let (a, b, w) = wrap_label(text, 20.0, full * 0.6).unwrap();
        assert_eq!(format!("{a} {b}"), text);
        assert!(w <= full * 0.6 && w >= full / 2.0);
        assert!(text_width(&b, LABEL_PX, false) as f64 + 20.0 <= w + 1e-6);
        // No break leaves both lines narrow enough: no wrap.
        assert!(wrap_label(text, 0.0, full * 0.3).is_none());
        assert!(wrap_label("Oneword", 0.0, 10.0).is_none());
    }

    fn assert_no_hit_overlaps(s: &Scene) {
        for (k, a) in s.hits.iter().enumerate() {
            for b in &s.hits[k + 1..] {
                let (a, b) = (a.rect, b.rect);
                let apart = a[2] <= b[0] + 0.5
                    || b[2] <= a[0] + 0.5
                    || a[3] <= b[1] + 0.5
                    || b[3] <= a[1] + 0.5;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }
}
