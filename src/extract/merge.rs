//! Articles about the same event become one [`Event`] with several sources: same forum (a generic name matches
//! a numbered one) and dates that overlap, or the same title on overlapping dates.

use crate::model::{ArticleFacts, Certainty, DateSpan, Event, EventQuote, RelatedEvent, Source};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Days of slack allowed between two reports' dates of one event.
const SLACK_DAYS: i64 = 2;

fn has_ordinal(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn norm_title(s: &str) -> String {
    if s.is_ascii() {
        // The same as below for ASCII text (nearly every title), byte by byte into one allocation of the
        // title's length (collecting characters into a `String` grew it a few bytes at a time).
        let mut key = String::with_capacity(s.len());
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            key.push(char::from(b.to_ascii_lowercase()));
        }
        return key;
    }
    let mut key = String::with_capacity(s.len());
    for c in s.to_lowercase().chars().filter(|c| c.is_alphanumeric()) {
        key.push(c);
    }
    key
}

fn better_date(a: &DateSpan, b: &DateSpan) -> DateSpan {
    // Stated beats inferred beats uncertain; then the finer precision; then the wider day range (a summit's days).
    let rank = |d: &DateSpan| {
        let c = match d.certainty {
            Certainty::Stated => 0,
            Certainty::Inferred => 1,
            Certainty::Uncertain => 2,
        };
        (d.precision, c, -d.span_days())
    };
    if rank(b) < rank(a) { *b } else { *a }
}

fn source_of(f: &ArticleFacts) -> Source {
    Source {
        article_id: f.id.clone(),
        file: f.file.clone(),
        url: f.url.clone(),
        outlet: f.outlet.clone(),
        title: f.title.clone(),
        published_date: f.published_date.clone(),
        evidence: f.date_evidence,
    }
}

/// A quick hash of a string (for sets that are confirmed on the strings themselves).
fn str_hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

fn event_id(article_id: &str, role: &str) -> String {
    crate::model::content_id(&format!("{article_id}/{role}"), None)
}

/// The id of an article's main report (the part an event carries when that article's main event is in it).
pub fn main_report_id(article_id: &str) -> String {
    event_id(article_id, "main")
}

/// The events of one article: its main event and the dated events it mentions.
pub fn article_events(f: &ArticleFacts) -> Vec<Event> {
    report_roles(f)
        .map(|role| report_event(f, role, report_id(f, role)))
        .collect()
}

/// Which of an article's reports: its main event (on its date), or the `i`-th event it mentions.
#[derive(Debug, Clone, Copy)]
enum Role<'a> {
    Main(DateSpan),
    Related(usize, &'a RelatedEvent),
}

/// The roles of an article's reports, in [`article_events`] order.
fn report_roles(f: &ArticleFacts) -> impl Iterator<Item = Role<'_>> {
    f.event_span.map(Role::Main).into_iter().chain(
        f.related_events
            .iter()
            .enumerate()
            .map(|(i, r)| Role::Related(i, r)),
    )
}

/// The id of an article's report.
fn report_id(f: &ArticleFacts, role: Role<'_>) -> String {
    match role {
        Role::Main(_) => main_report_id(&f.id),
        Role::Related(i, _) => event_id(&f.id, &format!("related{i}")),
    }
}

/// The label of an article's main event: its headline; else a made one, the forum and place where the article
/// names a forum, else what happened (from the lead); else the forum kind, place and outlet. Never a quote, a
/// dateline or the file name.
pub fn label_of(f: &ArticleFacts) -> String {
    if let Some(t) = &f.title {
        return t.clone();
    }
    if let Some(fo) = &f.forum {
        return match &f.location {
            Some(l) => format!("{fo}, {l}"),
            None => fo.clone(),
        };
    }
    if let Some(l) = &f.made_label {
        return l.clone();
    }
    let mut parts: Vec<String> = vec![format!("{} event", f.forum_kind)];
    if let Some(l) = &f.location {
        parts.push(format!("in {l}"));
    }
    if let Some(o) = &f.outlet {
        parts.push(format!("({o})"));
    }
    parts.join(" ")
}

