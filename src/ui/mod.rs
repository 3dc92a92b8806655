//! The egui front end: panels and menus that read the model and paint [`crate::scene::Scene`]s. Nothing here
//! parses article text.

pub mod actions;
pub mod app;
pub mod curate;
pub mod detail_panel;
mod filter_panel;
mod timeline_panel;

use crate::scene::{Anchor, Scene, Shape};
use crate::theme::Rgba;
use egui::{
    Align2, Color32, CornerRadius, FontFamily, FontId, Pos2, Rect, Stroke, StrokeKind, Vec2,
};
use std::sync::Arc;

pub use app::{LinimasaApp, StartOptions};

/// Name of the bold font family registered with egui.
pub const BOLD_FAMILY: &str = "linimasa-bold";

/// Registers the embedded fonts (the ones the exporter uses) with egui.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        Arc::new(egui::FontData::from_static(crate::fonts::REGULAR)),
    );
    fonts.font_data.insert(
        "dejavu-bold".into(),
        Arc::new(egui::FontData::from_static(crate::fonts::BOLD)),
    );
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "dejavu".into());
    }
    let mut bold = vec!["dejavu-bold".to_string()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    ctx.set_fonts(fonts);
}

/// egui colour of a theme colour.
pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0, c.1, c.2, c.3)
}

fn font(size: f32, bold: bool) -> FontId {
    if bold {
        FontId::new(size, FontFamily::Name(BOLD_FAMILY.into()))
    } else {
        FontId::new(size, FontFamily::Proportional)
    }
}

/// Paints a scene with its top-left at `origin`.
pub fn paint_scene(painter: &egui::Painter, scene: &Scene, origin: Pos2) {
    let o = origin.to_vec2();
    painter.rect_filled(
        Rect::from_min_size(origin, Vec2::new(scene.width, scene.height)),
        0.0,
        color(scene.background),
    );
    for shape in &scene.shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                radius,
                fill,
                stroke,
            } => {
                let rect =
                    Rect::from_min_size(Pos2::new(*x, *y) + o, Vec2::new(w.max(0.0), h.max(0.0)));
                let stroke = stroke
                    .map(|(w, c)| Stroke::new(w, color(c)))
                    .unwrap_or(Stroke::NONE);
                painter.rect(
                    rect,
                    CornerRadius::same(radius.round().clamp(0.0, 255.0) as u8),
                    fill.map(color).unwrap_or(Color32::TRANSPARENT),
                    stroke,
                    StrokeKind::Middle,
                );
            }
            Shape::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
            } => {
                let stroke = stroke
                    .map(|(w, c)| Stroke::new(w, color(c)))
                    .unwrap_or(Stroke::NONE);
                painter.circle(
                    Pos2::new(*cx, *cy) + o,
                    *r,
                    fill.map(color).unwrap_or(Color32::TRANSPARENT),
                    stroke,
                );
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
            } => {
                painter.line_segment(
                    [Pos2::new(*x1, *y1) + o, Pos2::new(*x2, *y2) + o],
                    Stroke::new(*width, color(*c)),
                );
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                color: c,
                bold,
                anchor,
            } => {
                let align = match anchor {
                    Anchor::Start => Align2::LEFT_CENTER,
                    Anchor::Middle => Align2::CENTER_CENTER,
                    Anchor::End => Align2::RIGHT_CENTER,
                };
                painter.text(
                    Pos2::new(*x, *y) + o,
                    align,
                    text,
                    font(*size, *bold),
                    color(*c),
                );
            }
        }
    }
}

/// How the window first looks: its size in points and a theme (else the remembered or the system's).
#[derive(Debug, Clone, Copy, Default)]
pub struct Look {
    /// Width and height of the window.
    pub size: Option<[f32; 2]>,
    /// Light or dark.
    pub theme: Option<crate::theme::ThemeKind>,
}

/// Opens the native window. `screenshot` saves a PNG of the window after a few frames and exits.
pub fn run(start: StartOptions) -> anyhow::Result<()> {
    run_with(start, Look::default())
}

/// [`run`] with a first size and theme (`--window-size`, `--theme`).
pub fn run_with(start: StartOptions, look: Look) -> anyhow::Result<()> {
    let title = format!("Linimasa — {}", start.corpus_name());
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_inner_size(look.size.unwrap_or([1400.0, 860.0]))
        .with_min_inner_size([900.0, 560.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let shot = start.screenshot.clone();
    if let Some(p) = &shot {
        // A stale file must not pass for a new screenshot.
        let _ = std::fs::remove_file(p);
    }
    eframe::run_native(
        "Linimasa",
        options,
        Box::new(move |cc| {
            let mut app = LinimasaApp::new(cc, start);
            if look.theme.is_some() {
                app.settings.theme = look.theme;
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))?;
    if let Some(p) = shot {
        let ok = std::fs::metadata(&p).is_ok_and(|m| m.len() > 0);
        anyhow::ensure!(ok, "no screenshot was saved to {}", p.display());
    }
    Ok(())
}
