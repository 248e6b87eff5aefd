//! Causes, agents and instruments: exclusive slots of one event.
//!
//! In: two units (with their claims) and their files' texts. Out:
//! [`Difference`]s of kind `Cause`, `Agent` or `Instrument`.
//!
//! Rules:
//! - Both sides fill one slot, and no class of one side can hold with a
//!   class of the other (a drone and a missile; a short circuit and arson;
//!   classes that can both hold are listed as `compatible` in
//!   `data/claims.txt`: a short circuit is a technical fault).
//! - One side denies a class (ليس سوء الأحوال الجوية) that the other
//!   states.

use super::{Difference, DifferenceKind};
use crate::align::Unit;
use crate::claims::lexicon::lexicon;
use crate::claims::{Claim, ClaimKind, Modality, SlotKind};

fn filled(u: &Unit, kind: SlotKind, modality: Modality) -> Vec<(&Claim, &'static str)> {
    u.reading
        .claims
        .iter()
        .filter_map(|c| match c.kind {
            ClaimKind::Slot { kind: k, class } if k == kind && c.modality == modality => {
                Some((c, class))
            }
            _ => None,
        })
        .collect()
}

fn kind_of(slot: SlotKind) -> DifferenceKind {
    match slot {
        SlotKind::Cause => DifferenceKind::Cause,
        SlotKind::Agent => DifferenceKind::Agent,
        SlotKind::Instrument => DifferenceKind::Instrument,
    }
}

/// The differences of two units in the given slots: classes that cannot
/// both hold (when `classes`), and a class denied on one side and stated on
/// the other.
pub fn differences(
    (a, text_a): (&Unit, &str),
    (b, text_b): (&Unit, &str),
    slots: &[SlotKind],
    classes: bool,
) -> Vec<Difference> {
    // Every difference below needs a slot filled on both sides; most
    // sentences fill none.
    let any_slot =
        |u: &Unit| (u.reading.claims.iter()).any(|c| matches!(c.kind, ClaimKind::Slot { .. }));
    if !any_slot(a) || !any_slot(b) {
        return Vec::new();
    }
    let lex = lexicon();
    let mut out = Vec::new();
    for &slot in slots {
        let (sa, sb) = (
            filled(a, slot, Modality::Asserted),
            filled(b, slot, Modality::Asserted),
        );
        let quote = |x: &Claim, y: &Claim, note: String| {
            Difference::quoting(
                kind_of(slot),
                (text_a, (x.start, x.end)),
                (text_b, (y.start, y.end)),
                note,
            )
        };
        if let (true, Some((ca, xa)), Some((cb, xb))) = (classes, sa.first(), sb.first())
            && !sa
                .iter()
                .any(|(_, x)| sb.iter().any(|(_, y)| lex.compatible(x, y)))
        {
            out.push(quote(
                ca,
                cb,
                format!("{} {xa} versus {xb}: they cannot both hold", slot.key()),
            ));
            continue;
        }
        // A class denied on one side and stated on the other, either way.
        let denied = filled(a, slot, Modality::Denied)
            .into_iter()
            .map(|(c, x)| (c, x, true));
        let denied = denied.chain(
            filled(b, slot, Modality::Denied)
                .into_iter()
                .map(|(c, x)| (c, x, false)),
        );
        for (cd, x, on_a) in denied {
            let stated = if on_a { &sb } else { &sa };
            if let Some((cs, _)) = stated.iter().find(|(_, y)| *y == x) {
                let (ca, cb) = if on_a { (cd, *cs) } else { (*cs, cd) };
                let side = if on_a { "a" } else { "b" };
                out.push(quote(
                    ca,
                    cb,
                    format!(
                        "{} {x} denied by side {side}, stated by the other",
                        slot.key()
                    ),
                ));
            }
        }
    }
    out
}
