//! Places and holders: one head noun, two names.
//!
//! In: two units (with their claims) and their files' texts. Out:
//! [`Difference`]s of kind `Place` or `Holder`; the caller turns them into
//! a difference of scope when counts differ too (two provinces, two
//! parties: two facts).
//!
//! Rules:
//! - Both sides name a place after the same head noun (مدينة … / مدينة …),
//!   each once, and no word of one name meets a word of the other (same
//!   key, or spellings that could be one name, [`could_be_same_name`], or
//!   that differ in a last consonant heard two ways, هويد / هويت, or in
//!   the g of a foreign name, غامبيا / جامبيا).
//! - A place and the region holding it (a city, "east of the country")
//!   have different heads or none, and are not compared. Nor is a place's
//!   name (not a holder's) the other sentence says too, after any word
//!   (عقار الزيتون … بمنطقة النور against في منطقة الزيتون): it names the
//!   place there as
//!   well.
//! - Places of the gazetteer (في درنة، ببنغازي) are compared when each
//!   side names one: two that cannot both hold ([`gazetteer::compatible`]:
//!   two cities, two countries, a city and another country) differ.

use super::{Difference, DifferenceKind};
use crate::align::Unit;
use crate::claims::lexicon::bare;
use crate::claims::{Claim, ClaimKind, gazetteer};
use crate::text::names::{MAX_NAME_DISTANCE, could_be_same_name, name_distance, skeleton};

fn named(u: &Unit) -> Vec<(&Claim, bool, &str, &[String])> {
    u.reading
        .claims
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Place { head, name } => Some((c, true, head.as_str(), name.as_slice())),
            ClaimKind::Holder { head, name } => Some((c, false, head.as_str(), name.as_slice())),
            _ => None,
        })
        .collect()
}

fn meet(x: &[String], y: &[String]) -> bool {
    words_meet(x, y) || joined_meet(x, y)
}

/// A name written in one word on one side and in two on the other
/// (فيسالاباد / فيصل آباد): the first words of each, written together,
/// could be one name.
fn joined_meet(x: &[String], y: &[String]) -> bool {
    let joins = |n: &[String]| -> Vec<String> { (1..=n.len()).map(|k| n[..k].concat()).collect() };
    let (jx, jy) = (joins(x), joins(y));
    (x.len() > 1 || y.len() > 1)
        && jx.iter().any(|p| {
            jy.iter()
                .any(|q| p == q || could_be_same_name(bare(p), bare(q)))
        })
}

fn words_meet(x: &[String], y: &[String]) -> bool {
    x.iter().any(|p| {
        y.iter().any(|q| {
            let (p, q) = (bare(p), bare(q));
            // Short names too: two spellings of one consonant skeleton
            // (إغيل / إيغيل) are not two places.
            p == q
                || could_be_same_name(p, q)
                || skeleton(p) == skeleton(q) && name_distance(p, q) <= MAX_NAME_DISTANCE
                || last_letter_apart(p, q)
                || g_apart(p, q)
        })
    })
}

/// Letters a name (without the article) must have before a change of its
/// last letter alone is taken for a spelling, not another name.
const MIN_LAST_LETTER_NAME: usize = 4;

/// Final consonants heard two ways in transliterated names (هويد / هويت).
const LAST_LETTER_PAIRS: &[(char, char)] = &[('د', 'ت'), ('ز', 'س'), ('ق', 'ك'), ('ط', 'ت')];

/// True when two names differ in their last consonant alone, by a pair of
/// [`LAST_LETTER_PAIRS`] (هويد / هويت; not المنيا / المنية).
fn last_letter_apart(p: &str, q: &str) -> bool {
    let strip = |w: &str| w.strip_prefix("ال").unwrap_or(w).to_string();
    let (p, q) = (strip(p), strip(q));
    let (mut a, mut b) = (p.chars(), q.chars());
    let (Some(x), Some(y)) = (a.next_back(), b.next_back()) else {
        return false;
    };
    p.chars().count() >= MIN_LAST_LETTER_NAME
        && a.as_str() == b.as_str()
        && LAST_LETTER_PAIRS
            .iter()
            .any(|&(m, n)| (x, y) == (m, n) || (x, y) == (n, m))
}

