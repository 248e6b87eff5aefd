//! Live reload: the served corpus follows its folder without a restart.
//!
//! In: the [`AppState`] and the [`Sources`] it serves (corpus folder and
//! workspace). Out: a task that hears of changes in either folder and, once
//! they have settled, loads them again off the async threads and swaps the
//! result in.
//!
//! Rules:
//! - Changes come from the operating system's file notifications (inotify,
//!   FSEvents, ReadDirectoryChanges through the `notify` crate), so an idle
//!   server does no work; a change is read once no other has come for
//!   [`SETTLE`], well within two seconds.
//! - Where notifications cannot be had (no inotify watches left, a network
//!   file system), the folders are polled with a [`Watcher`] each instead.
//! - Hidden files (the temporary files of an atomic write) and mere reads
//!   are not changes.
//! - The old corpus stays served until the new one is fully loaded; a
//!   reload that fails (the folder vanished) keeps the old corpus and logs
//!   why, and the next change tries again.

use super::AppState;
use crate::corpus::{
    self, Sources,
    watch::{POLL_INTERVAL, SETTLE, Watcher},
};
use notify::{EventKind, RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// True for an event that changes what is served: a visible file or folder
/// created, written, renamed or removed. A path inside a hidden folder of
/// a root (the workspace's `.cache`, a `.git`) is not visible, though the
/// roots themselves may lie under hidden folders (`~/.local/share`).
fn matters(event: &notify::Event, roots: &[PathBuf]) -> bool {
    let visible = |p: &Path| {
        let shown = |n: &std::ffi::OsStr| n.to_str().is_some_and(|n| !n.starts_with('.'));
        let inside = roots
            .iter()
            .filter_map(|r| p.strip_prefix(r).ok())
            .min_by_key(|rest| rest.components().count());
        match inside {
            Some(rest) => rest.components().all(|c| shown(c.as_os_str())),
            None => p.file_name().is_some_and(shown),
        }
    };
    !matches!(event.kind, EventKind::Access(_)) && event.paths.iter().any(|p| visible(p))
}

/// Watches `path` (or, while it does not exist, its parent, so that its
/// creation is heard); true when the system accepted the watch.
fn watch(w: &mut notify::RecommendedWatcher, path: &Path) -> bool {
    if path.is_dir() {
        w.watch(path, RecursiveMode::Recursive).is_ok()
    } else {
        path.parent()
            .filter(|p| p.is_dir())
            .is_some_and(|p| w.watch(p, RecursiveMode::NonRecursive).is_ok())
    }
}

/// Starts following the folders of `sources` for `state`, with the
/// system's notifications or, failing those, by polling; runs until the
/// runtime stops.
pub fn spawn_reloader(state: AppState, sources: Sources) -> tokio::task::JoinHandle<()> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    // Events name absolute paths; so must the roots they are cut from.
    let roots: Vec<PathBuf> = std::iter::once(sources.corpus.as_path())
        .chain(sources.workspace.as_deref())
        .map(|r| {
            std::fs::canonicalize(r)
                .or_else(|_| std::path::absolute(r))
                .unwrap_or_else(|_| r.to_path_buf())
        })
        .collect();
    let notified = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if res.as_ref().is_ok_and(|e| matters(e, &roots)) {
            let _ = tx.send(());
        }
    })
    .ok()
    .and_then(|mut w| {
        let roots: Vec<&Path> = std::iter::once(sources.corpus.as_path())
            .chain(sources.workspace.as_deref())
            .collect();
        roots.iter().all(|r| watch(&mut w, r)).then_some(w)
    });
    let Some(mut watcher) = notified else {
        tracing::info!(
            "file notifications unavailable: polling the folders every {POLL_INTERVAL:?}"
        );
        return spawn_poller(state, sources);
    };
    tokio::spawn(async move {
        let mut workspace_watched = sources.workspace.as_deref().is_some_and(Path::is_dir);
        while rx.recv().await.is_some() {
            // Settle: wait until no change has come for SETTLE.
            while let Ok(Some(())) = tokio::time::timeout(SETTLE, rx.recv()).await {}
            // A workspace created since: watch inside it from now on.
            if !workspace_watched
                && let Some(ws) = sources.workspace.as_deref().filter(|w| w.is_dir())
            {
                workspace_watched = watch(&mut watcher, ws);
            }
            reload(&state, &sources).await;
        }
    })
}

