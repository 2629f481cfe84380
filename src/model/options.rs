//! pbsm step 5: options for action.

use super::choice::choice_enum;
use super::ids::{
    BenefitId, OptionId, TopicId, UsageFormatId, UserBenefitId, impl_has_id, set_link,
};
use super::judgement::Override;
use super::score::Score;
use serde::{Deserialize, Serialize};

choice_enum! {
    /// Priority of an option.
    Priority {
        /// Must be done.
        High => "High",
        /// Should be done.
        Medium => "Medium",
        /// Could be done.
        Low => "Low",
    } default Medium
}

choice_enum! {
    /// The method's three-level competitive assessment.
    CompetitiveAssessment {
        /// Not judged yet: the competition matrix suggests a position once the option's arenas
        /// are rated.
        NotAssessed => "Not assessed yet",
        /// Performance above the competitors'.
        Leading => "Leading position",
        /// About the competitors' performance.
        Parity => "Parity with competitors",
        /// Below the competitors'.
        Weaker => "Weaker position",
    } default NotAssessed
}

/// An option for action, derived in pbsm's order: topic, user benefit, usage format,
/// participation, motivation, channels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionOption {
    /// Stable id.
    pub id: OptionId,
    /// Short name.
    pub name: String,
    /// 1. The topic.
    pub topic: Option<TopicId>,
    /// 2. The user benefit it offers.
    pub user_benefit: Option<UserBenefitId>,
    /// 3. The usage format.
    pub usage_format: Option<UsageFormatId>,
    /// 4. How users take part.
    pub participation: String,
    /// 5. Why they take part.
    pub motivation: String,
    /// 6. The channels (platforms, own sites).
    pub channels: Vec<String>,
    /// The social media performance it requires.
    pub required_performance: String,
    /// Priority.
    pub priority: Priority,
    /// Social media relevance, 0 to 10.
    pub relevance: Score,
    /// Competitive assessment.
    pub assessment: CompetitiveAssessment,
    /// The corporate benefits it realises.
    pub benefits: Vec<BenefitId>,
    /// Why a value differs from the workbench's suggestion, where the user keeps their own
    /// (format version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
}

impl_has_id!(ActionOption => OptionId);

impl Priority {
    /// How much of its goal contribution an option brings to an alternative that bundles it
    /// with this priority: high 1, medium 0.75, low 0.5 (a low-priority option may be done
    /// half-heartedly or late).
    pub fn bundle_weight(self) -> f64 {
        match self {
            Self::High => 1.0,
            Self::Medium => 0.75,
            Self::Low => 0.5,
        }
    }
}

impl ActionOption {
    /// Whether the option realises a corporate benefit.
    pub fn realises(&self, benefit: BenefitId) -> bool {
        self.benefits.contains(&benefit)
    }

    /// Links the option to a corporate benefit it realises, or unlinks it.
    pub fn set_realises(&mut self, benefit: BenefitId, realises: bool) {
        set_link(&mut self.benefits, benefit, realises);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lower_priority_weighs_less_in_a_bundle() {
        let weights: Vec<f64> = [Priority::High, Priority::Medium, Priority::Low]
            .map(Priority::bundle_weight)
            .to_vec();
        assert_eq!(weights, vec![1.0, 0.75, 0.5]);
    }

    #[test]
    fn an_option_links_each_benefit_once() {
        let mut p = crate::model::Project::new("t");
        let today = crate::model::Date::new(2026, 1, 1).unwrap();
        crate::model::add_item(&mut p, crate::model::ItemKind::Option, today).unwrap();
        let o = &mut p.options[0];
        o.set_realises(BenefitId(3), true);
        o.set_realises(BenefitId(3), true);
        o.set_realises(BenefitId(1), true);
        assert_eq!(o.benefits, vec![BenefitId(3), BenefitId(1)]);
        assert!(o.realises(BenefitId(1)));
        o.set_realises(BenefitId(3), false);
        assert_eq!(o.benefits, vec![BenefitId(1)]);
        assert!(!o.realises(BenefitId(3)));
    }
}
