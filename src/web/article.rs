//! The article page: the original text with every segment marked.
//!
//! In: `GET /stories/{story}/articles/{article}`. Out: the file's text,
//! exactly as stored, cut into pieces: the white space between segments as
//! it is, and each segment in an element marked with its kind and language
//! and addressable as `#s{index}` (the index of the story JSON segment id).

use super::{AppState, PathParams, WebError, check_id};
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
}

#[derive(Template, WebTemplate)]
#[template(path = "article.html")]
pub struct ArticlePage {
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
    let mut pieces = Vec::with_capacity(article.segments.len() * 2 + 1);
    let mut at = 0;
    for (index, seg) in article.segments.iter().enumerate() {
        if seg.start > at {
            pieces.push(Piece {
                text: article.text[at..seg.start].to_string(),
                segment: None,
            });
        }
        pieces.push(Piece {
            text: article.segment_text(seg).to_string(),
            segment: Some(SegmentView {
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
    Ok(ArticlePage {
        story_id: story.id.clone(),
        story_title: story.title.clone(),

        file: article.file.clone(),
        title: article.title.clone(),
        title_inferred: article.title_inferred,
        pieces,
        legend,
    })
}
