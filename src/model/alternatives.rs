//! pbsm step 6: decision-ready strategy alternatives.

use super::choice::choice_enum;
use super::ids::{AlternativeId, OptionId, impl_has_id};
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
}

impl_has_id!(Alternative => AlternativeId);

impl Alternative {
    /// All resources in EUR: budget plus effort valued at the project's day rate.
    pub fn resources_eur(&self, day_rate_eur: f64) -> f64 {
        self.budget_eur + self.effort_person_days * day_rate_eur
    }

    /// Whether the bundle contains this option.
    pub fn bundles(&self, option: OptionId) -> bool {
        self.options.iter().any(|b| b.option == option)
    }
}
