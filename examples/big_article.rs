//! Extraction time of one large article of repeated dates, places and quotes (issue 21: every pass linear):
//! `cargo run --example big_article -- 1 2 4` times articles of 1, 2 and 4 MB.

#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {
    let sizes: Vec<f64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    for mb in if sizes.is_empty() { vec![1.0] } else { sizes } {
        let text = linimasa::bench::pathological_text((mb * 1024.0 * 1024.0) as usize);
        let a = linimasa::model::Article {
            id: "big".into(),
            file: "big.txt".into(),
            path: "big.txt".into(),
            text,
            meta: Default::default(),
        };
        let t = std::time::Instant::now();
        let f = linimasa::extract::extract_article(&a);
        println!(
            "{mb} MB: {:.2} s ({} dates, {} quotes)",
            t.elapsed().as_secs_f64(),
            f.dates.len(),
            f.quotes.len()
        );
    }
}
