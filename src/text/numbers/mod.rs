//! Quantities: what a sentence counts, dates it gives, and how sure it is.
//!
//! In: the [`Token`]s of one segment, the file's text (to look at symbols
//! such as `%` between tokens), and a test of whether a word is attested in
//! the story (evidence for duals). Out: [`Quantity`]s, each with its byte
//! span, its [`Amount`], its kind (count, ordinal, date, year, percent) and
//! the noun it counts, with that noun's span.
//!
//! Rules:
//! - Digits of every script, decimals and thousands separators (`1,200`,
//!   `٣٫٥`); a multiplier after a number multiplies it (3 آلاف = 3000).
//! - Number words in their gender and case forms, compounds joined by و
//!   (ثلاثة وسبعين = 73; ألفين وسبعمئة وخمسين = 2750) and teens (ثلاثة عشر = 13),
//!   from `data/numbers.txt`.
//! - Ordinals (العاشر = 10) are kept apart from counts; an ordinal or a day
//!   number followed by a month is a date (10 أكتوبر = العاشر من أكتوبر).
//! - Vague amounts (عدد من، العديد من، عشرات، مئات، آلاف) and bounds before or
//!   after the number (أكثر من، ما لا يقل عن، على الأقل، نحو، قرابة، ما يقرب من);
//!   a bound joined by «و» to a number after it is that number's (22 قتيلا
//!   ونحو 80 جريحا).
//! - A number after رقم names (القطار رقم 157), and the minutes of a clock
//!   time (11:56) count nothing; a per cent sign before the digits (%70)
//!   makes a share as one after them does.
//! - Duals count two: a feminine dual (طائرتين) whose singular (طائرة) is
//!   attested in the story, or a masculine dual in ان whose stem is attested
//!   or whose adjective agrees (مسؤولان حكوميان).
//! - The counted noun follows the number (3 طائرات، ستة من أفراد), or precedes
//!   an adjectival number (متظاهر واحد، بواباتها الأربع).
//!
//! A singular noun that reports one thing (طائرة استهدفت) is not a quantity
//! here: whether it counts depends on what the other side says, so
//! [`crate::compare`] decides.

pub mod amount;
pub mod lexicon;

pub use amount::Amount;
use lexicon::{Bound, Entry, lexicon};

use super::stopwords::is_stopword;
use super::tokenize::{Token, TokenKind};

/// Years outside this range are counts, not years.
pub const YEAR_RANGE: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;

/// Words before a number that make it a year (عام 2019، سنة 2003).
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنه", "السنه", "لعام"];

/// Words after which a number is a name, not an amount: رقم (number …)
/// in its forms (normalised keys).
const NUMBER_WORDS: &[&str] = &["رقم", "الرقم", "برقم", "ورقم", "رقمه", "رقمها"];

/// What a quantity is: a count, an ordinal, a date, a year or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum QuantityKind {
    /// How many of something (ستة حراس، 3 طائرات، طائرتين).
    Count,
    /// A rank, not a count (الدفعة الثالثة).
    Ordinal,
    /// A day of a month, with its year when given (12 مايو، الثاني عشر من أيار 2021).
    Date {
        /// Day of the month, 1 to 31, when given.
        day: Option<u8>,
        /// Month, 1 (January) to 12.
        month: u8,
        /// Year in digits just after the month, within [`YEAR_RANGE`].
        year: Option<u16>,
    },
    /// A year in digits after a word such as عام or سنة (عام 2019).
    Year,
    /// A percentage: digits followed by `%` or `٪`; the amount is in percent (15% = 15).
    Percent,
}

/// How the quantity was written; a user sees it in explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Written {
    /// In digits of any script (6، ٦، 1,200).
    Digits,
    /// In number words (ستة، ثلاثة وسبعين).
    Words,
    /// As a dual noun, which counts two (طائرتين، مسؤولان).
    Dual,
}

