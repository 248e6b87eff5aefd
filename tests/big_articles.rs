//! Every page renders for the largest articles Mizan accepts, via
//! `router(state)`: a 1 MiB article (the form's limit) and a 4 MiB one (the
//! folder's limit) beside two short ones. Long lists come in parts, the
//! whole text stays one link away, and no page is a 500 or grows with the
//! article.
#![cfg(feature = "web")]

mod common;

use axum::http::StatusCode;
use mizan::web::AppState;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A page may be this large at most: the render budgets keep every page of
/// the 4 MiB article far below it (about 0.4 MB measured).
const PAGE_CEILING: usize = 2 << 20;

/// Sentences of my own, varied by a counter, so that the big articles have
/// tens of thousands of distinct segments, numbers and names included.
fn long_article(bytes: usize, salt: usize) -> String {
    let parts = [
        "أعلنت السلطات المحلية في المحافظة",
        "أن فرق الإنقاذ انتشلت",
        "شخصا من تحت الأنقاض",
        "بعد انهيار مبنى سكني قديم",
        "في حي الميناء",
        "وقال المتحدث باسم الدفاع المدني",
        "إن عمليات البحث مستمرة",
        "حتى ساعة متأخرة من مساء الخميس",
    ];
    let mut out = String::from("انهيار مبنى في حي الميناء\n\n");
    let mut i = salt;
    while out.len() < bytes {
        let a = parts[i % parts.len()];
        let b = parts[(i * 7 + 3) % parts.len()];
        out.push_str(&format!("{a} {} {b} {}.", i % 97 + 2, parts[(i / 3) % 8]));
        out.push(if i % 6 == 5 { '\n' } else { ' ' });
        i += 1;
    }
    out.truncate(out.floor_char_boundary(bytes));
    out
}

fn state() -> &'static AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE.get_or_init(|| {
        let dir: PathBuf = std::env::temp_dir().join(format!("mizan-big-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let story = dir.join("quake");
        std::fs::create_dir_all(&story).unwrap();
        std::fs::write(
            story.join("a-short.txt"),
            "انهار مبنى سكني في حي الميناء مساء الخميس، وانتشلت فرق الإنقاذ 12 شخصا.\n",
        )
        .unwrap();
        std::fs::write(
            story.join("b-short.txt"),
            "قال الدفاع المدني إن فرق الإنقاذ انتشلت 15 شخصا بعد انهيار المبنى في حي الميناء.\n",
        )
        .unwrap();
        std::fs::write(
            story.join("c-mib.txt"),
            long_article(mizan::corpus::store::MAX_ARTICLE_BYTES, 0),
        )
        .unwrap();
        let four = long_article(mizan::corpus::MAX_FILE_BYTES as usize - 1024, 5);
        std::fs::write(story.join("d-four.txt"), &four).unwrap();
        let corpus = mizan::corpus::load(&dir).unwrap();
        assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
        AppState::new(corpus)
    })
}

async fn page(uri: &str) -> String {
    let (status, body) = common::get_page(state(), uri).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{uri}: {}",
        &body[..body.len().min(300)]
    );
    assert!(
        body.len() < PAGE_CEILING,
        "{uri}: {} bytes, over the budget",
        body.len()
    );
    body
}

#[tokio::test]
async fn every_page_type_renders_within_its_budget() {
    let story = &state().corpus().stories[0];
    let contradiction = story
        .analysis()
        .contradictions
        .first()
        .map(|c| c.id.clone());
    let mut uris = vec![
        "/".to_string(),
        "/stories/quake".into(),
        "/stories/quake/compare".into(),
        "/stories/quake/compare?rows=shared".into(),
        "/stories/quake/compare?sources=c-mib,d-four".into(),
        "/stories/quake/pair/c-mib/d-four".into(),
        "/stories/quake/pair/a-short/d-four".into(),
        "/stories/quake/contradictions".into(),
        "/stories/quake/disputes".into(),
        "/stories/quake/figures".into(),
        "/stories/quake/search?q=%D8%A7%D9%84%D8%A5%D9%86%D9%82%D8%A7%D8%B0".into(),
        "/stories/quake/add".into(),
    ];
    for a in ["a-short", "b-short", "c-mib", "d-four"] {
        uris.push(format!("/stories/quake/articles/{a}"));
    }
    uris.extend(contradiction.map(|c| format!("/stories/quake/contradictions/{c}?view=pair")));
    let dispute = story.analysis().disputes.first().map(|d| d.id.clone());
    uris.extend(dispute.map(|d| format!("/stories/quake/disputes/{d}")));
    for uri in &uris {
        page(uri).await;
    }
    // A long list of contradictions comes in parts.
    let total = story.analysis().contradictions.len();
    if total > mizan::web::contradiction::LIST_PER_PART {
        let list = page("/stories/quake/contradictions").await;
        assert!(
            list.contains("/stories/quake/contradictions?part=2"),
            "{total}"
        );
        page("/stories/quake/contradictions?part=2").await;
    }
}

#[tokio::test]
async fn a_long_article_is_shown_in_parts_with_the_whole_text_a_link_away() {
    let story = &state().corpus().stories[0];
    let four = story.article("d-four").unwrap();
    let segments = four.segments.len();
    assert!(segments > 10_000, "{segments} segments");
    let first = page("/stories/quake/articles/d-four").await;
    assert!(first.contains("id=\"s0\""));
    assert!(!first.contains("id=\"s600\""), "one part only");
    assert!(first.contains("href=\"/stories/quake/articles/d-four?part=2\""));
    assert!(first.contains("/stories/quake/articles/d-four/text"));
    // A segment deep in the article is reached through its part.
    let deep = segments - 3;
    let part = page(&format!("/stories/quake/articles/d-four?seg={deep}")).await;
    assert!(part.contains(&format!("id=\"s{deep}\"")));
    assert!(!part.contains("id=\"s0\""));
    // An out-of-range part shows the last one, not an error.
    let last = page("/stories/quake/articles/d-four?part=100000").await;
    assert!(last.contains(&format!("id=\"s{}\"", segments - 1)));
    // The whole text, exactly as stored.
    let (status, text) = common::get_page(state(), "/stories/quake/articles/d-four/text").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text, four.text);
    // The side by side and the pair view come in parts too.
    let compare = page("/stories/quake/compare?part=2").await;
    assert!(compare.contains("rel=\"prev\""));
    let pair = page("/stories/quake/pair/c-mib/d-four?part=3").await;
    assert!(pair.contains("الجزء 3 من"));
}
