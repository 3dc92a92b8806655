//! Direct quotations and their speakers.
//!
//! Quotes are found between “…”, "…" or ''…'' (mixed straight/curly pairs too), within one paragraph and possibly
//! across sentences. The speaker comes from an attribution after the quote (`kata X`, `X said`), before it
//! (`X mengatakan, “…”`, `Menurut X`), or a pronoun form (`ungkapnya`, `ujar dia`) that points back to the last
//! named speaker. A quoted title or slogan is not speech.

use super::layout::{Layout, LineKind};
use super::lexicon::{ATTRIBUTION_AFTER, PRONOUNS, SPEECH_VERBS, TITLE_MARKERS};
use super::people::{
    Person, Word, is_name_word, is_role_word, name_runs, name_tokens, resolve_person,
    with_lower_key, words, words_in,
};
use crate::model::{Quote, Span};
use rustc_hash::FxHashMap;

/// A quoted stretch of text before it is judged to be speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotedSpan {
    /// Byte range of the words inside the marks.
    pub inner: Span,
    /// Byte range including the marks.
    pub outer: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Quotation marks in `text[range]` with their kind and length.
fn marks(text: &str, range: Span) -> Vec<(usize, usize, Mark)> {
    // `"` and `'` are ASCII; “ ” „ are E2 80 9C/9D/9E in UTF-8: the scan jumps from one of these bytes to the next.
    let mut out = Vec::new();
    let bytes = range.slice(text).as_bytes();
    // The second quote of a `''` mark, not to be read again as the start of one.
    let mut taken = None;
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
        if taken == Some(i) {
            continue;
        }
        let pos = range.start + i;
        match bytes.get(i) {
            Some(b'"') => out.push((pos, 1, Mark::Either)),
            Some(b'\'') if bytes.get(i + 1) == Some(&b'\'') => {
                out.push((pos, 2, Mark::Either));
                taken = Some(i + 1);
            }
            Some(0xE2) if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C | 0x9E) => out.push((pos, 3, Mark::Open)),
                Some(0x9D) => out.push((pos, 3, Mark::Close)),
                // `…,† papar Anton`: a closing mark whose last byte (9D, no Windows-1252 character) was replaced
                // by a no-break space's (A0) on a round trip through that encoding; a dagger after punctuation.
                Some(0xA0)
                    if i > 0
                        && bytes
                            .get(i - 1)
                            .is_some_and(|b| matches!(b, b',' | b'.' | b'!' | b'?')) =>
                {
                    out.push((pos, 3, Mark::Close))
                }
                _ => {}
            },
            // `â€œ` … `â€`: curly marks whose UTF-8 was read as Windows-1252 and encoded again (the `€` is
            // E2 82 AC after `â`); the closing mark's last byte (9D) has no Windows-1252 character and is lost
            // or kept as U+009D. Apostrophes and dashes (`â€™`, `â€“`) are not marks.
            Some(0xE2)
                if i >= 2
                    && bytes.get(i - 2..i) == Some(&[0xC3, 0xA2][..])
                    && bytes.get(i + 1..i + 3) == Some(&[0x82, 0xAC][..]) =>
            {
                let after = bytes.get(i + 3..i + 5);
                match after {
                    Some([0xC5, 0x93]) => out.push((pos - 2, 7, Mark::Open)),
                    Some([0xC2, 0x9D]) => out.push((pos - 2, 7, Mark::Close)),
                    Some([0xE2, _]) | Some([0xCB, _]) | Some([0xC2, _]) | Some([0xC5, _]) => {}
                    _ => out.push((pos - 2, 5, Mark::Close)),
                }
            }
            _ => {}
        }
    }
    out
}

/// A quotation the text's end cuts off: the opening mark at `open_pos` stands where a quotation starts (a line's
/// start, after a space or a colon), its line is the text's last, and at least three words follow it.
fn cut_off_quote(text: &str, line: Span, open_pos: usize, open_len: usize) -> Option<QuotedSpan> {
    let rest = text.get(line.end..)?;
    if !rest.trim().is_empty() {
        return None;
    }
    let before = text.get(line.start..open_pos)?.chars().last();
    if before.is_some_and(|c| !c.is_whitespace() && !matches!(c, ':' | '.' | ',')) {
        return None;
    }
    let start = open_pos + open_len;
    let inner = text.get(start..line.end)?;
    let end = start + inner.trim_end().len();
    let words = inner.split_whitespace().count();
    (words >= 3 && inner.starts_with(|c: char| c.is_alphanumeric())).then(|| QuotedSpan {
        inner: Span::new(start, end),
        outer: Span::new(open_pos, end),
    })
}

/// Finds quoted stretches inside each paragraph (line) of `text` that is article text.
pub fn find_quoted(text: &str, layout: &Layout) -> Vec<QuotedSpan> {
    let mut out = Vec::new();
    for line in &layout.lines {
        if matches!(
            line.kind,
            LineKind::Blank | LineKind::Chrome | LineKind::Caption
        ) {
            continue;
        }
        let ms = marks(text, line.span);
        let mut i = 0;
        while i < ms.len() {
            let Some(&(open_pos, open_len, open_kind)) = ms.get(i) else {
                break;
            };
            if open_kind == Mark::Close {
                i += 1;
                continue;
            }
            // The next mark that can close it. A straight mark closes a straight or curly opening; a curly
            // opening can also be closed by a mis-typed opening mark followed by punctuation or space.
            let mut found = None;
            for (j, &(pos, len, kind)) in ms.iter().enumerate().skip(i + 1) {
                let can_close = match kind {
                    Mark::Close | Mark::Either => true,
                    Mark::Open => {
                        let before = text.get(..pos).and_then(|s| s.chars().last());
                        before.is_some_and(|c| matches!(c, ',' | '.' | '!' | '?'))
                    }
                };
                if can_close {
                    found = Some((j, pos, len));
                    break;
                }
            }
            let Some((j, close_pos, close_len)) = found else {
                // A page cut off inside a quotation (a stored excerpt ends `… "Kita negara kepulauan paling be`):
                // an opening mark on the text's last line, where a quotation starts, runs to the end of the text.
                if let Some(q) = cut_off_quote(text, line.span, open_pos, open_len) {
                    out.push(q);
                }
                break;
            };
            let inner = Span::new(open_pos + open_len, close_pos);
            if inner.end > inner.start {
                out.push(QuotedSpan {
                    inner,
                    outer: Span::new(open_pos, close_pos + close_len),
                });
            }
            i = j + 1;
        }
    }
    out
}

fn lower(s: &str) -> String {
    super::people::with_lower_key(s, str::to_string)
}

/// Who held a post (`Menkominfo`, `Kepala BSSN`, `Menteri Luar Negeri RI`) in `year`, by the people table:
/// the whole phrase or its first words.
/// In a year the post changed hands, the holder the article names (`Johnny G Plate` in a report of May 2023).
fn holder_of(post: &str, year: i32, named: &dyn Fn(&str) -> bool) -> Option<&'static str> {
    let table = &*super::gazetteer::PEOPLE;
    let words: Vec<&str> = post.split_whitespace().collect();
    (1..=words.len()).rev().find_map(|n| {
        let holders = table.holders(&words.get(..n)?.join(" "), year);
        match holders.as_slice() {
            [] => None,
            [one] => Some(one.name.as_str()),
            many => many
                .iter()
                .find(|e| named(&e.name))
                .map(|e| e.name.as_str()),
        }
    })
}

/// The one person of the article printed with `post` in their role (`demikian Wakapolri` after `Wakapolri
/// Komjen Syafruddin`): the post's holder as the article itself names them.
fn post_holder_in<'p>(people: &'p [Person], post: &str) -> Option<&'p str> {
    let wanted: Vec<String> = post.split_whitespace().map(lower).collect();
    if wanted.is_empty() {
        return None;
    }
    let mut hits = people.iter().filter(|p| {
        p.confirmed
            && p.role.as_deref().is_some_and(|r| {
                let have: Vec<String> = r.split_whitespace().map(lower).collect();
                wanted.iter().all(|w| have.contains(w))
            })
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first.name.as_str())
}

/// Where the next word after `pos` starts.
fn next_word_start(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let skip = rest.len() - rest.trim_start().len();
    pos + skip
}

/// An attribution in the passive voice at the start of `ws`: `demikian dijelaskan X`, `Hal itu disampaikan
/// oleh X`, `This was conveyed by X`, `kata-kata itu diungkapkan X`: the first name after the passive verb.
/// A passive verb of speech (`disampaikan`, `ditegaskan`, `conveyed`, `stated`): its speaker is named after it.
fn is_passive_speech(w: &str) -> bool {
    let l = lower(w);
    l.starts_with("di")
        && [
            "sampaikan",
            "ungkapkan",
            "katakan",
            "tegaskan",
            "jelaskan",
            "utarakan",
            "paparkan",
        ]
        .iter()
        .any(|v| l.ends_with(v))
        || matches!(
            l.as_str(),
            "conveyed" | "stated" | "said" | "delivered" | "expressed" | "explained" | "made"
        )
}

