//! A story of many sources: the overview offers two lists to choose a pair
//! from instead of listing every pair, and the choice leads to the pair
//! view; the overview of a story of a few sources lists its pairs.
#![cfg(feature = "web")]

mod common;

use axum::http::StatusCode;
use mizan::web::AppState;

#[tokio::test]
async fn many_sources_are_paired_by_choice_not_by_a_list() {
    let dir = std::env::temp_dir().join(format!("mizan-many-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let story = dir.join("quake");
    std::fs::create_dir_all(&story).unwrap();
    let n = mizan::web::story::MAX_LISTED_PAIRS + 3;
    for i in 0..n {
        std::fs::write(
            story.join(format!("s{i:02}.txt")),
            format!(
                "ضرب زلزال بقوة {}.{} درجة جنوب البلاد فجر الجمعة.\n",
                5 + i % 2,
                i
            ),
        )
        .unwrap();
    }
    let state = AppState::new(mizan::corpus::load(&dir).unwrap());
    let (status, page) = common::get_page(&state, "/stories/quake").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !page.contains("/stories/quake/pair/s00/s01"),
        "no list of pairs"
    );
    assert!(page.contains("action=\"/stories/quake/pair\""));
    assert_eq!(
        page.matches("<option value=\"s05\"").count(),
        2,
        "both lists"
    );

    let go = |q: &str| {
        axum::http::Request::get(format!("/stories/quake/pair?{q}"))
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let reply = common::send(&state, go("a=s03&b=s07")).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.headers["location"], "/stories/quake/pair/s03/s07");
    assert_eq!(
        common::send(&state, go("a=s03&b=s03")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        common::send(&state, go("a=s03")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        common::send(&state, go("a=s03&b=s99")).await.status,
        StatusCode::NOT_FOUND
    );

    // Five sources: every pair listed, no form.
    let (_, seeds) = common::get_page(&common::seeds_state(), "/stories/seeds").await;
    assert_eq!(seeds.matches("/stories/seeds/pair/").count(), 10);
    assert!(!seeds.contains("action=\"/stories/seeds/pair\""));
    std::fs::remove_dir_all(&dir).unwrap();
}
