//! Generates realistic Arabic stories, deterministically, with their truth.
//!
//! `cargo run --release --example gen_corpus -- --stories N --articles M --seed S OUT`
//!
//! In: the bundled seeds (real Arabic news sentences) and the synonym
//! lexicon. Out: `OUT/story-NNNN/NNN_xxxxxxxx.txt` articles, and beside the
//! corpus `OUT.truth/story-NNNN.json`, one gold file per story in the shape
//! `../shared/eval/score.py` reads (`facts` with quotes per source,
//! `contradictions` with two sides), so speed and accuracy can be measured
//! on the same files.
//!
//! How a story is made: it draws a set of facts (real sentences of the
//! seeds). Each article reports each fact with some probability, in order,
//! paraphrased: words of a synonym group swapped for another form of the
//! group, numbers rewritten (Latin digits, Arabic-Indic digits, or words for
//! small counts). In about one story in three, one article changes one claim
//! of a fact: a planted contradiction, recorded with both sides and its kind
//! in the truth (`"kind"`): a count (the sentence's numbers raised), a
//! weekday (another day of the week), a place (another city of a list
//! of Arab capitals), or an instrument (a drone becomes a rocket). The kind is drawn among those the fact's sentence
//! offers. The same arguments always give the same files.

use mizan::text::{SegmentKind, script};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Facts per story: a news story tells 10 to 20 facts.
const FACTS_PER_STORY: (usize, usize) = (10, 18);
/// Chance that an article reports a given fact.
const REPORT_CHANCE: f64 = 0.6;
/// Chance that a word of a synonym group is swapped.
const SWAP_CHANCE: f64 = 0.5;
/// Share of stories with a planted contradiction.
const CONTRADICTION_SHARE: f64 = 0.35;

/// The days of the week, as news Arabic writes them (the names the pages
/// show).
const WEEKDAYS: &[&str] = &mizan::web::measure::WEEKDAYS;

/// Arab capitals: the places a planted contradiction moves a fact between.
const CITIES: &[&str] = &[
    "بغداد",
    "دمشق",
    "بيروت",
    "عمان",
    "القاهرة",
    "الرياض",
    "صنعاء",
    "طرابلس",
    "تونس",
    "الخرطوم",
];

/// Instruments a planted contradiction swaps: a drone (one or several)
/// becomes a rocket shell of the same number, another class of the
/// instrument slot of `data/claims.txt`.
const INSTRUMENTS: &[(&str, &str)] = &[
    ("طائرة مسيرة", "قذيفة صاروخية"),
    ("طائرة بدون طيار", "قذيفة صاروخية"),
    ("طائرات مسيرة", "قذائف صاروخية"),
    ("طائرات مسيّرة", "قذائف صاروخية"),
];

/// What a planted contradiction changes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Plant {
    /// The sentence's numbers.
    Count,
    /// Its day of the week.
    Weekday,
    /// Its city.
    Place,
    /// Its instrument (a drone becomes a rocket).
    Instrument,
}

