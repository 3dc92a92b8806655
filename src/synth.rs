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
                        url: None,
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
                merge_reasons: Vec::new(),
                key_terms: Vec::new(),
                location_from_dateline: false,
                delegations_received: false,
            }
        })
        .collect();
    out.sort_by(|a, b| a.date.start.cmp(&b.date.start).then(a.id.cmp(&b.id)));
    out
}

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const HARI: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Forums as Indonesian and English text print them.
const FORUMS: &[(&str, &str)] = &[
    ("KTT ASEAN ke-{n}", "{n}th ASEAN Summit"),
    ("ASEAN Regional Forum", "ASEAN Regional Forum"),
    (
        "Pertemuan Menteri ASEAN Bidang Siber (AMCC)",
        "ASEAN Ministerial Conference on Cybersecurity",
    ),
    (
        "ASEAN Digital Ministers' Meeting",
        "ASEAN Digital Ministers' Meeting",
    ),
    ("sidang Dewan Keamanan PBB", "UN Security Council meeting"),
    (
        "pertemuan ATRC",
        "ASEAN Telecommunication Regulators' Council meeting",
    ),
    (
        "Singapore International Cyber Week",
        "Singapore International Cyber Week",
    ),
];
const PLACES: &[(&str, &str)] = &[
    ("Jakarta", "Indonesia"),
    ("Singapura", "Singapore"),
    ("Kuala Lumpur", "Malaysia"),
    ("Bangkok", "Thailand"),
    ("Hanoi", "Vietnam"),
    ("Manila", "Philippines"),
    ("Nusa Dua, Bali", "Indonesia"),
    ("New York", "United States"),
];
const SPEAKERS: &[(&str, &str)] = &[
    ("Menko Polhukam", "Wiranto"),
    ("Menteri Luar Negeri", "Retno Marsudi"),
    ("Kepala BSSN", "Hinsa Siburian"),
    ("Menkominfo", "Johnny G Plate"),
    ("Menteri Komunikasi dan Informatika", "Rudiantara"),
    (
        "Direktur Keamanan Internasional Kemlu",
        "Grata Endah Werdaningtyas",
    ),
    ("Minister for Communications and Information", "S Iswaran"),
];
const QUOTES_ID: &[&str] = &[
    "Kerja sama keamanan siber di kawasan harus diperkuat agar kita tidak tertinggal",
    "Indonesia mendorong norma perilaku negara yang bertanggung jawab di ruang siber",
    "Serangan siber tidak mengenal batas negara, karena itu kita perlu berbagi informasi",
    "Kami sepakat membentuk pusat peningkatan kapasitas siber bersama",
    "Perlindungan data pribadi menjadi prioritas pemerintah tahun ini",
];
const QUOTES_EN: &[&str] = &[
    "Cyber threats do not respect borders, so our response cannot either",
    "ASEAN must agree on rules-based norms for state behaviour in cyberspace",
    "We will share threat information in real time through the new centre",
    "Capacity building is the foundation of regional cyber resilience",
];
/// Background paragraphs of the kind that fill real reports.
const BACKGROUND_ID: &[&str] = &[
    "Menurut data Badan Siber dan Sandi Negara, sepanjang tahun lalu tercatat lebih dari 200 juta anomali \
     trafik di Indonesia, sebagian besar berupa serangan malware dan upaya peretasan terhadap situs pemerintah.",
    "Para delegasi juga membahas pembentukan tim tanggap insiden siber bersama, pertukaran informasi ancaman \
     secara cepat, serta program pelatihan bagi aparat penegak hukum di negara-negara anggota.",
    "Isu perlindungan data pribadi, penipuan daring, dan keamanan infrastruktur kritis menjadi sorotan utama \
     dalam sesi tertutup yang berlangsung hampir tiga jam tersebut.",
    "Pemerintah menilai kerja sama kawasan penting karena banyak serangan siber berasal dari luar negeri dan \
     memanfaatkan celah koordinasi antarlembaga di masing-masing negara.",
    "Sejumlah pengamat menilai ASEAN masih tertinggal dalam merumuskan norma bersama di ruang siber \
     dibandingkan kawasan lain, meski kemajuan terlihat dalam dua tahun terakhir.",
    "Dalam pertemuan itu, para menteri juga sepakat memperkuat peran ASEAN-Japan Cybersecurity Capacity \
     Building Centre di Bangkok sebagai pusat pelatihan bagi negara anggota.",
];
const BACKGROUND_EN: &[&str] = &[
    "According to national agencies, the region recorded hundreds of millions of malicious traffic anomalies \
     last year, most of them malware and attempted intrusions into government websites.",
    "Delegates also discussed a joint computer emergency response team, faster sharing of threat information \
     and training programmes for law enforcement officers across member states.",
    "Personal data protection, online fraud and the security of critical infrastructure dominated a closed \
     session that lasted nearly three hours.",
    "Analysts say ASEAN still lags other regions in agreeing on common norms for cyberspace, although progress \
     has been visible over the past two years.",
];
const CHROME: &[&str] = &[
    "Home > Berita > Internasional",
    "Baca juga: Harga BBM Naik, Warga Antre di SPBU",
    "Baca juga: Timnas U-23 Lolos ke Final",
    "Share: Facebook Twitter WhatsApp",
    "Advertisement",
    "Terpopuler: Gempa M 5,2 Guncang Maluku",
];

