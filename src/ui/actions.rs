//! Every action of the menus, with its keyboard shortcut: the menus show the shortcut beside each item and
//! the same table turns key presses into the same actions. Also the File → Open dialogs, with a typed path
//! when no native file dialog can be shown (a desktop without an XDG portal).

use super::app::{LinimasaApp, bundled_sample};
use crate::theme::ThemeKind;
use crate::timeline::lanes::LaneMode;
use crate::timeline::view::TimeView;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Zoom factor of one `+`/`-` key press or menu zoom.
pub const KEY_ZOOM: f64 = 1.5;

/// A native dialog that returns nothing faster than this was never shown (no portal, no GTK): the app then
/// offers a typed path instead. A person who cancels takes longer.
const NO_DIALOG_SECS: f64 = 0.4;

/// Something the user can do from a menu or the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// File → Open folder….
    OpenFolder,
    /// File → Open files….
    OpenFiles,
    /// File → Open a typed path….
    OpenPath,
    /// File → Open bundled sample.
    OpenSample,
    /// File → Export image….
    ExportImage,
    /// File → Export data….
    ExportData,
    /// File → Quit.
    Quit,
    /// Edit → Undo.
    Undo,
    /// Edit → Redo.
    Redo,
    /// Edit → Search.
    Search,
    /// View → Lanes by a mode.
    Lanes(LaneMode),
    /// View → Zoom in.
    ZoomIn,
    /// View → Zoom out.
    ZoomOut,
    /// View → Fit to data.
    Fit,
    /// View → Show 2015–2023 (as far as the data allows).
    ShowProductRange,
    /// View → Previous event.
    PreviousEvent,
    /// View → Next event.
    NextEvent,
    /// View → Zoom to the selected event.
    ZoomToSelected,
    /// View → Clear the selection.
    ClearSelection,
    /// View → Light or dark theme (the other one).
    ToggleTheme,
    /// View → Theme following the system.
    SystemTheme,
    /// View → Problems panel.
    ToggleProblems,
}

impl Action {
    /// Actions taken with a Ctrl (⌘) shortcut, whatever has the keyboard focus; the others (plain keys) are read
    /// by the timeline only when no text field is being typed in.
    pub const COMMANDS: [Action; 17] = [
        Action::OpenFolder,
        Action::OpenFiles,
        Action::OpenPath,
        Action::OpenSample,
        Action::ExportImage,
        Action::ExportData,
        Action::Quit,
        Action::Search,
        Action::Lanes(LaneMode::Forum),
        Action::Lanes(LaneMode::Country),
        Action::Lanes(LaneMode::Outlet),
        Action::ShowProductRange,
        Action::ToggleTheme,
        Action::SystemTheme,
        Action::ToggleProblems,
        // Undo and redo are read by `undo_keys` (not while a text field has its own undo); listed for the menu.
        Action::Undo,
        Action::Redo,
    ];

    /// The shortcut of the action.
    pub fn shortcut(self) -> KeyboardShortcut {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let (m, k) = match self {
            Action::OpenFolder => (cmd, Key::O),
            Action::OpenFiles => (cmd_shift, Key::O),
            Action::OpenPath => (cmd, Key::L),
            Action::OpenSample => (cmd_shift, Key::B),
            Action::ExportImage => (cmd, Key::E),
            Action::ExportData => (cmd_shift, Key::E),
            Action::Quit => (cmd, Key::Q),
            Action::Undo => (cmd, Key::Z),
            Action::Redo => (cmd_shift, Key::Z),
            Action::Search => (cmd, Key::F),
            Action::Lanes(LaneMode::Forum) => (cmd, Key::Num1),
            Action::Lanes(LaneMode::Country) => (cmd, Key::Num2),
            Action::Lanes(LaneMode::Outlet) => (cmd, Key::Num3),
            Action::ZoomIn => (Modifiers::NONE, Key::Plus),
            Action::ZoomOut => (Modifiers::NONE, Key::Minus),
            Action::Fit => (Modifiers::NONE, Key::Home),
            Action::ShowProductRange => (cmd, Key::Home),
            Action::PreviousEvent => (Modifiers::NONE, Key::ArrowLeft),
            Action::NextEvent => (Modifiers::NONE, Key::ArrowRight),
            Action::ZoomToSelected => (Modifiers::NONE, Key::Enter),
            Action::ClearSelection => (Modifiers::NONE, Key::Escape),
            Action::ToggleTheme => (cmd, Key::T),
            Action::SystemTheme => (cmd_shift, Key::T),
            Action::ToggleProblems => (cmd, Key::P),
        };
        KeyboardShortcut::new(m, k)
    }
}

