//! Date mentions in Indonesian and English news text, and their resolution to calendar dates.
//!
//! Finding ([`find_dates`]) is separate from resolving ([`resolve`]): a mention such as `Rabu (26/7)` has no
//! year, and only the article as a whole (its publication date, the weekday, other dates) can say which.
//! Day-first always; weekday names are checked against the calendar.

use super::lexicon::{MONTHS, WEEKDAYS, YEAR_RANGE};
use super::lockstep::{Automaton, Hit};
use super::re::{Regex, RegexSet};
use crate::model::{Certainty, DateSpan, Precision};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::sync::LazyLock;

/// A relative expression (`kemarin`, `akhir pekan lalu`, `last week`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// Today (`hari ini`).
    Today,
    /// A number of days before (positive) or after (negative) the anchor.
    DaysAgo(i64),
    /// The weekend before the anchor.
    LastWeekend,
    /// The week before the anchor.
    LastWeek,
    /// The week after the anchor.
    NextWeek,
    /// The month before the anchor.
    LastMonth,
    /// The year before the anchor.
    LastYear,
    /// `n` weeks / months / years ago: (amount, unit days approximation kind).
    MonthsAgo(i64),
    /// `n` years ago.
    YearsAgo(i64),
    /// The anchor's year (`tahun ini`, `earlier this year`).
    ThisYear,
    /// The year after the anchor's (`tahun depan`, `early next year`).
    NextYear,
    /// The anchor's month (`bulan ini`, `this month`).
    ThisMonth,
    /// The month after the anchor's (`bulan depan`, `next month`).
    NextMonth,
    /// Day `n` of the anchor's month, or of the month before when that day is still to come (`tanggal 24
    /// kemarin`).
    DayOfMonth(u32),
}

/// What a mention says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawDate {
    /// A day (or range of days in one month), maybe without a year.
    Day {
        /// Day of month.
        day: u32,
        /// Last day of a range (`27-28 April`).
        day_to: Option<u32>,
        /// The month of `day_to` when the range crosses a month (`July 29–August 4`), else `None`.
        month_to: Option<u32>,
        /// Month.
        month: u32,
        /// Year as printed (two-digit years already widened).
        year: Option<i32>,
        /// Weekday named with it.
        weekday: Option<Weekday>,
        /// A clock time follows (a page's date line).
        has_time: bool,
        /// Written in parentheses after a weekday, the news style `Kamis (24/8)`.
        news_style: bool,
    },
    /// A month with a year (`April 2018`), or without one (`bulan Maret lalu`, `in February`).
    Month {
        /// Month.
        month: u32,
        /// Year if printed.
        year: Option<i32>,
        /// Past (`lalu`) or future (`depan`) marker, for a year-less month.
        future: bool,
    },
    /// A year (`tahun 2013`).
    Year(i32),
    /// A span of whole years (`2021-2024`, `from 2021 to 2025`): first and last year.
    Years(i32, i32),
    /// A relative expression.
    Relative(Relative),
    /// A weekday alone (`Jumat malam`, `on Tuesday`).
    Weekday {
        /// Which day.
        weekday: Weekday,
        /// Marked as upcoming.
        future: bool,
    },
}

/// A date mention as found in text, unresolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset past the mention.
    pub end: usize,
    /// What it says.
    pub raw: RawDate,
    /// Marked as future (`mendatang`, `akan`, `next`).
    pub future: bool,
}

const MONTH_RE: &str = r"(?:januari|january|februari|pebruari|february|maret|march|april|mei|may|juni|june|juli|july|agustus|august|september|oktober|october|november|nopember|desember|december|sept|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|okt|oct|nov|nop|des|dec)\.?";
const WEEKDAY_RE: &str = r"(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
/// Weekdays as they stand before a date in page date lines, abbreviations included (`Fri, February 3, 2017`,
/// `Rab, 07 Sep 2016`); an abbreviation alone is no date.
const WEEKDAY_PREFIX_RE: &str = r"(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|sen|sel|rab|kam|jum|sab|min)\.?";

/// Relative expressions (`kemarin`, `akhir pekan lalu`, `dua hari lalu`, `last week`).
const RELATIVE_RE: &str = r"\b(?:kemarin(?:\s+(?:pagi|siang|sore|malam))?|hari\s+ini|(?:pagi|siang|sore|malam)\s+ini|this\s+(?:morning|afternoon|evening)|tonight|tadi\s+malam|semalam|akhir\s+pekan\s+lalu|akhir\s+minggu\s+lalu|pekan\s+lalu|minggu\s+lalu|pekan\s+depan|minggu\s+depan|bulan\s+lalu|tahun\s+lalu|besok|lusa|esok(?:\s+hari)?|yesterday|today|tomorrow|last\s+weekend|last\s+week|next\s+week|last\s+month|last\s+year|(?:(?:awal|akhir|early|earlier|late|later)\s+)?(?:tahun\s+ini|this\s+year)|(?:(?:awal|akhir|early|late)\s+)?(?:tahun\s+depan|next\s+year)|bulan\s+ini|this\s+month|bulan\s+depan|next\s+month|tanggal\s+(?P<dom>\d{1,2})(?:\s+(?:kemarin|lalu))?|(?P<se>sepekan|seminggu|sebulan|setahun)\s+(?:yang\s+)?lalu|(?P<n>\d+|satu|dua|tiga|empat|lima|enam|tujuh|one|two|three|four|five|six|seven)\s+(?P<unit>hari|pekan|minggu|bulan|tahun|days?|weeks?|months?|years?)\s+(?:yang\s+)?(?:lalu|ago))\b";

struct Patterns {
    paren: Regex,
    numeric: Regex,
    /// Day-month, month-day, month-year and bare-month forms in one pass (patterns 0–3, the first listed
    /// winning where two match at one place, as in an alternation).
    months: RegexSet,
    words: Regex,
    iso: Regex,
    /// `2018.10.11`: a year, month and day joined by dots, as some outlets print a story's date.
    iso_dotted: Regex,
}

/// Group names of the month patterns: wd, d, d2, mo, y, hh, mm, bulan, rel.
const MONTH_GROUPS: [&str; 9] = ["wd", "d", "d2", "mo", "y", "hh", "mm", "bulan", "rel"];

