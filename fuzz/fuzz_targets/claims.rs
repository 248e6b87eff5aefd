//! Claims of any text: spans inside the text on character boundaries, one
//! frame flag per token, denied clauses inside the sentence.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::claims("", text);
    }
});
