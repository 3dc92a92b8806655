//! Extraction measured against the hand annotations of the bundled corpus. Scores are computed from what the
//! extractor outputs; the thresholds are the ones the product promises.

use linimasa::corpus::LoadOptions;
use linimasa::eval::{GoldArticle, Scores, f1, ratio, score};
use linimasa::model::Certainty;
use linimasa::pipeline::extract_paths;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gold(name: &str) -> Vec<GoldArticle> {
    let text = std::fs::read_to_string(root().join("tests/gold").join(name)).expect("gold file");
    serde_json::from_str(&text).expect("gold parses")
}

fn scores_for(folder: &str, gold_file: &str) -> Scores {
    let (x, corpus) = extract_paths(
        &[root().join("sample_data").join(folder)],
        &LoadOptions::default(),
    );
    let text_of = |f: &str| {
        corpus
            .articles
            .iter()
            .find(|a| Path::new(&a.file).ends_with(f))
            .map(|a| a.text.clone())
    };
    score(&x.articles, &x.events, &gold(gold_file), &text_of)
}

fn combined() -> Scores {
    let mut s = scores_for("seeds", "seeds.json");
    s.add(scores_for("dev", "dev.json"));
    s
}

/// The figures of the product's promise (extraction that holds on articles nobody tuned it to), each
/// `(name, measured, bar)`.
fn promise(s: &Scores) -> Vec<(&'static str, f64, f64)> {
    vec![
        ("event date right", ratio(s.event_date), 0.95),
        ("speaker of a matched quote right", ratio(s.speaker), 0.95),
        (
            "outlet right where the text names it",
            ratio(s.outlet_in_text),
            0.95,
        ),
        ("location right", ratio(s.location), 0.90),
        (
            "quotes found (F1)",
            f1(s.quote_precision, s.quote_recall),
            0.97,
        ),
        ("article's event on the timeline", ratio(s.on_timeline), 1.0),
        ("event label usable", ratio(s.label), 0.95),
        ("same event shown as one", ratio(s.merged), 0.90),
    ]
}

/// Asserts every figure of `s` reaches its bar (`bars` lowers some bars by name, for a set that does not reach
/// the promise yet) and that there are no more wrong outlets and false merges than `max_wrong`.
fn holds(s: &Scores, bars: &[(&str, f64)], max_wrong: (usize, usize)) {
    for (name, got, bar) in promise(s) {
        let bar = bars
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(bar, |(_, b)| *b);
        assert!(got >= bar, "{name}: {got:.3} < {bar}\n{}", s.report());
    }
    assert!(
        s.outlet_wrong.0 <= max_wrong.0,
        "wrong outlets\n{}",
        s.report()
    );
    assert!(
        s.false_merges.0 <= max_wrong.1,
        "false merges\n{}",
        s.report()
    );
}

#[test]
fn every_annotated_article_is_scored() {
    let s = combined();
    assert_eq!(s.articles, 17, "{}", s.report());
    for (folder, file) in [
        ("dev2", "dev2.json"),
        ("aside", "aside.json"),
        ("aside3", "aside3.json"),
        ("aside4", "aside4.json"),
        ("aside5", "aside5.json"),
        ("aside6", "aside6.json"),
        ("aside7", "aside7.json"),
        ("aside8", "aside8.json"),
        ("aside9", "aside9.json"),
        ("aside10", "aside10.json"),
        ("aside11", "aside11.json"),
        ("aside12", "aside12.json"),
        ("aside13", "aside13.json"),
        ("aside14", "aside14.json"),
        ("aside15", "aside15.json"),
        ("aside16", "aside16.json"),
        ("aside17", "aside17.json"),
        ("aside18", "aside18.json"),
    ] {
        let n = gold(file).len();
        let s = scores_for(folder, file);
        assert_eq!(s.articles, n, "{}", s.report());
        assert!(n >= 14, "{folder}: {n}");
    }
}

#[test]
fn the_bundled_seeds_and_development_set_meet_every_figure_of_the_promise() {
    holds(&combined(), &[], (0, 0));
}

