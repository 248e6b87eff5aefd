//! Sentence boundaries inside one line of running text.
//!
//! In: the article text and a byte range holding one line (or what is left of
//! it after metadata was taken off). Out: byte ranges of sentences, in order,
//! trimmed of white space, that together cover every non-space character of
//! the range.
//!
//! Rules:
//! - A sentence ends after `.`, `!`, `?`, `؟`, `…`, `۔` or a run of them,
//!   together with any closing quotes or brackets right after, when what
//!   follows is white space or the end of the line. After Arabic letters a
//!   full stop or question mark followed directly by an Arabic letter also
//!   ends the sentence (a missing space is common in Arabic news text).
//! - Nothing inside a matched pair of quotes or brackets («», “”, ”“, "",
//!   (), []) ends a sentence: a quotation with full stops stays in the
//!   sentence that introduces it. Quotes that are never closed on the line
//!   protect nothing, so one stray quote cannot swallow a paragraph.
//! - A full stop does not end a sentence between digits (7.9, 12.08.2014),
//!   after a single letter (initials, `د.` for doctor), after a listed
//!   abbreviation (`data/abbreviations.txt`), after dotted initials (`U.S.`) or when a Latin letter or digit
//!   follows it directly (URLs, `U.S.`).
//! - Commas, colons and semicolons never end a sentence (see the README for
//!   where this parts from pySBD and pragmatic_segmenter).
//! - Bidirectional control characters are invisible: `د` U+202A `.` U+202C
//!   reads as `د.`.

use super::super::script::{is_arabic_letter, is_bidi_control};
use std::sync::LazyLock;

static ABBREVIATIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../../data/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    Guillemet,
    Curly,
    Straight,
    Paren,
    Bracket,
}

/// What a character does to quoting: opens, closes, or either (symmetric
/// quotes close the innermost open quote of their kind, else open one).
enum QuoteRole {
    Open(Pairing),
    Close(Pairing),
    Either(Pairing),
}

fn quote_role(c: char) -> Option<QuoteRole> {
    use Pairing::*;
    use QuoteRole::*;
    Some(match c {
        '«' => Open(Guillemet),
        '»' => Close(Guillemet),
        '„' => Open(Curly),
        '“' | '”' => Either(Curly),
        '"' => Either(Straight),
        '(' => Open(Paren),
        ')' => Close(Paren),
        '[' => Open(Bracket),
        ']' => Close(Bracket),
        _ => return None,
    })
}

/// How many matched quote or bracket pairs are still open right after a
/// character, asked at characters in ascending order. Unmatched openers
/// and closers count for nothing.
///
/// Only the pairs' ends are kept, sorted, and walked as the questions
/// come: a count for every character of a paragraph was two arrays as
/// long as it, of which a few places are ever read.
struct Depth {
    /// (character index, +1 at an opener or -1 at its closer), sorted.
    ends: Vec<(usize, i32)>,
    /// Ends already counted into `depth`.
    next: usize,
    depth: i32,
    /// The last character asked about (questions never go back).
    asked: usize,
}

impl Depth {
    fn of(chars: &[(usize, char)]) -> Depth {
        let mut stack: Vec<(Pairing, usize)> = Vec::new();
        let mut ends: Vec<(usize, i32)> = Vec::new();
        for (i, &(_, c)) in chars.iter().enumerate() {
            let Some(role) = quote_role(c) else { continue };
            let (kind, may_open, may_close) = match role {
                QuoteRole::Open(k) => (k, true, false),
                QuoteRole::Close(k) => (k, false, true),
                QuoteRole::Either(k) => (k, true, true),
            };
            if may_close && let Some(pos) = stack.iter().rposition(|&(k, _)| k == kind) {
                let (_, open) = stack[pos];
                stack.truncate(pos);
                ends.push((open, 1));
                ends.push((i, -1));
                continue;
            }
            if may_open {
                stack.push((kind, i));
            }
        }
        ends.sort_unstable();
        Depth {
            ends,
            next: 0,
            depth: 0,
            asked: 0,
        }
    }

