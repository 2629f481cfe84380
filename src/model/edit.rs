//! Named structural edits: adding and removing list items with sensible defaults and with
//! every reference to a removed item cleaned up. The UI's commands call these.

use super::alternatives::{Alternative, AlternativeStatus};
use super::benefit::Benefit;
use super::choice::choice_enum;
use super::competition::{Competitor, CompetitorKind};
use super::date::Date;
use super::foundation::{BusinessModule, CanvasBlock, Goal, GoalKind, Topic};
use super::ids::*;
use super::judgement::QualityRubric;
use super::management::{Adaptation, Assumption, Kpi, KpiDirection, Measure};
use super::options::{ActionOption, CompetitiveAssessment, Priority};
use super::potential::{
    ImpactFormat, ImpactKind, ModulePotential, PotentialDecision, PotentialType, UsageFormat,
    UsageFormatKind, UserBenefit,
};
use super::project::Project;
use super::score::Score;
use super::steering::{
    FunctionalArea, Integration, IntegrationStatus, MonitoredRisk, RiskSource, RiskStatus,
};

choice_enum! {
    /// The kinds of list item a project holds.
    ItemKind {
        /// Business-model module.
        Module => "module",
        /// Company or social media goal.
        Goal => "goal",
        /// Topic.
        Topic => "topic",
        /// Usage format.
        UsageFormat => "usage format",
        /// Impact format.
        ImpactFormat => "impact format",
        /// Change potential.
        Potential => "potential",
        /// User benefit.
        UserBenefit => "user benefit",
        /// Corporate benefit.
        Benefit => "benefit",
        /// Competitor.
        Competitor => "competitor",
        /// Option for action.
        Option => "option",
        /// Strategy alternative.
        Alternative => "alternative",
        /// KPI.
        Kpi => "KPI",
        /// Monitored assumption.
        Assumption => "assumption",
        /// Implementation measure.
        Measure => "measure",
        /// Adaptation log entry.
        Adaptation => "adaptation",
        /// Decision criterion.
        Criterion => "criterion",
        /// Entry of the integration register.
        Integration => "process integration",
        /// Monitored risk.
        Risk => "risk",
    } default Alternative
}

/// A reference to one list item of a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    /// A business-model module.
    Module(ModuleId),
    /// A goal.
    Goal(GoalId),
    /// A topic.
    Topic(TopicId),
    /// A usage format.
    UsageFormat(UsageFormatId),
    /// An impact format.
    ImpactFormat(ImpactFormatId),
    /// A change potential.
    Potential(PotentialId),
    /// A user benefit.
    UserBenefit(UserBenefitId),
    /// A corporate benefit.
    Benefit(BenefitId),
    /// A competitor.
    Competitor(CompetitorId),
    /// An option for action.
    Option(OptionId),
    /// A strategy alternative.
    Alternative(AlternativeId),
    /// A KPI.
    Kpi(KpiId),
    /// A monitored assumption.
    Assumption(AssumptionId),
    /// An implementation measure.
    Measure(MeasureId),
    /// An adaptation log entry, by position (entries have no id).
    Adaptation(usize),
    /// A decision criterion.
    Criterion(CriterionId),
    /// An entry of the integration register.
    Integration(IntegrationId),
    /// A monitored risk.
    Risk(RiskId),
}

impl ItemRef {
    /// The kind of item referred to.
    pub fn kind(self) -> ItemKind {
        match self {
            Self::Module(_) => ItemKind::Module,
            Self::Goal(_) => ItemKind::Goal,
            Self::Topic(_) => ItemKind::Topic,
            Self::UsageFormat(_) => ItemKind::UsageFormat,
            Self::ImpactFormat(_) => ItemKind::ImpactFormat,
            Self::Potential(_) => ItemKind::Potential,
            Self::UserBenefit(_) => ItemKind::UserBenefit,
            Self::Benefit(_) => ItemKind::Benefit,
            Self::Competitor(_) => ItemKind::Competitor,
            Self::Option(_) => ItemKind::Option,
            Self::Alternative(_) => ItemKind::Alternative,
            Self::Kpi(_) => ItemKind::Kpi,
            Self::Assumption(_) => ItemKind::Assumption,
            Self::Measure(_) => ItemKind::Measure,
            Self::Adaptation(_) => ItemKind::Adaptation,
            Self::Criterion(_) => ItemKind::Criterion,
            Self::Integration(_) => ItemKind::Integration,
            Self::Risk(_) => ItemKind::Risk,
        }
    }

