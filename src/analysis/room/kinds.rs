//! The items of a round of each kind: what the participants answered on each, its mean,
//! spread and disagreement (see the parent module for what they mean).

use super::{Concordance, ItemResult, PairwiseResult, ParticipantWeights, RoundItem};
use super::{completed_ranks, geometric_mean, kendall_w, mean_and_spread};
use crate::analysis::ahp;
use crate::analysis::decision::Evaluation;
use crate::model::room::{Answer, PLACING_MAX, POINTS_BUDGET, Question, SCALE_MAX};
use crate::model::{CriterionId, Project, VoteTarget, VotingRound};

/// An item with nothing computed yet.
pub(super) fn blank(item: RoundItem, name: &str) -> ItemResult {
    ItemResult {
        item,
        name: name.to_owned(),
        answered: 0,
        skipped: 0,
        total: None,
        mean: None,
        spread: None,
        mean_risk: None,
        risk_spread: None,
        disagreement: None,
        analysis_rank: None,
        analysis_value: None,
        analysis_risk: None,
    }
}

/// An item whose answers are `values` on a range whose largest spread is `max_spread`.
fn from_values(item: RoundItem, name: &str, values: &[f64], max_spread: f64) -> ItemResult {
    let mut r = blank(item, name);
    r.answered = values.len();
    if let Some((mean, spread)) = mean_and_spread(values) {
        r.mean = Some(mean);
        r.spread = Some(spread);
        r.disagreement = disagreement(spread, max_spread);
    }
    r
}

fn disagreement(spread: f64, max_spread: f64) -> Option<f64> {
    (max_spread > 0.0).then(|| (spread / max_spread).clamp(0.0, 1.0))
}

pub(super) fn dots_items(round: &VotingRound, q: &Question) -> Vec<ItemResult> {
    let ballots: Vec<_> = round.ballots.iter().filter(|b| b.used() > 0).collect();
    q.items
        .iter()
        .map(|(target, name)| {
            let values: Vec<f64> = ballots
                .iter()
                .map(|b| f64::from(b.dots_on(*target)))
                .collect();
            let mut r = from_values(
                RoundItem::Target(*target),
                name,
                &values,
                f64::from(round.dots_each) / 2.0,
            );
            r.total = Some(values.iter().sum());
            r
        })
        .collect()
}

pub(super) fn points_items(round: &VotingRound, q: &Question) -> Vec<ItemResult> {
    let answers: Vec<_> = round
        .responses
        .iter()
        .filter_map(|r| match &r.answer {
            Answer::Points(shares) => Some(shares),
            _ => None,
        })
        .collect();
    q.items
        .iter()
        .map(|(target, name)| {
            let values: Vec<f64> = answers
                .iter()
                .map(|shares| {
                    shares
                        .iter()
                        .filter(|s| s.on == *target)
                        .map(|s| f64::from(s.points))
                        .sum()
                })
                .collect();
            let mut r = from_values(
                RoundItem::Target(*target),
                name,
                &values,
                f64::from(POINTS_BUDGET) / 2.0,
            );
            r.total = Some(values.iter().sum());
            r
        })
        .collect()
}

/// Ranking rounds: the items some ranking lists take part (items added after the round, which
/// nobody ranked, are shown without a result); a ranking that leaves one of them out gives it
/// a share of its remaining ranks.
pub(super) fn ranking_items(
    round: &VotingRound,
    q: &Question,
) -> (Vec<ItemResult>, Option<Concordance>) {
    let orders: Vec<&Vec<VoteTarget>> = round
        .responses
        .iter()
        .filter_map(|r| match &r.answer {
            Answer::Ranking(order) => Some(order),
            _ => None,
        })
        .collect();
    let ranked: Vec<VoteTarget> = q
        .items
        .iter()
        .map(|(t, _)| *t)
        .filter(|t| orders.iter().any(|o| o.contains(t)))
        .collect();
    let rankings: Vec<Vec<Option<usize>>> = orders
        .iter()
        .map(|order| {
            let listed: Vec<&VoteTarget> = order.iter().filter(|t| ranked.contains(t)).collect();
            ranked
                .iter()
                .map(|t| listed.iter().position(|l| *l == t).map(|p| p + 1))
                .collect()
        })
        .filter(|r: &Vec<Option<usize>>| r.iter().any(Option::is_some))
        .collect();
    let completed: Vec<Vec<f64>> = rankings.iter().map(|r| completed_ranks(r)).collect();
    #[allow(clippy::cast_precision_loss)]
    let max_spread = ranked.len().saturating_sub(1) as f64 / 2.0;
    let items = q
        .items
        .iter()
        .map(|(target, name)| {
            let item = RoundItem::Target(*target);
            let Some(k) = ranked.iter().position(|t| t == target) else {
                return blank(item, name);
            };
            let values: Vec<f64> = completed.iter().map(|r| r[k]).collect();
            let mut r = from_values(item, name, &values, max_spread);
            r.answered = rankings.iter().filter(|x| x[k].is_some()).count();
            r
        })
        .collect();
    (items, kendall_w(&rankings, ranked.len()))
}

