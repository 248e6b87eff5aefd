//! Hostile requests through `router(state)`: traversal in every path
//! parameter, over-long and badly encoded URLs, unknown methods, bodies
//! over the limit. Each gets a clear page with the right status, never a
//! panic, and the server keeps serving.
#![cfg(feature = "web")]

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::seeds_state;
use mizan::web::AppState;

async fn send(state: &AppState, method: Method, uri: &str, body: Vec<u8>) -> (StatusCode, String) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "multipart/form-data; boundary=x")
        .body(Body::from(body))
        .unwrap();
    let reply = common::send(state, request).await;
    (reply.status, reply.body)
}

const A: &str = "000_4906ad26d71f513b";
const B: &str = "003_355682fa40c797f5";

#[tokio::test]
async fn traversal_in_every_path_parameter_is_refused() {
    let state = seeds_state();
    for evil in [
        "..",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e",
        ".hidden",
        "a%00b",
        "%FF",
    ] {
        for uri in [
            format!("/stories/{evil}"),
            format!("/stories/seeds/articles/{evil}"),
            format!("/stories/seeds/pair/{evil}/{B}"),
            format!("/stories/seeds/pair/{A}/{evil}"),
            format!("/stories/seeds/contradictions/{evil}"),
            format!("/stories/{evil}/compare"),
            format!("/stories/{evil}/search?q=x"),
            format!("/stories/{evil}/add"),
            format!("/api/v1/stories/{evil}"),
            format!("/static/{evil}"),
            format!("/static/fonts/{evil}"),
        ] {
            let (status, body) = send(&state, Method::GET, &uri, vec![]).await;
            assert!(
                status == StatusCode::BAD_REQUEST || status == StatusCode::NOT_FOUND,
                "{uri}: {status}"
            );
            assert!(
                body.contains("<html lang=\"ar\" dir=\"rtl\">"),
                "{uri}: not a page"
            );
            assert!(!body.contains("root:"), "{uri}");
        }
    }
}

#[tokio::test]
async fn bad_queries_and_long_urls_get_clear_pages() {
    let state = seeds_state();
    let long = "a".repeat(20_000);
    for (uri, want) in [
        (
            "/stories/seeds/search?q=%FF%FE".to_string(),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/stories/seeds/search?q={long}"),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/stories/seeds/compare?sources={long}"),
            StatusCode::BAD_REQUEST,
        ),
        (format!("/stories/{long}"), StatusCode::BAD_REQUEST),
        (
            "/stories/seeds/compare?rows=%00".to_string(),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (status, body) = send(&state, Method::GET, &uri, vec![]).await;
        assert_eq!(status, want, "{}", &uri[..uri.len().min(80)]);
        assert!(
            body.contains("طلب غير صالح"),
            "{}",
            &uri[..uri.len().min(80)]
        );
    }
    // A lone `%` is read as itself, as browsers do: a search with no hits.
    let (status, body) = send(&state, Method::GET, "/stories/seeds/search?q=%", vec![]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("id=\"result-count\">0 جملة"));
    // Still serving.
    let (status, _) = send(&state, Method::GET, "/stories/seeds", vec![]).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_methods_and_oversized_bodies_are_refused_with_a_page() {
    let state = seeds_state();
    for method in [Method::PUT, Method::DELETE, Method::PATCH, Method::POST] {
        let (status, body) = send(&state, method.clone(), "/stories/seeds", vec![]).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert!(
            body.contains("<html lang=\"ar\" dir=\"rtl\">"),
            "{method}: {body}"
        );
    }
    let big = vec![b'x'; mizan::web::upload::MAX_FORM_BYTES + 1024];
    for uri in ["/stories/seeds/add", "/new"] {
        let (status, body) = send(&state, Method::POST, uri, big.clone()).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{uri}");
        assert!(
            body.contains("<html lang=\"ar\" dir=\"rtl\">"),
            "{uri}: {body}"
        );
    }
}