    /// The depth right after character `i`; `i` never goes back.
    fn after(&mut self, i: usize) -> u32 {
        debug_assert!(i >= self.asked, "depth asked at {i} after {}", self.asked);
        self.asked = i;
        while let Some(&(at, d)) = self.ends.get(self.next)
            && at <= i
        {
            self.depth += d;
            self.next += 1;
        }
        self.depth.max(0) as u32
    }
}

/// True for a character that ends a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔' | '‼' | '⁉')
}

/// `char::is_alphanumeric`, answering ASCII and Arabic letters without
/// Unicode's tables (a twentieth of sentence splitting went to them).
fn alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_arabic_letter(c) || c.is_alphanumeric()
    }
}

/// `char::is_numeric`, answering ASCII and Arabic letters without
/// Unicode's tables.
fn numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !is_arabic_letter(c) && c.is_numeric()
    }
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '»' | '”' | '“' | '"' | ')' | ']' | '\'' | '’')
}

/// Index of the nearest visible character before `i`, skipping bidi controls.
fn visible_before(chars: &[(usize, char)], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !is_bidi_control(chars[j].1))
}

/// Index of the nearest visible character after `i`, skipping bidi controls.
fn visible_after(chars: &[(usize, char)], i: usize) -> Option<usize> {
    (i + 1..chars.len()).find(|&j| !is_bidi_control(chars[j].1))
}

/// The word (letters and digits) that ends right before character `i`.
fn word_before(chars: &[(usize, char)], i: usize) -> String {
    let mut word: Vec<char> = Vec::new();
    let mut j = i;
    while let Some(k) = visible_before(chars, j) {
        let c = chars[k].1;
        if alphanumeric(c) || (c == '.' && !word.is_empty()) {
            word.push(c);
            j = k;
        } else {
            break;
        }
    }
    word.iter().rev().collect()
}

/// Whether the full stop at `i` can end a sentence, judged from its
/// neighbours (its quoting depth is checked by the caller).
fn full_stop_may_end(chars: &[(usize, char)], i: usize) -> bool {
    let prev = visible_before(chars, i).map(|k| chars[k].1);
    let next = visible_after(chars, i).map(|k| chars[k].1);
    if let (Some(p), Some(n)) = (prev, next) {
        if numeric(p) && numeric(n) {
            return false;
        }
        if alphanumeric(n) && !is_arabic_letter(n) {
            return false;
        }
    }
    let word = word_before(chars, i);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().count() == 1 {
        return false;
    }
    // Dotted initials such as `U.S` or `e.g`.
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 1) {
        return false;
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower)
}

/// Splits `text[start..end]` into trimmed sentence ranges.
pub fn split_sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text[start..end]
        .char_indices()
        .map(|(o, c)| (start + o, c))
        .collect();
    let mut depth = Depth::of(&chars);
    let mut cuts: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_terminator(c) || (c == '.' && !full_stop_may_end(&chars, i)) {
            i += 1;
            continue;
        }
        // Take the whole run of terminators and closing marks.
        let mut last = i;
        let mut j = i + 1;
        while j < chars.len() {
            let d = chars[j].1;
            if is_terminator(d) || is_closing_mark(d) || is_bidi_control(d) {
                last = j;
                j += 1;
            } else {
                break;
            }
        }
        let cut = chars[last].0 + chars[last].1.len_utf8();
        let after = chars.get(j).map(|&(_, d)| d);
        let closes_all = depth.after(last) == 0;
        let glued_arabic = after.is_some_and(is_arabic_letter)
            && matches!(c, '.' | '؟' | '!')
            && visible_before(&chars, i).is_some_and(|k| is_arabic_letter(chars[k].1));
        if closes_all && (after.is_none_or(char::is_whitespace) || glued_arabic) {
            cuts.push(cut);
        }
        i = j;
    }
    let mut out = Vec::new();
    let mut from = start;
    for cut in cuts.into_iter().chain(std::iter::once(end)) {
        if let Some(range) = trim(text, from, cut) {
            out.push(range);
        }
        from = cut;
    }
    out
}

