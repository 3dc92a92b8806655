//! Ingest: files → articles → facts in one parallel pass per file (read, decode, extract), with a per-file
//! extraction cache in the user's cache folder (never in the corpus), a total-size cap, progress, cancellation
//! and partial results for a timeline that fills in while a large corpus loads.
//!
//! The cache keeps, per file, its size, modification time and content hash with the facts extracted from it.
//! A file whose size and time are unchanged is not read again; a file that changed is read, and if its content
//! hash is unchanged (a `touch`) its facts are reused; anything else is extracted anew. Article text is not kept
//! in memory (it can be re-read: [`article_text`]) unless asked for.

use crate::corpus::{self, FoundFile, LoadOptions, parse_bytes, read_bytes_and_stat, read_file};
use crate::extract::extract_article_until;
use crate::model::{Article, ArticleFacts, EventRow, Skipped};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Bump when extraction (or the cached types) change: older caches are then ignored.
pub const EXTRACTOR_VERSION: u32 = 11;

/// Cache writes still running (see [`flush_cache_writes`]).
static PENDING_WRITES: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> =
    std::sync::Mutex::new(Vec::new());

/// Cache writes started and not finished, whoever waits for them: a flush that finds its handles taken by
/// another flush still waits for them.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Counts one cache write in flight until dropped (also when the write panics or its thread cannot start).
struct InFlight;

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Runs a cache write on a thread of its own, known to [`flush_cache_writes`].
fn spawn_write(job: impl FnOnce() + Send + 'static) {
    IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
    let guard = InFlight;
    if let Ok(handle) = std::thread::Builder::new()
        .name("linimasa-cache".into())
        .spawn(move || {
            let _guard = guard;
            job();
        })
        && let Ok(mut pending) = PENDING_WRITES.lock()
    {
        pending.push(handle);
    }
}

/// Waits until every extraction cache write started so far has finished (the app calls it when it quits),
/// including those another thread's flush is waiting for.
pub fn flush_cache_writes() {
    let handles: Vec<_> = PENDING_WRITES
        .lock()
        .map(|mut p| std::mem::take(&mut *p))
        .unwrap_or_default();
    for h in handles {
        let _ = h.join();
    }
    while IN_FLIGHT.load(Ordering::SeqCst) > 0 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

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
    /// A hash of every file's path, size and time (and the build): equal fingerprints mean the same corpus, so
    /// results derived from all of it (the merged events) can be cached under it.
    pub fingerprint: String,
    /// A hash of the inputs opened (names this corpus's cache files).
    pub corpus_key: String,
    /// Articles whose text is in several files (copies are common in scraped data): by article id, the other
    /// files holding the same text. The article and its event are kept once, from the first file.
    pub copies: std::collections::BTreeMap<String, Vec<String>>,
    /// The load was cancelled (the progress function said so): what was done is here, the rest is not (not even
    /// listed as skipped), and nothing was cached.
    pub cancelled: bool,
}

/// What one file gave, as cached.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    size: u64,
    /// [`stamp`] of the file when read.
    stamp: u128,
    hash: String,
    outcome: Outcome,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Outcome {
    Used {
        articles: Vec<Article>,
        facts: Vec<ArticleFacts>,
        rows: Vec<EventRow>,
        /// What was used with losses or left out (shown with the file in Problems).
        notes: Vec<String>,
    },
    Skipped(String),
}

/// The running program's build (its size and modification time): a rebuilt extractor never trusts facts an
/// older build cached.
fn build_id() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{}-{}", m.len(), mtime_ns(&m)))
        .unwrap_or_default()
}

#[derive(Serialize)]
struct CacheFile {
    format: String,
    extractor: u32,
    version: String,
    build: String,
    /// The load options that change what a file gives ([`options_key`]).
    options: String,
    /// MessagePack-encoded `Vec<Entry>` shards, decoded in parallel.
    shards: Vec<serde_bytes_like::Bytes>,
}

/// [`CacheFile`] as read: the shards borrowed from the bytes read, not copied.
#[derive(Deserialize)]
struct CacheFileIn<'a> {
    format: String,
    extractor: u32,
    version: String,
    build: String,
    options: String,
    #[serde(borrow)]
    shards: Vec<&'a [u8]>,
}

mod serde_bytes_like {
    //! A byte blob that MessagePack stores as binary (read back borrowed, as `&[u8]`).
    use serde::{Serialize, Serializer};

