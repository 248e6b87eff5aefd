//! Causes, agents, instruments, places, holders and denied clauses.
//!
//! In: a sentence's tokens and which of them frame it. Out: [`Claim`]s of
//! kind [`ClaimKind::Slot`], [`ClaimKind::Place`] and [`ClaimKind::Holder`],
//! and the [`Denial`]s of the sentence.
//!
//! Rules:
//! - A slot word (`slot` in `data/claims.txt`) fills its slot with its
//!   class; with a negator just before it (ليس، لا، لم، غير، بدون) the class is
//!   denied, not stated (ليس سوء الأحوال الجوية).
//! - A place is a head noun in the construct state (مدينة، مطار، ولاية;
//!   not المدينة, which adjectives follow) and the one to three name words
//!   after it, up to a stop word, a direction (غرب، قرب), another head or a
//!   break. A single nisba word (حي سكني، سوق شعبي) describes, it does not
//!   name. A holder is the same after an organisation's head (حزب، شركة).
//! - A cause within [`HINDRANCE_REACH`] tokens after a word of difficulty
//!   (صعوبة الوصول إلى المفقودين بسبب سوء الأحوال الجوية) is the
//!   difficulty's cause, not the event's: it is not a claim.
//! - A verb of denial (نفى، نفت …) followed within [`DENIAL_THAT`] tokens by
//!   أن / إن denies the clause after it, to the next break.
//! - A place's name after its head ends at a break, a quotation mark that
//!   closes a quoted name (منطقة «هويد» الصحراوية), a direction, alone or
//!   after «و» (مدينة هيا وجنوبي الولاية), or a title.
//! - Nothing in the sentence's frame is a claim.

use super::lexicon::Entry;
use super::{Claim, ClaimKind, Denial, Modality, SlotKind, keys::Keys};
use crate::text::stopwords::is_stopword;
use crate::text::tokenize::{Token, TokenKind};

/// Negators that deny the slot word right after them; so do the words of
/// «without» ([`super::small::WITHOUT`]: بدون غارات جوية, no airstrikes).
const NEGATORS: &[&str] = &[
    "ليس",
    "ليست",
    "لا",
    "لم",
    "غير",
    "وليس",
    "وليست",
    "ولا",
    "ولم",
    "وغير",
];

/// Words that end a place's name: directions and nearness.
const DIRECTIONS: &[&str] = &[
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "قرب",
    "قبالة",
    "قباله",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "شمالي",
    "بالقرب",
    "داخل",
    "خارج",
    "ضواحي",
    "اطراف",
];

/// Tokens before a cause within which a word of difficulty makes it the
/// difficulty's cause.
pub const HINDRANCE_REACH: usize = 6;

/// Longest name after a head.
pub const NAME_WORDS: usize = 3;

/// Tokens after a verb of denial within which its أن is looked for.
pub const DENIAL_THAT: usize = 6;

/// The cause, agent and instrument claims of a sentence.
pub fn slots(tokens: &[Token], keys: &Keys, frame: &[bool]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let found = keys.find(k, |e| match e {
            Entry::Slot(kind, class) => Some((*kind, *class)),
            _ => None,
        });
        let Some(((kind, class), n)) = found.filter(|_| !frame[k]) else {
            k += 1;
            continue;
        };
        // The cause of a difficulty (صعوبة الوصول … بسبب سوء الأحوال
        // الجوية) is not the event's; nor is a cause's word after «ل»
        // (مصنع للمواد الكيميائية، مستودع للألعاب النارية) with no word of
        // causing before it: it says what a place is for. After one (نجم
        // عن اشتعال مخزن للألعاب النارية) it is what set the event off.
        let said_cause = || {
            (0..k).any(|j| {
                keys.find(j, |e| (*e == Entry::CauseWord).then_some(()))
                    .is_some()
            })
        };
        if kind == SlotKind::Cause
            && ((keys[k].starts_with('ل') && !said_cause())
                || (k.saturating_sub(HINDRANCE_REACH)..k).any(|j| {
                    keys.find(j, |e| (*e == Entry::Hindrance).then_some(()))
                        .is_some()
                }))
        {
            k += n;
            continue;
        }
        let negated = (k.saturating_sub(2)..k)
            .any(|j| NEGATORS.contains(&keys[j]) || super::small::WITHOUT.contains(&keys[j]));
        let modality = if negated {
            Modality::Denied
        } else {
            Modality::Asserted
        };
        // One class said twice in a row (قذيفة هاون) is one claim.
        if let Some(last) = out.last_mut()
            && last.kind == (ClaimKind::Slot { kind, class })
            && k > 0
            && tokens[k - 1].end == last.end
        {
            last.end = tokens[k + n - 1].end;
            k += n;
            continue;
        }
        out.push(Claim::new(
            ClaimKind::Slot { kind, class },
            tokens[k].start,
            tokens[k + n - 1].end,
            modality,
        ));
        k += n;
    }
    out
}

