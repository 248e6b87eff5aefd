//! Agree or contradict: what two linked sentences say about the same things.
//!
//! In: two [`Unit`]s that report the same fact (a link), the texts of their
//! files, and the link's score. Out: a [`Relation`] and the [`Difference`]s
//! behind it, each of a [`DifferenceKind`], quoting both sides' words (with
//! byte spans) and saying in plain words what differs.
//!
//! One detector per file, each reading the units' claims
//! ([`crate::claims`]):
//! - [`counts`]: counts of one role (killed, injured, a measure …) whose
//!   amounts cannot both hold; forecasts are compared only with forecasts,
//!   earlier figures with nothing; a vague or bounded side against an exact
//!   one is a difference of detail.
//! - `quantities`: a plural count against an indefinite singular of the
//!   same noun (three drones versus a drone; not when the singular's own
//!   sentence tells of several: a dual or plural of the noun beside it, or
//!   two singulars, اصطدام قطار بقطار), and dates of one event.
//! - [`time`]: two weekdays, or parts of the day that cannot overlap.
//! - [`place`]: one head noun (مدينة، مطار، حزب) with two names.
//! - [`slots`]: causes, agents or instruments of classes that cannot both
//!   hold, or one denied and stated.
//! - [`denial`]: a clause denied on one side and stated on the other.
//! - [`polarity`]: a negated predicate and words of opposite meaning.
//!
//! Counts qualified by two different places or holders (120 cases in one
//! province, 85 in another; 81 seats for one party, 87 for another) are two
//! facts, not a contradiction, and the place difference then says so too.
//! Time, place, slot and denial differences need a pair scoring at least
//! [`SLOT_THRESHOLD`]: two sentences of one event can tell different
//! moments of it. Two sentences both about why it happened compare their
//! causes at any score: they tell one fact, the cause; and a cause, agent
//! or instrument denied on one side and stated on the other is compared at
//! any score.
//! With no contradiction, a pair scoring at least [`AGREE_THRESHOLD`]
//! agrees; below it, it is only related.

pub mod counts;
pub mod denial;
pub mod ids;
pub mod negators;
pub mod place;
pub mod polarity;
mod quantities;
pub mod slots;
pub mod stems;
pub mod time;

pub use polarity::{Antonyms, Polarity};
pub use stems::Stems;

use crate::align::Unit;
use crate::claims::SlotKind;

/// Score from which a link with no contradiction is an agreement rather than
/// a looser "related": a pair linked on its own score (at least a unit's
/// best partner) agrees; one linked only through a third source's sentence
/// ([`crate::align::score::BRIDGED_THRESHOLD`]) is related.
pub const AGREE_THRESHOLD: f64 = crate::align::score::BEST_MATCH_THRESHOLD;

/// Score from which two sentences are one fact enough for their times,
/// places, causes and denials to contradict: a pair that agrees by score.
/// Chosen on all dev material together, once times need one event
/// ([`time`]): 0.20 gives the same figures, 0.15 flags a seeds pair of two
/// events (seeds contradiction P 0.75), 0.30 loses a ferry contradiction
/// and a checklist row.
pub const SLOT_THRESHOLD: f64 = AGREE_THRESHOLD;

/// How two linked sentences relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Relation {
    /// One fact, told consistently.
    Agree,
    /// One fact, with values that cannot both be true.
    Contradict,
    /// Same topic, another fact.
    Related,
}

impl Relation {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Contradict => "contradict",
            Relation::Related => "related",
        }
    }
}

/// What differs between two linked sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DifferenceKind {
    /// Two counts of one role that cannot both hold.
    Number,
    /// A count against an indefinite singular (three drones / a drone).
    Singular,
    /// Two dates of one event.
    Date,
    /// Two weekdays of one event.
    Weekday,
    /// Two parts of the day that cannot overlap.
    TimeOfDay,
    /// Two places of one kind.
    Place,
    /// Two organisations in one role.
    Holder,
    /// Two nationalities of one noun (الليرة التركية / اللبنانية).
    Nationality,
    /// Two causes.
    Cause,
    /// Two agents.
    Agent,
    /// Two instruments.
    Instrument,
    /// A statement and its negation.
    Negation,
    /// A clause denied on one side, stated on the other.
    Denial,
    /// Words of opposite meaning.
    Antonym,
    /// One side is vaguer or bounded: not a contradiction.
    Specificity,
    /// One side is a forecast, the other a count: not a contradiction.
    Forecast,
    /// Counts of two places or holders: two facts, not a contradiction.
    Scope,
}

