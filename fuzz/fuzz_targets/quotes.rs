//! The quote extractor on any text: no panic, and every quote's span holds exactly its text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linimasa::extract::layout::Layout;
use linimasa::extract::quotes::find_quotes;

fuzz_target!(|text: &str| {
    let layout = Layout::of(text);
    for q in find_quotes(text, &layout, &[]) {
        assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
    }
});
