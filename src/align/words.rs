//! A story's distinct words, each read once.
//!
//! In: the tokens of a story's titles and sentences, and the story's
//! stemmer. Out: [`Words`]: for each distinct token key, its stem
//! ([`Stemmer::stem`]), its bare form ([`Stemmer::bare`]) and whether it is
//! a content word ([`super::features::is_content`]).
//!
//! Rules: every answer is exactly what the stemmer and `is_content` give
//! for the key; only the work is done once per distinct word rather than
//! once per token. A key decides its token's kind (letters make a word,
//! digits of any script a number), so the first token of a key stands
//! for all. A story repeats its words: a hundred generated stories
//! have 195,000 tokens, and their stems, bare forms and function-word
//! checks, asked token by token, were a tenth of the export (callgrind).
//! The distinct words are read on rayon's threads (a story of hundreds of
//! articles has tens of thousands).

use super::features::is_content;
use crate::text::stem::Stemmer;
use crate::text::tokenize::Token;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// What one distinct word of the story is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Its stem.
    pub stem: String,
    /// Bytes of the key before its bare form: the bare form is what follows
    /// (the article and proclitics come off the front only).
    bare_from: usize,
    /// True for a word that carries meaning of its own.
    pub content: bool,
}

impl Word {
    /// The bare form of `key`, the key this word was read from.
    pub fn bare<'k>(&self, key: &'k str) -> &'k str {
        &key[self.bare_from..]
    }
}

/// The distinct words of a story, by key.
#[derive(Debug, Default)]
pub struct Words {
    of: FxHashMap<String, Word>,
}

impl Words {
    /// Reads `distinct` (tokens of distinct keys, as [`distinct`] gives
    /// them) with `stemmer`.
    pub fn read(distinct: Vec<&Token>, stemmer: &Stemmer) -> Words {
        let of = distinct
            .into_par_iter()
            .map(|t| (t.key.clone(), read(t, stemmer)))
            .collect();
        Words { of }
    }

    /// The word of `key`, if the story has it.
    pub fn get(&self, key: &str) -> Option<&Word> {
        self.of.get(key)
    }

    /// The stem of every distinct word (a stem comes once per word that
    /// has it).
    pub fn stems(&self) -> impl Iterator<Item = &str> {
        self.of.values().map(|w| w.stem.as_str())
    }

    /// How many distinct words the story has.
    pub fn len(&self) -> usize {
        self.of.len()
    }

    /// True for a story without words.
    pub fn is_empty(&self) -> bool {
        self.of.is_empty()
    }
}

/// The first token of each distinct key of `tokens`, in order.
pub fn distinct<'t>(tokens: impl IntoIterator<Item = &'t Token>) -> Vec<&'t Token> {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    tokens
        .into_iter()
        .filter(|t| seen.insert(t.key.as_str()))
        .collect()
}

/// The word of token `t`, read with `stemmer`.
///
/// Its `content` is [`is_content`] of `t`: the same for every token of the
/// key (see the module's rules; `Reader::unit` checks it in debug builds).
pub fn read(t: &Token, stemmer: &Stemmer) -> Word {
    let bare = stemmer.bare(&t.key);
    debug_assert!(t.key.ends_with(bare), "{bare} is not a tail of {}", t.key);
    Word {
        stem: stemmer.stem_uncached(&t.key),
        bare_from: t.key.len() - bare.len(),
        content: is_content(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    #[test]
    fn each_distinct_word_is_read_as_the_stemmer_reads_it() {
        let text = "وصل الوزير إلى المدينة، والتقى الوزير بسكان المدينة في 3 أحياء.";
        let tokens = tokenize(text, 0);
        let stemmer = Stemmer::new(tokens.iter().map(|t| t.key.as_str()));
        let words = Words::read(distinct(&tokens), &stemmer);
        // الوزير and المدينة come twice: read once each.
        assert_eq!(words.len(), tokens.len() - 2);
        for t in &tokens {
            let w = words.get(&t.key).expect("every key is read");
            assert_eq!(w.stem, stemmer.stem(&t.key), "{}", t.key);
            assert_eq!(w.bare(&t.key), stemmer.bare(&t.key), "{}", t.key);
            assert_eq!(w.content, is_content(t), "{}", t.key);
        }
        let of = |w: &str| words.get(&crate::text::normalize::normalize(w)).unwrap();
        assert!(of("الوزير").content && !of("إلى").content && !of("3").content);
        assert_eq!(of("الوزير").bare("الوزير"), "وزير");
        assert!(words.get("غائبة").is_none());
    }
}