fn passive_attribution(text: &str, ws: &[Word<'_>]) -> Option<Attribution> {
    let lead: Vec<String> = ws.iter().take(4).map(|w| lower(w.text)).collect();
    let opener = matches!(
        lead.first().map(String::as_str),
        Some("demikian" | "hal" | "this" | "that" | "it" | "these" | "pernyataan" | "itu")
    );
    if !opener {
        return None;
    }
    let verb = ws.iter().take(5).position(|w| is_passive_speech(w.text))?;
    let rest = ws.get(verb + 1..).unwrap_or(&[]);
    let rest: Vec<Word<'_>> = rest
        .iter()
        .skip_while(|w| matches!(lower(w.text).as_str(), "oleh" | "by" | "the"))
        .copied()
        .collect();
    let run = name_runs(text, rest.get(..rest.len().min(24)).unwrap_or(&[]))
        .into_iter()
        .next()?;
    Some(Attribution::Named {
        name: run.name,
        role: run.role,
        span: run.span,
    })
}

/// Whether a word is an institution's short name that can speak through a statement (`BSSN`, `Kominfo`,
/// `Kemlu`): an acronym of three letters or more, or one of the Indonesian institutions of the lexicon.
fn is_institution(w: &str) -> bool {
    let acronym = w.chars().count() >= 3 && w.chars().all(|c| c.is_ascii_uppercase());
    acronym
        || super::lexicon::INSTITUTIONS.iter().any(|(pattern, _)| {
            pattern
                .split('|')
                .any(|alt| alt.replace("\\b", "").eq_ignore_ascii_case(w))
        })
}

/// The attribution found next to a quote.
#[derive(Debug, Clone, PartialEq)]
enum Attribution {
    /// A name as printed, with its role and where it stands.
    Named {
        name: String,
        role: Option<String>,
        span: Span,
    },
    /// A pronoun or `-nya` form: the last named speaker.
    Pronoun { span: Span },
    /// A speech verb with no name (`ujar dalam pernyataan tertulisnya`): the person the text last named.
    Unnamed { span: Span },
    /// A post with no name (`kata Menkominfo`): whoever held it then, else as [`Attribution::Unnamed`].
    Post { post: String, span: Span },
}

/// The stretch right after a quote's closing mark up to the end of the sentence.
fn after_clause(text: &str, outer_end: usize) -> Span {
    let line_end = text
        .get(outer_end..)
        .and_then(|s| s.find('\n'))
        .map(|i| outer_end + i)
        .unwrap_or(text.len());
    let mut end = line_end.min(outer_end + 220);
    while end > outer_end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let s = text.get(outer_end..end).unwrap_or("");
    // Stop at the next quotation mark or sentence end.
    let mut stop = s.len();
    for (i, c) in s.char_indices() {
        if matches!(c, '“' | '"' | '”') {
            stop = i;
            break;
        }
        if matches!(c, '.' | '!' | '?') && super::layout::is_sentence_break(text, outer_end + i) {
            stop = i;
            break;
        }
    }
    Span::new(outer_end, outer_end + stop)
}

/// Words that open a clause of when, how or to whom after an attribution (`… ungkap Menkominfo saat menerima …`).
const CIRCUMSTANCE_WORDS: &[&str] = &[
    "saat", "ketika", "usai", "seusai", "setelah", "sesudah", "sebelum", "sambil", "seraya",
    "selepas", "kepada", "when", "while", "after", "before", "during",
];

fn attribution_after(text: &str, outer_end: usize, all: &[Word<'_>]) -> Option<Attribution> {
    let clause = after_clause(text, outer_end);
    let ws = words_in(all, clause);
    // Passive forms name the speaker after the verb: `demikian dijelaskan Wakil Tetap RI … Dian Triansyah
    // Djani`, and in the sentence after the quote, `Hal itu disampaikan oleh X`, `This was conveyed by X`.
    if let Some(a) = passive_attribution(text, ws) {
        return Some(a);
    }
    if ws.is_empty() {
        let next = words_in(
            all,
            super::layout::sentence_around(text, next_word_start(text, outer_end)),
        );
        if let Some(a) = passive_attribution(text, next) {
            return Some(a);
        }
    }
    let first = ws.first()?;
    let first_l = lower(first.text);
    // "bunyi pernyataan resmi BSSN": the words of an institution's statement.
    if (first_l == "bunyi" || first_l == "tulis")
        && let Some(w) = ws.iter().skip(1).take(6).find(|w| is_institution(w.text))
    {
        return Some(Attribution::Named {
            name: w.text.to_string(),
            role: None,
            span: Span::new(first.span.start, w.span.end),
        });
    }
    // "kata X", "ujar Menteri X", "tutup oleh Dubes X", "ujar dia", "ungkapnya".
    let verb = ATTRIBUTION_AFTER.iter().find(|v| first_l == **v);
    let nya = first_l
        .strip_suffix("nya")
        .is_some_and(|stem| ATTRIBUTION_AFTER.contains(&stem));
    if nya || first_l == "katanya" {
        return Some(Attribution::Pronoun { span: first.span });
    }
    // `…,” according to Foreign Minister X` and `…,” menurut X` name the speaker as a verb does.
    let according = if first_l == "menurut" {
        Some(1)
    } else if first_l == "according" && ws.get(1).is_some_and(|w| lower(w.text) == "to") {
        Some(2)
    } else {
        None
    };
    if verb.is_some() || according.is_some() {
        let rest = ws.get(according.unwrap_or(1)..).unwrap_or(&[]);
        // Skip "oleh" / "pula".
        let rest: Vec<_> = rest
            .iter()
            .skip_while(|w| matches!(lower(w.text).as_str(), "oleh" | "pula" | "juga"))
            .copied()
            .collect();
        // `…,” said the Foreign Ministry in a press release`: a body speaking through its text.
        let body = (1..=4).rev().find_map(|n| {
            let head = rest.get(..n)?;
            let (a, b) = (head.first()?, head.last()?);
            described_body(text, head, outer_end)
                .map(|name| (name, Span::new(a.span.start, b.span.end)))
        });
        if let Some((name, span)) = body {
            return Some(Attribution::Named {
                name,
                role: None,
                span: Span::new(first.span.start, span.end),
            });
        }
        if let Some(w) = rest.first() {
            let wl = lower(w.text);
            if PRONOUNS.contains(&wl.as_str()) {
                return Some(Attribution::Pronoun {
                    span: Span::new(first.span.start, w.span.end),
                });
            }
            if !w.text.chars().next().is_some_and(char::is_uppercase) {
                return Some(Attribution::Unnamed { span: first.span });
            }
        }
        // The attribution ends where a clause of when or to whom begins (`ungkap Menkominfo saat menerima
        // kunjungan Menteri Annuar Musa`: the visitor is not the speaker).
        let clause_end = rest
            .iter()
            .position(|w| CIRCUMSTANCE_WORDS.contains(&lower(w.text).as_str()))
            .unwrap_or(rest.len());
        let rest = rest.get(..clause_end).unwrap_or(&[]);
        // Name runs within the role phrase; the first run that is a name.
        let runs = name_runs(text, rest);
        if let Some(run) = runs.into_iter().next() {
            let role = run.role.clone();
            return Some(Attribution::Named {
                name: run.name,
                role,
                span: Span::new(first.span.start, run.span.end),
            });
        }
        // A post with no name (`kata Menkominfo`, `ujar Kepala BSSN`): its holder, where the year tells.
        let post: Vec<&Word<'_>> = rest
            .iter()
            .take(4)
            .take_while(|w| {
                w.text.chars().next().is_some_and(char::is_uppercase)
                    && !w.trailing.contains(['.', ','])
                    || is_role_word(w.text)
            })
            .collect();
        if let (Some(a), Some(b)) = (post.first(), post.last()) {
            let words: Vec<&str> = post.iter().map(|w| w.text).collect();
            return Some(Attribution::Post {
                post: words.join(" "),
                span: Span::new(first.span.start.min(a.span.start), b.span.end),
            });
        }
        return Some(Attribution::Unnamed { span: first.span });
    }
    // English: `the minister said`, `Desra Percaya, the …, said`, `he added`, `dia menambahkan`.
    let two = ws
        .iter()
        .take(2)
        .map(|w| lower(w.text))
        .collect::<Vec<_>>()
        .join(" ");
    let says_soon = ws.iter().take(24).position(|w| {
        with_lower_key(w.text, |l| {
            SPEECH_VERBS.contains(&l) || ATTRIBUTION_AFTER.contains(&l)
        })
    });
    if PRONOUNS.contains(&first_l.as_str()) || PRONOUNS.contains(&two.as_str()) {
        if says_soon.is_some_and(|p| p <= 3) {
            // `they said`: a body (the ministers, their joint statement), never one person.
            if matches!(first_l.as_str(), "they" | "mereka")
                && let Some(name) = body_named_before(text, outer_end)
            {
                return Some(Attribution::Named {
                    name,
                    role: None,
                    span: clause,
                });
            }
            return Some(Attribution::Pronoun { span: clause });
        }
        return None;
    }
    if let Some(p) = says_soon {
        let head = ws.get(..p).unwrap_or(&[]);
        let runs = name_runs(text, head);
        let at_start = runs.iter().position(|r| r.first_word <= 1);
        let before_verb = runs.iter().position(|r| r.end_word == p);
        if let Some(run) = at_start
            .or(before_verb)
            .and_then(|i| runs.into_iter().nth(i))
        {
            return Some(Attribution::Named {
                name: run.name,
                role: run.role,
                span: run.span,
            });
        }
        // `…,” the statement said`, `the ministry said`: a body speaking through its text.
        if let (Some(name), Some(a), Some(b)) = (
            described_body(text, head, outer_end),
            head.first(),
            head.last(),
        ) {
            return Some(Attribution::Named {
                name,
                role: None,
                span: Span::new(a.span.start, b.span.end),
            });
        }
    }
    None
}

/// Nouns of a body or a text that speaks for one (`the statement said`, `the ministry said`).
const BODY_NOUNS: &[&str] = &[
    "statement",
    "communique",
    "communiqué",
    "declaration",
    "ministry",
    "embassy",
    "agency",
    "secretariat",
    "government",
    "department",
    "office",
    "commission",
    // The people of a meeting who speak as one (`the ministers said:`, `G20 ministers said in a communiqué`).
    "ministers",
    "leaders",
    "officials",
    "delegates",
    "delegations",
    "participants",
    "policymakers",
];

/// The body a described speaker (`the statement`, `the joint statement`, `the ministry`) stands for: the
/// description when it names the body (`the ASEAN-US joint statement`, `the Foreign Ministry`), else the name
/// the article last gave a body of that noun before `before` (`Russian Foreign Ministry` for `the ministry`),
/// else the fullest description the article gives (`In a joint statement, …`: `Joint statement`).
fn described_body(text: &str, head: &[Word<'_>], before: usize) -> Option<String> {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let (first, rest) = head.split_first()?;
    if !matches!(lower(first.text).as_str(), "the" | "a" | "its" | "their") || rest.is_empty() {
        // With no article, the body named as printed: `G20 ministers`, `ASEAN leaders` (capitalised words, then
        // the noun).
        let (noun, named) = head.split_last()?;
        return (!named.is_empty()
            && head.len() <= 3
            && named
                .iter()
                .all(|w| capitalised(w.text) && w.trailing.trim().is_empty())
            && BODY_NOUNS.contains(&lower(noun.text).as_str()))
        .then(|| head.iter().map(|w| w.text).collect::<Vec<_>>().join(" "));
    }
    // `the officials from the twenty economies`: the body is the noun before `of` / `from` and a description (a
    // name after it, `the Agency of Singapore`, is the body's own).
    let rest = match rest
        .iter()
        .position(|w| matches!(lower(w.text).as_str(), "of" | "from"))
    {
        Some(k)
            if k > 0
                && rest
                    .get(k - 1)
                    .is_some_and(|w| BODY_NOUNS.contains(&lower(w.text).as_str()))
                && rest
                    .get(k + 1..)
                    .is_some_and(|tail| tail.iter().any(|w| !capitalised(w.text))) =>
        {
            rest.get(..k).unwrap_or(rest)
        }
        _ => rest,
    };
    let noun = lower(rest.last()?.text);
    if rest.len() > 3 || !BODY_NOUNS.contains(&noun.as_str()) {
        return None;
    }
    let described: Vec<&str> = rest.iter().map(|w| w.text).collect();
    if described.iter().rev().skip(1).any(|w| capitalised(w)) {
        return Some(described.join(" "));
    }
    Some(printed_body(text, &noun, before).unwrap_or_else(|| sentence_case(described.join(" "))))
}

/// A text's first letter in capitals.
fn sentence_case(s: String) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The body who speak as `they` (`In a joint statement, they said …`): the body noun printed last before `before`,
/// named as the article prints it ([`printed_body`]).
fn body_named_before(text: &str, before: usize) -> Option<String> {
    let mut from = before.saturating_sub(1500).min(text.len());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..before.min(text.len()))?.to_lowercase();
    let whole_word = |i: usize, n: &str| {
        let after = window.get(i + n.len()..).and_then(|r| r.chars().next());
        let before = window.get(..i).and_then(|r| r.chars().next_back());
        after.is_none_or(|c| !c.is_alphanumeric()) && before.is_none_or(|c| !c.is_alphanumeric())
    };
    let noun = BODY_NOUNS
        .iter()
        .filter_map(|n| {
            window
                .match_indices(n)
                .filter(|(i, _)| whole_word(*i, n))
                .map(|(i, _)| i)
                .last()
                .map(|i| (i, *n))
        })
        .max_by_key(|(i, _)| *i)?
        .1;
    printed_body(text, noun, before)
}

/// How the article prints a body noun before `before`: with the capitalised words before it (`Russian Foreign
/// Ministry`), else with the words that describe it (`joint statement`), the fullest such, in sentence case.
fn printed_body(text: &str, noun: &str, before: usize) -> Option<String> {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Each time the text prints the noun before the quotation: the words right before it on its line that are
    // capitalised or describe it (`joint`, `official`), as printed.
    let head_text = text.get(..before.min(text.len())).unwrap_or("");
    let lower_head = head_text.to_lowercase();
    let mut named: Option<String> = None;
    let mut fullest: Option<String> = None;
    for (i, _) in lower_head.match_indices(noun) {
        let end = i + noun.len();
        let whole_word = head_text
            .get(end..)
            .and_then(|r| r.chars().next())
            .is_none_or(|c| !c.is_alphanumeric())
            && head_text
                .get(..i)
                .and_then(|r| r.chars().next_back())
                .is_some_and(|c| c == ' ');
        let (Some(printed), Some(before_noun)) = (head_text.get(i..end), head_text.get(..i)) else {
            continue;
        };
        if !whole_word {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        for w in before_noun.trim_end().rsplit(' ').take(4) {
            let describing = ["joint", "official", "written", "press", "foreign"]
                .contains(&w.to_lowercase().as_str());
            if w.is_empty() || w.contains(['\n', ',', '.', '"', '“', '”', '(', ')']) {
                break;
            }
            if !(capitalised(w) || describing) || matches!(w, "The" | "A" | "In" | "On") {
                break;
            }
            words.push(w);
        }
        words.reverse();
        let phrase = words
            .iter()
            .copied()
            .chain(std::iter::once(printed))
            .collect::<Vec<_>>()
            .join(" ");
        if words.iter().any(|w| capitalised(w)) {
            named = Some(phrase);
        } else if fullest
            .as_ref()
            .is_none_or(|f| f.split(' ').count() < phrase.split(' ').count())
        {
            fullest = Some(phrase);
        }
    }
    named.or_else(|| fullest.map(sentence_case))
}

fn attribution_before(text: &str, outer_start: usize, all: &[Word<'_>]) -> Option<Attribution> {
    // The clause between the previous sentence end and the opening mark: "Wiranto mengatakan, “…”",
    // "Menurut Rudiantara, “…”", "He said: “…”".
    let line_start = text
        .get(..outer_start)
        .and_then(|s| s.rfind('\n'))
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut start = line_start.max(outer_start.saturating_sub(200));
    while start < outer_start && !text.is_char_boundary(start) {
        start += 1;
    }
    let s = text.get(start..outer_start).unwrap_or("");
    let trimmed = s.trim_end();
    if !(trimmed.ends_with(',') || trimmed.ends_with(':')) {
        return None;
    }
    let mut clause_start = start;
    for (i, c) in s.char_indices() {
        if matches!(c, '.' | '!' | '?' | '”' | '"')
            && super::layout::is_sentence_break(text, start + i)
        {
            clause_start = start + i + 1;
        }
    }
    let ws = words_in(all, Span::new(clause_start, outer_start));
    let verb_pos = ws.iter().position(|w| {
        with_lower_key(w.text, |l| {
            SPEECH_VERBS.contains(&l) || l == "menurut" || l == "according"
        })
    })?;
    let runs = name_runs(text, ws);
    let menurut = ws
        .get(verb_pos)
        .is_some_and(|w| matches!(lower(w.text).as_str(), "menurut" | "according"));
    let run = if menurut {
        runs.into_iter().find(|r| r.first_word > verb_pos)
    } else {
        runs.into_iter().rfind(|r| r.end_word <= verb_pos)
    };
    // `Highlighting the need for …, the ministers said:`: the verb's subject is what follows the last comma before
    // it; a capitalised word before that comma (a participle, a place) is no speaker. A described body there
    // speaks (`the ministers`: the G20 ministers the article named), or an institution (`the Cyber Security Agency
    // of Singapore`); another noun phrase is someone the context names.
    let subject_from = ws
        .get(..verb_pos)
        .and_then(|h| h.iter().rposition(|w| w.trailing.contains(',')))
        .map_or(0, |k| k + 1);
    let subject = ws.get(subject_from..verb_pos).unwrap_or(&[]);
    let determined = subject.first().is_some_and(|w| {
        matches!(
            lower(w.text).as_str(),
            "the" | "a" | "an" | "its" | "their" | "para" | "kedua"
        )
    });
    if !menurut
        && determined
        && subject.len() >= 2
        && run.as_ref().is_none_or(|r| r.end_word <= subject_from)
    {
        let (a, b) = (subject.first()?, subject.last()?);
        let span = Span::new(a.span.start, b.span.end);
        if let Some(named) = institution_before(subject) {
            return Some(named);
        }
        return Some(match described_body(text, subject, a.span.start) {
            Some(name) => Attribution::Named {
                name,
                role: None,
                span,
            },
            None => Attribution::Unnamed { span },
        });
    }
    match run {
        Some(run) => Some(Attribution::Named {
            name: run.name,
            role: run.role,
            span: run.span,
        }),
        None => {
            let w = ws.get(verb_pos.saturating_sub(1))?;
            let l = lower(w.text);
            if PRONOUNS.contains(&l.as_str()) || l.ends_with("nya") {
                return Some(Attribution::Pronoun { span: w.span });
            }
            let head = ws.get(..verb_pos).unwrap_or(&[]);
            institution_before(head).or_else(|| {
                // `The ASEAN-US joint statement said, “…”`.
                let (a, b) = (head.first()?, head.last()?);
                described_body(text, head, a.span.start).map(|name| Attribution::Named {
                    name,
                    role: None,
                    span: Span::new(a.span.start, b.span.end),
                })
            })
        }
    }
}

/// Words that make a capitalised phrase an institution (`the Cyber Security Agency of Singapore said:`).
const INSTITUTION_WORDS: &[&str] = &[
    "agency",
    "ministry",
    "department",
    "office",
    "council",
    "commission",
    "secretariat",
    "embassy",
    "kementerian",
    "badan",
    "kantor",
    "lembaga",
    "dewan",
    "komisi",
    "sekretariat",
    "kedutaan",
    "kedubes",
];

/// The institution that ends `ws` (the words before a speech verb), as a named speaker: a capitalised run
/// (joined by `of`, `for`, `and`, `dan`) holding an institution word, or an acronym (`BSSN`).
fn institution_before(ws: &[Word<'_>]) -> Option<Attribution> {
    let mut start = ws.len();
    for (i, w) in ws.iter().enumerate().rev() {
        let l = lower(w.text);
        let capital = w.text.chars().next().is_some_and(char::is_uppercase);
        let joiner = matches!(l.as_str(), "of" | "for" | "and" | "dan" | "the") && start < ws.len();
        if !(capital || joiner) || i + 1 < ws.len() && !w.trailing.trim().is_empty() {
            break;
        }
        start = i;
    }
    let run = ws.get(start..)?;
    let run = run
        .iter()
        .position(|w| w.text.chars().next().is_some_and(char::is_uppercase))
        .and_then(|k| run.get(k..))?;
    let (first, last) = (run.first()?, run.last()?);
    let institution = run.len() == 1 && is_institution(first.text)
        || run
            .iter()
            .any(|w| INSTITUTION_WORDS.contains(&lower(w.text).as_str()));
    institution.then(|| Attribution::Named {
        name: run.iter().map(|w| w.text).collect::<Vec<_>>().join(" "),
        role: None,
        span: Span::new(first.span.start, last.span.end),
    })
}

/// Whether the quoted words are a title, slogan or term rather than speech.
fn is_title_or_term(text: &str, q: &QuotedSpan, attributed: bool, layout: &Layout) -> bool {
    let inner = q.inner.slice(text).trim();
    let n_words = inner.split_whitespace().count();
    let before = super::dates::window_before(text, q.outer.start, 40).to_lowercase();
    let before_words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let marked = before_words
        .iter()
        .rev()
        .take(3)
        .any(|w| TITLE_MARKERS.contains(w));
    if marked {
        return true;
    }
    if layout.kind_at_offset(q.outer.start) == LineKind::Title {
        return true;
    }
    let caps = inner
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // A document's name, capitalised, where it is found (`as stated in the "India-Indonesia Joint Statement …"`,
    // `tertuang dalam "…"`), whatever follows it.
    let in_a_text = matches!(before_words.as_slice(), [.., "in", "the"] | [.., "dalam"]);
    if in_a_text && caps * 2 > n_words {
        return true;
    }
    if attributed {
        return false;
    }
    // Unattributed: speech reads as a clause; a term is short or Title Case without sentence punctuation.
    let ends_like_speech = inner.ends_with([',', '.', '!', '?']);
    n_words < 4 || (!ends_like_speech && caps * 2 > n_words) || (!ends_like_speech && n_words < 8)
}

/// Whether short quoted words are a speaker's own, quoted inside a sentence that reports their speech (`Mr Teo
/// highlighted that IT can enhance "timely information sharing" to …`, `the threat has been the "highest in
/// recent years"`): three words or more, in lower case, in no title's place, in a sentence whose named subject
/// speaks. Capitalised words so quoted are a name or a term (`the "Safe City" plan`), and two words
/// a term as often as speech (`a "cyber attack"`).
fn is_partial_quote(
    text: &str,
    q: &QuotedSpan,
    all: &[Word<'_>],
    people: &[Person],
    layout: &Layout,
) -> bool {
    let inner = q.inner.slice(text).trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let lower_case = words
        .iter()
        .all(|w| !w.chars().next().is_some_and(char::is_uppercase));
    words.len() >= 3
        && lower_case
        && !is_title_or_term(text, q, true, layout)
        && said_in_own_sentence(text, all, people, q.outer.start).is_some()
}

/// Cleans quoted words: the closing comma (and white space) goes; other punctuation stays.
fn clean_span(text: &str, inner: Span) -> Span {
    let s = inner.slice(text);
    let lead = s.len() - s.trim_start().len();
    let mut t = s.trim();
    while let Some(stripped) = t.strip_suffix(',') {
        t = stripped.trim_end();
    }
    Span::new(inner.start + lead, inner.start + lead + t.len())
}

/// Finds the quotes of an article and their speakers.
pub fn find_quotes(text: &str, layout: &Layout, people: &[Person]) -> Vec<Quote> {
    find_quotes_in(
        text,
        layout,
        people,
        &words(text, Span::new(0, text.len())),
        None,
    )
}

/// [`find_quotes`] given the words of the whole text, and the year of the article's event when known (a post
/// named without a name is then its holder that year).
pub fn find_quotes_in(
    text: &str,
    layout: &Layout,
    people: &[Person],
    all: &[Word<'_>],
    year: Option<i32>,
) -> Vec<Quote> {
    let quoted = find_quoted(text, layout);
    let people_tokens: Vec<Vec<String>> = people.iter().map(|p| name_tokens(&p.name)).collect();
    // A page names its few speakers again and again: each printed name is looked up once.
    let mut resolved: FxHashMap<String, Option<usize>> = FxHashMap::default();
    let mut resolve = |name: &str| -> Option<&Person> {
        let i = match resolved.get(name) {
            Some(i) => *i,
            None => {
                let i = resolve_person(people, &people_tokens, name)
                    .and_then(|p| people.iter().position(|q| std::ptr::eq(p, q)));
                resolved.insert(name.to_string(), i);
                i
            }
        };
        i.and_then(|i| people.get(i))
    };
    let mut known: FxHashMap<String, Option<&'static str>> = FxHashMap::default();
    let mut known_person = |name: &str| -> Option<&'static str> {
        *known
            .entry(name.to_string())
            .or_insert_with(|| super::people::known_person(name))
    };
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(String, Option<String>, usize)> = None; // (name, role, quote end)
    for q in quoted {
        let attr = attribution_after(text, q.outer.end, all)
            .or_else(|| attribution_before(text, q.outer.start, all));
        if is_title_or_term(text, &q, attr.is_some(), layout)
            && !(attr.is_none() && is_partial_quote(text, &q, all, people, layout))
        {
            continue;
        }
        let last_named_before = |pos: usize| -> Option<&Person> {
            people
                .iter()
                .filter(|p| p.confirmed)
                .filter_map(|p| {
                    p.mentions
                        .iter()
                        .filter(|m| m.end <= pos)
                        .map(|m| m.end)
                        .max()
                        .map(|e| (e, p))
                })
                .max_by_key(|(e, _)| *e)
                .map(|(_, p)| p)
        };
        // A post resolved to its holder is a named attribution; else it counts as unnamed.
        let attr = match attr {
            Some(Attribution::Post { post, span }) => {
                let named = |name: &str| resolve_person(people, &people_tokens, name).is_some();
                match year
                    .and_then(|y| holder_of(&post, y, &named))
                    .or_else(|| post_holder_in(people, &post))
                {
                    Some(name) => Some(Attribution::Named {
                        name: name.to_string(),
                        role: Some(post),
                        span,
                    }),
                    None => Some(Attribution::Unnamed { span }),
                }
            }
            other => other,
        };
        let (speaker, role, span) = match attr {
            Some(Attribution::Named { name, role, span }) => {
                let known = known_person(&name);
                let person = resolve(&name)
                    .or_else(|| known.and_then(|k| people.iter().find(|p| p.name == k)))
                    .or_else(|| nickname_of(people, &people_tokens, &name))
                    .or_else(|| super::people::going_by(people, &name));
                let role = role.or_else(|| person.and_then(|p| p.role.clone()));
                let speaker = person
                    .map(|p| p.name.clone())
                    .or_else(|| known.map(str::to_string))
                    .unwrap_or(name);
                (Some(speaker), role, Some(span))
            }
            Some(Attribution::Pronoun { span })
            | Some(Attribution::Unnamed { span })
            | Some(Attribution::Post { span, .. }) => {
                // The last named speaker: the person who speaks in the latest sentence with a speech verb since
                // the previous quotation (`Wiranto usai menerima Teo, … menyampaikan bahwa …`: Wiranto, not
                // Teo), else the previous quotation's speaker, else the person named last before it.
                let since = last_speaker.as_ref().map_or(0, |(_, _, end)| *end);
                let speaking = speaking_subject(text, all, people, since, q.outer.start);
                let named = last_named_before(q.outer.start);
                // The person a pronoun stands for is the subject of the latest sentence that opens on a name
                // (`Menko Airlangga Hartarto memimpin …`), before anyone named later in a sentence: a guest
                // (`dihadiri … Sekretaris Jenderal ASEAN Kao Kim Hourn`), an agent (`chaired by President …`).
                let (speaking, named) = match speaking {
                    Speaking::Person(p) => (Some(p), named),
                    Speaking::Described { sentence_start } => (
                        None,
                        last_subject_before(text, all, people, sentence_start)
                            .or_else(|| last_named_before(sentence_start)),
                    ),
                    Speaking::Nobody => (
                        None,
                        last_subject_before(text, all, people, q.outer.start).or(named),
                    ),
                };
                // With no speaking sentence, a pronoun opening the quotation's own sentence stands for the
                // subject of the sentence before.
                let speaking = speaking.or_else(|| narrated_subject(text, people, q.outer.start));
                match (speaking, &last_speaker, named) {
                    (Some(p), _, _) => (Some(p.name.clone()), p.role.clone(), Some(span)),
                    (None, Some((n, r, _)), _) => (Some(n.clone()), r.clone(), Some(span)),
                    (None, None, Some(p)) => (Some(p.name.clone()), p.role.clone(), Some(span)),
                    (None, None, None) => (prominent(people), None, Some(span)),
                }
            }
            // `Johnny Gerard Blade, for his part, said he shared … “the same understanding …”`: a quotation
            // ending a sentence whose subject says it.
            None if said_in_own_sentence(text, all, people, q.outer.start).is_some() => {
                let p = said_in_own_sentence(text, all, people, q.outer.start);
                (
                    p.map(|p| p.name.clone()),
                    p.and_then(|p| p.role.clone()),
                    None,
                )
            }
            None if narrated_subject(text, people, q.outer.start).is_some() => {
                // A quotation inside a narrating sentence (`He had met with Mr Wiranto to discuss …, "which both
                // …"`): its subject's words.
                let p = narrated_subject(text, people, q.outer.start);
                (
                    p.map(|p| p.name.clone()),
                    p.and_then(|p| p.role.clone()),
                    None,
                )
            }
            None => {
                // A paragraph that continues the words of whoever spoke last: the person a sentence with a speech
                // verb names since the previous quotation (`Ms Easterly said …` before `“The MOU allows us …`),
                // else the previous quotation's speaker.
                // Only since a previous quotation (from the text's start, every such quotation would read all
                // the words before it).
                let speaking =
                    last_speaker.as_ref().and_then(|(_, _, since)| {
                        match speaking_subject(text, all, people, *since, q.outer.start) {
                            Speaking::Person(p) => Some(p),
                            _ => None,
                        }
                    });
                match &last_speaker {
                    _ if speaking.is_some() => (
                        speaking.map(|p| p.name.clone()),
                        speaking.and_then(|p| p.role.clone()),
                        None,
                    ),
                    Some((n, r, end)) if q.outer.start.saturating_sub(*end) < 600 => {
                        (Some(n.clone()), r.clone(), None)
                    }
                    _ => (
                        last_named_before(q.outer.start).map(|p| p.name.clone()),
                        None,
                        None,
                    ),
                }
            }
        };
        if let Some(s) = &speaker {
            last_speaker = Some((s.clone(), role.clone(), q.outer.end));
        }
        let inner = clean_span(text, q.inner);
        out.push(Quote {
            speaker,
            role: role.filter(|r| !r.is_empty()),
            text: inner.slice(text).to_string(),
            start: inner.start,
            end: inner.end,
            speaker_span: span,
        });
    }
    out
}

/// The one person of the article whose name has a word that a short name begins (`Trian` for Dian Triansyah
/// Djani): how news shortens a name it gave in full.
fn nickname_of<'p>(people: &'p [Person], tokens: &[Vec<String>], name: &str) -> Option<&'p Person> {
    let short = name_tokens(name);
    let [one] = short.as_slice() else {
        return None;
    };
    if one.chars().count() < 4 {
        return None;
    }
    let mut hits = people.iter().zip(tokens).filter(|(_, t)| {
        t.len() >= 2
            && t.iter()
                .any(|w| w.len() > one.len() && w.starts_with(one.as_str()))
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first.0)
}

/// The named subject of a speech verb in the quotation's own sentence, before the quotation.
fn said_in_own_sentence<'p>(
    text: &str,
    all: &[Word<'_>],
    people: &'p [Person],
    quote_start: usize,
) -> Option<&'p Person> {
    let sentence = super::layout::sentence_around(text, quote_start);
    if sentence.start >= quote_start {
        return None;
    }
    match speaking_subject(text, all, people, sentence.start, quote_start) {
        Speaking::Person(p) => Some(p),
        _ => None,
    }
}

/// Pronouns that open a sentence as its subject: the subject of the sentence before.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "dia", "ia", "beliau"];

/// The subject of the narrating sentence a quotation without a speech verb closes (`He had met with Mr Wiranto to
/// discuss …, "…"`): a pronoun opening it stands for the first person named in the sentence before (the subject
/// there, `DPM Teo was in Jakarta …`). `None` when the quotation opens its sentence or paragraph (it continues
/// the last speaker) or the sentence does not open with such a pronoun.
fn narrated_subject<'p>(
    text: &str,
    people: &'p [Person],
    quote_start: usize,
) -> Option<&'p Person> {
    let sentence = super::layout::sentence_around(text, quote_start);
    let lead = text.get(sentence.start..quote_start)?;
    if lead.contains('\n') || lead.split_whitespace().count() < 4 {
        return None;
    }
    let first = lead
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if !SUBJECT_PRONOUNS.contains(&first.as_str()) {
        return None;
    }
    // The sentence before, in the paragraph before or this one: around its last character.
    let before = text.get(..sentence.start)?.trim_end();
    let last = before.char_indices().next_back()?.0;
    let prev = super::layout::sentence_around(text, last);
    if prev.start >= sentence.start {
        return None;
    }
    first_named_in(people, prev.start, sentence.start)
}

/// The person named first between `lo` and `hi`.
/// The person named as the subject of the latest sentence before `pos` that has one: the sentence's first person,
/// opening its clause (only a title before the name), not after a preposition (`oleh`, `by`, `dengan`, `with`, …)
/// or `dan` / `and`. Looks back over the last 1,500 bytes.
fn last_subject_before<'p>(
    text: &str,
    all: &[Word<'_>],
    people: &'p [Person],
    pos: usize,
) -> Option<&'p Person> {
    let mut mentions: Vec<(usize, &Person)> = people
        .iter()
        .filter(|p| p.confirmed)
        .flat_map(|p| p.mentions.iter().map(move |m| (m.start, p)))
        .filter(|&(at, _)| at < pos && at + 1500 >= pos)
        .collect();
    mentions.sort_by_key(|&(at, _)| std::cmp::Reverse(at));
    let subject = |at: usize| {
        let sentence = super::layout::sentence_around(text, at);
        let before = words_in(all, Span::new(sentence.start, at));
        let first_person = !mentions
            .iter()
            .any(|&(other, _)| other >= sentence.start && other < at);
        let after_preposition = before.last().is_some_and(|w| {
            matches!(
                lower(w.text).as_str(),
                "oleh"
                    | "by"
                    | "dengan"
                    | "with"
                    | "kepada"
                    | "to"
                    | "bersama"
                    | "dan"
                    | "and"
                    | "for"
                    | "untuk"
            )
        });
        // The name opens its sentence: only its title (capitalised words and their joiners) stands before it,
        // after any dateline (`JAKARTA - Menteri …`).
        let dash = |t: &str| !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '–' | '—'));
        let dateline_end = before
            .iter()
            .rposition(|w| dash(w.text) || w.trailing.contains(['–', '—']));
        let clause = dateline_end.map_or(before, |k| before.get(k + 1..).unwrap_or(&[]));
        let opens = clause.iter().all(|w| {
            w.text.chars().next().is_some_and(char::is_uppercase)
                || matches!(lower(w.text).as_str(), "and" | "dan" | "of" | "for" | "the")
        });
        first_person && opens && !after_preposition && sentence.end <= pos + 1
    };
    mentions
        .iter()
        .find(|&&(at, _)| subject(at))
        .map(|&(_, p)| p)
}

