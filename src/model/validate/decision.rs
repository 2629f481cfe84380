//! The checks of the decision and of the strategy alternatives.

use super::{Checker, Known, Num, ValuePath, WEIGHT_SUM_TOLERANCE, named};
use crate::model::decision::MAX_DRAWS;
use crate::model::project::Project;
use std::collections::HashSet;

/// The decision's criteria, judgments, scenarios, budget and draws.
pub(super) fn decision(c: &mut Checker, p: &Project) {
    let d = &p.decision;
    let dp = ValuePath::root().field("decision");
    let criteria = dp.field("criteria");
    c.unique_ids("criterion", &criteria, &d.criteria);
    let mut weight_sum = 0.0;
    for (n, cr) in d.criteria.iter().enumerate() {
        let item = named("criterion", cr.id, &cr.name);
        if !cr.weight.is_finite() || !(0.0..=1.0).contains(&cr.weight) {
            c.add(
                &item,
                criteria.index(n).field("weight"),
                format!(
                    "the weight is {}, expected a number from 0 to 1",
                    Num(cr.weight)
                ),
            );
        }
        weight_sum += cr.weight;
    }
    if !d.criteria.is_empty()
        && weight_sum.is_finite()
        && (weight_sum - 1.0).abs() > WEIGHT_SUM_TOLERANCE
    {
        c.add(
            "decision",
            criteria.clone(),
            format!(
                "the criteria's weights sum to {}, expected 1",
                Num::rounded(weight_sum)
            ),
        );
    }
    let judgments = dp.field("judgments");
    let mut pairs = HashSet::new();
    for (n, j) in d.judgments.iter().enumerate() {
        let item = format!("judgment {} vs {}", j.a, j.b);
        let at = judgments.index(n);
        c.link(&item, at.field("a"), "criterion", j.a, |id| {
            d.criterion(*id).is_some()
        });
        c.link(&item, at.field("b"), "criterion", j.b, |id| {
            d.criterion(*id).is_some()
        });
        if j.a == j.b {
            c.add(
                &item,
                at.field("b"),
                "compares a criterion with itself".to_owned(),
            );
        }
        if !pairs.insert((j.a.min(j.b), j.a.max(j.b))) {
            c.add(
                &item,
                at.clone(),
                "judges this pair more than once".to_owned(),
            );
        }
        if !j.value.is_finite() || !(1.0 / 9.0 - 1e-9..=9.0 + 1e-9).contains(&j.value) {
            c.add(
                &item,
                at.field("value"),
                format!(
                    "the value is {}, expected 1/9 to 9 on Saaty's scale",
                    Num(j.value)
                ),
            );
        }
    }
    let scenarios = dp.field("scenarios");
    for (n, s) in d.scenarios.iter().enumerate() {
        let item = format!("weight scenario \"{}\"", s.name);
        let weights = scenarios.index(n).field("weights");
        for (k, (id, w)) in s.weights.iter().enumerate() {
            let at = weights.index(k);
            c.link(&item, at.index(0), "criterion", *id, |x| {
                d.criterion(*x).is_some()
            });
            c.non_negative(
                &item,
                at.index(1),
                &format!("the weight of criterion {id}"),
                *w,
            );
        }
    }
    if let Some(b) = d.budget {
        let at = dp.field("budget");
        c.non_negative("budget", at.field("eur"), "the budget (EUR)", b.eur);
        c.non_negative(
            "budget",
            at.field("person_days"),
            "the effort (person-days)",
            b.person_days,
        );
    }
    if !(1..=MAX_DRAWS).contains(&d.draws) {
        c.add(
            "decision",
            dp.field("draws"),
            format!("{} Monte Carlo draws, expected 1 to {MAX_DRAWS}", d.draws),
        );
    }
}

