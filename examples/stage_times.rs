//! Developer tool: time extraction stages on the bundled corpus (`BENCHMARKS.md` uses it under callgrind).
//!
//! `cargo run --release --example stage_times [all | dates | forums | layout]`, `N` passes (default 50).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use linimasa::corpus::{LoadOptions, load};
use linimasa::extract::{dates, entities, layout::Layout, people, quotes};
use linimasa::model::Article;
use std::time::Instant;

/// One timed stage.
type Stage = dyn Fn(&Article);

fn main() {
    let c = load(
        &[std::path::PathBuf::from("sample_data")],
        &LoadOptions::default(),
    );
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let t = |name: &str, f: &dyn Fn(&Article)| {
        let s = Instant::now();
        for _ in 0..n {
            for a in &c.articles {
                f(a);
            }
        }
        println!(
            "{name:<12} {:>8.3} ms per pass",
            s.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
    };
    let all = |a: &Article| drop(linimasa::extract::extract_article(a));
    let stages: [(&str, &Stage); 7] = [
        ("layout", &|a| drop(Layout::of(&a.text))),
        ("dates", &|a| drop(dates::find_dates(&a.text))),
        ("people", &|a| {
            drop(people::find_people(&a.text, &Layout::of(&a.text)))
        }),
        ("quotes", &|a| {
            let l = Layout::of(&a.text);
            let p = people::find_people(&a.text, &l);
            drop(quotes::find_quotes(&a.text, &l, &p))
        }),
        ("forums", &|a| {
            drop(entities::find_forums(&a.text, &Layout::of(&a.text)))
        }),
        ("countries", &|a| {
            drop(entities::find_countries(&a.text, &Layout::of(&a.text)))
        }),
        ("outlet", &|a| {
            drop(entities::find_outlet(&a.text, &Layout::of(&a.text), None))
        }),
    ];
    match std::env::args().nth(1).as_deref() {
        Some("all") => t("all", &all),
        Some(only) => stages
            .iter()
            .filter(|(name, _)| *name == only)
            .for_each(|(name, f)| t(name, *f)),
        None => {
            stages.iter().for_each(|(name, f)| t(name, *f));
            t("all", &all);
        }
    }
}
