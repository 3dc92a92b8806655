//! Developer tool: where a frame's CPU time goes at 1k, 100k and 1M events (scene layout, egui painting,
//! tessellation; the sizes take turns), and how many distinct label texts the frames drew (egui lays out a text
//! it did not draw in the previous frame again).
//!
//! `cargo run --release --example frame_stages`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
use cpu_time::ThreadTime;
use linimasa::scene::{SceneOptions, Shape, build_indexed};
use linimasa::timeline::index::TimelineIndex;
use linimasa::timeline::lanes::LaneMode;
use linimasa::timeline::view::TimeView;
fn med(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
fn main() {
    let sizes = [1000usize, 100_000, 1_000_000];
    let data: Vec<_> = sizes
        .iter()
        .map(|&n| {
            let events = linimasa::synth::events(n, 1);
            let shown = vec![true; n];
            let index = TimelineIndex::new(&events, &shown, LaneMode::Forum);
            let ctx = egui::Context::default();
            linimasa::ui::install_fonts(&ctx);
            (events, index, ctx)
        })
        .collect();
    let opts = SceneOptions {
        width: 1000.0,
        height: Some(760.0),
        overview: true,
        ..Default::default()
    };
    let mut tm = vec![[Vec::new(), Vec::new(), Vec::new()]; 3];
    let mut texts = vec![std::collections::BTreeSet::new(); 3];
    for round in 0..300 {
        for (k, (events, index, ctx)) in data.iter().enumerate() {
            let (a, b) = index.extent.unwrap();
            let view = TimeView::fit(a, b, 0.02).pan(round as f64 * 0.37);
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1400.0, 900.0),
                )),
                ..Default::default()
            };
            let t = ThreadTime::now();
            let scene = build_indexed(events, index, view, &opts);
            tm[k][0].push(t.elapsed().as_secs_f64() * 1e3);
            for s in &scene.shapes {
                if let Shape::Text { text, .. } = s {
                    texts[k].insert(text.clone());
                }
            }
            let t = ThreadTime::now();
            let out = ctx.run_ui(input, |ui| {
                linimasa::ui::paint_scene(ui.painter(), &scene, egui::pos2(200.0, 60.0));
            });
            tm[k][1].push(t.elapsed().as_secs_f64() * 1e3);
            let t = ThreadTime::now();
            let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
            tm[k][2].push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(prims);
        }
    }
    for (k, n) in sizes.iter().enumerate() {
        println!(
            "{n}: build {:.4} paint {:.4} tess {:.4} ms; distinct texts {}",
            med(tm[k][0].clone()),
            med(tm[k][1].clone()),
            med(tm[k][2].clone()),
            texts[k].len()
        );
    }
}
