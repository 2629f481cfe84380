//! The room's state while a round is open: who joined, what each answered, whether the
//! answers are revealed. No network and no files: the server and the window share it behind a
//! lock, and tests drive it directly.
//!
//! Blind until revealed: the state hands out the answers only through
//! [`RoomState::answers`], which the window calls when the facilitator reveals or closes the
//! round; before that anyone (the facilitator included) sees how many answered, not what.

use super::wire::{self, WireError, WireQuestion};
use crate::model::room::{MAX_NAME_CHARS, MAX_ROOM_PARTICIPANTS, Question};
use crate::model::{Answer, RoundKind};
use serde::{Deserialize, Serialize};

/// Where a round stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Answers come in; nobody sees them.
    Open,
    /// Answers come in and are shown.
    Revealed,
    /// No more answers; the server stops.
    Closed,
}

/// A participant's identity in a round: 128 random bits, as 32 hex digits. Handed out when
/// the phone joins, kept by the phone to change its answer or to come back after a reconnect.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ParticipantId(pub String);

impl ParticipantId {
    /// Whether `text` has the form of an id (32 lowercase hex digits).
    pub fn is_well_formed(text: &str) -> bool {
        text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }
}

/// One participant.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    /// Their id.
    pub id: ParticipantId,
    /// The name they gave, or "Participant N" in an anonymous round.
    pub name: String,
    /// Their latest accepted answer.
    pub answer: Option<Answer>,
}

/// Why the room refuses a request, with the HTTP status the server answers with.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoomError {
    /// The answer is malformed or not acceptable (400 or 422).
    #[error("{0}")]
    Answer(#[from] WireError),
    /// The participant id is unknown (404): the phone should join again.
    #[error("this phone has not joined the round (or the round was opened again); join again")]
    UnknownParticipant,
    /// The name is missing or unusable (422).
    #[error("{0}")]
    Name(String),
    /// The round is closed (409).
    #[error("the round is closed; answers are no longer taken")]
    Closed,
    /// The round has as many participants as it may (409).
    #[error("the room is full ({MAX_ROOM_PARTICIPANTS} participants)")]
    Full,
}

impl RoomError {
    /// The HTTP status code for this refusal.
    pub fn status(&self) -> u16 {
        match self {
            Self::Answer(WireError::Malformed(_)) => 400,
            Self::Answer(WireError::Refused(_)) | Self::Name(_) => 422,
            Self::UnknownParticipant => 404,
            Self::Closed | Self::Full => 409,
        }
    }
}

/// A change to journal: what [`RoomState`] accepted, in the order accepted. Replaying the
/// events of a journal on a fresh state gives the same state back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Event {
    /// A participant joined.
    Joined {
        /// Their id.
        id: ParticipantId,
        /// Their name as kept.
        name: String,
    },
    /// A participant answered (or changed their answer); the answer in its wire form.
    Answered {
        /// Their id.
        id: ParticipantId,
        /// The answer, as [`wire::answer_to_value`] writes it.
        answer: serde_json::Value,
    },
    /// The facilitator revealed the answers.
    Revealed,
    /// The round closed.
    Closed,
}

/// The state of one open round.
#[derive(Clone, Debug)]
pub struct RoomState {
    question: Question,
    wire_question: WireQuestion,
    participants: Vec<Participant>,
    phase: Phase,
}

/// What anyone may know while the answers are hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Phones that joined.
    pub joined: usize,
    /// Participants with an answer.
    pub answered: usize,
    /// Where the round stands.
    pub phase: Phase,
}

/// Cleans a name typed on a phone: control characters out, spaces trimmed, at most
/// [`MAX_NAME_CHARS`] characters.
pub fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned
        .trim()
        .chars()
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

impl RoomState {
    /// A round just opened, with nobody in it.
    pub fn new(question: Question) -> Self {
        Self {
            wire_question: WireQuestion::of(&question),
            question,
            participants: Vec::new(),
            phase: Phase::Open,
        }
    }

    /// The question.
    pub fn question(&self) -> &Question {
        &self.question
    }

    /// The question as the page gets it.
    pub fn wire_question(&self) -> &WireQuestion {
        &self.wire_question
    }

