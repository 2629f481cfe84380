//! Stable, typed identifiers for the items of a project.
//!
//! Every list item that other items refer to carries an id. Ids are small integers so that a
//! project file stays readable (`options: [3, 7]`), and typed so that an option id can never be
//! used where a benefit id is expected.

use serde::{Deserialize, Serialize};

macro_rules! define_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

define_id!(
    /// A business-model module (a block of the business model canvas, or a custom one).
    ModuleId,
    /// A company goal or social media goal.
    GoalId,
    /// A topic that social media users care about.
    TopicId,
    /// A usage format (audience, community, social network, combinations).
    UsageFormatId,
    /// An impact format (network effect, information, social context, ...).
    ImpactFormatId,
    /// A potential assessment for the business model or one module.
    PotentialId,
    /// A user benefit: what the social media user gets.
    UserBenefitId,
    /// A corporate benefit for one module.
    BenefitId,
    /// A competitor (performance or attention).
    CompetitorId,
    /// An option for action.
    OptionId,
    /// A strategy alternative.
    AlternativeId,
    /// A key performance indicator.
    KpiId,
    /// A monitored assumption, prerequisite or framework condition.
    AssumptionId,
    /// An implementation measure.
    MeasureId,
    /// A decision criterion.
    CriterionId,
    /// A round of dot voting.
    VotingRoundId,
    /// An entry of the integration register (a benefit taken up by a business process).
    IntegrationId,
    /// A monitored risk.
    RiskId,
);

/// Something with a typed id; lets generic code find the next free id of a list.
pub trait HasId {
    /// The id type of this item.
    type Id: Copy + Eq;
    /// The item's id.
    fn id(&self) -> Self::Id;
}

/// The next unused id number for a list: one more than the largest in use (1 for an empty list).
pub fn next_id_number<T: HasId>(items: &[T], number: impl Fn(T::Id) -> u32) -> u32 {
    items
        .iter()
        .map(|item| number(item.id()))
        .max()
        .unwrap_or(0)
        + 1
}

/// Links an item to `id` or unlinks it: `links` holds `id` once when `linked`, not at all
/// otherwise.
pub fn set_link<Id: Copy + PartialEq>(links: &mut Vec<Id>, id: Id, linked: bool) {
    if !linked {
        links.retain(|x| *x != id);
    } else if !links.contains(&id) {
        links.push(id);
    }
}

/// Implements [`HasId`] for a struct with an `id` field.
macro_rules! impl_has_id {
    ($($ty:ty => $id:ty),* $(,)?) => {$(
        impl $crate::model::ids::HasId for $ty {
            type Id = $id;
            fn id(&self) -> $id {
                self.id
            }
        }
    )*};
}
pub(crate) use impl_has_id;
