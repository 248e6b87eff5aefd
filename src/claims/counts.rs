//! Counts by role: who or what a number counts, and how sure it is.
//!
//! In: a sentence's tokens, its [`Quantity`]s, the file's text and which
//! tokens frame the sentence. Out: [`Claim`]s of kind
//! [`ClaimKind::Count`].
//!
//! Rules:
//! - The role comes from the counted noun when it has one (30 قتيلا، 17
//!   جثة، 120 إصابة), but some of the victims (دفن السكان 9 من الضحايا)
//!   take the role of the words around them, or with none are a part of
//!   the victims (9 من المصابين في حالة حرجة), not their number; a unit makes the count a measure of its class,
//!   converted to the class's base (2 كيلومتر = 2000 متر).
//! - A noun that counts people without a role (شخص، مواطن، عامل, or a
//!   group after a number and من: 9 من قوات الأمن counts nine of its
//!   members), or no noun at all (بلغ 18), takes its role from the words around it, in
//!   this order: a role word just before the number (مقتل 5، أودت بحياة
//!   ألفي), first a role word just after the noun that agrees with it and
//!   is not a new clause or a relative one (14 شخصا حتفهم، أربعة أشخاص
//!   مفقودين; not وأصيب …, not 22 بحارا نجا معظمهم, not 20 ناشطا كانوا قد
//!   اعتقلوا), then a role word just before the number, then the nearest role word
//!   before it within [`ROLE_REACH`] tokens (عدد المفقودين … بلغ سبعة).
//!   With none, a counted noun is a thing of its own (35 راكبا) and a bare
//!   number says nothing.
//! - Looking back for a role stops at the complementiser of a saying clause
//!   (مقتل 7، وقالت إن أكثر من 200 كانوا على متنه), unless a toll's name
//!   follows it (وقال إن الحصيلة قد ترتفع إلى 20).
//! - A total of two roles (17 قتيلا وجريحا، بمقتل وإصابة 17، 45 ضحية بين
//!   قتيل وجريح) is neither role's count; some of any people's role (10 من
//!   الناجين في حالة حرجة) are a part of them unless a verb gives a role.
//! - Counts written without a number (zero by a denial, one by a
//!   singular, two by a dual) are read by [`super::small`]. A zero of a
//!   role the sentence also counts some of is of a part, and dropped.
//! - The modality of a count is the nearest modal word before it in its
//!   clause ([`super::Modality`]).

use super::lexicon::{Entry, lexicon};
use super::{Claim, ClaimKind, Modality, Role, break_before, keys::Keys};
use crate::text::numbers::{Amount, Quantity, QuantityKind};
use crate::text::tokenize::Token;

/// Tokens before a number within which a role word is looked for when
/// neither the noun nor the words next to it give one: "the number of the
/// missing in the landslide in the province … reached seven" puts about
/// eight words between them.
pub const ROLE_REACH: usize = 10;

/// Tokens after the counted noun within which a role word may stand (لا
/// يزال ثمانية في عداد المفقودين).
pub const ROLE_AFTER: usize = 3;

pub(crate) fn role_at(keys: &Keys, k: usize) -> Option<(Role, usize)> {
    keys.find(k, |e| match e {
        Entry::Role(r) => Some(r.clone()),
        _ => None,
    })
}

/// Endings of a role word that agrees with the plural noun before it: a
/// participle (مفقودين), a plural verb (أصيبوا) or a noun with the noun's
/// pronoun (حتفهم). A singular verb after the noun (22 بحارا نجا معظمهم,
/// most of whom survived) has another subject.
const AGREEING: &[&str] = &["ين", "ون", "وا", "هم", "هما", "هن", "ات", "ن"];

fn agrees(key: &str) -> bool {
    // أحياء (alive) is a broken plural.
    AGREEING.iter().any(|e| key.ends_with(e)) || key == "احياء"
}

/// Words that open a relative clause after a noun.
pub(super) const RELATIVE: &[&str] = &[
    "كانوا",
    "كان",
    "كانت",
    "الذين",
    "اللذين",
    "التي",
    "الذي",
    "اللواتي",
    "ممن",
];

fn has_conjunction(key: &str) -> bool {
    key.starts_with(['و', 'ف']) && key.chars().count() > 3
}

