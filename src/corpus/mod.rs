//! Finding and reading files into [`Article`]s: folders (recursively) or single files, several formats and
//! encodings, one reason per file that cannot be used. Nothing here parses meaning, and nothing here writes.

pub mod decode;
pub mod formats;

use crate::model::{Article, EventRow, Skipped};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub use decode::{DecodeError, decode_bytes};
pub use formats::{Format, parse_records};

/// Default cap on the size of one file.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// A text line longer than this is not an article paragraph (a dump, a minified page).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Default cap on the bytes of a whole corpus held in memory.
pub const DEFAULT_MAX_CORPUS_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// How to load a corpus.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped.
    pub max_file_bytes: u64,
    /// Once the files read add up to this, further files are skipped (memory stays bounded on huge corpora).
    pub max_total_bytes: u64,
    /// Where the extraction cache lives ([`crate::ingest`]); `None`: no cache.
    pub cache_dir: Option<PathBuf>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_total_bytes: DEFAULT_MAX_CORPUS_BYTES,
            cache_dir: None,
        }
    }
}

/// The articles of a corpus and the files that could not be used.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Loaded articles, in a deterministic order (sorted by path, then record).
    pub articles: Vec<Article>,
    /// Skipped files with reasons.
    pub skipped: Vec<Skipped>,
    /// Rows of hand-made events files (CSV spreadsheets, TimelineJS3 JSON), in file order.
    pub event_rows: Vec<EventRow>,
    /// Total bytes of the files read.
    pub bytes_read: u64,
}

/// A file found while walking the inputs, before it is read.
#[derive(Debug, Clone)]
pub struct FoundFile {
    /// Path on disk.
    pub path: PathBuf,
    /// Name shown to the user (relative to the opened folder).
    pub display: String,
}

/// Walks `inputs` (files or folders) and lists every file, sorted; problems met while walking (a symlink loop,
/// an unreadable folder) are returned as skipped entries.
pub fn find_files(inputs: &[PathBuf]) -> (Vec<FoundFile>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        let base = if input.is_dir() {
            input.clone()
        } else {
            input.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let mut visited = HashSet::new();
        walk(input, &base, &mut visited, &mut found, &mut skipped, 0);
    }
    // One input walked comes out sorted (siblings by name, depth first: the order of `Path` comparison) and
    // without repeats (each folder is walked once); several inputs may interleave or overlap.
    if inputs.len() > 1 {
        if !found.is_sorted_by(|a, b| a.path <= b.path) {
            found.sort_by(|a, b| a.path.cmp(&b.path));
        }
        found.dedup_by(|a, b| a.path == b.path);
    }
    (found, skipped)
}

const MAX_DEPTH: usize = 64;

/// Bytes of a name as text a terminal or the Problems list shows safely: bytes that are not UTF-8 as `\xNN`,
/// control characters (an ANSI escape, a line end) as `\u{1b}`; everything else as it is.
pub fn escaped_name(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
    out
}

/// A path as [`escaped_name`] shows it.
pub fn escaped_path(path: &Path) -> String {
    escaped_name(path.as_os_str().as_encoded_bytes())
}

fn display_name(path: &Path, base: &Path) -> String {
    // Paths found by the walk are `base` joined with more: their text after `base/` is the relative path
    // (`strip_prefix` compares component by component, 7 % of a large corpus's serial time).
    let (p, b) = (
        path.as_os_str().as_encoded_bytes(),
        base.as_os_str().as_encoded_bytes(),
    );
    if let Some(rest) = p.strip_prefix(b)
        && !b.is_empty()
    {
        let rest = if b.ends_with(b"/") {
            Some(rest)
        } else {
            rest.strip_prefix(b"/")
        };
        // Only plain components (no empty or `.` ones, which `strip_prefix` would drop).
        if let Some(Ok(s)) = rest.map(std::str::from_utf8)
            && s.split('/').all(|c| !c.is_empty() && c != ".")
            && !s.chars().any(char::is_control)
        {
            return s.to_string();
        }
    }
    let rel = path.strip_prefix(base).unwrap_or(path);
    let s = escaped_path(rel);
    if s.is_empty() { escaped_path(path) } else { s }
}

