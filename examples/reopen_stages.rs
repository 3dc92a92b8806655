//! Developer tool: how long opening a corpus takes as the app does it, fresh and then from the caches.
//!
//! `cargo run --release --example reopen_stages -- DIR CACHE_DIR`
#![allow(clippy::unwrap_used, clippy::expect_used)]
use linimasa::corpus::LoadOptions;
use std::path::PathBuf;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    linimasa::tune_allocator();
    let dir = PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let cache = PathBuf::from(std::env::args().nth(2).expect("CACHE_DIR"));
    let opts = LoadOptions {
        cache_dir: Some(cache),
        ..LoadOptions::default()
    };
    for round in ["first", "second", "third"] {
        let t = Instant::now();
        let got = linimasa::pipeline::ingest::ingest(
            std::slice::from_ref(&dir),
            &opts,
            false,
            &|_, _| true,
            &mut |_| {},
        );
        let ingest_s = t.elapsed().as_secs_f64();
        let (files, hits) = (got.files, got.from_cache);
        let t = Instant::now();
        let data = linimasa::ui::app::Data::from_ingested(got, &opts)
            .with_overlay_of(std::slice::from_ref(&dir));
        let data_s = t.elapsed().as_secs_f64();
        println!(
            "{round}: {files} files ({hits} from cache): ingest {ingest_s:.2} s, events {data_s:.2} s, total {:.2} s ({} events)",
            ingest_s + data_s,
            data.events.len()
        );
        linimasa::pipeline::ingest::flush_cache_writes();
    }
}
