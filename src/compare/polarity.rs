//! Statements and their negations, and words of opposite meaning.
//!
//! In: two linked units, their files' texts, and what the story's stems
//! read in the opposites lexicon ([`Antonyms`], through [`Stems`]).
//! Out: [`Difference`]s of kind `negation` or `antonym`, quoting the words
//! of each side.
//!
//! Rules:
//! - Which word each negator governs is [`super::negators`]'s reading
//!   (particles, غير, verbs of failing, verbs of denial).
//! - Two units conflict by negation when a word they share (same stem,
//!   synonym group, verb stem without its tense prefix: لم يسفر / أسفر, or
//!   one side of a pair of opposites: لم ينتعش / تعافى)
//!   is negated everywhere in one and, in the other, nowhere near a
//!   negation ([`SCOPE_AFTER`]).
//! - Two units conflict by antonyms when one has a word of one side of a
//!   pair in `data/antonyms.txt` (ارتفع) and the other a word of the other
//!   side (انخفض), neither has both, and neither word is negated (لم يرتفع
//!   and انخفض agree). A word both units hold on one side is what they
//!   share and does not count as holding it (يعترض على وقف الدعم / يوافق
//!   على وقف الدعم: الدعم in both, يعترض against يوافق).
//! - Words of the sentence's frame (بحسب ناشطين على مواقع التواصل) state no
//!   side; a word of rising or falling before a count's name or going to
//!   or by a number (الحصيلة ارتفعت إلى 22) is opposite only to another
//!   count's move.
//! - The caller applies these only to pairs linked strongly enough to be one
//!   fact ([`super::POLARITY_THRESHOLD`]): "not injured" and "injured" of
//!   two different people are not a contradiction.

use super::{Difference, DifferenceKind};
use crate::align::Unit;
use crate::text::normalize::normalize;
use crate::text::stem::Stemmer;
use rustc_hash::FxHashMap as HashMap;

pub use super::negators::{NEGATION_REACH, is_refusal, negators};
use super::stems::Stems;

const DATA: &str = include_str!("../../data/antonyms.txt");

/// Opposite pairs of the lexicon, keyed by the story's stems.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Antonyms {
    /// Stem → (pair, side) for every pair the stem belongs to.
    sides: HashMap<String, Vec<(u32, bool)>>,
}

impl Antonyms {
    /// The pairs of `data/antonyms.txt`, stemmed with `stemmer`.
    pub fn new(stemmer: &Stemmer) -> Antonyms {
        Antonyms::parse(DATA, stemmer)
    }

    /// The shipped pairs, built once for every story (see
    /// [`crate::align::synonyms::Synonyms::shared`]).
    pub fn shared() -> &'static Antonyms {
        static SHARED: std::sync::OnceLock<Antonyms> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| Antonyms::new(crate::align::synonyms::lexicon_stemmer()))
    }

    /// Pairs from `data` (`left forms <> right forms` a line).
    pub fn parse(data: &str, stemmer: &Stemmer) -> Antonyms {
        let mut sides: HashMap<String, Vec<(u32, bool)>> = HashMap::default();
        for (pair, line) in crate::text::data_lines(data).enumerate() {
            let Some((left, right)) = line.split_once("<>") else {
                continue;
            };
            for (side, forms) in [(false, left), (true, right)] {
                for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                    // One-word forms only: a stem stands for a token.
                    let words: Vec<&str> = form.split_whitespace().collect();
                    if let [w] = words[..] {
                        let e = sides.entry(stemmer.stem(&normalize(w))).or_default();
                        if !e.contains(&(pair as u32, side)) {
                            e.push((pair as u32, side));
                        }
                    }
                }
            }
        }
        Antonyms { sides }
    }

    /// The (pair, side) of every pair `stem` is on.
    pub fn of(&self, stem: &str) -> &[(u32, bool)] {
        self.sides.get(stem).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// What one unit affirms and denies, read once per unit so that comparing
/// pairs costs little.
#[derive(Debug, Default, Clone)]
pub struct Polarity<'a> {
    /// For each token, the negator governing it (see [`negators`]).
    negator: Vec<Option<usize>>,
    /// Tokens near a negation: from the negator to [`SCOPE_AFTER`] tokens
    /// past the word it governs. A word there is not plainly affirmed.
    scoped: Vec<bool>,
    /// Content tokens with their match keys.
    keys: Vec<Key<'a>>,
    /// Every token on a side of a pair of opposites: (pair, side), the
    /// token and its stem. A negated word blurs its side (لم يرتفع); a word
    /// both units hold on one side (وقف دعم in both) is what they share,
    /// not what sets them apart.
    side_words: Vec<((u32, bool), usize, &'a str)>,
}

#[derive(Debug, Clone)]
struct Key<'a> {
    token: usize,
    stem: &'a str,
    /// Where the verb core ([`super::stems::verb_core`]) starts in `stem`.
    core_at: usize,
    skeleton: Option<&'a str>,
    group: Option<u32>,
    /// (pair, side) of the opposites lexicon the stem is on: words of one
    /// side are near-synonyms (انتعش، تعافى).
    sides: &'a [(u32, bool)],
}

