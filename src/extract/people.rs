//! People: capitalised name runs that a role, a speech verb or an attribution marks as a person, clustered so
//! that `Menko Polhukam Wiranto`, `Wiranto` and a misspelt `Wiranto` are one person with one canonical name.

use super::layout::{Layout, LineKind};
use super::lexicon::{
    ADDRESSED, ATTRIBUTION_AFTER, COUNTRIES, COUNTRY_NAMES_ID, MONTHS, NOT_NAME_WORDS, PLACES,
    ROLE_WORDS, SPEECH_VERBS, WEEKDAYS,
};
use crate::model::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A word with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word without surrounding punctuation.
    pub text: &'a str,
    /// Byte range of `text`.
    pub span: Span,
    /// Punctuation right after the word (`,`, `.`, `)`), which breaks a name run.
    pub trailing: &'a str,
    /// Punctuation right before the word (`(`, `“`).
    pub leading: &'a str,
    /// What the lexicon says of a capitalised word ([`word_class`]), looked up once; 0 for other words.
    pub class: u8,
    /// Whether the word could be part of a person's name ([`is_name_word`]), decided once.
    pub name_like: bool,
}

/// The words of `all` (a tokenisation of the whole text) that lie inside `range`.
///
/// Called for every quotation and attribution: on a huge text a plain binary search over millions of words
/// misses the cache at each of its steps, so the search starts where the words of `range` should lie (words
/// are spread about evenly over a text) and gallops from there, touching only nearby words.
pub fn words_in<'w, 'a>(all: &'w [Word<'a>], range: Span) -> &'w [Word<'a>] {
    let text_end = all.last().map_or(0, |w| w.span.end).max(1);
    let guess = (range.start as u128 * all.len() as u128 / text_end as u128) as usize;
    let lo = super::partition_from(all, guess, |w| w.span.start < range.start);
    let rest = all.get(lo..).unwrap_or(&[]);
    let hi = lo + super::partition_from(rest, 0, |w| w.span.end <= range.end);
    all.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// Splits `text[range]` into words with offsets.
pub fn words(text: &str, range: Span) -> Vec<Word<'_>> {
    let slice = range.slice(text);
    // Room for a word every five bytes (prose has one every six to eight): a huge page's list is never moved
    // while it grows (a copy of hundreds of megabytes), and the room not used is never touched.
    let mut out = Vec::with_capacity(slice.len() / 5 + 1);
    let bytes = slice.as_bytes();
    // The character at `i`: its length and whether it is white space (ASCII bytes are tested directly, other
    // characters decoded).
    let char_at = |i: usize| -> Option<(usize, bool)> {
        match bytes.get(i)? {
            b if b.is_ascii() => Some((1, b.is_ascii_whitespace())),
            _ => slice
                .get(i..)?
                .chars()
                .next()
                .map(|c| (c.len_utf8(), c.is_whitespace())),
        }
    };
    let mut i = 0;
    while let Some((n, space)) = char_at(i) {
        if space {
            i += n;
            continue;
        }
        let start_piece = i;
        while let Some((n, false)) = char_at(i) {
            // Sentences glued by a scraper (`Inggris.Pemerintah`, `Nugraha).Inggris`, `Setiadi."Kita`): a stop
            // after a lower-case letter or `)` and before a capital or a quotation mark ends the piece.
            if i > start_piece
                && bytes.get(i) == Some(&b'.')
                && bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_lowercase() || *b == b')')
                && (bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_uppercase() || *b == b'"')
                    || bytes.get(i + 1..i + 4) == Some("“".as_bytes()))
                && i - start_piece >= 3
            {
                i += 1;
                break;
            }
            i += n;
        }
        let Some(piece) = slice.get(start_piece..i) else {
            break;
        };
        let base = range.start + start_piece;
        let (lead_len, mut core) = trim_punctuation(piece);
        // A final '.' is punctuation unless the word is an initial or abbreviation.
        if core.ends_with('.') {
            let bare = core.trim_end_matches('.');
            let initial =
                bare.len() <= 2 && bare.chars().all(char::is_uppercase) && !bare.is_empty();
            if !(initial || is_abbreviation(bare)) || bare.contains('.') && bare.len() > 3 {
                core = bare;
            }
        }
        if core.is_empty() {
            continue;
        }
        let start = base + lead_len;
        let capitalised = match core.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => core.chars().next().is_some_and(char::is_uppercase),
        };
        let class = if capitalised { word_class(core) } else { 0 };
        out.push(Word {
            text: core,
            span: Span::new(start, start + core.len()),
            trailing: piece.get(lead_len + core.len()..).unwrap_or(""),
            leading: piece.get(..lead_len).unwrap_or(""),
            class,
            // Only a capitalised word can be (the test's first condition).
            name_like: capitalised && name_word_of_class(core, class),
        });
    }
    out
}

/// Splits a white-space delimited piece into the length of its leading punctuation and its core (the piece
/// without punctuation at either end; letters, digits, `-`, `'`, `’` and `.` are not punctuation). ASCII
/// pieces, nearly all, are trimmed byte by byte.
fn trim_punctuation(piece: &str) -> (usize, &str) {
    if piece.is_ascii() {
        let b = piece.as_bytes();
        let keep = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'\'' | b'.');
        let Some(lead) = b.iter().position(keep) else {
            return (piece.len(), "");
        };
        let end = b.iter().rposition(keep).map_or(lead, |p| p + 1);
        return (lead, piece.get(lead..end).unwrap_or(""));
    }
    let is_punct =
        |c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.');
    let rest = piece.trim_start_matches(is_punct);
    (piece.len() - rest.len(), rest.trim_end_matches(is_punct))
}

/// Titles and short forms written with a final dot that is part of the word (`Dr.`, `Jl.`, `H.`).
fn is_abbreviation(bare: &str) -> bool {
    const ABBREVIATIONS: [&str; 10] = [
        "dr", "prof", "ir", "jl", "drs", "h", "st", "mr", "mrs", "ms",
    ];
    if bare.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| bare.eq_ignore_ascii_case(a));
    }
    ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

/// Calls `f` with the word lower-cased, as bytes, without its final dots and possessive `'s`; short ASCII words
/// (nearly all) are lower-cased on the stack, so the per-word look-ups allocate nothing and need no UTF-8 check.
fn with_lower_key_bytes<R>(w: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let w = w.trim_end_matches('.');
    let w = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w);
    let mut buf = [0u8; 32];
    if w.is_ascii()
        && let Some(slot) = buf.get_mut(..w.len())
    {
        slot.copy_from_slice(w.as_bytes());
        slot.make_ascii_lowercase();
        return f(slot);
    }
    f(w.to_lowercase().as_bytes())
}

/// [`with_lower_key_bytes`] as text (the bytes are always valid UTF-8: lower-cased text).
pub(crate) fn with_lower_key<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lower_key_bytes(w, |b| f(std::str::from_utf8(b).unwrap_or("")))
}

/// Whether a word is a role or title (`Menko`, `Direktur`, `Minister`).
pub fn is_role_word(w: &str) -> bool {
    word_class(w) & ROLE != 0
}

