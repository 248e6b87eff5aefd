//! The number-word lexicon, loaded once from `data/numbers.txt`.
//!
//! In: the data file (compiled in). Out: a [`Lexicon`] that looks words and
//! phrases up by their normalised keys. The file's header explains its kinds.
//! Rules: every form is normalised on load, so lookups use token keys; a
//! phrase (forms joined with `_`) is matched token by token.

use crate::text::normalize::normalize;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The kind of bound a phrase puts on a number (`bound` lines of the data file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Bound {
    /// Strictly more than the number (أكثر من).
    More,
    /// Strictly less than the number (أقل من).
    Less,
    /// The number or more (على الأقل، ما لا يقل عن).
    AtLeast,
    /// The number or less (على الأكثر، لا يزيد عن).
    AtMost,
    /// Roughly the number (نحو، قرابة، حوالي).
    About,
}

/// What one word or phrase of the lexicon means; a word may have several
/// entries (عشر is a cardinal and a teen).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Entry {
    /// A cardinal number word and its value (ثلاثة = 3).
    Cardinal(f64),
    /// The ten of a compound 11-19 (the عشر of ثلاثة عشر): it adds 10 to the
    /// unit before it.
    Teen,
    /// A multiplier and its factor (آلاف = 1000): after a number it multiplies it.
    Multiplier(f64),
    /// An ordinal and the number it ranks (العاشر = 10).
    Ordinal(f64),
    /// A vague amount and the least it can mean (عدد من = 2, عشرات = 10).
    Vague(f64),
    /// A bound phrase, and which bound it makes.
    Bound(Bound),
    /// A month name and its number, 1 (January) to 12.
    Month(u8),
}

/// The number words and phrases of a lexicon file, looked up by normalised
/// key.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashMap<String, Vec<Entry>>,
    /// Phrases of two or more words, longest first.
    phrases: Vec<(Vec<String>, Entry)>,
    /// Every word that occurs in a phrase.
    phrase_words: rustc_hash::FxHashSet<String>,
    /// Every word of the lexicon: a word alone or in a phrase.
    known: rustc_hash::FxHashSet<String>,
    /// Every known word, and every known word behind a one-letter
    /// proclitic (و ف ب ل ك) that is not itself known, with the bytes of
    /// the proclitic: [`Lexicon::lex_key`] in one lookup (it had tried six,
    /// for every token of every sentence).
    keys: HashMap<String, usize>,
}

/// The one-letter proclitics [`Lexicon::lex_key`] takes off.
const PROCLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

const DATA: &str = include_str!("../../../data/numbers.txt");

/// The lexicon of `data/numbers.txt`.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(DATA))
}

