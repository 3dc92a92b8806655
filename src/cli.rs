//! Command-line commands other than the GUI: `extract`, `eval`. Each returns an exit code and writes to the
//! given writers so that tests can run them in-process. The work itself is [`crate::pipeline`]'s.

use crate::corpus::LoadOptions;
use crate::eval::{self, GoldArticle};
use crate::pipeline::{Extraction, extract_paths};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::path::PathBuf;

/// Loads and extracts, reporting every skipped file on `err`; `None` (after saying so) when nothing loaded.
fn load_reporting(
    inputs: &[PathBuf],
    opts: &LoadOptions,
    err: &mut dyn std::io::Write,
) -> Result<Option<Extraction>> {
    let (x, _) = extract_paths(inputs, opts);
    for s in &x.skipped {
        writeln!(err, "skipped {}: {}", s.file, s.reason)?;
    }
    for u in &x.unapplied {
        writeln!(
            err,
            "curation edit {} ({}, “{}”, {}) not applied: {}",
            u.index + 1,
            u.edit.op.describe(),
            u.edit.target_title,
            u.edit.at,
            u.reason
        )?;
    }
    if x.articles.is_empty() && x.events.is_empty() {
        writeln!(
            err,
            "error: no article could be loaded from {}",
            display_inputs(inputs)
        )?;
        return Ok(None);
    }
    Ok(Some(x))
}

