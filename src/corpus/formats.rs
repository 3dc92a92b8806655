//! File formats: plain text / Markdown, news-please JSON (one object or an array), JSON Lines, CSV.

use crate::corpus::content_id;
use crate::model::{Article, ArticleMeta, EventRow};
use std::path::Path;

/// A supported input format, chosen by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: the raw article text.
    Text,
    /// `.json`: a news-please object or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one news-please object per line.
    JsonLines,
    /// `.csv`: a header row with `title`, `date`, `url`, `outlet`, `text`.
    Csv,
}

impl Format {
    /// The format for a path's extension, or `None` when it is not an article format.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// [`parse_records`] taking the text: a plain-text file's text becomes its article's without a copy.
pub fn parse_owned(
    format: Format,
    text: String,
    path: &Path,
    display: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<Article>, String> {
    match format {
        Format::Text => Ok(vec![Article {
            id: content_id(&text, None),
            file: display.to_string(),
            path: path.to_path_buf(),
            text,
            meta: ArticleMeta::default(),
        }]),
        _ => parse_records_noting(format, &text, path, display, notes),
    }
}

/// Parses decoded file text into articles. `display` is the name shown to the user.
pub fn parse_records(
    format: Format,
    text: &str,
    path: &Path,
    display: &str,
) -> Result<Vec<Article>, String> {
    parse_records_noting(format, text, path, display, &mut Vec::new())
}

/// [`parse_records`], with a note in `notes` for every kind of record left out (bad JSON Lines, items or
/// rows without text), with how many.
pub fn parse_records_noting(
    format: Format,
    text: &str,
    path: &Path,
    display: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<Article>, String> {
    match format {
        Format::Text => Ok(vec![Article {
            id: content_id(text, None),
            file: display.to_string(),
            path: path.to_path_buf(),
            text: text.to_string(),
            meta: ArticleMeta::default(),
        }]),
        Format::Json => {
            // Read item by item: only one item's tree is in memory at a time, never the whole file's (a 17 MB
            // array of articles took 1.9 GB as one `Value`).
            let mut out = Vec::new();
            let mut no_text = Vec::new();
            let mut total = 0usize;
            let shape = json_items(text, |i, item| {
                total = i + 1;
                match from_json_object(&item, path, display, Some(i)) {
                    Some(a) => out.push(a),
                    None => no_text.push(i + 1),
                }
            })
            .map_err(|e| format!("malformed JSON: {e}"))?;
            if shape == JsonShape::Other {
                return Err("JSON is neither an article object nor an array of them".into());
            }
            if total == 1 {
                // A single article (an object, or an array of one): its file is its name, with no record number.
                for a in &mut out {
                    a.id = content_id(&a.text, None);
                    a.file = display.to_string();
                }
            }
            if !out.is_empty() && !no_text.is_empty() {
                notes.push(format!(
                    "used, but {} of {total} JSON items left out: no text ({})",
                    no_text.len(),
                    numbered("item", &no_text)
                ));
            }
            Ok(out)
        }
        Format::JsonLines => {
            let mut out = Vec::new();
            let mut bad = 0usize;
            let mut first_error = None;
            let mut no_text = Vec::new();
            let mut records = 0usize;
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                records += 1;
                match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(v) => match from_json_object(&v, path, display, Some(i)) {
                        Some(a) => out.push(a),
                        None => no_text.push(i + 1),
                    },
                    Err(e) => {
                        bad += 1;
                        first_error.get_or_insert_with(|| format!("line {}: {e}", i + 1));
                    }
                }
            }
            if out.is_empty()
                && let Some(e) = first_error
            {
                return Err(format!("malformed JSON Lines ({bad} bad lines; {e})"));
            }
            if !out.is_empty() {
                if let Some(e) = first_error {
                    notes.push(format!(
                        "used, but {bad} of {records} lines left out: malformed JSON (first at {e})"
                    ));
                }
                if !no_text.is_empty() {
                    notes.push(format!(
                        "used, but {} of {records} lines left out: no text ({})",
                        no_text.len(),
                        numbered("line", &no_text)
                    ));
                }
            }
            Ok(out)
        }
        Format::Csv => parse_csv(text, path, display, notes),
    }
}

/// What the top level of a JSON file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonShape {
    Array,
    Object,
    Other,
}