impl Plant {
    fn key(self) -> &'static str {
        match self {
            Plant::Count => "count",
            Plant::Weekday => "weekday",
            Plant::Place => "place",
            Plant::Instrument => "instrument",
        }
    }

    /// The kinds `sentence` offers.
    fn offered(sentence: &str) -> Vec<Plant> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(&bare(w)));
        let mut out = Vec::new();
        if sentence.chars().any(|c| c.is_ascii_digit()) {
            out.push(Plant::Count);
        }
        if has(WEEKDAYS) {
            out.push(Plant::Weekday);
        }
        if has(CITIES) {
            out.push(Plant::Place);
        }
        if INSTRUMENTS.iter().any(|(from, _)| sentence.contains(from)) {
            out.push(Plant::Instrument);
        }
        out
    }

    /// `sentence` with this claim changed.
    fn apply(self, sentence: &str, rng: &mut Rng) -> String {
        if self == Plant::Instrument {
            return INSTRUMENTS
                .iter()
                .fold(sentence.to_string(), |s, (from, to)| s.replace(from, to));
        }
        let other = |list: &[&str], w: &str, rng: &mut Rng| loop {
            let o = list[rng.below(list.len())];
            if o != w {
                break o.to_string();
            }
        };
        sentence
            .split(' ')
            .map(|w| {
                let b = bare(w);
                let prefix = &w[..w.len() - b.len() - trailing(w).len()];
                match self {
                    Plant::Count => match w.parse::<u64>() {
                        Ok(n) => (n + 2 + n / 2).to_string(),
                        Err(_) => w.to_string(),
                    },
                    Plant::Weekday if WEEKDAYS.contains(&b) => {
                        format!("{prefix}{}{}", other(WEEKDAYS, b, rng), trailing(w))
                    }
                    Plant::Place if CITIES.contains(&b) => {
                        format!("{prefix}{}{}", other(CITIES, b, rng), trailing(w))
                    }
                    Plant::Weekday | Plant::Place | Plant::Instrument => w.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Punctuation ending a word.
fn trailing(w: &str) -> &str {
    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    &w[core.len()..]
}

/// A word without its punctuation and a one-letter proclitic (ب، ل، و، ف)
/// when what is left is a listed day or city.
fn bare(w: &str) -> &str {
    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    let core = core.trim_start_matches(|c: char| !c.is_alphanumeric());
    for p in ["ب", "ل", "و", "ف"] {
        if let Some(rest) = core.strip_prefix(p)
            && (WEEKDAYS.contains(&rest) || CITIES.contains(&rest))
        {
            return rest;
        }
    }
    core
}

/// xorshift64*: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const WORDS: [&str; 11] = [
    "",
    "واحد",
    "اثنان",
    "ثلاثة",
    "أربعة",
    "خمسة",
    "ستة",
    "سبعة",
    "ثمانية",
    "تسعة",
    "عشرة",
];

fn arabic_indic(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

/// Rewrites each run of Latin digits in `s` in one of three forms.
fn renumber(s: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if digits.is_empty() {
            return;
        }
        let n: u64 = digits.parse().unwrap_or(0);
        match rng.below(3) {
            0 if (3..=10).contains(&n) => out.push_str(WORDS[n as usize]),
            1 => out.push_str(&arabic_indic(n)),
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}

/// One-word synonym groups of the lexicon.
fn synonym_groups() -> Vec<Vec<String>> {
    mizan::text::data_lines(include_str!("../data/synonyms.txt"))
        .map(|l| {
            l.split('|')
                .map(str::trim)
                .filter(|f| !f.contains(' ') && !f.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() > 1)
        .collect()
}

/// The number ending of a word (dual, plural), or "" for none.
fn ending(w: &str) -> &'static str {
    ["ان", "ين", "ون", "ات"]
        .into_iter()
        .find(|e| w.ends_with(e))
        .unwrap_or("")
}

/// Swaps whole words found in a synonym group for a form with the same
/// number ending (keeping a leading و).
fn paraphrase(s: &str, groups: &[Vec<String>], rng: &mut Rng) -> String {
    s.split(' ')
        .map(|w| {
            let (prefix, word) = match w.strip_prefix('و') {
                Some(rest) if groups.iter().any(|g| g.iter().any(|f| f == rest)) => ("و", rest),
                _ => ("", w),
            };
            // Only a form of the same number: مسؤولان swapped for مسئول
            // made "one official" of two, a contradiction nobody planted.
            let same: Option<Vec<&String>> = groups
                .iter()
                .find(|g| g.iter().any(|f| f == word))
                .map(|g| g.iter().filter(|f| ending(f) == ending(word)).collect());
            match same {
                Some(g) if rng.chance(SWAP_CHANCE) => format!("{prefix}{}", g[rng.below(g.len())]),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of the seeds: real Arabic news text.
fn pool() -> Vec<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = mizan::corpus::load(&seeds).expect("the seeds load");
    let mut out = Vec::new();
    for a in &corpus.stories[0].articles {
        for s in &a.segments {
            let t = a.segment_text(s);
            if s.kind == SegmentKind::Sentence
                && script::guess_language(t) == Some("ar")
                && !t.contains('\n')
                && t.split_whitespace().count() >= 6
            {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn quote(source: &str, text: &str) -> String {
    format!(
        "{{\"source\": {}, \"text\": {}}}",
        serde_json::to_string(source).unwrap(),
        serde_json::to_string(text).unwrap()
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |flag: &str, default: u64| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map_or(default, |v| v.parse().expect("a number"))
    };
    let (stories, articles, seed) = (get("--stories", 1), get("--articles", 5), get("--seed", 1));
    let out = PathBuf::from(
        args.last()
            .filter(|a| !a.starts_with("--") && args.len() % 2 == 1)
            .expect("usage: gen_corpus --stories N --articles M --seed S OUT"),
    );
    let truth_dir = PathBuf::from(format!("{}.truth", out.display()));
    std::fs::create_dir_all(&out).unwrap();
    std::fs::create_dir_all(&truth_dir).unwrap();
    let pool = pool();
    let groups = synonym_groups();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut planted = 0;
    for s in 0..stories {
        let story = format!("story-{s:04}");
        let dir = out.join(&story);
        std::fs::create_dir_all(&dir).unwrap();
        let n_facts = FACTS_PER_STORY.0 + rng.below(FACTS_PER_STORY.1 - FACTS_PER_STORY.0 + 1);
        let mut facts: Vec<usize> = (0..pool.len()).collect();
        for i in (1..facts.len()).rev() {
            facts.swap(i, rng.below(i + 1));
        }
        facts.truncate(n_facts.min(pool.len()));
        facts.sort_unstable();
        // A fact may be told with another count, day, city or instrument by
        // one article.
        let offers: Vec<(usize, Plant)> = facts
            .iter()
            .flat_map(|&f| Plant::offered(&pool[f]).into_iter().map(move |k| (f, k)))
            .collect();
        let plant =
            (!offers.is_empty() && articles > 1 && rng.chance(CONTRADICTION_SHARE)).then(|| {
                let (f, kind) = offers[rng.below(offers.len())];
                (f, rng.below(articles as usize), kind)
            });
        let contradiction = plant.map(|(f, a, _)| (f, a));
        let mut told: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
        let mut changed: Option<(String, String)> = None;
        for a in 0..articles as usize {
            let source = format!("{a:03}");
            let mut text = String::new();
            for (k, &f) in facts.iter().enumerate() {
                if !rng.chance(REPORT_CHANCE) && contradiction != Some((f, a)) {
                    continue;
                }
                let mut sentence = pool[f].clone();
                if let Some((_, _, kind)) = plant.filter(|p| (p.0, p.1) == (f, a)) {
                    sentence = kind.apply(&sentence, &mut rng);
                }
                let sentence = renumber(&paraphrase(&sentence, &groups, &mut rng), &mut rng);
                if contradiction == Some((f, a)) {
                    changed = Some((source.clone(), sentence.clone()));
                }
                // The changed sentence still reports the fact: it is linked.
                told.entry(f)
                    .or_default()
                    .push((source.clone(), sentence.clone()));
                text.push_str(&sentence);
                text.push(if k % 3 == 2 { '\n' } else { ' ' });
            }
            if text.trim().is_empty() {
                text = pool[facts[0]].clone();
                told.entry(facts[0])
                    .or_default()
                    .push((source.clone(), text.clone()));
            }
            let name = format!("{source}_{:08x}.txt", rng.next() as u32);
            std::fs::write(dir.join(name), format!("{}\n", text.trim_end())).unwrap();
        }
        let mut gold =
            String::from("{\"corpus\": \"generated\", \"note\": \"gen_corpus\", \"facts\": [");
        let mut first = true;
        for (f, tellers) in &told {
            if tellers.len() < 2 {
                continue;
            }
            let refs: Vec<String> = tellers.iter().map(|(s, t)| quote(s, t)).collect();
            let _ = write!(
                gold,
                "{}{{\"id\": \"f{f}\", \"tier\": \"sure\", \"sentences\": [{}]}}",
                if first { "" } else { ", " },
                refs.join(", ")
            );
            first = false;
        }
        gold.push_str("], \"contradictions\": [");
        if let (Some((f, _)), Some((src, txt))) = (contradiction, &changed)
            && let Some(others) = told.get(&f)
        {
            planted += 1;
            let refs: Vec<String> = others
                .iter()
                .filter(|(s, _)| s != src)
                .map(|(s, t)| quote(s, t))
                .collect();
            let kind = plant.map_or("count", |p| p.2.key());
            let _ = write!(
                gold,
                "{{\"id\": \"c{f}\", \"kind\": \"{kind}\", \"sides\": {{\"changed\": [{}], \"others\": [{}]}}}}",
                quote(src, txt),
                refs.join(", ")
            );
        }
        gold.push_str("], \"neutral\": []}\n");
        std::fs::write(truth_dir.join(format!("{story}.json")), gold).unwrap();
    }
    eprintln!(
        "wrote {stories} stories × {articles} articles to {} ({planted} planted contradictions; truth in {})",
        out.display(),
        truth_dir.display()
    );
}
