//! Image export at scale: `cargo bench --bench export` lays out and renders a 4000 px PNG of 100k generated events.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use linimasa::export::{full_range_view, to_png};
use linimasa::scene::{SceneOptions, build};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let events = linimasa::synth::events(100_000, 42);
    let shown = vec![true; events.len()];
    let view = full_range_view(&events, &shown);
    let opts = SceneOptions {
        width: 4000.0,
        title: Some("100k events".into()),
        legend: true,
        footer: Some("bench".into()),
        ..Default::default()
    };
    let mut g = c.benchmark_group("export");
    g.sample_size(10);
    g.bench_function("4000px PNG, 100k events (layout + render)", |b| {
        b.iter(|| {
            let scene = build(black_box(&events), &shown, view, &opts);
            black_box(to_png(&scene, 1.0).unwrap())
        })
    });
    g.bench_function("layout only, 100k events", |b| {
        b.iter(|| black_box(build(black_box(&events), &shown, view, &opts)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
