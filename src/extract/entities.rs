//! Countries, forums, places, outlets and language: gazetteer look-ups with the span each came from.

use super::STOP_EVERY;
use super::dates::{window_after, window_before};
use super::layout::{Layout, LineKind};
use super::lexicon::{COUNTRIES, FORUMS, PLACES};
use super::people::words;
use super::re::{Regex, RegexSet};
use crate::model::Span;
use std::sync::LazyLock;

/// Country names by their lower-case spelling (one to three words).
static COUNTRY_NAMES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        COUNTRIES
            .iter()
            .flat_map(|(canon, names)| names.iter().map(move |n| (*n, *canon)))
            .collect()
    });

/// Countries named in the article text, canonical English names, in order of first mention. Short forms of three
/// letters or less (`AS`, `RI`, `UK`) count only in capitals; other names must be capitalised.
pub fn find_countries(text: &str, layout: &Layout) -> Vec<(String, Span)> {
    find_countries_in(text, layout, &words(text, Span::new(0, text.len())))
}

/// [`find_countries`] given the words of the whole text.
pub fn find_countries_in(
    text: &str,
    layout: &Layout,
    ws: &[super::people::Word<'_>],
) -> Vec<(String, Span)> {
    let mut out: Vec<(String, Span)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut matched = 0;
        // Only capitalised words have a class (see `people::words`).
        let first_is_candidate = ws
            .get(i)
            .is_some_and(|w| w.class & super::people::COUNTRY_FIRST != 0);
        if !first_is_candidate {
            i += 1;
            continue;
        }
        for n in (1..=3).rev() {
            let Some(group) = ws.get(i..i + n) else {
                continue;
            };
            // A multi-word name must not be broken by punctuation.
            if group.iter().take(n - 1).any(|w| !w.trailing.is_empty()) {
                continue;
            }
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let printed = text.get(first.span.start..last.span.end).unwrap_or("");
            let mut buf = [0u8; 48];
            let key = spaced_lower_key(printed, &mut buf);
            let Some(canon) = COUNTRY_NAMES.get(&*key) else {
                continue;
            };
            let short_ok = key.len() > 3 || printed == printed.to_uppercase();
            let cap_ok = printed.chars().next().is_some_and(char::is_uppercase);
            if short_ok && cap_ok && layout.is_article(first.span.start) {
                if !out.iter().any(|(c, _)| c == canon) {
                    out.push((
                        canon.to_string(),
                        Span::new(first.span.start, last.span.end),
                    ));
                }
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
    out
}

/// `s` lower-cased with every run of white space made one space (`split_whitespace` joined by spaces), on the
/// stack in `buf` when `s` is short ASCII text (nearly always).
fn spaced_lower_key<'b>(s: &str, buf: &'b mut [u8; 48]) -> std::borrow::Cow<'b, str> {
    let s = s.trim();
    if s.is_ascii() && s.len() <= buf.len() {
        // The key is never longer than `s`, so it fits.
        let mut n = 0;
        let mut push = |b: u8| {
            if let Some(slot) = buf.get_mut(n) {
                *slot = b;
                n += 1;
            }
        };
        let mut after_space = false;
        for b in s.bytes() {
            // `char::is_whitespace` on ASCII: the ASCII white space and the vertical tab.
            if b.is_ascii_whitespace() || b == 0x0B {
                after_space = true;
                continue;
            }
            if after_space {
                push(b' ');
                after_space = false;
            }
            push(b.to_ascii_lowercase());
        }
        if let Some(key) = buf.get(..n).and_then(|k| std::str::from_utf8(k).ok()) {
            return std::borrow::Cow::Borrowed(key);
        }
    }
    std::borrow::Cow::Owned(
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

/// All forum patterns searched in one pass, in table order, so that one pass finds every mention; at one
/// position the earlier (more specific) pattern wins. Matched case-sensitively against an ASCII-lowercased text
/// (faster); group names keep their case.
static FORUM_ALL: LazyLock<Option<RegexSet>> =
    LazyLock::new(|| crate::extract::regex_set(&forum_patterns()).ok());

/// Every forum: the numbered and special patterns of the lexicon first (they win where two match at one place),
/// then every row of the forum table (`assets/lexicon/forums.tsv`: the ASEAN bodies and meetings, the UN's,
/// the other multilateral and bilateral formats), each as the alternation of its printed forms.
static ALL_FORUMS: LazyLock<Vec<(String, String, String)>> = LazyLock::new(|| {
    let mut out: Vec<(String, String, String)> = FORUMS
        .iter()
        .map(|(p, n, k)| (p.to_string(), n.to_string(), k.to_string()))
        .collect();
    // A row whose printed form extends another row's (`ASEAN Ministerial Meeting on Transnational Crime` after
    // `ASEAN Ministerial Meeting`, `G20 Digital Economy Working Group` after `G20`) goes before it: at one place
    // the fuller name matches.
    let mut table: Vec<Vec<&str>> =
        super::gazetteer::rows(include_str!("../../assets/lexicon/forums.tsv")).collect();
    let forms_of = |row: &Vec<&str>| -> Vec<String> {
        super::gazetteer::items(row.get(1))
            .chain(row.first().copied())
            .map(|f| f.to_lowercase())
            .collect()
    };
    let extends = |longer: &Vec<&str>, shorter: &Vec<&str>| {
        let short = forms_of(shorter);
        forms_of(longer)
            .iter()
            .any(|l| short.iter().any(|s| l.starts_with(&format!("{s} "))))
    };
    let mut moved = true;
    let mut passes = 0;
    while moved && passes < 50 {
        moved = false;
        passes += 1;
        for j in 1..table.len() {
            let first_shorter = (0..j).find(|&i| match (table.get(j), table.get(i)) {
                (Some(l), Some(sh)) => extends(l, sh) && !extends(sh, l),
                _ => false,
            });
            if let Some(i) = first_shorter {
                let row = table.remove(j);
                table.insert(i, row);
                moved = true;
            }
        }
    }
    for row in &table {
        let (Some(name), Some(kind)) = (row.first(), row.get(2)) else {
            continue;
        };
        let mut forms: Vec<String> = super::gazetteer::items(row.get(1))
            .chain(std::iter::once(*name))
            // Words apart by white space, a hyphen or a comma (`ASEAN Political-Security Community Council`
            // is also printed `ASEAN Political, Security, Community Council`).
            .map(|f| {
                f.split(|c: char| c.is_whitespace() || c == '-' || c == '–')
                    .filter(|w| !w.is_empty())
                    .map(regex_escape)
                    .collect::<Vec<_>>()
                    .join(r"[\s,\-–]+")
            })
            .collect();
        // Longest first: at one place the fullest name matches.
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.dedup();
        if forms.is_empty() {
            continue;
        }
        out.push((
            format!(r"\b(?:{})(?:\b|$)", forms.join("|")),
            name.to_string(),
            kind.to_string(),
        ));
    }
    out
});

/// The lane kind the forum table gives a forum's canonical name (`Interpol` → `Global`, `Courtesy Call` →
/// `Bilateral`), ignoring case.
pub fn forum_kind_of(name: &str) -> Option<&'static str> {
    static BY_NAME: LazyLock<rustc_hash::FxHashMap<String, &'static str>> = LazyLock::new(|| {
        ALL_FORUMS
            .iter()
            .map(|(_, n, k)| (n.to_lowercase(), k.as_str()))
            .collect()
    });
    BY_NAME.get(&name.to_lowercase()).copied()
}

/// The full name the forum table gives first for a forum's canonical name (`TELSOM` → `ASEAN Telecommunications
/// Senior Officials Meeting`), ignoring case.
pub fn forum_full_name(name: &str) -> Option<&'static str> {
    static BY_NAME: LazyLock<rustc_hash::FxHashMap<String, &'static str>> = LazyLock::new(|| {
        super::gazetteer::rows(include_str!("../../assets/lexicon/forums.tsv"))
            .filter_map(|row| {
                let name = row.first()?;
                let full = super::gazetteer::items(row.get(1)).next()?;
                Some((name.to_lowercase(), full))
            })
            .collect()
    });
    BY_NAME.get(&name.to_lowercase()).copied()
}

/// `s` with the characters a regular expression gives a meaning to escaped.
pub(crate) fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The forum patterns in table order, lower-cased (group names keep their case).
fn forum_patterns() -> Vec<String> {
    ALL_FORUMS
        .iter()
        .map(|(p, _, _)| p.to_ascii_lowercase().replace("(?p<", "(?P<"))
        .collect()
}

fn ordinal(n: &str) -> String {
    let suffix = match n.parse::<u32>().unwrap_or(0) % 100 {
        11..=13 => "th",
        x if x % 10 == 1 => "st",
        x if x % 10 == 2 => "nd",
        x if x % 10 == 3 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A forum mention: canonical name, lane kind and span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForumHit {
    /// Canonical name (`32nd ASEAN Summit`).
    pub name: String,
    /// Lane kind (`ASEAN`, `UN`, …).
    pub kind: String,
    /// Where it stands.
    pub span: Span,
}

/// The forum patterns as searched by [`FORUM_ALL`], compiled for searching in lockstep with others.
static FORUM_AUTOMATON: LazyLock<Option<super::lockstep::Automaton>> =
    LazyLock::new(|| crate::extract::automaton(&forum_patterns()).ok());

/// The automaton whose matches [`find_forums_in`] takes.
pub(crate) fn forum_automaton() -> Option<&'static super::lockstep::Automaton> {
    FORUM_AUTOMATON.as_ref()
}

/// Every forum mention in article text, in order.
pub fn find_forums(text: &str, layout: &Layout) -> Vec<ForumHit> {
    find_forums_in(text, &text.to_ascii_lowercase(), layout, None)
}

/// [`find_forums`] given the ASCII-lowercased text and, when it was searched already (in lockstep with other
/// patterns), the matches of [`forum_automaton`].
pub(crate) fn find_forums_in(
    text: &str,
    lowered: &str,
    layout: &Layout,
    scanned: Option<&[super::lockstep::Hit]>,
) -> Vec<ForumHit> {
    let mut out: Vec<ForumHit> = Vec::new();
    let Some(all) = FORUM_ALL.as_ref() else {
        return out;
    };
    {
        let matches: Vec<(usize, super::re::Match<'_>)> = match scanned {
            Some(hits) => hits
                .iter()
                .map(|h| (h.pattern, super::re::Match::new(lowered, h.start, h.end)))
                .collect(),
            None => all.find_iter(lowered).collect(),
        };
        // Matches are vetted by their place and text first; only the ones kept need the regex's groups (which
        // pattern matched, its ordinal).
        // Matches in text order (as the scans give them) overlap a kept hit only if one kept ends after the
        // match starts: one comparison, not a scan of every earlier hit (quadratic on a long article).
        let in_order = matches.is_sorted_by_key(|(_, m)| m.start());
        let mut kept_end = 0usize;
        for (i, m) in matches {
            let overlaps = if in_order {
                !out.is_empty() && kept_end > m.start()
            } else {
                out.iter()
                    .any(|h| h.span.start < m.end() && m.start() < h.span.end)
            };
            if !layout.is_article(m.start()) || overlaps {
                continue;
            }
            // Acronym patterns must match in capitals ("ITU", not "itu" = "that").
            let s = text.get(m.range()).unwrap_or("");
            if s.len() <= 6
                && s.chars().any(char::is_alphabetic)
                && s != s.to_uppercase()
                && !s.contains('-')
            {
                continue;
            }
            let Some((_, fname, fkind)) = ALL_FORUMS.get(i) else {
                continue;
            };
            // Only a numbered forum (`KTT ASEAN ke-32`) needs the pattern's groups.
            let ordinal_group = if fname.contains("{n}") {
                all.captures_at(i, m)
                    .and_then(|c| c.name("n").map(|n| n.as_str()))
            } else {
                None
            };
            let name = match ordinal_group {
                Some(n) => fname.replace("{n}", &ordinal(n)),
                None => fname.clone(),
            };
            kept_end = kept_end.max(m.end());
            out.push(ForumHit {
                name,
                kind: fkind.clone(),
                span: Span::new(m.start(), m.end()),
            });
        }
    }
    out.sort_by_key(|h| h.span.start);
    out
}

/// Canonical place name for a printed one.
pub fn canonical_place(s: &str) -> String {
    let l = s.trim().to_lowercase();
    KNOWN_PLACES
        .get(l.as_str())
        .map(|c| c.to_string())
        .unwrap_or_else(|| {
            let t = s.trim();
            // A dateline's `GIANYAR` is the town Gianyar.
            if t.chars().any(char::is_alphabetic)
                && t.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            {
                t.split(' ')
                    .map(|w| {
                        let mut cs = w.chars();
                        cs.next()
                            .map(|c| {
                                c.to_uppercase()
                                    .chain(cs.flat_map(char::to_lowercase))
                                    .collect()
                            })
                            .unwrap_or_default()
                    })
                    .collect::<Vec<String>>()
                    .join(" ")
            } else {
                t.to_string()
            }
        })
}

/// Every lower-case place and country name with its canonical name: a place's own entry first, else the first
/// country (in table order) that has the name, as a scan of the two tables in that order finds it.
/// The place table's forms come after both: its rows are places too.
static KNOWN_PLACES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (p, c) in PLACES {
            m.entry(*p).or_insert(*c);
        }
        for (c, names) in COUNTRIES {
            for n in *names {
                m.entry(*n).or_insert(*c);
            }
        }
        for (form, place) in super::gazetteer::PLACES.forms() {
            m.entry(form).or_insert(place.name.as_str());
        }
        m
    });

