//! A clause denied on one side and stated on the other.
//!
//! In: two units (with their readings) and their files' texts. Out:
//! [`Difference`]s of kind `Denial`.
//!
//! Rules:
//! - One side denies a clause (نفى الجيش أن تكون الغارة استهدفت مدرسة) and
//!   the other states it: at least [`DENIED_SHARED`] of the clause's
//!   content stems, and at least half of them, are in the other sentence,
//!   which denies nothing and negates nothing itself.

use super::polarity::negators;
use super::{Difference, DifferenceKind};
use crate::align::Unit;

/// Content stems of a denied clause the other side must share.
pub const DENIED_SHARED: usize = 2;

fn stated(denier: &Unit, other: &Unit) -> Option<(usize, usize)> {
    if denier.reading.denials.is_empty()
        || !other.reading.denials.is_empty()
        || negators(other).iter().any(Option::is_some)
    {
        return None;
    }
    for d in &denier.reading.denials {
        let stems: Vec<&str> = d
            .clause
            .clone()
            .filter(|&k| denier.is_content(k) && !denier.reading.frame[k])
            .filter_map(|k| denier.stems.get(k).map(String::as_str))
            .collect();
        let shared = stems
            .iter()
            .filter(|s| other.stems.iter().any(|o| o == *s))
            .count();
        if shared >= DENIED_SHARED && 2 * shared >= stems.len() {
            let last = d.clause.end.min(denier.tokens.len()) - 1;
            return Some((denier.tokens[d.word].start, denier.tokens[last].end));
        }
    }
    None
}

fn whole(u: &Unit) -> (usize, usize) {
    (u.tokens[0].start, u.tokens[u.tokens.len() - 1].end)
}

/// The denial differences of two units.
pub fn differences((a, text_a): (&Unit, &str), (b, text_b): (&Unit, &str)) -> Vec<Difference> {
    let note = || "one side denies what the other states".to_string();
    if let Some(span) = stated(a, b) {
        return vec![Difference::quoting(
            DifferenceKind::Denial,
            (text_a, span),
            (text_b, whole(b)),
            note(),
        )];
    }
    if let Some(span) = stated(b, a) {
        return vec![Difference::quoting(
            DifferenceKind::Denial,
            (text_a, whole(a)),
            (text_b, span),
            note(),
        )];
    }
    Vec::new()
}
