//! Adding articles in the browser: "add article" to a story and "new story".
//!
//! In: `GET /stories/{story}/add` and `GET /new` (the forms), and their
//! `POST`s as `multipart/form-data` with pasted text or an uploaded `.txt`
//! file, and optional outlet, URL and publication time. Out: the article
//! written into the story's folder ([`crate::corpus::store`], atomic), the
//! corpus reloaded, and a 303 to the new article; or the form again, with
//! what the user typed and a clear message, as a 400.
//!
//! Rules:
//! - Cross-site requests are refused (403): the form must carry the
//!   server's CSRF token (random per process, only readable by a page of
//!   this origin), and an `Origin` header that names a site must name this
//!   host (`null`, which browsers send under the no-referrer policy, is
//!   left to the token).
//! - An uploaded file is read as a file in the folder is (UTF-8, or UTF-16
//!   with a byte-order mark, converted; see [`crate::corpus::decode`]) and
//!   stored as UTF-8; it wins over pasted text when both are given.
//! - The folder stays the one source of truth: the page only writes a file
//!   and reloads, exactly as if the user had saved it there.

use super::view::{self, StoryNav};
use super::{AppState, PathParams, WebError};
use crate::corpus::store::{self, AddError, MAX_ARTICLE_BYTES, NewArticle};
use crate::corpus::{Corpus, is_valid_id};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::path::PathBuf;

/// Largest request body accepted by the forms: the article, its metadata
/// and the multipart framing.
pub const MAX_FORM_BYTES: usize = MAX_ARTICLE_BYTES + 64 * 1024;

/// The form that adds an article to a story or starts a new story, filled
/// again with what was typed when a post is refused.
#[derive(Template, WebTemplate)]
#[template(path = "upload.html")]
pub struct UploadPage {
    /// The story's navigation bar, for "add article"; `None` for "new story".
    pub nav: Option<StoryNav>,
    /// Set for "add article"; empty for "new story".
    pub story_id: String,
    /// The story's title for "add article"; empty for "new story".
    pub story_title: String,
    /// The URL the form posts to: `/stories/{story}/add` or `/new`.
    pub action: String,
    /// The server's CSRF token, sent back in a hidden field.
    pub csrf: String,
    /// The article fields as the user typed them (empty on a fresh form).
    pub form: NewArticle,
    /// For "new story": the folder name typed for the story, kept on refusal.
    pub new_story_id: String,
    /// For "new story": the title typed for `story.toml`, kept on refusal.
    pub new_story_title: String,
    /// Why the last post was refused, in Arabic; `None` on a fresh form.
    pub error: Option<String>,
    /// The largest article accepted, in bytes ([`MAX_ARTICLE_BYTES`]).
    pub max_bytes: usize,
}

fn page(state: &AppState, story: Option<(&str, &str)>, form: NewArticle) -> UploadPage {
    let corpus = state.corpus();
    let (story_id, story_title) = story.unwrap_or(("", ""));
    UploadPage {
        nav: story.and_then(|(id, _)| corpus.story(id).map(|s| StoryNav::new(s, ""))),
        story_id: story_id.to_string(),
        story_title: story_title.to_string(),
        action: match story {
            Some((id, _)) => format!("/stories/{id}/add"),
            None => "/new".to_string(),
        },
        csrf: state.csrf_token().to_string(),
        form,
        new_story_id: String::new(),
        new_story_title: String::new(),
        error: None,
        max_bytes: MAX_ARTICLE_BYTES,
    }
}

/// `GET /stories/{story}/add`: the empty "add article" form of a story, or
/// a 400/404 page.
pub async fn add_form(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<UploadPage, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &id)?;
    Ok(page(
        &state,
        Some((&story.id, &story.title)),
        NewArticle::default(),
    ))
}

/// `GET /new`: the empty "new story" form.
pub async fn new_form(State(state): State<AppState>) -> UploadPage {
    page(&state, None, NewArticle::default())
}

/// The fields of a posted form.
#[derive(Default)]
struct Posted {
    article: NewArticle,
    csrf: String,
    story_id: String,
    story_title: String,
    file_problem: Option<String>,
}

async fn read_form(mut multipart: Multipart) -> Result<Posted, WebError> {
    let mut p = Posted::default();
    let mut uploaded_name: Option<String> = None;
    let bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            WebError::TooLarge
        } else {
            WebError::BadRequest(format!("تعذّرت قراءة النموذج: {}", e.body_text()))
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(bad)?;
        if name == "file" {
            if bytes.is_empty() {
                continue;
            }
            // Decoded as a file in the folder would be (UTF-16 with a
            // byte-order mark is converted), so both ways agree.
            match crate::corpus::decode(bytes.to_vec()) {
                Ok((text, _)) => {
                    p.article.text = text;
                    uploaded_name = file_name;
                }
                Err(e) => {
                    p.file_problem = Some(format!(
                        "تعذّرت قراءة الملف {}: {} (التفاصيل: {e})",
                        file_name.unwrap_or_default(),
                        super::problems::article_message(e.kind()),
                    ))
                }
            }
            continue;
        }
        let value = String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "text" if p.article.text.is_empty() => p.article.text = value,
            "name" => p.article.name = value,
            "title" => p.article.title = value,
            "source" => p.article.source = value,
            "url" => p.article.url = value,
            "published" => p.article.published = value,
            "csrf" => p.csrf = value,
            "story_id" => p.story_id = value,
            "story_title" => p.story_title = value,
            _ => {}
        }
    }
    // Without a name of its own, an uploaded file keeps its file name.
    if p.article.name.trim().is_empty()
        && let Some(f) = uploaded_name
    {
        p.article.name = f.rsplit_once('.').map_or(f.clone(), |(s, _)| s.to_string());
    }
    Ok(p)
}

