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

/// Where to put each bubble's label, in screen points: above the bubble if that spot is free,
/// else below, right or left of it, whichever crosses no other bubble and no label placed
/// before it; kept inside `area`. `bubbles` are (centre, radius), `sizes` the label sizes.
pub fn place_labels(
    bubbles: &[(egui::Pos2, f32)],
    sizes: &[egui::Vec2],
    area: egui::Rect,
) -> Vec<egui::Rect> {
    const GAP: f32 = 3.0;
    let mut placed: Vec<egui::Rect> = Vec::with_capacity(bubbles.len());
    for (i, ((centre, radius), size)) in bubbles.iter().zip(sizes).enumerate() {
        let (c, r, s) = (*centre, *radius, *size);
        let above = c.y - r - GAP - s.y / 2.0;
        let below = c.y + r + GAP + s.y / 2.0;
        // Centred first, then shifted so the label extends to one side of the bubble.
        let shift = (s.x / 2.0 - r).max(0.0);
        let candidates = [
            egui::Rect::from_center_size(egui::pos2(c.x, above), s),
            egui::Rect::from_center_size(egui::pos2(c.x, below), s),
            egui::Rect::from_center_size(egui::pos2(c.x - shift, above), s),
            egui::Rect::from_center_size(egui::pos2(c.x + shift, above), s),
            egui::Rect::from_center_size(egui::pos2(c.x - shift, below), s),
            egui::Rect::from_center_size(egui::pos2(c.x + shift, below), s),
            egui::Rect::from_center_size(egui::pos2(c.x + r + GAP + s.x / 2.0, c.y), s),
            egui::Rect::from_center_size(egui::pos2(c.x - r - GAP - s.x / 2.0, c.y), s),
        ];
        let cost = |rect: &egui::Rect| -> f32 {
            let crossed_bubbles = bubbles
                .iter()
                .enumerate()
                .filter(|(j, (centre, radius))| {
                    // The own bubble counts too: a label pushed back inside it is no good.
                    let shrink = if *j == i { 1.0 } else { 0.0 };
                    let nearest = rect.clamp(*centre);
                    nearest.distance(*centre) < radius - shrink
                })
                .count();
            let crossed_labels = placed.iter().filter(|p| p.intersects(*rect)).count();
            let outside = if area.contains_rect(*rect) { 0.0 } else { 0.5 };
            crossed_bubbles as f32 + crossed_labels as f32 + outside
        };
        let best = candidates
            .iter()
            .map(|rect| keep_inside(*rect, area))
            .min_by(|a, b| cost(a).total_cmp(&cost(b)))
            .unwrap_or(candidates[0]);
        placed.push(best);
    }
    placed
}

