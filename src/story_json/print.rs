//! Printing story JSON fast, byte for byte as serde_json's pretty printer
//! prints it.
//!
//! In: a [`StoryDoc`] (or the stories of a corpus, each already printed
//! by [`nested`]). Out: the pretty JSON on a writer.
//!
//! Rules: the bytes are exactly those of `serde_json::to_writer_pretty` on
//! the same document (two spaces a level, `[]` for an empty array). Pieces
//! are printed on rayon's threads and put together in order: a story of
//! hundreds of articles has a hundred thousand links, and printing them
//! on one thread was a quarter of its export (perf). A piece that stands
//! `n` levels deep is printed there straight away, by a formatter that
//! prints as serde_json's pretty one does with `2 n` more spaces after each
//! line break; printing at depth 0 and indenting a copy was a tenth of an
//! export. A line break and its indent are one write (serde_json writes
//! each level's two spaces apart: a twentieth of a 100-story export).

use super::{LinkDoc, StoryDoc, VERSION};
use rayon::prelude::*;
use std::io::{self, Write};

/// Links printed per piece: enough to make a piece worth a thread's while,
/// few enough that two cores share a long story's links evenly.
const LINKS_PER_PIECE: usize = 2048;

/// Bytes a printed document starts with room for: a story of ten articles
/// prints to about 100 KB, and growing from nothing copied it some
/// fifteen times.
const FIRST_CAPACITY: usize = 64 * 1024;

/// `value` pretty-printed as it stands `depth` levels deep in a document
/// (`depth` 2: an element of an array that is a field of the top object).
pub fn nested<T: serde::Serialize>(value: &T, depth: usize) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(FIRST_CAPACITY);
    nested_into(&mut out, value, depth)?;
    Ok(out)
}

/// [`nested`], appended to `out`: printed straight into it, each line
/// after the first indented `depth` levels more than the printer would.
fn nested_into<T: serde::Serialize>(
    out: &mut Vec<u8>,
    value: &T,
    depth: usize,
) -> serde_json::Result<()> {
    out.resize(out.len() + 2 * depth, b' ');
    value.serialize(&mut serde_json::Serializer::with_formatter(
        out,
        Nested::new(depth),
    ))
}

/// serde_json's pretty formatter (the same bytes), every line break
/// followed by `depth` more levels of indent. A line break and its indent
/// are one write: serde_json writes each level's two spaces apart, two
/// million writes in a 100-story export.
struct Nested {
    depth: usize,
    /// Levels the printer stands in.
    current: usize,
    /// True once the innermost open array or object holds a value.
    has_value: bool,
}

impl Nested {
    fn new(depth: usize) -> Nested {
        Nested {
            depth,
            current: 0,
            has_value: false,
        }
    }

    /// `lead` (`\n` or `,\n`), then the indent of the current level.
    fn line<W: ?Sized + Write>(&self, w: &mut W, lead: &[u8]) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        let mut line = [0u8; 2 + 64];
        let width = 2 * (self.depth + self.current);
        if width > SPACES.len() {
            w.write_all(lead)?;
            for _ in 0..self.depth + self.current {
                w.write_all(b"  ")?;
            }
            return Ok(());
        }
        line[..lead.len()].copy_from_slice(lead);
        line[lead.len()..lead.len() + width].copy_from_slice(&SPACES[..width]);
        w.write_all(&line[..lead.len() + width])
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.current -= 1;
        if self.has_value {
            self.line(w, b"\n")?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.current += 1;
        self.has_value = false;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, if first { b"\n" } else { b",\n" })
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.current += 1;
        self.has_value = false;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, if first { b"\n" } else { b",\n" })
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The elements of an array `depth` levels deep, each printed by
/// [`nested`] at `depth + 1`, in pieces that [`write_array`] joins as the
/// printer joins them (without the brackets). The pieces are written as
/// they are: joining them first copied a long story's 16 MB of links.
fn elements<T: serde::Serialize + Sync>(
    items: &[T],
    depth: usize,
) -> serde_json::Result<Vec<Vec<u8>>> {
    items
        .par_chunks(LINKS_PER_PIECE)
        .map(|chunk| {
            let mut piece = Vec::new();
            for (i, item) in chunk.iter().enumerate() {
                if i > 0 {
                    piece.extend_from_slice(b",\n");
                }
                nested_into(&mut piece, item, depth + 1)?;
            }
            Ok(piece)
        })
        .collect::<serde_json::Result<Vec<_>>>()
}

/// Writes the array whose elements [`elements`] printed, `depth` levels
/// deep.
fn write_array(out: &mut impl Write, pieces: &[Vec<u8>], depth: usize) -> io::Result<()> {
    if pieces.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[\n")?;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        out.write_all(piece)?;
    }
    write!(out, "\n{}]", " ".repeat(2 * depth))
}

