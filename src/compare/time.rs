//! Times of one event: weekdays and parts of the day.
//!
//! In: two units (with their claims) and their files' texts. Out:
//! [`Difference`]s of kind `Weekday` or `TimeOfDay`.
//!
//! Rules:
//! - Each side names one weekday, and they differ: a contradiction. A side
//!   naming two (the day of the event and the day of the report) is not
//!   read.
//! - Each side's parts of the day narrow each other (الساعة الثالثة فجرا is
//!   3–4); two sides whose hours cannot overlap contradict (صباح / مساء),
//!   two that overlap agree (مساء / ليل، فجر الأحد / الأحد).

use super::{Difference, DifferenceKind};
use crate::align::Unit;
use crate::claims::time::hours;
use crate::claims::{Claim, ClaimKind};

fn weekdays(u: &Unit) -> Vec<(&Claim, u8)> {
    let mut out: Vec<(&Claim, u8)> = u
        .reading
        .claims
        .iter()
        .filter_map(|c| match c.kind {
            ClaimKind::Weekday(d) => Some((c, d)),
            _ => None,
        })
        .collect();
    out.dedup_by_key(|(_, d)| *d);
    out
}

/// The hours a unit's parts of the day leave, with the span of the most
/// precise one; `None` when it names none or contradicts itself.
fn day_hours(u: &Unit) -> Option<([bool; 24], &Claim)> {
    let mut set = [true; 24];
    let mut best: Option<(&Claim, usize)> = None;
    for c in &u.reading.claims {
        if let ClaimKind::DayPart { from, to } = c.kind {
            let h = hours(from, to);
            for (s, x) in set.iter_mut().zip(h) {
                *s &= x;
            }
            let n = h.iter().filter(|x| **x).count();
            if best.is_none_or(|(_, m)| n < m) {
                best = Some((c, n));
            }
        }
    }
    let (claim, _) = best?;
    set.iter().any(|x| *x).then_some((set, claim))
}

/// The time differences of two units.
pub fn differences((a, text_a): (&Unit, &str), (b, text_b): (&Unit, &str)) -> Vec<Difference> {
    let mut out = Vec::new();
    if let ([(ca, da)], [(cb, db)]) = (&weekdays(a)[..], &weekdays(b)[..])
        && da != db
    {
        out.push(Difference::quoting(
            DifferenceKind::Weekday,
            (text_a, (ca.start, ca.end)),
            (text_b, (cb.start, cb.end)),
            format!("weekday {da} versus weekday {db}: the days differ"),
        ));
    }
    if let (Some((ha, ca)), Some((hb, cb))) = (day_hours(a), day_hours(b))
        && !ha.iter().zip(hb).any(|(x, y)| *x && y)
    {
        out.push(Difference::quoting(
            DifferenceKind::TimeOfDay,
            (text_a, (ca.start, ca.end)),
            (text_b, (cb.start, cb.end)),
            "the times of day cannot overlap".to_string(),
        ));
    }
    out
}
