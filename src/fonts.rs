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

#[cfg(test)]
mod tests {
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
