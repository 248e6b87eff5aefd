//! Statements and their negations, and words of opposite meaning.
//!
//! In: two linked units, their files' texts and the story's [`Antonyms`].
//! Out: [`Difference`]s of kind `negation` or `antonym`, quoting the words
//! of each side.
//!
//! Rules:
//! - A negator (لم، لن، لا، ليس، عدم …, also behind و or ف) negates
//!   the first content word within [`NEGATION_REACH`] tokens after it: the
//!   predicate (لم **يصب**، عدم **وجود**), not the subject that follows.
//!   لا يزال (still), لا سيما (especially) and لا بد (must) negate nothing;
//!   a word of being passes the negation on (لا يوجد **تغيير**).
//! - Two units conflict by negation when a word they share (same stem,
//!   synonym group, or verb stem without its tense prefix: لم يسفر / أسفر)
//!   is negated everywhere in one and nowhere in the other.
//! - Two units conflict by antonyms when one has a word of one side of a
//!   pair in `data/antonyms.txt` (ارتفع) and the other a word of the other
//!   side (انخفض), neither has both, and neither word is negated (لم يرتفع
//!   and انخفض agree).
//! - The caller applies these only to pairs linked strongly enough to be one
//!   fact ([`super::POLARITY_THRESHOLD`]): "not injured" and "injured" of
//!   two different people are not a contradiction.

use super::Difference;
use crate::align::{Feature, Unit};
use crate::text::normalize::normalize;
use crate::text::stem::Stemmer;
use std::collections::HashMap;

const DATA: &str = include_str!("../../data/antonyms.txt");

/// Tokens after a negator within which its predicate is looked for (لم
/// يصب، لم **يعد** … ; ليس من **الواضح**).
pub const NEGATION_REACH: usize = 2;

/// Negating particles, normalised. Verbs of denial (نفى) are not here: in
/// نفى مستشفى تسببه the word after the verb is its subject, not what is
/// denied; they are opposites of أكد in the antonym lexicon instead.
const NEGATORS: &[&str] = &["لم", "لن", "لا", "بلا", "ليس", "ليست", "ليسوا", "لسنا", "عدم"];

/// Verbs of denial: they negate only through a word of being (تنفي وجود
/// **أدلة**), since the word right after them is often their subject.
const DENIALS: &[&str] = &["نفي", "نفت", "ينفي", "تنفي", "نفوا"];

/// Words of being, and "any", that pass a negation on to the word after
/// them: لا يوجد **تغيير**، عدم وجود **أدلة**، تنفي أي **حرب**.
const TRANSPARENT: &[&str] = &[
    "يوجد", "توجد", "وجود", "هناك", "ثمه", "يكون", "تكون", "اي", "ايه",
];

/// Words after لا that make no negation of it: لا يزال (still), لا سيما
/// (especially), لا بد (must).
const NOT_NEGATED_AFTER: &[&str] = &["يزال", "تزال", "يزالون", "زال", "سيما", "بد"];

fn is_negator(key: &str) -> bool {
    NEGATORS.contains(&key)
        || key
            .strip_prefix(['و', 'ف'])
            .is_some_and(|rest| NEGATORS.contains(&rest))
}

/// For each token of `u`, whether a negator governs it.
pub fn negated(u: &Unit) -> Vec<bool> {
    let mut out = vec![false; u.tokens.len()];
    for (i, t) in u.tokens.iter().enumerate() {
        let transparent = u
            .tokens
            .get(i + 1)
            .is_some_and(|n| TRANSPARENT.contains(&n.key.as_str()));
        let denial = transparent
            && (DENIALS.contains(&t.key.as_str())
                || t.key
                    .strip_prefix(['و', 'ف'])
                    .is_some_and(|rest| DENIALS.contains(&rest)));
        if !is_negator(&t.key) && !denial {
            continue;
        }
        if u.tokens
            .get(i + 1)
            .is_some_and(|n| NOT_NEGATED_AFTER.contains(&n.key.as_str()))
        {
            continue;
        }
        let from = i + 1 + usize::from(transparent);
        let reach = (from..u.tokens.len()).take(NEGATION_REACH);
        if let Some(k) = reach
            .take_while(|&k| !is_negator(&u.tokens[k].key))
            .find(|&k| crate::align::features::is_content(&u.tokens[k]))
        {
            out[k] = true;
        }
    }
    out
}

/// Opposite pairs of the lexicon, keyed by the story's stems.
#[derive(Debug, Default)]
pub struct Antonyms {
    /// Stem → (pair, side) for every pair the stem belongs to.
    sides: HashMap<String, Vec<(u32, bool)>>,
}

impl Antonyms {
    pub fn new(stemmer: &Stemmer) -> Antonyms {
        Antonyms::parse(DATA, stemmer)
    }

