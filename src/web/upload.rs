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
//! - Nothing is written under a read-only corpus (the bundled seeds): an
//!   article added to one of its stories goes into a copy of the story in
//!   the workspace ([`crate::corpus::workspace`]), and the form says so
//!   before anything is posted; new stories never go inside a one-story
//!   folder.
//! - Cross-site requests are refused (403): the form must carry a token
//!   only a page of this origin can read. That is the server's token (random
//!   per process), or, after a restart, the token of the cookie the form
//!   page set beside it (double submit: [`FORM_COOKIE`], `SameSite=Strict`),
//!   so a form typed before a restart still goes through. An `Origin` header
//!   that names a site must name this host; `null` is accepted only with the
//!   process token (pages are served with `Referrer-Policy: same-origin`, so
//!   browsers name the origin of this server's own forms).
//! - A refused post never loses what was typed: a bad token, a bad field
//!   or an article over [`MAX_ARTICLE_BYTES`] (bodies up to
//!   [`MAX_FORM_BYTES`]) all come back as the form, filled in, with the
//!   reason; only a body over [`MAX_FORM_BYTES`] gets the error page.
//! - An uploaded file is read as a file in the folder is (UTF-8, or UTF-16
//!   with a byte-order mark, converted; see [`crate::corpus::decode`]) and
//!   stored as UTF-8; it wins over pasted text when both are given.
//! - The folder stays the one source of truth: the page only writes a file
//!   and reloads, exactly as if the user had saved it there.

use super::urls::{self, StoryUrls};
use super::view::{self, StoryNav};
use super::{AppState, PathParams, WebError};
use crate::corpus::store::{self, AddError, MAX_ARTICLE_BYTES, NewArticle};
use crate::corpus::{Corpus, is_valid_id, workspace};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::path::PathBuf;
use std::sync::Arc;

/// Largest request body read by the forms: sixteen times the largest
/// article, so that a paste far over the limit still comes back as the
/// form with its text (and the limit stated) instead of an error page.
pub const MAX_FORM_BYTES: usize = 16 * MAX_ARTICLE_BYTES + 64 * 1024;

/// The cookie holding the form token for the double-submit check.
pub const FORM_COOKIE: &str = "mizan_form";

/// A token as the server makes them: 32 hexadecimal digits.
fn well_formed(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The form cookie's value in `headers`, if it holds a well-formed token.
fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, v)| *k == FORM_COOKIE && well_formed(v))
        .map(|(_, v)| v)
}

/// The `Set-Cookie` value carrying the form token `token`.
pub(super) fn form_cookie(token: &str) -> String {
    format!("{FORM_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict")
}

/// A page holding a form, with the cookie its token (this process's) is
/// checked against.
pub(super) fn with_form_cookie(
    state: &AppState,
    status: StatusCode,
    page: impl IntoResponse,
) -> Response {
    let cookie = form_cookie(state.csrf_token());
    (status, [(header::SET_COOKIE, cookie)], page).into_response()
}

/// The form page with the cookie its token is checked against.
fn with_cookie(status: StatusCode, page: UploadPage) -> Response {
    let cookie = form_cookie(&page.csrf);
    (status, [(header::SET_COOKIE, cookie)], page).into_response()
}

/// The form that adds an article to a story or starts a new story, filled
/// again with what was typed when a post is refused.
#[derive(Template, WebTemplate)]
#[template(path = "upload.html")]
pub struct UploadPage {
    /// The story's navigation bar, for "add article"; `None` for "new story".
    pub nav: Option<StoryNav>,
    /// The story's addresses for "add article"; `None` for "new story".
    pub urls: Option<StoryUrls>,
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
    /// The technical detail of the refusal (a file name, a byte offset, the
    /// system's words), shown smaller after the Arabic message.
    pub error_detail: Option<String>,
    /// The largest article accepted, in bytes ([`MAX_ARTICLE_BYTES`]).
    pub max_bytes: usize,
    /// Where the article will be saved, in Arabic, naming the folder.
    pub destination: String,
}