/// The role of a number at tokens `qi..qj` whose noun (if any) gave none.
pub(crate) fn role_from_context(
    tokens: &[Token],
    keys: &Keys,
    text: &str,
    frame: &[bool],
    (qi, qj): (usize, usize),
) -> Option<Role> {
    // Just after, in the same clause, agreeing with the noun (14 شخصا
    // حتفهم، 3500 شخص منازلهم); a relative clause (كانوا قد اعتقلوا)
    // describes the noun and ends the search.
    for k in qj..(qj + ROLE_AFTER).min(keys.len()) {
        if break_before(tokens, text, k) || RELATIVE.contains(&keys[k]) {
            break;
        }
        if let Some((r, n)) = role_at(keys, k) {
            if has_conjunction(keys[k]) || !agrees(keys[k + n - 1]) {
                break;
            }
            return Some(r);
        }
    }
    // A role word ending right before the number, or a verb that gives
    // its role only there (غرق 30 مهاجرا).
    for k in qi.saturating_sub(3)..qi {
        let next = keys.find(k, |e| match e {
            Entry::RoleNext(r) => Some(r.clone()),
            _ => None,
        });
        if let Some((r, n)) = role_at(keys, k).or(next)
            && k + n == qi
        {
            return Some(r);
        }
    }
    // The nearest before, in what is said: the complementiser of a
    // saying clause (وقالت إن أكثر من 200 كانوا على متنه) opens another
    // statement than the one before it (مقتل 7); that of a forecast (قتل
    // 20، ويتوقع أن ترتفع الحصيلة إلى 40) does not.
    // A toll's name after it (وقال مسؤول إن الحصيلة قد ترتفع إلى 20)
    // says the number is that toll: the search goes on past it.
    let lo = qi.saturating_sub(ROLE_REACH);
    let head = |k: usize| {
        keys.find(k, |e| (*e == Entry::CountHead).then_some(()))
            .is_some()
    };
    let lo = (lo..qi)
        .rev()
        .find(|&k| frame.get(k) == Some(&true) && super::frame::THAT.contains(&keys[k]))
        .filter(|&k| !(k + 1..qi).any(head))
        .map_or(lo, |k| k + 1);
    (lo..qi).rev().find_map(|k| {
        role_at(keys, k)
            .filter(|(_, n)| k + n <= qi)
            .map(|(r, _)| r)
    })
}

/// The modality of a claim starting at token `i`: the nearest modal word
/// before it in its clause.
pub fn modality_at(tokens: &[Token], keys: &Keys, text: &str, i: usize) -> Modality {
    let mut k = i;
    while k > 0 {
        if break_before(tokens, text, k) {
            break;
        }
        k -= 1;
        if let Some((m, n)) = keys.find(k, |e| match e {
            Entry::Modal(m) => Some(*m),
            _ => None,
        }) && k + n <= i
        {
            return m;
        }
    }
    Modality::Asserted
}

/// Tokens before a share's number within which «نسبة …» names what it is
/// a share of: the noun, its complement and the verb (نسبة الإقبال على
/// الاقتراع في الاستفتاء الدستوري وصلت إلى 47 %, eight tokens).
pub const SHARE_REACH: usize = 10;

/// A share's role: a share of what, when the sentence says (نسبة المشاركة
/// 58 %: turnout; بنسبة 56 % من الأصوات: of the votes), else a share of
/// the sentence's one measure. The number spans tokens `qi..qj`.
fn share(keys: &[&str], qi: usize, qj: usize) -> Role {
    // Nouns of one class are one share (المشاركة، الإقبال: turnout).
    let of = |w: &str| {
        let class = lexicon().find(&[w], |e| match e {
            Entry::ShareOf(c) => Some(*c),
            _ => None,
        });
        match class {
            Some((c, _)) => format!("share:{c}"),
            None => format!("share:{}", crate::text::stem::strip_article(w)),
        }
    };
    let ratio = |w: &str| matches!(w, "نسبه" | "ونسبه" | "بنسبه" | "معدل" | "ومعدل");
    for p in (qi.saturating_sub(SHARE_REACH)..qi).rev() {
        if ratio(keys[p])
            && let Some(next) = keys.get(p + 1)
            && next.starts_with("ال")
            && p + 1 < qi
        {
            return Role::Thing(of(next));
        }
    }
    if keys.get(qj) == Some(&"من")
        && let Some(next) = keys.get(qj + 1)
        && next.starts_with("ال")
    {
        return Role::Thing(of(next));
    }
    Role::Measure("share")
}

