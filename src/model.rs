//! Plain data shared by every stage: what the corpus loader produces ([`Article`]), what extraction finds in it
//! ([`ArticleFacts`]) and what the timeline shows ([`Event`]). No behaviour beyond small helpers; all serde.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` in an article's decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The text this span covers, or `""` if it does not fit `text` (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A stable id for a text: the first 16 hex digits of its BLAKE3 hash.
pub fn content_id(text: &str, record: Option<usize>) -> String {
    let mut h = blake3::Hasher::new();
    h.update(text.as_bytes());
    if let Some(r) = record {
        h.update(&r.to_le_bytes());
    }
    let hex = h.finalize().to_hex();
    hex.as_str().get(..16).unwrap_or_default().to_string()
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day or a range of days.
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// How sure the extractor is of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// The text prints the full date.
    Stated,
    /// Derived from the text with one reading only (year from the publication date, weekday, …).
    Inferred,
    /// The text does not pin the date down (a year no reader can know): shown as a guess.
    Uncertain,
}

/// A date or date range with its precision and certainty. `start..=end` are inclusive days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    /// First day covered.
    #[serde(with = "day_serde")]
    pub start: NaiveDate,
    /// Last day covered (inclusive); equals `start` for one day.
    #[serde(with = "day_serde")]
    pub end: NaiveDate,
    /// Day, month or year.
    pub precision: Precision,
    /// Stated, inferred or uncertain.
    pub certainty: Certainty,
}

mod day_serde {
    //! A day as `2019-01-07` in readable formats (JSON), as a day number in binary ones (the extraction cache,
    //! where parsing millions of date strings was a visible part of re-opening a corpus).
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            d.serialize(s)
        } else {
            s.serialize_i32(d.num_days_from_ce())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            NaiveDate::deserialize(d)
        } else {
            let n = i32::deserialize(d)?;
            NaiveDate::from_num_days_from_ce_opt(n)
                .ok_or_else(|| serde::de::Error::custom(format!("day number {n} out of range")))
        }
    }
}

impl DateSpan {
    /// One day.
    pub fn day(date: NaiveDate, certainty: Certainty) -> Self {
        Self {
            start: date,
            end: date,
            precision: Precision::Day,
            certainty,
        }
    }

    /// A whole month, or `None` for an impossible month.
    pub fn month(year: i32, month: u32, certainty: Certainty) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(Self {
            start,
            end: next.pred_opt()?,
            precision: Precision::Month,
            certainty,
        })
    }

    /// A whole year, or `None` for an impossible year.
    pub fn year(year: i32, certainty: Certainty) -> Option<Self> {
        Some(Self {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            precision: Precision::Year,
            certainty,
        })
    }

    /// The normalised value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the first day of a range).
    pub fn value(&self) -> String {
        match self.precision {
            Precision::Day => iso_date(self.start, true),
            Precision::Month => iso_date(self.start, false),
            Precision::Year => format!("{:04}", self.start.year()),
        }
    }

    /// Number of days covered (at least 1).
    pub fn span_days(&self) -> i64 {
        (self.end - self.start).num_days().max(0) + 1
    }

    /// Whether the span is one a timeline can hold: it ends on or after its start, and its years are within
    /// [`MIN_YEAR`]–[`MAX_YEAR`]. The reason when it is not.
    pub fn check(&self) -> Result<(), String> {
        if self.end < self.start {
            return Err(format!(
                "the end {} is before the start {}",
                iso_date(self.end, true),
                iso_date(self.start, true)
            ));
        }
        for d in [self.start, self.end] {
            if !(MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
                return Err(format!(
                    "year {} is outside {MIN_YEAR}–{MAX_YEAR}",
                    d.year()
                ));
            }
        }
        Ok(())
    }

    /// Whether the two spans share at least one day, allowing `slack_days` of gap.
    pub fn overlaps(&self, other: &DateSpan, slack_days: i64) -> bool {
        let gap_a = (other.start - self.end).num_days();
        let gap_b = (self.start - other.end).num_days();
        gap_a <= slack_days && gap_b <= slack_days
    }
}

