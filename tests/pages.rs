//! The comparison pages through `router(state)` with `oneshot`: overview,
//! side by side, pair view, contradiction navigator, annotated article and
//! search, with their 400 and 404 paths.
#![cfg(feature = "web")]

mod common;

use axum::http::StatusCode;
use mizan::corpus;
use mizan::web::AppState;
use std::path::{Path, PathBuf};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

use common::get_page as get;
use common::seeds_state;

/// Ids of the seeds' contradictions, in the navigator's order.
fn contradiction_ids(state: &AppState) -> Vec<String> {
    let corpus = state.corpus();
    corpus.stories[0]
        .analysis()
        .contradictions
        .iter()
        .map(|c| c.id.clone())
        .collect()
}

#[tokio::test]
async fn overview_lists_sources_coverage_and_every_contradiction() {
    let state = seeds_state();
    let (status, body) = get(&state, "/stories/seeds").await;
    assert_eq!(status, StatusCode::OK);
    let ids = contradiction_ids(&state);
    assert!(!ids.is_empty());
    for id in &ids {
        assert!(
            body.contains(&format!("/stories/seeds/contradictions/{id}\"")),
            "{id}"
        );
    }
    assert!(body.contains(&format!("<strong>{}</strong> تناقضات", ids.len())));
    // The matrix has one row per shared fact and one cell per source.
    let corpus = state.corpus();
    let shared = corpus.stories[0]
        .analysis()
        .facts
        .iter()
        .filter(|f| f.is_shared())
        .count();
    assert!(shared > 0);
    let cells = body.matches("<td class=\"c-").count();
    assert_eq!(cells, shared * 5);
    assert!(body.contains("<td class=\"c-contradict\">"));
    assert!(body.contains("<td class=\"c-silent\">"));
    // Pair views for every pair of the five sources.
    assert_eq!(body.matches("/stories/seeds/pair/").count(), 10);
}

#[tokio::test]
async fn side_by_side_shows_the_chosen_sources_in_columns() {
    let state = seeds_state();
    let (status, all) = get(&state, "/stories/seeds/compare").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all.matches("<th scope=\"col\">").count(), 5);
    assert!(all.contains("<mark class=\"conflict\""));
    // Shared words are shaded only on request.
    assert!(!all.contains("<mark class=\"shared\">"));
    let (_, shaded) = get(&state, "/stories/seeds/compare?words=1").await;
    assert!(shaded.contains("<mark class=\"shared\">"));
    // Spellings of one name are one entity whose title lists them.
    let entity = all
        .split("<mark class=\"entity\" title=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .find(|t| t.contains("خادمي"))
        .expect("the name has an entity mark");
    assert!(entity.contains("الكاظمي"), "{entity}");

    let two = "/stories/seeds/compare?sources=003_355682fa40c797f5,000_4906ad26d71f513b";
    let (status, body) = get(&state, two).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.matches("<th scope=\"col\">").count(), 2);
    // Columns follow the story's order whatever the URL's order.
    let first = body.find("المصدر 1</a>").unwrap();
    let fourth = body.find("المصدر 4</a>").unwrap();
    assert!(first < fourth);
    assert!(!body.contains(">المصدر 2</a><span class=\"col-title\""));

    let (_, shared) = get(&state, "/stories/seeds/compare?rows=shared").await;
    assert!(shared.matches("<tr id=\"f").count() < all.matches("<tr id=\"f").count());
    assert!(!shared.contains("s-alone"));
}

