//! Stems: one match key for the forms of a word.
//!
//! In: a normalised word (see [`normalize`](super::normalize)). Out: its stem,
//! a `String` used only for matching.
//!
//! The algorithm is rust-stemmers' Arabic (Snowball) stemmer, wrapped so that
//! its quirks do not split one word into several stems:
//! - Snowball strips a leading ب, ل, ك, و or ف as if it were a proclitic even
//!   when it is a radical: بغداد becomes غداد while ببغداد becomes بغداد, and
//!   بيان becomes يان. Here proclitics are stripped *before* Snowball, by
//!   evidence: a one-letter proclitic comes off only when what remains is
//!   itself a word of the story's vocabulary (ببغداد → بغداد because بغداد
//!   occurs; بغداد stays because غداد does not), or when at least
//!   [`PROCLITIC_FREE_LETTERS`] letters remain. The article ال (with
//!   و ف ب ك ل before it, and لل) comes off whenever at least
//!   [`MIN_STEM_LETTERS`] letters remain.
//! - Words of the general lexicons (news synonyms, function words) count as
//!   evidence too, with or without one light suffix: وذكرت loses its و
//!   because ذكر is a verb of saying, وأضاف because أضاف is one. A word of
//!   the lexicons keeps its first letter: بقوا (they stayed) is not ب +
//!   قوا, the stem of القوات.
//! - Snowball is then asked only for suffixes: when its answer is not a prefix
//!   of the word it was given (it stripped something at the front again), the
//!   light suffix rules below are used instead.
//! - Snowball strips ات only after ال, so الانتخابات and انتخابات came out as
//!   انتخاب and انتخابا; with the article gone first, a leftover ا or ت of a
//!   plural or dual ending (ات، تين، تان) is removed too.
//! - Under an attached pronoun the plural ات stays (مظاهراتهم came out as
//!   مظاهرا, سياراتها as سيارات); it is removed so that the stem is the
//!   plural's (مظاهر, سيار).
//! - Snowball takes a lone final ن for a verb suffix (أعلن → اعل while
//!   أعلنت → اعلن); a lone ن is a radical far more often in news copy (the
//!   feminine plural verb is rare), so it stays.
//! - Ta marbuta is folded to ه by normalisation; Snowball only knows ة, so a
//!   final ه is handed to it as ة.

use rustc_hash::FxHashSet as HashSet;

/// Letters a stem keeps at least: Arabic roots have three.
pub const MIN_STEM_LETTERS: usize = 3;

/// Letters left behind a proclitic و ف ب or ل from which it comes off
/// without evidence (ك, rarer as a proclitic, always needs evidence): few
/// Arabic words of six letters or more begin with a radical ب ل ك و ف whose
/// removal leaves another word (لمهاجمة → مهاجمة), while four- and
/// five-letter words often do (بغداد، بيان، وزارة، وزير). Shorter words lose
/// a proclitic only when the story also has the word without it.
pub const PROCLITIC_FREE_LETTERS: usize = 5;

/// Words whose Snowball stem one thread keeps (see
/// `Stemmer::snowball_normalized`); then it starts afresh. A news
/// vocabulary of this many words is a few megabytes a thread.
pub const SNOWBALL_MEMO: usize = 100_000;

/// The article with the particles that may precede it, longest first.
const ARTICLE_PREFIXES: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
];

/// One-letter proclitics: conjunctions و ف and prepositions ب ك ل.
const PROCLITICS: &[char] = &['و', 'ف', 'ب', 'ك', 'ل'];

/// Light suffixes for when Snowball cannot be trusted, longest first.
const LIGHT_SUFFIXES: &[&str] = &[
    "تين", "تان", "هما", "ات", "ون", "ين", "ان", "وا", "يه", "ها", "هم", "نا", "ه", "ي", "ت",
];

/// Attached pronouns, longest first. In a match key ه is also a folded ة,
/// so the stemmer takes a lone ه for a pronoun only behind ات, where a ta
/// marbuta cannot stand.
pub const PRONOUN_SUFFIXES: &[&str] = &["هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه"];

fn no_words() -> &'static HashSet<String> {
    static EMPTY: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(HashSet::default)
}

fn letters(s: &str) -> usize {
    s.chars().count()
}

/// Stems words, using the vocabulary of a story as evidence for proclitics.
pub struct Stemmer {
    snowball: rust_stemmers::Stemmer,
    /// Normalised words of the story, with and without the article.
    vocabulary: HashSet<String>,
    /// The same words, each without one light suffix it ends with (سمعوا
    /// gives سمع): what a proclitic may leave behind.
    inflected: HashSet<String>,
    /// Normalised words of the general lexicons, without the article.
    lexicon: &'static HashSet<String>,
    /// Words already stemmed, for callers that ask a word more than once
    /// (a story's own words go through [`crate::align::words`], which asks
    /// each once and skips the memo). Behind a mutex so the stemmer stays
    /// shareable.
    memo: std::sync::Mutex<rustc_hash::FxHashMap<String, String>>,
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stemmer")
            .field("vocabulary", &self.vocabulary.len())
            .finish()
    }
}

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer::new(std::iter::empty::<&str>())
    }
}

