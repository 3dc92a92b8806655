//! Pure extraction: an [`Article`] in, [`ArticleFacts`] out, every fact with the byte span it came from; then
//! [`merge::build_events`] turns many articles' facts into timeline [`crate::model::Event`]s. No I/O, no UI.

pub mod dates;
pub mod entities;
pub mod gazetteer;
pub mod imported;
pub mod layout;
pub mod lexicon;
pub mod lockstep;
pub mod merge;
pub mod people;
pub mod quotes;
pub mod re;
pub mod refine;

use crate::model::{
    Article, ArticleFacts, Certainty, DateMention, DateSpan, Precision, RelatedEvent, Span,
};
use chrono::NaiveDate;
use dates::{Anchors, Found, RawDate, find_dates, resolve, window_before};
use entities::{
    ForumHit, canonical_place, dateline, find_outlet_with, looks_like_place, online_near,
};
use layout::{Layout, LineKind, sentence_around};
use lexicon::EVENT_NOUNS;

/// Parses a publication date given by a structured file (`2018-04-20`, `2018-04-20 10:00:00`, RFC 3339,
/// `20/04/2018`).
pub fn parse_meta_date(s: &str) -> Option<NaiveDate> {
    // A publication date outside 1900–2100 is junk, and near chrono's limits it would overflow date arithmetic.
    parse_meta_date_any(s).filter(|d| (1900..=2100).contains(&chrono::Datelike::year(d)))
}

fn parse_meta_date_any(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = s
        .get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    {
        return Some(d);
    }
    for fmt in ["%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    let f = find_dates(s);
    let first = f.first()?;
    resolve(&first.raw, false, &Anchors::default())
        .filter(|d| d.precision == Precision::Day)
        .map(|d| d.start)
}

/// The publication date printed at the top of the page: a date with a clock time, or a date alone on a header
/// line. Returns the mention's index.
fn publication_mention(text: &str, layout: &Layout, found: &[Found]) -> Option<usize> {
    found.iter().position(|f| {
        let RawDate::Day {
            year: Some(_),
            has_time,
            ..
        } = f.raw
        else {
            return false;
        };
        let kind = layout.kind_at_offset(f.start);
        if matches!(kind, LineKind::Chrome | LineKind::Caption) {
            return false;
        }
        let line = layout
            .line_span(f.start)
            .map(|s| s.slice(text))
            .unwrap_or("");
        let alone = line.trim().len() <= (f.end - f.start) + 30;
        let near_top = kind == LineKind::Header || f.start < layout.body_start + 200;
        // `Date 8 Mei 2023`, `Published: 3 July 2018`, `Diterbitkan pada …`: a page's own label for its date.
        let labelled = || {
            let before = window_before(text, f.start, 24).to_lowercase();
            let before = before
                .trim_end()
                .trim_end_matches([':', '-', '|'])
                .trim_end()
                .trim_end_matches(" on")
                .trim_end_matches(" pada");
            PUBLISHED_LABELS.iter().any(|l| {
                before.ends_with(l)
                    && before[..before.len() - l.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
        };
        (has_time && near_top)
            || in_dateline(text, layout, f.start)
            || (kind == LineKind::Header && alone)
            || (near_top && (kind == LineKind::Header || line.trim().len() < 140) && labelled())
    })
}

/// The page date some scrapers write before the text (` date 2020-08-28 New York, MINA – …`): the
/// publication date, never the event's. Returns the mention's index.
fn scraped_page_date(text: &str, found: &[Found]) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let rest = text.get(lead..)?;
    let after = rest
        .strip_prefix("date ")
        .or_else(|| rest.strip_prefix("Date "))?;
    let at = lead + (rest.len() - after.len());
    found
        .iter()
        .position(|f| f.start == at && matches!(f.raw, RawDate::Day { year: Some(_), .. }))
}

/// Words that place an event at a date: `diadakan … pada tanggal 2 September`.
const HELD_WORDS: &[&str] = &[
    "diadakan",
    "digelar",
    "berlangsung",
    "dilaksanakan",
    "diselenggarakan",
    "dilangsungkan",
    "held",
    "took place",
    "hosted",
    "convened",
    "bertemu",
    "met",
    "menggelar",
    "mengadakan",
    "melangsungkan",
    "menyelenggarakan",
    "melaksanakan",
    "meeting on",
    "pertemuan",
];

/// Words of a newsroom receiving a statement: the date and place after them are the press release's.
const RECEIVED_WORDS: &[&str] = &[
    "diterima",
    "received by",
    "dikutip",
    "quoted by",
    "dilansir",
    "rilis",
    "siaran pers",
    "press release",
    "keterangan tertulis",
    "keterangan resmi",
    "pernyataan tertulis",
    // Sent out through a press release (a press statement made in person, `dalam pernyataan pers di Labuan
    // Bajo`, is an event of its own).
    "melalui keterangan pers",
    "melalui siaran pers",
    "written statement",
];

/// Words that put what was said at an untold time shortly before (`baru-baru ini`, `recently`).
const RECENTLY_WORDS: &[&str] = &[
    "baru-baru ini",
    "belum lama ini",
    "beberapa waktu lalu",
    "beberapa hari lalu",
    "recently",
    "earlier this week",
    "earlier this month",
];

/// Words of a journey in the date's clause (`memulai kunjungan kerja ke Labuan Bajo, Selasa (19/7)`, `arrived in
/// Singapore on Monday`): the day the traveller came, which a meeting the report dates too outweighs.
const TRAVEL_WORDS: &[&str] = &[
    "memulai kunjungan",
    "tiba di",
    "bertolak ke",
    "berangkat ke",
    "mendarat di",
    "arrived in",
    "arrives in",
    "arrived at",
    "landed in",
    "departed for",
    "left for",
];

/// Words that put what follows before the reported event.
const PRIOR_WORDS: &[&str] = &[
    "followed the",
    "following the",
    "previous",
    "last meeting",
    "sebelumnya",
    "menyusul",
    "terakhir kali",
];

/// Words that make what follows the earlier event a meeting follows up (`a follow-up of the President's visit on
/// December 11, 2017`): never the meeting's own day.
const FOLLOW_UP_WORDS: &[&str] = &[
    "follow-up of",
    "follow-up to",
    "follow up of",
    "follow up to",
    "tindak lanjut dari",
    "tindak lanjut atas",
    "kelanjutan dari",
    "lanjutan dari",
];

/// Labels a page prints before its own date.
const PUBLISHED_LABELS: &[&str] = &[
    "date",
    "published",
    "posted",
    "updated",
    "diterbitkan",
    "dipublikasikan",
    "diposting",
    "dipublikasi",
    "terbit",
    "dimuat",
    "diunggah",
    "dibuat",
];

struct Scored {
    index: usize,
    span: DateSpan,
    score: f64,
}

/// Whether `pos` is inside a direct quotation opened earlier on its line (`“…`, or an odd count of `"`).
fn in_quotation(text: &str, layout: &Layout, pos: usize) -> bool {
    let start = layout.line_span(pos).map_or(0, |s| s.start);
    let Some(before) = text.get(start..pos) else {
        return false;
    };
    let opened = before.matches('“').count();
    let closed = before.matches('”').count();
    opened > closed || before.matches('"').count() % 2 == 1
}

/// Whether `pos` lies in the dateline that opens the body (`Hanoi, 5/6/2019 (VNA) –`, `PHNOM PENH, Nov 12
/// (Reuters) -`): the day the story was filed.
fn in_dateline(text: &str, layout: &Layout, pos: usize) -> bool {
    let Some(line) = layout.line_span(pos) else {
        return false;
    };
    if line.start != layout.body_start {
        return false;
    }
    let head = dates::window_after(text, line.start, 70);
    let cut = [" - ", " – ", " — ", "--"]
        .iter()
        .filter_map(|d| head.find(d))
        .min();
    cut.is_some_and(|c| {
        pos < line.start + c && head.get(..c).is_some_and(|h| h.contains(['(', ',']))
    })
}

/// With no publication date, a day without its year in a sentence that names a numbered meeting (`TELMIN 19
/// that opened in Vientiane on October 24`) is of that meeting's year, inferred.
fn numbered_meeting_day(text: &str, f: &Found, published: Option<NaiveDate>) -> Option<DateSpan> {
    let RawDate::Day { year: None, .. } = f.raw else {
        return None;
    };
    if published.is_some() {
        return None;
    }
    let y = entities::numbered_meeting_year(sentence_around(text, f.start).slice(text))?;
    let mut raw = f.raw;
    if let RawDate::Day { year, .. } = &mut raw {
        *year = Some(y);
    }
    let span = resolve(&raw, f.future, &Anchors::default())?;
    Some(DateSpan {
        certainty: match span.certainty {
            Certainty::Stated => Certainty::Inferred,
            c => c,
        },
        ..span
    })
}

/// With no publication date, a weekday the text marks as past (`Forum yang berlangsung pada Senin lalu`, `last
/// Monday`) is the last such day before the full date the text states nearest to it (`dalam keterangan
/// tertulisnya, Rabu, 23 Agustus 2017`): the day the report was written from.
fn past_weekday_before_stated_day(
    text: &str,
    f: &Found,
    found: &[Found],
    published: Option<NaiveDate>,
) -> Option<DateSpan> {
    let RawDate::Weekday {
        weekday,
        future: false,
    } = f.raw
    else {
        return None;
    };
    if published.is_some() {
        return None;
    }
    let after = dates::window_after(text, f.end, 12)
        .trim_start()
        .to_lowercase();
    let before = window_before(text, f.start, 12).to_lowercase();
    if !(after.starts_with("lalu") || before.trim_end().ends_with("last")) {
        return None;
    }
    let anchor = found
        .iter()
        .filter(|g| {
            matches!(
                g.raw,
                RawDate::Day {
                    year: Some(_),
                    day_to: None,
                    ..
                }
            )
        })
        .filter_map(|g| {
            let d = resolve(&g.raw, false, &Anchors::default())?;
            Some((g.start.abs_diff(f.start), d.start))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, d)| d)?;
    let back = (chrono::Datelike::weekday(&anchor).num_days_from_monday() + 7
        - weekday.num_days_from_monday())
        % 7;
    let back = if back == 0 { 7 } else { back };
    Some(DateSpan::day(
        anchor - chrono::Duration::days(i64::from(back)),
        Certainty::Inferred,
    ))
}

/// How far, in bytes, a day mention may stand from a bare weekday to anchor it (about a paragraph).
const WEEKDAY_ANCHOR_BYTES: usize = 1500;

/// A bare weekday (`kata Tito … di BNDCC, Senin`) on a page that prints no publication date and no full date
/// (against which [`dates::resolve`] reads weekdays) is read as that weekday within three days of the nearest
/// day the text dates near it (`dijadwalkan hingga Kamis (10/11)`): news tells the days of one event or one
/// week together. As sure as that day's year, and never more than inferred. Linear: one pass keeps the last
/// dated day, a second the next one.
fn weekdays_near_dated_days(mentions: &mut [(usize, &Found, Option<DateSpan>)], anchors: &Anchors) {
    if anchors.published.is_some() || !anchors.stated_days.is_empty() {
        return;
    }
    let day_of =
        |s: &Option<DateSpan>| s.filter(|d| d.precision == Precision::Day && d.start == d.end);
    // For each mention, the nearest dated day before it and after it (by byte offset).
    let n = mentions.len();
    let mut before: Vec<Option<(usize, DateSpan)>> = vec![None; n];
    let mut last: Option<(usize, DateSpan)> = None;
    for (k, (_, f, s)) in mentions.iter().enumerate() {
        if let Some(slot) = before.get_mut(k) {
            *slot = last;
        }
        if let Some(d) = day_of(s) {
            last = Some((f.start, d));
        }
    }
    let mut next: Option<(usize, DateSpan)> = None;
    for k in (0..n).rev() {
        let Some((_, f, s)) = mentions.get(k) else {
            continue;
        };
        let (start, raw, own) = (f.start, f.raw, *s);
        if own.is_none()
            && let RawDate::Weekday { weekday, .. } = raw
        {
            let prev = before.get(k).copied().flatten();
            let anchor = [prev, next]
                .into_iter()
                .flatten()
                .map(|(at, d)| (at.abs_diff(start), d))
                .filter(|(distance, _)| *distance <= WEEKDAY_ANCHOR_BYTES)
                .min_by_key(|(distance, _)| *distance)
                .map(|(_, d)| d);
            if let Some(d) = anchor
                && let Some(slot) = mentions.get_mut(k)
            {
                let certainty = if d.certainty == Certainty::Uncertain {
                    Certainty::Uncertain
                } else {
                    Certainty::Inferred
                };
                slot.2 = Some(DateSpan::day(
                    dates::nearest_weekday(d.start, weekday),
                    certainty,
                ));
            }
        }
        if let Some(d) = mentions.get(k).and_then(|m| day_of(&m.2)) {
            next = Some((start, d));
        }
    }
}

/// Where the text dates something else than the event: mentions resolved to a day or month more than a day
/// outside its span, and months nothing anchors (`pada Agustus lalu` with no page date). Years are left out:
/// they name plans and programmes (`ASEAN ICT Masterplan 2020`) as often as times.
fn other_dated(
    mentions: &[(usize, &Found, Option<DateSpan>)],
    event_span: Option<DateSpan>,
) -> Vec<Span> {
    let Some(e) = event_span else {
        return Vec::new();
    };
    let day = chrono::Duration::days(1);
    // A day printed without its year (`pada 29-30 Agustus`) is compared in the event's year: the year each was
    // given is a guess.
    let in_event_year = |f: &Found, d: &DateSpan| -> DateSpan {
        use chrono::Datelike;
        let yearless = matches!(f.raw, RawDate::Day { year: None, .. });
        let shifted = |x: NaiveDate| x.with_year(e.start.year());
        match (yearless, shifted(d.start), shifted(d.end)) {
            (true, Some(start), Some(end)) if start <= end => DateSpan { start, end, ..*d },
            _ => *d,
        }
    };
    mentions
        .iter()
        .filter(|(_, f, d)| match d {
            Some(d) => {
                let d = in_event_year(f, d);
                d.precision != Precision::Year && (d.end + day < e.start || e.end + day < d.start)
            }
            // A month, or a week or month before or after the report's (`Last week I attended …`, `bulan
            // depan`), that the report's day will anchor: another time than the event's.
            None => matches!(
                f.raw,
                RawDate::Month { .. }
                    | RawDate::Relative(
                        dates::Relative::LastWeek
                            | dates::Relative::NextWeek
                            | dates::Relative::LastMonth
                            | dates::Relative::NextMonth
                            | dates::Relative::MonthsAgo(_)
                    )
            ),
        })
        .map(|(_, f, _)| Span::new(f.start, f.end))
        .collect()
}

/// Whether the sentence holding `s` dates another time ([`other_dated`]).
fn dates_other_time(text: &str, other_dated: &[Span], s: Span) -> bool {
    let sentence = sentence_around(text, s.start);
    other_dated
        .iter()
        .any(|d| sentence.start <= d.start && d.start < sentence.end)
}

/// The city of a national venue a phrase names ([`lexicon::NATIONAL_VENUES`]), by whole words.
fn national_venue_city(venue: &str) -> Option<&'static str> {
    let words: Vec<String> = venue
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let spaced = format!(" {} ", words.join(" "));
    lexicon::NATIONAL_VENUES
        .iter()
        .find(|(v, _)| spaced.contains(&format!(" {v} ")))
        .map(|(_, city)| *city)
}

/// `all.partition_point(pred)` (`pred` true on a prefix of `all`), searched by galloping out from `guess`.
pub(crate) fn partition_from<T>(all: &[T], guess: usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = all.len();
    let at = |i: usize| all.get(i).is_some_and(&pred);
    let guess = guess.min(n);
    // Bounds `lo..=hi` with `pred` true before `lo` and false from `hi` on.
    let (mut lo, mut hi);
    if at(guess) {
        let mut step = 1;
        lo = guess + 1;
        loop {
            let probe = guess.saturating_add(step);
            if probe >= n || !at(probe) {
                hi = probe.min(n);
                break;
            }
            lo = probe + 1;
            step *= 2;
        }
    } else {
        let mut step = 1;
        hi = guess;
        loop {
            match guess.checked_sub(step) {
                Some(probe) if !at(probe) => {
                    hi = probe;
                    step *= 2;
                }
                Some(probe) => {
                    lo = probe + 1;
                    break;
                }
                None => {
                    lo = 0;
                    break;
                }
            }
        }
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if at(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The clause before `start`: at most `bytes` back, from the sentence's start (`. `; a web name's dots,
/// `Kominfo.go.id`, end none) or the last of `stops` after it.
fn clause_before<'t>(text: &'t str, start: usize, bytes: usize, stops: &[char]) -> &'t str {
    let before = window_before(text, start, bytes);
    let sentence = before
        .rfind(". ")
        .and_then(|i| before.get(i + 2..))
        .unwrap_or(before);
    sentence.rsplit(stops).next().unwrap_or(sentence)
}

/// Whether `hay` holds `needle` (ASCII, lower case), ignoring ASCII case: no lower-cased copy is made.
fn contains_ascii_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `s` without `suffix` (ASCII, lower case) at its end, ignoring ASCII case.
fn strip_suffix_ascii_ci<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let (rest, end) = (s.get(..cut)?, s.get(cut..)?);
    end.eq_ignore_ascii_case(suffix).then_some(rest)
}

/// Whether the year at `start` follows `since` (`sejak 2016`, `since 2006`, `semenjak tahun 2015`).
fn since_year(text: &str, start: usize) -> bool {
    let before = clause_before(text, start, 24, &[]).trim_end();
    let before = strip_suffix_ascii_ci(before, "tahun")
        .unwrap_or(before)
        .trim_end();
    ["since", "sejak", "semenjak"]
        .iter()
        .any(|w| strip_suffix_ascii_ci(before, w).is_some())
}

/// Whether a date is that of a page the text quotes from: `melansir`, `dilansir`, `dikutip dari`, `mengutip`, `as
/// reported by` shortly before it in its clause (`katanya melansir Kominfo.go.id, Rabu (30/3/2022)`: a comma
/// does not end it).
fn cited_source_day(text: &str, start: usize) -> bool {
    let clause = clause_before(text, start, 60, &[';', '\n', '"', '“', '”']);
    [
        "melansir",
        "dilansir",
        "dikutip dari",
        "mengutip",
        "as reported by",
        "quoted from",
    ]
    .iter()
    .any(|w| contains_ascii_ci(clause, w))
}

/// Whether a full date is the start of what goes on since: `since`/`sejak`/`semenjak` earlier in its clause (`since
/// he became Malaysia's 10th prime minister on November 24, 2022`, `sejak dilantik pada 3 Januari 2018`).
fn since_clause(text: &str, start: usize) -> bool {
    clause_before(text, start, 90, &[',', ';', '\n', '(', '“', '"'])
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            ["since", "sejak", "semenjak"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
        })
}

/// How many years before the period the corpus covers a full day is history, never the event's day.
const HISTORY_YEARS: i32 = 10;

/// `LINIMASA_DEBUG_DATES` set: each candidate event date's score is printed to standard error.
static DEBUG_DATES: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("LINIMASA_DEBUG_DATES").is_some());

