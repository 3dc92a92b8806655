//! Calendar ticks: years → quarters → months → weeks → days. The finest tier whose labels fit is labelled;
//! the next finer tier draws unlabelled minor lines. Labels fade in as their spacing grows and never collide.

use super::axis::Axis;
use super::{date_of, day_number};
use chrono::{Datelike, Duration, NaiveDate};

/// A tick spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// Every `n` years.
    Years(u32),
    /// Every `n` months (3 = quarters).
    Months(u32),
    /// Every Monday.
    Weeks,
    /// Every day.
    Days,
}

/// Tiers from coarse to fine.
pub const TIERS: &[Tier] = &[
    Tier::Years(50),
    Tier::Years(20),
    Tier::Years(10),
    Tier::Years(5),
    Tier::Years(2),
    Tier::Years(1),
    Tier::Months(6),
    Tier::Months(3),
    Tier::Months(1),
    Tier::Weeks,
    Tier::Days,
];

const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Short month name, `Jan` … `Dec`.
pub fn month_abbr(m: u32) -> &'static str {
    MONTH_ABBR
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// Full English month name.
pub fn month_name(m: u32) -> &'static str {
    crate::model::month_name_en(m)
}

impl Tier {
    /// Approximate days between ticks.
    pub fn approx_days(self) -> f64 {
        match self {
            Tier::Years(n) => n as f64 * 365.25,
            Tier::Months(n) => n as f64 * 30.44,
            Tier::Weeks => 7.0,
            Tier::Days => 1.0,
        }
    }

    /// The label of a tick at `d` in this tier.
    pub fn label(self, d: NaiveDate) -> String {
        match self {
            Tier::Years(_) => d.year().to_string(),
            Tier::Months(_) if d.month() == 1 => d.year().to_string(),
            Tier::Months(3) => format!("Q{} {}", (d.month() - 1) / 3 + 1, d.year()),
            Tier::Months(_) => month_abbr(d.month()).to_string(),
            Tier::Weeks => format!("{} {}", d.day(), month_abbr(d.month())),
            Tier::Days if d.day() == 1 => format!("1 {}", month_abbr(d.month())),
            Tier::Days => d.day().to_string(),
        }
    }

    /// Tick dates in `[t0, t1]`.
    pub fn ticks(self, t0: f64, t1: f64) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let start = date_of(t0);
        let end = date_of(t1);
        let mut d = match self {
            Tier::Years(n) => {
                let y = start.year().div_euclid(n as i32) * n as i32;
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
            Tier::Months(n) => {
                let m0 = (start.month0() / n) * n;
                NaiveDate::from_ymd_opt(start.year(), m0 + 1, 1)
            }
            Tier::Weeks => {
                Some(start - Duration::days(start.weekday().num_days_from_monday() as i64))
            }
            Tier::Days => Some(start),
        };
        while let Some(cur) = d {
            if cur > end || day_number(cur) >= t1 || out.len() > 5000 {
                break;
            }
            if day_number(cur) >= t0 {
                out.push(cur);
            }
            d = match self {
                Tier::Years(n) => NaiveDate::from_ymd_opt(cur.year() + n as i32, 1, 1),
                Tier::Months(n) => {
                    let total = cur.year() * 12 + cur.month0() as i32 + n as i32;
                    NaiveDate::from_ymd_opt(
                        total.div_euclid(12),
                        total.rem_euclid(12) as u32 + 1,
                        1,
                    )
                }
                Tier::Weeks => cur.checked_add_signed(Duration::days(7)),
                Tier::Days => cur.checked_add_signed(Duration::days(1)),
            };
        }
        out
    }
}

/// Which level of the axis a tick belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The upper level: the period the minor ticks belong to (a year over months, a month over days).
    Major,
    /// The lower level: one labelled tick per step of the finest tier whose labels fit.
    Minor,
    /// Unlabelled lines of the next finer tier, drawn through the lanes only.
    Faint,
}

