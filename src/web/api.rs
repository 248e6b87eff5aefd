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

pub async fn stories(
    State(state): State<AppState>,
    query: Result<Query<ApiParams>, QueryRejection>,
) -> Result<Response, WebError> {
    let p = params(query)?;
    let corpus = state.corpus();
    Ok(json(&corpus_doc(&corpus), p.pretty))
}

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
    Ok(json(&story_doc(story), p.pretty))
}