/// Whether some words of a phrase (one to three in a row) are a known place or country.
fn names_known_place(phrase: &str) -> bool {
    !known_places_in(phrase).is_empty()
}

/// The known places and countries a phrase names (canonical names, longest reading first at each word):
/// `Hotel Sari Pan Pacific Jakarta` → Jakarta; `Nusa Dua, Bali` → Nusa Dua, Bali.
pub fn known_places_in(phrase: &str) -> Vec<&'static str> {
    let words: Vec<String> = phrase
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = (1..=3).rev().find_map(|n| {
            let key = words.get(i..i + n)?.join(" ");
            KNOWN_PLACES.get(key.as_str()).map(|c| (n, *c))
        });
        match hit {
            Some((n, c)) => {
                if !out.contains(&c) {
                    out.push(c);
                }
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The year of the numbered meeting a sentence names (`the 19th ASEAN Telecommunications and IT Ministers
/// Meeting`, `TELMIN 19`, `KTT ASEAN ke-42`), from [`NUMBERED_MEETINGS`](super::lexicon::NUMBERED_MEETINGS):
/// `None` when it names none, or two of different years, or a year outside the period (a name that is not the
/// meeting's: the `13th ASEAN Ministerial Meeting` meant as one on crime).
pub fn numbered_meeting_year(sentence: &str) -> Option<i32> {
    // A number before the name (`19th`, `the first`) or after it (`TELMIN 19`, `ke-42`, `ADGMIN1`, `pertemuan
    // ADGMIN kedua`).
    static NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let before = ORDINAL_WORDS_EN
            .iter()
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join("|");
        let after = ORDINAL_WORDS_ID
            .iter()
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join("|");
        crate::extract::regex(&format!(
            r"\b(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<nw>{before}))\s+(?:the\s+)?|\s+(?:ke-?\s*)?(?:(?P<m>\d{{1,3}})|(?P<mw>{after}))\b|[a-z](?P<g>\d{{1,2}})\b"
        ))
        .ok()
    });
    let re = NUMBER.as_ref()?;
    let norm: String = sentence
        .to_lowercase()
        .replace(['’', '\''], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // The longest name printed at `at` (after an ordinal) or ending at `at` (before a number).
    let name_at = |at: usize, before: bool| {
        super::lexicon::NUMBERED_MEETINGS
            .iter()
            .flat_map(|(names, base, per)| names.iter().map(move |n| (*n, *base, *per)))
            .filter(|(n, _, _)| {
                let joined = |c: char| c.is_alphanumeric() || c == '-';
                if before {
                    norm.get(..at)
                        .and_then(|h| h.strip_suffix(n))
                        .is_some_and(|rest| !rest.ends_with(joined))
                } else {
                    norm.get(at..)
                        .and_then(|t| t.strip_prefix(n))
                        .is_some_and(|rest| !rest.starts_with(joined))
                }
            })
            .max_by_key(|(n, _, _)| n.len())
    };
    let mut year = None;
    for c in re.captures_iter(&norm) {
        let Some(all) = c.get(0) else { continue };
        let word_number = |m: super::re::Match<'_>, table: &[(&str, i32)]| {
            table
                .iter()
                .find(|(w, _)| *w == m.as_str())
                .map(|(_, n)| *n)
        };
        let (number, meeting) = if let Some(n) = c.name("n") {
            (n.as_str().parse().ok(), name_at(all.end(), false))
        } else if let Some(n) = c.name("nw") {
            (word_number(n, ORDINAL_WORDS_EN), name_at(all.end(), false))
        } else if let Some(m) = c.name("m") {
            (m.as_str().parse().ok(), name_at(all.start(), true))
        } else if let Some(m) = c.name("mw") {
            (word_number(m, ORDINAL_WORDS_ID), name_at(all.start(), true))
        } else if let Some(g) = c.name("g") {
            (g.as_str().parse().ok(), name_at(g.start(), true))
        } else {
            continue;
        };
        let (Some((_, base, per)), Some(n)) = (meeting, number) else {
            continue;
        };
        let y = base + n / per.max(1);
        let period = super::lexicon::YEAR_RANGE;
        if !(period.0 - 1..=period.1 + 1).contains(&y) || year.is_some_and(|prev| prev != y) {
            return None;
        }
        year = Some(y);
    }
    year
}

/// English ordinal words, before a meeting's name (`the first ASEAN Digital Ministers Meeting`).
const ORDINAL_WORDS_EN: &[(&str, i32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("inaugural", 1),
];

/// Indonesian ordinal words, after a meeting's name (`Pertemuan ADGMIN kedua`).
const ORDINAL_WORDS_ID: &[(&str, i32)] = &[
    ("pertama", 1),
    ("kedua", 2),
    ("ketiga", 3),
    ("keempat", 4),
    ("kelima", 5),
    ("keenam", 6),
    ("ketujuh", 7),
    ("kedelapan", 8),
    ("kesembilan", 9),
    ("kesepuluh", 10),
];

/// The known place a phrase begins with (one to three words), when more words follow it that name no place:
/// `Labuan Bajo Bisa Sepakati Penanganan` → `Labuan Bajo`.
pub fn known_place_prefix(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let n = (1..=3.min(words.len())).rev().find(|&n| {
        words.get(..n).is_some_and(|w| {
            KNOWN_PLACES.contains_key(w.join(" ").to_lowercase().trim_end_matches(','))
        })
    })?;
    let rest = words.get(n..)?.join(" ");
    (!rest.is_empty() && known_places_in(&rest).is_empty() && !rest.starts_with(','))
        .then(|| words.get(..n).map(|w| w.join(" ")))
        .flatten()
}

/// The country a place phrase is, when it is a country and nothing more (`Thailand`, `Vietnam`).
pub fn country_named(phrase: &str) -> Option<&'static str> {
    let l = phrase.trim().to_lowercase();
    COUNTRIES
        .iter()
        .find(|(_, names)| names.contains(&l.as_str()))
        .map(|(c, _)| *c)
}

/// Whether a place (canonical name) is a city, town or regency of `country`.
pub fn city_in_country(place: &str, country: &str) -> bool {
    super::gazetteer::PLACES.get(place).is_some_and(|e| {
        e.country == country && matches!(e.kind.as_str(), "city" | "country-capital" | "regency")
    })
}

/// The first city (of `country`, when given) named in `range`, printed with a capital, one to three words, with
/// its span.
pub fn first_city_of(text: &str, range: Span, country: Option<&str>) -> Option<(String, Span)> {
    let s = range.slice(text);
    let mut ws: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphanumeric() || c == '-', start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                ws.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    for k in 0..ws.len() {
        for n in (1..=3).rev() {
            let (Some(&(a, _)), Some(&(_, b))) = (ws.get(k), ws.get(k + n - 1)) else {
                continue;
            };
            let Some(printed) = s.get(a..b) else {
                continue;
            };
            // Only a name printed as one: each word capitalised (`Hue`, never `hue`).
            let capitalised = printed
                .split([' ', '-'])
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            // The words must be one run of text, not across a line or a sentence.
            if !capitalised || printed.contains(['\n', '.', ',']) {
                continue;
            }
            if let Some(e) = super::gazetteer::PLACES.get(printed)
                && city_in_country(&e.name, country.unwrap_or(&e.country))
            {
                return Some((e.name.clone(), Span::new(range.start + a, range.start + b)));
            }
        }
    }
    None
}

/// One's own place, after which an address may follow (`di kantornya, Jl …`).
const OWN_PLACE_WORDS: &[&str] = &["kantornya", "kediamannya", "rumahnya", "istananya"];

/// Common nouns of a venue that a name follows, written small in running text (`di kantor Wapres`).
const LOWER_VENUE_NOUNS: &[&str] = &[
    "kantor", "gedung", "istana", "hotel", "markas", "wisma", "balai", "aula", "kampus", "kompleks",
];

/// Words that start a place phrase: `di`, `in`, `at`.
const PLACE_PREPOSITIONS: &[&str] = &["di", "in", "at", "dari"];
/// Titles that begin a person's name, never a place.
const PERSON_TITLES: &[&str] = &[
    "menteri",
    "presiden",
    "wakil",
    "kepala",
    "ketua",
    "duta",
    "dubes",
    "gubernur",
    "bupati",
    "wali",
    "direktur",
    "sekretaris",
    "menlu",
    "menko",
    "minister",
    "president",
    "ambassador",
    "secretary",
    "director",
    "chairman",
    "deputy",
    "head",
    "prime",
    "pm",
    "raja",
    "king",
    "sultan",
    "perdana",
];
/// Beginnings of words of travel after which `to`/`ke` names a place: travelled, arrived, flew, came, visit,
/// kunjungan, berkunjung, datang, tiba, terbang, bertolak.
const TRAVEL_WORDS: &[&str] = &[
    "travel",
    "arriv",
    "flew",
    "came",
    "went",
    "visit",
    "trip",
    "journey",
    "kunjung",
    "berkunjung",
    "datang",
    "tiba",
    "terbang",
    "bertolak",
    "berangkat",
    "lawatan",
    "perjalanan",
];
/// Words that signal a meeting held online: no physical location.
pub const ONLINE_WORDS: &[&str] = &[
    "pertemuan daring",
    "rapat daring",
    "konferensi daring",
    "digelar daring",
    "dilaksanakan daring",
    "berlangsung daring",
    "via daring",
    "virtually",
    "held online",
    "virtual meeting",
    "pertemuan virtual",
    "rapat virtual",
    "konferensi video",
    "video conference",
    "videoconference",
    "video-conference",
    "teleconference",
    "video-teleconferenc",
    "telekonferensi",
    "vidcon",
    "vicon",
    "via zoom",
    "melalui zoom",
    "webinar",
    "virtual summit",
    "ktt virtual",
    "virtual format",
    "format virtual",
    "dalam jaringan",
    "online meeting",
    "pertemuan online",
    "rapat online",
    "conducted online",
    "took place online",
    "via video",
    "melalui video",
];

/// Words of a meeting held both in a room and online, or in a room after online editions.
const HYBRID_WORDS: &[&str] = &[
    "hybrid",
    "hibrida",
    "hibrid ",
    "luring dan daring",
    "daring dan luring",
    // Someone was there in person: the meeting has a place, whoever joined online.
    "physically",
    "in person",
    "in-person",
    "secara fisik",
    "secara langsung",
];

/// Words that, before `online`, `virtual` or `daring`, say a meeting was held so (`berlangsung virtual`).
const HELD_WORDS: &[&str] = &[
    "held",
    "conducted",
    "berlangsung",
    "digelar",
    "dilaksanakan",
    "diselenggarakan",
    "diadakan",
];

/// Words of taking part in a meeting (`menghadiri … secara virtual`, `joined virtually`).
const ATTENDED_WORDS: &[&str] = &[
    "hadir",
    "menghadiri",
    "dihadiri",
    "mengikuti",
    "diikuti",
    "bergabung",
    "membuka",
    "dibuka",
    "berpartisipasi",
    "berbicara",
    "berpidato",
    "attended",
    "joined",
    "participated",
    "opened",
    "spoke",
    "rapat",
    "pertemuan",
    "sidang",
    "konferensi",
    "forum",
    "dialog",
    "diskusi",
    "seminar",
    "ktt",
    "roundtable",
    "webinar",
    "acara",
    "kegiatan",
    "dilakukan",
    "sambutan",
    "pidato",
    "menyampaikan",
    "memberikan",
    "speech",
    "remarks",
    "keynote",
];

/// Words that, after `online`, `virtual` or `daring`, name an online meeting besides the meeting words
/// ([`super::lexicon::MEETING_WORDS`]): `online open debate`, `virtual ministerial`.
const ONLINE_MEETING_EXTRA: &[&str] = &["debate", "discussion", "open", "ministerial", "diskusi"];

/// `di Badung, Bali`, `in Vientiane, Laos`, `di Gedung Nusantara Kemenlu RI, Jakarta Pusat`: place phrases in
/// `range`, as (printed phrase, span). Comma-separated capitalised segments are joined; weekdays and months end it.
pub fn place_phrases(text: &str, range: Span) -> Vec<(String, Span)> {
    place_phrases_in(text, &words(text, range))
}