/// The project's own development set: the promise's bars, lowered to what it measures where it does not reach
/// them yet (the README's "What the extractor finds" gives the figures).
#[test]
fn the_new_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("dev2", "dev2.json"),
        &[
            ("outlet right where the text names it", 0.94),
            ("location right", 0.93),
            ("quotes found (F1)", 0.96),
            ("same event shown as one", 0.83),
        ],
        (0, 0),
    );
}

/// The first set kept aside: likewise. Its misses were read once, in the session that added `aside3` (for the
/// merging passes and pronoun speakers), so it is now a second development set.
#[test]
fn the_aside_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside", "aside.json"),
        &[
            ("event date right", 0.90),
            // .937 since a quotation the excerpt cuts off is read (one more quote, its speaker missed).
            ("speaker of a matched quote right", 0.93),
            ("outlet right where the text names it", 0.80),
            ("location right", 0.92),
            ("event label usable", 0.95),
            ("same event shown as one", 0.84),
        ],
        (2, 0),
    );
}

/// The set kept aside until the session of 2026-12-04 (35 articles collected and annotated by a helper): its
/// misses were read then (datelines, countries narrowed to cities, plans' months, `since` years), so it is now a
/// third development set; `aside4` and `aside5` are the sets kept aside.
#[test]
fn the_third_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside3", "aside3.json"),
        &[
            ("event date right", 0.97),
            ("speaker of a matched quote right", 0.97),
            ("outlet right where the text names it", 0.82),
            ("location right", 0.82),
            ("event label usable", 0.85),
            ("same event shown as one", 0.66),
        ],
        (4, 2),
    );
}

/// The second set kept aside (30 articles collected and annotated by a helper who shared only its figures):
/// its misses were read in the session of 2026-12-04 (speakers after a country's or a portfolio's words, a
/// post that changed hands in the year), so it is now a fourth development set. (Its one wrong outlet: a
/// page of Russia Beyond whose copyright notice names its publisher, Rossiyskaya Gazeta.)
#[test]
fn the_fourth_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside4", "aside4.json"),
        &[
            ("event date right", 0.93),
            ("speaker of a matched quote right", 0.97),
            ("outlet right where the text names it", 0.78),
            ("location right", 0.96),
            ("quotes found (F1)", 0.95),
            ("event label usable", 0.93),
            // .857 until a year that only a weekday gives was marked a guess (2026-12-07): its Tokyo forum's
            // two reports, one with a weekday that fits no printed year, are shown apart since.
            ("same event shown as one", 0.80),
        ],
        // Its one false merge (since 2026-12-07, fourth session): the Singapore–Japan pact, dated right since
        // (18 September 2017, from the AMCC report whose year the office-holders' posts give), keeps its year
        // marked a guess and is joined by day and month to a dialogue of 18 September 2018.
        (1, 1),
    );
}

/// A sixth development set: 30 articles collected and annotated by a helper (2026-12-04) that never ran the
/// extractor on them. Its first figures were recorded before its misses were read (date .867, speaker .850,
/// outlet .875 with 2 wrong, location .767, quotes .992, label .867, same event .650 with 2 false merges); they
/// were read in the session of 2026-12-05 (speech headlines, section titles, bylines, mojibake).
#[test]
fn the_sixth_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside5", "aside5.json"),
        &[
            ("event date right", 0.96),
            ("speaker of a matched quote right", 0.98),
            ("outlet right where the text names it", 0.87),
            ("location right", 0.80),
            ("quotes found (F1)", 0.99),
            ("event label usable", 0.93),
            ("same event shown as one", 0.80),
        ],
        (2, 2),
    );
}