/// `linimasa extract PATH... --format json`: prints the extraction; exit 0 when at least one article loaded.
pub fn run_extract(
    inputs: &[PathBuf],
    opts: &LoadOptions,
    format: &str,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> Result<i32> {
    if !matches!(format, "json" | "csv" | "timelinejs") {
        writeln!(
            err,
            "error: unknown format {format:?} (use json, csv or timelinejs)"
        )?;
        return Ok(2);
    }
    let Some(x) = load_reporting(inputs, opts, err)? else {
        return Ok(2);
    };
    match format {
        "csv" => out.write_all(
            crate::export::data::to_csv(&x.events)
                .context("writing CSV")?
                .as_bytes(),
        )?,
        "timelinejs" => {
            let doc = crate::export::data::to_timelinejs(&x.events, "Linimasa timeline");
            serde_json::to_writer_pretty(&mut *out, &doc).context("writing TimelineJS JSON")?;
            writeln!(out)?;
        }
        _ => {
            serde_json::to_writer_pretty(&mut *out, &x).context("writing JSON")?;
            writeln!(out)?;
        }
    }
    Ok(0)
}

fn display_inputs(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `linimasa eval PATH... --gold GOLD.json...`: every figure of the extraction against hand annotations, then
/// every miss. The annotations of several gold files are scored together (each article by its file name).
pub fn run_eval(
    inputs: &[PathBuf],
    gold_files: &[PathBuf],
    opts: &LoadOptions,
    out: &mut dyn std::io::Write,
) -> Result<i32> {
    let mut gold: Vec<GoldArticle> = Vec::new();
    for g in gold_files {
        let text =
            std::fs::read_to_string(g).with_context(|| format!("reading {}", g.display()))?;
        let mut more: Vec<GoldArticle> =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", g.display()))?;
        gold.append(&mut more);
    }
    let (x, corpus) = extract_paths(inputs, opts);
    let text_of = |file: &str| {
        corpus
            .articles
            .iter()
            .find(|a| a.file == file || a.file.ends_with(&format!("/{file}")))
            .map(|a| a.text.clone())
    };
    let scores = eval::score(&x.articles, &x.events, &gold, &text_of);
    write!(out, "{}", scores.report())?;
    Ok(0)
}

/// Arguments of `linimasa export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// Files or folders to load.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output file: `.png` or `.svg`.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// First day shown (YYYY-MM-DD); default 2015-01-01 or the data's start.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day shown (YYYY-MM-DD); default 2023-12-31 or the data's end.
    #[arg(long)]
    pub to: Option<String>,
    /// Width in pixels.
    #[arg(long, default_value_t = 3000)]
    pub width: u32,
    /// Pixel scale of the PNG (1–4).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Lanes by forum, country or outlet.
    #[arg(long, default_value = "forum")]
    pub lanes: String,
    /// light or dark.
    #[arg(long, default_value = "light")]
    pub theme: String,
    /// Title above the timeline.
    #[arg(long)]
    pub title: Option<String>,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// A page size made for reading: `slide` (1920×1080), `a4` (A4 landscape at 300 dpi, 3508×2480) or `wide`
    /// (3840×1080); text at least 1/60 of the height. Replaces --width and --scale.
    #[arg(long)]
    pub preset: Option<String>,
}

/// Width, height and zoom of an export preset: the zoom makes the scene's 12 px text 1/60 of the height.
pub fn preset_size(name: &str) -> Option<(f32, f32, f32)> {
    let (w, h) = match name.to_ascii_lowercase().as_str() {
        "slide" => (1920.0, 1080.0),
        "a4" => (3508.0, 2480.0),
        "wide" => (3840.0, 1080.0),
        _ => return None,
    };
    Some((w, h, h / 60.0 / 12.0))
}

fn parse_day(s: &str, what: &str) -> Result<f64> {
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .with_context(|| format!("--{what} {s:?} is not a YYYY-MM-DD date"))?;
    Ok(crate::timeline::day_number(d))
}

/// `linimasa export`: loads, lays out and writes the image atomically; no window needed.
pub fn run_export(
    args: &ExportArgs,
    opts: &LoadOptions,
    err: &mut dyn std::io::Write,
) -> Result<i32> {
    use crate::export;
    use crate::theme::ThemeKind;
    use crate::timeline::lanes::LaneMode;
    // Check everything the user typed before the (slower) load.
    let format = export::ImageFormat::from_path(&args.output)?;
    let lanes = LaneMode::parse(&args.lanes)
        .with_context(|| format!("--lanes {:?}: use forum, country or outlet", args.lanes))?;
    let theme = match args.theme.to_ascii_lowercase().as_str() {
        "light" => ThemeKind::Light,
        "dark" => ThemeKind::Dark,
        other => anyhow::bail!("--theme {other:?}: use light or dark"),
    };
    if !(1.0..=4.0).contains(&args.scale) {
        anyhow::bail!("--scale {}: use a value from 1 to 4", args.scale);
    }
    if !(200..=20_000).contains(&args.width) {
        anyhow::bail!("--width {}: use 200 to 20000 pixels", args.width);
    }
    let preset = match &args.preset {
        Some(p) => {
            Some(preset_size(p).with_context(|| format!("--preset {p:?}: use slide, a4 or wide"))?)
        }
        None => None,
    };
    let Some(x) = load_reporting(&args.paths, opts, err)? else {
        return Ok(2);
    };
    let shown = vec![true; x.events.len()];
    let full = export::full_range_view(&x.events, &shown);
    let from = args
        .from
        .as_deref()
        .map(|s| parse_day(s, "from"))
        .transpose()?;
    let to = args.to.as_deref().map(|s| parse_day(s, "to")).transpose()?;
    let start = from.unwrap_or(full.start);
    let end = to.map_or(full.end, |t| t + 1.0);
    if end <= start {
        anyhow::bail!("--to must be after --from");
    }
    let view = crate::timeline::view::TimeView::exact(start, end)
        .map_err(|e| anyhow::anyhow!("--from/--to: {e}"))?;
    let mut opts = export::export_options(
        args.width as f32,
        theme,
        lanes,
        args.title.clone(),
        !args.no_legend,
        &x.events,
        &shown,
        view,
        (from, to),
    );
    let mut scale = args.scale;
    if let Some((w, h, zoom)) = preset {
        opts.width = w;
        opts.height = Some(h);
        opts.zoom = zoom;
        scale = 1.0;
    }
    let scene = crate::scene::build(&x.events, &shown, view, &opts);
    let _ = format;
    export::write_image(&scene, &args.output, scale)?;
    let drawn = crate::scene::shown_in_view(&x.events, &shown, view)
        .iter()
        .filter(|&&k| k)
        .count();
    writeln!(err, "wrote {} ({drawn} events)", args.output.display())?;
    if let Some(group) = scene.lanes.iter().find(|l| l.lanes > 1) {
        writeln!(
            err,
            "note: the {} lanes with fewest events in the range are drawn as one, \"{}\", so that the page keeps \
             its size; export a shorter range, another --lanes or --width without --preset to see each.",
            group.lanes, group.key
        )?;
    }
    if let Some((w, h, _)) = preset
        && scene.height > h + 0.5
    {
        // Text stays at 1/60 of the page: lanes that need more room make the image taller than the preset.
        writeln!(
            err,
            "note: {} lanes do not fit a {w}×{h} page at readable text size; the image is {w}×{:.0}. \
             Choose fewer lanes (--lanes forum) or a shorter range for the exact size.",
            scene.lanes.len(),
            scene.height
        )?;
    }
    Ok(0)
}

/// `linimasa gen-corpus DIR --articles N --seed S`: writes a synthetic corpus (see [`crate::synth::article`]).
/// The files are written into a temporary folder beside `DIR` which is renamed to `DIR` at the end, so `DIR`
/// appears whole or not at all; an existing non-empty `DIR` is never touched.
pub fn run_gen_corpus(
    dir: &std::path::Path,
    articles: usize,
    seed: u64,
    err: &mut dyn std::io::Write,
) -> Result<i32> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        writeln!(
            err,
            "error: {} exists and is not empty; choose a new folder",
            dir.display()
        )?;
        return Ok(2);
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(".linimasa-gen-")
        .tempdir_in(&parent)
        .with_context(|| format!("creating a temporary folder in {}", parent.display()))?;
    let start = std::time::Instant::now();
    let bytes: u64 = (0..articles)
        .into_par_iter()
        .map(|i| -> Result<u64> {
            let (name, text) = crate::synth::article(seed, i);
            let path = tmp.path().join(&name);
            if let Some(d) = path.parent() {
                std::fs::create_dir_all(d)?;
            }
            std::fs::write(&path, text.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            Ok(text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    if dir.exists() {
        std::fs::remove_dir(dir).with_context(|| format!("replacing empty {}", dir.display()))?;
    }
    let tmp_path = tmp.keep();
    std::fs::rename(&tmp_path, dir)
        .with_context(|| format!("moving the corpus into {}", dir.display()))?;
    writeln!(
        err,
        "wrote {articles} articles ({:.1} MB) to {} in {:.1} s",
        bytes as f64 / 1e6,
        dir.display(),
        start.elapsed().as_secs_f64()
    )?;
    Ok(0)
}