/// Moves a rectangle into `area` where it fits (it keeps its size).
fn keep_inside(rect: egui::Rect, area: egui::Rect) -> egui::Rect {
    let dx = if rect.left() < area.left() {
        area.left() - rect.left()
    } else if rect.right() > area.right() {
        (area.right() - rect.right()).max(area.left() - rect.left())
    } else {
        0.0
    };
    let dy = if rect.top() < area.top() {
        area.top() - rect.top()
    } else if rect.bottom() > area.bottom() {
        (area.bottom() - rect.bottom()).max(area.top() - rect.top())
    } else {
        0.0
    };
    rect.translate(egui::vec2(dx, dy))
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

/// Labels longer than this many characters are broken onto two lines.
const LABEL_LINE_CHARS: usize = 26;

/// A bubble label: long names are broken at the space nearest their middle, so labels stay
/// compact enough to fit between bubbles.
pub fn wrap_label(name: &str) -> String {
    let chars = name.chars().count();
    if chars <= LABEL_LINE_CHARS {
        return name.to_owned();
    }
    let middle = chars / 2;
    let best = name
        .char_indices()
        .enumerate()
        .filter(|(_, (_, c))| *c == ' ')
        .min_by_key(|(n, _)| n.abs_diff(middle))
        .map(|(_, (byte, _))| byte);
    match best {
        Some(byte) => format!("{}\n{}", &name[..byte], &name[byte + 1..]),
        None => name.to_owned(),
    }
}

fn label_font_size(selected: bool) -> f32 {
    if selected { 15.5 } else { 14.5 }
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
        // Largest bubbles first, so small ones stay visible and clickable on top.
        let mut order: Vec<&Alternative> = project.alternatives.iter().collect();
        order.sort_by(|a, b| b.resources_eur(rate).total_cmp(&a.resources_eur(rate)));
        let transform = *plot_ui.transform();
        let mut screen_bubbles = Vec::with_capacity(order.len());
        let mut label_sizes = Vec::with_capacity(order.len());
        for alt in &order {
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
            screen_bubbles.push((
                transform.position_from_point(&PlotPoint::new(alt.competitive_quality, alt.risk)),
                radius,
            ));
            label_sizes.push(label_font_size(selected == Some(alt.id)));
        }
        let sizes: Vec<egui::Vec2> = order
            .iter()
            .zip(&label_sizes)
            .map(|(alt, size)| {
                plot_ui
                    .ctx()
                    .fonts_mut(|f| {
                        f.layout_no_wrap(
                            wrap_label(&alt.name),
                            egui::FontId::proportional(*size),
                            text_color,
                        )
                    })
                    .size()
            })
            .collect();
        let rects = place_labels(&screen_bubbles, &sizes, transform.frame().shrink(2.0));
        for ((alt, rect), size) in order.iter().zip(rects).zip(label_sizes) {
            let mut label = RichText::new(wrap_label(&alt.name))
                .color(text_color)
                .size(size);
            if selected == Some(alt.id) {
                label = label.strong();
            }
            plot_ui.text(
                Text::new(
                    alt.name.clone(),
                    transform.value_from_position(rect.center()),
                    label,
                )
                .id(("label", alt.id.0))
                .anchor(Align2::CENTER_CENTER)
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
    fn labels_avoid_other_bubbles_and_stay_inside() {
        let area = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(400.0, 300.0));
        // A big bubble right above a small one: the small one's label must not go above it.
        let bubbles = [
            (egui::pos2(200.0, 100.0), 40.0),
            (egui::pos2(200.0, 160.0), 10.0),
        ];
        let sizes = [egui::vec2(120.0, 16.0), egui::vec2(120.0, 16.0)];
        let rects = place_labels(&bubbles, &sizes, area);
        for (i, rect) in rects.iter().enumerate() {
            assert!(area.contains_rect(*rect), "label {i} leaves the plot");
            for (centre, radius) in &bubbles {
                assert!(
                    rect.clamp(*centre).distance(*centre) >= radius - 1.0,
                    "label {i} crosses a bubble"
                );
            }
        }
        assert!(!rects[0].intersects(rects[1]));
        // Near the right edge, a label is moved inwards rather than cut off.
        let edge = place_labels(
            &[(egui::pos2(390.0, 150.0), 8.0)],
            &[egui::vec2(200.0, 16.0)],
            area,
        );
        assert!(area.contains_rect(edge[0]));
    }

    #[test]
    fn a_label_squeezed_between_bubbles_moves_sideways() {
        // The bakery sample's crowded corner: above and below are taken, left is free.
        let area = egui::Rect::from_min_max(egui::pos2(825.0, 230.0), egui::pos2(1258.0, 715.0));
        let bubbles = [
            (egui::pos2(1160.0, 436.0), 48.0),
            (egui::pos2(1060.0, 522.0), 45.0),
            (egui::pos2(1001.0, 587.0), 36.0),
        ];
        // Two-line labels, as `wrap_label` makes them.
        let sizes = [
            egui::vec2(130.0, 36.0),
            egui::vec2(170.0, 36.0),
            egui::vec2(120.0, 36.0),
        ];
        let rects = place_labels(&bubbles, &sizes, area);
        for (i, rect) in rects.iter().enumerate() {
            for (j, (centre, radius)) in bubbles.iter().enumerate() {
                let distance = rect.clamp(*centre).distance(*centre);
                assert!(distance >= radius - 1.0, "label {i} crosses bubble {j}");
            }
        }
    }

    #[test]
    fn long_labels_break_near_the_middle() {
        assert_eq!(wrap_label("Paid reach"), "Paid reach");
        assert_eq!(
            wrap_label("Service and freshness: pre-order and less waste"),
            "Service and freshness:\npre-order and less waste"
        );
        assert_eq!(
            wrap_label("Averyveryverylongnamewithoutanyspaces"),
            "Averyveryverylongnamewithoutanyspaces"
        );
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
