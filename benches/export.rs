//! Exporting the seeds, analysis included: load and segment the five files,
//! analyse (stems, quantities, names, alignment, comparison), and serialise
//! the story JSON. Target (issue 3): under 50 ms.
//!
//! `cargo bench --bench export`

use std::path::Path;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 50)]
fn export_seeds() -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = mizan::corpus::load(&root).expect("seeds load");
    let json = serde_json::to_string(&mizan::story_json::story_doc(&corpus.stories[0]))
        .expect("serialises");
    divan::black_box(json.len())
}

#[divan::bench(sample_count = 50)]
fn analyse_seeds(bencher: divan::Bencher) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = mizan::corpus::load(&root).expect("seeds load");
    let articles = &corpus.stories[0].articles;
    bencher.bench(|| {
        mizan::analysis::analyze(divan::black_box(articles))
            .links
            .len()
    });
}