/// True when two names are one foreign name with its g written غ on one
/// side and ج on the other (غامبيا / جامبيا).
fn g_apart(p: &str, q: &str) -> bool {
    p != q && p.replace('ج', "غ") == q.replace('ج', "غ")
}

/// True when the words of `name` stand in `u` one after the other, each
/// as written or without its proclitics and article.
fn says(u: &Unit, name: &[String]) -> bool {
    !name.is_empty()
        && u.tokens.windows(name.len()).any(|w| {
            w.iter()
                .zip(name)
                .all(|(t, n)| t.key == *n || bare(&t.key) == bare(n))
        })
}

/// The gazetteer's places of a unit, one per place.
fn listed<'a>(
    n: &[(&'a Claim, bool, &str, &[String])],
) -> Vec<(&'a Claim, &'static gazetteer::Place)> {
    let mut v: Vec<_> = n
        .iter()
        .filter(|x| x.2 == gazetteer::HEAD)
        .filter_map(|x| Some((x.0, gazetteer::place(x.3.first()?)?)))
        .collect();
    v.sort_by(|x, y| x.1.name.cmp(&y.1.name));
    v.dedup_by(|x, y| x.1.name == y.1.name);
    v
}

/// The place and holder differences of two units.
pub fn differences((a, text_a): (&Unit, &str), (b, text_b): (&Unit, &str)) -> Vec<Difference> {
    let (na, nb) = (named(a), named(b));
    // Each difference sets a name of one side against one of the other.
    if na.is_empty() || nb.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let ([(ca, pa)], [(cb, pb)]) = (listed(&na).as_slice(), listed(&nb).as_slice())
        && !gazetteer::compatible(pa, pb)
    {
        out.push(Difference::quoting(
            DifferenceKind::Place,
            (text_a, (ca.start, ca.end)),
            (text_b, (cb.start, cb.end)),
            format!(
                "«{}» versus «{}»: two places of one event",
                pa.name, pb.name
            ),
        ));
    }
    for &(ca, place, head, xa) in &na {
        if head == gazetteer::HEAD {
            continue;
        }
        let mine: Vec<_> = na.iter().filter(|n| n.2 == head).collect();
        let theirs: Vec<_> = nb.iter().filter(|n| n.2 == head).collect();
        if mine.len() != 1 || theirs.len() != 1 {
            continue;
        }
        let (cb, _, _, xb) = *theirs[0];
        // A name that meets any name on the other side is the same place
        // under another head or spelling.
        if meet(xa, xb) || nb.iter().any(|n| meet(xa, n.3)) || na.iter().any(|n| meet(n.3, xb)) {
            continue;
        }
        // A name the other sentence says too, after any word (عقار
        // الزيتون المنهار بمنطقة النور): the two name the place and the
        // district holding it, not two places.
        if place && (says(b, xa) || says(a, xb)) {
            continue;
        }
        let kind = match (place, head.starts_with(gazetteer::NISBA_HEAD)) {
            (true, true) => DifferenceKind::Nationality,
            (true, false) => DifferenceKind::Place,
            (false, _) => DifferenceKind::Holder,
        };
        out.push(Difference::quoting(
            kind,
            (text_a, (ca.start, ca.end)),
            (text_b, (cb.start, cb.end)),
            format!(
                "«{}» versus «{}»: two names in one place of the fact",
                xa.join(" "),
                xb.join(" ")
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Vec<String> {
        s.split_whitespace()
            .map(crate::text::normalize::normalize)
            .collect()
    }

    #[test]
    fn a_name_in_one_word_meets_it_in_two() {
        assert!(meet(&name("فيصل آباد الصناعية"), &name("فيسالاباد")));
        assert!(meet(&name("بور سعيد"), &name("بورسعيد")));
        // Another first word is another place.
        assert!(!meet(&name("حيدر آباد"), &name("فيسالاباد")));
        assert!(!meet(&name("بني سويف"), &name("بنغازي")));
    }
}
