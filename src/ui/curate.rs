//! Curation in the app: the "Edit event" section of the detail pane (date with precision, title, forum, lane,
//! place, note; hide, merge, split), the list of hidden events, undo/redo, and saving the overlay.

use super::app::LinimasaApp;
use crate::curation::{Edit, Op, find_part, store};
use crate::model::{DateSpan, Event, Precision, Skipped};
use egui::RichText;
use std::path::{Path, PathBuf};

/// The edit form's text fields for one event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CurateForm {
    /// The event the form was filled from.
    pub event_id: String,
    /// Date as typed.
    pub date: String,
    /// Title.
    pub title: String,
    /// Forum.
    pub forum: String,
    /// Lane.
    pub lane: String,
    /// Place.
    pub location: String,
    /// Note.
    pub note: String,
}

impl CurateForm {
    /// The form filled from an event.
    pub fn of(e: &Event) -> CurateForm {
        CurateForm {
            event_id: e.id.clone(),
            date: e.date.to_input(),
            title: e.title.clone(),
            forum: e.forum.clone().unwrap_or_default(),
            lane: e.forum_kind.clone(),
            location: e.location.clone().unwrap_or_default(),
            note: e.note.clone().unwrap_or_default(),
        }
    }

    /// The edits that turn `e` into what the form says, or the reason the form cannot be applied.
    pub fn ops(&self, e: &Event) -> Result<Vec<Op>, String> {
        let mut ops = Vec::new();
        let opt = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        };
        if self.date.trim() != e.date.to_input() {
            ops.push(Op::SetDate {
                date: DateSpan::parse(&self.date)?,
            });
        }
        if self.title.trim() != e.title {
            if self.title.trim().is_empty() {
                return Err("the title cannot be empty".into());
            }
            ops.push(Op::SetTitle {
                title: self.title.trim().to_string(),
            });
        }
        if opt(&self.forum) != e.forum {
            ops.push(Op::SetForum {
                forum: opt(&self.forum),
            });
        }
        if self.lane.trim() != e.forum_kind && !self.lane.trim().is_empty() {
            ops.push(Op::SetLane {
                lane: self.lane.trim().to_string(),
            });
        }
        if opt(&self.location) != e.location {
            ops.push(Op::SetLocation {
                location: opt(&self.location),
            });
        }
        if opt(&self.note) != e.note {
            ops.push(Op::SetNote {
                note: opt(&self.note),
            });
        }
        Ok(ops)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

impl LinimasaApp {
    /// Records edits of one event as one undoable action, re-applies the overlay, keeps the event selected and
    /// saves the overlay.
    pub fn curate(&mut self, event: &Event, ops: Vec<Op>) {
        if ops.is_empty() {
            return;
        }
        let edits: Vec<Edit> = ops.into_iter().map(|op| Edit::now(event, op)).collect();
        let what: Vec<String> = edits.iter().map(|e| e.op.describe()).collect();
        self.undo_sizes.push(edits.len());
        self.data.overlay.edits.extend(edits);
        self.redo_stack.clear();
        self.after_curation(
            event,
            format!(
                "{} — “{}” (Ctrl+Z undoes)",
                capitalise(&what.join(", ")),
                event.title
            ),
        );
    }

    /// Undoes the last action (Ctrl+Z).
    pub fn undo(&mut self) {
        let n = self.undo_sizes.pop().unwrap_or(1);
        let len = self.data.overlay.edits.len();
        if len == 0 {
            self.status = "Nothing to undo".into();
            return;
        }
        let undone = self.data.overlay.edits.split_off(len.saturating_sub(n));
        let target = undone.first().map(|e| e.target.clone());
        let what = undone
            .iter()
            .map(|e| e.op.describe())
            .collect::<Vec<_>>()
            .join(", ");
        self.redo_stack.push(undone);
        self.reselect_after(target.as_deref(), format!("Undone: {what}"));
    }

    /// Redoes the last undone action (Ctrl+Shift+Z).
    pub fn redo(&mut self) {
        let Some(edits) = self.redo_stack.pop() else {
            self.status = "Nothing to redo".into();
            return;
        };
        let target = edits.first().map(|e| e.target.clone());
        let what = edits
            .iter()
            .map(|e| e.op.describe())
            .collect::<Vec<_>>()
            .join(", ");
        self.undo_sizes.push(edits.len());
        self.data.overlay.edits.extend(edits);
        self.reselect_after(target.as_deref(), format!("Redone: {what}"));
    }

