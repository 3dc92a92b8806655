//! The fonts Linimasa draws with, embedded so that the screen and exported images show the same glyphs on every
//! machine, and text measurement from those same fonts (label layout needs widths without a window).

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// DejaVu Sans (covers Latin with Indonesian diacritics, curly quotes, dashes).
pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name both fonts declare (used in SVG).
pub const FAMILY: &str = "DejaVu Sans";

/// Width in pixels of `text` set at `size_px` in the regular or bold face. Unknown characters count as the
/// font's average advance.
pub fn text_width(text: &str, size_px: f32, bold: bool) -> f32 {
    let Ok(font) = FontRef::new(if bold { BOLD } else { REGULAR }) else {
        return text.chars().count() as f32 * size_px * 0.6;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size_px), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|g| metrics.advance_width(g))
                .unwrap_or(size_px * 0.6)
        })
        .sum()
}

/// `text` cut at a word or character boundary, with an ellipsis, to fit `max_px`; `None` if not even one
/// character and the ellipsis fit.
pub fn fit_text(text: &str, size_px: f32, bold: bool, max_px: f32) -> Option<String> {
    if text_width(text, size_px, bold) <= max_px {
        return Some(text.to_string());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut lo = 0usize;
    let mut hi = chars.len();
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars
            .iter()
            .take(mid)
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if text_width(&candidate, size_px, bold) <= max_px {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo >= 3).then(|| {
        chars
            .iter()
            .take(lo)
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…"
    })
}

/// A glyph of the embedded fonts, drawn as a path: the SVG export sets text as these outlines, so that it looks
/// the same on a machine without DejaVu Sans.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The glyph's id in its face (distinct ids, distinct shapes).
    pub id: u32,
    /// SVG path data in font units, y pointing up (empty for a space).
    pub path: String,
    /// Horizontal advance in font units.
    pub advance: f32,
}

/// The faces' units per em (2048 for DejaVu Sans).
pub fn units_per_em(bold: bool) -> f32 {
    FontRef::new(if bold { BOLD } else { REGULAR })
        .map(|f| {
            f32::from(
                f.metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em,
            )
        })
        .ok()
        .filter(|u| *u > 0.0)
        .unwrap_or(2048.0)
}

/// The glyphs that set `text` in the regular or bold face, one per character (a character the font lacks gets
/// its `.notdef` box), with the same advances [`text_width`] measures.
pub fn glyphs(text: &str, bold: bool) -> Vec<Glyph> {
    let Ok(font) = FontRef::new(if bold { BOLD } else { REGULAR }) else {
        return Vec::new();
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let outlines = font.outline_glyphs();
    let upem = units_per_em(bold);
    text.chars()
        .map(|c| {
            let gid = charmap.map(c).unwrap_or_default();
            let mut pen = SvgPen(String::new());
            if let Some(g) = outlines.get(gid) {
                let settings = skrifa::outline::DrawSettings::unhinted(
                    Size::unscaled(),
                    LocationRef::default(),
                );
                if g.draw(settings, &mut pen).is_err() {
                    pen.0.clear();
                }
            }
            Glyph {
                id: gid.to_u32(),
                path: pen.0,
                advance: charmap
                    .map(c)
                    .and_then(|g| metrics.advance_width(g))
                    .unwrap_or(upem * 0.6),
            }
        })
        .collect()
}

/// Writes an outline as SVG path data.
struct SvgPen(String);

impl skrifa::outline::OutlinePen for SvgPen {
    fn move_to(&mut self, x: f32, y: f32) {
        use std::fmt::Write as _;
        let _ = write!(self.0, "M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        use std::fmt::Write as _;
        let _ = write!(self.0, "L{x} {y}");
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        use std::fmt::Write as _;
        let _ = write!(self.0, "Q{cx0} {cy0} {x} {y}");
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        use std::fmt::Write as _;
        let _ = write!(self.0, "C{cx0} {cy0} {cx1} {cy1} {x} {y}");
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn glyphs_have_outlines_and_the_measured_advances() {
        let g = glyphs("Aé ", false);
        assert_eq!(g.len(), 3);
        assert!(g[0].path.starts_with('M') && g[0].path.ends_with('Z'));
        assert!(!g[1].path.is_empty());
        assert!(g[2].path.is_empty(), "a space has no outline");
        let upem = units_per_em(false);
        let sum: f32 = g.iter().map(|g| g.advance).sum::<f32>() * 12.0 / upem;
        assert!((sum - text_width("Aé ", 12.0, false)).abs() < 0.01);
        assert_ne!(glyphs("A", true)[0].path, g[0].path);
    }

    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = text_width("ASEAN", 12.0, false);
        assert!(a > 20.0 && a < 60.0, "{a}");
        assert!(text_width("ASEAN Summit", 12.0, false) > a);
        assert!(text_width("ASEAN", 24.0, false) > a * 1.9);
        assert!(text_width("ASEAN", 12.0, true) > a);
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis() {
        let s = fit_text(
            "Konferensi Tingkat Tinggi ASEAN ke-32 di Singapura",
            12.0,
            false,
            100.0,
        )
        .unwrap();
        assert!(s.ends_with('…'));
        assert!(text_width(&s, 12.0, false) <= 100.0);
        assert_eq!(
            fit_text("ASEAN", 12.0, false, 500.0).as_deref(),
            Some("ASEAN")
        );
        assert_eq!(fit_text("ASEAN Summit", 12.0, false, 5.0), None);
    }
}