/// Words that tell what follows is planned, not done: `akan`, `will`, `dijadwalkan`, `direncanakan`,
/// `scheduled`.
const PLAN_WORDS: &[&str] = &["akan", "will", "dijadwalkan", "direncanakan", "scheduled"];

fn score_mention(
    text: &str,
    layout: &Layout,
    f: &Found,
    span: &DateSpan,
    order: usize,
    published: Option<NaiveDate>,
) -> f64 {
    // A day named with its weekday is how news dates the event it reports (`Kamis (24/8/2023)`, `Kamis 23
    // Desember 2021`, `on Thursday`); the parenthesised form is the commonest. A bare day in running text
    // (`pada 2 September`) is weaker.
    let mut score = match f.raw {
        RawDate::Day {
            news_style,
            weekday,
            ..
        } => match (weekday.is_some(), news_style) {
            (true, true) => 10.0,
            (true, false) => 9.0,
            (false, true) => 7.0,
            (false, false) => 4.0,
        },
        // A speaker's `today` is the day they spoke, which a report may print the day after: a weekday or day the
        // reporter states is better evidence.
        RawDate::Relative(dates::Relative::Today) if in_quotation(text, layout, f.start) => 5.0,
        RawDate::Relative(
            dates::Relative::Today | dates::Relative::DaysAgo(_) | dates::Relative::LastWeekend,
        ) => 7.0,
        RawDate::Weekday { .. } => 7.0,
        RawDate::Relative(_) => 2.5,
        RawDate::Month { .. } => 2.0,
        RawDate::Year(_) => 1.0,
        // A span of years is a programme's or a plan's, hardly ever the day a story reports.
        RawDate::Years(..) => 0.3,
    };
    // `…," katanya melansir Kominfo.go.id, Rabu (30/3/2022)`, `dikutip dari Antara, Senin (28/3)`: the day of the
    // page quoted from, which may be after the day the words were said.
    if cited_source_day(text, f.start) {
        score -= 5.0;
    }
    // `sejak … tanggal 26 September 2022`, `since he became prime minister on …`: the start of what still goes
    // on, told as background to the news.
    if matches!(f.raw, RawDate::Day { .. }) && since_clause(text, f.start) {
        score -= 3.0;
    }
    // A weekday printed with a full date it does not fall on (`Rabu (4/10/2022)` for a Tuesday): the writer slipped
    // on one of the two, and a date printed without that doubt is better evidence.
    if let RawDate::Day {
        weekday: Some(w),
        year: Some(_),
        ..
    } = f.raw
        && chrono::Datelike::weekday(&span.start) != w
    {
        score -= 3.0;
    }
    let before = window_before(text, f.start, 70).to_lowercase();
    // What happened on the day, said before it (`digelar pada …`) or right after it (`On 23 December 2021,
    // the ministers met in Jakarta`).
    let sentence_span = sentence_around(text, f.start);
    let after = text
        .get(f.end..sentence_span.end.max(f.end))
        .map(|a| dates::window_before(a, a.len().min(240), 240).to_lowercase())
        .unwrap_or_default();
    if HELD_WORDS.iter().any(|w| before.contains(w)) {
        score += 3.0;
    } else if HELD_WORDS.iter().any(|w| {
        after
            .split(|c: char| !c.is_alphanumeric())
            .any(|x| !x.is_empty() && w.split(' ').next() == Some(x))
    }) {
        score += 2.0;
    }
    // `di Istana Negara, Selasa (21/5)`, `in Singapore on Tuesday`: the place and the day of the event, as news
    // prints them together.
    if place_before_date(text, f.start) {
        score += 2.0;
    }
    // A date in a sentence that names a meeting or visit dates that event; a date of a statement received by the
    // newsroom (`dalam keterangan tertulis yang diterima … di Jakarta, Senin`) dates only the press release.
    let sentence = sentence_around(text, f.start).slice(text).to_lowercase();
    if sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| EVENT_NOUNS.contains(&w))
    {
        score += 1.5;
    }
    if RECEIVED_WORDS.iter().any(|w| before.contains(w)) {
        score -= 3.0;
    }
    // A date given for what came before (`followed the 2+2 Meeting on 9 September`, `pertemuan sebelumnya`).
    let clause_before = text
        .get(sentence_span.start..f.start)
        .unwrap_or("")
        .to_lowercase();
    if PRIOR_WORDS.iter().any(|w| clause_before.contains(w)) {
        score -= 2.0;
    }
    if FOLLOW_UP_WORDS.iter().any(|w| clause_before.contains(w)) {
        score -= 5.0;
    }
    if TRAVEL_WORDS.iter().any(|w| clause_before.contains(w)) {
        score -= 0.5;
    }

    // `akan dilakukan oleh … pada Selasa`, `dijadwalkan berlangsung hingga Kamis (10/11)`: a plan told in the
    // date's own clause, unless a speech verb stands between (`akan terus mendukung, kata dia, Selasa` dates the
    // statement).
    if !f.future {
        let words: Vec<String> = clause_before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(k) = words.iter().rposition(|w| PLAN_WORDS.contains(&w.as_str())) {
            let spoken = words.iter().skip(k + 1).any(|w| {
                lexicon::SPEECH_VERBS.contains(&w.as_str())
                    || matches!(w.as_str(), "kata" | "ujar" | "said" | "says" | "told")
            });
            if !spoken {
                score -= 5.0;
            }
        }
    }
    // `Patrushev juga bertemu …` (also): beside the news the article reports.
    let near = |w: &str| {
        window_before(text, f.start, 60)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .chain(after.split(|c: char| !c.is_alphanumeric()).take(8))
            .any(|x| x == w)
    };
    if near("juga") || near("also") {
        score -= 1.5;
    }
    if before.contains("berakhir") || before.contains("ended") || before.contains("expired") {
        score -= 1.0;
    }
    if f.future {
        score -= 5.0;
    }
    if let Some(p) = published {
        let ahead = (span.start - p).num_days();
        // A day printed with the weekday it falls on (`on Wednesday (Oct 2)`) is the text's own word, and
        // outweighs a page date it would follow.
        let weekday_fits = matches!(f.raw, RawDate::Day { weekday: Some(w), .. }
            if chrono::Datelike::weekday(&span.start) == w);
        if ahead > 1 && !f.future && !weekday_fits {
            score -= 3.0;
        }
        if ahead < -60
            && !matches!(
                f.raw,
                RawDate::Day {
                    news_style: true,
                    ..
                }
            )
        {
            score -= 2.0;
            // Over most of a year before the page's date, a month or a year is the background of the news
            // (`the 3rd AMCC in September 2018` in a statement of October 2019), never the news.
            if ahead < -300 && !matches!(f.raw, RawDate::Day { .. }) {
                score -= 3.0;
            }
        }
    }
    match layout.kind_at_offset(f.start) {
        // A headline that gives a whole day (`Closing Address … (7 Oct 2021)`, `… on Tuesday, 5 Oct 2021`)
        // dates the speech or statement it heads; any other date in a headline is a teaser's.
        // (A page date printed before the headline, `November 6, 2020 Outcomes of …`, is no part of it.)
        LineKind::Title
            if matches!(f.raw, RawDate::Day { year: Some(_), .. })
                && layout::more_words_than(line_before(text, f.start), 3) =>
        {
            score += 3.0
        }
        LineKind::Title => score -= 1.0,
        // A caption may show an older photo: the text's own dates weigh more.
        LineKind::Caption => score -= 2.0,
        _ => {}
    }
    // Outside the period the corpus covers, a date is the background's or a plan's far more often than the
    // news's.
    let period = lexicon::YEAR_RANGE;
    let year = chrono::Datelike::year(&span.start);
    if year < period.0 || year > period.1 + 1 {
        score -= 3.0;
    }
    score - order as f64 * 0.01
}

/// Whether a place introduced by `di`/`in`/`at` stands right before the date at `start`, with a comma or `on`
/// between: `di Istana Negara, Selasa (21/5)`, `in Singapore on Tuesday`. The place is one to four words and
/// begins with a capital.
fn place_before_date(text: &str, start: usize) -> bool {
    let before = window_before(text, start, 60).trim_end();
    let lower_before = before.to_lowercase();
    let place = if let Some(p) = before.strip_suffix(',') {
        p
    } else if lower_before.ends_with(" on") {
        before.get(..before.len() - 3).unwrap_or("")
    } else {
        return false;
    };
    // The clause the place is in: after the last mark that closes one.
    let clause = place
        .rsplit(['.', ';', '(', ')', '"', '“', '”', '\n', ','])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    let Some(k) = words
        .iter()
        .rposition(|w| matches!(w.to_lowercase().as_str(), "di" | "in" | "at"))
    else {
        return false;
    };
    let name = words.get(k + 1..).unwrap_or_default();
    !name.is_empty()
        && name.len() <= 4
        && name
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The text of a line before `at`.
fn line_before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or("");
    head.rfind('\n')
        .map_or(head, |i| head.get(i + 1..).unwrap_or(""))
}

