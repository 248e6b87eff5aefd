//! Reading a corpus folder: listing story folders, loading their articles
//! on all cores, and analysing each story.
//!
//! In: a corpus folder. Out: the [`Corpus`] and the [`Problem`]s of every
//! file that was skipped. The rules are in the parent module's
//! documentation.

use super::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryMeta {
    title: Option<String>,
    /// A fixed story id, so that links survive a renamed folder.
    id: Option<String>,
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

pub(super) fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// How far a load has come: story folders done out of the total, for a
/// progress display on another thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Story folders loaded and analysed so far.
    pub done: std::sync::atomic::AtomicUsize,
    /// Story folders to load in all; 0 until the corpus folder is listed.
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
            kind: ProblemKind::MetaWithoutArticles,
            reason: "story.toml without articles beside it".into(),
        });
    }
    // Stories are independent: read and analysed on all cores, each folder's
    // results kept in folder order.
    let folders = &listing.folders;
    progress.total.store(folders.len(), Ordering::Relaxed);
    use rayon::prelude::*;
    let results: Vec<(Vec<Story>, Vec<Problem>)> = folders
        .par_iter()
        .map(|f| {
            // A bug in one story must not take the others down: it becomes
            // a problem naming the folder.
            let r = std::panic::catch_unwind(|| load_folder(f)).unwrap_or_else(|_| {
                let problem = Problem {
                    path: f.clone(),
                    kind: ProblemKind::Internal,
                    reason: "this story could not be analysed (an internal error; please report it with the files)".into(),
                };
                (Vec::new(), vec![problem])
            });
            progress.done.fetch_add(1, Ordering::Relaxed);
            r
        })
        .collect();
    for (s, p) in results {
        stories.extend(s);
        problems.extend(p);
    }
    if stories.is_empty() {
        problems.push(Problem {
            path: root.to_path_buf(),
            kind: ProblemKind::NoStories,
            reason: "no stories found: no folder here holds .txt or .md articles".into(),
        });
    }
    stories.sort_by(|a, b| a.id.cmp(&b.id));
    // Two stories with one id (a story.toml id equal to another folder's
    // name): the first in folder order is kept, the other reported.
    let mut seen = std::collections::HashSet::new();
    stories.retain(|s| {
        let first = seen.insert(s.id.clone());
        if !first {
            problems.push(Problem {
                path: s.dir.clone(),
                kind: ProblemKind::DuplicateId,
                reason: format!("another story already has the id {}", s.id),
            });
        }
        first
    });
    Ok(Corpus {
        root: root.to_path_buf(),
        stories,
        problems,
        sources: super::Sources::folder(root),
        cache: None,
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
            kind: ProblemKind::BadFolderName,
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
            kind: ProblemKind::UnreadableFolder,
            reason: format!("cannot be read: {e}"),
        }),
        Ok(sub) => {
            problems.extend(not_articles(&sub.others));
            for nested in &sub.folders {
                problems.push(Problem {
                    path: nested.clone(),
                    kind: ProblemKind::NestedFolder,
                    reason: "folder inside a story folder is ignored (a corpus is at most two levels deep)".into(),
                });
            }
            if sub.articles.is_empty() {
                problems.push(Problem {
                    path: folder.to_path_buf(),
                    kind: ProblemKind::NoArticles,
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
        kind: not_an_article_kind(path),
        reason: not_an_article_reason(path),
    })
}

/// Files of word processors and PDF: their text must be copied out.
const DOCUMENTS: &[&str] = &["docx", "doc", "pdf", "odt", "rtf", "pages"];

fn not_an_article_kind(path: &Path) -> ProblemKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match ext {
        Some(e) if DOCUMENTS.contains(&e.as_str()) => ProblemKind::Document,
        _ => ProblemKind::NotAnArticle,
    }
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
            kind: ProblemKind::BadFolderName,
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
                kind: ProblemKind::Link,
                reason,
            });
            continue;
        }
        match Article::load(path) {
            Ok(article) if articles.iter().any(|a| a.id == article.id) => problems.push(Problem {
                path: path.clone(),
                kind: ProblemKind::DuplicateId,
                reason: format!(
                    "another file of this story already has the id {}",
                    article.id
                ),
            }),
            Ok(article) if articles.iter().any(|a| a.text == article.text) => {
                let first = articles.iter().find(|a| a.text == article.text);
                problems.push(Problem {
                    path: path.clone(),
                    kind: ProblemKind::DuplicateText,
                    reason: format!(
                        "duplicate: the same text as {} of this story",
                        first.map(|a| a.file.as_str()).unwrap_or("another file")
                    ),
                })
            }
            Ok(article) => articles.push(article),
            Err(e) => problems.push(Problem {
                path: path.clone(),
                kind: ProblemKind::Article(e.kind()),
                reason: e.to_string(),
            }),
        }
    }
    if articles.is_empty() {
        problems.push(Problem {
            path: dir.to_path_buf(),
            kind: ProblemKind::NoArticleLoaded,
            reason: "no article of this story could be loaded".into(),
        });
        return None;
    }
    let meta = listing.meta.as_ref().and_then(|path| {
        let parsed = fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|s| toml::from_str::<StoryMeta>(&s).map_err(|e| e.message().to_string()));
        match parsed {
            Ok(meta) => Some((path, meta)),
            Err(e) => {
                problems.push(Problem {
                    path: path.clone(),
                    kind: ProblemKind::BadMeta,
                    reason: format!("story.toml ignored: {e}"),
                });
                None
            }
        }
    });
    // A story may fix its id (id = "…"), so that shared links survive a
    // renamed folder; an id that cannot be one is reported and the
    // folder's name kept.
    let id = match meta
        .as_ref()
        .and_then(|(path, m)| Some((path, m.id.as_ref()?)))
    {
        Some((_, fixed)) if is_valid_id(fixed) => fixed.clone(),
        Some((path, fixed)) => {
            problems.push(Problem {
                path: (*path).clone(),
                kind: ProblemKind::BadMeta,
                reason: format!(
                    "story.toml id {fixed:?} cannot be a story id; the folder's name is used"
                ),
            });
            id
        }
        None => id,
    };
    let meta_title = meta.and_then(|(_, m)| m.title.filter(|t| !t.trim().is_empty()));
    let (title, title_inferred) = match meta_title {
        Some(t) => (t, false),
        None => (shared_headline(&articles), true),
    };
    Some(Story {
        id,
        title,
        title_inferred,
        dir: dir.to_path_buf(),
        storage: super::Storage::Corpus,
        articles,
        analysis: Default::default(),
        cache: None,
    })
}