/// True when the words at `k` say "per hundred" (في المئة، بالمئة).
fn per_hundred(keys: &[&str], k: usize) -> bool {
    let hundred = |w: &str| matches!(w, "المءه" | "الماءه" | "المايه" | "الميه");
    match keys.get(k) {
        Some(&"في") => keys.get(k + 1).is_some_and(|w| hundred(w)),
        Some(w) => w.strip_prefix('ب').is_some_and(hundred),
        None => false,
    }
}

fn scale(a: Amount, f: f64) -> Amount {
    match a {
        Amount::Exact(v) => Amount::Exact(v * f),
        Amount::AtLeast(v) => Amount::AtLeast(v * f),
        Amount::MoreThan(v) => Amount::MoreThan(v * f),
        Amount::AtMost(v) => Amount::AtMost(v * f),
        Amount::LessThan(v) => Amount::LessThan(v * f),
        Amount::About(v) => Amount::About(v * f),
        Amount::Vague { min, max } => Amount::Vague {
            min: min * f,
            max: max.map(|m| m * f),
        },
    }
}

/// A noun's key for a thing counted: without the article and the
/// accusative's alif (راكبا = راكب), so that one thing is one measure.
fn thing(key: &str) -> String {
    let bare = crate::text::stem::strip_article(key);
    match bare.strip_suffix('ا') {
        Some(rest) if rest.chars().count() >= 3 => rest.to_string(),
        _ => bare.to_string(),
    }
}

