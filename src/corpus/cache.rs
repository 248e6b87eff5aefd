//! The analysis cache: a restarting server reads each unchanged story's
//! analysis from disk instead of computing it again.
//!
//! In: a folder (`cache/` in the workspace), a story's folder and
//! articles. Out: the story's [`Analysis`] read back, or `None`; and files
//! written after an analysis is computed.
//!
//! Rules:
//! - One file per story folder, named by a hash of the folder's path. It
//!   holds a magic line, the key, a checksum and the analysis's bytes
//!   ([`Analysis::to_bytes`]).
//! - The key hashes the engine ([`ENGINE`]: every source and data file of
//!   the engine's layers, hashed at build time) and each article's id and
//!   exact text. Any change to a file, an added or removed article, or
//!   another build of the engine gives another key, and the file is
//!   rebuilt.
//! - A file is read only when its magic, key and checksum all match and
//!   its analysis fits the articles ([`Analysis::from_bytes`]); a corrupt,
//!   truncated or foreign file is ignored and written anew, never trusted.
//! - Writes go to a temporary file renamed over the old one, so a reader
//!   never sees half a file; a failed write costs only the next start's
//!   time.

use crate::analysis::Analysis;
use crate::document::Article;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The engine's build: a hash of its sources and data (see `build.rs`).
pub const ENGINE: &str = env!("MIZAN_ENGINE");

/// The cache's folder in the workspace: hidden, so neither the loader nor
/// the folder watcher takes it for a story.
pub const FOLDER: &str = ".cache/analysis";

/// First bytes of every cache file.
const MAGIC: &[u8; 8] = b"MIZANAC1";

/// Bytes before the analysis: magic, key, checksum.
const HEADER: usize = 8 + 8 + 8;

/// What the cache did since it was opened.
#[derive(Debug, Default)]
pub struct CacheStats {
    /// Analyses read back from disk.
    pub hits: AtomicUsize,
    /// Analyses computed because no file matched (first start, a change).
    pub misses: AtomicUsize,
    /// Files that matched a story's key but failed the checksum or did not
    /// fit its articles: corrupt, and rebuilt.
    pub refused: AtomicUsize,
    /// Writes that failed (a full or read-only disk).
    pub write_failures: AtomicUsize,
}

/// The analysis cache in one folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    /// What it did.
    pub stats: CacheStats,
    /// The stories whose analyses it keeps in memory.
    pub resident: super::resident::Resident,
}

/// FNV-1a over `parts`, each followed by a byte UTF-8 never holds.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(std::iter::once(&0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The key of a story's articles under this engine.
pub fn key(articles: &[Article]) -> u64 {
    let mut parts: Vec<&[u8]> = vec![ENGINE.as_bytes()];
    for a in articles {
        parts.push(a.id.as_bytes());
        parts.push(a.text.as_bytes());
    }
    fnv(&parts)
}

/// The name of the cache file of the story in folder `story_dir` (as the
/// corpus names it).
pub fn file_name(story_dir: &Path) -> String {
    let path = story_dir.to_string_lossy();
    format!("{:016x}.bin", fnv(&[path.as_bytes()]))
}

impl Cache {
    /// The cache in `dir` (created on the first write).
    pub fn new(dir: PathBuf) -> Cache {
        Cache {
            dir,
            stats: CacheStats::default(),
            resident: Default::default(),
        }
    }

    /// The file of the story in folder `story_dir`.
    fn file(&self, story_dir: &Path) -> PathBuf {
        self.dir.join(file_name(story_dir))
    }

