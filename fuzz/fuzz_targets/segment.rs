//! Segmentation of any text: segments are in order, never overlap, lie on
//! character boundaries, and cover every non-space character.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let segments = mizan::text::segment(text);
    let mut covered = vec![false; text.len()];
    let mut last = 0;
    for s in &segments {
        assert!(s.start >= last && s.start <= s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        last = s.end;
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{c:?} at {i} in no segment");
    }
});