/// The noun a quantity counts, with its byte span in the file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Noun {
    /// Byte offset of the noun's first byte in the file.
    pub start: usize,
    /// Byte offset just past the noun's last byte.
    pub end: usize,
    /// The noun's normalised key (stem it to compare).
    pub key: String,
}

/// A quantity found in a segment: its span, amount and kind, how it was
/// written and the noun it counts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /// Span of the whole expression in the file (bound words, number, noun).
    pub start: usize,
    /// Byte offset just past the expression's last byte; `start..end` is the span.
    pub end: usize,
    /// The values the expression allows (exact, bounded, approximate or vague).
    pub amount: Amount,
    /// Whether it is a count, an ordinal, a date, a year or a percentage.
    pub kind: QuantityKind,
    /// Whether it was written in digits, in words or as a dual.
    pub written: Written,
    /// The noun counted, when one was found (only counts have one).
    pub noun: Option<Noun>,
}

/// The key with a one-letter proclitic (و ف ب ل ك) removed when that makes
/// it a lexicon word (وسبعين → سبعين، بنحو → نحو).
fn lex_key(key: &str) -> &str {
    lexicon().lex_key(key)
}

fn parse_digits(key: &str) -> Option<f64> {
    // Commas before groups of exactly three digits separate thousands
    // (1,200 and 1,200.5); any other comma is a decimal comma (3,5).
    let mut groups = key.split(',');
    let head = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let thousands = !rest.is_empty()
        && rest
            .iter()
            .all(|g| g.split('.').next().is_some_and(|d| d.len() == 3));
    let plain = if thousands {
        format!("{head}{}", rest.concat())
    } else {
        key.replace(',', ".")
    };
    plain.parse().ok()
}

/// A number starting at token `i`: its value, the index after it, how it was
/// written and whether it is an ordinal.
fn number_at(
    tokens: &[Token],
    keys: &[&str],
    lkeys: &[&str],
    i: usize,
) -> Option<(f64, usize, Written, bool)> {
    let lex = lexicon();
    if tokens[i].kind == TokenKind::Number {
        let mut v = parse_digits(keys[i])?;
        let keys = lkeys;
        let mut j = i + 1;
        if let Some(m) = keys.get(j).and_then(|k| {
            lex.find(k, |e| {
                if let Entry::Multiplier(m) = e {
                    Some(m)
                } else {
                    None
                }
            })
        }) {
            v *= m;
            j += 1;
        }
        return Some((v, j, Written::Digits, false));
    }
    // A word the lexicon does not know starts no number (most words): the
    // lookups below would all come back empty.
    let teen = definite_teen(keys, i);
    if teen.is_none() && !lex.knows(lkeys[i]) {
        return None;
    }
    if let Some((v, n)) = lex.phrase_at(&lkeys[i..], |e| {
        if let Entry::Ordinal(v) = e {
            Some(v)
        } else {
            None
        }
    }) {
        return Some((v, i + n, Written::Words, true));
    }
    let (mut total, mut current, mut j, mut any) = (0.0_f64, 0.0_f64, i, false);
    let mut last_mult: Option<f64> = None;
    while j < keys.len() && tokens[j].kind == TokenKind::Word {
        let raw = keys[j];
        let joined = any && raw.starts_with('و') && raw.len() > 'و'.len_utf8();
        let key = if j == i {
            teen.unwrap_or(lkeys[i])
        } else if joined {
            &raw['و'.len_utf8()..]
        } else {
            raw
        };
        let entries = lex.word(key);
        let card = entries.iter().find_map(|&e| {
            if let Entry::Cardinal(v) = e {
                Some(v)
            } else {
                None
            }
        });
        let mult = entries.iter().find_map(|&e| {
            if let Entry::Multiplier(v) = e {
                Some(v)
            } else {
                None
            }
        });
        let teen = entries.contains(&Entry::Teen);
        // A fraction after a multiplier: مليون ونصف (مليون) is 1.5 million,
        // ألف وربع 1,250; the multiplier may be repeated after it.
        if let (true, Some(m), Some(f)) = (joined, last_mult, fraction(key)) {
            total += m * f;
            j += 1;
            if keys.get(j).is_some_and(|k| mult_of(k) == Some(m)) {
                j += 1;
            }
            break;
        }
        if any && !joined && teen && current > 0.0 && current < 10.0 {
            current += 10.0;
        } else if any && !joined && card == Some(100.0) && current > 0.0 && current < 10.0 {
            current *= 100.0;
        } else if let (Some(m), true) = (mult, any && !joined) {
            total += current.max(1.0) * m;
            current = 0.0;
            last_mult = Some(m);
        } else if let (Some(v), true) = (card, !any || joined) {
            current += v;
        } else if let (Some(m), false) = (mult, any) {
            // A multiplier alone: ألف is 1000; the plural آلاف is vague.
            if entries.iter().any(|e| matches!(e, Entry::Vague(_))) {
                return None;
            }
            current = m;
            last_mult = Some(m);
        } else {
            break;
        }
        any = true;
        j += 1;
    }
    any.then_some((total + current, j, Written::Words, false))
}

