//! The shape of a scraped news page: which lines are the article (title, body) and which are page chrome
//! (other stories' headlines, "Baca juga", captions, footers). Later stages use this to ignore chrome.

use super::lexicon::{
    CHROME_LINE_PREFIXES, CHROME_PHRASES, CHROME_SECTION_LABELS, RANK_ABBREVIATIONS,
};
use super::re::Regex;
use crate::model::Span;
use std::sync::LazyLock;

/// What a line of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Empty.
    Blank,
    /// Page furniture or another story: never evidence for this article.
    Chrome,
    /// A photo caption.
    Caption,
    /// The article's headline.
    Title,
    /// A short line before the body: byline, date line, credit.
    Header,
    /// The article's text.
    Body,
}

/// One line with its byte range and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the line (without its `\n`).
    pub span: Span,
    /// Its kind.
    pub kind: LineKind,
}

/// The lines of an article, classified.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Every line, in order.
    pub lines: Vec<Line>,
    /// The headline, if the page has one.
    pub title: Option<Span>,
    /// Every line that could be the headline, best first (the first is `title`): a later stage that knows the
    /// first is page furniture (it recurs across unrelated articles) takes the next.
    pub title_candidates: Vec<Span>,
    /// Byte offset where the body starts.
    pub body_start: usize,
}

static CAPTION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::extract::regex(r"(?im)^[ \t]*\((?:dok|doc|foto|ist|istimewa|photo|file)[^)\n]*\)[ \t]*$|\((?:foto|dok\.?|photo)[^)\n]*\)[ \t]*$|/[^/()\n]{2,40}\)[ \t]*$|^[ \t]*foto[ \t]*:|^[ \t]*photo[ \t]*:")
    .ok()
});
/// A photo credit ending a line: `… Jakarta, 30 Agustus 2016. TEMPO/Yohanes Paskalis`, `ANTARA FOTO/Hafidz
/// Mubarak A`.
static PHOTO_CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::extract::regex(r"(?m)(?:^|[\s.(])[A-Z]{3,}(?:\s[A-Z]{3,})?/[A-Z][\w.'’ -]{1,40}[ \t]*$")
        .ok()
});
/// A photo's source after the caption's full stop: `… Sumatra Utara. / Dok. Kemenko Marves`, `… Jakarta. Foto:
/// Humas Kemlu`.
static DOC_CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::extract::regex(r"(?i)\.\s*/?\s*(?:dok|doc|foto|photo)\s*[.:]\s*[^./\n]{2,40}$").ok()
});
static DATEISH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::extract::regex(
        r"(?i)\bWIB\b|\bWITA\b|\bWIT\b|^\W*\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}[:.]\d{2}\b",
    )
    .ok()
});

/// Words grouped by their first byte (index = byte).
fn by_first_byte(words: &[&'static str]) -> Vec<Vec<&'static str>> {
    let mut by = vec![Vec::new(); 256];
    for w in words {
        if let Some(slot) = w
            .as_bytes()
            .first()
            .and_then(|b| by.get_mut(usize::from(*b)))
        {
            slot.push(*w);
        }
    }
    by
}

/// The chrome labels and line prefixes by their first byte: a line is compared only with those that start as
/// it does (comparing it with every prefix was most of the layout's time).
static CHROME_LABELS_BY_FIRST: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| by_first_byte(CHROME_SECTION_LABELS));
static CHROME_PREFIXES_BY_FIRST: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| by_first_byte(CHROME_LINE_PREFIXES));

/// Whether `s` has more than `n` white-space separated words (`split_whitespace().nth(n).is_some()`, reading
/// ASCII bytes directly).
pub fn more_words_than(s: &str, n: usize) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        // Nearly every line: byte by byte without decoding.
        let mut words = 0;
        let mut in_word = false;
        for &b in bytes {
            let space = b.is_ascii_whitespace();
            if !space && !in_word {
                words += 1;
                if words > n {
                    return true;
                }
            }
            in_word = !space;
        }
        return false;
    }
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (space, len) = if b.is_ascii() {
            (b.is_ascii_whitespace(), 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            }
        };
        i += len;
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > n {
                return true;
            }
        }
    }
    false
}

impl Layout {
    /// Classifies the lines of `text`.
    pub fn of(text: &str) -> Layout {
        // One line per line break, plus the last: the list is filled at its final size.
        let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
        let mut pos = 0usize;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
            let span = Span::new(pos, end);
            let raw = span.slice(text);
            pos = end + 1;
            let kind = if raw.trim().is_empty() {
                LineKind::Blank
            } else {
                LineKind::Body
            };
            lines.push(Line { span, kind });
        }
        // Only a line's beginning decides labels and prefixes: lower-case that much (on the stack when it is ASCII,
        // as nearly every line is), not whole paragraphs.
        let mut buf = [0u8; 48];

