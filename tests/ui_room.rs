#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The room in the window: the facilitator opens it from the voting pane or the palette, the
//! phones (here: a small HTTP client on loopback) join and answer, the window shows how many
//! answered but not what, reveal puts the answers into the round, close stops the server; a
//! window that goes down with the room open brings it back with its answers.
//! Network: 127.0.0.1 only, a handful of requests, every socket with a 5 s timeout.

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use pbsm::app::Workbench;
use pbsm::app::layout::PaneKind;
use pbsm::model::{Answer, RoundKind};
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::time::Duration;

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// One HTTP/1.1 request to the room on loopback; returns the status and the body.
fn http(url: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let rest = url.strip_prefix("http://").expect("an http url");
    let host = rest.split('/').next().expect("a host");
    assert!(host.starts_with("127.0.0.1:"), "loopback only: {host}");
    let mut stream = TcpStream::connect(host).expect("the room answers");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// The path part of the room's join URL (`/r/TOKEN/`).
fn token_path(url: &str) -> String {
    let rest = url.strip_prefix("http://").unwrap();
    format!("/{}", rest.split_once('/').unwrap().1)
}

/// A phone joins and answers; returns its participant id.
fn phone_answers(url: &str, name: &str, answer: &str) -> String {
    let base = token_path(url);
    let (status, body) = http(
        url,
        "POST",
        &format!("{base}api/join"),
        &format!("{{\"name\": \"{name}\"}}"),
    );
    assert_eq!(status, 200, "{body}");
    let joined: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = joined["participant"].as_str().unwrap().to_owned();
    let (status, body) = http(url, "POST", &format!("{base}api/answer/{id}"), answer);
    assert_eq!(status, 200, "{body}");
    id
}

/// Frames until the room's news reached the window.
fn frames(h: &mut egui_kittest::Harness<'_, Workbench>) {
    for _ in 0..5 {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

fn loopback_room(mut app: Workbench) -> egui_kittest::Harness<'static, Workbench> {
    app.set_room_network(Some(LOOPBACK), 0);
    harness(app)
}

fn open_room_for(h: &mut egui_kittest::Harness<'_, Workbench>, kind: &str) {
    open_pane(h, PaneKind::Voting);
    h.get_by_label("📱 Answer from phones").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Kind of round")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, kind).click();
    h.run();
    h.get_by_label_contains("📱 Open the room: new").click();
    h.step();
    h.run();
}

fn points_of(
    h: &egui_kittest::Harness<'_, Workbench>,
    round: pbsm::model::VotingRoundId,
) -> Vec<(String, Answer)> {
    let r = h
        .state()
        .project()
        .votes
        .iter()
        .find(|r| r.id == round)
        .unwrap();
    r.responses
        .iter()
        .map(|r| (r.participant.clone(), r.answer.clone()))
        .collect()
}

#[test]
fn phones_answer_blind_until_the_facilitator_reveals_then_close_stops_the_room() {
    let mut h = loopback_room(Workbench::with_sample(0));
    let rounds_before = h.state().project().votes.len();
    open_room_for(&mut h, "100 points");
    let view = h.state().room().expect("the room is open");
    assert_eq!(view.kind, RoundKind::Points);
    assert_eq!(h.state().project().votes.len(), rounds_before + 1);
    let round = view.round;
    h.get_by_label(&format!("QR code: {}", view.url));
    h.get_by_label(&view.join_code);
    let a1 = format!("A{}", h.state().project().alternatives[0].id.0);
    let a2 = format!("A{}", h.state().project().alternatives[1].id.0);

    phone_answers(
        &view.url,
        "Anna",
        &format!("{{\"points\": {{\"{a1}\": 70, \"{a2}\": 30}}}}"),
    );
    frames(&mut h);
    h.get_by_label("1 joined · 1 answered");
    assert!(
        points_of(&h, round).is_empty(),
        "blind: nothing in the round yet"
    );

    click(&mut h, "👁 Reveal the answers");
    let kept = points_of(&h, round);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].0, "Anna");
    let Answer::Points(shares) = &kept[0].1 else {
        panic!("points")
    };
    assert_eq!(
        shares.iter().map(|s| s.points).collect::<Vec<_>>(),
        [70, 30]
    );

    // After reveal, new answers reach the round as they come.
    phone_answers(
        &view.url,
        "Ben",
        &format!("{{\"points\": {{\"{a2}\": 100}}}}"),
    );
    frames(&mut h);
    assert_eq!(points_of(&h, round).len(), 2);

    click(&mut h, "⏹ Close the round");
    assert!(h.state().room().is_none());
    assert_eq!(points_of(&h, round).len(), 2);
    let host = view
        .url
        .strip_prefix("http://")
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        TcpStream::connect_timeout(&host.parse().unwrap(), Duration::from_secs(2)).is_err(),
        "the server stopped"
    );
    // Undo takes the answers out again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(points_of(&h, round).len() < 2);
}

