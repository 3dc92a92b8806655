//! Corpus-level evidence, applied to the facts of every article once they are all extracted: what one article
//! cannot tell alone. A line that stands above the body of several unrelated articles is page furniture (an
//! outlet's "Please update your browser" or subscription banner), not a headline, as boilerplate cleaners such
//! as jusText and trafilatura find it. Pure and linear in the number of articles.

use crate::model::ArticleFacts;
use rustc_hash::{FxHashMap, FxHashSet};

/// A line's comparison key: letters and digits, lower case.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Applies the corpus-level evidence to `facts` in place.
pub fn refine(facts: &mut [ArticleFacts]) {
    drop_boilerplate_titles(facts);
    common_spellings(facts);
    super::merge::dates_from_twins(facts, &event_weekday);
}

/// The weekday the text gives for the article's event (`Senin`, `on Tuesday`), read from its date mention.
fn event_weekday(f: &ArticleFacts) -> Option<chrono::Weekday> {
    let m = f.date_mention?;
    let d = f.dates.iter().find(|d| d.start == m.start)?;
    d.text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .find_map(super::dates::weekday_of)
}

/// A headline candidate (title or alternative) that several articles reporting different things carry is
/// furniture: each such article takes its next candidate, or none (then its event gets a made label). Articles
/// that share a line and report the same day (a wire story republished) keep it.
fn drop_boilerplate_titles(facts: &mut [ArticleFacts]) {
    // For each candidate line: the distinct event dates of the articles that carry it, and how many carry it.
    let mut seen: FxHashMap<String, (FxHashSet<Option<String>>, usize)> = FxHashMap::default();
    for f in facts.iter() {
        let mut own: FxHashSet<String> = FxHashSet::default();
        for t in f.title.iter().chain(&f.title_alternatives) {
            let k = key(t);
            if k.is_empty() || !own.insert(k.clone()) {
                continue;
            }
            let entry = seen.entry(k).or_default();
            entry.0.insert(f.event_date.clone());
            entry.1 += 1;
        }
    }
    let boilerplate = |t: &str| {
        seen.get(&key(t))
            .is_some_and(|(dates, n)| *n >= 3 || *n >= 2 && dates.len() >= 2)
    };
    for f in facts.iter_mut() {
        if !f.title.as_deref().is_some_and(boilerplate) {
            continue;
        }
        let next = f
            .title_alternatives
            .iter()
            .find(|t| !boilerplate(t))
            .cloned();
        f.title_alternatives.retain(|t| !boilerplate(t));
        if let Some(n) = &next {
            f.title_alternatives.retain(|t| t != n);
        }
        f.title = next;
    }
}

