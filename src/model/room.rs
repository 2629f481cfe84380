//! What a room of participants answers from their own phones: one question type per round
//! (dots, 100 points, a ranking, a scale per item, placing each alternative on the map, or
//! pairwise judgments on the criteria), and the rules an answer must keep to be accepted.
//!
//! A round's kind decides what its participants answer; [`Question`] is what the round asks,
//! with its items, and [`Question::check`] is the one rule that says whether an answer is
//! acceptable: the room server refuses anything else with the reason, and the project keeps
//! only answers that pass it (the validator checks loaded files with the same rule).
//!
//! Dots answers become ordinary [`Ballot`]s, so a dot round answered from phones looks like
//! one clicked in by the facilitator; every other kind keeps its answers as [`Response`]s.

use super::choice::{Choice, choice_enum};
use super::decision::Judgment;
use super::ids::{AlternativeId, CriterionId};
use super::project::Project;
use super::voting::{Ballot, Dots, VoteSubject, VoteTarget, VotingRound};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The points each participant shares out in a points round.
pub const POINTS_BUDGET: u32 = 100;

/// The top of the scale in a scale round (the scale runs from 1).
pub const SCALE_MAX: u8 = 5;

/// The top of both axes when placing an alternative (both run from 0).
pub const PLACING_MAX: f64 = 10.0;

/// The most participants a round answered from phones may have.
pub const MAX_ROOM_PARTICIPANTS: usize = 500;

/// The longest participant name kept, in characters.
pub const MAX_NAME_CHARS: usize = 60;

choice_enum! {
    /// What the participants of a round answer.
    RoundKind {
        /// Each participant puts a few dots on the items they would pursue, several on one if
        /// they feel strongly.
        Dots => "Dots",
        /// Each participant shares 100 points over the items: how strongly, not only which.
        Points => "100 points",
        /// Each participant puts every item in order, best first; agreement is Kendall's W.
        Ranking => "Ranking",
        /// Each participant rates each item from 1 to 5, or skips the items they cannot judge.
        Scale => "Scale per item",
        /// Each participant places each alternative on competitive quality and risk (0 to 10):
        /// the map shows where the room sees it beside where the analysis puts it.
        Placing => "Placing on the map",
        /// Each participant compares the criteria in pairs on Saaty's 1–9 scale; the group's
        /// weights come from the geometric mean of everyone's judgments.
        Pairwise => "Pairwise on the criteria",
    } default Dots
}

impl RoundKind {
    /// Whether the kind is about criteria (pairwise) rather than alternatives or options.
    pub fn on_criteria(self) -> bool {
        self == Self::Pairwise
    }

    /// Whether the kind can only be about strategy alternatives.
    pub fn alternatives_only(self) -> bool {
        self == Self::Placing
    }

    /// The question a new round of this kind puts to the room.
    pub fn default_question(self, subject: VoteSubject) -> &'static str {
        let alternatives = subject == VoteSubject::Alternatives;
        match (self, alternatives) {
            (Self::Dots, true) => "Which alternative should we pursue?",
            (Self::Dots, false) => "Which options matter most to us?",
            (Self::Points, true) => "How would you share 100 points over the alternatives?",
            (Self::Points, false) => "How would you share 100 points over the options?",
            (Self::Ranking, true) => "Put the alternatives in order, best first",
            (Self::Ranking, false) => "Put the options in order, most important first",
            (Self::Scale, true) => "How attractive is each alternative for us (1 to 5)?",
            (Self::Scale, false) => "How important is each option for us (1 to 5)?",
            (Self::Placing, _) => "Where do you see each alternative on quality and risk?",
            (Self::Pairwise, _) => "Which criterion matters more, and how much more?",
        }
    }
}

/// Points one participant gave one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// The item.
    pub on: VoteTarget,
    /// The points, at least 1.
    pub points: u32,
}

/// One participant's rating of one item on the 1–5 scale, or a skip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The item.
    pub on: VoteTarget,
    /// 1 to [`SCALE_MAX`]; `None` when the participant skipped the item.
    pub value: Option<u8>,
}

/// Where one participant sees one alternative on the map.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// The alternative.
    pub alternative: AlternativeId,
    /// Competitive quality, 0 to 10.
    pub quality: f64,
    /// Risk, 0 to 10.
    pub risk: f64,
}

/// One participant's answer to a round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// Dots on items (kept as a [`Ballot`] in the project).
    Dots(Vec<Dots>),
    /// 100 points shared over items; items without points are not listed.
    Points(Vec<Share>),
    /// Every item, best first.
    Ranking(Vec<VoteTarget>),
    /// A rating or a skip per item.
    Scale(Vec<Rating>),
    /// Each alternative placed (alternatives the participant did not place are not listed).
    Placing(Vec<Placement>),
    /// One judgment per pair of criteria (`value` = importance of `a` over `b`, 1/9 to 9).
    Pairwise(Vec<Judgment>),
}