fn first_named_in(people: &[Person], lo: usize, hi: usize) -> Option<&Person> {
    first_named_where(people, lo, hi, |_| true)
}

/// The person named first between `lo` and `hi` by a mention whose start `keep` accepts.
fn first_named_where(
    people: &[Person],
    lo: usize,
    hi: usize,
    keep: impl Fn(usize) -> bool,
) -> Option<&Person> {
    people
        .iter()
        .filter_map(|p| {
            p.mentions
                .iter()
                .filter(|m| m.start >= lo && m.end <= hi && keep(m.start))
                .map(|m| m.start)
                .min()
                .map(|first| (first, p))
        })
        .min_by_key(|(first, _)| *first)
        .map(|(_, p)| p)
}

/// The person who speaks in the latest sentence between `from` and `to` that has a speech verb: the first
/// person named in it (the subject, in Indonesian and English news alike).
fn speaking_subject<'p>(
    text: &str,
    all: &[Word<'_>],
    people: &'p [Person],
    from: usize,
    to: usize,
) -> Speaking<'p> {
    let ws = words_in(all, Span::new(from, to));
    // `as stated in the Vision Statement`, `seperti disebutkan dalam …`: a text referred to, not someone speaking.
    let referring = |i: usize| {
        i.checked_sub(1).and_then(|j| ws.get(j)).is_some_and(|w| {
            with_lower_key(w.text, |l| matches!(l, "as" | "seperti" | "sebagaimana"))
        })
    };
    let active = ws.iter().enumerate().rposition(|(i, w)| {
        with_lower_key(w.text, |l| {
            SPEECH_VERBS.contains(&l) || l == "menurut" || l == "according"
        }) && !referring(i)
    });
    // `Hal itu ditegaskan Menko Polhukam Luhut Binsar Panjaitan usai rapat …`: a passive verb of speech after
    // `hal itu` / `demikian` / `this was`, its speaker named after it.
    let passive = ws.iter().enumerate().rposition(|(i, w)| {
        is_passive_speech(w.text)
            && i.checked_sub(1)
                .and_then(|j| ws.get(j.saturating_sub(2)..=j))
                .is_some_and(|before| {
                    before.iter().any(|b| {
                        matches!(
                            lower(b.text).as_str(),
                            "hal" | "itu" | "demikian" | "this" | "that" | "was"
                        )
                    })
                })
    });
    if let Some(p) = passive.filter(|&p| active.is_none_or(|a| p > a))
        && let Some(w) = ws.get(p)
    {
        let sentence = super::layout::sentence_around(text, w.span.start);
        if let Some(person) = first_named_in(people, w.span.end, sentence.end) {
            return Speaking::Person(person);
        }
    }
    let Some(verb_span) = active.and_then(|v| ws.get(v)).map(|w| w.span) else {
        return Speaking::Nobody;
    };
    let at = verb_span.start;
    let sentence = super::layout::sentence_around(text, at);
    // A person after a preposition (`Kepada Chee Hean, Wiranto menjelaskan …`, `with Mr Teo`) is the one spoken
    // to or with, not the subject.
    let spoken_to = |start: usize| {
        text.get(..start)
            .and_then(|b| b.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next())
            .is_some_and(|w| {
                with_lower_key(w, |l| {
                    matches!(
                        l,
                        "kepada" | "dengan" | "bersama" | "untuk" | "to" | "with" | "for"
                    )
                })
            })
    };
    let first_in = |lo: usize, hi: usize| first_named_where(people, lo, hi, |at| !spoken_to(at));
    // The subject before the verb (after it only for `menurut`: a person after `told`, `kata … kepada` is the
    // listener); else the subject is a description (`The former general also said …`) of someone named
    // earlier, and a person named later in the sentence is an object: the person named last before it.
    // `Menurut X` / `according to X` names its source after the word.
    let source_after = text
        .get(verb_span.start..verb_span.end)
        .is_some_and(|w| w.eq_ignore_ascii_case("menurut") || w.eq_ignore_ascii_case("according"));
    let after = || {
        source_after
            .then(|| first_in(verb_span.end, (verb_span.end + 60).min(sentence.end)))
            .flatten()
    };
    match first_in(sentence.start, at).or_else(after) {
        Some(p) => Speaking::Person(p),
        None => Speaking::Described {
            sentence_start: sentence.start,
        },
    }
}