/// A fifth development set: 40 articles collected and annotated by a helper (2026-12-04); its first figures
/// were recorded before its misses were read (date .925, speaker .951, outlet .522 with 2 wrong, location .875,
/// label .925, same event .379 with 21 false merges).
#[test]
fn the_fifth_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside6", "aside6.json"),
        &[
            ("event date right", 0.95),
            ("speaker of a matched quote right", 0.96),
            ("outlet right where the text names it", 0.73),
            ("location right", 0.87),
            ("quotes found (F1)", 0.95),
            ("event label usable", 0.92),
            ("same event shown as one", 0.65),
        ],
        // 23 since an ordinal day (`7th December`) is read: a report that joins its event brings in one
        // already merged by mistake with it.
        (1, 23),
    );
}

/// A seventh development set: 30 articles collected and annotated by a helper (2026-12-04) that never ran the
/// extractor on them. Its first figures were recorded before its misses were read (date .733, speaker .821,
/// outlet .857, location .700, quotes .966, label .867, same event .500 with 2 false merges); they were read in
/// the session of 2026-12-06 (salutations and pull quotes as headlines, misspelt names of one word, programmes
/// and places of two words as speakers, dotted dates). Some of its articles report, from other outlets, events
/// the other development sets also report.
#[test]
fn the_seventh_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside7", "aside7.json"),
        &[
            ("event date right", 0.83),
            ("speaker of a matched quote right", 0.98),
            ("outlet right where the text names it", 0.90),
            ("location right", 0.73),
            ("quotes found (F1)", 0.99),
            ("event label usable", 0.95),
            ("same event shown as one", 0.56),
        ],
        (0, 2),
    );
}

/// An eighth development set: 30 articles collected and annotated by a helper (2026-12-06) that never ran the
/// extractor on them, reviewed by another helper against the stored pages; events only in 2015, 2017, 2019,
/// 2021 and 2023. Its first figures were recorded before any rule written after it was added (date .867,
/// speaker .892, outlet .667 with 1 wrong, location .800, quotes .949, label .900, same event .700 with no false
/// merge); it was kept unseen until the session of 2026-12-06 (second), which read its misses (a numeric date
/// printed month first after its weekday, a wire's acronym after the dateline's city, the day printed with the
/// event's place, calls to follow the site, the writer's own outlet, names that say they are an outlet).
#[test]
fn the_eighth_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside8", "aside8.json"),
        &[
            ("event date right", 0.93),
            ("speaker of a matched quote right", 0.98),
            ("outlet right where the text names it", 0.93),
            ("location right", 0.93),
            ("quotes found (F1)", 0.94),
            ("event label usable", 0.96),
            ("same event shown as one", 0.70),
        ],
        (1, 0),
    );
}

/// A ninth development set: 30 articles collected and annotated by a helper (2026-12-06) that never ran the
/// extractor on them, reviewed by another helper against the stored pages; events only in 2016, 2018, 2020 and
/// 2022. Its first figures were recorded before any rule written after it was added (date .800, speaker .850,
/// outlet .684 with 3 wrong, location .667, quotes .920, label .900, same event .550 with 2 false merges); it was
/// kept unseen until the session of 2026-12-07, which read its misses (a known name run into a headline's
/// capitalised words, police ranks with their dots, one-word posts, a year only a weekday gives, a plan's day,
/// a closing credit, a paper's dateline naming its network, `secara online` of trade, `ASEAN +3`).
#[test]
fn the_ninth_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside9", "aside9.json"),
        &[
            // A DEWG report whose lead tells the minister's arrival (`Selasa (19/7)`) and whose next sentence the
            // meeting he opened (`Rabu (20/7)`), right only through its twins while its year was a guess, keeps
            // the meeting since a journey's words in the date's clause weigh against it (2026-12-07, fourth
            // session).
            ("event date right", 0.86),
            ("speaker of a matched quote right", 0.99),
            ("outlet right where the text names it", 0.78),
            ("location right", 0.73),
            ("quotes found (F1)", 0.91),
            ("event label usable", 0.96),
            // Its three false merges: a minister's remarks on the summit's second day, whose report names the
            // president's party, joined to the president's plenary of the first.
            ("same event shown as one", 0.80),
        ],
        (2, 3),
    );
}