impl Answer {
    /// The round kind this answer belongs to.
    pub fn kind(&self) -> RoundKind {
        match self {
            Self::Dots(_) => RoundKind::Dots,
            Self::Points(_) => RoundKind::Points,
            Self::Ranking(_) => RoundKind::Ranking,
            Self::Scale(_) => RoundKind::Scale,
            Self::Placing(_) => RoundKind::Placing,
            Self::Pairwise(_) => RoundKind::Pairwise,
        }
    }
}

/// One participant's answer as the project keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The participant's name, or "Participant N" in an anonymous round.
    pub participant: String,
    /// What they answered.
    pub answer: Answer,
}

/// What a round asks, with its items: what a phone shows and what an answer is checked
/// against.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The question put to the room.
    pub text: String,
    /// What is answered.
    pub kind: RoundKind,
    /// Alternatives or options (criteria for pairwise rounds, whatever this says).
    pub subject: VoteSubject,
    /// Dots each participant holds (dots rounds).
    pub dots_each: u32,
    /// The alternatives or options, with their names, in the project's order (empty for
    /// pairwise rounds).
    pub items: Vec<(VoteTarget, String)>,
    /// The criteria, with their names (pairwise rounds only).
    pub criteria: Vec<(CriterionId, String)>,
    /// Whether participants give their names.
    pub named: bool,
}

/// Why an answer is refused, in words for the participant's phone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The answer is of another kind than the round.
    #[error("this round asks for {expected}, not {got}")]
    WrongKind {
        /// The round's kind.
        expected: String,
        /// The answer's kind.
        got: String,
    },
    /// An item the round does not ask about.
    #[error("{0} is not one of this round's items")]
    UnknownItem(String),
    /// The same item twice.
    #[error("{0} is answered more than once")]
    Repeated(String),
    /// More dots than each participant holds.
    #[error("{used} dots placed, but each participant holds {held}")]
    TooManyDots {
        /// Dots placed.
        used: u32,
        /// Dots held.
        held: u32,
    },
    /// Points that do not add up to the budget.
    #[error("the points add up to {sum}; share exactly {POINTS_BUDGET}")]
    PointsOff {
        /// Their sum.
        sum: u64,
    },
    /// An entry with zero dots or points.
    #[error("{0} is listed with nothing on it")]
    Empty(String),
    /// A ranking that leaves items out.
    #[error("the ranking leaves out {0}; put every item in order")]
    Incomplete(String),
    /// A value outside its range.
    #[error("{what} is {value}, expected {range}")]
    OutOfRange {
        /// What the value is ("the rating of Loyalty club").
        what: String,
        /// The value given.
        value: String,
        /// The range allowed ("1 to 5").
        range: String,
    },
    /// Nothing answered at all.
    #[error("nothing answered yet")]
    Nothing,
    /// A pairwise answer that misses a pair.
    #[error("{0} is not judged; compare every pair")]
    MissingPair(String),
    /// A pairwise judgment of a criterion with itself.
    #[error("{0} is compared with itself")]
    SelfPair(String),
}

impl Question {
    /// What `round` of `project` asks.
    pub fn of(round: &VotingRound, project: &Project) -> Self {
        let criteria = if round.kind.on_criteria() {
            project
                .decision
                .criteria
                .iter()
                .map(|c| (c.id, c.name.clone()))
                .collect()
        } else {
            Vec::new()
        };
        Self {
            text: round.question.clone(),
            kind: round.kind,
            subject: round.subject,
            dots_each: round.dots_each,
            items: if round.kind.on_criteria() {
                Vec::new()
            } else {
                round.targets(project)
            },
            criteria,
            named: !round.anonymous,
        }
    }

    fn item_name(&self, target: VoteTarget) -> Option<&str> {
        self.items
            .iter()
            .find(|(t, _)| *t == target)
            .map(|(_, n)| n.as_str())
    }

    fn known(&self, target: VoteTarget) -> Result<&str, AnswerError> {
        self.item_name(target)
            .ok_or_else(|| AnswerError::UnknownItem(target_words(target)))
    }

