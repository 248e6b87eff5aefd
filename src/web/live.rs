//! Live reload: the served corpus follows its folder without a restart.
//!
//! In: the [`AppState`] and the [`Sources`] it serves (corpus folder and
//! workspace). Out: a task that polls both folders with a [`Watcher`]
//! each and, once a change has settled in either, loads them again off the
//! async threads and swaps the result in.
//!
//! Rules: the old corpus stays served until the new one is fully loaded; a
//! reload that fails (the folder vanished) keeps the old corpus and logs
//! why, and the next change tries again.

use super::AppState;
use crate::corpus::{
    self, Sources,
    watch::{POLL_INTERVAL, Watcher},
};
use std::time::Instant;

/// Starts watching the folders of `sources` for `state`; runs until the
/// runtime stops. A workspace that does not exist yet is watched too: its
/// creation is a change.
pub fn spawn_reloader(state: AppState, sources: Sources) -> tokio::task::JoinHandle<()> {
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
            let started = Instant::now();
            match load_now(&state, sources.clone()).await {
                Ok((stories, problems)) => tracing::info!(
                    "reloaded {} after a change: {stories} stories, {problems} skipped files, in {:.1} ms",
                    sources.corpus.display(),
                    started.elapsed().as_secs_f64() * 1000.0
                ),
                Err(e) => tracing::warn!("reload failed, still serving the previous corpus: {e}"),
            }
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
        tracing::info!(
            "analysed {} stories in {:.1} ms",
            corpus.stories.len(),
            started.elapsed().as_secs_f64() * 1e3
        );
    });
}
