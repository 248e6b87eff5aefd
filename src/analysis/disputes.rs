//! Disputes: a story's contradictions gathered by what they disagree about.
//!
//! In: the units, links and articles of an analysed story. Out:
//! [`Dispute`]s in reading order, each with the [`Measure`] in question
//! (the death toll, the day of the attack, the cause), its sides (a value
//! and the sentences that state it), the contradict links behind it, and
//! the earliest and latest publication time of its articles when known.
//!
//! Rules:
//! - The measure and each side's value are read from the claims the
//!   conflicting difference quotes: counts by role (all death tolls are one
//!   dispute, whatever the wording), weekdays, parts of the day, places and
//!   holders by their head noun, causes, agents and instruments by slot.
//! - A negation, denial or pair of opposites is a dispute about one
//!   statement: its measure is the fact ([`super::Fact`]) its first
//!   sentence belongs to, so two different statements stay apart.
//! - A dispute's id hashes its measure's key (and, for a statement, the
//!   first sentence's article and text), so it is the same after a restart
//!   and on another machine with the same files.

use super::{Fact, Link};
use crate::align::Unit;
use crate::claims::{Claim, ClaimKind, Modality, Role, SlotKind};
use crate::compare::ids::stable_id;
use crate::compare::{Difference, DifferenceKind, Relation};
use crate::document::Article;
use crate::document::front_matter::Published;
use crate::text::numbers::Amount;
use std::collections::BTreeMap;

/// What a dispute disagrees about.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Measure {
    /// A count of one role (killed, injured, drones …).
    Count(Role),
    /// The date of the event.
    Date,
    /// The day of the week of the event.
    Weekday,
    /// The time of day of the event.
    TimeOfDay,
    /// A place named after a head noun (the city, the airport).
    Place(String),
    /// An organisation named after a head noun (the party).
    Holder(String),
    /// The cause, agent or instrument.
    Slot(SlotKindKey),
    /// Whether a statement holds: the fact (index in the analysis's facts)
    /// it belongs to.
    Statement(usize),
}

/// [`SlotKind`] with an order, for measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum SlotKindKey {
    /// Why it happened.
    Cause,
    /// Who did it.
    Agent,
    /// With what.
    Instrument,
}

impl From<SlotKind> for SlotKindKey {
    fn from(k: SlotKind) -> SlotKindKey {
        match k {
            SlotKind::Cause => SlotKindKey::Cause,
            SlotKind::Agent => SlotKindKey::Agent,
            SlotKind::Instrument => SlotKindKey::Instrument,
        }
    }
}

impl Measure {
    /// A stable key: `count:killed`, `weekday`, `place:مدينه`, `cause` …
    pub fn key(&self) -> String {
        match self {
            Measure::Count(r) => format!("count:{}", r.key()),
            Measure::Date => "date".into(),
            Measure::Weekday => "weekday".into(),
            Measure::TimeOfDay => "time_of_day".into(),
            Measure::Place(h) => format!("place:{h}"),
            Measure::Holder(h) => format!("holder:{h}"),
            Measure::Slot(SlotKindKey::Cause) => "cause".into(),
            Measure::Slot(SlotKindKey::Agent) => "agent".into(),
            Measure::Slot(SlotKindKey::Instrument) => "instrument".into(),
            Measure::Statement(f) => format!("statement:{f}"),
        }
    }
}

/// One side of a dispute: a value and the units that state it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DisputeSide {
    /// The value, normalised (`41`, `about 400`, `weekday 3`, `drone`), or
    /// the words as written for a statement.
    pub value: String,
    /// Indices of the units stating it, in reading order.
    pub units: Vec<usize>,
    /// Where each unit states it: (unit, byte span of the words in its
    /// file), in the order of `units`; a unit may state it more than once.
    pub quotes: Vec<(usize, (usize, usize))>,
}

/// Contradicting claims of one story about one measure.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Dispute {
    /// Stable id (see the module's rules).
    pub id: String,
    /// What it is about.
    pub measure: Measure,
    /// Its sides, in the reading order of their first unit.
    pub sides: Vec<DisputeSide>,
    /// Indices of the contradict links behind it.
    pub links: Vec<usize>,
    /// Earliest publication time of an article on any side, when known.
    pub first_published: Option<Published>,
    /// Latest publication time, when known.
    pub last_published: Option<Published>,
}

