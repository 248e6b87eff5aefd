//! The README's default server (`mizan serve`, no flags, run from the
//! repository) driven as a user would: open the add-article form of the
//! bundled seeds, post an article, restart, and check that the article is
//! still served, that it went to the workspace, and that `git status
//! --porcelain seeds` is empty (nothing written under the repository).

mod common;

use common::{Guard, START_TIMEOUT};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// `mizan serve --port 0` in the repository with `data` as the data
/// folder; the guard and the base URL.
fn serve(data: &Path) -> (Guard, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mizan"))
        .current_dir(REPO)
        .env("XDG_DATA_HOME", data)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("mizan starts");
    let stdout = child.stdout.take().unwrap();
    let guard = Guard(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let line = rx.recv_timeout(START_TIMEOUT).expect("an address");
    let url = line.strip_prefix("listening on ").expect("address line");
    (guard, url.to_string())
}

/// One HTTP/1.0 request; the whole response (head and body).
fn request(base: &str, head: &str, body: &[u8]) -> String {
    let addr = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(START_TIMEOUT)).unwrap();
    write!(
        s,
        "{head}Host: {addr}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.write_all(body).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

/// The seeds folder's files and bytes, sorted.
fn seeds_files() -> Vec<(std::ffi::OsString, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(Path::new(REPO).join("seeds"))
        .unwrap()
        .flatten()
        .map(|e| (e.file_name(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

fn git_status_seeds() -> Option<String> {
    let out = Command::new("git")
        .current_dir(REPO)
        .args(["status", "--porcelain", "seeds"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn adding_to_the_bundled_seeds_writes_only_the_workspace() {
    let data: PathBuf = std::env::temp_dir().join(format!("mizan-default-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let status_before = git_status_seeds();
    let seeds_before = seeds_files();

    let (server, url) = serve(&data);
    let form = request(&url, "GET /stories/seeds/add HTTP/1.0\r\n", b"");
    assert!(form.starts_with("HTTP/1.0 200"), "{}", &form[..200]);
    let cookie = form
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a form cookie")
        .to_string();
    let token = form
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a token")
        .to_string();
    let text = "وقال شهود عيان إن دوي الانفجار سُمع في أحياء بعيدة عن المنطقة.\n";
    let body = common::multipart(
        &[("csrf", token.as_str()), ("name", "shuhud"), ("text", text)],
        None,
    );
    let origin = url.clone();
    let reply = request(
        &url,
        &format!(
            "POST /stories/seeds/add HTTP/1.0\r\nContent-Type: {}\r\nCookie: {cookie}\r\nOrigin: {origin}\r\n",
            common::multipart_type()
        ),
        &body,
    );
    assert!(
        reply.starts_with("HTTP/1.0 303"),
        "{}",
        &reply[..reply.len().min(600)]
    );
    drop(server);

    // Restarted, the article is still served, from the workspace.
    let (_server, url) = serve(&data);
    let page = request(&url, "GET /stories/seeds/articles/shuhud HTTP/1.0\r\n", b"");
    assert!(page.starts_with("HTTP/1.0 200"), "{}", &page[..200]);
    assert!(page.contains("دوي الانفجار"));
    assert!(data.join("mizan/seeds/shuhud.txt").is_file());
    // Nothing under the repository changed.
    assert_eq!(seeds_files(), seeds_before);
    // `git status --porcelain seeds` is as it was (empty on a clean clone);
    // skipped only where there is no git checkout.
    if let (Some(before), Some(after)) = (status_before, git_status_seeds()) {
        assert_eq!(after, before);
        assert!(after.is_empty(), "seeds changed: {after}");
    }
    std::fs::remove_dir_all(&data).unwrap();
}
