//! Loading stories from folders.
//!
//! In: a corpus folder. Out: a [`Corpus`] of [`Story`]s, each holding its
//! [`Article`]s with their original text and segments, plus a list of
//! [`Problem`]s: every file that was skipped, with its path and the reason.
//!
//! Rules:
//! - A folder whose files are articles is one story, whose id is the
//!   folder's name. A folder of such folders is many stories. Both may be
//!   mixed: the corpus folder's own articles form a story named after it.
//! - Articles are UTF-8 `.txt` or `.md` files; the article id is the file
//!   name without its extension. `story.toml` beside them may give the story
//!   a `title`.
//! - Anything else (other files, folders nested deeper, empty or non-UTF-8
//!   files, names that cannot be used in a link) is skipped and reported; one
//!   bad file never stops the others from loading.
//! - Stories and articles are sorted by id, so the same files always give the
//!   same corpus.

pub mod cache;
mod load;
pub mod resident;
pub mod store;
pub mod watch;
pub mod workspace;

pub use crate::document::{
    Article, MAX_FILE_BYTES, MAX_ID_LEN, TITLE_FALLBACK_WORDS, decode, front_matter, is_valid_id,
};
pub use load::{Progress, load, load_with_progress};
pub use workspace::{Sources, Storage, load_sources};

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// File extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];
/// The optional metadata file of a story folder.
pub const STORY_META_FILE: &str = "story.toml";
/// Everything loaded from one corpus folder.
#[derive(Debug)]
pub struct Corpus {
    /// The corpus folder, as it was given.
    pub root: PathBuf,
    /// The stories, sorted by id.
    pub stories: Vec<Story>,
    /// Every file or folder that was skipped, with the reason.
    pub problems: Vec<Problem>,
    /// The folders read, and which may be written.
    pub sources: Sources,
    /// The analysis cache its stories share, when it has one.
    pub cache: Option<std::sync::Arc<cache::Cache>>,
}

impl Corpus {
    /// Computes every story's analysis now, on all cores (export, share,
    /// and a server warming up after it is ready).
    ///
    /// Call it off rayon's threads. On them a story another thread is
    /// computing is skipped, never waited for: a rayon thread waiting
    /// inside one story's parallel work runs other queued work, so the
    /// holder of that story may be the same thread deeper in its stack,
    /// and waiting would never end (two calls at once did hang). The
    /// skipped stories are waited for afterwards, on the calling thread.
    pub fn analyse_all(&self) {
        use rayon::prelude::*;
        debug_assert!(
            rayon::current_thread_index().is_none(),
            "analyse_all waits for stories: call it off rayon's threads"
        );
        let busy: Vec<&Story> = self
            .stories
            .par_iter()
            .filter(|story| story.analysis_unless_busy().is_none())
            .collect();
        for story in busy {
            story.analysis();
        }
    }

    /// Keeps every story's analysis in (and reads it from) the cache in
    /// `dir`.
    pub fn use_cache(&mut self, dir: PathBuf) {
        let cache = std::sync::Arc::new(cache::Cache::new(dir));
        for s in &mut self.stories {
            s.cache = Some(std::sync::Arc::clone(&cache));
        }
        self.cache = Some(cache);
    }

    /// The story whose id is `id`, if there is one.
    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }
}

/// True when `path` names an article file (`.txt` or `.md`).
pub fn is_article_path(path: &Path) -> bool {
    load::is_article_file(path)
}

/// A set of articles about one event.
#[derive(Debug)]
pub struct Story {
    /// The story folder's name; used in URLs.
    pub id: String,
    /// The `title` of `story.toml`, else the first article's title.
    pub title: String,
    /// True when no `story.toml` gave the title and it was taken from the
    /// first article.
    pub title_inferred: bool,
    /// The story folder, where its articles are read and new ones written.
    pub dir: PathBuf,
    /// Whether new articles are written in [`Story::dir`] or into a copy
    /// of the story in the workspace.
    pub storage: Storage,
    /// The story's articles, sorted by id.
    pub articles: Vec<Article>,
    /// Sentences aligned across articles, with agreements and
    /// contradictions: computed (or read from the cache) on first use
    /// ([`Story::analysis`]), so a server is ready before every story of a
    /// large archive is read; with a cache, emptied again when many other
    /// stories are used ([`resident`]).
    pub analysis: std::sync::Arc<resident::Slot>,
    /// Where the analysis is read from and kept across restarts; `None`
    /// (export, tests) computes it every time and writes nothing.
    pub cache: Option<std::sync::Arc<cache::Cache>>,
}

impl Story {
    /// The story's analysis: the one in memory, else the cache's, else
    /// computed now. A bug in the engine on one story gives it an empty
    /// analysis (its articles are still shown), never takes the server
    /// down.
    pub fn analysis(&self) -> std::sync::Arc<crate::analysis::Analysis> {
        if let Some(an) = self.in_memory() {
            return an;
        }
        // Another request for this story waits for this one's analysis
        // rather than computing its own.
        self.fill(self.analysis.compute())
    }

