//! Live reload with a real `mizan serve`: a file added, changed or removed
//! in the corpus is served within two seconds, without a restart.
#![cfg(feature = "web")]

mod common;

use std::time::{Duration, Instant};

/// The bound from a file landing to it being served.
const LIVE_WITHIN: Duration = Duration::from_secs(2);

/// Polls `path` until `check` holds on its body; the time it took.
fn wait_until(base: &str, path: &str, check: impl Fn(&str, &str) -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < LIVE_WITHIN * 3 {
        let (status, body) = common::http_get(base, path);
        if check(&status, &body) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn added_changed_and_removed_files_are_served_within_two_seconds() {
    let dir = common::fire_corpus("live");
    let story = dir.join("fire");
    let server = common::start_mizan(&dir, &[]);
    let (status, _) = common::http_get(&server.url, "/stories/fire/articles/b");
    assert!(status.contains("404"), "{status}");

    std::fs::write(
        story.join("b.txt"),
        "النيران تلتهم سوق طنطا\nشب حريق ضخم في سوق الخضار بمدينة طنطا فجر الثلاثاء وأتى على عشرات المحال.\n",
    )
    .unwrap();
    let took = wait_until(&server.url, "/stories/fire/articles/b", |s, b| {
        s.contains("200") && b.contains("النيران تلتهم سوق طنطا")
    })
    .expect("the new article is served");
    eprintln!("added: served after {took:?}");
    assert!(took <= LIVE_WITHIN, "served after {took:?}");
    // The rest of the story is still there and now compared with it.
    let (_, overview) = common::http_get(&server.url, "/stories/fire");
    assert!(overview.contains("/stories/fire/articles/a"));
    assert!(overview.contains("/stories/fire/pair/a/b"));

    std::fs::write(
        story.join("b.txt"),
        "حريق سوق طنطا تحت السيطرة\nأخمدت فرق الدفاع المدني حريق سوق طنطا بعد ساعات.\n",
    )
    .unwrap();
    let took = wait_until(&server.url, "/stories/fire/articles/b", |_, b| {
        b.contains("حريق سوق طنطا تحت السيطرة")
    })
    .expect("the changed article is served");
    eprintln!("changed: served after {took:?}");
    assert!(took <= LIVE_WITHIN, "changed after {took:?}");

    std::fs::remove_file(story.join("b.txt")).unwrap();
    let took = wait_until(&server.url, "/stories/fire/articles/b", |s, _| {
        s.contains("404")
    })
    .expect("the removed article is gone");
    eprintln!("removed: gone after {took:?}");
    assert!(took <= LIVE_WITHIN, "removed after {took:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
