//! Search across one story's sentences.
//!
//! In: `GET /stories/{story}/search?q=…`. Out: the segments matching every
//! word of the query (see [`crate::analysis::search`]: forms, stems, bare forms
//! and name entities), grouped by source, the matching words marked, each a
//! link to the sentence in its article. An empty query shows the form; a
//! query longer than [`MAX_QUERY_CHARS`] is a 400 page.

use super::marks::{self, Mark, Marked};
use super::view::{self, Source};
use super::{AppState, PathParams, QueryParams, WebError};
use crate::analysis::search::{MAX_QUERY_CHARS, search};
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct Params {
    pub q: Option<String>,
}

pub struct HitView {
    pub source: Source,
    pub segment: usize,
    pub html: Marked,
}

#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub nav: view::StoryNav,
    pub story_id: String,
    pub story_title: String,
    pub query: String,
    pub hits: Vec<HitView>,
    /// Sources with at least one hit.
    pub sources_hit: usize,
}

pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    QueryParams(params): QueryParams<Params>,
) -> Result<SearchPage, WebError> {
    let corpus = state.corpus();
    build(
        view::find_story(&corpus, &id)?,
        params.q.as_deref().unwrap_or(""),
    )
}

/// The results of `query` in `story`.
pub fn build(story: &Story, query: &str) -> Result<SearchPage, WebError> {
    let query = query.trim();
    if query.contains('\u{fffd}') {
        return Err(WebError::BadRequest(
            "نص البحث ليس نصًا صالحًا بترميز UTF-8".into(),
        ));
    }
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(WebError::BadRequest(format!(
            "نص البحث أطول من {MAX_QUERY_CHARS} حرفًا"
        )));
    }
    let sources = view::sources(story);
    let found = search(query, &story.articles, &story.analysis);
    let mut hit_sources: Vec<usize> = found.iter().map(|h| h.article).collect();
    hit_sources.dedup();
    let hits = found
        .into_iter()
        .map(|h| {
            let article = &story.articles[h.article];
            let seg = &article.segments[h.segment];
            let marks = h
                .spans
                .iter()
                .map(|&(start, end)| Mark {
                    start,
                    end,
                    class: "hit",
                    title: None,
                })
                .collect();
            HitView {
                source: sources[h.article].clone(),
                segment: h.segment,
                html: marks::render(&article.text, (seg.start, seg.end), marks),
            }
        })
        .collect();
    let mut nav = view::StoryNav::new(story, "search");
    nav.query = query.to_string();
    Ok(SearchPage {
        nav,
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        query: query.to_string(),
        hits,
        sources_hit: hit_sources.len(),
    })
}
