//! Alignment: which sentences of different sources may report the same fact.
//!
//! In: the titles and Arabic sentences of a story. Out: for each, a
//! [`Unit`] with its tokens, quantities, claims and [`Feature`]s
//! ([`features`]), and scored candidate pairs ([`score`]): which pairs are
//! links by score. Deciding agree or contradict is [`crate::compare`]'s;
//! putting both together is [`crate::analysis`]'s.
//!
//! Rules:
//! - Candidates come from an inverted index of features: only pairs that
//!   share something are scored, never every pair blindly.
//! - The score is a cosine over features weighted by rarity (inverse
//!   document frequency over the story's units); see [`score`].
//! - A pair is linked when its score reaches [`score::LINK_THRESHOLD`], or
//!   when it is the best match of one side in the other article and reaches
//!   [`score::BEST_MATCH_THRESHOLD`], or when both are strongly linked to
//!   one unit of a third article and reach [`score::BRIDGED_THRESHOLD`].
//! - A title is linked by its own score only (never as a best partner or
//!   through a bridge): a headline sums up its whole article.

pub mod background;
pub mod features;
pub mod score;
pub mod synonyms;
pub mod words;

pub use features::{Feature, Unit};
