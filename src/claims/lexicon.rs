//! The claims lexicon: general news Arabic from `data/claims.txt`.
//!
//! In: the data file (format in its header). Out: a [`Lexicon`] that says,
//! for the tokens at a place in a sentence, which entries start there and
//! how many tokens each spans ([`Lexicon::at`]).
//!
//! Rules:
//! - Forms are normalised like token keys when loaded.
//! - A word of a form matches a token when it equals the token's key, the
//!   key without a conjunction (و ف), or the key without its proclitics and
//!   article (وبالمدينة → مدينة); a form ending in `*` matches any key
//!   starting with it (حتف* → حتفهم); the first word of a form needs two
//!   letters before its `*`, a later one one (قد_ي* → قد يصل).
//! - Every match is returned, longest first: a word may be a role and a
//!   slot at once, and the caller picks the kind it looks for.

use crate::text::data_lines;
use crate::text::normalize::normalize;
use std::sync::OnceLock;

use super::{Modality, Role, SlotKind};

const DATA: &str = include_str!("../../data/claims.txt");

/// What an entry of the lexicon says of the words it matches.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Entry {
    /// A word of a role: the counted noun or a word near the count.
    Role(Role),
    /// A noun a share is of (نسبة المشاركة / نسبة الإقبال: turnout), by the
    /// class it names: two words of one class are one share.
    ShareOf(&'static str),
    /// A verb that gives its role only to people counted right after it
    /// (غرق 30 مهاجرا: drowned; غرق قارب يقل 40 مهاجرا is a boat sinking).
    RoleNext(Role),
    /// A noun that counts people without saying their role.
    Person,
    /// A unit of measure: its class and the factor to the class's base.
    Unit(&'static str, f64),
    /// A unit in the dual: its class and the value of two of it in the base.
    Dual(&'static str, f64),
    /// A word that changes how sure the counts after it are.
    Modal(Modality),
    /// A time before the story's event (العام الماضي).
    Past,
    /// A day of the week, 1 = Sunday.
    Weekday(u8),
    /// A part of the day, as hours `from..to` (wrapping at midnight).
    DayPart(u8, u8),
    /// A word after a clock time: hours `from..to` it can mean.
    Clock(u8, u8),
    /// A class filling a slot of the event (cause, agent, instrument).
    Slot(SlotKind, &'static str),
    /// A noun that precedes a place's name.
    PlaceHead,
    /// A noun that precedes an organisation's name.
    HolderHead,
    /// A word about why it happened (سبب، عزا، ناجم عن).
    CauseWord,
    /// A word of difficulty or delay (صعوبة، تعذر): a cause after it is its
    /// own.
    Hindrance,
    /// A verb of saying.
    Saying,
    /// A word that opens an attribution (وفق، بحسب).
    Frame,
    /// A rank or honorific before a person's name (الرائد، الدكتور): a
    /// place's name ends before it.
    Title,
    /// People who are some of an event's victims (أطفال، نساء), by group:
    /// a count of them is part of its role's toll.
    Part(&'static str),
    /// A word after a count that makes it part of another group (بينهم،
    /// منهم): a count of a subset, not of the event.
    Subset,
    /// A noun that counts without saying what (حالة، مرة): a count of it
    /// alone is no measure.
    Generic,
    /// A role's verbal noun (مقتل، إصابة), which stands in construct with a
    /// count (مقتل 5): two of them joined (مقتل وإصابة 17) share one count.
    RoleEvent,
    /// A noun that names a count or a toll (عدد، حصيلة): a word of change
    /// before it (ارتفع عدد الضحايا) changes that count.
    CountHead,
}

/// One word of a form.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    prefix: bool,
}

/// The entries of `data/claims.txt`, indexed by their first word.
#[derive(Debug, Default)]
pub struct Lexicon {
    forms: Vec<(Vec<Word>, Entry)>,
    /// Whole first words → forms.
    exact: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// First two letters of a prefix first word → forms.
    prefixed: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Pairs of classes of one slot that can both hold.
    compatible: Vec<(&'static str, &'static str)>,
    /// This lexicon's number, keying the lookup memo (never reused, unlike
    /// an address).
    serial: usize,
}

/// First words already looked up → their candidate forms.
type Memo = rustc_hash::FxHashMap<String, std::rc::Rc<[usize]>>;

/// The lexicon, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(DATA))
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn head2(s: &str) -> &str {
    let end = s.char_indices().nth(2).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The forms of a token key, at most five, kept on the stack: looking
/// words up is most of reading a sentence, and a heap vector per lookup was
/// a tenth of a 100-story export (perf).
#[derive(Debug, Clone, Copy)]
pub struct Variants<'a> {
    items: [&'a str; 5],
    len: usize,
}

impl<'a> Variants<'a> {
    fn push(&mut self, v: &'a str) {
        // Consecutive duplicates are dropped, as `Vec::dedup` did.
        if self.len < self.items.len() && (self.len == 0 || self.items[self.len - 1] != v) {
            self.items[self.len] = v;
            self.len += 1;
        }
    }
}

impl<'a> std::ops::Deref for Variants<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Variants<'a> {
    type Item = &'a str;
    type IntoIter = std::iter::Take<std::array::IntoIter<&'a str, 5>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// The forms of a token key that lexicon words are compared with: as
/// written, without a conjunction, and without proclitics and article.
pub fn variants(key: &str) -> Variants<'_> {
    let mut out = Variants {
        items: [""; 5],
        len: 0,
    };
    out.push(key);
    let letters = |s: &str| s.chars().count();
    let mut rest = key;
    if let Some(r) = rest.strip_prefix(['و', 'ف'])
        && letters(r) >= 2
    {
        out.push(r);
        rest = r;
    }
    let mut bare = rest;
    if let Some(r) = bare.strip_prefix(['ب', 'ك', 'ل']) {
        if r.starts_with("ال") {
            bare = r;
        } else if letters(r) >= 4 {
            // بإطلاق، لمقتل: a preposition on an indefinite noun.
            out.push(r);
        }
    }
    if let Some(r) = bare.strip_prefix("لل")
        && letters(r) >= 2
    {
        out.push(r);
    }
    if let Some(r) = bare.strip_prefix("ال")
        && letters(r) >= 2
    {
        out.push(r);
    }
    out
}

/// The key without its conjunction, proclitics and article: the last of
/// its [`variants`] (والمدينة → مدينة).
pub fn bare(key: &str) -> &str {
    variants(key).last().copied().unwrap_or(key)
}

impl Word {
    fn matches(&self, key: &str) -> bool {
        variants(key).into_iter().any(|v| {
            if self.prefix {
                // A ta marbuta before a suffix is written ت (ضحيتها).
                v.starts_with(&self.text)
                    || self
                        .text
                        .strip_suffix('ه')
                        .is_some_and(|t| v.strip_prefix(t).is_some_and(|r| r.starts_with('ت')))
            } else {
                v == self.text
            }
        })
    }
}

impl Lexicon {
    /// Parses the data file; panics on a malformed line, which a unit test
    /// catches before any release.
    pub fn parse(data: &str) -> Lexicon {
        static SERIAL: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
        let mut lex = Lexicon {
            serial: SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Lexicon::default()
        };
        for line in data_lines(data) {
            let mut parts = line.split_whitespace();
            let (Some(section), Some(class)) = (parts.next(), parts.next()) else {
                panic!("claims lexicon: short line {line:?}");
            };
            if section == "compatible" {
                let other = parts.next().expect("compatible: two classes");
                lex.compatible.push((leak(class), leak(other)));
                continue;
            }
            let entry = entry_of(section, class)
                .unwrap_or_else(|| panic!("claims lexicon: bad entry {section} {class}"));
            for form in parts {
                let words: Vec<Word> = form
                    .split('_')
                    .enumerate()
                    .map(|(i, w)| {
                        let prefix = w.ends_with('*');
                        let text = normalize(w.trim_end_matches('*'));
                        // A first word is indexed by its first two letters.
                        assert!(
                            text.chars().count() >= 2 || !prefix || i > 0,
                            "claims lexicon: prefix too short in {form}"
                        );
                        Word { text, prefix }
                    })
                    .collect();
                let id = lex.forms.len();
                let first = &words[0];
                if first.prefix {
                    lex.prefixed
                        .entry(head2(&first.text).to_string())
                        .or_default()
                        .push(id);
                } else {
                    lex.exact.entry(first.text.clone()).or_default().push(id);
                }
                lex.forms.push((words, entry.clone()));
            }
        }
        lex
    }

    /// The forms whose first word matches `first`, sorted: looked up once
    /// per word and thread (a sentence is read by several extractors, each
    /// asking at every token; perf put the lookups at a sixth of loading).
    fn candidates(&self, first: &str) -> std::rc::Rc<[usize]> {
        thread_local! {
            static MEMO: std::cell::RefCell<(usize, Memo)> = Default::default();
        }
        let me = self.serial;
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            // One lexicon per memo: another lexicon (a test's) starts afresh.
            if m.0 != me {
                *m = (me, Default::default());
            }
            if let Some(ids) = m.1.get(first) {
                return std::rc::Rc::clone(ids);
            }
            let mut ids: Vec<usize> = Vec::new();
            for v in variants(first) {
                if let Some(list) = self.exact.get(v) {
                    ids.extend(list);
                }
                if let Some(list) = self.prefixed.get(head2(v)) {
                    ids.extend(list);
                }
            }
            ids.sort_unstable();
            ids.dedup();
            // The first word's match depends on `first` alone: decided once
            // here, not at every lookup.
            ids.retain(|&id| self.forms[id].0[0].matches(first));
            let ids: std::rc::Rc<[usize]> = ids.into();
            m.1.insert(first.to_string(), std::rc::Rc::clone(&ids));
            ids
        })
    }

    /// Every entry whose form starts at `keys[0]`, with the number of
    /// tokens it spans, longest first.
    pub fn at(&self, keys: &[&str]) -> Vec<(&Entry, usize)> {
        let Some(first) = keys.first() else {
            return Vec::new();
        };
        let ids = self.candidates(first);
        let mut out: Vec<(&Entry, usize)> = ids
            .iter()
            .filter_map(|&id| {
                let (words, entry) = &self.forms[id];
                (words.len() <= keys.len()
                    && words[1..].iter().zip(&keys[1..]).all(|(w, k)| w.matches(k)))
                .then_some((entry, words.len()))
            })
            .collect();
        out.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        out
    }

    /// The first entry at `keys[0]` that `pick` accepts, with its length.
    pub fn find<T>(&self, keys: &[&str], pick: impl Fn(&Entry) -> Option<T>) -> Option<(T, usize)> {
        self.at(keys)
            .into_iter()
            .find_map(|(e, n)| pick(e).map(|t| (t, n)))
    }

    /// True when two classes of one slot can both hold (a short circuit is
    /// a technical fault).
    pub fn compatible(&self, a: &str, b: &str) -> bool {
        a == b
            || self
                .compatible
                .iter()
                .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
    }
}

fn entry_of(section: &str, class: &str) -> Option<Entry> {
    let pair = |s: &str| -> Option<(u8, u8)> {
        let (a, b) = s.split_once('-')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    let unit = |s: &str| -> Option<(&'static str, f64)> {
        let (c, f) = s.rsplit_once(':')?;
        Some(match f.parse::<f64>() {
            Ok(f) => (leak(c), f),
            // A currency: its own class, factor 1.
            Err(_) => (leak(s), 1.0),
        })
    };
    Some(match section {
        "role" => Entry::Role(Role::from_name(class)?),
        "role-next" => Entry::RoleNext(Role::from_name(class)?),
        "person" => Entry::Person,
        "unit" => {
            let (c, f) = unit(class)?;
            Entry::Unit(c, f)
        }
        "dual" => {
            let (c, f) = unit(class)?;
            Entry::Dual(c, f)
        }
        "modal" => Entry::Modal(match class {
            "forecast" => Modality::Forecast,
            "earlier" => Modality::Earlier,
            "denied" => Modality::Denied,
            _ => return None,
        }),
        "past" => Entry::Past,
        "weekday" => Entry::Weekday(class.parse().ok()?),
        "daypart" => {
            let (a, b) = pair(class)?;
            Entry::DayPart(a, b)
        }
        "clock" => {
            let (a, b) = pair(class)?;
            Entry::Clock(a, b)
        }
        "slot" => {
            let (kind, c) = class.split_once(':')?;
            let kind = match kind {
                "cause" => SlotKind::Cause,
                "agent" => SlotKind::Agent,
                "instrument" => SlotKind::Instrument,
                _ => return None,
            };
            Entry::Slot(kind, leak(c))
        }
        "place-head" => Entry::PlaceHead,
        "holder-head" => Entry::HolderHead,
        "cause-word" => Entry::CauseWord,
        "hindrance" => Entry::Hindrance,
        "saying" => Entry::Saying,
        "frame" => Entry::Frame,
        "title" => Entry::Title,
        "subset" => Entry::Subset,
        "part" => Entry::Part(leak(class)),
        "generic" => Entry::Generic,
        "role-event" => Entry::RoleEvent,
        "count-head" => Entry::CountHead,
        "share-of" => Entry::ShareOf(leak(class)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        s.split_whitespace().map(normalize).collect()
    }

    fn first(s: &str) -> Vec<(Entry, usize)> {
        let k = keys(s);
        let refs: Vec<&str> = k.iter().map(String::as_str).collect();
        lexicon()
            .at(&refs)
            .into_iter()
            .map(|(e, n)| (e.clone(), n))
            .collect()
    }

    #[test]
    fn the_data_file_parses() {
        let lex = lexicon();
        assert!(lex.forms.len() > 300, "{}", lex.forms.len());
    }

    #[test]
    fn every_form_is_arabic_and_every_section_has_entries() {
        // A header comment that loses its '#' becomes entries ("verbs",
        // "of" …); a data line that gains one is silently dropped.
        for line in data_lines(DATA).filter(|l| !l.starts_with("compatible ")) {
            let forms = line.split_whitespace().skip(2);
            for f in forms {
                assert!(
                    !f.chars().any(|c| c.is_ascii_alphabetic()),
                    "not Arabic: {f} in {line}"
                );
            }
        }
        let lex = lexicon();
        for section in [
            Entry::CauseWord,
            Entry::Saying,
            Entry::Frame,
            Entry::Past,
            Entry::Person,
            Entry::Title,
            Entry::Subset,
            Entry::Generic,
            Entry::RoleEvent,
            Entry::CountHead,
        ] {
            assert!(
                lex.forms.iter().any(|(_, e)| *e == section),
                "no {section:?} entry"
            );
        }
    }

    #[test]
    fn proclitics_article_and_prefix_forms() {
        assert_eq!(first("والقتلى")[0].0, Entry::Role(Role::Killed));
        assert_eq!(first("حتفهم")[0].0, Entry::Role(Role::Killed));
        assert_eq!(first("راح ضحيتها")[0], (Entry::Role(Role::Killed), 2));
        assert_eq!(first("بالمدينة")[0].0, Entry::PlaceHead);
        assert_eq!(first("للمفقودين")[0].0, Entry::Role(Role::Missing));
    }

    #[test]
    fn phrases_are_longest_first() {
        let m = first("لقوا حتفهم غرقا");
        assert_eq!(m[0], (Entry::Role(Role::Killed), 2));
        let m = first("منتصف الليل تقريبا");
        assert_eq!(m[0], (Entry::DayPart(23, 1), 2));
    }

    #[test]
    fn a_weekday_needs_its_article() {
        // أحد is "one of" as often as it is Sunday.
        assert!(
            first("أحد")
                .iter()
                .all(|(e, _)| !matches!(e, Entry::Weekday(_)))
        );
        assert_eq!(first("الأحد")[0].0, Entry::Weekday(1));
    }

    #[test]
    fn units_carry_their_factor() {
        assert_eq!(first("كيلومترات")[0].0, Entry::Unit("distance", 1000.0));
        assert_eq!(first("طنين")[0].0, Entry::Dual("mass", 2000.0));
    }
}
