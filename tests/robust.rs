//! Robustness: any input never panics the readers or the extractor (property tests), dates written in every
//! common form read back to the same day, curation never loses a source, and atomic writes survive SIGKILL.

use chrono::{Datelike, NaiveDate};
use linimasa::corpus::{Format, decode_bytes, parse_records};
use linimasa::extract::dates::{Anchors, find_dates, resolve};
use linimasa::model::{Article, ArticleMeta, DateSpan, Precision};
use proptest::prelude::*;
use std::path::Path;

/// Text made of the pieces extraction looks at: quote marks, date words, digits, slashes, names, newlines and
/// multi-byte characters, so that random strings reach deep into the parsers.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "(",
        ")",
        "/",
        "-",
        ",",
        ".",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "Kamis",
        "Senin",
        "(24/8/2023)",
        "24",
        "8",
        "2023",
        "2018",
        "Agustus",
        "April",
        "Mei",
        "May",
        "kata",
        "ujar",
        "said",
        "Menko Polhukam",
        "Wiranto",
        "Retno Marsudi",
        "ASEAN",
        "KTT",
        "ke-32",
        "Jakarta",
        "Singapura",
        "WIB",
        "Minggu",
        "lalu",
        "depan",
        "tahun",
        "é",
        "Ω",
        "🙂",
        "\u{0}",
        "\u{feff}",
        "ــ",
        "Sumber:",
        "ANTARA",
        "www.kompas.com",
        "Baca juga:",
        "12/12",
        "31/2/2019",
        "99999999999999999999",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn article(text: String) -> Article {
    Article {
        id: "p".into(),
        file: "p.txt".into(),
        path: "p.txt".into(),
        text,
        meta: ArticleMeta::default(),
    }
}

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTH: [&str; 12] = [
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
const HARI: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_never_panic_the_readers(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(text) = decode_bytes(&bytes) {
            for f in [Format::Text, Format::Json, Format::JsonLines, Format::Csv] {
                let _ = parse_records(f, &text, Path::new("x"), "x");
                let _ = linimasa::corpus::formats::event_rows(f, &text, "x");
            }
            let facts = linimasa::extract::extract_article(&article(text));
            let _ = linimasa::extract::merge::build_events(&[facts]);
        }
    }

    #[test]
    fn any_text_never_panics_the_extractor_and_spans_fit(text in nasty_text()) {
        let facts = linimasa::extract::extract_article(&article(text.clone()));
        for q in &facts.quotes {
            prop_assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
        }
        for d in &facts.dates {
            prop_assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
        }
        for s in [facts.date_evidence, facts.date_mention, facts.location_span, facts.forum_span].into_iter().flatten() {
            prop_assert!(text.get(s.start..s.end).is_some());
        }
        let _ = linimasa::extract::merge::build_events(&[facts]);
    }

    #[test]
    fn a_date_written_in_any_common_form_reads_back(day in 0i64..3287, form in 0usize..4) {
        let d = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Duration::days(day);
        let (y, m, dd) = (d.year(), d.month() as usize, d.day());
        let hari = HARI[d.weekday().num_days_from_monday() as usize];
        let text = match form {
            0 => format!("Jakarta - Pertemuan itu digelar pada {dd} {} {y} di Jakarta.", BULAN[m - 1]),
            1 => format!("Jakarta - Pertemuan digelar {hari} ({dd}/{m}/{y})."),
            2 => format!("The meeting was held on {} {dd}, {y} in Jakarta.", MONTH[m - 1]),
            _ => format!("Rapat berlangsung {y}-{m:02}-{dd:02} di Jakarta."),
        };
        let found = find_dates(&text);
        let resolved: Vec<DateSpan> = found
            .iter()
            .filter_map(|f| resolve(&f.raw, f.future, &Anchors::default()))
            .collect();
        prop_assert!(
            resolved.iter().any(|r| r.start == d && r.precision == Precision::Day),
            "{text:?} gave {resolved:?}"
        );
    }

    #[test]
    fn date_values_round_trip(day in 0i64..3287, len in 0i64..5, kind in 0usize..4) {
        let d = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Duration::days(day);
        let c = linimasa::model::Certainty::Stated;
        let span = match kind {
            0 => DateSpan::day(d, c),
            1 => DateSpan { end: d + chrono::Duration::days(len), ..DateSpan::day(d, c) },
            2 => DateSpan::month(d.year(), d.month(), c).unwrap(),
            _ => DateSpan::year(d.year(), c).unwrap(),
        };
        prop_assert_eq!(DateSpan::parse(&span.to_input()), Ok(span));
        // The normalised value reads back to the same start and precision.
        let v = DateSpan::parse(&span.value()).unwrap();
        prop_assert_eq!((v.start, v.precision), (span.start, span.precision));
    }
}

