//! The application: corpus loading on a background thread, persisted settings, menus, and the panels.

use crate::corpus::LoadOptions;
use crate::curation::{Edit, Overlay, Unapplied, store};
use crate::filter::{Filters, search_text};
use crate::model::{Article, ArticleFacts, Event, EventRow, Skipped};
use crate::pipeline::BaseEvents;
use crate::scene::{Scene, SceneOptions};
use crate::theme::ThemeKind;
use crate::timeline::lanes::LaneMode;
use crate::timeline::view::TimeView;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

/// What the user chose, remembered between runs (not derived data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last corpus opened.
    pub corpus: Vec<PathBuf>,
    /// Visible time range.
    pub view: TimeView,
    /// Lane mode.
    pub lanes: LaneMode,
    /// Theme; `None` follows the system.
    pub theme: Option<ThemeKind>,
    /// Search and facets.
    pub filters: Filters,
    /// Show the Problems panel.
    pub show_problems: bool,
    /// Image export settings.
    pub export: ExportSettings,
    /// Width the user gave the detail pane (by dragging its edge), in points; shown clamped to
    /// [`DETAIL_MIN_W`] and [`DETAIL_MAX_FRACTION`] of the window.
    pub detail_width: f32,
}

/// Narrowest detail pane.
pub const DETAIL_MIN_W: f32 = 260.0;
/// Widest detail pane, as a fraction of the window's width: the timeline keeps the rest.
pub const DETAIL_MAX_FRACTION: f32 = 0.45;
/// Width of the detail pane before the user drags it.
pub const DETAIL_DEFAULT_W: f32 = 400.0;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            corpus: Vec::new(),
            view: TimeView::default(),
            lanes: LaneMode::Forum,
            theme: None,
            filters: Filters::default(),
            show_problems: true,
            export: ExportSettings::default(),
            detail_width: DETAIL_DEFAULT_W,
        }
    }
}

/// Options of File → Export image….
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ExportSettings {
    /// Export the full range (else the current view).
    pub full_range: bool,
    /// Width in pixels.
    pub width: u32,
    /// Scale factor.
    pub scale: f32,
    /// Dark theme.
    pub dark: bool,
    /// Draw the legend.
    pub legend: bool,
    /// Title.
    pub title: String,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            full_range: true,
            width: 3000,
            scale: 1.0,
            dark: false,
            legend: true,
            title: "Southeast Asian cyber diplomacy, 2015–2023".into(),
        }
    }
}

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Files or folders to open; empty opens the last corpus or the bundled sample.
    pub paths: Vec<PathBuf>,
    /// Save a PNG of the window after a few frames, then exit.
    pub screenshot: Option<PathBuf>,
    /// Load synchronously before the first frame (tests, screenshots).
    pub load_now: bool,
    /// Ignore persisted settings.
    pub fresh: bool,
    /// Size limits for loading.
    pub load: LoadOptions,
    /// The folder for settings and for edits that could not be saved beside the corpus; `None`: the user's
    /// config folder ([`user_dir`]).
    pub config_dir: Option<PathBuf>,
}

impl StartOptions {
    /// A name for the window title.
    pub fn corpus_name(&self) -> String {
        corpus_name(&self.paths_or_default())
    }

    /// The paths to open, the bundled sample when none were given.
    pub fn paths_or_default(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![bundled_sample()]
        } else {
            self.paths.clone()
        }
    }
}

/// The bundled corpus: `sample_data/` next to the executable's project, or in the working folder.
pub fn bundled_sample() -> PathBuf {
    let here = PathBuf::from("sample_data");
    if here.is_dir() {
        return here;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")
}

fn corpus_name(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| one.display().to_string()),
        [] => "no corpus".into(),
        many => format!("{} items", many.len()),
    }
}

/// The loaded data.
#[derive(Debug, Clone, Default)]
pub struct Data {
    /// Articles as loaded (for the text with highlighted evidence).
    pub articles: Vec<Article>,
    /// Extracted facts per article.
    pub facts: Vec<ArticleFacts>,
    /// Events before curation (sorted by start date). Shared with `events` while no edit applies.
    pub base: Arc<Vec<Event>>,
    /// The article-level reports the events were merged from, computed when a merge or split needs them.
    pub reports: Option<Vec<Event>>,
    /// Events shown (curated), sorted by start date: the base events themselves (not a copy) when no edit
    /// applies.
    pub events: Arc<Vec<Event>>,
    /// Events hidden by hand.
    pub hidden: Vec<Event>,
    /// Files skipped, with reasons.
    pub skipped: Vec<Skipped>,
    /// Folded search text per event, built when a search first needs it (see [`Data::search_texts`]).
    search_texts: std::sync::OnceLock<Vec<String>>,
    /// Article index by id.
    pub article_index: HashMap<String, usize>,
    /// The curation overlay: every edit, in order.
    pub overlay: Overlay,
    /// Where the overlay is saved (`None` when nothing is open).
    pub overlay_path: Option<PathBuf>,
    /// The overlay as last read from or written to its file: a save checks the file still holds it, and merges
    /// when another window or program changed it since.
    pub overlay_on_disk: Overlay,
    /// Why the overlay file found on opening could not be read; it is moved aside before the first save.
    pub overlay_damaged: Option<String>,
    /// Edits that could not be applied.
    pub unapplied: Vec<Unapplied>,
    /// By article id, the other files that hold the same text (shown as "also in: …").
    pub copies: std::collections::BTreeMap<String, Vec<String>>,
}

