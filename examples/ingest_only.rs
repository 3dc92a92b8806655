//! Developer tool: times `Data::load` (what `linimasa bench` measures as ingest) on a folder, without the cache.
//!
//! `cargo run --release --example ingest_only -- DIR [RUNS]`
#![allow(clippy::unwrap_used, clippy::expect_used)]
use linimasa::corpus::LoadOptions;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    linimasa::tune_allocator();
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let bytes: u64 = linimasa::corpus::find_files(std::slice::from_ref(&dir))
        .0
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok())
        .map(|m| m.len())
        .sum();
    for _ in 0..runs {
        if std::env::var_os("STAGES").is_some() {
            let opts = LoadOptions::default();
            let t = Instant::now();
            let got = linimasa::pipeline::ingest::ingest(
                std::slice::from_ref(&dir),
                &opts,
                false,
                &|_, _| true,
                &mut |_| {},
            );
            let a = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let base = linimasa::pipeline::base_events(&got.facts, &got.event_rows);
            let b = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let d = linimasa::ui::app::Data::from_base(got.articles, got.facts, base, got.skipped);
            let c = t.elapsed().as_secs_f64();
            let t = Instant::now();
            drop(d);
            println!(
                "ingest {a:.2} s, base_events {b:.2} s, from_base {c:.2} s, drop {:.2} s",
                t.elapsed().as_secs_f64()
            );
        }
        let t = Instant::now();
        let data =
            linimasa::ui::app::Data::load(std::slice::from_ref(&dir), &LoadOptions::default());
        let s = t.elapsed().as_secs_f64();
        println!(
            "{} events, {:.2} s, {:.1} MB/s{}",
            data.events.len(),
            s,
            bytes as f64 / 1e6 / s,
            if std::env::var_os("RSS").is_some() {
                format!(", {}", rss())
            } else {
                String::new()
            }
        );
    }
}

/// Resident and peak resident memory (Linux), for watching the allocator's footprint across runs.
fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}
