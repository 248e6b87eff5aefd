//! Quantities of any text: spans lie inside the text on character
//! boundaries and amounts are finite.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::numbers("", text);
    }
});