static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(|| {
    let wd = WEEKDAY_PREFIX_RE;
    Some(Patterns {
        paren: crate::extract::regex(&format!(
            r"(?:\b(?P<wd>{wd})\b\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
        ))
        .ok()?,
        numeric: crate::extract::regex(
            r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b(?:,?\s+(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:\s*(?:wib|wita|wit))?)?",
        )
        .ok()?,
        months: crate::extract::regex_set(&month_patterns()).ok()?,
        words: crate::extract::regex(&words_pattern()).ok()?,
        iso: crate::extract::regex(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b").ok()?,
        iso_dotted: crate::extract::regex(r"\b(?P<y>20\d{2})\.(?P<m>\d{2})\.(?P<d>\d{2})\b").ok()?,
    })
});

/// The four month patterns: day-month, month-day, month-year and bare month (see `Patterns::months`).
fn month_patterns() -> [String; 4] {
    let wd = WEEKDAY_PREFIX_RE;
    let mo = MONTH_RE;
    [
        format!(
            r"(?:\b(?P<wd>{wd})\b\s*[,(]?\s*)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|—|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga|dan|and|to|until)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<mo>{mo})(?:\b|$)(?:,?\s+(?P<y>\d{{4}})\b)?(?:\s*[,|]?\s*(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})(?:\s*(?:wib|wita|wit))?)?"
        ),
        format!(
            r"(?:\b(?P<wd>{wd})\b\s*[,(]?\s*)?\b(?P<mo>{mo}),?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:[-–]|and|to|until|&)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"
        ),
        format!(r"\b(?:bulan\s+)?(?P<mo>{mo})\s+(?:tahun\s+)?(?P<y>\d{{4}})(?:silam|lalu)?\b"),
        format!(
            r"\b(?P<bulan>bulan\s+)?(?P<mo>{mo})(?:\s+(?:yang\s+)?(?P<rel>lalu|ini|depan|mendatang|kemarin))?\b"
        ),
    ]
}

/// Relative expressions, weekdays and years in one pattern.
fn words_pattern() -> String {
    let wd = WEEKDAY_RE;
    format!(
        r"(?P<rel_all>{rel})|(?P<wd_all>\b(?P<wd>{wd})\b)|(?P<y_all>\b(?P<y>(?:19|20)\d{{2}})\b)",
        rel = RELATIVE_RE
    )
}

/// The month and word patterns compiled for searching in lockstep with others (see [`super::lockstep`]).
static AUTOMATA: LazyLock<Option<(Automaton, Automaton)>> = LazyLock::new(|| {
    Some((
        crate::extract::automaton(&month_patterns()).ok()?,
        crate::extract::automaton(&[words_pattern()]).ok()?,
    ))
});

/// The automata of the month patterns and of the word pattern, whose matches [`find_dates_in`] takes.
pub(crate) fn automata() -> Option<(&'static Automaton, &'static Automaton)> {
    AUTOMATA.as_ref().map(|(m, w)| (m, w))
}

/// The number a lexicon table (lower-case names) gives `word`, ignoring case; ASCII words (nearly all) are
/// compared without a lower-cased copy.
fn lexicon_number(table: &[(&str, u32)], word: &str) -> Option<u32> {
    let found = if word.is_ascii() {
        table.iter().find(|(n, _)| n.eq_ignore_ascii_case(word))
    } else {
        let w = word.to_lowercase();
        table.iter().find(|(n, _)| *n == w)
    };
    found.map(|(_, v)| *v)
}

/// A lexicon table's ASCII names packed into integers (see [`pack_lower`]), the first entry of a name winning as
/// in [`lexicon_number`]; `None` when some ASCII name cannot be packed (then the table is scanned).
fn packed_table(table: &[(&str, u32)]) -> Option<rustc_hash::FxHashMap<u128, u32>> {
    let mut m = rustc_hash::FxHashMap::default();
    for (name, v) in table {
        // A name with other than ASCII (`jum’at`) never equals an ASCII word: it is left to the scan.
        if !name.is_ascii() {
            continue;
        }
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        m.entry(pack_lower(name)?).or_insert(*v);
    }
    Some(m)
}

/// One to sixteen ASCII bytes without NUL, lower-cased, one per byte from the most significant end (so that
/// different words never pack alike).
fn pack_lower(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 16 || !b.is_ascii() || b.contains(&0) {
        return None;
    }
    Some(super::people::pack(b, true))
}

/// [`lexicon_number`] by a look-up in `packed` (the table packed by [`packed_table`]) for a word that packs:
/// the same answer, without comparing the word with every name.
fn lexicon_lookup(
    table: &[(&str, u32)],
    packed: Option<&rustc_hash::FxHashMap<u128, u32>>,
    word: &str,
) -> Option<u32> {
    match packed {
        Some(p) if word.is_ascii() && !word.as_bytes().contains(&0) => {
            // A word longer than sixteen bytes equals no name (every ASCII name packed).
            pack_lower(word).and_then(|k| p.get(&k).copied())
        }
        _ => lexicon_number(table, word),
    }
}

static MONTH_KEYS: LazyLock<Option<rustc_hash::FxHashMap<u128, u32>>> =
    LazyLock::new(|| packed_table(MONTHS));
static WEEKDAY_KEYS: LazyLock<Option<rustc_hash::FxHashMap<u128, u32>>> =
    LazyLock::new(|| packed_table(WEEKDAYS));

/// Looks a month name up in the lexicon.
pub fn month_number(word: &str) -> Option<u32> {
    lexicon_lookup(MONTHS, MONTH_KEYS.as_ref(), word.trim_end_matches('.'))
}

/// A weekday as printed before a date: a name, or an abbreviation (`Fri`, `Rab.`).
fn weekday_prefix_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.');
    weekday_of(w).or_else(|| {
        let n = lexicon_number(super::lexicon::WEEKDAY_ABBREVIATIONS, w)?;
        Weekday::try_from(u8::try_from(n).ok()?).ok()
    })
}

/// Looks a weekday name up in the lexicon.
pub fn weekday_of(word: &str) -> Option<Weekday> {
    let n = lexicon_lookup(WEEKDAYS, WEEKDAY_KEYS.as_ref(), word)?;
    Weekday::try_from(u8::try_from(n).ok()?).ok()
}

fn widen_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(if y.len() == 2 { 2000 + n } else { n })
}

/// A small count written in digits or words (`3`, `tiga`); `None` beyond 1000 (no article counts days back
/// that far, and bigger numbers would overflow date arithmetic).
fn number_word(w: &str) -> Option<i64> {
    let w = w.to_lowercase();
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse::<i64>().ok().filter(|n| *n <= 1000);
    }
    w.parse().ok().or(match w.as_str() {
        "satu" | "one" => Some(1),
        "dua" | "two" => Some(2),
        "tiga" | "three" => Some(3),
        "empat" | "four" => Some(4),
        "lima" | "five" => Some(5),
        "enam" | "six" => Some(6),
        "tujuh" | "seven" => Some(7),
        _ => None,
    })
}

/// Future markers around a mention: `27-28 April mendatang`, `akan … pada`, `next Monday`.
fn future_marked(text: &str, start: usize, end: usize) -> bool {
    // The markers are ASCII words, compared ignoring ASCII case (no lower-cased copies of the windows).
    let after = window_after(text, end, 24).trim_start().as_bytes();
    let after_hit = ["mendatang", "depan", "nanti", "yang akan datang"]
        .iter()
        .any(|w| {
            after
                .get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
        });
    // The words of the date itself (`akhir September atau awal Oktober 2018`) do not count toward the six.
    let date_word = |w: &str| {
        super::people::with_lower_key(w, |l| month_number(l).is_some())
            || [
                "akhir",
                "awal",
                "pertengahan",
                "atau",
                "or",
                "early",
                "late",
                "end",
                "mid",
            ]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
    };
    const MARKERS: [&str; 5] = ["akan", "will", "next", "upcoming", "mendatang"];
    let window = window_before(text, start, 70);
    // Most windows hold no marker at all: that is looked for first, in the bytes.
    // (one pass over the bytes; a marker is compared only where a byte could begin one).
    let bytes = window.as_bytes();
    let any_marker = bytes.iter().enumerate().any(|(i, b)| {
        matches!(b | 0x20, b'a' | b'w' | b'n' | b'u' | b'm')
            && MARKERS.iter().any(|m| {
                bytes
                    .get(i..i + m.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(m.as_bytes()))
            })
    });
    let before_hit = any_marker
        && window
            .split_whitespace()
            .rev()
            .filter(|w| !date_word(w))
            .take(6)
            .any(|w| MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m)));
    after_hit || before_hit
}

/// Whether the year starting at `start` is a plan's horizon or part of a plan's name, not a time something
/// happened: `hingga 2025`, `until 2025`, `by 2030`, `ASEAN Digital Masterplan 2025`, `Visi 2045`.
pub(crate) fn horizon_year(text: &str, start: usize) -> bool {
    const HORIZON: &[&str] = &[
        "hingga",
        "sampai",
        "until",
        "till",
        "through",
        "by",
        "menuju",
        "target",
        "masterplan",
        "vision",
        "visi",
        "agenda",
        "roadmap",
        "blueprint",
        "plan",
        "rencana",
        "strategy",
        "strategi",
    ];
    window_before(text, start, 24)
        .split_whitespace()
        .next_back()
        .is_some_and(|w| HORIZON.iter().any(|h| w.eq_ignore_ascii_case(h)))
}

/// Up to `n` bytes before `pos`, cut at a char boundary.
pub fn window_before(text: &str, pos: usize, n: usize) -> &str {
    let mut s = pos.saturating_sub(n);
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    text.get(s..pos.min(text.len())).unwrap_or("")
}

/// Up to `n` bytes after `pos`, cut at a char boundary.
pub fn window_after(text: &str, pos: usize, n: usize) -> &str {
    let mut e = (pos + n).min(text.len());
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    text.get(pos.min(text.len())..e).unwrap_or("")
}

/// The day and month of a numeric date `a/b/year`. Day first, as Indonesian and most English pages print it;
/// month first where day first cannot be (`11/25/2015`) or where the weekday printed before it fits only the
/// month-first reading (`Thu, 11/05/2015`: 5 November 2015 is a Thursday, 11 May a Monday).
fn numeric_day_month(
    a: u32,
    b: u32,
    year: Option<i32>,
    weekday: Option<Weekday>,
) -> Option<(u32, u32)> {
    let fits = |day: u32, month: u32| {
        valid_day(day, month)
            && year.is_none_or(|y| {
                NaiveDate::from_ymd_opt(y, month, day)
                    .is_some_and(|d| weekday.is_none_or(|w| d.weekday() == w))
            })
    };
    if fits(a, b) {
        Some((a, b))
    } else if fits(b, a) {
        Some((b, a))
    } else {
        valid_day(a, b).then_some((a, b))
    }
}

/// The weekday printed right before byte `pos` (`Thu, 11/05/2015`, `Kamis, 24/08/2017`), if any.
fn weekday_word_before(text: &str, pos: usize) -> Option<Weekday> {
    let before =
        window_before(text, pos, 16).trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    let word = before
        .rsplit(|c: char| !c.is_alphabetic() && c != '.')
        .next()?;
    weekday_prefix_of(word)
}

