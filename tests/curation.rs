//! Curation and data exchange on a copy of the bundled corpus: edits saved to the overlay and re-applied on
//! reopening, vanished targets reported, damaged overlays kept aside, undo/redo in the app, hand-made events
//! (CSV, TimelineJS) read into a lane of their own, and Linimasa's own exports read back.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use linimasa::corpus::LoadOptions;
use linimasa::curation::{Edit, Op, Overlay, find_part, store};
use linimasa::model::{DateSpan, Precision};
use linimasa::pipeline::extract_paths;
use linimasa::ui::{LinimasaApp, StartOptions};
use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")
}

/// A copy of the bundled corpus in a fresh folder (edits are written beside the corpus).
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&sample(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else if !entry.file_name().to_string_lossy().starts_with("linimasa-") {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn load(dir: &Path) -> linimasa::pipeline::Extraction {
    extract_paths(&[dir.to_path_buf()], &LoadOptions::default()).0
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if !p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("linimasa-")
            {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn overlay_round_trip_edit_save_reopen_same_events() {
    let dir = corpus_copy();
    let before_files = snapshot(dir.path());
    let x = load(dir.path());
    assert!(x.unapplied.is_empty() && x.hidden.is_empty());
    let n = x.events.len();
    // Pick a merged event (several sources) and two single-source events.
    let summit = x
        .events
        .iter()
        .find(|e| e.sources.len() >= 2)
        .unwrap()
        .clone();
    let single: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.sources.len() == 1 && !e.mentioned_only)
        .cloned()
        .collect();
    let (a, b) = (single[0].clone(), single[1].clone());
    let new_date = DateSpan::parse("2018-05").unwrap();
    let overlay = Overlay {
        edits: vec![
            Edit::now(
                &a,
                Op::SetTitle {
                    title: "Corrected title".into(),
                },
            ),
            Edit::now(&a, Op::SetDate { date: new_date }),
            Edit::now(&a, Op::SetLane { lane: "UN".into() }),
            Edit::now(
                &a,
                Op::SetNote {
                    note: Some("year checked with the ministry".into()),
                },
            ),
            Edit::now(&b, Op::Hide),
            Edit::now(
                &summit,
                Op::Split {
                    article_id: summit.sources[1].article_id.clone(),
                },
            ),
        ],
        ..Overlay::default()
    };
    let path = store::overlay_path(&[dir.path().to_path_buf()]).unwrap();
    store::save(&path, &overlay).unwrap();

    let y = load(dir.path());
    assert!(y.unapplied.is_empty(), "{:?}", y.unapplied);
    assert_eq!(y.hidden.len(), 1);
    assert_eq!(y.hidden[0].title, b.title);
    // Hide removes one event, the split adds one.
    assert_eq!(y.events.len(), n);
    let ea = &y.events[find_part(&y.events, &a.parts[0]).unwrap()];
    assert_eq!(ea.title, "Corrected title");
    assert_eq!(ea.date.precision, Precision::Month);
    assert_eq!(ea.date.value(), "2018-05");
    assert_eq!(ea.forum_kind, "UN");
    assert_eq!(ea.note.as_deref(), Some("year checked with the ministry"));
    for f in ["title", "date", "lane", "note"] {
        assert!(ea.is_curated(f));
    }
    let kept = &y.events[find_part(&y.events, &summit.parts[0]).unwrap()];
    assert_eq!(kept.sources.len(), summit.sources.len() - 1);
    // Reopening again gives exactly the same events: the overlay is applied deterministically.
    let z = load(dir.path());
    assert_eq!(
        serde_json::to_string(&z.events).unwrap(),
        serde_json::to_string(&y.events).unwrap()
    );
    // Curated values are marked in the exports.
    let csv_text = linimasa::export::data::to_csv(&y.events).unwrap();
    assert!(csv_text.contains("date; title; lane; note"), "{csv_text}");
    let tl = linimasa::export::data::to_timelinejs(&y.events, "T");
    assert!(
        tl.to_string()
            .contains("Curated by hand: date, title, lane, note")
    );
    // …and in the exported image: an asterisk after the title, explained in the legend.
    let shown = vec![true; y.events.len()];
    let ea_day = linimasa::timeline::day_number(ea.date.start);
    let view = linimasa::timeline::view::TimeView::new(ea_day - 20.0, ea_day + 40.0);
    let opts = linimasa::export::export_options(
        3000.0,
        linimasa::theme::ThemeKind::Light,
        linimasa::timeline::lanes::LaneMode::Forum,
        None,
        true,
        &y.events,
        &shown,
        view,
        (None, None),
    );
    let svg = linimasa::export::to_svg(&linimasa::scene::build(&y.events, &shown, view, &opts));
    assert!(svg.contains("curated by hand"), "legend entry missing");
    assert!(
        svg.contains("Corrected title *"),
        "curated label not marked"
    );
    // The articles were never touched.
    assert_eq!(snapshot(dir.path()), before_files);
}

#[test]
fn an_edit_whose_article_vanished_is_reported_and_kept() {
    let dir = corpus_copy();
    let x = load(dir.path());
    let victim = x
        .events
        .iter()
        .find(|e| e.sources.len() == 1 && !e.mentioned_only)
        .unwrap()
        .clone();
    let mut overlay = Overlay::default();
    overlay.edits.push(Edit::now(
        &victim,
        Op::SetTitle {
            title: "Renamed".into(),
        },
    ));
    let path = store::overlay_path(&[dir.path().to_path_buf()]).unwrap();
    store::save(&path, &overlay).unwrap();
    // The article goes away (its file deleted from the corpus).
    let file = &victim.sources[0].file;
    std::fs::remove_file(dir.path().join(file)).unwrap();

    let y = load(dir.path());
    assert_eq!(y.unapplied.len(), 1);
    assert_eq!(y.unapplied[0].edit.target_title, victim.title);
    assert!(y.unapplied[0].reason.contains("no longer in the corpus"));
    // The command line says so.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_linimasa"))
        .arg("extract")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not applied") && err.contains(&victim.title),
        "{err}"
    );
    // The app lists it in the Problems panel, and a new edit keeps it in the file.
    let mut h = harness_for(dir.path().to_path_buf());
    h.get_by_label_contains("not applied: its event");
    h.get_by_label_contains(&victim.title);
    let e = h.state().data.events[0].clone();
    h.state_mut().curate(
        &e,
        vec![Op::SetNote {
            note: Some("n".into()),
        }],
    );
    let store::Loaded::Ok(saved) = store::load(&path) else {
        panic!("overlay not saved")
    };
    assert_eq!(saved.edits.len(), 2);
    assert_eq!(saved.edits[0].target, victim.parts[0]);
}

#[test]
fn a_damaged_overlay_is_reported_and_moved_aside_not_overwritten() {
    let dir = corpus_copy();
    let path = dir.path().join(store::FILE_NAME);
    std::fs::write(
        &path,
        b"{\"format\": \"linimasa-curation\", \"edits\": [tru",
    )
    .unwrap();
    let x = load(dir.path());
    assert!(
        x.skipped
            .iter()
            .any(|s| s.file == store::FILE_NAME && s.reason.contains("damaged")),
        "{:?}",
        x.skipped
    );
    let mut h = harness_for(dir.path().to_path_buf());
    h.get_by_label_contains("moved aside");
    let e = h.state().data.events[0].clone();
    h.state_mut().curate(&e, vec![Op::Hide]);
    // The damaged bytes survive under another name; the overlay now holds the new edit.
    let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        b"{\"format\": \"linimasa-curation\", \"edits\": [tru"
    );
    let store::Loaded::Ok(saved) = store::load(&path) else {
        panic!("new overlay not written")
    };
    assert_eq!(saved.edits.len(), 1);
    assert!(h.state().status.contains("kept as"), "{}", h.state().status);
}

fn harness_for(path: PathBuf) -> Harness<'static, LinimasaApp> {
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .build_eframe(move |cc| {
            LinimasaApp::new(
                cc,
                StartOptions {
                    paths: vec![path],
                    screenshot: None,
                    load_now: true,
                    fresh: true,
                    load: Default::default(),
                    config_dir: None,
                },
            )
        });
    h.run_steps(3);
    h
}