#[test]
fn the_palette_opens_a_room_and_presentation_mode_shows_the_code_until_the_round_starts() {
    let mut h = {
        let mut app = Workbench::with_sample(0);
        app.set_room_network(Some(LOOPBACK), 0);
        let mut h = egui_kittest::Harness::builder()
            .with_size([1920.0, 1080.0])
            .build_ui_state(|ui, app: &mut Workbench| app.ui_root(ui), app);
        h.run();
        h
    };
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Command")
        .type_text("room ranking alternatives");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let view = h.state().room().expect("opened from the palette");
    assert_eq!(view.kind, RoundKind::Ranking);
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().is_presenting());
    h.get_by_label("Scan to take part");
    h.get_by_label("▶ Start the round").click();
    h.run();
    assert!(h.query_by_label("Scan to take part").is_none());
    assert!(h.state().room().expect("still open").started);
    // The same question is answerable by phones, and closing from the palette works too.
    let ids: Vec<String> = h
        .state()
        .project()
        .alternatives
        .iter()
        .rev()
        .map(|a| format!("\"A{}\"", a.id.0))
        .collect();
    phone_answers(
        &view.url,
        "Anna",
        &format!("{{\"ranking\": [{}]}}", ids.join(", ")),
    );
    frames(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Command").type_text("room: close");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().room().is_none());
    let round = h
        .state()
        .project()
        .votes
        .iter()
        .find(|r| r.id == view.round)
        .unwrap();
    assert_eq!(
        round.responses.len(),
        1,
        "closing reveals and keeps the answers"
    );
}

#[test]
fn a_window_that_goes_down_with_the_room_open_brings_it_back_with_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let url;
    let round;
    {
        let mut app = Workbench::with_sample(0);
        app.start_recovery(dir.path());
        let mut h = loopback_room(app);
        open_room_for(&mut h, "Ranking");
        let view = h.state().room().unwrap();
        url = view.url.clone();
        round = view.round;
        let ids: Vec<String> = h
            .state()
            .project()
            .alternatives
            .iter()
            .map(|a| format!("\"A{}\"", a.id.0))
            .collect();
        phone_answers(
            &url,
            "Anna",
            &format!("{{\"ranking\": [{}]}}", ids.join(", ")),
        );
        frames(&mut h);
        // The window goes down without closing the round (its slot's lock goes with it).
    }
    let mut app = Workbench::with_sample(0);
    app.start_recovery(dir.path());
    let mut h = loopback_room(app);
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.step();
    settle(&mut h);
    let view = h.state().room().expect("the room is open again");
    assert_eq!(view.round, round);
    assert_eq!(view.progress.answered, 1, "the answer given before is back");
    click(&mut h, "⏹ Close the round");
    let r = h
        .state()
        .project()
        .votes
        .iter()
        .find(|r| r.id == round)
        .unwrap();
    assert_eq!(r.responses.len(), 1);
    assert_eq!(r.responses[0].participant, "Anna");
}

#[test]
fn the_map_shows_where_the_room_placed_the_alternatives() {
    // The bakery's placing round: the service alternative (3) at quality 5.3 ± 0.7 and risk
    // 5.3 ± 1.0 over seven answers (population spreads of 5 6 6 5 5 6 4 and 5 6 7 4 5 6 4).
    let mut h = harness(Workbench::with_sample(0));
    open_pane(&mut h, PaneKind::Map);
    assert!(h.state().sections().map_room);
    h.get_by_label("◆ room's placing");
    let hover_service = |h: &mut egui_kittest::Harness<'_, Workbench>| {
        let geometry = pbsm::app::plots::alternatives_map::last_geometry(&h.ctx).unwrap();
        let (_, centre, _) = *geometry
            .bubbles
            .iter()
            .find(|(id, ..)| *id == pbsm::model::AlternativeId(3))
            .unwrap();
        h.hover_at(centre);
        h.run();
    };
    hover_service(&mut h);
    h.get_by_label_contains("The room placed it at quality 5.3 ± 0.7, risk 5.3 ± 1.0 (7 answers)");
    // Turned off, the map and its tooltip say nothing of the room.
    h.hover_at(egui::pos2(5.0, 5.0));
    h.get_by_label("◆ room's placing").click();
    h.run();
    assert!(!h.state().sections().map_room);
    hover_service(&mut h);
    assert!(
        h.query_by_label_contains("The room placed it").is_none(),
        "the room's placing is hidden"
    );
}

/// The criteria's weights, in their order.
fn weights(h: &egui_kittest::Harness<'_, Workbench>) -> Vec<f64> {
    h.state()
        .project()
        .decision
        .criteria
        .iter()
        .map(|c| c.weight)
        .collect()
}

#[test]
fn the_decision_pane_takes_the_rooms_weights_in_one_undo_step() {
    let mut h = harness(Workbench::with_sample(0));
    let before = weights(&h);
    let room = pbsm::analysis::room::latest_weights(
        h.state().project(),
        &pbsm::analysis::decision::evaluate(h.state().project()),
    )
    .expect("the bakery's pairwise round");
    open_pane(&mut h, PaneKind::Decision);
    h.state_mut().sections_mut().decision = pbsm::app::state::DecisionSection::Weights;
    h.run();
    h.get_by_label_contains("(pairwise round of 2026-03-17, 7 participants");
    h.get_by_role_and_label(Role::Button, "Use the room's weights")
        .click();
    h.run();
    let now = weights(&h);
    for ((_, theirs), ours) in room.weights.iter().zip(&now) {
        assert!(
            (theirs - ours).abs() < 1e-9,
            "{:?} against {now:?}",
            room.weights
        );
    }
    assert_ne!(now, before);
    h.get_by_label_contains("The current weights are the room's.");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let undone = weights(&h);
    assert_eq!(undone, before, "one undo step back");
}
