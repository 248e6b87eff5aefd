//! The properties the fuzz targets check, shared with
//! `tests/fuzz_regressions.rs` (which runs them over the kept inputs) so
//! the two cannot drift apart. `name` labels a failure.

// Each fuzz target uses one of these.
#![allow(dead_code)]

/// Segments are in order, never overlap, lie on character boundaries, and
/// cover every non-space character.
pub fn segment(name: &str, text: &str) {
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
}

/// Quantity spans lie inside the text on character boundaries, and their
/// amounts print.
pub fn numbers(name: &str, text: &str) {
    let tokens = mizan::text::tokenize::tokenize(text, 0);
    for q in mizan::text::numbers::quantities(&tokens, text, &|_| true) {
        assert!(q.start <= q.end && q.end <= text.len(), "{name}");
        assert!(
            text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
            "{name}"
        );
        let _ = q.amount.to_string();
    }
}

/// Claims of any text (read as one sentence): every claim and attribution
/// span lies inside the text on character boundaries, the frame has one
/// flag per token, denied clauses stay inside the sentence, and amounts
/// print.
pub fn claims(name: &str, text: &str) {
    let tokens = mizan::text::tokenize::tokenize(text, 0);
    let quantities = mizan::text::numbers::quantities(&tokens, text, &|_| true);
    let reading = mizan::claims::read(&tokens, &quantities, text);
    let inside = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    assert_eq!(reading.frame.len(), tokens.len(), "{name}");
    for c in &reading.claims {
        assert!(inside(c.start, c.end), "{name}: {c:?}");
        if let Some((s, e)) = c.attribution {
            assert!(inside(s, e), "{name}: {c:?}");
        }
        if let mizan::claims::ClaimKind::Count { amount, .. } = &c.kind {
            let _ = amount.to_string();
        }
    }
    for d in &reading.denials {
        assert!(
            d.word < tokens.len() && d.clause.end <= tokens.len(),
            "{name}"
        );
    }
}

/// Normalisation is idempotent.
pub fn normalize(name: &str, text: &str) {
    let once = mizan::text::normalize::normalize(text);
    assert_eq!(mizan::text::normalize::normalize(&once), once, "{name}");
}

/// The text split at NUL bytes into up to three articles is analysed as a
/// story: every link joins two articles and has a finite score.
pub fn analyze(name: &str, text: &str) {
    let articles: Vec<mizan::corpus::Article> = text
        .split('\0')
        .take(3)
        .enumerate()
        .filter_map(|(i, t)| mizan::corpus::Article::from_text(format!("a{i}.txt"), t.into()).ok())
        .collect();
    let analysis = mizan::analysis::analyze(&articles);
    for l in &analysis.links {
        assert_ne!(
            analysis.units[l.a].article, analysis.units[l.b].article,
            "{name}"
        );
        assert!(l.score.is_finite(), "{name}");
    }
}
