//! The room page in a real browser: headless Chromium driven through chromedriver (Debian's
//! `chromium` and `chromium-driver`), a phone-sized window (360 × 740), a room served on
//! 127.0.0.1 and nothing else. For each of the six kinds a participant joins, answers by
//! clicking the controls, sends, and the room holds exactly that answer; the page also shows
//! refusals, brings an answer back after a reload, shows the reveal, and never scrolls
//! sideways, even with 60-character item names. Screenshots land in /tmp/room-page-<kind>.png.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use fantoccini::{Client, ClientBuilder, Locator, elements::Element, key::Key};
use pbsm::model::room::Question;
use pbsm::model::{AlternativeId, Choice, CriterionId, RoundKind, VoteSubject, VoteTarget};
use pbsm::room::wire::answer_to_value;
use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const LONG: &str = "A sixty-character alternative name that must wrap on a phone";
/// How long a step may take (generous: CI runs the other test binaries alongside).
const WAIT: Duration = Duration::from_secs(15);

/// The real room server on 127.0.0.1, journaling into a folder of its own.
struct Room {
    room: Option<pbsm::room::server::Room>,
    _dir: tempfile::TempDir,
}

impl Room {
    fn open(question: Question) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let room = pbsm::room::server::Room::open(
            pbsm::room::server::RoomConfig {
                bind: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
                port: 0,
                question,
                round: pbsm::model::VotingRoundId(1),
                file: None,
                journal: dir.path().join("room.jsonl"),
                resume: None,
            },
            std::sync::Arc::new(|| {}),
        )
        .unwrap();
        Self {
            room: Some(room),
            _dir: dir,
        }
    }

    fn live(&self) -> &pbsm::room::server::Room {
        self.room.as_ref().unwrap()
    }

    fn url(&self) -> String {
        self.live().url()
    }

    fn reveal(&self) {
        self.live().reveal();
    }

    fn answers(&self) -> Option<Vec<(String, pbsm::model::Answer)>> {
        self.live().answers()
    }

    /// Closes the round; the server stops.
    fn close(&mut self) -> Vec<(String, pbsm::model::Answer)> {
        self.room.take().unwrap().close()
    }
}