impl Key<'_> {
    fn core(&self) -> &str {
        &self.stem[self.core_at..]
    }

    fn meets(&self, other: &Key) -> bool {
        let mine = [self.stem, self.core()];
        (!self.stem.is_empty() && mine.iter().any(|k| *k == other.stem || *k == other.core()))
            || (self.group.is_some() && self.group == other.group)
            || (self.skeleton.is_some() && self.skeleton == other.skeleton)
            || self.sides.iter().any(|s| other.sides.contains(s))
    }
}

impl<'a> Polarity<'a> {
    /// Reads a unit (its stems must still be there), whose stems `stems`
    /// has read.
    pub fn of(u: &'a Unit, stems: &'a Stems<'a>) -> Polarity<'a> {
        let negator = negators(u);
        let mut scoped = vec![false; u.tokens.len()];
        for (k, n) in negator.iter().enumerate() {
            if let Some(n) = *n {
                let end = (k + SCOPE_AFTER + 1).min(scoped.len());
                scoped[n..end].iter_mut().for_each(|s| *s = true);
            }
        }
        // A cause, agent or instrument and its denial are the slot
        // detector's ([`super::slots`]), compared with its classes.
        let in_slot = |k: usize| {
            let t = &u.tokens[k];
            u.reading.claims.iter().any(|c| {
                matches!(c.kind, crate::claims::ClaimKind::Slot { .. })
                    && c.start <= t.start
                    && t.end <= c.end
            })
        };
        let keys = (0..u.tokens.len())
            .filter(|&k| u.is_content(k) && !in_slot(k))
            .map(|k| {
                let stem = u.stems.get(k).map_or("", String::as_str);
                let read = stems.get(stem);
                Key {
                    token: k,
                    core_at: read.core_at,
                    skeleton: read.skeleton.as_deref(),
                    sides: read.sides,
                    stem,
                    group: u.group_of(k),
                }
            })
            .collect();
        // Words that frame the fact (according to the Red Cross and
        // activists on social media: التواصل) state no side of it.
        let framing = |k: usize| u.reading.frame.get(k).copied().unwrap_or(false);
        let side_words = (u.stems.iter().enumerate())
            .filter(|&(k, _)| !framing(k))
            .flat_map(|(k, stem)| {
                stems
                    .get(stem)
                    .sides
                    .iter()
                    .map(move |&ps| (ps, k, stem.as_str()))
            })
            .collect();
        Polarity {
            negator,
            scoped,
            keys,
            side_words,
        }
    }

    /// The first token of side `ps` whose word `other` does not hold on
    /// that side too.
    fn own(&self, other: &Polarity<'_>, ps: (u32, bool)) -> Option<usize> {
        self.side_words
            .iter()
            .filter(|(p, _, _)| *p == ps)
            .find(|(_, _, stem)| {
                !other
                    .side_words
                    .iter()
                    .any(|(q, _, o)| *q == ps && o == stem)
            })
            .map(|(_, k, _)| *k)
    }

    fn any_negated(&self) -> bool {
        self.negator.iter().any(Option::is_some)
    }

    /// True when a word of side `ps` is negated.
    fn blurred(&self, ps: (u32, bool)) -> bool {
        (self.side_words.iter()).any(|&(p, k, _)| p == ps && self.negator[k].is_some())
    }
}

/// True when the word at token `k` changes a count: the next token is a
/// count's noun (ارتفع عدد، ارتفاع حصيلة; `count-head` in
/// `data/claims.txt`), or the word goes to or by a number (الحصيلة
/// ارتفعت إلى 22، تراجع بنسبة 5).
fn moves_a_count(u: &Unit, k: usize) -> bool {
    use crate::claims::lexicon::{Entry, lexicon};
    let head = u.tokens.get(k + 1).is_some_and(|t| {
        lexicon()
            .find(&[t.key.as_str()], |e| {
                (*e == Entry::CountHead).then_some(())
            })
            .is_some()
    });
    let to_number = u
        .tokens
        .get(k + 1)
        .is_some_and(|t| TO_OR_BY.contains(&t.key.as_str()))
        && k + 2 < u.tokens.len()
        && u.in_quantity(k + 2);
    head || to_number
}

/// Prepositions that lead from a verb of change to its figure: to (إلى)
/// and by (ب).
const TO_OR_BY: &[&str] = &["الي", "ب", "بنسبه"];

fn span(u: &Unit, from: usize, to: usize) -> (usize, usize) {
    (u.tokens[from].start, u.tokens[to].end)
}

/// One side of a comparison: the unit, how it reads, and its file's text.
pub type Side<'a> = (&'a Unit, &'a Polarity<'a>, &'a str);

/// Tokens after a negated word still near its negation: «دون تلقي
/// **الدعم**» (without receiving support) does not affirm support, nor «ما
/// لم يتم **تطهير**» a cleansing.
pub const SCOPE_AFTER: usize = 2;

/// A word negated everywhere on one side and nowhere near a negation on
/// the other.
pub fn negation_differences((a, pa, text_a): Side, (b, pb, text_b): Side) -> Vec<Difference> {
    if !pa.any_negated() && !pb.any_negated() {
        return Vec::new();
    }
    // A key can differ only if it is negated here, or meets a negated key
    // there: negated keys are few, so most keys are passed over without
    // comparing them with every key of the other side.
    let negated_b: Vec<&Key> = pb
        .keys
        .iter()
        .filter(|k| pb.negator[k.token].is_some())
        .collect();
    for (n, key) in pa.keys.iter().enumerate() {
        if pa.negator[key.token].is_none() && !negated_b.iter().any(|k| key.meets(k)) {
            continue;
        }
        if pa.keys[..n].iter().any(|k| k.meets(key)) {
            continue; // already seen
        }
        let meeting = |p: &Polarity<'_>| -> Vec<usize> {
            p.keys
                .iter()
                .filter(|k| key.meets(k))
                .map(|k| k.token)
                .collect()
        };
        let in_b = meeting(pb);
        if in_b.is_empty() {
            continue;
        }
        let in_a = meeting(pa);
        let negated = |ks: &[usize], p: &Polarity<'_>| ks.iter().all(|&k| p.negator[k].is_some());
        let plain = |ks: &[usize], p: &Polarity<'_>| ks.iter().all(|&k| !p.scoped[k]);
        let (neg_a, neg_b) = (negated(&in_a, pa), negated(&in_b, pb));
        let (pos_a, pos_b) = (plain(&in_a, pa), plain(&in_b, pb));
        if !((neg_a && pos_b) || (pos_a && neg_b)) {
            continue;
        }
        // Both sides refusing agree on the refusal, whichever word each
        // verb governs (ترفض محكمة زواج … / رفضت محكمة زواج …).
        let refused = |u: &Unit, p: &Polarity<'_>, ks: &[usize]| {
            ks.iter()
                .all(|&k| p.negator[k].is_some_and(|n| is_refusal(&u.tokens[n].key)))
        };
        let refuses = |u: &Unit| u.tokens.iter().any(|t| is_refusal(&t.key));
        if (neg_a && refused(a, pa, &in_a) && refuses(b))
            || (neg_b && refused(b, pb, &in_b) && refuses(a))
        {
            continue;
        }
        let (ja, jb) = (in_a[0], in_b[0]);
        let sa = span(a, pa.negator[ja].unwrap_or(ja), ja);
        let sb = span(b, pb.negator[jb].unwrap_or(jb), jb);
        let (word_a, word_b) = (&text_a[sa.0..sa.1], &text_b[sb.0..sb.1]);
        return vec![Difference::quoting(
            DifferenceKind::Negation,
            (text_a, sa),
            (text_b, sb),
            format!("«{word_a}» versus «{word_b}»: one side denies what the other states"),
        )];
    }
    Vec::new()
}

