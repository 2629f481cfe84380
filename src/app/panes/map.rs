//! The alternatives map pane.

use crate::app::command::Command;
use crate::app::plots::alternatives_map::{self, status_color};
use crate::app::state::PaneEnv;
use crate::app::widgets::{self, pane_header};
use crate::model::{AlternativeStatus, Choice, ItemKind, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "Each bubble is a strategy alternative: further right = stronger competitive quality, higher = \
more risk, larger = more resources (budget + effort × day rate). Look for strong positions at a risk and cost the \
company can carry. Click a bubble to open the alternative.";

/// Draws the map pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(ui, "Alternatives map: quality, risk, resources", GUIDANCE);
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
    let response = alternatives_map::ui(ui, project, selected);
    if let Some(id) = response.clicked {
        env.send(Command::Select(ItemRef::Alternative(id)));
    }
}
