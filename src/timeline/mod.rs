//! The timeline's pure geometry: the visible time range (pan, zoom), time↔pixel mapping, calendar ticks,
//! lanes and clusters. No window, no egui: everything here is unit-tested.
//!
//! Time is `f64` days since 1970-01-01 (a day is 1.0), fine enough for one-day zoom and wide enough for decades.

pub mod axis;
pub mod index;
pub mod lanes;
pub mod lod;
pub mod stack;
pub mod ticks;
pub mod view;

use chrono::{Duration, NaiveDate};

/// 1970-01-01.
pub fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// A date as timeline time (its midnight).
pub fn day_number(d: NaiveDate) -> f64 {
    (d - epoch()).num_days() as f64
}

/// The date a timeline time falls in.
pub fn date_of(t: f64) -> NaiveDate {
    let days = t.floor().clamp(-1.0e6, 1.0e6) as i64;
    epoch() + Duration::days(days)
}

/// Timeline time for a year/month/day, or `None` for an impossible date.
pub fn ymd(y: i32, m: u32, d: u32) -> Option<f64> {
    NaiveDate::from_ymd_opt(y, m, d).map(day_number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2018, 4, 27).unwrap();
        assert_eq!(date_of(day_number(d)), d);
        assert_eq!(date_of(day_number(d) + 0.99), d);
        assert_eq!(day_number(epoch()), 0.0);
    }
}