/// A tenth development set: 30 articles (18 Indonesian, 12 English, 28 outlets, events in every year 2015–2023, 8
/// same-event groups, 9 standing alone), collected and annotated by a helper (2026-12-06, second session) that
/// never ran the extractor on them, reviewed by another helper against the stored pages (27 texts found verbatim,
/// 3 not in the store; three corrections). Its first figures, with the code of the start of the session that
/// added it: date .800, speaker .812, outlet .667 with 1 wrong, location .867, quotes .857, label .900, same event
/// .389 with no false merge. Its misses were read in the session of 2026-12-07 (a caption far above the dateline,
/// `City, Outlet -`, a weekday its date does not fall on, quotations the excerpt cuts off, `since` days, `said the
/// Foreign Ministry`, the day of a page quoted from); the bars are the figures measured since.
#[test]
fn the_tenth_development_set_holds_its_measured_figures() {
    holds(
        &scores_for("aside10", "aside10.json"),
        &[
            ("event date right", 0.93),
            ("speaker of a matched quote right", 0.94),
            ("outlet right where the text names it", 0.80),
            ("location right", 0.86),
            ("quotes found (F1)", 0.94),
            ("event label usable", 0.93),
            ("same event shown as one", 0.88),
        ],
        (1, 0),
    );
}

