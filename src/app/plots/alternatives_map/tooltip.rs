//! What the map says about the alternative under the pointer.

use super::MapView;
use crate::app::widgets;
use crate::model::{Alternative, Project};
use egui::RichText;

pub(super) fn tooltip_ui(
    ui: &mut egui::Ui,
    project: &Project,
    alt: &Alternative,
    view: &MapView<'_>,
) {
    let rate = project.day_rate_eur;
    ui.strong(&alt.name);
    let result = view.evaluation.alternative(alt.id);
    egui::Grid::new("map_tooltip")
        .num_columns(2)
        .show(ui, |ui| {
            if let Some(r) = result {
                ui.label("Total");
                ui.label(format!("{:.3} (rank {})", r.total, r.rank));
                ui.end_row();
            }
            ui.label("Competitive quality");
            ui.label(widgets::rating_text(alt.competitive_quality));
            ui.end_row();
            ui.label("Risk");
            ui.label(widgets::rating_text(alt.risk));
            ui.end_row();
            ui.label("Budget");
            ui.label(widgets::eur(alt.budget_eur));
            ui.end_row();
            ui.label("Effort");
            ui.label(format!(
                "{} person-days",
                widgets::group_thousands(alt.effort_person_days)
            ));
            ui.end_row();
            ui.label("Resources");
            ui.label(widgets::eur(alt.resources_eur(rate)));
            ui.end_row();
            ui.label("Status");
            ui.label(alt.status.to_string());
            ui.end_row();
            if let Some(acc) = view.robustness.and_then(|r| r.of(alt.id)) {
                ui.label("Rank acceptability");
                let shares: Vec<String> = acc
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| **p >= 0.005)
                    .map(|(r, p)| {
                        format!(
                            "{} {:.0} %",
                            crate::app::plots::acceptability::rank_name(r + 1).replace(" rank", ""),
                            p * 100.0
                        )
                    })
                    .collect();
                ui.label(shares.join(", "));
                ui.end_row();
            }
        });
    if let Some(r) = result {
        if !r.dominated_by.is_empty() {
            let names: Vec<String> = r
                .dominated_by
                .iter()
                .filter_map(|id| project.alternative(*id).map(|a| a.name.clone()))
                .collect();
            ui.label(
                RichText::new(format!("Dominated by {}", names.join(", ")))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        if r.over_budget {
            ui.label(RichText::new("Over the budget").color(ui.visuals().warn_fg_color));
        }
    }
    if let Some((_, status)) = view.assumption_warnings.iter().find(|(a, _)| *a == alt.id) {
        ui.label(
            RichText::new(format!(
                "⚠ An assumption it relies on is {}",
                status.to_string().to_lowercase()
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
    if let Some(placed) = view
        .room
        .and_then(|r| r.placed.iter().find(|p| p.alternative == alt.id))
    {
        ui.label(
            RichText::new(format!(
                "The room placed it at quality {:.1} ± {:.1}, risk {:.1} ± {:.1} ({} {})",
                placed.quality,
                placed.quality_spread,
                placed.risk,
                placed.risk_spread,
                placed.answered,
                if placed.answered == 1 {
                    "answer"
                } else {
                    "answers"
                }
            ))
            .color(view.room_color),
        );
    }
    ui.label(RichText::new("Click to open it; drag to move it").weak());
}
