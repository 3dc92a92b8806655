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
    harness_stepping(path, 0.25)
}

/// A harness whose frames are `step_dt` seconds apart.
fn harness_stepping(path: PathBuf, step_dt: f32) -> Harness<'static, LinimasaApp> {
    // Real articles hold scripts the embedded fonts lack (a Chinese name in an English report): the app draws
    // egui's box for them, as here, never panics.
    let mut h = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::Vec2::new(1400.0, 860.0))
        .with_step_dt(step_dt)
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

use chrono::Datelike;

fn year_of(app: &LinimasaApp, i: usize) -> i32 {
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
    // A newly opened corpus is fitted to its data: the header names the years of its first and last event that
    // an article reports (not those only mentioned in passing).
    let years: Vec<i32> = app
        .data
        .events
        .iter()
        .filter(|e| !e.mentioned_only)
        .map(|e| e.date.start.year())
        .collect();
    let (lo, hi) = (years.iter().min().unwrap(), years.iter().max().unwrap());
    let header: Vec<i32> = shown
        .scene
        .header
        .split(" – ")
        .map(|y| y.trim().parse().expect("a year"))
        .collect();
    assert!(
        header[0] <= *lo && header[0] >= lo - 1 && header[1] >= *hi && header[1] <= hi + 1,
        "header {:?} for events {lo}–{hi}",
        shown.scene.header
    );
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

/// The clickable regions of the last painted scene.
fn scene_hits(h: &Harness<'static, LinimasaApp>) -> Vec<linimasa::scene::Hit> {
    h.state()
        .last_scene
        .as_ref()
        .expect("scene")
        .scene
        .hits
        .clone()
}

/// Presses the primary button at `pos` and releases it a frame later.
fn press_release(h: &mut Harness<'static, LinimasaApp>, pos: egui::Pos2) {
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        h.run_steps(1);
    }
}

/// Moves the pointer to `pos` and clicks there (a click egui sees as one).
fn click_at(h: &mut Harness<'static, LinimasaApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run_steps(1);
    press_release(h, pos);
    h.run_steps(2);
}

fn hit_center(h: &Harness<'static, LinimasaApp>, rect: [f32; 4]) -> egui::Pos2 {
    let origin = h.state().last_scene.as_ref().expect("scene").origin;
    origin + egui::vec2((rect[0] + rect[2]) / 2.0, (rect[1] + rect[3]) / 2.0)
}

#[test]
fn the_detail_pane_keeps_its_width_whatever_event_is_selected() {
    let mut h = harness();
    let n = h.state().data.events.len();
    assert!(n > 20);
    let width = h.state().settings.detail_width;
    let window = 1400.0;
    // Every event of the bundled corpus, long quote lists and people lists included.
    for i in 0..n {
        h.state_mut().selected = Some(i);
        h.run_steps(2);
        let rect = h.state().detail_rect.expect("the pane is shown");
        assert!(
            (rect.width() - width).abs() <= 1.0,
            "event {i} ({}) made the pane {} wide, not {width}",
            h.state().data.events[i].title,
            rect.width()
        );
        assert!(
            rect.max.x <= window + 0.5,
            "event {i}: pane past the window: {rect:?}"
        );
    }
    assert_eq!(h.state().settings.detail_width, width);
}

#[test]
fn right_arrow_with_nothing_selected_selects_the_first_visible_event() {
    let mut h = harness();
    assert_eq!(h.state().selected, None);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    let i = h.state().selected.expect("→ selected an event");
    let v = h.state().settings.view;
    let (a, b) = h.state().index.spans[i];
    assert!(b > v.start && a < v.end, "the selected event is in view");
    // Nothing earlier in the list is shown in view: it is the first visible one.
    for j in 0..i {
        let (a, b) = h.state().index.spans[j];
        assert!(
            !(h.state().shown[j] && b > v.start && a < v.end),
            "event {j} is visible and comes before {i}"
        );
    }
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert!(
        h.state().selected.expect("still selected") > i,
        "→ moves on"
    );
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    h.key_press(egui::Key::ArrowLeft);
    h.run_steps(2);
    assert!(h.state().selected.is_some(), "← too selects an event");
}