fn valid_day(day: u32, month: u32) -> bool {
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The last word before byte `pos` (within 12 bytes), lower case.
fn word_before(text: &str, pos: usize) -> String {
    window_before(text, pos, 12)
        .split_whitespace()
        .last()
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Whether a preposition that makes a bare month a date comes right before byte `pos` (`in February`,
/// `sejak Maret`).
fn after_preposition(text: &str, pos: usize) -> bool {
    is_month_preposition(&word_before(text, pos))
}

fn is_month_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "since"
            | "last"
            | "next"
            | "pada"
            | "sejak"
            | "of"
            | "until"
            | "by"
            | "hingga"
            | "sampai"
    )
}

// The bytes each numeric pattern can hold before and after its first `/` or `-` (see
// `Regex::captures_around`), in the ASCII-lowercased text. `\s` is Unicode white space: ASCII white space (with
// the vertical tab) or part of a multi-byte character.
fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0B || b >= 0x80
}

fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// `Sabtu, (6/…`: a weekday (letters, apostrophes), white space, a comma, `(` and digits.
fn paren_before(b: u8) -> bool {
    b.is_ascii_lowercase() || matches!(b, b'\'' | b',' | b'(') || is_digit(b) || is_space(b)
}

/// `…/11/2021 )`: digits, white space, `/` and `)`.
fn paren_after(b: u8) -> bool {
    is_digit(b) || matches!(b, b'/' | b')') || is_space(b)
}

/// `…/11/2021, 10.43 wib`: digits, `/`, a time and its zone.
fn numeric_after(b: u8) -> bool {
    is_digit(b)
        || matches!(
            b,
            b'/' | b',' | b':' | b'.' | b'w' | b'i' | b't' | b'a' | b'b'
        )
        || is_space(b)
}

/// `…-11-06`: digits and `-`.
fn iso_after(b: u8) -> bool {
    is_digit(b) || b == b'-'
}

fn iso_dotted_after(b: u8) -> bool {
    is_digit(b) || b == b'.'
}

/// A span of years starting with the year at `start..end`: `2021-2024`, `2016 – 2025`, `(2020-2024)`, or
/// `from 2021 to 2025` / `dari 2021 hingga 2025` (the preposition included). The second year is later than the
/// first, by at most fifty years, and is not the start of a longer number or date (`2021-2024-03`).
fn year_range_at(text: &str, start: usize, end: usize) -> Option<Found> {
    let y1: i32 = text.get(start..end)?.parse().ok()?;
    if text
        .get(..start)
        .and_then(|s| s.chars().last())
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
    {
        return None;
    }
    let rest = text.get(end..)?;
    let trimmed = rest.trim_start_matches(' ');
    let (joined, worded) = if let Some(r) = trimmed.strip_prefix(['-', '–', '—']) {
        (r.trim_start_matches(' '), false)
    } else {
        let lower = trimmed.get(..trimmed.len().min(10))?.to_ascii_lowercase();
        let word = ["to ", "hingga ", "sampai ", "until "]
            .into_iter()
            .find(|w| lower.starts_with(w))?;
        (trimmed.get(word.len()..)?.trim_start_matches(' '), true)
    };
    let digits = joined.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if joined[4..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '–'))
    {
        return None;
    }
    let y2: i32 = digits.parse().ok()?;
    if !(y1 < y2 && y2 - y1 <= 50) {
        return None;
    }
    let range_end = end + (rest.len() - joined.len()) + 4;
    // A worded span needs its opening preposition (`from 2021 to 2025`): `2021 to 2025` alone may be two counts.
    let range_start = if worded {
        let before = window_before(text, start, 6).to_ascii_lowercase();
        let word = ["from ", "dari ", "antara "]
            .into_iter()
            .find(|w| before.ends_with(w))?;
        start - word.len()
    } else {
        start
    };
    Some(Found {
        start: range_start,
        end: range_end,
        raw: RawDate::Years(y1, y2),
        future: false,
    })
}

/// Finds every date mention in `text`, left to right, without overlaps.
pub fn find_dates(text: &str) -> Vec<Found> {
    // Patterns are matched case-sensitively on an ASCII-lowercased copy (same byte offsets, a smaller and
    // faster automaton); capitalisation is checked on the original text.
    find_dates_in(text, &text.to_ascii_lowercase(), None)
}