/// One report of an article (see [`article_events`]), with its id.
fn report_event(f: &ArticleFacts, role: Role<'_>, id: String) -> Event {
    match role {
        Role::Main(date) => {
            let title = label_of(f);
            Event {
                id: id.clone(),
                date,
                title,
                forum: f.forum.clone(),
                forum_kind: f.forum_kind.clone(),
                location: f.location.clone(),
                countries: f.countries.clone(),
                people: f.people.clone(),
                quotes: f
                    .quotes
                    .iter()
                    .map(|q| EventQuote {
                        quote: q.clone(),
                        source: 0,
                    })
                    .collect(),
                sources: vec![source_of(f)],
                mentioned_only: false,
                parts: vec![id],
                curated: Vec::new(),
                note: None,
                origin: None,
            }
        }
        Role::Related(_, r) => {
            let mut source = source_of(f);
            source.evidence = Some(r.evidence);
            Event {
                id: id.clone(),
                date: r.date,
                title: match &r.location {
                    Some(l) if r.forum.is_some() => format!("{}, {l}", r.what),
                    _ => r.what.clone(),
                },
                forum: r.forum.clone(),
                forum_kind: if r.forum.as_deref().is_some_and(|x| x.contains("ASEAN")) {
                    "ASEAN".into()
                } else {
                    f.forum_kind.clone()
                },
                location: r.location.clone(),
                countries: Vec::new(),
                people: Vec::new(),
                quotes: Vec::new(),
                sources: vec![source],
                mentioned_only: true,
                parts: vec![id],
                curated: Vec::new(),
                note: None,
                origin: None,
            }
        }
    }
}

/// What merging compares, computed once per event rather than at every comparison.
struct MergeKey {
    forum: Option<String>,
    title: String,
}

impl MergeKey {
    fn of(e: &Event) -> MergeKey {
        MergeKey {
            forum: e.forum.as_ref().map(|f| f.to_lowercase()),
            title: norm_title(&e.title),
        }
    }
}

fn same_event_keyed(a: &Event, ka: &MergeKey, b: &Event, kb: &MergeKey) -> bool {
    // A year or month mention overlaps every day in it: only reports at the same precision merge.
    if a.date.precision != b.date.precision || !a.date.overlaps(&b.date, SLACK_DAYS) {
        return false;
    }
    let forums = match (&ka.forum, &kb.forum) {
        (Some(a), Some(b)) => {
            a == b
                || (a.ends_with(b.as_str()) || b.ends_with(a.as_str()))
                    && !(has_ordinal(a) && has_ordinal(b))
        }
        _ => false,
    };
    forums || ka.title == kb.title
}

/// Whether absorbing `other` into `into` takes `other`'s title (and place): a main event's over a mention's.
fn takes_other_title(into: &Event, other: &Event) -> bool {
    into.mentioned_only && !other.mentioned_only
}

/// Adds `other`'s sources, quotes, people, countries and parts to `into`, keeping the better date and title.
pub fn absorb(into: &mut Event, other: Event) {
    absorb_with(into, other, None);
}

