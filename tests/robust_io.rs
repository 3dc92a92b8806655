//! Issue 21: nothing hangs, nothing goes stale, no edit is lost. Exports escaped for their readers, honest
//! ranges and dates, decoding that loses nothing silently, reads that cannot block, a verified cache, one
//! article per distinct text.

use linimasa::corpus::LoadOptions;
use linimasa::model::Event;
use linimasa::pipeline::extract_paths;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample_events() -> Vec<Event> {
    let (x, _) = extract_paths(&[root().join("sample_data")], &LoadOptions::default());
    assert!(!x.events.is_empty());
    x.events
}

#[test]
fn csv_export_escapes_formula_cells() {
    let mut e = sample_events().swap_remove(0);
    e.title = "=HYPERLINK(\"http://evil\",\"x\")".into();
    e.forum = Some("+cmd|' /C calc'!A0".into());
    e.location = Some("-2+3".into());
    e.note = Some("@SUM(1,1)".into());
    e.countries = vec!["\tIndonesia".into()];
    e.people = vec!["\rRetno".into()];
    let csv = linimasa::export::data::to_csv(std::slice::from_ref(&e)).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let row = r.records().next().unwrap().unwrap();
    for cell in row.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet would run: {cell:?}"
        );
    }
    assert_eq!(&row[3], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(&row[4], "'+cmd|' /C calc'!A0");
    assert_eq!(&row[5], "'-2+3");
    assert_eq!(&row[12], "'@SUM(1,1)");
    // Linimasa reads its own export back as it was.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("events.csv");
    std::fs::write(&f, &csv).unwrap();
    let (x, _) = extract_paths(&[f], &LoadOptions::default());
    assert_eq!(x.events.len(), 1, "{:?}", x.skipped);
    assert_eq!(x.events[0].title, e.title);
    assert_eq!(x.events[0].location, e.location);
}

#[test]
fn timelinejs_export_escapes_every_string() {
    let mut e = sample_events().swap_remove(0);
    let xss = "<img src=x onerror=alert('x')>";
    e.title = xss.into();
    e.forum_kind = xss.into();
    e.note = Some(xss.into());
    e.curated = vec![xss.into()];
    e.id = xss.into();
    if let Some(s) = e.sources.first_mut() {
        s.outlet = Some(xss.into());
        s.title = Some(xss.into());
    }
    let v = linimasa::export::data::to_timelinejs(std::slice::from_ref(&e), xss);
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    strings(&v, &mut all);
    for s in &all {
        assert!(!s.contains("<img"), "unescaped markup: {s}");
        assert!(!s.contains('\''), "unescaped quote: {s}");
    }
    assert_eq!(
        v["events"][0]["group"],
        "&lt;img src=x onerror=alert(&#39;x&#39;)&gt;"
    );
}

fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_linimasa"));
    c.env("LINIMASA_NO_CACHE", "1");
    c
}

fn svg_years(svg: &str) -> Vec<i32> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| n.attribute("aria-label")?.trim().parse::<i32>().ok())
        .filter(|y| (1000..3000).contains(y))
        .collect()
}

#[test]
fn export_range_is_what_was_asked_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.svg");
    let run = bin()
        .arg("export")
        .arg(root().join("sample_data"))
        .arg("-o")
        .arg(&out)
        .args(["--from", "1900-01-01", "--to", "2100-12-31"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let years = svg_years(&std::fs::read_to_string(&out).unwrap());
    assert!(years.contains(&1900), "{years:?}");
    assert!(years.iter().any(|&y| y >= 2090), "{years:?}");
    // Longer than an image can show: a clear error, no image narrowed in silence.
    let out2 = dir.path().join("u.svg");
    let run = bin()
        .arg("export")
        .arg(root().join("sample_data"))
        .arg("-o")
        .arg(&out2)
        .args(["--from", "1500-01-01", "--to", "2100-12-31"])
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("years"), "{err}");
    assert!(!out2.exists());
}