/// `YYYY-MM-DD` (or `YYYY-MM` without `day`), as chrono's `%Y-%m-%d` writes it. Years 0–9999 (all real ones)
/// are written digit by digit: formatting through chrono parsed the format string on every call, which cost a
/// percent of opening a corpus; other years go through chrono.
pub fn iso_date(d: NaiveDate, day: bool) -> String {
    let y = d.year();
    let Ok(year) = u32::try_from(y) else {
        return d.format(if day { "%Y-%m-%d" } else { "%Y-%m" }).to_string();
    };
    if year > 9999 {
        return d.format(if day { "%Y-%m-%d" } else { "%Y-%m" }).to_string();
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut out = String::with_capacity(10);
    for n in [year / 1000, year / 100, year / 10, year] {
        out.push(digit(n));
    }
    out.push('-');
    out.push(digit(d.month() / 10));
    out.push(digit(d.month()));
    if day {
        out.push('-');
        out.push(digit(d.day() / 10));
        out.push(digit(d.day()));
    }
    out
}

/// The first year an event may have (a date typed or imported before it is refused with the reason).
pub const MIN_YEAR: i32 = 1900;
/// The last year an event may have.
pub const MAX_YEAR: i32 = 2100;

impl DateSpan {
    /// Parses a date as a person types it: `2018`, `2018-04`, `2018-04-28`, or a range of two of these joined by
    /// `..`, ` to `, ` – ` or ` - ` (`2018-04-27..2018-04-28`). The precision follows the form; the certainty is
    /// `Stated`. Day forms `28/04/2018` and `28.04.2018` are accepted too. A range that ends before it starts and
    /// a year outside 1900–2100 are refused with the reason ([`DateSpan::check`]).
    pub fn parse(input: &str) -> Result<DateSpan, String> {
        let d = Self::parse_unchecked(input)?;
        d.check().map_err(|e| format!("{:?}: {e}", input.trim()))?;
        Ok(d)
    }

    fn parse_unchecked(input: &str) -> Result<DateSpan, String> {
        let s = input.trim();
        if s.is_empty() {
            return Err("empty date".into());
        }
        let seps = ["..", " to ", " – ", " — ", " - ", "–", "/"];
        for sep in seps {
            // `/` separates a range only between two ISO dates (`2018-04-27/2018-04-28`).
            if sep == "/" && !s.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if let Some((a, b)) = s.split_once(sep)
                && let (Ok(a), Ok(b)) = (Self::parse_one(a), Self::parse_one(b))
            {
                if b.end < a.start {
                    return Err(format!("{input:?}: the range ends before it starts"));
                }
                return Ok(DateSpan {
                    start: a.start,
                    end: b.end,
                    precision: a.precision.min(b.precision),
                    certainty: Certainty::Stated,
                });
            }
        }
        Self::parse_one(s)
    }

    fn parse_one(s: &str) -> Result<DateSpan, String> {
        let s = s.trim();
        let bad = || format!("{s:?} is not a date (use 2018, 2018-04 or 2018-04-28)");
        let num = |p: &str| -> Result<u32, String> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse::<u32>().map_err(|_| bad())
        };
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        let iso = s.contains('-');
        match parts.as_slice() {
            [y] if y.len() == 4 => Self::year(num(y)? as i32, Certainty::Stated).ok_or_else(bad),
            [y, m] if iso && y.len() == 4 => {
                Self::month(num(y)? as i32, num(m)?, Certainty::Stated).ok_or_else(bad)
            }
            [y, m, d] if iso && y.len() == 4 => {
                NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)
                    .map(|d| Self::day(d, Certainty::Stated))
                    .ok_or_else(bad)
            }
            [d, m, y] if !iso && y.len() == 4 => {
                NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)
                    .map(|d| Self::day(d, Certainty::Stated))
                    .ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }

    /// The form [`DateSpan::parse`] reads back: the value, or `start..end` for a range of days.
    pub fn to_input(&self) -> String {
        match self.precision {
            Precision::Day if self.end != self.start => format!(
                "{}..{}",
                self.start.format("%Y-%m-%d"),
                self.end.format("%Y-%m-%d")
            ),
            _ => self.value(),
        }
    }
}

