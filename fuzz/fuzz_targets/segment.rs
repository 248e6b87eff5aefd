//! Segmentation of any text: segments are in order, never overlap, lie on
//! character boundaries, and cover every non-space character.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::segment("", text);
    }
});
