//! The home page: the stories of the corpus and the files that were skipped.
//!
//! In: `GET /`. Out: a list of stories with their titles, ids and article
//! counts, and the load problems (path, an Arabic message with advice, the
//! technical detail after it), so a user sees why a file they dropped in is
//! missing.

use super::AppState;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

pub struct StoryRow {
    pub id: String,
    pub urls: super::urls::StoryUrls,
    pub title: String,
    pub articles: String,
    pub sentences: String,
}

pub struct ProblemRow {
    pub path: String,
    /// What it means, in Arabic, with advice.
    pub message: &'static str,
    /// The technical detail (English), shown smaller after it.
    pub detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub stories: Vec<StoryRow>,
    pub new_story: &'static str,
    pub problems: Vec<ProblemRow>,
}

pub async fn handler(State(state): State<AppState>) -> HomePage {
    let corpus = state.corpus();
    let stories = corpus
        .stories
        .iter()
        .map(|s| StoryRow {
            id: s.id.clone(),
            urls: super::urls::StoryUrls::new(&s.id),
            title: s.title.clone(),
            articles: super::view::count_ar(s.articles.len(), super::view::ARTICLES),
            sentences: super::view::count_ar(
                s.articles
                    .iter()
                    .map(|a| a.count(crate::text::SegmentKind::Sentence))
                    .sum(),
                super::view::SENTENCES,
            ),
        })
        .collect();
    let problems = corpus
        .problems
        .iter()
        .map(|p| ProblemRow {
            path: p.path.display().to_string(),
            message: super::problems::message(p.kind),
            detail: p.reason.clone(),
        })
        .collect();
    HomePage {
        stories,
        problems,
        new_story: super::urls::NEW_STORY,
    }
}
