//! The `linimasa` binary's command-line behaviour.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_linimasa"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn extract_prints_articles_events_and_skipped() {
    let out = bin()
        .args(["extract"])
        .arg(root().join("sample_data"))
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let articles = v["articles"].as_array().expect("articles");
    let files = walk_txt(&root().join("sample_data"));
    assert!(files >= 17);
    assert_eq!(articles.len(), files);
    for field in [
        "file",
        "outlet",
        "language",
        "title",
        "event_date",
        "published_date",
        "location",
        "countries",
        "forum",
        "people",
        "quotes",
        "date_certainty",
        "dates",
    ] {
        assert!(
            articles.iter().all(|a| a.get(field).is_some()),
            "missing {field}"
        );
    }
    let q = &articles
        .iter()
        .find(|a| a["quotes"].as_array().is_some_and(|q| !q.is_empty()))
        .expect("a quote")["quotes"][0];
    for field in ["speaker", "text", "start", "end"] {
        assert!(q.get(field).is_some(), "quote lacks {field}");
    }
    assert!(v["events"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(v["skipped"].as_array().is_some());
}

#[test]
fn extract_with_nothing_loadable_fails_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    let out = bin().arg("extract").arg(dir.path()).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty.txt") && err.contains("empty file"),
        "{err}"
    );
    assert!(err.contains("no article could be loaded"), "{err}");
}

#[test]
fn eval_prints_scores_and_misses() {
    let out = bin()
        .arg("eval")
        .arg(root().join("sample_data/dev"))
        .arg("--gold")
        .arg(root().join("tests/gold/dev.json"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    for field in [
        "event date",
        "quote precision",
        "quote recall",
        "speaker",
        "outlet",
        "location",
    ] {
        assert!(s.contains(field), "{s}");
    }
    assert!(s.contains("misses:"), "{s}");
}

#[test]
fn extract_as_csv_and_timelinejs() {
    let csv_out = bin()
        .args(["extract"])
        .arg(root().join("sample_data"))
        .args(["--format", "csv"])
        .output()
        .expect("runs");
    assert!(csv_out.status.success());
    let mut r = csv::Reader::from_reader(csv_out.stdout.as_slice());
    assert_eq!(
        r.headers().expect("header").len(),
        linimasa::export::data::CSV_COLUMNS.len()
    );
    let rows = r.records().count();
    assert!(rows >= 10, "{rows} rows");
    let tl = bin()
        .args(["extract"])
        .arg(root().join("sample_data"))
        .args(["--format", "timelinejs"])
        .output()
        .expect("runs");
    assert!(tl.status.success());
    let v: serde_json::Value = serde_json::from_slice(&tl.stdout).expect("JSON");
    let events = v["events"].as_array().expect("events");
    assert_eq!(events.len(), rows);
    assert!(
        events
            .iter()
            .all(|e| e["start_date"]["year"].is_string() && e["text"]["headline"].is_string())
    );
    let bad = bin()
        .args(["extract"])
        .arg(root().join("sample_data"))
        .args(["--format", "xml"])
        .output()
        .expect("runs");
    assert!(!bad.status.success());
}

/// The number of `.txt` files under `dir`, at any depth.
fn walk_txt(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        walk_txt(&p)
                    } else {
                        usize::from(p.extension().is_some_and(|x| x == "txt"))
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

#[test]
fn a_window_size_or_theme_that_cannot_be_is_refused_before_any_window() {
    for args in [
        &["--window-size", "10x10"][..],
        &["--window-size", "1920by1080"],
        &["--theme", "blue"],
    ] {
        let out = bin().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("window-size") || err.contains("theme"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_slide_with_more_lanes_than_fit_keeps_its_size_and_says_which_lanes_it_grouped() {
    let dir = tempfile::tempdir().unwrap();
    let out_png = dir.path().join("countries.png");
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let out = bin()
        .args(["export", "--preset", "slide", "--lanes", "country", "-o"])
        .arg(&out_png)
        .arg(&sample)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let png = std::fs::read(&out_png).unwrap();
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!(w, 1920);
    // Dozens of country lanes cannot fit 1080 px at 18 px text: the slide keeps its size, the smallest lanes
    // are drawn as one, and the note says so.
    assert_eq!(h, 1080, "{w}×{h}");
    assert!(
        err.contains("lanes with fewest events in the range are drawn as one"),
        "{err}"
    );
}
