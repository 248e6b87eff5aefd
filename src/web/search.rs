//! Search across one story's sentences.
//!
//! In: `GET /stories/{story}/search?q=…`. Out: the segments matching every
//! word of the query (see [`crate::analysis::search`]: forms, stems, bare forms
//! and name entities), grouped by source, the matching words marked, each a
//! link to the sentence in its article. An empty query shows the form; a
//! query longer than [`MAX_QUERY_CHARS`] is a 400 page.

use super::marks::{self, Mark, Marked};
use super::parts::{LIST_BUDGET, Parts, PartsNav};
use super::urls::StoryUrls;
use super::view::{self, Source};
use super::{AppState, PathParams, QueryParams, WebError};
use crate::analysis::search::{MAX_QUERY_CHARS, search};
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use serde::Deserialize;

/// The query string of the search page.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    /// The words searched for; absent or empty shows the form alone.
    pub q: Option<String>,
    /// The part of a long result list to show, 1-based.
    pub part: Option<usize>,
}

/// One matching segment, its matching words marked.
pub struct HitView {
    /// The source the segment is from.
    pub source: Source,
    /// The segment's index in its article (its anchor `#s{segment}`).
    pub segment: usize,
    /// The segment as HTML, the words matching the query marked.
    pub html: Marked,
}

/// The search page: a story's segments that match every word of the query.
#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
pub struct SearchPage {
    /// The story's navigation bar, its search box holding the query.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// The query, trimmed; empty when none was given.
    pub query: String,
    /// The matching segments of the part shown, grouped by source in the
    /// story's order.
    pub hits: Vec<HitView>,
    /// How many segments match in all.
    pub hit_count: usize,
    /// Links to the other parts of a long result list.
    pub parts_nav: Option<PartsNav>,
    /// Sources with at least one hit.
    pub sources_hit: usize,
}

/// `GET /stories/{story}/search?q=…`: the results of `q` in the story, or
/// a 400 page for a query too long or not UTF-8.
pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    QueryParams(params): QueryParams<Params>,
) -> Result<SearchPage, WebError> {
    let corpus = state.corpus();
    build(
        view::find_story(&corpus, &id)?,
        params.q.as_deref().unwrap_or(""),
        params.part,
    )
}

/// The results of `query` in `story`: part `part` (1-based) of them,
/// [`LIST_BUDGET`] a part.
pub fn build(story: &Story, query: &str, part: Option<usize>) -> Result<SearchPage, WebError> {
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
    let found = search(query, &story.articles, &story.analysis());
    let mut hit_sources: Vec<usize> = found.iter().map(|h| h.article).collect();
    hit_sources.dedup();
    let hit_count = found.len();
    let parts = Parts::new(hit_count, LIST_BUDGET, part, None);
    let hits = found[parts.range()]
        .iter()
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
        urls: StoryUrls::new(&story.id),
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        query: query.to_string(),
        parts_nav: PartsNav::new(
            &parts,
            &StoryUrls::new(&story.id).search_for(query),
            "النتائج",
        ),
        hits,
        hit_count,
        sources_hit: hit_sources.len(),
    })
}
