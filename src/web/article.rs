//! The article page: the original text with every segment marked.
//!
//! In: `GET /stories/{story}/articles/{article}`. Out: the file's text,
//! exactly as stored, cut into pieces: the white space between segments as
//! it is, and each segment in an element marked with its kind and language
//! and addressable as `#s{index}` (the index of the story JSON segment id).
//! Each compared sentence is annotated: confirmed by which sources (links to
//! their sentences), contradicted by which (links to the contradiction
//! pages), or reported by this source alone.

use super::{AppState, PathParams, WebError, check_id, view};
use crate::text::SegmentKind;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

/// A stretch of the article: a segment, or the white space between two.
pub struct Piece {
    pub text: String,
    pub segment: Option<SegmentView>,
}

pub struct SegmentView {
    pub index: usize,
    pub kind: &'static str,
    pub label: &'static str,
    pub lang: &'static str,
    pub dir: &'static str,
    pub start: usize,
    pub end: usize,
    /// True for sentences that were compared with the other sources.
    pub compared: bool,
    /// (source label, link to the matching sentence).
    pub confirmed: Vec<(String, String)>,
    /// (source label, link to the contradiction page).
    pub contradicted: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "article.html")]
pub struct ArticlePage {
    pub nav: view::StoryNav,
    /// What the front matter says: (label, value, link).
    pub metadata: Vec<(&'static str, String, Option<String>)>,
    /// Front-matter lines that could not be read.
    pub metadata_problems: Vec<String>,
    pub story_id: String,
    pub story_title: String,
    pub file: String,
    pub title: String,
    pub title_inferred: bool,
    pub pieces: Vec<Piece>,
    pub legend: Vec<(&'static str, &'static str, usize)>,
}

pub async fn handler(
    State(state): State<AppState>,
    PathParams((story_id, article_id)): PathParams<(String, String)>,
) -> Result<ArticlePage, WebError> {
    let story_id = check_id(&story_id)?;
    let article_id = check_id(&article_id)?;
    let corpus = state.corpus();
    let story = corpus
        .story(story_id)
        .ok_or_else(|| WebError::NotFound(format!("لا توجد قصة بالمعرّف {story_id}")))?;
    let article = story.article(article_id).ok_or_else(|| {
        WebError::NotFound(format!("لا يوجد في هذه القصة مقال بالمعرّف {article_id}"))
    })?;
    let an = &story.analysis;
    let article_index = story
        .articles
        .iter()
        .position(|a| a.id == article.id)
        .unwrap_or_default();
    let sources = view::sources(story);
    let annotations = |segment: usize| {
        let mut confirmed = Vec::new();
        let mut contradicted = Vec::new();
        let Some(u) = an.unit_of(article_index, segment) else {
            return (false, confirmed, contradicted);
        };
        for (o, i, _) in an.links_of(u) {
            let other = &an.units[o];
            let label = sources[other.article].label();
            if let Some(c) = an.contradiction_of(i) {
                contradicted.push((
                    label,
                    format!("/stories/{}/contradictions/{}", story.id, c.id),
                ));
            } else {
                confirmed.push((
                    label,
                    format!(
                        "/stories/{}/articles/{}#s{}",
                        story.id, story.articles[other.article].id, other.segment
                    ),
                ));
            }
        }
        confirmed.sort();
        confirmed.dedup_by(|x, y| x.0 == y.0);
        contradicted.sort();
        (true, confirmed, contradicted)
    };
    let mut pieces = Vec::with_capacity(article.segments.len() * 2 + 1);
    let mut at = 0;
    for (index, seg) in article.segments.iter().enumerate() {
        if seg.start > at {
            pieces.push(Piece {
                text: article.text[at..seg.start].to_string(),
                segment: None,
            });
        }
        let (compared, confirmed, contradicted) = annotations(index);
        pieces.push(Piece {
            text: article.segment_text(seg).to_string(),
            segment: Some(SegmentView {
                compared,
                confirmed,
                contradicted,
                index,
                kind: seg.kind.as_str(),
                label: seg.kind.label_ar(),
                lang: seg.lang,
                dir: if seg.lang == "ar" { "rtl" } else { "ltr" },
                start: seg.start,
                end: seg.end,
            }),
        });
        at = seg.end;
    }
    if at < article.text.len() {
        pieces.push(Piece {
            text: article.text[at..].to_string(),
            segment: None,
        });
    }
    let legend = SegmentKind::ALL
        .iter()
        .map(|&k| (k.as_str(), k.label_ar(), article.count(k)))
        .collect();
    let fm = article.front_matter.as_ref();
    let mut metadata = Vec::new();
    if let Some(fm) = fm {
        if let Some(s) = &fm.source {
            metadata.push(("المصدر", s.clone(), None));
        }
        if let Some(p) = &fm.published {
            metadata.push(("تاريخ النشر", p.to_string(), None));
        }
        if let Some(u) = &fm.url {
            metadata.push(("الرابط", u.clone(), Some(u.clone())));
        }
        if let Some(l) = &fm.language {
            metadata.push(("اللغة", l.clone(), None));
        }
    }
    if let Some(enc) = article.converted_from {
        metadata.push((
            "الترميز",
            format!("حُوّل من {enc} إلى UTF-8؛ مواضع البايتات في النص المحوَّل"),
            None,
        ));
    }
    if let Some(s) = &article.inferred_source {
        metadata.push(("المصدر (مستنتج من آخر سطر)", s.clone(), None));
    }
    if let Some(p) = &article.inferred_published {
        metadata.push(("تاريخ النشر (مستنتج من سطر التاريخ)", p.to_string(), None));
    }
    Ok(ArticlePage {
        metadata,
        metadata_problems: fm
            .map(|f| f.problems.iter().map(|p| p.to_string()).collect())
            .unwrap_or_default(),
        nav: view::StoryNav::new(story, ""),
        story_id: story.id.clone(),
        story_title: story.title.clone(),

        file: article.file.clone(),
        title: article.title.clone(),
        title_inferred: article.title_inferred,
        pieces,
        legend,
    })
}