impl Data {
    /// Builds the data from loaded articles and hand-made event rows; the overlay is applied by
    /// [`Data::with_overlay_of`].
    pub fn from_parts(
        articles: Vec<Article>,
        facts: Vec<ArticleFacts>,
        rows: &[EventRow],
        skipped: Vec<Skipped>,
    ) -> Data {
        let base = crate::pipeline::base_events(&facts, rows);
        Data::from_base(articles, facts, base, skipped)
    }

    /// Builds the data from loaded articles and their (merged) base events.
    pub fn from_base(
        articles: Vec<Article>,
        facts: Vec<ArticleFacts>,
        base: BaseEvents,
        mut skipped: Vec<Skipped>,
    ) -> Data {
        skipped.extend(base.skipped);
        let article_index = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut data = Data {
            articles,
            facts,
            base: Arc::new(base.events),
            skipped,
            article_index,
            ..Data::default()
        };
        data.recurate();
        data
    }

    /// Reads the overlay that belongs to the corpus opened from `paths` and applies it.
    pub fn with_overlay_of(mut self, paths: &[PathBuf]) -> Data {
        self.overlay_path = store::overlay_path(paths);
        if let Some(path) = &self.overlay_path {
            match store::load(path) {
                store::Loaded::Ok(o) => {
                    self.overlay_on_disk = o.clone();
                    self.overlay = o;
                }
                store::Loaded::Missing => {}
                store::Loaded::Damaged(reason) => self.overlay_damaged = Some(reason),
            }
        }
        // The data was curated with no edits when it was built; only edits make it differ.
        if !self.overlay.edits.is_empty() {
            self.recurate();
        }
        self
    }

    /// Applies the overlay's edits to the base events again.
    pub fn recurate(&mut self) {
        if crate::curation::needs_reports(&self.overlay.edits) && self.reports.is_none() {
            self.reports = Some(crate::extract::merge::reports(&self.facts));
        }
        let reports = self.reports.as_deref().unwrap_or(&[]);
        let in_order = |a: &Event, b: &Event| {
            crate::extract::merge::event_order(a, b) != std::cmp::Ordering::Greater
        };
        // The order is checked only when there is no edit (a scan of every event).
        if self.overlay.edits.is_empty() && self.base.is_sorted_by(in_order) {
            // Nothing to apply: what curation would give is the base events as they are (sorted as
            // `sort_events` sorts), so they are shared rather than copied.
            self.events = Arc::clone(&self.base);
            self.hidden = Vec::new();
            self.unapplied = Vec::new();
        } else {
            let c = crate::curation::apply(&self.base, reports, &self.overlay.edits);
            self.events = Arc::new(c.events);
            self.hidden = c.hidden;
            self.unapplied = c.unapplied;
        }
        self.search_texts = std::sync::OnceLock::new();
    }

    /// The folded search text of each event ([`search_text`]), built the first time a search needs it (once per
    /// set of events: opening a corpus does not wait for an index nobody may use).
    pub fn search_texts(&self) -> &[String] {
        self.search_texts.get_or_init(|| {
            use rayon::prelude::*;
            self.events.par_iter().map(search_text).collect()
        })
    }

    /// Everything to list in the Problems panel: skipped files, a damaged overlay, edits not applied.
    pub fn problems(&self) -> Vec<Skipped> {
        let mut out = self.skipped.clone();
        if let Some(reason) = &self.overlay_damaged {
            out.push(Skipped {
                file: store::FILE_NAME.into(),
                reason: format!(
                    "{reason} — it is left as it is and moved aside (never overwritten) when you next edit"
                ),
            });
        }
        for u in &self.unapplied {
            out.push(Skipped {
                file: format!("{} (edit {})", store::FILE_NAME, u.index + 1),
                reason: format!(
                    "“{}”: {} ({}) not applied: {}",
                    u.edit.target_title,
                    u.edit.op.describe(),
                    u.edit.at,
                    u.reason
                ),
            });
        }
        out
    }

    /// Loads and extracts synchronously, with the corpus's overlay applied.
    pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Data {
        let got = crate::pipeline::ingest::ingest(paths, opts, false, &|_, _| true, &mut |_| {});
        Data::from_ingested(got, opts).with_overlay_of(paths)
    }

    /// The data of a finished ingest: the merged events come from the cache when the corpus is unchanged since
    /// they were cached, else they are merged (and cached).
    pub fn from_ingested(got: crate::pipeline::ingest::Ingested, opts: &LoadOptions) -> Data {
        let cached = opts.cache_dir.as_deref().and_then(|d| {
            crate::pipeline::ingest::cached_events(d, &got.corpus_key, &got.fingerprint)
        });
        let base = match cached {
            Some(b) => b,
            None => {
                let b = crate::pipeline::base_events(&got.facts, &got.event_rows);
                if let Some(d) = opts.cache_dir.as_deref() {
                    crate::pipeline::ingest::store_events(d, &got.corpus_key, &got.fingerprint, &b);
                }
                b
            }
        };
        let mut data = Data::from_base(got.articles, got.facts, base, got.skipped);
        data.copies = got.copies;
        data
    }
}