/// The sets kept aside now: only their figures are read.
#[test]
fn the_unseen_sets_hold_their_measured_figures() {
    // `aside11`: 30 further articles (18 Indonesian, 12 English, 29 outlets, events in every year 2015–2023, 8
    // same-event groups, three across languages, 11 standing alone; 9 main dates the text alone does not give),
    // collected and annotated by a helper (2026-12-07) that never ran the extractor on them (its texts typed from
    // the stored excerpts, so a character may differ). First figures, with the code of the start of the session
    // that added it (before any rule of that session): date .867, speaker .839, outlet .474 with 2 wrong, location
    // .667, quotes .889, label .933, same event .714 with no false merge. The bars are the figures measured since
    // (that session's rules, written on `aside9`, raised its speakers to .857).
    holds(
        &scores_for("aside11", "aside11.json"),
        &[
            ("event date right", 0.86),
            // 52 of 62 since quotations the excerpts cut off are read (48 of 56 before).
            ("speaker of a matched quote right", 0.98),
            // .47 until the masthead, house-byline and credit-dateline forms (2026-12-07, fourth session).
            ("outlet right where the text names it", 0.68),
            ("location right", 0.66),
            ("quotes found (F1)", 0.88),
            ("event label usable", 0.93),
            ("same event shown as one", 0.71),
        ],
        (2, 0),
    );
    // `aside12`: 30 further articles (18 Indonesian, 12 English, 27 outlets, events in every year 2015–2023, 8
    // same-event groups, three across languages; 14 main dates the text alone does not give, 10 of them to be
    // shown uncertain; 4 groups report events other sets hold, from other pages), collected and annotated by a
    // helper (2026-12-07) that never ran the extractor on them. First figures, with the code of the start of the
    // session that added it: date .833, speaker .821, outlet .706 with 1 wrong, location .700, quotes .911, label
    // .933, same event .714 with no false merge; that session's rules (written on `aside10`) raised its outlets
    // to .765. Its labels rose to .967 (2026-12-07, third session) by a rule its article 1324 prompted, seen on
    // the 2018 slide (a section label glued to the headline, `Berita KampusIndonesia …`): no other article of
    // the corpus has that form, so that figure is no longer an unseen one.
    holds(
        &scores_for("aside12", "aside12.json"),
        &[
            ("event date right", 0.83),
            ("speaker of a matched quote right", 0.91),
            ("outlet right where the text names it", 0.82),
            ("location right", 0.69),
            ("quotes found (F1)", 0.91),
            ("event label usable", 0.93),
            ("same event shown as one", 0.71),
        ],
        (1, 0),
    );
    // `aside13`: 30 further articles (18 Indonesian, 12 English, 27 outlets, events in every year 2015–2023, 8
    // same-event groups, four across languages; 6 main dates the text alone does not give; ten articles report
    // events other sets hold, from other pages), collected and annotated by a helper (2026-12-07, second session)
    // that never ran the extractor on them. First figures, with the code of the start of that session: date
    // .867, speaker .870 (40/46), outlet .800 with 1 wrong, location .867, quotes .860, label .967, same event
    // .500 with no false merge; that session's rules (cut-off quotations) raised its quotes to .891 (42 of 49
    // speakers right).
    holds(
        &scores_for("aside13", "aside13.json"),
        &[
            ("event date right", 0.86),
            ("speaker of a matched quote right", 0.97),
            ("outlet right where the text names it", 0.79),
            ("location right", 0.86),
            ("quotes found (F1)", 0.89),
            ("event label usable", 0.96),
            ("same event shown as one", 0.49),
        ],
        (1, 0),
    );
    // `aside14`: 30 further articles (16 Indonesian, 14 English, 29 outlets, events in every year 2015–2023, 6
    // same-event groups, none across languages; 11 main dates the text alone does not give), collected and
    // annotated by a helper (2026-12-07, third session) that never ran the extractor on them. First figures, with
    // the code of the start of that session (its speed-ups change no result): date .767, speaker .936, outlet .562
    // with 1 wrong, location .667, quotes .969, label .900, same event .417 with 1 false merge.
    holds(
        &scores_for("aside14", "aside14.json"),
        &[
            ("event date right", 0.80),
            ("speaker of a matched quote right", 0.95),
            ("outlet right where the text names it", 0.75),
            ("location right", 0.66),
            ("quotes found (F1)", 0.96),
            ("event label usable", 0.90),
            ("same event shown as one", 0.58),
        ],
        // Two false merges since the fourth session of 2026-12-07: the ADGMIN1 pair (dated right since, by
        // `the first … Meeting (ADGMIN1)` and the office-holders' posts) joined by a minister's television
        // preview of it, which gold dates to the interview (19 January), the extractor to the meeting it tells.
        (1, 2),
    );
    // `aside15`: 24 further articles (10 Indonesian, 14 English, 21 outlets, main events in 2015, 2016, 2018, 2019,
    // 2021–2023, 8 same-event groups, one across languages; 12 main dates the text alone does not give), collected
    // and annotated by a helper (2026-12-07, third session) that never ran the extractor on them. First figures,
    // with the code of the start of the fourth session of 2026-12-07: date .958, speaker .804, outlet .643 with no
    // wrong outlet, location .750, quotes .958, label .917, same event .462 with no false merge.
    holds(
        &scores_for("aside15", "aside15.json"),
        &[
            ("event date right", 0.95),
            ("speaker of a matched quote right", 0.80),
            ("outlet right where the text names it", 0.64),
            ("location right", 0.75),
            ("quotes found (F1)", 0.95),
            ("event label usable", 0.91),
            // .462 first; .538 with the office-holders' posts dating two reports of one MOU.
            ("same event shown as one", 0.53),
        ],
        (0, 0),
    );
    // `aside16`: 30 further articles (18 Indonesian, 12 English, 29 outlets, main events in every year but 2020,
    // 8 same-event groups, two across languages; 7 main dates the text alone does not give), collected and
    // annotated by a helper (2026-12-07, fourth session) that never ran the extractor on them; added after that
    // session's rules, unseen. First figures, the same with the code of the start of that session and with its
    // rules: date .833, speaker 1.00, outlet .824 with 1 wrong, location .800, quotes .977, label .933, same
    // event .850 with 8 false merges — all eight pairs are one decision: the police chiefs of a conference
    // received by the host's prime minister during it (2 reports) joined to the conference (4 reports). Its misses
    // were read in the session of 2026-12-07 (fifth), so it is a development set since: delegations received by a
    // host are kept apart from the meeting they came for (0 false merges), and online meetings count as placed
    // right when no place is given (location .833).
    holds(
        &scores_for("aside16", "aside16.json"),
        &[
            ("event date right", 0.83),
            ("speaker of a matched quote right", 0.95),
            ("outlet right where the text names it", 0.88),
            ("location right", 0.83),
            ("quotes found (F1)", 0.97),
            ("event label usable", 0.93),
            ("same event shown as one", 0.85),
        ],
        (0, 0),
    );
    // `aside17`: 30 further articles (18 Indonesian, 12 English, 28 outlets, main events in every year 2015–2023,
    // 8 same-event groups, three across languages; 8 main dates the text alone does not give), collected and
    // annotated by a helper (2026-12-07, fifth session) that never ran the extractor on them; added unseen, after
    // that session's rules. First figures: date .867, speaker .845, outlet .812 with 3 wrong, location .900,
    // quotes .951, label .933, same event .800 with 8 false merges.
    holds(
        &scores_for("aside17", "aside17.json"),
        &[
            ("event date right", 0.86),
            // .845 first; .862 with the rule of 2026-12-08 that a pronoun stands for the latest sentence's subject.
            ("speaker of a matched quote right", 0.86),
            ("outlet right where the text names it", 0.81),
            ("location right", 0.90),
            ("quotes found (F1)", 0.95),
            ("event label usable", 0.93),
            ("same event shown as one", 0.80),
        ],
        (3, 8),
    );
    // `aside18`: 30 further articles (18 Indonesian, 12 English, 28 outlets, main events in every year 2015–2023,
    // 8 same-event groups, three across languages; 12 main dates the text alone does not give), collected and
    // annotated by a helper (2026-12-08) that never ran the extractor on them; added unseen, after that session's
    // speaker and outlet rules. First figures: date .733, speaker 1.00 (39/39), outlet .611 with none wrong,
    // location .800, quotes .975, label .933, same event .500 with no false merge.
    holds(
        &scores_for("aside18", "aside18.json"),
        &[
            ("event date right", 0.73),
            ("speaker of a matched quote right", 0.97),
            ("outlet right where the text names it", 0.61),
            ("location right", 0.80),
            ("quotes found (F1)", 0.97),
            ("event label usable", 0.93),
            ("same event shown as one", 0.50),
        ],
        (0, 0),
    );
}

