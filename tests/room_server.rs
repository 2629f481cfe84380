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

// ---- The headless `room` command ------------------------------------------------------------

/// Reads lines of the command's stdout until `done` says enough (20 s at most per line).
fn read_until(
    lines: &std::sync::mpsc::Receiver<String>,
    done: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|e| panic!("{e}: {seen:#?}"));
        let stop = done(&line);
        seen.push(line);
        if stop {
            return seen;
        }
    }
}

/// Starts `pbsm-workbench room FILE` on 127.0.0.1 with its recovery folder under `state`;
/// its stdout comes line by line.
fn start(
    file: &std::path::Path,
    state: &std::path::Path,
) -> (std::process::Child, std::sync::mpsc::Receiver<String>) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pbsm-workbench"))
        .args(["room", file.to_str().unwrap(), "--bind", "127.0.0.1"])
        .env("XDG_STATE_HOME", state)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// The URL printed after `prefix`, as (address, path).
fn url_after(lines: &[String], prefix: &str) -> (SocketAddr, String) {
    let url = lines
        .iter()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no {prefix}: {lines:#?}"))
        .trim();
    let (addr, path) = url
        .strip_prefix("http://")
        .unwrap()
        .split_once('/')
        .unwrap();
    (addr.parse().unwrap(), format!("/{path}"))
}

/// A project file with a new 100-points round as its latest; its first two alternatives' keys.
fn points_file(
    dir: &std::path::Path,
) -> (std::path::PathBuf, pbsm::model::VotingRoundId, [String; 2]) {
    let (room, p) = open(dir);
    drop(room);
    let round = p.votes.last().unwrap().id;
    let file = dir.join("plan.pbsm.ron");
    pbsm::io::save(&p, &file).unwrap();
    let key = |i: usize| format!("A{}", p.alternatives[i].id.0);
    (file, round, [key(0), key(1)])
}

fn join_and_answer(addr: SocketAddr, base: &str, name: &str, answer: &str) -> String {
    let (status, _, body) = http(
        addr,
        "POST",
        &format!("{base}api/join"),
        format!("{{\"name\": \"{name}\"}}").as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    let joined: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = joined["participant"].as_str().unwrap().to_owned();
    let (status, _, body) = http(
        addr,
        "POST",
        &format!("{base}api/answer/{id}"),
        answer.as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    id
}

fn journals(state: &std::path::Path) -> usize {
    std::fs::read_dir(state.join("pbsm-workbench"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".room.jsonl"))
        .count()
}

#[test]
fn the_headless_room_survives_a_kill_and_saves_the_answers_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let (file, round, [a1, a2]) = points_file(dir.path());

    let (mut child, lines) = start(&file, &state);
    let seen = read_until(&lines, |l| l.ends_with("joined, 0 answered"));
    let (addr, join_path) = url_after(&seen, "Join: ");
    let (_, host_path) = url_after(&seen, "Facilitator: ");
    assert!(seen.iter().any(|l| l.contains("ufw allow")), "{seen:#?}");
    assert!(
        seen.iter().any(|l| l.contains('▀') || l.contains('▄')),
        "a QR code in the terminal"
    );
    assert!(
        seen.iter()
            .any(|l| l.starts_with("Or open http://127.0.0.1:") && l.contains("and type the code")),
        "{seen:#?}"
    );
    let answer = format!("{{\"points\": {{\"{a1}\": 25, \"{a2}\": 75}}}}");
    let anna = join_and_answer(addr, &join_path, "Anna", &answer);
    read_until(&lines, |l| l == "1 joined, 1 answered");
    // SIGKILL: no chance to save; the journal has the answer.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        pbsm::io::load(&file)
            .unwrap()
            .votes
            .last()
            .unwrap()
            .responses
            .len(),
        0,
        "nothing saved yet"
    );
    assert_eq!(journals(&state), 1);

    let (mut child, lines) = start(&file, &state);
    let seen = read_until(&lines, |l| l.ends_with("answered"));
    assert!(
        seen.iter()
            .any(|l| l.starts_with("Resuming the round with 1 answers")),
        "{seen:#?}"
    );
    let (addr, again) = url_after(&seen, "Join: ");
    assert_eq!(
        again, join_path,
        "the same token: the phones' link still works"
    );
    let (status, _, me) = http(addr, "GET", &format!("{join_path}api/me/{anna}"), b"");
    assert_eq!(status, 200, "{me}");
    let me: serde_json::Value = serde_json::from_str(&me).unwrap();
    assert_eq!(me["answer"]["points"][&a1], 25, "{me}");
    // The facilitator's Close link ends the round; the command saves and exits.
    let (status, _, _) = http(addr, "POST", &format!("{host_path}close"), b"");
    assert_eq!(status, 200);
    let seen = read_until(&lines, |l| l.starts_with("Saved "));
    assert!(seen.last().unwrap().starts_with("Saved 1 answers to"));
    assert!(child.wait().unwrap().success());

    let saved = pbsm::io::load(&file).unwrap();
    let r = saved.votes.iter().find(|r| r.id == round).unwrap();
    assert_eq!(r.responses.len(), 1);
    assert_eq!(r.responses[0].participant, "Anna");
    assert_eq!(journals(&state), 0, "the journal is gone once saved");
}

#[test]
fn a_terminated_headless_room_saves_into_the_file_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let (file, round, [a1, a2]) = points_file(dir.path());
    let (child, lines) = start(&file, &state);
    let seen = read_until(&lines, |l| l.ends_with("joined, 0 answered"));
    let (addr, join_path) = url_after(&seen, "Join: ");
    join_and_answer(
        addr,
        &join_path,
        "Ben",
        &format!("{{\"points\": {{\"{a1}\": 60, \"{a2}\": 40}}}}"),
    );
    read_until(&lines, |l| l == "1 joined, 1 answered");
    // Meanwhile someone renames the project in the file; that edit is kept.
    let mut edited = pbsm::io::load(&file).unwrap();
    edited.name = "Renamed while the room ran".to_owned();
    pbsm::io::save(&edited, &file).unwrap();
    // `kill PID` (SIGTERM) saves like Ctrl+C.
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on our own child's pid; no memory is involved.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let seen = read_until(&lines, |l| l.starts_with("Saved "));
    assert!(seen.last().unwrap().starts_with("Saved 1 answers"));
    let mut child = child;
    assert!(child.wait().unwrap().success());
    let saved = pbsm::io::load(&file).unwrap();
    assert_eq!(saved.name, "Renamed while the room ran");
    let r = saved.votes.iter().find(|r| r.id == round).unwrap();
    assert_eq!(r.responses[0].participant, "Ben");
    assert_eq!(journals(&state), 0);
}

