//! Rank acceptability under uncertain scores, and the uncertainty ranges.

use super::name_of;
use crate::app::command::Command;
use crate::app::plots::acceptability;
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, eur};
use crate::model::decision::{CriterionMeasure, MAX_DRAWS};
use crate::model::{AlternativeId, ItemKind, ItemRef, Project};
use egui::{Color32, RichText};

pub(super) fn robustness_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Scores are estimates. Give uncertain ones a range (lowest, most likely = the score, highest): \
the workbench then draws every uncertain score many times (triangular distribution) and counts how often each \
alternative takes each rank: its rank acceptability.");
    let state = &env.derived.robustness;
    ui.horizontal(|ui| {
        ui.label("Draws");
        ui.add(
            egui::DragValue::new(&mut project.decision.draws)
                .range(100..=MAX_DRAWS)
                .clamp_existing_to_range(false)
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
            super::export_menu(
                ui,
                env,
                crate::app::command::SlideChart::Acceptability,
                rect,
            );
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
                let Some(likely) = alt.value_for(c, rate) else {
                    // No most likely value to be uncertain about yet.
                    ui.label(&c.name);
                    ui.label(RichText::new(widgets::NOT_ASSESSED).italics().weak());
                    ui.end_row();
                    continue;
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
                    alt.set_uncertain(c, rate, uncertain);
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
                            .clamp_existing_to_range(false)
                            .speed(speed)
                            .max_decimals(1),
                    )
                    .accessible_name(format!("Lowest {} of {}", c.name, alt.name));
                    ui.add(
                        egui::DragValue::new(&mut r.high)
                            .range(likely..=max)
                            .clamp_existing_to_range(false)
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