/// Extracts every fact from one article. Pure: the same article always gives the same facts.
pub fn extract_article(article: &Article) -> ArticleFacts {
    extract_article_until(article, &|| false).unwrap_or_default()
}

/// How many of an article's date mentions are weighed as its event's date: far more than any news article
/// names (a long one names some fifty).
const MAX_SCORED_MENTIONS: usize = 2048;

/// Lines, matches or mentions between two questions to `stop` inside one pass over a long article.
pub(crate) const STOP_EVERY: usize = 1024;

/// [`extract_article`] that gives up when `stop` says so: it is asked between the passes and every
/// [`STOP_EVERY`] lines or matches inside the longest ones, so that cancelling the load of one huge article
/// returns promptly. `None` once `stop` said `true` (what was found so far is dropped); else the same facts as
/// [`extract_article`].
pub fn extract_article_until(
    article: &Article,
    ask: &(dyn Fn() -> bool + Sync),
) -> Option<ArticleFacts> {
    // Once told to stop, stopped: a pass that ended early is never taken for a finished one.
    let stopped = std::sync::atomic::AtomicBool::new(false);
    let stop = || {
        use std::sync::atomic::Ordering::Relaxed;
        if !stopped.load(Relaxed) && ask() {
            stopped.store(true, Relaxed);
        }
        stopped.load(Relaxed)
    };
    let text = article.text.as_str();
    // The date and forum patterns are matched on an ASCII-lowercased copy; their three searches over it run in
    // lockstep (see `lockstep`), or one after the other if that cannot be done.
    let lowered = text.to_ascii_lowercase();
    // Dates on one side, the page's lines, words and people on the other: the passes that need neither's
    // results run side by side (on a huge page, on two cores; a news article takes microseconds either way).
    let ((scans, found), (layout, all_words, people, countries)) = rayon::join(
        || {
            let scans = match (dates::automata(), entities::forum_automaton()) {
                (Some((months, words)), Some(forums)) => {
                    lockstep::find_all(&lowered, [months, words, forums])
                }
                _ => None,
            };
            // Between the passes, a stop is heeded (on a huge page each takes a second or so).
            if stop() {
                return (scans, Vec::new());
            }
            let found = dates::find_dates_in(
                text,
                &lowered,
                scans.as_ref().map(|[m, w, _]| (m.as_slice(), w.as_slice())),
            );
            (scans, found)
        },
        || {
            let (layout, all_words) = rayon::join(
                || Layout::of(text),
                || people::words(text, Span::new(0, text.len())),
            );
            if stop() {
                return (layout, all_words, Vec::new(), Vec::new());
            }
            let people = people::find_people_in(text, &layout, &all_words);
            if stop() {
                return (layout, all_words, people, Vec::new());
            }
            let countries = entities::find_countries_in(text, &layout, &all_words);
            (layout, all_words, people, countries)
        },
    );
    if stop() {
        return None;
    }
    // A photo's caption names dates too (and often the event's day: `… pada Selasa, 12 Januari 2021 di Parapat`).
    let in_article = |f: &Found| {
        layout.is_article(f.start) || layout.kind_at_offset(f.start) == LineKind::Caption
    };

    // Publication date: given by the file, else printed at the top of the page.
    let pub_idx =
        scraped_page_date(text, &found).or_else(|| publication_mention(text, &layout, &found));
    let published = article
        .meta
        .date
        .as_deref()
        .and_then(parse_meta_date)
        .or_else(|| {
            pub_idx
                .and_then(|i| found.get(i))
                .and_then(|f| resolve(&f.raw, false, &Anchors::default()))
                .map(|d| d.start)
        });

    // Anchors from the article text itself (chrome never anchors).
    let mut anchors = Anchors {
        published,
        office: people::office_years(&people),
        ..Default::default()
    };
    if *DEBUG_DATES {
        let posts: Vec<(&str, Option<&str>)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_deref()))
            .filter(|(_, r)| r.is_some())
            .collect();
        eprintln!("office {:?} from {posts:?}", anchors.office);
    }
    // The years a plan's name or horizon holds (`ASEAN Digital Masterplan 2025`): printed bare again (`(ADM 2025)`),
    // they are the plan's too.
    let horizons: Vec<i32> = found
        .iter()
        .filter(|f| in_article(f))
        .filter_map(|f| match f.raw {
            RawDate::Year(y) if dates::horizon_year(text, f.start) => Some(y),
            _ => None,
        })
        .collect();
    for f in found.iter().filter(|f| in_article(f)) {
        match f.raw {
            RawDate::Day { year: Some(y), .. } => {
                if let Some(s) = resolve(&f.raw, false, &Anchors::default()) {
                    anchors.stated_days.push(s.start);
                    if since_clause(text, f.start) {
                        anchors.since_day = anchors.since_day.max(Some(s.start));
                    }
                }
                anchors.years.push(y);
            }
            // `held annually since 2006`: the start of what goes on, which says only that the news is later.
            RawDate::Year(_) if since_year(text, f.start) => {}
            // `ASEAN Community Vision 2025`, `hingga 2025`: a plan's name or horizon, not a time of the news.
            RawDate::Year(y) if dates::horizon_year(text, f.start) || horizons.contains(&y) => {}
            RawDate::Month { year: Some(y), .. } | RawDate::Year(y) => anchors.years.push(y),
            _ => {}
        }
    }

    // Resolve every mention in the article text.
    let mut mentions: Vec<(usize, &Found, Option<DateSpan>)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if !in_article(f) {
            continue;
        }
        let resolved = numbered_meeting_day(text, f, published)
            .or_else(|| resolve(&f.raw, f.future, &anchors))
            .or_else(|| past_weekday_before_stated_day(text, f, &found, published));
        mentions.push((i, f, resolved));
    }
    weekdays_near_dated_days(&mut mentions, &anchors);

    // The main event date: the best-scored mention in the body; the publication date as a fallback. Only the
    // first [`MAX_SCORED_MENTIONS`] are weighed (a news article names tens of dates; the event's is among its
    // first), so that a pathological text costs no more than that.
    let mut best: Option<Scored> = None;
    for (order, (i, f, s)) in mentions.iter().enumerate().take(MAX_SCORED_MENTIONS) {
        if order % STOP_EVERY == 0 && stop() {
            return None;
        }
        let Some(span) = s else { continue };
        if Some(*i) == pub_idx
            || !layout.is_body(f.start)
                && !matches!(
                    layout.kind_at_offset(f.start),
                    LineKind::Title | LineKind::Caption
                )
        {
            continue;
        }
        let score = score_mention(text, &layout, f, span, order, published);
        if *DEBUG_DATES {
            eprintln!(
                "date {:?} {:?} {score:.2}",
                text.get(f.start..f.end).unwrap_or(""),
                span.start
            );
        }
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Scored {
                index: *i,
                span: *span,
                score,
            });
        }
    }
    // A weekday the text gives for the event (`di Singapura, Senin`) that nothing resolves: the event was on a
    // day the reader cannot know. It dates the article better than a year or month from elsewhere in it, but
    // only as uncertain.
    let lone_weekday = mentions
        .iter()
        .filter(|(_, f, s)| {
            s.is_none() && matches!(f.raw, RawDate::Weekday { .. }) && layout.is_body(f.start)
        })
        .max_by_key(|(_, f, _)| {
            let sentence = sentence_around(text, f.start).slice(text).to_lowercase();
            let names_event = sentence
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| EVENT_NOUNS.contains(&w));
            let received = RECEIVED_WORDS
                .iter()
                .any(|w| window_before(text, f.start, 70).to_lowercase().contains(w));
            (names_event && !received, std::cmp::Reverse(f.start))
        })
        .map(|(_, f, _)| **f);
    // The weekday of a day inside a stated span of days (`on Monday` in a report of `September 2–7, 2023`):
    // that day of the span.
    let weekday_in_span = |b: &Scored, w: &Found| -> Option<chrono::NaiveDate> {
        let RawDate::Weekday { weekday, .. } = w.raw else {
            return None;
        };
        let days = (b.span.end - b.span.start).num_days();
        if b.span.precision != Precision::Day || !(1..=14).contains(&days) {
            return None;
        }
        b.span
            .start
            .iter_days()
            .take(days as usize + 1)
            .find(|d| chrono::Datelike::weekday(d) == weekday)
    };
    let best = match (best, lone_weekday) {
        (Some(b), Some(w)) if published.is_none() && weekday_in_span(&b, &w).is_some() => {
            let day = weekday_in_span(&b, &w).unwrap_or(b.span.start);
            let index = found.iter().position(|f| *f == w).unwrap_or(b.index);
            Some(Scored {
                index,
                span: DateSpan::day(day, Certainty::Inferred),
                score: b.score,
            })
        }
        // Or a day the text gives weakly (another event's, by its words) beside the event's own weekday: the
        // event's day is not known, the day is shown as a guess.
        (Some(b), Some(w))
            if published.is_none() && (b.span.precision != Precision::Day || b.score < 3.0) =>
        {
            let span = DateSpan {
                certainty: Certainty::Uncertain,
                ..b.span
            };
            let index = found.iter().position(|f| *f == w).unwrap_or(b.index);
            Some(Scored {
                index,
                span,
                score: b.score,
            })
        }
        (b, _) => b,
    };
    // A year or month well outside the period the corpus covers (`ASEAN, founded in 1967`) is history, not the
    // news: with no publication date to fall back on, it does not date the article either.
    let period = lexicon::YEAR_RANGE;
    let near_period = |y: i32| (period.0 - 2..=period.1 + 2).contains(&y);
    let background = |b: &Scored| {
        b.span.precision != Precision::Day && !near_period(chrono::Datelike::year(&b.span.start))
    };
    // A day decades before it (`Proklamasi Kemerdekaan 17 Agustus 1945`) is history, whatever its score.
    let history = |b: &Scored| chrono::Datelike::year(&b.span.start) < period.0 - HISTORY_YEARS;
    let (event_span, evidence, evidence_mention) = match best {
        Some(b) if !history(&b) && (b.score >= 3.0 || published.is_none() && !background(&b)) => {
            let f = found.get(b.index);
            // A year alone, with nothing better in the text, may be a plan's or the background's: shown, but
            // as uncertain.
            // The day a statement was quoted or received, of words said `recently` (`dalam konferensi pers
            // baru-baru ini seperti dikutip MINA pada Senin (27/7)`): the words are older, by a time the text
            // does not give.
            let recent_before_received = f.is_some_and(|f| {
                let before = window_before(text, f.start, 70).to_lowercase();
                let sentence = sentence_around(text, f.start).slice(text).to_lowercase();
                RECEIVED_WORDS.iter().any(|w| before.contains(w))
                    && RECENTLY_WORDS.iter().any(|w| sentence.contains(w))
            });
            // A plan's day (`akan menyelenggarakan … pada 11 Oktober 2018 mendatang`) chosen for want of any
            // other: the event the article reports came before it, most likely in its year; a guess.
            let planned = published.is_none() && f.is_some_and(|f| f.future);
            let span = if planned {
                DateSpan::year(chrono::Datelike::year(&b.span.start), Certainty::Uncertain)
                    .unwrap_or(b.span)
            } else if b.span.precision == Precision::Year
                && chrono::Datelike::year(&b.span.end) > chrono::Datelike::year(&b.span.start)
            {
                // A span of years (`2023-2028`), a programme's period chosen for want of any other date: the
                // event came at its start at most, most likely in its first year; a guess.
                DateSpan::year(chrono::Datelike::year(&b.span.start), Certainty::Uncertain)
                    .unwrap_or(b.span)
            } else if b.span.precision == Precision::Year && b.score < 3.0 || recent_before_received
            {
                DateSpan {
                    certainty: Certainty::Uncertain,
                    ..b.span
                }
            } else {
                b.span
            };
            // The plan's sentence tells of the plan, not of the event reported (its forum, its place).
            (
                Some(span),
                f.filter(|_| !planned)
                    .map(|f| sentence_around(text, f.start)),
                f.map(|f| Span::new(f.start, f.end)),
            )
        }
        _ => match published {
            Some(p) => {
                let ev = pub_idx
                    .and_then(|i| found.get(i))
                    .map(|f| Span::new(f.start, f.end));
                (Some(DateSpan::day(p, Certainty::Inferred)), ev, ev)
            }
            // Nothing dates the article: its event is still shown, in the year the text names most (or a year
            // marked unknown), flagged uncertain, so that the reader sees it and can set the date.
            None => {
                let mut years: Vec<i32> = anchors
                    .years
                    .iter()
                    .copied()
                    .filter(|&y| near_period(y))
                    .collect();
                years.sort_unstable();
                let most = years
                    .chunk_by(|a, b| a == b)
                    .max_by_key(|run| run.len())
                    .and_then(|run| run.first().copied());
                (
                    DateSpan::year(most.unwrap_or(dates::UNKNOWN_YEAR), Certainty::Uncertain),
                    lone_weekday.map(|w| sentence_around(text, w.start)),
                    lone_weekday.map(|w| Span::new(w.start, w.end)),
                )
            }
        },
    };

    // Every date the page names, page furniture and captions too (flagged: they never date the event).
    // Relative and year-less ones that nothing anchored are anchored, where the page prints no publication
    // date, on the event's day when the text states it (`hari ini` in a report of `Selasa 14 Agustus 2018`).
    // A day whose year only a meeting's number gives (`TELMIN 19 … on October 24`) may be long before the report:
    // it anchors the weekdays of its week, not `last week` or `this year`.
    let year_from_number = evidence_mention
        .and_then(|m| found.iter().find(|f| f.start == m.start))
        .is_some_and(|f| numbered_meeting_day(text, f, published).is_some());
    let event_anchor = Anchors {
        event_day: published.is_none(),
        published: event_span
            .filter(|d| published.is_none() && d.precision == Precision::Day)
            .filter(|d| d.certainty != Certainty::Uncertain)
            .map(|d| d.start),
        ..anchors.clone()
    };
    let mut resolved_at: Vec<Option<DateSpan>> = vec![None; found.len()];
    for (i, _, s) in &mentions {
        if let Some(slot) = resolved_at.get_mut(*i) {
            *slot = *s;
        }
    }
    let list_dates = || -> Vec<DateMention> {
        found
            .iter()
            .zip(resolved_at)
            .map(|(f, resolved)| {
                let in_text = in_article(f);
                let resolved = if in_text {
                    resolved
                } else {
                    resolve(&f.raw, f.future, &anchors)
                };
                let span = resolved.or_else(|| {
                    event_anchor
                        .published
                        .filter(|_| !(year_from_number && matches!(f.raw, RawDate::Relative(_))))
                        .and_then(|_| resolve(&f.raw, f.future, &event_anchor))
                });
                // A quoted `today` in a report printed a day or two after the stated event day is that day.
                let span = match (f.raw, event_span, published) {
                    (RawDate::Relative(dates::Relative::Today), Some(ev), Some(p))
                        if in_text
                            && ev.precision == Precision::Day
                            && ev.certainty != Certainty::Uncertain
                            && (0..=2).contains(&(p - ev.start).num_days())
                            && in_quotation(text, &layout, f.start) =>
                    {
                        Some(DateSpan::day(ev.start, Certainty::Inferred))
                    }
                    _ => span,
                };
                DateMention {
                    text: Span::new(f.start, f.end).slice(text).to_string(),
                    start: f.start,
                    end: f.end,
                    value: span.map(|s| s.value()),
                    span,
                    chrome: !in_text,
                }
            })
            .collect()
    };

    if stop() {
        return None;
    }
    let event_year = event_span
        .filter(|d| d.certainty != Certainty::Uncertain)
        .map(|d| chrono::Datelike::year(&d.start));
    // Quotes beside the date list, forums and key terms (none needs another's results).
    let (quotes, (dates, forums, key_terms)) = rayon::join(
        || quotes::find_quotes_in(text, &layout, &people, &all_words, event_year),
        || {
            let forums = entities::find_forums_in(
                text,
                &lowered,
                &layout,
                scans.as_ref().map(|[_, _, f]| f.as_slice()),
            );
            if stop() {
                return (Vec::new(), forums, Vec::new());
            }
            (list_dates(), forums, key_terms(text, &layout, &all_words))
        },
    );
    if stop() {
        return None;
    }

    // Forum: the one named in the evidence sentence, else in the title, else the first in the body; a generic
    // name ("ASEAN Summit") is upgraded to a numbered one the article gives ("32nd ASEAN Summit").
    // A body listed as one of those attending (`organisasi internasional seperti Interpol, Europol dan ICRC`,
    // `partners such as ASEAN`, `dihadiri oleh ASEAN Secretariat`) is a participant, not the event's forum.
    // (The list's later names too: `seperti Interpol, Europol dan ICRC`.)
    let listed = |h: &ForumHit| {
        let before = window_before(text, h.span.start, 60);
        let words: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // Back from the name over the list's earlier names (capitalised) and joiners, to the word before them.
        let mut k = words.len();
        while k > 0
            && words.get(k - 1).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "dan" | "and" | "serta" | "or" | "atau")
            })
        {
            k -= 1;
        }
        let word = |i: Option<usize>| i.and_then(|i| words.get(i)).map(|w| w.to_lowercase());
        let (w1, w2) = (word(k.checked_sub(1)), word(k.checked_sub(2)));
        matches!(
            w1.as_deref(),
            Some("seperti" | "termasuk" | "including" | "dihadiri")
        ) || matches!(
            (w2.as_deref(), w1.as_deref()),
            (Some("such"), Some("as"))
                | (Some("antara"), Some("lain"))
                | (Some("dihadiri"), Some("oleh"))
                | (Some("attended"), Some("by"))
        )
    };
    let in_span =
        |h: &&ForumHit, s: Span| h.span.start >= s.start && h.span.end <= s.end && !listed(h);
    let mut forum = evidence
        .and_then(|ev| forums.iter().find(|h| in_span(h, ev)))
        .or_else(|| {
            layout
                .title
                .and_then(|t| forums.iter().find(|h| in_span(h, t)))
        })
        .or_else(|| {
            forums
                .iter()
                .find(|h| layout.is_body(h.span.start) && !listed(h))
        })
        .or_else(|| forums.iter().find(|h| layout.is_body(h.span.start)))
        .cloned();
    if let Some(f) = &mut forum
        && let Some(specific) = forums
            .iter()
            .find(|h| h.name.len() > f.name.len() && h.name.ends_with(&f.name))
    {
        f.name = specific.name.clone();
    }
    let foreign: Vec<&String> = countries
        .iter()
        .map(|(c, _)| c)
        .filter(|c| *c != "Indonesia")
        .collect();
    let forum_kind = match &forum {
        Some(f) if f.kind != "Bilateral" && f.kind != "National" => f.kind.clone(),
        _ if foreign.len() == 1 => "Bilateral".to_string(),
        Some(f) => f.kind.clone(),
        None if foreign.is_empty() => "National".to_string(),
        None => "Multilateral".to_string(),
    };

    // The dateline is read at most once, for whichever of the two needs it.
    let dl = entities::DatelineCell::new();
    let found = find_location(
        text,
        &layout,
        evidence,
        evidence_mention,
        &all_words,
        &dl,
        &other_dated(&mentions, event_span),
    );
    let (location, location_span, location_from_dateline) =
        narrowed_to_city(text, &layout, evidence, &dl, found);
    if stop() {
        return None;
    }
    // The outlet a record names, else the one its address names, else the one the page prints.
    let outlet = match (&article.meta.outlet, &article.meta.url) {
        (None, Some(url)) => entities::outlet_from_url(url).map(|o| (o, None)),
        _ => None,
    }
    .or_else(|| find_outlet_with(text, &layout, article.meta.outlet.as_deref(), &dl, &stop));
    if stop() {
        return None;
    }
    let title = article
        .meta
        .title
        .clone()
        .filter(|t| !t.trim().is_empty() && !is_file_name(t, &article.file))
        .or_else(|| layout.title.map(|t| t.slice(text).to_string()))
        .map(|t| without_image_placeholder(&one_spaced(&t)));
    let title_alternatives = layout
        .title_candidates
        .iter()
        .skip(1)
        .map(|s| without_image_placeholder(&one_spaced(s.slice(text))))
        .collect();
    // With no headline, what happened: the event noun phrase of the evidence sentence or the lead (`Sub Regional
    // Meeting on Counter Terrorism, Lombok`), else the lead's first words.
    let made_label = evidence
        .into_iter()
        .chain(layout.lead())
        .find_map(|s| event_phrase(s.slice(text)))
        .map(|p| match &location {
            Some(l) if !p.contains(l.as_str()) => format!("{p}, {l}"),
            _ => p,
        })
        .or_else(|| lead_phrase(text, &layout, &dl));
    let language = article
        .meta
        .language
        .clone()
        .unwrap_or_else(|| entities::detect_language(text));

    let mut person_names: Vec<String> = Vec::new();
    for p in people.iter().filter(|p| p.confirmed) {
        if !person_names.contains(&p.name) {
            person_names.push(p.name.clone());
        }
    }

    let related_events = find_related(
        text,
        &layout,
        &mentions,
        evidence_mention,
        pub_idx,
        &forums,
        &all_words,
        &stop,
    )
    .into_iter()
    .filter(|r| {
        event_span.is_none_or(|main| match r.date.precision {
            Precision::Day => !r.date.overlaps(&main, 1),
            _ => !r.date.overlaps(&main, 0),
        })
    })
    .collect();
    let other_event_days = other_event_days(text, &layout, &mentions, event_span, evidence);
    if stop() {
        return None;
    }

    Some(ArticleFacts {
        id: article.id.clone(),
        file: article.file.clone(),
        url: article.meta.url.clone(),
        outlet: outlet.as_ref().map(|o| o.0.clone()),
        outlet_span: outlet.and_then(|o| o.1),
        language,
        title,
        title_alternatives,
        made_label,
        event_date: event_span.map(|s| s.value()),
        event_span,
        date_certainty: event_span.map(|s| s.certainty),
        date_evidence: evidence,
        date_mention: evidence_mention,
        date_from: None,
        year_unknown: event_span.is_some_and(|d| d.certainty == Certainty::Uncertain)
            && anchors.years.is_empty()
            && published.is_none(),
        published_date: published.map(|p| crate::model::iso_date(p, true)),
        location,
        location_span,
        location_from_dateline,
        delegations_received: entities::delegations_received_in(&format!(
            "{} {}",
            layout.title.map(|t| t.slice(text)).unwrap_or(""),
            layout
                .lead()
                .take(2)
                .map(|p| p.slice(text))
                .collect::<Vec<_>>()
                .join(" ")
        )),
        countries: countries.into_iter().map(|c| c.0).collect(),
        forum: forum.as_ref().map(|f| f.name.clone()),
        forum_span: forum.as_ref().map(|f| f.span),
        forum_kind,
        people: person_names,
        quotes,
        dates,
        related_events,
        other_event_days,
        key_terms,
    })
}

