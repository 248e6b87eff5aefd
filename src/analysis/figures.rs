//! Figures: every claim a story's compared sentences make, by measure.
//!
//! In: the analysed units (each with its claims) and the story's disputes.
//! Out: one [`MeasureFigures`] per measure the story reports (the death
//! toll, the day, the cause …), in the reading order of its first claim,
//! each listing every claim of it with its unit, and the dispute about it
//! when there is one.
//!
//! Rules:
//! - A claim's measure is its kind: a count by role, a weekday, a part of
//!   the day, a place or holder by head noun, a cause, agent or instrument
//!   ([`measure_of_claim`]); the same [`Measure`] a dispute has.
//! - Every claim is listed, agreed or not, with its modality: a forecast or
//!   an earlier figure is shown as such, never hidden.
//! - Measures reported by one sentence only are kept: a journalist wants
//!   every figure, not only the contested ones.
//! - Order: disputed measures first, then counts, times, places and
//!   holders, then causes, agents and instruments; within each, reading
//!   order of the first claim.

use super::disputes::{Dispute, Measure};
use crate::align::Unit;
use crate::claims::ClaimKind;
use std::collections::BTreeMap;

/// One claim of a measure: the unit stating it and the claim's index in
/// that unit's reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// The unit (sentence) stating it.
    pub unit: usize,
    /// Index in `units[unit].reading.claims`.
    pub claim: usize,
}

/// Every claim of one measure.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MeasureFigures {
    /// What is measured.
    pub measure: Measure,
    /// Its claims in reading order.
    pub figures: Vec<Figure>,
    /// The index of the dispute about it, when the sources disagree.
    pub dispute: Option<usize>,
}

/// The measure a claim reports.
pub fn measure_of_claim(kind: &ClaimKind) -> Measure {
    match kind {
        ClaimKind::Count { role, .. } => Measure::Count(role.clone()),
        ClaimKind::Weekday(_) => Measure::Weekday,
        ClaimKind::DayPart { .. } => Measure::TimeOfDay,
        ClaimKind::Place { head, .. } => Measure::Place(head.clone()),
        ClaimKind::Holder { head, .. } => Measure::Holder(head.clone()),
        ClaimKind::Slot { kind, .. } => Measure::Slot((*kind).into()),
    }
}

/// The figures of a story, by measure.
pub fn gather(units: &[Unit], disputes: &[Dispute]) -> Vec<MeasureFigures> {
    let mut by: BTreeMap<Measure, Vec<Figure>> = BTreeMap::new();
    for (u, unit) in units.iter().enumerate() {
        for (c, claim) in unit.reading.claims.iter().enumerate() {
            by.entry(measure_of_claim(&claim.kind))
                .or_default()
                .push(Figure { unit: u, claim: c });
        }
    }
    let order = |f: &Figure| (units[f.unit].article, units[f.unit].segment, f.claim);
    let mut out: Vec<MeasureFigures> = by
        .into_iter()
        .map(|(measure, mut figures)| {
            figures.sort_by_key(order);
            let dispute = disputes.iter().position(|d| d.measure == measure);
            MeasureFigures {
                measure,
                figures,
                dispute,
            }
        })
        .collect();
    let rank = |m: &MeasureFigures| match m.measure {
        Measure::Count(_) => 0,
        Measure::Date | Measure::Weekday | Measure::TimeOfDay => 1,
        Measure::Place(_) | Measure::Holder(_) => 2,
        Measure::Slot(_) | Measure::Statement(_) => 3,
    };
    out.sort_by_key(|m| (m.dispute.is_none(), rank(m), order(&m.figures[0])));
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::claims::Role;
    use crate::document::Article;

    #[test]
    fn every_toll_is_listed_under_one_measure_disputed_or_not() {
        let a = Article::from_text(
            "a.txt".into(),
            "قتل 12 شخصا وأصيب 30 آخرون في انفجار بمصنع للكيماويات يوم الاثنين.".into(),
        )
        .unwrap();
        let b = Article::from_text(
            "b.txt".into(),
            "أودى انفجار مصنع الكيماويات بحياة 15 شخصا وإصابة 30 يوم الاثنين.".into(),
        )
        .unwrap();
        let an = analyze(&[a, b]);
        let killed = an
            .figures
            .iter()
            .find(|m| m.measure == super::Measure::Count(Role::Killed))
            .expect("the death toll is a measure");
        assert_eq!(killed.figures.len(), 2);
        assert!(killed.dispute.is_some(), "12 and 15 disagree");
        let injured = an
            .figures
            .iter()
            .find(|m| m.measure == super::Measure::Count(Role::Injured))
            .expect("the injured are a measure");
        assert_eq!(injured.figures.len(), 2);
        assert!(injured.dispute.is_none(), "30 and 30 agree");
    }
}
