//! The alternatives map: x = competitive quality, y = risk, bubble area = resources.

use crate::analysis::decision::Evaluation;
use crate::analysis::robustness::Robustness;
use crate::app::widgets;
use crate::model::decision::CriterionMeasure;
use crate::model::{Alternative, AlternativeId, AlternativeStatus, Choice, Project};
use egui::{Align2, Color32, RichText, Stroke};
use egui_plot::{HLine, Plot, PlotPoint, Polygon, Text, VLine};

/// The largest and smallest bubble radius, in points.
const MAX_RADIUS: f32 = 40.0;
const MIN_RADIUS: f32 = 7.0;

/// What happened on the map this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapResponse {
    /// The alternative under the pointer.
    pub hovered: Option<AlternativeId>,
    /// The alternative clicked.
    pub clicked: Option<AlternativeId>,
    /// The alternative being dragged and by how much this frame, in axis units (x, y).
    pub dragged: Option<(AlternativeId, f64, f64)>,
    /// Where the map is on screen.
    pub rect: egui::Rect,
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
    if max_resources.is_nan() || resources.is_nan() || max_resources <= 0.0 || resources <= 0.0 {
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
/// else below, shifted to one side, or beside it, whichever crosses no bubble and no label
/// placed before it and stays inside `area`. A label with no free spot is left out (`None`),
/// as maps do, unless it is `always`: that one takes the first spot. `bubbles` are
/// (centre, radius) in placing order, `sizes` the label sizes.
pub fn place_labels(
    bubbles: &[(egui::Pos2, f32)],
    sizes: &[egui::Vec2],
    area: egui::Rect,
    always: Option<usize>,
) -> Vec<Option<egui::Rect>> {
    const GAP: f32 = 3.0;
    let mut placed: Vec<egui::Rect> = Vec::with_capacity(bubbles.len());
    let mut result = vec![None; bubbles.len()];
    // The label that must be shown goes first, so the others make room for it.
    let order = always
        .into_iter()
        .chain((0..bubbles.len()).filter(|i| Some(*i) != always));
    for i in order {
        let (Some((c, r)), Some(s)) = (bubbles.get(i).copied(), sizes.get(i).copied()) else {
            continue;
        };
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
        let is_free = |rect: &egui::Rect| -> bool {
            area.contains_rect(*rect)
                && !placed.iter().any(|p| p.intersects(*rect))
                && !bubbles.iter().any(|(centre, radius)| {
                    let nearest = rect.clamp(*centre);
                    nearest.distance(*centre) < radius - 0.5
                })
        };
        let spot = candidates
            .iter()
            .map(|rect| keep_inside(*rect, area))
            .find(|rect| is_free(rect))
            .or_else(|| (always == Some(i)).then(|| keep_inside(candidates[0], area)));
        if let Some(rect) = spot {
            placed.push(rect);
            result[i] = Some(rect);
        }
    }
    result
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
    crate::format::status_rgb(status, dark).into()
}

/// A bubble label: long names are broken at the space nearest their middle, so labels stay
/// compact enough to fit between bubbles.
pub fn wrap_label(name: &str) -> String {
    crate::format::wrap_label(name)
}

fn label_font_size(selected: bool) -> f32 {
    if selected { 15.5 } else { 14.5 }
}

/// What the map shows besides the project.
pub struct MapView<'a> {
    /// The alternative drawn as selected.
    pub selected: Option<AlternativeId>,
    /// The value on the horizontal axis.
    pub x: CriterionMeasure,
    /// The value on the vertical axis.
    pub y: CriterionMeasure,
    /// Totals, ranks, dominance and budget.
    pub evaluation: &'a Evaluation,
    /// Rank acceptability, if computed.
    pub robustness: Option<&'a Robustness>,
    /// Alternatives relying on an assumption that is at risk or broken, with the worst status.
    pub assumption_warnings: Vec<(AlternativeId, crate::model::AssumptionStatus)>,
    /// Dots from a voting round per alternative (shown as a badge), and the badge colour.
    pub dots: Vec<(AlternativeId, u32)>,
    /// The colour of the dots' badges.
    pub dot_color: Color32,
}

/// An alternative's value for a measure on the map (own scores are not map axes).
pub fn axis_value(project: &Project, alternative: &Alternative, measure: CriterionMeasure) -> f64 {
    match measure {
        CriterionMeasure::CompetitiveQuality => alternative.competitive_quality,
        CriterionMeasure::Risk => alternative.risk,
        CriterionMeasure::Resources => alternative.resources_eur(project.day_rate_eur),
        CriterionMeasure::GoalContribution => alternative.goal_contribution,
        CriterionMeasure::StrategicQuality => alternative.strategic_quality,
        CriterionMeasure::Custom => 0.0,
    }
}