#[test]
fn double_clicking_an_event_selects_it_and_zooms_to_it() {
    // Frames 1/60 s apart, so that two clicks four frames apart are a double click (egui: within 0.3 s).
    let mut h = harness_stepping(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data"),
        1.0 / 60.0,
    );
    let (i, rect) = {
        let shown = h.state().last_scene.as_ref().expect("scene");
        shown
            .scene
            .hits
            .iter()
            .find_map(|hit| match hit.target {
                // A one-day event (zooming to a year-long one zooms less).
                HitTarget::Event(i)
                    if h.state().data.events[i].date.precision
                        == linimasa::model::Precision::Day =>
                {
                    Some((i, hit.rect))
                }
                _ => None,
            })
            .expect("a one-day event's marker is drawn")
    };
    let before = h.state().settings.view.span_days();
    // On the marker (the label's place may change once the event is selected).
    let origin = h.state().last_scene.as_ref().expect("scene").origin;
    let pos = origin + egui::vec2(rect[0] + 4.0, (rect[1] + rect[3]) / 2.0);
    h.hover_at(pos);
    h.run_steps(1);
    press_release(&mut h, pos);
    press_release(&mut h, pos);
    h.run_steps(2);
    assert_eq!(h.state().selected, Some(i));
    let v = h.state().settings.view;
    let (a, b) = h.state().index.spans[i];
    assert!(
        v.span_days() < before / 10.0,
        "zoomed in: {before} → {}",
        v.span_days()
    );
    assert!(v.start <= a && b <= v.end, "the event is in the new view");
}

/// The whole range (Home), then `level` times two steps of zooming in (+).
fn zoom_to_level(h: &mut Harness<'static, LinimasaApp>, level: usize) {
    h.key_press(egui::Key::Home);
    h.run_steps(2);
    for _ in 0..level * 2 {
        h.key_press(egui::Key::Plus);
        h.run_steps(1);
    }
    h.run_steps(2);
}

/// Clicks clusters until one of their events is a single marker (then clicks that and checks it is selected)
/// or a list of same-day events opens (then picks from it), at six zoom levels. Returns the clusters opened.
fn clusters_open_to_single_events(h: &mut Harness<'static, LinimasaApp>) -> usize {
    let mut opened = 0;
    for level in 0..6 {
        h.state_mut().selected = None;
        h.state_mut().cluster_list = None;
        zoom_to_level(h, level);
        let first = scene_hits(h).into_iter().find_map(|hit| match hit.target {
            HitTarget::Cluster { t0, t1, lane, .. } => Some((t0, t1, lane)),
            HitTarget::Event(_) => None,
        });
        let Some((t0, t1, lane)) = first else {
            continue;
        };
        let app = h.state();
        // One of the cluster's events that is not drawn on its own elsewhere in the view (a long span may be).
        let drawn = &app.last_scene.as_ref().expect("scene").scene.drawn_events;
        let Some(target) =
            linimasa::timeline::stack::events_in(&app.index.lanes[lane], &app.index.spans, t0, t1)
                .into_iter()
                .find(|i| !drawn.contains(i))
        else {
            continue;
        };
        let (ts, te) = app.index.spans[target];
        let mut reached = false;
        for _click in 0..40 {
            if let Some((list, _)) = h.state().cluster_list.clone() {
                assert!(
                    list.contains(&target),
                    "the list holds the cluster's events"
                );
                let e = &h.state().data.events[target];
                let label = format!("{} — {}", e.date.start.format("%-d %b %Y"), e.title);
                // Generated events can share a day and a title: pick the entry at the target's place among them.
                let nth = list
                    .iter()
                    .take_while(|&&i| i != target)
                    .filter(|&&i| {
                        let o = &h.state().data.events[i];
                        format!("{} — {}", o.date.start.format("%-d %b %Y"), o.title) == label
                    })
                    .count();
                h.get_all_by_label(&label)
                    .nth(nth)
                    .expect("the target's entry")
                    .click();
                h.run_steps(2);
                assert_eq!(h.state().selected, Some(target), "picked from the list");
                reached = true;
                break;
            }
            let hits = scene_hits(h);
            if let Some(hit) = hits
                .iter()
                .find(|hit| hit.target == HitTarget::Event(target))
            {
                let pos = hit_center(h, hit.rect);
                click_at(h, pos);
                assert_eq!(
                    h.state().selected,
                    Some(target),
                    "the single marker selects"
                );
                reached = true;
                break;
            }
            let cluster = hits
                .iter()
                .find(|hit| {
                    matches!(hit.target, HitTarget::Cluster { t0, t1, lane: l, .. }
                        if l == lane && te > t0 && ts < t1)
                })
                .unwrap_or_else(|| panic!("event {target} is neither drawn nor in a cluster"));
            let before = h.state().settings.view.span_days();
            let pos = hit_center(h, cluster.rect);
            click_at(h, pos);
            opened += 1;
            assert!(
                h.state().cluster_list.is_some() || h.state().settings.view.span_days() < before,
                "a click on a cluster zooms in or lists its events"
            );
        }
        assert!(reached, "zoom level {level}: event {target} never reached");
    }
    opened
}

