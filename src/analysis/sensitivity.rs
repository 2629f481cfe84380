//! How solid is the lead? Rank-reversal thresholds per criterion and the close-call check.
//!
//! When one criterion's weight `t` moves and the others keep their proportions (summing to
//! `1 − t`), every alternative's total is linear in `t`: `T(t) = t·n_k + (1 − t)·R`, with `n_k`
//! its scaled score on the criterion and `R` its total on the other criteria at their relative
//! weights. The winner stays first while its line is above every other, an interval of `t`
//! found exactly from the crossing points.

use super::decision::{
    TIE_TOLERANCE, evaluate, in_decision, normalize, normalize_column, ranks, raw_matrix, totals,
};
use crate::model::{AlternativeId, CriterionId, Project};

/// The weight interval of one criterion over which today's winner stays first.
#[derive(Clone, Debug, PartialEq)]
pub struct RankReversal {
    /// The criterion whose weight moves.
    pub criterion: CriterionId,
    /// Its current weight.
    pub weight: f64,
    /// The lowest weight at which the winner is still first.
    pub winner_stays_from: f64,
    /// The highest weight at which the winner is still first.
    pub winner_stays_to: f64,
    /// Who leads when the weight drops below the interval (`None` if it reaches 0).
    pub next_leader_below: Option<AlternativeId>,
    /// Who leads when the weight rises above the interval (`None` if it reaches 1).
    pub next_leader_above: Option<AlternativeId>,
}

/// The weights with criterion `k` at `t` and the others rescaled proportionally (equal shares
/// if they all weigh 0).
pub fn weights_with(weights: &[f64], k: usize, t: f64) -> Vec<f64> {
    let others: f64 = weights
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != k)
        .map(|(_, w)| w)
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let n_others = weights.len().saturating_sub(1) as f64;
    weights
        .iter()
        .enumerate()
        .map(|(j, w)| {
            if j == k {
                t
            } else if others > 0.0 {
                w / others * (1.0 - t)
            } else {
                (1.0 - t) / n_others
            }
        })
        .collect()
}

/// The thresholds for every criterion, or an empty list with fewer than two alternatives.
pub fn thresholds(project: &Project) -> Vec<RankReversal> {
    let view = in_decision(project);
    let project = &*view;
    let criteria = &project.decision.criteria;
    if project.alternatives.len() < 2 || criteria.is_empty() {
        return Vec::new();
    }
    let directions: Vec<_> = criteria.iter().map(|c| c.direction).collect();
    let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    let normalized = normalize(&raw_matrix(project), &directions);
    let total = totals(&normalized, &weights);
    let rank = ranks(&total);
    let Some(winner) = rank.iter().position(|r| *r == 1) else {
        return Vec::new();
    };
    criteria
        .iter()
        .enumerate()
        .map(|(k, criterion)| {
            // R per alternative: its total on the other criteria at their relative weights,
            // which is T(0) with this criterion's weight at 0.
            let at_zero = weights_with(&weights, k, 0.0);
            let rest: Vec<f64> = totals(&normalized, &at_zero);
            let mut from = (0.0_f64, None);
            let mut to = (1.0_f64, None);
            for i in 0..normalized.len() {
                if i == winner {
                    continue;
                }
                // f(t) = T_w(t) − T_i(t) = b + t·(a − b)
                let a = normalized[winner][k] - normalized[i][k];
                let b = rest[winner] - rest[i];
                let slope = a - b;
                if slope.abs() < TIE_TOLERANCE {
                    continue;
                }
                let crossing = b / (b - a);
                if slope > 0.0 {
                    // The winner leads for t ≥ crossing.
                    if crossing > from.0 {
                        from = (crossing, Some(project.alternatives[i].id));
                    }
                } else if crossing < to.0 {
                    to = (crossing, Some(project.alternatives[i].id));
                }
            }
            RankReversal {
                criterion: criterion.id,
                weight: criterion.weight,
                winner_stays_from: from.0.clamp(0.0, 1.0),
                winner_stays_to: to.0.clamp(0.0, 1.0),
                next_leader_below: from.1.filter(|_| from.0 > 0.0),
                next_leader_above: to.1.filter(|_| to.0 < 1.0),
            }
        })
        .collect()
}

/// A lead below this share of the winner's total is a close call.
pub const CLOSE_LEAD: f64 = 0.10;

/// Why a decision is a close call.
#[derive(Clone, Debug, PartialEq)]
pub struct CloseCall {
    /// The winner's lead over the runner-up, as a share of the winner's total.
    pub lead: f64,
    /// Whether the lead is under [`CLOSE_LEAD`].
    pub narrow_lead: bool,
    /// A one-point change of one score that changes the winner: (alternative, criterion,
    /// change of +1 or −1), if there is one.
    pub flip: Option<(AlternativeId, CriterionId, f64)>,
}

impl CloseCall {
    /// Whether the decision is a close call for either reason.
    pub fn is_close(&self) -> bool {
        self.narrow_lead || self.flip.is_some()
    }
}

