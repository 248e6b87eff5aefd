//! Stories are analysed off the async threads.
//!
//! In: every request, through [`middleware`]. Out: the same request, passed
//! on once the story it names (`/stories/{story}/…`, `/api/v1/stories/
//! {story}`) has its analysis, or every story for `/api/v1/stories`.
//!
//! Rules: a story is analysed on first use ([`crate::corpus::Story::analysis`]);
//! that work (milliseconds, seconds for a story of hundreds of articles)
//! runs on the blocking pool, so a first visit never holds up the threads
//! that answer other requests. An analysed story passes straight through.

use super::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// The story a path names, its id decoded (links percent-encode it), if
/// any: `None` for pages of no story, `Some(None)` for the API of every
/// story.
fn story_of(path: &str) -> Option<Option<String>> {
    if path == super::urls::API_STORIES {
        return Some(None);
    }
    let rest = path
        .strip_prefix("/stories/")
        .or_else(|| path.strip_prefix("/api/v1/stories/"))?;
    let id = rest.split('/').next().filter(|s| !s.is_empty())?;
    Some(Some(super::urls::unescape(id)?))
}

/// Analyses the story a request needs on the blocking pool, then passes it on.
pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if let Some(wanted) = story_of(req.uri().path()) {
        let corpus = state.corpus();
        let pending = match &wanted {
            Some(id) => corpus.story(id).is_some_and(|s| !s.is_analysed()),
            None => corpus.stories.iter().any(|s| !s.is_analysed()),
        };
        if pending {
            let _ = tokio::task::spawn_blocking(move || match wanted {
                Some(id) => {
                    if let Some(s) = corpus.story(&id) {
                        s.analysis();
                    }
                }
                None => corpus.analyse_all(),
            })
            .await;
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::story_of;

    #[test]
    fn the_story_of_a_path() {
        let story = |p| story_of(p).map(|s| s.unwrap_or_else(|| "(all)".into()));
        assert_eq!(story("/stories/fire/compare").as_deref(), Some("fire"));
        assert_eq!(story("/stories/fire").as_deref(), Some("fire"));
        assert_eq!(story("/api/v1/stories/fire").as_deref(), Some("fire"));
        assert_eq!(story("/api/v1/stories").as_deref(), Some("(all)"));
        assert_eq!(
            story("/stories/%D8%BA%D8%B2%D8%A9/disputes").as_deref(),
            Some("غزة")
        );
        assert_eq!(story_of("/"), None);
        assert_eq!(story_of("/static/style.css"), None);
    }
}
