//! Background document frequencies of general news Arabic, from
//! `data/background_df.tsv`.
//!
//! In: a token key (as [`tokenize`](crate::text::tokenize::tokenize) makes
//! it, already normalised). Out: how rare the word is in news Arabic at
//! large, as an inverse document frequency ([`Background::idf`]). A story of
//! two or three short articles is too small to tell a common word from a
//! rare one by itself; this table is the outside opinion.
//!
//! Rules:
//! - The table counts, for each background key, in how many sentences of a
//!   news corpus it occurs (once a sentence). The first line holds the number
//!   of sentences (`# N<TAB>n`); keys seen only once are left out, so they
//!   count as unseen. `examples/background_df.rs` writes it.
//! - Words are looked up by [`background_key`]: a light, deterministic
//!   folding of proclitics, the article and the tanween alif, so that
//!   والحكومة, بالحكومة, الحكومة and حكومة are one word. It is no stemmer:
//!   suffixes, plurals and verb forms stay apart.
//! - `idf = ln((N + 1) / (df + 1))`: an unseen word (df 0) is as rare as a
//!   word can be, a word of every sentence scores near 0. Never negative.

use crate::text::data_lines;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/background_df.tsv");

/// Letters a word must keep after losing a conjunction و or ف: «وقال»
/// gives «قال», but «وقت» and «فقط» stay whole (two letters are too few to
/// be a word on their own).
pub const MIN_AFTER_CONJUNCTION: usize = 3;

/// Letters a word must keep after losing a preposition ب ل ك, counting the
/// article that must follow it: «بالقرب» gives «القرب», while «بال» (mind)
/// stays whole.
pub const MIN_AFTER_PREPOSITION: usize = 4;

/// Letters a word must keep after losing the article ال or the fused لل
/// (ل + ال): «الحرب» gives «حرب», while «الي» (إلى) and «الا» (إلا)
/// stay whole.
pub const MIN_AFTER_ARTICLE: usize = 2;

/// Letters a word must have for a final ا to be taken as the tanween alif
/// (accusative -an): «رسميا» gives «رسمي», while «انا» and «لنا» stay whole.
pub const MIN_WITH_TANWEEN: usize = 4;

/// The background key of a token key: the key without its proclitics, the
/// article and the tanween alif.
///
/// Rules, on a normalised key (ة is already ه, أ إ آ are already ا):
/// 1. Peel, as long as one applies, the first of:
///    - a conjunction و or ف, when at least [`MIN_AFTER_CONJUNCTION`]
///      letters remain;
///    - a preposition ب ل ك followed by the article, when at least
///      [`MIN_AFTER_PREPOSITION`] letters remain (the article included);
///    - the article ال, or لل (ل + ال, whose alif falls in writing), when at
///      least [`MIN_AFTER_ARTICLE`] letters remain.
/// 2. Drop a final ا when the word has at least [`MIN_WITH_TANWEEN`]
///    letters.
///
/// Peeling repeats so that a clitic in front of a word never changes its
/// key: «الوزير» peels to «وزير», which then folds exactly as the bare
/// «وزير» does. The price is that a word whose own first letter is و or ف
/// (وزير, فريق) loses it too, and a word opening with ل after لل (للجنة,
/// ل + اللجنة) loses one ل too many; both are consistent across every form
/// of the word, which is what a frequency lookup needs.
pub fn background_key(key: &str) -> String {
    key_of(key).to_string()
}

/// [`background_key`] as a slice of `key`: a table lookup needs no copy.
fn key_of(key: &str) -> &str {
    let mut word = key;
    while let Some(rest) = peel(word) {
        word = rest;
    }
    if let Some(rest) = word.strip_suffix('ا')
        && letters(word) >= MIN_WITH_TANWEEN
    {
        word = rest;
    }
    word
}

/// `word` without one proclitic (rule 1 of [`background_key`]), if it has
/// one.
fn peel(word: &str) -> Option<&str> {
    let long_enough = |rest: &str, min: usize| letters(rest) >= min;
    if let Some(rest) = word.strip_prefix(['و', 'ف'])
        && long_enough(rest, MIN_AFTER_CONJUNCTION)
    {
        return Some(rest);
    }
    if let Some(rest) = word.strip_prefix(['ب', 'ل', 'ك'])
        && rest.starts_with("ال")
        && long_enough(rest, MIN_AFTER_PREPOSITION)
    {
        return Some(rest);
    }
    ["ال", "لل"]
        .into_iter()
        .filter_map(|article| word.strip_prefix(article))
        .find(|rest| long_enough(rest, MIN_AFTER_ARTICLE))
}

fn letters(word: &str) -> usize {
    word.chars().count()
}

/// The background table: how many sentences it was counted over, and in how
/// many of them each background key occurs.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Background {
    n: f64,
    df: HashMap<String, u32>,
}

