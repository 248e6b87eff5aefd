//! The story JSON API: the same documents `mizan export` prints.
//!
//! In: `GET /api/v1/stories` or `GET /api/v1/stories/{story}`, with an
//! optional `?pretty=true|false`. Out: the corpus document (all stories) or
//! one story document, as `application/json`.

use super::{AppState, PathParams, WebError, check_id};
use crate::story_json::{corpus_doc, story_doc};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// The query string of the API: `?pretty=true` indents the JSON.
#[derive(Deserialize)]
pub struct ApiParams {
    #[serde(default)]
    pretty: bool,
}

fn params(query: Result<Query<ApiParams>, QueryRejection>) -> Result<ApiParams, WebError> {
    query
        .map(|Query(p)| p)
        .map_err(|e| WebError::BadRequest(format!("معامل غير صالح في الاستعلام: {}", e.body_text())))
}

fn json(value: &impl Serialize, pretty: bool) -> Response {
    let body = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    let body = body.expect("story JSON always serialises");
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// `GET /api/v1/stories`: every story's document, with its verdicts.
pub async fn stories(
    State(state): State<AppState>,
    query: Result<Query<ApiParams>, QueryRejection>,
) -> Result<Response, WebError> {
    let p = params(query)?;
    let corpus = state.corpus();
    let mut all = corpus_doc(&corpus);
    for (d, s) in all.stories.iter_mut().zip(&corpus.stories) {
        d.verdicts = verdict_docs(s, &state.verdicts().current(&s.id).unwrap_or_default());
    }
    Ok(json(&all, p.pretty))
}

/// `GET /api/v1/stories/{story}`: one story's document, with its verdicts.
pub async fn story(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    query: Result<Query<ApiParams>, QueryRejection>,
) -> Result<Response, WebError> {
    let p = params(query)?;
    let id = check_id(&id)?;
    let corpus = state.corpus();
    let story = corpus
        .story(id)
        .ok_or_else(|| WebError::NotFound(format!("لا توجد قصة بالمعرّف {id}")))?;
    let mut doc = story_doc(story);
    doc.verdicts = verdict_docs(
        story,
        &state.verdicts().current(&story.id).unwrap_or_default(),
    );
    Ok(json(&doc, p.pretty))
}

/// The story JSON's `verdicts` for `records` of `story`.
pub fn verdict_docs(
    story: &crate::corpus::Story,
    records: &[crate::verdicts::Record],
) -> Vec<crate::story_json::VerdictDoc> {
    let an = &story.analysis();
    records
        .iter()
        .map(|r| crate::story_json::VerdictDoc {
            target: r.target.clone(),
            verdict: r.verdict.key().to_string(),
            note: r.note.clone(),
            reviewer: r.reviewer.clone(),
            at: r.at,
            current: an.has_flag(&r.target),
        })
        .collect()
}
