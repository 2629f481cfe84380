//! The project: one pbsm strategy with all its components. This is what a file holds.

use super::alternatives::Alternative;
use super::benefit::Benefit;
use super::competition::{Arena, Competition};
use super::decision::Decision;
use super::foundation::Foundation;
use super::ids::{
    AlternativeId, BenefitId, ImpactFormatId, ModuleId, OptionId, TopicId, UsageFormatId,
    UserBenefitId,
};
use super::management::Management;
use super::options::ActionOption;
use super::potential::PerformancePotential;
use serde::{Deserialize, Serialize};

/// The file format version this build writes. Files with a higher version are refused.
/// Version 2 added dot voting (`votes`); version 3 ratings, assessments and reviews that are
/// not assessed yet; version 4 rounds answered from the participants' phones (points, ranking,
/// scale, placing, pairwise). See `io::migrate` for the upgrade of older files.
pub const CURRENT_VERSION: u32 = 4;

/// The day rate used to value effort when a project does not say otherwise.
pub const DEFAULT_DAY_RATE_EUR: f64 = 650.0;

/// One pbsm strategy project: every component of the method, with stable ids for the links
/// between them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// File format version ([`CURRENT_VERSION`] when written by this build).
    pub version: u32,
    /// Project name.
    pub name: String,
    /// What the project or case study is about.
    pub summary: String,
    /// The day rate in EUR at which effort counts as resources (budget + effort × rate).
    pub day_rate_eur: f64,
    /// Step 1: business model and goals.
    pub foundation: Foundation,
    /// Step 2: social media performance potential.
    pub potential: PerformancePotential,
    /// Step 3: corporate benefits per module.
    pub benefits: Vec<Benefit>,
    /// Step 4: competitive situation.
    pub competition: Competition,
    /// Step 5: options for action.
    pub options: Vec<ActionOption>,
    /// Step 6: strategy alternatives.
    pub alternatives: Vec<Alternative>,
    /// Step 8: strategy management.
    pub management: Management,
    /// The criteria, weights and settings of the decision between alternatives.
    #[serde(default)]
    pub decision: Decision,
    /// Earlier states of the strategy, kept when a follow-up strategy started.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<super::versions::StrategyVersion>,
    /// Rounds of dot voting held in workshops (format version 2 and later).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<super::voting::VotingRound>,
    /// Why each step came out as it did, in the strategist's words (format version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasoning: Vec<super::judgement::StepNote>,
}

impl Default for Project {
    fn default() -> Self {
        Self::new("Untitled strategy")
    }
}

impl Project {
    /// An empty project with the nine business model canvas modules.
    pub fn new(name: &str) -> Self {
        Self {
            version: CURRENT_VERSION,
            name: name.to_owned(),
            summary: String::new(),
            day_rate_eur: DEFAULT_DAY_RATE_EUR,
            foundation: Foundation::with_canvas_modules(),
            potential: PerformancePotential::default(),
            benefits: Vec::new(),
            competition: Competition::default(),
            options: Vec::new(),
            alternatives: Vec::new(),
            management: Management::default(),
            decision: Decision::default(),
            versions: Vec::new(),
            votes: Vec::new(),
            reasoning: Vec::new(),
        }
    }

    /// The alternative with this id.
    pub fn alternative(&self, id: AlternativeId) -> Option<&Alternative> {
        self.alternatives.iter().find(|a| a.id == id)
    }

    /// The alternative with this id, to edit.
    pub fn alternative_mut(&mut self, id: AlternativeId) -> Option<&mut Alternative> {
        self.alternatives.iter_mut().find(|a| a.id == id)
    }

    /// The option with this id.
    pub fn option(&self, id: OptionId) -> Option<&ActionOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The benefit with this id.
    pub fn benefit(&self, id: BenefitId) -> Option<&Benefit> {
        self.benefits.iter().find(|b| b.id == id)
    }

