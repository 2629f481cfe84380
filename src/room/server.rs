//! The room's HTTP server: axum on a small tokio runtime of its own, listening only while a
//! round is open, on the interface the facilitator picked.
//!
//! What it serves (everything else is 404; a wrong or missing token is 403):
//! - `GET /` the join form, `POST /join` with the join code → the page's address;
//! - `GET /r/TOKEN/` the page, `app.js`, `app.css` (embedded; no other file is ever served);
//! - `GET /r/TOKEN/api/round`, `POST …/api/join`, `GET …/api/me/ID`, `POST …/api/answer/ID`,
//!   `GET …/api/results` (409 until the facilitator reveals);
//! - `GET /h/HOST/` the facilitator's page, `POST /h/HOST/reveal`, `POST /h/HOST/close`.
//!
//! Every request is rate-limited per client address, bodies are limited to
//! [`MAX_BODY_BYTES`], every answer is checked by [`super::wire::parse_answer`] and journaled
//! before the phone hears it is in. Every response carries the security headers (a strict
//! CSP, no caching, no referrer: the token is in the URL).

use super::journal::{self, Header, Journal, Writer};
use super::state::{Event, ParticipantId, Phase, Progress, RoomError, RoomState};
use super::wire::{self, MAX_BODY_BYTES};
use crate::model::{Answer, Question, VotingRoundId};
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderValue, Method, Request, Response, StatusCode, header};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

/// Requests a client may make in a burst.
pub const RATE_BURST: f64 = 40.0;
/// Requests per second a client gets back.
pub const RATE_PER_S: f64 = 10.0;
/// Client addresses remembered by the rate limiter before old ones are forgotten.
const MAX_CLIENTS: usize = 4_096;

const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What opening a room needs.
pub struct RoomConfig {
    /// The interface to listen on.
    pub bind: IpAddr,
    /// The port (0: any free one).
    pub port: u16,
    /// What the round asks.
    pub question: Question,
    /// The round.
    pub round: VotingRoundId,
    /// The project file, for the journal's header.
    pub file: Option<PathBuf>,
    /// Where to journal.
    pub journal: PathBuf,
    /// A journal read back after a crash: its tokens and code, its events replayed.
    pub resume: Option<Journal>,
}

/// Why a room could not open.
#[derive(Debug, thiserror::Error)]
pub enum RoomOpenError {
    /// No randomness for the tokens: a guessable token would let anyone in.
    #[error("the system gave no random numbers for the room's secret address")]
    NoRandomness,
    /// The address cannot be listened on (taken, not this machine's).
    #[error("cannot listen on {addr}: {error}")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// The system's reason.
        error: std::io::Error,
    },
    /// The journal cannot be written.
    #[error("cannot write the room's journal {path}: {error}")]
    Journal {
        /// The file.
        path: String,
        /// The system's reason.
        error: std::io::Error,
    },
    /// The runtime could not start.
    #[error("the room's server could not start: {0}")]
    Runtime(std::io::Error),
}

struct Limiter {
    buckets: HashMap<IpAddr, (f64, Instant)>,
}

impl Limiter {
    /// Whether `ip` may make a request now; `Err(seconds)` to wait otherwise.
    fn allow(&mut self, ip: IpAddr) -> Result<(), u64> {
        let now = Instant::now();
        if self.buckets.len() >= MAX_CLIENTS && !self.buckets.contains_key(&ip) {
            // Forget clients quiet for a minute; under a flood of addresses, everyone.
            self.buckets
                .retain(|_, (_, at)| now.duration_since(*at).as_secs() < 60);
            if self.buckets.len() >= MAX_CLIENTS {
                self.buckets.clear();
            }
        }
        let (tokens, at) = self.buckets.entry(ip).or_insert((RATE_BURST, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * RATE_PER_S).min(RATE_BURST);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(1)
        }
    }
}

