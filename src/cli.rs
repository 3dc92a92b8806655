//! Command-line commands other than the GUI: `extract`, `eval`. Each returns an exit code and writes to the
//! given writers so that tests can run them in-process.

use crate::corpus::{self, LoadOptions};
use crate::eval::{self, GoldArticle};
use crate::extract::{extract_article, merge::build_events};
use crate::model::{ArticleFacts, Event, Skipped};
use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;

/// The whole result of loading and extracting a corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    /// One record per article.
    pub articles: Vec<ArticleFacts>,
    /// Timeline events (merged).
    pub events: Vec<Event>,
    /// Files that could not be used, with reasons.
    pub skipped: Vec<Skipped>,
}

/// Loads `inputs` and extracts every article, in parallel, in a deterministic order.
pub fn extract_paths(inputs: &[PathBuf], opts: &LoadOptions) -> (Extraction, corpus::Corpus) {
    let mut corpus = corpus::load(inputs, opts);
    let articles: Vec<ArticleFacts> = corpus.articles.par_iter().map(extract_article).collect();
    let events = build_events(&articles);
    let skipped = std::mem::take(&mut corpus.skipped);
    (
        Extraction {
            articles,
            events,
            skipped,
        },
        corpus,
    )
}

/// `linimasa extract PATH... --format json`: prints the extraction; exit 0 when at least one article loaded.
pub fn run_extract(
    inputs: &[PathBuf],
    opts: &LoadOptions,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> Result<i32> {
    let (x, _) = extract_paths(inputs, opts);
    for s in &x.skipped {
        writeln!(err, "skipped {}: {}", s.file, s.reason)?;
    }
    if x.articles.is_empty() {
        writeln!(
            err,
            "error: no article could be loaded from {}",
            display_inputs(inputs)
        )?;
        return Ok(2);
    }
    serde_json::to_writer_pretty(&mut *out, &x).context("writing JSON")?;
    writeln!(out)?;
    Ok(0)
}

fn display_inputs(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `linimasa eval PATH --gold GOLD.json`: per-field scores and every miss.
pub fn run_eval(inputs: &[PathBuf], gold: &PathBuf, out: &mut dyn std::io::Write) -> Result<i32> {
    let gold_text =
        std::fs::read_to_string(gold).with_context(|| format!("reading {}", gold.display()))?;
    let gold: Vec<GoldArticle> =
        serde_json::from_str(&gold_text).with_context(|| format!("parsing {}", gold.display()))?;
    let (x, corpus) = extract_paths(inputs, &LoadOptions::default());
    let text_of = |file: &str| {
        corpus
            .articles
            .iter()
            .find(|a| a.file.ends_with(file))
            .map(|a| a.text.clone())
    };
    let scores = eval::score(&x.articles, &gold, &text_of);
    write!(out, "{}", scores.report())?;
    Ok(0)
}