/// Who speaks in the latest sentence with a speech verb.
enum Speaking<'p> {
    /// No such sentence.
    Nobody,
    /// The person named as its subject.
    Person(&'p Person),
    /// A subject described, not named (`The former general also said …`): someone named before the sentence.
    Described { sentence_start: usize },
}

/// The person an article is mostly about: the most mentioned confirmed person.
fn prominent(people: &[Person]) -> Option<String> {
    people
        .iter()
        .filter(|p| p.confirmed)
        .max_by_key(|p| p.mentions.len())
        .map(|p| p.name.clone())
}

/// Whether a word could begin a person's name in an attribution (used by tests and the CLI's explain mode).
pub fn looks_like_name(w: &str) -> bool {
    is_name_word(w) && !is_role_word(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::find_people;

    fn quotes(t: &str) -> Vec<(Option<String>, String)> {
        let layout = Layout::of(t);
        let people = find_people(t, &layout);
        find_quotes(t, &layout, &people)
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn speakers_named_the_ways_agencies_and_translations_name_them() {
        for (t, who) in [
            // A sentence opening with the name, then the title (agency style), then the speech verb.
            (
                "Judul\n\nAgus R. Barnas Deputi VII Kemenko Polhukam di Jakarta, Minggu (24/1/2016), mengatakan bahwa Indonesia diminta mengajukan wakil.\n\n“Usulan ini disampaikan oleh Pemerintah Rusia,” katanya seperti dilansir Antara.",
                "Agus R. Barnas",
            ),
            (
                "Judul\n\nMuchlis Ahmady Staf Ahli Desk Ketahanan dan Keamanan Informasi Cyber Nasional di Jakarta, Sabtu (23/1/2016), mengatakan bahwa pihaknya sudah bertemu.\n\n“Kerja sama yang dijajaki meliputi empat bidang,” katanya.",
                "Muchlis Ahmady",
            ),
            // The visitor named in a clause of when is not the speaker.
            (
                "Judul\n\nMenteri Komunikasi dan Informatika Johnny G. Plate membahas kerja sama dengan Menteri Annuar Musa di Jakarta.\n\n“Saya setuju sekali,” ungkap Menkominfo saat menerima kunjungan Menteri Annuar Haji Musa di Jakarta.",
                "Johnny G. Plate",
            ),
            // A quotation ending a sentence whose subject says it, after an aside.
            (
                "Judul\n\nThe ministers met in Jakarta to discuss cyber security.\n\nJohnny Gerard Blade, for his part, said he shared with his counterpart “the same understanding of protecting the digital space”.",
                "Johnny Gerard Blade",
            ),
            // A name the person goes by, from the people table (Semuel Abrijani Pangerapan).
            (
                "Judul\n\nDirjen Aptika yang bertindak sebagai chairman, Sammy Pangerapan, membuka rapat.\n\n“Teknologi merupakan enabler dari seluruh sektor,” kata Samuel.",
                "Semuel Abrijani Pangerapan",
            ),
            // A province is part of a title; a promise is said.
            (
                "Judul\n\nGubernur Papua Lukas Enembe yang ikut dalam delegasi turut menjelaskan peluang investasi.\n\nLuhut, mewakili pemerintah Indonesia, berjanji akan menyediakan iklim investasi yang baik. “Mereka yang hadir tampak antusias,” tuturnya.",
                "Luhut",
            ),
        ] {
            let layout = Layout::of(t);
            let people = find_people(t, &layout);
            let all = words(t, Span::new(0, t.len()));
            let got = find_quotes_in(t, &layout, &people, &all, Some(2022));
            assert_eq!(
                got.first().and_then(|q| q.speaker.as_deref()),
                Some(who),
                "{t}"
            );
        }
        let t = "Judul\n\nGubernur Papua Lukas Enembe menjelaskan peluang investasi di Jakarta.";
        let layout = Layout::of(t);
        let names: Vec<String> = find_people(t, &layout)
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert!(names.contains(&"Lukas Enembe".to_string()), "{names:?}");
    }

    #[test]
    fn after_quote_verbs_with_titles() {
        let t = "“Tidak ada negara yang mampu sendirian,” kata Menko Polhukam Wiranto di sela KTT.";
        assert_eq!(
            quotes(t),
            vec![(s("Wiranto"), "Tidak ada negara yang mampu sendirian".into())]
        );
        let t = "\"Kerja sama perlu diperkuat,\" ujar Yuddy di Kemenko Polhukam.";
        assert_eq!(quotes(t)[0].0, s("Yuddy"));
        for verb in [
            "tegas", "jelas", "imbuh", "tambah", "tutur", "papar", "sahut", "lanjut", "tandas",
            "sambung", "pungkas", "tutup",
        ] {
            let t = format!("“Kita harus bekerja sama dengan baik,” {verb} Retno Marsudi.");
            assert_eq!(quotes(&t)[0].0, s("Retno Marsudi"), "{verb}");
        }
    }

    #[test]
    fn a_closing_mark_that_lost_its_last_byte_to_a_no_break_space_still_closes() {
        let t = "Judul\n\nAnton Setiyawan dari badan siber hadir dalam pertemuan para menteri di Singapura pekan ini.\n\n\
                 “Sangat penting untuk menghadapi tren berita hoax dan ujaran kebencian,\u{2020} papar Anton.";
        assert_eq!(
            quotes(t),
            vec![(
                s("Anton Setiyawan"),
                "Sangat penting untuk menghadapi tren berita hoax dan ujaran kebencian".into()
            )]
        );
    }

    #[test]
    fn a_statement_or_a_ministry_speaks_under_the_name_the_article_gives_it() {
        let t = "Talks held\n\nThe Russian Foreign Ministry hosted the consultations in Moscow.\n\n\
                 \"The agenda included cooperation on security of information technologies,\" the ministry said.";
        assert_eq!(quotes(t)[0].0, s("Russian Foreign Ministry"));
        let t = "Talks held\n\nThe ASEAN-US joint statement said, \"The Dialogue acknowledged the work done \
                 so far in the region.\"";
        assert_eq!(quotes(t)[0].0, s("ASEAN-US joint statement"));
        let t = "Talks held\n\nIn a joint statement, both sides called for more dialogue.\n\
                 “We noted that cybercrime poses a grave threat to the region,” the statement said.";
        assert_eq!(quotes(t)[0].0, s("Joint statement"));
    }

    #[test]
    fn a_pronoun_stands_for_the_subject_of_the_sentences_before_not_a_guest_or_an_agent_named_later()
     {
        let t = "Dewan ekonomi\n\nJAKARTA - Menteri Koordinator Budi Santoso memimpin pertemuan dewan ekonomi di \
                 Jakarta. Pertemuan ini dihadiri sembilan menteri dan Sekretaris Jenderal ASEAN Bapak Andi Wijaya.\n\
                 Dia mengatakan pertemuan ini merupakan persiapan KTT.\n\
                 \"Kita membahas sejumlah isu penting,\" ujar dia dalam keterangan rilis.";
        assert_eq!(quotes(t)[0].0, s("Budi Santoso"));
        let t = "Digital economy\n\nJakarta, 15 March 2022 – The forum officially took place. Minister Rahmat \
                 Hidayat hopes for public support so that the presidency chaired by President Andi Wijaya can promote \
                 its principles.\n\n\"We hope that the country will bring forth a concrete legacy,\" he said.";
        assert_eq!(quotes(t)[0].0, s("Rahmat Hidayat"));
    }

    #[test]
    fn they_who_speak_are_the_body_named_before_never_one_person() {
        let t = "Ministers meet\n\nThe meeting was chaired by Minister Budi Santoso in Hanoi.\n\n\
                 In a joint statement, the ministers said the work would go on.\n\n\
                 \"We will meet again next year,\" they said.";
        assert_eq!(quotes(t)[0].0, s("Ministers"));
        let t = "Ministers meet\n\nThe meeting was chaired by Minister Budi Santoso in Hanoi.\n\n\
                 In a joint statement released after it, they called for more dialogue.\n\n\
                 \"We will meet again next year,\" they said.";
        assert_eq!(quotes(t)[0].0, s("Joint statement"));
    }

    #[test]
    fn a_passive_verb_of_speech_names_who_a_following_pronoun_stands_for() {
        let t = "Badan siber\n\nMenurut pengamat politik Andi Wijaya lembaga itu perlu.\n\n\
                 \"Ancaman siber sudah nyata,\" jelas Andi (Kamis, 23/6).\n\n\
                 Hal itu ditegaskan Menteri Koordinator Budi Santoso usai rapat dengan Komisi I DPR di Senayan.\n\n\
                 \"Tidak ada pembatalan, minggu depan kami finalisasi,\" ujarnya.";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, s("Andi Wijaya"));
        assert_eq!(q[1].0, s("Budi Santoso"));
    }

    #[test]
    fn a_country_of_the_world_alone_never_speaks_but_may_end_a_speakers_name() {
        let t = "Kerja sama siber\n\nPemerintah Indonesia dan Bulgaria membahas kerja sama siber. Menteri Komunikasi \
                 dan Informatika Johnny G. Plate menjelaskan langkah itu bertujuan memperkuat keamanan.\n\n\
                 \"Pagi ini saya dikunjungi Duta Besar Bulgaria,\" jelasnya.\n\n\
                 Menurut Menkominfo, Indonesia dan Bulgaria bersama-sama mengharapkan ruang digital yang sehat.\n\n\
                 \"Kita menyambut baik semua kerja sama,\" ujarnya.\n\n\
                 Sebagai negara Karibia, Haiti juga hadir.\n\n\"Kami mendukung,\" katanya.\n\n\
                 Kapolri Badrodin Haiti mengatakan, \"Polri siap.\"";
        let q = quotes(t);
        assert_eq!(q.len(), 4, "{q:?}");
        assert!(
            q.iter().take(3).all(|(sp, _)| *sp == s("Johnny G. Plate")),
            "{q:?}"
        );
        assert_eq!(q[3].0, s("Badrodin Haiti"));
    }

    #[test]
    fn the_ministers_who_speak_as_one_are_the_body_the_article_named_never_a_word_before_a_comma() {
        let t = "Ministers meet\n\n\"We will open our markets to one another,\" APEC ministers said in a closing \
                 statement after the meeting in Lima.\n\n\
                 Stressing the role of small firms, the ministers said: \"We will support them with training.\"\n\n\
                 Recalling the Osaka Track, the officials from the twenty economies said: \"We will meet again.\"";
        let q = quotes(t);
        assert_eq!(q.len(), 3, "{q:?}");
        // Named as printed, then `the ministers` are those ministers; a participle opening the sentence is no one.
        assert_eq!(q[0].0, s("APEC ministers"));
        assert_eq!(q[1].0, s("APEC ministers"));
        // Officials from somewhere the article never named before: the body as described, not a name near it.
        assert_eq!(q[2].0, s("Officials"));
        // A name after the comma is still the speaker.
        let t = "Ministers meet\n\nStressing the role of small firms, Minister Budi Santoso said: \"We will help.\"";
        assert_eq!(quotes(t)[0].0, s("Budi Santoso"));
    }

    #[test]
    fn a_speakers_few_words_quoted_in_reported_speech_are_a_quotation_but_a_term_is_not() {
        let t = "Police meet\n\nIn his speech, Mr Teo Chee Hean highlighted that technology can enhance \"timely \
                 information sharing\" to help address common threats.\n\nMr Teo Chee Hean added that the threat \
                 had become a \"cyber attack\" problem and spoke of the \"Safe City Test Bed\" too.";
        let q = quotes(t);
        assert_eq!(
            q,
            vec![(s("Teo Chee Hean"), "timely information sharing".into())]
        );
    }

    #[test]
    fn a_documents_name_in_quotation_marks_is_no_speech() {
        let t = "The dialogue followed the visit, as stated in the \"Joint Statement during the State Visit of the President to India.\"\n\n\"We will work together,\" the minister said.";
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "We will work together");
    }

    #[test]
    fn a_text_referred_to_is_no_speaker() {
        let t = "The dialogue discussed security, Coordinating Minister Budi Santoso stated.\n\n\
                 It followed the visit of President Andi Wijaya, as stated in the Vision Statement of President Andi Wijaya.\n\n\
                 \"This first dialogue is a ministerial meeting,\" the minister remarked.";
        assert_eq!(quotes(t)[0].0, s("Budi Santoso"));
    }

    #[test]
    fn a_pronoun_opening_a_narrating_sentence_is_the_subject_before() {
        let t = "\"We will need more input,\" Wiranto told reporters on Saturday.\n\nDeputy Prime Minister Teo Chee Hean \
                 was in Jakarta for a three-day visit.\n\nHe had met with Mr Wiranto to discuss how their two \
                 countries can work together on cyber security, \"which both Indonesia and ourselves are very \
                 focused on\".\n\n\"So I have invited him to come to the cyber week.\"\n";
        let q = quotes(t);
        assert_eq!(q[0].0.as_deref(), Some("Wiranto"), "{q:?}");
        assert_eq!(q[1].0.as_deref(), Some("Teo Chee Hean"), "{q:?}");
        assert_eq!(q[2].0.as_deref(), Some("Teo Chee Hean"), "{q:?}");
    }

    #[test]
    fn nya_forms_resolve_to_the_last_named_speaker() {
        let t = "Direktur ASEAN M Chandra Widya Yudha mengungkapkan rencana itu.\n\n“Beberapa elemen kerja sama itu adalah peningkatan kapasitas,” sahutnya.\n\nChandra menambahkan hal lain.\n\n“Mengenai insiden Facebook, kita memasukkan elemen data,” jelasnya.";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert!(
            q.iter()
                .all(|(sp, _)| sp.as_deref() == Some("M Chandra Widya Yudha")),
            "{q:?}"
        );
    }

    #[test]
    fn a_known_name_in_a_headline_is_the_person_the_head_of_state_stands_for() {
        // Headlines capitalise every word: the known name runs into the words after it.
        let t = "Rudiantara Kembali Ingatkan Operator Seluler soal Data\n\nMenurut Menteri, data pelanggan adalah kunci kepercayaan publik pada layanan digital di seluruh negeri.\n\"Kita harus bekerja sama menjaga data pelanggan,\" ucapnya.\nTurut hadir dalam pertemuan itu Menteri Keuangan Sri Mulyani dan para direktur operator seluler.";
        let q = quotes(t);
        assert_eq!(
            q,
            vec![(
                s("Rudiantara"),
                "Kita harus bekerja sama menjaga data pelanggan".into()
            )]
        );
    }

    #[test]
    fn ranks_before_a_name_are_no_name_and_a_post_speaks_as_its_holder_in_the_article() {
        // A police rank with its dot, and `Pol` after it.
        let t = "Kerja sama kawasan\n\n\"Kerja sama ini penting bagi kedua negara dan kawasan,\" kata Kepala BNPT Komjen. Pol Andi Wirawan Saputra, dalam keterangannya.";
        assert_eq!(
            quotes(t),
            vec![(
                s("Andi Wirawan Saputra"),
                "Kerja sama ini penting bagi kedua negara dan kawasan".into()
            )]
        );
        // `demikian Wakapolri`: the post as the article printed it before the name.
        let t = "Judul\n\nWakapolri Komjen Budi Hartono menghadiri pertemuan itu.\n\nPertemuan berlangsung dua hari.\n\n\"Agenda ini berkontribusi positif,\" demikian Wakapolri.";
        assert_eq!(
            quotes(t),
            vec![(s("Budi Hartono"), "Agenda ini berkontribusi positif".into())]
        );
        // An army and a navy rank.
        let t = "Pertahanan kawasan\n\n\"Kami siap menjaga perbatasan negara,\" ujar Mayjen TNI Dedi Kurniawan.\n\n\"Laut kita aman dari ancaman,\" kata Laksamana Yudo Margono.";
        let q = quotes(t);
        assert_eq!(
            q.first().map(|x| x.0.clone()),
            Some(s("Dedi Kurniawan")),
            "{q:?}"
        );
        assert_eq!(
            q.get(1).map(|x| x.0.clone()),
            Some(s("Yudo Margono")),
            "{q:?}"
        );
    }

    #[test]
    fn a_one_word_name_after_according_to_is_a_person() {
        // An excerpt that never gives the full name: the short one, where it is a source, is the speaker.
        let t = "Ministers talk data security\n\nThe conference on data security was held in Hanoi on Monday by the ministry.\n\nAccording to Hoang, the region must share more information about threats to its networks.\n\n\"Cyber security has become one of the biggest challenges of our time,\" he noted.";
        assert_eq!(
            quotes(t),
            vec![(
                s("Hoang"),
                "Cyber security has become one of the biggest challenges of our time".into()
            )]
        );
    }

    #[test]
    fn a_person_named_after_the_speech_verb_is_not_the_speaker() {
        // The subject is a descriptor of the minister named before; the person after `said` is an object.
        let t = "Minister Mahfud Arifin met reporters in Jakarta.\n\nThe former judge also said he would join the forum in Manila, after Foreign Secretary Enrique Manalo invited him.\n\n\"We need more cooperation,\" he told reporters on Saturday.";
        let q = quotes(t);
        assert_eq!(q[0].0, s("Mahfud Arifin"), "{q:?}");
    }

    #[test]
    fn a_country_or_a_ministrys_portfolio_is_no_speaker() {
        let t = "Kapolri Budi Santoso bertemu mitranya di Abu Dhabi, Uni Emirat Arab, Senin.\n\n“Kerja sama kita berjalan baik,” ujar dia.";
        assert_eq!(quotes(t)[0].0, s("Budi Santoso"));
        let t = "Hal itu disampaikan Menteri Telekomunikasi dan Media Massa Rusia Ivan Petrov.\n\n“Kami sudah mengirimkan proposal,” ucapnya.";
        assert_eq!(quotes(t)[0].0, s("Ivan Petrov"));
        // A title whose portfolios are listed with commas, before a name of one word.
        let t = "Menteri Koordinator Bidang Politik, Hukum dan Keamanan Sutrisno memimpin delegasi di Singapura.\n\n“Kita membahas bidang keamanan,” ujarnya.";
        assert_eq!(quotes(t)[0].0, s("Sutrisno"));
    }

    #[test]
    fn an_institutions_or_meetings_words_are_no_speaker() {
        let t = "Police chief Ramon Dizon opened the ASEAN Ministerial Meeting on Transnational Crimes in Manila, with the Department of the Interior.\n\n\"We must work together,\" he said.";
        assert_eq!(quotes(t)[0].0, s("Ramon Dizon"));
        let layout = Layout::of(t);
        let names: Vec<String> = find_people(t, &layout)
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Transnational") || n.contains("Department")),
            "{names:?}"
        );
        // A named programme or group in the speaking sentence is no speaker, nor a country written its own way.
        let t = "Terkait peran negaranya dalam Regional Eyes Initiative, Menteri Pertahanan Australia Mark Stone mengatakan negaranya siap berbagi informasi.\n\n“Kami memiliki kemampuan yang cukup,” tambahnya.";
        assert_eq!(quotes(t)[0].0, s("Mark Stone"));
        let t = "Deputy Minister Tran Van Minh spoke at the meeting on Wednesday.\n\nViệt Nam recognises the need for safe cyberspace, he said.\n\n“Security is the key factor,” he said.";
        assert_eq!(quotes(t)[0].0, s("Tran Van Minh"));
    }

    #[test]
    fn quoted_as_saying_names_the_speaker() {
        let t = "Senior Minister of State David Koh signed the pact for Singapore.\n\nThe deal “will take our cooperation a step further,” Koh was quoted as saying in the statement.";
        assert_eq!(quotes(t)[0].0, s("David Koh"));
    }

    #[test]
    fn a_source_after_menurut_speaks_on() {
        let t = "Menteri Budi Santoso membuka rapat itu.\n\nMenurut Retno Marsudi, kerja sama itu penting bagi kawasan.\n\n“Kita harus bersatu,” ujarnya.";
        assert_eq!(quotes(t)[0].0, s("Retno Marsudi"));
    }

    #[test]
    fn before_quote_and_english() {
        let t = "Menurut Rudiantara, “Harus ada ekosistem dan ‘human capital‘ di dalam keamanan siber.”";
        let q = quotes(t);
        assert_eq!(q[0].0, s("Rudiantara"));
        assert!(q[0].1.contains("‘human capital‘"));
        let t = "\"It is a priority of the government to ensure a safe cyberspace,\" Desra Percaya, the Foreign Ministry’s director general, said recently.";
        assert_eq!(quotes(t)[0].0, s("Desra Percaya"));
    }

    #[test]
    fn marks_are_found_as_a_byte_by_byte_scan_finds_them() {
        // The scan before it jumped between candidate bytes.
        fn by_bytes(text: &str, range: Span) -> Vec<(usize, usize, Mark)> {
            let mut out = Vec::new();
            let bytes = range.slice(text).as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                let pos = range.start + i;
                match bytes.get(i) {
                    Some(b'"') => out.push((pos, 1, Mark::Either)),
                    Some(b'\'') if bytes.get(i + 1) == Some(&b'\'') => {
                        out.push((pos, 2, Mark::Either));
                        i += 1;
                    }
                    Some(0xE2) if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                        Some(0x9C | 0x9E) => out.push((pos, 3, Mark::Open)),
                        Some(0x9D) => out.push((pos, 3, Mark::Close)),
                        _ => {}
                    },
                    _ => {}
                }
                i += 1;
            }
            out
        }
        for t in [
            "“Kami sepakat,” kata dia. \"Ya\" dan ''itu'' — „ja“",
            "a''' b'''' c' d''",
            "it’s – ‘x’ ''",
            "",
        ] {
            for start in (0..t.len()).filter(|&s| t.is_char_boundary(s)) {
                let r = Span::new(start, t.len());
                assert_eq!(marks(t, r), by_bytes(t, r), "{t:?} from {start}");
            }
        }
    }

    #[test]
    fn curly_marks_encoded_twice_are_marks() {
        let t = "Direktur BSSN Anton Sutrisno mengatakan hal itu.\n“Hal itu termasuk isu terkini siber,â€ujar Anton.\n\
                 â€œKerja sama yang erat sangat penting bagi kawasan,â€\u{9d} kata Anton. Itu â€™bukanâ€™ kutipan.";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].1, "Hal itu termasuk isu terkini siber");
        assert_eq!(q[1].1, "Kerja sama yang erat sangat penting bagi kawasan");
    }

    #[test]
    fn doubled_apostrophes_and_mixed_marks() {
        let t = "''Kami mau segera, soalnya sudah lama itu,'' kata Luhut kepada wartawan.";
        assert_eq!(
            quotes(t),
            vec![(s("Luhut"), "Kami mau segera, soalnya sudah lama itu".into())]
        );
        let t =
            "\"Tata kelola dan penanganan kejahatan siber ini penting,” ujar Johnny usai rapat.";
        assert_eq!(
            quotes(t)[0].1,
            "Tata kelola dan penanganan kejahatan siber ini penting"
        );
    }

    #[test]
    fn titles_and_terms_are_not_speech() {
        let t = "Pertemuan bertajuk “Cyber Attacks Against Critical Infrastructure” tersebut menyoroti serangan.";
        assert!(quotes(t).is_empty());
        let t = "Singapura mengangkat tema \"Resilient and Innovative ASEAN\" dan sesi \"retreat\" pada 28 April.";
        assert!(quotes(t).is_empty());
        let t = "Presiden Joko \"Jokowi\" Widodo bertemu Turnbull.";
        assert!(quotes(t).is_empty());
    }

    #[test]
    fn a_quotation_the_excerpt_cuts_off_runs_to_the_end_of_the_text() {
        let t = "Kepala BSSN Hinsa Siburian membuka pertemuan siber kawasan di Jakarta.\n\n\
                 \"Kita harus bekerja sama,\" kata Hinsa Siburian.\n\n\
                 Sementara itu, Duta Besar Jepang Kenji Kanasugi menjelaskan bahwa negaranya siap membantu.\n\
                 \"Ini kesempatan bagus untuk bertemu Pak Menteri Budi, kami mengidentifikasi masalah yang dihadapi \n";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[1].1,
            "Ini kesempatan bagus untuk bertemu Pak Menteri Budi, kami mengidentifikasi masalah yang dihadapi"
        );
        // The person a speech verb names since the last quotation speaks, not the one named last before it
        // nor a name inside the words.
        assert_eq!(q[1].0, s("Kenji Kanasugi"));
        // A mark that closes nothing before the end of a paragraph that is not the text's last, or one inside a
        // word, opens no quotation.
        for t in [
            "Menteri berkata \"kita harus bekerja sama dalam hal ini.\n\nPertemuan ditutup pada sore hari.\n",
            "Menteri membuka acara di gedung 5\"A bersama para tamu undangan dari negara tetangga\n",
        ] {
            assert!(quotes(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn the_one_spoken_to_is_not_the_speaker() {
        let t = "Menko Polhukam Wiranto bertemu Wakil Perdana Menteri Singapura Teo Chee Hean di Jakarta.\n\n\
                 \"Hubungan ini harus erat,\" ucap Wiranto.\n\n\
                 Kepada Teo Chee Hean, Wiranto menjelaskan proses pendirian badan siber nasional.\n\n\
                 \"Kita sudah ke sana dan hubungan terus-menerus dilakukan.\"\n";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, s("Wiranto"));
    }

    #[test]
    fn quotes_across_sentences_and_unclosed() {
        let t = "“Kerja sama seperti ini perlu juga. Inikan sifatnya lintas batas,” ujar AM.Fachir. Lalu “tidak ditutup";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].1,
            "Kerja sama seperti ini perlu juga. Inikan sifatnya lintas batas"
        );
        // The people table's spelling of the name.
        assert_eq!(q[0].0, s("A.M. Fachir"));
    }

    /// Attributions as Indonesian and English news write them, on sentences written for this test.
    #[test]
    fn attributions_of_the_genre() {
        let cases: &[(&str, &str)] = &[
            (
                "Indonesia terpilih kembali.\n\n\"Indonesia is elected to represent Region E as a member of the Council,\" said the Foreign Ministry in a press release on Monday.",
                "Foreign Ministry",
            ),
            (
                "Menteri Luar Negeri Retno Marsudi bertemu mitranya di Jakarta.\n\n“Kita sepakat memperkuat kerja sama siber,” said Retno Marsudi.",
                "Retno Marsudi",
            ),
            (
                "“We agreed to work together on cyber norms,” Indonesian Foreign Minister Retno Marsudi told reporters in Jakarta.",
                "Retno Marsudi",
            ),
            (
                "Foreign Minister Retno Marsudi opened the meeting. She said: “The region needs rules for cyberspace.”",
                "Retno Marsudi",
            ),
            (
                "Menurut Kepala BSSN Hinsa Siburian, “ancaman siber terus meningkat setiap tahun di kawasan ini.”",
                "Hinsa Siburian",
            ),
            (
                "“Kerja sama ini penting bagi keamanan siber nasional,” tegas Kepala BSSN Hinsa Siburian dalam keterangannya.",
                "Hinsa Siburian",
            ),
            (
                "Sekretaris Jenderal Kominfo Mira Tayyiba membuka pertemuan ATRC di Bali.\n\n“Kolaborasi regional adalah kunci,” imbuh Mira.",
                "Mira Tayyiba",
            ),
            (
                "Coordinating Minister Mahfud MD chaired the meeting on Monday.\n\n“ASEAN must stay united against transnational crime,” he added.",
                "Mahfud MD",
            ),
            (
                "Menkominfo Rudiantara hadir dalam forum itu. Ia menyoroti pentingnya literasi digital.\n\n“Literasi digital harus menjadi gerakan bersama seluruh negara anggota,” ujar pria yang akrab disapa Chief RA itu.",
                "Rudiantara",
            ),
        ];
        // A post named without a name is its holder in the article's year.
        let t = "Jakarta - Pemerintah membahas keamanan siber kawasan dalam rapat di Jakarta.\n\n“Kita harus siap menghadapi serangan siber,” kata Menkominfo dalam konferensi pers.";
        let layout = Layout::of(t);
        let people = find_people(t, &layout);
        let all = words(t, Span::new(0, t.len()));
        let q = find_quotes_in(t, &layout, &people, &all, Some(2018));
        assert_eq!(q[0].speaker.as_deref(), Some("Rudiantara"), "{q:?}");
        let q = find_quotes_in(t, &layout, &people, &all, Some(2021));
        assert_eq!(q[0].speaker.as_deref(), Some("Johnny G. Plate"), "{q:?}");
        // In the year the post changed hands, the holder the article names, whoever else it names after.
        let t = "Jakarta - Menteri Komunikasi dan Informatika Johnny G Plate bertemu Menteri Informasi dan Komunikasi Vietnam Nguyen Manh Hung di Jakarta.\n\n“Kawasan kita punya potensi besar,” kata Menkominfo dalam siaran pers.";
        let layout = Layout::of(t);
        let people = find_people(t, &layout);
        let all = words(t, Span::new(0, t.len()));
        let q = find_quotes_in(t, &layout, &people, &all, Some(2023));
        assert_eq!(q[0].speaker.as_deref(), Some("Johnny G. Plate"), "{q:?}");
        for (text, want) in cases {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            let got = q[0].0.clone().unwrap_or_default();
            assert!(
                crate::eval::speaker_matches(&got, want),
                "{text}: {got:?}, want {want}"
            );
        }
    }
}