/// [`absorb`], given the hashes of `into`'s parts (kept up to date here): a part whose hash is new is added
/// without comparing it with every part (events of a large corpus gather hundreds).
fn absorb_with(
    into: &mut Event,
    other: Event,
    part_hashes: Option<&mut rustc_hash::FxHashSet<u64>>,
) {
    let offset = into.sources.len();
    let prefer_other_title = takes_other_title(into, &other);
    into.date = better_date(&into.date, &other.date);
    if prefer_other_title {
        into.title = other.title.clone();
    }
    if let (Some(a), Some(b)) = (&into.forum, &other.forum) {
        if b.len() > a.len() {
            into.forum = Some(b.clone());
        }
    } else if into.forum.is_none() {
        into.forum = other.forum.clone();
    }
    if into.location.is_none() || prefer_other_title && other.location.is_some() {
        into.location = other.location.clone();
    }
    for c in other.countries {
        if !into.countries.contains(&c) {
            into.countries.push(c);
        }
    }
    // The tokens of `into`'s people, split once per absorb and only when a name is not simply printed the same.
    let mut into_tokens: Option<Vec<Vec<String>>> = None;
    for p in other.people {
        // The same name printed the same way (the common case) is the same person whenever it has any
        // name token at all, as `same_person` would find; other pairs are compared token by token.
        // (A name has tokens when it has a character other than white space and dots.)
        if into.people.contains(&p) && p.chars().any(|c| !c.is_whitespace() && c != '.') {
            continue;
        }
        let tp = super::people::name_tokens(&p);
        let tokens = into_tokens.get_or_insert_with(|| {
            into.people
                .iter()
                .map(|q| super::people::name_tokens(q))
                .collect()
        });
        if !tokens
            .iter()
            .any(|tq| super::people::same_person_tokens(tq, &tp))
        {
            into.people.push(p);
            tokens.push(tp);
        }
    }
    into.quotes
        .extend(other.quotes.into_iter().map(|q| EventQuote {
            quote: q.quote,
            source: q.source + offset,
        }));
    for s in other.sources {
        into.sources.push(s);
    }
    match part_hashes {
        Some(hashes) => {
            for p in other.parts {
                if hashes.insert(str_hash(&p)) || !into.parts.contains(&p) {
                    into.parts.push(p);
                }
            }
        }
        None => {
            for p in other.parts {
                if !into.parts.contains(&p) {
                    into.parts.push(p);
                }
            }
        }
    }
    into.mentioned_only &= other.mentioned_only;
    if into.forum_kind == "National"
        || into.forum_kind == "Bilateral" && other.forum_kind == "ASEAN"
    {
        into.forum_kind = other.forum_kind;
    }
}

/// Every article-level report (main events and mentions), in the order merging takes them: main events first,
/// then by date and id.
pub fn reports(facts: &[ArticleFacts]) -> Vec<Event> {
    // Main events first so that they absorb the mentions, then by date ([`report_order`]). The order is found by
    // sorting small keys computed from the facts, stably (ties stay in article order, main event first, as a
    // stable sort of every article's `article_events` leaves them); then each report is built in its place, in
    // parallel. Building them all first and then moving them into order moved megabytes on one thread.
    // What `report_key` gives for each report (mention or not, start day, id), and where it comes from.
    let mut keys: Vec<(bool, chrono::NaiveDate, String, &ArticleFacts, Role<'_>)> = facts
        .par_iter()
        .flat_map_iter(|f| {
            report_roles(f).map(move |role| match role {
                Role::Main(d) => (false, d.start, report_id(f, role), f, role),
                Role::Related(_, r) => (true, r.date.start, report_id(f, role), f, role),
            })
        })
        .collect();
    keys.par_sort_by(|x, y| (x.0, x.1, x.2.as_str()).cmp(&(y.0, y.1, y.2.as_str())));
    keys.into_par_iter()
        .map(|(_, _, id, f, role)| report_event(f, role, id))
        .collect()
}

/// The order in which reports are merged.
pub fn report_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    report_key(a).cmp(&report_key(b))
}

/// What [`report_order`] compares: main events before mentions, then start day, then id.
type ReportKey<'a> = (bool, chrono::NaiveDate, &'a str);

fn report_key(e: &Event) -> ReportKey<'_> {
    (e.mentioned_only, e.date.start, e.id.as_str())
}

