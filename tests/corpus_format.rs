//! The corpus format: a folder of stories, articles with front matter, and
//! what the pages show of it.
#![cfg(feature = "web")]

mod common;

use axum::http::StatusCode;
use mizan::corpus;
use mizan::text::SegmentKind;
use mizan::web::AppState;

use common::get_page as get;

/// Two stories; the first with front matter, one line of it bad.
fn corpus_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mizan-format-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let quake = dir.join("quake");
    let fire = dir.join("fire");
    std::fs::create_dir_all(&quake).unwrap();
    std::fs::create_dir_all(&fire).unwrap();
    std::fs::write(
        quake.join("wire.txt"),
        "---\ntitle: زلزال يضرب جنوب تركيا\nsource: وكالة الشرق\nurl: https://example.org/quake/1\npublished: 2023-02-06T04:17:00+03:00\nlanguage: ar\n---\nضرب زلزال بقوة 7.8 درجات جنوب تركيا فجر الاثنين. وقالت السلطات إن 76 شخصا قتلوا في الزلزال.\n",
    )
    .unwrap();
    std::fs::write(
        quake.join("daily.md"),
        "---\nsource: صحيفة الغرب\npublished: 2023-02-06T07:17:00+03:00\n---\nزلزال مدمر في تركيا\nضرب زلزال قوي جنوب تركيا فجر الاثنين. وقالت السلطات إن 284 شخصا قتلوا في الزلزال.\n",
    )
    .unwrap();
    std::fs::write(
        quake.join("notes.txt"),
        "---\nsource: مدونة\npublished: صباح الاثنين\n---\nفرق الإنقاذ تواصل البحث تحت الأنقاض في مدينة غازي عنتاب.\n",
    )
    .unwrap();
    std::fs::write(fire.join("a.txt"), common::FIRE_ARTICLE).unwrap();
    dir
}

#[tokio::test]
async fn stories_in_folders_with_front_matter() {
    let dir = corpus_dir();
    let loaded = corpus::load(&dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let ids: Vec<&str> = loaded.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["fire", "quake"]);
    let quake = loaded.story("quake").unwrap();
    let wire = quake.article("wire").unwrap();
    assert_eq!(wire.title, "زلزال يضرب جنوب تركيا");
    assert_eq!(wire.segments[0].kind, SegmentKind::Metadata);
    assert!(wire.segments[0].text(&wire.text).starts_with("---\ntitle:"));
    // The front matter is never compared as text.
    let an = &quake.analysis();
    assert!(
        an.units
            .iter()
            .all(|u| u.segment != 0 || quake.articles[u.article].front_matter.is_none())
    );

    let state = AppState::new(loaded);
    let (status, home) = get(&state, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("href=\"/stories/quake\"") && home.contains("href=\"/stories/fire\""));

    let (_, overview) = get(&state, "/stories/quake").await;
    assert!(
        overview.contains("وكالة الشرق (3)"),
        "outlets name the sources"
    );
    assert!(overview.contains("صحيفة الغرب (1)"));
    // Different counts published three hours apart: a possible update.
    let corpus = state.corpus();
    let contradictions = &corpus.story("quake").unwrap().analysis().contradictions;
    assert_eq!(contradictions.len(), 1, "76 against 284 killed");
    assert!(overview.contains("<span class=\"badge b-update\">تحديث محتمل</span>"));
    let (_, page) = get(
        &state,
        &format!(
            "/stories/quake/contradictions/{}?view=pair",
            contradictions[0].id
        ),
    )
    .await;
    assert!(
        page.contains("«284 شخصا» نُشر بعد «76 شخصا» بـ3 ساعات"),
        "{page}"
    );

    let (_, article) = get(&state, "/stories/quake/articles/wire").await;
    assert!(article.contains("<dt>المصدر</dt><dd>وكالة الشرق</dd>"));
    assert!(article.contains("<dt>تاريخ النشر</dt><dd>2023-02-06 04:17 UTC+03:00</dd>"));
    assert!(article.contains("href=\"https://example.org/quake/1\""));
    let (_, notes) = get(&state, "/stories/quake/articles/notes").await;
    assert!(
        notes.contains("أسطر في رأس الملف لم تُقرأ"),
        "a bad date is reported"
    );
    assert!(notes.contains("published must be an ISO date"));
    let (_, fire) = get(&state, "/stories/fire/articles/a").await;
    assert!(fire.contains("لا بيانات وصفية في رأس الملف"));
    std::fs::remove_dir_all(&dir).unwrap();
}
