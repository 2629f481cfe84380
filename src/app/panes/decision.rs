//! The decision analysis: which alternative leads, and how solid is the lead?

use crate::analysis::ahp;
use crate::analysis::decision::NORMALIZATION_NOTE;
use crate::app::command::Command;
use crate::app::plots::{acceptability, tornado};
use crate::app::state::{DecisionSection, PaneEnv};
use crate::app::widgets::{self, Col, cell_text, eur, pane_header, section_tabs};
use crate::model::decision::CriterionMeasure;
use crate::model::{
    AlternativeId, Budget, CriterionId, CustomScore, ItemKind, ItemRef, Project, ScoreRange,
    WeightScenario,
};
use egui::{Color32, RichText};

const GUIDANCE: &str = "Make the trade-offs computable: weigh the criteria (directly or by pairwise comparison), \
see the ranking and which alternatives are dominated, then test how solid the lead is: how far each weight may \
move, and how often each alternative wins when uncertain scores vary. The workbench prepares the decision; \
management makes it.";

/// Draws the decision pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(
        ui,
        "6 · Decision analysis: which alternative, and how solid?",
        GUIDANCE,
    );
    if project.alternatives.is_empty() {
        widgets::empty_hint(
            ui,
            "No alternatives yet: add them in pane 6 (Alternatives).",
        );
        return;
    }
    close_call_banner(ui, project, env);
    section_tabs(
        ui,
        &mut env.sections.decision,
        &[
            (DecisionSection::Ranking, "Ranking"),
            (DecisionSection::Weights, "Criteria and weights"),
            (DecisionSection::Pairwise, "Pairwise (AHP)"),
            (DecisionSection::Sensitivity, "Sensitivity"),
            (DecisionSection::Robustness, "Robustness"),
        ],
    );
    egui::ScrollArea::vertical()
        .id_salt("decision_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match env.sections.decision {
            DecisionSection::Ranking => ranking_ui(ui, project, env),
            DecisionSection::Weights => weights_ui(ui, project, env),
            DecisionSection::Pairwise => pairwise_ui(ui, project, env),
            DecisionSection::Sensitivity => sensitivity_ui(ui, project, env),
            DecisionSection::Robustness => robustness_ui(ui, project, env),
        });
}

/// A small button that exports the chart drawn in `rect` as PNG.
pub fn export_button(ui: &mut egui::Ui, env: &mut PaneEnv<'_>, name: &str, rect: egui::Rect) {
    if ui
        .small_button("Export chart as PNG")
        .on_hover_text("Save this chart as an image")
        .clicked()
    {
        env.send(Command::ExportPlot {
            name: name.to_owned(),
            rect,
        });
    }
}