/// [`place_phrases`] over already tokenised words.
pub fn place_phrases_in(text: &str, ws: &[super::people::Word<'_>]) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(w) = ws.get(i) else { break };
        // The prepositions are ASCII: compared without lower-casing every word of the text. `to`/`ke` lead to a
        // place after a word of travel (`travelled to Jakarta`, `berkunjung ke Jakarta`).
        let after_travel = || {
            i > 0
                && ws.get(i - 1).is_some_and(|p| {
                    let pl = p.text.to_lowercase();
                    TRAVEL_WORDS.iter().any(|t| pl.starts_with(t))
                })
        };
        if !w.trailing.is_empty()
            || !(PLACE_PREPOSITIONS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w.text))
                || (w.text.eq_ignore_ascii_case("to") || w.text.eq_ignore_ascii_case("ke"))
                    && after_travel())
        {
            i += 1;
            continue;
        }
        // `di ibukota Kamboja Phnom Penh`, `in the Lao capital of Vientiane`: the city the capital words name.
        let next = |k: usize| {
            ws.get(i + k)
                .map(|x| x.text.to_lowercase())
                .unwrap_or_default()
        };
        let capital_words = next(1) == "ibukota"
            || next(1) == "ibu" && next(2) == "kota"
            || next(1) == "the" && (next(2) == "capital" || next(3) == "capital");
        if capital_words
            && let (Some(a), Some(b)) = (ws.get(i + 1), ws.get(i + 7).or_else(|| ws.last()))
            && let Some((city, span)) =
                first_city_of(text, Span::new(a.span.start, b.span.end), None)
        {
            out.push((city, span));
            i += 2;
            continue;
        }
        // `in the northeastern port city of Trieste`, `di kota Makassar`: the name the words for a city introduce,
        // known to the place table or not. The words between are written small (`port`, `coastal`).
        let small = |k: usize| {
            ws.get(i + k)
                .is_some_and(|x| x.trailing.is_empty() && x.text.chars().all(char::is_lowercase))
        };
        let city_of = (1..=5)
            .find(|&k| next(k) == "city" && next(k + 1) == "of" && (1..=k + 1).all(small))
            .map(|k| k + 2)
            .or_else(|| {
                ws.get(i + 1)
                    .is_some_and(|x| x.text == "kota" && x.trailing.is_empty())
                    .then_some(2)
            });
        if let Some(k) = city_of {
            let run: Vec<&super::people::Word<'_>> = ws
                .iter()
                .skip(i + k)
                .take(3)
                .take_while(|x| x.text.chars().next().is_some_and(char::is_uppercase))
                .collect();
            // Up to the first word a mark ends (`of Trieste.`, `kota Makassar, Sulawesi`).
            let end = run
                .iter()
                .position(|x| !x.trailing.is_empty())
                .map_or(run.len(), |p| p + 1);
            if let (Some(a), Some(b)) = (run.first(), run.get(end.saturating_sub(1))) {
                let span = Span::new(a.span.start, b.span.end);
                out.push((span.slice(text).to_string(), span));
                i += k + end;
                continue;
            }
        }
        // `di kantornya, Jl Medan Merdeka Barat, Jakarta Pusat`: the address after one's own office.
        let own_place = ws.get(i + 1).is_some_and(|x| {
            x.trailing.contains(',') && OWN_PLACE_WORDS.contains(&x.text.to_lowercase().as_str())
        });
        let first = if own_place { i + 2 } else { i + 1 };
        let mut j = first;
        let mut end_word = None;
        let mut segments = 0;
        while let Some(x) = ws.get(j) {
            // The word's lower-case questions, answered without a lower-cased copy.
            let (venue_word, connector_word, is_time) =
                super::people::with_lower_key(x.text, |xl| {
                    (
                        LOWER_VENUE_NOUNS.contains(&xl),
                        matches!(xl, "dan" | "and" | "of" | "the"),
                        super::dates::weekday_of(xl).is_some()
                            || super::dates::month_number(xl).is_some() && x.text.len() > 3,
                    )
                });
            // `di kantor Wapres RI, Jakarta`, `di gedung Sate`: a venue's common noun, written small, begins the
            // name that follows it.
            let venue_noun = j == first
                && venue_word
                && ws
                    .get(j + 1)
                    .is_some_and(|n| n.text.chars().next().is_some_and(char::is_uppercase));
            let cap = venue_noun
                || x.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '(');
            let connector = connector_word && end_word.is_some();
            if is_time || !(cap || connector) {
                break;
            }
            if !connector {
                end_word = Some(j);
            }
            j += 1;
            if x.trailing.contains('.') || x.trailing.contains(';') {
                break;
            }
            if x.trailing.contains(',') {
                segments += 1;
                if segments >= 3 {
                    break;
                }
            }
        }
        if let Some(e) = end_word
            && let (Some(a), Some(b)) = (ws.get(first), ws.get(e))
        {
            let mut span = Span::new(a.span.start, b.span.end);
            // Keep a closing parenthesis that belongs to the phrase: "(BPPT)".
            if b.trailing.starts_with(')') && span.slice(text).contains('(') {
                span.end += 1;
            }
            // Later comma segments belong to the phrase only while they name places (`in Nusa Dua, Bali`), not
            // the apposition that follows (`in New York, Dian Triansyah Djani`).
            let printed = span.slice(text);
            let mut keep = printed.len();
            let mut offset: usize = 0;
            for (n, seg) in printed.split(',').enumerate() {
                let seg_first = seg.split_whitespace().next().unwrap_or("").to_lowercase();
                // A segment that begins with a person's title is the person the place is followed by; one
                // that begins with an article is an apposition (`In Vietnam, the Vietnam … Centre`).
                // (`in Kuala Lumpur, Malaysia's capital`: a possessive begins an apposition.)
                let possessive_seg = seg.trim().ends_with("’s") || seg.trim().ends_with("'s");
                if n > 0
                    && !seg.trim().is_empty()
                    && (!looks_like_place(seg.trim())
                        || possessive_seg
                        || PERSON_TITLES.contains(&seg_first.as_str())
                        || matches!(seg_first.as_str(), "the" | "a" | "an"))
                {
                    keep = offset.saturating_sub(1);
                    break;
                }
                offset += seg.len() + 1;
            }
            span.end = span.start + keep.min(printed.len());
            // Text decoded twice (`Indonesia.ÃÂ`) ends the phrase where its marks begin.
            if let Some(cut) = span.slice(text).find(['Ã', 'Â']) {
                let head = span.slice(text).get(..cut).unwrap_or("");
                span.end = span.start + head.trim_end_matches(['.', ' ', ',']).len();
            }
            // `dari India Naman Upadhyaya`: a country followed by a person's name (no place, no venue) ends at
            // the country.
            let head = span.slice(text).split(',').next().unwrap_or("");
            if let Some(country) = known_place_prefix(head).filter(|c| {
                let rest = head.get(c.len()..).unwrap_or("");
                country_named(c).is_some()
                    && head.starts_with(c.as_str())
                    && rest.split_whitespace().count() <= 4
                    && rest.split_whitespace().all(super::people::is_name_word)
                    && !looks_like_place(rest)
            }) {
                span.end = span.start + country.len();
            }
            let phrase = span.slice(text).trim_end_matches(',').to_string();
            let lower_first = a.text.to_lowercase();
            // `the Ministry` is no place; `The Mulia, Nusa Dua, Bali` is, by the places it names. After `dari`
            // (from) a phrase is a place only when it looks like one (`dari Menteri Luar Negeri China` is a
            // person); a person's title never begins a place.
            let from = w.text.eq_ignore_ascii_case("dari");
            let titled = PERSON_TITLES.contains(&lower_first.as_str());
            // `in Thailand’s potential`: a possessive names a thing of the place.
            let possessive = phrase.ends_with("’s") || phrase.ends_with("'s");
            if !possessive
                && (!matches!(lower_first.as_str(), "the" | "this" | "a")
                    || names_known_place(&phrase))
                && !titled
                && (!from || looks_like_place(&phrase))
            {
                out.push((phrase, span));
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether a phrase names a place we know or looks like a venue.
pub fn looks_like_place(phrase: &str) -> bool {
    let l = phrase.to_lowercase();
    let first = l.split([',', ' ']).next().unwrap_or("");
    // A country's possessive (`Indonesia’s G20 Presidency`) names a thing of the country, not a place.
    let possessive = l.contains("’s ") || l.contains("'s ");
    PLACES.iter().any(|(p, _)| l.contains(p))
        || names_known_place(phrase) && !possessive
        || !possessive
            && COUNTRIES
                .iter()
                .any(|(_, names)| names.iter().any(|n| n.len() > 3 && l.contains(n)))
        || [
            "hotel",
            "gedung",
            "istana",
            "kantor",
            "kementerian",
            "kemenko",
            "kemlu",
            "kemenlu",
            "auditorium",
            "jl",
            "jalan",
            "markas",
            "balai",
            "wisma",
            "kbri",
            "kedutaan",
            "universitas",
            "kota",
            "kabupaten",
            "provinsi",
        ]
        .contains(&first)
}

/// A name and the span it was read from.
pub type Located = (String, Span);

/// The page's dateline: `New York, MINA –`, `JAKARTA, KOMPAS.com -`, `Singapura (ANTARA News) -`,
/// `REPUBLIKA.CO.ID, JAKARTA --`, `Bisnis.com, JAKARTA--Pemerintah`, `GIANYAR, KabarNusa -`. Read at the start
/// of one of the first body lines (a caption or a credit may stand above it). Returns (place, outlet) with spans.
pub fn dateline(text: &str, layout: &Layout) -> (Option<Located>, Option<Located>) {
    static RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        crate::extract::regex(r"^\s*(?:date\s+[\d-]{4,10}\s*:?\s*)?(?P<a>[A-Z][\w.’'&]*(?:\s[A-Z][\w.’'&]*){0,3}(?:\s(?:id|com|news))?|[a-z][\w-]*\.(?:co\.id|com|id|net|org))(?:\s*[,|]\s*(?P<b>[A-Za-z][\w.’'&]*(?:\s[A-Z][\w.’'&]*){0,3}))?(?:\s*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?))?\s*,?\s*(?:\((?P<c>[^()\n]{2,30})\))?\s*(?:(?P<dash>(?:–|—|--)\s*\S|\s-\s*\S|-\s+\S)|(?P<tight>-[A-Z])|(?P<colon>:\s+\S)|(?P<dash_end>\s*(?:–|—|-{1,2})\s*$)|(?P<alone>\s*$))")
            .ok()
    });
    let Some(re) = RE.as_ref() else {
        return (None, None);
    };
    for line in layout
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Body | LineKind::Header | LineKind::Title))
        .scan(0, |body_lines, l| {
            // The lines above the body, and the body's first five.
            if l.kind == LineKind::Body {
                *body_lines += 1;
            }
            (*body_lines <= 5).then_some(l)
        })
    {
        let head_end = (line.span.start + 90).min(line.span.end);
        let mut head_end_ok = head_end;
        while head_end_ok > line.span.start && !text.is_char_boundary(head_end_ok) {
            head_end_ok -= 1;
        }
        let head = Span::new(line.span.start, head_end_ok);
        if line.kind == LineKind::Body
            && let Some(found) = outlet_first_dateline(text, head)
        {
            return found;
        }
        let Some(c) = re.captures(head.slice(text)) else {
            continue;
        };
        // `Nusa Dua: Minister …` is a dateline only when what stands before the colon is a known place (else it
        // is a label: `Reporter: …`, `Summary: …`).
        if c.name("colon").is_some()
            && !c.name("a").is_some_and(|a| {
                KNOWN_PLACES.contains_key(a.as_str().trim().to_lowercase().as_str())
            })
        {
            continue;
        }
        // `Lombok, SumutOnline-Menteri …`: a dash with no space is a dateline's only after two names (a city
        // and an outlet), never after one (`Indonesia-Australia sepakat …`).
        if c.name("tight").is_some() && c.name("b").is_none() && c.name("c").is_none() {
            continue;
        }
        // Above the body only a line that is a dateline of its own counts (`Jakarta, MISTAR.ID`).
        let own_line = c.name("alone").is_some() || c.name("dash_end").is_some();
        if line.kind != LineKind::Body && !own_line {
            continue;
        }
        // `Jakarta (ANTARA) -` on a line of its own names a city and an outlet, not one word alone.
        if c.name("dash_end").is_some() && c.name("b").is_none() && c.name("c").is_none() {
            continue;
        }
        // A line that is only `Jakarta, MISTAR.ID` or `Badung (Metrobali)` (a known place, then the credit) is a
        // dateline of its own; a short line of one name is not.
        let place_then_credit = c.name("c").is_some()
            && c.name("b").is_none()
            && c.name("a").is_some_and(|a| {
                KNOWN_PLACES.contains_key(a.as_str().trim().to_lowercase().as_str())
            });
        if c.name("alone").is_some()
            && (c.name("b").is_none() && !place_then_credit || line.span.end > head.end)
        {
            continue;
        }
        let parts: Vec<(&str, String, Span)> = ["a", "b", "c"]
            .iter()
            .filter_map(|g| {
                let m = c.name(g)?;
                let span = Span::new(head.start + m.start(), head.start + m.end());
                Some((*g, m.as_str().trim().to_string(), span))
            })
            .collect();
        // Which part names the outlet: one the outlet table knows, a web name (`Aktual.com`, `Tuturan id`), a
        // name with a capital inside (`KabarNusa`, `detikNews`), or the parenthesised one; a city is printed in
        // capitals (`JAKARTA`) or is known as a place.
        let lone_name_before_dash =
            c.name("dash").is_some() && c.name("b").is_none() && c.name("c").is_none();
        let is_lead = layout.lead().next() == Some(line.span);
        let city_after = c.name("b").is_some_and(|b| {
            KNOWN_PLACES.contains_key(b.as_str().trim().to_lowercase().as_str())
                && canonical_outlet(b.as_str()).is_none()
        }) && c
            .name("a")
            .is_some_and(|a| !KNOWN_PLACES.contains_key(a.as_str().trim().to_lowercase().as_str()));
        // `Dubai, Kominfo - …`: the name after a known city is the outlet's (a weekday, a month or a country
        // there is part of the date or the place; with a parenthesised credit after it, it is the province:
        // `Labuan Bajo, E Nusa Tenggara (Kupang Online) -`).
        let place_before = c.name("c").is_none()
            && c.name("a").is_some_and(|a| {
                KNOWN_PLACES.contains_key(a.as_str().trim().to_lowercase().as_str())
            })
            && c.name("b").is_some_and(|b| {
                let b = b.as_str().trim();
                let lower = b.to_lowercase();
                !KNOWN_PLACES.contains_key(lower.as_str())
                    && super::dates::weekday_of(b).is_none()
                    && super::dates::month_number(&lower).is_none()
                    && !COUNTRIES
                        .iter()
                        .any(|(_, names)| names.iter().any(|n| *n == lower))
            });
        let outlet_score = |g: &str, s: &str| -> f64 {
            let lower = s.to_lowercase();
            if KNOWN_PLACES.contains_key(lower.as_str()) && canonical_outlet(s).is_none() {
                return -1.0;
            }
            let mut score = 0.0;
            // The outlet's name, or a channel of it (`VIVA Tekno`, `detikInet`).
            let first_word = s.split_whitespace().next().unwrap_or("");
            if canonical_outlet(s).is_some()
                || first_word.len() >= 3
                    && first_word != s
                    && canonical_outlet(first_word).is_some()
            {
                score += 3.0;
            }
            // A truncated headline (`Hari Kedua, Terorisme...`) names nothing.
            if s.ends_with("..") || s.ends_with('…') {
                return -1.0;
            }
            if s.contains('.') || lower.ends_with(" id") || lower.ends_with(" com") {
                score += 2.0;
            }
            // A name that says what it is: `Koran Sulindo`, `Harian Jogja`, `Majalah Tempo`, `Radio Elshinta`.
            if s.contains(' ') && OUTLET_KIND_WORDS.contains(&first_word.to_lowercase().as_str()) {
                score += 2.0;
            }
            // `KABARINDO, JAKARTA -`: the name before a known city is the outlet's.
            if g == "a" && city_after || g == "b" && place_before {
                score += 1.5;
            }
            let inner_capital = s
                .chars()
                .zip(s.chars().skip(1))
                .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
            if inner_capital {
                score += 1.5;
            }
            if g == "c" {
                score += 1.0;
            }
            let all_caps = s
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            // A word in capitals is as often a city (`BANGKOK`) as an outlet, unless it stands in parentheses
            // after the city: the agency's credit (`BANGKOK, November 5 (TNA) -`).
            if all_caps && !s.contains(' ') && score < 3.0 && g != "c" {
                score -= 1.0;
            }
            // `Tinuku - Indonesia and Australia hold …`, `NTMC – Terkait …`: one name before the lead's dash,
            // neither a place, a country nor a weekday, is the outlet that printed it.
            if g == "a" && lone_name_before_dash && is_lead && score <= 0.0 && !s.contains(' ') {
                let country = COUNTRIES
                    .iter()
                    .any(|(_, names)| names.iter().any(|n| *n == lower));
                if !country && super::dates::weekday_of(s).is_none() && s.chars().count() >= 3 {
                    score = 0.5;
                }
            }
            score
        };
        let outlet_part = parts
            .iter()
            .map(|(g, s, sp)| (outlet_score(g, s), s, sp))
            .filter(|(score, _, _)| *score > 0.0)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let outlet = outlet_part.map(|(_, s, sp)| {
            let first_word = s.split_whitespace().next().unwrap_or("");
            let canon = canonical_outlet(s)
                .or_else(|| canonical_outlet(first_word).filter(|_| first_word.len() >= 3));
            (canon.unwrap_or_else(|| s.clone()), *sp)
        });
        let place = parts
            .iter()
            .filter(|(_, s, sp)| Some(*sp) != outlet.as_ref().map(|o| o.1) && !s.is_empty())
            .find_map(|(_, s, sp)| {
                let lower = s.to_lowercase();
                let known = KNOWN_PLACES.contains_key(lower.as_str());
                let all_caps = s
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                // An unknown word in capitals is a city only when longer than an acronym (`VGP` is an outlet).
                let long_enough = s.chars().filter(|c| c.is_alphabetic()).count() >= 5;
                (known
                    || all_caps && long_enough && canonical_outlet(s).is_none() && !s.contains('.'))
                .then(|| (canonical_place(s), *sp))
            });
        if place.is_some() || outlet.is_some() {
            return (place, outlet);
        }
    }
    (None, None)
}

