//! The synonym lexicon of general news Arabic, from `data/synonyms.txt`.
//!
//! In: the data file (compiled in) and a story's [`Stemmer`]. Out:
//! [`Synonyms`]: for a run of token stems, the group it belongs to. Rules:
//! forms are normalised and stemmed with the story's own stemmer, so a form
//! matches exactly what the story's tokens stem to; multi-word forms match
//! consecutive tokens, longest first. A form of two words joined by `…`
//! («أعلن … مسؤوليته») lets up to [`MAX_GAP`] tokens stand between them,
//! as Arabic puts the subject between a verb and its object (لم تعلن أي
//! جماعة حتى الآن مسؤوليتها). Such forms tell what a verb means when it is
//! negated ([`crate::compare`]'s negation); they are not link features:
//! as features they pulled sentences towards wrong partners (seeds link
//! F1 0.882 -> 0.875).

use crate::text::normalize::normalize;
use crate::text::stem::{Stemmer, strip_article};
use crate::text::{data_lines, stopwords};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/synonyms.txt");

/// The opposites lexicon (read by `compare::polarity`): its words are also
/// evidence of a proclitic (بوقف is ب + وقف).
const OPPOSITES: &str = include_str!("../../data/antonyms.txt");

/// The synonym groups of `data/synonyms.txt`, keyed by a story's stems.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Synonyms {
    single: HashMap<String, u32>,
    /// Multi-word forms as stem sequences, by their first stem, longest
    /// first (a token looks only at the phrases that can start with it).
    phrases: HashMap<String, Vec<(Vec<String>, u32)>>,
    /// Two-word forms whose words may stand apart: by the first word's
    /// stem, the second's stem and the group.
    gapped: HashMap<String, Vec<(String, u32)>>,
}

/// Tokens that may stand between the two words of a `…` form: a subject of
/// up to two words and an adverb of time (أي جماعة حتى الآن).
pub const MAX_GAP: usize = 4;

/// Every word of this lexicon, of the opposites and of the function words, normalised and
/// without the article: the stemmer's evidence that a proclitic is one (see
/// [`Stemmer::with_lexicon`]). Built once.
pub fn evidence() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        data_lines(DATA)
            .chain(data_lines(OPPOSITES))
            .flat_map(|l| l.split(['|', ' ', '<', '>']))
            .filter(|w| !w.trim().is_empty())
            .map(|w| normalize(w.trim()))
            .chain(stopwords::words().map(str::to_string))
            .map(|w| strip_article(&w).to_string())
            .collect()
    })
}

/// A stemmer of no story: its stems of the lexicons' words are every
/// story's, since a word of the lexicons keeps its letters whatever the
/// story's vocabulary (see [`Stemmer`]).
pub fn lexicon_stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::new(std::iter::empty()).with_lexicon(evidence()))
}

impl Synonyms {
    /// The shipped groups, stemmed with `stemmer`.
    pub fn new(stemmer: &Stemmer) -> Synonyms {
        Synonyms::parse(DATA, stemmer)
    }

