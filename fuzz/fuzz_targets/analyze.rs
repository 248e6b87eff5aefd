//! The analysis of a whole story made of the input split into up to three
//! articles (at NUL bytes): no panic, and every link joins two articles.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::analyze("", text);
    }
});