/// One tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Its x.
    pub x: f64,
    /// Its date.
    pub date: NaiveDate,
    /// Its label (major and minor levels).
    pub label: Option<String>,
    /// Opacity 0–1 (fading in as spacing grows).
    pub alpha: f32,
    /// Major, minor or faint.
    pub level: Level,
    /// Whether a grid line is drawn (the upper level's label at the left edge has none).
    pub line: bool,
}

/// The ticks of an axis, given the label font size.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// The tier labelled on the lower level.
    pub minor_tier: Tier,
    /// The tier of the upper level (years over months, months over weeks and days), if any.
    pub major_tier: Option<Tier>,
    /// Ticks of every level, by x.
    pub ticks: Vec<Tick>,
}

/// Room between a label and the next tick line.
const LABEL_PAD: f64 = 10.0;

impl Tier {
    /// The short label of a lower-level tick: the upper level names the year or month around it.
    pub fn short_label(self, d: NaiveDate) -> String {
        match self {
            Tier::Years(_) => d.year().to_string(),
            Tier::Months(6) => format!("H{}", d.month0() / 6 + 1),
            Tier::Months(3) => format!("Q{}", d.month0() / 3 + 1),
            Tier::Months(_) => month_abbr(d.month()).to_string(),
            Tier::Weeks | Tier::Days => d.day().to_string(),
        }
    }

    fn widest_short_label(self) -> &'static str {
        match self {
            Tier::Years(_) => "2088",
            Tier::Months(6) => "H2",
            Tier::Months(3) => "Q4",
            Tier::Months(_) => "May",
            Tier::Weeks | Tier::Days => "28",
        }
    }

    /// The upper-level tier above this lower-level tier.
    pub fn major(self) -> Option<Tier> {
        match self {
            Tier::Years(_) => None,
            Tier::Months(_) => Some(Tier::Years(1)),
            Tier::Weeks | Tier::Days => Some(Tier::Months(1)),
        }
    }
}

/// Labels for an upper-level tick at `d`, longest first.
fn major_labels(tier: Tier, d: NaiveDate) -> Vec<String> {
    match tier {
        Tier::Months(_) => vec![
            format!("{} {}", month_name(d.month()), d.year()),
            format!("{} {}", month_abbr(d.month()), d.year()),
            month_abbr(d.month()).to_string(),
        ],
        _ => vec![d.year().to_string()],
    }
}