impl Stemmer {
    /// A stemmer whose evidence is `words` (normalised keys).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Stemmer {
        let mut vocabulary: HashSet<String> = HashSet::default();
        // Most words of a story come many times: a copy only for a new one.
        let mut add = |w: &str| {
            if !vocabulary.contains(w) {
                vocabulary.insert(w.to_string());
            }
        };
        for w in words {
            add(w);
            add(strip_article(w));
        }
        let inflected = vocabulary
            .iter()
            .flat_map(|w| LIGHT_SUFFIXES.iter().filter_map(|s| w.strip_suffix(s)))
            .map(str::to_string)
            .collect();
        Stemmer {
            snowball: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Arabic),
            vocabulary,
            inflected,
            lexicon: no_words(),
            memo: Default::default(),
        }
    }

    /// The same stemmer, also taking the words of general lexicons
    /// (normalised keys without the article) as evidence that a proclitic
    /// is one.
    pub fn with_lexicon(mut self, words: &'static HashSet<String>) -> Stemmer {
        self.lexicon = words;
        self.memo = Default::default();
        self
    }

    /// Drops the memo of stemmed words (kept only while a story is read:
    /// a large archive holds a stemmer per story).
    pub fn forget(&self) {
        let mut m = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        *m = Default::default();
    }

    /// True when `rest`, left behind a one-letter proclitic, is a word: of
    /// the story or of a lexicon, with or without one light suffix (وسمع
    /// loses its و when the story has سمعوا).
    fn attested(&self, rest: &str) -> bool {
        // A lone final ه is as often a folded ة as a pronoun: وزاره is not
        // زار + ه, so it is not taken off for evidence.
        let shorter = match rest.strip_suffix('ه') {
            Some(_) => rest,
            None => light_suffix(rest),
        };
        self.vocabulary.contains(rest)
            || self.vocabulary.contains(shorter)
            || self.inflected.contains(rest)
            || self.lexicon.contains(rest)
            || self.lexicon.contains(shorter)
    }

    /// True when the normalised word (or it without the article) occurs in
    /// the vocabulary.
    pub fn knows(&self, word: &str) -> bool {
        self.vocabulary.contains(word)
    }

    /// The word without its article and proclitics.
    pub fn bare<'w>(&self, word: &'w str) -> &'w str {
        let mut w = strip_article(word);
        if w.len() != word.len() {
            // The article closes the prefixes: a proclitic comes before it
            // (وال، بال), never after (الوزير is ال + وزير).
            return w;
        }
        // Up to two one-letter proclitics (وب، فل …), each only on evidence
        // or when a long word remains.
        for round in 0..2 {
            let Some(first) = w.chars().next() else { break };
            // A word of the lexicons is a word whole: بقوا (they stayed)
            // is not ب + قوا of القوات, برلمان not ب + رلمان.
            if !PROCLITICS.contains(&first) || self.lexicon.contains(w) {
                break;
            }
            let rest = &w[first.len_utf8()..];
            let n = letters(rest);
            if n < MIN_STEM_LETTERS {
                break;
            }
            let stripped = strip_article(rest);
            if stripped.len() != rest.len() {
                return stripped;
            }
            let free = match first {
                'و' | 'ف' | 'ب' | 'ل' => round == 0 && n >= PROCLITIC_FREE_LETTERS,
                _ => false,
            };
            if free || self.attested(rest) {
                w = rest;
            } else {
                break;
            }
        }
        w
    }

    /// The stem of a normalised word.
    pub fn stem(&self, word: &str) -> String {
        let memo = |m: &std::sync::Mutex<rustc_hash::FxHashMap<String, String>>| {
            m.lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(word)
                .cloned()
        };
        if let Some(s) = memo(&self.memo) {
            return s;
        }
        let stem = self.stem_uncached(word);
        self.memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(word.to_string(), stem.clone());
        stem
    }

    /// [`Stemmer::stem`] without the memo: for a caller that asks each
    /// word once (a story's distinct words, read on several threads, met
    /// the memo's lock at every word and found nothing in it).
    pub fn stem_uncached(&self, word: &str) -> String {
        if !word.chars().all(super::script::is_letter)
            || !word.chars().any(super::script::is_arabic_letter)
        {
            return word.to_string();
        }
        let bare = self.bare(word);
        if letters(bare) <= MIN_STEM_LETTERS {
            return bare.to_string();
        }
        let input = match bare.strip_suffix('ه') {
            Some(head) => format!("{head}ة"),
            None => bare.to_string(),
        };
        let snow = self.snowball_normalized(&input);
        let lone_nun = bare.strip_suffix('ن') == Some(snow.as_str());
        let mut stem = if lone_nun {
            bare.to_string()
        } else if bare.starts_with(&snow) && letters(&snow) >= MIN_STEM_LETTERS {
            snow
        } else {
            light_suffix(bare).to_string()
        };
        // Leftovers of plural and dual endings that Snowball leaves behind.
        for (ending, rest) in [
            ("ات", 'ا'),
            ("تين", 'ت'),
            ("تان", 'ت'),
            ("ات", 'ت'),
            ("يات", 'ي'),
        ] {
            if bare.ends_with(ending) && stem.ends_with(rest) && letters(&stem) > MIN_STEM_LETTERS {
                stem.pop();
            }
        }
        // A plural ات under a pronoun (مظاهراتهم، سياراتها): Snowball takes
        // the pronoun and leaves ات or its ا; the stem is the plural's.
        if let Some(core) = PRONOUN_SUFFIXES.iter().find_map(|p| bare.strip_suffix(p))
            && let Some(plain) = core.strip_suffix("ات")
            && letters(plain) >= MIN_STEM_LETTERS
            && stem.starts_with(plain)
        {
            stem = plain.to_string();
        }
        stem
    }

    /// Snowball's stem of `input`, normalised. It depends on the word alone,
    /// not the story, so each thread keeps what it has worked out across
    /// stories (a corpus of many short stories stemmed the same words story
    /// after story: Snowball was a fiftieth of its export, perf), up to
    /// [`SNOWBALL_MEMO`] words.
    fn snowball_normalized(&self, input: &str) -> String {
        thread_local! {
            static MEMO: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> = Default::default();
        }
        MEMO.with(|m| {
            if let Some(s) = m.borrow().get(input) {
                return s.clone();
            }
            let snow = super::normalize::normalize(&self.snowball.stem(input));
            let mut m = m.borrow_mut();
            if m.len() >= SNOWBALL_MEMO {
                m.clear();
            }
            m.insert(input.to_string(), snow.clone());
            snow
        })
    }

    /// Stems straight from rust-stemmers on the normalised word, with none
    /// of the guards above: kept to measure what the guards change.
    pub fn snowball_only(&self, word: &str) -> String {
        super::normalize::normalize(&self.snowball.stem(word))
    }
}

