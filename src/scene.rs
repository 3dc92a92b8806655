//! What the timeline looks like, as plain shapes and text. The GUI paints a [`Scene`] with egui's painter; the
//! exporter writes the same scene to SVG and PNG. Built from the model and a view; no window needed.

use crate::fonts::{fit_text, text_width};
use crate::model::{Certainty, Event, Precision};
use crate::theme::{Rgba, Theme, ThemeKind};
use crate::timeline::axis::Axis;
use crate::timeline::index::TimelineIndex;
use crate::timeline::lanes::{Lane, LaneMode};
use crate::timeline::lod::{MARKER_BUDGET, Mark, density_counted, lane_marks};
use crate::timeline::ticks::{span_header, ticks};
use crate::timeline::view::TimeView;
use crate::timeline::ymd;

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
    /// A cluster: its time range and count.
    Cluster {
        /// Earliest start.
        t0: f64,
        /// Latest end.
        t1: f64,
        /// Number of events.
        count: usize,
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
        }
    }
}

/// Width of the lane label column.
pub const LANE_LABEL_W: f32 = 150.0;
const HEADER_H: f32 = 30.0;
const TITLE_H: f32 = 34.0;
const AXIS_H: f32 = 26.0;
const LANE_H: f32 = 52.0;
const MIN_LANE_H: f32 = 34.0;
const OVERVIEW_H: f32 = 40.0;
const LEGEND_H: f32 = 30.0;
const FOOTER_H: f32 = 24.0;
const LABEL_PX: f32 = 12.0;
const TICK_PX: f32 = 12.0;
const MIN_MARK_GAP_PX: f64 = 14.0;

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
    let theme = Theme::of(opts.theme);
    let lanes = &index.lanes;
    let spans = &index.spans;
    let width = opts.width.max(LANE_LABEL_W + 100.0);

    // Vertical layout.
    let mut y = 0.0;
    let title_y = opts.title.as_ref().map(|_| {
        let c = y + TITLE_H / 2.0 + 4.0;
        y += TITLE_H;
        c
    });
    let header_y = y + HEADER_H / 2.0;
    y += HEADER_H;
    let axis_top = y;
    y += AXIS_H;
    let lanes_top = y;
    let bottom_extra = if opts.overview { OVERVIEW_H + 8.0 } else { 0.0 }
        + if opts.legend { LEGEND_H } else { 0.0 }
        + if opts.footer.is_some() { FOOTER_H } else { 0.0 };
    let n_lanes = lanes.len().max(1) as f32;
    let lane_h = match opts.height {
        Some(h) => ((h - lanes_top - bottom_extra - 6.0) / n_lanes).clamp(MIN_LANE_H, LANE_H * 1.6),
        None => LANE_H,
    };
    let lanes_bottom = lanes_top + lane_h * n_lanes;
    let height = opts
        .height
        .unwrap_or(lanes_bottom + bottom_extra + 6.0)
        .max(lanes_bottom + 6.0);
    let time_x0 = LANE_LABEL_W;
    let time_x1 = width - 8.0;
    let axis = Axis::new(view, time_x0 as f64, (time_x1 - time_x0) as f64);

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
    let header = span_header(&axis);
    shapes.push(text(
        12.0,
        header_y,
        header.clone(),
        15.0,
        theme.text,
        true,
        Anchor::Start,
    ));

    // Lane backgrounds and labels.
    for (li, lane) in lanes.iter().enumerate() {
        let top = lanes_top + lane_h * li as f32;
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
        let color = theme.lane_color(li);
        shapes.push(Shape::Rect {
            x: 0.0,
            y: top + 6.0,
            w: 4.0,
            h: lane_h - 12.0,
            radius: 2.0,
            fill: Some(color),
            stroke: None,
        });
        let label = fit_text(&lane.key, 13.0, true, LANE_LABEL_W - 22.0).unwrap_or_default();
        shapes.push(text(
            12.0,
            top + lane_h / 2.0 - 7.0,
            label,
            13.0,
            theme.text,
            true,
            Anchor::Start,
        ));
        let n = lane.events.len();
        shapes.push(text(
            12.0,
            top + lane_h / 2.0 + 9.0,
            format!("{n} event{}", if n == 1 { "" } else { "s" }),
            11.0,
            theme.muted,
            false,
            Anchor::Start,
        ));
    }

    // Ticks: grid lines through the lanes, labels on the axis.
    let t = ticks(&axis, TICK_PX);
    let mut tick_labels = Vec::new();
    for tick in &t.ticks {
        let x = tick.x as f32;
        if x < time_x0 || x > time_x1 {
            continue;
        }
        let color = if tick.major {
            theme.grid_major
        } else {
            theme.grid
        };
        shapes.push(Shape::Line {
            x1: x,
            y1: axis_top + 4.0,
            x2: x,
            y2: lanes_bottom,
            width: 1.0,
            color: color.faded(tick.alpha),
        });
        if let Some(label) = &tick.label {
            let w = text_width(label, TICK_PX, false);
            if x + 4.0 + w <= time_x1 {
                shapes.push(text(
                    x + 4.0,
                    axis_top + AXIS_H / 2.0,
                    label.clone(),
                    TICK_PX,
                    theme.muted.faded(tick.alpha),
                    false,
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

    // Markers and labels.
    for (li, lane) in lanes.iter().enumerate() {
        let cy = lanes_top + lane_h * li as f32 + lane_h / 2.0;
        let color = theme.lane_color(li);
        let marks = lane_marks(lane, spans, &axis, MIN_MARK_GAP_PX, MARKER_BUDGET);
        draw_lane(
            events,
            lane,
            &marks,
            cy,
            color,
            &theme,
            opts,
            (time_x0, time_x1),
            &mut shapes,
            &mut hits,
            &mut drawn_events,
        );
    }

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
    let mut yb = lanes_bottom + 8.0;
    if opts.overview {
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
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_lane(
    events: &[Event],
    _lane: &Lane,
    marks: &[Mark],
    cy: f32,
    color: Rgba,
    theme: &Theme,
    opts: &SceneOptions,
    (time_x0, time_x1): (f32, f32),
    shapes: &mut Vec<Shape>,
    hits: &mut Vec<Hit>,
    drawn: &mut Vec<usize>,
) {
    for (mi, mark) in marks.iter().enumerate() {
        let next_x0 = marks
            .get(mi + 1)
            .map(|m| m.extent().0 as f32)
            .unwrap_or(time_x1 + 6.0);
        match mark {
            Mark::Single { event, x0, x1 } => {
                let Some(e) = events.get(*event) else {
                    continue;
                };
                let (x0, x1) = ((*x0 as f32).max(time_x0), (*x1 as f32).min(time_x1));
                let uncertain = e.date.certainty == Certainty::Uncertain;
                let fill = if uncertain {
                    color.faded(0.3)
                } else if e.mentioned_only {
                    color.faded(0.65)
                } else {
                    color
                };
                let stroke = Some((1.5, color));
                let is_bar = e.date.precision != Precision::Day || x1 - x0 >= 10.0;
                let (left, right) = if is_bar {
                    let w = (x1 - x0).max(8.0);
                    shapes.push(Shape::Rect {
                        x: x0,
                        y: cy - 5.0,
                        w,
                        h: 10.0,
                        radius: 3.0,
                        fill: Some(fill),
                        stroke,
                    });
                    (x0, x0 + w)
                } else {
                    let cx = (x0 + x1) / 2.0;
                    let r = if e.mentioned_only { 4.5 } else { 6.0 };
                    shapes.push(Shape::Circle {
                        cx,
                        cy,
                        r,
                        fill: Some(fill),
                        stroke,
                    });
                    (cx - r, cx + r)
                };
                if opts.selected == Some(*event) || opts.hovered == Some(*event) {
                    let c = if opts.selected == Some(*event) {
                        theme.selection
                    } else {
                        theme.muted
                    };
                    shapes.push(Shape::Rect {
                        x: left - 4.0,
                        y: cy - 10.0,
                        w: right - left + 8.0,
                        h: 20.0,
                        radius: 6.0,
                        fill: None,
                        stroke: Some((2.0, c)),
                    });
                }
                let mut label_x = right + 6.0;
                if e.sources.len() > 1 {
                    let bx = right + 6.0;
                    shapes.push(Shape::Circle {
                        cx: bx,
                        cy: cy - 8.0,
                        r: 7.0,
                        fill: Some(theme.text),
                        stroke: None,
                    });
                    shapes.push(text(
                        bx,
                        cy - 8.0,
                        e.sources.len().to_string(),
                        9.0,
                        theme.background,
                        true,
                        Anchor::Middle,
                    ));
                    label_x = bx + 10.0;
                }
                hits.push(Hit {
                    rect: [left - 3.0, cy - 11.0, right + 3.0, cy + 11.0],
                    target: HitTarget::Event(*event),
                });
                drawn.push(*event);
                let room = next_x0 - 8.0 - label_x;
                // Events a person edited carry an asterisk (explained in the legend).
                let mark = if e.curated.is_empty() { "" } else { " *" };
                let mark_w = text_width(mark, LABEL_PX, false);
                if room >= 36.0
                    && let Some(label) =
                        fit_text(&e.title, LABEL_PX, false, room.min(320.0) - mark_w)
                {
                    let label = format!("{label}{mark}");
                    let w = text_width(&label, LABEL_PX, false);
                    shapes.push(text(
                        label_x,
                        cy,
                        label,
                        LABEL_PX,
                        if uncertain { theme.muted } else { theme.text },
                        false,
                        Anchor::Start,
                    ));
                    if let Some(h) = hits.last_mut() {
                        h.rect[2] = label_x + w;
                    }
                }
            }
            Mark::Cluster {
                count,
                x0,
                x1,
                t0,
                t1,
            } => {
                let n = *count;
                let (x0, x1) = ((*x0 as f32).max(time_x0), (*x1 as f32).min(time_x1));
                let r = (8.0 + (n as f32).ln() * 2.5).min(16.0);
                let cx = ((x0 + x1) / 2.0).clamp(time_x0 + r, time_x1 - r);
                if x1 - x0 > 2.0 * r {
                    shapes.push(Shape::Rect {
                        x: x0,
                        y: cy - 3.0,
                        w: x1 - x0,
                        h: 6.0,
                        radius: 3.0,
                        fill: Some(color.faded(0.35)),
                        stroke: None,
                    });
                }
                shapes.push(Shape::Circle {
                    cx,
                    cy,
                    r,
                    fill: Some(theme.cluster),
                    stroke: Some((2.0, color)),
                });
                shapes.push(text(
                    cx,
                    cy,
                    compact_count(n),
                    11.0,
                    theme.background,
                    true,
                    Anchor::Middle,
                ));
                hits.push(Hit {
                    rect: [cx - r - 2.0, cy - r - 2.0, cx + r + 2.0, cy + r + 2.0],
                    target: HitTarget::Cluster {
                        t0: *t0,
                        t1: *t1,
                        count: n,
                    },
                });
            }
        }
    }
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
    let mut x = 12.0;
    let mut items: Vec<(&str, u8)> = vec![
        ("one day", 0),
        ("days, month or year", 1),
        ("uncertain date", 2),
        ("cluster (count)", 3),
        ("number of sources", 4),
    ];
    if curated {
        items.push(("curated by hand", 5));
    }
    let c = theme.lane_color(0);
    for (label, kind) in items {
        match kind {
            0 => shapes.push(Shape::Circle {
                cx: x + 6.0,
                cy,
                r: 6.0,
                fill: Some(c),
                stroke: Some((1.5, c)),
            }),
            1 => shapes.push(Shape::Rect {
                x,
                y: cy - 5.0,
                w: 22.0,
                h: 10.0,
                radius: 3.0,
                fill: Some(c),
                stroke: Some((1.5, c)),
            }),
            2 => shapes.push(Shape::Circle {
                cx: x + 6.0,
                cy,
                r: 6.0,
                fill: Some(c.faded(0.3)),
                stroke: Some((1.5, c)),
            }),
            3 => {
                shapes.push(Shape::Circle {
                    cx: x + 9.0,
                    cy,
                    r: 9.0,
                    fill: Some(theme.cluster),
                    stroke: Some((2.0, c)),
                });
                shapes.push(text(
                    x + 9.0,
                    cy,
                    "5",
                    11.0,
                    theme.background,
                    true,
                    Anchor::Middle,
                ));
            }
            5 => shapes.push(text(
                x + 4.0,
                cy,
                "*",
                13.0,
                theme.text,
                true,
                Anchor::Middle,
            )),
            _ => {
                shapes.push(Shape::Circle {
                    cx: x + 7.0,
                    cy,
                    r: 7.0,
                    fill: Some(theme.text),
                    stroke: None,
                });
                shapes.push(text(
                    x + 7.0,
                    cy,
                    "3",
                    9.0,
                    theme.background,
                    true,
                    Anchor::Middle,
                ));
            }
        }
        let sym_w = match kind {
            1 => 22.0,
            3 => 18.0,
            4 => 14.0,
            5 => 8.0,
            _ => 12.0,
        };
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
        let mut rects: Vec<[f32; 4]> = s.hits.iter().map(|h| h.rect).collect();
        rects.sort_by(|a, b| a[0].total_cmp(&b[0]));
        for w in rects.windows(2) {
            assert!(w[1][0] >= w[0][2] - 0.5, "{:?} overlaps {:?}", w[0], w[1]);
        }
    }
}
