#![warn(missing_docs)]
//! Mizan (ميزان, "the scales") puts several Arabic news articles about one
//! event side by side, aligns their sentences and shows where the sources
//! agree and where they contradict each other.
//!
//! The library holds the text pipeline and knows nothing of the web; the
//! `web` feature (on by default) adds the axum server in [`web`].
//!
//! ```
//! use mizan::text::{segment, SegmentKind};
//!
//! let article = "هدنة هشة في الخرطوم\nأعلن الجيش هدنة لمدة 72 ساعة. ورحبت الأمم المتحدة بالقرار.";
//! let segments = segment(article);
//! assert_eq!(segments[0].kind, SegmentKind::Title);
//! assert_eq!(segments[1].text(article), "أعلن الجيش هدنة لمدة 72 ساعة.");
//! assert_eq!(segments.len(), 3);
//! ```

pub mod align;
pub mod analysis;
pub mod claims;
pub mod compare;
pub mod corpus;
pub mod document;
pub mod story_json;
pub mod text;
#[cfg(feature = "web")]
pub mod verdicts;
#[cfg(feature = "web")]
pub mod web;
