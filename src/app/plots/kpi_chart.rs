//! A KPI over time: actuals, the expected path from baseline to target, the target and today.

use crate::analysis::kpi::{KpiHealth, expected_at};
use crate::app::widgets;
use crate::model::{Date, Kpi};
use egui_plot::{HLine, Legend, Line, LineStyle, Plot, Points, VLine};

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

/// Draws the chart for a KPI.
pub fn ui(ui: &mut egui::Ui, kpi: &Kpi, health: &KpiHealth, today: Date) -> egui::Rect {
    let actual_color = widgets::signal_color(ui, health.health.level());
    let guide = ui.visuals().weak_text_color();
    let start = days(kpi.baseline_date);
    let end = days(kpi.target_date);
    let mut actuals: Vec<[f64; 2]> = kpi.actuals.iter().map(|a| [days(a.0), a.1]).collect();
    actuals.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let expected: Vec<[f64; 2]> = (0..=24)
        .map(|i| {
            let t = start + (end - start) * f64::from(i) / 24.0;
            #[allow(clippy::cast_possible_truncation)]
            let date = Date::from_days_since_epoch(t.round() as i64).unwrap_or(kpi.baseline_date);
            [t, expected_at(kpi, date)]
        })
        .collect();
    let unit = kpi.unit.clone();
    let response = Plot::new(("kpi_chart", kpi.id.0))
        .height(230.0)
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
                Line::new("Expected path", expected)
                    .color(guide)
                    .style(LineStyle::dashed_loose()),
            );
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
