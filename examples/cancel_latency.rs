//! How long extraction of one huge article takes to return once it is told to stop (issue 21): the article of
//! `big_article` is extracted again and again, each time cancelled at a later moment, and the time from the
//! cancel to the return is printed.
//!
//! `cargo run --release --example cancel_latency -- [MB] [STEP_MS]` (default 32 MB, a cancel every 250 ms).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The allocator the `linimasa` binary runs with (`src/main.rs`), so that the figure is the app's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    linimasa::tune_allocator();
    let mut args = std::env::args().skip(1);
    let mb: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(32.0);
    let step_ms: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(250);
    let article = linimasa::model::Article {
        id: "big".into(),
        file: "big.txt".into(),
        path: "big.txt".into(),
        text: linimasa::bench::pathological_text((mb * 1024.0 * 1024.0) as usize),
        meta: Default::default(),
    };
    // The whole extraction, uncancelled, first: how far into it the cancels can fall.
    let t = Instant::now();
    linimasa::extract::extract_article(&article);
    let full = t.elapsed();
    println!("{mb} MB article: {:.2} s uncancelled", full.as_secs_f64());
    let mut worst = Duration::ZERO;
    let mut after = Duration::from_millis(step_ms);
    while after < full {
        let cancel = AtomicBool::new(false);
        let start = Instant::now();
        let cancelled_at = std::sync::Mutex::new(None);
        std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(after);
                *cancelled_at.lock().unwrap() = Some(Instant::now());
                cancel.store(true, Ordering::Relaxed);
            });
            let got = linimasa::extract::extract_article_until(&article, &|| {
                cancel.load(Ordering::Relaxed)
            });
            let returned = Instant::now();
            let at = cancelled_at.lock().unwrap().unwrap_or(returned);
            let latency = returned.saturating_duration_since(at);
            worst = worst.max(latency);
            println!(
                "cancelled at {:.2} s: returned {:.3} s later ({})",
                (at - start).as_secs_f64(),
                latency.as_secs_f64(),
                if got.is_some() {
                    "finished first"
                } else {
                    "stopped"
                }
            );
        });
        after += Duration::from_millis(step_ms);
    }
    println!("worst latency: {:.3} s", worst.as_secs_f64());
}