/// Every lower-case word known not to be part of a person's name.
static NOT_NAMES: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| {
    let mut set: FxHashSet<&'static [u8]> = NOT_NAME_WORDS
        .iter()
        .chain(ADDRESSED)
        .map(|w| w.as_bytes())
        .collect();
    set.extend(MONTHS.iter().map(|(m, _)| m.as_bytes()));
    set.extend(WEEKDAYS.iter().map(|(d, _)| d.as_bytes()));
    set.extend(
        COUNTRIES
            .iter()
            .flat_map(|(_, names)| names.iter().map(|n| n.as_bytes())),
    );
    set.extend(PLACES.iter().map(|(p, _)| p.as_bytes()));
    // Provinces of one word (`Gubernur Papua Lukas Enembe`, `Gubernur Bali`): part of a title, never a name.
    let places: &'static super::gazetteer::Places = &super::gazetteer::PLACES;
    set.extend(
        places
            .forms()
            .filter(|(form, e)| e.kind == "province" && !form.contains(' '))
            .map(|(form, _)| form.as_bytes()),
    );
    // Each word of a country's name of several words (`Emirat` and `Arab` of `Uni Emirat Arab`, `Selandia`),
    // but those also common in people's names (`Sri`, `Nam`, `Raya`) and `New`, which starts places of its own.
    set.extend(
        COUNTRIES
            .iter()
            .flat_map(|(_, names)| names.iter().filter(|n| n.contains(' ')))
            .flat_map(|n| n.split(' '))
            .filter(|w| !matches!(*w, "sri" | "nam" | "raya" | "new"))
            .map(str::as_bytes),
    );
    set
});

/// Every country of the world, lower case: as the place table names them in English (with the world's capitals, all
/// of them) and as Indonesian writes them. A lone word among them is never a person (`Bulgaria juga membuka …`),
/// though it may end a name (`Badrodin Haiti`).
static WORLD_COUNTRIES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let table: &'static super::gazetteer::Places = &super::gazetteer::PLACES;
    table
        .countries()
        .map(str::to_string)
        .chain(COUNTRY_NAMES_ID.iter().map(|c| c.to_string()))
        .collect()
});

/// Places and countries of several words, lower case: the word lists' and the place table's (`New Delhi`,
/// `Nusa Dua`, `Kuala Lumpur`).
static MULTIWORD_PLACES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let table: &'static super::gazetteer::Places = &super::gazetteer::PLACES;
    PLACES
        .iter()
        .map(|(p, _)| *p)
        .chain(COUNTRIES.iter().flat_map(|(_, n)| n.iter().copied()))
        .chain(table.forms().map(|(form, _)| form))
        // A first word with a dot or possessive (`kab. magelang`) is never a word's key.
        .filter(|p| {
            p.split_once(' ').is_some_and(|(first, _)| {
                !(first.contains('.') || first.ends_with("'s") || first.ends_with("’s"))
            })
        })
        .collect()
});

static ATTRIBUTION_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    ATTRIBUTION_AFTER
        .iter()
        .copied()
        .chain(["menurut", "oleh", "according"])
        .collect()
});

static SPEECH: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());

/// [`word_class`]: a word known not to be part of a name (gazetteer, months, weekdays, places, countries).
pub const NOT_NAME: u8 = 1;
/// [`word_class`]: a role or title.
pub const ROLE: u8 = 2;
/// [`word_class`]: the first word of a country's name.
pub const COUNTRY_FIRST: u8 = 4;
/// [`word_class`]: the first word of a place or country of several words (`new` of `new york`).
pub const MULTIWORD_PLACE_FIRST: u8 = 8;

/// The lexicon's word classes by lower-case word: one look-up answers every question asked of a word.
static WORD_CLASSES: LazyLock<FxHashMap<&'static [u8], u8>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static [u8], u8> = FxHashMap::default();
    for w in NOT_NAMES.iter() {
        *map.entry(w).or_default() |= NOT_NAME;
    }
    for w in ROLE_WORDS {
        *map.entry(w.as_bytes()).or_default() |= ROLE;
    }
    for first in COUNTRIES
        .iter()
        .flat_map(|(_, names)| names.iter().filter_map(|n| n.split_whitespace().next()))
    {
        *map.entry(first.as_bytes()).or_default() |= COUNTRY_FIRST;
    }
    // Lower case, without final dots or a possessive (a unit test checks), so each is its own key.
    for first in MULTIWORD_PLACES.iter().filter_map(|p| p.split(' ').next()) {
        *map.entry(first.as_bytes()).or_default() |= MULTIWORD_PLACE_FIRST;
    }
    map
});

/// The lexicon's classes of a word ([`NOT_NAME`], [`ROLE`], [`COUNTRY_FIRST`]), ignoring case, final dots and a
/// possessive `'s`.
pub fn word_class(w: &str) -> u8 {
    // Words of one to sixteen ASCII letters (nearly all) have no dots or possessive to take off: their key is the
    // word lower-cased, packed into an integer, looked up without hashing or comparing bytes.
    let b = w.as_bytes();
    if b.len() <= 16 && !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic) {
        return SHORT_WORD_CLASSES.get(&pack(b, true)).copied().unwrap_or(0);
    }
    with_lower_key_bytes(w, |k| WORD_CLASSES.get(k).copied().unwrap_or(0))
}

/// Up to sixteen bytes in an integer, one per byte from the most significant end (lower-cased when `lower`).
/// Bytes that are letters are never zero, so words of letters of different lengths never pack alike.
pub(crate) fn pack(b: &[u8], lower: bool) -> u128 {
    // The last sixteen bytes (all of a word of up to sixteen), read as one big-endian number: the same as
    // shifting them in one by one, without a 128-bit shift per byte.
    let b = b.get(b.len().saturating_sub(16)..).unwrap_or_default();
    let mut buf = [0u8; 16];
    if let Some(dst) = buf.get_mut(16 - b.len()..) {
        dst.copy_from_slice(b);
    }
    if lower {
        buf.make_ascii_lowercase();
    }
    u128::from_be_bytes(buf)
}

/// The entries of [`WORD_CLASSES`] whose key is one to sixteen ASCII letters, keyed by [`pack`] (bytes as they are:
/// a key with a capital letter stays unreachable, as it is in `WORD_CLASSES`).
static SHORT_WORD_CLASSES: LazyLock<FxHashMap<u128, u8>> = LazyLock::new(|| {
    WORD_CLASSES
        .iter()
        .filter(|(k, _)| k.len() <= 16 && !k.is_empty() && k.iter().all(u8::is_ascii_alphabetic))
        .map(|(k, &c)| (pack(k, false), c))
        .collect()
});

fn in_gazetteer(w: &str) -> bool {
    word_class(w) & NOT_NAME != 0
}

/// Whether a word could be part of a person's name.
pub fn is_name_word(w: &str) -> bool {
    name_word_of_class(w, word_class(w))
}

/// [`is_name_word`] given the word's [`word_class`].
fn name_word_of_class(w: &str, class: u8) -> bool {
    let b = w.as_bytes();
    // Most words start with a small ASCII letter (or a digit, or a mark): not a name word.
    if b.first()
        .is_some_and(|c| c.is_ascii() && !c.is_ascii_uppercase())
    {
        return false;
    }
    if w.is_ascii() {
        // The same tests in one pass over the bytes (for ASCII, letters and capitals are the ASCII ones).
        if b.is_empty() || class & (NOT_NAME | ROLE) != 0 {
            return false;
        }
        let (mut letters, mut lower, mut dot) = (0usize, false, false);
        for &c in b {
            if c.is_ascii_digit() {
                return false;
            }
            if c.is_ascii_alphabetic() {
                letters += 1;
                lower |= c.is_ascii_lowercase();
            }
            dot |= c == b'.';
        }
        return letters > 0 && !(!lower && letters >= 3 && !dot) && !is_nominalisation(b);
    }
    name_word_of_class_chars(w, class)
}

