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
use crate::claims::time::{LIGHT, hours};
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

/// The token of `u` that names its event: the first content word past the
/// frame and light verbs.
fn event(u: &Unit) -> Option<usize> {
    (0..u.tokens.len()).find(|&k| {
        let key = u.tokens[k].key.as_str();
        let key = key
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(key);
        u.is_content(k) && !u.reading.frame[k] && !LIGHT.contains(&key)
    })
}

/// True when the event word of one side is said by the other.
fn one_event(a: &Unit, b: &Unit) -> bool {
    let told = |x: &Unit, y: &Unit| {
        event(x).is_some_and(|k| {
            let stem = &x.stems[k];
            let group = x.group_of(k);
            (0..y.tokens.len())
                .any(|j| &y.stems[j] == stem || (group.is_some() && y.group_of(j) == group))
        })
    };
    told(a, b) || told(b, a)
}

/// The time differences of two units.
pub fn differences((a, text_a): (&Unit, &str), (b, text_b): (&Unit, &str)) -> Vec<Difference> {
    let mut out = Vec::new();
    let (days_a, days_b) = (weekdays(a), weekdays(b));
    let (hours_a, hours_b) = (day_hours(a), day_hours(b));
    // Nothing to compare unless each side gives a weekday or a part of the
    // day; only then are the event words looked for.
    let timed = |days: &[(&Claim, u8)], hours: &Option<_>| !days.is_empty() || hours.is_some();
    if !(timed(&days_a, &hours_a) && timed(&days_b, &hours_b) && one_event(a, b)) {
        return out;
    }
    if let ([(ca, da)], [(cb, db)]) = (&days_a[..], &days_b[..])
        && da != db
    {
        out.push(Difference::quoting(
            DifferenceKind::Weekday,
            (text_a, (ca.start, ca.end)),
            (text_b, (cb.start, cb.end)),
            format!("weekday {da} versus weekday {db}: the days differ"),
        ));
    }
    if let (Some((ha, ca)), Some((hb, cb))) = (hours_a, hours_b)
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
