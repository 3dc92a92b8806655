//! Scene → SVG and PNG with no window and no GPU, and atomic file writes. The PNG is the SVG rasterised by resvg
//! with the embedded fonts, so the two files and the screen show the same glyphs.

pub mod data;

use crate::scene::{Anchor, Scene, Shape};
use crate::theme::Rgba;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Export failures, each with a message a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output's extension is neither `.png` nor `.svg`.
    #[error("unknown image format for {0}: use a .png or .svg file name")]
    UnknownFormat(PathBuf),
    /// The image would be too large.
    #[error("image too large: {0}×{1} pixels (limit 20000×20000)")]
    TooLarge(u32, u32),
    /// Rendering failed.
    #[error("could not render the image: {0}")]
    Render(String),
    /// Writing failed.
    /// (The cause is part of the message and not a `source`: a report of the error with its chain of causes
    /// would print it twice.)
    #[error("could not write {}: {error}", crate::corpus::escaped_path(path))]
    Write {
        /// The destination.
        path: PathBuf,
        /// The cause.
        error: std::io::Error,
    },
}

/// Image formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Raster.
    Png,
    /// Vector.
    Svg,
}

impl ImageFormat {
    /// The format a path's extension asks for.
    pub fn from_path(path: &Path) -> Result<ImageFormat, ExportError> {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("png") => Ok(ImageFormat::Png),
            Some("svg") => Ok(ImageFormat::Svg),
            _ => Err(ExportError::UnknownFormat(path.to_path_buf())),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn paint(attr: &str, c: Rgba) -> String {
    if c.3 == 255 {
        format!(r#"{attr}="{}""#, c.hex())
    } else {
        format!(
            r#"{attr}="{}" {attr}-opacity="{:.3}""#,
            c.hex(),
            c.opacity()
        )
    }
}

fn fill_stroke(fill: Option<Rgba>, stroke: Option<(f32, Rgba)>) -> String {
    let mut s = match fill {
        Some(c) => paint("fill", c),
        None => r#"fill="none""#.to_string(),
    };
    if let Some((w, c)) = stroke {
        let _ = write!(s, r#" {} stroke-width="{w:.2}""#, paint("stroke", c));
    }
    s
}

/// Distance from a line's vertical centre to its baseline, as a fraction of the font size (DejaVu Sans ascent
/// 0.928, descent 0.236: the centre of the line box sits 0.346 em above the baseline).
pub const BASELINE_FROM_CENTER_EM: f32 = 0.346;

/// The scene as an SVG document.
pub fn to_svg(scene: &Scene) -> String {
    let mut out = String::new();
    let (w, h) = (scene.width, scene.height);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{}">"#,
        crate::fonts::FAMILY
    );
    let _ = writeln!(
        out,
        r#"<rect x="0" y="0" width="{w:.0}" height="{h:.0}" {}/>"#,
        paint("fill", scene.background)
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
                let _ = writeln!(
                    out,
                    r#"<rect x="{x:.2}" y="{y:.2}" width="{:.2}" height="{:.2}" rx="{radius:.1}" {}/>"#,
                    w.max(0.0),
                    h.max(0.0),
                    fill_stroke(*fill, *stroke)
                );
            }
            Shape::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
            } => {
                let _ = writeln!(
                    out,
                    r#"<circle cx="{cx:.2}" cy="{cy:.2}" r="{r:.2}" {}/>"#,
                    fill_stroke(*fill, *stroke)
                );
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                let _ = writeln!(
                    out,
                    r#"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" stroke-width="{width:.2}" {}/>"#,
                    paint("stroke", *color)
                );
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                color,
                bold,
                anchor,
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let weight = if *bold { r#" font-weight="bold""# } else { "" };
                let _ = writeln!(
                    out,
                    r#"<text x="{x:.2}" y="{:.2}" font-size="{size:.1}" text-anchor="{anchor}"{weight} {}>{}</text>"#,
                    y + size * BASELINE_FROM_CENTER_EM,
                    paint("fill", *color),
                    esc(text)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// Rasterises the scene at `scale` (1–4) to PNG bytes.
pub fn to_png(scene: &Scene, scale: f32) -> Result<Vec<u8>, ExportError> {
    let scale = scale.clamp(0.25, 4.0);
    let (pw, ph) = (
        (scene.width * scale).round() as u32,
        (scene.height * scale).round() as u32,
    );
    if pw == 0 || ph == 0 || pw > 20_000 || ph > 20_000 {
        return Err(ExportError::TooLarge(pw, ph));
    }
    let svg = to_svg(scene);
    let mut opt = resvg::usvg::Options {
        font_family: crate::fonts::FAMILY.to_string(),
        ..Default::default()
    };
    {
        let db = opt.fontdb_mut();
        db.load_font_data(crate::fonts::REGULAR.to_vec());
        db.load_font_data(crate::fonts::BOLD.to_vec());
    }
    opt.fontdb = Arc::clone(&opt.fontdb);
    let tree =
        resvg::usvg::Tree::from_str(&svg, &opt).map_err(|e| ExportError::Render(e.to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(pw, ph).ok_or(ExportError::TooLarge(pw, ph))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then renamed over the
/// destination. On failure nothing is left behind and an existing file is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "out".into());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable (a crash right after it must not bring the old name back).
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Renders the scene in the format the path asks for and writes it atomically.
pub fn write_image(scene: &Scene, path: &Path, scale: f32) -> Result<(), ExportError> {
    let bytes = match ImageFormat::from_path(path)? {
        ImageFormat::Png => to_png(scene, scale)?,
        ImageFormat::Svg => to_svg(scene).into_bytes(),
    };
    write_atomic(path, &bytes).map_err(|error| ExportError::Write {
        path: path.to_path_buf(),
        error,
    })
}

/// The view of a full-range export: 2015–2023 widened to the data's extent.
pub fn full_range_view(
    events: &[crate::model::Event],
    shown: &[bool],
) -> crate::timeline::view::TimeView {
    let base = crate::timeline::view::TimeView::default();
    match crate::scene::data_extent(events, shown) {
        Some((a, b)) => {
            let (start, end) = (base.start.min(a - 15.0), base.end.max(b + 15.0));
            // The whole extent, not narrowed to the window's zoom limit (within the longest an image shows).
            let end = end.min(start + crate::timeline::view::MAX_EXPORT_SPAN_DAYS);
            crate::timeline::view::TimeView::exact(start, end)
                .unwrap_or_else(|_| crate::timeline::view::TimeView::new(start, end))
        }
        None => base,
    }
}

/// Scene options for an exported image: title, legend and a dated footer; no selection or hover.
pub fn export_options(
    width: f32,
    theme: crate::theme::ThemeKind,
    lanes: crate::timeline::lanes::LaneMode,
    title: Option<String>,
    legend: bool,
    events: &[crate::model::Event],
    shown: &[bool],
) -> crate::scene::SceneOptions {
    crate::scene::SceneOptions {
        width,
        height: None,
        theme,
        lanes,
        title,
        legend,
        footer: Some(crate::scene::footer_text(
            events,
            shown,
            chrono::Local::now().date_naive(),
        )),
        overview: true,
        selected: None,
        hovered: None,
    }
}