/// Merges reports (in [`reports`] order) into events: reports of one event become one event with several
/// sources. Sorted by date.
///
/// Reports fall into groups that can never merge with one another (see [`independent_groups`]); the groups are
/// merged in parallel, each in the reports' order, which gives the same events as merging them all in one pass.
pub fn merge_reports(reports: Vec<Event>) -> Vec<Event> {
    let groups = independent_groups(reports);
    let mut out: Vec<Event> = groups
        .into_par_iter()
        .map(merge_in_order)
        .flatten_iter()
        .collect();
    sort_events(&mut out);
    out
}

/// Splits reports (keeping their order) into groups such that no report of one group can merge with any
/// event built from another: two reports are in one group when their forums are equal or one ends with the
/// other, or when their normalised titles are equal ([`same_event_keyed`] needs one of these). Absorbing a report
/// only takes its forum or title, which belong to the same group, so events never leave their group.
fn independent_groups(reports: Vec<Event>) -> Vec<Vec<(Event, MergeKey)>> {
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while let Some(&p) = parent.get(i) {
            if p == i {
                break;
            }
            let grand = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }
    fn join(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb
            && let Some(slot) = parent.get_mut(ra.max(rb))
        {
            *slot = ra.min(rb);
        }
    }
    // Each report's key is computed once, here, and joins it in its group's merge. In parallel: on one thread this
    // was half of the merge's instructions. Kept beside the reports until then (pairing them up front copied every
    // report once more).
    let keys: Vec<MergeKey> = reports.par_iter().map(MergeKey::of).collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    {
        let mut by_title: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_forum: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, k) in keys.iter().enumerate() {
            let first = *by_title.entry(k.title.as_str()).or_insert(i);
            join(&mut parent, first, i);
            if let Some(f) = &k.forum {
                let first = *by_forum.entry(f.as_str()).or_insert(i);
                join(&mut parent, first, i);
            }
        }
        // Forums where one ends with the other (a generic name and a numbered one) can merge too.
        let forums: Vec<(&str, usize)> = by_forum.into_iter().collect();
        for (a, &(fa, ia)) in forums.iter().enumerate() {
            for &(fb, ib) in forums.iter().skip(a + 1) {
                if fa.ends_with(fb) || fb.ends_with(fa) {
                    join(&mut parent, ia, ib);
                }
            }
        }
    }
    // Each report's group (numbered in order of first appearance), then the groups filled at their final
    // sizes (reports are large: growing the groups copied them over and over).
    let mut slot_of_root: FxHashMap<usize, usize> = FxHashMap::default();
    let mut sizes: Vec<usize> = Vec::new();
    let slots: Vec<usize> = (0..keys.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let slot = *slot_of_root.entry(r).or_insert_with(|| {
                sizes.push(0);
                sizes.len() - 1
            });
            if let Some(n) = sizes.get_mut(slot) {
                *n += 1;
            }
            slot
        })
        .collect();
    let mut groups: Vec<Vec<(Event, MergeKey)>> =
        sizes.iter().map(|&n| Vec::with_capacity(n)).collect();
    for ((report, key), slot) in reports.into_iter().zip(keys).zip(slots) {
        if let Some(g) = groups.get_mut(slot) {
            g.push((report, key));
        }
    }
    groups
}