/// [`find_dates`] given the ASCII-lowercased text and, when they were searched already (in lockstep with other
/// patterns: see [`automata`]), the matches of the month patterns and of the word pattern.
pub(crate) fn find_dates_in(
    text: &str,
    lower: &str,
    scanned: Option<(&[Hit], &[Hit])>,
) -> Vec<Found> {
    let Some(p) = PATTERNS.as_ref() else {
        return Vec::new();
    };
    let hit = |h: &Hit| (h.pattern, super::re::Match::new(lower, h.start, h.end));
    let (month_matches, word_matches): (Vec<_>, Vec<_>) = match scanned {
        Some((months, words)) => (
            months.iter().map(hit).collect(),
            words.iter().map(|h| hit(h).1).collect(),
        ),
        None => (
            p.months.find_iter(lower).collect(),
            p.words.find_iter(lower).collect(),
        ),
    };
    let orig = |m: super::re::Match<'_>| text.get(m.range()).unwrap_or("");
    let mut out: Vec<Found> = Vec::new();
    // The byte ranges taken so far (start → end; they never overlap), so that a new mention is checked against
    // its neighbour only: linear in the number of mentions, not quadratic.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut push = |out: &mut Vec<Found>, f: Found| {
        let overlaps = taken
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.start);
        if !overlaps {
            taken.insert(f.start, f.end);
            out.push(f);
        }
    };
    let wd_of =
        |c: &super::re::Captures<'_>| c.name("wd").and_then(|m| weekday_prefix_of(m.as_str()));

    // The numeric forms each hold a `/` or `-`: they are searched only around those bytes.
    // (The four searches are independent: on a huge page they run on two cores.)
    let ((paren, numeric), mut iso) = rayon::join(
        || {
            rayon::join(
                || {
                    p.paren
                        .captures_around(lower, b'/', paren_before, paren_after)
                },
                || {
                    p.numeric
                        .captures_around(lower, b'/', is_digit, numeric_after)
                },
            )
        },
        || p.iso.captures_around(lower, b'-', is_digit, iso_after),
    );
    iso.extend(
        p.iso_dotted
            .captures_around(lower, b'.', is_digit, iso_dotted_after),
    );
    let from_paren = in_order(&paren, |c| {
        let (Some(m), Some(d), Some(mo)) = (c.get(0), c.name("d"), c.name("m")) else {
            return None;
        };
        let (Ok(day), Ok(month)) = (d.as_str().parse(), mo.as_str().parse()) else {
            return None;
        };
        if !valid_day(day, month) {
            return None;
        }
        let year = c.name("y").and_then(|y| widen_year(y.as_str()));
        let weekday = wd_of(c);
        let raw = RawDate::Day {
            day,
            day_to: None,
            month_to: None,
            month,
            year,
            weekday,
            has_time: false,
            news_style: true,
        };
        Some(Found {
            start: m.start(),
            end: m.end(),
            raw,
            future: future_marked(text, m.start(), m.end()),
        })
    });
    let from_numeric = in_order(&numeric, |c| {
        let (Some(m), Some(d), Some(mo), Some(y)) =
            (c.get(0), c.name("d"), c.name("m"), c.name("y"))
        else {
            return None;
        };
        // A law number like `11/2008` has two parts and never matches; `No. 1/2/2018` style is refused here.
        if window_before(text, m.start(), 4)
            .as_bytes()
            .windows(2)
            .any(|w| w.eq_ignore_ascii_case(b"no"))
        {
            return None;
        }
        let (Ok(first), Ok(second)) = (d.as_str().parse(), mo.as_str().parse()) else {
            return None;
        };
        let year = widen_year(y.as_str());
        let weekday = weekday_word_before(text, m.start());
        let (day, month) = numeric_day_month(first, second, year, weekday)?;
        let raw = RawDate::Day {
            day,
            day_to: None,
            month_to: None,
            month,
            year,
            weekday,
            has_time: c.name("hh").is_some(),
            news_style: false,
        };
        Some(Found {
            start: m.start(),
            end: m.end(),
            raw,
            future: false,
        })
    });
    let from_iso = in_order(&iso, |c| {
        let (Some(m), Some(y), Some(mo), Some(d)) =
            (c.get(0), c.name("y"), c.name("m"), c.name("d"))
        else {
            return None;
        };
        let (Ok(day), Ok(month)) = (d.as_str().parse(), mo.as_str().parse()) else {
            return None;
        };
        if !valid_day(day, month) {
            return None;
        }
        let raw = RawDate::Day {
            day,
            day_to: None,
            month_to: None,
            month,
            year: y.as_str().parse().ok(),
            weekday: None,
            has_time: false,
            news_style: false,
        };
        Some(Found {
            start: m.start(),
            end: m.end(),
            raw,
            future: false,
        })
    });
    let from_month = in_order(&month_matches, |&(alt, found)| {
        // A match without a digit is a bare month (the last alternative); unless it follows `bulan` or a
        // preposition it is no date, and its groups are not worth computing.
        let bare = !found.as_str().bytes().any(|b| b.is_ascii_digit());
        if bare && !found.as_str().starts_with("bulan") && !after_preposition(text, found.start()) {
            return None;
        }
        let c = p.months.captures_at(alt, found)?;
        let g = |k: usize| MONTH_GROUPS.get(k).and_then(|n| c.name(n));
        if alt <= 1 {
            let (Some(m), Some(d), Some(mo)) = (c.get(0), g(1), g(3)) else {
                return None;
            };
            let month = month_number(mo.as_str())?;
            // Short English/Indonesian words that are also months ("may", "mar") must be capitalised.
            if mo.as_str().len() <= 3 && !is_capitalised(orig(mo)) {
                return None;
            }
            let Ok(day) = d.as_str().parse() else {
                return None;
            };
            if !valid_day(day, month) {
                return None;
            }
            let day_to = g(2)
                .and_then(|d| d.as_str().parse().ok())
                .filter(|&d2: &u32| d2 > day && d2 <= 31);
            let raw = RawDate::Day {
                day,
                day_to,
                month_to: None,
                month,
                year: g(4).and_then(|y| y.as_str().parse().ok()),
                weekday: g(0).and_then(|w| weekday_prefix_of(w.as_str())),
                has_time: g(5).is_some(),
                news_style: false,
            };
            Some(Found {
                start: m.start(),
                end: m.end(),
                raw,
                future: future_marked(text, m.start(), m.end()),
            })
        } else if alt == 2 {
            let (Some(m), Some(mo), Some(y)) = (c.get(0), g(3), g(4)) else {
                return None;
            };
            let month = month_number(mo.as_str())?;
            if !is_capitalised(orig(mo)) && mo.as_str().len() <= 3 {
                return None;
            }
            let raw = RawDate::Month {
                month,
                year: y.as_str().parse().ok(),
                future: false,
            };
            Some(Found {
                start: m.start(),
                end: m.end(),
                raw,
                future: future_marked(text, m.start(), m.end()),
            })
        } else {
            let m = c.get(0)?;
            let mo = g(3)?;
            // A month alone is a date only after `bulan` or a preposition: `bulan Maret lalu`, `in February`.
            let pre = word_before(text, m.start());
            let has_pre = is_month_preposition(&pre);
            if g(7).is_none() && !has_pre {
                return None;
            }
            // `in May` needs a capitalised month; `pada mar…` must be a real month word; after `bulan` a month
            // of four letters or more may be written in lower case (`bulan juni yang lalu`).
            let lower_ok = g(7).is_some() && mo.as_str().len() >= 4;
            if !(is_capitalised(orig(mo)) || lower_ok) || mo.as_str().len() < 3 {
                return None;
            }
            let month = month_number(mo.as_str())?;
            let rel = g(8).map(|r| r.as_str().to_lowercase());
            let future = matches!(rel.as_deref(), Some("depan" | "mendatang")) || pre == "next";
            let raw = RawDate::Month {
                month,
                year: None,
                future,
            };
            Some(Found {
                start: m.start(),
                end: m.end(),
                raw,
                future,
            })
        }
    });
    // Relative expressions, weekdays and years in one pass. A match is told apart by its text (a year is four
    // digits, a weekday one of the weekday words; anything else is a relative expression), so only relative
    // expressions need the regex's groups.
    let from_word = in_order(&word_matches, |&found| {
        let word = found.as_str();
        let is_year = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
        let is_weekday = !is_year && weekday_of(word).is_some();
        if !is_year && !is_weekday {
            let c = p.words.captures_at(found)?;
            let m = c.get(0)?;
            let w = m.as_str().to_lowercase();
            let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
            let rel = if let Some(dom) = c.name("dom") {
                let day = dom.as_str().parse().ok().filter(|d| (1..=31).contains(d))?;
                Relative::DayOfMonth(day)
            } else if let Some(se) = c.name("se") {
                match se.as_str().to_lowercase().as_str() {
                    "sebulan" => Relative::MonthsAgo(1),
                    "setahun" => Relative::YearsAgo(1),
                    _ => Relative::DaysAgo(7),
                }
            } else if w.ends_with("tahun ini") || w.ends_with("this year") {
                Relative::ThisYear
            } else if w.ends_with("tahun depan") || w.ends_with("next year") {
                Relative::NextYear
            } else if w == "bulan ini" || w == "this month" {
                Relative::ThisMonth
            } else if w == "bulan depan" || w == "next month" {
                Relative::NextMonth
            } else if let (Some(n), Some(unit)) = (c.name("n"), c.name("unit")) {
                let n = number_word(n.as_str())?;
                match unit.as_str().to_lowercase().trim_end_matches('s') {
                    "hari" | "day" => Relative::DaysAgo(n),
                    "pekan" | "minggu" | "week" => Relative::DaysAgo(7 * n),
                    "bulan" | "month" => Relative::MonthsAgo(n),
                    _ => Relative::YearsAgo(n),
                }
            } else if w.starts_with("kemarin")
                || w == "yesterday"
                || w == "tadi malam"
                || w == "semalam"
            {
                Relative::DaysAgo(1)
            } else if w.ends_with(" ini") && !w.contains("tahun") && !w.contains("bulan")
                || w == "today"
                || w == "tonight"
                || w.starts_with("this ")
            {
                Relative::Today
            } else if w == "besok" || w == "tomorrow" || w.starts_with("esok") {
                Relative::DaysAgo(-1)
            } else if w == "lusa" {
                Relative::DaysAgo(-2)
            } else if w.contains("akhir") || w == "last weekend" {
                Relative::LastWeekend
            } else if w.ends_with("lalu") && (w.starts_with("pekan") || w.starts_with("minggu"))
                || w == "last week"
            {
                Relative::LastWeek
            } else if w.ends_with("depan") || w == "next week" {
                Relative::NextWeek
            } else if w == "bulan lalu" || w == "last month" {
                Relative::LastMonth
            } else {
                Relative::LastYear
            };
            let future = matches!(
                rel,
                Relative::NextWeek | Relative::NextYear | Relative::NextMonth
            ) || matches!(rel, Relative::DaysAgo(n) if n < 0);
            Some(Found {
                start: m.start(),
                end: m.end(),
                raw: RawDate::Relative(rel),
                future,
            })
        } else if is_weekday {
            let m = found;
            let word = orig(m);
            if !is_capitalised(word) {
                return None;
            }
            if word.eq_ignore_ascii_case("minggu") {
                let after = window_after(text, m.end(), 16).to_lowercase();
                let before = window_before(text, m.start(), 16).to_lowercase();
                // "Minggu" is Sunday, but "minggu lalu/depan/ini", "dua minggu" are weeks.
                let week_after = [
                    "lalu",
                    "depan",
                    "ini",
                    "ke",
                    "mendatang",
                    "terakhir",
                    "pertama",
                ]
                .iter()
                .any(|w| after.trim_start().starts_with(w));
                let last_before = before.split_whitespace().last().unwrap_or("");
                let week_before = number_word(last_before).is_some()
                    || matches!(last_before, "beberapa" | "sepekan" | "seminggu" | "selama");
                if week_after || week_before {
                    return None;
                }
            }
            // "Thursday's meeting" still names the day.
            let weekday = weekday_of(word)?;
            let future = future_marked(text, m.start(), m.end());
            Some(Found {
                start: m.start(),
                end: m.end(),
                raw: RawDate::Weekday { weekday, future },
                future,
            })
        } else {
            let y = found;
            if let Some(f) = year_range_at(text, y.start(), y.end()) {
                return Some(f);
            }
            let before = text.get(..y.start()).and_then(|s| s.chars().last());
            let after = text.get(y.end()..).and_then(|s| s.chars().next());
            if before
                .is_some_and(|ch| matches!(ch, '/' | '-' | '.' | ':' | '#') || ch.is_ascii_digit())
                || after.is_some_and(|ch| matches!(ch, '/' | '-') || ch.is_ascii_digit())
            {
                return None;
            }
            let Ok(year) = y.as_str().parse() else {
                return None;
            };
            let before_word = window_before(text, y.start(), 7);
            let start = if before_word
                .to_ascii_lowercase()
                .trim_end()
                .ends_with("tahun")
                && before_word.ends_with(' ')
            {
                y.start()
                    - (before_word.len()
                        - before_word
                            .to_ascii_lowercase()
                            .rfind("tahun")
                            .unwrap_or(before_word.len()))
            } else {
                y.start()
            };
            Some(Found {
                start,
                end: y.end(),
                raw: RawDate::Year(year),
                future: future_marked(text, y.start(), y.end()) || horizon_year(text, y.start()),
            })
        }
    });
    for f in from_paren
        .into_iter()
        .chain(from_numeric)
        .chain(from_iso)
        .chain(from_month)
        .chain(from_word)
    {
        push(&mut out, f);
    }
    out.sort_by_key(|f| (f.start, f.end));
    let mut out = join_cross_month_ranges(text, out);
    for f in &mut out {
        if let RawDate::Day {
            year: Some(_),
            has_time,
            ..
        } = &mut f.raw
            && !*has_time
        {
            *has_time = clock_time_follows(text, f.end);
        }
    }
    out
}