/// The datelines that print the outlet before the city or alone: `LINTAS PUBLIK - JAKARTA, Duta Besar …` (the
/// city a known place in capitals, the outlet the words before it) and `(VOVworld) - Konferensi …` (a lead
/// opened by a parenthesised name and a dash; not a date, a place or a number).
fn outlet_first_dateline(text: &str, head: Span) -> Option<(Option<Located>, Option<Located>)> {
    static RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        crate::extract::regex(r"^\s*(?:date\s+[\d-]{4,10}\s*:?\s*)?(?:(?P<o>[A-Z][\w.’'&]*(?:\s[A-Z][\w.’'&]*){0,3})\s+(?:–|—|-{1,2})\s+(?P<p>[A-Z][A-Z.]+(?:\s[A-Z]+){0,2})\s*,\s*\S|\((?P<paren>[^()\n]{2,30})\)\s*(?:–|—|-{1,2})\s*\S)")
            .ok()
    });
    let c = RE.as_ref()?.captures(head.slice(text))?;
    let at = |m: super::re::Match<'_>| Span::new(head.start + m.start(), head.start + m.end());
    let is_place = |s: &str| KNOWN_PLACES.contains_key(s.trim().to_lowercase().as_str());
    let outlet_name = |s: &str| canonical_outlet(s).unwrap_or_else(|| s.trim().to_string());
    if let Some(m) = c.name("paren") {
        let s = m.as_str().trim();
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        if is_place(s) || letters < 2 || s.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        return Some((None, Some((outlet_name(s), at(m)))));
    }
    let (o, p) = (c.name("o")?, c.name("p")?);
    if !is_place(p.as_str())
        || is_place(o.as_str())
        || super::dates::weekday_of(o.as_str()).is_some()
    {
        return None;
    }
    Some((
        Some((canonical_place(p.as_str()), at(p))),
        Some((outlet_name(o.as_str()), at(o))),
    ))
}

/// The outlet's display name for a printed name or domain, if the outlet table knows it.
pub fn canonical_outlet(s: &str) -> Option<String> {
    let s = without_credit_words(s);
    super::gazetteer::OUTLETS.canonical(s).map(str::to_string)
}

/// An outlet's name without the credit words a byline puts before it (`Laporan Wartawan Tribunnews.com`,
/// `Laporan Koresponden Kompas.com`, `Reporter Antara`).
pub fn without_credit_words(s: &str) -> &str {
    let mut rest = s.trim();
    for w in [
        "laporan",
        "wartawan",
        "koresponden",
        "kontributor",
        "reporter",
        "reportase",
    ] {
        let Some(head) = rest.get(..w.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(w) && rest.get(w.len()..).is_some_and(|r| r.starts_with(' ')) {
            rest = rest.get(w.len()..).unwrap_or("").trim_start();
        }
    }
    rest
}

/// The host of a web address (`https://www.kompas.com/read/…` → `www.kompas.com`), lower case.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    (host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
    .then(|| host.to_ascii_lowercase())
}

/// The registrable domain of a host: `nasional.kompas.com` → `kompas.com`, `news.detik.com` → `detik.com`,
/// `www.bssn.go.id` → `bssn.go.id` (a second-level suffix such as `co.id`, `go.id`, `com.sg` keeps three labels).
pub fn registrable_domain(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    let second_level = n >= 3
        && labels.get(n - 2).is_some_and(|l| {
            matches!(
                *l,
                "co" | "go"
                    | "or"
                    | "ac"
                    | "web"
                    | "my"
                    | "sch"
                    | "mil"
                    | "net"
                    | "com"
                    | "gov"
                    | "org"
                    | "edu"
            )
        })
        && labels.get(n - 1).is_some_and(|l| l.len() == 2);
    let keep = if second_level { 3 } else { 2 };
    labels
        .get(n.saturating_sub(keep)..)
        .unwrap_or_default()
        .join(".")
}

/// The outlet a record's address names: the display name the outlet table gives its domain, else the domain.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let host = url_host(url)?;
    canonical_outlet(&host).or_else(|| Some(registrable_domain(&host)))
}

/// The outlet of an article, with the span it was read from.
pub fn find_outlet(
    text: &str,
    layout: &Layout,
    meta_outlet: Option<&str>,
) -> Option<(String, Option<Span>)> {
    find_outlet_with(
        text,
        layout,
        meta_outlet,
        &std::cell::OnceCell::new(),
        &|| false,
    )
}

/// The page's [`dateline`], read once when first asked for (by the outlet or the location).
pub type DatelineCell = std::cell::OnceCell<(Option<Located>, Option<Located>)>;

