//! Developer tool: where the time of opening a corpus goes, fresh and from the extraction cache.
//!
//! `cargo run --release --example reopen_stages -- DIR CACHE_DIR`
#![allow(clippy::unwrap_used, clippy::expect_used)]
use linimasa::corpus::LoadOptions;
use std::path::PathBuf;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let cache = PathBuf::from(std::env::args().nth(2).expect("CACHE_DIR"));
    let opts = LoadOptions {
        cache_dir: Some(cache),
        ..LoadOptions::default()
    };
    for round in ["first", "cached"] {
        let t = Instant::now();
        let got = linimasa::ingest::ingest(
            std::slice::from_ref(&dir),
            &opts,
            false,
            &|_, _| true,
            &mut |_| {},
        );
        let ingest_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let base = linimasa::cli::base_events(&got.facts, &got.event_rows);
        let base_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let c = linimasa::curation::apply(&base.events, &[], &[]);
        let apply_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let st: Vec<String> = c.events.iter().map(linimasa::filter::search_text).collect();
        let search_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let shown = vec![true; c.events.len()];
        let idx = linimasa::timeline::index::TimelineIndex::new(
            &c.events,
            &shown,
            linimasa::timeline::lanes::LaneMode::Forum,
        );
        let f = linimasa::filter::Filters::default();
        let counts = f.counts(&c.events, &st);
        let index_s = t.elapsed().as_secs_f64();
        println!(
            "{round}: {} files ({} cached), {:.1} MB: ingest {ingest_s:.2} s, base {base_s:.2} s, curate {apply_s:.2} s, search {search_s:.2} s, index+facets {index_s:.2} s ({} lanes, {} facets)",
            got.files,
            got.from_cache,
            got.bytes as f64 / 1e6,
            idx.lanes.len(),
            counts.len()
        );
    }
}
