//! pbsm step 3: the corporate benefit per business-model module.

use super::ids::{BenefitId, ModuleId, impl_has_id};
use super::potential::PotentialType;
use super::score::Score;
use serde::{Deserialize, Serialize};

/// A benefit social media can bring to one business-model module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benefit {
    /// Stable id.
    pub id: BenefitId,
    /// The module it serves.
    pub module: ModuleId,
    /// Short name.
    pub name: String,
    /// What the company gains.
    pub description: String,
    /// Social media relevance of the benefit, 0 to 10.
    pub relevance: Score,
    /// The kind of change it brings to the module.
    pub change_potential: PotentialType,
    /// Opportunities for the business model.
    pub opportunities: String,
    /// Risks for the business model.
    pub risks: String,
}

impl_has_id!(Benefit => BenefitId);
