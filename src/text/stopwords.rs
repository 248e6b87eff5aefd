//! Function words, loaded once from `data/stopwords.txt`.
//!
//! In: a normalised word. Out: whether it is a function word that carries no
//! fact of its own (في، من، التي، هذا …), also behind و or ف. Rules: the list is general Arabic
//! (and a few English words for embedded tweets), normalised on load.

use super::normalize::normalize;
use std::collections::HashSet;
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
pub fn is_stopword(key: &str) -> bool {
    let set = set();
    set.contains(key)
        || key
            .strip_prefix(['و', 'ف'])
            .is_some_and(|rest| rest.chars().count() >= 2 && set.contains(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

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
