//! Segmentation of an article into titled, typed spans with exact offsets.
//!
//! In: the full text of one article file (`&str`, as read from disk).
//! Out: [`Segment`]s with byte spans into that very text, in file order,
//! never overlapping, trimmed of white space, and together covering every
//! non-space character. Nothing is normalised or dropped: a segment's text is
//! always `&text[start..end]`.
//!
//! Rules, line by line (a line ends at `\n`; blank lines are skipped):
//! 1. A date label or ISO date at the start of a line is `metadata`
//!    (`date 2021-11 …`); a line holding only a date label and its date
//!    (`تاريخ النشر: 2023-02-06 04:17`) is one `metadata` segment, never a title.
//! 2. The first line with content is a `title` when it reads as a headline
//!    ([`lines::is_headline`]) and more lines follow; a headline is never
//!    split, even at `..`.
//! 3. The last line is `boilerplate` when it is an outlet name
//!    ([`lines::is_outlet_line`]) after at least
//!    [`OUTLET_MIN_LINES_BEFORE`] lines of text.
//! 4. A line holding a site notice or translation disclaimer is one
//!    `boilerplate` segment; a tweet attribution line (`— Name (@handle)
//!    date`) is `metadata`.
//! 5. Any other line is split into sentences ([`sentences`]); a trailing run
//!    of links, hashtags and handles is one `metadata` segment.
//! 6. A sentence is `sentence` when its main language is Arabic, `foreign`
//!    when it is another language, and `metadata` when it has no letters.

pub mod lines;
pub mod sentences;

use super::script::guess_language;
use sentences::{split_sentences, trim};
use serde::Serialize;

/// Lines of text an article needs before its last short line is taken for
/// an outlet name rather than a short closing sentence.
pub const OUTLET_MIN_LINES_BEFORE: usize = 2;

/// What a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// The headline: the first line with content, when it reads as one.
    Title,
    /// A sentence of running text whose main language is Arabic.
    Sentence,
    /// A site notice, a translation disclaimer or a trailing outlet name: not
    /// article text.
    Boilerplate,
    /// A sentence in another language than Arabic, such as an embedded English tweet.
    Foreign,
    /// Dates, links, hashtags, tweet attributions, front matter and anything
    /// without letters.
    Metadata,
}

impl SegmentKind {
    /// Every kind, in declaration order (the order of the legend).
    pub const ALL: [SegmentKind; 5] = [
        SegmentKind::Title,
        SegmentKind::Sentence,
        SegmentKind::Boilerplate,
        SegmentKind::Foreign,
        SegmentKind::Metadata,
    ];

    /// The name used in story JSON and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Title => "title",
            SegmentKind::Sentence => "sentence",
            SegmentKind::Boilerplate => "boilerplate",
            SegmentKind::Foreign => "foreign",
            SegmentKind::Metadata => "metadata",
        }
    }
}

/// One span of an article: `text[start..end]` is its exact text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Segment {
    /// Byte offset of the segment's first byte in the file.
    pub start: usize,
    /// Byte offset just past its last byte; never inside a character.
    pub end: usize,
    /// What the segment is.
    pub kind: SegmentKind,
    /// ISO 639-1 code of the segment's main language.
    pub lang: &'static str,
}

impl Segment {
    /// The segment's exact text, `&article[start..end]`; `article` must be the
    /// whole file the segment was cut from.
    pub fn text<'t>(&self, article: &'t str) -> &'t str {
        &article[self.start..self.end]
    }
}

/// Non-blank lines of `text` as trimmed byte ranges.
fn content_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for piece in text.split_inclusive('\n') {
        if let Some(range) = trim(text, from, from + piece.len()) {
            out.push(range);
        }
        from += piece.len();
    }
    out
}