/// Refuses requests from other sites.
fn check_origin(state: &AppState, headers: &HeaderMap, token: &str) -> Result<(), WebError> {
    if token != state.csrf_token() {
        return Err(WebError::Forbidden(
            "النموذج منتهي الصلاحية أو مرسل من موقع آخر: أعد تحميل الصفحة وأرسله من جديد".into(),
        ));
    }
    if let (Some(origin), Some(host)) = (headers.get(header::ORIGIN), headers.get(header::HOST)) {
        let origin = origin.to_str().unwrap_or("");
        let host = host.to_str().unwrap_or("");
        let bare = origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .unwrap_or("");
        // `null` is what browsers send under this server's no-referrer
        // policy; the token has been checked already.
        if origin != "null" && bare != host {
            return Err(WebError::Forbidden(format!(
                "طلب من موقع آخر ({origin}) مرفوض"
            )));
        }
    }
    Ok(())
}

/// Reloads the corpus now, so the redirect shows the new article.
async fn reload(state: &AppState, root: PathBuf) -> Result<(), WebError> {
    super::live::load_now(state, root)
        .await
        .map(|_| ())
        .map_err(WebError::Internal)
}

fn existing(corpus: &Corpus, story: &str) -> Vec<(String, String)> {
    corpus
        .story(story)
        .map(|s| {
            s.articles
                .iter()
                .map(|a| (a.id.clone(), a.text.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn refused(mut p: UploadPage, message: String) -> Response {
    p.error = Some(message);
    (StatusCode::BAD_REQUEST, p).into_response()
}

/// `POST /stories/{story}/add`: writes the posted article into the story's
/// folder, reloads the corpus and redirects (303) to the new article; the
/// form again with a message (400) when the article is refused.
pub async fn add(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &id)?;
    let posted = read_form(multipart).await?;
    check_origin(&state, &headers, &posted.csrf)?;
    let form = page(
        &state,
        Some((&story.id, &story.title)),
        posted.article.clone(),
    );
    if let Some(problem) = posted.file_problem {
        return Ok(refused(form, problem));
    }
    let content = match store::validate(&posted.article, &existing(&corpus, &story.id)) {
        Ok(c) => c,
        Err(e) => return Ok(refused(form, e.to_string())),
    };
    let dir = story.dir.clone();
    let name = posted.article.name.clone();
    let path = tokio::task::spawn_blocking(move || store::write_atomic(&dir, &name, &content))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let path = match path {
        Ok(p) => p,
        Err(e) => return Ok(refused(form, e.to_string())),
    };
    reload(&state, corpus.root.clone()).await?;
    let article = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    Ok(Redirect::to(&format!("/stories/{}/articles/{article}", story.id)).into_response())
}

/// `POST /new`: creates the story folder with the posted article (and a
/// `story.toml` when a title is given), reloads the corpus and redirects
/// (303) to the new story; the form again with a message (400) when refused.
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let corpus = state.corpus();
    let posted = read_form(multipart).await?;
    check_origin(&state, &headers, &posted.csrf)?;
    let mut form = page(&state, None, posted.article.clone());
    form.new_story_id = posted.story_id.clone();
    form.new_story_title = posted.story_title.clone();
    let id = posted.story_id.trim().to_string();
    if !is_valid_id(&id) {
        return Ok(refused(
            form,
            "معرّف القصة مطلوب: حروف وأرقام و- و_ فقط، فهو اسم المجلد وجزء من الروابط".into(),
        ));
    }
    let dir = corpus.root.join(&id);
    if corpus.story(&id).is_some() || dir.exists() {
        return Ok(refused(
            form,
            format!("توجد قصة بالمعرّف {id}: اختر معرّفًا آخر أو أضف المقال إليها"),
        ));
    }
    if let Some(problem) = posted.file_problem {
        return Ok(refused(form, problem));
    }
    let content = match store::validate(&posted.article, &[]) {
        Ok(c) => c,
        Err(e) => return Ok(refused(form, e.to_string())),
    };
    let title = posted.story_title.trim().to_string();
    let name = posted.article.name.clone();
    let written = tokio::task::spawn_blocking(move || -> Result<PathBuf, AddError> {
        let path = store::write_atomic(&dir, &name, &content)?;
        if !title.is_empty() {
            let mut meta = toml::Table::new();
            meta.insert("title".into(), toml::Value::String(title));
            let meta = toml::to_string(&meta).map_err(|e| AddError::Io(e.to_string()))?;
            store::write_file_atomic(&dir.join(crate::corpus::STORY_META_FILE), &meta)?;
        }
        Ok(path)
    })
    .await
    .map_err(|e| WebError::Internal(e.to_string()))?;
    if let Err(e) = written {
        return Ok(refused(form, e.to_string()));
    }
    reload(&state, corpus.root.clone()).await?;
    Ok(Redirect::to(&format!("/stories/{id}")).into_response())
}
