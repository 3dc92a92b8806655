//! Extraction time of one large article of repeated dates, places and quotes (issue 21: every pass linear):
//! `cargo run --example big_article -- 1 2 4` times articles of 1, 2 and 4 MB.

#![allow(clippy::unwrap_used, clippy::expect_used)]

/// The allocator the `linimasa` binary runs with (`src/main.rs`), so that the figure is the app's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    linimasa::tune_allocator();
    let sizes: Vec<f64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    // The patterns are compiled once per process, at the first article: that is timed apart.
    let t = std::time::Instant::now();
    let warm = linimasa::model::Article {
        id: "warm".into(),
        file: "warm.txt".into(),
        path: "warm.txt".into(),
        text: linimasa::bench::pathological_text(4096),
        meta: Default::default(),
    };
    linimasa::extract::extract_article(&warm);
    println!(
        "first article (patterns compiled): {:.2} s",
        t.elapsed().as_secs_f64()
    );
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
        let took = t.elapsed().as_secs_f64();
        // The facts' digest: the same on one core (`RAYON_NUM_THREADS=1`) as on many.
        let digest = blake3::hash(&serde_json::to_vec(&f).unwrap());
        println!(
            "{mb} MB: {took:.2} s ({} dates, {} quotes, facts {})",
            f.dates.len(),
            f.quotes.len(),
            &digest.to_hex()[..16]
        );
    }
}
