//! pbsm step 1: the foundation, i.e. the business model and the goals.

use super::choice::choice_enum;
use super::ids::{BenefitId, GoalId, KpiId, ModuleId, TopicId, impl_has_id, set_link};
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
    /// The corporate benefits that serve it, each once, with how strongly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<GoalBenefit>,
    /// The KPIs that measure whether it is reached, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<KpiId>,
}

choice_enum! {
    /// How strongly a corporate benefit serves a goal.
    LinkStrength {
        /// The benefit helps the goal a little, among many other things.
        Weak => "Weak",
        /// The benefit is one of the main ways to the goal.
        Medium => "Medium",
        /// The goal is hardly reached without the benefit.
        Strong => "Strong",
    } default Medium
}

impl LinkStrength {
    /// The share of a full contribution the link carries: 1/3 (weak), 2/3 (medium), 1 (strong).
    pub fn share(self) -> f64 {
        match self {
            Self::Weak => 1.0 / 3.0,
            Self::Medium => 2.0 / 3.0,
            Self::Strong => 1.0,
        }
    }
}

/// A corporate benefit that serves a goal, and how strongly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalBenefit {
    /// The benefit.
    pub benefit: BenefitId,
    /// How strongly it serves the goal.
    pub strength: LinkStrength,
}

impl Goal {
    /// A new goal of a kind with no text and no links.
    pub fn new(id: GoalId, kind: GoalKind) -> Self {
        Self {
            id,
            kind,
            text: String::new(),
            benefits: Vec::new(),
            kpis: Vec::new(),
        }
    }

    /// How strongly a corporate benefit serves the goal, if it does.
    pub fn served_by(&self, benefit: BenefitId) -> Option<LinkStrength> {
        self.benefits
            .iter()
            .find(|b| b.benefit == benefit)
            .map(|b| b.strength)
    }

    /// Records that a corporate benefit serves the goal (with the default strength, medium,
    /// when it is new; an existing link keeps its strength), or no longer does.
    pub fn set_served_by(&mut self, benefit: BenefitId, serves: bool) {
        if !serves {
            self.benefits.retain(|b| b.benefit != benefit);
        } else if self.served_by(benefit).is_none() {
            self.benefits.push(GoalBenefit {
                benefit,
                strength: LinkStrength::default(),
            });
        }
    }

    /// Sets how strongly a corporate benefit serves the goal, linking it if it was not.
    pub fn set_strength(&mut self, benefit: BenefitId, strength: LinkStrength) {
        match self.benefits.iter_mut().find(|b| b.benefit == benefit) {
            Some(link) => link.strength = strength,
            None => self.benefits.push(GoalBenefit { benefit, strength }),
        }
    }

    /// Whether a KPI measures the goal.
    pub fn measured_by(&self, kpi: KpiId) -> bool {
        self.kpis.contains(&kpi)
    }

    /// Records that a KPI measures the goal, or no longer does.
    pub fn set_measured_by(&mut self, kpi: KpiId, measures: bool) {
        set_link(&mut self.kpis, kpi, measures);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_links_each_benefit_and_kpi_once() {
        let mut g = Goal::new(GoalId(1), GoalKind::Company);
        g.set_served_by(BenefitId(3), true);
        g.set_served_by(BenefitId(3), true);
        g.set_served_by(BenefitId(1), true);
        assert_eq!(g.benefits.len(), 2);
        assert_eq!(g.served_by(BenefitId(3)), Some(LinkStrength::Medium));
        // A strength set stays when the link is set again.
        g.set_strength(BenefitId(3), LinkStrength::Strong);
        g.set_served_by(BenefitId(3), true);
        assert_eq!(g.served_by(BenefitId(3)), Some(LinkStrength::Strong));
        // Setting a strength links a benefit that was not linked, once.
        g.set_strength(BenefitId(7), LinkStrength::Weak);
        g.set_strength(BenefitId(7), LinkStrength::Weak);
        assert_eq!(
            g.benefits.iter().map(|b| b.benefit).collect::<Vec<_>>(),
            vec![BenefitId(3), BenefitId(1), BenefitId(7)]
        );
        g.set_served_by(BenefitId(3), false);
        assert_eq!(g.served_by(BenefitId(3)), None);
        assert_eq!(g.benefits.len(), 2);

        g.set_measured_by(KpiId(2), true);
        g.set_measured_by(KpiId(2), true);
        assert_eq!(g.kpis, vec![KpiId(2)]);
        assert!(g.measured_by(KpiId(2)));
        g.set_measured_by(KpiId(2), false);
        assert!(!g.measured_by(KpiId(2)));
    }

    #[test]
    fn a_stronger_link_carries_a_larger_share() {
        assert_eq!(LinkStrength::default(), LinkStrength::Medium);
        assert!((LinkStrength::Weak.share() - 1.0 / 3.0).abs() < 1e-12);
        assert!((LinkStrength::Medium.share() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(LinkStrength::Strong.share(), 1.0);
    }

    #[test]
    fn a_goal_without_links_is_written_as_before() {
        let g = Goal::new(GoalId(4), GoalKind::SocialMedia);
        let text = ron::to_string(&g).unwrap();
        assert!(
            !text.contains("benefits") && !text.contains("kpis"),
            "{text}"
        );
        let back: Goal = ron::from_str("(id: 4, kind: SocialMedia, text: \"\")").unwrap();
        assert_eq!(back, g);
    }
}
