//! Verdicts: posted on a dispute, kept in SQLite in the workspace, shown
//! on every page that lists disputes, in the JSON, after a restart and an
//! edit; orphans kept; concurrent posts all kept; exported as gold.
#![cfg(feature = "web")]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use mizan::corpus::Sources;
use mizan::web::AppState;
use std::path::{Path, PathBuf};

/// A story of three reports (tolls 12, 12 and 20) and an empty workspace.
fn setup(name: &str) -> (PathBuf, Sources) {
    let base = std::env::temp_dir().join(format!("mizan-verdicts-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let s = base.join("corpus/blast");
    std::fs::create_dir_all(&s).unwrap();
    for (file, text) in [
        (
            "a.txt",
            "---\nsource: وكالة الشمال\npublished: 2024-05-06T08:00Z\n---\nانفجار في مصنع\nقتل 12 شخصا في انفجار بمصنع للكيماويات في مدينة الزرقاء يوم الاثنين.\n",
        ),
        (
            "b.txt",
            "---\nsource: صحيفة الغد\npublished: 2024-05-06T10:00Z\n---\nقتلى في انفجار\nلقي 12 شخصا حتفهم في انفجار بمصنع للكيماويات في مدينة الزرقاء يوم الاثنين.\n",
        ),
        (
            "c.txt",
            "---\nsource: إذاعة المدينة\npublished: 2024-05-06T16:00Z\n---\nارتفاع الحصيلة\nقتل 20 شخصا في انفجار بمصنع للكيماويات في مدينة الزرقاء يوم الاثنين.\n",
        ),
    ] {
        std::fs::write(s.join(file), text).unwrap();
    }
    let sources = Sources {
        corpus: base.join("corpus"),
        corpus_writable: true,
        workspace: Some(base.join("workspace")),
    };
    (base, sources)
}

fn state(sources: &Sources) -> AppState {
    AppState::new(mizan::corpus::load_sources(sources).unwrap())
}

async fn post(state: &AppState, fields: &[(&str, &str)]) -> common::Reply {
    let req = Request::post("/stories/blast/verdicts")
        .header("content-type", common::multipart_type())
        .header("host", "127.0.0.1:3000")
        .header("origin", "http://127.0.0.1:3000")
        .body(Body::from(common::multipart(fields, None)))
        .unwrap();
    common::send(state, req).await
}

fn dispute_id(state: &AppState) -> String {
    state.corpus().stories[0].analysis().disputes[0].id.clone()
}

#[tokio::test]
async fn a_verdict_is_shown_everywhere_and_survives_a_restart_and_an_edit() {
    let (base, sources) = setup("flow");
    let st = state(&sources);
    let id = dispute_id(&st);
    let token = st.csrf_token().to_string();
    let (status, page) = common::get_page(&st, &format!("/stories/blast/disputes/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"verdict\" value=\"confirmed\""));
    assert!(
        !sources
            .workspace
            .as_ref()
            .unwrap()
            .join("verdicts.sqlite")
            .exists()
    );

    let reply = post(
        &st,
        &[
            ("csrf", &token),
            ("target", &id),
            ("verdict", "update"),
            ("note", "الحصيلة ارتفعت بعد انتشال جثث"),
            ("reviewer", "ليلى"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let cookie = reply.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("mizan_reviewer="));

    let (_, page) = common::get_page(&st, &format!("/stories/blast/disputes/{id}")).await;
    assert!(page.contains("v-update") && page.contains("الحصيلة ارتفعت") && page.contains("ليلى"));
    let (_, decided) = common::get_page(&st, "/stories/blast/disputes?status=decided").await;
    assert!(decided.contains(&format!("id=\"d-{id}\"")));
    let (_, open) = common::get_page(&st, "/stories/blast/disputes?status=open").await;
    assert!(!open.contains(&format!("id=\"d-{id}\"")));
    let (_, overview) = common::get_page(&st, "/stories/blast").await;
    assert!(overview.contains("حُسم 1"));
    let (_, figures) = common::get_page(&st, "/stories/blast/figures").await;
    assert!(figures.contains("v-update"), "the figures page shows it");
    // A verdict on one pair of sentences, from its page.
    let pair = st.corpus().stories[0].analysis().contradictions[0]
        .id
        .clone();
    let (_, pair_page) = common::get_page(
        &st,
        &format!("/stories/blast/contradictions/{pair}?view=pair"),
    )
    .await;
    assert!(pair_page.contains(&format!("name=\"target\" value=\"{pair}\"")));
    let reply = post(
        &st,
        &[
            ("csrf", "ffffffffffffffffffffffffffffffff"),
            ("target", &pair),
            ("verdict", "false_alarm"),
            ("note", "ملاحظة على الزوج"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(
        reply.body.contains("ملاحظة على الزوج"),
        "the pair's page comes back filled in"
    );
    let reply = post(
        &st,
        &[
            ("csrf", &token),
            ("target", &pair),
            ("verdict", "false_alarm"),
            ("reviewer", "سامي"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        reply.headers["location"].to_str().unwrap(),
        format!("/stories/blast/contradictions/{pair}?view=pair#verdict")
    );
    let (_, pair_page) = common::get_page(
        &st,
        &format!("/stories/blast/contradictions/{pair}?view=pair"),
    )
    .await;
    assert!(pair_page.contains("v-false_alarm") && pair_page.contains("سامي"));
    let (_, json) = common::get_page(&st, "/api/v1/stories/blast").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let on = |t: &str| {
        json["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["target"] == t)
            .cloned()
            .unwrap()
    };
    assert_eq!(on(&id)["verdict"], "update");
    assert_eq!(on(&pair)["verdict"], "false_alarm");
    assert_eq!(on(&id)["current"], true);

    // A restart, then an edit to an unrelated sentence of one article.
    let b = sources.corpus.join("blast/b.txt");
    let mut text = std::fs::read_to_string(&b).unwrap();
    text.push_str("وأغلقت الشرطة الطرق المؤدية إلى المصنع.\n");
    std::fs::write(&b, text).unwrap();
    let again = state(&sources);
    assert_eq!(dispute_id(&again), id, "the dispute keeps its id");
    let (_, page) = common::get_page(&again, &format!("/stories/blast/disputes/{id}")).await;
    assert!(page.contains("v-update") && page.contains("ليلى"));

    // The dispute disappears: the verdict is kept and listed as an orphan.
    let c = sources.corpus.join("blast/c.txt");
    std::fs::write(&c, std::fs::read_to_string(&c).unwrap().replace("20", "12")).unwrap();
    let after = state(&sources);
    assert!(after.corpus().stories[0].analysis().disputes.is_empty());
    let (_, overview) = common::get_page(&after, "/stories/blast").await;
    assert!(overview.contains(&id) && overview.contains("لم تعد قائمة"));
    let (_, json) = common::get_page(&after, "/api/v1/stories/blast").await;
    assert!(json.contains("\"current\":false"));
    std::fs::remove_dir_all(&base).unwrap();
}

#[tokio::test]
async fn a_refused_verdict_comes_back_with_what_was_typed() {
    let (base, sources) = setup("refused");
    let st = state(&sources);
    let id = dispute_id(&st);
    let reply = post(
        &st,
        &[
            ("csrf", "0123456789abcdef0123456789abcdef"),
            ("target", &id),
            ("verdict", "confirmed"),
            ("note", "ملاحظة طويلة كتبتها بعناية"),
            ("reviewer", "سامي"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains("ملاحظة طويلة كتبتها بعناية"));
    assert!(reply.body.contains("value=\"confirmed\" required checked"));
    assert!(st.verdicts().current("blast").unwrap().is_empty());
    std::fs::remove_dir_all(&base).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_concurrent_verdicts_lose_nothing() {
    let (base, sources) = setup("concurrent");
    let st = state(&sources);
    let id = dispute_id(&st);
    let token = st.csrf_token().to_string();
    let tasks: Vec<_> = (0..32)
        .map(|i| {
            let (st, id, token) = (st.clone(), id.clone(), token.clone());
            tokio::spawn(async move {
                let note = format!("مراجعة رقم {i}");
                let who = format!("مراجع {i}");
                post(
                    &st,
                    &[
                        ("csrf", &token),
                        ("target", &id),
                        ("verdict", "confirmed"),
                        ("note", &note),
                        ("reviewer", &who),
                    ],
                )
                .await
                .status
            })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::SEE_OTHER);
    }
    let history = st.verdicts().history("blast", &id).unwrap();
    assert_eq!(history.len(), 32);
    let mut notes: Vec<_> = history.iter().map(|r| r.note.clone()).collect();
    notes.sort();
    notes.dedup();
    assert_eq!(notes.len(), 32, "every post kept");
    assert_eq!(st.verdicts().current("blast").unwrap().len(), 1);
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn export_gold_writes_the_desks_verdicts_for_the_scorer() {
    let (base, sources) = setup("gold");
    let corpus = mizan::corpus::load_sources(&sources).unwrap();
    let story = &corpus.stories[0];
    let id = story.analysis().disputes[0].id.clone();
    let store = mizan::verdicts::Store::new(sources.workspace.as_deref());
    store
        .set(
            "blast",
            &id,
            mizan::verdicts::Verdict::Confirmed,
            "",
            "ليلى",
        )
        .unwrap();
    let dir = sources.corpus.join("blast");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mizan"))
        .args(["export", "--gold", "--corpus"])
        .arg(&dir)
        .arg("--workspace")
        .arg(sources.workspace.as_ref().unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let gold: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sides = gold["contradictions"][0]["sides"].as_object().unwrap();
    assert_eq!(sides.len(), 2);
    assert!(sides.keys().any(|k| k == "12") && sides.keys().any(|k| k == "20"));
    assert_eq!(gold["facts"].as_array().unwrap().len(), 0);
    // The verdict travels with the static share.
    let share = base.join("share");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_mizan"))
        .args(["share", "--corpus"])
        .arg(&dir)
        .arg("--workspace")
        .arg(sources.workspace.as_ref().unwrap())
        .arg("--out")
        .arg(&share)
        .status()
        .unwrap();
    assert!(status.success());
    let page = std::fs::read_to_string(share.join(format!("disputes/{id}.html"))).unwrap();
    assert!(page.contains("v-confirmed") && page.contains("ليلى"));
    let list = std::fs::read_to_string(share.join("disputes.html")).unwrap();
    assert!(list.contains("مؤكَّد"));
    // The scorer of the shared evaluation reads it, where it is beside the
    // repository (it is in CI).
    let scorer = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/score.py");
    if scorer.is_file() {
        let gold_file = base.join("gold.json");
        std::fs::write(&gold_file, &out.stdout).unwrap();
        let story_json = std::process::Command::new(env!("CARGO_BIN_EXE_mizan"))
            .args(["export", "--corpus"])
            .arg(&dir)
            .output()
            .unwrap();
        let story_file = base.join("story.json");
        std::fs::write(&story_file, &story_json.stdout).unwrap();
        let scored = std::process::Command::new("python3")
            .arg(&scorer)
            .arg("--gold")
            .arg(&gold_file)
            .arg("--corpus")
            .arg(&dir)
            .arg(&story_file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&scored.stdout);
        assert!(
            scored.status.success(),
            "{text}{}",
            String::from_utf8_lossy(&scored.stderr)
        );
        assert!(text.contains("unfound=0 format_problems=0"), "{text}");
        assert!(text.contains("contra_r=1.000"), "{text}");
    }
    std::fs::remove_dir_all(&base).unwrap();
}
