//! Counts of one role, set against each other.
//!
//! In: two units (with their claims) and their files' texts. Out:
//! [`Difference`]s of kind `Number` (the amounts cannot both hold),
//! `Specificity` (one side vague or bounded) or `Forecast` (a forecast
//! beside a count).
//!
//! Rules:
//! - Counts are compared per role, never per noun: 14 who "met their
//!   death" and 17 "deaths" are one toll; 12 killed and 12 injured are
//!   two. A thing counted (seats, engines) matches by stem or synonym.
//! - A forecast is compared only with a forecast (two outlooks of one
//!   fund); beside a count it is a difference of detail. An earlier figure
//!   (في وقت سابق) is a figure of the toll like any other: a rising toll
//!   contradicts, as the convention has it.
//! - A sentence giving two amounts of one role is giving two measures (per
//!   family and per injured): those are not set against a third.
//! - A sentence that gives a role's current figure and its earlier one
//!   (19 dead, down from an earlier 32) states the current one: its earlier
//!   figure is history it reports, not set against the other side.
//! - A count of people who are some of the victims (five children: `part`
//!   in `data/claims.txt`; or people of an origin, a noun then a plural
//!   nisba: ثلاثة عمال سوريون) is part of its role's toll: beside the toll
//!   it says only that the toll is at least as large, and it is set against
//!   the same group alone, never against another (five children and seven
//!   women are two parts). Workers alone are the victims of a factory
//!   fire, not a part of them.
//! - Two headlines are not compared with each other.
//! - Amounts follow [`Amount::compatible`]: ±10 % for "about", bounds
//!   open-ended, vague amounts compatible with any count.

use super::{Difference, DifferenceKind};
use crate::align::Unit;
use crate::claims::{Claim, ClaimKind, Modality, Role};
use crate::text::numbers::Amount;

fn counts(u: &Unit) -> impl Iterator<Item = (&Claim, &Role, Amount)> {
    u.reading.claims.iter().filter_map(|c| match &c.kind {
        ClaimKind::Count { role, amount } => Some((c, role, *amount)),
        _ => None,
    })
}

/// True when `c` is an earlier figure of a role that `u` also gives now.
fn superseded(u: &Unit, c: (&Claim, &Role)) -> bool {
    c.0.modality == Modality::Earlier
        && counts(u).any(|(d, r, _)| {
            d.modality == Modality::Asserted && same_role((u, d, r), (u, c.0, c.1))
        })
}

/// The stem (and synonym group) of the token at `start` in `u`.
fn thing_keys(u: &Unit, start: usize, end: usize) -> Vec<(String, Option<u32>)> {
    (0..u.tokens.len())
        .filter(|&k| u.tokens[k].start >= start && u.tokens[k].end <= end)
        .filter_map(|k| Some((u.stems.get(k)?.clone(), u.group_of(k))))
        .collect()
}

fn same_role(a: (&Unit, &Claim, &Role), b: (&Unit, &Claim, &Role)) -> bool {
    match (a.2, b.2) {
        (Role::Thing(x), Role::Thing(y)) => {
            if x == y {
                return true;
            }
            let (ka, kb) = (
                thing_keys(a.0, a.1.start, a.1.end),
                thing_keys(b.0, b.1.start, b.1.end),
            );
            // The last word of the count is its noun.
            match (ka.last(), kb.last()) {
                (Some(p), Some(q)) => p.0 == q.0 || (p.1.is_some() && p.1 == q.1),
                _ => false,
            }
        }
        (x, y) => x == y,
    }
}

/// Shortest plural nisba taken for an origin (سوريون، مصريين; not بين).
const MIN_NISBA_CHARS: usize = 5;

/// The group a count of people is of when it names part of the victims:
/// the group of a `part` noun in it (أطفال and طفلا are both children), or
/// a plural nisba right after it without its plural ending (ثلاثة عمال
/// سوريون and خمسة عمال سوريين: سوري).
fn part_of(u: &Unit, c: &Claim) -> Option<String> {
    use crate::claims::lexicon::{Entry, lexicon};
    let lex = lexicon();
    let inside: Vec<usize> = (0..u.tokens.len())
        .filter(|&k| u.tokens[k].start >= c.start && u.tokens[k].end <= c.end)
        .collect();
    let key = |k: usize| [u.tokens[k].key.as_str()];
    if let Some((group, _)) = inside.iter().find_map(|&k| {
        lex.find(&key(k), |e| match e {
            Entry::Part(g) => Some(*g),
            _ => None,
        })
    }) {
        return Some(group.to_string());
    }
    let last = *inside.last()?;
    let next = last + 1;
    let person = lex
        .find(&key(last), |e| (*e == Entry::Person).then_some(()))
        .is_some();
    let bare = u.bare.get(next)?;
    let nisba = person
        && lex.at(&key(next)).is_empty()
        && bare.chars().count() >= MIN_NISBA_CHARS
        && (bare.ends_with("يون") || bare.ends_with("يين"));
    nisba.then(|| bare[..bare.len() - "ون".len()].to_string())
}