/// [`find_outlet`] with the page's dateline read at most once into `dl`. In order: the dateline; a byline or
/// credit (`Name | CNN Indonesia`, `Reporter: Antara`, `Copyright © ANTARA 2018`, a line that is only an
/// outlet's name); a known outlet's domain in the page's furniture (not one the text cites as its source:
/// `dikutip polkam.go.id`). An agency's credit (`Ant/I-1`) names where the story came from, not the outlet
/// that printed it, and is not taken. `stop` is asked every [`STOP_EVERY`] lines or matches: `None` once it says
/// `true`.
pub fn find_outlet_with(
    text: &str,
    layout: &Layout,
    meta_outlet: Option<&str>,
    dl: &DatelineCell,
    stop: &dyn Fn() -> bool,
) -> Option<(String, Option<Span>)> {
    if let Some(m) = meta_outlet {
        return Some((canonical_outlet(m).unwrap_or_else(|| m.to_string()), None));
    }
    // 1. The dateline names it.
    let (_, dl_outlet) = dl.get_or_init(|| dateline(text, layout));
    if let Some((s, span)) = dl_outlet.clone() {
        // `(Vientiane Times/ANN)`: the paper that printed it, and the network that shares its stories.
        let name = canonical_outlet(&s)
            .or_else(|| s.split('/').find_map(|part| canonical_outlet(part.trim())))
            .unwrap_or_else(|| without_credit_words(&s).to_string());
        if !is_generic_outlet_word(&name) {
            return Some((name, Some(span)));
        }
    }
    // 2. A byline or credit line: "Name | CNN Indonesia", "Name - detikNews", "Mi’raj News Agency (MINA)".
    static CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
        crate::extract::regex(r"(?im)(?:\|\s*|\s-\s)(?P<o>[A-Za-z][\w. ]{2,30})\s*$|^(?P<agency>[A-Z][\w’' ]+News Agency)\s*\((?P<abbr>[A-Z]+)\)|^sumber\s*:\s*(?P<src>[\w.-]{3,40})\s*$").ok()
    });
    if let Some(re) = CREDIT.as_ref() {
        for (k, c) in re.captures_iter(text).enumerate() {
            if k % STOP_EVERY == 0 && stop() {
                return None;
            }
            let Some(m) = c
                .name("abbr")
                .or_else(|| c.name("src"))
                .or_else(|| c.name("o"))
            else {
                continue;
            };
            let s = m.as_str().trim();
            if layout.kind_at_offset(m.start()) == LineKind::Chrome && c.name("src").is_none() {
                continue;
            }
            if let Some(canon) = canonical_outlet(s) {
                return Some((canon, Some(Span::new(m.start(), m.end()))));
            }
            if c.name("src").is_some() || c.name("abbr").is_some() || page_title_suffix(text, &c) {
                return Some((s.to_string(), Some(Span::new(m.start(), m.end()))));
            }
        }
    }
    // The newsroom's closing credit (`… lanjutnya. (tan/JPNN)`): the writer's initials and the outlet, at a
    // paragraph's end near the foot. A wire agency there (`(Ant/I-1)`) is where the story came from, not who
    // printed it.
    static CLOSING: LazyLock<Option<Regex>> = LazyLock::new(|| {
        crate::extract::regex(
            r"(?m)\(\s*[A-Za-z]{2,5}(?:\s*[/,]\s*[A-Za-z]{2,5})?\s*/\s*(?P<o>[A-Za-z][A-Za-z0-9.]{1,24})\s*\)\s*$",
        )
        .ok()
    });
    let foot = text.len().saturating_sub(OUTLET_FOOT_BYTES);
    let mut foot_start = foot;
    while !text.is_char_boundary(foot_start) {
        foot_start += 1;
    }
    if let Some(re) = CLOSING.as_ref() {
        let tail = text.get(foot_start..).unwrap_or("");
        for c in re.captures_iter(tail) {
            let Some(m) = c.name("o") else { continue };
            let table = &*super::gazetteer::OUTLETS;
            if let Some(canon) = table.canonical(m.as_str())
                && table.kind(m.as_str()) != Some("agency")
            {
                let at = foot_start + m.start();
                return Some((
                    canon.to_string(),
                    Some(Span::new(at, at + m.as_str().len())),
                ));
            }
        }
    }
    // Pages name their outlet in their head and foot (dateline, byline, credits, footer): only lines there are
    // read, so the work is bounded however long the article.
    let head_or_foot = |l: &&super::layout::Line| {
        l.span.start < OUTLET_HEAD_BYTES || l.span.end + OUTLET_FOOT_BYTES > text.len()
    };
    // A line that is a credit (`Reporter: Antara`, `Copyright © ANTARA 2018`, `Oleh: Tempo.co`) or only an
    // outlet's name (`The Jakarta Post` under the headline), outside the body's sentences.
    for (k, line) in layout.lines.iter().filter(head_or_foot).enumerate() {
        if k % STOP_EVERY == 0 && stop() {
            return None;
        }
        if line.kind == LineKind::Blank
            || line.kind == LineKind::Body && more_words(line.span.slice(text), 8)
        {
            continue;
        }
        if let Some((name, span)) = credit_line(text, line.span) {
            return Some((name, Some(span)));
        }
    }
    // A known outlet the text says it spoke to (`told The Jakarta Post`, `kata dia kepada Kompas.com`,
    // `saat dihubungi KedaiPena.com`), or that the page's furniture names (`Mau berita terbaru dari Warta
    // Ekonomi?`, `… on The Jakarta Post`).
    for (k, line) in layout.lines.iter().filter(head_or_foot).enumerate() {
        if k % STOP_EVERY == 0 && stop() {
            return None;
        }
        let furniture = matches!(line.kind, LineKind::Chrome | LineKind::Header)
            || !more_words(line.span.slice(text), 12);
        if line.kind == LineKind::Blank {
            continue;
        }
        if let Some(found) = outlet_in_line(text, line.span, furniture) {
            return Some((found.0, Some(found.1)));
        }
    }
    // 3. A known outlet's domain on the page (footers carry the site's domain), unless the text cites it.
    static DOMAIN: LazyLock<Option<Regex>> = LazyLock::new(|| {
        crate::extract::regex(r"(?i)\b(?:[a-z0-9-]+\.)+(?:com|co\.id|id|net|org|go\.id)\b").ok()
    });
    // Whether any of `.com`, `.co.`, `.id`, `.net`, `.org` occurs: one scan from dot to dot.
    let bytes = text.as_bytes();
    let has_domain = memchr::memchr_iter(b'.', bytes).any(|i| {
        let rest = bytes.get(i + 1..).unwrap_or_default();
        [&b"com"[..], b"co.", b"id", b"net", b"org"]
            .iter()
            .any(|d| rest.starts_with(d))
    });
    if let Some(re) = DOMAIN.as_ref().filter(|_| has_domain) {
        for (k, m) in re.find_iter(text).enumerate() {
            if k % STOP_EVERY == 0 && stop() {
                return None;
            }
            let before = window_before(text, m.start(), 40).to_lowercase();
            let cited = CITING_WORDS.iter().any(|w| before.contains(w));
            if cited {
                continue;
            }
            if let Some(canon) = canonical_outlet(m.as_str()) {
                return Some((canon, Some(Span::new(m.start(), m.end()))));
            }
        }
    }
    None
}

/// Whether a credit match (`… ASEAN - Liputan Tulungagung`) ends the page's title: the words before it are the
/// headline, printed again on a line of its own, and the name after it is one to four capitalised words. The site's
/// name then, whether the outlet table knows it or not (`<title>Headline - Site</title>`).
fn page_title_suffix(text: &str, c: &super::re::Captures<'_>) -> bool {
    let (Some(whole), Some(name)) = (c.get(0), c.name("o")) else {
        return false;
    };
    let words: Vec<&str> = name.as_str().split_whitespace().collect();
    // The separator within the title's line (not a list's dash at a line's start).
    if whole.as_str().contains('\n')
        || words.is_empty()
        || words.len() > 4
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let line_start = text
        .get(..whole.start())
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let headline = text.get(line_start..whole.start()).unwrap_or("").trim();
    headline.split_whitespace().count() >= 4
        && text
            .lines()
            .filter(|l| l.trim() == headline)
            .take(1)
            .count()
            == 1
}

/// Words that open an outlet's name and say it is one (`Koran Sulindo`, `Harian Kompas`, `Radio Republik
/// Indonesia`).
const OUTLET_KIND_WORDS: &[&str] = &[
    "koran",
    "harian",
    "tabloid",
    "majalah",
    "radio",
    "televisi",
    "tv",
    "portal",
    "kantor berita",
    "surat kabar",
];

/// How far into the text (bytes) the lines that may name the outlet are read: far beyond any real article's
/// head (a long news article is some 10 KB).
const OUTLET_HEAD_BYTES: usize = 32 * 1024;
/// How far from the end of the text the lines that may name the outlet (a footer, a copyright) are read.
const OUTLET_FOOT_BYTES: usize = 8 * 1024;

/// Words before a name or domain that cite it as the source of a statement or a story, not as the outlet that
/// prints the page.
const CITING_WORDS: &[&str] = &[
    "dikutip",
    "mengutip",
    "kutip",
    "dilansir",
    "melansir",
    "lansir",
    "laman",
    "situs",
    "website",
    "quoted",
    "according to",
    "reported by",
    "via ",
    "selengkapnya",
    "more at",
    "read more",
];

/// Words after which a name is the outlet that interviewed the speaker.
const TOLD_WORDS: &[&str] = &[
    "told",
    "speaking to",
    "berbincang dengan",
    "berbicara dengan",
    "ditemui",
    "kepada",
    "dihubungi",
    "dihubungi oleh",
    "interview with",
    // `rilis yang diterima SINDOnews`: the newsroom that received the statement prints it.
    "diterima",
    "received by",
    "wawancara dengan",
    // The writer's own outlet (`As I reported for The Diplomat`).
    "reported for",
    "writing for",
    "wrote for",
    "written for",
    "menulis untuk",
];

/// A known outlet named in one line: after [`TOLD_WORDS`], or anywhere in a furniture line (`furniture`).
/// Outlet names of up to four words are looked up word by word (no scan of the whole outlet table).
fn outlet_in_line(text: &str, span: Span, furniture: bool) -> Option<(String, Span)> {
    let line = span.slice(text);
    // Words with their byte ranges in the line.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                words.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        words.push((st, line.len()));
    }
    let word = |k: usize| {
        words
            .get(k)
            .and_then(|&(a, b)| line.get(a..b))
            .unwrap_or("")
    };
    for k in 0..words.len() {
        let told = k > 0 && {
            let prev = word(k - 1).to_lowercase();
            let prev2 = if k > 1 {
                format!("{} {prev}", word(k - 2).to_lowercase())
            } else {
                String::new()
            };
            TOLD_WORDS.contains(&prev.as_str()) || TOLD_WORDS.contains(&prev2.as_str())
        };
        if !(told || furniture) {
            continue;
        }
        // The longest name starting here (up to four words; `The` may start one).
        for n in (1..=4).rev() {
            let (Some(&(a, _)), Some(&(_, b))) = (words.get(k), words.get(k + n - 1)) else {
                continue;
            };
            let Some(candidate) = line.get(a..b) else {
                continue;
            };
            let candidate = candidate.trim_end_matches('.');
            // In furniture, a name of two words or a web name (`Warta Ekonomi`, `Kompas.com`): one word
            // there is as often the subject of a caption. A ministry's or agency's portal is what the news is
            // about, never found this way.
            if !told && n == 1 && !candidate.contains('.') {
                continue;
            }
            if super::gazetteer::OUTLETS.kind(candidate) == Some("government") {
                continue;
            }
            // A photo credit (`ANTARA FOTO/Hafidz Mubarak A`, `Foto: Republika/…`) names the photo's source.
            let after = line.get(a + candidate.len()..).unwrap_or("");
            let lower = candidate.to_lowercase();
            if after.starts_with('/') || lower.contains("foto") || lower.contains("photo") {
                continue;
            }
            if let Some(canon) = canonical_outlet(candidate) {
                return Some((
                    canon,
                    Span::new(span.start + a, span.start + a + candidate.len()),
                ));
            }
        }
    }
    None
}

/// Whether a name is a bare word of the trade, not an outlet's name (`News, JAKARTA -` on a page that copied a
/// report and cut the site's name out of it).
fn is_generic_outlet_word(name: &str) -> bool {
    matches!(
        name.trim().to_lowercase().as_str(),
        "news"
            | "berita"
            | "media"
            | "online"
            | "portal"
            | "redaksi"
            | "admin"
            | "web"
            | "situs"
            | "site"
            // A picture's label before its caption (`FILE - A person uses …`, `Ilustrasi -`).
            | "file"
            | "foto"
            | "photo"
            | "ilustrasi"
            | "illustration"
    )
}

/// Whether `s` has more than `n` words.
fn more_words(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_some()
}

/// The outlet a credit line names: `Reporter: Antara`, `Editor: X | Sumber: ANTARA`, `Copyright © ANTARA 2018`,
/// `© 2019 Kompas.com`, `Oleh: Tempo.co`, or a line that is only an outlet's name (`The Jakarta Post`). Only an
/// outlet the table knows: these lines also carry people's names.
fn credit_line(text: &str, span: Span) -> Option<(String, Span)> {
    let line = span.slice(text);
    // A bullet before a byline (`• Kyodo`) is no part of it.
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '|'));
    let lead = line.len() - t.len();
    let t = t.trim();
    // A copyright notice ends at its reservation (`Copyright © 2013 CNCERT/CC.All rights reserved.京ICP备…`).
    let t = ["all rights reserved", "hak cipta dilindungi"]
        .iter()
        .find_map(|r| {
            let at = t.to_lowercase().find(r)?;
            t.get(..at)
        })
        .unwrap_or(t)
        .trim_end();
    if t.is_empty() || more_words(t, 8) {
        return None;
    }
    // A site's logo text alone on its line (`nationthailand`): its domain's first label.
    if let Some(name) = super::gazetteer::OUTLETS.by_domain_stem(t) {
        return Some((
            name.to_string(),
            Span::new(span.start + lead, span.start + lead + t.len()),
        ));
    }
    if let Some((name, at)) = masthead_name(t) {
        let start = span.start + lead + at;
        return Some((
            canonical_outlet(name).unwrap_or_else(|| display_name(name)),
            Span::new(start, start + name.len()),
        ));
    }
    // A picture's credit to the outlet's own photographer (`VIVA/Nur Faishal`, `Liputan6.com/ Angga Yuniar`): a
    // known outlet that is no wire agency (whose pictures every paper prints), a slash, a name of capitalised words.
    if let Some((o, who)) = t.split_once('/') {
        let table = &*super::gazetteer::OUTLETS;
        let who: Vec<&str> = who.split_whitespace().collect();
        if (1..=4).contains(&who.len())
            && who
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && table.kind(o.trim()).is_some_and(|k| k != "agency")
            && let Some(canon) = table.canonical(o.trim())
        {
            let start = span.start + lead;
            return Some((canon.to_string(), Span::new(start, start + o.len())));
        }
    }
    // The page's first line, alone above a blank line: two to four capitalised words ending in a word that names a
    // paper (`Selangor Journal`, `Borneo Bulletin`, `Manila Times`) are its masthead.
    let first_line = text.get(..span.start).is_some_and(|b| b.trim().is_empty());
    let blank_after = text.get(span.end..).is_some_and(|rest| {
        rest.trim_start_matches([' ', '\t', '\r'])
            .starts_with("\n\n")
            || rest.starts_with("\n\n")
    });
    if first_line && blank_after && is_paper_name(t) {
        let start = span.start + lead;
        return Some((
            canonical_outlet(t).unwrap_or_else(|| t.to_string()),
            Span::new(start, start + t.len()),
        ));
    }
    const PREFIXES: &[&str] = &[
        "copyright",
        "hak cipta",
        "reporter",
        "penulis",
        "editor",
        "sumber",
        "source",
        "oleh",
        "by",
        "laporan wartawan",
        "laporan reporter",
        "©",
        "(c)",
    ];
    let mut rest = t;
    let mut rest_start = lead;
    let mut copyright = false;
    loop {
        let l = rest.to_lowercase();
        let Some(p) = PREFIXES.iter().find(|p| l.starts_with(*p)) else {
            break;
        };
        copyright |= matches!(*p, "copyright" | "hak cipta" | "©" | "(c)");
        let cut = rest.get(p.len()..).unwrap_or("");
        let trimmed =
            cut.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '©' | '-'));
        rest_start += rest.len() - trimmed.len();
        rest = trimmed;
    }
    // A year around the name (`© 2019 Kompas.com`, `ANTARA 2018`).
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '|' || c == ',')
        .filter(|w| !(w.is_empty() || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())))
        .collect();
    let name = words.join(" ");
    // The holder a copyright notice names is the site's publisher, known to the outlet table or not
    // (`Copyright © 2013 CNCERT/CC.`, `Hak cipta milik Rossiyskaya Gazeta.`): a name of one to five words that
    // begins with a capital or a digit.
    let holder = || {
        let n = name
            .trim_start_matches("milik ")
            .trim_start_matches("by ")
            .trim_end_matches(['.', ',', ' ']);
        let words = n.split_whitespace().count();
        (copyright
            && (1..=5).contains(&words)
            && n.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && n.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .then(|| n.to_string())
    };
    let canon = canonical_outlet(&name)
        .or_else(|| {
            // `Editor: Budi | Sumber: ANTARA`: the last piece after a separator.
            let last = rest.rsplit(['|', ':']).next()?.trim();
            (last.len() < rest.len())
                .then(|| canonical_outlet(last))
                .flatten()
        })
        .or_else(holder)?;
    Some((
        canon,
        Span::new(span.start + rest_start, span.start + lead + t.len()),
    ))
}