#[test]
fn write_errors_name_their_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    std::fs::create_dir(&out).unwrap();
    let run = bin()
        .arg("export")
        .arg(root().join("sample_data"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

#[test]
fn dates_outside_1900_to_2100_and_backward_ranges_are_refused_with_a_reason() {
    use linimasa::model::DateSpan;
    for bad in ["0000", "0001-01-01", "1899-12", "2101", "2736-04-28"] {
        let e = DateSpan::parse(bad).unwrap_err();
        assert!(e.contains("1900"), "{bad}: {e}");
    }
    assert!(DateSpan::parse("1900").is_ok() && DateSpan::parse("2100-12-31").is_ok());
    // An events table: a year-0 row and a row that ends before it starts are reported, not taken.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("events.csv"),
        "date,end_date,title\n0000-01-01,,Year zero\n2019-06-22,2019-06-01,Backwards\n2019-06-22,2019-06-23,Fine\n",
    )
    .unwrap();
    let (x, _) = extract_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    let titles: Vec<&str> = x.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, vec!["Fine"]);
    let reasons: Vec<&str> = x.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("row 2") && r.contains("1900")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("row 3") && r.contains("before")),
        "{reasons:?}"
    );
    // A curation file with a year-0 date or a backward range: the edits are unapplied with the reason.
    let (x, _) = extract_paths(&[root().join("sample_data")], &LoadOptions::default());
    let e = &x.events[0];
    let target = e.parts.first().unwrap_or(&e.id).clone();
    let edit = |start: &str, end: &str| {
        serde_json::json!({"target": target, "at": "2026-01-01T00:00:00Z", "op": "set_date",
            "date": {"start": start, "end": end, "precision": "day", "certainty": "stated"}})
    };
    let overlay = serde_json::json!({"format": "linimasa-curation", "version": 1,
        "edits": [edit("0000-01-01", "0000-01-01"), edit("2019-06-22", "2019-06-01")]});
    let bad: linimasa::curation::Overlay = serde_json::from_value(overlay).unwrap();
    let curated = linimasa::curation::apply(&x.events, &[], &bad.edits);
    assert_eq!(curated.unapplied.len(), 2, "{:?}", curated.unapplied);
    assert!(curated.unapplied[0].reason.contains("1900"));
    assert!(curated.unapplied[1].reason.contains("before"));
    assert!(
        curated
            .events
            .iter()
            .all(|e| e.date.start.format("%Y").to_string() != "0000")
    );
}

#[test]
fn odd_file_names_are_shown_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"caf\xE9 \x1b[31mred.png");
    std::fs::write(dir.path().join(bad), b"\x89PNG\r\n\x1a\n....").unwrap();
    let (x, _) = extract_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    let names: Vec<&str> = x.skipped.iter().map(|s| s.file.as_str()).collect();
    assert!(names.contains(&"caf\\xE9 \\u{1b}[31mred.png"), "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| !n.contains('\u{1b}') && !n.contains('\u{fffd}'))
    );
}

fn load_dir(dir: &std::path::Path) -> linimasa::pipeline::Extraction {
    extract_paths(&[dir.to_path_buf()], &LoadOptions::default()).0
}

fn reasons_for<'a>(x: &'a linimasa::pipeline::Extraction, file: &str) -> Vec<&'a str> {
    x.skipped
        .iter()
        .filter(|s| s.file == file)
        .map(|s| s.reason.as_str())
        .collect()
}

#[test]
fn one_bad_byte_in_utf8_is_replaced_with_a_note_not_read_as_1252() {
    let mut bytes = "Jakarta — Menlu berkata, “Kita harus bekerja sama” pada Sabtu (28/4/2018).\n"
        .as_bytes()
        .to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(" Selesai.\n".as_bytes());
    let (text, note) = linimasa::corpus::decode::decode_noting(bytes.clone()).unwrap();
    assert!(text.contains("“Kita harus bekerja sama”"), "{text}");
    assert!(text.contains('\u{fffd}'));
    assert!(note.unwrap().contains("1 byte sequence"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), &bytes).unwrap();
    let x = load_dir(dir.path());
    assert_eq!(x.articles.len(), 1);
    assert!(
        reasons_for(&x, "a.txt")
            .iter()
            .any(|r| r.contains("not UTF-8"))
    );
    // A file that is clearly Windows-1252 is still read as such, with no note.
    let (t, note) =
        linimasa::corpus::decode::decode_noting(b"\x93Caf\xE9\x94 kata dia".to_vec()).unwrap();
    assert_eq!(t, "“Café” kata dia");
    assert!(note.is_none());
}

#[test]
fn binary_after_the_first_block_or_after_a_bom_is_refused() {
    use linimasa::corpus::{DecodeError, decode_bytes};
    let mut seed = 7u64;
    let mut random = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8 | 1 // no NUL: only the control bytes tell
            })
            .collect()
    };
    let mut late = "Jakarta, berita.\n".repeat(1000).into_bytes();
    late.extend(random(200_000));
    assert!(matches!(decode_bytes(&late), Err(DecodeError::Binary(_))));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(random(20_000));
    assert!(matches!(decode_bytes(&bom), Err(DecodeError::Binary(_))));
    let mut nul_late = "Jakarta, berita.\n".repeat(1000).into_bytes();
    nul_late.extend([0u8; 4]);
    nul_late.extend("lagi\n".as_bytes());
    assert!(matches!(
        decode_bytes(&nul_late),
        Err(DecodeError::Binary(_))
    ));
}

#[test]
fn utf16_without_a_bom_is_read() {
    let text = "Jakarta — Menlu Retno Marsudi berkata pada Sabtu (28/4/2018).\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(linimasa::corpus::decode_bytes(&le).unwrap(), text);
    assert_eq!(linimasa::corpus::decode_bytes(&be).unwrap(), text);
}