/// The scene painted in the last frame and what it was built from.
#[derive(Debug, Clone)]
pub struct ShownScene {
    /// The scene.
    pub scene: Scene,
    /// Its options.
    pub options: SceneOptions,
    /// Its view.
    pub view: TimeView,
    /// Screen position of the scene's top-left corner.
    pub origin: egui::Pos2,
}

/// A load running on a background thread.
struct LoadJob {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    /// Partial data (`false`) while loading, then the whole (`true`).
    rx: Receiver<(Data, bool)>,
}

/// The Linimasa application state.
pub struct LinimasaApp {
    /// Persisted choices.
    pub settings: Settings,
    /// Loaded data.
    pub data: Data,
    /// Which events pass the filters.
    pub shown: Vec<bool>,
    /// Lanes, spans and sorted starts of the shown events (rebuilt when the events, filters or lanes change).
    pub index: crate::timeline::index::TimelineIndex,
    /// Live facet counts for the current filters.
    pub facet_counts: std::collections::BTreeMap<crate::filter::Facet, Vec<(String, usize)>>,
    /// Selected event.
    pub selected: Option<usize>,
    /// Hovered event.
    pub hovered: Option<usize>,
    /// The scene painted in the last frame (what the export of the current view reproduces).
    pub last_scene: Option<ShownScene>,
    /// A message for the status bar.
    pub status: String,
    /// Ask the search box for focus on the next frame.
    pub focus_search: bool,
    /// Show the export dialog.
    pub export_open: bool,
    /// The typed-path prompt of File → Open, when shown.
    pub path_prompt: Option<super::actions::PathPrompt>,
    /// Use the system's file dialogs (tests turn them off: File → Open then asks for a typed path).
    pub native_dialogs: bool,
    /// The box of a right-button drag (zoom to the box on release), while it is dragged.
    pub zoom_box: Option<egui::Rect>,
    /// The detail pane's rectangle in the last frame.
    pub detail_rect: Option<egui::Rect>,
    /// The time range of all loaded events (shown or not): pan and zoom stay on it, with a margin.
    pub data_bounds: Option<(f64, f64)>,
    /// Fit the view to the data when the data next arrives (a newly opened corpus).
    fit_on_load: bool,
    /// The view the last fit gave: a corpus that finishes loading refits unless the user moved since.
    last_fit_view: Option<TimeView>,
    /// The events of a clicked cluster whose events share a day, listed in a popup so each can be selected,
    /// with where the popup opens.
    pub cluster_list: Option<(Vec<usize>, egui::Pos2)>,
    /// Quote (article id, byte span) to scroll the article text to.
    pub scroll_to: Option<(String, usize)>,
    /// The detail pane's edit form (text being typed).
    pub curate_form: Option<super::curate::CurateForm>,
    /// Sizes of the undoable actions at the end of the overlay (one action may hold several edits).
    pub undo_sizes: Vec<usize>,
    /// Undone actions, last on top.
    pub redo_stack: Vec<Vec<Edit>>,
    /// Size limits for loading.
    pub load_opts: LoadOptions,
    /// Article texts read again for the detail pane (the loaded data keeps none), by article id.
    pub text_cache: HashMap<String, Result<String, String>>,
    /// Article texts being read on a background thread (never on the UI thread: a slow file must not freeze
    /// the window), filled in by that thread.
    text_reads: TextReads,
    job: Option<LoadJob>,
    screenshot: Option<(PathBuf, u32)>,
    screenshot_done: Arc<Mutex<Option<Result<(), String>>>>,
    theme_applied: Option<ThemeKind>,
    filters_applied: Option<Filters>,
    persist: bool,
    /// Problems of the app itself, listed in the Problems panel after the corpus's: settings that could not be
    /// read, edits that could not be saved beside the corpus.
    pub app_problems: Vec<Skipped>,
    /// Edits that neither the corpus's folder nor the fallback file could take: they exist only in memory.
    pub edits_in_memory_only: bool,
    /// The window asks before closing with edits only in memory.
    pub quit_prompt: bool,
    /// The user chose to quit without those edits.
    quit_confirmed: bool,
    /// The fallback file this session wrote, with the overlay as last written there.
    pub(super) fallback_on_disk: Option<(PathBuf, Overlay)>,
    /// The folder of the settings file and of edits that could not be saved beside the corpus.
    pub config_dir: Option<PathBuf>,
    last_saved: Option<String>,
    last_save_check: f64,
}

/// Article texts being read in the background by article id: `None` until the read ends.
type TextReads = Arc<Mutex<HashMap<String, Option<Result<String, String>>>>>;

/// The user's folder for Linimasa's settings: `linimasa` in the config folder (`~/.config/linimasa`), never the
/// corpus.
pub fn user_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("linimasa"))
}

/// Where settings are kept: `settings.json` in [`user_dir`].
pub fn settings_path() -> Option<PathBuf> {
    user_dir().map(|d| d.join("settings.json"))
}

/// Settings and egui's memory (panel sizes, collapsed sections) as saved.
#[derive(Serialize, Deserialize)]
struct Saved {
    settings: Settings,
    #[serde(default)]
    egui_memory: Option<egui::Memory>,
}

