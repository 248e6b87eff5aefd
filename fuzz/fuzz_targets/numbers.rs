//! Quantities of any text: spans lie inside the text on character
//! boundaries and amounts are finite.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let tokens = mizan::text::tokenize::tokenize(text, 0);
    let quantities = mizan::text::numbers::quantities(&tokens, text, &|_| true);
    for q in &quantities {
        assert!(q.start <= q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        let _ = q.amount.to_string();
    }
});
