//! A story as a folder of static pages: read from disk or any static host,
//! with no server and no script.
//!
//! In: a story, its verdicts, an output folder. Out: the story's pages
//! (overview, disputes and each dispute, figures and their CSV, the side by
//! side, every pair, the contradictions and each one, every article and
//! its plain text), the style sheet and the fonts, written under the
//! folder; optionally the same as one `.zip` file ([`zip`]).
//!
//! Rules:
//! - Pages are the server's own, rendered by the same `build` functions;
//!   then every link is made relative to the page (`../disputes/x.html`),
//!   links to what a folder cannot do (search, forms, the API, other
//!   stories) lead to the overview, and scripts and forms are removed.
//! - A long article, side by side or pair is written part by part, each
//!   part its own file, linked as on the server.
//! - Nothing is written outside the output folder; an existing file there
//!   is replaced, other files are left alone.

use super::parts::{ARTICLE_SEGMENTS_PER_PART, Parts, ROWS_PER_PART};
use super::urls::{StoryUrls, unescape, with_part};
use super::{WebError, article, compare, contradiction, dispute, disputes, figures, pair, story};
use crate::corpus::Story;
use crate::verdicts::Record;
use askama::Template;
use std::path::{Path, PathBuf};

/// Why a share could not be written.
#[derive(Debug)]
pub enum ShareError {
    /// A page failed to build (a bug: every id comes from the story).
    Page(String),
    /// Writing a file failed.
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Page(m) => write!(f, "a page could not be built: {m}"),
            ShareError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for ShareError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ShareError::Page(_) => None,
            ShareError::Io(_, e) => Some(e),
        }
    }
}

fn page_err(e: WebError) -> ShareError {
    ShareError::Page(format!("{e:?}"))
}

fn render(t: &impl Template) -> Result<String, ShareError> {
    t.render().map_err(|e| ShareError::Page(e.to_string()))
}

/// The file (relative to the share's root) for the server URL `url` of
/// `story`; `None` for what a folder cannot serve.
pub fn file_for(story: &Story, url: &str) -> Option<String> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let param = |k: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v)
    };
    if path == "/static/style.css" {
        return Some("style.css".into());
    }
    if let Some(font) = path.strip_prefix("/static/fonts/") {
        return Some(format!("fonts/{font}"));
    }
    let rest = path.strip_prefix(&StoryUrls::new(&story.id).overview())?;
    // Ids are percent-encoded in links and plain in file names.
    let parts: Vec<String> = rest
        .split('/')
        .filter(|s| !s.is_empty())
        .map(unescape)
        .collect::<Option<_>>()?;
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let numbered = |name: &str, n: Option<usize>| match n {
        Some(n) if n > 1 => format!("{name}-{n}.html"),
        _ => format!("{name}.html"),
    };
    let part = param("part").and_then(|p| p.parse::<usize>().ok());
    Some(match parts.as_slice() {
        [] => "index.html".into(),
        ["disputes"] => "disputes.html".into(),
        ["disputes", id] => format!("disputes/{id}.html"),
        ["figures"] if param("format") == Some("csv") => "figures.csv".into(),
        ["figures"] => "figures.html".into(),
        ["compare"] => {
            let facts = compare_rows(story);
            let n = part.or_else(|| {
                let f: usize = param("fact")?.parse().ok()?;
                let i = facts.iter().position(|&x| x == f)?;
                Some(i / ROWS_PER_PART + 1)
            });
            numbered("compare", n)
        }
        ["contradictions"] => numbered("contradictions", part),
        ["contradictions", id] => format!("contradictions/{id}.html"),
        ["pair", a, b] => numbered(&format!("pair/{a}--{b}"), part),
        ["articles", a] => {
            let n = part.or_else(|| {
                let s: usize = param("seg")?.parse().ok()?;
                Some(s / ARTICLE_SEGMENTS_PER_PART + 1)
            });
            numbered(&format!("articles/{a}"), n)
        }
        ["articles", a, "text"] => format!("articles/{a}.txt"),
        _ => return None,
    })
}

/// The facts of the default side by side, in row order.
fn compare_rows(story: &Story) -> Vec<usize> {
    story
        .analysis()
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.units.is_empty())
        .map(|(i, _)| i)
        .collect()
}

/// `href` from the page at `from` (a file of the share) to `to`.
fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{to}", "../".repeat(depth))
}

/// `html` without its `open … close` elements.
fn strip(html: &str, open: &str, close: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut r = html;
    while let Some(i) = r.find(open) {
        kept.push_str(&r[..i]);
        r = match r[i..].find(close) {
            Some(j) => &r[i + j + close.len()..],
            None => "",
        };
    }
    kept.push_str(r);
    kept
}

/// Rewrites a rendered page for the folder: links relative to `at`,
/// scripts and forms removed.
fn rewrite(story: &Story, html: &str, at: &str) -> String {
    let html = strip(&strip(html, "<form", "</form>"), "<script", "</script>");
    let mut out = String::with_capacity(html.len());
    let mut r = html.as_str();
    // Every attribute or CSS url naming a path of this server.
    while let Some(i) = r.find("=\"/") {
        let (before, after) = r.split_at(i + 2);
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        let url = &after[..end];
        let (target, anchor) = match url.split_once('#') {
            Some((t, a)) => (t, format!("#{a}")),
            None => (url, String::new()),
        };
        let target = target.replace("&amp;", "&");
        let file = file_for(story, &target).unwrap_or_else(|| "index.html".into());
        out.push_str(&relative(at, &file));
        out.push_str(&anchor);
        r = &after[end..];
    }
    out.push_str(r);
    out
}

