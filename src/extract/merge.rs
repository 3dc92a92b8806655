//! Articles about the same event become one [`Event`] with several sources: same forum (a generic name matches
//! a numbered one) and dates that overlap, or the same title on overlapping dates.

use crate::model::{
    ArticleFacts, Certainty, DateSpan, Event, EventQuote, Precision, RelatedEvent, Source,
};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Days of slack allowed between two reports' dates of one event.
const SLACK_DAYS: i64 = 2;

fn has_ordinal(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn norm_title(s: &str) -> String {
    if s.is_ascii() {
        // The same as below for ASCII text (nearly every title), byte by byte into one allocation of the
        // title's length (collecting characters into a `String` grew it a few bytes at a time).
        let mut key = String::with_capacity(s.len());
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            key.push(char::from(b.to_ascii_lowercase()));
        }
        return key;
    }
    let mut key = String::with_capacity(s.len());
    for c in s.to_lowercase().chars().filter(|c| c.is_alphanumeric()) {
        key.push(c);
    }
    key
}

fn better_date(a: &DateSpan, b: &DateSpan) -> DateSpan {
    // Stated beats inferred beats uncertain; then the finer precision; then the wider day range (a summit's days).
    let rank = |d: &DateSpan| {
        let c = match d.certainty {
            Certainty::Stated => 0,
            Certainty::Inferred => 1,
            Certainty::Uncertain => 2,
        };
        (d.precision, c, -d.span_days())
    };
    if rank(b) < rank(a) { *b } else { *a }
}

fn source_of(f: &ArticleFacts) -> Source {
    Source {
        article_id: f.id.clone(),
        file: f.file.clone(),
        url: f.url.clone(),
        outlet: f.outlet.clone(),
        title: f.title.clone(),
        published_date: f.published_date.clone(),
        evidence: f.date_evidence,
    }
}

/// A quick hash of a string (for sets that are confirmed on the strings themselves).
fn str_hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

fn event_id(article_id: &str, role: &str) -> String {
    crate::model::content_id(&format!("{article_id}/{role}"), None)
}

/// The id of an article's main report (the part an event carries when that article's main event is in it).
pub fn main_report_id(article_id: &str) -> String {
    event_id(article_id, "main")
}

/// The events of one article: its main event and the dated events it mentions.
pub fn article_events(f: &ArticleFacts) -> Vec<Event> {
    report_roles(f)
        .map(|role| report_event(f, role, report_id(f, role)))
        .collect()
}

/// Which of an article's reports: its main event (on its date), or the `i`-th event it mentions.
#[derive(Debug, Clone, Copy)]
enum Role<'a> {
    Main(DateSpan),
    Related(usize, &'a RelatedEvent),
}

/// The roles of an article's reports, in [`article_events`] order.
fn report_roles(f: &ArticleFacts) -> impl Iterator<Item = Role<'_>> {
    f.event_span.map(Role::Main).into_iter().chain(
        f.related_events
            .iter()
            .enumerate()
            .map(|(i, r)| Role::Related(i, r)),
    )
}

/// The id of an article's report.
fn report_id(f: &ArticleFacts, role: Role<'_>) -> String {
    match role {
        Role::Main(_) => main_report_id(&f.id),
        Role::Related(i, _) => event_id(&f.id, &format!("related{i}")),
    }
}

/// The label of an article's main event: its headline; else a made one, the forum and place where the article
/// names a forum, else what happened (from the lead); else the forum kind, place and outlet. Never a quote, a
/// dateline or the file name.
pub fn label_of(f: &ArticleFacts) -> String {
    if let Some(t) = &f.title {
        return t.clone();
    }
    if let Some(fo) = &f.forum {
        return match &f.location {
            Some(l) => format!("{fo}, {l}"),
            None => fo.clone(),
        };
    }
    if let Some(l) = &f.made_label {
        return l.clone();
    }
    let mut parts: Vec<String> = vec![format!("{} event", f.forum_kind)];
    if let Some(l) = &f.location {
        parts.push(format!("in {l}"));
    }
    if let Some(o) = &f.outlet {
        parts.push(format!("({o})"));
    }
    parts.join(" ")
}

/// One report of an article (see [`article_events`]), with its id.
fn report_event(f: &ArticleFacts, role: Role<'_>, id: String) -> Event {
    match role {
        Role::Main(date) => {
            let title = label_of(f);
            Event {
                id: id.clone(),
                date,
                title,
                forum: f.forum.clone(),
                forum_kind: f.forum_kind.clone(),
                location: f.location.clone(),
                countries: f.countries.clone(),
                people: f.people.clone(),
                quotes: f
                    .quotes
                    .iter()
                    .map(|q| EventQuote {
                        quote: q.clone(),
                        source: 0,
                    })
                    .collect(),
                sources: vec![source_of(f)],
                mentioned_only: false,
                parts: vec![id],
                curated: Vec::new(),
                note: None,
                origin: None,
                merge_reasons: Vec::new(),
                key_terms: f.key_terms.clone(),
                location_from_dateline: f.location_from_dateline,
                delegations_received: f.delegations_received,
            }
        }
        Role::Related(_, r) => {
            let mut source = source_of(f);
            source.evidence = Some(r.evidence);
            Event {
                id: id.clone(),
                date: r.date,
                // A forum or a short noun phrase with its place (`Cyber Policy Dialogue, Canberra`); a sentence
                // snippet as it is.
                title: match &r.location {
                    Some(l) if !r.what.contains(l.as_str()) && r.what.chars().count() <= 60 => {
                        format!("{}, {l}", r.what)
                    }
                    _ => r.what.clone(),
                },
                forum: r.forum.clone(),
                forum_kind: if r.forum.as_deref().is_some_and(|x| x.contains("ASEAN")) {
                    "ASEAN".into()
                } else {
                    f.forum_kind.clone()
                },
                location: r.location.clone(),
                countries: Vec::new(),
                people: Vec::new(),
                quotes: Vec::new(),
                sources: vec![source],
                mentioned_only: true,
                parts: vec![id],
                curated: Vec::new(),
                note: None,
                origin: None,
                merge_reasons: Vec::new(),
                key_terms: Vec::new(),
                location_from_dateline: false,
                delegations_received: false,
            }
        }
    }
}

/// Whether absorbing `other` into `into` takes `other`'s title (and place): a main event's over a mention's.
fn takes_other_title(into: &Event, other: &Event) -> bool {
    into.mentioned_only && !other.mentioned_only
}

/// Adds `other`'s sources, quotes, people, countries and parts to `into`, keeping the better date and title.
pub fn absorb(into: &mut Event, other: Event) {
    absorb_with(into, other, None);
}

/// [`absorb`], given the hashes of `into`'s parts (kept up to date here): a part whose hash is new is added
/// without comparing it with every part (events of a large corpus gather hundreds).
fn absorb_with(
    into: &mut Event,
    other: Event,
    part_hashes: Option<&mut rustc_hash::FxHashSet<u64>>,
) {
    let offset = into.sources.len();
    let prefer_other_title = takes_other_title(into, &other);
    into.date = better_date(&into.date, &other.date);
    if prefer_other_title {
        into.title = other.title.clone();
    }
    if let (Some(a), Some(b)) = (&into.forum, &other.forum) {
        if b.len() > a.len() {
            into.forum = Some(b.clone());
        }
    } else if into.forum.is_none() {
        into.forum = other.forum.clone();
    }
    if into.location.is_none() || prefer_other_title && other.location.is_some() {
        into.location = other.location.clone();
        into.location_from_dateline = other.location_from_dateline;
    }
    for c in other.countries {
        if !into.countries.contains(&c) {
            into.countries.push(c);
        }
    }
    // The tokens of `into`'s people, split once per absorb and only when a name is not simply printed the same.
    let mut into_tokens: Option<Vec<Vec<String>>> = None;
    for p in other.people {
        // The same name printed the same way (the common case) is the same person whenever it has any
        // name token at all, as `same_person` would find; other pairs are compared token by token.
        // (A name has tokens when it has a character other than white space and dots.)
        if into.people.contains(&p) && p.chars().any(|c| !c.is_whitespace() && c != '.') {
            continue;
        }
        let tp = super::people::name_tokens(&p);
        let tokens = into_tokens.get_or_insert_with(|| {
            into.people
                .iter()
                .map(|q| super::people::name_tokens(q))
                .collect()
        });
        if !tokens
            .iter()
            .any(|tq| super::people::same_person_tokens(tq, &tp))
        {
            into.people.push(p);
            tokens.push(tp);
        }
    }
    into.quotes
        .extend(other.quotes.into_iter().map(|q| EventQuote {
            quote: q.quote,
            source: q.source + offset,
        }));
    for s in other.sources {
        into.sources.push(s);
    }
    match part_hashes {
        Some(hashes) => {
            for p in other.parts {
                if hashes.insert(str_hash(&p)) || !into.parts.contains(&p) {
                    into.parts.push(p);
                }
            }
        }
        None => {
            for p in other.parts {
                if !into.parts.contains(&p) {
                    into.parts.push(p);
                }
            }
        }
    }
    into.merge_reasons.extend(other.merge_reasons);
    for t in other.key_terms {
        if !into.key_terms.contains(&t) {
            into.key_terms.push(t);
        }
    }
    into.mentioned_only &= other.mentioned_only;
    if into.forum_kind == "National"
        || into.forum_kind == "Bilateral" && other.forum_kind == "ASEAN"
    {
        into.forum_kind = other.forum_kind;
    }
}

