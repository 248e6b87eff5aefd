//! Adding articles to the corpus folder: validated, then written atomically.
//!
//! In: a [`NewArticle`] (text and optional metadata) and the story folder.
//! Out: the path of the new file, or an [`AddError`] saying what is wrong
//! (its `Display` is a technical English message; the web layer words it
//! for the user); nothing is written then.
//!
//! Rules:
//! - The text must be non-empty, at most [`MAX_ARTICLE_BYTES`], and not the
//!   same text (white space folded) as an article already in the story.
//! - Metadata given with the article becomes its front matter
//!   ([`super::front_matter`]); the text itself is stored as given.
//! - The file name is the given name made safe, or `article-` and a hash of
//!   the text; an existing name gets `-2`, `-3` … so nothing is replaced.
//! - The write is atomic: a hidden temporary file in the same folder is
//!   written and flushed to disk, then renamed to its name, and the folder
//!   is flushed. A crash leaves either the whole article or no article
//!   (at most a hidden temporary file, which loading ignores).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Largest article accepted: far above any news article (the seeds are
/// 4 KB), small enough that a wrong file (a video, a database) is refused.
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;

/// Environment variable that makes the writer pause (milliseconds) after
/// the temporary file is on disk and before the rename: only for the test
/// that kills the process at that moment.
pub const PAUSE_BEFORE_RENAME_ENV: &str = "MIZAN_TEST_PAUSE_BEFORE_RENAME_MS";

/// An article to add, as the user gave it: its text and optional metadata
/// (an empty string is a field not given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewArticle {
    /// Wanted file name (without extension); made safe, may be empty.
    pub name: String,
    /// The article text, stored as given.
    pub text: String,
    /// Headline for the front matter's `title`.
    pub title: String,
    /// The outlet, for the front matter's `source`.
    pub source: String,
    /// Address of the original, for the front matter's `url`; must start with
    /// `http://` or `https://`.
    pub url: String,
    /// ISO date or date-time, as typed.
    pub published: String,
}

/// Why an article was not added; its `Display` is a technical message in
/// English (the pages say it in Arabic: `web::problems::add_message`).
#[derive(Debug)]
pub enum AddError {
    /// The text is empty or only white space.
    Empty,
    /// The text is larger than [`MAX_ARTICLE_BYTES`]; its size in bytes.
    TooLarge(usize),
    /// The same text (white space folded) is already in the story: that
    /// article's id.
    Duplicate(String),
    /// A metadata value cannot go into front matter: what is wrong.
    BadMetadata(String),
    /// Writing the file failed: the system's error (its source).
    Io(std::io::Error),
}

impl std::fmt::Display for AddError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AddError::Empty => write!(f, "the article text is empty"),
            AddError::TooLarge(n) => write!(
                f,
                "the article is {n} bytes, over the limit of {MAX_ARTICLE_BYTES} bytes"
            ),
            AddError::Duplicate(id) => write!(f, "the same text is already article {id}"),
            AddError::BadMetadata(m) => write!(f, "metadata cannot go into front matter: {m}"),
            AddError::Io(m) => write!(f, "the article could not be written: {m}"),
        }
    }
}

impl std::error::Error for AddError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AddError::Io(e) => Some(e),
            AddError::Empty
            | AddError::TooLarge(_)
            | AddError::Duplicate(_)
            | AddError::BadMetadata(_) => None,
        }
    }
}

impl AddError {
    /// The technical detail behind the message (the front-matter check's
    /// or the system's own words), shown smaller after it; `None` when the
    /// message says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            AddError::BadMetadata(m) => Some(m.clone()),
            AddError::Io(e) => Some(e.to_string()),
            AddError::Empty | AddError::TooLarge(_) | AddError::Duplicate(_) => None,
        }
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A file-name stem from `name`: letters, digits, `-` and `_`, other runs
/// as one `-`.
pub fn safe_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars().take(80).collect()
}

fn hash8(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// The file content: front matter from the metadata, then the text.
pub fn file_content(a: &NewArticle) -> Result<String, AddError> {
    let mut fm = String::new();
    let clean = |v: &str| v.replace(['\n', '\r'], " ").trim().to_string();
    for (key, value) in [
        ("title", &a.title),
        ("source", &a.source),
        ("url", &a.url),
        ("published", &a.published),
    ] {
        let v = clean(value);
        if !v.is_empty() {
            fm.push_str(&format!("{key}: {v}\n"));
        }
    }
    if fm.is_empty() {
        return Ok(a.text.clone());
    }
    let content = format!("---\n{fm}---\n{}", a.text);
    let parsed = super::front_matter::parse(&content)
        .ok_or_else(|| AddError::BadMetadata("front matter".into()))?;
    if let Some(p) = parsed.problems.first() {
        return Err(AddError::BadMetadata(p.message.clone()));
    }
    Ok(content)
}

/// Checks `a` against the articles already in `existing` (id, text).
pub fn validate(a: &NewArticle, existing: &[(String, String)]) -> Result<String, AddError> {
    if a.text.trim().is_empty() {
        return Err(AddError::Empty);
    }
    if a.text.len() > MAX_ARTICLE_BYTES {
        return Err(AddError::TooLarge(a.text.len()));
    }
    let folded = fold(&a.text);
    for (id, text) in existing {
        let body = match super::front_matter::parse(text) {
            Some(fm) => &text[fm.end..],
            None => text.as_str(),
        };
        if fold(body) == folded {
            return Err(AddError::Duplicate(id.clone()));
        }
    }
    file_content(a)
}

/// Writes `content` to the new file `path` atomically: a hidden temporary
/// file beside it, flushed to disk, renamed into place, and the folder
/// flushed. A file already at `path` is never replaced.
pub fn write_file_atomic(path: &Path, content: &str) -> Result<(), AddError> {
    let io = AddError::Io;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|f| f.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut f = fs::File::create(&tmp).map_err(io)?;
        f.write_all(content.as_bytes()).map_err(io)?;
        f.sync_all().map_err(io)?;
    }
    if let Some(ms) = std::env::var(PAUSE_BEFORE_RENAME_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        eprintln!("paused before rename: {}", tmp.display());
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    if path.exists() {
        let _ = fs::remove_file(&tmp);
        return Err(AddError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} appeared while writing", path.display()),
        )));
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io(e)
    })?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes `content` into `dir` under a free name from `name`, atomically;