/// Random curation edits over the bundled corpus: never a panic, and every source stays somewhere (merges and
/// splits move sources, they never drop them).
#[test]
fn random_edit_sequences_never_lose_a_source() {
    use linimasa::curation::{Edit, Op, apply};
    let (x, _) = linimasa::pipeline::extract_paths(
        &[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")],
        &linimasa::corpus::LoadOptions::default(),
    );
    let facts = x.articles;
    let base = linimasa::pipeline::base_events(&facts, &[]);
    let total: usize = base.events.iter().map(|e| e.sources.len()).sum();
    let mut base_articles: Vec<String> = base
        .events
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.article_id.clone()))
        .collect();
    base_articles.sort();
    base_articles.dedup();
    let reports = linimasa::extract::merge::reports(&facts);
    let parts: Vec<String> = reports.iter().map(|r| r.id.clone()).collect();
    let articles: Vec<String> = facts.iter().map(|f| f.id.clone()).collect();
    let mut rng = linimasa::synth::Rng::new(7);
    for _round in 0..200 {
        let n = 1 + rng.below(12);
        let edits: Vec<Edit> = (0..n)
            .map(|_| {
                let target = parts[rng.below(parts.len())].clone();
                let op = match rng.below(6) {
                    0 => Op::Merge {
                        other: parts[rng.below(parts.len())].clone(),
                    },
                    1 => Op::Split {
                        article_id: articles[rng.below(articles.len())].clone(),
                    },
                    2 => Op::Hide,
                    3 => Op::Unhide,
                    4 => Op::SetTitle { title: "t".into() },
                    _ => Op::SetDate {
                        date: DateSpan::parse("2019").unwrap(),
                    },
                };
                Edit {
                    target,
                    target_title: String::new(),
                    at: String::new(),
                    op,
                }
            })
            .collect();
        let c = apply(&base.events, &reports, &edits);
        // Every article stays a source of some event, and no event lists one article twice (reports of one
        // article merged by hand are one source), so no more sources than before.
        let articles_of = |events: &[linimasa::model::Event]| {
            let mut all: Vec<String> = events
                .iter()
                .flat_map(|e| e.sources.iter().map(|s| s.article_id.clone()))
                .collect();
            all.sort();
            all.dedup();
            all
        };
        let all: Vec<linimasa::model::Event> = c.events.iter().chain(&c.hidden).cloned().collect();
        assert_eq!(articles_of(&all), base_articles, "{edits:#?}");
        for e in &all {
            let mut ids: Vec<&str> = e.sources.iter().map(|s| s.article_id.as_str()).collect();
            let n = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(
                ids.len(),
                n,
                "an article twice in “{}”: {edits:#?}",
                e.title
            );
        }
        let got: usize = all.iter().map(|e| e.sources.len()).sum();
        assert!(got <= total, "{edits:#?}");
        // Every report is in exactly one event.
        let mut seen = std::collections::HashSet::new();
        for e in c.events.iter().chain(&c.hidden) {
            for p in &e.parts {
                assert!(seen.insert(p.clone()), "part {p} twice");
            }
        }
        assert_eq!(seen.len(), parts.len());
    }
}

const CHILD_ENV: &str = "LINIMASA_ATOMIC_CHILD";

