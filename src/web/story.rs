//! The story page: the articles of one story with titles and segment counts.
//!
//! In: `GET /stories/{story}`. Out: one row per article (title, file, size,
//! segments of each kind), or the 404 page for an unknown story.

use super::{AppState, PathParams, WebError, check_id};
use crate::text::SegmentKind;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

pub struct ArticleRow {
    pub id: String,
    pub file: String,
    pub title: String,
    pub title_inferred: bool,
    pub bytes: usize,
    /// Segment counts in the order of [`SegmentKind::ALL`].
    pub counts: Vec<usize>,
}

#[derive(Template, WebTemplate)]
#[template(path = "story.html")]
pub struct StoryPage {
    pub id: String,
    pub title: String,
    pub kinds: Vec<(&'static str, &'static str)>,
    pub articles: Vec<ArticleRow>,
}

pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<StoryPage, WebError> {
    let id = check_id(&id)?;
    let corpus = state.corpus();
    let story = corpus
        .story(id)
        .ok_or_else(|| WebError::NotFound(format!("لا توجد قصة بالمعرّف {id}")))?;
    let articles = story
        .articles
        .iter()
        .map(|a| ArticleRow {
            id: a.id.clone(),
            file: a.file.clone(),
            title: a.title.clone(),
            title_inferred: a.title_inferred,
            bytes: a.text.len(),
            counts: SegmentKind::ALL.iter().map(|&k| a.count(k)).collect(),
        })
        .collect();
    Ok(StoryPage {
        id: story.id.clone(),
        title: story.title.clone(),
        kinds: SegmentKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.label_ar()))
            .collect(),
        articles,
    })
}
