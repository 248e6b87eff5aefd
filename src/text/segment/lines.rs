//! What a whole line is: headline, outlet name, boilerplate, tweet
//! attribution, or running text with metadata at its ends.
//!
//! In: one trimmed line of an article (a `&str`). Out: yes/no answers and
//! byte lengths of metadata found at the start or end of the line.
//!
//! Rules (each threshold is a named constant below with its reason):
//! - A headline is a line of [`TITLE_MIN_WORDS`]..=[`TITLE_MAX_WORDS`] words
//!   that does not end like a sentence or a clause (`.`, `:`, `،`, `,`, `؛`,
//!   `;`). Whether it is the first line is the caller's business.
//! - An outlet name is a line of at most [`OUTLET_MAX_WORDS`] words without
//!   digits or closing punctuation (for example `روداو`, `BBC عربي`).
//! - Boilerplate is a line of at most [`BOILERPLATE_MAX_WORDS`] words that
//!   holds one of the phrases of `data/boilerplate.txt`.
//! - A tweet attribution starts with a dash and names a handle or ends with
//!   a year: `— Name (@handle) November 7, 2021`.
//! - Leading metadata is a date label (`date`, `published`, `تاريخ النشر` …)
//!   or a bare ISO date before the text; trailing metadata is a run of links,
//!   hashtags and handles after the last sentence.

use regex::Regex;
use std::sync::LazyLock;

/// Fewest words in a headline: a single word on the first line is more often
/// a dateline or a kicker ("عاجل") than a headline.
pub const TITLE_MIN_WORDS: usize = 2;
/// Most words in a headline: news headlines run 5 to 15 words; a longer line
/// without a full stop is a first sentence that lost its punctuation.
pub const TITLE_MAX_WORDS: usize = 22;
/// Most words in a trailing outlet name (`روداو`, `سكاي نيوز عربية`).
pub const OUTLET_MAX_WORDS: usize = 3;
/// Most words in a boilerplate line: site notices are a few sentences at
/// most, and a long paragraph that quotes such a phrase is still article text.
pub const BOILERPLATE_MAX_WORDS: usize = 80;

/// The phrases of `data/boilerplate.txt` as one case-blind pattern: one
/// pass over a line (lower-casing each line and searching it for each
/// phrase in turn was a thirtieth of loading a corpus, perf).
static BOILERPLATE_PHRASES: LazyLock<Regex> = LazyLock::new(|| {
    let phrases: Vec<String> =
        crate::text::data_lines(include_str!("../../../data/boilerplate.txt"))
            .map(regex::escape)
            .collect();
    Regex::new(&format!("(?i){}", phrases.join("|"))).expect("boilerplate phrases")
});

static LEADING_METADATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?: (?:date|dated|published|updated|posted|تاريخ\s+النشر|تاريخ|نشر\s+في|آخر\s+تحديث)\s*[:：]?\s* )?
        \d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?
        (?: [T\s]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})? )?
        (?:\s|$)",
    )
    .expect("valid regex")
});

static TRAILING_METADATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s*(?:https?://\S+|www\.\S+|pic\.twitter\.com/\S+|[#＃][\p{L}\p{M}\p{N}_]+|@[A-Za-z0-9_]+))+\s*$")
        .expect("valid regex")
});

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://|www\.|pic\.twitter\.com/").expect("valid regex"));

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[—―–-]{1,2}\s*\S.*(?:\(@[A-Za-z0-9_]+\)|@[A-Za-z0-9_]+|\b(?:19|20)\d{2})\s*$")
        .expect("valid regex")
});

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The last character that is not a closing quote, bracket or bidi mark.
fn last_visible(line: &str) -> Option<char> {
    line.chars().rev().find(|&c| {
        !matches!(c, '»' | '”' | '“' | '"' | ')' | ']') && !super::super::script::is_bidi_control(c)
    })
}

/// True for a line that reads as a headline: [`TITLE_MIN_WORDS`] to
/// [`TITLE_MAX_WORDS`] words, no sentence or clause ending, no link.
pub fn is_headline(line: &str) -> bool {
    let n = words(line);
    (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&n)
        && !matches!(
            last_visible(line),
            Some('.' | ':' | '،' | ',' | '؛' | ';' | '…')
        )
        && !URL.is_match(line)
}

/// True for a line that can be an outlet name: at most [`OUTLET_MAX_WORDS`]
/// words, some letters, no digits and no closing punctuation.
pub fn is_outlet_line(line: &str) -> bool {
    let n = words(line);
    (1..=OUTLET_MAX_WORDS).contains(&n)
        && !line.chars().any(|c| c.is_numeric())
        && line.chars().any(char::is_alphabetic)
        && !matches!(
            last_visible(line),
            Some('.' | '!' | '?' | '؟' | '…' | '،' | ',')
        )
}

