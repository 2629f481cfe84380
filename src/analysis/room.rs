//! What a round's answers say: per item how many answered, the result, its spread and how much
//! the room disagrees on it; the items the room disagrees on most; how strongly the room agrees
//! as a whole (Kendall's W for rankings); each participant's and the group's AHP weights for
//! pairwise rounds; and the room's order beside the analysis' ranks.
//!
//! **Spread** is the population standard deviation (dividing by n, not n − 1): the people in
//! the room are the whole group whose view is described, not a sample drawn to estimate a wider
//! one, and it keeps the largest spread possible on a range at half the range, whatever n is.
//! **Disagreement** is that spread divided by the largest spread possible on the kind's range
//! (half the range: dots 0 to the dots each holds, points 0–100, ranks 1 to the number of
//! items, ratings 1–5, placing 0–10 on each axis, weights 0–1), so it runs from 0 (everyone
//! gave the same answer) to 1 (the room split into two equal camps at the ends of the range);
//! it orders the items of one round.
//!
//! Pure functions of a [`VotingRound`], its [`Project`] and the project's [`Evaluation`].

use super::ahp::AhpResult;
use super::decision::Evaluation;
use super::voting::{RoomVsAnalysis, compare_favourites};
use crate::model::room::{Question, RoundKind};
use crate::model::{
    AlternativeId, CriterionId, Date, Project, VoteTarget, VotingRound, VotingRoundId,
};

/// What an item of a round is: an alternative or option, or a criterion (pairwise rounds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundItem {
    /// A strategy alternative or an option for action.
    Target(VoteTarget),
    /// A criterion of the decision.
    Criterion(CriterionId),
}

/// What the room answered on one item.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemResult {
    /// The item.
    pub item: RoundItem,
    /// Its name.
    pub name: String,
    /// Participants who answered it: for dots and points every participant who answered the
    /// round (no dots or points on an item is an answer); for rankings those whose ranking
    /// lists it; for ratings those who rated it; for pairwise those with complete judgments.
    pub answered: usize,
    /// Participants who skipped it (scale rounds).
    pub skipped: usize,
    /// The dots or points on it, over all participants (dots and points rounds).
    pub total: Option<f64>,
    /// The room's result: dots or points per participant, the mean rank, the mean rating, the
    /// mean competitive quality (placing) or the group weight (pairwise, from the aggregated
    /// judgments). `None` when nobody answered it.
    pub mean: Option<f64>,
    /// The spread (population standard deviation) of the participants' answers: of the
    /// individual weights for pairwise rounds, of competitive quality for placing.
    pub spread: Option<f64>,
    /// The mean risk (placing rounds).
    pub mean_risk: Option<f64>,
    /// The spread of risk (placing rounds).
    pub risk_spread: Option<f64>,
    /// The spread over the largest possible on the kind's range, 0 to 1 (placing: the larger of
    /// its two axes).
    pub disagreement: Option<f64>,
    /// The analysis' rank of an alternative.
    pub analysis_rank: Option<usize>,
    /// The analysis' value beside the room's mean: the alternative's own competitive quality
    /// (placing) or the criterion's weight (pairwise).
    pub analysis_value: Option<f64>,
    /// The alternative's own risk (placing).
    pub analysis_risk: Option<f64>,
}

/// How strongly the rankings of a round agree: Kendall's coefficient of concordance.
#[derive(Clone, Debug, PartialEq)]
pub struct Concordance {
    /// Kendall's W, 0 (no agreement) to 1 (identical rankings), corrected for ties.
    pub w: f64,
    /// The chi-square statistic m(n − 1)W.
    pub chi_square: f64,
    /// Its degrees of freedom, n − 1.
    pub degrees_of_freedom: usize,
    /// The rankings taken into account (m).
    pub rankings: usize,
    /// The items ranked (n).
    pub items: usize,
}

/// How much the room agrees as a whole, as a number with its meaning in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// The measure: Kendall's W for rankings (1 = full agreement), else the mean disagreement
    /// of the items at least two answered (0 = full agreement).
    pub measure: f64,
    /// What the measure is ("Kendall's W", "mean disagreement").
    pub what: &'static str,
    /// Its meaning for a workshop.
    pub words: String,
}

/// One participant's weights from their pairwise judgments.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantWeights {
    /// The participant's name as kept.
    pub participant: String,
    /// Their weights in the order of the criteria, `None` when their judgments miss a pair.
    pub weights: Option<Vec<f64>>,
    /// Their consistency ratio, `None` when their judgments miss a pair.
    pub consistency_ratio: Option<f64>,
}

