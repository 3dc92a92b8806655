//! Image export: sizes, well-formed SVG, golden image, atomic writes and clear errors.

use linimasa::corpus::LoadOptions;
use linimasa::export::{to_png, to_svg, write_image};
use linimasa::pipeline::extract_paths;
use linimasa::scene::{Scene, SceneOptions, Shape, build};
use linimasa::theme::ThemeKind;
use linimasa::timeline::view::TimeView;
use resvg::tiny_skia::Pixmap;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample_scene(width: f32, theme: ThemeKind) -> Scene {
    let (x, _) = extract_paths(&[root().join("sample_data")], &LoadOptions::default());
    let shown = vec![true; x.events.len()];
    let opts = SceneOptions {
        width,
        theme,
        title: Some("Southeast Asian cyber diplomacy, 2015–2023".into()),
        legend: true,
        footer: Some("18 events — generated 2026-01-01".into()),
        ..Default::default()
    };
    build(
        &x.events,
        &shown,
        linimasa::export::full_range_view(&x.events, &shown),
        &opts,
    )
}

#[test]
fn png_has_the_size_asked_for() {
    let scene = sample_scene(3000.0, ThemeKind::Light);
    for scale in [1.0f32, 2.0] {
        let png = to_png(&scene, scale).expect("renders");
        let img = Pixmap::decode_png(&png).expect("decodes");
        assert_eq!(img.width(), (3000.0 * scale) as u32);
        assert_eq!(img.height(), (scene.height * scale).round() as u32);
    }
}

#[test]
fn svg_is_well_formed_with_every_label() {
    let scene = sample_scene(3000.0, ThemeKind::Dark);
    let svg = to_svg(&scene);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let texts: Vec<String> = doc
        .descendants()
        // Text is set as glyph outlines in a group named by the text.
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| n.attribute("aria-label").map(str::to_string))
        .collect();
    for year in 2015..=2023 {
        assert!(texts.contains(&year.to_string()), "year {year} missing");
    }
    let mut n_labels = 0;
    for s in &scene.shapes {
        if let Shape::Text { text, .. } = s {
            assert!(texts.contains(text), "{text} missing from the SVG");
            n_labels += 1;
        }
    }
    assert!(n_labels > 20);
    // Every event drawn has its (possibly shortened) title as a label or is in a labelled cluster.
    assert!(!scene.drawn_events.is_empty());
}

#[test]
fn golden_image_of_the_bundled_corpus() {
    let scene = sample_scene(1600.0, ThemeKind::Light);
    let png = to_png(&scene, 1.0).expect("renders");
    let golden_path = root().join("tests/golden/sample_full_1600.png");
    if std::env::var_os("LINIMASA_BLESS").is_some()
        || !golden_path.exists() && std::env::var_os("CI").is_none()
    {
        linimasa::export::write_atomic(&golden_path, &png).expect("bless");
    }
    let golden = Pixmap::decode_png(&std::fs::read(&golden_path).expect("golden image present"))
        .expect("golden decodes");
    let now = Pixmap::decode_png(&png).expect("decodes");
    assert_eq!(
        (now.width(), now.height()),
        (golden.width(), golden.height())
    );
    let (a, b) = (now.data(), golden.data());
    let differing = a
        .chunks(4)
        .zip(b.chunks(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 40))
        .count();
    let total = (now.width() * now.height()) as usize;
    assert!(
        differing * 1000 < total * 5,
        "{differing} of {total} pixels differ (run with LINIMASA_BLESS=1 after an intended change)"
    );
}

#[test]
fn bad_paths_give_clear_errors_and_leave_nothing() {
    let scene = sample_scene(800.0, ThemeKind::Light);
    let dir = tempfile::tempdir().expect("tempdir");
    let e = write_image(&scene, &dir.path().join("out.jpg"), 1.0).expect_err("jpg is refused");
    assert!(e.to_string().contains(".png, .svg or .pdf"), "{e}");
    let e = write_image(&scene, &dir.path().join("no/such/folder/out.png"), 1.0)
        .expect_err("missing folder");
    assert!(e.to_string().contains("could not write"), "{e}");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("ls").count(),
        0,
        "no partial file left"
    );
    // An existing file is replaced whole.
    let p = dir.path().join("t.svg");
    std::fs::write(&p, "old").expect("write");
    write_image(&scene, &p, 1.0).expect("writes");
    assert!(
        std::fs::read_to_string(&p)
            .expect("read")
            .starts_with("<svg")
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
}

