//! The open room of this window: the round the phones answer, started and stopped through
//! commands. Answers stay in the server, blind, until the facilitator reveals them; then they
//! go into the round (one undo step each time they change) and, when the round closes, the
//! server stops. The journal lies beside this window's recovery file, so a crashed window's
//! round comes back, with its answers, when its work is restored.

use super::Workbench;
use crate::app::room::{RoomView, qr::QrMatrix};
use crate::model::{Answer, Question, VotingRoundId};
use crate::room::server::{Room, RoomConfig};
use crate::room::state::Phase;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The open room.
pub(super) struct RoomSession {
    room: Room,
    /// The QR code of the join address, made once.
    qr: Option<QrMatrix>,
    /// Set by the server when something changed; read by the frame.
    changed: Arc<AtomicBool>,
    /// The answers last put into the round (after reveal).
    recorded: Vec<(String, Answer)>,
    /// Whether the facilitator started the round (presentation mode hides the QR).
    started: bool,
}

impl RoomSession {
    /// The round the room answers.
    pub(super) fn round(&self) -> VotingRoundId {
        self.room.round()
    }
}

impl Workbench {
    /// The machine's addresses the phones may reach, private ones first (looked up once).
    pub(super) fn room_interfaces(&mut self) -> &[(String, std::net::IpAddr)] {
        if self.interfaces.is_empty() {
            self.interfaces = crate::room::server::interfaces();
        }
        &self.interfaces
    }

    /// What the panes may know of the open room.
    pub(super) fn room_view(&self) -> Option<RoomView> {
        let session = self.room.as_ref()?;
        let room = &session.room;
        Some(RoomView {
            round: room.round(),
            kind: self
                .project
                .votes
                .iter()
                .find(|r| r.id == room.round())
                .map(|r| r.kind)
                .unwrap_or_default(),
            url: room.url(),
            short_url: room.short_url(),
            join_code: room.join_code(),
            host_url: room.host_url(),
            port: room.addr().port(),
            progress: room.progress(),
            qr: session.qr.clone(),
            started: session.started,
        })
    }

    /// Opens the room for `round`: starts the server on the chosen interface, writes the
    /// recovery file at once (so a crash from now on brings the round back with its answers)
    /// and journals every answer beside it.
    pub(super) fn open_room(&mut self, round: VotingRoundId, ctx: Option<&egui::Context>) {
        if self.room.is_some() {
            self.error(
                "The room is already open",
                "Close the open round first: the phones answer one round at a time.".to_owned(),
            );
            return;
        }
        let Some(r) = self.project.votes.iter().find(|r| r.id == round) else {
            return;
        };
        let question = Question::of(r, &self.project);
        if question.items.is_empty() && question.criteria.len() < 2 {
            let what = if r.kind.on_criteria() {
                "at least two criteria (pane 6, decision)"
            } else {
                "items to answer on (alternatives in pane 6, options in pane 5)"
            };
            self.error("The room cannot open", format!("The round needs {what}."));
            return;
        }
        let bind = self
            .room_choices
            .bind
            .or_else(|| self.room_interfaces().first().map(|(_, ip)| *ip))
            .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
        let journal = self.room_journal_path();
        let resume = crate::room::journal::read(&journal)
            .ok()
            .filter(|j| j.header.round == round.0);
        self.start_room(
            RoomConfig {
                bind,
                port: self.room_port,
                question,
                round,
                file: self.path.clone(),
                journal,
                resume,
            },
            ctx,
        );
    }

    /// Where this window journals the room's answers: beside its recovery file, or in the
    /// temporary folder when autosave is off (tests).
    fn room_journal_path(&self) -> std::path::PathBuf {
        self.recovery.as_ref().map_or_else(
            || {
                std::env::temp_dir().join(format!(
                    "pbsm-room-{}-{}.room.jsonl",
                    std::process::id(),
                    crate::room::random_hex().unwrap_or_default()
                ))
            },
            crate::io::recovery::Slot::room_journal,
        )
    }