    /// Whether there is something to undo / redo.
    pub fn can_undo(&self) -> bool {
        !self.data.overlay.edits.is_empty()
    }

    /// Whether an undone action can be redone.
    pub fn can_redo(&self) -> bool {
        !self.redo_stack.is_empty()
    }

    fn after_curation(&mut self, event: &Event, status: String) {
        let target = event.parts.first().unwrap_or(&event.id).clone();
        self.reselect_after(Some(&target), status);
    }

    fn reselect_after(&mut self, target: Option<&str>, status: String) {
        self.data.recurate();
        self.invalidate_filters();
        self.selected = target.and_then(|t| find_part(&self.data.events, t));
        self.curate_form = None;
        self.status = status;
        self.save_overlay();
    }

    /// Writes the overlay atomically beside the corpus; a damaged overlay found on opening is moved aside first.
    pub fn save_overlay(&mut self) {
        let Some(path) = self.data.overlay_path.clone() else {
            self.status = "Edits kept in memory only: no corpus folder to save them in".into();
            return;
        };
        if self.data.overlay_damaged.is_some() && path.exists() {
            match store::move_aside(&path) {
                Ok(aside) => {
                    self.data.overlay_damaged = None;
                    self.status = format!(
                        "{} — the damaged curation file was kept as {}",
                        self.status,
                        aside.display()
                    );
                }
                Err(e) => {
                    self.status = format!(
                        "Edits not saved: the damaged {} could not be moved aside ({e})",
                        path.display()
                    );
                    return;
                }
            }
        } else {
            self.data.overlay_damaged = None;
        }
        match store::save_merging(&path, &self.data.overlay_on_disk, &self.data.overlay) {
            Ok(store::Saved::Written) => {
                self.data.overlay_on_disk = self.data.overlay.clone();
                self.edits_saved_to(&path);
            }
            Ok(store::Saved::Merged(merged)) => {
                self.edits_saved_to(&path);
                self.data.overlay_on_disk = merged.clone();
                self.data.overlay = merged;
                self.data.recurate();
                self.invalidate_filters();
                self.status = format!(
                    "{} — the curation file had changed on disk (another window?): its edits and yours were \
                     merged",
                    self.status
                );
            }
            Ok(store::Saved::MovedAside(aside)) => {
                self.edits_saved_to(&path);
                self.data.overlay_on_disk = self.data.overlay.clone();
                self.status = format!(
                    "{} — the curation file was damaged on disk and kept as {}",
                    self.status,
                    crate::corpus::escaped_path(&aside)
                );
            }
            Err(e) => self.save_elsewhere(&path, &e.to_string()),
        }
    }

    /// Whether there are edits that are not in the corpus's curation file (they may be in the fallback file).
    pub fn unsaved_edits(&self) -> bool {
        self.data.overlay != self.data.overlay_on_disk
    }

    /// Where edits go when they cannot be saved beside the corpus (a read-only folder): a file in the user's
    /// folder named after the corpus's curation file, `unsaved-edits/<folder>-<hash>.json`.
    pub fn fallback_overlay_path(&self, overlay_path: &Path) -> Option<PathBuf> {
        let dir = self.config_dir.as_ref()?.join("unsaved-edits");
        let folder = overlay_path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder: String = folder
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        let key = crate::corpus::content_id(&overlay_path.to_string_lossy(), None);
        let key: String = key.chars().take(12).collect();
        Some(dir.join(format!("{folder}-{key}.json")))
    }

    /// The edits were saved to the corpus's curation file: a fallback problem no longer holds.
    fn edits_saved_to(&mut self, path: &Path) {
        self.edits_in_memory_only = false;
        // The fallback file this session wrote for this curation file holds nothing it now lacks: it goes.
        if let Some((written, _)) = &self.fallback_on_disk
            && self.fallback_overlay_path(path).as_ref() == Some(written)
        {
            let _ = std::fs::remove_file(written);
            self.fallback_on_disk = None;
        }
        let before = self.app_problems.len();
        self.app_problems
            .retain(|p| !p.file.starts_with(store::FILE_NAME));
        if self.app_problems.len() != before {
            self.status = format!("{} — edits saved to {}", self.status, path.display());
        }
    }

