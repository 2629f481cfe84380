//! The decision between strategy alternatives: criteria with directions and weights, optional
//! AHP pairwise judgments, named weight scenarios, a budget, and Monte Carlo settings.

use super::alternatives::Alternative;
use super::choice::choice_enum;
use super::ids::{CriterionId, impl_has_id};
use serde::{Deserialize, Serialize};

choice_enum! {
    /// Whether more or less of a criterion is better.
    Direction {
        /// Higher is better (competitive quality).
        Benefit => "Benefit (higher is better)",
        /// Lower is better (risk, resources).
        Cost => "Cost (lower is better)",
    } default Benefit
}

choice_enum! {
    /// Which value of an alternative a criterion measures.
    CriterionMeasure {
        /// The alternative's competitive quality (0–10).
        CompetitiveQuality => "Competitive quality",
        /// The alternative's risk (0–10).
        Risk => "Risk",
        /// Budget plus effort at the day rate, in EUR.
        Resources => "Resources (EUR)",
        /// Contribution to goals (0–10).
        GoalContribution => "Goal contribution",
        /// Strategic quality (0–10).
        StrategicQuality => "Strategic quality",
        /// A score entered per alternative for this criterion (0–10).
        Custom => "Own score (0–10)",
    } default Custom
}

impl CriterionMeasure {
    /// Whether the measure is on pbsm's 0–10 scale (resources are in EUR).
    pub fn is_score(self) -> bool {
        self != Self::Resources
    }

    /// Which way the measure is better: less risk and fewer resources, more of everything else
    /// (an own score is taken as a benefit; its criterion may say otherwise).
    pub fn usual_direction(self) -> Direction {
        match self {
            Self::Risk | Self::Resources => Direction::Cost,
            Self::CompetitiveQuality
            | Self::GoalContribution
            | Self::StrategicQuality
            | Self::Custom => Direction::Benefit,
        }
    }
}

/// A criterion the alternatives are evaluated on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id.
    pub id: CriterionId,
    /// Name shown to people.
    pub name: String,
    /// Benefit or cost.
    pub direction: Direction,
    /// Weight, 0 to 1; the weights of all criteria sum to 1.
    pub weight: f64,
    /// Which value of the alternative it measures.
    pub measure: CriterionMeasure,
}

/// One pairwise comparison on Saaty's 1–9 scale: how much more important `a` is than `b`
/// (a value below 1 means `b` is more important; 1/3 is "b moderately more important").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgment {
    /// The first criterion.
    pub a: CriterionId,
    /// The second criterion.
    pub b: CriterionId,
    /// Importance of `a` over `b`, from 1/9 to 9.
    pub value: f64,
}

/// A named set of weights ("growth first", "low risk").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightScenario {
    /// Name.
    pub name: String,
    /// Weight per criterion; criteria not listed weigh 0. Normalised to sum 1 when applied.
    pub weights: Vec<(CriterionId, f64)>,
}

impl WeightScenario {
    /// The scenario's weight for a criterion, as saved (0 if it is not listed).
    pub fn weight(&self, criterion: CriterionId) -> f64 {
        self.weights
            .iter()
            .find(|(id, _)| *id == criterion)
            .map_or(0.0, |(_, w)| *w)
    }
}

/// The resources the company can give the strategy.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Budget in EUR.
    pub eur: f64,
    /// Effort in person-days.
    pub person_days: f64,
}

impl Budget {
    /// A sensible first budget: the median alternative's budget and the median effort (the
    /// upper one of the two middle values for an even count; 0 without alternatives).
    pub fn median_of(alternatives: &[Alternative]) -> Self {
        let median = |value: fn(&Alternative) -> f64| {
            let mut values: Vec<f64> = alternatives.iter().map(value).collect();
            values.sort_by(f64::total_cmp);
            values.get(values.len() / 2).copied().unwrap_or(0.0)
        };
        Self {
            eur: median(|a| a.budget_eur),
            person_days: median(|a| a.effort_person_days),
        }
    }
}

