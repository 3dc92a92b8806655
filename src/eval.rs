//! Scoring extraction against hand annotations (the gold files' format). Used by `linimasa eval` and the tests;
//! the extractor itself never reads gold files.

use crate::model::{ArticleFacts, Certainty};
use serde::Deserialize;
use std::fmt::Write as _;

/// One annotated article (only the fields scored here).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    /// File name.
    pub file: String,
    /// Outlet as a reader names it.
    pub outlet: Option<String>,
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
}

/// One annotated quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// Canonical speaker.
    pub speaker: Option<String>,
    /// Exact words.
    pub text: String,
}

/// Per-field scores and every miss.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Articles scored.
    pub articles: usize,
    /// Event dates right / scored.
    pub event_date: (usize, usize),
    /// Extracted quotes that match a gold quote / extracted quotes.
    pub quote_precision: (usize, usize),
    /// Gold quotes found / gold quotes.
    pub quote_recall: (usize, usize),
    /// Matched quotes with the right speaker / matched quotes.
    pub speaker: (usize, usize),
    /// Outlets right / articles with a gold outlet.
    pub outlet: (usize, usize),
    /// Outlets right / articles whose text names the gold outlet.
    pub outlet_in_text: (usize, usize),
    /// Locations right / articles.
    pub location: (usize, usize),
    /// Human-readable misses.
    pub misses: Vec<String>,
}

/// A ratio, 1.0 for an empty denominator.
pub fn ratio((a, b): (usize, usize)) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
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
    let toks = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace())
            .map(|t| {
                t.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase()
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
            .filter(|w| w.len() >= 4)
            .map(|w| w.to_lowercase())
            .collect()
    };
    let generic = ["gedung", "hotel", "jalan", "kota", "city", "pusat"];
    let wb = words(b);
    words(a)
        .iter()
        .any(|w| !generic.contains(&w.as_str()) && wb.contains(w))
}

/// Scores facts against gold annotations. `texts` gives each article's text by file name (to tell whether the
/// outlet is named in it).
pub fn score(
    facts: &[ArticleFacts],
    gold: &[GoldArticle],
    text_of: &dyn Fn(&str) -> Option<String>,
) -> Scores {
    let mut s = Scores::default();
    for g in gold {
        let Some(f) = facts
            .iter()
            .find(|f| f.file == g.file || f.file.ends_with(&format!("/{}", g.file)))
        else {
            s.misses.push(format!("{}: not extracted", g.file));
            continue;
        };
        s.articles += 1;

        // Event date.
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
        let ok = if g.date_derivable_from_text == Some(false) {
            uncertain
        } else if g.uncertain_ok {
            value_ok || uncertain
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

        // Quotes and speakers.
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

        // Outlet.
        if let Some(go) = &g.outlet {
            let ok = f.outlet.as_deref().is_some_and(|o| {
                let (a, b) = (norm(o), norm(go));
                !a.is_empty() && (a.contains(&b) || b.contains(&a))
            });
            s.outlet.1 += 1;
            let key = norm(go.split(['(', '.']).next().unwrap_or(go));
            let named = text_of(&g.file).is_some_and(|t| norm(&t).contains(&key));
            if named {
                s.outlet_in_text.1 += 1;
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

        // Location.
        s.location.1 += 1;
        let ok = match (&f.location, &g.location) {
            (None, None) => true,
            (Some(a), Some(b)) => location_matches(a, b),
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
    }
    s
}

impl Scores {
    /// A plain-text report: one line per field, then every miss.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, name: &str, v: (usize, usize)| {
            let _ = writeln!(out, "{name:<22} {:>6.3}  ({}/{})", ratio(v), v.0, v.1);
        };
        let _ = writeln!(out, "articles scored        {}", self.articles);
        line(&mut out, "event date", self.event_date);
        line(&mut out, "quote precision", self.quote_precision);
        line(&mut out, "quote recall", self.quote_recall);
        line(&mut out, "speaker", self.speaker);
        line(&mut out, "outlet", self.outlet);
        line(&mut out, "outlet (named in text)", self.outlet_in_text);
        line(&mut out, "location", self.location);
        if !self.misses.is_empty() {
            let _ = writeln!(out, "\nmisses:");
            for m in &self.misses {
                let _ = writeln!(out, "  - {m}");
            }
        }
        out
    }
}
