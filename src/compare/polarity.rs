//! Statements and their negations, and words of opposite meaning.
//!
//! In: two linked units, their files' texts and the story's [`Antonyms`].
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

    fn of(&self, stem: &str) -> &[(u32, bool)] {
        self.sides.get(stem).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// A verb stem without its tense prefix: the imperfect's ي ت ن or the
/// perfect's أ of the derived forms (يسفر and أسفر → سفر), so that لم يسفر
/// meets أسفر. At least three letters stay.
fn verb_core(stem: &str) -> &str {
    match stem.strip_prefix(['ي', 'ت', 'ن', 'ا']) {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => stem,
    }
}

/// The letters of a stem that a verb and its verbal noun share: without an
/// accusative ending ا, the verb core ([`verb_core`]) without its
/// inner long vowels (يظهر / ظهور → ظهر، اعترض / اعتراض → عترض، آمنا /
/// آمنة → امن). `None` when fewer than three letters would stay: the
/// skeleton of a short word joins too much (قال / قيل).
fn skeleton(stem: &str) -> Option<String> {
    let stem = match stem.strip_suffix('ا') {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => stem,
    };
    let mut letters = verb_core(stem).chars();
    let first = letters.next()?;
    let last = letters.next_back();
    let mut out = String::with_capacity(stem.len());
    out.push(first);
    out.extend(letters.filter(|c| !matches!(c, 'ا' | 'و' | 'ي')));
    out.extend(last);
    (out.chars().count() >= 3).then_some(out)
}

/// What one unit affirms and denies, read once per unit so that comparing
/// pairs costs little.
#[derive(Debug, Default, Clone)]
pub struct Polarity {
    /// For each token, the negator governing it (see [`negators`]).
    negator: Vec<Option<usize>>,
    /// Tokens near a negation: from the negator to [`SCOPE_AFTER`] tokens
    /// past the word it governs. A word there is not plainly affirmed.
    scoped: Vec<bool>,
    /// Content tokens with their match keys.
    keys: Vec<Key>,
    /// Every token on a side of a pair of opposites: (pair, side), the
    /// token and its stem. A negated word blurs its side (لم يرتفع); a word
    /// both units hold on one side (وقف دعم in both) is what they share,
    /// not what sets them apart.
    side_words: Vec<((u32, bool), usize, String)>,
}

#[derive(Debug, Clone)]
struct Key {
    token: usize,
    stem: String,
    /// Where the verb core ([`verb_core`]) starts in `stem`.
    core_at: usize,
    skeleton: Option<String>,
    group: Option<u32>,
    /// (pair, side) of the opposites lexicon the stem is on: words of one
    /// side are near-synonyms (انتعش، تعافى).
    sides: Vec<(u32, bool)>,
}

impl Key {
    fn core(&self) -> &str {
        &self.stem[self.core_at..]
    }

    fn meets(&self, other: &Key) -> bool {
        let mine = [self.stem.as_str(), self.core()];
        (!self.stem.is_empty() && mine.iter().any(|k| *k == other.stem || *k == other.core()))
            || (self.group.is_some() && self.group == other.group)
            || (self.skeleton.is_some() && self.skeleton == other.skeleton)
            || self.sides.iter().any(|s| other.sides.contains(s))
    }
}

impl Polarity {
    /// Reads a unit (its stems must still be there).
    pub fn of(u: &Unit, antonyms: &Antonyms) -> Polarity {
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
                let stem = u.stems.get(k).cloned().unwrap_or_default();
                Key {
                    token: k,
                    core_at: stem.len() - verb_core(&stem).len(),
                    skeleton: skeleton(&stem),
                    sides: antonyms.of(&stem).to_vec(),
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
                antonyms
                    .of(stem)
                    .iter()
                    .map(move |&ps| (ps, k, stem.clone()))
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
    fn own(&self, other: &Polarity, ps: (u32, bool)) -> Option<usize> {
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
pub type Side<'a> = (&'a Unit, &'a Polarity, &'a str);

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
        let meeting = |p: &Polarity| -> Vec<usize> {
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
        let negated = |ks: &[usize], p: &Polarity| ks.iter().all(|&k| p.negator[k].is_some());
        let plain = |ks: &[usize], p: &Polarity| ks.iter().all(|&k| !p.scoped[k]);
        let (neg_a, neg_b) = (negated(&in_a, pa), negated(&in_b, pb));
        let (pos_a, pos_b) = (plain(&in_a, pa), plain(&in_b, pb));
        if !((neg_a && pos_b) || (pos_a && neg_b)) {
            continue;
        }
        // Both sides refusing agree on the refusal, whichever word each
        // verb governs (ترفض محكمة زواج … / رفضت محكمة زواج …).
        let refused = |u: &Unit, p: &Polarity, ks: &[usize]| {
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

#[cfg(test)]
mod tests {
    use super::skeleton;

    #[test]
    fn a_verb_and_its_verbal_noun_share_a_skeleton() {
        // Stems as the stemmer gives them (normalised).
        assert_eq!(skeleton("يظهر"), skeleton("ظهور"));
        assert_eq!(skeleton("اعترض"), skeleton("اعتراض"));
        assert_eq!(skeleton("امنا"), skeleton("امن"));
        assert_ne!(skeleton("ظهور"), skeleton("حضور"));
        // Too short to say anything.
        assert_eq!(skeleton("قال"), None);
    }
}
