//! Rebuild when the embedded static files or the templates change:
//! rust-embed and askama read them at compile time. And name the engine:
//! `MIZAN_ENGINE` is a hash of every source file of the engine's layers
//! and of the data files, so a cached analysis made by another engine is
//! never taken for this one's (`src/corpus/cache.rs`).
use std::path::{Path, PathBuf};

/// The folders whose code or data decides what an analysis holds.
const ENGINE: &[&str] = &[
    "data",
    "src/text",
    "src/document",
    "src/claims",
    "src/align",
    "src/compare",
    "src/analysis",
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=static");
    println!("cargo:rerun-if-changed=templates");
    let mut all = Vec::new();
    for dir in ENGINE {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    all.sort();
    // FNV-1a over each file's path and bytes, and the crate's version.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes.iter().chain(std::iter::once(&0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(std::env::var("CARGO_PKG_VERSION")
        .unwrap_or_default()
        .as_bytes());
    for f in &all {
        eat(f.to_string_lossy().as_bytes());
        eat(&std::fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=MIZAN_ENGINE={h:016x}");
}