/// The site's name in what a scraper keeps of its masthead: a logo's alternative text (`Site icon Malaysia now`
/// on WordPress sites, `defence connect logo`) or a house byline (`Saudi Gazette report`, `Bernama report`). Only a
/// name of one to four words, the byline's capitalised and not a kind of report (`Special report`). Returns the
/// name and its offset in `t`.
fn masthead_name(t: &str) -> Option<(&str, usize)> {
    let lower = t.to_ascii_lowercase();
    let (name, at, byline) = if lower.starts_with("site icon ") {
        (t.get(10..)?, 10, false)
    } else if lower.ends_with(" logo") {
        (t.get(..t.len() - 5)?, 0, false)
    } else if lower.ends_with(" report") {
        (t.get(..t.len() - 7)?, 0, true)
    } else {
        return None;
    };
    let name = name.trim();
    let at = at + t.get(at..)?.find(name)?;
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || name.chars().filter(|c| c.is_alphabetic()).count() < 3
    {
        return None;
    }
    const REPORT_KINDS: &[&str] = &[
        "special",
        "staff",
        "press",
        "annual",
        "final",
        "progress",
        "field",
        "country",
        "news",
        "media",
        "full",
        "our",
        "a",
        "the",
        "weekly",
        "daily",
        "monthly",
        "situation",
        "status",
        "laporan",
    ];
    if byline
        && (words.iter().any(|w| !w.starts_with(|c: char| c.is_uppercase()))
            || words
                .first()
                .is_some_and(|w| REPORT_KINDS.contains(&w.to_lowercase().as_str()))
            // One word (`Event report`) is the outlet's only when the outlet table knows it (`Bernama report`).
            || words.len() == 1 && canonical_outlet(name).is_none())
    {
        return None;
    }
    // `Download logo`, `Click to view the report`: a button's or a sentence's words, not a name (`The` may open
    // one: `The Star logo`).
    if words.iter().enumerate().any(|(k, w)| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "read" | "download" | "view" | "see" | "click" | "our" | "of" | "to"
        ) || k > 0 && matches!(w.as_str(), "the" | "and")
    }) {
        return None;
    }
    Some((name, at))
}

