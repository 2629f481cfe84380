//! `cargo bench --bench room`: the room under a full room of phones, on loopback only.
//!
//! 1. **200 phones at once.** 200 simulated participants join and answer a 100-points round
//!    concurrently, each from its own loopback address (127.0.0.2 to 127.0.0.201, so the
//!    per-address rate limit applies as on a real network). Prints the answers sent, kept and
//!    lost (must be 0), and the median, p99 and maximum time from sending an answer on a
//!    connected socket to its 200 (every answer synced to the journal on disk before the yes;
//!    the target is p99 < 50 ms).
//! 2. **The room panel while answers stream in.** The workbench with the voting pane and an open
//!    room on 127.0.0.1 draws frames while 200 phones answer; prints the median and p99 CPU time
//!    of a frame (egui layout and tessellation of the panel with its QR code and the count).
//!
//! Prints figures; asserts nothing (timings belong in benchmarks, not tests).

// A benchmark, like a test, stops loudly on a broken fixture.
#![allow(clippy::expect_used)]

mod common;
use common::thread_cpu_time;
use pbsm::app::Workbench;
use pbsm::app::command::Command;
use pbsm::app::layout::PaneKind;
use pbsm::app::workbench::Settings;
use pbsm::model::{Date, Question, RoundKind, VoteSubject};
use pbsm::room::server::{Room, RoomConfig};
use pbsm::room::wire::target_key;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;

const PHONES: u8 = 200;
/// Every request of the benchmark has this long to be answered.
const TIMEOUT: Duration = Duration::from_secs(10);

/// One HTTP/1.1 POST from `from` to the room at `to` (loopback only); returns the status, the
/// body and the time from sending the request on the connected socket to the whole reply.
async fn post(
    from: IpAddr,
    to: SocketAddr,
    path: &str,
    body: &str,
) -> Result<(u16, String, Duration), String> {
    assert!(from.is_loopback() && to.ip().is_loopback(), "loopback only");
    let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
    socket
        .bind(SocketAddr::new(from, 0))
        .map_err(|e| e.to_string())?;
    let mut stream = tokio::time::timeout(TIMEOUT, socket.connect(to))
        .await
        .map_err(|_| "connect timed out".to_owned())?
        .map_err(|e| e.to_string())?;
    let text = format!(
        "POST {path} HTTP/1.1\r\nHost: {to}\r\nConnection: close\r\n\
Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let sent = Instant::now();
    let mut raw = Vec::new();
    tokio::time::timeout(TIMEOUT, async {
        stream.write_all(text.as_bytes()).await?;
        stream.read_to_end(&mut raw).await
    })
    .await
    .map_err(|_| "reply timed out".to_owned())?
    .map_err(|e| e.to_string())?;
    let took = sent.elapsed();
    let reply = String::from_utf8_lossy(&raw).into_owned();
    let status = reply
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = reply
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_owned());
    Ok((status, body, took))
}

/// 200 phones join and answer, phone `n` starting after `n × pace` (zero: all at once); each
/// result is the answer's time or what went wrong.
fn phones(
    runtime: &tokio::runtime::Runtime,
    addr: SocketAddr,
    token: &str,
    keys: &[String],
    pace: Duration,
) -> Vec<Result<Duration, String>> {
    runtime.block_on(async {
        let tasks: Vec<_> = (0..PHONES)
            .map(|n| {
                let token = token.to_owned();
                let answer = format!(
                    "{{\"points\": {{\"{}\": {}, \"{}\": {}}}}}",
                    keys[0],
                    u32::from(n % 99) + 1,
                    keys[1],
                    99 - u32::from(n % 99)
                );
                tokio::spawn(async move {
                    tokio::time::sleep(pace * u32::from(n)).await;
                    let from = IpAddr::V4(Ipv4Addr::new(127, 0, 0, n + 2));
                    let (status, body, _) = post(
                        from,
                        addr,
                        &format!("/r/{token}/api/join"),
                        &format!("{{\"name\": \"Phone {n}\"}}"),
                    )
                    .await?;
                    if status != 200 {
                        return Err(format!("join: {status} {body}"));
                    }
                    let value: serde_json::Value =
                        serde_json::from_str(&body).map_err(|e| e.to_string())?;
                    let pid = value["participant"].as_str().unwrap_or_default().to_owned();
                    let (status, body, took) =
                        post(from, addr, &format!("/r/{token}/api/answer/{pid}"), &answer).await?;
                    if status != 200 {
                        return Err(format!("answer: {status} {body}"));
                    }
                    Ok(took)
                })
            })
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.unwrap_or_else(|e| Err(e.to_string())));
        }
        out
    })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The participants' token of a join URL (`http://ADDR/r/TOKEN/`).
