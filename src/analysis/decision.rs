//! Scores, ranking, dominance and budget of the strategy alternatives.
//!
//! Method (shown to users as [`NORMALIZATION_NOTE`]): each criterion's raw values are scaled to
//! 0–1 across the alternatives, the best getting 1 and the worst 0 (for a cost criterion the
//! lowest value is best); the total is the weighted sum of the scaled values; ranks are shared
//! by ties.

use crate::model::decision::Direction;
use crate::model::{Alternative, AlternativeId, Criterion, CriterionId, Project};
use std::borrow::Cow;

/// How scores are scaled, in words for the user.
pub const NORMALIZATION_NOTE: &str = "Each criterion is scaled across the alternatives: the best gets 1, the worst 0, \
the others in proportion (for risk and resources, lower is better). The total is the sum of the scaled scores times \
the weights. If all alternatives score the same on a criterion, each gets 1 there.";

/// Totals closer than this count as a tie.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// An alternative's value for a criterion, as entered (EUR for resources, 0–10 otherwise).
/// A value not assessed yet counts as 0 here, but [`in_decision`] keeps such an alternative out
/// of every analysis first.
pub fn raw_value(project: &Project, alternative: &Alternative, criterion: &Criterion) -> f64 {
    alternative
        .value_for(criterion, project.day_rate_eur)
        .unwrap_or(0.0)
}

/// What an alternative lacks for the decision: the names of the criteria whose value is not
/// assessed yet (a score, an own score, or resources with neither budget nor effort). Empty
/// when it can be ranked.
pub fn not_assessed<'a>(project: &'a Project, alternative: &Alternative) -> Vec<&'a str> {
    project
        .decision
        .criteria
        .iter()
        .filter(|c| alternative.value_for(c, project.day_rate_eur).is_none())
        .map(|c| c.name.as_str())
        .collect()
}

/// The project as the decision analyses see it: without the alternatives that lack a value
/// for a criterion ([`not_assessed`]), so a value not assessed yet never counts as a judgement.
/// Borrowed, without a copy, when every alternative can be ranked.
pub fn in_decision(project: &Project) -> Cow<'_, Project> {
    let assessed = |a: &Alternative| {
        project
            .decision
            .criteria
            .iter()
            .all(|c| a.value_for(c, project.day_rate_eur).is_some())
    };
    if project.alternatives.iter().all(assessed) {
        return Cow::Borrowed(project);
    }
    let mut view = project.clone();
    view.alternatives.retain(assessed);
    Cow::Owned(view)
}

/// Raw values as a matrix: one row per alternative, one column per criterion.
pub fn raw_matrix(project: &Project) -> Vec<Vec<f64>> {
    project
        .alternatives
        .iter()
        .map(|a| {
            project
                .decision
                .criteria
                .iter()
                .map(|c| raw_value(project, a, c))
                .collect()
        })
        .collect()
}

/// Scales one column in place per [`NORMALIZATION_NOTE`]. `column` holds one value per
/// alternative.
pub fn normalize_column(column: &mut [f64], direction: Direction) {
    let (min, max) = column
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let span = max - min;
    for v in column.iter_mut() {
        *v = if span.abs() < f64::EPSILON {
            1.0
        } else {
            match direction {
                Direction::Benefit => (*v - min) / span,
                Direction::Cost => (max - *v) / span,
            }
        };
    }
}

/// The scaled matrix of a raw matrix.
pub fn normalize(raw: &[Vec<f64>], directions: &[Direction]) -> Vec<Vec<f64>> {
    let mut out = raw.to_vec();
    let mut column = vec![0.0; raw.len()];
    for (k, direction) in directions.iter().enumerate() {
        for (i, row) in raw.iter().enumerate() {
            column[i] = row[k];
        }
        normalize_column(&mut column, *direction);
        for (i, row) in out.iter_mut().enumerate() {
            row[k] = column[i];
        }
    }
    out
}

/// Weighted totals of a scaled matrix.
pub fn totals(normalized: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
    normalized
        .iter()
        .map(|row| row.iter().zip(weights).map(|(n, w)| n * w).sum())
        .collect()
}

