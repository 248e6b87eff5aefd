//! Where stories are read and where the browser may write: the corpus
//! folder and the user's workspace.
//!
//! In: a [`Sources`]: the corpus folder given with `--corpus` (the bundled
//! seeds by default), whether it may be written, and the workspace folder.
//! Out: one [`Corpus`] with the stories of both, each marked with its
//! [`Storage`], and the folder a new story or article must go to.
//!
//! Rules:
//! - The workspace is the platform's data folder for Mizan
//!   (`$XDG_DATA_HOME/mizan`, else `~/.local/share/mizan`) unless one is
//!   chosen. It is created only when something is written to it.
//! - A read-only corpus (the bundled seeds, any folder inside the project's
//!   repository, a folder the user cannot write) is never written: adding an
//!   article to one of its stories first copies the story folder into the
//!   workspace, under the same id, and writes there.
//! - A story in the workspace hides the corpus story of the same id: that is
//!   the copy the user extended. Links keep working since the id is kept.
//! - New stories go to the corpus only when it is writable and holds story
//!   folders; a one-story folder never gets story folders inside it, and
//!   they go to the workspace instead.

use super::{Corpus, CorpusError, Problem, ProblemKind, Story};
use std::fs;
use std::path::{Path, PathBuf};

/// Whether a story may be written where it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Storage {
    /// In a corpus folder the user gave and may write: written in place.
    #[default]
    Corpus,
    /// In a read-only corpus (the bundled seeds): copied to the workspace
    /// before anything is added.
    ReadOnly,
    /// In the workspace: written in place.
    Workspace,
}

/// The folders a server reads, and which of them it may write.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The corpus folder (one story, or a folder of story folders).
    pub corpus: PathBuf,
    /// Whether the corpus folder may be written.
    pub corpus_writable: bool,
    /// The workspace folder; `None` when no data folder could be found
    /// (then only a writable corpus takes new articles).
    pub workspace: Option<PathBuf>,
}

impl Sources {
    /// Only `corpus`, written in place: what [`super::load`] serves.
    pub fn folder(corpus: &Path) -> Sources {
        Sources {
            corpus: corpus.to_path_buf(),
            corpus_writable: true,
            workspace: None,
        }
    }
}

/// The default workspace: `$XDG_DATA_HOME/mizan`, else
/// `$HOME/.local/share/mizan`; `None` without either variable.
pub fn default_workspace() -> Option<PathBuf> {
    let non_empty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(x) = non_empty("XDG_DATA_HOME") {
        return Some(PathBuf::from(x).join("mizan"));
    }
    non_empty("HOME").map(|h| PathBuf::from(h).join(".local/share/mizan"))
}

/// True when `path` lies inside the repository Mizan was built from (its
/// `Cargo.toml` folder), which nothing may write.
pub fn inside_repository(path: &Path) -> bool {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    match (path.canonicalize(), repo.canonicalize()) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    }
}

/// True when the folder's permissions let someone write it (a cheap check
/// that writes nothing; a failed write is still reported when it happens).
pub fn looks_writable(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_dir() && !m.permissions().readonly())
}

/// Loads the corpus and the workspace of `sources` as one corpus.
pub fn load_sources(sources: &Sources) -> Result<Corpus, CorpusError> {
    load_sources_with_progress(sources, &super::Progress::default())
}

/// [`load_sources`], counting the corpus's story folders in `progress`.
pub fn load_sources_with_progress(
    sources: &Sources,
    progress: &super::Progress,
) -> Result<Corpus, CorpusError> {
    let mut corpus = super::load_with_progress(&sources.corpus, progress)?;
    let corpus_storage = if sources.corpus_writable {
        Storage::Corpus
    } else {
        Storage::ReadOnly
    };
    for s in &mut corpus.stories {
        s.storage = corpus_storage;
    }
    corpus.sources = sources.clone();
    // The analyses are kept in the workspace across restarts.
    if let Some(ws) = sources.workspace.as_deref() {
        corpus.use_cache(ws.join(super::cache::FOLDER));
    }
    let Some(ws) = sources.workspace.as_deref().filter(|w| w.is_dir()) else {
        return Ok(corpus);
    };
    let mut own = super::load(ws)?;
    // An empty workspace is the normal case, not a problem to show.
    own.problems.retain(|p| p.kind != ProblemKind::NoStories);
    if has_articles_at_top(ws) {
        own.problems.push(Problem {
            path: ws.to_path_buf(),
            kind: ProblemKind::NestedFolder,
            reason: "articles directly in the workspace: it holds story folders".into(),
        });
        own.stories.clear();
    }
    let mut stories: Vec<Story> = own
        .stories
        .into_iter()
        .map(|mut s| {
            s.storage = Storage::Workspace;
            s
        })
        .collect();
    corpus
        .stories
        .retain(|s| !stories.iter().any(|w| w.id == s.id));
    stories.append(&mut corpus.stories);
    stories.sort_by(|a, b| a.id.cmp(&b.id));
    for s in &mut stories {
        s.cache = corpus.cache.clone();
    }
    corpus.stories = stories;
    corpus.problems.extend(own.problems);
    Ok(corpus)
}

fn has_articles_at_top(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().is_file() && super::is_article_path(&e.path()))
    })
}

