//! Function words, loaded once from `data/stopwords.txt`.
//!
//! In: a normalised word. Out: whether it is a function word that carries no
//! fact of its own (في، من، التي، هذا …), also behind و or ف. Rules: the list is general Arabic
//! (and a few English words for embedded tweets), normalised on load.

use super::normalize::normalize;
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/stopwords.txt");

fn set() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        super::data_lines(DATA)
            .flat_map(str::split_whitespace)
            .map(normalize)
            .collect()
    })
}

/// The function words, normalised.
pub fn words() -> impl Iterator<Item = &'static str> {
    set().iter().map(String::as_str)
}

/// True when the normalised word `key` is a function word, also behind the
/// conjunctions و and ف (ولم، وقد، فقد).
///
/// Behind و any function word counts (وتحت، وفي). Behind ف only a short
/// one or a particle ف is used with (فقد، فإنه، فإذا): فتحت is "opened",
/// not ف + تحت.
pub fn is_stopword(key: &str) -> bool {
    let set = set();
    let after_fa = |rest: &str| rest.chars().count() <= 2 || FA_PARTICLES.contains(&rest);
    set.contains(key)
        || key
            .strip_prefix('و')
            .is_some_and(|rest| rest.chars().count() >= 2 && set.contains(rest))
        || key
            .strip_prefix('ف')
            .is_some_and(|rest| rest.chars().count() >= 2 && after_fa(rest) && set.contains(rest))
}

/// Longer function words that ف commonly precedes.
const FA_PARTICLES: &[&str] = &["انه", "انها", "اذا", "لقد", "كان", "كانت", "ليس", "هناك"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fa_is_taken_off_particles_only() {
        assert!(is_stopword(&normalize("فإذا")));
        assert!(is_stopword(&normalize("وتحت")));
        assert!(!is_stopword(&normalize("فتحت")));
    }

    #[test]
    fn function_words_are_known_after_normalisation() {
        assert!(is_stopword(&normalize("إلى")));
        assert!(is_stopword(&normalize("التى")));
        assert!(is_stopword("the"));
        assert!(is_stopword(&normalize("ولم")));
        assert!(is_stopword(&normalize("فقد")));
        assert!(!is_stopword(&normalize("طائرة")));
        assert!(!is_stopword(&normalize("قال")));
    }
}
