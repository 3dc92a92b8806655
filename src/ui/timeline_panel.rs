//! The timeline panel: paints the scene and turns pointer and keyboard input into view changes and selection;
//! the toolbar; the export dialog.

use super::actions::{Action, KEY_ZOOM};
use super::app::{LinimasaApp, ShownScene};
use super::paint_scene;
use crate::scene::{HitTarget, SceneOptions, build, build_indexed};
use crate::theme::ThemeKind;
use crate::timeline::axis::Axis;
use crate::timeline::date_of;
use crate::timeline::lanes::LaneMode;
use crate::timeline::view::TimeView;
use egui::{Key, PointerButton, Pos2, Rect, Sense, Vec2};

impl LinimasaApp {
    /// The options of the on-screen scene for a panel of `size`.
    pub fn screen_scene_options(&self, size: Vec2, theme: ThemeKind) -> SceneOptions {
        SceneOptions {
            width: size.x,
            height: Some(size.y),
            theme,
            lanes: self.settings.lanes,
            title: None,
            legend: false,
            footer: None,
            overview: true,
            selected: self.selected,
            hovered: self.hovered,
            ..SceneOptions::default()
        }
    }

    pub(super) fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.settings.filters.search)
                    .hint_text("Search titles, quotes, people, places (Ctrl+F)")
                    .desired_width(320.0)
                    .id_salt("search"),
            );
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            if !self.settings.filters.search.is_empty()
                && ui.small_button("✖").on_hover_text("Clear search").clicked()
            {
                self.settings.filters.search.clear();
            }
            ui.separator();
            egui::ComboBox::from_label("Lanes")
                .selected_text(self.settings.lanes.name())
                .show_ui(ui, |ui| {
                    for mode in LaneMode::ALL {
                        ui.selectable_value(&mut self.settings.lanes, mode, mode.name());
                    }
                });
            ui.separator();
            let center = self.settings.view.center();
            if ui.button("Zoom −").on_hover_text("Zoom out (-)").clicked() {
                self.settings.view = self.settings.view.zoom_at(1.0 / KEY_ZOOM, center);
            }
            if ui.button("Zoom +").on_hover_text("Zoom in (+)").clicked() {
                self.settings.view = self.settings.view.zoom_at(KEY_ZOOM, center);
            }
            if ui
                .button("Fit")
                .on_hover_text("Fit the view to the events (Home, or double-click)")
                .clicked()
            {
                self.fit_to_data();
            }
            if ui
                .button("2015–2023")
                .on_hover_text("Show 2015–2023, as far as the data goes (Ctrl+Home)")
                .clicked()
            {
                self.run_action(Action::ShowProductRange, ui.ctx());
            }
            ui.separator();
            let dark = self.theme_kind(ui.ctx()) == ThemeKind::Dark;
            if ui
                .button(if dark { "Light theme" } else { "Dark theme" })
                .on_hover_text("Toggle the theme")
                .clicked()
            {
                self.settings.theme = Some(if dark {
                    ThemeKind::Light
                } else {
                    ThemeKind::Dark
                });
            }
            if ui
                .button("Export image…")
                .on_hover_text("Export the timeline as PNG or SVG (Ctrl+E)")
                .clicked()
            {
                self.export_open = true;
            }
        });
    }

    /// The plain keys of the timeline (the Ctrl shortcuts are read by `command_keys` for the whole window),
    /// unless a text field is being typed in.
    fn keyboard(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let plain = [
            Action::ZoomIn,
            Action::ZoomOut,
            Action::Fit,
            Action::PreviousEvent,
            Action::NextEvent,
            Action::ZoomToSelected,
            Action::ClearSelection,
        ];
        let pressed: Vec<Action> = ctx.input(|i| {
            plain
                .into_iter()
                .filter(|a| {
                    let k = a.shortcut().logical_key;
                    i.key_pressed(k) || (*a == Action::ZoomIn && i.key_pressed(Key::Equals))
                })
                .collect()
        });
        for a in pressed {
            self.run_action(a, ctx);
        }
        let (up, down) =
            ctx.input(|i| (i.key_pressed(Key::ArrowUp), i.key_pressed(Key::ArrowDown)));
        if up || down {
            // Up/Down pan by half a view.
            let view = self.settings.view;
            self.settings.view = view.pan(view.span_days() * if down { 0.5 } else { -0.5 });
        }
    }

    /// Selects the previous (`dir` < 0) or next shown event in time and keeps it in view. With nothing
    /// selected, → selects the first event in view and ← the last (the first or last shown event when none is
    /// in view).
    pub fn step_selection(&mut self, dir: i64) {
        let n = self.data.events.len();
        let shown = |i: &usize| self.shown.get(*i).copied().unwrap_or(false);
        let v = self.settings.view;
        let next = match self.selected.filter(|s| shown(s)) {
            Some(s) if dir > 0 => (s + 1..n).find(shown).or(Some(s)),
            Some(s) => (0..s).rev().find(shown).or(Some(s)),
            None => {
                let in_view = |i: &usize| {
                    shown(i)
                        && self
                            .index
                            .spans
                            .get(*i)
                            .is_some_and(|&(a, b)| b > v.start && a < v.end)
                };
                if dir > 0 {
                    (0..n).find(in_view).or_else(|| (0..n).find(shown))
                } else {
                    (0..n)
                        .rev()
                        .find(in_view)
                        .or_else(|| (0..n).rev().find(shown))
                }
            }
        };
        let Some(i) = next else { return };
        self.selected = Some(i);
        self.scroll_to = None;
        if let Some(&(a, b)) = self.index.spans.get(i)
            && !(b > v.start && a < v.end)
        {
            self.settings.view = self.bounded(v.pan((a + b) / 2.0 - v.center()));
        }
    }

    pub(super) fn timeline_ui(&mut self, ui: &mut egui::Ui) {
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        let theme = self.theme_kind(ui.ctx());
        let opts = self.screen_scene_options(rect.size(), theme);
        if self.index.mode != self.settings.lanes {
            self.refilter();
        }
        self.keyboard(ui.ctx());
        // Whatever moved the view this frame (menus, toolbar, keys) stays on the data.
        self.settings.view = self.bounded(self.settings.view);
        let scene = build_indexed(&self.data.events, &self.index, self.settings.view, &opts);
        let axis = Axis::new(
            self.settings.view,
            (rect.min.x + scene.time_rect[0]) as f64,
            (scene.time_rect[2] - scene.time_rect[0]) as f64,
        );

        // Pointer: hover, click, zoom, pan.
        let pointer = response.hover_pos();
        let local = |p: Pos2| p - rect.min.to_vec2();
        let hit = pointer.and_then(|p| {
            let q = local(p);
            scene
                .hits
                .iter()
                .rev()
                .find(|h| {
                    q.x >= h.rect[0] && q.x <= h.rect[2] && q.y >= h.rect[1] && q.y <= h.rect[3]
                })
                .cloned()
        });
        self.hovered = match &hit {
            Some(h) => match h.target {
                HitTarget::Event(i) => Some(i),
                HitTarget::Cluster { .. } => None,
            },
            None => None,
        };
        let in_overview = |p: Pos2| {
            scene.overview_rect.is_some_and(|r| {
                let q = local(p);
                q.x >= r[0] && q.x <= r[2] && q.y >= r[1] && q.y <= r[3]
            })
        };
        let overview_time = |p: Pos2| {
            let r = scene.overview_rect.unwrap_or([0.0, 0.0, 1.0, 1.0]);
            let frac = ((local(p).x - r[0]) / (r[2] - r[0]).max(1.0)) as f64;
            scene.overview_range.0
                + frac.clamp(0.0, 1.0) * (scene.overview_range.1 - scene.overview_range.0)
        };

        if let Some(p) = pointer {
            let (scroll, zoom_delta, shift) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.modifiers.shift));
            let anchor = axis.time_from_x(p.x as f64);
            if zoom_delta != 1.0 {
                self.settings.view = self.settings.view.zoom_at(zoom_delta as f64, anchor);
            } else if shift && (scroll.x != 0.0 || scroll.y != 0.0) {
                let dx = if scroll.x != 0.0 { scroll.x } else { scroll.y };
                self.settings.view = self.settings.view.pan(-dx as f64 / axis.px_per_day());
            } else if scroll.y != 0.0 {
                self.settings.view = self
                    .settings
                    .view
                    .zoom_at((scroll.y as f64 / 200.0).exp(), anchor);
            } else if scroll.x != 0.0 {
                self.settings.view = self.settings.view.pan(-scroll.x as f64 / axis.px_per_day());
            }
        }
        if response.dragged_by(PointerButton::Primary)
            && let Some(p) = response.interact_pointer_pos()
        {
            if in_overview(p) {
                let t = overview_time(p);
                self.settings.view = self.settings.view.pan(t - self.settings.view.center());
            } else {
                let dx = response.drag_delta().x as f64;
                self.settings.view = self.settings.view.pan(-dx / axis.px_per_day());
            }
        }
        // Secondary drag: zoom to the box.
        let box_id = ui.scope_id().with("zoom-box");
        // The box starts where the button went down, not where the drag was recognised a few points later.
        if response.drag_started_by(PointerButton::Secondary)
            && let Some(p) = ui
                .input(|i| i.pointer.press_origin())
                .or_else(|| response.interact_pointer_pos())
        {
            ui.data_mut(|d| d.insert_temp(box_id, p.x));
        }
        let box_start: Option<f32> = ui.data(|d| d.get_temp(box_id));
        // The box being dragged, painted over the scene below.
        let zoom_box = match (box_start, response.interact_pointer_pos()) {
            (Some(x0), Some(p)) if response.dragged_by(PointerButton::Secondary) => {
                Some(Rect::from_x_y_ranges(
                    x0.min(p.x)..=x0.max(p.x),
                    rect.min.y + scene.time_rect[1]..=rect.min.y + scene.time_rect[3],
                ))
            }
            _ => None,
        };
        self.zoom_box = zoom_box;
        if response.drag_stopped_by(PointerButton::Secondary) {
            if let (Some(x0), Some(p)) = (box_start, response.interact_pointer_pos())
                && (p.x - x0).abs() > 6.0
            {
                let (a, b) = (
                    axis.time_from_x(x0.min(p.x) as f64),
                    axis.time_from_x(x0.max(p.x) as f64),
                );
                self.settings.view = TimeView::new(a, b);
            }
            ui.data_mut(|d| d.remove::<f32>(box_id));
        }
        if response.double_clicked() {
            // On an event: select it and zoom to it; elsewhere: fit the data.
            match hit.as_ref().map(|h| &h.target) {
                Some(HitTarget::Event(i)) => {
                    self.selected = Some(*i);
                    self.scroll_to = None;
                    self.zoom_to_selected();
                }
                _ => self.fit_to_data(),
            }
        } else if response.clicked() {
            match hit.as_ref().map(|h| &h.target) {
                Some(HitTarget::Event(i)) => {
                    self.selected = Some(*i);
                    self.scroll_to = None;
                }
                Some(HitTarget::Cluster { t0, t1, lane, .. }) => {
                    self.open_cluster(*t0, *t1, *lane, response.interact_pointer_pos());
                }
                None => {
                    if let Some(p) = response.interact_pointer_pos().filter(|p| in_overview(*p)) {
                        let t = overview_time(p);
                        self.settings.view =
                            self.settings.view.pan(t - self.settings.view.center());
                    }
                }
            }
        }

        paint_scene(ui.painter(), &scene, rect.min);
        if let Some(r) = zoom_box {
            let sel = ui.visuals().selection;
            ui.painter()
                .rect_filled(r, 2.0, sel.bg_fill.gamma_multiply(0.35));
            ui.painter().rect_stroke(
                r,
                2.0,
                egui::Stroke::new(1.5, sel.stroke.color),
                egui::StrokeKind::Inside,
            );
        }
        // Hover tooltip.
        if let Some(h) = &hit {
            match h.target {
                HitTarget::Event(i) => {
                    if let Some(e) = self.data.events.get(i) {
                        response.clone().on_hover_ui_at_pointer(|ui| {
                            ui.strong(&e.title);
                            ui.label(super::detail_panel::date_text(&e.date));
                            ui.label(e.corroboration_text());
                        });
                    }
                }
                HitTarget::Cluster { t0, t1, count, .. } => {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        ui.label(format!(
                            "{count} events, {} – {}",
                            date_of(t0),
                            date_of(t1 - 1.0)
                        ));
                        ui.label(if t1 - t0 <= 1.0 {
                            "Click to list them"
                        } else {
                            "Click to zoom in"
                        });
                    });
                }
            }
        }
        // Accessibility: describe the timeline for screen readers.
        let summary = format!(
            "Timeline, {}: {} events shown",
            scene.header,
            scene.drawn_events.len()
        );
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, summary.clone()));
        // What the pointer did this frame stays on the data too.
        self.settings.view = self.bounded(self.settings.view);
        self.last_scene = Some(ShownScene {
            scene,
            options: opts,
            view: self.settings.view,
            origin: rect.min,
        });
    }

    /// A click on a cluster: when its events share one day (or the view cannot zoom further) they are listed
    /// in a popup to pick from; otherwise the view zooms to the cluster's period, where it splits.
    pub fn open_cluster(&mut self, t0: f64, t1: f64, lane: usize, at: Option<Pos2>) {
        let events = self
            .index
            .lanes
            .get(lane)
            .map(|l| crate::timeline::stack::events_in(l, &self.index.spans, t0, t1))
            .unwrap_or_default();
        let one_day = events
            .iter()
            .filter_map(|&i| self.index.spans.get(i))
            .map(|s| s.0.max(t0).floor() as i64)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            <= 1;
        let at_min_zoom =
            self.settings.view.span_days() <= crate::timeline::view::MIN_SPAN_DAYS * 1.01;
        let zoomed = self.bounded(TimeView::fit(t0, t1, 0.05));
        // Events whose spans fill the view (long spans, one period) would not split by zooming: listed too.
        let no_closer = zoomed.span_days() > self.settings.view.span_days() * 0.8;
        if !events.is_empty() && (one_day || at_min_zoom || no_closer || t1 - t0 <= 1.0) {
            self.cluster_list = Some((events, at.unwrap_or_default()));
        } else {
            self.cluster_list = None;
            self.settings.view = zoomed;
        }
    }

    /// The popup listing a cluster's events (same day, or spans a zoom cannot split); a click selects one.
    pub(super) fn cluster_list_ui(&mut self, ctx: &egui::Context) {
        let Some((events, at)) = self.cluster_list.clone() else {
            return;
        };
        let mut open = true;
        let mut picked = None;
        let one_day = events
            .iter()
            .filter_map(|&i| self.data.events.get(i))
            .map(|e| e.date.start)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            <= 1;
        let title = if one_day {
            format!("{} events on one day", events.len())
        } else {
            format!("{} events here", events.len())
        };
        egui::Window::new(title)
            .id(egui::Id::unique("cluster-list"))
            .default_pos(at)
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for &i in &events {
                            let Some(e) = self.data.events.get(i) else {
                                continue;
                            };
                            let label =
                                format!("{} — {}", e.date.start.format("%-d %b %Y"), e.title);
                            if ui
                                .selectable_label(self.selected == Some(i), label)
                                .clicked()
                            {
                                picked = Some(i);
                            }
                        }
                    });
            });
        if let Some(i) = picked {
            self.selected = Some(i);
            self.scroll_to = None;
            open = false;
        }
        if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.cluster_list = None;
        }
    }

    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        let mut open = self.export_open;
        let mut do_export = false;
        egui::Window::new("Export image").open(&mut open).resizable(false).collapsible(false).show(ctx, |ui| {
            let s = &mut self.settings.export;
            ui.horizontal(|ui| {
                ui.radio_value(&mut s.full_range, false, "Current view");
                ui.radio_value(&mut s.full_range, true, "Full range (2015–2023 and all data)");
            });
            ui.horizontal(|ui| {
                ui.label("Width");
                ui.add(egui::DragValue::new(&mut s.width).range(600..=12000).suffix(" px"));
                ui.label("Scale");
                ui.add(egui::Slider::new(&mut s.scale, 1.0..=4.0).step_by(0.5).suffix("×"));
            });
            ui.horizontal(|ui| {
                ui.checkbox(&mut s.dark, "Dark");
                ui.checkbox(&mut s.legend, "Legend");
            });
            ui.horizontal(|ui| {
                ui.label("Title");
                ui.text_edit_singleline(&mut s.title);
            });
            ui.label("A footer with the number of events, articles and outlets and today's date is added.");
            if ui.button("Save as PNG or SVG…").clicked() {
                do_export = true;
            }
        });
        self.export_open = open;
        if do_export {
            let picked = rfd::FileDialog::new()
                .add_filter("PNG image", &["png"])
                .add_filter("SVG image", &["svg"])
                .set_file_name("linimasa.png")
                .save_file();
            if let Some(path) = picked {
                let result = self.export_to(&path);
                self.report_export(&path, result);
                self.export_open = false;
            }
        }
    }

    /// Exports the timeline as configured in the export settings.
    pub fn export_to(&self, path: &std::path::Path) -> Result<(), crate::export::ExportError> {
        let s = &self.settings.export;
        let view = if s.full_range {
            crate::export::full_range_view(&self.data.events, &self.shown)
        } else {
            self.settings.view
        };
        let opts = crate::export::export_options(
            s.width as f32,
            if s.dark {
                ThemeKind::Dark
            } else {
                ThemeKind::Light
            },
            self.settings.lanes,
            (!s.title.trim().is_empty()).then(|| s.title.clone()),
            s.legend,
            &self.data.events,
            &self.shown,
            view,
            (None, None),
        );
        let scene = build(&self.data.events, &self.shown, view, &opts);
        crate::export::write_image(&scene, path, s.scale)
    }
}