/// Words of something happening on a day: a meeting, a visit, a call, a signing.
const HAPPENING_WORDS: &[&str] = &[
    "bertemu",
    "menerima",
    "kunjungan",
    "berkunjung",
    "menandatangani",
    "penandatanganan",
    "konsultasi",
    "met",
    "meets",
    "received",
    "visit",
    "visited",
    "signed",
    "signing",
    "talks",
];

/// The single days the body states, with certainty, outside the event's span and its evidence sentence, in a
/// sentence that says something happened or will happen then ([`HELD_WORDS`], [`HAPPENING_WORDS`], an event
/// noun): `Pada hari Senin (13/12), Patrushev juga bertemu dengan Presiden` in a report of the 14th.
fn other_event_days(
    text: &str,
    layout: &Layout,
    mentions: &[(usize, &Found, Option<DateSpan>)],
    event_span: Option<DateSpan>,
    evidence: Option<Span>,
) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = mentions
        .iter()
        .filter_map(|(_, f, s)| {
            let d = (*s)?;
            let single = d.precision == Precision::Day && d.start == d.end;
            if !single || d.certainty == Certainty::Uncertain || !layout.is_body(f.start) {
                return None;
            }
            if event_span.is_some_and(|e| e.start <= d.start && d.start <= e.end) {
                return None;
            }
            let sentence = sentence_around(text, f.start);
            if evidence.is_some_and(|ev| ev.start <= f.start && f.start < ev.end) {
                return None;
            }
            // A sentence that also names a day of the event is its schedule (`sesi pleno pada 27 April dan
            // sesi retreat pada 28 April`).
            let schedule = mentions.iter().any(|(_, g, gs)| {
                sentence.start <= g.start
                    && g.start < sentence.end
                    && gs
                        .zip(event_span)
                        .is_some_and(|(x, e)| x.start <= e.end && e.start <= x.end)
            });
            if schedule {
                return None;
            }
            let lower = sentence.slice(text).to_lowercase();
            let happens = lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
                HAPPENING_WORDS.contains(&w)
                    || EVENT_NOUNS.contains(&w)
                    || HELD_WORDS.iter().any(|h| !h.contains(' ') && *h == w)
            });
            happens.then_some(d.start)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// At most this many key terms per article.
const MAX_KEY_TERMS: usize = 40;

/// The names an article's body uses most: capitalised words inside sentences and acronyms anywhere (months and
/// weekdays aside), lower case, most frequent first. Corpus-level weighting (how rare each is) is left to
/// merging.
fn key_terms(text: &str, layout: &Layout, all_words: &[people::Word<'_>]) -> Vec<String> {
    let mut counts: rustc_hash::FxHashMap<String, (u32, usize)> = Default::default();
    for (k, w) in all_words.iter().enumerate() {
        let Some(first) = w.text.chars().next() else {
            continue;
        };
        if !first.is_uppercase() || w.text.chars().count() < 3 || !layout.is_body(w.span.start) {
            continue;
        }
        let acronym = w
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let sentence_start = match k.checked_sub(1).and_then(|j| all_words.get(j)) {
            None => true,
            Some(p) => {
                p.trailing.contains(['.', '!', '?', ':'])
                    || text
                        .get(p.span.end..w.span.start)
                        .is_none_or(|gap| gap.contains('\n'))
                    || w.leading.contains(['“', '"'])
            }
        };
        if sentence_start && !acronym {
            continue;
        }
        let l = w.text.to_lowercase();
        if dates::month_number(&l).is_some() || dates::weekday_of(&l).is_some() {
            continue;
        }
        let e = counts.entry(l).or_insert((0, w.span.start));
        e.0 += 1;
    }
    let mut terms: Vec<(String, (u32, usize))> = counts.into_iter().collect();
    terms.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    terms
        .into_iter()
        .take(MAX_KEY_TERMS)
        .map(|(t, _)| t)
        .collect()
}

/// `s` with every run of white space one space.
fn one_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A headline without the placeholder a scraper kept of its picture at its end: the word for a picture and its
/// number (`… cyber security hinh anh 1`, `… di kota Da Nang - ảnh 1`, `… Photo 2`, `… Foto 1`), in the languages of
/// the region's press.
fn without_image_placeholder(title: &str) -> String {
    static RE: std::sync::LazyLock<Option<re::Regex>> = std::sync::LazyLock::new(|| {
        regex(r"(?i)\s*[-–|]?\s*(?:hình ảnh|hinh anh|ảnh|photo|foto|gambar|image)\s*\d{1,2}\s*$")
            .ok()
    });
    match RE
        .as_ref()
        .and_then(|re| re.captures(title))
        .and_then(|c| c.get(0))
    {
        // Never the whole headline.
        Some(m) if m.start() > 0 => title.get(..m.start()).unwrap_or(title).to_string(),
        _ => title.to_string(),
    }
}

/// Whether a given title is only the file's name (`2018-04-ktt.txt`, `artikel_12`).
fn is_file_name(title: &str, file: &str) -> bool {
    let stem = |s: &str| {
        let base = s.rsplit(['/', '\\']).next().unwrap_or(s);
        let base = base.split('#').next().unwrap_or(base);
        base.rsplit_once('.')
            .map_or(base, |(b, _)| b)
            .to_lowercase()
    };
    let t = title.trim().to_lowercase();
    t == stem(file) || t == file.to_lowercase() || t.ends_with(".txt") || t.ends_with(".json")
}

/// `s` without a leading `date 2018-08 :` (or `date 2022-05`) that some scrapers put before the text.
fn strip_scraped_date(s: &str) -> &str {
    let Some(rest) = s.strip_prefix("date ") else {
        return s;
    };
    let digits = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'-')
        .count();
    if digits < 4 {
        return s;
    }
    rest.get(digits..)
        .unwrap_or("")
        .trim_start_matches([' ', ':'])
}