#[test]
fn every_dropped_record_is_counted_in_problems() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("a.jsonl"),
        "{\"title\":\"A\",\"maintext\":\"satu\"}\n{bad\n{\"title\":\"no text\"}\n{\"maintext\":\"dua\"}\n",
    )
    .unwrap();
    std::fs::write(
        p.join("b.json"),
        "[{\"title\":\"A\",\"maintext\":\"satu\"},{\"title\":\"B\"},{\"title\":\"C\"}]",
    )
    .unwrap();
    std::fs::write(p.join("c.csv"), "title,text\nA,satu\nB,\nC,  \nD,empat\n").unwrap();
    std::fs::write(
        p.join("events.csv"),
        "date,title,location\n2019-06-22,\"Summit, Bangkok\n2019-06-23,Second,Bangkok\n2019-06-24,Third,Bangkok\n",
    )
    .unwrap();
    let x = load_dir(p);
    let a = reasons_for(&x, "a.jsonl").join(" | ");
    assert!(a.contains("1 of 4 lines left out: malformed JSON"), "{a}");
    assert!(a.contains("1 of 4 lines left out: no text (line 3)"), "{a}");
    let b = reasons_for(&x, "b.json").join(" | ");
    assert!(b.contains("2 of 3 JSON items left out"), "{b}");
    let c = reasons_for(&x, "c.csv").join(" | ");
    assert!(c.contains("rows 3, 4 left out: empty text"), "{c}");
    let e = reasons_for(&x, "events.csv").join(" | ");
    assert!(e.contains("row 2") && e.contains("quote left"), "{e}");
}

fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Runs `f` on a thread of its own and fails (instead of hanging) when it has not finished within 20 s.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(20))
        .expect("hung on a read that blocks")
}

#[test]
fn a_fifo_in_the_corpus_or_as_the_curation_file_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().to_path_buf();
    std::fs::write(
        p.join("a.txt"),
        "Jakarta — Menlu berkata pada Sabtu (28/4/2018).",
    )
    .unwrap();
    mkfifo(&p.join("b.txt"));
    mkfifo(&p.join(linimasa::curation::store::FILE_NAME));
    // A file replaced by a FIFO after the folder was listed: read as listed.
    let found = linimasa::corpus::FoundFile {
        path: p.join("b.txt"),
        display: "b.txt".into(),
    };
    let reason = within_seconds(move || {
        linimasa::corpus::read_file(&found, &LoadOptions::default()).map(|_| ())
    })
    .unwrap_err();
    assert!(
        reason.contains("not a regular file (a named pipe)"),
        "{reason}"
    );
    // The whole folder, with the curation file a FIFO: loads, and says why the curation was not applied.
    let q = p.clone();
    let x = within_seconds(move || extract_paths(&[q], &LoadOptions::default()).0);
    assert_eq!(x.articles.len(), 1);
    let all: Vec<String> = x
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.file, s.reason))
        .collect();
    assert!(
        all.iter()
            .any(|r| r.contains("curation") && r.contains("named pipe")),
        "{all:?}"
    );
    // The overlay store itself.
    let c = p.join(linimasa::curation::store::FILE_NAME);
    let loaded = within_seconds(move || linimasa::curation::store::load(&c));
    assert!(
        matches!(loaded, linimasa::curation::store::Loaded::Damaged(ref r) if r.contains("named pipe"))
    );
}

#[test]
fn a_link_to_an_endless_device_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join(linimasa::curation::store::FILE_NAME);
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let loaded = within_seconds(move || linimasa::curation::store::load(&link));
    assert!(
        matches!(loaded, linimasa::curation::store::Loaded::Damaged(ref r) if r.contains("device"))
    );
}

fn with_cache(dir: &std::path::Path) -> LoadOptions {
    LoadOptions {
        cache_dir: Some(dir.to_path_buf()),
        ..LoadOptions::default()
    }
}

fn extraction_json(inputs: &[PathBuf], opts: &LoadOptions) -> String {
    let (x, _) = extract_paths(inputs, opts);
    linimasa::pipeline::ingest::flush_cache_writes();
    serde_json::to_string(&x).unwrap()
}

fn cache_file_in(dir: &std::path::Path) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("extract-"))
        })
        .expect("a cache file")
}

#[test]
fn cache_bit_flips_are_detected_or_harmless() {
    let inputs = vec![root().join("sample_data")];
    let want = extraction_json(&inputs, &LoadOptions::default());
    let cache = tempfile::tempdir().unwrap();
    let opts = with_cache(cache.path());
    assert_eq!(extraction_json(&inputs, &opts), want);
    let file = cache_file_in(cache.path());
    let good = std::fs::read(&file).unwrap();
    let mut seed = 0x2101u64;
    for flip in 0..100 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut bad = good.clone();
        let at = (seed % bad.len() as u64) as usize;
        bad[at] ^= 1 << ((seed >> 40) % 8);
        std::fs::write(&file, &bad).unwrap();
        let got = extraction_json(&inputs, &opts);
        assert!(got == want, "flip {flip} at byte {at} changed the output");
        std::fs::write(&file, &good).unwrap();
    }
}

