//! Nothing the user owns or types is lost, via `router(state)`: a read-only
//! corpus is copied to the workspace before an article is added, a paste
//! over the limit and a form sent after a restart come back filled in.
#![cfg(feature = "web")]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use mizan::corpus::{self, Sources, Storage};
use mizan::web::AppState;
use std::path::{Path, PathBuf};

const HOST: &str = "127.0.0.1:3000";

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("mizan-wstest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A copy of the bundled seeds, served read-only with a workspace beside.
fn read_only_seeds(name: &str) -> (PathBuf, Sources) {
    let base = scratch(name);
    let bundled = base.join("seeds");
    std::fs::create_dir_all(&bundled).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for e in std::fs::read_dir(seeds).unwrap().flatten() {
        std::fs::copy(e.path(), bundled.join(e.file_name())).unwrap();
    }
    let sources = Sources {
        corpus: bundled,
        corpus_writable: false,
        workspace: Some(base.join("workspace")),
    };
    (base, sources)
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

async fn post(
    state: &AppState,
    uri: &str,
    body: Vec<u8>,
    headers: &[(&str, &str)],
) -> common::Reply {
    let mut req = Request::post(uri)
        .header("content-type", common::multipart_type())
        .header("host", HOST);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    common::send(state, req.body(Body::from(body)).unwrap()).await
}

const ARTICLE: &str = "وقال مصدر أمني إن قوات الأمن عززت انتشارها في محيط المنطقة بعد الهجوم.\n";

#[tokio::test]
async fn adding_to_a_read_only_story_copies_it_to_the_workspace() {
    let (base, sources) = read_only_seeds("copy");
    let before = listing(&sources.corpus);
    let state = AppState::new(corpus::load_sources(&sources).unwrap());
    let story = state.corpus().stories[0].id.clone();
    assert_eq!(state.corpus().stories[0].storage, Storage::ReadOnly);

    // The form says where the article will go before anything is posted.
    let (status, form) = common::get_page(&state, &format!("/stories/{story}/add")).await;
    assert_eq!(status, StatusCode::OK);
    let ws = sources.workspace.clone().unwrap();
    assert!(form.contains("للقراءة فقط"), "{form}");
    assert!(form.contains(&ws.display().to_string()));

    let token = state.csrf_token().to_string();
    let reply = post(
        &state,
        &format!("/stories/{story}/add"),
        common::multipart(
            &[("csrf", &token), ("text", ARTICLE), ("name", "amn")],
            None,
        ),
        &[("origin", "http://127.0.0.1:3000")],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    // The bundled folder is byte for byte what it was.
    assert_eq!(listing(&sources.corpus), before);
    // The workspace holds the whole story plus the new article.
    let copy = ws.join(&story);
    assert_eq!(listing(&copy).len(), before.len() + 1);
    assert_eq!(
        std::fs::read_to_string(copy.join("amn.txt")).unwrap(),
        ARTICLE
    );
    // The story keeps its id and links; it now lives in the workspace.
    let corpus = state.corpus();
    assert_eq!(corpus.stories.len(), 1);
    assert_eq!(corpus.stories[0].storage, Storage::Workspace);
    let (status, page) = common::get_page(&state, &format!("/stories/{story}/articles/amn")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("عززت انتشارها"));

    // After a restart the copy is found again, the original still hidden.
    let again = corpus::load_sources(&sources).unwrap();
    assert_eq!(again.stories.len(), 1);
    assert_eq!(
        again.stories[0].articles.len(),
        state.corpus().stories[0].articles.len()
    );
    assert_eq!(again.stories[0].storage, Storage::Workspace);
    std::fs::remove_dir_all(&base).unwrap();
}

#[tokio::test]
async fn a_new_story_never_goes_inside_a_one_story_folder() {
    let (base, sources) = read_only_seeds("new");
    let before = listing(&sources.corpus);
    let state = AppState::new(corpus::load_sources(&sources).unwrap());
    let (_, form) = common::get_page(&state, "/new").await;
    assert!(form.contains(&sources.workspace.as_ref().unwrap().display().to_string()));
    let token = state.csrf_token().to_string();
    let reply = post(
        &state,
        "/new",
        common::multipart(
            &[("csrf", &token), ("story_id", "flood"), ("text", ARTICLE)],
            None,
        ),
        &[],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(listing(&sources.corpus), before);
    assert!(sources.workspace.as_ref().unwrap().join("flood").is_dir());
    assert_eq!(state.corpus().stories.len(), 2);
    // The server keeps analyses in the workspace's cache: wait for the
    // warm-up's writes before removing the folder.
    state.corpus().analyse_all();
    assert!(
        sources
            .workspace
            .as_ref()
            .unwrap()
            .join(mizan::corpus::cache::FOLDER)
            .is_dir()
    );
    std::fs::remove_dir_all(&base).unwrap();
}

#[tokio::test]
async fn a_paste_over_the_limit_comes_back_in_the_form() {
    let dir = common::fire_corpus("ws-big");
    let state = AppState::new(corpus::load(&dir).unwrap());
    let token = state.csrf_token().to_string();
    // 2 MiB of text, over the 1 MiB article limit but under the body limit.
    let mut text = "سطر من نص طويل جدا عن الحريق. ".repeat(2 * 1024 * 1024 / 52);
    text.push_str("آخر-سطر-فريد");
    assert!(text.len() > mizan::corpus::store::MAX_ARTICLE_BYTES);
    let reply = post(
        &state,
        "/stories/fire/add",
        common::multipart(
            &[("csrf", &token), ("text", &text), ("source", "وكالة")],
            None,
        ),
        &[],
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.contains("أكبر من الحد"), "the limit is stated");
    assert!(
        reply.body.contains("آخر-سطر-فريد"),
        "the whole text is kept"
    );
    assert!(reply.body.contains("value=\"وكالة\""));
    assert_eq!(std::fs::read_dir(dir.join("fire")).unwrap().count(), 1);

    // Beyond the body limit: the Arabic error page, nothing written.
    let huge = "ن".repeat(mizan::web::upload::MAX_FORM_BYTES / 2 + 1024);
    let reply = post(
        &state,
        "/stories/fire/add",
        common::multipart(&[("csrf", &token), ("text", &huge)], None),
        &[],
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.body.contains("ميغابايت"), "{}", &reply.body[..200]);
    assert_eq!(std::fs::read_dir(dir.join("fire")).unwrap().count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_form_sent_after_a_restart_goes_through() {
    let dir = common::fire_corpus("ws-restart");
    let before = AppState::new(corpus::load(&dir).unwrap());
    let reply = common::send(
        &before,
        Request::get("/stories/fire/add")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let cookie = reply.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("SameSite=Strict") && cookie.contains("HttpOnly"));
    let pair = cookie.split(';').next().unwrap().to_string();
    let old = before.csrf_token().to_string();
    assert!(reply.body.contains(&old));

    // The server restarts: a new process token.
    let after = AppState::new(corpus::load(&dir).unwrap());
    assert_ne!(after.csrf_token(), old);
    let fields = [("csrf", old.as_str()), ("text", ARTICLE), ("name", "late")];
    // Without the cookie, or from a hidden origin: the form comes back
    // filled in, with a fresh token, and nothing is written.
    for headers in [
        vec![("origin", "http://127.0.0.1:3000")],
        vec![("cookie", pair.as_str()), ("origin", "null")],
        vec![("cookie", pair.as_str()), ("origin", "http://evil.example")],
    ] {
        let reply = post(
            &after,
            "/stories/fire/add",
            common::multipart(&fields, None),
            &headers,
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(reply.body.contains("عززت انتشارها"), "the text is kept");
        assert!(reply.body.contains(after.csrf_token()));
    }
    assert!(!dir.join("fire/late.txt").exists());
    // With the cookie the old form set, from this origin: saved.
    let reply = post(
        &after,
        "/stories/fire/add",
        common::multipart(&fields, None),
        &[("cookie", &pair), ("origin", "http://127.0.0.1:3000")],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(dir.join("fire/late.txt").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}