fn name_of(project: &Project, id: AlternativeId) -> String {
    project
        .alternative(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn criterion_name(project: &Project, id: CriterionId) -> String {
    project
        .decision
        .criterion(id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// A warning frame when the lead is narrow or one point flips it; a calm line otherwise.
fn close_call_banner(ui: &mut egui::Ui, project: &Project, env: &PaneEnv<'_>) {
    let Some(cc) = &env.derived.close_call else {
        return;
    };
    let ranked = env.derived.evaluation.ranked();
    let (Some(first), Some(second)) = (ranked.first(), ranked.get(1)) else {
        return;
    };
    if cc.is_close() {
        let mut lines = Vec::new();
        if cc.narrow_lead {
            lines.push(format!(
                "“{}” leads “{}” by only {:.1} % of its total.",
                first.name,
                second.name,
                cc.lead * 100.0
            ));
        }
        if let Some((alt, criterion, delta)) = cc.flip {
            lines.push(format!(
                "Changing “{}”’s {} by {:+} point changes the winner.",
                name_of(project, alt),
                criterion_name(project, criterion).to_lowercase(),
                delta
            ));
        }
        widgets::warning_banner(ui, "Close call", |ui| {
            for line in lines {
                ui.label(line);
            }
            ui.label(
                RichText::new("Check the scores and weights behind it before the decision.").weak(),
            );
        });
    } else {
        ui.label(format!(
            "“{}” leads “{}” by {:.0} % of its total; no one-point change of a score changes that.",
            first.name,
            second.name,
            cc.lead * 100.0
        ));
    }
}

fn ranking_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let evaluation = &env.derived.evaluation;
    let selected = env.selected(ItemKind::Alternative);
    let ranked = evaluation.ranked();
    let mut clicked = None;
    let count = ranked.len();
    widgets::list_table(
        ui,
        "ranking",
        vec![
            Col::width("Rank", 48.0),
            Col::fill("Alternative"),
            Col::width("Total", 150.0),
            Col::width("Pareto", 60.0),
            Col::width("Dominated by", 160.0),
        ],
        count,
        ranked
            .iter()
            .position(|a| selected == Some(ItemRef::Alternative(a.id))),
        240.0,
        |i, row| {
            let a = ranked[i];
            cell_text(row, a.rank.to_string());
            let over = if a.over_budget { "  (over budget)" } else { "" };
            cell_text(row, format!("{}{over}", a.name));
            row.col(|ui| {
                let bar = egui::ProgressBar::new(a.total as f32)
                    .text(format!("{:.3}", a.total))
                    .desired_width(140.0);
                ui.add(bar);
            });
            cell_text(row, if a.pareto { "yes" } else { "no" });
            let dominated: Vec<String> = a
                .dominated_by
                .iter()
                .map(|id| name_of(project, *id))
                .collect();
            cell_text(
                row,
                if dominated.is_empty() {
                    "—".to_owned()
                } else {
                    dominated.join(", ")
                },
            );
            if row.response().clicked() {
                clicked = Some(a.id);
            }
        },
    );
    if let Some(id) = clicked {
        env.send(Command::Select(ItemRef::Alternative(id)));
    }
    egui::CollapsingHeader::new("How the total is computed").show(ui, |ui| {
        ui.label(NORMALIZATION_NOTE);
        ui.label("An alternative is dominated when another one is at least as good on every criterion and better on one: it should not be chosen.");
    });
    ui.add_space(6.0);
    ui.strong("Budget");
    let mut limited = project.decision.budget.is_some();
    if ui.checkbox(&mut limited, "Limit the resources").changed() {
        project.decision.budget = limited.then(|| {
            // A sensible start: the median alternative's needs.
            let mut budgets: Vec<f64> = project.alternatives.iter().map(|a| a.budget_eur).collect();
            let mut efforts: Vec<f64> = project
                .alternatives
                .iter()
                .map(|a| a.effort_person_days)
                .collect();
            budgets.sort_by(f64::total_cmp);
            efforts.sort_by(f64::total_cmp);
            Budget {
                eur: budgets.get(budgets.len() / 2).copied().unwrap_or(0.0),
                person_days: efforts.get(efforts.len() / 2).copied().unwrap_or(0.0),
            }
        });
    }
    if let Some(budget) = &mut project.decision.budget {
        widgets::form(ui, "budget_form", |f| {
            f.amount("Budget at most", &mut budget.eur, "EUR", 1_000.0);
            f.amount(
                "Effort at most",
                &mut budget.person_days,
                "person-days",
                5.0,
            );
        });
        match evaluation.best_within_budget {
            Some(best) => {
                ui.label(format!(
                    "Best within the budget: “{}”.",
                    name_of(project, best)
                ));
            }
            None => {
                ui.label(
                    RichText::new("No alternative fits the budget.")
                        .color(ui.visuals().warn_fg_color),
                );
            }
        }
        let over: Vec<String> = evaluation
            .alternatives
            .iter()
            .filter(|a| a.over_budget)
            .map(|a| a.name.clone())
            .collect();
        if !over.is_empty() {
            ui.label(format!("Over the budget: {}.", over.join(", ")));
        }
    }
}

fn weights_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Each criterion has a direction (more is better, or less) and a weight. The weights always sum to 1: moving one rescales the others in proportion.");
    let (add, _) = widgets::list_toolbar(ui, "criterion", project.decision.criteria.len(), None);
    if add {
        env.send(Command::Add(ItemKind::Criterion));
    }
    let mut new_weight = None;
    let mut remove = None;
    egui::Grid::new("criteria_grid")
        .num_columns(5)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.strong("Criterion");
            ui.strong("Measures");
            ui.strong("Direction");
            ui.strong("Weight");
            ui.end_row();
            for c in &mut project.decision.criteria {
                ui.add(egui::TextEdit::singleline(&mut c.name).desired_width(180.0))
                    .accessible_name(format!("Name of criterion {}", c.id));
                widgets::choice_combo(ui, ("measure", c.id), &mut c.measure)
                    .accessible_name(format!("What {} measures", c.name));
                widgets::choice_combo(ui, ("direction", c.id), &mut c.direction)
                    .accessible_name(format!("Direction of {}", c.name));
                let mut w = c.weight;
                if ui
                    .add(
                        // `Edits`: egui's default clamping rounds the shown value to two
                        // decimals every frame, which would count as an edit and nudge
                        // every other weight.
                        egui::Slider::new(&mut w, 0.0..=1.0)
                            .fixed_decimals(2)
                            .clamping(egui::SliderClamping::Edits),
                    )
                    .accessible_name(format!("Weight of {}", c.name))
                    .changed()
                {
                    new_weight = Some((c.id, w));
                }
                if ui
                    .small_button("🗑")
                    .on_hover_text("Remove this criterion")
                    .clicked()
                {
                    remove = Some(c.id);
                }
                ui.end_row();
            }
        });
    if let Some((id, w)) = new_weight {
        project.decision.set_weight(id, w);
    }
    if let Some(id) = remove {
        env.send(Command::Remove(ItemRef::Criterion(id)));
    }

    own_scores_ui(ui, project);

    ui.add_space(8.0);
    ui.strong("Weight scenarios");
    ui.label("Save the current weights under a name (“growth first”, “low risk”) and compare the rankings side by side.");
    let id = ui.make_persistent_id("scenario_name");
    let mut name = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut name)
                .hint_text("Scenario name")
                .desired_width(200.0),
        )
        .accessible_name("Scenario name");
        if ui
            .add_enabled(
                !name.trim().is_empty(),
                egui::Button::new("Save current weights"),
            )
            .clicked()
        {
            let weights = project
                .decision
                .criteria
                .iter()
                .map(|c| (c.id, c.weight))
                .collect();
            let trimmed = name.trim().to_owned();
            project.decision.scenarios.retain(|s| s.name != trimmed);
            project.decision.scenarios.push(WeightScenario {
                name: trimmed,
                weights,
            });
            name.clear();
        }
    });
    ui.data_mut(|d| d.insert_temp(id, name));
    if project.decision.scenarios.is_empty() {
        return;
    }
    let mut apply = None;
    let mut delete = None;
    let scenario_results: Vec<_> = project
        .decision
        .scenarios
        .iter()
        .map(|s| {
            let weights: Vec<f64> = project
                .decision
                .criteria
                .iter()
                .map(|c| {
                    s.weights
                        .iter()
                        .find(|(id, _)| *id == c.id)
                        .map_or(0.0, |(_, w)| *w)
                })
                .collect();
            let sum: f64 = weights.iter().sum();
            let weights: Vec<f64> = weights
                .iter()
                .map(|w| if sum > 0.0 { w / sum } else { 0.0 })
                .collect();
            crate::analysis::decision::evaluate_with_weights(project, &weights)
        })
        .collect();
    egui::ScrollArea::horizontal()
        .id_salt("scenarios")
        .show(ui, |ui| {
            egui::Grid::new("scenario_grid")
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    ui.strong("Alternative");
                    ui.strong("Current weights");
                    for (i, s) in project.decision.scenarios.iter().enumerate() {
                        ui.vertical(|ui| {
                            ui.strong(&s.name);
                            ui.horizontal(|ui| {
                                if ui
                                    .small_button("Apply")
                                    .on_hover_text("Use these weights")
                                    .clicked()
                                {
                                    apply = Some(i);
                                }
                                if ui
                                    .small_button("🗑")
                                    .on_hover_text("Delete this scenario")
                                    .clicked()
                                {
                                    delete = Some(i);
                                }
                            });
                        });
                    }
                    ui.end_row();
                    for (index, a) in env.derived.evaluation.alternatives.iter().enumerate() {
                        ui.label(&a.name);
                        rank_cell(ui, a.rank, a.total);
                        for result in &scenario_results {
                            if let Some(r) = result.alternatives.get(index) {
                                rank_cell(ui, r.rank, r.total);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some(i) = apply
        && let Some(s) = project.decision.scenarios.get(i).cloned()
    {
        project.decision.apply_scenario(&s);
    }
    if let Some(i) = delete {
        project.decision.scenarios.remove(i);
    }
}

fn rank_cell(ui: &mut egui::Ui, rank: usize, total: f64) {
    let text = format!("#{rank}  ({total:.2})");
    if rank == 1 {
        ui.label(RichText::new(text).strong());
    } else {
        ui.label(text);
    }
}

/// Scores for criteria that measure something of their own, per alternative.
fn own_scores_ui(ui: &mut egui::Ui, project: &mut Project) {
    let own: Vec<(CriterionId, String)> = project
        .decision
        .criteria
        .iter()
        .filter(|c| c.measure == CriterionMeasure::Custom)
        .map(|c| (c.id, c.name.clone()))
        .collect();
    if own.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong("Own scores (0–10)");
    egui::Grid::new("own_scores")
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("");
            for (_, name) in &own {
                ui.strong(name);
            }
            ui.end_row();
            for a in &mut project.alternatives {
                ui.label(&a.name);
                for (id, name) in &own {
                    let mut score = a.custom_score(*id).unwrap_or(0.0);
                    if ui
                        .add(
                            egui::DragValue::new(&mut score)
                                .range(0.0..=10.0)
                                .speed(0.05)
                                .fixed_decimals(1),
                        )
                        .accessible_name(format!("{name} of {}", a.name))
                        .changed()
                    {
                        match a.custom_scores.iter_mut().find(|s| s.criterion == *id) {
                            Some(s) => s.score = score,
                            None => a.custom_scores.push(CustomScore {
                                criterion: *id,
                                score,
                            }),
                        }
                        // Keep an uncertainty range around the new score.
                        if let Some(r) = a.ranges.iter_mut().find(|r| r.criterion == *id) {
                            r.low = r.low.min(score);
                            r.high = r.high.max(score);
                        }
                    }
                }
                ui.end_row();
            }
        });
}

fn pairwise_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Compare each pair of criteria: how much more important is the one on the left than the one on top? \
1 = equally, 3 = moderately, 5 = strongly, 7 = very strongly, 9 = extremely more important; 1/3, 1/5 … = the other way round. \
The weights then come from all judgments together (the principal eigenvector), and the consistency ratio shows whether they fit together.");
    let criteria: Vec<(CriterionId, String)> = project
        .decision
        .criteria
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    if criteria.len() < 2 {
        widgets::empty_hint(ui, "Pairwise comparison needs at least two criteria.");
        return;
    }
    let mut change = None;
    egui::ScrollArea::horizontal()
        .id_salt("ahp_matrix")
        .show(ui, |ui| {
            egui::Grid::new("ahp_grid")
                .min_col_width(96.0)
                .striped(true)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    ui.label("");
                    for (_, name) in &criteria[1..] {
                        ui.add(egui::Label::new(RichText::new(name).strong()).wrap())
                            .on_hover_text(name);
                    }
                    ui.end_row();
                    for (i, (a, a_name)) in criteria.iter().enumerate().take(criteria.len() - 1) {
                        ui.strong(a_name);
                        for (j, (b, b_name)) in criteria.iter().enumerate().skip(1) {
                            if j <= i {
                                ui.label("");
                                continue;
                            }
                            let current = ahp::judgment(&project.decision.judgments, *a, *b);
                            let text = current.map_or("—", ahp::scale_label);
                            let response = egui::ComboBox::from_id_salt(("ahp", a, b))
                                .selected_text(text)
                                .width(70.0)
                                .show_ui(ui, |ui| {
                                    for (value, label) in ahp::SCALE {
                                        if ui
                                            .selectable_label(
                                                current.is_some_and(|c| (c - value).abs() < 1e-9),
                                                label,
                                            )
                                            .clicked()
                                        {
                                            change = Some((*a, *b, value));
                                        }
                                    }
                                })
                                .response;
                            response.accessible_name(format!("{a_name} versus {b_name}"));
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some((a, b, value)) = change {
        ahp::set_judgment(&mut project.decision.judgments, a, b, value);
    }
    let judged = project.decision.judgments.len();
    let pairs = criteria.len() * (criteria.len() - 1) / 2;
    ui.add_space(6.0);
    match &env.derived.ahp {
        None => {
            ui.label(format!(
                "{judged} of {pairs} pairs judged: judge every pair to get weights."
            ));
        }
        Some(result) => {
            let cr_text = format!("Consistency ratio {:.3}", result.consistency_ratio);
            if result.is_consistent() {
                ui.label(
                    RichText::new(format!("{cr_text}: consistent enough (at most 0.10)."))
                        .color(widgets::signal_color(ui, 1)),
                );
            } else {
                let culprit = result
                    .most_inconsistent
                    .map(|(i, j)| {
                        format!(
                            " The judgment that fits the others least: {} versus {}.",
                            criteria[i].1, criteria[j].1
                        )
                    })
                    .unwrap_or_default();
                ui.label(
                    RichText::new(format!(
                        "⚠ {cr_text}: above 0.10, revisit the judgments.{culprit}"
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
            }
            egui::Grid::new("ahp_weights")
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("Criterion");
                    ui.strong("AHP weight");
                    ui.strong("Current weight");
                    ui.end_row();
                    for ((_, name), (w, c)) in criteria
                        .iter()
                        .zip(result.weights.iter().zip(&project.decision.criteria))
                    {
                        ui.label(name);
                        ui.label(format!("{w:.3}"));
                        ui.label(format!("{:.3}", c.weight));
                        ui.end_row();
                    }
                });
            if ui.button("Use the AHP weights").clicked() {
                for (c, w) in project.decision.criteria.iter_mut().zip(&result.weights) {
                    c.weight = *w;
                }
                project.decision.normalize_weights();
            }
        }
    }
    if judged > 0 && ui.small_button("Clear all judgments").clicked() {
        project.decision.judgments.clear();
    }
}

fn sensitivity_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let Some(winner) = env.derived.evaluation.winner() else {
        return;
    };
    ui.label(format!(
        "How far may each weight move (the others keeping their proportions) before “{}” is no longer first? \
The green band is where it stays first; beyond its ends another alternative takes the lead.",
        winner.name
    ));
    let rows: Vec<tornado::Row> = env
        .derived
        .sensitivity
        .iter()
        .map(|t| tornado::Row {
            label: criterion_name(project, t.criterion),
            weight: t.weight,
            from: t.winner_stays_from,
            to: t.winner_stays_to,
            below: t.next_leader_below.map(|id| name_of(project, id)),
            above: t.next_leader_above.map(|id| name_of(project, id)),
        })
        .collect();
    let rect = tornado::ui(ui, &rows);
    export_button(ui, env, "sensitivity", rect);
    ui.add_space(6.0);
    egui::Grid::new("thresholds")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for h in [
                "Criterion",
                "Weight",
                "Stays first from",
                "to",
                "Leader below",
                "Leader above",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for r in &rows {
                ui.label(&r.label);
                ui.label(format!("{:.2}", r.weight));
                ui.label(format!("{:.2}", r.from));
                ui.label(format!("{:.2}", r.to));
                ui.label(r.below.as_deref().unwrap_or("—"));
                ui.label(r.above.as_deref().unwrap_or("—"));
                ui.end_row();
            }
        });
}

fn robustness_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Scores are estimates. Give uncertain ones a range (lowest, most likely = the score, highest): \
the workbench then draws every uncertain score many times (triangular distribution) and counts how often each \
alternative takes each rank: its rank acceptability.");
    let state = &env.derived.robustness;
    ui.horizontal(|ui| {
        ui.label("Draws");
        ui.add(
            egui::DragValue::new(&mut project.decision.draws)
                .range(100..=1_000_000)
                .speed(100),
        )
        .accessible_name("Draws");
        ui.label("Seed");
        ui.add(egui::DragValue::new(&mut project.decision.seed))
            .accessible_name("Seed");
        if let Some(p) = state.progress() {
            ui.add(
                egui::ProgressBar::new(p)
                    .desired_width(160.0)
                    .show_percentage()
                    .animate(true),
            );
        }
    });
    match state.result() {
        Some(result) => {
            let names: Vec<String> = result
                .alternatives
                .iter()
                .map(|id| name_of(project, *id))
                .collect();
            let rect = acceptability::ui(ui, &names, &result.acceptability);
            export_button(ui, env, "rank-acceptability", rect);
            if project.alternatives.iter().all(|a| a.ranges.is_empty()) {
                ui.label(
                    RichText::new("No score has a range yet, so every draw gives today's ranking.")
                        .weak(),
                );
            }
        }
        None => {
            ui.spinner();
        }
    }
    ui.add_space(8.0);
    ranges_ui(ui, project, env);
}

/// The uncertainty ranges of the selected alternative.
fn ranges_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let alternatives: Vec<(AlternativeId, String)> = project
        .alternatives
        .iter()
        .map(|a| (a.id, a.name.clone()))
        .collect();
    let mut selected = match env.selected(ItemKind::Alternative) {
        Some(ItemRef::Alternative(id)) => Some(id),
        _ => alternatives.first().map(|(id, _)| *id),
    };
    ui.horizontal(|ui| {
        let label = ui.strong("Ranges for");
        if widgets::reference_combo(ui, "ranges_for", &mut selected, &alternatives)
            .labelled_by(label.id)
            .changed()
            && let Some(id) = selected
        {
            env.send(Command::Select(ItemRef::Alternative(id)));
        }
    });
    let rate = project.day_rate_eur;
    let criteria = project.decision.criteria.clone();
    let Some(alt) = selected.and_then(|id| project.alternative_mut(id)) else {
        return;
    };
    egui::Grid::new(("ranges", alt.id))
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for h in ["Criterion", "Most likely", "Uncertain", "Lowest", "Highest"] {
                ui.strong(h);
            }
            ui.end_row();
            for c in &criteria {
                let likely = match c.measure {
                    CriterionMeasure::CompetitiveQuality => alt.competitive_quality,
                    CriterionMeasure::Risk => alt.risk,
                    CriterionMeasure::Resources => alt.resources_eur(rate),
                    CriterionMeasure::GoalContribution => alt.goal_contribution,
                    CriterionMeasure::StrategicQuality => alt.strategic_quality,
                    CriterionMeasure::Custom => alt.custom_score(c.id).unwrap_or(0.0),
                };
                let is_money = c.measure == CriterionMeasure::Resources;
                let show = |v: f64| if is_money { eur(v) } else { format!("{v:.1}") };
                ui.label(&c.name);
                ui.label(show(likely));
                let mut uncertain = alt.range(c.id).is_some();
                if ui
                    .checkbox(&mut uncertain, "")
                    .accessible_name(format!("{} of {} is uncertain", c.name, alt.name))
                    .changed()
                {
                    if uncertain {
                        let (low, high) = if is_money {
                            (likely * 0.85, likely * 1.25)
                        } else {
                            ((likely - 1.0).max(0.0), (likely + 1.0).min(10.0))
                        };
                        alt.ranges.push(ScoreRange {
                            criterion: c.id,
                            low,
                            high,
                        });
                    } else {
                        alt.ranges.retain(|r| r.criterion != c.id);
                    }
                }
                if let Some(r) = alt.ranges.iter_mut().find(|r| r.criterion == c.id) {
                    let (max, speed) = if is_money {
                        (1e12, 1_000.0)
                    } else {
                        (10.0, 0.05)
                    };
                    ui.add(
                        egui::DragValue::new(&mut r.low)
                            .range(0.0..=likely)
                            .speed(speed)
                            .max_decimals(1),
                    )
                    .accessible_name(format!("Lowest {} of {}", c.name, alt.name));
                    ui.add(
                        egui::DragValue::new(&mut r.high)
                            .range(likely..=max)
                            .speed(speed)
                            .max_decimals(1),
                    )
                    .accessible_name(format!("Highest {} of {}", c.name, alt.name));
                } else {
                    ui.label(RichText::new("—").color(Color32::GRAY));
                    ui.label("");
                }
                ui.end_row();
            }
        });
}
