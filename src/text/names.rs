//! Names that vary in spelling: one entity for الكاظمي، خادمي، الخديمى، كاديمي.
//!
//! In: the sentences of a story as lists of bare words (normalised, without
//! article or proclitics). Out: [`Entities`]: which spellings are one entity.
//!
//! Rules (general, nothing about any one story):
//! - Two spellings can be one name when their consonant skeletons are equal:
//!   long vowels (ا و ي) and a final ه are dropped, and letters that
//!   transliteration confuses share a class (ك ق خ غ; ظ ض د ذ ز; ت ط ث;
//!   س ص; ح ه ع ء).
//! - and their weighted edit distance is at most [`MAX_NAME_DISTANCE`]: a
//!   change within a class or of a long vowel is cheap, any other is not.
//! - and the story backs it: the two spellings share a neighbouring word
//!   ([`MIN_SHARED_CONTEXT`] neighbouring words: مقر إقامة الكاظمي، مقر إقامة
//!   خادمي), or one is the other
//!   behind a one-letter proclitic (لكاديمي).
//! - Two spellings found in one sentence are two words, not one name.
//! - Skeletons of fewer than [`MIN_SKELETON`] consonants are too common to say
//!   anything and are never grouped.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Consonants a skeleton needs before spellings are grouped by it: with two,
/// unrelated words collide all the time.
pub const MIN_SKELETON: usize = 3;

/// Largest weighted edit distance between two spellings of one name: about
/// two vowel or look-alike changes (كاظمي → خاديمي costs 0.3 + 0.3 + 0.4).
pub const MAX_NAME_DISTANCE: f64 = 1.5;

/// Cost of changing a letter for one of its class (ك ↔ خ).
const CLASS_COST: f64 = 0.3;
/// Cost of adding or dropping a long vowel (كاظمي ↔ كاظيمي).
const VOWEL_COST: f64 = 0.4;

/// Neighbouring words two spellings must share before they are one name:
/// one shared neighbour happens by chance between any two words of a story.
pub const MIN_SHARED_CONTEXT: usize = 2;

/// Neighbours (either side) collected as context for a spelling.
const CONTEXT_WINDOW: usize = 2;

fn class(c: char) -> char {
    match c {
        'ك' | 'ق' | 'خ' | 'غ' => 'K',
        'ظ' | 'ض' | 'د' | 'ذ' | 'ز' => 'D',
        'ت' | 'ط' | 'ث' => 'T',
        'س' | 'ص' => 'S',
        'ح' | 'ه' | 'ع' | 'ء' => 'H',
        _ => c,
    }
}

fn is_long_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي')
}

/// The consonant skeleton of a bare, normalised word.
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let last = chars.peek().is_none();
        if is_long_vowel(c) || (last && c == 'ه') {
            continue;
        }
        out.push(class(c));
    }
    out
}