/// Ranks from totals, 1 for the best; ties share the better rank (1, 2, 2, 4).
pub fn ranks(totals: &[f64]) -> Vec<usize> {
    totals
        .iter()
        .map(|t| 1 + totals.iter().filter(|o| **o > t + TIE_TOLERANCE).count())
        .collect()
}

/// Whether `a` dominates `b`: at least as good on every criterion and better on one.
pub fn dominates(a: &[f64], b: &[f64], directions: &[Direction]) -> bool {
    let mut better_somewhere = false;
    for ((x, y), d) in a.iter().zip(b).zip(directions) {
        let (x, y) = match d {
            Direction::Benefit => (*x, *y),
            Direction::Cost => (-*x, -*y),
        };
        if x < y {
            return false;
        }
        if x > y {
            better_somewhere = true;
        }
    }
    better_somewhere
}

/// One criterion in an evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionResult {
    /// The criterion.
    pub id: CriterionId,
    /// Its name.
    pub name: String,
    /// Benefit or cost.
    pub direction: Direction,
    /// Its weight.
    pub weight: f64,
}

/// One alternative in an evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct AlternativeResult {
    /// The alternative.
    pub id: AlternativeId,
    /// Its name.
    pub name: String,
    /// Raw value per criterion (in the order of [`Evaluation::criteria`]).
    pub raw: Vec<f64>,
    /// Scaled value per criterion, 0–1.
    pub normalized: Vec<f64>,
    /// Weighted total, 0–1.
    pub total: f64,
    /// Rank, 1 for the best; ties share.
    pub rank: usize,
    /// Whether no other alternative dominates it.
    pub pareto: bool,
    /// The alternatives that dominate it.
    pub dominated_by: Vec<AlternativeId>,
    /// Whether it needs more budget or effort than the budget allows.
    pub over_budget: bool,
}

/// The evaluation of all alternatives on all criteria.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Evaluation {
    /// The criteria, in project order.
    pub criteria: Vec<CriterionResult>,
    /// The alternatives, in project order.
    pub alternatives: Vec<AlternativeResult>,
    /// The best-ranked alternative within the budget, if a budget is set.
    pub best_within_budget: Option<AlternativeId>,
    /// The alternatives left out because a value is not assessed yet (see [`not_assessed`]),
    /// in project order.
    pub not_assessed: Vec<LeftOut>,
}

/// An alternative left out of the decision analyses until its values are assessed.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    /// The alternative.
    pub id: AlternativeId,
    /// Its name.
    pub name: String,
    /// The criteria it has no value for yet.
    pub lacks: Vec<String>,
}

impl Evaluation {
    /// The result for an alternative.
    pub fn alternative(&self, id: AlternativeId) -> Option<&AlternativeResult> {
        self.alternatives.iter().find(|a| a.id == id)
    }

    /// The top-ranked alternative (the first in project order among ties).
    pub fn winner(&self) -> Option<&AlternativeResult> {
        self.alternatives.iter().find(|a| a.rank == 1)
    }

    /// A sentence naming the alternatives left out of the ranking and what each lacks, or
    /// `None` when every alternative is ranked: "Not ranked until assessed: “Reach” (lacks
    /// risk, resources)."
    pub fn not_assessed_note(&self) -> Option<String> {
        if self.not_assessed.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .not_assessed
            .iter()
            .map(|l| format!("“{}” (lacks {})", l.name, l.lacks.join(", ").to_lowercase()))
            .collect();
        Some(format!("Not ranked until assessed: {}.", parts.join("; ")))
    }

    /// The alternatives in rank order (stable for ties).
    pub fn ranked(&self) -> Vec<&AlternativeResult> {
        let mut v: Vec<_> = self.alternatives.iter().collect();
        v.sort_by_key(|a| a.rank);
        v
    }
}

/// Evaluates the project's alternatives with its criteria and weights.
pub fn evaluate(project: &Project) -> Evaluation {
    let weights: Vec<f64> = project.decision.criteria.iter().map(|c| c.weight).collect();
    evaluate_with_weights(project, &weights)
}