/// Where a post of this form will write, in words for the user.
fn destination(corpus: &Corpus, story: Option<&crate::corpus::Story>) -> String {
    use crate::corpus::Storage;
    let ws = corpus
        .sources
        .workspace
        .as_ref()
        .map(|w| w.display().to_string());
    match (story.map(|s| s.storage), ws) {
        (Some(Storage::ReadOnly), Some(ws)) => format!(
            "هذه القصة من المقالات المضمّنة في المشروع وهي للقراءة فقط: عند الحفظ تُنسخ القصة إلى مساحة العمل ({ws}) ويُحفظ المقال في النسخة، ولا يتغيّر شيء في مجلد المشروع."
        ),
        (Some(Storage::ReadOnly), None) => {
            "هذه القصة للقراءة فقط ولا توجد مساحة عمل (متغير HOME غير معرّف): شغّل الخادم مع ‎--workspace‎ لتتمكن من الإضافة.".to_string()
        }
        (Some(Storage::Corpus | Storage::Workspace), _) => story
            .map(|s| format!("يُحفظ المقال ملفًا في مجلد القصة ({}): ما يُضاف هنا يُضاف هناك.", s.dir.display()))
            .unwrap_or_default(),
        (None, ws) => match crate::corpus::workspace::folder_for_story(corpus, "…") {
            Ok(dir) => format!(
                "تُحفظ القصة الجديدة مجلدًا في {}.",
                dir.parent().map(|p| p.display().to_string()).or(ws).unwrap_or_default()
            ),
            Err(_) => "لا يمكن إنشاء قصة هنا: مجلد المقالات للقراءة فقط ولا توجد مساحة عمل؛ شغّل الخادم مع ‎--workspace‎.".to_string(),
        },
    }
}

fn page(state: &AppState, story: Option<(&str, &str)>, form: NewArticle) -> UploadPage {
    let corpus = state.corpus();
    let (story_id, story_title) = story.unwrap_or(("", ""));
    UploadPage {
        nav: story.and_then(|(id, _)| corpus.story(id).map(|s| StoryNav::new(s, ""))),
        urls: story.map(|(id, _)| StoryUrls::new(id)),
        story_id: story_id.to_string(),
        story_title: story_title.to_string(),
        action: match story {
            Some((id, _)) => StoryUrls::new(id).add(),
            None => urls::NEW_STORY.to_string(),
        },
        csrf: state.csrf_token().to_string(),
        form,
        new_story_id: String::new(),
        new_story_title: String::new(),
        error: None,
        error_detail: None,
        max_bytes: MAX_ARTICLE_BYTES,
        destination: destination(&corpus, story.and_then(|(id, _)| corpus.story(id))),
    }
}

/// `GET /stories/{story}/add`: the empty "add article" form of a story, or
/// a 400/404 page.
pub async fn add_form(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &id)?;
    Ok(with_cookie(
        StatusCode::OK,
        page(
            &state,
            Some((&story.id, &story.title)),
            NewArticle::default(),
        ),
    ))
}

/// `GET /new`: the empty "new story" form.
pub async fn new_form(State(state): State<AppState>) -> Response {
    with_cookie(StatusCode::OK, page(&state, None, NewArticle::default()))
}

