//! Bytes → text: UTF-8 (with or without BOM; a few bad bytes replaced, with a note), UTF-16 with a BOM or
//! known by its NUL pattern, Windows-1252 for files that are clearly not UTF-8; CRLF normalised. Binary content
//! anywhere in the file is refused with a reason.

use std::fmt;

/// Why bytes could not be used as article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Zero bytes, or only white space.
    Empty,
    /// NUL bytes or other control bytes: not text.
    Binary(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file"),
            DecodeError::Binary(why) => write!(f, "binary file ({why})"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes article bytes to text with `\n` line ends.
pub fn decode_bytes(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode_bytes`] taking the bytes: UTF-8 text (nearly all) becomes the string without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, DecodeError> {
    decode_noting(bytes).map(|(text, _)| text)
}

/// The UTF-16 byte order that a text without a byte-order mark shows by its NUL pattern (mostly-ASCII text
/// has a NUL in every other byte, on one side only), if any.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    if head.len() < 8 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    let pairs = head.len() / 2;
    if odd * 10 >= pairs * 3 && even * 50 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 3 && odd * 50 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// [`decode_owned`], with a note when the text was read with losses (a few bytes that are not UTF-8 in an
/// otherwise UTF-8 file, replaced with `�`).
pub fn decode_noting(bytes: Vec<u8>) -> Result<(String, Option<String>), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut note = None;
    // UTF-16 is checked for binary content once decoded; the other forms before.
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let utf16 =
        utf16 || (!bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && utf16_by_nuls(&bytes).is_some());
    let mut text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        if let Some(why) = binary_signature(rest) {
            return Err(DecodeError::Binary(why));
        }
        let (t, n) = utf8_lossy_noting(rest);
        note = n;
        t
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes.starts_with(&[0xFF, 0xFE]) {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (cow, _, _) = enc.decode(&bytes);
        cow.into_owned()
    } else if let Some(enc) = utf16_by_nuls(&bytes) {
        let (cow, _) = enc.decode_without_bom_handling(&bytes);
        cow.into_owned()
    } else {
        if let Some(why) = binary_signature(&bytes) {
            return Err(DecodeError::Binary(why));
        }
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let bytes = e.into_bytes();
                let (good, bad) = utf8_counts(&bytes);
                // Mostly UTF-8 with a few bad bytes: a damaged UTF-8 file, read with the bad bytes replaced (and
                // said so). A file whose non-ASCII bytes are mostly not UTF-8 is Windows-1252.
                if good > 0 && bad <= good {
                    let (t, n) = utf8_lossy_noting(&bytes);
                    note = n;
                    t
                } else {
                    let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
                    cow.into_owned()
                }
            }
        }
    };
    // One copy of the text, edited in place: leading byte-order marks off, line ends made `\n`.
    let boms = text.len() - text.trim_start_matches('\u{feff}').len();
    text.drain(..boms);
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(DecodeError::Binary("NUL bytes"));
    }
    if utf16 && let Some(why) = binary_signature(text.as_bytes()) {
        return Err(DecodeError::Binary(why));
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, note))
}

/// Valid multi-byte UTF-8 characters and invalid sequences in `bytes`.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    (good, bad)
}

fn utf8_lossy_noting(bytes: &[u8]) -> (String, Option<String>) {
    let (_, bad) = utf8_counts(bytes);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let note = (bad > 0).then(|| {
        format!(
            "used, but {bad} byte sequence{} not UTF-8 replaced with \u{fffd}",
            if bad == 1 { " was" } else { "s were" }
        )
    });
    (text, note)
}

/// Recognises content that is clearly not text: a known file signature, a NUL byte anywhere, or any block of
/// 64 KB with more than one control byte in twenty.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "executable"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    if memchr::memchr(0, bytes).is_some() {
        return Some("NUL bytes");
    }
    for block in bytes.chunks(64 * 1024) {
        // Counted in byte-sized sums over blocks of 255 (which the compiler turns into vector instructions).
        let control: usize = block
            .chunks(255)
            .map(|b| {
                let n = b.iter().fold(0u8, |n, &b| {
                    n + u8::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
                });
                usize::from(n)
            })
            .sum();
        if control * 20 > block.len() {
            return Some("control bytes");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_crlf() {
        let t = decode_bytes(b"\xEF\xBB\xBFJakarta\r\nRabu").unwrap();
        assert_eq!(t, "Jakarta\nRabu");
    }

    #[test]
    fn decodes_utf16_le_and_be() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Jum’at".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_bytes(&le).unwrap(), "Jum’at");
        let mut be = vec![0xFE, 0xFF];
        for u in "Jum’at".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode_bytes(&be).unwrap(), "Jum’at");
    }

    #[test]
    fn decodes_windows_1252() {
        // 0x93/0x94 are curly quotes, 0xE9 is é in Windows-1252.
        let t = decode_bytes(b"\x93Caf\xE9\x94 kata dia").unwrap();
        assert_eq!(t, "“Café” kata dia");
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode_bytes(b""), Err(DecodeError::Empty));
        assert_eq!(decode_bytes(b"  \n "), Err(DecodeError::Empty));
        assert!(matches!(
            decode_bytes(b"\x89PNG\r\n\x1a\n...."),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode_bytes(&[0u8; 64]),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn text_with_more_than_one_control_byte_in_twenty_is_binary() {
        // Control bytes spread through more than 255 bytes (the counting blocks), at and over the limit.
        let text = |every: usize| -> Vec<u8> {
            (0..2000)
                .map(|i| if i % every == 0 { 0x01 } else { b'a' })
                .collect()
        };
        assert!(
            decode_bytes(&text(20)).is_ok(),
            "100 in 2000 is at the limit"
        );
        assert_eq!(
            decode_bytes(&text(19)),
            Err(DecodeError::Binary("control bytes"))
        );
        // Tabs, line ends and form feeds are text.
        let tabs: Vec<u8> = (0..2000)
            .map(|i| [b'\t', b'\n', 0x0C, b'x'][i % 4])
            .collect();
        assert!(decode_bytes(&tabs).is_ok());
    }
}