/// Segments `text`; see the module documentation for the rules.
pub fn segment(text: &str) -> Vec<Segment> {
    // The whole text's language, for a span without letters: guessed only
    // when one needs it (reading every article twice was a fortieth of an
    // export).
    let default_lang = std::cell::OnceCell::new();
    // The language of a span, when already guessed; trimming takes off
    // only white space, so the guess holds for the trimmed span.
    let put = |out: &mut Vec<Segment>, s: usize, e: usize, kind, guess: Option<&'static str>| {
        if let Some((s, e)) = trim(text, s, e) {
            out.push(Segment {
                start: s,
                end: e,
                kind,
                lang: guess.unwrap_or_else(|| {
                    *default_lang.get_or_init(|| guess_language(text).unwrap_or("ar"))
                }),
            });
        }
    };
    let push = |out: &mut Vec<Segment>, s: usize, e: usize, kind: SegmentKind| {
        put(out, s, e, kind, guess_language(&text[s..e]));
    };
    let lines = content_lines(text);
    let mut out: Vec<Segment> = Vec::new();
    let mut seen_text = false;
    let last = lines.len().saturating_sub(1);
    for (i, &(line_start, line_end)) in lines.iter().enumerate() {
        let mut start = line_start;
        if let Some(len) = lines::leading_metadata_len(&text[line_start..line_end]) {
            push(
                &mut out,
                line_start,
                line_start + len,
                SegmentKind::Metadata,
            );
            start = line_start + len;
        }
        let line = text[start..line_end].trim();
        if lines::is_date_line(line) {
            push(&mut out, start, line_end, SegmentKind::Metadata);
            continue;
        }
        if !seen_text && i < last && lines::is_headline(line) {
            push(&mut out, start, line_end, SegmentKind::Title);
            seen_text = true;
            continue;
        }
        if i == last && i >= OUTLET_MIN_LINES_BEFORE && lines::is_outlet_line(line) {
            push(&mut out, start, line_end, SegmentKind::Boilerplate);
            continue;
        }
        if lines::is_boilerplate(line) {
            push(&mut out, start, line_end, SegmentKind::Boilerplate);
            continue;
        }
        if lines::is_attribution(line) {
            push(&mut out, start, line_end, SegmentKind::Metadata);
            continue;
        }
        let body_end = match lines::trailing_metadata_start(&text[start..line_end]) {
            Some(off) => start + off,
            None => line_end,
        };
        for (s, e) in split_sentences(text, start, body_end) {
            let guess = guess_language(&text[s..e]);
            let kind = match guess {
                None => SegmentKind::Metadata,
                Some("ar") => SegmentKind::Sentence,
                Some(_) => SegmentKind::Foreign,
            };
            seen_text |= kind != SegmentKind::Metadata;
            put(&mut out, s, e, kind, guess);
        }
        push(&mut out, body_end, line_end, SegmentKind::Metadata);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SegmentKind, &str)> {
        segment(text)
            .into_iter()
            .map(|s| (s.kind, &text[s.start..s.end]))
            .collect()
    }

    #[test]
    fn headline_glued_to_text_is_one_title() {
        let text = "بعد أيام من القتال.. هدنة هشة في الخرطوم\nأعلن الجيش هدنة لمدة 72 ساعة. ورحبت الأمم المتحدة بالقرار.\n";
        assert_eq!(
            kinds(text),
            vec![
                (
                    SegmentKind::Title,
                    "بعد أيام من القتال.. هدنة هشة في الخرطوم"
                ),
                (SegmentKind::Sentence, "أعلن الجيش هدنة لمدة 72 ساعة."),
                (SegmentKind::Sentence, "ورحبت الأمم المتحدة بالقرار."),
            ]
        );
    }

    #[test]
    fn first_line_with_full_stop_is_a_sentence() {
        let text = "ضرب زلزال قوي جنوب تركيا.\nوقالت السلطات إن العشرات أصيبوا.";
        assert_eq!(kinds(text)[0].0, SegmentKind::Sentence);
    }

    #[test]
    fn date_prefix_tweet_and_outlet() {
        let text = " published 2023-02-06 ضرب زلزال قوي جنوب تركيا فجر الإثنين.\n\n\
                    Rescue teams are working through the night. https://t.co/abc123\n\n\
                    — Red Crescent (@redcrescent) February 6, 2023\n\
                    وتواصل فرق الإنقاذ عملها.\n\
                    الجزيرة\n";
        assert_eq!(
            kinds(text),
            vec![
                (SegmentKind::Metadata, "published 2023-02-06"),
                (
                    SegmentKind::Sentence,
                    "ضرب زلزال قوي جنوب تركيا فجر الإثنين."
                ),
                (
                    SegmentKind::Foreign,
                    "Rescue teams are working through the night."
                ),
                (SegmentKind::Metadata, "https://t.co/abc123"),
                (
                    SegmentKind::Metadata,
                    "— Red Crescent (@redcrescent) February 6, 2023"
                ),
                (SegmentKind::Sentence, "وتواصل فرق الإنقاذ عملها."),
                (SegmentKind::Boilerplate, "الجزيرة"),
            ]
        );
    }

    #[test]
    fn disclaimer_is_boilerplate() {
        let text = "قالت الشرطة إن الطريق أغلق.\nThis article was machine translated. Please see the original.";
        assert_eq!(kinds(text)[1].0, SegmentKind::Boilerplate);
    }

    #[test]
    fn crlf_and_every_character_covered() {
        let text = "عنوان الخبر هنا\r\nجملة أولى. جملة ثانية!\r\n\r\nجملة ثالثة؟\r\n";
        let segs = segment(text);
        let mut covered = vec![false; text.len()];
        for s in &segs {
            assert!(!text[s.start..s.end].ends_with('\r'));
            covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in text.char_indices() {
            assert!(
                c.is_whitespace() || covered[i],
                "{c:?} at {i} is not covered"
            );
        }
        assert_eq!(segs.len(), 4);
    }

    #[test]
    fn segments_are_ordered_and_disjoint() {
        let text = "خبر\n\nالأول. الثاني «ثالث. رابع» خامس.\n";
        let segs = segment(text);
        for w in segs.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }
}