#[test]
fn cli_export_works_without_a_display() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("t.png");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .args(["export"])
        .arg(root().join("sample_data"))
        .arg("-o")
        .arg(&out)
        .args([
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
            "--width",
            "1200",
            "--scale",
            "2",
            "--lanes",
            "country",
            "--theme",
            "dark",
            "--title",
            "2018",
        ])
        .output()
        .expect("runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let img = Pixmap::decode_png(&std::fs::read(&out).expect("written")).expect("decodes");
    assert_eq!(img.width(), 2400);
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args(["export"])
        .arg(root().join("sample_data"))
        .arg("-o")
        .arg(dir.path().join("x.gif"))
        .output()
        .expect("runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".png, .svg or .pdf"));
}

#[test]
fn zoomed_view_keeps_events_in_place() {
    // The same event sits at the x its date gives, in the export of a narrow window.
    let (x, _) = extract_paths(&[root().join("sample_data")], &LoadOptions::default());
    let shown = vec![true; x.events.len()];
    let view = TimeView::new(
        linimasa::timeline::ymd(2018, 4, 1).unwrap(),
        linimasa::timeline::ymd(2018, 5, 15).unwrap(),
    );
    let scene = build(
        &x.events,
        &shown,
        view,
        &SceneOptions {
            width: 1500.0,
            ..Default::default()
        },
    );
    let axis = linimasa::timeline::axis::Axis::new(
        view,
        scene.time_rect[0] as f64,
        (scene.time_rect[2] - scene.time_rect[0]) as f64,
    );
    for hit in &scene.hits {
        // Events whose year is unknown sit in the tray below the lanes, not at a date.
        if let linimasa::scene::HitTarget::Event(i) = hit.target
            && !linimasa::timeline::index::is_year_unknown(&x.events[i])
            && x.events[i].date.start >= linimasa::timeline::date_of(view.start)
        {
            let x0 =
                axis.x_from_time(linimasa::timeline::day_number(x.events[i].date.start)) as f32;
            // A month or year only: its label may share the period's bracket with others, along it.
            let coarse = x.events[i].date.precision != linimasa::model::Precision::Day;
            let x1 =
                axis.x_from_time(linimasa::timeline::day_number(x.events[i].date.end) + 1.0) as f32;
            assert!(
                (hit.rect[0] - x0).abs() < 12.0 || coarse && hit.rect[0] > x0 && hit.rect[0] < x1,
                "{} at {} expected {x0}",
                x.events[i].title,
                hit.rect[0]
            );
        }
    }
}

/// A record's address names its outlet (from the outlet table, else the domain) and travels with the event to
/// the citation and to every data export.
#[test]
fn a_records_address_gives_the_outlet_and_reaches_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let records = serde_json::json!([
        {"url": "https://nasional.kompas.com/read/2023/05/05/16081371/ktt-asean", "title": "Indonesia Bawa Isu Online Scam ke KTT ASEAN",
         "text": "Menteri Luar Negeri Retno Marsudi menyebutkan Indonesia akan mengangkat isu online scam dalam KTT ke-42 ASEAN di Labuan Bajo. Hal ini diungkapkan Retno dalam konferensi pers di Jakarta, Jumat (5/5/2023)."},
        {"url": "https://www.kabarsiber-contoh.id/berita/123", "title": "BSSN Gelar Latihan Siber Bersama Negara ASEAN",
         "text": "Badan Siber dan Sandi Negara menggelar latihan siber bersama negara ASEAN di Jakarta, Kamis (20/6/2019), yang diikuti sepuluh negara anggota dan Jepang."}
    ]);
    std::fs::write(dir.path().join("records.json"), records.to_string()).unwrap();
    let (x, _) = linimasa::pipeline::extract_paths(
        &[dir.path().to_path_buf()],
        &linimasa::corpus::LoadOptions::default(),
    );
    let outlet_of = |needle: &str| {
        x.articles
            .iter()
            .find(|a| a.url.as_deref().is_some_and(|u| u.contains(needle)))
            .and_then(|a| a.outlet.clone())
    };
    assert_eq!(outlet_of("kompas").as_deref(), Some("Kompas.com"));
    assert_eq!(
        outlet_of("kabarsiber").as_deref(),
        Some("kabarsiber-contoh.id")
    );
    let ev = x
        .events
        .iter()
        .find(|e| {
            e.sources
                .iter()
                .any(|s| s.url.as_deref().is_some_and(|u| u.contains("kompas")))
        })
        .expect("the Kompas article's event");
    let cite = linimasa::ui::detail_panel::citation(ev, 0);
    assert!(
        cite.contains("https://nasional.kompas.com/read/2023/05/05/16081371/ktt-asean"),
        "{cite}"
    );
    let csv_text = linimasa::export::data::to_csv(&x.events).unwrap();
    assert!(
        csv_text.contains("https://www.kabarsiber-contoh.id/berita/123"),
        "{csv_text}"
    );
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    for col in ["id", "certainty", "display_date", "urls"] {
        assert!(headers.iter().any(|h| h == col), "{headers:?}");
    }
    let tl = linimasa::export::data::to_timelinejs(&x.events, "T").to_string();
    assert!(
        tl.contains("href=\\\"https://nasional.kompas.com/read/2023/05/05/16081371/ktt-asean\\\""),
        "{tl}"
    );
    assert!(tl.contains("display_date"), "{tl}");
    let json = serde_json::to_string(&x).unwrap();
    assert!(json.contains("kabarsiber-contoh.id/berita/123"));
}

