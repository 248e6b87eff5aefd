//! Counts and dates of two linked units, set against each other.
//!
//! In: two units and their files' texts. Out: [`Difference`]s: conflicts of
//! counts or dates, and differences of detail. The rules are in the parent
//! module's documentation.

use super::Difference;
use crate::align::{Feature, Unit};
use crate::text::numbers::{Amount, Quantity, QuantityKind};

/// Keys a noun token matches by: its stem and its synonym group.
fn noun_keys(u: &Unit, token: usize) -> (String, Option<u32>) {
    let group = u.features.iter().find_map(|(f, toks)| match f {
        Feature::Synonym(g) if toks.contains(&token) => Some(*g),
        _ => None,
    });
    (u.stems[token].clone(), group)
}

fn same_noun(a: &(String, Option<u32>), b: &(String, Option<u32>)) -> bool {
    a.0 == b.0 || (a.1.is_some() && a.1 == b.1)
}

fn token_at(u: &Unit, start: usize) -> Option<usize> {
    u.tokens.iter().position(|t| t.start == start)
}

/// Counts of `u` with the keys of the noun they count.
fn counts(u: &Unit) -> Vec<(&Quantity, (String, Option<u32>))> {
    u.quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Count)
        .filter_map(|q| {
            let n = q.noun.as_ref()?;
            Some((q, noun_keys(u, token_at(u, n.start)?)))
        })
        .collect()
}

/// True when the amount is numeric and its least value is a plural count.
fn at_least_two(a: Amount) -> bool {
    a.is_numeric() && PLURAL_COUNT.contains(&a.interval().0)
}

/// Counts whose noun is plural or dual in form (2 to 10, and duals): from 11
/// on Arabic counts with a singular noun (125 شخصا), so a singular elsewhere
/// says nothing about the number.
const PLURAL_COUNT: std::ops::RangeInclusive<f64> = 2.0..=10.0;

/// An indefinite singular mention in `u` of the noun `keys` (`counted` is the
/// noun's bare form on the counting side): a token with the same stem, not
/// itself counted, not the counted form itself (a broken plural such as
/// أفراد), not plural, dual or a nisba adjective in form (شخصي beside شخص),
/// without the article (الطائرة refers back to a drone already told of), and
/// not followed by an ordinal (طائرة ثالثة).
fn singular_mention(u: &Unit, keys: &(String, Option<u32>), counted: &str) -> Option<usize> {
    (0..u.tokens.len()).find(|&k| {
        let bare = u.bare[k].as_str();
        let inside = u
            .quantities
            .iter()
            .any(|q| q.start <= u.tokens[k].start && u.tokens[k].end <= q.end);
        let plural = ["ات", "ون", "ين", "ان"].iter().any(|s| bare.ends_with(s));
        // The singular of a sound feminine plural: مروحيات → مروحيه.
        let singular = counted.strip_suffix("ات").map(|s| format!("{s}ه"));
        let nisba = (bare.ends_with('ي') || bare.ends_with("يه"))
            && singular.as_deref() != Some(bare)
            && !(counted.ends_with('ي') || counted.ends_with("يه"));
        let definite =
            crate::text::stem::strip_article(&u.tokens[k].key).len() != u.tokens[k].key.len();
        let ordinal_next = u.quantities.iter().any(|q| {
            q.kind == QuantityKind::Ordinal
                && u.tokens.get(k + 1).is_some_and(|t| t.start == q.start)
        });
        !inside
            && !plural
            && !nisba
            && !definite
            && !ordinal_next
            && bare != counted
            && u.stems[k] == keys.0
    })
}

fn quote(text: &str, start: usize, end: usize) -> String {
    text[start..end].to_string()
}

pub fn count_differences(a: &Unit, b: &Unit, text_a: &str, text_b: &str) -> Vec<Difference> {
    let (ca, cb) = (counts(a), counts(b));
    let mut out = Vec::new();
    for (qa, ka) in &ca {
        for (qb, kb) in &cb {
            if !same_noun(ka, kb) {
                continue;
            }
            let noun = quote(
                text_a,
                qa.noun.as_ref().map_or(qa.start, |n| n.start),
                qa.noun.as_ref().map_or(qa.end, |n| n.end),
            );
            let (sa, sb) = (
                quote(text_a, qa.start, qa.end),
                quote(text_b, qb.start, qb.end),
            );
            if !qa.amount.compatible(qb.amount) {
                out.push(Difference {
                    kind: "number",
                    note: format!(
                        "{} versus {} ({noun}): the counts cannot both be true",
                        qa.amount, qb.amount
                    ),
                    a: sa,
                    a_span: (qa.start, qa.end),
                    b: sb,
                    b_span: (qb.start, qb.end),
                });
            } else if qa.amount.exact().is_some() != qb.amount.exact().is_some() {
                let exact = if qa.amount.exact().is_some() {
                    "a"
                } else {
                    "b"
                };
                out.push(Difference {
                    kind: "specificity",
                    note: format!(
                        "{} versus {} ({noun}): compatible; side {exact} is more specific",
                        qa.amount, qb.amount
                    ),
                    a: sa,
                    a_span: (qa.start, qa.end),
                    b: sb,
                    b_span: (qb.start, qb.end),
                });
            }
        }
    }
    // A count of two or more against a bare singular on the other side.
    for (this, other, text_this, text_other, swap) in
        [(a, b, text_a, text_b, false), (b, a, text_b, text_a, true)]
    {
        let other_counts = counts(other);
        for (q, keys) in counts(this) {
            if !at_least_two(q.amount) || other_counts.iter().any(|(_, k)| same_noun(k, &keys)) {
                continue;
            }
            let Some(counted) = q
                .noun
                .as_ref()
                .and_then(|n| token_at(this, n.start))
                .map(|t| this.bare[t].as_str())
            else {
                continue;
            };
            let Some(k) = singular_mention(other, &keys, counted) else {
                continue;
            };
            let t = &other.tokens[k];
            let (qs, ss) = (
                quote(text_this, q.start, q.end),
                quote(text_other, t.start, t.end),
            );
            let note = format!(
                "{} versus one ({ss}, singular): the counts cannot both be true",
                q.amount
            );
            let d = if swap {
                Difference {
                    kind: "number",
                    a: ss,
                    a_span: (t.start, t.end),
                    b: qs,
                    b_span: (q.start, q.end),
                    note,
                }
            } else {
                Difference {
                    kind: "number",
                    a: qs,
                    a_span: (q.start, q.end),
                    b: ss,
                    b_span: (t.start, t.end),
                    note,
                }
            };
            out.push(d);
        }
    }
    out
}

/// The stem of the content word just before a quantity (skipping في، من).
fn stem_before<'u>(u: &'u Unit, q: &Quantity) -> Option<&'u str> {
    let i = token_at(u, q.start)?;
    (0..i)
        .rev()
        .map(|k| (k, &u.tokens[k]))
        .find(|(_, t)| crate::align::features::is_content(t))
        .map(|(k, _)| u.stems[k].as_str())
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
                out.push(Difference {
                    kind: "date",
                    a: quote(text_a, qa.start, qa.end),
                    a_span: (qa.start, qa.end),
                    b: quote(text_b, qb.start, qb.end),
                    b_span: (qb.start, qb.end),
                    note: format!(
                        "day {da} of month {ma} versus day {db} of month {mb}: the dates differ"
                    ),
                });
            }
        }
    }
    out
}