#[test]
fn clusters_always_open_to_single_events_on_the_bundled_corpus() {
    let mut h = harness();
    let opened = clusters_open_to_single_events(&mut h);
    assert!(opened > 0, "the bundled corpus shows clusters at some zoom");
}

#[test]
fn clusters_always_open_to_single_events_on_5k_generated_events() {
    let dir = tempfile::tempdir().unwrap();
    linimasa::cli::run_gen_corpus(dir.path(), 5_000, 3, &mut std::io::sink()).unwrap();
    let mut h = harness_for(dir.path().to_path_buf());
    assert!(h.state().data.events.len() >= 4_000);
    let opened = clusters_open_to_single_events(&mut h);
    assert!(
        opened >= 6,
        "5k events cluster at every zoom level: {opened}"
    );
}

#[test]
fn ctrl_o_with_no_file_dialog_asks_for_a_path_and_opens_it_fitted() {
    let mut h = harness();
    h.state_mut().native_dialogs = false;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run_steps(2);
    h.get_by_label_contains("type the path of a folder or file");
    let dev2 = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data/dev2");
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v.contains("sample_data")))
        .expect("the path field, filled with the open corpus");
    field.set_text_value_accesskit(&dev2.display().to_string());
    h.run_steps(2);
    h.get_by_label("Open").click();
    // The folder loads in the background: wait a bounded number of frames.
    for _ in 0..500 {
        h.run_steps(1);
        let app = h.state();
        if !app.data.events.is_empty()
            && app.data.articles.iter().all(|a| a.path.starts_with(&dev2))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(3);
    let app = h.state();
    assert!(!app.data.events.is_empty());
    assert!(
        app.data.articles.iter().all(|a| a.path.starts_with(&dev2)),
        "only dev2 is open"
    );
    // The new corpus is fitted: its events lie in the view, which is no wider than their range plus margins.
    let v = app.settings.view;
    let (a, b) =
        linimasa::timeline::index::reported_extent(&app.data.events, &app.shown).expect("extent");
    assert!(v.start <= a && b <= v.end, "{v:?} holds {a}..{b}");
    assert!(v.span_days() <= (b - a) * 1.2 + 62.0, "{v:?} fits {a}..{b}");
}