/// Writes `doc` as `serde_json::to_writer_pretty` does, its links printed
/// on rayon's threads.
pub fn write_story(out: &mut impl Write, doc: &mut StoryDoc<'_>) -> io::Result<()> {
    let links: Vec<LinkDoc> = std::mem::take(&mut doc.links);
    let rest = serde_json::to_vec_pretty(&*doc);
    let body = elements(&links, 1);
    doc.links = links;
    let (rest, body) = (rest?, body?);
    // The top object's field, printed empty: a `"links"` nested deeper
    // would stand after more spaces, one inside a string after `\n`.
    const EMPTY: &[u8] = b"\n  \"links\": []";
    let at = rest
        .windows(EMPTY.len())
        .position(|w| w == EMPTY)
        .ok_or_else(|| io::Error::other("the story document has no links field"))?;
    out.write_all(&rest[..at + EMPTY.len() - 2])?;
    write_array(out, &body, 1)?;
    out.write_all(&rest[at + EMPTY.len()..])
}

/// Stories printed at once by [`write_corpus`]: enough to keep two cores
/// busy, few enough that the printed stories waiting to be written stay
/// small (holding all of 100 x 10's 14 MB had the kernel zero fresh pages
/// for them, a tenth of that export in perf).
pub const STORIES_AT_ONCE: usize = 16;

/// Writes a [`super::CorpusDoc`] of `n` stories, story `i` printed by
/// `print(i)` (as [`nested`] prints it at depth 2) on rayon's threads,
/// [`STORIES_AT_ONCE`] at a time, and written in order, byte for byte as
/// `serde_json::to_writer_pretty` writes the whole.
pub fn write_corpus(
    out: &mut impl Write,
    n: usize,
    print: impl Fn(usize) -> io::Result<Vec<u8>> + Sync,
) -> io::Result<()> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"stories\": ")?;
    if n == 0 {
        return out.write_all(b"[]\n}");
    }
    out.write_all(b"[\n")?;
    for start in (0..n).step_by(STORIES_AT_ONCE) {
        let printed = (start..n.min(start + STORIES_AT_ONCE))
            .into_par_iter()
            .map(&print)
            .collect::<io::Result<Vec<_>>>()?;
        for (i, story) in printed.iter().enumerate() {
            if start + i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(story)?;
        }
    }
    out.write_all(b"\n  ]\n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Doc {
        story: &'static str,
        lines: Vec<&'static str>,
        nested: std::collections::BTreeMap<&'static str, Vec<u32>>,
        empty: Vec<u32>,
    }

    fn doc(id: &'static str) -> Doc {
        Doc {
            story: id,
            lines: vec!["سطر أول\n  \"links\": []", "\"مقتبس\""],
            nested: [("قتلى", vec![3, 5])].into_iter().collect(),
            empty: Vec::new(),
        }
    }

    #[test]
    fn a_corpus_printed_in_pieces_is_the_pretty_printers_byte_for_byte() {
        #[derive(serde::Serialize)]
        struct Whole<'a> {
            version: u32,
            stories: &'a [Doc],
        }
        let ids = ["أ", "ب", "ج"];
        for n in [0, 1, 2, STORIES_AT_ONCE + 3] {
            let stories: Vec<Doc> = (0..n).map(|i| doc(ids[i % ids.len()])).collect();
            let mut printed = Vec::new();
            write_corpus(&mut printed, n, |i| {
                nested(&stories[i], 2).map_err(io::Error::other)
            })
            .unwrap();
            let whole = Whole {
                version: VERSION,
                stories: &stories,
            };
            assert_eq!(
                String::from_utf8(printed).unwrap(),
                serde_json::to_string_pretty(&whole).unwrap()
            );
        }
    }

    #[test]
    fn a_value_printed_deep_is_the_pretty_printers_indented() {
        // Deeper than the one-write indent (32 levels) too, and with empty
        // arrays and objects on the way.
        let mut deep = serde_json::json!({"نص": "سطر", "فارغ": [], "لا شيء": {}});
        for level in 0..40 {
            deep = serde_json::json!([level, deep, {"مستوى": level}]);
        }
        for depth in [0, 1, 3] {
            let printed = String::from_utf8(nested(&deep, depth).unwrap()).unwrap();
            let pad = "  ".repeat(depth);
            let want = serde_json::to_string_pretty(&deep)
                .unwrap()
                .replace('\n', &format!("\n{pad}"));
            assert_eq!(printed, format!("{pad}{want}"));
        }
    }

    #[test]
    fn array_elements_printed_in_pieces_join_as_the_printer_joins_them() {
        let many: Vec<Doc> = (0..LINKS_PER_PIECE * 2 + 3).map(|_| doc("ج")).collect();
        for items in [&many[..0], &many[..1], &many[..]] {
            let mut printed = Vec::new();
            write_array(&mut printed, &elements(items, 0).unwrap(), 0).unwrap();
            assert_eq!(
                String::from_utf8(printed).unwrap(),
                serde_json::to_string_pretty(items).unwrap()
            );
        }
    }
}