    #[derive(Debug, Clone, Default)]
    pub struct Bytes(pub Vec<u8>);

    impl Serialize for Bytes {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }
}

/// A name for the corpus opened from `inputs` (its absolute paths, hashed).
fn corpus_key(inputs: &[PathBuf]) -> String {
    let mut key = String::new();
    for p in inputs {
        let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        key.push_str(&abs.to_string_lossy());
        key.push('\n');
    }
    crate::corpus::content_id(&key, None)
}

/// The cache file of a corpus opened from `inputs`.
fn cache_path(dir: &Path, inputs: &[PathBuf]) -> PathBuf {
    dir.join(format!("extract-{}.mpk", corpus_key(inputs)))
}

/// Cached entries by path, keyed by the path's bytes: hashing and comparing a `Path` walks its components,
/// which showed in the profile of a re-open.
type CacheMap = HashMap<std::ffi::OsString, Entry>;

/// The largest cache file read (a damaged or replaced one is not read to the end of memory).
const MAX_CACHE_BYTES: u64 = 8 * 1024 * 1024 * 1024;

/// The options that change what a file gives (its size limit and the line limit): facts cached under other
/// options are not used.
fn options_key(opts: &LoadOptions) -> String {
    format!(
        "max-file={};max-line={}",
        opts.max_file_bytes,
        crate::corpus::MAX_LINE_BYTES
    )
}

/// One entry as stored: the BLAKE3 hash of its MessagePack bytes, then the bytes. An entry whose bytes do not
/// match its hash (a damaged cache file) is dropped and its file read again.
fn seal(e: &Entry) -> Option<serde_bytes_like::Bytes> {
    let body = rmp_serde::to_vec(e).ok()?;
    let mut out = Vec::with_capacity(32 + body.len());
    out.extend_from_slice(blake3::hash(&body).as_bytes());
    out.extend_from_slice(&body);
    Some(serde_bytes_like::Bytes(out))
}

fn unseal(record: &[u8]) -> Option<Entry> {
    let (sum, body) = record.split_at_checked(32)?;
    if blake3::hash(body).as_bytes() != sum {
        return None;
    }
    rmp_serde::from_slice(body).ok()
}

/// The entries of the cache file at `path`, with why it could not be used when it exists but cannot be read (a
/// FIFO or a device in its place is refused without blocking, and replaced by the next cache write). A missing
/// or damaged cache gives no entries and no reason: it is rebuilt.
fn read_cache(path: &Path, opts: &LoadOptions) -> (CacheMap, Option<String>) {
    use crate::corpus::ReadError;
    let bytes = match crate::corpus::read_regular(path, MAX_CACHE_BYTES) {
        Ok((bytes, _)) => bytes,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return (HashMap::new(), None);
        }
        Err(e) => {
            return (
                HashMap::new(),
                Some(format!(
                    "{}: {e}; not used (the cache is written anew)",
                    crate::corpus::escaped_path(path)
                )),
            );
        }
    };
    (read_cache_bytes(&bytes, opts), None)
}

fn read_cache_bytes(bytes: &[u8], opts: &LoadOptions) -> CacheMap {
    let Ok(file) = rmp_serde::from_slice::<CacheFileIn<'_>>(bytes) else {
        return HashMap::new();
    };
    if file.format != "linimasa-extract-cache"
        || file.extractor != EXTRACTOR_VERSION
        || file.version != env!("CARGO_PKG_VERSION")
        || file.build != build_id()
        || file.options != options_key(opts)
    {
        return HashMap::new();
    }
    file.shards
        .par_iter()
        .flat_map_iter(|s| rmp_serde::from_slice::<Vec<&[u8]>>(s).unwrap_or_default())
        .filter_map(unseal)
        .map(|e| (e.path.clone().into_os_string(), e))
        .collect()
}

