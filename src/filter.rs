//! Search and facet filters over events: case- and accent-insensitive text search over titles, quotes, people
//! and places, and facets (country, person, forum, outlet, year) with live counts. Pure; the UI only calls it.

use crate::model::Event;
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// A facet of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Facet {
    /// Countries taking part.
    Country,
    /// People who act or speak.
    Person,
    /// Forum (lane kind).
    Forum,
    /// Outlets that reported.
    Outlet,
    /// Year of the event.
    Year,
}

impl Facet {
    /// All facets in display order.
    pub const ALL: [Facet; 5] = [
        Facet::Country,
        Facet::Person,
        Facet::Forum,
        Facet::Outlet,
        Facet::Year,
    ];

    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Country => "Country",
            Facet::Person => "Person",
            Facet::Forum => "Forum",
            Facet::Outlet => "Outlet",
            Facet::Year => "Year",
        }
    }

    /// The values an event has for this facet.
    pub fn values(self, e: &Event) -> Vec<String> {
        match self {
            Facet::Country => e.countries.clone(),
            Facet::Person => e.people.clone(),
            Facet::Forum => vec![e.forum_kind.clone()],
            Facet::Outlet => e.outlets(),
            Facet::Year => vec![e.date.start.year().to_string()],
        }
    }
}

/// The user's filters: a search text and selected facet values (an event must have one of the selected values
/// of every facet that has a selection).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Search text.
    pub search: String,
    /// Selected values per facet.
    pub selected: BTreeMap<Facet, Vec<String>>,
}

/// Lower case without accents: `Jum’at` and `jum'at` compare equal, `Café` matches `cafe`. Character by
/// character (ASCII, nearly all news text, takes a fast path); a non-ASCII character is decomposed, its accents
/// dropped and the rest lowercased.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // A run of ASCII other than the backquote: copied, then lower-cased in place.
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii() || b == b'`')
            .unwrap_or(rest.len());
        let Some((ascii, tail)) = rest.split_at_checked(run) else {
            break;
        };
        let from = out.len();
        out.push_str(ascii);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        let Some(c) = chars.next() else { break };
        fold_char(c, &mut out);
        rest = chars.as_str();
    }
    out
}

