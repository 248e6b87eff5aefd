//! Places named without a head noun: countries and cities of general news.
//!
//! In: a sentence's tokens (and which of them frame it). Out: place claims
//! (`ClaimKind::Place` with the head [`HEAD`] and the name's first listed
//! form) for each name of `data/places.txt` standing after «في» or a place
//! head noun (في درنة، مدينة درنة), or a city's with «ب» attached
//! (ببنغازي).
//!
//! A country's adjective after a noun (الليرة التركية) gives a claim of
//! that noun's nationality (head `@n:` and the noun), when it is the only
//! such adjective of the sentence: a sentence naming two (the American
//! minister and his Russian counterpart) says nothing of one.
//!
//! Rules: a name elsewhere in the sentence (from Benghazi, towards Cairo)
//! is not where the event happened and gives no claim. Two places of the
//! gazetteer can both hold only when they are the same, or a city and its
//! own country ([`compatible`]).

use super::{Claim, ClaimKind, Modality, keys::Keys};
use crate::text::normalize::normalize;
use crate::text::tokenize::Token;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/places.txt");

/// The head of a place named by the gazetteer.
pub const HEAD: &str = "@";

/// A country or a city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A country.
    Country,
    /// A city, in its country.
    City,
    /// A country's adjective (تركي، التركية).
    Nisba,
    /// A name of several places (تونس the city and the country; طرابلس
    /// of Libya and of Lebanon): in one of its countries.
    Either,
}

/// The head of a nationality claim: `@n:` and the noun's bare key.
pub const NISBA_HEAD: &str = "@n:";

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    /// Country or city.
    pub kind: Kind,
    /// The country's code (a city's country; an `Either` name's first).
    pub country: String,
    /// What an `Either` name may be: each a city or a country, with its
    /// country (empty for the other kinds).
    pub readings: Vec<(Kind, String)>,
    /// The first listed form, normalised: the name claims carry.
    pub name: String,
}

/// Every form, normalised, to its place.
fn gazetteer() -> &'static HashMap<String, Place> {
    static G: OnceLock<HashMap<String, Place>> = OnceLock::new();
    G.get_or_init(|| {
        let mut out = HashMap::default();
        for line in crate::text::data_lines(DATA) {
            let mut words = line.split_whitespace();
            let (Some(kind), Some(country)) = (words.next(), words.next()) else {
                continue;
            };
            let kind = match kind {
                "country" => Kind::Country,
                "city" => Kind::City,
                "nisba" => Kind::Nisba,
                "either" => Kind::Either,
                _ => continue,
            };
            let mut forms: Vec<String> = Vec::new();
            for w in words {
                forms.push(normalize(w));
                if kind == Kind::Nisba {
                    for f in ["{}ة", "ال{}", "ال{}ة", "{}ين", "ال{}ين", "{}ون", "ال{}ون"]
                    {
                        forms.push(normalize(&f.replace("{}", w)));
                    }
                }
            }
            let Some(first) = forms.first().cloned() else {
                continue;
            };
            for f in forms {
                let readings: Vec<(Kind, String)> = match kind {
                    Kind::Either => country
                        .split(',')
                        .filter_map(|r| match r.split_once(':')? {
                            ("city", c) => Some((Kind::City, c.to_string())),
                            ("country", c) => Some((Kind::Country, c.to_string())),
                            _ => None,
                        })
                        .collect(),
                    Kind::Country | Kind::City | Kind::Nisba => Vec::new(),
                };
                let code = readings.first().map_or(country, |(_, c)| c.as_str());
                out.entry(f).or_insert(Place {
                    kind,
                    country: code.to_string(),
                    readings,
                    name: first.clone(),
                });
            }
        }
        out
    })
}

/// The place a claim's name (a first listed form) names.
pub fn place(name: &str) -> Option<&'static Place> {
    gazetteer().get(name)
}

/// True when the two places can both be where one event happened: the
/// same place, or a city and the country it is in. A name of several
/// places can be any of them: عمان (Amman or Oman) and بغداد cannot both
/// hold, عمان and الأردن can.
pub fn compatible(a: &Place, b: &Place) -> bool {
    let as_reading = |p: &Place, (kind, country): &(Kind, String)| Place {
        kind: *kind,
        country: country.clone(),
        readings: Vec::new(),
        name: p.name.clone(),
    };
    match (a.kind, b.kind) {
        (Kind::City, Kind::City) | (Kind::Country, Kind::Country) | (Kind::Nisba, Kind::Nisba) => {
            a.name == b.name
        }
        (Kind::City, Kind::Country) | (Kind::Country, Kind::City) => a.country == b.country,
        (Kind::Either, Kind::City | Kind::Country | Kind::Either) => {
            a.name == b.name || a.readings.iter().any(|r| compatible(&as_reading(a, r), b))
        }
        (Kind::City | Kind::Country, Kind::Either) => compatible(b, a),
        // Never compared: a nationality is compared with nationalities.
        (Kind::Nisba, Kind::City | Kind::Country | Kind::Either)
        | (Kind::City | Kind::Country | Kind::Either, Kind::Nisba) => true,
    }
}

/// Locative words before a name.
const IN: &[&str] = &["في", "وفي", "ففي"];

