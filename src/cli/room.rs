//! `pbsm-workbench room FILE`: a round answered from phones without a window. Serves the
//! round until Ctrl+C or the facilitator's Close, then writes the answers into FILE.

use super::{EXIT_INVALID, Lines};
use crate::io::{self, recovery};
use crate::model::{Project, Question, VotingRound};
use crate::room::journal::{self, Journal};
use crate::room::server::{Room, RoomConfig, interfaces};
use crate::room::state::Phase;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The round `number`, or without one the latest by date (the last listed of a day).
pub fn pick_round(project: &Project, number: Option<u32>) -> Result<&VotingRound, String> {
    match number {
        Some(n) => project
            .votes
            .iter()
            .find(|r| r.id.0 == n)
            .ok_or_else(|| format!("the project has no voting round {n}")),
        None => project
            .votes
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.date, *i))
            .map(|(_, r)| r)
            .ok_or_else(|| {
                "the project has no voting round; add one in the window first".to_owned()
            }),
    }
}

/// Refuses a question with nothing to answer on.
pub fn answerable(question: &Question, round: &VotingRound) -> Result<(), String> {
    let (empty, what) = if question.kind.on_criteria() {
        (question.criteria.is_empty(), "criteria")
    } else if round.subject == crate::model::VoteSubject::Options {
        (question.items.is_empty(), "options")
    } else {
        (question.items.is_empty(), "alternatives")
    };
    if empty {
        Err(format!(
            "voting round {} has nothing to answer on: the project has no {what}",
            round.id.0
        ))
    } else {
        Ok(())
    }
}

/// The default address: the one this machine reaches the local network on, else loopback
/// (the first of [`interfaces`], as the window offers them).
pub fn default_bind() -> IpAddr {
    interfaces()
        .into_iter()
        .map(|(_, ip)| ip)
        .next()
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// The QR code of `text` for a terminal (light modules drawn, for dark terminals), with its
/// quiet zone.
pub fn qr_text(text: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

/// Runs the `room` command; returns the exit code.
pub fn room(
    file: &Path,
    round: Option<u32>,
    bind: Option<IpAddr>,
    port: u16,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (mut out, mut err) = (Lines::new(out), Lines::new(err));
    let Some(project) = super::load_or_report(file, &mut err) else {
        return EXIT_INVALID;
    };
    let (question, round_id) = match pick_round(&project, round).and_then(|r| {
        let q = Question::of(r, &project);
        answerable(&q, r).map(|()| (q, r.id))
    }) {
        Ok(found) => found,
        Err(e) => {
            err.say(format_args!("{}: {e}", file.display()));
            return EXIT_INVALID;
        }
    };
    let claim = match recovery::claim(&recovery::default_dir()) {
        Ok(c) => c,
        Err(e) => {
            err.say(format_args!("cannot claim a recovery slot: {e}"));
            return 1;
        }
    };
    // A room of the same file and round that was killed comes back with its answers.
    let wanted = canonical(file);
    let found = claim
        .rooms
        .into_iter()
        .map(|r| (r.slot, r.journal))
        .chain(
            claim
                .orphans
                .into_iter()
                .filter_map(|o| o.room_journal.map(|j| (o.slot, j))),
        )
        .find_map(|(slot, path)| {
            let j = journal::read(&path).ok()?;
            let same = j.header.round == round_id.0
                && j.header.file.as_deref().map(canonical).as_ref() == Some(&wanted);
            same.then_some((slot, path, j))
        });
    let (_slot, journal_path, resume): (recovery::Slot, PathBuf, Option<Journal>) = match found {
        Some((slot, path, j)) => (slot, path, Some(j)),
        None => {
            let path = claim.slot.room_journal();
            (claim.slot, path, None)
        }
    };
    let bind = bind.unwrap_or_else(default_bind);
    let resumed = resume.is_some();
    let config = RoomConfig {
        bind,
        port,
        question,
        round: round_id,
        file: Some(wanted),
        journal: journal_path.clone(),
        resume,
    };
    let room = match Room::open(config, Arc::new(|| {})) {
        Ok(r) => r,
        Err(e) => {
            err.say(format_args!("{e}"));
            return 1;
        }
    };
    if resumed {
        out.say(format_args!(
            "Resuming the round with {} answers from {}",
            room.progress().answered,
            journal_path.display()
        ));
    }
    let port = room.addr().port();
    out.say(format_args!("Join: {}", room.url()));
    out.say(format_args!(
        "Or open {} and type the code {}",
        room.short_url(),
        room.join_code()
    ));
    out.say(format_args!("Facilitator: {}", room.host_url()));
    if let Some(qr) = qr_text(&room.url()) {
        out.say(format_args!("{qr}"));
    }
    out.say(format_args!(
        "If phones cannot connect, allow incoming TCP on port {port}, e.g. `sudo ufw allow {port}/tcp`"
    ));
    out.say(format_args!(
        "Ctrl+C or the facilitator's Close ends the round and saves the answers."
    ));
    wait(&room, &mut out);
    let answers = room.close();
    save_answers(file, &journal_path, round_id, answers, &mut out, &mut err)
}

/// Writes the round's answers into FILE as it is now on disk (someone may have edited it
/// meanwhile), atomically, then removes the journal. Whatever cannot be written stays in the
/// journal, and the same command resumes from it.
fn save_answers<'a>(
    file: &Path,
    journal_path: &Path,
    round_id: crate::model::VotingRoundId,
    answers: Vec<(String, crate::model::Answer)>,
    out: &mut Lines<'a>,
    err: &mut Lines<'a>,
) -> i32 {
    let kept_in_journal = |err: &mut Lines<'_>| {
        err.say(format_args!(
            "The answers are kept in {}; run the same command again to resume the round and save them.",
            journal_path.display()
        ));
        1
    };
    if answers.is_empty() {
        out.say(format_args!(
            "No answers came in; {} is left as it was",
            file.display()
        ));
        if let Err(e) = journal::remove(journal_path) {
            err.say(format_args!(
                "cannot remove the journal {}: {e}",
                journal_path.display()
            ));
        }
        return super::exit_code(0, &[out, err]);
    }
    let mut project = match io::load(file) {
        Ok(p) => p,
        Err(e) => {
            err.say(format_args!("cannot write the answers into the file: {e}"));
            return kept_in_journal(err);
        }
    };
    let Some(round) = project.votes.iter().find(|r| r.id == round_id) else {
        err.say(format_args!(
            "{}: voting round {} is no longer in the file",
            file.display(),
            round_id.0
        ));
        return kept_in_journal(err);
    };
    let question = Question::of(round, &project);
    let (fitting, left_out): (Vec<_>, Vec<_>) = answers
        .into_iter()
        .partition(|(_, answer)| question.check_kept(answer).is_ok());
    let count = fitting.len();
    if let Some(round) = project.votes.iter_mut().find(|r| r.id == round_id) {
        for (name, answer) in fitting {
            round.record(&name, answer);
        }
    }
    if let Err(e) = io::save(&project, file) {
        err.say(format_args!("{e}"));
        return kept_in_journal(err);
    }
    out.say(format_args!("Saved {count} answers to {}", file.display()));
    if !left_out.is_empty() {
        let names: Vec<&str> = left_out.iter().map(|(n, _)| n.as_str()).collect();
        err.say(format_args!(
            "{} answers no longer fit the round in the file (an item or criterion was removed meanwhile) and were not saved: {}",
            left_out.len(),
            names.join(", ")
        ));
        return kept_in_journal(err);
    }
    if let Err(e) = journal::remove(journal_path) {
        err.say(format_args!(
            "cannot remove the journal {}: {e}",
            journal_path.display()
        ));
    }
    super::exit_code(0, &[out, err])
}

