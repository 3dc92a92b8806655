//! Linimasa: a zoomable timeline of regional cyber-diplomacy events, built from folders of news articles.
//!
//! Data flows one way: [`corpus`] (files → articles) → [`extract`] (articles → facts → events) → [`model`] →
//! [`timeline`] (view, ticks, lanes, clusters) → [`scene`] (shapes and text) → [`ui`] (screen) or [`export`]
//! (SVG/PNG).

pub mod bench;
pub mod cli;
pub mod corpus;
pub mod curation;
pub mod eval;
pub mod export;
pub mod extract;
pub mod filter;
pub mod fonts;
pub mod ingest;
pub mod model;
pub mod scene;
pub mod synth;
pub mod theme;
pub mod timeline;
pub mod ui;