/// What a pairwise round says about the criteria's weights.
#[derive(Clone, Debug, PartialEq)]
pub struct PairwiseResult {
    /// Each participant's weights and consistency ratio, in the order of the answers.
    pub participants: Vec<ParticipantWeights>,
    /// AHP on the aggregation of individual judgments (AIJ): the element-wise geometric mean
    /// of the complete participants' matrices. `None` without one.
    pub group: Option<AhpResult>,
    /// The participants whose consistency ratio is above [`super::ahp::CR_LIMIT`].
    pub inconsistent: Vec<String>,
}

/// What a round's answers say.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundResults {
    /// The round.
    pub round: VotingRoundId,
    /// Its kind.
    pub kind: RoundKind,
    /// The participants who answered, as kept ("Participant N" in anonymous rounds).
    pub participants: Vec<String>,
    /// The items, in the project's order.
    pub items: Vec<ItemResult>,
    /// Positions in `items` that at least two answered, most disagreement first (ties keep
    /// the project's order).
    pub disputed: Vec<usize>,
    /// Kendall's W (ranking rounds with at least two rankings of at least two items).
    pub concordance: Option<Concordance>,
    /// How much the room agrees, in words.
    pub agreement: Option<Agreement>,
    /// The weights (pairwise rounds).
    pub pairwise: Option<PairwiseResult>,
    /// Positions in `items`, the room's favourite first: by total (dots, points), mean rank,
    /// mean rating or group weight; items nobody answered are left out; empty for placing.
    pub room_order: Vec<usize>,
    /// The room's favourite(s) against the analysis' first (rounds on alternatives).
    pub vs_analysis: Option<RoomVsAnalysis>,
}