/// Merges reports (with their keys) in their order (see [`merge_reports`]); events in order of creation.
fn merge_in_order(reports: Vec<(Event, MergeKey)>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    // Events so far by precision (only equal precisions merge) and start day, to look only at those whose dates
    // can overlap: O(n log n), not O(n²).
    let mut index: [(
        std::collections::BTreeMap<chrono::NaiveDate, Vec<usize>>,
        i64,
    ); 3] = Default::default();
    let slot = |p: crate::model::Precision| match p {
        crate::model::Precision::Day => 0,
        crate::model::Precision::Month => 1,
        crate::model::Precision::Year => 2,
    };
    let mut keys: Vec<MergeKey> = Vec::new();
    // Hashes of each event's source articles: whether a report shares an article with an event is then a look-up
    // per report source (confirmed on the ids themselves) instead of a scan of the event's sources, which grow to
    // hundreds on a large corpus.
    let id_hash = |s: &Source| str_hash(&s.article_id);
    let mut source_ids: Vec<rustc_hash::FxHashSet<u64>> = Vec::new();
    // Likewise the hashes of each event's parts (see `absorb_with`).
    let mut part_hashes: Vec<rustc_hash::FxHashSet<u64>> = Vec::new();
    for (e, ke) in reports {
        let Some((by_start, longest_days)) = index.get_mut(slot(e.date.precision)) else {
            continue;
        };
        let from = e.date.start - chrono::Duration::days(*longest_days + SLACK_DAYS);
        let to = e.date.end + chrono::Duration::days(SLACK_DAYS);
        // The first event (in order of creation) that is the same event, as a linear scan would find it.
        let target = by_start
            .range(from..=to)
            .flat_map(|(_, ids)| ids.iter().copied())
            .filter(|&i| {
                out.get(i).zip(keys.get(i)).is_some_and(|(o, ko)| {
                    same_event_keyed(o, ko, &e, &ke)
                        && !e.sources.iter().any(|t| {
                            source_ids
                                .get(i)
                                .is_some_and(|ids| ids.contains(&id_hash(t)))
                                && o.sources.iter().any(|s| s.article_id == t.article_id)
                        })
                })
            })
            .min();
        match target.and_then(|i| out.get_mut(i).map(|o| (i, o))) {
            Some((i, o)) => {
                let old_start = o.date.start;
                // The key changes only when absorbing takes the other's title or a longer (or first) forum.
                let retitled = takes_other_title(o, &e);
                let old_forum_len = o.forum.as_ref().map(String::len);
                if let Some(ids) = source_ids.get_mut(i) {
                    ids.extend(e.sources.iter().map(id_hash));
                }
                absorb_with(o, e, part_hashes.get_mut(i));
                if (retitled || o.forum.as_ref().map(String::len) != old_forum_len)
                    && let Some(k) = keys.get_mut(i)
                {
                    *k = MergeKey::of(o);
                }
                // The merged date may have moved: re-file the event under its new start.
                if o.date.start != old_start {
                    let new_start = o.date.start;
                    if let Some(ids) = by_start.get_mut(&old_start) {
                        ids.retain(|&k| k != i);
                    }
                    by_start.entry(new_start).or_default().push(i);
                }
                *longest_days = (*longest_days).max((o.date.end - o.date.start).num_days());
            }
            None => {
                *longest_days = (*longest_days).max((e.date.end - e.date.start).num_days());
                by_start.entry(e.date.start).or_default().push(out.len());
                source_ids.push(e.sources.iter().map(id_hash).collect());
                part_hashes.push(e.parts.iter().map(|p| str_hash(p)).collect());
                out.push(e);
                keys.push(ke);
            }
        }
    }
    out
}

/// Sorts events by start date, then id (the timeline's order).
pub fn sort_events(events: &mut [Event]) {
    events.sort_by(event_order);
}

/// The events' order on the timeline: by start day, then id.
pub fn event_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    a.date.start.cmp(&b.date.start).then(a.id.cmp(&b.id))
}

