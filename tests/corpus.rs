//! Loading real and hostile corpora: every good article loads, every bad file is skipped with a reason.

use linimasa::corpus::{LoadOptions, load};
use std::path::Path;

fn write(p: &Path, bytes: &[u8]) {
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, bytes).expect("write");
}

const GOOD: &str = "Jakarta - Menteri Luar Negeri Retno Marsudi bertemu mitranya pada Senin (12/3/2018) untuk membahas keamanan siber.\n\n“Kerja sama siber penting,” kata Retno.\n";

#[test]
fn hostile_folder_loads_good_articles_and_skips_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(&d.join("utf8.txt"), GOOD.as_bytes());
    write(
        &d.join("bom.txt"),
        &[b"\xEF\xBB\xBF".as_slice(), GOOD.as_bytes()].concat(),
    );
    write(&d.join("crlf.txt"), GOOD.replace('\n', "\r\n").as_bytes());
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(GOOD);
    write(&d.join("cp1252.txt"), &cp1252);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in GOOD.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    write(&d.join("utf16.txt"), &utf16);
    write(&d.join("a/b/c/d/e/f/g/h/i/j/deep.txt"), GOOD.as_bytes());
    write(&d.join("np.json"), br#"{"title":"Judul","maintext":"Isi berita siber yang cukup panjang.","date_publish":"2019-09-19 10:00:00","source_domain":"aktual.com"}"#);
    write(
        &d.join("rows.csv"),
        b"title,date,url,outlet,text\nA,2020-01-01,u,X,\"Teks, satu\"\nB,2020-01-02,u,Y,Teks dua\n",
    );
    // Bad files.
    write(&d.join("empty.txt"), b"");
    write(
        &d.join("random.txt"),
        &(0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect::<Vec<u8>>(),
    );
    write(&d.join("nul.txt"), &[0u8; 1000]);
    write(&d.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&d.join("picture.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&d.join("broken.json"), b"{\"title\": \"x\", ");
    write(&d.join("broken.csv"), b"title,text\n\"unterminated,x\n");
    write(&d.join("huge.txt"), &vec![b'a'; 12 * 1024 * 1024]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(d, d.join("loop")).expect("symlink");

    let c = load(&[d.to_path_buf()], &LoadOptions::default());
    let files: Vec<&str> = c.articles.iter().map(|a| a.file.as_str()).collect();
    for good in [
        "utf8.txt",
        "bom.txt",
        "crlf.txt",
        "cp1252.txt",
        "utf16.txt",
        "deep.txt",
        "np.json",
        "rows.csv#1",
        "rows.csv#2",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(good)),
            "{good} not loaded: {files:?} / {:?}",
            c.skipped
        );
    }
    for a in &c.articles {
        assert!(!a.text.contains('\r'), "{}", a.file);
        if a.file.ends_with(".txt") {
            assert!(a.text.contains("Retno"), "{}: {:?}", a.file, a.text);
        }
    }
    let cp = c
        .articles
        .iter()
        .find(|a| a.file == "cp1252.txt")
        .expect("cp1252");
    assert!(
        cp.text.contains('“'),
        "Windows-1252 quotes decoded: {:?}",
        cp.text
    );
    let reason = |f: &str| {
        c.skipped
            .iter()
            .find(|s| s.file.ends_with(f))
            .map(|s| s.reason.clone())
    };
    for (bad, why) in [
        ("empty.txt", "empty"),
        ("random.txt", "binary"),
        ("nul.txt", "binary"),
        ("image.png", "unsupported"),
        ("picture.txt", "PNG"),
        ("broken.json", "malformed JSON"),
        ("broken.csv", "CSV"),
        ("huge.txt", "one line"),
        ("loop", "loop"),
    ] {
        let r = reason(bad).unwrap_or_else(|| panic!("{bad} not skipped: {:?}", c.skipped));
        assert!(r.contains(why), "{bad}: {r}");
    }
    // Deterministic: loading again gives the same order.
    let again = load(&[d.to_path_buf()], &LoadOptions::default());
    let ids: Vec<&str> = again.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        c.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
    );
}

#[test]
fn size_cap_is_configurable_and_corpus_is_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("a.txt");
    write(&p, GOOD.as_bytes());
    let before = std::fs::metadata(&p)
        .and_then(|m| m.modified())
        .expect("mtime");
    let c = load(
        &[dir.path().to_path_buf()],
        &LoadOptions {
            max_file_bytes: 10,
            ..LoadOptions::default()
        },
    );
    assert!(c.articles.is_empty());
    assert!(c.skipped[0].reason.contains("too large"));
    let c = load(std::slice::from_ref(&p), &LoadOptions::default());
    assert_eq!(c.articles.len(), 1);
    assert_eq!(std::fs::read(&p).expect("read"), GOOD.as_bytes());
    assert_eq!(
        std::fs::metadata(&p)
            .and_then(|m| m.modified())
            .expect("mtime"),
        before
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(names.len(), 1, "nothing written beside the corpus");
}

#[test]
fn a_corpus_size_cap_bounds_what_is_held_in_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..10 {
        write(
            &dir.path().join(format!("a{i}.txt")),
            format!("{GOOD}\n{i}").as_bytes(),
        );
    }
    let one = GOOD.len() as u64 + 2;
    let c = load(
        &[dir.path().to_path_buf()],
        &LoadOptions {
            max_total_bytes: one * 4,
            ..LoadOptions::default()
        },
    );
    // Four files fit; the other six are listed with the reason, none silently dropped.
    assert_eq!(c.articles.len(), 4);
    assert_eq!(c.skipped.len(), 6);
    assert!(c.bytes_read <= one * 4);
    assert!(
        c.skipped
            .iter()
            .all(|s| s.reason.contains("corpus size limit"))
    );
}