/// A realistic synthetic article, deterministic for `(seed, i)`: Indonesian (about four in five) or English text
/// with page chrome, a headline, a publication line, a dated lead naming a forum, a place and countries, quotes
/// with speakers, and an outlet credit. Returns a file name (in folders of 1000) and the text.
pub fn article(seed: u64, i: usize) -> (String, String) {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let day = base + Duration::days(rng.below(3287) as i64);
    let published = day + Duration::days(rng.below(3) as i64);
    let (y, m, d) = (
        chrono::Datelike::year(&day),
        chrono::Datelike::month(&day) as usize,
        chrono::Datelike::day(&day),
    );
    let wd = chrono::Datelike::weekday(&day).num_days_from_monday() as usize;
    let (forum_id, forum_en) = rng
        .pick(FORUMS)
        .copied()
        .unwrap_or(("KTT ASEAN", "ASEAN Summit"));
    let n = (26 + (y - 2015) * 2 + rng.below(2) as i32).to_string();
    let (forum_id, forum_en) = (forum_id.replace("{n}", &n), forum_en.replace("{n}", &n));
    let (place, country) = rng
        .pick(PLACES)
        .copied()
        .unwrap_or(("Jakarta", "Indonesia"));
    let mut other = rng.pick(COUNTRIES).copied().unwrap_or("Japan");
    if other == country {
        other = if country == "Japan" {
            "Australia"
        } else {
            "Japan"
        };
    }
    let outlet = rng.pick(OUTLETS).copied().unwrap_or("ANTARA");
    let month = |k: usize| BULAN.get(k.wrapping_sub(1)).copied().unwrap_or("Januari");
    let month_en = |k: usize| crate::model::month_name_en(k as u32);
    let mut t = String::with_capacity(3000);
    let chrome = |rng: &mut Rng, t: &mut String| {
        for _ in 0..1 + rng.below(2) {
            t.push_str(rng.pick(CHROME).copied().unwrap_or(""));
            t.push('\n');
        }
    };
    let english = rng.below(5) == 0;
    chrome(&mut rng, &mut t);
    let (pm, pd, py) = (
        chrono::Datelike::month(&published) as usize,
        chrono::Datelike::day(&published),
        chrono::Datelike::year(&published),
    );
    if english {
        t.push_str(&format!(
            "{forum_en} in {place} discusses cyber norms\n\n{}, {} {pd}, {py} 10:{:02} WIB\n\n",
            DAYS.get(chrono::Datelike::weekday(&published).num_days_from_monday() as usize)
                .copied()
                .unwrap_or("Monday"),
            month_en(pm),
            rng.below(60)
        ));
        let date = match rng.below(3) {
            0 => format!("on {} {d}, {y}", month_en(m)),
            1 => format!(
                "on {} ({d}/{m}/{y})",
                DAYS.get(wd).copied().unwrap_or("Monday")
            ),
            _ => format!("on {d} {} {y}", month_en(m)),
        };
        t.push_str(&format!(
            "{} ({outlet}) - Senior officials and ministers from {country} and {other} met at the {forum_en} \
             in {place} {date} to discuss closer cooperation on {}, the protection of critical infrastructure \
             and a common position ahead of regional talks.\n\n",
            place.to_uppercase(),
            rng.pick(TOPICS).copied().unwrap_or("cyber norms")
        ));
        for _ in 0..1 + rng.below(3) {
            let (role, name) = rng
                .pick(SPEAKERS)
                .copied()
                .unwrap_or(("Minister", "Wiranto"));
            let q = rng.pick(QUOTES_EN).copied().unwrap_or("");
            t.push_str(&format!("“{q},” said {name}, {role}.\n\n"));
            for _ in 0..1 + rng.below(3) {
                t.push_str(rng.pick(BACKGROUND_EN).copied().unwrap_or(""));
                t.push_str("\n\n");
            }
        }
        t.push_str(&format!(
            "The meeting also reviewed progress on {} since the previous year.\n\n",
            rng.pick(TOPICS).copied().unwrap_or("capacity building")
        ));
    } else {
        t.push_str(&format!(
            "{forum_id} di {place} Bahas Keamanan Siber\n\n{}, {pd} {} {py} 10:{:02} WIB\n\n",
            HARI.get(chrono::Datelike::weekday(&published).num_days_from_monday() as usize)
                .copied()
                .unwrap_or("Senin"),
            month(pm),
            rng.below(60)
        ));
        let date = match rng.below(4) {
            0 => format!("pada {d} {} {y}", month(m)),
            1 => format!("{} ({d}/{m}/{y})", HARI.get(wd).copied().unwrap_or("Senin")),
            2 => format!(
                "pada {}, {d} {}",
                HARI.get(wd).copied().unwrap_or("Senin"),
                month(m)
            ),
            _ if d <= 27 => format!("pada {d}-{} {} {y}", d + 1, month(m)),
            _ => format!("pada {d} {} {y}", month(m)),
        };
        t.push_str(&format!(
            "{place} ({outlet}) - Delegasi {country} dan {other} menghadiri {forum_id} di {place} {date}. \
             Pertemuan yang dihadiri para menteri dan pejabat senior itu membahas {}, perlindungan \
             infrastruktur kritis, serta posisi bersama menjelang perundingan kawasan.\n\n",
            rng.pick(TOPICS).copied().unwrap_or("keamanan siber")
        ));
        for _ in 0..1 + rng.below(3) {
            let (role, name) = rng
                .pick(SPEAKERS)
                .copied()
                .unwrap_or(("Menteri", "Wiranto"));
            let q = rng.pick(QUOTES_ID).copied().unwrap_or("");
            match rng.below(3) {
                0 => t.push_str(&format!("“{q},” kata {role} {name} di {place}.\n\n")),
                1 => t.push_str(&format!("{role} {name} mengatakan, “{q}.”\n\n")),
                _ => t.push_str(&format!("\"{q},\" ujar {name}.\n\n")),
            }
            for _ in 0..1 + rng.below(3) {
                t.push_str(rng.pick(BACKGROUND_ID).copied().unwrap_or(""));
                t.push_str("\n\n");
            }
        }
        t.push_str(&format!(
            "Pertemuan berikutnya dijadwalkan pada {} {} mendatang.\n\n",
            month(m % 12 + 1),
            if m == 12 { y + 1 } else { y }
        ));
    }
    chrome(&mut rng, &mut t);
    t.push_str(&format!(
        "Editor: {}\nCopyright © {py} {outlet}\n",
        rng.pick(&["Budi Santoso", "Rina Wulandari", "Agus Salim"])
            .copied()
            .unwrap_or("")
    ));
    (format!("{:04}/{i:07}.txt", i / 1000), t)
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