    fn start_room(&mut self, config: RoomConfig, ctx: Option<&egui::Context>) {
        let changed = Arc::new(AtomicBool::new(true));
        let flag = Arc::clone(&changed);
        let ctx = ctx.cloned().or_else(|| self.ctx.clone());
        let on_change: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
            flag.store(true, Ordering::Release);
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        });
        let round = config.round;
        let resumed = config.resume.is_some();
        match Room::open(config, on_change) {
            Ok(room) => {
                let qr = QrMatrix::new(&room.url());
                self.status = if resumed {
                    format!(
                        "The room is open again with the answers given before ({}); phones rejoin with the same code",
                        crate::app::room::progress_words(room.progress())
                    )
                } else {
                    format!(
                        "The room is open at {} with code {}",
                        room.short_url(),
                        room.join_code()
                    )
                };
                self.room = Some(RoomSession {
                    room,
                    qr,
                    changed,
                    recorded: Vec::new(),
                    started: false,
                });
                self.sections.voting_round = Some(round);
                self.show_pane(crate::app::layout::PaneKind::Voting);
                // A crash from now on must find this window's work with the round in it.
                self.write_recovery_now();
                self.sync_room();
            }
            Err(e) => self.error("The room could not open", e.to_string()),
        }
    }

    /// Reveals the answers: they go into the round.
    pub(super) fn reveal_room(&mut self) {
        let Some(session) = &self.room else {
            self.status = "No room is open".to_owned();
            return;
        };
        session.room.reveal();
        self.sync_room();
        self.status =
            "Answers revealed: they are in the round (Edit → Undo takes them out)".to_owned();
    }

    /// Closes the round: the answers go into it, the server stops, the journal goes once the
    /// recovery file holds them.
    pub(super) fn close_room(&mut self) {
        let Some(session) = self.room.take() else {
            self.status = "No room is open".to_owned();
            return;
        };
        let round = session.room.round();
        let journal = session.room.journal_path().to_path_buf();
        let answers = session.room.close();
        let count = answers.len();
        self.record_answers(round, &answers);
        // The answers are in the project now; the journal may go once the recovery file (or
        // nothing: tests without autosave) has them.
        let kept = self.write_recovery_now();
        if kept && let Err(e) = crate::room::journal::remove(&journal) {
            self.status = format!(
                "The round closed, but its journal stays at {}: {e}",
                journal.display()
            );
            return;
        }
        self.status = format!(
            "The round closed with {count} answer(s); they are in the round (Edit → Undo takes them out)"
        );
    }

    /// Hides the full-screen QR code of presentation mode.
    pub(super) fn start_room_round(&mut self) {
        if let Some(session) = &mut self.room {
            session.started = true;
        }
    }

    /// Each frame: after reveal, new or changed answers go into the round; a round closed
    /// from the facilitator's page closes here too.
    pub(super) fn sync_room(&mut self) {
        let Some(session) = &mut self.room else {
            return;
        };
        if !session.changed.swap(false, Ordering::AcqRel) {
            return;
        }
        let progress = session.room.progress();
        if progress.phase == Phase::Closed {
            self.close_room();
            return;
        }
        if let Some(answers) = session.room.answers()
            && answers != session.recorded
        {
            let round = session.room.round();
            session.recorded = answers.clone();
            self.record_answers(round, &answers);
        }
    }

    /// Puts answers into a round as one undo step.
    fn record_answers(&mut self, round: VotingRoundId, answers: &[(String, Answer)]) {
        let Some(index) = self.project.votes.iter().position(|r| r.id == round) else {
            return;
        };
        self.commit();
        for (name, answer) in answers {
            self.project.votes[index].record(name, answer.clone());
        }
        self.commit();
    }

    /// Restores the room of a recovered window's slot, if it left a journal: the same round,
    /// address and code, with every answer given before the crash.
    pub(super) fn resume_room(&mut self) {
        let Some(slot) = &self.recovery else {
            return;
        };
        let path = slot.room_journal();
        if !path.exists() {
            return;
        }
        match crate::room::journal::read(&path) {
            Ok(journal) => {
                let round = VotingRoundId(journal.header.round);
                if self.project.votes.iter().any(|r| r.id == round) {
                    self.open_room(round, None);
                } else {
                    self.status = format!(
                        "The room's journal at {} is for a round this project does not have; it is kept",
                        path.display()
                    );
                }
            }
            Err(e) => self.error("The room's answers could not be read back", e.to_string()),
        }
    }
}
