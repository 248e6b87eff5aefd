//! Similarity of two units and the choice of links.
//!
//! In: the units of a story. Out: [`Candidate`] links, each pair of units of
//! different articles at most once, with `a` in the earlier article.
//!
//! Rules:
//! - A word's weight is also partly its rarity in general news (a
//!   background table, [`BACKGROUND_SHARE`]).
//! - Each feature weighs its inverse document frequency over the units,
//!   `ln((N + 1) / df)`: a stem in every sentence (قال) weighs almost
//!   nothing, a name or a rare noun much. The words of the story's event
//!   (the attack, the place, the main name) are in most sentences and say
//!   nothing about which fact a sentence reports; the smoother
//!   `ln(1 + N / df)` left them `ln 2` at the least, enough for two
//!   sentences of one event but different facts to link on them alone. The
//!   `+ 1` keeps a weight for a word shared by every unit of a tiny story
//!   (two one-sentence articles).
//! - The score of a pair blends two ratios of shared weight `s` to the
//!   units' weights `wa`, `wb`: `s / sqrt(wa * wb)` (a cosine of square-root
//!   weights) and `s / min(wa, wb)` (containment, so that a short sentence
//!   wholly inside a long one scores high); see [`CONTAINMENT_SHARE`].
//!   Containment divides by at least a floor of [`CONTAINMENT_FLOOR`] times
//!   the story's median unit weight, so that a short sentence of common
//!   words is not "contained" in every sentence naming the same person.
//! - A pair is linked by its score alone ([`LINK_THRESHOLD`]), as a unit's
//!   best partner in another article ([`BEST_MATCH_THRESHOLD`]), or through
//!   a third sentence: two units both strongly linked to one unit of a third
//!   article report its fact, so they are linked from the lower
//!   [`BRIDGED_THRESHOLD`] (a fact told by several sources is one set of
//!   sentences, not only the pairs that happen to share words).
//! - A title (headline) is linked by its own score alone: it sums up the
//!   whole article, so it shares words with every sentence of the event and
//!   is always somebody's "best partner"; neither the best-partner rule nor
//!   a bridge says it reports one sentence's fact. Nor does a weak title
//!   pair take the best-partner place of a sentence.
//! - Pairs come from an inverted index (feature → units); a feature held by
//!   more than [`MAX_POSTINGS_SHARE`] of the units (or than [`MAX_POSTINGS`]
//!   units) is too common to propose
//!   candidates, though it still counts in the score.

use super::features::{Feature, Unit};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Score from which two units are linked whatever else they match. Chosen on
/// the seeds with the IDF above, and F1 peaks here: 0.25 gives link F1
/// 0.883 to 0.898, 0.26 0.901, 0.27 0.859 to 0.874 (with
/// [`BEST_MATCH_THRESHOLD`] one or two hundredths lower); 0.30 about 0.80,
/// losing every fact told in other words.
pub const LINK_THRESHOLD: f64 = 0.26;

/// Share of its rarity a word of a sentence's frame weighs (the speaker,
/// the programme, "in a press conference"): two sentences that share only
/// who said them are two facts, yet a shared speaker is some evidence of
/// one statement. A shared feature weighs the greater of its two sides'
/// weights, so a name framing one sentence and told in the other counts in
/// full; only a word that frames both sides is discounted. With the lesser,
/// seeds link F1 was 0.844; with the greater 0.875, dev stories equal or
/// better.
pub const FRAME_WEIGHT: f64 = 0.3;

/// Lower score accepted for a unit's best match in another article: a
/// sentence that says the same thing in other words still has one partner
/// that stands out.
pub const BEST_MATCH_THRESHOLD: f64 = 0.25;

/// Weight of containment in the blended score (the rest is cosine). Sources
/// merge several facts into one long sentence; containment keeps such pairs.
pub const CONTAINMENT_SHARE: f64 = 0.5;

/// Containment's denominator is at least this share of the story's median
/// unit weight: below it, a sentence is too short to be "wholly inside"
/// another on the strength of a few common words (a source, a name).
pub const CONTAINMENT_FLOOR: f64 = 0.6;

/// Score from which two units are linked when both are linked, at
/// [`LINK_THRESHOLD`] or more, to one unit of a third article.
pub const BRIDGED_THRESHOLD: f64 = 0.15;

/// Features held by more units than this share do not propose candidates.
pub const MAX_POSTINGS_SHARE: f64 = 0.5;