/// Reads the settings saved at `path` (opened without ever blocking: a FIFO or a device there is refused with
/// what it is, and the app goes on with defaults).
fn load_saved(ctx: &egui::Context, path: Option<&Path>) -> Result<Option<Settings>, String> {
    let Some(path) = path else {
        return Ok(None);
    };
    // Temporary files of a settings save killed midway.
    crate::curation::store::remove_orphan_temps(path);
    let text = match crate::corpus::read_regular(path, 64 * 1024 * 1024) {
        Ok((bytes, _)) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(crate::corpus::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(format!("{}: {e}", crate::corpus::escaped_path(path))),
    };
    let saved: Saved = serde_json::from_str(&text)
        .map_err(|e| format!("{} is damaged ({e}); defaults used", path.display()))?;
    if let Some(m) = saved.egui_memory {
        ctx.memory_mut(|mem| *mem = m);
    }
    Ok(Some(saved.settings))
}

impl LinimasaApp {
    /// Creates the app from eframe's creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> LinimasaApp {
        super::install_fonts(&cc.egui_ctx);
        let persist = !start.fresh && start.screenshot.is_none();
        let config_dir = start.config_dir.clone().or_else(user_dir);
        let mut status = String::new();
        let mut settings = Settings::default();
        let mut restored = false;
        let mut app_problems = Vec::new();
        if persist {
            let path = config_dir.as_ref().map(|d| d.join("settings.json"));
            match load_saved(&cc.egui_ctx, path.as_deref()) {
                Ok(Some(s)) => {
                    settings = s;
                    restored = true;
                }
                Ok(None) => {}
                Err(e) => {
                    status = format!("Settings not restored: {e}");
                    app_problems.push(Skipped {
                        file: "settings.json".into(),
                        reason: format!("{e} — not restored; defaults used"),
                    });
                }
            }
        }
        let paths = if !start.paths.is_empty() {
            start.paths.clone()
        } else if !settings.corpus.is_empty() && settings.corpus.iter().all(|p| p.exists()) {
            settings.corpus.clone()
        } else {
            vec![bundled_sample()]
        };
        // The corpus of the last session keeps the view it was left at; any other corpus is fitted.
        let fit_on_load = !(restored && settings.corpus == paths);
        if settings.corpus != paths {
            settings.corpus = paths.clone();
        }
        let mut app = LinimasaApp {
            settings,
            data: Data::default(),
            shown: Vec::new(),
            index: Default::default(),
            facet_counts: Default::default(),
            selected: None,
            hovered: None,
            last_scene: None,
            status,
            focus_search: false,
            export_open: false,
            path_prompt: None,
            native_dialogs: true,
            detail_rect: None,
            zoom_box: None,
            data_bounds: None,
            fit_on_load,
            last_fit_view: None,
            cluster_list: None,
            scroll_to: None,
            curate_form: None,
            undo_sizes: Vec::new(),
            redo_stack: Vec::new(),
            load_opts: start.load.clone(),
            text_cache: HashMap::new(),
            text_reads: Arc::new(Mutex::new(HashMap::new())),
            job: None,
            screenshot: start.screenshot.clone().map(|p| (p, 0)),
            screenshot_done: Arc::new(Mutex::new(None)),
            theme_applied: None,
            filters_applied: None,
            persist,
            app_problems,
            edits_in_memory_only: false,
            quit_prompt: false,
            quit_confirmed: false,
            fallback_on_disk: None,
            config_dir,
            last_saved: None,
            last_save_check: 0.0,
        };
        if start.load_now || start.screenshot.is_some() {
            app.set_data(Data::load(&paths, &app.load_opts));
        } else {
            app.open(paths, &cc.egui_ctx);
            // `open` asks for a fit; the last session's corpus keeps its view.
            app.fit_on_load = fit_on_load;
        }
        app
    }

    /// Everything to list in the Problems panel: the corpus's ([`Data::problems`]), then the app's own.
    pub fn problems(&self) -> Vec<Skipped> {
        let mut out = self.data.problems();
        out.extend(self.app_problems.iter().cloned());
        out
    }

    /// Replaces the data and recomputes what is shown.
    pub fn set_data(&mut self, data: Data) {
        self.data = data;
        self.text_cache.clear();
        if let Ok(mut r) = self.text_reads.lock() {
            r.clear();
        }
        self.selected = None;
        self.hovered = None;
        self.curate_form = None;
        self.undo_sizes.clear();
        self.redo_stack.clear();
        self.filters_applied = None;
        self.refilter();
        self.data_bounds = crate::scene::data_extent(&self.data.events, &[]);
        if self.fit_on_load {
            self.fit_to_data();
            self.fit_on_load = false;
        } else {
            self.settings.view = self.bounded(self.settings.view);
        }
        self.status = format!(
            "{} articles, {} events, {} files skipped",
            self.data.articles.len(),
            self.data.events.len(),
            self.data.skipped.len()
        );
        if !self.data.overlay.edits.is_empty() {
            self.status.push_str(&format!(
                ", {} curation edits applied",
                self.data.overlay.edits.len() - self.data.unapplied.len()
            ));
        }
        self.adopt_earlier_unsaved_edits();
    }

    /// Adopts the edits an earlier session could not save beside this corpus (its fallback file): they are
    /// applied, and saved beside the corpus at once when its folder can now be written (the fallback file then
    /// goes); otherwise they stay in the fallback file, merged with the new ones at each save. Problems says so.
    fn adopt_earlier_unsaved_edits(&mut self) {
        const LABEL: &str = "unsaved edits";
        self.app_problems.retain(|p| p.file != LABEL);
        let Some(f) = self
            .data
            .overlay_path
            .as_deref()
            .and_then(|p| self.fallback_overlay_path(p))
        else {
            return;
        };
        let written_here = self
            .fallback_on_disk
            .as_ref()
            .is_some_and(|(written, _)| *written == f);
        if written_here || !f.is_file() {
            return;
        }
        let shown = crate::corpus::escaped_path(&f);
        let earlier = match store::load(&f) {
            store::Loaded::Ok(o) => o,
            store::Loaded::Missing => return,
            store::Loaded::Damaged(why) => {
                self.app_problems.push(Skipped {
                    file: LABEL.into(),
                    reason: format!(
                        "edits an earlier session could not save beside this corpus are in {shown}, which \
                         cannot be read ({why}); not applied"
                    ),
                });
                return;
            }
        };
        let before = self.data.overlay.edits.len();
        for e in &earlier.edits {
            if !self.data.overlay.edits.contains(e) {
                self.data.overlay.edits.push(e.clone());
            }
        }
        let adopted = self.data.overlay.edits.len() - before;
        if adopted == 0 && self.data.overlay == self.data.overlay_on_disk {
            // Every edit it holds is in the corpus's curation file already: it has nothing left to keep.
            let _ = std::fs::remove_file(&f);
            return;
        }
        self.fallback_on_disk = Some((f.clone(), earlier));
        self.data.recurate();
        self.invalidate_filters();
        // Saved beside the corpus now if its folder can take them (a damaged curation file is left for the
        // user's next edit to move aside).
        let status = self.status.clone();
        if self.data.overlay_damaged.is_none() {
            self.save_overlay();
        }
        if self.fallback_on_disk.is_some() {
            self.status =
                format!("{status}, {adopted} edits of an earlier session applied from {shown}");
            self.app_problems.push(Skipped {
                file: LABEL.into(),
                reason: format!(
                    "{adopted} edits an earlier session could not save beside this corpus were applied from \
                     {shown}; they stay there until this folder can be written"
                ),
            });
        } else {
            self.status.push_str(&format!(
                ", {adopted} edits an earlier session could not save here applied and saved"
            ));
        }
    }

    /// Forces the filter mask and facet counts to be recomputed (the events changed).
    pub fn invalidate_filters(&mut self) {
        self.filters_applied = None;
        self.refilter();
    }

    /// Recomputes the filter mask if the filters changed.
    pub fn refilter(&mut self) {
        if self.filters_applied.as_ref() == Some(&self.settings.filters)
            && self.shown.len() == self.data.events.len()
        {
            if self.index.mode != self.settings.lanes {
                self.index = crate::timeline::index::TimelineIndex::new(
                    &self.data.events,
                    &self.shown,
                    self.settings.lanes,
                );
            }
            return;
        }
        // The events' search texts only when there is something to search for.
        let searching = crate::filter::fold(&self.settings.filters.search)
            .split_whitespace()
            .next()
            .is_some();
        let texts: &[String] = if searching {
            self.data.search_texts()
        } else {
            &[]
        };
        self.shown = self.settings.filters.apply(&self.data.events, texts);
        if self
            .selected
            .is_some_and(|s| !self.shown.get(s).copied().unwrap_or(false))
        {
            self.selected = None;
        }
        self.facet_counts = self.settings.filters.counts(&self.data.events, texts);
        self.index = crate::timeline::index::TimelineIndex::new(
            &self.data.events,
            &self.shown,
            self.settings.lanes,
        );
        self.filters_applied = Some(self.settings.filters.clone());
    }

    /// Opens files or folders on a background thread.
    pub fn open(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        self.settings.corpus = paths.clone();
        self.fit_on_load = true;
        self.path_prompt = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(format!(
            "Linimasa — {}",
            corpus_name(&paths)
        )));
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (d, t, c, ctx2) = (done.clone(), total.clone(), cancel.clone(), ctx.clone());
        let opts = self.load_opts.clone();
        let spawned = std::thread::Builder::new()
            .name("linimasa-load".into())
            .spawn(move || {
                let progress = |n: usize, total: usize| {
                    t.store(total, Ordering::Relaxed);
                    d.store(n, Ordering::Relaxed);
                    ctx2.request_repaint();
                    !c.load(Ordering::Relaxed)
                };
                // A snapshot at most every second, so that building them never dominates the load.
                let mut last = std::time::Instant::now();
                let mut partial = |snapshot: crate::pipeline::ingest::Snapshot<'_>| {
                    if last.elapsed().as_secs_f64() < 1.0 {
                        return;
                    }
                    let so_far = snapshot();
                    let data = Data::from_parts(
                        so_far.articles,
                        so_far.facts,
                        &so_far.event_rows,
                        so_far.skipped,
                    )
                    .with_overlay_of(&paths);
                    let _ = tx.send((data, false));
                    ctx2.request_repaint();
                    last = std::time::Instant::now();
                };
                let got =
                    crate::pipeline::ingest::ingest(&paths, &opts, false, &progress, &mut partial);
                if c.load(Ordering::Relaxed) {
                    return;
                }
                let data = Data::from_ingested(got, &opts).with_overlay_of(&paths);
                let _ = tx.send((data, true));
                ctx2.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.job = Some(LoadJob {
                    done,
                    total,
                    cancel,
                    rx,
                });
                self.status = "Loading…".into();
            }
            Err(e) => self.status = format!("could not start loading: {e}"),
        }
    }

    fn poll_job(&mut self) {
        let Some(job) = &self.job else { return };
        // The latest message wins: partial snapshots fill the timeline in while a large corpus loads.
        let mut latest = None;
        while let Ok(msg) = job.rx.try_recv() {
            latest = Some(msg);
        }
        if let Some((data, complete)) = latest {
            if complete {
                self.job = None;
                // The whole corpus refits the view the first snapshot was fitted to, unless the user moved it.
                if self.last_fit_view == Some(self.settings.view) {
                    self.fit_on_load = true;
                }
                self.set_data(data);
            } else {
                let selected = self
                    .selected
                    .and_then(|i| self.data.events.get(i))
                    .map(|e| e.id.clone());
                self.set_data(data);
                self.selected =
                    selected.and_then(|id| crate::curation::find_part(&self.data.events, &id));
                self.status = "Loading…".into();
            }
        }
    }

    /// The theme in use.
    pub fn theme_kind(&self, ctx: &egui::Context) -> ThemeKind {
        self.settings.theme.unwrap_or_else(|| {
            if ctx.theme() == egui::Theme::Dark {
                ThemeKind::Dark
            } else {
                ThemeKind::Light
            }
        })
    }

    /// Fits the view to the shown events that articles report (events only mentioned in passing, often years
    /// older, stay within panning reach).
    pub fn fit_to_data(&mut self) {
        if let Some((a, b)) =
            crate::timeline::index::reported_extent(&self.data.events, &self.shown)
        {
            self.settings.view = self.bounded(TimeView::fit(a, b, 0.04));
            self.last_fit_view = Some(self.settings.view);
        }
    }

    /// `view` kept on the loaded data (see [`TimeView::bounded_to`]); any view when nothing is loaded.
    pub fn bounded(&self, view: TimeView) -> TimeView {
        match self.data_bounds {
            Some((a, b)) => view.bounded_to(a, b),
            None => view,
        }
    }

    /// Zooms to the selected event, with a few of its spans of room each side.
    pub fn zoom_to_selected(&mut self) {
        if let Some(e) = self.selected.and_then(|s| self.data.events.get(s)) {
            let (a, b) = crate::scene::event_span(e);
            self.settings.view = self.bounded(TimeView::fit(a, b, 3.0));
        }
    }

    /// The detail pane: as wide as the user dragged it (kept in the settings), at least [`DETAIL_MIN_W`] and at
    /// most [`DETAIL_MAX_FRACTION`] of the window. Its content never widens it: the pane's width is fixed
    /// except while its edge is being dragged.
    fn detail_panel(&mut self, ui: &mut egui::Ui) {
        let max_w = (ui.available_width() * DETAIL_MAX_FRACTION).max(DETAIL_MIN_W);
        let width = self.settings.detail_width.clamp(DETAIL_MIN_W, max_w);
        // The panel's resize handle, as egui names it: the panel's id (the parent's scope and the salt) with
        // `__resize`.
        let resize_id = ui.scope_id().with("detail").with("__resize");
        let resizing = ui
            .ctx()
            .read_response(resize_id)
            .is_some_and(|r| r.dragged() || r.drag_stopped());
        let panel = egui::Panel::right("detail").resizable(true);
        let panel = if resizing {
            panel.size_range(DETAIL_MIN_W..=max_w)
        } else {
            panel.resizable(false).exact_size(width)
        };
        let shown = panel.show(ui, |ui| self.detail_ui(ui));
        let rect = shown.response.rect;
        if resizing {
            self.settings.detail_width = rect.width().clamp(DETAIL_MIN_W, max_w);
        }
        self.detail_rect = Some(rect);
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.job {
                let (d, t) = (
                    job.done.load(Ordering::Relaxed),
                    job.total.load(Ordering::Relaxed),
                );
                let frac = if t == 0 { 0.0 } else { d as f32 / t as f32 };
                ui.add(
                    egui::ProgressBar::new(frac)
                        .desired_width(220.0)
                        .text(format!("Loading {d}/{t} files")),
                );
                if ui.button("Cancel").clicked() {
                    job.cancel.store(true, Ordering::Relaxed);
                    self.job = None;
                    self.status = "Loading cancelled".into();
                }
            } else {
                ui.label(&self.status);
                let shown = self.index.shown;
                if self.settings.filters.is_active() {
                    ui.separator();
                    ui.label(format!(
                        "{shown} of {} events match the filters",
                        self.data.events.len()
                    ));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let n = self.problems().len();
                if n > 0
                    && ui
                        .selectable_label(
                            self.settings.show_problems,
                            format!("⚠ {n} problem{}", if n == 1 { "" } else { "s" }),
                        )
                        .clicked()
                {
                    self.settings.show_problems = !self.settings.show_problems;
                }
            });
        });
    }

    fn problems_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.strong("Problems");
            ui.label(format!(
                "— {} files skipped{}",
                self.data.skipped.len(),
                match self.data.unapplied.len() {
                    0 => String::new(),
                    1 => ", 1 curation edit not applied".to_string(),
                    n => format!(", {n} curation edits not applied"),
                }
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button("Hide").clicked() {
                    self.settings.show_problems = false;
                }
            });
        });
        egui::ScrollArea::vertical()
            .max_height(120.0)
            .id_salt("problems")
            .show(ui, |ui| {
                egui::Grid::new("problems-grid")
                    .striped(true)
                    .num_columns(2)
                    .show(ui, |ui| {
                        for s in &self.problems() {
                            ui.label(&s.file);
                            ui.label(&s.reason);
                            ui.end_row();
                        }
                    });
            });
    }

    /// Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo curation edits, unless a text field is being typed in
    /// (which has its own undo).
    fn undo_keys(&mut self, ctx: &egui::Context) {
        if ctx.memory(|m| m.focused().is_some()) {
            return;
        }
        let (redo, undo) = ctx.input_mut(|i| {
            let redo = i.consume_key(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            ) || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y);
            (redo, i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z))
        });
        if redo {
            self.redo();
        } else if undo {
            self.undo();
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.open(dropped, ctx);
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let kind = self.theme_kind(ctx);
        if self.theme_applied != Some(kind)
            || self.settings.theme.is_some() && self.theme_applied.is_none()
        {
            match self.settings.theme {
                Some(ThemeKind::Dark) => ctx.set_theme(egui::Theme::Dark),
                Some(ThemeKind::Light) => ctx.set_theme(egui::Theme::Light),
                None => ctx.set_theme(egui::ThemePreference::System),
            }
            self.theme_applied = Some(kind);
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some((path, frames)) = &mut self.screenshot else {
            return;
        };
        *frames += 1;
        if let Ok(guard) = self.screenshot_done.lock()
            && let Some(result) = guard.as_ref()
        {
            if *frames < 10_000 {
                match result {
                    Ok(()) => eprintln!("saved {}", path.display()),
                    Err(e) => eprintln!("error: {e}"),
                }
                *frames = 10_000;
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if *frames == 6 {
            let path = path.clone();
            let done = self.screenshot_done.clone();
            ctx.request_screenshot(move |image| {
                let result = save_color_image(&image, &path);
                if let Ok(mut g) = done.lock() {
                    *g = Some(result);
                }
            });
        }
    }
}

impl LinimasaApp {
    /// The text of an article, read again from its file the first time it is shown (and kept for a while). The
    /// read runs on a background thread: `None` while it runs (the window is repainted when it ends).
    pub fn article_text(
        &mut self,
        article_id: &str,
        ctx: &egui::Context,
    ) -> Option<Result<String, String>> {
        if let Some(t) = self.text_cache.get(article_id) {
            return Some(t.clone());
        }
        let Some(article) = self
            .data
            .article_index
            .get(article_id)
            .and_then(|&i| self.data.articles.get(i))
        else {
            return Some(Err("The article is not loaded.".into()));
        };
        let mut break_with = None;
        let text = if article.text.is_empty() {
            let Ok(mut reads) = self.text_reads.lock() else {
                return Some(Err("internal: the article reader failed".into()));
            };
            match reads.get(article_id).map(Option::is_some) {
                Some(true) => reads.remove(article_id).flatten()?,
                Some(false) => return None,
                None => {
                    reads.insert(article_id.to_string(), None);
                    let (article, opts) = (article.clone(), self.load_opts.clone());
                    let (shared, ctx, id) =
                        (self.text_reads.clone(), ctx.clone(), article_id.to_string());
                    let spawned = std::thread::Builder::new()
                        .name("linimasa-article-text".into())
                        .spawn(move || {
                            let text = crate::pipeline::ingest::article_text(&article, &opts);
                            if let Ok(mut r) = shared.lock()
                                && let Some(slot) = r.get_mut(&id)
                            {
                                *slot = Some(text);
                            }
                            ctx.request_repaint();
                        });
                    if let Err(e) = spawned {
                        reads.remove(article_id);
                        return Some(Err(format!("could not start reading the article: {e}")));
                    }
                    drop(reads);
                    // A quick read (nearly all) shows in this frame: wait for it a few milliseconds, never more.
                    for _ in 0..30 {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                        if let Ok(mut r) = self.text_reads.lock()
                            && r.get(article_id).is_some_and(Option::is_some)
                        {
                            if let Some(Some(t)) = r.remove(article_id) {
                                break_with = Some(t);
                            }
                            break;
                        }
                    }
                    break_with?
                }
            }
        } else {
            Ok(article.text.clone())
        };
        if self.text_cache.len() > 256 {
            self.text_cache.clear();
        }
        self.text_cache.insert(article_id.to_string(), text.clone());
        Some(text)
    }

    /// Puts the outcome of an export in the status bar.
    pub fn report_export<E: std::fmt::Display>(
        &mut self,
        path: &std::path::Path,
        result: Result<(), E>,
    ) {
        self.status = match result {
            Ok(()) => format!("Exported {}", path.display()),
            Err(e) => format!("Export failed: {e}"),
        };
    }

    /// Writes the shown events as CSV (`.csv`) or a TimelineJS3 document (`.json`), atomically.
    pub fn export_data(&self, path: &std::path::Path) -> Result<(), String> {
        let events: Vec<Event> = self
            .data
            .events
            .iter()
            .zip(&self.shown)
            .filter(|(_, s)| **s)
            .map(|(e, _)| e.clone())
            .collect();
        let bytes = match path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("csv") => crate::export::data::to_csv(&events)
                .map_err(|e| e.to_string())?
                .into_bytes(),
            Some("json") => serde_json::to_vec_pretty(&crate::export::data::to_timelinejs(
                &events,
                "Linimasa timeline",
            ))
            .map_err(|e| e.to_string())?,
            _ => {
                return Err(format!(
                    "unknown data format for {}: use a .csv or .json file name",
                    path.display()
                ));
            }
        };
        crate::export::write_atomic(path, &bytes)
            .map_err(|e| format!("could not write {}: {e}", path.display()))
    }

    /// Writes the settings (and egui's memory) atomically if they changed since the last save.
    pub fn save_settings(&mut self, ctx: Option<&egui::Context>) {
        if !self.persist {
            return;
        }
        let Some(path) = self.config_dir.as_ref().map(|d| d.join("settings.json")) else {
            return;
        };
        let saved = Saved {
            settings: self.settings.clone(),
            egui_memory: ctx.map(|c| c.memory(|m| m.clone())),
        };
        let Ok(json) = serde_json::to_string(&saved) else {
            return;
        };
        if self.last_saved.as_deref() == Some(json.as_str()) {
            return;
        }
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match crate::export::write_atomic(&path, json.as_bytes()) {
            Ok(()) => self.last_saved = Some(json),
            Err(e) => self.status = format!("could not save settings to {}: {e}", path.display()),
        }
    }
}

impl LinimasaApp {
    /// Asked when the window is to close: edits not saved anywhere are tried once more (beside the corpus, then
    /// the fallback file); `true` (keep the window open, and ask) when they would still be lost.
    pub fn hold_close(&mut self) -> bool {
        if self.quit_confirmed || !self.unsaved_edits() {
            return false;
        }
        if self.edits_in_memory_only {
            self.save_overlay();
        }
        self.quit_prompt = self.edits_in_memory_only;
        self.quit_prompt
    }

    /// The question asked before closing with edits only in memory.
    fn quit_prompt_ui(&mut self, ctx: &egui::Context) {
        if !self.quit_prompt {
            return;
        }
        let mut quit = false;
        let mut stay = false;
        egui::Window::new("Edits not saved")
            .id(egui::Id::unique("quit-prompt"))
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(&self.status);
                ui.label("Quitting now loses these edits.");
                ui.horizontal(|ui| {
                    stay = ui.button("Keep the window open").clicked();
                    quit = ui.button("Quit without saving").clicked();
                });
            });
        if quit {
            self.quit_confirmed = true;
            self.quit_prompt = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else if stay {
            self.quit_prompt = false;
        }
    }
}

