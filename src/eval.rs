//! Scoring extraction against hand annotations (the gold files' format, `tests/gold/README.md`). Used by
//! `linimasa eval` and the tests; the extractor itself never reads gold files.
//!
//! Every figure of the product's promise is computed here from what the pipeline outputs: the event date, the
//! speaker of each matched quote, the outlet (where the text names it, and outlets given wrongly), the place,
//! quotes found, each article's event on the timeline, a usable label, same-event reports shown as one (and
//! false merges), and the date mentions (recognised, and normalised to the right day).

use crate::model::{ArticleFacts, Certainty, Event};
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

/// One annotated article (only the fields scored here).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    /// File name.
    pub file: String,
    /// Outlet as a reader names it.
    pub outlet: Option<String>,
    /// The words of the text that name the outlet: `Some(None)` where the annotator found none, `None` where the
    /// file does not say (then whether the text names it is decided by looking for the outlet's name).
    #[serde(default, deserialize_with = "present")]
    pub outlet_in_text: Option<Option<String>>,
    /// The article's own headline, or null where the text has none.
    #[serde(default)]
    pub title: Option<String>,
    /// Main event date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub event_date: Option<String>,
    /// Other right dates.
    #[serde(default)]
    pub event_date_accept: Vec<String>,
    /// False where no reader can know the date from the text.
    pub date_derivable_from_text: Option<bool>,
    /// True where a date flagged uncertain is also right.
    #[serde(default)]
    pub uncertain_ok: bool,
    /// Place of the main event.
    pub location: Option<String>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Files of articles that report the same main event.
    #[serde(default)]
    pub same_event_as: Vec<String>,
    /// Every date expression of the text, where annotated (`None`: not annotated).
    #[serde(default)]
    pub dates: Option<Vec<GoldDate>>,
}

/// A field that may be absent (`None`) or null (`Some(None)`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// One annotated quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// Canonical speaker.
    pub speaker: Option<String>,
    /// Exact words.
    pub text: String,
}

/// One annotated date expression.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    /// The words as printed.
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, a range `A/B`, `XXXX-MM-DD` for a year no reader can know, or null.
    pub value: Option<String>,
}

/// A count of right answers out of a number scored.
pub type Count = (usize, usize);

/// Per-figure scores and every miss.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Articles scored.
    pub articles: usize,
    /// Event dates right / scored.
    pub event_date: Count,
    /// Extracted quotes that match a gold quote / extracted quotes.
    pub quote_precision: Count,
    /// Gold quotes found / gold quotes.
    pub quote_recall: Count,
    /// Matched quotes with the right speaker / matched quotes.
    pub speaker: Count,
    /// Outlets right / articles with a gold outlet.
    pub outlet: Count,
    /// Outlets right / articles whose text names the gold outlet.
    pub outlet_in_text: Count,
    /// Outlets given that are wrong / outlets given.
    pub outlet_wrong: Count,
    /// Locations right / articles.
    pub location: Count,
    /// Articles whose main event is on the timeline / articles.
    pub on_timeline: Count,
    /// Articles whose event label is usable / articles.
    pub label: Count,
    /// Annotated same-event pairs shown as one event / annotated pairs.
    pub merged: Count,
    /// Pairs of annotated articles shown as one event that report different events / such pairs shown as one.
    pub false_merges: Count,
    /// Date mentions found that match an annotated one / date mentions found (in annotated articles).
    pub date_precision: Count,
    /// Annotated date mentions found / annotated date mentions.
    pub date_recall: Count,
    /// Matched date mentions with the right value / matched mentions.
    pub date_value: Count,
    /// Human-readable misses.
    pub misses: Vec<String>,
}