fn token_of(url: &str) -> String {
    url.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The item keys of a 100-points round on the bakery's alternatives.
fn points_round() -> (pbsm::model::Project, pbsm::model::VotingRoundId) {
    let mut project = pbsm::io::SAMPLES[0].load().expect("the bakery sample");
    let today = Date::new(2026, 11, 23).expect("a date");
    let id = project.new_room_round(RoundKind::Points, VoteSubject::Alternatives, today, false);
    (project, id)
}

fn keys_of(question: &Question) -> Vec<String> {
    question.items.iter().map(|(t, _)| target_key(*t)).collect()
}

fn report(label: &str, results: &[Result<Duration, String>], kept: usize, wall: Duration) {
    let mut times: Vec<Duration> = results.iter().filter_map(|r| r.clone().ok()).collect();
    times.sort_unstable();
    let errors: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    println!(
        "{label}: {} answers acknowledged, {kept} in the room ({} lost), {} errors; \
answer → 200: median {:.2} ms, p99 {:.2} ms, max {:.2} ms; all {PHONES} phones in {:.0} ms",
        times.len(),
        times.len().saturating_sub(kept),
        errors.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(times.last().copied().unwrap_or_default()),
        ms(wall),
    );
    if let Some(e) = errors.first() {
        println!("  first error: {e}");
    }
}

/// Part 1: the server alone.
fn server(runtime: &tokio::runtime::Runtime, run: usize) {
    let (project, id) = points_round();
    let round = project
        .votes
        .iter()
        .find(|r| r.id == id)
        .expect("the new round");
    let question = Question::of(round, &project);
    let keys = keys_of(&question);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let room = Room::open(
        RoomConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            question,
            round: id,
            file: None,
            journal: dir.path().join("recovery-1.room.jsonl"),
            resume: None,
        },
        Arc::new(|| {}),
    )
    .expect("the room opens on 127.0.0.1");
    let started = Instant::now();
    let results = phones(
        runtime,
        room.addr(),
        &token_of(&room.url()),
        &keys,
        Duration::ZERO,
    );
    let wall = started.elapsed();
    let kept = room.close().len();
    report(
        &format!("server, run {run}, journal synced before each yes"),
        &results,
        kept,
        wall,
    );
}

/// Part 2: frames of the room panel while the phones answer.
fn panel() {
    let (project, _) = points_round();
    let mut app = Workbench::with_project(project, Settings::default());
    app.set_room_network(Some(IpAddr::V4(Ipv4Addr::LOCALHOST)), 0);
    app.settings_mut().layout =
        egui_tiles::Tree::new_tabs(egui::Id::unique("bench_room_tree"), vec![PaneKind::Voting]);
    app.request(Command::NewRoomRound {
        kind: RoundKind::Points,
        subject: VoteSubject::Alternatives,
        anonymous: false,
    });
    let view = app.room().expect("the room opened");
    let question = {
        let round = app
            .project()
            .votes
            .iter()
            .find(|r| r.id == view.round)
            .expect("the room's round");
        Question::of(round, app.project())
    };
    let keys = keys_of(&question);
    let addr: SocketAddr = view
        .url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .and_then(|a| a.parse().ok())
        .expect("the room's address");
    let token = token_of(&view.url);
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let mut frame = 0_u32;
    let mut draw = |app: &mut Workbench| {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            events: vec![egui::Event::PointerMoved(egui::pos2(
                400.0,
                400.0 + (frame % 2) as f32,
            ))],
            ..Default::default()
        };
        frame += 1;
        let start = thread_cpu_time();
        let output = ctx.run_ui(input, |ui| app.ui_root(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        thread_cpu_time().saturating_sub(start)
    };
    // Warm-up: fonts, the QR code's first layout.
    for _ in 0..10 {
        draw(&mut app);
    }
    // The phones answer from a thread of their own, one every 10 ms (200 in two seconds, as
    // a room sending at the facilitator's "go"), while this one draws frames.
    let handle = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let started = Instant::now();
        let results = phones(&runtime, addr, &token, &keys, Duration::from_millis(10));
        (results, started.elapsed())
    });
    let mut times = Vec::new();
    let mut answered_seen = Vec::new();
    while !handle.is_finished() {
        times.push(draw(&mut app));
        if let Some(v) = app.room() {
            answered_seen.push(v.progress.answered);
        }
        // About 60 frames a second, as the window draws while the count changes.
        std::thread::sleep(Duration::from_millis(16));
    }
    let (results, wall) = handle.join().expect("the phones' thread");
    let kept = app.room().map_or(0, |v| v.progress.answered);
    app.request(Command::CloseRoom);
    report("window's room, phones", &results, kept, wall);
    times.sort_unstable();
    let distinct = {
        let mut counts = answered_seen.clone();
        counts.dedup();
        counts.len()
    };
    println!(
        "window's room panel while answers stream in: {} frames ({distinct} different counts shown), \
CPU per frame median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(times.last().copied().unwrap_or_default()),
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if only.as_deref().is_none_or(|o| "server".contains(o)) {
        for run in 1..=3 {
            server(&runtime, run);
        }
    }
    if only.as_deref().is_none_or(|o| "panel".contains(o)) {
        panel();
    }
}