#[test]
fn slide_preset_writes_a_readable_1920_by_1080_png_pdf_and_svg() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    for ext in ["png", "svg", "pdf"] {
        let out = dir.path().join(format!("slide.{ext}"));
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_linimasa"))
            .args(["export"])
            .arg(root().join("sample_data"))
            .arg("-o")
            .arg(&out)
            .args(["--preset", "slide", "--title", "Cyber diplomacy"])
            .output()
            .expect("runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let bytes = std::fs::read(&out).expect("written");
        let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o644,
            "{ext}: the usual permissions, not a temp file's"
        );
        match ext {
            "png" => {
                let img = Pixmap::decode_png(&bytes).expect("decodes");
                assert_eq!((img.width(), img.height()), (1920, 1080));
            }
            "svg" => {
                let svg = String::from_utf8(bytes).expect("utf-8");
                let doc = roxmltree::Document::parse(&svg).expect("well-formed");
                let root_el = doc.root_element();
                assert_eq!(root_el.attribute("width"), Some("1920"));
                assert_eq!(root_el.attribute("height"), Some("1080"));
                // Text is outlines (no font needed to read it), named by the text itself.
                assert!(!doc.descendants().any(|n| n.has_tag_name("text")));
                let title = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("g"))
                    .filter_map(|n| n.attribute("aria-label"))
                    .any(|t| t == "Cyber diplomacy");
                assert!(title, "the title is in the SVG");
                // Text at least 1/60 of the height: every glyph group is scaled to ≥ 18 px.
                assert!(svg.contains("<use"));
            }
            _ => {
                // The PDF parses: one page of 16:9, drawn by its content stream (vector shapes and glyph outlines,
                // some 1.7 MB for the bundled corpus).
                let doc = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
                let pages = doc.get_pages();
                assert_eq!(pages.len(), 1);
                let page = *pages.values().next().expect("a page");
                let media = doc
                    .get_object(page)
                    .and_then(|o| o.as_dict())
                    .and_then(|d| d.get(b"MediaBox"))
                    .and_then(|m| m.as_array())
                    .expect("a MediaBox")
                    .iter()
                    .map(|v| v.as_float().expect("a number"))
                    .collect::<Vec<f32>>();
                assert_eq!(media.len(), 4);
                let (w, h) = (media[2] - media[0], media[3] - media[1]);
                assert!((w / h - 16.0 / 9.0).abs() < 0.01, "{media:?}");
                let content = doc.get_page_content(page);
                assert!(content.len() > 10_000, "a page of {} bytes", content.len());
            }
        }
    }
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .args(["export"])
        .arg(root().join("sample_data"))
        .arg("-o")
        .arg(dir.path().join("x.png"))
        .args(["--preset", "poster"])
        .output()
        .expect("runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("use slide, a4 or wide"));
}

