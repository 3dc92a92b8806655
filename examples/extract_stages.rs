//! Developer tool: microseconds per article of each extraction stage on a corpus folder (each stage alone, its
//! inputs prepared beforehand), and of the whole `extract_article`.
//!
//! `cargo run --release --example extract_stages -- DIR`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use linimasa::corpus::{LoadOptions, load};
use linimasa::extract::{dates, entities, layout::Layout, people, quotes};
use linimasa::model::Span;
use std::time::Instant;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let c = load(&[dir], &LoadOptions::default());
    let n = c.articles.len() as f64;
    let layouts: Vec<Layout> = c.articles.iter().map(|a| Layout::of(&a.text)).collect();
    let words: Vec<_> = c
        .articles
        .iter()
        .map(|a| people::words(&a.text, Span::new(0, a.text.len())))
        .collect();
    let ppl: Vec<_> = c
        .articles
        .iter()
        .zip(&layouts)
        .zip(&words)
        .map(|((a, l), w)| people::find_people_in(&a.text, l, w))
        .collect();
    let mut sink = 0usize;
    let mut time = |name: &str, f: &mut dyn FnMut(usize) -> usize| {
        let t = Instant::now();
        for _ in 0..5 {
            for i in 0..c.articles.len() {
                sink += f(i);
            }
        }
        println!(
            "{name:<16} {:>7.2} us/article",
            t.elapsed().as_secs_f64() * 1e6 / (5.0 * n)
        );
    };
    let a = &c.articles;
    time("detect_language", &mut |i| {
        entities::detect_language(&a[i].text).len()
    });
    time("layout", &mut |i| Layout::of(&a[i].text).lines.len());
    time("find_dates", &mut |i| dates::find_dates(&a[i].text).len());
    time("words", &mut |i| {
        people::words(&a[i].text, Span::new(0, a[i].text.len())).len()
    });
    time("people", &mut |i| {
        people::find_people_in(&a[i].text, &layouts[i], &words[i]).len()
    });
    time("quotes", &mut |i| {
        quotes::find_quotes_in(&a[i].text, &layouts[i], &ppl[i], &words[i], None).len()
    });
    time("forums", &mut |i| {
        entities::find_forums(&a[i].text, &layouts[i]).len()
    });
    time("countries", &mut |i| {
        entities::find_countries_in(&a[i].text, &layouts[i], &words[i]).len()
    });
    time("outlet", &mut |i| {
        entities::find_outlet(&a[i].text, &layouts[i], None).map_or(0, |o| o.0.len())
    });
    time("dateline", &mut |i| {
        entities::dateline(&a[i].text, &layouts[i])
            .0
            .map_or(0, |o| o.0.len())
    });
    time("extract_article", &mut |i| {
        linimasa::extract::extract_article(&a[i]).dates.len()
    });
    println!("{sink}");
}