/// Calls `each(index, item)` for every item of a top-level JSON array, one item parsed at a time (or once for
/// a top-level object), and says which the file held. Trailing characters after the value are an error.
fn json_items(
    text: &str,
    mut each: impl FnMut(usize, serde_json::Value),
) -> Result<JsonShape, serde_json::Error> {
    use serde::de::{Deserializer as _, MapAccess, SeqAccess, Visitor};

    struct Items<'f, F>(&'f mut F);

    impl<'de, F: FnMut(usize, serde_json::Value)> Visitor<'de> for Items<'_, F> {
        type Value = JsonShape;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an article object or an array of them")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonShape, A::Error> {
            let mut i = 0;
            while let Some(item) = seq.next_element::<serde_json::Value>()? {
                (self.0)(i, item);
                i += 1;
            }
            Ok(JsonShape::Array)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonShape, A::Error> {
            use serde::Deserialize as _;
            let item =
                serde_json::Value::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
            (self.0)(0, item);
            Ok(JsonShape::Object)
        }

        fn visit_bool<E>(self, _: bool) -> Result<JsonShape, E> {
            Ok(JsonShape::Other)
        }
        fn visit_i64<E>(self, _: i64) -> Result<JsonShape, E> {
            Ok(JsonShape::Other)
        }
        fn visit_u64<E>(self, _: u64) -> Result<JsonShape, E> {
            Ok(JsonShape::Other)
        }
        fn visit_f64<E>(self, _: f64) -> Result<JsonShape, E> {
            Ok(JsonShape::Other)
        }
        fn visit_str<E>(self, _: &str) -> Result<JsonShape, E> {
            Ok(JsonShape::Other)
        }
        fn visit_unit<E>(self) -> Result<JsonShape, E> {
            Ok(JsonShape::Other)
        }
    }

    let mut de = serde_json::Deserializer::from_str(text);
    let shape = (&mut de).deserialize_any(Items(&mut each))?;
    de.end()?;
    Ok(shape)
}

/// `rows 3, 7, 9` (at most ten numbers, then `…`).
fn numbered(what: &str, numbers: &[usize]) -> String {
    let shown: Vec<String> = numbers.iter().take(10).map(|n| n.to_string()).collect();
    format!(
        "{what}{} {}{}",
        if numbers.len() == 1 { "" } else { "s" },
        shown.join(", "),
        if numbers.len() > 10 { ", …" } else { "" }
    )
}

/// A note for cells that run over several lines and hold what looks like further rows (as many commas on a
/// line as the table has columns less one): the mark of a quote left open, which swallows the rows after it.
fn swallowed_rows(rec: &csv::StringRecord, columns: usize, row: usize) -> Option<String> {
    let commas = columns.saturating_sub(1).max(1);
    let lines = rec
        .iter()
        .map(|cell| {
            cell.lines()
                .skip(1)
                .filter(|l| l.matches(',').count() >= commas)
                .count()
        })
        .max()
        .unwrap_or(0);
    (lines > 0).then(|| {
        format!(
            "row {row}: a quoted cell runs over {lines} line{} that look like rows of their own (a quote left \
             open?); they were read as part of that cell",
            if lines == 1 { "" } else { "s" }
        )
    })
}

/// If the text is a hand-made events file rather than articles — a CSV with a date and a title column but no
/// text column (a team's spreadsheet, or Linimasa's own CSV export), or a TimelineJS3 JSON (an object with an
/// `events` array) — its rows as text; `None` for an article file.
pub fn event_rows(
    format: Format,
    text: &str,
    display: &str,
) -> Option<Result<Vec<EventRow>, String>> {
    event_rows_noting(format, text, display, &mut Vec::new())
}

/// [`event_rows`], with notes on rows left out or swallowed.
pub fn event_rows_noting(
    format: Format,
    text: &str,
    display: &str,
    notes: &mut Vec<String>,
) -> Option<Result<Vec<EventRow>, String>> {
    match format {
        Format::Csv => csv_event_rows(text, display, notes),
        Format::Json => timelinejs_rows(text, display),
        _ => None,
    }
}

fn csv_event_rows(
    text: &str,
    display: &str,
    notes: &mut Vec<String>,
) -> Option<Result<Vec<EventRow>, String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().ok()?.clone();
    let col = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    if col(&["text", "maintext", "content", "body"]).is_some() {
        return None;
    }
    let date_col = col(&["date", "start_date", "start date", "start"])?;
    let title_col = col(&["title", "headline", "event"])?;
    let cols = [
        col(&["end_date", "end date", "end"]),
        col(&["precision"]),
        col(&["forum", "meeting"]),
        col(&["location", "place", "city"]),
        col(&["countries", "country"]),
        col(&["people", "person", "speakers"]),
        col(&["quotes", "quote"]),
        col(&["sources", "source"]),
        col(&["outlets", "outlet"]),
        col(&["lane", "group"]),
        col(&["note", "notes", "description"]),
    ];
    let mut out = Vec::new();
    let mut blank = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => return Some(Err(format!("malformed CSV: {e}"))),
        };
        if let Some(n) = swallowed_rows(&rec, headers.len(), i + 2) {
            notes.push(n);
        }
        let get = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .map(|v| unformula(v).trim())
                .unwrap_or("")
                .to_string()
        };
        let [
            end,
            precision,
            forum,
            location,
            countries,
            people,
            quotes,
            sources,
            outlets,
            lane,
            note,
        ] = cols.map(get);
        let row = EventRow {
            file: display.to_string(),
            row: i + 2,
            date: get(Some(date_col)),
            end_date: end,
            precision,
            title: get(Some(title_col)),
            forum,
            location,
            countries,
            people,
            quotes,
            sources,
            outlets,
            lane,
            text: note,
        };
        if row.date.is_empty() && row.title.is_empty() {
            if rec.iter().any(|c| !c.trim().is_empty()) {
                blank.push(i + 2);
            }
            continue;
        }
        out.push(row);
    }
    if !blank.is_empty() {
        notes.push(format!(
            "{} left out: no date and no title",
            numbered("row", &blank)
        ));
    }
    Some(Ok(out))
}