/// The claim of `u` whose span is exactly `span`.
fn claim_at(u: &Unit, span: (usize, usize)) -> Option<&Claim> {
    u.reading.claims.iter().find(|c| (c.start, c.end) == span)
}

/// A claim's value; a denied one says so (not gunfire).
fn value_of(claim: &Claim) -> String {
    let v = value_of_kind(&claim.kind);
    match claim.modality {
        Modality::Denied => format!("not {v}"),
        Modality::Asserted | Modality::Forecast | Modality::Earlier => v,
    }
}

fn value_of_kind(kind: &ClaimKind) -> String {
    match kind {
        ClaimKind::Count { amount, .. } => amount.to_string(),
        ClaimKind::Weekday(d) => format!("weekday {d}"),
        ClaimKind::DayPart { from, to } => format!("hours {from}-{to}"),
        ClaimKind::Place { name, .. } | ClaimKind::Holder { name, .. } => name.join(" "),
        ClaimKind::Slot { class, .. } => class.to_string(),
    }
}

/// The measure of a conflicting difference and the values of its sides.
fn measure_of(
    d: &Difference,
    ua: &Unit,
    ub: &Unit,
    fact: usize,
) -> Option<(Measure, String, String)> {
    let (ca, cb) = (claim_at(ua, d.a_span), claim_at(ub, d.b_span));
    let words = || (d.a.clone(), d.b.clone());
    let (measure, (va, vb)) = match d.kind {
        DifferenceKind::Number | DifferenceKind::Singular => {
            // A singular side has no count claim: it says one.
            let role = [ca, cb].into_iter().flatten().find_map(|c| match &c.kind {
                ClaimKind::Count { role, .. } => Some(role.clone()),
                _ => None,
            })?;
            let v = |c: Option<&Claim>| c.map(value_of).unwrap_or_else(|| "1".into());
            (Measure::Count(role), (v(ca), v(cb)))
        }
        DifferenceKind::Date => (Measure::Date, words()),
        DifferenceKind::Weekday => (Measure::Weekday, (value_of(ca?), value_of(cb?))),
        DifferenceKind::TimeOfDay => (Measure::TimeOfDay, words()),
        DifferenceKind::Place | DifferenceKind::Holder | DifferenceKind::Nationality => {
            let (ClaimKind::Place { head, .. } | ClaimKind::Holder { head, .. }) = &ca?.kind else {
                return None;
            };
            let m = if d.kind != DifferenceKind::Holder {
                Measure::Place(head.clone())
            } else {
                Measure::Holder(head.clone())
            };
            (m, (value_of(ca?), value_of(cb?)))
        }
        DifferenceKind::Cause | DifferenceKind::Agent | DifferenceKind::Instrument => {
            let ClaimKind::Slot { kind, .. } = &ca?.kind else {
                return None;
            };
            (
                Measure::Slot((*kind).into()),
                (value_of(ca?), value_of(cb?)),
            )
        }
        DifferenceKind::Negation | DifferenceKind::Denial | DifferenceKind::Antonym => {
            (Measure::Statement(fact), words())
        }
        DifferenceKind::Specificity | DifferenceKind::Forecast | DifferenceKind::Scope => {
            return None;
        }
    };
    Some((measure, va, vb))
}

fn published(a: &Article) -> Option<&Published> {
    a.front_matter
        .as_ref()
        .and_then(|f| f.published.as_ref())
        .or(a.inferred_published.as_ref())
}

/// Stable id: FNV-1a of the measure's key and, for a statement, of its
/// first sentence.
fn dispute_id(measure: &Measure, first: (&str, &str)) -> String {
    match measure {
        Measure::Statement(_) => stable_id(&["statement", first.0, first.1]),
        other => stable_id(&["dispute", &other.key()]),
    }
}

/// Each value of a measure with the units that state it and where.
type Sides = BTreeMap<String, Vec<(usize, (usize, usize))>>;

/// The amount of the count claim at `span` of `u`, if it is one.
fn amount_at(u: &Unit, span: (usize, usize)) -> Option<Amount> {
    match claim_at(u, span)?.kind {
        ClaimKind::Count { amount, .. } => Some(amount),
        _ => None,
    }
}

