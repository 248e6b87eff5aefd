//! Character classes and language guessing.
//!
//! In: characters or a slice of article text. Out: which script a letter
//! belongs to, whether a character is a bidirectional control (invisible,
//! skipped when the segmenter looks at neighbours), and an ISO 639-1 code for
//! the main language of a stretch of text.
//!
//! Rules:
//! - Arabic script is the Unicode blocks Arabic, Arabic Supplement, Arabic
//!   Extended-A and the two presentation-form blocks.
//! - A text is Arabic (`ar`) when it has at least as many Arabic letters as
//!   letters of any other script. Latin-script text is told apart by counting
//!   common function words of a few languages (see [`LATIN_FUNCTION_WORDS`]);
//!   with no evidence it is English, the usual language of embedded tweets.
//! - Digits and punctuation carry no language.

/// Scripts that Mizan tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Script {
    /// Letters of the Arabic blocks: Arabic, Supplement, Extended-A and -B and
    /// the presentation forms.
    Arabic,
    /// Basic Latin letters and the Latin-1, Extended-A/B and Extended Additional blocks.
    Latin,
    /// Cyrillic and Cyrillic Supplement.
    Cyrillic,
    /// The Hebrew block.
    Hebrew,
    /// A letter of any other script.
    Other,
}

/// The script of a letter, or `None` for anything that is not a letter.
pub fn script_of(c: char) -> Option<Script> {
    // The common cases without the Unicode tables: ASCII, and the letters
    // of the Arabic block (ء to غ, ف to ي).
    match c {
        'a'..='z' | 'A'..='Z' => return Some(Script::Latin),
        '\0'..='\x7f' => return None,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => return Some(Script::Arabic),
        _ => {}
    }
    if !c.is_alphabetic() {
        return None;
    }
    let cp = c as u32;
    Some(match cp {
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x0041..=0x005A | 0x0061..=0x007A | 0x00C0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0400..=0x052F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        _ => Script::Other,
    })
}

/// True for a letter of any script, as `char::is_alphabetic`, answered by
/// [`script_of`], which tells ASCII and the Arabic block's letters without
/// the Unicode tables (their slow lookup was 5 % of a 100-story export,
/// measured with perf).
pub fn is_letter(c: char) -> bool {
    script_of(c).is_some()
}

/// True for Arabic letters (not Arabic digits or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    script_of(c) == Some(Script::Arabic)
}

/// Invisible bidirectional formatting characters (LRM, RLM, ALM, embeddings,
/// overrides and isolates). They sit between visible characters, for example
/// around a full stop (`د`, U+202A, `.`, U+202C), and must not hide what is next to them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Function words that tell Latin-script languages apart. A word counts once
/// per occurrence; the language with most hits wins, English on a tie.
pub const LATIN_FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "are", "was", "in", "this", "we", "our", "with", "by",
            "his", "he",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "dans", "du", "pour", "que", "sur",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "es", "una", "del", "por", "con", "para", "que",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "ein", "eine", "nicht", "mit", "den", "von",
        ],
    ),
    (
        "id",
        &[
            "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "tidak", "ke",
        ],
    ),
];

/// Counts of letters per script in `text`.
#[derive(Debug, Default, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct LetterCounts {
    /// Arabic-script letters.
    pub arabic: usize,
    /// Latin-script letters.
    pub latin: usize,
    /// Cyrillic letters.
    pub cyrillic: usize,
    /// Hebrew letters.
    pub hebrew: usize,
    /// Letters of any other script.
    pub other: usize,
}

impl LetterCounts {
    /// Counts the letters of `text` by script; digits and punctuation are not
    /// counted.
    pub fn of(text: &str) -> Self {
        let mut n = LetterCounts::default();
        for c in text.chars() {
            match script_of(c) {
                Some(Script::Arabic) => n.arabic += 1,
                Some(Script::Latin) => n.latin += 1,
                Some(Script::Cyrillic) => n.cyrillic += 1,
                Some(Script::Hebrew) => n.hebrew += 1,
                Some(Script::Other) => n.other += 1,
                None => {}
            }
        }
        n
    }

    /// All letters counted, of every script.
    pub fn total(&self) -> usize {
        self.arabic + self.latin + self.cyrillic + self.hebrew + self.other
    }
}

/// The ISO 639-1 code of the main language of `text`, or `None` when it has
/// no letters at all.
pub fn guess_language(text: &str) -> Option<&'static str> {
    let n = LetterCounts::of(text);
    if n.total() == 0 {
        return None;
    }
    let max_other = n.latin.max(n.cyrillic).max(n.hebrew).max(n.other);
    if n.arabic >= max_other {
        return Some("ar");
    }
    if n.cyrillic == max_other {
        return Some("ru");
    }
    if n.hebrew == max_other {
        return Some("he");
    }
    if n.latin == max_other {
        return Some(guess_latin_language(text));
    }
    Some("und")
}

fn guess_latin_language(text: &str) -> &'static str {
    let mut best = ("en", 0usize);
    for (code, words) in LATIN_FUNCTION_WORDS {
        let hits = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .filter(|w| words.iter().any(|f| f.eq_ignore_ascii_case(w)))
            .count();
        if hits > best.1 {
            best = (code, hits);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_letter_agrees_with_the_unicode_tables() {
        for c in "abcZ ٣7,.ءغفيىةآ\u{064B}ۀکéж漢-".chars() {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn arabic_text_is_arabic_even_with_latin_acronyms() {
        assert_eq!(
            guess_language("أسقطت منظومة C-RAM طائرتين فوق المدينة"),
            Some("ar")
        );
    }

    #[test]
    fn english_tweet_is_english() {
        assert_eq!(
            guess_language("We condemn this attack on the city. https://t.co/x"),
            Some("en")
        );
    }

    #[test]
    fn french_and_indonesian_are_told_apart() {
        assert_eq!(
            guess_language("Le premier ministre est sain et sauf dans la capitale"),
            Some("fr")
        );
        assert_eq!(
            guess_language("Perdana menteri selamat dari serangan yang terjadi di ibu kota"),
            Some("id")
        );
    }

    #[test]
    fn digits_and_punctuation_have_no_language() {
        assert_eq!(guess_language("2021-11 — ١٠/٠٨"), None);
    }

    #[test]
    fn bidi_controls_are_recognised() {
        assert!(is_bidi_control('\u{202A}'));
        assert!(is_bidi_control('\u{200F}'));
        assert!(!is_bidi_control('.'));
        assert!(is_arabic_letter('ب'));
        assert!(!is_arabic_letter('٣'));
    }
}
