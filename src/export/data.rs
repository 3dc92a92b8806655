//! Events as data for other tools: CSV (one row per event) and TimelineJS3 JSON.

use crate::model::{CURATED_PREFIX, DateSpan, Event, Precision};
use chrono::Datelike;
use serde_json::{Value, json};

/// CSV columns, in order: the eleven of the data format, then `curated` (the values a person set by hand, e.g.
/// `date; title`) and `note`, then the event's stable `id`, the date's `certainty` and `display_date` as the
/// detail pane words it ("26 July, year unknown …"), and the sources' addresses (`urls`, in `sources` order, an
/// empty place for a source without one; `sources` always gives each source's file), then how far the event is
/// corroborated: `article_count` distinct articles from `outlet_count` distinct outlets.
pub const CSV_COLUMNS: [&str; 19] = [
    "date",
    "end_date",
    "precision",
    "title",
    "forum",
    "location",
    "countries",
    "people",
    "quotes",
    "sources",
    "outlets",
    "curated",
    "note",
    "id",
    "certainty",
    "display_date",
    "urls",
    "article_count",
    "outlet_count",
];

fn certainty_name(c: crate::model::Certainty) -> &'static str {
    match c {
        crate::model::Certainty::Stated => "stated",
        crate::model::Certainty::Inferred => "inferred",
        crate::model::Certainty::Uncertain => "uncertain",
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

/// Characters that make a spreadsheet read a cell as a formula when they begin it.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet shows as text: one that begins with `= + - @`, a tab or a carriage return gets a `'` in
/// front (OWASP's advice against CSV formula injection); [`crate::corpus::formats`] takes it off again when
/// Linimasa reads its own CSV back.
pub fn csv_cell(cell: String) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The events as CSV (RFC 4180 quoting; lists joined with `; `; quotes as `Speaker: “text”`; cells that a
/// spreadsheet would run as a formula escaped: [`csv_cell`]).
pub fn to_csv(events: &[Event]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    for e in events {
        let quotes: Vec<String> = e
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "{}: “{}”",
                    q.quote.speaker.as_deref().unwrap_or("unnamed"),
                    q.quote.text
                )
            })
            .collect();
        let sources: Vec<String> = e.sources.iter().map(|s| s.file.clone()).collect();
        let (articles, outlets) = e.corroboration();
        let row = [
            e.date.start.format("%Y-%m-%d").to_string(),
            e.date.end.format("%Y-%m-%d").to_string(),
            precision_name(e.date.precision).to_string(),
            e.title.clone(),
            e.forum.clone().unwrap_or_default(),
            e.location.clone().unwrap_or_default(),
            e.countries.join("; "),
            e.people.join("; "),
            quotes.join(" | "),
            sources.join("; "),
            e.outlets().join("; "),
            e.curated.join("; "),
            e.note.clone().unwrap_or_default(),
            e.id.clone(),
            certainty_name(e.date.certainty).to_string(),
            crate::model::date_text(&e.date),
            e.sources
                .iter()
                .map(|s| s.url.clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("; "),
            articles.to_string(),
            outlets.to_string(),
        ];
        w.write_record(row.map(csv_cell))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn tl_date(d: chrono::NaiveDate, p: Precision) -> Value {
    match p {
        Precision::Year => json!({ "year": d.year().to_string() }),
        Precision::Month => json!({ "year": d.year().to_string(), "month": d.month().to_string() }),
        Precision::Day => {
            json!({ "year": d.year().to_string(), "month": d.month().to_string(), "day": d.day().to_string() })
        }
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The events as a TimelineJS3 document: `{"title": …, "events": [{start_date, end_date, text: {headline, text},
/// group}]}`; quotes and sources go into the event text as HTML, the lane into `group`.
pub fn to_timelinejs(events: &[Event], title: &str) -> Value {
    let items: Vec<Value> = events
        .iter()
        .map(|e| {
            let mut body = String::new();
            for q in &e.quotes {
                body.push_str(&format!(
                    "<blockquote>“{}” — {}</blockquote>",
                    html_escape(&q.quote.text),
                    html_escape(q.quote.speaker.as_deref().unwrap_or("unnamed speaker"))
                ));
            }
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|s| {
                    let name = format!(
                        "{}{}",
                        html_escape(s.outlet.as_deref().unwrap_or("unknown outlet")),
                        s.title
                            .as_deref()
                            .map(|t| format!(": {}", html_escape(t)))
                            .unwrap_or_default()
                    );
                    // Every source with its address: a link to its web address, else the address or file as
                    // text.
                    match s.url.as_deref() {
                        Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                            format!("<a href=\"{}\">{name}</a>", html_escape(u))
                        }
                        Some(u) => format!("{name} ({})", html_escape(u)),
                        None => format!("{name} ({})", html_escape(&s.file)),
                    }
                })
                .collect();
            if !sources.is_empty() {
                body.push_str(&format!(
                    "<p>Sources ({}): {}</p>",
                    html_escape(&e.corroboration_text()),
                    sources.join("; ")
                ));
            }
            if let Some(note) = &e.note {
                body.push_str(&format!("<p>{}</p>", html_escape(note)));
            }
            if !e.curated.is_empty() {
                body.push_str(&format!(
                    "<p><small>{CURATED_PREFIX} {}</small></p>",
                    html_escape(&e.curated.join(", "))
                ));
            }
            let mut ev = json!({
                "start_date": tl_date(e.date.start, e.date.precision),
                "text": { "headline": html_escape(&e.title), "text": body },
                "group": html_escape(&e.forum_kind),
                "display_date": html_escape(&crate::model::date_text(&e.date)),
                "unique_id": html_escape(&e.id),
            });
            // A span longer than one day, month or year of its precision (`27–28 April`, `2010-2015`) ends on
            // its own end date, at the same precision.
            let one_unit_end = match e.date.precision {
                Precision::Day => Some(e.date.start),
                Precision::Month => {
                    DateSpan::month(e.date.start.year(), e.date.start.month(), e.date.certainty)
                        .map(|m| m.end)
                }
                Precision::Year => {
                    DateSpan::year(e.date.start.year(), e.date.certainty).map(|y| y.end)
                }
            };
            if one_unit_end != Some(e.date.end)
                && let Some(obj) = ev.as_object_mut()
            {
                obj.insert("end_date".into(), tl_date(e.date.end, e.date.precision));
            }
            ev
        })
        .collect();
    json!({ "title": { "text": { "headline": html_escape(title), "text": "" } }, "events": items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::lanes::tests_support::ev;

    #[test]
    fn csv_reads_back() {
        let mut a = ev(
            27,
            "ASEAN",
            &["Indonesia", "Singapore"],
            &["ANTARA", "Media Indonesia"],
        );
        a.title = "32nd ASEAN Summit, Singapore".into();
        let csv_text = to_csv(&[a.clone(), ev(2, "UN", &[], &["MINA"])]).unwrap();
        let mut r = csv::Reader::from_reader(csv_text.as_bytes());
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>(),
            CSV_COLUMNS.to_vec()
        );
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "2018-04-27");
        assert_eq!(&rows[0][3], "32nd ASEAN Summit, Singapore");
        assert_eq!(&rows[0][6], "Indonesia; Singapore");
        assert_eq!(&rows[0][10], "ANTARA; Media Indonesia");
    }

    #[test]
    fn timelinejs_structure() {
        let mut a = ev(27, "ASEAN", &[], &["ANTARA"]);
        a.date.end = a.date.start + chrono::Duration::days(1);
        let v = to_timelinejs(&[a], "T");
        let e = &v["events"][0];
        assert_eq!(e["start_date"]["year"], "2018");
        assert_eq!(e["start_date"]["month"], "4");
        assert_eq!(e["start_date"]["day"], "27");
        assert_eq!(e["end_date"]["day"], "28");
        assert!(e["text"]["headline"].is_string());
        assert!(e["text"]["text"].as_str().unwrap().contains("ANTARA"));
        assert_eq!(e["group"], "ASEAN");
        assert_eq!(v["title"]["text"]["headline"], "T");
    }
}
