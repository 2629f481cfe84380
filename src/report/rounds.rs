//! The rounds the room answered from phones (every kind but dots) as the memo shows them: who
//! answered, how much the room agrees, per item the result and its spread with the disputed
//! items first, and the analysis' view beside the room's; in HTML and Markdown alike.

use super::Memo;
use crate::analysis::ahp::CR_LIMIT;
use crate::analysis::room::{self, ItemResult, RoundResults};
use crate::analysis::voting::RoomVsAnalysis;
use crate::format::trim_number;
use crate::model::room::RoundKind;
use crate::model::{Choice, VotingRound};

/// A table as plain text cells: its header and its rows.
pub(super) type Table = (Vec<String>, Vec<Vec<String>>);

/// A round of any kind but dots as the memo shows it.
pub(super) struct RoundTable<'a> {
    /// The round.
    pub round: &'a VotingRound,
    /// Sentences above the tables: the kind and who answered, the agreement, the disputed
    /// items, the room against the analysis, the pairwise consistency.
    pub lines: Vec<String>,
    /// The tables: the items (disputed first), and for pairwise rounds each participant's
    /// weights.
    pub tables: Vec<Table>,
}

/// Two decimals, "—" for none.
fn num(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"))
}

fn rank(item: &ItemResult) -> String {
    item.analysis_rank
        .map_or_else(|| "—".to_owned(), |r| r.to_string())
}

/// The items, the disputed ones first (most disagreement first), then the others in the
/// project's order.
fn row_order(res: &RoundResults) -> Vec<usize> {
    let mut order = res.disputed.clone();
    order.extend((0..res.items.len()).filter(|i| !res.disputed.contains(i)));
    order
}

fn item_table(res: &RoundResults) -> Table {
    let header: &[&str] = match res.kind {
        RoundKind::Points => &[
            "Item",
            "Points",
            "Per participant",
            "Spread",
            "Disagreement",
            "Analysis rank",
        ],
        RoundKind::Ranking => &[
            "Item",
            "Mean rank",
            "Spread",
            "Disagreement",
            "Ranked by",
            "Analysis rank",
        ],
        RoundKind::Scale => &[
            "Item",
            "Mean rating",
            "Spread",
            "Disagreement",
            "Rated by",
            "Skipped",
            "Analysis rank",
        ],
        RoundKind::Placing => &[
            "Alternative",
            "Quality (room)",
            "Spread",
            "Risk (room)",
            "Spread",
            "Quality (analysis)",
            "Risk (analysis)",
            "Placed by",
        ],
        RoundKind::Pairwise => &[
            "Criterion",
            "Group weight",
            "Spread of individual weights",
            "Disagreement",
            "Weight in the analysis",
        ],
        RoundKind::Dots => &["Item", "Dots", "Per participant", "Spread", "Disagreement"],
    };
    let rows = row_order(res)
        .into_iter()
        .map(|i| {
            let it = &res.items[i];
            let name = it.name.clone();
            match res.kind {
                RoundKind::Points | RoundKind::Dots => vec![
                    name,
                    it.total.map_or_else(|| "—".to_owned(), trim_number),
                    num(it.mean),
                    num(it.spread),
                    num(it.disagreement),
                    rank(it),
                ],
                RoundKind::Ranking => vec![
                    name,
                    num(it.mean),
                    num(it.spread),
                    num(it.disagreement),
                    it.answered.to_string(),
                    rank(it),
                ],
                RoundKind::Scale => vec![
                    name,
                    num(it.mean),
                    num(it.spread),
                    num(it.disagreement),
                    it.answered.to_string(),
                    it.skipped.to_string(),
                    rank(it),
                ],
                RoundKind::Placing => vec![
                    name,
                    num(it.mean),
                    num(it.spread),
                    num(it.mean_risk),
                    num(it.risk_spread),
                    num(it.analysis_value),
                    num(it.analysis_risk),
                    it.answered.to_string(),
                ],
                RoundKind::Pairwise => vec![
                    name,
                    num(it.mean),
                    num(it.spread),
                    num(it.disagreement),
                    num(it.analysis_value),
                ],
            }
        })
        .map(|mut row| {
            // Dots tables have no analysis rank column.
            row.truncate(header.len());
            row
        })
        .collect();
    (header.iter().map(|h| (*h).to_owned()).collect(), rows)
}

