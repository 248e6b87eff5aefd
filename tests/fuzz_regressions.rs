//! The fuzz targets' checks (see `fuzz/`) over the inputs kept in
//! `tests/fuzz_regressions/`: hand-picked edge cases and whatever a fuzzing
//! run found interesting. Each input is segmented, its quantities read, its
//! normalisation checked to be idempotent, and it is analysed as a story.

use std::path::Path;

fn check(name: &str, text: &str) {
    let segments = mizan::text::segment(text);
    let mut covered = vec![false; text.len()];
    let mut last = 0;
    for s in &segments {
        assert!(
            s.start >= last && s.start <= s.end && s.end <= text.len(),
            "{name}"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{name}"
        );
        covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        last = s.end;
    }
    for (i, c) in text.char_indices() {
        assert!(
            c.is_whitespace() || covered[i],
            "{name}: {c:?} at {i} in no segment"
        );
    }
    let tokens = mizan::text::tokenize::tokenize(text, 0);
    for q in mizan::text::numbers::quantities(&tokens, text, &|_| true) {
        assert!(
            q.end <= text.len() && text.is_char_boundary(q.start),
            "{name}"
        );
    }
    let once = mizan::text::normalize::normalize(text);
    assert_eq!(mizan::text::normalize::normalize(&once), once, "{name}");
    let articles: Vec<_> = text
        .split('\0')
        .take(3)
        .enumerate()
        .filter_map(|(i, t)| mizan::corpus::Article::from_text(format!("a{i}.txt"), t.into()).ok())
        .collect();
    let analysis = mizan::align::analyze(&articles);
    for l in &analysis.links {
        assert_ne!(
            analysis.units[l.a].article, analysis.units[l.b].article,
            "{name}"
        );
    }
}

#[test]
fn kept_fuzz_inputs_pass_every_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check(&path.display().to_string(), text);
            n += 1;
        }
    }
    assert!(n >= 5, "only {n} inputs");
}
