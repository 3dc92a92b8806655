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
    /// Each outlet's kind (`national`, `regional`, `agency`, `foreign`, `government`, …).
    pub kinds: Vec<String>,
    by_spelling: FxHashMap<String, usize>,
    by_domain: FxHashMap<String, usize>,
    /// A domain's first label of eight letters or more (`nationthailand` of nationthailand.com) → outlet, when
    /// only one outlet's domain has it.
    by_stem: FxHashMap<String, Option<usize>>,
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
            kinds: Vec::new(),
            by_spelling: FxHashMap::default(),
            by_domain: FxHashMap::default(),
            by_stem: FxHashMap::default(),
        };
        for row in rows(table) {
            let Some(name) = row.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let i = out.names.len();
            out.names.push(name.to_string());
            out.kinds
                .push(row.get(3).copied().unwrap_or("").to_string());
            // The first row that lists a spelling or domain keeps it (the table lists specific outlets first).
            out.by_spelling.entry(spaced_lower(name)).or_insert(i);
            for s in items(row.get(1)) {
                out.by_spelling.entry(spaced_lower(s)).or_insert(i);
            }
            for d in items(row.get(2)) {
                let d = d.to_lowercase();
                let d = d.trim_start_matches("www.").to_string();
                if let Some((stem, _)) = d.split_once('.')
                    && stem.len() >= 8
                {
                    let e = out.by_stem.entry(stem.to_string()).or_insert(Some(i));
                    if *e != Some(i) {
                        *e = None;
                    }
                }
                out.by_domain.entry(d).or_insert(i);
            }
        }
        out
    }

    /// The display name of a printed outlet name or a host/domain: an exact spelling, an exact domain, or the
    /// longest listed domain the host is a subdomain of (`jatim.antaranews.com` → ANTARA Jatim before
    /// ANTARA). Never a part of a longer name (`kabarbisnis.com` is not Bisnis.com).
    pub fn canonical(&self, s: &str) -> Option<&str> {
        self.index(s)
            .and_then(|i| self.names.get(i))
            .map(String::as_str)
    }

    /// The display name of the outlet whose domain begins with `word` (`nationthailand`: a site's logo text), when
    /// the word is one label of eight letters or more, lower case, that only one outlet's domain begins with.
    pub fn by_domain_stem(&self, word: &str) -> Option<&str> {
        let w = word.trim();
        if w.len() < 8
            || !w
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return None;
        }
        let i = (*self.by_stem.get(w)?)?;
        self.names.get(i).map(String::as_str)
    }

    /// The kind of the outlet [`Outlets::canonical`] finds.
    pub fn kind(&self, s: &str) -> Option<&str> {
        self.index(s)
            .and_then(|i| self.kinds.get(i))
            .map(String::as_str)
    }

    fn index(&self, s: &str) -> Option<usize> {
        let l = spaced_lower(s);
        let l = l.trim_start_matches("www.");
        if let Some(&i) = self.by_spelling.get(l).or_else(|| self.by_domain.get(l)) {
            return Some(i);
        }
        if !l.contains('.') || l.contains(' ') {
            return None;
        }
        let mut rest = l;
        while let Some((_, tail)) = rest.split_once('.') {
            if let Some(&i) = self.by_domain.get(tail) {
                return Some(i);
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
    fn a_sites_logo_text_is_its_domains_first_label() {
        let o = &*OUTLETS;
        assert_eq!(
            o.by_domain_stem("nationthailand"),
            Some("The Nation Thailand")
        );
        assert_eq!(o.by_domain_stem("Nationthailand"), None);
        assert_eq!(o.by_domain_stem("kompas"), None);
    }

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

/// One person of the people table.
#[derive(Debug, Clone)]
pub struct PersonEntry {
    /// The name most articles print.
    pub name: String,
    /// Country or organisation.
    pub country: String,
    /// Posts held: the forms the press writes for the post and its English gloss (lower case, single-spaced),
    /// first and last year.
    pub roles: Vec<(Vec<String>, i32, i32)>,
    /// Name keys ([`name_key`]) of the canonical name and every alias.
    pub keys: Vec<String>,
}

/// The people table (`assets/lexicon/people.tsv`): the people of this field, with aliases and posts.
pub struct People {
    /// Every person, in table order.
    pub entries: Vec<PersonEntry>,
    /// Name keys ([`name_key`]) of canonical names and aliases → person.
    by_key: FxHashMap<String, usize>,
    /// Each name token of four letters or more → the people whose names have it (for misspelt names).
    by_token: FxHashMap<String, Vec<usize>>,
    /// Names of one word (`rudiantara`, `wiranto`) of eight letters or more → person (for misspelt mononyms).
    mononyms: Vec<(String, usize)>,
    /// Post forms → (person, first year, last year).
    by_role: FxHashMap<String, Vec<(usize, i32, i32)>>,
}

/// A name's comparison key: its tokens lower case without dots (`A.M. Fachir` → `am fachir`).
pub fn name_key(name: &str) -> String {
    super::people::name_tokens(name).join(" ")
}

/// Years at the end of a post's text: `… 2014–2019`, `… 2019–2024`, `… 2018`.
fn years_of(s: &str) -> Option<(i32, i32)> {
    let nums: Vec<i32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse().ok())
        .collect();
    match nums.as_slice() {
        [.., a, b] => Some((*a, *b)),
        [a] => Some((*a, *a)),
        [] => None,
    }
}

impl People {
    fn parse(table: &str) -> People {
        let mut out = People {
            entries: Vec::new(),
            by_key: FxHashMap::default(),
            by_token: FxHashMap::default(),
            mononyms: Vec::new(),
            by_role: FxHashMap::default(),
        };
        for row in rows(table) {
            let Some(name) = row.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let i = out.entries.len();
            let mut roles = Vec::new();
            for post in row.get(2).copied().unwrap_or("").split(';') {
                let Some((first, last)) = years_of(post) else {
                    continue;
                };
                // "Menteri Luar Negeri / Menlu (Foreign Minister) 2014–2024": the forms before the gloss.
                let forms: Vec<String> = post
                    .split('(')
                    .next()
                    .unwrap_or("")
                    .split('/')
                    .map(spaced_lower)
                    .filter(|f| !f.is_empty() && !f.chars().all(|c| c.is_ascii_digit() || c == '–'))
                    .collect();
                for f in &forms {
                    out.by_role
                        .entry(f.clone())
                        .or_default()
                        .push((i, first, last));
                }
                // `(Foreign Minister of Malaysia)`: how an English text names the post.
                let gloss = post
                    .split_once('(')
                    .and_then(|(_, g)| g.split(')').next())
                    .map(spaced_lower)
                    .filter(|g| !g.is_empty());
                roles.push((forms.into_iter().chain(gloss).collect(), first, last));
            }
            let keys: Vec<String> = std::iter::once(*name)
                .chain(items(row.get(1)))
                .map(name_key)
                .filter(|k| !k.is_empty())
                .collect();
            out.entries.push(PersonEntry {
                name: name.to_string(),
                country: row.get(3).copied().unwrap_or("").to_string(),
                roles,
                keys: keys.clone(),
            });
            for key in keys {
                if !key.contains(' ') && key.chars().count() >= 8 {
                    out.mononyms.push((key.clone(), i));
                }
                for t in key.split(' ').filter(|t| t.chars().count() >= 4) {
                    let list = out.by_token.entry(t.to_string()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
                out.by_key.entry(key).or_insert(i);
            }
        }
        out
    }

    /// The person a printed name is: an exact name or alias (`Jokowi`, `Retno LP Marsudi`, `AM. Fachir`), a
    /// fuller or shorter form of one (`Retno Lestari Marsudi`), or a misspelling of one (`Reto Marsudi`,
    /// `Johnny G. Platt`, `Johny G Plate`): every token equal or within one or two letters, and at least one
    /// long token exact. A single word is an exact name or alias, or one letter off a long name of one word
    /// (`Ridiantara` for Rudiantara) that no other name of one word is as near.
    pub fn lookup(&self, name: &str) -> Option<&PersonEntry> {
        let key = name_key(name);
        if let Some(&i) = self.by_key.get(&key) {
            return self.entries.get(i);
        }
        let tokens: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
        if let [one] = tokens.as_slice() {
            let n = one.chars().count();
            let mut near = self.mononyms.iter().filter(|(k, _)| {
                n >= 8
                    && k.chars().count().abs_diff(n) <= 1
                    && super::people::edit_distance(k, one) == 1
            });
            let first = near.next().map(|(_, i)| *i);
            return match (first, near.any(|(_, i)| Some(*i) != first)) {
                (Some(i), false) => self.entries.get(i),
                _ => None,
            };
        }
        if tokens.len() < 2 {
            return None;
        }
        let mut found: Option<usize> = None;
        for t in tokens.iter().filter(|t| t.chars().count() >= 4) {
            for &i in self.by_token.get(*t).into_iter().flatten() {
                if found == Some(i) {
                    continue;
                }
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                let matches = e.keys.iter().any(|k| close_names(k, &tokens));
                if matches {
                    if found.is_some() {
                        // Two people fit: the name does not tell which.
                        return None;
                    }
                    found = Some(i);
                }
            }
        }
        found.and_then(|i| self.entries.get(i))
    }

    /// The years `person` held the post a text prints beside the name (`Prime Minister Tan Sri`, `Menkominfo`,
    /// `Communications and Multimedia Minister`): the first and last year of every post of theirs whose forms or
    /// gloss hold at least half the printed role's words, and most of them. `None` when no post fits, or the role is a past one
    /// (`former`, `mantan`).
    pub fn tenure(&self, person: &PersonEntry, printed_role: &str) -> Option<(i32, i32)> {
        const NOT_OF_THE_POST: &[&str] = &[
            "of", "the", "and", "dan", "for", "bidang", "urusan", "republik", "ri", "sri", "tan",
            "datuk", "dato", "seri", "dr", "h", "ir", "prof",
        ];
        const PAST: &[&str] = &[
            "former",
            "mantan",
            "eks",
            "ex",
            "then",
            "sebelumnya",
            "outgoing",
            "late",
        ];
        let words: Vec<String> = printed_role
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.iter().any(|w| PAST.contains(&w.as_str())) {
            return None;
        }
        let words: Vec<&String> = words
            .iter()
            .filter(|w| !NOT_OF_THE_POST.contains(&w.as_str()))
            .collect();
        if words.is_empty() {
            return None;
        }
        // The posts that hold the most of the printed words (`Perdana Menteri` is the prime minister's post, not
        // every `Menteri` post the person held).
        let mut years: Option<(i32, i32)> = None;
        let mut best = 0;
        for (forms, first, last) in &person.roles {
            let post_words: Vec<&str> = forms
                .iter()
                .flat_map(|f| f.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            let hits = words
                .iter()
                .filter(|w| post_words.contains(&w.as_str()))
                .count();
            if hits == 0 || hits * 2 < words.len() || hits < best {
                continue;
            }
            if hits > best {
                best = hits;
                years = None;
            }
            years = Some(years.map_or((*first, *last), |(a, b)| (a.min(*first), b.max(*last))));
        }
        years
    }

    /// The one person who held a post named `role` (as the press writes it: `Menkominfo`, `Kepala BSSN`,
    /// `Menteri Luar Negeri`) in `year`; `None` when the table knows none or several.
    pub fn holder(&self, role: &str, year: i32) -> Option<&PersonEntry> {
        match self.holders(role, year).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Everyone who held a post at some time in `year` (two in a year of a hand-over), in table order.
    pub fn holders(&self, role: &str, year: i32) -> Vec<&PersonEntry> {
        let Some(holders) = self.by_role.get(&spaced_lower(role)) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = holders
            .iter()
            .filter(|(_, a, b)| *a <= year && year <= *b)
            .map(|(i, _, _)| *i)
            .collect();
        out.dedup();
        out.iter().filter_map(|&i| self.entries.get(i)).collect()
    }
}

/// Whether a printed name's tokens are a known name's (key `known`): the same number of tokens or one more or
/// fewer (a middle name or initial), each printed token equal to or within a small edit distance of the known
/// one at its place, initials matching first letters, and one token of four letters or more exactly equal.
fn close_names(known: &str, printed: &[&str]) -> bool {
    let k: Vec<&str> = known.split(' ').filter(|t| !t.is_empty()).collect();
    if k.len() < 2 {
        return false;
    }
    let (Some(kf), Some(kl), Some(pf), Some(pl)) =
        (k.first(), k.last(), printed.first(), printed.last())
    else {
        return false;
    };
    let close = |a: &str, b: &str| {
        let n = a.chars().count().max(b.chars().count());
        a == b
            || (a.chars().count() == 1 || b.chars().count() == 1)
                && a.chars().next() == b.chars().next()
            || n >= 4 && super::people::edit_distance(a, b) <= if n >= 6 { 2 } else { 1 }
    };
    // First and last tokens must fit; the middle ones may be left out or added.
    if !close(kf, pf) || !close(kl, pl) {
        return false;
    }
    let exact_long = k
        .iter()
        .any(|t| t.chars().count() >= 4 && printed.contains(t));
    // A middle name may be left out or added, not replaced by another (`Tran Van Minh` is not Tran Duc Binh).
    let unmatched =
        |a: &[&str], b: &[&str]| a.iter().filter(|t| !b.iter().any(|u| close(t, u))).count();
    exact_long
        && k.len().abs_diff(printed.len()) <= 2
        && unmatched(printed, &k) <= printed.len().saturating_sub(k.len())
        && unmatched(&k, printed) <= k.len().saturating_sub(printed.len())
}

/// The people table.
pub static PEOPLE: LazyLock<People> =
    LazyLock::new(|| People::parse(include_str!("../../assets/lexicon/people.tsv")));

#[cfg(test)]
mod people_tests {
    use super::*;

    #[test]
    fn a_printed_post_is_matched_to_the_tables_posts_and_their_years() {
        let p = &*PEOPLE;
        let tenure = |name: &str, role: &str| p.lookup(name).and_then(|e| p.tenure(e, role));
        // English (the gloss) and Indonesian (the press's forms) names of one post, honorifics aside.
        assert_eq!(
            tenure("Muhyiddin Yassin", "Prime Minister Tan Sri"),
            Some((2020, 2021))
        );
        assert_eq!(
            tenure("Muhyiddin Yassin", "Perdana Menteri"),
            Some((2020, 2021))
        );
        assert_eq!(tenure("Wiranto", "Menko Polhukam"), Some((2016, 2019)));
        // A past post, or one the person never held, gives no years.
        assert_eq!(tenure("Wiranto", "mantan Menko Polhukam"), None);
        assert_eq!(tenure("Wiranto", "Gubernur"), None);
    }

    #[test]
    fn people_by_alias_fuller_form_and_misspelling() {
        let p = &*PEOPLE;
        assert!(p.entries.len() >= 300);
        let who = |n: &str| p.lookup(n).map(|e| e.name.as_str());
        assert_eq!(who("Jokowi"), Some("Joko Widodo"));
        // A long name of one word misspelt by a letter is its person; a short one is not.
        assert_eq!(who("Ridiantara"), Some("Rudiantara"));
        assert_eq!(who("Rudiantaro"), Some("Rudiantara"));
        assert_eq!(who("Wiranti"), None);
        // A name sharing only a family name and a near given name is someone else.
        assert_eq!(who("Tran Van Minh"), None);
        assert_eq!(who("Retno Lestari Marsudi"), Some("Retno Marsudi"));
        assert_eq!(who("Rdiantara"), Some("Rudiantara"));
        assert_eq!(who("Retno LP Marsudi"), Some("Retno Marsudi"));
        assert_eq!(who("Reto Marsudi"), Some("Retno Marsudi"));
        assert_eq!(who("AM. Fachir"), who("AM Fachir"));
        assert!(who("AM Fachir").is_some());
        assert_eq!(who("Johny G Plate"), Some("Johnny G. Plate"));
        assert_eq!(who("Johnny G. Platt"), Some("Johnny G. Plate"));
        assert_eq!(who("S Iswaran"), Some("S. Iswaran"));
        // A single word is never guessed; an unknown person is not made into a known one.
        assert_eq!(who("Marsudi"), None);
        assert_eq!(who("Budi Santoso Wijaya"), None);
    }

    #[test]
    fn a_post_and_a_year_name_its_holder() {
        let p = &*PEOPLE;
        let who = |r: &str, y: i32| p.holder(r, y).map(|e| e.name.as_str());
        assert_eq!(who("Menkominfo", 2018), Some("Rudiantara"));
        assert_eq!(who("Menkominfo", 2021), Some("Johnny G. Plate"));
        assert_eq!(who("Menlu", 2019), Some("Retno Marsudi"));
        assert_eq!(who("Kepala BSSN", 2020), Some("Hinsa Siburian"));
        assert_eq!(who("Menkominfo", 1990), None);
    }
}

/// One place of the place table.
#[derive(Debug, Clone)]
pub struct PlaceEntry {
    /// Canonical English name (`Nusa Dua`, `The Hague`).
    pub name: String,
    /// `city`, `regency`, `province`, `region` or `country-capital`.
    pub kind: String,
    /// Country (English name).
    pub country: String,
    /// The province, region or city it lies in (canonical name), if the table has it.
    pub parent: Option<String>,
}

/// The place table (`assets/lexicon/places.tsv`): Indonesia's provinces, cities and regencies, the cities of
/// ASEAN and Timor-Leste, the world's capitals and conference cities, as Indonesian and English news print them.
pub struct Places {
    /// Every place, in table order.
    pub entries: Vec<PlaceEntry>,
    /// Printed forms (lower case, single-spaced) → place.
    by_form: FxHashMap<String, usize>,
    /// The countries the places lie in (every country of the world, by its capital), lower case, sorted.
    country_names: Vec<String>,
}

impl Places {
    fn parse(table: &str) -> Places {
        let mut out = Places {
            entries: Vec::new(),
            by_form: FxHashMap::default(),
            country_names: Vec::new(),
        };
        for row in rows(table) {
            let Some(name) = row.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let i = out.entries.len();
            out.entries.push(PlaceEntry {
                name: name.to_string(),
                kind: row.get(2).copied().unwrap_or("").to_string(),
                country: row.get(3).copied().unwrap_or("").to_string(),
                parent: row.get(4).filter(|p| !p.is_empty()).map(|p| p.to_string()),
            });
            for f in std::iter::once(*name).chain(items(row.get(1))) {
                out.by_form.entry(spaced_lower(f)).or_insert(i);
            }
        }
        out.country_names = out
            .entries
            .iter()
            .filter(|e| !e.country.is_empty())
            .map(|e| spaced_lower(&e.country))
            .collect();
        out.country_names.sort();
        out.country_names.dedup();
        out
    }

    /// The English names of the countries of the table's places, lower case: with the world's capitals, every
    /// country.
    pub fn countries(&self) -> impl Iterator<Item = &str> {
        self.country_names.iter().map(String::as_str)
    }

    /// The place a printed name is (`Jenewa` → Geneva, `Singapura` → Singapore), ignoring case.
    pub fn get(&self, printed: &str) -> Option<&PlaceEntry> {
        self.by_form
            .get(&spaced_lower(printed))
            .and_then(|&i| self.entries.get(i))
    }

    /// A place and every place it lies in (`Central Jakarta` → Central Jakarta, Jakarta, …), canonical names.
    pub fn with_parents(&self, name: &str) -> Vec<String> {
        let mut out = vec![name.to_string()];
        let mut at = self.get(name);
        while let Some(p) = at.and_then(|e| e.parent.as_deref()) {
            if out.iter().any(|o| o == p) || out.len() > 6 {
                break;
            }
            out.push(p.to_string());
            at = self.get(p);
        }
        out
    }

    /// Every printed form with its place, for building look-ups.
    pub fn forms(&self) -> impl Iterator<Item = (&str, &PlaceEntry)> {
        self.by_form
            .iter()
            .filter_map(|(f, &i)| self.entries.get(i).map(|e| (f.as_str(), e)))
    }
}

/// The place table.
pub static PLACES: LazyLock<Places> =
    LazyLock::new(|| Places::parse(include_str!("../../assets/lexicon/places.tsv")));

#[cfg(test)]
mod place_tests {
    use super::*;

    #[test]
    fn places_by_their_indonesian_and_english_forms() {
        let p = &*PLACES;
        assert!(p.entries.len() >= 600);
        let name = |s: &str| p.get(s).map(|e| e.name.as_str());
        assert_eq!(name("Jenewa"), Some("Geneva"));
        assert_eq!(name("den haag"), Some("The Hague"));
        assert_eq!(name("Sidney"), Some("Sydney"));
        assert_eq!(name("Tokio"), Some("Tokyo"));
        assert_eq!(name("SINGAPURA"), Some("Singapore"));
        assert_eq!(name("Nusa Dua"), Some("Nusa Dua"));
        assert_eq!(name("Gianyar").map(|_| ()), Some(()));
        assert_eq!(name("Pemerintah"), None);
    }
}