/// The gazetteer's places where the sentence says the event was.
pub fn places(tokens: &[Token], keys: &Keys, frame: &[bool]) -> Vec<Claim> {
    let is_head = |k: usize| super::slots::is_head(keys, k) == Some(true);
    let g = gazetteer();
    let mut out = Vec::new();
    // The token of the last place found: a name joined to it by «و» is a
    // place too (في سوريا والعراق).
    let mut last: Option<usize> = None;
    // Nationality words outside the frame, after the first token: gathered
    // in the same pass, which looks each key up once.
    let mut nisbas: Vec<(usize, &Place)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if frame.get(k).copied().unwrap_or(false) {
            continue;
        }
        let key = t.key.as_str();
        let whole = g.get(key);
        if k > 0
            && let Some(p) = whole.filter(|p| p.kind == Kind::Nisba)
        {
            nisbas.push((k, p));
        }
        let rest = key
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(key);
        let at_rest = if rest.len() == key.len() {
            whole
        } else {
            g.get(rest)
        };
        let joined = match last {
            Some(p) if p + 1 == k => key.starts_with('و'),
            Some(p) if p + 2 == k => tokens[k - 1].key == "و",
            _ => false,
        };
        // Asked only of a name the gazetteer has (few words are).
        let after_in =
            || joined || k > 0 && (IN.contains(&tokens[k - 1].key.as_str()) || is_head(k - 1));
        // «ب» on a country relates more often than it places (مرتبطة
        // بإيران, linked to Iran); on a city, or a name that is also a city,
        // it places (انفجار ببيروت، بطرابلس).
        let with_bi = rest
            .strip_prefix('ب')
            .and_then(|r| g.get(r))
            .filter(|p| matches!(p.kind, Kind::City | Kind::Either));
        let found = match (at_rest, with_bi) {
            (Some(p), _) if after_in() => Some(p),
            (_, Some(p)) => Some(p),
            _ => whole.filter(|_| after_in()),
        };
        if let Some(p) = found.filter(|p| p.kind != Kind::Nisba) {
            last = Some(k);
            out.push(Claim::new(
                ClaimKind::Place {
                    head: HEAD.to_string(),
                    name: vec![p.name.clone()],
                },
                t.start,
                t.end,
                Modality::Asserted,
            ));
        }
    }
    if let [(k, p)] = nisbas.as_slice() {
        let noun = tokens[k - 1].key.as_str();
        let bare = super::lexicon::bare(noun);
        let is_noun = tokens[k - 1].kind == crate::text::tokenize::TokenKind::Word
            && bare.chars().count() >= 2
            && !crate::text::stopwords::is_stopword(noun)
            && g.get(noun).is_none();
        if is_noun {
            out.push(Claim::new(
                ClaimKind::Place {
                    head: format!("{NISBA_HEAD}{bare}"),
                    name: vec![p.name.clone()],
                },
                tokens[k - 1].start,
                tokens[*k].end,
                Modality::Asserted,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn named(s: &str) -> Vec<String> {
        let t = tokenize(s, 0);
        places(&t, &Keys::of(&t), &vec![false; t.len()])
            .into_iter()
            .filter_map(|c| match c.kind {
                ClaimKind::Place { name, .. } => Some(name.join(" ")),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_name_after_in_or_with_bi_is_where_it_happened() {
        assert_eq!(named("انفجرت سيارة مفخخة في حلب صباح اليوم."), ["حلب"]);
        assert_eq!(named("وقع الانفجار بحمص قرب السوق."), ["حمص"]);
        assert_eq!(
            named("عاد الوزير من القاهرة إلى بلاده."),
            Vec::<String>::new()
        );
        assert_eq!(named("وفي أسوان ارتفعت الحرارة."), ["اسوان"]);
        // Names joined by «و» are all places of the event.
        assert_eq!(named("تعهد بالسلام في سوريا والعراق."), ["سوريا", "العراق"]);
        assert_eq!(named("تعهد بالسلام في العراق و سوريا."), ["العراق", "سوريا"]);
        // «ب» on a country relates: linked to Syria, not in it.
        assert_eq!(
            named("جماعة مرتبطة بسوريا تبنت الهجوم."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn one_country_adjective_after_a_noun_is_its_nationality() {
        let heads = |s: &str| -> Vec<(String, String)> {
            let t = tokenize(s, 0);
            places(&t, &Keys::of(&t), &vec![false; t.len()])
                .into_iter()
                .filter_map(|c| match c.kind {
                    ClaimKind::Place { head, name } => Some((head, name.join(" "))),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            heads("تراجعت الليرة التركية أمام الدولار."),
            [("@n:ليره".to_string(), "تركي".to_string())]
        );
        // Two nationalities: neither is the sentence's.
        assert!(heads("التقى الوزير الأمريكي نظيره الروسي.").is_empty());
    }

    #[test]
    fn a_city_and_its_country_agree_two_cities_do_not() {
        let p = |n: &str| place(&normalize(n)).unwrap();
        assert!(compatible(p("حلب"), p("سوريا")));
        assert!(compatible(p("سورية"), p("سوريا")), "two spellings");
        assert!(!compatible(p("حلب"), p("حمص")));
        assert!(!compatible(p("حلب"), p("لبنان")));
        assert!(!compatible(p("مصر"), p("ليبيا")));
    }

    #[test]
    fn a_name_of_several_places_is_any_of_them() {
        let p = |n: &str| place(&normalize(n)).unwrap();
        // عمان: Amman (Jordan) or Oman.
        assert!(!compatible(p("عمان"), p("بغداد")));
        assert!(compatible(p("عمان"), p("الأردن")));
        // تونس: the city or the country, which holds صفاقس.
        assert!(compatible(p("صفاقس"), p("تونس")));
        // طرابلس: two cities, neither of them بنغازي.
        assert!(!compatible(p("طرابلس"), p("بنغازي")));
        assert!(compatible(p("طرابلس"), p("لبنان")));
    }
}