        // Section labels and line prefixes.
        let mut i = 0;
        while i < lines.len() {
            if kind_at(&lines, i) == LineKind::Blank {
                i += 1;
                continue;
            }
            let line = lines.get(i).map(|l| l.span.slice(text)).unwrap_or("");
            let head = line_head(line, &mut buf);
            let l: &str = &head;
            // The labels and prefixes that start with the line's first byte (none for most lines).
            let first = l.as_bytes().first().map(|b| usize::from(*b));
            let starting = |by: &'static [Vec<&'static str>]| {
                first.and_then(|i| by.get(i)).map_or(&[][..], Vec::as_slice)
            };
            let (labels, prefixes) = (
                starting(&CHROME_LABELS_BY_FIRST),
                starting(&CHROME_PREFIXES_BY_FIRST),
            );
            let is_label = labels.contains(&l.trim_end_matches(':'));
            if is_label {
                set_kind(&mut lines, i, LineKind::Chrome);
                let to_end = matches!(
                    l,
                    "berita lainnya" | "berita terkait" | "related" | "read more"
                );
                let mut j = i + 1;
                // Skip blank lines right after the label, then mark the block until the next blank line: the
                // block is a list of other stories' headlines, so it ends too at the first line that reads as
                // the article's own text (a sentence, or a long line) — pages with no blank lines between
                // paragraphs would otherwise lose everything after a `Baca juga`.
                while j < lines.len() && kind_at(&lines, j) == LineKind::Blank {
                    j += 1;
                }
                let first = j;
                while j < lines.len() && (to_end || kind_at(&lines, j) != LineKind::Blank) {
                    if kind_at(&lines, j) != LineKind::Blank {
                        let t = lines
                            .get(j)
                            .map(|l| l.span.slice(text).trim())
                            .unwrap_or("");
                        // The first line may be a teaser sentence; a quotation or a long paragraph is the
                        // article's, and so is a sentence further down the block.
                        let own_text = t.starts_with(['"', '“', '\''])
                            || more_words_than(t, 20)
                            || j > first
                                && more_words_than(t, 6)
                                && t.ends_with(['.', '!', '?', '"', '”']);
                        if own_text {
                            break;
                        }
                        set_kind(&mut lines, j, LineKind::Chrome);
                    }
                    j += 1;
                }
                i = j;
                continue;
            }
            if kind_at(&lines, i) == LineKind::Body
                && (prefixes.iter().any(|p| l.starts_with(p)) || is_furniture_line(line))
            {
                set_kind(&mut lines, i, LineKind::Chrome);
            }
            i += 1;
        }

        // Captions: only a line that ends with `)` or starts with `foto`/`photo` can be one, and only those
        // lines are searched.
        if let Some(re) = CAPTION.as_ref() {
            for i in 0..lines.len() {
                if kind_at(&lines, i) != LineKind::Body {
                    continue;
                }
                let line = without_tags(lines.get(i).map(|l| l.span.slice(text)).unwrap_or(""));
                let start = line.trim_start_matches([' ', '\t']).as_bytes();
                let candidate = line.trim_end_matches([' ', '\t']).ends_with(')')
                    || start
                        .get(..4)
                        .is_some_and(|p| p.eq_ignore_ascii_case(b"foto"))
                    || start
                        .get(..5)
                        .is_some_and(|p| p.eq_ignore_ascii_case(b"photo"));
                let credit = || {
                    let tail = line.trim_end();
                    let tail_start = tail.len().saturating_sub(60);
                    tail.get(tail_start..).is_some_and(|t| t.contains('/'))
                        && PHOTO_CREDIT.as_ref().is_some_and(|p| p.is_match(line))
                };
                // `… di Parapat, Sumatra Utara. / Dok. Kemenko Marves`: a sentence, then the photo's source.
                let documented = || DOC_CREDIT.as_ref().is_some_and(|p| p.is_match(line));
                // `Retno Marsudi (right) speaks with Stef Blok …`: where each person stands in the photo.
                let positioned = || line.len() < 400 && has_position_mark(line);
                // `“…,” katanya. (ril/sabar)`: a quotation said, closed by the newsroom's initials, is the story's
                // last paragraph, not a photo's caption.
                let spoken = || {
                    let t = line.trim();
                    if !t.starts_with(['“', '"']) {
                        return false;
                    }
                    // The word after the quotation's closing mark: a verb of saying (`kata`, `ujarnya`, `said`).
                    let open_len = t.chars().next().map_or(1, char::len_utf8);
                    let close = t
                        .get(open_len..)
                        .and_then(|r| r.find(['”', '"']).map(|k| k + open_len));
                    let after = close
                        .and_then(|k| t.get(k..))
                        .map(|r| r.trim_start_matches(['”', '"', ',', ' ']))
                        .unwrap_or("");
                    let word: String = after
                        .chars()
                        .take_while(|c| c.is_alphabetic())
                        .collect::<String>()
                        .to_lowercase();
                    let stem = word.strip_suffix("nya").unwrap_or(&word);
                    [word.as_str(), stem].iter().any(|w| {
                        super::lexicon::ATTRIBUTION_AFTER.contains(w)
                            || super::lexicon::SPEECH_VERBS.contains(w)
                    })
                };
                if (candidate && re.is_match(line) || credit() || documented() || positioned())
                    && !spoken()
                {
                    set_kind(&mut lines, i, LineKind::Caption);
                }
            }
        }

        // Body start: the first long line; before it, header lines and the title. Only the first and the last long
        // line matter, so lines are measured from either end until one is found.
        // A long line, or a whole sentence of a dozen words or more (some outlets write short paragraphs).
        let long = |lines: &[Line], i: usize| {
            lines.get(i).is_some_and(|l| {
                let t = without_mojibake_end(l.span.slice(text).trim());
                l.kind == LineKind::Body
                    && (more_words_than(t, 21)
                        || more_words_than(t, 11)
                            && t.ends_with(['.', '!', '?'])
                            && !DATEISH.as_ref().is_some_and(|re| re.is_match(t)))
            })
        };
        // A page's first lines may hold a long headline (a speech's `Opening Address by …, at the 6th …`): no
        // sentence ends it and the article's first paragraph follows a few lines below.
        let headline_shaped = |lines: &[Line], i: usize| {
            lines.get(i).is_some_and(|l| {
                let t = without_mojibake_end(without_tags(l.span.slice(text)));
                t.len() <= 260
                    && !t.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ';', ','])
                    && !t.contains(['“', '"'])
                    && !opens_with_dateline(t)
            })
        };
        let first_long = (0..lines.len()).find(|&i| long(&lines, i));
        let long_headline = first_long.filter(|&first| {
            let above = (0..first)
                .filter(|&j| kind_at(&lines, j) == LineKind::Body)
                .count();
            above <= 2 && headline_shaped(&lines, first)
        });
        let first_long = match long_headline {
            Some(first) => (first + 1..lines.len().min(first + 24))
                .find(|&i| long(&lines, i))
                .or(Some(first)),
            None => first_long,
        };
        let long_headline = long_headline.filter(|&h| Some(h) != first_long);
        let last_long =
            first_long.and_then(|first| (first..lines.len()).rev().find(|&i| long(&lines, i)));
        let first_long = first_long.unwrap_or(0);
        // A first long line, a sentence, that shares none of its words with the article below it, with a short line
        // (the headline) between it and the next long line, is the site's furniture (`We are creating some
        // awesome events for you. Kindly bear with us.`): the article starts at that next long line.
        let first_long = {
            let next = (first_long + 2..lines.len().min(first_long + 6)).find(|&i| long(&lines, i));
            let words_of = |i: usize| {
                lines
                    .get(i)
                    .map(|l| content_words(l.span.slice(text)))
                    .unwrap_or_default()
            };
            let foreign = |n: usize| {
                let own = words_of(first_long);
                let Some(start) = lines.get(n).map(|l| l.span.start) else {
                    return false;
                };
                let mut end = (start + 2000).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let below: rustc_hash::FxHashSet<String> =
                    content_words(text.get(start..end).unwrap_or(""))
                        .into_iter()
                        .collect();
                let shared = own.iter().filter(|w| below.contains(*w)).count();
                // (A teaser cut off with `...` is left to the dateline's rule below.)
                let sentence = lines.get(first_long).is_some_and(|l| {
                    let t = without_mojibake_end(l.span.slice(text).trim());
                    t.ends_with(['.', '!', '?']) && !t.ends_with("..")
                });
                own.len() >= 3 && shared == 0 && sentence
            };
            let headline_between = |n: usize| {
                (first_long + 1..n).any(|i| {
                    kind_at(&lines, i) == LineKind::Body
                        && !words_of(i).is_empty()
                        && !long(&lines, i)
                })
            };
            match next {
                Some(n) if headline_between(n) && foreign(n) => {
                    set_kind(&mut lines, first_long, LineKind::Chrome);
                    n
                }
                _ => first_long,
            }
        };
        // A dateline opens the article (`BANGKAPOS.COM, JAKARTA -- …`): long lines a few lines above it are a
        // teaser, a photo's caption or another story, never the article's first paragraph.
        let line_text = |lines: &[Line], i: usize| {
            lines
                .get(i)
                .map(|l| without_tags(l.span.slice(text)))
                .unwrap_or("")
        };
        let first_long = if opens_with_dateline(line_text(&lines, first_long)) {
            first_long
        } else {
            // Eight lines that hold words (a page's blank lines between them do not count).
            let later = (first_long + 1..lines.len())
                .filter(|&i| kind_at(&lines, i) != LineKind::Blank)
                .take(8)
                .find(|&i| long(&lines, i) && opens_with_dateline(line_text(&lines, i)));
            match later {
                Some(dated) => {
                    for i in first_long..dated {
                        if long(&lines, i) {
                            set_kind(&mut lines, i, LineKind::Caption);
                        }
                    }
                    dated
                }
                None => first_long,
            }
        };
        let mut title_candidates = title_candidates(text, &lines, first_long);
        if let Some(pos) = title_candidates
            .iter()
            .position(|&i| Some(i) == long_headline)
        {
            let head = title_candidates.remove(pos);
            title_candidates.insert(0, head);
        }
        // No headline above the body: a page may print it after the body, above its date line.
        if title_candidates.is_empty()
            && let Some(i) = headline_at_end(text, &lines, first_long)
        {
            title_candidates.push(i);
            set_kind(&mut lines, i, LineKind::Title);
        }
        let title_line = title_candidates.first().copied();
        for i in 0..first_long {
            if kind_at(&lines, i) == LineKind::Body {
                let kind = if Some(i) == title_line {
                    LineKind::Title
                } else {
                    LineKind::Header
                };
                set_kind(&mut lines, i, kind);
            }
        }
        let title = title_line.and_then(|i| lines.get(i)).map(|l| {
            let span = without_glued_label(text, &lines, trimmed(text, l.span));
            without_byline(text, without_leading_date(text, span))
        });
        let title_candidates = title_candidates
            .iter()
            .filter_map(|&i| {
                lines
                    .get(i)
                    .map(|l| without_glued_label(text, &lines, trimmed(text, l.span)))
            })
            .collect();
        // Trailing furniture: short lines after the last long body line.
        if let Some(last_long) = last_long {
            for i in last_long + 1..lines.len() {
                let t = lines
                    .get(i)
                    .map(|l| l.span.slice(text).trim())
                    .unwrap_or("");
                if kind_at(&lines, i) == LineKind::Body
                    && t.split_whitespace().nth(6).is_none()
                    && !t.contains('“')
                    && !t.contains('"')
                {
                    set_kind(&mut lines, i, LineKind::Chrome);
                }
            }
        }
        let body_start = lines.get(first_long).map(|l| l.span.start).unwrap_or(0);
        Layout {
            lines,
            title,
            title_candidates,
            body_start,
        }
    }

    /// The first three paragraphs of the body: the lead, where news says what happened, where and when.
    pub fn lead(&self) -> impl Iterator<Item = Span> + '_ {
        self.lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .take(3)
            .map(|l| l.span)
    }

    /// The headline (when there is one), then [`Layout::lead`].
    pub fn headline_and_lead(&self) -> impl Iterator<Item = Span> + '_ {
        self.title.into_iter().chain(self.lead())
    }

    /// The kind of the line holding byte `offset`.
    pub fn kind_at_offset(&self, offset: usize) -> LineKind {
        let idx = self.line_index(offset);
        self.lines
            .get(idx)
            .map(|l| l.kind)
            .unwrap_or(LineKind::Blank)
    }

    /// Whether `offset` lies in article text (title, header or body), not in chrome or a caption.
    pub fn is_article(&self, offset: usize) -> bool {
        matches!(
            self.kind_at_offset(offset),
            LineKind::Body | LineKind::Title | LineKind::Header
        )
    }

    /// Whether `offset` lies in the body proper.
    pub fn is_body(&self, offset: usize) -> bool {
        self.kind_at_offset(offset) == LineKind::Body
    }

    /// The span of the line holding `offset`.
    pub fn line_span(&self, offset: usize) -> Option<Span> {
        self.lines.get(self.line_index(offset)).map(|l| l.span)
    }

    /// The index of the line holding `offset` (the first line ending at or after it), searched from where it
    /// should be on evenly long lines: asked for every date, name and quotation, a plain binary search over a
    /// huge page's million lines would miss the cache at every step.
    fn line_index(&self, offset: usize) -> usize {
        let end = self.lines.last().map_or(0, |l| l.span.end).max(1);
        let guess = (offset as u128 * self.lines.len() as u128 / end as u128) as usize;
        super::partition_from(&self.lines, guess, |l| l.span.end < offset)
    }
}