#[test]
fn cache_sees_an_edit_that_keeps_size_and_time_and_the_file_size_limit() {
    let corpus = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let f = corpus.path().join("a.txt");
    let text = |d: &str| {
        format!(
            "Jakarta — KTT ASEAN ke-32 digelar di Singapura pada Sabtu ({d}/4/2018), kata Menlu.\n"
        )
    };
    std::fs::write(&f, text("28")).unwrap();
    let inputs = vec![corpus.path().to_path_buf()];
    let opts = with_cache(cache.path());
    let first = extraction_json(&inputs, &opts);
    let mtime = std::fs::metadata(&f).unwrap().modified().unwrap();
    std::fs::write(&f, text("27")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&f)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(std::fs::metadata(&f).unwrap().modified().unwrap(), mtime);
    let second = extraction_json(&inputs, &opts);
    assert_ne!(first, second, "the edit was not seen");
    assert_eq!(second, extraction_json(&inputs, &LoadOptions::default()));
    // The size limit applies to cached files, both ways, and a refused read is not remembered.
    let tiny = LoadOptions {
        max_file_bytes: 10,
        ..opts.clone()
    };
    let (x, _) = extract_paths(&inputs, &tiny);
    linimasa::pipeline::ingest::flush_cache_writes();
    assert!(x.articles.is_empty());
    assert!(
        x.skipped.iter().any(|s| s.reason.contains("too large")),
        "{:?}",
        x.skipped
    );
    let (x, _) = extract_paths(&inputs, &opts);
    assert_eq!(x.articles.len(), 1, "{:?}", x.skipped);
}

#[test]
fn identical_texts_in_several_files_are_one_article_with_its_copies_listed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Jakarta — KTT ASEAN ke-32 digelar di Singapura pada Sabtu (28/4/2018). \
                Menlu Retno Marsudi berkata, “Kita harus bekerja sama di ranah siber,” katanya.\n";
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let x = load_dir(dir.path());
    assert_eq!(x.articles.len(), 1);
    assert_eq!(x.events.len(), 1);
    let id = &x.articles[0].id;
    assert_eq!(
        x.copies.get(id),
        Some(&vec!["b.txt".to_string(), "c.txt".to_string()])
    );
    assert_eq!(x.events[0].sources.len(), 1);
    // The detail pane says where else the text is.
    let path = dir.path().to_path_buf();
    let mut h = app(linimasa::ui::StartOptions {
        paths: vec![path],
        screenshot: None,
        load_now: true,
        fresh: true,
        load: Default::default(),
        config_dir: None,
    });
    h.run_steps(3);
    h.state_mut().selected = Some(0);
    h.run_steps(3);
    use egui_kittest::kittest::Queryable;
    h.get_by_label_contains("also in: b.txt, c.txt");
}

#[test]
fn json_article_text_has_the_line_limit_of_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let long = "kata ".repeat(300_000); // 1.5 MB on one line
    let items = serde_json::json!([
        {"title": "A", "maintext": long},
        {"title": "B", "maintext": "Jakarta — berita biasa.\nBaris kedua."}
    ]);
    std::fs::write(dir.path().join("a.json"), items.to_string()).unwrap();
    std::fs::write(
        dir.path().join("b.json"),
        serde_json::json!({"title": "C", "maintext": long}).to_string(),
    )
    .unwrap();
    let x = load_dir(dir.path());
    assert_eq!(x.articles.len(), 1);
    let a = reasons_for(&x, "a.json").join(" | ");
    assert!(
        a.contains("1 of 2 records left out") && a.contains("per line"),
        "{a}"
    );
    let b = reasons_for(&x, "b.json").join(" | ");
    assert!(b.contains("per line"), "{b}");
}

#[test]
fn the_corpus_size_limit_is_checked_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Jakarta — berita pertama.\n").unwrap();
    // A file past the corpus limit is refused by its listed size, before it is opened: the reason is the
    // corpus limit, not what reading it would have found (over the per-file limit too).
    std::fs::write(dir.path().join("b.txt"), "x".repeat(3 * 1024 * 1024)).unwrap();
    let opts = LoadOptions {
        max_total_bytes: 1024 * 1024,
        max_file_bytes: 2 * 1024 * 1024,
        ..LoadOptions::default()
    };
    let got = linimasa::pipeline::ingest::ingest(
        &[dir.path().to_path_buf()],
        &opts,
        false,
        &|_, _| true,
        &mut |_| {},
    );
    assert_eq!(got.articles.len(), 1);
    let b: Vec<&str> = got
        .skipped
        .iter()
        .filter(|s| s.file == "b.txt")
        .map(|s| s.reason.as_str())
        .collect();
    assert_eq!(b.len(), 1, "{b:?}");
    assert!(b[0].contains("corpus size limit"), "{b:?}");
    // Nothing past the limit was read: the bytes read stay within it.
    assert!(got.bytes <= opts.max_total_bytes);
}

