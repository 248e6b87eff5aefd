//! Front matter: an optional block of metadata at the top of an article.
//!
//! In: an article's text. Out: [`FrontMatter`] with the block's byte span
//! and its fields, or a [`FrontMatterError`] saying which line is wrong.
//!
//! Rules:
//! - The block starts with a line of exactly `---` as the file's first
//!   line (a byte-order mark before it is allowed) and ends at the next
//!   `---` line; its span covers both fence lines and is never article text.
//! - Inside, each non-empty line is `key: value`. Known keys: `title`,
//!   `source` (the outlet), `url`, `published` (an ISO 8601 date or date and
//!   time: `2021-11-07`, `2021-11-07T05:30`, `2021-11-07T05:30:00+03:00`)
//!   and `language` (a two-letter code). Values may be quoted with `"` or `'`.
//!   Unknown keys are kept, not refused: other tools write them.
//! - A file whose first line is `---` but that has no closing fence has no
//!   front matter: its text is left to the segmenter.
//! - A bad line or value does not refuse the article: the field is left out
//!   and the problem is kept in [`FrontMatter::problems`] for the user.

use std::fmt;

/// The front-matter block of an article: its byte span and the fields it
/// gives.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FrontMatter {
    /// Byte offset of the opening fence (0, or 3 after a byte-order mark);
    /// `start..end` is the block, fences included.
    pub start: usize,
    /// Byte offset just past the closing fence line (and its newline, if
    /// any), where the article text starts.
    pub end: usize,
    /// The `title` field: the article's headline.
    pub title: Option<String>,
    /// The `source` field: the outlet that published the article.
    pub source: Option<String>,
    /// The `url` field; always starts with `http://` or `https://`.
    pub url: Option<String>,
    /// The `published` field, parsed.
    pub published: Option<Published>,
    /// The `language` field: a two-letter lower-case code such as `ar`.
    pub language: Option<String>,
    /// Other `key: value` pairs, in order.
    pub extra: Vec<(String, String)>,
    /// Lines that could not be read, and why.
    pub problems: Vec<FrontMatterError>,
}

/// A publication time: date, and time of day with its offset when given.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Published {
    /// Year, four digits.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
    /// Minutes since midnight, when a time was given.
    pub minute: Option<u32>,
    /// Offset from UTC in minutes, when given (`Z` is 0).
    pub offset: Option<i32>,
}

/// A front-matter line that could not be read; its field is left out.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FrontMatterError {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong with the line, in plain words.
    pub message: String,
}

impl fmt::Display for FrontMatterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "front matter, line {}: {}", self.line, self.message)
    }
}

const FENCE: &str = "---";

/// Parses the front matter of `text`, if it has one.
pub fn parse(text: &str) -> Option<FrontMatter> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = line_spans(text, start);
    let (s, e) = lines.next()?;
    if text[s..e].trim_end() != FENCE {
        return None;
    }
    let mut fm = FrontMatter {
        start,
        ..FrontMatter::default()
    };
    let mut body = Vec::new();
    let mut closed = None;
    for (n, (s, e)) in lines.enumerate() {
        let line = &text[s..e];
        if line.trim_end() == FENCE {
            closed = Some(e);
            break;
        }
        body.push((n + 2, line));
    }
    fm.end = closed?;
    for (line_no, line) in body {
        if let Err(e) = field(&mut fm, line_no, line) {
            fm.problems.push(e);
        }
    }
    Some(fm)
}

/// Reads one line of the block into `fm`.
fn field(fm: &mut FrontMatter, line_no: usize, line: &str) -> Result<(), FrontMatterError> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(());
    }
    let err = |message: String| FrontMatterError {
        line: line_no,
        message,
    };
    let (key, value) = line
        .split_once(':')
        .ok_or_else(|| err(format!("expected `key: value`, found {line:?}")))?;
    let key = key.trim().to_lowercase();
    let value = unquote(value.trim()).to_string();
    if value.is_empty() {
        return Ok(());
    }
    match key.as_str() {
            "title" => fm.title = Some(value),
            "source" => fm.source = Some(value),
            "url" => {
                if !(value.starts_with("http://") || value.starts_with("https://")) {
                    return Err(err(format!(
                        "url must start with http:// or https://, found {value:?}"
                    )));
                }
                fm.url = Some(value);
            }
            "published" => {
                fm.published = Some(parse_published(&value).ok_or_else(|| {
                    err(format!(
                        "published must be an ISO date or date-time such as 2021-11-07T05:30:00+03:00, found {value:?}"
                    ))
                })?)
            }
            "language" => {
                if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(err(format!(
                        "language must be a two-letter code such as ar or en, found {value:?}"
                    )));
                }
                fm.language = Some(value);
            }
            _ => fm.extra.push((key, value)),
        }
    Ok(())
}

/// Byte spans of the lines of `text` from `from`, newline included.
fn line_spans(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let span = (at, end);
        at = end;
        Some(span)
    })
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

