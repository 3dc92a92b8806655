//! Articles written for these tests in the styles of other outlets, so that the rules are checked on text they
//! were not tuned on: other speakers, verbs, outlets, date forms.

use linimasa::extract::extract_article;
use linimasa::model::{Article, ArticleMeta, Certainty};

fn article(text: &str) -> Article {
    Article {
        id: "t".into(),
        file: "t.txt".into(),
        path: "t.txt".into(),
        text: text.into(),
        meta: ArticleMeta::default(),
    }
}

#[test]
fn indonesian_wire_story() {
    let text = "Baca juga: Polisi tangkap pelaku judi online sejak 2021\n\nIndonesia-Jepang Sepakati Kerja Sama Siber\n\nTempo.co\nRabu, 14 Maret 2018 | 10:15 WIB\n\nTokyo (ANTARA) - Pemerintah Indonesia dan Jepang menandatangani nota kesepahaman kerja sama keamanan siber di Tokyo, Selasa (13/3). Penandatanganan dilakukan oleh Kepala Badan Siber dan Sandi Negara Djoko Setiadi dan pejabat Kementerian Dalam Negeri Jepang.\n\n“Kerja sama ini akan memperkuat kapasitas kedua negara dalam menghadapi serangan siber lintas batas,” ujar Kepala BSSN Djoko Setiadi usai acara.\n\n“Kami juga akan bertukar informasi tentang insiden siber secara rutin,” imbuhnya.\n\nPertemuan lanjutan dijadwalkan pada 20-21 Juni mendatang di Jakarta.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.event_date.as_deref(), Some("2018-03-13"));
    assert_eq!(f.date_certainty, Some(Certainty::Inferred));
    assert_eq!(f.published_date.as_deref(), Some("2018-03-14"));
    assert_eq!(f.location.as_deref(), Some("Tokyo"));
    assert_eq!(f.quotes.len(), 2);
    assert!(
        f.quotes
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Djoko Setiadi")),
        "{:?}",
        f.quotes
    );
    assert!(f.countries.contains(&"Japan".to_string()));
    assert!(f.outlet.is_some());
    // The upcoming follow-up meeting is a related event in June 2018, not the article's date.
    assert!(
        f.related_events
            .iter()
            .any(|r| r.date.start.to_string() == "2018-06-20"),
        "{:?}",
        f.related_events
    );
}

#[test]
fn english_report_with_said_after_name() {
    let text = "ASEAN ministers agree on cyber norms\n\nSingapore (Reuters) - Southeast Asian ministers agreed on Thursday to adopt voluntary norms of responsible state behaviour in cyberspace at a meeting in Singapore, officials said.\n\n\"We need a rules-based cyberspace to protect our digital economies,\" Singapore's minister for communications S. Iswaran said at the opening of the meeting on September 19, 2018.\n\nThe meeting was attended by ministers from all ten member states.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.language, "en");
    assert_eq!(f.event_date.as_deref(), Some("2018-09-19"));
    assert_eq!(f.quotes.len(), 1);
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("S. Iswaran"));
    assert_eq!(f.outlet.as_deref(), Some("Reuters"));
    assert_eq!(f.location.as_deref(), Some("Singapore"));
}

#[test]
fn undated_weekday_with_two_fitting_years_is_uncertain() {
    // 9 May is a Tuesday in 2017 and 2023: no year in the text, no publication date.
    let text = "Menteri Luar Negeri Retno Marsudi bertemu mitranya di Hanoi pada Selasa (9/5) untuk membahas keamanan siber kawasan dan kerja sama penanganan kejahatan lintas negara di Asia Tenggara.\n\n“Kita sepakat memperkuat kerja sama siber,” kata Retno.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.date_certainty, Some(Certainty::Uncertain));
    assert_eq!(f.location.as_deref(), Some("Hanoi"));
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("Retno Marsudi"));
}

#[test]
fn slogans_in_quotes_are_not_speech_and_law_numbers_are_not_dates() {
    let text = "Jakarta - Kominfo menggelar kampanye \"Makin Cakap Digital\" pada Senin (4/10/2021) sesuai UU ITE 11/2008 dan PP 71/2019.\n\n\"Literasi digital adalah kunci menghadapi hoaks dan kejahatan siber,\" kata Menkominfo Johnny G. Plate.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.quotes.len(), 1, "{:?}", f.quotes);
    assert_eq!(f.event_date.as_deref(), Some("2021-10-04"));
    assert!(
        f.dates.iter().all(|d| d.value.as_deref() != Some("2008")),
        "{:?}",
        f.dates
    );
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("Johnny G. Plate"));
}

