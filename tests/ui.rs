//! The GUI, headless with egui_kittest, on the bundled corpus.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use linimasa::scene::HitTarget;
use linimasa::ui::{LinimasaApp, StartOptions};
use std::path::PathBuf;

fn harness() -> Harness<'static, LinimasaApp> {
    harness_for(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data"))
}

fn harness_for(path: PathBuf) -> Harness<'static, LinimasaApp> {
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 860.0))
        .build_eframe(move |cc| {
            LinimasaApp::new(
                cc,
                StartOptions {
                    paths: vec![path],
                    screenshot: None,
                    load_now: true,
                    fresh: true,
                    load: Default::default(),
                },
            )
        });
    h.run_steps(3);
    h
}

fn year_of(app: &LinimasaApp, i: usize) -> i32 {
    use chrono::Datelike;
    app.data.events[i].date.start.year()
}

#[test]
fn the_2018_events_are_on_screen() {
    let h = harness();
    let app = h.state();
    let shown = app.last_scene.as_ref().expect("a scene was painted");
    let in_2018: Vec<usize> = (0..app.data.events.len())
        .filter(|&i| year_of(app, i) == 2018)
        .collect();
    assert!(in_2018.len() >= 3, "the sample has several 2018 events");
    // Every 2018 event is drawn as a marker or counted in a cluster that covers its date.
    for i in in_2018 {
        let t = linimasa::timeline::day_number(app.data.events[i].date.start);
        let visible = shown.scene.drawn_events.contains(&i)
            || shown.scene.hits.iter().any(
                |h| matches!(h.target, HitTarget::Cluster { t0, t1, .. } if t0 <= t && t < t1),
            );
        assert!(
            visible,
            "event {i} ({}) not on screen",
            app.data.events[i].title
        );
    }
    assert_eq!(shown.scene.header, "2015 – 2023");
}

#[test]
fn clicking_an_event_shows_its_quote_and_source() {
    let mut h = harness();
    // Zoom to the data so that single markers are clickable, then click the first event that has quotes, one
    // source (whose article text the pane opens) and a named outlet.
    h.key_press(egui::Key::Home);
    h.run_steps(3);
    let (pos, quote, outlet) = {
        let app = h.state();
        let shown = app.last_scene.as_ref().expect("scene");
        let hit = shown
            .scene
            .hits
            .iter()
            .find(|hit| {
                matches!(hit.target, HitTarget::Event(i)
                    if !app.data.events[i].quotes.is_empty()
                        && app.data.events[i].sources.len() == 1
                        && app.data.events[i].sources.first().is_some_and(|s| s.outlet.is_some()))
            })
            .expect("an event with quotes and a named outlet is drawn");
        let HitTarget::Event(i) = hit.target else {
            unreachable!()
        };
        let e = &app.data.events[i];
        let pos = shown.origin + egui::vec2(hit.rect[0] + 4.0, (hit.rect[1] + hit.rect[3]) / 2.0);
        let quote: String = e.quotes[0].quote.text.chars().take(30).collect();
        (pos, quote, e.sources[0].outlet.clone().expect("outlet"))
    };
    h.hover_at(pos);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    h.run_steps(3);
    assert!(h.state().selected.is_some(), "the click selected an event");
    // The article text is read off the UI thread: wait (a bounded number of frames) until it is shown.
    for _ in 0..300 {
        if h.query_all_by_label_contains(&quote).count() >= 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    // The quote is listed (in quotation marks) and also highlighted in the article text.
    assert!(
        h.query_all_by_label_contains(&format!("“{quote}"))
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains(&quote).count() >= 2,
        "{quote:?} in the list and the article text"
    );
    assert!(
        h.query_all_by_label_contains(&outlet).count() > 0,
        "the source's outlet {outlet} is shown"
    );
    h.get_by_label_contains("Copy citation");
}

#[test]
fn typing_a_name_in_search_reduces_the_visible_events() {
    let mut h = harness();
    let before = h.state().shown.iter().filter(|s| **s).count();
    let drawn_before = h
        .state()
        .last_scene
        .as_ref()
        .map(|s| s.scene.hits.len())
        .unwrap_or(0);
    let search = h.get_by_role(Role::TextInput);
    search.click();
    h.run_steps(1);
    h.get_by_role(Role::TextInput).type_text("Wiranto");
    h.run_steps(3);
    assert_eq!(h.state().settings.filters.search, "Wiranto");
    let after = h.state().shown.iter().filter(|s| **s).count();
    assert!(after > 0 && after < before, "{after} of {before}");
    let app = h.state();
    for (i, e) in app.data.events.iter().enumerate() {
        if app.shown[i] {
            // The search reads titles, quotes and people (`filter::search_text`).
            let mentions = linimasa::filter::search_text(e).contains("wiranto")
                || e.people.iter().any(|p| p.contains("Wiranto"))
                || e.quotes.iter().any(|q| {
                    q.quote
                        .speaker
                        .as_deref()
                        .is_some_and(|s| s.contains("Wiranto"))
                });
            assert!(mentions, "{} does not mention Wiranto", e.title);
        }
    }
    let drawn_after = app
        .last_scene
        .as_ref()
        .map(|s| s.scene.hits.len())
        .unwrap_or(0);
    assert!(drawn_after < drawn_before);
}

#[test]
fn zooming_in_by_keyboard_turns_year_labels_into_month_labels() {
    let mut h = harness();
    let labels = |h: &Harness<'_, LinimasaApp>| {
        h.state()
            .last_scene
            .as_ref()
            .map(|s| s.scene.tick_labels.clone())
            .unwrap_or_default()
    };
    let is_year = |l: &str| l.len() == 4 && l.chars().all(|c| c.is_ascii_digit());
    assert!(labels(&h).iter().all(|l| is_year(l)), "{:?}", labels(&h));
    for _ in 0..8 {
        h.key_press(egui::Key::Plus);
        h.run_steps(1);
    }
    h.run_steps(2);
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let now = labels(&h);
    assert!(
        now.iter().any(|l| months.iter().any(|m| l.contains(m))),
        "{now:?}"
    );
}

