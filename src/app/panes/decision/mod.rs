//! The decision analysis: which alternative leads, and how solid is the lead?

mod pairwise;
mod robustness;
mod sensitivity;
mod weights;

use crate::analysis::decision::NORMALIZATION_NOTE;
use crate::app::command::Command;
use crate::app::state::{DecisionSection, PaneEnv};
use crate::app::widgets::{self, Col, cell_text, pane_header, section_tabs};
use crate::model::{AlternativeId, Budget, CriterionId, ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "Make the trade-offs computable: weigh the criteria (directly or by pairwise comparison), \
see the ranking and which alternatives are dominated, then test how solid the lead is: how far each weight may \
move, and how often each alternative wins when uncertain scores vary. The workbench prepares the decision; \
management makes it.";

/// Draws the decision pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(
        ui,
        env,
        "6 · Decision analysis: which alternative, and how solid?",
        GUIDANCE,
    );
    super::why_note(ui, project, crate::model::MethodStep::Decision);
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
            DecisionSection::Weights => weights::weights_ui(ui, project, env),
            DecisionSection::Pairwise => pairwise::pairwise_ui(ui, project, env),
            DecisionSection::Sensitivity => sensitivity::sensitivity_ui(ui, project, env),
            DecisionSection::Robustness => robustness::robustness_ui(ui, project, env),
        });
}

/// The Export menu of a chart that can also be drawn for a slide: for a slide (title, axes,
/// legend, on white, at a chosen size), or the picture as on screen.
pub fn export_menu(
    ui: &mut egui::Ui,
    env: &mut PaneEnv<'_>,
    chart: crate::app::command::SlideChart,
    rect: egui::Rect,
) {
    ui.menu_button("Export chart", |ui| {
        super::slide_export_items(ui, env, chart);
        ui.separator();
        if ui
            .button("As on screen: PNG")
            .on_hover_text("The chart exactly as the window shows it, in its theme")
            .clicked()
        {
            env.send(Command::ExportPlot {
                name: chart.file_stem().to_owned(),
                rect,
            });
        }
    });
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
            Col::short("Rank"),
            Col::name("Alternative"),
            Col::width("Total", 150.0),
            Col::short("Pareto"),
            Col::name("Dominated by"),
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
    if let Some(note) = evaluation.not_assessed_note() {
        ui.label(RichText::new(note).color(widgets::signal_color(ui, 0)));
    }
    egui::CollapsingHeader::new("How the total is computed").show(ui, |ui| {
        ui.label(NORMALIZATION_NOTE);
        ui.label("An alternative is dominated when another one is at least as good on every criterion and better on one: it should not be chosen.");
    });
    ui.add_space(6.0);
    ui.strong("Budget");
    let mut limited = project.decision.budget.is_some();
    if ui.checkbox(&mut limited, "Limit the resources").changed() {
        project.decision.budget = limited.then(|| Budget::median_of(&project.alternatives));
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