/// A date as a reader says it, with precision and certainty: "24 August 2023", "April 2018",
/// "26 July, year uncertain (2017?)", "27–28 April 2018".
pub fn date_text(d: &DateSpan) -> String {
    let base = match d.precision {
        Precision::Year => d.start.year().to_string(),
        Precision::Month => format!("{} {}", month_name_en(d.start.month()), d.start.year()),
        Precision::Day if d.end != d.start && d.end.month() == d.start.month() => {
            format!(
                "{}–{} {} {}",
                d.start.day(),
                d.end.day(),
                month_name_en(d.start.month()),
                d.start.year()
            )
        }
        Precision::Day if d.end != d.start => format!(
            "{} {} – {} {} {}",
            d.start.day(),
            month_name_en(d.start.month()),
            d.end.day(),
            month_name_en(d.end.month()),
            d.end.year()
        ),
        Precision::Day => format!(
            "{} {} {}",
            d.start.day(),
            month_name_en(d.start.month()),
            d.start.year()
        ),
    };
    match d.certainty {
        Certainty::Stated => base,
        Certainty::Inferred => format!("{base} (year or day inferred)"),
        Certainty::Uncertain => match d.precision {
            Precision::Day => format!(
                "{} {}, year unknown (shown at {}?)",
                d.start.day(),
                month_name_en(d.start.month()),
                d.start.year()
            ),
            _ => format!("{base} (uncertain)"),
        },
    }
}

/// The English name of month `m` (1–12), `?` for another number.
pub fn month_name_en(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// One row of a hand-made events file (a team's spreadsheet as CSV, or a TimelineJS3 JSON), as text: the loader
/// reads the cells, extraction turns them into an [`Event`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// File name as shown to the user.
    pub file: String,
    /// Row or item number (1-based) in that file.
    pub row: usize,
    /// Start date as written.
    pub date: String,
    /// End date as written (may be empty).
    pub end_date: String,
    /// `day`, `month` or `year` if the file says.
    pub precision: String,
    /// Headline.
    pub title: String,
    /// Forum.
    pub forum: String,
    /// Place.
    pub location: String,
    /// Countries, `;`-separated.
    pub countries: String,
    /// People, `;`-separated.
    pub people: String,
    /// Quotes, `Speaker: “text”` joined by ` | `.
    pub quotes: String,
    /// Sources, `;`-separated.
    pub sources: String,
    /// Outlets, `;`-separated.
    pub outlets: String,
    /// Lane or group the file gives (TimelineJS `group`).
    pub lane: String,
    /// Free text (a TimelineJS event's text, a spreadsheet's notes).
    pub text: String,
}

/// Fields a structured input (JSON, CSV) gives directly, before any extraction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Headline as given by the file.
    pub title: Option<String>,
    /// Publication date as given by the file (any common format; parsed in extraction).
    pub date: Option<String>,
    /// Article address.
    pub url: Option<String>,
    /// Outlet or source domain.
    pub outlet: Option<String>,
    /// Language code as given by the file.
    pub language: Option<String>,
}

/// One article as loaded from the corpus: its decoded text and what the file said about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a content hash of the decoded text (and record index for multi-record files).
    pub id: String,
    /// File name as shown to the user (relative to the opened folder; `name.jsonl#3` for record 3).
    pub file: String,
    /// Full path of the file it came from.
    pub path: std::path::PathBuf,
    /// Decoded text, `\n` line ends. Every offset in the extraction refers to this text.
    pub text: String,
    /// Metadata from structured formats.
    pub meta: ArticleMeta,
}

/// A date mention found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The words as printed.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Normalised value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or `None` where nothing anchors it.
    pub value: Option<String>,
    /// The resolved span, where one could be resolved.
    pub span: Option<DateSpan>,
    /// Whether it stands in page furniture or a caption (listed, but never dating the article).
    #[serde(default)]
    pub chrome: bool,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Canonical name of the speaker, where one was found.
    pub speaker: Option<String>,
    /// The speaker's role or title as printed (`Menko Polhukam`), where given.
    pub role: Option<String>,
    /// The exact words inside the quotation marks (without a closing comma).
    pub text: String,
    /// Byte offset of the quoted words.
    pub start: usize,
    /// Byte offset one past the quoted words.
    pub end: usize,
    /// Where the attribution (`kata Wiranto`) was found.
    pub speaker_span: Option<Span>,
}

/// Another dated event that an article mentions (an upcoming summit, a past conference).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedEvent {
    /// When.
    pub date: DateSpan,
    /// A short description: the forum where one is named, else the words around the date.
    pub what: String,
    /// Forum, if the sentence names one.
    pub forum: Option<String>,
    /// Place, if the sentence names one.
    pub location: Option<String>,
    /// The sentence the event was found in.
    pub evidence: Span,
}