/// Words of the two sides of one opposite pair, neither negated.
pub fn antonym_differences((a, pa, text_a): Side, (b, pb, text_b): Side) -> Vec<Difference> {
    for (n, &((pair, side), _, _)) in pa.side_words.iter().enumerate() {
        if pa.side_words[..n]
            .iter()
            .any(|(p, _, _)| *p == (pair, side))
        {
            continue; // already seen
        }
        // A word of a side negated anywhere blurs it (لم يرتفع).
        if pa.blurred((pair, side)) || pb.blurred((pair, !side)) {
            continue;
        }
        let (Some(ta), Some(tb)) = (pa.own(pb, (pair, side)), pb.own(pa, (pair, !side))) else {
            continue;
        };
        // A count's rise or fall (ارتفع عدد الضحايا) is the counts
        // detector's: it is opposite only to another count's fall or rise,
        // not to a word about something else (انهيار مبنى).
        if moves_a_count(a, ta) != moves_a_count(b, tb) {
            continue;
        }
        // A side holding both meanings says nothing plain, unless the
        // word of the other meaning is one both sides hold (يعترض على
        // وقف الدعم / يوافق على وقف الدعم: الدعم is shared).
        if pa.own(pb, (pair, !side)).is_some() || pb.own(pa, (pair, side)).is_some() {
            continue;
        }
        let (wa, wb) = (&a.tokens[ta], &b.tokens[tb]);
        return vec![Difference::quoting(
            DifferenceKind::Antonym,
            (text_a, (wa.start, wa.end)),
            (text_b, (wb.start, wb.end)),
            format!(
                "«{}» versus «{}»: the words say opposite things",
                &text_a[wa.start..wa.end],
                &text_b[wb.start..wb.end]
            ),
        )];
    }
    Vec::new()
}