/// Moves an alternative's value for a measure by `delta` (kept within 0–10). Resources are
/// not moved on the map: they come from budget and effort.
pub fn move_value(alternative: &mut Alternative, measure: CriterionMeasure, delta: f64) {
    let value = match measure {
        CriterionMeasure::CompetitiveQuality => &mut alternative.competitive_quality,
        CriterionMeasure::Risk => &mut alternative.risk,
        CriterionMeasure::GoalContribution => &mut alternative.goal_contribution,
        CriterionMeasure::StrategicQuality => &mut alternative.strategic_quality,
        CriterionMeasure::Resources | CriterionMeasure::Custom => return,
    };
    *value = (*value + delta).clamp(0.0, 10.0);
}

/// The axes a map can show.
pub const AXES: [CriterionMeasure; 5] = [
    CriterionMeasure::CompetitiveQuality,
    CriterionMeasure::Risk,
    CriterionMeasure::Resources,
    CriterionMeasure::GoalContribution,
    CriterionMeasure::StrategicQuality,
];

fn axis_bounds(project: &Project, measure: CriterionMeasure) -> (f64, f64) {
    if measure.is_score() {
        (-0.5, 10.5)
    } else {
        let max = project
            .alternatives
            .iter()
            .map(|a| axis_value(project, a, measure))
            .fold(0.0_f64, f64::max);
        (0.0, (max * 1.15).max(1.0))
    }
}

fn axis_label(measure: CriterionMeasure) -> String {
    format!("{} →", measure.label())
}

fn drag_id() -> egui::Id {
    egui::Id::unique("alternatives_map_drag")
}

