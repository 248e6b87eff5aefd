//! The contradiction navigator: one contradiction per page, and their list.
//!
//! In: `GET /stories/{story}/contradictions/{id}` (ids from
//! [`crate::compare::ids`], stable across restarts and machines) and
//! `GET /stories/{story}/contradictions`. Out: both sentences in context
//! (the sentence before and after in each source), the conflicting values
//! marked, the explanation in Arabic, and links to the previous and next
//! contradiction (also as `<link rel>` for the `j`/`k` keys of
//! `static/app.js`). The list page lists them all. A 400 page for a
//! malformed id, a 404 page for an unknown one.

use super::marks::{self, Marked};
use super::view::{self, Source};
use super::{AppState, PathParams, WebError};
use crate::compare::ids::is_contradiction_id;
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

pub struct SideView {
    pub source: Source,
    pub segment: usize,
    pub before: Option<String>,
    pub html: Marked,
    pub after: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "contradiction.html")]
pub struct ContradictionPage {
    pub nav: view::StoryNav,
    pub story_id: String,
    pub story_title: String,
    pub id: String,
    /// 1-based place among the story's contradictions, and their count.
    pub number: usize,
    pub total: usize,
    /// The two sides, `a` (earlier source) first.
    pub sides: Vec<SideView>,
    pub explanations: Vec<String>,
    /// Set when the sources were published at different times.
    pub update: Option<String>,
    pub score: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

pub struct ListRow {
    pub id: String,
    pub a: String,
    pub a_text: String,
    pub b: String,
    pub b_text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "contradictions.html")]
pub struct ListPage {
    pub nav: view::StoryNav,
    pub story_id: String,
    pub story_title: String,
    pub rows: Vec<ListRow>,
}

pub async fn handler(
    State(state): State<AppState>,
    PathParams((story_id, id)): PathParams<(String, String)>,
) -> Result<ContradictionPage, WebError> {
    let corpus = state.corpus();
    build(view::find_story(&corpus, &story_id)?, &id)
}

pub async fn list(
    State(state): State<AppState>,
    PathParams(story_id): PathParams<String>,
) -> Result<ListPage, WebError> {
    let corpus = state.corpus();
    Ok(build_list(view::find_story(&corpus, &story_id)?))
}

/// The page of contradiction `id` of `story`.
pub fn build(story: &Story, id: &str) -> Result<ContradictionPage, WebError> {
    if !is_contradiction_id(id) {
        return Err(WebError::BadRequest(
            "معرّف التناقض غير صالح: اثنا عشر حرفًا من 0-9 وa-f".into(),
        ));
    }
    let an = &story.analysis;
    let (place, c) = an.contradiction(id).ok_or_else(|| {
        WebError::NotFound(format!(
            "لا يوجد في هذه القصة تناقض بالمعرّف {id}؛ ربما تغيّر أحد الملفين"
        ))
    })?;
    let link = &an.links[c.link];
    let sources = view::sources(story);
    let side = |u: usize, side_a: bool| {
        let unit = &an.units[u];
        let article = &story.articles[unit.article];
        let seg = &article.segments[unit.segment];
        let neighbour = |i: Option<usize>| {
            i.and_then(|i| article.segments.get(i))
                .map(|s| article.segment_text(s).to_string())
        };
        SideView {
            source: sources[unit.article].clone(),
            segment: unit.segment,
            before: neighbour(unit.segment.checked_sub(1)),
            html: marks::render(
                &article.text,
                (seg.start, seg.end),
                view::conflict_marks(link, side_a),
            ),
            after: neighbour(Some(unit.segment + 1)),
        }
    };
    let (a, b) = (side(link.a, true), side(link.b, false));
    let explanations = link
        .differences
        .iter()
        .map(|d| view::explain(d, &a.source.label(), &b.source.label()))
        .collect();
    let total = an.contradictions.len();
    Ok(ContradictionPage {
        nav: view::StoryNav::new(story, "contradictions"),
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        id: c.id.clone(),
        number: place + 1,
        total,
        sides: vec![a, b],
        explanations,
        update: view::update_note(story, link),
        score: format!("{:.2}", link.score),
        prev: place
            .checked_sub(1)
            .map(|p| an.contradictions[p].id.clone()),
        next: an.contradictions.get(place + 1).map(|c| c.id.clone()),
    })
}

/// Every contradiction of `story`, in reading order.
pub fn build_list(story: &Story) -> ListPage {
    let an = &story.analysis;
    let sources = view::sources(story);
    let text = |u: usize| {
        let unit = &an.units[u];
        let a = &story.articles[unit.article];
        a.segment_text(&a.segments[unit.segment]).to_string()
    };
    ListPage {
        nav: view::StoryNav::new(story, "contradictions"),
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        rows: an
            .contradictions
            .iter()
            .map(|c| {
                let l = &an.links[c.link];
                ListRow {
                    id: c.id.clone(),
                    a: sources[an.units[l.a].article].label(),
                    a_text: text(l.a),
                    b: sources[an.units[l.b].article].label(),
                    b_text: text(l.b),
                }
            })
            .collect(),
    }
}
