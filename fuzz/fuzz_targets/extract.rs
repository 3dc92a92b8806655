//! The whole extractor on any text: no panic, and every span it reports fits the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linimasa::model::{Article, ArticleMeta};

fuzz_target!(|text: &str| {
    let article = Article {
        id: "fuzz".into(),
        file: "fuzz.txt".into(),
        path: "fuzz.txt".into(),
        text: text.to_string(),
        meta: ArticleMeta::default(),
    };
    let facts = linimasa::extract::extract_article(&article);
    for s in [facts.date_evidence, facts.date_mention, facts.location_span, facts.forum_span, facts.outlet_span]
        .into_iter()
        .flatten()
    {
        assert!(text.get(s.start..s.end).is_some());
    }
    let _ = linimasa::extract::merge::build_events(&[facts]);
});