struct Shared {
    state: Mutex<RoomState>,
    journal: Mutex<Writer>,
    /// Journal lines written since the room opened.
    written: AtomicU64,
    /// A handle to sync the journal with, and how many of the written lines are synced.
    synced: Mutex<(std::fs::File, u64)>,
    limiter: Mutex<Limiter>,
    token: String,
    host_token: String,
    join_code: String,
    on_change: Arc<dyn Fn() + Send + Sync>,
    stop: tokio::sync::Notify,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Shared {
    /// Applies a change to the state and writes it to the journal; returns the journal line's
    /// number, which [`Self::sync`] must have synced before anyone hears of the change.
    fn apply(
        &self,
        change: impl FnOnce(&mut RoomState) -> Result<Event, RoomError>,
    ) -> Result<u64, (u16, String)> {
        let mut state = lock(&self.state);
        let mut before = state.clone();
        let event = change(&mut state).map_err(|e| (e.status(), e.to_string()))?;
        if let Err(e) = lock(&self.journal).write(&event) {
            // Not journaled, not taken: the phone is told to try again.
            std::mem::swap(&mut *state, &mut before);
            return Err((
                503,
                format!("the answer could not be kept ({e}); please send it again"),
            ));
        }
        // Counted under the state's lock, after the write: a counted line is in the file.
        let line = self.written.fetch_add(1, Ordering::SeqCst) + 1;
        drop(state);
        (self.on_change)();
        Ok(line)
    }

    /// Syncs the journal to the disk up to line `line` (group commit: one sync covers every
    /// line written before it starts, so 200 phones answering at once wait for a few syncs,
    /// not 200 in a row).
    fn sync(&self, line: u64) -> std::io::Result<()> {
        let mut synced = lock(&self.synced);
        if synced.1 >= line {
            return Ok(());
        }
        let upto = self.written.load(Ordering::SeqCst);
        synced.0.sync_data()?;
        synced.1 = upto;
        Ok(())
    }

    /// [`Self::apply`] then [`Self::sync`], for changes made outside the server (the window's
    /// reveal and close), where waiting for the disk is fine.
    fn apply_synced(&self, change: impl FnOnce(&mut RoomState) -> Result<Event, RoomError>) {
        if let Ok(line) = self.apply(change) {
            let _ = self.sync(line);
        }
    }
}

/// An open room: the server runs until [`Room::close`] or until the value is dropped.
pub struct Room {
    shared: Arc<Shared>,
    addr: SocketAddr,
    round: VotingRoundId,
    journal: PathBuf,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// A code of six characters people can type: no 0/O, 1/I/L.
fn join_code() -> Option<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).ok()?;
    Some(
        bytes
            .iter()
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
            .collect(),
    )
}