/// A ratio, 1.0 for an empty denominator.
pub fn ratio((a, b): Count) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The F1 of a precision and a recall count.
pub fn f1(precision: Count, recall: Count) -> f64 {
    let (p, r) = (ratio(precision), ratio(recall));
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn norm_words(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', '.', ' '])
        .to_string()
}

/// Whether two quote texts are the same quotation (white space and closing punctuation aside; one inside the
/// other covering at least 90 %).
pub fn quote_matches(a: &str, b: &str) -> bool {
    let (a, b) = (norm_words(a), norm_words(b));
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    long.contains(short.as_str()) && short.len() * 10 >= long.len() * 9
}

/// Whether two names are the same speaker: one's name tokens within the other's (`Retno Marsudi` / `Retno LP
/// Marsudi`, `A.M. Fachir` / `AM. Fachir`).
pub fn speaker_matches(a: &str, b: &str) -> bool {
    // Two spellings the people table knows as one person (`Johnny G. Plate`, `Jhonny G Plate`).
    let table = &*crate::extract::gazetteer::PEOPLE;
    if let (Some(x), Some(y)) = (table.lookup(a), table.lookup(b))
        && x.name == y.name
    {
        return true;
    }
    // Accents aside (`Lương Tam Quang` / `Luong Tam Quang`).
    let toks = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace())
            .map(|t| {
                crate::filter::fold(t)
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            })
            .filter(|t| !t.is_empty())
            .collect()
    };
    let (ta, tb) = (toks(a), toks(b));
    if ta.concat() == tb.concat() {
        return true;
    }
    let sub = |x: &[String], y: &[String]| !x.is_empty() && x.iter().all(|t| y.contains(t));
    sub(&ta, &tb) || sub(&tb, &ta)
}

fn date_matches(extracted: &str, gold: &str) -> bool {
    extracted.starts_with(gold) || gold.starts_with(extracted) && extracted.len() >= 7
}

/// Whether two location strings name the same place: a shared significant word.
pub fn location_matches(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(|w| w.to_lowercase())
            .collect()
    };
    let generic = ["gedung", "hotel", "jalan", "kota", "city", "pusat"];
    let wb = words(b);
    words(a)
        .iter()
        .any(|w| !generic.contains(&w.as_str()) && wb.contains(w))
}

/// Whether a gold location says the meeting was held online only (`Virtual meeting`, `New York (video
/// conference)`), not in a room as well (`online and offline`).
pub fn held_online(location: &str) -> bool {
    let l = location.to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    has(&[
        "online",
        "virtual",
        "virtually",
        "daring",
        "video",
        "videoconference",
        "video-conference",
        "teleconference",
        "video-teleconference",
        "webinar",
    ]) && !has(&["offline", "hybrid", "luring", "in-person"])
}