/// Kills chromedriver, and the browser of this test's own profile if chromedriver left it
/// behind (a session not closed when a step fails), however the test ends.
struct Driver {
    child: Child,
    profile: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Only processes started with this test's fresh --user-data-dir.
        let marker = format!("--user-data-dir={}", self.profile);
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return;
        };
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<i32>().ok())
            else {
                continue;
            };
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
                continue;
            };
            if cmdline
                .split(|b| *b == 0)
                .any(|arg| arg == marker.as_bytes())
            {
                // SAFETY: kill(2) on a process id we read just now; no memory is involved.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

async fn start_browser(profile: &Path) -> (Driver, Client) {
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver {
        child,
        profile: profile.display().to_string(),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not answer");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Nothing but the loopback address resolves.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--window-size=360,740",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = tokio::time::timeout(
        Duration::from_secs(20),
        ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}")),
    )
    .await
    .expect("the browser session starts in time")
    .expect("a browser session");
    client
        .set_window_size(360, 740)
        .await
        .expect("a phone-sized window");
    (driver, client)
}

fn item(n: u32, name: &str) -> (VoteTarget, String) {
    (VoteTarget::Alternative(AlternativeId(n)), name.to_owned())
}

fn question(kind: RoundKind, named: bool) -> Question {
    Question {
        text: format!("What do you think? ({})", kind.label()),
        kind,
        subject: VoteSubject::Alternatives,
        dots_each: 3,
        items: if kind == RoundKind::Pairwise {
            Vec::new()
        } else {
            vec![
                item(1, "Loyalty club"),
                item(2, LONG),
                item(3, "Local events"),
            ]
        },
        criteria: if kind == RoundKind::Pairwise {
            vec![
                (CriterionId(1), "Quality".to_owned()),
                (CriterionId(2), "Risk".to_owned()),
                (CriterionId(3), LONG.to_owned()),
            ]
        } else {
            Vec::new()
        },
        named,
    }
}

/// A control by its accessible label: `aria-label`, or a `<label for>` with that text.
fn by_label(label: &str) -> String {
    assert!(
        !label.contains('\''),
        "labels in this test have no apostrophes"
    );
    format!(
        "//*[@aria-label='{label}'] | //*[@id=//label[normalize-space()='{label}']/@for] | //button[not(@aria-label)][normalize-space()='{label}']"
    )
}

async fn find(c: &Client, label: &str) -> Element {
    let xpath = by_label(label);
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no control labelled {label:?}: {e}"))
}

async fn click(c: &Client, label: &str) {
    find(c, label).await.click().await.expect(label);
}

async fn text_of(c: &Client, id: &str) -> String {
    c.find(Locator::Id(id))
        .await
        .expect(id)
        .text()
        .await
        .expect(id)
}

/// Waits until the element `id` shows `wanted`.
async fn wait_text(c: &Client, id: &str, wanted: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        let text = text_of(c, id).await;
        if text.contains(wanted) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "#{id} shows {text:?}, not {wanted:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn join(c: &Client, room: &Room, name: Option<&str>) {
    c.goto(&room.url()).await.expect("the page loads");
    match name {
        Some(name) => {
            find(c, "Your name").await.send_keys(name).await.unwrap();
            click(c, "Join").await;
            wait_text(c, "who", &format!("Answering as {name}.")).await;
        }
        None => {
            let button = c
                .wait()
                .at_most(WAIT)
                .for_element(Locator::XPath(
                    "//button[normalize-space()='Join the round']",
                ))
                .await
                .expect("the join button");
            button.click().await.unwrap();
            wait_text(c, "who", "You are Participant").await;
        }
    }
}

async fn send(c: &Client) {
    c.find(Locator::Id("send"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The server's message, or the page's own line, says the answer may still change.
    wait_text(c, "sent", "until the round closes.").await;
}

async fn send_enabled(c: &Client) -> bool {
    c.find(Locator::Id("send"))
        .await
        .unwrap()
        .is_enabled()
        .await
        .unwrap()
}

/// No sideways scrolling on the phone, and a screenshot to look at.
async fn phone_check(c: &Client, kind: &str) {
    let fits = c
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, width) = (fits[0].as_f64().unwrap(), fits[1].as_f64().unwrap());
    assert!(width <= 360.0, "{kind}: the window is {width} px wide");
    assert!(
        scroll <= width,
        "{kind}: the page is {scroll} px wide in a {width} px window"
    );
    // Under the server's Content-Security-Policy: the stylesheet applies, no inline styles.
    let css = c
        .execute(
            "return [document.querySelectorAll('[style]').length, getComputedStyle(document.body).fontSize];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(css, json!([0, "17px"]), "{kind}");
    let png = c.screenshot().await.unwrap();
    std::fs::write(format!("/tmp/room-page-{kind}.png"), png).unwrap();
}

/// The one answer the room holds, in its wire form.
fn only_answer(answers: Vec<(String, pbsm::model::Answer)>, name: &str) -> Value {
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0].0, name);
    answer_to_value(&answers[0].1)
}

async fn dots(c: &Client) {
    let mut room = Room::open(question(RoundKind::Dots, true));
    join(c, &room, Some("Anna")).await;
    wait_text(c, "counter", "3 of 3 dots left").await;
    click(c, "One dot more on Loyalty club").await;
    click(c, "One dot more on Loyalty club").await;
    click(c, &format!("One dot more on {LONG}")).await;
    wait_text(c, "counter", "0 of 3 dots left").await;
    // A fourth dot is not taken.
    click(c, "One dot more on Local events").await;
    wait_text(c, "counter", "0 of 3 dots left").await;
    send(c).await;
    phone_check(c, "dots").await;

    // Reconnect: after a reload the answer is shown again.
    c.refresh().await.unwrap();
    wait_text(c, "who", "Answering as Anna.").await;
    wait_text(c, "counter", "0 of 3 dots left").await;
    let count = find(c, "One dot more on Loyalty club")
        .await
        .find(Locator::XPath("preceding-sibling::output[1]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(count, "2");

    // The round closes (the server stops) before the next answer: the phone says it cannot
    // reach the workbench and keeps the input.
    click(c, "One dot less on Loyalty club").await;
    let kept = room.close();
    assert_eq!(
        only_answer(kept, "Anna"),
        json!({"dots": {"A1": 2, "A2": 1}})
    );
    assert!(send_enabled(c).await);
    c.find(Locator::Id("send"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_text(c, "send-error", "could not be reached").await;
    wait_text(c, "counter", "1 of 3 dots left").await;
}

async fn points(c: &Client) {
    let room = Room::open(question(RoundKind::Points, false));
    join(c, &room, None).await;
    for _ in 0..6 {
        click(c, "10 points more on Loyalty club").await;
    }
    wait_text(c, "counter", "40 of 100 points left").await;
    assert!(!send_enabled(c).await, "Send waits for exactly 100");
    let input = find(c, LONG).await;
    input.clear().await.unwrap();
    input.send_keys("50").await.unwrap();
    wait_text(c, "counter", "10 points too many").await;
    assert!(!send_enabled(c).await);
    click(c, &format!("10 points less on {LONG}")).await;
    wait_text(c, "counter", "0 of 100 points left").await;
    send(c).await;
    phone_check(c, "points").await;
    room.reveal();
    assert_eq!(
        only_answer(room.answers().expect("revealed"), "Participant 1"),
        json!({"points": {"A1": 60, "A2": 40}})
    );
    // The page follows the phase (polled every 3 s) and shows the room's totals.
    let deadline = Instant::now() + Duration::from_secs(8);
    while !text_of(c, "phase")
        .await
        .contains("The answers are revealed.")
    {
        assert!(Instant::now() < deadline, "the reveal is not shown");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    wait_text(c, "summary", "Loyalty club").await;
    wait_text(c, "summary", "60").await;
    c.execute(
        "document.getElementById('results').scrollIntoView();",
        vec![],
    )
    .await
    .unwrap();
    phone_check(c, "points-revealed").await;
}

async fn ranking(c: &Client) {
    let room = Room::open(question(RoundKind::Ranking, true));
    // A phone that joined an earlier opening of the round is asked to join again.
    c.goto(&room.url()).await.unwrap();
    c.execute(
        "localStorage.setItem('pbsm-room:' + location.pathname, '0123456789abcdef0123456789abcdef');",
        vec![],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    wait_text(c, "join-note", "Join again to answer.").await;
    phone_check(c, "join").await;
    join(c, &room, Some("Ben")).await;
    click(c, "Move Local events up").await;
    click(c, "Move Local events up").await;
    send(c).await;
    phone_check(c, "ranking").await;
    room.reveal();
    assert_eq!(
        only_answer(room.answers().expect("revealed"), "Ben"),
        json!({"ranking": ["A3", "A1", "A2"]})
    );
}

async fn scale(c: &Client) {
    let room = Room::open(question(RoundKind::Scale, true));
    join(c, &room, Some("Cleo")).await;
    assert!(!send_enabled(c).await, "nothing rated yet");
    click(c, "Loyalty club: 4 of 5").await;
    click(c, &format!("{LONG}: 1 of 5")).await;
    click(c, &format!("Skip {LONG}")).await;
    click(c, &format!("{LONG}: 2 of 5")).await;
    send(c).await;
    phone_check(c, "scale").await;
    room.reveal();
    assert_eq!(
        only_answer(room.answers().expect("revealed"), "Cleo"),
        json!({"scale": {"A1": 4, "A2": 2, "A3": null}})
    );
}

async fn placing(c: &Client) {
    let room = Room::open(question(RoundKind::Placing, true));
    join(c, &room, Some("Dev")).await;
    let quality = find(c, "Competitive quality of Loyalty club").await;
    quality
        .send_keys(&std::iter::repeat_n(char::from(Key::Right), 3).collect::<String>())
        .await
        .unwrap();
    let risk = find(c, "Risk of Loyalty club").await;
    let left: String = std::iter::repeat_n(char::from(Key::Left), 4).collect();
    risk.send_keys(&left).await.unwrap();
    click(c, &format!("Not sure, skip {LONG}")).await;
    send(c).await;
    phone_check(c, "placing").await;
    // Reconnect: the placing comes back after a reload.
    c.refresh().await.unwrap();
    wait_text(c, "who", "Answering as Dev.").await;
    wait_text(c, "controls", "strong): 6.5").await;
    wait_text(c, "counter", "2 of 3 placed").await;
    room.reveal();
    assert_eq!(
        only_answer(room.answers().expect("revealed"), "Dev"),
        json!({"placing": {
            "A1": {"quality": 6.5, "risk": 3.0},
            "A3": {"quality": 5.0, "risk": 5.0},
        }})
    );
}

async fn pairwise(c: &Client) {
    let room = Room::open(question(RoundKind::Pairwise, true));
    join(c, &room, Some("Eve")).await;
    find(c, "Quality against Risk")
        .await
        .select_by_label("Quality matters 3× more")
        .await
        .unwrap();
    find(c, &format!("Quality against {LONG}"))
        .await
        .select_by_label(&format!("{LONG} matters 5× more"))
        .await
        .unwrap();
    send(c).await;
    phone_check(c, "pairwise").await;
    // Reconnect: the judgments come back after a reload.
    c.refresh().await.unwrap();
    wait_text(c, "who", "Answering as Eve.").await;
    let meanings = c
        .execute(
            "return Array.from(document.querySelectorAll('#controls .meaning'), p => p.textContent);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        meanings,
        json!([
            "Quality matters 3× more",
            format!("{LONG} matters 5× more"),
            "Both matter equally"
        ])
    );
    room.reveal();
    assert_eq!(
        only_answer(room.answers().expect("revealed"), "Eve"),
        json!({"pairwise": [
            {"first": "C1", "second": "C2", "judgment": 3},
            {"first": "C1", "second": "C3", "judgment": -5},
            {"first": "C2", "second": "C3", "judgment": 1},
        ]})
    );
}

#[test]
fn the_room_page_answers_every_kind_on_a_phone() {
    for tool in [CHROMEDRIVER, CHROMIUM] {
        assert!(
            Path::new(tool).exists(),
            "{tool} is missing: apt-get install chromium chromium-driver"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let profile = tempfile::tempdir().unwrap();
    runtime.block_on(async {
        let (_driver, c) = start_browser(profile.path()).await;
        let all = async {
            dots(&c).await;
            points(&c).await;
            ranking(&c).await;
            scale(&c).await;
            placing(&c).await;
            pairwise(&c).await;
        };
        let outcome = tokio::time::timeout(Duration::from_secs(90), all).await;
        let _ = c.close().await;
        outcome.expect("the browser test finishes within 90 s");
    });
}