/// True for a line of at most [`BOILERPLATE_MAX_WORDS`] words holding a
/// phrase of `data/boilerplate.txt` (compared in lower case).
pub fn is_boilerplate(line: &str) -> bool {
    if words(line) > BOILERPLATE_MAX_WORDS {
        return false;
    }
    BOILERPLATE_PHRASES.is_match(line)
}

/// True for a tweet attribution line: a dash, then a name with a handle or
/// ending in a year (`— Name (@handle) November 7, 2021`).
pub fn is_attribution(line: &str) -> bool {
    ATTRIBUTION.is_match(line)
}

/// Byte length of a date label or ISO date at the start of `line`, when
/// more text follows it.
pub fn leading_metadata_len(line: &str) -> Option<usize> {
    let m = LEADING_METADATA.find(line)?;
    let len = m.as_str().trim_end().len();
    (!line[len..].trim().is_empty()).then_some(len)
}

/// True for a line that is only a date label and its date
/// (`تاريخ النشر: 2023-02-06 04:17`).
pub fn is_date_line(line: &str) -> bool {
    LEADING_METADATA
        .find(line)
        .is_some_and(|m| line[m.as_str().trim_end().len()..].trim().is_empty())
}

/// Byte offset in `line` where a trailing run of links, hashtags and
/// handles starts. Hashtags and handles alone count only when they follow
/// the end of a sentence (or fill the line), so `… in #Iraq` keeps its word.
pub fn trailing_metadata_start(line: &str) -> Option<usize> {
    let m = TRAILING_METADATA.find(line)?;
    let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
    let before = line[..start].trim_end();
    let has_link = URL.is_match(&line[start..]);
    let after_sentence = before.is_empty()
        || matches!(last_visible(before), Some('.' | '!' | '?' | '؟' | '…'))
        || before.ends_with(['»', '”', '"', ')']);
    (has_link || after_sentence).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_sentences() {
        assert!(is_headline("بعد اشتباكات عنيفة.. الهدوء يعود إلى طرابلس"));
        assert!(is_headline("هل ينجح اتفاق وقف إطلاق النار في غزة؟"));
        assert!(!is_headline("عاد الهدوء إلى طرابلس بعد اشتباكات عنيفة."));
        assert!(!is_headline("وقال المتحدث:"));
        assert!(!is_headline("عاجل"));
    }

    #[test]
    fn outlet_lines() {
        assert!(is_outlet_line("الجزيرة"));
        assert!(is_outlet_line("سكاي نيوز عربية"));
        assert!(!is_outlet_line("وانتهى الاجتماع دون اتفاق على موعد جديد."));
        assert!(!is_outlet_line("2023"));
    }

    #[test]
    fn boilerplate_phrases() {
        assert!(is_boilerplate("جميع الحقوق محفوظة © 2024"));
        assert!(is_boilerplate(
            "This article was translated automatically and may contain errors."
        ));
        assert!(!is_boilerplate("أعلنت الحكومة عن خطة جديدة للإسكان."));
        // Case-blind beyond ASCII; a phrase's dot is a dot.
        assert!(is_boilerplate("© Le Journal, TOUS DROITS RÉSERVÉS"));
        assert!(is_boilerplate("READ MORE: the full report"));
        assert!(!is_boilerplate("Read more, the minister said"));
    }

    #[test]
    fn tweet_attribution() {
        assert!(is_attribution("— Jane Doe (@janedoe) March 3, 2024"));
        assert!(is_attribution("- وكالة الأنباء @agency_ar"));
        assert!(!is_attribution("— وتابع أن الوضع تحت السيطرة"));
    }

    #[test]
    fn leading_date_labels() {
        let line = "published 2024-03-05 أعلنت الوزارة عن خطة جديدة.";
        let len = leading_metadata_len(line).unwrap();
        assert_eq!(&line[..len], "published 2024-03-05");
        assert_eq!(
            leading_metadata_len("2019-07-01T10:30Z خبر عاجل عن الطقس"),
            Some(17)
        );
        assert_eq!(
            leading_metadata_len("date 2024-03"),
            None,
            "a date alone is not a prefix"
        );
        assert_eq!(leading_metadata_len("في 2024 أعلنت الوزارة"), None);
    }

    #[test]
    fn trailing_links_hashtags_and_handles() {
        let line = "Photos of the damage.#العراق pic.twitter.com/AbC123";
        let start = trailing_metadata_start(line).unwrap();
        assert_eq!(&line[start..], "#العراق pic.twitter.com/AbC123");
        let tweet = "We stand with the people. https://t.co/xyz";
        assert_eq!(
            &tweet[trailing_metadata_start(tweet).unwrap()..],
            "https://t.co/xyz"
        );
        assert_eq!(trailing_metadata_start("Heavy rain fell in #Iraq"), None);
    }
}