/// Draws the map.
pub fn ui(ui: &mut egui::Ui, project: &Project, view: &MapView<'_>) -> MapResponse {
    let selected = view.selected;
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
    let guide = ui.visuals().weak_text_color();
    let (x0, x1) = axis_bounds(project, view.x);
    let (y0, y1) = axis_bounds(project, view.y);
    // The "good" corner: high on benefit axes, low on cost axes.
    let x_good_high = !matches!(view.x, CriterionMeasure::Risk | CriterionMeasure::Resources);
    let y_good_high = !matches!(view.y, CriterionMeasure::Risk | CriterionMeasure::Resources);
    let (xm, ym) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let sweet_x = if x_good_high { (xm, x1) } else { (x0, xm) };
    let sweet_y = if y_good_high { (ym, y1) } else { (y0, ym) };
    let sweet = Color32::from_rgba_unmultiplied(60, 160, 90, if dark { 28 } else { 30 });

    let plot = Plot::new("alternatives_map")
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .default_x_bounds(x0, x1)
        .default_y_bounds(y0, y1 + (y1 - y0) * 0.03)
        .x_axis_label(axis_label(view.x))
        .y_axis_label(axis_label(view.y))
        .show_background(true);
    let response = plot.show(ui, |plot_ui| {
        plot_ui.set_plot_bounds_x(x0..=x1);
        plot_ui.set_plot_bounds_y(y0..=y1 + (y1 - y0) * 0.03);
        plot_ui.polygon(
            Polygon::new(
                "strong position",
                vec![
                    [sweet_x.0, sweet_y.0],
                    [sweet_x.1, sweet_y.0],
                    [sweet_x.1, sweet_y.1],
                    [sweet_x.0, sweet_y.1],
                ],
            )
            .fill_color(sweet)
            .stroke(Stroke::NONE)
            .allow_hover(false),
        );
        plot_ui.hline(
            HLine::new("middle y", ym)
                .color(guide)
                .width(0.5)
                .allow_hover(false),
        );
        plot_ui.vline(
            VLine::new("middle x", xm)
                .color(guide)
                .width(0.5)
                .allow_hover(false),
        );
        let (corner_x, corner_align) = if x_good_high {
            (x1, Align2::RIGHT_BOTTOM)
        } else {
            (x0, Align2::LEFT_BOTTOM)
        };
        let corner_y = if y_good_high { y1 } else { y0 };
        let corner_align = if y_good_high {
            if x_good_high {
                Align2::RIGHT_TOP
            } else {
                Align2::LEFT_TOP
            }
        } else {
            corner_align
        };
        plot_ui.text(
            Text::new(
                "good corner",
                PlotPoint::new(corner_x, corner_y),
                RichText::new("the strong corner").color(guide),
            )
            .anchor(corner_align)
            .allow_hover(false),
        );
    });

    // Results by alternative, looked up once per frame instead of searched per bubble.
    let results: std::collections::HashMap<
        AlternativeId,
        &crate::analysis::decision::AlternativeResult,
    > = view
        .evaluation
        .alternatives
        .iter()
        .map(|r| (r.id, r))
        .collect();
    let warnings: std::collections::HashMap<AlternativeId, crate::model::AssumptionStatus> =
        view.assumption_warnings.iter().copied().collect();
    let dots: std::collections::HashMap<AlternativeId, u32> =
        view.dots.iter().copied().filter(|(_, n)| *n > 0).collect();
    // Bubbles and labels are painted over the plot directly: one shape each instead of a plot
    // item each, which keeps a map of hundreds of alternatives fast.
    let transform = response.transform;
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);
    let mut order: Vec<&Alternative> = project.alternatives.iter().collect();
    // Largest bubbles first, so small ones stay visible and clickable on top.
    order.sort_by(|a, b| b.resources_eur(rate).total_cmp(&a.resources_eur(rate)));
    let bubbles: Vec<(AlternativeId, egui::Pos2, f32)> = order
        .iter()
        .map(|a| {
            let point = PlotPoint::new(
                axis_value(project, a, view.x),
                axis_value(project, a, view.y),
            );
            (
                a.id,
                transform.position_from_point(&point),
                bubble_radius(a.resources_eur(rate), max_resources, max_radius),
            )
        })
        .collect();

    // The Pareto frontier: the non-dominated alternatives, connected left to right.
    let mut frontier: Vec<egui::Pos2> = bubbles
        .iter()
        .filter(|(id, ..)| results.get(id).is_some_and(|r| r.pareto))
        .map(|(_, c, _)| *c)
        .collect();
    frontier.sort_by(|a, b| a.x.total_cmp(&b.x));
    if frontier.len() > 1 {
        let stroke = Stroke::new(2.0, guide.gamma_multiply(0.8));
        if frontier.len() <= 12 {
            painter.extend(egui::Shape::dashed_line(&frontier, stroke, 8.0, 5.0));
        } else {
            // Many points: one polyline instead of thousands of dashes.
            painter.add(egui::Shape::line(
                frontier,
                Stroke::new(1.5, guide.gamma_multiply(0.6)),
            ));
        }
    }
    let over_budget_color = widgets::signal_color(ui, -1);
    let mut badge_texts: std::collections::HashMap<u32, std::sync::Arc<egui::Galley>> =
        std::collections::HashMap::new();
    let mut badge_disc: Option<std::sync::Arc<egui::Galley>> = None;
    for (alt, (id, centre, radius)) in order.iter().zip(&bubbles) {
        let result = results.get(id);
        let dominated = result.is_some_and(|r| !r.pareto);
        let color = status_color(alt.status, dark);
        let fill = if dominated {
            color.gamma_multiply(0.2)
        } else {
            color.gamma_multiply(0.55)
        };
        let ring = if selected == Some(*id) {
            Stroke::new(3.0, text_color)
        } else if dominated {
            Stroke::new(1.0, color.gamma_multiply(0.5))
        } else {
            Stroke::new(1.5, color)
        };
        painter.circle(*centre, *radius, fill, ring);
        if result.is_some_and(|r| r.over_budget) {
            painter.circle_stroke(*centre, radius + 4.0, Stroke::new(2.0, over_budget_color));
        }
        if let Some(status) = warnings.get(id) {
            let level = if *status == crate::model::AssumptionStatus::Broken {
                -1
            } else {
                0
            };
            let at = *centre + egui::vec2(radius * 0.72, -radius * 0.72);
            painter.circle_filled(at, 9.0, ui.visuals().panel_fill);
            painter.text(
                at,
                Align2::CENTER_CENTER,
                "⚠",
                egui::FontId::proportional(14.0),
                widgets::signal_color(ui, level),
            );
        }
        if let Some(n) = dots.get(id) {
            // The room's dots: a badge on the upper left. The disc is a glyph, not a circle
            // shape: a map of 200 voted alternatives spent a millisecond per frame
            // tessellating the circles (see benches/frames.rs). Texts are laid out once per
            // frame per distinct count.
            let at = *centre + egui::vec2(-radius * 0.72, -radius * 0.72);
            let disc = badge_disc
                .get_or_insert_with(|| {
                    painter.layout_no_wrap(
                        "⏺".to_owned(),
                        egui::FontId::proportional(28.0),
                        view.dot_color,
                    )
                })
                .clone();
            painter.galley(at - disc.rect.center().to_vec2(), disc, view.dot_color);
            let galley = badge_texts
                .entry(*n)
                .or_insert_with(|| {
                    painter.layout_no_wrap(
                        n.to_string(),
                        egui::FontId::proportional(13.5),
                        Color32::WHITE,
                    )
                })
                .clone();
            painter.galley(at - galley.rect.center().to_vec2(), galley, Color32::WHITE);
        }
    }
    let galleys: Vec<_> = order
        .iter()
        .map(|alt| {
            let is_selected = selected == Some(alt.id);
            let dominated = view
                .evaluation
                .alternative(alt.id)
                .is_some_and(|r| !r.pareto);
            let color = if dominated { guide } else { text_color };
            let mut job = egui::text::LayoutJob::simple(
                wrap_label(&alt.name),
                egui::FontId::proportional(label_font_size(is_selected)),
                color,
                f32::INFINITY,
            );
            job.halign = egui::Align::Center;
            painter.layout_job(job)
        })
        .collect();
    let sizes: Vec<egui::Vec2> = galleys.iter().map(|g| g.size()).collect();
    let circles: Vec<(egui::Pos2, f32)> = bubbles.iter().map(|(_, c, r)| (*c, *r)).collect();
    let selected_index = order.iter().position(|a| Some(a.id) == selected);
    let rects = place_labels(&circles, &sizes, frame.shrink(2.0), selected_index);
    for (galley, rect) in galleys.into_iter().zip(rects) {
        if let Some(rect) = rect {
            let pos = rect.center() - galley.rect.center().to_vec2();
            painter.galley(pos, galley, text_color);
        }
    }

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

    // Dragging a bubble moves the alternative on both axes; a press without movement selects.
    let mut dragged = None;
    if response.response.drag_started() {
        let grabbed = response
            .response
            .interact_pointer_pos()
            .and_then(|p| hit(&bubbles, p));
        ui.ctx().data_mut(|d| d.insert_temp(drag_id(), grabbed));
    }
    let grabbed: Option<AlternativeId> = ui.ctx().data(|d| d.get_temp(drag_id())).flatten();
    if let Some(id) = grabbed
        && response.response.dragged()
    {
        let delta = response.response.drag_delta();
        let [dx, dy] = transform.dvalue_dpos();
        if delta != egui::Vec2::ZERO {
            dragged = Some((id, f64::from(delta.x) * dx, f64::from(delta.y) * dy));
        }
    }
    if response.response.drag_stopped() {
        ui.ctx()
            .data_mut(|d| d.remove::<Option<AlternativeId>>(drag_id()));
    }
    let clicked = if response.response.clicked() {
        response
            .response
            .interact_pointer_pos()
            .and_then(|p| hit(&bubbles, p))
    } else {
        None
    };
    if let Some(alt) = hovered.and_then(|id| project.alternative(id))
        && grabbed.is_none()
    {
        response.response.clone().on_hover_ui_at_pointer(|ui| {
            tooltip_ui(ui, project, alt, view);
        });
    }
    MapResponse {
        hovered,
        clicked,
        dragged,
        rect: response.response.rect,
    }
}