/// the path written.
pub fn write_atomic(dir: &Path, name: &str, content: &str) -> Result<PathBuf, AddError> {
    let io = AddError::Io;
    fs::create_dir_all(dir).map_err(io)?;
    let stem = match safe_name(name) {
        s if s.is_empty() => format!("article-{}", hash8(content)),
        s => s,
    };
    // The article id is the stem, so neither a .txt nor a .md may hold it.
    let taken =
        |s: &str| dir.join(format!("{s}.txt")).exists() || dir.join(format!("{s}.md")).exists();
    let mut free = stem.clone();
    let mut n = 2;
    while taken(&free) {
        free = format!("{stem}-{n}");
        n += 1;
    }
    let path = dir.join(format!("{free}.txt"));
    write_file_atomic(&path, content)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> NewArticle {
        NewArticle {
            text: text.into(),
            ..NewArticle::default()
        }
    }

    #[test]
    fn a_failed_write_keeps_the_systems_error_as_its_source() {
        use std::error::Error;
        let dir = std::env::temp_dir().join(format!("mizan-store-src-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A file in a folder that does not exist: its temporary file cannot
        // be created.
        let blocked = dir.join("blocked");
        let e = write_file_atomic(&blocked.join("x.txt"), "نص").unwrap_err();
        let source = e.source().expect("the I/O error is kept");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(e.detail(), Some(io.to_string()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_empty_large_and_duplicate_text() {
        let existing = vec![(
            "wire".to_string(),
            "---\nsource: وكالة\n---\nاندلع حريق في السوق.\n".to_string(),
        )];
        assert!(matches!(
            validate(&article("  \n"), &existing),
            Err(AddError::Empty)
        ));
        let big = "ن".repeat(MAX_ARTICLE_BYTES);
        assert!(matches!(
            validate(&article(&big), &existing),
            Err(AddError::TooLarge(_))
        ));
        assert!(matches!(
            validate(&article("اندلع  حريق\nفي السوق."), &existing),
            Err(AddError::Duplicate(id)) if id == "wire"
        ));
        assert!(validate(&article("أخمد الدفاع المدني الحريق."), &existing).is_ok());
    }

    #[test]
    fn errors_read_as_technical_english() {
        let errors = [
            AddError::Empty,
            AddError::TooLarge(MAX_ARTICLE_BYTES + 1),
            AddError::Duplicate("wire".into()),
            AddError::BadMetadata("published: not a date".into()),
            AddError::Io(std::io::Error::other("disk full")),
        ];
        for e in errors {
            let m = e.to_string();
            assert!(m.is_ascii() && !m.is_empty(), "{m}");
        }
        assert_eq!(
            AddError::Duplicate("wire".into()).to_string(),
            "the same text is already article wire"
        );
    }

    #[test]
    fn metadata_becomes_front_matter_and_is_checked() {
        let mut a = article("اندلع حريق في السوق.");
        a.source = "وكالة\nالشرق".into();
        a.published = "2024-03-01T10:00".into();
        let content = validate(&a, &[]).unwrap();
        assert_eq!(
            content,
            "---\nsource: وكالة الشرق\npublished: 2024-03-01T10:00\n---\nاندلع حريق في السوق."
        );
        a.published = "أمس".into();
        assert!(matches!(validate(&a, &[]), Err(AddError::BadMetadata(_))));
    }

    #[test]
    fn writes_atomically_under_a_free_safe_name() {
        let dir = std::env::temp_dir().join(format!("mizan-store-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let p1 = write_atomic(&dir, "وكالة الشرق/../عاجل", "نص أول").unwrap();
        assert_eq!(p1.file_name().unwrap(), "وكالة-الشرق-عاجل.txt");
        let p2 = write_atomic(&dir, "وكالة الشرق/../عاجل", "نص ثان").unwrap();
        assert_eq!(p2.file_name().unwrap(), "وكالة-الشرق-عاجل-2.txt");
        assert_eq!(fs::read_to_string(&p1).unwrap(), "نص أول");
        let p3 = write_atomic(&dir, "", "نص ثالث").unwrap();
        assert!(
            p3.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("article-")
        );
        // No temporary file is left behind.
        let hidden = fs::read_dir(&dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_str()
                    .unwrap()
                    .starts_with('.')
            })
            .count();
        assert_eq!(hidden, 0);
        fs::remove_dir_all(&dir).unwrap();
    }
}