    /// The item's number: its id as the file writes it (an adaptation's position in the log).
    pub fn number(self) -> u64 {
        match self {
            Self::Module(id) => id.0.into(),
            Self::Goal(id) => id.0.into(),
            Self::Topic(id) => id.0.into(),
            Self::UsageFormat(id) => id.0.into(),
            Self::ImpactFormat(id) => id.0.into(),
            Self::Potential(id) => id.0.into(),
            Self::UserBenefit(id) => id.0.into(),
            Self::Benefit(id) => id.0.into(),
            Self::Competitor(id) => id.0.into(),
            Self::Option(id) => id.0.into(),
            Self::Alternative(id) => id.0.into(),
            Self::Kpi(id) => id.0.into(),
            Self::Assumption(id) => id.0.into(),
            Self::Measure(id) => id.0.into(),
            Self::Adaptation(index) => index as u64,
            Self::Criterion(id) => id.0.into(),
            Self::Integration(id) => id.0.into(),
            Self::Risk(id) => id.0.into(),
        }
    }
}

/// Why an item could not be added.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// A corporate benefit belongs to a module; there is none.
    #[error("add a business-model module first: every corporate benefit belongs to one")]
    NoModule,
}

/// Adds a new item of a kind with sensible defaults and returns a reference to it.
/// `today` dates new KPIs, measures, log entries and competitors' ratings.
pub fn add_item(project: &mut Project, kind: ItemKind, today: Date) -> Result<ItemRef, EditError> {
    let p = project;
    Ok(match kind {
        ItemKind::Module => {
            let id = ModuleId(next_id_number(&p.foundation.modules, |i| i.0));
            p.foundation.modules.push(BusinessModule {
                id,
                name: format!("Module {}", id.0),
                block: CanvasBlock::Other,
                description: String::new(),
            });
            ItemRef::Module(id)
        }
        ItemKind::Goal => {
            let id = GoalId(next_id_number(&p.foundation.goals, |i| i.0));
            p.foundation
                .goals
                .push(Goal::new(id, GoalKind::SocialMedia));
            ItemRef::Goal(id)
        }
        ItemKind::Topic => {
            let id = TopicId(next_id_number(&p.foundation.topics, |i| i.0));
            p.foundation.topics.push(Topic {
                id,
                name: format!("Topic {}", id.0),
                affinity: Score::NOT_ASSESSED,
                note: String::new(),
            });
            ItemRef::Topic(id)
        }
        ItemKind::UsageFormat => {
            let id = UsageFormatId(next_id_number(&p.potential.usage_formats, |i| i.0));
            p.potential.usage_formats.push(UsageFormat {
                id,
                kind: UsageFormatKind::Audience,
                name: format!("Usage format {}", id.0),
                performance: String::new(),
                prerequisites: String::new(),
                criteria: String::new(),
                risks: String::new(),
                competitive_quality: Score::NOT_ASSESSED,
            });
            ItemRef::UsageFormat(id)
        }
        ItemKind::ImpactFormat => {
            let id = ImpactFormatId(next_id_number(&p.potential.impact_formats, |i| i.0));
            p.potential.impact_formats.push(ImpactFormat {
                id,
                kind: ImpactKind::Information,
                description: String::new(),
                relevance: Score::NOT_ASSESSED,
                usage_formats: Vec::new(),
            });
            ItemRef::ImpactFormat(id)
        }
        ItemKind::Potential => {
            let id = PotentialId(next_id_number(&p.potential.module_potentials, |i| i.0));
            p.potential.module_potentials.push(ModulePotential {
                id,
                module: None,
                potential_type: PotentialType::Support,
                strength: Score::NOT_ASSESSED,
                decision: PotentialDecision::Open,
                note: String::new(),
            });
            ItemRef::Potential(id)
        }
        ItemKind::UserBenefit => {
            let id = UserBenefitId(next_id_number(&p.potential.user_benefits, |i| i.0));
            p.potential.user_benefits.push(UserBenefit {
                id,
                name: format!("User benefit {}", id.0),
                description: String::new(),
                topic: None,
                strength: Score::NOT_ASSESSED,
            });
            ItemRef::UserBenefit(id)
        }
        ItemKind::Benefit => {
            let module = p.foundation.modules.first().ok_or(EditError::NoModule)?.id;
            let id = BenefitId(next_id_number(&p.benefits, |i| i.0));
            p.benefits.push(Benefit {
                id,
                module,
                name: format!("Benefit {}", id.0),
                description: String::new(),
                relevance: Score::NOT_ASSESSED,
                change_potential: PotentialType::Support,
                opportunities: String::new(),
                risks: String::new(),
            });
            ItemRef::Benefit(id)
        }
        ItemKind::Competitor => {
            let id = CompetitorId(next_id_number(&p.competition.competitors, |i| i.0));
            p.competition.competitors.push(Competitor {
                id,
                name: format!("Competitor {}", id.0),
                kind: CompetitorKind::Performance,
                description: String::new(),
                strength: Vec::new(),
                rated: Some(today),
                history: Vec::new(),
            });
            ItemRef::Competitor(id)
        }
        ItemKind::Option => {
            let id = OptionId(next_id_number(&p.options, |i| i.0));
            p.options.push(ActionOption {
                id,
                name: format!("Option {}", id.0),
                topic: None,
                user_benefit: None,
                usage_format: None,
                participation: String::new(),
                motivation: String::new(),
                channels: Vec::new(),
                required_performance: String::new(),
                priority: Priority::Medium,
                relevance: Score::NOT_ASSESSED,
                assessment: CompetitiveAssessment::NotAssessed,
                benefits: Vec::new(),
                overrides: Vec::new(),
            });
            ItemRef::Option(id)
        }
        ItemKind::Alternative => {
            let id = AlternativeId(next_id_number(&p.alternatives, |i| i.0));
            p.alternatives.push(Alternative {
                id,
                name: format!("Alternative {}", id.0),
                description: String::new(),
                options: Vec::new(),
                competitive_quality: Score::NOT_ASSESSED,
                risk: Score::NOT_ASSESSED,
                budget_eur: 0.0,
                effort_person_days: 0.0,
                goal_contribution: Score::NOT_ASSESSED,
                strategic_quality: Score::NOT_ASSESSED,
                status: AlternativeStatus::Draft,
                custom_scores: Vec::new(),
                ranges: Vec::new(),
                statements: Vec::new(),
                rubric: QualityRubric::default(),
                overrides: Vec::new(),
            });
            ItemRef::Alternative(id)
        }
        ItemKind::Kpi => {
            let id = KpiId(next_id_number(&p.management.kpis, |i| i.0));
            p.management.kpis.push(Kpi {
                id,
                name: format!("KPI {}", id.0),
                unit: String::new(),
                direction: KpiDirection::HigherIsBetter,
                baseline: 0.0,
                baseline_date: today,
                target: 100.0,
                target_date: today.end_of_month_after(12),
                actuals: Vec::new(),
                alternative: None,
                option: None,
                benefit: None,
                cadence: super::Cadence::Monthly,
                milestones: Vec::new(),
            });
            ItemRef::Kpi(id)
        }
        ItemKind::Assumption => {
            let id = AssumptionId(next_id_number(&p.management.assumptions, |i| i.0));
            p.management
                .assumptions
                .push(Assumption::new(id, String::new()));
            ItemRef::Assumption(id)
        }
        ItemKind::Measure => {
            let id = MeasureId(next_id_number(&p.management.measures, |i| i.0));
            p.management.measures.push(Measure::new(
                id,
                format!("Measure {}", id.0),
                today.end_of_month_after(1),
            ));
            ItemRef::Measure(id)
        }
        ItemKind::Adaptation => {
            p.management.adaptations.push(Adaptation {
                date: today,
                decision: String::new(),
                reason: String::new(),
                cause: None,
            });
            ItemRef::Adaptation(p.management.adaptations.len() - 1)
        }
        ItemKind::Integration => {
            let id = IntegrationId(next_id_number(&p.management.integrations, |i| i.0));
            p.management.integrations.push(Integration {
                id,
                benefit: None,
                area: FunctionalArea::default(),
                process: String::new(),
                owner: String::new(),
                change: String::new(),
                expected_result: String::new(),
                kpi: None,
                due: None,
                status: IntegrationStatus::Planned,
            });
            ItemRef::Integration(id)
        }
        ItemKind::Risk => {
            let id = RiskId(next_id_number(&p.management.risks, |i| i.0));
            p.management.risks.push(MonitoredRisk {
                id,
                text: String::new(),
                source: RiskSource::Other,
                precaution: String::new(),
                owner: String::new(),
                status: RiskStatus::NotReviewed,
                last_review: None,
                review_interval_days: super::management::DEFAULT_REVIEW_INTERVAL_DAYS,
                note: String::new(),
            });
            ItemRef::Risk(id)
        }
        ItemKind::Criterion => {
            let id = CriterionId(next_id_number(&p.decision.criteria, |i| i.0));
            p.decision.criteria.push(crate::model::Criterion {
                id,
                name: format!("Criterion {}", id.0),
                direction: crate::model::Direction::Benefit,
                weight: 0.0,
                measure: crate::model::CriterionMeasure::Custom,
            });
            #[allow(clippy::cast_precision_loss)]
            let share = 1.0 / p.decision.criteria.len() as f64;
            p.decision.set_weight(id, share);
            ItemRef::Criterion(id)
        }
    })
}

