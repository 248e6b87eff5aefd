//! Adding articles through the forms, via `router(state)`: CSRF, validation
//! that keeps what was typed, the atomic write, and the reload.
#![cfg(feature = "web")]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use mizan::corpus;
use mizan::web::AppState;
use std::path::PathBuf;

fn corpus_dir(name: &str) -> PathBuf {
    common::fire_corpus(&format!("upload-{name}"))
}

async fn post(
    state: &AppState,
    uri: &str,
    body: Vec<u8>,
    origin: Option<&str>,
) -> (StatusCode, Option<String>, String) {
    let mut req = Request::post(uri)
        .header("content-type", common::multipart_type())
        .header("host", "127.0.0.1:3000");
    if let Some(o) = origin {
        req = req.header("origin", o);
    }
    let reply = common::send(state, req.body(Body::from(body)).unwrap()).await;
    let location = reply
        .headers
        .get("location")
        .map(|v| v.to_str().unwrap().to_string());
    (reply.status, location, reply.body)
}

use common::get_page as get;
use common::multipart;

#[tokio::test]
async fn add_article_validates_writes_and_serves_it() {
    let dir = corpus_dir("add");
    let state = AppState::new(corpus::load(&dir).unwrap());
    let token = state.csrf_token().to_string();
    let (status, form) = get(&state, "/stories/fire/add").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains(&format!("name=\"csrf\" value=\"{token}\"")));

    let text = "النيران تلتهم سوق طنطا\nشب حريق ضخم في سوق الخضار بمدينة طنطا فجر الثلاثاء.\n";
    // Without the token, or from another site: refused, nothing written.
    let fields = [("text", text), ("source", "صحيفة المساء")];
    let (status, _, _) = post(&state, "/stories/fire/add", multipart(&fields, None), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let with_token = [
        ("csrf", token.as_str()),
        ("text", text),
        ("source", "صحيفة المساء"),
    ];
    let (status, _, _) = post(
        &state,
        "/stories/fire/add",
        multipart(&with_token, None),
        Some("http://evil.example"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(std::fs::read_dir(dir.join("fire")).unwrap().count(), 1);

    // A bad date: refused with the message, what was typed kept.
    let bad = [
        ("csrf", token.as_str()),
        ("text", text),
        ("source", "صحيفة المساء"),
        ("published", "أمس"),
    ];
    let (status, _, page) = post(
        &state,
        "/stories/fire/add",
        multipart(&bad, None),
        Some("http://127.0.0.1:3000"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("role=\"alert\""));
    assert!(page.contains("published must be an ISO date"));
    // Arabic first, the technical detail after it on a smaller line.
    let arabic = page.find("بيانات وصفية غير صالحة").expect("Arabic message");
    let detail = page.find("published must be an ISO date").unwrap();
    assert!(arabic < detail);
    assert!(page[..detail].ends_with("<small dir=\"ltr\">"));

    // A PDF: Arabic advice that fits, the file name in the detail line.
    let (status, _, pdf_page) = post(
        &state,
        "/stories/fire/add",
        multipart(
            &[("csrf", token.as_str())],
            Some(("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")),
        ),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let advice = pdf_page.find("انسخ النص والصقه").expect("advice for a PDF");
    let name = pdf_page.find("report.pdf").unwrap();
    assert!(advice < name, "Arabic before the detail");
    assert!(page.contains("value=\"صحيفة المساء\""));
    assert!(page.contains("شب حريق ضخم في سوق الخضار"));

    // A good one: written, reloaded, and the browser sent to it.
    let good = [
        ("csrf", token.as_str()),
        ("text", text),
        ("source", "صحيفة المساء"),
        ("published", "2024-03-05T09:30"),
        ("name", "masaa"),
    ];
    let (status, location, _) = post(
        &state,
        "/stories/fire/add",
        multipart(&good, None),
        Some("http://127.0.0.1:3000"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/stories/fire/articles/masaa"));
    let stored = std::fs::read_to_string(dir.join("fire/masaa.txt")).unwrap();
    assert!(stored.starts_with("---\nsource: صحيفة المساء\npublished: 2024-03-05T09:30\n---\n"));
    assert!(stored.ends_with(text));
    let (status, article) = get(&state, "/stories/fire/articles/masaa").await;
    assert_eq!(status, StatusCode::OK);
    assert!(article.contains("<dd>صحيفة المساء</dd>"));

    // The same text again is a duplicate; a non-UTF-8 file is refused.
    let (status, _, page) = post(
        &state,
        "/stories/fire/add",
        multipart(
            &[("csrf", token.as_str())],
            Some(("again.txt", text.as_bytes())),
        ),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("موجود في القصة بالفعل"), "{page}");
    let (status, _, page) = post(
        &state,
        "/stories/fire/add",
        multipart(
            &[("csrf", token.as_str())],
            Some(("latin1.txt", b"caf\xe9 \xff")),
        ),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("UTF-8"));
    let (status, _, page) = post(
        &state,
        "/stories/fire/add",
        multipart(&[("csrf", token.as_str()), ("text", "  ")], None),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("النص فارغ"));
    assert_eq!(std::fs::read_dir(dir.join("fire")).unwrap().count(), 2);

    // UTF-16 with a byte-order mark is read as it is from the folder, and
    // stored as UTF-8.
    let utf16 = "تظاهر المئات أمام البرلمان احتجاجا على رفع الأسعار.\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(utf16.encode_utf16().flat_map(u16::to_le_bytes));
    let (status, _, _) = post(
        &state,
        "/stories/fire/add",
        multipart(&[("csrf", token.as_str())], Some(("wide.txt", &bytes))),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        std::fs::read_to_string(dir.join("fire/wide.txt")).unwrap(),
        utf16
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn new_story_from_an_uploaded_file() {
    let dir = corpus_dir("new");
    let state = AppState::new(corpus::load(&dir).unwrap());
    let token = state.csrf_token().to_string();
    let file = "فيضانات في درنة\nغمرت المياه مدينة درنة بعد انهيار سدين.\n";
    let fields = [
        ("csrf", token.as_str()),
        ("story_id", "flood"),
        ("story_title", "فيضانات ليبيا"),
    ];
    let (status, location, _) = post(
        &state,
        "/new",
        multipart(&fields, Some(("derna-report.txt", file.as_bytes()))),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/stories/flood"));
    assert_eq!(
        std::fs::read_to_string(dir.join("flood/derna-report.txt")).unwrap(),
        file
    );
    let (status, overview) = get(&state, "/stories/flood").await;
    assert_eq!(status, StatusCode::OK);
    assert!(overview.contains("فيضانات ليبيا"));
    // The same id again is refused and the form keeps it.
    let (status, _, page) = post(
        &state,
        "/new",
        multipart(&fields, Some(("x.txt", "نص آخر".as_bytes()))),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("توجد قصة بالمعرّف flood"));
    assert!(page.contains("value=\"flood\""));
    std::fs::remove_dir_all(&dir).unwrap();
}