/// Runs `linimasa export sample_data -o DIR/out.svg ARGS…` (the command's own code, in-process: the binary's
/// path is shared with other builds) and returns every text of the SVG (each kept as the `aria-label` of its
/// glyph group), in painting order. ARGS are `--preset`, `--from` and `--to` with their values.
fn exported_svg_texts(args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.svg");
    let value = |flag: &str| {
        args.iter()
            .position(|a| *a == flag)
            .map(|k| args[k + 1].to_string())
    };
    let export = linimasa::cli::ExportArgs {
        paths: vec![root().join("sample_data")],
        output: out.clone(),
        from: value("--from"),
        to: value("--to"),
        width: 3000,
        scale: 1.0,
        lanes: "forum".into(),
        theme: "light".into(),
        title: value("--title"),
        no_legend: false,
        preset: value("--preset"),
    };
    let mut err = Vec::new();
    let code =
        linimasa::cli::run_export(&export, &LoadOptions::default(), &mut err).expect("exports");
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    let svg = std::fs::read_to_string(&out).expect("written");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    doc.descendants()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| n.attribute("aria-label").map(str::to_string))
        .collect()
}

fn bundled_events() -> Vec<linimasa::model::Event> {
    extract_paths(&[root().join("sample_data")], &LoadOptions::default())
        .0
        .events
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The footer an export of `[from, to]` must carry, counted here from the events themselves.
fn expected_footer(events: &[linimasa::model::Event], from: &str, to: &str) -> (usize, String) {
    let (from, to) = (day(from), day(to));
    let inside: Vec<_> = events
        .iter()
        .filter(|e| e.date.start <= to && e.date.end >= from)
        .collect();
    let mut articles: Vec<&str> = inside
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.article_id.as_str()))
        .collect();
    articles.sort();
    articles.dedup();
    let mut outlets: Vec<String> = inside.iter().flat_map(|e| e.outlets()).collect();
    outlets.sort();
    outlets.dedup();
    (
        inside.len(),
        format!(
            "{} events from {} articles, {} outlets — generated {}",
            inside.len(),
            articles.len(),
            outlets.len(),
            chrono::Local::now().date_naive().format("%Y-%m-%d")
        ),
    )
}

