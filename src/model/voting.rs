//! Dot voting: in a workshop, each participant distributes a fixed number of dots over the
//! options for action or over the strategy alternatives. The tally shows where the room leans;
//! it does not replace the decision analysis, it puts the room's view beside it. Each round is
//! kept in the project with its date.

use super::choice::choice_enum;
use super::date::Date;
use super::ids::{AlternativeId, OptionId, VotingRoundId, impl_has_id};
use super::project::Project;
use super::room::{Response, RoundKind};
use serde::{Deserialize, Serialize};

/// The most dots one participant may hold in a round.
pub const MAX_DOTS_EACH: u32 = 20;

/// The most participants a round may have.
pub const MAX_PARTICIPANTS: usize = 100;

/// The dots each participant gets in a new round: three is the common workshop practice.
pub const DEFAULT_DOTS_EACH: u32 = 3;

choice_enum! {
    /// What a round of dot voting is about.
    VoteSubject {
        /// The strategy alternatives (step 6); the tally is shown on the map.
        Alternatives => "Strategy alternatives",
        /// The options for action (step 5).
        Options => "Options for action",
    } default Alternatives
}

/// The item a participant put dots on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VoteTarget {
    /// A strategy alternative.
    Alternative(AlternativeId),
    /// An option for action.
    Option(OptionId),
}

impl VoteTarget {
    /// The subject of rounds that can vote on this target.
    pub fn subject(self) -> VoteSubject {
        match self {
            Self::Alternative(_) => VoteSubject::Alternatives,
            Self::Option(_) => VoteSubject::Options,
        }
    }
}

/// Some dots one participant put on one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dots {
    /// The item.
    pub on: VoteTarget,
    /// How many dots, at least 1.
    pub count: u32,
}

/// One participant's dots.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// The participant's name or number ("Participant 3", "Anna, head baker").
    pub participant: String,
    /// Where the dots went; items without dots are not listed.
    #[serde(default)]
    pub dots: Vec<Dots>,
}

impl Ballot {
    /// A ballot with no dots placed.
    pub fn new(participant: &str) -> Self {
        Self {
            participant: participant.to_owned(),
            dots: Vec::new(),
        }
    }

    /// The dots placed so far.
    pub fn used(&self) -> u32 {
        self.dots.iter().map(|d| d.count).sum()
    }

    /// The dots on one item.
    pub fn dots_on(&self, target: VoteTarget) -> u32 {
        self.dots
            .iter()
            .filter(|d| d.on == target)
            .map(|d| d.count)
            .sum()
    }

    /// Sets the dots on one item (0 removes it from the ballot).
    pub fn set(&mut self, target: VoteTarget, count: u32) {
        match self.dots.iter().position(|d| d.on == target) {
            Some(i) if count == 0 => {
                self.dots.remove(i);
            }
            Some(i) => self.dots[i].count = count,
            None if count > 0 => self.dots.push(Dots { on: target, count }),
            None => {}
        }
    }
}

/// One round of dot voting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotingRound {
    /// Stable id.
    pub id: VotingRoundId,
    /// The question put to the room ("Which alternative should we pursue?").
    pub question: String,
    /// The day of the vote.
    pub date: Date,
    /// Options or alternatives.
    pub subject: VoteSubject,
    /// How many dots each participant may place (several on one item are allowed).
    pub dots_each: u32,
    /// One ballot per participant.
    #[serde(default)]
    pub ballots: Vec<Ballot>,
    /// What the room concluded, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What the participants answer (dots unless the round says otherwise; version 4).
    #[serde(default, skip_serializing_if = "is_dots")]
    pub kind: RoundKind,
    /// The answers of rounds of every kind but dots (dots go into `ballots`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<Response>,
    /// Whether the answers are kept without names ("Participant 1", "Participant 2", …).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
}

fn is_dots(kind: &RoundKind) -> bool {
    *kind == RoundKind::Dots
}

impl_has_id!(VotingRound => VotingRoundId);

impl VotingRound {
    /// A new round with numbered participants and no dots placed.
    pub fn new(
        id: VotingRoundId,
        date: Date,
        subject: VoteSubject,
        participants: usize,
        dots_each: u32,
    ) -> Self {
        let question = RoundKind::Dots.default_question(subject);
        Self {
            id,
            question: question.to_owned(),
            date,
            subject,
            dots_each,
            ballots: (1..=participants)
                .map(|n| Ballot::new(&format!("Participant {n}")))
                .collect(),
            note: String::new(),
            kind: RoundKind::Dots,
            responses: Vec::new(),
            anonymous: false,
        }
    }

