//! Static files (style sheet, fonts, scripts) embedded in the binary.
//!
//! In: a path under `/static/`. Out: the file with its content type and a
//! cache header, or the 404 page. Only embedded files exist here, so no
//! path can reach the file system.

use super::{PathParams, WebError};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;

#[derive(Embed)]
#[folder = "static/"]
struct Assets;

/// How long browsers may keep a static file: an hour, so a new build is
/// picked up within a working session.
const CACHE_CONTROL: &str = "public, max-age=3600";

/// The files a static share needs: the style sheet and the fonts, by
/// their path under `/static/` (`style.css`, `fonts/…`).
pub fn share_files() -> Vec<(String, Vec<u8>)> {
    Assets::iter()
        .filter(|p| p.as_ref() == "style.css" || p.starts_with("fonts/"))
        .filter_map(|p| Assets::get(&p).map(|f| (p.to_string(), f.data.into_owned())))
        .collect()
}

/// `GET /static/{path}`: an embedded file, or the 404 page.
pub async fn handler(PathParams(path): PathParams<String>) -> Result<Response, WebError> {
    let file = Assets::get(&path)
        .ok_or_else(|| WebError::NotFound(format!("لا يوجد ملف ثابت باسم {path}")))?;
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    Ok((
        [
            (header::CONTENT_TYPE, mime.as_ref().to_string()),
            (header::CACHE_CONTROL, CACHE_CONTROL.to_string()),
        ],
        file.data,
    )
        .into_response())
}