/// Words of four letters or more, lower case, that are not function words: what a headline shares with its
/// article.
fn content_words(s: &str) -> Vec<String> {
    const FUNCTION_WORDS: &[&str] = &[
        "yang", "dengan", "untuk", "dalam", "akan", "pada", "juga", "dari", "kepada", "oleh",
        "telah", "sudah", "bisa", "dapat", "atau", "serta", "karena", "bahwa", "adalah", "tidak",
        "lebih", "para", "this", "that", "with", "from", "have", "will", "their", "they", "been",
        "were", "into", "over", "about", "after", "said", "says",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

/// Whether a short line is page furniture by its words: a request to update the browser, to subscribe, to log
/// in, an advertisement ([`CHROME_PHRASES`]).
pub fn is_chrome_phrase(line: &str) -> bool {
    static ANY: LazyLock<Option<crate::extract::re::Regex>> =
        LazyLock::new(|| phrase_regex(CHROME_PHRASES));
    holds_phrase(&ANY, CHROME_PHRASES, line)
}

/// One case-blind regular expression matching any of `phrases` (lower case, taken literally).
fn phrase_regex(phrases: &[&str]) -> Option<crate::extract::re::Regex> {
    let alternatives: Vec<String> = phrases
        .iter()
        .map(|p| super::entities::regex_escape(p))
        .collect();
    crate::extract::regex(&format!("(?i:{})", alternatives.join("|"))).ok()
}

/// Whether `line` holds one of `phrases`: every phrase at once, in one pass over the line with `re` (no
/// lower-cased copy), or one by one if it could not be built.
fn holds_phrase(re: &Option<crate::extract::re::Regex>, phrases: &[&str], line: &str) -> bool {
    match re {
        Some(re) => re.is_match(line),
        None => {
            let l = line.to_lowercase();
            phrases.iter().any(|p| l.contains(p))
        }
    }
}

/// Whether a line is page furniture by its words ([`CHROME_PHRASES`]) and its length: a short line, or one
/// of up to forty words that asks the reader something (update the browser, subscribe) rather than reports.
fn is_furniture_line(line: &str) -> bool {
    let t = line.trim();
    if more_words_than(t, 40) || t.contains('“') || t.contains('"') {
        return false;
    }
    static STRONG: LazyLock<Option<crate::extract::re::Regex>> =
        LazyLock::new(|| phrase_regex(FURNITURE_WORDS));
    let strong = holds_phrase(&STRONG, FURNITURE_WORDS, t);
    strong || !more_words_than(t, 12) && is_chrome_phrase(t)
}

/// Words that make any line not too long page furniture: the browser, cookies, a subscription, a call to follow
/// the site.
const FURNITURE_WORDS: &[&str] = &[
    "browser",
    "javascript",
    "langganan",
    "berlangganan",
    "subscribe",
    "cookie",
    "newsletter",
    // A call to follow the site's channel (`Yuk Follow Kami di Google News …`).
    "google news",
    "whatsapp channel",
    "saluran whatsapp",
    "follow kami",
    "ikuti kami",
    "follow us",
];

/// A line that is a dateline standing alone (`Jakarta (JurnalPagi) –`, `JAKARTA, KOMPAS.com -`): it ends with a
/// dash or a colon.
fn is_dateline_alone(t: &str) -> bool {
    t.ends_with(['–', '—', '-', ':'])
}

/// Whether a line opens with a dateline (`TRIBUNNEWS.COM, BALI - …`, `Jakarta (ANTARA) – …`): the lead's
/// first words broken onto a short line, not a headline.
fn opens_with_dateline(t: &str) -> bool {
    let cut = [" - ", " – ", " — ", "--", " —", " –"]
        .iter()
        .filter_map(|d| t.find(d))
        .min();
    let Some(head) = cut.and_then(|c| t.get(..c)) else {
        return false;
    };
    head.len() <= 45
        && (head.contains(',') || head.contains('('))
        && head
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(')
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// Credit lines: who wrote, edited or photographed the page (`Laporan Wartawan Tribunnews.com, …`, `Editor:`).
pub(crate) fn is_credit_line(t: &str) -> bool {
    // Only the line's start decides (a scraper's date and the longest credit word fit in its first 48 bytes).
    let mut buf = [0u8; 48];
    let head = line_head(t, &mut buf);
    let l = strip_scraper_date(&head);
    [
        "laporan wartawan",
        "laporan reporter",
        "laporan koresponden",
        "laporan kontributor",
        "laporan jurnalis",
        "penulis:",
        "penulis :",
        "editor:",
        "editor :",
        "reporter:",
        "reporter :",
        "pewarta:",
        "pewarta :",
        "written by",
        "reporting by",
        "by ",
        "oleh:",
        "oleh :",
        // A photo's credit standing alone: `DOK KEMENKO POLHUKAM`, `Dok. Humas BSSN`, `Foto: Antara`.
        "dok ",
        "dok.",
        "dokumentasi ",
        "foto:",
        "foto :",
        "foto/",
        "photo:",
        "photo :",
        "photo credit",
        "image:",
        "ilustrasi:",
        "ilustrasi ",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// A photo caption or any sentence, never a headline: a line ending in a full stop, also once the HTML tags
/// around it and the photo's credit after it are taken off (`<p>Menteri … di Parapat. / Dok. Kemenko Marves</p>`,
/// `Menteri Luar Negeri Retno Marsudi. (Kemenlu RI)`, `… di Jakarta. ANTARA FOTO/…`).
/// Words of a photo caption's position marks: `(right)`, `(second left)`, `(kiri)`, `(ketiga kanan)`, `(l-r)`.
const POSITION_WORDS: &[&str] = &[
    "right", "left", "center", "centre", "second", "third", "fourth", "from", "front", "back",
    "row", "l-r", "r-l", "kanan", "kiri", "tengah", "kedua", "ketiga", "keempat", "dari", "ke",
    "ki-ka", "ka-ki", "depan", "belakang", "baris",
];

/// Whether `t` holds a photo caption's position mark: a parenthesis of position words only, one of them a side.
fn has_position_mark(t: &str) -> bool {
    t.split('(').skip(1).any(|rest| {
        let Some((inside, _)) = rest.split_once(')') else {
            return false;
        };
        // Four short words at most: only such a parenthesis is lower-cased and read.
        if inside.len() > 48 {
            return false;
        }
        let inside = inside.to_lowercase();
        let words: Vec<&str> = inside.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| POSITION_WORDS.contains(w))
            && words.iter().any(|w| {
                matches!(
                    *w,
                    "right"
                        | "left"
                        | "center"
                        | "centre"
                        | "kanan"
                        | "kiri"
                        | "tengah"
                        | "l-r"
                        | "r-l"
                        | "ki-ka"
                        | "ka-ki"
                )
            })
    })
}

fn is_caption(t: &str) -> bool {
    // A photo caption names where each person stands: `Retno Marsudi (right) speaks with …`.
    if has_position_mark(t) {
        return true;
    }
    let mut s = without_tags(t);
    // A parenthesised credit at the end: `(Kemenlu RI)`, `(Foto: …)`.
    if s.ends_with(')')
        && let Some(i) = s.rfind('(')
    {
        s = s.get(..i).unwrap_or("").trim_end();
    }
    // A credit after a slash or a photo agency's mark: `/ Dok. Kemenko Marves`, `ANTARA FOTO/…`.
    let lower = s.to_lowercase();
    for mark in [
        " / dok",
        " /dok",
        " / foto",
        " / photo",
        " antara foto/",
        " foto:",
        " photo:",
    ] {
        if let Some(i) = lower.rfind(mark) {
            s = s.get(..i).unwrap_or("").trim_end();
            break;
        }
    }
    // A photo agency's mark after a slash ends the line: `… bersama anggota /EPA-EFE`, `… di Hanoi /AFP`.
    let agency_mark = s.rsplit_once(" /").is_some_and(|(_, mark)| {
        (2..=16).contains(&mark.len())
            && mark.starts_with(|c: char| c.is_ascii_uppercase())
            && mark.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
            && mark.chars().filter(char::is_ascii_uppercase).count() >= 2
    });
    agency_mark || s.ends_with('.')
}

/// A line without the HTML tags that open and close it (`<p>…</p>`), trimmed.
fn without_tags(t: &str) -> &str {
    let mut s = t.trim();
    while let Some(rest) = s
        .strip_prefix('<')
        .and_then(|r| r.split_once('>').map(|x| x.1))
    {
        s = rest.trim_start();
    }
    while s.ends_with('>') {
        match s.rfind('<') {
            Some(i) => s = s.get(..i).unwrap_or("").trim_end(),
            None => break,
        }
    }
    s
}

/// A headline without the page date printed before it on its line (`November 6, 2020 Outcomes of …`, a
/// scraper's `date 2019-10-03 New centre …`).
fn without_leading_date(text: &str, span: Span) -> Span {
    static LEADING: LazyLock<Option<Regex>> = LazyLock::new(|| {
        crate::extract::regex(
            r"^\s*(?:date\s+)?(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|\d{4}-\d{2}(?:-\d{2})?)[\s,|–-]+",
        )
        .ok()
    });
    let t = span.slice(text);
    match LEADING
        .as_ref()
        .and_then(|re| re.captures(t))
        .and_then(|c| c.get(0))
    {
        Some(m)
            if t.get(m.end()..)
                .is_some_and(|rest| rest.split_whitespace().nth(2).is_some()) =>
        {
            Span::new(span.start + m.end(), span.end)
        }
        _ => span,
    }
}

/// A headline without a section label or breadcrumb the scraper glued to it (`Berita KampusIndonesia dan Inggris
/// Sepakat …`, the page printing `Berita Kampus` on a line of its own above): a line of one to four words from
/// the page's head that the headline begins with, its last letter lower case and the headline's next letter a
/// capital, with no space between.
fn without_glued_label(text: &str, lines: &[Line], span: Span) -> Span {
    let t = span.slice(text);
    let glued_after = |p: &str| {
        t.get(p.len()..).is_some_and(|rest| {
            rest.chars().next().is_some_and(char::is_uppercase)
                && p.chars().next_back().is_some_and(char::is_lowercase)
        })
    };
    let head_end = lines.partition_point(|l| l.span.end <= span.start);
    let label = lines
        .iter()
        .take(head_end)
        .rev()
        .take(40)
        .map(|l| l.span.slice(text).trim())
        .find(|p| {
            p.len() >= 3
                && p.len() < t.len()
                && p.split_whitespace().count() <= 4
                && t.starts_with(p)
                && glued_after(p)
        });
    match label {
        Some(p) => Span::new(span.start + p.len(), span.end),
        None => span,
    }
}

/// A headline without the byline a page prints at its end (`… cyber week 2021 By Jane Lo Singapore
/// Correspondent`, `… Oleh Redaksi`): a capitalised `By`/`Oleh` followed only by capitalised words.
fn without_byline(text: &str, span: Span) -> Span {
    let t = span.slice(text);
    let cut = [" By ", " Oleh "]
        .iter()
        .filter_map(|m| t.rfind(m).map(|i| (i, m.len())))
        .max();
    let Some((at, len)) = cut else { return span };
    let (head, tail) = (t.get(..at).unwrap_or(""), t.get(at + len..).unwrap_or(""));
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    let names_only = !tail_words.is_empty()
        && tail_words.len() <= 8
        && tail_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if names_only && more_words_than(head, 3) {
        Span::new(span.start, span.start + head.trim_end().len())
    } else {
        span
    }
}

/// A line without the mojibake a scraper leaves at its end (`… (CIA).ÃÂ`, a no-break space read as
/// Latin-1).
fn without_mojibake_end(t: &str) -> &str {
    t.trim_end_matches(['\u{a0}', 'Ã', 'Â', 'â', '€', '\u{fffd}'])
        .trim_end()
}

/// A line above the body that the body prints inside a quotation (a pull quote the page set as a heading:
/// `tuan rumah yang luar biasa` above `“… menjadi tuan rumah yang luar biasa, …,” kata …`): a speaker's words,
/// not the headline.
fn is_pulled_quote(text: &str, body_start: usize, line: &str) -> bool {
    let line = line
        .trim()
        .trim_matches(|c: char| "\"“”‘’'".contains(c))
        .trim();
    if line.len() < 8 {
        return false;
    }
    let body = text.get(body_start..).unwrap_or("");
    body.match_indices(line).any(|(at, _)| {
        let before = body.get(..at).unwrap_or("");
        let paragraph = before
            .rfind('\n')
            .map_or(before, |i| before.get(i + 1..).unwrap_or(""));
        let curly = paragraph.matches('“').count() > paragraph.matches('”').count();
        let straight = paragraph.matches('"').count() % 2 == 1;
        curly || straight
    })
}

/// A speech's salutation (`Colleagues and friends`, `Your Excellencies`, `Yang terhormat para peserta`): groups
/// addressed, joined by the words that join them, and at least one group.
fn is_salutation(t: &str) -> bool {
    use crate::extract::lexicon::{ADDRESSED, SALUTATION_LINKS};
    let mut groups = 0;
    for w in t.split_whitespace() {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '-')
            .to_lowercase();
        if w.is_empty() || SALUTATION_LINKS.contains(&w.as_str()) {
            continue;
        }
        if !ADDRESSED.contains(&w.as_str()) {
            return false;
        }
        groups += 1;
    }
    groups > 0
}

/// A line that is only a place and a date (`Jakarta, 21 December 2015`, `Manila, March 3, 2019`): the
/// dateline of a statement, not its headline.
fn is_place_date_line(t: &str) -> bool {
    static PLACE_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        crate::extract::regex(
            r"^\p{Lu}[\p{L}.' -]{1,40},\s*(?:\p{L}+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\W*$",
        )
        .ok()
    });
    PLACE_DATE.as_ref().is_some_and(|re| re.is_match(t.trim()))
}

/// A line without the page date some scrapers print first (`date 2022-09 …`).
fn strip_scraper_date(t: &str) -> &str {
    let s = t.trim_start();
    let Some(rest) = s.strip_prefix("date ") else {
        return t;
    };
    let rest = rest.trim_start();
    let date_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(rest.len());
    if date_len >= 4 {
        rest.get(date_len..).unwrap_or("").trim_start()
    } else {
        t
    }
}

/// The alt text of a Markdown image (`![Headline](https://…)`), which scrapers keep and pages set to the headline.
fn image_alt(t: &str) -> Option<&str> {
    let rest = t.trim().strip_prefix("![")?;
    let end = rest.find("](")?;
    rest.get(..end).map(str::trim)
}

/// The headline a page prints after the body (`…,” the minister said.(*)` / `Cuber Security New Challenge for
/// ASEAN: Minister` / `Rabu, 7 September 2016 10:47 WIB`): among the last three lines, a short line of three words
/// or more, with no final stop, right above a date line, after a line that ends a sentence, most of whose words
/// the body uses.
fn headline_at_end(text: &str, lines: &[Line], first_long: usize) -> Option<usize> {
    let filled: Vec<usize> = (first_long..lines.len())
        .filter(|&i| kind_at(lines, i) != LineKind::Blank)
        .collect();
    let n = filled.len();
    let line = |i: usize| {
        lines
            .get(i)
            .map(|l| l.span.slice(text).trim())
            .unwrap_or("")
    };
    let body_start = lines.get(first_long)?.span.start;
    for k in n.saturating_sub(3)..n.saturating_sub(1) {
        let (Some(&i), Some(&next), Some(&prev)) = (
            filled.get(k),
            filled.get(k + 1),
            k.checked_sub(1).and_then(|p| filled.get(p)),
        ) else {
            continue;
        };
        let t = line(i);
        let words = t.split_whitespace().count();
        let dated = DATEISH.as_ref().is_some_and(|re| re.is_match(line(next)));
        let after_sentence = line(prev).ends_with(['.', ')', '”', '"']);
        if !(3..=20).contains(&words)
            || t.len() > 160
            || t.ends_with(['.', ':', ','])
            || !dated
            || !after_sentence
            || is_caption(t)
            || is_credit_line(t)
            || is_chrome_phrase(t)
        {
            continue;
        }
        let body_end = lines.get(prev).map_or(body_start, |l| l.span.end);
        let body: rustc_hash::FxHashSet<String> =
            content_words(text.get(body_start..body_end).unwrap_or(""))
                .into_iter()
                .collect();
        let own = content_words(t);
        let shared = own.iter().filter(|w| body.contains(*w)).count();
        if !own.is_empty() && shared * 2 >= own.len() {
            return Some(i);
        }
    }
    None
}

/// The lines before the body (`first_long`) that could be the headline, best first. A headline is a short line
/// of three words or more that is no date line, byline, caption, dateline or furniture, and that shares its
/// words with the article: other stories' headlines and page furniture share few. A line printed twice (the
/// headline above and beside the photo) is preferred.
/// A line of nothing but a date (`December, 29 2020`, `Senin, 12 Maret 2018`, `29th of March 2021`): every word a
/// number, a month's or a weekday's name.
fn is_date_only(t: &str) -> bool {
    let mut any = false;
    for w in t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let number = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        let ok = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
            || super::dates::month_number(w).is_some()
            || super::dates::weekday_of(w).is_some()
            || w.eq_ignore_ascii_case("of");
        if !ok {
            return false;
        }
        any = true;
    }
    any
}

fn title_candidates(text: &str, lines: &[Line], first_long: usize) -> Vec<usize> {
    let Some(body_line) = lines.get(first_long) else {
        return Vec::new();
    };
    // The article's own words: its lead (and what follows, up to a few paragraphs).
    let body_end = (body_line.span.start + 2000).min(text.len());
    let mut end = body_end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let body: rustc_hash::FxHashSet<String> =
        content_words(text.get(body_line.span.start..end).unwrap_or(""))
            .into_iter()
            .collect();
    let mut scored: Vec<(f64, usize)> = Vec::new();
    for i in 0..first_long {
        if kind_at(lines, i) != LineKind::Body {
            continue;
        }
        let t = lines
            .get(i)
            .map(|l| l.span.slice(text).trim())
            .unwrap_or("");
        let words = t.split_whitespace().count();
        let dateish = DATEISH.as_ref().is_some_and(|re| re.is_match(t));
        if words < 3
            || t.len() > 220
            || is_caption(t)
            || dateish
            || is_date_only(t)
            || t.contains(" | ")
            || t.starts_with('(')
            || is_dateline_alone(t)
            || is_place_date_line(t)
            || is_salutation(t)
            || is_pulled_quote(text, body_line.span.start, t)
            || opens_with_dateline(t)
            || is_credit_line(t)
            || is_chrome_phrase(t)
        {
            continue;
        }
        let own = content_words(t);
        if own.is_empty() {
            continue;
        }
        let shared = own.iter().filter(|w| body.contains(*w)).count();
        // Printed twice, maybe once as a breadcrumb or list item (`- Headline`).
        let bare = |s: &str| {
            s.trim()
                .trim_start_matches(['-', '•', '*', '›', '»', ' '])
                .to_string()
        };
        // Or printed once alone and once in the page's title with its section or site (`Menko Polhukam -
        // Headline`, `Headline | Site`).
        let part_of = |other: &str| {
            let (o, t) = (bare(other), bare(t));
            o.len() > t.len() + 3
                && [" - ", " – ", " | ", " — "].iter().any(|sep| {
                    o.strip_suffix(t.as_str())
                        .is_some_and(|head| head.ends_with(sep.trim_end()) || head.ends_with(sep))
                        || o.strip_prefix(t.as_str())
                            .is_some_and(|tail| tail.starts_with(sep))
                })
        };
        let repeated = lines.iter().enumerate().any(|(j, l)| {
            let other = l.span.slice(text);
            j != i
                && (bare(other) == bare(t)
                    || image_alt(other).is_some_and(|a| a == t.trim())
                    || part_of(other))
        });
        let score = shared as f64 / own.len() as f64 + if repeated { 0.5 } else { 0.0 };
        // A line sharing none of its words with the article is another story or furniture, unless the page
        // prints it twice.
        if shared == 0 && !repeated {
            continue;
        }
        scored.push((score, i));
    }
    // Best first; equal scores keep page order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // A headline stands above its deck (the standfirst that says the same at more length): when the best line
    // follows another well-scored line that shares its words, the line above is the headline.
    if let Some(&(best_score, best)) = scored.first() {
        let above = (1..=2)
            .filter_map(|d| best.checked_sub(d))
            .take_while(|&j| j + 1 == best || kind_at(lines, j + 1) == LineKind::Blank)
            .find(|&j| kind_at(lines, j) != LineKind::Blank);
        let line_words =
            |j: usize| content_words(lines.get(j).map(|l| l.span.slice(text)).unwrap_or(""));
        if let Some(j) = above
            && let Some(pos) = scored
                .iter()
                .position(|&(sc, k)| k == j && sc >= 0.5 * best_score)
        {
            let (head, deck) = (line_words(j), line_words(best));
            let shared = head.iter().filter(|w| deck.contains(*w)).count();
            if head.len() < deck.len() && shared * 5 >= head.len() * 2 {
                let entry = scored.remove(pos);
                scored.insert(0, entry);
            }
        }
    }
    let mut out: Vec<usize> = Vec::new();
    for (_, i) in scored {
        let t = lines.get(i).map(|l| l.span.slice(text).trim());
        if !out
            .iter()
            .any(|&j| lines.get(j).map(|l| l.span.slice(text).trim()) == t)
        {
            out.push(i);
        }
    }
    out
}

/// The first 48 bytes of a trimmed line (cut at a character), ASCII letters in lower case, on the stack.
fn line_head<'b>(line: &str, buf: &'b mut [u8; 48]) -> std::borrow::Cow<'b, str> {
    let t = line.trim();
    let mut n = t.len().min(48);
    while !t.is_char_boundary(n) {
        n -= 1;
    }
    // ASCII letters lower-cased in place (other bytes are kept as they are, so the bytes stay UTF-8): the labels
    // and prefixes compared with it are ASCII.
    if let (Some(src), Some(dst)) = (t.as_bytes().get(..n), buf.get_mut(..n)) {
        dst.copy_from_slice(src);
        dst.make_ascii_lowercase();
        if let Ok(head) = std::str::from_utf8(dst) {
            return std::borrow::Cow::Borrowed(head);
        }
    }
    std::borrow::Cow::Owned(t.get(..n).unwrap_or("").to_lowercase())
}