#[test]
fn two_windows_saving_one_curation_file_keep_both_edits() {
    use linimasa::curation::{Op, store};
    let dir = tempfile::tempdir().unwrap();
    fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for f in std::fs::read_dir(from).unwrap() {
            let f = f.unwrap().path();
            let target = to.join(f.file_name().unwrap());
            if f.is_dir() {
                copy_dir(&f, &target);
            } else {
                std::fs::copy(&f, &target).unwrap();
            }
        }
    }
    copy_dir(&root().join("sample_data"), dir.path());
    let open = |path: PathBuf| {
        let mut h = app(linimasa::ui::StartOptions {
            paths: vec![path],
            screenshot: None,
            load_now: true,
            fresh: true,
            load: Default::default(),
            config_dir: None,
        });
        h.run_steps(3);
        h
    };
    let mut a = open(dir.path().to_path_buf());
    let mut b = open(dir.path().to_path_buf());
    let e0 = a.state().data.events[0].clone();
    let e1 = b.state().data.events[1].clone();
    a.state_mut().curate(
        &e0,
        vec![Op::SetTitle {
            title: "From window A".into(),
        }],
    );
    b.state_mut().curate(
        &e1,
        vec![Op::SetTitle {
            title: "From window B".into(),
        }],
    );
    let store::Loaded::Ok(saved) = store::load(&dir.path().join(store::FILE_NAME)) else {
        panic!("not saved")
    };
    let titles: Vec<String> = saved
        .edits
        .iter()
        .filter_map(|e| match &e.op {
            Op::SetTitle { title } => Some(title.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(titles, vec!["From window A", "From window B"]);
    // Window B now shows A's edit too.
    assert!(
        b.state()
            .data
            .events
            .iter()
            .any(|e| e.title == "From window A")
    );
}

#[test]
fn orphan_temporary_files_are_cleaned_on_open() {
    use linimasa::curation::store;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::FILE_NAME);
    let old = dir.path().join(format!(".{}.abc123.tmp", store::FILE_NAME));
    let fresh = dir.path().join(format!(".{}.def456.tmp", store::FILE_NAME));
    let other = dir.path().join(".notes.txt.abc123.tmp");
    // Named like ours, but not as the atomic writer names its temporary files (six random letters or digits).
    let near = dir
        .path()
        .join(format!(".{}.my-backup.tmp", store::FILE_NAME));
    let near2 = dir.path().join(format!(".{}.abc12.tmp", store::FILE_NAME));
    let folder = dir.path().join(format!(".{}.zzz999.tmp", store::FILE_NAME));
    for p in [&old, &fresh, &other, &near, &near2] {
        std::fs::write(p, b"partial").unwrap();
    }
    std::fs::create_dir(&folder).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&old, &other, &near, &near2] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    let _ = store::load(&path);
    assert!(
        !old.exists(),
        "an old temporary file of the curation file is removed"
    );
    assert!(fresh.exists(), "a write in progress is left alone");
    assert!(other.exists(), "another program's file is left alone");
    assert!(
        near.exists() && near2.exists(),
        "a name not of the atomic writer is left alone"
    );
    assert!(folder.is_dir(), "a folder is left alone");
    // The real writer's temporary names are the ones cleaned.
    let probe = tempfile::Builder::new()
        .prefix(&format!(".{}.", store::FILE_NAME))
        .suffix(".tmp")
        .tempfile_in(dir.path())
        .unwrap();
    let probe = probe.into_temp_path().keep().unwrap();
    std::fs::File::options()
        .write(true)
        .open(&probe)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let _ = store::load(&path);
    assert!(!probe.exists(), "{}", probe.display());
}

#[test]
fn orphan_temporary_files_of_the_cache_are_cleaned_on_open() {
    let cache = tempfile::tempdir().unwrap();
    let inputs = vec![root().join("sample_data")];
    let opts = with_cache(cache.path());
    extraction_json(&inputs, &opts);
    let file = cache_file_in(cache.path());
    let orphan = cache.path().join(format!(
        ".{}.abc123.tmp",
        file.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&orphan, b"partial").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&orphan)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    extraction_json(&inputs, &opts);
    assert!(!orphan.exists());
}

/// Waits for a child process for at most 20 s (killing it and failing if it hangs), giving its output.
fn output_within_seconds(mut cmd: std::process::Command) -> std::process::Output {
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(20)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .arg("-9")
                .arg(id.to_string())
                .status();
            panic!("linimasa hung on a read that blocks");
        }
    }
}

