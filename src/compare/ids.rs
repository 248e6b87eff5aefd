//! Stable ids for contradictions, derived from the articles themselves.
//!
//! In: the two sides of a contradict link: each article's id (its file name
//! without extension) and the exact text of its sentence. Out: a short
//! lowercase hex id.
//!
//! Rules: the id is a 64-bit FNV-1a hash of those four strings, so it is the
//! same after a restart and on a colleague's machine holding the same files,
//! whatever order the links were found in; it changes only when one of the
//! two sentences or file names changes. [`ID_HEX_DIGITS`] digits are kept.

/// Hex digits kept of the hash: 48 bits, far beyond the few hundred
/// contradictions of a story, and short enough to read out over the phone.
pub const ID_HEX_DIGITS: usize = 12;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The id of the contradiction between `text_a` of article `article_a` and
/// `text_b` of `article_b`; the order of the two sides does not matter.
pub fn contradiction_id(article_a: &str, text_a: &str, article_b: &str, text_b: &str) -> String {
    let (first, second) = if (article_a, text_a) <= (article_b, text_b) {
        ((article_a, text_a), (article_b, text_b))
    } else {
        ((article_b, text_b), (article_a, text_a))
    };
    stable_id(&[first.0, first.1, second.0, second.1])
}

/// A short id hashing `parts` in order (FNV-1a, [`ID_HEX_DIGITS`] hex
/// digits): the same on every machine for the same strings.
pub fn stable_id(parts: &[&str]) -> String {
    let mut h = FNV_OFFSET;
    for part in parts {
        // A separator byte that UTF-8 text never holds keeps "ab"+"c" apart
        // from "a"+"bc".
        for &byte in part.as_bytes().iter().chain(std::iter::once(&0xff)) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    format!("{h:016x}")[..ID_HEX_DIGITS].to_string()
}

/// True for strings shaped like a contradiction id.
pub fn is_contradiction_id(id: &str) -> bool {
    id.len() == ID_HEX_DIGITS && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_symmetric_and_distinct() {
        let a = contradiction_id("wire", "أسقطت طائرتان.", "daily", "أسقطت ثلاث طائرات.");
        assert_eq!(
            a,
            contradiction_id("daily", "أسقطت ثلاث طائرات.", "wire", "أسقطت طائرتان.")
        );
        assert!(is_contradiction_id(&a), "{a}");
        // A known value: changing the hash would break every shared link.
        assert_eq!(contradiction_id("a", "ب", "c", "د"), "97886c60e8ac");
        assert_ne!(
            a,
            contradiction_id("wire", "أسقطت طائرتان", "daily", "أسقطت ثلاث طائرات.")
        );
        assert_ne!(
            contradiction_id("ab", "ج", "d", "هـ"),
            contradiction_id("a", "bج", "d", "هـ")
        );
        assert!(!is_contradiction_id("../etc"));
        assert!(!is_contradiction_id("ABCDEF012345"));
    }
}
