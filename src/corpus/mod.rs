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

mod article;
pub mod front_matter;
pub mod store;
pub mod watch;

pub use article::{Article, MAX_FILE_BYTES, TITLE_FALLBACK_WORDS};

use serde::Deserialize;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// File extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];
/// The optional metadata file of a story folder.
pub const STORY_META_FILE: &str = "story.toml";
/// Longest id (in bytes) accepted for a story or an article: ids go into
/// URLs and file-system paths.
pub const MAX_ID_LEN: usize = 200;

/// Everything loaded from one corpus folder.
#[derive(Debug)]
pub struct Corpus {
    pub root: PathBuf,
    pub stories: Vec<Story>,
    pub problems: Vec<Problem>,
}

impl Corpus {
    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }
}

/// A set of articles about one event.
#[derive(Debug)]
pub struct Story {
    pub id: String,
    pub title: String,
    /// True when no `story.toml` gave the title and it was taken from the
    /// first article.
    pub title_inferred: bool,
    pub dir: PathBuf,
    pub articles: Vec<Article>,
    /// Sentences aligned across articles, with agreements and contradictions.
    pub analysis: crate::align::Analysis,
}

impl Story {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
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
    NotFound(PathBuf),
    NotADirectory(PathBuf),
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

/// Whether `id` can name a story or article in a URL and on disk: letters,
/// digits, `-`, `_` and `.`, not starting with a dot.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryMeta {
    title: Option<String>,
}

/// What one folder holds.
struct Listing {
    articles: Vec<PathBuf>,
    folders: Vec<PathBuf>,
    meta: Option<PathBuf>,
    others: Vec<PathBuf>,
}

fn list(dir: &Path) -> std::io::Result<Listing> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let mut listing = Listing {
        articles: vec![],
        folders: vec![],
        meta: None,
        others: vec![],
    };
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            // Hidden: editors' swap files, temporary files of atomic writes.
            continue;
        }
        if path.is_dir() {
            listing.folders.push(path);
        } else if name == STORY_META_FILE {
            listing.meta = Some(path);
        } else if is_article_file(&path) {
            listing.articles.push(path);
        } else {
            listing.others.push(path);
        }
    }
    Ok(listing)
}

fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// How far a load has come: story folders done out of the total, for a
/// progress display on another thread.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: std::sync::atomic::AtomicUsize,
    pub total: std::sync::atomic::AtomicUsize,
}

/// Loads every story under `root`.
pub fn load(root: &Path) -> Result<Corpus, CorpusError> {
    load_with_progress(root, &Progress::default())
}

/// [`load`], counting story folders in `progress` as they are done.
pub fn load_with_progress(root: &Path, progress: &Progress) -> Result<Corpus, CorpusError> {
    use std::sync::atomic::Ordering;
    if !root.exists() {
        return Err(CorpusError::NotFound(root.to_path_buf()));
    }
    if !root.is_dir() {
        return Err(CorpusError::NotADirectory(root.to_path_buf()));
    }
    let listing = list(root).map_err(|e| CorpusError::Unreadable(root.to_path_buf(), e))?;
    let mut problems = Vec::new();
    let mut stories = Vec::new();
    problems.extend(not_articles(&listing.others));
    if !listing.articles.is_empty() {
        let abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let id = abs
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("corpus")
            .to_string();
        stories.extend(load_story(root, id, &listing, &mut problems));
    } else if let Some(meta) = &listing.meta {
        problems.push(Problem {
            path: meta.clone(),
            reason: "story.toml without articles beside it".into(),
        });
    }
    // Stories are independent: read and analysed on all cores, each folder's
    // results kept in folder order.
    let folders = &listing.folders;
    progress.total.store(folders.len(), Ordering::Relaxed);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(folders.len().max(1));
    let chunk = folders.len().div_ceil(threads).max(1);
    let results: Vec<(Vec<Story>, Vec<Problem>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = folders
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|f| {
                            // A bug in one story must not take the others
                            // down: it becomes a problem naming the folder.
                            let r = std::panic::catch_unwind(|| load_folder(f)).unwrap_or_else(|_| {
                                let problem = Problem {
                                    path: f.clone(),
                                    reason: "this story could not be analysed (an internal error; please report it with the files)".into(),
                                };
                                (Vec::new(), vec![problem])
                            });
                            progress.done.fetch_add(1, Ordering::Relaxed);
                            r
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (s, p) in results {
        stories.extend(s);
        problems.extend(p);
    }
    if stories.is_empty() {
        problems.push(Problem {
            path: root.to_path_buf(),
            reason: "no stories found: no folder here holds .txt or .md articles".into(),
        });
    }
    stories.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Corpus {
        root: root.to_path_buf(),
        stories,
        problems,
    })
}

/// One story folder of the corpus: its story, if any, and its problems.
fn load_folder(folder: &Path) -> (Vec<Story>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut stories = Vec::new();
    let Some(id) = folder
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
    else {
        problems.push(Problem {
            path: folder.to_path_buf(),
            reason: "folder name is not UTF-8".into(),
        });
        return (stories, problems);
    };
    if id.starts_with('.') {
        return (stories, problems); // hidden folders (.git, .cache) are not stories
    }
    match list(folder) {
        Err(e) => problems.push(Problem {
            path: folder.to_path_buf(),
            reason: format!("cannot be read: {e}"),
        }),
        Ok(sub) => {
            problems.extend(not_articles(&sub.others));
            for nested in &sub.folders {
                problems.push(Problem {
                    path: nested.clone(),
                    reason: "folder inside a story folder is ignored (a corpus is at most two levels deep)".into(),
                });
            }
            if sub.articles.is_empty() {
                problems.push(Problem {
                    path: folder.to_path_buf(),
                    reason: "folder holds no .txt or .md articles".into(),
                });
            } else {
                stories.extend(load_story(folder, id, &sub, &mut problems));
            }
        }
    }
    (stories, problems)
}

/// A problem for each file that is not an article.
fn not_articles(paths: &[PathBuf]) -> impl Iterator<Item = Problem> + '_ {
    paths.iter().map(|path| Problem {
        path: path.clone(),
        reason: not_an_article_reason(path),
    })
}

