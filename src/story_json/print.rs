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
//! on one thread was a quarter of its export (perf). A piece printed at
//! depth 0 moves to depth `n` by indenting every line `2 n` spaces: JSON
//! strings hold no raw line break, so every `\n` is a line of the printer's.

use super::{LinkDoc, StoryDoc, VERSION};
use rayon::prelude::*;
use std::io::{self, Write};

/// Links printed per piece: enough to make a piece worth a thread's while,
/// few enough that two cores share a long story's links evenly.
const LINKS_PER_PIECE: usize = 2048;

/// `value` pretty-printed as it stands `depth` levels deep in a document
/// (`depth` 2: an element of an array that is a field of the top object).
pub fn nested<T: serde::Serialize>(value: &T, depth: usize) -> serde_json::Result<Vec<u8>> {
    let flat = serde_json::to_vec_pretty(value)?;
    let pad = vec![b' '; 2 * depth];
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 8);
    for (i, line) in flat.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(&pad);
        out.extend_from_slice(line);
    }
    Ok(out)
}

/// The elements of an array `depth` levels deep, each printed by
/// [`nested`] at `depth + 1`, joined as the printer joins them (without
/// the brackets).
fn elements<T: serde::Serialize + Sync>(items: &[T], depth: usize) -> serde_json::Result<Vec<u8>> {
    let pieces = items
        .par_chunks(LINKS_PER_PIECE)
        .map(|chunk| {
            let mut piece = Vec::new();
            for (i, item) in chunk.iter().enumerate() {
                if i > 0 {
                    piece.extend_from_slice(b",\n");
                }
                piece.extend_from_slice(&nested(item, depth + 1)?);
            }
            Ok(piece)
        })
        .collect::<serde_json::Result<Vec<_>>>()?;
    Ok(pieces.join(&b",\n"[..]))
}

/// Writes the array whose elements [`elements`] printed, `depth` levels
/// deep.
fn write_array(out: &mut impl Write, body: &[u8], depth: usize) -> io::Result<()> {
    if body.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[\n")?;
    out.write_all(body)?;
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

/// Writes a [`CorpusDoc`] of `stories`, each printed by [`nested`] at depth
/// 2, as `serde_json::to_writer_pretty` writes the whole.
pub fn write_corpus(out: &mut impl Write, stories: &[Vec<u8>]) -> io::Result<()> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"stories\": ")?;
    write_array(out, &stories.join(&b",\n"[..]), 1)?;
    out.write_all(b"\n}")
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
        for stories in [vec![], vec![doc("أ")], vec![doc("أ"), doc("ب")]] {
            let parts: Vec<_> = stories.iter().map(|d| nested(d, 2).unwrap()).collect();
            let mut printed = Vec::new();
            write_corpus(&mut printed, &parts).unwrap();
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