    /// The shipped groups, built once for every story: stemming them with
    /// each story's stemmer gave the same groups and was a twentieth of a
    /// 100-story export.
    pub fn shared() -> &'static Synonyms {
        static SHARED: OnceLock<Synonyms> = OnceLock::new();
        SHARED.get_or_init(|| Synonyms::new(lexicon_stemmer()))
    }

    /// Groups from `data` (one group a line, forms split by `|`).
    pub fn parse(data: &str, stemmer: &Stemmer) -> Synonyms {
        let mut syn = Synonyms::default();
        for (group, line) in data_lines(data).enumerate() {
            for form in line.split('|') {
                if let Some((first, second)) = form.split_once('…') {
                    let stem = |w: &str| stemmer.stem(&normalize(w.trim()));
                    syn.gapped
                        .entry(stem(first))
                        .or_default()
                        .push((stem(second), group as u32));
                    continue;
                }
                let stems: Vec<String> = form
                    .split_whitespace()
                    .map(|w| stemmer.stem(&normalize(w)))
                    .collect();
                match stems.len() {
                    0 => {}
                    1 => {
                        syn.single.entry(stems[0].clone()).or_insert(group as u32);
                    }
                    _ => syn
                        .phrases
                        .entry(stems[0].clone())
                        .or_default()
                        .push((stems, group as u32)),
                }
            }
        }
        for list in syn.phrases.values_mut() {
            list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        }
        syn
    }

    /// The group of the phrase starting at `stems[0]` and how many stems it
    /// spans.
    pub fn at(&self, stems: &[&str]) -> Option<(u32, usize)> {
        let first = *stems.first()?;
        for (phrase, g) in self.phrases.get(first).into_iter().flatten() {
            if phrase.len() <= stems.len() && phrase.iter().zip(stems).all(|(p, s)| p == s) {
                return Some((*g, phrase.len()));
            }
        }
        self.single.get(first).map(|&g| (g, 1))
    }

    /// The group of a `…` form whose first word is `stems[0]` and whose
    /// second comes within [`MAX_GAP`] tokens, with the second's offset.
    pub fn gapped_at(&self, stems: &[&str]) -> Option<(u32, usize)> {
        let forms = self.gapped.get(*stems.first()?)?;
        (1..=MAX_GAP + 1)
            .take_while(|&k| k < stems.len())
            .find_map(|k| {
                forms
                    .iter()
                    .find(|(second, _)| second == stems[k])
                    .map(|&(_, g)| (g, k))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(s: &Stemmer, text: &str) -> Vec<String> {
        text.split_whitespace()
            .map(|w| s.stem(&normalize(w)))
            .collect()
    }

    #[test]
    fn a_lexicon_word_stems_alike_in_every_story() {
        // The most misleading vocabulary there is: every lexicon word
        // without its first letter, as if each began with a proclitic.
        let shorn: Vec<String> = evidence()
            .iter()
            .filter_map(|w| w.char_indices().nth(1).map(|(i, _)| w[i..].to_string()))
            .collect();
        let story = Stemmer::new(shorn.iter().map(String::as_str)).with_lexicon(evidence());
        for w in evidence() {
            assert_eq!(story.stem(w), lexicon_stemmer().stem(w), "{w}");
        }
    }

    #[test]
    fn news_synonyms_share_a_group() {
        let s = Stemmer::default();
        let syn = Synonyms::new(&s);
        let group = |text: &str| {
            let st = stems(&s, text);
            let refs: Vec<&str> = st.iter().map(String::as_str).collect();
            syn.at(&refs)
        };
        let (drone, n) = group("بدون طيار").unwrap();
        assert_eq!(n, 2);
        assert_eq!(group("مسيرة").unwrap().0, drone);
        assert_eq!(group("مقر إقامة").unwrap().0, group("منزل").unwrap().0);
        assert_eq!(group("ذكر").unwrap().0, group("أفاد").unwrap().0);
        assert_eq!(group("جرح").unwrap().0, group("أصيب").unwrap().0);
        assert_ne!(group("جرح").unwrap().0, drone);
        assert!(group("السفينة").is_none());
    }

    #[test]
    fn a_verb_and_its_object_match_with_the_subject_between() {
        let s = Stemmer::default();
        let syn = Synonyms::parse("تبنى | أعلن … مسؤوليته | أعلنت … مسؤوليتها\nقال | ذكر", &s);
        let at = |text: &str| {
            let st = stems(&s, text);
            let refs: Vec<&str> = st.iter().map(String::as_str).collect();
            syn.gapped_at(&refs)
        };
        let claimed = syn.at(&[s.stem(&normalize("تبنى")).as_str()]).unwrap().0;
        assert_eq!(at("أعلنت المجموعة المسلحة مسؤوليتها"), Some((claimed, 3)));
        assert_eq!(at("أعلن مسؤوليته عن التفجير"), Some((claimed, 1)));
        // Too far apart: the second word belongs to another clause.
        assert_eq!(at("أعلن الوزير أن الحكومة تتحمل كامل مسؤوليته"), None);
        assert_eq!(at("أعلنت الشرطة الحصيلة"), None);
    }

    #[test]
    fn no_single_word_stem_belongs_to_two_groups() {
        // A stem in two groups silently joins the first (مسؤولية, claiming
        // responsibility, once took مسؤولان, two officials, with it).
        let s = Stemmer::default();
        let mut group_of: HashMap<String, (usize, &str)> = HashMap::default();
        for (group, line) in data_lines(DATA).enumerate() {
            for form in line.split('|').map(str::trim) {
                if form.split_whitespace().count() != 1 {
                    continue;
                }
                let stem = s.stem(&normalize(form));
                if let Some((g, other)) = group_of.insert(stem.clone(), (group, form)) {
                    assert_eq!(g, group, "{form} and {other} share the stem {stem}");
                }
            }
        }
    }
}