fn number<T: std::str::FromStr>(s: &str, digits: usize) -> Option<T> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM`,
/// optional `:SS` and an optional `Z` or `±HH:MM` offset.
pub fn parse_published(v: &str) -> Option<Published> {
    let (date, rest) = match v.find(['T', ' ']) {
        Some(i) => (&v[..i], Some(&v[i + 1..])),
        None => (v, None),
    };
    let mut parts = date.split('-');
    let year: i32 = number(parts.next()?, 4)?;
    let month: u32 = number(parts.next()?, 2)?;
    let day: u32 = number(parts.next()?, 2)?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut p = Published {
        year,
        month,
        day,
        minute: None,
        offset: None,
    };
    let Some(rest) = rest else { return Some(p) };
    let (clock, offset) = if let Some(c) = rest.strip_suffix('Z') {
        (c, Some(0))
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let sign = if rest[i..].starts_with('-') { -1 } else { 1 };
        let (h, m) = rest[i + 1..].split_once(':')?;
        let (h, m): (i32, i32) = (number(h, 2)?, number(m, 2)?);
        (&rest[..i], Some(sign * (h * 60 + m)))
    } else {
        (rest, None)
    };
    let mut hm = clock.split(':');
    let h: u32 = number(hm.next()?, 2)?;
    let m: u32 = number(hm.next()?, 2)?;
    if let Some(s) = hm.next() {
        let s = s.split('.').next()?;
        let s: u32 = number(s, 2)?;
        if s > 60 {
            return None;
        }
    }
    if h > 23 || m > 59 {
        return None;
    }
    p.minute = Some(h * 60 + m);
    p.offset = offset;
    Some(p)
}

impl Published {
    /// Minutes since 1970-01-01 UTC, when the time of day is known (the
    /// offset taken as 0 when absent).
    pub fn utc_minutes(&self) -> Option<i64> {
        let minute = self.minute?;
        Some(self.day_minutes() + minute as i64 - self.offset.unwrap_or(0) as i64)
    }

    /// Minutes since the Unix epoch of the start of its day (UTC when no
    /// offset is given): enough to order dates given without a time.
    pub fn day_minutes(&self) -> i64 {
        // Days from civil (Howard Hinnant's algorithm).
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 1440
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some(m) = self.minute {
            write!(f, " {:02}:{:02}", m / 60, m % 60)?;
            match self.offset {
                Some(0) => write!(f, " UTC")?,
                Some(o) => write!(
                    f,
                    " UTC{}{:02}:{:02}",
                    if o < 0 { '-' } else { '+' },
                    o.abs() / 60,
                    o.abs() % 60
                )?,
                None => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "---\ntitle: \"زلزال يضرب جنوب تركيا\"\nsource: وكالة الأنباء\nurl: https://example.org/a/1\npublished: 2023-02-06T04:17:00+03:00\nlanguage: ar\nauthor: فريق التحرير\n---\nضرب زلزال بقوة 7.8 درجات جنوب تركيا فجر الاثنين.\n";

    #[test]
    fn reads_every_field_and_spans_the_fences() {
        let fm = parse(ARTICLE).unwrap();
        assert!(fm.problems.is_empty());
        assert_eq!(fm.title.as_deref(), Some("زلزال يضرب جنوب تركيا"));
        assert_eq!(fm.source.as_deref(), Some("وكالة الأنباء"));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(fm.language.as_deref(), Some("ar"));
        assert_eq!(fm.extra, vec![("author".into(), "فريق التحرير".into())]);
        assert_eq!(fm.start, 0);
        assert!(ARTICLE[fm.end..].starts_with("ضرب زلزال"));
        assert!(ARTICLE[..fm.end].ends_with("---\n"));
        let p = fm.published.unwrap();
        assert_eq!(
            (p.year, p.month, p.day, p.minute, p.offset),
            (2023, 2, 6, Some(257), Some(180))
        );
        assert_eq!(p.to_string(), "2023-02-06 04:17 UTC+03:00");
    }

    #[test]
    fn no_block_unclosed_block_and_bad_values() {
        assert_eq!(parse("ضرب زلزال جنوب تركيا."), None);
        assert_eq!(parse("---\ntitle: بلا نهاية\nنص"), None);
        // A bad value is reported; the good ones are kept.
        let fm = parse("---\ntitle: ع\npublished: أمس\n---\nنص").unwrap();
        assert_eq!(fm.title.as_deref(), Some("ع"));
        assert_eq!(fm.published, None);
        let e = &fm.problems[0];
        assert_eq!(e.line, 3);
        assert!(e.to_string().contains("published"), "{e}");
        for bad in [
            "---\nurl: example.org\n---\n",
            "---\nlanguage: arabic\n---\n",
            "---\nلا مفتاح هنا\n---\n",
        ] {
            assert_eq!(parse(bad).unwrap().problems.len(), 1, "{bad}");
        }
        // A byte-order mark before the fence is allowed.
        let fm = parse("\u{feff}---\ntitle: ع\n---\nنص").unwrap();
        assert_eq!(fm.start, 3);
    }

    #[test]
    fn publication_times_compare_across_offsets() {
        let a = parse_published("2023-02-06T04:17:00+03:00").unwrap();
        let b = parse_published("2023-02-06T01:17Z").unwrap();
        assert_eq!(a.utc_minutes(), b.utc_minutes());
        let c = parse_published("2023-02-06 07:17").unwrap();
        assert_eq!(c.utc_minutes().unwrap() - b.utc_minutes().unwrap(), 360);
        assert_eq!(parse_published("2023-02-06").unwrap().utc_minutes(), None);
        assert_eq!(
            parse_published("1970-01-02T00:00Z").unwrap().utc_minutes(),
            Some(1440)
        );
        for bad in ["2023-13-01", "2023-02-06T25:00", "06/02/2023", "2023-2-6"] {
            assert!(parse_published(bad).is_none(), "{bad}");
        }
    }
}