#[test]
fn a_labelled_page_date_is_publication_and_a_quoted_today_is_the_stated_day() {
    // The page date stands in a byline line (`… Date 6 Juni 2019`); the meeting was on the Wednesday before;
    // the minister's `today` is the day he spoke, not the day the page was printed.
    let text = "Vietnam and Malaysia sign cyber pact\n\nBy Staff Writer of the Regional Desk     Date 6 Juni 2019\n\nVietnam and Malaysia signed a memorandum on cyber security cooperation at a meeting in Kuala Lumpur on Wednesday, officials of both ministries said after the ceremony.\n\n“What we signed today gives our agencies a common channel for incidents,” Deputy Minister Nguyen Van Thanh told reporters after the meeting.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.published_date.as_deref(), Some("2019-06-06"));
    assert_eq!(f.event_date.as_deref(), Some("2019-06-05"));
    let today = f.dates.iter().find(|d| d.text == "today");
    assert_eq!(
        today.and_then(|d| d.value.as_deref()),
        Some("2019-06-05"),
        "{:?}",
        f.dates
    );
    assert_eq!(f.location.as_deref(), Some("Kuala Lumpur"));
}

#[test]
fn a_lead_date_beats_the_meeting_it_followed() {
    // The lead's verb (`met`) stands far from its date; a later date is given for an earlier meeting.
    let text = "1. On 14 March 2022, the Philippine Secretary of Information and Communications Technology and the Thai Minister of Digital Economy and Society met in Manila for the second meeting of their cyber dialogue.\n\n2. Ministers welcomed progress on incident sharing. Their meeting followed the first Philippines-Thailand Cyber Dialogue meeting held on 9 November 2021 in Bangkok, where officials agreed on a work plan.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.event_date.as_deref(), Some("2022-03-14"), "{:?}", f.dates);
}

#[test]
fn a_dateline_line_of_its_own_above_the_lead_names_the_outlet() {
    let text = "Medan, WARTASUMUT.ID\nGubernur Sumatera Utara membuka pelatihan keamanan siber bagi aparatur sipil negara di Medan, Rabu (14/9/2022), bersama Badan Siber dan Sandi Negara yang mengirim enam pelatih.\n“Kita ingin aparatur siap menghadapi serangan siber,” kata Kepala BSSN Hinsa Siburian.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.outlet.as_deref(), Some("WARTASUMUT.ID"), "{:?}", f.outlet);
    assert_eq!(f.location.as_deref(), Some("Medan"));
}