/// An Indonesian noun made of a verb or adjective (`Ketahanan`, `Pertahanan`, `Pelaksanaan`, `Pembangunan`):
/// `ke-`/`pe-` … `-an` over eight letters or more, capitalised in the names of desks, offices and portfolios,
/// never a person's name.
fn is_nominalisation(b: &[u8]) -> bool {
    let lower = |i: usize| b.get(i).map(u8::to_ascii_lowercase);
    let prefixed = match (lower(0), lower(1), lower(2)) {
        (Some(b'k'), Some(b'e'), _) => true,
        (Some(b'p'), Some(b'e'), Some(c)) => matches!(c, b'r' | b'n' | b'm' | b'l'),
        _ => false,
    };
    b.len() >= 8 && prefixed && b.ends_with(b"an") && b.iter().all(u8::is_ascii_alphabetic)
}

/// [`name_word_of_class`] for any text, character by character.
fn name_word_of_class_chars(w: &str, class: u8) -> bool {
    let first = w.chars().next();
    if !first.is_some_and(char::is_uppercase) {
        return false;
    }
    if w.bytes().any(|b| b.is_ascii_digit()) || class & (NOT_NAME | ROLE) != 0 {
        return false;
    }
    let n_letters = w.chars().filter(|c| c.is_alphabetic()).count();
    // All-capital words of three letters or more are acronyms (ASEAN, BSSN), not names.
    let all_caps = w
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    n_letters > 0 && !(all_caps && n_letters >= 3 && !w.contains('.'))
}

fn is_initial(w: &str) -> bool {
    if w.is_ascii() {
        // One or two letters, all capitals (for ASCII, letters and capitals are the ASCII ones).
        let mut letters = 0;
        for &c in w.as_bytes() {
            if c.is_ascii_alphabetic() {
                if !c.is_ascii_uppercase() {
                    return false;
                }
                letters += 1;
                if letters > 2 {
                    return false;
                }
            }
        }
        return letters > 0;
    }
    is_initial_chars(w)
}

/// [`is_initial`] for any text, character by character.
fn is_initial_chars(w: &str) -> bool {
    let n_letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (1..=2).contains(&n_letters)
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// A run of name words: a candidate name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The name as printed (`AM.Fachir` normalised to `AM. Fachir`).
    pub name: String,
    /// Where it stands.
    pub span: Span,
    /// A role or title printed right before it (`Menko Polhukam`).
    pub role: Option<String>,
    /// Index of the first word in the word list it came from.
    pub first_word: usize,
    /// Index one past the last word.
    pub end_word: usize,
}

/// Normalises a printed name: a space after initials, single spaces.
pub fn normalise_name(s: &str) -> String {
    normalised_name(s).into_owned()
}

/// [`normalise_name`], borrowing the name when it needs nothing.
fn normalised_name(s: &str) -> std::borrow::Cow<'_, str> {
    // A possessive is no part of the name (`Ferdinand Marcos Jr's office`).
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    // Most names need nothing: single spaces (none at either end), no tab, line break or no-break space, no
    // initial glued to the next word. Checked in one pass over the bytes (a no-break space is `C2 A0`).
    let b = s.as_bytes();
    let mut plain = b.first().is_some_and(|&c| c != b' ') && b.last().is_some_and(|&c| c != b' ');
    let mut prev = 0u8;
    for &c in b {
        if !plain {
            break;
        }
        plain = !(prev == b'.' && c.is_ascii_uppercase()
            || prev == b' ' && c == b' '
            || c == b'\t'
            || c == b'\n'
            || prev == 0xC2 && c == 0xA0);
        prev = c;
    }
    if plain {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(respace_name(s))
}