/// `find(item)` for every item, in the items' order: on many items (a huge page), on all cores.
fn in_order<T: Sync>(items: &[T], find: impl Fn(&T) -> Option<Found> + Sync + Send) -> Vec<Found> {
    use rayon::prelude::*;
    items
        .par_iter()
        .with_min_len(PARALLEL_MIN)
        .filter_map(find)
        .collect()
}

/// Fewest items a core is given in [`in_order`]: below it one core does the work (a news article names some
/// fifty dates).
pub(crate) const PARALLEL_MIN: usize = 4096;

/// Whether a clock time follows a date within a few separators: `February 3, 2017 / 08:00 am`,
/// `21 Jun 2016 12:11 WIB`, `05/05/2023, 16:08 WIB`, `Senin, 06 Mar 2017 | 23:55`.
fn clock_time_follows(text: &str, end: usize) -> bool {
    let after = window_after(text, end, 16);
    let rest = after.trim_start_matches([' ', '\t', ',', '|', '/', '-', '–', '\u{a0}']);
    let b = rest.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && matches!(b.get(digits), Some(b':' | b'.'))
        && b.get(digits + 1).is_some_and(u8::is_ascii_digit)
        && b.get(digits + 2).is_some_and(u8::is_ascii_digit)
}

/// What the whole article offers to resolve year-less and relative mentions.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    /// Publication date printed in the page (or given by the file).
    pub published: Option<NaiveDate>,
    /// Full dates stated in the article text (with their years).
    pub stated_days: Vec<NaiveDate>,
    /// Years printed in the article text (not in chrome).
    pub years: Vec<i32>,
    /// `published` is not a printed publication date but the day of the event the text reports: a bare weekday
    /// (`kata Johnny, Sabtu`) is then the nearest such day, before or after it (a report of a Friday meeting
    /// quoted on the Saturday), not always one before.
    pub event_day: bool,
    /// The latest full date told as a start of what still goes on (`since he became prime minister on November
    /// 24, 2022`): the news is later, so a year-less day of the report falls after it.
    pub since_day: Option<NaiveDate>,
    /// The years every office-holder the text names with a post held that post (`Prime Minister Muhyiddin
    /// Yassin`: 2020–2021), from the people table: a year-less day falls within them.
    pub office: Option<(i32, i32)>,
}

/// Joins a day and the next one into a range across months where only a range word stands between them
/// (`July 29–August 4, 2017`, `29 Juli hingga 4 Agustus 2017`): one mention, with the second's year. Linear.
fn join_cross_month_ranges(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(prev) = out.last_mut()
            && let (
                RawDate::Day {
                    day_to: None,
                    month,
                    year: None,
                    ..
                },
                RawDate::Day {
                    day: d2,
                    day_to: None,
                    month: m2,
                    year: Some(y2),
                    ..
                },
            ) = (prev.raw, f.raw)
            && m2 != month
            && text.get(prev.end..f.start).is_some_and(|gap| {
                matches!(
                    gap.trim().to_lowercase().as_str(),
                    "-" | "–"
                        | "—"
                        | "to"
                        | "until"
                        | "hingga"
                        | "sampai"
                        | "sampai dengan"
                        | "s.d."
                        | "s/d"
                )
            })
            && let RawDate::Day {
                day_to,
                month_to,
                year,
                ..
            } = &mut prev.raw
        {
            *day_to = Some(d2);
            *month_to = Some(m2);
            *year = Some(if m2 < month { y2 - 1 } else { y2 });
            prev.end = f.end;
            continue;
        }
        out.push(f);
    }
    out
}

/// Resolves one mention against the article's anchors. `None` where nothing anchors it.
pub fn resolve(raw: &RawDate, future: bool, anchors: &Anchors) -> Option<DateSpan> {
    match *raw {
        RawDate::Day {
            day,
            day_to,
            month_to,
            month,
            year,
            weekday,
            ..
        } => {
            let make = |y: i32, c: Certainty| -> Option<DateSpan> {
                let start = NaiveDate::from_ymd_opt(y, month, day)?;
                // A range into the next month; into January, of the next year.
                let (to_year, to_month) = match month_to {
                    Some(m) if m < month => (y + 1, m),
                    Some(m) => (y, m),
                    None => (y, month),
                };
                let end = day_to
                    .and_then(|d| NaiveDate::from_ymd_opt(to_year, to_month, d))
                    .filter(|e| *e >= start)
                    .unwrap_or(start);
                Some(DateSpan {
                    start,
                    end,
                    precision: Precision::Day,
                    certainty: c,
                })
            };
            if let Some(y) = year {
                let span = make(y, Certainty::Stated)?;
                let certainty = match weekday {
                    Some(w) if span.start.weekday() != w => Certainty::Uncertain,
                    _ => Certainty::Stated,
                };
                return Some(DateSpan { certainty, ..span });
            }
            let year = year_for_day_month(day, month, weekday, future, anchors)?;
            make(year.0, year.1)
        }
        RawDate::Month {
            month,
            year: Some(y),
            ..
        } => DateSpan::month(y, month, Certainty::Stated),
        RawDate::Month {
            month,
            year: None,
            future: fut,
        } => {
            let p = anchors.published?;
            let y = if fut || future {
                if month >= p.month() {
                    p.year()
                } else {
                    p.year() + 1
                }
            } else if month <= p.month() {
                p.year()
            } else {
                p.year() - 1
            };
            DateSpan::month(y, month, Certainty::Inferred)
        }
        RawDate::Year(y) => DateSpan::year(y, Certainty::Stated),
        RawDate::Years(a, b) => Some(DateSpan {
            start: NaiveDate::from_ymd_opt(a, 1, 1)?,
            end: NaiveDate::from_ymd_opt(b, 12, 31)?,
            precision: Precision::Year,
            certainty: Certainty::Stated,
        }),
        RawDate::Relative(rel) => {
            let p = anchors.published?;
            Some(match rel {
                Relative::Today => DateSpan::day(p, Certainty::Inferred),
                Relative::DaysAgo(n) => DateSpan::day(
                    p.checked_sub_signed(Duration::try_days(n)?)?,
                    Certainty::Inferred,
                ),
                Relative::LastWeekend => {
                    // The Saturday–Sunday before the anchor (Saturday as the day).
                    let back = (p.weekday().num_days_from_monday() as i64 + 2).rem_euclid(7);
                    let back = if back == 0 { 7 } else { back };
                    let sat = p - Duration::days(back);
                    DateSpan {
                        start: sat,
                        end: sat + Duration::days(1),
                        precision: Precision::Day,
                        certainty: Certainty::Inferred,
                    }
                }
                Relative::LastWeek | Relative::NextWeek => {
                    let monday = p - Duration::days(p.weekday().num_days_from_monday() as i64);
                    let start = if rel == Relative::LastWeek {
                        monday - Duration::days(7)
                    } else {
                        monday + Duration::days(7)
                    };
                    DateSpan {
                        start,
                        end: start + Duration::days(6),
                        precision: Precision::Day,
                        certainty: Certainty::Uncertain,
                    }
                }
                Relative::LastMonth | Relative::MonthsAgo(_) => {
                    let n = if let Relative::MonthsAgo(n) = rel {
                        n
                    } else {
                        1
                    };
                    let total = p.year() as i64 * 12 + p.month0() as i64 - n;
                    DateSpan::month(
                        total.div_euclid(12) as i32,
                        (total.rem_euclid(12) + 1) as u32,
                        Certainty::Inferred,
                    )?
                }
                Relative::ThisYear => DateSpan::year(p.year(), Certainty::Inferred)?,
                Relative::NextYear => DateSpan::year(p.year() + 1, Certainty::Inferred)?,
                Relative::ThisMonth => DateSpan::month(p.year(), p.month(), Certainty::Inferred)?,
                Relative::NextMonth => {
                    let (y, m) = if p.month() == 12 {
                        (p.year() + 1, 1)
                    } else {
                        (p.year(), p.month() + 1)
                    };
                    DateSpan::month(y, m, Certainty::Inferred)?
                }
                Relative::DayOfMonth(day) => {
                    // This month's day, or last month's when it is still to come.
                    let this =
                        NaiveDate::from_ymd_opt(p.year(), p.month(), day).filter(|d| *d <= p);
                    let last = || {
                        let (y, m) = if p.month() == 1 {
                            (p.year() - 1, 12)
                        } else {
                            (p.year(), p.month() - 1)
                        };
                        NaiveDate::from_ymd_opt(y, m, day)
                    };
                    DateSpan::day(this.or_else(last)?, Certainty::Inferred)
                }
                Relative::LastYear | Relative::YearsAgo(_) => {
                    let n = if let Relative::YearsAgo(n) = rel {
                        n
                    } else {
                        1
                    };
                    DateSpan::year(p.year() - n as i32, Certainty::Inferred)?
                }
            })
        }
        RawDate::Weekday {
            weekday,
            future: fut,
        } => {
            if let Some(p) = anchors.published {
                let diff = p.weekday().num_days_from_monday() as i64
                    - weekday.num_days_from_monday() as i64;
                let ahead = (-diff).rem_euclid(7);
                let date = if fut || future {
                    p + Duration::days(ahead)
                } else if anchors.event_day {
                    nearest_weekday(p, weekday)
                } else {
                    p - Duration::days(diff.rem_euclid(7))
                };
                return Some(DateSpan::day(date, Certainty::Inferred));
            }
            let mut hits: Vec<NaiveDate> = anchors
                .stated_days
                .iter()
                .copied()
                .filter(|d| d.weekday() == weekday)
                .collect();
            hits.sort();
            hits.dedup();
            match hits.as_slice() {
                [one] => Some(DateSpan::day(*one, Certainty::Inferred)),
                _ => None,
            }
        }
    }
}