    /// The edits could not be written to `path` (`why`): they are written to the fallback file instead, and the
    /// status line and the Problems panel say where (or that they are only in memory, when that fails too).
    fn save_elsewhere(&mut self, path: &Path, why: &str) {
        self.app_problems
            .retain(|p| !p.file.starts_with(store::FILE_NAME));
        let shown = crate::corpus::escaped_path(path);
        let fallback = self.fallback_overlay_path(path);
        // Merged with what the fallback file already holds (edits of an earlier session that could not be saved
        // here either): none is overwritten, and they are adopted (applied, and saved here once possible).
        let base = match (&self.fallback_on_disk, &fallback) {
            (Some((written, o)), Some(f)) if written == f => o.clone(),
            _ => crate::curation::Overlay::default(),
        };
        let saved = fallback.as_ref().map(|f| {
            f.parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| store::save_merging(f, &base, &self.data.overlay))
        });
        let saved = match (saved, &fallback) {
            (Some(Ok(store::Saved::Merged(merged))), Some(f)) => {
                self.fallback_on_disk = Some((f.clone(), merged.clone()));
                self.data.overlay = merged;
                self.data.recurate();
                self.invalidate_filters();
                Some(Ok(()))
            }
            (Some(Ok(_)), Some(f)) => {
                self.fallback_on_disk = Some((f.clone(), self.data.overlay.clone()));
                Some(Ok(()))
            }
            (Some(Ok(_)), None) => Some(Ok(())),
            (Some(Err(e)), _) => Some(Err(e)),
            (None, _) => None,
        };
        let saved_ok = saved.as_ref().map(Result::is_ok);
        let (status, reason) = match (&fallback, saved) {
            (Some(f), Some(Ok(()))) => {
                let f = crate::corpus::escaped_path(f);
                (
                    format!("Edits not saved to {shown} ({why}); saved instead to {f}"),
                    format!(
                        "edits could not be saved here ({why}); they are kept in {f} — copy it here as {} \
                         when the folder can be written",
                        store::FILE_NAME
                    ),
                )
            }
            (f, saved) => {
                let also = match (f, saved) {
                    (Some(f), Some(Err(e))) => {
                        format!(" nor to {} ({e})", crate::corpus::escaped_path(f))
                    }
                    _ => String::new(),
                };
                (
                    format!(
                        "Edits not saved to {shown} ({why}){also}; they are only in memory: they are lost \
                         when you quit"
                    ),
                    format!("edits could not be saved ({why}){also}; they are only in memory"),
                )
            }
        };
        self.edits_in_memory_only = !matches!(&saved_ok, Some(true));
        self.status = status;
        self.app_problems.push(Skipped {
            file: store::FILE_NAME.into(),
            reason,
        });
    }