fn write_cache(path: &Path, entries: &[Entry], opts: &LoadOptions) -> std::io::Result<()> {
    let n_shards = 16.min(entries.len().max(1));
    let shards: Vec<serde_bytes_like::Bytes> = (0..n_shards)
        .into_par_iter()
        .map(|k| {
            // An entry that cannot be written (a path that is not UTF-8) is left out, not the whole cache.
            let part: Vec<serde_bytes_like::Bytes> = entries
                .iter()
                .skip(k)
                .step_by(n_shards)
                .filter_map(seal)
                .collect();
            rmp_serde::to_vec(&part)
                .map(serde_bytes_like::Bytes)
                .map_err(std::io::Error::other)
        })
        .collect::<Result<_, _>>()?;
    let file = CacheFile {
        format: "linimasa-extract-cache".into(),
        extractor: EXTRACTOR_VERSION,
        version: env!("CARGO_PKG_VERSION").into(),
        build: build_id(),
        options: options_key(opts),
        shards,
    };
    let bytes = rmp_serde::to_vec(&file).map_err(std::io::Error::other)?;
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

/// A file's version as its metadata tells it: modification time, status-change time and inode together. An
/// edit that keeps the size and puts the modification time back still changes the status-change time, which no
/// program can set.
fn stamp(meta: &std::fs::Metadata) -> u128 {
    let mut h = blake3::Hasher::new();
    h.update(&mtime_ns(meta).to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        h.update(&meta.ctime().to_le_bytes());
        h.update(&meta.ctime_nsec().to_le_bytes());
        h.update(&meta.ino().to_le_bytes());
        h.update(&meta.dev().to_le_bytes());
    }
    let hash = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(hash.as_bytes().get(..16).unwrap_or(&[0; 16]));
    u128::from_le_bytes(b)
}

/// A file's size and [`stamp`].
type Stat = (u64, u128);

/// What [`process`] gives: the file's entry and the size and time it used.
type Processed = (Entry, Option<Stat>);

/// Asked inside the extraction of a long article; `true`: give it up (the load was cancelled).
type Stop<'a> = &'a (dyn Fn() -> bool + Sync);

/// Reads and extracts one file whose size and time did not match the cache (those were taken from the cache
/// before): its facts are still reused when its content hash is unchanged. `stat` is the file's size and
/// modification time as listed before (`None`: not listed, or it could not be read then); the size and time
/// used are returned with the entry. `None` when `stop` said to give up while it was extracted.
fn process(
    file: &FoundFile,
    stat: Option<Stat>,
    opts: &LoadOptions,
    keep_text: bool,
    cache: &CacheMap,
    hits: &AtomicUsize,
    stop: Stop<'_>,
) -> Option<Processed> {
    let read = read_bytes_and_stat(file, opts);
    // Size and time as listed before or, when the list was not taken (no cache to compare with), as the open
    // file gives them (or the path, for a file that could not be opened).
    let stat = stat.or_else(|| match &read {
        Ok((_, meta)) => Some((meta.len(), stamp(meta))),
        Err(_) => std::fs::metadata(&file.path)
            .ok()
            .map(|m| (m.len(), stamp(&m))),
    });
    Some((
        process_read(file, read, stat, opts, keep_text, cache, hits, stop)?,
        stat,
    ))
}

/// [`process`] once the file was read.
#[allow(clippy::too_many_arguments)]
fn process_read(
    file: &FoundFile,
    read: Result<(Vec<u8>, std::fs::Metadata), String>,
    stat: Option<Stat>,
    opts: &LoadOptions,
    keep_text: bool,
    cache: &CacheMap,
    hits: &AtomicUsize,
    stop: Stop<'_>,
) -> Option<Entry> {
    let (size, mtime) = stat.unwrap_or((0, 0));
    let bytes = match read {
        Ok((b, _)) => b,
        Err(reason) => {
            return Some(Entry {
                path: file.path.clone(),
                size,
                stamp: mtime,
                hash: String::new(),
                outcome: Outcome::Skipped(reason),
            });
        }
    };
    let hash = if opts.cache_dir.is_some() {
        blake3::hash(&bytes).to_hex().to_string()
    } else {
        String::new()
    };
    if let Some(e) = cache.get(file.path.as_os_str())
        && !hash.is_empty()
        && e.hash == hash
    {
        hits.fetch_add(1, Ordering::Relaxed);
        return Some(Entry {
            size,
            stamp: mtime,
            ..e.clone()
        });
    }
    let outcome = match parse_bytes(file, bytes) {
        Ok(content) => {
            let facts: Vec<ArticleFacts> = content
                .articles
                .iter()
                .map(|a| extract_article_until(a, stop))
                .collect::<Option<_>>()?;
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
                notes: content.notes,
            }
        }
        Err(reason) => Outcome::Skipped(reason),
    };
    Some(Entry {
        path: file.path.clone(),
        size,
        stamp: mtime,
        hash,
        outcome,
    })
}