/// Mean and population standard deviation; `None` for no values.
pub fn mean_and_spread(values: &[f64]) -> Option<(f64, f64)> {
    if values.is_empty() {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    Some((mean, variance.sqrt()))
}

/// Kendall's W of rankings over `n` items. Each ranking gives, per item, its rank (1 = first)
/// or `None` when it leaves the item out; the items it leaves out share the ranks after the
/// ones it lists (their mean), and the ties are corrected for:
/// W = 12 S / (m²(n³ − n) − m Σ T), T = Σ (t³ − t) over each ranking's groups of t tied items.
/// `None` with fewer than two rankings or items, or when every ranking ties everything.
pub fn kendall_w(rankings: &[Vec<Option<usize>>], n: usize) -> Option<Concordance> {
    let rankings: Vec<&Vec<Option<usize>>> = rankings
        .iter()
        .filter(|r| r.len() == n && r.iter().any(Option::is_some))
        .collect();
    let m = rankings.len();
    if m < 2 || n < 2 {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let (mf, nf) = (m as f64, n as f64);
    let mut sums = vec![0.0; n];
    let mut ties = 0.0;
    for ranking in &rankings {
        let ranks = completed_ranks(ranking);
        for (s, r) in sums.iter_mut().zip(&ranks) {
            *s += r;
        }
        #[allow(clippy::cast_precision_loss)]
        let t = ranking.iter().filter(|r| r.is_none()).count() as f64;
        ties += t.powi(3) - t;
    }
    let mean = mf * (nf + 1.0) / 2.0;
    let s: f64 = sums.iter().map(|r| (r - mean).powi(2)).sum();
    let denominator = mf * mf * (nf.powi(3) - nf) - mf * ties;
    if denominator <= 0.0 {
        return None;
    }
    let w = (12.0 * s / denominator).clamp(0.0, 1.0);
    Some(Concordance {
        w,
        chi_square: mf * (nf - 1.0) * w,
        degrees_of_freedom: n - 1,
        rankings: m,
        items: n,
    })
}

/// One ranking's ranks with the items it leaves out sharing the remaining ranks.
fn completed_ranks(ranking: &[Option<usize>]) -> Vec<f64> {
    let n = ranking.len();
    let listed = ranking.iter().filter(|r| r.is_some()).count();
    #[allow(clippy::cast_precision_loss)]
    let shared = (listed + 1 + n) as f64 / 2.0;
    #[allow(clippy::cast_precision_loss)]
    ranking
        .iter()
        .map(|r| r.map_or(shared, |r| r as f64))
        .collect()
}

/// Kendall's W in words for a workshop, after Schmidt (1997): below 0.1 very weak, to 0.3
/// weak, to 0.5 moderate, to 0.7 strong, to 0.9 unusually strong, from 0.9 very strong.
pub fn concordance_words(w: f64) -> &'static str {
    match w {
        w if w < 0.1 => {
            "very weak agreement: the room has no common order; each ranks the items their own way"
        }
        w if w < 0.3 => "weak agreement: the room shares little more than a first or last item",
        w if w < 0.5 => {
            "moderate agreement: the room shares a rough order but differs on several places"
        }
        w if w < 0.7 => "strong agreement: the room shares the order, with a few swaps",
        w if w < 0.9 => "unusually strong agreement: the room's rankings are nearly the same",
        _ => "very strong agreement: the room ranks the items practically alike",
    }
}

/// The mean disagreement of a round in words: below 0.2 the room largely agrees, below 0.4 it
/// agrees on most items, from 0.4 it is split; the most disputed item is named.
pub fn disagreement_words(mean: f64, most_disputed: Option<&str>) -> String {
    match (mean, most_disputed) {
        (m, _) if m < 0.2 => "the room largely agrees".to_owned(),
        (m, Some(item)) if m < 0.4 => {
            format!("the room agrees on most items; it differs most on {item}")
        }
        (m, None) if m < 0.4 => "the room agrees on most items".to_owned(),
        (_, Some(item)) => format!("the room is split, most of all on {item}"),
        (_, None) => "the room is split".to_owned(),
    }
}

/// What `round` of `project` says; `evaluation` is the project's (for the analysis' ranks).
pub fn results(round: &VotingRound, project: &Project, evaluation: &Evaluation) -> RoundResults {
    let question = Question::of(round, project);
    let mut pairwise = None;
    let mut concordance = None;
    let mut items = match round.kind {
        RoundKind::Dots => kinds::dots_items(round, &question),
        RoundKind::Points => kinds::points_items(round, &question),
        RoundKind::Ranking => {
            let (items, w) = kinds::ranking_items(round, &question);
            concordance = w;
            items
        }
        RoundKind::Scale => kinds::scale_items(round, &question),
        RoundKind::Placing => kinds::placing_items(round, &question, project),
        RoundKind::Pairwise => {
            let (items, p) = kinds::pairwise_items(round, &question, evaluation);
            pairwise = Some(p);
            items
        }
    };
    for item in &mut items {
        if let RoundItem::Target(VoteTarget::Alternative(id)) = item.item {
            item.analysis_rank = evaluation.alternative(id).map(|a| a.rank);
        }
    }
    let mut disputed: Vec<usize> = (0..items.len())
        .filter(|i| items[*i].answered >= 2 && items[*i].disagreement.is_some())
        .collect();
    disputed.sort_by(|a, b| {
        let d = |i: &usize| items[*i].disagreement.unwrap_or(0.0);
        d(b).total_cmp(&d(a))
    });
    let agreement = match &concordance {
        Some(c) => Some(Agreement {
            measure: c.w,
            what: "Kendall's W",
            words: concordance_words(c.w).to_owned(),
        }),
        None if round.kind == RoundKind::Ranking || disputed.is_empty() => None,
        None => {
            let values: Vec<f64> = disputed
                .iter()
                .filter_map(|i| items[*i].disagreement)
                .collect();
            mean_and_spread(&values).map(|(mean, _)| Agreement {
                measure: mean,
                what: "mean disagreement",
                words: disagreement_words(mean, disputed.first().map(|i| items[*i].name.as_str())),
            })
        }
    };
    let room_order = room_order(round.kind, &items);
    let vs_analysis = if round.kind == RoundKind::Placing || round.kind.on_criteria() {
        None
    } else {
        let favourites: Vec<usize> = room_order
            .first()
            .map(|best| {
                room_order
                    .iter()
                    .copied()
                    .take_while(|i| same_place(round.kind, &items[*i], &items[*best]))
                    .collect()
            })
            .unwrap_or_default();
        let ranks: Vec<Option<usize>> = items.iter().map(|i| i.analysis_rank).collect();
        compare_favourites(favourites, &ranks)
    };
    RoundResults {
        round: round.id,
        kind: round.kind,
        participants: participants(round),
        items,
        disputed,
        concordance,
        agreement,
        pairwise,
        room_order,
        vs_analysis,
    }
}

/// The participants who answered the round, as kept.
fn participants(round: &VotingRound) -> Vec<String> {
    match round.kind {
        RoundKind::Dots => round
            .ballots
            .iter()
            .filter(|b| b.used() > 0)
            .map(|b| b.participant.clone())
            .collect(),
        _ => round
            .responses
            .iter()
            .map(|r| r.participant.clone())
            .collect(),
    }
}

/// The value the room's order sorts by, higher first.
fn order_key(kind: RoundKind, item: &ItemResult) -> Option<f64> {
    match kind {
        RoundKind::Dots | RoundKind::Points => item.total.filter(|t| *t > 0.0),
        RoundKind::Ranking => item.mean.map(|m| -m),
        RoundKind::Scale | RoundKind::Pairwise => item.mean,
        RoundKind::Placing => None,
    }
}

fn same_place(kind: RoundKind, a: &ItemResult, b: &ItemResult) -> bool {
    match (order_key(kind, a), order_key(kind, b)) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => false,
    }
}

fn room_order(kind: RoundKind, items: &[ItemResult]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len())
        .filter(|i| order_key(kind, &items[*i]).is_some())
        .collect();
    order.sort_by(|a, b| {
        let key = |i: &usize| order_key(kind, &items[*i]).unwrap_or(f64::NEG_INFINITY);
        key(b).total_cmp(&key(a))
    });
    order
}