/// Postings of up to this many units always propose candidates: a small
/// story can afford every pair, and there every feature is "common".
pub const MIN_POSTINGS_CAP: usize = 32;

/// Postings longer than this never propose candidates, whatever the story's
/// size: a feature in hundreds of sentences says nothing about which two
/// match, and its pairs grow with the square of its postings (10,000
/// one-line articles on one theme would otherwise propose 10^7 pairs per
/// word). Far above any feature of a story of tens of articles.
pub const MAX_POSTINGS: usize = 256;

/// Units after it in a feature's postings that each unit is paired with
/// when the feature is held by more than [`MAX_POSTINGS`] units: one story
/// of 1,000 generated articles linked nothing without it (every word of a
/// fact told 600 times was too common to propose a pair).
pub const NEIGHBOURS: usize = 8;

/// A scored pair of units of different articles.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    /// Index of the unit in the earlier article.
    pub a: usize,
    /// Index of the unit in the later article.
    pub b: usize,
    /// Similarity in 0..1.
    pub score: f64,
    /// Features the two share, rarest first, as indices into the features
    /// of unit `a` ([`Candidate::features`]).
    pub shared: Vec<u32>,
}

impl Candidate {
    /// The features the two share, rarest first; `a` is unit `a`.
    pub fn features<'a>(&'a self, a: &'a Unit) -> impl Iterator<Item = &'a Feature> + 'a {
        self.shared
            .iter()
            .filter_map(|&k| a.features.get(k as usize).map(|(f, _)| f))
    }
}

/// Share of a word's weight that its rarity in general news decides (the
/// background table of [`super::background`], scaled to 0..1): in a story
/// of two or three short articles every shared word is equally rare in the
/// story, and the background tells a name from "said". Chosen on all dev
/// material together: 0.2 to 0.4 give the same figures (seeds link F1
/// 0.875 -> 0.882, ferry 0.828 -> 0.834, the rest equal); 0.6 costs the
/// factory story (0.821 -> 0.795).
pub const BACKGROUND_SHARE: f64 = 0.3;

/// Inverse document frequency of every feature, over the story's units and
/// (for words) partly over general news ([`BACKGROUND_SHARE`]).
pub fn weights(units: &[Unit]) -> FxHashMap<&Feature, f64> {
    let mut df: FxHashMap<&Feature, usize> = FxHashMap::default();
    for u in units {
        for (f, _) in &u.features {
            *df.entry(f).or_default() += 1;
        }
    }
    let weight = Weight::of(units);
    df.into_iter()
        .map(|(f, d)| (f, weight.of_feature(f, d)))
        .collect()
}

/// What a feature's weight depends on besides the feature: the story's
/// number of units and the background table.
struct Weight {
    n: f64,
    bg: &'static super::background::Background,
    top: f64,
}

impl Weight {
    fn of(units: &[Unit]) -> Weight {
        let bg = super::background::Background::get();
        Weight {
            n: units.len() as f64,
            bg,
            top: (bg.sentences() + 1.0).ln(),
        }
    }

    /// The weight of feature `f`, held by `d` units of the story.
    fn of_feature(&self, f: &Feature, d: usize) -> f64 {
        let story = ((self.n + 1.0) / d as f64).ln();
        let general = match f {
            Feature::Stem(s) => self.bg.idf(s) / self.top,
            Feature::Synonym(_) | Feature::Entity(_) | Feature::Value(_) => 1.0,
        };
        story * (1.0 - BACKGROUND_SHARE + BACKGROUND_SHARE * general)
    }
}