fn walk(
    path: &Path,
    base: &Path,
    visited: &mut HashSet<PathBuf>,
    found: &mut Vec<FoundFile>,
    skipped: &mut Vec<Skipped>,
    depth: usize,
) {
    let display = display_name(path, base);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let reason = if e.raw_os_error() == Some(40) {
                "symbolic link loop".to_string()
            } else if std::fs::symlink_metadata(path).is_ok() {
                format!("broken or looping link: {e}")
            } else {
                format!("cannot read: {e}")
            };
            skipped.push(Skipped {
                file: display,
                reason,
            });
            return;
        }
    };
    if meta.is_dir() {
        if depth > MAX_DEPTH {
            skipped.push(Skipped {
                file: display,
                reason: format!("folder nested deeper than {MAX_DEPTH} levels"),
            });
            return;
        }
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !visited.insert(canonical) {
            skipped.push(Skipped {
                file: display,
                reason: "symbolic link loop (folder already visited)".into(),
            });
            return;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => {
                skipped.push(Skipped {
                    file: display,
                    reason: format!("cannot list folder: {e}"),
                });
                return;
            }
        };
        // The entry's name and type come with the listing: plain files need no look-up of their own here (links
        // and folders are looked at by `walk`). Siblings in the order of their names' bytes: the order `Path`
        // comparison gives, without walking each path's components.
        let mut children: Vec<(std::ffi::OsString, PathBuf, bool)> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                let plain_file = e.file_type().is_ok_and(|t| t.is_file());
                Some((e.file_name(), e.path(), plain_file))
            })
            .collect();
        children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (name, child, plain_file) in children {
            let name = name.to_string_lossy();
            if name.starts_with('.') || is_own_name(&name) {
                continue;
            }
            if plain_file {
                found.push(FoundFile {
                    display: display_name(&child, base),
                    path: child,
                });
            } else {
                walk(&child, base, visited, found, skipped, depth + 1);
            }
        }
    } else if meta.is_file() {
        found.push(FoundFile {
            path: path.to_path_buf(),
            display,
        });
    } else {
        skipped.push(Skipped {
            file: display,
            reason: "not a regular file".into(),
        });
    }
}

/// Files Linimasa itself writes beside a corpus (by name), which are not articles.
fn is_own_name(name: &str) -> bool {
    name.starts_with("linimasa-") && name.ends_with(".json")
}

/// Why a file could not be read by [`read_regular`].
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(std::io::Error),
    /// The path names something other than a regular file (a FIFO, a device, a folder, a socket).
    NotRegular(&'static str),
    /// Larger than the limit: the size found (or the limit plus one when it grew while read).
    TooLarge(u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::NotRegular(what) => write!(f, "not a regular file ({what})"),
            ReadError::TooLarge(n) => write!(f, "too large: {} MB", n / (1024 * 1024)),
        }
    }
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "not a plain file"
    }
}

/// Reads a regular file of at most `limit` bytes without ever blocking on what is not one: the path is opened
/// with `O_NONBLOCK` (a FIFO with no writer, a device), the opened handle is looked at (`fstat`) and anything but
/// a regular file refused with what it is; the size is checked on the handle and the read bounded by `limit`.
pub fn read_regular(path: &Path, limit: u64) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let f = options.open(path).map_err(ReadError::Io)?;
    let meta = f.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    let len = meta.len();
    if len > limit {
        return Err(ReadError::TooLarge(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    // Read at most one byte past the limit: a file that grew since it was measured is still refused.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(f, limit.saturating_add(1)),
        &mut bytes,
    )
    .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit.saturating_add(1)));
    }
    Ok((bytes, meta))
}

/// What one file held.
#[derive(Debug, Clone, Default)]
pub struct FileContent {
    /// Its articles.
    pub articles: Vec<Article>,
    /// Or its hand-made event rows.
    pub event_rows: Vec<EventRow>,
    /// Its size.
    pub bytes: u64,
    /// What was used with losses or left out of it, with how many (shown with the file in Problems).
    pub notes: Vec<String>,
}

/// The content of one file, or the reason it cannot be used.
pub type FileResult = Result<FileContent, String>;