/// Prints the progress as it changes until Ctrl+C, a termination signal or the facilitator
/// closes the round.
fn wait(room: &Room, out: &mut Lines<'_>) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return;
    };
    runtime.block_on(async {
        let mut last = None;
        // Both handlers are in place before the first progress line: `ctrl_c()` would only
        // register on its first poll, and a Ctrl+C right after that line killed the process
        // without saving (a test that interrupts at once found it).
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).ok();
        // `kill PID` (SIGTERM) saves the answers too; only SIGKILL leaves them to the journal.
        let mut terminate = signal(SignalKind::terminate()).ok();
        let stopped = async {
            let one = async {
                match interrupt.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let other = async {
                match terminate.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = one => {}
                () = other => {}
            }
        };
        tokio::pin!(stopped);
        loop {
            let p = room.progress();
            if last != Some((p.joined, p.answered)) {
                out.say(format_args!("{} joined, {} answered", p.joined, p.answered));
                last = Some((p.joined, p.answered));
            }
            if p.phase == Phase::Closed {
                return;
            }
            tokio::select! {
                () = &mut stopped => return,
                () = tokio::time::sleep(Duration::from_millis(200)) => {}
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, RoundKind, VoteSubject};

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_latest_round_by_date_is_picked_and_an_empty_one_refused() {
        let mut p = io::SAMPLES[0].load().unwrap();
        p.votes.clear();
        assert!(
            pick_round(&p, None)
                .unwrap_err()
                .contains("no voting round")
        );
        let old = p.new_room_round(RoundKind::Points, VoteSubject::Alternatives, today(), false);
        let new = p.new_room_round(RoundKind::Scale, VoteSubject::Alternatives, today(), false);
        if let Some(r) = p.votes.iter_mut().find(|r| r.id == old) {
            r.date = Date::new(2026, 12, 1).unwrap();
        }
        assert_eq!(pick_round(&p, None).unwrap().id, old);
        assert_eq!(pick_round(&p, Some(new.0)).unwrap().id, new);
        assert!(pick_round(&p, Some(999)).unwrap_err().contains("999"));

        let round = pick_round(&p, Some(new.0)).unwrap().clone();
        assert!(answerable(&Question::of(&round, &p), &round).is_ok());
        p.alternatives.clear();
        let refused = answerable(&Question::of(&round, &p), &round).unwrap_err();
        assert!(refused.contains("no alternatives"), "{refused}");
    }

    #[test]
    fn the_qr_code_is_drawn_with_blocks() {
        let qr = qr_text("http://192.168.1.20:8080/r/0123456789abcdef0123456789abcdef/").unwrap();
        assert!(qr.lines().count() > 15);
        assert!(qr.contains('█') || qr.contains('▀') || qr.contains('▄'));
    }
}