/// Removes an item and every reference to it. Removing a module also removes its potentials
/// and benefits (see [`Project::items_owned_by_module`]). Unknown items are ignored.
pub fn remove_item(project: &mut Project, item: ItemRef) {
    let p = project;
    match item {
        ItemRef::Module(id) => p.remove_module(id),
        ItemRef::Goal(id) => p.foundation.goals.retain(|g| g.id != id),
        ItemRef::Topic(id) => p.remove_topic(id),
        ItemRef::UsageFormat(id) => p.remove_usage_format(id),
        ItemRef::ImpactFormat(id) => p.potential.impact_formats.retain(|i| i.id != id),
        ItemRef::Potential(id) => p.potential.module_potentials.retain(|m| m.id != id),
        ItemRef::UserBenefit(id) => p.remove_user_benefit(id),
        ItemRef::Benefit(id) => p.remove_benefit(id),
        ItemRef::Competitor(id) => p.competition.competitors.retain(|c| c.id != id),
        ItemRef::Option(id) => p.remove_option(id),
        ItemRef::Alternative(id) => p.remove_alternative(id),
        ItemRef::Kpi(id) => p.remove_kpi(id),
        ItemRef::Assumption(id) => p.remove_assumption(id),
        ItemRef::Measure(id) => p.management.measures.retain(|m| m.id != id),
        ItemRef::Adaptation(index) => {
            if index < p.management.adaptations.len() {
                p.management.adaptations.remove(index);
            }
        }
        ItemRef::Criterion(id) => p.remove_criterion(id),
        ItemRef::Integration(id) => p.management.integrations.retain(|i| i.id != id),
        ItemRef::Risk(id) => p.management.risks.retain(|r| r.id != id),
    }
}

