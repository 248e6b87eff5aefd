//! Analysis: a story's sentences aligned and compared.
//!
//! In: the articles of one story. Out: an [`Analysis`]: every title and
//! Arabic sentence as a [`Unit`] ([`crate::align`]), the name entities of
//! the story, and [`Link`]s between units of different articles, each with
//! a score in 0..1, the features the two share, and the relation decided by
//! [`crate::compare`]; the links grouped into [`Fact`]s, and the
//! contradictions with stable ids.
//!
//! Rules:
//! - A pair is linked by [`crate::align::score::by_score`], or when its
//!   counts conflict, it shares [`CONTRADICTION_SHARED`] features (a shared
//!   role aside) and scores at least [`CONTRADICTION_LINK_THRESHOLD`]
//!   ([`conflict_link`]); never a title by a conflict alone.
//! - Two sentences about why it happened are one fact, the cause, from
//!   [`CAUSE_LINK_THRESHOLD`] ([`cause_link`]).
//! - A sentence set before the story's event (العام الماضي) is never
//!   linked to one that is not.
//! - Two sentences counting one role of people as stated fact are one fact
//!   (the toll, the missing) from [`ROLE_LINK_THRESHOLD`] ([`role_link`]).

pub mod disputes;
pub mod facts;
pub mod figures;
pub mod search;
mod stored;

pub use disputes::{Dispute, DisputeSide, Measure};
pub use facts::Fact;

use crate::align::features::{self, Feature, Unit};
use crate::align::words::{self, Words};
use crate::align::{score, synonyms};
use crate::claims::{ClaimKind, Modality, Role};
use crate::compare::{self, Difference, Relation};
use crate::document::Article;
use crate::text::names::Entities;
use crate::text::numbers::QuantityKind;
use crate::text::stem::Stemmer;
use crate::text::tokenize::tokenize;
use crate::text::{SegmentKind, script};
use rayon::prelude::*;

/// Score from which two units whose counts of one noun conflict are linked:
/// the shared noun with a conflicting count is itself evidence of one fact
/// told two ways, so less else needs to match.
pub const CONTRADICTION_LINK_THRESHOLD: f64 = 0.08;

/// Features two such units must share (the noun and at least two more, such
/// as the event and a name), so that counts of one noun in different events
/// stay apart.
pub const CONTRADICTION_SHARED: usize = 3;

/// Two units of different articles that report one fact.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Link {
    /// Index of one unit in [`Analysis::units`]; `a` is in the earlier article.
    pub a: usize,
    /// Index of the other unit.
    pub b: usize,
    /// Similarity in 0..1.
    pub score: f64,
    /// Agree, contradict or related.
    pub relation: Relation,
    /// What differs, conflicts and details.
    pub differences: Vec<Difference>,
    /// Features the two units share, rarest first, as indices into the
    /// features of unit `a` ([`Analysis::shared`] gives the features):
    /// four bytes each, where a copy of each feature cost a heap string
    /// (a third of a large archive's memory went to them).
    pub shared: Vec<u32>,
}

/// A contradict link with its stable id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contradiction {
    /// See [`compare::ids::contradiction_id`].
    pub id: String,
    /// Index in [`Analysis::links`].
    pub link: usize,
}