/// A snapshot of what has been ingested so far, built only when asked for.
pub type Snapshot<'a> = &'a dyn Fn() -> Ingested;

/// Ingests `inputs`. `progress(done, total)` is called as files finish, and inside the extraction of a long
/// article every thousand lines or so, and may return `false` to cancel (the result then holds what was done and
/// says [`Ingested::cancelled`]). `partial` is called after each chunk of files read with a function that
/// builds a snapshot of everything so far (call it only when a snapshot is wanted: it copies).
pub fn ingest(
    inputs: &[PathBuf],
    opts: &LoadOptions,
    keep_text: bool,
    progress: &(dyn Fn(usize, usize) -> bool + Sync),
    partial: &mut dyn FnMut(Snapshot<'_>),
) -> Ingested {
    let (files, walk_skipped) = corpus::find_files(inputs);
    let cache_file = opts.cache_dir.as_ref().map(|d| cache_path(d, inputs));
    if let Some(p) = &cache_file {
        // Temporary files of cache writes killed midway.
        crate::curation::store::remove_orphan_temps(p);
        if let Some(d) = p.parent() {
            crate::curation::store::remove_orphan_temps(
                &d.join(format!("events-{}.mpk", corpus_key(inputs))),
            );
        }
    }
    let (mut cache, cache_problem) = cache_file
        .as_deref()
        .map(|p| read_cache(p, opts))
        .unwrap_or_default();
    let cached_files = cache.len();
    let total = files.len();
    // Files whose size and time match the cache are taken from it without being read (moved, not copied).
    // With nothing cached there is nothing to compare: each file's size and time come from reading it.
    // Every file's size is looked up before any is read: against the cache, and so that files past the corpus
    // size limit are never read (memory stays bounded by the limit).
    let mut stats: Vec<Option<Stat>> = files
        .par_iter()
        .map(|f| {
            std::fs::metadata(&f.path)
                .ok()
                .map(|m| (m.len(), stamp(&m)))
        })
        .collect();
    let mut slots: Vec<Option<Entry>> = Vec::with_capacity(total);
    for (f, st) in files.iter().zip(&stats) {
        let hit = match (cache.get(f.path.as_os_str()), st) {
            (Some(e), Some((size, mtime))) => e.size == *size && e.stamp == *mtime,
            _ => false,
        };
        slots.push(if hit {
            cache.remove(f.path.as_os_str())
        } else {
            None
        });
    }
    // Files past the corpus size limit, in file order, are refused unread (and not cached).
    let mut running = 0u64;
    for ((f, st), slot) in files.iter().zip(&stats).zip(slots.iter_mut()) {
        let size = st.map(|s| s.0).unwrap_or(0);
        if running.saturating_add(size) > opts.max_total_bytes {
            *slot = Some(Entry {
                path: f.path.clone(),
                size,
                stamp: st.map(|s| s.1).unwrap_or(0),
                hash: String::new(),
                outcome: Outcome::Skipped(limit_reason(opts)),
            });
        } else {
            running += size;
        }
    }
    let hits = AtomicUsize::new(
        slots
            .iter()
            .filter(|s| s.as_ref().is_some_and(|e| !e.hash.is_empty()))
            .count(),
    );
    let done = AtomicUsize::new(slots.iter().filter(|s| s.is_some()).count());
    let cancelled = AtomicBool::new(!progress(done.load(Ordering::Relaxed), total));
    // Asked inside the extraction of a long article (every few thousand lines): the progress function is how
    // the caller says to cancel, and one huge article may take long between two files' reports.
    let stop = || {
        cancelled.load(Ordering::Relaxed) || {
            let go_on = progress(done.load(Ordering::Relaxed), total);
            if !go_on {
                cancelled.store(true, Ordering::Relaxed);
            }
            !go_on
        }
    };
    let misses: Vec<usize> = (0..total)
        .filter(|&i| slots.get(i).is_some_and(|s| s.is_none()))
        .collect();
    for chunk in misses.chunks(CHUNK) {
        if cancelled.load(Ordering::Relaxed) {
            break;
        }
        let results: Vec<(usize, Option<Processed>)> = chunk
            .par_iter()
            .map(|&i| {
                if cancelled.load(Ordering::Relaxed) {
                    return (i, None);
                }
                let entry = files.get(i).and_then(|f| {
                    let stat = stats.get(i).copied().flatten();
                    process(f, stat, opts, keep_text, &cache, &hits, &stop)
                });
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if !progress(n, total) {
                    cancelled.store(true, Ordering::Relaxed);
                }
                (i, entry)
            })
            .collect();
        for (i, got) in results {
            let Some((entry, stat)) = got else { continue };
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(entry);
            }
            if let Some(st) = stats.get_mut(i)
                && st.is_none()
            {
                *st = stat;
            }
        }
        partial(&|| assemble(&files, &slots, opts, walk_skipped.clone(), |e| e.clone()));
    }
    let changed = hits.load(Ordering::Relaxed) != total || cached_files != total;
    if let Some(path) = cache_file
        && changed
        && !cancelled.load(Ordering::Relaxed)
    {
        // A file that could not be read (no permission yet, not a regular file) is not cached: it is tried
        // again next time.
        let mut entries: Vec<Entry> = slots
            .iter()
            .flatten()
            .filter(|e| !e.hash.is_empty())
            .cloned()
            .collect();
        // The cache never holds article text (it can be re-read). One that cannot be written only costs time.
        for e in &mut entries {
            if let Outcome::Used { articles, .. } = &mut e.outcome {
                for a in articles {
                    a.text = String::new();
                }
            }
        }
        let write_opts = opts.clone();
        // Written on its own thread so that the timeline shows without waiting; atomic, so a quit mid-write
        // leaves the old cache (or none), never a torn one.
        spawn_write(move || {
            let _ = write_cache(&path, &entries, &write_opts);
        });
    }
    let mut out = assemble_owned(&files, slots, opts, walk_skipped);
    if let Some(reason) = cache_problem {
        out.skipped.push(Skipped {
            file: "extraction cache".into(),
            reason,
        });
    }
    out.from_cache = hits.load(Ordering::Relaxed);
    out.cancelled = cancelled.load(Ordering::Relaxed);
    // The fingerprint's bytes gathered first and hashed in one call (BLAKE3 of the same bytes as feeding them
    // piece by piece, many times faster for 100k short pieces).
    let mut bytes: Vec<u8> = Vec::with_capacity(64 + files.len() * 96);
    bytes.extend_from_slice(build_id().as_bytes());
    bytes.extend_from_slice(&opts.max_total_bytes.to_le_bytes());
    bytes.extend_from_slice(&opts.max_file_bytes.to_le_bytes());
    for (f, st) in files.iter().zip(&stats) {
        bytes.extend_from_slice(f.path.to_string_lossy().as_bytes());
        bytes.push(0);
        let (size, mtime) = st.unwrap_or((u64::MAX, 0));
        bytes.extend_from_slice(&size.to_le_bytes());
        bytes.extend_from_slice(&mtime.to_le_bytes());
    }
    out.fingerprint = blake3::hash(&bytes).to_hex().to_string();
    out.corpus_key = corpus_key(inputs);
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
    out
}

