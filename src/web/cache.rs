//! A cache of rendered pages: a page of the same corpus and the same URL is
//! the same bytes, so it is rendered once.
//!
//! In: every request, through [`middleware`]. Out: for `GET` requests of a
//! story's reading pages, the stored HTML (and `Set-Cookie` headers) of an
//! earlier 200 response when there is one; otherwise the handler's
//! response, stored on the way out.
//!
//! Rules:
//! - Only `GET` pages under `/stories/` are cached, never the add forms
//!   (they carry what was typed) nor the API; the key is the whole path and
//!   query. A page's cookies are kept with it: the verdict form's token
//!   cookie (the same for everyone) comes back with every cached copy.
//! - Replacing the corpus empties the cache ([`PageCache::clear`]), so a
//!   reload is seen at once.
//! - At most [`MAX_PAGES`] pages are kept, each at most [`MAX_PAGE_BYTES`];
//!   when full the cache is emptied and refills with what is asked for
//!   (no bookkeeping per request).

use super::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Mutex;

/// Pages kept: every reading page of tens of stories, a few megabytes.
pub const MAX_PAGES: usize = 512;

/// Largest page kept (bytes of HTML); a bigger page is rendered each time.
pub const MAX_PAGE_BYTES: usize = 2 << 20;

/// A rendered page: its `Set-Cookie` headers (a form's token cookie goes
/// with the form) and its HTML.
#[derive(Clone)]
struct Page {
    cookies: Vec<HeaderValue>,
    html: Bytes,
}

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, Page>>,
}

impl PageCache {
    pub fn clear(&self) {
        self.pages.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    fn get(&self, key: &str) -> Option<Page> {
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    fn put(&self, key: String, page: Page) {
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= MAX_PAGES {
            pages.clear();
        }
        pages.insert(key, page);
    }
}

fn cacheable(req: &Request) -> bool {
    let path = req.uri().path();
    // The add forms carry what was typed back: rendered each time.
    req.method() == Method::GET && path.starts_with("/stories/") && !path.ends_with("/add")
}

fn html(page: Page) -> Response {
    let mut r = (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Body::from(page.html),
    )
        .into_response();
    for c in page.cookies {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    r
}

pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !cacheable(&req) {
        return next.run(req).await;
    }
    let key = req.uri().to_string();
    if let Some(page) = state.pages.get(&key) {
        return html(page);
    }
    let generation = state.generation();
    let response = next.run(req).await;
    if response.status() != StatusCode::OK || !super::error::is_html(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    // The page is this server's own, bounded by the render budgets of
    // [`super::parts`]: read it whole, and keep it only when small enough.
    // A large page is served, never turned into an error.
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            // A reload during rendering: the page may be of the old corpus.
            if state.generation() == generation && bytes.len() <= MAX_PAGE_BYTES {
                let cookies = parts
                    .headers
                    .get_all(header::SET_COOKIE)
                    .iter()
                    .cloned()
                    .collect();
                state.pages.put(
                    key,
                    Page {
                        cookies,
                        html: bytes.clone(),
                    },
                );
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => super::WebError::Internal(format!("page body: {e}")).into_response(),
    }
}