    /// How many joined and answered, and the phase.
    pub fn progress(&self) -> Progress {
        Progress {
            joined: self.participants.len(),
            answered: self
                .participants
                .iter()
                .filter(|p| p.answer.is_some())
                .count(),
            phase: self.phase,
        }
    }

    /// Where the round stands.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// A participant by id.
    pub fn participant(&self, id: &ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }

    /// Lets a phone in under `name` (ignored in an anonymous round) with the fresh id `id`.
    /// A repeated name gets a number ("Anna (2)"): two people may share a first name.
    pub fn join(&mut self, id: ParticipantId, name: &str) -> Result<Event, RoomError> {
        if self.phase == Phase::Closed {
            return Err(RoomError::Closed);
        }
        if self.participants.len() >= MAX_ROOM_PARTICIPANTS {
            return Err(RoomError::Full);
        }
        let name = if self.question.named {
            let cleaned = clean_name(name);
            if cleaned.is_empty() {
                return Err(RoomError::Name("please give your name".to_owned()));
            }
            self.free_name(&cleaned)
        } else {
            self.free_name(&format!("Participant {}", self.participants.len() + 1))
        };
        let event = Event::Joined {
            id: id.clone(),
            name: name.clone(),
        };
        self.participants.push(Participant {
            id,
            name,
            answer: None,
        });
        Ok(event)
    }

    fn free_name(&self, wanted: &str) -> String {
        let taken = |n: &str| self.participants.iter().any(|p| p.name == n);
        if !taken(wanted) {
            return wanted.to_owned();
        }
        (2..)
            .map(|k| format!("{wanted} ({k})"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| wanted.to_owned())
    }

    /// Takes an answer a phone sent (its JSON body), replacing the participant's earlier one.
    /// Nothing is stored unless it is accepted.
    pub fn answer(&mut self, id: &ParticipantId, body: &[u8]) -> Result<Event, RoomError> {
        if self.phase == Phase::Closed {
            return Err(RoomError::Closed);
        }
        let index = self
            .participants
            .iter()
            .position(|p| &p.id == id)
            .ok_or(RoomError::UnknownParticipant)?;
        let answer = wire::parse_answer(body, &self.question)?;
        let event = Event::Answered {
            id: id.clone(),
            answer: wire::answer_to_value(&answer),
        };
        self.participants[index].answer = Some(answer);
        Ok(event)
    }

    /// Shows the answers from now on.
    pub fn reveal(&mut self) -> Option<Event> {
        (self.phase == Phase::Open).then(|| {
            self.phase = Phase::Revealed;
            Event::Revealed
        })
    }

    /// Closes the round: no more answers.
    pub fn close(&mut self) -> Option<Event> {
        (self.phase != Phase::Closed).then(|| {
            self.phase = Phase::Closed;
            Event::Closed
        })
    }

    /// Every answer with its participant's name, in the order people joined. The one place
    /// answers leave the room: the window calls it on reveal and on close.
    pub fn answers(&self) -> Vec<(String, Answer)> {
        self.participants
            .iter()
            .filter_map(|p| p.answer.clone().map(|a| (p.name.clone(), a)))
            .collect()
    }

    /// Replays a journaled event (when a round comes back after a crash). Events that no
    /// longer fit (an answer the question now refuses) are skipped; returns whether it applied.
    pub fn replay(&mut self, event: &Event) -> bool {
        match event {
            Event::Joined { id, name } => {
                if self.participant(id).is_some()
                    || self.participants.len() >= MAX_ROOM_PARTICIPANTS
                {
                    return false;
                }
                self.participants.push(Participant {
                    id: id.clone(),
                    name: name.clone(),
                    answer: None,
                });
                true
            }
            Event::Answered { id, answer } => {
                let Ok(answer) = wire::answer_from_value(answer) else {
                    return false;
                };
                if self.question.check(&answer).is_err() {
                    return false;
                }
                match self.participants.iter_mut().find(|p| &p.id == id) {
                    Some(p) => {
                        p.answer = Some(answer);
                        true
                    }
                    None => false,
                }
            }
            Event::Revealed => self.reveal().is_some(),
            Event::Closed => self.close().is_some(),
        }
    }

    /// The kind of the round.
    pub fn kind(&self) -> RoundKind {
        self.question.kind
    }
}

#[cfg(test)]
mod tests;