/// The unit of a compound from 11 to 19 that carries the article (القتلى
/// الثمانية عشر: the eighteen dead): `keys[i]` without its article, when
/// that is a number from one to nine and a teen's ten follows. The article
/// is taken off only there: alone, الاثنين and الأحد are weekdays.
fn definite_teen<'k>(keys: &[&'k str], i: usize) -> Option<&'k str> {
    let lex = lexicon();
    let unit = keys[i].strip_prefix("ال")?;
    let is_unit = lex
        .word(unit)
        .iter()
        .any(|e| matches!(e, Entry::Cardinal(v) if (1.0..10.0).contains(v)));
    let teen_next = keys
        .get(i + 1)
        .is_some_and(|k| lex.word(k).contains(&Entry::Teen));
    (is_unit && teen_next).then_some(unit)
}

/// The fraction a word names after a multiplier (ونصف، وربع), if any.
fn fraction(key: &str) -> Option<f64> {
    match key {
        "نصف" => Some(0.5),
        "ربع" => Some(0.25),
        _ => None,
    }
}

/// The multiplier a word names (ألف، مليون), if any.
fn mult_of(key: &str) -> Option<f64> {
    lexicon().find(key, |e| {
        if let Entry::Multiplier(m) = e {
            Some(m)
        } else {
            None
        }
    })
}

/// The amount a bound word makes of the value `v` (أكثر من 5: more than 5).
pub fn bound_of(b: Bound, v: f64) -> Amount {
    match b {
        Bound::More => Amount::MoreThan(v),
        Bound::Less => Amount::LessThan(v),
        Bound::AtLeast => Amount::AtLeast(v),
        Bound::AtMost => Amount::AtMost(v),
        Bound::About => Amount::About(v),
    }
}

fn pick_bound(e: Entry) -> Option<Bound> {
    if let Entry::Bound(b) = e {
        Some(b)
    } else {
        None
    }
}

fn pick_month(e: Entry) -> Option<u8> {
    if let Entry::Month(m) = e {
        Some(m)
    } else {
        None
    }
}