    /// The options that use an impact format: those on a usage format it takes effect through.
    pub fn options_using_impact(&self, impact: ImpactFormatId) -> Vec<OptionId> {
        let Some(i) = self
            .potential
            .impact_formats
            .iter()
            .find(|i| i.id == impact)
        else {
            return Vec::new();
        };
        self.options
            .iter()
            .filter(|o| o.usage_format.is_some_and(|u| i.works_through(u)))
            .map(|o| o.id)
            .collect()
    }

    /// How many options realise a corporate benefit.
    pub fn options_realising(&self, benefit: BenefitId) -> usize {
        self.options.iter().filter(|o| o.realises(benefit)).count()
    }

    /// Removes every dot on an item from every voting round.
    fn forget_votes(&mut self, target: super::voting::VoteTarget) {
        for round in &mut self.votes {
            round.forget(target);
        }
    }

    /// Removes an alternative and every reference to it.
    pub fn remove_alternative(&mut self, id: AlternativeId) {
        self.alternatives.retain(|a| a.id != id);
        self.forget_votes(super::voting::VoteTarget::Alternative(id));
        for kpi in &mut self.management.kpis {
            if kpi.alternative == Some(id) {
                kpi.alternative = None;
            }
        }
        for assumption in &mut self.management.assumptions {
            assumption.alternatives.retain(|a| *a != id);
        }
        if let Some(record) = &mut self.management.decision {
            if record.alternative == Some(id) {
                record.alternative = None;
            }
            record.rejected.retain(|r| r.alternative != id);
        }
    }

    /// Widens every uncertainty range that no longer contains its alternative's value (after
    /// the value was edited), so the project stays valid. Returns whether anything changed.
    pub fn fit_ranges(&mut self) -> bool {
        let rate = self.day_rate_eur;
        let criteria = &self.decision.criteria;
        let mut changed = false;
        for a in &mut self.alternatives {
            let values: Vec<(Option<f64>, bool)> = a
                .ranges
                .iter()
                .map(|r| {
                    let c = criteria.iter().find(|c| c.id == r.criterion);
                    let value = c.and_then(|c| a.value_for(c, rate));
                    (value, c.is_some_and(|c| c.measure.is_score()))
                })
                .collect();
            for (r, (value, is_score)) in a.ranges.iter_mut().zip(values) {
                let Some(v) = value.filter(|v| v.is_finite()) else {
                    continue;
                };
                let (low, high) = (r.low.min(v).max(0.0), r.high.max(v));
                let high = if is_score { high.min(10.0) } else { high };
                if (low, high) != (r.low, r.high) {
                    r.low = low;
                    r.high = high;
                    changed = true;
                }
            }
        }
        changed
    }

    /// Removes a decision criterion with its judgments, scenario weights, own scores and ranges.
    pub fn remove_criterion(&mut self, id: super::ids::CriterionId) {
        self.decision.remove_criterion(id);
        for round in &mut self.votes {
            round.forget_criterion(id);
        }
        for a in &mut self.alternatives {
            a.custom_scores.retain(|s| s.criterion != id);
            a.ranges.retain(|r| r.criterion != id);
        }
    }

    /// Removes an option and every reference to it.
    pub fn remove_option(&mut self, id: OptionId) {
        self.options.retain(|o| o.id != id);
        self.forget_votes(super::voting::VoteTarget::Option(id));
        for alternative in &mut self.alternatives {
            alternative.options.retain(|b| b.option != id);
        }
        for kpi in &mut self.management.kpis {
            if kpi.option == Some(id) {
                kpi.option = None;
            }
        }
        for measure in &mut self.management.measures {
            if measure.option == Some(id) {
                measure.option = None;
            }
        }
        for assumption in &mut self.management.assumptions {
            assumption.options.retain(|o| *o != id);
        }
        for risk in &mut self.management.risks {
            if risk.source == super::steering::RiskSource::Option(id) {
                risk.source = super::steering::RiskSource::Other;
            }
        }
    }

