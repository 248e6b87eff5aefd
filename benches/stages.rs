//! Throughput of each stage of the text pipeline on the seeds' text (all
//! five articles joined), in bytes per second: normalisation, tokenising,
//! stemming (every token), quantities, and link scoring (candidates and
//! scores over the analysed units).
//!
//! `cargo bench --bench stages`

use divan::counter::BytesCount;
use std::path::Path;
use std::sync::LazyLock;

static TEXT: LazyLock<String> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
});

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 50)]
fn normalise(bencher: divan::Bencher) {
    bencher
        .counter(BytesCount::of_str(&*TEXT))
        .bench(|| mizan::text::normalize::normalize(divan::black_box(&TEXT)).len());
}

#[divan::bench(sample_count = 50)]
fn tokenise(bencher: divan::Bencher) {
    bencher
        .counter(BytesCount::of_str(&*TEXT))
        .bench(|| mizan::text::tokenize::tokenize(divan::black_box(&TEXT), 0).len());
}

#[divan::bench(sample_count = 50)]
fn stem(bencher: divan::Bencher) {
    let tokens = mizan::text::tokenize::tokenize(&TEXT, 0);
    let stemmer = mizan::text::stem::Stemmer::new(tokens.iter().map(|t| t.key.as_str()));
    bencher.counter(BytesCount::of_str(&*TEXT)).bench(|| {
        tokens
            .iter()
            .map(|t| stemmer.stem(divan::black_box(&t.key)).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 50)]
fn quantities(bencher: divan::Bencher) {
    let tokens = mizan::text::tokenize::tokenize(&TEXT, 0);
    bencher.counter(BytesCount::of_str(&*TEXT)).bench(|| {
        mizan::text::numbers::quantities(divan::black_box(&tokens), &TEXT, &|_| true).len()
    });
}

#[divan::bench(sample_count = 50)]
fn link_scoring(bencher: divan::Bencher) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = mizan::corpus::load(&root).unwrap();
    let units = &corpus.stories[0].analysis().units;
    bencher
        .counter(BytesCount::of_str(&*TEXT))
        .bench(|| mizan::align::score::candidates(divan::black_box(units)).len());
}