/// A story aligned and compared.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// Every title and Arabic sentence, in article then reading order.
    pub units: Vec<Unit>,
    /// Links between units of different articles.
    pub links: Vec<Link>,
    /// The story's name entities.
    pub entities: Entities,
    /// The story's stemmer, to read queries the way the story was read.
    /// Not kept in a cache: rebuilt from the articles
    /// ([`Analysis::restore_stemmer`]).
    #[serde(skip)]
    pub stemmer: Stemmer,
    /// Units grouped into facts, in reading order.
    pub facts: Vec<Fact>,
    /// Contradict links in reading order of their first side.
    pub contradictions: Vec<Contradiction>,
    /// Contradictions gathered by what they disagree about, in reading
    /// order.
    pub disputes: Vec<Dispute>,
    /// Every claim of the compared sentences, by measure, with the dispute
    /// about each measure when there is one.
    pub figures: Vec<figures::MeasureFigures>,
    /// `unit_at[article][segment]`: the unit of a segment, if analysed.
    unit_at: Vec<Vec<Option<usize>>>,
    /// Every spelling, as written in the files, of each name entity.
    pub entity_spellings: Vec<Vec<String>>,
    /// Indices of the links of each unit.
    links_of: Vec<Vec<usize>>,
    /// For each link, its place in `contradictions` when it is one.
    contradiction_of: Vec<Option<usize>>,
}

impl Analysis {
    /// The unit of segment `segment` of article `article`, if it was analysed.
    pub fn unit_of(&self, article: usize, segment: usize) -> Option<usize> {
        *self.unit_at.get(article)?.get(segment)?
    }

    /// The links of unit `unit`: the unit at the other end, the link's index
    /// in [`Analysis::links`], and the link.
    pub fn links_of(&self, unit: usize) -> impl Iterator<Item = (usize, usize, &Link)> {
        self.links_of[unit].iter().map(move |&i| {
            let l = &self.links[i];
            (if l.a == unit { l.b } else { l.a }, i, l)
        })
    }

    /// The features the two units of `link` share, rarest first.
    pub fn shared<'a>(&'a self, link: &'a Link) -> impl Iterator<Item = &'a Feature> + 'a {
        let features = &self.units[link.a].features;
        link.shared
            .iter()
            .filter_map(|&i| features.get(i as usize).map(|(f, _)| f))
    }

    /// The dispute link `link` (an index in [`Analysis::links`]) belongs
    /// to, if any.
    pub fn dispute_of(&self, link: usize) -> Option<&Dispute> {
        self.disputes.iter().find(|d| d.links.contains(&link))
    }

    /// The contradiction made by link `link` (an index in
    /// [`Analysis::links`]), if it is one.
    pub fn contradiction_of(&self, link: usize) -> Option<&Contradiction> {
        self.contradictions.get(self.contradiction_of[link]?)
    }

    /// True when `id` is one of this story's disputes or contradictions
    /// (what a verdict may be given on); false for an orphan's target.
    pub fn has_flag(&self, id: &str) -> bool {
        self.disputes.iter().any(|d| d.id == id) || self.contradiction(id).is_some()
    }

    /// The contradiction with this id.
    pub fn contradiction(&self, id: &str) -> Option<(usize, &Contradiction)> {
        self.contradictions
            .iter()
            .enumerate()
            .find(|(_, c)| c.id == id)
    }
}

/// True for segments that state facts to compare: titles and sentences in
/// Arabic (a [`SegmentKind::Sentence`] is one by definition).
fn is_comparable(kind: SegmentKind, text: &str) -> bool {
    match kind {
        SegmentKind::Sentence => true,
        SegmentKind::Title => script::guess_language(text) == Some("ar"),
        SegmentKind::Boilerplate | SegmentKind::Foreign | SegmentKind::Metadata => false,
    }
}

