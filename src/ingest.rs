//! Ingest: files → articles → facts in one parallel pass per file (read, decode, extract), with a per-file
//! extraction cache in the user's cache folder (never in the corpus), a total-size cap, progress, cancellation
//! and partial results for a timeline that fills in while a large corpus loads.
//!
//! The cache keeps, per file, its size, modification time and content hash with the facts extracted from it.
//! A file whose size and time are unchanged is not read again; a file that changed is read, and if its content
//! hash is unchanged (a `touch`) its facts are reused; anything else is extracted anew. Article text is not kept
//! in memory (it can be re-read: [`article_text`]) unless asked for.

use crate::corpus::{self, FoundFile, LoadOptions, parse_bytes, read_bytes, read_file};
use crate::extract::extract_article;
use crate::model::{Article, ArticleFacts, EventRow, Skipped};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// Bump when extraction changes what it finds: older caches are then ignored.
pub const EXTRACTOR_VERSION: u32 = 1;

/// Files per chunk between progress reports and partial results.
const CHUNK: usize = 2048;

/// The user's cache folder for Linimasa, unless `LINIMASA_NO_CACHE` is set; `LINIMASA_CACHE_DIR` overrides it.
pub fn default_cache_dir() -> Option<PathBuf> {
    if std::env::var_os("LINIMASA_NO_CACHE").is_some() {
        return None;
    }
    if let Some(d) = std::env::var_os("LINIMASA_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    dirs::cache_dir().map(|d| d.join("linimasa"))
}

/// Everything ingest produced.
#[derive(Debug, Clone, Default)]
pub struct Ingested {
    /// Articles in a deterministic order (text empty unless `keep_text`).
    pub articles: Vec<Article>,
    /// Their facts, in the same order.
    pub facts: Vec<ArticleFacts>,
    /// Rows of hand-made events files.
    pub event_rows: Vec<EventRow>,
    /// Files that could not be used, with reasons.
    pub skipped: Vec<Skipped>,
    /// Bytes of the corpus files used (read or taken from the cache).
    pub bytes: u64,
    /// Files whose facts came from the cache.
    pub from_cache: usize,
    /// Files listed.
    pub files: usize,
}

/// What one file gave, as cached.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    size: u64,
    mtime_ns: u128,
    hash: String,
    outcome: Outcome,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Outcome {
    Used {
        articles: Vec<Article>,
        facts: Vec<ArticleFacts>,
        rows: Vec<EventRow>,
    },
    Skipped(String),
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: String,
    extractor: u32,
    version: String,
    /// MessagePack-encoded `Vec<Entry>` shards, decoded in parallel.
    shards: Vec<serde_bytes_like::Bytes>,
}

mod serde_bytes_like {
    //! A byte blob that MessagePack stores as binary.
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Debug, Clone, Default)]
    pub struct Bytes(pub Vec<u8>);

    impl Serialize for Bytes {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }

    impl<'de> Deserialize<'de> for Bytes {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Bytes;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                    Ok(Bytes(v.to_vec()))
                }
                fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                    Ok(Bytes(v))
                }
            }
            d.deserialize_byte_buf(V)
        }
    }
}

/// The cache file of a corpus opened from `inputs`.
fn cache_path(dir: &Path, inputs: &[PathBuf]) -> PathBuf {
    let mut key = String::new();
    for p in inputs {
        let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        key.push_str(&abs.to_string_lossy());
        key.push('\n');
    }
    dir.join(format!(
        "extract-{}.mpk",
        crate::corpus::content_id(&key, None)
    ))
}

fn read_cache(path: &Path) -> HashMap<PathBuf, Entry> {
    let Ok(bytes) = std::fs::read(path) else {
        return HashMap::new();
    };
    let Ok(file) = rmp_serde::from_slice::<CacheFile>(&bytes) else {
        return HashMap::new();
    };
    if file.format != "linimasa-extract-cache"
        || file.extractor != EXTRACTOR_VERSION
        || file.version != env!("CARGO_PKG_VERSION")
    {
        return HashMap::new();
    }
    file.shards
        .par_iter()
        .flat_map_iter(|s| rmp_serde::from_slice::<Vec<Entry>>(&s.0).unwrap_or_default())
        .map(|e| (e.path.clone(), e))
        .collect()
}

fn write_cache(path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    let n_shards = 16.min(entries.len().max(1));
    let shards: Vec<serde_bytes_like::Bytes> = (0..n_shards)
        .into_par_iter()
        .map(|k| {
            let part: Vec<&Entry> = entries.iter().skip(k).step_by(n_shards).collect();
            rmp_serde::to_vec_named(&part)
                .map(serde_bytes_like::Bytes)
                .map_err(std::io::Error::other)
        })
        .collect::<Result<_, _>>()?;
    let file = CacheFile {
        format: "linimasa-extract-cache".into(),
        extractor: EXTRACTOR_VERSION,
        version: env!("CARGO_PKG_VERSION").into(),
        shards,
    };
    let bytes = rmp_serde::to_vec_named(&file).map_err(std::io::Error::other)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::export::write_atomic(path, &bytes)
}

