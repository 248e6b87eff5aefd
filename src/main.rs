//! The `mizan` command: parses flags and starts things.
//!
//! - `mizan serve [--corpus DIR] [--workspace DIR] [--host 127.0.0.1]
//!   [--port 3000]` loads the corpus and the workspace, prints the
//!   workspace and `listening on http://ADDR` once it accepts connections,
//!   and serves until Ctrl-C. Without `--corpus` the bundled seeds are
//!   served read-only; a corpus inside the repository or not writable is
//!   read-only too (see `corpus::workspace`).
//! - `mizan share [--corpus DIR] [--story ID] --out DIR [--zip]` writes the
//!   story's pages as a folder that opens from disk (see `web::share`).
//! - `mizan export [--corpus DIR] [--story ID] [--workspace DIR] [--gold]`
//!   prints story JSON (with the desk's verdicts), or with `--gold` the
//!   verdicts as a gold file for `score.py`, on standard output; logs and
//!   load problems go to standard error.

use clap::{Parser, Subcommand};
use mizan::corpus::{self, Corpus};
use mizan::story_json::story_doc;
use mizan::web::{self, AppState};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reading a story makes many small strings (tokens, keys, stems); the
/// system allocator spent a sixth of a 100-story export in malloc and free
/// (perf), mimalloc much less.
#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

mod allocator;

/// Turns transparent huge pages off for this process, as it loads (with
/// the other constructors, before the Rust runtime's first allocation in
/// `lang_start`). mimalloc asks the kernel for 2 MB pages, and on a
/// machine whose memory another program has just churned the kernel
/// compacts memory to find them: a 200-article export run right after the
/// Python peer spent 0.2 to 0.4 s in the kernel with them and 0.07 s
/// without, and its peak memory fell from 164 to 112 MB
/// (benches/versus_peer.py, /usr/bin/time). Done from `main`, as it was
/// first, the runtime's first allocation still came as zeroed 2 MB pages
/// (clear_page 2.4 % of a one-thread 100-story export in perf; 0.2 % from
/// here). mimalloc's own constructor may run before or after this one; it
/// reserves its arena but does not touch those pages.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static SMALL_PAGES: extern "C" fn() = {
    extern "C" fn small_pages() {
        // SAFETY: prctl(PR_SET_THP_DISABLE) takes plain integers and
        // changes only how the kernel backs this process's memory; it
        // cannot fail in a way that matters (huge pages stay on).
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
    small_pages
};