/// The strategy alternatives: scores, own scores, ranges, statements, bundled options.
pub(super) fn alternatives(c: &mut Checker, p: &Project, known: &Known) {
    use crate::model::decision::CriterionMeasure;
    let d = &p.decision;
    let alternatives = ValuePath::root().field("alternatives");
    c.unique_ids("alternative", &alternatives, &p.alternatives);
    for (n, a) in p.alternatives.iter().enumerate() {
        let item = named("alternative", a.id, &a.name);
        let at = alternatives.index(n);
        c.overrides(
            &item,
            &at,
            &a.overrides,
            &[
                crate::model::Suggested::CompetitiveQuality,
                crate::model::Suggested::Risk,
                crate::model::Suggested::GoalContribution,
            ],
        );
        c.score(
            &item,
            &at,
            "competitive_quality",
            "competitive quality",
            a.competitive_quality,
        );
        c.score(&item, &at, "risk", "risk", a.risk);
        c.score(
            &item,
            &at,
            "goal_contribution",
            "goal contribution",
            a.goal_contribution,
        );
        c.score(
            &item,
            &at,
            "strategic_quality",
            "strategic quality",
            a.strategic_quality,
        );
        c.non_negative(
            &item,
            at.field("budget_eur"),
            "the budget (EUR)",
            a.budget_eur,
        );
        c.non_negative(
            &item,
            at.field("effort_person_days"),
            "the effort (person-days)",
            a.effort_person_days,
        );
        for (k, score) in a.custom_scores.iter().enumerate() {
            let here = at.field("custom_scores").index(k);
            match d.criterion(score.criterion) {
                Some(cr) if cr.measure == CriterionMeasure::Custom => {
                    c.score(
                        &item,
                        &here,
                        "score",
                        &format!("the score for {}", cr.name),
                        score.score,
                    );
                }
                Some(cr) => c.add(
                    &item,
                    here.field("criterion"),
                    format!(
                        "has an own score for {}, which measures something else",
                        cr.name
                    ),
                ),
                None => c.add(
                    &item,
                    here.field("criterion"),
                    format!(
                        "refers to criterion {}, which does not exist",
                        score.criterion
                    ),
                ),
            }
        }
        for (k, r) in a.ranges.iter().enumerate() {
            let here = at.field("ranges").index(k);
            let Some(cr) = d.criterion(r.criterion) else {
                c.add(
                    &item,
                    here.field("criterion"),
                    format!("refers to criterion {}, which does not exist", r.criterion),
                );
                continue;
            };
            let likely = a.value_for(cr, p.day_rate_eur);
            let low_ok = r.low.is_finite() && r.low >= 0.0;
            let high_ok = r.high.is_finite() && (!cr.measure.is_score() || r.high <= 10.0);
            match likely {
                Some(likely) if low_ok && high_ok && r.low <= likely && likely <= r.high => {}
                Some(likely) => c.add(
                    &item,
                    // The bound that is wrong: the low one if it is, else the high one.
                    here.field(if low_ok && r.low <= likely {
                        "high"
                    } else {
                        "low"
                    }),
                    format!(
                        "the range of {} is {} to {}, expected low ≤ {} ≤ high{}",
                        cr.name,
                        Num(r.low),
                        Num(r.high),
                        Num(likely),
                        if cr.measure.is_score() {
                            " within 0 to 10"
                        } else {
                            ", not negative"
                        }
                    ),
                ),
                // A value not assessed yet (or cleared) keeps its range: the alternative is out
                // of the analyses until it is assessed, and the range is fitted to the value
                // then. The range itself must still make sense.
                None if low_ok && high_ok && r.low <= r.high => {}
                None => c.add(
                    &item,
                    here.field(if low_ok { "high" } else { "low" }),
                    format!(
                        "the range of {} is {} to {}, expected low ≤ high{}",
                        cr.name,
                        Num(r.low),
                        Num(r.high),
                        if cr.measure.is_score() {
                            " within 0 to 10"
                        } else {
                            ", not negative"
                        }
                    ),
                ),
            }
        }
        let mut stated = HashSet::new();
        for (k, st) in a.statements.iter().enumerate() {
            if !stated.insert(st.component) {
                c.add(
                    &item,
                    at.field("statements").index(k).field("component"),
                    format!("says more than once what it does about {}", st.component),
                );
            }
        }
        let mut seen = HashSet::new();
        for (k, b) in a.options.iter().enumerate() {
            let here = at.field("options").index(k).field("option");
            c.link(&item, here.clone(), "option", b.option, |id| {
                known.options.contains(id)
            });
            if !seen.insert(b.option) {
                c.add(
                    &item,
                    here,
                    format!("bundles option {} more than once", b.option),
                );
            }
        }
    }
}
