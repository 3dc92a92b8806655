//! Developer tool: time each extraction stage on the bundled corpus.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use linimasa::corpus::{LoadOptions, load};
use linimasa::extract::{dates, entities, layout::Layout, people, quotes};
use std::time::Instant;

fn main() {
    let c = load(
        &[std::path::PathBuf::from("sample_data")],
        &LoadOptions::default(),
    );
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let t = |name: &str, f: &dyn Fn(&str)| {
        let s = Instant::now();
        for _ in 0..n {
            for a in &c.articles {
                f(&a.text);
            }
        }
        println!(
            "{name:<12} {:>8.3} ms per pass",
            s.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
    };
    if std::env::args().nth(1).as_deref() == Some("big") {
        let big: String = c
            .articles
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let a = linimasa::model::Article {
            id: String::new(),
            file: String::new(),
            path: Default::default(),
            text: big,
            meta: Default::default(),
        };
        let s = Instant::now();
        for _ in 0..n {
            drop(linimasa::extract::extract_article(&a));
        }
        println!(
            "big          {:>8.3} ms per pass ({} bytes)",
            s.elapsed().as_secs_f64() * 1000.0 / n as f64,
            a.text.len()
        );
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("all") {
        t("all", &|x| {
            let a = linimasa::model::Article {
                id: String::new(),
                file: String::new(),
                path: Default::default(),
                text: x.to_string(),
                meta: Default::default(),
            };
            drop(linimasa::extract::extract_article(&a))
        });
        return;
    }
    if let Some(only) = std::env::args().nth(2) {
        match only.as_str() {
            "dates" => t("dates", &|x| drop(dates::find_dates(x))),
            "forums" => t("forums", &|x| {
                drop(entities::find_forums(x, &Layout::of(x)))
            }),
            "layout" => t("layout", &|x| drop(Layout::of(x))),
            _ => {}
        }
        return;
    }
    t("layout", &|x| drop(Layout::of(x)));
    t("dates", &|x| drop(dates::find_dates(x)));
    t("people", &|x| drop(people::find_people(x, &Layout::of(x))));
    t("quotes", &|x| {
        let l = Layout::of(x);
        let p = people::find_people(x, &l);
        drop(quotes::find_quotes(x, &l, &p))
    });
    t("forums", &|x| {
        drop(entities::find_forums(x, &Layout::of(x)))
    });
    t("countries", &|x| {
        drop(entities::find_countries(x, &Layout::of(x)))
    });
    t("outlet", &|x| {
        drop(entities::find_outlet(x, &Layout::of(x), None))
    });
    t("all", &|x| {
        let a = linimasa::model::Article {
            id: String::new(),
            file: String::new(),
            path: Default::default(),
            text: x.to_string(),
            meta: Default::default(),
        };
        drop(linimasa::extract::extract_article(&a))
    });
}