/// The files of a share: (path relative to the root, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// Every file of the share of `story` with its `verdicts`.
pub fn files(story: &Story, verdicts: &[Record]) -> Result<Files, ShareError> {
    let an = &story.analysis();
    let mut pages: Vec<(String, String)> = Vec::new();
    let mut page = |url: String, html: String| {
        if let Some(f) = file_for(story, &url) {
            pages.push((f, html));
        }
    };
    let urls = StoryUrls::new(&story.id);
    page(
        urls.overview(),
        render(&story::with_verdicts(story::build(story), story, verdicts))?,
    );
    page(
        urls.disputes(),
        render(&disputes::build(story, verdicts, "").map_err(page_err)?)?,
    );
    for d in &an.disputes {
        let mut p = dispute::build(story, &d.id).map_err(page_err)?;
        p.shared = true;
        p.verdict = super::verdict::view_of(verdicts, &d.id);
        page(urls.dispute(&d.id), render(&p)?);
    }
    let mut figures = figures::build(story);
    figures::with_verdicts(&mut figures, verdicts);
    page(urls.figures(), render(&figures)?);
    let rows = compare_rows(story).len();
    for n in 1..=Parts::new(rows, ROWS_PER_PART, None, None).count {
        let params = compare::Params {
            part: Some(n),
            ..compare::Params::default()
        };
        page(
            with_part(&urls.compare(), n),
            render(&compare::build(story, &params).map_err(page_err)?)?,
        );
    }
    let listed = Parts::new(
        an.contradictions.len(),
        contradiction::LIST_PER_PART,
        None,
        None,
    );
    for n in 1..=listed.count {
        page(
            with_part(&urls.contradictions(), n),
            render(&contradiction::build_list(story, Some(n)))?,
        );
    }
    for c in &an.contradictions {
        let mut p = contradiction::build(story, &c.id).map_err(page_err)?;
        p.shared = true;
        p.verdict = super::verdict::view_of(verdicts, &c.id);
        page(urls.contradiction(&c.id), render(&p)?);
    }
    for (i, a) in story.articles.iter().enumerate() {
        for n in 1..=Parts::new(a.segments.len(), ARTICLE_SEGMENTS_PER_PART, None, None).count {
            let params = article::Params {
                part: Some(n),
                seg: None,
            };
            page(
                with_part(&urls.article(&a.id), n),
                render(&article::build(story, &a.id, &params).map_err(page_err)?)?,
            );
        }
        for b in &story.articles[i + 1..] {
            let longest = a.segments.len().max(b.segments.len());
            for n in 1..=Parts::new(longest, ROWS_PER_PART, None, None).count {
                let params = pair::Params {
                    part: Some(n),
                    words: None,
                };
                page(
                    with_part(&urls.pair(&a.id, &b.id), n),
                    render(&pair::build(story, &a.id, &b.id, &params).map_err(page_err)?)?,
                );
            }
        }
    }
    let mut out: Files = pages
        .into_iter()
        .map(|(f, html)| {
            let html = rewrite(story, &html, &f);
            (f, html.into_bytes())
        })
        .collect();
    out.push(("figures.csv".into(), figures::csv(&figures).into_bytes()));
    for a in &story.articles {
        out.push((
            format!("articles/{}.txt", a.id),
            a.text.clone().into_bytes(),
        ));
    }
    for (name, bytes) in super::assets::share_files() {
        let bytes = if name == "style.css" {
            // The fonts sit beside the style sheet.
            String::from_utf8_lossy(&bytes)
                .replace("url(\"/static/fonts/", "url(\"fonts/")
                .into_bytes()
        } else {
            bytes
        };
        out.push((name, bytes));
    }
    Ok(out)
}

/// Writes `files` under `dir`, creating folders as needed.
pub fn write(dir: &Path, files: &Files) -> Result<(), ShareError> {
    for (name, bytes) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| ShareError::Io(parent.into(), e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| ShareError::Io(path.clone(), e))?;
    }
    Ok(())
}

/// CRC-32 (IEEE) of `bytes`, for the zip format.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// `files` as a zip archive (stored, not compressed: pages are small and
/// every unzip tool reads it), each under `root/`.
pub fn zip(root: &str, files: &Files) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, bytes) in files {
        let name = format!("{root}/{name}");
        let crc = crc32(bytes);
        let offset = out.len() as u32;
        let size = bytes.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            h.extend(0u16.to_le_bytes()); // stored
            h.extend(0u16.to_le_bytes()); // time
            h.extend(0x21u16.to_le_bytes()); // date 1980-01-01
            h.extend(crc.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend(0u16.to_le_bytes()); // comment
                h.extend(0u16.to_le_bytes()); // disk
                h.extend(0u16.to_le_bytes()); // internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(bytes);
        central.extend(header(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    let count = files.len() as u16;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn links_become_relative_to_the_page() {
        assert_eq!(relative("disputes/x.html", "index.html"), "../index.html");
        assert_eq!(relative("index.html", "disputes/x.html"), "disputes/x.html");
    }
}