    /// Removes a KPI, the triggers that watch it and the goals' links to it.
    pub fn remove_kpi(&mut self, id: super::ids::KpiId) {
        self.management.kpis.retain(|k| k.id != id);
        for goal in &mut self.foundation.goals {
            goal.set_measured_by(id, false);
        }
        for a in &mut self.management.adaptations {
            if a.cause == Some(super::management::Cause::Kpi(id)) {
                a.cause = None;
            }
        }
        for a in &mut self.management.assumptions {
            if a.trigger.is_some_and(|t| t.kpi == id) {
                a.trigger = None;
            }
        }
        for i in &mut self.management.integrations {
            if i.kpi == Some(id) {
                i.kpi = None;
            }
        }
    }

    /// Removes a monitored assumption and the log entries' references to it.
    pub fn remove_assumption(&mut self, id: super::ids::AssumptionId) {
        self.management.assumptions.retain(|a| a.id != id);
        for a in &mut self.management.adaptations {
            if a.cause == Some(super::management::Cause::Assumption(id)) {
                a.cause = None;
            }
        }
    }

    /// Removes a corporate benefit and every reference to it: the options that realise it, the
    /// goals it serves, the KPIs that measure it.
    pub fn remove_benefit(&mut self, id: BenefitId) {
        self.benefits.retain(|b| b.id != id);
        for option in &mut self.options {
            option.set_realises(id, false);
        }
        for goal in &mut self.foundation.goals {
            goal.set_served_by(id, false);
        }
        for kpi in &mut self.management.kpis {
            if kpi.benefit == Some(id) {
                kpi.benefit = None;
            }
        }
        for i in &mut self.management.integrations {
            if i.benefit == Some(id) {
                i.benefit = None;
            }
        }
    }

    /// Removes a business-model module with the potentials and benefits that belong to it.
    pub fn remove_module(&mut self, id: ModuleId) {
        self.foundation.modules.retain(|m| m.id != id);
        self.potential
            .module_potentials
            .retain(|p| p.module != Some(id));
        let gone: Vec<BenefitId> = self
            .benefits
            .iter()
            .filter(|b| b.module == id)
            .map(|b| b.id)
            .collect();
        for benefit in gone {
            self.remove_benefit(benefit);
        }
    }

    /// How many items [`Project::remove_module`] would remove along with the module.
    pub fn items_owned_by_module(&self, id: ModuleId) -> usize {
        self.potential
            .module_potentials
            .iter()
            .filter(|p| p.module == Some(id))
            .count()
            + self.benefits.iter().filter(|b| b.module == id).count()
    }

    /// Removes a topic and every reference to it.
    pub fn remove_topic(&mut self, id: TopicId) {
        self.foundation.topics.retain(|t| t.id != id);
        for benefit in &mut self.potential.user_benefits {
            if benefit.topic == Some(id) {
                benefit.topic = None;
            }
        }
        for option in &mut self.options {
            if option.topic == Some(id) {
                option.topic = None;
            }
        }
        self.remove_arena(Arena::Topic(id));
    }

    /// Removes a usage format and every reference to it.
    pub fn remove_usage_format(&mut self, id: UsageFormatId) {
        self.potential.usage_formats.retain(|u| u.id != id);
        for impact in &mut self.potential.impact_formats {
            impact.set_works_through(id, false);
        }
        for option in &mut self.options {
            if option.usage_format == Some(id) {
                option.usage_format = None;
            }
        }
        for risk in &mut self.management.risks {
            if risk.source == super::steering::RiskSource::UsageFormat(id) {
                risk.source = super::steering::RiskSource::Other;
            }
        }
        self.remove_arena(Arena::UsageFormat(id));
    }

    /// Removes a user benefit and every reference to it.
    pub fn remove_user_benefit(&mut self, id: UserBenefitId) {
        self.potential.user_benefits.retain(|u| u.id != id);
        for option in &mut self.options {
            if option.user_benefit == Some(id) {
                option.user_benefit = None;
            }
        }
        self.remove_arena(Arena::UserBenefit(id));
    }