/// A story's title without `story.toml`: the headline that shares most
/// words with the other articles' headlines (the one most sources agree
/// on), else the earliest published article's headline, else the first
/// article's; a title cut from a first sentence only when no article has
/// a headline of its own.
fn shared_headline(articles: &[Article]) -> String {
    let words = |t: &str| -> std::collections::BTreeSet<String> {
        t.split_whitespace()
            .map(crate::text::normalize::normalize)
            .filter(|w| w.chars().count() > 2)
            .collect()
    };
    let headed: Vec<&Article> = articles.iter().filter(|a| !a.title_inferred).collect();
    let pool: Vec<&Article> = if headed.is_empty() {
        articles.iter().collect()
    } else {
        headed
    };
    let sets: Vec<_> = pool.iter().map(|a| words(&a.title)).collect();
    // How many headlines hold each word: a headline's score is the number
    // of (word, other headline) pairs it shares, counted in one pass.
    let mut df: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for set in &sets {
        for w in set {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let shared = |i: usize| -> usize { sets[i].iter().map(|w| df[w.as_str()] - 1).sum() };
    let published = |a: &Article| {
        a.front_matter
            .as_ref()
            .and_then(|f| f.published)
            .or(a.inferred_published)
            .map(|p| p.utc_minutes().unwrap_or_else(|| p.day_minutes()))
    };
    let best = (0..pool.len()).max_by(|&i, &j| {
        shared(i)
            .cmp(&shared(j))
            // Then the earliest published (unknown times last), then file order.
            .then_with(|| match (published(pool[j]), published(pool[i])) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| j.cmp(&i))
    });
    best.map(|i| pool[i].title.clone()).unwrap_or_default()
}

#[cfg(test)]
mod title_tests {
    use super::*;

    fn article(name: &str, text: &str) -> Article {
        Article::from_text(name.into(), text.into()).unwrap()
    }

    #[test]
    fn the_title_is_the_headline_the_sources_share() {
        let a = article(
            "a.txt",
            "عاجل: أنباء أولية\nقال شهود إن دوي انفجار سمع في المدينة.\n",
        );
        let b = article(
            "b.txt",
            "انفجار يهز مصنع الكيماويات في الزرقاء\nانفجر خزان في المصنع فجر الاثنين.\n",
        );
        let c = article(
            "c.txt",
            "قتلى في انفجار مصنع الكيماويات بالزرقاء\nقتل 12 شخصا في الانفجار.\n",
        );
        let title = shared_headline(&[a, b, c]);
        assert!(title.contains("مصنع الكيماويات"), "{title}");
        // No headline anywhere: the earliest published article's first words.
        let early = article(
            "z.txt",
            "---\npublished: 2024-01-01\n---\nوقع زلزال بقوة ست درجات شرق البلاد صباح اليوم وفق المرصد الوطني.\n",
        );
        let late = article(
            "a.txt",
            "---\npublished: 2024-01-02\n---\nارتفعت حصيلة ضحايا الزلزال الذي ضرب شرق البلاد إلى عشرين قتيلا.\n",
        );
        assert!(shared_headline(&[late, early]).starts_with("وقع زلزال"));
    }
}