fn cache_files_in(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                (n.starts_with("extract-") || n.starts_with("events-")) && n.ends_with(".mpk")
            })
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_fifo_as_the_settings_file_or_a_cache_file_never_blocks() {
    use std::os::unix::fs::FileTypeExt;
    let inputs = vec![root().join("sample_data")];
    let cache = tempfile::tempdir().unwrap();
    let opts = with_cache(cache.path());
    // Both caches written once (the extraction cache and the GUI's merged events), then replaced by FIFOs.
    let want = linimasa::ui::app::Data::load(&inputs, &opts);
    linimasa::pipeline::ingest::flush_cache_writes();
    let caches = cache_files_in(cache.path());
    assert_eq!(caches.len(), 2, "{caches:?}");
    let fifos = |files: &[PathBuf]| {
        for f in files {
            std::fs::remove_file(f).unwrap();
            mkfifo(f);
        }
    };
    fifos(&caches);
    let config = tempfile::tempdir().unwrap();
    let settings = config.path().join("settings.json");
    mkfifo(&settings);

    // The app: starts, loads the corpus, lists why the settings and the cache were not used, and goes on:
    // its next settings save and cache writes replace the FIFOs with regular files.
    let (cfg, paths, o) = (config.path().to_path_buf(), inputs.clone(), opts.clone());
    let (events, problems, status) = within_seconds(move || {
        let mut h = app(linimasa::ui::StartOptions {
            paths,
            load_now: true,
            fresh: false,
            load: o,
            config_dir: Some(cfg),
            ..Default::default()
        });
        h.run_steps(4);
        h.state_mut().save_settings(None);
        linimasa::pipeline::ingest::flush_cache_writes();
        let app = h.state();
        let problems: Vec<String> = app
            .problems()
            .iter()
            .map(|s| format!("{}: {}", s.file, s.reason))
            .collect();
        (app.data.events.len(), problems, app.status.clone())
    });
    assert_eq!(events, want.events.len(), "{status}");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("settings.json") && p.contains("named pipe")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("extraction cache") && p.contains("named pipe")),
        "{problems:?}"
    );
    assert!(std::fs::metadata(&settings).unwrap().is_file());
    for f in &caches {
        assert!(std::fs::metadata(f).unwrap().is_file(), "{}", f.display());
    }

    // `linimasa extract` with its cache file a FIFO: ends, with the same events as without a cache, and says
    // why the cache was not used.
    let no_cache = bin()
        .args(["extract", "--format", "json"])
        .arg(&inputs[0])
        .output()
        .unwrap();
    assert!(no_cache.status.success());
    let extract_cache: Vec<PathBuf> = caches
        .iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("extract-")
        })
        .cloned()
        .collect();
    fifos(&extract_cache);
    assert!(
        std::fs::metadata(&extract_cache[0])
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_linimasa"));
    cmd.env("LINIMASA_CACHE_DIR", cache.path())
        .args(["extract", "--format", "json"])
        .arg(&inputs[0]);
    let out = output_within_seconds(cmd);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("extraction cache") && stderr.contains("named pipe"),
        "{stderr}"
    );
    let events = |o: &std::process::Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["events"].clone()
    };
    assert_eq!(events(&out), events(&no_cache));
}

/// About `bytes` bytes of news text: dates in several forms, places, forums and quotes, over and over.
fn long_article(bytes: usize) -> String {
    const LINES: [&str; 6] = [
        "JAKARTA, KOMPAS.com — Menteri Luar Negeri Retno Marsudi bertemu Menlu Singapura Vivian Balakrishnan di Jakarta, Kamis (24/8/2023).\n",
        "“Kerja sama keamanan siber ASEAN harus diperkuat,” kata Retno dalam konferensi pers di Gedung Pancasila.\n",
        "Pertemuan ASEAN Regional Forum (ARF) ke-25 digelar di Singapura pada 4 Agustus 2018.\n",
        "Sebelumnya, delegasi Indonesia menghadiri KTT ASEAN ke-32 di Singapura, Sabtu (28/4/2018).\n",
        "Menurut Kepala BSSN Hinsa Siburian, serangan siber ke Indonesia meningkat sejak Januari 2020.\n",
        "“Kami siap bekerja sama dengan Malaysia dan Thailand,” ujar Hinsa di Bandung, Senin (3/2/2020).\n",
    ];
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(LINES[i % LINES.len()]);
        i += 1;
    }
    out
}

#[test]
fn cancelling_the_load_of_one_huge_article_returns_promptly() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("huge.txt"), long_article(20 * 1024 * 1024)).unwrap();
    let cancel = Arc::new(AtomicBool::new(false));
    let asked = Arc::new(AtomicUsize::new(0));
    let (c, a, inputs) = (
        cancel.clone(),
        asked.clone(),
        vec![dir.path().to_path_buf()],
    );
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let got = linimasa::pipeline::ingest::ingest(
            &inputs,
            &LoadOptions::default(),
            false,
            &|_, _| {
                a.fetch_add(1, Ordering::Relaxed);
                !c.load(Ordering::Relaxed)
            },
            &mut |_| {},
        );
        let _ = tx.send((got.cancelled, got.articles.len(), got.skipped.len()));
    });
    // The file listed and being read and extracted (one article of 20 MB takes far longer than this in a debug
    // build); then cancelled.
    let t = std::time::Instant::now();
    while asked.load(Ordering::Relaxed) == 0 && t.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_secs(2));
    cancel.store(true, Ordering::Relaxed);
    // A hang is what this catches (the article alone takes minutes in a debug build): the bound leaves room for a
    // loaded machine running the other tests beside it (a run of the whole suite on 2 cores once took longer than 20 s).
    let (cancelled, articles, skipped) = rx
        .recv_timeout(std::time::Duration::from_secs(45))
        .expect("the load of one huge article did not return after it was cancelled");
    assert!(cancelled, "the result says it was cancelled");
    assert_eq!(
        (articles, skipped),
        (0, 0),
        "the unfinished article is left out"
    );
    // Asked inside the article, not only between files.
    assert!(asked.load(Ordering::Relaxed) > 1);
}

