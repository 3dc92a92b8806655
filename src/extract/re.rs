//! A small regular-expression type over regex-automata's meta engine with literal prefilters turned off. The
//! extractor's patterns start with alternations of short, frequent words (months, weekdays, `in`, `itu`); a
//! prefilter on those fires on almost every word and costs more than it saves.

use regex_automata::meta;
use regex_automata::util::captures::Captures as RaCaptures;

/// A compiled pattern.
#[derive(Debug)]
pub struct Regex {
    inner: meta::Regex,
}

/// A match: byte range in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    /// The match of `hay[start..end]` (found by another search over the same text).
    pub fn new(hay: &'h str, start: usize, end: usize) -> Match<'h> {
        Match { hay, start, end }
    }

    /// First byte.
    pub fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        self.hay.get(self.start..self.end).unwrap_or("")
    }
}

/// The groups of one match.
#[derive(Debug)]
pub struct Captures<'h> {
    hay: &'h str,
    caps: RaCaptures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match).
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| Match {
            hay: self.hay,
            start: s.start,
            end: s.end,
        })
    }

    /// The named group.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps.get_group_by_name(name).map(|s| Match {
            hay: self.hay,
            start: s.start,
            end: s.end,
        })
    }
}

impl Regex {
    /// Compiles `pattern` (regex crate syntax, inline flags allowed).
    pub fn new(pattern: &str) -> Result<Regex, String> {
        let inner = meta::Regex::builder()
            .configure(meta::Regex::config().auto_prefilter(false))
            .build(pattern)
            .map_err(|e| e.to_string())?;
        Ok(Regex { inner })
    }

    /// Whether it matches anywhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        self.inner.is_match(hay)
    }

    /// Every non-overlapping match with its groups.
    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.inner
            .captures_iter(hay)
            .map(move |caps| Captures { hay, caps })
    }

    /// The first match with its groups.
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.inner.create_captures();
        self.inner.captures(hay, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    /// The groups of a match `m` found by [`Regex::find_iter`] on the same haystack (an anchored search over the
    /// match alone, so that a caller can skip the cost of groups for matches it can reject by their text).
    pub fn captures_at<'h>(&self, m: Match<'h>) -> Option<Captures<'h>> {
        let mut caps = self.inner.create_captures();
        let input = regex_automata::Input::new(m.hay)
            .span(m.start..m.end)
            .anchored(regex_automata::Anchored::Yes);
        self.inner.search_captures(&input, &mut caps);
        caps.is_match().then_some(Captures { hay: m.hay, caps })
    }

    /// Every non-overlapping match (with its groups) that contains an `anchor` byte, as
    /// [`Regex::captures_iter`] gives them, for a pattern every match of which holds that byte. Instead of
    /// running the automaton over the whole text, each anchor is searched only within the stretch a match
    /// holding it could cover: back while `before(byte)` and on while `after(byte)` (every byte of a match
    /// before its first anchor must pass `before`, every byte after it `after`). Look-around still sees the
    /// whole text. For a rare anchor (`/` of `6/11/2021`) this is a few dozen bytes instead of the article.
    pub fn captures_around<'h>(
        &self,
        hay: &'h str,
        anchor: u8,
        before: impl Fn(u8) -> bool,
        after: impl Fn(u8) -> bool,
    ) -> Vec<Captures<'h>> {
        let bytes = hay.as_bytes();
        let mut out = Vec::new();
        // Matches start at or after `pos` (the end of the last one), as in a left-to-right iteration.
        let mut pos = 0;
        for k in memchr::memchr_iter(anchor, bytes) {
            if k < pos {
                continue;
            }
            let mut lb = k;
            while lb > pos && bytes.get(lb - 1).is_some_and(|&b| before(b)) {
                lb -= 1;
            }
            let mut ub = k + 1;
            while bytes.get(ub).is_some_and(|&b| after(b)) {
                ub += 1;
            }
            let mut caps = self.inner.create_captures();
            let input = regex_automata::Input::new(hay).span(lb..ub);
            self.inner.search_captures(&input, &mut caps);
            // Every match starting at or before the anchor holds it (matches holding an earlier anchor were
            // looked for with that one), so it lies in the stretch and its end is the one a search of the
            // whole text prefers. A match found after the anchor may be cut short by the stretch: it is looked
            // for again with its own anchor.
            match caps.get_match() {
                Some(m) if m.start() <= k => {
                    pos = m.end();
                    out.push(Captures { hay, caps });
                }
                _ => {}
            }
        }
        out
    }

    /// Every non-overlapping match.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.inner.find_iter(hay).map(move |m| Match {
            hay,
            start: m.start(),
            end: m.end(),
        })
    }
}