/// Each participant's weights and consistency ratio (pairwise rounds).
fn participant_table(res: &RoundResults) -> Option<Table> {
    let pw = res.pairwise.as_ref()?;
    let mut header = vec!["Participant".to_owned()];
    header.extend(res.items.iter().map(|i| i.name.clone()));
    header.push("CR".to_owned());
    let rows = pw
        .participants
        .iter()
        .map(|p| {
            let mut row = vec![p.participant.clone()];
            match &p.weights {
                Some(w) => row.extend(w.iter().map(|x| format!("{x:.2}"))),
                None => row.extend(res.items.iter().map(|_| "—".to_owned())),
            }
            row.push(match p.consistency_ratio {
                Some(cr) if cr > CR_LIMIT => format!("{cr:.2} (inconsistent)"),
                Some(cr) => format!("{cr:.2}"),
                None => "incomplete".to_owned(),
            });
            row
        })
        .collect();
    Some((header, rows))
}

fn lines(round: &VotingRound, res: &RoundResults) -> Vec<String> {
    let mut lines = Vec::new();
    let n = res.participants.len();
    let kind = round.kind.label();
    lines.push(if round.anonymous {
        format!("{kind}, answered anonymously by {n} participants.")
    } else if n == 0 {
        format!("{kind}, not answered yet.")
    } else {
        format!(
            "{kind}, answered by {n} participants: {}.",
            res.participants.join("; ")
        )
    });
    if let Some(c) = &res.concordance {
        lines.push(format!(
            "Agreement: Kendall's W = {:.2} ({} rankings of {} items; χ² = {:.1} with {} degrees of freedom): {}.",
            c.w,
            c.rankings,
            c.items,
            c.chi_square,
            c.degrees_of_freedom,
            room::concordance_words(c.w)
        ));
    } else if let Some(a) = &res.agreement {
        lines.push(format!(
            "Agreement: {} {:.2} (0 = everyone answered alike, 1 = two equal camps at the ends of the range): {}.",
            a.what, a.measure, a.words
        ));
    }
    let disputed: Vec<String> = res
        .disputed
        .iter()
        .take(3)
        .filter_map(|i| {
            let it = &res.items[*i];
            it.disagreement
                .filter(|d| *d > 0.0)
                .map(|d| format!("{} ({d:.2})", it.name))
        })
        .collect();
    if !disputed.is_empty() {
        lines.push(format!(
            "Disputed most (disagreement: the spread over the largest possible): {}.",
            disputed.join(", ")
        ));
    }
    let name = |i: &usize| res.items.get(*i).map_or("", |x| x.name.as_str());
    let names = |v: &[usize]| v.iter().map(name).collect::<Vec<_>>().join(", ");
    match &res.vs_analysis {
        Some(RoomVsAnalysis::Agree { favourite }) => lines.push(format!(
            "The room's first, {}, is also first in the analysis.",
            name(favourite)
        )),
        Some(RoomVsAnalysis::Split { favourites, first }) => lines.push(format!(
            "The room puts {} level first; the analysis ranks {} first.",
            names(favourites),
            name(first)
        )),
        Some(RoomVsAnalysis::Disagree { favourites, first }) => lines.push(format!(
            "The room puts {} first; the analysis ranks {} first.",
            names(favourites),
            name(first)
        )),
        None => {}
    }
    if let Some(pw) = &res.pairwise {
        let complete = pw
            .participants
            .iter()
            .filter(|p| p.weights.is_some())
            .count();
        if let Some(g) = &pw.group {
            lines.push(format!(
                "Group weights from the geometric mean of {complete} participants' judgments (AIJ), consistency ratio {:.2}.",
                g.consistency_ratio
            ));
        }
        if !pw.inconsistent.is_empty() {
            lines.push(format!(
                "Inconsistent (CR above {:.2}): {} of {complete}: {}.",
                CR_LIMIT,
                pw.inconsistent.len(),
                pw.inconsistent.join(", ")
            ));
        }
        let incomplete: Vec<&str> = pw
            .participants
            .iter()
            .filter(|p| p.weights.is_none())
            .map(|p| p.participant.as_str())
            .collect();
        if !incomplete.is_empty() {
            lines.push(format!(
                "Without a judgment for every pair (no weights): {}.",
                incomplete.join(", ")
            ));
        }
    }
    if round.kind == RoundKind::Placing {
        lines.push(
            "Quality (analysis) and risk (analysis) are the alternative's own scores, where the map puts it."
                .to_owned(),
        );
    }
    lines
}

impl<'a> Memo<'a> {
    /// The rounds of every kind but dots, oldest first, each with its agreement figures.
    pub(super) fn room_rounds(&self) -> Vec<RoundTable<'a>> {
        let mut rounds: Vec<&'a VotingRound> = self
            .project
            .votes
            .iter()
            .filter(|r| r.kind != RoundKind::Dots)
            .collect();
        rounds.sort_by_key(|r| r.date);
        rounds
            .into_iter()
            .map(|round| {
                let res = room::results(round, self.project, &self.analysis.evaluation);
                let mut tables = vec![item_table(&res)];
                tables.extend(participant_table(&res));
                RoundTable {
                    round,
                    lines: lines(round, &res),
                    tables,
                }
            })
            .collect()
    }
}