#[test]
fn menus_show_the_shortcut_of_each_action() {
    let mut h = harness();
    let keys = h.ctx.format_shortcut(&egui::KeyboardShortcut::new(
        egui::Modifiers::COMMAND,
        egui::Key::O,
    ));
    assert!(h.query_all_by_label_contains(&keys).next().is_none());
    h.get_by_label("File").click();
    h.run_steps(2);
    assert!(
        h.query_all_by_label_contains(&keys).next().is_some(),
        "File menu shows {keys}"
    );
}

#[test]
fn a_secondary_drag_shows_its_box_and_zooms_to_it() {
    let mut h = harness();
    let (origin, time_rect) = {
        let s = h.state().last_scene.as_ref().expect("scene");
        (s.origin, s.scene.time_rect)
    };
    let y = origin.y + (time_rect[1] + time_rect[3]) / 2.0;
    let x0 = origin.x + time_rect[0] + (time_rect[2] - time_rect[0]) * 0.4;
    let x1 = origin.x + time_rect[0] + (time_rect[2] - time_rect[0]) * 0.6;
    let before = h.state().settings.view;
    let button = egui::PointerButton::Secondary;
    h.hover_at(egui::pos2(x0, y));
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(x0, y),
        button,
        pressed: true,
        modifiers: Default::default(),
    });
    h.run_steps(1);
    for k in 1..=8 {
        h.hover_at(egui::pos2(x0 + (x1 - x0) * k as f32 / 8.0, y));
        h.run_steps(1);
    }
    let shown = h.state().zoom_box.expect("the box is drawn while dragging");
    assert!(
        (shown.min.x - x0).abs() < 2.0 && (shown.max.x - x1).abs() < 2.0,
        "{shown:?}"
    );
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(x1, y),
        button,
        pressed: false,
        modifiers: Default::default(),
    });
    h.run_steps(2);
    assert!(h.state().zoom_box.is_none(), "the box goes when released");
    let v = h.state().settings.view;
    let span = before.span_days();
    assert!(
        (v.span_days() - span * 0.2).abs() < span * 0.03,
        "{before:?} → {v:?}"
    );
    assert!((v.start - (before.start + span * 0.4)).abs() < span * 0.03);
}

/// Whether any two hit areas (each marker with its label and badge, each cluster) of the window's scene overlap.
fn overlapping_hits(h: &Harness<'static, LinimasaApp>) -> Option<([f32; 4], [f32; 4])> {
    let hits = scene_hits(h);
    for (k, a) in hits.iter().enumerate() {
        for b in hits.iter().skip(k + 1) {
            let (a, b) = (a.rect, b.rect);
            let apart = a[2] <= b[0] + 0.5
                || b[2] <= a[0] + 0.5
                || a[3] <= b[1] + 0.5
                || b[3] <= a[1] + 0.5;
            if !apart {
                return Some((a, b));
            }
        }
    }
    None
}

/// At six zoom levels from the whole range in, no two labels or markers of the window overlap, and something is
/// drawn at each.
fn no_overlaps_at_six_zooms(h: &mut Harness<'static, LinimasaApp>) {
    for level in 0..6 {
        zoom_to_level(h, level);
        assert!(
            !scene_hits(h).is_empty(),
            "zoom level {level}: nothing drawn"
        );
        if let Some((a, b)) = overlapping_hits(h) {
            panic!("zoom level {level}: {a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn no_two_labels_or_markers_overlap_at_six_zooms_on_the_bundled_corpus() {
    let mut h = harness();
    no_overlaps_at_six_zooms(&mut h);
}

#[test]
fn no_two_labels_or_markers_overlap_at_six_zooms_on_5k_generated_events() {
    let dir = tempfile::tempdir().unwrap();
    linimasa::cli::run_gen_corpus(dir.path(), 5_000, 3, &mut std::io::sink()).unwrap();
    let mut h = harness_for(dir.path().to_path_buf());
    no_overlaps_at_six_zooms(&mut h);
}