/// One spelling per person: where articles write one person's name differently (`Stephanus Abraham Blok`, `Stef
/// Blok`: the same family name, given names that begin alike), every article takes the spelling most articles
/// use. Names the people table knows are already one spelling and are left alone. Linear in the names.
fn common_spellings(facts: &mut [ArticleFacts]) {
    use super::people::name_tokens;
    // How many articles use each spelling, grouped by family name.
    let mut by_family: FxHashMap<String, FxHashMap<String, usize>> = FxHashMap::default();
    for f in facts.iter() {
        let mut own: FxHashSet<&str> = FxHashSet::default();
        let speakers = f.quotes.iter().filter_map(|q| q.speaker.as_deref());
        for name in f.people.iter().map(String::as_str).chain(speakers) {
            own.insert(name);
        }
        for name in own {
            let tokens = name_tokens(name);
            if tokens.len() < 2 || super::gazetteer::PEOPLE.lookup(name).is_some() {
                continue;
            }
            if let Some(family) = tokens.last() {
                *by_family
                    .entry(family.clone())
                    .or_default()
                    .entry(name.to_string())
                    .or_default() += 1;
            }
        }
    }
    let given = |name: &str| -> String {
        name_tokens(name)
            .first()
            .map(|t| t.chars().take(3).collect())
            .unwrap_or_default()
    };
    let mut respell: FxHashMap<String, String> = FxHashMap::default();
    for spellings in by_family.values().filter(|m| m.len() > 1) {
        for (name, &n) in spellings {
            let best = spellings
                .iter()
                .filter(|(other, _)| given(other) == given(name))
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
            if let Some((other, &m)) = best
                && m > n
            {
                respell.insert(name.clone(), other.clone());
            }
        }
    }
    if respell.is_empty() {
        return;
    }
    for f in facts.iter_mut() {
        for p in &mut f.people {
            if let Some(r) = respell.get(p.as_str()) {
                *p = r.clone();
            }
        }
        let mut seen: FxHashSet<String> = FxHashSet::default();
        f.people.retain(|p| seen.insert(p.clone()));
        for q in &mut f.quotes {
            if let Some(r) = q.speaker.as_deref().and_then(|s| respell.get(s)) {
                q.speaker = Some(r.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_article;
    use crate::model::{Article, ArticleMeta};

    fn article(name: &str, text: &str) -> Article {
        Article {
            id: crate::model::content_id(text, None),
            file: name.into(),
            path: name.into(),
            text: text.into(),
            meta: ArticleMeta::default(),
        }
    }

    #[test]
    fn a_banner_above_unrelated_articles_is_not_their_headline() {
        let banner = "Berita Keamanan Siber Terkini";
        let a = format!(
            "{banner}\n\nMenlu Retno Bahas Keamanan Siber di ASEAN\n\nJakarta - Menteri Luar Negeri Retno Marsudi membahas keamanan siber dengan para menteri luar negeri ASEAN di Jakarta, Senin (4/2/2019), dalam pertemuan tertutup, menurut berita terkini."
        );
        let b = format!(
            "{banner}\n\nBSSN Gelar Latihan Siber Bersama Jepang\n\nJakarta - Badan Siber dan Sandi Negara menggelar latihan siber bersama Jepang di Jakarta, Kamis (20/6/2019), yang diikuti lembaga pemerintah, menurut berita terkini tentang keamanan."
        );
        let mut facts: Vec<ArticleFacts> = [("a.txt", a), ("b.txt", b)]
            .iter()
            .map(|(n, t)| extract_article(&article(n, t)))
            .collect();
        // Alone, each article takes the banner: all its words recur in the text.
        assert!(facts.iter().all(|f| f.title.as_deref() == Some(banner)));
        refine(&mut facts);
        let titles: Vec<Option<&str>> = facts.iter().map(|f| f.title.as_deref()).collect();
        assert_eq!(
            titles,
            vec![
                Some("Menlu Retno Bahas Keamanan Siber di ASEAN"),
                Some("BSSN Gelar Latihan Siber Bersama Jepang")
            ]
        );
    }

    #[test]
    fn a_wire_story_republished_keeps_its_headline() {
        let text = "Indonesia dan Australia Perkuat Kerja Sama Siber\n\nJakarta (ANTARA) - Indonesia dan Australia sepakat memperkuat kerja sama siber dalam dialog kebijakan siber di Jakarta, Selasa (8/9/2020), yang dihadiri pejabat kedua negara.";
        let copy = format!("{text}\n\nEditor: Budi");
        let mut facts: Vec<ArticleFacts> = [("a.txt", text.to_string()), ("b.txt", copy)]
            .iter()
            .map(|(n, t)| extract_article(&article(n, t)))
            .collect();
        refine(&mut facts);
        for f in &facts {
            assert_eq!(
                f.title.as_deref(),
                Some("Indonesia dan Australia Perkuat Kerja Sama Siber")
            );
        }
    }

    #[test]
    fn one_person_takes_the_spelling_most_articles_use() {
        let long = "Jakarta - Menteri Luar Negeri Belanda Hendrikus Wilhelmus Keijzer bertemu Menteri Luar Negeri Retno Marsudi di Jakarta, Senin (2/7/2018), membahas kerja sama siber.\n\n“Kerja sama siber kita makin erat,” kata Hendrikus Wilhelmus Keijzer.";
        let short = |d: u32| {
            format!(
                "Jakarta - Dutch Foreign Minister Henk Keijzer met his Indonesian counterpart in Jakarta on Monday ({d} July 2018) to discuss cyber cooperation.\n\n“Our cyber cooperation grows,” Henk Keijzer said."
            )
        };
        let mut facts: Vec<ArticleFacts> = [
            ("a.txt", long.to_string()),
            ("b.txt", short(2)),
            ("c.txt", short(3)),
        ]
        .iter()
        .map(|(n, t)| extract_article(&article(n, t)))
        .collect();
        assert_eq!(
            facts[0].quotes.first().and_then(|q| q.speaker.as_deref()),
            Some("Hendrikus Wilhelmus Keijzer")
        );
        refine(&mut facts);
        for f in &facts {
            assert_eq!(
                f.quotes.first().and_then(|q| q.speaker.as_deref()),
                Some("Henk Keijzer"),
                "{}",
                f.file
            );
            assert!(!f.people.iter().any(|p| p == "Hendrikus Wilhelmus Keijzer"));
        }
    }
}
