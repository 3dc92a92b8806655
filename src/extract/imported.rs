//! Hand-made events (rows of a team's CSV spreadsheet, or items of a TimelineJS3 JSON) turned into timeline
//! [`Event`]s. Each keeps its file as `origin`, which gives it a lane of its own. Linimasa's own CSV and
//! TimelineJS exports read back into the same dates, titles, places, quotes and sources.

use crate::model::content_id;
use crate::model::{DateSpan, Event, EventQuote, EventRow, Precision, Quote, Skipped, Source};

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Undoes the HTML escaping of a TimelineJS text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Text without HTML tags.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let collapsed: Vec<&str> = out.split_whitespace().collect();
    unescape(&collapsed.join(" "))
}

/// A quote written as `Speaker: “text”` (Linimasa's CSV) or `“text” — Speaker` (its TimelineJS text).
fn parse_quote(s: &str) -> Option<Quote> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let open = s.find(['“', '"'])?;
    let (before, rest) = s.split_at(open);
    let rest = rest.trim_start_matches(['“', '"']);
    let close = rest.rfind(['”', '"'])?;
    let text = rest.get(..close)?.trim().to_string();
    let after = rest.get(close..)?.trim_start_matches(['”', '"']);
    let before = before.trim().trim_end_matches(':').trim();
    let after = after.trim().trim_start_matches(['—', '–', '-']).trim();
    let speaker = [before, after]
        .into_iter()
        .find(|x| !x.is_empty() && !x.starts_with("unnamed"))
        .map(String::from);
    Some(Quote {
        speaker,
        role: None,
        end: text.len(),
        text,
        start: 0,
        speaker_span: None,
    })
}

/// Pieces of a TimelineJS text as Linimasa writes it: blockquotes, a `Sources:` paragraph, and the rest.
fn split_timeline_text(html: &str) -> (Vec<String>, Vec<String>, String) {
    let mut quotes = Vec::new();
    let mut rest = String::new();
    let mut sources = Vec::new();
    let mut s = html;
    while let Some(i) = s.find("<blockquote>") {
        rest.push_str(s.get(..i).unwrap_or(""));
        let after = s.get(i + "<blockquote>".len()..).unwrap_or("");
        let end = after.find("</blockquote>").unwrap_or(after.len());
        quotes.push(strip_tags(after.get(..end).unwrap_or("")));
        s = after
            .get(end..)
            .unwrap_or("")
            .trim_start_matches("</blockquote>");
    }
    rest.push_str(s);
    let mut remaining = String::new();
    for para in rest.split("<p>") {
        let text = strip_tags(para);
        if text.starts_with(crate::model::CURATED_PREFIX) {
            continue;
        }
        if let Some(list) = text.strip_prefix("Sources:") {
            sources.extend(
                list.split(';')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from),
            );
        } else if !text.is_empty() {
            if !remaining.is_empty() {
                remaining.push('\n');
            }
            remaining.push_str(&text);
        }
    }
    (quotes, sources, remaining)
}

fn date_of(row: &EventRow) -> Result<DateSpan, String> {
    let start = DateSpan::parse(&row.date).map_err(|e| format!("row {}: {e}", row.row))?;
    let mut date = start;
    if let Some(end) = non_empty(&row.end_date) {
        let end = DateSpan::parse(&end).map_err(|e| format!("row {}: end date {e}", row.row))?;
        if end.end < start.start {
            return Err(format!(
                "row {}: the end date {} is before the start date {}",
                row.row,
                row.end_date.trim(),
                row.date.trim()
            ));
        }
        date.end = end.end;
        date.precision = start.precision.min(end.precision);
    }
    match row.precision.trim().to_ascii_lowercase().as_str() {
        "month" if date.precision == Precision::Day => {
            if let Some(m) = DateSpan::month(
                chrono::Datelike::year(&date.start),
                chrono::Datelike::month(&date.start),
                date.certainty,
            ) {
                date = DateSpan {
                    end: m.end.max(date.end),
                    ..m
                };
            }
        }
        "year" if date.precision != Precision::Year => {
            if let Some(y) = DateSpan::year(chrono::Datelike::year(&date.start), date.certainty) {
                // A span of years (`2010-01-01` to `2015-12-31`) keeps its end.
                date = DateSpan {
                    end: y.end.max(date.end),
                    ..y
                };
            }
        }
        _ => {}
    }
    Ok(date)
}