/// Scores every pair of units of different articles that shares a feature.
///
/// Each unit gathers the later-article units that share a proposing
/// feature with it (its postings), one bucket per partner, and scores
/// each pair once:
/// one unit's work is independent of another's, so rayon spreads the
/// units over the cores, and no map of all pairs is ever built.
pub fn candidates(units: &[Unit]) -> Vec<Candidate> {
    // Postings: feature id → (unit, index of the feature in the unit); and
    // each unit's feature ids, parallel to its features. A feature is
    // hashed once here; everything after goes by its id.
    let mut ids: FxHashMap<&Feature, u32> = FxHashMap::default();
    let mut postings: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut fid: Vec<Vec<u32>> = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        let mut mine = Vec::with_capacity(u.features.len());
        for (k, (f, _)) in u.features.iter().enumerate() {
            let id = *ids.entry(f).or_insert_with(|| {
                postings.push(Vec::new());
                (postings.len() - 1) as u32
            });
            postings[id as usize].push((i, k));
            mine.push(id);
        }
        fid.push(mine);
    }
    // Each feature id's place in the order of the features themselves: a
    // pair's shared features are sorted by it after their weight, without
    // comparing the features (strings) pair after pair.
    let mut by_feature: Vec<(&Feature, u32)> = ids.iter().map(|(f, &id)| (*f, id)).collect();
    by_feature.sort_unstable();
    let mut order = vec![0u32; by_feature.len()];
    for (n, &(_, id)) in by_feature.iter().enumerate() {
        order[id as usize] = n as u32;
    }
    // The weight of each feature id: a unit's features are distinct, so a
    // feature's postings are the units that hold it.
    let weight = Weight::of(units);
    let w: Vec<f64> = postings
        .iter()
        .map(|list| {
            let (i, k) = list[0];
            weight.of_feature(&units[i].features[k].0, list.len())
        })
        .collect();
    // Each unit's weight of each feature: rarity, scaled down in its frame
    // (parallel to the unit's features).
    let own: Vec<Vec<f64>> = units
        .iter()
        .zip(&fid)
        .map(|(u, ids)| {
            u.features
                .iter()
                .zip(ids)
                .map(|((_, toks), &id)| w[id as usize] * u.scale(toks))
                .collect()
        })
        .collect();
    // The story-wide weight of each feature of each unit, looked up once
    // (sorting a pair's shared features by it hashed a feature per
    // comparison: a fifth of a 400-article story, measured with perf).
    let rank: Vec<Vec<f64>> = fid
        .iter()
        .map(|ids| ids.iter().map(|&id| w[id as usize]).collect())
        .collect();
    let mass: Vec<f64> = own.iter().map(|m| m.iter().sum()).collect();
    let floor = median(&mass) * CONTAINMENT_FLOOR;
    let cap = (((units.len() as f64) * MAX_POSTINGS_SHARE).max(MIN_POSTINGS_CAP as f64) as usize)
        .min(MAX_POSTINGS);
    // Features too common to propose pairs still count in a pair's score:
    // each unit's list of them (few), to look up per pair.
    let mut common_of: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    // Partners proposed by no feature but as next tellers of a very common
    // one, by the unit in the earlier article.
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for list in postings.iter().filter(|l| l.len() > cap) {
        for &(i, k) in list {
            common_of[i].push(k);
        }
        // A fact a long story tells hundreds of times: each sentence
        // meets its next few tellers, so the fact still forms (facts
        // join through chains of links) at a cost linear in its tellers.
        if list.len() > MAX_POSTINGS {
            for (n, &(i, _)) in list.iter().enumerate() {
                for &(j, _) in list[n + 1..]
                    .iter()
                    .filter(|(j, _)| units[*j].article != units[i].article)
                    .take(NEIGHBOURS)
                {
                    let (a, b) = if units[i].article < units[j].article {
                        (i, j)
                    } else {
                        (j, i)
                    };
                    neighbours[a].push(b);
                }
            }
        }
    }
    // `pairs` holds the pair's shared proposing features and `common`
    // is scratch, both reused from pair to pair of one unit.
    let score = |a: usize,
                 b: usize,
                 pairs: &mut Vec<(usize, usize)>,
                 common: &mut Vec<(u32, f64, f64, usize)>|
     -> Candidate {
        for &ka in &common_of[a] {
            if let Some(&kb) = common_of[b].iter().find(|&&kb| fid[b][kb] == fid[a][ka]) {
                pairs.push((ka, kb));
            }
        }
        common.clear();
        common.extend(pairs.iter().map(|&(ka, kb)| {
            let place = order[fid[a][ka] as usize];
            (place, own[a][ka].max(own[b][kb]), rank[a][ka], ka)
        }));
        common.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
        let dot: f64 = common.iter().map(|c| c.1).sum();
        let cosine = dot / (mass[a] * mass[b]).sqrt().max(f64::MIN_POSITIVE);
        let containment = dot / mass[a].min(mass[b]).max(floor).max(f64::MIN_POSITIVE);
        let score = (1.0 - CONTAINMENT_SHARE) * cosine + CONTAINMENT_SHARE * containment;
        Candidate {
            a,
            b,
            score: score.min(1.0),
            shared: common.iter().map(|c| c.3 as u32).collect(),
        }
    };
    // Scratch reused from unit to unit of one rayon job: each unit's
    // bucket (if met) by unit, the partners met, their buckets of shared
    // features (feature in a, feature in partner), and `score`'s buffer.
    // Bucketing by partner replaced sorting every hit: the sort was a
    // twentieth of a 100-story export.
    struct Scratch {
        slot: Vec<u32>,
        partners: Vec<usize>,
        buckets: Vec<Vec<(usize, usize)>>,
        common: Vec<(u32, f64, f64, usize)>,
    }
    let fresh = || Scratch {
        slot: vec![u32::MAX; units.len()],
        partners: Vec::new(),
        buckets: Vec::new(),
        common: Vec::new(),
    };
    (0..units.len())
        .into_par_iter()
        .map_init(fresh, |sc, a| {
            let Scratch {
                slot,
                partners,
                buckets,
                common,
            } = sc;
            // The bucket of partner `b`, opened when first met (buckets
            // are kept from unit to unit, emptied).
            let mut bucket = |b: usize, partners: &mut Vec<usize>, buckets: &mut Vec<Vec<_>>| {
                if slot[b] == u32::MAX {
                    slot[b] = partners.len() as u32;
                    partners.push(b);
                    if buckets.len() < partners.len() {
                        buckets.push(Vec::new());
                    }
                }
                slot[b] as usize
            };
            for (ka, &id) in fid[a].iter().enumerate() {
                let list = &postings[id as usize];
                if list.len() > cap {
                    continue;
                }
                for &(b, kb) in list
                    .iter()
                    .filter(|(b, _)| units[*b].article > units[a].article)
                {
                    let s = bucket(b, partners, buckets);
                    buckets[s].push((ka, kb));
                }
            }
            // A partner met only as a next teller has no shared proposing
            // feature.
            for &b in &neighbours[a] {
                bucket(b, partners, buckets);
            }
            // Partners in ascending order; each bucket emptied for the next
            // unit once scored.
            partners.sort_unstable();
            let mut out = Vec::with_capacity(partners.len());
            for &b in partners.iter() {
                let s = slot[b] as usize;
                out.push(score(a, b, &mut buckets[s], common));
                buckets[s].clear();
                slot[b] = u32::MAX;
            }
            partners.clear();
            out
        })
        .flatten_iter()
        .collect()
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Which candidates are links by score: at least [`LINK_THRESHOLD`], a best
/// partner reaching [`BEST_MATCH_THRESHOLD`], or bridged by a third unit
/// from [`BRIDGED_THRESHOLD`].
pub fn by_score(units: &[Unit], scored: &[Candidate]) -> Vec<bool> {
    let mut keep = direct(units, scored);
    // Strong links: each unit's partners, sorted (candidates come sorted
    // by pair, so pushing keeps each list in order only for `a`; sorted
    // once after).
    let mut strong: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for (c, &k) in scored.iter().zip(&keep) {
        if k && c.score >= LINK_THRESHOLD {
            strong[c.a].push(c.b);
            strong[c.b].push(c.a);
        }
    }
    strong.par_iter_mut().for_each(|l| l.sort_unstable());
    scored
        .par_iter()
        .zip(keep.par_iter_mut())
        .for_each(|(c, k)| {
            if *k || c.score < BRIDGED_THRESHOLD || has_title(units, c) {
                return;
            }
            let (x, y) = (&strong[c.a], &strong[c.b]);
            let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            *k = small.iter().any(|u| large.binary_search(u).is_ok());
        });
    keep
}

/// True when one side of the pair is a title.
fn has_title(units: &[Unit], c: &Candidate) -> bool {
    units[c.a].title || units[c.b].title
}

/// Links by the pair's own score.
fn direct(units: &[Unit], scored: &[Candidate]) -> Vec<bool> {
    // Best partner of each unit in each other article, among sentences.
    // Only a score from the threshold up can be a best partner that links,
    // and lower scores never raise that best: they are left out (most of
    // a long story's candidates).
    let mut best: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    let qualifies = |c: &&Candidate| c.score >= BEST_MATCH_THRESHOLD && !has_title(units, c);
    for c in scored.iter().filter(qualifies) {
        for (u, other) in [(c.a, c.b), (c.b, c.a)] {
            let e = best.entry((u, units[other].article)).or_insert(0.0);
            *e = e.max(c.score);
        }
    }
    scored
        .par_iter()
        .map(|c| {
            if c.score >= LINK_THRESHOLD {
                return true;
            }
            let is_best =
                |u: usize, other: usize| best.get(&(u, units[other].article)) == Some(&c.score);
            qualifies(&c) && (is_best(c.a, c.b) || is_best(c.b, c.a))
        })
        .collect()
}