/// The close-call check, or `None` with fewer than two alternatives.
pub fn close_call(project: &Project) -> Option<CloseCall> {
    let view = in_decision(project);
    let project = &*view;
    if project.alternatives.len() < 2 {
        return None;
    }
    let evaluation = evaluate(project);
    let ranked = evaluation.ranked();
    let (first, second) = (ranked.first()?, ranked.get(1)?);
    let lead = if first.total > 0.0 {
        (first.total - second.total) / first.total
    } else {
        0.0
    };
    let winner = first.id;
    let criteria = &project.decision.criteria;
    let directions: Vec<_> = criteria.iter().map(|c| c.direction).collect();
    let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    let raw = raw_matrix(project);
    let base = normalize(&raw, &directions);
    let mut flip = None;
    // One trial changes one cell, so only its column is scaled anew; the totals are summed in
    // the same order as `totals` does, so they are exactly the full recomputation's. (The
    // search runs for every alternative and criterion: 2,000 trials on 200 alternatives.)
    let mut column = vec![0.0; raw.len()];
    let mut trial_totals = vec![0.0; raw.len()];
    'search: for i in 0..raw.len() {
        for (k, criterion) in criteria.iter().enumerate() {
            if !criterion.measure.is_score() {
                continue;
            }
            for delta in [1.0, -1.0] {
                let changed = (raw[i][k] + delta).clamp(0.0, 10.0);
                if (changed - raw[i][k]).abs() < TIE_TOLERANCE {
                    continue;
                }
                for (j, row) in raw.iter().enumerate() {
                    column[j] = if j == i { changed } else { row[k] };
                }
                normalize_column(&mut column, directions[k]);
                for (j, row) in base.iter().enumerate() {
                    trial_totals[j] = row
                        .iter()
                        .enumerate()
                        .map(|(c, n)| if c == k { column[j] } else { *n })
                        .zip(&weights)
                        .map(|(n, w)| n * w)
                        .sum();
                }
                // Rank 1 as `ranks` gives it (no other total above it by more than the tie
                // tolerance), in linear time rather than the full ranking's quadratic.
                let best = trial_totals
                    .iter()
                    .copied()
                    .fold(f64::NEG_INFINITY, f64::max);
                let mut first_ranked = trial_totals
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| best <= **x + TIE_TOLERANCE)
                    .map(|(j, _)| j);
                let new_winner = first_ranked.next().map(|j| project.alternatives[j].id);
                let tied = first_ranked.next().is_some();
                if new_winner != Some(winner) || tied {
                    flip = Some((
                        project.alternatives[i].id,
                        criterion.id,
                        changed - raw[i][k],
                    ));
                    break 'search;
                }
            }
        }
    }
    Some(CloseCall {
        lead,
        narrow_lead: lead < CLOSE_LEAD,
        flip,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::decision::evaluate_with_weights;
    use crate::model::Score;
    use crate::model::{ItemKind, add_item};

    /// The close-call search as first written: every trial scaled and ranked in full.
    fn flip_by_full_recomputation(project: &Project) -> Option<(AlternativeId, CriterionId, f64)> {
        let winner = evaluate(project).ranked().first()?.id;
        let criteria = &project.decision.criteria;
        let directions: Vec<_> = criteria.iter().map(|c| c.direction).collect();
        let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
        let raw = raw_matrix(project);
        for i in 0..raw.len() {
            for (k, criterion) in criteria.iter().enumerate() {
                if !criterion.measure.is_score() {
                    continue;
                }
                for delta in [1.0, -1.0] {
                    let changed = (raw[i][k] + delta).clamp(0.0, 10.0);
                    if (changed - raw[i][k]).abs() < TIE_TOLERANCE {
                        continue;
                    }
                    let mut trial = raw.clone();
                    trial[i][k] = changed;
                    let r = ranks(&totals(&normalize(&trial, &directions), &weights));
                    let new_winner = r
                        .iter()
                        .position(|x| *x == 1)
                        .map(|j| project.alternatives[j].id);
                    let tied = r.iter().filter(|x| **x == 1).count() > 1;
                    if new_winner != Some(winner) || tied {
                        return Some((
                            project.alternatives[i].id,
                            criterion.id,
                            changed - raw[i][k],
                        ));
                    }
                }
            }
        }
        None
    }

    #[test]
    fn the_fast_close_call_search_finds_what_the_full_recomputation_finds() {
        let mut rng = crate::analysis::rng::Rng::new(11);
        let mut flips = 0;
        for case in 0..300 {
            let mut p = crate::io::SAMPLES[case % crate::io::SAMPLES.len()]
                .load()
                .unwrap();
            for a in &mut p.alternatives {
                // Whole and half points make ties and one-point flips common.
                let mut score = || (rng.next_f64() * 20.0).round() / 2.0;
                a.competitive_quality = Score::new(score());
                a.risk = Score::new(score());
                a.goal_contribution = Score::new(score());
                a.strategic_quality = Score::new(score());
            }
            let fast = close_call(&p).unwrap().flip;
            assert_eq!(fast, flip_by_full_recomputation(&p), "case {case}");
            flips += usize::from(fast.is_some());
        }
        assert!(flips > 30, "the cases include flips ({flips})");
    }

    fn winner_at(project: &Project, k: usize, t: f64) -> AlternativeId {
        let weights: Vec<f64> = project.decision.criteria.iter().map(|c| c.weight).collect();
        let e = evaluate_with_weights(project, &weights_with(&weights, k, t));
        e.winner().unwrap().id
    }

    #[test]
    fn thresholds_hold_just_inside_and_break_just_outside() {
        for sample in crate::io::SAMPLES {
            let p = sample.load().unwrap();
            let winner = evaluate(&p).winner().unwrap().id;
            for (k, th) in thresholds(&p).iter().enumerate() {
                assert!(
                    th.winner_stays_from <= th.weight + 1e-12
                        && th.weight <= th.winner_stays_to + 1e-12
                );
                let eps = 1e-6;
                assert_eq!(
                    winner_at(&p, k, (th.winner_stays_from + eps).min(1.0)),
                    winner
                );
                assert_eq!(
                    winner_at(&p, k, (th.winner_stays_to - eps).max(0.0)),
                    winner
                );
                if let Some(next) = th.next_leader_below {
                    assert_eq!(
                        winner_at(&p, k, th.winner_stays_from - eps),
                        next,
                        "{} below",
                        sample.file_name
                    );
                } else {
                    assert_eq!(th.winner_stays_from, 0.0);
                }
                if let Some(next) = th.next_leader_above {
                    assert_eq!(
                        winner_at(&p, k, th.winner_stays_to + eps),
                        next,
                        "{} above",
                        sample.file_name
                    );
                } else {
                    assert_eq!(th.winner_stays_to, 1.0);
                }
            }
        }
    }

    #[test]
    fn a_worked_threshold() {
        // Two alternatives, two criteria at 0.5/0.5. A: quality 10, risk 10 (cost); B: quality
        // 0, risk 0. Scaled: A (1, 0), B (0, 1). Totals tie at 0.5; A wins for any quality
        // weight above 0.5, B below: the threshold is exactly 0.5.
        let mut p = Project::new("t");
        let today = crate::model::Date::new(2026, 1, 1).unwrap();
        add_item(&mut p, ItemKind::Alternative, today).unwrap();
        add_item(&mut p, ItemKind::Alternative, today).unwrap();
        p.decision.criteria.truncate(2);
        p.decision.criteria[0].weight = 0.6;
        p.decision.criteria[1].weight = 0.4;
        p.alternatives[0].competitive_quality = Score::new(10.0);
        p.alternatives[0].risk = Score::new(10.0);
        p.alternatives[1].competitive_quality = Score::new(0.0);
        p.alternatives[1].risk = Score::new(0.0);
        let th = thresholds(&p);
        assert!((th[0].winner_stays_from - 0.5).abs() < 1e-12);
        assert_eq!(th[0].winner_stays_to, 1.0);
        assert_eq!(th[0].next_leader_below, Some(AlternativeId(2)));
        assert_eq!(th[0].next_leader_above, None);
        // Risk's weight may rise to 0.5.
        assert!((th[1].winner_stays_to - 0.5).abs() < 1e-12);
        assert_eq!(th[1].winner_stays_from, 0.0);

        // A lead of 0.6 vs 0.4 is a third of the winner's total: not narrow.
        let cc = close_call(&p).unwrap();
        assert!((cc.lead - 1.0 / 3.0).abs() < 1e-12);
        assert!(!cc.narrow_lead);
        // With only two alternatives, one point cannot change the scaled scores (min-max).
        assert_eq!(cc.flip, None);
    }

    #[test]
    fn a_one_point_change_that_flips_the_winner_is_found() {
        let mut p = Project::new("t");
        let today = crate::model::Date::new(2026, 1, 1).unwrap();
        for _ in 0..3 {
            add_item(&mut p, ItemKind::Alternative, today).unwrap();
        }
        p.decision.criteria.truncate(1);
        p.decision.criteria[0].weight = 1.0;
        for (a, q) in p.alternatives.iter_mut().zip([8.0, 7.5, 2.0]) {
            a.competitive_quality = Score::new(q);
        }
        let cc = close_call(&p).unwrap();
        assert!(
            cc.narrow_lead,
            "7.5 vs 8 on the scale 2..8 is a lead of {}",
            cc.lead
        );
        let (alt, _, delta) = cc.flip.unwrap();
        assert!(
            (alt == AlternativeId(1) && delta < 0.0) || (alt == AlternativeId(2) && delta > 0.0),
            "{alt:?} {delta}"
        );
        assert!(cc.is_close());
    }
}
