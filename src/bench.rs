//! `linimasa bench [--json]`: measures, on the machine it runs on, what a user of a big corpus feels — the CPU
//! time of a timeline frame (scene layout, egui painting and tessellation, headless; the thread's CPU time) at
//! 1k, 100k and 1M events zoomed out, taking turns, ingest speed over a generated corpus (load, decode, extract, merge), a 4000 px PNG export of 100k
//! events, and the peak resident memory of the whole run. Medians of repeated runs.

use crate::corpus::LoadOptions;
use crate::export;
use crate::scene::{SceneOptions, build_indexed};
use crate::theme::ThemeKind;
use crate::timeline::index::TimelineIndex;
use crate::timeline::lanes::LaneMode;
use crate::timeline::view::TimeView;
use anyhow::Result;
use std::time::Instant;

/// The figures `linimasa bench` reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    /// Median CPU milliseconds per frame, by number of events.
    pub frame_ms: std::collections::BTreeMap<String, f64>,
    /// Megabytes (10^6 bytes) of article files loaded and extracted per second, all cores.
    pub ingest_mb_per_s: f64,
    /// Median milliseconds to lay out and render a 4000 px PNG of 100k events.
    pub export_png_ms: f64,
    /// Seconds to extract one 32 MB article of repeated dates, places and quotes ([`pathological_text`]).
    pub big_article_s: f64,
    /// Peak resident memory of the process, in MiB.
    pub peak_rss_mb: f64,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// One frame's worth of state for `n` synthetic events: the events, their index and a headless egui context
/// with its fonts installed.
struct FrameCase {
    events: Vec<crate::model::Event>,
    index: TimelineIndex,
    ctx: egui::Context,
}

impl FrameCase {
    fn new(n: usize) -> FrameCase {
        let events = crate::synth::events(n, 1);
        let shown = vec![true; events.len()];
        let index = TimelineIndex::new(&events, &shown, LaneMode::Forum);
        let ctx = egui::Context::default();
        crate::ui::install_fonts(&ctx);
        FrameCase { events, index, ctx }
    }

    /// CPU milliseconds (this thread's CPU time, not wall time) of one frame zoomed out to every event, the view
    /// moved by `step` so that nothing can be reused: the scene is laid out from the prepared index, painted with
    /// egui's painter into the headless context and tessellated.
    fn frame(&self, step: usize) -> f64 {
        let (a, b) = self.index.extent.unwrap_or((16436.0, 19723.0));
        let opts = SceneOptions {
            width: 1000.0,
            height: Some(760.0),
            ..SceneOptions::default()
        };
        let view = TimeView::fit(a, b, 0.02).pan(step as f64 * 0.37);
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            ..Default::default()
        };
        let t = cpu_time::ThreadTime::now();
        let scene = build_indexed(&self.events, &self.index, view, &opts);
        let out = self.ctx.run_ui(input, |ui| {
            crate::ui::paint_scene(ui.painter(), &scene, egui::pos2(200.0, 60.0));
        });
        let egui::FullOutput {
            shapes,
            pixels_per_point,
            mut textures_delta,
            ..
        } = out;
        let prims = self.ctx.tessellate(shapes, pixels_per_point);
        // No GPU to upload the font atlas to: the deltas are dropped on purpose.
        textures_delta.clear();
        std::hint::black_box(prims.len());
        t.elapsed().as_secs_f64() * 1000.0
    }
}

/// Median CPU milliseconds of one timeline frame for each number of events in `sizes`, zoomed out to all of
/// them (see [`FrameCase::frame`]). The sizes take turns frame by frame, so that a change in the machine's load
/// during the run weighs on all of them alike; the first three rounds warm up and are not counted.
pub fn frame_ms_by_size(sizes: &[usize], frames: usize) -> Vec<f64> {
    let cases: Vec<FrameCase> = sizes.iter().map(|&n| FrameCase::new(n)).collect();
    let mut times = vec![Vec::with_capacity(frames); cases.len()];
    for round in 0..frames + 3 {
        for (case, t) in cases.iter().zip(times.iter_mut()) {
            let ms = case.frame(round);
            if round >= 3 {
                t.push(ms);
            }
        }
    }
    times.into_iter().map(median).collect()
}