impl Background {
    /// The table shipped in `data/background_df.tsv`, parsed once.
    pub fn get() -> &'static Background {
        static TABLE: OnceLock<Background> = OnceLock::new();
        TABLE.get_or_init(|| Background::parse(DATA))
    }

    /// A table in the format of `data/background_df.tsv`: `# N<TAB>n` for
    /// the number of sentences, then `key<TAB>df` lines. Other comment lines
    /// and malformed lines are skipped; a key given twice keeps its last
    /// count.
    pub fn parse(data: &str) -> Background {
        let n = data
            .lines()
            .filter_map(|l| l.trim().strip_prefix("# N\t"))
            .find_map(|v| v.trim().parse::<f64>().ok())
            .unwrap_or(0.0);
        let df = data_lines(data)
            .filter_map(|l| {
                let (key, count) = l.split_once('\t')?;
                Some((key.trim().to_string(), count.trim().parse().ok()?))
            })
            .collect();
        Background { n, df }
    }

    /// The number of sentences the table was counted over (N).
    pub fn sentences(&self) -> f64 {
        self.n
    }

    /// The number of sentences that hold the background key of `key` (0
    /// when the table does not list it).
    pub fn df(&self, key: &str) -> u32 {
        self.df.get(key_of(key)).copied().unwrap_or(0)
    }

    /// The rarity of `key` in news Arabic: `ln((N + 1) / (df + 1))` for its
    /// background key. An unseen word gets the largest value, `ln(N + 1)`.
    pub fn idf(&self, key: &str) -> f64 {
        ((self.n + 1.0) / (f64::from(self.df(key)) + 1.0)).ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn bkey(word: &str) -> String {
        background_key(&normalize(word))
    }

    fn idf(word: &str) -> f64 {
        Background::get().idf(&normalize(word))
    }

    #[test]
    fn clitics_and_article_fold_to_one_key() {
        let forms = ["حكومة", "الحكومة", "والحكومة", "بالحكومة", "للحكومة"];
        for form in forms {
            assert_eq!(bkey(form), "حكومه", "{form}");
        }
        assert_eq!(bkey("وقال"), "قال");
        assert_eq!(bkey("فأعلنت"), "اعلنت");
        assert_eq!(bkey("كالعادة"), "عاده");
        assert_eq!(bkey("وبالتالي"), "تالي");
    }

    #[test]
    fn a_clitic_never_changes_the_key_of_the_word_behind_it() {
        // وزير opens with و of its own: it folds, and so must every form of
        // it, or «الوزير» and «وزير» would be counted apart.
        for word in ["وزير", "فريق", "مستشفى", "انتخابات", "حرب"] {
            let key = bkey(word);
            for prefix in ["ال", "و", "وال", "بال", "فال"] {
                assert_eq!(bkey(&format!("{prefix}{word}")), key, "{prefix}{word}");
            }
        }
    }

    #[test]
    fn short_words_keep_their_letters() {
        assert_eq!(bkey("وقت"), "وقت");
        assert_eq!(bkey("فقط"), "فقط");
        assert_eq!(bkey("إلى"), "الي");
        assert_eq!(bkey("إلا"), "الا");
        assert_eq!(bkey("بال"), "بال");
        assert_eq!(bkey("لبنان"), "لبنان");
        assert_eq!(bkey("أنا"), "انا");
    }

    #[test]
    fn tanween_alif_is_dropped() {
        assert_eq!(bkey("رسمياً"), bkey("رسمي"));
        assert_eq!(bkey("سابقا"), "سابق");
        assert_eq!(bkey("جديداً"), bkey("الجديد"));
        // Latin and digits pass through untouched.
        assert_eq!(background_key("reuters"), "reuters");
    }

    #[test]
    fn the_shipped_table_parses() {
        let bg = Background::get();
        assert!(bg.sentences() > 1000.0, "N = {}", bg.sentences());
        assert!(bg.df.len() > 1000, "{} keys", bg.df.len());
        // Every listed key is a background key, seen at least twice, and in
        // no more sentences than there are.
        for (key, &df) in &bg.df {
            assert_eq!(&background_key(key), key);
            assert!(df >= 2 && f64::from(df) <= bg.sentences(), "{key} {df}");
        }
    }

    #[test]
    fn common_news_words_are_far_less_rare_than_rare_ones() {
        let bg = Background::get();
        // A string never written in news copy is as rare as can be.
        assert_eq!(bg.df(&normalize("زمجرطيس")), 0);
        assert!((idf("زمجرطيس") - (bg.sentences() + 1.0).ln()).abs() < 1e-9);
        // A real but rare word (a turtle) is far rarer than the words of
        // every other headline.
        for common in ["في", "على", "الحكومة", "أسعار"] {
            assert!(idf(common) + 2.0 < idf("سلحفاة"), "{common}");
        }
        assert!(idf("في") < idf("الحكومة"));
        assert!(idf("قال") < idf("سلحفاة"));
        assert_eq!(idf("والحكومة"), idf("حكومة"));
        assert!(idf("في") >= 0.0);
    }

    #[test]
    fn parse_reads_n_and_counts_and_skips_the_rest() {
        let bg = Background::parse("# N\t10\n# a comment\nحرب\t4\nbad line\nسلام\tx\n");
        assert_eq!(bg.sentences(), 10.0);
        assert_eq!(bg.df("الحرب"), 4);
        assert_eq!(bg.df("سلام"), 0);
        assert!((bg.idf("حرب") - (11.0f64 / 5.0).ln()).abs() < 1e-12);
        assert!((bg.idf("سلام") - 11.0f64.ln()).abs() < 1e-12);
    }
}