/// Whether an outlet given by the extractor names the gold outlet (`ANTARA` / `ANTARA News`, `Kompas.com` /
/// `Kompas`).
pub fn outlet_matches(extracted: &str, gold: &str) -> bool {
    let key = |s: &str| {
        let k = norm(s);
        // The web suffix and the "news" of a name are not what tells outlets apart.
        let k = k.strip_suffix("com").unwrap_or(&k).to_string();
        let k = k.strip_suffix("coid").unwrap_or(&k).to_string();
        let k = k.strip_suffix("news").unwrap_or(&k).to_string();
        k.strip_suffix("id")
            .filter(|k| k.len() >= 4)
            .unwrap_or(&k)
            .to_string()
    };
    let (a, b) = (key(extracted), key(gold));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Whether an event label is one a reader can use: the headline where the article has one, else a made label
/// that is none of a quote, a dateline, page chrome (a whole line of the page that is not the headline) or the
/// file name.
fn label_ok(label: &str, g: &GoldArticle, text: Option<&str>, file: &str) -> bool {
    let l = norm_words(label);
    if l.is_empty() || norm(&l).is_empty() {
        return false;
    }
    if let Some(t) = &g.title {
        return norm(&l) == norm(t);
    }
    let file_stem = file.rsplit('/').next().unwrap_or(file);
    if l.contains(file_stem) || file_stem.contains(&l) {
        return false;
    }
    let nl = norm(&l);
    if g.quotes.iter().any(|q| {
        let nq = norm(&q.text);
        nq.len() >= 12
            && (nq.contains(&nl) || nl.contains(&nq) || nq.starts_with(nl.trim_end_matches('…')))
    }) {
        return false;
    }
    let Some(text) = text else { return true };
    // A whole line of the page (chrome, a dateline, a caption) taken as the label.
    !text.lines().any(|line| {
        let nline = norm(line);
        !nline.is_empty()
            && (nline == nl
                || nl.len() >= 8 && nline.starts_with(&nl) && nline.len() < nl.len() + 4)
    })
}

/// A gold date value as a day range (and whether its year is unknown): `2018-04-27/2018-04-28`, `2018-04`,
/// `XXXX-08-25`.
fn gold_date_days(v: &str) -> Option<(String, String)> {
    let (a, b) = v.split_once('/').unwrap_or((v, v));
    Some((a.trim().to_string(), b.trim().to_string()))
}

/// Whether an extracted date mention's value is the annotated one.
fn date_value_matches(m: &crate::model::DateMention, gold: Option<&str>) -> bool {
    let Some(g) = gold else {
        return m.value.is_none();
    };
    let Some(span) = m.span else { return false };
    let Some((ga, gb)) = gold_date_days(g) else {
        return false;
    };
    let fmt = |d: chrono::NaiveDate, len: usize| {
        let s = crate::model::iso_date(d, true);
        s.get(..len).unwrap_or(&s).to_string()
    };
    let same = |gold: &str, d: chrono::NaiveDate| {
        if let Some(rest) = gold.strip_prefix("XXXX") {
            // Year unknown: the extractor must say so (uncertain) and have the month and day right.
            span.certainty == Certainty::Uncertain
                && fmt(d, 10).get(4..).is_some_and(|md| md.starts_with(rest))
        } else {
            fmt(d, gold.len()) == gold
        }
    };
    let precision_len = |s: &str| s.len();
    let value_len = match span.precision {
        crate::model::Precision::Day => 10,
        crate::model::Precision::Month => 7,
        crate::model::Precision::Year => 4,
    };
    same(&ga, span.start) && same(&gb, span.end) && precision_len(&ga) == value_len
}

/// The articles of each event: for each article id, the event its main report is part of.
fn event_of_main(events: &[Event]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        for p in &e.parts {
            out.insert(p.clone(), i);
        }
    }
    out
}

/// Scores facts and events against gold annotations. `text_of` gives each article's text by file name (to tell
/// whether the outlet is named in it, to place the annotated date mentions, to tell chrome from a made label).
pub fn score(
    facts: &[ArticleFacts],
    events: &[Event],
    gold: &[GoldArticle],
    text_of: &dyn Fn(&str) -> Option<String>,
) -> Scores {
    let mut s = Scores::default();
    let part_event = event_of_main(events);
    // For each scored gold file: the event its main report is in.
    let mut main_event: HashMap<&str, usize> = HashMap::new();
    for g in gold {
        let Some(f) = facts
            .iter()
            .find(|f| f.file == g.file || f.file.ends_with(&format!("/{}", g.file)))
        else {
            s.misses.push(format!("{}: not extracted", g.file));
            continue;
        };
        s.articles += 1;
        let text = text_of(&g.file);

        score_date(&mut s, f, g);
        score_quotes(&mut s, f, g);
        score_outlet(&mut s, f, g, text.as_deref());

        // Location.
        s.location.1 += 1;
        let ok = match (&f.location, &g.location) {
            (None, None) => true,
            (Some(a), Some(b)) => location_matches(a, b),
            // A meeting held online has no place: the shared gold leaves it null, later sets write `Virtual
            // meeting` or `Kuala Lumpur (virtual)`. No place given is right for both; the host city, when the
            // gold names one, is right too (above).
            (None, Some(b)) => held_online(b),
            _ => false,
        };
        if ok {
            s.location.0 += 1;
        } else {
            s.misses.push(format!(
                "{}: location {:?}, gold {:?}",
                g.file, f.location, g.location
            ));
        }

        // The article's event on the timeline, and its label.
        s.on_timeline.1 += 1;
        s.label.1 += 1;
        let main_id = crate::extract::merge::main_report_id(&f.id);
        match part_event.get(&main_id) {
            Some(&i) => {
                s.on_timeline.0 += 1;
                main_event.insert(g.file.as_str(), i);
                let own = crate::extract::merge::article_events(f)
                    .into_iter()
                    .next()
                    .map(|e| e.title)
                    .unwrap_or_default();
                if label_ok(&own, g, text.as_deref(), &f.file) {
                    s.label.0 += 1;
                } else {
                    s.misses.push(format!(
                        "{}: label «{}», gold title {:?}",
                        g.file,
                        crate::extract::snippet(&own, 70),
                        g.title
                    ));
                }
            }
            None => s
                .misses
                .push(format!("{}: no event on the timeline", g.file)),
        }

        if let (Some(gd), Some(text)) = (&g.dates, &text) {
            score_mentions(&mut s, f, gd, text, &g.file);
        }
    }
    score_merges(&mut s, gold, &main_event);
    s
}

