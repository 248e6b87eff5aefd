//! The article: one file's text, its metadata and its segments.
//!
//! In: a file's bytes (or text) and its name. Out: an [`Article`] holding
//! the original text untouched, its front matter ([`front_matter`]) and its
//! [`crate::text::Segment`]s with byte offsets into that text. Nothing here
//! knows of stories, alignment or the web: the engine reads articles, and
//! [`crate::corpus`] gathers them into stories.
//!
//! Rules:
//! - Ids (file names without extension) must be usable in a URL and on
//!   disk: [`is_valid_id`].
//! - The rules of reading a file are in [`article`].

pub mod article;
pub mod front_matter;

pub use article::{
    Article, ArticleError, ArticleErrorKind, MAX_FILE_BYTES, TITLE_FALLBACK_WORDS, decode,
};

/// Longest id (in bytes) accepted for a story or an article: ids go into
/// URLs and file-system paths.
pub const MAX_ID_LEN: usize = 200;

/// Whether `id` can name a story or article in a URL and on disk: letters,
/// digits, `-`, `_` and `.`, not starting with a dot.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_fit_urls_and_paths() {
        assert!(is_valid_id("وكالة-1"));
        assert!(!is_valid_id(".hidden"));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id(&"x".repeat(MAX_ID_LEN + 1)));
    }
}