/// [`normalise_name`] for a name that needs it: a space after each initial glued to the next word, then single
/// spaces.
fn respace_name(s: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        if *c == '.' && chars.get(i + 1).is_some_and(|n| n.is_uppercase()) {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds name runs among `ws`: consecutive name words (initials only before another name word), unbroken by
/// punctuation; role words right before a run are kept as its role.
pub fn name_runs(text: &str, ws: &[Word<'_>]) -> Vec<NameRun> {
    // Whether each word can be part of a name, decided when it was read.
    let is_name_at = |k: usize| ws.get(k).is_some_and(|w| w.name_like);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(w) = ws.get(i) else { break };
        if !is_name_at(i) || !w.leading.is_empty() {
            i += 1;
            continue;
        }
        let mut j = i;
        while let Some(wj) = ws.get(j) {
            if !is_name_at(j) || (j > i && !wj.leading.is_empty()) {
                break;
            }
            j += 1;
            if !wj.trailing.is_empty() {
                break;
            }
        }
        // Trailing lone initials are not a name end ("Retno LP" needs "Marsudi").
        let mut end = j;
        while end > i && ws.get(end - 1).is_some_and(|w| is_initial(w.text)) {
            end -= 1;
        }
        // Single words that are places are never name words; multi-word places ("New York") are caught here.
        // Only a run whose first word starts such a place can be one (the word's class says so): the rest are
        // not lower-cased and joined to be looked up.
        let is_place = end > i + 1
            && ws
                .get(i)
                .is_some_and(|w| w.class & MULTIWORD_PLACE_FIRST != 0)
            && {
                let whole = ws
                    .get(i..end)
                    .map(|w| {
                        w.iter()
                            .map(|w| w.text.to_lowercase())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default();
                MULTIWORD_PLACES.contains(whole.as_str())
            };
        // A run inside a longer capitalised phrase is part of an institution's or meeting's name
        // ("Menteri Pendayagunaan Aparatur Negara", "Urusan Perlucutan Senjata (UNIDIR)").
        let embedded = end > i
            && ws.get(end - 1).is_some_and(|l| l.trailing.is_empty())
            && ws.get(end).is_some_and(|n| {
                let acronym = n.leading == "("
                    && n.text.len() >= 3
                    && n.text
                        .chars()
                        .all(|c| c.is_uppercase() || c.is_ascii_digit());
                let cap = n.leading.is_empty()
                    && n.text.chars().next().is_some_and(char::is_uppercase)
                    && !n.name_like;
                let time = super::dates::weekday_of(n.text).is_some()
                    || super::dates::month_number(n.text).is_some();
                (acronym || cap) && !time && !name_then_title(ws, i, end)
            });
        let country = end == i + 1
            && ws
                .get(i)
                .is_some_and(|w| WORLD_COUNTRIES.contains(&w.text.to_lowercase()));
        if end > i && !is_place && !embedded && !country {
            let (Some(first), Some(last)) = (ws.get(i), ws.get(end - 1)) else {
                break;
            };
            let span = Span::new(first.span.start, last.span.end);
            // Role words just before, within the same unpunctuated stretch.
            let mut k = i;
            // The short name in parentheses that closes an institution's name is part of the title
            // (`Deputi VII Kementerian Politik Hukum dan Keamanan (Kemenkopolhukam) Warsono`).
            let acronym_in_parens = |p: &Word<'_>| {
                p.leading == "("
                    && p.trailing == ")"
                    && p.text.chars().next().is_some_and(char::is_uppercase)
                    && (!p.name_like
                        || p.text
                            .chars()
                            .all(|c| c.is_uppercase() || c.is_ascii_digit()))
            };
            // A post's number (`Deputi VII`, `Asisten Deputi 3`).
            let numeral = |p: &Word<'_>| {
                !p.text.is_empty()
                    && (p.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
                        || p.text.chars().all(|c| c.is_ascii_digit()) && p.text.len() <= 2)
            };
            let title_word = |p: &Word<'_>| {
                (is_role_word(p.text)
                    || in_gazetteer(p.text)
                        && p.text.chars().next().is_some_and(char::is_uppercase)
                    || numeral(p))
                    && p.trailing.is_empty()
                    || acronym_in_parens(p)
            };
            // `Menteri Telekomunikasi dan Media Massa Rusia`: a portfolio of two parts joined by `dan`.
            let joint =
                |p: &Word<'_>| matches!(p.text, "dan" | "and" | "&") && p.trailing.is_empty();
            while k > 0
                && ws.get(k - 1).is_some_and(|p| {
                    title_word(p) || k > 1 && joint(p) && ws.get(k - 2).is_some_and(title_word)
                })
            {
                k -= 1;
            }
            // `Menteri Koordinator Bidang Politik, Hukum dan Keamanan Wiranto`: a title's list of portfolios
            // has commas; read back over them (up to a dozen words) when that reaches a role word.
            let has_role = |from: usize| {
                ws.get(from..i)
                    .is_some_and(|r| r.iter().any(|w| is_role_word(w.text)))
            };
            if !has_role(k) {
                let listed = |p: &Word<'_>| {
                    (is_role_word(p.text)
                        || in_gazetteer(p.text)
                            && p.text.chars().next().is_some_and(char::is_uppercase)
                        || numeral(p))
                        && matches!(p.trailing, "" | ",")
                        || joint(p)
                        || acronym_in_parens(p)
                };
                let mut m = i;
                while m > 0 && i - m < 12 && ws.get(m - 1).is_some_and(listed) {
                    m -= 1;
                }
                // The stretch starts at its first role word.
                if let Some(first_role) =
                    (m..i).find(|&x| ws.get(x).is_some_and(|w| is_role_word(w.text)))
                {
                    k = first_role;
                }
            }
            let role = (k < i).then(|| {
                let s = ws.get(k).map(|w| w.span.start).unwrap_or(span.start);
                text.get(s..first.span.start)
                    .unwrap_or("")
                    .trim()
                    .to_string()
            });
            out.push(NameRun {
                name: normalise_name(span.slice(text)),
                span,
                role: role.filter(|r| r.split_whitespace().any(is_role_word)),
                first_word: i,
                end_word: end,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// `Agus R. Barnas Deputi VII Kemenko Polhukam di Jakarta, Minggu (24/1/2016), mengatakan …`: a sentence that
/// opens with a full name (two words or more besides initials) and goes on with the person's title, as news
/// agencies write it.
fn name_then_title(ws: &[Word<'_>], i: usize, end: usize) -> bool {
    let opens_sentence = i == 0
        || ws
            .get(i - 1)
            .is_some_and(|p| p.trailing.contains(['.', '!', '?']));
    let full = ws
        .get(i..end)
        .is_some_and(|r| r.iter().filter(|w| !is_initial(w.text)).count() >= 2);
    opens_sentence
        && full
        && ws.get(end).is_some_and(|n| {
            n.leading.is_empty()
                && is_role_word(n.text)
                && n.text.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Name tokens for matching: lower case, no dots.
pub fn name_tokens(name: &str) -> Vec<String> {
    normalised_name(name)
        .split_whitespace()
        .map(|t| {
            if t.is_ascii() {
                // Every dot off (at the ends and inside) and lower case, in one copy.
                let bytes: Vec<u8> = t
                    .bytes()
                    .filter(|&b| b != b'.')
                    .map(|b| b.to_ascii_lowercase())
                    .collect();
                String::from_utf8(bytes).unwrap_or_default()
            } else {
                t.trim_matches('.').to_lowercase().replace('.', "")
            }
        })
        .filter(|t| !t.is_empty())
        .collect()
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Whether two printed names can be the same person: one's tokens within the other's (`Retno` / `Retno LP
/// Marsudi`), or the same first name with a surname a typo away (`Mira Tayyiba` / `Mira Tannyiba`).
pub fn same_person(a: &str, b: &str) -> bool {
    same_person_tokens(&name_tokens(a), &name_tokens(b))
}

/// [`same_person`] on names already split by [`name_tokens`].
pub fn same_person_tokens(ta: &[String], tb: &[String]) -> bool {
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    // The tokens joined are the same (compared without joining them).
    if ta
        .iter()
        .flat_map(|t| t.bytes())
        .eq(tb.iter().flat_map(|t| t.bytes()))
    {
        return true;
    }
    let subset = |x: &[String], y: &[String]| {
        x.iter()
            .all(|t| y.contains(t) || t.len() <= 2 && y.iter().any(|u| u.starts_with(t.as_str())))
    };
    if subset(ta, tb) || subset(tb, ta) {
        // A lone initial is too weak to identify anybody.
        return ta
            .iter()
            .chain(tb.iter())
            .any(|t| t.len() >= 3 && ta.contains(t) && tb.contains(t));
    }
    // One name alone, misspelt once (`tambah Krisna` after `Krishna Murti`): a name of five letters or more one
    // edit from one of the other's, with the same first letter.
    let misspelt = |one: &String, all: &[String]| {
        one.chars().count() >= 5
            && all.iter().any(|u| {
                u.chars().count() >= 5
                    && u.chars().next() == one.chars().next()
                    && edit_distance(u, one) == 1
            })
    };
    match (ta, tb) {
        ([one], all) | (all, [one]) if all.len() >= 2 && misspelt(one, all) => return true,
        _ => {}
    }
    // The same surname after a given name misspelt once (`Yahya Ahmudiarto` for `Yaya Ahmudiarto`).
    if ta.len() == tb.len()
        && ta.len() >= 2
        && ta.get(1..) == tb.get(1..)
        && let (Some(fa), Some(fb)) = (ta.first(), tb.first())
        && fa.chars().count().max(fb.chars().count()) >= 5
        && edit_distance(fa, fb) == 1
    {
        return true;
    }
    if ta.len() >= 2 && tb.len() >= 2 && ta.first() == tb.first() {
        let (Some(la), Some(lb)) = (ta.last(), tb.last()) else {
            return false;
        };
        let max = la.len().max(lb.len());
        return la == lb || max >= 5 && edit_distance(la, lb) * 4 <= max;
    }
    false
}

/// A person found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Canonical name: the fullest form the body uses, the most frequent among equals.
    pub name: String,
    /// Role printed with the name, if any.
    pub role: Option<String>,
    /// Every place the person is named (full or partial name).
    pub mentions: Vec<Span>,
    /// Whether a role, speech verb or attribution marks them as acting or speaking.
    pub confirmed: bool,
}

/// The years in which every person the text names with a post (`Prime Minister Tan Sri Muhyiddin Yassin`,
/// `Menkominfo Johnny G. Plate`) held it, by the people table's [`tenure`](super::gazetteer::People::tenure):
/// the overlap of their terms. `None` when nobody named has a post the table knows, or the terms do not overlap
/// (a post kept as a title, a table's year off by one).
pub fn office_years(people: &[Person]) -> Option<(i32, i32)> {
    let table = &*super::gazetteer::PEOPLE;
    let mut span: Option<(i32, i32)> = None;
    for p in people {
        let (Some(role), Some(entry)) = (p.role.as_deref(), table.lookup(&p.name)) else {
            continue;
        };
        let Some((a, b)) = table.tenure(entry, role) else {
            continue;
        };
        span = Some(span.map_or((a, b), |(x, y)| (x.max(a), y.min(b))));
    }
    span.filter(|(a, b)| a <= b)
}

/// Name runs judged to be one person: (run, confirmed, in body) members and whether any is confirmed.
type Cluster = (Vec<(NameRun, bool, bool)>, bool);

/// Finds the people of an article.
pub fn find_people(text: &str, layout: &Layout) -> Vec<Person> {
    find_people_in(text, layout, &words(text, Span::new(0, text.len())))
}

/// [`find_people`] given the words of the whole text (tokenised once by the caller).
pub fn find_people_in(text: &str, layout: &Layout, all: &[Word<'_>]) -> Vec<Person> {
    let mut runs: Vec<(NameRun, bool, bool)> = Vec::new(); // (run, confirmed, in body)
    let mut weak: Vec<(NameRun, bool, bool)> = Vec::new();
    let mut words_from = 0;
    for line in &layout.lines {
        if matches!(line.kind, LineKind::Blank | LineKind::Chrome) {
            continue;
        }
        // A byline (`Oleh: Maya Saputri - 28 April 2018`, `Laporan Wartawan Tribunnews, …`) names the writer, who
        // neither acts nor speaks in the story.
        let line_text = line.span.slice(text);
        if super::layout::is_credit_line(line_text.trim())
            && line_text.split_whitespace().count() <= 12
        {
            continue;
        }
        // Lines come in order: each one's words are searched from where the last one's ended.
        let lo = super::partition_from(all, words_from, |w| w.span.start < line.span.start);
        let hi = super::partition_from(all, lo, |w| w.span.start < line.span.end);
        words_from = hi;
        let ws = all.get(lo..hi).unwrap_or(&[]);
        let mut line_runs = name_runs(text, ws);
        if line.kind == LineKind::Title {
            // Headlines capitalise every word: a name the people table knows runs on into the words around it
            // (`Jokowi Kembali Ingatkan Pemimpin Negara`). The known name is the person, not the longer run.
            let known = known_in_headline(text, ws);
            let overlap = |a: Span, b: Span| a.start < b.end && b.start < a.end;
            line_runs.retain(|r| {
                known_person(&r.name).is_some() || !known.iter().any(|k| overlap(k.span, r.span))
            });
            for k in known {
                if !line_runs.iter().any(|r| overlap(k.span, r.span)) {
                    line_runs.push(k);
                }
            }
        }
        for run in line_runs {
            let prev = run.first_word.checked_sub(1).and_then(|k| ws.get(k));
            let next = ws.get(run.end_word);
            let last = run.end_word.checked_sub(1).and_then(|k| ws.get(k));
            // `kata X`, `menurut X`, `according to X`.
            let according_to = prev.is_some_and(|p| p.text.eq_ignore_ascii_case("to"))
                && run
                    .first_word
                    .checked_sub(2)
                    .and_then(|k| ws.get(k))
                    .is_some_and(|a| a.text.eq_ignore_ascii_case("according"));
            let after_verb = according_to
                || prev.is_some_and(|p| with_lower_key(p.text, |k| ATTRIBUTION_WORDS.contains(k)));
            let before_verb = next.is_some_and(|n| with_lower_key(n.text, |k| SPEECH.contains(k)))
                && last.is_some_and(|l| l.trailing.is_empty() || l.trailing == ",");
            // `Johnny Gerard Blade, for his part, said …`, `Retno, dalam kesempatan itu, mengatakan …`: a short
            // aside between the name and its speech verb.
            let verb_after_aside = last.is_some_and(|l| l.trailing == ",")
                && ws
                    .get(run.end_word..(run.end_word + 6).min(ws.len()))
                    .and_then(|after| after.iter().position(|w| w.trailing.contains(',')))
                    .and_then(|k| ws.get(run.end_word + k + 1))
                    .is_some_and(|v| with_lower_key(v.text, |k| SPEECH.contains(k)));
            let before_verb = before_verb || verb_after_aside;
            // Appositive after a role phrase: "Kepala BSSN Republik Indonesia, Hinsa Siburian,".
            let appositive = run.end_word - run.first_word >= 2
                && prev.is_some_and(|p| p.trailing.contains(',') || p.trailing.contains(')'))
                && ws
                    .get(run.first_word.saturating_sub(6)..run.first_word)
                    .is_some_and(|before| {
                        before.iter().any(|w| {
                            is_role_word(w.text)
                                && w.text.chars().next().is_some_and(char::is_uppercase)
                        })
                    });
            let roled = run.role.is_some();
            let tokens = run
                .name
                .split_whitespace()
                .filter(|t| !is_initial(t))
                .count();
            // `Mantan Ketua Umum Partai Hanura ini`: a description of someone named elsewhere, not a name.
            let epithet = next.is_some_and(|n| {
                ["ini", "tersebut", "itu"]
                    .iter()
                    .any(|w| n.text.eq_ignore_ascii_case(w))
            }) && last.is_some_and(|l| l.trailing.is_empty());
            if epithet {
                continue;
            }
            // A name the people table knows (`Rudiantara`, `Wiranto`) is a person wherever it stands.
            let known = tokens == 1 && known_person(&run.name).is_some();
            let confirmed = after_verb
                || before_verb
                || appositive
                || roled
                || known
                || name_then_title(ws, run.first_word, run.end_word);
            // Headlines capitalise freely: only a confirmed name counts there.
            if confirmed || tokens >= 2 && line.kind != LineKind::Title {
                runs.push((run, confirmed, line.kind == LineKind::Body));
            } else if line.kind != LineKind::Title {
                // A short form (`Wiranto`, `Teo`) counts as a mention only of someone named in full or
                // confirmed elsewhere (added once everyone is known).
                weak.push((run, false, line.kind == LineKind::Body));
            }
        }
    }
    // Cluster.
    let mut people: Vec<Cluster> = Vec::new();
    let mut token_sets: Vec<Vec<Vec<String>>> = Vec::new();
    for r in runs {
        // Join the cluster sharing the most name tokens with this run.
        let tokens = name_tokens(&r.0.name);
        let score = |names: &[Vec<String>]| -> Option<usize> {
            names
                .iter()
                .filter(|t| same_person_tokens(t, &tokens))
                .map(|t| t.iter().filter(|x| tokens.contains(x)).count())
                .max()
        };
        let best = (0..people.len())
            .filter_map(|i| {
                token_sets
                    .get(i)
                    .and_then(|names| score(names))
                    .map(|s| (s, i))
            })
            .max_by_key(|(s, i)| (*s, std::cmp::Reverse(*i)))
            .map(|(_, i)| i);
        // A short name (`Trian`) that begins a word of one fuller name (`Dian Triansyah Djani`) is that person.
        let best = best.or_else(|| nickname_cluster(&token_sets, &tokens));
        match best.and_then(|i| people.get_mut(i).zip(token_sets.get_mut(i))) {
            Some(((members, confirmed), names)) => {
                *confirmed |= r.1;
                if !names.contains(&tokens) {
                    names.push(tokens);
                }
                members.push(r);
            }
            None => {
                token_sets.push(vec![tokens]);
                let c = r.1;
                people.push((vec![r], c));
            }
        }
    }
    // Short forms of people already known join them as mentions.
    for r in weak {
        let tokens = name_tokens(&r.0.name);
        let hit = token_sets
            .iter()
            .position(|names| names.iter().any(|t| same_person_tokens(t, &tokens)));
        if let Some((members, _)) = hit.and_then(|i| people.get_mut(i)) {
            members.push(r);
        }
    }
    let mut out = Vec::new();
    for (members, confirmed) in people {
        let score = |name: &str| {
            let in_body = members
                .iter()
                .filter(|(m, _, b)| *b && m.name == name)
                .count();
            let total = members.iter().filter(|(m, _, _)| m.name == name).count();
            (name.split_whitespace().count(), in_body, total)
        };
        let mut names: Vec<&str> = members.iter().map(|(m, _, _)| m.name.as_str()).collect();
        names.sort();
        names.dedup();
        // Fullest name in the body first; then the most used.
        let Some(best) = names.iter().copied().max_by_key(|n| {
            let (tokens, in_body, total) = score(n);
            (in_body > 0, tokens, in_body, total)
        }) else {
            continue;
        };
        let role = members.iter().find_map(|(m, _, _)| m.role.clone());
        let mut mentions: Vec<Span> = members.iter().map(|(m, _, _)| m.span).collect();
        // The people table names the person the way most of the press does (`Jokowi` is Joko Widodo, `Reto
        // Marsudi` Retno Marsudi), fullest printed form first.
        let mut by_fullness = names.clone();
        by_fullness.sort_by_key(|n| std::cmp::Reverse(n.split_whitespace().count()));
        let known = by_fullness.iter().find_map(|n| known_person(n));
        let name = known.map_or_else(|| best.to_string(), str::to_string);
        // Two runs the table says are one person (`Jokowi`, `Joko Widodo`) become one.
        if let Some(same) = out.iter_mut().find(|p: &&mut Person| p.name == name) {
            same.mentions.append(&mut mentions);
            same.mentions.sort_by_key(|s| s.start);
            same.confirmed |= confirmed;
            if same.role.is_none() {
                same.role = role;
            }
            continue;
        }
        mentions.sort_by_key(|s| s.start);
        out.push(Person {
            name,
            role,
            mentions,
            confirmed,
        });
    }
    join_names_people_go_by(out)
}

/// The names the people table knows in a headline's words (`Jokowi` in `Jokowi Kembali Ingatkan`, `Retno
/// Marsudi` in `Menlu Retno Marsudi Tegaskan`): the longest stretch of name words (up to four, unbroken by
/// punctuation) at each place that the table knows, as runs of their own.
fn known_in_headline(text: &str, ws: &[Word<'_>]) -> Vec<NameRun> {
    let table = &*super::gazetteer::PEOPLE;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // The name words from `i` on, up to the first punctuation.
        let mut end = i;
        while end < ws.len() && end - i < 4 && ws.get(end).is_some_and(|w| w.name_like) {
            end += 1;
            if ws.get(end - 1).is_some_and(|w| !w.trailing.is_empty()) {
                break;
            }
        }
        let found = (i + 1..=end).rev().find_map(|e| {
            let (first, last) = (ws.get(i)?, ws.get(e - 1)?);
            let span = Span::new(first.span.start, last.span.end);
            let name = normalise_name(span.slice(text));
            table.lookup(&name).map(|_| NameRun {
                name,
                span,
                role: None,
                first_word: i,
                end_word: e,
            })
        });
        match found {
            Some(run) => {
                i = run.end_word;
                out.push(run);
            }
            None => i += 1,
        }
    }
    out
}

/// The one person of `people` whose names in the people table have `name`, a single word of four letters or
/// more, as a word (`Samuel` for Semuel Abrijani Pangerapan, who is also printed `Sammy Pangerapan`).
pub fn going_by<'p>(people: &'p [Person], name: &str) -> Option<&'p Person> {
    let tokens = name_tokens(name);
    let [one] = tokens.as_slice() else {
        return None;
    };
    if one.chars().count() < 4 {
        return None;
    }
    let table = &*super::gazetteer::PEOPLE;
    let mut hits = people.iter().filter(|p| {
        table
            .lookup(&p.name)
            .is_some_and(|e| e.keys.iter().any(|k| k.split(' ').any(|t| t == one)))
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// A one-word name that is a word of one other person's names in the people table (`kata Samuel` beside `Sammy
/// Pangerapan`, both Semuel Abrijani Pangerapan) is that person, not another.
fn join_names_people_go_by(mut people: Vec<Person>) -> Vec<Person> {
    let table = &*super::gazetteer::PEOPLE;
    let into: Vec<Option<usize>> = people
        .iter()
        .map(|p| {
            if table.lookup(&p.name).is_some() {
                return None;
            }
            let q = going_by(&people, &p.name)?;
            people.iter().position(|x| x.name == q.name)
        })
        .collect();
    for (i, target) in into.iter().enumerate().rev() {
        let Some(j) = *target else { continue };
        let (mentions, confirmed) = match people.get_mut(i) {
            Some(p) => (std::mem::take(&mut p.mentions), p.confirmed),
            None => continue,
        };
        if let Some(q) = people.get_mut(j) {
            q.mentions.extend(mentions);
            q.mentions.sort_by_key(|s| s.start);
            q.confirmed |= confirmed;
        }
    }
    let mut k = 0;
    people.retain(|_| {
        let keep = into.get(k).is_none_or(Option::is_none);
        k += 1;
        keep
    });
    people
}

/// The one cluster of several-word names with a word that the single word of `tokens` begins (four letters or
/// more, and shorter than that word).
fn nickname_cluster(token_sets: &[Vec<Vec<String>>], tokens: &[String]) -> Option<usize> {
    let [one] = tokens else { return None };
    if one.chars().count() < 4 {
        return None;
    }
    let mut hits = token_sets.iter().enumerate().filter(|(_, names)| {
        names.iter().any(|t| {
            t.len() >= 2
                && t.iter()
                    .any(|w| w.len() > one.len() && w.starts_with(one.as_str()))
        })
    });
    let first = hits.next()?.0;
    hits.next().is_none().then_some(first)
}

/// The canonical name the people table gives a printed name, or the name with words before it that are not
/// part of it (`Cybersecurity Yaacob Ibrahim`, `Information S Iswaran`: a capitalised word of the role phrase
/// taken into the name) left off.
pub fn known_person(printed: &str) -> Option<&'static str> {
    let table = &*super::gazetteer::PEOPLE;
    let words: Vec<&str> = printed.split_whitespace().collect();
    (0..words.len().max(1)).find_map(|skip| {
        let rest = words.get(skip..)?;
        // A dropped word leaves at least two words, or one the table knows exactly.
        if skip > 0 && rest.len() < 2 && table.lookup(&rest.join(" ")).is_none() {
            return None;
        }
        table.lookup(&rest.join(" ")).map(|e| e.name.as_str())
    })
}

/// The person `name` refers to, if any; `tokens[i]` is `people[i]`'s name split by [`name_tokens`] (split once
/// for the many names resolved against the same people).
pub fn resolve_person<'p>(
    people: &'p [Person],
    tokens: &[Vec<String>],
    name: &str,
) -> Option<&'p Person> {
    let wanted = name_tokens(name);
    people
        .iter()
        .zip(tokens)
        .find(|(_, t)| same_person_tokens(t, &wanted))
        .map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_openers_and_the_fields_capitalised_nouns_are_no_name_words() {
        for w in [
            "However",
            "Meanwhile",
            "Namun",
            "Meski",
            "Internet",
            "Strategis",
            "Development",
        ] {
            assert!(!is_name_word(w), "{w}");
        }
        for w in ["Retno", "Plate", "Rio", "Lee"] {
            assert!(is_name_word(w), "{w}");
        }
    }

    #[test]
    fn a_name_alone_misspelt_once_is_the_person_whose_name_it_misspells() {
        let t = |s: &str| name_tokens(s);
        assert!(same_person_tokens(&t("Krisna"), &t("Krishna Murti")));
        // Two edits, a short name, another first letter, or two full names: somebody else.
        assert!(same_person_tokens(
            &t("Yahya Ahmudiarto"),
            &t("Yaya Ahmudiarto")
        ));
        assert!(!same_person_tokens(&t("Budi Santoso"), &t("Bude Santoso")));
        assert!(!same_person_tokens(&t("Hasna"), &t("Hasan Wirajuda")));
        assert!(!same_person_tokens(&t("Reno"), &t("Retno Marsudi")));
        assert!(!same_person_tokens(&t("Wahyu"), &t("Cahyu Santoso")));
        assert!(!same_person_tokens(
            &t("Budi Karya"),
            &t("Budi Kurya Sumadi Jaya")
        ));
    }

    #[test]
    fn packing_reads_the_bytes_as_shifting_them_in_one_by_one() {
        let shifted = |b: &[u8], lower: bool| {
            b.iter().fold(0u128, |k, &c| {
                (k << 8) | u128::from(if lower { c.to_ascii_lowercase() } else { c })
            })
        };
        for w in [
            "",
            "a",
            "Menteri",
            "ABCDEFGHIJKLMNOP",
            "abcdefghijklmnopqrs",
            "Jum’at",
        ] {
            for lower in [false, true] {
                assert_eq!(
                    pack(w.as_bytes(), lower),
                    shifted(w.as_bytes(), lower),
                    "{w:?}"
                );
            }
        }
    }

    /// One look-up of the merged word classes answers as the separate word lists do, whatever the case, final
    /// dots or possessive; words carry the class of capitalised words only.
    #[test]
    fn multiword_place_first_words_are_their_own_keys() {
        // What lets a word's class stand for "its lower-cased text starts a multi-word place": the first words are
        // lower case, with no final dot or possessive that the class's key would take off.
        let mut n = 0;
        for p in MULTIWORD_PLACES.iter() {
            let first = p.split(' ').next().unwrap();
            assert_eq!(first, first.to_lowercase(), "{p}");
            assert!(!first.is_empty() && !first.ends_with('.'), "{p}");
            assert!(!first.ends_with("'s") && !first.ends_with("’s"), "{p}");
            assert_ne!(word_class(first) & MULTIWORD_PLACE_FIRST, 0, "{p}");
            n += 1;
        }
        assert!(n > 10, "{n}");
        // And a run is still found to be a place ("New York" is not a person).
        let t = "Delegasi bertemu di New York pada Senin.";
        let ws = words(t, Span::new(0, t.len()));
        assert!(name_runs(t, &ws).iter().all(|r| r.name != "New York"));
    }

    #[test]
    fn quick_name_checks_equal_the_general_ones() {
        // normalise_name's first test, as first written.
        let general_plain = |s: &str| {
            let glued = s.as_bytes().windows(2).any(|w| {
                w.first() == Some(&b'.') && w.get(1).is_some_and(|b| b.is_ascii_uppercase())
            });
            let spaced = s.split(' ').all(|p| !p.is_empty()) && !s.contains(['\t', '\n', '\u{a0}']);
            !glued && spaced
        };
        const PARTS: [&str; 16] = [
            "Retno",
            "L.P.",
            "AM.Fachir",
            "AM.",
            "Fachir",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "H",
            "É",
            "ÉL",
            "d.A",
            "O'Neil",
            "",
        ];
        let mut seed = 13u64;
        for _ in 0..5000 {
            let mut name = String::new();
            for _ in 0..(crate::extract::xorshift(&mut seed) % 5) {
                name.push_str(crate::extract::pick(&mut seed, &PARTS));
            }
            let general = if general_plain(&name) {
                name.clone()
            } else {
                respace_name(&name)
            };
            assert_eq!(normalise_name(&name), general, "{name:?}");
            assert_eq!(is_initial(&name), is_initial_chars(&name), "{name:?}");
        }
    }

    #[test]
    fn name_tokens_of_ascii_names_equal_the_general_ones() {
        let general = |name: &str| -> Vec<String> {
            normalise_name(name)
                .split_whitespace()
                .map(|t| t.trim_matches('.').to_lowercase().replace('.', ""))
                .filter(|t| !t.is_empty())
                .collect()
        };
        const PARTS: [&str; 12] = [
            "Retno",
            "L.P.",
            "AM.Fachir",
            "..",
            "Marsudi.",
            " ",
            "  ",
            "H.",
            "Dr",
            "ÉLYSÉE",
            "d.a.",
            "O'Neil",
        ];
        let mut seed = 3u64;
        for _ in 0..3000 {
            let mut name = String::new();
            for _ in 0..(crate::extract::xorshift(&mut seed) % 6) {
                name.push_str(crate::extract::pick(&mut seed, &PARTS));
                // Most parts followed by a space, some run into the next.
                if !crate::extract::xorshift(&mut seed).is_multiple_of(3) {
                    name.push(' ');
                }
            }
            assert_eq!(name_tokens(&name), general(&name), "{name:?}");
        }
    }

    #[test]
    fn quick_word_tests_answer_as_the_general_ones() {
        // Every word of the bundled corpus and of generated articles, and words that test each rule.
        let mut texts: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/sample_data"))
                .unwrap()
                .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
                .collect();
        texts.extend((0..400).map(|i| crate::synth::article(3, i).1));
        texts.push(
            "ASEAN AS A. AM. Dr. Jl. H. St. Mr Mrs. U.S. PBB-ASEAN Retno’s Retno's RETNO's KTT-32 G20 Kamis \
             Jakarta. Kuala Lumpur Élysée Ñame İstanbul Menlu MENLU menlu Dubes abcdefgh Abcdefgh Abcdefghi X x"
                .into(),
        );
        let mut checked = 0;
        for t in &texts {
            for w in words(t, Span::new(0, t.len())) {
                let general =
                    with_lower_key_bytes(w.text, |k| WORD_CLASSES.get(k).copied().unwrap_or(0));
                assert_eq!(word_class(w.text), general, "{:?}", w.text);
                assert_eq!(
                    w.name_like,
                    name_word_of_class_chars(w.text, general),
                    "{:?}",
                    w.text
                );
                assert_eq!(
                    name_word_of_class(w.text, general),
                    name_word_of_class_chars(w.text, general),
                    "{:?}",
                    w.text
                );
                checked += 1;
            }
        }
        assert!(checked > 50_000, "{checked}");
    }

    #[test]
    fn words_in_finds_the_same_words_as_a_plain_search_from_any_guess() {
        let text =
            "Menlu Retno Marsudi berkata, “Kita bekerja sama.” Ia  menambahkan bahwa ASEAN siap.";
        let all = words(text, Span::new(0, text.len()));
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let range = Span::new(start, end);
                let lo = all.partition_point(|w| w.span.start < range.start);
                let hi = all.partition_point(|w| w.span.end <= range.end);
                let want = all.get(lo..hi.max(lo)).unwrap_or(&[]);
                assert_eq!(words_in(&all, range), want, "{start}..{end}");
            }
        }
        for guess in 0..all.len() + 3 {
            for cut in 0..=all.len() {
                assert_eq!(
                    super::super::partition_from(&all, guess, |w| all
                        .iter()
                        .position(|x| x.span == w.span)
                        .unwrap_or(0)
                        < cut),
                    cut
                );
            }
        }
    }

    #[test]
    fn word_classes_answer_as_the_word_lists() {
        let roles: FxHashSet<&str> = ROLE_WORDS.iter().copied().collect();
        let firsts: FxHashSet<&str> = COUNTRIES
            .iter()
            .flat_map(|(_, names)| names.iter().filter_map(|n| n.split_whitespace().next()))
            .collect();
        let (mut checked, mut hits) = (0, 0);
        let lists = NOT_NAMES
            .iter()
            .map(|w| std::str::from_utf8(w).unwrap())
            .chain(roles.iter().copied())
            .chain(firsts.iter().copied())
            .chain(["Wiranto", "kata", "the", "Retno"]);
        for w in lists {
            let cap: String = w
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        c.to_uppercase().next().unwrap()
                    } else {
                        c
                    }
                })
                .collect();
            for form in [
                w.to_string(),
                cap.clone(),
                w.to_uppercase(),
                format!("{cap}."),
                format!("{cap}’s"),
            ] {
                let c = word_class(&form);
                // The lists looked up one by one, with the same key (lower case, no final dots or `'s`).
                let (not_name, role, first) = with_lower_key_bytes(&form, |k| {
                    let k = std::str::from_utf8(k).unwrap();
                    (
                        NOT_NAMES.contains(k.as_bytes()),
                        roles.contains(k),
                        firsts.contains(k),
                    )
                });
                assert_eq!(c & NOT_NAME != 0, not_name, "{form}");
                assert_eq!(c & ROLE != 0, role, "{form}");
                assert_eq!(c & COUNTRY_FIRST != 0, first, "{form}");
                let place_first = with_lower_key_bytes(&form, |k| {
                    MULTIWORD_PLACES
                        .iter()
                        .any(|p| p.split(' ').next().is_some_and(|f| f.as_bytes() == k))
                });
                assert_eq!(c & MULTIWORD_PLACE_FIRST != 0, place_first, "{form}");
                hits += usize::from(not_name) + usize::from(role) + usize::from(first);
                checked += 1;
            }
        }
        assert!(checked > 1000 && hits > checked / 2, "{checked} {hits}");
        let t = "Menteri Luar Negeri Retno Marsudi bertemu menteri dari Amerika dan Viet Nam.";
        for w in words(t, Span::new(0, t.len())) {
            let capitalised = w.text.chars().next().is_some_and(char::is_uppercase);
            let want = if capitalised { word_class(w.text) } else { 0 };
            assert_eq!(w.class, want, "{}", w.text);
        }
        assert_ne!(word_class("Menteri") & ROLE, 0);
        assert_ne!(word_class("Amerika") & COUNTRY_FIRST, 0);
    }

    fn runs(t: &str) -> Vec<String> {
        let ws = words(t, Span::new(0, t.len()));
        name_runs(t, &ws).into_iter().map(|r| r.name).collect()
    }

    #[test]
    fn the_writer_a_byline_names_is_no_person_of_the_story() {
        let t = "Presiden Minta Perkuat Keamanan Siber\n\nOleh: Maya Sulastri - 28 April 2018\n\nPresiden Joko Widodo \
                 menekankan pentingnya kewaspadaan terhadap serangan siber di hadapan para pemimpin ASEAN.\n";
        let names: Vec<String> = find_people(t, &Layout::of(t))
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, vec!["Joko Widodo".to_string()]);
    }

    #[test]
    fn runs_strip_roles_and_keep_initials() {
        assert_eq!(runs("kata Menko Polhukam Wiranto di sela"), vec!["Wiranto"]);
        assert_eq!(
            runs("Wakil Menteri Luar Negeri AM. Fachir, ancaman"),
            vec!["AM. Fachir"]
        );
        assert_eq!(runs("ujar AM.Fachir. salah"), vec!["AM. Fachir"]);
        assert_eq!(
            runs("Menteri Luar Negeri RI Retno LP Marsudi di Singapura"),
            vec!["Retno LP Marsudi"]
        );
        assert_eq!(
            runs("Menkominfo Johnny G. Plate menegaskan"),
            vec!["Johnny G. Plate"]
        );
    }

    #[test]
    fn ascii_pieces_trim_as_any_other_piece() {
        // The byte-wise trimming of ASCII pieces agrees with the character-wise one.
        fn by_chars(piece: &str) -> (usize, &str) {
            let is_punct =
                |c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.');
            let rest = piece.trim_start_matches(is_punct);
            (piece.len() - rest.len(), rest.trim_end_matches(is_punct))
        }
        for piece in [
            "(Kemlu)",
            "\"Retno",
            "said,",
            "...",
            "Dr.",
            "--",
            "U.S.",
            "(ANTARA)-",
            "x",
            "",
            "'s",
            "ke-27.",
        ] {
            assert_eq!(trim_punctuation(piece), by_chars(piece), "{piece:?}");
        }
        assert_eq!(trim_punctuation("“Kami"), (3, "Kami"));
        assert!(is_abbreviation("Dr") && is_abbreviation("PROF") && !is_abbreviation("Drg"));
    }

    #[test]
    fn names_resolve_to_the_person_they_name() {
        let person = |name: &str| Person {
            name: name.to_string(),
            role: None,
            mentions: Vec::new(),
            confirmed: true,
        };
        let people = vec![person("Retno LP Marsudi"), person("Johnny G. Plate")];
        let tokens: Vec<Vec<String>> = people.iter().map(|p| name_tokens(&p.name)).collect();
        let found = |n: &str| resolve_person(&people, &tokens, n).map(|p| p.name.as_str());
        assert_eq!(found("Retno"), Some("Retno LP Marsudi"));
        assert_eq!(found("Johnny Plate"), Some("Johnny G. Plate"));
        assert_eq!(found("Joko Widodo"), None);
    }

    /// The names of the people found in `t`.
    fn people_named(t: &str) -> Vec<String> {
        find_people(t, &Layout::of(t))
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn the_words_of_a_decrees_name_are_nobody() {
        let t = "Judul\n\nPresiden Jokowi menandatangani Peraturan Presiden Nomor 53 Tahun 2017 tentang badan siber, kata Menteri Wiranto.";
        let names = people_named(t);
        assert!(
            !names.iter().any(|n| n == "Nomor" || n == "Tahun"),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n == "Wiranto"), "{names:?}");
    }

    #[test]
    fn people_addressed_as_a_group_are_nobody() {
        let t = "Your Excellencies, Senior Officials, Distinguished Delegates, Ladies and Gentlemen, good morning. Minister Maria Santos opened the forum.";
        assert_eq!(people_named(t), vec!["Maria Santos".to_string()]);
        // A name after the short name that closes its institution's name is a person with that title.
        let t = "Plt. Deputi VII Kementerian Politik Hukum dan Keamanan (Kemenkopolhukam) Sutrisno di Jakarta, Rabu, mengatakan latihan digelar.";
        assert_eq!(people_named(t), vec!["Sutrisno".to_string()]);
        // A name of one word the people table knows is a person without a title; a law's name is not.
        let t = "Responding to a query, Rudiantara opined that the General Data Protection Regulation is strict.";
        assert_eq!(people_named(t), vec!["Rudiantara".to_string()]);
        // A city of the place table written in two words is no person.
        let t = "The meeting in New Delhi in December followed talks in Nusa Dua. Minister Maria Santos opened it.";
        assert_eq!(people_named(t), vec!["Maria Santos".to_string()]);
    }

    #[test]
    fn same_person_rules() {
        assert!(same_person("Retno", "Retno LP Marsudi"));
        assert!(same_person("Mira Tayyiba", "Mira Tannyiba"));
        assert!(same_person("AM.Fachir", "AM. Fachir"));
        assert!(same_person("Teo Chee Hean", "Teo Shee Hean"));
        assert!(!same_person("Joko Widodo", "Johnny G. Plate"));
        assert!(!same_person("M Chandra", "M Hasan"));
    }
}
