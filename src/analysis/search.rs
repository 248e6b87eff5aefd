//! Search across a story's segments, read the way the story was read.
//!
//! In: a query typed by a user, the story's articles and its [`Analysis`].
//! Out: [`Hit`]s in reading order (article, then segment), each with the
//! byte spans of the words that matched.
//!
//! Rules:
//! - The query is tokenized and normalised like the articles; its function
//!   words are dropped unless nothing else is left.
//! - A word of a segment matches a query word when their normalised forms,
//!   their stems or their bare forms (no article, no proclitics) are equal,
//!   or when both are spellings of one name entity: searching كاظمي finds
//!   الكاظمي and, through the entity, خادمي.
//! - A segment is a hit when every query word matches one of its words.
//!   Every segment is searched, English ones included.

use super::Analysis;
use crate::document::Article;
use crate::text::stopwords::is_stopword;
use crate::text::tokenize::tokenize;

/// Longest query accepted, in characters: a sentence or two.
pub const MAX_QUERY_CHARS: usize = 200;

/// A segment that matches a query.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    /// Index of its article in the story.
    pub article: usize,
    /// Index of the segment in the article.
    pub segment: usize,
    /// Byte spans (in the article's text) of the words that matched.
    pub spans: Vec<(usize, usize)>,
}

struct Term {
    key: String,
    stem: String,
    bare: String,
    entity: Option<usize>,
}

/// The words of `query` as terms; empty when it holds no word.
fn terms(query: &str, an: &Analysis) -> Vec<Term> {
    let tokens = tokenize(query, 0);
    let content: Vec<_> = tokens.iter().filter(|t| !is_stopword(&t.key)).collect();
    let chosen = if content.is_empty() {
        tokens.iter().collect()
    } else {
        content
    };
    chosen
        .into_iter()
        .map(|t| {
            let bare = an.stemmer.bare(&t.key).to_string();
            Term {
                stem: an.stemmer.stem(&t.key),
                entity: an.entities.entity_of(&bare),
                bare,
                key: t.key.clone(),
            }
        })
        .collect()
}

/// The segments of `articles` matching every word of `query`.
pub fn search(query: &str, articles: &[Article], an: &Analysis) -> Vec<Hit> {
    let terms = terms(query, an);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (s, seg) in article.segments.iter().enumerate() {
            let tokens = tokenize(article.segment_text(seg), seg.start);
            let mut spans = Vec::new();
            let mut found = vec![false; terms.len()];
            for t in &tokens {
                let bare = an.stemmer.bare(&t.key);
                let mut stem = None;
                let mut entity = None;
                let mut hit = false;
                for (k, term) in terms.iter().enumerate() {
                    let matches = t.key == term.key
                        || bare == term.bare
                        || *stem.get_or_insert_with(|| an.stemmer.stem(&t.key)) == term.stem
                        || (term.entity.is_some()
                            && *entity.get_or_insert_with(|| an.entities.entity_of(bare))
                                == term.entity);
                    if matches {
                        found[k] = true;
                        hit = true;
                    }
                }
                if hit {
                    spans.push((t.start, t.end));
                }
            }
            if found.iter().all(|&f| f) {
                hits.push(Hit {
                    article: a,
                    segment: s,
                    spans,
                });
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn story(texts: &[&str]) -> (Vec<Article>, Analysis) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::from_text(format!("s{i}.txt"), t.to_string()).unwrap())
            .collect();
        let an = analyze(&articles);
        (articles, an)
    }

    #[test]
    fn finds_clitics_stems_and_other_spellings_of_a_name() {
        let (arts, an) = story(&[
            "التقى الرئيس الشرقاوي وزير الزراعة في القاهرة صباح الاثنين.",
            "وقال مكتب الشرقاوى إن الاجتماع مع وزير الزراعة تناول أسعار القمح.",
            "وأكد شرقاوي لوزير الزراعة دعم المزارعين في الموسم الجديد.",
        ]);
        let hits = search("شرقاوي", &arts, &an);
        let found: Vec<usize> = hits.iter().map(|h| h.article).collect();
        assert_eq!(found, vec![0, 1, 2], "{hits:?}");
        // The span is the word as written, article and all.
        let h = &hits[0];
        let (s, e) = h.spans[0];
        assert_eq!(&arts[0].text[s..e], "الشرقاوي");
        // Every word must match: وزير finds وزير and لوزير, القمح only one.
        let both = search("وزير القمح", &arts, &an);
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].article, 1);
        let w = search("الوزير", &arts, &an);
        assert_eq!(w.len(), 3, "{w:?}");
    }

    #[test]
    fn empty_or_unknown_queries_find_nothing() {
        let (arts, an) = story(&["اندلع حريق في السوق."]);
        assert!(search("", &arts, &an).is_empty());
        assert!(search("   ", &arts, &an).is_empty());
        assert!(search("زلزال", &arts, &an).is_empty());
        // A query of function words alone still searches for them.
        assert_eq!(search("في", &arts, &an).len(), 1);
    }
}
