//! Normalisation of any text never panics and is idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let once = mizan::text::normalize::normalize(text);
    assert_eq!(mizan::text::normalize::normalize(&once), once);
});