#[test]
fn edits_that_cannot_be_saved_beside_the_corpus_go_to_a_fallback_file_and_say_where() {
    use linimasa::curation::{Op, store};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in std::fs::read_dir(root().join("sample_data/dev"))
        .unwrap()
        .take(6)
    {
        let f = f.unwrap().path();
        std::fs::copy(&f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    let config = tempfile::tempdir().unwrap();
    let (path, cfg) = (corpus.clone(), config.path().to_path_buf());
    let mut h = app(linimasa::ui::StartOptions {
        paths: vec![path],
        load_now: true,
        fresh: true,
        config_dir: Some(cfg),
        ..Default::default()
    });
    h.run_steps(3);
    assert!(!h.state().data.events.is_empty());
    // The folder made read-only. Root writes there all the same: then the curation file is put where no one
    // can write it (under a regular file).
    std::fs::set_permissions(&corpus, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = corpus.join(".probe");
    if std::fs::write(&probe, b"x").is_ok() {
        println!(
            "chmod 0555 does not stop this user's writes (root): the curation path is put under a regular file"
        );
        std::fs::remove_file(&probe).unwrap();
        std::fs::set_permissions(&corpus, std::fs::Permissions::from_mode(0o755)).unwrap();
        let blocker = corpus.join("not-a-folder.txt");
        std::fs::write(&blocker, b"x").unwrap();
        h.state_mut().data.overlay_path = Some(blocker.join(store::FILE_NAME));
    }
    let e0 = h.state().data.events[0].clone();
    h.state_mut().curate(
        &e0,
        vec![Op::SetTitle {
            title: "Kept elsewhere".into(),
        }],
    );
    h.run_steps(2);
    let fallback_dir = config.path().join("unsaved-edits");
    let files: Vec<PathBuf> = std::fs::read_dir(&fallback_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let fallback = &files[0];
    let shown = fallback.display().to_string();
    // The status line and the Problems panel say the save failed and where the edits are.
    let status = h.state().status.clone();
    assert!(
        status.contains("not saved") && status.contains(&shown),
        "{status}"
    );
    let problems: Vec<String> = h
        .state()
        .problems()
        .iter()
        .map(|s| format!("{}: {}", s.file, s.reason))
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(store::FILE_NAME) && p.contains(&shown)),
        "{problems:?}"
    );
    let titles = |p: &std::path::Path| -> Vec<String> {
        let store::Loaded::Ok(o) = store::load(p) else {
            panic!("no overlay at {}", p.display())
        };
        o.edits
            .iter()
            .filter_map(|e| match &e.op {
                Op::SetTitle { title } => Some(title.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(titles(fallback), vec!["Kept elsewhere"]);
    // A second edit joins it; quitting with the edits still not beside the corpus keeps them all there.
    let e1 = h.state().data.events[1].clone();
    h.state_mut().curate(
        &e1,
        vec![Op::SetTitle {
            title: "Also kept".into(),
        }],
    );
    std::fs::remove_file(fallback).unwrap();
    assert!(h.state().unsaved_edits());
    eframe::App::on_exit(h.state_mut(), None);
    assert_eq!(titles(fallback), vec!["Kept elsewhere", "Also kept"]);
    assert!(!corpus.join(store::FILE_NAME).exists());
    std::fs::set_permissions(&corpus, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Once the folder can be written again, the next save puts every edit beside the corpus and the problem goes.
    let overlay_path = h.state().data.overlay_path.clone().unwrap();
    let blocker = corpus.join("not-a-folder.txt");
    if blocker.is_file() {
        std::fs::remove_file(&blocker).unwrap();
        std::fs::create_dir(&blocker).unwrap();
    }
    h.state_mut().save_overlay();
    assert_eq!(titles(&overlay_path), vec!["Kept elsewhere", "Also kept"]);
    assert!(!h.state().unsaved_edits());
    assert!(
        !h.state()
            .problems()
            .iter()
            .any(|p| p.reason.contains(&shown))
    );
    assert!(
        !fallback.exists(),
        "the fallback file, now in the curation file, is removed"
    );
}

#[test]
fn edits_of_an_earlier_session_in_the_fallback_file_are_applied_and_never_overwritten() {
    use linimasa::curation::{Op, store};
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in std::fs::read_dir(root().join("sample_data/dev"))
        .unwrap()
        .take(4)
    {
        let f = f.unwrap().path();
        std::fs::copy(&f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    let config = tempfile::tempdir().unwrap();
    // The curation path is put where nothing can be written (under a regular file, which stops root too).
    let blocker = corpus.join("not-a-folder.txt");
    std::fs::write(&blocker, b"x").unwrap();
    let session = |title: Option<&str>| {
        let (path, cfg) = (corpus.clone(), config.path().to_path_buf());
        let mut h = app(linimasa::ui::StartOptions {
            paths: vec![path],
            load_now: true,
            fresh: true,
            config_dir: Some(cfg),
            ..Default::default()
        });
        h.run_steps(2);
        // The data set again with its curation path where nothing can be written, as if opened so.
        let mut data = std::mem::take(&mut h.state_mut().data);
        data.overlay_path = Some(blocker.join(store::FILE_NAME));
        h.state_mut().set_data(data);
        let fallback = h
            .state()
            .fallback_overlay_path(&blocker.join(store::FILE_NAME))
            .unwrap();
        let noted = h.state().problems().iter().any(|p| {
            p.file == "unsaved edits" && p.reason.contains(&fallback.display().to_string())
        });
        let shown: Vec<String> = h
            .state()
            .data
            .events
            .iter()
            .map(|e| e.title.clone())
            .collect();
        if let Some(title) = title {
            let e = h.state().data.events[0].clone();
            h.state_mut().curate(
                &e,
                vec![Op::SetTitle {
                    title: title.into(),
                }],
            );
        }
        eframe::App::on_exit(h.state_mut(), None);
        (noted, fallback, shown)
    };
    let (noted, fallback, shown) = session(Some("First session"));
    assert!(!noted, "nothing to note before any fallback was written");
    assert!(!shown.iter().any(|t| t == "First session"));
    let (noted, again, shown) = session(Some("Second session"));
    // The first session's edit is applied when the second opens the corpus.
    assert!(shown.iter().any(|t| t == "First session"), "{shown:?}");
    assert_eq!(fallback, again);
    let store::Loaded::Ok(o) = store::load(&fallback) else {
        panic!("no fallback at {}", fallback.display())
    };
    let titles: Vec<String> = o
        .edits
        .iter()
        .filter_map(|e| match &e.op {
            Op::SetTitle { title } => Some(title.clone()),
            _ => None,
        })
        .collect();
    assert!(
        noted,
        "the second session lists the first one's fallback file"
    );
    assert_eq!(titles, vec!["First session", "Second session"]);
    // Once the folder can be written, opening the corpus saves the earlier edits beside it and the fallback
    // file goes.
    std::fs::remove_file(&blocker).unwrap();
    std::fs::create_dir(&blocker).unwrap();
    let (_, _, shown) = session(None);
    assert!(shown.iter().any(|t| t == "Second session"), "{shown:?}");
    assert!(
        !fallback.exists(),
        "the fallback file is removed once its edits are saved"
    );
    let store::Loaded::Ok(beside) = store::load(&blocker.join(store::FILE_NAME)) else {
        panic!("the edits were not saved beside the corpus")
    };
    assert_eq!(beside.edits.len(), 2);
}

#[test]
fn closing_with_edits_saved_nowhere_asks_first() {
    use egui_kittest::kittest::Queryable;
    use linimasa::curation::Op;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in std::fs::read_dir(root().join("sample_data/dev"))
        .unwrap()
        .take(4)
    {
        let f = f.unwrap().path();
        std::fs::copy(&f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    // Neither the corpus's folder nor the user's folder can be written (both under a regular file).
    let blocker = dir.path().join("not-a-folder.txt");
    std::fs::write(&blocker, b"x").unwrap();
    let (path, cfg) = (corpus.clone(), blocker.join("config"));
    let mut h = app(linimasa::ui::StartOptions {
        paths: vec![path],
        load_now: true,
        fresh: true,
        config_dir: Some(cfg),
        ..Default::default()
    });
    h.run_steps(3);
    h.state_mut().data.overlay_path = Some(blocker.join(linimasa::curation::store::FILE_NAME));
    let e0 = h.state().data.events[0].clone();
    h.state_mut().curate(
        &e0,
        vec![Op::SetTitle {
            title: "Nowhere".into(),
        }],
    );
    assert!(h.state().edits_in_memory_only);
    assert!(
        h.state().status.contains("only in memory"),
        "{}",
        h.state().status
    );
    // Closing is held and the window asks; keeping it open, then quitting without saving, lets it close.
    assert!(h.state_mut().hold_close());
    h.run_steps(2);
    h.get_by_label("Keep the window open").click();
    h.run_steps(2);
    assert!(!h.state().quit_prompt);
    assert!(h.state_mut().hold_close());
    h.run_steps(2);
    h.get_by_label("Quit without saving").click();
    h.run_steps(2);
    assert!(!h.state_mut().hold_close());
}

/// The app in a 1400×860 headless window, started with `start`.
fn app(
    start: linimasa::ui::StartOptions,
) -> egui_kittest::Harness<'static, linimasa::ui::LinimasaApp> {
    egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 860.0))
        .build_eframe(move |cc| linimasa::ui::LinimasaApp::new(cc, start))
}