#[test]
fn speakers_in_the_attribution_forms_of_the_genre() {
    // Attribution before the quote (Menurut X, "…"; Dalam sambutannya, X menyampaikan, "…"), after it (tutur X,
    // X told reporters, demikian disampaikan X, according to X, kata X), pronouns (Ia, -nya) and institutions.
    let speakers = |text: &str| -> Vec<String> {
        extract_article(&article(text))
            .quotes
            .iter()
            .map(|q| q.speaker.clone().unwrap_or_default())
            .collect()
    };
    let text = "Indonesia dan Singapura Perkuat Kerja Sama Siber\n\nJAKARTA, KOMPAS.com - Menteri Luar Negeri Retno Marsudi bertemu Menteri Komunikasi dan Informasi Singapura S Iswaran di Jakarta, Senin (14/8/2017), untuk membahas kerja sama keamanan siber kedua negara.\n\nMenurut Kepala BSSN, Djoko Setiadi, \"Serangan siber tidak mengenal batas negara sehingga kerja sama sangat penting.\"\n\n\"Kami sudah menyiapkan pusat data bersama untuk kedua negara,\" tutur Djoko kepada wartawan usai pertemuan.\n\nDalam sambutannya, Presiden Joko Widodo menyampaikan, \"Kita harus menjaga ruang siber yang aman bagi rakyat.\"\n\nIa menegaskan, \"Indonesia tidak akan tinggal diam menghadapi peretas.\"\n\n\"Singapore is ready to share its experience in building a national cyber agency,\" Iswaran told reporters after the meeting.\n\n\"Dialog ini akan kita lanjutkan tahun depan di Singapura,\" demikian disampaikan Menko Polhukam Wiranto.\n\n\"We agreed to set up a hotline between our agencies,\" according to Foreign Minister Retno Marsudi.\n\n\"Literasi digital masyarakat harus ditingkatkan,\" kata Dirjen Aptika Kominfo Semuel Abrijani Pangerapan.\n\n\"Ini baru langkah awal,\" imbuhnya.\n";
    assert_eq!(
        speakers(text),
        [
            "Djoko Setiadi",
            "Djoko Setiadi",
            "Joko Widodo",
            "Joko Widodo",
            "S. Iswaran",
            "Wiranto",
            "Retno Marsudi",
            "Semuel Abrijani Pangerapan",
            "Semuel Abrijani Pangerapan",
        ]
    );
    let text = "Singapore, Indonesia hold cyber talks\n\nSINGAPORE (The Straits Times) - Singapore and Indonesia held their first cyber dialogue in Singapore on Tuesday, with Prime Minister Lee Hsien Loong meeting Indonesian Communications Minister Johnny G. Plate and Deputy Prime Minister Teo Chee Hean.\n\n\"Cyber threats do not respect borders,\" said Mr Lee Hsien Loong, Prime Minister of Singapore.\n\nMr Teo said: \"We will work closely with our neighbours on incident response.\"\n\n\"Our agencies will meet every quarter,\" the deputy prime minister said.\n\n\"Indonesia welcomes this partnership,\" Plate said in his opening remarks.\n\nIn a statement, the Cyber Security Agency of Singapore said: \"The dialogue marks a new chapter.\"\n\n\"Ini momentum penting,\" ucap Menkominfo Johnny G. Plate.\n\n\"Kami siap berbagi data ancaman,\" jelas Plate.\n\n\"Kerja sama ini harus dilanjutkan,\" pungkasnya.\n\n\"Regional cooperation is the only way,\" Teo added, noting the rise of ransomware.\n";
    assert_eq!(
        speakers(text),
        [
            "Lee Hsien Loong",
            "Teo Chee Hean",
            "Teo Chee Hean",
            "Johnny G. Plate",
            "Cyber Security Agency of Singapore",
            "Johnny G. Plate",
            "Johnny G. Plate",
            "Johnny G. Plate",
            "Teo Chee Hean",
        ]
    );
}

#[test]
fn wire_datelines_with_a_date_name_the_agency_and_the_filing_day() {
    // `PHNOM PENH, Nov 12 (Reuters) -`: the agency is the outlet; the weekday of the lead dates the event.
    let f = extract_article(&article(
        "ASEAN ministers back cyber norms\n\nPHNOM PENH, Nov 12 (Reuters) - Southeast Asian leaders on Saturday endorsed a plan to strengthen cyber security cooperation at a summit in Phnom Penh, officials said, as the bloc seeks a common stand on ransomware attacks in 2022.\n\n\"We must act together,\" Cambodian Prime Minister Hun Sen said.\n",
    ));
    assert_eq!(f.outlet.as_deref(), Some("Reuters"));
    assert_eq!(f.event_date.as_deref(), Some("2022-11-12"));
    // `Hanoi, 5/6/2019 (VNA) -`: the dateline's day is when the story was filed, not the signing.
    let f = extract_article(&article(
        "Vietnam, Laos sign cyber pact\n\nHanoi, 5/6/2019 (VNA) - Vietnam and Laos signed a cooperation agreement on cyber security in Hanoi on June 4, the Ministry of Public Security said in a statement released on Wednesday.\n",
    ));
    assert_eq!(f.outlet.as_deref(), Some("VNA"));
    assert_eq!(f.published_date.as_deref(), Some("2019-06-05"));
    assert_eq!(f.location.as_deref(), Some("Hanoi"));
}

#[test]
fn a_weekday_inside_a_stated_series_of_days_is_that_day() {
    let text = "Manila, PhilStar – The Philippine foreign secretary on Thursday called for a regional code of conduct in cyberspace at the ASEAN Foreign Ministers' Meeting in Manila.\n“We need rules that all of us keep,” he said at the meeting.\nThe meeting is part of the ASEAN ministerial week held on July 29–August 4, 2017 in Manila, attended by the foreign ministers of ten member states and their dialogue partners.\n";
    let f = extract_article(&article(text));
    assert_eq!(f.event_date.as_deref(), Some("2017-08-03"), "{:?}", f.dates);
}