/// Whether the item exists in the project.
pub fn exists(project: &Project, item: ItemRef) -> bool {
    let p = project;
    match item {
        ItemRef::Module(id) => p.foundation.module(id).is_some(),
        ItemRef::Goal(id) => p.foundation.goals.iter().any(|g| g.id == id),
        ItemRef::Topic(id) => p.foundation.topic(id).is_some(),
        ItemRef::UsageFormat(id) => p.potential.usage_format(id).is_some(),
        ItemRef::ImpactFormat(id) => p.potential.impact_formats.iter().any(|i| i.id == id),
        ItemRef::Potential(id) => p.potential.module_potentials.iter().any(|m| m.id == id),
        ItemRef::UserBenefit(id) => p.potential.user_benefit(id).is_some(),
        ItemRef::Benefit(id) => p.benefit(id).is_some(),
        ItemRef::Competitor(id) => p.competition.competitors.iter().any(|c| c.id == id),
        ItemRef::Option(id) => p.option(id).is_some(),
        ItemRef::Alternative(id) => p.alternative(id).is_some(),
        ItemRef::Kpi(id) => p.management.kpis.iter().any(|k| k.id == id),
        ItemRef::Assumption(id) => p.management.assumptions.iter().any(|a| a.id == id),
        ItemRef::Measure(id) => p.management.measures.iter().any(|m| m.id == id),
        ItemRef::Adaptation(index) => index < p.management.adaptations.len(),
        ItemRef::Criterion(id) => p.decision.criterion(id).is_some(),
        ItemRef::Integration(id) => p.management.integrations.iter().any(|i| i.id == id),
        ItemRef::Risk(id) => p.management.risks.iter().any(|r| r.id == id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BundledOption, validate};

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn every_kind_can_be_added_and_removed_leaving_a_valid_project() {
        use crate::model::Choice;
        let mut p = Project::new("t");
        for kind in ItemKind::ALL {
            let item = add_item(&mut p, *kind, today()).unwrap();
            assert_eq!(item.kind(), *kind);
            assert!(exists(&p, item), "{kind} was not added");
            assert!(validate(&p).is_empty(), "{:?}", validate(&p));
        }
        for kind in ItemKind::ALL.iter().rev() {
            let item = add_item(&mut p, *kind, today()).unwrap();
            remove_item(&mut p, item);
            assert!(!exists(&p, item) || *kind == ItemKind::Adaptation);
            assert!(validate(&p).is_empty(), "{:?}", validate(&p));
        }
    }

    #[test]
    fn new_ids_do_not_collide_after_removal() {
        let mut p = Project::new("t");
        let a = add_item(&mut p, ItemKind::Alternative, today()).unwrap();
        let b = add_item(&mut p, ItemKind::Alternative, today()).unwrap();
        remove_item(&mut p, a);
        let c = add_item(&mut p, ItemKind::Alternative, today()).unwrap();
        assert_ne!(b, c);
        assert_eq!(p.alternatives.len(), 2);
    }

    #[test]
    fn removing_an_option_removes_it_from_bundles_and_kpis() {
        let mut p = Project::new("t");
        let ItemRef::Option(o) = add_item(&mut p, ItemKind::Option, today()).unwrap() else {
            panic!("not an option")
        };
        add_item(&mut p, ItemKind::Alternative, today()).unwrap();
        add_item(&mut p, ItemKind::Kpi, today()).unwrap();
        p.alternatives[0].options.push(BundledOption {
            option: o,
            priority: Priority::High,
        });
        p.management.kpis[0].option = Some(o);
        remove_item(&mut p, ItemRef::Option(o));
        assert!(p.alternatives[0].options.is_empty());
        assert_eq!(p.management.kpis[0].option, None);
        assert!(validate(&p).is_empty());
    }

    #[test]
    fn removing_a_benefit_or_a_kpi_removes_the_goals_links_to_it() {
        use crate::model::LinkStrength;
        let mut p = Project::new("t");
        let ItemRef::Benefit(kept) = add_item(&mut p, ItemKind::Benefit, today()).unwrap() else {
            panic!("not a benefit")
        };
        let ItemRef::Benefit(b) = add_item(&mut p, ItemKind::Benefit, today()).unwrap() else {
            panic!("not a benefit")
        };
        let ItemRef::Kpi(k) = add_item(&mut p, ItemKind::Kpi, today()).unwrap() else {
            panic!("not a KPI")
        };
        add_item(&mut p, ItemKind::Option, today()).unwrap();
        add_item(&mut p, ItemKind::Goal, today()).unwrap();
        let goal = &mut p.foundation.goals[0];
        goal.set_strength(b, LinkStrength::Strong);
        goal.set_served_by(kept, true);
        goal.set_measured_by(k, true);
        p.options[0].set_realises(b, true);
        p.management.kpis[0].benefit = Some(b);
        assert!(validate(&p).is_empty());

        remove_item(&mut p, ItemRef::Benefit(b));
        let goal = &p.foundation.goals[0];
        assert_eq!(goal.served_by(b), None);
        assert_eq!(goal.served_by(kept), Some(LinkStrength::Medium));
        assert!(p.options[0].benefits.is_empty());
        assert_eq!(p.management.kpis[0].benefit, None);
        assert!(validate(&p).is_empty());

        remove_item(&mut p, ItemRef::Kpi(k));
        assert!(p.foundation.goals[0].kpis.is_empty());
        assert!(validate(&p).is_empty());

        // A module takes its benefits along, and with them their goal links.
        let module = p.benefit(kept).unwrap().module;
        remove_item(&mut p, ItemRef::Module(module));
        assert!(p.foundation.goals[0].benefits.is_empty());
        assert!(validate(&p).is_empty());
    }

    #[test]
    fn a_benefit_needs_a_module() {
        let mut p = Project::new("t");
        p.foundation.modules.clear();
        assert_eq!(
            add_item(&mut p, ItemKind::Benefit, today()),
            Err(EditError::NoModule)
        );
    }
}

/// Copies options from another project (a sample case) into `target`, as new options. They
/// keep their content; their topic, user benefit and usage format are linked to the target's
/// items of the same name where there are any; links to the source's corporate benefits are
/// dropped (those belong to the other business model); the competitive assessment is reset to
/// parity, to be made against the target's own competitors. Returns the new ids.
pub fn copy_options(target: &mut Project, source: &Project, ids: &[OptionId]) -> Vec<OptionId> {
    let mut new_ids = Vec::new();
    for id in ids {
        let Some(o) = source.option(*id) else {
            continue;
        };
        let same_name = |name: Option<&str>, items: Vec<(u32, &str)>| -> Option<u32> {
            let name = name?;
            items
                .into_iter()
                .find(|(_, n)| n.eq_ignore_ascii_case(name))
                .map(|(i, _)| i)
        };
        let topic = same_name(
            o.topic
                .and_then(|t| source.foundation.topic(t))
                .map(|t| t.name.as_str()),
            target
                .foundation
                .topics
                .iter()
                .map(|t| (t.id.0, t.name.as_str()))
                .collect(),
        );
        let user_benefit = same_name(
            o.user_benefit
                .and_then(|u| source.potential.user_benefit(u))
                .map(|u| u.name.as_str()),
            target
                .potential
                .user_benefits
                .iter()
                .map(|u| (u.id.0, u.name.as_str()))
                .collect(),
        );
        let usage_format = same_name(
            o.usage_format
                .and_then(|u| source.potential.usage_format(u))
                .map(|u| u.name.as_str()),
            target
                .potential
                .usage_formats
                .iter()
                .map(|u| (u.id.0, u.name.as_str()))
                .collect(),
        );
        let new_id = OptionId(next_id_number(&target.options, |i| i.0));
        target.options.push(ActionOption {
            id: new_id,
            topic: topic.map(TopicId),
            user_benefit: user_benefit.map(UserBenefitId),
            usage_format: usage_format.map(UsageFormatId),
            benefits: Vec::new(),
            // Another company's position and relevance say nothing about this one's.
            assessment: CompetitiveAssessment::NotAssessed,
            relevance: Score::NOT_ASSESSED,
            overrides: Vec::new(),
            ..o.clone()
        });
        new_ids.push(new_id);
    }
    new_ids
}

#[cfg(test)]
mod copy_tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn copied_options_keep_content_but_not_the_samples_links() {
        let source = crate::io::SAMPLES[0].load().unwrap();
        let mut target = crate::io::SAMPLES[2].load().unwrap();
        // The tourism board has a topic named like the bakery's? No: links are dropped.
        let before = target.options.len();
        let new = copy_options(&mut target, &source, &[OptionId(1), OptionId(99)]);
        assert_eq!(new.len(), 1, "an unknown id is skipped");
        assert_eq!(target.options.len(), before + 1);
        let copied = target.option(new[0]).unwrap();
        let original = source.option(OptionId(1)).unwrap();
        assert_eq!(copied.name, original.name);
        assert_eq!(copied.channels, original.channels);
        assert_eq!(copied.participation, original.participation);
        assert!(copied.benefits.is_empty());
        assert_eq!(copied.assessment, CompetitiveAssessment::NotAssessed);
        assert_eq!(copied.relevance, Score::NOT_ASSESSED);
        assert_eq!(copied.topic, None);
        assert!(validate(&target).is_empty());

        // Into a copy of the same sample, links by name are kept.
        let mut same = crate::io::SAMPLES[0].load().unwrap();
        let new = copy_options(&mut same, &source, &[OptionId(1)]);
        let copied = same.option(new[0]).unwrap();
        assert_eq!(copied.topic, original.topic);
        assert_eq!(copied.usage_format, original.usage_format);
        assert!(validate(&same).is_empty());
    }
}
