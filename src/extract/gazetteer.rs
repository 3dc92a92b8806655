//! The tables of the field, read from `assets/lexicon/*.tsv` (embedded in the program): every outlet of
//! Indonesia's national and regional press, the agencies and foreign outlets that report on the region, with
//! the spellings datelines and credits print and their web domains. One row per entry, tab-separated; `#` starts
//! a comment line. Each table is parsed once, when first needed.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The outlet table: display names, and look-ups by printed spelling and by web domain (lower case).
pub struct Outlets {
    /// Display names, in table order.
    pub names: Vec<String>,
    by_spelling: FxHashMap<String, usize>,
    by_domain: FxHashMap<String, usize>,
}

/// The rows of a tab-separated table: comment and blank lines skipped, each row's cells trimmed.
pub fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The `|`-separated items of a cell, empty ones left out.
pub fn items<'a>(cell: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    cell.copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn spaced_lower(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Outlets {
    fn parse(table: &str) -> Outlets {
        let mut out = Outlets {
            names: Vec::new(),
            by_spelling: FxHashMap::default(),
            by_domain: FxHashMap::default(),
        };
        for row in rows(table) {
            let Some(name) = row.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let i = out.names.len();
            out.names.push(name.to_string());
            // The first row that lists a spelling or domain keeps it (the table lists specific outlets first).
            out.by_spelling.entry(spaced_lower(name)).or_insert(i);
            for s in items(row.get(1)) {
                out.by_spelling.entry(spaced_lower(s)).or_insert(i);
            }
            for d in items(row.get(2)) {
                let d = d.to_lowercase();
                let d = d.trim_start_matches("www.").to_string();
                out.by_domain.entry(d).or_insert(i);
            }
        }
        out
    }

    /// The display name of a printed outlet name or a host/domain: an exact spelling, an exact domain, or the
    /// longest listed domain the host is a subdomain of (`jatim.antaranews.com` → ANTARA Jatim before
    /// ANTARA). Never a part of a longer name (`kabarbisnis.com` is not Bisnis.com).
    pub fn canonical(&self, s: &str) -> Option<&str> {
        let l = spaced_lower(s);
        let l = l.trim_start_matches("www.");
        if let Some(&i) = self.by_spelling.get(l).or_else(|| self.by_domain.get(l)) {
            return self.names.get(i).map(String::as_str);
        }
        if !l.contains('.') || l.contains(' ') {
            return None;
        }
        let mut rest = l;
        while let Some((_, tail)) = rest.split_once('.') {
            if let Some(&i) = self.by_domain.get(tail) {
                return self.names.get(i).map(String::as_str);
            }
            rest = tail;
        }
        None
    }
}

/// The outlet table (`assets/lexicon/outlets.tsv`).
pub static OUTLETS: LazyLock<Outlets> =
    LazyLock::new(|| Outlets::parse(include_str!("../../assets/lexicon/outlets.tsv")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_by_spelling_domain_and_subdomain_never_by_part_of_a_name() {
        let o = &*OUTLETS;
        assert!(o.names.len() >= 300, "{}", o.names.len());
        for (printed, want) in [
            ("KOMPAS.com", Some("Kompas.com")),
            ("REPUBLIKA.CO.ID", Some("Republika")),
            ("ANTARA News", Some("ANTARA")),
            ("nasional.kompas.com", Some("Kompas.com")),
            ("www.thejakartapost.com", Some("The Jakarta Post")),
            ("jatim.antaranews.com", Some("ANTARA Jatim")),
            ("Bisnis.com", Some("Bisnis.com")),
            ("kabarbisnis.com", None),
            ("1suara.com", None),
            ("Jakarta", None),
            ("", None),
        ] {
            assert_eq!(o.canonical(printed), want, "{printed}");
        }
    }
}
