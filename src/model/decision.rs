//! The decision between strategy alternatives: criteria with directions and weights, optional
//! AHP pairwise judgments, named weight scenarios, a budget, and Monte Carlo settings.

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

/// The resources the company can give the strategy.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Budget in EUR.
    pub eur: f64,
    /// Effort in person-days.
    pub person_days: f64,
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

    /// Applies a scenario's weights (normalised).
    pub fn apply_scenario(&mut self, scenario: &WeightScenario) {
        for c in &mut self.criteria {
            c.weight = scenario
                .weights
                .iter()
                .find(|(id, _)| *id == c.id)
                .map_or(0.0, |(_, w)| *w);
        }
        self.normalize_weights();
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
}