async fn reload(state: &AppState, sources: &Sources) {
    let started = Instant::now();
    match load_now(state, sources.clone()).await {
        Ok((stories, problems)) => tracing::info!(
            "reloaded {} after a change: {stories} stories, {problems} skipped files, in {:.1} ms",
            sources.corpus.display(),
            started.elapsed().as_secs_f64() * 1000.0
        ),
        Err(e) => tracing::warn!("reload failed, still serving the previous corpus: {e}"),
    }
}

/// The fallback: polls the folders of `sources` with a [`Watcher`] each.
fn spawn_poller(state: AppState, sources: Sources) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut watcher = {
            let mut roots = vec![sources.corpus.clone()];
            roots.extend(sources.workspace.clone());
            match tokio::task::spawn_blocking(move || {
                roots.iter().map(|r| Watcher::new(r)).collect::<Vec<_>>()
            })
            .await
            {
                Ok(w) => w,
                Err(e) => {
                    tracing::error!("live reload is off: {e}");
                    return;
                }
            }
        };
        let mut tick = tokio::time::interval(POLL_INTERVAL);
        loop {
            tick.tick().await;
            let (w, changed) = match tokio::task::spawn_blocking(move || {
                let now = Instant::now();
                // Every watcher polls, so each keeps its own state current.
                let polled: Vec<bool> = watcher.iter_mut().map(|w| w.poll(now)).collect();
                let changed = polled.contains(&true);
                (watcher, changed)
            })
            .await
            {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!("live reload stopped: {e}");
                    return;
                }
            };
            watcher = w;
            if !changed {
                continue;
            }
            reload(&state, &sources).await;
        }
    })
}

/// Loads the folders of `sources` off the async threads and swaps the
/// corpus in whole; the old one is served until then and kept when loading
/// fails. Returns the number of stories and of skipped files.
pub async fn load_now(state: &AppState, sources: Sources) -> Result<(usize, usize), String> {
    let c = tokio::task::spawn_blocking(move || corpus::load_sources(&sources))
        .await
        .map_err(|e| format!("the loading task failed: {e}"))?
        .map_err(|e| e.to_string())?;
    let counts = (c.stories.len(), c.problems.len());
    // Unchanged stories keep their analysis; only changed ones are redone.
    let old = state.corpus();
    for s in &c.stories {
        if let Some(o) = old.story(&s.id) {
            s.reuse_analysis(o);
        }
    }
    state.replace(c);
    warm(state);
    Ok(counts)
}

/// Analyses every story of the served corpus on other threads, so that
/// the first visit of a story is quick; the server answers meanwhile
/// (a page of a story not yet analysed analyses it first).
pub fn warm(state: &AppState) {
    let corpus = state.corpus();
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        corpus.analyse_all();
        let cache = corpus.cache.as_ref().map_or(String::new(), |c| {
            let n =
                |a: &std::sync::atomic::AtomicUsize| a.load(std::sync::atomic::Ordering::Relaxed);
            format!(
                " (cache: {} read, {} computed, {} refused as corrupt and computed anew, {} writes failed)",
                n(&c.stats.hits),
                n(&c.stats.misses),
                n(&c.stats.refused),
                n(&c.stats.write_failures)
            )
        });
        tracing::info!(
            "analysed {} stories in {:.1} ms{cache}",
            corpus.stories.len(),
            started.elapsed().as_secs_f64() * 1e3
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_hidden_folders_of_a_root_do_not_reload() {
        let roots = vec![
            PathBuf::from("/home/u/.local/share/mizan"),
            PathBuf::from("/srv/news"),
        ];
        let event = |p: &str| notify::Event::new(EventKind::Any).add_path(PathBuf::from(p));
        assert!(matters(
            &event("/home/u/.local/share/mizan/quake/a.txt"),
            &roots
        ));
        assert!(matters(&event("/srv/news/quake/b.md"), &roots));
        assert!(!matters(
            &event("/home/u/.local/share/mizan/.cache/analysis/1f.bin"),
            &roots
        ));
        assert!(!matters(&event("/srv/news/.git/index"), &roots));
        assert!(!matters(&event("/srv/news/quake/.a.txt.swp"), &roots));
        // Outside every root: judged by its own name.
        assert!(matters(&event("/elsewhere/c.txt"), &roots));
    }
}