fn same(a: &str, b: &str) -> bool {
    // Constant time for equal lengths: the token's length is public anyway.
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl Room {
    /// Opens the room: binds the address, starts the server, journals from now on.
    /// `on_change` runs after each accepted change (the window asks for a repaint).
    pub fn open(
        config: RoomConfig,
        on_change: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Self, RoomOpenError> {
        let resume = config.resume;
        let (token, host_token, code) = match &resume {
            Some(j) => (
                j.header.token.clone(),
                j.header.host_token.clone(),
                j.header.join_code.clone(),
            ),
            None => (
                super::random_hex().ok_or(RoomOpenError::NoRandomness)?,
                super::random_hex().ok_or(RoomOpenError::NoRandomness)?,
                join_code().ok_or(RoomOpenError::NoRandomness)?,
            ),
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("pbsm-room")
            .enable_io()
            .enable_time()
            .build()
            .map_err(RoomOpenError::Runtime)?;
        // The port of the round before the crash if it is free, so phones reconnect as they
        // were; else the one asked for.
        let wanted = resume.as_ref().map_or(config.port, |j| j.header.port);
        let listener = match listen(&runtime, SocketAddr::new(config.bind, wanted)) {
            Ok(l) => l,
            Err(_) if wanted != config.port => {
                listen(&runtime, SocketAddr::new(config.bind, config.port))?
            }
            Err(e) => return Err(e),
        };
        let addr = listener
            .local_addr()
            .map_err(|error| RoomOpenError::Listen {
                addr: SocketAddr::new(config.bind, config.port),
                error,
            })?;
        let mut state = RoomState::new(config.question);
        if let Some(j) = &resume {
            for event in &j.events {
                state.replay(event);
            }
        }
        let header = Header {
            round: config.round.0,
            token: token.clone(),
            host_token: host_token.clone(),
            join_code: code.clone(),
            file: config.file,
            bind: config.bind,
            port: addr.port(),
            started: crate::io::recovery::format_time(std::time::SystemTime::now()),
        };
        let journal_error = |error| RoomOpenError::Journal {
            path: config.journal.display().to_string(),
            error,
        };
        let writer =
            Writer::open(&config.journal, &header, resume.is_some()).map_err(journal_error)?;
        let syncer = writer.syncer().map_err(journal_error)?;
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            journal: Mutex::new(writer),
            written: AtomicU64::new(0),
            synced: Mutex::new((syncer, 0)),
            limiter: Mutex::new(Limiter {
                buckets: HashMap::new(),
            }),
            token,
            host_token,
            join_code: code,
            on_change,
            stop: tokio::sync::Notify::new(),
        });
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&shared))
            .into_make_service_with_connect_info::<SocketAddr>();
        let stopper = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("pbsm-room-server".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let _ = axum::serve(listener, app)
                        .with_graceful_shutdown(async move { stopper.stop.notified().await })
                        .await;
                });
                runtime.shutdown_timeout(std::time::Duration::from_secs(2));
            })
            .map_err(RoomOpenError::Runtime)?;
        Ok(Self {
            shared,
            addr,
            round: config.round,
            journal: config.journal,
            thread: Some(thread),
        })
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The join address with the token (what the QR code says).
    pub fn url(&self) -> String {
        format!("{}/r/{}/", self.base(), self.shared.token)
    }

    /// The short address that asks for the join code.
    pub fn short_url(&self) -> String {
        format!("{}/", self.base())
    }

    /// The join code, in two groups of three ("K7P 2QX").
    pub fn join_code(&self) -> String {
        let code = &self.shared.join_code;
        let (a, b) = code.split_at(code.len() / 2);
        format!("{a} {b}")
    }

    /// The facilitator's page (reveal and close from another device).
    pub fn host_url(&self) -> String {
        format!("{}/h/{}/", self.base(), self.shared.host_token)
    }

    /// The round.
    pub fn round(&self) -> VotingRoundId {
        self.round
    }

    /// How many joined and answered; the phase.
    pub fn progress(&self) -> Progress {
        lock(&self.shared.state).progress()
    }

    /// Shows the answers from now on.
    pub fn reveal(&self) {
        self.shared
            .apply_synced(|s| s.reveal().ok_or(RoomError::Closed));
    }

    /// Every answer, once revealed; `None` while they are hidden.
    pub fn answers(&self) -> Option<Vec<(String, Answer)>> {
        let state = lock(&self.shared.state);
        (state.phase() != Phase::Open).then(|| state.answers())
    }

    /// Closes the round: no more answers, the server stops (the port is free when this
    /// returns). Returns every answer.
    pub fn close(mut self) -> Vec<(String, Answer)> {
        self.shared
            .apply_synced(|s| s.close().ok_or(RoomError::Closed));
        self.stop();
        lock(&self.shared.state).answers()
    }

    fn stop(&mut self) {
        self.shared.stop.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// The journal's file.
    pub fn journal_path(&self) -> &Path {
        &self.journal
    }
}

/// Listens on `addr` with room for a whole room's phones connecting at once: a backlog of 1024
/// (the system's usual 128 makes the 129th phone of a burst wait a second for its retry).
fn listen(
    runtime: &tokio::runtime::Runtime,
    addr: SocketAddr,
) -> Result<tokio::net::TcpListener, RoomOpenError> {
    let bind = || {
        let socket = if addr.is_ipv4() {
            tokio::net::TcpSocket::new_v4()?
        } else {
            tokio::net::TcpSocket::new_v6()?
        };
        // A room resumed after a crash gets its port back despite the old connections.
        socket.set_reuseaddr(true)?;
        socket.bind(addr)?;
        socket.listen(1024)
    };
    // Entered, not blocked on: a room may be opened from within another runtime (the
    // browser test's), where `block_on` would panic.
    let _entered = runtime.enter();
    bind().map_err(|error| RoomOpenError::Listen { addr, error })
}

