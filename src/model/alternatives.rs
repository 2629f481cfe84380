//! pbsm step 6: decision-ready strategy alternatives.

use super::choice::choice_enum;
use super::decision::{Criterion, CriterionMeasure};
use super::ids::{AlternativeId, CriterionId, OptionId, impl_has_id};
use super::judgement::{Override, QualityRubric};
use super::options::{ActionOption, Priority};
use super::score::Score;
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
    pub competitive_quality: Score,
    /// Risk, 0 (none) to 10 (very high).
    pub risk: Score,
    /// Budget in EUR for the strategy period.
    pub budget_eur: f64,
    /// Effort in person-days for the strategy period.
    pub effort_person_days: f64,
    /// Contribution to the company and social media goals, 0 to 10.
    pub goal_contribution: Score,
    /// Strategic quality (fit, coherence, future options), 0 to 10.
    pub strategic_quality: Score,
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
    /// The answers to the method's questions on its competitive quality (format version 3).
    #[serde(default, skip_serializing_if = "QualityRubric::is_unanswered")]
    pub rubric: QualityRubric,
    /// Why a value differs from the workbench's suggestion, where the user keeps their own
    /// (format version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
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

impl ScoreRange {
    /// The range a value gets when it is first marked uncertain: from −15 % to +25 % of an
    /// amount in EUR (costs overrun more often than they undershoot), one point either way of a
    /// score, kept within 0–10.
    pub fn default_around(criterion: CriterionId, likely: f64, is_score: bool) -> Self {
        let (low, high) = if is_score {
            ((likely - 1.0).max(0.0), (likely + 1.0).min(10.0))
        } else {
            (likely * 0.85, likely * 1.25)
        };
        Self {
            criterion,
            low,
            high,
        }
    }
}

impl_has_id!(Alternative => AlternativeId);

impl Alternative {
    /// All resources in EUR: budget plus effort valued at the project's day rate.
    pub fn resources_eur(&self, day_rate_eur: f64) -> f64 {
        self.budget_eur + self.effort_person_days * day_rate_eur
    }

    /// The alternative's value for a measure: a score from 0 to 10, or for resources the EUR of
    /// budget plus effort at `day_rate_eur`. `None` for a score not assessed yet, for resources
    /// not entered yet (no budget and no effort), and for an own score, which belongs to one
    /// criterion (see [`Alternative::value_for`]).
    pub fn value(&self, measure: CriterionMeasure, day_rate_eur: f64) -> Option<f64> {
        match measure {
            CriterionMeasure::CompetitiveQuality => self.competitive_quality.get(),
            CriterionMeasure::Risk => self.risk.get(),
            CriterionMeasure::Resources => self
                .has_resources()
                .then(|| self.resources_eur(day_rate_eur)),
            CriterionMeasure::GoalContribution => self.goal_contribution.get(),
            CriterionMeasure::StrategicQuality => self.strategic_quality.get(),
            CriterionMeasure::Custom => None,
        }
    }

    /// The alternative's value for what a criterion measures: [`Alternative::value`] of its
    /// measure, or for an own-score criterion the score entered for it (`None` if none is).
    pub fn value_for(&self, criterion: &Criterion, day_rate_eur: f64) -> Option<f64> {
        match criterion.measure {
            CriterionMeasure::Custom => self.custom_score(criterion.id),
            measure => self.value(measure, day_rate_eur),
        }
    }

    /// Whether its resources are entered: a strategy needs some budget or effort, so none of
    /// either means they are not entered yet.
    pub fn has_resources(&self) -> bool {
        self.budget_eur > 0.0 || self.effort_person_days > 0.0
    }

    /// Moves the score a measure stands for by `delta`, kept within 0–10 (a drag on the
    /// alternatives map). Resources come from budget and effort and own scores belong to one
    /// criterion: neither moves this way, and neither does a score not assessed yet.
    pub fn move_score(&mut self, measure: CriterionMeasure, delta: f64) {
        let value = match measure {
            CriterionMeasure::CompetitiveQuality => &mut self.competitive_quality,
            CriterionMeasure::Risk => &mut self.risk,
            CriterionMeasure::GoalContribution => &mut self.goal_contribution,
            CriterionMeasure::StrategicQuality => &mut self.strategic_quality,
            CriterionMeasure::Resources | CriterionMeasure::Custom => return,
        };
        if let Some(v) = value.get() {
            value.set((v + delta).clamp(Score::MIN, Score::MAX));
        }
    }

    /// Sets the own score for a criterion, and widens the criterion's uncertainty range, if it
    /// has one, so that it still holds the score.
    pub fn set_custom_score(&mut self, criterion: CriterionId, score: f64) {
        match self
            .custom_scores
            .iter_mut()
            .find(|s| s.criterion == criterion)
        {
            Some(s) => s.score = score,
            None => self.custom_scores.push(CustomScore { criterion, score }),
        }
        if let Some(r) = self.ranges.iter_mut().find(|r| r.criterion == criterion) {
            r.low = r.low.min(score);
            r.high = r.high.max(score);
        }
    }

