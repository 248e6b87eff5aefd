//! Normalisation for matching, never for display.
//!
//! In: a word (or any text) exactly as the file has it. Out: a match key, a new
//! `String`; the article text and its byte offsets are never touched, so a
//! key always points back to the original through the token that made it.
//!
//! Rules, applied one character at a time (so the key of a word never depends
//! on its neighbours):
//! - Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are unfolded by NFKC
//!   to the letters they draw (ﻻ → لا).
//! - Diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks),
//!   tatweel, and invisible formatting characters (bidi marks, ZWJ, ZWNJ)
//!   are dropped.
//! - Alef forms أ إ آ ٱ become ا; alef maqsura ى becomes ي; ta marbuta ة
//!   becomes ه (final ه and ة are interchangeable in news copy).
//! - Hamza on waw ؤ and on yeh ئ both become the bare hamza ء: the seat of a
//!   medial hamza is where spelling conventions differ (مسؤول in most of the
//!   Arab press, مسئول in Egypt's; شؤون / شئون), so the seat must not decide
//!   the key. Folding ؤ to و and ئ to ي instead would keep the two apart.
//! - Persian and Urdu letters become their Arabic look-alikes: ک → ك,
//!   ی ې → ي, گ → ك, پ → ب, چ → ج, ژ → ز, ڤ → ف, ہ ە → ه.
//! - Arabic-Indic digits ٠-٩ and extended (Persian) digits ۰-۹ become 0-9; the
//!   Arabic decimal and thousands separators ٫ ٬ become `.` and `,`.
//! - Latin letters are lower-cased.

use unicode_normalization::UnicodeNormalization;

/// The match key of one character: `None` when it is dropped, otherwise the
/// character it stands for. Presentation forms are handled by [`normalize`].
pub fn fold_char(c: char) -> Option<char> {
    match fold_known(c) {
        Some(folded) => folded,
        None if c.is_uppercase() => c.to_lowercase().next(),
        None => Some(c),
    }
}

/// [`fold_char`] without the Unicode case table: `None` for a character
/// outside ASCII and the Arabic block that no rule names (Unicode's case
/// table, in [`fold_char`], decides it). A `const fn`, so that [`ARABIC_BLOCK`] is built from it.
const fn fold_known(c: char) -> Option<Option<char>> {
    Some(Some(match c {
        // Harakat, tanwin, shadda, sukun, maddah/hamza marks, dagger alef,
        // Quranic annotation marks, tatweel.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => {
            return Some(None);
        }
        '\u{0640}' => return Some(None),
        // Invisible formatting: bidi marks and embeddings, ZWJ, ZWNJ, BOM.
        '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => return Some(None),
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ؤ' | 'ئ' => 'ء',
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ێ' => 'ي',
        'ة' | 'ہ' | 'ە' | 'ۀ' | 'ۃ' => 'ه',
        'ک' | 'گ' | 'ڪ' => 'ك',
        'پ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        'ڤ' | 'ڨ' => 'ف',
        '٠'..='٩' => (b'0' + (c as u32 - '٠' as u32) as u8) as char,
        '۰'..='۹' => (b'0' + (c as u32 - '۰' as u32) as u8) as char,
        '٫' => '.',
        '٬' => ',',
        'A'..='Z' => c.to_ascii_lowercase(),
        // ASCII and the Arabic block have no other capitals: the Unicode
        // case table is asked only for the rest.
        '\0'..='\x7f' | '\u{0600}'..='\u{06FF}' => c,
        _ => return None,
    }))
}

/// True for characters in the two Arabic presentation-form blocks.
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// The match key of `text`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`fold_char`] of every character of the Arabic block (U+0600–U+06FF),
/// worked out at compile time: `DROPPED` for a dropped one. A word is
/// nearly all such characters, and a table read is cheaper than the match
/// (the match was a fifth of tokenising, callgrind).
const ARABIC_BLOCK: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = match char::from_u32(0x0600 + i as u32) {
            Some(c) => match fold_known(c) {
                Some(Some(f)) => f as u16,
                Some(None) | None => DROPPED,
            },
            None => DROPPED,
        };
        i += 1;
    }
    table
};