/// A ranged export names its range, counts only what it draws, and keeps the year-unknown events shown in it.
#[test]
fn a_ranged_export_names_its_range_and_counts_only_its_events() {
    let events = bundled_events();
    // The whole corpus: the first and last months of the events articles report (an event only mentioned in
    // passing does not stretch the range), not the padded view.
    let reported = || events.iter().filter(|e| !e.mentioned_only);
    let first = reported().map(|e| e.date.start).min().unwrap();
    let last = reported().map(|e| e.date.end).max().unwrap();
    let texts = exported_svg_texts(&["--preset", "slide"]);
    let whole = format!("{} – {}", first.format("%b %Y"), last.format("%b %Y"));
    use chrono::Datelike;
    // Within the years a timeline of the field can hold (no plan's 2045, no founding 1967 as an event).
    assert!(
        first.year() >= 2000 && last.year() <= 2030,
        "{whole}: an event dated outside the field's years"
    );
    // (An event only mentioned, within the view's margin after the last, may end the range a month later.)
    let next_month = (last + chrono::Duration::days(31))
        .format("%b %Y")
        .to_string();
    let later = format!("{} – {next_month}", first.format("%b %Y"));
    assert!(
        texts.contains(&whole) || texts.contains(&later),
        "{whole} not in {texts:?}"
    );
    assert!(!texts.iter().any(|t| t == "2005 – 2026"), "{texts:?}");
    let (_, footer) = expected_footer(
        &events,
        &first.format("%Y-%m-%d").to_string(),
        &last.format("%Y-%m-%d").to_string(),
    );
    assert!(texts.contains(&footer), "{footer} not in {texts:?}");

    // 2018: the exact days asked for; the footer counts the 2018 events, their articles and outlets.
    let texts = exported_svg_texts(&[
        "--preset",
        "slide",
        "--from",
        "2018-01-01",
        "--to",
        "2018-12-31",
    ]);
    assert!(
        texts.iter().any(|t| t == "1 Jan 2018 – 31 Dec 2018"),
        "{texts:?}"
    );
    let (n, footer) = expected_footer(&events, "2018-01-01", "2018-12-31");
    assert!(n >= 10 && n < events.len() / 2, "{n}");
    assert!(texts.contains(&footer), "{footer} not in {texts:?}");
    // The tray lists the year-unknown events placed in 2018, and is drawn only when there are some.
    let (from, to) = (day("2018-01-01"), day("2018-12-31"));
    let unknown_2018 = events
        .iter()
        .filter(|e| linimasa::timeline::index::is_year_unknown(e))
        .filter(|e| e.date.start <= to && e.date.end >= from)
        .count();
    let tray = texts.iter().find(|t| t.starts_with("Year unknown"));
    match unknown_2018 {
        0 => assert!(tray.is_none(), "no year-unknown event in 2018: {texts:?}"),
        n => assert_eq!(
            tray.map(String::as_str),
            Some(format!("Year unknown ({n})").as_str())
        ),
    }

    // 2017 holds two of the year-unknown events (shown at 2017): the tray lists exactly those.
    let texts = exported_svg_texts(&["--from", "2017-01-01", "--to", "2017-12-31"]);
    let unknown: Vec<_> = events
        .iter()
        .filter(|e| linimasa::timeline::index::is_year_unknown(e))
        .collect();
    let in_2017: Vec<_> = unknown
        .iter()
        .filter(|e| e.date.start <= day("2017-12-31") && e.date.end >= day("2017-01-01"))
        .collect();
    assert!(in_2017.len() >= 2 && in_2017.len() < unknown.len());
    assert!(
        texts.contains(&format!("Year unknown ({})", in_2017.len())),
        "{texts:?}"
    );
    let chips: Vec<&String> = texts.iter().filter(|t| t.contains(" · ")).collect();
    assert_eq!(chips.len(), in_2017.len(), "{chips:?}");
    for e in &in_2017 {
        // Each chip whole: its day, month and full title.
        let chip = format!("{}{}", e.date.start.format("%-d %b · "), e.title);
        assert!(chips.contains(&&chip), "{chip} missing from {chips:?}");
    }
    let (_, footer) = expected_footer(&events, "2017-01-01", "2017-12-31");
    assert!(texts.contains(&footer), "{footer} not in {texts:?}");
}

/// A slide of one year of the bundled corpus, with or without a title, draws every event of the year with its
/// whole title: lanes stack rows until the 1080 px are used, and a label goes to the side of its marker with room
/// instead of being cut.
#[test]
fn a_slide_of_2018_draws_every_label_in_full() {
    let events = bundled_events();
    for title in [None, Some("Southeast Asian cyber diplomacy, 2018")] {
        let mut args = vec![
            "--preset",
            "slide",
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
        ];
        args.extend(title.iter().flat_map(|t| ["--title", *t]));
        every_label_in_full(&events, &exported_svg_texts(&args));
    }
}

/// Every event of 2018 has its title drawn whole in `texts` (an SVG's texts), and nothing is cut.
fn every_label_in_full(events: &[linimasa::model::Event], texts: &[String]) {
    let (from, to) = (day("2018-01-01"), day("2018-12-31"));
    let in_2018: Vec<&linimasa::model::Event> = events
        .iter()
        .filter(|e| e.date.start <= to && e.date.end >= from)
        .collect();
    assert!(in_2018.len() >= 15, "{}", in_2018.len());
    let mut left: Vec<&String> = texts.iter().collect();
    let mut wrapped = 0;
    let mut not_whole: Vec<&str> = Vec::new();
    for e in &in_2018 {
        // Each event's title drawn once, whole (titles that repeat are drawn as often as they repeat): on one
        // line, or on two (a label with room on neither side of its marker), drawn one after the other.
        if let Some(k) = left.iter().position(|t| **t == e.title) {
            left.remove(k);
            continue;
        }
        // An event whose year nobody knows is a chip of the tray below: its day, month and whole title.
        let chip = format!("{}{}", e.date.start.format("%-d %b · "), e.title);
        if linimasa::timeline::index::is_year_unknown(e)
            && let Some(k) = left.iter().position(|t| **t == chip)
        {
            left.remove(k);
            continue;
        }
        let two = (0..left.len().saturating_sub(1))
            .find(|&k| format!("{} {}", left[k], left[k + 1]) == e.title);
        match two {
            Some(k) => {
                left.drain(k..k + 2);
                wrapped += 1;
            }
            None => not_whole.push(e.title.as_str()),
        }
    }
    assert!(wrapped <= 3, "{wrapped} labels wrapped");
    // A busy year (the bundled sets hold 54 events of 2018, a sixth of them bars of a whole year; those of one
    // lane share a row) fills the 1080 px: the page gives its lanes the overview's band and then rows of one and a
    // quarter lines, so that every title is drawn whole, none as a marker alone or in a cluster. (Before, 15 of 48
    // were cut.) What is not a title (the legend, axis, lanes, counts and footer) is never cut either.
    assert!(
        not_whole.is_empty(),
        "not drawn in full: {not_whole:?} of {} in {texts:?}",
        in_2018.len()
    );
    let cut: Vec<&&String> = left.iter().filter(|t| t.ends_with('…')).collect();
    assert!(cut.is_empty(), "cut labels: {cut:?}");
}