fn limit_reason(opts: &LoadOptions) -> String {
    format!(
        "corpus size limit of {} MB reached; not loaded (raise it with --max-corpus-mb)",
        opts.max_total_bytes / (1024 * 1024)
    )
}

/// The result so far, copying from the slots (for snapshots while loading).
fn assemble(
    files: &[FoundFile],
    slots: &[Option<Entry>],
    opts: &LoadOptions,
    skipped: Vec<Skipped>,
    copy: impl Fn(&Entry) -> Entry,
) -> Ingested {
    let owned: Vec<Option<Entry>> = slots.iter().map(|s| s.as_ref().map(&copy)).collect();
    assemble_owned(files, owned, opts, skipped)
}

/// The result, in file order, moving the articles and facts out of the slots.
fn assemble_owned(
    files: &[FoundFile],
    slots: Vec<Option<Entry>>,
    opts: &LoadOptions,
    skipped: Vec<Skipped>,
) -> Ingested {
    let mut out = Ingested {
        files: files.len(),
        skipped,
        ..Ingested::default()
    };
    // Filled at their final sizes (facts are large: growing the lists copied them over and over).
    let (mut n_articles, mut n_facts, mut n_rows) = (0, 0, 0);
    for e in slots.iter().flatten() {
        if let Outcome::Used {
            articles,
            facts,
            rows,
            ..
        } = &e.outcome
        {
            n_articles += articles.len();
            n_facts += facts.len();
            n_rows += rows.len();
        }
    }
    out.articles.reserve_exact(n_articles);
    out.facts.reserve_exact(n_facts);
    out.event_rows.reserve_exact(n_rows);
    let mut used = 0u64;
    let mut seen: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(n_articles);
    for (file, entry) in files.iter().zip(slots) {
        let Some(entry) = entry else { continue };
        match entry.outcome {
            Outcome::Used {
                articles,
                facts,
                rows,
                notes,
            } => {
                if used.saturating_add(entry.size) > opts.max_total_bytes {
                    out.skipped.push(Skipped {
                        file: file.display.clone(),
                        reason: limit_reason(opts),
                    });
                    continue;
                }
                used += entry.size;
                for reason in notes {
                    out.skipped.push(Skipped {
                        file: file.display.clone(),
                        reason,
                    });
                }
                // One article per distinct text (ids are content hashes): a copy is listed, not added.
                for (a, f) in articles.into_iter().zip(facts) {
                    if seen.insert(a.id.clone()) {
                        out.articles.push(a);
                        out.facts.push(f);
                    } else {
                        out.copies.entry(a.id).or_default().push(a.file);
                    }
                }
                out.event_rows.extend(rows);
                out.bytes += entry.size;
            }
            Outcome::Skipped(reason) => out.skipped.push(Skipped {
                file: file.display.clone(),
                reason,
            }),
        }
    }
    // What only the whole corpus tells (page furniture that recurs across articles).
    crate::extract::refine::refine(&mut out.facts);
    out
}

