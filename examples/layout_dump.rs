//! Prints each line's layout kind for a text file (a debugging aid): `cargo run --example layout_dump FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: layout_dump FILE");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let layout = linimasa::extract::layout::Layout::of(&text);
    for l in layout.lines.iter().take(40) {
        let s = l.span.slice(&text);
        let head: String = s.chars().take(100).collect();
        println!("{:?}\t{head}", l.kind);
    }
}