/// Median CPU milliseconds of one timeline frame over `n` synthetic events (see [`frame_ms_by_size`]).
pub fn frame_ms(n: usize, frames: usize) -> f64 {
    frame_ms_by_size(&[n], frames)
        .first()
        .copied()
        .unwrap_or(0.0)
}

/// Opens a generated corpus of `articles` articles as the app does (read, decode, extract, merge, curate, index
/// for search) `runs` times without the cache; the median MB/s of article files.
pub fn ingest_mb_per_s(articles: usize, runs: usize) -> Result<f64> {
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    crate::cli::run_gen_corpus(&corpus, articles, 7, &mut std::io::sink())?;
    let bytes: u64 = crate::corpus::find_files(std::slice::from_ref(&corpus))
        .0
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok())
        .map(|m| m.len())
        .sum();
    let mut rates = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let data =
            crate::ui::app::Data::load(std::slice::from_ref(&corpus), &LoadOptions::default());
        let secs = t.elapsed().as_secs_f64();
        std::hint::black_box(data.events.len());
        rates.push(bytes as f64 / 1e6 / secs.max(1e-9));
    }
    Ok(median(rates))
}

/// Seconds to re-open a generated corpus of `articles` articles whose extraction is cached (the first open,
/// not timed, fills the cache in a temporary cache folder).
pub fn reopen_s(articles: usize) -> Result<f64> {
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    crate::cli::run_gen_corpus(&corpus, articles, 9, &mut std::io::sink())?;
    let opts = LoadOptions {
        cache_dir: Some(dir.path().join("cache")),
        ..LoadOptions::default()
    };
    let first = crate::ui::app::Data::load(std::slice::from_ref(&corpus), &opts);
    std::hint::black_box(first.events.len());
    drop(first);
    crate::pipeline::ingest::flush_cache_writes();
    let t = Instant::now();
    let data = crate::ui::app::Data::load(std::slice::from_ref(&corpus), &opts);
    let secs = t.elapsed().as_secs_f64();
    std::hint::black_box(data.events.len());
    Ok(secs)
}

/// Median milliseconds to lay out and render a `width` px PNG of `n` synthetic events.
pub fn export_png_ms(n: usize, width: f32, runs: usize) -> Result<f64> {
    let events = crate::synth::events(n, 3);
    let shown = vec![true; events.len()];
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let view = export::full_range_view(&events, &shown);
        let opts = export::export_options(
            width,
            ThemeKind::Light,
            LaneMode::Forum,
            Some("Benchmark".into()),
            true,
            &events,
            &shown,
            view,
            (None, None),
        );
        let scene = crate::scene::build(&events, &shown, view, &opts);
        let png = export::to_png(&scene, 1.0)?;
        std::hint::black_box(png.len());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(median(times))
}

/// Peak resident memory of this process in MiB (Linux `VmHWM`), 0 where unknown.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// An article of about `bytes` bytes made of what once made extraction quadratic: the same weekday date, month-name
/// dates, place names and quotes, over and over, on short lines.
pub fn pathological_text(bytes: usize) -> String {
    const LINES: [&str; 4] = [
        "Sabtu (28/4/2018). ",
        "KTT ASEAN di Jakarta, Singapura dan Bangkok pada 28 April 2018.\n",
        "“Kita harus bekerja sama di ranah siber,” kata Retno Marsudi.\n",
        "Sabtu (28/4/2018).\n",
    ];
    let mut out = String::with_capacity(bytes + 128);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(LINES.get(i % LINES.len()).copied().unwrap_or(""));
        i += 1;
    }
    out
}