    /// Makes a criterion's value uncertain, with [`ScoreRange::default_around`] the value, or
    /// certain again: drops its range. A value not assessed yet (a score, an own score,
    /// resources not entered) cannot be made uncertain: there is no most likely value yet.
    pub fn set_uncertain(&mut self, criterion: &Criterion, day_rate_eur: f64, uncertain: bool) {
        if !uncertain {
            self.ranges.retain(|r| r.criterion != criterion.id);
        } else if self.range(criterion.id).is_none() {
            // A value not assessed yet has no most likely value to put a range around.
            let Some(likely) = self.value_for(criterion, day_rate_eur) else {
                return;
            };
            self.ranges.push(ScoreRange::default_around(
                criterion.id,
                likely,
                criterion.measure.is_score(),
            ));
        }
    }

    /// Sets what the strategy says about a component; a blank text removes the statement (and
    /// any other blank one).
    pub fn set_statement(&mut self, component: Component, text: String) {
        match self
            .statements
            .iter_mut()
            .find(|s| s.component == component)
        {
            Some(s) => s.text = text,
            None => self.statements.push(Statement { component, text }),
        }
        self.statements.retain(|s| !s.text.trim().is_empty());
    }

    /// Puts an option into the bundle, at the option's own priority, or takes it out.
    pub fn set_bundled(&mut self, option: &ActionOption, bundled: bool) {
        if !bundled {
            self.options.retain(|b| b.option != option.id);
        } else if !self.bundles(option.id) {
            self.options.push(BundledOption {
                option: option.id,
                priority: option.priority,
            });
        }
    }