    /// The items this round votes on, with their names, in the project's order.
    pub fn targets(&self, project: &Project) -> Vec<(VoteTarget, String)> {
        match self.subject {
            VoteSubject::Alternatives => project
                .alternatives
                .iter()
                .map(|a| (VoteTarget::Alternative(a.id), a.name.clone()))
                .collect(),
            VoteSubject::Options => project
                .options
                .iter()
                .map(|o| (VoteTarget::Option(o.id), o.name.clone()))
                .collect(),
        }
    }

    /// The dots on each of `targets`, in their order, counted in one pass over the ballots
    /// (what a frame or a memo needs, instead of [`Self::tally_of`] per item).
    pub fn counts(&self, targets: &[(VoteTarget, String)]) -> Vec<u32> {
        let mut counts: std::collections::HashMap<VoteTarget, u32> =
            std::collections::HashMap::new();
        for dots in self.ballots.iter().flat_map(|b| &b.dots) {
            *counts.entry(dots.on).or_default() += dots.count;
        }
        targets
            .iter()
            .map(|(t, _)| counts.get(t).copied().unwrap_or(0))
            .collect()
    }

    /// The dots on one item, over all ballots.
    pub fn tally_of(&self, target: VoteTarget) -> u32 {
        self.ballots.iter().map(|b| b.dots_on(target)).sum()
    }

    /// The dots placed, over all ballots.
    pub fn total(&self) -> u32 {
        self.ballots.iter().map(Ballot::used).sum()
    }

    /// The dots the room holds: each participant's dots, over all participants.
    pub fn dots_held(&self) -> u32 {
        u32::try_from(self.ballots.len())
            .unwrap_or(u32::MAX)
            .saturating_mul(self.dots_each)
    }

    /// Takes every dot back: the vote starts again with the same participants.
    pub fn clear_dots(&mut self) {
        for b in &mut self.ballots {
            b.dots.clear();
        }
    }

    /// Adds one dot for a participant on an item if the participant has one left. Returns
    /// whether it was placed.
    pub fn add_dot(&mut self, ballot: usize, target: VoteTarget) -> bool {
        let limit = self.dots_each;
        let Some(b) = self.ballots.get_mut(ballot) else {
            return false;
        };
        if b.used() >= limit || target.subject() != self.subject {
            return false;
        }
        let count = b.dots_on(target) + 1;
        b.set(target, count);
        true
    }

    /// Takes one dot of a participant off an item. Returns whether there was one.
    pub fn remove_dot(&mut self, ballot: usize, target: VoteTarget) -> bool {
        let Some(b) = self.ballots.get_mut(ballot) else {
            return false;
        };
        let count = b.dots_on(target);
        if count == 0 {
            return false;
        }
        b.set(target, count - 1);
        true
    }

    /// Adds a participant, numbered after the ballots there are. Returns false at the limit.
    pub fn add_participant(&mut self) -> bool {
        if self.ballots.len() >= MAX_PARTICIPANTS {
            return false;
        }
        let mut n = self.ballots.len() + 1;
        while self
            .ballots
            .iter()
            .any(|b| b.participant == format!("Participant {n}"))
        {
            n += 1;
        }
        self.ballots.push(Ballot::new(&format!("Participant {n}")));
        true
    }

    /// Sets how many dots each participant holds; ballots with more dots than that lose
    /// their last-placed dots.
    pub fn set_dots_each(&mut self, dots_each: u32) {
        self.dots_each = dots_each.clamp(1, MAX_DOTS_EACH);
        for b in &mut self.ballots {
            while b.used() > self.dots_each {
                if let Some(last) = b.dots.last_mut() {
                    last.count -= 1;
                    if last.count == 0 {
                        b.dots.pop();
                    }
                }
            }
        }
    }

    /// Removes every dot on an item (when the item is removed from the project).
    pub fn forget(&mut self, target: VoteTarget) {
        for b in &mut self.ballots {
            b.dots.retain(|d| d.on != target);
        }
        self.forget_in_responses(target);
    }
}

