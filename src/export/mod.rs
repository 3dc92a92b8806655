//! Scene → SVG, PNG and PDF with no window and no GPU, and atomic file writes. The SVG sets its text as the
//! outlines of the embedded DejaVu fonts (each label's text kept as the accessible name of its group), so it
//! looks the same on any machine; the PNG is that SVG rasterised by resvg and the PDF that SVG converted by
//! svg2pdf, so the three files and the screen show the same glyphs.

pub mod data;

use crate::scene::{Anchor, Scene, Shape};
use crate::theme::Rgba;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Export failures, each with a message a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output's extension is none of `.png`, `.svg`, `.pdf`.
    #[error("unknown image format for {0}: use a .png, .svg or .pdf file name")]
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
    /// Vector, for print.
    Pdf,
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
            Some("pdf") => Ok(ImageFormat::Pdf),
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

/// The scene as an SVG document. Text is set as glyph outlines of the embedded fonts (defined once each in
/// `<defs>`, placed with `<use>`), in a group whose `aria-label` and `<title>` hold the text.
pub fn to_svg(scene: &Scene) -> String {
    let mut body = String::new();
    let mut glyphs = GlyphDefs::default();
    let (w, h) = (scene.width, scene.height);
    let _ = writeln!(
        body,
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
                    body,
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
                    body,
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
                    body,
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
            } => glyphs.text(&mut body, *x, *y, text, *size, *color, *bold, *anchor),
        }
    }
    let mut out = String::with_capacity(body.len() + glyphs.defs.len() + 400);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}">"#
    );
    let _ = writeln!(
        out,
        "<!-- Text is set in {} (Bitstream Vera licence), as glyph outlines. -->",
        crate::fonts::FAMILY
    );
    if !glyphs.defs.is_empty() {
        let _ = writeln!(out, "<defs>\n{}</defs>", glyphs.defs);
    }
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// The glyph outlines an SVG uses, each defined once.
#[derive(Default)]
struct GlyphDefs {
    /// `<path id=…>` elements.
    defs: String,
    /// (bold, glyph id) of those defined.
    seen: std::collections::HashSet<(bool, u32)>,
}

impl GlyphDefs {
    /// Writes `text` as a group of glyphs whose baseline is set for a line centred on `y`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        out: &mut String,
        x: f32,
        y: f32,
        text: &str,
        size: f32,
        color: Rgba,
        bold: bool,
        anchor: Anchor,
    ) {
        let glyphs = crate::fonts::glyphs(text, bold);
        let upem = crate::fonts::units_per_em(bold);
        let k = size / upem;
        let width: f32 = glyphs.iter().map(|g| g.advance).sum::<f32>() * k;
        let x0 = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        };
        let label = esc(text);
        let _ = write!(
            out,
            r#"<g aria-label="{label}" role="img" {} transform="translate({x0:.2} {:.2}) scale({k:.5} {:.5})"><title>{label}</title>"#,
            paint("fill", color),
            y + size * BASELINE_FROM_CENTER_EM,
            -k
        );
        let face = if bold { 'b' } else { 'r' };
        let mut advance = 0.0f32;
        for g in &glyphs {
            if !g.path.is_empty() {
                if self.seen.insert((bold, g.id)) {
                    let _ = writeln!(self.defs, r#"<path id="{face}{}" d="{}"/>"#, g.id, g.path);
                }
                let _ = write!(
                    out,
                    r##"<use xlink:href="#{face}{}" x="{advance}"/>"##,
                    g.id
                );
            }
            advance += g.advance;
        }
        out.push_str("</g>\n");
    }
}

/// The scene as a one-page vector PDF: the same SVG (text as glyph outlines) converted by svg2pdf.
pub fn to_pdf(scene: &Scene) -> Result<Vec<u8>, ExportError> {
    let svg = to_svg(scene);
    let opt = svg2pdf::usvg::Options::default();
    let tree = svg2pdf::usvg::Tree::from_str(&svg, &opt)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| ExportError::Render(e.to_string()))
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
    // The SVG holds no text, only glyph outlines: no font database is needed.
    let opt = resvg::usvg::Options::default();
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
    // The usual permissions, not the temporary file's 0600: the replaced file's mode, else 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
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
        ImageFormat::Pdf => to_pdf(scene)?,
    };
    write_atomic(path, &bytes).map_err(|error| ExportError::Write {
        path: path.to_path_buf(),
        error,
    })
}

/// The view of a full-range export: 2015–2023 widened to the extent of the events articles report (an event
/// only mentioned in passing, such as a body's founding year in a background paragraph, does not stretch a
/// slide over seventy years), as a newly opened corpus is fitted on screen.
pub fn full_range_view(
    events: &[crate::model::Event],
    shown: &[bool],
) -> crate::timeline::view::TimeView {
    let base = crate::timeline::view::TimeView::default();
    match crate::timeline::index::reported_extent(events, shown) {
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

/// Scene options for an exported image of `view`: title, legend, a subtitle naming the range of the events
/// drawn (see [`crate::scene::range_subtitle`]; `exact` gives a first and last day the user asked for) and a
/// dated footer counting only the events in the range; no selection or hover.
#[allow(clippy::too_many_arguments)]
pub fn export_options(
    width: f32,
    theme: crate::theme::ThemeKind,
    lanes: crate::timeline::lanes::LaneMode,
    title: Option<String>,
    legend: bool,
    events: &[crate::model::Event],
    shown: &[bool],
    view: crate::timeline::view::TimeView,
    exact: (Option<f64>, Option<f64>),
) -> crate::scene::SceneOptions {
    let in_range = crate::scene::shown_in_view(events, shown, view);
    crate::scene::SceneOptions {
        width,
        height: None,
        theme,
        lanes,
        title,
        legend,
        footer: Some(crate::scene::footer_text(
            events,
            &in_range,
            chrono::Local::now().date_naive(),
        )),
        overview: true,
        selected: None,
        hovered: None,
        subtitle: Some(crate::scene::range_subtitle(events, shown, view, exact)),
        // An export of a range keeps only the lanes with an event in it.
        only_lanes_in_view: true,
        zoom: 1.0,
        // An image cannot be hovered: every label is drawn whole.
        full_labels: true,
    }
}

#[cfg(test)]
mod full_range_tests {
    use crate::model::{Certainty, DateSpan, Precision};
    use crate::timeline::lanes::tests_support::ev;

    #[test]
    fn a_full_range_export_spans_the_reported_events_not_a_year_mentioned_in_passing() {
        let reported = ev(3, "ASEAN", &[], &["ANTARA"]);
        let mut founding = ev(4, "UN", &[], &["ANTARA"]);
        founding.date = DateSpan {
            start: chrono::NaiveDate::from_ymd_opt(1949, 1, 1).unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(1949, 12, 31).unwrap(),
            precision: Precision::Year,
            certainty: Certainty::Stated,
        };
        founding.mentioned_only = true;
        let events = vec![founding, reported];
        let view = super::full_range_view(&events, &[true, true]);
        let default = crate::timeline::view::TimeView::default();
        assert_eq!(view.start, default.start, "{view:?}");
        // Shown alone, the mention is the range.
        let view = super::full_range_view(&events, &[true, false]);
        assert!(view.start < default.start, "{view:?}");
    }
}