#[test]
fn the_room_command_refuses_a_file_without_a_round_to_answer() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.pbsm.ron");
    let mut p = pbsm::io::SAMPLES[0].load().unwrap();
    p.votes.clear();
    pbsm::io::save(&p, &file).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_pbsm-workbench"))
            .args(args)
            .env("XDG_STATE_HOME", dir.path())
            .output()
            .unwrap()
    };
    let out = run(&["room", file.to_str().unwrap(), "--bind", "127.0.0.1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no voting round"));
    let out = run(&[
        "room",
        file.to_str().unwrap(),
        "--round",
        "7",
        "--bind",
        "127.0.0.1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no voting round 7"));
    // A file that cannot be read is refused with its place, like `check`.
    std::fs::write(&file, "(version: 4, name: ").unwrap();
    let out = run(&["room", file.to_str().unwrap(), "--bind", "127.0.0.1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("plan.pbsm.ron:1:"));
}

#[test]
fn a_headless_room_without_answers_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let (file, _, _) = points_file(dir.path());
    let before = std::fs::read(&file).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let (child, lines) = start(&file, &state);
    read_until(&lines, |l| l.ends_with("joined, 0 answered"));
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on our own child's pid; no memory is involved.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let seen = read_until(&lines, |l| l.starts_with("No answers"));
    assert!(seen.last().unwrap().contains("is left as it was"));
    let mut child = child;
    assert!(child.wait().unwrap().success());
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        modified
    );
    assert_eq!(journals(&state), 0);
}