/// Weighted edit distance between two bare, normalised words.
pub fn name_distance(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let indel = |c: char| if is_long_vowel(c) { VOWEL_COST } else { 1.0 };
    let mut prev: Vec<f64> = std::iter::once(0.0)
        .chain(b.iter().scan(0.0, |s, &c| {
            *s += indel(c);
            Some(*s)
        }))
        .collect();
    // Two rows, reused.
    let mut cur: Vec<f64> = Vec::with_capacity(prev.len());
    for &ca in &a {
        cur.clear();
        cur.push(prev[0] + indel(ca));
        for (j, &cb) in b.iter().enumerate() {
            let sub = if ca == cb {
                0.0
            } else if class(ca) == class(cb) || (is_long_vowel(ca) && is_long_vowel(cb)) {
                CLASS_COST
            } else {
                1.0
            };
            let v = (prev[j] + sub)
                .min(prev[j + 1] + indel(ca))
                .min(cur[j] + indel(cb));
            cur.push(v);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when two spellings could be one name (skeleton and distance only;
/// [`Entities`] also asks for shared context).
pub fn could_be_same_name(a: &str, b: &str) -> bool {
    let s = skeleton(a);
    s.chars().count() >= MIN_SKELETON
        && s == skeleton(b)
        && name_distance(a, b) <= MAX_NAME_DISTANCE
}

/// Spellings grouped into entities.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Entities {
    /// Spelling → entity index.
    of: HashMap<String, usize>,
    /// Each entity's spellings, most frequent first.
    pub forms: Vec<Vec<String>>,
}

impl Entities {
    /// Groups the spellings of `sentences` (each a list of bare words).
    pub fn build<S: AsRef<str>>(sentences: &[Vec<S>]) -> Entities {
        let mut count: HashMap<&str, usize> = HashMap::default();
        for words in sentences {
            for w in words {
                *count.entry(w.as_ref()).or_default() += 1;
            }
        }
        // Spellings by skeleton; a form behind a proclitic also files under
        // the skeleton of what follows it.
        let mut by_skeleton: HashMap<String, Vec<&str>> = HashMap::default();
        for &w in count.keys() {
            let s = skeleton(w);
            if s.chars().count() >= MIN_SKELETON
                && w.chars().all(crate::text::script::is_arabic_letter)
            {
                by_skeleton.entry(s).or_default().push(w);
            }
            if let Some(rest) = strip_proclitic(w) {
                let s = skeleton(rest);
                if s.chars().count() >= MIN_SKELETON {
                    by_skeleton.entry(s).or_default().push(w);
                }
            }
        }
        let mut parent: HashMap<&str, &str> = HashMap::default();
        fn root<'a>(p: &HashMap<&'a str, &'a str>, mut x: &'a str) -> &'a str {
            while let Some(&y) = p.get(x) {
                if y == x {
                    break;
                }
                x = y;
            }
            x
        }
        let mut groups: Vec<_> = by_skeleton.into_values().filter(|g| g.len() > 1).collect();
        groups.sort();
        // The sentences and neighbours of the words that may be one name
        // (few): gathering them for every word was a twentieth of a
        // 100-story export.
        let mut context: HashMap<&str, HashSet<&str>> = HashMap::default();
        let mut seen_in: HashMap<&str, HashSet<usize>> = HashMap::default();
        for &w in groups.iter().flatten() {
            context.entry(w).or_default();
            seen_in.entry(w).or_default();
        }
        for (s, words) in sentences.iter().enumerate() {
            for (i, w) in words.iter().enumerate() {
                let w = w.as_ref();
                let Some(ctx) = context.get_mut(w) else {
                    continue;
                };
                let lo = i.saturating_sub(CONTEXT_WINDOW);
                let hi = (i + CONTEXT_WINDOW + 1).min(words.len());
                for (k, n) in words[lo..hi].iter().enumerate() {
                    if lo + k != i {
                        ctx.insert(n.as_ref());
                    }
                }
                if let Some(seen) = seen_in.get_mut(w) {
                    seen.insert(s);
                }
            }
        }
        for group in &groups {
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    let (ca, cb) = (
                        strip_proclitic(a).unwrap_or(a),
                        strip_proclitic(b).unwrap_or(b),
                    );
                    let behind = strip_proclitic(a) == Some(b) || strip_proclitic(b) == Some(a);
                    let close = could_be_same_name(ca, cb) || could_be_same_name(a, b);
                    let shared = context[a]
                        .intersection(&context[b])
                        .filter(|n| n.chars().count() >= MIN_SKELETON)
                        .count();
                    // One sentence does not spell one name two ways.
                    let together = !seen_in[a].is_disjoint(&seen_in[b]);
                    if !together && (behind || (close && shared >= MIN_SHARED_CONTEXT)) {
                        let (ra, rb) = (root(&parent, a), root(&parent, b));
                        if ra != rb {
                            parent.insert(ra.max(rb), ra.min(rb));
                        }
                    }
                }
            }
        }
        let mut members: HashMap<&str, Vec<&str>> = HashMap::default();
        for &w in parent.keys() {
            members.entry(root(&parent, w)).or_default().push(w);
        }
        for (r, m) in members.iter_mut() {
            if !m.contains(r) {
                m.push(r);
            }
        }
        let mut list: Vec<Vec<&str>> = members.into_values().filter(|m| m.len() > 1).collect();
        for m in &mut list {
            m.sort_by_key(|w| (std::cmp::Reverse(count[w]), *w));
        }
        list.sort();
        let mut entities = Entities::default();
        for m in list {
            let id = entities.forms.len();
            for w in &m {
                entities.of.insert(w.to_string(), id);
            }
            entities
                .forms
                .push(m.into_iter().map(String::from).collect());
        }
        entities
    }

    /// The entity of a bare spelling, if it belongs to one with variants.
    pub fn entity_of(&self, word: &str) -> Option<usize> {
        self.of.get(word).copied()
    }
}

fn strip_proclitic(w: &str) -> Option<&str> {
    let first = w.chars().next()?;
    let rest = &w[first.len_utf8()..];
    (matches!(first, 'ل' | 'ب' | 'و' | 'ف' | 'ك') && rest.chars().count() >= 4).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn sentences(texts: &[&str]) -> Vec<Vec<String>> {
        texts
            .iter()
            .map(|t| {
                t.split_whitespace()
                    .map(|w| crate::text::stem::strip_article(&normalize(w)).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn transliteration_variants_share_a_skeleton() {
        assert_eq!(skeleton("كاظمي"), skeleton("خادمي"));
        assert_eq!(skeleton("كاظمي"), skeleton("خديمي"));
        assert_eq!(skeleton("زيلينسكي"), skeleton("زيلنسكي"));
        assert!(could_be_same_name("كاظمي", "كاديمي"));
        assert!(could_be_same_name("نتنياهو", "نتانياهو"));
        assert!(!could_be_same_name("كاظمي", "قديم"));
        assert!(name_distance("بايدن", "بايدن") == 0.0);
    }

    #[test]
    fn spellings_with_shared_context_are_one_entity() {
        let e = Entities::build(&sentences(&[
            "التقى الرئيس الأوكراني زيلينسكي وفدا أوروبيا",
            "قال مكتب الرئيس الأوكراني زيلنسكي إن الوفد وصل",
            "وأكد الرئيس الأوكراني زلينسكي أن المحادثات مثمرة",
        ]));
        let a = e.entity_of("زيلينسكي");
        assert!(a.is_some());
        assert_eq!(a, e.entity_of("زيلنسكي"));
        assert_eq!(a, e.entity_of("زلينسكي"));
    }

    #[test]
    fn look_alike_words_without_shared_context_stay_apart() {
        // خدمة (service) and خادم (servant) share a skeleton class pattern with
        // nothing around them in common.
        let e = Entities::build(&sentences(&[
            "تحسنت خدمة الكهرباء في المدينة",
            "عمل خادما في القصر سنوات",
        ]));
        assert_eq!(e.entity_of("خدمه"), None);
        assert!(e.forms.is_empty());
    }
}