/// Analyses one story.
pub fn analyze(articles: &[Article]) -> Analysis {
    // Articles are tokenised on rayon's threads, in order.
    let raw: Vec<_> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(a, article)| {
            article
                .segments
                .iter()
                .enumerate()
                .filter_map(move |(s, seg)| {
                    let text = seg.text(&article.text);
                    is_comparable(seg.kind, text).then(|| {
                        (
                            a,
                            s,
                            seg.kind == SegmentKind::Title,
                            tokenize(text, seg.start),
                        )
                    })
                })
        })
        .collect();
    // The stemmer's evidence is the story's vocabulary: its distinct words
    // are all it needs.
    let distinct = words::distinct(raw.iter().flat_map(|(_, _, _, t)| t));
    let stemmer =
        Stemmer::new(distinct.iter().map(|t| t.key.as_str())).with_lexicon(synonyms::evidence());
    let synonyms = synonyms::Synonyms::shared();
    let antonyms = compare::Antonyms::shared();
    let words = Words::read(distinct, &stemmer);
    let sentences: Vec<Vec<&str>> = raw
        .par_iter()
        .map(|(_, _, _, toks)| {
            toks.iter()
                .filter_map(|t| {
                    let w = words.get(&t.key)?;
                    w.content.then(|| w.bare(&t.key))
                })
                .collect()
        })
        .collect();
    let entities = Entities::build(&sentences);
    drop(sentences);
    let reader = features::Reader {
        stemmer: &stemmer,
        synonyms,
        entities: &entities,
        words: &words,
    };
    // Units, their polarity, candidates and comparisons are independent
    // per item: rayon spreads them over the cores (a story of hundreds of
    // articles is otherwise one core's work).
    let units: Vec<Unit> = raw
        .into_par_iter()
        .map(|(a, s, title, toks)| reader.unit((a, s, title), toks, &articles[a].text))
        .collect();
    let stems = compare::Stems::of(words.stems(), antonyms);
    let polarity: Vec<compare::Polarity> = units
        .par_iter()
        .map(|u| compare::Polarity::of(u, &stems))
        .collect();
    let scored = score::candidates(&units);
    let keep = score::by_score(&units, &scored);
    let links = scored
        .into_par_iter()
        .zip(keep)
        .filter_map(|(c, keep)| {
            let (ua, ub) = (&units[c.a], &units[c.b]);
            // A sentence set at an earlier time (العام الماضي) reports
            // another fact than one of the story's event.
            let same_time = ua.reading.past == ub.reading.past;
            let role = role_link(ua, ub, &c) || cause_link(ua, ub, &c);
            // Only pairs that can become links are compared (most
            // candidates of a long story share a word and nothing more).
            let opposed = !keep && opposite_link(ua, ub, &c);
            if !same_time || !(keep || role || opposed || may_conflict_link(ua, ub, &c)) {
                return None;
            }
            let texts = (
                articles[ua.article].text.as_str(),
                articles[ub.article].text.as_str(),
            );
            let (mut relation, mut differences) =
                compare::compare(ua, ub, texts, c.score, (&polarity[c.a], &polarity[c.b]));
            let mut opposite = false;
            if opposed && relation != Relation::Contradict {
                let sides = ((ua, &polarity[c.a], texts.0), (ub, &polarity[c.b], texts.1));
                let found = compare::polarity::antonym_differences(sides.0, sides.1);
                if !found.is_empty() {
                    relation = Relation::Contradict;
                    differences.extend(found);
                    opposite = true;
                }
            }
            let conflict = conflict_link(ua, ub, relation, &c) || opposite;
            (keep || conflict || role).then_some(Link {
                a: c.a,
                b: c.b,
                score: c.score,
                relation,
                differences,
                shared: c.shared,
            })
        })
        .collect();
    stemmer.forget();
    index(units, links, entities, stemmer, articles)
}

/// True when a pair that contradicts is linked below the score rules: it
/// shares [`CONTRADICTION_SHARED`] features and scores at least
/// [`CONTRADICTION_LINK_THRESHOLD`]. Not for a title, which is linked by its
/// own score only (and whose indefinite singular is often the kind of
/// thing, هجوم بصاروخ "a missile attack", rather than a count).
pub fn conflict_link(ua: &Unit, ub: &Unit, relation: Relation, c: &score::Candidate) -> bool {
    relation == Relation::Contradict && may_conflict_link(ua, ub, c)
}