    pub fn parse(data: &str, stemmer: &Stemmer) -> Antonyms {
        let mut sides: HashMap<String, Vec<(u32, bool)>> = HashMap::new();
        let lines = data
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        for (pair, line) in lines.enumerate() {
            let Some((left, right)) = line.split_once("<>") else {
                continue;
            };
            for (side, forms) in [(false, left), (true, right)] {
                for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                    // One-word forms only: a stem stands for a token.
                    let words: Vec<&str> = form.split_whitespace().collect();
                    if let [w] = words[..] {
                        let e = sides.entry(stemmer.stem(&normalize(w))).or_default();
                        if !e.contains(&(pair as u32, side)) {
                            e.push((pair as u32, side));
                        }
                    }
                }
            }
        }
        Antonyms { sides }
    }

    fn of(&self, stem: &str) -> &[(u32, bool)] {
        self.sides.get(stem).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// A verb stem without its tense prefix: the imperfect's ي ت ن or the
/// perfect's أ of the derived forms (يسفر and أسفر → سفر), so that لم يسفر
/// meets أسفر. At least three letters stay.
fn verb_core(stem: &str) -> &str {
    match stem.strip_prefix(['ي', 'ت', 'ن', 'ا']) {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => stem,
    }
}

/// The match keys of each token: its stem and its synonym group, if any.
fn keys(u: &Unit) -> Vec<(String, Option<u32>)> {
    (0..u.tokens.len())
        .map(|k| {
            let group = u.features.iter().find_map(|(f, toks)| match f {
                Feature::Synonym(g) if toks.contains(&k) => Some(*g),
                _ => None,
            });
            (u.stems.get(k).cloned().unwrap_or_default(), group)
        })
        .collect()
}

fn span(u: &Unit, from: usize, to: usize) -> (usize, usize) {
    (u.tokens[from].start, u.tokens[to].end)
}

/// The negator token governing token `k`.
fn negator_of(u: &Unit, k: usize) -> usize {
    (k.saturating_sub(NEGATION_REACH + 1)..k)
        .rev()
        .find(|&i| {
            is_negator(&u.tokens[i].key) || DENIALS.iter().any(|d| u.tokens[i].key.ends_with(d))
        })
        .unwrap_or(k)
}

pub fn negation_differences(a: &Unit, b: &Unit, text_a: &str, text_b: &str) -> Vec<Difference> {
    let (na, nb) = (negated(a), negated(b));
    if !na.contains(&true) && !nb.contains(&true) {
        return Vec::new();
    }
    let (ka, kb) = (keys(a), keys(b));
    let same = |x: &(String, Option<u32>), y: &(String, Option<u32>)| {
        (!x.0.is_empty()
            && [x.0.as_str(), verb_core(&x.0)]
                .iter()
                .any(|k| *k == y.0 || *k == verb_core(&y.0)))
            || (x.1.is_some() && x.1 == y.1)
    };
    let mut out = Vec::new();
    for (i, key) in ka.iter().enumerate() {
        if !crate::align::features::is_content(&a.tokens[i]) {
            continue;
        }
        let in_b: Vec<usize> = (0..kb.len())
            .filter(|&j| crate::align::features::is_content(&b.tokens[j]) && same(key, &kb[j]))
            .collect();
        let in_a: Vec<usize> = (0..ka.len())
            .filter(|&j| crate::align::features::is_content(&a.tokens[j]) && same(key, &ka[j]))
            .collect();
        if in_b.is_empty() || in_a[0] != i {
            continue; // not shared, or already seen
        }
        let all = |ks: &[usize], neg: &[bool], v: bool| ks.iter().all(|&k| neg[k] == v);
        let (neg_side_a, neg_side_b) = (all(&in_a, &na, true), all(&in_b, &nb, true));
        let (pos_side_a, pos_side_b) = (all(&in_a, &na, false), all(&in_b, &nb, false));
        if !((neg_side_a && pos_side_b) || (pos_side_a && neg_side_b)) {
            continue;
        }
        let (ja, jb) = (in_a[0], in_b[0]);
        let sa = if neg_side_a {
            span(a, negator_of(a, ja), ja)
        } else {
            span(a, ja, ja)
        };
        let sb = if neg_side_b {
            span(b, negator_of(b, jb), jb)
        } else {
            span(b, jb, jb)
        };
        let (word_a, word_b) = (&text_a[sa.0..sa.1], &text_b[sb.0..sb.1]);
        out.push(Difference::quoting(
            "negation",
            (text_a, sa),
            (text_b, sb),
            format!("«{word_a}» versus «{word_b}»: one side denies what the other states"),
        ));
        break;
    }
    out
}

pub fn antonym_differences(
    a: &Unit,
    b: &Unit,
    text_a: &str,
    text_b: &str,
    antonyms: &Antonyms,
) -> Vec<Difference> {
    let (na, nb) = (negated(a), negated(b));
    // (pair, side) → first plain (not negated) token holding it.
    let sides = |u: &Unit, neg: &[bool]| {
        let mut m: HashMap<(u32, bool), Option<usize>> = HashMap::new();
        for (k, stem) in u.stems.iter().enumerate() {
            for &ps in antonyms.of(stem) {
                let e = m.entry(ps).or_insert(None);
                if e.is_none() && !neg[k] {
                    *e = Some(k);
                }
                if neg[k] {
                    // A negated word blurs the side: leave the pair alone.
                    *e = Some(usize::MAX);
                }
            }
        }
        m
    };
    let (sa, sb) = (sides(a, &na), sides(b, &nb));
    let mut out = Vec::new();
    for (&(pair, side), &ta) in &sa {
        let (Some(ta), Some(&Some(tb))) = (ta, sb.get(&(pair, !side))) else {
            continue;
        };
        if ta == usize::MAX
            || tb == usize::MAX
            || sa.contains_key(&(pair, !side))
            || sb.contains_key(&(pair, side))
        {
            continue;
        }
        let (wa, wb) = (&a.tokens[ta], &b.tokens[tb]);
        out.push(Difference::quoting(
            "antonym",
            (text_a, (wa.start, wa.end)),
            (text_b, (wb.start, wb.end)),
            format!(
                "«{}» versus «{}»: the words say opposite things",
                &text_a[wa.start..wa.end],
                &text_b[wb.start..wb.end]
            ),
        ));
    }
    out.sort_by_key(|d| d.a_span);
    out.truncate(1);
    out
}
