//! Live reload: the served corpus follows its folder without a restart.
//!
//! In: the [`AppState`] and the corpus root. Out: a task that polls the
//! folder with a [`Watcher`] and, once a change has settled, loads the
//! corpus again off the async threads and swaps it in.
//!
//! Rules: the old corpus stays served until the new one is fully loaded; a
//! reload that fails (the folder vanished) keeps the old corpus and logs
//! why, and the next change tries again.

use super::AppState;
use crate::corpus::{
    self,
    watch::{POLL_INTERVAL, Watcher},
};
use std::path::PathBuf;
use std::time::Instant;

/// Starts watching `root` for `state`; runs until the runtime stops.
pub fn spawn_reloader(state: AppState, root: PathBuf) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut watcher = {
            let root = root.clone();
            match tokio::task::spawn_blocking(move || Watcher::new(&root)).await {
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
                let changed = watcher.poll(Instant::now());
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
            match load_now(&state, root.clone()).await {
                Ok((stories, problems)) => tracing::info!(
                    "reloaded {} after a change: {stories} stories, {problems} skipped files, in {:.1} ms",
                    root.display(),
                    started.elapsed().as_secs_f64() * 1000.0
                ),
                Err(e) => tracing::warn!("reload failed, still serving the previous corpus: {e}"),
            }
        }
    })
}

/// Loads the corpus at `root` off the async threads and swaps it in whole;
/// the old one is served until then and kept when loading fails. Returns
/// the number of stories and of skipped files.
pub async fn load_now(state: &AppState, root: PathBuf) -> Result<(usize, usize), String> {
    let c = tokio::task::spawn_blocking(move || corpus::load(&root))
        .await
        .map_err(|e| format!("the loading task failed: {e}"))?
        .map_err(|e| e.to_string())?;
    let counts = (c.stories.len(), c.problems.len());
    state.replace(c);
    Ok(counts)
}