/// The word without the article ال and the particles before it.
pub fn strip_article(word: &str) -> &str {
    for p in ARTICLE_PREFIXES {
        if let Some(rest) = word.strip_prefix(p)
            && letters(rest) >= MIN_STEM_LETTERS
        {
            return rest;
        }
    }
    word
}

/// The word without one light suffix, keeping [`MIN_STEM_LETTERS`].
pub fn light_suffix(word: &str) -> &str {
    for s in LIGHT_SUFFIXES {
        if let Some(rest) = word.strip_suffix(s)
            && letters(rest) >= MIN_STEM_LETTERS
        {
            return rest;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn stemmer(text: &str) -> Stemmer {
        let words: Vec<String> = text.split_whitespace().map(normalize).collect();
        Stemmer::new(words.iter().map(String::as_str))
    }

    fn stem(s: &Stemmer, w: &str) -> String {
        s.stem(&normalize(w))
    }

    #[test]
    fn snowball_asked_again_answers_as_snowball_did() {
        let s = stemmer("");
        let words = ["المتظاهرين", "مستشفيات", "انفجارات", "يتظاهرون"];
        for w in words {
            let direct = normalize(&s.snowball.stem(w));
            // The first ask fills this thread's memo, the second reads it.
            assert_eq!(s.snowball_normalized(w), direct);
            assert_eq!(s.snowball_normalized(w), direct);
        }
        // Two stories share the memo but not their evidence: وسمع keeps
        // its و unless the story has سمعوا.
        let plain = stemmer("وسمع الجيران دويا");
        let told = stemmer("سمعوا دويا وسمع الجيران دويا");
        assert_ne!(plain.bare("وسمع"), told.bare("وسمع"));
    }

    #[test]
    fn a_radical_b_is_kept_and_a_proclitic_b_goes() {
        let s = stemmer("وصل الوفد إلى بيروت ثم غادر ببيروت بعد بيان");
        assert_eq!(stem(&s, "بيروت"), stem(&s, "ببيروت"));
        assert_eq!(stem(&s, "بيروت"), stem(&s, "وبيروت"));
        assert!(stem(&s, "بيان").starts_with('ب'));
        // Raw Snowball takes the ب off.
        assert!(!s.snowball_only("بيان").starts_with('ب'));
    }

    #[test]
    fn a_radical_waw_stays_after_the_article_and_alone() {
        let s = stemmer("قال الوزير إن وزير الدفاع التقى لوزير الخارجية وقال كلاما");
        let w = stem(&s, "وزير");
        assert!(w.starts_with('و'), "{w}");
        assert_eq!(stem(&s, "الوزير"), w);
        assert_eq!(stem(&s, "لوزير"), w);
        assert_eq!(stem(&s, "وقال"), stem(&s, "قال"));
    }

    #[test]
    fn article_and_plural_endings_do_not_split() {
        let s = Stemmer::default();
        assert_eq!(stem(&s, "الانتخابات"), stem(&s, "انتخابات"));
        assert_eq!(stem(&s, "انتخابات"), stem(&s, "انتخاب"));
        assert_eq!(stem(&s, "المروحيات"), stem(&s, "مروحية"));
        assert_eq!(stem(&s, "والطائرات"), stem(&s, "طائرة"));
        assert_eq!(stem(&s, "طائرتين"), stem(&s, "طائرة"));
        assert_eq!(stem(&s, "للمتظاهرين"), stem(&s, "المتظاهرون"));
        // A plural under a pronoun is the plural.
        assert_eq!(stem(&s, "مظاهراتهم"), stem(&s, "المظاهرات"));
        assert_eq!(stem(&s, "سياراتها"), stem(&s, "سيارات"));
        assert_eq!(stem(&s, "تصريحاته"), stem(&s, "تصريح"));
        // Too short a word to be a plural under a pronoun keeps its ت.
        assert!(stem(&s, "حياته").ends_with('ت'));
    }

    #[test]
    fn verbs_and_pronoun_suffixes() {
        let s = Stemmer::default();
        assert_eq!(stem(&s, "أصيبوا"), stem(&s, "أصيب"));
        assert_eq!(stem(&s, "منزله"), stem(&s, "المنزل"));
        assert_eq!(stem(&s, "اعتقلت"), stem(&s, "اعتقل"));
    }

    #[test]
    fn a_lexicon_word_keeps_its_first_letter() {
        let words: HashSet<String> = ["بقوا", "قوات"].map(String::from).into_iter().collect();
        let s = Stemmer::new(["القوات", "بقوا", "قوا"]).with_lexicon(Box::leak(Box::new(words)));
        assert_ne!(stem(&s, "بقوا"), stem(&s, "القوات"));
        assert!(stem(&s, "بقوا").starts_with('ب'));
        // With a proclitic of its own it still loses that one: وبقوا.
        assert_eq!(stem(&s, "وبقوا"), stem(&s, "بقوا"));
    }

    #[test]
    fn lexicon_words_are_evidence_for_a_proclitic() {
        let plain = Stemmer::default();
        let words: HashSet<String> = ["ذكر", "اضاف"].map(String::from).into_iter().collect();
        let s = Stemmer::default().with_lexicon(Box::leak(Box::new(words)));
        // Four letters after و: without evidence the و stays.
        assert!(stem(&plain, "وذكرت").starts_with('و'));
        assert_eq!(stem(&s, "وذكرت"), stem(&s, "ذكرت"));
        assert_eq!(stem(&s, "وأضاف"), stem(&s, "أضاف"));
        // Not a lexicon word: وزارة keeps its و.
        assert!(stem(&s, "وزارة").starts_with('و'));
        // Nor is it the verb زار with a pronoun: a final ه may be a ة.
        let visit: HashSet<String> = ["زار"].map(String::from).into_iter().collect();
        let s = Stemmer::default().with_lexicon(Box::leak(Box::new(visit)));
        assert!(stem(&s, "وزارة").starts_with('و'));
    }

    #[test]
    fn an_inflected_form_in_the_story_is_evidence_for_a_proclitic() {
        // وسمع: the story also has سمعوا, so its و is a conjunction.
        let s = stemmer("وسمع السكان دوي انفجار وقال شهود إنهم سمعوا إطلاق نار");
        assert_eq!(stem(&s, "وسمع"), stem(&s, "سمعوا"));
        // Without that form, a four-letter word keeps its first letter.
        let s = stemmer("وسمع السكان دوي انفجار");
        assert!(stem(&s, "وسمع").starts_with('و'));
    }

    #[test]
    fn a_final_nun_is_a_radical() {
        let s = Stemmer::default();
        assert_eq!(stem(&s, "أعلن"), stem(&s, "أعلنت"));
        assert_eq!(stem(&s, "أعلن"), "اعلن");
        assert_eq!(stem(&s, "المتظاهرين"), stem(&s, "متظاهر"));
    }

    #[test]
    fn short_words_and_other_scripts_pass_through() {
        let s = Stemmer::default();
        assert_eq!(stem(&s, "في"), "في");
        assert_eq!(stem(&s, "إلى"), "الي");
        assert_eq!(s.stem("reuters"), "reuters");
        assert_eq!(s.stem("2021"), "2021");
    }
}
