//! The disputes of a story, read in one glance.
//!
//! In: `GET /stories/{story}/disputes`. Out: every dispute in reading
//! order: the measure in words, each side's value with the sources that
//! say it, "possible update" with the delay when publication times allow,
//! and a link to the dispute's page.
//!
//! Rules: one line a dispute, however many sentence pairs are behind it
//! (the seeds' one drone against three is one dispute, not ten).

use super::dispute::{Summary, summarise};
use super::urls::StoryUrls;
use super::verdict::view_of;
use super::{AppState, PathParams, QueryParams, WebError, view};
use crate::corpus::Story;
use crate::verdicts::Record;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

/// The disputes list.
#[derive(Template, WebTemplate)]
#[template(path = "disputes.html")]
pub struct DisputesPage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// The disputes shown, in reading order.
    pub rows: Vec<Summary>,
    /// The filter: `open`, `decided` or empty for all.
    pub status: String,
    /// (all, open, decided) counts.
    pub counts: (usize, usize, usize),
    /// The line a printed brief opens with ([`view::print_head`]).
    pub print_head: String,
}

/// The query string of the disputes list.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    /// `open` for the disputes not yet decided, `decided` for the others;
    /// absent for all.
    pub status: Option<String>,
}

/// `GET /stories/{story}/disputes`.
pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    QueryParams(params): QueryParams<Params>,
) -> Result<DisputesPage, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &id)?;
    let verdicts = state.verdicts().current(&story.id).unwrap_or_default();
    build(story, &verdicts, params.status.as_deref().unwrap_or(""))
}

/// The disputes list of `story` with the desk's `verdicts`, filtered by
/// `status` (`open`, `decided` or empty).
pub fn build(story: &Story, verdicts: &[Record], status: &str) -> Result<DisputesPage, WebError> {
    if !matches!(status, "" | "open" | "decided") {
        return Err(WebError::BadRequest(format!(
            "قيمة status غير معروفة: {status} (المقبول: open أو decided)"
        )));
    }
    let decided = |id: &str| crate::verdicts::is_decided(verdicts, id);
    let all = story.analysis().disputes.len();
    let closed = story
        .analysis()
        .disputes
        .iter()
        .filter(|d| decided(&d.id))
        .count();
    let rows = story
        .analysis()
        .disputes
        .iter()
        .filter(|d| match status {
            "open" => !decided(&d.id),
            "decided" => decided(&d.id),
            _ => true,
        })
        .map(|d| {
            let mut s = summarise(story, d, 0);
            s.verdict = view_of(verdicts, &d.id);
            s
        })
        .collect();
    Ok(DisputesPage {
        nav: view::StoryNav::new(story, "disputes"),
        urls: StoryUrls::new(&story.id),
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        rows,
        status: status.to_string(),
        counts: (all, all - closed, closed),
        print_head: view::print_head(story),
    })
}