/// A file version the child writes: `v<N> <len>\n` + payload + blake3 hex of both. Whole or detectably torn.
fn version(n: u64) -> Vec<u8> {
    let payload: Vec<u8> = (0..(50_000 + (n % 7) * 40_000))
        .map(|i| b'a' + ((i + n) % 26) as u8)
        .collect();
    let mut out = format!("v{n} {}\n", payload.len()).into_bytes();
    out.extend_from_slice(&payload);
    let hash = blake3::hash(&out).to_hex().to_string();
    out.extend_from_slice(hash.as_bytes());
    out
}

fn is_whole(bytes: &[u8]) -> bool {
    if bytes.len() < 64 {
        return false;
    }
    let (body, hash) = bytes.split_at(bytes.len() - 64);
    blake3::hash(body).to_hex().as_bytes() == hash
}

/// Not a test on its own: run by `atomic_writes_survive_sigkill` in a child process, it writes new versions of
/// an export and of a curation overlay until it is killed.
#[test]
fn atomic_writer_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let mut n = 1u64;
    loop {
        let _ = linimasa::export::write_atomic(&dir.join("export.png"), &version(n));
        let overlay = linimasa::curation::Overlay {
            edits: (0..(n % 50))
                .map(|i| linimasa::curation::Edit {
                    target: format!("{i:016x}"),
                    target_title: "x".repeat(200),
                    at: n.to_string(),
                    op: linimasa::curation::Op::Hide,
                })
                .collect(),
            ..Default::default()
        };
        let _ = linimasa::curation::store::save(&dir.join("linimasa-curation.json"), &overlay);
        n += 1;
    }
}

#[cfg(unix)]
#[test]
fn atomic_writes_survive_sigkill() {
    use linimasa::curation::store::{Loaded, load};
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export.png");
    let overlay = dir.path().join("linimasa-curation.json");
    let exe = std::env::current_exe().unwrap();
    let mut rng = linimasa::synth::Rng::new(42);
    let mut checked = 0;
    for _ in 0..40 {
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "robust::atomic_writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20 + rng.below(120) as u64));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if export.exists() {
            let bytes = std::fs::read(&export).unwrap();
            assert!(
                is_whole(&bytes),
                "torn export after SIGKILL ({} bytes)",
                bytes.len()
            );
            checked += 1;
        }
        if overlay.exists() {
            assert!(
                matches!(load(&overlay), Loaded::Ok(_)),
                "torn overlay after SIGKILL"
            );
        }
    }
    assert!(
        checked > 20,
        "the child wrote too rarely to test anything ({checked})"
    );
}

/// Every input a fuzzer ever crashed on (tests/fuzz_regressions/<target>/) runs through the code its target
/// drives, in this debug build with overflow checks on.
#[test]
fn fuzz_crashes_stay_fixed() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for target in std::fs::read_dir(&root).unwrap() {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().to_string();
        for case in std::fs::read_dir(&target).unwrap() {
            let bytes = std::fs::read(case.unwrap().path()).unwrap();
            n += 1;
            match name.as_str() {
                "dates" | "quotes" | "extract" => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    for f in find_dates(&text) {
                        let _ = resolve(&f.raw, f.future, &Anchors::default());
                    }
                    let mut a = article(text);
                    let _ = linimasa::extract::extract_article(&a);
                    // Again with a publication date, so relative dates ("3 pekan lalu") resolve.
                    a.meta.date = Some("2019-06-20".into());
                    let _ = linimasa::extract::extract_article(&a);
                }
                format => {
                    let f = match format {
                        "format_json" => Format::Json,
                        "format_jsonl" => Format::JsonLines,
                        "format_csv" => Format::Csv,
                        _ => Format::Text,
                    };
                    if let Ok(text) = decode_bytes(&bytes) {
                        let _ = parse_records(f, &text, Path::new("x"), "x");
                        let _ = linimasa::corpus::formats::event_rows(f, &text, "x");
                    }
                }
            }
        }
    }
    assert!(n > 0);
}