/// `start..end` without white space at either end, or `None` if nothing is left.
pub fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        None
    } else {
        Some((start + lead, start + lead + trimmed.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn the_fast_character_tests_agree_with_unicode() {
        for c in ('\0'..='\u{07FF}').chain(['٣', '۷', '①', 'ж', '漢', '\u{202B}']) {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(numeric(c), c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn arabic_full_stops_and_question_marks() {
        assert_eq!(
            split("وصل الوفد إلى القاهرة. هل تنجح المفاوضات؟ لا أحد يعرف!"),
            vec![
                "وصل الوفد إلى القاهرة.",
                "هل تنجح المفاوضات؟",
                "لا أحد يعرف!"
            ]
        );
    }

    #[test]
    fn quotation_with_full_stops_stays_whole() {
        assert_eq!(
            split("وقال الوزير «الوضع مستقر. لا داعي للقلق». وأضاف أن التحقيق مستمر."),
            vec![
                "وقال الوزير «الوضع مستقر. لا داعي للقلق».",
                "وأضاف أن التحقيق مستمر."
            ]
        );
    }

    #[test]
    fn full_stop_inside_closing_quote_ends_the_sentence() {
        assert_eq!(
            split("قال المتحدث: \"انتهت الجولة الأولى.\" ثم غادر القاعة."),
            vec!["قال المتحدث: \"انتهت الجولة الأولى.\"", "ثم غادر القاعة."]
        );
        assert_eq!(
            split("وأضاف “نحن على اتصال وثيق”. وتابع “سنعلن النتائج غداً”."),
            vec!["وأضاف “نحن على اتصال وثيق”.", "وتابع “سنعلن النتائج غداً”."]
        );
    }

    #[test]
    fn reversed_curly_quotes_pair_up() {
        assert_eq!(
            split("وقال الوزير ”غادرنا. وعدنا“ أمس. ثم سافر."),
            vec!["وقال الوزير ”غادرنا. وعدنا“ أمس.", "ثم سافر."]
        );
    }

    #[test]
    fn unclosed_quote_protects_nothing() {
        assert_eq!(
            split("قال المصدر «إن الهجوم فشل. وأكد الجيش ذلك."),
            vec!["قال المصدر «إن الهجوم فشل.", "وأكد الجيش ذلك."]
        );
    }

    #[test]
    fn decimals_abbreviations_urls_and_initials_do_not_split() {
        assert_eq!(
            split("ارتفع المؤشر 2.5 بالمئة وفق د. سامي، وزار U.S. Army الموقع example.com اليوم."),
            vec!["ارتفع المؤشر 2.5 بالمئة وفق د. سامي، وزار U.S. Army الموقع example.com اليوم."]
        );
    }

    #[test]
    fn bidi_marks_around_a_full_stop_are_invisible() {
        let text = "وقال د\u{202A}.\u{202C} ديفيد إن الحالة مستقرة. وغادر.";
        assert_eq!(
            split(text),
            vec!["وقال د\u{202A}.\u{202C} ديفيد إن الحالة مستقرة.", "وغادر."]
        );
    }

    #[test]
    fn spaced_full_stop_and_missing_space() {
        assert_eq!(
            split("انتهى الاجتماع . وبدأ المؤتمر.وانتهى سريعاً"),
            vec!["انتهى الاجتماع .", "وبدأ المؤتمر.", "وانتهى سريعاً"]
        );
    }

    #[test]
    fn commas_colons_and_semicolons_do_not_split() {
        assert_eq!(
            split("أعلن المتحدث: الطريق مغلق؛ والبديل متاح، حتى إشعار آخر."),
            vec!["أعلن المتحدث: الطريق مغلق؛ والبديل متاح، حتى إشعار آخر."]
        );
    }

    #[test]
    fn ellipsis_ends_a_sentence_before_space() {
        assert_eq!(
            split("انتظر الجميع… ثم جاء الخبر."),
            vec!["انتظر الجميع…", "ثم جاء الخبر."]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "  أولاً.   ثانياً.  ";
        for (s, e) in split_sentences(text, 0, text.len()) {
            assert!(!text[s..e].starts_with(' ') && !text[s..e].ends_with(' '));
        }
        assert_eq!(split(text), vec!["أولاً.", "ثانياً."]);
    }
}
