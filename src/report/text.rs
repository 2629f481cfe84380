//! The decision analysis as the `analyse` command prints it: a readable report or one JSON
//! object.

use crate::analysis::Analysis;
use crate::analysis::robustness::Robustness;
use crate::format::percent;
use crate::model::decision::Direction;
use crate::model::{AlternativeId, CriterionId, Project};
use serde_json::{Map, Value, json};

/// Names that are unique keys: a repeated name gets its id appended.
fn unique_names<Id: Copy + PartialEq + std::fmt::Display>(
    items: &[(Id, String)],
) -> Vec<(Id, String)> {
    items
        .iter()
        .map(|(id, name)| {
            let repeated = items.iter().filter(|(_, n)| n == name).count() > 1;
            let key = if repeated {
                format!("{name} (id {id})")
            } else {
                name.clone()
            };
            (*id, key)
        })
        .collect()
}

fn direction_word(d: Direction) -> &'static str {
    match d {
        Direction::Benefit => "benefit",
        Direction::Cost => "cost",
    }
}

/// The analysis and the Monte Carlo result as the JSON object `analyse --json` prints.
pub fn analysis_json(analysis: &Analysis, robustness: &Robustness) -> Value {
    let e = &analysis.evaluation;
    let criteria = unique_names(
        &e.criteria
            .iter()
            .map(|c| (c.id, c.name.clone()))
            .collect::<Vec<_>>(),
    );
    let alternatives = unique_names(
        &e.alternatives
            .iter()
            .map(|a| (a.id, a.name.clone()))
            .collect::<Vec<_>>(),
    );
    let criterion_name = |id: CriterionId| {
        criteria
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, n)| n.clone())
    };
    let alternative_name = |id: AlternativeId| {
        alternatives
            .iter()
            .find(|(a, _)| *a == id)
            .map(|(_, n)| n.clone())
    };
    let per_criterion = |values: &[f64]| -> Value {
        Value::Object(
            criteria
                .iter()
                .zip(values)
                .map(|((_, n), v)| (n.clone(), json!(v)))
                .collect::<Map<_, _>>(),
        )
    };
    json!({
        "criteria": e.criteria.iter().zip(&criteria).map(|(c, (_, name))| json!({
            "name": name,
            "direction": direction_word(c.direction),
            "weight": c.weight,
        })).collect::<Vec<_>>(),
        "alternatives": e.alternatives.iter().zip(&alternatives).map(|(a, (_, name))| json!({
            "name": name,
            "scores": per_criterion(&a.raw),
            "normalized": per_criterion(&a.normalized),
            "total": a.total,
            "rank": a.rank,
            "pareto": a.pareto,
            "dominated_by": a.dominated_by.iter().filter_map(|id| alternative_name(*id)).collect::<Vec<_>>(),
            "over_budget": a.over_budget,
        })).collect::<Vec<_>>(),
        "best_within_budget": e.best_within_budget.and_then(alternative_name),
        "not_assessed": e.not_assessed.iter().map(|l| json!({
            "name": l.name,
            "lacks": l.lacks,
        })).collect::<Vec<_>>(),
        "ahp": analysis.ahp.as_ref().map(|r| json!({
            "matrix": r.matrix,
            "weights": r.weights,
            "consistency_ratio": r.consistency_ratio,
            "most_inconsistent": r.most_inconsistent.map(|(i, j)| [criteria[i].1.clone(), criteria[j].1.clone()]),
        })),
        "sensitivity": analysis.sensitivity.iter().map(|t| json!({
            "criterion": criterion_name(t.criterion),
            "weight": t.weight,
            "winner_stays_from": t.winner_stays_from,
            "winner_stays_to": t.winner_stays_to,
            "next_leader_below": t.next_leader_below.and_then(alternative_name),
            "next_leader_above": t.next_leader_above.and_then(alternative_name),
        })).collect::<Vec<_>>(),
        "close_call": analysis.close_call.as_ref().map(|c| json!({
            "lead": c.lead,
            "narrow_lead": c.narrow_lead,
            "flip": c.flip.map(|(a, k, d)| json!({
                "alternative": alternative_name(a),
                "criterion": criterion_name(k),
                "change": d,
            })),
        })),
        "robustness": {
            "draws": robustness.draws,
            "seed": robustness.seed,
            "rank_acceptability": Value::Object(
                robustness.alternatives.iter().zip(&robustness.acceptability)
                    .filter_map(|(id, acc)| Some((alternative_name(*id)?, json!(acc))))
                    .collect::<Map<_, _>>()
            ),
        },
    })
}

