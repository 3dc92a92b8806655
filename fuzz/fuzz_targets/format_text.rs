//! Decoding any bytes and reading them (as articles, or as a hand-made events table) as a .text file: no panic; either articles or a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linimasa::corpus::decode::decode_bytes;
use linimasa::corpus::formats::{Format, parse_records};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = decode_bytes(bytes) {
        let path = std::path::Path::new("fuzz.text");
        // A hand-made events table (CSV, TimelineJS) is read as rows, then turned into events.
        if let Some(Ok(rows)) = linimasa::corpus::formats::event_rows(Format::Text, &text, "fuzz") {
            let _ = linimasa::extract::imported::events_from_rows(&rows);
        }
        if let Ok(articles) = parse_records(Format::Text, &text, path, "fuzz.text") {
            for a in articles {
                assert!(!a.id.is_empty());
                let _ = linimasa::extract::extract_article(&a);
            }
        }
    }
});
