//! Bad articles: each is skipped with a message naming the file and the
//! reason, or served when it can be decoded, and the rest is served with
//! exact offsets.
#![cfg(feature = "web")]

use mizan::corpus::{self, MAX_FILE_BYTES};
use std::path::PathBuf;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mizan-bad-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn reason<'c>(c: &'c corpus::Corpus, file: &str) -> &'c str {
    c.problems
        .iter()
        .find(|p| p.path.file_name().and_then(|n| n.to_str()) == Some(file))
        .map(|p| p.reason.as_str())
        .unwrap_or_else(|| panic!("no problem reported for {file}: {:?}", c.problems))
}

/// Every segment's text is its bytes in the file.
fn offsets_exact(c: &corpus::Corpus) {
    for s in &c.stories {
        for a in &s.articles {
            if a.converted_from.is_some() {
                continue;
            }
            let raw = std::fs::read(s.dir.join(&a.file)).unwrap();
            for seg in &a.segments {
                assert_eq!(
                    &raw[seg.start..seg.end],
                    a.segment_text(seg).as_bytes(),
                    "{}",
                    a.file
                );
            }
        }
    }
}

#[test]
fn every_kind_of_bad_file_is_named_and_the_rest_is_served() {
    let root = temp("matrix");
    let dir = root.join("fire");
    std::fs::create_dir_all(&dir).unwrap();
    let good = "حريق في السوق\nاندلع حريق كبير في سوق الخضار فجر الثلاثاء.\n";
    std::fs::write(dir.join("good.txt"), good).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("blank.txt"), "  \n\t\n").unwrap();
    std::fs::write(dir.join("image.txt"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).unwrap();
    std::fs::write(dir.join("latin1.txt"), b"caf\xe9 au lait").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "النيران في السوق\nشب حريق ضخم في سوق الخضار.\n".encode_utf16()
    {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.join("utf16.txt"), utf16).unwrap();
    std::fs::write(
        dir.join("bom.txt"),
        "\u{feff}حريق سوق الخضار\r\nأخمدت فرق الدفاع المدني حريق سوق الخضار.\r\n",
    )
    .unwrap();
    std::fs::write(dir.join("zcopy.txt"), good).unwrap();
    let big = "كلمة ".repeat((MAX_FILE_BYTES as usize) / 9 + 10);
    std::fs::write(dir.join("huge.txt"), big).unwrap();
    let outside = temp("outside");
    std::fs::write(outside.join("secret.txt"), "نص خارج المجلد.").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), dir.join("link.txt")).unwrap();
    std::fs::write(dir.join("locked.txt"), "نص مقفل.").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        dir.join("locked.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let locked_readable = std::fs::read(dir.join("locked.txt")).is_ok(); // root reads anyway
    // A story of one article.
    std::fs::create_dir_all(root.join("single")).unwrap();
    std::fs::write(root.join("single/only.txt"), "اندلع حريق في السوق.").unwrap();

    let c = corpus::load(&root).unwrap();
    assert!(reason(&c, "empty.txt").contains("empty"));
    assert!(reason(&c, "blank.txt").contains("empty"));
    assert!(reason(&c, "image.txt").contains("binary"));
    assert!(reason(&c, "latin1.txt").contains("not valid UTF-8 (first bad byte at offset 3)"));
    assert!(reason(&c, "zcopy.txt").contains("duplicate: the same text as good.txt"));
    assert!(reason(&c, "huge.txt").contains("too large"));
    assert!(reason(&c, "link.txt").contains("outside the story folder"));
    if locked_readable {
        // Running as root, the file reads: it is served like any other.
        assert!(c.story("fire").unwrap().article("locked").is_some());
    } else {
        assert!(reason(&c, "locked.txt").contains("cannot be read"));
    }
    let fire = c.story("fire").unwrap();
    let ids: Vec<&str> = fire.articles.iter().map(|a| a.id.as_str()).collect();
    for id in ["good", "utf16", "bom"] {
        assert!(ids.contains(&id), "{id} served: {ids:?}");
    }
    let utf16 = fire.article("utf16").unwrap();
    assert_eq!(utf16.converted_from, Some("UTF-16LE"));
    assert_eq!(utf16.title, "النيران في السوق");
    assert_eq!(fire.article("bom").unwrap().title, "حريق سوق الخضار");
    assert_eq!(c.story("single").unwrap().articles.len(), 1);
    offsets_exact(&c);
    std::fs::set_permissions(
        dir.join("locked.txt"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::remove_dir_all(&root).unwrap();
    std::fs::remove_dir_all(&outside).unwrap();
}

#[test]
fn an_empty_corpus_says_so() {
    let root = temp("empty");
    let c = corpus::load(&root).unwrap();
    assert!(c.stories.is_empty());
    assert!(c.problems[0].reason.contains("no stories found"));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn ten_thousand_one_line_articles_load() {
    let root = temp("many");
    let dir = root.join("wire");
    std::fs::create_dir_all(&dir).unwrap();
    let words = [
        "حريق",
        "سوق",
        "مدينة",
        "الدفاع",
        "المدني",
        "أخمد",
        "اندلع",
        "كبير",
    ];
    for i in 0..10_000usize {
        let line: Vec<&str> = (0..8)
            .map(|k| words[(i * 7 + k * 3 + i / 8) % words.len()])
            .collect();
        // The article's number makes every text distinct (no duplicates).
        std::fs::write(
            dir.join(format!("a{i:05}.txt")),
            format!("{} {i}.\n", line.join(" ")),
        )
        .unwrap();
    }
    let c = corpus::load(&root).unwrap();
    let wire = c.story("wire").unwrap();
    assert_eq!(wire.articles.len() + c.problems.len(), 10_000);
    assert!(wire.articles.len() > 1);
    assert_eq!(wire.articles.len(), 10_000, "{:?}", c.problems.first());
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn skipped_files_are_explained_in_arabic_with_the_detail_after() {
    use mizan::corpus::ProblemKind;
    use mizan::document::ArticleErrorKind;
    let dir = temp("arabic");
    let story = dir.join("quake");
    std::fs::create_dir_all(&story).unwrap();
    std::fs::write(story.join("a.txt"), "ضرب زلزال قوي المدينة فجر الأحد.\n").unwrap();
    std::fs::write(story.join("report.docx"), b"PK\x03\x04 not text").unwrap();
    std::fs::write(
        story.join("scan.txt"),
        b"%PDF-1.4\n\xe2\xe3\xcf\xd3\x00\x01",
    )
    .unwrap();
    std::fs::write(story.join("empty.txt"), "  \n").unwrap();
    let c = corpus::load(&dir).unwrap();
    let kind = |file: &str| {
        c.problems
            .iter()
            .find(|p| p.path.file_name().and_then(|n| n.to_str()) == Some(file))
            .map(|p| p.kind)
            .unwrap()
    };
    assert_eq!(kind("report.docx"), ProblemKind::Document);
    assert_eq!(
        kind("scan.txt"),
        ProblemKind::Article(ArticleErrorKind::Binary)
    );
    assert_eq!(
        kind("empty.txt"),
        ProblemKind::Article(ArticleErrorKind::Empty)
    );
    let state = mizan::web::AppState::new(c);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let page = rt.block_on(async {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let req = axum::http::Request::get("/")
            .body(axum::body::Body::empty())
            .unwrap();
        let res = mizan::web::router(state).oneshot(req).await.unwrap();
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
    });
    // The Arabic message first, with advice; the English detail after it.
    assert!(page.contains("انسخ النص والصقه"), "{page}");
    assert!(page.contains("الملف فارغ لا نص فيه."), "{page}");
    let message = page.find("الملف فارغ").unwrap();
    let detail = page.find("empty file: it holds no text").unwrap();
    assert!(message < detail);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_story_may_fix_its_id_in_story_toml() {
    let dir = temp("fixed-id");
    let story = dir.join("copy-of-march-files");
    std::fs::create_dir_all(&story).unwrap();
    std::fs::write(story.join("a.txt"), "غمرت السيول قرى الوادي مساء الخميس.\n").unwrap();
    std::fs::write(
        story.join("story.toml"),
        "id = \"valley-floods\"\ntitle = \"سيول الوادي\"\n",
    )
    .unwrap();
    let bad = dir.join("other");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("b.txt"), "انهار جسر فوق النهر صباح الجمعة.\n").unwrap();
    std::fs::write(bad.join("story.toml"), "id = \"not an id\"\n").unwrap();
    let c = corpus::load(&dir).unwrap();
    let ids: Vec<&str> = c.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["other", "valley-floods"]);
    assert!(
        reason(&c, "story.toml").contains("cannot be a story id"),
        "{:?}",
        c.problems
    );
    let _ = std::fs::remove_dir_all(&dir);
}
