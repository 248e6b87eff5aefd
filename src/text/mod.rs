//! The text pipeline: everything Mizan understands of one article, with no
//! knowledge of the web.
//!
//! - [`script`]: character classes and language guessing.
//! - [`segment`](mod@segment): titles, sentences, boilerplate, foreign text and metadata,
//!   each with an exact byte span into the original file.
//! - [`normalize`]: match keys (never display text).
//! - [`tokenize`]: words and numbers with byte spans.
//! - [`stem`]: stems, with rust-stemmers' Arabic algorithm behind guards.
//! - [`numbers`]: quantities, dates and the nouns they count.
//! - [`stopwords`]: function words.
//! - [`names`]: spelling variants of one name grouped into entities.

pub mod intern;
pub mod names;
pub mod normalize;
pub mod numbers;
pub mod script;
pub mod segment;
pub mod stem;
pub mod stopwords;
pub mod tokenize;

pub use segment::{Segment, SegmentKind, segment};

/// The lines of a data file that carry entries: trimmed, neither empty nor
/// comments (`#`).
pub fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