fn kind_at(lines: &[Line], i: usize) -> LineKind {
    lines.get(i).map(|l| l.kind).unwrap_or(LineKind::Blank)
}

fn set_kind(lines: &mut [Line], i: usize, kind: LineKind) {
    if let Some(l) = lines.get_mut(i) {
        l.kind = kind;
    }
}

fn trimmed(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(
        span.start + lead,
        span.end.saturating_sub(trail).max(span.start + lead),
    )
}

/// The sentence around `offset`: from the previous sentence end (or line start) to the next.
pub fn sentence_around(text: &str, offset: usize) -> Span {
    let bytes = text.as_bytes();
    let offset = offset.min(text.len());
    // The line holding `offset`, then the last sentence break before `offset` and the first at or after it
    // within that line (the punctuation is found with memchr, not byte by byte).
    let before = bytes.get(..offset).unwrap_or_default();
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let after = bytes.get(offset..).unwrap_or_default();
    let line_end = memchr::memchr(b'\n', after).map_or(text.len(), |i| offset + i);
    let mut start = line_start;
    let head = bytes.get(line_start..offset).unwrap_or_default();
    for i in memchr::memrchr3_iter(b'.', b'!', b'?', head) {
        if is_sentence_break(text, line_start + i) {
            start = line_start + i + 1;
            break;
        }
    }
    let mut end = line_end;
    let tail = bytes.get(offset..line_end).unwrap_or_default();
    for i in memchr::memchr3_iter(b'.', b'!', b'?', tail) {
        if is_sentence_break(text, offset + i) {
            end = offset + i + 1;
            break;
        }
    }
    while start < end
        && text
            .as_bytes()
            .get(start)
            .is_some_and(|b| b.is_ascii_whitespace())
    {
        start += 1;
    }
    Span::new(start, end)
}

