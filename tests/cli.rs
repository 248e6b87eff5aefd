//! The `mizan` command as a user runs it: `export` prints only JSON on
//! standard output, errors are clear and exit non-zero, `serve` prints the
//! address it listens on and warns when that address is not loopback.
#![cfg(feature = "web")]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn seeds() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn mizan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mizan"))
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("mizan-cli-test-data"),
        )
        .args(args)
        .output()
        .expect("mizan runs")
}

#[test]
fn export_prints_only_story_json() {
    let out = mizan(&["export", "--corpus", seeds().to_str().unwrap()]);
    assert!(out.status.success());
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is exactly one JSON document");
    assert_eq!(json["version"], 1);
    assert_eq!(json["story"], "seeds");
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
    assert!(json["links"].is_array());
    let by_id = mizan(&[
        "export",
        "--corpus",
        seeds().to_str().unwrap(),
        "--story",
        "seeds",
    ]);
    assert_eq!(by_id.stdout, out.stdout);
}

#[test]
fn logs_to_a_file_or_pipe_carry_no_colour_codes() {
    let out = mizan(&["export", "--corpus", seeds().to_str().unwrap()]);
    assert!(out.status.success());
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("loaded"), "{log}");
    assert!(!log.contains('\u{1b}'), "escape codes in {log:?}");
}

#[test]
fn export_errors_are_clear() {
    let out = mizan(&["export", "--corpus", "/nonexistent/mizan"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    let out = mizan(&[
        "export",
        "--corpus",
        seeds().to_str().unwrap(),
        "--story",
        "nope",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no story \"nope\""));
}

#[test]
fn serve_prints_its_address_and_serves() {
    let server = common::start_mizan(&seeds(), &[]);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    assert!(
        !server.url.ends_with(":0"),
        "--port 0 prints the port it picked"
    );
    let (status, body) = common::http_get(&server.url, "/");
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("محاولة اغتيال"));
}

#[test]
fn serve_on_a_network_address_warns_about_no_login() {
    let server = common::start_mizan(&seeds(), &["--host", "0.0.0.0"]);
    assert!(server.url.starts_with("http://0.0.0.0:"));
    let warned = std::iter::from_fn(|| server.stderr.recv_timeout(Duration::from_secs(5)).ok())
        .any(|line| line.contains("no login"));
    assert!(warned, "a non-loopback host prints a warning");
}

#[test]
fn ctrl_c_lets_a_request_in_flight_finish_then_exits() {
    use std::io::{Read, Write};
    let mut server = common::start_mizan(&seeds(), &[]);
    let addr = server.url.trim_start_matches("http://").to_string();
    // A request whose head is half sent when Ctrl-C arrives.
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    stream
        .set_read_timeout(Some(common::START_TIMEOUT))
        .unwrap();
    write!(
        stream,
        "GET /stories/seeds/compare HTTP/1.1\r\nHost: {addr}\r\n"
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let sent = Command::new("kill")
        .args(["-INT", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    std::thread::sleep(Duration::from_millis(200));
    write!(stream, "Connection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response);
    assert!(
        response.starts_with("HTTP/1.1 200"),
        "{}",
        &response[..response.len().min(200)]
    );
    assert!(
        response.trim_end().ends_with("</html>"),
        "the whole page arrived"
    );
    let status = server
        .wait_exit(Duration::from_secs(10))
        .expect("the server exits after Ctrl-C");
    assert!(status.success(), "{status:?}");
    // And it no longer accepts connections.
    assert!(std::net::TcpStream::connect(&addr).is_err());
}