/// Every article-level report (main events and mentions), in the order merging takes them: main events first,
/// then by date and id.
pub fn reports(facts: &[ArticleFacts]) -> Vec<Event> {
    // Main events first so that they absorb the mentions, then by date ([`report_order`]). The order is found by
    // sorting small keys computed from the facts, stably (ties stay in article order, main event first, as a
    // stable sort of every article's `article_events` leaves them); then each report is built in its place, in
    // parallel. Building them all first and then moving them into order moved megabytes on one thread.
    // What `report_key` gives for each report (mention or not, start day, id), and where it comes from.
    let mut keys: Vec<(bool, chrono::NaiveDate, String, &ArticleFacts, Role<'_>)> = facts
        .par_iter()
        .flat_map_iter(|f| {
            report_roles(f).map(move |role| match role {
                Role::Main(d) => (false, d.start, report_id(f, role), f, role),
                Role::Related(_, r) => (true, r.date.start, report_id(f, role), f, role),
            })
        })
        .collect();
    keys.par_sort_by(|x, y| (x.0, x.1, x.2.as_str()).cmp(&(y.0, y.1, y.2.as_str())));
    keys.into_par_iter()
        .map(|(_, _, id, f, role)| report_event(f, role, id))
        .collect()
}

/// The order in which reports are merged.
pub fn report_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    report_key(a).cmp(&report_key(b))
}

/// What [`report_order`] compares: main events before mentions, then start day, then id.
type ReportKey<'a> = (bool, chrono::NaiveDate, &'a str);

fn report_key(e: &Event) -> ReportKey<'_> {
    (e.mentioned_only, e.date.start, e.id.as_str())
}

/// Words that tell nothing about which event a report is: function words of both languages, and the words that
/// every report of this field uses. (What is common in the corpus at hand also weighs little: see [`Idf`].)
const COMMON_WORDS: &[&str] = &[
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "dalam",
    "pada",
    "akan",
    "ini",
    "itu",
    "oleh",
    "para",
    "atas",
    "bagi",
    "soal",
    "jadi",
    "the",
    "and",
    "for",
    "with",
    "from",
    "into",
    "its",
    "his",
    "her",
    "over",
    "says",
    "said",
    "new",
    "siber",
    "cyber",
    "keamanan",
    "security",
    "kerja",
    "sama",
    "cooperation",
    "kerjasama",
    "asean",
    "indonesia",
    "ri",
    "menteri",
    "minister",
    "ministers",
    "pertemuan",
    "meeting",
    "bahas",
    "membahas",
    "discuss",
    "discusses",
    "dorong",
    "mendorong",
    "perkuat",
    "memperkuat",
    "strengthen",
    "tingkatkan",
    "digital",
];