/// The count claims of a sentence.
pub fn counts(
    tokens: &[Token],
    keys: &Keys,
    quantities: &[Quantity],
    text: &str,
    frame: &[bool],
) -> Vec<Claim> {
    let index = |pos: usize| tokens.iter().position(|t| t.start >= pos);
    let mut out = Vec::new();
    for q in quantities {
        let Some(qi) = index(q.start) else { continue };
        // A number hyphenated to a word is part of a name (كوفيد-19).
        let named = qi > 0 && text.get(tokens[qi - 1].end..tokens[qi].start) == Some("-");
        if frame.get(qi) == Some(&true) || named {
            continue;
        }
        let qj = tokens
            .iter()
            .position(|t| t.start >= q.end)
            .unwrap_or(tokens.len());
        // «بينهم» after a number opens its part (1832 بينهم 1220 في حالة
        // حرجة): it is not the thing counted.
        // Nor is a role's word joined by و (مقتل 5 وإصابة 12): a counted
        // noun follows its number bare, so that word opens the next count.
        let noun = q.noun.as_ref().and_then(|n| index(n.start)).filter(|&n| {
            keys.find(n, |e| (*e == Entry::Subset).then_some(()))
                .is_none()
                && !opens_next_role(keys, n)
        });
        if of_two_roles(keys, qi, noun, matches!(q.amount, Amount::Vague { .. })) {
            continue;
        }
        // عدد الضحايا is "the number of the victims", not "a number of".
        if matches!(q.amount, Amount::Vague { .. })
            && keys[qi].ends_with("عدد")
            && keys[qi].chars().count() <= 5
            && keys.get(qi + 1) != Some(&"من")
        {
            continue;
        }
        let role = match q.kind {
            QuantityKind::Ordinal | QuantityKind::Date { .. } | QuantityKind::Year => continue,
            QuantityKind::Percent => Some((share(keys, qi, qj), 1.0)),
            // 58 في المئة is a share, like 58 %.
            QuantityKind::Count
                if per_hundred(keys, qj) || noun.is_some_and(|n| per_hundred(keys, n)) =>
            {
                Some((share(keys, qi, qj + 2), 1.0))
            }
            QuantityKind::Count => {
                let entries = noun.map(|n| keys.at(n)).unwrap_or_default();
                let of_noun = entries.iter().find_map(|(e, _)| match e {
                    Entry::Role(r) => Some((r.clone(), 1.0)),
                    Entry::Unit(c, f) => Some((Role::Measure(c), *f)),
                    _ => None,
                });
                // A number of a group (9 من قوات الحرس) counts its members:
                // people, whose role comes from the words around them. Not
                // a vague amount (عدد من أفراد): with no number it was
                // measured to add a role feature that joins facts (seeds
                // link F1 0.882 -> 0.879).
                let member = of_noun.is_none()
                    && q.amount.is_numeric()
                    && noun.is_some_and(|n| n > 0 && keys[n - 1] == "من");
                let person = member || entries.iter().any(|(e, _)| **e == Entry::Person);
                // Some of the victims (9 من ضحايا), or of the survivors (10
                // من الناجين في حالة حرجة), take the role of the verb around
                // them (دفن: buried) when there is one.
                let partitive = noun.is_some_and(|n| n > 0 && keys[n - 1] == "من")
                    && matches!(of_noun, Some((ref r, _)) if !matches!(r, Role::Thing(_) | Role::Measure(_)));
                // With no such verb it is a part of them (9 من المصابين في
                // حالة حرجة), not their number.
                let of_noun = match partitive {
                    true => role_from_context(tokens, keys, text, frame, (qi, qj))
                        .map(|r| (r, 1.0))
                        .or_else(|| {
                            of_noun.map(|(r, f)| (Role::Thing(format!("part:{}", r.key())), f))
                        }),
                    false => of_noun,
                };
                of_noun
                    .or_else(|| match noun {
                        Some(_) if !person => None,
                        _ => {
                            role_from_context(tokens, keys, text, frame, (qi, qj)).map(|r| (r, 1.0))
                        }
                    })
                    .or_else(|| noun.map(|n| (Role::Thing(thing(keys[n])), 1.0)))
            }
        };
        let Some((role, factor)) = role else { continue };
        let modality = modality_at(tokens, keys, text, qi);
        out.push(Claim::new(
            ClaimKind::Count {
                role,
                amount: scale(q.amount, factor),
            },
            q.start,
            q.end,
            modality,
        ));
    }
    out.extend(super::small::small_counts(
        tokens, keys, quantities, text, frame,
    ));
    // A sentence counting some of a role and none of it tells the none of
    // a part (the babies were evacuated without injuries … and 123
    // injured): the zero is dropped.
    let counted: Vec<Role> = (out.iter())
        .filter_map(|c| match &c.kind {
            ClaimKind::Count { role, amount } if !amount.is_zero() => Some(role.clone()),
            _ => None,
        })
        .collect();
    out.retain(|c| {
        !matches!(&c.kind, ClaimKind::Count { role, amount } if amount.is_zero() && counted.contains(role))
    });
    out
}

/// True when token `k` is a conjunction before a role's word (وإصابة,
/// وجرح): the word without its و is a role's word of its own. A word whose
/// و is its own first letter (وفيات) is not: without it no role is left.
fn opens_next_role(keys: &Keys, k: usize) -> bool {
    keys.get(k)
        .filter(|w| has_conjunction(w))
        .and_then(|w| w.strip_prefix(['و', 'ف']))
        .is_some_and(|rest| role_at(&Keys::from_words(vec![rest]), 0).is_some())
}

/// True when a count is of two roles together: its noun joined to another
/// role's word (17 قتيلا وجريحا), or two roles' verbal nouns joined right
/// before it, both in construct with it (بمقتل وإصابة 17 شخصا; `role-event`
/// in `data/claims.txt`), or a noun then «بين» two roles (45 ضحية بين قتيل
/// وجريح). Such a total is neither role's count: read as one, it was set
/// against each role's own figure (17 killed against 14). A vague total
/// after «بين» (عشرات الضحايا بين قتيل وجريح) is kept: compatible with any
/// count, it still tells that the sentence gives the toll. A person's noun
/// there (سقوط قتيل وإصابة العشرات) is a count of its own.
fn of_two_roles(keys: &Keys, qi: usize, noun: Option<usize>, vague: bool) -> bool {
    let role = |k: usize| role_at(keys, k).filter(|(_, n)| *n == 1).map(|(r, _)| r);
    let pair = |first: usize| {
        keys.get(first + 1).is_some_and(|w| has_conjunction(w))
            && matches!((role(first), role(first + 1)), (Some(a), Some(b)) if a != b)
    };
    let event = |k: usize| {
        keys.find(k, |e| (*e == Entry::RoleEvent).then_some(()))
            .is_some()
    };
    // Between two roles (عشرات الضحايا بين قتيل وجريح): the total of both.
    let between = |n: usize| {
        let k = if keys.get(n + 1) == Some(&"ما") {
            n + 2
        } else {
            n + 1
        };
        !vague && keys.get(k) == Some(&"بين") && pair(k + 1)
    };
    noun.is_some_and(|n| pair(n) || between(n))
        || (qi >= 2 && event(qi - 2) && event(qi - 1) && pair(qi - 2))
}