/// [`conflict_link`] but for the relation: what can be known before
/// comparing.
fn may_conflict_link(ua: &Unit, ub: &Unit, c: &score::Candidate) -> bool {
    // A shared role (two death tolls) is what conflicts, not evidence of
    // one fact besides it.
    let shared = c
        .features(ua)
        .filter(|f| !matches!(f, Feature::Value(v) if v.starts_with("role:")))
        .count();
    c.score >= CONTRADICTION_LINK_THRESHOLD
        && shared >= CONTRADICTION_SHARED
        && !(ua.title || ub.title)
}

/// Score from which two sentences that share [`OPPOSITE_SHARED`] features
/// and hold words of opposite meaning (يرتفع / هبوط، تخفض / تزيد) are
/// linked as a contradiction: the opposite words are themselves the fact
/// they differ on, so less else needs to match. Not a negation: a negated
/// verb of saying (لم تعلن أي جماعة) shares too little with «أعلن الجيش»
/// to be one fact. Chosen on all material together: 0.12 flags a ferry
/// pair (contradiction P 0.92 -> 0.80); 0.18 finds fewer (ANS dev R 0.229
/// -> 0.223); the checklist, the other stories, the seeds and the coverage
/// sets are equal across that range.
pub const OPPOSITE_LINK_THRESHOLD: f64 = 0.15;

/// Features two such sentences must share. With 3, ANS dev R is 0.210;
/// with 1, ANS train P falls (0.991 -> 0.987) for no recall on dev.
pub const OPPOSITE_SHARED: usize = 2;

/// True when a pair below the score rules may be linked for saying
/// opposite things: see [`OPPOSITE_LINK_THRESHOLD`]. Not a title.
fn opposite_link(ua: &Unit, ub: &Unit, c: &score::Candidate) -> bool {
    c.score >= OPPOSITE_LINK_THRESHOLD
        && c.features(ua).count() >= OPPOSITE_SHARED
        && !(ua.title || ub.title)
}

/// Score from which two sentences counting one role of people are linked:
/// two death tolls are one fact in any wording (the toll), whatever else
/// the sentences say. Chosen on all dev material together: 0.08 links
/// passing mentions (14 survivors taken to a hospital against the 310
/// rescued; ferry contradiction P 0.73), 0.15 loses tolls told in long
/// sentences (ferry link F1 0.77 -> 0.72); the seeds, the checklist and
/// the other stories are equal across that range.
pub const ROLE_LINK_THRESHOLD: f64 = 0.12;

/// The roles of people `u` counts as stated fact, now or earlier (not a
/// forecast, not a denial).
fn people_roles(u: &Unit) -> Vec<&Role> {
    u.reading
        .claims
        .iter()
        .filter(|c| matches!(c.modality, Modality::Asserted | Modality::Earlier))
        .filter_map(|c| match &c.kind {
            ClaimKind::Count { role, .. } => Some(role),
            _ => None,
        })
        .filter(|r| !matches!(r, Role::Measure(_) | Role::Thing(_)))
        .collect()
}

/// The years and dates `u` names, as a reference time.
fn reference_times(u: &Unit) -> Vec<QuantityKind> {
    u.quantities
        .iter()
        .map(|q| q.kind)
        .filter(|k| matches!(k, QuantityKind::Year | QuantityKind::Date { .. }))
        .collect()
}

/// True when two sentences (neither a title) count one role of people
/// (killed, missing, rescued …) as stated fact, score at least
/// [`ROLE_LINK_THRESHOLD`], and give no different reference time (a toll
/// "in 2019" is another toll).
pub fn role_link(ua: &Unit, ub: &Unit, c: &score::Candidate) -> bool {
    if ua.title || ub.title || c.score < ROLE_LINK_THRESHOLD {
        return false;
    }
    let (ra, rb) = (people_roles(ua), people_roles(ub));
    ra.iter().any(|r| rb.contains(r)) && reference_times(ua) == reference_times(ub)
}

