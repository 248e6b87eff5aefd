//! The disputes and figures pages via `router(state)`, on a story of my
//! own: three reports of one explosion, published hours apart, two giving
//! the first toll and one a later, higher one.
#![cfg(feature = "web")]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use mizan::web::AppState;
use std::path::PathBuf;

fn story_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mizan-disputes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let s = dir.join("blast");
    std::fs::create_dir_all(&s).unwrap();
    for (file, text) in [
        (
            "a.txt",
            "---\nsource: وكالة الشمال\npublished: 2024-05-06T08:00Z\n---\nانفجار في مصنع للكيماويات\nقتل 12 شخصا في انفجار بمصنع للكيماويات في مدينة الزرقاء يوم الاثنين، وفق الدفاع المدني.\nوقال شهود إن النيران اشتعلت في المخازن بعد الانفجار.\n",
        ),
        (
            "b.txt",
            "---\nsource: صحيفة الغد\npublished: 2024-05-06T10:00Z\n---\nقتلى في انفجار مصنع الزرقاء\nلقي 12 شخصا حتفهم في انفجار بمصنع للكيماويات في مدينة الزرقاء يوم الاثنين.\nوأغلقت الشرطة الطرق المؤدية إلى المصنع.\n",
        ),
        (
            "c.txt",
            "---\nsource: إذاعة المدينة\npublished: 2024-05-06T16:00Z\n---\nارتفاع حصيلة انفجار الزرقاء\nقتل 20 شخصا في انفجار بمصنع للكيماويات في مدينة الزرقاء يوم الاثنين، وفق الدفاع المدني.\nوقال شهود إن النيران اشتعلت في المخازن بعد الانفجار.\n",
        ),
    ] {
        std::fs::write(s.join(file), text).unwrap();
    }
    dir
}

