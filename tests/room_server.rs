#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The room server refuses what does not belong: a wrong token (403), an oversized body (413),
//! malformed and out-of-range answers (400, 422, nothing stored), a burst from one client
//! (429), and sends its security headers. Network: 127.0.0.1 only, every socket with a 5 s
//! timeout, a bounded number of requests.

use pbsm::model::{Question, RoundKind, VoteSubject};
use pbsm::room::server::{Room, RoomConfig};
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

fn open(dir: &std::path::Path) -> (Room, pbsm::model::Project) {
    let mut p = pbsm::io::SAMPLES[0].load().unwrap();
    let today = pbsm::model::Date::new(2026, 11, 23).unwrap();
    let id = p.new_room_round(RoundKind::Points, VoteSubject::Alternatives, today, false);
    let round = p.votes.iter().find(|r| r.id == id).unwrap();
    let room = Room::open(
        RoomConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            question: Question::of(round, &p),
            round: id,
            file: None,
            journal: dir.join("room.jsonl"),
            resume: None,
        },
        std::sync::Arc::new(|| {}),
    )
    .unwrap();
    (room, p)
}

/// One request; returns the status, the head and the body.
fn http(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> (u16, String, String) {
    assert!(addr.ip().is_loopback());
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

fn token_path(room: &Room) -> String {
    let url = room.url();
    format!(
        "/{}",
        url.strip_prefix("http://")
            .unwrap()
            .split_once('/')
            .unwrap()
            .1
    )
}

#[test]
fn without_the_token_nothing_is_served_and_every_response_has_the_security_headers() {
    let dir = tempfile::tempdir().unwrap();
    let (room, _) = open(dir.path());
    let addr = room.addr();
    let base = token_path(&room);
    let (status, head, body) = http(addr, "GET", &base, b"");
    assert_eq!(status, 200);
    assert!(body.contains("<html"), "{body}");
    for header in [
        "content-security-policy: default-src 'none'",
        "cache-control: no-store",
        "x-content-type-options: nosniff",
        "referrer-policy: no-referrer",
        "x-frame-options: deny",
    ] {
        assert!(head.to_lowercase().contains(header), "{header} in {head}");
    }
    let wrong = "/r/0123456789abcdef0123456789abcdef/";
    for path in [
        wrong.to_owned(),
        format!("{wrong}app.js"),
        format!("{wrong}api/round"),
        "/r/".to_owned(),
        "/r//api/round".to_owned(),
    ] {
        assert_eq!(http(addr, "GET", &path, b"").0, 403, "{path}");
    }
    // The participants' token does not open the facilitator's page.
    let host = base.replacen("/r/", "/h/", 1);
    assert_eq!(http(addr, "GET", &host, b"").0, 403);
    // No file but the page: traversal and unknown paths are not found.
    for path in [
        format!("{base}../Cargo.toml"),
        format!("{base}%2e%2e/Cargo.toml"),
        format!("{base}index.html"),
        "/Cargo.toml".to_owned(),
    ] {
        let (status, _, body) = http(addr, "GET", &path, b"");
        assert!(status == 404 || status == 403, "{path}: {status}");
        assert!(!body.contains("[package]"), "{path}");
    }
    // A wrong join code is refused.
    assert_eq!(http(addr, "POST", "/join", b"code=AAAAAA").0, 403);
    let code = room.join_code().replace(' ', "");
    let (status, head, _) = http(
        addr,
        "POST",
        "/join",
        format!("code={}", code.to_lowercase()).as_bytes(),
    );
    assert_eq!(status, 303);
    assert!(head.contains(&base), "{head}");
}

#[test]
fn bad_answers_are_refused_with_their_reason_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (room, p) = open(dir.path());
    let addr = room.addr();
    let base = token_path(&room);
    let (status, _, body) = http(
        addr,
        "POST",
        &format!("{base}api/join"),
        br#"{"name": "Anna"}"#,
    );
    assert_eq!(status, 200, "{body}");
    let id: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = id["participant"].as_str().unwrap().to_owned();
    let answer = format!("{base}api/answer/{id}");
    let a1 = format!("A{}", p.alternatives[0].id.0);
    for (body, status, words) in [
        ("{".to_owned(), 400, "could not be read"),
        (
            format!("{{\"points\": {{\"{a1}\": 90}}}}"),
            422,
            "add up to 90",
        ),
        (
            "{\"points\": {\"A999\": 100}}".to_owned(),
            422,
            "not one of this round's items",
        ),
        (
            format!("{{\"dots\": {{\"{a1}\": 1}}}}"),
            422,
            "asks for 100 points",
        ),
        ("x".repeat(20_000), 413, "larger than"),
    ] {
        let (got, _, text) = http(addr, "POST", &answer, body.as_bytes());
        assert_eq!(got, status, "{text}");
        assert!(text.contains(words), "{text}");
    }
    assert_eq!(room.progress().answered, 0, "nothing stored");
    assert_eq!(
        http(
            addr,
            "POST",
            &format!("{base}api/answer/{}", "f".repeat(32)),
            b"{}"
        )
        .0,
        404
    );
    let good = format!("{{\"points\": {{\"{a1}\": 100}}}}");
    assert_eq!(http(addr, "POST", &answer, good.as_bytes()).0, 200);
    assert_eq!(room.progress().answered, 1);
    // Hidden until revealed, to the phones too.
    assert_eq!(http(addr, "GET", &format!("{base}api/results"), b"").0, 409);
    room.reveal();
    let (status, _, body) = http(addr, "GET", &format!("{base}api/results"), b"");
    assert_eq!(status, 200);
    assert!(body.contains("Anna"), "{body}");
    // The journal has every accepted step; the answers come back from it.
    let journal = pbsm::room::journal::read(room.journal_path()).unwrap();
    assert_eq!(journal.events.len(), 3, "joined, answered, revealed");
    let answers = room.close();
    assert_eq!(answers.len(), 1);
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err(),
        "stopped"
    );
}

#[test]
fn a_burst_from_one_client_is_slowed_down_and_served_again_after_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let (room, _) = open(dir.path());
    let addr = room.addr();
    let path = format!("{}api/round", token_path(&room));
    let statuses: Vec<u16> = (0..60).map(|_| http(addr, "GET", &path, b"").0).collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(statuses.iter().filter(|s| **s == 200).count() >= 30);
    let (_, head, _) = http(addr, "GET", &path, b"");
    assert!(head.to_lowercase().contains("retry-after") || head.contains(" 200 "));
    std::thread::sleep(Duration::from_millis(1_200));
    assert_eq!(http(addr, "GET", &path, b"").0, 200);
}