#[test]
fn editing_in_the_detail_pane_with_undo_and_redo() {
    let dir = corpus_copy();
    let mut h = harness_for(dir.path().to_path_buf());
    let idx = h
        .state()
        .data
        .events
        .iter()
        .position(|e| e.sources.len() == 1 && !e.mentioned_only)
        .unwrap();
    let original = h.state().data.events[idx].clone();
    h.state_mut().selected = Some(idx);
    h.run_steps(2);
    h.get_by_label("Edit event").click();
    h.run_steps(2);
    // Replace the title in the form and apply.
    let title_box = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().as_deref() == Some(original.title.as_str()))
        .expect("the title field shows the title");
    title_box.set_text_value_accesskit("Title fixed by hand");
    h.run_steps(2);
    h.get_by_label("Apply changes").click();
    h.run_steps(3);
    let sel = h.state().selected.expect("still selected");
    assert_eq!(h.state().data.events[sel].title, "Title fixed by hand");
    assert!(h.state().data.events[sel].is_curated("title"));
    h.get_by_label_contains("Curated by hand: title");
    let path = dir.path().join(store::FILE_NAME);
    let store::Loaded::Ok(saved) = store::load(&path) else {
        panic!("overlay not saved")
    };
    assert_eq!(saved.edits.len(), 1);

    // Ctrl+Z (with no text field focused) undoes, Ctrl+Shift+Z redoes; the file follows.
    h.state_mut().selected = None;
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let i = find_part(&h.state().data.events, &original.parts[0]).unwrap();
    assert_eq!(h.state().data.events[i].title, original.title);
    let store::Loaded::Ok(saved) = store::load(&path) else {
        panic!("overlay not saved")
    };
    assert!(saved.edits.is_empty());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run_steps(2);
    let i = find_part(&h.state().data.events, &original.parts[0]).unwrap();
    assert_eq!(h.state().data.events[i].title, "Title fixed by hand");

    // Hide, then unhide from the Filters panel's list.
    let e = h.state().data.events[i].clone();
    let n = h.state().data.events.len();
    h.state_mut().curate(&e, vec![Op::Hide]);
    h.run_steps(2);
    assert_eq!(h.state().data.events.len(), n - 1);
    h.get_by_label("Hidden events (1)").click();
    h.run_steps(2);
    h.get_by_label("Unhide").click();
    h.run_steps(2);
    assert_eq!(h.state().data.events.len(), n);
}