#[tokio::test]
async fn side_by_side_rejects_unknown_sources_and_options() {
    let state = seeds_state();
    for uri in [
        "/stories/seeds/compare?sources=nope",
        "/stories/seeds/compare?sources=bad%20id",
        "/stories/seeds/compare?rows=some",
    ] {
        let (status, body) = get(&state, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body.contains("طلب غير صالح"), "{uri}");
    }
    let (status, _) = get(&state, "/stories/nope/compare").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn pair_view_links_each_sentence_to_its_counterparts() {
    let state = seeds_state();
    let uri = "/stories/seeds/pair/001_8ab169b4d2caeb14/003_355682fa40c797f5";
    let (status, body) = get(&state, uri).await;
    assert_eq!(status, StatusCode::OK);
    let corpus = state.corpus();
    let story = &corpus.stories[0];
    for (i, side) in [(1, "a"), (3, "b")] {
        for s in 0..story.articles[i].segments.len() {
            assert!(body.contains(&format!("id=\"{side}-s{s}\"")), "{side}-s{s}");
        }
    }
    // Every link between the two articles shows in both columns.
    let an = &story.analysis();
    let between = an
        .links
        .iter()
        .filter(|l| an.units[l.a].article == 1 && an.units[l.b].article == 3)
        .count();
    assert!(between > 0);
    // Each column links its own sentences (their anchors) and the other's.
    let (na, nb) = (
        story.articles[1].segments.len(),
        story.articles[3].segments.len(),
    );
    assert_eq!(body.matches("href=\"#b-s").count(), nb + between);
    assert_eq!(body.matches("href=\"#a-s").count(), na + between);

    let (status, _) = get(
        &state,
        "/stories/seeds/pair/001_8ab169b4d2caeb14/001_8ab169b4d2caeb14",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = get(&state, "/stories/seeds/pair/001_8ab169b4d2caeb14/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn contradictions_link_to_previous_and_next() {
    let state = seeds_state();
    let ids = contradiction_ids(&state);
    assert!(ids.len() >= 3);
    let page = |i: usize| format!("/stories/seeds/contradictions/{}?view=pair", ids[i]);
    let (status, first) = get(&state, &page(0)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains(&format!("rel=\"next\" href=\"{}\"", page(1))));
    assert!(!first.contains("rel=\"prev\""));
    assert!(first.contains(&format!("تناقض 1 من {}", ids.len())));
    assert!(first.contains("<mark class=\"conflict\""));
    assert!(first.contains("العدد مختلف"));
    assert!(first.contains("id=\"keys\""));
    let (_, middle) = get(&state, &page(1)).await;
    assert!(middle.contains(&format!("rel=\"prev\" href=\"{}\"", page(0))));
    assert!(middle.contains(&format!("rel=\"next\" href=\"{}\"", page(2))));
    let (_, last) = get(&state, &page(ids.len() - 1)).await;
    assert!(!last.contains("rel=\"next\""));

    let (status, list) = get(&state, "/stories/seeds/contradictions").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        list.matches("/stories/seeds/contradictions/").count(),
        ids.len()
    );

    let (status, _) = get(&state, "/stories/seeds/contradictions/not-an-id").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = get(&state, "/stories/seeds/contradictions/000000000000").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("غير موجود"));
}

#[tokio::test]
async fn contradiction_ids_are_the_same_for_a_copy_of_the_files() {
    let copy = std::env::temp_dir().join(format!("mizan-pages-copy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    let story = copy.join("seeds");
    std::fs::create_dir_all(&story).unwrap();
    // Copied in reverse order: creation order must not matter.
    let mut files: Vec<_> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.reverse();
    for f in files {
        std::fs::copy(&f, story.join(f.file_name().unwrap())).unwrap();
    }
    let theirs = AppState::new(corpus::load(&copy).unwrap());
    let ours = seeds_state();
    assert_eq!(contradiction_ids(&ours), contradiction_ids(&theirs));
    let id = &contradiction_ids(&ours)[0];
    let uri = format!("/stories/seeds/contradictions/{id}?view=pair");
    let (a, b) = (get(&ours, &uri).await, get(&theirs, &uri).await);
    assert_eq!(a.0, StatusCode::OK);
    assert_eq!(a, b);
    std::fs::remove_dir_all(&copy).unwrap();
}

#[tokio::test]
async fn article_sentences_say_who_confirms_and_who_contradicts() {
    let state = seeds_state();
    let (status, body) = get(&state, "/stories/seeds/articles/003_355682fa40c797f5").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<span class=\"badge b-agree\">يؤكده"));
    assert!(body.contains("<span class=\"badge b-contradict\">يناقضه"));
    assert!(body.contains("<span class=\"badge b-alone\">انفرد به</span>"));
    assert!(body.contains("href=\"/stories/seeds/contradictions/"));
}

#[tokio::test]
async fn search_finds_every_spelling_of_a_name() {
    let state = seeds_state();
    let (status, body) = get(
        &state,
        "/stories/seeds/search?q=%D9%83%D8%A7%D8%B8%D9%85%D9%8A",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<mark class=\"hit\">الكاظمي</mark>"));
    assert!(body.contains("<mark class=\"hit\">خادمي</mark>"));
    assert!(body.contains("value=\"كاظمي\""));
    let (_, empty) = get(&state, "/stories/seeds/search?q=").await;
    assert!(!empty.contains("id=\"result-count\""));
    let (_, xss) = get(&state, "/stories/seeds/search?q=%3Cscript%3E").await;
    assert!(!xss.contains("<script>"));
    let long = "%D9%83".repeat(201);
    let (status, _) = get(&state, &format!("/stories/seeds/search?q={long}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn pages_carry_no_inline_script_or_style_and_have_landmarks() {
    let state = seeds_state();
    let id = contradiction_ids(&state)[0].clone();
    for uri in [
        "/".to_string(),
        "/stories/seeds".into(),
        "/stories/seeds/compare".into(),
        "/stories/seeds/pair/000_4906ad26d71f513b/002_9dc6a4681efa834b".into(),
        "/stories/seeds/contradictions".into(),
        format!("/stories/seeds/contradictions/{id}?view=pair"),
        "/stories/seeds/articles/000_4906ad26d71f513b".into(),
        "/stories/seeds/search?q=%D8%A7%D9%84%D8%AC%D9%8A%D8%B4".into(),
    ] {
        let (status, body) = get(&state, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!body.contains(" style="), "{uri}: inline style");
        assert_eq!(
            body.matches("<script").count(),
            body.matches("<script src=\"/static/app.js\" defer></script>")
                .count(),
            "{uri}: inline script"
        );
        for landmark in ["<header", "<main id=\"main\">", "<footer", "<h1"] {
            assert!(body.contains(landmark), "{uri}: {landmark}");
        }
    }
}

/// The segment numbers of article `id`'s cells on a compare page, top to
/// bottom.
fn column_segments(page: &str, id: &str) -> Vec<usize> {
    let needle = format!("/articles/{id}?seg=");
    page.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &page[i + needle.len()..];
            rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap()]
                .parse()
                .unwrap()
        })
        .collect()
}

