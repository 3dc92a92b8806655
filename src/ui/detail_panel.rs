//! The detail pane: the selected event's date, place, forum, people, every quote with its speaker and outlet,
//! every source, and the article text with the evidence highlighted.

use super::app::LinimasaApp;
use crate::model::{Event, Span};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText};

pub use crate::model::date_text;

/// A citation for a source: `Outlet, "Headline", published date (file).`
pub fn citation(e: &Event, source: usize) -> String {
    let Some(s) = e.sources.get(source) else {
        return String::new();
    };
    let mut out = String::new();
    out.push_str(s.outlet.as_deref().unwrap_or("Unknown outlet"));
    if let Some(t) = &s.title {
        out.push_str(&format!(", “{t}”"));
    }
    if let Some(p) = &s.published_date {
        out.push_str(&format!(", {p}"));
    }
    match &s.url {
        Some(u) => out.push_str(&format!(", {u} ({}).", s.file)),
        None => out.push_str(&format!(" ({}).", s.file)),
    }
    out
}

impl LinimasaApp {
    pub(super) fn detail_ui(&mut self, ui: &mut egui::Ui) {
        let Some(idx) = self.selected else {
            ui.heading("Details");
            ui.label("Click an event on the timeline to see its quotes and sources here.");
            ui.add_space(8.0);
            ui.label(RichText::new("Keys: ←/→ previous/next event · Enter zoom to it · Esc clear · +/− zoom · Home fit · Ctrl+F search · Ctrl+E export").weak());
            return;
        };
        let Some(e) = self.data.events.get(idx).cloned() else {
            self.selected = None;
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("detail")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let accent = ui.visuals().hyperlink_color;
                let curated = |ui: &mut egui::Ui, field: &str| {
                    if e.is_curated(field) {
                        ui.label(RichText::new("curated").small().color(accent))
                            .on_hover_text("Set by hand; undo with Ctrl+Z");
                    }
                };
                ui.horizontal_wrapped(|ui| {
                    ui.heading(&e.title);
                    curated(ui, "title");
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(date_text(&e.date)).strong());
                    curated(ui, "date");
                });
                if let Some(origin) = &e.origin {
                    ui.label(RichText::new(format!("Hand-made event from {origin}")).weak());
                }
                if !e.curated.is_empty() {
                    ui.label(
                        RichText::new(format!("Curated by hand: {}", e.curated.join(", ")))
                            .color(accent),
                    );
                }
                if let Some(note) = &e.note {
                    ui.label(RichText::new(format!("Note: {note}")).italics());
                }
                if e.mentioned_only {
                    ui.label(
                        RichText::new("Mentioned in passing; no article reports it directly.")
                            .weak(),
                    );
                }
                // Values wrap inside the pane (a long list of people must not widen it): the key column is
                // about 70 px.
                let value_w = (ui.available_width() - 78.0).max(80.0);
                egui::Grid::new("facts")
                    .num_columns(2)
                    .spacing([8.0, 4.0])
                    .show(ui, |ui| {
                        let row = |ui: &mut egui::Ui, k: &str, v: String, field: &str| {
                            if !v.is_empty() {
                                ui.label(RichText::new(k).weak());
                                ui.horizontal_wrapped(|ui| {
                                    ui.set_max_width(value_w);
                                    ui.add(egui::Label::new(v).wrap());
                                    curated(ui, field);
                                });
                                ui.end_row();
                            }
                        };
                        row(
                            ui,
                            "Location",
                            e.location.clone().unwrap_or_default(),
                            "location",
                        );
                        row(
                            ui,
                            "Forum",
                            e.forum.clone().unwrap_or_else(|| e.forum_kind.clone()),
                            "forum",
                        );
                        row(ui, "Lane", e.forum_kind.clone(), "lane");
                        row(ui, "Countries", e.countries.join(", "), "");
                        row(ui, "People", e.people.join(", "), "");
                    });
                egui::CollapsingHeader::new("Edit event")
                    .id_salt("curate")
                    .show(ui, |ui| self.curate_ui(ui, &e));
                ui.separator();
                ui.strong(format!("Quotes ({})", e.quotes.len()));
                for q in &e.quotes {
                    let source = e.sources.get(q.source);
                    let outlet = source
                        .and_then(|s| s.outlet.clone())
                        .unwrap_or_else(|| "unknown outlet".into());
                    ui.group(|ui| {
                        let r = ui.add(
                            egui::Label::new(format!("“{}”", q.quote.text))
                                .wrap()
                                .sense(egui::Sense::click()),
                        );
                        let who = match (&q.quote.speaker, &q.quote.role) {
                            (Some(s), Some(r)) => format!("— {s} ({r}), via {outlet}"),
                            (Some(s), None) => format!("— {s}, via {outlet}"),
                            _ => format!("— speaker not named, via {outlet}"),
                        };
                        ui.label(RichText::new(who).italics());
                        if r.on_hover_text("Show in the article text").clicked()
                            && let Some(s) = source
                        {
                            self.scroll_to = Some((s.article_id.clone(), q.quote.start));
                        }
                    });
                }
                ui.separator();
                ui.strong(format!("Sources: {}", e.corroboration_text()));
                if !e.merge_reasons.is_empty() {
                    ui.collapsing("Why these reports are one event", |ui| {
                        for why in &e.merge_reasons {
                            ui.label(RichText::new(why).small());
                        }
                    });
                }
                for (si, s) in e.sources.iter().enumerate() {
                    ui.group(|ui| {
                        ui.label(
                            RichText::new(
                                s.outlet.clone().unwrap_or_else(|| "Unknown outlet".into()),
                            )
                            .strong(),
                        );
                        if let Some(t) = &s.title {
                            ui.label(t);
                        }
                        if let Some(u) = &s.url {
                            ui.hyperlink(u);
                        }
                        ui.label(
                            RichText::new(format!(
                                "Published {} · {}",
                                s.published_date.as_deref().unwrap_or("date not printed"),
                                s.file
                            ))
                            .weak(),
                        );
                        if let Some(copies) = self.data.copies.get(&s.article_id)
                            && !copies.is_empty()
                        {
                            ui.label(RichText::new(also_in(copies)).weak())
                                .on_hover_text("The same text is in these files too");
                        }
                        ui.horizontal(|ui| {
                            if ui.small_button("Copy citation").clicked() {
                                ui.ctx().copy_text(citation(&e, si));
                                self.status = "Citation copied".into();
                            }
                            if ui.small_button("Open folder").clicked() {
                                self.open_folder_of(&s.article_id);
                            }
                            if e.sources.len() > 1
                                && !s.article_id.is_empty()
                                && ui
                                    .small_button("Split off")
                                    .on_hover_text(
                                        "This article reports another event: make it an event of its own",
                                    )
                                    .clicked()
                            {
                                self.curate(
                                    &e,
                                    vec![crate::curation::Op::Split {
                                        article_id: s.article_id.clone(),
                                    }],
                                );
                            }
                        });
                        egui::CollapsingHeader::new("Article text")
                            .id_salt(("text", si, &s.article_id))
                            .default_open(
                                e.sources.len() == 1
                                    || self
                                        .scroll_to
                                        .as_ref()
                                        .is_some_and(|(id, _)| *id == s.article_id),
                            )
                            .show(ui, |ui| {
                                self.article_text_ui(ui, &e, si);
                            });
                    });
                }
            });
    }

    fn open_folder_of(&mut self, article_id: &str) {
        let Some(a) = self
            .data
            .article_index
            .get(article_id)
            .and_then(|&i| self.data.articles.get(i))
        else {
            return;
        };
        let Some(dir) = a.path.parent() else { return };
        #[cfg(target_os = "linux")]
        let r = std::process::Command::new("xdg-open").arg(dir).spawn();
        #[cfg(target_os = "macos")]
        let r = std::process::Command::new("open").arg(dir).spawn();
        #[cfg(target_os = "windows")]
        let r = std::process::Command::new("explorer").arg(dir).spawn();
        #[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
        let r: std::io::Result<std::process::Child> =
            Err(std::io::Error::other("unsupported platform"));
        if let Err(e) = r {
            self.status = format!("could not open {}: {e}", dir.display());
        }
    }

    /// The article's paragraphs with the evidence (date, quotes, place) highlighted.
    fn article_text_ui(&mut self, ui: &mut egui::Ui, e: &Event, source: usize) {
        let Some(s) = e.sources.get(source) else {
            return;
        };
        let text = match self.article_text(&s.article_id, ui.ctx()) {
            Some(Ok(t)) => t,
            Some(Err(e)) => {
                ui.label(e);
                return;
            }
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the article…");
                });
                return;
            }
        };
        // Facts are stored in the same order as the articles.
        let facts = self
            .data
            .article_index
            .get(&s.article_id)
            .and_then(|&i| self.data.facts.get(i))
            .filter(|f| f.id == s.article_id);
        let mut marks: Vec<(Span, Color32)> = Vec::new();
        let dark = ui.visuals().dark_mode;
        let (date_c, date_strong, quote_c, place_c) = if dark {
            (
                Color32::from_rgb(70, 58, 25),
                Color32::from_rgb(140, 105, 20),
                Color32::from_rgb(30, 60, 95),
                Color32::from_rgb(30, 80, 50),
            )
        } else {
            (
                Color32::from_rgb(255, 240, 190),
                Color32::from_rgb(255, 205, 80),
                Color32::from_rgb(205, 228, 255),
                Color32::from_rgb(200, 240, 205),
            )
        };
        if let Some(ev) = s.evidence {
            marks.push((ev, date_c));
        }
        if let Some(f) = facts {
            if let Some(m) = f
                .date_mention
                .filter(|_| source == 0 || s.evidence == f.date_evidence)
            {
                marks.push((m, date_strong));
            }
            for q in &f.quotes {
                marks.push((Span::new(q.start, q.end), quote_c));
            }
            if let Some(l) = f.location_span {
                marks.push((l, place_c));
            }
        }
        ui.horizontal_wrapped(|ui| {
            for (label, c) in [
                ("date", date_strong),
                ("its sentence", date_c),
                ("quote", quote_c),
                ("place", place_c),
            ] {
                ui.label(RichText::new(label).background_color(c));
            }
        });
        let text = &text;
        let font = egui::TextStyle::Body.resolve(ui.style());
        let color = ui.visuals().text_color();
        let target = self
            .scroll_to
            .as_ref()
            .filter(|(id, _)| *id == s.article_id)
            .map(|(_, pos)| *pos);
        let mut pos = 0usize;
        for para in text.split('\n') {
            let start = pos;
            let end = pos + para.len();
            pos = end + 1;
            if para.trim().is_empty() {
                continue;
            }
            let mut job = LayoutJob::default();
            let mut cursor = start;
            let mut cuts: Vec<usize> = vec![start, end];
            for (m, _) in &marks {
                for b in [m.start, m.end] {
                    if b > start && b < end && text.is_char_boundary(b) {
                        cuts.push(b);
                    }
                }
            }
            cuts.sort_unstable();
            cuts.dedup();
            for w in cuts.windows(2) {
                let [a, b] = *w else { continue };
                let a = a.max(cursor);
                if b <= a {
                    continue;
                }
                let bg = marks
                    .iter()
                    .rev()
                    .find(|(m, _)| m.start <= a && b <= m.end)
                    .map(|(_, c)| *c)
                    .unwrap_or(Color32::TRANSPARENT);
                let piece = text.get(a..b).unwrap_or("");
                job.append(
                    piece,
                    0.0,
                    TextFormat {
                        font_id: font.clone(),
                        color,
                        background: bg,
                        ..Default::default()
                    },
                );
                cursor = b;
            }
            job.wrap.max_width = ui.available_width();
            let r = ui.label(job);
            if target.is_some_and(|t| t >= start && t <= end) {
                r.scroll_to_me(Some(egui::Align::Center));
                self.scroll_to = None;
            }
        }
    }
}

/// "also in: b.txt, c.txt" (the first ten files, then how many more).
pub fn also_in(copies: &[String]) -> String {
    let shown: Vec<&str> = copies.iter().take(10).map(String::as_str).collect();
    let more = copies.len().saturating_sub(shown.len());
    if more > 0 {
        format!("also in: {} and {more} more", shown.join(", "))
    } else {
        format!("also in: {}", shown.join(", "))
    }
}