pub(super) fn scale_items(round: &VotingRound, q: &Question) -> Vec<ItemResult> {
    let answers: Vec<_> = round
        .responses
        .iter()
        .filter_map(|r| match &r.answer {
            Answer::Scale(ratings) => Some(ratings),
            _ => None,
        })
        .collect();
    q.items
        .iter()
        .map(|(target, name)| {
            let rated: Vec<Option<u8>> = answers
                .iter()
                .filter_map(|ratings| ratings.iter().find(|x| x.on == *target).map(|x| x.value))
                .collect();
            let values: Vec<f64> = rated.iter().flatten().map(|v| f64::from(*v)).collect();
            let mut r = from_values(
                RoundItem::Target(*target),
                name,
                &values,
                f64::from(SCALE_MAX - 1) / 2.0,
            );
            r.skipped = rated.iter().filter(|v| v.is_none()).count();
            r
        })
        .collect()
}

pub(super) fn placing_items(
    round: &VotingRound,
    q: &Question,
    project: &Project,
) -> Vec<ItemResult> {
    let places: Vec<_> = round
        .responses
        .iter()
        .filter_map(|r| match &r.answer {
            Answer::Placing(places) => Some(places),
            _ => None,
        })
        .collect();
    let max_spread = PLACING_MAX / 2.0;
    q.items
        .iter()
        .map(|(target, name)| {
            let placed: Vec<(f64, f64)> = places
                .iter()
                .filter_map(|p| {
                    p.iter()
                        .find(|x| VoteTarget::Alternative(x.alternative) == *target)
                        .map(|x| (x.quality, x.risk))
                })
                .collect();
            let quality: Vec<f64> = placed.iter().map(|p| p.0).collect();
            let risk: Vec<f64> = placed.iter().map(|p| p.1).collect();
            let mut r = from_values(RoundItem::Target(*target), name, &quality, max_spread);
            if let Some((mean, spread)) = mean_and_spread(&risk) {
                r.mean_risk = Some(mean);
                r.risk_spread = Some(spread);
                r.disagreement = match (r.disagreement, disagreement(spread, max_spread)) {
                    (Some(q), Some(k)) => Some(q.max(k)),
                    (q, k) => q.or(k),
                };
            }
            if let VoteTarget::Alternative(id) = target
                && let Some(a) = project.alternative(*id)
            {
                r.analysis_value = a.competitive_quality.get();
                r.analysis_risk = a.risk.get();
            }
            r
        })
        .collect()
}

/// Pairwise rounds: each participant's AHP, and the group's by the aggregation of individual
/// judgments (AIJ, the element-wise geometric mean of the complete matrices).
pub(super) fn pairwise_items(
    round: &VotingRound,
    q: &Question,
    evaluation: &Evaluation,
) -> (Vec<ItemResult>, PairwiseResult) {
    let ids: Vec<CriterionId> = q.criteria.iter().map(|(id, _)| *id).collect();
    let mut participants = Vec::new();
    let mut matrices = Vec::new();
    for r in &round.responses {
        let Answer::Pairwise(judgments) = &r.answer else {
            continue;
        };
        let result = ahp::matrix(&ids, judgments).and_then(|m| {
            let result = ahp::analyse(&m)?;
            matrices.push(m);
            Some(result)
        });
        participants.push(ParticipantWeights {
            participant: r.participant.clone(),
            consistency_ratio: result.as_ref().map(|x| x.consistency_ratio),
            weights: result.map(|x| x.weights),
        });
    }
    let group = geometric_mean(&matrices).and_then(|m| ahp::analyse(&m));
    let inconsistent = participants
        .iter()
        .filter(|p| p.consistency_ratio.is_some_and(|cr| cr > ahp::CR_LIMIT))
        .map(|p| p.participant.clone())
        .collect();
    let items = q
        .criteria
        .iter()
        .enumerate()
        .map(|(k, (id, name))| {
            let values: Vec<f64> = participants
                .iter()
                .filter_map(|p| p.weights.as_ref().and_then(|w| w.get(k).copied()))
                .collect();
            let mut r = from_values(RoundItem::Criterion(*id), name, &values, 0.5);
            r.mean = group.as_ref().and_then(|g| g.weights.get(k).copied());
            r.analysis_value = evaluation
                .criteria
                .iter()
                .find(|c| c.id == *id)
                .map(|c| c.weight);
            r
        })
        .collect();
    (
        items,
        PairwiseResult {
            participants,
            group,
            inconsistent,
        },
    )
}