/// The distinctive words of an event's label, and its people's family names and foreign countries, hashed
/// (each list sorted, no repeats). The forum and the place are weighed on their own.
fn event_words(e: &Event) -> Keys {
    let mut out: Vec<u64> = Vec::new();
    for field in [Some(e.title.as_str())] {
        for w in field
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
        {
            let l = w.to_lowercase();
            if !COMMON_WORDS.contains(&l.as_str()) {
                out.push(str_hash(&l));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    // The people (by family name: `Stef Blok` and `Stephanus Abraham Blok`) and the foreign countries, which
    // read the same in every language.
    let mut entities: Vec<u64> = Vec::new();
    for p in &e.people {
        if let Some(last) = super::people::name_tokens(p).last() {
            entities.push(str_hash(&format!("person:{last}")));
        }
    }
    for c in e.countries.iter().filter(|c| *c != "Indonesia") {
        entities.push(str_hash(&format!("country:{c}")));
    }
    entities.sort_unstable();
    entities.dedup();
    let mut terms: Vec<u64> = e
        .key_terms
        .iter()
        .map(|t| str_hash(&format!("term:{t}")))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    (out, entities, terms)
}

/// An event's headline words, its people and foreign countries, and its key terms, hashed and sorted.
type Keys = (Vec<u64>, Vec<u64>, Vec<u64>);

/// How rare each word is among the reports: a word most reports use says little about which event one is.
/// `ln((N + 10) / df)`: the ten imagined reports keep a word shared by the only two reports of a small corpus
/// worth something.
struct Idf {
    df: FxHashMap<u64, u32>,
    n: f64,
}

impl Idf {
    fn of(sigs: &[Keys]) -> Idf {
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        for (ws, es, ts) in sigs {
            for w in ws.iter().chain(es).chain(ts) {
                *df.entry(*w).or_default() += 1;
            }
        }
        Idf {
            df,
            n: sigs.len() as f64,
        }
    }

    fn weight(&self, w: u64) -> f64 {
        let df = self.df.get(&w).copied().unwrap_or(1).max(1) as f64;
        ((self.n + 10.0) / df).ln().max(0.0)
    }
}

/// Below this share of key-term weight in common two texts are only on one topic; above it the share counts, up to
/// [`TERM_WEIGHT`] for texts that name the same things.
const TERM_SHARE_FLOOR: f64 = 0.2;
const TERM_WEIGHT: f64 = 3.0;
/// The shared weight at which key terms count in full: about two names that two reports alone use.
const TERM_RARE_WEIGHT: f64 = 6.0;

/// What delegations received during a named meeting weigh against being that meeting (see
/// [`content_evidence`]): more than the place, people and headline words the two share.
const CALL_APART: f64 = 8.0;

/// What merging compares, computed once per event and grown as it absorbs reports.
struct Sig {
    forum: Option<String>,
    title: String,
    place: Option<String>,
    people: Vec<Vec<String>>,
    countries: Vec<String>,
    words: Vec<u64>,
    entities: Vec<u64>,
    terms: Vec<u64>,
    quotes: Vec<u64>,
    articles: FxHashSet<u64>,
    /// Days the event's articles state for something other than their event (`Pada hari Senin (13/12),
    /// Patrushev juga bertemu dengan Presiden` in a report of the 14th).
    other_days: Vec<chrono::NaiveDate>,
    /// The first and last day of its reports' dates (each report's own, not the event's chosen one).
    reported: (chrono::NaiveDate, chrono::NaiveDate),
    /// Delegations received by someone ([`Event::delegations_received`]).
    call: bool,
}

/// The opening words of a quote, as a key: two outlets printing one statement share it.
fn quote_key(text: &str) -> Option<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    (words.len() >= 6).then(|| str_hash(&words.join(" ")))
}

/// A place's key: lower case (`Pejambon, Central Jakarta` → `pejambon, central jakarta`).
fn place_key(p: &str) -> String {
    p.trim().to_lowercase()
}

/// Whether two places can be one: equal, or one within the other's words (`Jakarta` and `Pejambon, Central
/// Jakarta`, `Nusa Dua` and `Nusa Dua, Bali`).
fn places_compatible(a: &str, b: &str) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    let (pa, pb) = (
        super::entities::known_places_in(a),
        super::entities::known_places_in(b),
    );
    // A venue alone (`Hotel Borobudur`) says nothing of the city.
    if pa.is_empty() || pb.is_empty() {
        return None;
    }
    // One within the other (`Central Jakarta` lies in Jakarta, `Ubud` in Bali).
    let table = &*super::gazetteer::PLACES;
    let within = |x: &[&str], y: &[&str]| {
        x.iter().any(|p| {
            table
                .with_parents(p)
                .iter()
                .any(|q| y.contains(&q.as_str()))
        })
    };
    Some(within(&pa, &pb) || within(&pb, &pa))
}

impl Sig {
    fn of(e: &Event, keys: Keys) -> Sig {
        Sig::with_days(e, keys, &OtherDays::default())
    }

    fn with_days(e: &Event, (words, entities, terms): Keys, other_days: &OtherDays) -> Sig {
        let mut days: Vec<chrono::NaiveDate> = e
            .sources
            .iter()
            .filter_map(|s| other_days.get(&s.article_id))
            .flatten()
            .copied()
            .filter(|d| !(e.date.start <= *d && *d <= e.date.end))
            .collect();
        days.sort_unstable();
        days.dedup();
        // Only a printed headline is evidence when two are equal, not a label made from forum and place.
        let headline = e
            .sources
            .first()
            .and_then(|s| s.title.as_deref())
            .map(norm_title)
            .unwrap_or_default();
        Sig {
            forum: e.forum.as_ref().map(|f| f.to_lowercase()),
            title: headline,
            place: e.location.as_deref().map(place_key),
            people: e
                .people
                .iter()
                .map(|p| super::people::name_tokens(p))
                .collect(),
            countries: e
                .countries
                .iter()
                .filter(|c| *c != "Indonesia")
                .cloned()
                .collect(),
            words,
            entities,
            terms,
            quotes: e
                .quotes
                .iter()
                .filter_map(|q| quote_key(&q.quote.text))
                .collect(),
            articles: e.sources.iter().map(|s| str_hash(&s.article_id)).collect(),
            other_days: days,
            reported: (e.date.start, e.date.end),
            call: e.delegations_received,
        }
    }

    /// Takes in what a report absorbed into this event adds.
    fn absorb(&mut self, event: &Event, other: Sig) {
        self.reported = (
            self.reported.0.min(other.reported.0),
            self.reported.1.max(other.reported.1),
        );
        self.forum = event.forum.as_ref().map(|f| f.to_lowercase());
        self.place = event.location.as_deref().map(place_key);
        for p in other.people {
            if !self
                .people
                .iter()
                .any(|q| super::people::same_person_tokens(q, &p))
            {
                self.people.push(p);
            }
        }
        for c in other.countries {
            if !self.countries.contains(&c) {
                self.countries.push(c);
            }
        }
        self.words.extend(other.words);
        self.words.sort_unstable();
        self.words.dedup();
        self.entities.extend(other.entities);
        self.entities.sort_unstable();
        self.entities.dedup();
        self.terms.extend(other.terms);
        self.terms.sort_unstable();
        self.terms.dedup();
        self.quotes.extend(other.quotes);
        self.articles.extend(other.articles);
    }
}

/// Whether two forum names can be the same meeting: equal, or one a generic form of the other (`ASEAN Summit`
/// and `32nd ASEAN Summit`), but never two numbered editions.
fn forums_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if has_ordinal(a) && has_ordinal(b) {
        return false;
    }
    // One within the other (`ASEAN Summit` in `32nd ASEAN Summit`, `G20` in `G20 Digital Economy Ministers'
    // Meeting`), or two names of one series sharing two of their own words (`G20 Digital Economy Working Group`
    // and `G20 Digital Economy Ministers' Meeting`).
    let within = |x: &str, y: &str| {
        y.match_indices(x).any(|(i, _)| {
            let before = y.get(..i).and_then(|p| p.chars().last());
            let after = y.get(i + x.len()..).and_then(|p| p.chars().next());
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    if within(a, b) || within(b, a) {
        return true;
    }
    const FORMAT_WORDS: &[&str] = &[
        "meeting",
        "meetings",
        "group",
        "working",
        "ministers",
        "ministerial",
        "council",
        "summit",
        "forum",
        "conference",
        "the",
        "of",
        "and",
        "on",
        "dialogue",
        "senior",
        "officials",
        "leaders",
    ];
    let own = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                !w.is_empty() && !FORMAT_WORDS.contains(w) && !w.chars().all(|c| c.is_ascii_digit())
            })
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (own(a), own(b));
    wa.iter().filter(|w| wb.contains(w)).count() >= 2
}

/// Whether a forum's name names a body or a meeting series rather than a format: it holds an acronym or a capitalised name of two letters
/// or more in capitals (`ASEAN`, `UN`, `G20`, `SICW`, `ADGMIN`).
fn names_a_body(forum: &str) -> bool {
    forum.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.chars().count() >= 2
            && w.chars().any(char::is_uppercase)
            && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// [`names_a_body`], or the forum table lists it in a lane of bodies (`Interpol`; a bilateral row may be a
/// format, `Courtesy Call`): a shared forum so named is evidence of one event.
fn names_a_listed_body(forum: &str) -> bool {
    names_a_body(forum)
        || super::entities::forum_kind_of(forum)
            .is_some_and(|k| !matches!(k, "Bilateral" | "National"))
}

/// Days between two spans (0 when they overlap). A day whose year is uncertain is compared by month and day,
/// in the other's year: its year is a guess, its day is not.
fn day_gap(a: &DateSpan, b: &DateSpan) -> i64 {
    use chrono::Datelike;
    let shift = |d: &DateSpan, year: i32| -> Option<DateSpan> {
        let start = d.start.with_year(year)?;
        let end = start + chrono::Duration::days((d.end - d.start).num_days());
        Some(DateSpan { start, end, ..*d })
    };
    let (a, b) = match (a.certainty, b.certainty) {
        (Certainty::Uncertain, c) if c != Certainty::Uncertain => {
            (shift(a, b.start.year()).unwrap_or(*a), *b)
        }
        (c, Certainty::Uncertain) if c != Certainty::Uncertain => {
            (*a, shift(b, a.start.year()).unwrap_or(*b))
        }
        _ => (*a, *b),
    };
    (b.start - a.end)
        .num_days()
        .max((a.start - b.end).num_days())
        .max(0)
}

/// Whether two single days fall on one day and month and neither text prints its year (it is inferred from a
/// weekday or guessed, never stated).
fn same_day_year_unprinted(a: &DateSpan, b: &DateSpan) -> bool {
    use chrono::Datelike;
    let unprinted = |d: &DateSpan| {
        d.precision == Precision::Day && d.certainty != Certainty::Stated && d.start == d.end
    };
    unprinted(a)
        && unprinted(b)
        && (a.start.month(), a.start.day()) == (b.start.month(), b.start.day())
}

/// What it costs two reports on different days that both name people to share none of them.
const NO_SHARED_PERSON: f64 = 2.0;

/// Whether two reports each name who spoke or acted, and no one in common. On different days such reports are
/// of two sessions (of one summit, one cyber week); on one day, each outlet quoting its own country's minister
/// at one meeting is the rule. A report whose day is taken from another has no day to compare: it counts
/// there always.
fn no_one_in_common(sa: &Sig, sb: &Sig) -> bool {
    !sa.people.is_empty()
        && !sb.people.is_empty()
        && !sa.people.iter().any(|p| {
            sb.people
                .iter()
                .any(|q| super::people::same_person_tokens(p, q))
        })
}

/// For each article (by id), the days its text gives something else that happened (`other_event_days`).
pub type OtherDays = FxHashMap<String, Vec<chrono::NaiveDate>>;

/// [`OtherDays`] of a corpus's articles.
pub fn other_days_of(facts: &[ArticleFacts]) -> OtherDays {
    facts
        .iter()
        .map(|f| (f.id.clone(), f.other_event_days.clone()))
        .collect()
}

/// Whether one of two reports on different days states the other's day for something else: then the two
/// days are two events of one visit or week (the courtesy call on Monday, the signing on Tuesday).
fn told_apart(a: &Event, sa: &Sig, b: &Event, sb: &Sig) -> bool {
    let names = |e: &Event, s: &Sig| {
        s.other_days
            .iter()
            .any(|d| e.date.start <= *d && *d <= e.date.end)
    };
    names(b, sa) || names(a, sb)
}

/// Evidence needed for two articles' main reports to be one event.
const MERGE_EVIDENCE: f64 = 2.5;

/// How strongly two main reports say they are the same event, with the reasons; `None` when their dates
/// cannot be one event's. Dates within [`SLACK_DAYS`] are required; then a shared forum, title, place, people,
/// countries, rare words and quoted statements add up, and a different forum or place counts against.
fn evidence(a: &Event, sa: &Sig, b: &Event, sb: &Sig, idf: &Idf) -> Option<(f64, Vec<String>)> {
    if a.date.precision != b.date.precision {
        return None;
    }
    // A year the text does not give (a guess, shown as uncertain) cannot say two reports are of one event.
    if a.date.precision == Precision::Year
        && (a.date.certainty == Certainty::Uncertain || b.date.certainty == Certainty::Uncertain)
    {
        return None;
    }
    let gap = day_gap(&a.date, &b.date);
    // Two days whose years neither text prints (each pinned by a weekday, or guessed) on one day and month: one
    // report's weekday may be misprinted (`Rabu (13/11)` beside three reports' `Selasa (13/11)`). Only on more
    // evidence than a merge on the dates asks for.
    let years_read_apart = gap > SLACK_DAYS && same_day_year_unprinted(&a.date, &b.date);
    if gap > SLACK_DAYS && !years_read_apart {
        return None;
    }
    // Every report of one event within the slack of each other (`17`, `19` and `21` August are not one day
    // reported three ways, whatever each pair says): the days of all its reports and the new one's together
    // span no more than the longer report's days and the slack.
    let certain =
        |e: &Event| e.date.precision == Precision::Day && e.date.certainty != Certainty::Uncertain;
    if certain(a) && certain(b) && !years_read_apart {
        let lo = sa.reported.0.min(sb.reported.0);
        let hi = sa.reported.1.max(sb.reported.1);
        let own = a.date.span_days().max(b.date.span_days());
        if (hi - lo).num_days() > own - 1 + SLACK_DAYS {
            return None;
        }
    }
    if gap > 0 && told_apart(a, sa, b, sb) {
        if std::env::var_os("LINIMASA_DEBUG_MERGE").is_some() {
            eprintln!(
                "told apart {} | {}",
                a.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
                b.sources.first().map(|s| s.file.as_str()).unwrap_or("")
            );
        }
        return None;
    }
    let (mut score, mut why) = content_evidence(a, sa, b, sb, idf);
    if gap > 0 && no_one_in_common(sa, sb) {
        score -= NO_SHARED_PERSON;
    }
    if years_read_apart {
        score -= TWIN_EVIDENCE - MERGE_EVIDENCE;
        why.insert(
            0,
            "the same day and month, in years neither text prints".into(),
        );
    }

    if std::env::var_os("LINIMASA_DEBUG_MERGE").is_some() {
        eprintln!(
            "{} | {} | {score:.2} {why:?}",
            a.sources.first().map(|s| s.file.as_str()).unwrap_or(""),
            b.sources.first().map(|s| s.file.as_str()).unwrap_or("")
        );
    }
    why.insert(
        0,
        match gap {
            _ if years_read_apart => "same day and month".to_string(),
            0 => "same dates".to_string(),
            1 => "dates a day apart".to_string(),
            n => format!("dates {n} days apart"),
        },
    );
    Some((score + if gap == 0 { 0.5 } else { 0.0 }, why))
}

/// What two reports share besides their dates, as a score with reasons (see [`evidence`]).
fn content_evidence(a: &Event, sa: &Sig, b: &Event, sb: &Sig, idf: &Idf) -> (f64, Vec<String>) {
    let mut score = 0.0;
    let mut why: Vec<String> = Vec::new();
    if !sa.title.is_empty() && sa.title == sb.title {
        score += 5.0;
        why.push("same headline".into());
    }
    // A named body or meeting (`ASEAN Summit`, `SICW`, `UN Security Council`) tells events apart; a format any
    // two countries use (`State Visit`, `Bilateral Meeting`, `2+2 Ministerial Meeting`) does not.
    match (&sa.forum, &sb.forum) {
        (Some(x), Some(y)) if forums_compatible(x, y) => {
            let named = b
                .forum
                .as_deref()
                .or(a.forum.as_deref())
                .is_some_and(names_a_listed_body);
            if named && sa.call != sb.call {
                // The delegations of a conference received by the host (or calling on them) are not the
                // conference, whatever place and people the two share.
                score -= CALL_APART;
            } else if named {
                score += 3.0;
                why.push(format!("same forum ({})", b.forum.as_deref().unwrap_or(y)));
            }
        }
        // Two meetings of one series held together (the ministers' meeting and its senior officials'
        // meeting, `TELMIN` and `TELSOM`): neither for nor against.
        (Some(_), Some(_))
            if a.forum
                .as_deref()
                .zip(b.forum.as_deref())
                .is_some_and(|(x, y)| {
                    let full = |f: &str| {
                        super::entities::forum_full_name(f)
                            .unwrap_or(f)
                            .to_lowercase()
                    };
                    forums_compatible(&full(x), &full(y))
                }) => {}
        (Some(_), Some(_)) => {
            let both_named = a.forum.as_deref().is_some_and(names_a_body)
                && b.forum.as_deref().is_some_and(names_a_body);
            // Two different named meetings (the summit and a council meeting beside it) are two events.
            score -= if both_named { 3.0 } else { 1.0 };
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (&sa.place, &sb.place) {
        match places_compatible(x, y) {
            Some(true) => {
                score += 1.0;
                why.push(format!(
                    "same place ({})",
                    b.location.as_deref().unwrap_or(y)
                ));
            }
            // A dateline's city is where the story was filed: no evidence against.
            Some(false) if a.location_from_dateline || b.location_from_dateline => {}
            Some(false) => score -= 2.0,
            None => {}
        }
    }
    // Who and which countries, weighed by how rare they are in the corpus (they read the same in every
    // language); and the share of the headline's rare words the two have in common (a share, so that two
    // reports of one topic, each with a long headline, do not add up to one event).
    let shared = |x: &[u64], y: &[u64]| -> f64 {
        let (mut i, mut j, mut w) = (0, 0, 0.0);
        while let (Some(p), Some(q)) = (x.get(i), y.get(j)) {
            match p.cmp(q) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    w += idf.weight(*p);
                    i += 1;
                    j += 1;
                }
            }
        }
        w
    };
    let entities = shared(&sa.entities, &sb.entities);
    if entities > 0.0 {
        score += (entities / 3.0).min(3.0);
        let shared_people: Vec<&str> = b
            .people
            .iter()
            .zip(&sb.people)
            .filter(|(_, t)| sa.people.iter().any(|u| u.last() == t.last()))
            .map(|(p, _)| p.as_str())
            .take(3)
            .collect();
        if !shared_people.is_empty() {
            why.push(format!("same people ({})", shared_people.join(", ")));
        }
        let shared_countries: Vec<&str> = sb
            .countries
            .iter()
            .filter(|c| sa.countries.contains(c))
            .map(String::as_str)
            .take(3)
            .collect();
        if !shared_countries.is_empty() {
            why.push(format!("same countries ({})", shared_countries.join(", ")));
        }
    }
    let total = |x: &[u64]| x.iter().map(|w| idf.weight(*w)).sum::<f64>();
    let least = total(&sa.words).min(total(&sb.words));
    let words = shared(&sa.words, &sb.words);
    if words > 0.0 && least > 0.0 {
        score += 3.0 * (words / least).min(1.0);
        why.push("headline words in common".into());
    }
    // The names both texts use most, as the share of the rarer text's weight: two reports of one event name the
    // same people, bodies and things (`Bjorka`, `BSSN`, `DEMM`) in any language.
    let least_terms = total(&sa.terms).min(total(&sb.terms));
    let terms = shared(&sa.terms, &sb.terms);
    if terms > 0.0 && least_terms > 0.0 {
        let share = (terms / least_terms).min(1.0);
        if share >= TERM_SHARE_FLOOR {
            // Scaled by how much rare weight is shared: a few common names in common are a topic, not an event.
            let rare = (terms / TERM_RARE_WEIGHT).min(1.0);
            score += TERM_WEIGHT * rare * (share - TERM_SHARE_FLOOR) / (1.0 - TERM_SHARE_FLOOR);
            let names: Vec<&str> = b
                .key_terms
                .iter()
                .filter(|t| {
                    let h = str_hash(&format!("term:{t}"));
                    sa.terms.binary_search(&h).is_ok() && idf.weight(h) >= 1.5
                })
                .map(String::as_str)
                .take(4)
                .collect();
            if !names.is_empty() {
                why.push(format!("names in common ({})", names.join(", ")));
            }
        }
    }
    if sb.quotes.iter().any(|q| sa.quotes.contains(q)) {
        score += 3.0;
        why.push("the same statement quoted".into());
    }
    (score, why)
}

/// Evidence needed to take a report's day from another report of the event when the text itself gives none:
/// more than for a merge, as the dates cannot confirm it; a little less when the weekday the text gives fits.
const TWIN_EVIDENCE: f64 = 4.5;
const TWIN_EVIDENCE_WEEKDAY: f64 = 2.5;

/// Articles whose event day the text does not give (only a year or a weekday, marked uncertain) take it from
/// another article of the corpus that reports the same event on a known day: strong shared evidence (forum,
/// people, place, rare words, the same statement), the same year if one is known, the weekday if one is given.
/// The date is then inferred, and `date_from` names the article it came from. Linear: only articles sharing a
/// rare word, person or forum are compared.
pub fn dates_from_twins(
    facts: &mut [ArticleFacts],
    weekday_of: &dyn Fn(&ArticleFacts) -> Option<chrono::Weekday>,
) {
    use chrono::Datelike;
    let needs = |f: &ArticleFacts| {
        f.event_span
            .is_some_and(|d| d.certainty == Certainty::Uncertain)
    };
    if !facts.iter().any(needs) {
        return;
    }
    let events: Vec<Option<Event>> = facts
        .iter()
        .map(|f| {
            article_events(f)
                .into_iter()
                .next()
                .filter(|e| !e.mentioned_only)
        })
        .collect();
    let words: Vec<Keys> = events
        .iter()
        .map(|e| e.as_ref().map(event_words).unwrap_or_default())
        .collect();
    let idf = Idf::of(&words);
    let sigs: Vec<Option<Sig>> = events
        .iter()
        .zip(&words)
        .map(|(e, w)| e.as_ref().map(|e| Sig::of(e, w.clone())))
        .collect();
    // Dated articles by each rare word (few articles share it) and by each person's last name token.
    let mut by_key: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let rare = |w: &u64| idf.weight(*w) >= 2.0;
    for (i, (f, sig)) in facts.iter().zip(&sigs).enumerate() {
        let dated = f
            .event_span
            .is_some_and(|d| d.precision == Precision::Day && d.certainty != Certainty::Uncertain);
        let Some(sig) = sig.as_ref().filter(|_| dated) else {
            continue;
        };
        for w in sig.words.iter().filter(|w| rare(w)) {
            by_key.entry(*w).or_default().push(i);
        }
        for p in &sig.people {
            if let Some(last) = p.last() {
                by_key.entry(str_hash(last)).or_default().push(i);
            }
        }
    }
    let mut adopted: Vec<(usize, DateSpan, String)> = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        if !needs(f) {
            continue;
        }
        let (Some(a), Some(sa), Some(span)) = (
            events.get(i).and_then(Option::as_ref),
            sigs.get(i).and_then(Option::as_ref),
            f.event_span,
        ) else {
            continue;
        };
        let mut candidates: Vec<usize> = sa
            .words
            .iter()
            .filter(|w| rare(w))
            .copied()
            .chain(
                sa.people
                    .iter()
                    .filter_map(|p| p.last().map(|l| str_hash(l))),
            )
            .flat_map(|k| by_key.get(&k).into_iter().flatten().copied())
            .filter(|&j| j != i)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.truncate(MAX_CANDIDATES);
        let weekday = weekday_of(f);
        let mut best: Option<(f64, usize)> = None;
        for j in candidates {
            let (Some(b), Some(sb), Some(g)) = (
                events.get(j).and_then(Option::as_ref),
                sigs.get(j).and_then(Option::as_ref),
                facts.get(j),
            ) else {
                continue;
            };
            let Some(d) = g.event_span else { continue };
            // An uncertain year (a plan's, the background's, or none at all) is only a hint: the twin's day must
            // fall within a year of it.
            if span.precision == Precision::Year
                && !f.year_unknown
                && (d.start.year() - span.start.year()).abs() > 1
            {
                continue;
            }
            if span.precision == Precision::Day
                && !f.year_unknown
                && day_gap(&span, &d) > SLACK_DAYS
            {
                continue;
            }
            // The weekday the text gives is the twin's day, or a day beside it (the meeting's eve, a wrong
            // weekday): only the first lowers the evidence needed.
            let off_by = |w: chrono::Weekday| {
                [d.start.weekday(), d.end.weekday()]
                    .into_iter()
                    .map(|x| {
                        let k = (7 + x.num_days_from_monday() - w.num_days_from_monday()) % 7;
                        k.min(7 - k)
                    })
                    .min()
                    .unwrap_or(7)
            };
            let weekday_fits = weekday.map(off_by);
            if weekday_fits.is_some_and(|k| k > 1) {
                continue;
            }
            let (mut score, why) = content_evidence(b, sb, a, sa, &idf);
            if no_one_in_common(sa, sb) {
                score -= NO_SHARED_PERSON;
            }
            if std::env::var_os("LINIMASA_DEBUG_MERGE").is_some() {
                eprintln!("twin {} <- {} {score:.2} {why:?}", f.file, g.file);
            }
            let needed = if weekday_fits == Some(0) {
                TWIN_EVIDENCE_WEEKDAY
            } else {
                TWIN_EVIDENCE
            };
            if score >= needed && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, j));
            }
        }
        if let Some((_, j)) = best
            && let Some(g) = facts.get(j)
            && let Some(d) = g.event_span
        {
            // Not the text's own: shown as uncertain, with the article it came from.
            adopted.push((
                i,
                DateSpan {
                    certainty: Certainty::Uncertain,
                    ..d
                },
                g.file.clone(),
            ));
        }
    }
    for (i, d, from) in adopted {
        if let Some(f) = facts.get_mut(i) {
            f.event_span = Some(d);
            f.event_date = Some(d.value());
            f.date_certainty = Some(d.certainty);
            f.date_from = Some(from);
        }
    }
}

