//! Scale: a generated corpus loads with every article accounted for; the extraction cache re-uses unchanged
//! files, re-extracts changed ones and lives outside the corpus.

use linimasa::corpus::LoadOptions;
use linimasa::pipeline::ingest::ingest;
use std::path::PathBuf;

fn files_under(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_generated_10k_corpus_loads_with_every_article_accounted_for() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let code = linimasa::cli::run_gen_corpus(&dir, 10_000, 11, &mut std::io::sink()).unwrap();
    assert_eq!(code, 0);
    assert_eq!(files_under(&dir).len(), 10_000);
    // The same seed writes the same corpus.
    let again = tmp.path().join("again");
    linimasa::cli::run_gen_corpus(&again, 50, 11, &mut std::io::sink()).unwrap();
    for p in files_under(&again) {
        let rel = p.strip_prefix(&again).unwrap();
        assert_eq!(
            std::fs::read(&p).unwrap(),
            std::fs::read(dir.join(rel)).unwrap()
        );
    }
    // An existing non-empty folder is refused, untouched.
    assert_eq!(
        linimasa::cli::run_gen_corpus(&again, 5, 1, &mut std::io::sink()).unwrap(),
        2
    );

    let got = ingest(
        std::slice::from_ref(&dir),
        &LoadOptions::default(),
        false,
        &|_, _| true,
        &mut |_| {},
    );
    assert_eq!(got.files, 10_000);
    assert_eq!(
        got.articles.len() + got.skipped.len(),
        10_000,
        "{:?}",
        got.skipped.first()
    );
    assert!(got.skipped.is_empty());
    assert_eq!(got.facts.len(), got.articles.len());
    // Realistic text: nearly every generated article yields a dated event, a forum and quotes.
    let dated = got.facts.iter().filter(|f| f.event_span.is_some()).count();
    let quoted = got.facts.iter().filter(|f| !f.quotes.is_empty()).count();
    let forum = got.facts.iter().filter(|f| f.forum.is_some()).count();
    assert!(dated >= 9_500, "{dated} dated");
    assert!(quoted >= 9_500, "{quoted} with quotes");
    assert!(forum >= 9_000, "{forum} with a forum");
    let base = linimasa::pipeline::base_events(&got.facts, &got.event_rows);
    let sources: usize = base.events.iter().map(|e| e.sources.len()).sum();
    assert!(
        sources >= dated,
        "every dated article is a source of some event"
    );
}

#[test]
fn the_extraction_cache_reuses_unchanged_files_and_redoes_changed_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let cache = tmp.path().join("cache");
    linimasa::cli::run_gen_corpus(&dir, 300, 4, &mut std::io::sink()).unwrap();
    let before = files_under(&dir);
    let opts = LoadOptions {
        cache_dir: Some(cache.clone()),
        ..LoadOptions::default()
    };
    let run = || {
        ingest(
            std::slice::from_ref(&dir),
            &opts,
            false,
            &|_, _| true,
            &mut |_| {},
        )
    };
    let first = run();
    linimasa::pipeline::ingest::flush_cache_writes();
    assert_eq!(first.from_cache, 0);
    assert!(cache.read_dir().unwrap().count() >= 1, "cache written");
    let second = run();
    assert_eq!(second.from_cache, 300);
    assert_eq!(second.facts, first.facts);
    assert_eq!(second.articles, first.articles);

    // One article rewritten: only it is extracted again, and its new facts are used.
    let changed = &before[7];
    let text = std::fs::read_to_string(changed).unwrap();
    std::fs::write(
        changed,
        format!("{text}\n“Kalimat baru yang dikutip,” kata Wiranto.\n"),
    )
    .unwrap();
    let third = run();
    linimasa::pipeline::ingest::flush_cache_writes();
    assert_eq!(third.from_cache, 299);
    let idx = third
        .articles
        .iter()
        .position(|a| &a.path == changed)
        .unwrap();
    assert!(
        third.facts[idx]
            .quotes
            .iter()
            .any(|q| q.text.starts_with("Kalimat baru")),
        "{:?}",
        third.facts[idx].quotes
    );
    // A file touched without change is recognised by its content hash.
    let f = std::fs::File::options()
        .append(true)
        .open(&before[9])
        .unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    drop(f);
    linimasa::pipeline::ingest::flush_cache_writes();
    let fourth = run();
    assert_eq!(fourth.from_cache, 300);
    // Text is not kept, but can be read again.
    assert!(fourth.articles.iter().all(|a| a.text.is_empty()));
    let t = linimasa::pipeline::ingest::article_text(&fourth.articles[idx], &opts).unwrap();
    assert!(t.contains("Kalimat baru"));
    // A damaged cache is ignored (everything extracted again), never trusted and never fatal.
    linimasa::pipeline::ingest::flush_cache_writes();
    for f in files_under(&cache) {
        let mut bytes = std::fs::read(&f).unwrap();
        let n = bytes.len();
        bytes.truncate(n / 2);
        bytes.extend_from_slice(b"\xff\x00garbage");
        std::fs::write(&f, bytes).unwrap();
    }
    let fifth = run();
    assert_eq!(fifth.from_cache, 0);
    assert_eq!(fifth.facts, fourth.facts);
    // Nothing was written into the corpus.
    assert_eq!(files_under(&dir), before);
}

