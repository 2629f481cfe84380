//! pbsm step 1: the foundation, i.e. the business model and the goals.

use super::choice::choice_enum;
use super::ids::{GoalId, ModuleId, TopicId, impl_has_id};
use super::score::Score;
use serde::{Deserialize, Serialize};

/// The company, its business model split into modules, its goals and its social media affinity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Foundation {
    /// Company name.
    pub company: String,
    /// Industry or market.
    pub industry: String,
    /// The business in a few sentences.
    pub description: String,
    /// The business model, split into modules.
    pub modules: Vec<BusinessModule>,
    /// Company goals and social media goals.
    pub goals: Vec<Goal>,
    /// How far social media can influence the market as a whole, 0 (not at all) to 10.
    pub market_affinity: Score,
    /// Why the market affinity was rated this way.
    #[serde(default)]
    pub market_affinity_note: String,
    /// The topics of the market, each with its own social media affinity.
    pub topics: Vec<Topic>,
}

choice_enum! {
    /// The business model canvas block a module belongs to.
    CanvasBlock {
        /// What the company offers its customers.
        ValueProposition => "Value proposition",
        /// Who the customers are.
        CustomerSegments => "Customer segments",
        /// How offers reach customers.
        Channels => "Channels",
        /// How the company keeps customers.
        CustomerRelationships => "Customer relationships",
        /// Where the money comes from.
        RevenueStreams => "Revenue streams",
        /// What the business needs to work.
        KeyResources => "Key resources",
        /// What the company does.
        KeyActivities => "Key activities",
        /// Who the company works with.
        KeyPartners => "Key partners",
        /// What the business costs.
        CostStructure => "Cost structure",
        /// A module outside the canvas split.
        Other => "Other",
    } default Other
}

/// A module of the business model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessModule {
    /// Stable id.
    pub id: ModuleId,
    /// Short name ("Shop sales", "Catering").
    pub name: String,
    /// The canvas block it belongs to.
    pub block: CanvasBlock,
    /// What this module does in this company.
    #[serde(default)]
    pub description: String,
}

choice_enum! {
    /// Whether a goal is a company goal or a social media goal.
    GoalKind {
        /// A goal of the company as a whole.
        Company => "Company goal",
        /// A goal for the company's social media.
        SocialMedia => "Social media goal",
    } default Company
}

/// A company or social media goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Stable id.
    pub id: GoalId,
    /// Company or social media goal.
    pub kind: GoalKind,
    /// The goal, stated so that it can be checked.
    pub text: String,
}

/// A topic of the market, with how far social media can influence it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable id.
    pub id: TopicId,
    /// The topic.
    pub name: String,
    /// Social media affinity of this topic, 0 (none) to 10.
    pub affinity: Score,
    /// Why it was rated this way.
    #[serde(default)]
    pub note: String,
}

impl_has_id!(BusinessModule => ModuleId, Goal => GoalId, Topic => TopicId);

impl Foundation {
    /// A foundation with the nine business model canvas blocks as modules and a neutral affinity.
    pub fn with_canvas_modules() -> Self {
        use super::choice::Choice;
        let modules = CanvasBlock::ALL
            .iter()
            .filter(|block| **block != CanvasBlock::Other)
            .zip(1..)
            .map(|(block, id)| BusinessModule {
                id: ModuleId(id),
                name: block.label().to_owned(),
                block: *block,
                description: String::new(),
            })
            .collect();
        Self {
            modules,
            ..Self::default()
        }
    }

    /// The module with this id.
    pub fn module(&self, id: ModuleId) -> Option<&BusinessModule> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The topic with this id.
    pub fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}
