//! Rendering the comparison pages of the seeds server-side: building the
//! page from the loaded story and rendering its template to HTML, as a
//! request does after routing. Target (issue 4): the overview and the
//! side-by-side page under 10 ms each.
//!
//! `cargo bench --bench pages`

use askama::Template;
use std::path::Path;
use std::sync::LazyLock;

static CORPUS: LazyLock<mizan::corpus::Corpus> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    mizan::corpus::load(&root).expect("seeds load")
});

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 100)]
fn overview() -> usize {
    let story = &CORPUS.stories[0];
    let html = mizan::web::story::build(divan::black_box(story))
        .render()
        .expect("renders");
    html.len()
}

#[divan::bench(sample_count = 100)]
fn side_by_side() -> usize {
    let story = &CORPUS.stories[0];
    let params = mizan::web::compare::Params::default();
    let html = mizan::web::compare::build(divan::black_box(story), &params)
        .expect("builds")
        .render()
        .expect("renders");
    html.len()
}

#[divan::bench(sample_count = 100)]
fn contradiction() -> usize {
    let story = &CORPUS.stories[0];
    let id = &story.analysis().contradictions[0].id;
    let html = mizan::web::contradiction::build(divan::black_box(story), id)
        .expect("builds")
        .render()
        .expect("renders");
    html.len()
}

#[divan::bench(sample_count = 100)]
fn search() -> usize {
    let story = &CORPUS.stories[0];
    let html = mizan::web::search::build(divan::black_box(story), "كاظمي", None)
        .expect("builds")
        .render()
        .expect("renders");
    html.len()
}