impl Lexicon {
    /// Reads a lexicon in the format of `data/numbers.txt`, normalising every
    /// form; lines of an unknown kind or without a value are skipped.
    pub fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in crate::text::data_lines(data) {
            let mut parts = line.split_whitespace();
            let (Some(kind), Some(value)) = (parts.next(), parts.next()) else {
                continue;
            };
            let number = value.parse::<f64>().ok();
            let entry = match (kind, number) {
                ("card", Some(v)) => Entry::Cardinal(v),
                ("teen", _) => Entry::Teen,
                ("mult", Some(v)) => Entry::Multiplier(v),
                ("ord", Some(v)) => Entry::Ordinal(v),
                ("vague", Some(v)) => Entry::Vague(v),
                ("month", Some(v)) => Entry::Month(v as u8),
                ("bound", _) => Entry::Bound(match value {
                    "more" => Bound::More,
                    "less" => Bound::Less,
                    "atleast" => Bound::AtLeast,
                    "atmost" => Bound::AtMost,
                    _ => Bound::About,
                }),
                _ => continue,
            };
            for form in parts {
                let words: Vec<String> = form.split('_').map(normalize).collect();
                if words.len() == 1 {
                    lex.words.entry(words[0].clone()).or_default().push(entry);
                } else {
                    lex.phrase_words.extend(words.iter().cloned());
                    lex.phrases.push((words, entry));
                }
            }
        }
        lex.phrases.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        lex.known = lex.words.keys().chain(&lex.phrase_words).cloned().collect();
        for word in &lex.known {
            for p in PROCLITICS {
                let clitic = format!("{p}{word}");
                if !lex.known.contains(&clitic) {
                    lex.keys.entry(clitic).or_insert(p.len_utf8());
                }
            }
        }
        for word in &lex.known {
            lex.keys.insert(word.clone(), 0);
        }
        lex
    }

    /// The key with a one-letter proclitic (و ف ب ل ك) removed when that
    /// makes it a lexicon word (وسبعين → سبعين، بنحو → نحو); the key itself
    /// when it is a word of the lexicon or nothing is.
    pub fn lex_key<'k>(&self, key: &'k str) -> &'k str {
        match self.keys.get(key) {
            Some(&n) => &key[n..],
            None => key,
        }
    }

    /// True when `key` is part of a multi-word phrase.
    pub fn is_phrase_word(&self, key: &str) -> bool {
        self.phrase_words.contains(key)
    }

    /// True when `key` is a word of the lexicon, alone or in a phrase: one
    /// lookup for `!word(key).is_empty() || is_phrase_word(key)`.
    pub fn knows(&self, key: &str) -> bool {
        self.known.contains(key)
    }

    /// Entries of one normalised word.
    pub fn word(&self, key: &str) -> &[Entry] {
        self.words.get(key).map_or(&[], Vec::as_slice)
    }

    /// The first entry of `key` that `pick` accepts.
    pub fn find<T>(&self, key: &str, pick: impl Fn(Entry) -> Option<T>) -> Option<T> {
        self.word(key).iter().find_map(|&e| pick(e))
    }

    /// The longest phrase (or single word) starting at `keys[0]` that `pick`
    /// accepts, with the number of words it spans.
    pub fn phrase_at<T>(
        &self,
        keys: &[&str],
        pick: impl Fn(Entry) -> Option<T>,
    ) -> Option<(T, usize)> {
        self.phrase(keys, false, pick)
    }

    /// The longest phrase (or single word) ending at the last of `keys`.
    pub fn phrase_ending<T>(
        &self,
        keys: &[&str],
        pick: impl Fn(Entry) -> Option<T>,
    ) -> Option<(T, usize)> {
        self.phrase(keys, true, pick)
    }

    /// The longest phrase anchored at the start of `keys`, or at its end when
    /// `from_end`.
    fn phrase<T>(
        &self,
        keys: &[&str],
        from_end: bool,
        pick: impl Fn(Entry) -> Option<T>,
    ) -> Option<(T, usize)> {
        let word = if from_end {
            keys.last()?
        } else {
            keys.first()?
        };
        // A phrase can stand here only if its anchoring word is a phrase's
        // word: most words are not, and skip the list.
        let phrases = match self.phrase_words.contains(*word) {
            true => &self.phrases[..],
            false => &[],
        };
        for (words, entry) in phrases {
            if words.len() > keys.len() {
                continue;
            }
            let window = if from_end {
                &keys[keys.len() - words.len()..]
            } else {
                &keys[..words.len()]
            };
            if words.iter().zip(window).all(|(w, k)| w == k)
                && let Some(t) = pick(*entry)
            {
                return Some((t, words.len()));
            }
        }
        self.find(word, &pick).map(|t| (t, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proclitic_comes_off_only_when_it_leaves_a_number_word() {
        let lex = lexicon();
        let key = |w: &str| lex.lex_key(&normalize(w)).to_string();
        assert_eq!(key("وسبعين"), normalize("سبعين"));
        assert_eq!(key("بنحو"), normalize("نحو"));
        assert_eq!(key("سبعين"), normalize("سبعين"));
        // Not a number word behind و: the key stays whole.
        assert_eq!(key("وزير"), normalize("وزير"));
        assert_eq!(key("وو"), normalize("وو"));
        // A form that is a word itself and also a proclitic before one
        // stays whole; the proclitic comes off only what is not a word.
        let lex = Lexicon::parse("card 3 ثلاث\ncard 9 بثلاث\n");
        assert_eq!(lex.lex_key("بثلاث"), "بثلاث");
        assert_eq!(lex.lex_key("وثلاث"), "ثلاث");
        assert_eq!(lex.lex_key("وبثلاث"), "بثلاث");
        assert_eq!(lex.lex_key("ثلاث"), "ثلاث");
        assert_eq!(lex.lex_key(""), "");
    }

    #[test]
    fn knows_every_word_alone_or_in_a_phrase_and_nothing_else() {
        let lex = lexicon();
        let all: Vec<&String> = lex.words.keys().chain(&lex.phrase_words).collect();
        assert!(all.len() > 50);
        for w in all {
            assert!(lex.knows(w), "{w}");
        }
        for w in ["مدينة", "انفجار", "الف_مليون", ""] {
            assert_eq!(
                lex.knows(w),
                !lex.word(w).is_empty() || lex.is_phrase_word(w),
                "{w}"
            );
        }
        // A phrase is still found from its first word and from its last.
        let first = &lex.phrases[0].0;
        let keys: Vec<&str> = first.iter().map(String::as_str).collect();
        assert_eq!(lex.phrase_at(&keys, Some).map(|(_, n)| n), Some(keys.len()));
        assert_eq!(
            lex.phrase_ending(&keys, Some).map(|(_, n)| n),
            Some(keys.len())
        );
    }

    #[test]
    fn forms_are_normalised_on_load() {
        let lex = lexicon();
        assert_eq!(lex.word("ثلاثه"), &[Entry::Cardinal(3.0)]);
        assert!(lex.word("اثنتين").contains(&Entry::Cardinal(2.0)));
        assert!(lex.word("الاف").contains(&Entry::Multiplier(1000.0)));
        assert!(lex.word("الاف").contains(&Entry::Vague(1000.0)));
    }

    #[test]
    fn phrases_match_longest_first() {
        let lex = lexicon();
        let keys = ["ما", "لا", "يقل", "عن"];
        let got = lex.phrase_at(&keys, |e| match e {
            Entry::Bound(b) => Some(b),
            _ => None,
        });
        assert_eq!(got, Some((Bound::AtLeast, 4)));
        let month = lex.phrase_ending(&["في", "تشرين", "الاول"], |e| match e {
            Entry::Month(m) => Some(m),
            _ => None,
        });
        assert_eq!(month, Some((10, 2)));
    }
}