    /// Removes an arena's strengths, current and earlier, ours and every competitor's.
    fn remove_arena(&mut self, arena: Arena) {
        for scores in self.competition.all_scores_mut() {
            scores.retain(|s| s.arena != arena);
        }
    }

    /// The arenas of the competitive comparison: every usage format, every topic, then every
    /// user benefit.
    pub fn arenas(&self) -> Vec<Arena> {
        self.potential
            .usage_formats
            .iter()
            .map(|u| Arena::UsageFormat(u.id))
            .chain(self.foundation.topics.iter().map(|t| Arena::Topic(t.id)))
            .chain(
                self.potential
                    .user_benefits
                    .iter()
                    .map(|u| Arena::UserBenefit(u.id)),
            )
            .collect()
    }

    /// A name for an arena ("Usage format: Bread-lovers community").
    pub fn arena_name(&self, arena: Arena) -> String {
        match arena {
            Arena::UsageFormat(id) => self
                .potential
                .usage_format(id)
                .map_or_else(|| format!("usage format {id}"), |u| u.name.clone()),
            Arena::Topic(id) => self
                .foundation
                .topic(id)
                .map_or_else(|| format!("topic {id}"), |t| t.name.clone()),
            Arena::UserBenefit(id) => self
                .potential
                .user_benefit(id)
                .map_or_else(|| format!("user benefit {id}"), |u| u.name.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::score::Score;

    #[test]
    fn ranges_follow_an_edited_value_so_the_project_stays_valid() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        assert!(!p.fit_ranges(), "the sample's ranges already fit");
        // Competitive quality of the first alternative has the range 7..9, its risk 5.5..8.5.
        p.alternatives[0].competitive_quality = Score::new(9.5);
        p.alternatives[0].risk = Score::new(1.0);
        p.alternatives[2].budget_eur = 1_000_000.0;
        assert!(!crate::model::validate(&p).is_empty());
        assert!(p.fit_ranges());
        assert!(
            crate::model::validate(&p).is_empty(),
            "{:?}",
            crate::model::validate(&p)
        );
        let r = p.alternatives[0].ranges[0];
        assert_eq!((r.low, r.high), (7.0, 9.5));
        let r = p.alternatives[0].ranges[1];
        assert_eq!((r.low, r.high), (1.0, 8.5));
    }

    #[test]
    fn options_realising_a_benefit_are_counted() {
        let p = crate::io::SAMPLES[0].load().unwrap();
        for b in &p.benefits {
            let by_hand = p
                .options
                .iter()
                .filter(|o| o.benefits.contains(&b.id))
                .count();
            assert_eq!(p.options_realising(b.id), by_hand);
        }
        assert!(p.benefits.iter().any(|b| p.options_realising(b.id) > 1));
        assert_eq!(p.options_realising(crate::model::BenefitId(9999)), 0);
    }

    #[test]
    fn removing_an_arena_cleans_its_scores_from_earlier_ratings_too() {
        use crate::model::{Arena, CompetitorRating, Date, Side};
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let today = Date::new(2026, 11, 23).unwrap();
        let first = p.competition.competitors[0].id;
        p.competition.rerate(Side::Competitor(first), today);
        p.competition.rerate(Side::Us, today);
        let topic = p.foundation.topics[0].id;
        let rates_topic = |scores: &[crate::model::ArenaScore]| {
            scores.iter().any(|s| s.arena == Arena::Topic(topic))
        };
        let kept = |history: &[CompetitorRating]| history.iter().any(|r| rates_topic(&r.strength));
        assert!(kept(&p.competition.our_history) && kept(&p.competition.competitors[0].history));
        let other_arenas = p.competition.our_history[0].strength.len() - 1;
        p.remove_topic(topic);
        assert!(!kept(&p.competition.our_history));
        assert!(!kept(&p.competition.competitors[0].history));
        assert!(!rates_topic(&p.competition.our_strength));
        assert_eq!(p.competition.our_history[0].strength.len(), other_arenas);
        assert!(
            crate::model::validate(&p).is_empty(),
            "{:?}",
            crate::model::validate(&p)
        );
    }
}
