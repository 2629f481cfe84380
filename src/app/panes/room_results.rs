//! What a round answered from phones says, in the voting pane: how much the room agrees (in
//! words, with Kendall's W for rankings), the items it disagrees on most first, each linked to
//! its pane, and the room's result beside the analysis' (rank, position on the map, weights).

use crate::analysis::room::{ItemResult, RoundItem, RoundResults, results};
use crate::app::command::Command;
use crate::app::state::PaneEnv;
use crate::app::widgets;
use crate::format::{percent, trim_number};
use crate::model::{ItemRef, Project, RoundKind, VoteTarget, VotingRound};
use egui::RichText;

/// The link from a disputed item to its pane.
fn item_ref(item: RoundItem) -> ItemRef {
    match item {
        RoundItem::Target(VoteTarget::Alternative(id)) => ItemRef::Alternative(id),
        RoundItem::Target(VoteTarget::Option(id)) => ItemRef::Option(id),
        RoundItem::Criterion(id) => ItemRef::Criterion(id),
    }
}

fn value(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

/// What the result column holds, per kind.
fn result_heading(kind: RoundKind) -> &'static str {
    match kind {
        RoundKind::Dots => "Dots (total)",
        RoundKind::Points => "Points (total · mean)",
        RoundKind::Ranking => "Mean rank (1 = best)",
        RoundKind::Scale => "Mean rating (1–5)",
        RoundKind::Placing => "Quality (room)",
        RoundKind::Pairwise => "Room's weight",
    }
}

fn result_text(kind: RoundKind, item: &ItemResult) -> String {
    match kind {
        RoundKind::Dots => value(item.total).trim_end_matches(".0").to_owned(),
        RoundKind::Points => format!(
            "{} · {}",
            item.total.map_or_else(|| "–".to_owned(), trim_number),
            value(item.mean)
        ),
        RoundKind::Pairwise => item.mean.map_or_else(|| "–".to_owned(), |w| percent(w, 1)),
        _ => value(item.mean),
    }
}

/// The results of a round of any kind but dots (dots keep their ballots and tally).
pub fn show(ui: &mut egui::Ui, round: &VotingRound, project: &Project, env: &mut PaneEnv<'_>) {
    let r = results(round, project, &env.derived.evaluation);
    if r.participants.is_empty() {
        widgets::empty_hint(
            ui,
            "No answers yet. Open the room (📱 Answer from phones above): the answers appear here once you reveal them.",
        );
        return;
    }
    ui.label(format!(
        "{} answer(s){}",
        r.participants.len(),
        if round.anonymous {
            " (anonymous)".to_owned()
        } else {
            format!(": {}", r.participants.join(", "))
        }
    ));
    if let Some(agreement) = &r.agreement {
        ui.label(
            RichText::new(format!(
                "{} {}: {}",
                agreement.what,
                trim_number((agreement.measure * 100.0).round() / 100.0),
                agreement.words
            ))
            .strong(),
        );
    }
    disputed(ui, &r, env);
    ui.add_space(6.0);
    table(ui, &r);
    if let Some(pairwise) = &r.pairwise {
        ui.add_space(6.0);
        if pairwise.inconsistent.is_empty() {
            ui.label("Every participant's judgments are consistent enough (CR ≤ 0.10).");
        } else {
            widgets::warning_banner(ui, "Inconsistent judgments", |ui| {
                ui.label(format!(
                    "{} judged inconsistently (CR above 0.10): their weights count in the group's, but ask them which comparison they would revisit.",
                    pairwise.inconsistent.join(", ")
                ));
            });
        }
        if let Some(group) = &pairwise.group {
            ui.label(format!(
                "The group's weights come from the geometric mean of everyone's judgments (AIJ); their consistency ratio is {:.2}.",
                group.consistency_ratio
            ));
        }
    }
}

/// The items the room disagrees on most, first, each with a link to its pane.
fn disputed(ui: &mut egui::Ui, r: &RoundResults, env: &mut PaneEnv<'_>) {
    let shown: Vec<&ItemResult> = r
        .disputed
        .iter()
        .map(|i| &r.items[*i])
        .filter(|item| item.disagreement.is_some_and(|d| d >= 0.25))
        .take(3)
        .collect();
    if shown.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Where the room disagrees most").strong());
    for item in shown {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{} (disagreement {})",
                item.name,
                percent(item.disagreement.unwrap_or(0.0), 0)
            ));
            if ui
                .link("Show")
                .on_hover_text("Open the item in its pane: what does the room see differently?")
                .clicked()
            {
                env.send(Command::Select(item_ref(item.item)));
            }
        });
    }
}

/// Item by item: the room's result, its spread, how many answered, and the analysis'.
fn table(ui: &mut egui::Ui, r: &RoundResults) {
    let placing = r.kind == RoundKind::Placing;
    let order: Vec<usize> = if r.room_order.is_empty() {
        (0..r.items.len()).collect()
    } else {
        let mut order = r.room_order.clone();
        order.extend((0..r.items.len()).filter(|i| !r.room_order.contains(i)));
        order
    };
    let analysis = match r.kind {
        RoundKind::Pairwise => "Weight now",
        RoundKind::Placing => "Quality (analysis)",
        _ => "Analysis rank",
    };
    let mut headings = vec!["Item", result_heading(r.kind), "Spread"];
    if placing {
        headings.extend(["Risk (room)", "Spread", "Risk (analysis)"]);
    }
    headings.extend(["Answers", analysis]);
    let name_width = (ui.available_width() * 0.35).clamp(140.0, 360.0);
    egui::Grid::new(("room_results", r.round))
        .num_columns(headings.len())
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for h in &headings {
                ui.strong(*h);
            }
            ui.end_row();
            for i in order {
                let item = &r.items[i];
                ui.scope(|ui| {
                    ui.set_max_width(name_width);
                    ui.add(egui::Label::new(&item.name).wrap());
                });
                ui.label(result_text(r.kind, item));
                ui.label(value(item.spread));
                if placing {
                    ui.label(value(item.mean_risk));
                    ui.label(value(item.risk_spread));
                    ui.label(value(item.analysis_risk));
                }
                let answered = if item.skipped > 0 {
                    format!("{} ({} skipped)", item.answered, item.skipped)
                } else {
                    item.answered.to_string()
                };
                ui.label(answered);
                let analysis = match r.kind {
                    RoundKind::Pairwise => item
                        .analysis_value
                        .map_or_else(|| "–".to_owned(), |w| percent(w, 1)),
                    RoundKind::Placing => value(item.analysis_value),
                    _ => item
                        .analysis_rank
                        .map_or_else(|| "–".to_owned(), |k| k.to_string()),
                };
                ui.label(analysis);
                ui.end_row();
            }
        });
}
