//! Agree or contradict: what two linked sentences say about the same things.
//!
//! In: two [`Unit`]s that report the same fact (a link), the texts of their
//! files, and the link's score. Out: a [`Relation`] and the [`Difference`]s
//! behind it, each quoting both sides' words (with byte spans) and saying in
//! plain words what differs.
//!
//! Rules:
//! - Counts of the same noun (same stem or synonym group) contradict when
//!   their amounts cannot both hold ([`Amount::compatible`]): 1 and 3 do;
//!   "a number of" and 6, "at least one" and 3, "more than 125" and 130 do
//!   not. A compatible pair where one side is vague or bounded and the other
//!   exact is a difference of detail (`specificity`).
//! - A side that counts two to ten of a noun (a plural or dual count)
//!   contradicts a side that names the same noun in the indefinite singular
//!   with no count of its own (a drone attacked versus three drones); a
//!   definite singular (the drone) refers back and does not count, nor does
//!   one followed by an ordinal, a nisba adjective, or a broken plural.
//! - Dates of the same event (the word before them matches) contradict when
//!   day or month differ; 10 أكتوبر and العاشر من أكتوبر agree.
//! - A statement and its negation contradict, and so do words of opposite
//!   meaning (ارتفع / انخفض), when the pair scores at least
//!   [`POLARITY_THRESHOLD`]; see [`polarity`].
//! - With no contradiction, a pair scoring at least [`AGREE_THRESHOLD`]
//!   agrees; below it, it is only related.

pub mod ids;
pub mod polarity;
mod quantities;

pub use polarity::{Antonyms, Polarity};

use crate::align::Unit;

/// Score from which a link with no contradiction is an agreement rather than
/// a looser "related": a pair linked on its own score (at least a unit's
/// best partner) agrees; one linked only through a third source's sentence
/// ([`crate::align::score::BRIDGED_THRESHOLD`]) is related.
pub const AGREE_THRESHOLD: f64 = crate::align::score::BEST_MATCH_THRESHOLD;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Agree,
    Contradict,
    Related,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Contradict => "contradict",
            Relation::Related => "related",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// `number`, `date` (contradictions) or `specificity` (detail).
    pub kind: &'static str,
    /// The words of side `a`, as written, and their byte span in its file.
    pub a: String,
    pub a_span: (usize, usize),
    pub b: String,
    pub b_span: (usize, usize),
    pub note: String,
}

impl Difference {
    /// A difference quoting `text_a[span_a]` against `text_b[span_b]`.
    pub(super) fn quoting(
        kind: &'static str,
        (text_a, span_a): (&str, (usize, usize)),
        (text_b, span_b): (&str, (usize, usize)),
        note: String,
    ) -> Difference {
        Difference {
            kind,
            a: text_a[span_a.0..span_a.1].to_string(),
            a_span: span_a,
            b: text_b[span_b.0..span_b.1].to_string(),
            b_span: span_b,
            note,
        }
    }

    pub fn is_conflict(&self) -> bool {
        self.kind != "specificity"
    }
}

/// Score from which a negation or a pair of opposites is read as a
/// contradiction: the pair must be one fact told two ways, not two facts of
/// one event ("he was not injured" and "guards were injured").
pub const POLARITY_THRESHOLD: f64 = AGREE_THRESHOLD;

/// Decides the relation of two linked units.
pub fn compare(
    a: &Unit,
    b: &Unit,
    (text_a, text_b): (&str, &str),
    score: f64,
    (pol_a, pol_b): (&Polarity, &Polarity),
) -> (Relation, Vec<Difference>) {
    let mut diffs = quantities::count_differences(a, b, text_a, text_b);
    diffs.extend(quantities::date_differences(a, b, text_a, text_b));
    if score >= POLARITY_THRESHOLD && !diffs.iter().any(Difference::is_conflict) {
        let (sa, sb) = ((a, pol_a, text_a), (b, pol_b, text_b));
        diffs.extend(polarity::negation_differences(sa, sb));
        if !diffs.iter().any(Difference::is_conflict) {
            diffs.extend(polarity::antonym_differences(sa, sb));
        }
    }
    let relation = if diffs.iter().any(Difference::is_conflict) {
        Relation::Contradict
    } else if score >= AGREE_THRESHOLD {
        Relation::Agree
    } else {
        Relation::Related
    };
    (relation, diffs)
}

#[cfg(test)]
mod tests;
