//! A story whose folder is named in Arabic: its links are percent-encoded
//! (one helper, `web::urls`, makes them all), they lead to its pages, and
//! its static share links page to page as the seeds' does.
#![cfg(feature = "web")]

mod common;

use axum::http::StatusCode;
use std::path::Path;

const ID: &str = "غزة-2024";
const ENCODED: &str = "/stories/%D8%BA%D8%B2%D8%A9-2024";

/// A corpus holding the seeds under the folder [`ID`], in a temporary
/// folder of its own (`name`: one per test, as tests run in parallel).
fn corpus(name: &str) -> mizan::corpus::Corpus {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = std::env::temp_dir().join(format!("mizan-ids-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(ID)).unwrap();
    for f in std::fs::read_dir(&seeds).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(ID).join(f.file_name().unwrap())).unwrap();
    }
    mizan::corpus::load(&dir).unwrap()
}

/// Every `href` of `html` naming this server (not static files).
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|r| r.split('"').next())
        .filter(|h| h.starts_with('/') && !h.starts_with("/static/"))
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}

#[tokio::test]
async fn links_of_a_story_named_in_arabic_are_encoded_and_lead_to_its_pages() {
    let state = mizan::web::AppState::new(corpus("links"));
    let (status, overview) = common::get_page(&state, ENCODED).await;
    assert_eq!(status, StatusCode::OK);
    let story_links: Vec<String> = links(&overview)
        .into_iter()
        .filter(|h| h.starts_with("/stories/"))
        .collect();
    assert!(story_links.len() > 20, "{story_links:?}");
    for href in &story_links {
        assert!(href.starts_with(ENCODED), "{href}");
        assert!(!href.contains(ID), "{href}");
    }
    // One link of each kind the overview has answers.
    let mut kinds: Vec<String> = story_links
        .iter()
        .map(|h| h.split(['?', '#']).next().unwrap().to_string())
        .collect();
    kinds.sort();
    kinds.dedup_by(|a, b| a.split('/').nth(3) == b.split('/').nth(3));
    for href in kinds {
        let (status, _) = common::get_page(&state, &href).await;
        assert_eq!(status, StatusCode::OK, "{href}");
    }
    // A page built in Rust (the article's "confirmed by" links) names it
    // the same way.
    let article = format!("{ENCODED}/articles/000_4906ad26d71f513b");
    let (_, page) = common::get_page(&state, &article).await;
    assert!(
        links(&page)
            .iter()
            .any(|h| h.starts_with(&format!("{ENCODED}/articles/")))
    );
}

#[test]
fn the_share_of_a_story_named_in_arabic_links_its_own_files() {
    let corpus = corpus("share");
    let story = corpus.story(ID).unwrap();
    let files = mizan::web::share::files(story, &[]).unwrap();
    let names: std::collections::HashSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let index = files.iter().find(|(n, _)| n == "index.html").unwrap();
    let html = String::from_utf8_lossy(&index.1);
    let targets: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .filter_map(|r| r.split(['"', '#']).next())
        .filter(|h| !h.is_empty())
        .collect();
    for t in &targets {
        assert!(names.contains(t), "{t} is not a file of the share");
    }
    // The overview's links reach the other pages, not back to itself.
    let elsewhere = targets.iter().filter(|t| **t != "index.html").count();
    assert!(elsewhere > 20, "{targets:?}");
}
