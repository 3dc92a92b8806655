//! Per-frame layout at scale: `cargo bench --bench frame` builds the on-screen scene from a prepared index for
//! 1k, 100k and 1M generated events, zoomed out to all of them and zoomed in to one month. (`linimasa bench`
//! adds egui painting and tessellation and reports medians.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use linimasa::scene::{SceneOptions, build_indexed};
use linimasa::timeline::index::TimelineIndex;
use linimasa::timeline::lanes::LaneMode;
use linimasa::timeline::view::TimeView;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("frame layout");
    for n in [1_000usize, 100_000, 1_000_000] {
        let events = linimasa::synth::events(n, 1);
        let shown = vec![true; n];
        let index = TimelineIndex::new(&events, &shown, LaneMode::Forum);
        let (a, b) = index.extent.unwrap();
        let opts = SceneOptions {
            width: 1000.0,
            height: Some(760.0),
            overview: true,
            ..Default::default()
        };
        for (name, view) in [
            ("all", TimeView::fit(a, b, 0.02)),
            ("one month", TimeView::new(a + 1500.0, a + 1530.0)),
        ] {
            g.bench_function(format!("{n} events, {name}"), |bch| {
                bch.iter(|| black_box(build_indexed(black_box(&events), &index, view, &opts)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