/// Score from which two sentences about why the event happened are
/// linked: all of them tell one fact, the cause, in whatever words
/// (strong winds; a fault in the engine, not the weather; causes not yet
/// clear). Chosen on all dev material together: 0 gives the same figures
/// (a pair must still share a feature to be scored); 0.05 loses a
/// factory short circuit against arson (factory R 0.80 -> 0.73), 0.10 a
/// ferry cause too.
pub const CAUSE_LINK_THRESHOLD: f64 = 0.02;

/// True when two sentences (neither a title) are both about the cause of
/// the event and score at least [`CAUSE_LINK_THRESHOLD`].
pub fn cause_link(ua: &Unit, ub: &Unit, c: &score::Candidate) -> bool {
    !(ua.title || ub.title)
        && ua.reading.about_cause
        && ub.reading.about_cause
        && c.score >= CAUSE_LINK_THRESHOLD
}

/// Builds the lookups of an analysis: facts, contradiction ids, links per
/// unit and units per segment.
fn index(
    mut units: Vec<Unit>,
    links: Vec<Link>,
    entities: Entities,
    stemmer: Stemmer,
    articles: &[Article],
) -> Analysis {
    // Stems and bare forms served the comparison; pages and search read the
    // features and tokens, so the per-token strings are let go (about a
    // third of a story's memory).
    for u in &mut units {
        u.stems = Vec::new();
        u.bare = Vec::new();
    }
    let mut unit_at: Vec<Vec<Option<usize>>> = articles
        .iter()
        .map(|a| vec![None; a.segments.len()])
        .collect();
    for (i, u) in units.iter().enumerate() {
        unit_at[u.article][u.segment] = Some(i);
    }
    let mut links_of = vec![Vec::new(); units.len()];
    for (i, l) in links.iter().enumerate() {
        links_of[l.a].push(i);
        links_of[l.b].push(i);
    }
    let segments: Vec<usize> = articles.iter().map(|a| a.segments.len()).collect();
    let facts = facts::group(&units, &links, &segments);
    let disputes = disputes::gather(&units, &links, &facts, articles);
    let figures = figures::gather(&units, &disputes);
    let mut entity_spellings: Vec<std::collections::BTreeSet<&str>> =
        vec![Default::default(); entities.forms.len()];
    for u in &units {
        for (f, toks) in &u.features {
            if let Feature::Entity(e) = f {
                for &t in toks {
                    let tok = &u.tokens[t];
                    entity_spellings[*e as usize]
                        .insert(&articles[u.article].text[tok.start..tok.end]);
                }
            }
        }
    }
    let entity_spellings = entity_spellings
        .into_iter()
        .map(|s| s.into_iter().map(str::to_string).collect())
        .collect();
    let sentence = |u: usize| {
        let unit = &units[u];
        let art = &articles[unit.article];
        (
            art.id.as_str(),
            art.segment_text(&art.segments[unit.segment]),
        )
    };
    let mut contradictions: Vec<Contradiction> = links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.relation == Relation::Contradict)
        .map(|(i, l)| {
            let ((aa, ta), (ab, tb)) = (sentence(l.a), sentence(l.b));
            Contradiction {
                id: compare::ids::contradiction_id(aa, ta, ab, tb),
                link: i,
            }
        })
        .collect();
    contradictions.sort_by_key(|c| {
        let l = &links[c.link];
        let (a, b) = (&units[l.a], &units[l.b]);
        (a.article, a.segment, b.article, b.segment)
    });
    let mut contradiction_of = vec![None; links.len()];
    for (k, c) in contradictions.iter().enumerate() {
        contradiction_of[c.link] = Some(k);
    }
    Analysis {
        disputes,
        figures,
        units,
        links,
        entities,
        stemmer,
        facts,
        contradictions,
        unit_at,
        entity_spellings,
        links_of,
        contradiction_of,
    }
}

#[cfg(test)]
mod compare_tests;
#[cfg(test)]
mod reading_tests;
#[cfg(test)]
mod tests;