/// A slide keeps its 1920×1080 when its lanes cannot all fit (a lane per country of 2018): the lanes with fewest
/// events in the year are drawn as one lane that says how many it stands for, and every event of the year is
/// still on the page, drawn or in a cluster.
#[test]
fn a_slide_with_more_lanes_than_fit_groups_the_smallest_and_keeps_its_size() {
    let events = bundled_events();
    let shown = vec![true; events.len()];
    let (from, to) = (day("2018-01-01"), day("2018-12-31"));
    let (t0, t1) = (
        linimasa::timeline::day_number(from),
        linimasa::timeline::day_number(to) + 1.0,
    );
    let view = TimeView::exact(t0, t1).expect("a range");
    let mode = linimasa::timeline::lanes::LaneMode::Country;
    let mut opts = linimasa::export::export_options(
        1920.0,
        ThemeKind::Light,
        mode,
        None,
        true,
        &events,
        &shown,
        view,
        (Some(t0), Some(t1 - 1.0)),
    );
    let (w, h, zoom) = linimasa::cli::preset_size("slide").expect("a preset");
    opts.width = w;
    opts.height = Some(h);
    opts.zoom = zoom;
    let scene = build(&events, &shown, view, &opts);
    assert!(scene.height <= h + 0.5, "{} px tall", scene.height);
    let in_2018: Vec<usize> = (0..events.len())
        .filter(|&i| events[i].date.start <= to && events[i].date.end >= from)
        .collect();
    let mut countries: Vec<String> = in_2018
        .iter()
        .flat_map(|&i| linimasa::timeline::lanes::lane_keys(&events[i], mode))
        .collect();
    countries.sort();
    countries.dedup();
    let grouped: Vec<_> = scene.lanes.iter().filter(|l| l.lanes > 1).collect();
    assert_eq!(grouped.len(), 1, "{:?}", scene.lanes);
    let group = grouped[0];
    assert_eq!(
        scene.lanes.last(),
        Some(group),
        "the group is the last lane"
    );
    assert_eq!(group.key, format!("{} other lanes", group.lanes));
    assert_eq!(scene.lanes.len() - 1 + group.lanes, countries.len());
    // Each kept lane holds at least as many of the year's events as any lane grouped.
    let count = |key: &str| {
        in_2018
            .iter()
            .filter(|&&i| {
                linimasa::timeline::lanes::lane_keys(&events[i], mode)
                    .iter()
                    .any(|k| k == key)
            })
            .count()
    };
    let kept: Vec<&str> = scene.lanes[..scene.lanes.len() - 1]
        .iter()
        .map(|l| l.key.as_str())
        .collect();
    let least_kept = kept.iter().map(|k| count(k)).min().unwrap_or(0);
    for c in countries.iter().filter(|c| !kept.contains(&c.as_str())) {
        assert!(
            count(c) <= least_kept,
            "{c} ({}) grouped, a lane of {least_kept} kept",
            count(c)
        );
    }
    // Every event of the year is on the page: drawn, or counted in a cluster.
    let mut reached: Vec<usize> = Vec::new();
    let mut counted = 0;
    for hit in &scene.hits {
        match &hit.target {
            linimasa::scene::HitTarget::Event(i) => reached.push(*i),
            linimasa::scene::HitTarget::Cluster { count, .. } => counted += count,
        }
    }
    reached.sort();
    reached.dedup();
    let missing = in_2018.iter().filter(|i| !reached.contains(i)).count();
    assert!(
        missing <= counted,
        "{missing} events of 2018 neither drawn nor in a cluster"
    );
}