#[test]
fn date_mentions_are_found_and_normalised() {
    let mut s = scores_for("dev2", "dev2.json");
    s.add(scores_for("aside", "aside.json"));
    s.add(scores_for("aside3", "aside3.json"));
    s.add(scores_for("aside4", "aside4.json"));
    s.add(scores_for("aside5", "aside5.json"));
    s.add(scores_for("aside6", "aside6.json"));
    s.add(scores_for("aside7", "aside7.json"));
    s.add(scores_for("aside8", "aside8.json"));
    s.add(scores_for("aside9", "aside9.json"));
    s.add(scores_for("aside10", "aside10.json"));
    s.add(scores_for("aside11", "aside11.json"));
    s.add(scores_for("aside12", "aside12.json"));
    s.add(scores_for("aside13", "aside13.json"));
    s.add(scores_for("aside14", "aside14.json"));
    s.add(scores_for("aside15", "aside15.json"));
    s.add(scores_for("aside16", "aside16.json"));
    s.add(scores_for("aside17", "aside17.json"));
    s.add(scores_for("aside18", "aside18.json"));
    assert!(s.date_recall.1 >= 100, "{}", s.report());
    assert!(
        f1(s.date_precision, s.date_recall) >= 0.85,
        "{}",
        s.report()
    );
    assert!(ratio(s.date_value) >= 0.75, "{}", s.report());
}

#[test]
fn the_seed_whose_year_nobody_can_know_is_uncertain() {
    let gold = gold("seeds.json");
    let (x, _) = extract_paths(&[root().join("sample_data/seeds")], &LoadOptions::default());
    for g in gold
        .iter()
        .filter(|g| g.date_derivable_from_text == Some(false))
    {
        let f = x
            .articles
            .iter()
            .find(|a| a.file.ends_with(&g.file))
            .expect("article extracted");
        assert_eq!(f.date_certainty, Some(Certainty::Uncertain), "{}", g.file);
    }
    // And the derivable ones are not flagged.
    for g in gold
        .iter()
        .filter(|g| g.date_derivable_from_text != Some(false) && !g.uncertain_ok)
    {
        let f = x
            .articles
            .iter()
            .find(|a| a.file.ends_with(&g.file))
            .expect("article extracted");
        assert_ne!(f.date_certainty, Some(Certainty::Uncertain), "{}", g.file);
    }
}

