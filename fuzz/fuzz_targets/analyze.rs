//! The analysis of a whole story made of the input split into up to three
//! articles (at NUL bytes): no panic, and every link joins two articles.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let articles: Vec<mizan::corpus::Article> = text
        .split('\0')
        .take(3)
        .enumerate()
        .filter_map(|(i, t)| mizan::corpus::Article::from_text(format!("a{i}.txt"), t.to_string()).ok())
        .collect();
    let analysis = mizan::align::analyze(&articles);
    for l in &analysis.links {
        assert_ne!(analysis.units[l.a].article, analysis.units[l.b].article);
        assert!(l.score.is_finite());
    }
});
