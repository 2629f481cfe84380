//! Pairwise comparison of the criteria (AHP).

use crate::analysis::ahp;
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, Col, cell_text};
use crate::model::{CriterionId, Project};
use egui::RichText;

/// The widest the criteria's names get at the left of the matrix before they wrap.
const ROW_NAME_WIDTH: f32 = 200.0;

pub(super) fn pairwise_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
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
    // Where the matrix is wider than the pane it scrolls sideways, its bar shown.
    widgets::sideways(ui, "ahp_matrix", |ui| {
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
                    // A long name wraps rather than widening the matrix.
                    ui.scope(|ui| {
                        ui.set_max_width(ROW_NAME_WIDTH);
                        ui.add(egui::Label::new(RichText::new(a_name).strong()).wrap());
                    });
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
    let room = crate::analysis::room::latest_weights(project, &env.derived.evaluation);
    let judged = project.decision.judgments.len();
    let pairs = ahp::pair_count(criteria.len());
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
            let mut columns = vec![
                Col::name("Criterion"),
                Col::short("AHP weight"),
                Col::short("Current weight"),
            ];
            if room.is_some() {
                columns.push(Col::short("The room's weight"));
            }
            let rows: Vec<(&str, f64, &crate::model::Criterion)> = criteria
                .iter()
                .zip(result.weights.iter().zip(&project.decision.criteria))
                .map(|((_, name), (w, c))| (name.as_str(), *w, c))
                .collect();
            widgets::list_table(
                ui,
                "ahp_weights",
                columns,
                rows.len(),
                None,
                f32::INFINITY,
                |i, row| {
                    let (name, w, c) = rows[i];
                    cell_text(row, name);
                    cell_text(row, format!("{w:.3}"));
                    cell_text(row, format!("{:.3}", c.weight));
                    if let Some(room) = &room {
                        let theirs = room.weights.iter().find(|(id, _)| *id == c.id);
                        cell_text(
                            row,
                            theirs.map_or_else(|| "–".to_owned(), |(_, w)| format!("{w:.3}")),
                        );
                    }
                },
            );
            if ui.button("Use the AHP weights").clicked() {
                project.decision.set_weights(&result.weights);
            }
        }
    }
    if let Some(room) = &room {
        ui.add_space(6.0);
        super::weights::room_weights_ui(ui, project, room);
    }
    if judged > 0 && ui.small_button("Clear all judgments").clicked() {
        project.decision.clear_judgments();
    }
}