#[test]
fn merging_two_events_from_the_app_and_splitting_them_again() {
    let dir = corpus_copy();
    let mut h = harness_for(dir.path().to_path_buf());
    let events = h.state().data.events.clone();
    let a = events.iter().find(|e| !e.mentioned_only).unwrap().clone();
    let cands = h.state().merge_candidates(&a, 3);
    let (bi, _) = cands[0].clone();
    let b = events[bi].clone();
    h.state_mut().curate(
        &a,
        vec![Op::Merge {
            other: b.parts[0].clone(),
        }],
    );
    let st = h.state();
    assert_eq!(st.data.events.len(), events.len() - 1);
    let m = &st.data.events[st.selected.unwrap()];
    assert_eq!(m.sources.len(), a.sources.len() + b.sources.len());
    assert!(m.is_curated("merged"));
    let m = m.clone();
    h.state_mut().curate(
        &m,
        vec![Op::Split {
            article_id: b.sources[0].article_id.clone(),
        }],
    );
    assert_eq!(h.state().data.events.len(), events.len());
    h.state_mut().undo();
    h.state_mut().undo();
    assert_eq!(h.state().data.events, events);
}

#[test]
fn hand_made_events_get_their_own_lane_and_exports_read_back() {
    let dir = corpus_copy();
    let x = load(dir.path());
    let n = x.events.len();
    // A team's spreadsheet, with its own column names.
    std::fs::write(
        dir.path().join("team-timeline.csv"),
        "Start Date,Headline,Place,Country,Notes\n\
         2016-09-06,28th/29th ASEAN Summits,Vientiane,Laos; Indonesia,from our 2016 report\n\
         2019-11,ASEAN cyber workshop,Bangkok,Thailand,\n\
         someday,Undated row,,,\n",
    )
    .unwrap();
    // Linimasa's own TimelineJS export of the corpus, opened as hand-made events.
    let tl = linimasa::export::data::to_timelinejs(&x.events, "ours");
    std::fs::write(
        dir.path().join("exported.json"),
        serde_json::to_vec(&tl).unwrap(),
    )
    .unwrap();
    let y = load(dir.path());
    let team: Vec<_> = y
        .events
        .iter()
        .filter(|e| e.origin.as_deref() == Some("team-timeline.csv"))
        .collect();
    assert_eq!(team.len(), 2);
    assert_eq!(team[0].title, "28th/29th ASEAN Summits");
    assert_eq!(team[0].location.as_deref(), Some("Vientiane"));
    assert_eq!(team[0].countries, vec!["Laos", "Indonesia"]);
    assert_eq!(team[0].note.as_deref(), Some("from our 2016 report"));
    assert_eq!(team[1].date.precision, Precision::Month);
    assert!(
        y.skipped
            .iter()
            .any(|s| s.file == "team-timeline.csv" && s.reason.contains("row 4")),
        "{:?}",
        y.skipped
    );
    // Its own lane, whatever the lane mode.
    use linimasa::timeline::lanes::{LaneMode, lane_keys};
    for mode in LaneMode::ALL {
        assert_eq!(lane_keys(team[0], mode), vec!["team-timeline.csv"]);
    }
    // The TimelineJS file reads back to the same dates, titles and quotes.
    let back: Vec<_> = y
        .events
        .iter()
        .filter(|e| e.origin.as_deref() == Some("exported.json"))
        .collect();
    assert_eq!(back.len(), n);
    // Paired by date and title (events of one day are ordered by id, and the ids of read-back events differ).
    let mut orig_sorted: Vec<_> = x.events.iter().collect();
    orig_sorted.sort_by(|a, b| (a.date.start, &a.title).cmp(&(b.date.start, &b.title)));
    let mut back = back;
    back.sort_by(|a, b| (a.date.start, &a.title).cmp(&(b.date.start, &b.title)));
    for (orig, b) in orig_sorted.into_iter().zip(&back) {
        assert_eq!(orig.date.start, b.date.start, "{}", orig.title);
        assert_eq!(orig.date.end, b.date.end, "{}", orig.title);
        assert_eq!(orig.date.precision, b.date.precision);
        assert_eq!(orig.title, b.title);
        assert_eq!(orig.quotes.len(), b.quotes.len(), "{}", orig.title);
        // HTML (TimelineJS text) does not keep runs of white space: words compared.
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for (q, r) in orig.quotes.iter().zip(&b.quotes) {
            assert_eq!(words(&q.quote.text), words(&r.quote.text));
            assert_eq!(q.quote.speaker, r.quote.speaker);
        }
    }
    assert_eq!(y.events.len(), n + 2 + n);

    // The CSV export reads back too (columns by name, lists split).
    let csv_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        csv_dir.path().join("events.csv"),
        linimasa::export::data::to_csv(&x.events).unwrap(),
    )
    .unwrap();
    let c = load(csv_dir.path());
    assert!(c.skipped.is_empty(), "{:?}", c.skipped);
    assert_eq!(c.events.len(), n);
    // Paired by date, title and outlets (two pages may tell one meeting in the same words).
    let key = |e: &linimasa::model::Event| (e.date.start, e.title.clone(), e.outlets());
    let mut orig = x.events.clone();
    orig.sort_by_key(key);
    let mut got = c.events.clone();
    got.sort_by_key(key);
    for (o, g) in orig.iter().zip(&got) {
        assert_eq!(
            (o.date.start, o.date.end, o.date.precision, &o.title),
            (g.date.start, g.date.end, g.date.precision, &g.title)
        );
        assert_eq!(o.location, g.location);
        assert_eq!(o.forum, g.forum);
        assert_eq!(o.countries, g.countries);
        assert_eq!(o.outlets(), g.outlets());
        assert_eq!(o.quotes.len(), g.quotes.len());
    }
}