fn score_date(s: &mut Scores, f: &ArticleFacts, g: &GoldArticle) {
    s.event_date.1 += 1;
    let value = f.event_date.clone().unwrap_or_default();
    let uncertain = f.date_certainty == Some(Certainty::Uncertain);
    let value_ok = g
        .event_date
        .as_deref()
        .is_some_and(|gd| date_matches(&value, gd))
        || g.event_date_accept.iter().any(|a| date_matches(&value, a))
        || f.event_span
            .zip(g.event_date.as_deref())
            .is_some_and(|(sp, gd)| {
                chrono::NaiveDate::parse_from_str(gd, "%Y-%m-%d")
                    .is_ok_and(|d| sp.start <= d && d <= sp.end)
            });
    // `uncertain_ok`: the gold date and a date flagged uncertain are both right; else, where no reader can get
    // the date from the text, only a date flagged uncertain is.
    let ok = if g.uncertain_ok {
        value_ok || uncertain
    } else if g.date_derivable_from_text == Some(false) {
        uncertain
    } else {
        value_ok
    };
    if ok {
        s.event_date.0 += 1;
    } else {
        s.misses.push(format!(
            "{}: event date {} ({:?}), gold {:?}",
            g.file,
            if value.is_empty() { "none" } else { &value },
            f.date_certainty,
            g.event_date
        ));
    }
}

fn score_quotes(s: &mut Scores, f: &ArticleFacts, g: &GoldArticle) {
    s.quote_precision.1 += f.quotes.len();
    s.quote_recall.1 += g.quotes.len();
    for q in &f.quotes {
        if g.quotes.iter().any(|gq| quote_matches(&q.text, &gq.text)) {
            s.quote_precision.0 += 1;
        } else {
            s.misses.push(format!(
                "{}: extra quote «{}»",
                g.file,
                crate::extract::snippet(&q.text, 70)
            ));
        }
    }
    for gq in &g.quotes {
        match f.quotes.iter().find(|q| quote_matches(&q.text, &gq.text)) {
            Some(q) => {
                s.quote_recall.0 += 1;
                s.speaker.1 += 1;
                let ok = match (&q.speaker, &gq.speaker) {
                    (Some(a), Some(b)) => speaker_matches(a, b),
                    (None, None) => true,
                    _ => false,
                };
                if ok {
                    s.speaker.0 += 1;
                } else {
                    s.misses.push(format!(
                        "{}: speaker {:?}, gold {:?} for «{}»",
                        g.file,
                        q.speaker,
                        gq.speaker,
                        crate::extract::snippet(&gq.text, 50)
                    ));
                }
            }
            None => s.misses.push(format!(
                "{}: missed quote «{}»",
                g.file,
                crate::extract::snippet(&gq.text, 70)
            )),
        }
    }
}