/// Reads one found file into articles, or a reason it cannot be used.
pub fn read_file(file: &FoundFile, opts: &LoadOptions) -> FileResult {
    let bytes = read_bytes(file, opts)?;
    parse_bytes(file, bytes)
}

/// The bytes of a found file, or why it cannot be used (unsupported extension, too large, unreadable).
pub fn read_bytes(file: &FoundFile, opts: &LoadOptions) -> Result<Vec<u8>, String> {
    read_bytes_and_stat(file, opts).map(|(bytes, _)| bytes)
}

/// [`read_bytes`] with the file's metadata as the open file gave it (size and modification time without a
/// look-up of the path of its own).
pub fn read_bytes_and_stat(
    file: &FoundFile,
    opts: &LoadOptions,
) -> Result<(Vec<u8>, std::fs::Metadata), String> {
    Format::from_path(&file.path).ok_or_else(|| {
        format!(
            "not an article file (unsupported extension {})",
            extension_label(&file.path)
        )
    })?;
    // One open (never blocking), then the size from the open file (no second look-up of the path).
    let (bytes, meta) = read_regular(&file.path, opts.max_file_bytes).map_err(|e| match e {
        ReadError::TooLarge(len) if len > opts.max_file_bytes.saturating_add(1) => format!(
            "too large: {} MB (limit {} MB)",
            len / (1024 * 1024),
            opts.max_file_bytes / (1024 * 1024)
        ),
        ReadError::TooLarge(_) => {
            format!("too large: over {} MB", opts.max_file_bytes / (1024 * 1024))
        }
        e => e.to_string(),
    })?;
    Ok((bytes, meta))
}

/// Decodes and parses the bytes of a found file.
pub fn parse_bytes(file: &FoundFile, bytes: Vec<u8>) -> FileResult {
    let format = Format::from_path(&file.path).ok_or_else(|| {
        format!(
            "not an article file (unsupported extension {})",
            extension_label(&file.path)
        )
    })?;
    let len = bytes.len() as u64;
    let (text, decode_note) = decode::decode_noting(bytes).map_err(|e| e.to_string())?;
    let mut notes: Vec<String> = decode_note.into_iter().collect();
    if format == Format::Text {
        line_limit(&text)?;
    }
    if let Some(rows) = formats::event_rows_noting(format, &text, &file.display, &mut notes) {
        let event_rows = rows?;
        if event_rows.is_empty() {
            return Err("an events table with no rows".into());
        }
        return Ok(FileContent {
            articles: Vec::new(),
            event_rows,
            bytes: len,
            notes,
        });
    }
    let mut articles = formats::parse_owned(format, text, &file.path, &file.display, &mut notes)?;
    if format != Format::Text {
        // Records' texts have the line limit of text files: a record of one huge line is no article.
        let before = articles.len();
        let mut first = None;
        articles.retain(|a| match line_limit(&a.text) {
            Ok(()) => true,
            Err(e) => {
                first.get_or_insert(e);
                false
            }
        });
        if let Some(e) = first {
            if articles.is_empty() {
                return Err(e);
            }
            notes.push(format!(
                "used, but {} of {before} records left out: {e}",
                before - articles.len()
            ));
        }
    }
    if articles.is_empty() {
        return Err("no article text in the file".into());
    }
    Ok(FileContent {
        articles,
        event_rows: Vec::new(),
        bytes: len,
        notes,
    })
}

/// Refuses a text with a line longer than [`MAX_LINE_BYTES`] (a dump, a minified page), with the reason.
fn line_limit(text: &str) -> Result<(), String> {
    let mut longest = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        longest = longest.max(end - start);
        start = end + 1;
    }
    if longest > MAX_LINE_BYTES {
        return Err(format!(
            "not article text: one line of {:.1} MB (limit {} KB per line)",
            longest as f64 / (1024.0 * 1024.0),
            MAX_LINE_BYTES / 1024
        ));
    }
    Ok(())
}

fn extension_label(path: &Path) -> String {
    path.extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_else(|| "(none)".into())
}