#[tokio::test]
async fn compare_rows_follow_a_chosen_sources_reading_order() {
    let state = seeds_state();
    let ids: Vec<String> = state.corpus().stories[0]
        .articles
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let sorted = |v: &[usize]| v.windows(2).all(|w| w[0] < w[1]);
    for id in &ids {
        let (status, page) = get(&state, &format!("/stories/seeds/compare?order={id}")).await;
        assert_eq!(status, StatusCode::OK);
        let column = column_segments(&page, id);
        assert!(column.len() > 3, "{id}: {column:?}");
        assert!(sorted(&column), "{id} read out of order: {column:?}");
        assert!(page.contains("class=\"ordered\""), "the column says so");
        // Its head's link undoes it; the others order by themselves.
        assert!(page.contains("href=\"/stories/seeds/compare\" aria-current=\"true\""));
        // One source alone reads in its own order without asking.
        let (_, alone) = get(&state, &format!("/stories/seeds/compare?sources={id}")).await;
        assert!(sorted(&column_segments(&alone, id)));
    }
    // Toggling a source or the shading keeps the order.
    let (_, page) = get(
        &state,
        &format!("/stories/seeds/compare?order={}&rows=shared", ids[1]),
    )
    .await;
    assert!(page.contains(&format!("rows=shared&#38;order={}&#38;words=1", ids[1])));
    let (status, _) = get(&state, "/stories/seeds/compare?order=nope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