/// The fields of a posted form.
#[derive(Default)]
struct Posted {
    article: NewArticle,
    csrf: String,
    story_id: String,
    story_title: String,
    file_problem: Option<(String, String)>,
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
                    p.file_problem = Some((
                        format!(
                            "تعذّرت قراءة الملف المرفوع: {}",
                            super::problems::article_message(e.kind())
                        ),
                        format!("{}: {e}", file_name.unwrap_or_default()),
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

/// Refuses requests from other sites; the reason, in Arabic, otherwise.
pub(super) fn check_origin(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
) -> Result<(), String> {
    let origin = headers
        .get(header::ORIGIN)
        .map(|o| o.to_str().unwrap_or(""));
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let names_this_host = |origin: &str| {
        origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|bare| bare == host)
    };
    let by_process = !token.is_empty() && token == state.csrf_token();
    let by_cookie = well_formed(token) && cookie_token(headers) == Some(token);
    let origin_ok = match origin {
        None => true,
        // Browsers send `null` when they hide the origin: only the
        // process token, which no other page can read, is enough then.
        Some("null") => by_process,
        Some(o) => names_this_host(o),
    };
    if !(by_process || by_cookie) {
        return Err(
            "انتهت صلاحية النموذج (ربما أُعيد تشغيل الخادم) أو أُرسل من موقع آخر: راجع النص أدناه ثم اضغط «احفظ المقال» مرة أخرى"
                .into(),
        );
    }
    if !origin_ok {
        return Err(format!(
            "طلب من موقع آخر مرفوض: {}",
            origin.unwrap_or_default()
        ));
    }
    Ok(())
}

/// Reloads the corpus now, so the redirect shows the new article.
async fn reload(state: &AppState, sources: crate::corpus::Sources) -> Result<(), WebError> {
    super::live::load_now(state, sources)
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
    with_cookie(StatusCode::BAD_REQUEST, p)
}

/// The form again with `e` in Arabic and its detail on a second line.
fn refused_with(mut p: UploadPage, e: &AddError) -> Response {
    p.error_detail = e.detail();
    refused(p, super::problems::add_message(e))
}

fn forbidden(mut p: UploadPage, message: String) -> Response {
    p.error = Some(message);
    with_cookie(StatusCode::FORBIDDEN, p)
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
    let form = page(
        &state,
        Some((&story.id, &story.title)),
        posted.article.clone(),
    );
    if let Err(why) = check_origin(&state, &headers, &posted.csrf) {
        return Ok(forbidden(form, why));
    }
    if let Some((problem, detail)) = posted.file_problem {
        let mut form = form;
        form.error_detail = Some(detail);
        return Ok(refused(form, problem));
    }
    let content = match store::validate(&posted.article, &existing(&corpus, &story.id)) {
        Ok(c) => c,
        Err(e) => return Ok(refused_with(form, &e)),
    };
    let name = posted.article.name.clone();
    let place = {
        let corpus = Arc::clone(&corpus);
        let id = story.id.clone();
        move || -> Result<PathBuf, AddError> {
            let story = corpus.story(&id).ok_or_else(|| {
                AddError::Io(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("story {id} is gone"),
                ))
            })?;
            let (dir, _) = workspace::folder_for_article(&corpus, story)
                .map_err(|e| AddError::Io(std::io::Error::other(e)))?;
            store::write_atomic(&dir, &name, &content)
        }
    };
    let path = tokio::task::spawn_blocking(place)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let path = match path {
        Ok(p) => p,
        Err(e) => return Ok(refused_with(form, &e)),
    };
    reload(&state, corpus.sources.clone()).await?;
    let article = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    Ok(Redirect::to(&StoryUrls::new(&story.id).article(article)).into_response())
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
    let mut form = page(&state, None, posted.article.clone());
    form.new_story_id = posted.story_id.clone();
    form.new_story_title = posted.story_title.clone();
    if let Err(why) = check_origin(&state, &headers, &posted.csrf) {
        return Ok(forbidden(form, why));
    }
    let id = posted.story_id.trim().to_string();
    if !is_valid_id(&id) {
        return Ok(refused(
            form,
            "معرّف القصة مطلوب: حروف وأرقام و- و_ فقط، فهو اسم المجلد وجزء من الروابط".into(),
        ));
    }
    let dir = match workspace::folder_for_story(&corpus, &id) {
        Ok(d) => d,
        Err(e) => {
            return Ok(refused(
                form,
                format!(
                    "لا يوجد مكان يُحفظ فيه: مجلد المقالات للقراءة فقط ولا توجد مساحة عمل؛ شغّل الخادم مع ‎--workspace‎ ({e})"
                ),
            ));
        }
    };
    if corpus.story(&id).is_some() || dir.exists() {
        return Ok(refused(
            form,
            format!("توجد قصة بالمعرّف {id}: اختر معرّفًا آخر أو أضف المقال إليها"),
        ));
    }
    if let Some((problem, detail)) = posted.file_problem {
        let mut form = form;
        form.error_detail = Some(detail);
        return Ok(refused(form, problem));
    }
    let content = match store::validate(&posted.article, &[]) {
        Ok(c) => c,
        Err(e) => return Ok(refused_with(form, &e)),
    };
    let title = posted.story_title.trim().to_string();
    let name = posted.article.name.clone();
    let written = tokio::task::spawn_blocking(move || -> Result<PathBuf, AddError> {
        let path = store::write_atomic(&dir, &name, &content)?;
        if !title.is_empty() {
            let mut meta = toml::Table::new();
            meta.insert("title".into(), toml::Value::String(title));
            let meta =
                toml::to_string(&meta).map_err(|e| AddError::Io(std::io::Error::other(e)))?;
            store::write_file_atomic(&dir.join(crate::corpus::STORY_META_FILE), &meta)?;
        }
        Ok(path)
    })
    .await
    .map_err(|e| WebError::Internal(e.to_string()))?;
    if let Err(e) = written {
        return Ok(refused_with(form, &e));
    }
    reload(&state, corpus.sources.clone()).await?;
    Ok(Redirect::to(&StoryUrls::new(&id).overview()).into_response())
}