/// Folds each rounded or bounded side (نحو 135، أكثر من 5 آلاف) into the
/// exact side of the same figure (135، 5000), so that a dispute's sides are
/// the values that cannot all hold, not every way of writing one of them.
/// A bound on another figure (أكثر من 100 against 135) is a claim of its
/// own, and stays a side.
fn fold_rounded(mut sides: Sides, amounts: &BTreeMap<String, Option<Amount>>) -> Sides {
    let amount = |v: &String| amounts.get(v).copied().flatten();
    let exact: Vec<(String, Amount)> = sides
        .keys()
        .filter_map(|v| {
            amount(v)
                .filter(|a| a.exact().is_some())
                .map(|a| (v.clone(), a))
        })
        .collect();
    let rounded: Vec<String> = sides
        .keys()
        .filter(|v| amount(v).is_some_and(|a| a.exact().is_none()))
        .cloned()
        .collect();
    for r in rounded {
        let Some(a) = amount(&r) else { continue };
        let figure = match a {
            Amount::About(v)
            | Amount::MoreThan(v)
            | Amount::AtLeast(v)
            | Amount::AtMost(v)
            | Amount::LessThan(v) => Some(v),
            Amount::Exact(_) | Amount::Vague { .. } => None,
        };
        let fits: Vec<&String> = exact
            .iter()
            .filter(|(_, e)| figure.is_some() && e.exact() == figure && a.compatible(*e))
            .map(|(v, _)| v)
            .collect();
        if let [into] = fits[..]
            && let Some(quotes) = sides.remove(&r)
        {
            sides.entry(into.clone()).or_default().extend(quotes);
        }
    }
    sides
}

/// Gathers the contradict links of a story into disputes.
pub fn gather(
    units: &[Unit],
    links: &[Link],
    facts: &[Fact],
    articles: &[Article],
) -> Vec<Dispute> {
    let mut fact_of = vec![0; units.len()];
    for (f, fact) in facts.iter().enumerate() {
        for &u in &fact.units {
            fact_of[u] = f;
        }
    }
    // Measure → (value → units), and the links.
    let mut by_measure: BTreeMap<Measure, (Sides, Vec<usize>)> = BTreeMap::new();
    // Each count value's amount, to fold a rounded side into the exact one.
    let mut amounts: BTreeMap<String, Option<Amount>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        if l.relation != Relation::Contradict {
            continue;
        }
        for d in l.differences.iter().filter(|d| d.is_conflict()) {
            let Some((m, va, vb)) = measure_of(d, &units[l.a], &units[l.b], fact_of[l.a]) else {
                continue;
            };
            let (sides, ls) = by_measure.entry(m).or_default();
            for (v, u, span) in [(va, l.a, d.a_span), (vb, l.b, d.b_span)] {
                amounts
                    .entry(v.clone())
                    .or_insert_with(|| amount_at(&units[u], span));
                sides.entry(v).or_default().push((u, span));
            }
            if !ls.contains(&i) {
                ls.push(i);
            }
        }
    }
    let order = |u: usize| (units[u].article, units[u].segment);
    let mut out: Vec<Dispute> = by_measure
        .into_iter()
        .map(|(measure, (sides, links))| (measure, (fold_rounded(sides, &amounts), links)))
        .map(|(measure, (sides, links))| {
            let mut sides: Vec<DisputeSide> = sides
                .into_iter()
                .map(|(value, mut quotes)| {
                    quotes.sort_by_key(|&(u, span)| (order(u), span));
                    quotes.dedup();
                    let mut us: Vec<usize> = quotes.iter().map(|q| q.0).collect();
                    us.dedup();
                    DisputeSide {
                        value,
                        units: us,
                        quotes,
                    }
                })
                .collect();
            sides.sort_by_key(|s| order(s.units[0]));
            let first = order(sides[0].units[0]);
            let (art, seg) = first;
            let a = &articles[art];
            let id = dispute_id(&measure, (&a.id, a.segment_text(&a.segments[seg])));
            let times: Vec<(i64, &Published)> = sides
                .iter()
                .flat_map(|s| &s.units)
                .filter_map(|&u| published(&articles[units[u].article]))
                .map(|p| (p.utc_minutes().unwrap_or_else(|| p.day_minutes()), p))
                .collect();
            let first_published = times.iter().min_by_key(|t| t.0).map(|t| *t.1);
            let last_published = times.iter().max_by_key(|t| t.0).map(|t| *t.1);
            Dispute {
                id,
                measure,
                sides,
                links,
                first_published,
                last_published,
            }
        })
        .collect();
    out.sort_by_key(|d| order(d.sides[0].units[0]));
    out
}
