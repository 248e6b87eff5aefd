//! The web layer through `router(state)` with `oneshot`: every page, the
//! API, static files, and the 404 and 400 paths.
#![cfg(feature = "web")]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{Reply, seeds_state};
use mizan::corpus;
use mizan::story_json::story_doc;
use mizan::web::AppState;

async fn get(state: AppState, uri: &str) -> Reply {
    common::send(&state, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn assert_html_page(r: &Reply) {
    assert!(
        r.content_type().starts_with("text/html"),
        "{}",
        r.content_type()
    );
    assert!(r.body.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(r.body.contains("<main id=\"main\">"));
}

#[tokio::test]
async fn home_lists_the_story() {
    let r = get(seeds_state(), "/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_html_page(&r);
    assert!(r.body.contains(r#"href="/stories/seeds""#));
    assert!(r.body.contains("محاولة اغتيال رئيس الوزراء العراقي"));
    assert!(r.body.contains("5 مقالات"));
}

#[tokio::test]
async fn story_page_lists_articles_with_titles_and_counts() {
    let r = get(seeds_state(), "/stories/seeds").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_html_page(&r);
    for id in [
        "000_4906ad26d71f513b",
        "001_8ab169b4d2caeb14",
        "002_9dc6a4681efa834b",
        "003_355682fa40c797f5",
        "004_e8f8cdd3166bab5f",
    ] {
        assert!(
            r.body.contains(&format!("/stories/seeds/articles/{id}")),
            "{id}"
        );
    }
    assert!(
        r.body
            .contains("بعد محاولة اغتيال الكاظمي.. انتشار مكثف للجيش العراقي تحسبًا للطوارئ")
    );
    assert!(
        r.body.contains("عنوان مستنتج"),
        "inferred titles are marked"
    );
}

#[tokio::test]
async fn article_page_marks_every_segment_with_a_fragment() {
    let state = seeds_state();
    let corpus = state.corpus();
    let article = corpus.stories[0].article("004_e8f8cdd3166bab5f").unwrap();
    let r = get(
        state.clone(),
        "/stories/seeds/articles/004_e8f8cdd3166bab5f",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_html_page(&r);
    for i in 0..article.segments.len() {
        assert!(
            r.body.contains(&format!(r##"id="s{i}""##)),
            "segment {i} addressable"
        );
        assert!(r.body.contains(&format!(r##"href="#s{i}""##)));
    }
    assert!(r.body.contains(r#"class="seg seg-title" id="s0""#));
    assert_eq!(
        r.body.matches("class=\"seg seg-").count(),
        article.segments.len()
    );
}

#[tokio::test]
async fn api_serves_the_export_document() {
    let state = seeds_state();
    let corpus = state.corpus();
    let expected = serde_json::to_value(story_doc(&corpus.stories[0])).unwrap();
    let r = get(state.clone(), "/api/v1/stories/seeds").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.content_type().starts_with("application/json"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&r.body).unwrap(),
        expected
    );
    let pretty = get(state.clone(), "/api/v1/stories/seeds?pretty=true").await;
    assert!(pretty.body.contains("\n  \"version\": 1"));
    let all = get(state, "/api/v1/stories").await;
    let all: serde_json::Value = serde_json::from_str(&all.body).unwrap();
    assert_eq!(all["stories"][0], expected);
}

#[tokio::test]
async fn unknown_ids_are_404_pages() {
    for uri in [
        "/stories/nope",
        "/stories/seeds/articles/nope",
        "/api/v1/stories/nope",
        "/no/such/page",
        "/static/nope.css",
    ] {
        let r = get(seeds_state(), uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert_html_page(&r);
        assert!(r.body.contains("غير موجود"), "{uri}");
    }
}

#[tokio::test]
async fn malformed_parameters_are_400_pages() {
    for uri in [
        "/stories/bad%20id",
        "/stories/..%2F..%2Fetc",
        "/stories/%FF%FE",
        "/stories/seeds/articles/.hidden",
        "/api/v1/stories/seeds?pretty=maybe",
    ] {
        let r = get(seeds_state(), uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_html_page(&r);
        assert!(r.body.contains("طلب غير صالح"), "{uri}");
        assert!(!r.body.to_lowercase().contains("panic"));
    }
}

#[tokio::test]
async fn static_files_and_fonts_are_embedded() {
    let css = get(seeds_state(), "/static/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.content_type().starts_with("text/css"));
    assert!(css.body.contains("@font-face"));
    let font = get(seeds_state(), "/static/fonts/NotoNaskhArabic-Regular.woff2").await;
    assert_eq!(font.status, StatusCode::OK);
    assert_eq!(font.content_type(), "font/woff2");
    let escape = get(seeds_state(), "/static/../Cargo.toml").await;
    assert_ne!(escape.status, StatusCode::OK);
}

#[tokio::test]
async fn every_response_has_security_headers() {
    for uri in [
        "/",
        "/stories/seeds",
        "/nope",
        "/static/style.css",
        "/api/v1/stories",
    ] {
        let r = get(seeds_state(), uri).await;
        let csp = r
            .headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{uri}"
        );
        assert_eq!(r.headers.get("x-content-type-options").unwrap(), "nosniff");
        assert!(r.headers.contains_key("referrer-policy"));
    }
}

#[tokio::test]
async fn article_text_is_escaped() {
    let dir = std::env::temp_dir().join(format!("mizan-router-escape-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("xss")).unwrap();
    std::fs::write(
        dir.join("xss").join("a.txt"),
        "عنوان <script>alert(1)</script> هنا\nقال \" onmouseover=\"alert(2) إن الوضع هادئ.",
    )
    .unwrap();
    let state = AppState::new(corpus::load(&dir).unwrap());
    let r = get(state, "/stories/xss/articles/a").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("<script>alert(1)</script>"));
    assert!(r.body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(!r.body.contains("\" onmouseover=\"alert(2)"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_shared_link_finds_its_contradiction_in_a_folder_of_another_name() {
    // A colleague's copy of the seeds sits in a folder named "kazimi".
    let root = std::env::temp_dir().join(format!("mizan-shared-link-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let copy = root.join("kazimi");
    std::fs::create_dir_all(&copy).unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
    }
    let state = mizan::web::AppState::new(mizan::corpus::load(&root).unwrap());
    let id = state.corpus().stories[0].analysis().contradictions[0]
        .id
        .clone();
    let r = get(
        state.clone(),
        &format!("/stories/seeds/contradictions/{id}"),
    )
    .await;
    assert!(r.status.is_redirection(), "{}", r.status);
    let to = r.headers.get("location").unwrap().to_str().unwrap();
    assert_eq!(to, format!("/stories/kazimi/contradictions/{id}"));
    // An id no story has is still a 404 page.
    let r = get(state, "/stories/seeds/contradictions/0123456789ab").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let _ = std::fs::remove_dir_all(&root);
}
