//! Measures and values in the words a journalist uses: «حصيلة القتلى»,
//! «يوم الحدث», «نحو 400», for the disputes and figures pages.
//!
//! In: a [`Measure`], a claim, the unit and article it is read from. Out:
//! Arabic text: the measure's name, a claim's value normalised («3»،
//! «نحو 400»، «الأحد»), its modality («توقع»), and the words as written.
//!
//! Rules: a counted thing is named by the noun as the first sentence writes
//! it (سيارات مفخخة), never by its match key; every other name comes from
//! the tables here, so the engine's keys never reach a reader.

use crate::align::Unit;
use crate::analysis::disputes::{Measure, SlotKindKey};
use crate::claims::{Claim, ClaimKind, Modality, Role};
use crate::document::Article;
use crate::text::numbers::Amount;

/// The measure's name: «حصيلة القتلى», «عدد السيارات», «يوم الحدث».
/// `units` report it, in reading order; names are read from their text.
pub fn measure_name(m: &Measure, units: &[(&Unit, &Article)]) -> String {
    let first = units.first().copied();
    match m {
        Measure::Count(role) => role_name(role, units),
        Measure::Date => "تاريخ الحدث".into(),
        Measure::Weekday => "يوم الحدث".into(),
        Measure::TimeOfDay => "وقت الحدث من اليوم".into(),
        Measure::Place(head) if head == crate::claims::gazetteer::HEAD => "مكان الحدث".into(),
        Measure::Place(head) if head.starts_with(crate::claims::gazetteer::NISBA_HEAD) => format!(
            "الجنسية ({})",
            as_written(&head[crate::claims::gazetteer::NISBA_HEAD.len()..], units)
        ),
        Measure::Place(head) => format!("المكان ({})", as_written(head, units)),
        Measure::Holder(head) => format!("الجهة ({})", as_written(head, units)),
        Measure::Slot(SlotKindKey::Cause) => "السبب".into(),
        Measure::Slot(SlotKindKey::Agent) => "الفاعل".into(),
        Measure::Slot(SlotKindKey::Instrument) => "الوسيلة".into(),
        Measure::Statement(_) => match first {
            Some((u, a)) => format!(
                "هل وقع ما تقوله الجملة: «{}»",
                super::view::first_words(
                    a.segment_text(&a.segments[u.segment]),
                    super::view::FACT_LABEL_WORDS
                )
            ),
            None => "واقعة واحدة".into(),
        },
    }
}

fn role_name(role: &Role, units: &[(&Unit, &Article)]) -> String {
    match role {
        Role::Killed => "حصيلة القتلى".into(),
        Role::Injured => "عدد الجرحى".into(),
        Role::Missing => "عدد المفقودين".into(),
        Role::Displaced => "عدد النازحين".into(),
        Role::Arrested => "عدد المعتقلين".into(),
        Role::Released => "عدد المفرج عنهم".into(),
        Role::Rescued => "عدد من أُنقذوا أحياء".into(),
        Role::Buried => "عدد من دُفنوا".into(),
        Role::Evacuated => "عدد من أُجلوا".into(),
        Role::Damaged => "عدد المباني المتضررة".into(),
        Role::Recovered => "عدد الجثث المنتشلة".into(),
        Role::Measure(class) => match class.split(':').next().unwrap_or("") {
            "money" => "المبلغ".into(),
            "distance" => "المسافة".into(),
            "duration" => "المدة".into(),
            "share" => "النسبة".into(),
            "area" => "المساحة".into(),
            "mass" => "الوزن".into(),
            "magnitude" => "الشدة".into(),
            "seats" => "عدد المقاعد".into(),
            _ => "المقدار".into(),
        },
        Role::Thing(noun) => match noun.strip_prefix("share:") {
            Some(of) => format!("نسبة {}", as_written(of, units)),
            None => format!("عدد {}", as_written(noun, units)),
        },
    }
}

/// The words of the first of `units` holding the key `key` (a noun, maybe
/// of several words, with or without its article), as written; the key
/// itself when none holds it.
fn as_written(key: &str, units: &[(&Unit, &Article)]) -> String {
    let words: Vec<&str> = key.split_whitespace().collect();
    if words.is_empty() {
        return key.to_string();
    }
    for &(u, a) in units {
        if let Some(w) = written_in(&words, u, a) {
            return w;
        }
    }
    key.to_string()
}

fn written_in(words: &[&str], u: &Unit, a: &Article) -> Option<String> {
    for (i, t) in u.tokens.iter().enumerate() {
        let bare = |k: &str, w: &str| k == w || k.strip_prefix("ال") == Some(w);
        if !bare(&t.key, words[0]) {
            continue;
        }
        let n = words.len();
        let all = u.tokens[i..]
            .iter()
            .take(n)
            .zip(words.iter())
            .all(|(t, w)| bare(&t.key, w));
        if all && i + n <= u.tokens.len() {
            return Some(a.text[t.start..u.tokens[i + n - 1].end].to_string());
        }
    }
    None
}

/// Arabic names of the weekdays, 1 = Sunday.
pub const WEEKDAYS: [&str; 7] = [
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];

/// A number with Western digits and thousands separated by «٬».
fn number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = (v as i64).abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('٬');
        }
        out.push(c);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

/// An amount in Arabic: «3»، «نحو 400»، «أكثر من 5٬000»، «عشرات».
pub fn amount_ar(a: Amount) -> String {
    match a {
        Amount::Exact(v) => number(v),
        Amount::AtLeast(v) => format!("{} على الأقل", number(v)),
        Amount::MoreThan(v) => format!("أكثر من {}", number(v)),
        Amount::AtMost(v) => format!("{} على الأكثر", number(v)),
        Amount::LessThan(v) => format!("أقل من {}", number(v)),
        Amount::About(v) => format!("نحو {}", number(v)),
        Amount::Vague { min, max } => match max {
            Some(m) => format!("بين {} و{}", number(min), number(m)),
            None => format!("{} أو أكثر", number(min)),
        },
    }
}