impl DifferenceKind {
    /// True for the kinds that make a contradiction.
    pub fn is_conflict(self) -> bool {
        match self {
            DifferenceKind::Number
            | DifferenceKind::Singular
            | DifferenceKind::Date
            | DifferenceKind::Weekday
            | DifferenceKind::TimeOfDay
            | DifferenceKind::Place
            | DifferenceKind::Holder
            | DifferenceKind::Nationality
            | DifferenceKind::Cause
            | DifferenceKind::Agent
            | DifferenceKind::Instrument
            | DifferenceKind::Negation
            | DifferenceKind::Denial
            | DifferenceKind::Antonym => true,
            DifferenceKind::Specificity | DifferenceKind::Forecast | DifferenceKind::Scope => false,
        }
    }

    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            DifferenceKind::Number => "number",
            DifferenceKind::Singular => "number",
            DifferenceKind::Date => "date",
            DifferenceKind::Weekday => "weekday",
            DifferenceKind::TimeOfDay => "time_of_day",
            DifferenceKind::Place => "place",
            DifferenceKind::Holder => "holder",
            DifferenceKind::Nationality => "nationality",
            DifferenceKind::Cause => "cause",
            DifferenceKind::Agent => "agent",
            DifferenceKind::Instrument => "instrument",
            DifferenceKind::Negation => "negation",
            DifferenceKind::Denial => "denial",
            DifferenceKind::Antonym => "antonym",
            DifferenceKind::Specificity => "specificity",
            DifferenceKind::Forecast => "forecast",
            DifferenceKind::Scope => "scope",
        }
    }
}

/// One difference between two linked sentences.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Difference {
    /// What differs.
    pub kind: DifferenceKind,
    /// The words of side `a`, as written, and their byte span in its file.
    pub a: String,
    /// Span of `a` in its file.
    pub a_span: (usize, usize),
    /// The words of side `b`, as written.
    pub b: String,
    /// Span of `b` in its file.
    pub b_span: (usize, usize),
    /// A short note in plain words (English, for the JSON; pages write
    /// their own Arabic).
    pub note: String,
}

impl Difference {
    /// A difference quoting `text_a[span_a]` against `text_b[span_b]`.
    pub(super) fn quoting(
        kind: DifferenceKind,
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

    /// True when it makes a contradiction.
    pub fn is_conflict(&self) -> bool {
        self.kind.is_conflict()
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
    (pol_a, pol_b): (&Polarity<'_>, &Polarity<'_>),
) -> (Relation, Vec<Difference>) {
    let sides = ((a, text_a), (b, text_b));
    let scope = place::differences(sides.0, sides.1);
    let mut diffs = counts::differences(sides.0, sides.1);
    diffs.extend(quantities::singular_differences(a, b, text_a, text_b));
    diffs.extend(quantities::date_differences(a, b, text_a, text_b));
    if !scope.is_empty() {
        // Two places or holders: counts of each are two facts.
        let counted = diffs.iter().any(Difference::is_conflict);
        diffs.retain(|d| !d.is_conflict());
        if counted || score < SLOT_THRESHOLD {
            diffs.extend(scope.into_iter().map(|mut d| {
                d.kind = DifferenceKind::Scope;
                d
            }));
        } else {
            diffs.extend(scope);
        }
    }
    if score >= SLOT_THRESHOLD && !diffs.iter().any(Difference::is_conflict) {
        diffs.extend(time::differences(sides.0, sides.1));
        let all = [SlotKind::Cause, SlotKind::Agent, SlotKind::Instrument];
        diffs.extend(slots::differences(sides.0, sides.1, &all, true));
        diffs.extend(denial::differences(sides.0, sides.1));
    } else if !diffs.iter().any(Difference::is_conflict) {
        // A cause, agent or instrument denied on one side (لم تستخدم
        // الرصاص الحي) and stated on the other is one fact in dispute at
        // any score; two sentences about why it happened tell one fact,
        // the cause, whatever else they share.
        let all = [SlotKind::Cause, SlotKind::Agent, SlotKind::Instrument];
        diffs.extend(slots::differences(sides.0, sides.1, &all, false));
        if a.reading.about_cause
            && b.reading.about_cause
            && !diffs.iter().any(Difference::is_conflict)
        {
            diffs.extend(slots::differences(
                sides.0,
                sides.1,
                &[SlotKind::Cause],
                true,
            ));
        }
    }
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