/// The noun counted by the number spanning tokens `i..j`, and where the
/// expression ends.
fn counted_noun(
    tokens: &[Token],
    text: &str,
    keys: &[&str],
    i: usize,
    j: usize,
    written: Written,
) -> (Option<usize>, usize) {
    let content = |k: usize| {
        tokens[k].kind == TokenKind::Word
            && !is_stopword(keys[k])
            && lexicon().word(lex_key(keys[k])).is_empty()
    };
    let first = lex_key(keys[i]);
    let adjectival = written == Written::Words
        // With the article (بواباتها الأربع); not a radical alef-lam (ألفي).
        && (keys[i]
            .strip_prefix("ال")
            .is_some_and(|rest| !lexicon().word(rest).is_empty())
            || matches!(
                first,
                "واحد" | "واحده" | "اثنان" | "اثنين" | "اثنتان" | "اثنتين"
            ));
    // A noun is counted only across white space: «إلى 31، داعية» counts
    // nothing.
    let joined = |k: usize| {
        text.get(tokens[k - 1].end..tokens[k].start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    };
    if adjectival && i > 0 && content(i - 1) && joined(i) {
        return (Some(i - 1), j);
    }
    let mut k = j;
    if keys.get(k) == Some(&"من") && joined(k) {
        k += 1;
    }
    if k < keys.len() && content(k) && joined(k) {
        return (Some(k), k + 1);
    }
    (None, j)
}

/// The quantities of one segment's tokens. `text` is the whole file; spans
/// are offsets into it. `attested` says whether a normalised word occurs in
/// the story (with or without the article).
pub fn quantities(tokens: &[Token], text: &str, attested: &dyn Fn(&str) -> bool) -> Vec<Quantity> {
    let lex = lexicon();
    let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
    let lkeys: Vec<&str> = keys.iter().map(|k| lex_key(k)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Vague amounts: عدد من X، العديد من X، عشرات X.
        if let Some(min) = lex.find(lkeys[i], |e| {
            if let Entry::Vague(v) = e {
                Some(v)
            } else {
                None
            }
        }) && !(i > 0 && tokens[i - 1].kind == TokenKind::Number)
        {
            let (noun, end) = counted_noun(tokens, text, &keys, i, i + 1, Written::Digits);
            // With the article a vague plural stands alone as the counted
            // people (مقتل العشرات، إصابة المئات), as a bare number does.
            let alone = keys[i].starts_with("ال") && min >= 10.0;
            if noun.is_some() || alone {
                let max = (10.0..amount::VAGUE_OPEN_FROM)
                    .contains(&min)
                    .then_some(min * amount::VAGUE_SPAN - 1.0);
                out.push(make(
                    tokens,
                    i,
                    end,
                    Amount::Vague { min, max },
                    QuantityKind::Count,
                    Written::Words,
                    noun,
                ));
                i = end;
                continue;
            }
        }
        let Some((value, j, written, ordinal)) = number_at(tokens, &keys, &lkeys, i) else {
            if let Some(q) = dual(tokens, &keys, i, attested) {
                out.push(q);
            }
            i += 1;
            continue;
        };
        // A number that names (القطار رقم 157) or the minutes of a clock
        // time (11:56) counts nothing.
        let names = i > 0 && NUMBER_WORDS.contains(&keys[i - 1]);
        let minutes = i > 0
            && tokens[i - 1].kind == TokenKind::Number
            && text.get(tokens[i - 1].end..tokens[i].start) == Some(":");
        if names || minutes {
            i = j;
            continue;
        }
        // A bound before the number.
        let lo = i.saturating_sub(4);
        let before = lex.phrase_ending(&lkeys[lo..i], pick_bound);
        let mut start = before.map_or(i, |(_, n)| i - n);
        let mut amount = before.map_or(Amount::Exact(value), |(b, _)| bound_of(b, value));
        let mut end = j;
        let mut noun = None;
        let mut kind = if ordinal {
            QuantityKind::Ordinal
        } else {
            QuantityKind::Count
        };
        // A date: a day (number or ordinal) then a month, maybe a year.
        let mut m = j;
        if keys.get(m) == Some(&"من") {
            m += 1;
        }
        if value.fract() == 0.0
            && (1.0..=31.0).contains(&value)
            && let Some((month, n)) = lex.phrase_at(&lkeys[m.min(lkeys.len())..], pick_month)
        {
            end = m + n;
            // An alternative name after a slash: أكتوبر/تشرين الأول.
            if let Some((_, n2)) = lex.phrase_at(&lkeys[end..], pick_month) {
                end += n2;
            }
            let mut year = None;
            if let Some(t) = tokens.get(end)
                && t.kind == TokenKind::Number
                && let Some(y) = parse_digits(&t.key).filter(|y| YEAR_RANGE.contains(y))
            {
                year = Some(y as u16);
                end += 1;
            }
            kind = QuantityKind::Date {
                day: Some(value as u8),
                month,
                year,
            };
            amount = Amount::Exact(value);
            start = i;
        } else if written == Written::Digits
            && YEAR_RANGE.contains(&value)
            && i > 0
            && YEAR_WORDS.contains(&lex_key(keys[i - 1]))
        {
            kind = QuantityKind::Year;
        } else if written == Written::Digits
            && (text[tokens[i].end..].trim_start().starts_with(['%', '٪'])
                || text[..tokens[i].start].ends_with(['%', '٪']))
        {
            kind = QuantityKind::Percent;
        } else if !ordinal {
            let (n, e) = counted_noun(tokens, text, &keys, i, j, written);
            noun = n;
            end = e;
            // A bound after the noun (30 قتيلا على الأقل) qualifies this
            // number, unless it is joined by «و» to another number that
            // follows it: 22 قتيلا ونحو 80 جريحا bounds the 80.
            let next_numbers = |n: usize| {
                keys[end].starts_with('و')
                    && end + n < tokens.len()
                    && number_at(tokens, &keys, &lkeys, end + n).is_some()
            };
            if let Some((b, n)) = lex.phrase_at(&lkeys[end..], pick_bound)
                && matches!(amount, Amount::Exact(_))
                && matches!(b, Bound::AtLeast | Bound::AtMost | Bound::About)
                && !next_numbers(n)
            {
                amount = bound_of(b, value);
                end += n;
            }
        }
        out.push(make(tokens, start, end, amount, kind, written, noun));
        i = end.max(i + 1);
    }
    out
}

/// A dual noun at token `i` (طائرتين، مسؤولان) counts two.
fn dual(
    tokens: &[Token],
    keys: &[&str],
    i: usize,
    attested: &dyn Fn(&str) -> bool,
) -> Option<Quantity> {
    // Every dual ending ends so (تان in ان): most words are out before
    // any lookup (a bare form is a tail of its key).
    if tokens[i].kind != TokenKind::Word
        || !(keys[i].ends_with("ان") || keys[i].ends_with("تين"))
        || is_stopword(keys[i])
        || !lexicon().word(lex_key(keys[i])).is_empty()
    {
        return None;
    }
    let bare = super::stem::strip_article(keys[i]);
    let letters = bare.chars().count();
    let feminine = ["تين", "تان"].iter().find_map(|s| bare.strip_suffix(s));
    let is_dual = if let Some(base) = feminine {
        letters >= 5 && attested(&format!("{base}ه"))
    } else if let Some(base) = bare.strip_suffix("ان") {
        let agrees = keys
            .get(i + 1)
            .is_some_and(|k| k.ends_with("ان") && !k.starts_with('و') && k.chars().count() >= 5);
        letters >= 5 && (attested(base) || agrees)
    } else {
        false
    };
    is_dual.then(|| {
        make(
            tokens,
            i,
            i + 1,
            Amount::Exact(2.0),
            QuantityKind::Count,
            Written::Dual,
            Some(i),
        )
    })
}

fn make(
    tokens: &[Token],
    i: usize,
    end: usize,
    amount: Amount,
    kind: QuantityKind,
    written: Written,
    noun: Option<usize>,
) -> Quantity {
    let last = end.max(i + 1).min(tokens.len()) - 1;
    let noun = noun.map(|n| Noun {
        start: tokens[n].start,
        end: tokens[n].end,
        key: tokens[n].key.clone(),
    });
    let first = noun
        .as_ref()
        .map_or(tokens[i].start, |n| n.start.min(tokens[i].start));
    Quantity {
        start: first,
        end: tokens[last].end.max(noun.as_ref().map_or(0, |n| n.end)),
        amount,
        kind,
        written,
        noun,
    }
}

#[cfg(test)]
mod tests;