/// The unit a measure's values are given in (its class's base unit of
/// `data/claims.txt`), in Arabic; empty for plain counts.
fn unit_ar(role: &Role) -> &'static str {
    match role {
        Role::Measure(class) => match *class {
            "money:usd" => "دولار",
            "money:eur" => "يورو",
            "money:egp" => "جنيه",
            "money:sar" => "ريال",
            "money:dinar" => "دينار",
            "money:dirham" => "درهم",
            "money:lira" => "ليرة",
            "distance" => "متر",
            "mass" => "كغ",
            "duration" => "دقيقة",
            "area" => "م²",
            "magnitude" => "درجة",
            "share" => "٪",
            _ => "",
        },
        Role::Thing(noun) if noun.starts_with("share:") => "٪",
        _ => "",
    }
}

/// A claim's value, normalised, in Arabic; `text` is its file's text.
pub fn value_ar(c: &Claim, text: &str) -> String {
    let v = match &c.kind {
        ClaimKind::Count { amount, role } => match unit_ar(role) {
            "" => amount_ar(*amount),
            "٪" => format!("{}٪", amount_ar(*amount)),
            "دقيقة" => duration(*amount),
            unit => format!("{} {unit}", amount_ar(*amount)),
        },
        ClaimKind::Weekday(d) => WEEKDAYS
            .get(usize::from(*d).wrapping_sub(1))
            .map_or_else(|| d.to_string(), |w| w.to_string()),
        ClaimKind::DayPart { from, to } => format!("بين الساعة {from} والساعة {to}"),
        ClaimKind::Place { .. } | ClaimKind::Holder { .. } | ClaimKind::Slot { .. } => {
            text.get(c.start..c.end).unwrap_or("").to_string()
        }
    };
    match c.modality {
        Modality::Denied => format!("ليس {v}"),
        Modality::Asserted | Modality::Forecast | Modality::Earlier => v,
    }
}

/// A duration in minutes in words (`super::view::duration_ar`: «5 ساعات»،
/// «يومين»), with the amount's qualifier.
fn duration(a: Amount) -> String {
    let d = |v: f64| super::view::duration_ar(v.round() as i64);
    match a {
        Amount::Exact(v) => d(v),
        Amount::AtLeast(v) => format!("{} على الأقل", d(v)),
        Amount::MoreThan(v) => format!("أكثر من {}", d(v)),
        Amount::AtMost(v) => format!("{} على الأكثر", d(v)),
        Amount::LessThan(v) => format!("أقل من {}", d(v)),
        Amount::About(v) => format!("نحو {}", d(v)),
        Amount::Vague { .. } => format!("{} دقيقة", amount_ar(a)),
    }
}

/// How sure the sentence is, in Arabic; empty for a plain statement.
pub fn modality_ar(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "",
        Modality::Forecast => "توقّع أو احتمال",
        Modality::Earlier => "رقم سابق",
        Modality::Denied => "منفي",
    }
}

/// The sortable key of a claim's value, for charts: the count's middle
/// value, `None` for anything that is not a number.
pub fn numeric(c: &Claim) -> Option<f64> {
    match &c.kind {
        ClaimKind::Count { amount, .. } => {
            let (lo, hi) = amount.interval();
            match (lo.is_finite(), hi.is_finite()) {
                (true, true) => Some((lo + hi) / 2.0),
                (true, false) => Some(lo),
                (false, true) => Some(hi),
                (false, false) => None,
            }
        }
        ClaimKind::Weekday(_)
        | ClaimKind::DayPart { .. }
        | ClaimKind::Place { .. }
        | ClaimKind::Holder { .. }
        | ClaimKind::Slot { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_a_journalist_writes_them() {
        assert_eq!(amount_ar(Amount::Exact(5200.0)), "5٬200");
        assert_eq!(amount_ar(Amount::About(400.0)), "نحو 400");
        assert_eq!(amount_ar(Amount::MoreThan(5000.0)), "أكثر من 5٬000");
        assert_eq!(amount_ar(Amount::AtLeast(1.0)), "1 على الأقل");
        assert_eq!(
            amount_ar(Amount::Vague {
                min: 10.0,
                max: Some(99.0)
            }),
            "بين 10 و99"
        );
    }

    #[test]
    fn durations_are_read_in_hours_and_days() {
        assert_eq!(duration(Amount::Exact(300.0)), "5 ساعات");
        assert_eq!(duration(Amount::About(2880.0)), "نحو يومين");
        assert_eq!(duration(Amount::Exact(45.0)), "45 دقيقة");
    }

    #[test]
    fn a_counted_thing_is_named_as_the_sentence_writes_it() {
        let a = Article::from_text(
            "a.txt".into(),
            "انفجرت ثلاث سيارات مفخخة قرب منزل المسؤول فجر الأحد.".into(),
        )
        .unwrap();
        let an = crate::analysis::analyze(std::slice::from_ref(&a));
        let u = &an.units[0];
        let count = u
            .reading
            .claims
            .iter()
            .find_map(|c| match &c.kind {
                ClaimKind::Count { role, .. } => Some(role.clone()),
                _ => None,
            })
            .expect("a count of cars");
        let name = measure_name(&Measure::Count(count), &[(u, &a)]);
        assert!(name.starts_with("عدد سيارات"), "{name}");
        assert!(!name.contains('ء'), "never the match key: {name}");
        assert_eq!(
            measure_name(&Measure::Count(Role::Killed), &[]),
            "حصيلة القتلى"
        );
    }
}