impl Drop for Room {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The machine's addresses to offer: the one this machine reaches the local network on
/// (private addresses are what a meeting room's Wi-Fi gives), then loopback.
pub fn interfaces() -> Vec<(String, IpAddr)> {
    let mut list = Vec::new();
    // Connecting a UDP socket sends nothing; it only asks the system which address it would
    // use towards a private network.
    for probe in ["10.255.255.255:9", "192.168.255.255:9"] {
        let local = std::net::UdpSocket::bind("0.0.0.0:0")
            .and_then(|s| s.connect(probe).and_then(|()| s.local_addr()));
        if let Ok(local) = local
            && !local.ip().is_unspecified()
            && !local.ip().is_loopback()
            && !list.iter().any(|(_, ip)| *ip == local.ip())
        {
            list.push(("local network".to_owned(), local.ip()));
        }
    }
    list.push((
        "this computer only".to_owned(),
        IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
    ));
    list
}

fn respond(status: u16, content_type: &'static str, body: impl Into<Body>) -> Response<Body> {
    let mut response = Response::new(body.into());
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, content_type),
        (header::CACHE_CONTROL, "no-store"),
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

fn json(status: u16, value: &serde_json::Value) -> Response<Body> {
    respond(status, "application/json; charset=utf-8", value.to_string())
}

fn error(status: u16, message: &str) -> Response<Body> {
    json(status, &serde_json::json!({ "error": message }))
}

fn html(body: String) -> Response<Body> {
    respond(200, "text/html; charset=utf-8", body)
}

const JOIN_FORM: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Join the room</title><link rel="stylesheet" href="/style.css"></head><body><main><h1>Join the room</h1><form method="post" action="/join"><label for="code">The code on the screen</label><input id="code" name="code" autocomplete="off" autocapitalize="characters" required><button type="submit">Join</button></form>MESSAGE</main></body></html>"#;

fn join_form(message: &str) -> String {
    JOIN_FORM.replace("MESSAGE", message)
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    request: Request<Body>,
) -> Response<Body> {
    if let Err(wait) = lock(&shared.limiter).allow(client.ip()) {
        let mut response = error(429, "too many requests; wait a moment and try again");
        if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return response;
    }
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => {
            return error(
                413,
                &format!("the request is larger than the {MAX_BODY_BYTES} bytes allowed"),
            );
        }
    };
    let path = parts.uri.path().to_owned();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut journaled = None;
    let response = route(&shared, &parts.method, &segments, &body, &mut journaled);
    // The reply waits until its journal line is on the disk.
    if let Some(line) = journaled {
        let syncing = Arc::clone(&shared);
        let synced = tokio::task::spawn_blocking(move || syncing.sync(line)).await;
        if !matches!(synced, Ok(Ok(()))) {
            return error(
                503,
                "the room could not write to its disk; please send it again",
            );
        }
    }
    response
}

/// Answers a request. A change that was journaled sets `journaled` to its journal line, which
/// must be synced before the reply goes out.
fn route(
    shared: &Shared,
    method: &Method,
    segments: &[&str],
    body: &Bytes,
    journaled: &mut Option<u64>,
) -> Response<Body> {
    let get = method == Method::GET;
    let post = method == Method::POST;
    match segments {
        [""] if get => html(join_form("")),
        ["style.css"] if get => respond(200, "text/css; charset=utf-8", STYLE),
        ["join"] if post => {
            let typed: String = form_value(body, "code")
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect::<String>()
                .to_uppercase();
            if same(&typed, &shared.join_code) {
                let mut response = respond(303, "text/plain; charset=utf-8", "");
                if let Ok(v) = HeaderValue::from_str(&format!("/r/{}/", shared.token)) {
                    response.headers_mut().insert(header::LOCATION, v);
                }
                response
            } else {
                let mut r = html(join_form(
                    "<p role=\"alert\">That code is not right. Check the screen and try again.</p>",
                ));
                *r.status_mut() = StatusCode::FORBIDDEN;
                r
            }
        }
        ["r", token, rest @ ..] => {
            if !same(token, &shared.token) {
                return respond(403, "text/plain; charset=utf-8", "forbidden");
            }
            participant(shared, get, post, rest, body, journaled)
        }
        ["h", token, rest @ ..] => {
            if !same(token, &shared.host_token) {
                return respond(403, "text/plain; charset=utf-8", "forbidden");
            }
            host(shared, get, post, rest, journaled)
        }
        _ => error(404, "not found"),
    }
}

fn form_value(body: &[u8], name: &str) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    text.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.replace('+', " ").replace("%20", " "))
    })
}

fn progress_json(p: Progress) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or_default()
}