#[test]
fn timelinejs_export_uses_only_the_documented_structure() {
    // https://timeline.knightlab.com/docs/json-format.html: an object with `events` (slides), optional `title`
    // (a slide), `eras`, `scale`; a slide has `start_date` (required for events), `end_date`, `text`
    // {headline, text}, `media`, `group`, `display_date`, `background`, `autolink`, `unique_id`; a date has a
    // required integer `year` and optional `month`, `day`, `hour`, `minute`, `second`, `millisecond`,
    // `display_date`.
    let x = load(&sample());
    let doc = linimasa::export::data::to_timelinejs(&x.events, "Cyber diplomacy");
    let allowed = |v: &serde_json::Value, keys: &[&str]| {
        for k in v.as_object().expect("object").keys() {
            assert!(keys.contains(&k.as_str()), "undocumented key {k} in {v}");
        }
    };
    allowed(&doc, &["events", "title", "eras", "scale"]);
    let slide_keys = [
        "start_date",
        "end_date",
        "text",
        "media",
        "group",
        "display_date",
        "background",
        "autolink",
        "unique_id",
    ];
    let date_ok = |d: &serde_json::Value| {
        allowed(
            d,
            &[
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "millisecond",
                "display_date",
            ],
        );
        let num = |k: &str| {
            d.get(k)
                .map(|v| v.as_str().unwrap().parse::<i64>().unwrap())
        };
        assert!(num("year").is_some(), "year is required: {d}");
        if let Some(m) = num("month") {
            assert!((1..=12).contains(&m));
        }
        if let Some(day) = num("day") {
            assert!((1..=31).contains(&day));
            assert!(num("month").is_some());
        }
    };
    allowed(&doc["title"], &slide_keys);
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), x.events.len());
    let mut ids = std::collections::HashSet::new();
    for e in events {
        allowed(e, &slide_keys);
        date_ok(&e["start_date"]);
        if let Some(end) = e.get("end_date") {
            date_ok(end);
        }
        allowed(&e["text"], &["headline", "text"]);
        assert!(!e["text"]["headline"].as_str().unwrap().is_empty());
        assert!(e["group"].is_string());
        assert!(ids.insert(e["unique_id"].as_str().unwrap().to_string()));
    }
}