/// What happened, from the lead sentence: its first words after the dateline, up to a clause break, for a label
/// when the article has no headline. Never a quotation.
fn lead_phrase(text: &str, layout: &Layout, dl: &entities::DatelineCell) -> Option<String> {
    const MAX_WORDS: usize = 12;
    // Where the page's dateline ends, when it was read (`Lombok, SumutOnline-Menteri …`: after `SumutOnline`).
    let (place, outlet) = dl.get_or_init(|| dateline(text, layout));
    let dateline_end = [place, outlet]
        .iter()
        .filter_map(|p| p.as_ref().map(|(_, s)| s.end))
        .max();
    for line in layout.lines.iter().filter(|l| l.kind == LineKind::Body) {
        let on_dateline =
            dateline_end.is_some_and(|end| line.span.start <= end && end < line.span.end);
        let line_span = match dateline_end {
            Some(end) if on_dateline => {
                let rest = text.get(end..line.span.end).unwrap_or("");
                let skip = rest.len()
                    - rest
                        .trim_start_matches(|c: char| {
                            c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | ':' | ')')
                        })
                        .len();
                Span::new(end + skip, line.span.end)
            }
            _ => line.span,
        };
        let s = line_span.slice(text).trim();
        // A scraper's `date 2018-08 :` before the text is no part of it.
        let s = strip_scraped_date(s);
        // After a dateline (`JAKARTA, KOMPAS.com -`, `Jakarta (ANTARA) –`, `Bisnis.com, JAKARTA--`).
        let head_end = s.char_indices().nth(100).map_or(s.len(), |(i, _)| i);
        let head = s.get(..head_end).unwrap_or(s);
        let after_dateline = if on_dateline {
            s
        } else {
            ["--", " – ", " — ", " - ", " -", " –", "–"]
                .iter()
                .filter_map(|d| head.find(d).map(|i| i + d.len()))
                .min()
                .and_then(|i| s.get(i..))
                .unwrap_or(s)
                .trim_start_matches(['-', '–', '—', ' '])
        };
        if after_dateline.starts_with(['“', '"', '\'']) {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        let mut cut = false;
        for w in after_dateline.split_whitespace() {
            if w.starts_with(['“', '"']) {
                cut = true;
                break;
            }
            words.push(w);
            let clause_end = w.ends_with([',', '.', ';', ':']);
            if words.len() >= MAX_WORDS || clause_end && words.len() >= 6 {
                cut = !w.ends_with('.') || words.len() >= MAX_WORDS;
                break;
            }
        }
        if words.len() < 4 {
            continue;
        }
        let mut phrase = words.join(" ");
        phrase = phrase.trim_end_matches([',', '.', ';', ':']).to_string();
        if cut {
            phrase.push('…');
        }
        return Some(phrase);
    }
    None
}

