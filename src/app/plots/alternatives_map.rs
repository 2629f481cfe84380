//! The alternatives map: x = competitive quality, y = risk, bubble area = resources.

use crate::app::widgets;
use crate::model::{Alternative, AlternativeId, AlternativeStatus, Project};
use egui::{Align2, Color32, RichText, Stroke};
use egui_plot::{HLine, Plot, PlotPoint, Points, Polygon, Text, VLine};

/// The largest and smallest bubble radius, in points.
const MAX_RADIUS: f32 = 40.0;
const MIN_RADIUS: f32 = 7.0;

/// What happened on the map this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapResponse {
    /// The alternative under the pointer.
    pub hovered: Option<AlternativeId>,
    /// The alternative clicked.
    pub clicked: Option<AlternativeId>,
}

/// Where the map drew its bubbles in the last frame, in screen points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapGeometry {
    /// (alternative, centre, radius) per bubble.
    pub bubbles: Vec<(AlternativeId, egui::Pos2, f32)>,
    /// The alternative drawn as selected.
    pub selected: Option<AlternativeId>,
}

fn geometry_id() -> egui::Id {
    egui::Id::unique("alternatives_map_geometry")
}

/// The map's geometry from the last frame it was drawn in (for pointer work such as dragging,
/// and for tests that click a bubble).
pub fn last_geometry(ctx: &egui::Context) -> Option<MapGeometry> {
    ctx.data(|d| d.get_temp(geometry_id()))
}

/// A bubble's radius in points: its area is proportional to the alternative's resources,
/// relative to the largest on the map, never smaller than a clickable minimum.
pub fn bubble_radius(resources: f64, max_resources: f64, max_radius: f32) -> f32 {
    if !(max_resources > 0.0) || !(resources > 0.0) {
        return MIN_RADIUS;
    }
    let share = (resources / max_resources).clamp(0.0, 1.0);
    #[allow(clippy::cast_possible_truncation)]
    let radius = max_radius * (share.sqrt() as f32);
    radius.max(MIN_RADIUS)
}

