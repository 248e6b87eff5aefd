//! The frame of a sentence: who says it and according to whom.
//!
//! In: a sentence's tokens and the file's text. Out: for each token, true
//! when it only frames the fact, and the byte span of the speaker.
//!
//! Rules:
//! - A saying clause is a verb of saying (`saying` in `data/claims.txt`)
//!   and its complementiser إن / أن within [`SAYING_REACH`] tokens: قال
//!   الناطق باسم الشرطة في مؤتمر صحفي إن. It starts at the verb, or at the
//!   sentence start when a setting phrase within [`FRAME_LEAD`] tokens
//!   leads to it (وفي برنامج حواري على قناة محلية، قال …).
//! - An attribution is a `frame` word (وفق، بحسب، نقلا عن) and what follows
//!   it to the next break, to «أن» opening what is said, or to a count of
//!   a role in digits (with its preposition: وفقا لبيان المحافظة إلى 5
//!   قتلى; not وفقا لـ3 شهود عيان); فحسب ("only") is none.
//! - The speaker is what stands between the verb and إن, or after the
//!   attribution word.

use super::lexicon::Entry;
use super::{break_before, keys::Keys};
use crate::text::tokenize::{Token, TokenKind};

/// Complementisers that end a saying clause.
pub(crate) const THAT: &[&str] = &["ان", "بان", "انه", "انها", "بانه", "بانها", "انهم"];

/// Tokens after a saying verb within which its complementiser is looked
/// for: the speaker and the setting (المتحدث باسم وزارة الداخلية في مؤتمر
/// صحفي عقده مساء اليوم) rarely take more.
pub const SAYING_REACH: usize = 14;

/// Tokens a setting phrase may take before its saying verb (وفي برنامج
/// حواري على قناة محلية، قال …).
pub const FRAME_LEAD: usize = 8;

/// Prepositions that open a setting phrase before a saying verb.
const SETTING: &[&str] = &["في", "وفي", "خلال", "وخلال", "ومن", "من"];

/// Prepositions that lead to a number (ارتفع إلى 5، بـ3 طائرات).
const TO_NUMBER: &[&str] = &["الي", "ل", "ب", "حتي"];

/// True when token `k` is a number written in digits before a word of a
/// role, or a preposition right before such a number: an attribution
/// names a source, and a count of victims ends it (وفقا لبيان المحافظة
/// إلى 5 قتلى: the toll is the fact). Other numbers stay in it (وفقا لـ3
/// شهود عيان، بحسب قناة فرانس 24).
fn opens_count(tokens: &[Token], keys: &Keys, k: usize) -> bool {
    let role = |k: usize| {
        k < keys.len()
            && keys
                .find(k, |e| matches!(e, Entry::Role(_)).then_some(()))
                .is_some()
    };
    let count =
        |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number) && role(k + 1);
    count(k) || (TO_NUMBER.contains(&keys[k]) && count(k + 1))
}

/// Which tokens frame the sentence, and the span of the speaker.
pub fn frame(tokens: &[Token], keys: &Keys, text: &str) -> (Vec<bool>, Option<(usize, usize)>) {
    let mut frame = vec![false; tokens.len()];
    let mut speaker: Option<(usize, usize)> = None;
    // A saying clause: a verb of saying, then إن / أن within reach.
    for i in 0..tokens.len() {
        if keys
            .find(i, |e| (*e == Entry::Saying).then_some(()))
            .is_none()
        {
            continue;
        }
        let end =
            (i + 1..tokens.len().min(i + 1 + SAYING_REACH)).find(|&k| THAT.contains(&keys[k]));
        if let Some(end) = end {
            // The clause starts at the sentence start or the last break
            // before the verb (وفي برنامج حواري …، قال النائب إن).
            // The frame starts at the verb (… الذي قالت مصادر إن; واعتبر
            // الجيش ذلك محاولة اغتيال لكنه قال إن), or at the sentence
            // start when a setting phrase leads to it (وفي برنامج حواري على
            // قناة محلية، قال …).
            let setting =
                i <= FRAME_LEAD && break_before(tokens, text, i) && SETTING.contains(&keys[0]);
            let begin = if setting { 0 } else { i };
            for f in frame.iter_mut().take(end + 1).skip(begin) {
                *f = true;
            }
            if end > i + 1 {
                speaker = Some((tokens[i + 1].start, tokens[end - 1].end));
            }
            break;
        }
    }
    // An attribution: وفق / بحسب … to the next break or the end.
    for i in 0..tokens.len() {
        let Some(((), n)) = keys.find(i, |e| (*e == Entry::Frame).then_some(())) else {
            continue;
        };
        // فحسب is "only", not "according to".
        if keys[i] == "فحسب" {
            continue;
        }
        // It ends at a break, at «أن» opening what is said (ذكر
        // التلفزيون نقلا عن بيان للوزارة أن الحصيلة ارتفعت: the toll is
        // the fact, not part of the attribution) or at a count of a role.
        let end = (i + n..tokens.len())
            .find(|&k| {
                break_before(tokens, text, k)
                    || THAT.contains(&keys[k])
                    || opens_count(tokens, keys, k)
            })
            .unwrap_or(tokens.len());
        for f in frame.iter_mut().take(end).skip(i) {
            *f = true;
        }
        if end > i + n {
            speaker.get_or_insert((tokens[i + n].start, tokens[end - 1].end));
        }
    }
    (frame, speaker)
}