/// The day of `weekday` within three days either side of `anchor` (a weekday told beside an event's day).
pub fn nearest_weekday(anchor: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (i64::from(weekday.num_days_from_monday())
        - i64::from(anchor.weekday().num_days_from_monday()))
    .rem_euclid(7);
    anchor + Duration::days(if ahead <= 3 { ahead } else { ahead - 7 })
}

/// The year of a year-less day and month, with how sure it is.
fn year_for_day_month(
    day: u32,
    month: u32,
    weekday: Option<Weekday>,
    future: bool,
    anchors: &Anchors,
) -> Option<(i32, Certainty)> {
    let fits = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, day)
            .is_some_and(|d| weekday.is_none_or(|w| d.weekday() == w))
    };
    if let Some(p) = anchors.published {
        // The reading nearest the publication date: reports look back, announcements (`mendatang`) forward.
        let mut best: Option<(i64, i32)> = None;
        for y in [p.year() - 1, p.year(), p.year() + 1] {
            let Some(d) = NaiveDate::from_ymd_opt(y, month, day) else {
                continue;
            };
            let mut dist = (d - p).num_days();
            if future {
                dist = if dist < -3 { 10_000 - dist } else { dist.abs() };
            } else {
                dist = if dist > 7 { 10_000 + dist } else { dist.abs() };
            }
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, y));
            }
        }
        if let Some((_, y)) = best
            && fits(y)
        {
            return Some((y, Certainty::Inferred));
        }
    }
    let in_office = |y: &i32| anchors.office.is_none_or(|(a, b)| (a..=b).contains(y));
    let mut candidates: Vec<i32> = (YEAR_RANGE.0..=YEAR_RANGE.1).filter(|&y| fits(y)).collect();
    // The years the office-holders named held their posts narrow the weekday's years, unless none is left (a
    // post the table closes too early, a title kept after leaving it).
    let narrowed = candidates.len() > 1 && candidates.iter().filter(|y| in_office(y)).count() == 1;
    if candidates.iter().any(in_office) {
        candidates.retain(in_office);
    }
    if weekday.is_some() {
        match candidates.as_slice() {
            // A weekday that fits no year of the period is a slip of the writer's: the day and month stand, the
            // year is unknown.
            [] => year_for_day_month(day, month, None, future, anchors),
            // The one year the weekday fits is the day's where the years the text prints agree (that year, or the
            // one before or after: a plan for next year); resting on the weekday alone, with no year printed or
            // only far ones, it is a guess, marked so: writers slip on weekdays (`Jumat (30/8)` for Friday the
            // 31st).
            [one] if anchors.years.iter().any(|y| y.abs_diff(*one) <= 1) => {
                Some((*one, Certainty::Inferred))
            }
            // The weekday and the posts of the people named agree on one year, and no year printed says
            // otherwise.
            [one] if narrowed && anchors.years.iter().all(|y| !in_office(y) || y == one) => {
                Some((*one, Certainty::Inferred))
            }
            [one] => Some((*one, Certainty::Uncertain)),
            many => {
                let mentioned: Vec<i32> = many
                    .iter()
                    .copied()
                    .filter(|y| anchors.years.contains(y))
                    .collect();
                match mentioned.as_slice() {
                    [one] => Some((*one, Certainty::Inferred)),
                    _ => many.first().map(|&y| (y, Certainty::Uncertain)),
                }
            }
        }
    } else {
        // No weekday: the one year the article states (`The 2018 ASEAN … Meeting … on December 3-6`) is the
        // day's; of several, the one stated most often, as a guess.
        // A plan's horizon (`from 2021 to 2025`) or a founding year is rarely the news's: years of the period
        // the timeline covers come first.
        // A year far from the period (`Visi 2045`, `by 2030`, `founded in 1967`) never gives a day its year.
        let in_period = |y: &i32| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(y);
        let near_period = |y: &i32| (YEAR_RANGE.0 - 2..=YEAR_RANGE.1 + 2).contains(y);
        let mut years: Vec<i32> = if anchors.years.iter().any(in_period) {
            anchors.years.iter().copied().filter(in_period).collect()
        } else {
            anchors.years.iter().copied().filter(near_period).collect()
        };
        // Of the years printed, those the office-holders named were in office in (when any is).
        if years.iter().any(in_office) {
            years.retain(in_office);
        }
        years.sort_unstable();
        let mut all = anchors.years.clone();
        all.sort_unstable();
        let distinct = all.chunk_by(|a, b| a == b).count();
        let most = years
            .chunk_by(|a, b| a == b)
            .max_by_key(|run| run.len())
            .and_then(|run| run.first().copied());
        // A day before what the text tells as going on since then is a year later (`signed … on January 30`
        // beside `since he became prime minister on November 24, 2022`: 2023).
        let after_since = |y: i32| {
            let before = anchors.since_day.is_some_and(|s| {
                !future && NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d < s)
            });
            if before && fits(y + 1) { y + 1 } else { y }
        };
        // With no year printed, the one year the office-holders' posts allow.
        let office_year = anchors
            .office
            .filter(|(a, b)| a == b && fits(*a))
            .map(|(a, _)| a);
        match most.map(after_since) {
            Some(y) if distinct == 1 => Some((y, Certainty::Inferred)),
            Some(y) => Some((y, Certainty::Uncertain)),
            None if office_year.is_some() => office_year.map(|y| (y, Certainty::Inferred)),
            // With no year at all, the day is still shown, at a year marked as unknown.
            None => Some((UNKNOWN_YEAR, Certainty::Uncertain)),
        }
    }
}