#[test]
fn chrome_never_dates_an_article() {
    // Seed 003's page carries another story's headline "… sejak 2019" and a 2026-style footer; neither may
    // become its date, nor appear among its date mentions.
    let (x, _) = extract_paths(&[root().join("sample_data")], &LoadOptions::default());
    // No article's event is dated by a date of the page's furniture. (A real article of another period may be
    // dated in it: the bundled sets hold one report of 2006.)
    let mut chrome_dated = 0;
    for a in &x.articles {
        let Some(m) = a.date_mention else { continue };
        let from_chrome = a
            .dates
            .iter()
            .any(|d| d.chrome && d.start == m.start && d.end == m.end);
        assert!(!from_chrome, "{}: {:?}", a.file, a.event_date);
        chrome_dated += usize::from(a.dates.iter().any(|d| d.chrome));
    }
    assert!(chrome_dated > 0, "some pages carry dated furniture");
    let seed3 = x
        .articles
        .iter()
        .find(|a| a.file.contains("seeds/003_"))
        .expect("seed 003");
    // It is listed among the page's dates, as furniture.
    assert!(
        seed3
            .dates
            .iter()
            .filter(|d| d.value.as_deref() == Some("2019"))
            .all(|d| d.chrome),
        "{:?}",
        seed3.dates
    );
    assert!(seed3.dates.iter().any(|d| d.chrome));
}

#[test]
fn reports_of_one_summit_merge_into_one_event() {
    let (x, _) = extract_paths(&[root().join("sample_data")], &LoadOptions::default());
    let summit = x
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.file.contains("seeds/003_")))
        .expect("seed 003 has an event");
    let files: Vec<&str> = summit.sources.iter().map(|s| s.file.as_str()).collect();
    assert!(files.iter().any(|f| f.contains("seeds/004_")), "{files:?}");
    assert!(files.iter().any(|f| f.contains("dev/106_")), "{files:?}");
    assert_eq!(summit.forum.as_deref(), Some("32nd ASEAN Summit"));
    // Within the summit's days (25–28 April 2018: some reports give its whole span).
    let (start, end) = (summit.date.start.to_string(), summit.date.end.to_string());
    assert!(
        start.as_str() >= "2018-04-25" && end.as_str() <= "2018-04-28",
        "{start} – {end}"
    );
    // Seed 004's own main event (the Jakarta briefing a week earlier, which other outlets report too) stays
    // separate.
    let briefing = x.events.iter().find(|e| {
        !e.mentioned_only
            && e.sources.iter().any(|s| s.file.contains("seeds/004_"))
            && !e.sources.iter().any(|s| s.file.contains("seeds/003_"))
    });
    assert!(briefing.is_some_and(|b| b.date.start.to_string() == "2018-04-20"));
}

#[test]
fn every_fact_points_at_its_words() {
    let (x, corpus) = extract_paths(&[root().join("sample_data")], &LoadOptions::default());
    for a in &x.articles {
        let text = &corpus
            .articles
            .iter()
            .find(|c| c.id == a.id)
            .expect("article")
            .text;
        for q in &a.quotes {
            assert_eq!(
                text.get(q.start..q.end),
                Some(q.text.as_str()),
                "{}",
                a.file
            );
        }
        for d in &a.dates {
            assert_eq!(
                text.get(d.start..d.end),
                Some(d.text.as_str()),
                "{}",
                a.file
            );
        }
        if let Some(ev) = a.date_evidence {
            assert!(ev.end <= text.len() && ev.start < ev.end, "{}", a.file);
        }
    }
}