/// The events of hand-made rows; a row without a readable date is skipped with its reason.
pub fn events_from_rows(rows: &[EventRow]) -> (Vec<Event>, Vec<Skipped>) {
    let mut events: Vec<Event> = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        let date = match date_of(row) {
            Ok(d) => d,
            Err(reason) => {
                skipped.push(Skipped {
                    file: row.file.clone(),
                    reason,
                });
                continue;
            }
        };
        let (html_quotes, html_sources, text) = split_timeline_text(&row.text);
        let quotes: Vec<Quote> = row
            .quotes
            .split(" | ")
            .map(String::from)
            .chain(html_quotes)
            .filter_map(|q| parse_quote(&q))
            .collect();
        let outlets = list(&row.outlets);
        let mut names = list(&row.sources);
        names.extend(html_sources);
        // A CSV lists sources and outlets apart: pair them in order (an outlet list shorter than the source
        // list, as in Linimasa's own export where outlets are distinct, leaves the rest without an outlet).
        let n = names.len().max(outlets.len()).max(1);
        let sources: Vec<Source> = (0..n)
            .map(|i| Source {
                article_id: String::new(),
                file: names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("{} (row {})", row.file, row.row)),
                url: names
                    .get(i)
                    .filter(|n| n.starts_with("http://") || n.starts_with("https://"))
                    .cloned(),
                outlet: outlets.get(i).cloned(),
                title: None,
                published_date: None,
                evidence: None,
            })
            .collect();
        let title = unescape(row.title.trim());
        let mut id = content_id(&format!("{}\n{}\n{}", row.file, row.date, title), None);
        let mut n = 0;
        while !seen.insert(id.clone()) {
            n += 1;
            id = content_id(&format!("{}\n{}\n{}\n{n}", row.file, row.date, title), None);
        }
        let origin = row
            .file
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&row.file)
            .to_string();
        events.push(Event {
            id: id.clone(),
            date,
            title: if title.is_empty() {
                format!("{} row {}", origin, row.row)
            } else {
                title
            },
            forum: non_empty(&row.forum),
            forum_kind: non_empty(&row.lane).unwrap_or_else(|| "Imported".into()),
            location: non_empty(&row.location),
            countries: list(&row.countries),
            people: list(&row.people),
            quotes: quotes
                .into_iter()
                .map(|quote| EventQuote { quote, source: 0 })
                .collect(),
            sources,
            mentioned_only: false,
            parts: vec![id],
            curated: Vec::new(),
            note: non_empty(&text),
            origin: Some(origin),
            merge_reasons: Vec::new(),
            key_terms: Vec::new(),
            location_from_dateline: false,
            delegations_received: false,
        });
    }
    (events, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_in_both_written_forms() {
        let q = parse_quote("Wiranto: “Kita harus bekerja sama”").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Wiranto"));
        assert_eq!(q.text, "Kita harus bekerja sama");
        let q = parse_quote("“Cyber norms matter” — Retno Marsudi").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Retno Marsudi"));
        assert_eq!(q.text, "Cyber norms matter");
        let q = parse_quote("unnamed: “x”").unwrap();
        assert_eq!(q.speaker, None);
        assert!(parse_quote("no quote here").is_none());
    }

    #[test]
    fn rows_become_events_and_bad_dates_are_reported() {
        let rows = vec![
            EventRow {
                file: "team/events.csv".into(),
                row: 2,
                date: "2019-06-22".into(),
                end_date: "2019-06-23".into(),
                title: "34th ASEAN Summit".into(),
                location: "Bangkok".into(),
                countries: "Thailand; Indonesia".into(),
                sources: "a.txt; b.txt".into(),
                outlets: "Kompas; Tempo".into(),
                lane: String::new(),
                ..EventRow::default()
            },
            EventRow {
                file: "team/events.csv".into(),
                row: 3,
                date: "sometime".into(),
                title: "Undated".into(),
                ..EventRow::default()
            },
            EventRow {
                file: "team/events.csv".into(),
                row: 4,
                date: "2020-03-05".into(),
                precision: "month".into(),
                title: "A month".into(),
                ..EventRow::default()
            },
        ];
        let (events, skipped) = events_from_rows(&rows);
        assert_eq!(events.len(), 2);
        let e = &events[0];
        assert_eq!(e.date.span_days(), 2);
        assert_eq!(e.origin.as_deref(), Some("events.csv"));
        assert_eq!(e.countries, vec!["Thailand", "Indonesia"]);
        assert_eq!(e.outlets(), vec!["Kompas", "Tempo"]);
        assert_eq!(e.sources[1].outlet.as_deref(), Some("Tempo"));
        assert_eq!(events[1].date.precision, Precision::Month);
        assert_eq!(events[1].date.value(), "2020-03");
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].reason.contains("row 3"), "{:?}", skipped[0]);
    }

    #[test]
    fn timelinejs_text_splits_into_quotes_sources_and_note() {
        let (q, s, rest) = split_timeline_text(
            "<blockquote>“A &amp; B” — Wiranto</blockquote><p>Sources: Kompas: X; Tempo</p><p>Checked.</p>",
        );
        assert_eq!(q, vec!["“A & B” — Wiranto"]);
        assert_eq!(s, vec!["Kompas: X", "Tempo"]);
        assert_eq!(rest, "Checked.");
    }
}