/// Everything the decision analysis needs beside the alternatives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The criteria.
    pub criteria: Vec<Criterion>,
    /// AHP pairwise judgments; when present and complete, they set the weights.
    #[serde(default)]
    pub judgments: Vec<Judgment>,
    /// Named weight scenarios to compare.
    #[serde(default)]
    pub scenarios: Vec<WeightScenario>,
    /// The budget, if one is set.
    #[serde(default)]
    pub budget: Option<Budget>,
    /// Monte Carlo draws for the robustness analysis.
    #[serde(default = "default_draws")]
    pub draws: u32,
    /// Seed of the Monte Carlo draws, so results repeat.
    #[serde(default = "default_seed")]
    pub seed: u64,
}

/// 10,000 draws: enough for shares to within about one percentage point.
pub const DEFAULT_DRAWS: u32 = 10_000;

/// The most Monte Carlo draws a project may ask for.
pub const MAX_DRAWS: u32 = 1_000_000;

fn default_draws() -> u32 {
    DEFAULT_DRAWS
}

fn default_seed() -> u64 {
    1
}

impl Default for Decision {
    /// pbsm's default criteria: competitive quality, risk, resources, contribution to goals
    /// and strategic quality.
    fn default() -> Self {
        let criterion = |id, name: &str, direction, weight, measure| Criterion {
            id: CriterionId(id),
            name: name.to_owned(),
            direction,
            weight,
            measure,
        };
        Self {
            criteria: vec![
                criterion(
                    1,
                    "Competitive quality",
                    Direction::Benefit,
                    0.3,
                    CriterionMeasure::CompetitiveQuality,
                ),
                criterion(2, "Risk", Direction::Cost, 0.2, CriterionMeasure::Risk),
                criterion(
                    3,
                    "Resources",
                    Direction::Cost,
                    0.2,
                    CriterionMeasure::Resources,
                ),
                criterion(
                    4,
                    "Contribution to goals",
                    Direction::Benefit,
                    0.15,
                    CriterionMeasure::GoalContribution,
                ),
                criterion(
                    5,
                    "Strategic quality",
                    Direction::Benefit,
                    0.15,
                    CriterionMeasure::StrategicQuality,
                ),
            ],
            judgments: Vec::new(),
            scenarios: Vec::new(),
            budget: None,
            draws: DEFAULT_DRAWS,
            seed: 1,
        }
    }
}

impl_has_id!(Criterion => CriterionId);