/// [`ARABIC_BLOCK`]'s mark of a dropped character (no character of the
/// block folds to U+FFFF).
const DROPPED: u16 = 0xFFFF;

/// Appends the match key of `text` to `out` (no allocation per word).
pub fn normalize_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            match ARABIC_BLOCK[c as usize - 0x0600] {
                DROPPED => {}
                f => out.push(char::from_u32(u32::from(f)).unwrap_or(c)),
            }
        } else if is_presentation_form(c) {
            for d in c.to_string().nfkc() {
                if let Some(f) = fold_char(d) {
                    out.push(f);
                }
            }
        } else if let Some(f) = fold_char(c) {
            out.push(f);
        }
    }
}

/// True when the character is dropped by normalisation but belongs inside a
/// word (diacritics, tatweel, joiners): the tokenizer keeps it in the word.
pub fn is_word_internal_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_the_arabic_block_have_no_capitals_but_a_to_z() {
        // The premise of fold_char's fast arm.
        for c in ('\0'..='\x7f').chain('\u{0600}'..='\u{06FF}') {
            assert_eq!(c.is_uppercase(), c.is_ascii_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn the_arabic_block_table_folds_as_fold_char_does() {
        for c in '\u{0600}'..='\u{06FF}' {
            let mut key = String::new();
            normalize_into(&c.to_string(), &mut key);
            assert_eq!(
                key,
                fold_char(c).map(String::from).unwrap_or_default(),
                "{c:?}"
            );
        }
        assert_eq!(normalize("Ωمُسؤولٌ"), "ωمسءول");
    }

    #[test]
    fn diacritics_and_tatweel_are_dropped() {
        assert_eq!(normalize("مُسَيَّرَة"), "مسيره");
        assert_eq!(normalize("عقَّب"), "عقب");
        assert_eq!(normalize("تتبنَ"), "تتبن");
        assert_eq!(normalize("الـعـراق"), "العراق");
        assert_eq!(normalize("مبانيَ"), "مباني");
    }

    #[test]
    fn alef_hamza_maqsura_and_ta_marbuta_fold() {
        assert_eq!(normalize("أعلن"), normalize("اعلن"));
        assert_eq!(normalize("إيران"), "ايران");
        assert_eq!(normalize("آلاف"), "الاف");
        assert_eq!(normalize("مسؤولية"), "مسءوليه");
        assert_eq!(normalize("مسئولية"), normalize("مسؤولية"));
        assert_eq!(normalize("شئون"), normalize("شؤون"));
        assert_eq!(normalize("الخديمى"), "الخديمي");
        assert_eq!(normalize("رئيس"), "رءيس");
        assert_eq!(normalize("فى"), normalize("في"));
        assert_eq!(normalize("قوة"), normalize("قوه"));
    }

    #[test]
    fn persian_letters_and_digits_fold() {
        assert_eq!(normalize("کابل"), "كابل");
        assert_eq!(normalize("ایران"), "ايران");
        assert_eq!(normalize("٧ تشرين"), "7 تشرين");
        assert_eq!(normalize("۱۲۵"), "125");
        assert_eq!(normalize("٣٫٥"), "3.5");
        assert_eq!(normalize("١٬٢٠٠"), "1,200");
    }

    #[test]
    fn presentation_forms_unfold() {
        // ﻻ (lam-alef ligature) and ﺑﻐﺪاد written with isolated/initial forms.
        assert_eq!(normalize("ﻻ"), "لا");
        assert_eq!(normalize("ﺑﻐﺪﺍﺩ"), "بغداد");
    }

    #[test]
    fn invisible_marks_and_latin_case() {
        assert_eq!(normalize("\u{200F}بغداد\u{200E}"), "بغداد");
        assert_eq!(normalize("Reuters"), "reuters");
        assert_eq!(normalize("C-RAM"), "c-ram");
    }
}