pub(super) fn is_head(keys: &Keys, k: usize) -> Option<bool> {
    keys.find(k, |e| match e {
        Entry::PlaceHead => Some(true),
        Entry::HolderHead => Some(false),
        _ => None,
    })
    .map(|(p, _)| p)
}

/// Quotation marks: a quoted name ends at the closing one.
const QUOTES: &[char] = &['«', '»', '“', '”', '"', '\'', '‘', '’'];

/// True when a word can be part of a name.
/// A head word with the article may itself be the name (مقاطعة الميناء)
/// when it is the `first` word after the head.
fn name_word(tokens: &[Token], keys: &Keys, k: usize, first: bool) -> bool {
    let key = keys[k];
    // A preposition on a definite word opens another phrase (عرفات
    // بالعاصمة).
    let phrase = ["بال", "لل", "كال", "وبال", "ولل"]
        .iter()
        .any(|p| key.starts_with(p));
    tokens[k].kind == TokenKind::Word
        && !phrase
        && key.chars().count() >= 2
        && !is_stopword(key)
        && !DIRECTIONS.contains(&key)
        && !key
            .strip_prefix('و')
            .is_some_and(|k| DIRECTIONS.contains(&k))
        && match is_head(keys, k) {
            // A head word with the article may itself be the name.
            Some(_) => first && key.starts_with("ال"),
            // A title ends a name (منطقة جازان | الرائد …), except as its
            // first word (مطار الملك خالد).
            None => keys.at(k).iter().all(|(e, _)| first && **e == Entry::Title),
        }
}

/// The places and holders of a sentence.
pub fn places(tokens: &[Token], keys: &Keys, text: &str, frame: &[bool]) -> Vec<Claim> {
    let mut out = Vec::new();
    for k in 0..tokens.len() {
        if frame[k] {
            continue;
        }
        let Some(place) = is_head(keys, k) else {
            continue;
        };
        // A head with the article is followed by adjectives, not a name.
        if super::lexicon::variants(keys[k])
            .iter()
            .any(|v| v.starts_with("ال") || v.starts_with("لل"))
        {
            continue;
        }
        let mut end = k + 1;
        // A quoted name ends at its quote (منطقة «هويد» الصحراوية).
        let quote = |end: usize| {
            end > k + 1
                && text
                    .get(tokens[end - 1].end..tokens[end].start)
                    .is_some_and(|gap| gap.contains(QUOTES))
        };
        while end < tokens.len()
            && end < k + 1 + NAME_WORDS
            && name_word(tokens, keys, end, end == k + 1)
            && !super::break_before(tokens, text, end)
            && !quote(end)
        {
            end += 1;
        }
        if end == k + 1 {
            continue;
        }
        let name: Vec<String> = keys[k + 1..end].iter().map(|s| s.to_string()).collect();
        // Indefinite nisba words describe (حي سكني، ولاية رئاسية ثانية, a
        // second presidential term); they do not name (غازي عنتاب does).
        let describes =
            |w: &String| !w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه"));
        let nisba = name.iter().all(describes);
        if nisba {
            continue;
        }
        let head = super::lexicon::variants(keys[k])
            .last()
            .copied()
            .unwrap_or(keys[k])
            .to_string();
        let kind = if place {
            ClaimKind::Place { head, name }
        } else {
            ClaimKind::Holder { head, name }
        };
        out.push(Claim::new(
            kind,
            tokens[k].start,
            tokens[end - 1].end,
            Modality::Asserted,
        ));
    }
    out
}

/// Complementisers after a verb of denial.
const THAT: &[&str] = &["ان", "بان", "انه", "انها"];

/// Verbs of denial.
const DENY: &[&str] = &["نفي", "نفت", "ينفي", "تنفي", "نفوا", "ونفي", "ونفت"];