#[tokio::test]
async fn one_toll_is_one_dispute_with_its_sides_and_a_possible_update() {
    let dir = story_dir("one");
    let state = AppState::new(mizan::corpus::load(&dir).unwrap());
    let story = &state.corpus().stories[0];
    assert_eq!(
        story.analysis().disputes.len(),
        1,
        "{:?}",
        story.analysis().disputes
    );
    let id = story.analysis().disputes[0].id.clone();

    let (status, list) = common::get_page(&state, "/stories/blast/disputes").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("حصيلة القتلى"), "the measure in words");
    let twelve = list.find(">12<").expect("the side 12");
    let twenty = list.find(">20<").expect("the side 20");
    assert!(twelve < twenty, "sides in reading order");
    assert!(list.contains("وكالة الشمال") && list.contains("صحيفة الغد"));
    assert!(list.contains("تحديث محتمل"));
    assert!(list.contains("8 ساعات"), "the delay between the sides");

    let (status, page) = common::get_page(&state, &format!("/stories/blast/disputes/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        page.matches("<mark class=\"conflict\">").count(),
        3,
        "every value marked"
    );
    assert!(page.contains("class=\"context\""), "sentences in context");
    assert!(page.contains("/contradictions/"), "the pairs behind it");
    // Each pair's page leads back to its dispute.
    let pair = &story.analysis().contradictions[0].id;
    let (_, pair_page) = common::get_page(
        &state,
        &format!("/stories/blast/contradictions/{pair}?view=pair"),
    )
    .await;
    assert!(pair_page.contains(&format!("/stories/blast/disputes/{id}?pair={pair}#pair")));
    // The pair's bare address (an old or shared link) leads to its
    // dispute, the pair shown on top, its values marked.
    let request = axum::http::Request::get(format!("/stories/blast/contradictions/{pair}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let reply = common::send(&state, request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let to = reply.headers["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("/stories/blast/disputes/{id}?pair={pair}#pair"));
    let (status, focused) = common::get_page(&state, to.trim_end_matches("#pair")).await;
    assert_eq!(status, StatusCode::OK);
    let section = focused
        .split("<section id=\"pair\"")
        .nth(1)
        .expect("the pair on top");
    let section = &section[..section.find("</section>").unwrap()];
    assert_eq!(
        section.matches("<mark class=\"conflict\"").count(),
        2,
        "{section}"
    );
    assert!(section.contains(&format!("/contradictions/{pair}?view=pair")));
    // A pair that is not the dispute's is not shown.
    let (_, other) = common::get_page(
        &state,
        &format!("/stories/blast/disputes/{id}?pair=000000000000"),
    )
    .await;
    assert!(!other.contains("<section id=\"pair\""));

    // A printed brief opens with the story, its sources and dates; the
    // style sheet hides the navigation on paper.
    assert!(page.contains("class=\"print-only print-head\""));
    let head = page
        .split("print-head\">")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    assert!(
        head.contains("وكالة الشمال") && head.contains("2024-05-06"),
        "{head}"
    );
    let (_, css) = common::get_page(&state, "/static/style.css").await;
    let print = css
        .split("@media print")
        .nth(1)
        .expect("a print style sheet");
    assert!(print.contains("header.site") && print.contains("display: none"));
    // The id is the same after a restart.
    let again = mizan::corpus::load(&dir).unwrap();
    assert_eq!(again.stories[0].analysis().disputes[0].id, id);
    let (status, _) = common::get_page(&state, "/stories/blast/disputes/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The overview leads with the disputes, before the sources.
    let (_, overview) = common::get_page(&state, "/stories/blast").await;
    let disputes = overview.find("id=\"disputes-h\"").unwrap();
    let sources = overview.find("id=\"sources-h\"").unwrap();
    assert!(disputes < sources);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn figures_list_every_claim_chart_the_toll_and_download_as_csv() {
    let dir = story_dir("figures");
    let state = AppState::new(mizan::corpus::load(&dir).unwrap());
    let (status, page) = common::get_page(&state, "/stories/blast/figures").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("حصيلة القتلى"));
    assert!(page.contains("يوم الحدث"), "agreed measures are listed too");
    assert!(page.contains("الدفاع المدني"), "according to whom");
    assert!(page.contains("2024-05-06 16:00"), "when");
    assert!(page.contains("<svg class=\"chart\""), "the toll over time");
    assert!(page.matches("<circle").count() >= 3);

    let reply = common::send(
        &state,
        Request::get("/stories/blast/figures?format=csv")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.content_type().starts_with("text/csv"));
    assert!(reply.body.starts_with('\u{feff}'));
    let lines: Vec<&str> = reply.body.lines().collect();
    assert!(lines[0].ends_with("according_to,published,link"));
    let tolls: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("count:killed"))
        .collect();
    // Three figures and the headline's «قتلى» (two or more, no number).
    assert_eq!(tolls.len(), 4, "{lines:?}");
    assert!(tolls.iter().any(|l| l.contains(",20,")));
    assert!(tolls.iter().any(|l| l.contains(",قتلى,2 أو أكثر,")));

    let (status, _) = common::get_page(&state, "/stories/blast/figures?format=xml").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn shared_words_are_shaded_only_on_request_and_counts_agree() {
    let dir = story_dir("shade");
    let state = AppState::new(mizan::corpus::load(&dir).unwrap());
    for page in ["/stories/blast/compare", "/stories/blast/pair/a/b"] {
        let (_, plain) = common::get_page(&state, page).await;
        assert!(
            !plain.contains("class=\"shared\""),
            "{page}: no shading by default"
        );
        assert!(plain.contains("<mark class=\"conflict\"") || page.ends_with("/b"));
        let (_, shaded) = common::get_page(&state, &format!("{page}?words=1")).await;
        assert!(
            shaded.contains("class=\"shared\""),
            "{page}: shading on request"
        );
    }
    // Left-to-right bits stay in their order on the right-to-left pages:
    // the date example of the form, the front matter in the pair view.
    let (_, form) = common::get_page(&state, "/stories/blast/add").await;
    assert!(form.contains("<bdi dir=\"ltr\">2023-02-06</bdi>"));
    let (_, pair) = common::get_page(&state, "/stories/blast/pair/a/b").await;
    assert!(pair.contains("seg-metadata not-compared\" lang=\"en\" dir=\"ltr\""));
    // Sources may be chosen by the names pages give them.
    let by_name = format!(
        "/stories/blast/compare?sources={},{}",
        mizan::web::urls::query_escape("وكالة الشمال"),
        mizan::web::urls::query_escape("المصدر 3")
    );
    let (status, two) = common::get_page(&state, &by_name).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(two.matches("<th scope=\"col\">").count(), 2, "two columns");
    let (_, overview) = common::get_page(&state, "/stories/blast").await;
    assert!(overview.contains("3 مصادر"));
    let (_, home) = common::get_page(&state, "/").await;
    assert!(home.contains("3 مقالات"));
    // A story of one article: the words agree, and no empty coverage table.
    let one = dir.join("single");
    std::fs::create_dir_all(&one).unwrap();
    std::fs::copy(dir.join("blast/a.txt"), one.join("a.txt")).unwrap();
    let state = AppState::new(mizan::corpus::load(&dir).unwrap());
    let (_, overview) = common::get_page(&state, "/stories/single").await;
    assert!(overview.contains("مصدر واحد"));
    assert!(!overview.contains("1 مصادر"));
    assert!(!overview.contains("class=\"grid matrix\""));
    let (_, home) = common::get_page(&state, "/").await;
    assert!(home.contains("مقال واحد"));
    std::fs::remove_dir_all(&dir).unwrap();
}
