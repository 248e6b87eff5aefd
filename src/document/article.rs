//! One article: its file, original text, segments and title.
//!
//! In: a path to a `.txt` or `.md` file (or a name and its text). Out: an
//! [`Article`] whose `text` is the file's exact content, or a reason the file
//! cannot be one (not UTF-8, empty, unusable name).
//!
//! Rules:
//! - A front-matter block ([`super::front_matter`]) at the top is one
//!   `metadata` segment and never article text; the rest of the file is
//!   segmented with offsets into the whole file.
//! - The title is the front matter's `title`, else the text of the `title`
//!   segment when the article has one; otherwise it is inferred from the
//!   first sentence, cut to [`TITLE_FALLBACK_WORDS`] words, and
//!   `title_inferred` says so.

use super::front_matter::{self, FrontMatter, Published};
use crate::text::{Segment, SegmentKind, segment};
use std::fs;
use std::path::Path;

/// Words kept when a title is taken from the first sentence: enough to tell
/// articles apart in a list, short enough for one line.
pub const TITLE_FALLBACK_WORDS: usize = 12;

/// Largest file read as an article: a long feature is 100 KB; a file of
/// megabytes is a dump or a wrong file, and would hold up loading for
/// seconds.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// The first bytes of the documents people most often mistake for text:
/// PDF, Office (zip and the older compound file), PNG, JPEG and GIF. A
/// file that starts so and is not UTF-8 is a binary file, whatever bytes
/// follow.
const BINARY_SIGNATURES: &[&[u8]] = &[
    b"%PDF-",
    b"PK\x03\x04",
    b"\xD0\xCF\x11\xE0",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
];

/// The text of a file: UTF-8 as it is; UTF-16 with a byte-order mark
/// converted (its offsets are then into the UTF-8 text, and
/// `converted_from` says so); anything else refused with the offset of the
/// first bad byte.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Option<&'static str>), ArticleError> {
    let utf16 = |le: bool| -> Result<(String, Option<&'static str>), ArticleError> {
        let body = &bytes[2..];
        if !body.len().is_multiple_of(2) {
            return Err(ArticleError::Utf16OddLength);
        }
        let units = body.chunks(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(|t| (t, Some(if le { "UTF-16LE" } else { "UTF-16BE" })))
            .map_err(ArticleError::Utf16Broken)
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => return utf16(true),
        Some([0xFE, 0xFF]) => return utf16(false),
        _ => {}
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok((t, None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let head = &e.as_bytes()[..e.as_bytes().len().min(512)];
            let binary = BINARY_SIGNATURES.iter().any(|sig| head.starts_with(sig))
                || head.iter().any(|&b| b == 0 || b < 0x09);
            Err(if binary {
                ArticleError::Binary { offset: at }
            } else {
                ArticleError::NotUtf8 { offset: at }
            })
        }
    }
}

/// Why a file is not an article.
#[derive(Debug)]
pub enum ArticleError {
    /// The file name is not UTF-8.
    NameNotUtf8,
    /// The file cannot be read.
    Unreadable(std::io::Error),
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// UTF-16 with a byte-order mark and an odd number of bytes.
    Utf16OddLength,
    /// UTF-16 that does not decode.
    Utf16Broken(std::char::DecodeUtf16Error),
    /// A binary file (a PDF, a Word document, an image).
    Binary {
        /// Byte offset of the first byte that is not text.
        offset: usize,
    },
    /// Text in another encoding than UTF-8.
    NotUtf8 {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The file name cannot be an article id.
    BadId,
    /// The file holds no text.
    Empty,
}

/// [`ArticleError`] without its detail: what a page words its message by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ArticleErrorKind {
    /// The file name is not UTF-8.
    NameNotUtf8,
    /// The file cannot be read.
    Unreadable,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Text in an encoding Mizan does not read (broken UTF-16, not UTF-8).
    Encoding,
    /// A binary file.
    Binary,
    /// The file name cannot be an article id.
    BadId,
    /// The file holds no text.
    Empty,
}

impl ArticleError {
    /// The kind of the error.
    pub fn kind(&self) -> ArticleErrorKind {
        match self {
            ArticleError::NameNotUtf8 => ArticleErrorKind::NameNotUtf8,
            ArticleError::Unreadable(_) => ArticleErrorKind::Unreadable,
            ArticleError::TooLarge { .. } => ArticleErrorKind::TooLarge,
            ArticleError::Utf16OddLength
            | ArticleError::Utf16Broken(_)
            | ArticleError::NotUtf8 { .. } => ArticleErrorKind::Encoding,
            ArticleError::Binary { .. } => ArticleErrorKind::Binary,
            ArticleError::BadId => ArticleErrorKind::BadId,
            ArticleError::Empty => ArticleErrorKind::Empty,
        }
    }
}

impl std::fmt::Display for ArticleError {
    /// The technical detail, in English, for logs and the second line of a
    /// page's message (pages write their own Arabic).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArticleError::NameNotUtf8 => write!(f, "file name is not UTF-8"),
            ArticleError::Unreadable(e) => write!(f, "cannot be read: {e}"),
            ArticleError::TooLarge { size } => write!(
                f,
                "too large for an article ({size} bytes; the limit is {MAX_FILE_BYTES})"
            ),
            ArticleError::Utf16OddLength => {
                write!(
                    f,
                    "UTF-16 with an odd number of bytes: the file is cut short"
                )
            }
            ArticleError::Utf16Broken(e) => write!(f, "broken UTF-16 ({e})"),
            ArticleError::Binary { offset } => {
                write!(f, "a binary file, not text (bad byte at offset {offset})")
            }
            ArticleError::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {offset})")
            }
            ArticleError::BadId => write!(
                f,
                "file name cannot be an article id (use letters, digits, '-', '_' and '.')"
            ),
            ArticleError::Empty => write!(f, "empty file: it holds no text"),
        }
    }
}