/// Whether `t` is a paper's name by its make: two to four capitalised words, the last a word that names a paper
/// (`Journal`, `Times`, `Post`, `Herald`, `Bulletin`, …).
fn is_paper_name(t: &str) -> bool {
    const PAPER_WORDS: &[&str] = &[
        "journal",
        "times",
        "post",
        "herald",
        "tribune",
        "gazette",
        "chronicle",
        "bulletin",
        "observer",
        "inquirer",
        "globe",
        "express",
        "mail",
        "star",
        "monitor",
        "insider",
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words
            .last()
            .is_some_and(|w| PAPER_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A name printed all in lower case (`defence connect`) in title case; any other as printed.
fn display_name(name: &str) -> String {
    if name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word of up to eight ASCII letters packed into an integer (lower case), for quick comparison.
const fn word_key(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut rest = w;
    while let Some((b, tail)) = rest.split_first() {
        k = (k << 8) | b.to_ascii_lowercase() as u64;
        rest = tail;
    }
    k
}

const ID_WORDS: [u64; 12] = [
    word_key(b"yang"),
    word_key(b"dan"),
    word_key(b"di"),
    word_key(b"dengan"),
    word_key(b"untuk"),
    word_key(b"dalam"),
    word_key(b"ini"),
    word_key(b"itu"),
    word_key(b"tidak"),
    word_key(b"akan"),
    word_key(b"pada"),
    word_key(b"kerja"),
];
const EN_WORDS: [u64; 12] = [
    word_key(b"the"),
    word_key(b"and"),
    word_key(b"of"),
    word_key(b"to"),
    word_key(b"in"),
    word_key(b"is"),
    word_key(b"that"),
    word_key(b"for"),
    word_key(b"with"),
    word_key(b"on"),
    word_key(b"said"),
    word_key(b"was"),
];

/// `id` or `en`, by counting common function words among the first 300 words.
pub fn detect_language(text: &str) -> String {
    let mut id = 0;
    let mut en = 0;
    for w in text
        .as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty())
        .take(300)
    {
        // Trim what is not an ASCII letter (quotes, punctuation, any non-ASCII character), then `'s`.
        let Some(first) = w.iter().position(u8::is_ascii_alphabetic) else {
            continue;
        };
        let last = w.iter().rposition(u8::is_ascii_alphabetic).unwrap_or(first);
        let w = w.get(first..=last).unwrap_or_default();
        let w = w
            .strip_suffix("’s".as_bytes())
            .or_else(|| w.strip_suffix(b"'s"))
            .unwrap_or(w);
        if w.len() > 6 || w.is_empty() || !w.iter().all(u8::is_ascii_alphabetic) {
            continue;
        }
        let k = word_key(w);
        if ID_WORDS.contains(&k) {
            id += 1;
        } else if EN_WORDS.contains(&k) {
            en += 1;
        }
    }
    if en > id { "en".into() } else { "id".into() }
}

/// Whether the words right before a place phrase say it is a city (`port city of Trieste`, `di kota Makassar`):
/// then it is a place whether or not the place table knows it.
pub fn named_as_city(text: &str, span: Span) -> bool {
    let before = window_before(text, span.start, 12).trim_end();
    before.ends_with("city of") || before.ends_with(" kota") || before == "kota"
}

/// Words of receiving someone (`received`, `menyambut`, `a reception for`) or calling on them (`kunjungan`),
/// which before a delegation's word name a call or a reception.
const RECEIVING_WORDS: &[&str] = &[
    "received",
    "receives",
    "receiving",
    "welcomed",
    "welcomes",
    "welcoming",
    "reception",
    "menerima",
    "diterima",
    "menyambut",
    "disambut",
    "kunjungan",
    "resepsi",
    "jamuan",
];

/// A delegation's words.
const DELEGATION_WORDS: &[&str] = &["delegates", "delegation", "delegations", "delegasi"];

/// Whether `s` (a headline and lead) reports delegations received by someone or calling on them (`PM Phuc
/// welcomed all delegates`, `kunjungan resmi para Ketua Delegasi … kepada Perdana Menteri`): when they came for
/// a meeting, an event of its own beside it.
pub fn delegations_received_in(s: &str) -> bool {
    let s = s.to_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        RECEIVING_WORDS.contains(w)
            && words
                .iter()
                .skip(i + 1)
                .take(5)
                .any(|n| DELEGATION_WORDS.contains(n))
    })
}

/// Whether the words around `span` say the meeting was held online.
pub fn online_near(text: &str, span: Span) -> bool {
    online_in(&format!(
        "{} {} {}",
        window_before(text, span.start, 160),
        span.slice(text),
        window_after(text, span.end, 80)
    ))
}

/// Whether `s` says a meeting was held online (and not in a room as well: a hybrid meeting has a place).
pub fn online_in(s: &str) -> bool {
    let s = s.to_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let worded = words.iter().enumerate().any(|(i, w)| {
        let before = |j: usize| i.checked_sub(j).and_then(|k| words.get(k));
        // `secara daring` is how a meeting was held (`rapat digelar secara daring`, `menghadiri … secara
        // virtual`) or how goods are sold (`jual beli barang secara online`): a meeting's or attending word
        // shortly before says which.
        let held_that_way = before(1).is_some_and(|p| *p == "secara")
            && (2..=12).filter_map(before).any(|p| {
                HELD_WORDS.contains(p)
                    || ATTENDED_WORDS.contains(p)
                    || super::lexicon::MEETING_WORDS.contains(p)
            });
        matches!(*w, "online" | "virtual" | "daring")
            && (words.get(i + 1).is_some_and(|n| {
                super::lexicon::MEETING_WORDS.contains(n) || ONLINE_MEETING_EXTRA.contains(n)
            }) || before(1).is_some_and(|p| HELD_WORDS.contains(p))
                || held_that_way)
    });
    (worded || ONLINE_WORDS.iter().any(|w| s.contains(w)))
        && !HYBRID_WORDS.iter().any(|w| s.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delegations_received_by_a_host_are_told_from_the_meeting_they_came_for() {
        for call in [
            "PM Phuc welcomed all delegates to Vietnam to attend the conference.",
            "saat kunjungan resmi para Ketua Delegasi negara anggota kepada Perdana Menteri",
            "The Minister received the heads of delegation to the meeting at the palace.",
        ] {
            assert!(delegations_received_in(call), "{call}");
        }
        for meeting in [
            "The ministers met in Hanoi and signed a joint statement on cyber security.",
            "Indonesia mengirim delegasi ke pertemuan ASEAN di Bangkok.",
            "Menteri Johnny menerima penghargaan dari ITU di Jenewa.",
            "Russian Evening Reception at the plenipotentiary conference in Dubai",
            "Menteri menerima kunjungan kehormatan Sekretaris Jenderal ITU di Jakarta.",
        ] {
            assert!(!delegations_received_in(meeting), "{meeting}");
        }
    }

    fn outlet_of(text: &str) -> Option<String> {
        find_outlet(text, &Layout::of(text), None).map(|(name, _)| name)
    }

    #[test]
    fn a_mastheads_logo_text_or_house_byline_names_the_outlet() {
        let body = "\n\nMalaysia, Australia to work closely on cybersecurity\n\nKUALA LUMPUR, Nov 6 — The \
                    ministers met on Saturday and discussed the importance of cooperation in cybersecurity.\n";
        assert_eq!(
            outlet_of(&format!("Site icon Harian Pagi{body}")).as_deref(),
            Some("Harian Pagi")
        );
        assert_eq!(
            outlet_of(&format!("pagi daily logo{body}")).as_deref(),
            Some("Pagi Daily")
        );
        assert_eq!(
            outlet_of(&format!("Gulf Morning Herald report{body}")).as_deref(),
            Some("Gulf Morning Herald")
        );
        // A kind of report, or one unknown word, names no outlet.
        for line in [
            "Event report",
            "Special report",
            "Annual Report",
            "Read the report",
        ] {
            assert_eq!(outlet_of(&format!("{line}{body}")), None, "{line}");
        }
    }

    #[test]
    fn a_credit_dateline_after_the_pages_date_or_alone_after_a_known_city() {
        let lead = "Philippine President Ferdinand Marcos Jr. has secured several agreements in Singapore.\n";
        assert_eq!(
            outlet_of(&format!(" date 2022-09-08 (Pagi News) – {lead}")).as_deref(),
            Some("Pagi News")
        );
        assert_eq!(
            outlet_of(&format!("Badung (Warta Pagi) \n\n \n\n{lead}")).as_deref(),
            Some("Warta Pagi")
        );
        // A line that is a name and a parenthesis, with no place before it, is no dateline.
        assert_eq!(outlet_of(&format!("Menteri (Pagi)\n\n{lead}")), None);
    }

    #[test]
    fn a_bylines_credit_words_are_no_part_of_the_outlet() {
        assert_eq!(
            without_credit_words("Laporan Wartawan Tribunnews.com"),
            "Tribunnews.com"
        );
        assert_eq!(
            without_credit_words("Laporan Koresponden Kompas.com"),
            "Kompas.com"
        );
        assert_eq!(without_credit_words("Reporter Antara"), "Antara");
        assert_eq!(without_credit_words("Laporanku"), "Laporanku");
        assert_eq!(
            canonical_outlet("Laporan Wartawan Tribunnews.com").as_deref(),
            Some("Tribunnews.com")
        );
    }

    #[test]
    fn a_papers_dateline_that_names_its_network_too_is_the_paper() {
        let t = "Laos pledges cyber cooperation\n\nVIENTIANE (Vientiane Times/ANN) - Laos will work with its \
                 neighbours on cyber security, the minister told a regional meeting in the capital on Monday.\n";
        assert_eq!(
            find_outlet(t, &Layout::of(t), None)
                .map(|(o, _)| o)
                .as_deref(),
            Some("Vientiane Times")
        );
    }

    #[test]
    fn a_pictures_credit_to_an_outlets_own_photographer_names_it_but_a_wire_agencys_does_not() {
        let outlet = |t: &str| find_outlet(t, &Layout::of(t), None).map(|(o, _)| o);
        let page = |credit: &str| {
            format!(
                "Menteri bahas kerja sama siber\n\nFoto bersama\n  • {credit}\n\nJakarta – Menteri Koordinator \
                 Budi Santoso menyebut bahwa ASEAN harus sigap menangani tantangan keamanan siber di kawasan.\n"
            )
        };
        assert_eq!(outlet(&page("VIVA/Nur Faishal")).as_deref(), Some("VIVA"));
        assert_eq!(outlet(&page("Antara/Budi Santoso")), None);
        assert_eq!(outlet(&page("VIVA/kiriman warga")), None);
        // An archive picture's label is no outlet.
        let t = "Cyber law\n\nFILE - A person uses a smartphone at a restaurant in central Phnom Penh, Cambodia.\n\n\
                 The government says the new law will protect users from online fraud and abuse.\n";
        assert_eq!(outlet(t), None);
    }

    #[test]
    fn a_papers_name_alone_on_the_pages_first_line_is_its_masthead() {
        let outlet = |t: &str| find_outlet(t, &Layout::of(t), None).map(|(o, _)| o);
        let rest = "\n\nDigital ministers to focus on recovery\n\nKUALA LUMPUR, Dec 29 — The ministers will meet \
                    next month to discuss the region's digital economy and the security of its networks.\n";
        assert_eq!(
            outlet(&format!("Pahang Journal{rest}")).as_deref(),
            Some("Pahang Journal")
        );
        assert_eq!(
            outlet(&format!("Sabah Evening Bulletin{rest}")).as_deref(),
            Some("Sabah Evening Bulletin")
        );
        // Not a paper's word, one word only, or not the first line: no outlet.
        for head in [
            "Latest Updates",
            "Journal",
            "Menu\n\nPahang Journal",
            "Pahang journal",
        ] {
            assert_eq!(outlet(&format!("{head}{rest}")), None, "{head}");
        }
    }

    #[test]
    fn a_pages_title_ending_in_a_sites_name_names_the_outlet_when_the_headline_is_printed_again() {
        let outlet = |t: &str| find_outlet(t, &Layout::of(t), None).map(|(o, _)| o);
        let head = "Indonesia dan Vietnam Sepakati Kerja Sama Ruang Digital";
        let body = "Menteri bertemu mitra dari negara tetangga untuk membahas kerja sama keamanan siber \
                    dan perlindungan data pribadi warga kedua negara.\n";
        assert_eq!(
            outlet(&format!(
                "{head} - Kabar Pesisir Utara\nLoading...\n\n{head}\n\n{body}"
            ))
            .as_deref(),
            Some("Kabar Pesisir Utara")
        );
        // Not printed again (a headline with a dash in it), a lower-case tail, or a list's dash: no outlet.
        assert_eq!(
            outlet(&format!("{head} - Kabar Pesisir Utara\n\n{body}")),
            None
        );
        assert_eq!(
            outlet(&format!("{head} - kata menteri\n\n{head}\n\n{body}")),
            None
        );
        assert_eq!(
            outlet(&format!(
                "- Beranda\n- Siaran Pers\n- {head}\n{head}\n\n{body}"
            )),
            None
        );
    }

    #[test]
    fn a_closing_credit_names_the_outlet_unless_it_is_a_wire_agency() {
        let outlet = |t: &str| find_outlet(t, &Layout::of(t), None).map(|(o, _)| o);
        let body = "Menteri bertemu mitra dari negara tetangga untuk membahas kerja sama keamanan siber \
                    dan perlindungan data pribadi warga kedua negara.\n";
        assert_eq!(
            outlet(&format!(
                "Kerja sama siber\n\n{body}Pertemuan berlangsung hangat. (tan/JPNN)\n"
            ))
            .as_deref(),
            Some("JPNN.com")
        );
        assert_eq!(
            outlet(&format!(
                "Kerja sama siber\n\n{body}Pertemuan berlangsung hangat. (Ant/Antara)\n"
            )),
            None
        );
    }

    #[test]
    fn secara_daring_is_a_meeting_held_online_only_beside_a_meetings_words() {
        assert!(online_in(
            "Rapat koordinasi itu digelar secara daring dari kantor kementerian."
        ));
        assert!(online_in(
            "Menteri menyampaikan sambutan secara virtual kepada peserta."
        ));
        assert!(online_in(
            "Diskusi bertema Keamanan Data di Era Baru bagi Semua Warga secara online."
        ));
        assert!(!online_in(
            "Presiden mengatakan peningkatan jual beli barang secara online harus diimbangi."
        ));
        assert!(!online_in("Warga kini membayar pajak secara daring."));
    }

    #[test]
    fn online_meetings_are_told_by_their_words() {
        for online in [
            "delivered a speech at the UN Security Council's online open discussion",
            "forum the 2nd ASEAN Digital Ministers Meeting yang berlangsung virtual dari Jakarta",
            "led the delegates at the online meeting at the Ministry",
            "Pertemuan digelar secara daring.",
        ] {
            assert!(online_in(online), "{online}");
        }
        for not_online in [
            "welcome all of you who are here physically, and those who join us virtually",
            "the first meeting held physically, as the first two editions were held online",
            "penipuan online meningkat",
            "The virtual currency market",
        ] {
            assert!(!online_in(not_online), "{not_online}");
        }
    }

    #[test]
    fn country_keys_are_lower_case_with_single_spaces() {
        for s in [
            "Korea  Selatan",
            " Amerika\tSerikat ",
            "INDONESIA",
            "Timor\u{a0}Leste",
            "Côte d’Ivoire",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        ] {
            let mut buf = [0u8; 48];
            let slow = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            assert_eq!(spaced_lower_key(s, &mut buf), slow, "{s:?}");
        }
    }

    #[test]
    fn language_by_function_words() {
        assert_eq!(
            detect_language("“Kami sepakat,” kata dia di Jakarta, dan itu akan dibahas."),
            "id"
        );
        assert_eq!(
            detect_language("“That’s the plan,” she said of the talks in Jakarta."),
            "en"
        );
        assert_eq!(detect_language(""), "id");
    }

    #[test]
    fn places_after_prepositions() {
        let t = "pertemuan dengan di Badung, Bali, pada Kamis (24/8/2023).";
        let p = place_phrases(t, Span::new(0, t.len()));
        assert_eq!(p[0].0, "Badung, Bali");
        // The name the words for a city introduce, whether the place table knows it or not.
        let t = "hosted the talks in the northeastern port city of Trieste.";
        assert_eq!(place_phrases(t, Span::new(0, t.len()))[0].0, "Trieste");
        let t = "forum itu digelar di kota Pare Pare, Sulawesi Selatan.";
        assert_eq!(place_phrases(t, Span::new(0, t.len()))[0].0, "Pare Pare");
        let t = "konferensi pers di Gedung Nusantara Kemenlu RI, Jakarta Pusat, Jumat (5/5/2023).";
        assert_eq!(
            place_phrases(t, Span::new(0, t.len()))[0].0,
            "Gedung Nusantara Kemenlu RI, Jakarta Pusat"
        );
        let t = "Meeting in Vientiane, Laos said that";
        assert_eq!(
            place_phrases(t, Span::new(0, t.len()))[0].0,
            "Vientiane, Laos"
        );
        // An apposition after the comma is not part of the place; a venue beginning with `The` is a place.
        let first = |t: &str| {
            place_phrases(t, Span::new(0, t.len()))
                .first()
                .map(|p| p.0.clone())
        };
        assert_eq!(
            first(
                "the Representative to the United Nations in New York, Dian Triansyah Djani said"
            )
            .as_deref(),
            Some("New York")
        );
        assert_eq!(
            first("dalam jumpa pers di The Mulia, Nusa Dua, Bali, Kamis (1/9/2022)").as_deref(),
            Some("The Mulia, Nusa Dua, Bali")
        );
        assert_eq!(
            first("a meeting in the Ministry of Defence said").as_deref(),
            None
        );
        // `to` names a place only after a word of travel.
        assert_eq!(
            first("the Ambassador travelled to Jakarta to participate").as_deref(),
            Some("Jakarta")
        );
        assert_eq!(
            first("we agreed to Strengthen Cooperation").as_deref(),
            None
        );
        // A person after `dari` or with a title is no place.
        assert_eq!(
            first("menerima kunjungan dari Menteri Luar Negeri China, Wang Yi").as_deref(),
            None
        );
        assert_eq!(
            first("tiba dari Singapura pada Senin").as_deref(),
            Some("Singapura")
        );
        // Meetings held online, in either language; online fraud is not a meeting.
        assert!(online_near(
            "pertemuan pada 26 Agustus 2020 melalui fasilitas video-teleconferencing.",
            Span::new(0, 10)
        ));
        assert!(!online_near(
            "menekankan pemberantasan penipuan daring di kawasan",
            Span::new(0, 10)
        ));
    }

    #[test]
    fn a_numbered_meeting_gives_its_year() {
        for (t, y) in [
            (
                "the 19th ASEAN Telecommunications and Information Technology Ministers Meeting (TELMIN 19) that opened on October 24",
                Some(2019),
            ),
            (
                "Presiden membuka KTT ASEAN ke-42 di Labuan Bajo pada 10 Mei",
                Some(2023),
            ),
            (
                "the 27th ASEAN Summit in Kuala Lumpur on November 21",
                Some(2015),
            ),
            ("at the 10th ADMM meeting held in Vientiane", Some(2016)),
            (
                "the 17th ASEAN Ministerial Meeting on Transnational Crime opened on August 21",
                Some(2023),
            ),
            (
                "the 2nd ASEAN Digital Ministers’ Meeting (ADGMIN) on January 27",
                Some(2022),
            ),
            (
                "Konferensi Tingkat Tinggi ASEAN ke 32 di Singapura",
                Some(2018),
            ),
            // A meeting of the field read as another (the ASEAN foreign ministers' 13th was in 1980) gives none.
            ("the 13th ASEAN Ministerial Meeting on November 26", None),
            // Two meetings of different years, or none, give none.
            ("the 3rd AMCC and the 4th AMCC were held on 2 October", None),
            ("the ASEAN Summit on 10 May with 19 leaders", None),
            ("the 5th of May, TELMIN", None),
            // Ordinal words and a number glued to the short name.
            (
                "KUALA LUMPUR, Jan 21: The first ASEAN Digital Ministers Meeting (ADGMIN1) begins",
                Some(2021),
            ),
            (
                "the inaugural ASEAN Digital Ministers’ Meeting on January 22",
                Some(2021),
            ),
            ("Pertemuan ADGMIN kedua pada 27 Januari", Some(2022)),
            ("ADGMIN3 di Boracay, 9 Februari", Some(2023)),
            // An ordinal of something else beside the name gives none.
            ("the first day of the ASEAN Summit on 10 May", None),
        ] {
            assert_eq!(numbered_meeting_year(t), y, "{t}");
        }
    }

    #[test]
    fn a_place_phrase_ends_before_a_person_and_a_possessive_is_no_place() {
        let t = "Pertemuan digelar di Canberra, Australia, Menteri Luar Negeri Selandia Baru Nanaia Mahuta hadir.";
        let got: Vec<String> = place_phrases(t, Span::new(0, t.len()))
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(got, vec!["Canberra, Australia".to_string()]);
        assert!(!looks_like_place("Vietnam’s ASEAN Chairmanship"));
        let first = |t: &str| {
            place_phrases(t, Span::new(0, t.len()))
                .first()
                .map(|p| p.0.clone())
        };
        assert_eq!(first("Malaysia puts its hopes in Vietnam’s lead"), None);
        // A country then a person's name: the country; a country's venue stays whole.
        assert_eq!(
            first("kata Delegasi dari India Naman Upadhyaya, Wakil Sekretaris").as_deref(),
            Some("India")
        );
        assert_eq!(
            first("digelar di Indonesia Convention Exhibition, Tangerang").as_deref(),
            Some("Indonesia Convention Exhibition, Tangerang")
        );
        // An apposition that begins with an article is no part of the place.
        assert_eq!(
            first("In Malaysia, the National Cyber Security Agency (NACSA) held a drill")
                .as_deref(),
            Some("Malaysia")
        );
        assert_eq!(
            first(
                "kata Menteri di kantornya, Jl Medan Merdeka Barat, Jakarta Pusat, Jumat (3/8/2018)"
            )
            .as_deref(),
            Some("Jl Medan Merdeka Barat, Jakarta Pusat")
        );
        // A venue's common noun written small begins the name after it; a small word alone is no place.
        assert_eq!(
            first("ucap Grigson di kantor Wapres RI, Jakarta, Senin (2/10/2017)").as_deref(),
            Some("kantor Wapres RI, Jakarta")
        );
        assert_eq!(first("rapat di kantor pada Senin"), None);
        // The city the words of a capital name.
        assert_eq!(
            first("Pertemuan digelar di ibukota Laos Vientiane pada Rabu").as_deref(),
            Some("Vientiane")
        );
        assert_eq!(
            first("The talks were held in the Thai capital of Bangkok on Monday").as_deref(),
            Some("Bangkok")
        );
        assert_eq!(
            first("berlangsung di ibu kota Malaysia, Kuala Lumpur, Senin").as_deref(),
            Some("Kuala Lumpur")
        );
        assert!(looks_like_place("Hanoi, Vietnam"));
    }

    #[test]
    fn hybrid_meetings_are_not_online() {
        let t =
            "The forum was held in a hybrid format, online and in the hall, in Hanoi on Friday.";
        assert!(!online_near(t, Span::new(0, t.len())));
        // Back to meeting in person after years of online ones.
        for t in [
            "Pertemuan para menteri digelar di Bangkok secara langsung pada Senin setelah dua tahun pertemuan virtual.",
            "The ministers met in Bangkok in person, after two years of virtual meetings.",
        ] {
            assert!(!online_in(t), "{t}");
        }
        let t = "The forum was held virtually on Friday with ministers of the region.";
        assert!(online_near(t, Span::new(0, t.len())));
    }

    #[test]
    fn datelines() {
        for (t, place, outlet) in [
            (
                "New York, MINA – Di bawah Presidensi , pertemuan Dewan Keamanan PBB pada Rabu membahas banyak hal yang penting sekali bagi kita semua di dunia ini.",
                Some("New York"),
                Some("MINA"),
            ),
            (
                "JAKARTA, KOMPAS.com - Menteri Luar Negeri (Menlu) RI Retno LP Marsudi menyebutkan, Indonesia akan mengangkat isu tindak pidana perdagangan orang yang makin marak.",
                Some("Jakarta"),
                Some("Kompas.com"),
            ),
            (
                "Singapura (ANTARA News) - Kerja sama keamanan siber akan dikembangkan di kawasan ASEAN khususnya dalam KTT ASEAN ke-32 di Singapura sebagai salah satu upaya bersama.",
                Some("Singapore"),
                Some("ANTARA"),
            ),
            (
                "REPUBLIKA.CO.ID, JAKARTA -- Menteri Koordinator Bidang Politik Hukum dan Keamanan menegaskan, pihaknya bakal segera menyelesaikan draft pembentukan Badan Cyber Nasional.",
                Some("Jakarta"),
                Some("Republika"),
            ),
            (
                "Bisnis.com, JAKARTA--Pemerintah Indonesia dan Jepang sepakat memperkuat kerja sama keamanan siber dalam pertemuan yang digelar di Jakarta hari ini.",
                Some("Jakarta"),
                Some("Bisnis.com"),
            ),
            (
                "GIANYAR, KabarNusa - Para menteri telekomunikasi negara anggota ASEAN menyepakati isu keamanan siber sebagai tantangan bersama yang perlu dicarikan solusi.",
                Some("Gianyar"),
                Some("KabarNusa"),
            ),
            (
                "Jakarta (Indonesia Window) – Badan Siber dan Sandi Negara menggelar latihan bersama negara anggota ASEAN dan Jepang secara daring selama dua hari penuh.",
                Some("Jakarta"),
                Some("Indonesia Window"),
            ),
            (
                "Menteri Luar Negeri Retno Marsudi usai pertemuan di Jakarta. ANTARA FOTO/Hafidz Mubarak A\n\nTEMPO.CO, Jakarta - Menteri Luar Negeri Retno Marsudi menyampaikan bahwa kerja sama siber ASEAN harus terus diperkuat oleh semua negara anggota.",
                Some("Jakarta"),
                Some("Tempo"),
            ),
            (
                "Makassar, Sulselpos - Para menteri telekomunikasi negara anggota ASEAN menyepakati kerja sama keamanan siber sebagai agenda bersama tahun ini.",
                Some("Makassar"),
                Some("Sulselpos"),
            ),
            (
                "Labuan Bajo, E Nusa Tenggara (Kupang Online) – Kepala Kepolisian mengatakan pertemuan para menteri ASEAN tentang kejahatan lintas negara mendorong kerja sama kawasan.",
                Some("Labuan Bajo"),
                Some("Kupang Online"),
            ),
            (
                "LINTAS PUBLIK - JAKARTA,  Duta Besar Jepang untuk Indonesia bertemu dengan Menteri Luar Negeri di kantor Kementerian Luar Negeri, Jakarta, Senin (02/10/2017).",
                Some("Jakarta"),
                Some("LINTAS PUBLIK"),
            ),
            (
                "(Kabar Harian) - Konferensi para menteri digital ASEAN dibuka Kamis pagi (26/11) di kota Hue dengan dihadiri para menteri dari sepuluh negara.",
                None,
                Some("Kabar Harian"),
            ),
            (
                "(26/11) - Konferensi para menteri digital ASEAN dibuka Kamis pagi di kota Hue dengan dihadiri para menteri dari sepuluh negara anggota.",
                None,
                None,
            ),
            (
                "Surabaya: The Minister of Foreign Affairs opened the regional meeting on data protection with officials of ten ASEAN member states on Tuesday.",
                Some("Surabaya"),
                None,
            ),
            (
                "Medan, BeritaKita-Menteri Luar Negeri membuka pertemuan para pejabat senior ASEAN tentang keamanan siber di Medan pada hari Senin.",
                Some("Medan"),
                Some("BeritaKita"),
            ),
            (
                "Indonesia-Australia sepakat memperkuat kerja sama keamanan siber dalam pertemuan para menteri di Canberra pekan ini.",
                None,
                None,
            ),
            (
                "Surabaya (Warta Timur) -\nPara pejabat ASEAN membahas perlindungan data pribadi dalam pertemuan dua hari di Surabaya pekan ini.",
                Some("Surabaya"),
                Some("Warta Timur"),
            ),
            (
                "Cyber talks in the region\n\nKabarasia - Ministers of ten ASEAN states met on Saturday in Bali to discuss new ways of fighting online crime.",
                None,
                Some("Kabarasia"),
            ),
            (
                "KABARASIA, SURABAYA - Para menteri ASEAN bertemu di Surabaya untuk membahas cara baru melawan kejahatan daring di kawasan.",
                Some("Surabaya"),
                Some("KABARASIA"),
            ),
            (
                "Interpol Bahas Kejahatan Siber\n\nNTMB – Sidang umum Interpol di Bali membahas kejahatan siber dan terorisme pada hari kedua pertemuan.",
                None,
                Some("NTMB"),
            ),
            (
                "Hari Kedua, Sidang...\n\nPara menteri ASEAN bertemu di Bali untuk membahas cara baru melawan kejahatan daring di kawasan pada Senin.",
                None,
                None,
            ),
            (
                "• Kyodo\n\nSingapore and Japan signed a pact on Monday to boost cybersecurity cooperation between the two countries.",
                None,
                Some("Kyodo"),
            ),
            (
                "WASHINGTON DC, (beritasatu.id) – Presiden Indonesia mengajak Presiden Amerika Serikat bekerja sama di bidang ekonomi digital.",
                Some("Washington, D.C."),
                Some("beritasatu.id"),
            ),
            (
                "Diplomasi Siber\n\nberitasatu.id--Isu siber adalah isu yang kompleks, kata para diplomat dalam pertemuan di Jakarta pekan ini.",
                None,
                Some("beritasatu.id"),
            ),
            (
                "Sabtu - Para menteri ASEAN bertemu di Bali untuk membahas cara baru melawan kejahatan daring di kawasan.",
                None,
                None,
            ),
            // A site's logo text alone on its line; an outlet then the page's date after a dot.
            (
                "FRIDAY, April 26, 2024\nnationthailand\n\nMinisters commit to cyber cooperation\n\nThe ministers of the region agreed on Wednesday to work together against attacks on their networks.",
                None,
                Some("The Nation Thailand"),
            ),
            // `Antara • date` over a story is the wire's credit on another outlet's page (Medcom.id prints it):
            // not the outlet.
            (
                "Menteri bahas kerja sama siber\nAntara • 19 August 2022 16:59\nPara menteri negara-negara kawasan sepakat memperkuat kerja sama melawan serangan siber terhadap jaringan.",
                None,
                None,
            ),
            // A bare word of the trade where a copied page cut the site's name out is no outlet.
            (
                "Kapolri harap pertemuan sepakati penanganan kejahatan\n\nNews, JAKARTA - Kapolri berharap pertemuan para menteri menyepakati penanganan kejahatan lintas negara.",
                Some("Jakarta"),
                None,
            ),
            // A name that says it is an outlet, before the lead's dash.
            (
                "Pertahanan\n\nKoran Sulindo – Indonesia dan Australia sepakat memulihkan kerja sama pertahanan setelah sempat dihentikan.",
                None,
                Some("Koran Sulindo"),
            ),
            // A call to follow the site at the foot of the page names it, however long the line.
            (
                "Kerja sama siber diperkuat\n\nPara menteri sepakat memperkuat kerja sama melawan serangan siber di kawasan.\nMau Berita Terbaru Lainnya dari Warta Ekonomi? Yuk Follow Kami di Google News dengan Klik Simbol Bintang.\nEditor: Vicky",
                None,
                Some("Warta Ekonomi"),
            ),
            // A copyright notice names the publisher, known to the outlet table or not.
            (
                "Regional drill held\n\nResponse teams of ten countries took part in the regional incident drill this week, testing how they share information.\n\nCopyright © 2013 CNCERT/CC.All rights reserved.京ICP备10012421号-2 Tel: +8610 82991000",
                None,
                Some("CNCERT/CC"),
            ),
            // The writer's own outlet.
            (
                "What did the meeting achieve?\n\nAs I reported for The Diplomat earlier this week, the focus of the meeting of defence ministers was the sea.",
                None,
                Some("The Diplomat"),
            ),
            // A wire's acronym in parentheses after the city and the day is its credit.
            (
                "ASEAN partners agree on cyber steps\n\nBANGKOK, November 5 (TNA) - The deputy prime minister took part in the meeting of defence ministers this week.",
                Some("Bangkok"),
                Some("TNA"),
            ),
            (
                "Summary: The Minister of Foreign Affairs opened the regional meeting on data protection with officials of ten ASEAN member states on Tuesday.",
                None,
                None,
            ),
        ] {
            let l = Layout::of(t);
            let (p, _) = dateline(t, &l);
            assert_eq!(p.map(|x| x.0).as_deref(), place, "{t}");
            let o = find_outlet(t, &l, None).map(|x| x.0);
            assert_eq!(o.as_deref(), outlet, "{t}");
        }
    }

    #[test]
    fn forums_with_ordinals() {
        let t = "Konferensi Tingkat Tinggi (KTT) Ke-32 ASEAN digelar. Lalu DK PBB dan itu ITU.";
        let l = Layout::of(t);
        let f = find_forums(t, &l);
        let names: Vec<&str> = f.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "32nd ASEAN Summit",
                "UN Security Council",
                "International Telecommunication Union (ITU)"
            ]
        );
    }

    #[test]
    fn a_headlines_capitalised_words_after_a_place_are_no_part_of_it() {
        assert_eq!(
            known_place_prefix("Labuan Bajo Bisa Sepakati Penanganan Kejahatan").as_deref(),
            Some("Labuan Bajo")
        );
        assert_eq!(known_place_prefix("Nusa Dua, Bali"), None);
        let t = "Pertemuan digelar di Indonesia.ÃÂ Para menteri hadir.";
        assert_eq!(place_phrases(t, Span::new(0, t.len()))[0].0, "Indonesia");
        assert_eq!(known_place_prefix("Hotel Mulia Jakarta"), None);
    }

    #[test]
    fn the_fuller_forum_name_wins_at_one_place() {
        let t = "Kapolri membuka ASEAN Ministerial Meeting on Transnational Crime di Labuan Bajo pekan ini.";
        let l = Layout::of(t);
        let names: Vec<String> = find_forums(t, &l).into_iter().map(|h| h.name).collect();
        assert_eq!(
            names,
            vec!["ASEAN Ministerial Meeting on Transnational Crime (AMMTC)"]
        );
        // The shorter name still matches alone.
        let t = "Para menteri membuka ASEAN Ministerial Meeting di Jakarta pekan ini.";
        let names: Vec<String> = find_forums(t, &Layout::of(t))
            .into_iter()
            .map(|h| h.name)
            .collect();
        assert_eq!(names, vec!["ASEAN Foreign Ministers' Meeting (AMM)"]);
    }

    #[test]
    fn countries_in_indonesian() {
        let t = "Delegasi Jepang, Belgia, AS dan Korsel bertemu di Singapura; as usual.";
        let l = Layout::of(t);
        let c: Vec<String> = find_countries(t, &l).into_iter().map(|x| x.0).collect();
        assert_eq!(
            c,
            vec![
                "Japan",
                "Belgium",
                "United States",
                "South Korea",
                "Singapore"
            ]
        );
    }
}
