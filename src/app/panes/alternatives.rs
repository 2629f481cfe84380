//! Pane 6: decision-ready strategy alternatives.

use super::master_detail;
use crate::app::state::PaneEnv;
use crate::app::widgets::Rating;
use crate::app::widgets::{self, Col, cell_text, eur, form, pane_header, rating_text};
use crate::model::{ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "Bundle options into alternatives that set different priorities (about three should reach the \
decision). Evaluate each on competitive quality, risk (with its assumptions and prerequisites) and resources, and \
on its contribution to the goals. The workbench prepares the decision; management makes it.";

/// Draws the alternatives pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, "6 · Strategy alternatives", GUIDANCE);
    let rate = project.day_rate_eur;
    let progress: Vec<(crate::model::AlternativeId, Option<(usize, usize)>)> = project
        .alternatives
        .iter()
        .map(|a| (a.id, crate::analysis::assumptions::progress(project, a.id)))
        .collect();
    let options = &project.options;
    let assumptions = &project.management.assumptions;
    master_detail(
        ui,
        env,
        ItemKind::Alternative,
        &mut project.alternatives,
        |a| ItemRef::Alternative(a.id),
        vec![
            Col::fill("Alternative"),
            Col::width("Status", 115.0),
            Col::width("Quality", 65.0),
            Col::width("Risk", 55.0),
            Col::width("Resources", 125.0),
            Col::width("Options", 65.0),
        ],
        |a, row| {
            cell_text(row, &a.name);
            cell_text(row, a.status.to_string());
            cell_text(row, rating_text(a.competitive_quality));
            cell_text(row, rating_text(a.risk));
            cell_text(row, eur(a.resources_eur(rate)));
            cell_text(row, a.options.len().to_string());
        },
        |ui, a, _env| {
            form(ui, ("alternative", a.id), |f| {
                f.text("Name", &mut a.name);
                f.area("The idea", &mut a.description);
                f.choice("Status", &mut a.status);
                f.score(
                    "Competitive quality",
                    &mut a.competitive_quality,
                    Rating::AlternativeQuality,
                );
                f.score("Risk", &mut a.risk, Rating::AlternativeRisk);
                f.score(
                    "Goal contribution",
                    &mut a.goal_contribution,
                    Rating::GoalContribution,
                );
                f.score(
                    "Strategic quality",
                    &mut a.strategic_quality,
                    Rating::StrategicQuality,
                );
                f.amount("Budget", &mut a.budget_eur, "EUR", 500.0);
                f.amount("Effort", &mut a.effort_person_days, "person-days", 1.0);
                f.value(
                    "Resources",
                    format!(
                        "{}  (budget + effort × {} per day)",
                        eur(a.resources_eur(rate)),
                        eur(rate)
                    ),
                );
            });
            if let Some((_, Some((done, total)))) = progress.iter().find(|(id, _)| *id == a.id) {
                ui.horizontal(|ui| {
                    ui.label("Implementation");
                    #[allow(clippy::cast_precision_loss)]
                    let share = *done as f32 / (*total).max(1) as f32;
                    ui.add(
                        egui::ProgressBar::new(share)
                            .desired_width(220.0)
                            .text(format!("{done} of {total} measures done")),
                    );
                });
            }
            ui.add_space(6.0);
            ui.strong(format!(
                "Options in this alternative ({} of {})",
                a.options.len(),
                options.len()
            ));
            if options.is_empty() {
                widgets::empty_hint(ui, "No options for action yet (pane 5).");
            } else {
                bundle_ui(ui, a, options);
            }
            ui.add_space(6.0);
            ui.strong("Assumptions and prerequisites it relies on");
            let relied: Vec<_> = assumptions
                .iter()
                .filter(|s| s.alternatives.contains(&a.id))
                .collect();
            if relied.is_empty() {
                widgets::empty_hint(
                    ui,
                    "None linked yet: link monitored assumptions to this alternative in pane 7.",
                );
            }
            for s in relied {
                ui.horizontal_wrapped(|ui| {
                    let level = match s.status {
                        crate::model::AssumptionStatus::Holds => 1,
                        crate::model::AssumptionStatus::NotReviewed
                        | crate::model::AssumptionStatus::AtRisk => 0,
                        crate::model::AssumptionStatus::Broken => -1,
                    };
                    ui.label(
                        RichText::new(s.status.to_string())
                            .color(widgets::signal_color(ui, level))
                            .strong(),
                    );
                    ui.label(RichText::new(format!("{}:", s.kind)).weak());
                    ui.label(&s.text);
                });
            }
        },
    );
}

/// Which options the alternative bundles, and with which priority.
fn bundle_ui(
    ui: &mut egui::Ui,
    a: &mut crate::model::Alternative,
    options: &[crate::model::ActionOption],
) {
    let mut toggled = None;
    let mut new_priority = None;
    egui_extras::TableBuilder::new(ui)
        .id_salt(("bundle", a.id))
        .striped(true)
        .max_scroll_height(260.0)
        .auto_shrink([false, true])
        .column(egui_extras::Column::exact(34.0))
        .column(egui_extras::Column::remainder().at_least(160.0).clip(true))
        .column(egui_extras::Column::exact(130.0))
        .body(|body| {
            body.rows(widgets::ROW_HEIGHT, options.len(), |mut row| {
                let index = row.index();
                let o = &options[index];
                let bundled = a.options.iter().find(|b| b.option == o.id).copied();
                row.col(|ui| {
                    let mut on = bundled.is_some();
                    if ui
                        .checkbox(&mut on, "")
                        .accessible_name(format!("Bundle {}", o.name))
                        .changed()
                    {
                        toggled = Some((index, on));
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&o.name).truncate());
                });
                row.col(|ui| {
                    if let Some(mut b) = bundled
                        && widgets::choice_combo(
                            ui,
                            ("bundle priority", a.id, o.id),
                            &mut b.priority,
                        )
                        .accessible_name(format!("Priority of {} in this alternative", o.name))
                        .changed()
                    {
                        new_priority = Some(b);
                    }
                });
            });
        });
    if let Some((i, on)) = toggled {
        a.set_bundled(&options[i], on);
    }
    if let Some(changed) = new_priority {
        a.set_bundle_priority(changed.option, changed.priority);
    }
}