    /// The story's analysis as [`Story::analysis`] gives it, or `None` at
    /// once when another thread is computing it: for rayon's threads,
    /// which must never wait for a story (see [`Corpus::analyse_all`]).
    fn analysis_unless_busy(&self) -> Option<std::sync::Arc<crate::analysis::Analysis>> {
        if let Some(an) = self.in_memory() {
            return Some(an);
        }
        self.analysis.try_compute().map(|right| self.fill(right))
    }

    /// The analysis in memory, marked used.
    fn in_memory(&self) -> Option<std::sync::Arc<crate::analysis::Analysis>> {
        match self.cache.as_ref() {
            Some(c) => self.analysis.get(&c.resident),
            None => self.analysis.lock().clone(),
        }
    }

    /// With the right to fill the slot: the analysis another thread put
    /// there meanwhile, else the cache's, else computed now; kept in the
    /// slot.
    fn fill(
        &self,
        right: std::sync::MutexGuard<'_, ()>,
    ) -> std::sync::Arc<crate::analysis::Analysis> {
        use std::sync::Arc;
        let resident = self.cache.as_ref().map(|c| &c.resident);
        if let Some(an) = self.in_memory() {
            return an;
        }
        let an = match self
            .cache
            .as_ref()
            .and_then(|c| c.load(&self.dir, &self.articles))
        {
            Some(an) => Arc::new(an),
            None => {
                let an = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    crate::analysis::analyze(&self.articles)
                }));
                match an {
                    Ok(an) => {
                        if let Some(c) = &self.cache {
                            c.store(&self.dir, &self.articles, &an);
                        }
                        Arc::new(an)
                    }
                    Err(_) => Arc::new(crate::analysis::analyze(&[])),
                }
            }
        };
        *self.analysis.lock() = Some(Arc::clone(&an));
        drop(right);
        if let Some(r) = resident {
            r.filled(&self.analysis);
        }
        an
    }

    /// The analysis if it is in memory now (the slot's value is locked
    /// only for a moment, never while computing).
    fn held(&self) -> Option<std::sync::Arc<crate::analysis::Analysis>> {
        self.analysis.lock().clone()
    }

    /// Takes over `old`'s analysis when both stories hold the same articles
    /// (ids and texts): a reload after a change to one story of an archive
    /// analyses that story only. True when it did.
    pub fn reuse_analysis(&self, old: &Story) -> bool {
        let same = self.articles.len() == old.articles.len()
            && self
                .articles
                .iter()
                .zip(&old.articles)
                .all(|(a, b)| a.id == b.id && a.text == b.text);
        match (same, old.held()) {
            (true, Some(an)) => {
                *self.analysis.lock() = Some(an);
                if let Some(c) = &self.cache {
                    c.resident.filled(&self.analysis);
                }
                true
            }
            _ => false,
        }
    }

    /// True when the analysis is in memory now.
    pub fn is_analysed(&self) -> bool {
        self.held().is_some()
    }

    /// The article whose id is `id`, if the story has one.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// What kind of problem a skipped file or folder has: pages word their
/// (Arabic) message by it, and show [`Problem::reason`] as the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// `story.toml` with no article beside it.
    MetaWithoutArticles,
    /// A `story.toml` that cannot be read.
    BadMeta,
    /// The story could not be analysed (a bug).
    Internal,
    /// The corpus holds no story.
    NoStories,
    /// A folder name that is not UTF-8 or cannot be a story id.
    BadFolderName,
    /// A folder that cannot be read.
    UnreadableFolder,
    /// A folder inside a story folder.
    NestedFolder,
    /// A story folder with no article.
    NoArticles,
    /// A file that is not an article (another extension).
    NotAnArticle,
    /// A word-processor or PDF file (.docx, .doc, .pdf, .odt, .rtf).
    Document,
    /// A symbolic link out of the story folder, or a broken one.
    Link,
    /// A second file with an article id already taken.
    DuplicateId,
    /// A second file with the same text.
    DuplicateText,
    /// No article of the story could be loaded.
    NoArticleLoaded,
    /// The file could not be read as an article.
    Article(crate::document::ArticleErrorKind),
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder that was skipped.
    pub path: PathBuf,
    /// What kind of problem it is.
    pub kind: ProblemKind,
    /// The technical detail, in English (logs, and the second line of a
    /// page's message).
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// The corpus folder itself could not be read.
#[derive(Debug)]
pub enum CorpusError {
    /// Nothing exists at the path.
    NotFound(PathBuf),
    /// The path is a file, not a folder.
    NotADirectory(PathBuf),
    /// The folder exists but could not be listed, with the I/O error.
    Unreadable(PathBuf, std::io::Error),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::NotFound(p) => write!(f, "corpus folder {} does not exist", p.display()),
            CorpusError::NotADirectory(p) => write!(f, "corpus {} is not a folder", p.display()),
            CorpusError::Unreadable(p, e) => {
                write!(f, "corpus folder {} cannot be read: {e}", p.display())
            }
        }
    }
}

