//! Colours, shared by the screen and the image export so that they cannot drift apart.

use serde::{Deserialize, Serialize};

/// An sRGB colour with alpha (unmultiplied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    /// Opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self(r, g, b, 255)
    }

    /// The same colour with alpha scaled by `factor` (0–1).
    pub fn faded(self, factor: f32) -> Self {
        Self(
            self.0,
            self.1,
            self.2,
            (self.3 as f32 * factor.clamp(0.0, 1.0)).round() as u8,
        )
    }

    /// `#rrggbb` for SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Alpha as 0–1 for SVG.
    pub fn opacity(self) -> f32 {
        self.3 as f32 / 255.0
    }
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ThemeKind {
    /// Dark text on a light background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// Every colour the timeline uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Which one.
    pub kind: ThemeKind,
    /// Page background.
    pub background: Rgba,
    /// Alternate lane background.
    pub lane_alt: Rgba,
    /// Main text.
    pub text: Rgba,
    /// Secondary text (ticks, counts).
    pub muted: Rgba,
    /// Minor grid lines.
    pub grid: Rgba,
    /// Major grid lines.
    pub grid_major: Rgba,
    /// Selection outline.
    pub selection: Rgba,
    /// Clusters.
    pub cluster: Rgba,
    /// Overview strip bars.
    pub density: Rgba,
    /// Visible window on the overview strip.
    pub window: Rgba,
    /// Lane colours, cycled.
    pub palette: Vec<Rgba>,
}

impl Theme {
    /// The theme of a kind.
    pub fn of(kind: ThemeKind) -> Theme {
        let palette_light = vec![
            Rgba::rgb(0x1f, 0x6f, 0xb5), // blue
            Rgba::rgb(0xc2, 0x4e, 0x1b), // orange
            Rgba::rgb(0x2e, 0x8b, 0x57), // green
            Rgba::rgb(0x8e, 0x44, 0xad), // purple
            Rgba::rgb(0xb0, 0x2a, 0x4a), // red
            Rgba::rgb(0x00, 0x83, 0x8f), // teal
            Rgba::rgb(0x80, 0x6a, 0x00), // olive
            Rgba::rgb(0x5d, 0x6d, 0x7e), // slate
        ];
        match kind {
            ThemeKind::Light => Theme {
                kind,
                background: Rgba::rgb(0xfb, 0xfb, 0xfa),
                lane_alt: Rgba::rgb(0xf1, 0xf2, 0xf4),
                text: Rgba::rgb(0x1d, 0x23, 0x2b),
                muted: Rgba::rgb(0x5f, 0x67, 0x73),
                grid: Rgba::rgb(0xe3, 0xe5, 0xe8),
                grid_major: Rgba::rgb(0xc4, 0xc8, 0xce),
                selection: Rgba::rgb(0xe0, 0x9f, 0x00),
                cluster: Rgba::rgb(0x44, 0x4c, 0x58),
                density: Rgba::rgb(0x8a, 0x9b, 0xb0),
                window: Rgba(0x1f, 0x6f, 0xb5, 60),
                palette: palette_light,
            },
            ThemeKind::Dark => Theme {
                kind,
                background: Rgba::rgb(0x1b, 0x1e, 0x23),
                lane_alt: Rgba::rgb(0x23, 0x27, 0x2d),
                text: Rgba::rgb(0xe6, 0xe8, 0xeb),
                muted: Rgba::rgb(0x9a, 0xa3, 0xad),
                grid: Rgba::rgb(0x2e, 0x33, 0x3a),
                grid_major: Rgba::rgb(0x48, 0x4f, 0x59),
                selection: Rgba::rgb(0xff, 0xc8, 0x3d),
                cluster: Rgba::rgb(0xb8, 0xc0, 0xcc),
                density: Rgba::rgb(0x5a, 0x6b, 0x80),
                window: Rgba(0x6c, 0xb4, 0xff, 70),
                palette: vec![
                    Rgba::rgb(0x6c, 0xb4, 0xff),
                    Rgba::rgb(0xff, 0x9a, 0x5c),
                    Rgba::rgb(0x6f, 0xd0, 0x8c),
                    Rgba::rgb(0xc3, 0x8d, 0xf0),
                    Rgba::rgb(0xff, 0x7a, 0x99),
                    Rgba::rgb(0x4f, 0xd1, 0xd9),
                    Rgba::rgb(0xe0, 0xc8, 0x4f),
                    Rgba::rgb(0xa9, 0xb6, 0xc4),
                ],
            },
        }
    }

    /// The colour of lane `i`.
    pub fn lane_color(&self, i: usize) -> Rgba {
        self.palette
            .get(i % self.palette.len().max(1))
            .copied()
            .unwrap_or(self.text)
    }
}