/// Where a date whose year nothing tells is placed (marked uncertain; the corpus pass moves it to the year most of
/// the corpus's articles report).
pub const UNKNOWN_YEAR: i32 = YEAR_RANGE.1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_lexicon_look_ups_answer_as_the_table_scan() {
        assert!(
            MONTH_KEYS.is_some() && WEEKDAY_KEYS.is_some(),
            "every name packs"
        );
        let mut words: Vec<String> = MONTHS
            .iter()
            .chain(WEEKDAYS)
            .flat_map(|(n, _)| {
                [
                    n.to_string(),
                    n.to_uppercase(),
                    format!("{n}x"),
                    n.chars().skip(1).collect(),
                ]
            })
            .collect();
        words.extend(
            [
                "",
                "Mei",
                "MEI",
                "a",
                "Selasa.",
                "abcdefghijklmnopqrstu",
                "Séptember",
                "jum’at",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(
                lexicon_lookup(MONTHS, MONTH_KEYS.as_ref(), w),
                lexicon_number(MONTHS, w),
                "{w:?}"
            );
            assert_eq!(
                lexicon_lookup(WEEKDAYS, WEEKDAY_KEYS.as_ref(), w),
                lexicon_number(WEEKDAYS, w),
                "{w:?}"
            );
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The numeric patterns searched around their `/` and `-` find exactly the matches a search of the whole
    /// text finds, on texts mixing every part the patterns hold with the bytes that break them.
    #[test]
    fn searching_around_anchors_equals_searching_everything() {
        let p = PATTERNS.as_ref().unwrap();
        let parts = [
            "(",
            ")",
            "/",
            "6",
            "11",
            "2021",
            "21",
            " ",
            "  ",
            ",",
            "sabtu",
            "jum’at",
            "jum'at",
            "-",
            "-06",
            "2021-11-06",
            "2018.10.11",
            "2018.",
            ".11",
            "\n",
            "no",
            ".",
            "10.43",
            "10:43",
            "wib",
            "wita",
            "x",
            "“",
            "\u{a0}",
            "\u{0b}",
            "a",
            "senin",
            "1/2/2018",
            "(6/11)",
            "(6/11/21)",
            "9",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || crate::extract::xorshift(&mut seed);
        let spans = |caps: Vec<super::super::re::Captures<'_>>| -> Vec<(usize, usize)> {
            caps.iter()
                .filter_map(|c| c.get(0))
                .map(|m| (m.start(), m.end()))
                .collect()
        };
        let mut found = 0;
        for _ in 0..4000 {
            let n = 1 + (next() % 24) as usize;
            let text: String = (0..n)
                .map(|_| parts[(next() % parts.len() as u64) as usize])
                .collect();
            let whole = |r: &Regex| spans(r.captures_iter(&text).collect());
            let paren = spans(
                p.paren
                    .captures_around(&text, b'/', paren_before, paren_after),
            );
            assert_eq!(paren, whole(&p.paren), "paren in {text:?}");
            let numeric = spans(
                p.numeric
                    .captures_around(&text, b'/', is_digit, numeric_after),
            );
            assert_eq!(numeric, whole(&p.numeric), "numeric in {text:?}");
            let iso = spans(p.iso.captures_around(&text, b'-', is_digit, iso_after));
            assert_eq!(iso, whole(&p.iso), "iso in {text:?}");
            let dotted =
                spans(
                    p.iso_dotted
                        .captures_around(&text, b'.', is_digit, iso_dotted_after),
                );
            assert_eq!(dotted, whole(&p.iso_dotted), "dotted in {text:?}");
            found += paren.len() + numeric.len() + iso.len() + dotted.len();
        }
        // The texts do hold dates (the comparison is not between two empty lists).
        assert!(found > 1000, "{found}");
    }

    fn one(text: &str) -> Found {
        let f = find_dates(text);
        assert!(!f.is_empty(), "no date in {text:?}");
        f[0]
    }

    fn value(text: &str, anchors: &Anchors) -> Option<(String, Certainty)> {
        let f = one(text);
        resolve(&f.raw, f.future, anchors).map(|s| (s.value(), s.certainty))
    }

    fn pub_on(y: i32, m: u32, day: u32) -> Anchors {
        Anchors {
            published: Some(d(y, m, day)),
            ..Default::default()
        }
    }

    #[test]
    fn the_posts_of_the_people_named_give_a_year_less_day_its_year() {
        // 21 January was a Thursday in 2016 and 2021: the office-holders' 2020–2021 leaves one.
        let office = Anchors {
            office: Some((2020, 2021)),
            ..Default::default()
        };
        assert_eq!(
            value("dibuka Kamis (21/1).", &office),
            Some(("2021-01-21".into(), Certainty::Inferred))
        );
        assert_eq!(
            value("dibuka Kamis (21/1).", &Anchors::default()).map(|v| v.1),
            Some(Certainty::Uncertain)
        );
        // Of the years printed, the one they were in office in.
        let printed = Anchors {
            years: vec![2016, 2016, 2021],
            office: Some((2020, 2021)),
            ..Default::default()
        };
        assert_eq!(
            value("on January 21.", &printed).map(|v| v.0),
            Some("2021-01-21".into())
        );
        // A term of one year dates a day that nothing else dates; posts that allow no year of the weekday are
        // ignored.
        let one = Anchors {
            office: Some((2022, 2022)),
            ..Default::default()
        };
        assert_eq!(
            value("on June 6.", &one),
            Some(("2022-06-06".into(), Certainty::Inferred))
        );
        assert_eq!(
            value("Kamis (21/1).", &one).map(|v| v.0),
            value("Kamis (21/1).", &Anchors::default()).map(|v| v.0)
        );
    }

    #[test]
    fn weekday_with_full_date_is_stated() {
        let a = Anchors::default();
        assert_eq!(
            value("pada Kamis (24/8/2023).", &a),
            Some(("2023-08-24".into(), Certainty::Stated))
        );
        // Wrong weekday for the date: flagged.
        assert_eq!(
            value("pada Jumat (24/8/2023).", &a),
            Some(("2023-08-24".into(), Certainty::Uncertain))
        );
    }

    #[test]
    fn a_year_far_from_the_period_gives_no_day_its_year() {
        let a = Anchors {
            years: vec![2030],
            ..Default::default()
        };
        let got = value("dibuka pada 7 Oktober", &a);
        assert_eq!(got.map(|(_, c)| c), Some(Certainty::Uncertain));
        assert_ne!(
            value("dibuka pada 7 Oktober", &a).map(|(v, _)| v),
            Some("2030-10-07".into())
        );
    }

    #[test]
    fn weekday_with_a_written_date_in_parentheses() {
        let a = Anchors::default();
        assert_eq!(
            value("on Thursday (September 1, 2022) in Bali", &a),
            Some(("2022-09-01".into(), Certainty::Stated))
        );
        // Year-less: the day is read, its year from the publication date.
        assert_eq!(
            value("pada Rabu (13 Januari) di Parapat", &pub_on(2021, 1, 14)),
            Some(("2021-01-13".into(), Certainty::Inferred))
        );
        assert_eq!(
            value("on Monday (Sept.12) the team", &pub_on(2022, 9, 13)),
            Some(("2022-09-12".into(), Certainty::Inferred))
        );
    }

    #[test]
    fn ranges_across_months() {
        let a = Anchors::default();
        let span = |t: &str| {
            let f = one(t);
            resolve(&f.raw, f.future, &a).map(|s| (s.start.to_string(), s.end.to_string()))
        };
        assert_eq!(
            span("held on July 29–August 4, 2017 in Manila"),
            Some(("2017-07-29".into(), "2017-08-04".into()))
        );
        assert_eq!(
            span("berlangsung 29 Juli hingga 4 Agustus 2017 di Manila"),
            Some(("2017-07-29".into(), "2017-08-04".into()))
        );
        assert_eq!(
            span("from December 30 to January 2, 2023"),
            Some(("2022-12-30".into(), "2023-01-02".into()))
        );
        // Two dates in a list are not a range.
        assert_eq!(find_dates("on 3 March and 9 April 2019").len(), 2);
    }

    #[test]
    fn a_month_with_a_comma_before_its_day() {
        assert_eq!(
            value("December, 29 2020", &Anchors::default()),
            Some(("2020-12-29".into(), Certainty::Stated))
        );
        // An ordinal day before the month.
        assert_eq!(
            value("on 7th December 2020", &Anchors::default()),
            Some(("2020-12-07".into(), Certainty::Stated))
        );
        assert_eq!(
            value("the 21st of March 2019", &Anchors::default()),
            Some(("2019-03-21".into(), Certainty::Stated))
        );
    }

    #[test]
    fn two_digit_year_in_parentheses() {
        assert_eq!(
            value("saat ini, (3/4/15).", &Anchors::default()),
            Some(("2015-04-03".into(), Certainty::Stated))
        );
    }

    #[test]
    fn yearless_weekday_date_uses_the_calendar() {
        // 14 August is a Tuesday only in 2018 within 2015–2023: the day is placed there, but with no year in the
        // text (or only far ones) it rests on the weekday alone, which writers get wrong: a guess.
        assert_eq!(
            value("Selasa (14/8).", &Anchors::default()),
            Some(("2018-08-14".into(), Certainty::Uncertain))
        );
        let far = Anchors {
            years: vec![2015, 2025],
            ..Default::default()
        };
        assert_eq!(
            value("Selasa (14/8).", &far),
            Some(("2018-08-14".into(), Certainty::Uncertain))
        );
        // A year the text prints, or the year after it (a plan), agrees with the weekday: inferred.
        for y in [2018, 2019] {
            let a = Anchors {
                years: vec![y],
                ..Default::default()
            };
            assert_eq!(
                value("Selasa (14/8).", &a),
                Some(("2018-08-14".into(), Certainty::Inferred))
            );
        }
        // 26 July is a Wednesday in 2017 and 2023: no reader can know → uncertain.
        let r = value("pada Rabu (26/7) membahas", &Anchors::default()).unwrap();
        assert_eq!(r.1, Certainty::Uncertain);
        // A year stated elsewhere in the text settles it.
        let a = Anchors {
            years: vec![2023],
            ..Default::default()
        };
        assert_eq!(
            value("pada Rabu (26/7) membahas", &a),
            Some(("2023-07-26".into(), Certainty::Inferred))
        );
    }

    #[test]
    fn yearless_day_takes_a_year_of_the_period_over_a_plans_horizon() {
        // A plan running to 2025 does not date a meeting held on a year-less January day.
        let a = Anchors {
            years: vec![2021, 2025],
            ..Default::default()
        };
        assert_eq!(
            value("The meeting was held on January 21.", &a),
            Some(("2021-01-21".into(), Certainty::Uncertain))
        );
    }

    #[test]
    fn a_span_of_years_is_one_mention() {
        let t = "Rencana aksi 2021-2024, strategi 2016 – 2025 (2020-2024) dan program from 2021 to 2025. \
                 Nomor 2021-2024-03 bukan, 2023 to 2025 juga bukan, 2024-2019 pun bukan.";
        let spans: Vec<(&str, i32, i32)> = find_dates(t)
            .iter()
            .filter_map(|f| match f.raw {
                RawDate::Years(a, b) => Some((&t[f.start..f.end], a, b)),
                _ => None,
            })
            .collect();
        assert_eq!(
            spans,
            vec![
                ("2021-2024", 2021, 2024),
                ("2016 – 2025", 2016, 2025),
                ("2020-2024", 2020, 2024),
                ("from 2021 to 2025", 2021, 2025),
            ]
        );
        let s = resolve(&RawDate::Years(2021, 2024), false, &Anchors::default()).unwrap();
        assert_eq!((s.start, s.end), (d(2021, 1, 1), d(2024, 12, 31)));
    }

    #[test]
    fn a_plans_horizon_is_a_future_year() {
        let t = "Rencana aksi hingga 2025 dibahas. The ASEAN Digital Masterplan 2025 was adopted in 2021.";
        let years: Vec<(i32, bool)> = find_dates(t)
            .iter()
            .filter_map(|f| match f.raw {
                RawDate::Year(y) => Some((y, f.future)),
                _ => None,
            })
            .collect();
        assert_eq!(years, vec![(2025, true), (2025, true), (2021, false)]);
    }

    #[test]
    fn yearless_date_anchored_on_publication() {
        assert_eq!(
            value("Jumat (20/4).", &pub_on(2018, 4, 20)),
            Some(("2018-04-20".into(), Certainty::Inferred))
        );
        assert_eq!(
            value("Selasa (25/8).", &pub_on(2015, 8, 25)),
            Some(("2015-08-25".into(), Certainty::Inferred))
        );
        // Published in January about late December: the previous year.
        assert_eq!(
            value("Rabu (30/12)", &pub_on(2016, 1, 2)),
            Some(("2015-12-30".into(), Certainty::Inferred))
        );
    }

    #[test]
    fn a_date_joined_by_dots_is_a_day() {
        let f = one("Penulis\n2018.10.11\nNusa Dua");
        assert!(matches!(
            f.raw,
            RawDate::Day {
                day: 11,
                month: 10,
                year: Some(2018),
                ..
            }
        ));
        // Not a day: a month 13, a version with more parts.
        assert!(
            find_dates("versi 2018.13.01 dirilis")
                .iter()
                .all(|f| !matches!(f.raw, RawDate::Day { .. }))
        );
    }

    #[test]
    fn a_numeric_date_is_read_month_first_only_where_day_first_cannot_be() {
        let day_month = |t: &str| {
            find_dates(t)
                .iter()
                .find_map(|f| match f.raw {
                    RawDate::Day { day, month, .. } => Some((day, month)),
                    _ => None,
                })
                .unwrap_or((0, 0))
        };
        // Day first, as printed on Indonesian pages.
        assert_eq!(day_month("Kamis, 05/10/2017 - 09:00"), (5, 10));
        assert_eq!(day_month("05/11/2015 07:56"), (5, 11));
        // The weekday fits only month first: 5 November 2015 is a Thursday, 11 May 2015 a Monday.
        assert_eq!(day_month("Thu, 11/05/2015 - 07:56"), (5, 11));
        // No thirteenth month.
        assert_eq!(day_month("posted 11/25/2015"), (25, 11));
    }

    #[test]
    fn numeric_page_date_with_time() {
        let f = one("02/5/2018 07:20");
        assert!(matches!(
            f.raw,
            RawDate::Day {
                has_time: true,
                day: 2,
                month: 5,
                year: Some(2018),
                ..
            }
        ));
        let f = one("Kompas.com - 05/05/2023, 16:08 WIB");
        assert!(matches!(
            f.raw,
            RawDate::Day {
                has_time: true,
                day: 5,
                month: 5,
                ..
            }
        ));
    }

    #[test]
    fn indonesian_long_dates() {
        let f = one("Senin, 29 Desember 2014 | 07:00 WIB");
        assert!(matches!(
            f.raw,
            RawDate::Day {
                day: 29,
                month: 12,
                year: Some(2014),
                has_time: true,
                weekday: Some(Weekday::Mon),
                ..
            }
        ));
        assert_eq!(
            value("pada 20 April 2018", &Anchors::default()).unwrap().0,
            "2018-04-20"
        );
        assert_eq!(
            value("Selasa 25 Aug 2015 13:45 WIB", &Anchors::default())
                .unwrap()
                .0,
            "2015-08-25"
        );
    }

    #[test]
    fn day_ranges() {
        let f = one("pada 27-28 April 2018 di Singapura");
        let s = resolve(&f.raw, f.future, &Anchors::default()).unwrap();
        assert_eq!((s.start, s.end), (d(2018, 4, 27), d(2018, 4, 28)));
        let f = one("KTT pada 27-28 April mendatang");
        assert!(f.future);
        let s = resolve(&f.raw, f.future, &pub_on(2018, 4, 20)).unwrap();
        assert_eq!(
            (s.start, s.end, s.certainty),
            (d(2018, 4, 27), d(2018, 4, 28), Certainty::Inferred)
        );
        let f = one("mulai tanggal 21 sampai dengan 22 Januari 2021");
        let s = resolve(&f.raw, f.future, &Anchors::default()).unwrap();
        assert_eq!((s.start, s.end), (d(2021, 1, 21), d(2021, 1, 22)));
    }

    #[test]
    fn english_dates() {
        assert_eq!(
            value("on April 20, 2018 in", &Anchors::default())
                .unwrap()
                .0,
            "2018-04-20"
        );
        assert_eq!(
            value("met last week", &pub_on(2018, 4, 20)).unwrap().0,
            "2018-04-09"
        );
        assert_eq!(
            value("in a statement on Tuesday", &pub_on(2016, 9, 7))
                .unwrap()
                .0,
            "2016-09-06"
        );
    }

    #[test]
    fn years_and_months() {
        assert_eq!(
            value("Tahun 2013 yang lalu", &Anchors::default()),
            Some(("2013".into(), Certainty::Stated))
        );
        assert_eq!(
            value("pada bulan Maret lalu", &pub_on(2019, 5, 2)),
            Some(("2019-03".into(), Certainty::Inferred))
        );
        assert_eq!(
            value("sejak April 2018", &Anchors::default()).unwrap().0,
            "2018-04"
        );
    }

    #[test]
    fn relative_expressions() {
        let p = pub_on(2018, 5, 2); // a Wednesday
        assert_eq!(
            value("di Singapura, akhir pekan lalu.", &p).unwrap().0,
            "2018-04-28"
        );
        assert_eq!(value("kemarin", &p).unwrap().0, "2018-05-01");
        assert_eq!(value("hari ini", &p).unwrap().0, "2018-05-02");
        assert_eq!(
            value("Rapat digelar pagi ini.", &p).unwrap().0,
            "2018-05-02"
        );
        assert_eq!(value("He spoke this morning.", &p).unwrap().0, "2018-05-02");
        assert_eq!(value("dua hari lalu", &p).unwrap().0, "2018-04-30");
        // Without an anchor nothing is guessed.
        assert_eq!(value("kemarin", &Anchors::default()), None);
    }

    #[test]
    fn a_bare_weekday_near_the_events_day_is_the_nearest_such_day() {
        // A Friday meeting quoted on the Saturday; a Thursday briefing the day before.
        let a = Anchors {
            published: Some(d(2021, 1, 22)),
            event_day: true,
            ..Default::default()
        };
        assert_eq!(value("kata Johnny, Sabtu.", &a).unwrap().0, "2021-01-23");
        assert_eq!(value("ujarnya, Kamis.", &a).unwrap().0, "2021-01-21");
        // Against a printed publication date the day is never later.
        assert_eq!(
            value("kata Johnny, Sabtu.", &pub_on(2021, 1, 22))
                .unwrap()
                .0,
            "2021-01-16"
        );
    }

    #[test]
    fn bare_weekday_resolves_against_stated_dates() {
        let a = Anchors {
            stated_days: vec![d(2018, 4, 26), d(2018, 4, 27)],
            ..Default::default()
        };
        assert_eq!(
            value("di Singapura, Jumat malam,", &a).unwrap().0,
            "2018-04-27"
        );
        // Jum'at with an apostrophe.
        assert_eq!(
            value("Jum'at lalu", &pub_on(2018, 4, 30)).unwrap().0,
            "2018-04-27"
        );
    }

    #[test]
    fn minggu_as_week_is_not_sunday() {
        assert!(
            find_dates("dua Minggu lalu")
                .iter()
                .all(|f| !matches!(f.raw, RawDate::Weekday { .. }))
        );
        assert!(
            find_dates("Minggu lalu")
                .iter()
                .all(|f| !matches!(f.raw, RawDate::Weekday { .. }))
        );
        assert!(matches!(
            one("pada Minggu (12/5)").raw,
            RawDate::Day {
                weekday: Some(Weekday::Sun),
                ..
            }
        ));
        assert!(matches!(
            one("Pada Minggu, para menteri").raw,
            RawDate::Weekday {
                weekday: Weekday::Sun,
                ..
            }
        ));
    }

    #[test]
    fn traps_are_not_dates() {
        // A law number, an ISO year-month fragment and a lower-case modal "may".
        assert!(
            find_dates("UU ITE 11/2008 mengatur")
                .iter()
                .all(|f| !matches!(f.raw, RawDate::Day { .. }))
        );
        assert!(find_dates("it may 5 times").is_empty());
        let f = find_dates("No. 3/4/2015 tentang");
        assert!(f.iter().all(|f| !matches!(f.raw, RawDate::Day { .. })));
    }
}
