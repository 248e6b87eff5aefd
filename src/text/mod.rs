//! The text pipeline: everything Mizan understands of one article, with no
//! knowledge of the web.
//!
//! - [`script`]: character classes and language guessing.
//! - [`segment`]: titles, sentences, boilerplate, foreign text and metadata,
//!   each with an exact byte span into the original file.

pub mod script;
pub mod segment;

pub use segment::{Segment, SegmentKind, segment};