/// Corroboration counts outlets, not copies: in the CSV (`article_count`, `outlet_count`) and the TimelineJS
/// text of every bundled event, and an event with two articles of one outlet counts that outlet once.
#[test]
fn corroboration_counts_distinct_outlets_and_shows_articles() {
    let events = bundled_events();
    let csv_text = linimasa::export::data::to_csv(&events).unwrap();
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let h = r.headers().unwrap().clone();
    let at = |name: &str| h.iter().position(|c| c == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), events.len());
    let tl = linimasa::export::data::to_timelinejs(&events, "T");
    let slides = tl["events"].as_array().unwrap();
    let mut repeated_outlet = 0;
    for ((e, row), slide) in events.iter().zip(&rows).zip(slides) {
        let mut articles: Vec<&str> = e.sources.iter().map(|s| s.article_id.as_str()).collect();
        articles.sort();
        articles.dedup();
        let mut outlets: Vec<&str> = e
            .sources
            .iter()
            .filter_map(|s| s.outlet.as_deref())
            .collect();
        let with_outlet = outlets.len();
        outlets.sort();
        outlets.dedup();
        if outlets.len() < with_outlet {
            repeated_outlet += 1;
        }
        assert_eq!(row[at("article_count")], articles.len().to_string());
        assert_eq!(row[at("outlet_count")], outlets.len().to_string());
        let text = slide["text"]["text"].as_str().unwrap();
        let words = match outlets.len() {
            0 => format!("{} article", articles.len()),
            o => format!("from {o} outlet"),
        };
        assert!(text.contains(&words), "{words} not in {text}");
    }
    assert!(
        repeated_outlet >= 2,
        "the bundled corpus has events with two articles of one outlet"
    );
    // The 32nd ASEAN Summit: two Media Indonesia articles among seven sources count as one outlet.
    let summit = events
        .iter()
        .find(|e| e.title == "32nd ASEAN Summit, Singapore")
        .unwrap();
    let mi = summit
        .sources
        .iter()
        .filter(|s| s.outlet.as_deref() == Some("Media Indonesia"))
        .count();
    assert_eq!(mi, 2);
    let outlets: std::collections::BTreeSet<&str> = summit
        .sources
        .iter()
        .filter_map(|s| s.outlet.as_deref())
        .collect();
    assert!(outlets.len() < summit.sources.len(), "{outlets:?}");
    assert_eq!(
        summit.corroboration(),
        (summit.sources.len(), outlets.len())
    );
    assert_eq!(
        summit.corroboration_text(),
        format!(
            "{} articles from {} outlets",
            summit.sources.len(),
            outlets.len()
        )
    );
}