fn not_an_article_reason(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("not an article: .{ext} files are not read (only .txt and .md)"),
        None => "not an article: only .txt and .md files are read".into(),
    }
}

/// Why `path` may not be read as part of the story folder `root`
/// (canonical): a symbolic link that leads out of it.
fn outside(path: &Path, root: &Path) -> Option<String> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return None;
    }
    match path.canonicalize() {
        Ok(target) if target.starts_with(root) => None,
        Ok(target) => Some(format!(
            "symbolic link to {}, outside the story folder: not read (copy the file in instead)",
            target.display()
        )),
        Err(e) => Some(format!("symbolic link that cannot be followed: {e}")),
    }
}

fn load_story(
    dir: &Path,
    id: String,
    listing: &Listing,
    problems: &mut Vec<Problem>,
) -> Option<Story> {
    if !is_valid_id(&id) {
        problems.push(Problem {
            path: dir.to_path_buf(),
            reason: "folder name cannot be a story id (use letters, digits, '-', '_' and '.')"
                .into(),
        });
        return None;
    }
    let mut articles: Vec<Article> = Vec::new();
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    for path in &listing.articles {
        if let Some(reason) = outside(path, &root) {
            problems.push(Problem {
                path: path.clone(),
                reason,
            });
            continue;
        }
        match Article::load(path) {
            Ok(article) if articles.iter().any(|a| a.id == article.id) => problems.push(Problem {
                path: path.clone(),
                reason: format!(
                    "another file of this story already has the id {}",
                    article.id
                ),
            }),
            Ok(article) if articles.iter().any(|a| a.text == article.text) => {
                let first = articles.iter().find(|a| a.text == article.text);
                problems.push(Problem {
                    path: path.clone(),
                    reason: format!(
                        "duplicate: the same text as {} of this story",
                        first.map(|a| a.file.as_str()).unwrap_or("another file")
                    ),
                })
            }
            Ok(article) => articles.push(article),
            Err(reason) => problems.push(Problem {
                path: path.clone(),
                reason,
            }),
        }
    }
    if articles.is_empty() {
        problems.push(Problem {
            path: dir.to_path_buf(),
            reason: "no article of this story could be loaded".into(),
        });
        return None;
    }
    let meta_title = listing.meta.as_ref().and_then(|path| {
        let parsed = fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|s| toml::from_str::<StoryMeta>(&s).map_err(|e| e.message().to_string()));
        match parsed {
            Ok(meta) => meta.title.filter(|t| !t.trim().is_empty()),
            Err(e) => {
                problems.push(Problem {
                    path: path.clone(),
                    reason: format!("story.toml ignored: {e}"),
                });
                None
            }
        }
    });
    let (title, title_inferred) = match meta_title {
        Some(t) => (t, false),
        None => (articles[0].title.clone(), true),
    };
    let analysis = crate::align::analyze(&articles);
    Some(Story {
        id,
        title,
        title_inferred,
        dir: dir.to_path_buf(),
        articles,
        analysis,
    })
}

#[cfg(test)]
mod tests {
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