/// The state of the typed-path prompt (File → Open a path…).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PathPrompt {
    /// The path as typed.
    pub text: String,
    /// Why the prompt is shown or what went wrong with the last path typed.
    pub message: String,
}

impl LinimasaApp {
    /// Takes the Ctrl shortcuts of [`Action::COMMANDS`] out of this frame's input and runs them.
    pub(super) fn command_keys(&mut self, ctx: &egui::Context) {
        // A shortcut with Shift first: Ctrl+Shift+O also matches Ctrl+O's pattern.
        let with_shift = Action::COMMANDS
            .into_iter()
            .filter(|a| a.shortcut().modifiers.shift);
        let without = Action::COMMANDS
            .into_iter()
            .filter(|a| !a.shortcut().modifiers.shift);
        for action in with_shift.chain(without) {
            if matches!(action, Action::Undo | Action::Redo) {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&action.shortcut())) {
                self.run_action(action, ctx);
            }
        }
    }

    /// Does what a menu item or shortcut asks.
    pub fn run_action(&mut self, action: Action, ctx: &egui::Context) {
        let view = self.settings.view;
        match action {
            Action::OpenFolder => self.pick_and_open(ctx, false),
            Action::OpenFiles => self.pick_and_open(ctx, true),
            Action::OpenPath => self.prompt_for_path(String::new()),
            Action::OpenSample => self.open(vec![bundled_sample()], ctx),
            Action::ExportImage => self.export_open = true,
            Action::ExportData => self.pick_and_export_data(),
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Search => self.focus_search = true,
            Action::Lanes(mode) => self.settings.lanes = mode,
            Action::ZoomIn => self.settings.view = view.zoom_at(KEY_ZOOM, view.center()),
            Action::ZoomOut => self.settings.view = view.zoom_at(1.0 / KEY_ZOOM, view.center()),
            Action::Fit => self.fit_to_data(),
            Action::ShowProductRange => self.settings.view = self.bounded(TimeView::default()),
            Action::PreviousEvent => self.step_selection(-1),
            Action::NextEvent => self.step_selection(1),
            Action::ZoomToSelected => self.zoom_to_selected(),
            Action::ClearSelection => {
                self.selected = None;
                self.cluster_list = None;
            }
            Action::ToggleTheme => {
                self.settings.theme = Some(match self.theme_kind(ctx) {
                    ThemeKind::Dark => ThemeKind::Light,
                    ThemeKind::Light => ThemeKind::Dark,
                })
            }
            Action::SystemTheme => self.settings.theme = None,
            Action::ToggleProblems => self.settings.show_problems = !self.settings.show_problems,
        }
    }

    /// Opens the typed-path prompt with `message` saying why.
    pub fn prompt_for_path(&mut self, message: String) {
        let text = self.path_prompt.take().map(|p| p.text).unwrap_or_else(|| {
            self.settings
                .corpus
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        });
        self.path_prompt = Some(PathPrompt { text, message });
    }

    /// File → Open folder… / Open files…: the native dialog, or the typed path when none can be shown.
    fn pick_and_open(&mut self, ctx: &egui::Context, files: bool) {
        if !self.native_dialogs {
            self.prompt_for_path("File dialogs are off: type the path of a folder or file.".into());
            return;
        }
        let asked = std::time::Instant::now();
        let picked = if files {
            rfd::FileDialog::new()
                .add_filter("Articles", &["txt", "md", "json", "jsonl", "csv"])
                .pick_files()
        } else {
            rfd::FileDialog::new().pick_folder().map(|d| vec![d])
        };
        match picked {
            Some(paths) if !paths.is_empty() => self.open(paths, ctx),
            _ if asked.elapsed().as_secs_f64() < NO_DIALOG_SECS => self.prompt_for_path(
                "No file dialog could be shown (no desktop portal or GTK on this system): type the \
                 path of a folder or file instead."
                    .into(),
            ),
            _ => {}
        }
    }

    /// File → Export data…: a save dialog, then CSV or TimelineJS by the file's extension.
    fn pick_and_export_data(&mut self) {
        if !self.native_dialogs {
            self.status = "File dialogs are off: use `linimasa extract` to export data".into();
            return;
        }
        let picked = rfd::FileDialog::new()
            .add_filter("CSV (one row per event)", &["csv"])
            .add_filter("TimelineJS3 JSON", &["json"])
            .set_file_name("linimasa-events.csv")
            .save_file();
        if let Some(path) = picked {
            let result = self.export_data(&path);
            self.report_export(&path, result);
        }
    }

    /// The typed-path prompt: Open reads the folder or file typed (a path that does not exist is said so, and
    /// the prompt stays).
    pub(super) fn path_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(mut prompt) = self.path_prompt.take() else {
            return;
        };
        let mut open = true;
        let mut go = false;
        egui::Window::new("Open a folder or file")
            .id(egui::Id::unique("path-prompt"))
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(ctx, |ui| {
                if !prompt.message.is_empty() {
                    ui.label(&prompt.message);
                }
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .hint_text("/path/to/articles")
                        .desired_width(420.0)
                        .id_salt("path-prompt-text"),
                );
                if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    go = true;
                }
                ui.horizontal(|ui| {
                    go |= ui.button("Open").clicked();
                });
            });
        if go {
            let path = PathBuf::from(prompt.text.trim());
            if prompt.text.trim().is_empty() || !path.exists() {
                prompt.message = format!(
                    "{} does not exist: type the path of a folder or file.",
                    crate::corpus::escaped_path(&path)
                );
            } else {
                self.open(vec![path], ctx);
                return;
            }
        }
        if open && !ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.path_prompt = Some(prompt);
        }
    }

    /// A menu item showing its shortcut; a click runs the action and closes the menu.
    fn menu_item(&mut self, ui: &mut egui::Ui, label: &str, action: Action, enabled: bool) {
        let keys = ui.ctx().format_shortcut(&action.shortcut());
        if ui
            .add_enabled(enabled, egui::Button::new(label).shortcut_text(keys))
            .clicked()
        {
            ui.close();
            self.run_action(action, ui.ctx());
        }
    }

    /// A menu item for a choice, ticked when chosen, with its shortcut.
    fn menu_choice(&mut self, ui: &mut egui::Ui, label: &str, chosen: bool, action: Action) {
        let keys = ui.ctx().format_shortcut(&action.shortcut());
        if ui
            .add(egui::Button::selectable(chosen, label).shortcut_text(keys))
            .clicked()
        {
            ui.close();
            self.run_action(action, ui.ctx());
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.menu_item(ui, "Open folder…", Action::OpenFolder, true);
                self.menu_item(ui, "Open files…", Action::OpenFiles, true);
                self.menu_item(ui, "Open a typed path…", Action::OpenPath, true);
                self.menu_item(ui, "Open bundled sample", Action::OpenSample, true);
                ui.separator();
                self.menu_item(ui, "Export image…", Action::ExportImage, true);
                self.menu_item(ui, "Export data…", Action::ExportData, true);
                ui.separator();
                self.menu_item(ui, "Quit", Action::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = (self.can_undo(), self.can_redo());
                self.menu_item(ui, "Undo", Action::Undo, undo);
                self.menu_item(ui, "Redo", Action::Redo, redo);
                ui.separator();
                self.menu_item(ui, "Search…", Action::Search, true);
                ui.separator();
                ui.label(match &self.data.overlay_path {
                    Some(p) => format!("Edits are saved in {}", p.display()),
                    None => "No corpus folder: edits are not saved".into(),
                });
            });
            ui.menu_button("View", |ui| {
                for mode in LaneMode::ALL {
                    let chosen = self.settings.lanes == mode;
                    self.menu_choice(
                        ui,
                        &format!("Lanes by {}", mode.name()),
                        chosen,
                        Action::Lanes(mode),
                    );
                }
                ui.separator();
                self.menu_item(ui, "Zoom in", Action::ZoomIn, true);
                self.menu_item(ui, "Zoom out", Action::ZoomOut, true);
                self.menu_item(ui, "Fit to data", Action::Fit, true);
                self.menu_item(ui, "Show 2015–2023", Action::ShowProductRange, true);
                ui.separator();
                let selected = self.selected.is_some();
                self.menu_item(ui, "Previous event", Action::PreviousEvent, true);
                self.menu_item(ui, "Next event", Action::NextEvent, true);
                self.menu_item(
                    ui,
                    "Zoom to selected event",
                    Action::ZoomToSelected,
                    selected,
                );
                self.menu_item(ui, "Clear selection", Action::ClearSelection, selected);
                ui.separator();
                let dark = self.theme_kind(ui.ctx()) == ThemeKind::Dark;
                self.menu_item(
                    ui,
                    if dark { "Light theme" } else { "Dark theme" },
                    Action::ToggleTheme,
                    true,
                );
                let system = self.settings.theme.is_none();
                self.menu_choice(ui, "Theme follows the system", system, Action::SystemTheme);
                let problems = self.settings.show_problems;
                self.menu_choice(ui, "Problems panel", problems, Action::ToggleProblems);
            });
        });
    }
}