/// The checksum of the merged events' shards (a damaged events cache is not used).
fn shards_sum(shards: &[&[u8]]) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    for s in shards {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s);
    }
    h.finalize()
}

/// The merged events cached for a corpus `fingerprint` (see [`Ingested::fingerprint`]), if any.
pub fn cached_events(
    dir: &Path,
    corpus_key: &str,
    fingerprint: &str,
) -> Option<crate::pipeline::BaseEvents> {
    let (bytes, _) = crate::corpus::read_regular(
        &dir.join(format!("events-{corpus_key}.mpk")),
        MAX_CACHE_BYTES,
    )
    .ok()?;
    let (fp, sum, shards): (String, &[u8], Vec<&[u8]>) = rmp_serde::from_slice(&bytes).ok()?;
    if fp != fingerprint || shards_sum(&shards).as_bytes() != sum {
        return None;
    }
    let parts: Vec<crate::pipeline::BaseEvents> = shards
        .par_iter()
        .map(|s| rmp_serde::from_slice(s))
        .collect::<Result<_, _>>()
        .ok()?;
    let mut out = crate::pipeline::BaseEvents::default();
    for p in parts {
        out.events.extend(p.events);
        out.skipped.extend(p.skipped);
    }
    Some(out)
}

/// Caches the merged events of a corpus in the state `fingerprint`, on a background thread (atomically; one
/// file per corpus, replaced when the corpus changes).
pub fn store_events(
    dir: &Path,
    corpus_key: &str,
    fingerprint: &str,
    base: &crate::pipeline::BaseEvents,
) {
    let key = corpus_key.to_string();
    let (dir, fingerprint, base) = (dir.to_path_buf(), fingerprint.to_string(), base.clone());
    let job = move || {
        let n = 8.min(base.events.len().max(1));
        let shards: Result<Vec<serde_bytes_like::Bytes>, _> = (0..n)
            .into_par_iter()
            .map(|k| {
                let part = crate::pipeline::BaseEvents {
                    events: base.events.iter().skip(k).step_by(n).cloned().collect(),
                    skipped: if k == 0 {
                        base.skipped.clone()
                    } else {
                        Vec::new()
                    },
                };
                rmp_serde::to_vec(&part).map(serde_bytes_like::Bytes)
            })
            .collect();
        let Ok(shards) = shards else { return };
        let sum = {
            let parts: Vec<&[u8]> = shards.iter().map(|b| b.0.as_slice()).collect();
            serde_bytes_like::Bytes(shards_sum(&parts).as_bytes().to_vec())
        };
        let Ok(bytes) = rmp_serde::to_vec(&(fingerprint, sum, shards)) else {
            return;
        };
        if std::fs::create_dir_all(&dir).is_ok() {
            let _ = crate::export::write_atomic(&dir.join(format!("events-{key}.mpk")), &bytes);
        }
    };
    spawn_write(job);
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