fn mtime_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Reads and extracts one file, or takes it from the cache when unchanged.
fn process(
    file: &FoundFile,
    opts: &LoadOptions,
    keep_text: bool,
    cache: &HashMap<PathBuf, Entry>,
    hits: &AtomicUsize,
) -> Entry {
    let meta = std::fs::metadata(&file.path);
    let (size, mtime) = match &meta {
        Ok(m) => (m.len(), mtime_ns(m)),
        Err(_) => (0, 0),
    };
    if let Some(e) = cache.get(&file.path)
        && meta.is_ok()
        && e.size == size
        && e.mtime_ns == mtime
    {
        hits.fetch_add(1, Ordering::Relaxed);
        return e.clone();
    }
    let bytes = match read_bytes(file, opts) {
        Ok(b) => b,
        Err(reason) => {
            return Entry {
                path: file.path.clone(),
                size,
                mtime_ns: mtime,
                hash: String::new(),
                outcome: Outcome::Skipped(reason),
            };
        }
    };
    let hash = if opts.cache_dir.is_some() {
        blake3::hash(&bytes).to_hex().to_string()
    } else {
        String::new()
    };
    if let Some(e) = cache.get(&file.path)
        && !hash.is_empty()
        && e.hash == hash
    {
        hits.fetch_add(1, Ordering::Relaxed);
        return Entry {
            size,
            mtime_ns: mtime,
            ..e.clone()
        };
    }
    let outcome = match parse_bytes(file, &bytes) {
        Ok(content) => {
            let facts: Vec<ArticleFacts> = content.articles.iter().map(extract_article).collect();
            let mut articles = content.articles;
            if !keep_text {
                for a in &mut articles {
                    a.text = String::new();
                }
            }
            Outcome::Used {
                articles,
                facts,
                rows: content.event_rows,
            }
        }
        Err(reason) => Outcome::Skipped(reason),
    };
    Entry {
        path: file.path.clone(),
        size,
        mtime_ns: mtime,
        hash,
        outcome,
    }
}

/// Ingests `inputs`. `progress(done, total)` is called as files finish and may return `false` to cancel (the
/// result then holds what was done). `partial` is called after each chunk of files with everything so far.
pub fn ingest(
    inputs: &[PathBuf],
    opts: &LoadOptions,
    keep_text: bool,
    progress: &(dyn Fn(usize, usize) -> bool + Sync),
    partial: &mut dyn FnMut(&Ingested),
) -> Ingested {
    let (files, walk_skipped) = corpus::find_files(inputs);
    let cache_file = opts.cache_dir.as_ref().map(|d| cache_path(d, inputs));
    let cache = cache_file.as_deref().map(read_cache).unwrap_or_default();
    let hits = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let used = AtomicU64::new(0);
    let cancelled = AtomicBool::new(false);
    let total = files.len();
    let mut out = Ingested {
        files: total,
        skipped: walk_skipped,
        ..Ingested::default()
    };
    let mut entries: Vec<Entry> = Vec::with_capacity(files.len());
    for chunk in files.chunks(CHUNK) {
        if cancelled.load(Ordering::Relaxed) {
            break;
        }
        let results: Vec<Option<Entry>> = chunk
            .par_iter()
            .map(|f| {
                if cancelled.load(Ordering::Relaxed) {
                    return None;
                }
                let entry = process(f, opts, keep_text, &cache, &hits);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if !progress(n, total) {
                    cancelled.store(true, Ordering::Relaxed);
                }
                Some(entry)
            })
            .collect();
        for (file, entry) in chunk.iter().zip(results) {
            let Some(entry) = entry else { continue };
            match &entry.outcome {
                Outcome::Used {
                    articles,
                    facts,
                    rows,
                } => {
                    let before = used.fetch_add(entry.size, Ordering::Relaxed);
                    if before.saturating_add(entry.size) > opts.max_total_bytes {
                        used.fetch_sub(entry.size, Ordering::Relaxed);
                        out.skipped.push(Skipped {
                            file: file.display.clone(),
                            reason: format!(
                                "corpus size limit of {} MB reached; not loaded (raise it with --max-corpus-mb)",
                                opts.max_total_bytes / (1024 * 1024)
                            ),
                        });
                        continue;
                    }
                    out.articles.extend(articles.iter().cloned());
                    out.facts.extend(facts.iter().cloned());
                    out.event_rows.extend(rows.iter().cloned());
                    out.bytes += entry.size;
                }
                Outcome::Skipped(reason) => out.skipped.push(Skipped {
                    file: file.display.clone(),
                    reason: reason.clone(),
                }),
            }
            entries.push(entry);
        }
        out.from_cache = hits.load(Ordering::Relaxed);
        partial(&out);
    }
    if keep_text {
        // Articles taken from the cache carry no text: read it again.
        out.articles
            .par_iter_mut()
            .filter(|a| a.text.is_empty())
            .for_each(|a| {
                if let Ok(t) = article_text(a, opts) {
                    a.text = t;
                }
            });
    }
    let changed = entries.len() != cache.len() || hits.load(Ordering::Relaxed) != entries.len();
    if let Some(path) = cache_file
        && changed
        && !cancelled.load(Ordering::Relaxed)
    {
        // The cache never holds article text (it can be re-read). One that cannot be written only costs time.
        for e in &mut entries {
            if let Outcome::Used { articles, .. } = &mut e.outcome {
                for a in articles {
                    a.text = String::new();
                }
            }
        }
        let _ = write_cache(&path, &entries);
    }
    out
}

/// Reads an article's text again from its file (the file name up to `#record`).
pub fn article_text(article: &Article, opts: &LoadOptions) -> Result<String, String> {
    let display = article
        .file
        .rsplit_once('#')
        .map(|(f, _)| f)
        .unwrap_or(&article.file);
    let found = FoundFile {
        path: article.path.clone(),
        display: display.to_string(),
    };
    let content = read_file(&found, opts)?;
    content
        .articles
        .into_iter()
        .find(|a| a.id == article.id)
        .map(|a| a.text)
        .ok_or_else(|| format!("{} changed since it was loaded", article.file))
}
