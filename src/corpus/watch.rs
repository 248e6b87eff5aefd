//! Noticing changes to a corpus folder, settled before they are reloaded.
//!
//! In: the corpus root, polled. Out: [`Watcher::poll`] says when the files
//! changed and then stayed unchanged for [`SETTLE`], which is when a reload
//! should start.
//!
//! Rules:
//! - A [`Fingerprint`] lists every file of the root and of its story
//!   folders with its size and modification time; hidden files (a leading
//!   `.`, such as the temporary files of an atomic write) are left out.
//! - A change is reported once the fingerprint has held still for
//!   [`SETTLE`]: a file still being written keeps changing, so it is not
//!   read half-written; an atomic rename is one change.
//! - Polling needs no platform watcher and works on every file system,
//!   network mounts included; at [`POLL_INTERVAL`] a change is served well
//!   within two seconds.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How often the folder is looked at.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// How long the files must stay unchanged before they are read.
pub const SETTLE: Duration = Duration::from_millis(300);

/// Every visible file under the root (two levels) with size and mtime.
pub type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

fn visible(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| !n.starts_with('.'))
}

/// The fingerprint of `root` now; unreadable entries are left out.
pub fn fingerprint(root: &Path) -> Fingerprint {
    let mut out = Vec::new();
    let walk = |dir: &Path, depth: usize, out: &mut Fingerprint, sub: &mut Vec<PathBuf>| {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            if !visible(&path) {
                continue;
            }
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() {
                if depth == 0 {
                    sub.push(path);
                }
            } else {
                out.push((path, meta.len(), meta.modified().ok()));
            }
        }
    };
    let mut folders = Vec::new();
    walk(root, 0, &mut out, &mut folders);
    for f in &folders {
        walk(f, 1, &mut out, &mut Vec::new());
        // An empty story folder is a change too.
        out.push((f.clone(), 0, None));
    }
    out.sort();
    out
}

/// Remembers the fingerprint that was loaded and the one being settled.
#[derive(Debug)]
pub struct Watcher {
    root: PathBuf,
    loaded: Fingerprint,
    pending: Option<(Fingerprint, Instant)>,
}

impl Watcher {
    /// A watcher of `root`, whose current files count as loaded.
    pub fn new(root: &Path) -> Watcher {
        Watcher {
            root: root.to_path_buf(),
            loaded: fingerprint(root),
            pending: None,
        }
    }

    /// Looks at the folder; true when a settled change should be reloaded
    /// now (the new state then counts as loaded).
    pub fn poll(&mut self, now: Instant) -> bool {
        let current = fingerprint(&self.root);
        if current == self.loaded {
            self.pending = None;
            return false;
        }
        match &self.pending {
            Some((seen, since)) if *seen == current => {
                if now.duration_since(*since) >= SETTLE {
                    self.loaded = current;
                    self.pending = None;
                    return true;
                }
                false
            }
            _ => {
                self.pending = Some((current, now));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_reported_once_it_has_settled() {
        let dir = std::env::temp_dir().join(format!("mizan-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("story")).unwrap();
        std::fs::write(dir.join("story/a.txt"), "اندلع حريق في السوق.").unwrap();
        let mut w = Watcher::new(&dir);
        let t0 = Instant::now();
        assert!(!w.poll(t0), "nothing changed");
        // Hidden files (temporary files of atomic writes) are not changes.
        std::fs::write(dir.join("story/.b.txt.tmp"), "نص").unwrap();
        assert!(!w.poll(t0));
        std::fs::write(dir.join("story/b.txt"), "وأخمدته فرق الدفاع المدني.").unwrap();
        assert!(!w.poll(t0), "first sight of a change starts the wait");
        assert!(!w.poll(t0 + SETTLE / 2), "not settled yet");
        // Still being written: the wait starts again.
        std::fs::write(
            dir.join("story/b.txt"),
            "وأخمدته فرق الدفاع المدني بعد ساعة.",
        )
        .unwrap();
        assert!(!w.poll(t0 + SETTLE));
        assert!(w.poll(t0 + SETTLE * 2 + Duration::from_millis(1)));
        assert!(!w.poll(t0 + SETTLE * 3), "reported once");
        std::fs::remove_file(dir.join("story/a.txt")).unwrap();
        let t1 = t0 + SETTLE * 4;
        assert!(!w.poll(t1));
        assert!(w.poll(t1 + SETTLE), "a removal is a change");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