impl Project {
    /// Starts a round of dot voting dated `today`, with the participants of the latest round
    /// (the same room votes again) or six numbered ones, three dots each. Returns its id.
    pub fn new_voting_round(&mut self, subject: VoteSubject, today: Date) -> VotingRoundId {
        let id = VotingRoundId(super::ids::next_id_number(&self.votes, |id| id.0));
        let mut round = VotingRound::new(id, today, subject, 6, DEFAULT_DOTS_EACH);
        let latest = self
            .votes
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.date, *i))
            .map(|(_, r)| r);
        if let Some(latest) = latest.filter(|r| !r.ballots.is_empty()) {
            round.ballots = latest
                .ballots
                .iter()
                .map(|b| Ballot::new(&b.participant))
                .collect();
            round.dots_each = latest.dots_each;
        }
        self.votes.push(round);
        id
    }
}

/// Rounds on more items than this list only the items that got dots in a tally.
pub const LIST_ALL_UP_TO: usize = 20;

/// The order in which a tally lists items, given their dots: most dots first (ties keep the
/// project's order); on rounds over more than [`LIST_ALL_UP_TO`] items, only items with dots.
pub fn tally_order(counts: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..counts.len())
        .filter(|i| counts.len() <= LIST_ALL_UP_TO || counts[*i] > 0)
        .collect();
    order.sort_by_key(|i| std::cmp::Reverse(counts[*i]));
    order
}

