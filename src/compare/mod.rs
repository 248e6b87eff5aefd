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
//! - With no contradiction, a pair scoring at least [`AGREE_THRESHOLD`]
//!   agrees; below it, it is only related.

pub mod ids;
mod quantities;

use crate::align::Unit;

/// Score from which a link with no contradiction is an agreement rather than
/// a looser "related": most of the weight of the smaller side is shared.
pub const AGREE_THRESHOLD: f64 = 0.30;

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
    pub fn is_conflict(&self) -> bool {
        self.kind != "specificity"
    }
}

/// Decides the relation of two linked units.
pub fn compare(
    a: &Unit,
    b: &Unit,
    text_a: &str,
    text_b: &str,
    score: f64,
) -> (Relation, Vec<Difference>) {
    let mut diffs = quantities::count_differences(a, b, text_a, text_b);
    diffs.extend(quantities::date_differences(a, b, text_a, text_b));
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
