//! A stand-in for `pbsm::room::server::Room` until the real server lands on this branch: the
//! same routes and JSON on 127.0.0.1, over the real `RoomState`. Only for this test.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use pbsm::model::Answer;
use pbsm::model::room::Question;
use pbsm::room::state::{ParticipantId, Phase, RoomState};
use pbsm::room::wire::answer_to_value;
use serde_json::json;
use std::sync::{Arc, Mutex};

type Shared = Arc<Mutex<RoomState>>;

pub struct Room {
    state: Shared,
    url: String,
}

fn json_reply(status: u16, body: serde_json::Value) -> Response {
    (
        StatusCode::from_u16(status).unwrap(),
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn page(kind: &'static str, body: &'static str) -> Response {
    const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CONTENT_SECURITY_POLICY, CSP),
        ],
        body,
    )
        .into_response()
}

impl Room {
    pub fn open(question: Question) -> Self {
        let state: Shared = Arc::new(Mutex::new(RoomState::new(question)));
        let token = pbsm::room::random_hex().unwrap();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let app = Router::new()
            .route(
                "/r/{t}/",
                get(|| async {
                    page(
                        "text/html; charset=utf-8",
                        include_str!("../../src/room/page/index.html"),
                    )
                }),
            )
            .route(
                "/r/{t}/app.js",
                get(|| async {
                    page(
                        "text/javascript; charset=utf-8",
                        include_str!("../../src/room/page/app.js"),
                    )
                }),
            )
            .route(
                "/r/{t}/app.css",
                get(|| async {
                    page(
                        "text/css; charset=utf-8",
                        include_str!("../../src/room/page/app.css"),
                    )
                }),
            )
            .route(
                "/r/{t}/api/round",
                get(|State(s): State<Shared>| async move {
                    let s = s.lock().unwrap();
                    json_reply(
                        200,
                        json!({"question": s.wire_question(), "progress": s.progress()}),
                    )
                }),
            )
            .route(
                "/r/{t}/api/join",
                post(|State(s): State<Shared>, body: Bytes| async move {
                    let name = serde_json::from_slice::<serde_json::Value>(&body)
                        .ok()
                        .and_then(|v| v["name"].as_str().map(str::to_owned))
                        .unwrap_or_default();
                    let id = ParticipantId(pbsm::room::random_hex().unwrap());
                    let mut s = s.lock().unwrap();
                    match s.join(id.clone(), &name) {
                        Ok(_) => {
                            let kept = s.participant(&id).unwrap().name.clone();
                            json_reply(200, json!({"participant": id.0, "name": kept}))
                        }
                        Err(e) => json_reply(e.status(), json!({"error": e.to_string()})),
                    }
                }),
            )
            .route(
                "/r/{t}/api/me/{pid}",
                get(
                    |State(s): State<Shared>, Path((_t, pid)): Path<(String, String)>| async move {
                        let s = s.lock().unwrap();
                        match s.participant(&ParticipantId(pid)) {
                            Some(p) => json_reply(
                                200,
                                json!({"name": p.name, "answer": p.answer.as_ref().map(answer_to_value), "progress": s.progress()}),
                            ),
                            None => json_reply(404, json!({"error": "unknown"})),
                        }
                    },
                ),
            )
            .route(
                "/r/{t}/api/answer/{pid}",
                post(
                    |State(s): State<Shared>,
                     Path((_t, pid)): Path<(String, String)>,
                     body: Bytes| async move {
                        let mut s = s.lock().unwrap();
                        match s.answer(&ParticipantId(pid), &body) {
                            Ok(_) => json_reply(
                                200,
                                json!({"ok": true, "message": "Your answer is in."}),
                            ),
                            Err(e) => json_reply(e.status(), json!({"error": e.to_string()})),
                        }
                    },
                ),
            )
            .route(
                "/r/{t}/api/results",
                get(|State(s): State<Shared>| async move {
                    let s = s.lock().unwrap();
                    if s.phase() == Phase::Open {
                        return json_reply(409, json!({"error": "the answers are hidden"}));
                    }
                    let answers: Vec<_> = s
                        .answers()
                        .iter()
                        .map(|(n, a)| json!({"name": n, "answer": answer_to_value(a)}))
                        .collect();
                    json_reply(200, json!({ "answers": answers }))
                }),
            )
            .with_state(state.clone());
        // Served from its own thread until the test process ends.
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let _ = axum::serve(listener, app).await;
            });
        });
        Self {
            state,
            url: format!("http://127.0.0.1:{port}/r/{token}/"),
        }
    }

    pub fn url(&self) -> String {
        self.url.clone()
    }

    pub fn reveal(&self) {
        self.state.lock().unwrap().reveal();
    }

    pub fn answers(&self) -> Option<Vec<(String, Answer)>> {
        let s = self.state.lock().unwrap();
        (s.phase() != Phase::Open).then(|| s.answers())
    }

    pub fn close(&self) -> Vec<(String, Answer)> {
        let mut s = self.state.lock().unwrap();
        s.close();
        s.answers()
    }
}