/// Seconds to extract one article of `mb` MB of [`pathological_text`] (every text pass linear: ≤ 3 s at 32 MB in
/// a release build).
pub fn pathological_extract_s(mb: usize) -> f64 {
    let a = crate::model::Article {
        id: "big".into(),
        file: "big.txt".into(),
        path: "big.txt".into(),
        text: pathological_text(mb * 1024 * 1024),
        meta: crate::model::ArticleMeta::default(),
    };
    let t = std::time::Instant::now();
    std::hint::black_box(crate::extract::extract_article(&a));
    t.elapsed().as_secs_f64()
}

/// Runs every measurement and prints a table, or one JSON object with `json`.
pub fn run(json: bool, out: &mut dyn std::io::Write) -> Result<i32> {
    let sizes = [1_000usize, 100_000, 1_000_000];
    if !json {
        writeln!(
            out,
            "measuring frames at 1,000, 100,000 and 1,000,000 events (taking turns)…"
        )?;
    }
    let frame: std::collections::BTreeMap<String, f64> = sizes
        .iter()
        .map(|n| n.to_string())
        .zip(frame_ms_by_size(&sizes, 300))
        .collect();
    if !json {
        writeln!(
            out,
            "measuring ingest of a generated 20,000-article corpus…"
        )?;
    }
    // Five opens: a load takes well under a second here, and the median of five holds steadier than of three
    // on a shared machine (single opens vary by about a tenth).
    let ingest = ingest_mb_per_s(20_000, 5)?;
    if !json {
        writeln!(out, "measuring a 4000 px PNG export of 100,000 events…")?;
    }
    let export_ms = export_png_ms(100_000, 4000.0, 3)?;
    if !json {
        writeln!(
            out,
            "measuring a re-open of a cached 100,000-article corpus…"
        )?;
    }
    let reopen = reopen_s(100_000)?;
    if !json {
        writeln!(
            out,
            "measuring extraction of one 32 MB article of repeated dates, places and quotes…"
        )?;
    }
    let big_article_s = pathological_extract_s(32);
    let report = Report {
        big_article_s,
        frame_ms: frame,
        ingest_mb_per_s: ingest,
        export_png_ms: export_ms,
        peak_rss_mb: peak_rss_mb(),
    };
    if json {
        serde_json::to_writer(&mut *out, &report)?;
        writeln!(out)?;
        return Ok(0);
    }
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    writeln!(out, "\nLinimasa bench ({cores} cores)")?;
    writeln!(out, "{:<46} {:>10}  target", "measure", "value")?;
    for (n, ms) in &report.frame_ms {
        let target = match n.as_str() {
            "100000" => "≤ 2 ms",
            "1000000" => "≤ 4 ms, ≤ 1.5× the 1k frame",
            _ => "",
        };
        writeln!(
            out,
            "{:<46} {:>7.2} ms  {target}",
            format!("frame, {n} events (layout + tessellation)"),
            ms
        )?;
    }
    writeln!(
        out,
        "{:<46} {:>7.1} MB/s  ≥ 50 MB/s",
        "ingest (load + extract + merge)", report.ingest_mb_per_s
    )?;
    writeln!(
        out,
        "{:<46} {:>7.1} ms",
        "PNG export, 4000 px, 100k events", report.export_png_ms
    )?;
    writeln!(
        out,
        "{:<46} {:>7.2} s   ≤ 1 s",
        "re-open of a cached 100k-article corpus", reopen
    )?;
    writeln!(
        out,
        "{:<46} {:>7.2} s   ≤ 3 s",
        "one 32 MB article (dates, places, quotes)", report.big_article_s
    )?;
    writeln!(
        out,
        "{:<46} {:>7.0} MiB  ≤ 2048 MiB",
        "peak resident memory", report.peak_rss_mb
    )?;
    Ok(0)
}