/// Saves an egui screenshot as PNG (atomically).
fn save_color_image(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w as u32, h as u32).ok_or("empty screenshot")?;
    for (dst, src) in pixmap.pixels_mut().iter_mut().zip(image.pixels.iter()) {
        let [r, g, b, a] = src.to_array();
        *dst = resvg::tiny_skia::ColorU8::from_rgba(r, g, b, a).premultiply();
    }
    let png = pixmap.encode_png().map_err(|e| e.to_string())?;
    crate::export::write_atomic(path, &png)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}

impl eframe::App for LinimasaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.poll_job();
        self.handle_dropped_files(&ctx);
        self.refilter();
        self.undo_keys(&ctx);
        self.command_keys(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.settings.show_problems && !self.problems().is_empty() {
            egui::Panel::bottom("problems")
                .resizable(true)
                .show(ui, |ui| self.problems_ui(ui));
        }
        egui::Panel::left("filters")
            .resizable(true)
            .default_size(230.0)
            .min_size(170.0)
            .show(ui, |ui| self.filter_ui(ui));
        self.detail_panel(ui);
        egui::CentralPanel::default().show(ui, |ui| self.timeline_ui(ui));

        if self.export_open {
            self.export_window(&ctx);
        }
        self.cluster_list_ui(&ctx);
        self.path_prompt_ui(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && self.hold_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        self.quit_prompt_ui(&ctx);
        self.screenshot_step(&ctx);
        let now = ctx.input(|i| i.time);
        if now - self.last_save_check > 5.0 {
            self.last_save_check = now;
            self.save_settings(Some(&ctx));
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Edits not in the corpus's curation file (its folder could not be written): tried there once more, else
        // written to the fallback file in the user's folder (never lost silently).
        if self.unsaved_edits() {
            self.save_overlay();
            eprintln!("{}", self.status);
        }
        self.save_settings(None);
        crate::pipeline::ingest::flush_cache_writes();
    }
}