fn score_outlet(s: &mut Scores, f: &ArticleFacts, g: &GoldArticle, text: Option<&str>) {
    let Some(go) = &g.outlet else { return };
    let ok = f.outlet.as_deref().is_some_and(|o| outlet_matches(o, go));
    s.outlet.1 += 1;
    let named = match &g.outlet_in_text {
        Some(words) => words.is_some(),
        None => {
            let key = norm(go.split(['(', '.']).next().unwrap_or(go));
            text.is_some_and(|t| norm(t).contains(&key))
        }
    };
    if named {
        s.outlet_in_text.1 += 1;
    }
    if f.outlet.is_some() {
        s.outlet_wrong.1 += 1;
        if !ok {
            s.outlet_wrong.0 += 1;
        }
    }
    if ok {
        s.outlet.0 += 1;
        if named {
            s.outlet_in_text.0 += 1;
        }
    } else {
        s.misses.push(format!(
            "{}: outlet {:?}, gold {go:?}{}",
            g.file,
            f.outlet,
            if named {
                ""
            } else {
                " (the text never names it)"
            }
        ));
    }
}

/// Date mentions: each annotated expression is placed in the text (in order), then matched to an extracted
/// mention whose bytes overlap it.
fn score_mentions(s: &mut Scores, f: &ArticleFacts, gold: &[GoldDate], text: &str, file: &str) {
    let mut placed: Vec<(usize, usize, &GoldDate)> = Vec::new();
    let mut from = 0;
    for gd in gold {
        let found = text
            .get(from..)
            .and_then(|rest| rest.find(gd.text.as_str()))
            .map(|i| i + from)
            .or_else(|| text.find(gd.text.as_str()));
        match found {
            Some(i) => {
                placed.push((i, i + gd.text.len(), gd));
                from = i + gd.text.len();
            }
            None => s.misses.push(format!(
                "{file}: annotated date «{}» not in the text",
                gd.text
            )),
        }
    }
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    s.date_recall.1 += placed.len();
    s.date_precision.1 += f.dates.len();
    let mut used = vec![false; f.dates.len()];
    for (a, b, gd) in &placed {
        let hit = f.dates.iter().enumerate().find(|(i, m)| {
            !used.get(*i).copied().unwrap_or(true) && overlaps((m.start, m.end), (*a, *b))
        });
        match hit {
            Some((i, m)) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                s.date_recall.0 += 1;
                s.date_value.1 += 1;
                if date_value_matches(m, gd.value.as_deref()) {
                    s.date_value.0 += 1;
                } else {
                    s.misses.push(format!(
                        "{file}: date «{}» read as {:?} ({:?}), gold {:?}",
                        gd.text,
                        m.value,
                        m.span.map(|x| x.certainty),
                        gd.value
                    ));
                }
            }
            None => s.misses.push(format!("{file}: missed date «{}»", gd.text)),
        }
    }
    for (m, u) in f.dates.iter().zip(&used) {
        if *u {
            continue;
        }
        if placed
            .iter()
            .any(|(a, b, _)| overlaps((m.start, m.end), (*a, *b)))
        {
            // A second extracted piece of one annotated expression: neither right nor wrong.
            s.date_precision.1 -= 1;
            continue;
        }
        s.misses.push(format!("{file}: extra date «{}»", m.text));
    }
    s.date_precision.0 += used.iter().filter(|u| **u).count();
}

