//! Pane 4: the competitive situation.

use super::master_detail;
use crate::app::state::{CompetitionSection, PaneEnv};
use crate::app::widgets::{self, Col, cell_text, form, pane_header, section_tabs};
use crate::model::competition::{score_in, set_score_in};
use crate::model::{Arena, ArenaScore, ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "Two kinds of competitor: performance competitors offer something similar; attention \
competitors fight for the same users' attention, often from another industry. Rate their strength per usage format \
and topic (0–10) beside ours: a position needs performance above theirs, not just knowledge of them.";

/// Draws the competition pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, "4 · Competitive situation", GUIDANCE);
    let arenas: Vec<(Arena, String)> = project
        .arenas()
        .into_iter()
        .map(|a| {
            let prefix = match a {
                Arena::UsageFormat(_) => "Format",
                Arena::Topic(_) => "Topic",
            };
            (a, format!("{prefix}: {}", project.arena_name(a)))
        })
        .collect();
    section_tabs(
        ui,
        &mut env.sections.competition,
        &[
            (CompetitionSection::Matrix, "Where we stand"),
            (CompetitionSection::Competitors, "Competitors"),
        ],
    );
    if env.sections.competition == CompetitionSection::Matrix {
        ui.label("Strength per arena, 0–10: our own and each competitor's. Drag or type a number; right-click to clear it.");
        matrix_ui(ui, project, &arenas);
        return;
    }
    master_detail(
        ui,
        env,
        ItemKind::Competitor,
        &mut project.competition.competitors,
        |c| ItemRef::Competitor(c.id),
        vec![
            Col::fill("Competitor"),
            Col::width("Kind", 180.0),
            Col::width("Arenas rated", 100.0),
        ],
        |c, row| {
            cell_text(row, &c.name);
            cell_text(row, c.kind.to_string());
            cell_text(row, c.strength.len().to_string());
        },
        |ui, c, _env| {
            form(ui, ("competitor", c.id), |f| {
                f.text("Name", &mut c.name);
                f.choice("Kind", &mut c.kind);
                f.area("What they do, why they matter", &mut c.description);
            });
            ui.add_space(4.0);
            ui.strong("Strength per arena (0–10; empty = not rated)");
            egui::Grid::new(("competitor_arenas", c.id))
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (arena, name) in &arenas {
                        ui.label(name);
                        score_cell(
                            ui,
                            &mut c.strength,
                            *arena,
                            &format!("{} in {name}", c.name),
                        );
                        ui.end_row();
                    }
                });
        },
    );
}

fn matrix_ui(ui: &mut egui::Ui, project: &mut Project, arenas: &[(Arena, String)]) {
    if arenas.is_empty() {
        widgets::empty_hint(
            ui,
            "Add usage formats (pane 2) and topics (pane 1) to compare strengths.",
        );
        return;
    }
    egui::ScrollArea::both()
        .id_salt("matrix")
        .max_height(230.0)
        .show(ui, |ui| {
            egui::Grid::new("competition_matrix")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("Arena");
                    ui.strong("Us");
                    for c in &project.competition.competitors {
                        ui.label(RichText::new(&c.name).strong())
                            .on_hover_text(c.kind.to_string());
                    }
                    ui.end_row();
                    for (arena, name) in arenas {
                        ui.label(name);
                        score_cell(
                            ui,
                            &mut project.competition.our_strength,
                            *arena,
                            &format!("Our strength in {name}"),
                        );
                        for c in &mut project.competition.competitors {
                            let label = format!("{} in {name}", c.name);
                            score_cell(ui, &mut c.strength, *arena, &label);
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add(
        egui::TextEdit::multiline(&mut project.competition.summary)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text("What the comparison means for the strategy"),
    )
    .accessible_name("Competition summary");
}

/// A rated arena as a drag value (right-click to clear); an unrated one as a "rate" button.
fn score_cell(ui: &mut egui::Ui, scores: &mut Vec<ArenaScore>, arena: Arena, label: &str) {
    match score_in(scores, arena) {
        Some(mut score) => {
            let response = ui
                .add(
                    egui::DragValue::new(&mut score)
                        .range(0.0..=10.0)
                        .speed(0.05)
                        .fixed_decimals(1),
                )
                .accessible_name(label)
                .on_hover_text("Drag or type 0–10; right-click to clear");
            if response.changed() {
                set_score_in(scores, arena, Some(score));
            }
            response.context_menu(|ui| {
                if ui.button("Clear rating").clicked() {
                    set_score_in(scores, arena, None);
                    ui.close();
                }
            });
        }
        None => {
            if ui
                .small_button("rate")
                .accessible_name(format!("Rate {label}"))
                .on_hover_text("Not rated yet: click to rate")
                .clicked()
            {
                set_score_in(scores, arena, Some(5.0));
            }
        }
    }
}