/// Number words that read "one of" before a definite plural (إحدى
/// المريضات): the noun is a group, not the thing counted.
const ONE_OF: &[&str] = &["احدي", "احد", "واحدي", "واحد"];

/// True when a count is of part of another group, not of the event: "one
/// of the …" (إحدى المريضات), or a count followed by a word of `subset`
/// in `data/claims.txt` that ends its clause (حالة وفاة واحدة بينهم،
/// one death among them). When more follows the word, the count is the
/// whole and the rest its part (30 شخصا بينهم طفل: 30 is the toll), and
/// a count right after that word is the part (بينهم 12 طفلا).
pub fn is_subset(c: &Claim, tokens: &[Token], keys: &Keys, text: &str) -> bool {
    let ClaimKind::Count { role, .. } = &c.kind else {
        return false;
    };
    let first = tokens.iter().position(|t| t.start >= c.start);
    let after = tokens.iter().position(|t| t.start >= c.end);
    // "One of the patients" counts no patients; "one of the protesters"
    // after a verb of a role counts one of that role (راح ضحيتها أحد
    // المتظاهرين = one killed), which is kept.
    let one_of = matches!(role, Role::Thing(_))
        && first.is_some_and(|k| {
            ONE_OF.contains(&keys[k]) && keys.get(k + 1).is_some_and(|n| n.starts_with("ال"))
        });
    // A count right after «بينهم» is the part (بينهم 1220 في حالة حرجة).
    let part = first.is_some_and(|k| {
        (1..=2).any(|back| {
            k >= back
                && keys
                    .find(k - back, |e| (*e == Entry::Subset).then_some(()))
                    .is_some_and(|((), n)| n == back)
        })
    });
    let among = after.is_some_and(|k| {
        keys.find(k, |e| (*e == Entry::Subset).then_some(()))
            .is_some_and(|((), n)| k + n >= tokens.len() || break_before(tokens, text, k + n))
    });
    // A count of a generic noun alone (7 حالات) says nothing comparable.
    let generic = match role {
        Role::Thing(_) => first.is_some_and(|k| {
            tokens
                .iter()
                .enumerate()
                .skip(k)
                .take_while(|(_, t)| t.end <= c.end)
                .any(|(i, _)| {
                    keys.find(i, |e| (*e == Entry::Generic).then_some(()))
                        .is_some()
                })
        }),
        _ => false,
    };
    one_of || part || among || generic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numbers::quantities;
    use crate::text::tokenize::tokenize;

    fn counted(s: &str) -> Vec<(String, Amount, Modality)> {
        let t = tokenize(s, 0);
        let q = quantities(&t, s, &|_| false);
        let keys = Keys::of(&t);
        let (frame, _) = super::super::frame::frame(&t, &keys, s);
        counts(&t, &keys, &q, s, &frame)
            .into_iter()
            .filter_map(|c| match c.kind {
                ClaimKind::Count { role, amount } => Some((role.key(), amount, c.modality)),
                _ => None,
            })
            .collect()
    }

    fn roles(s: &str) -> Vec<String> {
        counted(s).into_iter().map(|(r, _, _)| r).collect()
    }

    #[test]
    fn some_of_the_survivors_are_a_part_and_a_number_said_after_inna_takes_no_role() {
        // «8 من الناجين في حالة حرجة» is part of the survivors, not their
        // number.
        assert_eq!(
            roles("وقال المستشفى إن 8 من الناجين في حالة حرجة."),
            ["thing:part:rescued"]
        );
        // A number after «إن» is of what is said there, not of the toll
        // before it.
        assert_eq!(
            roles("قتل 5 أشخاص في الحريق، وقالت الشرطة إن 150 كانوا في القاعة."),
            ["killed"]
        );
    }

    #[test]
    fn bodies_are_the_dead_and_a_total_between_two_roles_is_neither() {
        assert_eq!(
            counted("انتشلت فرق الإنقاذ 11 جثمانا من تحت الأنقاض."),
            [(
                "killed".to_string(),
                Amount::Exact(11.0),
                Modality::Asserted
            )]
        );
        assert!(roles("خلف الانفجار 45 ضحية بين قتيل وجريح.").is_empty());
        // A vague total compatible with any count is kept.
        assert_eq!(
            roles("خلف الانفجار عشرات الضحايا بين قتيل وجريح."),
            ["killed"]
        );
    }

    #[test]
    fn the_noun_gives_the_role() {
        assert_eq!(
            roles("خلفت العاصفة 8 قتلى و40 جريحا."),
            ["killed", "injured"]
        );
        assert_eq!(roles("انتشلت الفرق 11 جثة من النهر."), ["killed"]);
    }

    #[test]
    fn people_take_the_role_of_the_words_around_them() {
        assert_eq!(roles("لقي 6 أشخاص حتفهم في الحريق."), ["killed"]);
        assert_eq!(roles("قتل 4 مدنيين وأصيب 15 آخرون."), ["killed", "injured"]);
        assert_eq!(
            roles("أسفر الانفجار عن مقتل سبعة أشخاص وإصابة 22."),
            ["killed", "injured"]
        );
        assert_eq!(roles("ولا يزال ثلاثة صيادين في عداد المفقودين."), ["missing"]);
        // Most of the crew survived: the crew is not the rescued.
        assert_eq!(
            roles("ويضم طاقم السفينة 16 بحارا نجا معظمهم."),
            ["thing:بحار"]
        );
        assert_eq!(roles("أنقذ خفر السواحل 60 مهاجرا."), ["rescued"]);
    }

    #[test]
    fn a_relative_clause_or_a_partitive_does_not_give_the_role() {
        assert_eq!(
            roles("أطلقت الشرطة سراح 15 طالبا كانوا قد اعتقلوا أمس."),
            ["released"]
        );
        assert_eq!(roles("شيع الأهالي 5 من ضحايا الحريق."), ["buried"]);
        // Members of a group take the role around them.
        assert_eq!(roles("أسفر الكمين عن مقتل 7 من عناصر الدورية."), ["killed"]);
        assert_eq!(
            roles("وقال الطبيب إن 4 من الجرحى في حالة خطرة."),
            ["thing:part:injured"]
        );
        assert_eq!(roles("فقد 900 شخص منازلهم في الإعصار."), ["displaced"]);
    }

    #[test]
    fn a_number_after_its_noun() {
        assert_eq!(
            roles("وقالت الوزارة إن عدد الجرحى في المدينة بلغ 64."),
            ["injured"]
        );
    }

    #[test]
    fn units_are_converted() {
        let c = counted("امتد الحريق على مسافة 3 كيلومترات.");
        assert_eq!(c[0].0, "measure:distance");
        assert_eq!(c[0].1, Amount::Exact(3000.0));
        let c = counted("صادرت الشرطة طنين من الحشيش.");
        assert_eq!(
            c[0],
            (
                "measure:mass".into(),
                Amount::Exact(2000.0),
                Modality::Asserted
            )
        );
    }

    #[test]
    fn forecasts_are_not_counts() {
        let c = counted("وحذر المسؤول من أن عدد القتلى قد يرتفع إلى 50.");
        assert_eq!(c[0].2, Modality::Forecast);
        let c = counted("قتل 20 شخصا، ويتوقع أن ترتفع الحصيلة إلى 40.");
        assert_eq!((c[0].2, c[1].2), (Modality::Asserted, Modality::Forecast));
    }

    #[test]
    fn a_denied_role_counts_zero() {
        let c = counted("لم يسفر الانهيار عن إصابات.");
        assert_eq!(
            c,
            [("injured".into(), Amount::Exact(0.0), Modality::Asserted)]
        );
        assert!(counted("لا توجد إحصاءات دقيقة لعدد الضحايا.").is_empty());
        // "Without the fall of victims": no one killed.
        assert_eq!(
            counted("انهار جسر المشاة دون سقوط ضحايا."),
            [("killed".into(), Amount::Exact(0.0), Modality::Asserted)]
        );
    }

    #[test]
    fn without_a_role_noun_counts_zero_of_a_part_dropped() {
        let zero = |r: &str| (r.to_string(), Amount::Exact(0.0), Modality::Asserted);
        assert_eq!(counted("عبرت القافلة الجسر دون إصابات."), [zero("injured")]);
        assert_eq!(counted("لا قتلى في انهيار المنجم."), [zero("killed")]);
        // Occurring between the denial and the role: no one killed.
        assert_eq!(
            counted("لم يسفر انهيار المنجم عن سقوط قتلى."),
            [zero("killed")]
        );
        // Not before a number (below) or a verb.
        assert!(
            !counted("أغلق السهم دون 30 دينارا.")
                .iter()
                .any(|c| c.1.is_zero())
        );
        assert!(counted("السم لا يقتل الطيور.").is_empty());
        // Some of a role and none of it: the none is of a part.
        let c = counted("نقل التلاميذ دون إصابات، وأصيب 4 أشخاص من المارة.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, Amount::Exact(4.0));
    }

    #[test]
    fn an_indefinite_plural_of_a_role_counts_some() {
        let some = Amount::Vague {
            min: 2.0,
            max: None,
        };
        let c = counted("جرحى في تصادم حافلتين على طريق الساحل.");
        assert_eq!(c, [("injured".into(), some, Modality::Asserted)]);
        let c = counted("أسفر التصادم عن سقوط قتلى وجرحى.");
        assert_eq!(c.len(), 2, "{c:?}");
        // In construct it names people, not a toll; inside a clause it
        // is no count either.
        assert!(counted("ضحايا الفيضان يطالبون بالتعويض.").is_empty());
        assert!(counted("زار الوزير الجرحى في المستشفى.").is_empty());
    }

    #[test]
    fn dead_and_wounded_after_bayna_count_no_one() {
        // 300 fell "between dead and wounded": no count of one killed.
        let c = counted("سقط 300 بين قتيل وجريح في قصف السوق.");
        assert!(!c.iter().any(|(_, a, _)| *a == Amount::Exact(1.0)), "{c:?}");
    }

    #[test]
    fn an_indefinite_singular_counts_one() {
        let c = counted("وأدت المواجهات إلى سقوط قتيل.");
        assert_eq!(
            c,
            [("killed".into(), Amount::Exact(1.0), Modality::Asserted)]
        );
        let c = counted("أصيب شرطي في الاشتباك.");
        assert_eq!(
            c,
            [("injured".into(), Amount::Exact(1.0), Modality::Asserted)]
        );
        // The definite one refers back; a plural is not one.
        assert!(counted("وأصيب الشرطي في الاشتباك.").is_empty());
        assert!(counted("أصيب شرطيون في الاشتباك.").is_empty());
        assert!(counted("تصرف الوزارة تعويضا لكل مصاب.").is_empty());
    }

    #[test]
    fn people_in_the_dual_count_two() {
        let c = counted("وأصيب طفلان بجروح طفيفة.");
        assert_eq!(
            c,
            [("injured".into(), Amount::Exact(2.0), Modality::Asserted)]
        );
        let c = counted("وقتل جنديان على الأقل.");
        assert_eq!(
            c,
            [("killed".into(), Amount::AtLeast(2.0), Modality::Asserted)]
        );
    }

    #[test]
    fn per_hundred_is_a_share() {
        assert_eq!(
            roles("بلغت نسبة البطالة 12 في المئة."),
            ["thing:share:بطاله"]
        );
        assert_eq!(
            roles("فاز الحزب بنسبة 40 % من المقاعد."),
            ["thing:share:مقاعد"]
        );
        assert_eq!(roles("تراجع الإنتاج 7 بالمئة."), ["measure:share"]);
    }

    #[test]
    fn a_number_in_a_name_counts_nothing() {
        assert!(counted("ارتفع عدد المصابين بكوفيد-19 في المدينة.").is_empty());
    }

    #[test]
    fn a_thing_keeps_its_noun() {
        assert_eq!(roles("نشرت الشركة 12 حافلة."), ["thing:حافله"]);
    }
}