    /// The "Edit event" section of the detail pane.
    pub(super) fn curate_ui(&mut self, ui: &mut egui::Ui, e: &Event) {
        let mut form = match self.curate_form.take() {
            Some(f) if f.event_id == e.id => f,
            _ => CurateForm::of(e),
        };
        let mut apply = false;
        // Fields fill the pane but never push it wider (the label column is about 50 px).
        let field_w = (ui.available_width() - 70.0).max(120.0);
        egui::Grid::new("curate-form")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label("Date");
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut form.date)
                            .hint_text("2018-04-28, 2018-04, 2018 or 2018-04-27..2018-04-28")
                            .desired_width(field_w),
                    )
                    .on_hover_text("The precision follows what you type: a day, a month or a year");
                    let feedback = match DateSpan::parse(&form.date) {
                        Ok(d) => RichText::new(format!(
                            "{} · precision: {}",
                            super::detail_panel::date_text(&d),
                            precision_name(d.precision)
                        ))
                        .weak(),
                        Err(err) => RichText::new(err).color(ui.visuals().error_fg_color),
                    };
                    ui.label(feedback);
                });
                ui.end_row();
                for (label, value) in [
                    ("Title", &mut form.title),
                    ("Forum", &mut form.forum),
                    ("Place", &mut form.location),
                ] {
                    ui.label(label);
                    let r = ui.add(egui::TextEdit::singleline(value).desired_width(field_w));
                    apply |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.end_row();
                }
                ui.label("Lane");
                ui.horizontal(|ui| {
                    egui::ComboBox::from_id_salt("curate-lane")
                        .selected_text(form.lane.clone())
                        .show_ui(ui, |ui| {
                            for lane in self.lane_choices() {
                                ui.selectable_value(&mut form.lane, lane.clone(), lane);
                            }
                        });
                    ui.add(
                        egui::TextEdit::singleline(&mut form.lane)
                            .hint_text("or type a new lane")
                            .desired_width(120.0),
                    );
                });
                ui.end_row();
                ui.label("Note");
                ui.add(
                    egui::TextEdit::multiline(&mut form.note)
                        .desired_rows(2)
                        .desired_width(field_w),
                );
                ui.end_row();
            });
        let ops = form.ops(e);
        ui.horizontal(|ui| {
            let changed = matches!(&ops, Ok(o) if !o.is_empty());
            apply |= ui
                .add_enabled(changed, egui::Button::new("Apply changes"))
                .clicked();
            if ui
                .add_enabled(form != CurateForm::of(e), egui::Button::new("Reset"))
                .clicked()
            {
                form = CurateForm::of(e);
            }
            if let Err(err) = &ops {
                ui.label(RichText::new(err).color(ui.visuals().error_fg_color));
            }
        });
        let mut action: Option<Vec<Op>> = None;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Hide event")
                .on_hover_text("Hidden events leave the timeline and the exports; the Filters panel lists them")
                .clicked()
            {
                action = Some(vec![Op::Hide]);
            }
            let candidates = self.merge_candidates(e, 12);
            egui::ComboBox::from_id_salt("merge-with")
                .selected_text("Merge with…")
                .width(200.0)
                .show_ui(ui, |ui| {
                    for (i, label) in candidates {
                        if ui.selectable_label(false, label).clicked()
                            && let Some(other) = self.data.events.get(i)
                        {
                            let part = other.parts.first().unwrap_or(&other.id).clone();
                            action = Some(vec![Op::Merge { other: part }]);
                        }
                    }
                });
        });
        if apply && let Ok(ops) = ops {
            action = Some(ops);
        }
        match action {
            Some(ops) => self.curate(e, ops),
            None => self.curate_form = Some(form),
        }
    }

    /// Lanes to offer: the forum lanes in use plus the usual ones.
    fn lane_choices(&self) -> Vec<String> {
        let mut out: Vec<String> = [
            "ASEAN",
            "UN",
            "Bilateral",
            "Multilateral",
            "Global",
            "National",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for e in self.data.events.iter() {
            if !out.contains(&e.forum_kind) && e.origin.is_none() {
                out.push(e.forum_kind.clone());
            }
        }
        out
    }

    /// The events nearest in time to `e` (indices and labels), for "Merge with…".
    pub fn merge_candidates(&self, e: &Event, n: usize) -> Vec<(usize, String)> {
        let mut near: Vec<(i64, usize)> = self
            .data
            .events
            .iter()
            .enumerate()
            .filter(|(_, o)| o.id != e.id)
            .map(|(i, o)| ((o.date.start - e.date.start).num_days().abs(), i))
            .collect();
        near.sort_unstable();
        near.into_iter()
            .take(n)
            .filter_map(|(_, i)| {
                let o = self.data.events.get(i)?;
                Some((i, format!("{} — {}", o.date.to_input(), o.title)))
            })
            .collect()
    }

    /// The hidden events, each with an Unhide button (in the Filters panel).
    pub(super) fn hidden_ui(&mut self, ui: &mut egui::Ui) {
        if self.data.hidden.is_empty() {
            return;
        }
        egui::CollapsingHeader::new(format!("Hidden events ({})", self.data.hidden.len()))
            .id_salt("hidden-events")
            .show(ui, |ui| {
                for h in self.data.hidden.clone() {
                    ui.horizontal_wrapped(|ui| {
                        if ui.small_button("Unhide").clicked() {
                            self.curate(&h, vec![Op::Unhide]);
                        }
                        ui.label(format!("{} — {}", h.date.to_input(), h.title));
                    });
                }
            });
    }
}
