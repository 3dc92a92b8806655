//! The date finder and resolver on any text: no panic, and every mention lies on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linimasa::extract::dates::{Anchors, find_dates, resolve};

fuzz_target!(|text: &str| {
    let anchors = Anchors::default();
    for f in find_dates(text) {
        assert!(f.start <= f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        if let Some(d) = resolve(&f.raw, f.future, &anchors) {
            assert!(d.start <= d.end);
        }
    }
    let _ = linimasa::extract::parse_meta_date(text);
});
