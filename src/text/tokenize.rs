//! Words and numbers, each with its byte span and its match key.
//!
//! In: a slice of article text and the byte offset where it starts in the
//! file. Out: [`Token`]s in order; `start..end` are byte offsets into the
//! file, so `&file[start..end]` is the token exactly as written.
//!
//! Rules:
//! - A word is a run of letters; diacritics, tatweel and joiners inside it
//!   belong to it. A change of script (Arabic to Latin) ends a word.
//! - A number is a run of digits of any script (0-9, ٠-٩, ۰-۹); a `.` `,`
//!   `٫` or `٬` between two digits stays inside it (3.5, 1,200, ٣٫٥).
//! - A letter run glued to digits splits into two tokens: «بـ3» gives «بـ»
//!   and «3»; «2021م» gives «2021» and «م».
//! - Everything else (punctuation, spaces, symbols) separates tokens.
//! - The key is [`normalize`] of the token.

use super::normalize::{is_word_internal_mark, normalize};
use super::script::script_of;

/// Whether a token is a word or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TokenKind {
    /// A run of letters, with the diacritics, tatweel and joiners inside it.
    Word,
    /// A run of digits of any script, with `.` `,` `٫` `٬` between digits.
    Number,
}

/// One word or number of the text, with its byte span in the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Token {
    /// Byte offset of the token's first byte in the file.
    pub start: usize,
    /// Byte offset just past its last byte: `&file[start..end]` is the token as written.
    pub end: usize,
    /// Whether it is a word or a number.
    pub kind: TokenKind,
    /// The normalised form used for matching.
    pub key: String,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c)
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Bytes of text per token reserved for at first: an Arabic word of five
/// letters and a space are eleven bytes; a little less leaves room.
const BYTES_PER_TOKEN: usize = 8;

/// Tokens of `text`, whose first byte is at `offset` in the file.
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    // Room for the tokens of news Arabic at once (a word and its space
    // are about eleven bytes; growing the list was 3 % of tokenising).
    let mut out = Vec::with_capacity(text.len() / BYTES_PER_TOKEN + 1);
    // Characters are read once, in order, with a look ahead of two (a
    // separator between digits), without collecting them first.
    let mut chars = text.char_indices().peekable();
    while let Some((pos, c)) = chars.next() {
        let mut end = pos + c.len_utf8();
        if is_digit(c) {
            loop {
                let mut ahead = chars.clone();
                match ahead.next() {
                    Some((p, d)) if is_digit(d) => {
                        chars.next();
                        end = p + d.len_utf8();
                    }
                    Some((_, d)) if is_number_separator(d) => match ahead.next() {
                        Some((p, e)) if is_digit(e) => {
                            chars.next();
                            chars.next();
                            end = p + e.len_utf8();
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
            out.push(make(text, pos, end, offset, TokenKind::Number));
        } else if let Some(script) = script_of(c) {
            while let Some(&(p, d)) = chars.peek() {
                let same_script = !is_digit(d) && script_of(d) == Some(script);
                if same_script || is_word_internal_mark(d) {
                    chars.next();
                    end = p + d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(make(text, pos, end, offset, TokenKind::Word));
        }
    }
    out
}

fn make(text: &str, start: usize, end: usize, offset: usize, kind: TokenKind) -> Token {
    Token {
        start: offset + start,
        end: offset + end,
        kind,
        key: normalize(&text[start..end]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surface(text: &str) -> Vec<&str> {
        tokenize(text, 0)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn words_keep_their_diacritics_and_exact_spans() {
        let text = "ثم عقَّب في كلمة متلفزة";
        let toks = tokenize(text, 100);
        assert_eq!(toks.len(), 5);
        assert_eq!(&text[toks[1].start - 100..toks[1].end - 100], "عقَّب");
        assert_eq!(toks[1].key, "عقب");
    }

    #[test]
    fn digits_glued_to_letters_split() {
        assert_eq!(
            surface("لاستهداف بـ3 طائرات"),
            vec!["لاستهداف", "بـ", "3", "طائرات"]
        );
        assert_eq!(surface("عام 2019م"), vec!["عام", "2019", "م"]);
    }

    #[test]
    fn numbers_of_every_script_with_separators() {
        let text = "قتل ١٬٢٠٠ شخص و 3.5 مليون، ثم ۱۲۵.";
        let toks: Vec<_> = tokenize(text, 0)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Number)
            .collect();
        let keys: Vec<_> = toks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, vec!["1,200", "3.5", "125"]);
        // The final full stop is punctuation, not a decimal point.
        assert_eq!(&text[toks[2].start..toks[2].end], "۱۲۵");
    }

    #[test]
    fn punctuation_and_scripts_separate_words() {
        assert_eq!(surface("«رويترز»، C-RAM؟"), vec!["رويترز", "C", "RAM"]);
        assert_eq!(surface("#مصطفى_الكاظمي"), vec!["مصطفى", "الكاظمي"]);
    }
}
