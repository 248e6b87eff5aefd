//! Writes `data/background_df.tsv`, the background document frequencies of
//! news Arabic read by `src/align/background.rs`.
//!
//! The sentences are the `s1` and `s2` columns of the ANS stance corpus
//! (train and dev splits only; the test split is kept for measuring). Each
//! distinct sentence is tokenised; every word's key is folded by
//! `background_key` and counted once a sentence. Keys seen in fewer than
//! `MIN_DF` sentences are left out.
//!
//! `cargo run --release --example background_df > data/background_df.tsv`
//!
//! Other CSV files with the same header may be given as arguments instead.

use mizan::align::background::background_key;
use mizan::text::tokenize::{TokenKind, tokenize};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The ANS splits read when no file is named, relative to the crate.
const DEFAULT_FILES: [&str; 2] = [
    "../shared/data/ans/stance_train.csv",
    "../shared/data/ans/stance_dev.csv",
];

/// Keys seen in one sentence only are noise (typos, names of one story);
/// the reader treats them as unseen.
const MIN_DF: u32 = 2;

/// The records of a CSV text: fields separated by commas, records by line
/// breaks (`\n` or `\r\n`); a field in double quotes may hold commas, line
/// breaks and doubled quotes (`""` for one `"`).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<String> = if args.is_empty() {
        let root = env!("CARGO_MANIFEST_DIR");
        DEFAULT_FILES
            .iter()
            .map(|f| format!("{root}/{f}"))
            .collect()
    } else {
        args
    };

    let mut sentences = BTreeSet::new();
    for path in &files {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let mut records = parse_csv(&text).into_iter();
        let header = records.next().unwrap_or_default();
        let column = |name: &str| {
            header
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}').trim() == name)
                .unwrap_or_else(|| panic!("{path}: no column {name} in {header:?}"))
        };
        let (s1, s2) = (column("s1"), column("s2"));
        let mut rows = 0;
        for record in records {
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            rows += 1;
            for i in [s1, s2] {
                match record.get(i).map(|s| s.trim()) {
                    Some(s) if !s.is_empty() => {
                        sentences.insert(s.to_string());
                    }
                    _ => eprintln!("{path}: row {rows} lacks field {i}: {record:?}"),
                }
            }
        }
        eprintln!("{path}: {rows} rows");
    }

    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for sentence in &sentences {
        let keys: HashSet<String> = tokenize(sentence, 0)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| background_key(&t.key))
            .filter(|k| !k.is_empty())
            .collect();
        for key in keys {
            *df.entry(key).or_default() += 1;
        }
    }

    let kept = df.values().filter(|&&n| n >= MIN_DF).count();
    eprintln!(
        "{} distinct sentences, {} keys, {kept} with df >= {MIN_DF}",
        sentences.len(),
        df.len()
    );
    println!("# N\t{}", sentences.len());
    println!(
        "# Sentences of ANS (Arabic News Stance, latynt/ans, Apache-2.0): s1 and s2 of the \
         train and dev splits, de-duplicated; key<TAB>number of sentences holding it, df >= \
         {MIN_DF}. Regenerate: cargo run --release --example background_df > \
         data/background_df.tsv"
    );
    for (key, n) in df.iter().filter(|&(_, &n)| n >= MIN_DF) {
        println!("{key}\t{n}");
    }
}