    fn criterion_name(&self, id: CriterionId) -> Result<&str, AnswerError> {
        self.criteria
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, n)| n.as_str())
            .ok_or_else(|| AnswerError::UnknownItem(format!("criterion {id}")))
    }

    /// Whether `answer` is acceptable for this question: the right kind, only the round's
    /// items, each once, every value in its range, dots within what each holds, points adding
    /// up to [`POINTS_BUDGET`], a ranking of every item, a judgment for every pair of criteria.
    pub fn check(&self, answer: &Answer) -> Result<(), AnswerError> {
        self.check_as(answer, true)
    }

    /// Whether an answer kept in a project is still sound: as [`Self::check`], except that
    /// items and criteria added or removed since the round may leave a ranking or a pairwise
    /// answer incomplete and points short of the budget (never over it).
    pub fn check_kept(&self, answer: &Answer) -> Result<(), AnswerError> {
        self.check_as(answer, false)
    }

    fn check_as(&self, answer: &Answer, strict: bool) -> Result<(), AnswerError> {
        if answer.kind() != self.kind {
            return Err(AnswerError::WrongKind {
                expected: self.kind.label().to_lowercase(),
                got: answer.kind().label().to_lowercase(),
            });
        }
        let mut seen = HashSet::new();
        let mut once = |target: VoteTarget, name: &str| {
            if seen.insert(target) {
                Ok(())
            } else {
                Err(AnswerError::Repeated(name.to_owned()))
            }
        };
        match answer {
            Answer::Dots(dots) => {
                let mut used: u32 = 0;
                for d in dots {
                    let name = self.known(d.on)?;
                    once(d.on, name)?;
                    if d.count == 0 {
                        return Err(AnswerError::Empty(name.to_owned()));
                    }
                    used = used.saturating_add(d.count);
                }
                if used > self.dots_each {
                    return Err(AnswerError::TooManyDots {
                        used,
                        held: self.dots_each,
                    });
                }
                if strict && used == 0 {
                    return Err(AnswerError::Nothing);
                }
            }
            Answer::Points(shares) => {
                let mut sum: u64 = 0;
                for s in shares {
                    let name = self.known(s.on)?;
                    once(s.on, name)?;
                    if s.points == 0 {
                        return Err(AnswerError::Empty(name.to_owned()));
                    }
                    sum += u64::from(s.points);
                }
                if sum > u64::from(POINTS_BUDGET) || (strict && sum != u64::from(POINTS_BUDGET)) {
                    return Err(AnswerError::PointsOff { sum });
                }
            }
            Answer::Ranking(order) => {
                for t in order {
                    let name = self.known(*t)?;
                    once(*t, name)?;
                }
                if let Some((_, missing)) = self.items.iter().find(|(t, _)| !order.contains(t))
                    && strict
                {
                    return Err(AnswerError::Incomplete(missing.clone()));
                }
            }
            Answer::Scale(ratings) => {
                for r in ratings {
                    let name = self.known(r.on)?;
                    once(r.on, name)?;
                    if let Some(v) = r.value
                        && !(1..=SCALE_MAX).contains(&v)
                    {
                        return Err(AnswerError::OutOfRange {
                            what: format!("the rating of {name}"),
                            value: v.to_string(),
                            range: format!("1 to {SCALE_MAX}"),
                        });
                    }
                }
                if strict && ratings.iter().all(|r| r.value.is_none()) {
                    return Err(AnswerError::Nothing);
                }
            }
            Answer::Placing(places) => {
                for p in places {
                    let target = VoteTarget::Alternative(p.alternative);
                    let name = self.known(target)?;
                    once(target, name)?;
                    for (axis, value) in [("competitive quality", p.quality), ("risk", p.risk)] {
                        if !(0.0..=PLACING_MAX).contains(&value) {
                            return Err(AnswerError::OutOfRange {
                                what: format!("the {axis} of {name}"),
                                value: crate::format::trim_number(value),
                                range: "0 to 10".to_owned(),
                            });
                        }
                    }
                }
                if strict && places.is_empty() {
                    return Err(AnswerError::Nothing);
                }
            }
            Answer::Pairwise(judgments) => self.check_pairs(judgments, strict)?,
        }
        Ok(())
    }

    fn check_pairs(&self, judgments: &[Judgment], strict: bool) -> Result<(), AnswerError> {
        let mut pairs = HashSet::new();
        for j in judgments {
            let a = self.criterion_name(j.a)?;
            let b = self.criterion_name(j.b)?;
            if j.a == j.b {
                return Err(AnswerError::SelfPair(a.to_owned()));
            }
            let key = (j.a.min(j.b), j.a.max(j.b));
            if !pairs.insert(key) {
                return Err(AnswerError::Repeated(format!("{a} against {b}")));
            }
            if !is_saaty_value(j.value) {
                return Err(AnswerError::OutOfRange {
                    what: format!("the judgment of {a} against {b}"),
                    value: crate::format::trim_number(j.value),
                    range: "1/9 to 9 on Saaty's scale".to_owned(),
                });
            }
        }
        if !strict {
            return Ok(());
        }
        for (i, (a, an)) in self.criteria.iter().enumerate() {
            for (b, bn) in &self.criteria[i + 1..] {
                if !pairs.contains(&((*a).min(*b), (*a).max(*b))) {
                    return Err(AnswerError::MissingPair(format!("{an} against {bn}")));
                }
            }
        }
        Ok(())
    }
}