#[test]
fn with_no_edit_the_shown_events_are_the_base_events_not_a_copy() {
    let dir = corpus_copy();
    let mut data =
        linimasa::ui::app::Data::load(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert!(data.events.len() > 10);
    assert!(std::sync::Arc::ptr_eq(&data.events, &data.base));
    // What curation gives with no edit, computed the general way.
    let general = linimasa::curation::apply(&data.base, &[], &[]);
    assert_eq!(*data.events, general.events);
    assert!(data.hidden.is_empty() && data.unapplied.is_empty());
    // An edit: the shown events are curated apart from the base ones, which stay as they were.
    let target = data.events[0].clone();
    data.overlay.edits = vec![Edit::now(
        &target,
        Op::SetTitle {
            title: "Retitled by hand".into(),
        },
    )];
    data.recurate();
    assert!(!std::sync::Arc::ptr_eq(&data.events, &data.base));
    let i = find_part(&data.events, &target.parts[0]).unwrap();
    assert_eq!(data.events[i].title, "Retitled by hand");
    assert_eq!(data.base[0].title, target.title);
    // Undone: shared again, and equal to the first result.
    data.overlay.edits.clear();
    data.recurate();
    assert!(std::sync::Arc::ptr_eq(&data.events, &data.base));
    assert_eq!(*data.events, general.events);
}

/// Two events reported by one article (it tells of two meetings), merged by hand: the merged event lists that
/// article once, each quote still points at the article it came from, and the exports count it once.
#[test]
fn a_merge_of_two_events_sharing_an_article_lists_the_article_once() {
    let dir = corpus_copy();
    let x = load(dir.path());
    let shares = |a: &linimasa::model::Event, b: &linimasa::model::Event| {
        a.sources
            .iter()
            .any(|s| b.sources.iter().any(|t| t.article_id == s.article_id))
    };
    let (a, b) = x
        .events
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            x.events[i + 1..]
                .iter()
                .find(|b| shares(a, b))
                .map(|b| (a.clone(), b.clone()))
        })
        .expect("two events with an article in common");
    let overlay = Overlay {
        edits: vec![Edit::now(
            &a,
            Op::Merge {
                other: b.parts[0].clone(),
            },
        )],
        ..Overlay::default()
    };
    let path = store::overlay_path(&[dir.path().to_path_buf()]).unwrap();
    store::save(&path, &overlay).unwrap();
    let y = load(dir.path());
    assert!(y.unapplied.is_empty(), "{:?}", y.unapplied);
    assert_eq!(y.events.len(), x.events.len() - 1);
    let m = &y.events[find_part(&y.events, &a.parts[0]).unwrap()];
    assert!(m.is_curated("merged") && m.parts.contains(&b.parts[0]));
    let ids: Vec<&str> = m.sources.iter().map(|s| s.article_id.as_str()).collect();
    let mut want: Vec<&str> = a
        .sources
        .iter()
        .chain(&b.sources)
        .map(|s| s.article_id.as_str())
        .collect();
    want.sort();
    want.dedup();
    assert!(want.len() < a.sources.len() + b.sources.len());
    let mut got = ids.clone();
    got.sort();
    assert_eq!(got, want, "each article once: {ids:?}");
    // Every quote of either event is kept once, on a source of the article it was said in.
    for (e, q) in a
        .quotes
        .iter()
        .map(|q| (&a, q))
        .chain(b.quotes.iter().map(|q| (&b, q)))
    {
        let article = &e.sources[q.source].article_id;
        let kept: Vec<_> = m
            .quotes
            .iter()
            .filter(|k| k.quote.text == q.quote.text && k.quote.start == q.quote.start)
            .filter(|k| &m.sources[k.source].article_id == article)
            .collect();
        assert_eq!(kept.len(), 1, "quote “{}”", q.quote.text);
    }
    assert_eq!(m.corroboration().0, want.len());
    let csv_text = linimasa::export::data::to_csv(std::slice::from_ref(m)).unwrap();
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let h = r.headers().unwrap().clone();
    let row = r.records().next().unwrap().unwrap();
    let col = |name: &str| row[h.iter().position(|c| c == name).unwrap()].to_string();
    assert_eq!(col("sources").split("; ").count(), want.len());
    assert_eq!(col("article_count"), want.len().to_string());
}