/// Evaluates with other weights (one per criterion, in project order), e.g. a scenario's.
/// Alternatives with a value not assessed yet are left out and listed in
/// [`Evaluation::not_assessed`].
pub fn evaluate_with_weights(project: &Project, weights: &[f64]) -> Evaluation {
    let left_out: Vec<LeftOut> = project
        .alternatives
        .iter()
        .filter_map(|a| {
            let missing = not_assessed(project, a);
            (!missing.is_empty()).then(|| LeftOut {
                id: a.id,
                name: a.name.clone(),
                lacks: missing.into_iter().map(str::to_owned).collect(),
            })
        })
        .collect();
    let view = in_decision(project);
    let project = &*view;
    let criteria = &project.decision.criteria;
    let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
    let raw = raw_matrix(project);
    let normalized = normalize(&raw, &directions);
    let total = totals(&normalized, weights);
    let rank = ranks(&total);
    let budget = project.decision.budget;
    let mut alternatives: Vec<AlternativeResult> = project
        .alternatives
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let dominated_by: Vec<AlternativeId> = project
                .alternatives
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i && dominates(&raw[*j], &raw[i], &directions))
                .map(|(_, b)| b.id)
                .collect();
            AlternativeResult {
                id: a.id,
                name: a.name.clone(),
                raw: raw[i].clone(),
                normalized: normalized[i].clone(),
                total: total[i],
                rank: rank[i],
                pareto: dominated_by.is_empty(),
                dominated_by,
                over_budget: budget
                    .is_some_and(|b| a.budget_eur > b.eur || a.effort_person_days > b.person_days),
            }
        })
        .collect();
    let best_within_budget = budget.and_then(|_| {
        alternatives
            .iter()
            .filter(|a| !a.over_budget)
            .min_by_key(|a| a.rank)
            .map(|a| a.id)
    });
    // Keep weights as given (a scenario's), not the project's.
    let criteria = criteria
        .iter()
        .zip(weights)
        .map(|(c, w)| CriterionResult {
            id: c.id,
            name: c.name.clone(),
            direction: c.direction,
            weight: *w,
        })
        .collect();
    alternatives.shrink_to_fit();
    Evaluation {
        criteria,
        alternatives,
        best_within_budget,
        not_assessed: left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;
    use crate::model::decision::Decision;
    use crate::model::{Budget, ItemKind, add_item};

    /// Three alternatives on two criteria, worked by hand below.
    fn small() -> Project {
        let mut p = Project::new("t");
        let today = crate::model::Date::new(2026, 1, 1).unwrap();
        for _ in 0..3 {
            add_item(&mut p, ItemKind::Alternative, today).unwrap();
        }
        p.decision = Decision::default();
        // Quality (benefit) 0.6, risk (cost) 0.4; drop the other default criteria.
        p.decision.criteria.truncate(2);
        p.decision.criteria[0].weight = 0.6;
        p.decision.criteria[1].weight = 0.4;
        let scores = [(8.0, 6.0), (4.0, 2.0), (6.0, 4.0)];
        for (a, (q, r)) in p.alternatives.iter_mut().zip(scores) {
            a.competitive_quality = Score::new(q);
            a.risk = Score::new(r);
        }
        p
    }

    #[test]
    fn weighted_sum_worked_by_hand() {
        // Quality 8, 4, 6 -> scaled 1, 0, 0.5. Risk 6, 2, 4 (cost) -> scaled 0, 1, 0.5.
        // Totals: A 0.6*1 + 0.4*0 = 0.6; B 0 + 0.4 = 0.4; C 0.3 + 0.2 = 0.5.
        let e = evaluate(&small());
        let t: Vec<f64> = e.alternatives.iter().map(|a| a.total).collect();
        assert!(
            (t[0] - 0.6).abs() < 1e-12 && (t[1] - 0.4).abs() < 1e-12 && (t[2] - 0.5).abs() < 1e-12,
            "{t:?}"
        );
        assert_eq!(
            e.alternatives.iter().map(|a| a.rank).collect::<Vec<_>>(),
            vec![1, 3, 2]
        );
        assert_eq!(e.alternatives[2].normalized, vec![0.5, 0.5]);
        assert_eq!(e.winner().unwrap().id, AlternativeId(1));
        // Each trades quality against risk: none is dominated.
        assert!(e.alternatives.iter().all(|a| a.pareto));
    }

    #[test]
    fn ties_share_a_rank() {
        assert_eq!(ranks(&[0.5, 0.7, 0.5, 0.1]), vec![2, 1, 2, 4]);
        assert_eq!(ranks(&[0.3, 0.3]), vec![1, 1]);
        assert_eq!(ranks(&[]), Vec::<usize>::new());
    }

    #[test]
    fn equal_scores_scale_to_one() {
        let mut col = [5.0, 5.0];
        normalize_column(&mut col, Direction::Cost);
        assert_eq!(col, [1.0, 1.0]);
    }

    #[test]
    fn pareto_on_crafted_sets() {
        let d = [Direction::Benefit, Direction::Cost];
        // Better on both: dominates; equal on both: does not (duplicates are both on the frontier).
        assert!(dominates(&[5.0, 1.0], &[4.0, 2.0], &d));
        assert!(!dominates(&[5.0, 1.0], &[5.0, 1.0], &d));
        assert!(
            dominates(&[5.0, 1.0], &[5.0, 2.0], &d),
            "tie on one, better on the other"
        );
        assert!(!dominates(&[5.0, 3.0], &[4.0, 2.0], &d), "a trade-off");

        let mut p = small();
        p.alternatives[1].competitive_quality = Score::new(8.0);
        p.alternatives[1].risk = Score::new(6.0); // a duplicate of A
        p.alternatives[2].competitive_quality = Score::new(7.0);
        p.alternatives[2].risk = Score::new(7.0); // worse than A and B on both
        let e = evaluate(&p);
        assert!(e.alternatives[0].pareto && e.alternatives[1].pareto);
        assert!(!e.alternatives[2].pareto);
        assert_eq!(
            e.alternatives[2].dominated_by,
            vec![AlternativeId(1), AlternativeId(2)]
        );
        assert_eq!(e.alternatives[0].rank, 1);
        assert_eq!(e.alternatives[1].rank, 1, "duplicates tie");

        p.alternatives.truncate(1);
        let e = evaluate(&p);
        assert!(e.alternatives[0].pareto);
        assert_eq!(e.alternatives[0].rank, 1);
    }

    #[test]
    fn budget_marks_alternatives_and_finds_the_best_within_it() {
        let mut p = small();
        p.alternatives[0].budget_eur = 200_000.0;
        p.alternatives[1].budget_eur = 40_000.0;
        p.alternatives[2].budget_eur = 60_000.0;
        for a in &mut p.alternatives {
            a.effort_person_days = 200.0;
        }
        p.decision.budget = Some(Budget {
            eur: 100_000.0,
            person_days: 1_000.0,
        });
        let e = evaluate(&p);
        assert!(e.alternatives[0].over_budget);
        assert!(!e.alternatives[1].over_budget && !e.alternatives[2].over_budget);
        assert_eq!(e.best_within_budget, Some(AlternativeId(3)));
        p.decision.budget = Some(Budget {
            eur: 1e9,
            person_days: 10.0,
        });
        let e = evaluate(&p);
        assert!(
            e.alternatives.iter().all(|a| a.over_budget),
            "effort over the limit counts too"
        );
        assert_eq!(e.best_within_budget, None);
    }

    #[test]
    fn resources_combine_budget_and_effort_at_the_day_rate() {
        let p = crate::io::SAMPLES[0].load().unwrap();
        let e = evaluate(&p);
        let first = &e.alternatives[0];
        let resources = e
            .criteria
            .iter()
            .position(|c| c.name == "Resources")
            .unwrap();
        assert_eq!(first.raw[resources], 97_000.0 + 420.0 * 520.0);
    }
}