/// The element-wise geometric mean of square matrices of one size: reciprocal when they are.
pub fn geometric_mean(matrices: &[Vec<Vec<f64>>]) -> Option<Vec<Vec<f64>>> {
    let first = matrices.first()?;
    let n = first.len();
    if matrices
        .iter()
        .any(|m| m.len() != n || m.iter().any(|row| row.len() != n))
    {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let k = matrices.len() as f64;
    Some(
        (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| (matrices.iter().map(|m| m[i][j].ln()).sum::<f64>() / k).exp())
                    .collect()
            })
            .collect(),
    )
}

/// Where the room placed one alternative (a placing round).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// The alternative.
    pub alternative: AlternativeId,
    /// The room's mean competitive quality, 0–10.
    pub quality: f64,
    /// Its spread (population standard deviation).
    pub quality_spread: f64,
    /// The room's mean risk, 0–10.
    pub risk: f64,
    /// Its spread.
    pub risk_spread: f64,
    /// Participants who placed it.
    pub answered: usize,
}

/// The room's placing of the alternatives, from the latest placing round with answers.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomPlacing {
    /// The round.
    pub round: VotingRoundId,
    /// Its date.
    pub date: Date,
    /// Participants who answered it.
    pub participants: usize,
    /// The alternatives placed, in the project's order.
    pub placed: Vec<Placed>,
}

/// The room's weights of the criteria, from the latest pairwise round with a group result.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomWeights {
    /// The round.
    pub round: VotingRoundId,
    /// Its date.
    pub date: Date,
    /// Participants with complete judgments (who count in the group's weights).
    pub participants: usize,
    /// The group's weight per criterion (AIJ), in the project's order of the criteria.
    pub weights: Vec<(CriterionId, f64)>,
    /// The consistency ratio of the aggregated judgments.
    pub consistency_ratio: f64,
}

/// The rounds of `kind`, latest first (by date; of one day, the one listed last first).
fn latest_of(project: &Project, kind: RoundKind) -> impl Iterator<Item = &VotingRound> {
    let mut rounds: Vec<(usize, &VotingRound)> = project
        .votes
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == kind && !r.responses.is_empty())
        .collect();
    rounds.sort_by_key(|(i, r)| std::cmp::Reverse((r.date, *i)));
    rounds.into_iter().map(|(_, r)| r)
}

/// Where the room placed the alternatives, from the latest placing round with answers.
pub fn latest_placing(project: &Project, evaluation: &Evaluation) -> Option<RoomPlacing> {
    latest_of(project, RoundKind::Placing).find_map(|round| {
        let r = results(round, project, evaluation);
        let placed: Vec<Placed> = r
            .items
            .iter()
            .filter_map(|item| {
                let RoundItem::Target(VoteTarget::Alternative(alternative)) = item.item else {
                    return None;
                };
                Some(Placed {
                    alternative,
                    quality: item.mean?,
                    quality_spread: item.spread.unwrap_or(0.0),
                    risk: item.mean_risk?,
                    risk_spread: item.risk_spread.unwrap_or(0.0),
                    answered: item.answered,
                })
            })
            .collect();
        (!placed.is_empty()).then_some(RoomPlacing {
            round: round.id,
            date: round.date,
            participants: r.participants.len(),
            placed,
        })
    })
}

/// The room's weights of the criteria, from the latest pairwise round with a group result
/// whose criteria are still the project's.
pub fn latest_weights(project: &Project, evaluation: &Evaluation) -> Option<RoomWeights> {
    latest_of(project, RoundKind::Pairwise).find_map(|round| {
        let r = results(round, project, evaluation);
        let pairwise = r.pairwise.as_ref()?;
        let group = pairwise.group.as_ref()?;
        let weights: Vec<(CriterionId, f64)> = r
            .items
            .iter()
            .filter_map(|item| match item.item {
                RoundItem::Criterion(id) => Some((id, item.mean?)),
                RoundItem::Target(_) => None,
            })
            .collect();
        let complete = weights.len() == project.decision.criteria.len()
            && project
                .decision
                .criteria
                .iter()
                .all(|c| weights.iter().any(|(id, _)| *id == c.id));
        complete.then_some(RoomWeights {
            round: round.id,
            date: round.date,
            participants: pairwise
                .participants
                .iter()
                .filter(|p| p.weights.is_some())
                .count(),
            weights,
            consistency_ratio: group.consistency_ratio,
        })
    })
}

/// What every round of `project` says, in the project's order.
pub fn all(project: &Project, evaluation: &Evaluation) -> Vec<RoundResults> {
    project
        .votes
        .iter()
        .map(|r| results(r, project, evaluation))
        .collect()
}

mod kinds;
#[cfg(test)]
mod tests;