impl Decision {
    /// The criterion with this id.
    pub fn criterion(&self, id: CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Sets one criterion's weight (clamped to 0..=1) and rescales the others proportionally so
    /// that all still sum to 1. If the others all weigh 0, they share the rest equally.
    pub fn set_weight(&mut self, id: CriterionId, weight: f64) {
        let weight = if weight.is_finite() {
            weight.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let others: f64 = self
            .criteria
            .iter()
            .filter(|c| c.id != id)
            .map(|c| c.weight)
            .sum();
        let count_others = self.criteria.iter().filter(|c| c.id != id).count();
        let rest = 1.0 - weight;
        for c in &mut self.criteria {
            if c.id == id {
                c.weight = weight;
            } else if others > 0.0 {
                c.weight *= rest / others;
            } else if count_others > 0 {
                #[allow(clippy::cast_precision_loss)]
                let share = rest / count_others as f64;
                c.weight = share;
            }
        }
        if count_others == 0 {
            for c in &mut self.criteria {
                c.weight = 1.0;
            }
        }
    }

    /// Scales all weights to sum 1 (equal weights if they sum to 0).
    pub fn normalize_weights(&mut self) {
        let sum: f64 = self.criteria.iter().map(|c| c.weight.max(0.0)).sum();
        #[allow(clippy::cast_precision_loss)]
        let n = self.criteria.len() as f64;
        for c in &mut self.criteria {
            c.weight = if sum > 0.0 {
                c.weight.max(0.0) / sum
            } else {
                1.0 / n
            };
        }
    }

    /// Sets the weights, one per criterion in order (an AHP result), normalised to sum 1.
    /// Criteria beyond the given weights keep theirs.
    pub fn set_weights(&mut self, weights: &[f64]) {
        for (c, w) in self.criteria.iter_mut().zip(weights) {
            c.weight = *w;
        }
        self.normalize_weights();
    }

    /// Forgets every AHP pairwise judgment (the weights stay as they are).
    pub fn clear_judgments(&mut self) {
        self.judgments.clear();
    }

    /// Applies a scenario's weights (normalised).
    pub fn apply_scenario(&mut self, scenario: &WeightScenario) {
        for c in &mut self.criteria {
            c.weight = scenario.weight(c.id);
        }
        self.normalize_weights();
    }

    /// Applies the saved scenario at `index` (nothing if there is none).
    pub fn apply_saved_scenario(&mut self, index: usize) {
        if let Some(s) = self.scenarios.get(index).cloned() {
            self.apply_scenario(&s);
        }
    }

    /// Saves the current weights as a scenario under `name` (trimmed), replacing a scenario of
    /// that name; the saved one goes last. Returns `false`, saving nothing, for a blank name.
    pub fn save_scenario(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        let weights = self.criteria.iter().map(|c| (c.id, c.weight)).collect();
        self.scenarios.retain(|s| s.name != name);
        self.scenarios.push(WeightScenario {
            name: name.to_owned(),
            weights,
        });
        true
    }

    /// Deletes the saved scenario at `index` (nothing if there is none).
    pub fn delete_scenario(&mut self, index: usize) {
        if index < self.scenarios.len() {
            self.scenarios.remove(index);
        }
    }

    /// A scenario's weights for the current criteria, in their order, scaled to sum 1 (all 0
    /// if they sum to 0), to rank the alternatives as the scenario would.
    pub fn scenario_weights(&self, scenario: &WeightScenario) -> Vec<f64> {
        let weights: Vec<f64> = self
            .criteria
            .iter()
            .map(|c| scenario.weight(c.id))
            .collect();
        let sum: f64 = weights.iter().sum();
        weights
            .iter()
            .map(|w| if sum > 0.0 { w / sum } else { 0.0 })
            .collect()
    }

    /// Removes a criterion, its judgments and its scenario weights, and rescales the rest.
    pub fn remove_criterion(&mut self, id: CriterionId) {
        self.criteria.retain(|c| c.id != id);
        self.judgments.retain(|j| j.a != id && j.b != id);
        for s in &mut self.scenarios {
            s.weights.retain(|(c, _)| *c != id);
        }
        if !self.criteria.is_empty() {
            self.normalize_weights();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(d: &Decision) -> f64 {
        d.criteria.iter().map(|c| c.weight).sum()
    }

    #[test]
    fn risk_and_resources_are_costs_the_rest_benefits() {
        use CriterionMeasure as M;
        assert_eq!(M::Risk.usual_direction(), Direction::Cost);
        assert_eq!(M::Resources.usual_direction(), Direction::Cost);
        for m in [
            M::CompetitiveQuality,
            M::GoalContribution,
            M::StrategicQuality,
            M::Custom,
        ] {
            assert_eq!(m.usual_direction(), Direction::Benefit, "{m:?}");
        }
        for c in Decision::default().criteria {
            assert_eq!(c.direction, c.measure.usual_direction(), "{}", c.name);
        }
    }

    #[test]
    fn default_weights_sum_to_one() {
        assert!((sum(&Decision::default()) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn moving_one_weight_rescales_the_others_proportionally() {
        let mut d = Decision::default();
        d.set_weight(CriterionId(1), 0.5);
        assert!((sum(&d) - 1.0).abs() < 1e-12);
        assert_eq!(d.criteria[0].weight, 0.5);
        // The others keep their proportions: risk and resources stay equal, 4:3 to goals.
        assert!((d.criteria[1].weight - d.criteria[2].weight).abs() < 1e-12);
        assert!((d.criteria[1].weight / d.criteria[3].weight - 0.2 / 0.15).abs() < 1e-9);
        d.set_weight(CriterionId(1), 1.0);
        assert!(d.criteria[1..].iter().all(|c| c.weight == 0.0));
        d.set_weight(CriterionId(1), 0.6);
        assert!(
            (sum(&d) - 1.0).abs() < 1e-12,
            "others share the rest equally once all were 0"
        );
        assert!((d.criteria[1].weight - 0.1).abs() < 1e-12);
    }

    #[test]
    fn scenarios_apply_normalised_and_removal_rescales() {
        let mut d = Decision::default();
        d.apply_scenario(&WeightScenario {
            name: "Low risk".into(),
            weights: vec![(CriterionId(2), 3.0), (CriterionId(1), 1.0)],
        });
        assert_eq!(d.criteria[1].weight, 0.75);
        assert_eq!(d.criteria[0].weight, 0.25);
        assert_eq!(d.criteria[2].weight, 0.0);
        d.remove_criterion(CriterionId(2));
        assert_eq!(d.criteria.len(), 4);
        assert!((sum(&d) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_scenario_is_saved_under_a_trimmed_name_and_replaces_its_namesake() {
        let mut d = Decision::default();
        assert!(!d.save_scenario("  "));
        assert!(d.scenarios.is_empty());
        assert!(d.save_scenario(" Growth "));
        assert!(d.save_scenario("Low risk"));
        d.set_weight(CriterionId(1), 0.9);
        assert!(d.save_scenario("Growth"));
        let names: Vec<&str> = d.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Low risk", "Growth"], "replaced, and now last");
        assert_eq!(d.scenarios[1].weight(CriterionId(1)), 0.9);
        assert_eq!(d.scenarios[0].weight(CriterionId(1)), 0.3);
        assert_eq!(d.scenarios[0].weight(CriterionId(42)), 0.0);
    }

    #[test]
    fn saved_scenarios_apply_and_delete_by_position() {
        let mut d = Decision::default();
        d.set_weight(CriterionId(2), 0.6);
        d.save_scenario("Low risk");
        d.set_weight(CriterionId(2), 0.0);
        d.apply_saved_scenario(5);
        assert_eq!(d.criteria[1].weight, 0.0, "no scenario 5: nothing happens");
        d.apply_saved_scenario(0);
        assert!((d.criteria[1].weight - 0.6).abs() < 1e-12);
        d.delete_scenario(3);
        assert_eq!(d.scenarios.len(), 1);
        d.delete_scenario(0);
        assert!(d.scenarios.is_empty());
    }

    #[test]
    fn scenario_weights_follow_the_criteria_and_are_rescaled() {
        let d = Decision::default();
        let s = WeightScenario {
            name: "Quality and risk".into(),
            weights: vec![
                (CriterionId(2), 1.0),
                (CriterionId(1), 3.0),
                (CriterionId(9), 4.0),
            ],
        };
        assert_eq!(d.scenario_weights(&s), vec![0.75, 0.25, 0.0, 0.0, 0.0]);
        let none = WeightScenario {
            name: "Nothing".into(),
            weights: vec![(CriterionId(1), 0.0)],
        };
        assert_eq!(d.scenario_weights(&none), vec![0.0; 5]);
    }

    #[test]
    fn weights_set_from_a_list_are_normalised_and_judgments_clear() {
        let mut d = Decision::default();
        d.judgments.push(Judgment {
            a: CriterionId(1),
            b: CriterionId(2),
            value: 3.0,
        });
        d.set_weights(&[2.0, 1.0, 1.0, 0.0, 0.0]);
        let weights: Vec<f64> = d.criteria.iter().map(|c| c.weight).collect();
        assert_eq!(weights, vec![0.5, 0.25, 0.25, 0.0, 0.0]);
        d.clear_judgments();
        assert!(d.judgments.is_empty());
        assert_eq!(d.criteria[0].weight, 0.5, "the weights stay");
    }

    #[test]
    fn the_first_budget_is_the_median_alternative() {
        assert_eq!(
            Budget::median_of(&[]),
            Budget {
                eur: 0.0,
                person_days: 0.0
            }
        );
        let mut p = crate::model::Project::new("t");
        let today = crate::model::Date::new(2026, 1, 1).unwrap();
        for (eur, days) in [(90.0, 5.0), (10.0, 30.0), (50.0, 10.0), (70.0, 20.0)] {
            crate::model::add_item(&mut p, crate::model::ItemKind::Alternative, today).unwrap();
            let a = p.alternatives.last_mut().unwrap();
            a.budget_eur = eur;
            a.effort_person_days = days;
        }
        // Budgets 10 50 70 90, efforts 5 10 20 30: the upper middle of each, independently.
        assert_eq!(
            Budget::median_of(&p.alternatives),
            Budget {
                eur: 70.0,
                person_days: 20.0
            }
        );
        assert_eq!(Budget::median_of(&p.alternatives[..3]).eur, 50.0);
    }
}