#[derive(Parser)]
#[command(
    name = "mizan",
    version,
    about = "Compare Arabic news articles about one event, sentence by sentence"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app on the corpus.
    Serve {
        /// Folder of articles (one story) or of story folders; the bundled
        /// seeds (read-only) when not given.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Where stories created or extended in the browser are saved;
        /// default `$XDG_DATA_HOME/mizan`, else `~/.local/share/mizan`.
        #[arg(long)]
        workspace: Option<PathBuf>,
        /// Address to listen on. Anything but a loopback address exposes the
        /// articles to the network: Mizan has no login.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// Port to listen on; 0 picks a free one (and prints it).
        #[arg(long, default_value_t = 3000)]
        port: u16,
    },
    /// Print the story JSON of a story (or of every story) on standard output.
    Export {
        /// Folder of articles (one story) or of story folders.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// The story to export; without it, the only story, or all of them.
        #[arg(long)]
        story: Option<String>,
        /// Where the desk's verdicts are kept (default: the workspace of
        /// `serve`); they are added to the JSON as `verdicts`.
        #[arg(long)]
        workspace: Option<PathBuf>,
        /// Print the story's verdicts as a gold file for
        /// `shared/eval/score.py` instead of the story JSON.
        #[arg(long)]
        gold: bool,
    },
    /// Write a story's pages as a folder that opens without a server.
    Share {
        /// Folder of articles (one story) or of story folders.
        #[arg(long, default_value = "seeds")]
        corpus: PathBuf,
        /// The story to share; without it, the only story.
        #[arg(long)]
        story: Option<String>,
        /// The folder to write (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Also write `OUT.zip` holding the folder.
        #[arg(long)]
        zip: bool,
        /// Where the desk's verdicts are kept (default: the workspace).
        #[arg(long)]
        workspace: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(colour(
            std::io::IsTerminal::is_terminal(&std::io::stderr()),
            std::env::var_os("NO_COLOR").as_deref(),
        ))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=warn")),
        )
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve {
            corpus,
            workspace,
            host,
            port,
        } => serve(sources(corpus, workspace), &host, port),
        Command::Export {
            corpus,
            story,
            workspace,
            gold,
        } => export(
            &corpus,
            story.as_deref(),
            &mizan::verdicts::Store::new(
                workspace
                    .or_else(corpus::workspace::default_workspace)
                    .as_deref(),
            ),
            gold,
        ),
        Command::Share {
            corpus,
            story,
            out,
            zip,
            workspace,
        } => share(
            &corpus,
            story.as_deref(),
            &out,
            zip,
            &mizan::verdicts::Store::new(
                workspace
                    .or_else(corpus::workspace::default_workspace)
                    .as_deref(),
            ),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mizan: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Loading longer than this shows a progress bar on standard error.
const PROGRESS_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

fn load(sources: &corpus::Sources) -> Result<Corpus, String> {
    let dir = sources.corpus.as_path();
    use std::io::IsTerminal;
    use std::sync::atomic::Ordering;
    let started = std::time::Instant::now();
    let progress = corpus::Progress::default();
    let finished = std::sync::atomic::AtomicBool::new(false);
    let corpus = std::thread::scope(|scope| {
        let bar = scope.spawn(|| {
            let mut shown = false;
            while !finished.load(Ordering::Relaxed) {
                std::thread::park_timeout(std::time::Duration::from_millis(100));
                if finished.load(Ordering::Relaxed) {
                    break;
                }
                let total = progress.total.load(Ordering::Relaxed);
                if started.elapsed() < PROGRESS_AFTER || total == 0 {
                    continue;
                }
                let done = progress.done.load(Ordering::Relaxed).min(total);
                let filled = done * 30 / total;
                let bar = format!("{}{}", "#".repeat(filled), ".".repeat(30 - filled));
                let line = format!("indexing [{bar}] {done}/{total} stories");
                if std::io::stderr().is_terminal() {
                    eprint!("\r{line}");
                } else if !shown || done == total {
                    eprintln!("{line}");
                }
                shown = true;
            }
            if shown && std::io::stderr().is_terminal() {
                eprintln!();
            }
        });
        let result = corpus::workspace::load_sources_with_progress(sources, &progress);
        finished.store(true, Ordering::Relaxed);
        bar.thread().unpark();
        result
    })
    .map_err(|e| e.to_string())?;
    for problem in &corpus.problems {
        tracing::warn!("skipped {problem}");
    }
    let articles: usize = corpus.stories.iter().map(|s| s.articles.len()).sum();
    tracing::info!(
        "loaded {} stories, {articles} articles from {} in {:.1} ms",
        corpus.stories.len(),
        dir.display(),
        started.elapsed().as_secs_f64() * 1e3
    );
    Ok(corpus)
}

fn export(
    dir: &Path,
    story: Option<&str>,
    verdicts: &mizan::verdicts::Store,
    gold: bool,
) -> Result<(), String> {
    // Each story is analysed when its document is built: only the named
    // story with --story, every story otherwise.
    let corpus = load(&corpus::Sources::folder(dir))?;
    /// A story's document with the desk's verdicts on it.
    fn doc<'a>(
        s: &'a corpus::Story,
        records: &[mizan::verdicts::Record],
    ) -> mizan::story_json::StoryDoc<'a> {
        let mut d = story_doc(s);
        d.verdicts = web::api::verdict_docs(s, records);
        d
    }
    let records = |s: &corpus::Story| verdicts.current(&s.id).map_err(|e| e.to_string());
    let one = match (story, corpus.stories.as_slice()) {
        (Some(id), _) => Some(
            corpus
                .story(id)
                .ok_or_else(|| format!("no story {id:?} in {}", dir.display()))?,
        ),
        (None, []) => return Err(format!("no stories in {}", dir.display())),
        (None, [only]) => Some(only),
        (None, _) => None,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match (one, gold) {
        (Some(s), true) => serde_json::to_writer_pretty(
            &mut out,
            &mizan::verdicts::gold::gold(s, &records(s)?, &dir.display().to_string()),
        )
        .map_err(|e| e.to_string()),
        (None, true) => return Err("--gold exports one story: name it with --story".into()),
        (Some(s), false) => {
            mizan::story_json::print::write_story(&mut out, &mut doc(s, &records(s)?))
                .map_err(|e| e.to_string())
        }
        (None, false) => {
            // The verdicts are read first: once printing starts, only a
            // failing standard output can stop it halfway.
            let records = corpus
                .stories
                .iter()
                .map(records)
                .collect::<Result<Vec<_>, String>>()?;
            // Each story is analysed and printed on its own thread, and its
            // analysis dropped once printed, so the next story reuses its
            // memory (see story_json::print::write_corpus).
            let print = |i: usize| {
                let s = &corpus.stories[i];
                let printed =
                    mizan::story_json::print::nested(&doc(s, &records[i]), 2).map_err(Into::into);
                *s.analysis.lock() = None;
                printed
            };
            mizan::story_json::print::write_corpus(&mut out, corpus.stories.len(), print)
                .map_err(|e| e.to_string())
        }
    };
    written?;
    // The process ends here: freeing every story one by one took a tenth of
    // a large export (perf), and the system reclaims it all at exit.
    std::mem::forget(corpus);
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

fn share(
    dir: &Path,
    story: Option<&str>,
    out: &Path,
    zip: bool,
    verdicts: &mizan::verdicts::Store,
) -> Result<(), String> {
    let corpus = load(&corpus::Sources::folder(dir))?;
    let story = match (story, corpus.stories.as_slice()) {
        (Some(id), _) => corpus
            .story(id)
            .ok_or_else(|| format!("no story {id:?} in {}", dir.display()))?,
        (None, [only]) => only,
        (None, []) => return Err(format!("no stories in {}", dir.display())),
        (None, _) => return Err("several stories: name one with --story".into()),
    };
    story.analysis();
    let records = verdicts.current(&story.id).map_err(|e| e.to_string())?;
    let files = web::share::files(story, &records).map_err(|e| e.to_string())?;
    web::share::write(out, &files).map_err(|e| e.to_string())?;
    if zip {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(&story.id)
            .to_string();
        let path = out.with_extension("zip");
        std::fs::write(&path, web::share::zip(&name, &files))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    eprintln!(
        "wrote {} files to {}; open {}",
        files.len(),
        out.display(),
        out.join("index.html").display()
    );
    Ok(())
}

/// The folders to serve: the corpus is written in place only when it was
/// named, lies outside the repository and may be written.
fn sources(corpus: Option<PathBuf>, workspace: Option<PathBuf>) -> corpus::Sources {
    use corpus::workspace::{default_workspace, inside_repository, looks_writable};
    let named = corpus.is_some();
    let corpus = corpus.unwrap_or_else(|| PathBuf::from("seeds"));
    corpus::Sources {
        corpus_writable: named && !inside_repository(&corpus) && looks_writable(&corpus),
        corpus,
        workspace: workspace.or_else(default_workspace),
    }
}

fn serve(sources: corpus::Sources, host: &str, port: u16) -> Result<(), String> {
    let dir = sources.corpus.as_path();
    let corpus = load(&sources)?;
    match &sources.workspace {
        Some(ws) => tracing::info!(
            "workspace: {} ({}); corpus {} is {}",
            ws.display(),
            if ws.is_dir() {
                "exists"
            } else {
                "created on the first save"
            },
            dir.display(),
            if sources.corpus_writable {
                "written in place"
            } else {
                "read-only"
            }
        ),
        None => tracing::warn!("no workspace: set HOME or pass --workspace to add articles"),
    }
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((host, port))
            .await
            .map_err(|e| format!("cannot listen on {host}:{port}: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        if !addr.ip().is_loopback() {
            tracing::warn!(
                "listening on {addr}, which other machines can reach: Mizan has no login, so anyone who can \
                 reach this address can read every article. Put a reverse proxy with authentication in front."
            );
        }
        let state = AppState::new(corpus);
        // Ready now; each story is analysed on first use, and all of them
        // in the background from here, so pages are quick once it is done.
        web::live::warm(&state);
        // Changes are followed from before the address is printed, so a
        // file written right after it is never missed.
        web::live::spawn_reloader(state.clone(), sources);
        println!("listening on http://{addr}");
        let _ = std::io::stdout().flush();
        web::serve(listener, state, shutdown_signal()).await.map_err(|e| e.to_string())
    })
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Whether logs are coloured: only on a terminal, and never when
/// `NO_COLOR` is set to anything but the empty string (no-color.org).
fn colour(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::colour;
    use std::ffi::OsStr;

    #[test]
    fn logs_are_coloured_only_on_a_terminal_without_no_color() {
        assert!(colour(true, None));
        assert!(colour(true, Some(OsStr::new(""))));
        assert!(!colour(true, Some(OsStr::new("1"))));
        assert!(!colour(false, None));
    }
}
