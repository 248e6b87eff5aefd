//! How often stemming splits one word into several stems, on a corpus.
//!
//! A pair is two words of the corpus that differ only by a leading clitic
//! (ال، و، ف، ب، ك، ل and their combinations: بغداد and ببغداد, انتخابات and
//! الانتخابات). A split is such a pair that gets two different stems. Prints
//! the split rate of plain rust-stemmers and of Mizan's guarded stemmer.
//!
//! `cargo run --release --example stem_splits -- seeds`

use mizan::text::stem::Stemmer;
use mizan::text::tokenize::{TokenKind, tokenize};
use std::collections::BTreeSet;

const CLITICS: &[&str] = &[
    "وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل",
];

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let corpus = mizan::corpus::load(std::path::Path::new(&dir)).expect("corpus");
    let mut vocab = BTreeSet::new();
    for story in &corpus.stories {
        for a in &story.articles {
            for t in tokenize(&a.text, 0) {
                if t.kind == TokenKind::Word
                    && t.key.chars().all(mizan::text::script::is_arabic_letter)
                {
                    vocab.insert(t.key);
                }
            }
        }
    }
    let stemmer = Stemmer::new(vocab.iter().map(String::as_str));
    let mut pairs = Vec::new();
    for w in &vocab {
        for c in CLITICS {
            let longer = format!("{c}{w}");
            if w.chars().count() >= 3 && vocab.contains(&longer) {
                pairs.push((w.clone(), longer));
            }
        }
    }
    let snow = pairs
        .iter()
        .filter(|(a, b)| stemmer.snowball_only(a) != stemmer.snowball_only(b))
        .count();
    let ours: Vec<_> = pairs
        .iter()
        .filter(|(a, b)| stemmer.stem(a) != stemmer.stem(b))
        .collect();
    println!(
        "words {}, pairs differing only by a clitic {}",
        vocab.len(),
        pairs.len()
    );
    println!(
        "split by rust-stemmers alone: {snow} ({:.1}%)",
        100.0 * snow as f64 / pairs.len().max(1) as f64
    );
    println!(
        "split by Mizan's stemmer:     {} ({:.1}%)",
        ours.len(),
        100.0 * ours.len() as f64 / pairs.len().max(1) as f64
    );
    for (a, b) in ours {
        println!("  {a} → {}   {b} → {}", stemmer.stem(a), stemmer.stem(b));
    }
}