/// Several patterns searched in one pass: a match says which pattern it is (the first listed wins at a
/// position, as in an alternation) without computing groups; the groups of one match come from that pattern
/// alone, which is far cheaper than from the whole alternation.
#[derive(Debug)]
pub struct RegexSet {
    any: meta::Regex,
    each: Vec<Regex>,
}

impl RegexSet {
    /// Compiles `patterns` (regex crate syntax).
    pub fn new(patterns: &[String]) -> Result<RegexSet, String> {
        let any = meta::Regex::builder()
            .configure(meta::Regex::config().auto_prefilter(false))
            .build_many(patterns)
            .map_err(|e| e.to_string())?;
        let each = patterns
            .iter()
            .map(|p| Regex::new(p))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RegexSet { any, each })
    }

    /// Every non-overlapping match with the index of its pattern.
    pub fn find_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = (usize, Match<'h>)> + 'r
    where
        'h: 'r,
    {
        self.any.find_iter(hay).map(move |m| {
            (
                m.pattern().as_usize(),
                Match {
                    hay,
                    start: m.start(),
                    end: m.end(),
                },
            )
        })
    }

    /// The groups of match `m` of pattern `pattern` (as [`RegexSet::find_iter`] gave them).
    pub fn captures_at<'h>(&self, pattern: usize, m: Match<'h>) -> Option<Captures<'h>> {
        self.each.get(pattern)?.captures_at(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_iteration() {
        let re = Regex::new(r"(?i)(?P<d>\d+) (?P<m>april|mei)").unwrap();
        let caps: Vec<_> = re.captures_iter("pada 27 April dan 3 Mei").collect();
        assert_eq!(caps.len(), 2);
        assert_eq!(caps[0].name("d").map(|m| m.as_str()), Some("27"));
        assert_eq!(caps[1].get(0).map(|m| m.range()), Some(18..23));
        assert!(re.is_match("1 mei"));
        assert!(re.captures("tidak ada").is_none());
        assert_eq!(re.find_iter("1 mei, 2 april").count(), 2);
        // Groups of a match found without them are the groups `captures_iter` gives.
        let hay = "pada 27 April dan 3 Mei";
        let lazy: Vec<_> = re
            .find_iter(hay)
            .filter_map(|m| re.captures_at(m))
            .map(|c| (c.get(0).map(|m| m.range()), c.name("d").map(|m| m.as_str())))
            .collect();
        let eager: Vec<_> = re
            .captures_iter(hay)
            .map(|c| (c.get(0).map(|m| m.range()), c.name("d").map(|m| m.as_str())))
            .collect();
        assert_eq!(lazy, eager);
        // A set tells which pattern matched, the first listed winning at a position.
        let set = RegexSet::new(&[
            r"(?P<d>\d+) (?P<m>april)".to_string(),
            r"(?P<d>\d+) \w+".to_string(),
        ])
        .unwrap();
        let hits: Vec<_> = set
            .find_iter("27 april, 3 mei")
            .map(|(p, m)| {
                let c = set.captures_at(p, m).unwrap();
                (p, c.name("d").unwrap().as_str())
            })
            .collect();
        assert_eq!(hits, vec![(0, "27"), (1, "3")]);
        // Word boundaries still see the text around the match.
        let wb = Regex::new(r"\bmei\b").unwrap();
        let m = wb.find_iter("x mei y").next().unwrap();
        assert!(wb.captures_at(m).is_some());
    }
}