/// True when two counts of one role are not two figures of one toll: parts
/// of two groups, or a part that fits within the toll beside it.
fn parts_apart(a: (&Unit, &Claim, Amount), b: (&Unit, &Claim, Amount)) -> bool {
    match (part_of(a.0, a.1), part_of(b.0, b.1)) {
        (Some(p), Some(q)) => p != q,
        (None, None) => false,
        (Some(_), None) => a.2.interval().0 <= b.2.interval().1,
        (None, Some(_)) => b.2.interval().0 <= a.2.interval().1,
    }
}

/// True when `u` gives two different amounts of the role of `c`: two
/// measures a role alone cannot tell apart (200,000 for each family and
/// 20,000 for each injured; 56 % of the votes and 58 % turnout).
/// A share that does not say of what (56 % for the president) may be any
/// of the sentence's shares: with two shares in a sentence, a share without
/// its head is ambiguous with every other.
fn ambiguous(u: &Unit, c: (&Claim, &Role, Amount)) -> bool {
    let headless = |r: &Role| *r == Role::Measure("share");
    let share = |r: &Role| headless(r) || r.key().starts_with("thing:share");
    counts(u).any(|(d, r, x)| {
        !std::ptr::eq(d, c.0)
            && x != c.2
            && d.modality == c.0.modality
            && (same_role((u, d, r), (u, c.0, c.1))
                || (share(r) && share(c.1) && (headless(r) || headless(c.1))))
    })
}

/// The count differences of two units. Two headlines are not compared:
/// each sums up its own article, at its own hour.
pub fn differences((a, text_a): (&Unit, &str), (b, text_b): (&Unit, &str)) -> Vec<Difference> {
    let mut out = Vec::new();
    if a.title && b.title {
        return out;
    }
    // A side's superseded figures are left out once, not at every pair.
    let live = |u| -> Vec<_> {
        counts(u)
            .filter(|&(c, r, _)| !superseded(u, (c, r)))
            .collect()
    };
    // A difference needs a live figure on each side (most sentences
    // state none).
    let live_a = live(a);
    if live_a.is_empty() {
        return out;
    }
    let live_b = live(b);
    for (ca, ra, xa) in live_a {
        for &(cb, rb, xb) in &live_b {
            if !same_role((a, ca, ra), (b, cb, rb)) {
                continue;
            }
            if !matches!(ra, Role::Thing(_)) && parts_apart((a, ca, xa), (b, cb, xb)) {
                continue;
            }
            if !xa.compatible(xb) && (ambiguous(a, (ca, ra, xa)) || ambiguous(b, (cb, rb, xb))) {
                continue;
            }
            let sides = ((text_a, (ca.start, ca.end)), (text_b, (cb.start, cb.end)));
            let role = ra.key();
            let kind = match (ca.modality, cb.modality) {
                // An earlier figure is still a figure of the toll: a rising
                // toll contradicts (the page may call it an update).
                (Modality::Forecast, Modality::Forecast)
                | (
                    Modality::Asserted | Modality::Denied | Modality::Earlier,
                    Modality::Asserted | Modality::Denied | Modality::Earlier,
                ) => {
                    if !xa.compatible(xb) {
                        DifferenceKind::Number
                    } else if xa.exact().is_some() != xb.exact().is_some() {
                        DifferenceKind::Specificity
                    } else {
                        continue;
                    }
                }
                (Modality::Forecast, _) | (_, Modality::Forecast) => DifferenceKind::Forecast,
            };
            let note = match kind {
                DifferenceKind::Number => {
                    format!("{xa} versus {xb} ({role}): the counts cannot both be true")
                }
                DifferenceKind::Forecast => format!("{xa} versus {xb} ({role}): one is a forecast"),
                _ => format!("{xa} versus {xb} ({role}): compatible; one side is more specific"),
            };
            out.push(Difference::quoting(kind, sides.0, sides.1, note));
        }
    }
    out
}