/// Everything extracted from one article. Field names follow the gold annotation files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleFacts {
    /// Stable id of the article.
    pub id: String,
    /// File name.
    pub file: String,
    /// The article's address, where the input record gives one.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet as a reader names it.
    pub outlet: Option<String>,
    /// Where the outlet was read from.
    pub outlet_span: Option<Span>,
    /// `id` or `en`.
    pub language: String,
    /// The article's own headline.
    pub title: Option<String>,
    /// Other lines that could be the headline, best first (used when the first turns out to be page furniture
    /// that recurs across the corpus).
    #[serde(default)]
    pub title_alternatives: Vec<String>,
    /// A label made from the text for when there is no headline: what happened, from the lead sentence.
    #[serde(default)]
    pub made_label: Option<String>,
    /// Main event date value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub event_date: Option<String>,
    /// Main event date with precision and certainty.
    pub event_span: Option<DateSpan>,
    /// Certainty of the main event date.
    pub date_certainty: Option<Certainty>,
    /// Evidence for the main event date: the sentence it stands in.
    pub date_evidence: Option<Span>,
    /// The date phrase itself (`Kamis (24/8/2023)`).
    pub date_mention: Option<Span>,
    /// Where the text gives no day: the article (file) of the same event whose day was taken.
    #[serde(default)]
    pub date_from: Option<String>,
    /// Whether nothing in the text gives the event's year (its date is then placed at a year marked unknown).
    #[serde(default)]
    pub year_unknown: bool,
    /// Publication date printed in the page.
    pub published_date: Option<String>,
    /// Where the main event took place.
    pub location: Option<String>,
    /// Where the location was read from.
    pub location_span: Option<Span>,
    /// The location is only the dateline's city (where the story was filed) or a city the headline or lead names
    /// in passing, no place the text gives the event.
    #[serde(default)]
    pub location_from_dateline: bool,
    /// The report is of delegations received by someone or calling on them (`PM … welcomed all delegates`,
    /// `kunjungan resmi para Ketua Delegasi … kepada Perdana Menteri`): a side event of the meeting they came for,
    /// not that meeting.
    #[serde(default)]
    pub delegations_received: bool,
    /// Countries named in the article (English names).
    pub countries: Vec<String>,
    /// The forum or meeting of the main event.
    pub forum: Option<String>,
    /// Where the forum was read from.
    pub forum_span: Option<Span>,
    /// Broad kind of forum, used for lanes (`ASEAN`, `UN`, `Bilateral`, `National`, …).
    pub forum_kind: String,
    /// Named people who act or speak.
    pub people: Vec<String>,
    /// Direct quotations.
    pub quotes: Vec<Quote>,
    /// Every date mention.
    pub dates: Vec<DateMention>,
    /// Other dated events mentioned.
    pub related_events: Vec<RelatedEvent>,
    /// Days the text gives something else that happened or will happen (a meeting, a visit, a signing) than
    /// its event: a report of another day's event is not this one's.
    #[serde(default)]
    pub other_event_days: Vec<chrono::NaiveDate>,
    /// The names the article's text uses most (capitalised words and acronyms of its body, lower case, most
    /// frequent first): what two reports of one event share in any language (`bjorka`, `bssn`, `demm`).
    #[serde(default)]
    pub key_terms: Vec<String>,
}

/// How exported text (TimelineJS) marks the values a person set by hand.
pub const CURATED_PREFIX: &str = "Curated by hand:";

/// One article that reports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Article id.
    pub article_id: String,
    /// File name.
    pub file: String,
    /// The article's address, where known.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published_date: Option<String>,
    /// The sentence the event's date came from in this article.
    pub evidence: Option<Span>,
}

/// A quote attached to an event, with the source that carried it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventQuote {
    /// The quote.
    pub quote: Quote,
    /// Index into the event's `sources`.
    pub source: usize,
}

