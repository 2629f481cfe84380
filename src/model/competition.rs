//! pbsm step 4: the competitive situation.

use super::choice::choice_enum;
use super::ids::{CompetitorId, TopicId, UsageFormatId, UserBenefitId, impl_has_id};
use serde::{Deserialize, Serialize};

/// Competitors of both kinds and where we stand against them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competition {
    /// The competitors.
    pub competitors: Vec<Competitor>,
    /// Our own strength per arena, on the same scale as the competitors'.
    pub our_strength: Vec<ArenaScore>,
    /// What the comparison means for the strategy.
    #[serde(default)]
    pub summary: String,
}

choice_enum! {
    /// The two kinds of competitor pbsm distinguishes.
    CompetitorKind {
        /// Offers something similar.
        Performance => "Performance competitor",
        /// Competes for the same users' attention, often from another industry.
        Attention => "Attention competitor",
    } default Performance
}

/// Where competitors meet: a usage format, a topic, or a user benefit (pbsm: the user benefit
/// is what competes; users compare what they get from us with what competitors of both kinds
/// give them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Arena {
    /// A usage format.
    UsageFormat(UsageFormatId),
    /// A topic.
    Topic(TopicId),
    /// A user benefit (format version 3).
    UserBenefit(UserBenefitId),
}

/// A strength in one arena, 0 to 10.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArenaScore {
    /// Where.
    pub arena: Arena,
    /// How strong, 0 to 10.
    pub score: f64,
}

/// A performance or attention competitor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competitor {
    /// Stable id.
    pub id: CompetitorId,
    /// Name.
    pub name: String,
    /// Performance or attention competitor.
    pub kind: CompetitorKind,
    /// What they do and why they matter.
    pub description: String,
    /// Their strength per arena.
    pub strength: Vec<ArenaScore>,
}

impl_has_id!(Competitor => CompetitorId);

/// The score for an arena in a list of arena scores.
pub fn score_in(scores: &[ArenaScore], arena: Arena) -> Option<f64> {
    scores.iter().find(|s| s.arena == arena).map(|s| s.score)
}

/// Sets (or, with `None`, removes) the score for an arena.
pub fn set_score_in(scores: &mut Vec<ArenaScore>, arena: Arena, score: Option<f64>) {
    match (scores.iter_mut().find(|s| s.arena == arena), score) {
        (Some(entry), Some(score)) => entry.score = score,
        (None, Some(score)) => scores.push(ArenaScore { arena, score }),
        (_, None) => scores.retain(|s| s.arena != arena),
    }
}
