//! Extraction throughput on the bundled corpus: `cargo bench --bench extract`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use linimasa::corpus::{LoadOptions, load};
use linimasa::extract::extract_article;
use std::hint::black_box;
use std::path::PathBuf;

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let corpus = load(&[root], &LoadOptions::default());
    let bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("sample_data, one core", |b| {
        b.iter(|| {
            for a in &corpus.articles {
                black_box(extract_article(black_box(a)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
