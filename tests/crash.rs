//! A server killed between writing an uploaded article and renaming it into
//! place leaves no partial article and loses nothing stored before.
#![cfg(feature = "web")]

mod common;

use common::{Guard, START_TIMEOUT};
use mizan::corpus::store::PAUSE_BEFORE_RENAME_ENV;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;

const BOUNDARY: &str = "mizan-crash-boundary";

#[test]
fn killed_between_write_and_rename_loses_nothing() {
    let dir = common::fire_corpus("crash");
    let story = dir.join("fire");
    let before = common::FIRE_ARTICLE;

    let mut child = Command::new(env!("CARGO_BIN_EXE_mizan"))
        .args(["serve", "--port", "0", "--corpus"])
        .arg(&dir)
        .arg("--workspace")
        .arg(
            dir.join("..")
                .join(format!("crash-ws-{}", std::process::id())),
        )
        .env(PAUSE_BEFORE_RENAME_ENV, "60000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut guard = Guard(child);
    let (tx, rx) = mpsc::channel();
    let etx = tx.clone();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    std::thread::spawn(move || {
        for l in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = etx.send(l);
        }
    });
    let url = loop {
        let line = rx.recv_timeout(START_TIMEOUT).expect("mizan starts");
        if let Some(u) = line.strip_prefix("listening on ") {
            break u.to_string();
        }
    };
    let (_, form) = common::http_get(&url, "/stories/fire/add");
    let token = form
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the form carries a token")
        .to_string();

    let text = "النيران تلتهم سوق طنطا\nشب حريق ضخم في سوق الخضار بمدينة طنطا.\n";
    let mut body = String::new();
    for (name, value) in [("csrf", token.as_str()), ("text", text), ("name", "late")] {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    let addr = url.trim_start_matches("http://").to_string();
    std::thread::spawn(move || {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        let _ = write!(
            s,
            "POST /stories/fire/add HTTP/1.0\r\nHost: {addr}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let mut sink = String::new();
        let _ = s.read_to_string(&mut sink);
    });
    // Wait for the temporary file to be on disk, then kill the server.
    loop {
        let line = rx
            .recv_timeout(START_TIMEOUT)
            .expect("the upload reaches the write");
        if line.contains("paused before rename") {
            break;
        }
    }
    guard.0.kill().unwrap();
    guard.0.wait().unwrap();

    // The article that was stored before is intact; the new one is not
    // there at all, not even in part; only a hidden temporary file is.
    assert_eq!(
        std::fs::read_to_string(story.join("a.txt")).unwrap(),
        before
    );
    assert!(!story.join("late.txt").exists());
    let names: Vec<String> = std::fs::read_dir(&story)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with(".late.txt.tmp")),
        "{names:?}"
    );
    let loaded = mizan::corpus::load(&dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let fire = loaded.story("fire").unwrap();
    let ids: Vec<&str> = fire.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["a"]);
    assert_eq!(fire.articles[0].text, before);
    std::fs::remove_dir_all(&dir).unwrap();
}
