//! Sentences as HTML with words marked: shared words, conflicting values,
//! names, search hits.
//!
//! In: an article's text, the byte span of one segment, and [`Mark`]s (byte
//! spans into the same text, each with a class and an optional title). Out:
//! [`Marked`] HTML, every piece of text escaped here, to be written into a
//! template with `|safe`.
//!
//! Rules: the text between marks is copied as it is (escaped), so the words
//! shown are the file's words; marks are applied in order of their start,
//! and one that overlaps an earlier mark is dropped, so a conflict (added
//! first) wins over a shared word on the same token.

use crate::align::{Feature, Unit};
use std::collections::BTreeSet;
use std::fmt;

/// A span of the article text to wrap in `<mark class="…">`.
#[derive(Debug, Clone)]
pub struct Mark {
    /// Byte offset into the article text where the mark starts.
    pub start: usize,
    /// Byte offset just past the marked text.
    pub end: usize,
    /// The CSS class of the `<mark>` (`conflict`, `detail`, `shared`, `entity` or `hit`).
    pub class: &'static str,
    /// Tooltip text for the `title` attribute, when there is one.
    pub title: Option<String>,
}

/// HTML of a sentence, already escaped.
#[derive(Debug, Clone, Default)]
pub struct Marked(pub String);

impl fmt::Display for Marked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The segment `text[start..end]` with `marks` applied.
pub fn render(text: &str, (start, end): (usize, usize), mut marks: Vec<Mark>) -> Marked {
    marks.retain(|m| m.start >= start && m.end <= end && m.start < m.end);
    // A mark starts at its word's start: a proclitic written on (بـ3
    // صواريخ) goes with it, so a line never breaks between them.
    for m in &mut marks {
        while let Some(c) = text[start..m.start].chars().next_back() {
            if !(c.is_alphanumeric() || c == 'ـ') {
                break;
            }
            m.start -= c.len_utf8();
        }
    }
    // Stable: among marks starting together, the one added first wins.
    marks.sort_by_key(|m| m.start);
    let mut out = String::with_capacity((end - start) * 2);
    let mut at = start;
    for m in marks {
        if m.start < at {
            continue;
        }
        escape_into(&mut out, &text[at..m.start]);
        out.push_str("<mark class=\"");
        out.push_str(m.class);
        out.push('"');
        if let Some(t) = &m.title {
            out.push_str(" title=\"");
            escape_into(&mut out, t);
            out.push('"');
        }
        out.push('>');
        escape_into(&mut out, &text[m.start..m.end]);
        out.push_str("</mark>");
        at = m.end;
    }
    escape_into(&mut out, &text[at..end]);
    Marked(out)
}

/// Marks for the tokens of `unit` that carry a feature of `shared`.
pub fn shared_marks(unit: &Unit, shared: &BTreeSet<&Feature>) -> Vec<Mark> {
    let mut out = Vec::new();
    for (f, toks) in &unit.features {
        if !shared.contains(f) || matches!(f, Feature::Entity(_)) {
            continue;
        }
        for &t in toks {
            out.push(Mark {
                start: unit.tokens[t].start,
                end: unit.tokens[t].end,
                class: "shared",
                title: None,
            });
        }
    }
    out
}

/// Marks for the spellings of name entities in `unit`, titled with every
/// spelling of the entity in the story (`variants[entity]`, from
/// [`crate::analysis::Analysis::entity_spellings`]).
pub fn entity_marks(unit: &Unit, variants: &[Vec<String>]) -> Vec<Mark> {
    let mut out = Vec::new();
    for (f, toks) in &unit.features {
        let Feature::Entity(e) = f else { continue };
        let forms = variants.get(*e as usize).map(|v| v.join("، "));
        for &t in toks {
            out.push(Mark {
                start: unit.tokens[t].start,
                end: unit.tokens[t].end,
                class: "entity",
                title: forms
                    .as_ref()
                    .map(|f| format!("اسم واحد بكتابات مختلفة: {f}")),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_words_and_escape_everything() {
        let text = "قبل. قال <b>المصدر</b> إن ثلاث طائرات & أكثر. بعد";
        let start = text.find("قال").unwrap();
        let end = text.find(" بعد").unwrap();
        let three = text.find("ثلاث").unwrap();
        let marks = vec![
            Mark {
                start: three,
                end: three + "ثلاث طائرات".len(),
                class: "conflict",
                title: Some("\"3\" <x>".into()),
            },
            // Overlaps the conflict: dropped.
            Mark {
                start: three,
                end: three + "ثلاث".len(),
                class: "shared",
                title: None,
            },
        ];
        let html = render(text, (start, end), marks).0;
        assert_eq!(
            html,
            "قال &lt;b&gt;المصدر&lt;/b&gt; إن <mark class=\"conflict\" \
             title=\"&quot;3&quot; &lt;x&gt;\">ثلاث طائرات</mark> &amp; أكثر."
        );
    }

    #[test]
    fn a_mark_takes_the_proclitic_written_on_its_word() {
        let text = "قصفوه بـ3 صواريخ موجهة.";
        let three = text.find('3').unwrap();
        let html = render(
            text,
            (0, text.len()),
            vec![Mark {
                start: three,
                end: three + "3 صواريخ".len(),
                class: "conflict",
                title: None,
            }],
        );
        assert_eq!(
            html.0,
            "قصفوه <mark class=\"conflict\">بـ3 صواريخ</mark> موجهة."
        );
    }

    #[test]
    fn marks_outside_the_segment_are_ignored() {
        let text = "أولى. ثانية.";
        let second = text.find("ثانية").unwrap();
        let html = render(
            text,
            (second, text.len()),
            vec![Mark {
                start: 0,
                end: "أولى".len(),
                class: "shared",
                title: None,
            }],
        );
        assert_eq!(html.0, "ثانية.");
    }
}
