//! Function words, loaded once from `data/stopwords.txt`.
//!
//! In: a normalised word. Out: whether it is a function word that carries no
//! fact of its own (في، من، التي، هذا …). Rules: the list is general Arabic
//! (and a few English words for embedded tweets), normalised on load.

use super::normalize::normalize;
use std::collections::HashSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/stopwords.txt");

fn set() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        DATA.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(normalize)
            .collect()
    })
}

/// True when the normalised word `key` is a function word.
pub fn is_stopword(key: &str) -> bool {
    set().contains(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_known_after_normalisation() {
        assert!(is_stopword(&normalize("إلى")));
        assert!(is_stopword(&normalize("التى")));
        assert!(is_stopword("the"));
        assert!(!is_stopword(&normalize("طائرة")));
        assert!(!is_stopword(&normalize("قال")));
    }
}
