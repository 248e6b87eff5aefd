//! Two threads analysing the same stories at once (the server's warm-up and
//! a page that needs every story) must both finish. A thread of rayon's pool
//! that holds one story's analysis while its own parallel work runs may pick
//! up the other thread's request for that same story; blocking there would
//! wait on itself.

use std::sync::mpsc;
use std::time::Duration;

/// Stories per round: more than the pool's threads, so that work is stolen.
const STORIES: usize = 6;
/// Threads analysing the same corpus at once.
const THREADS: usize = 3;
/// Fresh corpora analysed; a deadlock showed within a few rounds.
const ROUNDS: usize = 8;
/// Far longer than a round takes (about a second on two cores).
const TIMEOUT: Duration = Duration::from_secs(20);

#[test]
fn concurrent_analyse_all_calls_finish() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = std::env::temp_dir().join(format!("mizan-concurrent-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for s in 0..STORIES {
        let story = dir.join(format!("story{s}"));
        std::fs::create_dir_all(&story).unwrap();
        for f in std::fs::read_dir(&seeds).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "txt") {
                std::fs::copy(&f, story.join(f.file_name().unwrap())).unwrap();
            }
        }
    }
    for round in 0..ROUNDS {
        let corpus = std::sync::Arc::new(mizan::corpus::load(&dir).unwrap());
        assert_eq!(corpus.stories.len(), STORIES);
        let (done, finished) = mpsc::channel();
        for _ in 0..THREADS {
            let (corpus, done) = (std::sync::Arc::clone(&corpus), done.clone());
            std::thread::spawn(move || {
                corpus.analyse_all();
                done.send(()).unwrap();
            });
        }
        for t in 0..THREADS {
            assert!(
                finished.recv_timeout(TIMEOUT).is_ok(),
                "round {round}: thread {t} of {THREADS} still analysing after {TIMEOUT:?}"
            );
        }
        assert!(corpus.stories.iter().all(|s| s.is_analysed()));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
