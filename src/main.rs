//! The `linimasa` binary: command line parsing and start-up only.

use clap::{Parser, Subcommand};
use linimasa::corpus::LoadOptions;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: extraction allocates many small strings from several threads at once, where it is markedly faster
/// than the system allocator (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "linimasa",
    version,
    about = "A zoomable timeline of cyber-diplomacy events from folders of news articles",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Files or folders to open in the window (default: the bundled sample corpus).
    paths: Vec<PathBuf>,
    /// Open the window, render a few frames, save a PNG of it to FILE and exit.
    #[arg(long, value_name = "FILE")]
    screenshot: Option<PathBuf>,
    /// Ignore remembered settings (last corpus, view, filters).
    #[arg(long)]
    fresh: bool,
    /// First size of the window, WIDTHxHEIGHT in points (e.g. 1920x1080).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    window_size: Option<[f32; 2]>,
    /// Light or dark theme (default: the remembered one, else the system's).
    #[arg(long, value_parser = ["light", "dark"])]
    theme: Option<String>,
    /// Skip files larger than this many megabytes.
    #[arg(long, global = true, default_value_t = 32, value_name = "MB")]
    max_file_mb: u64,
    /// Stop loading once the files read add up to this many megabytes (memory stays bounded).
    #[arg(long, global = true, default_value_t = 4096, value_name = "MB")]
    max_corpus_mb: u64,
    /// Do not use the extraction cache (kept in the user's cache folder, never in the corpus).
    #[arg(long, global = true)]
    no_cache: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Load articles and print what was extracted.
    Extract {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: json (articles, events, skipped files), csv (one row per event) or timelinejs
        /// (a TimelineJS3 document).
        #[arg(long, default_value = "json")]
        format: String,
    },
    /// Score extraction against hand annotations.
    Eval {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Gold annotation file (repeat for several; scored together).
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
    },
    /// Write the timeline as a PNG or SVG image, without a window.
    Export(linimasa::cli::ExportArgs),
    /// Write a synthetic corpus of realistic articles (for measuring and testing scale).
    GenCorpus {
        /// New folder to create.
        dir: PathBuf,
        /// Number of articles.
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        /// Random seed (the same seed gives the same corpus).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure frame time, ingest speed, export time and peak memory on this machine.
    Bench {
        /// Print exactly one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    linimasa::tune_allocator();
    let cli = Cli::parse();
    let opts = LoadOptions {
        max_file_bytes: cli.max_file_mb.saturating_mul(1024 * 1024),
        max_total_bytes: cli.max_corpus_mb.saturating_mul(1024 * 1024),
        cache_dir: if cli.no_cache {
            None
        } else {
            linimasa::pipeline::ingest::default_cache_dir()
        },
    };
    // Standard error is not locked for a whole command: the extractor's debug lines (`LINIMASA_DEBUG_*`) are written
    // from its worker threads.
    let result = match cli.command {
        Some(Command::Extract { paths, format }) => linimasa::cli::run_extract(
            &paths,
            &opts,
            &format,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr(),
        ),
        Some(Command::Eval { paths, gold }) => {
            linimasa::cli::run_eval(&paths, &gold, &opts, &mut std::io::stdout().lock())
        }
        Some(Command::GenCorpus {
            dir,
            articles,
            seed,
        }) => linimasa::cli::run_gen_corpus(&dir, articles, seed, &mut std::io::stderr()),
        Some(Command::Bench { json }) => linimasa::bench::run(json, &mut std::io::stdout().lock()),
        Some(Command::Export(args)) => {
            linimasa::cli::run_export(&args, &opts, &mut std::io::stderr())
        }
        None => {
            let start = linimasa::ui::StartOptions {
                paths: cli.paths,
                screenshot: cli.screenshot,
                load_now: false,
                fresh: cli.fresh,
                load: opts,
                config_dir: None,
            };
            let look = linimasa::ui::Look {
                size: cli.window_size,
                theme: cli.theme.as_deref().map(|t| {
                    if t == "light" {
                        linimasa::theme::ThemeKind::Light
                    } else {
                        linimasa::theme::ThemeKind::Dark
                    }
                }),
            };
            linimasa::ui::run_with(start, look).map(|()| 0)
        }
    };
    // Let a cache write started by this run finish (it is atomic either way).
    linimasa::pipeline::ingest::flush_cache_writes();
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// `1920x1080` → `[1920.0, 1080.0]`: a window size of at least 900×560 points.
fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("{s:?}: give WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let num = |v: &str| {
        v.trim()
            .parse::<f32>()
            .map_err(|_| format!("{s:?}: {v:?} is not a number"))
    };
    let (w, h) = (num(w)?, num(h)?);
    if !(900.0..=10_000.0).contains(&w) || !(560.0..=10_000.0).contains(&h) {
        return Err(format!(
            "{s:?}: the window is at least 900x560 and at most 10000x10000"
        ));
    }
    Ok([w, h])
}