impl std::error::Error for CorpusError {}

#[cfg(test)]
mod tests {
    /// A fresh corpus folder `mizan-NAME-PID` of two one-article stories,
    /// fire and flood.
    fn two_stories(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("mizan-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for s in ["fire", "flood"] {
            std::fs::create_dir_all(dir.join(s)).unwrap();
            std::fs::write(
                dir.join(s).join("a.txt"),
                format!("خبر عن {s} في المدينة صباح اليوم."),
            )
            .unwrap();
        }
        dir
    }

    #[test]
    fn a_story_being_filled_is_skipped_and_a_filled_one_is_read_at_once() {
        let dir = two_stories("slot");
        let corpus = super::load(&dir).unwrap();
        let (fire, flood) = (&corpus.stories[0], &corpus.stories[1]);
        fire.analysis();
        // Another thread holding the right to fill: a filled story is
        // still read, an empty one is skipped, neither waits.
        let _fire = fire.analysis.compute();
        let _flood = flood.analysis.compute();
        assert!(fire.is_analysed());
        assert!(fire.analysis_unless_busy().is_some());
        assert!(!flood.is_analysed());
        assert!(flood.analysis_unless_busy().is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unchanged_story_keeps_its_analysis_across_a_reload() {
        let dir = two_stories("reuse");
        let before = super::load(&dir).unwrap();
        before.analyse_all();
        std::fs::write(dir.join("flood/b.txt"), "غمرت المياه الشوارع بعد الأمطار.").unwrap();
        let after = super::load(&dir).unwrap();
        let kept: Vec<bool> = after
            .stories
            .iter()
            .map(|s| s.reuse_analysis(before.story(&s.id).unwrap()))
            .collect();
        assert_eq!(kept, [true, false], "fire unchanged, flood changed");
        assert!(std::sync::Arc::ptr_eq(
            &after.stories[0].analysis(),
            &before.stories[0].analysis()
        ));
        assert!(!after.stories[1].is_analysed());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("mizan-corpus-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn one_folder_is_one_story_and_bad_files_are_reported() {
        let dir = temp_dir("one");
        fs::write(
            dir.join("a.txt"),
            "انفجار في الميناء\nوقع انفجار كبير في الميناء صباح اليوم.",
        )
        .unwrap();
        fs::write(dir.join("b.md"), "وقالت الشرطة إن الانفجار وقع في مستودع.").unwrap();
        fs::write(dir.join("c.txt"), [0xD8, 0xA7, 0xFF, 0x20]).unwrap();
        fs::write(dir.join("d.txt"), "  \n\t\n").unwrap();
        fs::write(dir.join("photo.jpg"), [1, 2, 3]).unwrap();
        fs::write(dir.join("story.toml"), "title = \"انفجار الميناء\"\n").unwrap();
        let corpus = load(&dir).unwrap();
        assert_eq!(corpus.stories.len(), 1);
        let story = &corpus.stories[0];
        assert_eq!(story.id, dir.file_name().unwrap().to_str().unwrap());
        assert_eq!(story.title, "انفجار الميناء");
        assert!(!story.title_inferred);
        let ids: Vec<&str> = story.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let reasons: Vec<String> = corpus.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("c.txt") && r.contains("UTF-8"))
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("d.txt") && r.contains("empty"))
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("photo.jpg") && r.contains(".jpg"))
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn folder_of_folders_is_many_stories() {
        let dir = temp_dir("many");
        for (story, text) in [
            ("flood", "غمرت المياه القرية."),
            ("quake", "ضرب زلزال المدينة."),
        ] {
            fs::create_dir_all(dir.join(story)).unwrap();
            fs::write(dir.join(story).join("x.txt"), text).unwrap();
        }
        fs::create_dir_all(dir.join("empty")).unwrap();
        let corpus = load(&dir).unwrap();
        let ids: Vec<&str> = corpus.stories.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["flood", "quake"]);
        assert!(corpus.stories[0].title_inferred);
        assert!(corpus.problems.iter().any(|p| p.path.ends_with("empty")));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_corpus_is_an_error() {
        let err = load(Path::new("/nonexistent/mizan-corpus")).unwrap_err();
        assert!(err.to_string().contains("does not exist"));
    }

    #[test]
    fn ids_are_checked() {
        assert!(is_valid_id("000_4906ad26d71f513b"));
        assert!(is_valid_id("غزة-2024"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id(".hidden"));
        assert!(!is_valid_id("with space"));
    }
}
