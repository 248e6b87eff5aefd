//! An analysis as bytes and back, for the cache of a restarting server.
//!
//! In: an [`Analysis`] (to bytes), or bytes and the articles they claim to
//! be the analysis of (from bytes). Out: a compact binary form (postcard),
//! or the analysis with its stemmer rebuilt, or `None`.
//!
//! Rules: bytes are never trusted. Reading fails on anything that does not
//! decode, and on a decoded analysis that does not fit the articles: a unit
//! of a missing article or segment, a byte span outside its file or off a
//! character boundary, an index of a unit, link, fact or claim that is not
//! there. Pages slice the files with these spans, so an analysis that
//! passes cannot make a page fail. The stemmer is not stored: it is rebuilt
//! from the units' tokens, as [`super::analyze`] builds it.

use super::Analysis;
use crate::align::synonyms;
use crate::document::Article;
use crate::text::stem::Stemmer;

impl Analysis {
    /// The analysis in postcard's binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_stdvec(self).unwrap_or_default()
    }

    /// The analysis of `articles` stored in `bytes`; `None` when the bytes
    /// do not decode or do not fit the articles.
    pub fn from_bytes(bytes: &[u8], articles: &[Article]) -> Option<Analysis> {
        let mut an: Analysis = postcard::from_bytes(bytes).ok()?;
        an.fits(articles).then_some(())?;
        an.stemmer = Stemmer::new(
            an.units
                .iter()
                .flat_map(|u| u.tokens.iter().map(|t| t.key.as_str())),
        )
        .with_lexicon(synonyms::evidence());
        Some(an)
    }

    /// True when every index and span of the analysis points into
    /// `articles` and into the analysis itself.
    fn fits(&self, articles: &[Article]) -> bool {
        let span_ok = |article: usize, (s, e): (usize, usize)| {
            let text = &articles[article].text;
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        };
        let units_ok = self.units.iter().all(|u| {
            u.article < articles.len()
                && u.segment < articles[u.article].segments.len()
                && u.tokens
                    .iter()
                    .all(|t| span_ok(u.article, (t.start, t.end)))
                && u.quantities
                    .iter()
                    .all(|q| span_ok(u.article, (q.start, q.end)))
                && u.reading.claims.iter().all(|c| {
                    span_ok(u.article, (c.start, c.end))
                        && c.attribution.is_none_or(|a| span_ok(u.article, a))
                })
                && u.reading.frame.len() <= u.tokens.len()
        });
        let n = self.units.len();
        let links_ok = self.links.iter().all(|l| {
            l.a < n
                && l.b < n
                && l.differences.iter().all(|d| {
                    span_ok(self.units[l.a].article, d.a_span)
                        && span_ok(self.units[l.b].article, d.b_span)
                })
        });
        let shape_ok =
            self.unit_at.len() == articles.len()
                && self.unit_at.iter().zip(articles).all(|(at, a)| {
                    at.len() == a.segments.len() && at.iter().flatten().all(|&u| u < n)
                })
                && self.links_of.len() == n
                && self
                    .links_of
                    .iter()
                    .flatten()
                    .all(|&l| l < self.links.len())
                && self.contradiction_of.len() == self.links.len()
                && self
                    .contradiction_of
                    .iter()
                    .flatten()
                    .all(|&c| c < self.contradictions.len());
        let rest_ok = self.facts.iter().all(|f| f.units.iter().all(|&u| u < n))
            && self
                .contradictions
                .iter()
                .all(|c| c.link < self.links.len())
            && self.disputes.iter().all(|d| {
                d.links.iter().all(|&l| l < self.links.len())
                    && d.sides.iter().all(|s| {
                        s.units.iter().all(|&u| u < n)
                            && s.quotes
                                .iter()
                                .all(|&(u, span)| u < n && span_ok(self.units[u].article, span))
                    })
            })
            && self.figures.iter().all(|m| {
                m.dispute.is_none_or(|d| d < self.disputes.len())
                    && m.figures
                        .iter()
                        .all(|f| f.unit < n && f.claim < self.units[f.unit].reading.claims.len())
            });
        units_ok && links_ok && shape_ok && rest_ok
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::document::Article;

    fn articles() -> Vec<Article> {
        [
            "قتل 12 شخصا وأصيب 30 آخرون في انهيار مبنى سكني بمدينة طنجة فجر الأربعاء.",
            "أودى انهيار مبنى سكني في طنجة بحياة 9 أشخاص وإصابة 30 يوم الأربعاء.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("s{i}.txt"), t.to_string()).unwrap())
        .collect()
    }

    #[test]
    fn an_analysis_reads_back_the_same() {
        let arts = articles();
        let an = analyze(&arts);
        assert!(!an.contradictions.is_empty(), "12 against 9 killed");
        let back = super::Analysis::from_bytes(&an.to_bytes(), &arts).expect("fits");
        assert_eq!(back.to_bytes(), an.to_bytes());
        assert_eq!(back.contradictions, an.contradictions);
        // The rebuilt stemmer reads a query as the original did.
        assert_eq!(back.stemmer.stem("المبنى"), an.stemmer.stem("المبنى"));
    }

    #[test]
    fn bytes_of_other_articles_or_broken_bytes_are_refused() {
        let arts = articles();
        let bytes = analyze(&arts).to_bytes();
        // Another story's analysis does not fit these files.
        let short: Vec<Article> =
            vec![Article::from_text("s0.txt".into(), "انهيار مبنى.".into()).unwrap()];
        assert!(super::Analysis::from_bytes(&bytes, &short).is_none());
        // Cut short, or garbage.
        assert!(super::Analysis::from_bytes(&bytes[..bytes.len() / 2], &arts).is_none());
        assert!(super::Analysis::from_bytes(b"not an analysis", &arts).is_none());
    }
}
