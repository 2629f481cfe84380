//! Criteria and weights: directions, weights, own scores and weight scenarios.

use crate::app::command::Command;
use crate::app::state::PaneEnv;
use crate::app::widgets;
use crate::app::widgets::Rating;
use crate::model::decision::CriterionMeasure;
use crate::model::{CriterionId, ItemKind, ItemRef, Project};
use egui::RichText;

/// The space between the criteria grid's columns.
const CRITERIA_SPACING: f32 = 10.0;

pub(super) fn weights_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label("Each criterion has a direction (more is better, or less) and a weight. The weights always sum to 1: moving one rescales the others in proportion.");
    let (add, _) = widgets::list_toolbar(ui, "criterion", project.decision.criteria.len(), None);
    if add {
        env.send(Command::Add(ItemKind::Criterion));
    }
    let mut new_weight = None;
    let mut remove = None;
    let room = crate::analysis::room::latest_weights(project, &env.derived.evaluation);
    // The names' field as wide as the longest name, leaving the drop-downs, the weight's slider
    // and the delete button their room (a name still longer shows whole on hover).
    let font = egui::TextStyle::Body.resolve(ui.style());
    let longest = project
        .decision
        .criteria
        .iter()
        .map(|c| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(c.name.clone(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(120.0_f32, f32::max)
        + 2.0 * ui.spacing().button_padding.x
        + 8.0;
    // Beside the names: two drop-downs, the weight's slider with its value, the delete button
    // and the spacing between the five columns.
    let controls = 2.0 * widgets::COMBO_WIDTH
        + ui.spacing().slider_width
        + ui.spacing().interact_size.x
        + 40.0
        + 4.0 * CRITERIA_SPACING
        + 16.0;
    let available = ui.available_width();
    let name_width = longest.min((available - controls).max(120.0));
    egui::Grid::new("criteria_grid")
        .num_columns(5)
        .striped(true)
        .spacing([CRITERIA_SPACING, 6.0])
        .show(ui, |ui| {
            ui.strong("Criterion");
            ui.strong("Measures");
            ui.strong("Direction");
            ui.strong("Weight");
            ui.end_row();
            for c in &mut project.decision.criteria {
                // A long name wraps in its field rather than running out of it.
                widgets::line_edit(ui, &mut c.name, name_width)
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
    if let Some(room) = &room {
        room_weights_ui(ui, project, room);
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
            && project.decision.save_scenario(&name)
        {
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
            let weights = project.decision.scenario_weights(s);
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
    if let Some(i) = apply {
        project.decision.apply_saved_scenario(i);
    }
    if let Some(i) = delete {
        project.decision.delete_scenario(i);
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
                    if widgets::score_field(ui, &mut score)
                        .accessible_name(format!("{name} of {}", a.name))
                        .on_hover_text(Rating::OwnScore.hover_text())
                        .changed()
                    {
                        a.set_custom_score(*id, score);
                    }
                }
                ui.end_row();
            }
        });
}

/// Where the room's weights come from, how far they are from the current ones, and the button
/// that takes them over (one undo step, like any edit).
pub(super) fn room_weights_ui(
    ui: &mut egui::Ui,
    project: &mut Project,
    room: &crate::analysis::room::RoomWeights,
) {
    let largest_gap = project
        .decision
        .criteria
        .iter()
        .filter_map(|c| {
            let theirs = room.weights.iter().find(|(id, _)| *id == c.id)?.1;
            Some((c.name.as_str(), theirs - c.weight))
        })
        .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()));
    let listed: Vec<String> = project
        .decision
        .criteria
        .iter()
        .filter_map(|c| {
            let theirs = room.weights.iter().find(|(id, _)| *id == c.id)?.1;
            Some(format!("{} {theirs:.2}", c.name))
        })
        .collect();
    let gap = match largest_gap {
        Some((name, gap)) if gap.abs() >= 0.005 => format!(
            "The largest difference: {name}, {:.2} {} for the room.",
            gap.abs(),
            if gap > 0.0 { "more" } else { "less" }
        ),
        _ => "The current weights are the room's.".to_owned(),
    };
    ui.label(format!(
        "The room's weights: {} (pairwise round of {}, {} {}, their judgments combined by the geometric mean; consistency ratio {:.2}). {gap}",
        listed.join(", "),
        room.date,
        room.participants,
        if room.participants == 1 { "participant" } else { "participants" },
        room.consistency_ratio
    ));
    let same = largest_gap.is_none_or(|(_, gap)| gap.abs() < 0.005);
    if ui
        .add_enabled(!same, egui::Button::new("Use the room's weights"))
        .on_hover_text("Set every criterion's weight to the room's (Edit → Undo goes back)")
        .clicked()
    {
        let weights: Vec<f64> = project
            .decision
            .criteria
            .iter()
            .map(|c| {
                room.weights
                    .iter()
                    .find(|(id, _)| *id == c.id)
                    .map_or(c.weight, |(_, w)| *w)
            })
            .collect();
        project.decision.set_weights(&weights);
    }
}
