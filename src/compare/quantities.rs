//! Counts and dates of two linked units, set against each other.
//!
//! In: two units and their files' texts. Out: [`Difference`]s: a plural
//! count against an indefinite singular, and dates of one event. The rules
//! are in the parent module's documentation.

use super::{Difference, DifferenceKind};
use crate::align::Unit;
use crate::text::normalize::fold_char;
use crate::text::numbers::{Amount, Quantity, QuantityKind};
use crate::text::stem::PRONOUN_SUFFIXES;

/// Keys a noun token matches by: its stem and its synonym group.
fn noun_keys(u: &Unit, token: usize) -> (&str, Option<u32>) {
    (&u.stems[token], u.group_of(token))
}

fn same_noun(a: &(&str, Option<u32>), b: &(&str, Option<u32>)) -> bool {
    a.0 == b.0 || (a.1.is_some() && a.1 == b.1)
}

fn token_at(u: &Unit, start: usize) -> Option<usize> {
    u.tokens.iter().position(|t| t.start == start)
}

/// A count of a unit, with the token of the noun it counts and that noun's
/// keys.
struct Count<'u> {
    q: &'u Quantity,
    noun: usize,
    keys: (&'u str, Option<u32>),
}

fn counts(u: &Unit) -> Vec<Count<'_>> {
    u.quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Count)
        .filter_map(|q| {
            let noun = token_at(u, q.noun.as_ref()?.start)?;
            Some(Count {
                q,
                noun,
                keys: noun_keys(u, noun),
            })
        })
        .collect()
}

/// Counts whose noun is plural or dual in form (2 to 10, and duals): from 11
/// on Arabic counts with a singular noun (125 شخصا), so a singular elsewhere
/// says nothing about the number.
const PLURAL_COUNT: std::ops::RangeInclusive<f64> = 2.0..=10.0;

/// True when the amount is numeric and its least value is a plural count.
fn plural_count(a: Amount) -> bool {
    a.is_numeric() && PLURAL_COUNT.contains(&a.interval().0)
}

/// An indefinite singular mention in `u` of a noun with stem `stem` (`counted`
/// is the noun's bare form on the counting side): a token with the same stem,
/// not itself counted, not the counted form itself (a broken plural such as
/// أفراد), not plural, dual or a nisba adjective in form (شخصي beside شخص),
/// without the article (الطائرة refers back to a drone already told of) or
/// an attached pronoun (طائرته, مسؤوليتها: one's own, also definite), and
/// not followed by an ordinal (طائرة ثالثة). `text` is the file of `u`.
///
/// None when the sentence itself tells of several: a plural or dual of the
/// noun besides the singular (تصادم قطارين … قطار مكيف), or two singular
/// mentions (اصطدام قطار بقطار, a train with a train): each singular there
/// is one of them, not the whole number.
fn singular_mention(u: &Unit, text: &str, stem: &str, counted: &str) -> Option<usize> {
    let mut singles =
        (0..u.tokens.len()).filter(|&k| indefinite_singular(u, text, stem, counted, k));
    let first = singles.next()?;
    let several = singles.next().is_some()
        || (0..u.tokens.len())
            .any(|k| u.stems[k] == stem && (u.bare[k] == counted || plural_form(&u.bare[k])));
    (!several).then_some(first)
}

/// True when a bare word ends as a sound plural or a dual does.
fn plural_form(bare: &str) -> bool {
    ["ات", "ون", "ين", "ان"].iter().any(|s| bare.ends_with(s))
}

/// True when token `k` of `u` is an indefinite singular mention of the
/// noun (the rules of [`singular_mention`]).
fn indefinite_singular(u: &Unit, text: &str, stem: &str, counted: &str, k: usize) -> bool {
    let bare = u.bare[k].as_str();
    // The cheap test first: most tokens are another word.
    if u.stems[k] != stem || bare == counted {
        return false;
    }
    // The singular of a sound feminine plural: مروحيات → مروحيه.
    let singular = counted.strip_suffix("ات").map(|s| format!("{s}ه"));
    let counted_nisba = counted.ends_with('ي') || counted.ends_with("يه");
    let inside = u.in_quantity(k);
    let plural = plural_form(bare);
    let nisba = (bare.ends_with('ي') || bare.ends_with("يه"))
        && singular.as_deref() != Some(bare)
        && !counted_nisba;
    let definite = crate::text::stem::strip_article(&u.tokens[k].key).len()
        != u.tokens[k].key.len()
        || has_pronoun(&text[u.tokens[k].start..u.tokens[k].end]);
    let ordinal_next = u.quantities.iter().any(|q| {
        q.kind == QuantityKind::Ordinal && u.tokens.get(k + 1).is_some_and(|t| t.start == q.start)
    });
    // A noun in construct with a definite one is definite (مرشح الحزب
    // الحاكم, the ruling party's candidate); one after a bound word is a
    // bound, not one (أقل من ساعة).
    let construct = u
        .tokens
        .get(k + 1)
        .is_some_and(|t| t.key.starts_with("ال") && t.key.chars().count() > 3);
    let bounded =
        k > 0 && ["من", "اقل", "اكثر", "نحو", "حوالي"].contains(&u.tokens[k - 1].key.as_str());
    !(inside || plural || nisba || definite || ordinal_next || construct || bounded)
}