/// The latest round (by date, then by position) on a subject.
pub fn latest(rounds: &[VotingRound], subject: VoteSubject) -> Option<&VotingRound> {
    rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| r.subject == subject)
        .max_by_key(|(i, r)| (r.date, *i))
        .map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round() -> VotingRound {
        VotingRound::new(
            VotingRoundId(1),
            Date::new(2026, 11, 23).expect("a date"),
            VoteSubject::Alternatives,
            3,
            3,
        )
    }

    const A: VoteTarget = VoteTarget::Alternative(AlternativeId(1));
    const B: VoteTarget = VoteTarget::Alternative(AlternativeId(2));

    #[test]
    fn clearing_takes_every_dot_back_and_keeps_the_room() {
        let mut r = round();
        assert_eq!(r.dots_held(), 9);
        r.add_dot(0, A);
        r.add_dot(2, B);
        r.clear_dots();
        assert_eq!(r.total(), 0);
        assert_eq!(r.ballots.len(), 3);
        assert_eq!(r.dots_held(), 9);
        r.set_dots_each(5);
        assert_eq!(r.dots_held(), 15);
    }

    #[test]
    fn a_participant_cannot_place_more_dots_than_they_hold() {
        let mut r = round();
        assert!(r.add_dot(0, A));
        assert!(r.add_dot(0, A));
        assert!(r.add_dot(0, B));
        assert!(!r.add_dot(0, B), "the fourth dot must be refused");
        assert_eq!(r.ballots[0].used(), 3);
        assert_eq!(r.ballots[0].dots_on(A), 2);
        assert!(r.add_dot(1, B));
        assert_eq!(r.tally_of(A), 2);
        assert_eq!(r.tally_of(B), 2);
        assert_eq!(r.total(), 4);
    }

    #[test]
    fn dots_on_the_wrong_subject_or_a_missing_participant_are_refused() {
        let mut r = round();
        assert!(!r.add_dot(0, VoteTarget::Option(OptionId(1))));
        assert!(!r.add_dot(7, A));
        assert_eq!(r.total(), 0);
    }

    #[test]
    fn removing_a_dot_and_an_item_leaves_no_empty_entries() {
        let mut r = round();
        r.add_dot(0, A);
        r.add_dot(0, B);
        assert!(r.remove_dot(0, A));
        assert!(!r.remove_dot(0, A));
        assert_eq!(r.ballots[0].dots, vec![Dots { on: B, count: 1 }]);
        r.forget(B);
        assert!(r.ballots[0].dots.is_empty());
    }

    #[test]
    fn fewer_dots_each_trims_the_last_placed_dots() {
        let mut r = round();
        r.add_dot(0, A);
        r.add_dot(0, B);
        r.add_dot(0, B);
        r.set_dots_each(1);
        assert_eq!(r.ballots[0].dots, vec![Dots { on: A, count: 1 }]);
        r.set_dots_each(0);
        assert_eq!(r.dots_each, 1, "at least one dot each");
    }

    #[test]
    fn new_participants_get_a_free_number() {
        let mut r = round();
        r.ballots.remove(0);
        assert!(r.add_participant());
        let names: Vec<_> = r.ballots.iter().map(|b| b.participant.as_str()).collect();
        assert_eq!(names, ["Participant 2", "Participant 3", "Participant 4"]);
    }

    fn messages(p: &Project) -> Vec<String> {
        crate::model::validate(p)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_sample_with_votes_is_valid_and_bad_ballots_are_named() {
        let mut p = crate::io::SAMPLES[0].load().expect("sample");
        assert!(p.votes.iter().any(|r| r.total() > 0), "the sample votes");
        assert!(messages(&p).is_empty());
        let round = p
            .votes
            .iter_mut()
            .find(|r| r.subject == VoteSubject::Alternatives && r.kind == RoundKind::Dots)
            .expect("a dot round on alternatives");
        round.dots_each = 1;
        // Names are free text: an empty or repeated one is allowed.
        round.ballots[1].participant = round.ballots[0].participant.clone();
        round.ballots[4].participant.clear();
        round.ballots[2].dots.push(Dots {
            on: VoteTarget::Alternative(AlternativeId(99)),
            count: 1,
        });
        round.ballots[3].dots.push(Dots {
            on: VoteTarget::Option(OptionId(1)),
            count: 0,
        });
        let all = messages(&p).join("\n");
        assert!(
            all.contains("placed 3 dots, but each participant holds 1"),
            "{all}"
        );
        assert!(!all.contains("name"), "names are not checked: {all}");
        assert!(
            all.contains("put dots on alternative 99, which does not exist"),
            "{all}"
        );
        assert!(
            all.contains("put dots on option 1, but the round votes on strategy alternatives"),
            "{all}"
        );
        assert!(all.contains("lists option 1 with no dots"), "{all}");
    }

    #[test]
    fn removing_a_voted_item_removes_its_dots_and_keeps_the_project_valid() {
        let mut p = crate::io::SAMPLES[0].load().expect("sample");
        let before: u32 = p.votes.iter().map(VotingRound::total).sum();
        let alternative = AlternativeId(1);
        let option = OptionId(1);
        let on_them: u32 = p
            .votes
            .iter()
            .map(|r| {
                r.tally_of(VoteTarget::Alternative(alternative))
                    + r.tally_of(VoteTarget::Option(option))
            })
            .sum();
        assert!(on_them > 0);
        crate::model::remove_item(&mut p, crate::model::ItemRef::Alternative(alternative));
        crate::model::remove_item(&mut p, crate::model::ItemRef::Option(option));
        let after: u32 = p.votes.iter().map(VotingRound::total).sum();
        assert_eq!(after, before - on_them);
        assert!(messages(&p).is_empty(), "{:?}", messages(&p));
    }

    #[test]
    fn counts_follow_the_targets_and_the_tally_lists_most_dots_first() {
        let mut r = round();
        r.add_dot(0, B);
        r.add_dot(1, B);
        r.add_dot(2, A);
        let targets = vec![(A, "a".to_owned()), (B, "b".to_owned())];
        let counts = r.counts(&targets);
        assert_eq!(counts, [1, 2]);
        assert_eq!(tally_order(&counts), [1, 0]);
        assert_eq!(
            tally_order(&[0, 3, 0, 3]),
            [1, 3, 0, 2],
            "ties keep their order"
        );
        // Many items: only those with dots.
        let mut many = vec![0; LIST_ALL_UP_TO + 1];
        many[5] = 2;
        assert_eq!(tally_order(&many), [5]);
    }

    #[test]
    fn the_latest_round_is_the_newest_by_date_then_the_last() {
        let mut early = round();
        early.date = Date::new(2026, 1, 5).expect("a date");
        let mut options = round();
        options.subject = VoteSubject::Options;
        options.date = Date::new(2027, 1, 1).expect("a date");
        let mut second = round();
        second.id = VotingRoundId(4);
        let rounds = vec![round(), early, options, second];
        let latest = latest(&rounds, VoteSubject::Alternatives).expect("a round");
        assert_eq!(latest.id, VotingRoundId(4));
        assert_eq!(
            super::latest(&rounds, VoteSubject::Options).map(|r| r.subject),
            Some(VoteSubject::Options)
        );
    }
}