/// An event on the timeline: one or more articles report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id (hash of the first source's id and the event's role in it).
    pub id: String,
    /// When.
    pub date: DateSpan,
    /// Short title.
    pub title: String,
    /// Forum or meeting.
    pub forum: Option<String>,
    /// Broad kind of forum (lane).
    pub forum_kind: String,
    /// Where.
    pub location: Option<String>,
    /// Countries involved.
    pub countries: Vec<String>,
    /// People who act or speak.
    pub people: Vec<String>,
    /// Quotes with their sources.
    pub quotes: Vec<EventQuote>,
    /// Articles that report it.
    pub sources: Vec<Source>,
    /// True for an event only mentioned in passing (not the article's main subject).
    pub mentioned_only: bool,
    /// Ids of the article-level reports merged into this event (the first is its own id). Curation edits name an
    /// event by any of these, so they survive the corpus growing and events merging differently.
    #[serde(default)]
    pub parts: Vec<String>,
    /// Which values a person set by hand (`date`, `title`, `forum`, `lane`, `location`, `note`, `merged`,
    /// `split`); empty for an event as extracted.
    #[serde(default)]
    pub curated: Vec<String>,
    /// A note added by hand.
    #[serde(default)]
    pub note: Option<String>,
    /// For an event read from a hand-made events file (CSV or TimelineJS): that file's name. Such events get a
    /// lane of their own.
    #[serde(default)]
    pub origin: Option<String>,
    /// Why reports were merged into this event, one line per report that joined it (`Tempo (202.txt) joined:
    /// dates a day apart; same forum (…); same people (…)`).
    #[serde(default)]
    pub merge_reasons: Vec<String>,
    /// The location is only a dateline's city (see [`ArticleFacts::location_from_dateline`]), for merging only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub location_from_dateline: bool,
    /// Delegations received (see [`ArticleFacts::delegations_received`]), for merging only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub delegations_received: bool,
    /// The key terms of the reports merged here (see [`ArticleFacts::key_terms`]), for merging only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_terms: Vec<String>,
}

impl Event {
    /// Whether a person set `field` by hand.
    pub fn is_curated(&self, field: &str) -> bool {
        self.curated.iter().any(|c| c == field)
    }

    /// How far the event is corroborated: (distinct articles, distinct outlets) among its sources. Two copies
    /// of one outlet's report are one outlet; sources whose outlet is unknown add articles, not outlets.
    pub fn corroboration(&self) -> (usize, usize) {
        let mut articles: Vec<&str> = self.sources.iter().map(|s| s.article_id.as_str()).collect();
        articles.sort_unstable();
        articles.dedup();
        (articles.len(), self.outlets().len())
    }

    /// [`Event::corroboration`] in words: `3 articles from 2 outlets`, `1 article from 1 outlet`,
    /// `2 articles, outlet unknown`.
    pub fn corroboration_text(&self) -> String {
        let (a, o) = self.corroboration();
        let articles = format!("{a} article{}", if a == 1 { "" } else { "s" });
        match o {
            0 => format!("{articles}, outlet unknown"),
            o => format!(
                "{articles} from {o} outlet{}",
                if o == 1 { "" } else { "s" }
            ),
        }
    }

    /// Distinct outlets among the sources.
    pub fn outlets(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .sources
            .iter()
            .filter_map(|s| s.outlet.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// A file the loader could not use, with the reason shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Path as shown to the user.
    pub file: String,
    /// Why it was skipped.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_written_as_chrono_writes_them() {
        let mut seed = 17u64;
        let mut checked = 0;
        for _ in 0..20_000 {
            let r = crate::extract::xorshift(&mut seed);
            // Days over years -50..12050: every year width and sign, every month and day.
            let y = (r % 12_100) as i32 - 50;
            let Some(d) = NaiveDate::from_yo_opt(y, (r >> 20) as u32 % 366 + 1) else {
                continue;
            };
            assert_eq!(iso_date(d, true), d.format("%Y-%m-%d").to_string());
            assert_eq!(iso_date(d, false), d.format("%Y-%m").to_string());
            checked += 1;
        }
        assert!(checked > 19_000);
    }

    #[test]
    fn day_spans_are_readable_in_json_and_day_numbers_in_the_cache() {
        let span = DateSpan::month(2019, 12, Certainty::Stated).unwrap();
        let json = serde_json::to_string(&span).unwrap();
        assert!(
            json.contains("\"2019-12-01\"") && json.contains("\"2019-12-31\""),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<DateSpan>(&json).unwrap(), span);
        let packed = rmp_serde::to_vec(&span).unwrap();
        assert!(
            !packed.windows(4).any(|w| w == b"2019"),
            "dates packed as numbers"
        );
        assert_eq!(rmp_serde::from_slice::<DateSpan>(&packed).unwrap(), span);
        // A day number no date has is an error, not a panic.
        let bad = rmp_serde::to_vec(&(i32::MAX, i32::MAX, span.precision, span.certainty)).unwrap();
        assert!(rmp_serde::from_slice::<DateSpan>(&bad).is_err());
    }
}
