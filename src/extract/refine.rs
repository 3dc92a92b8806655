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
}