/// Whether the punctuation at byte `i` ends a sentence: followed by white space and not after an initial or a
/// short title abbreviation (`AM.`, `Dr.`, `G.`).
pub fn is_sentence_break(text: &str, i: usize) -> bool {
    let after = text.get(i + 1..).unwrap_or("");
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return false;
    }
    let before = text.get(..i).unwrap_or("");
    // Only a word of at most seven characters can be an initial or one of the abbreviations (lower-casing never
    // shortens a word): a longer one ends the sentence without being collected.
    let mut last = ['\0'; 7];
    let mut n = 0;
    for c in before.chars().rev().take_while(|c| c.is_alphanumeric()) {
        let Some(slot) = last.get_mut(n) else {
            return true;
        };
        *slot = c;
        n += 1;
    }
    let chars = last.get(..n).unwrap_or_default();
    if chars.iter().all(char::is_ascii) {
        // Nearly every word: compared in place, without building it.
        let mut buf = [0u8; 7];
        for (slot, c) in buf.iter_mut().zip(chars.iter().rev()) {
            *slot = *c as u8;
        }
        let word = buf.get(..n).unwrap_or_default();
        let is_initial = n > 0 && n <= 2 && word.iter().all(u8::is_ascii_uppercase);
        let abbrev = ABBREVIATIONS
            .iter()
            .chain(RANK_ABBREVIATIONS)
            .any(|a| a.as_bytes().eq_ignore_ascii_case(word));
        return !(is_initial || abbrev);
    }
    let word: String = chars.iter().rev().collect();
    let is_initial = !word.is_empty() && word.len() <= 2 && word.chars().all(|c| c.is_uppercase());
    let lower = word.to_lowercase();
    let abbrev =
        ABBREVIATIONS.contains(&lower.as_str()) || RANK_ABBREVIATIONS.contains(&lower.as_str());
    !(is_initial || abbrev)
}