fn participant(
    shared: &Shared,
    get: bool,
    post: bool,
    rest: &[&str],
    body: &Bytes,
    journaled: &mut Option<u64>,
) -> Response<Body> {
    match rest {
        [""] if get => html(PAGE.to_owned()),
        ["app.js"] if get => respond(200, "text/javascript; charset=utf-8", SCRIPT),
        ["app.css"] if get => respond(200, "text/css; charset=utf-8", STYLE),
        ["api", "round"] if get => {
            let state = lock(&shared.state);
            json(
                200,
                &serde_json::json!({
                    "question": state.wire_question(),
                    "progress": progress_json(state.progress()),
                }),
            )
        }
        ["api", "join"] if post => {
            let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
                return error(400, "the request could not be read: send {\"name\": \"…\"}");
            };
            let name = value
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_owned();
            let Some(id) = super::random_hex() else {
                return error(503, "the room has no random numbers for your id; try again");
            };
            let id = ParticipantId(id);
            match shared.apply(|s| s.join(id.clone(), &name)) {
                Ok(line) => {
                    *journaled = Some(line);
                    let name = lock(&shared.state)
                        .participant(&id)
                        .map(|p| p.name.clone())
                        .unwrap_or_default();
                    json(
                        200,
                        &serde_json::json!({ "participant": id.0, "name": name }),
                    )
                }
                Err((status, message)) => error(status, &message),
            }
        }
        ["api", "me", id] if get => {
            if !ParticipantId::is_well_formed(id) {
                return error(404, "not found");
            }
            let state = lock(&shared.state);
            match state.participant(&ParticipantId((*id).to_owned())) {
                Some(p) => json(
                    200,
                    &serde_json::json!({
                        "name": p.name,
                        "answer": p.answer.as_ref().map(wire::answer_to_value),
                        "progress": progress_json(state.progress()),
                    }),
                ),
                None => error(404, &RoomError::UnknownParticipant.to_string()),
            }
        }
        ["api", "answer", id] if post => {
            if !ParticipantId::is_well_formed(id) {
                return error(404, "not found");
            }
            let id = ParticipantId((*id).to_owned());
            match shared.apply(|s| s.answer(&id, body)) {
                Ok(line) => {
                    *journaled = Some(line);
                    json(
                        200,
                        &serde_json::json!({
                            "ok": true,
                            "message": "Your answer is in. You can change it until the round closes."
                        }),
                    )
                }
                Err((status, message)) => error(status, &message),
            }
        }
        ["api", "results"] if get => {
            let state = lock(&shared.state);
            if state.phase() == Phase::Open {
                return error(
                    409,
                    "the answers are hidden until the facilitator reveals them",
                );
            }
            let answers: Vec<serde_json::Value> = state
                .answers()
                .iter()
                .map(|(name, a)| serde_json::json!({ "name": name, "answer": wire::answer_to_value(a) }))
                .collect();
            json(200, &serde_json::json!({ "answers": answers }))
        }
        _ => error(404, "not found"),
    }
}

const HOST_PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="3"><title>The room (facilitator)</title><link rel="stylesheet" href="/style.css"></head><body><main><h1>QUESTION</h1><p class="progress">PROGRESS</p><p>PHASE</p><form method="post" action="reveal"><button type="submit">Reveal the answers</button></form><form method="post" action="close"><button type="submit">Close the round</button></form></main></body></html>"#;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn host(
    shared: &Shared,
    get: bool,
    post: bool,
    rest: &[&str],
    journaled: &mut Option<u64>,
) -> Response<Body> {
    match rest {
        [""] if get => {
            let state = lock(&shared.state);
            let p = state.progress();
            let phase = match p.phase {
                Phase::Open => "Answers are hidden until you reveal them.",
                Phase::Revealed => "Answers revealed.",
                Phase::Closed => "The round is closed.",
            };
            html(
                HOST_PAGE
                    .replace("QUESTION", &escape(&state.question().text))
                    .replace(
                        "PROGRESS",
                        &format!("{} joined · {} answered", p.joined, p.answered),
                    )
                    .replace("PHASE", phase),
            )
        }
        ["api", "status"] if get => json(200, &progress_json(lock(&shared.state).progress())),
        ["reveal"] if post => {
            *journaled = shared.apply(|s| s.reveal().ok_or(RoomError::Closed)).ok();
            see_other(".")
        }
        ["close"] if post => {
            *journaled = shared.apply(|s| s.close().ok_or(RoomError::Closed)).ok();
            // The window or the headless command stops the server when it sees the phase.
            html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Closed</title></head><body><p>The round is closed.</p></body></html>".to_owned())
        }
        _ => error(404, "not found"),
    }
}

fn see_other(location: &'static str) -> Response<Body> {
    let mut response = respond(303, "text/plain; charset=utf-8", "");
    response
        .headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static(location));
    response
}

/// Reads a room journal back (for [`RoomConfig::resume`]).
pub fn read_journal(path: &Path) -> Result<Journal, journal::JournalError> {
    journal::read(path)
}