#[test]
fn problems_panel_lists_skipped_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("good.txt"), "Jakarta - Menteri Luar Negeri Retno Marsudi bertemu mitranya pada Senin (12/3/2018) di Jakarta.\n").expect("write");
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    std::fs::write(dir.path().join("broken.json"), b"{").expect("write");
    let h = harness_for(dir.path().to_path_buf());
    h.get_by_label("empty.txt");
    h.get_by_label("broken.json");
    h.get_by_label_contains("malformed JSON");
}

#[test]
fn the_screen_scene_equals_the_export_scene_of_the_same_view() {
    let h = harness();
    let app = h.state();
    let shown = app.last_scene.as_ref().expect("scene");
    let again = linimasa::scene::build(&app.data.events, &app.shown, shown.view, &shown.options);
    assert_eq!(again, shown.scene);
    // And the SVG of it names every tick label and every event label it draws.
    let svg = linimasa::export::to_svg(&shown.scene);
    for l in &shown.scene.tick_labels {
        assert!(svg.contains(&format!(">{l}<")), "{l}");
    }
}

#[test]
fn settings_survive_a_save_and_reload() {
    use linimasa::filter::Facet;
    use linimasa::timeline::lanes::LaneMode;
    use linimasa::ui::app::Settings;
    let mut s = Settings {
        lanes: LaneMode::Outlet,
        theme: Some(linimasa::theme::ThemeKind::Dark),
        ..Default::default()
    };
    s.view = s.view.zoom_at(3.0, s.view.center());
    s.filters.search = "Wiranto".into();
    s.filters.toggle(Facet::Year, "2018");
    s.corpus = vec![PathBuf::from("/data/articles")];
    let json = serde_json::to_string(&s).expect("serialises");
    let back: Settings = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, s);
    // Unknown or missing fields fall back to defaults instead of failing.
    let partial: Settings =
        serde_json::from_str(r#"{"lanes":"Country","future_field":1}"#).expect("lenient");
    assert_eq!(partial.lanes, LaneMode::Country);
    assert_eq!(partial.view, Settings::default().view);
}

#[test]
fn export_data_writes_the_shown_events() {
    let mut h = harness();
    let search = h.get_by_role(Role::TextInput);
    search.click();
    h.run_steps(1);
    h.get_by_role(Role::TextInput).type_text("Wiranto");
    h.run_steps(3);
    let dir = tempfile::tempdir().expect("tempdir");
    let csv_path = dir.path().join("events.csv");
    h.state().export_data(&csv_path).expect("csv written");
    let shown = h.state().shown.iter().filter(|s| **s).count();
    let rows = csv::Reader::from_path(&csv_path)
        .expect("csv")
        .records()
        .count();
    assert_eq!(rows, shown);
    let json_path = dir.path().join("timeline.json");
    h.state().export_data(&json_path).expect("json written");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("read")).expect("json");
    assert_eq!(v["events"].as_array().map(Vec::len), Some(shown));
    assert!(h.state().export_data(&dir.path().join("x.txt")).is_err());
}