/// The analysis and the Monte Carlo result as the readable report `analyse` prints.
pub fn analysis_text(project: &Project, analysis: &Analysis, robustness: &Robustness) -> String {
    let e = &analysis.evaluation;
    let mut out = String::new();
    let name_of = |id: AlternativeId| {
        e.alternative(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    pushln!(
        out,
        "{}: {} alternatives, {} criteria\n",
        project.name,
        e.alternatives.len(),
        e.criteria.len()
    );
    pushln!(out, "Criteria");
    for c in &e.criteria {
        pushln!(
            out,
            "  {:<32} {:<8} weight {:.3}",
            c.name,
            direction_word(c.direction),
            c.weight
        );
    }
    pushln!(
        out,
        "\nRanking (each criterion scaled 0-1 across the alternatives, total = weighted sum)"
    );
    pushln!(
        out,
        "  {:<4} {:<48} {:>6}  dominated by",
        "rank",
        "alternative",
        "total"
    );
    for a in e.ranked() {
        let dominated: Vec<String> = a.dominated_by.iter().map(|id| name_of(*id)).collect();
        let budget = if a.over_budget { "  [over budget]" } else { "" };
        pushln!(
            out,
            "  {:<4} {:<48} {:>6.3}  {}{budget}",
            a.rank,
            a.name,
            a.total,
            if dominated.is_empty() {
                "- (Pareto-optimal)".to_owned()
            } else {
                dominated.join(", ")
            }
        );
    }
    if let Some(best) = e.best_within_budget {
        pushln!(out, "  Best within budget: {}", name_of(best));
    }
    if let Some(note) = e.not_assessed_note() {
        pushln!(out, "  {note}");
    }
    if let Some(c) = &analysis.close_call {
        pushln!(
            out,
            "\nLead of the winner: {} of its total",
            percent(c.lead, 1)
        );
        if c.narrow_lead {
            pushln!(out, "  CLOSE CALL: the lead is under 10 %.");
        }
        if let Some((a, k, d)) = c.flip {
            let criterion = e
                .criteria
                .iter()
                .find(|x| x.id == k)
                .map_or("?", |x| x.name.as_str());
            pushln!(
                out,
                "  CLOSE CALL: changing {}'s {} by {:+} changes the winner.",
                name_of(a),
                criterion,
                d
            );
        }
    }
    if !analysis.sensitivity.is_empty() {
        pushln!(
            out,
            "\nSensitivity: weight range over which the winner stays first"
        );
        for t in &analysis.sensitivity {
            let criterion = e
                .criteria
                .iter()
                .find(|x| x.id == t.criterion)
                .map_or("?", |x| x.name.as_str());
            let below = t.next_leader_below.map_or_else(|| "-".to_owned(), name_of);
            let above = t.next_leader_above.map_or_else(|| "-".to_owned(), name_of);
            pushln!(
                out,
                "  {:<32} {:.3} within {:.3} .. {:.3}  below: {below}  above: {above}",
                criterion,
                t.weight,
                t.winner_stays_from,
                t.winner_stays_to
            );
        }
    }
    if let Some(r) = &analysis.ahp {
        pushln!(
            out,
            "\nAHP: consistency ratio {:.3}{}",
            r.consistency_ratio,
            if r.is_consistent() {
                ""
            } else {
                " (above 0.10: revisit the judgments)"
            }
        );
        if let (false, Some((i, j))) = (r.is_consistent(), r.most_inconsistent) {
            pushln!(
                out,
                "  Most inconsistent judgment: {} vs {}",
                e.criteria[i].name,
                e.criteria[j].name
            );
        }
    }
    let r = robustness;
    pushln!(
        out,
        "\nRobustness: rank acceptability over {} draws (seed {})",
        r.draws,
        r.seed
    );
    for (id, acc) in r.alternatives.iter().zip(&r.acceptability) {
        let shares: Vec<String> = acc
            .iter()
            .map(|p| format!("{:>5.1} %", p * 100.0))
            .collect();
        pushln!(out, "  {:<48} {}", name_of(*id), shares.join(" "));
    }
    out
}