/// Whether a report mentioned in passing is this event: the same forum or headline on overlapping dates.
fn mention_matches(a: &Event, sa: &Sig, b: &Event, sb: &Sig) -> bool {
    if a.date.precision != b.date.precision || !a.date.overlaps(&b.date, SLACK_DAYS) {
        return false;
    }
    let forums = match (&sa.forum, &sb.forum) {
        (Some(x), Some(y)) => forums_compatible(x, y),
        _ => false,
    };
    forums || !sa.title.is_empty() && sa.title == sb.title
}

/// How a source is named in a merge reason.
fn source_name(s: &Source) -> String {
    match &s.outlet {
        Some(o) => format!("{o} ({})", s.file),
        None => s.file.clone(),
    }
}

/// At most this many earlier events are weighed for each report (the nearest in date): a corpus with hundreds
/// of reports a day stays linear.
const MAX_CANDIDATES: usize = 256;

/// Merges reports (in [`reports`] order: main reports first, then mentions, each by date) into events. Two
/// articles' main reports become one event on evidence ([`evidence`]); a mention joins the event whose forum
/// or headline it names on its dates. Reports of one article never merge. Sorted by date. Each merged event
/// says why in [`Event::merge_reasons`].
pub fn merge_reports(reports: Vec<Event>) -> Vec<Event> {
    merge_reports_with(reports, &OtherDays::default())
}