/// A plural count against an indefinite singular of the same noun on the
/// other side (three drones versus a drone attacked).
pub fn singular_differences(a: &Unit, b: &Unit, text_a: &str, text_b: &str) -> Vec<Difference> {
    let mut out = Vec::new();
    // A plural count against an indefinite singular on the other side.
    for (this, other, text_this, text_other, swap) in
        [(a, b, text_a, text_b, false), (b, a, text_b, text_a, true)]
    {
        let plural_here = |q: &Quantity| q.kind == QuantityKind::Count && plural_count(q.amount);
        if !this.quantities.iter().any(plural_here) {
            continue;
        }
        let plural: Vec<Count> = counts(this)
            .into_iter()
            .filter(|c| plural_count(c.q.amount))
            .collect();
        let other_counts = counts(other);
        for c in plural {
            // A role (9 قتلى) is the count detector's: its singular is a
            // verb (وقتل) as often as a noun.
            if other_counts.iter().any(|o| same_noun(&o.keys, &c.keys)) {
                continue;
            }
            let role = crate::claims::lexicon::lexicon()
                .find(&[this.tokens[c.noun].key.as_str()], |e| match e {
                    crate::claims::lexicon::Entry::Role(_) => Some(()),
                    _ => None,
                })
                .is_some();
            if role {
                continue;
            }
            let Some(k) = singular_mention(other, text_other, c.keys.0, &this.bare[c.noun]) else {
                continue;
            };
            let t = &other.tokens[k];
            let counted = (text_this, (c.q.start, c.q.end));
            let single = (text_other, (t.start, t.end));
            let note = format!(
                "{} versus one ({}, singular): the counts cannot both be true",
                c.q.amount,
                &text_other[t.start..t.end]
            );
            out.push(if swap {
                Difference::quoting(DifferenceKind::Singular, single, counted, note)
            } else {
                Difference::quoting(DifferenceKind::Singular, counted, single, note)
            });
        }
    }
    out
}

/// True when a word as written ends in an attached pronoun
/// ([`PRONOUN_SUFFIXES`]; a ه there is not a ta marbuta, since the file still
/// tells ه from ة). Diacritics and tatweel are looked through. A radical ه
/// (وجه) is taken for a pronoun too, which only keeps such a word from
/// counting as "one"; نا is left out, being also the end of an indefinite
/// accusative (مواطنا, a citizen).
fn has_pronoun(surface: &str) -> bool {
    let w: String = surface
        .chars()
        .filter(|&c| c.is_alphabetic() && fold_char(c).is_some())
        .collect();
    w.chars().count() > 3
        && PRONOUN_SUFFIXES
            .iter()
            .any(|p| *p != "نا" && w.ends_with(p))
}

/// The stem of the content word just before a quantity (skipping في، من).
fn stem_before<'u>(u: &'u Unit, q: &Quantity) -> Option<&'u str> {
    let i = token_at(u, q.start)?;
    (0..i)
        .rev()
        .find(|&k| u.is_content(k))
        .map(|k| u.stems[k].as_str())
}

pub fn date_differences(a: &Unit, b: &Unit, text_a: &str, text_b: &str) -> Vec<Difference> {
    let mut out = Vec::new();
    for qa in &a.quantities {
        let QuantityKind::Date {
            day: Some(da),
            month: ma,
            ..
        } = qa.kind
        else {
            continue;
        };
        for qb in &b.quantities {
            let QuantityKind::Date {
                day: Some(db),
                month: mb,
                ..
            } = qb.kind
            else {
                continue;
            };
            let same_event =
                stem_before(a, qa).is_some() && stem_before(a, qa) == stem_before(b, qb);
            if same_event && (da, ma) != (db, mb) {
                out.push(Difference::quoting(
                    DifferenceKind::Date,
                    (text_a, (qa.start, qa.end)),
                    (text_b, (qb.start, qb.end)),
                    format!(
                        "day {da} of month {ma} versus day {db} of month {mb}: the dates differ"
                    ),
                ));
            }
        }
    }
    out
}