/// Whether `value` is on Saaty's scale: 1 to 9 or 1/2 to 1/9 (whole numbers and their
/// reciprocals).
pub fn is_saaty_value(value: f64) -> bool {
    if !value.is_finite() || value <= 0.0 {
        return false;
    }
    let whole = if value >= 1.0 { value } else { 1.0 / value };
    (1.0..=9.0).contains(&whole) && (whole - whole.round()).abs() < 1e-9
}

fn target_words(target: VoteTarget) -> String {
    match target {
        VoteTarget::Alternative(id) => format!("alternative {id}"),
        VoteTarget::Option(id) => format!("option {id}"),
    }
}

impl VotingRound {
    /// The participants who answered: ballots with dots (dots rounds) or responses.
    pub fn answered(&self) -> usize {
        match self.kind {
            RoundKind::Dots => self.ballots.iter().filter(|b| b.used() > 0).count(),
            _ => self.responses.len(),
        }
    }

    /// Records one participant's answer, replacing an earlier one under the same name. The
    /// answer must have passed [`Question::check`]; one of another kind is ignored (returns
    /// false).
    pub fn record(&mut self, participant: &str, answer: Answer) -> bool {
        if answer.kind() != self.kind {
            return false;
        }
        match answer {
            Answer::Dots(dots) => {
                let ballot = Ballot {
                    participant: participant.to_owned(),
                    dots,
                };
                match self
                    .ballots
                    .iter_mut()
                    .find(|b| b.participant == participant)
                {
                    Some(b) => *b = ballot,
                    None => self.ballots.push(ballot),
                }
            }
            answer => {
                let response = Response {
                    participant: participant.to_owned(),
                    answer,
                };
                match self
                    .responses
                    .iter_mut()
                    .find(|r| r.participant == participant)
                {
                    Some(r) => *r = response,
                    None => self.responses.push(response),
                }
            }
        }
        true
    }

    /// Removes the answers about an item that left the project (an alternative or option);
    /// a ranking keeps the order of the others, a response with nothing left goes.
    pub(super) fn forget_in_responses(&mut self, target: VoteTarget) {
        for r in &mut self.responses {
            match &mut r.answer {
                Answer::Dots(d) => d.retain(|d| d.on != target),
                Answer::Points(s) => s.retain(|s| s.on != target),
                Answer::Ranking(order) => order.retain(|t| *t != target),
                Answer::Scale(ratings) => ratings.retain(|x| x.on != target),
                Answer::Placing(places) => {
                    places.retain(|p| VoteTarget::Alternative(p.alternative) != target);
                }
                Answer::Pairwise(_) => {}
            }
        }
        self.responses.retain(|r| !r.is_empty());
    }

    /// Removes the judgments on a criterion that left the project.
    pub fn forget_criterion(&mut self, id: CriterionId) {
        for r in &mut self.responses {
            if let Answer::Pairwise(judgments) = &mut r.answer {
                judgments.retain(|j| j.a != id && j.b != id);
            }
        }
        self.responses.retain(|r| !r.is_empty());
    }
}

impl Response {
    /// Whether the answer says nothing any more.
    fn is_empty(&self) -> bool {
        match &self.answer {
            Answer::Dots(d) => d.is_empty(),
            Answer::Points(s) => s.is_empty(),
            Answer::Ranking(o) => o.is_empty(),
            Answer::Scale(r) => r.iter().all(|r| r.value.is_none()),
            Answer::Placing(p) => p.is_empty(),
            Answer::Pairwise(j) => j.is_empty(),
        }
    }
}

impl Project {
    /// Starts a round of `kind` for the room to answer from their phones, dated `today`, with
    /// no participants yet (they join with their phones) and the kind's question. A placing
    /// round is always on the alternatives. Returns its id.
    pub fn new_room_round(
        &mut self,
        kind: RoundKind,
        subject: VoteSubject,
        today: super::date::Date,
        anonymous: bool,
    ) -> super::ids::VotingRoundId {
        let subject = if kind.alternatives_only() || kind.on_criteria() {
            VoteSubject::Alternatives
        } else {
            subject
        };
        let id = self.new_voting_round(subject, today);
        if let Some(round) = self.votes.iter_mut().find(|r| r.id == id) {
            round.kind = kind;
            round.question = kind.default_question(subject).to_owned();
            round.ballots.clear();
            round.anonymous = anonymous;
        }
        id
    }
}

#[cfg(test)]
mod tests;
