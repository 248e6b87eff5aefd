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
//!
//! Rules: a pair that belongs to a dispute is read with its dispute, so
//! its bare address (an old link, a colleague's link, a chip on the
//! overview) redirects to the dispute with the pair shown on top
//! (`/disputes/{d}?pair={id}#pair`); the pair's own page, with its verdict
//! form, is `?view=pair` ([`StoryUrls::contradiction_pair`]), where the navigator's `j` / `k`
//! walk. A pair in no dispute (a denial, an opposite) is its own page.

use super::marks::{self, Marked};
use super::urls::StoryUrls;
use super::view::{self, Source};
use super::{AppState, PathParams, QueryParams, WebError};
use crate::compare::ids::is_contradiction_id;
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

/// One side of a contradiction: a source's sentence, marked, with its
/// neighbours for context.
pub struct SideView {
    /// The source the sentence is from.
    pub source: Source,
    /// The sentence's segment index in its article (its anchor `#s{segment}`).
    pub segment: usize,
    /// The text of the segment before, when there is one.
    pub before: Option<String>,
    /// The sentence as HTML, its conflicting values marked.
    pub html: Marked,
    /// The text of the segment after, when there is one.
    pub after: Option<String>,
}

/// The page of one contradiction: both sentences in context, the
/// conflicting values marked and explained.
#[derive(Template, WebTemplate)]
#[template(path = "contradiction.html")]
pub struct ContradictionPage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// The contradiction's id (twelve hex digits, stable across restarts).
    pub id: String,
    /// 1-based place among the story's contradictions, and their count.
    pub number: usize,
    /// How many contradictions the story has.
    pub total: usize,
    /// The two sides, `a` (earlier source) first.
    pub sides: Vec<SideView>,
    /// One explanation in Arabic per difference between the two sentences.
    pub explanations: Vec<String>,
    /// Set when the sources were published at different times.
    pub update: Option<String>,
    /// The two sentences' similarity score, with two decimals.
    pub score: String,
    /// Id of the contradiction before this one, if any.
    pub prev: Option<String>,
    /// Id of the contradiction after this one, if any.
    pub next: Option<String>,
    /// The dispute this pair belongs to: its id and measure in words.
    pub dispute: Option<(String, String)>,
    /// The desk's verdict on this pair, when one was given.
    pub verdict: Option<super::verdict::VerdictView>,
    /// Every verdict given on it, oldest first.
    pub history: Vec<super::verdict::VerdictView>,
    /// The verdict form; `None` without a workspace.
    pub form: Option<super::verdict::VerdictForm>,
    /// True in a static share (never here: kept for the shared template).
    pub shared: bool,
}

/// One contradiction in the list: its id and both sentences with their
/// sources.
pub struct ListRow {
    /// The contradiction's id, for its link.
    pub id: String,
    /// Label of side `a`'s source (the earlier article).
    pub a: String,
    /// Side `a`'s sentence, as written.
    pub a_text: String,
    /// Label of side `b`'s source.
    pub b: String,
    /// Side `b`'s sentence, as written.
    pub b_text: String,
}

/// The list of a story's contradictions, in reading order.
#[derive(Template, WebTemplate)]
#[template(path = "contradictions.html")]
pub struct ListPage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// The contradictions of this part, in reading order.
    pub rows: Vec<ListRow>,
    /// How many contradictions the story has.
    pub total: usize,
    /// The number of the first row shown, 1-based.
    pub first: usize,
    /// Links to the other parts of a long list.
    pub parts_nav: Option<super::parts::PartsNav>,
}

/// Contradictions listed a part: each row quotes two whole sentences.
pub const LIST_PER_PART: usize = 100;

/// The query of the list: the part shown.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListParams {
    /// 1-based part of a long list.
    pub part: Option<usize>,
}

/// How a contradiction's address is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The pair's own page (`?view=pair`), even when it is in a dispute.
    Pair,
}

