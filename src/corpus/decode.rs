//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252 fallback; CRLF normalised.
//! Binary content is refused with a reason.

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
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes.starts_with(&[0xFF, 0xFE]) {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (cow, _, _) = enc.decode(&bytes);
        cow.into_owned()
    } else {
        if let Some(why) = binary_signature(&bytes) {
            return Err(DecodeError::Binary(why));
        }
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
                cow.into_owned()
            }
        }
    };
    // One copy of the text, edited in place: leading byte-order marks off, line ends made `\n`.
    let boms = text.len() - text.trim_start_matches('\u{feff}').len();
    text.drain(..boms);
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(DecodeError::Binary("NUL bytes"));
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// Recognises content that is clearly not text.
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
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    if head.contains(&0) {
        return Some("NUL bytes");
    }
    // Counted in byte-sized sums over blocks of 255 (which the compiler turns into vector instructions).
    let control: usize = head
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                n + u8::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
            });
            usize::from(n)
        })
        .sum();
    if control * 20 > head.len() {
        return Some("control bytes");
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
