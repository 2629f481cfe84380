//! What the user decided about a suggestion (format version 3): the workbench suggests some
//! values from the earlier steps of the method (an option's position from the competition
//! matrix, an alternative's risk from its assumptions, …); the user may keep another value,
//! and then says why. The suggestions themselves are computed, never stored
//! (`analysis::suggest`).

use super::choice::{Choice, choice_enum};
use serde::{Deserialize, Serialize};

choice_enum! {
    /// A value the workbench suggests from earlier steps.
    Suggested {
        /// An option's competitive assessment, from the competition matrix.
        Position => "Competitive assessment",
        /// An option's priority, from relevance, benefits and potentials.
        Priority => "Priority",
        /// An option's social media relevance, from the affinities and the user benefit.
        Relevance => "Social media relevance",
        /// An alternative's competitive quality, from its options and the rubric.
        CompetitiveQuality => "Competitive quality",
        /// An alternative's risk, from its assumptions and usage formats.
        Risk => "Risk",
        /// An alternative's contribution to the goals, from the goal links.
        GoalContribution => "Contribution to goals",
    } default Position
}

/// Why the user keeps a value other than the suggestion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Which value.
    pub of: Suggested,
    /// Why the user's value stands, in their words.
    pub reason: String,
}

/// The reason kept for a value, if any (an empty reason counts as none).
pub fn reason_for(overrides: &[Override], of: Suggested) -> Option<&str> {
    overrides
        .iter()
        .find(|o| o.of == of)
        .map(|o| o.reason.as_str())
        .filter(|r| !r.trim().is_empty())
}

/// The reason text for a value, to edit in place (added empty if there is none yet).
pub fn reason_mut(overrides: &mut Vec<Override>, of: Suggested) -> &mut String {
    let index = match overrides.iter().position(|o| o.of == of) {
        Some(i) => i,
        None => {
            overrides.push(Override {
                of,
                reason: String::new(),
            });
            overrides.len() - 1
        }
    };
    &mut overrides[index].reason
}

/// Forgets the reason for a value (the user accepted the suggestion) and any empty reasons.
pub fn forget(overrides: &mut Vec<Override>, of: Suggested) {
    overrides.retain(|o| o.of != of && !o.reason.trim().is_empty());
}

choice_enum! {
    /// How long an alternative's competitive advantage lasts.
    Durability {
        /// Not answered yet.
        NotAnswered => "Not answered yet",
        /// Months: competitors can copy it quickly.
        Months => "Months (easy to copy)",
        /// A year or two before competitors catch up.
        Years => "A year or two",
        /// Lasting: hard to copy (own community, own know-how, network effects).
        Lasting => "Lasting (hard to copy)",
    } default NotAnswered
}

choice_enum! {
    /// Whether an alternative's competitive advantage is built into the business or a head
    /// start.
    AdvantageNature {
        /// Not answered yet.
        NotAnswered => "Not answered yet",
        /// A head start that competitors can make up (a campaign, being first on a platform).
        Temporary => "Temporary (a head start)",
        /// Built into the business (own people, assets, relationships, processes).
        Structural => "Structural (built in)",
    } default NotAnswered
}

/// The user's answers to the method's questions on an alternative's competitive quality
/// (unit 6.0): how long the advantage lasts, and whether it is structural. Where the advantage
/// is created and against whom follows from its options' positions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualityRubric {
    /// How long the advantage lasts.
    pub durability: Durability,
    /// Structural or temporary.
    pub nature: AdvantageNature,
}

impl QualityRubric {
    /// Whether neither question is answered (then the file leaves it out).
    pub fn is_unanswered(&self) -> bool {
        *self == Self::default()
    }
}

choice_enum! {
    /// A step of the method, as the panes present it.
    MethodStep {
        /// 1: business model and goals.
        Foundation => "1 Foundation",
        /// 2: the social media performance potential.
        Potential => "2 Performance potential",
        /// 3: the corporate benefit.
        Benefit => "3 Corporate benefit",
        /// 4: the competitive situation.
        Competition => "4 Competitive situation",
        /// 5: options for action.
        Options => "5 Options for action",
        /// 6: strategy alternatives.
        Alternatives => "6 Strategy alternatives",
        /// 6: the decision between them.
        Decision => "6 Decision",
        /// 7: strategy management.
        Management => "7 Strategy management",
    } default Foundation
}

/// Why a step came out as it did, in the strategist's words (format version 3): the
/// reasoning a learner reads beside the result, and the documentation the strategy check
/// asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepNote {
    /// The step.
    pub step: MethodStep,
    /// The reasoning.
    pub text: String,
}

/// The note on a step, if any (empty counts as none).
pub fn note_for(notes: &[StepNote], step: MethodStep) -> Option<&str> {
    notes
        .iter()
        .find(|n| n.step == step)
        .map(|n| n.text.as_str())
        .filter(|t| !t.trim().is_empty())
}

/// Sets the note on a step; an empty text removes it.
pub fn set_note(notes: &mut Vec<StepNote>, step: MethodStep, text: String) {
    notes.retain(|n| n.step != step);
    if !text.trim().is_empty() {
        notes.push(StepNote { step, text });
        notes.sort_by_key(|n| MethodStep::ALL.iter().position(|s| *s == n.step));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_kept_once_and_forgotten_on_accept() {
        let mut list = Vec::new();
        assert_eq!(reason_for(&list, Suggested::Risk), None);
        reason_mut(&mut list, Suggested::Risk).push_str("The works council agreed already.");
        reason_mut(&mut list, Suggested::Risk).push_str(" In writing.");
        reason_mut(&mut list, Suggested::Position);
        assert_eq!(list.len(), 2);
        assert_eq!(
            reason_for(&list, Suggested::Risk),
            Some("The works council agreed already. In writing.")
        );
        assert_eq!(
            reason_for(&list, Suggested::Position),
            None,
            "empty is none"
        );
        forget(&mut list, Suggested::Risk);
        assert!(
            list.is_empty(),
            "accepting forgets the reason and empty ones"
        );
    }
}
