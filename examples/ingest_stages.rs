//! Developer tool: where ingest time goes on a corpus folder (load, extract, merge).
//!
//! `cargo run --release --example ingest_stages -- DIR`
#![allow(clippy::unwrap_used, clippy::expect_used)]
use linimasa::corpus::{LoadOptions, load};
use rayon::prelude::*;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    linimasa::tune_allocator();
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let t = Instant::now();
    let c = load(&[dir], &LoadOptions::default());
    let load_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let facts: Vec<_> = c
        .articles
        .par_iter()
        .map(linimasa::extract::extract_article)
        .collect();
    let extract_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let reports = linimasa::extract::merge::reports(&facts);
    let r_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let cl = reports.clone();
    let c_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let merged = linimasa::extract::merge::merge_reports(cl);
    let m_s = t.elapsed().as_secs_f64();
    println!(
        "reports {r_s:.3} s ({}), clone {c_s:.3} s, merge_reports {m_s:.3} s ({})",
        reports.len(),
        merged.len()
    );
    let t = Instant::now();
    let base = linimasa::pipeline::base_events(&facts, &c.event_rows);
    let merge_s = t.elapsed().as_secs_f64();
    let mb = c.bytes_read as f64 / 1e6;
    println!(
        "{} articles, {mb:.1} MB, {} events: load {load_s:.2} s, extract {extract_s:.2} s ({:.1} MB/s), merge {merge_s:.2} s; total {:.1} MB/s",
        c.articles.len(),
        base.events.len(),
        mb / extract_s,
        mb / (load_s + extract_s + merge_s)
    );
}