/// The alternative whose bubble contains `pointer` (the one whose centre is nearest, relative
/// to its radius, where bubbles overlap). Bubbles are (id, centre, radius) in screen points.
pub fn hit(
    bubbles: &[(AlternativeId, egui::Pos2, f32)],
    pointer: egui::Pos2,
) -> Option<AlternativeId> {
    bubbles
        .iter()
        .map(|(id, centre, radius)| (*id, centre.distance(pointer) / radius.max(1.0)))
        .filter(|(_, relative)| *relative <= 1.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// The colour of an alternative's bubble, by status.
pub fn status_color(status: AlternativeStatus, dark: bool) -> Color32 {
    match (status, dark) {
        (AlternativeStatus::Chosen, false) => Color32::from_rgb(30, 140, 70),
        (AlternativeStatus::Chosen, true) => Color32::from_rgb(80, 190, 110),
        (AlternativeStatus::DecisionReady, false) => Color32::from_rgb(40, 100, 200),
        (AlternativeStatus::DecisionReady, true) => Color32::from_rgb(100, 160, 250),
        (AlternativeStatus::Draft, false) => Color32::from_rgb(200, 130, 20),
        (AlternativeStatus::Draft, true) => Color32::from_rgb(230, 170, 60),
        (AlternativeStatus::Rejected, false) => Color32::from_rgb(140, 140, 140),
        (AlternativeStatus::Rejected, true) => Color32::from_rgb(130, 130, 130),
    }
}

/// Draws the map. `selected` is drawn with a ring.
pub fn ui(ui: &mut egui::Ui, project: &Project, selected: Option<AlternativeId>) -> MapResponse {
    let dark = ui.visuals().dark_mode;
    let rate = project.day_rate_eur;
    let max_resources = project
        .alternatives
        .iter()
        .map(|a| a.resources_eur(rate))
        .fold(0.0_f64, f64::max);
    let max_radius =
        (ui.available_height().min(ui.available_width()) / 9.0).clamp(18.0, MAX_RADIUS);
    let text_color = ui.visuals().strong_text_color();
    let sweet = if dark {
        Color32::from_rgba_unmultiplied(60, 160, 90, 28)
    } else {
        Color32::from_rgba_unmultiplied(60, 160, 90, 30)
    };
    let guide = ui.visuals().weak_text_color();

    let plot = Plot::new("alternatives_map")
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .default_x_bounds(-0.5, 10.5)
        .default_y_bounds(-0.5, 10.8)
        .x_axis_label("Competitive quality →")
        .y_axis_label("Risk →")
        .show_background(true);
    let response = plot.show(ui, |plot_ui| {
        plot_ui.polygon(
            Polygon::new(
                "strong position, low risk",
                vec![[5.0, -0.5], [10.5, -0.5], [10.5, 5.0], [5.0, 5.0]],
            )
            .fill_color(sweet)
            .stroke(Stroke::NONE)
            .allow_hover(false),
        );
        plot_ui.hline(
            HLine::new("risk 5", 5.0)
                .color(guide)
                .width(0.5)
                .allow_hover(false),
        );
        plot_ui.vline(
            VLine::new("quality 5", 5.0)
                .color(guide)
                .width(0.5)
                .allow_hover(false),
        );
        plot_ui.text(
            Text::new(
                "sweet spot",
                PlotPoint::new(10.3, -0.3),
                RichText::new("strong position, low risk").color(guide),
            )
            .anchor(Align2::RIGHT_BOTTOM)
            .allow_hover(false),
        );
        plot_ui.text(
            Text::new(
                "weak spot",
                PlotPoint::new(-0.3, 10.6),
                RichText::new("weak position, high risk").color(guide),
            )
            .anchor(Align2::LEFT_TOP)
            .allow_hover(false),
        );
        let [dx_per_point, dy_per_point] = plot_ui.transform().dvalue_dpos().map(f64::abs);
        // Largest bubbles first, so small ones stay visible and clickable on top.
        let mut order: Vec<&Alternative> = project.alternatives.iter().collect();
        order.sort_by(|a, b| b.resources_eur(rate).total_cmp(&a.resources_eur(rate)));
        for alt in order {
            let radius = bubble_radius(alt.resources_eur(rate), max_resources, max_radius);
            let color = status_color(alt.status, dark);
            let centre = [alt.competitive_quality, alt.risk];
            plot_ui.points(
                Points::new(alt.name.clone(), vec![centre])
                    .id(("bubble", alt.id.0))
                    .radius(radius)
                    .color(color.gamma_multiply(0.55))
                    .filled(true)
                    .allow_hover(false),
            );
            let ring = if selected == Some(alt.id) { 3.0 } else { 1.0 };
            plot_ui.points(
                Points::new(alt.name.clone(), vec![centre])
                    .id(("ring", alt.id.0))
                    .radius(radius + ring / 2.0)
                    .color(if selected == Some(alt.id) {
                        text_color
                    } else {
                        color
                    })
                    .filled(false)
                    .allow_hover(false),
            );
            let label_y = alt.risk + f64::from(radius + 4.0) * dy_per_point;
            // Near the right or left edge the label grows inwards, so it is never cut off.
            let (label_x, anchor) = if alt.competitive_quality > 7.0 {
                (
                    alt.competitive_quality + f64::from(radius) * dx_per_point,
                    Align2::RIGHT_BOTTOM,
                )
            } else if alt.competitive_quality < 3.0 {
                (
                    alt.competitive_quality - f64::from(radius) * dx_per_point,
                    Align2::LEFT_BOTTOM,
                )
            } else {
                (alt.competitive_quality, Align2::CENTER_BOTTOM)
            };
            let label = if selected == Some(alt.id) {
                RichText::new(&alt.name)
                    .strong()
                    .color(text_color)
                    .size(15.0)
            } else {
                RichText::new(&alt.name).color(text_color).size(14.0)
            };
            plot_ui.text(
                Text::new(alt.name.clone(), PlotPoint::new(label_x, label_y), label)
                    .id(("label", alt.id.0))
                    .anchor(anchor)
                    .allow_hover(false),
            );
        }
    });

    let bubbles: Vec<_> = project
        .alternatives
        .iter()
        .map(|a| {
            let centre = response
                .transform
                .position_from_point(&PlotPoint::new(a.competitive_quality, a.risk));
            (
                a.id,
                centre,
                bubble_radius(a.resources_eur(rate), max_resources, max_radius),
            )
        })
        .collect();
    let hovered = response.response.hover_pos().and_then(|p| hit(&bubbles, p));
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            geometry_id(),
            MapGeometry {
                bubbles: bubbles.clone(),
                selected,
            },
        );
    });
    let clicked = if response.response.clicked() {
        response
            .response
            .interact_pointer_pos()
            .and_then(|p| hit(&bubbles, p))
    } else {
        None
    };
    if let Some(alt) = hovered.and_then(|id| project.alternative(id)) {
        response.response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(&alt.name);
            egui::Grid::new("map_tooltip")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("Competitive quality");
                    ui.label(widgets::score_text(alt.competitive_quality));
                    ui.end_row();
                    ui.label("Risk");
                    ui.label(widgets::score_text(alt.risk));
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
                });
            ui.label(RichText::new("Click to open it in the alternatives pane").weak());
        });
    }
    MapResponse { hovered, clicked }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bubble_area_is_proportional_to_resources() {
        let big = bubble_radius(400.0, 400.0, 40.0);
        let quarter = bubble_radius(100.0, 400.0, 40.0);
        assert!((big - 40.0).abs() < 1e-4);
        assert!(
            (quarter - 20.0).abs() < 1e-4,
            "a quarter of the area is half the radius"
        );
        assert_eq!(bubble_radius(0.0, 400.0, 40.0), MIN_RADIUS);
        assert_eq!(bubble_radius(1.0, 0.0, 40.0), MIN_RADIUS);
        assert_eq!(bubble_radius(f64::NAN, 10.0, 40.0), MIN_RADIUS);
    }

    #[test]
    fn hit_takes_the_bubble_under_the_pointer() {
        let a = AlternativeId(1);
        let b = AlternativeId(2);
        let bubbles = [
            (a, egui::pos2(0.0, 0.0), 10.0),
            (b, egui::pos2(15.0, 0.0), 10.0),
        ];
        assert_eq!(hit(&bubbles, egui::pos2(2.0, 0.0)), Some(a));
        assert_eq!(hit(&bubbles, egui::pos2(13.0, 0.0)), Some(b));
        assert_eq!(hit(&bubbles, egui::pos2(0.0, 30.0)), None);
    }
}