/// Computes the ticks for `axis` with labels at `font_px`: the finest tier whose short labels all fit is labelled
/// on the lower level, the period around it on the upper level (a label also at the left edge, so the year or
/// month is always named), and the next finer tier as faint lines.
pub fn ticks(axis: &Axis, font_px: f32) -> Ticks {
    let ppd = axis.px_per_day();
    let min_days = |tier: Tier| match tier {
        Tier::Months(n) => n as f64 * 28.0,
        Tier::Years(n) => n as f64 * 365.0,
        t => t.approx_days(),
    };
    let need = |tier: Tier| {
        crate::fonts::text_width(tier.widest_short_label(), font_px, false) as f64 + 4.0 + LABEL_PAD
    };
    let mut minor = Tier::Years(50);
    for &tier in TIERS {
        if min_days(tier) * ppd >= need(tier) {
            minor = tier;
        }
    }
    let spacing = min_days(minor) * ppd;
    let alpha = ((spacing - need(minor)) / (need(minor) * 0.5)).clamp(0.0, 1.0) as f32 * 0.5 + 0.5;
    let (v0, v1) = (axis.view.start, axis.view.end);
    let mut out: Vec<Tick> = minor
        .ticks(v0, v1)
        .into_iter()
        .map(|d| Tick {
            x: axis.x_from_time(day_number(d)),
            date: d,
            label: Some(minor.short_label(d)),
            alpha,
            level: Level::Minor,
            line: true,
        })
        .collect();
    let major_tier = minor.major();
    if let Some(major) = major_tier {
        let dates = major.ticks(v0, v1);
        let xs: Vec<f64> = dates
            .iter()
            .map(|d| axis.x_from_time(day_number(*d)))
            .collect();
        let x_left = axis.x_from_time(v0);
        let x_right = axis.x_from_time(v1);
        // The period the view starts in, named at the left edge when its own tick is off screen.
        let first_in_view = dates.first().copied();
        let leading = date_of(v0);
        let leading = match major {
            Tier::Months(_) => NaiveDate::from_ymd_opt(leading.year(), leading.month(), 1),
            _ => NaiveDate::from_ymd_opt(leading.year(), 1, 1),
        };
        let mut labelled: Vec<(f64, NaiveDate)> = Vec::new();
        if let Some(l) = leading
            && first_in_view != Some(l)
        {
            labelled.push((x_left, l));
        }
        labelled.extend(xs.iter().copied().zip(dates.iter().copied()));
        for (k, &(x, d)) in labelled.iter().enumerate() {
            let next = labelled.get(k + 1).map_or(x_right, |n| n.0);
            let room = next - x - 4.0 - LABEL_PAD;
            let label = major_labels(major, d)
                .into_iter()
                .find(|l| crate::fonts::text_width(l, font_px, true) as f64 <= room);
            let Some(label) = label else { continue };
            // The leading label is drawn at the edge but stands for no line.
            let is_line = k > 0 || first_in_view == Some(d);
            out.push(Tick {
                x,
                date: d,
                label: Some(label),
                alpha: 1.0,
                level: Level::Major,
                line: is_line,
            });
        }
        // Upper-level lines whose label did not fit still mark the boundary.
        for (x, d) in xs.into_iter().zip(dates) {
            if !out.iter().any(|t| t.level == Level::Major && t.date == d) {
                out.push(Tick {
                    x,
                    date: d,
                    label: None,
                    alpha: 1.0,
                    level: Level::Major,
                    line: true,
                });
            }
        }
    }
    let finer = TIERS
        .iter()
        .position(|t| *t == minor)
        .and_then(|i| TIERS.get(i + 1))
        .copied();
    if let Some(faint) = finer {
        let spacing = faint.approx_days() * ppd;
        if spacing >= 6.0 {
            let a = ((spacing - 6.0) / 30.0).clamp(0.15, 1.0) as f32;
            let taken: std::collections::HashSet<NaiveDate> = out.iter().map(|t| t.date).collect();
            for d in faint.ticks(v0, v1) {
                if !taken.contains(&d) {
                    out.push(Tick {
                        x: axis.x_from_time(day_number(d)),
                        date: d,
                        label: None,
                        alpha: a,
                        level: Level::Faint,
                        line: true,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.x.total_cmp(&b.x));
    Ticks {
        minor_tier: minor,
        major_tier,
        ticks: out,
    }
}

/// A header naming the span in view: `2015 – 2023`, `2018`, `April 2018`, `27 April 2018`.
pub fn span_header(axis: &Axis) -> String {
    let a = date_of(axis.view.start);
    let b = date_of(axis.view.end - 1e-6);
    let c = date_of(axis.view.center());
    let span = axis.view.span_days();
    if span <= 1.5 {
        format!("{} {} {}", c.day(), month_name(c.month()), c.year())
    } else if span <= 45.0 {
        if a.month() == b.month() && a.year() == b.year() {
            format!("{} {}", month_name(c.month()), c.year())
        } else if a.year() == b.year() {
            format!(
                "{} – {} {}",
                month_name(a.month()),
                month_name(b.month()),
                b.year()
            )
        } else {
            format!(
                "{} {} – {} {}",
                month_name(a.month()),
                a.year(),
                month_name(b.month()),
                b.year()
            )
        }
    } else if a.year() == b.year() {
        a.year().to_string()
    } else {
        format!("{} – {}", a.year(), b.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::view::TimeView;

    fn labels(t: &Ticks, level: Level) -> Vec<&str> {
        t.ticks
            .iter()
            .filter(|t| t.level == level)
            .filter_map(|t| t.label.as_deref())
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> f64 {
        day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn nine_years_show_every_year() {
        for width in [500.0, 700.0, 1200.0, 3000.0] {
            let axis = Axis::new(TimeView::default(), 0.0, width);
            let t = ticks(&axis, 12.0);
            // Every year is named, on the lower level (years) or the upper one (over halves, quarters, months).
            let level = if t.minor_tier == Tier::Years(1) {
                Level::Minor
            } else {
                Level::Major
            };
            assert_eq!(
                labels(&t, level),
                vec![
                    "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023"
                ],
                "width {width}: {:?}",
                t.minor_tier
            );
            assert_eq!(span_header(&axis), "2015 – 2023");
        }
    }

    #[test]
    fn tiers_get_finer_as_we_zoom() {
        let mut view = TimeView::new(day(1990, 1, 1), day(2030, 1, 1));
        let mut seen = Vec::new();
        for _ in 0..80 {
            let axis = Axis::new(view, 0.0, 1200.0);
            let t = ticks(&axis, 12.0);
            if !seen.contains(&t.minor_tier) {
                seen.push(t.minor_tier);
            }
            view = view.zoom_at(1.25, view.center());
        }
        for tier in [Tier::Years(1), Tier::Months(1), Tier::Weeks, Tier::Days] {
            assert!(seen.contains(&tier), "{tier:?} never chosen: {seen:?}");
        }
        let idx: Vec<usize> = seen
            .iter()
            .map(|s| TIERS.iter().position(|t| t == s).unwrap())
            .collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    }

    #[test]
    fn labels_never_collide_nor_cross_a_line_of_their_level() {
        let mut view = TimeView::default();
        for _ in 0..80 {
            for width in [600.0, 1280.0, 2500.0] {
                let axis = Axis::new(view, 0.0, width);
                let t = ticks(&axis, 12.0);
                for level in [Level::Major, Level::Minor] {
                    let of_level: Vec<&Tick> =
                        t.ticks.iter().filter(|t| t.level == level).collect();
                    for tick in of_level.iter().filter(|t| t.label.is_some()) {
                        let bold = level == Level::Major;
                        let w = crate::fonts::text_width(tick.label.as_deref().unwrap(), 12.0, bold)
                            as f64;
                        let (l, r) = (tick.x + 4.0, tick.x + 4.0 + w);
                        // No other tick line of the same level passes through the label.
                        for other in &of_level {
                            assert!(
                                !(other.line && other.x > l && other.x < r),
                                "{:?} crosses {:?} at span {} width {width}",
                                other.date,
                                tick.label,
                                view.span_days()
                            );
                        }
                    }
                }
            }
            view = view.zoom_at(1.2, view.start + view.span_days() * 0.61);
        }
    }

    #[test]
    fn two_levels_name_months_under_years_and_days_under_months() {
        let v = TimeView::new(day(2018, 1, 1), day(2018, 7, 1));
        let t = ticks(&Axis::new(v, 0.0, 400.0), 12.0);
        assert_eq!(t.minor_tier, Tier::Months(1));
        assert_eq!(labels(&t, Level::Minor)[..4], ["Jan", "Feb", "Mar", "Apr"]);
        assert_eq!(labels(&t, Level::Major), ["2018"]);
        // Weeks: every week labelled, the month above.
        let v = TimeView::new(day(2018, 4, 2), day(2018, 6, 4));
        let t = ticks(&Axis::new(v, 0.0, 1000.0), 12.0);
        assert!(matches!(t.minor_tier, Tier::Weeks | Tier::Days));
        if t.minor_tier == Tier::Weeks {
            assert_eq!(
                labels(&t, Level::Minor).len(),
                9,
                "{:?}",
                labels(&t, Level::Minor)
            );
        }
        // June begins three days before the view ends: its label is cut to what fits.
        let major = labels(&t, Level::Major);
        assert_eq!(major[..2], ["April 2018", "May 2018"]);
        assert!(major[2].starts_with("Jun"), "{major:?}");
        // Mid-month view: the month is named at the left edge.
        let v = TimeView::new(day(2018, 4, 20), day(2018, 5, 2));
        let axis = Axis::new(v, 0.0, 1200.0);
        let t = ticks(&axis, 12.0);
        assert_eq!(t.minor_tier, Tier::Days);
        assert_eq!(labels(&t, Level::Major), ["April 2018", "May 2018"]);
        let edge = t.ticks.iter().find(|t| t.level == Level::Major).unwrap();
        assert!(!edge.line && edge.x == 0.0);
        assert_eq!(span_header(&axis), "April – May 2018");
    }
}