/// One character of [`fold`].
fn fold_char(c: char, out: &mut String) {
    match c {
        '`' | '’' | '‘' => out.push('\''),
        '“' | '”' => out.push('"'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for d in std::iter::once(c).nfd() {
                if !('\u{300}'..='\u{36f}').contains(&d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// The searchable text of an event, folded.
pub fn search_text(e: &Event) -> String {
    let mut s = String::new();
    for part in [Some(&e.title), e.forum.as_ref(), e.location.as_ref()]
        .into_iter()
        .flatten()
    {
        s.push_str(part);
        s.push('\n');
    }
    for p in e.people.iter().chain(e.countries.iter()) {
        s.push_str(p);
        s.push('\n');
    }
    for q in &e.quotes {
        s.push_str(&q.quote.text);
        s.push('\n');
        if let Some(sp) = &q.quote.speaker {
            s.push_str(sp);
            s.push('\n');
        }
    }
    for o in e.outlets() {
        s.push_str(&o);
        s.push('\n');
    }
    fold(&s)
}

impl Filters {
    /// Whether any filter is active.
    pub fn is_active(&self) -> bool {
        !self.search.trim().is_empty() || self.selected.values().any(|v| !v.is_empty())
    }

    /// Clears everything.
    pub fn clear(&mut self) {
        self.search.clear();
        self.selected.clear();
    }

    /// Toggles one facet value.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let v = self.selected.entry(facet).or_default();
        if let Some(i) = v.iter().position(|x| x == value) {
            v.remove(i);
        } else {
            v.push(value.to_string());
        }
    }

    /// Whether `value` of `facet` is selected.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected
            .get(&facet)
            .is_some_and(|v| v.iter().any(|x| x == value))
    }

    fn matches_facets(&self, e: &Event, except: Option<Facet>) -> bool {
        self.selected.iter().all(|(facet, values)| {
            values.is_empty()
                || Some(*facet) == except
                || facet.values(e).iter().any(|v| values.contains(v))
        })
    }

    /// Which events pass. `texts[i]` is [`search_text`] of event `i` (precomputed once per load).
    pub fn apply(&self, events: &[Event], texts: &[String]) -> Vec<bool> {
        let terms: Vec<String> = fold(&self.search)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let text = texts.get(i).map(String::as_str).unwrap_or("");
                terms.iter().all(|t| text.contains(t.as_str())) && self.matches_facets(e, None)
            })
            .collect()
    }

    /// Live counts per facet value: events that pass the search and every other facet's selection, so that
    /// choosing within a facet shows what each choice would give.
    pub fn counts(
        &self,
        events: &[Event],
        texts: &[String],
    ) -> BTreeMap<Facet, Vec<(String, usize)>> {
        let terms: Vec<String> = fold(&self.search)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut out = BTreeMap::new();
        for facet in Facet::ALL {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for (i, e) in events.iter().enumerate() {
                let text = texts.get(i).map(String::as_str).unwrap_or("");
                if !terms.iter().all(|t| text.contains(t.as_str()))
                    || !self.matches_facets(e, Some(facet))
                {
                    continue;
                }
                for v in facet.values(e) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            // Keep selected values visible even at zero.
            for v in self.selected.get(&facet).into_iter().flatten() {
                counts.entry(v.clone()).or_default();
            }
            let mut list: Vec<(String, usize)> = counts.into_iter().collect();
            if facet == Facet::Year {
                list.sort_by(|a, b| a.0.cmp(&b.0));
            } else {
                list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            out.insert(facet, list);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::lanes::tests_support::ev;

    #[test]
    fn folding_by_ascii_runs_equals_folding_by_character() {
        const PIECES: [&str; 14] = [
            "Jum’at",
            "jum'at",
            "Café",
            "`quoted`",
            "“Kami”",
            "ASEAN",
            " ",
            "\n",
            "İstanbul",
            "ẞ",
            "Ñ",
            "x",
            "‘a’",
            "12,5",
        ];
        let mut seed = 5u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(crate::extract::xorshift(&mut seed) % 30) {
                text.push_str(crate::extract::pick(&mut seed, &PIECES));
            }
            let mut by_char = String::new();
            for c in text.chars() {
                fold_char(c, &mut by_char);
            }
            assert_eq!(fold(&text), by_char, "{text:?}");
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Jum’at CAFÉ"), "jum'at cafe");
        // Already decomposed accents, typographic quotes and non-Latin letters.
        assert_eq!(fold("Cafe\u{301} “Ñ” `x‘"), "cafe \"n\" 'x'");
        assert_eq!(fold("ÀÉÎ Straße ΣΑ"), "aei straße σα");
    }

    #[test]
    fn search_and_facets() {
        let mut a = ev(1, "ASEAN", &["Indonesia", "Japan"], &["ANTARA"]);
        a.people = vec!["Wiranto".into()];
        let b = ev(2, "UN", &["Indonesia"], &["MINA"]);
        let events = vec![a, b];
        let texts: Vec<String> = events.iter().map(search_text).collect();
        let mut f = Filters {
            search: "wiránto".into(),
            ..Default::default()
        };
        assert_eq!(f.apply(&events, &texts), vec![true, false]);
        f.search.clear();
        f.toggle(Facet::Outlet, "MINA");
        assert_eq!(f.apply(&events, &texts), vec![false, true]);
        let c = f.counts(&events, &texts);
        // Outlet counts ignore the outlet selection itself.
        assert_eq!(
            c[&Facet::Outlet],
            vec![("ANTARA".to_string(), 1), ("MINA".to_string(), 1)]
        );
        assert_eq!(c[&Facet::Country], vec![("Indonesia".to_string(), 1)]);
        f.clear();
        assert!(!f.is_active());
    }
}