impl std::error::Error for ArticleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ArticleError::Unreadable(e) => Some(e),
            ArticleError::Utf16Broken(e) => Some(e),
            ArticleError::NameNotUtf8
            | ArticleError::TooLarge { .. }
            | ArticleError::Utf16OddLength
            | ArticleError::Binary { .. }
            | ArticleError::NotUtf8 { .. }
            | ArticleError::BadId
            | ArticleError::Empty => None,
        }
    }
}

/// One article: a file's exact text, its front matter and its segments with
/// byte offsets into that text.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// The file name without its extension; stable across restarts.
    pub id: String,
    /// The file name inside the story folder.
    pub file: String,
    /// The file's exact content.
    pub text: String,
    /// The segments in file order, with byte offsets into `text`.
    pub segments: Vec<Segment>,
    /// The title: from the front matter, else the title segment, else the first
    /// sentence cut to [`TITLE_FALLBACK_WORDS`] words.
    pub title: String,
    /// True when the title was cut from the first sentence, not given by the
    /// front matter or a headline.
    pub title_inferred: bool,
    /// The front matter, when the file has one.
    pub front_matter: Option<FrontMatter>,
    /// The file's encoding when it was not UTF-8 and was converted; the
    /// offsets are then into the converted text.
    pub converted_from: Option<&'static str>,
    /// Without front matter: the outlet named on a last line of its own.
    pub inferred_source: Option<String>,
    /// Without front matter: an ISO date on a metadata line (`date …`).
    pub inferred_published: Option<Published>,
}

impl Article {
    /// Reads and segments the file at `path`.
    pub fn load(path: &Path) -> Result<Article, ArticleError> {
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or(ArticleError::NameNotUtf8)?
            .to_string();
        let size = fs::metadata(path).map_err(ArticleError::Unreadable)?.len();
        if size > MAX_FILE_BYTES {
            return Err(ArticleError::TooLarge { size });
        }
        let bytes = fs::read(path).map_err(ArticleError::Unreadable)?;
        let (text, encoding) = decode(bytes)?;
        let mut article = Article::from_text(file, text)?;
        article.converted_from = encoding;
        Ok(article)
    }