/// The clauses a sentence denies.
pub fn denials(keys: &Keys) -> Vec<Denial> {
    let mut out = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        if !DENY.contains(key) {
            continue;
        }
        let Some(that) =
            (k + 1..(k + 1 + DENIAL_THAT).min(keys.len())).find(|&j| THAT.contains(&keys[j]))
        else {
            continue;
        };
        out.push(Denial {
            word: k,
            clause: that + 1..keys.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn slot_classes(s: &str) -> Vec<(&'static str, Modality)> {
        let t = tokenize(s, 0);
        slots(&t, &Keys::of(&t), &vec![false; t.len()])
            .into_iter()
            .filter_map(|c| match c.kind {
                ClaimKind::Slot { class, .. } => Some((class, c.modality)),
                _ => None,
            })
            .collect()
    }

    fn names(s: &str) -> Vec<String> {
        let t = tokenize(s, 0);
        places(&t, &Keys::of(&t), s, &vec![false; t.len()])
            .into_iter()
            .filter_map(|c| match c.kind {
                ClaimKind::Place { name, .. } | ClaimKind::Holder { name, .. } => {
                    Some(name.join(" "))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn what_a_place_is_for_is_not_a_cause() {
        assert!(slot_classes("وقع انفجار في مستودع للألعاب النارية شمال المدينة.").is_empty());
        assert!(slot_classes("اندلع حريق في مصنع للمواد الكيميائية فجر اليوم.").is_empty());
        // The same words as what set it off stay a cause.
        assert_eq!(
            slot_classes("وقع الانفجار بسبب الألعاب النارية المخزنة في المستودع."),
            [("fireworks", Modality::Asserted)]
        );
        assert_eq!(
            slot_classes("نجم الحريق عن اشتعال مستودع للألعاب النارية."),
            [("fireworks", Modality::Asserted)]
        );
    }

    #[test]
    fn slot_words_and_their_negation() {
        assert_eq!(
            slot_classes("سقطت قذيفة هاون على المدرسة."),
            [("missile", Modality::Asserted)]
        );
        assert_eq!(
            slot_classes("ورجح أن يكون ماس كهربائي وراء الحريق."),
            [("electrical", Modality::Asserted)]
        );
        assert_eq!(
            slot_classes("وأكد أن السبب ليس الأحوال الجوية."),
            [("weather", Modality::Denied)]
        );
        assert_eq!(
            slot_classes("مرت ليلة الحدود بدون غارات."),
            [("airstrike", Modality::Denied)]
        );
        let t = tokenize("فجر انتحاري حزامه الناسف.", 0);
        let kinds: Vec<SlotKind> = slots(&t, &Keys::of(&t), &[false; 4])
            .iter()
            .filter_map(|c| match c.kind {
                ClaimKind::Slot { kind, .. } => Some(kind),
                _ => None,
            })
            .collect();
        assert_eq!(kinds, [SlotKind::Agent, SlotKind::Instrument]);
    }

    #[test]
    fn a_booby_trapped_drone_is_one_instrument() {
        // «مفخخة» after a drone describes it; alone it is a car bomb.
        assert_eq!(
            slot_classes("أسقطت الدفاعات طائرتين مسيرتين ثم طائرات مسيرة مفخخة."),
            [("drone", Modality::Asserted)]
        );
        assert_eq!(
            slot_classes("انفجرت مفخخة قرب السوق."),
            [("car-bomb", Modality::Asserted)]
        );
    }

    #[test]
    fn the_cause_of_a_difficulty_is_not_the_events() {
        assert!(slot_classes("وتأخرت عمليات البحث بسبب الرياح القوية.").is_empty());
        assert_eq!(
            slot_classes("وغرق القارب بسبب الرياح القوية."),
            [("weather", Modality::Asserted)]
        );
    }

    #[test]
    fn places_after_a_head_in_construct() {
        assert_eq!(names("غرق مركب قبالة مدينة طبرق شرق البلاد."), ["طبرق"]);
        assert_eq!(names("تظاهر المئات في حي النصر بالعاصمة."), ["النصر"]);
        assert_eq!(
            names("أقلعت الطائرة من مطار الملك خالد الدولي أمس."),
            ["الملك خالد الدولي"]
        );
        // The article on the head, or a descriptive nisba, names nothing.
        assert!(names("وصل الوفد إلى المدينة القديمة.").is_empty());
        assert!(names("اندلع حريق في سوق شعبي.").is_empty());
        assert_eq!(names("وقع الزلزال قرب مدينة بني ملال."), ["بني ملال"]);
        // A quoted name ends at its quote; «و» and a direction open
        // another place.
        assert_eq!(
            names("انهار منجم في منطقة «وادي العشار» الصحراوية."),
            ["وادي العشار"]
        );
        assert_eq!(names("يقع المنجم قرب مدينة دنقلا وشمالي الولاية."), ["دنقلا"]);
    }

    #[test]
    fn a_denial_covers_its_clause() {
        let t = tokenize("نفت الشركة أن يكون المصنع أغلق أبوابه.", 0);
        let d = denials(&Keys::of(&t));
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].clause.start].key, "يكون");
    }
}
