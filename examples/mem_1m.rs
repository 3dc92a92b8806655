//! Developer tool: resident memory of a million synthetic events with their timeline index and search texts.
//!
//! `/usr/bin/time -v cargo run --release --example mem_1m` (look at "Maximum resident set size").
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    linimasa::tune_allocator();
    let events = linimasa::synth::events(1_000_000, 1);
    let shown = vec![true; events.len()];
    let index = linimasa::timeline::index::TimelineIndex::new(
        &events,
        &shown,
        linimasa::timeline::lanes::LaneMode::Forum,
    );
    let search: Vec<String> = events.iter().map(linimasa::filter::search_text).collect();
    println!(
        "{} events, {} lanes, {} search texts, peak {:.0} MiB",
        events.len(),
        index.lanes.len(),
        search.len(),
        linimasa::bench::peak_rss_mb()
    );
}
