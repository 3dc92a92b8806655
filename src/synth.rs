//! Synthetic events for benchmarks and scale tests: deterministic for a seed, spread over 2015–2023, with the
//! forum kinds, countries and outlets of real data.

use crate::model::{Certainty, DateSpan, Event, Precision, Source};
use chrono::{Duration, NaiveDate};

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

const KINDS: &[&str] = &[
    "ASEAN",
    "UN",
    "Bilateral",
    "Global",
    "National",
    "Multilateral",
];
const COUNTRIES: &[&str] = &[
    "Indonesia",
    "Singapore",
    "Malaysia",
    "Japan",
    "Australia",
    "Vietnam",
    "Thailand",
    "Philippines",
];
const OUTLETS: &[&str] = &[
    "ANTARA",
    "Kompas.com",
    "detikNews",
    "Media Indonesia",
    "Republika",
    "The Jakarta Post",
    "Tempo",
];
const TOPICS: &[&str] = &[
    "cyber norms",
    "data protection",
    "CERT cooperation",
    "capacity building",
    "online scams",
    "critical infrastructure",
];

/// `n` events sorted by date, deterministic for `seed`.
pub fn events(n: usize, seed: u64) -> Vec<Event> {
    let mut rng = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let days = 9 * 365;
    let mut out: Vec<Event> = (0..n)
        .map(|i| {
            let d = start + Duration::days(rng.below(days) as i64);
            let span = if rng.below(10) == 0 {
                rng.below(3) as i64 + 1
            } else {
                0
            };
            let certainty = if rng.below(20) == 0 {
                Certainty::Uncertain
            } else {
                Certainty::Stated
            };
            let kind = rng.pick(KINDS).copied().unwrap_or("ASEAN");
            let topic = rng.pick(TOPICS).copied().unwrap_or("cyber");
            let n_sources = 1 + rng.below(3);
            Event {
                id: format!("synthetic-{seed}-{i}"),
                date: DateSpan {
                    start: d,
                    end: d + Duration::days(span),
                    precision: Precision::Day,
                    certainty,
                },
                title: format!("{kind} meeting on {topic} #{i}"),
                forum: Some(format!("{kind} forum")),
                forum_kind: kind.to_string(),
                location: Some("Jakarta".into()),
                countries: vec![
                    "Indonesia".into(),
                    rng.pick(COUNTRIES).copied().unwrap_or("Japan").to_string(),
                ],
                people: Vec::new(),
                quotes: Vec::new(),
                sources: (0..n_sources)
                    .map(|k| Source {
                        article_id: format!("a{i}-{k}"),
                        file: format!("synthetic/{i}-{k}.txt"),
                        outlet: rng.pick(OUTLETS).map(|o| o.to_string()),
                        title: None,
                        published_date: None,
                        evidence: None,
                    })
                    .collect(),
                mentioned_only: false,
                parts: vec![format!("synthetic-{seed}-{i}")],
                curated: Vec::new(),
                note: None,
                origin: None,
            }
        })
        .collect();
    out.sort_by(|a, b| a.date.start.cmp(&b.date.start).then(a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sorted() {
        let a = events(500, 7);
        assert_eq!(a, events(500, 7));
        assert_ne!(a, events(500, 8));
        assert!(a.windows(2).all(|w| w[0].date.start <= w[1].date.start));
    }
}
