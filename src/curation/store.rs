//! The overlay file `linimasa-curation.json`: where it lives (in the opened folder, or beside a single opened
//! file), reading it, and writing it atomically. A damaged overlay is reported and moved aside (never
//! overwritten) before the first new edit is saved.

use super::Overlay;
use std::path::{Path, PathBuf};

/// The overlay's file name.
pub const FILE_NAME: &str = "linimasa-curation.json";

/// Where the overlay of a corpus opened from `inputs` lives: in the first folder opened, else beside the first
/// file opened. `None` for no input.
pub fn overlay_path(inputs: &[PathBuf]) -> Option<PathBuf> {
    let first = inputs
        .iter()
        .find(|p| p.is_dir())
        .or_else(|| inputs.first())?;
    if first.is_dir() {
        Some(first.join(FILE_NAME))
    } else {
        let dir = first.parent().filter(|d| !d.as_os_str().is_empty());
        Some(dir.unwrap_or(Path::new(".")).join(FILE_NAME))
    }
}

/// The largest overlay read (far more than any person's edits; a link to `/dev/zero` is not read to the end).
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// What was found at the overlay's path.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// No overlay yet.
    Missing,
    /// A readable overlay.
    Ok(Overlay),
    /// A file that is not a valid overlay, with the reason; it is left untouched.
    Damaged(String),
}

/// Reads the overlay at `path`.
pub fn load(path: &Path) -> Loaded {
    use crate::corpus::ReadError;
    remove_orphan_temps(path);
    let bytes = match crate::corpus::read_regular(path, MAX_BYTES) {
        Ok((b, _)) => b,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Loaded::Missing;
        }
        Err(e) => {
            return Loaded::Damaged(format!("{}: {e}", crate::corpus::escaped_path(path)));
        }
    };
    match serde_json::from_slice::<Overlay>(&bytes) {
        Ok(o) if o.format == "linimasa-curation" && o.version <= 1 => Loaded::Ok(o),
        Ok(o) => Loaded::Damaged(format!(
            "{} is not a Linimasa curation file this version can read (format {:?}, version {})",
            path.display(),
            o.format,
            o.version
        )),
        Err(e) => Loaded::Damaged(format!("{} is damaged: {e}", path.display())),
    }
}

/// Moves a damaged overlay aside to `linimasa-curation.damaged-<time>.json` (never replacing a file) and
/// returns the new path.
pub fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    for n in 0..1000 {
        let name = if n == 0 {
            format!("linimasa-curation.damaged-{stamp}.json")
        } else {
            format!("linimasa-curation.damaged-{stamp}-{n}.json")
        };
        let aside = dir.join(name);
        if aside.exists() {
            continue;
        }
        // A hard link never replaces an existing file; then the original name is freed.
        std::fs::hard_link(path, &aside).or_else(|_| {
            if aside.exists() {
                Err(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "name taken",
                ))
            } else {
                std::fs::rename(path, &aside)
            }
        })?;
        if path.exists() {
            std::fs::remove_file(path)?;
        }
        return Ok(aside);
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "no free name to move the damaged curation file aside",
    ))
}

/// Writes the overlay atomically (temporary file in the same folder, then rename).
pub fn save(path: &Path, overlay: &Overlay) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(overlay).map_err(std::io::Error::other)?;
    crate::export::write_atomic(path, &json)
}

/// What [`save_merging`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// The file was as last read or written: `mine` was written.
    Written,
    /// The file changed on disk since (another window, another program): its edits and the new ones were
    /// merged and written; the overlay now in the file is given (the caller adopts it).
    Merged(super::Overlay),
    /// The file on disk was damaged since: it was moved aside to the path given, then `mine` written.
    MovedAside(PathBuf),
}

/// Saves `mine` at `path` without losing an edit saved there by someone else: `base` is the overlay as this
/// program last read or wrote it. When the file no longer holds `base`, the edits made here since (in `mine`
/// and not in `base`) are added to the file's edits and the edits undone here (in `base` and not in `mine`)
/// taken out of them; edits are told apart by their target, time and change. Written atomically.
pub fn save_merging(
    path: &Path,
    base: &super::Overlay,
    mine: &super::Overlay,
) -> std::io::Result<Saved> {
    match load(path) {
        Loaded::Missing => save(path, mine).map(|()| Saved::Written),
        Loaded::Ok(disk) if disk == *base => save(path, mine).map(|()| Saved::Written),
        Loaded::Ok(disk) => {
            let mut merged = disk.clone();
            merged
                .edits
                .retain(|e| !base.edits.contains(e) || mine.edits.contains(e));
            for e in &mine.edits {
                if !base.edits.contains(e) && !merged.edits.contains(e) {
                    merged.edits.push(e.clone());
                }
            }
            save(path, &merged)?;
            Ok(Saved::Merged(merged))
        }
        Loaded::Damaged(_) => {
            let aside = move_aside(path)?;
            save(path, mine)?;
            Ok(Saved::MovedAside(aside))
        }
    }
}

/// The random part of [`crate::export::write_atomic`]'s temporary names (`tempfile`'s default length).
const TEMP_RANDOM_LEN: usize = 6;

/// Removes temporary files this program left beside `path` when it was killed mid-write
/// (`.linimasa-curation.json.XXXXXX.tmp`, `.extract-….mpk.XXXXXX.tmp`): those of `path`'s name that are older than
/// ten minutes (a younger one may be another instance's write in progress). Only regular files named exactly as
/// [`crate::export::write_atomic`] names its temporary files (the name, a dot, six random letters or digits,
/// `.tmp`) are removed; nothing else is touched. Returns how many were removed.
pub fn remove_orphan_temps(path: &Path) -> usize {
    // `std::fs::DirEntry::metadata` does not follow a symbolic link: a link named like a temporary file is not
    // a regular file here and is left alone.
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let n = e.file_name();
        let n = n.to_string_lossy();
        let random = n
            .strip_prefix(prefix.as_str())
            .and_then(|r| r.strip_suffix(".tmp"));
        if !random.is_some_and(|r| {
            r.len() == TEMP_RANDOM_LEN && r.bytes().all(|b| b.is_ascii_alphanumeric())
        }) {
            continue;
        }
        let old = e
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(600));
        if old && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curation::{Edit, Op};

    #[test]
    fn round_trip_damage_and_move_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = overlay_path(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(path, dir.path().join(FILE_NAME));
        assert_eq!(load(&path), Loaded::Missing);
        let mut o = Overlay::default();
        o.edits.push(Edit {
            target: "abc".into(),
            target_title: "T".into(),
            at: "2026-11-23T00:00:00Z".into(),
            op: Op::SetTitle { title: "x".into() },
        });
        save(&path, &o).unwrap();
        assert_eq!(load(&path), Loaded::Ok(o));

        std::fs::write(&path, b"{ not json").unwrap();
        let Loaded::Damaged(reason) = load(&path) else {
            panic!("damage not seen")
        };
        assert!(reason.contains("damaged"), "{reason}");
        let aside = move_aside(&path).unwrap();
        assert!(!path.exists());
        assert_eq!(std::fs::read(&aside).unwrap(), b"{ not json");
    }

    #[test]
    fn beside_a_single_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "x").unwrap();
        assert_eq!(overlay_path(&[f]), Some(dir.path().join(FILE_NAME)));
        assert_eq!(overlay_path(&[]), None);
    }
}