/// Same-event pairs shown as one event, and pairs shown as one that the annotations keep apart.
fn score_merges(s: &mut Scores, gold: &[GoldArticle], main_event: &HashMap<&str, usize>) {
    let mut same: BTreeSet<(&str, &str)> = BTreeSet::new();
    let known: BTreeSet<&str> = gold.iter().map(|g| g.file.as_str()).collect();
    for g in gold {
        for o in &g.same_event_as {
            if o != &g.file && known.contains(o.as_str()) {
                let (a, b) = if g.file.as_str() < o.as_str() {
                    (g.file.as_str(), o.as_str())
                } else {
                    (o.as_str(), g.file.as_str())
                };
                same.insert((a, b));
            }
        }
    }
    for (a, b) in &same {
        s.merged.1 += 1;
        match (main_event.get(a), main_event.get(b)) {
            (Some(x), Some(y)) if x == y => s.merged.0 += 1,
            _ => s
                .misses
                .push(format!("{a} and {b}: one event, shown apart")),
        }
    }
    let mut by_event: HashMap<usize, Vec<&str>> = HashMap::new();
    for (f, e) in main_event {
        by_event.entry(*e).or_default().push(f);
    }
    for files in by_event.values_mut() {
        files.sort_unstable();
        for (i, a) in files.iter().enumerate() {
            for b in files.iter().skip(i + 1) {
                s.false_merges.1 += 1;
                if !same.contains(&(*a, *b)) {
                    s.false_merges.0 += 1;
                    s.misses
                        .push(format!("{a} and {b}: different events, merged"));
                }
            }
        }
    }
}

impl Scores {
    /// Adds another set's scores to these.
    pub fn add(&mut self, o: Scores) {
        let add = |x: &mut Count, y: Count| {
            x.0 += y.0;
            x.1 += y.1;
        };
        self.articles += o.articles;
        add(&mut self.event_date, o.event_date);
        add(&mut self.quote_precision, o.quote_precision);
        add(&mut self.quote_recall, o.quote_recall);
        add(&mut self.speaker, o.speaker);
        add(&mut self.outlet, o.outlet);
        add(&mut self.outlet_in_text, o.outlet_in_text);
        add(&mut self.outlet_wrong, o.outlet_wrong);
        add(&mut self.location, o.location);
        add(&mut self.on_timeline, o.on_timeline);
        add(&mut self.label, o.label);
        add(&mut self.merged, o.merged);
        add(&mut self.false_merges, o.false_merges);
        add(&mut self.date_precision, o.date_precision);
        add(&mut self.date_recall, o.date_recall);
        add(&mut self.date_value, o.date_value);
        self.misses.extend(o.misses);
    }

    /// The figures only, one per line: what was measured, the figure and its counts.
    pub fn figures(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, name: &str, v: Count| {
            let _ = writeln!(out, "{name:<34} {:>6.3}  ({}/{})", ratio(v), v.0, v.1);
        };
        let _ = writeln!(out, "articles scored                    {}", self.articles);
        line(&mut out, "event date right", self.event_date);
        line(&mut out, "speaker of a matched quote right", self.speaker);
        line(
            &mut out,
            "outlet right (text names it)",
            self.outlet_in_text,
        );
        line(&mut out, "outlet right (all)", self.outlet);
        let _ = writeln!(
            out,
            "{:<34} {:>6}  (of {} outlets given)",
            "wrong outlets given", self.outlet_wrong.0, self.outlet_wrong.1
        );
        line(&mut out, "location right", self.location);
        line(&mut out, "quote precision", self.quote_precision);
        line(&mut out, "quote recall", self.quote_recall);
        let _ = writeln!(
            out,
            "{:<34} {:>6.3}",
            "quotes found (F1)",
            f1(self.quote_precision, self.quote_recall)
        );
        line(
            &mut out,
            "article's event on the timeline",
            self.on_timeline,
        );
        line(&mut out, "event label usable", self.label);
        line(&mut out, "same event shown as one", self.merged);
        let _ = writeln!(
            out,
            "{:<34} {:>6}  (of {} pairs shown as one)",
            "false merges", self.false_merges.0, self.false_merges.1
        );
        if self.date_recall.1 > 0 {
            line(&mut out, "date mentions precision", self.date_precision);
            line(&mut out, "date mentions recall", self.date_recall);
            let _ = writeln!(
                out,
                "{:<34} {:>6.3}",
                "date mentions found (F1)",
                f1(self.date_precision, self.date_recall)
            );
            line(&mut out, "date mentions normalised right", self.date_value);
        }
        out
    }