fn tooltip_ui(ui: &mut egui::Ui, project: &Project, alt: &Alternative, view: &MapView<'_>) {
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
            if let Some(acc) = view.robustness.and_then(|r| r.of(alt.id)) {
                ui.label("Rank acceptability");
                let shares: Vec<String> = acc
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| **p >= 0.005)
                    .map(|(r, p)| {
                        format!(
                            "{} {:.0} %",
                            super::acceptability::rank_name(r + 1).replace(" rank", ""),
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
    ui.label(RichText::new("Click to open it; drag to move it").weak());
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
        let rects: Vec<_> = place_labels(&bubbles, &sizes, area, None)
            .into_iter()
            .map(Option::unwrap)
            .collect();
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
            None,
        );
        assert!(area.contains_rect(edge[0].unwrap()));
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
        let rects = place_labels(&bubbles, &sizes, area, None);
        for (i, rect) in rects.iter().enumerate() {
            let rect = rect.unwrap_or_else(|| panic!("label {i} left out"));
            for (j, (centre, radius)) in bubbles.iter().enumerate() {
                let distance = rect.clamp(*centre).distance(*centre);
                assert!(distance >= radius - 1.0, "label {i} crosses bubble {j}");
            }
        }
    }

    #[test]
    fn a_label_with_no_free_spot_is_left_out_unless_it_must_show() {
        // Two bubbles on the same spot near the bottom: only the spot above is free, once.
        let area = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(100.0, 60.0));
        let bubbles = [
            (egui::pos2(50.0, 40.0), 10.0),
            (egui::pos2(50.0, 40.0), 10.0),
        ];
        let sizes = [egui::vec2(90.0, 30.0), egui::vec2(90.0, 30.0)];
        let rects = place_labels(&bubbles, &sizes, area, None);
        assert!(rects[0].is_some());
        assert!(rects[1].is_none());
        let rects = place_labels(&bubbles, &sizes, area, Some(1));
        assert!(
            rects[1].is_some(),
            "the selected alternative keeps its label"
        );
        assert!(rects[0].is_none());
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
