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
use super::{AppState, PathParams, WebError, view};
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

/// The disputes list.
#[derive(Template, WebTemplate)]
#[template(path = "disputes.html")]
pub struct DisputesPage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// Every dispute, in reading order.
    pub rows: Vec<Summary>,
}

/// `GET /stories/{story}/disputes`.
pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<DisputesPage, WebError> {
    let corpus = state.corpus();
    Ok(build(view::find_story(&corpus, &id)?))
}

/// The disputes list of `story`.
pub fn build(story: &Story) -> DisputesPage {
    DisputesPage {
        nav: view::StoryNav::new(story, "disputes"),
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        rows: story
            .analysis
            .disputes
            .iter()
            .map(|d| summarise(story, d, 0))
            .collect(),
    }
}
