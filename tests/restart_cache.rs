//! The analysis cache across restarts of the real server: a second start
//! on unchanged files reads every analysis back; a changed story and a
//! corrupt file are computed anew, and the pages are the same either way.
#![cfg(feature = "web")]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Waits for the warm-up's log line and returns its cache counts:
/// (read, computed, refused).
fn cache_counts(server: &common::Mizan) -> (usize, usize, usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let Ok(line) = server.stderr.recv_timeout(Duration::from_secs(1)) else {
            continue;
        };
        let Some(rest) = line.split("(cache: ").nth(1) else {
            continue;
        };
        let n: Vec<usize> = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        return (n[0], n[1], n[2]);
    }
    panic!("no warm-up line");
}

/// Three stories of two articles that disagree on a count.
fn corpus(root: &Path) {
    for (story, place) in [("one", "حمص"), ("two", "حماة"), ("three", "إدلب")] {
        let d = root.join(story);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(
            d.join("a.txt"),
            format!("قتل 7 أشخاص في انفجار سيارة مفخخة وسط مدينة {place} صباح الاثنين.\n"),
        )
        .unwrap();
        std::fs::write(
            d.join("b.txt"),
            format!("أسفر انفجار سيارة مفخخة في مدينة {place} صباح الاثنين عن مقتل 9 أشخاص.\n"),
        )
        .unwrap();
    }
}

#[test]
fn a_restart_reads_unchanged_analyses_and_recomputes_the_rest() {
    let base: PathBuf = std::env::temp_dir().join(format!("mizan-restart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let (dir, ws) = (base.join("corpus"), base.join("ws"));
    corpus(&dir);
    let ws_arg = ws.to_str().unwrap();
    let args = ["--workspace", ws_arg];

    let first = common::start_mizan(&dir, &args);
    assert_eq!(cache_counts(&first), (0, 3, 0), "a first start computes");
    let (_, page) = common::http_get(&first.url, "/stories/two/disputes");
    drop(first);
    let cache = ws.join(mizan::corpus::cache::FOLDER);
    let mut files: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 3, "one file a story");

    let second = common::start_mizan(&dir, &args);
    assert_eq!(
        cache_counts(&second),
        (3, 0, 0),
        "nothing changed: all read"
    );
    let (_, again) = common::http_get(&second.url, "/stories/two/disputes");
    assert_eq!(again, page, "the same page from the cache");
    drop(second);

    // One story edited, one file corrupted: those two are computed.
    std::fs::write(
        dir.join("one/b.txt"),
        "أسفر انفجار سيارة مفخخة في مدينة حمص صباح الاثنين عن مقتل 11 شخصا.\n",
    )
    .unwrap();
    let victim = cache.join(mizan::corpus::cache::file_name(&dir.join("three")));
    let mut bytes = std::fs::read(&victim).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&victim, &bytes).unwrap();
    let third = common::start_mizan(&dir, &args);
    assert_eq!(
        cache_counts(&third),
        (1, 1, 1),
        "one read back, the edited computed, the corrupt refused and computed"
    );
    let (_, one) = common::http_get(&third.url, "/stories/one/disputes");
    assert!(one.contains("11"), "the edit is seen");
    drop(third);

    let fourth = common::start_mizan(&dir, &args);
    assert_eq!(cache_counts(&fourth), (3, 0, 0), "rebuilt files are read");
    drop(fourth);
    std::fs::remove_dir_all(&base).unwrap();
}
