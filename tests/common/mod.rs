//! Helpers shared by the tests that run real processes: the `mizan` binary
//! and chromedriver. Every child is killed when its guard drops.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long a child process may take to say it is ready: generous for a
/// loaded 2-core CI machine, short enough to fail a hung start quickly.
pub const START_TIMEOUT: Duration = Duration::from_secs(30);

/// A child process killed on drop.
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running `mizan serve` and the base URL it printed.
pub struct Mizan {
    pub url: String,
    pub stderr: mpsc::Receiver<String>,
    _guard: Guard,
}

impl Mizan {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self._guard.0.id()
    }

    /// Waits up to `timeout` for the server to exit; its status.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = std::time::Instant::now() + timeout;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self._guard.0.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

/// Starts `mizan serve --port 0 ARGS…` on `corpus` and waits for its
/// `listening on http://ADDR` line.
pub fn start_mizan(corpus: &Path, args: &[&str]) -> Mizan {
    // A data folder of its own, so that no test reads or writes the user's
    // workspace (`--workspace` in `args` still wins).
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let data = std::env::temp_dir().join(format!(
        "mizan-test-data-{}-{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    let mut child = Command::new(env!("CARGO_BIN_EXE_mizan"))
        .env("XDG_DATA_HOME", &data)
        .arg("serve")
        .arg("--corpus")
        .arg(corpus)
        .args(["--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mizan starts");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let guard = Guard(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let (etx, erx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = etx.send(line);
        }
    });
    let line = rx
        .recv_timeout(START_TIMEOUT)
        .expect("mizan prints its address");
    let url = line
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    Mizan {
        url,
        stderr: erx,
        _guard: guard,
    }
}

/// A port that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Sends a plain HTTP/1.0 GET and returns the status line and body.
pub fn http_get(base: &str, path: &str) -> (String, String) {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).expect("server accepts connections");
    stream.set_read_timeout(Some(START_TIMEOUT)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (
        head.lines().next().unwrap_or("").to_string(),
        body.to_string(),
    )
}

/// The article most tests start the story `fire` with.
pub const FIRE_ARTICLE: &str =
    "حريق في سوق طنطا\nاندلع حريق كبير في سوق الخضار بمدينة طنطا فجر الثلاثاء.\n";

/// A fresh temporary corpus `mizan-{name}-{pid}` holding the story `fire`
/// with one article, `a.txt` ([`FIRE_ARTICLE`]).
pub fn fire_corpus(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mizan-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("fire")).unwrap();
    std::fs::write(dir.join("fire/a.txt"), FIRE_ARTICLE).unwrap();
    dir
}

/// The state of a server on the bundled seeds.
pub fn seeds_state() -> mizan::web::AppState {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    mizan::web::AppState::new(mizan::corpus::load(&seeds).unwrap())
}

/// A response read whole.
pub struct Reply {
    pub status: axum::http::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }
}

/// Sends `request` through `router(state)` with `oneshot`.
pub async fn send(
    state: &mizan::web::AppState,
    request: axum::http::Request<axum::body::Body>,
) -> Reply {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let response = mizan::web::router(state.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// `GET uri` through `router(state)` with `oneshot`: status and body.
pub async fn get_page(state: &mizan::web::AppState, uri: &str) -> (axum::http::StatusCode, String) {
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .unwrap();
    let reply = send(state, request).await;
    (reply.status, reply.body)
}

/// The boundary of the multipart bodies the form tests post.
pub const BOUNDARY: &str = "mizan-test-boundary";

/// A `multipart/form-data` body ([`BOUNDARY`]) of text fields and,
/// optionally, one file in the field `file`.
pub fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some((file_name, bytes)) = file {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/plain\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// The `Content-Type` header value of [`multipart`] bodies.
pub fn multipart_type() -> String {
    format!("multipart/form-data; boundary={BOUNDARY}")
}