/// Short forms written with a dot that never end a sentence (`Dr.`, `Jl.`, `No.`).
const ABBREVIATIONS: [&str; 11] = [
    "dr", "prof", "ir", "jl", "no", "mr", "mrs", "ms", "st", "drs", "h",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_only_a_date_is_no_headline() {
        for t in [
            "December, 29 2020",
            "Senin, 12 Maret 2018",
            "29th of March 2021",
            "12/03/2018",
        ] {
            assert!(
                is_date_only(t) || DATEISH.as_ref().is_some_and(|r| r.is_match(t)),
                "{t}"
            );
        }
        for t in [
            "Talks open on 29 December",
            "ASEAN 2020",
            "Hanoi, 29 December 2020",
        ] {
            assert!(!is_date_only(t), "{t}");
        }
        let text = "Kementerian dalam Berita\n\nPertemuan siber ASEAN dibuka di Hanoi\n\nDecember, 29 2020\nHANOI - Kementerian \
                    menggelar pertemuan siber ASEAN pada 28 Desember di Hanoi dengan para mitra kawasan dan wakil kedutaan.\n";
        let l = Layout::of(text);
        assert_eq!(
            l.title.map(|s| s.slice(text)),
            Some("Pertemuan siber ASEAN dibuka di Hanoi")
        );
    }

    #[test]
    fn a_photo_caption_is_told_by_where_people_stand() {
        assert!(has_position_mark(
            "Foreign Minister Retno Marsudi (right) speaks with Stef Blok"
        ));
        assert!(has_position_mark(
            "Menko Polhukam Wiranto (kedua kiri) berbincang dengan Dubes"
        ));
        assert!(has_position_mark(
            "The ministers (l-r) pose after the meeting"
        ));
        assert!(!has_position_mark(
            "Badan Siber dan Sandi Negara (BSSN) menggelar pertemuan"
        ));
        assert!(!has_position_mark("the right (to privacy) of users"));
        let t = "View all search resultsAnimated subjects: Minister Retno Marsudi (right) speaks with her Dutch \
                 counterpart Stef Blok during a meeting in Jakarta on Tuesday\nIndonesia and the Netherlands \
                 have agreed to start cooperating over cybersecurity in the hope of securing the economy of the \
                 country, officials said on Tuesday in a statement.\n";
        let l = Layout::of(t);
        assert_eq!(
            l.kind_at_offset(t.find("(right)").unwrap()),
            LineKind::Caption
        );
    }

    #[test]
    fn a_section_label_glued_to_the_headline_is_no_part_of_it() {
        let text = "Kabar Dunia\n\nKabar DuniaASEAN Sepakati Kerja Sama Siber Baru\n\nJakarta - Menteri luar negeri \
                    ASEAN menyepakati kerja sama keamanan siber baru dalam pertemuan di Jakarta, Senin (5/2/2018), \
                    yang dihadiri semua negara anggota.\n";
        let l = Layout::of(text);
        assert_eq!(
            l.title.map(|t| t.slice(text)),
            Some("ASEAN Sepakati Kerja Sama Siber Baru")
        );
        // A headline that begins with a word of a line above, spaced as usual, keeps it.
        let text = "Kabar\n\nKabar Dunia: ASEAN Sepakati Kerja Sama Siber\n\nJakarta - Menteri luar negeri ASEAN \
                    menyepakati kerja sama keamanan siber baru dalam pertemuan di Jakarta, Senin (5/2/2018), yang \
                    dihadiri semua negara anggota.\n";
        let l = Layout::of(text);
        assert_eq!(
            l.title.map(|t| t.slice(text)),
            Some("Kabar Dunia: ASEAN Sepakati Kerja Sama Siber")
        );
    }

    #[test]
    fn a_long_line_above_a_dateline_past_many_blank_lines_is_no_paragraph() {
        // A photo's caption, then a page's blank lines and short credits, then the dateline that opens the story.
        let caption = "Para delegasi berfoto bersama seusai pembukaan pertemuan keamanan siber kawasan di gedung \
                       utama kementerian pagi tadi.";
        let t = format!(
            "Pertemuan Siber Kawasan Dibuka\n\n{caption}\n\n\n\nFoto: Humas\n\n\n\nEditor: Rina\n\n\n\n\
             JAKARTA, KOMPAS.com - Pertemuan keamanan siber kawasan dibuka di Jakarta pada Senin dengan para wakil \
             negara anggota ASEAN dan mitra wicaranya.\n"
        );
        let l = Layout::of(&t);
        let at = t.find("Para delegasi").unwrap_or(0);
        assert_eq!(l.kind_at_offset(at), LineKind::Caption);
        assert!(!l.is_article(at));
        assert!(l.is_article(t.find("JAKARTA, KOMPAS").unwrap_or(0)));
    }

    #[test]
    fn headline_above_its_deck_credits_and_dated_headlines() {
        let title = |t: &str| Layout::of(t).title.map(|s| s.slice(t).to_string());
        // The headline stands above a longer deck that says the same.
        let t = "Malaysia Teken Pakta Siber dengan Vietnam\nMalaysia dan Vietnam menandatangani pakta kerja sama keamanan siber dalam kunjungan di Hanoi\nEditor: Rina Sari\nKOMPAS.com, HANOI - Malaysia dan Vietnam menandatangani pakta kerja sama keamanan siber di Hanoi, Rabu (5/6/2019), dalam kunjungan Perdana Menteri Malaysia ke Vietnam pekan ini.\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Malaysia Teken Pakta Siber dengan Vietnam")
        );
        // A credit line or the lead's first words broken onto a line are no headline.
        let t = " date 2022-09 Laporan Wartawan Kompas.com, Rina Sari\n\nKOMPAS.com, BALI - Menteri\nKomunikasi membuka pertemuan para menteri ekonomi digital negara anggota G20 di Nusa Dua pada Kamis (1/9/2022) pagi.\n";
        assert_eq!(title(t), None);
        // A page date before the headline on its line is not part of it.
        let t = "June 6, 2019 Outcomes of the Second Malaysia-Vietnam Cyber Dialogue\n\nThe Second Malaysia-Vietnam Cyber Dialogue was held in Hanoi on June 5, 2019, with officials of both countries discussing incident response.\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Outcomes of the Second Malaysia-Vietnam Cyber Dialogue")
        );
        // A photo with its agency's mark, printed twice, is no headline.
        let t = "Menu\n\nPara Menteri Pertahanan ASEAN Sepakat Perkuat Kerja Sama\n\nRina 23 Jun 2022, 09:21\nPara menteri pertahanan ASEAN berfoto bersama /EPA-EFE\nPara menteri pertahanan ASEAN berfoto bersama /EPA-EFE\n\nKOMPAS.com - Pertemuan para menteri pertahanan ASEAN digelar di Phnom Penh pada Rabu (22 Juni) setelah dua tahun pertemuan daring.\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Para Menteri Pertahanan ASEAN Sepakat Perkuat Kerja Sama")
        );
        // Nor is a scraper's stamp.
        let t = " date 2019-06-06 Malaysia and Vietnam hold their second cyber dialogue\n\nThe Second Malaysia-Vietnam Cyber Dialogue was held in Hanoi on June 5, 2019, with officials of both countries discussing incident response.\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Malaysia and Vietnam hold their second cyber dialogue")
        );
        // A photo caption, printed twice or wrapped in HTML with its credit, is no headline.
        let t = "Menteri Pertahanan Prabowo Subianto. (Kemhan RI)\nMenteri Pertahanan Prabowo Subianto. (Kemhan RI)\n\nPrabowo Bahas Ancaman Siber dengan Menhan Malaysia\n\nJakarta: Menteri Pertahanan Prabowo Subianto membahas ancaman siber dengan Menhan Malaysia di Jakarta, Selasa, 16 November 2021.\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Prabowo Bahas Ancaman Siber dengan Menhan Malaysia")
        );
        let t = "<p>Menteri Pertahanan (Menhan) Prabowo Subianto menerima kunjungan dari Menteri Pertahanan Malaysia, Hishammuddin Hussein pada Selasa, 12 Januari 2021 di Jakarta, DKI Jakarta. / Dok. Kemhan</p>\n\nPrabowo Bahas Ancaman Siber dengan Menhan Malaysia\n\nJAKARTA – Menteri Pertahanan Prabowo Subianto membahas ancaman siber dengan Menhan Malaysia di Jakarta pekan lalu.\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Prabowo Bahas Ancaman Siber dengan Menhan Malaysia")
        );
        let t = "Laporan Koresponden Kompas.com, Rina Sari dari Tokyo\nKOMPAS.com, TOKYO - Menteri Komunikasi dan Informatika bertemu menteri digital Jepang membahas keamanan data di Tokyo, Minggu (9/6/2019).\n";
        assert_eq!(title(t), None);
    }

    #[test]
    fn a_quotation_said_and_closed_by_the_newsrooms_initials_is_no_caption() {
        let t = "Kerja sama digital\n\nPresiden bertemu dengan mitranya di Washington untuk membahas ekonomi digital dan \
                 keamanan siber kedua negara.\n\n\
                 “Indonesia menyambut baik kemitraan strategis ini,” katanya. (ril/sabar)\n";
        let l = Layout::of(t);
        assert_eq!(
            l.kind_at_offset(t.find("menyambut").unwrap()),
            LineKind::Body
        );
        // A photo's caption with its credit stays one.
        let t = "Kerja sama digital\n\nPresiden bertemu dengan mitranya di Washington untuk membahas ekonomi digital dan \
                 keamanan siber kedua negara.\n\n\
                 Presiden (kiri) bersama mitranya di Gedung Putih, Senin (26/10/2015). (ANTARA FOTO/Widodo)\n";
        assert_eq!(
            Layout::of(t).kind_at_offset(t.find("bersama").unwrap()),
            LineKind::Caption
        );
    }

    #[test]
    fn a_first_sentence_foreign_to_the_article_is_furniture_above_the_headline() {
        let t = "We are creating some awesome pages for you. Kindly bear with us while we finish.\n\n\
                 Vietnam Joins Regional Cybersecurity Drill\n\n\
                 The national response centre on 24 June took part in the regional drill, which tested how ten \
                 countries answer attacks across borders.\n\n\
                 The drill was connected with 200 locations across the country for response units.\n";
        let l = Layout::of(t);
        assert_eq!(
            l.title.map(|s| s.slice(t)),
            Some("Vietnam Joins Regional Cybersecurity Drill")
        );
        assert_eq!(l.kind_at_offset(3), LineKind::Chrome);
        // An article's own first paragraph shares its words with the rest: it stays the body.
        let t = "Ministers agreed on a regional drill to test how response teams answer attacks.\n\n\
                 Regional Cybersecurity Drill\n\n\
                 The response teams of ten countries will join the drill, which tests how they answer attacks.\n";
        assert_eq!(Layout::of(t).kind_at_offset(3), LineKind::Body);
    }

    #[test]
    fn chrome_blocks_and_title() {
        let t = "Headline\n\nKPK akan telusuri pemerasan sejak 2019.\n\nASEAN Harus Bersatu\n\nAnt/I-1\n02/5/2018 07:20\n(DOK. KEMENKO)\n\nANCAMAN siber dan terorisme tidak dapat ditangani suatu negara secara sendirian, tetapi membutuhkan kerja sama ASEAN, regional dan global yang kuat dan berkelanjutan.\n\nBerita Lainnya\nOpini\n";
        let l = Layout::of(t);
        assert_eq!(l.title.map(|s| s.slice(t)), Some("ASEAN Harus Bersatu"));
        let kpk = t.find("KPK").unwrap();
        assert_eq!(l.kind_at_offset(kpk), LineKind::Chrome);
        assert_eq!(l.kind_at_offset(t.find("(DOK").unwrap()), LineKind::Caption);
        assert_eq!(l.kind_at_offset(t.find("Opini").unwrap()), LineKind::Chrome);
        assert!(l.is_body(t.find("ANCAMAN").unwrap()));
    }

    #[test]
    fn sentences_end_at_stops_but_not_after_initials_or_titles() {
        let t = "Menurut Dr. Budi dan AM. Fachir, pertemuan itu penting. Prof. Ani setuju! Negaranya? Ya.";
        let at = |w: &str| t.find(w).unwrap();
        let sentence = |w: &str| sentence_around(t, at(w)).slice(t);
        assert_eq!(
            sentence("Fachir"),
            "Menurut Dr. Budi dan AM. Fachir, pertemuan itu penting."
        );
        assert_eq!(sentence("Ani"), "Prof. Ani setuju!");
        assert_eq!(sentence("Negaranya"), "Negaranya?");
        // A long word before the stop ends the sentence; a short one that is no title does too.
        assert!(is_sentence_break(t, at("penting") + "penting".len()));
        assert!(is_sentence_break(t, at("Ya.") + 2));
        assert!(!is_sentence_break(t, at("Dr.") + 2));
        assert!(!is_sentence_break("No. 5", 2));
        assert!(!is_sentence_break("PROF. X", 4));
        assert!(!is_sentence_break("a.b", 1), "not followed by white space");
    }

    #[test]
    fn word_counts_match_split_whitespace() {
        for t in [
            "",
            "  satu ",
            "a b c",
            "a\u{a0}b\u{2003}c d",
            "“Kami”  sepakat,\tkata  dia ",
            "\u{a0}\u{a0}x",
            "Para delegasi juga membahas pembentukan tim tanggap insiden siber bersama, pertukaran informasi ancaman secara cepat, serta program pelatihan",
            " a  b   c ",
            "a\x0cb c\rd",
            "x",
            " ",
        ] {
            for n in 0..25 {
                assert_eq!(
                    more_words_than(t, n),
                    t.split_whitespace().nth(n).is_some(),
                    "{t:?} {n}"
                );
            }
        }
    }

    #[test]
    fn long_lines_above_a_dateline_are_no_part_of_the_article() {
        // A teaser quote and a photo's caption of another day stand above the dateline that opens the story.
        let t = "Hadapi Ancaman Siber, Indonesia-China Jalin Kerja Sama\n\n\
                 Kunjungan ini membicarakan hal-hal yang sudah kami kembangkan dalam rangka kerja sama bilateral dan kami sepakat ...\n\n\
                 Kristian Erdianto\n\
                 Menko Polhukam Wiranto saat ditemui usai acara DKPP Outlook di Hotel Arya Duta, Jakarta Pusat, Rabu (14/12/2016).\n\n\
                 BANGKAPOS.COM, JAKARTA -- Menteri Koordinator bidang Politik, Hukum, dan Keamanan Wiranto bertemu dengan Duta Besar China di Jakarta, Kamis (15/12/2016).\n";
        let l = Layout::of(t);
        assert_eq!(l.kind_at_offset(t.find("Rabu").unwrap()), LineKind::Caption);
        assert_eq!(
            l.kind_at_offset(t.find("Kunjungan").unwrap()),
            LineKind::Caption
        );
        assert_eq!(l.body_start, t.find("BANGKAPOS").unwrap());
        assert_eq!(
            l.title.map(|s| s.slice(t)),
            Some("Hadapi Ancaman Siber, Indonesia-China Jalin Kerja Sama")
        );
        // With no dateline below, the first long line is the body's first.
        let t = "Judul Berita Siber\n\nMenteri Luar Negeri bertemu dengan Duta Besar China di Jakarta untuk membahas kerja sama siber kedua negara pada Kamis (15/12/2016).\n\nJAKARTA -- kata dia.\n";
        assert_eq!(Layout::of(t).body_start, t.find("Menteri").unwrap());
    }

    #[test]
    fn long_headlines_section_titles_bylines_and_place_date_lines() {
        // A speech's long headline with its date stands above salutations and the first paragraph.
        let t = "Keynote Address by the Minister for Digital Affairs of the Republic, at the 3rd Regional Cyber Forum Opening Ceremony on Monday, 4 March 2019\n\n\
                 04 Mar 2019\n\n\
                 Distinguished guests\n\
                 Ladies and gentlemen\n\n\
                 1. Welcome to the 3rd Regional Cyber Forum. It is a pleasure to see so many of you here today to talk about the security of our networks.\n";
        let l = Layout::of(t);
        assert_eq!(
            l.title.map(|s| s.slice(t)),
            t.lines().next(),
            "{:?}",
            l.title_candidates
        );
        assert_eq!(l.body_start, t.find("1. Welcome").unwrap());
        // A lead paragraph whose dateline lacks a comma stays the body's first line, mojibake at its end or not.
        let t = "jatimnews.com - SURABAYA-Gubernur membuka pelatihan keamanan siber bagi aparatur sipil negara di seluruh kabupaten dan kota di provinsi ini.\u{c3}\u{c2}\n\
                 Pelatihan itu diikuti oleh lebih dari dua ratus peserta dari berbagai dinas pemerintah daerah.\n";
        assert_eq!(Layout::of(t).body_start, 0);
        // The page title carries the section; the headline is printed alone below it.
        let t = "Kemenlu - Indonesia Dorong Norma Siber di Forum Regional\n\nKemenlu\n\nIndonesia Dorong Norma Siber di Forum Regional\n\n\
                 Jakarta - Kementerian Luar Negeri mendorong negara-negara di kawasan untuk menyepakati norma perilaku di ruang siber dalam forum regional pekan ini.\n";
        assert_eq!(
            Layout::of(t).title.map(|s| s.slice(t)),
            Some("Indonesia Dorong Norma Siber di Forum Regional")
        );
        // A byline printed at the headline's end is no part of it; a statement's place and date line is no
        // headline.
        let t = "Regional partners deepen cyber cooperation at annual meeting By Dewi Lestari Jakarta Correspondent\n\n\
                 Regional partners agreed at their annual meeting in the capital this week to deepen cyber cooperation against attacks on networks.\n";
        assert_eq!(
            Layout::of(t).title.map(|s| s.slice(t)),
            Some("Regional partners deepen cyber cooperation at annual meeting")
        );
        let t = "Joint Statement of the Second Ministerial Dialogue on Cyber Security\nManila, 3 March 2019\n\
                 On 3 March 2019, the ministers of both countries met in Manila for the second ministerial dialogue on cyber security and agreed to meet again.\n";
        assert!(is_place_date_line("Manila, 3 March 2019"));
        for salutation in [
            "Colleagues and friends",
            "Your Excellencies,",
            "Senior officials",
            "Distinguished delegates, ladies and gentlemen",
            "Yang terhormat para peserta",
            "Hadirin yang saya hormati",
        ] {
            assert!(is_salutation(salutation), "{salutation}");
        }
        for headline in [
            "Ministers and friends of ASEAN agree on cyber norms",
            "Partners and colleagues",
        ] {
            assert_eq!(
                is_salutation(headline),
                headline == "Partners and colleagues"
            );
        }
        assert!(is_place_date_line("Kuala Lumpur, March 3, 2019"));
        assert!(!is_place_date_line(
            "Manila talks end, ministers agree to meet in 2020"
        ));
        assert_eq!(
            Layout::of(t).title.map(|s| s.slice(t)),
            Some("Joint Statement of the Second Ministerial Dialogue on Cyber Security")
        );
        // A headline printed after the body, above the page's date.
        let t = "Jakarta (Antara) - The minister said at the regional security council meeting in Vientiane that cyber security is a new challenge for the region.\n\
                 \"Cyber threats are complex,\" the minister said.(*)\n\
                 Cyber Security New Challenge for the Region: Minister\n\
                 Rabu, 7 September 2016 10:47 WIB\n";
        assert_eq!(
            Layout::of(t).title.map(|s| s.slice(t)),
            Some("Cyber Security New Challenge for the Region: Minister")
        );
        // A photo's credit alone above the body is no headline.
        let t = "DOK KEMENKO POLHUKAM\n\nKERJA sama bilateral antara kedua negara di bidang hukum dan keamanan disepakati menjadi agenda rutin tahunan.\n";
        assert_eq!(Layout::of(t).title, None);
        // A few of a quotation's words set above the body as a heading are no headline.
        let t = "kerja sama yang sangat baik\n\
                 Jakarta (ANTARA) - Menteri menyambut delegasi negara sahabat di Jakarta pada hari pertama pertemuan regional itu.\n\
                 “Kami ingin berterima kasih atas kerja sama yang sangat baik selama ini,” kata Menteri Budi Santoso.\n";
        assert_eq!(
            Layout::of(t).title,
            None,
            "{:?}",
            Layout::of(t).title_candidates
        );
    }

    #[test]
    fn sentences_skip_initials() {
        let t = "Kata AM. Fachir hari ini. Lalu pergi.";
        let s = sentence_around(t, 10);
        assert_eq!(s.slice(t), "Kata AM. Fachir hari ini.");
    }
}