/// Why no folder can take a write.
#[derive(Debug)]
pub enum PlaceError {
    /// The corpus is read-only and there is no workspace.
    NoWorkspace,
    /// Copying the story into the workspace failed.
    Copy(PathBuf, std::io::Error),
}

impl std::fmt::Display for PlaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaceError::NoWorkspace => write!(f, "no workspace folder (HOME is not set)"),
            PlaceError::Copy(p, e) => write!(f, "cannot copy the story to {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for PlaceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PlaceError::NoWorkspace => None,
            PlaceError::Copy(_, e) => Some(e),
        }
    }
}

/// The folder a new article of `story` goes to. A read-only story is first
/// copied (its visible files) into the workspace under its id; the second
/// value says whether that copy was made now.
pub fn folder_for_article(corpus: &Corpus, story: &Story) -> Result<(PathBuf, bool), PlaceError> {
    match story.storage {
        Storage::Corpus | Storage::Workspace => Ok((story.dir.clone(), false)),
        Storage::ReadOnly => {
            let ws = corpus
                .sources
                .workspace
                .as_deref()
                .ok_or(PlaceError::NoWorkspace)?;
            let target = ws.join(&story.id);
            copy_story(&story.dir, &target).map_err(|e| PlaceError::Copy(target.clone(), e))?;
            Ok((target, true))
        }
    }
}

/// The folder a new story `id` goes to: in the corpus when it is writable
/// and a folder of story folders, else in the workspace.
pub fn folder_for_story(corpus: &Corpus, id: &str) -> Result<PathBuf, PlaceError> {
    let src = &corpus.sources;
    if src.corpus_writable && !has_articles_at_top(&src.corpus) {
        return Ok(src.corpus.join(id));
    }
    src.workspace
        .as_deref()
        .map(|w| w.join(id))
        .ok_or(PlaceError::NoWorkspace)
}

/// Copies the visible files of `from` (articles, `story.toml`) into the new
/// folder `to`, each written atomically; a folder already at `to` is
/// completed, never overwritten file by file.
fn copy_story(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for e in fs::read_dir(from)?.flatten() {
        let path = e.path();
        let name = e.file_name();
        let visible = name.to_str().is_some_and(|n| !n.starts_with('.'));
        if !visible || !path.is_file() || to.join(&name).exists() {
            continue;
        }
        let tmp = to.join(format!(".{}.copy", name.to_string_lossy()));
        fs::copy(&path, &tmp)?;
        fs::File::open(&tmp)?.sync_all()?;
        fs::rename(&tmp, to.join(&name))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("mizan-ws-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_read_only_story_is_copied_to_the_workspace_and_shadows_the_original() {
        let base = tmp("copy");
        let bundled = base.join("bundled");
        fs::create_dir_all(&bundled).unwrap();
        fs::write(bundled.join("a.txt"), "اندلع حريق في سوق المدينة القديمة.").unwrap();
        fs::write(bundled.join("b.txt"), "أخمد رجال الإطفاء حريق السوق.").unwrap();
        let sources = Sources {
            corpus: bundled.clone(),
            corpus_writable: false,
            workspace: Some(base.join("ws")),
        };
        let corpus = load_sources(&sources).unwrap();
        let story = &corpus.stories[0];
        assert_eq!(story.storage, Storage::ReadOnly);
        let (dir, copied) = folder_for_article(&corpus, story).unwrap();
        assert!(copied);
        assert_eq!(dir, base.join("ws").join(&story.id));
        assert!(dir.join("a.txt").is_file() && dir.join("b.txt").is_file());
        fs::write(dir.join("c.txt"), "وقال شاهد إن الحريق بدأ فجرًا.").unwrap();
        let corpus = load_sources(&sources).unwrap();
        assert_eq!(corpus.stories.len(), 1, "the copy hides the original");
        assert_eq!(corpus.stories[0].storage, Storage::Workspace);
        assert_eq!(corpus.stories[0].articles.len(), 3);
        // The bundled folder is untouched.
        assert_eq!(fs::read_dir(&bundled).unwrap().count(), 2);
        // New stories go to the workspace, never inside the one-story folder.
        assert_eq!(
            folder_for_story(&corpus, "new").unwrap(),
            base.join("ws").join("new")
        );
        fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn a_writable_folder_of_stories_takes_new_stories_in_place() {
        let base = tmp("place");
        fs::create_dir_all(base.join("fire")).unwrap();
        fs::write(base.join("fire/a.txt"), "اندلع حريق في سوق المدينة.").unwrap();
        let corpus = load_sources(&Sources::folder(&base)).unwrap();
        assert_eq!(
            folder_for_story(&corpus, "flood").unwrap(),
            base.join("flood")
        );
        let story = &corpus.stories[0];
        assert_eq!(
            folder_for_article(&corpus, story).unwrap(),
            (story.dir.clone(), false)
        );
        // A one-story folder without a workspace cannot take a new story.
        let one = base.join("fire");
        let corpus = load_sources(&Sources::folder(&one)).unwrap();
        assert!(matches!(
            folder_for_story(&corpus, "x"),
            Err(PlaceError::NoWorkspace)
        ));
        fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn the_repository_is_recognised() {
        assert!(inside_repository(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("seeds")
                .as_path()
        ));
        assert!(!inside_repository(&std::env::temp_dir()));
    }
}