/// A cell without the `'` that Linimasa's CSV export puts before a cell a spreadsheet would read as a formula
/// (`'=x` → `=x`); other cells as they are.
fn unformula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

fn timelinejs_date(v: Option<&serde_json::Value>) -> String {
    let part = |k: &str| {
        v.and_then(|d| d.get(k)).and_then(|x| match x {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    match (part("year"), part("month"), part("day")) {
        (Some(y), Some(m), Some(d)) => format!("{y}-{m:0>2}-{d:0>2}"),
        (Some(y), Some(m), None) => format!("{y}-{m:0>2}"),
        (Some(y), _, _) => y,
        _ => String::new(),
    }
}

fn timelinejs_rows(text: &str, display: &str) -> Option<Result<Vec<EventRow>, String>> {
    // Cheap check before a full parse: article JSON files are far more common.
    if !text.contains("\"events\"") {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let events = value.get("events")?.as_array()?;
    let s = |v: Option<&serde_json::Value>| {
        v.and_then(|x| x.as_str())
            .map(|x| x.trim().to_string())
            .unwrap_or_default()
    };
    let rows = events
        .iter()
        .enumerate()
        .map(|(i, e)| EventRow {
            file: display.to_string(),
            row: i + 1,
            date: timelinejs_date(e.get("start_date")),
            end_date: timelinejs_date(e.get("end_date")),
            title: s(e.get("text").and_then(|t| t.get("headline"))),
            text: s(e.get("text").and_then(|t| t.get("text"))),
            lane: s(e.get("group")),
            ..EventRow::default()
        })
        .collect();
    Some(Ok(rows))
}

fn str_field(v: &serde_json::Value, names: &[&str]) -> Option<String> {
    let obj = v.as_object()?;
    for name in names {
        for (k, val) in obj {
            if k.eq_ignore_ascii_case(name)
                && let Some(s) = val.as_str()
            {
                let s = s.trim();
                if !s.is_empty() {
                    return Some(s.to_string());
                }
            }
        }
    }
    None
}

fn compose(title: Option<&str>, body: &str) -> String {
    match title {
        Some(t) if !body.trim_start().starts_with(t.trim()) => {
            format!("{}\n\n{}", t.trim(), body.trim())
        }
        _ => body.trim().to_string(),
    }
}

fn from_json_object(
    v: &serde_json::Value,
    path: &Path,
    display: &str,
    record: Option<usize>,
) -> Option<Article> {
    let meta = ArticleMeta {
        title: str_field(v, &["title"]),
        date: str_field(v, &["date_publish", "date", "published", "date_modify"]),
        url: str_field(v, &["url"]),
        outlet: str_field(v, &["source_domain", "outlet", "source"]),
        language: str_field(v, &["language", "lang"]),
    };
    let body = str_field(v, &["maintext", "text", "content", "body", "description"])?;
    let text = compose(meta.title.as_deref(), &body.replace("\r\n", "\n"));
    Some(Article {
        id: content_id(&text, record),
        file: match record {
            Some(i) => format!("{display}#{}", i + 1),
            None => display.to_string(),
        },
        path: path.to_path_buf(),
        text,
        meta,
    })
}

fn parse_csv(
    text: &str,
    path: &Path,
    display: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<Article>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("malformed CSV header: {e}"))?
        .clone();
    let col = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let text_col = col(&["text", "maintext", "content", "body"])
        .ok_or_else(|| "CSV has no `text` column".to_string())?;
    let (title_col, date_col, url_col, outlet_col) = (
        col(&["title"]),
        col(&["date", "date_publish"]),
        col(&["url"]),
        col(&["outlet", "source"]),
    );
    let mut out = Vec::new();
    let mut no_text = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| format!("malformed CSV: {e}"))?;
        if let Some(n) = swallowed_rows(&rec, headers.len(), i + 2) {
            notes.push(n);
        }
        let get = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        let Some(body) = get(Some(text_col)) else {
            no_text.push(i + 2);
            continue;
        };
        let meta = ArticleMeta {
            title: get(title_col),
            date: get(date_col),
            url: get(url_col),
            outlet: get(outlet_col),
            language: None,
        };
        let text = compose(meta.title.as_deref(), &body);
        out.push(Article {
            id: content_id(&text, Some(i)),
            file: format!("{display}#{}", i + 1),
            path: path.to_path_buf(),
            text,
            meta,
        });
    }
    if !out.is_empty() && !no_text.is_empty() {
        notes.push(format!(
            "used, but {} left out: empty text cell",
            numbered("row", &no_text)
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_json() {
        let j = r#"{"title":"ASEAN Bahas Siber","maintext":"Jakarta - Menlu berkata.","date_publish":"2018-04-20 10:00:00","source_domain":"antaranews.com","url":"https://x","language":"id"}"#;
        let a = parse_records(Format::Json, j, Path::new("a.json"), "a.json").unwrap();
        assert_eq!(a.len(), 1);
        assert!(a[0].text.starts_with("ASEAN Bahas Siber\n\nJakarta"));
        assert_eq!(a[0].meta.outlet.as_deref(), Some("antaranews.com"));
        assert_eq!(a[0].meta.date.as_deref(), Some("2018-04-20 10:00:00"));
    }

    #[test]
    fn json_lines_and_csv() {
        let jl =
            "{\"title\":\"A\",\"maintext\":\"one\"}\n\n{\"title\":\"B\",\"maintext\":\"two\"}\n";
        let a = parse_records(Format::JsonLines, jl, Path::new("a.jsonl"), "a.jsonl").unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].file, "a.jsonl#3");
        let csv = "Title,DATE,url,Outlet,Text\nJudul,2019-09-19,u,Aktual,\"Isi, dengan koma\"\n";
        let c = parse_records(Format::Csv, csv, Path::new("a.csv"), "a.csv").unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].meta.outlet.as_deref(), Some("Aktual"));
        assert!(c[0].text.ends_with("Isi, dengan koma"));
    }

    #[test]
    fn a_json_array_is_read_item_by_item_with_its_numbering_kept() {
        let item = |t: &str| format!(r#"{{"title":"{t}","maintext":"Jakarta - {t} berkata."}}"#);
        let arr = format!(
            "[{}, {{\"title\":\"no text\"}}, {}]",
            item("Satu"),
            item("Dua")
        );
        let mut notes = Vec::new();
        let a = parse_records_noting(
            Format::Json,
            &arr,
            Path::new("a.json"),
            "a.json",
            &mut notes,
        )
        .unwrap();
        let files: Vec<&str> = a.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(files, ["a.json#1", "a.json#3"]);
        assert!(a[1].text.starts_with("Dua"));
        assert_ne!(a[0].id, a[1].id);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("1 of 3 JSON items") && notes[0].contains("item 2"));
        // An array of one article is that article, named as its file, with the id of its text alone.
        let one = parse_records(
            Format::Json,
            &format!("[{}]", item("Satu")),
            Path::new("b.json"),
            "b.json",
        )
        .unwrap();
        let obj =
            parse_records(Format::Json, &item("Satu"), Path::new("b.json"), "b.json").unwrap();
        assert_eq!(one[0].file, "b.json");
        assert_eq!(one[0].id, obj[0].id);
        assert_eq!(one[0].id, content_id(&one[0].text, None));
        // Not an article: a reason, never a panic; text after the value is malformed.
        for bad in ["\"text\"", "42", "null", "true"] {
            let e = parse_records(Format::Json, bad, Path::new("c"), "c").unwrap_err();
            assert!(e.contains("neither"), "{bad}: {e}");
        }
        let e = parse_records(
            Format::Json,
            &format!("[{}] x", item("Satu")),
            Path::new("c"),
            "c",
        )
        .unwrap_err();
        assert!(e.starts_with("malformed JSON"), "{e}");
        assert!(
            parse_records(
                Format::Json,
                &format!("[{}", item("Satu")),
                Path::new("c"),
                "c"
            )
            .is_err()
        );
    }

    #[test]
    fn malformed_inputs_are_errors() {
        assert!(parse_records(Format::Json, "{\"title\": ", Path::new("a"), "a").is_err());
        assert!(parse_records(Format::JsonLines, "{bad\n{worse", Path::new("a"), "a").is_err());
        assert!(parse_records(Format::Csv, "title,date\nx,y\n", Path::new("a"), "a").is_err());
        assert!(parse_records(Format::Csv, "text,title\n\"a,b\n", Path::new("a"), "a").is_err());
    }
}
