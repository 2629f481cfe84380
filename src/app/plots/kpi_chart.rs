//! A KPI over time: actuals, the planned path from baseline through the milestones to target,
//! the target and today.

use crate::analysis::kpi::KpiHealth;
use crate::app::widgets;
use crate::model::{Date, Kpi};
use egui_plot::{HLine, Legend, Line, LineStyle, MarkerShape, Plot, Points, VLine};

fn days(date: Date) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let d = date.days_since_epoch() as f64;
    d
}

fn date_label(value: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let day = value.round() as i64;
    Date::from_days_since_epoch(day)
        .map_or_else(String::new, |d| format!("{}-{:02}", d.year(), d.month()))
}

/// The chart's height where there is room.
pub const HEIGHT: f32 = 230.0;
/// The least it shrinks to on a short screen (the detail keeps this much, see
/// `widgets::Split`).
pub const MIN_HEIGHT: f32 = 150.0;

/// Draws the chart for a KPI: the planned path from the baseline through the milestones to the
/// target, the milestones, the target, today and the actuals (in the colour of the health).
/// As tall as the room in view allows, between [`MIN_HEIGHT`] and [`HEIGHT`].
pub fn ui(ui: &mut egui::Ui, kpi: &Kpi, health: &KpiHealth, today: Date) -> egui::Rect {
    let height = (ui.available_height() - 8.0).clamp(MIN_HEIGHT, HEIGHT);
    let guide = ui.visuals().weak_text_color();
    let actual_color = health
        .health
        .level()
        .map_or(guide, |level| widgets::signal_color(ui, level));
    let start = days(kpi.baseline_date);
    let end = days(kpi.target_date);
    let mut actuals: Vec<[f64; 2]> = kpi.actuals.iter().map(|a| [days(a.0), a.1]).collect();
    actuals.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let path = kpi.planned_path();
    let planned: Vec<[f64; 2]> = path.iter().map(|(d, v)| [days(*d), *v]).collect();
    let milestones: Vec<[f64; 2]> = planned
        .get(1..planned.len().saturating_sub(1))
        .unwrap_or_default()
        .to_vec();
    let unit = kpi.unit.clone();
    let response = Plot::new(("kpi_chart", kpi.id.0))
        .height(height)
        // The corner the line leaves empty: top left when it rises, bottom left when it falls.
        .legend(Legend::default().position(if kpi.target >= kpi.baseline {
            egui_plot::Corner::LeftTop
        } else {
            egui_plot::Corner::LeftBottom
        }))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_axis_formatter(|mark, _| date_label(mark.value))
        .label_formatter(move |position| match position {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {:.1} {unit}",
                date_label(position.x),
                position.y
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .include_x(start)
        .include_x(end)
        .include_y(kpi.baseline)
        .include_y(kpi.target)
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("Planned path", planned)
                    .color(guide)
                    .style(LineStyle::dashed_loose()),
            );
            if !milestones.is_empty() {
                plot_ui.points(
                    Points::new("Milestones", milestones)
                        .color(guide)
                        .shape(MarkerShape::Diamond)
                        .radius(5.0),
                );
            }
            plot_ui.hline(HLine::new("Target", kpi.target).color(guide).width(1.0));
            plot_ui.vline(
                VLine::new("Today", days(today))
                    .color(guide)
                    .style(LineStyle::dotted_dense()),
            );
            plot_ui.line(
                Line::new("Actuals", actuals.clone())
                    .color(actual_color)
                    .width(2.5),
            );
            plot_ui.points(
                Points::new("Actuals", actuals)
                    .color(actual_color)
                    .radius(3.5),
            );
        });
    response.response.rect
}