/// [`merge_reports`], knowing the days each article states for other things ([`other_days_of`]).
pub fn merge_reports_with(reports: Vec<Event>, other_days: &OtherDays) -> Vec<Event> {
    let words: Vec<Keys> = reports.par_iter().map(event_words).collect();
    let idf = Idf::of(&words);
    let sigs: Vec<Sig> = reports
        .par_iter()
        .zip(words)
        .map(|(e, w)| Sig::with_days(e, w, other_days))
        .collect();
    let mut out: Vec<Event> = Vec::new();
    let mut out_sigs: Vec<Sig> = Vec::new();
    let mut part_hashes: Vec<FxHashSet<u64>> = Vec::new();
    // Events so far by precision and start day, to weigh only those whose dates can be near; day-precision
    // events also by month and day, for reports whose year is uncertain.
    let mut by_start: [std::collections::BTreeMap<chrono::NaiveDate, Vec<usize>>; 3] =
        Default::default();
    let mut longest_days: [i64; 3] = [0; 3];
    let mut by_month_day: FxHashMap<(u32, u32), Vec<usize>> = FxHashMap::default();
    let slot = |p: Precision| match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Year => 2,
    };
    let month_day = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        (d.month(), d.day())
    };
    for (e, se) in reports.into_iter().zip(sigs) {
        let k = slot(e.date.precision);
        let (Some(index), Some(longest)) = (by_start.get(k), longest_days.get(k)) else {
            continue;
        };
        let from = e.date.start - chrono::Duration::days(*longest + SLACK_DAYS);
        let to = e.date.end + chrono::Duration::days(SLACK_DAYS);
        let mut candidates: Vec<usize> = index
            .range(from..=to)
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        let uncertain_day = e.date.precision == Precision::Day;
        if uncertain_day {
            // Events whose year is uncertain, or reports whose year is: compared by month and day.
            for d in 0..=2 * SLACK_DAYS {
                let day =
                    e.date.start - chrono::Duration::days(SLACK_DAYS) + chrono::Duration::days(d);
                if let Some(ids) = by_month_day.get(&month_day(day)) {
                    candidates.extend(ids.iter().copied().filter(|&i| {
                        e.date.certainty == Certainty::Uncertain
                            || out.get(i).is_some_and(|o| {
                                o.date.certainty == Certainty::Uncertain
                                    || same_day_year_unprinted(&o.date, &e.date)
                            })
                    }));
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        if candidates.len() > MAX_CANDIDATES {
            let dist = |i: &usize| {
                out.get(*i)
                    .map_or(i64::MAX, |o| (o.date.start - e.date.start).num_days().abs())
            };
            candidates.sort_by_key(|i| (dist(i), *i));
            candidates.truncate(MAX_CANDIDATES);
        }
        let same_article = |i: usize| {
            out_sigs
                .get(i)
                .is_some_and(|s| !s.articles.is_disjoint(&se.articles))
        };
        let mut best: Option<(usize, f64, Vec<String>)> = None;
        for i in candidates {
            let (Some(o), Some(so)) = (out.get(i), out_sigs.get(i)) else {
                continue;
            };
            if same_article(i) {
                continue;
            }
            let found = if e.mentioned_only {
                mention_matches(o, so, &e, &se).then(|| (MERGE_EVIDENCE, Vec::new()))
            } else if o.mentioned_only {
                None
            } else {
                evidence(o, so, &e, &se, &idf)
            };
            if let Some((score, why)) = found
                && score >= MERGE_EVIDENCE
                && best
                    .as_ref()
                    .is_none_or(|(bi, bs, _)| score > *bs || score == *bs && i < *bi)
            {
                best = Some((i, score, why));
            }
        }
        match best {
            Some((i, _, why)) => {
                let Some(o) = out.get_mut(i) else { continue };
                if !e.mentioned_only
                    && let Some(s) = e.sources.first()
                {
                    o.merge_reasons
                        .push(format!("{} joined: {}", source_name(s), why.join("; ")));
                }
                let old_start = o.date.start;
                absorb_with(o, e, part_hashes.get_mut(i));
                if let Some(so) = out_sigs.get_mut(i) {
                    so.absorb(o, se);
                }
                if o.date.start != old_start {
                    if let Some(ids) = by_start.get_mut(k).and_then(|m| m.get_mut(&old_start)) {
                        ids.retain(|&x| x != i);
                    }
                    if let Some(m) = by_start.get_mut(k) {
                        m.entry(o.date.start).or_default().push(i);
                    }
                    if k == 0 {
                        by_month_day
                            .entry(month_day(o.date.start))
                            .or_default()
                            .push(i);
                    }
                }
                if let Some(l) = longest_days.get_mut(k) {
                    *l = (*l).max((o.date.end - o.date.start).num_days());
                }
            }
            None => {
                let i = out.len();
                if let Some(l) = longest_days.get_mut(k) {
                    *l = (*l).max((e.date.end - e.date.start).num_days());
                }
                if let Some(m) = by_start.get_mut(k) {
                    m.entry(e.date.start).or_default().push(i);
                }
                if k == 0 {
                    by_month_day
                        .entry(month_day(e.date.start))
                        .or_default()
                        .push(i);
                }
                part_hashes.push(e.parts.iter().map(|p| str_hash(p)).collect());
                out.push(e);
                out_sigs.push(se);
            }
        }
    }
    sort_events(&mut out);
    out
}
/// Sorts events by start date, then id (the timeline's order).
pub fn sort_events(events: &mut [Event]) {
    events.sort_by(event_order);
}

/// The events' order on the timeline: by start day, then id.
pub fn event_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    a.date.start.cmp(&b.date.start).then(a.id.cmp(&b.id))
}

/// Builds the timeline's events from every article's facts, merging reports of one event. Sorted by date.
/// The pass is greedy (each report joins the best event so far), so two groups of reports of one event can
/// stand apart when a report that would bind them came first: the merged events are merged again, a few
/// times at most, until nothing joins.
pub fn build_events(facts: &[ArticleFacts]) -> Vec<Event> {
    let other_days = other_days_of(facts);
    let mut events = merge_reports_with(reports(facts), &other_days);
    for _ in 0..MERGE_PASSES {
        let before = events.len();
        events = merge_reports_with(events, &other_days);
        if events.len() == before {
            break;
        }
    }
    events
}

/// Most extra passes of [`build_events`] over merged events.
const MERGE_PASSES: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleMeta};

    #[test]
    fn absorbing_with_part_hashes_gives_what_absorbing_gives() {
        let f = facts(400);
        let all: Vec<Event> = f.iter().flat_map(article_events).collect();
        let mut plain: Vec<Event> = Vec::new();
        let mut hashed: Vec<(Event, rustc_hash::FxHashSet<u64>)> = Vec::new();
        // Every report absorbed into one of a few events, some twice (copies share their parts).
        for (k, e) in all.iter().chain(all.iter().take(50)).enumerate() {
            let slot = k % 7;
            if let Some(into) = plain.get_mut(slot) {
                absorb(into, e.clone());
            } else {
                plain.push(e.clone());
            }
            if let Some((into, hashes)) = hashed.get_mut(slot) {
                absorb_with(into, e.clone(), Some(hashes));
            } else {
                hashed.push((e.clone(), e.parts.iter().map(|p| str_hash(p)).collect()));
            }
        }
        let hashed: Vec<Event> = hashed.into_iter().map(|(e, _)| e).collect();
        assert_eq!(plain, hashed);
        assert!(
            plain.iter().all(|e| e.parts.len() > 50),
            "events gathered many parts"
        );
    }

    /// Facts of `n` generated articles (dense: many reports of each forum on nearby days).
    fn facts(n: usize) -> Vec<ArticleFacts> {
        (0..n)
            .map(|i| {
                let (name, text) = crate::synth::article(11, i);
                crate::extract::extract_article(&Article {
                    id: crate::model::content_id(&text, None),
                    file: name.clone(),
                    path: name.into(),
                    text,
                    meta: ArticleMeta::default(),
                })
            })
            .collect()
    }

    #[test]
    fn reports_are_sorted_as_a_stable_sort_by_report_order_sorts_them() {
        let f = facts(1500);
        let mut want: Vec<Event> = f.iter().flat_map(article_events).collect();
        want.sort_by(report_order);
        // Ties (same kind, day and id) exist only between copies; add some to check that they keep their order.
        let mut doubled = f.clone();
        doubled.extend(f.iter().take(50).cloned());
        let mut want_doubled: Vec<Event> = doubled.iter().flat_map(article_events).collect();
        want_doubled.sort_by(report_order);
        assert_eq!(reports(&f), want);
        assert_eq!(reports(&doubled), want_doubled);
        assert!(want.len() > 1500);
    }

    /// A main report of a made-up article: its date, forum, place, people, countries and headline.
    #[test]
    fn delegations_received_by_the_host_during_a_conference_are_not_the_conference() {
        let conference = report(
            "a",
            18,
            Some("ASEANAPOL"),
            Some("Hanoi"),
            &["Tito Karnavian", "Nguyen Xuan Phuc"],
            "Kerja Sama Kepolisian ASEAN Penting Wujudkan Stabilitas",
        );
        let mut call = report(
            "b",
            19,
            Some("ASEANAPOL"),
            Some("Hanoi"),
            &["Tito Karnavian", "Nguyen Xuan Phuc"],
            "Kapolri Beri Sambutan di Depan Perdana Menteri Vietnam",
        );
        // Without the call known for one, two reports of one forum, place and people a day apart are one event.
        assert_eq!(
            merge_reports(vec![conference.clone(), call.clone()]).len(),
            1
        );
        call.delegations_received = true;
        assert_eq!(
            merge_reports(vec![conference.clone(), call.clone()]).len(),
            2
        );
        // Two reports of the reception are one.
        let mut other = call.clone();
        other.id = "c".into();
        other.parts = vec!["c".into()];
        other.title = "PM welcomes heads of delegations".into();
        if let Some(s) = other.sources.first_mut() {
            s.article_id = "c".into();
            s.file = "c.txt".into();
        }
        assert_eq!(merge_reports(vec![conference, call, other]).len(), 2);
    }

    fn report(
        id: &str,
        day: u32,
        forum: Option<&str>,
        place: Option<&str>,
        people: &[&str],
        title: &str,
    ) -> Event {
        article_events(&report_facts(id, day, forum, place, people, title)).remove(0)
    }

    fn report_facts(
        id: &str,
        day: u32,
        forum: Option<&str>,
        place: Option<&str>,
        people: &[&str],
        title: &str,
    ) -> ArticleFacts {
        let date = DateSpan::day(
            chrono::NaiveDate::from_ymd_opt(2019, 9, day).unwrap(),
            Certainty::Inferred,
        );
        ArticleFacts {
            id: id.into(),
            file: format!("{id}.txt"),
            url: None,
            outlet: Some(format!("Outlet {id}")),
            outlet_span: None,
            language: "id".into(),
            title: Some(title.into()),
            title_alternatives: Vec::new(),
            made_label: None,
            event_date: Some(date.value()),
            event_span: Some(date),
            date_certainty: Some(date.certainty),
            date_evidence: None,
            date_mention: None,
            date_from: None,
            year_unknown: false,
            published_date: None,
            location: place.map(str::to_string),
            location_span: None,
            countries: vec!["Indonesia".into(), "Japan".into()],
            forum: forum.map(str::to_string),
            forum_span: None,
            forum_kind: "ASEAN".into(),
            people: people.iter().map(|p| p.to_string()).collect(),
            quotes: Vec::new(),
            dates: Vec::new(),
            related_events: Vec::new(),
            other_event_days: Vec::new(),
            key_terms: Vec::new(),
            location_from_dateline: false,
            delegations_received: false,
        }
    }

    #[test]
    fn reports_of_one_meeting_merge_on_evidence_and_say_why() {
        // Indonesian and English reports a day apart: no shared forum name, but the place, a person, a country
        // and a rare word of the headline.
        let a = report(
            "a",
            19,
            None,
            Some("Jakarta"),
            &["Rudiantara"],
            "Rudiantara Buka Forum CISO ASEAN",
        );
        let b = report(
            "b",
            20,
            None,
            Some("Jakarta"),
            &["Rudiantara"],
            "Rudiantara opens ASEAN CISO forum",
        );
        let merged = merge_reports(vec![a, b]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        let why = merged[0].merge_reasons.join(" ");
        assert!(
            why.contains("Rudiantara") && why.contains("a day apart"),
            "{why}"
        );
    }

    #[test]
    fn one_day_and_month_read_in_two_years_no_text_prints_is_one_event_on_strong_evidence() {
        use chrono::Datelike;
        let r = |id: &str, year: i32, certainty: Certainty, forum: Option<&str>| {
            let mut e = report(
                id,
                13,
                forum,
                Some("Singapore"),
                &["Wiranto"],
                if forum.is_some() {
                    "Wiranto hadiri Dewan Komunitas Politik-Keamanan ASEAN"
                } else if id == "a" {
                    "Kunjungan kerja ke Singapura"
                } else {
                    "Menteri bertemu mitra"
                },
            );
            e.date = DateSpan::day(
                chrono::NaiveDate::from_ymd_opt(year, 11, 13).unwrap(),
                certainty,
            );
            e
        };
        let forum = Some("ASEAN Political-Security Community Council");
        // `Selasa (13/11)` pins 2018, a misprinted `Rabu (13/11)` 2019: the same meeting.
        let merged = merge_reports(vec![
            r("a", 2018, Certainty::Inferred, forum),
            r("b", 2019, Certainty::Inferred, forum),
        ]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        assert_eq!(merged[0].date.start.year(), 2018);
        assert!(
            merged[0]
                .merge_reasons
                .join(" ")
                .contains("same day and month")
        );
        // A year either text prints keeps them apart, and so does weaker evidence (no forum named: a place and
        // a person).
        let apart = merge_reports(vec![
            r("a", 2018, Certainty::Stated, forum),
            r("b", 2019, Certainty::Inferred, forum),
        ]);
        assert_eq!(apart.len(), 2);
        // The same evidence joins the two on one day of one year.
        let weak = |year_b| {
            merge_reports(vec![
                r("a", 2018, Certainty::Inferred, None),
                r("b", year_b, Certainty::Inferred, None),
            ])
            .len()
        };
        assert_eq!((weak(2018), weak(2019)), (1, 2));
    }

    #[test]
    fn reports_two_days_apart_each_do_not_chain_into_one_event_of_five_days() {
        let r = |id: &str, day: u32| {
            report(
                id,
                day,
                Some("ASEAN Ministerial Meeting on Transnational Crime (AMMTC)"),
                Some("Labuan Bajo"),
                &["Listyo Sigit Prabowo"],
                "Kapolri pimpin AMMTC di Labuan Bajo",
            )
        };
        // The report of the 19th states its day: the event's day moves to it, and the 21st is two days from it.
        let mut b = r("b", 19);
        b.date.certainty = Certainty::Stated;
        let merged = merge_reports(vec![r("a", 17), b, r("c", 21)]);
        assert!(
            merged.iter().all(|e| e.sources.len() < 3),
            "{:?}",
            merged.iter().map(|e| e.sources.len()).collect::<Vec<_>>()
        );
        // Within the slack, one event.
        let merged = merge_reports(vec![r("a", 17), r("b", 18), r("c", 19)]);
        assert_eq!(merged.len(), 1);
    }

    #[test]
    fn a_report_that_gives_the_others_day_to_something_else_is_another_event() {
        // The same reports as above, but the report of the 20th says what happened on the 19th.
        let a = report(
            "a",
            19,
            None,
            Some("Jakarta"),
            &["Rudiantara"],
            "Rudiantara Buka Forum CISO ASEAN",
        );
        let b = report(
            "b",
            20,
            None,
            Some("Jakarta"),
            &["Rudiantara"],
            "Rudiantara opens ASEAN CISO forum",
        );
        let day19 = a.date.start;
        let mut other = OtherDays::default();
        other.insert(b.sources[0].article_id.clone(), vec![day19]);
        assert_eq!(
            merge_reports_with(vec![a.clone(), b.clone()], &other).len(),
            2
        );
        // A day of its own span, or none, tells nothing.
        let mut other = OtherDays::default();
        other.insert(b.sources[0].article_id.clone(), vec![b.date.start]);
        assert_eq!(merge_reports_with(vec![a, b], &other).len(), 1);
    }

    #[test]
    fn reports_naming_the_same_things_merge_across_languages() {
        // Headlines with no word in common, no person found in one of them; the texts name the same rare things.
        let with_terms = |mut e: Event, terms: &[&str]| {
            e.key_terms = terms.iter().map(|t| t.to_string()).collect();
            e
        };
        let common = ["asean", "indonesia", "siber", "kementerian"];
        let mut reports = vec![
            with_terms(
                report(
                    "a",
                    12,
                    None,
                    Some("Jakarta"),
                    &["Joko Widodo"],
                    "Istana Bentuk Tim Khusus",
                ),
                &["bjorka", "bssn", "hinsa", "siburian", "kominfo", "polri"],
            ),
            with_terms(
                report(
                    "b",
                    12,
                    None,
                    None,
                    &[],
                    "Palace forms a special team against hackers",
                ),
                &["bjorka", "bssn", "hinsa", "siburian", "polri", "jokowi"],
            ),
        ];
        // Other reports of the month, on the topic only, make the common names common.
        let headlines = [
            "Literasi digital",
            "Serangan ransomware",
            "Pusat data",
            "Hoaks pemilu",
            "Talenta muda",
            "Regulasi kripto",
            "Satelit baru",
            "Kabel laut",
            "Sertifikasi",
            "Pelatihan",
            "Anggaran",
            "Audit",
        ];
        for (i, h) in headlines.iter().enumerate() {
            reports.push(with_terms(
                report(&format!("x{i}"), 1 + i as u32, None, None, &[], h),
                &common,
            ));
        }
        let merged = merge_reports(reports.clone());
        let ab = merged
            .iter()
            .find(|e| e.sources.iter().any(|s| s.article_id == "a"));
        assert_eq!(ab.map(|e| e.sources.len()), Some(2), "{merged:#?}");
        let why = ab.map(|e| e.merge_reasons.join(" ")).unwrap_or_default();
        assert!(
            why.contains("names in common") && why.contains("bjorka"),
            "{why}"
        );
        // Without the names, the two stay apart.
        for e in reports.iter_mut().take(2) {
            e.key_terms.clear();
        }
        assert!(merge_reports(reports).iter().all(|e| e.sources.len() == 1));
    }

    #[test]
    fn a_datelines_city_is_no_evidence_against_a_merge() {
        // One report names the venue; the other only the city it was filed from.
        let a = report(
            "a",
            19,
            Some("ASEAN Digital Ministers' Meeting"),
            Some("Singapore"),
            &["Ivan John Uy"],
            "Para menteri bertemu",
        );
        let mut b = report(
            "b",
            20,
            Some("ASEAN Digital Ministers' Meeting"),
            Some("Jakarta"),
            &["Ivan John Uy"],
            "Ministers gather for talks",
        );
        assert_eq!(merge_reports(vec![a.clone(), b.clone()]).len(), 2);
        b.location_from_dateline = true;
        assert_eq!(merge_reports(vec![a, b]).len(), 1);
    }

    #[test]
    fn a_ministers_meeting_and_its_senior_officials_meeting_are_one_series() {
        let full = |f: &str| {
            super::super::entities::forum_full_name(f)
                .unwrap_or(f)
                .to_lowercase()
        };
        assert!(!forums_compatible(
            "telsom",
            "asean telecommunications and it ministers meeting (telmin)"
        ));
        assert!(forums_compatible(
            &full("TELSOM"),
            &full("ASEAN Telecommunications and IT Ministers Meeting (TELMIN)")
        ));
        assert!(!forums_compatible(
            &full("TELSOM"),
            &full("ASEAN Defence Ministers' Meeting (ADMM)")
        ));
    }

    #[test]
    fn nearby_reports_of_different_meetings_stay_apart() {
        // The same day and city, different forums and people: two events.
        let a = report(
            "a",
            19,
            Some("ASEAN CISO Forum"),
            Some("Jakarta"),
            &["Rudiantara"],
            "Forum CISO ASEAN dibuka",
        );
        let b = report(
            "b",
            19,
            Some("UN Security Council"),
            Some("New York"),
            &["Dian Triansyah Djani"],
            "DK PBB bahas serangan siber",
        );
        assert_eq!(merge_reports(vec![a, b]).len(), 2);
        // The same forum and city a week apart: two events.
        let c = report(
            "c",
            2,
            Some("ASEAN CISO Forum"),
            Some("Jakarta"),
            &["Rudiantara"],
            "Forum CISO ASEAN dibuka",
        );
        let d = report(
            "d",
            9,
            Some("ASEAN CISO Forum"),
            Some("Jakarta"),
            &["Rudiantara"],
            "Forum CISO ASEAN ditutup",
        );
        assert_eq!(merge_reports(vec![c, d]).len(), 2);
    }

    #[test]
    fn an_undated_report_takes_its_twins_day_when_its_weekday_is_that_day_or_beside_it() {
        use chrono::Weekday;
        let forum = Some("ASEAN CISO Forum");
        let dated = || {
            let mut f = report_facts(
                "a",
                19,
                forum,
                Some("Jakarta"),
                &["Rudiantara"],
                "Forum CISO dibuka",
            );
            f.date_certainty = Some(Certainty::Stated);
            f.event_span = f.event_span.map(|d| DateSpan {
                certainty: Certainty::Stated,
                ..d
            });
            f
        };
        let undated = || {
            let mut f = report_facts(
                "b",
                1,
                forum,
                Some("Jakarta"),
                &["Rudiantara"],
                "Forum CISO dibuka",
            );
            let guess = DateSpan::year(2023, Certainty::Uncertain).unwrap();
            f.event_span = Some(guess);
            f.event_date = Some(guess.value());
            f.date_certainty = Some(guess.certainty);
            f.year_unknown = true;
            f
        };
        // 19 September 2019 is a Thursday: `Kamis` fits, `Rabu` (the eve) fits on this much evidence, `Senin` not.
        for (weekday, takes) in [
            (Weekday::Thu, true),
            (Weekday::Wed, true),
            (Weekday::Mon, false),
        ] {
            let mut facts = vec![dated(), undated()];
            dates_from_twins(&mut facts, &|f: &ArticleFacts| {
                (f.id == "b").then_some(weekday)
            });
            let got = facts[1].event_span.map(|d| d.start.to_string());
            assert_eq!(
                got.as_deref() == Some("2019-09-19"),
                takes,
                "{weekday:?}: {got:?}"
            );
            assert_eq!(facts[1].date_from.is_some(), takes);
        }
    }

    #[test]
    fn a_report_whose_year_is_uncertain_joins_its_dated_twin() {
        let a = report(
            "a",
            19,
            Some("ASEAN CISO Forum"),
            Some("Jakarta"),
            &["Rudiantara"],
            "Forum CISO ASEAN dibuka",
        );
        let mut b = report(
            "b",
            19,
            Some("ASEAN CISO Forum"),
            Some("Jakarta"),
            &["Rudiantara"],
            "CISO forum opens",
        );
        let guessed = chrono::NaiveDate::from_ymd_opt(2024, 9, 19).unwrap();
        b.date = DateSpan::day(guessed, Certainty::Uncertain);
        let merged = merge_reports(vec![a, b]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].date.start.to_string(), "2019-09-19");
        assert_eq!(merged[0].date.certainty, Certainty::Inferred);
    }
}