/// Every TimelineJS slide says its date as the detail pane does and gives each source's address (its web
/// address, else its file); every CSV row has the event's stable id and one file and one address place per
/// source.
#[test]
fn data_exports_carry_display_dates_ids_and_every_sources_address() {
    let events = bundled_events();
    let again = bundled_events();
    let tl = linimasa::export::data::to_timelinejs(&events, "T");
    let slides = tl["events"].as_array().unwrap();
    assert_eq!(slides.len(), events.len());
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    };
    let mut by_file = 0;
    for (e, slide) in events.iter().zip(slides) {
        assert_eq!(
            slide["display_date"].as_str().unwrap(),
            esc(&linimasa::model::date_text(&e.date))
        );
        let text = slide["text"]["text"].as_str().unwrap();
        for s in &e.sources {
            let address = match &s.url {
                Some(u) => esc(u),
                None => {
                    by_file += 1;
                    esc(&s.file)
                }
            };
            assert!(
                text.contains(&address),
                "{address} missing from “{}”: {text}",
                e.title
            );
        }
    }
    assert!(by_file > 0, "some bundled articles have no web address");
    let year_unknown = events
        .iter()
        .zip(slides)
        .find(|(e, _)| linimasa::timeline::index::is_year_unknown(e))
        .unwrap();
    assert!(
        year_unknown.1["display_date"]
            .as_str()
            .unwrap()
            .contains("year unknown"),
        "{}",
        year_unknown.1
    );

    let csv_text = linimasa::export::data::to_csv(&events).unwrap();
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let h = r.headers().unwrap().clone();
    let at = |name: &str| h.iter().position(|c| c == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let mut ids = std::collections::HashSet::new();
    for ((e, row), e2) in events.iter().zip(&rows).zip(&again) {
        assert_eq!(&row[at("id")], e.id.as_str());
        assert_eq!(e.id, e2.id, "the id is the same on every load");
        assert!(ids.insert(e.id.clone()), "ids are unique");
        let files: Vec<&str> = row[at("sources")].split("; ").collect();
        let urls: Vec<&str> = row[at("urls")].split("; ").collect();
        assert_eq!(files.len(), e.sources.len());
        assert_eq!(urls.len(), e.sources.len());
        for ((s, f), u) in e.sources.iter().zip(&files).zip(&urls) {
            assert_eq!(*f, s.file);
            assert_eq!(*u, s.url.as_deref().unwrap_or(""));
        }
    }
}

/// The scene `linimasa export sample_data --preset NAME [--from F --to T]` draws, built as the command builds it.
fn preset_scene(
    events: &[linimasa::model::Event],
    preset: &str,
    range: Option<(&str, &str)>,
) -> Scene {
    let shown = vec![true; events.len()];
    let (view, exact) = match range {
        Some((f, t)) => {
            let (f, t) = (
                linimasa::timeline::day_number(day(f)),
                linimasa::timeline::day_number(day(t)),
            );
            (TimeView::exact(f, t + 1.0).unwrap(), (Some(f), Some(t)))
        }
        None => (
            linimasa::export::full_range_view(events, &shown),
            (None, None),
        ),
    };
    let (w, h, zoom) = linimasa::cli::preset_size(preset).unwrap();
    let mut opts = linimasa::export::export_options(
        w,
        ThemeKind::Light,
        linimasa::timeline::lanes::LaneMode::Forum,
        None,
        true,
        events,
        &shown,
        view,
        exact,
    );
    opts.width = w;
    opts.height = Some(h);
    opts.zoom = zoom;
    build(events, &shown, view, &opts)
}

#[test]
fn no_preset_page_draws_an_empty_lane_or_a_label_or_marker_over_another() {
    // Every page a user is likely to make of the bundled corpus: the whole range and each year, on a slide, an A4
    // page and a wide slide. The page keeps its size, every lane drawn has something in the range, and what each
    // event or cluster draws (its hit area: marker and label as drawn) meets no other's.
    let events = bundled_events();
    let years: Vec<(String, String)> = (2015..=2023)
        .map(|y| (format!("{y}-01-01"), format!("{y}-12-31")))
        .collect();
    for preset in ["slide", "a4", "wide"] {
        let (w, h, _) = linimasa::cli::preset_size(preset).unwrap();
        let ranges =
            std::iter::once(None).chain(years.iter().map(|(f, t)| Some((f.as_str(), t.as_str()))));
        for range in ranges {
            let s = preset_scene(&events, preset, range);
            assert_eq!((s.width, s.height), (w, h), "{preset} {range:?}");
            // Only lanes with something in the range: each lane drawn holds an event or a cluster.
            for lane in &s.lanes {
                let mid = |r: &[f32; 4]| (r[1] + r[3]) / 2.0;
                assert!(
                    s.hits
                        .iter()
                        .any(|hit| mid(&hit.rect) > lane.top && mid(&hit.rect) < lane.bottom),
                    "{preset} {range:?}: lane {} is empty",
                    lane.key
                );
            }
            for (k, a) in s.hits.iter().enumerate() {
                for b in &s.hits[k + 1..] {
                    let (p, q) = (a.rect, b.rect);
                    let apart = p[2] <= q[0] + 0.5
                        || q[2] <= p[0] + 0.5
                        || p[3] <= q[1] + 0.5
                        || q[3] <= p[1] + 0.5;
                    assert!(apart, "{preset} {range:?}: {a:?} meets {b:?}");
                }
            }
        }
    }
}