fn canonical_phrase(p: &str) -> String {
    p.split(',')
        .map(|seg| canonical_place(seg.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A place that is a country alone (`opened in Thailand`) narrowed to its city: the dateline's city when it
/// lies in that country (`BANGKOK (REUTERS) - … opened in Thailand`), else a city of it the evidence sentence,
/// the lead or else the rest of the text names (`… conducted a drill in Hanoi`). Any other place as it was found.
fn narrowed_to_city(
    text: &str,
    layout: &Layout,
    evidence: Option<Span>,
    dl: &entities::DatelineCell,
    found: (Option<String>, Option<Span>, bool),
) -> (Option<String>, Option<Span>, bool) {
    let (Some(place), span, weak) = found else {
        return found;
    };
    let Some(country) = entities::country_named(&place) else {
        return (Some(place), span, weak);
    };
    let (filed, _) = dl.get_or_init(|| dateline(text, layout));
    let filed_city = filed
        .as_ref()
        .filter(|(city, _)| entities::city_in_country(city, country))
        .map(|(city, s)| (city.clone(), *s));
    // Else the first city of that country the rest of the article names, a photo's caption included
    // (`… di acara APSC di Bangkok, Thailand, Sabtu (2/11/2019). Foto: …`).
    let named_city = || {
        let rest = layout
            .lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Body | LineKind::Caption | LineKind::Title))
            .map(|l| l.span);
        evidence
            .into_iter()
            .chain(layout.lead())
            .chain(rest)
            .find_map(|range| entities::first_city_of(text, range, Some(country)))
    };
    match filed_city.or_else(named_city) {
        Some((city, s)) => (Some(city), Some(s), weak),
        None => (Some(place), span, weak),
    }
}

/// Where the main event took place: a place phrase in the evidence sentence (nearest before the date), else
/// none if the sentence says the meeting was online, else the headline's place, else the lead paragraph's
/// first place, else the dateline's city, else a city the lead names in passing. The flag: the place is only
/// one of the last two (weak evidence when merging).
fn find_location(
    text: &str,
    layout: &Layout,
    evidence: Option<Span>,
    mention: Option<Span>,
    all_words: &[people::Word<'_>],
    dl: &entities::DatelineCell,
    other_dated: &[Span],
) -> (Option<String>, Option<Span>, bool) {
    // A place the newsroom received a statement in (`keterangan tertulis yang diterima di Jakarta`) is not the
    // event's.
    let received = |s: &Span| {
        let before = window_before(text, s.start, 60).to_lowercase();
        RECEIVED_WORDS.iter().any(|w| before.contains(w))
    };
    // A meeting the headline or the lead calls online has no place: the cities that follow are where the
    // story was filed or where participants sat.
    let lead_online = layout
        .headline_and_lead()
        .any(|s| entities::online_in(s.slice(text)));
    if lead_online {
        return (None, None, false);
    }
    if let Some(ev) = evidence {
        let mut phrases = entities::place_phrases_in(text, people::words_in(all_words, ev));
        // A place inside a quotation is what someone spoke of (`… bertemu di New York,” ucap Grigson di kantor
        // Wapres RI, Jakarta`), not where they spoke.
        phrases.retain(|(_, s)| !received(s) && !in_quotation(text, layout, s.start));
        let anchor = mention.map(|m| m.start).unwrap_or(ev.end);
        // `told journalists in Bangkok on November 4 that the agreement was reached at the meeting, which was held
        // in Kuala Lumpur`: where the sentence says the meeting was held wins over where it was told of.
        let held_at = |s: &Span| {
            let w = window_before(text, s.start, 28).to_lowercase();
            let w = w.trim_end();
            let w = ["di", "in", "at"]
                .iter()
                .find_map(|p| w.strip_suffix(p).filter(|r| r.ends_with(' ')))
                .unwrap_or(w)
                .trim_end();
            HELD_WORDS.iter().any(|h| w.ends_with(h))
        };
        let before = phrases
            .iter()
            .find(|(p, s)| held_at(s) && (looks_like_place(p) || entities::named_as_city(text, *s)))
            .or_else(|| phrases.iter().rfind(|(_, s)| s.end <= anchor));
        let pick = before.or_else(|| phrases.first()).filter(|(p, s)| {
            looks_like_place(p) || before.is_some() || entities::named_as_city(text, *s)
        });
        // A meeting held online has no place, whatever city its participants sat in.
        if online_near(text, ev) {
            return (None, None, false);
        }
        if let Some((p, s)) = pick {
            let place = canonical_phrase(p);
            // A venue with no city (`Kantor Wakil Presiden`) is in the dateline's city, when there is one, else
            // in the city of the national venue it names (`Kantor Menkopolhukam`: Jakarta).
            if entities::known_places_in(&place).is_empty() {
                let (filed, _) = dl.get_or_init(|| dateline(text, layout));
                if let Some((city, _)) = filed
                    && !entities::known_places_in(city).is_empty()
                {
                    return (Some(format!("{place}, {city}")), Some(*s), false);
                }
                if let Some(city) = national_venue_city(&place) {
                    return (Some(format!("{place}, {city}")), Some(*s), false);
                }
            }
            return (Some(place), Some(*s), false);
        }
        if let Some((p, s)) = place_line_beside(text, layout, ev) {
            return (Some(p), Some(s), false);
        }
    }
    // The headline's place (`… Meeting in Bali`), when it names a known place or venue.
    if let Some(t) = layout.title
        && let Some((p, s)) = entities::place_phrases_in(text, people::words_in(all_words, t))
            .into_iter()
            .find(|(p, _)| looks_like_place(p))
    {
        // A headline capitalises every word: `di Labuan Bajo Bisa Sepakati …` is the place it begins with.
        let p = entities::known_place_prefix(&p).unwrap_or(p);
        return (Some(canonical_phrase(&p)), Some(s), false);
    }
    // The first paragraphs: the first place phrase naming a place (the lead's first), not in a sentence that
    // dates something else, nor where someone came from (`Delegasi dari India`).
    let origin = |s: &Span| {
        window_before(text, s.start, 8)
            .trim_end()
            .to_lowercase()
            .ends_with("dari")
    };
    for para in layout.lead() {
        if let Some((p, s)) = entities::place_phrases_in(text, people::words_in(all_words, para))
            .into_iter()
            .find(|(p, s)| {
                (looks_like_place(p) || entities::named_as_city(text, *s))
                    && !origin(s)
                    && !received(s)
                    && !in_quotation(text, layout, s.start)
                    && !dates_other_time(text, other_dated, *s)
            })
        {
            return (Some(canonical_phrase(&p)), Some(s), false);
        }
    }
    // A place the body gives a meeting (`Ministerial Meeting di Tsukuba`, `the summit in Vientiane`): where the
    // event was held, when the story was filed from elsewhere.
    if let Some((p, s)) = meeting_place(text, layout, all_words, &received, other_dated) {
        return (Some(canonical_phrase(&p)), Some(s), false);
    }
    // Else where the story was filed, else a city the headline or lead names in passing: both weak.
    let (place, _) = dl.get_or_init(|| dateline(text, layout));
    match place.clone() {
        Some((p, s)) => (Some(p), Some(s), true),
        None => match city_in_lead(text, layout, all_words, &received) {
            Some((p, s)) => (Some(p), Some(s), true),
            None => (None, None, false),
        },
    }
}

/// The place a page prints on a line of its own right after the line of the story's date (`2018.10.11` /
/// `Nusa Dua`, a byline block): a known place, alone on a short line.
fn place_line_beside(text: &str, layout: &Layout, date: Span) -> Option<(String, Span)> {
    let at = layout
        .lines
        .iter()
        .position(|l| l.span.start <= date.start && date.end <= l.span.end)?;
    let line = layout.lines.get(at)?;
    // The date is the whole line.
    if line.span.slice(text).trim().len() != date.slice(text).trim().len() {
        return None;
    }
    let next = layout
        .lines
        .iter()
        .skip(at + 1)
        .find(|l| l.kind != LineKind::Blank)?;
    let t = next.span.slice(text).trim();
    if t.split_whitespace().count() > 4 || entities::known_places_in(t).is_empty() {
        return None;
    }
    let start = next.span.start + next.span.slice(text).find(t)?;
    Some((canonical_phrase(t), Span::new(start, start + t.len())))
}

/// The first place phrase of the body that follows a meeting word (`Meeting di Tsukuba`): printed with a capital,
/// not a place a statement was received in.
fn meeting_place(
    text: &str,
    layout: &Layout,
    all_words: &[people::Word<'_>],
    received: &dyn Fn(&Span) -> bool,
    other_dated: &[Span],
) -> Option<(String, Span)> {
    for line in layout.lines.iter().filter(|l| l.kind == LineKind::Body) {
        let ws = people::words_in(all_words, line.span);
        for (p, s) in entities::place_phrases_in(text, ws) {
            if received(&s) || !p.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // A meeting of another date (`konferensi … di Bali yang digelar pada Agustus lalu`) is another's.
            if dates_other_time(text, other_dated, s) {
                continue;
            }
            let at = ws.partition_point(|w| w.span.start < s.start);
            // The preposition is the word before the phrase; the meeting word within three words before it.
            let from = at.saturating_sub(4);
            let near = ws.get(from..at.saturating_sub(1)).unwrap_or(&[]);
            if near.iter().any(|w| {
                lexicon::MEETING_WORDS
                    .iter()
                    .any(|m| w.text.eq_ignore_ascii_case(m))
            }) {
                return Some((p, s));
            }
        }
    }
    None
}

/// The first city the headline or the lead's first paragraphs name without a preposition (`KTT ASEAN
/// Labuan Bajo`, `Press Statement …, Labuan Bajo, West Manggarai`): a city or capital of the place table
/// printed with a capital, not a country, province or region.
fn city_in_lead(
    text: &str,
    layout: &Layout,
    all_words: &[people::Word<'_>],
    received: &dyn Fn(&Span) -> bool,
) -> Option<(String, Span)> {
    for span in layout.headline_and_lead() {
        let ws = people::words_in(all_words, span);
        for i in 0..ws.len() {
            for n in (1..=3).rev() {
                let Some(run) = ws.get(i..i + n) else {
                    continue;
                };
                if !run
                    .iter()
                    .all(|w| w.text.chars().next().is_some_and(char::is_uppercase))
                {
                    continue;
                }
                let (Some(a), Some(b)) = (run.first(), run.last()) else {
                    continue;
                };
                let printed = Span::new(a.span.start, b.span.end);
                let Some(entry) = gazetteer::PLACES.get(printed.slice(text)) else {
                    continue;
                };
                if matches!(entry.kind.as_str(), "city" | "country-capital") && !received(&printed)
                {
                    return Some((entry.name.clone(), printed));
                }
            }
        }
    }
    None
}

/// Other dated events the article mentions: a date in a sentence that names a meeting, other than the main one.
#[allow(clippy::too_many_arguments)]
fn find_related(
    text: &str,
    layout: &Layout,
    mentions: &[(usize, &Found, Option<DateSpan>)],
    main: Option<Span>,
    pub_idx: Option<usize>,
    forums: &[ForumHit],
    all_words: &[people::Word<'_>],
    stop: &dyn Fn() -> bool,
) -> Vec<RelatedEvent> {
    let mut out: Vec<RelatedEvent> = Vec::new();
    // Linear in the mentions (a long article has tens of thousands): sentences already used, events already
    // listed and the forums by their start, looked up instead of scanned.
    let mut used_sentences: std::collections::HashSet<Span> = std::collections::HashSet::new();
    let mut listed: std::collections::HashMap<
        (chrono::NaiveDate, chrono::NaiveDate, String),
        usize,
    > = std::collections::HashMap::new();
    let mut by_start: Vec<(usize, &ForumHit)> = forums.iter().enumerate().collect();
    by_start.sort_by_key(|(_, h)| h.span.start);
    let main_sentence = main.map(|m| sentence_around(text, m.start));
    for (k, (i, f, s)) in mentions.iter().enumerate().take(MAX_SCORED_MENTIONS) {
        if k % STOP_EVERY == 0 && stop() {
            break;
        }
        let Some(span) = s else { continue };
        if Some(*i) == pub_idx || !layout.is_body(f.start) {
            continue;
        }
        let sentence = sentence_around(text, f.start);
        if Some(sentence) == main_sentence || used_sentences.contains(&sentence) {
            continue;
        }
        // A span of years (`2021-2024`) is a programme's or a plan's period, not an event.
        if matches!(f.raw, RawDate::Relative(_) | RawDate::Years(..)) {
            continue;
        }
        // A body's founding or a treaty of decades before the period (`ITU, founded in 1865`), or a plan's
        // horizon long after it (`by 2045`), is history or a goal, not an event of the timeline.
        let year = chrono::Datelike::year(&span.start);
        if year < lexicon::YEAR_RANGE.0 - 15 || year > lexicon::YEAR_RANGE.1 + 7 {
            continue;
        }
        // The first forum (in `forums` order) inside the sentence.
        let from = by_start.partition_point(|(_, h)| h.span.start < sentence.start);
        let forum = by_start
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|(_, h)| h.span.start <= sentence.end)
            .filter(|(_, h)| h.span.end <= sentence.end)
            .min_by_key(|(k, _)| *k)
            .map(|(_, h)| *h);
        // A sentence naming a forum names an event; only other sentences are lower-cased and read for the words.
        if forum.is_none() {
            let lower = sentence.slice(text).to_lowercase();
            let names_event = lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| EVENT_NOUNS.contains(&w));
            if !names_event
                || span.precision == Precision::Year
                    && !lower.contains("konferensi")
                    && !lower.contains("conference")
                    && !lower.contains("pertemuan")
            {
                continue;
            }
        }
        let what = forum
            .map(|h| h.name.clone())
            .or_else(|| event_phrase(sentence.slice(text)))
            .unwrap_or_else(|| snippet(sentence.slice(text), 90));
        let location = entities::place_phrases_in(text, people::words_in(all_words, sentence))
            .into_iter()
            .find(|(p, _)| looks_like_place(p))
            .map(|(p, _)| canonical_phrase(&p));
        if let Some(r) = listed
            .get(&(span.start, span.end, what.clone()))
            .and_then(|&k| out.get_mut(k))
        {
            if span.certainty < r.date.certainty {
                r.date.certainty = span.certainty;
            }
            continue;
        }
        used_sentences.insert(sentence);
        listed.insert((span.start, span.end, what.clone()), out.len());
        out.push(RelatedEvent {
            date: *span,
            what,
            forum: forum.map(|h| h.name.clone()),
            location,
            evidence: sentence,
        });
    }
    out
}

/// The first `max` characters of `s` at a word boundary, with an ellipsis when cut.
/// Event nouns whose modifiers follow them (Indonesian: `konferensi keamanan siber`); the others are English,
/// modified before (`the bilateral cyber dialogue`).
const HEAD_FIRST_NOUNS: &[&str] = &[
    "pertemuan",
    "konferensi",
    "ktt",
    "dialog",
    "sidang",
    "rapat",
    "penandatanganan",
    "kunjungan",
    "simposium",
    "kongres",
    "lokakarya",
    "latihan",
];

/// Words a noun phrase does not run across.
const PHRASE_STOPS: &[&str] = &[
    "yang",
    "di",
    "pada",
    "dengan",
    "ke",
    "dari",
    "untuk",
    "dan",
    "ini",
    "itu",
    "tersebut",
    "lalu",
    "sebelumnya",
    "tahun",
    "akan",
    "telah",
    "juga",
    "oleh",
    "dalam",
    "antara",
    "serta",
    "bulan",
    "the",
    "a",
    "an",
    "at",
    "of",
    "to",
    "in",
    "on",
    "and",
    "with",
    "last",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "which",
    "was",
    "were",
    "is",
    "for",
    "first",
    "previous",
    "earlier",
    "next",
];

/// A label for a mentioned event from the sentence that dates it: the noun phrase around its first event noun
/// (`konferensi keamanan siber`, `Bilateral Cyber Dialogue`), of two to five words, with a capital. `None` when the
/// sentence names the event by one bare noun.
fn event_phrase(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let bare = |i: usize| {
        word(i)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let ends_clause = |i: usize| word(i).ends_with([',', '.', ';', ':', ')', '"', '”']);
    let capital = |i: usize| word(i).chars().next().is_some_and(char::is_uppercase);
    let at = (0..words.len()).find(|&i| lexicon::EVENT_NOUNS.contains(&bare(i).as_str()))?;
    // A capitalised noun followed by capitalised words starts a name (`Forum Dialog Bilateral`), in either
    // language; `of`/`on` inside a name are kept (`Memorandum of Understanding`).
    let name_follows = capital(at) && at + 1 < words.len() && capital(at + 1);
    let joins = |i: usize| {
        let w = bare(i);
        !w.is_empty()
            && (!PHRASE_STOPS.contains(&w.as_str())
                || matches!(w.as_str(), "of" | "on") && capital(i + 1))
    };
    let (from, to) = if HEAD_FIRST_NOUNS.contains(&bare(at).as_str()) || name_follows {
        let mut to = at;
        while to + 1 < words.len() && to - at < 4 && !ends_clause(to) && joins(to + 1) {
            to += 1;
        }
        (at, to)
    } else {
        // English modifiers before the noun, when they are part of a name (`Cyber Policy Dialogue`).
        let mut from = at;
        while from > 0
            && at - from < 4
            && !ends_clause(from - 1)
            && capital(from - 1)
            && joins(from - 1)
        {
            from -= 1;
        }
        (from, at)
    };
    if to == from {
        return None;
    }
    let phrase = (from..=to)
        .map(|i| word(i).trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = phrase.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

pub fn snippet(s: &str, max: usize) -> String {
    let s = s.trim().trim_start_matches(['“', '"']);
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// Compiles a pattern with ASCII word boundaries. The word lists are ASCII, and a Unicode `\b` would push the
/// regex engine off its fast path on every text with curly quotes (nearly all news text).
pub(crate) fn regex(pattern: &str) -> Result<re::Regex, String> {
    re::Regex::new(&ascii_classes(pattern))
}

/// Likewise for several patterns searched together.
pub(crate) fn regex_set(patterns: &[String]) -> Result<re::RegexSet, String> {
    let patterns: Vec<String> = patterns.iter().map(|p| ascii_classes(p)).collect();
    re::RegexSet::new(&patterns)
}

/// Likewise for several patterns searched in lockstep with others (see [`lockstep`]).
pub(crate) fn automaton(patterns: &[String]) -> Result<lockstep::Automaton, String> {
    let patterns: Vec<String> = patterns.iter().map(|p| ascii_classes(p)).collect();
    lockstep::Automaton::new(&patterns)
}

/// `\b`, `\d` and `\w` as ASCII classes: Unicode ones make large automata that fall off the fast path.
fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace(r"\w", "[0-9A-Za-z_]")
}

/// A small deterministic pseudo-random sequence for tests that build many texts (xorshift64).
#[cfg(test)]
pub(crate) fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// One of `pieces`, chosen by the next [`xorshift`] value of `seed` (for tests that build texts from pieces).
#[cfg(test)]
pub(crate) fn pick<'a>(seed: &mut u64, pieces: &[&'a str]) -> &'a str {
    let r = xorshift(seed);
    pieces
        .get((r % pieces.len().max(1) as u64) as usize)
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts_of(text: &str) -> ArticleFacts {
        extract_article(&Article {
            id: crate::model::content_id(text, None),
            file: "t.txt".into(),
            path: "t.txt".into(),
            text: text.into(),
            meta: crate::model::ArticleMeta::default(),
        })
    }

    #[test]
    fn a_huge_page_gives_the_same_facts_on_one_core_as_on_two() {
        // Long enough that its dates are split between cores (more than twice `dates::PARALLEL_MIN`).
        let text = crate::bench::pathological_text(640 * 1024);
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .map(|pool| pool.install(|| facts_of(&text)))
        };
        let (Ok(one), Ok(two)) = (on(1), on(2)) else {
            panic!("no thread pool");
        };
        assert!(
            one.dates.len() > 2 * dates::PARALLEL_MIN,
            "{}",
            one.dates.len()
        );
        assert!(one.quotes.len() > 1000, "{}", one.quotes.len());
        assert_eq!(one, two);
    }

    #[test]
    fn a_plans_day_does_not_date_a_report_that_gives_no_day_of_its_own() {
        // The speech has no date; the only day is the coming meeting's: its year, as a guess.
        let f = facts_of(
            "Presiden Serukan Kerja Sama Digital\n\nPresiden berpidato di sidang pleno KTT ASEAN di Singapura \
             tentang ekonomi digital kawasan dan keamanan siber bersama.\nSelain itu, Indonesia juga akan \
             menyelenggarakan pertemuan para pemimpin di Bali pada 11 Oktober 2018 mendatang.\n",
        );
        assert_eq!(f.event_date.as_deref(), Some("2018"));
        assert_eq!(f.date_certainty, Some(Certainty::Uncertain));
    }

    #[test]
    fn a_full_date_with_a_weekday_it_does_not_fall_on_loses_to_one_without_doubt() {
        // Two meetings told alike: the first wins while its weekday is right (4 October 2022 was a Tuesday); printed
        // `Rabu`, the writer slipped on one of the two and the second, undoubted day dates the event.
        let text = |weekday: &str| {
            format!(
                "Forum Siber Kawasan\n\nMEDAN - Forum keamanan siber kawasan dibuka di Medan bersama para mitra \
                 dari negara tetangga.\n\nPertemuan para menteri digelar pada {weekday} (4/10/2022) di Medan.\n\n\
                 Pertemuan para pejabat digelar pada Kamis (6/10/2022) di Medan.\n"
            )
        };
        assert_eq!(
            facts_of(&text("Selasa")).event_date.as_deref(),
            Some("2022-10-04")
        );
        assert_eq!(
            facts_of(&text("Rabu")).event_date.as_deref(),
            Some("2022-10-06")
        );
    }

    #[test]
    fn a_year_less_day_falls_after_what_the_text_tells_goes_on_since() {
        // No page date; the only year printed is that of a start (`since … on 3 November 2021`): the meeting's
        // `14 Februari` is the next one after it.
        let text = |since: &str| {
            format!(
                "Forum Siber Dua Negara\n\nSURABAYA - Kedua menteri menandatangani nota kesepahaman keamanan siber \
                 pada 14 Februari di Surabaya. Kerja sama itu{since} pada 3 November 2021 oleh kedua negara.\n"
            )
        };
        assert_eq!(
            facts_of(&text(" berjalan sejak diluncurkan"))
                .event_date
                .as_deref(),
            Some("2022-02-14")
        );
        // Without `sejak`, the year printed is the day's.
        assert_eq!(
            facts_of(&text(" diluncurkan")).event_date.as_deref(),
            Some("2021-02-14")
        );
    }

    #[test]
    fn a_day_told_as_the_start_of_what_goes_on_is_background() {
        // `sejak … 26 September 2022` opens the conference; the vote the story reports is on `3 Oktober`.
        let text = |since: &str| {
            format!(
                "Indonesia Terpilih di Dewan ITU\n\nBUKARES - Indonesia kembali terpilih menjadi anggota Dewan ITU \
                 dalam konferensi yang berlangsung {since} tanggal 26 September 2022 di Bukares. Pemungutan suara \
                 digelar 3 Oktober oleh para delegasi.\n"
            )
        };
        assert_eq!(
            facts_of(&text("sejak pembukaan")).event_date.as_deref(),
            Some("2022-10-03")
        );
        assert_eq!(
            facts_of(&text("dengan pembukaan")).event_date.as_deref(),
            Some("2022-09-26")
        );
    }

    #[test]
    fn a_day_decades_before_the_period_is_history_not_the_event() {
        let text = "Wapres Terima Delegasi Siber\n\nJAKARTA - Wakil Presiden menerima delegasi keamanan siber di \
                    Kantor Wakil Presiden, Senin. Kedua negara bersahabat sejak Proklamasi Kemerdekaan 17 Agustus \
                    1945, kata juru bicara.\n";
        let f = facts_of(text);
        assert!(
            !f.event_date
                .as_deref()
                .is_some_and(|d| d.starts_with("1945")),
            "{:?}",
            f.event_date
        );
        // The same day within the period is the event's.
        let f = facts_of(&text.replace("1945", "2018"));
        assert_eq!(f.event_date.as_deref(), Some("2018-08-17"));
    }

    #[test]
    fn the_day_of_a_page_quoted_from_is_not_the_events() {
        // The welcome dinner is on Tuesday; `melansir Kominfo.go.id, Rabu (30/3/2022)` dates the page the words
        // were taken from.
        let text = |cite: &str| {
            format!(
                "Pertemuan Ekonomi Digital Dibuka\n\nLOMBOK - Menteri berbicara dalam jamuan makan malam di \
                 Senggigi, Selasa (29/3/2022), untuk para delegasi.\n\n\"Inilah pertama kalinya rapat itu \
                 diselenggarakan di sini,\" katanya {cite}, Rabu (30/3/2022).\n"
            )
        };
        assert_eq!(
            facts_of(&text("melansir Kominfo.go.id"))
                .event_date
                .as_deref(),
            Some("2022-03-29")
        );
        assert_eq!(
            facts_of(&text("di hadapan wartawan")).event_date.as_deref(),
            Some("2022-03-30")
        );
    }

    #[test]
    fn a_past_weekday_is_the_last_before_the_stated_day_nearest_it() {
        let f = facts_of(
            "Dialog Keamanan\n\nBEIJING - Menteri membahas keamanan siber dalam forum dialog bilateral. Forum yang \
             berlangsung pada Senin lalu itu dipimpin kedua menteri.\nMenteri, dalam keterangan tertulisnya, Rabu, \
             23 Agustus 2017, mengaku puas dengan hasil forum.\n",
        );
        assert_eq!(f.event_date.as_deref(), Some("2017-08-21"));
    }

    #[test]
    fn a_bare_weekday_on_an_undated_page_is_that_day_in_the_week_the_text_dates() {
        // No page date, no full date: the opening's `Rabu` is read in the week of `Jumat (12/5)`, with the
        // weekday-pinned year's certainty.
        let f = facts_of(
            "Forum Siber Regional Dibuka\n\nSurabaya (Kabar Timur) - Menteri membuka forum kerja sama keamanan siber \
             kawasan. \"Kita harus bersatu,\" kata Menteri dalam pembukaan forum di Grand City Convention Hall, \
             Rabu.\nForum itu dijadwalkan berlangsung hingga Jumat (12/5).\n",
        );
        let span = f.event_span.map(|d| {
            (
                chrono::Datelike::month(&d.start),
                chrono::Datelike::day(&d.start),
            )
        });
        assert_eq!(span, Some((5, 10)), "{:?}", f.event_span);
    }

    #[test]
    fn a_press_statements_day_is_not_the_meetings() {
        let f = facts_of(
            "Panglima Ajak Waspadai Ancaman Siber\n\nJAKARTA - Panglima mengingatkan ancaman siber. Hal tersebut \
             disampaikan Panglima pada Sidang ke-4 Komite Tingkat Tinggi kedua negara di Canberra, Selasa 25 Oktober \
             2016. \"Kita perlu waspada,\" ujar Panglima melalui keterangan pers, Rabu (26/10/2016).\n",
        );
        assert_eq!(f.event_date.as_deref(), Some("2016-10-25"));
    }

    #[test]
    fn a_meetings_yearless_days_are_its_own_and_where_a_delegate_came_from_is_no_place() {
        let f = facts_of(
            "Delegasi Apresiasi Tuan Rumah\n\nDelegasi dari India mengapresiasi Indonesia yang menggelar pertemuan \
             keempat kelompok kerja ekonomi digital pada 29-30 Agustus di Nusa Dua, Bali.\n\
             “Terima kasih,” kata delegasi dari India Naman Upadhyaya saat dijumpai wartawan, Selasa.\n\
             Sidang keempat itu dimulai pada Senin (29/8) dan berakhir pada Selasa.\n",
        );
        assert_eq!(
            f.location.as_deref(),
            Some("Nusa Dua, Bali"),
            "{:?}",
            f.event_span
        );
    }

    #[test]
    fn the_day_of_what_a_meeting_follows_up_is_not_the_meetings() {
        let f = facts_of(
            "Security dialogue held\n\nJakarta (ANTARA News) - The first security dialogue in New Delhi on Tuesday \
             discussed cooperation, the minister stated.\n\nThe minister remarked that the dialogue was a follow-up \
             of the President's visit to India on December 11, 2017.\n",
        );
        assert_eq!(
            f.event_span.map(|d| d.certainty),
            Some(crate::model::Certainty::Uncertain),
            "{:?}",
            f.event_span
        );
    }

    #[test]
    fn words_said_recently_are_not_dated_by_the_day_they_were_quoted() {
        let f = facts_of(
            "Menlu: Agustus Bulan Spesial\n\nJAKARTA - “Agustus ini menjadi bulan spesial bagi kita,” kata Menteri \
             Luar Negeri dalam konferensi pers virtual baru-baru ini seperti dikutip media pada Senin (27/7/2020).\n",
        );
        assert_eq!(
            f.event_span.map(|d| d.certainty),
            Some(crate::model::Certainty::Uncertain)
        );
    }

    #[test]
    fn days_of_other_happenings_are_listed() {
        let f = facts_of(
            "Kunjungan Sekretaris Dewan Keamanan\n\nJAKARTA - Sekretaris Dewan Keamanan Rusia mengadakan konsultasi \
             keamanan dengan Menko Polhukam di Jakarta, Selasa (14/12/2021).\n\nPada hari Senin (13/12/2021), ia juga \
             bertemu dengan Presiden Joko Widodo di Istana Merdeka.\n\nAsap mengepul di Senin (13/12/2021) pagi.\n",
        );
        assert_eq!(f.event_date.as_deref(), Some("2021-12-14"));
        let d13 = NaiveDate::from_ymd_opt(2021, 12, 13);
        assert_eq!(f.other_event_days, d13.into_iter().collect::<Vec<_>>());
        // Neither a day of nothing happening, nor a day of the event's own schedule.
        let f = facts_of(
            "Kunjungan Sekretaris Dewan Keamanan\n\nJAKARTA - Sekretaris Dewan Keamanan Rusia mengadakan konsultasi \
             keamanan dengan Menko Polhukam di Jakarta, Selasa (14/12/2021).\n\nSesi pertama konsultasi pada Selasa \
             (14/12/2021), sesi kedua pada Rabu (15/12/2021).\n\nAsap mengepul di Senin (13/12/2021) pagi.\n",
        );
        assert!(f.other_event_days.is_empty(), "{:?}", f.other_event_days);
    }

    #[test]
    fn a_posts_short_form_a_sentence_opener_and_a_possessive_are_no_part_of_a_speakers_name() {
        let f = facts_of(
            "Lee Visits Jakarta\n\nJAKARTA - Singapore Prime Minister Lee Hsien Loong met President Joko Widodo in \
             Jakarta on Monday (6/2/2023).\n\n\u{201c}Singapore has a longstanding partnership with Indonesia,\u{201d} \
             said PM Lee.\n\nHowever Widodo said, \u{201c}We will work together on cyber security.\u{201d}\n\n\
             \u{201c}The region gains,\u{201d} said Ferdinand Marcos Jr\u{2019}s spokesman.\n",
        );
        let speakers: Vec<&str> = f
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
            .collect();
        assert_eq!(
            speakers,
            ["Lee Hsien Loong", "Joko Widodo", "Ferdinand Marcos Jr."],
            "{:?}",
            f.quotes
        );
    }

    #[test]
    fn a_place_of_another_times_meeting_is_not_the_events() {
        // The event's sentence names no place; the lead's only place is a conference of the month before.
        let t = "Kerja Sama Siber\n\nDalam konferensi internasional di Bali yang digelar pada Agustus 2016, Rusia \
                 menawarkan bantuan.\nMenteri bertemu Duta Besar Rusia, Senin (19/9/2016), membahas kerja sama siber.\n";
        let f = facts_of(t);
        assert_eq!(f.event_date.as_deref(), Some("2016-09-19"));
        assert_eq!(f.location, None, "{:?}", f.location);
        // The same conference on the event's own day is its place.
        let f = facts_of(&t.replace("pada Agustus 2016", "pada Senin (19/9/2016)"));
        assert_eq!(f.location.as_deref(), Some("Bali"));
    }

    #[test]
    fn a_national_venue_without_a_city_is_in_its_city() {
        let f = facts_of(
            "Menko Bertemu Dubes\n\nMenko Polhukam menerima Duta Besar Jepang. \"Kerja sama siber kita erat,\" ujar Menko di \
             Kantor Kemenko Polhukam, Senin (4/6/2018).\n",
        );
        assert_eq!(
            f.location.as_deref(),
            Some("Kantor Kemenko Polhukam, Jakarta")
        );
        let f = facts_of(
            "Presiden Terima Menlu\n\nPresiden menerima Menteri Luar Negeri Jepang di Istana Merdeka, Senin (4/6/2018), \
             membahas kerja sama siber.\n",
        );
        assert_eq!(f.location.as_deref(), Some("Istana Merdeka, Jakarta"));
    }

    #[test]
    fn with_no_headline_the_label_says_what_happened_and_where() {
        let f = facts_of(
            "Medan, BeritaKita-Menteri Luar Negeri membuka Pertemuan Pejabat Senior tentang keamanan siber di Medan pada Senin (6/8/2018).\n",
        );
        let label = f.made_label.unwrap_or_default();
        assert!(
            label.starts_with("Pertemuan Pejabat Senior") && label.ends_with(", Medan"),
            "{label}"
        );
    }

    #[test]
    fn the_meeting_a_report_dates_outweighs_the_travellers_arrival_the_day_before() {
        let f = facts_of(
            "LABUAN BAJO, WARTA TIMUR - Menteri Komunikasi dan Informatika Johnny G. Plate memulai kunjungan kerja ke \
             Labuan Bajo, Nusa Tenggara Timur, Selasa (19/7/2022).\nDalam kunjungan kerja kali ini, Menteri Johnny \
             menghadiri dan membuka pertemuan ketiga Digital Economy Working Group, di Hotel Meruorah Komodo, Labuan \
             Bajo, Rabu (20/7/2022).\n",
        );
        assert_eq!(f.event_date.as_deref(), Some("2022-07-20"));
        // With no meeting dated beside it, the journey's day is the report's.
        let f = facts_of(
            "JAKARTA, WARTA TIMUR - Menteri Komunikasi dan Informatika Johnny G. Plate tiba di Labuan Bajo, Nusa \
             Tenggara Timur, Selasa (19/7/2022), untuk meninjau kesiapan pertemuan.\n",
        );
        assert_eq!(f.event_date.as_deref(), Some("2022-07-19"));
    }

    #[test]
    fn a_pictures_placeholder_at_a_headlines_end_is_no_part_of_it() {
        for (t, want) in [
            (
                "Laos, Thailand boost digital ties hinh anh 1",
                "Laos, Thailand boost digital ties",
            ),
            (
                "Hội nghị TELMIN tại Đà Nẵng - ảnh 2",
                "Hội nghị TELMIN tại Đà Nẵng",
            ),
            ("Menteri bertemu mitra Foto 1", "Menteri bertemu mitra"),
            (
                "Ministers meet in Hanoi | Photo 3",
                "Ministers meet in Hanoi",
            ),
            // A number that is the headline's own, or a placeholder alone, stays.
            (
                "ASEAN Digital Ministers meet for the 3rd time in 2023",
                "ASEAN Digital Ministers meet for the 3rd time in 2023",
            ),
            ("Photo 1", "Photo 1"),
        ] {
            assert_eq!(without_image_placeholder(t), want, "{t}");
        }
    }

    #[test]
    fn a_span_of_years_as_the_only_date_places_the_event_in_its_first_year_as_a_guess() {
        let t = "Kerja sama kepolisian\n\nKepala kepolisian kedua negara menandatangani rencana kerja sama untuk \
                 periode 2023-2028 dalam pertemuan di Jakarta.\n";
        let d = facts_of(t).event_span.expect("a date");
        assert_eq!(
            (d.value(), d.precision, d.certainty),
            ("2023".to_string(), Precision::Year, Certainty::Uncertain),
            "{d:?}"
        );
    }

    #[test]
    fn a_plans_year_printed_again_in_its_short_name_is_no_year_of_the_news() {
        let t = "Ministers review digital plan\n\nBORACAY, Philippines – Digital ministers met on February 9-10 to \
                 review the second year of the ASEAN Digital Masterplan 2025 (ADM 2025). The outcomes of the ADM 2025 \
                 were adopted.\n";
        let f = facts_of(t);
        // No year of the news is printed: the day stands, its year unknown, never the plan's.
        let d = f.event_span.expect("a day");
        assert!(
            d.start.format("%m-%d").to_string() == "02-09"
                && chrono::Datelike::year(&d.start) != 2025,
            "{d:?}"
        );
        assert_eq!(d.certainty, Certainty::Uncertain);
    }

    #[test]
    fn a_made_label_begins_after_the_dateline() {
        for t in [
            "Medan, BeritaKita-Menteri Luar Negeri membuka pertemuan para pejabat senior ASEAN tentang keamanan siber di Medan pada Senin (6/8/2018).\n",
            "Surabaya (Warta Timur) - Menteri Luar Negeri membuka pertemuan para pejabat senior ASEAN tentang keamanan siber di Surabaya pada Senin (6/8/2018).\n",
        ] {
            let layout = Layout::of(t);
            let label = lead_phrase(t, &layout, &entities::DatelineCell::new()).unwrap_or_default();
            assert!(label.starts_with("Menteri Luar Negeri membuka"), "{label}");
        }
    }

    #[test]
    fn a_mentioned_event_is_labelled_by_its_noun_phrase() {
        assert_eq!(
            event_phrase("Tahun 2013 yang lalu kita juga pernah menjadi tuan rumah konferensi keamanan siber.")
                .as_deref(),
            Some("Konferensi keamanan siber")
        );
        assert_eq!(
            event_phrase(
                "In 2019 the first Australia-Indonesia Cyber Policy Dialogue was held in Canberra."
            )
            .as_deref(),
            Some("Australia-Indonesia Cyber Policy Dialogue")
        );
        assert_eq!(
            event_phrase("Ministers welcomed the outcomes of the meeting."),
            None
        );
    }

    #[test]
    fn a_venue_without_a_city_is_in_the_datelines_city_and_a_quoted_place_is_not_the_events() {
        let f = facts_of(
            "Wapres Terima Dubes Australia\n\nREPUBLIKA.CO.ID, JAKARTA -- Wakil Presiden Jusuf Kalla menerima Duta \
             Besar Australia Paul Grigson. \"Kami bertemu di New York tahun lalu,\" ujar Grigson ketika ditemui \
             di Kantor Wakil Presiden, Senin (2/10/2017).\n",
        );
        assert_eq!(
            f.location.as_deref(),
            Some("Kantor Wakil Presiden, Jakarta")
        );
    }

    #[test]
    fn a_country_alone_is_narrowed_to_the_datelines_or_the_texts_city_in_it() {
        let f = facts_of(
            "Cyber drill for the region\n\nKUALA LUMPUR - A regional cyber drill began in Malaysia on Tuesday \
             (March 5, 2019) with response teams of ten ASEAN states.\n",
        );
        assert_eq!(f.location.as_deref(), Some("Kuala Lumpur"));
        let f = facts_of(
            "Cyber drill for the region\n\nResponse teams of ten ASEAN states took part in a drill held in \
             Vietnam on Tuesday (March 5, 2019), run from Hanoi by the national response centre.\n",
        );
        assert_eq!(f.location.as_deref(), Some("Hanoi"));
        // A dateline city of another country does not replace the country.
        let f = facts_of(
            "Cyber drill for the region\n\nJAKARTA - Response teams of ten ASEAN states took part in a drill \
             held in Vietnam on Tuesday (March 5, 2019).\n",
        );
        assert_eq!(f.location.as_deref(), Some("Vietnam"));
        // A city of that country named further on, in a photo's caption.
        let f = facts_of(
            "Menteri hadiri pertemuan ASEAN\n\nMenteri Koordinator menghadiri pertemuan komunitas politik dan \
             keamanan ASEAN ke-20 di Thailand pada Sabtu (2/11/2019).\n\nPara menteri membahas kerja sama siber \
             dan terorisme di kawasan selama dua hari.\n\nMenteri (ketiga dari kanan) di acara itu di Bangkok, \
             Thailand, Sabtu (2/11/2019). Foto: Dok. Humas\n",
        );
        assert_eq!(f.location.as_deref(), Some("Bangkok"));
    }

    #[test]
    fn a_year_something_goes_on_since_does_not_give_a_days_year() {
        let f = facts_of(
            "Defence chiefs agree on cyber group\n\nThe ministers, who have met annually since 2016, agreed on May 25 \
             to set up a working group on cyber security.\n",
        );
        let d = f.event_span.expect("the day is shown");
        assert_eq!(d.certainty, crate::model::Certainty::Uncertain, "{d:?}");
        assert_ne!(chrono::Datelike::year(&d.start), 2016, "{d:?}");
        assert_eq!(chrono::Datelike::month(&d.start), 5);
        // A year the text states for the day still gives it.
        let f = facts_of(
            "Defence chiefs agree on cyber group\n\nIn 2019 the ministers agreed on May 25 to set up a working \
             group on cyber security.\n",
        );
        let d = f.event_span.expect("the day is shown");
        assert_eq!(chrono::Datelike::year(&d.start), 2019, "{d:?}");
    }

    #[test]
    fn a_speech_headline_dates_the_speech_but_a_page_date_before_a_headline_does_not() {
        // The headline names the day of the closing address; `yesterday` in the speech is the day before.
        let f = facts_of(
            "Closing Address by the Minister for Digital Affairs at the Regional Cyber Forum Closing Session (7 Mar 2019)\n\n\
             07 Mar 2019\n\n\
             1. Thank you very much, Excellencies and colleagues, for your participation in the discussions of the forum.\n\n\
             2. And so yesterday, when we were having our discussions, one of the member countries raised the idea of a \
             shared response team for the region.\n",
        );
        let d = f.event_span.expect("dated");
        assert_eq!(
            d.start,
            NaiveDate::from_ymd_opt(2019, 3, 7).unwrap(),
            "{d:?}"
        );
        // A page date printed before the headline on its line is the page's, not the meeting's.
        let f = facts_of(
            "March 20, 2019 Outcomes of the 5th Regional Cyber Policy Meeting\n\n\
             The 5th Regional Cyber Policy Meeting was held in Manila on March 6, 2019, with officials of ten countries.\n",
        );
        let d = f.event_span.expect("dated");
        assert_eq!(
            d.start,
            NaiveDate::from_ymd_opt(2019, 3, 6).unwrap(),
            "{d:?}"
        );
    }

    #[test]
    fn a_date_line_with_a_place_line_under_it_dates_and_places_the_story() {
        let f = facts_of(
            "Ministers agree on cyber training\n\nThe two defence ministers met on the sidelines of the annual meetings.\n\
             Dewi Lestari\n2019.03.14\nKuala Lumpur\n\
             The two ministers agreed to train officers in cyber security, the minister said on Thursday. They also \
             discussed maritime security and intelligence sharing across the region for the coming years.\n",
        );
        let d = f.event_span.expect("dated");
        assert_eq!(
            d.start,
            NaiveDate::from_ymd_opt(2019, 3, 14).unwrap(),
            "{d:?}"
        );
        assert_eq!(f.location.as_deref(), Some("Kuala Lumpur"));
    }

    #[test]
    fn a_numbered_meeting_or_a_plans_name_settles_a_days_year() {
        // The meeting's number gives the year over a plan's year; `last week` is not anchored on that day.
        let f = facts_of(
            "Ministers meet in Vientiane\n\nVientiane (VNA) – The 19th ASEAN Telecommunications and IT Ministers \
             Meeting (TELMIN 19) opened in Vientiane on October 24. Last week officials prepared it. The ministers \
             will discuss activities in 2020.\n",
        );
        let d = f.event_span.expect("the day is shown");
        assert_eq!(
            d.start,
            NaiveDate::from_ymd_opt(2019, 10, 24).unwrap(),
            "{d:?}"
        );
        assert_eq!(d.certainty, crate::model::Certainty::Inferred);
        let last_week = f
            .dates
            .iter()
            .find(|m| m.text == "Last week")
            .expect("found");
        assert_eq!(last_week.span, None);
        // A year in a plan's name (`Vision 2025`) gives no day its year.
        let f = facts_of(
            "Ministers meet in Vientiane\n\nThe ASEAN ministers met in Vientiane on Oct 24 to enhance regional \
             cooperation and realise the ASEAN Community Vision 2025.\n",
        );
        let d = f.event_span.expect("the day is shown");
        assert_ne!(chrono::Datelike::year(&d.start), 2025, "{d:?}");
        assert_eq!(d.certainty, crate::model::Certainty::Uncertain, "{d:?}");
    }

    #[test]
    fn a_body_listed_among_those_attending_is_not_the_events_forum() {
        let f = facts_of(
            "Konferensi Kepolisian\n\nJAKARTA - Menteri membuka konferensi yang dihadiri sepuluh negara, \
             termasuk organisasi internasional seperti Interpol, Europol dan ICRC, Rabu (13/09/2017).\n\n\
             Acara itu juga dihadiri oleh ASEAN Secretariat.\n\nKapolri menegaskan pentingnya forum ASEANAPOL \
             sebagai kerangka kerja sama antar kepolisian.\n",
        );
        assert_eq!(f.forum.as_deref(), Some("ASEANAPOL"));
    }

    #[test]
    fn the_day_printed_with_the_place_dates_the_event_not_the_day_before_it() {
        let f = facts_of(
            "Kepala Badan Siber Dilantik\n\nSeorang jenderal mengaku baru dihubungi Senin (20/5/2019) malam \
             untuk dilantik sebagai kepala badan siber di Istana Negara, Selasa (21/5/2019) siang.\n",
        );
        let d = f.event_span.expect("a date");
        assert_eq!(d.start.to_string(), "2019-05-21");
    }

    #[test]
    fn where_the_sentence_says_the_meeting_was_held_is_its_place_not_where_it_was_told() {
        let f = facts_of(
            "Ministers agree to stop cyber attacks\n\nThe spokesman told journalists in Bangkok on November 4, \
             2015 that the agreement was reached during the meeting of defence ministers, which was held in \
             Kuala Lumpur, Malaysia's capital, during November 3-4.\n",
        );
        assert_eq!(f.location.as_deref(), Some("Kuala Lumpur"));
    }

    #[test]
    fn a_meeting_decades_before_the_period_is_no_related_event() {
        let f = facts_of(
            "Konferensi ITU di Dubai\n\nDUBAI - Indonesia terpilih menjadi anggota Dewan ITU dalam konferensi \
             para menteri di Dubai, Senin (5/11/2018).\n\nIndonesia pertama kali menghadiri konferensi ITU \
             pada 1949, dan menggelar pertemuan regional pada 2014.\n",
        );
        let years: Vec<i32> = f
            .related_events
            .iter()
            .map(|r| chrono::Datelike::year(&r.date.start))
            .collect();
        assert!(!years.contains(&1949), "{years:?}");
        assert!(years.contains(&2014), "{years:?}");
    }

    #[test]
    fn a_founding_year_long_before_the_period_does_not_date_the_news() {
        let f = facts_of(
            "Kerja Sama Siber ASEAN\n\nASEAN, yang didirikan pada 1967, membahas kerja sama keamanan siber \
             dalam pertemuan para menteri.\n",
        );
        let d = f.event_span.expect("the event is still shown");
        assert_ne!(chrono::Datelike::year(&d.start), 1967, "{d:?}");
        assert_eq!(d.certainty, crate::model::Certainty::Uncertain);
    }

    #[test]
    fn a_city_the_lead_names_in_passing_is_a_weak_place() {
        let f = facts_of(
            "Joint Statement of the Ministers, Semarang, Central Java, 4 March 2019\n\nThe ministers of the two countries agreed to share information on cyber threats and to train their response teams together.",
        );
        assert_eq!(f.location.as_deref(), Some("Semarang"));
        assert!(f.location_from_dateline);
        // A place the text gives the event is no weak place.
        let f = facts_of(
            "Kerja Sama Siber\n\nPara menteri bertemu di Semarang, Selasa (5/3/2019), untuk membahas keamanan siber kawasan.",
        );
        assert_eq!(f.location.as_deref(), Some("Semarang"));
        assert!(!f.location_from_dateline);
    }

    /// The date and forum searches run in lockstep find what each one's own search finds: on texts mixing the
    /// words, numbers and marks the patterns hold, and on every article of the bundled corpus.
    #[test]
    fn key_terms_are_names_inside_sentences_and_acronyms() {
        let text = "Headline Here Today\n\nPemerintah membentuk tim khusus untuk memburu peretas Bjorka, kata Kepala BSSN Hinsa Siburian di Jakarta pada Senin (12/9/2022). Tim itu melibatkan BSSN, Polri dan BIN untuk menangani Bjorka pada September.\n";
        let a = Article {
            id: "k".into(),
            file: "k.txt".into(),
            path: "k.txt".into(),
            text: text.into(),
            meta: Default::default(),
        };
        let t = extract_article(&a).key_terms;
        assert_eq!(t.first().map(String::as_str), Some("bjorka"), "{t:?}");
        for w in ["bssn", "hinsa", "siburian", "jakarta", "polri", "bin"] {
            assert!(t.iter().any(|x| x == w), "{w} in {t:?}");
        }
        // Sentence openings, weekdays and months are not names.
        for w in ["pemerintah", "tim", "senin", "september"] {
            assert!(!t.iter().any(|x| x == w), "{w} in {t:?}");
        }
    }

    #[test]
    fn lockstep_searches_find_what_each_search_finds() {
        let parts = [
            " ", "  ", "\n", ",", ".", "(", ")", "/", "-", "–", "Sabtu", "sabtu", "Jum'at", "6",
            "11", "27", "2021", "1998", "Mei", "mei", "Desember", "des.", "Sept", "bulan", "lalu",
            "depan", "hari", "ini", "kemarin", "malam", "dua", "pekan", "tahun", "yang", "KTT",
            "ASEAN", "ke-38", "ke", "ARF", "PBB", "Dewan", "Keamanan", "UN", "Security", "Council",
            "10.43", "WIB", "sampai", "dengan", "pada", "in", "x", "“", "\u{a0}", "ITU", "itu",
            "th", "38th", "Summit",
        ];
        let (Some((months, words)), Some(forums)) =
            (dates::automata(), entities::forum_automaton())
        else {
            panic!("patterns compile");
        };
        let mut texts: Vec<String> = Vec::new();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || xorshift(&mut seed);
        for _ in 0..3000 {
            let n = 1 + (next() % 30) as usize;
            let mut t = String::new();
            for _ in 0..n {
                t.push_str(parts[(next() % parts.len() as u64) as usize]);
                if next() % 4 != 0 {
                    t.push(' ');
                }
            }
            texts.push(t);
        }
        let corpus = crate::corpus::load(
            &[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")],
            &crate::corpus::LoadOptions::default(),
        );
        assert!(corpus.articles.len() >= 10);
        texts.extend(corpus.articles.iter().map(|a| a.text.clone()));
        let (mut dates_found, mut forums_found) = (0, 0);
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let [m, w, f] = lockstep::find_all(&lower, [months, words, forums]).unwrap();
            let together = dates::find_dates_in(text, &lower, Some((&m, &w)));
            assert_eq!(
                together,
                dates::find_dates_in(text, &lower, None),
                "{text:?}"
            );
            let layout = Layout::of(text);
            let together = entities::find_forums_in(text, &lower, &layout, Some(&f));
            assert_eq!(
                together,
                entities::find_forums_in(text, &lower, &layout, None),
                "{text:?}"
            );
            dates_found += m.len() + w.len();
            forums_found += f.len();
        }
        assert!(
            dates_found > 5000 && forums_found > 1000,
            "{dates_found} {forums_found}"
        );
    }
}
