//! A sentence's token keys with the lexicon entries at each, looked up once.
//!
//! In: the [`Token`]s of one sentence (or bare words). Out: [`Keys`], which
//! reads as the slice of the tokens' keys (`keys[k]`, `keys.len()`) and
//! answers [`Keys::at`] and [`Keys::find`] for the entries of
//! `data/claims.txt` that start at token `k`.
//!
//! Rules:
//! - The answers are exactly [`Lexicon::at`]'s for `&keys[k..]`: entries
//!   longest first, each with the number of tokens it spans.
//! - Every token is looked up once, when the keys are built. Each extractor
//!   of [`read`](super::read) asks about most tokens; asking the lexicon
//!   afresh each time was a tenth of a 100-story export (perf).

use super::lexicon::{Entry, Lexicon, lexicon};
use crate::text::tokenize::Token;

/// A sentence's keys and, for each token, the entries that start there.
#[derive(Debug)]
pub struct Keys<'a> {
    words: Vec<&'a str>,
    /// Entries at each token, longest first; empty for most tokens.
    hits: Vec<Vec<(&'static Entry, usize)>>,
}

impl<'a> Keys<'a> {
    /// The keys of `tokens`, looked up in the claims lexicon.
    pub fn of(tokens: &'a [Token]) -> Keys<'a> {
        Keys::from_words(tokens.iter().map(|t| t.key.as_str()).collect())
    }

    /// Keys of bare words (a single word taken out of a sentence).
    pub fn from_words(words: Vec<&'a str>) -> Keys<'a> {
        Keys::with(lexicon(), words)
    }

    fn with(lex: &'static Lexicon, words: Vec<&'a str>) -> Keys<'a> {
        let hits = (0..words.len()).map(|k| lex.at(&words[k..])).collect();
        Keys { words, hits }
    }

    /// Every entry whose form starts at token `k`, longest first; none past
    /// the end.
    pub fn at(&self, k: usize) -> &[(&'static Entry, usize)] {
        self.hits.get(k).map_or(&[], Vec::as_slice)
    }

    /// The first entry at token `k` that `pick` accepts, with its length.
    pub fn find<T>(&self, k: usize, pick: impl Fn(&Entry) -> Option<T>) -> Option<(T, usize)> {
        self.at(k)
            .iter()
            .find_map(|&(e, n)| pick(e).map(|t| (t, n)))
    }
}

impl<'a> std::ops::Deref for Keys<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Role;
    use crate::text::tokenize::tokenize;

    #[test]
    fn answers_as_the_lexicon_does_at_every_token() {
        let s = "قال مسؤول إن خمسة عمال لقوا حتفهم وأصيب آخرون صباح الأحد قرب الميناء.";
        let tokens = tokenize(s, 0);
        let keys = Keys::of(&tokens);
        assert_eq!(keys.len(), tokens.len());
        let mut found = 0;
        for k in 0..keys.len() {
            let direct = lexicon().at(&keys[k..]);
            assert_eq!(keys.at(k), direct.as_slice(), "token {k}");
            found += direct.len();
        }
        // The sentence has a saying verb, roles, a weekday and a day part.
        assert!(found >= 4, "{found}");
        assert!(keys.at(keys.len()).is_empty());
    }

    #[test]
    fn find_picks_the_first_entry_of_the_asked_kind() {
        let s = "لقوا حتفهم ثلاثة أشخاص";
        let tokens = tokenize(s, 0);
        let keys = Keys::of(&tokens);
        let role = |e: &Entry| match e {
            Entry::Role(r) => Some(r.clone()),
            _ => None,
        };
        // The phrase spans two tokens; its second word alone is a role too.
        assert_eq!(keys.find(0, role), Some((Role::Killed, 2)));
        assert_eq!(keys.find(1, role), Some((Role::Killed, 1)));
        assert_eq!(keys.find(0, |e| (*e == Entry::Person).then_some(())), None);
        assert_eq!(
            keys.find(3, |e| (*e == Entry::Person).then_some(())),
            Some(((), 1))
        );
        let bare = Keys::from_words(vec!["الوفيات"]);
        assert_eq!(bare.find(0, role), Some((Role::Killed, 1)));
    }
}
