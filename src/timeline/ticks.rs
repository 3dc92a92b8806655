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

    /// The widest label this tier can produce, for spacing decisions.
    fn widest_label(self) -> &'static str {
        match self {
            Tier::Years(_) => "2088",
            Tier::Months(3) => "Q4 2088",
            Tier::Months(_) => "2088",
            Tier::Weeks => "28 Sep",
            Tier::Days => "1 Sep",
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

/// One tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Its x.
    pub x: f64,
    /// Its date.
    pub date: NaiveDate,
    /// Label for major ticks.
    pub label: Option<String>,
    /// Opacity 0–1 (fading in as spacing grows).
    pub alpha: f32,
    /// Major (labelled tier) or minor.
    pub major: bool,
}

/// The ticks of an axis, given the label font size.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// Labelled tier.
    pub major_tier: Tier,
    /// Ticks, major and minor, by x.
    pub ticks: Vec<Tick>,
}

/// Computes the ticks for `axis` with labels at `font_px`.
pub fn ticks(axis: &Axis, font_px: f32) -> Ticks {
    let ppd = axis.px_per_day();
    let fits = |tier: Tier| {
        let need = crate::fonts::text_width(tier.widest_label(), font_px, false) as f64 + 36.0;
        // Calendar steps vary (28–31 day months): use the shortest.
        let min_days = match tier {
            Tier::Months(n) => n as f64 * 28.0,
            Tier::Years(n) => n as f64 * 365.0,
            t => t.approx_days(),
        };
        (min_days * ppd, need)
    };
    let mut major = Tier::Years(50);
    for &tier in TIERS {
        let (spacing, need) = fits(tier);
        if spacing >= need {
            major = tier;
        }
    }
    let (spacing, need) = fits(major);
    let alpha = ((spacing - need) / (need * 0.5)).clamp(0.0, 1.0) as f32 * 0.6 + 0.4;
    let mut out: Vec<Tick> = major
        .ticks(axis.view.start, axis.view.end)
        .into_iter()
        .map(|d| Tick {
            x: axis.x_from_time(day_number(d)),
            date: d,
            label: Some(major.label(d)),
            alpha,
            major: true,
        })
        .collect();
    let finer = TIERS
        .iter()
        .position(|t| *t == major)
        .and_then(|i| TIERS.get(i + 1))
        .copied();
    if let Some(minor) = finer {
        let spacing = minor.approx_days() * ppd;
        if spacing >= 6.0 {
            let a = ((spacing - 6.0) / 30.0).clamp(0.15, 1.0) as f32;
            for d in minor.ticks(axis.view.start, axis.view.end) {
                if !out.iter().any(|t| t.date == d) {
                    out.push(Tick {
                        x: axis.x_from_time(day_number(d)),
                        date: d,
                        label: None,
                        alpha: a,
                        major: false,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.x.total_cmp(&b.x));
    Ticks {
        major_tier: major,
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

    fn labels(t: &Ticks) -> Vec<&str> {
        t.ticks.iter().filter_map(|t| t.label.as_deref()).collect()
    }

    #[test]
    fn nine_years_show_years() {
        let axis = Axis::new(TimeView::default(), 0.0, 1200.0);
        let t = ticks(&axis, 12.0);
        assert_eq!(t.major_tier, Tier::Years(1));
        assert_eq!(
            labels(&t),
            vec![
                "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023"
            ]
        );
        assert_eq!(span_header(&axis), "2015 – 2023");
    }

    #[test]
    fn tiers_get_finer_as_we_zoom() {
        let mut view = TimeView::default();
        let mut seen = Vec::new();
        for _ in 0..60 {
            let axis = Axis::new(view, 0.0, 1200.0);
            let t = ticks(&axis, 12.0);
            if !seen.contains(&t.major_tier) {
                seen.push(t.major_tier);
            }
            view = view.zoom_at(1.25, view.center());
        }
        for tier in [Tier::Years(1), Tier::Months(1), Tier::Weeks, Tier::Days] {
            assert!(seen.contains(&tier), "{tier:?} never chosen: {seen:?}");
        }
        // Order is coarse to fine.
        let idx: Vec<usize> = seen
            .iter()
            .map(|s| TIERS.iter().position(|t| t == s).unwrap())
            .collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    }

    #[test]
    fn labels_never_collide_at_any_zoom() {
        let mut view = TimeView::default();
        for _ in 0..80 {
            for width in [600.0, 1280.0, 2500.0] {
                let axis = Axis::new(view, 0.0, width);
                let t = ticks(&axis, 12.0);
                let mut last_end = f64::NEG_INFINITY;
                for tick in t.ticks.iter().filter(|t| t.label.is_some()) {
                    let w = crate::fonts::text_width(tick.label.as_deref().unwrap(), 12.0, false)
                        as f64;
                    let (l, r) = (tick.x + 4.0, tick.x + 4.0 + w);
                    assert!(
                        l >= last_end,
                        "collision at span {} width {width}: {:?}",
                        view.span_days(),
                        labels(&t)
                    );
                    last_end = r;
                }
            }
            view = view.zoom_at(1.2, view.start + view.span_days() * 0.61);
        }
    }

    #[test]
    fn month_and_day_labels() {
        let v = TimeView::new(
            day_number(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()),
            day_number(NaiveDate::from_ymd_opt(2018, 7, 1).unwrap()),
        );
        let t = ticks(&Axis::new(v, 0.0, 1200.0), 12.0);
        assert_eq!(t.major_tier, Tier::Months(1));
        assert_eq!(labels(&t)[..4], ["2018", "Feb", "Mar", "Apr"]);
        let v = TimeView::new(
            day_number(NaiveDate::from_ymd_opt(2018, 4, 20).unwrap()),
            day_number(NaiveDate::from_ymd_opt(2018, 5, 2).unwrap()),
        );
        let axis = Axis::new(v, 0.0, 1200.0);
        let t = ticks(&axis, 12.0);
        assert_eq!(t.major_tier, Tier::Days);
        assert!(labels(&t).contains(&"1 May"));
        assert_eq!(span_header(&axis), "April – May 2018");
    }
}