/// Loads every input (files or folders) in parallel. One bad file never stops the load.
pub fn load(inputs: &[PathBuf], opts: &LoadOptions) -> Corpus {
    let (files, mut skipped) = find_files(inputs);
    load_found(&files, opts, &mut skipped, &|_, _| true)
}

/// Loads already-found files in parallel; `progress(done, total)` is called as files finish and may return
/// `false` to cancel (the files not yet read are then left out).
pub fn load_found(
    files: &[FoundFile],
    opts: &LoadOptions,
    skipped: &mut Vec<Skipped>,
    progress: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Corpus {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let used = std::sync::atomic::AtomicU64::new(0);
    let cancelled = std::sync::atomic::AtomicBool::new(false);
    let total = files.len();
    let results: Vec<Option<FileResult>> = files
        .par_iter()
        .map(|f| {
            if cancelled.load(std::sync::atomic::Ordering::Relaxed) {
                return None;
            }
            let r = read_file(f, opts).and_then(|content| {
                let before = used.fetch_add(content.bytes, std::sync::atomic::Ordering::Relaxed);
                if before.saturating_add(content.bytes) > opts.max_total_bytes {
                    used.fetch_sub(content.bytes, std::sync::atomic::Ordering::Relaxed);
                    Err(format!(
                        "corpus size limit of {} MB reached; not loaded (raise it with --max-corpus-mb)",
                        opts.max_total_bytes / (1024 * 1024)
                    ))
                } else {
                    Ok(content)
                }
            });
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if !progress(n, total) {
                cancelled.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            Some(r)
        })
        .collect();
    let mut corpus = Corpus::default();
    for (file, result) in files.iter().zip(results) {
        match result {
            Some(Ok(content)) => {
                for reason in content.notes {
                    skipped.push(Skipped {
                        file: file.display.clone(),
                        reason,
                    });
                }
                corpus.articles.extend(content.articles);
                corpus.event_rows.extend(content.event_rows);
                corpus.bytes_read += content.bytes;
            }
            Some(Err(reason)) => skipped.push(Skipped {
                file: file.display.clone(),
                reason,
            }),
            None => {}
        }
    }
    corpus.skipped = std::mem::take(skipped);
    corpus
}

pub use crate::model::content_id;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_are_paths_relative_to_the_folder_opened() {
        let by_components = |path: &Path, base: &Path| {
            let s = path
                .strip_prefix(base)
                .unwrap_or(path)
                .to_string_lossy()
                .to_string();
            if s.is_empty() {
                path.to_string_lossy().to_string()
            } else {
                s
            }
        };
        for (path, base) in [
            ("/tmp/g/0000/a.txt", "/tmp/g"),
            ("/tmp/g/0000/a.txt", "/tmp/g/"),
            ("sample_data/a.txt", "sample_data"),
            ("sample_data", "sample_data"),
            ("a.txt", ""),
            ("/tmp/gg/a.txt", "/tmp/g"),
            ("x/./y/a.txt", "x"),
            ("x//y/a.txt", "x"),
            ("x/y/.", "x/y"),
            ("x/y/", "x"),
            ("x/../y", "x"),
        ] {
            let (p, b) = (Path::new(path), Path::new(base));
            assert_eq!(display_name(p, b), by_components(p, b), "{path} in {base}");
        }
        // Every file the walk finds is named relative to the folder, in `Path` order, once.
        let (found, _) = find_files(&[PathBuf::from("sample_data")]);
        assert!(!found.is_empty());
        assert!(found.windows(2).all(|w| w[0].path < w[1].path));
        // Nested folders whose names sort differently as bytes and as paths (`a/…` before `a-b`, `a b`).
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "a/z.txt",
            "a-b.txt",
            "a b.txt",
            "a/b/c.txt",
            "a.txt",
            "ab/x.txt",
            "A.txt",
        ] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "Jakarta").unwrap();
        }
        let (nested, _) = find_files(&[dir.path().to_path_buf()]);
        assert_eq!(nested.len(), 7);
        assert!(nested.windows(2).all(|w| w[0].path < w[1].path));
        for f in &found {
            assert_eq!(f.display, by_components(&f.path, Path::new("sample_data")));
        }
    }
}