/// The query of a contradiction's address.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    /// `pair` for the pair's own page; absent, a pair in a dispute
    /// redirects to it.
    pub view: Option<View>,
}

/// `GET /stories/{story}/contradictions/{id}`: a pair in a dispute
/// redirects to the dispute with the pair on top; otherwise (or with
/// `?view=pair`) the pair's page. A 400 page for a malformed id and a 404
/// page for an unknown one. An id not found in the named story (a
/// colleague's copy of the files sits in a folder of another name) is
/// looked up in every story and redirected to.
pub async fn handler(
    State(state): State<AppState>,
    PathParams((story_id, id)): PathParams<(String, String)>,
    QueryParams(params): QueryParams<Params>,
) -> Result<Response, WebError> {
    let corpus = state.corpus();
    let here = view::find_story(&corpus, &story_id);
    if let Ok(story) = here
        && let Some((_, c)) = story.analysis().contradiction(&id)
    {
        let an = story.analysis();
        let dispute = an.dispute_of(c.link);
        match (params.view, dispute) {
            (None, Some(d)) => {
                let to = StoryUrls::new(&story.id).dispute_with_pair(&d.id, &id);
                return Ok(Redirect::to(&to).into_response());
            }
            (Some(View::Pair), _) | (None, None) => {}
        }
        let mut page = build(story, &id)?;
        (page.verdict, page.history, page.form) = super::verdict::section(&state, &story.id, &id);
        return Ok(super::upload::with_form_cookie(
            &state,
            axum::http::StatusCode::OK,
            page,
        ));
    }
    if is_contradiction_id(&id)
        && let Some(other) = corpus
            .stories
            .iter()
            .find(|s| s.id != story_id && s.analysis().contradiction(&id).is_some())
    {
        let to = StoryUrls::new(&other.id).contradiction(&id);
        return Ok(Redirect::to(&to).into_response());
    }
    build(here?, &id).map(IntoResponse::into_response)
}

/// `GET /stories/{story}/contradictions`: the list of the story's
/// contradictions.
pub async fn list(
    State(state): State<AppState>,
    PathParams(story_id): PathParams<String>,
    QueryParams(params): QueryParams<ListParams>,
) -> Result<ListPage, WebError> {
    let corpus = state.corpus();
    Ok(build_list(
        view::find_story(&corpus, &story_id)?,
        params.part,
    ))
}

/// The page of contradiction `id` of `story`.
pub fn build(story: &Story, id: &str) -> Result<ContradictionPage, WebError> {
    if !is_contradiction_id(id) {
        return Err(WebError::BadRequest(
            "معرّف التناقض غير صالح: اثنا عشر حرفًا من 0-9 وa-f".into(),
        ));
    }
    let an = &story.analysis();
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
        urls: StoryUrls::new(&story.id),
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        id: c.id.clone(),
        number: place + 1,
        total,
        sides: vec![a, b],
        explanations,
        update: view::update_note(story, link),
        score: format!("{:.2}", link.score),
        dispute: an
            .dispute_of(c.link)
            .map(|d| (d.id.clone(), super::dispute::summarise(story, d, 0).measure)),
        verdict: None,
        history: Vec::new(),
        form: None,
        shared: false,
        prev: place
            .checked_sub(1)
            .map(|p| an.contradictions[p].id.clone()),
        next: an.contradictions.get(place + 1).map(|c| c.id.clone()),
    })
}

/// Every contradiction of `story`, in reading order.
pub fn build_list(story: &Story, part: Option<usize>) -> ListPage {
    let an = &story.analysis();
    let urls = StoryUrls::new(&story.id);
    let parts = super::parts::Parts::new(an.contradictions.len(), LIST_PER_PART, part, None);
    let shown = parts.range();
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
        total: an.contradictions.len(),
        first: shown.start + 1,
        parts_nav: super::parts::PartsNav::new(&parts, &urls.contradictions(), "التناقضات"),
        urls,
        rows: an.contradictions[shown]
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