    /// Builds an article from a file name and its content.
    pub fn from_text(file: String, text: String) -> Result<Article, ArticleError> {
        let id = Path::new(&file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        if !super::is_valid_id(&id) {
            return Err(ArticleError::BadId);
        }
        if text.trim().is_empty() {
            return Err(ArticleError::Empty);
        }
        let front_matter = front_matter::parse(&text);
        let segments = match &front_matter {
            None => segment(&text),
            Some(fm) => {
                let mut segs = vec![Segment {
                    start: 0,
                    end: text[..fm.end].trim_end().len(),
                    kind: SegmentKind::Metadata,
                    lang: "en",
                }];
                segs.extend(segment(&text[fm.end..]).into_iter().map(|mut s| {
                    s.start += fm.end;
                    s.end += fm.end;
                    s
                }));
                segs
            }
        };
        let (title, title_inferred) = match front_matter.as_ref().and_then(|f| f.title.clone()) {
            Some(t) => (t, false),
            None => infer_title(&text, &segments),
        };
        let (inferred_source, inferred_published) = match front_matter {
            None => (
                infer_source(&text, &segments),
                infer_published(&text, &segments),
            ),
            Some(_) => (None, None),
        };
        Ok(Article {
            id,
            file,
            text,
            segments,
            title,
            title_inferred,
            inferred_source,
            inferred_published,
            front_matter,
            converted_from: None,
        })
    }

    /// The text of `segment`, a segment of this article.
    pub fn segment_text(&self, segment: &Segment) -> &str {
        segment.text(&self.text)
    }

    /// How many segments of `kind` the article has.
    pub fn count(&self, kind: SegmentKind) -> usize {
        self.segments.iter().filter(|s| s.kind == kind).count()
    }
}

/// The outlet of a last line that is only an outlet name (the segmenter
/// made it boilerplate).
fn infer_source(text: &str, segments: &[Segment]) -> Option<String> {
    let last = segments.last()?;
    let line = last.text(text).trim();
    (last.kind == SegmentKind::Boilerplate
        && segments.len() > 1
        && crate::text::segment::lines::is_outlet_line(line))
    .then(|| line.to_string())
}

/// The first ISO date (and time) on a metadata segment.
fn infer_published(text: &str, segments: &[Segment]) -> Option<Published> {
    static ISO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?")
            .expect("valid regex")
    });
    segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Metadata)
        .find_map(|s| {
            ISO.find_iter(s.text(text))
                .find_map(|m| front_matter::parse_published(m.as_str()))
        })
}

