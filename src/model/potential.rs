//! pbsm step 2: the social media performance potential.

use super::choice::choice_enum;
use super::ids::{
    ImpactFormatId, ModuleId, PotentialId, TopicId, UsageFormatId, UserBenefitId, impl_has_id,
};
use super::score::Score;
use serde::{Deserialize, Serialize};

/// What social media can do for this company: usage formats, impact formats, the change
/// potential per business-model module, and the user benefits that drive it all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerformancePotential {
    /// The usage formats considered.
    pub usage_formats: Vec<UsageFormat>,
    /// The impact formats considered.
    pub impact_formats: Vec<ImpactFormat>,
    /// The change potential for the business model as a whole and per module.
    pub module_potentials: Vec<ModulePotential>,
    /// What the social media user gets.
    pub user_benefits: Vec<UserBenefit>,
}

choice_enum! {
    /// The basic usage formats of social media and their usual combinations.
    UsageFormatKind {
        /// Reach an audience with content.
        Audience => "Audience",
        /// An audience that can talk back.
        AudienceWithDialogue => "Audience with dialogue",
        /// People around a shared topic, with dialogue among users.
        Community => "Community",
        /// Relationships between users.
        SocialNetwork => "Social network",
        /// Another combination of the formats above.
        Combination => "Combination",
    } default Audience
}

/// A usage format with its performance, prerequisites, criteria, risks and competitive quality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageFormat {
    /// Stable id.
    pub id: UsageFormatId,
    /// Which format.
    pub kind: UsageFormatKind,
    /// A name for this use of it ("Bread-lovers community").
    pub name: String,
    /// What it can achieve.
    pub performance: String,
    /// What must be in place to use it.
    pub prerequisites: String,
    /// How success is judged.
    pub criteria: String,
    /// What can go wrong.
    pub risks: String,
    /// How well a position built on it holds against competitors, 0 to 10.
    pub competitive_quality: Score,
}

choice_enum! {
    /// How social media takes effect.
    ImpactKind {
        /// Value grows with the number of users.
        NetworkEffect => "Network effect",
        /// Users inform themselves and each other.
        Information => "Information",
        /// Users act in a social context (recommendation, belonging).
        SocialContext => "Social context",
        /// Direct communication with and among users.
        Communication => "Communication",
        /// A benefit users get from taking part.
        UserBenefit => "User benefit",
    } default Information
}

/// An impact format and how much it matters here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImpactFormat {
    /// Stable id.
    pub id: ImpactFormatId,
    /// Which impact.
    pub kind: ImpactKind,
    /// How it works in this market.
    pub description: String,
    /// How much it matters for this company, 0 to 10.
    pub relevance: Score,
    /// The usage formats through which it takes effect (format version 3); the options on
    /// those formats use it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub usage_formats: Vec<UsageFormatId>,
}

impl ImpactFormat {
    /// Whether it takes effect through a usage format.
    pub fn works_through(&self, usage_format: UsageFormatId) -> bool {
        self.usage_formats.contains(&usage_format)
    }

    /// Links it to a usage format it takes effect through, or unlinks it.
    pub fn set_works_through(&mut self, usage_format: UsageFormatId, on: bool) {
        super::ids::set_link(&mut self.usage_formats, usage_format, on);
    }
}

choice_enum! {
    /// The kinds of change potential social media has for a business-model module.
    PotentialType {
        /// Social media helps the module.
        Support => "Support",
        /// Social media changes how the module works.
        Change => "Change",
        /// Social media threatens the module.
        Destruction => "Destruction",
        /// Social media enables a new module.
        Creation => "Creation",
    } default Support
}

choice_enum! {
    /// Whether a potential is used by the strategy or deliberately set aside.
    PotentialDecision {
        /// Not decided yet.
        Open => "Open",
        /// The strategy uses it.
        Use => "Use",
        /// Deliberately not used (say why in the note).
        SetAside => "Set aside",
    } default Open
}

/// The change potential of social media for the business model as a whole or one module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModulePotential {
    /// Stable id.
    pub id: PotentialId,
    /// The module, or `None` for the business model as a whole.
    pub module: Option<ModuleId>,
    /// The kind of potential.
    pub potential_type: PotentialType,
    /// How strong it is, 0 to 10.
    pub strength: Score,
    /// Whether the strategy uses it.
    #[serde(default)]
    pub decision: PotentialDecision,
    /// What the potential is, and why it is used or set aside.
    pub note: String,
}

/// A benefit the social media user gets (not the product benefit, not the company benefit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserBenefit {
    /// Stable id.
    pub id: UserBenefitId,
    /// Short name.
    pub name: String,
    /// What exactly the user gets.
    pub description: String,
    /// The topic it belongs to, if any.
    pub topic: Option<TopicId>,
    /// How strongly users value it compared with what competitors offer them, 0 to 10.
    pub strength: Score,
}

impl_has_id!(
    UsageFormat => UsageFormatId,
    ImpactFormat => ImpactFormatId,
    ModulePotential => PotentialId,
    UserBenefit => UserBenefitId,
);

impl PerformancePotential {
    /// The usage format with this id.
    pub fn usage_format(&self, id: UsageFormatId) -> Option<&UsageFormat> {
        self.usage_formats.iter().find(|u| u.id == id)
    }

    /// The user benefit with this id.
    pub fn user_benefit(&self, id: UserBenefitId) -> Option<&UserBenefit> {
        self.user_benefits.iter().find(|u| u.id == id)
    }
}