    /// The stored analysis of the story in `story_dir` with `articles`, if
    /// a file holds one for exactly these articles and this engine.
    pub fn load(&self, story_dir: &Path, articles: &[Article]) -> Option<Analysis> {
        let found = self.read(story_dir, articles);
        let counter = match found {
            Found::Hit(_) => &self.stats.hits,
            Found::Missing | Found::OtherKey => &self.stats.misses,
            Found::Corrupt => &self.stats.refused,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        match found {
            Found::Hit(an) => Some(*an),
            Found::Missing | Found::OtherKey | Found::Corrupt => None,
        }
    }

    fn read(&self, story_dir: &Path, articles: &[Article]) -> Found {
        let Ok(bytes) = std::fs::read(self.file(story_dir)) else {
            return Found::Missing;
        };
        let Some((head, body)) = bytes.split_at_checked(HEADER) else {
            return Found::Corrupt;
        };
        let word = |i: usize| u64::from_le_bytes(head[i..i + 8].try_into().unwrap_or_default());
        if &head[..8] != MAGIC {
            return Found::Corrupt;
        }
        if word(8) != key(articles) {
            return Found::OtherKey;
        }
        if word(16) != fnv(&[body]) {
            return Found::Corrupt;
        }
        match Analysis::from_bytes(body, articles) {
            Some(an) => Found::Hit(Box::new(an)),
            None => Found::Corrupt,
        }
    }

    /// Stores `an`, the analysis of the story in `story_dir` with
    /// `articles`.
    pub fn store(&self, story_dir: &Path, articles: &[Article], an: &Analysis) {
        if self.write(story_dir, articles, an).is_err() {
            self.stats.write_failures.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn write(&self, story_dir: &Path, articles: &[Article], an: &Analysis) -> std::io::Result<()> {
        let body = an.to_bytes();
        let mut bytes = Vec::with_capacity(HEADER + body.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&key(articles).to_le_bytes());
        bytes.extend_from_slice(&fnv(&[&body]).to_le_bytes());
        bytes.extend_from_slice(&body);
        std::fs::create_dir_all(&self.dir)?;
        let file = self.file(story_dir);
        let tmp = file.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, &file).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

/// What a cache file held for a story.
enum Found {
    /// Its analysis.
    Hit(Box<Analysis>),
    /// No file.
    Missing,
    /// Another version of the story or another engine.
    OtherKey,
    /// Bytes that fail the magic, the checksum or the fit.
    Corrupt,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn articles(second: &str) -> Vec<Article> {
        [
            "غرق قارب يقل 40 مهاجرا قبالة سواحل صفاقس ليل الخميس.",
            second,
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("s{i}.txt"), t.to_string()).unwrap())
        .collect()
    }

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("mizan-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn a_stored_analysis_is_read_back_only_for_the_same_articles() {
        let dir = scratch("same");
        let cache = Cache::new(dir.clone());
        let story = Path::new("/corpus/boat");
        let arts = articles("انتشلت السلطات 35 جثة بعد غرق قارب المهاجرين قبالة صفاقس.");
        assert!(cache.load(story, &arts).is_none(), "nothing stored yet");
        let an = analyze(&arts);
        cache.store(story, &arts, &an);
        let back = cache.load(story, &arts).expect("stored");
        assert_eq!(back.to_bytes(), an.to_bytes());
        // One changed letter in one file: another key.
        let edited = articles("انتشلت السلطات 36 جثة بعد غرق قارب المهاجرين قبالة صفاقس.");
        assert!(cache.load(story, &edited).is_none());
        // Another folder with the same files has its own file.
        assert!(cache.load(Path::new("/corpus/other"), &arts).is_none());
        assert_eq!(cache.stats.hits.load(Ordering::Relaxed), 1);
        assert_eq!(cache.stats.misses.load(Ordering::Relaxed), 3);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_corrupt_file_is_refused_and_replaced() {
        let dir = scratch("corrupt");
        let cache = Cache::new(dir.clone());
        let story = Path::new("/corpus/boat");
        let arts = articles("انتشلت السلطات 35 جثة بعد غرق قارب المهاجرين.");
        cache.store(story, &arts, &analyze(&arts));
        let file = cache.file(story);
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x55;
        std::fs::write(&file, &bytes).unwrap();
        assert!(cache.load(story, &arts).is_none(), "a flipped byte");
        std::fs::write(&file, &bytes[..HEADER - 3]).unwrap();
        assert!(cache.load(story, &arts).is_none(), "cut short");
        std::fs::write(&file, b"MIZANAC1 and then garbage of some length").unwrap();
        assert!(cache.load(story, &arts).is_none(), "garbage");
        // Garbage after the magic reads as another key: computed anew.
        assert_eq!(cache.stats.refused.load(Ordering::Relaxed), 2);
        cache.store(story, &arts, &analyze(&arts));
        assert!(cache.load(story, &arts).is_some(), "rebuilt");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
