//! The web layer: thin handlers over the library, one file per page.
//!
//! In: an [`AppState`] holding a loaded corpus. Out: an axum [`Router`]
//! serving HTML pages (askama templates, right to left, Arabic first), the
//! story JSON API and the embedded static files.
//!
//! Rules: handlers only look things up and fill templates; every failure is
//! a [`WebError`] rendered as an error page (404 for unknown ids, 400 for
//! malformed ones), never a panic or a bare error text. Every response
//! carries the security headers of [`security_headers`].

mod analysed;
pub mod api;
pub mod article;
mod assets;
mod cache;
pub mod compare;
pub mod contradiction;
pub mod dispute;
pub mod disputes;
mod error;
pub mod figures;
mod home;
pub mod live;
pub mod marks;
pub mod measure;
pub mod pair;
pub mod parts;
pub mod problems;
pub mod search;
pub mod share;
pub mod story;
pub mod upload;
pub mod urls;
pub mod verdict;
pub mod view;

pub use error::WebError;

use crate::corpus::{Corpus, is_valid_id};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::get;
use std::sync::{Arc, RwLock};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// What every handler can see: the corpus being served, which a reload
/// replaces whole (a request keeps the corpus it started with).
#[derive(Clone)]
pub struct AppState {
    corpus: Arc<RwLock<Arc<Corpus>>>,
    csrf: Arc<str>,
    pages: Arc<cache::PageCache>,
    /// Counts corpus replacements, so a page rendered from an old corpus is
    /// not cached after a reload.
    generation: Arc<std::sync::atomic::AtomicU64>,
    /// The desk's verdicts, kept in the workspace.
    verdicts: Arc<crate::verdicts::Store>,
}

impl AppState {
    /// State serving `corpus`, with a fresh form token and an empty page cache.
    pub fn new(corpus: Corpus) -> Self {
        let verdicts = crate::verdicts::Store::new(corpus.sources.workspace.as_deref());
        AppState {
            corpus: Arc::new(RwLock::new(Arc::new(corpus))),
            csrf: csrf_token().into(),
            pages: Arc::default(),
            generation: Arc::default(),
            verdicts: Arc::new(verdicts),
        }
    }

    /// The verdicts of the workspace.
    pub fn verdicts(&self) -> &crate::verdicts::Store {
        &self.verdicts
    }

    /// The verdicts, to move into a blocking task.
    pub fn verdicts_arc(&self) -> Arc<crate::verdicts::Store> {
        Arc::clone(&self.verdicts)
    }

    /// Drops every cached page (a verdict changed what they show).
    pub fn forget_pages(&self) {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.pages.clear();
    }

    fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// The token the forms carry: pages of other sites cannot read it.
    pub fn csrf_token(&self) -> &str {
        &self.csrf
    }

    /// The corpus being served now; a request keeps it even if a reload
    /// replaces it meanwhile.
    pub fn corpus(&self) -> Arc<Corpus> {
        let guard = self.corpus.read().unwrap_or_else(|e| e.into_inner());
        Arc::clone(&guard)
    }

    /// Serves `corpus` from now on.
    pub fn replace(&self, corpus: Corpus) {
        let mut guard = self.corpus.write().unwrap_or_else(|e| e.into_inner());
        *guard = Arc::new(corpus);
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.pages.clear();
    }
}

/// 128 random bits as hex, from the standard library's per-process random
/// hash keys and the clock.
fn csrf_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::new();
    for i in 0..2u8 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u8(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default(),
        );
        h.write_u32(std::process::id());
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// The Content-Security-Policy of every response: only this server's own
/// scripts, styles and fonts, no inline code, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     font-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

/// Headers set on every response.
pub fn security_headers() -> [(HeaderName, HeaderValue); 4] {
    [
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    ]
}

/// All routes of Mizan.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/", get(home::handler))
        .route("/stories/{story}", get(story::handler))
        .route("/stories/{story}/articles/{article}", get(article::handler))
        .route(
            "/stories/{story}/articles/{article}/text",
            get(article::text),
        )
        .route("/stories/{story}/compare", get(compare::handler))
        .route(
            "/stories/{story}/add",
            get(upload::add_form)
                .post(upload::add)
                .layer(DefaultBodyLimit::max(upload::MAX_FORM_BYTES)),
        )
        .route(
            "/new",
            get(upload::new_form)
                .post(upload::create)
                .layer(DefaultBodyLimit::max(upload::MAX_FORM_BYTES)),
        )
        .route("/stories/{story}/pair/{a}/{b}", get(pair::handler))
        .route("/stories/{story}/pair", get(pair::choose))
        .route("/stories/{story}/search", get(search::handler))
        .route("/stories/{story}/disputes", get(disputes::handler))
        .route("/stories/{story}/figures", get(figures::handler))
        .route("/stories/{story}/disputes/{id}", get(dispute::handler))
        .route(
            "/stories/{story}/verdicts",
            axum::routing::post(verdict::post),
        )
        .route("/stories/{story}/contradictions", get(contradiction::list))
        .route(
            "/stories/{story}/contradictions/{id}",
            get(contradiction::handler),
        )
        .route("/api/v1/stories", get(api::stories))
        .route("/api/v1/stories/{story}", get(api::story))
        .route("/static/{*path}", get(assets::handler))
        .fallback(|| async {
            WebError::NotFound("لا توجد صفحة بهذا العنوان".into())
        })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            analysed::middleware,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            cache::middleware,
        ))
        .with_state(state)
        .layer(axum::middleware::map_response(error::pages_for_bare_errors));
    for (name, value) in security_headers() {
        router = router.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    router
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

/// Path parameters whose extraction failures (for example bad
/// percent-encoding) become the 400 page instead of axum's plain text.
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(WebError))]
pub struct PathParams<T>(pub T);

/// Query parameters whose extraction failures become the 400 page.
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(WebError))]
pub struct QueryParams<T>(pub T);

/// Checks a path parameter: a malformed id is a 400, not a 404.
fn check_id(id: &str) -> Result<&str, WebError> {
    if is_valid_id(id) {
        Ok(id)
    } else {
        Err(WebError::BadRequest(
            "المعرّف في العنوان غير صالح: يُقبل فقط الحروف والأرقام و- و_ و.".into(),
        ))
    }
}

/// Serves `router` on `listener` until `shutdown` completes, letting
/// requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
