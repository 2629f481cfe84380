//! The alternatives map pane.

use crate::app::command::Command;
use crate::app::panes::voting;
use crate::app::plots::alternatives_map::{self, status_color};
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, pane_header};
use crate::model::{AlternativeStatus, Choice, ItemKind, ItemRef, Project, VoteTarget};
use egui::RichText;

const GUIDANCE: &str = "Each bubble is a strategy alternative: further right = stronger competitive quality, higher = \
more risk, larger = more resources (budget + effort × day rate). Faded bubbles are dominated by another alternative. \
Click a bubble to open it; drag it to try other scores and watch the ranking follow. \
A ◆ tied to a bubble: where the room placed it from their phones; its ring: how far apart they were.";

/// The colour of the room's placing on the map (magenta): apart from the status colours and the dots'
/// badge, readable on light and dark backgrounds.
pub const ROOM_COLOR: egui::Color32 = egui::Color32::from_rgb(205, 45, 125);

/// A checkbox's text with a coloured mark before it (the mark and the words wrap together).
fn marked(ui: &egui::Ui, mark: &str, color: egui::Color32, text: &str) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    for part in [
        RichText::new(mark).color(color).size(16.0),
        RichText::new(format!(" {text}")),
    ] {
        part.append_to(
            &mut job,
            ui.style(),
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    }
    job
}

/// Draws the map pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(
        ui,
        env,
        "Alternatives map: quality, risk, resources",
        GUIDANCE,
    );
    ui.horizontal_wrapped(|ui| {
        let dark = ui.visuals().dark_mode;
        for status in AlternativeStatus::ALL {
            ui.label(
                RichText::new("⏺")
                    .color(status_color(*status, dark))
                    .size(18.0),
            );
            ui.label(status.label());
            ui.add_space(6.0);
        }
    });
    if project.alternatives.is_empty() {
        widgets::empty_hint(
            ui,
            "No alternatives yet: add them in pane 6 and they appear here.",
        );
        return;
    }
    let selected = match env.selected(ItemKind::Alternative) {
        Some(ItemRef::Alternative(id)) => Some(id),
        _ => None,
    };
    let mut export = false;
    let votes = voting::round_on_map(project, env.sections);
    let room = crate::analysis::room::latest_placing(project, &env.derived.evaluation);
    let room_axes = {
        use crate::model::decision::CriterionMeasure::{CompetitiveQuality, Risk};
        matches!(
            env.sections.map_axes,
            (CompetitiveQuality, Risk) | (Risk, CompetitiveQuality)
        )
    };
    ui.horizontal_wrapped(|ui| {
        let (x, y) = &mut env.sections.map_axes;
        for (label, axis) in [("Across", x), ("Up", y)] {
            let label = ui.label(label);
            egui::ComboBox::from_id_salt(("map_axis", label.id))
                .selected_text(axis.label())
                .show_ui(ui, |ui| {
                    for m in alternatives_map::AXES {
                        ui.selectable_value(axis, m, m.label());
                    }
                })
                .response
                .labelled_by(label.id);
        }
        if project.decision.budget.is_some() {
            ui.label(
                RichText::new("◯")
                    .color(widgets::signal_color(ui, -1))
                    .strong(),
            );
            ui.label("over budget");
        }
        ui.add(
            egui::Label::new(RichText::new("- - Pareto frontier").weak())
                .wrap_mode(egui::TextWrapMode::Extend),
        );
        // The badge on a bubble whose assumptions are at risk or broken, when one has it.
        let warned = crate::analysis::assumptions::worst_per_alternative(project, env.today);
        if let Some(worst) = warned.iter().map(|(_, s)| *s).min_by_key(|s| {
            (*s != crate::model::AssumptionStatus::Broken) as u8
        }) {
            let level = if worst == crate::model::AssumptionStatus::Broken {
                -1
            } else {
                0
            };
            ui.label(marked(
                ui,
                "⚠",
                widgets::signal_color(ui, level),
                "assumption at risk",
            ))
            .on_hover_text(
                "An assumption the alternative relies on is at risk (amber) or broken (red): \
see the alternative's assumptions in pane 7",
            );
        }
        if let Some(round) = votes {
            ui.checkbox(
                &mut env.sections.map_dots,
                marked(ui, "⏺", voting::BADGE_COLOR, "dots"),
            )
            .on_hover_text(format!(
                "Show the dots of the vote of {}: “{}” ({} dots)",
                round.date,
                round.question,
                round.total()
            ));
        }
        if let Some(room) = &room {
            ui.add_enabled(
                room_axes,
                egui::Checkbox::new(
                    &mut env.sections.map_room,
                    marked(ui, "◆", ROOM_COLOR, "room's placing"),
                ),
            )
            .on_hover_text(format!(
                "Where the room placed each alternative in the placing round of {} ({} answers): \
the diamond is the mean, the ring the spread (one standard deviation on each axis)",
                room.date, room.participants
            ))
            .on_disabled_hover_text(
                "The room placed the alternatives on competitive quality and risk: choose those axes to see it",
            );
        }
        // For a slide: drawn anew with a title, axes and a legend, on white, at a chosen size;
        // or the picture as on screen.
        ui.menu_button("Export", |ui| {
            super::slide_export_items(ui, env, crate::app::command::SlideChart::Map);
            ui.separator();
            export = ui
                .button("As on screen: PNG")
                .on_hover_text("The map exactly as the window shows it, in its theme")
                .clicked();
        })
        .response
        .on_hover_text(
            "Export the map for a slide (competitive quality across, risk up, with a title and a legend) or as on screen",
        );
    });
    let view = alternatives_map::MapView {
        selected,
        x: env.sections.map_axes.0,
        y: env.sections.map_axes.1,
        evaluation: &env.derived.evaluation,
        robustness: env.derived.robustness.result(),
        assumption_warnings: crate::analysis::assumptions::worst_per_alternative(
            project, env.today,
        ),
        dots: votes
            .filter(|_| env.sections.map_dots)
            .map(|round| {
                project
                    .alternatives
                    .iter()
                    .map(|a| (a.id, round.tally_of(VoteTarget::Alternative(a.id))))
                    .collect()
            })
            .unwrap_or_default(),
        dot_color: voting::BADGE_COLOR,
        room: room.as_ref().filter(|_| env.sections.map_room && room_axes),
        room_color: ROOM_COLOR,
    };
    let off_map: Vec<String> = project
        .alternatives
        .iter()
        .filter_map(|a| {
            let missing = alternatives_map::missing_axes(a, view.x, view.y, project.day_rate_eur);
            (!missing.is_empty())
                .then(|| format!("“{}” ({})", a.name, missing.join(", ").to_lowercase()))
        })
        .collect();
    if !off_map.is_empty() {
        ui.label(
            RichText::new(format!(
                "Not on the map until assessed: {}",
                off_map.join("; ")
            ))
            .weak(),
        );
    }
    let response = alternatives_map::ui(ui, project, &view);
    if export {
        env.send(Command::ExportPlot {
            name: "alternatives-map".to_owned(),
            rect: response.rect,
        });
    }
    if let Some(id) = response.clicked {
        env.send(Command::Select(ItemRef::Alternative(id)));
    }
    if let Some((id, dx, dy)) = response.dragged
        && let Some(alt) = project.alternative_mut(id)
    {
        alt.move_score(view.x, dx);
        alt.move_score(view.y, dy);
        if selected != Some(id) {
            env.send(Command::Select(ItemRef::Alternative(id)));
        }
    }
}
