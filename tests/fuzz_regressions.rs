//! The fuzz targets' checks (`fuzz/checks.rs`, shared) over the inputs kept in
//! `tests/fuzz_regressions/`: hand-picked edge cases and whatever a fuzzing
//! run found interesting. Each input is segmented, its quantities and
//! claims read, its normalisation checked to be idempotent, and it is
//! analysed as a story.

use std::path::Path;

#[path = "../fuzz/checks.rs"]
mod checks;

fn check(name: &str, text: &str) {
    checks::segment(name, text);
    checks::numbers(name, text);
    checks::normalize(name, text);
    checks::claims(name, text);
    checks::analyze(name, text);
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
