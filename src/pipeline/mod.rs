//! The pipeline that both the command line and the window run: files → articles ([`crate::corpus`]) → facts
//! ([`crate::extract`], in parallel and cached: [`ingest`]) → merged events → the curation overlay
//! ([`crate::curation`]).

pub mod ingest;

use crate::corpus::{self, LoadOptions};
use crate::curation::{self, Overlay, Unapplied, store};
use crate::extract::merge;
use crate::model::{ArticleFacts, Event, EventRow, Skipped};
use serde::Serialize;
use std::path::PathBuf;

/// The whole result of loading and extracting a corpus, with the curation overlay applied.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    /// One record per article.
    pub articles: Vec<ArticleFacts>,
    /// Timeline events (merged, curated), sorted by date.
    pub events: Vec<Event>,
    /// Events a person hid.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<Event>,
    /// Files (and rows of events files) that could not be used, with reasons.
    pub skipped: Vec<Skipped>,
    /// Curation edits that could not be applied.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unapplied: Vec<Unapplied>,
    /// Articles found in several files: by article id, the files besides the first that hold the same text.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub copies: std::collections::BTreeMap<String, Vec<String>>,
}

/// The events before curation: the merged reports of the articles, and hand-made events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct BaseEvents {
    /// Merged events plus hand-made events, sorted by date.
    pub events: Vec<Event>,
    /// Rows of events files that could not be read.
    pub skipped: Vec<Skipped>,
}

/// Builds the uncurated events from the facts of every article and the rows of events files.
pub fn base_events(facts: &[ArticleFacts], rows: &[EventRow]) -> BaseEvents {
    let mut events = merge::build_events(facts);
    let (imported, skipped) = crate::extract::imported::events_from_rows(rows);
    events.extend(imported);
    merge::sort_events(&mut events);
    BaseEvents { events, skipped }
}

/// The curation overlay of a corpus opened from `inputs`, and a message when it cannot be used.
pub fn load_overlay(inputs: &[PathBuf]) -> (Overlay, Option<String>) {
    let Some(path) = store::overlay_path(inputs) else {
        return (Overlay::default(), None);
    };
    match store::load(&path) {
        store::Loaded::Ok(o) => (o, None),
        store::Loaded::Missing => (Overlay::default(), None),
        store::Loaded::Damaged(reason) => (
            Overlay::default(),
            Some(format!("curation not applied: {reason}")),
        ),
    }
}

/// Loads `inputs`, extracts every article in parallel (in a deterministic order) and applies the curation
/// overlay found beside the corpus. A damaged overlay is reported in `skipped`.
pub fn extract_paths(inputs: &[PathBuf], opts: &LoadOptions) -> (Extraction, corpus::Corpus) {
    let mut got = ingest::ingest(inputs, opts, true, &|_, _| true, &mut |_| {});
    let copies = std::mem::take(&mut got.copies);
    let mut corpus = corpus::Corpus {
        articles: got.articles,
        skipped: got.skipped,
        event_rows: got.event_rows,
        bytes_read: got.bytes,
    };
    let articles = got.facts;
    let base = base_events(&articles, &corpus.event_rows);
    let (overlay, problem) = load_overlay(inputs);
    let reports = if curation::needs_reports(&overlay.edits) {
        merge::reports(&articles)
    } else {
        Vec::new()
    };
    let curated = curation::apply(&base.events, &reports, &overlay.edits);
    let mut skipped = std::mem::take(&mut corpus.skipped);
    skipped.extend(base.skipped);
    if let Some(reason) = problem {
        skipped.push(Skipped {
            file: store::FILE_NAME.into(),
            reason,
        });
    }
    (
        Extraction {
            articles,
            events: curated.events,
            hidden: curated.hidden,
            skipped,
            unapplied: curated.unapplied,
            copies,
        },
        corpus,
    )
}
