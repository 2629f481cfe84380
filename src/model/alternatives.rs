//! pbsm step 6: decision-ready strategy alternatives.

use super::choice::choice_enum;
use super::ids::{AlternativeId, CriterionId, OptionId, impl_has_id};
use super::options::Priority;
use serde::{Deserialize, Serialize};

choice_enum! {
    /// Where an alternative stands in the decision.
    AlternativeStatus {
        /// Being worked on.
        Draft => "Draft",
        /// Complete enough for management to decide.
        DecisionReady => "Decision-ready",
        /// Chosen by management.
        Chosen => "Chosen",
        /// Not chosen.
        Rejected => "Rejected",
    } default Draft
}

/// An option in an alternative's bundle, with the priority it has there.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundledOption {
    /// The option.
    pub option: OptionId,
    /// Its priority in this alternative.
    pub priority: Priority,
}

/// A strategy alternative: a bundle of options, evaluated on competitive quality, risk and
/// resources. Its assumptions and prerequisites are the monitored assumptions that name it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// Stable id.
    pub id: AlternativeId,
    /// Short name.
    pub name: String,
    /// The idea of the alternative.
    pub description: String,
    /// The options it bundles.
    pub options: Vec<BundledOption>,
    /// How strong and defensible the position is, 0 to 10.
    pub competitive_quality: f64,
    /// Risk, 0 (none) to 10 (very high).
    pub risk: f64,
    /// Budget in EUR for the strategy period.
    pub budget_eur: f64,
    /// Effort in person-days for the strategy period.
    pub effort_person_days: f64,
    /// Contribution to the company and social media goals, 0 to 10.
    pub goal_contribution: f64,
    /// Strategic quality (fit, coherence, future options), 0 to 10.
    pub strategic_quality: f64,
    /// Where it stands in the decision.
    pub status: AlternativeStatus,
    /// Scores for criteria with their own scores (0–10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_scores: Vec<CustomScore>,
    /// Uncertain scores: the range around the value above, which is the most likely one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<ScoreRange>,
    /// What the strategy says about components the other data cannot show (target groups,
    /// reach, communication, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

choice_enum! {
    /// pbsm's 14 strategy components (success factors): seven core, seven others.
    Component {
        /// What the user gets (core).
        UserBenefit => "User benefit",
        /// What the company gets (core).
        CompanyBenefit => "Company benefit",
        /// How social media is used (core).
        UsageFormats => "Usage formats",
        /// What it is about (core).
        Topics => "Topics",
        /// How users take part (core).
        Participation => "Participation",
        /// Why they take part (core).
        Motivation => "Motivation",
        /// Where (core).
        Channels => "Channels",
        /// Whom it addresses.
        TargetGroups => "Target groups",
        /// How many it reaches.
        Reach => "Reach",
        /// Against whom.
        Competition => "Competition",
        /// How it is communicated.
        Communication => "Communication",
        /// What it is for.
        Goals => "Goals",
        /// What it takes.
        Resources => "Resources",
        /// What must hold true.
        AssumptionsPrerequisites => "Assumptions and prerequisites",
    } default UserBenefit
}

impl Component {
    /// Whether it is one of the seven core components.
    pub fn is_core(self) -> bool {
        matches!(
            self,
            Self::UserBenefit
                | Self::CompanyBenefit
                | Self::UsageFormats
                | Self::Topics
                | Self::Participation
                | Self::Motivation
                | Self::Channels
        )
    }
}

/// What a strategy says about one component, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The component.
    pub component: Component,
    /// What the strategy says about it.
    pub text: String,
}

/// A score for a criterion that measures something of its own.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomScore {
    /// The criterion.
    pub criterion: CriterionId,
    /// The score, 0 to 10.
    pub score: f64,
}

/// The range an uncertain value may take: low, the alternative's value as the most likely one,
/// and high (a triangular distribution in the robustness analysis).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRange {
    /// The criterion whose value is uncertain.
    pub criterion: CriterionId,
    /// The lowest plausible value.
    pub low: f64,
    /// The highest plausible value.
    pub high: f64,
}

impl_has_id!(Alternative => AlternativeId);

impl Alternative {
    /// All resources in EUR: budget plus effort valued at the project's day rate.
    pub fn resources_eur(&self, day_rate_eur: f64) -> f64 {
        self.budget_eur + self.effort_person_days * day_rate_eur
    }

    /// The own score for a criterion, if one is entered.
    pub fn custom_score(&self, criterion: CriterionId) -> Option<f64> {
        self.custom_scores
            .iter()
            .find(|s| s.criterion == criterion)
            .map(|s| s.score)
    }

    /// The range of a criterion's value, if it is uncertain.
    pub fn range(&self, criterion: CriterionId) -> Option<ScoreRange> {
        self.ranges
            .iter()
            .find(|r| r.criterion == criterion)
            .copied()
    }

    /// The statement about a component, if one is written.
    pub fn statement(&self, component: Component) -> Option<&str> {
        self.statements
            .iter()
            .find(|s| s.component == component && !s.text.trim().is_empty())
            .map(|s| s.text.as_str())
    }

    /// Whether the bundle contains this option.
    pub fn bundles(&self, option: OptionId) -> bool {
        self.options.iter().any(|b| b.option == option)
    }
}