#[test]
fn a_cached_reopen_gives_the_same_timeline() {
    use linimasa::ui::app::Data;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    linimasa::cli::run_gen_corpus(&dir, 400, 8, &mut std::io::sink()).unwrap();
    let opts = LoadOptions {
        cache_dir: Some(tmp.path().join("cache")),
        ..LoadOptions::default()
    };
    let fresh = Data::load(std::slice::from_ref(&dir), &opts);
    linimasa::pipeline::ingest::flush_cache_writes();
    let again = Data::load(std::slice::from_ref(&dir), &opts);
    assert!(!fresh.events.is_empty());
    assert_eq!(again.events, fresh.events);
    assert_eq!(again.facts, fresh.facts);
    // A changed corpus is merged again, not served from the stale cache.
    std::fs::write(
        dir.join("extra.txt"),
        "KTT ASEAN ke-50 di Jakarta\n\nJakarta (ANTARA) - Para pemimpin ASEAN bertemu dalam KTT ASEAN ke-50 di \
         Jakarta pada 12 Mei 2030, membahas keamanan siber kawasan, perlindungan data, dan kerja sama \
         penegakan hukum lintas negara yang semakin penting bagi kawasan.\n",
    )
    .unwrap();
    linimasa::pipeline::ingest::flush_cache_writes();
    let changed = Data::load(std::slice::from_ref(&dir), &opts);
    assert_eq!(changed.articles.len(), fresh.articles.len() + 1);
    assert!(changed.events.iter().any(|e| e.title.contains("ke-50")));
}

#[test]
fn bench_json_has_exactly_the_documented_keys() {
    let r = linimasa::bench::Report {
        frame_ms: [("1000", 0.1), ("100000", 0.2), ("1000000", 0.3)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        ingest_mb_per_s: 1.0,
        export_png_ms: 2.0,
        big_article_s: 4.0,
        peak_rss_mb: 3.0,
    };
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "big_article_s",
            "export_png_ms",
            "frame_ms",
            "ingest_mb_per_s",
            "peak_rss_mb"
        ]
    );
    let mut frames: Vec<&str> = v["frame_ms"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    frames.sort();
    assert_eq!(frames, ["1000", "100000", "1000000"]);
    // The frame measurement itself runs headless (a small case here; `linimasa bench` does the real sizes).
    let ms = linimasa::bench::frame_ms(2_000, 3);
    assert!(ms > 0.0 && ms.is_finite());
}