fn infer_title(text: &str, segments: &[Segment]) -> (String, bool) {
    if let Some(t) = segments.iter().find(|s| s.kind == SegmentKind::Title) {
        return (
            t.text(text).trim_start_matches('\u{feff}').to_string(),
            false,
        );
    }
    let first = segments
        .iter()
        .find(|s| s.kind == SegmentKind::Sentence)
        .or_else(|| segments.iter().find(|s| s.kind != SegmentKind::Metadata))
        .or(segments.first());
    let Some(first) = first else {
        return (String::new(), true);
    };
    let words: Vec<&str> = first
        .text(text)
        .trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect();
    let mut title = words[..words.len().min(TITLE_FALLBACK_WORDS)].join(" ");
    if words.len() > TITLE_FALLBACK_WORDS {
        title.push('…');
    }
    (title, true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pdf_or_office_file_is_binary_not_badly_encoded() {
        for head in [
            &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..],
            b"PK\x03\x04\x14\x00\x06\x00\xc8",
        ] {
            assert!(matches!(
                super::decode(head.to_vec()),
                Err(super::ArticleError::Binary { .. })
            ));
        }
        // Latin-1 text stays a text in the wrong encoding.
        assert!(matches!(
            super::decode(b"caf\xe9 au lait".to_vec()),
            Err(super::ArticleError::NotUtf8 { .. })
        ));
    }

    use super::*;

    #[test]
    fn headline_is_the_title() {
        let a = Article::from_text(
            "x.txt".into(),
            "فيضانات في ليبيا\nغمرت المياه مدينة درنة.".into(),
        )
        .unwrap();
        assert_eq!(a.title, "فيضانات في ليبيا");
        assert!(!a.title_inferred);
        assert_eq!(a.id, "x");
    }

    #[test]
    fn title_inferred_from_first_sentence() {
        let text = "غمرت المياه مدينة درنة بعد انهيار سدين في الشرق الليبي خلال عاصفة قوية ضربت المنطقة. وقال مسؤولون إن آلاف السكان فقدوا.";
        let a = Article::from_text("y.txt".into(), text.into()).unwrap();
        assert!(a.title_inferred);
        assert_eq!(
            a.title,
            "غمرت المياه مدينة درنة بعد انهيار سدين في الشرق الليبي خلال عاصفة…"
        );
    }

    #[test]
    fn front_matter_is_one_metadata_segment_and_gives_the_title() {
        let text = "---\ntitle: زلزال في تركيا\nsource: وكالة\n---\nضرب زلزال جنوب تركيا فجر الاثنين. وقالت السلطات إن المئات قتلوا.\n";
        let a = Article::from_text("q.txt".into(), text.into()).unwrap();
        assert_eq!(a.title, "زلزال في تركيا");
        assert!(!a.title_inferred);
        assert_eq!(a.segments[0].kind, SegmentKind::Metadata);
        assert_eq!(
            a.segments[0].text(text),
            "---\ntitle: زلزال في تركيا\nsource: وكالة\n---"
        );
        let rest: Vec<&str> = a.segments[1..].iter().map(|s| s.text(text)).collect();
        assert_eq!(
            rest,
            vec![
                "ضرب زلزال جنوب تركيا فجر الاثنين.",
                "وقالت السلطات إن المئات قتلوا."
            ]
        );
        assert!(
            a.segments[1..]
                .iter()
                .all(|s| s.kind != SegmentKind::Metadata)
        );
        assert_eq!(a.front_matter.unwrap().source.as_deref(), Some("وكالة"));
    }

    #[test]
    fn outlet_and_date_lines_are_inferred_without_front_matter() {
        let text = "تاريخ النشر: 2023-02-06 04:17\nزلزال مدمر في تركيا\nضرب زلزال قوي جنوب تركيا فجر الاثنين.\nوقالت السلطات إن المئات قتلوا.\nوأعلنت الحكومة الحداد ثلاثة أيام.\nسكاي نيوز عربية\n";
        let a = Article::from_text("w.txt".into(), text.into()).unwrap();
        assert_eq!(a.inferred_source.as_deref(), Some("سكاي نيوز عربية"));
        let p = a.inferred_published.unwrap();
        assert_eq!((p.year, p.month, p.day, p.minute), (2023, 2, 6, Some(257)));
        let plain = Article::from_text("p.txt".into(), "اندلع حريق في السوق.".into()).unwrap();
        assert_eq!(
            (plain.inferred_source, plain.inferred_published),
            (None, None)
        );
    }

    #[test]
    fn a_byte_order_mark_and_crlf_keep_offsets_but_leave_the_title() {
        let text = "\u{feff}حريق في السوق\r\nاندلع حريق كبير في السوق.\r\n";
        let a = Article::from_text("b.txt".into(), text.into()).unwrap();
        assert_eq!(a.title, "حريق في السوق");
        // The mark stays inside the first segment: every byte is covered.
        assert_eq!(a.segments[0].start, 0);
        assert_eq!(a.segments[1].text(text), "اندلع حريق كبير في السوق.");
    }

    #[test]
    fn utf16_is_converted_and_binary_is_named() {
        let mut le = vec![0xFF, 0xFE];
        for u in "حريق في السوق\nاندلع حريق.".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        let (text, enc) = decode(le).unwrap();
        assert_eq!(text, "حريق في السوق\nاندلع حريق.");
        assert_eq!(enc, Some("UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        for u in "نص".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(be).unwrap(), ("نص".to_string(), Some("UTF-16BE")));
        assert!(matches!(
            decode(vec![0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap_err(),
            ArticleError::Binary { .. }
        ));
        let e = decode(b"caf\xe9".to_vec()).unwrap_err();
        assert!(matches!(e, ArticleError::NotUtf8 { offset: 3 }), "{e}");
        assert!(e.to_string().contains("offset 3"));
        assert_eq!(
            decode("نص".as_bytes().to_vec()).unwrap(),
            ("نص".to_string(), None)
        );
    }

    #[test]
    fn empty_and_badly_named_files_are_refused() {
        assert!(matches!(
            Article::from_text("z.txt".into(), " \n ".into()).unwrap_err(),
            ArticleError::Empty
        ));
        assert!(matches!(
            Article::from_text("a b.txt".into(), "نص".into()).unwrap_err(),
            ArticleError::BadId
        ));
    }
}