/// Builds the timeline's events from every article's facts, merging reports of one event. Sorted by date.
pub fn build_events(facts: &[ArticleFacts]) -> Vec<Event> {
    merge_reports(reports(facts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleMeta};

    #[test]
    fn absorbing_with_part_hashes_gives_what_absorbing_gives() {
        let f = facts(400);
        let all: Vec<Event> = f.iter().flat_map(article_events).collect();
        let mut plain: Vec<Event> = Vec::new();
        let mut hashed: Vec<(Event, rustc_hash::FxHashSet<u64>)> = Vec::new();
        // Every report absorbed into one of a few events, some twice (copies share their parts).
        for (k, e) in all.iter().chain(all.iter().take(50)).enumerate() {
            let slot = k % 7;
            if let Some(into) = plain.get_mut(slot) {
                absorb(into, e.clone());
            } else {
                plain.push(e.clone());
            }
            if let Some((into, hashes)) = hashed.get_mut(slot) {
                absorb_with(into, e.clone(), Some(hashes));
            } else {
                hashed.push((e.clone(), e.parts.iter().map(|p| str_hash(p)).collect()));
            }
        }
        let hashed: Vec<Event> = hashed.into_iter().map(|(e, _)| e).collect();
        assert_eq!(plain, hashed);
        assert!(
            plain.iter().all(|e| e.parts.len() > 50),
            "events gathered many parts"
        );
    }

    /// Facts of `n` generated articles (dense: many reports of each forum on nearby days).
    fn facts(n: usize) -> Vec<ArticleFacts> {
        (0..n)
            .map(|i| {
                let (name, text) = crate::synth::article(11, i);
                crate::extract::extract_article(&Article {
                    id: crate::model::content_id(&text, None),
                    file: name.clone(),
                    path: name.into(),
                    text,
                    meta: ArticleMeta::default(),
                })
            })
            .collect()
    }

    #[test]
    fn reports_are_sorted_as_a_stable_sort_by_report_order_sorts_them() {
        let f = facts(1500);
        let mut want: Vec<Event> = f.iter().flat_map(article_events).collect();
        want.sort_by(report_order);
        // Ties (same kind, day and id) exist only between copies; add some to check that they keep their order.
        let mut doubled = f.clone();
        doubled.extend(f.iter().take(50).cloned());
        let mut want_doubled: Vec<Event> = doubled.iter().flat_map(article_events).collect();
        want_doubled.sort_by(report_order);
        assert_eq!(reports(&f), want);
        assert_eq!(reports(&doubled), want_doubled);
        assert!(want.len() > 1500);
    }

    #[test]
    fn merging_by_independent_groups_equals_one_pass() {
        let reps = reports(&facts(3000));
        let keyed = reps.iter().map(|e| (e.clone(), MergeKey::of(e))).collect();
        let mut one_pass = merge_in_order(keyed);
        sort_events(&mut one_pass);
        let grouped = merge_reports(reps.clone());
        assert_eq!(grouped, one_pass);
        // Reports merged, and split into several groups (else nothing runs in parallel).
        assert!(
            grouped.len() < reps.len() / 2,
            "{} of {}",
            grouped.len(),
            reps.len()
        );
        assert!(independent_groups(reps).len() >= 2);
    }

    #[test]
    fn groups_join_suffix_forums_and_equal_titles() {
        let mut reps = reports(&facts(40));
        for (i, e) in reps.iter_mut().enumerate() {
            e.title = format!("judul {i}");
            e.forum = None;
        }
        let set = |e: &mut Event, forum: Option<&str>, title: &str| {
            e.forum = forum.map(str::to_string);
            e.title = title.to_string();
        };
        set(&mut reps[0], Some("ASEAN Summit"), "a");
        set(&mut reps[1], Some("34th ASEAN Summit"), "b");
        set(&mut reps[2], Some("UN Security Council"), "c");
        set(&mut reps[3], None, "C!"); // the same normalised title as reps[2]
        let ids =
            |g: &Vec<(Event, MergeKey)>| g.iter().map(|(e, _)| e.id.clone()).collect::<Vec<_>>();
        let groups: Vec<Vec<String>> = independent_groups(reps.clone()).iter().map(ids).collect();
        let group_of = |k: usize| groups.iter().position(|g| g.contains(&reps[k].id));
        assert_eq!(group_of(0), group_of(1));
        assert_eq!(group_of(2), group_of(3));
        assert_ne!(group_of(0), group_of(2));
        assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), reps.len());
    }
}