    /// Sets the priority a bundled option has in this alternative (nothing if it is not
    /// bundled).
    pub fn set_bundle_priority(&mut self, option: OptionId, priority: Priority) {
        if let Some(b) = self.options.iter_mut().find(|b| b.option == option) {
            b.priority = priority;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decision::Direction;

    fn alternative() -> Alternative {
        Alternative {
            id: AlternativeId(1),
            name: "A".into(),
            description: String::new(),
            options: Vec::new(),
            competitive_quality: Score::new(7.0),
            risk: Score::new(4.0),
            budget_eur: 10_000.0,
            effort_person_days: 20.0,
            goal_contribution: Score::new(6.0),
            strategic_quality: Score::new(8.0),
            status: AlternativeStatus::Draft,
            custom_scores: vec![CustomScore {
                criterion: CriterionId(9),
                score: 3.0,
            }],
            ranges: Vec::new(),
            statements: Vec::new(),
            rubric: QualityRubric::default(),
            overrides: Vec::new(),
        }
    }

    fn criterion(id: u32, measure: CriterionMeasure) -> Criterion {
        Criterion {
            id: CriterionId(id),
            name: format!("criterion {id}"),
            direction: Direction::Benefit,
            weight: 0.5,
            measure,
        }
    }

    #[test]
    fn each_measure_reads_its_own_value() {
        let a = alternative();
        let value = |m| a.value(m, 500.0);
        assert_eq!(value(CriterionMeasure::CompetitiveQuality), Some(7.0));
        assert_eq!(value(CriterionMeasure::Risk), Some(4.0));
        assert_eq!(
            value(CriterionMeasure::Resources),
            Some(10_000.0 + 20.0 * 500.0)
        );
        assert_eq!(value(CriterionMeasure::GoalContribution), Some(6.0));
        assert_eq!(value(CriterionMeasure::StrategicQuality), Some(8.0));
        assert_eq!(value(CriterionMeasure::Custom), None);
    }

    #[test]
    fn a_criterion_reads_its_measure_or_its_own_score() {
        let a = alternative();
        let own = criterion(9, CriterionMeasure::Custom);
        let unscored = criterion(8, CriterionMeasure::Custom);
        let risk = criterion(2, CriterionMeasure::Risk);
        assert_eq!(a.value_for(&own, 500.0), Some(3.0));
        assert_eq!(a.value_for(&unscored, 500.0), None);
        assert_eq!(a.value_for(&risk, 500.0), Some(4.0));
    }

    #[test]
    fn moving_a_score_stays_within_the_scale_and_leaves_resources_alone() {
        let mut a = alternative();
        a.move_score(CriterionMeasure::CompetitiveQuality, 5.0);
        a.move_score(CriterionMeasure::Risk, -1.5);
        a.move_score(CriterionMeasure::GoalContribution, -9.0);
        a.move_score(CriterionMeasure::StrategicQuality, 0.5);
        assert_eq!(
            (
                a.competitive_quality,
                a.risk,
                a.goal_contribution,
                a.strategic_quality
            ),
            (
                Score::new(10.0),
                Score::new(2.5),
                Score::new(0.0),
                Score::new(8.5)
            )
        );
        let before = a.clone();
        a.move_score(CriterionMeasure::Resources, 3.0);
        a.move_score(CriterionMeasure::Custom, 3.0);
        assert_eq!(a, before);
    }

    #[test]
    fn a_new_own_score_is_added_and_its_range_widened() {
        let mut a = alternative();
        a.ranges.push(ScoreRange {
            criterion: CriterionId(9),
            low: 2.0,
            high: 4.0,
        });
        a.set_custom_score(CriterionId(9), 6.0);
        assert_eq!(a.custom_score(CriterionId(9)), Some(6.0));
        assert_eq!(a.custom_scores.len(), 1, "replaced, not added");
        assert_eq!(
            a.range(CriterionId(9)).map(|r| (r.low, r.high)),
            Some((2.0, 6.0))
        );
        a.set_custom_score(CriterionId(9), 1.0);
        assert_eq!(
            a.range(CriterionId(9)).map(|r| (r.low, r.high)),
            Some((1.0, 6.0))
        );
        a.set_custom_score(CriterionId(7), 5.0);
        assert_eq!(a.custom_score(CriterionId(7)), Some(5.0));
        assert_eq!(a.range(CriterionId(7)), None, "no range is made up");
    }

    #[test]
    fn default_ranges_are_a_point_around_scores_and_a_share_of_amounts() {
        let r = ScoreRange::default_around(CriterionId(1), 5.0, true);
        assert_eq!((r.low, r.high), (4.0, 6.0));
        let r = ScoreRange::default_around(CriterionId(1), 9.5, true);
        assert_eq!((r.low, r.high), (8.5, 10.0));
        let r = ScoreRange::default_around(CriterionId(1), 0.4, true);
        assert_eq!((r.low, r.high), (0.0, 1.4));
        let r = ScoreRange::default_around(CriterionId(1), 100_000.0, false);
        assert_eq!((r.low, r.high), (85_000.0, 125_000.0));
    }

    #[test]
    fn marking_a_value_uncertain_adds_the_default_range_once() {
        let mut a = alternative();
        let resources = criterion(3, CriterionMeasure::Resources);
        let quality = criterion(1, CriterionMeasure::CompetitiveQuality);
        a.set_uncertain(&resources, 500.0, true);
        a.set_uncertain(&quality, 500.0, true);
        a.set_uncertain(&quality, 500.0, true);
        assert_eq!(a.ranges.len(), 2);
        let r = a.range(CriterionId(3)).unwrap();
        assert_eq!((r.low, r.high), (20_000.0 * 0.85, 20_000.0 * 1.25));
        let r = a.range(CriterionId(1)).unwrap();
        assert_eq!((r.low, r.high), (6.0, 8.0));
        a.set_uncertain(&resources, 500.0, false);
        assert_eq!(a.range(CriterionId(3)), None);
        assert!(a.range(CriterionId(1)).is_some());
    }

    #[test]
    fn a_blank_statement_is_removed() {
        let mut a = alternative();
        a.set_statement(Component::Reach, "5,000 readers".into());
        a.set_statement(Component::Goals, "More orders".into());
        a.set_statement(Component::Reach, "10,000 readers".into());
        assert_eq!(a.statement(Component::Reach), Some("10,000 readers"));
        assert_eq!(a.statements.len(), 2);
        a.set_statement(Component::Reach, "  ".into());
        assert_eq!(a.statements.len(), 1);
        assert_eq!(a.statement(Component::Goals), Some("More orders"));
    }

    #[test]
    fn a_bundled_option_starts_at_its_own_priority() {
        let mut a = alternative();
        let mut p = crate::model::Project::new("t");
        let today = crate::model::Date::new(2026, 1, 1).unwrap();
        crate::model::add_item(&mut p, crate::model::ItemKind::Option, today).unwrap();
        let mut option = p.options[0].clone();
        option.priority = Priority::High;
        a.set_bundled(&option, true);
        a.set_bundled(&option, true);
        assert_eq!(
            a.options,
            vec![BundledOption {
                option: option.id,
                priority: Priority::High
            }]
        );
        a.set_bundle_priority(option.id, Priority::Low);
        assert_eq!(a.options[0].priority, Priority::Low);
        a.set_bundle_priority(OptionId(99), Priority::High);
        assert_eq!(a.options.len(), 1);
        a.set_bundled(&option, false);
        assert!(!a.bundles(option.id));
    }

    #[test]
    fn a_value_not_assessed_cannot_be_made_uncertain() {
        let mut a = alternative();
        let risk = criterion(2, CriterionMeasure::Risk);
        a.risk = Score::NOT_ASSESSED;
        a.set_uncertain(&risk, 650.0, true);
        assert!(a.ranges.is_empty());
        a.risk = Score::new(4.0);
        a.set_uncertain(&risk, 650.0, true);
        assert_eq!(a.ranges.len(), 1);
    }
}