    /// A plain-text report: the figures, then every miss.
    pub fn report(&self) -> String {
        let mut out = self.figures();
        if !self.misses.is_empty() {
            let _ = writeln!(out, "\nmisses:");
            for m in &self.misses {
                let _ = writeln!(out, "  - {m}");
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_match_by_name_tokens_accents_aside() {
        assert!(speaker_matches("Lương Tam Quang", "Luong Tam Quang"));
        assert!(speaker_matches("Retno LP Marsudi", "Retno Marsudi"));
        assert!(!speaker_matches("Luong Tam Quang", "Tran Duc Binh"));
    }

    #[test]
    fn a_gold_place_of_a_meeting_held_online_is_one_only_when_it_was_not_also_in_a_room() {
        assert!(held_online("Virtual meeting"));
        assert!(held_online("New York (video-teleconference)"));
        assert!(held_online("Kuala Lumpur (virtual)"));
        assert!(!held_online("Hanoi (online and offline, also Da Nang)"));
        assert!(!held_online("Videotron Hall, Jakarta"));
        assert!(!held_online("Jakarta"));
    }

    #[test]
    fn outlets_match_by_name_not_web_suffix() {
        assert!(outlet_matches("ANTARA News", "ANTARA"));
        assert!(outlet_matches("Kompas.com", "Kompas"));
        assert!(outlet_matches("detikNews", "detikNews (detik.com)"));
        assert!(!outlet_matches("Tempo", "Kompas.com"));
        assert!(!outlet_matches("", "Kompas.com"));
    }

    #[test]
    fn a_made_label_is_usable_and_a_quote_or_chrome_line_is_not() {
        let g: GoldArticle = serde_json::from_str(
            r#"{"file":"a.txt","outlet":null,"title":null,"event_date":null,"date_derivable_from_text":null,
                "location":null,"quotes":[{"speaker":"X","text":"Kita harus bekerja sama melawan serangan siber"}]}"#,
        )
        .unwrap();
        let text = "Please Update your browser\nJakarta - Kominfo menggelar rapat.\n";
        assert!(label_ok(
            "ASEAN Digital Ministers' Meeting, Jakarta",
            &g,
            Some(text),
            "a.txt"
        ));
        assert!(!label_ok(
            "Please Update your browser",
            &g,
            Some(text),
            "a.txt"
        ));
        assert!(!label_ok(
            "Kita harus bekerja sama melawan…",
            &g,
            Some(text),
            "a.txt"
        ));
        assert!(!label_ok("a.txt", &g, Some(text), "a.txt"));
    }

    #[test]
    fn year_unknown_dates_must_be_flagged_and_right_in_month_and_day() {
        use crate::model::{DateMention, DateSpan};
        let d = chrono::NaiveDate::from_ymd_opt(2020, 8, 26).unwrap();
        let m = |c| DateMention {
            text: "Rabu (26/8)".into(),
            start: 0,
            end: 11,
            value: Some("2020-08-26".into()),
            span: Some(DateSpan::day(d, c)),
            chrome: false,
        };
        assert!(date_value_matches(
            &m(Certainty::Uncertain),
            Some("XXXX-08-26")
        ));
        assert!(!date_value_matches(
            &m(Certainty::Inferred),
            Some("XXXX-08-26")
        ));
        assert!(date_value_matches(
            &m(Certainty::Inferred),
            Some("2020-08-26")
        ));
        assert!(!date_value_matches(
            &m(Certainty::Inferred),
            Some("2020-08")
        ));
    }
}
