//! What the polarity detector reads of each distinct stem of a story.
//!
//! In: the stems of a story's words and the opposites lexicon
//! ([`Antonyms`]). Out: [`Stems`]: for every distinct stem, where its verb
//! core starts ([`verb_core`]), its skeleton ([`skeleton`]) and the sides
//! of opposite pairs it is on.
//!
//! Rules: each depends on the stem alone, so each distinct stem is read
//! once per story, on rayon's threads, and every unit's
//! [`super::Polarity`] borrows from here. Read per word of every unit,
//! they were two thirds of reading polarity (a sixteenth of a 100-story
//! export, callgrind).

use super::Antonyms;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// What one stem is, for polarity.
#[derive(Debug, Clone, Default)]
pub struct Stem<'a> {
    /// Where its verb core starts.
    pub core_at: usize,
    /// Its skeleton, when at least three letters stay.
    pub skeleton: Option<String>,
    /// (pair, side) of every pair of opposites it is on.
    pub sides: &'a [(u32, bool)],
}

/// The distinct stems of a story's units.
#[derive(Debug, Default)]
pub struct Stems<'a> {
    of: FxHashMap<&'a str, Stem<'a>>,
    /// What a stem the story does not have reads as: nothing.
    none: Stem<'a>,
}

impl<'a> Stems<'a> {
    /// Reads every distinct one of `stems` (the story's words' stems, as
    /// [`crate::align::words::Words::stems`] gives them: several words
    /// share a stem).
    pub fn of(stems: impl IntoIterator<Item = &'a str>, antonyms: &'a Antonyms) -> Stems<'a> {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let distinct: Vec<&str> = stems.into_iter().filter(|s| seen.insert(s)).collect();
        let of = distinct
            .into_par_iter()
            .map(|stem| (stem, read(stem, antonyms)))
            .collect();
        Stems {
            of,
            none: Stem::default(),
        }
    }

    /// The reading of `stem`, one of the stems read (or the empty stem
    /// of a unit whose stems were let go): an empty reading for any other
    /// would silently lose its matches, so debug builds refuse one.
    pub fn get(&self, stem: &str) -> &Stem<'a> {
        debug_assert!(
            stem.is_empty() || self.of.contains_key(stem),
            "{stem} is not a stem of the units read"
        );
        self.of.get(stem).unwrap_or(&self.none)
    }
}

/// The reading of one stem.
fn read<'a>(stem: &str, antonyms: &'a Antonyms) -> Stem<'a> {
    Stem {
        core_at: stem.len() - verb_core(stem).len(),
        skeleton: skeleton(stem),
        sides: antonyms.of(stem),
    }
}

/// A verb stem without its tense prefix: the imperfect's ي ت ن or the
/// perfect's أ of the derived forms (يسفر and أسفر → سفر), so that لم يسفر
/// meets أسفر. At least three letters stay.
pub fn verb_core(stem: &str) -> &str {
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
pub fn skeleton(stem: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn each_distinct_stem_is_read_as_alone() {
        let antonyms = Antonyms::shared();
        // Two words of one stem: read once.
        let stems = Stems::of(["يسفر", "ارتفع", "ارتفع", "انخفض"], antonyms);
        assert_eq!(stems.of.len(), 3);
        for s in ["يسفر", "ارتفع", "انخفض"] {
            let got = stems.get(s);
            let alone = read(s, antonyms);
            assert_eq!(got.core_at, alone.core_at, "{s}");
            assert_eq!(got.skeleton, alone.skeleton, "{s}");
            assert_eq!(got.sides, alone.sides, "{s}");
        }
        assert_eq!(&"يسفر"[stems.get("يسفر").core_at..], "سفر");
        assert!(stems.get("").sides.is_empty() && stems.get("").skeleton.is_none());
    }
}
